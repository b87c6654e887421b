import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EntryDraft, StepDraft } from '../../api';
import { expectNoAxeViolations } from '../../test/render';
import { fakeLayout } from '../journal/testSupport';
import { openGoals, viewSteps, type Backend } from './testSupport';
import { testProfile } from '../../test/profiles';

afterEach(() => {
  vi.restoreAllMocks();
});

const steps = (...texts: string[]): StepDraft[] => texts.map((text) => ({ id: null, text, done: false }));

function seedGoal(b: Backend) {
  return b.goals.addGoal({
    title: 'Say no when I need to',
    why: 'I end up doing things I hate.',
    area: 'boundaries',
    steps: steps('Notice one time', 'Say no to something small', 'Tell a friend'),
    targetDate: '2020-03-01',
    madeWithCounselor: true,
  });
}

async function openFirstGoal(seed: (b: Backend) => void = seedGoal, overrides: Parameters<typeof openGoals>[0] = {}) {
  const opened = await openGoals(overrides, seed);
  await opened.user.click(screen.getAllByTestId('goal-card')[0]!);
  await screen.findByTestId('goal-view');
  return opened;
}

describe('goal view', { timeout: 60_000 }, () => {
  it('shows the why, the steps, a small progress picture and a passed date as just a date, and passes axe', async () => {
    await openFirstGoal();
    const view = screen.getByTestId('goal-view');
    expect(within(view).getByRole('heading', { level: 1 })).toHaveTextContent('Say no when I need to');
    expect(view).toHaveTextContent('I end up doing things I hate.');
    expect(view).toHaveTextContent('Boundaries');
    expect(view).toHaveTextContent('Made with my counselor');
    expect(screen.getByTestId('goal-progress')).toHaveTextContent('0 of 3 steps');
    expect(viewSteps()).toEqual([
      { text: 'Notice one time', done: false },
      { text: 'Say no to something small', done: false },
      { text: 'Tell a friend', done: false },
    ]);
    // A date in the past is only a date: no "overdue", no "missed".
    expect(screen.getByTestId('goal-target-date-text')).toHaveTextContent('Around March 1, 2020. No pressure.');
    expect(view.textContent).not.toMatch(/overdue|missed|late|streak|%/i);
    expect(screen.getByTestId('goal-date-change')).toHaveTextContent('Change the date');
    expect(screen.getByTestId('goal-checkins-empty')).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('acknowledges a checked step warmly and briefly, for screen readers too, and stores it', async () => {
    const { user, backend } = await openFirstGoal();
    const checks = screen.getAllByRole('checkbox');
    expect(checks[0]).toHaveAccessibleName('Notice one time');
    await user.click(checks[0]!);
    expect(screen.getByTestId('goal-step-ack')).toHaveAttribute('aria-live', 'polite');
    await waitFor(() => expect(screen.getByTestId('goal-step-ack')).toHaveTextContent("Nice — that's a step."));
    await waitFor(() => expect(screen.getByTestId('goal-progress')).toHaveTextContent('1 of 3 steps'));
    await waitFor(() => expect(backend.goals.state.goals[0]!.steps[0]!.doneAt).not.toBeNull());
    expect(backend.callsTo('set_step_done').map((c) => c.args)).toEqual([
      { goalId: backend.goals.state.goals[0]!.id, stepId: backend.goals.state.goals[0]!.steps[0]!.id, done: true },
    ]);
    // Unchecking is said plainly too.
    await user.click(screen.getAllByRole('checkbox')[0]!);
    await waitFor(() => expect(screen.getByTestId('goal-step-ack')).toHaveTextContent("Okay, it's back on your list."));
    await waitFor(() => expect(backend.goals.state.goals[0]!.steps[0]!.doneAt).toBeNull());
    // The last one of all: a gentle word that the goal can be marked done, nothing louder.
    for (const box of screen.getAllByRole('checkbox')) await user.click(box);
    await waitFor(() =>
      expect(screen.getByTestId('goal-step-ack')).toHaveTextContent(
        "Nice — that's every step. You can mark the goal as done whenever it feels right.",
      ),
    );
    await waitFor(() => expect(screen.getByTestId('goal-progress')).toHaveTextContent('3 of 3 steps'));
    await waitFor(() => expect(backend.goals.state.goals[0]!.steps.every((s) => s.doneAt !== null)).toBe(true));
    expect(viewSteps().every((s) => s.done)).toBe(true);
  });

  it('checks steps one call at a time, in order, even when clicked quickly while a call is slow', async () => {
    const { user, backend } = await openFirstGoal();
    const release = backend.goals.hold('set_step_done');
    await user.click(screen.getAllByRole('checkbox')[0]!);
    await user.click(screen.getAllByRole('checkbox')[1]!);
    expect(backend.callsTo('set_step_done')).toHaveLength(1);
    expect(viewSteps().map((s) => s.done)).toEqual([true, true, false]);
    release();
    await waitFor(() => expect(backend.callsTo('set_step_done')).toHaveLength(2));
    await waitFor(() => expect(backend.goals.state.goals[0]!.steps.map((s) => s.doneAt !== null)).toEqual([true, true, false]));
    expect(viewSteps().map((s) => s.done)).toEqual([true, true, false]);
  });

  it('pauses, resumes, marks as done with a gentle word, lets go after a kind question, and passes axe', async () => {
    const { user, backend } = await openFirstGoal(seedGoal, { profile: testProfile('Sam', 'they') });
    const stored = () => backend.goals.state.goals[0]!;
    await user.click(screen.getByTestId('goal-pause'));
    await waitFor(() => expect(stored().status).toBe('paused'));
    await waitFor(() => expect(screen.getByTestId('goal-view-status')).toHaveTextContent("Paused. It'll be here when you want it."));
    expect(screen.getByTestId('goal-status')).toHaveTextContent('Paused');
    await user.click(screen.getByTestId('goal-resume'));
    await waitFor(() => expect(stored().status).toBe('active'));
    const before = stored().statusChangedAt;

    await user.click(screen.getByTestId('goal-done'));
    await waitFor(() => expect(stored().status).toBe('done'));
    expect(stored().statusChangedAt >= before).toBe(true);
    await waitFor(() => expect(screen.getByTestId('goal-view-status')).toHaveTextContent('You did it, Sam. That took care and time.'));
    expect(screen.getByTestId('goal-celebrate')).toHaveTextContent('You did this, Sam.');
    // Steps are kept with a done goal.
    expect(viewSteps()).toHaveLength(3);
    await expectNoAxeViolations();

    await user.click(screen.getByTestId('goal-let-go'));
    const dialog = await screen.findByTestId('goal-let-go-dialog');
    expect(dialog).toHaveTextContent('Letting go is a choice too');
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(stored().status).toBe('done');
    await user.click(screen.getByTestId('goal-let-go'));
    await user.click(await screen.findByTestId('goal-let-go-confirm'));
    await waitFor(() => expect(stored().status).toBe('let_go'));
    await waitFor(() =>
      expect(screen.getByTestId('goal-view-status')).toHaveTextContent('You let it go. Want to note what you learned?'),
    );
    // Writing about it is offered, never required.
    await user.click(screen.getByTestId('goal-let-go-write'));
    expect(await screen.findByTestId('editor')).toBeInTheDocument();
  });

  it('deletes a goal after asking; its check-ins stay in the journal', async () => {
    const { user, backend } = await openFirstGoal((b) => {
      const goal = seedGoal(b);
      b.journal.add({ kind: 'goal_checkin', body: 'Went okay', goal: { goalId: goal.id, inTheWay: null, nextStep: null } });
    });
    await user.click(screen.getByTestId('goal-delete'));
    const dialog = await screen.findByTestId('goal-delete-dialog');
    expect(dialog).toHaveTextContent('Its check-ins stay in your journal.');
    await user.click(screen.getByTestId('goal-delete-confirm'));
    const list = await screen.findByTestId('goals-screen');
    await waitFor(() => expect(screen.getByTestId('goals-status')).toHaveTextContent('The goal is deleted. Its check-ins are still in your journal.'));
    expect(within(list).queryAllByTestId('goal-card')).toHaveLength(0);
    expect(backend.goals.state.goals).toHaveLength(0);
    expect(backend.journal.live().map((e) => e.body)).toEqual(['Went okay']);
    // In the journal, the check-in says plainly that its goal is gone.
    fakeLayout();
    await user.click(screen.getByTestId('nav-journal'));
    await user.click(await screen.findByTestId('timeline-entry'));
    expect(await screen.findByTestId('entry-goal-gone')).toHaveTextContent('The goal this was about has been deleted.');
    expect(screen.getByTestId('entry-view')).toHaveTextContent('Went okay');
    await expectNoAxeViolations();
  });

  it('checks in on a goal: every part optional, feelings from the journal vocabulary, in the history and the journal', async () => {
    const { user, backend } = await openFirstGoal();
    await user.click(screen.getByTestId('goal-checkin'));
    const form = await screen.findByTestId('goal-checkin-form');
    expect(within(form).getByRole('heading', { level: 1 })).toHaveTextContent('Check in: Say no when I need to');
    expect(form).toHaveTextContent('Every part is optional.');
    // Nothing to save yet: Save waits, and says why.
    expect(screen.getByTestId('goal-checkin-save')).toBeDisabled();
    await expectNoAxeViolations();

    await user.type(screen.getByTestId('goal-checkin-how'), 'I said no to a sleepover.');
    await user.type(screen.getByTestId('goal-checkin-feeling-search'), 'prou');
    await user.click(screen.getByTestId('goal-checkin-feeling-proud'));
    expect(screen.getByTestId('checkin-intensity-proud')).toBeInTheDocument();
    await user.type(screen.getByTestId('goal-checkin-in-the-way'), 'Worrying they would be upset');
    await user.type(screen.getByTestId('goal-checkin-next'), 'Say no to extra homework help');
    await user.click(screen.getByTestId('goal-checkin-add-step'));
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('goal-checkin-save'));

    await screen.findByTestId('goal-view');
    await waitFor(() =>
      expect(screen.getByTestId('goal-view-status')).toHaveTextContent('Check-in saved, and the next step is on your list.'),
    );
    const items = await screen.findAllByTestId('goal-checkin-item');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('I said no to a sleepover.');
    expect(items[0]).toHaveTextContent('Goal check-in');
    expect(viewSteps().map((s) => s.text)).toEqual([
      'Notice one time',
      'Say no to something small',
      'Tell a friend',
      'Say no to extra homework help',
    ]);
    const saved = backend.callsTo('save_entry').map((c) => c.args?.draft as EntryDraft);
    expect(saved).toEqual([
      {
        id: null,
        kind: 'goal_checkin',
        title: null,
        body: 'I said no to a sleepover.',
        tags: [],
        promptId: null,
        checkin: {
          feelings: [{ feeling: 'proud', intensity: 3, valence: 1 }],
          pleasantness: null,
          energy: null,
          sensations: [],
          goingOn: null,
          helped: null,
        },
        goal: { goalId: backend.goals.state.goals[0]!.id, inTheWay: 'Worrying they would be upset', nextStep: 'Say no to extra homework help' },
      },
    ]);

    // It opens in the journal, with what got in the way, the next step and a way back to the goal.
    await user.click(items[0]!);
    const entry = await screen.findByTestId('entry-view');
    expect(entry).toHaveTextContent('Goal check-in');
    expect(screen.getByTestId('entry-goal-in-the-way')).toHaveTextContent('Worrying they would be upset');
    expect(screen.getByTestId('entry-goal-next-step')).toHaveTextContent('Say no to extra homework help');
    expect(entry).toHaveTextContent('Proud');
    expect(await screen.findByTestId('entry-goal-link')).toHaveTextContent('Goal: Say no when I need to');
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('entry-goal-link'));
    expect(await screen.findByTestId('goal-view')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Say no when I need to');
  });

  it('lists check-ins newest first, and a check-in with only one answer is saved', async () => {
    const { user, backend } = await openFirstGoal((b) => {
      const goal = seedGoal(b);
      const old = new Date();
      old.setDate(old.getDate() - 3);
      b.journal.add({ kind: 'goal_checkin', body: 'The first time', goal: { goalId: goal.id, inTheWay: null, nextStep: null } }, old);
    });
    await user.click(screen.getByTestId('goal-checkin'));
    await user.type(await screen.findByTestId('goal-checkin-in-the-way'), 'Tired after school');
    await user.click(screen.getByTestId('goal-checkin-save'));
    await screen.findByTestId('goal-view');
    await waitFor(() => expect(screen.getAllByTestId('goal-checkin-item')).toHaveLength(2));
    const items = screen.getAllByTestId('goal-checkin-item');
    expect(items[0]).toHaveTextContent('Tired after school');
    expect(items[1]).toHaveTextContent('The first time');
    expect(backend.journal.live()).toHaveLength(2);
    // It is on the journal's timeline too, as a goal check-in.
    fakeLayout();
    await user.click(screen.getByTestId('nav-journal'));
    await waitFor(() => expect(screen.getAllByTestId('timeline-entry')).toHaveLength(2));
    expect(screen.getAllByTestId('timeline-entry')[0]).toHaveAttribute('data-kind', 'goal_checkin');
    expect(screen.getAllByTestId('timeline-entry')[0]).toHaveTextContent('Tired after school');
  });

  it('keeps a check-in typed when it cannot be saved, and offers Help quietly after a hard one', async () => {
    const { user, backend } = await openFirstGoal();
    await user.click(screen.getByTestId('goal-checkin'));
    await user.type(await screen.findByTestId('goal-checkin-how'), 'Rough week.');
    await user.click(screen.getByTestId('goal-checkin-core-sad'));
    await user.click(screen.getByTestId('goal-checkin-feeling-hopeless'));
    // Strongest: the slider's keyboard.
    const thumb = screen.getByTestId('checkin-intensity-hopeless-thumb').querySelector('input')!;
    thumb.focus();
    await user.keyboard('{End}');
    backend.state.failNext.save_entry = 'storage';
    await user.click(screen.getByTestId('goal-checkin-save'));
    await waitFor(() =>
      expect(screen.getByTestId('goal-checkin-status')).toHaveTextContent(
        "Your check-in couldn't be saved just now. Everything you typed is still here — try again in a moment.",
      ),
    );
    expect(screen.getByTestId('goal-checkin-how')).toHaveValue('Rough week.');
    await user.click(screen.getByTestId('goal-checkin-save'));
    await screen.findByTestId('goal-view');
    expect(await screen.findByTestId('goal-checkin-hard-support')).toHaveTextContent('Help has people you can reach');
  });

  it('says so plainly when the goal is not there any more', async () => {
    const { user, backend } = await openGoals({}, seedGoal);
    backend.goals.state.goals = [];
    await user.click(screen.getByTestId('goal-card'));
    expect(await screen.findByTestId('goal-view-problem')).toHaveTextContent(
      "This goal isn't here anymore. Its check-ins are still in your journal.",
    );
    await expectNoAxeViolations();
  });
});

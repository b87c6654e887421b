import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GoalDraft } from '../../api';
import { expectNoAxeViolations } from '../../test/render';
import { editorSteps, openGoals, viewSteps } from './testSupport';

const drafts = (backend: Awaited<ReturnType<typeof openGoals>>['backend']) =>
  backend.callsTo('save_goal').map((c) => c.args?.draft as GoalDraft);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('goal editor', { timeout: 60_000 }, () => {
  it('creates a goal in the person words with a first step and more steps, and passes axe', async () => {
    const { user, backend } = await openGoals();
    await user.click(screen.getByTestId('goal-new'));
    const editor = await screen.findByTestId('goal-editor');
    expect(within(editor).getByRole('heading', { level: 1 })).toHaveTextContent('A new goal');
    // The cursor starts in the title; the first step is invited, and says it can be skipped.
    expect(screen.getByTestId('goal-title')).toHaveFocus();
    expect(screen.getByTestId('goal-first-step')).toHaveAccessibleName('What feels like a manageable first step?');
    expect(screen.getByTestId('goal-first-step')).toHaveAccessibleDescription(/You can skip this/);
    await expectNoAxeViolations();

    await user.type(screen.getByTestId('goal-title'), 'Say no when I need to');
    await user.type(screen.getByTestId('goal-why'), 'I end up doing things I hate.');
    await user.click(screen.getByTestId('goal-area-boundaries'));
    await user.type(screen.getByTestId('goal-first-step'), 'Notice one time I want to say no{Enter}');
    // Once there is a step, the same field adds the next one.
    expect(screen.getByTestId('goal-step-input')).toHaveFocus();
    await user.type(screen.getByTestId('goal-step-input'), 'Say no to something small');
    await user.click(screen.getByTestId('goal-step-add'));
    await user.type(screen.getByTestId('goal-step-input'), 'Tell Ms. Rivera how it went');
    expect(editorSteps()).toEqual(['Notice one time I want to say no', 'Say no to something small']);
    await user.click(screen.getByTestId('goal-with-counselor'));
    await expectNoAxeViolations();

    // The step still in the field is saved too.
    await user.click(screen.getByTestId('goal-save'));
    const view = await screen.findByTestId('goal-view');
    expect(within(view).getByRole('heading', { level: 1 })).toHaveTextContent('Say no when I need to');
    expect(viewSteps().map((s) => s.text)).toEqual([
      'Notice one time I want to say no',
      'Say no to something small',
      'Tell Ms. Rivera how it went',
    ]);
    expect(screen.getByTestId('goal-progress')).toHaveTextContent('0 of 3 steps');
    await waitFor(() => expect(screen.getByTestId('goal-view-status')).toHaveTextContent('Your goal is saved.'));
    expect(drafts(backend)).toEqual([
      {
        id: null,
        title: 'Say no when I need to',
        why: 'I end up doing things I hate.',
        area: 'boundaries',
        steps: [
          { id: null, text: 'Notice one time I want to say no', done: false },
          { id: null, text: 'Say no to something small', done: false },
          { id: null, text: 'Tell Ms. Rivera how it went', done: false },
        ],
        targetDate: null,
        madeWithCounselor: true,
        reminder: null,
      },
    ]);
    const stored = backend.goals.state.goals[0]!;
    expect(stored.madeWithCounselor).toBe(true);
    expect(stored.status).toBe('active');
  });

  it('says kindly that the goal needs a few words, and saves nothing', async () => {
    const { user, backend } = await openGoals();
    await user.click(screen.getByTestId('goal-new'));
    await user.type(screen.getByTestId('goal-first-step'), 'Drink water in the morning');
    await user.type(screen.getByTestId('goal-title'), '   ');
    await user.click(screen.getByTestId('goal-save'));
    const message = "Give your goal a few words first — that's the one part it needs. Everything else can wait.";
    await waitFor(() => expect(screen.getByTestId('goal-editor-status')).toHaveTextContent(message));
    expect(screen.getByTestId('goal-title')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('goal-title')).toHaveAccessibleDescription(expect.stringContaining(message));
    await waitFor(() => expect(screen.getByTestId('goal-title')).toHaveFocus());
    expect(backend.callsTo('save_goal')).toHaveLength(0);
    expect(backend.goals.state.goals).toHaveLength(0);
    // Nothing typed is lost: the step is still there.
    expect(editorSteps()).toEqual(['Drink water in the morning']);
    await expectNoAxeViolations();
  });

  it('adds, edits, reorders by keyboard and removes steps, with focus kept and moves announced', async () => {
    const { user, backend } = await openGoals({}, (b) => {
      b.goals.addGoal({ title: 'Sleep better', steps: ['Phone out of the room', 'Same bedtime', 'Read first'].map((text) => ({ id: null, text, done: false })) });
    });
    await user.click(screen.getByTestId('goal-card'));
    await user.click(await screen.findByTestId('goal-edit'));
    await screen.findByTestId('goal-editor');
    expect(editorSteps()).toEqual(['Phone out of the room', 'Same bedtime', 'Read first']);
    const ids = backend.goals.state.goals[0]!.steps.map((s) => s.id);

    // Keyboard: focus "Down" on the first row and press Enter twice, then Space on "Up".
    const down = screen.getAllByTestId('goal-step-down')[0]!;
    down.focus();
    await user.keyboard('{Enter}');
    expect(editorSteps()).toEqual(['Same bedtime', 'Phone out of the room', 'Read first']);
    expect(screen.getAllByTestId('goal-step-down')[1]).toHaveFocus();
    await waitFor(() => expect(screen.getByTestId('goal-editor-status')).toHaveTextContent('Moved to 2 of 3.'));
    await user.keyboard('{Enter}');
    expect(editorSteps()).toEqual(['Same bedtime', 'Read first', 'Phone out of the room']);
    // At the bottom "Down" is off, so focus moves to the same row's "Up".
    expect(screen.getAllByTestId('goal-step-up')[2]).toHaveFocus();
    expect(screen.getAllByTestId('goal-step-down')[2]).toBeDisabled();
    await user.keyboard(' ');
    expect(editorSteps()).toEqual(['Same bedtime', 'Phone out of the room', 'Read first']);
    expect(screen.getAllByTestId('goal-step-up')[0]).toBeDisabled();
    expect(screen.getAllByTestId('goal-step-up')[1]).toHaveAccessibleName('Up: Step 2');

    // Edit a step in place, and remove one: focus goes to the next row's Remove.
    const second = screen.getAllByTestId('goal-step-text')[1]!;
    await user.clear(second);
    await user.type(second, 'Phone charges in the kitchen');
    await user.click(screen.getAllByTestId('goal-step-remove')[0]!);
    expect(editorSteps()).toEqual(['Phone charges in the kitchen', 'Read first']);
    expect(screen.getAllByTestId('goal-step-remove')[0]).toHaveFocus();
    await user.type(screen.getByTestId('goal-step-input'), 'Lights off at 11{Enter}');
    await expectNoAxeViolations();

    await user.click(screen.getByTestId('goal-save'));
    await screen.findByTestId('goal-view');
    const sent = drafts(backend).at(-1)!;
    // Kept steps keep their ids (the stored step, moved and edited); new ones have none.
    expect(sent.steps).toEqual([
      { id: ids[0], text: 'Phone charges in the kitchen', done: false },
      { id: ids[2], text: 'Read first', done: false },
      { id: null, text: 'Lights off at 11', done: false },
    ]);
    expect(viewSteps().map((s) => s.text)).toEqual(['Phone charges in the kitchen', 'Read first', 'Lights off at 11']);
  });

  it('reorders by keyboard drag and drop on a step handle', async () => {
    const { user } = await openGoals({}, (b) => {
      b.goals.addGoal({ title: 'Sleep better', steps: ['One', 'Two', 'Three'].map((text) => ({ id: null, text, done: false })) });
    });
    await user.click(screen.getByTestId('goal-card'));
    await user.click(await screen.findByTestId('goal-edit'));
    await screen.findByTestId('goal-editor');
    const handle = screen.getByRole('button', { name: 'Drag to move: Step 1' });
    // React Aria's keyboard drag: Enter on the handle, arrows between drop positions (each one
    // named for screen readers), Enter to drop.
    act(() => handle.focus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName('Insert between One and Two'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toHaveAccessibleName('Insert between Two and Three');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toHaveAccessibleName('Insert after Three');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(editorSteps()).toEqual(['Two', 'Three', 'One']));
    await waitFor(() => expect(screen.getByTestId('goal-editor-status')).toHaveTextContent('Moved to 3 of 3.'));
  });

  it('keeps 300 steps usable: all listed in the goal, a window of rows in the editor, reordered and saved in order', async () => {
    // A list box about 400 px high (jsdom has no layout of its own).
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.dataset.testid === 'goal-steps' ? 400 : 0;
    });
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return this.dataset.testid === 'goal-steps' ? 700 : 0;
    });
    const texts = Array.from({ length: 300 }, (_, i) => `Step number ${i + 1}`);
    const { user, backend } = await openGoals({}, (b) => {
      b.goals.addGoal({ title: 'A long list', steps: texts.map((text) => ({ id: null, text, done: false })) });
    });
    await user.click(screen.getByTestId('goal-card'));
    expect(await screen.findByTestId('goal-progress')).toHaveTextContent('0 of 300 steps');
    expect(screen.getAllByTestId('goal-step-check')).toHaveLength(300);
    await user.click(screen.getAllByTestId('goal-step-check')[299]!);
    await waitFor(() => expect(screen.getByTestId('goal-progress')).toHaveTextContent('1 of 300 steps'));

    await user.click(screen.getByTestId('goal-edit'));
    await screen.findByTestId('goal-editor');
    // Only the rows in view are in the page; the grid still says how long it is.
    const rendered = screen.getAllByTestId('goal-step').length;
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(300);
    expect(screen.getByRole('grid', { name: 'Your steps, in order' })).toHaveAttribute('aria-rowcount', '300');

    await user.click(screen.getAllByTestId('goal-step-down')[0]!);
    await user.click(screen.getAllByTestId('goal-step-down')[1]!);
    const second = screen.getAllByTestId('goal-step-text')[1]!;
    await user.type(second, ' (edited)');
    expect(screen.getAllByTestId('goal-step-up')[2]).toHaveAccessibleName('Up: Step 3');
    await user.click(screen.getByTestId('goal-save'));
    await screen.findByTestId('goal-view');
    const expected = ['Step number 2', 'Step number 3 (edited)', 'Step number 1', ...texts.slice(3)];
    const sent = drafts(backend).at(-1)!.steps;
    expect(sent.map((s) => s.text)).toEqual(expected);
    expect(sent.at(-1)).toMatchObject({ text: 'Step number 300', done: true });
    expect(backend.goals.state.goals[0]!.steps.map((s) => s.text)).toEqual(expected);
    expect(screen.getAllByTestId('goal-step-check')).toHaveLength(300);
  }, 90_000);

  it('serialises saves: a second change while a slow save runs is sent after it, and the last state is stored', async () => {
    const { user, backend } = await openGoals();
    await user.click(screen.getByTestId('goal-new'));
    await user.type(screen.getByTestId('goal-title'), 'Walk after school');
    await user.type(screen.getByTestId('goal-first-step'), 'Find shoes{Enter}');
    const release = backend.goals.hold('save_goal');
    await user.click(screen.getByTestId('goal-save'));
    expect(screen.getByTestId('goal-save')).toHaveTextContent('Saving…');
    // While the first save is still on its way: reorder, add, retitle, save again.
    await user.type(screen.getByTestId('goal-step-input'), 'Ten minutes round the block{Enter}');
    await user.click(screen.getAllByTestId('goal-step-up')[1]!);
    await user.clear(screen.getByTestId('goal-title'));
    await user.type(screen.getByTestId('goal-title'), 'Walk after school, most days');
    await user.click(screen.getByTestId('goal-save'));
    // Never two in flight: the second call has not been made yet.
    expect(backend.callsTo('save_goal')).toHaveLength(1);
    release();
    await screen.findByTestId('goal-view');
    const sent = drafts(backend);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.id).toBeNull();
    expect(sent[0]!.title).toBe('Walk after school');
    expect(sent[0]!.steps.map((s) => s.text)).toEqual(['Find shoes']);
    // The second save updates the goal the first one created, with its step's id.
    const goal = backend.goals.state.goals;
    expect(goal).toHaveLength(1);
    expect(sent[1]!.id).toBe(goal[0]!.id);
    expect(sent[1]!.steps).toEqual([
      { id: null, text: 'Ten minutes round the block', done: false },
      { id: goal[0]!.steps[1]!.id, text: 'Find shoes', done: false },
    ]);
    expect(goal[0]!.title).toBe('Walk after school, most days');
    expect(goal[0]!.steps.map((s) => s.text)).toEqual(['Ten minutes round the block', 'Find shoes']);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Walk after school, most days');
  });

  it('keeps everything typed when a save does not go through, and saves it on retry', async () => {
    const { user, backend } = await openGoals();
    await user.click(screen.getByTestId('goal-new'));
    await user.type(screen.getByTestId('goal-title'), 'Ask for help in maths');
    await user.type(screen.getByTestId('goal-first-step'), 'Write down one question{Enter}');
    backend.state.failNext.save_goal = 'storage';
    await user.click(screen.getByTestId('goal-save'));
    await waitFor(() =>
      expect(screen.getByTestId('goal-editor-status')).toHaveTextContent(
        "Your goal couldn't be saved just now. Everything you typed is still here — try again in a moment.",
      ),
    );
    expect(screen.getByTestId('goal-title')).toHaveValue('Ask for help in maths');
    expect(editorSteps()).toEqual(['Write down one question']);
    expect(backend.goals.state.goals).toHaveLength(0);
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('goal-save-retry'));
    await screen.findByTestId('goal-view');
    expect(backend.goals.state.goals.map((g) => g.title)).toEqual(['Ask for help in maths']);
  });

  it('sets a gentle target date and a reminder on chosen weekdays', async () => {
    const { user, backend } = await openGoals();
    await user.click(screen.getByTestId('goal-new'));
    await user.type(screen.getByTestId('goal-title'), 'Finish the art project');
    const date = within(screen.getByTestId('goal-target-date')).getAllByRole('spinbutton');
    await user.click(date[0]!);
    await user.keyboard('03152027');
    expect(screen.getByTestId('goal-target-date')).toHaveTextContent('no pressure');
    await user.click(screen.getByTestId('goal-reminder'));
    expect(screen.getByTestId('goal-editor')).toHaveTextContent('A reminder only says "A moment for yourself?"');
    await user.click(screen.getByTestId('goal-reminder-day-0'));
    await user.click(screen.getByTestId('goal-reminder-day-3'));
    expect(screen.getByTestId('goal-reminder-day-0')).toHaveAccessibleName('Monday');
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('goal-save'));
    await screen.findByTestId('goal-view');
    expect(drafts(backend)[0]).toMatchObject({ targetDate: '2027-03-15', reminder: { weekdays: [0, 3], time: '18:00' } });
    expect(screen.getByTestId('goal-target-date-text')).toHaveTextContent('Around March 15, 2027. No pressure.');
  });

  it('asks before leaving with unsaved changes, and leaves at once without any', async () => {
    const { user, backend } = await openGoals();
    await user.click(screen.getByTestId('goal-new'));
    await user.click(screen.getByTestId('goal-cancel'));
    expect(await screen.findByTestId('goals-screen')).toBeInTheDocument();
    await user.click(screen.getByTestId('goal-new'));
    await user.type(screen.getByTestId('goal-title'), 'Something');
    await user.click(screen.getByTestId('goal-cancel'));
    expect(await screen.findByTestId('goal-leave-dialog')).toHaveTextContent("What you changed here won't be kept.");
    await user.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByTestId('goal-title')).toHaveValue('Something');
    await user.click(screen.getByTestId('goal-cancel'));
    await user.click(await screen.findByTestId('goal-leave-confirm'));
    expect(await screen.findByTestId('goals-screen')).toBeInTheDocument();
    expect(backend.callsTo('save_goal')).toHaveLength(0);
  });
});

// Nothing typed in the goal editor or a goal check-in is lost when Cove locks: unsaved words are
// saved once (never twice) before the backend locks.
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EntryDraft, GoalDraft, StepDraft } from '../../api';
import { flushPendingSaves } from '../../app/pendingSaves';
import { openGoals, type Backend } from './testSupport';

const goalDrafts = (backend: Backend) => backend.callsTo('save_goal').map((c) => c.args?.draft as GoalDraft);
const entryDrafts = (backend: Backend) => backend.callsTo('save_entry').map((c) => c.args?.draft as EntryDraft);
const steps = (...texts: string[]): StepDraft[] => texts.map((text) => ({ id: null, text, done: false }));
const flush = () => act(() => flushPendingSaves());

function seedGoal(b: Backend) {
  return b.goals.addGoal({ title: 'Say no when I need to', why: null, area: 'boundaries', steps: steps('Notice one time') });
}

async function newGoal() {
  const opened = await openGoals();
  await opened.user.click(screen.getByTestId('goal-new'));
  await screen.findByTestId('goal-editor');
  return opened;
}

describe('goal editor before a lock', { timeout: 60_000 }, () => {
  it('saves the words typed, once, and a Save after it changes that same goal', async () => {
    const { user, backend } = await newGoal();
    await user.type(screen.getByTestId('goal-title'), 'Sleep before midnight');
    await user.type(screen.getByTestId('goal-why'), 'Mornings are hard.');
    await user.type(screen.getByTestId('goal-first-step'), 'Phone away at 11');
    await flush();
    expect(goalDrafts(backend)).toEqual([
      expect.objectContaining({
        id: null,
        title: 'Sleep before midnight',
        why: 'Mornings are hard.',
        steps: [{ id: null, text: 'Phone away at 11', done: false }],
      }),
    ]);
    // A second flush with nothing new sends nothing.
    await flush();
    expect(goalDrafts(backend)).toHaveLength(1);
    const id = backend.goals.state.goals[0]!.id;

    // Save after the flush: the same goal, not a second one.
    await user.type(screen.getByTestId('goal-title'), ' most nights');
    await user.click(screen.getByTestId('goal-save'));
    await screen.findByTestId('goal-view');
    expect(backend.goals.state.goals.map((g) => g.title)).toEqual(['Sleep before midnight most nights']);
    expect(goalDrafts(backend).slice(1).every((d) => d.id === id)).toBe(true);
    expect(backend.goals.state.goals[0]!.steps.map((s) => s.text)).toEqual(['Phone away at 11']);
  });

  it('keeps a goal with words but no title under a neutral title; an empty one keeps nothing', async () => {
    const { user, backend } = await newGoal();
    await flush();
    // An area is not words: still nothing to keep.
    await user.click(screen.getByTestId('goal-area-school'));
    await flush();
    expect(goalDrafts(backend)).toHaveLength(0);

    await user.type(screen.getByTestId('goal-why'), 'So I can rest.');
    await flush();
    expect(goalDrafts(backend)).toEqual([
      expect.objectContaining({ id: null, title: "A goal I'm still naming", why: 'So I can rest.', area: 'school' }),
    ]);
    expect(backend.goals.state.goals).toHaveLength(1);
  });

  it('after a Save, a lock saves nothing again', async () => {
    const { user, backend } = await newGoal();
    await user.type(screen.getByTestId('goal-title'), 'Drink water');
    await user.click(screen.getByTestId('goal-save'));
    await screen.findByTestId('goal-view');
    await flush();
    expect(goalDrafts(backend)).toHaveLength(1);
    expect(backend.goals.state.goals).toHaveLength(1);
  });

  it('Ctrl+L while changing a stored goal: the change is saved, then the vault locks', async () => {
    const { user, backend } = await openGoals({}, seedGoal);
    await user.click(screen.getAllByTestId('goal-card')[0]!);
    await user.click(await screen.findByTestId('goal-edit'));
    await screen.findByTestId('goal-editor');
    // Opened and left as it is: nothing to save.
    await flush();
    expect(goalDrafts(backend)).toHaveLength(0);

    // A title cleared keeps the one the goal has; the words typed elsewhere are saved.
    await user.clear(screen.getByTestId('goal-title'));
    await user.type(screen.getByTestId('goal-why'), 'I want my evenings back.');
    await user.keyboard('{Control>}l{/Control}');
    expect(screen.queryByTestId('goal-editor')).not.toBeInTheDocument();
    await screen.findByTestId('unlock-passphrase');
    await waitFor(() => expect(backend.callsTo('lock')).toHaveLength(1));
    const order = backend.calls.map((c) => c.cmd).filter((cmd) => cmd === 'save_goal' || cmd === 'lock');
    expect(order).toEqual(['save_goal', 'lock']);
    expect(backend.goals.state.goals).toHaveLength(1);
    expect(backend.goals.state.goals[0]).toMatchObject({ title: 'Say no when I need to', why: 'I want my evenings back.' });
  });
});

describe('goal check-in before a lock', { timeout: 60_000 }, () => {
  async function checkin() {
    const opened = await openGoals({}, seedGoal);
    await opened.user.click(screen.getAllByTestId('goal-card')[0]!);
    await opened.user.click(await screen.findByTestId('goal-checkin'));
    await screen.findByTestId('goal-checkin-form');
    return opened;
  }

  it('saves the check-in it would have been, once, and Save after it makes no second one', async () => {
    const { user, backend } = await checkin();
    await user.type(screen.getByTestId('goal-checkin-how'), 'Said no once.');
    await user.type(screen.getByTestId('goal-checkin-feeling-search'), 'prou');
    await user.click(screen.getByTestId('goal-checkin-feeling-proud'));
    await user.type(screen.getByTestId('goal-checkin-next'), 'Try it with family');
    await flush();
    const goalId = backend.goals.state.goals[0]!.id;
    expect(entryDrafts(backend)).toEqual([
      {
        id: null,
        kind: 'goal_checkin',
        title: null,
        body: 'Said no once.',
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
        goal: { goalId, inTheWay: null, nextStep: 'Try it with family' },
      },
    ]);
    await flush();
    expect(entryDrafts(backend)).toHaveLength(1);

    // More words, then Save: the same entry.
    await user.type(screen.getByTestId('goal-checkin-in-the-way'), 'Nerves');
    await user.click(screen.getByTestId('goal-checkin-save'));
    await screen.findByTestId('goal-view');
    expect(backend.journal.live()).toHaveLength(1);
    expect(backend.journal.live()[0]!.goal?.inTheWay).toBe('Nerves');
    expect(entryDrafts(backend).map((d) => d.id)).toEqual([null, backend.journal.live()[0]!.id]);
  });

  it('saves nothing when nothing was written, and nothing twice after a Save', async () => {
    const { user, backend } = await checkin();
    await flush();
    expect(entryDrafts(backend)).toHaveLength(0);
    await user.type(screen.getByTestId('goal-checkin-in-the-way'), 'Tired after school');
    await user.click(screen.getByTestId('goal-checkin-save'));
    await screen.findByTestId('goal-view');
    await flush();
    expect(entryDrafts(backend)).toHaveLength(1);
    expect(backend.journal.live()).toHaveLength(1);
  });
});

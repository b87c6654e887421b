import { describe, expect, it } from 'vitest';
import type { Goal, GoalDraft } from '../../api';
import { CommandFailure } from '../../api';
import { GoalSaver } from './saver';
import { EMPTY_FORM, stepRow, type GoalForm } from './model';

/** A store that answers when told to, and numbers steps as the backend does. */
function fakeStore() {
  const calls: GoalDraft[] = [];
  const waiting: (() => void)[] = [];
  let nextStep = 100;
  const save = (draft: GoalDraft): Promise<Goal> => {
    calls.push(structuredClone(draft));
    return new Promise((resolve) =>
      waiting.push(() =>
        resolve({
          id: draft.id ?? 7,
          title: draft.title,
          why: draft.why,
          area: draft.area,
          steps: draft.steps.map((s) => ({ id: s.id ?? nextStep++, text: s.text, doneAt: s.done ? 'x' : null })),
          targetDate: draft.targetDate,
          status: 'active',
          madeWithCounselor: draft.madeWithCounselor,
          reminder: draft.reminder,
          counselorWords: null,
          createdAt: 'c',
          updatedAt: 'u',
          statusChangedAt: 'c',
          checkins: 0,
          lastCheckinAt: null,
        }),
      ),
    );
  };
  const answer = async () => {
    while (waiting.length === 0) await Promise.resolve();
    waiting.shift()!();
    await Promise.resolve();
  };
  return { calls, save, answer };
}

const form = (title: string, steps: GoalForm['steps'] = []): GoalForm => ({ ...EMPTY_FORM, title, steps });

describe('GoalSaver', () => {
  it('never has two saves in flight; the latest form goes last, onto the goal the first one created', async () => {
    const store = fakeStore();
    const saver = new GoalSaver({ id: null, save: store.save });
    const a = stepRow('First');
    const b = stepRow('Second');
    const first = saver.save(form('Walk', [a]));
    const second = saver.save(form('Walk more', [b, a]));
    const third = saver.save(form('Walk most days', [b, a]));
    expect(saver.busy).toBe(true);
    expect(store.calls).toHaveLength(1);
    await store.answer();
    await store.answer();
    const [g1, g2, g3] = await Promise.all([first, second, third]);
    // The forms asked for while the first was on its way were folded into one save: the latest.
    expect(store.calls).toHaveLength(2);
    expect(store.calls[0]).toMatchObject({ id: null, title: 'Walk', steps: [{ id: null, text: 'First', done: false }] });
    expect(store.calls[1]).toMatchObject({
      id: 7,
      title: 'Walk most days',
      steps: [
        { id: null, text: 'Second', done: false },
        { id: 100, text: 'First', done: false },
      ],
    });
    expect(g1).toBe(g3);
    expect(g2).toBe(g3);
    expect(g3.title).toBe('Walk most days');
    expect(saver.goalId).toBe(7);
    expect(saver.busy).toBe(false);
  });

  it('matches stored steps to rows by order, leaving blank rows out', async () => {
    const store = fakeStore();
    const saver = new GoalSaver({ id: null, save: store.save });
    const rows = [stepRow('One'), stepRow('   '), stepRow('Two')];
    const done = saver.save(form('Goal', rows));
    await store.answer();
    await done;
    const again = saver.save(form('Goal', [rows[2]!, rows[0]!]));
    await store.answer();
    await again;
    expect(store.calls[1]!.steps).toEqual([
      { id: 101, text: 'Two', done: false },
      { id: 100, text: 'One', done: false },
    ]);
  });

  it('rejects when a save does not go through and sends nothing behind the person’s back', async () => {
    let calls = 0;
    const saver = new GoalSaver({
      id: 3,
      save: () => {
        calls += 1;
        return Promise.reject(new CommandFailure({ code: 'storage', message: 'x', attemptsLeft: null }));
      },
    });
    await expect(saver.save(form('Goal'))).rejects.toMatchObject({ code: 'storage' });
    expect(calls).toBe(1);
    expect(saver.busy).toBe(false);
  });

  it('uses firstSave once (e.g. answering a suggestion), then save_goal', async () => {
    const store = fakeStore();
    const firstDrafts: GoalDraft[] = [];
    const saver = new GoalSaver({
      id: null,
      save: store.save,
      firstSave: (draft) => {
        firstDrafts.push(draft);
        return store.save(draft);
      },
    });
    const one = saver.save(form('Mine'));
    await store.answer();
    await one;
    const two = saver.save(form('Mine, changed'));
    await store.answer();
    await two;
    expect(firstDrafts.map((d) => d.title)).toEqual(['Mine']);
    expect(store.calls.map((d) => [d.id, d.title])).toEqual([
      [null, 'Mine'],
      [7, 'Mine, changed'],
    ]);
  });

  it('flush (before a lock) waits for the save in flight and stores only what is not stored yet', async () => {
    const store = fakeStore();
    const saver = new GoalSaver({ id: null, save: store.save });
    const a = stepRow('First');
    // Save pressed, and the lock comes while it is on its way: the same words are not sent twice.
    const pressed = saver.save(form('Walk', [a]));
    const locking = saver.flush(form('Walk', [a]));
    await store.answer();
    await Promise.all([pressed, locking]);
    expect(store.calls).toHaveLength(1);
    // Words changed since: sent onto the same goal, with the step it already has.
    const changed = saver.flush(form('Walk', [a, stepRow('Second')]));
    await store.answer();
    await changed;
    expect(store.calls.map((d) => [d.id, d.steps.map((s) => [s.id, s.text])])).toEqual([
      [null, [[null, 'First']]],
      [7, [[100, 'First'], [null, 'Second']]],
    ]);
  });

  it('flush of a stored goal opened as it is sends nothing', async () => {
    const store = fakeStore();
    const stored = form('Walk', [stepRow('First', 3)]);
    const saver = new GoalSaver({ id: 7, save: store.save, stored });
    await saver.flush({ ...stored, steps: stored.steps.map((s) => ({ ...s })) });
    expect(store.calls).toHaveLength(0);
  });
});

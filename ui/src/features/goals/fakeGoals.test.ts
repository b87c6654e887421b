// The fake goals backend follows the contract the goals screens (and the end-to-end flows they
// stand in for) rely on: the same checks and answers as src-tauri/goals.
import { describe, expect, it } from 'vitest';
import * as api from '../../api';
import type { EntryDraft, GoalDraft } from '../../api';
import { createFakeBackend } from '../../test/fakeBackend';

function setup() {
  const backend = createFakeBackend({ unlocked: true });
  backend.install();
  const draft = (over: Partial<GoalDraft> = {}): GoalDraft => ({
    id: null,
    title: 'Sleep better',
    why: null,
    area: null,
    steps: [],
    targetDate: null,
    madeWithCounselor: false,
    reminder: null,
    ...over,
  });
  return { backend, draft };
}

const code = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: unknown) => (api.isCommandFailure(e) ? e.code : 'other'));

describe('fake goals', () => {
  it('refuses an empty title and anything over the limits, and stores nothing', async () => {
    const { backend, draft } = setup();
    expect(await code(api.saveGoal(draft({ title: '   ' })))).toBe('invalid_input');
    expect(await code(api.saveGoal(draft({ title: 'x'.repeat(201) })))).toBe('invalid_input');
    expect(await code(api.saveGoal(draft({ steps: [{ id: null, text: 'y'.repeat(501), done: false }] })))).toBe('invalid_input');
    expect(await code(api.saveGoal(draft({ targetDate: '2026-02-30' })))).toBe('invalid_input');
    expect(await code(api.saveGoal(draft({ reminder: { weekdays: [7], time: '08:00' } })))).toBe('invalid_input');
    expect(await code(api.saveGoal(draft({ reminder: { weekdays: [], time: '8:00' } })))).toBe('invalid_input');
    expect(await code(api.saveGoal(draft({ id: 99 })))).toBe('not_found');
    expect(backend.goals.state.goals).toHaveLength(0);
  });

  it('trims, drops blank steps, keeps the order given and the ids of kept steps', async () => {
    const { draft } = setup();
    const goal = await api.saveGoal(
      draft({
        title: '  Sleep better ',
        why: '  ',
        steps: ['A', '  ', ' B '].map((text) => ({ id: null, text, done: false })),
      }),
    );
    expect([goal.title, goal.why, goal.status, goal.steps.map((s) => s.text)]).toEqual(['Sleep better', null, 'active', ['A', 'B']]);
    const [a, b] = goal.steps;
    const again = await api.saveGoal(
      draft({ id: goal.id, steps: [{ id: b!.id, text: 'B', done: true }, { id: null, text: 'C', done: false }, { id: a!.id, text: 'A!', done: false }] }),
    );
    expect(again.steps.map((s) => [s.id === b!.id, s.id === a!.id, s.text, s.doneAt !== null])).toEqual([
      [true, false, 'B', true],
      [false, false, 'C', false],
      [false, true, 'A!', false],
    ]);
    // A step id of another goal, or the same id twice, is refused.
    const other = await api.saveGoal(draft({ title: 'Other' }));
    expect(await code(api.saveGoal(draft({ id: other.id, steps: [{ id: a!.id, text: 'A', done: false }] })))).toBe('invalid_input');
    expect(await code(api.saveGoal(draft({ id: goal.id, steps: [{ id: b!.id, text: 'B', done: false }, { id: b!.id, text: 'B', done: false }] })))).toBe(
      'invalid_input',
    );
    // A stale list (a step removed by an earlier save) loses nothing: the step comes back as new.
    const trimmed = await api.saveGoal(draft({ id: goal.id, steps: [{ id: b!.id, text: 'B', done: true }] }));
    const stale = await api.saveGoal(draft({ id: goal.id, steps: [{ id: a!.id, text: 'A!', done: false }, { id: b!.id, text: 'B', done: true }] }));
    expect(stale.steps.map((s) => s.text)).toEqual(['A!', 'B']);
    expect(stale.steps[0]!.id).not.toBe(a!.id);
    // Saving what is stored changes nothing, not even updatedAt.
    const same = await api.saveGoal(draft({ id: goal.id, steps: stale.steps.map((s) => ({ id: s.id, text: s.text, done: s.doneAt !== null })) }));
    expect(same.updatedAt).toBe(stale.updatedAt);
    expect(trimmed.steps).toHaveLength(1);
  });

  it('checks steps, changes status with a stamp, lists by status, and deletes', async () => {
    const { draft } = setup();
    const one = await api.saveGoal(draft({ title: 'One', steps: [{ id: null, text: 'S', done: false }] }));
    const two = await api.saveGoal(draft({ title: 'Two' }));
    const checked = await api.setStepDone(one.id, one.steps[0]!.id, true);
    expect(checked.steps[0]!.doneAt).not.toBeNull();
    expect(await code(api.setStepDone(one.id, 12345, true))).toBe('not_found');
    const paused = await api.setGoalStatus(two.id, 'paused');
    expect(paused.status).toBe('paused');
    expect(paused.statusChangedAt >= two.statusChangedAt).toBe(true);
    expect((await api.listGoals()).map((g) => g.title)).toEqual(['One', 'Two']);
    await api.setGoalStatus(one.id, 'let_go');
    expect((await api.listGoals()).map((g) => g.title)).toEqual(['Two', 'One']);
    await api.deleteGoal(one.id);
    expect(await code(api.getGoal(one.id))).toBe('not_found');
  });

  it('links goal check-ins: listed newest first and counted, kept after the goal is deleted', async () => {
    const { backend, draft } = setup();
    const goal = await api.saveGoal(draft());
    const entry = (over: Partial<EntryDraft>): EntryDraft => ({
      id: null,
      kind: 'goal_checkin',
      title: null,
      body: '',
      tags: [],
      promptId: null,
      checkin: null,
      goal: { goalId: goal.id, inTheWay: null, nextStep: null },
      ...over,
    });
    // Only a goal id: nothing to keep.
    expect(await api.saveEntry(entry({}))).toBeNull();
    const first = await api.saveEntry(entry({ body: 'Went fine' }));
    backend.state.now = () => new Date(Date.now() + 60_000);
    const second = await api.saveEntry(entry({ goal: { goalId: goal.id, inTheWay: 'Tired', nextStep: '  ' } }));
    expect(second!.goal).toEqual({ goalId: goal.id, inTheWay: 'Tired', nextStep: null });
    const detail = await api.getGoal(goal.id);
    expect(detail.checkins.map((c) => c.id)).toEqual([second!.id, first!.id]);
    expect(detail.goal.checkins).toBe(2);
    expect(detail.goal.lastCheckinAt).toBe(second!.createdAt);
    // The "in the way" text is searched with the rest.
    const found = await api.searchEntries({ text: 'tired', filter: { kinds: [], feelings: [], tags: [], from: null, to: null }, limit: 10 });
    expect(found.hits.map((h) => h.entry.id)).toEqual([second!.id]);
    // A goal part on another kind, or a goal that isn't there, is refused.
    expect(await code(api.saveEntry(entry({ kind: 'free', body: 'x' })))).toBe('invalid_input');
    expect(await code(api.saveEntry(entry({ body: 'x', goal: { goalId: 999, inTheWay: null, nextStep: null } })))).toBe('invalid_input');
    await api.deleteGoal(goal.id);
    // The check-ins stay, and can still be edited.
    expect(backend.journal.live()).toHaveLength(2);
    expect((await api.saveEntry(entry({ id: first!.id, body: 'Went fine, really' })))!.body).toBe('Went fine, really');
  });

  it('decides proposals once: accept, change, not now, for a deleted goal, and prompts', async () => {
    const { backend, draft } = setup();
    const p1 = backend.goals.addProposal({ title: 'Practise saying no', steps: ['Notice'], sourceId: 'share-1' });
    // The same share imported twice adds nothing.
    expect(backend.goals.addProposal({ title: 'Practise saying no', sourceId: 'share-1' }).id).toBe(p1.id);
    const accepted = await api.decideProposal(p1.id, { kind: 'accept' });
    expect(await code(api.decideProposal(999, { kind: 'accept' }))).toBe('not_found');
    expect(accepted.proposal.status).toBe('accepted');
    expect(accepted.goal).toMatchObject({ title: 'Practise saying no', madeWithCounselor: true, counselorWords: { fromName: 'Ms. Rivera', title: 'Practise saying no' } });
    expect(accepted.proposal.goalId).toBe(accepted.goal!.id);
    expect(await code(api.decideProposal(p1.id, { kind: 'not_now' }))).toBe('invalid_input');

    const target = await api.saveGoal(draft());
    const p2 = backend.goals.addProposal({ title: 'Next', steps: ['Read first'], forGoalId: target.id });
    const p3 = backend.goals.addProposal({ title: 'Later', forGoalId: target.id });
    await api.deleteGoal(target.id);
    const list = await api.listProposals();
    expect(list.map((p) => [p.id, p.status, p.forGoalMissing])).toEqual([
      [p3.id, 'pending', true],
      [p2.id, 'pending', true],
      [p1.id, 'accepted', false],
    ]);
    const asNew = await api.decideProposal(p2.id, { kind: 'change', goal: draft({ title: 'My version' }), promptText: null });
    expect(asNew.goal).toMatchObject({ title: 'My version', counselorWords: { title: 'Next' } });
    expect((await api.decideProposal(p3.id, { kind: 'not_now' })).proposal.status).toBe('declined');

    // Deleting the goal a proposal made clears its link.
    await api.deleteGoal(accepted.goal!.id);
    expect((await api.listProposals()).find((p) => p.id === p1.id)!.goalId).toBeNull();

    const prompt = backend.goals.addProposal({ kind: 'prompt', title: 'Who makes you feel safe?' });
    await api.decideProposal(prompt.id, { kind: 'accept' });
    expect((await api.getLibrary()).customPrompts).toEqual([{ id: `counselor-${prompt.id}`, text: 'Who makes you feel safe?', group: null }]);
  });

  it('needs the vault unlocked, and keeps reminder settings', async () => {
    const { backend } = setup();
    expect(await api.saveReminderSettings({ dailyCheckin: '20:00', quietFrom: '22:00', quietTo: '07:00' })).toEqual({
      dailyCheckin: '20:00',
      quietFrom: '22:00',
      quietTo: '07:00',
    });
    expect(await code(api.saveReminderSettings({ dailyCheckin: '25:00', quietFrom: null, quietTo: null }))).toBe('invalid_input');
    // Quiet hours need both ends, and different ones.
    expect(await code(api.saveReminderSettings({ dailyCheckin: null, quietFrom: '22:00', quietTo: null }))).toBe('invalid_input');
    expect(await code(api.saveReminderSettings({ dailyCheckin: null, quietFrom: '22:00', quietTo: '22:00' }))).toBe('invalid_input');
    backend.state.unlocked = false;
    expect(await code(api.listGoals())).toBe('locked');
    expect(await code(api.getReminderSettings())).toBe('locked');
  });
});

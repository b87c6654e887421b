// The fake share flow backend follows src-tauri/sharing (payload.rs, log.rs, commands/sharing.rs):
// the share flow's tests, and the end-to-end flows they stand in for, rely on the same answers.
import { describe, expect, it } from 'vitest';
import * as api from '../../../api';
import type { ShareSelection } from '../../../api';
import { createFakeBackend } from '../../../test/fakeBackend';
import { testProfile } from '../../../test/profiles';
import { builtInSet } from '../../identity/grammar';
import { ALL_ENTRY_PARTS, ALL_GOAL_PARTS } from './selection';
import { addCounselor, seed } from './testSupport';

function setup() {
  const backend = createFakeBackend({ unlocked: true });
  const seeded = seed(backend);
  backend.install();
  const selection = (over: Partial<ShareSelection> = {}): ShareSelection => ({
    entries: [],
    goals: [],
    insights: null,
    safetyPlan: null,
    includeProfile: true,
    note: null,
    feelingNames: { anxious: 'Anxious' },
    promptTexts: { 'feelings.01': 'A prompt' },
    ...over,
  });
  return { backend, seeded, selection };
}

const code = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: unknown) => (api.isCommandFailure(e) ? e.code : 'other'));

describe('fake share flow', () => {
  it('builds only the parts switched on, entries in the order picked, then goals, the summary and the plan', async () => {
    const { seeded, selection } = setup();
    const payload = await api.previewShare(
      selection({
        entries: [
          { id: seeded.checkin.id, parts: { ...ALL_ENTRY_PARTS, goingOn: false } },
          { id: seeded.older.id, parts: { ...ALL_ENTRY_PARTS, body: false } },
          { id: seeded.checkin.id, parts: ALL_ENTRY_PARTS },
        ],
        goals: [{ id: seeded.goalId, parts: { ...ALL_GOAL_PARTS, why: false } }],
        insights: { from: '2000-01-01', to: '2999-12-31' },
        safetyPlan: { sections: ['reasons_for_living', 'people_to_ask'] },
        note: '  For Thursday  ',
      }),
    );
    expect(payload.items.map((i) => i.type)).toEqual(['entry', 'entry', 'goal', 'insights', 'safety_plan']);
    expect(payload.items[0]).toMatchObject({
      kind: 'checkin',
      title: null,
      body: null,
      feelings: [
        { word: 'Anxious', intensity: 4 },
        { word: 'hopeful', intensity: 2 },
      ],
      goingOn: null,
      helped: 'A walk with Jo',
    });
    expect(payload.items[1]).toMatchObject({ title: 'The long week', body: null, tags: ['school'], prompt: 'A prompt' });
    expect(payload.items[2]).toMatchObject({
      type: 'goal',
      title: 'Sleep before midnight',
      why: null,
      steps: [
        { text: 'Phone out of the room', done: true },
        { text: 'Lights off at 11:30', done: false },
      ],
      checkins: [{ day: seeded.goalCheckin.day, how: 'Went okay', inTheWay: 'A late show', nextStep: 'Phone away at 11', goalTitle: null }],
    });
    expect(payload.items[3]).toMatchObject({ type: 'insights', checkins: 1, topFeelings: [{ word: 'Anxious', count: 1 }, { word: 'hopeful', count: 1 }] });
    expect(payload.items[4]).toEqual({
      type: 'safety_plan',
      sections: [
        { section: 'people_to_ask', items: ['Aunt May — 555 0100'] },
        { section: 'reasons_for_living', items: ['My cat'] },
      ],
    });
    expect(payload.from).toEqual({ name: 'Sam', pronouns: builtInSet('they'), replyTo: null, note: 'For Thursday' });
    expect(payload).toMatchObject({ format: 'cove-share', version: 1, kind: 'share', suggestions: [] });
    expect(payload.shareId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('uses the names chosen for sharing, and leaves them out when asked', async () => {
    const { backend, seeded, selection } = setup();
    backend.state.profile = { ...testProfile('Samuel', 'he'), shared: { name: 'Sam', pronouns: null } };
    const entries = [{ id: seeded.recent.id, parts: ALL_ENTRY_PARTS }];
    expect((await api.previewShare(selection({ entries }))).from).toMatchObject({ name: 'Sam', pronouns: builtInSet('he') });
    expect((await api.previewShare(selection({ entries, includeProfile: false }))).from).toMatchObject({ name: null, pronouns: null });
  });

  it('refuses what Rust refuses, and writes and logs nothing then', async () => {
    const { backend, seeded, selection } = setup();
    const entries = [{ id: seeded.recent.id, parts: ALL_ENTRY_PARTS }];
    expect(await code(api.previewShare(selection()))).toBe('invalid_input');
    expect(await code(api.previewShare(selection({ entries: [{ id: 999, parts: ALL_ENTRY_PARTS }] })))).toBe('not_found');
    expect(await code(api.previewShare(selection({ goals: [{ id: 999, parts: ALL_GOAL_PARTS }] })))).toBe('not_found');
    expect(await code(api.previewShare(selection({ safetyPlan: { sections: ['secrets'] } })))).toBe('invalid_input');
    expect(await code(api.previewShare(selection({ insights: { from: '2025-02-01', to: '2025-01-01' } })))).toBe('invalid_input');
    expect(await code(api.previewShare(selection({ entries, note: 'x'.repeat(4001) })))).toBe('invalid_input');
    backend.journal.state.entries.find((e) => e.id === seeded.recent.id)!.deletedAt = new Date().toISOString();
    expect(await code(api.previewShare(selection({ entries })))).toBe('not_found');

    const ok = [{ id: seeded.older.id, parts: ALL_ENTRY_PARTS }];
    const lock = { mode: 'contact' as const, contactId: 7 };
    expect(await code(api.writeShare({ selection: selection({ entries: ok }), lock, armor: false, path: '/tmp/a.age' }))).toBe('not_found');
    expect(await code(api.writeShare({ selection: selection({ entries: ok }), lock: { mode: 'passphrase', passphrase: '  ' }, armor: false, path: '/tmp/a.age' }))).toBe(
      'invalid_input',
    );
    expect(await code(api.writeShare({ selection: selection({ entries: ok }), lock: { mode: 'passphrase', passphrase: 'pw' }, armor: false, path: 'a.age' }))).toBe(
      'invalid_input',
    );
    expect(await code(api.logShownShare(selection({ entries: ok }), 'file'))).toBe('invalid_input');
    expect(backend.sharing.state.files.size).toBe(0);
    expect(backend.sharing.state.log).toHaveLength(0);
  });

  it('writes a file once, never over another, and logs each way as log.rs does, newest first', async () => {
    const { backend, seeded, selection } = setup();
    const rivera = addCounselor(backend, 'Ms. Rivera');
    const sel = selection({ entries: [{ id: seeded.older.id, parts: { ...ALL_ENTRY_PARTS, tags: false } }], note: 'Hi' });
    const written = await api.writeShare({ selection: sel, lock: { mode: 'contact', contactId: rivera.id }, armor: false, path: '/media/usb/a.age' });
    expect(written.path).toBe('/media/usb/a.age');
    expect(written.logged).toMatchObject({ method: 'file', toName: 'Ms. Rivera', contactId: rivera.id });
    expect(written.logged.items).toEqual([
      { kind: 'profile', label: '', parts: ['name', 'pronouns'] },
      { kind: 'note', label: '', parts: [] },
      { kind: 'entry', label: seeded.older.day, parts: ['title', 'body', 'prompt'] },
    ]);
    const file = backend.sharing.state.files.get('/media/usb/a.age')!;
    expect(file.payload.from.replyTo).toMatch(/^age1[02-9ac-hj-np-z]{58}$/);
    expect(file.payload.from.replyTo).toBe(backend.sharing.state.myKey!.recipient);

    expect(
      await code(api.writeShare({ selection: sel, lock: { mode: 'passphrase', passphrase: 'pw' }, armor: false, path: '/media/usb/a.age' })),
    ).toBe('invalid_input');
    expect(backend.sharing.state.files.get('/media/usb/a.age')).toBe(file);

    const text = await api.armoredShare(sel, { mode: 'passphrase', passphrase: 'pw' });
    expect(text).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----\n(.+)\n-----END AGE ENCRYPTED FILE-----$/);
    const key = text.split('\n')[1]!;
    expect(backend.sharing.state.armored.get(key)).toMatchObject({ lock: { mode: 'passphrase', passphrase: 'pw' }, armor: true });
    expect(backend.sharing.state.armored.get(key)!.payload.from.replyTo).toBeNull();

    await api.logShownShare(selection({ goals: [{ id: seeded.goalId, parts: { why: true, steps: false, checkins: false } }], includeProfile: false }), 'print');
    const log = await api.listShareLog();
    expect(log.map((l) => l.method)).toEqual(['print', 'armored_text', 'file']);
    expect(log[0]!.items).toEqual([{ kind: 'goal', label: 'Sleep before midnight', parts: ['title', 'why'] }]);
    expect(log[1]).toMatchObject({ toName: null, contactId: null });
  });
});

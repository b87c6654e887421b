// The fake identity timeline follows src-tauri/identity/model.rs.
import { describe, expect, it } from 'vitest';
import type { IdentityTimeline } from '../../api';
import { createFakeIdentity } from '../../test/fakeIdentity';
import { createFakeJournal, UNHANDLED } from '../../test/fakeJournal';
import { momentPart, reflectionPart, set, tryOnPart } from './spaceTestSupport';

function setup() {
  const journal = createFakeJournal(() => new Date(2026, 10, 26, 12));
  const identity = createFakeIdentity(journal);
  const timeline = (query: unknown = { from: null, to: null }) =>
    identity.handle('identity_timeline', <T,>(name: string) => ({ query })[name] as T) as IdentityTimeline;
  const at = (day: number, hour = 9) => new Date(2026, 10, day, hour);
  return { journal, identity, timeline, at };
}

describe('fake identity timeline', () => {
  it('leaves other commands alone', () => {
    expect(setup().identity.handle('list_entries', () => undefined as never)).toBe(UNHANDLED);
  });

  it('lists identity entries newest first (not the trash, not other entries) and groups what was tried', () => {
    const { journal, timeline, at } = setup();
    const a = journal.add({ kind: 'reflection', identity: tryOnPart('River', set('xe'), 1), body: '**first**' }, at(1));
    const b = journal.add({ kind: 'reflection', identity: tryOnPart(null, set('they'), -2) }, at(2));
    const c = journal.add({ kind: 'reflection', identity: tryOnPart('RIVER', set('xe'), null) }, at(3));
    const d = journal.add({ kind: 'reflection', identity: momentPart('euphoria') }, at(4));
    journal.add({ kind: 'reflection', identity: tryOnPart('Gone', null, 2), deletedAt: '2026-11-05T09:00:00.000+00:00' }, at(5));
    journal.add({ body: 'plain' }, at(6));
    const e = journal.add({ kind: 'reflection', identity: tryOnPart('River', set('xe'), 2) }, at(7));
    const f = journal.add({ kind: 'reflection', identity: reflectionPart(), promptId: 'identity.02', title: 'Words' }, at(8));
    const result = timeline();
    expect(result.items.map((i) => i.entryId)).toEqual([f.id, e.id, d.id, c.id, b.id, a.id]);
    expect(result.items[5]).toMatchObject({ excerpt: 'first', day: '2026-11-01', part: tryOnPart('River', set('xe'), 1) });
    expect(result.items[0]).toMatchObject({ title: 'Words', promptId: 'identity.02' });
    expect(result.tried).toEqual([
      { name: 'River', pronouns: set('xe'), times: 3, felt: [1, 2], firstDay: '2026-11-01', lastDay: '2026-11-07' },
      { name: null, pronouns: set('they'), times: 1, felt: [-2], firstDay: '2026-11-02', lastDay: '2026-11-02' },
    ]);
    // A different reflexive is a different set.
    journal.add({ kind: 'reflection', identity: tryOnPart(null, set('they', true), 0) }, at(9));
    expect(timeline().tried.map((t) => t.pronouns?.reflexive)).toEqual(['themselves', 'xemself', 'themself']);
  });

  it('reads a range of days and refuses malformed days', () => {
    const { journal, timeline, at } = setup();
    journal.add({ kind: 'reflection', identity: momentPart('dysphoria') }, at(1));
    const mid = journal.add({ kind: 'reflection', identity: momentPart('euphoria') }, at(10));
    journal.add({ kind: 'reflection', identity: momentPart('euphoria') }, at(20));
    expect(timeline({ from: '2026-11-05', to: '2026-11-15' }).items.map((i) => i.entryId)).toEqual([mid.id]);
    expect(() => timeline({ from: 'yesterday', to: null })).toThrow();
  });
});

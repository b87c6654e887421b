// The fake journal backend follows the contract the screens (and other areas' tests) rely on.
import { describe, expect, it } from 'vitest';
import { createFakeJournal, UNHANDLED } from '../../test/fakeJournal';
import type { EntryDraft, SearchResults, TimelinePage } from '../../api';

function setup(start = new Date(2026, 10, 26, 9, 0)) {
  let now = start;
  const journal = createFakeJournal(() => now);
  const call = <T>(cmd: string, args: Record<string, unknown> = {}) => journal.handle(cmd, <A>(name: string) => args[name] as A) as T;
  const draft = (over: Partial<EntryDraft> = {}): EntryDraft => ({
    id: null,
    kind: 'free',
    title: null,
    body: '',
    tags: [],
    promptId: null,
    checkin: null,
    ...over,
  });
  return { journal, call, draft, setNow: (d: Date) => (now = d) };
}

describe('fake journal', () => {
  it('leaves other commands to the other parts', () => {
    const { call } = setup();
    expect(call('get_library')).toBe(UNHANDLED);
  });

  it('does not store an empty draft, and removes an entry emptied of everything', () => {
    const { call, draft, journal } = setup();
    expect(call('save_entry', { draft: draft({ body: '  \n ', title: ' ', tags: [' ', '#'], promptId: 'feelings.01' }) })).toBeNull();
    expect(call('save_entry', { draft: draft({ kind: 'checkin', checkin: { feelings: [], pleasantness: null, energy: null, sensations: [], goingOn: ' ', helped: null } }) })).toBeNull();
    expect(journal.state.entries).toHaveLength(0);
    // A tag alone is something.
    expect(call('save_entry', { draft: draft({ tags: ['  #school  days '] }) })).toMatchObject({ tags: ['school days'] });
    journal.state.entries = [];
    const saved = call<{ id: number }>('save_entry', { draft: draft({ body: 'hello' }) });
    expect(journal.state.entries).toHaveLength(1);
    expect(call('save_entry', { draft: draft({ id: saved.id, body: '' }) })).toBeNull();
    expect(journal.state.entries).toHaveLength(0);
  });

  it('keeps createdAt and day on edit and moves updatedAt', () => {
    const { call, draft, setNow } = setup();
    const first = call<{ id: number; createdAt: string; day: string; updatedAt: string }>('save_entry', {
      draft: draft({ body: 'one' }),
    });
    expect(first.day).toBe('2026-11-26');
    expect(first.createdAt).toMatch(/^2026-11-26T09:00:00\.000[+-]\d\d:\d\d$/);
    setNow(new Date(2026, 10, 27, 10, 30));
    const second = call<{ id: number; createdAt: string; day: string; updatedAt: string }>('save_entry', {
      draft: draft({ id: first.id, body: 'one two' }),
    });
    expect(second.id).toBe(first.id);
    expect(second.createdAt).toBe(first.createdAt);
    expect(second.day).toBe('2026-11-26');
    expect(second.updatedAt).toMatch(/^2026-11-27T10:30/);
  });

  it('refuses a body over 2 MiB of UTF-8', () => {
    const { call, draft } = setup();
    expect(() => call('save_entry', { draft: draft({ body: 'é'.repeat(1024 * 1024 + 1) }) })).toThrow();
    expect(call('save_entry', { draft: draft({ body: 'é'.repeat(1024 * 1024) }) })).not.toBeNull();
  });

  it('pages the timeline newest first with a cursor and a total on the first page only', () => {
    const { journal, call } = setup();
    for (let i = 0; i < 250; i++) journal.add({ body: `entry ${i}` }, new Date(2026, 0, 1, 0, i));
    const first = call<TimelinePage>('list_entries', { query: { filter: {}, cursor: null, limit: 100 } });
    expect(first.total).toBe(250);
    expect(first.items[0]?.excerpt).toBe('entry 249');
    const second = call<TimelinePage>('list_entries', { query: { filter: {}, cursor: first.nextCursor, limit: 100 } });
    const third = call<TimelinePage>('list_entries', { query: { filter: {}, cursor: second.nextCursor, limit: 100 } });
    expect(second.total).toBeNull();
    expect(third.items).toHaveLength(50);
    expect(third.nextCursor).toBeNull();
    expect(third.items[49]?.excerpt).toBe('entry 0');
  });

  it('filters by kind, feeling, tag and date range; trash is outside the timeline', () => {
    const { journal, call } = setup();
    journal.add({ body: 'a', tags: ['School'] }, new Date(2026, 10, 1, 12));
    journal.add(
      { kind: 'checkin', checkin: { feelings: [{ feeling: 'calm', intensity: 3, valence: 1 }], pleasantness: null, energy: null, sensations: [], goingOn: null, helped: null } },
      new Date(2026, 10, 2, 12),
    );
    journal.add({ body: 'gone', deletedAt: '2026-11-03T12:00:00.000Z' }, new Date(2026, 10, 3, 12));
    const list = (filter: object) =>
      call<TimelinePage>('list_entries', { query: { filter, cursor: null, limit: 10 } }).items.map((e) => e.day);
    expect(list({})).toEqual(['2026-11-02', '2026-11-01']);
    expect(list({ kinds: ['checkin'] })).toEqual(['2026-11-02']);
    expect(list({ feelings: ['calm'] })).toEqual(['2026-11-02']);
    expect(list({ tags: ['school'] })).toEqual(['2026-11-01']);
    expect(list({ from: '2026-11-02', to: '2026-11-30' })).toEqual(['2026-11-02']);
  });

  it('searches by prefix ignoring case and accents, with marked parts, and treats syntax as text', () => {
    const { journal, call } = setup();
    journal.add({ title: 'Canción nueva', body: 'Today I wrote a **song** for my CAFÉ friends' });
    journal.add({ body: 'nothing here' });
    const found = call<SearchResults>('search_entries', { query: { text: 'cancion CAF', filter: {}, limit: 10 } });
    expect(found.hits).toHaveLength(1);
    expect(found.hits[0]?.title).toEqual([
      { text: 'Canción', hit: true },
      { text: ' nueva', hit: false },
    ]);
    expect(found.hits[0]?.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['CAFÉ']);
    expect(call<SearchResults>('search_entries', { query: { text: '"unclosed AND (', filter: {}, limit: 10 } }).hits).toEqual([]);
    expect(call<SearchResults>('search_entries', { query: { text: '" * OR', filter: {}, limit: 10 } }).hits).toEqual([]);
  });

  it('moves to the trash, restores, purges and empties; lists tags and calendar days', () => {
    const { journal, call } = setup();
    const a = journal.add({ body: 'a', tags: ['x'] }, new Date(2026, 10, 1, 12));
    const b = journal.add(
      { kind: 'checkin', tags: ['x', 'y'], checkin: { feelings: [], pleasantness: 0.5, energy: 0, sensations: [], goingOn: null, helped: null } },
      new Date(2026, 10, 1, 13),
    );
    expect(call('list_tags')).toEqual([
      { tag: 'x', count: 2 },
      { tag: 'y', count: 1 },
    ]);
    expect(call('calendar_days', { from: '2026-11-01', to: '2026-11-30', filter: {} })).toEqual([
      { day: '2026-11-01', entries: 2, checkins: 1, mood: 0.5 },
    ]);
    call('delete_entry', { id: a.id });
    call('delete_entry', { id: b.id });
    expect(call<{ id: number }[]>('list_trash').map((e) => e.id)).toHaveLength(2);
    call('restore_entry', { id: a.id });
    expect(call<{ id: number }[]>('list_trash').map((e) => e.id)).toEqual([b.id]);
    call('purge_entry', { id: b.id });
    expect(journal.state.entries.map((e) => e.id)).toEqual([a.id]);
    call('delete_entry', { id: a.id });
    expect(call('empty_trash')).toBe(1);
    expect(journal.state.entries).toEqual([]);
  });
});

describe('fake journal: the identity space', () => {
  const xe = { id: 'xe', subject: 'xe', object: 'xem', determiner: 'xyr', possessive: 'xyrs', reflexive: 'xemself', pluralVerbs: false };
  const tryOn = (over: Partial<NonNullable<EntryDraft['identity']>> = {}) => ({
    kind: 'try_on' as const,
    name: 'River',
    pronouns: xe,
    felt: 1,
    moment: null,
    ...over,
  });
  const fails = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return (error as { code: string }).code;
    }
    return 'saved';
  };

  it('keeps a try-on or a moment without a note, but not an empty identity reflection', () => {
    const { call, draft, journal } = setup();
    const saved = call<{ id: number; identity: unknown }>('save_entry', { draft: draft({ kind: 'reflection', identity: tryOn({ name: '  River ' }) }) });
    expect(saved.identity).toEqual(tryOn());
    expect(call('save_entry', { draft: draft({ kind: 'reflection', identity: { kind: 'moment', name: null, pronouns: null, felt: null, moment: 'dysphoria' } }) })).not.toBeNull();
    expect(call('save_entry', { draft: draft({ kind: 'reflection', identity: { kind: 'reflection', name: null, pronouns: null, felt: null, moment: null } }) })).toBeNull();
    expect(journal.state.entries).toHaveLength(2);
    // Editing the note keeps the identity part; the same content changes nothing.
    const again = call<{ updatedAt: string }>('save_entry', { draft: draft({ id: saved.id, kind: 'reflection', identity: tryOn() }) });
    expect(again).toMatchObject({ identity: tryOn() });
  });

  it('refuses identity parts that do not fit, and saves nothing', () => {
    const { call, draft, journal } = setup();
    const save = (over: Partial<EntryDraft>) => fails(() => call('save_entry', { draft: draft({ kind: 'reflection', ...over }) }));
    expect(save({ kind: 'free', identity: tryOn() })).toBe('invalid_input');
    expect(save({ identity: tryOn({ name: ' ', pronouns: null }) })).toBe('invalid_input');
    expect(save({ identity: tryOn({ felt: 3 }) })).toBe('invalid_input');
    expect(save({ identity: tryOn({ moment: 'euphoria' }) })).toBe('invalid_input');
    expect(save({ identity: { kind: 'moment', name: null, pronouns: null, felt: null, moment: null } })).toBe('invalid_input');
    expect(save({ identity: { kind: 'moment', name: null, pronouns: null, felt: 1, moment: 'euphoria' } })).toBe('invalid_input');
    expect(save({ identity: tryOn({ name: 'x'.repeat(201) }) })).toBe('invalid_input');
    expect(save({ identity: tryOn({ pronouns: { ...xe, id: 'custom', subject: ' ' } }) })).toBe('invalid_input');
    expect(journal.state.entries).toHaveLength(0);
    // Names in any script, and text that looks like markup or ICU, are kept as typed.
    expect(save({ identity: tryOn({ name: '{name} <b>ریور</b> 🌊' }) })).toBe('saved');
    expect(journal.state.entries[0]?.identity?.name).toBe('{name} <b>ریور</b> 🌊');
  });

  it('leaves identity entries out of the timeline, search and calendar unless includeIdentity', () => {
    const { call, draft } = setup();
    const plain = call<{ id: number }>('save_entry', { draft: draft({ body: 'River day' }) });
    const tried = call<{ id: number }>('save_entry', { draft: draft({ kind: 'reflection', identity: tryOn() }) });
    const list = (includeIdentity?: boolean) =>
      call<TimelinePage>('list_entries', { query: { filter: { kinds: [], feelings: [], tags: [], from: null, to: null, includeIdentity }, cursor: null, limit: 10 } });
    expect(list().items.map((e) => e.id)).toEqual([plain.id]);
    expect(list(false).total).toBe(1);
    expect(list(true).items.map((e) => e.id)).toEqual([tried.id, plain.id]);
    expect(list(true).items[0]?.identity).toEqual(tryOn());
    const search = (includeIdentity?: boolean) =>
      call<SearchResults>('search_entries', { query: { text: 'river', filter: { kinds: [], feelings: [], tags: [], from: null, to: null, includeIdentity }, limit: 10 } });
    expect(search().hits.map((h) => h.entry.id)).toEqual([plain.id]);
    expect(search(true).hits.map((h) => h.entry.id).sort()).toEqual([plain.id, tried.id].sort());
    expect(call('calendar_days', { from: '2026-11-01', to: '2026-11-30', filter: {} })).toEqual([{ day: '2026-11-26', entries: 1, checkins: 0, mood: null }]);
    expect(call('calendar_days', { from: '2026-11-01', to: '2026-11-30', filter: { includeIdentity: true } })).toEqual([
      { day: '2026-11-26', entries: 2, checkins: 0, mood: null },
    ]);
  });
});

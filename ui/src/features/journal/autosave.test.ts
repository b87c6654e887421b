import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Entry, EntryDraft } from '../../api';
import { CommandFailure } from '../../api';
import { Autosave, isDraftEmpty, type DraftContent } from './autosave';
import { flushPendingSaves, registerPendingSave } from '../../app/pendingSaves';

const EMPTY: DraftContent = { kind: 'free', title: null, body: '', tags: [], promptId: null, checkin: null };

function entryFrom(draft: EntryDraft, id: number): Entry {
  return {
    id,
    kind: draft.kind,
    title: draft.title,
    body: draft.body,
    tags: draft.tags,
    promptId: draft.promptId,
    checkin: draft.checkin,
    day: '2026-11-26',
    createdAt: '2026-11-26T09:00:00.000+00:00',
    updatedAt: '2026-11-26T09:00:00.000+00:00',
    deletedAt: null,
  };
}

/** A save function whose calls resolve only when the test says so. */
function controlledSave() {
  const calls: { draft: EntryDraft; resolve: (e: Entry | null) => void; reject: (e: unknown) => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const save = vi.fn(
    (draft: EntryDraft) =>
      new Promise<Entry | null>((resolve, reject) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        calls.push({
          draft: structuredClone(draft),
          resolve: (e) => {
            inFlight -= 1;
            resolve(e);
          },
          reject: (e) => {
            inFlight -= 1;
            reject(e);
          },
        });
      }),
  );
  return { save, calls, maxInFlight: () => maxInFlight };
}

describe('autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for a pause in typing (~600 ms) before saving', async () => {
    const save = vi.fn((draft: EntryDraft) => Promise.resolve(entryFrom(draft, 1)));
    const autosave = new Autosave({ id: null, draft: EMPTY, save });
    autosave.update({ body: 'h' });
    await vi.advanceTimersByTimeAsync(599);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]?.[0]).toMatchObject({ id: null, body: 'h' });
  });

  it('saves within a second while typing goes on without a pause', async () => {
    const save = vi.fn((draft: EntryDraft) => Promise.resolve(entryFrom(draft, 1)));
    const autosave = new Autosave({ id: null, draft: EMPTY, save });
    let body = '';
    // A keystroke every 100 ms for 3 seconds: the debounce never runs out.
    for (let t = 0; t < 30; t++) {
      body += 'a';
      autosave.update({ body });
      await vi.advanceTimersByTimeAsync(100);
      if (t === 9) expect(save).toHaveBeenCalledTimes(1);
    }
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(3);
    // Each save carried what was typed up to then.
    expect(save.mock.calls[0]?.[0].body.length).toBeLessThanOrEqual(10);
  });

  it('never has two saves in flight and reuses the id of the first save (no duplicates)', async () => {
    const { save, calls, maxInFlight } = controlledSave();
    const autosave = new Autosave({ id: null, draft: EMPTY, save });
    autosave.update({ body: 'first' });
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toHaveLength(1);
    autosave.update({ body: 'first second' });
    await vi.advanceTimersByTimeAsync(1000);
    autosave.update({ body: 'first second third' });
    await vi.advanceTimersByTimeAsync(1000);
    // The first save has not answered: nothing else was sent.
    expect(calls).toHaveLength(1);
    calls[0]?.resolve(entryFrom(calls[0].draft, 42));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.draft).toMatchObject({ id: 42, body: 'first second third' });
    calls[1]?.resolve(entryFrom(calls[1].draft, 42));
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(2);
    expect(maxInFlight()).toBe(1);
  });

  it('does not send an empty new draft, and forgets the id when the backend drops an emptied entry', async () => {
    const save = vi.fn((draft: EntryDraft) => Promise.resolve(draft.body.trim() ? entryFrom(draft, 7) : null));
    const statuses: string[] = [];
    const autosave = new Autosave({ id: null, draft: EMPTY, save, onStatus: (s) => statuses.push(s.state) });
    autosave.update({ body: '   ' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).not.toHaveBeenCalled();
    expect(statuses).toContain('empty');

    autosave.update({ body: 'words' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(autosave.entryId).toBe(7);
    // Emptied while typing: not removed yet (select all + retype must not delete the entry) …
    autosave.update({ body: '' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
    // … but on leaving, the empty entry goes and the id is forgotten.
    await autosave.flush({ final: true });
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]?.[0]).toMatchObject({ id: 7, body: '' });
    expect(autosave.entryId).toBeNull();
  });

  it('a final flush with nothing to save does not make later typing "final"', async () => {
    const save = vi.fn((draft: EntryDraft) => Promise.resolve(draft.body.trim() ? entryFrom(draft, 9) : null));
    const autosave = new Autosave({ id: 9, draft: { ...EMPTY, body: 'kept' }, save });
    // React's development remount runs the unmount flush once with nothing unsaved.
    await autosave.flush({ final: true });
    autosave.update({ body: '' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).not.toHaveBeenCalled();
    expect(autosave.entryId).toBe(9);
  });

  it('does not send a body over 2 MiB and keeps the words', async () => {
    const save = vi.fn((draft: EntryDraft) => Promise.resolve(entryFrom(draft, 1)));
    const statuses: string[] = [];
    const autosave = new Autosave({ id: null, draft: EMPTY, save, onStatus: (s) => statuses.push(s.state) });
    const huge = '€'.repeat(700_000); // 2.1 MB of UTF-8 in 700k characters
    autosave.update({ body: huge });
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).not.toHaveBeenCalled();
    expect(statuses.at(-1)).toBe('tooLong');
    expect(autosave.current.body).toBe(huge);
    expect(autosave.hasUnsaved).toBe(true);
  });

  it('keeps the words after a failed save and sends them again on the next flush', async () => {
    let fail = true;
    const save = vi.fn((draft: EntryDraft) => {
      if (fail) return Promise.reject(new CommandFailure({ code: 'storage', message: '', attemptsLeft: null }));
      return Promise.resolve(entryFrom(draft, 3));
    });
    const statuses: string[] = [];
    const autosave = new Autosave({ id: null, draft: EMPTY, save, onStatus: (s) => statuses.push(s.state) });
    autosave.update({ body: 'keep me' });
    await vi.advanceTimersByTimeAsync(600);
    expect(statuses.at(-1)).toBe('problem');
    expect(autosave.hasUnsaved).toBe(true);
    fail = false;
    await autosave.flush();
    expect(save).toHaveBeenLastCalledWith(expect.objectContaining({ body: 'keep me', id: null }));
    expect(statuses.at(-1)).toBe('saved');
  });

  it('flushPendingSaves waits for registered flushes, and gives up after the timeout', async () => {
    const order: string[] = [];
    const unregister = registerPendingSave(async () => {
      await new Promise((r) => setTimeout(r, 100));
      order.push('saved');
    });
    const done = flushPendingSaves(1500).then(() => order.push('flushed'));
    await vi.advanceTimersByTimeAsync(100);
    await done;
    expect(order).toEqual(['saved', 'flushed']);
    unregister();

    const stuck = registerPendingSave(() => new Promise<void>(() => undefined));
    const gaveUp = flushPendingSaves(1500).then(() => order.push('gave up'));
    await vi.advanceTimersByTimeAsync(1499);
    expect(order).not.toContain('gave up');
    await vi.advanceTimersByTimeAsync(1);
    await gaveUp;
    expect(order).toContain('gave up');
    stuck();
  });
});

describe('isDraftEmpty and the identity space', () => {
  const part = (kind: 'try_on' | 'moment' | 'reflection') => ({
    kind,
    name: kind === 'try_on' ? 'River' : null,
    pronouns: null,
    felt: null,
    moment: kind === 'moment' ? ('euphoria' as const) : null,
  });

  it('counts a try-on or a moment as something even without words, but not an empty reflection', () => {
    expect(isDraftEmpty({ ...EMPTY, kind: 'reflection', identity: part('try_on') })).toBe(false);
    expect(isDraftEmpty({ ...EMPTY, kind: 'reflection', identity: part('moment') })).toBe(false);
    expect(isDraftEmpty({ ...EMPTY, kind: 'reflection', identity: part('reflection') })).toBe(true);
    expect(isDraftEmpty({ ...EMPTY, kind: 'reflection', body: 'words', identity: part('reflection') })).toBe(false);
  });
});

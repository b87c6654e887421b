import { describe, expect, it } from 'vitest';
import type { Entry, EntryDraft } from '../../api';
import type { DraftContent } from './autosave';
import { EntrySaver } from './entrySaver';

/** A store that answers when told to and numbers new entries from 40. */
function fakeStore() {
  const calls: EntryDraft[] = [];
  const waiting: (() => void)[] = [];
  let fail = false;
  let nextId = 40;
  const send = (draft: EntryDraft): Promise<Entry | null> => {
    calls.push(structuredClone(draft));
    return new Promise((resolve, reject) =>
      waiting.push(() => {
        if (fail) {
          fail = false;
          reject(new Error('storage'));
          return;
        }
        resolve({ id: draft.id ?? nextId++, body: draft.body, updatedAt: 'u' } as Entry);
      }),
    );
  };
  const answer = async () => {
    while (waiting.length === 0) await Promise.resolve();
    waiting.shift()!();
    await Promise.resolve();
  };
  return { calls, send, answer, failNext: () => (fail = true) };
}

const moment = (body: string): DraftContent => ({
  kind: 'reflection',
  title: null,
  body,
  tags: [],
  promptId: null,
  checkin: null,
  identity: { kind: 'moment', name: null, pronouns: null, felt: null, moment: 'euphoria' },
});

describe('EntrySaver', () => {
  it('creates the entry once: a second save waits for the first and carries its id', async () => {
    const store = fakeStore();
    const saver = new EntrySaver(store.send);
    const first = saver.save(moment('Someone used my name'));
    const second = saver.save(moment('Someone used my name at school'));
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
    // The second waits for the first.
    expect(store.calls).toHaveLength(1);
    await store.answer();
    await store.answer();
    await Promise.all([first, second]);
    expect(store.calls.map((c) => [c.id, c.body])).toEqual([
      [null, 'Someone used my name'],
      [40, 'Someone used my name at school'],
    ]);
    expect(saver.entryId).toBe(40);
  });

  it('skips a save of exactly what is stored (a flush while Save is on its way)', async () => {
    const store = fakeStore();
    const saver = new EntrySaver(store.send);
    const pressed = saver.save(moment('Same words'));
    const flushed = saver.save(moment('Same words'));
    await store.answer();
    expect(await pressed).toEqual(await flushed);
    expect(store.calls).toHaveLength(1);
  });

  it('a failed save changes nothing: the next one tries again as a new entry', async () => {
    const store = fakeStore();
    const saver = new EntrySaver(store.send);
    store.failNext();
    const failed = saver.save(moment('Try again'));
    await store.answer();
    await expect(failed).rejects.toThrow('storage');
    const retried = saver.save(moment('Try again'));
    await store.answer();
    await retried;
    expect(store.calls.map((c) => c.id)).toEqual([null, null]);
    expect(saver.entryId).toBe(40);
  });
});

// Saving one entry from a form that is saved by pressing Save (a goal check-in, a try-on's "how
// did that feel?", a moment), and maybe also by a flush before the vault locks:
//
// - Saves are serialised: never two in flight; each runs after the one before it settled.
// - The first save creates the entry; every later one changes it (it carries the id the first
//   returned). So a flush after a Save, or a Save after a flush, never makes a second entry.
// - A save of exactly what is already stored is skipped (e.g. a lock while a Save is in flight).
// - A failed save rejects and changes nothing here: the next save tries again.
//
// A form that starts a new entry after a Save (the try-on and moment forms clear themselves)
// takes a new EntrySaver; a flush that still holds the old form's words goes to the old one.
import * as api from '../../api';
import type { Entry, EntryDraft } from '../../api';
import type { DraftContent } from './autosave';

export class EntrySaver {
  private id: number | null = null;
  private stored: string | null = null;
  private last: Entry | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly send: (draft: EntryDraft) => Promise<Entry | null>;

  constructor(send: (draft: EntryDraft) => Promise<Entry | null> = api.saveEntry) {
    this.send = send;
  }

  /** The entry's id once a save went through. */
  get entryId(): number | null {
    return this.id;
  }

  /** Saves `draft` after the save in flight, if any. Resolves with the entry as stored. */
  save(draft: DraftContent): Promise<Entry | null> {
    const run = this.queue.then(async () => {
      const key = JSON.stringify(draft);
      if (key === this.stored) return this.last;
      const saved = await this.send({ ...draft, id: this.id });
      this.id = saved ? saved.id : null;
      this.stored = saved ? key : null;
      this.last = saved;
      return saved;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

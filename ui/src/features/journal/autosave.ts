// The editor's autosave, as plain TypeScript so it outlives the React component: the draft
// lives here (not only in React state), so a flush started on unmount or before a lock still
// has the words.
//
// - `update` marks the draft dirty and schedules a save ~600 ms after the last change, but no
//   later than 1 s after the first unsaved change while typing goes on (max wait).
// - Saves are serialised: never two in flight. Changes made while a save runs are saved right
//   after it, with the id the first save returned (a new entry is created once, never twice).
// - An empty draft (no title, body, tags or check-in content) is never sent for a new entry. For an existing entry it is sent only on a
//   final flush (Done, leaving, locking): the backend then removes the emptied entry and we
//   forget its id. While typing, a moment of emptiness (select all, retype) never deletes.
// - A body over the size limit is not sent; the status says so and nothing is lost.
import type { Entry, EntryDraft, ErrorCode } from '../../api';
import { isCommandFailure } from '../../api';

export const DEBOUNCE_MS = 600;
export const MAX_WAIT_MS = 1000;
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export type DraftContent = Omit<EntryDraft, 'id'>;

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  | { state: 'empty' }
  | { state: 'tooLong' }
  | { state: 'problem'; code: ErrorCode };

export type AutosaveOptions = {
  id: number | null;
  draft: DraftContent;
  save: (draft: EntryDraft) => Promise<Entry | null>;
  onStatus?: (status: SaveStatus) => void;
  onSaved?: (entry: Entry | null) => void;
};

const blank = (text: string | null | undefined) => text == null || text.trim() === '';

/**
 * As the backend decides (src-tauri/journal/validate.rs): no title, body, tags or check-in
 * content. A try-on or a moment of the identity space is a whole entry without words.
 */
export function isDraftEmpty(draft: DraftContent): boolean {
  if (draft.identity && draft.identity.kind !== 'reflection') return false;
  const c = draft.kind === 'checkin' ? draft.checkin : null;
  const checkinEmpty =
    c === null ||
    (c.feelings.length === 0 &&
      c.pleasantness === null &&
      c.energy === null &&
      c.sensations.length === 0 &&
      blank(c.goingOn) &&
      blank(c.helped));
  const noTags = draft.tags.every((t) => t.replace(/^\s*#*/, '').trim() === '');
  return blank(draft.title) && blank(draft.body) && noTags && checkinEmpty;
}

/** UTF-8 size over the limit (cheap when the text is clearly small enough). */
export function bodyTooLong(body: string): boolean {
  if (body.length * 3 <= MAX_BODY_BYTES) return false;
  if (body.length > MAX_BODY_BYTES) return true;
  return new TextEncoder().encode(body).length > MAX_BODY_BYTES;
}

export class Autosave {
  private id: number | null;
  private draft: DraftContent;
  private dirty = false;
  private running: Promise<void> | null = null;
  private debounceTimer: ReturnType<typeof setTimeout> | null = null;
  private maxWaitTimer: ReturnType<typeof setTimeout> | null = null;
  private finalPending = false;
  private readonly options: AutosaveOptions;

  constructor(options: AutosaveOptions) {
    this.options = options;
    this.id = options.id;
    this.draft = options.draft;
  }

  get entryId(): number | null {
    return this.id;
  }

  get current(): DraftContent {
    return this.draft;
  }

  get hasUnsaved(): boolean {
    return this.dirty;
  }

  /** A change from the editor. */
  update(patch: Partial<DraftContent>): void {
    this.draft = { ...this.draft, ...patch };
    this.dirty = true;
    // Still writing: not leaving after all (e.g. React's development remount).
    this.finalPending = false;
    if (this.debounceTimer !== null) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
    this.maxWaitTimer ??= setTimeout(() => void this.flush(), MAX_WAIT_MS);
  }

  /**
   * Saves now if anything is unsaved; resolves once everything up to now is saved (or could not
   * be). `final`: the editor is going away, so an emptied entry is removed.
   */
  flush({ final = false }: { final?: boolean } = {}): Promise<void> {
    this.clearTimers();
    if (final) this.finalPending = true;
    if (this.running) return this.running;
    if (!this.dirty) {
      this.finalPending = false;
      return Promise.resolve();
    }
    const run = this.loop().finally(() => {
      this.running = null;
      this.finalPending = false;
    });
    this.running = run;
    return run;
  }

  /** Stops the timers (the pending words stay, and a later `flush` still saves them). */
  dispose(): void {
    this.clearTimers();
  }

  private clearTimers() {
    if (this.debounceTimer !== null) clearTimeout(this.debounceTimer);
    if (this.maxWaitTimer !== null) clearTimeout(this.maxWaitTimer);
    this.debounceTimer = null;
    this.maxWaitTimer = null;
  }

  private status(status: SaveStatus) {
    this.options.onStatus?.(status);
  }

  private async loop(): Promise<void> {
    while (this.dirty) {
      const draft = this.draft;
      const empty = isDraftEmpty(draft);
      if (empty && (this.id === null || !this.finalPending)) {
        // Nothing worth keeping yet: leave it unsaved (dirty for an existing entry, so a final
        // flush still removes it if it stays empty).
        if (this.id === null) this.dirty = false;
        this.status({ state: 'empty' });
        return;
      }
      if (bodyTooLong(draft.body)) {
        this.status({ state: 'tooLong' });
        return;
      }
      this.dirty = false;
      this.status({ state: 'saving' });
      try {
        const saved = await this.options.save({ ...draft, id: this.id });
        this.id = saved ? saved.id : null;
        this.options.onSaved?.(saved);
        this.status(saved ? { state: 'saved', at: saved.updatedAt } : { state: 'empty' });
      } catch (error) {
        // Keep the words: they are still unsaved and go with the next change or flush.
        this.dirty = true;
        const code: ErrorCode = isCommandFailure(error) ? error.code : 'internal';
        this.status(code === 'invalid_input' && bodyTooLong(draft.body) ? { state: 'tooLong' } : { state: 'problem', code });
        return;
      }
    }
  }
}

// Saving a goal from the editor, as plain TypeScript so the rules are easy to see and test:
//
// - Saves are serialised: never two in flight. `save(form)` while a save runs only remembers the
//   form; it is sent right after, so the latest state wins and arrives last.
// - A new goal is created once: later saves carry the id the first one returned, and step rows
//   the first save created carry their new ids (rows are matched to the stored steps by order,
//   blank rows being left out on both sides), so reordering or adding while a save is in flight
//   never duplicates or drops a step.
// - A failed save rejects; the form (the person's words) stays with the editor, which offers to
//   try again. Nothing is retried behind their back.
// - `flush(form)` (before the vault locks) saves only what is not stored yet: it waits for the
//   save in flight, then skips a form the goal as stored already holds.
import type { Goal, GoalDraft } from '../../api';
import { contentKey, formToDraft, keptSteps, type GoalForm } from './model';

export type SaveGoal = (draft: GoalDraft) => Promise<Goal>;

export type GoalSaverOptions = {
  /** The stored goal's id; `null` for a new goal. */
  id: number | null;
  save: SaveGoal;
  /**
   * Used for the very first save instead of `save` (e.g. deciding a counselor's proposal in the
   * person's words, which creates the goal).
   */
  firstSave?: SaveGoal;
  /** The form as the goal is stored now (a stored goal's own words), if it is stored. */
  stored?: GoalForm | null;
};

export class GoalSaver {
  private id: number | null;
  private readonly knownIds = new Map<string, number>();
  private pending: GoalForm | null = null;
  private running: Promise<Goal> | null = null;
  private firstSave: SaveGoal | undefined;
  private readonly saveGoal: SaveGoal;
  private last: Goal | null = null;
  /** `contentKey` of the form last stored. */
  private storedKey: string | null;

  constructor(options: GoalSaverOptions) {
    this.id = options.id;
    this.saveGoal = options.save;
    this.firstSave = options.firstSave;
    this.storedKey = options.stored ? contentKey(options.stored) : null;
  }

  get goalId(): number | null {
    return this.id;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  /** The goal as this saver last stored it, if it stored anything. */
  get lastStored(): Goal | null {
    return this.last;
  }

  /**
   * Saves `form` (after the save in flight, if any). Resolves with the goal as stored once
   * everything asked for so far is saved; rejects with the failure if a save did not go through.
   */
  save(form: GoalForm): Promise<Goal> {
    this.pending = form;
    if (this.running) return this.running;
    const run = this.loop().finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  /**
   * Saves `form` if the goal as stored does not already hold exactly it, after the saves in
   * flight (so a lock while Save is on its way stores nothing twice). Rejects as `save` does.
   */
  async flush(form: GoalForm): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
    if (this.storedKey === contentKey(form)) return;
    await this.save(form);
  }

  private async loop(): Promise<Goal> {
    while (this.pending) {
      const form = this.pending;
      this.pending = null;
      const sent = keptSteps(form);
      const draft = formToDraft(form, this.id, this.knownIds);
      const first = this.firstSave;
      try {
        const goal = await (first ?? this.saveGoal)(draft);
        this.firstSave = undefined;
        this.id = goal.id;
        // The backend keeps the order given: the n-th row sent is the n-th step stored.
        sent.forEach((row, index) => {
          const step = goal.steps[index];
          if (step) this.knownIds.set(row.key, step.id);
        });
        this.last = goal;
        this.storedKey = contentKey(form);
      } catch (error) {
        // Whatever was asked for after this one is on screen too; the editor offers to try again.
        this.pending = null;
        throw error;
      }
    }
    if (!this.last) throw new Error('nothing was saved');
    return this.last;
  }
}

// The goal editor's state and the pure rules around goals: what the form holds, what it sends to
// `save_goal`, what counts as progress, and the limits the backend keeps (checked here first, so
// nothing typed is ever refused later).
import type { CounselorWords, Goal, GoalArea, GoalDraft, GoalReminder, GoalStatus, GoalStep, Proposal } from '../../api';
import type { MessageId } from '../../i18n';

/** The backend's limits (src-tauri/goals/validate.rs). */
export const LIMITS = {
  titleChars: 200,
  whyChars: 4000,
  stepChars: 500,
  steps: 500,
  /** A prompt suggestion in the person's own words (as their own prompts). */
  promptChars: 500,
} as const;

export const AREAS: readonly GoalArea[] = ['feelings', 'friends', 'family', 'school', 'body', 'identity', 'boundaries', 'other'];

export const STATUSES: readonly GoalStatus[] = ['active', 'paused', 'done', 'let_go'];

export const AREA_LABEL: Record<GoalArea, MessageId> = {
  feelings: 'goals.area.feelings',
  friends: 'goals.area.friends',
  family: 'goals.area.family',
  school: 'goals.area.school',
  body: 'goals.area.body',
  identity: 'goals.area.identity',
  boundaries: 'goals.area.boundaries',
  other: 'goals.area.other',
};

export const STATUS_LABEL: Record<GoalStatus, MessageId> = {
  active: 'goals.status.active',
  paused: 'goals.status.paused',
  done: 'goals.status.done',
  let_go: 'goals.status.let_go',
};

/** One step row in the editor. `key` is the row's own (stable while it moves); `id` the stored step's. */
export type StepRow = { key: string; id: number | null; text: string; done: boolean };

/** What the goal editor holds: the person's words exactly as typed. */
export type GoalForm = {
  title: string;
  why: string;
  area: GoalArea | null;
  steps: StepRow[];
  targetDate: string | null;
  madeWithCounselor: boolean;
  reminder: GoalReminder | null;
};

let rowCounter = 0;
/** A fresh key for a new row (unique within this session of the app). */
export function newRowKey(): string {
  rowCounter += 1;
  return `row-${rowCounter}`;
}

export function stepRow(text: string, id: number | null = null, done = false): StepRow {
  return { key: newRowKey(), id, text, done };
}

export const EMPTY_FORM: GoalForm = {
  title: '',
  why: '',
  area: null,
  steps: [],
  targetDate: null,
  madeWithCounselor: false,
  reminder: null,
};

export function goalToForm(goal: Goal): GoalForm {
  return {
    title: goal.title,
    why: goal.why ?? '',
    area: goal.area,
    steps: goal.steps.map((s) => stepRow(s.text, s.id, s.doneAt !== null)),
    targetDate: goal.targetDate,
    madeWithCounselor: goal.madeWithCounselor,
    reminder: goal.reminder ? { weekdays: [...goal.reminder.weekdays], time: goal.reminder.time } : null,
  };
}

/** A goal proposal as a starting point for the person's own version. */
export function proposalToForm(proposal: Proposal): GoalForm {
  return {
    ...EMPTY_FORM,
    title: proposal.title,
    why: proposal.why ?? '',
    steps: proposal.steps.map((text) => stepRow(text)),
    madeWithCounselor: true,
  };
}

/** A proposal's words as they are kept beside a goal made from it. */
export function counselorWordsOf(proposal: Proposal): CounselorWords {
  return {
    fromName: proposal.fromName,
    title: proposal.title,
    why: proposal.why,
    steps: [...proposal.steps],
    note: proposal.note,
  };
}

const chars = (text: string) => [...text].length;
const blank = (text: string) => text.trim() === '';

/** The rows that will be stored (blank rows are dropped, as the backend drops them). */
export function keptSteps(form: GoalForm): StepRow[] {
  return form.steps.filter((s) => !blank(s.text));
}

/** The draft `save_goal` takes. `knownIds` fills in ids of rows an earlier save created. */
export function formToDraft(form: GoalForm, id: number | null, knownIds: ReadonlyMap<string, number> = new Map()): GoalDraft {
  return {
    id,
    title: form.title.trim(),
    why: blank(form.why) ? null : form.why.trim(),
    area: form.area,
    steps: keptSteps(form).map((s) => ({ id: s.id ?? knownIds.get(s.key) ?? null, text: s.text.trim(), done: s.done })),
    targetDate: form.targetDate,
    madeWithCounselor: form.madeWithCounselor,
    reminder: form.reminder ? { weekdays: [...form.reminder.weekdays].sort((a, b) => a - b), time: form.reminder.time } : null,
  };
}

/** Whether the person has written anything: a title, why it matters, or a step. */
export function hasWords(form: GoalForm): boolean {
  return !blank(form.title) || !blank(form.why) || keptSteps(form).length > 0;
}

/**
 * What a form holds, as stored (ids and row keys aside): two forms with the same key would store
 * the same goal.
 */
export function contentKey(form: GoalForm): string {
  const draft = formToDraft(form, null);
  return JSON.stringify({ ...draft, steps: draft.steps.map((s) => [s.text, s.done]) });
}

export type FormProblem =
  | { field: 'title'; kind: 'empty' | 'tooLong' }
  | { field: 'why'; kind: 'tooLong' }
  | { field: 'step'; kind: 'tooLong'; key: string }
  | { field: 'steps'; kind: 'tooMany' };

/** What would keep the form from saving, in the order the fields appear. */
export function formProblems(form: GoalForm): FormProblem[] {
  const problems: FormProblem[] = [];
  if (blank(form.title)) problems.push({ field: 'title', kind: 'empty' });
  else if (chars(form.title.trim()) > LIMITS.titleChars) problems.push({ field: 'title', kind: 'tooLong' });
  if (chars(form.why.trim()) > LIMITS.whyChars) problems.push({ field: 'why', kind: 'tooLong' });
  for (const step of form.steps) {
    if (chars(step.text.trim()) > LIMITS.stepChars) problems.push({ field: 'step', kind: 'tooLong', key: step.key });
  }
  if (keptSteps(form).length > LIMITS.steps) problems.push({ field: 'steps', kind: 'tooMany' });
  return problems;
}

/** Moves the row at `from` to `to` (both indexes in the list as it is now). */
export function moveRow<T>(rows: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= rows.length || to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  const [row] = next.splice(from, 1);
  next.splice(to, 0, row as T);
  return next;
}

/** Moves the rows with `keys` (in their current order) before or after the row with `target`. */
export function moveKeys(rows: readonly StepRow[], keys: ReadonlySet<string>, target: string, position: 'before' | 'after'): StepRow[] {
  if (keys.has(target)) return [...rows];
  const moving = rows.filter((r) => keys.has(r.key));
  const rest = rows.filter((r) => !keys.has(r.key));
  const at = rest.findIndex((r) => r.key === target);
  if (at < 0) return [...rows];
  const index = position === 'before' ? at : at + 1;
  return [...rest.slice(0, index), ...moving, ...rest.slice(index)];
}

export type Progress = { done: number; total: number };

export function progressOf(steps: readonly Pick<GoalStep, 'doneAt'>[]): Progress {
  return { done: steps.filter((s) => s.doneAt !== null).length, total: steps.length };
}

/** The first step still to do, if any. */
export function nextStepOf(goal: Goal): GoalStep | null {
  return goal.steps.find((s) => s.doneAt === null) ?? null;
}

/** Goals by status, in the order the list shows them (the backend already sorts within each). */
export function groupByStatus(goals: readonly Goal[]): Record<GoalStatus, Goal[]> {
  const groups: Record<GoalStatus, Goal[]> = { active: [], paused: [], done: [], let_go: [] };
  for (const goal of goals) groups[goal.status].push(goal);
  return groups;
}

/** `HH:MM`, 24-hour. */
export function isTime(text: string | null | undefined): text is string {
  return typeof text === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
}

/** Reminder weekdays are 0 = Monday … 6 = Sunday. */
export const WEEKDAYS: readonly number[] = [0, 1, 2, 3, 4, 5, 6];

/** A local Date on the given weekday (0 = Monday), for saying its name in the current language. */
export function weekdayDate(weekday: number): Date {
  // 1 January 2024 was a Monday.
  return new Date(2024, 0, 1 + weekday, 12);
}

export const DEFAULT_REMINDER_TIME = '18:00';

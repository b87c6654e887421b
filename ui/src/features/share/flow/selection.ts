// What the person picked in the share flow, and the `ShareSelection` the backend builds the
// share from. Pure functions only; the state lives in ShareFlow.
import type { Entry, EntryParts, Goal, GoalParts, SafetyPlan, ShareSelection } from '../../../api';
import type { MessageId } from '../../../i18n';

export type EntryPart = keyof EntryParts;
export type GoalPart = keyof GoalParts;

/** An entry's parts in the order the preview lists them. */
export const ENTRY_PARTS: readonly EntryPart[] = ['title', 'body', 'feelings', 'goingOn', 'helped', 'tags', 'prompt', 'goal', 'identity'];
export const GOAL_PARTS: readonly GoalPart[] = ['why', 'steps', 'checkins'];

export const ENTRY_PART_WORD: Record<EntryPart, MessageId> = {
  title: 'shareFlow.part.title',
  body: 'shareFlow.part.body',
  feelings: 'shareFlow.part.feelings',
  goingOn: 'shareFlow.part.goingOn',
  helped: 'shareFlow.part.helped',
  tags: 'shareFlow.part.tags',
  prompt: 'shareFlow.part.prompt',
  goal: 'shareFlow.part.goal',
  identity: 'shareFlow.part.identity',
};

export const GOAL_PART_WORD: Record<GoalPart, MessageId> = {
  why: 'shareFlow.part.why',
  steps: 'shareFlow.part.steps',
  checkins: 'shareFlow.part.checkins',
};

/** The safety plan's sections as a share names them, beside the plan's own keys. */
export const PLAN_SECTIONS = [
  { id: 'warning_signs', key: 'warningSigns' },
  { id: 'coping_on_my_own', key: 'copingOnMyOwn' },
  { id: 'people_and_places', key: 'peopleAndPlaces' },
  { id: 'people_to_ask', key: 'peopleToAsk' },
  { id: 'professionals', key: 'professionals' },
  { id: 'safer_space', key: 'saferSpace' },
  { id: 'reasons_for_living', key: 'reasonsForLiving' },
] as const satisfies readonly { id: string; key: Exclude<keyof SafetyPlan, 'updatedAt'> }[];

export type PlanSectionId = (typeof PLAN_SECTIONS)[number]['id'];

export function planSectionTitle(id: PlanSectionId): MessageId {
  const key = PLAN_SECTIONS.find((s) => s.id === id)!.key;
  return `safety.section.${key}.title`;
}

/** The plan's sections that hold something, in the plan's order. */
export function planSectionsWithItems(plan: SafetyPlan | null): PlanSectionId[] {
  if (!plan) return [];
  return PLAN_SECTIONS.filter((s) => plan[s.key].length > 0).map((s) => s.id);
}

const filled = (text: string | null | undefined) => (text ?? '').trim() !== '';

/** The parts this entry actually has (the only ones worth a switch), in the preview's order. */
export function entryPartsOf(entry: Entry): EntryPart[] {
  const has: Record<EntryPart, boolean> = {
    title: filled(entry.title),
    body: filled(entry.body),
    feelings: (entry.checkin?.feelings.length ?? 0) > 0,
    goingOn: filled(entry.checkin?.goingOn),
    helped: filled(entry.checkin?.helped),
    tags: entry.tags.length > 0,
    prompt: entry.promptId != null,
    goal: entry.goal != null,
    identity: entry.identity != null,
  };
  return ENTRY_PARTS.filter((part) => has[part]);
}

/** The parts this goal has: its why, its steps, its check-ins. */
export function goalPartsOf(goal: Goal): GoalPart[] {
  const has: Record<GoalPart, boolean> = {
    why: filled(goal.why),
    steps: goal.steps.length > 0,
    checkins: goal.checkins > 0,
  };
  return GOAL_PARTS.filter((part) => has[part]);
}

export const ALL_ENTRY_PARTS: EntryParts = {
  title: true,
  body: true,
  feelings: true,
  goingOn: true,
  helped: true,
  tags: true,
  prompt: true,
  goal: true,
  identity: true,
};

export const ALL_GOAL_PARTS: GoalParts = { why: true, steps: true, checkins: true };

export type Range = { from: string; to: string };

export type Picks = {
  /** In the order they were picked (the share keeps this order). */
  entries: { id: number; parts: EntryParts }[];
  goals: { id: number; parts: GoalParts }[];
  insightsOn: boolean;
  /** Kept while the summary is off, so switching it on again keeps the dates. */
  range: Range;
  planOn: boolean;
  /** The plan's sections that go; all sections with something in them by default. */
  planSections: PlanSectionId[];
  note: string;
  includeProfile: boolean;
};

export function emptyPicks(range: Range): Picks {
  return {
    entries: [],
    goals: [],
    insightsOn: false,
    range,
    planOn: false,
    planSections: [],
    note: '',
    includeProfile: true,
  };
}

/** Whether the summary's dates are two real days in order. */
export function rangeIsValid(range: Range): boolean {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  return day.test(range.from) && day.test(range.to) && range.from <= range.to;
}

/** Something to share: an entry, a goal, the summary (with good dates) or some of the plan. */
export function hasItems(picks: Picks): boolean {
  return (
    picks.entries.length > 0 ||
    picks.goals.length > 0 ||
    (picks.insightsOn && rangeIsValid(picks.range)) ||
    (picks.planOn && picks.planSections.length > 0)
  );
}

export function toggleEntry(picks: Picks, id: number, on: boolean): Picks {
  const without = picks.entries.filter((e) => e.id !== id);
  return { ...picks, entries: on ? [...without, { id, parts: { ...ALL_ENTRY_PARTS } }] : without };
}

export function toggleGoal(picks: Picks, id: number, on: boolean): Picks {
  const without = picks.goals.filter((g) => g.id !== id);
  return { ...picks, goals: on ? [...without, { id, parts: { ...ALL_GOAL_PARTS } }] : without };
}

export function setEntryPart(picks: Picks, id: number, part: EntryPart, on: boolean): Picks {
  return { ...picks, entries: picks.entries.map((e) => (e.id === id ? { ...e, parts: { ...e.parts, [part]: on } } : e)) };
}

export function setGoalPart(picks: Picks, id: number, part: GoalPart, on: boolean): Picks {
  return { ...picks, goals: picks.goals.map((g) => (g.id === id ? { ...g, parts: { ...g.parts, [part]: on } } : g)) };
}

export function setPlanSection(picks: Picks, id: PlanSectionId, on: boolean): Picks {
  const next = new Set(picks.planSections);
  if (on) next.add(id);
  else next.delete(id);
  return { ...picks, planSections: PLAN_SECTIONS.map((s) => s.id).filter((s) => next.has(s)) };
}

export type Words = Pick<ShareSelection, 'feelingNames' | 'promptTexts'>;

/** Exactly what goes: the picks as the backend reads them. */
export function toSelection(picks: Picks, words: Words): ShareSelection {
  const note = picks.note.trim();
  return {
    entries: picks.entries.map((e) => ({ id: e.id, parts: { ...e.parts } })),
    goals: picks.goals.map((g) => ({ id: g.id, parts: { ...g.parts } })),
    insights: picks.insightsOn && rangeIsValid(picks.range) ? { ...picks.range } : null,
    safetyPlan: picks.planOn && picks.planSections.length > 0 ? { sections: [...picks.planSections] } : null,
    includeProfile: picks.includeProfile,
    note: note === '' ? null : note,
    feelingNames: words.feelingNames,
    promptTexts: words.promptTexts,
  };
}

// The goals part of the fake backend (goals, steps, statuses, proposals, reminder settings),
// following the goals contract (src-tauri/goals/model.rs and the doc comments in
// src/api/index.ts, section "Goals"). Unit tests only. Owned by the goals screens' tests.
//
// Rules the fake follows (in step with the Rust side); any failed check → `invalid_input` and
// nothing is saved:
// - A title is trimmed and must have 1–MAX_TITLE_CHARS characters. "Why" is trimmed (blank →
//   `null`), at most MAX_WHY_CHARS. Steps are trimmed, blank ones dropped, each at most
//   MAX_STEP_CHARS, at most MAX_STEPS; the order given is the order kept. A kept step keeps its id;
//   a step id of another goal, or the same id twice → `invalid_input`; an id that no longer
//   exists is kept as a new step (a stale list never loses a step); new steps get new ids.
//   `done` sets `doneAt` when a step becomes done and keeps it while it stays done. A draft
//   identical to what is stored changes nothing (not even `updatedAt`).
// - `targetDate` a real `YYYY-MM-DD`; a reminder's weekdays 0–6 (duplicates dropped, sorted) and
//   its time `HH:MM`. Reminder settings: `HH:MM` or `null`; quiet hours need both ends, different.
// - An id that doesn't exist → `not_found`. Status changes stamp `statusChangedAt`.
// - `delete_goal` removes the goal and its steps; its check-ins stay in the journal; proposals
//   about it then say `forGoalMissing: true`, and proposals that made it `goalId: null`.
// - Goal check-ins are journal entries (`save_entry` with kind `goal_checkin` and `goal` set);
//   naming a goal that doesn't exist → `invalid_input` (an entry keeps the goal it already names,
//   even after that goal is deleted). `Goal.checkins`/`lastCheckinAt` and
//   `get_goal`'s list count those outside the trash, newest first.
// - Proposals: pending first, then decided, newest first. Deciding a decided one →
//   `invalid_input`. Accept: a goal proposal becomes a goal made with the counselor (their words
//   kept in `counselorWords`), or — when it is about a goal that still exists — its steps are
//   added to that goal (its title when it has no steps); a prompt proposal becomes one of the
//   person's own prompts (id `counselor-<proposal id>`). Change: the person's `goal` draft (a new
//   goal, or with its id the goal the proposal is about) or `promptText` is used instead, the
//   counselor's words kept beside it. Not now: declined, nothing else changes.
//
// Test helpers: `addGoal` stores a goal directly, `addProposal` a proposal as the share import
// will, and `hold(cmd)` makes the next call of a goals command wait until released.
import { UNHANDLED, localIso, summaryOf } from './fakeJournal';
import type { FakeJournal } from './fakeJournal';
import type { FakeLibraryState } from './fakeLibrary';
import type {
  CommandError,
  CounselorWords,
  EntryDraft,
  ErrorCode,
  Goal,
  GoalDetail,
  GoalDraft,
  GoalReminder,
  GoalStatus,
  GoalStep,
  Proposal,
  ProposalDecision,
  ProposalDraft,
  ProposalOutcome,
  ReminderSettings,
} from '../api';

export const MAX_TITLE_CHARS = 200;
export const MAX_WHY_CHARS = 4000;
export const MAX_STEP_CHARS = 500;
export const MAX_STEPS = 500;
export const MAX_PROMPT_CHARS = 500;

type StoredGoal = Omit<Goal, 'checkins' | 'lastCheckinAt'>;
type StoredProposal = Omit<Proposal, 'forGoalMissing'> & { sourceId: string | null };

export type FakeGoalsState = {
  goals: StoredGoal[];
  proposals: StoredProposal[];
  reminders: ReminderSettings;
  nextGoalId: number;
  nextStepId: number;
  nextProposalId: number;
};

const STATUS_ORDER: Record<GoalStatus, number> = { active: 0, paused: 1, done: 2, let_go: 3 };
const STATUSES = new Set<GoalStatus>(['active', 'paused', 'done', 'let_go']);

function fail(code: ErrorCode): never {
  const error: CommandError = { code, message: `fake backend: ${code}`, attemptsLeft: null };
  throw error;
}

const chars = (text: string) => [...text].length;

function optionalText(text: string | null | undefined, max: number): string | null {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return null;
  if (chars(trimmed) > max) fail('invalid_input');
  return trimmed;
}

function checkDate(day: string | null | undefined): string | null {
  if (day == null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== day) fail('invalid_input');
  return day;
}

function checkTime(time: string | null | undefined): string | null {
  if (time == null) return null;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) fail('invalid_input');
  return time;
}

function checkReminder(reminder: GoalReminder | null | undefined): GoalReminder | null {
  if (reminder == null) return null;
  if (!reminder.weekdays.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) fail('invalid_input');
  return { weekdays: [...new Set(reminder.weekdays)].sort((a, b) => a - b), time: checkTime(reminder.time) ?? fail('invalid_input') };
}

function checkTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed === '' || chars(trimmed) > MAX_TITLE_CHARS) fail('invalid_input');
  return trimmed;
}

export function createFakeGoals(journal: FakeJournal, library: FakeLibraryState, now: () => Date) {
  const state: FakeGoalsState = {
    goals: [],
    proposals: [],
    reminders: { dailyCheckin: null, quietFrom: null, quietTo: null },
    nextGoalId: 1,
    nextStepId: 1,
    nextProposalId: 1,
  };
  const holds = new Map<string, Promise<void>>();

  const findGoal = (id: number) => state.goals.find((g) => g.id === id);
  const mustFindGoal = (id: number) => findGoal(id) ?? fail('not_found');

  const checkinsOf = (goalId: number) =>
    journal.live().filter((e) => e.kind === 'goal_checkin' && e.goal?.goalId === goalId);

  const newestFirst = (a: { createdAt: string; id: number }, b: { createdAt: string; id: number }) =>
    new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime() || b.id - a.id;

  const view = (goal: StoredGoal): Goal => {
    const checkins = checkinsOf(goal.id).sort(newestFirst);
    return structuredClone({ ...goal, checkins: checkins.length, lastCheckinAt: checkins[0]?.createdAt ?? null });
  };

  const viewProposal = (p: StoredProposal): Proposal => {
    const { sourceId: _sourceId, ...rest } = p;
    return structuredClone({ ...rest, forGoalMissing: p.forGoalId !== null && !findGoal(p.forGoalId) });
  };

  /** The steps as stored after a save of `draft` onto `existing` (or a new goal). */
  const stepsFrom = (draft: GoalDraft, existing: StoredGoal | undefined, stamp: string): GoalStep[] => {
    const kept = draft.steps
      .map((s) => ({ ...s, text: s.text.trim() }))
      .filter((s) => s.text !== '');
    if (kept.length > MAX_STEPS) fail('invalid_input');
    const seen = new Set<number>();
    return kept.map((s) => {
      if (chars(s.text) > MAX_STEP_CHARS) fail('invalid_input');
      let before: GoalStep | undefined;
      if (s.id != null) {
        if (seen.has(s.id)) fail('invalid_input');
        seen.add(s.id);
        before = existing?.steps.find((old) => old.id === s.id);
        const elsewhere = state.goals.some((g) => g !== existing && g.steps.some((old) => old.id === s.id));
        if (!before && elsewhere) fail('invalid_input');
      }
      const doneAt = s.done ? (before?.doneAt ?? stamp) : null;
      return { id: before?.id ?? state.nextStepId++, text: s.text, doneAt };
    });
  };

  const saveGoal = (draft: GoalDraft, counselorWords?: CounselorWords): StoredGoal => {
    const existing = draft.id == null ? undefined : mustFindGoal(draft.id);
    const stamp = localIso(now());
    const fields = {
      title: checkTitle(draft.title ?? ''),
      why: optionalText(draft.why, MAX_WHY_CHARS),
      area: draft.area ?? null,
      targetDate: checkDate(draft.targetDate),
      madeWithCounselor: Boolean(draft.madeWithCounselor),
      reminder: checkReminder(draft.reminder),
    };
    // Everything is checked before anything changes.
    const steps = stepsFrom(draft, existing, stamp);
    if (existing) {
      const same =
        JSON.stringify([existing.title, existing.why, existing.area, existing.targetDate, existing.madeWithCounselor, existing.reminder, existing.steps]) ===
        JSON.stringify([fields.title, fields.why, fields.area, fields.targetDate, fields.madeWithCounselor, fields.reminder, steps]);
      if (!same) Object.assign(existing, fields, { steps, updatedAt: stamp });
      if (counselorWords) existing.counselorWords = counselorWords;
      return existing;
    }
    const goal: StoredGoal = {
      id: state.nextGoalId++,
      ...fields,
      steps,
      status: 'active',
      counselorWords: counselorWords ?? null,
      createdAt: stamp,
      updatedAt: stamp,
      statusChangedAt: stamp,
    };
    state.goals.push(goal);
    return goal;
  };

  const listGoals = (): Goal[] =>
    [...state.goals]
      .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || newestFirst(a, b))
      .map(view);

  const listProposals = (): Proposal[] =>
    [...state.proposals]
      .sort(
        (a, b) =>
          Number(a.status !== 'pending') - Number(b.status !== 'pending') ||
          new Date(b.receivedAt).getTime() - new Date(a.receivedAt).getTime() ||
          b.id - a.id,
      )
      .map(viewProposal);

  /** As the Rust side: one of the person's own prompts, with the id `counselor-<proposal id>[-n]`. */
  const addPrompt = (proposalId: number, text: string) => {
    const trimmed = text.trim();
    if (trimmed === '' || chars(trimmed) > MAX_PROMPT_CHARS) fail('invalid_input');
    const prompts = library.library.customPrompts;
    const base = `counselor-${proposalId}`;
    let id = base;
    for (let n = 2; prompts.some((p) => p.id === id); n++) id = `${base}-${n}`;
    prompts.push({ id, text: trimmed, group: null });
  };

  const decide = (id: number, decision: ProposalDecision): ProposalOutcome => {
    const proposal = state.proposals.find((p) => p.id === id) ?? fail('not_found');
    if (proposal.status !== 'pending') fail('invalid_input');
    const words: CounselorWords = {
      fromName: proposal.fromName,
      title: proposal.title,
      why: proposal.why,
      steps: [...proposal.steps],
      note: proposal.note,
    };
    const target = proposal.forGoalId !== null ? findGoal(proposal.forGoalId) : undefined;
    let goal: StoredGoal | null = null;
    switch (decision.kind) {
      case 'accept':
        if (proposal.kind === 'prompt') addPrompt(proposal.id, proposal.title);
        else if (target) {
          // About a goal that still exists: its steps (or its title, without steps) join that goal.
          const added = proposal.steps.length > 0 ? proposal.steps : [proposal.title];
          goal = saveGoal({
            ...draftOf(target),
            steps: [...draftOf(target).steps, ...added.map((text) => ({ id: null, text, done: false }))],
          });
        } else {
          goal = saveGoal(
            {
              id: null,
              title: proposal.title,
              why: proposal.why,
              area: null,
              steps: proposal.steps.map((text) => ({ id: null, text, done: false })),
              targetDate: null,
              madeWithCounselor: true,
              reminder: null,
            },
            words,
          );
        }
        proposal.status = 'accepted';
        break;
      case 'change':
        if (proposal.kind === 'prompt') {
          addPrompt(proposal.id, decision.promptText ?? fail('invalid_input'));
        } else {
          const draft = decision.goal ?? fail('invalid_input');
          // Their own version: a new goal, or (with its id) the goal the proposal is about; the
          // counselor's words are kept beside the person's either way.
          if (draft.id != null && draft.id !== target?.id) fail('invalid_input');
          goal = saveGoal(draft, words);
        }
        proposal.status = 'changed';
        break;
      case 'not_now':
        proposal.status = 'declined';
        break;
      default:
        fail('invalid_input');
    }
    proposal.decidedAt = localIso(now());
    proposal.goalId = goal?.id ?? null;
    return { proposal: viewProposal(proposal), goal: goal ? view(goal) : null };
  };

  const draftOf = (goal: StoredGoal): GoalDraft => ({
    id: goal.id,
    title: goal.title,
    why: goal.why,
    area: goal.area,
    steps: goal.steps.map((s) => ({ id: s.id, text: s.text, done: s.doneAt !== null })),
    targetDate: goal.targetDate,
    madeWithCounselor: goal.madeWithCounselor,
    reminder: goal.reminder,
  });

  const run = (cmd: string, arg: <T>(name: string) => T): unknown => {
    switch (cmd) {
      case 'list_goals':
        return listGoals();
      case 'get_goal': {
        const goal = mustFindGoal(arg<number>('id'));
        const detail: GoalDetail = { goal: view(goal), checkins: checkinsOf(goal.id).sort(newestFirst).map(summaryOf) };
        return detail;
      }
      case 'save_goal':
        return view(saveGoal(structuredClone(arg<GoalDraft>('draft'))));
      case 'set_step_done': {
        const goal = mustFindGoal(arg<number>('goalId'));
        const step = goal.steps.find((s) => s.id === arg<number>('stepId')) ?? fail('not_found');
        const done = arg<boolean>('done');
        if (done !== (step.doneAt !== null)) {
          step.doneAt = done ? localIso(now()) : null;
          goal.updatedAt = localIso(now());
        }
        return view(goal);
      }
      case 'set_goal_status': {
        const goal = mustFindGoal(arg<number>('id'));
        const status = arg<GoalStatus>('status');
        if (!STATUSES.has(status)) fail('invalid_input');
        if (goal.status !== status) {
          const stamp = localIso(now());
          goal.status = status;
          goal.statusChangedAt = stamp;
          goal.updatedAt = stamp;
        }
        return view(goal);
      }
      case 'delete_goal': {
        const goal = mustFindGoal(arg<number>('id'));
        state.goals = state.goals.filter((g) => g !== goal);
        for (const p of state.proposals) if (p.goalId === goal.id) p.goalId = null;
        return null;
      }
      case 'list_proposals':
        return listProposals();
      case 'decide_proposal':
        return decide(arg<number>('id'), structuredClone(arg<ProposalDecision>('decision')));
      case 'get_reminder_settings':
        return structuredClone(state.reminders);
      case 'save_reminder_settings': {
        const settings = arg<ReminderSettings>('settings');
        const blankToNull = (t: string | null | undefined) => (t == null || t.trim() === '' ? null : t);
        const saved: ReminderSettings = {
          dailyCheckin: checkTime(blankToNull(settings.dailyCheckin)),
          quietFrom: checkTime(blankToNull(settings.quietFrom)),
          quietTo: checkTime(blankToNull(settings.quietTo)),
        };
        if ((saved.quietFrom === null) !== (saved.quietTo === null) || (saved.quietFrom !== null && saved.quietFrom === saved.quietTo)) {
          fail('invalid_input');
        }
        state.reminders = saved;
        return structuredClone(saved);
      }
      case 'save_entry': {
        // A goal check-in must name a goal that exists; an entry that already names a goal keeps
        // that link after the goal is deleted. The journal part stores it.
        const draft = arg<EntryDraft>('draft');
        const goalId = draft.goal?.goalId;
        if (goalId != null) {
          const stored = draft.id == null ? undefined : journal.state.entries.find((e) => e.id === draft.id);
          if (stored?.goal?.goalId !== goalId && !findGoal(goalId)) fail('invalid_input');
        }
        return UNHANDLED;
      }
      default:
        return UNHANDLED;
    }
  };

  /** Handles a goals command (possibly after a hold), or returns UNHANDLED. */
  const handle = (cmd: string, arg: <T>(name: string) => T): unknown => {
    const hold = holds.get(cmd);
    if (hold && cmd !== 'save_entry') {
      holds.delete(cmd);
      // Arguments are read now, as the real command receives them at the call.
      const args = new Map<string, unknown>();
      const frozen = <T,>(name: string): T => {
        if (!args.has(name)) args.set(name, structuredClone(arg<unknown>(name)));
        return args.get(name) as T;
      };
      for (const name of ['id', 'draft', 'goalId', 'stepId', 'done', 'status', 'decision', 'settings']) frozen(name);
      return hold.then(() => run(cmd, frozen));
    }
    return run(cmd, arg);
  };

  /** Test helper: the next call of `cmd` waits until the returned function is called. */
  const hold = (cmd: string): (() => void) => {
    let release = () => undefined as void;
    holds.set(cmd, new Promise<void>((resolve) => (release = resolve)));
    return () => release();
  };

  /** Test helper: stores a goal as `save_goal` would, then applies `extra` (e.g. a status). */
  const addGoal = (draft: Partial<GoalDraft> & { title: string }, extra: Partial<Pick<StoredGoal, 'status' | 'counselorWords'>> = {}): Goal => {
    const goal = saveGoal({
      id: null,
      why: null,
      area: null,
      steps: [],
      targetDate: null,
      madeWithCounselor: false,
      reminder: null,
      ...draft,
    });
    Object.assign(goal, extra);
    return view(goal);
  };

  /** Test helper: a proposal as the share import adds it (the same `sourceId` twice → one). */
  const addProposal = (draft: Partial<ProposalDraft> & Pick<ProposalDraft, 'title'>, receivedAt: Date = now()): Proposal => {
    const sourceId = draft.sourceId ?? null;
    const same = sourceId !== null ? state.proposals.find((p) => p.sourceId === sourceId) : undefined;
    if (same) return viewProposal(same);
    const proposal: StoredProposal = {
      id: state.nextProposalId++,
      kind: draft.kind ?? 'goal',
      fromName: draft.fromName ?? 'Ms. Rivera',
      receivedAt: localIso(receivedAt),
      title: draft.title,
      why: draft.why ?? null,
      steps: draft.steps ?? [],
      note: draft.note ?? null,
      forGoalId: draft.forGoalId ?? null,
      status: 'pending',
      decidedAt: null,
      goalId: null,
      sourceId,
    };
    state.proposals.push(proposal);
    return viewProposal(proposal);
  };

  return { state, handle, hold, addGoal, addProposal, goal: (id: number) => (findGoal(id) ? view(findGoal(id)!) : undefined) };
}

export type FakeGoals = ReturnType<typeof createFakeGoals>;

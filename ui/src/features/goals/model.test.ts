import { describe, expect, it } from 'vitest';
import type { Goal, Proposal } from '../../api';
import {
  EMPTY_FORM,
  LIMITS,
  formProblems,
  formToDraft,
  goalToForm,
  groupByStatus,
  isTime,
  moveKeys,
  moveRow,
  nextStepOf,
  progressOf,
  proposalToForm,
  stepRow,
} from './model';

const goal = (over: Partial<Goal> = {}): Goal => ({
  id: 1,
  title: 'Sleep better',
  why: null,
  area: null,
  steps: [
    { id: 10, text: 'Phone out', doneAt: '2026-11-20T10:00:00.000+00:00' },
    { id: 11, text: 'Same bedtime', doneAt: null },
  ],
  targetDate: null,
  status: 'active',
  madeWithCounselor: false,
  reminder: null,
  counselorWords: null,
  createdAt: '2026-11-01T10:00:00.000+00:00',
  updatedAt: '2026-11-01T10:00:00.000+00:00',
  statusChangedAt: '2026-11-01T10:00:00.000+00:00',
  checkins: 0,
  lastCheckinAt: null,
  ...over,
});

describe('goal form', () => {
  it('round-trips a stored goal: ids and done kept, text trimmed, blanks and blank rows dropped', () => {
    const f = goalToForm(goal({ why: 'Mornings', reminder: { weekdays: [4, 0], time: '07:30' } }));
    expect(f.steps.map((s) => [s.id, s.text, s.done])).toEqual([
      [10, 'Phone out', true],
      [11, 'Same bedtime', false],
    ]);
    const draft = formToDraft({ ...f, title: '  Sleep better  ', why: '   ', steps: [...f.steps, stepRow('  '), stepRow(' Read ')] }, 1);
    expect(draft).toEqual({
      id: 1,
      title: 'Sleep better',
      why: null,
      area: null,
      steps: [
        { id: 10, text: 'Phone out', done: true },
        { id: 11, text: 'Same bedtime', done: false },
        { id: null, text: 'Read', done: false },
      ],
      targetDate: null,
      madeWithCounselor: false,
      reminder: { weekdays: [0, 4], time: '07:30' },
    });
  });

  it('names what keeps a form from saving: an empty title, or anything over the limits', () => {
    expect(formProblems({ ...EMPTY_FORM, title: '  ' })).toEqual([{ field: 'title', kind: 'empty' }]);
    expect(formProblems({ ...EMPTY_FORM, title: 'x'.repeat(LIMITS.titleChars + 1) })).toEqual([{ field: 'title', kind: 'tooLong' }]);
    // Characters, not UTF-16 units: 200 emoji fit.
    expect(formProblems({ ...EMPTY_FORM, title: '🌱'.repeat(LIMITS.titleChars) })).toEqual([]);
    const long = stepRow('y'.repeat(LIMITS.stepChars + 1));
    expect(formProblems({ ...EMPTY_FORM, title: 'ok', steps: [long] })).toEqual([{ field: 'step', kind: 'tooLong', key: long.key }]);
    const many = Array.from({ length: LIMITS.steps + 1 }, (_, i) => stepRow(`s${i}`));
    expect(formProblems({ ...EMPTY_FORM, title: 'ok', steps: many })).toEqual([{ field: 'steps', kind: 'tooMany' }]);
    expect(formProblems({ ...EMPTY_FORM, title: 'ok', why: 'w'.repeat(LIMITS.whyChars + 1) })).toEqual([{ field: 'why', kind: 'tooLong' }]);
  });

  it('starts a proposal as a goal made with the counselor', () => {
    const proposal: Proposal = {
      id: 3,
      kind: 'goal',
      fromName: 'Ms. Rivera',
      receivedAt: '2026-11-01T10:00:00.000+00:00',
      title: 'Practise saying no',
      why: 'Stretched thin',
      steps: ['Notice'],
      note: null,
      forGoalId: null,
      forGoalMissing: false,
      status: 'pending',
      decidedAt: null,
      goalId: null,
    };
    const f = proposalToForm(proposal);
    expect([f.title, f.why, f.madeWithCounselor, f.steps.map((s) => s.text)]).toEqual(['Practise saying no', 'Stretched thin', true, ['Notice']]);
  });
});

describe('moving steps', () => {
  const rows = ['a', 'b', 'c', 'd'].map((t) => stepRow(t));
  const texts = (list: { text: string }[]) => list.map((r) => r.text).join('');

  it('moves one row by index, and ignores moves off the ends', () => {
    expect(texts(moveRow(rows, 0, 2))).toBe('bcad');
    expect(texts(moveRow(rows, 3, 0))).toBe('dabc');
    expect(texts(moveRow(rows, 0, -1))).toBe('abcd');
  });

  it('moves dragged rows before or after a target', () => {
    const keys = new Set([rows[0]!.key]);
    expect(texts(moveKeys(rows, keys, rows[2]!.key, 'after'))).toBe('bcad');
    expect(texts(moveKeys(rows, keys, rows[3]!.key, 'before'))).toBe('bcad');
    expect(texts(moveKeys(rows, new Set([rows[3]!.key, rows[1]!.key]), rows[0]!.key, 'before'))).toBe('bdac');
    expect(texts(moveKeys(rows, keys, rows[0]!.key, 'after'))).toBe('abcd');
  });
});

describe('progress and lists', () => {
  it('counts steps done and finds the next one', () => {
    expect(progressOf(goal().steps)).toEqual({ done: 1, total: 2 });
    expect(nextStepOf(goal())?.text).toBe('Same bedtime');
    expect(nextStepOf(goal({ steps: [] }))).toBeNull();
  });

  it('groups goals by status', () => {
    const groups = groupByStatus([goal({ id: 1 }), goal({ id: 2, status: 'let_go' }), goal({ id: 3 })]);
    expect(groups.active.map((g) => g.id)).toEqual([1, 3]);
    expect(groups.let_go.map((g) => g.id)).toEqual([2]);
    expect(groups.paused).toEqual([]);
  });

  it('knows a 24-hour time', () => {
    expect(['00:00', '07:30', '23:59'].every(isTime)).toBe(true);
    expect(['24:00', '7:30', '07:60', '', null].some(isTime)).toBe(false);
  });
});

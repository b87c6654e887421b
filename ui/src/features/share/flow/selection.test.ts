import { describe, expect, it } from 'vitest';
import type { Entry, Goal } from '../../../api';
import { emptySafetyPlan } from '../../../test/fakeBackend';
import {
  emptyPicks,
  entryPartsOf,
  goalPartsOf,
  hasItems,
  planSectionsWithItems,
  setEntryPart,
  setPlanSection,
  toggleEntry,
  toSelection,
} from './selection';

const RANGE = { from: '2025-01-01', to: '2025-01-30' };
const WORDS = { feelingNames: { calm: 'Calm' }, promptTexts: {} };

const entry = (over: Partial<Entry>): Entry => ({
  id: 1,
  kind: 'free',
  title: null,
  body: '',
  tags: [],
  promptId: null,
  checkin: null,
  day: '2025-01-02',
  createdAt: '2025-01-02T10:00:00.000-05:00',
  updatedAt: '2025-01-02T10:00:00.000-05:00',
  deletedAt: null,
  ...over,
});

describe('share selection', () => {
  it('keeps entries in the order picked, once each, and drops them cleanly', () => {
    let picks = emptyPicks(RANGE);
    picks = toggleEntry(picks, 5, true);
    picks = toggleEntry(picks, 2, true);
    picks = toggleEntry(picks, 5, true);
    expect(picks.entries.map((e) => e.id)).toEqual([2, 5]);
    picks = setEntryPart(picks, 5, 'body', false);
    expect(toSelection(picks, WORDS).entries).toEqual([
      { id: 2, parts: expect.objectContaining({ body: true }) },
      { id: 5, parts: expect.objectContaining({ body: false, title: true }) },
    ]);
    expect(toggleEntry(picks, 2, false).entries.map((e) => e.id)).toEqual([5]);
  });

  it('sends the summary only with good dates, the plan only with a section, a note only with words', () => {
    const picks = { ...emptyPicks(RANGE), insightsOn: true, planOn: true, note: '   ' };
    expect(hasItems(picks)).toBe(true);
    const selection = toSelection(picks, WORDS);
    expect(selection).toMatchObject({ insights: RANGE, safetyPlan: null, note: null, includeProfile: true, feelingNames: { calm: 'Calm' } });
    const badDates = { ...picks, range: { from: '2025-02-01', to: '2025-01-01' } };
    expect(hasItems(badDates)).toBe(false);
    expect(toSelection(badDates, WORDS).insights).toBeNull();
    // Sections keep the plan's order however they were switched on.
    const plan = setPlanSection(setPlanSection({ ...picks, insightsOn: false }, 'reasons_for_living', true), 'warning_signs', true);
    expect(toSelection(plan, WORDS).safetyPlan).toEqual({ sections: ['warning_signs', 'reasons_for_living'] });
  });

  it('offers only the parts an entry or a goal has', () => {
    expect(entryPartsOf(entry({ title: '  ', body: 'Hi', tags: ['a'] }))).toEqual(['body', 'tags']);
    expect(
      entryPartsOf(
        entry({
          kind: 'checkin',
          checkin: { feelings: [{ feeling: 'calm', intensity: 2, valence: 1 }], pleasantness: null, energy: null, sensations: [], goingOn: null, helped: 'x' },
        }),
      ),
    ).toEqual(['feelings', 'helped']);
    expect(entryPartsOf(entry({ kind: 'reflection', promptId: 'identity.01', identity: { kind: 'moment', name: null, pronouns: null, felt: null, moment: 'euphoria' } }))).toEqual([
      'prompt',
      'identity',
    ]);
    const goal = { why: null, steps: [{ id: 1, text: 'a', doneAt: null }], checkins: 0 } as unknown as Goal;
    expect(goalPartsOf(goal)).toEqual(['steps']);
  });

  it('knows which plan sections hold something', () => {
    expect(planSectionsWithItems(null)).toEqual([]);
    expect(planSectionsWithItems(emptySafetyPlan({ professionals: [{ name: 'Clinic', phone: null, note: null }], warningSigns: ['x'] }))).toEqual([
      'warning_signs',
      'professionals',
    ]);
  });
});

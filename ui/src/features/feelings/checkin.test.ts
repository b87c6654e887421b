import { describe, expect, it } from 'vitest';
import {
  EMPTY_DRAFT,
  MAX_NOTE_CHARS,
  MAX_PICKS,
  draftIsEmpty,
  draftTooLong,
  isHardCheckin,
  newCustomId,
  padKey,
  padWords,
  setIntensity,
  toCheckin,
  togglePick,
} from './checkin';
import type { Valence } from './vocabulary';

const valence: (id: string) => Valence = (id) => (id === 'sad' ? -1 : id === 'calm' ? 1 : 0);

describe('check-in rules', () => {
  it('is empty until a feeling, a placement or some text is there; tags of whitespace do not count', () => {
    expect(draftIsEmpty(EMPTY_DRAFT)).toBe(true);
    expect(draftIsEmpty({ ...EMPTY_DRAFT, goingOn: '   \n' })).toBe(true);
    expect(draftIsEmpty({ ...EMPTY_DRAFT, sensations: ['headache'] })).toBe(true);
    expect(draftIsEmpty(togglePick(EMPTY_DRAFT, 'calm'))).toBe(false);
    expect(draftIsEmpty({ ...EMPTY_DRAFT, pad: { pleasantness: 0, energy: 0 } })).toBe(false);
    expect(draftIsEmpty({ ...EMPTY_DRAFT, helped: 'a walk' })).toBe(false);
  });

  it('chooses with intensity 3, unchooses on a second toggle, and keeps intensity within 1…5', () => {
    const one = togglePick(EMPTY_DRAFT, 'sad');
    expect(one.picks).toEqual([{ feeling: 'sad', intensity: 3 }]);
    expect(togglePick(one, 'sad').picks).toEqual([]);
    expect(setIntensity(one, 'sad', 9).picks[0]?.intensity).toBe(5);
    expect(setIntensity(one, 'sad', 0).picks[0]?.intensity).toBe(1);
  });

  it('holds at most 40 words and 20,000 characters per note, like the backend', () => {
    let draft = EMPTY_DRAFT;
    for (let i = 0; i < 45; i += 1) draft = togglePick(draft, `word_${i}`);
    expect(draft.picks).toHaveLength(MAX_PICKS);
    expect(togglePick(draft, 'word_0').picks).toHaveLength(MAX_PICKS - 1);
    expect(draftTooLong({ ...EMPTY_DRAFT, goingOn: 'x'.repeat(MAX_NOTE_CHARS) })).toBe(false);
    expect(draftTooLong({ ...EMPTY_DRAFT, helped: '😀'.repeat(MAX_NOTE_CHARS + 1) })).toBe(true);
  });

  it('calls a check-in hard only for a hard feeling at 4 or 5', () => {
    expect(isHardCheckin([{ feeling: 'sad', intensity: 4 }], valence)).toBe(true);
    expect(isHardCheckin([{ feeling: 'sad', intensity: 3 }], valence)).toBe(false);
    expect(isHardCheckin([{ feeling: 'calm', intensity: 5 }], valence)).toBe(false);
    expect(isHardCheckin([{ feeling: 'custom:x', intensity: 5 }], valence)).toBe(false);
    expect(isHardCheckin([], valence)).toBe(false);
  });

  it('moves the pad point by quarter steps, stays inside -1…1, and clears with Home/Delete/Backspace', () => {
    expect(padKey(null, 'ArrowRight')).toEqual({ pleasantness: 0.25, energy: 0 });
    expect(padKey({ pleasantness: 1, energy: -1 }, 'ArrowRight')).toEqual({ pleasantness: 1, energy: -1 });
    expect(padKey({ pleasantness: 0, energy: -1 }, 'ArrowDown', true)).toEqual({ pleasantness: 0, energy: -1 });
    expect(padKey({ pleasantness: 0, energy: 0 }, 'ArrowUp', true)).toEqual({ pleasantness: 0, energy: 0.5 });
    for (const key of ['Home', 'Delete', 'Backspace']) expect(padKey({ pleasantness: 0.5, energy: 0.5 }, key)).toBeNull();
    expect(padKey({ pleasantness: 0.5, energy: 0.5 }, 'a')).toBeUndefined();
    expect(padWords({ pleasantness: -1, energy: 1 })).toEqual({ pleasant: 'vhard', energy: 'vhigh' });
    expect(padWords({ pleasantness: 0, energy: -0.25 })).toEqual({ pleasant: 'mid', energy: 'low' });
  });

  it('builds the saved check-in with valences and nulls for blank notes', () => {
    const draft = { ...togglePick(togglePick(EMPTY_DRAFT, 'sad'), 'calm'), goingOn: '  ', helped: 'tea' };
    expect(toCheckin(draft, valence)).toEqual({
      feelings: [
        { feeling: 'sad', intensity: 3, valence: -1 },
        { feeling: 'calm', intensity: 3, valence: 1 },
      ],
      pleasantness: null,
      energy: null,
      sensations: [],
      goingOn: null,
      helped: 'tea',
    });
  });

  it('makes short random ids for own words', () => {
    const ids = new Set(Array.from({ length: 50 }, newCustomId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{8}$/);
  });
});

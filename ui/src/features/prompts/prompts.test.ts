import { describe, expect, it } from 'vitest';
import type { JournalLibrary } from '../../api';
import {
  addCustomPrompt,
  allPromptRefs,
  availablePromptRefs,
  customPromptRef,
  localDay,
  newCustomPromptId,
  PROMPT_GROUPS,
  promptOfTheDay,
  pruneSnoozes,
  removeCustomPrompt,
  SHIPPED_PROMPTS,
  shufflePrompt,
  snoozedOn,
  snoozePrompt,
  toggleFavourite,
} from './prompts';

const EMPTY: JournalLibrary = { customFeelings: [], customPrompts: [], favouritePrompts: [], snoozedPrompts: [] };

describe('shipped prompts', () => {
  it('has at least 60 prompts, at least 9 in every group, with unique well-formed ids', () => {
    expect(SHIPPED_PROMPTS.length).toBeGreaterThanOrEqual(60);
    for (const group of PROMPT_GROUPS) {
      expect(SHIPPED_PROMPTS.filter((p) => p.group === group).length, group).toBeGreaterThanOrEqual(9);
    }
    const ids = SHIPPED_PROMPTS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const prompt of SHIPPED_PROMPTS) {
      expect(prompt.id).toMatch(new RegExp(`^${prompt.group}\\.\\d{2}$`));
    }
    expect(ids).toContain('feelings.01');
  });

  it('has English and Spanish text for every id, distinct and without markup', () => {
    for (const prompt of SHIPPED_PROMPTS) {
      expect(prompt.en.trim(), prompt.id).not.toBe('');
      expect(prompt.es.trim(), prompt.id).not.toBe('');
      expect(prompt.es, prompt.id).not.toBe(prompt.en);
      for (const text of [prompt.en, prompt.es]) {
        expect(text, prompt.id).not.toMatch(/[<>*_#`[\]]/);
        expect(text.length, prompt.id).toBeLessThanOrEqual(200);
      }
    }
    const en = new Set(SHIPPED_PROMPTS.map((p) => p.en));
    const es = new Set(SHIPPED_PROMPTS.map((p) => p.es));
    expect(en.size).toBe(SHIPPED_PROMPTS.length);
    expect(es.size).toBe(SHIPPED_PROMPTS.length);
  });

  it('keeps the voice: no assumptions about family or gender, no shoulds, no alarm', () => {
    for (const prompt of SHIPPED_PROMPTS) {
      expect(prompt.en, prompt.id).not.toMatch(
        /\b(mom|mum|dad|mother|father|parents?|boyfriend|girlfriend|should|wrong with you|normal|broken|fix)\b|!/i,
      );
      // Spanish: "tú", and no adjectives or nouns that would guess the person's gender.
      expect(prompt.es, prompt.id).not.toMatch(
        /\b(usted|mamá|papá|padres|novi[oa]|listo|cansad[oa]|orgullos[oa]|segur[oa]|bienvenid[oa]|solit[oa]|content[oa]|preparad[oa]|debes|deberías)\b|[!¡]|@|\/a\b/i,
      );
    }
  });
});

describe('prompt of the day', () => {
  const refs = allPromptRefs(EMPTY);

  it('is the same all day, whatever order the prompts come in', () => {
    const pick = promptOfTheDay('2026-11-26', refs);
    expect(pick).not.toBeNull();
    expect(promptOfTheDay('2026-11-26', [...refs].reverse())).toBe(pick);
    expect(promptOfTheDay('2026-11-26', refs)).toBe(pick);
  });

  it('changes from day to day', () => {
    const picks = new Set<string | null>();
    for (let day = 1; day <= 30; day += 1) picks.add(promptOfTheDay(`2026-11-${String(day).padStart(2, '0')}`, refs));
    expect(picks.size).toBeGreaterThan(15);
  });

  it('stays put when another prompt is set aside, and moves on when it is', () => {
    const pick = promptOfTheDay('2026-11-26', refs)!;
    const other = refs.find((ref) => ref !== pick)!;
    expect(promptOfTheDay('2026-11-26', refs.filter((ref) => ref !== other))).toBe(pick);
    const next = promptOfTheDay('2026-11-26', refs.filter((ref) => ref !== pick));
    expect(next).not.toBeNull();
    expect(next).not.toBe(pick);
  });

  it('is null when nothing is on offer', () => {
    expect(promptOfTheDay('2026-11-26', [])).toBeNull();
  });

  it('uses the local calendar date', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('shuffle', () => {
  it('never gives the current prompt back, whatever the random number', () => {
    const refs = allPromptRefs(EMPTY);
    for (const current of [refs[0]!, refs[refs.length - 1]!, 'goals.05']) {
      for (const r of [0, 0.01, 0.5, 0.99, 0.999999]) {
        const next = shufflePrompt(refs, current, () => r);
        expect(next).not.toBeNull();
        expect(next).not.toBe(current);
        expect(refs).toContain(next);
      }
    }
  });

  it('has nothing to offer when the current prompt is the only one', () => {
    expect(shufflePrompt(['feelings.01'], 'feelings.01')).toBeNull();
    expect(shufflePrompt(['feelings.01', 'body.02'], 'feelings.01', () => 0.7)).toBe('body.02');
  });
});

describe('not today', () => {
  it('hides a prompt for its day only, and a later day gets it back', () => {
    const lib = snoozePrompt(EMPTY, 'body.03', '2026-11-26');
    expect(lib.snoozedPrompts).toEqual([{ promptId: 'body.03', day: '2026-11-26' }]);
    expect(snoozedOn(lib, '2026-11-26').has('body.03')).toBe(true);
    expect(availablePromptRefs(lib, '2026-11-26')).not.toContain('body.03');
    expect(snoozedOn(lib, '2026-11-27').has('body.03')).toBe(false);
    expect(availablePromptRefs(lib, '2026-11-27')).toContain('body.03');
  });

  it('drops snoozes from earlier days when setting another aside', () => {
    const old = snoozePrompt(EMPTY, 'body.03', '2026-11-25');
    const lib = snoozePrompt(old, 'goals.01', '2026-11-26');
    expect(lib.snoozedPrompts).toEqual([{ promptId: 'goals.01', day: '2026-11-26' }]);
    expect(pruneSnoozes(lib, '2026-11-27').snoozedPrompts).toEqual([]);
    expect(snoozePrompt(lib, 'goals.01', '2026-11-26')).toEqual(lib);
  });
});

describe('favourites and own prompts', () => {
  it('toggles a favourite on and off', () => {
    const on = toggleFavourite(EMPTY, 'school.04');
    expect(on.favouritePrompts).toEqual(['school.04']);
    expect(toggleFavourite(on, 'school.04').favouritePrompts).toEqual([]);
  });

  it('makes short ids the backend accepts', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 50; i += 1) {
      const id = newCustomPromptId();
      expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(50);
  });

  it('offers own prompts with the shipped ones, and removing one also drops its favourite and snooze', () => {
    let lib = addCustomPrompt(EMPTY, { id: 'abc', text: 'What made me laugh?', group: null });
    const ref = customPromptRef('abc');
    expect(allPromptRefs(lib)).toContain(ref);
    lib = snoozePrompt(toggleFavourite(lib, ref), ref, '2026-11-26');
    lib = removeCustomPrompt(lib, 'abc');
    expect(lib.customPrompts).toEqual([]);
    expect(lib.favouritePrompts).toEqual([]);
    expect(lib.snoozedPrompts).toEqual([]);
  });
});

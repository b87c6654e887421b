import { describe, expect, it } from 'vitest';
import {
  CORES,
  FEELINGS,
  SENSATIONS,
  coreValence,
  feelingById,
  feelingsOfCore,
  foldForSearch,
  searchFeelings,
} from './vocabulary';

const LOCALES = ['en', 'es'] as const;
const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLocaleLowerCase();
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
}

describe('the shipped feelings vocabulary', () => {
  it('has a handful of core feelings, each with a valence and both names', () => {
    expect(CORES.length).toBeGreaterThanOrEqual(6);
    expect(CORES.length).toBeLessThanOrEqual(8);
    for (const core of CORES) {
      expect(core.id).toMatch(SNAKE);
      expect([-1, 0, 1]).toContain(core.valence);
      expect(core.en.trim()).not.toBe('');
      expect(core.es.trim()).not.toBe('');
    }
    expect(duplicates(CORES.map((c) => c.id))).toEqual([]);
    for (const locale of LOCALES) expect(duplicates(CORES.map((c) => c[locale]))).toEqual([]);
    // Pleasant, hard and mixed cores are all there.
    expect(new Set(CORES.map((c) => c.valence))).toEqual(new Set([-1, 0, 1]));
  });

  it('has at least 85 feelings with unique snake_case ids under known cores', () => {
    expect(FEELINGS.length).toBeGreaterThanOrEqual(85);
    expect(duplicates(FEELINGS.map((f) => f.id))).toEqual([]);
    const cores = new Set(CORES.map((c) => c.id));
    for (const feeling of FEELINGS) {
      expect(feeling.id, feeling.id).toMatch(SNAKE);
      expect(cores.has(feeling.core), feeling.id).toBe(true);
    }
  });

  it('gives every core several words to choose from', () => {
    for (const core of CORES) expect(feelingsOfCore(core.id).length, core.id).toBeGreaterThanOrEqual(8);
  });

  it('has a name and a one-line meaning in English and Spanish for every feeling', () => {
    for (const feeling of FEELINGS) {
      for (const locale of LOCALES) {
        const { name, meaning } = feeling[locale];
        expect(name.trim(), `${feeling.id}.${locale}.name`).not.toBe('');
        expect(meaning.trim(), `${feeling.id}.${locale}.meaning`).not.toBe('');
        expect(meaning, `${feeling.id}.${locale}.meaning`).not.toMatch(/\n/);
        expect(meaning.length, `${feeling.id}.${locale}.meaning`).toBeLessThanOrEqual(90);
      }
    }
  });

  it('never has the same name twice within a language', () => {
    for (const locale of LOCALES) expect(duplicates(FEELINGS.map((f) => f[locale].name)), locale).toEqual([]);
  });

  it('keeps shaming and clinical words out of the meanings', () => {
    const banned = /\b(normal|broken|disorder|should|invalid|failed?|symptom|patient)\b/i;
    for (const feeling of FEELINGS) {
      for (const locale of LOCALES) expect(feeling[locale].meaning, feeling.id).not.toMatch(banned);
    }
  });

  it('has the body sensations, each with a unique id and both names', () => {
    expect(SENSATIONS.length).toBeGreaterThanOrEqual(15);
    expect(duplicates(SENSATIONS.map((s) => s.id))).toEqual([]);
    for (const sensation of SENSATIONS) {
      expect(sensation.id).toMatch(SNAKE);
      expect(sensation.en.trim()).not.toBe('');
      expect(sensation.es.trim()).not.toBe('');
    }
    for (const locale of LOCALES) expect(duplicates(SENSATIONS.map((s) => s[locale]))).toEqual([]);
    for (const id of ['tight_chest', 'butterflies', 'tense_shoulders', 'headache', 'tearful']) {
      expect(SENSATIONS.some((s) => s.id === id), id).toBe(true);
    }
  });

  it('looks feelings up by id and gives custom or unknown ids nothing', () => {
    expect(feelingById('restless')?.en.name).toBe('Restless');
    expect(feelingById('restless')?.core).toBe('worried');
    expect(feelingById('custom:abc')).toBeUndefined();
    expect(feelingById('no_such_feeling')).toBeUndefined();
    expect(coreValence('happy')).toBe(1);
    expect(coreValence('sad')).toBe(-1);
    expect(coreValence('mixed')).toBe(0);
    expect(coreValence(null)).toBe(0);
  });
});

describe('searchFeelings', () => {
  it('ignores case and accents, in the language asked for', () => {
    expect(foldForSearch('  Preocupación ')).toBe('preocupacion');
    expect(searchFeelings('preocupacion', 'es').map((f) => f.id)).toContain('worried');
    expect(searchFeelings('ANSIE', 'es')[0]?.id).toBe('anxious');
    expect(searchFeelings('restl', 'en')[0]?.id).toBe('restless');
    // Spanish names are not searched in English, and the other way round.
    expect(searchFeelings('tristeza', 'en')).toEqual([]);
  });

  it('puts names that start with the query before meanings that contain it', () => {
    const ids = searchFeelings('calm', 'en').map((f) => f.id);
    expect(ids[0]).toBe('calm');
    expect(searchFeelings('', 'en')).toEqual([]);
    expect(searchFeelings('   ', 'es')).toEqual([]);
  });
});

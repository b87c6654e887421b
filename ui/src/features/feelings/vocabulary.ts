// The shipped feelings vocabulary: typed data and small helpers. The words themselves live in
// vocabulary.data.ts. Everything ships inside the app; nothing is fetched.
import type { AppLocale } from '../../i18n';
import { CORE_DATA, FEELING_DATA, SENSATION_DATA } from './vocabulary.data';

/** -1 hard, 0 mixed, +1 pleasant (stored with every pick; see `FeelingPick.valence`). */
export type Valence = -1 | 0 | 1;

export type CoreFeeling = {
  /** snake_case ASCII, e.g. `"happy"`. */
  id: string;
  valence: Valence;
  en: string;
  es: string;
};

export type FeelingText = {
  name: string;
  /** One plain line saying what the word means. */
  meaning: string;
};

export type Feeling = {
  /** snake_case ASCII, unique across the vocabulary (stored in check-ins). */
  id: string;
  /** The id of its core feeling. */
  core: string;
  en: FeelingText;
  es: FeelingText;
};

export type Sensation = {
  id: string;
  en: string;
  es: string;
};

export const CORES: readonly CoreFeeling[] = CORE_DATA;
export const FEELINGS: readonly Feeling[] = FEELING_DATA;
export const SENSATIONS: readonly Sensation[] = SENSATION_DATA;

const FEELINGS_BY_ID = new Map(FEELINGS.map((feeling) => [feeling.id, feeling]));
const CORES_BY_ID = new Map(CORES.map((core) => [core.id, core]));
const SENSATIONS_BY_ID = new Map(SENSATIONS.map((sensation) => [sensation.id, sensation]));

/** A shipped feeling by id (`undefined` for custom or unknown ids). */
export function feelingById(id: string): Feeling | undefined {
  return FEELINGS_BY_ID.get(id);
}

export function coreById(id: string): CoreFeeling | undefined {
  return CORES_BY_ID.get(id);
}

export function sensationById(id: string): Sensation | undefined {
  return SENSATIONS_BY_ID.get(id);
}

/** The shipped words under a core feeling, in vocabulary order (the core's own word first). */
export function feelingsOfCore(coreId: string): Feeling[] {
  return FEELINGS.filter((feeling) => feeling.core === coreId);
}

/** The valence of a core id, or 0 when there is no (known) core. */
export function coreValence(coreId: string | null | undefined): Valence {
  return (coreId ? CORES_BY_ID.get(coreId)?.valence : undefined) ?? 0;
}

/** The prefix that marks one of the person's own words in a check-in (`"custom:<id>"`). */
export const CUSTOM_PREFIX = 'custom:';

export function isCustomFeelingId(id: string): boolean {
  return id.startsWith(CUSTOM_PREFIX);
}

/** Lower case, accents and other combining marks removed, spaces squeezed: for matching only. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Shipped feelings whose name (or meaning) in `locale` matches `query`, ignoring case and
 * accents. Name matches come first: words that start with the query, then words containing it,
 * then meanings containing it. An empty query matches nothing.
 */
export function searchFeelings(query: string, locale: AppLocale): Feeling[] {
  const q = foldForSearch(query);
  if (q === '') return [];
  const starts: Feeling[] = [];
  const contains: Feeling[] = [];
  const meaning: Feeling[] = [];
  for (const feeling of FEELINGS) {
    const name = foldForSearch(feeling[locale].name);
    if (name.startsWith(q) || name.split(' ').some((word) => word.startsWith(q))) starts.push(feeling);
    else if (name.includes(q)) contains.push(feeling);
    else if (foldForSearch(feeling[locale].meaning).includes(q)) meaning.push(feeling);
  }
  return [...starts, ...contains, ...meaning];
}

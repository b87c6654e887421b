export type PronounSet = 'she' | 'he' | 'they' | 'other';

/** Which grammatical set a free-text pronoun answer points to (English or Spanish words). */
export function pronounSet(pronouns: string | null | undefined): PronounSet {
  const first = (pronouns ?? '').trim().toLowerCase().split(/[\s/,]+/)[0] ?? '';
  if (first === 'she' || first === 'ella') return 'she';
  if (first === 'he' || first === 'él' || first === 'el') return 'he';
  if (first === 'they' || first === 'elle' || first === 'ellx') return 'they';
  return 'other';
}

// Sample sentences: short, everyday sentences about the person in the current language, so they
// can hear how a name and a pronoun set read before choosing them. The words live in
// identity.en/es.json; the person's name and forms arrive only as ICU arguments.
import type { IntlShape } from 'react-intl';
import type { PronounSet, SpanishAddressing } from '../../api';
import type { MessageId } from '../../i18n';
import { builtInSet, personArgs, shortLabel, type Person, type PersonArgs } from './grammar';

/** The sentences, in the order they are shown. */
export const SENTENCE_IDS = [
  'friend',
  'teacher',
  'story',
  'compliment',
  'family',
  'plans',
  'reflexive',
  'possessive',
  'guitar',
] as const;

export type SentenceId = (typeof SENTENCE_IDS)[number];

const ROTATION: readonly { english: 'she' | 'he' | 'they'; spanish: SpanishAddressing }[] = [
  { english: 'she', spanish: { pronoun: 'ella', ending: 'a' } },
  { english: 'he', spanish: { pronoun: 'él', ending: 'o' } },
  { english: 'they', spanish: { pronoun: 'elle', ending: 'e' } },
];

/**
 * The person a given sentence is about. With "any pronouns" the sentences take turns with she,
 * he and they (and, when the Spanish follows the English, ella/-a, él/-o, elle/-e).
 */
export function personForSentence(person: Person, index: number): Person {
  if (person.pronouns?.id !== 'any') return person;
  const turn = ROTATION[index % ROTATION.length] ?? ROTATION[0]!;
  const followsEnglish = person.spanish.pronoun === 'elle' && person.spanish.ending === 'e';
  const themselves = person.pronouns.reflexive.trim() === 'themselves';
  return {
    ...person,
    pronouns: builtInSet(turn.english, { themselves: turn.english === 'they' && themselves }),
    spanish: followsEnglish ? turn.spanish : person.spanish,
  };
}

/** The name used in samples while the person has none (a name, since sentences need one). */
export function fallbackName(intl: IntlShape): string {
  return intl.formatMessage({ id: 'identity.fallbackName' });
}

export function sentenceArgs(intl: IntlShape, person: Person, index = 0): PersonArgs {
  return personArgs(personForSentence(person, index), fallbackName(intl));
}

/** Every sample sentence about `person`, in the current locale. */
export function sampleSentences(intl: IntlShape, person: Person): { id: string; text: string }[] {
  return SENTENCE_IDS.map((id, index) => ({
    id,
    text: intl.formatMessage({ id: `identity.sentence.${id}` as MessageId }, sentenceArgs(intl, person, index)),
  }));
}

/** "she/her", "xe/xem", "any pronouns", "no pronouns — use my name", or the custom forms. */
export function pronounLabel(intl: IntlShape, set: PronounSet | null): string {
  if (!set) return intl.formatMessage({ id: 'identity.pronouns.notChosen' });
  if (set.id === 'any') return intl.formatMessage({ id: 'identity.pronouns.any' });
  if (set.id === 'name_only') return intl.formatMessage({ id: 'identity.pronouns.name_only' });
  return shortLabel(set) ?? intl.formatMessage({ id: 'identity.pronouns.name_only' });
}

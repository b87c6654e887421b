// Pronoun grammar: the built-in English sets with all five forms and their verb agreement, the
// fallbacks for a custom set with missing forms, and the arguments every ICU message about the
// person receives. Sentences themselves live in the message catalogues (identity.en/es.json),
// which choose words with `select` on `agree`, `style` and `ending`; the person's own words
// (name, forms) only ever arrive as arguments, so no name or form can break a message.
import type { Profile, PronounSet, SpanishAddressing, SpanishEnding } from '../../api';

export type BuiltInPronounId =
  | 'she'
  | 'he'
  | 'they'
  | 'xe'
  | 'ze_hir'
  | 'ze_zir'
  | 'fae'
  | 'e'
  | 'it'
  | 'any'
  | 'name_only';

type Forms = readonly [subject: string, object: string, determiner: string, possessive: string, reflexive: string];

const FORMS: Record<Exclude<BuiltInPronounId, 'name_only'>, { forms: Forms; plural: boolean }> = {
  she: { forms: ['she', 'her', 'her', 'hers', 'herself'], plural: false },
  he: { forms: ['he', 'him', 'his', 'his', 'himself'], plural: false },
  they: { forms: ['they', 'them', 'their', 'theirs', 'themself'], plural: true },
  xe: { forms: ['xe', 'xem', 'xyr', 'xyrs', 'xemself'], plural: false },
  ze_hir: { forms: ['ze', 'hir', 'hir', 'hirs', 'hirself'], plural: false },
  ze_zir: { forms: ['ze', 'zir', 'zir', 'zirs', 'zirself'], plural: false },
  fae: { forms: ['fae', 'faer', 'faer', 'faers', 'faerself'], plural: false },
  e: { forms: ['e', 'em', 'eir', 'eirs', 'emself'], plural: false },
  it: { forms: ['it', 'it', 'its', 'its', 'itself'], plural: false },
  // "Any pronouns": these are the forms the app uses when it has to pick one set.
  any: { forms: ['they', 'them', 'their', 'theirs', 'themself'], plural: true },
};

/** Every built-in set, in the order the picker offers them. */
export const BUILT_IN_IDS: readonly BuiltInPronounId[] = [
  'she',
  'he',
  'they',
  'xe',
  'ze_hir',
  'ze_zir',
  'fae',
  'e',
  'it',
  'any',
  'name_only',
];

/** A built-in set, complete. For they/them the person chooses "themself" or "themselves". */
export function builtInSet(id: BuiltInPronounId, options: { themselves?: boolean } = {}): PronounSet {
  if (id === 'name_only') {
    return { id, subject: '', object: '', determiner: '', possessive: '', reflexive: '', pluralVerbs: false };
  }
  const { forms, plural } = FORMS[id];
  const [subject, object, determiner, possessive, reflexive] = forms;
  return {
    id,
    subject,
    object,
    determiner,
    possessive,
    reflexive: (id === 'they' || id === 'any') && options.themselves ? 'themselves' : reflexive,
    pluralVerbs: plural,
  };
}

export function isBuiltIn(id: string): id is BuiltInPronounId {
  return (BUILT_IN_IDS as readonly string[]).includes(id);
}

/**
 * A custom set with every form filled: a blank object falls back to the subject, a blank
 * determiner to the object + "'s"… Only the subject is needed; a set with no subject at all is
 * used as "no pronouns — use my name".
 */
export function completeSet(set: PronounSet): PronounSet {
  const t = (s: string) => s.trim();
  const subject = t(set.subject);
  if (!subject) return builtInSet('name_only');
  const object = t(set.object) || subject;
  const determiner = t(set.determiner) || `${object}'s`;
  const possessive = t(set.possessive) || (t(set.determiner) ? `${t(set.determiner)}s` : `${object}'s`);
  const reflexive = t(set.reflexive) || `${object}self`;
  return { ...set, subject, object, determiner, possessive, reflexive };
}

/** "she/her", "xe/xem", "it/its"; `null` for "any" and "name only" (their labels are messages). */
export function shortLabel(set: PronounSet): string | null {
  if (set.id === 'any' || set.id === 'name_only') return null;
  const full = set.id === 'custom' ? completeSet(set) : set;
  if (!full.subject) return null;
  if (set.id === 'it') return 'it/its';
  return `${full.subject}/${full.object}`;
}

/** The Spanish addressing: the person's own choice, or what follows from their English set. */
export function spanishFor(profile: Pick<Profile, 'pronouns' | 'spanish'>): SpanishAddressing {
  if (profile.spanish) return profile.spanish;
  switch (profile.pronouns?.id) {
    case 'she':
      return { pronoun: 'ella', ending: 'a' };
    case 'he':
      return { pronoun: 'él', ending: 'o' };
    case 'name_only':
      return { pronoun: null, ending: 'e' };
    case undefined:
      return { pronoun: null, ending: 'e' };
    default:
      return { pronoun: 'elle', ending: 'e' };
  }
}

/** Who a message is about: a name (may be blank), an English set (or none) and the Spanish. */
export type Person = {
  name: string;
  pronouns: PronounSet | null;
  spanish: SpanishAddressing;
};

/** The person as the app addresses them, or as shared summaries describe them. */
export function personFrom(profile: Profile, where: 'app' | 'shared' = 'app'): Person {
  const appName = profile.name?.trim() ?? '';
  const shared = where === 'shared' ? profile.shared : null;
  const pronouns = (shared?.pronouns ?? profile.pronouns) || null;
  return {
    name: shared?.name?.trim() || appName,
    pronouns,
    spanish: spanishFor({ pronouns, spanish: profile.spanish }),
  };
}

/**
 * The arguments every message about the person gets:
 * - `name`; `subj`, `obj`, `det`, `poss`, `refl` (lower case) and `Subj`, `Det` (capitalised for
 *   the start of a sentence);
 * - `agree`: `plural` ("they are") or `singular` ("xe is");
 * - `style`: `pronouns`, or `name` when the person uses no pronouns (every form is then the name,
 *   and messages rephrase reflexive sentences with `select` on `style`);
 * - Spanish: `esPron` (ella, él, elle, a typed pronoun, or the name) and `ending` (`a`, `o`, `e`,
 *   `x`) for the words that change with gender.
 * A missing name is `fallbackName` (e.g. "Alex" in a try-on's sample sentences).
 */
export type PersonArgs = {
  name: string;
  subj: string;
  Subj: string;
  obj: string;
  det: string;
  Det: string;
  poss: string;
  refl: string;
  agree: 'plural' | 'singular';
  style: 'pronouns' | 'name';
  esPron: string;
  ending: SpanishEnding;
};

export function personArgs(person: Person, fallbackName: string): PersonArgs {
  const name = isolate(person.name.trim() || fallbackName);
  const found = person.pronouns ? completeSet(person.pronouns) : null;
  const set = found ? mapForms(found, isolate) : null;
  const esPron = isolate(person.spanish.pronoun?.trim() ?? '') || name;
  if (!set || set.id === 'name_only') {
    const owner = `${name}'s`;
    return {
      name,
      subj: name,
      Subj: name,
      obj: name,
      det: owner,
      Det: owner,
      poss: owner,
      refl: name,
      agree: 'singular',
      style: 'name',
      esPron,
      ending: person.spanish.ending,
    };
  }
  return {
    name,
    subj: set.subject,
    Subj: capitalise(set.subject),
    obj: set.object,
    det: set.determiner,
    Det: capitalise(set.determiner),
    poss: set.possessive,
    refl: set.reflexive,
    agree: set.pluralVerbs ? 'plural' : 'singular',
    style: 'pronouns',
    esPron,
    ending: person.spanish.ending,
  };
}

// Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their presentation forms.
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|\ud802[\udc00-\udfff]|\ud83a[\udc00-\udfff]/;

/**
 * A right-to-left name or form is wrapped in invisible "first strong isolate" marks, so it
 * keeps its own direction inside a left-to-right sentence (and the other way round) and the
 * punctuation around it stays where it belongs. Other text is returned as it is.
 */
export function isolate(text: string): string {
  return RIGHT_TO_LEFT.test(text) ? `\u2068${text}\u2069` : text;
}

function mapForms(set: PronounSet, map: (form: string) => string): PronounSet {
  return {
    ...set,
    subject: map(set.subject),
    object: map(set.object),
    determiner: map(set.determiner),
    possessive: map(set.possessive),
    reflexive: map(set.reflexive),
  };
}

/** Upper-cases the first letter (any script; letters without case stay as they are). */
export function capitalise(word: string): string {
  const [first = '', ...rest] = Array.from(word);
  return first.toLocaleUpperCase() + rest.join('');
}

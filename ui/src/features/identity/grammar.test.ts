import { createIntl, type IntlShape } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { PronounSet, SpanishAddressing, SpanishEnding } from '../../api';
import { CATALOGUES } from '../../i18n/all';
import { type AppLocale } from '../../i18n';
import {
  BUILT_IN_IDS,
  builtInSet,
  completeSet,
  isolate,
  personArgs,
  personFrom,
  shortLabel,
  spanishFor,
  type BuiltInPronounId,
  type Person,
} from './grammar';
import { pronounLabel, sampleSentences, SENTENCE_IDS } from './sentences';

function intlFor(locale: AppLocale): IntlShape {
  return createIntl({
    locale,
    messages: CATALOGUES[locale],
    onError: (error) => {
      throw error;
    },
  });
}
const en = intlFor('en');
const es = intlFor('es');

const ELLE: SpanishAddressing = { pronoun: 'elle', ending: 'e' };

function person(name: string, pronouns: PronounSet | null, spanish: SpanishAddressing | null = null): Person {
  return personFrom({ name, pronouns, shared: null, spanish });
}

function sentences(intl: IntlShape, who: Person): string[] {
  return sampleSentences(intl, who).map((s) => s.text);
}

// The full English sentences for the sets a reader should be able to check by eye.
const EXPECTED: Record<string, string[]> = {
  she: [
    'This is my friend Sam. She is the funniest person I know.',
    'The teacher called on Sam and asked her to read her poem out loud.',
    'Sam got to school early. She was humming her favorite song.',
    '“I love being around Sam,” Maya said. “She has a way of making everyone feel welcome.”',
    "Grandma texted: “Give Sam a big hug from me and tell her I'm so proud.”",
    "Let's ask Sam if she wants to get tacos on Friday.",
    'After a long day, Sam made herself a coffee and curled up with a good book.',
    'Sam and I both have blue jackets, but the one with the patches is hers.',
    'Sam is learning guitar. She practices every night, and she is getting really good.',
  ],
  themself: [
    'This is my friend Sam. They are the funniest person I know.',
    'The teacher called on Sam and asked them to read their poem out loud.',
    'Sam got to school early. They were humming their favorite song.',
    '“I love being around Sam,” Maya said. “They have a way of making everyone feel welcome.”',
    "Grandma texted: “Give Sam a big hug from me and tell them I'm so proud.”",
    "Let's ask Sam if they want to get tacos on Friday.",
    'After a long day, Sam made themself a coffee and curled up with a good book.',
    'Sam and I both have blue jackets, but the one with the patches is theirs.',
    'Sam is learning guitar. They practice every night, and they are getting really good.',
  ],
  themselves: [
    'This is my friend Sam. They are the funniest person I know.',
    'The teacher called on Sam and asked them to read their poem out loud.',
    'Sam got to school early. They were humming their favorite song.',
    '“I love being around Sam,” Maya said. “They have a way of making everyone feel welcome.”',
    "Grandma texted: “Give Sam a big hug from me and tell them I'm so proud.”",
    "Let's ask Sam if they want to get tacos on Friday.",
    'After a long day, Sam made themselves a coffee and curled up with a good book.',
    'Sam and I both have blue jackets, but the one with the patches is theirs.',
    'Sam is learning guitar. They practice every night, and they are getting really good.',
  ],
  xe: [
    'This is my friend Sam. Xe is the funniest person I know.',
    'The teacher called on Sam and asked xem to read xyr poem out loud.',
    'Sam got to school early. Xe was humming xyr favorite song.',
    '“I love being around Sam,” Maya said. “Xe has a way of making everyone feel welcome.”',
    "Grandma texted: “Give Sam a big hug from me and tell xem I'm so proud.”",
    "Let's ask Sam if xe wants to get tacos on Friday.",
    'After a long day, Sam made xemself a coffee and curled up with a good book.',
    'Sam and I both have blue jackets, but the one with the patches is xyrs.',
    'Sam is learning guitar. Xe practices every night, and xe is getting really good.',
  ],
  it: [
    'This is my friend Sam. It is the funniest person I know.',
    'The teacher called on Sam and asked it to read its poem out loud.',
    'Sam got to school early. It was humming its favorite song.',
    '“I love being around Sam,” Maya said. “It has a way of making everyone feel welcome.”',
    "Grandma texted: “Give Sam a big hug from me and tell it I'm so proud.”",
    "Let's ask Sam if it wants to get tacos on Friday.",
    'After a long day, Sam made itself a coffee and curled up with a good book.',
    'Sam and I both have blue jackets, but the one with the patches is its.',
    'Sam is learning guitar. It practices every night, and it is getting really good.',
  ],
  name_only: [
    'This is my friend Sam, the funniest person I know.',
    'The teacher called on Sam to read a poem out loud.',
    'Sam got to school early, humming a favorite song.',
    '“I love being around Sam,” Maya said. “Sam has a way of making everyone feel welcome.”',
    "Grandma texted: “Give Sam a big hug from me. I'm so proud.”",
    "Let's ask if Sam wants to get tacos on Friday.",
    'After a long day, Sam made a coffee and curled up with a good book.',
    "Sam and I both have blue jackets, but the one with the patches is Sam's.",
    'Sam is learning guitar and practices every night — and it shows.',
  ],
};

/** What each English sentence must contain, from a set's forms and its verb agreement. */
function slots(set: PronounSet): string[] {
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const v = (plural: string, singular: string) => (set.pluralVerbs ? plural : singular);
  return [
    `Sam. ${cap(set.subject)} ${v('are', 'is')} the funniest`,
    `asked ${set.object} to read ${set.determiner} poem`,
    `${cap(set.subject)} ${v('were', 'was')} humming ${set.determiner} favorite song`,
    `“${cap(set.subject)} ${v('have', 'has')} a way`,
    `tell ${set.object} I'm so proud`,
    `if ${set.subject} ${v('want', 'wants')} to get tacos`,
    `made ${set.reflexive} a coffee`,
    `the one with the patches is ${set.possessive}.`,
    `${cap(set.subject)} ${v('practice', 'practices')} every night, and ${set.subject} ${v('are', 'is')} getting`,
  ];
}

const PRONOUN_IDS = BUILT_IN_IDS.filter((id) => id !== 'name_only' && id !== 'any');

describe('grammar table (English)', () => {
  it('has at least eight sentences, one per situation', () => {
    expect(SENTENCE_IDS.length).toBeGreaterThanOrEqual(8);
    expect(sampleSentences(en, person('Sam', builtInSet('she'))).map((s) => s.id)).toEqual([...SENTENCE_IDS]);
  });

  it.each([
    ['she', builtInSet('she')],
    ['themself', builtInSet('they')],
    ['themselves', builtInSet('they', { themselves: true })],
    ['xe', builtInSet('xe')],
    ['it', builtInSet('it')],
    ['name_only', builtInSet('name_only')],
  ] as const)('reads naturally for %s', (key, set) => {
    expect(sentences(en, person('Sam', set))).toEqual(EXPECTED[key]);
  });

  it('treats no pronouns at all like "use my name"', () => {
    expect(sentences(en, person('Sam', null))).toEqual(EXPECTED.name_only);
  });

  it.each(PRONOUN_IDS)('puts every %s form in its slot with the right verb', (id) => {
    for (const themselves of [false, true]) {
      const set = builtInSet(id, { themselves });
      const texts = sentences(en, person('Sam', set));
      slots(set).forEach((slot, index) => expect(texts[index], `${id} ${index}`).toContain(slot));
    }
  });

  it('uses plural verbs for they and singular verbs for every other built-in set', () => {
    for (const id of PRONOUN_IDS) expect(builtInSet(id).pluralVerbs, id).toBe(id === 'they');
  });

  it('rotates she, he and they across the sentences for "any pronouns"', () => {
    const texts = sentences(en, person('Sam', builtInSet('any')));
    const rotation = [builtInSet('she'), builtInSet('he'), builtInSet('they')];
    texts.forEach((text, index) => {
      const set = rotation[index % 3]!;
      expect(text).toContain(slots(set)[index]!);
    });
    expect(texts[0]).toContain('She is');
    expect(texts[1]).toContain('asked him to read his poem');
    expect(texts[2]).toContain('They were');
  });

  it('keeps themselves in the they turns of "any pronouns"', () => {
    const texts = sentences(en, person('Sam', builtInSet('any', { themselves: true })));
    expect(texts[6]).toContain('made herself');
    expect(texts[8]).toContain('They practice');
    const reflexiveTurn = sampleSentences(en, person('Sam', builtInSet('any', { themselves: true })));
    expect(reflexiveTurn.find((s) => s.id === 'reflexive')?.text).toContain('herself');
  });

  it('uses a custom set with every form and its own verb agreement', () => {
    const set: PronounSet = {
      id: 'custom',
      subject: 'ey',
      object: 'em',
      determiner: 'eir',
      possessive: 'eirs',
      reflexive: 'emself',
      pluralVerbs: false,
    };
    const texts = sentences(en, person('Sam', set));
    slots(set).forEach((slot, index) => expect(texts[index]).toContain(slot));
    const plural = sentences(en, person('Sam', { ...set, pluralVerbs: true }));
    slots({ ...set, pluralVerbs: true }).forEach((slot, index) => expect(plural[index]).toContain(slot));
    expect(plural[0]).toContain('Ey are the funniest');
  });
});

describe('custom sets with missing forms', () => {
  it('fills blanks from the forms that are there', () => {
    const only = completeSet({ ...builtInSet('xe'), id: 'custom', object: '', determiner: ' ', possessive: '', reflexive: '' });
    expect(only).toMatchObject({ subject: 'xe', object: 'xe', determiner: "xe's", possessive: "xe's", reflexive: 'xeself' });
    const withDeterminer = completeSet({ ...builtInSet('xe'), id: 'custom', possessive: '', reflexive: '' });
    expect(withDeterminer).toMatchObject({ object: 'xem', determiner: 'xyr', possessive: 'xyrs', reflexive: 'xemself' });
  });

  it('uses the fallbacks in the sentences', () => {
    const set: PronounSet = { id: 'custom', subject: 've', object: '', determiner: '', possessive: '', reflexive: '', pluralVerbs: false };
    const texts = sentences(en, person('Sam', set));
    expect(texts[1]).toContain("asked ve to read ve's poem");
    expect(texts[6]).toContain('made veself a coffee');
    expect(texts.join(' ')).not.toContain('{');
  });

  it('reads a custom set without a subject as "use my name"', () => {
    const set: PronounSet = { id: 'custom', subject: ' ', object: 'em', determiner: '', possessive: '', reflexive: '', pluralVerbs: true };
    expect(sentences(en, person('Sam', set))).toEqual(EXPECTED.name_only);
    expect(personArgs(person('Sam', set), 'Alex').style).toBe('name');
  });
});

const ENDING_WORDS: Record<SpanishEnding, string[]> = {
  a: ['mi amiga Sam', '¿Lista', 'cansada', 'talentosa', 'mija', 'encantada', 'tranquila', 'de ella', 'la mejor'],
  o: ['mi amigo Sam', '¿Listo', 'cansado', 'talentoso', 'mijo', 'encantado', 'tranquilo', 'de él', 'el mejor'],
  e: ['mi amigue Sam', '¿Liste', 'cansade', 'talentose', 'mije', 'encantade', 'tranquile', 'de elle', 'le mejor'],
  x: ['mi amigx Sam', '¿Listx', 'cansadx', 'talentosx', 'mijx', 'encantadx', 'tranquilx', 'de ellx', 'lx mejor'],
};
const PRONOUN_FOR: Record<SpanishEnding, string> = { a: 'ella', o: 'él', e: 'elle', x: 'ellx' };

describe('Spanish', () => {
  it.each(['a', 'o', 'e', 'x'] as const)('uses the -%s words everywhere', (ending) => {
    const texts = sentences(es, person('Sam', builtInSet('they'), { pronoun: PRONOUN_FOR[ending], ending }));
    expect(texts).toHaveLength(ENDING_WORDS[ending].length);
    texts.forEach((text, index) => expect(text, text).toContain(ENDING_WORDS[ending][index]));
  });

  it('reads the whole set naturally for ella', () => {
    expect(sentences(es, person('Sam', builtInSet('she')))).toEqual([
      'Te presento a mi amiga Sam. Es la persona más divertida que conozco.',
      'La maestra llamó a Sam al frente: «¿Lista para leer tu poema?».',
      'Sam llegó temprano a la escuela, cansada pero tarareando su canción favorita.',
      '«¡Qué talentosa es Sam!», dijo Maya. «Siempre hace que todos se sientan en casa».',
      'Mensaje de tu tía: «¡Feliz cumpleaños, mija! Te queremos mucho, Sam».',
      '¿Invitamos a Sam por unos tacos el viernes? Seguro va a estar encantada.',
      'Después de un día largo, Sam se preparó un café y se puso a leer, muy tranquila.',
      'Sam y yo tenemos chamarras azules, pero la de los parches es de ella.',
      'Sam está aprendiendo a tocar la guitarra y practica cada noche. Ya es la mejor del grupo.',
    ]);
  });

  it('follows the English set unless a Spanish choice was made', () => {
    expect(spanishFor({ pronouns: builtInSet('she'), spanish: null })).toEqual({ pronoun: 'ella', ending: 'a' });
    expect(spanishFor({ pronouns: builtInSet('he'), spanish: null })).toEqual({ pronoun: 'él', ending: 'o' });
    expect(spanishFor({ pronouns: builtInSet('xe'), spanish: null })).toEqual(ELLE);
    expect(spanishFor({ pronouns: builtInSet('name_only'), spanish: null })).toEqual({ pronoun: null, ending: 'e' });
    const own: SpanishAddressing = { pronoun: 'elle', ending: 'x' };
    expect(spanishFor({ pronouns: builtInSet('she'), spanish: own })).toBe(own);
  });

  it('uses the name where there is no Spanish pronoun', () => {
    const texts = sentences(es, person('Sam', builtInSet('she'), { pronoun: null, ending: 'a' }));
    expect(texts[7]).toContain('la de los parches es de Sam.');
    expect(texts[0]).toContain('mi amiga Sam');
  });

  it('rotates ella, él and elle for "any pronouns" when the Spanish follows the English', () => {
    const texts = sentences(es, person('Sam', builtInSet('any')));
    expect(texts[0]).toContain('mi amiga');
    expect(texts[1]).toContain('¿Listo');
    expect(texts[2]).toContain('cansade');
    // …but keeps a Spanish choice the person made.
    const own = sentences(es, person('Sam', builtInSet('any'), { pronoun: 'ella', ending: 'a' }));
    expect(own[1]).toContain('¿Lista');
  });
});

describe('every message, every set, both languages', () => {
  const sets: PronounSet[] = [
    ...BUILT_IN_IDS.map((id) => builtInSet(id)),
    builtInSet('they', { themselves: true }),
    { id: 'custom', subject: 'ey', object: '', determiner: '', possessive: '', reflexive: '', pluralVerbs: true },
  ];
  const endings: SpanishEnding[] = ['a', 'o', 'e', 'x'];

  it('renders every identity message without a leftover brace', () => {
    for (const locale of ['en', 'es'] as const) {
      const intl = locale === 'en' ? en : es;
      const ids = Object.keys(CATALOGUES[locale]).filter((id) => id.startsWith('identity.'));
      expect(ids.length).toBeGreaterThan(20);
      for (const set of sets) {
        for (const ending of endings) {
          const args = personArgs(person('Sam', set, { pronoun: PRONOUN_FOR[ending], ending }), 'Alex');
          for (const id of ids) {
            const text = intl.formatMessage(
              { id: id as never },
              { ...args, form: 'xem', pronoun: 'elle', word: 'amigue', gendered: 'yes' },
            );
            expect(text, `${locale} ${id} ${set.id} ${ending}`).not.toMatch(/[{}]/);
            expect(text.trim()).not.toBe('');
          }
        }
      }
    }
  });

  it('labels every set', () => {
    expect(BUILT_IN_IDS.map((id) => pronounLabel(en, builtInSet(id)))).toEqual([
      'she/her',
      'he/him',
      'they/them',
      'xe/xem',
      'ze/hir',
      'ze/zir',
      'fae/faer',
      'e/em',
      'it/its',
      'any pronouns',
      'no pronouns — use my name',
    ]);
    expect(pronounLabel(en, null)).toBe('not chosen');
    expect(shortLabel({ ...builtInSet('xe'), id: 'custom', object: '' })).toBe('xe/xe');
  });
});

describe('strange input', () => {
  const readsAsIs = (name: string) => {
    for (const intl of [en, es]) {
      for (const set of [builtInSet('she'), builtInSet('name_only'), builtInSet('they')]) {
        const texts = sentences(intl, person(name, set));
        for (const text of texts) expect(text).toContain(isolate(name.trim()));
        expect(texts[0]).not.toContain('{name}'.repeat(2));
      }
    }
  };

  it('keeps ICU syntax in a name as plain text', () => {
    readsAsIs('{name}');
    readsAsIs("'}");
    readsAsIs("'{Subj}'");
    expect(sentences(en, person('{name}', builtInSet('she')))[0]).toBe(
      'This is my friend {name}. She is the funniest person I know.',
    );
    expect(sentences(en, person("'}", builtInSet('they')))[0]).toBe("This is my friend '}. They are the funniest person I know.");
  });

  it('keeps markup and emoji in a name as text', () => {
    readsAsIs('<b>x</b>');
    readsAsIs('Río 🌈✨');
    readsAsIs('👩🏽‍🎤');
    expect(sentences(en, person('<b>x</b>', builtInSet('xe')))[0]).toBe(
      'This is my friend <b>x</b>. Xe is the funniest person I know.',
    );
  });

  it('isolates right-to-left names so they keep their direction', () => {
    for (const name of ['نور', 'נועה', 'Sam نور']) {
      readsAsIs(name);
      const [first] = sentences(en, person(name, builtInSet('she')));
      expect(first).toBe(`This is my friend \u2068${name}\u2069. She is the funniest person I know.`);
    }
    expect(isolate('Sam')).toBe('Sam');
  });

  it('reads a 200-character name whole', () => {
    const long = 'Alexandria'.repeat(20);
    expect(long).toHaveLength(200);
    readsAsIs(long);
  });

  it('uses the fallback name when there is none', () => {
    expect(sentences(en, person('   ', builtInSet('he')))[0]).toBe('This is my friend Alex. He is the funniest person I know.');
    expect(sentences(es, person('', null))[0]).toContain('mi amigue Alex');
  });

  it('shows odd custom forms as typed', () => {
    const set: PronounSet = {
      id: 'custom',
      subject: '{subj}',
      object: '<i>',
      determiner: "'",
      possessive: '🌟',
      reflexive: 'نفسه',
      pluralVerbs: false,
    };
    const texts = sentences(en, person('Sam', set));
    expect(texts[0]).toContain('{subj} is the funniest');
    expect(texts[1]).toContain("asked <i> to read ' poem");
    expect(texts[6]).toContain('made \u2068نفسه\u2069 a coffee');
    expect(texts[7]).toContain('the one with the patches is 🌟.');
  });
});

describe('personFrom', () => {
  it('uses the shared name and set only for shared summaries, falling back to the app ones', () => {
    const profile = {
      name: 'Sam',
      pronouns: builtInSet('they'),
      shared: { name: 'Samuel', pronouns: builtInSet('he') },
      spanish: null,
    };
    expect(personFrom(profile, 'app')).toEqual({ name: 'Sam', pronouns: builtInSet('they'), spanish: ELLE });
    expect(personFrom(profile, 'shared')).toEqual({
      name: 'Samuel',
      pronouns: builtInSet('he'),
      spanish: { pronoun: 'él', ending: 'o' },
    });
    expect(personFrom({ ...profile, shared: { name: null, pronouns: builtInSet('she') } }, 'shared').name).toBe('Sam');
    expect(personFrom({ ...profile, shared: { name: 'Samuel', pronouns: null } }, 'shared').pronouns).toEqual(
      builtInSet('they'),
    );
  });

  it('knows every built-in id', () => {
    for (const id of BUILT_IN_IDS) expect(builtInSet(id as BuiltInPronounId).id).toBe(id);
  });
});

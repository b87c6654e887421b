import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createIntl } from 'react-intl';
import { builtInSet, personArgs, type PersonArgs } from '../features/identity/grammar';
import { CATALOGUES, PARTS } from './all';
import { resolveLocale } from './index';

const PERSON_ARGS = new Set<string>(
  Object.keys({
    name: '',
    subj: '',
    Subj: '',
    obj: '',
    det: '',
    Det: '',
    poss: '',
    refl: '',
    agree: 'plural',
    style: 'pronouns',
    esPron: '',
    ending: 'e',
  } satisfies PersonArgs),
);

const { en, es } = CATALOGUES;
const catalogues = CATALOGUES as Record<string, Record<string, string>>;

/** name → kind of every argument a message uses, including inside select/plural branches. */
function argumentsOf(elements: MessageFormatElement[], into = new Map<string, string>()): Map<string, string> {
  for (const el of elements) {
    switch (el.type) {
      case TYPE.argument:
        into.set(el.value, into.get(el.value) ?? 'argument');
        break;
      case TYPE.number:
        into.set(el.value, 'number');
        break;
      case TYPE.select:
        into.set(el.value, 'select');
        for (const option of Object.values(el.options)) argumentsOf(option.value, into);
        break;
      case TYPE.plural:
        into.set(el.value, 'plural');
        for (const option of Object.values(el.options)) argumentsOf(option.value, into);
        break;
      default:
        break;
    }
  }
  return into;
}

describe('message catalogues', () => {
  it('English and Spanish have exactly the same keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('keeps every key in exactly one catalogue file', () => {
    for (const parts of Object.values(PARTS)) {
      const seen = new Set<string>();
      for (const part of parts) {
        for (const id of Object.keys(part)) {
          expect(seen.has(id), id).toBe(false);
          seen.add(id);
        }
      }
    }
  });

  it('has no empty messages', () => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      for (const [id, message] of Object.entries(messages)) {
        expect(message.trim(), `${locale}:${id}`).not.toBe('');
      }
    }
  });

  it('every message parses as ICU and uses the same arguments in both languages', () => {
    // Messages about the person (identity.*) may use different person arguments per language
    // (English needs `agree` and the pronoun forms, Spanish `ending` and `esPron`); every other
    // argument must match, and person arguments are the ones personArgs() provides.
    for (const id of Object.keys(en)) {
      const personArg = (name: string) => id.startsWith('identity.') && PERSON_ARGS.has(name);
      const enArgs = argumentsOf(parse(catalogues.en![id]!));
      const esArgs = argumentsOf(parse(catalogues.es![id]!));
      const other = (args: Map<string, string>) => [...args.entries()].filter(([name]) => !personArg(name)).sort();
      expect(other(esArgs), id).toEqual(other(enArgs));
      for (const args of [enArgs, esArgs]) {
        for (const [name, kind] of args) {
          if (!personArg(name) || name === 'name') continue;
          const selectable = name === 'agree' || name === 'style' || name === 'ending';
          expect(kind, `${id}: ${name}`).toBe(selectable ? 'select' : 'argument');
        }
      }
    }
  });

  it('uses select for pronoun-related messages and plural where counts appear', () => {
    const kinds = (id: string) => argumentsOf(parse(catalogues.en![id]!));
    const esKinds = (id: string) => argumentsOf(parse(catalogues.es![id]!));
    expect(kinds('identity.sentence.friend').get('agree')).toBe('select');
    expect(kinds('identity.sentence.reflexive').get('style')).toBe('select');
    expect(esKinds('identity.sentence.friend').get('ending')).toBe('select');
    expect(kinds('lock.pin.wrong').get('count')).toBe('plural');
    expect(kinds('settings.autolock.after').get('minutes')).toBe('plural');
    expect(kinds('strength.tooShort').get('count')).toBe('plural');
  });

  it('formats plurals and pronoun selects naturally in both languages', () => {
    const enIntl = createIntl({ locale: 'en', messages: en });
    const esIntl = createIntl({ locale: 'es', messages: es });
    expect(enIntl.formatMessage({ id: 'lock.pin.wrong' }, { count: 1 })).toContain('1 more try ');
    expect(enIntl.formatMessage({ id: 'lock.pin.wrong' }, { count: 3 })).toContain('3 more tries');
    expect(esIntl.formatMessage({ id: 'lock.pin.wrong' }, { count: 1 })).toContain('Te queda 1 intento');
    expect(esIntl.formatMessage({ id: 'lock.pin.wrong' }, { count: 2 })).toContain('Te quedan 2 intentos');
    const they = personArgs({ name: 'Sam', pronouns: builtInSet('they'), spanish: { pronoun: 'elle', ending: 'e' } }, 'Alex');
    expect(enIntl.formatMessage({ id: 'identity.sentence.friend' }, they)).toBe(
      'This is my friend Sam. They are the funniest person I know.',
    );
    expect(esIntl.formatMessage({ id: 'identity.sentence.friend' }, they)).toBe(
      'Te presento a mi amigue Sam. Es la persona más divertida que conozco.',
    );
    expect(enIntl.formatMessage({ id: 'settings.autolock.after' }, { minutes: 1 })).toBe('After 1 minute without use');
    // One idea is "it", several are "them", in both languages and with or without a name.
    const added = (intl: typeof enIntl, id: 'shareInbox.import.addedIdeas' | 'shareInbox.import.addedIdeasNoName', count: number) =>
      intl.formatMessage({ id }, { count, name: 'Ms. Rivera' });
    expect(added(enIntl, 'shareInbox.import.addedIdeas', 1)).toBe("Added 1 idea from Ms. Rivera. You'll find it in Goals.");
    expect(added(enIntl, 'shareInbox.import.addedIdeas', 2)).toBe("Added 2 ideas from Ms. Rivera. You'll find them in Goals.");
    expect(added(enIntl, 'shareInbox.import.addedIdeasNoName', 1)).toBe("Added 1 idea. You'll find it in Goals.");
    expect(added(esIntl, 'shareInbox.import.addedIdeas', 1)).toBe('Se añadió 1 idea de Ms. Rivera. La encontrarás en Metas.');
    expect(added(esIntl, 'shareInbox.import.addedIdeasNoName', 3)).toBe('Se añadieron 3 ideas. Las encontrarás en Metas.');
  });
});

describe('resolveLocale', () => {
  it('prefers the saved language, then the system language, then English', () => {
    expect(resolveLocale('es', 'en-US')).toBe('es');
    expect(resolveLocale('en', 'es-MX')).toBe('en');
    expect(resolveLocale(null, 'es-419')).toBe('es');
    expect(resolveLocale(null, 'fr-FR')).toBe('en');
    expect(resolveLocale(null, undefined)).toBe('en');
  });
});

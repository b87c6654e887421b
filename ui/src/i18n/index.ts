// Message catalogues and locale choice. Every string a person reads comes from a catalogue.
//
// One catalogue per area and language (the shell and vault; writing, timeline and search;
// feelings check-in and Today; prompts and insights; backups, restore and export; goals;
// pronouns, sample sentences and the profile editor; the identity space's screens; sharing's
// keys and people; the share flow; what a share shows; the counselor's inbox and suggestions),
// merged per language in messages.en.ts and messages.es.ts. A key must live in exactly one file
// (messages.test.ts). The app loads only the language it shows (`loadMessages`); all.ts has
// both, for tests.
import type { Prefs } from '../api';
import type enMessages from './messages.en';

export type AppLocale = 'en' | 'es';

export type MessageId = keyof typeof enMessages;

export type Messages = Record<MessageId, string>;

const LOADERS: Record<AppLocale, () => Promise<{ default: Messages }>> = {
  en: () => import('./messages.en'),
  es: () => import('./messages.es'),
};

const loaded: Partial<Record<AppLocale, Messages>> = {};
const loading: Partial<Record<AppLocale, Promise<Messages>>> = {};

/** A language's messages, loaded once (a chunk of their own); a failed load is tried again next time. */
export function loadMessages(locale: AppLocale): Promise<Messages> {
  loading[locale] ??= LOADERS[locale]().then(
    (module) => (loaded[locale] = module.default),
    (error: unknown) => {
      delete loading[locale];
      throw error;
    },
  );
  return loading[locale];
}

/** A language's messages if they are already loaded, else `undefined`. */
export function loadedMessages(locale: AppLocale): Messages | undefined {
  return loaded[locale];
}

/** prefs.language wins; `null` follows the system language; anything else falls back to English. */
export function resolveLocale(language: Prefs['language'], systemLanguage: string | undefined): AppLocale {
  if (language === 'en' || language === 'es') return language;
  return systemLanguage?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function systemLanguage(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

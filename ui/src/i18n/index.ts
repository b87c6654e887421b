// Message catalogues and locale choice. Every string a person reads comes from here.
import en from './en.json';
import es from './es.json';
import type { Prefs } from '../api';

export type AppLocale = 'en' | 'es';
export type MessageId = keyof typeof en;

export const CATALOGUES: Record<AppLocale, Record<MessageId, string>> = { en, es };

/** prefs.language wins; `null` follows the system language; anything else falls back to English. */
export function resolveLocale(language: Prefs['language'], systemLanguage: string | undefined): AppLocale {
  if (language === 'en' || language === 'es') return language;
  return systemLanguage?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function systemLanguage(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

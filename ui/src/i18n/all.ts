// Both languages at once: for the tests and checks that compare catalogues. The app itself
// never imports this file; it loads one language with `loadMessages` (index.ts).
import type { AppLocale, MessageId } from './index';
import enMessages, { parts as enParts } from './messages.en';
import esMessages, { parts as esParts } from './messages.es';

/** Each language's catalogues, area by area. */
export const PARTS = { en: enParts, es: esParts } as const;

export const CATALOGUES: Record<AppLocale, Record<MessageId, string>> = { en: enMessages, es: esMessages };

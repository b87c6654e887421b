// Message catalogues and locale choice. Every string a person reads comes from here.
import baseEn from './en.json';
import baseEs from './es.json';
import journalEn from './journal.en.json';
import journalEs from './journal.es.json';
import feelingsEn from './feelings.en.json';
import feelingsEs from './feelings.es.json';
import promptsEn from './prompts.en.json';
import promptsEs from './prompts.es.json';
import backupEn from './backup.en.json';
import backupEs from './backup.es.json';
import goalsEn from './goals.en.json';
import goalsEs from './goals.es.json';
import identityEn from './identity.en.json';
import identityEs from './identity.es.json';
import identitySpaceEn from './identitySpace.en.json';
import identitySpaceEs from './identitySpace.es.json';
import shareKeysEn from './shareKeys.en.json';
import shareKeysEs from './shareKeys.es.json';
import shareFlowEn from './shareFlow.en.json';
import shareFlowEs from './shareFlow.es.json';
import shareViewEn from './shareView.en.json';
import shareViewEs from './shareView.es.json';
import shareInboxEn from './shareInbox.en.json';
import shareInboxEs from './shareInbox.es.json';
import type { Prefs } from '../api';

export type AppLocale = 'en' | 'es';

// One catalogue per area (the shell and vault; writing, timeline and search; feelings check-in
// and Today; prompts and insights; backups, restore and export; goals; pronouns, sample
// sentences and the profile editor; the identity space's screens; sharing's keys and people;
// the share flow; what a share shows; the counselor's inbox and suggestions), merged here. A
// key must live in exactly one file (messages.test.ts).
export const PARTS = {
  en: [baseEn, journalEn, feelingsEn, promptsEn, backupEn, goalsEn, identityEn, identitySpaceEn, shareKeysEn, shareFlowEn, shareViewEn, shareInboxEn],
  es: [baseEs, journalEs, feelingsEs, promptsEs, backupEs, goalsEs, identityEs, identitySpaceEs, shareKeysEs, shareFlowEs, shareViewEs, shareInboxEs],
} as const;

const en = {
  ...baseEn,
  ...journalEn,
  ...feelingsEn,
  ...promptsEn,
  ...backupEn,
  ...goalsEn,
  ...identityEn,
  ...identitySpaceEn,
  ...shareKeysEn,
  ...shareFlowEn,
  ...shareViewEn,
  ...shareInboxEn,
};
const es = {
  ...baseEs,
  ...journalEs,
  ...feelingsEs,
  ...promptsEs,
  ...backupEs,
  ...goalsEs,
  ...identityEs,
  ...identitySpaceEs,
  ...shareKeysEs,
  ...shareFlowEs,
  ...shareViewEs,
  ...shareInboxEs,
};

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

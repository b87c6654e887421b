// What `export_journal` needs to write words instead of ids: the feeling words, body sensations
// and prompt texts in the person's language (the shipped ones, plus the person's own words and
// prompts from their library).
import type { ExportFormat, ExportInput, JournalLibrary } from '../../api';
import type { AppLocale } from '../../i18n';
import { CORES, CUSTOM_PREFIX as CUSTOM_FEELING_PREFIX, FEELINGS, SENSATIONS } from '../feelings/vocabulary';
import { customPromptRef, SHIPPED_PROMPTS } from '../prompts/prompts';

export function exportNames(locale: AppLocale, library: JournalLibrary): Pick<ExportInput, 'feelingNames' | 'sensationNames' | 'promptTexts'> {
  const feelingNames: Record<string, string> = {};
  // Cores first, so a word with the same id as its core keeps the word's own name.
  for (const core of CORES) feelingNames[core.id] = core[locale];
  for (const feeling of FEELINGS) feelingNames[feeling.id] = feeling[locale].name;
  for (const own of library.customFeelings) feelingNames[`${CUSTOM_FEELING_PREFIX}${own.id}`] = own.word;

  const sensationNames: Record<string, string> = {};
  for (const sensation of SENSATIONS) sensationNames[sensation.id] = sensation[locale];

  const promptTexts: Record<string, string> = {};
  for (const prompt of SHIPPED_PROMPTS) promptTexts[prompt.id] = prompt[locale];
  for (const own of library.customPrompts) promptTexts[customPromptRef(own.id)] = own.text;

  return { feelingNames, sensationNames, promptTexts };
}

export function buildExportInput(format: ExportFormat, folder: string, locale: AppLocale, library: JournalLibrary): ExportInput {
  return { format, folder, language: locale, ...exportNames(locale, library) };
}

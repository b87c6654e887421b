// The library part of the fake backend (get_library, save_library), following the journal
// contract (src-tauri/journal/model.rs, the doc comments in src/api/index.ts) and the checks in
// src-tauri/journal/library.rs. Unit tests only.
//
// Rules the fake follows on save (keep in step with the Rust store); any failed check →
// `invalid_input` and nothing is saved:
// - At most MAX_CUSTOM_FEELINGS own words, MAX_CUSTOM_PROMPTS own prompts, MAX_PROMPT_CHOICES
//   favourite and snoozed prompts.
// - Own ids: 1–64 ASCII letters, digits, `_` or `-`. A later item with an id already used in the
//   same list is dropped (the first one wins).
// - A word is trimmed and must have 1–MAX_WORD_CHARS characters; its meaning (trimmed, blank →
//   `null`) at most MAX_MEANING_CHARS. A prompt's text is trimmed and must have
//   1–MAX_PROMPT_CHARS characters. Core and group are trimmed, blank → `null`.
// - References (core, group, favourite and snoozed prompt ids): 1–64 characters, no spaces or
//   control characters. Favourites: duplicates dropped, order kept. Snoozed: one per prompt (the
//   latest day wins); days must be real `YYYY-MM-DD` dates.
// - Missing lists default to empty; the library is returned as stored.
import { UNHANDLED } from './fakeJournal';
import type { createFakeJournal } from './fakeJournal';
import type { CommandError, CustomFeeling, CustomPrompt, ErrorCode, JournalLibrary, SnoozedPrompt } from '../api';

export const MAX_ID_CHARS = 64;
export const MAX_CUSTOM_FEELINGS = 200;
export const MAX_WORD_CHARS = 40;
export const MAX_MEANING_CHARS = 200;
export const MAX_CUSTOM_PROMPTS = 500;
export const MAX_PROMPT_CHARS = 500;
export const MAX_PROMPT_CHOICES = 1000;

export type FakeLibraryState = { library: JournalLibrary };

function fail(code: ErrorCode): never {
  const error: CommandError = { code, message: `fake backend: ${code}`, attemptsLeft: null };
  throw error;
}

const chars = (text: string) => [...text].length;

function checkOwnId(id: unknown): string {
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) fail('invalid_input');
  return id;
}

function checkRef(id: string): string {
  if (id === '' || chars(id) > MAX_ID_CHARS || /[\s\p{Cc}]/u.test(id)) fail('invalid_input');
  return id;
}

function optionalText(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function checkDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== day) fail('invalid_input');
  return day;
}

function firstById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
}

export function normaliseLibrary(input: Partial<JournalLibrary> | null | undefined): JournalLibrary {
  const customFeelingsIn = input?.customFeelings ?? [];
  const customPromptsIn = input?.customPrompts ?? [];
  const favouritesIn = input?.favouritePrompts ?? [];
  const snoozedIn = input?.snoozedPrompts ?? [];
  if (
    customFeelingsIn.length > MAX_CUSTOM_FEELINGS ||
    customPromptsIn.length > MAX_CUSTOM_PROMPTS ||
    favouritesIn.length > MAX_PROMPT_CHOICES ||
    snoozedIn.length > MAX_PROMPT_CHOICES
  ) {
    fail('invalid_input');
  }

  const customFeelings: CustomFeeling[] = firstById(
    customFeelingsIn.map((feeling) => {
      const id = checkOwnId(feeling.id);
      const word = feeling.word.trim();
      if (word === '' || chars(word) > MAX_WORD_CHARS) fail('invalid_input');
      const meaning = optionalText(feeling.meaning);
      if (meaning !== null && chars(meaning) > MAX_MEANING_CHARS) fail('invalid_input');
      const core = optionalText(feeling.core);
      if (core !== null) checkRef(core);
      return { id, word, core, meaning };
    }),
  );

  const customPrompts: CustomPrompt[] = firstById(
    customPromptsIn.map((prompt) => {
      const id = checkOwnId(prompt.id);
      const text = prompt.text.trim();
      if (text === '' || chars(text) > MAX_PROMPT_CHARS) fail('invalid_input');
      const group = optionalText(prompt.group);
      if (group !== null) checkRef(group);
      return { id, text, group };
    }),
  );

  const favouritePrompts = [...new Set(favouritesIn.map(checkRef))];

  const snoozedPrompts: SnoozedPrompt[] = [];
  for (const snoozed of snoozedIn) {
    checkRef(snoozed.promptId);
    checkDay(snoozed.day);
    const existing = snoozedPrompts.find((s) => s.promptId === snoozed.promptId);
    if (!existing) snoozedPrompts.push({ promptId: snoozed.promptId, day: snoozed.day });
    else if (snoozed.day > existing.day) existing.day = snoozed.day;
  }

  return { customFeelings, customPrompts, favouritePrompts, snoozedPrompts };
}

export function createFakeLibrary(_journal: ReturnType<typeof createFakeJournal>, _now: () => Date) {
  const state: FakeLibraryState = {
    library: { customFeelings: [], customPrompts: [], favouritePrompts: [], snoozedPrompts: [] },
  };
  /** Handles a library command, or returns UNHANDLED for commands it does not know. */
  const handle = (cmd: string, arg: <T>(name: string) => T): unknown => {
    switch (cmd) {
      case 'get_library':
        return state.library;
      case 'save_library':
        state.library = normaliseLibrary(structuredClone(arg<JournalLibrary>('library')));
        return state.library;
      default:
        return UNHANDLED;
    }
  };
  return { state, handle };
}

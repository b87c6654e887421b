// Prompts: the shipped set (promptData.ts), the person's own prompts (`custom:<id>`), and the pure
// rules the prompt card and the browser follow (prompt of the day, shuffle, not today, favourites).
// Everything here is plain data in, plain data out, so it is tested without rendering.
import type { CustomPrompt, JournalLibrary } from '../../api';
import type { AppLocale } from '../../i18n';
import { PROMPT_GROUPS, SHIPPED_PROMPTS, type PromptGroup, type ShippedPrompt } from './promptData';

export { PROMPT_GROUPS, SHIPPED_PROMPTS, type PromptGroup, type ShippedPrompt };

/** Own prompts are referenced from entries, favourites and snoozes as `custom:<id>`. */
export const CUSTOM_PREFIX = 'custom:';

/** The longest own prompt, in characters (code points). */
export const MAX_CUSTOM_PROMPT_CHARS = 500;

const SHIPPED_BY_ID: ReadonlyMap<string, ShippedPrompt> = new Map(SHIPPED_PROMPTS.map((p) => [p.id, p]));

export function shippedPrompt(id: string): ShippedPrompt | undefined {
  return SHIPPED_BY_ID.get(id);
}

export function shippedPromptText(id: string, locale: AppLocale): string | null {
  const prompt = SHIPPED_BY_ID.get(id);
  return prompt ? prompt[locale] : null;
}

export function isPromptGroup(value: string | null | undefined): value is PromptGroup {
  return value != null && (PROMPT_GROUPS as readonly string[]).includes(value);
}

export function customPromptRef(id: string): string {
  return `${CUSTOM_PREFIX}${id}`;
}

/** The own prompt's id inside a `custom:<id>` reference, or null for anything else. */
export function customIdOf(ref: string): string | null {
  return ref.startsWith(CUSTOM_PREFIX) ? ref.slice(CUSTOM_PREFIX.length) : null;
}

export function findCustomPrompt(library: JournalLibrary | null | undefined, ref: string): CustomPrompt | undefined {
  const id = customIdOf(ref);
  if (id === null || !library) return undefined;
  return library.customPrompts.find((p) => p.id === id);
}

/** A random id for a new own prompt: 22 characters of [0-9a-f] (well within 64, [A-Za-z0-9_-]). */
export function newCustomPromptId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 22);
}

/** Length as a person counts it: code points, so an emoji is one. */
export function promptLength(text: string): number {
  return [...text].length;
}

/** The group a prompt belongs to (`null` for an own prompt without one, or an unknown id). */
export function promptGroupOf(ref: string, library: JournalLibrary | null | undefined): PromptGroup | null {
  const shipped = SHIPPED_BY_ID.get(ref);
  if (shipped) return shipped.group;
  const own = findCustomPrompt(library, ref);
  return own && isPromptGroup(own.group) ? own.group : null;
}

// ── Days ──────────────────────────────────────────────────────────────────────────────────────

/** The local calendar date of `date`, `YYYY-MM-DD`. */
export function localDay(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

// ── Which prompts are on offer ───────────────────────────────────────────────────────────────

/** Every prompt there is: the shipped ones in order, then the person's own. */
export function allPromptRefs(library: JournalLibrary | null | undefined): string[] {
  return [...SHIPPED_PROMPTS.map((p) => p.id), ...(library?.customPrompts ?? []).map((p) => customPromptRef(p.id))];
}

/**
 * Prompts set aside with "not today" for `day`. A snooze is for its own day only: one from an
 * earlier day is ignored (and dropped on the next save, see `pruneSnoozes`).
 */
export function snoozedOn(library: JournalLibrary | null | undefined, day: string): Set<string> {
  return new Set((library?.snoozedPrompts ?? []).filter((s) => s.day >= day).map((s) => s.promptId));
}

/** The prompts the card may show on `day`: everything not set aside for that day. */
export function availablePromptRefs(library: JournalLibrary | null | undefined, day: string): string[] {
  const snoozed = snoozedOn(library, day);
  return allPromptRefs(library).filter((ref) => !snoozed.has(ref));
}

/** FNV-1a, 32 bits: a small, stable hash (not for anything secret). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The prompt of the day: the same for the whole of `day`, whatever order `refs` come in. Each
 * candidate gets a score from the day and its id and the lowest wins, so setting one prompt aside
 * or adding an own prompt only changes the pick when it is (or beats) the pick itself.
 */
export function promptOfTheDay(day: string, refs: readonly string[]): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  for (const ref of refs) {
    const score = hash(`${day}|${ref}`);
    if (score < bestScore || (score === bestScore && best !== null && ref < best)) {
      best = ref;
      bestScore = score;
    }
  }
  return best;
}

/** Another prompt than `current`, at random; null when there is no other one. */
export function shufflePrompt(refs: readonly string[], current: string | null, random: () => number = Math.random): string | null {
  const others = refs.filter((ref) => ref !== current);
  if (others.length === 0) return null;
  const index = Math.min(others.length - 1, Math.floor(random() * others.length));
  return others[index] ?? null;
}

// ── Changes to the library (pure; the caller saves the result) ───────────────────────────────

/** Drops snoozes from days before `day`: they no longer hide anything. */
export function pruneSnoozes(library: JournalLibrary, day: string): JournalLibrary {
  return { ...library, snoozedPrompts: library.snoozedPrompts.filter((s) => s.day >= day) };
}

export function isFavourite(library: JournalLibrary | null | undefined, ref: string): boolean {
  return (library?.favouritePrompts ?? []).includes(ref);
}

export function toggleFavourite(library: JournalLibrary, ref: string): JournalLibrary {
  const favourites = library.favouritePrompts.includes(ref)
    ? library.favouritePrompts.filter((f) => f !== ref)
    : [...library.favouritePrompts, ref];
  return { ...library, favouritePrompts: favourites };
}

/** "Not today": hides `ref` for the rest of `day`; older snoozes are dropped on the way. */
export function snoozePrompt(library: JournalLibrary, ref: string, day: string): JournalLibrary {
  const pruned = pruneSnoozes(library, day);
  if (pruned.snoozedPrompts.some((s) => s.promptId === ref && s.day === day)) return pruned;
  return { ...pruned, snoozedPrompts: [...pruned.snoozedPrompts, { promptId: ref, day }] };
}

export function addCustomPrompt(library: JournalLibrary, prompt: CustomPrompt): JournalLibrary {
  return { ...library, customPrompts: [...library.customPrompts, prompt] };
}

export function updateCustomPrompt(library: JournalLibrary, prompt: CustomPrompt): JournalLibrary {
  return { ...library, customPrompts: library.customPrompts.map((p) => (p.id === prompt.id ? prompt : p)) };
}

/** Removes an own prompt, and with it its favourite and any snooze. Entries keep their text. */
export function removeCustomPrompt(library: JournalLibrary, id: string): JournalLibrary {
  const ref = customPromptRef(id);
  return {
    ...library,
    customPrompts: library.customPrompts.filter((p) => p.id !== id),
    favouritePrompts: library.favouritePrompts.filter((f) => f !== ref),
    snoozedPrompts: library.snoozedPrompts.filter((s) => s.promptId !== ref),
  };
}

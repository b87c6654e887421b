// The journal part of the fake backend (entries, trash, timeline, search, tags, calendar),
// following the journal contract (src-tauri/journal/model.rs and the doc comments in
// src/api/index.ts). Unit tests only. Owned by the journal screens' tests.
//
// Rules the fake follows (in step with src-tauri/journal/validate.rs and entries.rs):
// - A draft is empty when its title and body are blank, it has no tags, and its check-in (if
//   any) has no feelings, no pad placement, no sensations and no "what's going on"/"what
//   helped" text. A prompt id alone does not make an entry. `save_entry` returns `null` for an
//   empty draft: a new one is not stored, an existing one is removed for good.
// - Body over MAX_BODY_BYTES (UTF-8), title over MAX_TITLE_CHARS, more than MAX_TAGS tags, a
//   tag over MAX_TAG_CHARS, a check-in on another kind, intensity outside 1…5 or a pad value
//   outside -1…1 → `invalid_input`, nothing saved.
// - An id that does not exist → `not_found`; updating an entry in the trash → `invalid_input`.
// - Saving unchanged content writes nothing (`updatedAt` kept).
// - Goal check-ins (`goal_checkin`) keep their `goal` part ("what got in the way", "the next
//   step": blank → `null`) and may carry feelings (an empty check-in part is stored as `null`);
//   they are empty when those texts are blank too. `goal` on another kind → `invalid_input`.
//   Their texts are searched with the rest. (Whether the goal exists is the goals part's check.)
// - Tags are trimmed, leading `#`s dropped, inner spaces squeezed, blanks dropped, duplicates
//   (ignoring case) dropped, order kept. Titles and bodies are kept as typed.
// - Identity entries (`reflection` with an `identity` part: a try-on, a moment or an identity
//   reflection): `identity` on another kind → `invalid_input`; a try-on needs a name or a
//   pronoun set, `felt` is -2…2 and only on a try-on, `moment` is required for a moment and
//   only there (name and pronouns are kept only on a try-on). A try-on or a moment is a whole
//   entry even without a note. The tried name is searched with the rest. Entries with an
//   identity part are left out of the timeline, search and the calendar unless the filter's
//   `includeIdentity` is true.
import type {
  Checkin,
  GoalCheckinPart,
  CommandError,
  IdentityPart,
  PronounSet,
  DayStat,
  Entry,
  EntryDraft,
  EntryFilter,
  EntryKind,
  EntrySummary,
  ErrorCode,
  SearchHit,
  SearchQuery,
  SnippetPart,
  TagCount,
  TimelineCursor,
  TimelinePage,
  TimelineQuery,
} from '../api';

export const UNHANDLED = Symbol('unhandled');

export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_TITLE_CHARS = 300;
export const MAX_TAGS = 30;
export const MAX_TAG_CHARS = 40;
export const TRASH_DAYS = 30;
export const MAX_NAME_CHARS = 200;
export const MAX_FORM_CHARS = 40;

export type FakeJournalState = {
  /** Every entry, trashed ones included (`deletedAt` set). */
  entries: Entry[];
  nextId: number;
};

function fail(code: ErrorCode): never {
  const error: CommandError = { code, message: `fake backend: ${code}`, attemptsLeft: null };
  throw error;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** Local wall-clock time with the current UTC offset, RFC 3339 to the millisecond. */
export function localIso(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** The local calendar date, `YYYY-MM-DD`. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const blank = (text: string | null | undefined) => text == null || text.trim() === '';

function checkinIsEmpty(checkin: Checkin | null): boolean {
  return (
    checkin === null ||
    (checkin.feelings.length === 0 &&
      checkin.pleasantness === null &&
      checkin.energy === null &&
      checkin.sensations.length === 0 &&
      blank(checkin.goingOn) &&
      blank(checkin.helped))
  );
}

/** Applied to a normalised draft (tags tidied, check-in cleaned). */
function draftIsEmpty(draft: {
  title: string | null;
  body: string;
  tags: string[];
  checkin: Checkin | null;
  goal?: GoalCheckinPart;
  identity?: IdentityPart;
}): boolean {
  const goalEmpty = !draft.goal || (blank(draft.goal.inTheWay) && blank(draft.goal.nextStep));
  // A try-on or a moment is a whole entry without a note; an identity reflection needs words.
  const identityEmpty = !draft.identity || draft.identity.kind === 'reflection';
  return (
    blank(draft.title) && blank(draft.body) && draft.tags.length === 0 && checkinIsEmpty(draft.checkin) && goalEmpty && identityEmpty
  );
}

const hasControl = (text: string) => /\p{Cc}/u.test(text);

/** As the profile's `normalized()`: forms trimmed, at most 40 characters, no control characters. */
function normalisePronouns(set: PronounSet): PronounSet {
  const form = (text: string) => {
    const t = (text ?? '').trim();
    if ([...t].length > MAX_FORM_CHARS || hasControl(t)) fail('invalid_input');
    return t;
  };
  const out: PronounSet = {
    id: set.id,
    subject: form(set.subject),
    object: form(set.object),
    determiner: form(set.determiner),
    possessive: form(set.possessive),
    reflexive: form(set.reflexive),
    pluralVerbs: Boolean(set.pluralVerbs),
  };
  if (out.id === 'custom' && out.subject === '') fail('invalid_input');
  return out;
}

function normaliseIdentityPart(part: IdentityPart): IdentityPart {
  const tryOn = part.kind === 'try_on';
  if (!['try_on', 'moment', 'reflection'].includes(part.kind)) fail('invalid_input');
  if (part.felt != null && (!tryOn || !Number.isInteger(part.felt) || part.felt < -2 || part.felt > 2)) fail('invalid_input');
  if (part.kind === 'moment' ? part.moment !== 'euphoria' && part.moment !== 'dysphoria' : part.moment != null) fail('invalid_input');
  const name = tryOn && !blank(part.name) ? (part.name ?? '').trim() : null;
  if (name !== null && ([...name].length > MAX_NAME_CHARS || hasControl(name))) fail('invalid_input');
  const pronouns = tryOn && part.pronouns ? normalisePronouns(part.pronouns) : null;
  if (tryOn && name === null && pronouns === null) fail('invalid_input');
  return { kind: part.kind, name, pronouns, felt: tryOn ? (part.felt ?? null) : null, moment: part.kind === 'moment' ? part.moment : null };
}

function normaliseGoalPart(goal: GoalCheckinPart): GoalCheckinPart {
  if (!(Number.isInteger(goal.goalId) && goal.goalId > 0)) fail('invalid_input');
  return {
    goalId: goal.goalId,
    inTheWay: blank(goal.inTheWay) ? null : (goal.inTheWay ?? null),
    nextStep: blank(goal.nextStep) ? null : (goal.nextStep ?? null),
  };
}

function normaliseTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#+/, '').trim().split(/\s+/).filter(Boolean).join(' ');
    if (tag === '') continue;
    if ([...tag].length > MAX_TAG_CHARS) fail('invalid_input');
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  if (out.length > MAX_TAGS) fail('invalid_input');
  return out;
}

function normaliseCheckin(checkin: Checkin | null | undefined): Checkin {
  const c = checkin ?? { feelings: [], pleasantness: null, energy: null, sensations: [], goingOn: null, helped: null };
  const unit = (v: number | null | undefined) => {
    if (v == null) return null;
    if (!Number.isFinite(v) || v < -1 || v > 1) fail('invalid_input');
    return v;
  };
  const seen = new Set<string>();
  const feelings = (c.feelings ?? []).filter((f) => {
    if (!(f.intensity >= 1 && f.intensity <= 5) || !(f.valence >= -1 && f.valence <= 1)) fail('invalid_input');
    const fresh = f.feeling.trim() !== '' && !seen.has(f.feeling);
    seen.add(f.feeling);
    return fresh;
  });
  const checkin_ = {
    feelings,
    pleasantness: unit(c.pleasantness),
    energy: unit(c.energy),
    sensations: [...new Set((c.sensations ?? []).map((x) => x.trim()).filter(Boolean))],
    goingOn: blank(c.goingOn) ? null : (c.goingOn ?? null),
    helped: blank(c.helped) ? null : (c.helped ?? null),
  };
  return checkin_;
}

/** The entry's mood contribution (a check-in, or a goal check-in with feelings): pad pleasantness, else the intensity-weighted valence. */
export function entryMood(entry: Pick<Entry, 'kind' | 'checkin'>): number | null {
  const checkin = entry.kind === 'checkin' || entry.kind === 'goal_checkin' ? entry.checkin : null;
  if (!checkin) return null;
  if (checkin.pleasantness !== null) return checkin.pleasantness;
  if (checkin.feelings.length === 0) return null;
  let weight = 0;
  let sum = 0;
  for (const f of checkin.feelings) {
    weight += f.intensity;
    sum += f.valence * f.intensity;
  }
  return weight === 0 ? null : sum / weight;
}

/** Markdown to plain text, roughly (what the timeline shows as an excerpt). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/(\*\*|__|\*|_|~~|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The body as plain text; a goal check-in without body text shows its other texts instead. */
function excerptText(entry: Entry): string {
  const body = plainText(entry.body);
  if (body !== '' || entry.kind !== 'goal_checkin') return body;
  const other = entry.checkin?.goingOn ?? entry.goal?.inTheWay ?? entry.goal?.nextStep ?? '';
  return other.replace(/\s+/g, ' ').trim();
}

export function summaryOf(entry: Entry): EntrySummary {
  const feelings = entry.checkin ? [...entry.checkin.feelings] : [];
  feelings.sort((a, b) => b.intensity - a.intensity);
  return {
    id: entry.id,
    kind: entry.kind,
    title: entry.title,
    excerpt: [...excerptText(entry)].slice(0, 200).join(''),
    tags: [...entry.tags],
    feelings: feelings.map((f) => f.feeling),
    mood: entryMood(entry),
    promptId: entry.promptId,
    ...(entry.identity ? { identity: structuredClone(entry.identity) } : {}),
    day: entry.day,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    deletedAt: entry.deletedAt,
  };
}

const instant = (iso: string) => new Date(iso).getTime();

/** Newest first by instant, then by id. */
const newestFirst = (a: Entry, b: Entry) => instant(b.createdAt) - instant(a.createdAt) || b.id - a.id;

export function matchesFilter(entry: Entry, filter: EntryFilter | null | undefined): boolean {
  // The identity space stays there unless the person chooses to see it in the journal.
  if (entry.identity && filter?.includeIdentity !== true) return false;
  if (!filter) return true;
  if (filter.kinds?.length && !filter.kinds.includes(entry.kind)) return false;
  if (filter.feelings?.length) {
    const mine = entry.checkin?.feelings.map((f) => f.feeling) ?? [];
    if (!filter.feelings.some((f) => mine.includes(f))) return false;
  }
  if (filter.tags?.length) {
    const mine = entry.tags.map((t) => t.toLowerCase());
    if (!filter.tags.every((t) => mine.includes(t.toLowerCase()))) return false;
  }
  if (filter.from && entry.day < filter.from) return false;
  if (filter.to && entry.day > filter.to) return false;
  return true;
}

// ── Search helpers ───────────────────────────────────────────────────────────────────────────

/** Lower case, accents removed; keeps the string's length per code point group roughly. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const WORD = /[\p{L}\p{N}]+(?:\p{M}+[\p{L}\p{N}]*)*/gu;

function tokens(text: string): string[] {
  return (fold(text).match(WORD) ?? []).filter((t) => t !== '');
}

/** Splits text into parts, marking words that start with one of the tokens. */
function markParts(text: string, toks: string[]): { parts: SnippetPart[]; hits: number } {
  const parts: SnippetPart[] = [];
  let hits = 0;
  let last = 0;
  const push = (piece: string, hit: boolean) => {
    if (piece === '') return;
    const prev = parts[parts.length - 1];
    if (prev && prev.hit === hit && !hit) prev.text += piece;
    else parts.push({ text: piece, hit });
  };
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const start = m.index;
    const folded = fold(word);
    if (toks.some((t) => folded.startsWith(t))) {
      push(text.slice(last, start), false);
      push(word, true);
      hits += 1;
      last = start + word.length;
    }
  }
  push(text.slice(last), false);
  return { parts, hits };
}

/** About 16 words around the first hit. */
function snippetOf(text: string, toks: string[]): SnippetPart[] {
  const words = [...text.matchAll(WORD)];
  if (words.length === 0) return [];
  let first = words.findIndex((m) => toks.some((t) => fold(m[0]).startsWith(t)));
  if (first < 0) first = 0;
  const from = Math.max(0, first - 5);
  const to = Math.min(words.length - 1, from + 15);
  const fromWord = words[from]!;
  const toWord = words[to]!;
  const start = fromWord.index;
  const end = toWord.index + toWord[0].length;
  const { parts } = markParts(text.slice(start, end), toks);
  if (from > 0) parts.unshift({ text: '…', hit: false });
  if (to < words.length - 1) parts.push({ text: '…', hit: false });
  return parts;
}

export function createFakeJournal(now: () => Date) {
  const state: FakeJournalState = { entries: [], nextId: 1 };

  const find = (id: number) => state.entries.find((e) => e.id === id);
  const live = () => state.entries.filter((e) => e.deletedAt === null);

  /** The trash keeps an entry 30 days; older ones go for good. */
  const purgeExpired = () => {
    const cutoff = now().getTime() - TRASH_DAYS * 24 * 3600 * 1000;
    state.entries = state.entries.filter((e) => e.deletedAt === null || instant(e.deletedAt) > cutoff);
  };

  const saveEntry = (draft: EntryDraft): Entry | null => {
    const body = draft.body ?? '';
    if (new TextEncoder().encode(body).length > MAX_BODY_BYTES) fail('invalid_input');
    if (!blank(draft.title) && [...(draft.title ?? '')].length > MAX_TITLE_CHARS) fail('invalid_input');
    const tags = normaliseTags(draft.tags ?? []);
    if (draft.kind !== 'checkin' && draft.kind !== 'goal_checkin' && draft.checkin != null) fail('invalid_input');
    if (draft.kind !== 'goal_checkin' && draft.goal != null) fail('invalid_input');
    if (draft.kind !== 'reflection' && draft.identity != null) fail('invalid_input');
    const goalCheckin = draft.kind === 'goal_checkin' && draft.checkin != null ? normaliseCheckin(draft.checkin) : null;
    const fields: Omit<Entry, 'id' | 'day' | 'createdAt' | 'updatedAt' | 'deletedAt'> = {
      kind: draft.kind,
      title: blank(draft.title) ? null : (draft.title ?? null),
      body,
      tags,
      promptId: draft.promptId?.trim() || null,
      checkin: draft.kind === 'checkin' ? normaliseCheckin(draft.checkin) : goalCheckin && !checkinIsEmpty(goalCheckin) ? goalCheckin : null,
    };
    if (draft.goal != null) fields.goal = normaliseGoalPart(draft.goal);
    if (draft.identity != null) fields.identity = normaliseIdentityPart(draft.identity);
    const existing = draft.id == null ? undefined : find(draft.id);
    if (draft.id != null && !existing) fail('not_found');
    if (existing && existing.deletedAt !== null) fail('invalid_input');
    if (draftIsEmpty(fields)) {
      if (existing) state.entries = state.entries.filter((e) => e !== existing);
      return null;
    }
    if (existing) {
      const same =
        JSON.stringify([existing.kind, existing.title, existing.body, existing.tags, existing.promptId, existing.checkin, existing.goal ?? null, existing.identity ?? null]) ===
        JSON.stringify([fields.kind, fields.title, fields.body, fields.tags, fields.promptId, fields.checkin, fields.goal ?? null, fields.identity ?? null]);
      if (!same) {
        delete existing.goal;
        delete existing.identity;
        Object.assign(existing, fields, { updatedAt: localIso(now()) });
      }
      return existing;
    }
    const stamp = localIso(now());
    const entry: Entry = {
      id: state.nextId++,
      ...fields,
      day: localDay(now()),
      createdAt: stamp,
      updatedAt: stamp,
      deletedAt: null,
    };
    state.entries.push(entry);
    return entry;
  };

  const listEntries = (query: TimelineQuery): TimelinePage => {
    if (!(query.limit >= 1 && query.limit <= 500)) fail('invalid_input');
    const all = live()
      .filter((e) => matchesFilter(e, query.filter))
      .sort(newestFirst);
    let start = 0;
    const cursor = query.cursor;
    if (cursor) {
      start = all.findIndex((e) => {
        const ms = instant(e.createdAt);
        return ms < cursor.createdMs || (ms === cursor.createdMs && e.id < cursor.id);
      });
      if (start < 0) start = all.length;
    }
    const items = all.slice(start, start + query.limit);
    const lastItem = items[items.length - 1];
    const nextCursor: TimelineCursor | null =
      start + query.limit < all.length && lastItem ? { createdMs: instant(lastItem.createdAt), id: lastItem.id } : null;
    return { items: items.map(summaryOf), nextCursor, total: cursor ? null : all.length };
  };

  const searchEntries = (query: SearchQuery) => {
    if (!(query.limit >= 1 && query.limit <= 200)) fail('invalid_input');
    const toks = tokens(query.text);
    if (toks.length === 0) return { hits: [] };
    const scored: { hit: SearchHit; score: number; entry: Entry }[] = [];
    for (const entry of live()) {
      if (!matchesFilter(entry, query.filter)) continue;
      const text = [
        plainText(entry.body),
        entry.checkin?.goingOn ?? '',
        entry.checkin?.helped ?? '',
        entry.goal?.inTheWay ?? '',
        entry.goal?.nextStep ?? '',
        entry.identity?.name ?? '',
      ]
        .filter((t) => t !== '')
        .join(' — ');
      const haystack = new Set([...tokens(entry.title ?? ''), ...tokens(text), ...entry.tags.flatMap(tokens)]);
      const words = [...haystack];
      if (!toks.every((t) => words.some((w) => w.startsWith(t)))) continue;
      const title = entry.title ? markParts(entry.title, toks) : { parts: [], hits: 0 };
      const body = markParts(text, toks);
      scored.push({
        entry,
        score: title.hits * 2 + body.hits,
        hit: { entry: summaryOf(entry), title: title.parts, snippet: snippetOf(text, toks) },
      });
    }
    scored.sort((a, b) => b.score - a.score || newestFirst(a.entry, b.entry));
    return { hits: scored.slice(0, query.limit).map((s) => s.hit) };
  };

  const listTags = (): TagCount[] => {
    const counts = new Map<string, TagCount>();
    for (const entry of live()) {
      for (const tag of entry.tags) {
        const key = tag.toLowerCase();
        const found = counts.get(key);
        if (found) found.count += 1;
        else counts.set(key, { tag, count: 1 });
      }
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  };

  const calendarDays = (from: string, to: string, filter: EntryFilter): DayStat[] => {
    const days = new Map<string, { stat: DayStat; moods: number[] }>();
    for (const entry of live()) {
      if (entry.day < from || entry.day > to || !matchesFilter(entry, filter)) continue;
      let day = days.get(entry.day);
      if (!day) {
        day = { stat: { day: entry.day, entries: 0, checkins: 0, mood: null }, moods: [] };
        days.set(entry.day, day);
      }
      day.stat.entries += 1;
      if (entry.kind === 'checkin') day.stat.checkins += 1;
      // A goal check-in with feelings has a mood too (it is not counted as a check-in).
      const mood = entryMood(entry);
      if (mood !== null) day.moods.push(mood);
    }
    return [...days.values()]
      .map(({ stat, moods }) => ({
        ...stat,
        mood: moods.length ? moods.reduce((a, b) => a + b, 0) / moods.length : null,
      }))
      .sort((a, b) => a.day.localeCompare(b.day));
  };

  /** Handles a journal command, or returns UNHANDLED for commands it does not know. */
  const handle = (cmd: string, arg: <T>(name: string) => T): unknown => {
    switch (cmd) {
      case 'save_entry':
        return saveEntry(arg<EntryDraft>('draft'));
      case 'get_entry': {
        const entry = find(arg<number>('id'));
        if (!entry) fail('not_found');
        return entry;
      }
      case 'delete_entry': {
        const entry = find(arg<number>('id'));
        if (!entry) fail('not_found');
        if (entry.deletedAt === null) entry.deletedAt = localIso(now());
        return null;
      }
      case 'restore_entry': {
        const entry = find(arg<number>('id'));
        if (!entry) fail('not_found');
        entry.deletedAt = null;
        return null;
      }
      case 'purge_entry': {
        const entry = find(arg<number>('id'));
        if (!entry) fail('not_found');
        if (entry.deletedAt === null) fail('invalid_input');
        state.entries = state.entries.filter((e) => e !== entry);
        return null;
      }
      case 'empty_trash': {
        const before = state.entries.length;
        state.entries = live();
        return before - state.entries.length;
      }
      case 'list_trash':
        purgeExpired();
        return state.entries
          .filter((e) => e.deletedAt !== null)
          .sort((a, b) => instant(b.deletedAt!) - instant(a.deletedAt!) || b.id - a.id)
          .map(summaryOf);
      case 'list_entries':
        return listEntries(arg<TimelineQuery>('query'));
      case 'search_entries':
        return searchEntries(arg<SearchQuery>('query'));
      case 'list_tags':
        return listTags();
      case 'calendar_days':
        return calendarDays(arg<string>('from'), arg<string>('to'), arg<EntryFilter>('filter'));
      default:
        return UNHANDLED;
    }
  };

  /**
   * Test helper: stores an entry directly, written at `at` (default now). Not subject to the
   * empty-draft rule, so tests can seed anything.
   */
  const add = (
    fields: Partial<Omit<Entry, 'id' | 'createdAt' | 'updatedAt' | 'day'>> & { kind?: EntryKind },
    at: Date = now(),
  ): Entry => {
    const stamp = localIso(at);
    const entry: Entry = {
      id: state.nextId++,
      kind: fields.kind ?? 'free',
      title: fields.title ?? null,
      body: fields.body ?? '',
      tags: fields.tags ?? [],
      promptId: fields.promptId ?? null,
      checkin: fields.checkin ?? null,
      ...(fields.goal ? { goal: fields.goal } : {}),
      ...(fields.identity ? { identity: fields.identity } : {}),
      day: localDay(at),
      createdAt: stamp,
      updatedAt: stamp,
      deletedAt: fields.deletedAt ?? null,
    };
    state.entries.push(entry);
    return entry;
  };

  return { state, handle, add, live, summaries: () => live().sort(newestFirst).map(summaryOf) };
}

export type FakeJournal = ReturnType<typeof createFakeJournal>;

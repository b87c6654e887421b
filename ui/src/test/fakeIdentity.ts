// The identity part of the fake backend: `identity_timeline`, read from the fake journal's
// entries (a try-on, a moment or an identity reflection is a `reflection` entry with an
// `identity` part). Follows src-tauri/identity/model.rs. Unit tests only.
//
// - Items: every identity entry outside the trash, newest first (instant, then id), within
//   `from`…`to` (days, inclusive; a malformed day → `invalid_input`).
// - Tried: try-ons grouped by the name (ignoring case) and the pronoun set's five forms and verb
//   agreement, most recently tried first; `felt` holds the answers oldest first, skipped ones
//   left out; the name is spelled as it was the first time.
import type {
  CommandError,
  Entry,
  ErrorCode,
  IdentityTimeline,
  IdentityTimelineItem,
  IdentityTimelineQuery,
  PronounSet,
  TriedSummary,
} from '../api';
import { plainText, UNHANDLED, type FakeJournal } from './fakeJournal';

function fail(code: ErrorCode): never {
  const error: CommandError = { code, message: `fake backend: ${code}`, attemptsLeft: null };
  throw error;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const instant = (iso: string) => new Date(iso).getTime();
const oldestFirst = (a: Entry, b: Entry) => instant(a.createdAt) - instant(b.createdAt) || a.id - b.id;

/** How two try-ons are "the same thing tried". */
function triedKey(name: string | null, pronouns: PronounSet | null): string {
  const set = pronouns
    ? [pronouns.subject, pronouns.object, pronouns.determiner, pronouns.possessive, pronouns.reflexive, pronouns.pluralVerbs]
    : null;
  return JSON.stringify([name?.toLowerCase() ?? null, set]);
}

export function createFakeIdentity(journal: FakeJournal) {
  const timeline = (query: IdentityTimelineQuery | null | undefined): IdentityTimeline => {
    const from = query?.from ?? null;
    const to = query?.to ?? null;
    for (const day of [from, to]) if (day !== null && !DAY.test(day)) fail('invalid_input');
    const entries = journal
      .live()
      .filter((e) => e.identity && (from === null || e.day >= from) && (to === null || e.day <= to))
      .sort(oldestFirst);

    const groups = new Map<string, TriedSummary>();
    for (const entry of entries) {
      const part = entry.identity!;
      if (part.kind !== 'try_on') continue;
      const key = triedKey(part.name, part.pronouns);
      const group = groups.get(key);
      if (group) {
        group.times += 1;
        group.lastDay = entry.day;
        if (part.felt !== null) group.felt.push(part.felt);
        // Keep the most recently tried last, so the reverse below puts it first.
        groups.delete(key);
        groups.set(key, group);
      } else {
        groups.set(key, {
          name: part.name,
          pronouns: part.pronouns,
          times: 1,
          felt: part.felt === null ? [] : [part.felt],
          firstDay: entry.day,
          lastDay: entry.day,
        });
      }
    }

    const items: IdentityTimelineItem[] = entries
      .map((entry) => ({
        entryId: entry.id,
        day: entry.day,
        createdAt: entry.createdAt,
        part: entry.identity!,
        title: entry.title,
        excerpt: [...plainText(entry.body)].slice(0, 200).join(''),
        promptId: entry.promptId,
      }))
      .reverse();
    return { items, tried: [...groups.values()].reverse() };
  };

  /** Handles `identity_timeline`, or returns UNHANDLED for other commands. */
  const handle = (cmd: string, arg: <T>(name: string) => T): unknown => {
    if (cmd === 'identity_timeline') return timeline(arg<IdentityTimelineQuery>('query'));
    return UNHANDLED;
  };

  return { handle, timeline };
}

export type FakeIdentity = ReturnType<typeof createFakeIdentity>;

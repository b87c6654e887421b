// The insights part of the fake backend (get_insights), computed from the fake journal's
// entries, following the journal contract (src-tauri/journal/model.rs `Insights`). Unit tests only.
//
// Rules the fake follows (keep in step with the Rust store):
// - Only entries outside the trash whose `day` is within `from`…`to` (inclusive) count.
// - `days`: every day with at least one entry, oldest first; `mood` is the mean of the day's
//   check-in moods (`entryMood`), `null` without one.
// - `topFeelings`: how often each feeling was picked in check-ins and its mean intensity; most
//   frequent first (ties: higher mean intensity, then feeling id), at most 15.
// - `tagMoods`: for each tag (compared ignoring case, shown in its most used spelling; ties: the
//   smallest), the days with a mood on which an entry carries it; tags on at least 2 such days;
//   `difference` is their mean mood minus the mean of all days with a mood; largest |difference|
//   first (ties: more days, then tag), at most 10.
// - `from` after `to`, or a day not `YYYY-MM-DD` → `invalid_input`.
import { entryMood, UNHANDLED } from './fakeJournal';
import type { createFakeJournal } from './fakeJournal';
import type { CommandError, DayStat, FeelingCount, Insights, TagMood } from '../api';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
/** Plain code-unit order, like Rust's `str::cmp` for the ASCII ids and tags tests use. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function invalid(): never {
  const error: CommandError = { code: 'invalid_input', message: 'fake backend: invalid_input', attemptsLeft: null };
  throw error;
}

export function computeInsights(journal: ReturnType<typeof createFakeJournal>, from: string, to: string): Insights {
  if (!DAY.test(from) || !DAY.test(to) || from > to) invalid();
  const entries = journal.state.entries.filter((e) => e.deletedAt === null && e.day >= from && e.day <= to);

  const days = new Map<string, { stat: DayStat; moods: number[]; tags: Set<string> }>();
  const spellings = new Map<string, Map<string, number>>();
  const feelings = new Map<string, { count: number; intensity: number }>();
  for (const entry of entries) {
    let day = days.get(entry.day);
    if (!day) {
      day = { stat: { day: entry.day, entries: 0, checkins: 0, mood: null }, moods: [], tags: new Set() };
      days.set(entry.day, day);
    }
    day.stat.entries += 1;
    for (const tag of entry.tags) {
      const key = tag.toLowerCase();
      const uses = spellings.get(key) ?? new Map<string, number>();
      uses.set(tag, (uses.get(tag) ?? 0) + 1);
      spellings.set(key, uses);
      day.tags.add(key);
    }
    if (entry.kind !== 'checkin') continue;
    day.stat.checkins += 1;
    const mood = entryMood(entry);
    if (mood !== null) day.moods.push(mood);
    for (const pick of entry.checkin?.feelings ?? []) {
      const seen = feelings.get(pick.feeling) ?? { count: 0, intensity: 0 };
      seen.count += 1;
      seen.intensity += pick.intensity;
      feelings.set(pick.feeling, seen);
    }
  }

  const dayList = [...days.values()]
    .map((d) => ({ ...d, stat: { ...d.stat, mood: d.moods.length ? mean(d.moods) : null } }))
    .sort((a, b) => a.stat.day.localeCompare(b.stat.day));

  const topFeelings: FeelingCount[] = [...feelings.entries()]
    .map(([feeling, { count, intensity }]) => ({ feeling, count, meanIntensity: intensity / count }))
    .sort((a, b) => b.count - a.count || b.meanIntensity - a.meanIntensity || byText(a.feeling, b.feeling))
    .slice(0, 15);

  const moodDays = dayList.filter((d) => d.stat.mood !== null);
  const overall = moodDays.length ? mean(moodDays.map((d) => d.stat.mood as number)) : 0;
  const tagMoods: TagMood[] = moodDays.length === 0 ? [] : [...spellings.entries()]
    .map(([key, uses]) => {
      const tag = [...uses.entries()].sort((a, b) => b[1] - a[1] || byText(a[0], b[0]))[0]![0];
      const moods = moodDays.filter((d) => d.tags.has(key)).map((d) => d.stat.mood as number);
      return { tag, days: moods.length, meanMood: moods.length ? mean(moods) : 0, difference: 0 };
    })
    .filter((t) => t.days >= 2)
    .map((t) => ({ ...t, difference: t.meanMood - overall }))
    .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || b.days - a.days || byText(a.tag, b.tag))
    .slice(0, 10);

  return {
    from,
    to,
    days: dayList.map((d) => d.stat),
    topFeelings,
    tagMoods,
    totalEntries: entries.length,
    totalCheckins: entries.filter((e) => e.kind === 'checkin').length,
  };
}

export function createFakeInsights(journal: ReturnType<typeof createFakeJournal>) {
  const handle = (cmd: string, arg: <T>(name: string) => T): unknown => {
    if (cmd !== 'get_insights') return UNHANDLED;
    return computeInsights(journal, arg<string>('from'), arg<string>('to'));
  };
  return { handle };
}

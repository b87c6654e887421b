// Pure helpers for the insights view: ranges, mood words, heat-map layout. Tested without rendering.
import type { DayStat } from '../../api';

export const RANGES = ['30d', '3m', '1y'] as const;
export type RangeKey = (typeof RANGES)[number];

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a local date. */
export function dayString(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local midnight of a `YYYY-MM-DD` day. */
export function parseDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

export function addDays(day: string, n: number): string {
  const date = parseDay(day);
  return dayString(new Date(date.getFullYear(), date.getMonth(), date.getDate() + n));
}

/** The first and last day (inclusive) of a range ending today. */
export function rangeDates(range: RangeKey, today: Date): { from: string; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth();
  const d = today.getDate();
  const to = dayString(new Date(y, m, d));
  switch (range) {
    case '30d':
      return { from: dayString(new Date(y, m, d - 29)), to };
    case '3m':
      return { from: dayString(new Date(y, m - 3, d + 1)), to };
    case '1y':
      return { from: dayString(new Date(y - 1, m, d + 1)), to };
  }
}

export type MoodWord = 'lighter' | 'mixed' | 'harder';

/** A day's mood (-1 … 1) in words: the chart, the table and the heat map all use these. */
export function moodWord(mood: number): MoodWord {
  if (mood >= 0.2) return 'lighter';
  if (mood <= -0.2) return 'harder';
  return 'mixed';
}

export type TagTone = 'lighter' | 'harder' | 'same';

/** How a tag's days compare with the rest; small differences are "about the same". */
export function tagTone(difference: number): TagTone {
  if (difference >= 0.1) return 'lighter';
  if (difference <= -0.1) return 'harder';
  return 'same';
}

/** Heat-map shade for a day's entry count: 0 (none) … 3 (three or more). */
export function heatLevel(entries: number): 0 | 1 | 2 | 3 {
  if (entries <= 0) return 0;
  if (entries === 1) return 1;
  if (entries === 2) return 2;
  return 3;
}

export type HeatCell = { day: string; stat: DayStat | null } | null;

/**
 * The range as a grid of 7 rows (Monday … Sunday) by weeks: `rows[weekday][week]`, `null` for
 * the places before `from` and after `to`. Also returns every day in order.
 */
export function heatGrid(from: string, to: string, days: readonly DayStat[]): { rows: HeatCell[][]; allDays: string[] } {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const allDays: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) allDays.push(day);
  const mondayIndex = (day: string) => (parseDay(day).getDay() + 6) % 7;
  const lead = allDays.length ? mondayIndex(allDays[0]!) : 0;
  const weeks = Math.ceil((lead + allDays.length) / 7);
  const rows: HeatCell[][] = Array.from({ length: 7 }, () => Array.from({ length: weeks }, () => null));
  allDays.forEach((day, i) => {
    const slot = lead + i;
    rows[slot % 7]![Math.floor(slot / 7)] = { day, stat: byDay.get(day) ?? null };
  });
  return { rows, allDays };
}

/** Mean of the days' moods, or null without any. */
export function meanMood(days: readonly DayStat[]): number | null {
  const moods = days.map((d) => d.mood).filter((m): m is number => m !== null);
  return moods.length ? moods.reduce((a, b) => a + b, 0) / moods.length : null;
}

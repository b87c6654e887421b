// Dates and times as the journal shows them. Entries keep the wall-clock time and UTC offset of
// the moment they were written; we show that wall-clock time (what the person saw on their clock),
// not a conversion to the current zone.
import type { IntlShape } from 'react-intl';

/** A local Date with the same calendar date and wall-clock time as the RFC 3339 stamp. */
export function wallClock(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(iso);
  if (!m) return new Date(iso);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
}

/** A local Date at noon of a `YYYY-MM-DD` day (noon: safe across daylight-saving changes). */
export function dayDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a local Date. */
export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(day: string, days: number): string {
  const date = dayDate(day);
  date.setDate(date.getDate() + days);
  return dayKey(date);
}

export function formatTime(intl: IntlShape, iso: string): string {
  return intl.formatTime(wallClock(iso), { hour: 'numeric', minute: '2-digit' });
}

/** "Today", "Yesterday", or a full localised date. */
export function formatDayHeading(intl: IntlShape, day: string, today: string = dayKey(new Date())): string {
  if (day === today) return intl.formatMessage({ id: 'timeline.today' });
  if (day === addDays(today, -1)) return intl.formatMessage({ id: 'timeline.yesterday' });
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return intl.formatDate(dayDate(day), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: sameYear ? undefined : 'numeric',
  });
}

export function formatDay(intl: IntlShape, day: string): string {
  return intl.formatDate(dayDate(day), { day: 'numeric', month: 'long', year: 'numeric' });
}

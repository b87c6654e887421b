// How the backup screens say when, how big and which kind. Times keep the wall-clock time the
// copy was made at (as the journal does), and read naturally: "today at 14:02".
import type { IntlShape } from 'react-intl';
import type { BackupKind, BackupPlace, ErrorCode } from '../../api';
import type { MessageId } from '../../i18n';
import { errorMessageId } from '../../i18n/errors';
import { addDays, dayDate, dayKey, wallClock } from '../journal/format';

/** "today at 14:02", "yesterday at 9:15", "12 March at 14:02", "3 June 2025 at 8:00". */
export function formatWhen(intl: IntlShape, iso: string, now: Date = new Date()): string {
  const date = wallClock(iso);
  const time = intl.formatTime(date, { hour: 'numeric', minute: '2-digit' });
  const day = dayKey(date);
  const today = dayKey(now);
  if (day === today) return intl.formatMessage({ id: 'backup.when.today' }, { time });
  if (day === addDays(today, -1)) return intl.formatMessage({ id: 'backup.when.yesterday' }, { time });
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  const dateText = intl.formatDate(date, { day: 'numeric', month: 'long', year: sameYear ? undefined : 'numeric' });
  return intl.formatMessage({ id: 'backup.when.date' }, { date: dateText, time });
}

/** A `YYYY-MM-DD` day in full ("3 January 2025"). */
export function formatFullDay(intl: IntlShape, day: string): string {
  return intl.formatDate(dayDate(day), { day: 'numeric', month: 'long', year: 'numeric' });
}

const KB = 1000;
const MB = KB * 1000;
const GB = MB * 1000;

/** File sizes as people read them: "820 kB", "2.4 MB", "1.1 GB" (decimal units, like file managers). */
export function formatSize(intl: IntlShape, bytes: number): string {
  const unit = bytes >= GB ? 'gigabyte' : bytes >= MB ? 'megabyte' : 'kilobyte';
  const value = bytes >= GB ? bytes / GB : bytes >= MB ? bytes / MB : Math.max(bytes / KB, 1);
  return intl.formatNumber(value, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: unit === 'kilobyte' ? 0 : 1,
  });
}

export const KIND_LABEL: Record<BackupKind, MessageId> = {
  automatic: 'backup.kind.automatic',
  manual: 'backup.kind.manual',
  before_restore: 'backup.kind.before_restore',
};

export const PLACE_LABEL: Record<BackupPlace, MessageId> = {
  app: 'backup.place.app',
  extra: 'backup.place.extra',
};

/**
 * Words for a failure, preferring the screen's own wording (`<prefix>.<code>`) when there is one
 * and falling back to the general `error.<code>` words.
 */
export function wordsFor(code: ErrorCode, own: Partial<Record<ErrorCode, MessageId>>): MessageId {
  return own[code] ?? errorMessageId(code);
}

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import * as api from '../../api';
import type { DayStat, EntryFilter } from '../../api';
import { Button } from '../../components/Button';
import type { MessageId } from '../../i18n';
import { useApp } from '../../app/AppContext';
import { addDays, dayDate, dayKey } from './format';

type Month = { year: number; month: number }; // month 0-11

const monthOf = (day: string): Month => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) - 1 });
const firstDay = (m: Month) => dayKey(new Date(m.year, m.month, 1, 12));
const lastDay = (m: Month) => dayKey(new Date(m.year, m.month + 1, 0, 12));
const shiftMonth = (m: Month, by: number): Month => {
  const d = new Date(m.year, m.month + by, 1, 12);
  return { year: d.getFullYear(), month: d.getMonth() };
};

function moodWord(mood: number | null): MessageId | null {
  if (mood === null) return null;
  if (mood >= 0.25) return 'journal.calendar.moodPleasant';
  if (mood <= -0.25) return 'journal.calendar.moodHard';
  return 'journal.calendar.moodMixed';
}

function moodClass(mood: number | null): string {
  if (mood === null) return '';
  if (mood >= 0.25) return ' calendar__day--pleasant';
  if (mood <= -0.25) return ' calendar__day--hard';
  return ' calendar__day--mixed';
}

/**
 * A month grid: each day shows how many entries it has and a soft tint for the mood of its
 * check-ins (also said in words to screen readers). Arrow keys move by day and week, Page Up/Down
 * by month; choosing a day calls `onChoose`.
 */
export function Calendar({
  filter,
  selectedDay,
  onChoose,
}: {
  filter: EntryFilter;
  selectedDay: string | null;
  onChoose: (day: string) => void;
}) {
  const intl = useIntl();
  const { locale } = useApp();
  const today = dayKey(new Date());
  const [focused, setFocused] = useState(selectedDay ?? today);
  const month = monthOf(focused);
  const [stats, setStats] = useState<Map<string, DayStat>>(new Map());
  const grid = useRef<HTMLTableElement>(null);
  const moveFocus = useRef(false);
  const from = firstDay(month);
  const to = lastDay(month);

  useEffect(() => {
    let current = true;
    api.calendarDays(from, to, filter).then(
      (days) => current && setStats(new Map(days.map((d) => [d.day, d]))),
      () => current && setStats(new Map()),
    );
    return () => {
      current = false;
    };
  }, [from, to, filter]);

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    grid.current?.querySelector<HTMLButtonElement>(`[data-day="${focused}"]`)?.focus();
  }, [focused]);

  // Weeks start on Sunday in English and Monday in Spanish.
  const weekStart = locale === 'es' ? 1 : 0;
  const weeks = useMemo(() => {
    const first = dayDate(from);
    const lead = (first.getDay() - weekStart + 7) % 7;
    let day = addDays(from, -lead);
    const out: string[][] = [];
    while (out.length < 6 && (out.length === 0 || day <= to)) {
      const week: string[] = [];
      for (let i = 0; i < 7; i++) {
        week.push(day);
        day = addDays(day, 1);
      }
      out.push(week);
    }
    return out;
  }, [from, to, weekStart]);

  const weekdayNames = (weeks[0] ?? []).map((day) => ({
    short: intl.formatDate(dayDate(day), { weekday: 'short' }),
    long: intl.formatDate(dayDate(day), { weekday: 'long' }),
  }));

  const go = (day: string) => {
    moveFocus.current = true;
    setFocused(day);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(focused, -1),
      ArrowRight: () => addDays(focused, 1),
      ArrowUp: () => addDays(focused, -7),
      ArrowDown: () => addDays(focused, 7),
      PageUp: () => dayKey(new Date(month.year, month.month - 1, Math.min(dayDate(focused).getDate(), 28), 12)),
      PageDown: () => dayKey(new Date(month.year, month.month + 1, Math.min(dayDate(focused).getDate(), 28), 12)),
      Home: () => weekOf(weeks, focused)[0] ?? focused,
      End: () => weekOf(weeks, focused)[6] ?? focused,
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    go(move());
  };

  const title = intl.formatDate(dayDate(from), { month: 'long', year: 'numeric' });
  return (
    <div className="calendar" data-testid="calendar">
      <div className="calendar__head">
        <Button
          variant="quiet"
          onPress={() => setFocused(firstDay(shiftMonth(month, -1)))}
          icon={<ChevronLeft size={18} />}
          data-testid="calendar-prev"
        >
          <span className="visually-hidden">{intl.formatMessage({ id: 'journal.calendar.prev' })}</span>
        </Button>
        <h2 className="calendar__title" aria-live="polite" id="journal-calendar-title">
          {title}
        </h2>
        <Button
          variant="quiet"
          onPress={() => setFocused(firstDay(shiftMonth(month, 1)))}
          icon={<ChevronRight size={18} />}
          data-testid="calendar-next"
        >
          <span className="visually-hidden">{intl.formatMessage({ id: 'journal.calendar.next' })}</span>
        </Button>
      </div>
      <p className="muted calendar__hint">{intl.formatMessage({ id: 'journal.calendar.hint' })}</p>
      <table ref={grid} role="grid" className="calendar__grid" aria-labelledby="journal-calendar-title" onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {weekdayNames.map((name) => (
              <th key={name.long} scope="col" abbr={name.long}>
                {name.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const inMonth = day >= from && day <= to;
                const stat = stats.get(day);
                const entries = stat?.entries ?? 0;
                const date = intl.formatDate(dayDate(day), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
                const base = intl.formatMessage({ id: 'journal.calendar.dayLabel' }, { date, count: entries });
                const mood = moodWord(stat?.mood ?? null);
                const label = mood
                  ? intl.formatMessage({ id: 'journal.calendar.dayWithMood' }, { label: base, mood: intl.formatMessage({ id: mood }) })
                  : base;
                return (
                  <td key={day} role="gridcell" aria-selected={day === selectedDay}>
                    {inMonth ? (
                      <button
                        type="button"
                        className={`calendar__day${entries > 0 ? ' calendar__day--has' : ''}${moodClass(stat?.mood ?? null)}${day === today ? ' calendar__day--today' : ''}`}
                        data-testid="calendar-day"
                        data-day={day}
                        data-count={entries}
                        tabIndex={day === focused ? 0 : -1}
                        aria-label={label}
                        aria-current={day === today ? 'date' : undefined}
                        onFocus={() => setFocused(day)}
                        onClick={() => onChoose(day)}
                      >
                        <span aria-hidden="true" className="calendar__num">
                          {dayDate(day).getDate()}
                        </span>
                        {entries > 0 ? (
                          <span aria-hidden="true" className="calendar__count">
                            {entries}
                          </span>
                        ) : null}
                      </button>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function weekOf(weeks: string[][], day: string): string[] {
  return weeks.find((w) => w.includes(day)) ?? [];
}

import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import type { DayStat } from '../../api';
import { ChartSection, useDateFormat, useMoodWord } from './charts';
import { addDays, heatGrid, heatLevel, moodWord, parseDay } from './model';
import { ChartTable } from './ChartTable';

const MOOD_MARK = { lighter: '+', harder: '−', mixed: '~' } as const;

/**
 * A calendar of the range: one square per day (weeks as columns, Monday … Sunday as rows), shaded
 * by how many entries the day has, with a +/−/~ mark for how it felt (never colour alone). It is
 * an ARIA grid with one tab stop: the arrow keys move a day (up/down) or a week (left/right),
 * Home/End go to the first/last day, and each day reads as a sentence. A table lists the same days.
 */
export function HeatMap({ from, to, days }: { from: string; to: string; days: readonly DayStat[] }) {
  const intl = useIntl();
  const dates = useDateFormat();
  const word = useMoodWord();
  const { rows, allDays } = useMemo(() => heatGrid(from, to, days), [from, to, days]);
  const [focusDay, setFocusDay] = useState<string | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const active = focusDay !== null && focusDay >= from && focusDay <= to ? focusDay : (allDays.at(-1) ?? null);
  const written = days.filter((d) => d.entries > 0).length;

  const weekdayNames = useMemo(
    () =>
      // 2024-01-01 was a Monday.
      Array.from({ length: 7 }, (_, i) => ({
        short: intl.formatDate(new Date(2024, 0, 1 + i), { weekday: 'short' }),
        long: intl.formatDate(new Date(2024, 0, 1 + i), { weekday: 'long' }),
      })),
    [intl],
  );

  const move = (day: string) => {
    if (day < from || day > to) return;
    setFocusDay(day);
    gridRef.current?.querySelector<HTMLElement>(`[data-day="${day}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (active === null) return;
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, ArrowRight: 7, ArrowLeft: -7 };
    let target: string | null = null;
    if (event.key in steps) target = addDays(active, steps[event.key]!);
    else if (event.key === 'Home') target = from;
    else if (event.key === 'End') target = to;
    if (target === null) return;
    event.preventDefault();
    move(target);
  };

  const label = (day: string, stat: DayStat | null) =>
    intl.formatMessage(
      { id: 'insights.heatmap.cell' },
      {
        date: intl.formatDate(parseDay(day), { weekday: 'long', month: 'long', day: 'numeric' }),
        entries: stat?.entries ?? 0,
        mood: stat?.mood == null ? 'none' : moodWord(stat.mood),
      },
    );

  return (
    <ChartSection title={intl.formatMessage({ id: 'insights.heatmap.title' })}>
      <p className="muted insights-legend">{intl.formatMessage({ id: 'insights.heatmap.legend' })}</p>
      <div className="heatmap-scroll">
        <div
          ref={gridRef}
          role="grid"
          tabIndex={-1}
          className="heatmap"
          aria-label={intl.formatMessage({ id: 'insights.heatmap.summary' }, { total: allDays.length, count: written })}
          aria-readonly="true"
          onKeyDown={onKeyDown}
          data-testid="insights-heatmap"
        >
          {rows.map((row, weekday) => (
            <div role="row" className="heatmap__row" key={weekday}>
              <div role="rowheader" className="heatmap__weekday">
                <span aria-hidden="true">{weekdayNames[weekday]!.short}</span>
                <span className="visually-hidden">{weekdayNames[weekday]!.long}</span>
              </div>
              {row.map((cell, week) =>
                cell === null ? (
                  <div role="gridcell" className="heatmap__cell heatmap__cell--outside" key={week} />
                ) : (
                  <div
                    role="gridcell"
                    key={week}
                    data-day={cell.day}
                    data-level={heatLevel(cell.stat?.entries ?? 0)}
                    className="heatmap__cell"
                    tabIndex={cell.day === active ? 0 : -1}
                    onFocus={() => setFocusDay(cell.day)}
                    title={label(cell.day, cell.stat)}
                  >
                    <span aria-hidden="true" className="heatmap__mark">
                      {cell.stat?.mood == null ? '' : MOOD_MARK[moodWord(cell.stat.mood)]}
                    </span>
                    <span className="visually-hidden">{label(cell.day, cell.stat)}</span>
                  </div>
                ),
              )}
            </div>
          ))}
        </div>
      </div>
      <ChartTable caption="insights.heatmap.caption" columns={['insights.heatmap.colDay', 'insights.heatmap.colEntries', 'insights.heatmap.colCheckins', 'insights.heatmap.colMood']} testId="insights-heatmap-table">
        {days.map((d) => (
          <tr key={d.day}>
            <th scope="row">{dates.long(d.day)}</th>
            <td>{intl.formatNumber(d.entries)}</td>
            <td>{intl.formatNumber(d.checkins)}</td>
            <td>{d.mood === null ? intl.formatMessage({ id: 'insights.heatmap.noMood' }) : word(d.mood)}</td>
          </tr>
        ))}
      </ChartTable>
    </ChartSection>
  );
}

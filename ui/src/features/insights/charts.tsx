// The two drawn charts (mood over time, most frequent feelings). Each is a picture with a summary
// for screen readers (role="img" + aria-label) and a real table beside it with the same numbers.
// Colours come from CSS (insights.css, tokens.css), so every theme and accent applies; animation
// is always off.
import { useId, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DayStat, FeelingCount } from '../../api';
import type { MessageId } from '../../i18n';
import { useFeelingName } from '../feelings/useFeelingName';
import { ChartTable } from './ChartTable';
import { meanMood, moodWord, parseDay, type MoodWord } from './model';
import { useChartWidth } from './useChartWidth';

const MOOD_WORDS: Record<MoodWord, MessageId> = {
  lighter: 'insights.mood.word.lighter',
  mixed: 'insights.mood.word.mixed',
  harder: 'insights.mood.word.harder',
};

const TOOLTIP_STYLE = {
  background: 'var(--surface)',
  border: '1px solid var(--border)',
  borderRadius: '0.5rem',
  color: 'var(--text)',
};

export function useMoodWord() {
  const intl = useIntl();
  return (mood: number) => intl.formatMessage({ id: MOOD_WORDS[moodWord(mood)] });
}

export function useDateFormat() {
  const intl = useIntl();
  return {
    short: (day: string) => intl.formatDate(parseDay(day), { month: 'short', day: 'numeric' }),
    long: (day: string) => intl.formatDate(parseDay(day), { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }),
  };
}

/** A heading, the chart, and its table: the frame every chart section shares. */
export function ChartSection({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="insights-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="insights-section__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function MoodSection({ days }: { days: readonly DayStat[] }) {
  const intl = useIntl();
  const word = useMoodWord();
  const dates = useDateFormat();
  const { ref, width } = useChartWidth<HTMLDivElement>();
  const withMood = days.filter((d): d is DayStat & { mood: number } => d.mood !== null);
  const average = meanMood(withMood);
  const signed = (value: number) =>
    intl.formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  const axisWord = (value: number) => (value > 0 ? word(1) : value < 0 ? word(-1) : word(0));
  const data = withMood.map((d) => ({ label: dates.short(d.day), mood: d.mood }));

  return (
    <ChartSection title={intl.formatMessage({ id: 'insights.mood.title' })}>
      {average === null ? (
          <p className="muted">{intl.formatMessage({ id: 'insights.mood.none' })}</p>
        ) : (
          <>
            <div
              ref={ref}
              className="insights-chart insights-chart--mood"
              role="img"
              aria-label={intl.formatMessage(
                { id: 'insights.mood.summary' },
                { days: withMood.length, word: moodWord(average) },
              )}
              data-testid="insights-mood-chart"
            >
              <LineChart width={width} height={240} data={data} accessibilityLayer={false} margin={{ top: 12, right: 16, bottom: 4, left: 8 }}>
                <CartesianGrid vertical={false} />
                <XAxis dataKey="label" minTickGap={24} />
                <YAxis domain={[-1, 1]} ticks={[-1, 0, 1]} tickFormatter={axisWord} width={112} />
                <ReferenceLine y={0} />
                <Tooltip
                  contentStyle={TOOLTIP_STYLE}
                  formatter={(value) => [`${word(Number(value))} (${signed(Number(value))})`, intl.formatMessage({ id: 'insights.mood.colWord' })]}
                  isAnimationActive={false}
                />
                <Line type="monotone" dataKey="mood" isAnimationActive={false} connectNulls dot={{ r: 3 }} />
              </LineChart>
            </div>
            <ChartTable caption="insights.mood.caption" columns={['insights.mood.colDay', 'insights.mood.colWord', 'insights.mood.colValue']} testId="insights-mood-table">
              {withMood.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{dates.long(d.day)}</th>
                  <td>{word(d.mood)}</td>
                  <td>{signed(d.mood)}</td>
                </tr>
              ))}
            </ChartTable>
          </>
        )}
    </ChartSection>
  );
}

export function FeelingsSection({ feelings }: { feelings: readonly FeelingCount[] }) {
  const intl = useIntl();
  const feelingName = useFeelingName();
  const { ref, width } = useChartWidth<HTMLDivElement>();
  const data = feelings.map((f) => ({ name: feelingName(f.feeling), count: f.count }));
  const intensity = (value: number) => intl.formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  return (
    <ChartSection title={intl.formatMessage({ id: 'insights.feelings.title' })}>
      {feelings.length === 0 ? (
          <p className="muted">{intl.formatMessage({ id: 'insights.feelings.none' })}</p>
        ) : (
          <>
            <div
              ref={ref}
              className="insights-chart insights-chart--feelings"
              role="img"
              aria-label={intl.formatMessage(
                { id: 'insights.feelings.summary' },
                {
                  list: intl.formatList(
                    data.slice(0, 5).map((d) => `${d.name} (${intl.formatNumber(d.count)})`),
                    { type: 'conjunction' },
                  ),
                },
              )}
              data-testid="insights-feelings-chart"
            >
              <BarChart
                width={width}
                height={48 + data.length * 34}
                data={data}
                layout="vertical"
                accessibilityLayer={false}
                margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
              >
                <CartesianGrid horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={140} />
                <Tooltip contentStyle={TOOLTIP_STYLE} cursor={false} isAnimationActive={false} />
                <Bar dataKey="count" name={intl.formatMessage({ id: 'insights.feelings.colCount' })} isAnimationActive={false} barSize={20} />
              </BarChart>
            </div>
            <ChartTable caption="insights.feelings.caption" columns={['insights.feelings.colFeeling', 'insights.feelings.colCount', 'insights.feelings.colIntensity']} testId="insights-feelings-table">
              {feelings.map((f, i) => (
                <tr key={f.feeling}>
                  <th scope="row">{data[i]!.name}</th>
                  <td>{intl.formatNumber(f.count)}</td>
                  <td>{intensity(f.meanIntensity)}</td>
                </tr>
              ))}
            </ChartTable>
          </>
        )}
    </ChartSection>
  );
}


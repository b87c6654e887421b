import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Sprout } from 'lucide-react';
import * as api from '../../api';
import type { Insights as InsightsData, TagMood } from '../../api';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Select } from '../../components/Select';
import type { MessageId } from '../../i18n';
import { ChartSection, FeelingsSection, MoodSection } from './charts';
import { HeatMap } from './HeatMap';
import { RANGES, rangeDates, tagTone, type RangeKey, type TagTone } from './model';
import './insights.css';

const RANGE_NAMES: Record<RangeKey, MessageId> = {
  '30d': 'insights.range.30d',
  '3m': 'insights.range.3m',
  '1y': 'insights.range.1y',
};

const TAG_SENTENCES: Record<TagTone, MessageId> = {
  lighter: 'insights.tags.lighter',
  harder: 'insights.tags.harder',
  same: 'insights.tags.same',
};

type Load = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; data: InsightsData };

/** The answer to one request (`key`: the range and attempt it was for). */
type Result = { key: string; load: Load };

/**
 * Patterns in the person's own entries over a chosen span: how days felt, the feelings named most,
 * a calendar of days, and which tags go with lighter or harder days. Worked out by the backend on
 * this computer (`get_insights`); nothing is sent anywhere and there is no export here.
 */
export function Insights() {
  const intl = useIntl();
  const [range, setRange] = useState<RangeKey>('30d');
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<Result | null>(null);
  const key = `${range}:${attempt}`;
  // A new range (or a retry) shows "loading" until its own answer arrives.
  const load: Load = result?.key === key ? result.load : { state: 'loading' };

  useEffect(() => {
    let current = true;
    const { from, to } = rangeDates(range, new Date());
    const requestKey = `${range}:${attempt}`;
    api.getInsights(from, to).then(
      (data) => {
        if (current) setResult({ key: requestKey, load: { state: 'ready', data } });
      },
      () => {
        if (current) setResult({ key: requestKey, load: { state: 'failed' } });
      },
    );
    return () => {
      current = false;
    };
  }, [range, attempt]);

  return (
    <div className="insights" data-testid="insights" aria-busy={load.state === 'loading'}>
      <p className="muted insights__intro">{intl.formatMessage({ id: 'insights.intro' })}</p>
      <Select
        label={intl.formatMessage({ id: 'insights.range' })}
        options={RANGES.map((id) => ({ id, label: intl.formatMessage({ id: RANGE_NAMES[id] }) }))}
        value={range}
        onChange={setRange}
        testId="insights-range"
      />
      {load.state === 'loading' ? (
        <p className="muted" role="status">
          {intl.formatMessage({ id: 'insights.loading' })}
        </p>
      ) : load.state === 'failed' ? (
        <div className="insights__problem">
          <p className="note" role="status">
            {intl.formatMessage({ id: 'insights.loadProblem' })}
          </p>
          <div className="actions">
            <Button onPress={() => setAttempt((n) => n + 1)}>{intl.formatMessage({ id: 'insights.retry' })}</Button>
          </div>
        </div>
      ) : load.data.totalEntries === 0 ? (
        <div data-testid="insights-empty">
          <EmptyState icon={<Sprout size={28} />}>{intl.formatMessage({ id: 'insights.empty' })}</EmptyState>
        </div>
      ) : (
        <>
          <MoodSection days={load.data.days} />
          <FeelingsSection feelings={load.data.topFeelings} />
          <HeatMap from={load.data.from} to={load.data.to} days={load.data.days} />
          <TagSection tags={load.data.tagMoods} />
        </>
      )}
    </div>
  );
}

function TagSection({ tags }: { tags: readonly TagMood[] }) {
  const intl = useIntl();
  return (
    <ChartSection title={intl.formatMessage({ id: 'insights.tags.title' })}>
      {tags.length === 0 ? (
        <p className="muted" data-testid="insights-tags">
          {intl.formatMessage({ id: 'insights.tags.none' })}
        </p>
      ) : (
        <>
          <p className="muted">{intl.formatMessage({ id: 'insights.tags.intro' })}</p>
          <ul className="insights-tags" data-testid="insights-tags">
            {tags.map((t) => (
              <li key={t.tag} data-tone={tagTone(t.difference)}>
                {intl.formatMessage({ id: TAG_SENTENCES[tagTone(t.difference)] }, { tag: t.tag, days: t.days })}
              </li>
            ))}
          </ul>
        </>
      )}
    </ChartSection>
  );
}

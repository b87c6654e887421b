import { useCallback, useEffect, useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { CloudRain, History, NotebookPen, Shirt, Sun } from 'lucide-react';
import * as api from '../../api';
import type { IdentityTimeline as Timeline, IdentityTimelineItem, TriedSummary } from '../../api';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { formatDay, formatTime } from '../journal/format';
import { usePromptText } from '../prompts/usePromptText';
import { useNavigate } from '../shell/navigation';
import { useIdentityWords } from './identityWords';

/** How many items show before "Show more". */
export const ITEMS_PAGE = 50;

/**
 * The identity timeline: what was tried (each name and set, how often, when, and how it felt
 * over time, with a table alternative), then every try-on, moment and reflection, newest first.
 * Opening one goes to the journal's editor.
 */
export function IdentityTimeline({ onTryOn, onReflect }: { onTryOn: () => void; onReflect: () => void }) {
  const intl = useIntl();
  const [timeline, setTimeline] = useState<Timeline | 'loading' | 'problem'>('loading');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    api.identityTimeline().then(
      (loaded) => current && setTimeline(loaded),
      () => current && setTimeline('problem'),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setTimeline('loading');
    setAttempt((a) => a + 1);
  }, []);

  if (timeline === 'loading') {
    return (
      <div className="identity-timeline" data-testid="identity-timeline" aria-busy="true">
        <p className="muted">{intl.formatMessage({ id: 'identitySpace.timeline.loading' })}</p>
      </div>
    );
  }
  if (timeline === 'problem') {
    return (
      <div className="identity-timeline" data-testid="identity-timeline">
        <p role="status" className="note note--notice" data-testid="identity-timeline-problem">
          {intl.formatMessage({ id: 'identitySpace.timeline.problem' })}
        </p>
        <Button onPress={retry} data-testid="identity-timeline-retry">
          {intl.formatMessage({ id: 'identitySpace.timeline.retry' })}
        </Button>
      </div>
    );
  }
  if (timeline.items.length === 0) {
    return (
      <div className="identity-timeline" data-testid="identity-timeline">
        <h2 className="visually-hidden">{intl.formatMessage({ id: 'identitySpace.tab.timeline' })}</h2>
        <div className="identity-timeline__empty" data-testid="identity-timeline-empty">
          <EmptyState icon={<History size={28} />}>{intl.formatMessage({ id: 'identitySpace.timeline.empty' })}</EmptyState>
          <div className="actions">
            <Button variant="primary" icon={<Shirt size={18} />} onPress={onTryOn} data-testid="identity-timeline-tryon">
              {intl.formatMessage({ id: 'identitySpace.timeline.emptyTryOn' })}
            </Button>
            <Button variant="secondary" icon={<NotebookPen size={18} />} onPress={onReflect} data-testid="identity-timeline-reflect">
              {intl.formatMessage({ id: 'identitySpace.timeline.emptyReflect' })}
            </Button>
          </div>
        </div>
      </div>
    );
  }
  return (
    <div className="identity-timeline" data-testid="identity-timeline">
      <Tried tried={timeline.tried} onTryOn={onTryOn} />
      <Items items={timeline.items} />
    </div>
  );
}

function Tried({ tried, onTryOn }: { tried: readonly TriedSummary[]; onTryOn: () => void }) {
  const intl = useIntl();
  const words = useIdentityWords();
  const headingId = useId();
  const [table, setTable] = useState(false);
  const tableId = useId();
  const day = (d: string) => formatDay(intl, d);
  return (
    <section className="identity-timeline__section" aria-labelledby={headingId}>
      <h2 id={headingId} className="identity-section__title">
        {intl.formatMessage({ id: 'identitySpace.tried.title' })}
      </h2>
      {tried.length === 0 ? (
        <p className="muted" data-testid="tried-none">
          {intl.formatMessage({ id: 'identitySpace.tried.none' })}{' '}
          <Button variant="quiet" onPress={onTryOn} data-testid="tried-none-tryon">
            {intl.formatMessage({ id: 'identitySpace.timeline.emptyTryOn' })}
          </Button>
        </p>
      ) : (
        <>
          <ul className="tried-list" data-testid="tried-list">
            {tried.map((item) => {
              const what = words.triedLabel(item.name, item.pronouns);
              return (
                <li key={`${what}|${item.firstDay}`} className="tried-item" data-testid="tried-item">
                  <p className="tried-item__what" dir="auto">
                    {what}
                  </p>
                  <p className="tried-item__when">
                    {intl.formatMessage(
                      { id: 'identitySpace.tried.when' },
                      { times: item.times, first: day(item.firstDay), last: day(item.lastDay), same: item.firstDay === item.lastDay ? 'yes' : 'no' },
                    )}
                  </p>
                  <FeltMarks felt={item.felt} />
                </li>
              );
            })}
          </ul>
          <Button
            variant="quiet"
            onPress={() => setTable(!table)}
            aria-expanded={table}
            aria-controls={table ? tableId : undefined}
            data-testid="tried-table-toggle"
          >
            {intl.formatMessage({ id: table ? 'identitySpace.tried.hideTable' : 'identitySpace.tried.showTable' })}
          </Button>
          {table ? (
            <div className="tried-table__wrap">
              <table id={tableId} className="tried-table" data-testid="tried-table">
                <caption>{intl.formatMessage({ id: 'identitySpace.tried.tableCaption' })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{intl.formatMessage({ id: 'identitySpace.tried.col.what' })}</th>
                    <th scope="col">{intl.formatMessage({ id: 'identitySpace.tried.col.times' })}</th>
                    <th scope="col">{intl.formatMessage({ id: 'identitySpace.tried.col.first' })}</th>
                    <th scope="col">{intl.formatMessage({ id: 'identitySpace.tried.col.last' })}</th>
                    <th scope="col">{intl.formatMessage({ id: 'identitySpace.tried.col.felt' })}</th>
                  </tr>
                </thead>
                <tbody>
                  {tried.map((item) => {
                    const what = words.triedLabel(item.name, item.pronouns);
                    return (
                      <tr key={`${what}|${item.firstDay}`}>
                        <th scope="row" dir="auto">
                          {what}
                        </th>
                        <td>{intl.formatNumber(item.times)}</td>
                        <td>{day(item.firstDay)}</td>
                        <td>{day(item.lastDay)}</td>
                        <td>
                          {item.felt.length > 0
                            ? intl.formatList(item.felt.map((f) => words.feltWord(f)), { type: 'unit' })
                            : intl.formatMessage({ id: 'identitySpace.tried.notNoted' })}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

/** How trying something felt over time: a small mark per answer (its height is the place on the scale), each with its word. */
function FeltMarks({ felt }: { felt: readonly number[] }) {
  const intl = useIntl();
  const words = useIdentityWords();
  const labelId = useId();
  if (felt.length === 0) {
    return <p className="tried-item__felt muted">{intl.formatMessage({ id: 'identitySpace.tried.notNoted' })}</p>;
  }
  const latest = felt[felt.length - 1]!;
  return (
    <div className="felt-marks">
      <span id={labelId} className="felt-marks__label">
        {intl.formatMessage({ id: 'identitySpace.tried.marksLabel' })}
      </span>
      <ol className="felt-marks__list" aria-labelledby={labelId} data-testid="felt-marks">
        {felt.map((value, i) => {
          const word = words.feltWord(value);
          return (
            // Answers have no id of their own: their order is their meaning.
            <li key={i} className="felt-mark" data-felt={value} title={word} data-testid="felt-mark">
              <span className="felt-mark__bar" aria-hidden="true" />
              <span className="visually-hidden">{word}</span>
            </li>
          );
        })}
      </ol>
      <span className="felt-marks__latest">
        {intl.formatMessage({ id: 'identitySpace.tried.latest' }, { felt: words.feltWord(latest).toLocaleLowerCase(intl.locale) })}
      </span>
    </div>
  );
}

function Items({ items }: { items: readonly IdentityTimelineItem[] }) {
  const intl = useIntl();
  const headingId = useId();
  const [shown, setShown] = useState(ITEMS_PAGE);
  return (
    <section className="identity-timeline__section" aria-labelledby={headingId}>
      <h2 id={headingId} className="identity-section__title">
        {intl.formatMessage({ id: 'identitySpace.items.title' })}
      </h2>
      <ul className="identity-items">
        {items.slice(0, shown).map((item) => (
          <li key={item.entryId}>
            <Item item={item} />
          </li>
        ))}
      </ul>
      {items.length > shown ? (
        <Button variant="quiet" onPress={() => setShown(shown + ITEMS_PAGE)} data-testid="identity-items-more">
          {intl.formatMessage({ id: 'identitySpace.items.more' }, { count: items.length - shown })}
        </Button>
      ) : null}
    </section>
  );
}

function Item({ item }: { item: IdentityTimelineItem }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const words = useIdentityWords();
  const promptText = usePromptText();
  const part = item.part;
  const prompt = item.promptId ? promptText(item.promptId) : null;
  const title = item.title?.trim() || null;
  let what: string;
  if (part.kind === 'reflection') what = title ?? prompt ?? words.partText(part);
  else what = words.partText(part);
  const icon =
    part.kind === 'try_on' ? (
      <Shirt size={16} aria-hidden="true" />
    ) : part.kind === 'moment' ? (
      part.moment === 'dysphoria' ? (
        <CloudRain size={16} aria-hidden="true" />
      ) : (
        <Sun size={16} aria-hidden="true" />
      )
    ) : (
      <NotebookPen size={16} aria-hidden="true" />
    );
  const when = intl.formatMessage(
    { id: 'identitySpace.items.when' },
    { date: formatDay(intl, item.day), time: formatTime(intl, item.createdAt) },
  );
  const kind = intl.formatMessage({ id: `identitySpace.items.kind.${part.kind}` as 'identitySpace.items.kind.try_on' });
  const excerpt = item.excerpt.trim();
  return (
    <button
      type="button"
      className="identity-item"
      data-testid="identity-item"
      data-entry-id={item.entryId}
      data-kind={part.kind}
      onClick={() => navigate('journal', { kind: 'edit-entry', id: item.entryId, identity: true })}
    >
      <span className="identity-item__meta">
        <span className="identity-item__kind">
          {icon}
          {kind}
        </span>
        <time dateTime={item.createdAt} className="identity-item__time">
          {when}
        </time>
      </span>
      <span className="identity-item__what" dir="auto">
        {what}
      </span>
      {part.kind === 'reflection' && title && prompt ? (
        <span className="identity-item__prompt" dir="auto">
          {prompt}
        </span>
      ) : null}
      {excerpt ? (
        <span className="identity-item__excerpt" dir="auto">
          {excerpt}
        </span>
      ) : null}
    </button>
  );
}

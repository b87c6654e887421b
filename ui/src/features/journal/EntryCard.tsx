import { useIntl } from 'react-intl';
import { UserRound } from 'lucide-react';
import type { EntrySummary } from '../../api';
import { formatTime, wallClock } from './format';
import { KIND_LABEL, KindIcon } from './kinds';
import { useFeelingName } from '../feelings/useFeelingName';
import { useIdentityWords } from '../identity/identityWords';
import './journal.css';

export type EntryCardProps = {
  entry: EntrySummary;
  onOpen: (id: number) => void;
  /** Defaults to `entry-card`; the timeline uses `timeline-entry`. */
  testId?: string;
  /** Show the date as well as the time (lists that are not grouped by day). */
  showDate?: boolean;
};

/**
 * One entry in a list: kind icon and label, the title (or the start of the text), the local
 * time it was written, tags and feelings. The whole card is one button that opens the entry.
 */
export function EntryCard({ entry, onOpen, testId = 'entry-card', showDate = false }: EntryCardProps) {
  const intl = useIntl();
  const feelingName = useFeelingName();
  const identityWords = useIdentityWords();
  const kind = intl.formatMessage({ id: KIND_LABEL[entry.kind] });
  const time = formatTime(intl, entry.createdAt);
  const when = showDate
    ? intl.formatMessage(
        { id: 'journal.card.dateTime' },
        { date: intl.formatDate(wallClock(entry.createdAt), { day: 'numeric', month: 'short', year: 'numeric' }), time },
      )
    : time;
  const heading = entry.title?.trim() ? entry.title : null;
  // A try-on or a moment without a note still says what it was.
  const excerpt = entry.excerpt.trim() || (entry.identity && entry.identity.kind !== 'reflection' ? identityWords.partText(entry.identity) : '');
  const feelings = entry.feelings.slice(0, 4).map(feelingName);
  return (
    <button
      type="button"
      className="entry-card"
      data-testid={testId}
      data-entry-id={entry.id}
      data-entry-title={heading ?? undefined}
      data-kind={entry.kind}
      data-identity={entry.identity ? entry.identity.kind : undefined}
      onClick={() => onOpen(entry.id)}
    >
      <span className="entry-card__meta">
        <span className="entry-card__kind">
          <KindIcon kind={entry.kind} size={16} />
          {kind}
          {entry.identity ? (
            <span className="entry-card__identity" data-testid="entry-identity-marker">
              <UserRound size={14} aria-hidden="true" />
              {intl.formatMessage({ id: 'identitySpace.journal.marker' })}
            </span>
          ) : null}
        </span>
        <span className="entry-card__time">{when}</span>
      </span>
      {heading ? (
        <span className="entry-card__title" dir="auto">
          {heading}
        </span>
      ) : null}
      {excerpt ? (
        <span className={heading ? 'entry-card__excerpt' : 'entry-card__excerpt entry-card__excerpt--lead'} dir="auto">
          {excerpt}
        </span>
      ) : !heading && feelings.length === 0 ? (
        <span className="entry-card__excerpt entry-card__excerpt--lead">
          {intl.formatMessage({ id: 'journal.card.noText' })}
        </span>
      ) : null}
      {feelings.length > 0 || entry.tags.length > 0 ? (
        <span className="entry-card__chips">
          {feelings.map((name, i) => (
            <span key={`f-${entry.feelings[i]}`} className="entry-chip entry-chip--feeling" dir="auto">
              {name}
            </span>
          ))}
          {entry.tags.map((tag) => (
            <span key={`t-${tag}`} className="entry-chip" dir="auto">
              #{tag}
            </span>
          ))}
        </span>
      ) : null}
    </button>
  );
}

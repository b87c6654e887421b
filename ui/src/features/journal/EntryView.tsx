import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { ArrowLeft, Pencil, Trash2 } from 'lucide-react';
import * as api from '../../api';
import type { Checkin, Entry } from '../../api';
import { Button } from '../../components/Button';
import { ScreenHeading } from '../../components/ScreenHeading';
import type { MessageId } from '../../i18n';
import { SafeMarkdown } from './SafeMarkdown';
import { formatTime, wallClock } from './format';
import { KIND_LABEL, KindIcon } from './kinds';
import { useFeelingName } from '../feelings/useFeelingName';
import { usePromptText } from '../prompts/usePromptText';
import { useSensationName } from './sensationNames';
import { GoalCheckinLink, GoalCheckinTexts } from '../goals/GoalCheckinDetails';
import { IdentityPartLine } from './IdentityPartLine';
import { useIdentityWords } from '../identity/identityWords';

const INTENSITY: Record<number, MessageId> = {
  1: 'journal.entry.intensity.1',
  2: 'journal.entry.intensity.2',
  3: 'journal.entry.intensity.3',
  4: 'journal.entry.intensity.4',
  5: 'journal.entry.intensity.5',
};

/** -1…1 → five words. */
function level(value: number): 'veryLow' | 'low' | 'mid' | 'high' | 'veryHigh' {
  if (value <= -0.6) return 'veryLow';
  if (value <= -0.2) return 'low';
  if (value < 0.2) return 'mid';
  if (value < 0.6) return 'high';
  return 'veryHigh';
}

export function EntryView({
  id,
  onEdit,
  onDelete,
  onBack,
}: {
  id: number;
  onEdit: (id: number) => void;
  onDelete: (entry: Entry) => void;
  onBack: () => void;
}) {
  const intl = useIntl();
  const [entry, setEntry] = useState<Entry | null | 'problem'>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteProblem, setDeleteProblem] = useState(false);
  const promptText = usePromptText();
  const identityWords = useIdentityWords();

  useEffect(() => {
    let current = true;
    api.getEntry(id).then(
      (loaded) => current && setEntry(loaded),
      () => current && setEntry('problem'),
    );
    return () => {
      current = false;
    };
  }, [id]);

  const back = (
    <Button variant="quiet" icon={<ArrowLeft size={18} />} onPress={onBack} data-testid="entry-back">
      {intl.formatMessage({ id: 'journal.back' })}
    </Button>
  );

  if (entry === null) return <div className="entry-view" aria-busy="true" />;
  if (entry === 'problem') {
    return (
      <div className="entry-view" data-testid="entry-view">
        {back}
        <p role="status" className="note note--notice">
          {intl.formatMessage({ id: 'journal.openError' })}
        </p>
      </div>
    );
  }

  const remove = async () => {
    setDeleting(true);
    setDeleteProblem(false);
    try {
      await api.deleteEntry(entry.id);
      onDelete(entry);
    } catch {
      setDeleting(false);
      setDeleteProblem(true);
    }
  };

  const written = wallClock(entry.createdAt);
  const dateText = intl.formatDate(written, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const edited = entry.updatedAt.slice(0, 16) !== entry.createdAt.slice(0, 16);
  const prompt = entry.promptId ? promptText(entry.promptId) : null;
  const hasTitle = Boolean(entry.title?.trim());
  // Without a title, the kind of entry is the heading ("Check-in"); a try-on or a moment says
  // what it was ("Tried River · xe/xem").
  const identityWhat = entry.identity && entry.identity.kind !== 'reflection' ? identityWords.partText(entry.identity) : null;
  const title = hasTitle ? entry.title : (identityWhat ?? intl.formatMessage({ id: KIND_LABEL[entry.kind] }));
  const isCheckin = (entry.kind === 'checkin' || entry.kind === 'goal_checkin') && entry.checkin !== null;
  const goalPart = entry.kind === 'goal_checkin' ? entry.goal : undefined;

  return (
    <article className="entry-view" data-testid="entry-view">
      {back}
      <header className="entry-view__header">
        {hasTitle ? (
          <p className="entry-card__kind">
            <KindIcon kind={entry.kind} size={16} />
            {intl.formatMessage({ id: KIND_LABEL[entry.kind] })}
          </p>
        ) : null}
        <ScreenHeading className="screen-title--writing entry-view__title">
          <span dir="auto">{title}</span>
        </ScreenHeading>
        <p className="muted">
          {intl.formatMessage({ id: 'journal.entry.written' }, { date: dateText, time: formatTime(intl, entry.createdAt) })}
          {edited ? (
            <>
              {' · '}
              {intl.formatMessage(
                { id: 'journal.entry.edited' },
                {
                  date: intl.formatDate(wallClock(entry.updatedAt), { day: 'numeric', month: 'long', year: 'numeric' }),
                  time: formatTime(intl, entry.updatedAt),
                },
              )}
            </>
          ) : null}
        </p>
      </header>
      {prompt ? (
        <figure className="editor__prompt" data-testid="entry-prompt">
          <figcaption className="muted">{intl.formatMessage({ id: 'journal.entry.prompt' })}</figcaption>
          <blockquote dir="auto">{prompt}</blockquote>
        </figure>
      ) : null}
      {entry.identity ? <IdentityPartLine part={entry.identity} testId="entry-identity" showWhat={hasTitle} /> : null}
      {goalPart ? <GoalCheckinLink part={goalPart} /> : null}
      {isCheckin && entry.checkin ? <CheckinDetails checkin={entry.checkin} /> : null}
      {entry.body.trim() ? (
        <SafeMarkdown text={entry.body} testId="entry-body" className="entry-view__body" />
      ) : isCheckin || goalPart || (entry.identity && entry.identity.kind !== 'reflection') ? null : (
        <p className="muted" data-testid="entry-body">
          {intl.formatMessage({ id: 'journal.entry.empty' })}
        </p>
      )}
      {goalPart ? <GoalCheckinTexts part={goalPart} /> : null}
      {entry.tags.length > 0 ? (
        <ul className="entry-tags" aria-label={intl.formatMessage({ id: 'journal.entry.tags' })}>
          {entry.tags.map((tag) => (
            <li key={tag} className="entry-chip" dir="auto">
              #{tag}
            </li>
          ))}
        </ul>
      ) : null}
      {deleteProblem ? (
        <p role="status" className="note note--notice">
          {intl.formatMessage({ id: 'journal.entry.deleteError' })}
        </p>
      ) : null}
      <div className="actions">
        <Button variant="primary" icon={<Pencil size={18} />} onPress={() => onEdit(entry.id)} data-testid="entry-edit">
          {intl.formatMessage({ id: 'journal.entry.edit' })}
        </Button>
        <Button variant="secondary" icon={<Trash2 size={18} />} onPress={() => void remove()} isDisabled={deleting} data-testid="entry-delete">
          {intl.formatMessage({ id: 'journal.entry.delete' })}
        </Button>
      </div>
    </article>
  );
}

function CheckinDetails({ checkin }: { checkin: Checkin }) {
  const intl = useIntl();
  const feelingName = useFeelingName();
  const sensationName = useSensationName();
  const feelings = [...checkin.feelings].sort((a, b) => b.intensity - a.intensity);
  const placed = checkin.pleasantness !== null && checkin.energy !== null;
  return (
    <dl className="checkin-details">
      {feelings.length > 0 ? (
        <>
          <dt>{intl.formatMessage({ id: 'journal.entry.feelings' })}</dt>
          <dd>
            <ul className="entry-tags">
              {feelings.map((f) => (
                <li key={f.feeling} className="entry-chip entry-chip--feeling" dir="auto">
                  {intl.formatMessage(
                    { id: 'journal.entry.feelingWithIntensity' },
                    {
                      feeling: feelingName(f.feeling),
                      intensity: intl.formatMessage({ id: INTENSITY[Math.max(1, Math.min(5, Math.round(f.intensity)))] ?? 'journal.entry.intensity.3' }),
                    },
                  )}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {placed ? (
        <>
          <dt>{intl.formatMessage({ id: 'journal.entry.placement' })}</dt>
          <dd>
            {intl.formatMessage(
              { id: 'journal.entry.placementWords' },
              {
                pleasantness: intl.formatMessage({ id: 'journal.entry.pleasantness' }, { level: level(checkin.pleasantness ?? 0) }),
                energy: intl.formatMessage({ id: 'journal.entry.energy' }, { level: level(checkin.energy ?? 0) }),
              },
            )}
          </dd>
        </>
      ) : null}
      {checkin.sensations.length > 0 ? (
        <>
          <dt>{intl.formatMessage({ id: 'journal.entry.sensations' })}</dt>
          <dd>{checkin.sensations.map(sensationName).join(', ')}</dd>
        </>
      ) : null}
      {checkin.goingOn?.trim() ? (
        <>
          <dt>{intl.formatMessage({ id: 'journal.entry.goingOn' })}</dt>
          <dd dir="auto" className="checkin-details__text">
            {checkin.goingOn}
          </dd>
        </>
      ) : null}
      {checkin.helped?.trim() ? (
        <>
          <dt>{intl.formatMessage({ id: 'journal.entry.helped' })}</dt>
          <dd dir="auto" className="checkin-details__text">
            {checkin.helped}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

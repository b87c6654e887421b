import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { Phone } from 'lucide-react';
import { LiveRegion, useAnnouncement } from '../../components/LiveRegion';
import { ScreenHeading } from '../../components/ScreenHeading';
import type { MessageId } from '../../i18n';
import { CopyButton } from './CopyButton';
import { loadCrisisResources, parseIsoDate, type Catalogues, type CrisisKind, type CrisisResource, type CrisisResources } from './crisisResources';
import { YourPeople } from './YourPeople';
import './help.css';

/** The words before a number: the line's own instruction, or plainly "Call" / "Text". */
function kindLabel(kind: CrisisKind): MessageId {
  if (kind.instruction) return kind.instruction;
  return kind.type === 'text' ? 'help.kind.text' : 'help.kind.call';
}

function safeLoad(messages: Catalogues[number]): CrisisResources | null {
  try {
    return loadCrisisResources([messages]);
  } catch {
    // Checked by unit tests; if it ever failed, Help still shows 911 and the fallback note.
    return null;
  }
}

/**
 * Crisis help. Reachable from every screen, the lock screen and first run included, without
 * unlocking. It never dials, texts or opens anything by itself: numbers are large, selectable
 * text with a Copy button. After unlock (`onOpenSafetyPlan` given) it also lists the people from
 * the safety plan.
 */
export function Help({ onOpenSafetyPlan }: { onOpenSafetyPlan?: () => void }) {
  const intl = useIntl();
  const resources = useMemo(() => safeLoad(intl.messages as Catalogues[number]), [intl.messages]);
  const { announcement, announce } = useAnnouncement();
  const onCopied = (value: string) => announce(intl.formatMessage({ id: 'help.copied' }, { value }), 'info');
  const onCopyFailed = () => announce(intl.formatMessage({ id: 'help.copyFailed' }));

  const reviewed = resources ? parseIsoDate(resources.lastReviewed) : null;

  return (
    <div className="help">
      <ScreenHeading>{intl.formatMessage({ id: 'help.title' })}</ScreenHeading>
      <p className="lead">{intl.formatMessage({ id: 'help.intro' })}</p>
      <p className="help__danger" data-testid="help-danger">
        <strong>{intl.formatMessage({ id: 'help.danger' })}</strong>
      </p>
      <p>{intl.formatMessage({ id: 'help.linesIntro' })}</p>

      {resources?.regions.map((region) => (
        <section key={region.id} className="help__region" aria-labelledby={`help-region-${region.id}`}>
          <h2 id={`help-region-${region.id}`}>{intl.formatMessage({ id: region.nameMessageId })}</h2>
          {region.resources.map((resource) => (
            <ResourceCard key={resource.id} resource={resource} onCopied={onCopied} onCopyFailed={onCopyFailed} />
          ))}
        </section>
      ))}

      <p className="help__elsewhere" data-testid="help-not-us">
        {intl.formatMessage({ id: 'help.notInUs' })}
      </p>
      <p>{intl.formatMessage({ id: 'help.trusted' })}</p>

      {onOpenSafetyPlan ? (
        <YourPeople onOpenSafetyPlan={onOpenSafetyPlan} onCopied={onCopied} onCopyFailed={onCopyFailed} />
      ) : null}

      {reviewed ? (
        <p className="muted help__reviewed">
          <span data-testid="help-last-reviewed">
            {intl.formatMessage(
              { id: 'help.lastReviewed' },
              { date: intl.formatDate(reviewed, { dateStyle: 'long', timeZone: 'UTC' }) },
            )}
          </span>{' '}
          {intl.formatMessage({ id: 'help.numbersChange' })}
        </p>
      ) : null}

      <div className="help__message">
        <LiveRegion announcement={announcement} testId="help-message" />
      </div>
    </div>
  );
}

function ResourceCard({
  resource,
  onCopied,
  onCopyFailed,
}: {
  resource: CrisisResource;
  onCopied: (value: string) => void;
  onCopyFailed: () => void;
}) {
  const intl = useIntl();
  const headingId = `help-resource-${resource.id}-name`;
  return (
    <section className="card help-resource" aria-labelledby={headingId} data-testid={`help-resource-${resource.id}`}>
      <h3 id={headingId} className="card__title">
        <Phone size={20} aria-hidden="true" /> {resource.name}
      </h3>
      <p>{intl.formatMessage({ id: resource.forMessageId })}</p>
      <ul className="help-numbers">
        {resource.kinds.map((kind, index) => (
          <li key={index} className="help-number">
            <span className="help-number__how">{intl.formatMessage({ id: kindLabel(kind) })}</span>
            <span className="help-number__value">{kind.value}</span>
            <CopyButton
              value={kind.value}
              onCopied={onCopied}
              onFailed={onCopyFailed}
              testId={`help-copy-${resource.id}-${index}`}
            />
          </li>
        ))}
      </ul>
      {resource.hoursMessageId ? <p className="muted help-resource__hours">{intl.formatMessage({ id: resource.hoursMessageId })}</p> : null}
    </section>
  );
}

import { useIntl } from 'react-intl';
import { Phone } from 'lucide-react';
import { ScreenHeading } from '../../components/ScreenHeading';

/**
 * Crisis help. Reachable from every screen, the lock screen included, without unlocking.
 * For now: 911 and the US 988 Lifeline; more lines are added by the help issue.
 */
export function Help() {
  const intl = useIntl();
  return (
    <div className="help">
      <ScreenHeading>{intl.formatMessage({ id: 'help.title' })}</ScreenHeading>
      <p className="lead">{intl.formatMessage({ id: 'help.intro' })}</p>
      <p className="help__danger" data-testid="help-danger">
        <strong>{intl.formatMessage({ id: 'help.danger' })}</strong>
      </p>
      <section className="card" aria-labelledby="help-988">
        <h2 id="help-988" className="card__title">
          <Phone size={20} aria-hidden="true" /> {intl.formatMessage({ id: 'help.988.title' })}
        </h2>
        <p>{intl.formatMessage({ id: 'help.988.body' })}</p>
      </section>
      <p>{intl.formatMessage({ id: 'help.trusted' })}</p>
      <p className="muted">{intl.formatMessage({ id: 'help.more' })}</p>
    </div>
  );
}

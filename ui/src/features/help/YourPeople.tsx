import { useIntl } from 'react-intl';
import { ClipboardList } from 'lucide-react';
import type { SafetyContact } from '../../api';
import { Button } from '../../components/Button';
import { sectionTitle, type ContactKey } from '../safety/plan';
import { useSafetyPlan } from '../safety/SafetyPlanContext';
import { CopyButton } from './CopyButton';

const GROUPS: readonly ContactKey[] = ['peopleToAsk', 'professionals'];

/**
 * "Your people": the people and professionals from the safety plan, with their numbers ready to
 * copy. Only after unlock (it reads the decrypted plan), never on the lock screen.
 */
export function YourPeople({
  onOpenSafetyPlan,
  onCopied,
  onCopyFailed,
}: {
  onOpenSafetyPlan: () => void;
  onCopied: (value: string) => void;
  onCopyFailed: () => void;
}) {
  const intl = useIntl();
  const { saved, loadFailed } = useSafetyPlan();
  const total = saved ? saved.peopleToAsk.length + saved.professionals.length : 0;

  let body;
  if (loadFailed) {
    body = <p>{intl.formatMessage({ id: 'help.people.loadFailed' })}</p>;
  } else if (!saved) {
    body = (
      <p className="muted" aria-busy="true">
        {intl.formatMessage({ id: 'safety.loading' })}
      </p>
    );
  } else if (total === 0) {
    body = <p>{intl.formatMessage({ id: 'help.people.empty' })}</p>;
  } else {
    body = GROUPS.map((group) =>
      saved[group].length > 0 ? (
        <div key={group} className="help-people__group">
          <h3 className="help-people__title">{intl.formatMessage({ id: sectionTitle(group) })}</h3>
          <ul className="help-people">
            {saved[group].map((person, index) => (
              <Person
                key={index}
                person={person}
                testId={`help-person-${group}-${index}`}
                copyTestId={`help-copy-${group}-${index}`}
                onCopied={onCopied}
                onCopyFailed={onCopyFailed}
              />
            ))}
          </ul>
        </div>
      ) : null,
    );
  }

  return (
    <section className="help__people" aria-labelledby="help-your-people-heading" data-testid="help-your-people">
      <h2 id="help-your-people-heading">{intl.formatMessage({ id: 'help.people.title' })}</h2>
      <p className="muted">{intl.formatMessage({ id: 'help.people.intro' })}</p>
      {body}
      <div className="actions">
        <Button variant="secondary" icon={<ClipboardList size={20} />} onPress={onOpenSafetyPlan} data-testid="help-open-safety-plan">
          {intl.formatMessage({ id: 'help.people.open' })}
        </Button>
      </div>
    </section>
  );
}

function Person({
  person,
  testId,
  copyTestId,
  onCopied,
  onCopyFailed,
}: {
  person: SafetyContact;
  testId: string;
  copyTestId: string;
  onCopied: (value: string) => void;
  onCopyFailed: () => void;
}) {
  const name = person.name.trim();
  return (
    <li className="card help-person" data-testid={testId}>
      {name ? <p className="help-person__name">{name}</p> : null}
      {person.phone ? (
        <p className="help-number">
          <span className="help-number__value">{person.phone}</span>
          <CopyButton
            value={person.phone}
            context={name ? `${name}, ${person.phone}` : person.phone}
            onCopied={onCopied}
            onFailed={onCopyFailed}
            testId={copyTestId}
          />
        </p>
      ) : null}
      {person.note ? <p className="muted help-person__note">{person.note}</p> : null}
    </li>
  );
}

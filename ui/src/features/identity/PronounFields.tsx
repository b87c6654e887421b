import { ToggleButton } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { TextField } from '../../components/TextField';
import type { MessageId } from '../../i18n';
import { pronounSet } from './pronouns';

const CHOICES: readonly MessageId[] = [
  'profile.pronouns.she',
  'profile.pronouns.he',
  'profile.pronouns.they',
  'profile.pronouns.any',
];

/**
 * Pronouns as a few common choices plus free text. A choice fills the text field; anything can
 * be typed instead. A short sentence shows how the choice reads.
 */
export function PronounFields({
  name,
  pronouns,
  onChange,
  testId,
}: {
  name: string;
  pronouns: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  const intl = useIntl();
  const trimmed = pronouns.trim();
  const set = pronounSet(trimmed);
  const preview = !trimmed
    ? null
    : name.trim()
      ? intl.formatMessage({ id: 'profile.pronouns.preview' }, { set, name: name.trim() })
      : intl.formatMessage({ id: 'profile.pronouns.previewNoName' }, { set });

  return (
    <div className="field-group">
      <TextField
        label={intl.formatMessage({ id: 'profile.pronouns' })}
        description={intl.formatMessage({ id: 'profile.pronouns.help' })}
        value={pronouns}
        onChange={onChange}
        autoComplete="off"
        maxLength={60}
        testId={testId}
      />
      <div role="group" aria-label={intl.formatMessage({ id: 'profile.pronouns.choices' })} className="chips">
        {CHOICES.map((id) => {
          const label = intl.formatMessage({ id });
          return (
            <ToggleButton
              key={id}
              className="chip"
              isSelected={trimmed === label}
              onChange={(selected) => onChange(selected ? label : '')}
              data-testid={`${testId}-choice-${id.split('.').pop() ?? ''}`}
            >
              {label}
            </ToggleButton>
          );
        })}
      </div>
      {preview ? (
        <p className="preview" data-testid={`${testId}-preview`}>
          {preview}
        </p>
      ) : null}
    </div>
  );
}

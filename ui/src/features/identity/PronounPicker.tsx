import { useId } from 'react';
import { useIntl } from 'react-intl';
import type { PronounSet } from '../../api';
import { TextField } from '../../components/TextField';
import type { MessageId } from '../../i18n';
import { ChoiceChips, type Choice } from './ChoiceChips';
import { BUILT_IN_IDS, builtInSet, completeSet, isBuiltIn, shortLabel, type BuiltInPronounId } from './grammar';
import './identity.css';

type ChoiceId = BuiltInPronounId | 'custom';

const FORM_KEYS = ['subject', 'object', 'determiner', 'possessive', 'reflexive'] as const;
type FormKey = (typeof FORM_KEYS)[number];

export const EMPTY_CUSTOM: PronounSet = {
  id: 'custom',
  subject: '',
  object: '',
  determiner: '',
  possessive: '',
  reflexive: '',
  pluralVerbs: false,
};

/** The label of a built-in choice: its forms ("xe/xem"), or a message for any / name only. */
function choiceLabel(id: ChoiceId, message: (id: MessageId) => string): string {
  if (id === 'any') return message('identity.pronouns.any');
  if (id === 'name_only') return message('identity.pronouns.name_only');
  if (id === 'custom') return message('identity.pronouns.custom');
  return shortLabel(builtInSet(id)) ?? id;
}

/**
 * A pronoun set: the built-in sets as chips, "any pronouns", "no pronouns — use my name" and
 * "my own" (five forms, each with an example and the fallback used if left blank, plus verb
 * agreement). With they/them the person picks "themself" or "themselves". Choosing nothing is
 * fine: pressing the chosen chip again clears it.
 */
export function PronounPicker({
  label,
  value,
  onChange,
  testId,
  description,
}: {
  label: string;
  value: PronounSet | null;
  onChange: (v: PronounSet | null) => void;
  testId: string;
  description?: string;
}) {
  const intl = useIntl();
  const message = (id: MessageId, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const selected: ChoiceId | null = value ? (isBuiltIn(value.id) ? value.id : 'custom') : null;
  const choices: Choice<ChoiceId>[] = [...BUILT_IN_IDS, 'custom' as const].map((id) => ({
    id,
    label: choiceLabel(id, message),
  }));

  const choose = (id: ChoiceId | null) => {
    if (id === null) onChange(null);
    else if (id === 'custom') onChange(value?.id === 'custom' ? value : { ...EMPTY_CUSTOM });
    else onChange(builtInSet(id, { themselves: value?.reflexive === 'themselves' }));
  };

  return (
    <div className="pronoun-picker">
      <ChoiceChips
        label={label}
        description={description ?? message('identity.picker.description')}
        choices={choices}
        value={selected}
        onChange={choose}
        testId={testId}
      />
      {value && value.id === 'they' ? (
        <ChoiceChips
          label={message('identity.picker.themLabel')}
          choices={[
            { id: 'themself', label: message('identity.picker.themself'), testId: `${testId}-they-reflexive-themself` },
            {
              id: 'themselves',
              label: message('identity.picker.themselves'),
              testId: `${testId}-they-reflexive-themselves`,
            },
          ]}
          value={value.reflexive === 'themselves' ? 'themselves' : 'themself'}
          onChange={(next) => onChange(builtInSet('they', { themselves: next === 'themselves' }))}
          testId={`${testId}-they-reflexive`}
        />
      ) : null}
      {value && selected === 'custom' ? <CustomForms value={value} onChange={onChange} testId={testId} /> : null}
    </div>
  );
}

function CustomForms({
  value,
  onChange,
  testId,
}: {
  value: PronounSet;
  onChange: (v: PronounSet) => void;
  testId: string;
}) {
  const intl = useIntl();
  const headingId = useId();
  const full = completeSet(value);
  const noSubject = !value.subject.trim();
  const set = (key: FormKey, text: string) => onChange({ ...value, [key]: text });
  const subjectWord = value.subject.trim() || intl.formatMessage({ id: 'identity.picker.custom.subjectPlaceholder' });
  return (
    <fieldset className="pronoun-custom" aria-labelledby={headingId} data-testid={`${testId}-custom`}>
      <legend id={headingId} className="pronoun-custom__heading">
        {intl.formatMessage({ id: 'identity.picker.custom.heading' })}
      </legend>
      <p className="muted">{intl.formatMessage({ id: 'identity.picker.custom.help' })}</p>
      {FORM_KEYS.map((key) => {
        const blank = !value[key].trim();
        // The note about a blank: without a subject the whole set is read as "use my name";
        // otherwise each blank form shows the one we will use instead.
        const fallback =
          key === 'subject'
            ? blank
              ? intl.formatMessage({ id: 'identity.picker.custom.noSubject' })
              : null
            : blank && !noSubject
              ? intl.formatMessage({ id: 'identity.picker.custom.fallback' }, { form: full[key] })
              : null;
        return (
          <TextField
            key={key}
            label={intl.formatMessage({ id: `identity.picker.custom.${key}` as MessageId })}
            description={
              <>
                {intl.formatMessage({ id: `identity.picker.custom.${key}.frame` as MessageId })}
                {fallback ? (
                  <>
                    {' '}
                    <span data-testid={`${testId}-custom-${key}-fallback`}>{fallback}</span>
                  </>
                ) : null}
              </>
            }
            value={value[key]}
            onChange={(text) => set(key, text)}
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            testId={`${testId}-custom-${key}`}
          />
        );
      })}
      <ChoiceChips
        label={intl.formatMessage({ id: 'identity.picker.custom.agree' })}
        choices={[
          {
            id: 'singular',
            label: intl.formatMessage({ id: 'identity.picker.custom.agreeSingular' }, { subj: subjectWord }),
          },
          {
            id: 'plural',
            label: intl.formatMessage({ id: 'identity.picker.custom.agreePlural' }, { subj: subjectWord }),
          },
        ]}
        value={value.pluralVerbs ? 'plural' : 'singular'}
        onChange={(next) => onChange({ ...value, pluralVerbs: next === 'plural' })}
        testId={`${testId}-custom-agree`}
      />
    </fieldset>
  );
}

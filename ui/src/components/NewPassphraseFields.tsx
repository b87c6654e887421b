import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from '../i18n';
import { PassphraseField } from './PassphraseField';
import { assessPassphrase, type Strength } from './strength';

/** The strength of `value`, or `null` while it is being worked out. */
export function usePassphraseStrength(value: string, userInputs: readonly string[]): Strength | null {
  const inputsKey = userInputs.join('\u0000');
  const [result, setResult] = useState<{ value: string; inputsKey: string; strength: Strength } | null>(null);
  useEffect(() => {
    let current = true;
    void assessPassphrase(value, inputsKey ? inputsKey.split('\u0000') : []).then((strength) => {
      if (current) setResult({ value, inputsKey, strength });
    });
    return () => {
      current = false;
    };
  }, [value, inputsKey]);
  if (value === '') return { kind: 'empty' };
  return result && result.value === value && result.inputsKey === inputsKey ? result.strength : null;
}

export type PassphraseProblem = { id: MessageId; values?: Record<string, number> };

/** Why a new passphrase can't be used yet, in words; `null` when it's fine. */
export async function checkNewPassphrase(
  passphrase: string,
  confirmation: string,
  userInputs: readonly string[] = [],
): Promise<PassphraseProblem | null> {
  const strength = await assessPassphrase(passphrase, [...userInputs]);
  if (strength.kind === 'empty') return { id: 'passphrase.empty' };
  if (strength.kind === 'tooShort') return { id: 'strength.tooShort', values: { count: strength.missing } };
  if (!strength.acceptable) return { id: 'strength.tooWeak' };
  if (passphrase !== confirmation) return { id: 'passphrase.mismatch' };
  return null;
}

function StrengthDescription({ strength }: { strength: Strength | null }) {
  const intl = useIntl();
  if (strength === null) return <span>{intl.formatMessage({ id: 'strength.checking' })}</span>;
  if (strength.kind === 'empty') return <span>{intl.formatMessage({ id: 'strength.idea' })}</span>;
  if (strength.kind === 'tooShort') {
    return (
      <span className="strength" data-score="short">
        <span className="strength__bar" aria-hidden="true">
          <span className="strength__fill" />
        </span>
        <span>{intl.formatMessage({ id: 'strength.tooShort' }, { count: strength.missing })}</span>
      </span>
    );
  }
  const word = intl.formatMessage({ id: 'strength.score' }, { score: strength.word });
  const advice: MessageId = !strength.acceptable
    ? 'strength.tooWeak'
    : strength.score === 1
      ? 'strength.advice.weak'
      : strength.score === 2
        ? 'strength.advice.okay'
        : 'strength.advice.strong';
  return (
    <span className="strength" data-score={strength.score}>
      <span className="strength__bar" aria-hidden="true">
        <span className="strength__fill" />
      </span>
      <span className="strength__word" data-testid="strength-word">
        {intl.formatMessage({ id: 'strength.label' }, { word })}
      </span>{' '}
      {strength.warning && strength.score < 3 ? <span>{intl.formatMessage({ id: strength.warning })} </span> : null}
      <span>{intl.formatMessage({ id: advice })}</span>
    </span>
  );
}

export type NewPassphraseFieldsProps = {
  passphrase: string;
  confirmation: string;
  onPassphraseChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
  label: string;
  confirmLabel: string;
  testId: string;
  confirmTestId: string;
  /** Words the person is likely to use (their name), so the meter can warn about them. */
  userInputs?: readonly string[];
  isDisabled?: boolean;
};

/** New passphrase + confirmation, with a strength meter that speaks in words. */
export function NewPassphraseFields({
  passphrase,
  confirmation,
  onPassphraseChange,
  onConfirmationChange,
  label,
  confirmLabel,
  testId,
  confirmTestId,
  userInputs = [],
  isDisabled,
}: NewPassphraseFieldsProps) {
  const strength = usePassphraseStrength(passphrase, userInputs);
  return (
    <div className="field-group">
      <PassphraseField
        label={label}
        value={passphrase}
        onChange={onPassphraseChange}
        autoComplete="new-password"
        testId={testId}
        isDisabled={isDisabled}
        description={<StrengthDescription strength={strength} />}
      />
      <PassphraseField
        label={confirmLabel}
        value={confirmation}
        onChange={onConfirmationChange}
        autoComplete="new-password"
        testId={confirmTestId}
        isDisabled={isDisabled}
      />
    </div>
  );
}

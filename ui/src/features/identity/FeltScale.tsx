import { useIntl } from 'react-intl';
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { Button } from '../../components/Button';
import { FELT_VALUES, feltWord, type Felt } from './identityWords';

export type FeltScaleProps = {
  label: string;
  description?: string;
  value: Felt | null;
  onChange: (value: Felt | null) => void;
  /** On the group; each choice is `${testId}-${value}` (value -2 … 2), the clear button `${testId}-clear`. */
  testId: string;
};

/**
 * "How did that feel?": five words from "really not me" to "euphoric", as a radio group (arrow
 * keys move, every choice is a word, never only a colour or a face). Nothing chosen is fine, and
 * an answer can be taken back.
 */
export function FeltScale({ label, description, value, onChange, testId }: FeltScaleProps) {
  const intl = useIntl();
  return (
    <div className="felt-scale__wrap">
      <RadioGroup
        className="felt-scale"
        orientation="horizontal"
        value={value === null ? null : String(value)}
        onChange={(next) => onChange(Number(next) as Felt)}
        data-testid={testId}
      >
        <Label className="field__label">{label}</Label>
        {description ? (
          <Text slot="description" className="field__description">
            {description}
          </Text>
        ) : null}
        <div className="felt-scale__choices">
          {FELT_VALUES.map((felt) => (
            <Radio
              key={felt}
              value={String(felt)}
              className="felt-scale__choice"
              data-felt={felt}
              data-testid={`${testId}-${felt}`}
            >
              <span className="felt-scale__dot" aria-hidden="true" />
              <span className="felt-scale__word">{feltWord(intl, felt)}</span>
            </Radio>
          ))}
        </div>
      </RadioGroup>
      {value !== null ? (
        <Button variant="quiet" className="felt-scale__clear" onPress={() => onChange(null)} data-testid={`${testId}-clear`}>
          {intl.formatMessage({ id: 'identitySpace.felt.clear' })}
        </Button>
      ) : null}
    </div>
  );
}

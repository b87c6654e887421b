import type { ReactNode } from 'react';
import { DateInput, DateSegment, Label, Text, TimeField } from 'react-aria-components';
import { Time } from '@internationalized/date';
import { isTime } from './model';

function toTime(text: string | null): Time | null {
  if (!isTime(text)) return null;
  return new Time(Number(text.slice(0, 2)), Number(text.slice(3, 5)));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A time of day typed segment by segment (hour, minute), as `HH:MM` (24-hour). */
export function TimeInput({
  label,
  value,
  onChange,
  description,
  isDisabled,
  testId,
}: {
  label: ReactNode;
  value: string | null;
  onChange: (value: string | null) => void;
  description?: ReactNode;
  isDisabled?: boolean;
  testId?: string;
}) {
  return (
    <TimeField
      className="field time-field"
      value={toTime(value)}
      onChange={(time) => onChange(time ? `${pad(time.hour)}:${pad(time.minute)}` : null)}
      isDisabled={isDisabled}
      data-testid={testId}
    >
      <Label className="field__label">{label}</Label>
      <DateInput className="field__input date-input">
        {(segment) => <DateSegment segment={segment} className="date-input__segment" />}
      </DateInput>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
    </TimeField>
  );
}

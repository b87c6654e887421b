import type { ReactNode } from 'react';
import { Radio } from 'react-aria-components';

/**
 * One choice in a `RadioGroup` shown as a card: a dot, a bold label and a hint under it (how an
 * export is written, how a share is given). Put them in a group with the `radio-cards` class.
 */
export function RadioCard({ value, label, hint, testId }: { value: string; label: ReactNode; hint: ReactNode; testId?: string }) {
  return (
    <Radio value={value} className="radio-card" data-testid={testId}>
      <span className="radio-card__dot" aria-hidden="true" />
      <span className="radio-card__text">
        <span className="radio-card__label">{label}</span>
        <span className="radio-card__hint">{hint}</span>
      </span>
    </Radio>
  );
}

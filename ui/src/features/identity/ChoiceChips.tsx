import type { ReactNode } from 'react';
import { useId } from 'react';
import { ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';

export type Choice<K extends string> = { id: K; label: ReactNode; testId?: string };

/**
 * One choice out of a few, shown as chips (a radio group: arrow keys move, Space/Enter picks).
 * Pressing the chosen chip again clears the choice, so the question can always be skipped.
 */
export function ChoiceChips<K extends string>({
  label,
  description,
  choices,
  value,
  onChange,
  testId,
}: {
  label: ReactNode;
  description?: ReactNode;
  choices: readonly Choice<K>[];
  value: K | null;
  onChange: (value: K | null) => void;
  testId: string;
}) {
  const labelId = useId();
  const descriptionId = useId();
  return (
    <div className="choice-chips" data-testid={testId}>
      <span id={labelId} className="field__label">
        {label}
      </span>
      {description ? (
        <p id={descriptionId} className="field__description">
          {description}
        </p>
      ) : null}
      <ToggleButtonGroup
        aria-labelledby={labelId}
        aria-describedby={description ? descriptionId : undefined}
        selectionMode="single"
        selectedKeys={value ? [value] : []}
        onSelectionChange={(keys: Set<Key>) => {
          const next = [...keys][0];
          onChange(next == null ? null : (String(next) as K));
        }}
        className="chips choice-chips__list"
      >
        {choices.map((choice) => (
          <ToggleButton
            key={choice.id}
            id={choice.id}
            className="chip"
            data-testid={choice.testId ?? `${testId}-choice-${choice.id}`}
          >
            {choice.label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </div>
  );
}

import type { ReactNode } from 'react';
import { Checkbox } from 'react-aria-components';
import { Check } from 'lucide-react';

/** One thing to pick: a checkbox whose whole label (what it is, its day) is the click target. */
export function PickBox({
  isSelected,
  onChange,
  isDisabled,
  describedBy,
  testId,
  children,
}: {
  isSelected: boolean;
  onChange: (on: boolean) => void;
  isDisabled?: boolean;
  describedBy?: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Checkbox
      className="share-pick"
      isSelected={isSelected}
      onChange={onChange}
      isDisabled={isDisabled}
      aria-describedby={describedBy}
      data-testid={testId}
    >
      <span className="share-pick__box" aria-hidden="true">
        <Check size={16} strokeWidth={3} />
      </span>
      <span className="share-pick__text">{children}</span>
    </Checkbox>
  );
}

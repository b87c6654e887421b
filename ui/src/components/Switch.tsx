import type { ReactNode } from 'react';
import { Switch as AriaSwitch } from 'react-aria-components';

export type SwitchProps = {
  children: ReactNode;
  isSelected: boolean;
  onChange: (isSelected: boolean) => void;
  isDisabled?: boolean;
  /** Id of a visible line that explains the switch (read after its name). */
  describedBy?: string;
  testId?: string;
};

/** An on/off switch; the label is always visible text. */
export function Switch({ children, isSelected, onChange, isDisabled, describedBy, testId }: SwitchProps) {
  return (
    <AriaSwitch
      className="switch"
      isSelected={isSelected}
      onChange={onChange}
      isDisabled={isDisabled}
      aria-describedby={describedBy}
      data-testid={testId}
    >
      <span className="switch__track" aria-hidden="true">
        <span className="switch__thumb" />
      </span>
      <span className="switch__label">{children}</span>
    </AriaSwitch>
  );
}

import type { ReactNode } from 'react';
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import { cx } from './classNames';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet';

export type ButtonProps = Omit<AriaButtonProps, 'className' | 'children'> & {
  variant?: ButtonVariant;
  className?: string;
  /** A decorative icon shown before the label (hidden from screen readers). */
  icon?: ReactNode;
  children: ReactNode;
  'data-testid'?: string;
};

/** A button with a visible label; `icon` is always decoration beside text, never instead of it. */
export function Button({ variant = 'secondary', className, icon, children, ...props }: ButtonProps) {
  return (
    <AriaButton {...props} className={cx('button', `button--${variant}`, className)}>
      {icon ? (
        <span className="button__icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      <span className="button__label">{children}</span>
    </AriaButton>
  );
}

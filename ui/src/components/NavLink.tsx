import type { ReactNode } from 'react';
import { Link } from 'react-aria-components';

export type NavLinkProps = {
  icon: ReactNode;
  children: ReactNode;
  isCurrent: boolean;
  onPress: () => void;
  testId: string;
};

/** A sidebar item: icon plus visible text; the current one is marked with aria-current="page". */
export function NavLink({ icon, children, isCurrent, onPress, testId }: NavLinkProps) {
  return (
    <Link
      className="nav-link"
      onPress={onPress}
      aria-current={isCurrent ? 'page' : undefined}
      data-testid={testId}
    >
      <span className="nav-link__icon" aria-hidden="true">
        {icon}
      </span>
      <span className="nav-link__label">{children}</span>
    </Link>
  );
}

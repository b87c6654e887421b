import { useEffect, useRef, type ReactNode } from 'react';
import { cx } from './classNames';

/**
 * The one <h1> of a screen. It takes focus when the screen appears so keyboard and
 * screen-reader users land at the top of what just changed.
 */
export function ScreenHeading({ children, className, id }: { children: ReactNode; className?: string; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className={cx('screen-title', className)}>
      {children}
    </h1>
  );
}

import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { cx } from './classNames';

/**
 * The one <h1> of a screen. It takes focus when the screen appears so keyboard and
 * screen-reader users land at the top of what just changed.
 */
export function ScreenHeading({ children, className, id }: { children: ReactNode; className?: string; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // In the same commit that shows the screen (areas arrive in a transition once their code has
  // loaded, and a transition's ordinary effects may run a moment later). Screens that move focus
  // further (a new entry's writing, a search field) do so in their effects, which run after this.
  useLayoutEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className={cx('screen-title', className)}>
      {children}
    </h1>
  );
}

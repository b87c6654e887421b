import { useId, useState, type ReactNode } from 'react';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { Button } from '../../components/Button';
import { cx } from '../../components/classNames';

export type CollapsibleProps = {
  title: ReactNode;
  children: ReactNode;
  defaultOpen?: boolean;
  /** `h2` for sections of a screen, `h3` inside one. */
  level?: 2 | 3;
  className?: string;
  testId?: string;
};

/**
 * A section whose content can be folded away: its heading is a button that says whether it is
 * open (aria-expanded) and which part it shows (aria-controls).
 */
export function Collapsible({ title, children, defaultOpen = false, level = 2, className, testId }: CollapsibleProps) {
  const [open, setOpen] = useState(defaultOpen);
  const panelId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={cx('collapsible', className)} data-testid={testId} data-open={open || undefined}>
      <Heading className="collapsible__heading">
        <Button
          variant="quiet"
          className="collapsible__toggle"
          icon={open ? <ChevronDown size={18} /> : <ChevronRight size={18} />}
          aria-expanded={open}
          aria-controls={panelId}
          onPress={() => setOpen(!open)}
          data-testid={testId ? `${testId}-toggle` : undefined}
        >
          {title}
        </Button>
      </Heading>
      <div id={panelId} className="collapsible__panel" hidden={!open}>
        {open ? children : null}
      </div>
    </section>
  );
}

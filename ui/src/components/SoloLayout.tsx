import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { CrisisHelpButton } from './CrisisHelpButton';

/**
 * The calm single-column layout for screens outside the unlocked shell (lock screen, first run).
 * Help stays one click away in the top bar.
 */
export function SoloLayout({
  testId,
  onHelp,
  children,
  showWordmark = true,
}: {
  testId: string;
  onHelp: () => void;
  children: ReactNode;
  /** Off where the screen's own heading already says "Cove" (the lock screen). */
  showWordmark?: boolean;
}) {
  const intl = useIntl();
  return (
    <div className="solo">
      <header className="solo__bar">
        <span className="wordmark" aria-hidden="true">
          {showWordmark ? intl.formatMessage({ id: 'app.name' }) : null}
        </span>
        <CrisisHelpButton onPress={onHelp} />
      </header>
      <main className="solo__main" data-testid={testId}>
        <div className="solo__column">{children}</div>
      </main>
    </div>
  );
}

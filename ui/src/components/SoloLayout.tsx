import type { ReactNode } from 'react';
import { useApp } from '../app/AppContext';
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
  /** Off where the screen's own heading already shows the app's name (the lock screen). */
  showWordmark?: boolean;
}) {
  const { appName } = useApp();
  return (
    <div className="solo">
      <header className="solo__bar">
        <span className="wordmark" aria-hidden="true" data-testid="solo-wordmark">
          {showWordmark ? appName : null}
        </span>
        <CrisisHelpButton onPress={onHelp} />
      </header>
      <main className="solo__main" data-testid={testId}>
        <div className="solo__column">{children}</div>
      </main>
    </div>
  );
}

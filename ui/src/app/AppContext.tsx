import { createContext, useContext } from 'react';
import type { AppStatus, Prefs } from '../api';
import type { AppLocale } from '../i18n';

/**
 * What every screen may know while locked or unlocked: the non-secret app status and prefs.
 * Nothing decrypted lives here — that belongs to the session subtree (features/shell/Session).
 */
export type AppContextValue = {
  status: AppStatus;
  locale: AppLocale;
  /** The app's name as the person chose it in Settings ("Cove" unless renamed). */
  appName: string;
  /** Saves prefs and applies them live; on failure restores the old ones and rethrows. */
  updatePrefs: (patch: Partial<Prefs>) => Promise<void>;
  /** Re-reads app_status (e.g. after setting or removing a PIN). */
  refreshStatus: () => Promise<AppStatus | null>;
  /** Locks now: discards the unlocked UI at once, then tells the backend. */
  lockNow: () => void;
  /**
   * After a restore (the backend leaves the restored journal open): re-reads the status, opens a
   * fresh session (nothing decrypted from the old journal survives) and shows a calm
   * confirmation. `replaced` is false on first run, when there was no journal before.
   */
  openRestoredJournal: (options: { replaced: boolean }) => void;
};

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp must be used inside <App>');
  return value;
}

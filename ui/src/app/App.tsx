import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { FormattedMessage, IntlProvider } from 'react-intl';
import { I18nProvider } from 'react-aria-components';
import * as api from '../api';
import type { AppStatus, Mode, Prefs } from '../api';
import { CATALOGUES, resolveLocale, systemLanguage } from '../i18n';
import { appDisplayName, applyAppearance, DEFAULT_PREFS } from '../theme/appearance';
import { Button } from '../components/Button';
import { AppContext, useApp, type AppContextValue } from './AppContext';
import { flushPendingSaves } from './pendingSaves';
import { Onboarding } from '../features/onboarding/Onboarding';
import { LockScreen } from '../features/lock/LockScreen';
import { Session } from '../features/shell/Session';
import { RestoredNotice } from '../features/backup/RestoredNotice';

type Phase = 'loading' | 'onboarding' | 'locked' | 'unlocked';

function phaseFor(status: AppStatus): Phase {
  if (!status.vaultExists) return 'onboarding';
  return status.unlocked ? 'unlocked' : 'locked';
}

const NO_STATUS: AppStatus = {
  vaultExists: false,
  unlocked: false,
  pinEnabled: false,
  prefs: DEFAULT_PREFS,
};

/**
 * The root: reads app_status, applies prefs (theme, language, text size) and decides between
 * first run, the lock screen and the unlocked session. It also sets document.title to the
 * app's display name.
 *
 * Security invariant: everything decrypted lives inside <Session>, which is keyed by a counter
 * that changes on every unlock. Locking switches the phase, so React unmounts the whole session
 * subtree and its state (profile, caches) is gone. Nothing decrypted is kept in module
 * variables or web storage.
 */
export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [phase, setPhase] = useState<Phase>('loading');
  const [startFailed, setStartFailed] = useState(false);
  const [sessionKey, setSessionKey] = useState(0);
  // The confirmation shown over the journal a restore just opened (`replaced`: there was one before).
  const [restored, setRestored] = useState<{ replaced: boolean } | null>(null);

  const [startAttempt, setStartAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    api.appStatus().then(
      (next) => {
        if (!current) return;
        setStatus(next);
        setPhase(phaseFor(next));
      },
      () => {
        if (current) setStartFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [startAttempt]);

  const retryStart = useCallback(() => {
    setStartFailed(false);
    setStartAttempt((n) => n + 1);
  }, []);

  const refreshStatus = useCallback(async () => {
    try {
      const next = await api.appStatus();
      setStatus(next);
      return next;
    } catch {
      return null;
    }
  }, []);

  const prefs = status?.prefs ?? DEFAULT_PREFS;
  const locale = resolveLocale(prefs.language, systemLanguage());
  const appName = appDisplayName(prefs, CATALOGUES[locale]['app.name']);

  // The window title itself is set by the backend; the document title follows the chosen name.
  useEffect(() => {
    document.title = appName;
  }, [appName]);

  // Theme, accent, text size and <html lang>, applied live. "system" follows the OS as it changes.
  useLayoutEffect(() => {
    const apply = () => applyAppearance(prefs, locale);
    apply();
    if (prefs.theme !== 'system' || typeof window.matchMedia !== 'function') return;
    const queries = ['(prefers-color-scheme: dark)', '(prefers-contrast: more)'].map((q) => window.matchMedia(q));
    queries.forEach((q) => q.addEventListener('change', apply));
    return () => queries.forEach((q) => q.removeEventListener('change', apply));
  }, [prefs, locale]);

  const updatePrefs = useCallback(
    async (patch: Partial<Prefs>) => {
      const previous = prefs;
      const next: Prefs = { ...previous, ...patch };
      setStatus((s) => (s ? { ...s, prefs: next } : s));
      try {
        await api.savePrefs(next);
      } catch (error) {
        setStatus((s) => (s ? { ...s, prefs: previous } : s));
        throw error;
      }
    },
    [prefs],
  );

  const lockNow = useCallback(() => {
    // Discard the decrypted UI first (quick hide must be instant), then lock the backend.
    // Unsaved writing (the editor's autosave) is flushed before the backend locks.
    setPhase('locked');
    setRestored(null);
    void flushPendingSaves(1500)
      .then(() => api.lock())
      .catch(() => undefined)
      .then(() => refreshStatus());
  }, [refreshStatus]);

  const enterSession = useCallback(() => {
    setSessionKey((key) => key + 1);
    setPhase('unlocked');
  }, []);

  const onUnlocked = useCallback(() => {
    enterSession();
    void refreshStatus();
  }, [enterSession, refreshStatus]);

  const openRestoredJournal = useCallback(
    (options: { replaced: boolean }) => {
      setRestored(options);
      enterSession();
      void refreshStatus();
    },
    [enterSession, refreshStatus],
  );

  const onOnboardingComplete = useCallback(
    async (mode: Mode) => {
      const next = await refreshStatus();
      // create_vault records the mode; make sure the prefs say so before the shell reads them.
      if (next && next.prefs.mode !== mode) {
        try {
          const prefsWithMode = { ...next.prefs, mode };
          await api.savePrefs(prefsWithMode);
          setStatus({ ...next, prefs: prefsWithMode });
        } catch {
          // Not fatal: the shell simply shows the default mode until prefs can be saved.
        }
      }
      enterSession();
    },
    [enterSession, refreshStatus],
  );

  const context = useMemo<AppContextValue>(
    () => ({
      status: status ?? { ...NO_STATUS, prefs },
      locale,
      appName,
      updatePrefs,
      refreshStatus,
      lockNow,
      openRestoredJournal,
    }),
    [status, prefs, locale, appName, updatePrefs, refreshStatus, lockNow, openRestoredJournal],
  );

  let content;
  if (startFailed) {
    content = <StartProblem onRetry={retryStart} />;
  } else if (phase === 'loading') {
    content = <Loading />;
  } else if (phase === 'onboarding') {
    content = <Onboarding onComplete={onOnboardingComplete} onLock={lockNow} />;
  } else if (phase === 'locked') {
    content = <LockScreen onUnlocked={onUnlocked} />;
  } else {
    content = (
      <>
        <Session key={sessionKey} onLock={lockNow} />
        {restored ? <RestoredNotice replaced={restored.replaced} onClose={() => setRestored(null)} /> : null}
      </>
    );
  }

  return (
    <IntlProvider locale={locale} defaultLocale="en" messages={CATALOGUES[locale]}>
      <I18nProvider locale={locale}>
        <AppContext.Provider value={context}>{content}</AppContext.Provider>
      </I18nProvider>
    </IntlProvider>
  );
}

function Loading() {
  return (
    <main className="solo" aria-busy="true">
      <p className="solo__loading">
        <FormattedMessage id="app.loading" />
      </p>
    </main>
  );
}

function StartProblem({ onRetry }: { onRetry: () => void }) {
  const { appName } = useApp();
  return (
    <main className="solo" data-testid="screen-start-problem">
      <div className="solo__column">
        <h1 className="screen-title">{appName}</h1>
        <p role="status">
          <FormattedMessage id="app.startError" values={{ appName }} />
        </p>
        <Button variant="primary" onPress={onRetry}>
          <FormattedMessage id="app.retry" />
        </Button>
      </div>
    </main>
  );
}

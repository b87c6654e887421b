import { Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { FormattedMessage, IntlProvider } from 'react-intl';
import { I18nProvider } from 'react-aria-components';
import * as api from '../api';
import type { AppStatus, Mode, Prefs } from '../api';
import { loadMessages, loadedMessages, resolveLocale, systemLanguage, type AppLocale, type Messages } from '../i18n';
import { appDisplayName, applyAppearance, DEFAULT_PREFS } from '../theme/appearance';
import { Button } from '../components/Button';
import { AppContext, useApp, type AppContextValue } from './AppContext';
import { flushPendingSaves } from './pendingSaves';
import { lazyComponent } from './lazyComponent';
import { LockScreen } from '../features/lock/LockScreen';

// Only the lock screen is in the entry chunk. First run and the unlocked session (with every
// area behind it) are separate chunks, loaded when they are needed: a locked Cove neither parses
// nor keeps their code.
const Onboarding = lazyComponent(() => import('../features/onboarding/Onboarding').then((m) => m.Onboarding));
const Session = lazyComponent(() => import('../features/shell/Session').then((m) => m.Session));
const RestoredNotice = lazyComponent(() => import('../features/backup/RestoredNotice').then((m) => m.RestoredNotice));

// The words come one language at a time (a chunk each). The system's language starts loading at
// once, alongside the first call to the backend; the saved choice is loaded before the first
// screen draws.
void loadMessages(resolveLocale(null, systemLanguage())).catch(() => undefined);

/** Loads the screen a phase shows before showing it, so "Opening…" stays up until it can draw. */
function preloadFor(phase: Phase): Promise<void> {
  if (phase === 'onboarding') return Onboarding.preload();
  if (phase === 'unlocked') return Session.preload();
  return Promise.resolve();
}

type ShownWords = { locale: AppLocale; messages: Messages };

/** A language's words; English if that language can't be read, `null` if nothing can. */
function wordsFor(locale: AppLocale): Promise<ShownWords | null> {
  return loadMessages(locale).then(
    (messages) => ({ locale, messages }),
    () => (locale === 'en' ? null : wordsFor('en')),
  );
}

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

  const prefs = status?.prefs ?? DEFAULT_PREFS;
  const locale = resolveLocale(prefs.language, systemLanguage());
  // The words on screen: those of `locale` once loaded (until then, the language shown before).
  const [shown, setShown] = useState<ShownWords | null>(() => {
    const messages = loadedMessages(locale);
    return messages ? { locale, messages } : null;
  });
  useEffect(() => {
    if (shown?.locale === locale) return;
    let current = true;
    void wordsFor(locale).then((words) => {
      if (current && words) setShown(words);
    });
    return () => {
      current = false;
    };
  }, [locale, shown?.locale]);
  const appName = appDisplayName(prefs, shown?.messages['app.name'] ?? 'Cove');
  // <html lang> says the language of the words on screen, switching when they do.
  const shownLocale = shown?.locale ?? locale;

  useEffect(() => {
    let current = true;
    api.appStatus().then(
      (next) => {
        if (!current) return;
        setStatus(next);
        const nextPhase = phaseFor(next);
        const nextLocale = resolveLocale(next.prefs.language, systemLanguage());
        // If the chunk can't be read, the screen's own Suspense boundary tries again.
        void Promise.all([preloadFor(nextPhase).catch(() => undefined), wordsFor(nextLocale)]).then(([, words]) => {
          if (!current) return;
          // The first screen draws in the saved language, never a moment in another one.
          if (words) setShown(words);
          setPhase(nextPhase);
        });
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

  // The window title itself is set by the backend; the document title follows the chosen name.
  useEffect(() => {
    document.title = appName;
  }, [appName]);

  // Theme, accent, text size and <html lang>, applied live. "system" follows the OS as it changes.
  useLayoutEffect(() => {
    const apply = () => applyAppearance(prefs, shownLocale);
    apply();
    if (prefs.theme !== 'system' || typeof window.matchMedia !== 'function') return;
    const queries = ['(prefers-color-scheme: dark)', '(prefers-contrast: more)'].map((q) => window.matchMedia(q));
    queries.forEach((q) => q.addEventListener('change', apply));
    return () => queries.forEach((q) => q.removeEventListener('change', apply));
  }, [prefs, shownLocale]);

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

  // Any unlock attempt on the lock screen (passphrase, PIN or recovery code: each is a form)
  // starts loading the session's code while the backend derives the key, so the first page can
  // draw as soon as the journal is open instead of after an "Opening…" pause.
  useEffect(() => {
    if (phase !== 'locked') return;
    const warm = () => void Session.preload().catch(() => undefined);
    document.addEventListener('submit', warm, true);
    return () => document.removeEventListener('submit', warm, true);
  }, [phase]);

  const onUnlocked = useCallback(() => {
    enterSession();
    void refreshStatus();
  }, [enterSession, refreshStatus]);

  const openRestoredJournal = useCallback(
    (options: { replaced: boolean }) => {
      void RestoredNotice.preload().catch(() => undefined);
      setRestored(options);
      enterSession();
      void refreshStatus();
    },
    [enterSession, refreshStatus],
  );

  const onOnboardingComplete = useCallback(
    async (mode: Mode) => {
      const sessionReady = Session.preload().catch(() => undefined);
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
      await sessionReady;
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
        {restored ? (
          <Suspense fallback={null}>
            <RestoredNotice replaced={restored.replaced} onClose={() => setRestored(null)} />
          </Suspense>
        ) : null}
      </>
    );
  }

  // Only at the very start, for the moment before any words have arrived.
  if (!shown) return <main className="solo" aria-busy="true" />;
  return (
    <IntlProvider locale={shown.locale} defaultLocale="en" messages={shown.messages}>
      <I18nProvider locale={shown.locale}>
        <AppContext.Provider value={context}>
          {/* Keyed by phase: what the last phase showed (the lock screen and what was typed into
              it) goes at once, instead of staying mounted, hidden, behind "Opening…". */}
          <Suspense key={phase} fallback={<Loading />}>
            {content}
          </Suspense>
        </AppContext.Provider>
      </I18nProvider>
    </IntlProvider>
  );
}

/** Before the status is known, and while first run or the session is still loading. */
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

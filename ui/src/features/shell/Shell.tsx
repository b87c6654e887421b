import { Suspense, useCallback, useEffect, useState, useTransition, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { BookOpen, Heart, LifeBuoy, Lock, Send, Settings as SettingsIcon, Sparkles, Sun, Target } from 'lucide-react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { NavLink } from '../../components/NavLink';
import type { MessageId } from '../../i18n';
import { useApp } from '../../app/AppContext';
import { lazyComponent } from '../../app/lazyComponent';
import { Today } from '../today/Today';
import { Help } from '../help/Help';
import { LibraryProvider } from '../feelings/LibraryContext';
import { isTypingTarget, ShortcutsList } from './shortcuts';
import { NavigationContext, type Area, type Intent } from './navigation';
import './shell.css';

export type { Area, Intent } from './navigation';

// Today (where the session opens) and Help (one click from every screen) are part of the session's
// own chunk. Every other area is its own chunk, loaded on the first visit: Feelings brings the
// charts, Journal the Markdown renderer, and so on.
const Journal = lazyComponent(() => import('../journal/Journal').then((m) => m.Journal));
const Feelings = lazyComponent(() => import('../feelings/Feelings').then((m) => m.Feelings));
const Identity = lazyComponent(() => import('../identity/Identity').then((m) => m.Identity));
const Goals = lazyComponent(() => import('../goals/Goals').then((m) => m.Goals));
const Share = lazyComponent(() => import('../share/Share').then((m) => m.Share));
const Settings = lazyComponent(() => import('../settings/Settings').then((m) => m.Settings));
const SafetyPlanScreen = lazyComponent(() => import('../safety/SafetyPlan').then((m) => m.SafetyPlanScreen));

const MAIN_AREAS: readonly { area: Area; label: MessageId; icon: ReactNode }[] = [
  { area: 'today', label: 'nav.today', icon: <Sun size={20} /> },
  { area: 'journal', label: 'nav.journal', icon: <BookOpen size={20} /> },
  { area: 'feelings', label: 'nav.feelings', icon: <Heart size={20} /> },
  { area: 'identity', label: 'nav.identity', icon: <Sparkles size={20} /> },
  { area: 'goals', label: 'nav.goals', icon: <Target size={20} /> },
  { area: 'share', label: 'nav.share', icon: <Send size={20} /> },
];

const FOOT_AREAS: readonly { area: Area; label: MessageId; icon: ReactNode }[] = [
  { area: 'help', label: 'nav.help', icon: <LifeBuoy size={20} /> },
  { area: 'settings', label: 'nav.settings', icon: <SettingsIcon size={20} /> },
];

/** The safety plan is not in the sidebar: it is opened from Help (after unlock). */
function Screen({ area, intent, go }: { area: Area; intent: Intent | undefined; go: (area: Area) => void }) {
  switch (area) {
    case 'today':
      return <Today />;
    case 'journal':
      return <Journal intent={intent} />;
    case 'feelings':
      return <Feelings intent={intent} />;
    case 'identity':
      return <Identity intent={intent} />;
    case 'goals':
      return <Goals intent={intent} />;
    case 'share':
      return <Share />;
    case 'help':
      return <Help onOpenSafetyPlan={() => go('safety-plan')} />;
    case 'settings':
      return <Settings />;
    case 'safety-plan':
      return <SafetyPlanScreen onBack={() => go('help')} />;
  }
}

/** The unlocked layout: sidebar (icon + text) and one main area. Tiny state router, no URLs. */
export function Shell({ onLock }: { onLock: () => void }) {
  const intl = useIntl();
  const { status, appName } = useApp();
  // `visit` changes on every navigation, so arriving again with a new intent remounts the area.
  const [place, setPlace] = useState<{ area: Area; intent?: Intent; visit: number }>({ area: 'today', visit: 0 });
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  // Moving to a lazily loaded area is a transition: while its code is still loading (first visit
  // only), the current screen stays up (marked busy) instead of flashing a loading line. Today
  // and Help are always here, and Help is never kept waiting behind another area's code.
  const [moving, startMoving] = useTransition();
  const area = place.area;
  const go = useCallback((next: Area, intent?: Intent) => {
    const move = () => setPlace((current) => ({ area: next, intent, visit: current.visit + 1 }));
    if (next === 'today' || next === 'help') move();
    else startMoving(move);
  }, []);
  const setArea = useCallback((next: Area) => go(next), [go]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target)) {
        event.preventDefault();
        setShortcutsOpen(true);
        return;
      }
      const ctrl = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
      if (ctrl && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        go('journal', { kind: 'new-entry' });
      } else if (ctrl && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        go('journal', { kind: 'search' });
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [go]);

  const counselor = status.prefs.mode === 'counselor';
  const item = (entry: { area: Area; label: MessageId; icon: ReactNode }) => (
    <li key={entry.area}>
      <NavLink
        icon={entry.icon}
        isCurrent={area === entry.area}
        onPress={() => setArea(entry.area)}
        testId={`nav-${entry.area}`}
      >
        {/* In counselor mode, sharing is where clients' shares arrive. */}
        {intl.formatMessage({ id: entry.area === 'share' && counselor ? 'nav.inbox' : entry.label })}
      </NavLink>
    </li>
  );

  return (
    <div className="shell">
      <nav className="sidebar" aria-label={appName}>
        <div className="sidebar__brand">
          <span className="wordmark" data-testid="sidebar-wordmark">
            {appName}
          </span>
          {counselor ? (
            <span
              className="badge"
              data-testid="counselor-badge"
              title={intl.formatMessage({ id: 'shell.counselorBadgeLabel' })}
            >
              {intl.formatMessage({ id: 'shell.counselorBadge' })}
            </span>
          ) : null}
        </div>
        <ul className="sidebar__list">{MAIN_AREAS.map(item)}</ul>
        <ul className="sidebar__list sidebar__list--foot">
          {FOOT_AREAS.map(item)}
          <li>
            <Button variant="quiet" className="nav-link nav-link--action" icon={<Lock size={20} />} onPress={onLock} data-testid="nav-lock">
              {intl.formatMessage({ id: 'nav.lock' })}
            </Button>
          </li>
        </ul>
      </nav>
      <main className="shell__main" data-testid={`screen-${area}`} aria-busy={moving || undefined}>
        <div className="column">
          <LibraryProvider onLock={onLock}>
            <NavigationContext.Provider value={go}>
              <Suspense fallback={<AreaLoading />}>
                <Screen key={place.visit} area={area} intent={place.intent} go={setArea} />
              </Suspense>
            </NavigationContext.Provider>
          </LibraryProvider>
        </div>
      </main>
      <Dialog
        isOpen={shortcutsOpen}
        onOpenChange={setShortcutsOpen}
        title={intl.formatMessage({ id: 'shortcuts.title' })}
        testId="shortcuts-overlay"
      >
        <ShortcutsList />
      </Dialog>
    </div>
  );
}

/** Shown in the main area (the sidebar stays) if an area is shown before its code has arrived. */
function AreaLoading() {
  const intl = useIntl();
  return (
    <p className="area-loading" aria-busy="true">
      {intl.formatMessage({ id: 'app.loading' })}
    </p>
  );
}

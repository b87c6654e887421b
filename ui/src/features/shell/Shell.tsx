import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { BookOpen, Heart, LifeBuoy, Lock, Send, Settings as SettingsIcon, Sparkles, Sun, Target } from 'lucide-react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { NavLink } from '../../components/NavLink';
import type { MessageId } from '../../i18n';
import { useApp } from '../../app/AppContext';
import { Today } from '../today/Today';
import { Journal } from '../journal/Journal';
import { Feelings } from '../feelings/Feelings';
import { Identity } from '../identity/Identity';
import { Goals } from '../goals/Goals';
import { Share } from '../share/Share';
import { Help } from '../help/Help';
import { Settings } from '../settings/Settings';
import { SafetyPlanScreen } from '../safety/SafetyPlan';
import { LibraryProvider } from '../feelings/LibraryContext';
import { isTypingTarget, ShortcutsList } from './shortcuts';
import { NavigationContext, type Area, type Intent } from './navigation';
import './shell.css';

export type { Area, Intent } from './navigation';

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
      return <Identity />;
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
  const area = place.area;
  const go = useCallback((next: Area, intent?: Intent) => {
    setPlace((current) => ({ area: next, intent, visit: current.visit + 1 }));
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

  const item = (entry: { area: Area; label: MessageId; icon: ReactNode }) => (
    <li key={entry.area}>
      <NavLink
        icon={entry.icon}
        isCurrent={area === entry.area}
        onPress={() => setArea(entry.area)}
        testId={`nav-${entry.area}`}
      >
        {intl.formatMessage({ id: entry.label })}
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
          {status.prefs.mode === 'counselor' ? (
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
      <main className="shell__main" data-testid={`screen-${area}`}>
        <div className="column">
          <LibraryProvider onLock={onLock}>
            <NavigationContext.Provider value={go}>
              <Screen key={place.visit} area={area} intent={place.intent} go={setArea} />
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

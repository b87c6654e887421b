import { createContext, useContext } from 'react';

export type Area = 'today' | 'journal' | 'feelings' | 'identity' | 'goals' | 'share' | 'help' | 'settings' | 'safety-plan';

/**
 * What to do on arrival in an area, when another screen or a shortcut sends the person there:
 * `new-entry` and `open-entry` open the editor (Journal), `search` focuses Journal's search
 * field, `checkin` opens the feelings check-in and `insights` the insights view (Feelings),
 * `goal` opens one goal (Goals).
 */
export type Intent =
  | { kind: 'new-entry'; promptId?: string }
  | { kind: 'open-entry'; id: number }
  | { kind: 'search' }
  | { kind: 'checkin' }
  | { kind: 'insights' }
  | { kind: 'goal'; id: number };

export type Navigate = (area: Area, intent?: Intent) => void;

export const NavigationContext = createContext<Navigate | null>(null);

/** Moves to another area of the unlocked app, optionally with an intent. */
export function useNavigate(): Navigate {
  const navigate = useContext(NavigationContext);
  if (!navigate) throw new Error('useNavigate must be used inside <Shell>');
  return navigate;
}

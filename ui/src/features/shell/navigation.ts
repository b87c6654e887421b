import { createContext, useContext } from 'react';

export type Area = 'today' | 'journal' | 'feelings' | 'identity' | 'goals' | 'share' | 'help' | 'settings' | 'safety-plan';

/** The tabs of the identity space. */
export type IdentityTab = 'tryon' | 'reflect' | 'timeline' | 'profile';

/**
 * What to do on arrival in an area, when another screen or a shortcut sends the person there:
 * `new-entry` opens the editor and `open-entry` one entry (Journal), `edit-entry` an entry in
 * the editor; with `identity` the entry belongs to the identity space (a new one is an identity
 * reflection) and Done goes back there. `search` focuses Journal's search field, `checkin` opens
 * the feelings check-in and `insights` the insights view (Feelings), `goal` opens one goal
 * (Goals), `identity` one tab of the identity space.
 */
export type Intent =
  | { kind: 'new-entry'; promptId?: string; identity?: boolean }
  | { kind: 'open-entry'; id: number }
  | { kind: 'edit-entry'; id: number; identity?: boolean }
  | { kind: 'identity'; tab: IdentityTab }
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

import { useEffect, useRef } from 'react';

/** Two Escape presses closer together than this lock at once ("quick hide"). */
export const QUICK_HIDE_WINDOW_MS = 600;
/** How often the idle check runs. */
export const IDLE_CHECK_INTERVAL_MS = 15_000;

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export function isQuickHideKey(event: KeyboardEvent): boolean {
  return event.key === 'Escape' || event.key === 'Esc';
}

export function isLockShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l';
}

/**
 * Everything that locks an unlocked Cove besides the Lock button:
 * - Ctrl+L;
 * - quick hide: Escape twice within 600 ms (works even inside fields and dialogs: the listener
 *   runs in the capture phase, before anything can stop the event);
 * - auto-lock after `autoLockMinutes` without pointer or key input (0 = never).
 *
 * Auto-lock compares wall-clock times (Date.now()), not elapsed timer ticks. Timers do not run
 * while the computer sleeps, but the clock does: when a laptop wakes after the limit, the next
 * 15 s tick — or the first key or pointer event, which is checked *before* it counts as
 * activity — sees the gap and locks at once. This is how "lock on suspend" is handled.
 */
export function useLockTriggers({
  enabled,
  autoLockMinutes,
  onLock,
}: {
  enabled: boolean;
  autoLockMinutes: number;
  onLock: () => void;
}): void {
  const onLockRef = useRef(onLock);
  useEffect(() => {
    onLockRef.current = onLock;
  }, [onLock]);

  // Keyboard: Ctrl+L and Escape twice.
  useEffect(() => {
    if (!enabled) return;
    let lastEscapeAt = Number.NEGATIVE_INFINITY;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isLockShortcut(event)) {
        event.preventDefault();
        onLockRef.current();
        return;
      }
      if (!isQuickHideKey(event) || event.repeat) return;
      const now = Date.now();
      if (now - lastEscapeAt <= QUICK_HIDE_WINDOW_MS) {
        lastEscapeAt = Number.NEGATIVE_INFINITY;
        event.preventDefault();
        onLockRef.current();
      } else {
        lastEscapeAt = now;
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled]);

  // Idle: wall-clock comparison on a 15 s tick, on wake, and before counting new activity.
  useEffect(() => {
    if (!enabled || !(autoLockMinutes > 0)) return;
    const limit = autoLockMinutes * 60_000;
    let lastActivityAt = Date.now();
    let locked = false;

    const lockIfIdleTooLong = (): boolean => {
      if (locked) return true;
      if (Date.now() - lastActivityAt >= limit) {
        locked = true;
        onLockRef.current();
        return true;
      }
      return false;
    };
    const onActivity = () => {
      if (!lockIfIdleTooLong()) lastActivityAt = Date.now();
    };
    const onWake = () => {
      lockIfIdleTooLong();
    };

    const listenerOptions = { capture: true, passive: true } as const;
    ACTIVITY_EVENTS.forEach((name) => window.addEventListener(name, onActivity, listenerOptions));
    document.addEventListener('visibilitychange', onWake);
    window.addEventListener('focus', onWake);
    const timer = window.setInterval(lockIfIdleTooLong, IDLE_CHECK_INTERVAL_MS);
    return () => {
      ACTIVITY_EVENTS.forEach((name) => window.removeEventListener(name, onActivity, listenerOptions));
      document.removeEventListener('visibilitychange', onWake);
      window.removeEventListener('focus', onWake);
      window.clearInterval(timer);
    };
  }, [enabled, autoLockMinutes]);
}

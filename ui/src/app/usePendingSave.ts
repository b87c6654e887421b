import { useLayoutEffect, useRef } from 'react';
import { registerPendingSave } from './pendingSaves';

/**
 * While `dirty` (there are words the person typed and has not saved), registers `save` to run
 * before the vault locks (see `pendingSaves.ts`). Locking unmounts the session before the flush
 * runs, so the flush calls the `save` of the latest render: it must work without the component
 * (no state to set, nothing to show), and it must not save twice what was already saved (the
 * savers behind it reuse the id their first save returned and skip what is already stored).
 *
 * A failed save is swallowed here: the lock goes ahead (the words stay only in memory, which is
 * then discarded — plaintext is never written anywhere but the vault).
 */
export function usePendingSave(dirty: boolean, save: () => Promise<unknown>): void {
  const latest = useRef(save);
  // Layout effects, so the registration follows a change before anything else can happen.
  useLayoutEffect(() => {
    latest.current = save;
  });
  useLayoutEffect(() => {
    if (!dirty) return undefined;
    return registerPendingSave(() =>
      latest.current().then(
        () => undefined,
        () => undefined,
      ),
    );
  }, [dirty]);
}

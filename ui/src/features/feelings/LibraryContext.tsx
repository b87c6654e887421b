import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import * as api from '../../api';
import type { JournalLibrary } from '../../api';

/**
 * The person's own feelings words, own prompts, favourite and snoozed prompts (decrypted state:
 * provided inside the unlocked Shell only, so it disappears on lock).
 */
export type LibraryStore = {
  /** The library as last loaded or saved; empty until it has loaded. */
  library: JournalLibrary;
  /** True once the first load finished (successfully or not). */
  loaded: boolean;
  /** Saves the whole library and returns it as stored. Rejects with a `CommandFailure`. */
  saveLibrary: (next: JournalLibrary) => Promise<JournalLibrary>;
  /**
   * Applies `change` to the latest stored library and saves it. Saves run one after another, so
   * two screens changing different parts at the same moment don't overwrite each other.
   */
  updateLibrary: (change: (current: JournalLibrary) => JournalLibrary) => Promise<JournalLibrary>;
};

export const EMPTY_LIBRARY: JournalLibrary = {
  customFeelings: [],
  customPrompts: [],
  favouritePrompts: [],
  snoozedPrompts: [],
};

const LibraryContext = createContext<LibraryStore | null>(null);

export function LibraryProvider({ onLock, children }: { onLock: () => void; children: ReactNode }) {
  const [library, setLibrary] = useState<JournalLibrary>(EMPTY_LIBRARY);
  const [loaded, setLoaded] = useState(false);
  const latest = useRef<JournalLibrary>(EMPTY_LIBRARY);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    let current = true;
    api
      .getLibrary()
      .then((loadedLibrary) => {
        if (!current) return;
        latest.current = loadedLibrary;
        setLibrary(loadedLibrary);
      })
      .catch((error: unknown) => {
        if (!current) return;
        // The backend locked underneath us: show the lock screen.
        if (api.isCommandFailure(error) && error.code === 'locked') onLock();
      })
      .finally(() => {
        if (current) setLoaded(true);
      });
    return () => {
      current = false;
      mounted.current = false;
    };
  }, [onLock]);

  const store = useCallback(
    async (next: JournalLibrary) => {
      try {
        const stored = await api.saveLibrary(next);
        latest.current = stored;
        if (mounted.current) setLibrary(stored);
        return stored;
      } catch (error) {
        if (api.isCommandFailure(error) && error.code === 'locked' && mounted.current) onLock();
        throw error;
      }
    },
    [onLock],
  );

  const enqueue = useCallback((task: () => Promise<JournalLibrary>) => {
    const run = queue.current.then(task, task);
    queue.current = run.catch(() => undefined);
    return run;
  }, []);

  const saveLibrary = useCallback((next: JournalLibrary) => enqueue(() => store(next)), [enqueue, store]);
  const updateLibrary = useCallback(
    (change: (current: JournalLibrary) => JournalLibrary) => enqueue(() => store(change(latest.current))),
    [enqueue, store],
  );

  const value = useMemo<LibraryStore>(
    () => ({ library, loaded, saveLibrary, updateLibrary }),
    [library, loaded, saveLibrary, updateLibrary],
  );
  return <LibraryContext.Provider value={value}>{children}</LibraryContext.Provider>;
}

/**
 * The library, or `null` outside <LibraryProvider> (for read-only helpers such as
 * `useFeelingName` that should also work in a screen rendered on its own).
 */
export function useOptionalLibrary(): LibraryStore | null {
  return useContext(LibraryContext);
}

/** The library store. Only inside the unlocked Shell (<LibraryProvider>). */
export function useLibrary(): LibraryStore {
  const value = useContext(LibraryContext);
  if (!value) throw new Error('useLibrary must be used inside <LibraryProvider>');
  return value;
}

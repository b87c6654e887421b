// What the person can pick from: journal entries (a page at a time, newest first), the identity
// space's entries (only once its group is opened), goals and the safety plan. Loaded by the
// share flow and kept while it moves between steps.
import { useCallback, useEffect, useRef, useState } from 'react';
import * as api from '../../../api';
import type { Entry, EntrySummary, ErrorCode, Goal, IdentityTimelineItem, SafetyPlan, TimelineCursor } from '../../../api';

export const PAGE_SIZE = 50;

export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; code: ErrorCode };

export type EntriesList = { items: EntrySummary[]; cursor: TimelineCursor | null; total: number | null };

export type Catalog = {
  entries: Loadable<EntriesList>;
  /** `null` until the identity group is opened. */
  identity: Loadable<IdentityTimelineItem[]> | null;
  goals: Loadable<Goal[]>;
  plan: Loadable<SafetyPlan>;
  loadingMore: boolean;
  loadMore: () => void;
  loadIdentity: () => void;
  /** Fetches every list again (after a share went out: "Share something else"). */
  reload: () => void;
  /** Whole entries (for the preview's part switches), fetched once each. */
  details: ReadonlyMap<number, Entry>;
  loadDetails: (ids: readonly number[]) => Promise<void>;
};

const codeOf = (error: unknown): ErrorCode => api.normaliseError(error).code;

const ENTRY_FILTER = { kinds: [], feelings: [], tags: [], from: null, to: null, includeIdentity: false };

export function useShareCatalog(onLocked: () => void): Catalog {
  const [entries, setEntries] = useState<Loadable<EntriesList>>({ state: 'loading' });
  const [identity, setIdentity] = useState<Loadable<IdentityTimelineItem[]> | null>(null);
  const [goals, setGoals] = useState<Loadable<Goal[]>>({ state: 'loading' });
  const [plan, setPlan] = useState<Loadable<SafetyPlan>>({ state: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  const [details, setDetails] = useState<ReadonlyMap<number, Entry>>(new Map());
  const [generation, setGeneration] = useState(0);
  const alive = useRef(true);
  const lockedRef = useRef(onLocked);
  useEffect(() => {
    lockedRef.current = onLocked;
  }, [onLocked]);

  const failed = useCallback((error: unknown): { state: 'failed'; code: ErrorCode } => {
    const code = codeOf(error);
    if (code === 'locked') lockedRef.current();
    return { state: 'failed', code };
  }, []);

  useEffect(() => {
    alive.current = true;
    let current = true;
    const keep = <T,>(set: (value: Loadable<T>) => void) => (value: Loadable<T>) => {
      if (current) set(value);
    };
    const setE = keep(setEntries);
    const setG = keep(setGoals);
    const setP = keep(setPlan);
    api
      .listEntries({ filter: ENTRY_FILTER, cursor: null, limit: PAGE_SIZE })
      .then((page) => setE({ state: 'ready', value: { items: page.items, cursor: page.nextCursor, total: page.total } }))
      .catch((error: unknown) => setE(failed(error)));
    api
      .listGoals()
      .then((list) => setG({ state: 'ready', value: list }))
      .catch((error: unknown) => setG(failed(error)));
    api
      .getSafetyPlan()
      .then((value) => setP({ state: 'ready', value }))
      .catch((error: unknown) => setP(failed(error)));
    return () => {
      current = false;
      alive.current = false;
    };
  }, [generation, failed]);

  const loadMore = useCallback(() => {
    if (entries.state !== 'ready' || entries.value.cursor === null || loadingMore) return;
    const { cursor } = entries.value;
    setLoadingMore(true);
    api
      .listEntries({ filter: ENTRY_FILTER, cursor, limit: PAGE_SIZE })
      .then((page) => {
        if (!alive.current) return;
        setEntries((before) =>
          before.state === 'ready'
            ? {
                state: 'ready',
                value: {
                  items: [...before.value.items, ...page.items.filter((item) => !before.value.items.some((b) => b.id === item.id))],
                  cursor: page.nextCursor,
                  total: before.value.total,
                },
              }
            : before,
        );
      })
      .catch((error: unknown) => {
        if (alive.current) failed(error);
      })
      .finally(() => {
        if (alive.current) setLoadingMore(false);
      });
  }, [entries, loadingMore, failed]);

  const loadIdentity = useCallback(() => {
    if (identity !== null && identity.state !== 'failed') return;
    setIdentity({ state: 'loading' });
    api
      .identityTimeline()
      .then((timeline) => {
        if (alive.current) setIdentity({ state: 'ready', value: timeline.items });
      })
      .catch((error: unknown) => {
        if (alive.current) setIdentity(failed(error));
      });
  }, [identity, failed]);

  const reload = useCallback(() => {
    setEntries({ state: 'loading' });
    setGoals({ state: 'loading' });
    setPlan({ state: 'loading' });
    setIdentity(null);
    setDetails(new Map());
    setGeneration((g) => g + 1);
  }, []);

  const loadDetails = useCallback(async (ids: readonly number[]) => {
    const missing = ids.filter((id) => !details.has(id));
    if (missing.length === 0) return;
    const loaded = await Promise.all(missing.map((id) => api.getEntry(id)));
    if (!alive.current) return;
    setDetails((before) => {
      const next = new Map(before);
      for (const entry of loaded) next.set(entry.id, entry);
      return next;
    });
  }, [details]);

  return { entries, identity, goals, plan, loadingMore, loadMore, loadIdentity, reload, details, loadDetails };
}

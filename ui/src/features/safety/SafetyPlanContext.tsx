import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import * as api from '../../api';
import type { SafetyPlan } from '../../api';
import { planToDraft, tidyDraft, type SafetyDraft } from './plan';

/**
 * The decrypted safety plan and the unsaved draft on screen. Provided only inside <Session>, so
 * both disappear on lock like everything else. The plan is fetched the first time a screen asks
 * for it (Help after unlock, or the plan itself), and the draft survives moving between screens.
 */
export type SafetyPlanStore = {
  /** The plan as last loaded or saved; null until loaded. */
  saved: SafetyPlan | null;
  loadFailed: boolean;
  /** Loads the plan unless it is loaded or loading; after a failure, tries again. */
  load: () => void;
  draft: SafetyDraft | null;
  updateDraft: (change: (draft: SafetyDraft) => SafetyDraft) => void;
  /** Saves `plan` (made from `fromDraft`); if the draft wasn't changed meanwhile, drops its blank rows. */
  save: (plan: SafetyPlan, fromDraft: SafetyDraft) => Promise<SafetyPlan>;
};

const SafetyPlanContext = createContext<SafetyPlanStore | null>(null);

export function SafetyPlanProvider({ onLock, children }: { onLock: () => void; children: ReactNode }) {
  const [saved, setSaved] = useState<SafetyPlan | null>(null);
  const [draft, setDraft] = useState<SafetyDraft | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const loading = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const load = useCallback(() => {
    if (loading.current || saved) return;
    loading.current = true;
    setLoadFailed(false);
    api
      .getSafetyPlan()
      .then((plan) => {
        if (!mounted.current) return;
        setSaved(plan);
        setDraft((current) => current ?? planToDraft(plan));
      })
      .catch((error: unknown) => {
        if (!mounted.current) return;
        // The backend locked underneath us: show the lock screen.
        if (api.isCommandFailure(error) && error.code === 'locked') onLock();
        else setLoadFailed(true);
      })
      .finally(() => {
        loading.current = false;
      });
  }, [saved, onLock]);

  const updateDraft = useCallback((change: (draft: SafetyDraft) => SafetyDraft) => {
    setDraft((current) => (current ? change(current) : current));
  }, []);

  const save = useCallback(async (plan: SafetyPlan, fromDraft: SafetyDraft) => {
    const stored = await api.saveSafetyPlan(plan);
    if (mounted.current) {
      setSaved(stored);
      setDraft((current) => (current === fromDraft ? tidyDraft(current) : current));
    }
    return stored;
  }, []);

  const value = useMemo<SafetyPlanStore>(
    () => ({ saved, loadFailed, load, draft, updateDraft, save }),
    [saved, loadFailed, load, draft, updateDraft, save],
  );
  return <SafetyPlanContext.Provider value={value}>{children}</SafetyPlanContext.Provider>;
}

/** The safety plan store; starts loading the plan when first used. Only inside <Session>. */
export function useSafetyPlan(): SafetyPlanStore {
  const value = useContext(SafetyPlanContext);
  if (!value) throw new Error('useSafetyPlan must be used inside <Session>');
  const { load, saved, loadFailed } = value;
  useEffect(() => {
    if (!saved && !loadFailed) load();
  }, [load, saved, loadFailed]);
  return value;
}

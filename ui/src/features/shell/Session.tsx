import { useCallback, useEffect, useMemo, useState } from 'react';
import * as api from '../../api';
import type { Profile } from '../../api';
import { useApp } from '../../app/AppContext';
import { SafetyPlanProvider } from '../safety/SafetyPlanContext';
import { ProfileContext, type ProfileContextValue } from './ProfileContext';
import { Shell } from './Shell';
import { useLockTriggers } from './useLockTriggers';

const EMPTY_PROFILE: Profile = { name: null, pronouns: null, shared: null, spanish: null };

/**
 * The unlocked part of Cove. Every piece of decrypted state (the profile, the safety plan and its
 * unsaved draft; entries, goals and their caches later) must live in React state inside this subtree. <App> mounts it with a new
 * key on every unlock and unmounts it on lock, so nothing survives a lock.
 */
export function Session({ onLock }: { onLock: () => void }) {
  const { status } = useApp();
  useLockTriggers({ enabled: true, autoLockMinutes: status.prefs.autoLockMinutes, onLock });

  const [profile, setProfile] = useState<Profile | null>(null);
  useEffect(() => {
    let current = true;
    api
      .getProfile()
      .then((loaded) => {
        if (current) setProfile(loaded);
      })
      .catch((error: unknown) => {
        if (!current) return;
        // The backend locked underneath us (e.g. another lock path): show the lock screen.
        if (api.isCommandFailure(error) && error.code === 'locked') onLock();
        else setProfile(EMPTY_PROFILE);
      });
    return () => {
      current = false;
    };
  }, [onLock]);

  const saveProfile = useCallback(async (next: Profile) => {
    await api.saveProfile(next);
    setProfile(next);
  }, []);

  const value = useMemo<ProfileContextValue | null>(
    () => (profile ? { profile, saveProfile } : null),
    [profile, saveProfile],
  );

  if (!value) return <div className="session-loading" aria-busy="true" />;
  return (
    <ProfileContext.Provider value={value}>
      <SafetyPlanProvider onLock={onLock}>
        <Shell onLock={onLock} />
      </SafetyPlanProvider>
    </ProfileContext.Provider>
  );
}

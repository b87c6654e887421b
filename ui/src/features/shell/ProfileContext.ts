import { createContext, useContext } from 'react';
import type { Profile } from '../../api';

/** The decrypted profile. Provided only inside <Session>, so it disappears on lock. */
export type ProfileContextValue = {
  profile: Profile;
  saveProfile: (profile: Profile) => Promise<void>;
};

export const ProfileContext = createContext<ProfileContextValue | null>(null);

export function useProfile(): ProfileContextValue {
  const value = useContext(ProfileContext);
  if (!value) throw new Error('useProfile must be used inside <Session>');
  return value;
}

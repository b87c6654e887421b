import { createContext, useContext, useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { Profile } from '../../api';
import { personArgs, personFrom, type Person, type PersonArgs } from '../identity/grammar';

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

/**
 * The person as the app addresses them (`'app'`) or as summaries they share describe them
 * (`'shared'`), with the arguments every message about them takes. With no name, `args.name` is
 * a neutral sample name; `hasName` says which, so messages can speak without a name instead.
 */
export function usePerson(where: 'app' | 'shared' = 'app'): { person: Person; args: PersonArgs; hasName: boolean } {
  const { profile } = useProfile();
  const intl = useIntl();
  return useMemo(() => {
    const person = personFrom(profile, where);
    return {
      person,
      args: personArgs(person, intl.formatMessage({ id: 'identity.fallbackName' })),
      hasName: person.name.trim() !== '',
    };
  }, [profile, where, intl]);
}

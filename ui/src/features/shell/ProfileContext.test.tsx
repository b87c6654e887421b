import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../api';
import { CATALOGUES } from '../../i18n/all';
import { testProfile } from '../../test/profiles';
import { builtInSet } from '../identity/grammar';
import { ProfileContext, usePerson } from './ProfileContext';

function wrapperFor(profile: Profile) {
  return ({ children }: { children: ReactNode }) => (
    <IntlProvider locale="en" messages={CATALOGUES.en}>
      <ProfileContext.Provider value={{ profile, saveProfile: async () => {} }}>{children}</ProfileContext.Provider>
    </IntlProvider>
  );
}

describe('usePerson', () => {
  const profile: Profile = {
    name: 'Sam',
    pronouns: builtInSet('they', { themselves: true }),
    shared: { name: 'Samuel', pronouns: builtInSet('he') },
    spanish: null,
  };

  it('gives the app person and the arguments for messages about them', () => {
    const { result } = renderHook(() => usePerson('app'), { wrapper: wrapperFor(profile) });
    expect(result.current.hasName).toBe(true);
    expect(result.current.person).toEqual({ name: 'Sam', pronouns: profile.pronouns, spanish: { pronoun: 'elle', ending: 'e' } });
    expect(result.current.args).toMatchObject({ name: 'Sam', Subj: 'They', refl: 'themselves', agree: 'plural', ending: 'e' });
  });

  it('gives what shared summaries use', () => {
    const { result } = renderHook(() => usePerson('shared'), { wrapper: wrapperFor(profile) });
    expect(result.current.args).toMatchObject({ name: 'Samuel', subj: 'he', agree: 'singular', esPron: 'él', ending: 'o' });
  });

  it('falls back to a neutral name and says so when there is none', () => {
    const { result } = renderHook(() => usePerson(), { wrapper: wrapperFor(testProfile(null)) });
    expect(result.current.hasName).toBe(false);
    expect(result.current.args).toMatchObject({ name: 'Alex', style: 'name' });
  });

  it('isolates a right-to-left name', () => {
    const { result } = renderHook(() => usePerson(), { wrapper: wrapperFor(testProfile('נועה', 'she')) });
    expect(result.current.args.name).toBe('\u2068נועה\u2069');
    expect(result.current.person.name).toBe('נועה');
  });
});

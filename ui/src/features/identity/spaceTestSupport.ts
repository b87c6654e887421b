// Shared helpers for the identity space screens' tests (try on, reflect, timeline).
import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type { Entry, IdentityPart, PronounSet } from '../../api';
import { createFakeBackend } from '../../test/fakeBackend';
import { renderApp } from '../../test/render';
import { builtInSet, type BuiltInPronounId } from './grammar';
import type { IdentityTab } from '../shell/navigation';

export type Backend = ReturnType<typeof createFakeBackend>;

const TAB_NAME: Record<IdentityTab, string> = {
  tryon: 'identity-tab-tryon',
  reflect: 'identity-tab-reflect',
  timeline: 'identity-tab-timeline',
  profile: 'identity-tab-profile',
};

/** Unlocked app with the identity space open (on `tab`). */
export async function openIdentity(
  overrides: Parameters<typeof createFakeBackend>[0] = {},
  seed?: (backend: Backend) => void,
  tab: IdentityTab = 'tryon',
) {
  const backend = createFakeBackend({ unlocked: true, ...overrides });
  seed?.(backend);
  const utils = renderApp(backend);
  await utils.user.click(await screen.findByTestId('nav-identity'));
  const main = await screen.findByTestId('screen-identity');
  await screen.findByTestId('identity');
  if (tab !== 'tryon') {
    await utils.user.click(screen.getByTestId(TAB_NAME[tab]));
    await waitFor(() => expect(screen.getByTestId(TAB_NAME[tab])).toHaveAttribute('aria-selected', 'true'));
  }
  return { backend, main, ...utils };
}

export const set = (id: BuiltInPronounId, themselves = false): PronounSet => builtInSet(id, { themselves });

export const tryOnPart = (name: string | null, pronouns: PronounSet | null, felt: number | null = null): IdentityPart => ({
  kind: 'try_on',
  name,
  pronouns,
  felt,
  moment: null,
});

export const momentPart = (moment: 'euphoria' | 'dysphoria'): IdentityPart => ({
  kind: 'moment',
  name: null,
  pronouns: null,
  felt: null,
  moment,
});

export const reflectionPart = (): IdentityPart => ({ kind: 'reflection', name: null, pronouns: null, felt: null, moment: null });

/** The identity entries the fake journal holds, oldest first. */
export const identityEntries = (backend: Backend): Entry[] => backend.journal.state.entries.filter((e) => e.identity);

export function daysAgo(days: number, hour = 12): Date {
  const d = new Date();
  d.setDate(d.getDate() - days);
  d.setHours(hour, 0, 0, 0);
  return d;
}

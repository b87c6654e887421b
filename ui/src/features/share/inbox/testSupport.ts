// Shared helpers for the inbox, suggestions and "from my counselor" tests.
import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type { ImportOutcome, SharedItem } from '../../../api';
import { createFakeBackend, defaultPrefs, type FakeBackend } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/render';

export type Overrides = Parameters<typeof createFakeBackend>[0];

/** Unlocked app, counselor mode, Share (the inbox) open. */
export async function openInbox(overrides: Overrides = {}, seed?: (backend: FakeBackend) => void) {
  const backend = createFakeBackend({ unlocked: true, prefs: defaultPrefs({ mode: 'counselor' }), ...overrides });
  seed?.(backend);
  const utils = renderApp(backend);
  await utils.user.click(await screen.findByTestId('nav-share'));
  await screen.findByTestId('inbox');
  await waitFor(() => expect(backend.callsTo('list_inbox').length).toBeGreaterThan(0));
  return { backend, ...utils };
}

/** Unlocked app, client mode, Share → "From my counselor" open. */
export async function openReceived(overrides: Overrides = {}, seed?: (backend: FakeBackend) => void) {
  const backend = createFakeBackend({ unlocked: true, ...overrides });
  seed?.(backend);
  const utils = renderApp(backend);
  await utils.user.click(await screen.findByTestId('nav-share'));
  await utils.user.click(await screen.findByTestId('share-tab-received'));
  await screen.findByTestId('received');
  return { backend, ...utils };
}

/** Imports a file straight through the fake (test setup), as if it had been opened earlier. */
export function importNow(backend: FakeBackend, path: string, passphrase: string | null = null): ImportOutcome {
  const args: Record<string, unknown> = { path, passphrase };
  return backend.sharing.inbox.handle('import_share_file', <T>(name: string) => args[name] as T) as ImportOutcome;
}

/** A free entry as a share carries it. */
export function entryItem(title: string, body: string, day = '2026-11-19'): SharedItem {
  return {
    type: 'entry',
    kind: 'free',
    day,
    createdAt: `${day}T20:15:00.000-05:00`,
    title,
    body,
    feelings: null,
    goingOn: null,
    helped: null,
    tags: null,
    prompt: null,
    goal: null,
    identity: null,
  };
}

/** A goal as a share carries it. */
export function goalItem(title: string, why: string | null = null): SharedItem {
  return {
    type: 'goal',
    title,
    why,
    area: null,
    status: 'active',
    madeWithCounselor: false,
    steps: null,
    checkins: null,
  };
}

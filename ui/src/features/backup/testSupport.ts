// Shared helpers for the backup screens' tests.
import { screen } from '@testing-library/react';
import { createFakeBackend, type FakeBackend } from '../../test/fakeBackend';
import { renderApp } from '../../test/render';

export function daysAgo(days: number, hour = 12, minute = 0): Date {
  const d = new Date();
  d.setDate(d.getDate() - days);
  d.setHours(hour, minute, 0, 0);
  return d;
}

/** Today at hh:mm (local). */
export function todayAt(hour: number, minute: number): Date {
  return daysAgo(0, hour, minute);
}

/** Three entries on three days, written 30, 10 and 2 days ago. */
export function seedEntries(backend: FakeBackend): void {
  backend.journal.add({ title: 'The first one', body: 'Hello' }, daysAgo(30));
  backend.journal.add({ title: 'Middle', body: 'Still here' }, daysAgo(10));
  backend.journal.add({ title: 'Recent', body: 'Almost now' }, daysAgo(2));
}

/** Unlocked app → Settings → "Backups, restore and export". */
export async function openBackups(
  overrides: Parameters<typeof createFakeBackend>[0] = {},
  seed?: (backend: FakeBackend) => void,
) {
  const backend = createFakeBackend({ unlocked: true, ...overrides });
  seed?.(backend);
  const utils = renderApp(backend);
  await utils.user.click(await screen.findByTestId('nav-settings'));
  await utils.user.click(await screen.findByTestId('settings-backups'));
  const main = await screen.findByTestId('backups-screen');
  await screen.findByTestId('backup-now');
  return { backend, main, ...utils };
}

export const itemTexts = () => screen.queryAllByTestId('backup-item').map((item) => item.textContent);

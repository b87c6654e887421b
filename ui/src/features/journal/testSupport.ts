// Shared helpers for the journal screens' tests.
import { screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import { createFakeBackend } from '../../test/fakeBackend';
import { renderApp } from '../../test/render';

/**
 * jsdom has no layout: give scroll containers a window height and rows a height, so the
 * virtualised timeline renders the rows a real window would.
 */
export function fakeLayout(viewport = 600, row = 80) {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.dataset.testid === 'timeline' ? viewport : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('timeline__row') ? row : 0;
  });
}

export async function openJournal(overrides: Parameters<typeof createFakeBackend>[0] = {}, seed?: (backend: ReturnType<typeof createFakeBackend>) => void) {
  const backend = createFakeBackend({ unlocked: true, ...overrides });
  seed?.(backend);
  const utils = renderApp(backend);
  await utils.user.click(await screen.findByTestId('nav-journal'));
  const main = await screen.findByTestId('screen-journal');
  return { backend, main, ...utils };
}

export const entryIds = () => screen.queryAllByTestId('timeline-entry').map((el) => Number(el.getAttribute('data-entry-id')));

export const dayHeadings = () => screen.queryAllByTestId('timeline-day').map((el) => el.textContent);

export function inEntryView() {
  return within(screen.getByTestId('entry-view'));
}

export function daysAgo(days: number, hour = 12, minute = 0): Date {
  const d = new Date();
  d.setDate(d.getDate() - days);
  d.setHours(hour, minute, 0, 0);
  return d;
}

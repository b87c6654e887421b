// Shared helpers for the goals screens' tests.
import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import { createFakeBackend } from '../../test/fakeBackend';
import { renderApp } from '../../test/render';

export type Backend = ReturnType<typeof createFakeBackend>;

/** Unlocked app with the goals area open (its list loaded). */
export async function openGoals(overrides: Parameters<typeof createFakeBackend>[0] = {}, seed?: (backend: Backend) => void) {
  const backend = createFakeBackend({ unlocked: true, ...overrides });
  seed?.(backend);
  const utils = renderApp(backend);
  await utils.user.click(await screen.findByTestId('nav-goals'));
  const main = await screen.findByTestId('goals-screen');
  await waitFor(() => expect(main).not.toHaveAttribute('aria-busy', 'true'));
  return { backend, main, ...utils };
}

export const cardTitles = () =>
  screen.queryAllByTestId('goal-card').map((card) => card.querySelector('.goal-card__title')?.textContent ?? '');

/** The texts of the editor's step rows, in order. */
export const editorSteps = () =>
  screen.queryAllByTestId('goal-step-text').map((input) => (input as HTMLInputElement).value);

/** The texts of the goal view's steps, in order, and which are done. */
export const viewSteps = () =>
  screen.queryAllByTestId('goal-step').map((row) => ({
    text: row.textContent ?? '',
    done: within(row).getByRole('checkbox').matches(':checked'),
  }));

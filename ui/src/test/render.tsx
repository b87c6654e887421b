import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { expect } from 'vitest';
import { App } from '../app/App';
import type { FakeBackend } from './fakeBackend';

export function renderApp(backend: FakeBackend, userOptions: Parameters<typeof userEvent.setup>[0] = {}) {
  backend.install();
  const user = userEvent.setup(userOptions);
  const utils = render(<App />);
  return { user, ...utils };
}

/**
 * Runs axe-core on the whole document (portalled dialogs and popovers included) and fails with
 * a readable list. jsdom cannot compute colours, so colour contrast is covered by the token test.
 */
export async function expectNoAxeViolations(root: Element = document.body): Promise<void> {
  const results = await axe.run(root, {
    rules: { 'color-contrast': { enabled: false } },
  });
  const problems = results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
  expect(problems).toEqual([]);
}

/** Unlocks from the lock screen with the given passphrase and waits for Today. */
export async function unlock(user: ReturnType<typeof userEvent.setup>, passphrase: string): Promise<void> {
  await user.type(await screen.findByTestId('unlock-passphrase'), passphrase);
  await user.click(screen.getByTestId('unlock-submit'));
  await screen.findByTestId('screen-today');
}

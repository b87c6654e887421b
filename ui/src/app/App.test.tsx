import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeBackend, defaultPrefs } from '../test/fakeBackend';
import { expectNoAxeViolations, renderApp } from '../test/render';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('App start', () => {
  it('never asks the keychain at start, on first run or on the lock screen', async () => {
    // On a desktop whose keyring is locked, asking makes the system pop up a password prompt.
    const locked = createFakeBackend();
    renderApp(locked);
    await screen.findByTestId('screen-lock');
    expect(locked.callsTo('keychain_status')).toHaveLength(0);
  });

  it('says so calmly when the backend cannot be reached, and can try again', async () => {
    const backend = createFakeBackend();
    backend.state.failNext.app_status = 'internal';
    const { user } = renderApp(backend);
    const problem = await screen.findByTestId('screen-start-problem');
    expect(problem).toHaveTextContent("Cove couldn't get started just now. Your journal is safe");
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('screen-lock')).toBeInTheDocument();
  });

  it('follows the system colour scheme when the theme is "system"', async () => {
    vi.spyOn(window, 'matchMedia').mockImplementation(
      (query: string) =>
        ({
          matches: query === '(prefers-color-scheme: dark)',
          media: query,
          addEventListener: () => undefined,
          removeEventListener: () => undefined,
        }) as unknown as MediaQueryList,
    );
    renderApp(createFakeBackend({ prefs: defaultPrefs({ theme: 'system', accent: 'sky' }) }));
    await screen.findByTestId('screen-lock');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement.dataset.accent).toBe('sky');
  });

  it('uses the system language before any language is chosen', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('es-MX');
    renderApp(createFakeBackend({ prefs: defaultPrefs({ language: null }) }));
    expect(await screen.findByTestId('screen-lock')).toHaveTextContent('Tu espacio está bloqueado.');
    expect(document.documentElement.lang).toBe('es');
  });
});

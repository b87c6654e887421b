import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeBackend, PASSPHRASE } from '../test/fakeBackend';
import { renderApp } from '../test/render';

// Every part that should be its own chunk is wrapped: its import is recorded, and it can be held
// back (a gate) to see what shows while its code is on the way. A part imported statically by
// the lock screen or by Today would be recorded as soon as this file imports the App.
const parts = vi.hoisted(() => {
  const imported = new Set<string>();
  const gates = new Map<string, { arrived: Promise<void>; open: () => void }>();
  return {
    imported,
    /** Holds the part's code back until `open(name)`. */
    hold(name: string) {
      let open = () => undefined as void;
      const arrived = new Promise<void>((resolve) => (open = resolve));
      gates.set(name, { arrived, open });
    },
    open(name: string) {
      gates.get(name)?.open();
    },
    async arrive(name: string) {
      imported.add(name);
      await gates.get(name)?.arrived;
    },
  };
});

vi.mock('../features/onboarding/Onboarding', async (original) => {
  await parts.arrive('onboarding');
  return { ...(await original<object>()) };
});
vi.mock('../features/shell/Session', async (original) => {
  await parts.arrive('session');
  return { ...(await original<object>()) };
});
vi.mock('../features/journal/Journal', async (original) => {
  await parts.arrive('journal');
  return { ...(await original<object>()) };
});
vi.mock('../features/feelings/CheckIn', async (original) => {
  await parts.arrive('checkin');
  return { ...(await original<object>()) };
});
vi.mock('../features/insights/Insights', async (original) => {
  await parts.arrive('insights');
  return { ...(await original<object>()) };
});
vi.mock('../features/goals/Goals', async (original) => {
  await parts.arrive('goals');
  return { ...(await original<object>()) };
});
vi.mock('../features/settings/Settings', async (original) => {
  await parts.arrive('settings');
  return { ...(await original<object>()) };
});
vi.mock('../features/prompts/PromptsBrowser', async (original) => {
  await parts.arrive('prompts-browser');
  return { ...(await original<object>()) };
});

// Each language's words are a chunk too.
vi.mock('../i18n/messages.en', async (original) => {
  await parts.arrive('words-en');
  return { ...(await original<object>()) };
});
vi.mock('../i18n/messages.es', async (original) => {
  await parts.arrive('words-es');
  return { ...(await original<object>()) };
});

const importedParts = () => [...parts.imported].filter((name) => !name.startsWith('words-')).sort();
const loadedWords = () => [...parts.imported].filter((name) => name.startsWith('words-')).sort();

describe('code splitting', () => {
  it('loads each part of the app when it is first needed, and shows something calm meanwhile', async () => {
    parts.hold('session');
    parts.hold('journal');
    const { user } = renderApp(createFakeBackend());

    // The lock screen: nothing of the unlocked app, nor of first run.
    await screen.findByTestId('screen-lock');
    expect(importedParts()).toEqual([]);

    // Sending the passphrase starts loading the session; while its code is on the way after the
    // journal has opened, the quiet "Opening…" page (busy) stands in for it.
    await user.type(screen.getByTestId('unlock-passphrase'), PASSPHRASE);
    await user.click(screen.getByTestId('unlock-submit'));
    const opening = await screen.findByText('Opening…');
    expect(opening.closest('main')).toHaveAttribute('aria-busy', 'true');
    expect(importedParts()).toEqual(['session']);
    expect(screen.queryByTestId('screen-lock')).not.toBeInTheDocument();
    parts.open('session');

    // Today: none of the other areas, nor the full check-in or the prompts browser.
    await screen.findByTestId('screen-today');
    expect(screen.queryByText('Opening…')).not.toBeInTheDocument();
    expect(importedParts()).toEqual(['session']);

    // Ctrl+K while Journal's code is still on the way: Today stays up, the main area marked busy…
    await user.keyboard('{Control>}k{/Control}');
    await waitFor(() => expect(importedParts()).toEqual(['journal', 'session']));
    expect(screen.getByTestId('screen-today')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/Sam\.$/);
    // …then Journal arrives and the intent still reaches it: the search field has focus.
    parts.open('journal');
    // (The field is focused by an effect just after it appears, so wait for the focus itself.)
    await screen.findByTestId('journal-search');
    await waitFor(() => expect(screen.getByTestId('journal-search')).toHaveFocus());
    expect(screen.getByTestId('screen-journal')).not.toHaveAttribute('aria-busy');

    // Feelings brings the check-in; the charts only come with Patterns.
    await user.click(screen.getByTestId('nav-feelings'));
    await screen.findByTestId('checkin');
    expect(importedParts()).toEqual(['checkin', 'journal', 'session']);
    await user.click(screen.getByTestId('feelings-tab-patterns'));
    await waitFor(() => expect(screen.getByTestId('feelings-tab-patterns')).toHaveAttribute('aria-selected', 'true'));
    expect(importedParts()).toEqual(['checkin', 'insights', 'journal', 'session']);

    // Settings comes when visited.
    await user.click(screen.getByTestId('nav-settings'));
    expect(within(await screen.findByTestId('screen-settings')).getByRole('heading', { level: 1 })).toHaveTextContent('Settings');

    // Help never waits behind another area's code: chosen while Goals is still loading, it shows
    // at once, and stays when Goals' code arrives.
    parts.hold('goals');
    await user.click(screen.getByTestId('nav-goals'));
    await waitFor(() => expect(importedParts()).toContain('goals'));
    await user.click(screen.getByTestId('nav-help'));
    expect(screen.getByTestId('screen-help')).toHaveTextContent('Call or text 988');
    parts.open('goals');
    await waitFor(() => expect(screen.getByRole('main')).not.toHaveAttribute('aria-busy'));
    expect(screen.getByRole('main')).toHaveAttribute('data-testid', 'screen-help');
    await user.click(screen.getByTestId('nav-goals'));
    expect(within(await screen.findByTestId('screen-goals')).getByRole('heading', { level: 1 })).toHaveTextContent('Goals');

    // First run never came into it.
    expect(importedParts()).toEqual(['checkin', 'goals', 'insights', 'journal', 'session', 'settings']);
  });

  it('loads only the words of the language on screen, and another language when it is chosen', async () => {
    const { user } = renderApp(createFakeBackend());
    await screen.findByTestId('screen-lock');
    await user.type(screen.getByTestId('unlock-passphrase'), PASSPHRASE);
    await user.click(screen.getByTestId('unlock-submit'));
    await user.click(await screen.findByTestId('nav-settings'));
    await screen.findByTestId('screen-settings');
    expect(loadedWords()).toEqual(['words-en']);

    await user.click(screen.getByTestId('settings-language-button'));
    await user.click(await screen.findByTestId('settings-language-option-es'));
    await waitFor(() => expect(document.documentElement.lang).toBe('es'));
    expect(within(screen.getByTestId('screen-settings')).getByRole('heading', { level: 1 })).toHaveTextContent('Ajustes');
    expect(loadedWords()).toEqual(['words-en', 'words-es']);
  });
});

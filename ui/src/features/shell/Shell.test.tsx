import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeBackend, defaultPrefs } from '../../test/fakeBackend';
import { expectNoAxeViolations, renderApp } from '../../test/render';
import { dayPeriod } from '../today/greeting';
import { testProfile } from '../../test/profiles';

afterEach(() => {
  vi.useRealTimers();
});

const AREAS = [
  { area: 'today', heading: /^(Morning|Afternoon|Evening), Sam\.$/ },
  { area: 'journal', heading: 'Journal', text: 'Nothing here yet. Want to start with how today felt?' },
  { area: 'feelings', heading: 'Feelings', text: 'How are you feeling?' },
  { area: 'identity', heading: 'Identity', text: 'try on names and pronouns' },
  { area: 'goals', heading: 'Goals', text: 'goals you choose for yourself' },
  { area: 'share', heading: 'Share', text: 'Nothing leaves without you.' },
  { area: 'help', heading: 'Help', text: 'Call or text 988' },
  { area: 'settings', heading: 'Settings', text: 'Keyboard shortcuts' },
] as const;

describe('shell', () => {
  it('has a labelled navigation landmark with icon + text items and Help, Settings, Lock at the bottom', async () => {
    renderApp(createFakeBackend({ unlocked: true }));
    const nav = await screen.findByRole('navigation', { name: 'Cove' });
    const links = within(nav).getAllByRole('link').map((link) => link.textContent);
    expect(links).toEqual(['Today', 'Journal', 'Feelings', 'Identity', 'Goals', 'Share', 'Help', 'Settings']);
    expect(within(nav).getByRole('button', { name: 'Lock' })).toHaveAttribute('data-testid', 'nav-lock');
    expect(screen.getByRole('main')).toHaveAttribute('data-testid', 'screen-today');
  });

  it.each(AREAS)('shows $area with its own h1, marks it current, and passes axe', async (entry) => {
    const { user } = renderApp(createFakeBackend({ unlocked: true }));
    await screen.findByTestId('screen-today');
    // Start somewhere else so every area, Today included, is arrived at by navigation.
    await user.click(screen.getByTestId(entry.area === 'journal' ? 'nav-goals' : 'nav-journal'));
    const navItem = screen.getByTestId(`nav-${entry.area}`);
    await user.click(navItem);
    const main = await screen.findByTestId(`screen-${entry.area}`);
    const h1 = within(main).getByRole('heading', { level: 1 });
    expect(h1).toHaveTextContent(entry.heading);
    expect(h1).toHaveFocus();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(navItem).toHaveAttribute('aria-current', 'page');
    // Some areas show their text once their data has arrived.
    if ('text' in entry) await waitFor(() => expect(main).toHaveTextContent(entry.text));
    await expectNoAxeViolations();
  });

  it('shows a clear Counselor badge only in counselor mode', async () => {
    renderApp(createFakeBackend({ unlocked: true, prefs: defaultPrefs({ mode: 'counselor' }) }));
    const nav = await screen.findByRole('navigation');
    expect(within(nav).getByTestId('counselor-badge')).toHaveTextContent('Counselor');
  });

  it('shows no badge in client mode', async () => {
    renderApp(createFakeBackend({ unlocked: true }));
    await screen.findByRole('navigation');
    expect(screen.queryByTestId('counselor-badge')).not.toBeInTheDocument();
  });

  it('opens the shortcuts overlay with "?" (not while typing) and closes it with Escape', async () => {
    const { user } = renderApp(createFakeBackend({ unlocked: true }));
    await screen.findByTestId('screen-today');
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(dialog).getAllByRole('row').slice(1).map((row) => row.textContent);
    expect(rows).toEqual([
      'Ctrl + NStart a new entry',
      'Ctrl + KSearch your journal',
      'Ctrl + LLock now',
      'Esc twice, quicklyQuick hide — locks at once and hides everything',
      '?Show this list',
    ]);
    await expectNoAxeViolations();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByTestId('screen-today')).toBeInTheDocument();

    await user.click(screen.getByTestId('nav-settings'));
    await user.type(await screen.findByTestId('settings-profile-name'), '?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('Today greeting', () => {
  it('greets by time of day with the chosen name', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-01T19:30:00'));
    renderApp(createFakeBackend({ unlocked: true, profile: testProfile('Sam') }));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Evening, Sam.');
    expect(screen.getByTestId('screen-today')).toHaveTextContent("Take a breath. There's nothing you need to do here.");
  });

  it('greets without a name when none is set', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-01T08:15:00'));
    renderApp(createFakeBackend({ unlocked: true, profile: testProfile(null) }));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Good morning.');
  });

  it('greets in Spanish when Spanish is chosen', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-01T14:00:00'));
    renderApp(createFakeBackend({ unlocked: true, prefs: defaultPrefs({ language: 'es' }) }));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Buenas tardes, Sam.');
    expect(document.documentElement.lang).toBe('es');
  });

  it('splits the day into morning, afternoon and evening', () => {
    const at = (hour: number) => dayPeriod(new Date(2025, 2, 1, hour, 0));
    expect([4, 5, 11, 12, 16, 17, 23].map(at)).toEqual([
      'evening',
      'morning',
      'morning',
      'afternoon',
      'afternoon',
      'evening',
      'evening',
    ]);
  });
});

import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeBackend, defaultPrefs, PASSPHRASE } from '../../test/fakeBackend';
import { renderApp, unlock } from '../../test/render';
import { testProfile } from '../../test/profiles';

function unlockedBackend(overrides: Parameters<typeof createFakeBackend>[0] = {}) {
  return createFakeBackend({ unlocked: true, profile: testProfile('Sam', 'they'), ...overrides });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('locking discards everything decrypted', () => {
  it('removes the profile from the DOM on lock and fetches it afresh after unlocking', async () => {
    const backend = unlockedBackend();
    const { user } = renderApp(backend);
    await screen.findByText(/, Sam\.$/);
    expect(backend.callsTo('get_profile')).toHaveLength(1);

    // Leave some unsaved, in-memory state behind: an edited name in Settings.
    await user.click(screen.getByTestId('nav-settings'));
    const nameField = await screen.findByTestId('settings-profile-name');
    expect(nameField).toHaveValue('Sam');
    await user.clear(nameField);
    await user.type(nameField, 'Samira (draft)');

    await user.click(screen.getByTestId('nav-lock'));
    await screen.findByTestId('screen-lock');
    await waitFor(() => expect(backend.state.unlocked).toBe(false));
    expect(document.body).not.toHaveTextContent('Sam');
    expect(document.body.innerHTML).not.toContain('Samira');
    expect(document.body.innerHTML).not.toContain('they/them');
    expect(screen.queryByTestId('settings-profile-name')).not.toBeInTheDocument();
    // Nothing went to web storage.
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);

    // backend.state.profile was never changed (the draft was not saved).
    backend.state.profile = testProfile('Sam', 'they');
    await unlock(user, PASSPHRASE);
    expect(backend.callsTo('get_profile')).toHaveLength(2);
    expect(await screen.findByText(/, Sam\.$/)).toBeInTheDocument();
    // A fresh session: back on Today, and Settings shows the saved name, not the draft.
    await user.click(screen.getByTestId('nav-settings'));
    expect(await screen.findByTestId('settings-profile-name')).toHaveValue('Sam');
  });
});

describe('lock shortcuts', () => {
  it('quick hide: Escape twice within 600 ms locks at once, even while typing', async () => {
    const backend = unlockedBackend();
    const { user } = renderApp(backend);
    await screen.findByText(/, Sam\.$/);
    await user.click(screen.getByTestId('nav-settings'));
    await user.click(await screen.findByTestId('settings-profile-name'));
    await user.keyboard('{Escape}{Escape}');
    expect(await screen.findByTestId('screen-lock')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('Sam');
    await waitFor(() => expect(backend.callsTo('lock')).toHaveLength(1));
    expect(backend.state.unlocked).toBe(false);
  });

  it('does not lock on one Escape, nor on two presses further apart than 600 ms', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-01T10:00:00'));
    const backend = unlockedBackend();
    renderApp(backend);
    await screen.findByText(/, Sam\.$/);

    fireEvent.keyDown(window, { key: 'Escape' });
    vi.setSystemTime(new Date('2025-03-01T10:00:00.700'));
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.getByTestId('screen-today')).toBeInTheDocument();
    expect(backend.callsTo('lock')).toHaveLength(0);

    vi.setSystemTime(new Date('2025-03-01T10:00:01.200'));
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(await screen.findByTestId('screen-lock')).toBeInTheDocument();
  });

  it('Ctrl+L locks', async () => {
    const backend = unlockedBackend();
    const { user } = renderApp(backend);
    await screen.findByText(/, Sam\.$/);
    await user.keyboard('{Control>}l{/Control}');
    expect(await screen.findByTestId('screen-lock')).toBeInTheDocument();
    await waitFor(() => expect(backend.callsTo('lock')).toHaveLength(1));
  });
});

describe('auto-lock', () => {
  async function renderIdleApp(autoLockMinutes: number) {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2025-03-01T20:00:00'));
    const backend = unlockedBackend({ prefs: defaultPrefs({ autoLockMinutes }) });
    renderApp(backend);
    await screen.findByText(/, Sam\.$/);
    return backend;
  }

  it('locks after the idle limit, and input resets the clock', async () => {
    const backend = await renderIdleApp(5);

    act(() => vi.advanceTimersByTime(4 * 60_000 + 45_000));
    expect(screen.getByTestId('screen-today')).toBeInTheDocument();

    fireEvent.pointerMove(window);
    act(() => vi.advanceTimersByTime(4 * 60_000 + 45_000));
    expect(screen.getByTestId('screen-today')).toBeInTheDocument();
    expect(backend.callsTo('lock')).toHaveLength(0);

    act(() => vi.advanceTimersByTime(30_000));
    expect(await screen.findByTestId('screen-lock')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('Sam');
    await waitFor(() => expect(backend.callsTo('lock')).toHaveLength(1));
  });

  it('locks at once on wake when the computer slept past the limit (wall-clock, not timer ticks)', async () => {
    const backend = await renderIdleApp(5);
    // Suspend: the clock moves on, no timers run.
    vi.setSystemTime(new Date('2025-03-01T20:30:00'));
    // The first input after waking is checked before it can count as activity.
    fireEvent.pointerMove(window);
    expect(await screen.findByTestId('screen-lock')).toBeInTheDocument();
    await waitFor(() => expect(backend.callsTo('lock')).toHaveLength(1));
  });

  it('locks on the next tick after waking even without input', async () => {
    await renderIdleApp(1);
    vi.setSystemTime(new Date('2025-03-01T21:00:00'));
    act(() => vi.advanceTimersByTime(15_000));
    expect(await screen.findByTestId('screen-lock')).toBeInTheDocument();
  });

  it('never locks by itself when set to Never', async () => {
    const backend = await renderIdleApp(0);
    act(() => vi.advanceTimersByTime(6 * 60 * 60_000));
    expect(screen.getByTestId('screen-today')).toBeInTheDocument();
    expect(backend.callsTo('lock')).toHaveLength(0);
  });
});

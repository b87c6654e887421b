import { screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeBackend, defaultPrefs, PASSPHRASE } from '../../test/fakeBackend';
import { expectNoAxeViolations, renderApp, unlock } from '../../test/render';
import { testProfile } from '../../test/profiles';

type User = ReturnType<typeof userEvent.setup>;

async function openSettings(overrides: Parameters<typeof createFakeBackend>[0] = {}) {
  const backend = createFakeBackend({ unlocked: true, ...overrides });
  const { user } = renderApp(backend);
  await user.click(await screen.findByTestId('nav-settings'));
  await screen.findByTestId('screen-settings');
  return { backend, user };
}

async function choose(user: User, testId: string, optionId: string) {
  await user.click(screen.getByTestId(`${testId}-button`));
  await user.click(await screen.findByTestId(`${testId}-option-${optionId}`));
}

describe('settings', () => {
  it('passes axe with an open select popover too', async () => {
    const { user } = await openSettings();
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('settings-theme-button'));
    await screen.findByRole('listbox');
    await expectNoAxeViolations();
  });

  it('saves the theme with save_prefs and applies it at once', async () => {
    const { backend, user } = await openSettings();
    expect(document.documentElement.dataset.theme).toBe('light');
    await choose(user, 'settings-theme', 'dark');
    await waitFor(() => expect(backend.state.prefs.theme).toBe('dark'));
    expect(backend.callsTo('save_prefs').at(-1)?.args).toEqual({ prefs: { ...defaultPrefs(), theme: 'dark' } });
    expect(document.documentElement.dataset.theme).toBe('dark');

    await choose(user, 'settings-theme', 'contrast');
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('contrast'));
  });

  it('applies accent and text size live', async () => {
    const { backend, user } = await openSettings();
    await choose(user, 'settings-accent', 'plum');
    await waitFor(() => expect(document.documentElement.dataset.accent).toBe('plum'));
    await choose(user, 'settings-text-size', '1.25');
    await waitFor(() => expect(document.documentElement.style.getPropertyValue('--text-scale')).toBe('1.25'));
    expect(backend.state.prefs).toMatchObject({ accent: 'plum', textScale: 1.25 });
  });

  it('switches language live, including <html lang>', async () => {
    const { backend, user } = await openSettings();
    expect(document.documentElement.lang).toBe('en');
    await choose(user, 'settings-language', 'es');
    await waitFor(() => expect(document.documentElement.lang).toBe('es'));
    expect(within(screen.getByTestId('screen-settings')).getByRole('heading', { level: 1 })).toHaveTextContent('Ajustes');
    expect(screen.getByTestId('nav-today')).toHaveTextContent('Hoy');
    expect(backend.state.prefs.language).toBe('es');
    await choose(user, 'settings-language', 'system');
    await waitFor(() => expect(backend.state.prefs.language).toBeNull());
    // jsdom's system language is English.
    expect(document.documentElement.lang).toBe('en');
  });

  it('offers Never/1/5/15/30/60 minutes for auto-lock and saves the choice', async () => {
    const { backend, user } = await openSettings();
    await user.click(screen.getByTestId('settings-autolock-button'));
    const options = within(await screen.findByRole('listbox')).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual([
      'Never',
      'After 1 minute without use',
      'After 5 minutes without use',
      'After 15 minutes without use',
      'After 30 minutes without use',
      'After 60 minutes without use',
    ]);
    await user.click(screen.getByTestId('settings-autolock-option-15'));
    await waitFor(() => expect(backend.state.prefs.autoLockMinutes).toBe(15));
  });

  it('puts the old setting back and says so kindly when saving fails', async () => {
    const { backend, user } = await openSettings();
    backend.state.failNext.save_prefs = 'storage';
    await choose(user, 'settings-theme', 'dark');
    await waitFor(() =>
      expect(screen.getByTestId('settings-prefs-message')).toHaveTextContent("That setting couldn't be saved."),
    );
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(backend.state.prefs.theme).toBe('light');
  });

  it('saves name and pronouns and the greeting follows', async () => {
    const { backend, user } = await openSettings({ profile: testProfile('Sam') });
    const name = screen.getByTestId('settings-profile-name');
    await user.clear(name);
    await user.type(name, '  Alex ');
    await user.click(screen.getByTestId('settings-profile-pronouns-choice-she'));
    expect(screen.getAllByTestId('settings-profile-preview-sentence')[0]).toHaveTextContent(
      'This is my friend Alex. She is the funniest person I know.',
    );
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('settings-profile-save'));
    await waitFor(() =>
      expect(screen.getByTestId('settings-profile-message')).toHaveTextContent("Saved. We'll use this from now on."),
    );
    expect(backend.callsTo('save_profile')[0]?.args).toEqual({ profile: testProfile('Alex', 'she') });
    await user.click(screen.getByTestId('nav-today'));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(/, Alex\.$/);
  });

  it('changes the passphrase; a wrong current one is met kindly and nothing typed is lost', async () => {
    const { backend, user } = await openSettings();
    const current = screen.getByTestId('settings-change-passphrase-current');
    const next = screen.getByTestId('settings-change-passphrase-new');
    const confirm = screen.getByTestId('settings-change-passphrase-confirm');
    await user.type(current, 'not my passphrase');
    await user.type(next, 'velvet harbor cactus lamp');
    await user.type(confirm, 'velvet harbor cactus lamp');
    await user.click(screen.getByTestId('settings-change-passphrase-submit'));
    const message = screen.getByTestId('settings-change-passphrase-message');
    await waitFor(() => expect(message).toHaveTextContent("That isn't your current passphrase."));
    expect(current).toHaveValue('not my passphrase');
    expect(next).toHaveValue('velvet harbor cactus lamp');

    await user.clear(current);
    await user.type(current, PASSPHRASE);
    await user.click(screen.getByTestId('settings-change-passphrase-submit'));
    await waitFor(() => expect(message).toHaveTextContent('Your passphrase is changed.'));
    expect(backend.callsTo('change_passphrase').at(-1)?.args).toEqual({
      current: PASSPHRASE,
      next: 'velvet harbor cactus lamp',
    });
    expect(backend.state.passphrase).toBe('velvet harbor cactus lamp');
    expect(current).toHaveValue('');
    expect(next).toHaveValue('');
    expect(confirm).toHaveValue('');
  });

  it('sets and removes a PIN when the keychain works', async () => {
    const { backend, user } = await openSettings();
    await user.type(screen.getByTestId('pin-input'), '97531');
    await user.click(screen.getByTestId('pin-save'));
    await waitFor(() => expect(screen.getByTestId('settings-pin-remove')).toBeInTheDocument());
    expect(backend.state.pin).toBe('97531');
    expect(screen.getByTestId('settings-pin-message')).toHaveTextContent('Your PIN is set.');

    await user.click(screen.getByTestId('settings-pin-remove'));
    await waitFor(() => expect(screen.getByTestId('pin-input')).toBeInTheDocument());
    expect(backend.callsTo('remove_pin')).toHaveLength(1);
    expect(backend.state.pin).toBeNull();
    expect(screen.getByTestId('settings-pin-message')).toHaveTextContent('The PIN is off.');
  });

  it('explains plainly why there is no PIN when the keychain is missing', async () => {
    await openSettings({ keychain: { available: false, reason: 'Keychain is locked' } });
    expect(screen.getByTestId('pin-unavailable')).toHaveTextContent("A PIN isn't offered on this computer");
    expect(screen.getByText('Details: Keychain is locked')).toBeInTheDocument();
    expect(screen.queryByTestId('pin-input')).not.toBeInTheDocument();
  });

  it('lists the keyboard shortcuts', async () => {
    await openSettings();
    const table = screen.getByTestId('settings-shortcuts');
    expect(table).toHaveTextContent('Ctrl + NStart a new entry');
    expect(table).toHaveTextContent('Ctrl + KSearch your journal');
    expect(table).toHaveTextContent('Ctrl + L');
    expect(table).toHaveTextContent('Esc twice, quickly');
    expect(table).toHaveTextContent('Show this list');
  });
});

describe('privacy on this computer', () => {
  it('explains both choices plainly and passes axe', async () => {
    await openSettings();
    const section = screen.getByRole('region', { name: 'Privacy on this computer' });
    expect(within(section).getByTestId('settings-display-name')).toHaveAccessibleDescription(
      /Shown instead of “Cove” in the sidebar, on the lock screen and in the window title.*doesn't change how your journal is protected/,
    );
    expect(within(section).getByRole('switch', { name: 'Neutral look' })).toHaveAccessibleDescription(
      "Swaps the warm colors and lettering for a plain grey look. It doesn't change how your journal is protected.",
    );
    await expectNoAxeViolations(section);
    await expectNoAxeViolations();
  });

  it('renames the app in the sidebar, the document title and the lock screen; empty brings back "Cove"', async () => {
    const { backend, user } = await openSettings();
    expect(document.title).toBe('Cove');
    const field = screen.getByTestId('settings-display-name');
    await user.type(field, '  Study notes ');
    await user.click(screen.getByTestId('settings-display-name-save'));
    await waitFor(() => expect(backend.state.prefs.displayName).toBe('Study notes'));
    expect(backend.callsTo('save_prefs').at(-1)?.args).toEqual({ prefs: { ...defaultPrefs(), displayName: 'Study notes' } });
    expect(screen.getByTestId('settings-privacy-message')).toHaveTextContent('Saved. The app now shows “Study notes”.');
    expect(field).toHaveValue('Study notes');
    expect(screen.getByTestId('sidebar-wordmark')).toHaveTextContent('Study notes');
    expect(screen.getByRole('navigation', { name: 'Study notes' })).toBeInTheDocument();
    expect(document.title).toBe('Study notes');
    expect(document.body).not.toHaveTextContent(/\bCove\b(?!”)/);

    await user.click(screen.getByTestId('nav-lock'));
    const lock = await screen.findByTestId('screen-lock');
    expect(within(lock).getByRole('heading', { level: 1 })).toHaveTextContent('Study notes');
    expect(document.body).not.toHaveTextContent('Cove');
    expect(document.title).toBe('Study notes');

    await unlock(user, PASSPHRASE);
    await user.click(screen.getByTestId('nav-settings'));
    const again = await screen.findByTestId('settings-display-name');
    expect(again).toHaveValue('Study notes');
    await user.clear(again);
    await user.click(screen.getByTestId('settings-display-name-save'));
    await waitFor(() => expect(backend.state.prefs.displayName).toBeNull());
    expect(screen.getByTestId('settings-privacy-message')).toHaveTextContent('Saved. The app shows “Cove” again.');
    expect(screen.getByTestId('sidebar-wordmark')).toHaveTextContent('Cove');
    expect(document.title).toBe('Cove');
  });

  it('keeps names to 40 characters and turns tabs into spaces', async () => {
    const { backend, user } = await openSettings();
    const field = screen.getByTestId('settings-display-name');
    await user.click(field);
    await user.paste(`Notes\tfor\tschool ${'x'.repeat(60)}`);
    expect((field as HTMLInputElement).value).toHaveLength(40);
    expect((field as HTMLInputElement).value).toMatch(/^Notes for school x+$/);
    await user.click(screen.getByTestId('settings-display-name-save'));
    await waitFor(() => expect(backend.state.prefs.displayName).toHaveLength(40));
  });

  it('says so kindly and keeps the old name when saving fails', async () => {
    const { backend, user } = await openSettings();
    backend.state.failNext.save_prefs = 'storage';
    await user.type(screen.getByTestId('settings-display-name'), 'Notes');
    await user.click(screen.getByTestId('settings-display-name-save'));
    await waitFor(() =>
      expect(screen.getByTestId('settings-privacy-message')).toHaveTextContent("That setting couldn't be saved."),
    );
    expect(screen.getByTestId('settings-display-name')).toHaveValue('Notes');
    expect(screen.getByTestId('sidebar-wordmark')).toHaveTextContent('Cove');
    expect(document.title).toBe('Cove');
  });

  it('switches to the neutral look and back, saving it, without touching anything else', async () => {
    const { backend, user } = await openSettings();
    expect(document.documentElement.dataset.look).toBe('warm');
    const neutral = within(screen.getByTestId('settings-neutral-look')).getByRole('switch');
    expect(neutral).not.toBeChecked();
    await user.click(neutral);
    await waitFor(() => expect(backend.state.prefs.neutralLook).toBe(true));
    expect(backend.callsTo('save_prefs').at(-1)?.args).toEqual({ prefs: { ...defaultPrefs(), neutralLook: true } });
    expect(neutral).toBeChecked();
    expect(document.documentElement.dataset.look).toBe('neutral');
    expect(screen.getByTestId('settings-accent')).toHaveTextContent('While the neutral look is on, a plain grey is used instead.');
    // Only prefs were saved: nothing about the passphrase, PIN or vault (reads, e.g. Today's, aside).
    const reads = /^(app_status|keychain_status|backup_status|get_|list_)/;
    expect(backend.calls.map((c) => c.cmd).filter((cmd) => !reads.test(cmd))).toEqual([
      'save_prefs',
    ]);
    await expectNoAxeViolations();
    await user.click(neutral);
    await waitFor(() => expect(backend.state.prefs.neutralLook).toBe(false));
    expect(document.documentElement.dataset.look).toBe('warm');
  });

  it('shows the neutral look on the lock screen too', async () => {
    const { user } = renderApp(createFakeBackend({ prefs: defaultPrefs({ neutralLook: true, displayName: 'Notes' }) }));
    await screen.findByTestId('screen-lock');
    expect(document.documentElement.dataset.look).toBe('neutral');
    expect(document.title).toBe('Notes');
    await user.click(screen.getByTestId('nav-help'));
    expect(await screen.findByTestId('solo-wordmark')).toHaveTextContent('Notes');
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeBackend, defaultPrefs, RECOVERY_CODE } from '../../test/fakeBackend';
import { expectNoAxeViolations, renderApp } from '../../test/render';
import { testProfile } from '../../test/profiles';

type User = ReturnType<typeof userEvent.setup>;
const STRONG = 'lantern pickle orbit sofa';

function firstRun(overrides: Parameters<typeof createFakeBackend>[0] = {}) {
  return createFakeBackend({
    vaultExists: false,
    unlocked: false,
    prefs: defaultPrefs({ mode: null, language: null }),
    profile: testProfile(null),
    ...overrides,
  });
}

async function skipToPassphrase(user: User) {
  await user.click(await screen.findByTestId('onboarding-next'));
  await user.click(await screen.findByTestId('onboarding-skip'));
  await user.click(await screen.findByTestId('onboarding-skip'));
  await screen.findByTestId('onboarding-passphrase');
}

async function createWith(user: User, passphrase: string, confirmation = passphrase) {
  await user.type(screen.getByTestId('onboarding-passphrase'), passphrase);
  await user.type(screen.getByTestId('onboarding-passphrase-confirm'), confirmation);
  await user.click(screen.getByTestId('onboarding-create'));
}

describe('first run', () => {
  it('walks through every step, creates the vault with the typed values and shows the code once', async () => {
    const backend = firstRun();
    const { user } = renderApp(backend);

    const welcome = await screen.findByTestId('onboarding-welcome');
    expect(welcome).toHaveTextContent(
      'This is your space. What you write here stays on this computer, locked with a passphrase only you know. You decide if anything is ever shared — and exactly what.',
    );
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('onboarding-next'));

    await screen.findByTestId('onboarding-step-mode');
    // Nothing asks the keychain before the PIN step itself.
    expect(backend.callsTo('keychain_status')).toHaveLength(0);
    expect(screen.getByTestId('onboarding-mode-client')).toHaveTextContent("I'm here for myself");
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('onboarding-mode-counselor'));

    await screen.findByTestId('onboarding-step-about');
    await user.type(screen.getByTestId('onboarding-name'), 'Sam');
    await user.click(screen.getByTestId('onboarding-pronouns-choice-they'));
    expect(screen.getByTestId('onboarding-pronouns-choice-they')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('onboarding-pronouns-they-reflexive-themself')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getAllByTestId('onboarding-pronouns-preview-sentence').map((s) => s.textContent)).toEqual([
      'This is my friend Sam. They are the funniest person I know.',
      'After a long day, Sam made themself a coffee and curled up with a good book.',
    ]);
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('onboarding-next'));

    await screen.findByTestId('onboarding-step-passphrase');
    await user.type(screen.getByTestId('onboarding-passphrase'), STRONG);
    await user.type(screen.getByTestId('onboarding-passphrase-confirm'), STRONG);
    // The meter speaks in words, and it is the field's description.
    const word = await screen.findByTestId('strength-word');
    expect(word.textContent).toMatch(/^Strength: (strong|very strong)$/);
    expect(screen.getByTestId('onboarding-passphrase')).toHaveAccessibleDescription(/Strength: (strong|very strong)/);
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('onboarding-create'));

    const code = await screen.findByTestId('recovery-code');
    expect(backend.callsTo('create_vault')).toEqual([
      {
        cmd: 'create_vault',
        args: { input: { passphrase: STRONG, mode: 'counselor', profile: testProfile('Sam', 'they') } },
      },
    ]);
    expect(code.textContent).toBe(RECOVERY_CODE);
    expect(screen.getByTestId('onboarding-step-recovery')).toHaveTextContent(
      'If you ever forget your passphrase, this code is the only other way in.',
    );
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('onboarding-next'));

    // Typing it back: a mismatch is met kindly and the typed value stays.
    const confirmInput = await screen.findByTestId('recovery-confirm-input');
    await expectNoAxeViolations();
    await user.type(confirmInput, '7KQ2-M9XD-0000');
    await user.click(screen.getByTestId('recovery-confirm-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('recovery-confirm-message')).toHaveTextContent("That doesn't match yet."),
    );
    expect(confirmInput).toHaveValue('7KQ2-M9XD-0000');
    await user.clear(confirmInput);
    await user.type(confirmInput, RECOVERY_CODE.toLowerCase().replaceAll('-', ' '));
    await user.click(screen.getByTestId('recovery-confirm-submit'));
    expect(backend.callsTo('confirm_recovery_code').at(-1)?.args).toEqual({ code: RECOVERY_CODE });

    // Optional PIN (the keychain works here): only now is the keychain asked.
    const pin = await screen.findByTestId('pin-input');
    expect(backend.callsTo('keychain_status')).toHaveLength(1);
    expect(screen.getByTestId('pin-skip')).toBeInTheDocument();
    await expectNoAxeViolations();
    await user.type(pin, '12ab');
    await user.click(screen.getByTestId('pin-save'));
    await waitFor(() => expect(screen.getByTestId('pin-message')).toHaveTextContent('A PIN is 4 to 12 digits'));
    expect(backend.callsTo('set_pin')).toHaveLength(0);
    await user.clear(pin);
    await user.type(pin, '2468');
    await user.click(screen.getByTestId('pin-save'));

    const today = await screen.findByTestId('screen-today');
    expect(backend.callsTo('set_pin')[0]?.args).toEqual({ pin: '2468' });
    expect(within(today).getByRole('heading', { level: 1 })).toHaveTextContent(/, Sam\.$/);
    expect(screen.getByTestId('counselor-badge')).toHaveTextContent('Counselor');
    expect(screen.queryByTestId('recovery-code')).not.toBeInTheDocument();
  });

  it('lets every question be skipped: a client vault with an empty profile', async () => {
    const backend = firstRun();
    const { user } = renderApp(backend);
    await skipToPassphrase(user);
    await createWith(user, STRONG);
    await screen.findByTestId('recovery-code');
    expect(backend.callsTo('create_vault')[0]?.args).toEqual({
      input: { passphrase: STRONG, mode: 'client', profile: testProfile(null) },
    });
    await user.click(screen.getByTestId('onboarding-next'));
    await user.type(await screen.findByTestId('recovery-confirm-input'), RECOVERY_CODE);
    await user.click(screen.getByTestId('recovery-confirm-submit'));
    await user.click(await screen.findByTestId('pin-skip'));
    const today = await screen.findByTestId('screen-today');
    expect(within(today).getByRole('heading', { level: 1 })).toHaveTextContent(/^Good (morning|afternoon|evening)\.$/);
    expect(screen.queryByTestId('counselor-badge')).not.toBeInTheDocument();
    expect(backend.callsTo('set_pin')).toHaveLength(0);
  });

  it('refuses too-short and obviously weak passphrases with a kind explanation', async () => {
    const backend = firstRun();
    const { user } = renderApp(backend);
    await skipToPassphrase(user);

    await createWith(user, 'sunny');
    const message = screen.getByTestId('onboarding-message');
    await waitFor(() => expect(message).toHaveTextContent('Use at least 8 characters (3 more to go).'));

    await user.clear(screen.getByTestId('onboarding-passphrase'));
    await user.clear(screen.getByTestId('onboarding-passphrase-confirm'));
    await createWith(user, 'password1');
    await waitFor(() => expect(message).toHaveTextContent('among the first things someone would try'));
    expect(screen.getByTestId('strength-word')).toHaveTextContent('Strength: very easy to guess');

    await user.clear(screen.getByTestId('onboarding-passphrase'));
    await user.clear(screen.getByTestId('onboarding-passphrase-confirm'));
    await createWith(user, STRONG, 'lantern pickle orbit');
    await waitFor(() => expect(message).toHaveTextContent("These two don't match yet."));

    expect(backend.callsTo('create_vault')).toHaveLength(0);
    expect(screen.getByTestId('onboarding-passphrase')).toHaveValue(STRONG);
  });

  it('explains plainly why a PIN is not offered when the keychain is missing', async () => {
    const backend = firstRun({ keychain: { available: false, reason: 'No Secret Service is running' } });
    const { user } = renderApp(backend);
    await skipToPassphrase(user);
    await createWith(user, STRONG);
    await user.click(await screen.findByTestId('onboarding-next'));
    await user.type(await screen.findByTestId('recovery-confirm-input'), RECOVERY_CODE);
    await user.click(screen.getByTestId('recovery-confirm-submit'));

    expect(await screen.findByTestId('pin-unavailable')).toHaveTextContent(
      "A PIN isn't offered on this computer because its keychain isn't available.",
    );
    expect(screen.getByText('Details: No Secret Service is running')).toBeInTheDocument();
    expect(screen.queryByTestId('pin-input')).not.toBeInTheDocument();
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('onboarding-next'));
    expect(await screen.findByTestId('screen-today')).toBeInTheDocument();
  });

  it('prints the recovery code card and can show the code again from the check step', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const backend = firstRun();
    const { user } = renderApp(backend);
    await skipToPassphrase(user);
    await createWith(user, STRONG);
    await user.click(await screen.findByTestId('recovery-print'));
    // The system's print dialog comes from the backend (the webview ignores window.print()).
    await waitFor(() => expect(backend.callsTo('print_page')).toHaveLength(1));
    expect(print).not.toHaveBeenCalled();
    expect(screen.getByTestId('recovery-message')).toHaveTextContent('');
    await user.click(screen.getByTestId('onboarding-next'));
    await user.click(await screen.findByTestId('recovery-show-again'));
    expect((await screen.findByTestId('recovery-code')).textContent).toBe(RECOVERY_CODE);
  });

  it('says so kindly when the print window cannot open, and the code stays on screen', async () => {
    const backend = firstRun();
    const { user } = renderApp(backend);
    await skipToPassphrase(user);
    await createWith(user, STRONG);
    backend.state.failNext.print_page = 'internal';
    await user.click(await screen.findByTestId('recovery-print'));
    expect(await screen.findByText(/print window couldn't open just now/)).toBeInTheDocument();
    expect(screen.getByTestId('recovery-code').textContent).toBe(RECOVERY_CODE);
  });

  it('shows the chosen app name in the header and the welcome', async () => {
    renderApp(firstRun({ prefs: defaultPrefs({ mode: null, language: null, displayName: 'Notes' }) }));
    const welcome = await screen.findByTestId('onboarding-welcome');
    expect(screen.getByTestId('solo-wordmark')).toHaveTextContent('Notes');
    expect(within(welcome).getByRole('heading', { level: 1 })).toHaveTextContent('Welcome to Notes');
    expect(document.title).toBe('Notes');
    expect(document.body).not.toHaveTextContent('Cove');
  });

  it('keeps Help one click away during setup', async () => {
    const backend = firstRun();
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId('onboarding-next'));
    await user.click(await screen.findByTestId('onboarding-mode-client'));
    await user.type(await screen.findByTestId('onboarding-name'), 'Robin');
    await user.click(screen.getByTestId('nav-help'));
    expect(await screen.findByTestId('screen-help')).toHaveTextContent('call 911');
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('help-back'));
    // Nothing typed is lost.
    expect(await screen.findByTestId('onboarding-name')).toHaveValue('Robin');
  });

  it('switches to Spanish from the welcome screen', async () => {
    const backend = firstRun();
    const { user } = renderApp(backend);
    await screen.findByTestId('onboarding-welcome');
    await user.click(screen.getByTestId('onboarding-language-button'));
    await user.click(await screen.findByTestId('onboarding-language-option-es'));
    await waitFor(() => expect(document.documentElement.lang).toBe('es'));
    expect(screen.getByTestId('onboarding-welcome')).toHaveTextContent('Este es tu espacio.');
    expect(backend.state.prefs.language).toBe('es');
    await expectNoAxeViolations();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend, PASSPHRASE, RECOVERY_CODE } from '../../test/fakeBackend';
import { expectNoAxeViolations, renderApp } from '../../test/render';
import { testProfile } from '../../test/profiles';

const KIND_MESSAGE = "That didn't unlock it. Take your time and try again.";

describe('lock screen', () => {
  it('is neutral: "Cove", a calm line, no name and no decrypted data fetched', async () => {
    const backend = createFakeBackend({ profile: testProfile('Sam', 'she') });
    renderApp(backend);
    const main = await screen.findByTestId('screen-lock');
    expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent('Cove');
    expect(main).toHaveTextContent('Your space is locked. Take your time.');
    expect(document.body).not.toHaveTextContent('Sam');
    expect(backend.callsTo('get_profile')).toHaveLength(0);
    // Only the passphrase path when no PIN is set.
    expect(screen.queryByTestId('unlock-pin')).not.toBeInTheDocument();
    expect(screen.getByTestId('unlock-passphrase')).toHaveFocus();
    await expectNoAxeViolations();
  });

  it('keeps the typed passphrase after a wrong try and announces a kind message politely', async () => {
    const backend = createFakeBackend();
    const { user } = renderApp(backend);
    const field = await screen.findByTestId('unlock-passphrase');
    await user.type(field, 'lantern pickle orbit sofs');
    await user.click(screen.getByTestId('unlock-submit'));

    const message = screen.getByTestId('unlock-message');
    await waitFor(() => expect(message).toHaveTextContent(KIND_MESSAGE));
    expect(message).toHaveAttribute('role', 'status');
    expect(message).toHaveAttribute('aria-live', 'polite');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(field).toHaveValue('lantern pickle orbit sofs');
    expect(backend.callsTo('unlock_with_passphrase')[0]?.args).toEqual({ passphrase: 'lantern pickle orbit sofs' });
    await expectNoAxeViolations();

    // Fixing the one wrong letter is enough.
    await user.type(field, '{Backspace}a');
    await user.click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByTestId('screen-today')).toBeInTheDocument();
    expect(backend.state.unlocked).toBe(true);
  });

  it('announces the same kind message again on a second wrong try', async () => {
    const backend = createFakeBackend();
    const { user } = renderApp(backend);
    const field = await screen.findByTestId('unlock-passphrase');
    await user.type(field, 'nope nope nope');
    await user.click(screen.getByTestId('unlock-submit'));
    const message = screen.getByTestId('unlock-message');
    await waitFor(() => expect(message).toHaveTextContent(KIND_MESSAGE));
    const first = message.firstElementChild;
    await user.click(screen.getByTestId('unlock-submit'));
    await waitFor(() => expect(backend.callsTo('unlock_with_passphrase')).toHaveLength(2));
    // A new node is inserted so screen readers speak it again.
    await waitFor(() => expect(message.firstElementChild).not.toBe(first));
    expect(message).toHaveTextContent(KIND_MESSAGE);
  });

  it('unlocks with a PIN, counts down attempts kindly and explains when the PIN is turned off', async () => {
    const backend = createFakeBackend({ pin: '2468', pinAttemptsLeft: 3 });
    const { user } = renderApp(backend);
    const pinField = await screen.findByTestId('unlock-pin');
    expect(screen.getByTestId('unlock-passphrase')).toBeInTheDocument();
    await expectNoAxeViolations();

    await user.type(pinField, '1111');
    await user.click(screen.getByTestId('unlock-pin-submit'));
    const message = screen.getByTestId('unlock-message');
    await waitFor(() => expect(message).toHaveTextContent('You have 2 more tries before the PIN turns off'));
    expect(pinField).toHaveValue('1111');

    await user.click(screen.getByTestId('unlock-pin-submit'));
    await waitFor(() => expect(message).toHaveTextContent('You have 1 more try before the PIN turns off'));

    await user.click(screen.getByTestId('unlock-pin-submit'));
    await waitFor(() => expect(message).toHaveTextContent('The PIN was turned off for safety'));
    expect(message).toHaveTextContent('Your passphrase still works');
    await waitFor(() => expect(screen.queryByTestId('unlock-pin')).not.toBeInTheDocument());

    await user.type(screen.getByTestId('unlock-passphrase'), PASSPHRASE);
    await user.click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByTestId('screen-today')).toBeInTheDocument();
  });

  it('unlocks with the right PIN', async () => {
    const backend = createFakeBackend({ pin: '2468' });
    const { user } = renderApp(backend);
    await user.type(await screen.findByTestId('unlock-pin'), '2468');
    await user.click(screen.getByTestId('unlock-pin-submit'));
    expect(await screen.findByTestId('screen-today')).toBeInTheDocument();
    expect(backend.callsTo('unlock_with_pin')[0]?.args).toEqual({ pin: '2468' });
  });

  it('resets the passphrase with the recovery code', async () => {
    const backend = createFakeBackend();
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId('unlock-forgot'));
    const main = await screen.findByTestId('screen-recovery');
    expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent('Use your recovery code');
    await expectNoAxeViolations();

    const codeField = screen.getByTestId('recovery-code-input');
    await user.type(codeField, 'AAAA-BBBB');
    await user.type(screen.getByTestId('new-passphrase'), 'velvet harbor cactus lamp');
    await user.type(screen.getByTestId('new-passphrase-confirm'), 'velvet harbor cactus lamp');
    await user.click(screen.getByTestId('recovery-reset-submit'));
    const message = screen.getByTestId('recovery-message');
    await waitFor(() => expect(message).toHaveTextContent("That code didn't work."));
    expect(codeField).toHaveValue('AAAA-BBBB');

    // Typed the way people copy codes: small letters, spaces instead of dashes.
    await user.clear(codeField);
    await user.type(codeField, RECOVERY_CODE.toLowerCase().replaceAll('-', ' '));
    await user.click(screen.getByTestId('recovery-reset-submit'));
    expect(await screen.findByTestId('screen-today')).toBeInTheDocument();
    expect(backend.callsTo('reset_passphrase_with_recovery_code').at(-1)?.args).toEqual({
      code: RECOVERY_CODE,
      newPassphrase: 'velvet harbor cactus lamp',
    });
    expect(backend.state.passphrase).toBe('velvet harbor cactus lamp');
  });

  it('refuses a weak new passphrase during recovery, kindly, without calling the backend', async () => {
    const backend = createFakeBackend();
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId('unlock-forgot'));
    await user.type(screen.getByTestId('recovery-code-input'), RECOVERY_CODE);
    await user.type(screen.getByTestId('new-passphrase'), 'password');
    await user.type(screen.getByTestId('new-passphrase-confirm'), 'password');
    await user.click(screen.getByTestId('recovery-reset-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('recovery-message')).toHaveTextContent('among the first things someone would try'),
    );
    expect(backend.callsTo('reset_passphrase_with_recovery_code')).toHaveLength(0);
    await user.click(screen.getByTestId('recovery-back'));
    expect(await screen.findByTestId('screen-lock')).toBeInTheDocument();
  });

  it('opens Help from the lock screen without unlocking', async () => {
    const backend = createFakeBackend();
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId('nav-help'));
    const main = await screen.findByTestId('screen-help');
    expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent('Help');
    expect(main).toHaveTextContent('If you are in danger right now, call 911.');
    expect(main).toHaveTextContent('Call or text 988');
    await expectNoAxeViolations();
    expect(backend.state.unlocked).toBe(false);
    expect(backend.calls.map((c) => c.cmd)).toEqual(['app_status']);

    await user.click(screen.getByTestId('help-back'));
    expect(await screen.findByTestId('screen-lock')).toBeInTheDocument();
  });
});

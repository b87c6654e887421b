import { screen, waitFor, within } from '@testing-library/react';
import { mockWindows } from '@tauri-apps/api/mocks';
import { describe, expect, it, vi } from 'vitest';
import { createFakeBackend } from '../../../test/fakeBackend';
import { expectNoAxeViolations } from '../../../test/render';
import { ShowInSession } from './ShowInSession';
import { FULL_PAYLOAD, renderView } from './testSupport';

function setup() {
  const backend = createFakeBackend();
  backend.state.unlocked = true;
  backend.install();
  mockWindows('main');
  const onClose = vi.fn();
  const onHelp = vi.fn();
  const utils = renderView(
    <>
      <button type="button">Outside</button>
      <ShowInSession payload={FULL_PAYLOAD} onClose={onClose} onHelp={onHelp} />
    </>,
  );
  return { backend, onClose, onHelp, ...utils };
}

describe('ShowInSession', () => {
  it('shows the share in large type, full screen, with focus inside, and passes axe', async () => {
    const { backend } = setup();
    const view = await screen.findByTestId('session-view');
    expect(view).toHaveAttribute('role', 'dialog');
    expect(view).toHaveAccessibleName('What you\'re showing');
    expect(within(view).getByTestId('shared-view')).toHaveAttribute('data-size', 'large');
    expect(within(view).getAllByTestId('shared-item')).toHaveLength(FULL_PAYLOAD.items.length);
    expect(within(view).getByTestId('session-close')).toHaveTextContent('Close and lock');
    await waitFor(() => expect(backend.sharing.state.fullscreen).toBe(true));
    await waitFor(() => expect(view.contains(document.activeElement)).toBe(true));
    await expectNoAxeViolations();
  });

  it('keeps keyboard focus inside the view', async () => {
    const { user } = setup();
    const view = await screen.findByTestId('session-view');
    for (let i = 0; i < 4; i++) {
      await user.tab();
      expect(view.contains(document.activeElement)).toBe(true);
    }
    expect(screen.getByRole('button', { name: 'Outside', hidden: true })).not.toHaveFocus();
  });

  it('closes with the button: leaves full screen and calls onClose once', async () => {
    const { backend, onClose, user } = setup();
    await waitFor(() => expect(backend.sharing.state.fullscreen).toBe(true));
    await user.click(await screen.findByTestId('session-close'));
    expect(onClose).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(backend.sharing.state.fullscreen).toBe(false));
  });

  it('has Help one click away: it ends the session (leaves full screen) and opens Help, once', async () => {
    const { backend, onClose, onHelp, user } = setup();
    await waitFor(() => expect(backend.sharing.state.fullscreen).toBe(true));
    const help = within(await screen.findByTestId('session-view')).getByTestId('nav-help');
    expect(help).toHaveTextContent('Help');
    await user.click(help);
    expect(onHelp).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
    await waitFor(() => expect(backend.sharing.state.fullscreen).toBe(false));
  });

  it('closes with Escape too', async () => {
    const { backend, onClose, user } = setup();
    await screen.findByTestId('session-view');
    await waitFor(() => expect(backend.sharing.state.fullscreen).toBe(true));
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(backend.sharing.state.fullscreen).toBe(false));
    const calls = backend.callsTo('plugin:window|set_fullscreen').map((c) => c.args?.value);
    expect(calls.at(-1)).toBe(false);
  });

  it('leaves full screen when it goes away without closing (e.g. Cove locks)', async () => {
    const { backend, onClose, unmount } = setup();
    await waitFor(() => expect(backend.sharing.state.fullscreen).toBe(true));
    unmount();
    await waitFor(() => expect(backend.sharing.state.fullscreen).toBe(false));
    expect(onClose).not.toHaveBeenCalled();
  });

  it('still shows and closes when the window cannot go full screen', async () => {
    const backend = createFakeBackend();
    backend.state.unlocked = true;
    backend.install();
    // No window mocked: setting full screen fails; the view does not mind.
    const onClose = vi.fn();
    const { user } = renderView(<ShowInSession payload={FULL_PAYLOAD} onClose={onClose} onHelp={() => undefined} />);
    await user.click(await screen.findByTestId('session-close'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { mockWindows } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultPrefs } from '../../../test/fakeBackend';
import type { FakeBackend } from '../../../test/fakeBackend';
import { armoredText } from '../../../test/fakeShareFlow';
import { expectNoAxeViolations, type renderApp } from '../../../test/render';
import { dayKey } from '../../journal/format';
import { addCounselor, flowFake, openShareFlow, previewSettled, seed } from './testSupport';

type Opened = { backend: FakeBackend; seeded: ReturnType<typeof seed> } & ReturnType<typeof renderApp>;

/** Picks the recent entry and a goal, looks them over, and arrives on the send step. */
async function toSend(options: { counselors?: string[]; prefs?: Parameters<typeof defaultPrefs>[0] } = {}): Promise<Opened> {
  let seeded!: ReturnType<typeof seed>;
  const opened = await openShareFlow(options.prefs ? { prefs: defaultPrefs(options.prefs) } : {}, (b) => {
    seeded = seed(b);
    for (const name of options.counselors ?? ['Ms. Rivera']) addCounselor(b, name);
  });
  await opened.user.click(screen.getByTestId(`share-pick-entry-${seeded.recent.id}`));
  await opened.user.click(screen.getByTestId(`share-pick-goal-${seeded.goalId}`));
  await opened.user.click(screen.getByTestId('share-next'));
  await screen.findByTestId('share-step-preview');
  await within(screen.getByTestId('share-preview')).findAllByTestId('shared-item');
  await previewSettled();
  await opened.user.click(screen.getByTestId('share-next'));
  await screen.findByTestId('share-step-send');
  return { ...opened, seeded };
}

const radio = (method: string) => within(screen.getByTestId(`share-method-${method}`)).getByRole('radio');
const today = () => dayKey(new Date());

/** Puts `text` into a field at once (as pasting it would). */
async function paste(user: Opened['user'], testId: string, text: string) {
  await user.click(screen.getByTestId(testId));
  await user.paste(text);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('share flow: send', () => {
  it('saves a file locked to the paired counselor, logs it and says how to give it', async () => {
    const { backend, user } = await toSend();
    expect(radio('file')).toBeChecked();
    expect(screen.getByTestId('share-contact-name')).toHaveTextContent('To: Ms. Rivera');
    expect(screen.getByTestId('share-honest')).toHaveTextContent("Once a file is given, it can't be taken back. The log shows what went out.");
    const current = screen.getAllByRole('listitem').find((li) => li.getAttribute('aria-current') === 'step');
    expect(current).toHaveTextContent('Send');
    await expectNoAxeViolations();

    // Cancelling the save dialog writes nothing and stays here.
    flowFake(backend).savePaths.push(null);
    await user.click(screen.getByTestId('share-send'));
    await waitFor(() => expect(backend.callsTo('plugin:dialog|save')).toHaveLength(1));
    expect(backend.callsTo('plugin:dialog|save')[0]?.args).toMatchObject({
      options: { title: 'Save the share file', defaultPath: `share-${today()}.age` },
    });
    expect(backend.callsTo('write_share')).toHaveLength(0);
    expect(screen.queryByTestId('share-done')).not.toBeInTheDocument();

    flowFake(backend).savePaths.push('/media/usb/for-rivera.age');
    await user.click(screen.getByTestId('share-send'));
    const done = await screen.findByTestId('share-done');
    expect(screen.getByTestId('share-done-path')).toHaveTextContent('/media/usb/for-rivera.age');
    expect(done).toHaveTextContent(
      "Give this file to Ms. Rivera however you like (a USB stick, email, a shared drive). Only Ms. Rivera's Cove can open it.",
    );
    const file = backend.sharing.state.files.get('/media/usb/for-rivera.age')!;
    const rivera = backend.sharing.state.contacts[0]!;
    expect(file.lock).toEqual({ mode: 'recipient', recipient: rivera.recipient });
    expect(file.armor).toBe(false);
    expect(file.payload.from.replyTo).toBe(backend.sharing.state.myKey!.recipient);
    expect(file.payload.items.map((i) => i.type)).toEqual(['entry', 'goal']);
    expect(backend.sharing.state.log).toHaveLength(1);
    expect(backend.sharing.state.log[0]).toMatchObject({ method: 'file', toName: 'Ms. Rivera', contactId: rivera.id });
    expect(backend.sharing.state.log[0]!.items.map((i) => i.kind)).toEqual(['profile', 'entry', 'goal']);
    await expectNoAxeViolations();

    // "Share something else" starts again with nothing picked.
    await user.click(screen.getByTestId('share-again'));
    await screen.findByTestId('share-step-choose');
    await waitFor(() => expect(screen.getByTestId('share-next')).toBeDisabled());
    expect(screen.getAllByRole('listitem').find((li) => li.getAttribute('aria-current') === 'step')).toHaveTextContent('Choose');
  });

  it('never replaces a file that is there, and says what to do', async () => {
    const { backend, user } = await toSend();
    backend.sharing.state.files.set('/media/usb/taken.age', { payload: null as never, lock: { mode: 'passphrase', passphrase: 'x' }, armor: false });
    flowFake(backend).savePaths.push('/media/usb/taken.age');
    await user.click(screen.getByTestId('share-send'));
    const error = await screen.findByTestId('share-error');
    expect(error).toHaveAttribute('role', 'alert');
    expect(error).toHaveTextContent("There may already be a file with that name, or the folder can't be used. Choose another name or folder; nothing was replaced.");
    expect(backend.sharing.state.log).toHaveLength(0);

    backend.state.failNext.write_share = 'storage_full';
    flowFake(backend).savePaths.push('/media/usb/new.age');
    await user.click(screen.getByTestId('share-send'));
    await waitFor(() => expect(screen.getByTestId('share-error')).toHaveTextContent("There's no space left there, so the file wasn't saved."));
    expect(screen.queryByTestId('share-done')).not.toBeInTheDocument();
  });

  it('asks which counselor when there are several', async () => {
    const { backend, user } = await toSend({ counselors: ['Ms. Rivera', 'Dr. Okafor'] });
    expect(screen.queryByTestId('share-contact-name')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('share-contact-button'));
    await user.click(await screen.findByTestId('share-contact-option-2'));
    flowFake(backend).savePaths.push('/home/sam/okafor.age');
    await user.click(screen.getByTestId('share-send'));
    expect(await screen.findByTestId('share-done')).toHaveTextContent('Give this file to Dr. Okafor however you like');
    expect(backend.callsTo('write_share')[0]?.args?.input).toMatchObject({ lock: { mode: 'contact', contactId: 2 }, armor: false });
  });

  it('gives the same lock as text to paste, with a copy button', async () => {
    const { backend, user } = await toSend();
    await user.click(screen.getByTestId('share-method-armored'));
    expect(radio('armored')).toBeChecked();
    await user.click(screen.getByTestId('share-send'));
    const text = await screen.findByTestId('share-armored-text');
    expect(text).toHaveAttribute('readonly');
    const [key] = [...backend.sharing.state.armored.keys()];
    expect((text as HTMLTextAreaElement).value).toBe(armoredText(key!));
    expect(screen.getByTestId('share-done')).toHaveTextContent("Copy this text and paste it into a message to Ms. Rivera. Only Ms. Rivera's Cove can open it.");
    expect(backend.sharing.state.log[0]).toMatchObject({ method: 'armored_text', toName: 'Ms. Rivera' });
    expect(backend.callsTo('plugin:dialog|save')).toHaveLength(0);

    await user.click(screen.getByTestId('share-armored-copy'));
    await waitFor(() => expect(screen.getByTestId('share-copy-status')).toHaveTextContent('Copied.'));
    expect(await navigator.clipboard.readText()).toBe(armoredText(key!));
    await expectNoAxeViolations();
  });

  it('locks a file with a passphrase for a counselor without Cove, and says to tell it in person', async () => {
    const { backend, user } = await toSend();
    await user.click(screen.getByTestId('share-method-passphrase'));
    expect(screen.getByTestId('share-passphrase-advice')).toHaveTextContent(
      'Tell them the passphrase in person, not in the same message as the file.',
    );
    expect(screen.queryByTestId('share-contact-name')).not.toBeInTheDocument();
    await expectNoAxeViolations();

    // A weak passphrase, then two that differ, are refused before any dialog.
    await user.type(screen.getByTestId('share-passphrase'), 'cat');
    await user.click(screen.getByTestId('share-send'));
    expect(await screen.findByTestId('share-error')).toBeInTheDocument();
    await user.clear(screen.getByTestId('share-passphrase'));
    await paste(user, 'share-passphrase', 'violet harbor kettle moss');
    await paste(user, 'share-passphrase-confirm', 'violet harbor kettle mist');
    await user.click(screen.getByTestId('share-send'));
    await waitFor(() => expect(screen.getByTestId('share-error')).toHaveTextContent(/match/i));
    expect(backend.callsTo('plugin:dialog|save')).toHaveLength(0);

    await user.clear(screen.getByTestId('share-passphrase-confirm'));
    await paste(user, 'share-passphrase-confirm', 'violet harbor kettle moss');
    flowFake(backend).savePaths.push('/media/usb/locked.age');
    await user.click(screen.getByTestId('share-send'));
    const done = await screen.findByTestId('share-done');
    expect(done).toHaveTextContent('Tell them the passphrase in person, not in the same message as the file.');
    const file = backend.sharing.state.files.get('/media/usb/locked.age')!;
    expect(file.lock).toEqual({ mode: 'passphrase', passphrase: 'violet harbor kettle moss' });
    expect(file.payload.from.replyTo).toBeNull();
    expect(backend.sharing.state.log[0]).toMatchObject({ method: 'passphrase_file', toName: null, contactId: null });
  });

  it('warns before printing, logs it, and keeps what the preview showed drawn while the print dialog is open', async () => {
    const { backend, user, seeded } = await toSend();
    await user.click(screen.getByTestId('share-method-print'));
    expect(screen.getByTestId('share-print-warning')).toHaveTextContent(
      "This copy won't be locked. Anyone who finds it can read it. Print it only if that's okay with you.",
    );
    expect(screen.queryByTestId('share-send')).not.toBeInTheDocument();
    await expectNoAxeViolations();
    const print = vi.spyOn(window, 'print');

    await user.click(screen.getByTestId('share-print-confirm'));
    expect(await screen.findByTestId('share-done')).toHaveTextContent(
      "The print window opened. If you printed it, keep the paper somewhere safe, and shred it when you don't need it anymore.",
    );
    // The backend opened the system dialog, then the share was logged; `window.print` does
    // nothing in the webview and is never used.
    expect(backend.callsTo('print_page')).toHaveLength(1);
    const order = backend.calls.map((c) => c.cmd).filter((cmd) => cmd === 'log_shown_share' || cmd === 'print_page');
    expect(order).toEqual(['print_page', 'log_shown_share']);
    expect(print).not.toHaveBeenCalled();
    expect(backend.sharing.state.log[0]).toMatchObject({ method: 'print', toName: null });
    expect(backend.sharing.state.log[0]!.items.find((i) => i.kind === 'entry')?.label).toBe(seeded.recent.day);

    // The dialog is open: the share is what the page prints, and it stays however long that takes.
    const printed = () => document.querySelectorAll('[data-testid="print-view"]');
    expect(printed()).toHaveLength(1);
    expect(printed()[0]).toHaveTextContent('Today');
    expect(printed()[0]).toHaveTextContent('Sleep before midnight');
    expect(printed()[0]).toHaveTextContent('not encrypted');
    expect(document.body).toHaveClass('printing-share');
    window.dispatchEvent(new Event('afterprint'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(printed()).toHaveLength(1);
    expect(document.body).toHaveClass('printing-share');
    await expectNoAxeViolations();

    // Starting again takes it away.
    await user.click(screen.getByTestId('share-again'));
    await screen.findByTestId('share-step-choose');
    expect(printed()).toHaveLength(0);
    expect(document.body).not.toHaveClass('printing-share');
  });

  it('logs nothing when the print dialog could not open, and says so', async () => {
    const { backend, user } = await toSend();
    await user.click(screen.getByTestId('share-method-print'));
    backend.state.failNext.print_page = 'internal';
    await user.click(screen.getByTestId('share-print-confirm'));
    await waitFor(() => expect(backend.callsTo('print_page')).toHaveLength(1));
    expect(await screen.findByTestId('share-error')).toHaveTextContent(/print/i);
    expect(screen.queryByTestId('share-done')).not.toBeInTheDocument();
    expect(backend.callsTo('log_shown_share')).toHaveLength(0);
    expect(backend.sharing.state.log).toHaveLength(0);

    // Trying again once the dialog opens logs it once.
    await user.click(screen.getByTestId('share-print-confirm'));
    await screen.findByTestId('share-done');
    expect(backend.sharing.state.log).toHaveLength(1);
  });

  it('takes the printed share away when the person goes to another area, so it never prints over the safety plan', async () => {
    const { backend, user } = await toSend();
    await user.click(screen.getByTestId('share-method-print'));
    await user.click(screen.getByTestId('share-print-confirm'));
    await screen.findByTestId('share-done');
    expect(backend.callsTo('print_page')).toHaveLength(1);
    expect(screen.getByTestId('print-view')).toBeInTheDocument();
    await user.click(screen.getByTestId('nav-help'));
    await waitFor(() => expect(screen.queryByTestId('share-step-send')).not.toBeInTheDocument());
    expect(screen.queryByTestId('print-view')).not.toBeInTheDocument();
    expect(document.body).not.toHaveClass('printing-share');

    // Printing the safety plan then prints the plan alone.
    await user.click(await screen.findByTestId('help-open-safety-plan'));
    await user.click(await screen.findByTestId('safety-print'));
    await user.click(await screen.findByTestId('safety-print-confirm'));
    await waitFor(() => expect(backend.callsTo('print_page')).toHaveLength(2));
    expect(screen.getByTestId('safety-print-copy')).toBeInTheDocument();
    expect(screen.queryByTestId('print-view')).not.toBeInTheDocument();
    expect(document.body).not.toHaveClass('printing-share');
  });

  it('takes the printed share away when Cove locks', async () => {
    const { backend, user } = await toSend();
    await user.click(screen.getByTestId('share-method-print'));
    await user.click(screen.getByTestId('share-print-confirm'));
    await screen.findByTestId('share-done');
    expect(screen.getByTestId('print-view')).toHaveTextContent('Sleep before midnight');
    await user.click(screen.getByTestId('nav-lock'));
    await screen.findByTestId('screen-lock');
    expect(backend.callsTo('lock')).toHaveLength(1);
    expect(screen.queryByTestId('print-view')).not.toBeInTheDocument();
    expect(document.body).not.toHaveClass('printing-share');
    expect(document.body.innerHTML).not.toContain('Sleep before midnight');
  });

  it('says so calmly when the print window could not open, and leaves nothing drawn', async () => {
    const { backend, user } = await toSend();
    await user.click(screen.getByTestId('share-method-print'));
    backend.state.failNext.print_page = 'internal';
    await user.click(screen.getByTestId('share-print-confirm'));
    const error = await screen.findByTestId('share-error');
    expect(error).toHaveAttribute('role', 'alert');
    expect(error).toHaveTextContent(
      "The print window couldn't open just now, so nothing was printed. You can try again in a moment, or choose another way.",
    );
    expect(backend.callsTo('print_page')).toHaveLength(1);
    expect(screen.queryByTestId('share-done')).not.toBeInTheDocument();
    expect(screen.queryByTestId('print-view')).not.toBeInTheDocument();
    expect(document.body).not.toHaveClass('printing-share');
    await expectNoAxeViolations();

    // Trying again works.
    await user.click(screen.getByTestId('share-print-confirm'));
    await screen.findByTestId('share-done');
    expect(backend.callsTo('print_page')).toHaveLength(2);
    expect(screen.queryByTestId('share-error')).not.toBeInTheDocument();
    expect(screen.getByTestId('print-view')).toBeInTheDocument();
  });

  it('shows it in a session in full screen, and locks when it is closed', async () => {
    const { backend, user } = await toSend();
    mockWindows('main');
    await user.click(screen.getByTestId('share-method-session'));
    expect(screen.getByTestId('share-session-about')).toHaveTextContent('When you close it, your journal locks');
    await user.click(screen.getByTestId('share-session-start'));
    const session = await screen.findByTestId('session-view');
    expect(session).toHaveTextContent('Sleep before midnight');
    expect(backend.sharing.state.log[0]).toMatchObject({ method: 'show_in_session', toName: null });
    await waitFor(() => expect(backend.sharing.state.fullscreen).toBe(true));

    await user.click(screen.getByTestId('session-close'));
    await screen.findByTestId('unlock-passphrase');
    expect(backend.state.unlocked).toBe(false);
    // The window leaves full screen.
    await waitFor(() => expect(backend.callsTo('plugin:window|set_fullscreen').map((c) => c.args?.value)).toEqual([true, false]));
    expect(backend.sharing.state.fullscreen).toBe(false);
  });

  it('has Help one click away in the session: it ends the session and opens Help', async () => {
    const { backend, user } = await toSend();
    mockWindows('main');
    await user.click(screen.getByTestId('share-method-session'));
    await user.click(screen.getByTestId('share-session-start'));
    const session = await screen.findByTestId('session-view');
    await waitFor(() => expect(backend.sharing.state.fullscreen).toBe(true));
    await user.click(within(session).getByTestId('nav-help'));
    expect(await screen.findByTestId('screen-help')).toBeInTheDocument();
    expect(screen.queryByTestId('session-view')).not.toBeInTheDocument();
    await waitFor(() => expect(backend.sharing.state.fullscreen).toBe(false));
  });

  it('offers to pair first when no counselor is paired', async () => {
    const { user } = await toSend({ counselors: [] });
    expect(radio('file')).toBeChecked();
    expect(screen.getByTestId('share-no-counselor')).toHaveTextContent("You haven't paired with a counselor yet.");
    expect(screen.getByTestId('share-send')).toBeDisabled();
    await expectNoAxeViolations();
    // Other ways need no pairing.
    await user.click(screen.getByTestId('share-method-passphrase'));
    expect(screen.queryByTestId('share-no-counselor')).not.toBeInTheDocument();
    expect(screen.getByTestId('share-send')).toBeEnabled();
    await user.click(screen.getByTestId('share-method-armored'));
    await user.click(screen.getByTestId('share-pair-first'));
    await waitFor(() => expect(screen.getByTestId('share-tab-people')).toHaveAttribute('aria-selected', 'true'));
  });

  it('leads to the share log', async () => {
    const { user } = await toSend();
    await user.click(screen.getByTestId('share-see-log'));
    await waitFor(() => expect(screen.getByTestId('share-tab-log')).toHaveAttribute('aria-selected', 'true'));
  });

  it('goes back to the preview with everything still picked', async () => {
    const { user, seeded } = await toSend();
    await user.click(screen.getByTestId('share-back'));
    await screen.findByTestId('share-step-preview');
    expect(screen.getByTestId(`share-preview-entry-${seeded.recent.id}`)).toBeInTheDocument();
    expect(screen.getByTestId(`share-preview-goal-${seeded.goalId}`)).toBeInTheDocument();
  });

  it('speaks Spanish', async () => {
    const { backend, user } = await toSend({ prefs: { language: 'es' } });
    expect(screen.getByTestId('share-honest')).toHaveTextContent('Una vez que das un archivo, ya no se puede recuperar.');
    await user.click(screen.getByTestId('share-method-print'));
    expect(screen.getByTestId('share-print-warning')).toHaveTextContent(
      'Esta copia no estará protegida. Cualquier persona que la encuentre podrá leerla. Imprímela solo si te parece bien.',
    );
    await user.click(screen.getByTestId('share-method-file'));
    flowFake(backend).savePaths.push(null);
    await user.click(screen.getByTestId('share-send'));
    await waitFor(() => expect(backend.callsTo('plugin:dialog|save')).toHaveLength(1));
    expect(backend.callsTo('plugin:dialog|save')[0]?.args).toMatchObject({ options: { title: 'Guardar el archivo para compartir' } });
  });
});

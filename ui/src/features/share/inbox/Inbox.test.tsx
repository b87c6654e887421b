import { act, screen, waitFor, within } from '@testing-library/react';
import { mockWindows } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import { describe, expect, it, vi } from 'vitest';
import type { ErrorCode } from '../../../api';
import { defaultPrefs, type FakeBackend } from '../../../test/fakeBackend';
import { expectNoAxeViolations } from '../../../test/render';
import { fakeFingerprint, fakeRecipient } from '../../../test/fakeShareKeys';
import { shareFrom, suggestionsFrom } from '../../../test/fakeShareInbox';
import { entryItem, goalItem, importNow, openInbox } from './testSupport';

// Files dropped on the window arrive as Tauri events: let the fake IPC carry them.
vi.mock('@tauri-apps/api/mocks', async (importOriginal) => {
  const real = await importOriginal<typeof import('@tauri-apps/api/mocks')>();
  return {
    ...real,
    mockIPC: (cb: Parameters<typeof real.mockIPC>[0], options?: Parameters<typeof real.mockIPC>[1]) =>
      real.mockIPC(cb, { ...options, shouldMockEvents: true }),
  };
});

const SAM_KEY = fakeRecipient('Sam’s journal');
const ALEX_KEY = fakeRecipient('Alex’s journal');

/** A share from Sam with two things in it, as a file on a USB stick, locked to this journal. */
function samsFile(backend: FakeBackend, path = '/media/usb/share-2026-11-20.age') {
  const payload = shareFrom({ name: 'Sam', replyTo: SAM_KEY, note: 'For Thursday' }, [
    entryItem('A long week', 'School was **a lot**.'),
    goalItem('Sleep before midnight', 'Mornings are hard'),
  ]);
  backend.sharing.inbox.putFile(path, payload, backend.sharing.inbox.toMe());
  return { path, payload };
}

const result = () => screen.getByTestId('inbox-result');
const problem = () => screen.getByTestId('inbox-error');

describe('the counselor’s inbox', { timeout: 60_000 }, () => {
  it('invites to open a share when there is nothing yet, and passes axe', async () => {
    await openInbox();
    expect(screen.getByTestId('inbox-drop-zone')).toHaveTextContent('Open what a client shared');
    expect(screen.getByTestId('inbox-import-file')).toHaveTextContent('Open a file');
    expect(screen.getByTestId('inbox-paste-open')).toHaveTextContent('Paste text');
    expect(screen.getByTestId('inbox-drop-zone')).toHaveTextContent('You can also drag a file onto this window.');
    expect(await screen.findByTestId('inbox-empty')).toHaveTextContent('Nothing here yet.');
    await expectNoAxeViolations();
  });

  it('opens a file the counselor picks, says what was added, and files it under the client', async () => {
    const { backend, user } = await openInbox({}, (b) => {
      b.sharing.keys.addContact('Sam', 'client', SAM_KEY);
    });
    const { path, payload } = samsFile(backend);
    backend.backup.state.nextPick = path;
    await user.click(screen.getByTestId('inbox-import-file'));

    await waitFor(() => expect(result()).toHaveTextContent('Added 2 things from Sam.'));
    expect(backend.callsTo('plugin:dialog|open')[0]?.args).toMatchObject({ options: { title: 'Open a share file', multiple: false } });
    expect(backend.callsTo('import_share_file')[0]?.args).toEqual({ path, passphrase: null });
    const client = await screen.findByTestId('inbox-client');
    expect(within(client).getByRole('heading', { level: 2 })).toHaveTextContent('Sam');
    expect(within(client).getByTestId('inbox-share-meta')).toHaveTextContent('Made Friday, November 20, 2026 at 6:30 PM · 2 things');
    expect(screen.queryByTestId('inbox-empty')).not.toBeInTheDocument();
    expect(backend.sharing.state.inbox.map((s) => s.shareId)).toEqual([payload.shareId]);
    await expectNoAxeViolations();

    // The same file again adds nothing, and says so.
    backend.backup.state.nextPick = path;
    await user.click(screen.getByTestId('inbox-import-file'));
    await waitFor(() => expect(result()).toHaveTextContent('You already have this one — nothing new was added.'));
    expect(backend.sharing.state.inbox).toHaveLength(1);
    expect(screen.getAllByTestId('inbox-share')).toHaveLength(1);

    // Cancelling the file chooser does nothing.
    backend.backup.state.nextPick = null;
    await user.click(screen.getByTestId('inbox-import-file'));
    await waitFor(() => expect(backend.callsTo('plugin:dialog|open')).toHaveLength(3));
    expect(backend.callsTo('import_share_file')).toHaveLength(2);
  });

  it('opens pasted text, and a second paste of the same share adds nothing', async () => {
    const { backend, user } = await openInbox();
    const payload = shareFrom({ name: 'Río', replyTo: null }, [entryItem('Hola', 'Texto')]);
    const text = backend.sharing.inbox.putText(payload, backend.sharing.inbox.toMe());

    const open = screen.getByTestId('inbox-paste-open');
    expect(open).toHaveAttribute('aria-expanded', 'false');
    await user.click(open);
    const input = screen.getByTestId('inbox-paste-input');
    expect(input).toHaveFocus();
    expect(screen.getByTestId('inbox-paste-submit')).toBeDisabled();
    await user.paste(text);
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('inbox-paste-submit'));
    await waitFor(() => expect(result()).toHaveTextContent('Added 1 thing from Río.'));
    expect(backend.callsTo('import_share_text')[0]?.args).toEqual({ text, passphrase: null });
    // The paste box closes once it is in.
    expect(screen.queryByTestId('inbox-paste-input')).not.toBeInTheDocument();
    expect(await screen.findByTestId('inbox-client')).toHaveTextContent('Río');

    await user.click(screen.getByTestId('inbox-paste-open'));
    await user.paste(`\n  ${text}\n`);
    await user.click(screen.getByTestId('inbox-paste-submit'));
    await waitFor(() => expect(result()).toHaveTextContent('You already have this one — nothing new was added.'));
    expect(backend.sharing.state.inbox).toHaveLength(1);
  });

  it('opens files dropped on the window, highlighting while they are over it, and asks for a passphrase when one is needed', async () => {
    mockWindows('main');
    const { backend, user } = await openInbox();
    const { path } = samsFile(backend, '/home/me/Downloads/sam.age');
    const locked = shareFrom({ name: 'Jo' }, [entryItem('Locked one', 'With a passphrase')]);
    backend.sharing.inbox.putFile('/home/me/Downloads/jo.age', locked, { mode: 'passphrase', passphrase: 'blue kite morning' });

    const zone = screen.getByTestId('inbox-drop-zone');
    // The listener is set up once the window's module has loaded.
    await waitFor(async () => {
      await act(() => emit('tauri://drag-over', { position: { x: 10, y: 10 } }));
      expect(zone).toHaveAttribute('data-over', 'true');
    });
    expect(zone).toHaveTextContent('Let go to open it.');
    await act(() => emit('tauri://drag-leave', null));
    expect(zone).not.toHaveAttribute('data-over');

    await act(() => emit('tauri://drag-over', { position: { x: 10, y: 10 } }));
    await act(() => emit('tauri://drag-drop', { paths: [path, '/home/me/Downloads/jo.age'], position: { x: 10, y: 10 } }));
    await waitFor(() => expect(result()).toHaveTextContent('Added 2 things from Sam.'));
    expect(zone).not.toHaveAttribute('data-over');

    // Jo's file waits for its passphrase: nothing added yet, and no alarm.
    const field = await screen.findByTestId('inbox-passphrase');
    expect(screen.getByTestId('inbox-passphrase-form')).toHaveTextContent('This one is locked with a passphrase.');
    expect(field).toHaveFocus();
    expect(problem()).toBeEmptyDOMElement();
    expect(backend.sharing.state.inbox).toHaveLength(1);
    await expectNoAxeViolations();

    await user.type(field, 'red kite');
    await user.click(screen.getByTestId('inbox-passphrase-submit'));
    await waitFor(() =>
      expect(problem()).toHaveTextContent("That passphrase didn't open it. Take your time and try again. Nothing has been added."),
    );
    expect(screen.getByTestId('inbox-passphrase')).toBeInTheDocument();
    expect(backend.sharing.state.inbox).toHaveLength(1);

    await user.clear(screen.getByTestId('inbox-passphrase'));
    await user.type(screen.getByTestId('inbox-passphrase'), 'blue kite morning');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(result()).toHaveTextContent('Added 1 thing from Jo.'));
    expect(problem()).toBeEmptyDOMElement();
    expect(screen.queryByTestId('inbox-passphrase')).not.toBeInTheDocument();
    expect(backend.callsTo('import_share_file').at(-1)?.args).toEqual({ path: '/home/me/Downloads/jo.age', passphrase: 'blue kite morning' });
    await waitFor(() => expect(screen.getAllByTestId('inbox-client')).toHaveLength(2));
  });

  it('says in plain words why a file could not be opened, and adds nothing', async () => {
    const { backend, user } = await openInbox();
    const other = shareFrom({ name: 'Sam' }, [entryItem('Not for me', 'x')]);
    backend.sharing.inbox.putFile('/usb/other.age', other, { mode: 'recipient', recipient: fakeRecipient('another counselor') });
    backend.sharing.inbox.putFile('/usb/ideas.age', suggestionsFrom({ name: 'Ms. Rivera' }, [{ type: 'prompt', text: 'Hi', note: null }]), backend.sharing.inbox.toMe());
    backend.sharing.inbox.putFile('/usb/newer.age', shareFrom({}, [entryItem('New', 'x')], { version: 2 }), backend.sharing.inbox.toMe());
    const unreadable: [string, ErrorCode][] = [
      ['/usb/photo.jpg', 'not_a_share'],
      ['/usb/cut.age', 'share_damaged'],
      ['/usb/huge.age', 'share_too_large'],
    ];
    for (const [path, code] of unreadable) backend.sharing.inbox.unreadable.set(path, code);

    const expectations: [string, string][] = [
      ['/usb/other.age', "This was made for someone else's Cove, so this journal can't open it. Nothing has been added."],
      ['/usb/ideas.age', 'This file is meant for the other side of sharing'],
      ['/usb/newer.age', 'That file was made by a newer version of Cove.'],
      ['/usb/photo.jpg', "That file isn't something shared from Cove, so there's nothing to open. Nothing has been added."],
      ['/usb/cut.age', 'This file was changed or cut short on the way, so Cove can\'t open it safely. Nothing has been added. Ask for it again.'],
      ['/usb/huge.age', "That file is too big to be something shared from Cove, so it wasn't opened. Nothing has been added."],
      ['/usb/gone.age', "That file isn't there anymore. Please choose it again. Nothing has been added."],
    ];
    for (const [path, words] of expectations) {
      backend.backup.state.nextPick = path;
      await user.click(screen.getByTestId('inbox-import-file'));
      await waitFor(() => expect(problem()).toHaveTextContent(words));
      expect(problem()).toHaveAttribute('role', 'alert');
    }
    expect(screen.queryByTestId('inbox-passphrase')).not.toBeInTheDocument();
    expect(backend.sharing.state.inbox).toHaveLength(0);
    expect(backend.sharing.state.imported.size).toBe(0);
    await expectNoAxeViolations();

    // Pasted text that isn't a share at all, and one cut short.
    await user.click(screen.getByTestId('inbox-paste-open'));
    await user.paste('Hi! See you Thursday');
    await user.click(screen.getByTestId('inbox-paste-submit'));
    await waitFor(() => expect(problem()).toHaveTextContent("That file isn't something shared from Cove"));
    // What was pasted stays, so nothing typed is lost.
    expect(screen.getByTestId('inbox-paste-input')).toHaveValue('Hi! See you Thursday');
    await user.clear(screen.getByTestId('inbox-paste-input'));
    await user.paste('-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5\n');
    await user.click(screen.getByTestId('inbox-paste-submit'));
    await waitFor(() => expect(problem()).toHaveTextContent('This file was changed or cut short on the way'));

    // A problem goes away once something opens.
    const { path } = samsFile(backend);
    backend.backup.state.nextPick = path;
    await user.click(screen.getByTestId('inbox-import-file'));
    await waitFor(() => expect(result()).toHaveTextContent('Added 2 things'));
    expect(problem()).toBeEmptyDOMElement();
  });

  it('groups shares by client, newest first, opens each exactly as shared, and keeps private notes beside it', async () => {
    const { backend, user } = await openInbox({}, (b) => {
      b.sharing.keys.addContact('Sam R.', 'client', SAM_KEY);
      b.sharing.inbox.toMe();
      const put = (path: string, payload: ReturnType<typeof shareFrom>) => {
        b.sharing.inbox.putFile(path, payload, b.sharing.inbox.toMe());
        importNow(b, path);
      };
      put('/usb/1.age', shareFrom({ name: 'Sam', replyTo: SAM_KEY }, [entryItem('First from Sam', 'One')]));
      put('/usb/2.age', shareFrom({ name: 'Alex', replyTo: ALEX_KEY }, [entryItem('From Alex', 'Two')]));
      put('/usb/3.age', shareFrom({ name: 'Sam', replyTo: SAM_KEY, note: 'Before our session' }, [entryItem('Second from Sam', 'Three'), goalItem('Walk more')]));
      put('/usb/4.age', shareFrom({ name: null, replyTo: null }, [entryItem('Nameless', 'Four')]));
    });
    await waitFor(() => expect(screen.getAllByTestId('inbox-client')).toHaveLength(3));
    const names = () => screen.getAllByTestId('inbox-client').map((c) => within(c).getByRole('heading', { level: 2 }).textContent);
    // The newest share's client first; a paired client under the name given when pairing.
    expect(names()).toEqual(['A client who left their name out', 'Sam R.', 'Alex']);
    const sam = screen.getAllByTestId('inbox-client')[1]!;
    expect(sam).toHaveTextContent('2 shares');
    const samShares = within(sam).getAllByTestId('inbox-share');
    expect(samShares.map((s) => within(s).getByTestId('inbox-share-meta').textContent)).toEqual([
      expect.stringContaining('2 things'),
      expect.stringContaining('1 thing'),
    ]);
    // Paired: ideas can go back. Not paired, with a key: pairing is offered. No key: said plainly.
    expect(within(sam).getByTestId('inbox-suggest')).toHaveTextContent('Suggest ideas for Sam R.');
    expect(within(screen.getAllByTestId('inbox-client')[2]!).getByTestId('inbox-pair-client')).toHaveTextContent(
      'Pair with Alex to send ideas back',
    );
    expect(within(screen.getAllByTestId('inbox-client')[0]!).getByTestId('inbox-no-reply')).toHaveTextContent(
      'This share was locked with a passphrase',
    );
    await expectNoAxeViolations();

    // Open the newest of Sam's: everything in it, as the client previewed it.
    const open = within(samShares[0]!).getByTestId('inbox-share-open');
    expect(open).toHaveAttribute('aria-expanded', 'false');
    await user.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');
    const view = within(samShares[0]!).getByTestId('inbox-share-view');
    expect(within(view).getByTestId('shared-view')).toBeInTheDocument();
    expect(within(view).getAllByTestId('shared-item')).toHaveLength(2);
    expect(view).toHaveTextContent('Second from Sam');
    expect(view).toHaveTextContent('Walk more');
    expect(within(view).getByTestId('shared-note')).toHaveTextContent('Before our session');
    expect(samShares[0]).toHaveTextContent('Only you can see these notes. They are never sent.');
    await expectNoAxeViolations();

    // Private notes: saved in this journal only, kept as typed.
    const save = within(samShares[0]!).getByTestId('inbox-notes-save');
    expect(save).toBeDisabled();
    await user.type(within(samShares[0]!).getByTestId('inbox-notes'), 'Ask about sleep.{Enter}Follow up on the walk.');
    await user.click(save);
    await waitFor(() => expect(within(samShares[0]!).getByTestId('inbox-notes-status')).toHaveTextContent('Notes saved.'));
    const stored = backend.sharing.state.inbox.find((s) => s.payload.items.length === 2)!;
    expect(stored.notes).toBe('Ask about sleep.\nFollow up on the walk.');
    expect(backend.callsTo('save_inbox_notes')[0]?.args).toEqual({ id: stored.id, notes: 'Ask about sleep.\nFollow up on the walk.' });
    // Nothing about notes goes anywhere else.
    expect(backend.sharing.state.log).toHaveLength(0);

    // Folded away and open again: the notes are there.
    await user.click(open);
    expect(within(samShares[0]!).queryByTestId('inbox-share-view')).not.toBeInTheDocument();
    await user.click(open);
    expect(within(samShares[0]!).getByTestId('inbox-notes')).toHaveValue('Ask about sleep.\nFollow up on the walk.');

    // Emptying them clears them.
    await user.clear(within(samShares[0]!).getByTestId('inbox-notes'));
    await user.click(within(samShares[0]!).getByTestId('inbox-notes-save'));
    await waitFor(() => expect(backend.sharing.state.inbox.find((s) => s.id === stored.id)?.notes).toBeNull());
    expect(backend.callsTo('save_inbox_notes')[1]?.args).toEqual({ id: stored.id, notes: null });
  });

  it('removes a share only after asking, and the same file can bring it back', async () => {
    const { backend, user } = await openInbox({}, (b) => {
      b.sharing.inbox.putFile('/usb/a.age', shareFrom({ name: 'Sam', replyTo: SAM_KEY }, [entryItem('Keep', 'x')]), b.sharing.inbox.toMe());
      importNow(b, '/usb/a.age');
      b.sharing.inbox.putFile('/usb/b.age', shareFrom({ name: 'Sam', replyTo: SAM_KEY }, [entryItem('Remove', 'y')]), b.sharing.inbox.toMe());
      importNow(b, '/usb/b.age');
    });
    await waitFor(() => expect(screen.getAllByTestId('inbox-share')).toHaveLength(2));
    await user.click(within(screen.getAllByTestId('inbox-share')[0]!).getByTestId('inbox-share-delete'));
    const dialog = await screen.findByTestId('inbox-share-delete-dialog');
    expect(dialog).toHaveTextContent('Remove this share from your inbox?');
    expect(dialog).toHaveTextContent('If you open the same file again, it comes back, without the notes.');
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('inbox-share-delete-cancel'));
    expect(backend.callsTo('delete_inbox_share')).toHaveLength(0);

    await user.click(within(screen.getAllByTestId('inbox-share')[0]!).getByTestId('inbox-share-delete'));
    await user.click(await screen.findByTestId('inbox-share-delete-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('inbox-share')).toHaveLength(1));
    expect(screen.getByTestId('inbox-message')).toHaveTextContent('Removed from your inbox.');
    expect(backend.sharing.state.inbox.map((s) => s.payload.items.map((i) => (i.type === 'entry' ? i.title : null)))).toEqual([['Keep']]);
    // Focus lands on the client's name, not lost.
    expect(within(screen.getByTestId('inbox-client')).getByRole('heading', { level: 2 })).toHaveFocus();

    backend.backup.state.nextPick = '/usb/b.age';
    await user.click(screen.getByTestId('inbox-import-file'));
    await waitFor(() => expect(result()).toHaveTextContent('Added 1 thing from Sam.'));
    await waitFor(() => expect(screen.getAllByTestId('inbox-share')).toHaveLength(2));
  });

  it('pairs with a client from the key their share brought, once the words match, then offers to suggest ideas', async () => {
    const { backend, user } = await openInbox({}, (b) => {
      b.sharing.inbox.putFile('/usb/alex.age', shareFrom({ name: 'Alex', replyTo: ALEX_KEY }, [entryItem('Hi', 'x')]), b.sharing.inbox.toMe());
      importNow(b, '/usb/alex.age');
    });
    await user.click(await screen.findByTestId('inbox-pair-client'));
    const form = await screen.findByTestId('inbox-pair');
    await waitFor(() => expect(screen.getByTestId('inbox-pair-words')).toBeInTheDocument());
    const words = within(screen.getByTestId('inbox-pair-words')).getAllByRole('listitem').map((li) => li.textContent);
    expect(words).toEqual(fakeFingerprint(ALEX_KEY));
    expect(form).toHaveTextContent("If the words match on both screens, it's the right key.");
    expect(screen.getByTestId('inbox-pair-name')).toHaveValue('Alex');
    const save = screen.getByTestId('inbox-pair-save');
    expect(save).toBeDisabled();
    expect(screen.getByTestId('inbox-pair-reason')).toHaveTextContent('Switch on “They match” once you\'ve compared the words together.');
    await expectNoAxeViolations();

    await user.click(screen.getByTestId('inbox-pair-match'));
    await user.clear(screen.getByTestId('inbox-pair-name'));
    expect(save).toBeDisabled();
    expect(screen.getByTestId('inbox-pair-reason')).toHaveTextContent('Add a name, so you know who this is.');
    await user.type(screen.getByTestId('inbox-pair-name'), 'Alex Moreno');
    expect(save).toBeEnabled();
    await user.click(save);

    await waitFor(() => expect(backend.sharing.state.contacts).toHaveLength(1));
    expect(backend.callsTo('save_contact')[0]?.args).toEqual({ draft: { id: null, role: 'client', name: 'Alex Moreno', recipient: ALEX_KEY } });
    expect(screen.getByTestId('inbox-message')).toHaveTextContent('Paired with Alex Moreno. You can send ideas back now.');
    const suggest = await screen.findByTestId('inbox-suggest');
    expect(suggest).toHaveTextContent('Suggest ideas for Alex Moreno');
    expect(suggest).toHaveFocus();
    expect(screen.queryByTestId('inbox-pair-client')).not.toBeInTheDocument();

    // "Suggest ideas" opens the suggestions tab for this client.
    await user.click(suggest);
    expect(await screen.findByTestId('suggest-client-button')).toHaveTextContent('Alex Moreno');
    expect(screen.getByTestId('share-tab-suggest')).toHaveAttribute('aria-selected', 'true');
  });

  it('speaks Spanish', async () => {
    const { backend, user } = await openInbox({ prefs: defaultPrefs({ mode: 'counselor', language: 'es' }) });
    expect(screen.getByTestId('inbox-import-file')).toHaveTextContent('Abrir un archivo');
    const { path } = samsFile(backend);
    backend.backup.state.nextPick = path;
    await user.click(screen.getByTestId('inbox-import-file'));
    await waitFor(() => expect(result()).toHaveTextContent('Se añadieron 2 cosas de Sam.'));
    expect(await screen.findByTestId('inbox-share-meta')).toHaveTextContent('2 cosas');
  });
});

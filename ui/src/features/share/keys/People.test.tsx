import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeFingerprint, fakeRecipient, FAKE_QR_SIZE } from '../../../test/fakeShareKeys';
import { createFakeBackend, defaultPrefs } from '../../../test/fakeBackend';
import { expectNoAxeViolations, renderApp } from '../../../test/render';
import { QUIET_ZONE } from './KeyQrCode';
import { contactNames, longDay, renderPeople } from './testSupport';

const RIVERA = fakeRecipient('rivera');
const ALEX = fakeRecipient('alex');

/** The key as someone might paste it: in capitals, broken over lines, with spaces around. */
const messy = (key: string) => `  ${key.slice(0, 30).toUpperCase()}\n${key.slice(30).toUpperCase()} \n`;

describe('People: this journal’s own key', () => {
  it('shows the key text, its words and a QR code, and explains it for a client; passes axe', async () => {
    const { backend } = await renderPeople('counselor');
    const mine = backend.sharing.state.myKey!;
    expect(mine.recipient).toMatch(/^age1[02-9ac-hj-np-z]{58}$/);
    expect(screen.getByTestId('my-key-text')).toHaveTextContent(mine.recipient);
    expect(screen.getByTestId('my-key-words')).toHaveTextContent(mine.fingerprint.join(' '));
    expect(screen.getByTestId('my-key-words')).toHaveAttribute('lang', 'en');
    expect(screen.getByTestId('my-key')).toHaveTextContent(
      'Your counselor needs this key to send you ideas that only your journal can open.',
    );
    expect(screen.getByTestId('my-key')).toHaveTextContent("It's safe to give: it can lock things for you, but it can't open anything.");

    const qr = await screen.findByTestId('my-key-qr');
    expect(qr.tagName.toLowerCase()).toBe('svg');
    expect(qr).toHaveAttribute('role', 'img');
    expect(qr).toHaveAccessibleName("QR code of your share key. A phone's camera can read it.");
    // The code with a quiet zone of 4 modules on every side.
    const full = FAKE_QR_SIZE + 2 * QUIET_ZONE;
    expect(qr).toHaveAttribute('viewBox', `0 0 ${full} ${full}`);
    expect(backend.callsTo('key_qr')[0]?.args).toEqual({ recipient: mine.recipient });
    expect(backend.callsTo('my_share_key')).toHaveLength(1);
    await expectNoAxeViolations();
  });

  it('copies the key text and says "Copied."', async () => {
    const { backend, user } = await renderPeople('counselor');
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByTestId('my-key-copy'));
    expect(writeText).toHaveBeenCalledWith(backend.sharing.state.myKey!.recipient);
    await waitFor(() => expect(screen.getByTestId('my-key-message')).toHaveTextContent('Copied.'));
    await expect(navigator.clipboard.readText()).resolves.toBe(backend.sharing.state.myKey!.recipient);
  });

  it('says kindly when copying does not work', async () => {
    const { user } = await renderPeople('counselor');
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click(screen.getByTestId('my-key-copy'));
    await waitFor(() =>
      expect(screen.getByTestId('my-key-message')).toHaveTextContent(
        "Copying didn't work here. You can select the key and copy it yourself.",
      ),
    );
  });

  it('saves the key to a file the person names, says where, and never replaces a file', async () => {
    const { backend, keys, user } = await renderPeople('counselor');
    keys.dialog.nextSavePath = '/home/sam/Desktop/share-key.txt';
    await user.click(screen.getByTestId('my-key-export'));
    await waitFor(() =>
      expect(screen.getByTestId('my-key-message')).toHaveTextContent('Saved your share key to /home/sam/Desktop/share-key.txt.'),
    );
    expect(backend.callsTo('plugin:dialog|save')[0]?.args).toMatchObject({
      options: { title: 'Save your share key', defaultPath: 'share-key.txt' },
    });
    expect(backend.callsTo('export_my_key')[0]?.args).toEqual({ path: '/home/sam/Desktop/share-key.txt' });
    expect(keys.exported).toEqual(['/home/sam/Desktop/share-key.txt']);

    // The same place again: refused, nothing replaced.
    keys.dialog.nextSavePath = '/home/sam/Desktop/share-key.txt';
    await user.click(screen.getByTestId('my-key-export'));
    await waitFor(() =>
      expect(screen.getByTestId('my-key-message')).toHaveTextContent(
        "It couldn't be saved there. There may already be a file with that name, or that folder can't be written to. Try another name or place — nothing was replaced.",
      ),
    );
    expect(keys.exported).toHaveLength(1);

    // Cancelling the dialog writes nothing and says nothing new.
    keys.dialog.nextSavePath = null;
    await user.click(screen.getByTestId('my-key-export'));
    await waitFor(() => expect(backend.callsTo('plugin:dialog|save')).toHaveLength(3));
    expect(backend.callsTo('export_my_key')).toHaveLength(2);
  });

  it('says in plain words when there is no space for the file', async () => {
    const { backend, keys, user } = await renderPeople('client');
    keys.dialog.nextSavePath = '/media/usb/share-key.txt';
    backend.state.failNext.export_my_key = 'storage_full';
    await user.click(screen.getByTestId('my-key-export'));
    await waitFor(() =>
      expect(screen.getByTestId('my-key-message')).toHaveTextContent(
        'This computer is out of space',
      ),
    );
  });
});

describe('People: pairing', () => {
  it('with nobody paired, shows the pairing form at once (no "Not now"); passes axe', async () => {
    await renderPeople('counselor');
    const form = await screen.findByTestId('contact-form');
    expect(within(form).getByRole('heading', { level: 3 })).toHaveTextContent('Pair with a counselor');
    expect(screen.getByTestId('contacts-empty')).toHaveTextContent('Your counselor will show up here once you pair.');
    expect(screen.queryByTestId('contact-cancel')).not.toBeInTheDocument();
    expect(screen.queryByTestId('contact-add')).not.toBeInTheDocument();
    expect(screen.queryByTestId('contact-fingerprint')).not.toBeInTheDocument();
    expect(screen.getByTestId('contact-save')).toBeDisabled();
    expect(screen.getByTestId('contact-save-reason')).toHaveTextContent('Once their key is here, its words appear so you can compare them.');
    // Nothing takes the keyboard away when the page opens.
    expect(screen.getByTestId('contact-key-input')).not.toHaveFocus();
    await expectNoAxeViolations();
  });

  it('pairs by pasting a key: compare the words, say they match, name them, save', async () => {
    const { backend, user } = await renderPeople('counselor');
    await user.click(await screen.findByTestId('contact-key-input'));
    await user.paste(messy(RIVERA));

    const check = await screen.findByTestId('contact-fingerprint');
    expect(check).toHaveTextContent("Read these words aloud together. If they match on both screens, it's the right key.");
    expect(check).toHaveTextContent(fakeFingerprint(RIVERA).join(' '));
    expect(backend.callsTo('share_key_fingerprint').at(-1)?.args).toEqual({ recipient: messy(RIVERA) });
    // Saving waits for "They match".
    expect(screen.getByTestId('contact-save')).toBeDisabled();
    expect(screen.getByTestId('contact-save')).toHaveAccessibleDescription(
      'When the words match on both screens, turn on “They match” to save.',
    );

    // Keyboard only: Tab to the switch, Space turns it on.
    const match = within(screen.getByTestId('contact-words-match')).getByRole('switch');
    match.focus();
    await user.keyboard(' ');
    expect(match).toBeChecked();
    expect(screen.getByTestId('contact-save')).toBeEnabled();
    expect(screen.queryByTestId('contact-save-reason')).not.toBeInTheDocument();

    await user.type(screen.getByTestId('contact-name-input'), '  Ms. Rivera ');
    await user.click(screen.getByTestId('contact-save'));

    await waitFor(() => expect(contactNames()).toEqual(['Ms. Rivera']));
    expect(backend.callsTo('save_contact')[0]?.args).toEqual({
      draft: { id: null, role: 'counselor', name: 'Ms. Rivera', recipient: RIVERA },
    });
    const item = screen.getByTestId('contact-item');
    expect(within(item).getByTestId('contact-words')).toHaveTextContent(fakeFingerprint(RIVERA).join(' '));
    expect(within(item).getByTestId('contact-dates')).toHaveTextContent(`Paired on ${longDay(new Date())}`);
    expect(within(item).queryByTestId('contact-replaced')).not.toBeInTheDocument();
    // The form goes; the keyboard lands on the new name; a screen reader hears it.
    await waitFor(() => expect(within(item).getByTestId('contact-name')).toHaveFocus());
    expect(screen.queryByTestId('contact-form')).not.toBeInTheDocument();
    expect(screen.getByTestId('people-message')).toHaveTextContent('Paired with Ms. Rivera.');
    expect(screen.getByTestId('contact-add')).toHaveTextContent('Pair with a counselor');
    expect(backend.sharing.state.contacts).toHaveLength(1);
    await expectNoAxeViolations();
  });

  it('asks again when the key changes after the words were compared', async () => {
    const { user } = await renderPeople('counselor');
    const input = await screen.findByTestId('contact-key-input');
    await user.click(input);
    await user.paste(RIVERA);
    await screen.findByTestId('contact-fingerprint');
    await user.click(within(screen.getByTestId('contact-words-match')).getByRole('switch'));
    expect(screen.getByTestId('contact-save')).toBeEnabled();

    await user.clear(input);
    await user.paste(ALEX);
    await waitFor(() => expect(screen.getByTestId('contact-fingerprint')).toHaveTextContent(fakeFingerprint(ALEX).join(' ')));
    expect(within(screen.getByTestId('contact-words-match')).getByRole('switch')).not.toBeChecked();
    expect(screen.getByTestId('contact-save')).toBeDisabled();
  });

  it('pairs from a key file the person opens', async () => {
    const { backend, user } = await renderPeople('counselor', {
      seed: (b) => b.sharing.state.keyFiles.set('/home/sam/Downloads/rivera-key.txt', RIVERA),
    });
    backend.backup.state.nextPick = '/home/sam/Downloads/rivera-key.txt';
    await user.click(await screen.findByTestId('contact-key-open-file'));
    await waitFor(() => expect(screen.getByTestId('contact-key-input')).toHaveValue(RIVERA));
    expect(backend.callsTo('plugin:dialog|open')[0]?.args).toMatchObject({
      options: { title: 'Open a share key', directory: false, multiple: false },
    });
    expect(backend.callsTo('read_key_file')[0]?.args).toEqual({ path: '/home/sam/Downloads/rivera-key.txt' });
    expect(await screen.findByTestId('contact-fingerprint')).toHaveTextContent(fakeFingerprint(RIVERA).join(' '));

    await user.click(within(screen.getByTestId('contact-words-match')).getByRole('switch'));
    await user.type(screen.getByTestId('contact-name-input'), 'Rivera');
    await user.click(screen.getByTestId('contact-save'));
    await waitFor(() => expect(contactNames()).toEqual(['Rivera']));
    expect(backend.sharing.state.contacts[0]?.recipient).toBe(RIVERA);
  });

  it('pairs from a picture of a QR code', async () => {
    const { backend, user } = await renderPeople('counselor', {
      seed: (b) => b.sharing.state.qrImages.set('/home/sam/Pictures/rivera.png', RIVERA),
    });
    backend.backup.state.nextPick = '/home/sam/Pictures/rivera.png';
    await user.click(await screen.findByTestId('contact-key-open-qr'));
    await waitFor(() => expect(screen.getByTestId('contact-key-input')).toHaveValue(RIVERA));
    expect(backend.callsTo('plugin:dialog|open')[0]?.args).toMatchObject({
      options: { title: 'Open a picture of a QR code', filters: [{ name: 'Pictures', extensions: ['png', 'jpg', 'jpeg'] }] },
    });
    expect(backend.callsTo('read_key_qr')[0]?.args).toEqual({ path: '/home/sam/Pictures/rivera.png' });
    expect(await screen.findByTestId('contact-fingerprint')).toHaveTextContent(fakeFingerprint(RIVERA).join(' '));
  });

  it('says kindly when a picture or file holds no key, and a cancelled chooser does nothing', async () => {
    const { backend, user } = await renderPeople('counselor');
    backend.backup.state.nextPick = '/home/sam/Pictures/cat.jpg';
    await user.click(await screen.findByTestId('contact-key-open-qr'));
    const error = await screen.findByTestId('contact-error');
    expect(error).toHaveAttribute('role', 'alert');
    expect(error).toHaveTextContent('No share key was found there. A share key starts with “age1”; you can also paste it. Nothing has changed.');
    expect(screen.getByTestId('contact-key-input')).toHaveValue('');

    // A file far too big to be a key is not read.
    backend.backup.state.nextPick = '/home/sam/Videos/film.mkv';
    backend.state.failNext.read_key_file = 'invalid_input';
    await user.click(screen.getByTestId('contact-key-open-file'));
    await waitFor(() =>
      expect(screen.getByTestId('contact-error')).toHaveTextContent(
        "That file is too big to be a share key, so it wasn't opened. Try the file they gave you, or paste the key.",
      ),
    );

    backend.backup.state.nextPick = null;
    await user.click(screen.getByTestId('contact-key-open-file'));
    await waitFor(() => expect(backend.callsTo('plugin:dialog|open')).toHaveLength(3));
    expect(backend.callsTo('read_key_file')).toHaveLength(1);
  });

  it('says what is wrong with a key that is not one, without interrupting typing', async () => {
    const { user } = await renderPeople('counselor');
    const input = await screen.findByTestId('contact-key-input');
    await user.type(input, 'age1abc');
    // Still typing: no message yet.
    expect(screen.queryByTestId('contact-error')).not.toBeInTheDocument();
    await user.tab();
    expect(await screen.findByTestId('contact-error')).toHaveTextContent(
      'That doesn\'t look like a share key. A share key starts with “age1”.',
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('contact-fingerprint')).not.toBeInTheDocument();
    expect(screen.getByTestId('contact-save')).toBeDisabled();
    await expectNoAxeViolations();

    // A whole key's length of something else is called out at once.
    await user.clear(input);
    await user.click(input);
    await user.paste('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk8xxxxxxxxxxxxxxxxxxxxxxxxxx');
    await waitFor(() => expect(screen.getByTestId('contact-error')).toHaveTextContent("That doesn't look like a share key."));
  });

  it('refuses a secret key, this journal’s own key and a key already paired, in plain words', async () => {
    const { backend, user } = await renderPeople('counselor', {
      seed: (_b, keys) => keys.addContact('Dr. Okafor', 'counselor', ALEX),
    });
    await user.click(await screen.findByTestId('contact-add'));
    const input = screen.getByTestId('contact-key-input');

    await user.click(input);
    await user.paste('AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ');
    expect(await screen.findByTestId('contact-error')).toHaveTextContent(
      "That's a secret key — it's meant to stay on the computer it was made on. Ask for the share key instead: it starts with “age1”.",
    );
    // A secret key is never sent anywhere, not even to be checked.
    expect(backend.callsTo('share_key_fingerprint')).toHaveLength(0);

    await user.clear(input);
    await user.paste(backend.sharing.state.myKey!.recipient);
    await waitFor(() =>
      expect(screen.getByTestId('contact-error')).toHaveTextContent("That's your own share key. Ask your counselor for theirs."),
    );
    expect(screen.queryByTestId('contact-fingerprint')).not.toBeInTheDocument();

    await user.clear(input);
    await user.paste(messy(ALEX));
    await waitFor(() =>
      expect(screen.getByTestId('contact-error')).toHaveTextContent("You're already paired with Dr. Okafor using this key."),
    );
    expect(screen.queryByTestId('contact-fingerprint')).not.toBeInTheDocument();
    expect(screen.getByTestId('contact-save')).toBeDisabled();
    expect(backend.callsTo('save_contact')).toHaveLength(0);
  });

  it('asks for a name, and keeps everything when saving does not work', async () => {
    const { backend, user } = await renderPeople('counselor');
    await user.click(await screen.findByTestId('contact-key-input'));
    await user.paste(RIVERA);
    await screen.findByTestId('contact-fingerprint');
    await user.click(within(screen.getByTestId('contact-words-match')).getByRole('switch'));

    await user.click(screen.getByTestId('contact-save'));
    expect(await screen.findByTestId('contact-error')).toHaveTextContent(
      "Add a name so you'll know who this is. Any name you use for them is fine.",
    );
    expect(backend.callsTo('save_contact')).toHaveLength(0);

    await user.type(screen.getByTestId('contact-name-input'), 'Rivera');
    expect(screen.queryByTestId('contact-error')).not.toBeInTheDocument();
    backend.state.failNext.save_contact = 'storage_full';
    await user.click(screen.getByTestId('contact-save'));
    expect(await screen.findByTestId('contact-error')).toHaveTextContent('This computer is out of space');
    expect(screen.getByTestId('contact-key-input')).toHaveValue(RIVERA);
    expect(screen.getByTestId('contact-name-input')).toHaveValue('Rivera');
    expect(backend.sharing.state.contacts).toHaveLength(0);

    // The backend refusing the draft (e.g. a name it can't keep) gets calm words, too.
    backend.state.failNext.save_contact = 'invalid_input';
    await user.click(screen.getByTestId('contact-save'));
    await waitFor(() =>
      expect(screen.getByTestId('contact-error')).toHaveTextContent(
        "That couldn't be saved. Have a look at the key and the name, then try again.",
      ),
    );

    await user.click(screen.getByTestId('contact-save'));
    await waitFor(() => expect(contactNames()).toEqual(['Rivera']));
  });

  it('"Pair with a counselor" opens the form with the cursor in the key field; "Not now" closes it', async () => {
    const { user } = await renderPeople('counselor', { seed: (_b, keys) => keys.addContact('Rivera', 'counselor', RIVERA) });
    await waitFor(() => expect(contactNames()).toEqual(['Rivera']));
    expect(screen.queryByTestId('contact-form')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('contact-add'));
    await waitFor(() => expect(screen.getByTestId('contact-key-input')).toHaveFocus());
    await user.click(screen.getByTestId('contact-cancel'));
    expect(screen.queryByTestId('contact-form')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('contact-add')).toHaveFocus());
  });

  it('lists contacts by name with their words and dates, including a replaced key', async () => {
    const { backend } = await renderPeople('counselor', {
      seed: (b, keys) => {
        keys.addContact('sam h.', 'counselor', RIVERA);
        keys.addContact('Ana', 'counselor', ALEX);
        // A contact of the other kind is not shown here.
        keys.addContact('A client', 'client', fakeRecipient('client'));
        b.sharing.state.contacts[0]!.pairedAt = '2026-03-10T09:30:00.250-05:00';
        b.sharing.state.contacts[0]!.keyReplacedAt = '2026-04-01T18:00:00.000-05:00';
      },
    });
    await waitFor(() => expect(contactNames()).toEqual(['Ana', 'sam h.']));
    const sam = screen.getAllByTestId('contact-item')[1]!;
    expect(within(sam).getByTestId('contact-dates')).toHaveTextContent('Paired on March 10, 2026 · key replaced on April 1, 2026');
    expect(within(sam).getByTestId('contact-words')).toHaveTextContent(fakeFingerprint(RIVERA).join(' '));
    expect(within(sam).getByTestId('contact-replace')).toHaveAccessibleName('New key for sam h.');
    expect(within(sam).getByTestId('contact-remove')).toHaveAccessibleName('Remove sam h.');
    expect(backend.callsTo('list_contacts')).toHaveLength(1);
    await expectNoAxeViolations();
  });

  it('replaces a contact’s key after comparing the new words; the name and pairing date stay', async () => {
    const newKey = fakeRecipient('rivera new laptop');
    const { backend, user } = await renderPeople('counselor', {
      seed: (b, keys) => {
        keys.addContact('Rivera', 'counselor', RIVERA);
        b.sharing.state.contacts[0]!.pairedAt = '2026-03-10T09:30:00.250-05:00';
      },
    });
    await waitFor(() => expect(contactNames()).toEqual(['Rivera']));
    const replace = screen.getByTestId('contact-replace');
    expect(replace).toHaveAttribute('aria-expanded', 'false');
    await user.click(replace);
    const form = await screen.findByTestId('contact-replace-form');
    expect(replace).toHaveAttribute('aria-expanded', 'true');
    expect(within(form).getByRole('heading', { level: 3 })).toHaveTextContent('A new key for Rivera');
    expect(form).toHaveTextContent('If Rivera set up a new computer or a new journal, their key changed.');
    expect(screen.getByTestId('contact-name-input')).toHaveValue('Rivera');
    await waitFor(() => expect(screen.getByTestId('contact-key-input')).toHaveFocus());

    // The same key again: nothing to change.
    await user.paste(RIVERA);
    await waitFor(() =>
      expect(screen.getByTestId('contact-error')).toHaveTextContent(
        "That's the key you already have for Rivera, so there's nothing to change.",
      ),
    );

    await user.clear(screen.getByTestId('contact-key-input'));
    await user.paste(newKey);
    expect(await screen.findByTestId('contact-fingerprint')).toHaveTextContent(fakeFingerprint(newKey).join(' '));
    await user.click(within(screen.getByTestId('contact-words-match')).getByRole('switch'));
    expect(screen.getByTestId('contact-save')).toHaveTextContent('Save the new key');
    await user.click(screen.getByTestId('contact-save'));

    await waitFor(() => expect(screen.queryByTestId('contact-replace-form')).not.toBeInTheDocument());
    expect(backend.callsTo('save_contact')[0]?.args).toEqual({
      draft: { id: backend.sharing.state.contacts[0]!.id, role: 'counselor', name: 'Rivera', recipient: newKey },
    });
    const item = screen.getByTestId('contact-item');
    await waitFor(() =>
      expect(within(item).getByTestId('contact-dates')).toHaveTextContent(
        `Paired on March 10, 2026 · key replaced on ${longDay(new Date())}`,
      ),
    );
    expect(within(item).getByTestId('contact-words')).toHaveTextContent(fakeFingerprint(newKey).join(' '));
    expect(screen.getByTestId('people-message')).toHaveTextContent("Rivera's new key is saved.");
    await waitFor(() => expect(within(item).getByTestId('contact-name')).toHaveFocus());
    expect(backend.sharing.state.contacts).toHaveLength(1);
  });

  it('removes a contact after a calm question that says what stays with them', async () => {
    let riveraId = -1;
    const { backend, user } = await renderPeople('counselor', {
      seed: (b, keys) => {
        riveraId = keys.addContact('Rivera', 'counselor', RIVERA).id;
        keys.addContact('Okafor', 'counselor', ALEX);
        b.sharing.state.log.push({
          id: 1,
          shareId: 's1',
          at: '2026-03-10T09:30:00.250-05:00',
          method: 'file',
          toName: 'Rivera',
          contactId: riveraId,
          items: [],
        });
      },
    });
    await waitFor(() => expect(contactNames()).toEqual(['Okafor', 'Rivera']));
    const rivera = screen.getAllByTestId('contact-item')[1]!;

    // "Keep" changes nothing.
    await user.click(within(rivera).getByTestId('contact-remove'));
    let dialog = await screen.findByTestId('contact-remove-confirm');
    expect(within(dialog).getByRole('heading')).toHaveTextContent('Remove Rivera?');
    expect(dialog).toHaveTextContent("You won't be able to send Rivera anything new until you pair again.");
    expect(dialog).toHaveTextContent(
      "Once a file is given, it can't be taken back: what you already gave them stays with them. Your share log still shows what went out.",
    );
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('contact-remove-no'));
    await waitFor(() => expect(screen.queryByTestId('contact-remove-confirm')).not.toBeInTheDocument());
    expect(backend.callsTo('delete_contact')).toHaveLength(0);

    await user.click(within(rivera).getByTestId('contact-remove'));
    dialog = await screen.findByTestId('contact-remove-confirm');
    await user.click(within(dialog).getByTestId('contact-remove-yes'));
    await waitFor(() => expect(contactNames()).toEqual(['Okafor']));
    expect(backend.callsTo('delete_contact')[0]?.args).toEqual({ id: riveraId });
    expect(screen.getByTestId('people-message')).toHaveTextContent(
      'Rivera is no longer paired. Files you already gave them stay with them.',
    );
    // The log keeps the line, unlinked.
    expect(backend.sharing.state.log[0]).toMatchObject({ toName: 'Rivera', contactId: null });
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Your counselors' })).toHaveFocus());
  });

  it('after removing the last one, the pairing form is there again', async () => {
    const { user } = await renderPeople('counselor', { seed: (_b, keys) => keys.addContact('Rivera', 'counselor', RIVERA) });
    await user.click(await screen.findByTestId('contact-remove'));
    await user.click(await screen.findByTestId('contact-remove-yes'));
    expect(await screen.findByTestId('contact-form')).toBeInTheDocument();
    expect(contactNames()).toEqual([]);
  });
});

describe('People in counselor mode', () => {
  it('shows the key for clients to pair with and lists clients only; passes axe', async () => {
    const { backend, user } = await renderPeople('client', {
      seed: (_b, keys) => {
        keys.addContact('Jordan', 'client', RIVERA);
        keys.addContact('My own counselor', 'counselor', fakeRecipient('supervisor'));
      },
    });
    expect(screen.getByTestId('my-key')).toHaveTextContent(
      'Clients pair with this key, so what they share with you can only be opened here.',
    );
    await waitFor(() => expect(contactNames()).toEqual(['Jordan']));
    expect(screen.getByRole('heading', { level: 2, name: 'Your clients' })).toBeInTheDocument();
    expect(screen.getByTestId('contact-add')).toHaveTextContent('Pair with a client');
    await expectNoAxeViolations();

    await user.click(screen.getByTestId('contact-add'));
    expect(screen.getByTestId('contact-form')).toHaveTextContent("Ask your client for their share key: it's under Pairing in their journal.");
    await user.paste(ALEX);
    await screen.findByTestId('contact-fingerprint');
    await user.click(within(screen.getByTestId('contact-words-match')).getByRole('switch'));
    await user.type(screen.getByTestId('contact-name-input'), 'Alex');
    await user.click(screen.getByTestId('contact-save'));
    await waitFor(() => expect(contactNames()).toEqual(['Alex', 'Jordan']));
    expect(backend.callsTo('save_contact')[0]?.args).toMatchObject({ draft: { role: 'client', name: 'Alex' } });

    await user.click(screen.getAllByTestId('contact-remove')[1]!);
    expect(await screen.findByTestId('contact-remove-confirm')).toHaveTextContent(
      'What they already shared stays in your inbox, and ideas you already sent stay with them.',
    );
  });
});

describe('People in Spanish', () => {
  it('speaks Spanish throughout, with the same key words', async () => {
    const { backend, user } = await renderPeople('counselor', { locale: 'es' });
    expect(screen.getByTestId('my-key')).toHaveTextContent('Tu clave para compartir');
    expect(screen.getByTestId('my-key-words')).toHaveTextContent(backend.sharing.state.myKey!.fingerprint.join(' '));
    expect(await screen.findByTestId('contact-form')).toHaveTextContent('Emparejar con tu consejera o consejero');
    await user.click(screen.getByTestId('contact-key-input'));
    await user.paste('hola');
    await user.tab();
    expect(await screen.findByTestId('contact-error')).toHaveTextContent(
      'Eso no parece una clave para compartir. Una clave para compartir empieza con “age1”.',
    );
    await expectNoAxeViolations();
  });
});

describe('Pairing in the app', () => {
  it('is the Pairing tab of Share in both modes', async () => {
    for (const mode of ['client', 'counselor'] as const) {
      const backend = createFakeBackend({ unlocked: true, prefs: defaultPrefs({ mode }) });
      const { user, unmount } = renderApp(backend);
      await user.click(await screen.findByTestId('nav-share'));
      await user.click(await screen.findByTestId('share-tab-people'));
      expect(await screen.findByTestId('my-key-text')).toHaveTextContent(/^age1/);
      expect(await screen.findByTestId('contact-form')).toHaveTextContent(
        mode === 'client' ? 'Pair with a counselor' : 'Pair with a client',
      );
      unmount();
    }
  });
});

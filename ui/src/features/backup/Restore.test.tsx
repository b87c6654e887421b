import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultPrefs, type FakeBackend } from '../../test/fakeBackend';
import { expectNoAxeViolations } from '../../test/render';
import { daysAgo, itemTexts, openBackups, seedEntries } from './testSupport';
import { testProfile } from '../../test/profiles';

const OTHER_PASSPHRASE = 'old river stone kite';
const OTHER_CODE = 'ZZ11-YY22-XX33-WW44-VV55-UU66-TT77-SS88';
const USB_FILE = '/media/usb/cove-2025-06-01-120000-manual.covebackup';

/** A backup of another journal (e.g. from an old laptop) on a USB stick. */
function addOtherJournal(backend: FakeBackend) {
  return backend.backup.addBackup({
    path: USB_FILE,
    place: 'extra',
    kind: 'manual',
    madeAt: daysAgo(200),
    copy: {
      vaultId: 'old-laptop',
      passphrase: OTHER_PASSPHRASE,
      recoveryCode: OTHER_CODE,
      profile: testProfile('Alex'),
      entries: [
        {
          id: 7,
          kind: 'free',
          title: 'From the old laptop',
          body: 'Long ago',
          tags: [],
          promptId: null,
          checkin: null,
          day: '2025-01-03',
          createdAt: '2025-01-03T10:00:00.000+00:00',
          updatedAt: '2025-01-03T10:00:00.000+00:00',
          deletedAt: null,
        },
      ],
    },
  });
}

const titles = (backend: FakeBackend) => backend.journal.live().map((e) => e.title);

describe('restore from the list (a backup of this journal)', () => {
  it('opens with the journal’s own key, shows what it holds, and changes nothing before the confirm', async () => {
    const { backend, user } = await openBackups({}, (b) => {
      seedEntries(b);
      b.backup.addBackup({ madeAt: daysAgo(1, 9, 15) }); // holds the three entries
      b.journal.add({ title: 'Written after the backup', body: 'New' });
    });
    await user.click(screen.getAllByTestId('backup-restore')[0]!);

    const preview = await screen.findByTestId('restore-preview');
    expect(backend.callsTo('inspect_backup')[0]?.args).toMatchObject({ secret: { kind: 'current' } });
    expect(screen.queryByTestId('backup-secret-passphrase')).not.toBeInTheDocument();
    expect(within(preview).getByRole('heading', { level: 1 })).toHaveTextContent('What this backup holds');
    expect(within(preview).getByRole('heading', { level: 1 })).toHaveFocus();
    expect(screen.getByTestId('restore-preview-entries')).toHaveTextContent('3 entries');
    const first = new Date(daysAgo(30)).toLocaleDateString('en', { day: 'numeric', month: 'long', year: 'numeric' });
    const last = new Date(daysAgo(2)).toLocaleDateString('en', { day: 'numeric', month: 'long', year: 'numeric' });
    expect(screen.getByTestId('restore-preview-range')).toHaveTextContent(`From ${first} to ${last}`);
    expect(screen.getByTestId('restore-preview-made')).toHaveTextContent('yesterday at 9:15 AM');
    expect(screen.getByTestId('restore-preview-version')).toHaveTextContent('0.1.0');
    expect(preview).toHaveTextContent('Your journal as it is now is saved as a backup first, so you can bring it back later');
    expect(preview).not.toHaveTextContent('different journal');
    expect(screen.getByTestId('restore-confirm')).toHaveTextContent('Replace my journal with this backup');
    await expectNoAxeViolations();

    // Nothing has changed yet.
    expect(backend.callsTo('restore_backup')).toHaveLength(0);
    expect(titles(backend)).toContain('Written after the backup');

    backend.backup.state.holdJobs = true;
    await user.click(screen.getByTestId('restore-confirm'));
    const bar = await screen.findByTestId('restore-progress');
    expect(bar).toHaveAttribute('role', 'progressbar');
    await expectNoAxeViolations();
    backend.backup.releaseJobs();

    // The journal opens again, fresh, with a calm word.
    const done = await screen.findByTestId('restore-done');
    expect(done).toHaveTextContent('Your journal is restored. The one you had just before is saved as a backup, in case you want it back.');
    expect(await screen.findByTestId('screen-today')).toBeInTheDocument();
    expect(titles(backend).sort()).toEqual(['Middle', 'Recent', 'The first one']);
    expect(backend.callsTo('restore_backup')[0]?.args).toMatchObject({ secret: { kind: 'current' } });
    expect(backend.backup.state.records.some((r) => r.file.kind === 'before_restore')).toBe(true);
    expect(backend.state.unlocked).toBe(true);
    await expectNoAxeViolations();

    await user.click(screen.getByTestId('restore-done-close'));
    expect(screen.queryByTestId('restore-done')).not.toBeInTheDocument();
  });

  it('cancelling at the preview changes nothing', async () => {
    const { backend, user } = await openBackups({}, (b) => {
      seedEntries(b);
      b.backup.addBackup({ madeAt: daysAgo(1) });
      b.journal.add({ title: 'Written after the backup', body: 'New' });
    });
    await user.click(screen.getAllByTestId('backup-restore')[0]!);
    await screen.findByTestId('restore-preview');
    expect(screen.getByTestId('restore-cancel')).toHaveTextContent('Keep my journal as it is');
    await user.click(screen.getByTestId('restore-cancel'));

    await screen.findByTestId('backup-list');
    expect(backend.callsTo('restore_backup')).toHaveLength(0);
    expect(titles(backend)).toHaveLength(4);
    expect(itemTexts()).toHaveLength(1);
  });

  it('a restore that runs out of space (or meets anything else) leaves the journal as it was, and says so', async () => {
    const { backend, user } = await openBackups({}, (b) => {
      seedEntries(b);
      b.backup.addBackup({ madeAt: daysAgo(1) });
      b.journal.add({ title: 'Written after the backup', body: 'New' });
    });
    await user.click(screen.getAllByTestId('backup-restore')[0]!);
    await screen.findByTestId('restore-preview');
    backend.state.failNext.restore_backup = 'storage_full';
    await user.click(screen.getByTestId('restore-confirm'));
    const problem = await screen.findByTestId('restore-problem');
    expect(problem).toHaveTextContent(
      "There isn't enough space on this computer to restore this backup. Your journal hasn't been changed. Free up some space and try again.",
    );
    expect(titles(backend)).toHaveLength(4);
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('restore-cancel'));
    await screen.findByTestId('backup-list');

    // Something unexpected: the general words, and that the journal is as it was.
    await user.click(screen.getAllByTestId('backup-restore')[0]!);
    await screen.findByTestId('restore-preview');
    backend.state.failNext.restore_backup = 'internal';
    await user.click(screen.getByTestId('restore-confirm'));
    expect(await screen.findByTestId('restore-problem-message')).toHaveTextContent('Something went wrong on our side, not yours.');
    expect(screen.getByTestId('restore-problem-unchanged')).toHaveTextContent('Your journal is just as it was before.');
    expect(titles(backend)).toHaveLength(4);
  });
});

describe('restore from a file', () => {
  it('asks for that journal’s passphrase after its own key doesn’t open it, kindly on a wrong try', async () => {
    const { backend, user } = await openBackups({}, (b) => {
      seedEntries(b);
      addOtherJournal(b);
    });
    // Cancelling the file chooser changes nothing.
    await user.click(screen.getByTestId('backup-open-file'));
    await waitFor(() => expect(backend.callsTo('plugin:dialog|open')).toHaveLength(1));
    expect(backend.callsTo('plugin:dialog|open')[0]?.args).toMatchObject({
      options: { directory: false, filters: [{ extensions: ['covebackup'] }] },
    });
    expect(screen.queryByTestId('restore-secret')).not.toBeInTheDocument();

    backend.backup.state.nextPick = USB_FILE;
    await user.click(screen.getByTestId('backup-open-file'));
    const secret = await screen.findByTestId('restore-secret');
    expect(backend.callsTo('inspect_backup')[0]?.args).toEqual({ path: USB_FILE, secret: { kind: 'current' } });
    expect(secret).toHaveTextContent('This backup is locked with the passphrase its journal had when the copy was made.');
    expect(screen.getByTestId('backup-secret-passphrase')).toHaveFocus();
    await expectNoAxeViolations();

    await user.click(screen.getByTestId('backup-secret-submit'));
    expect(screen.getByTestId('backup-secret-message')).toHaveTextContent('Type the passphrase first.');

    await user.type(screen.getByTestId('backup-secret-passphrase'), 'not it');
    await user.click(screen.getByTestId('backup-secret-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('backup-secret-message')).toHaveTextContent(
        "That didn't open it. Take your time and try again — it's the passphrase this journal had when the copy was made.",
      ),
    );
    // What was typed stays, to fix.
    expect(screen.getByTestId('backup-secret-passphrase')).toHaveValue('not it');

    await user.clear(screen.getByTestId('backup-secret-passphrase'));
    await user.type(screen.getByTestId('backup-secret-passphrase'), OTHER_PASSPHRASE);
    await user.click(screen.getByTestId('backup-secret-submit'));
    const preview = await screen.findByTestId('restore-preview');
    expect(screen.getByTestId('restore-preview-entries')).toHaveTextContent('1 entry');
    expect(screen.getByTestId('restore-preview-range')).toHaveTextContent('All on January 3, 2025');
    expect(preview).toHaveTextContent("This backup is from a different journal than the one open now. Afterwards, you'll unlock with the passphrase that journal had.");
    expect(backend.callsTo('restore_backup')).toHaveLength(0);
    await expectNoAxeViolations();

    await user.click(screen.getByTestId('restore-confirm'));
    await screen.findByTestId('restore-done');
    expect(backend.callsTo('restore_backup')[0]?.args).toEqual({ path: USB_FILE, secret: { kind: 'passphrase', value: OTHER_PASSPHRASE } });
    expect(titles(backend)).toEqual(['From the old laptop']);
    expect(backend.state.passphrase).toBe(OTHER_PASSPHRASE);
    // The fresh session reads the restored journal's profile.
    const today = await screen.findByTestId('screen-today');
    await waitFor(() => expect(within(today).getByRole('heading', { level: 1 })).toHaveTextContent(/Alex\.$/));
  });

  it('opens with the recovery code instead', async () => {
    const { backend, user } = await openBackups({}, (b) => addOtherJournal(b));
    backend.backup.state.nextPick = USB_FILE;
    await user.click(screen.getByTestId('backup-open-file'));
    await screen.findByTestId('restore-secret');
    await user.click(screen.getByTestId('backup-secret-use-recovery'));
    const field = screen.getByTestId('backup-secret-recovery');
    expect(field).toHaveFocus();
    expect(screen.queryByTestId('backup-secret-passphrase')).not.toBeInTheDocument();
    await expectNoAxeViolations();

    await user.type(field, 'zz11 yy22 xx33 ww44 vv55 uu66 tt77 ss89');
    await user.click(screen.getByTestId('backup-secret-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('backup-secret-message')).toHaveTextContent(
        "That code didn't open it. Check it against what you wrote down for this journal and try again.",
      ),
    );
    await user.clear(field);
    // Spaces, missing dashes and small letters are forgiven.
    await user.type(field, 'zz11 yy22 xx33 ww44 vv55 uu66 tt77 ss88');
    await user.click(screen.getByTestId('backup-secret-submit'));
    const preview = await screen.findByTestId('restore-preview');
    expect(preview).toHaveTextContent('You opened this backup with its recovery code.');
    await user.click(screen.getByTestId('restore-confirm'));
    await screen.findByTestId('restore-done');
    expect(backend.callsTo('restore_backup')[0]?.args).toEqual({ path: USB_FILE, secret: { kind: 'recovery_code', value: OTHER_CODE } });
    expect(titles(backend)).toEqual(['From the old laptop']);
  });

  it('cancelling at the passphrase changes nothing', async () => {
    const { backend, user } = await openBackups({}, (b) => {
      seedEntries(b);
      addOtherJournal(b);
    });
    backend.backup.state.nextPick = USB_FILE;
    await user.click(screen.getByTestId('backup-open-file'));
    await screen.findByTestId('restore-secret');
    await user.click(screen.getByTestId('restore-cancel'));
    await screen.findByTestId('backup-open-file');
    expect(backend.callsTo('restore_backup')).toHaveLength(0);
    expect(titles(backend)).toHaveLength(3);
  });

  it.each([
    ['/home/sam/Pictures/cat.jpg', 'not_a_backup', "That file isn't a Cove backup. Nothing has been changed."],
    [
      '/media/usb/damaged.covebackup',
      'backup_damaged',
      "That backup is damaged or incomplete, so it can't be used. Your journal hasn't been changed. Try another backup if you have one.",
    ],
    [
      '/media/usb/newer.covebackup',
      'too_new',
      'That file was made by a newer version of Cove. Update Cove on this computer, then try again. Nothing has been changed.',
    ],
  ])('a file it can’t use (%s) gets its own words: %s', async (path, code, words) => {
    const { backend, user } = await openBackups({}, (b) => {
      seedEntries(b);
      b.backup.addBackup({ path: '/media/usb/newer.covebackup', place: 'extra', tooNew: true });
    });
    backend.backup.state.nextPick = path;
    await user.click(screen.getByTestId('backup-open-file'));
    const problem = await screen.findByTestId('restore-problem');
    expect(problem).toHaveAttribute('data-code', code);
    expect(screen.getByTestId('restore-problem-message')).toHaveTextContent(words);
    expect(within(problem).getByRole('heading', { level: 1 })).toHaveTextContent("This file can't be restored");
    await expectNoAxeViolations();
    expect(backend.callsTo('restore_backup')).toHaveLength(0);
    expect(titles(backend)).toHaveLength(3);
    await user.click(screen.getByTestId('restore-cancel'));
    await screen.findByTestId('backup-now');
  });

  it('a file that went away (the USB stick was taken out) is said plainly', async () => {
    const { backend, user } = await openBackups({}, (b) => addOtherJournal(b));
    backend.backup.state.nextPick = USB_FILE;
    backend.state.failNext.inspect_backup = 'not_found';
    await user.click(screen.getByTestId('backup-open-file'));
    expect(await screen.findByTestId('restore-problem-message')).toHaveTextContent(
      "That file isn't there anymore. If it's on a USB stick, check it's plugged in, then try again. Nothing has been changed.",
    );
  });

  it('a damaged file found after typing the passphrase gets the same words', async () => {
    const { backend, user } = await openBackups({}, (b) => {
      b.backup.addBackup({ path: '/media/usb/old.covebackup', copy: { vaultId: 'other', passphrase: OTHER_PASSPHRASE } });
    });
    backend.backup.state.nextPick = '/media/usb/old.covebackup';
    await user.click(screen.getByTestId('backup-open-file'));
    await screen.findByTestId('restore-secret');
    backend.backup.state.records[0]!.damaged = true;
    await user.type(screen.getByTestId('backup-secret-passphrase'), OTHER_PASSPHRASE);
    await user.click(screen.getByTestId('backup-secret-submit'));
    expect(await screen.findByTestId('restore-problem-message')).toHaveTextContent('That backup is damaged or incomplete');
  });
});

describe('restore in Spanish', () => {
  it('renders the preview in Spanish', async () => {
    const { user } = await openBackups({ prefs: defaultPrefs({ language: 'es' }) }, (b) => {
      seedEntries(b);
      b.backup.addBackup({ madeAt: daysAgo(1, 9, 15) });
    });
    await user.click(screen.getAllByTestId('backup-restore')[0]!);
    const preview = await screen.findByTestId('restore-preview');
    expect(within(preview).getByRole('heading', { level: 1 })).toHaveTextContent('Lo que contiene esta copia');
    expect(screen.getByTestId('restore-preview-entries')).toHaveTextContent('3 entradas');
    expect(screen.getByTestId('restore-preview-range')).toHaveTextContent(/^Del \d+ de \w+ de \d{4} al \d+ de \w+ de \d{4}$/);
    expect(screen.getByTestId('restore-confirm')).toHaveTextContent('Reemplazar mi diario con esta copia');
    await expectNoAxeViolations();
  });
});

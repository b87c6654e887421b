import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend, defaultPrefs } from '../../test/fakeBackend';
import { expectNoAxeViolations, renderApp } from '../../test/render';
import { daysAgo, itemTexts, openBackups, todayAt } from './testSupport';

describe('backups in Settings', () => {
  it('shows when the last backup was made and opens the backups screen; both pass axe', async () => {
    const backend = createFakeBackend({ unlocked: true });
    backend.backup.addBackup({ madeAt: daysAgo(3) });
    backend.backup.addBackup({ madeAt: todayAt(14, 2) });
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId('nav-settings'));
    await waitFor(() => expect(screen.getByTestId('settings-backups-last')).toHaveTextContent('Last backup: today at 2:02 PM'));
    expect(screen.getByTestId('settings-backups-section')).toHaveTextContent(
      'Each day you use your journal, we make a copy of it, locked just like the journal itself. The last 7 days and the last 4 weeks are kept.',
    );
    await expectNoAxeViolations();

    await user.click(screen.getByTestId('settings-backups'));
    const main = await screen.findByTestId('backups-screen');
    expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent('Backups');
    await waitFor(() => expect(screen.getByTestId('backup-last')).toHaveTextContent('Last backup: today at 2:02 PM'));
    await expectNoAxeViolations();

    // Back in Settings, focus lands on the way in again.
    await user.click(screen.getByTestId('backups-back'));
    await waitFor(() => expect(screen.getByTestId('settings-backups')).toHaveFocus());
  });

  it('says "yesterday" for a copy made yesterday', async () => {
    await openBackups({}, (backend) => backend.backup.addBackup({ madeAt: daysAgo(1, 9, 15) }));
    expect(screen.getByTestId('backup-last')).toHaveTextContent('Last backup: yesterday at 9:15 AM');
  });

  it('says kindly that there is no backup yet, and passes axe', async () => {
    await openBackups();
    expect(screen.getByTestId('backup-last')).toHaveTextContent("There's no backup yet.");
    expect(screen.getByTestId('backups-screen')).toHaveTextContent('No backups yet. Cove makes the first one a few moments after you unlock your journal');
    expect(screen.queryByTestId('backup-list')).not.toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('shows an automatic backup that Cove makes while the screen is open, and lists it', async () => {
    const { backend } = await openBackups();
    expect(screen.queryByTestId('backup-list')).not.toBeInTheDocument();
    // Cove starts its automatic backup on its own (a few moments after unlocking).
    backend.backup.state.holdJobs = true;
    const made = backend.backup.runAutomatic();
    expect(await screen.findByTestId('backup-automatic-progress', {}, { timeout: 5000 })).toHaveAccessibleName(
      "Making today's automatic backup…",
    );
    backend.backup.releaseJobs();
    await made;
    await waitFor(() => expect(itemTexts()).toHaveLength(1), { timeout: 5000 });
    expect(itemTexts()[0]).toContain('Daily copy');
    expect(screen.queryByTestId('backup-automatic-progress')).not.toBeInTheDocument();
  });

  it('lists every backup newest first, with its kind, place and size', async () => {
    await openBackups({}, (backend) => {
      backend.backup.state.extraFolder = '/media/usb/Cove';
      backend.backup.addBackup({ madeAt: daysAgo(8, 10, 0), kind: 'automatic', sizeBytes: 820_000 });
      backend.backup.addBackup({ madeAt: daysAgo(1, 9, 15), kind: 'before_restore', sizeBytes: 3_456_000 });
      backend.backup.addBackup({ madeAt: daysAgo(2, 18, 30), kind: 'manual', place: 'extra', sizeBytes: 2_400_000 });
    });
    const texts = itemTexts();
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain('yesterday at 9:15 AM');
    expect(texts[0]).toContain('Saved before a restore · Kept with your journal · 3.5 MB');
    expect(texts[1]).toContain('Made by you · In your second folder · 2.4 MB');
    expect(texts[2]).toContain('Daily copy · Kept with your journal · 820 kB');
    // Each Restore button says which copy it restores.
    const buttons = screen.getAllByTestId('backup-restore');
    expect(buttons[0]).toHaveAccessibleName('Restore the copy from yesterday at 9:15 AM');
  });

  it('shows the last automatic backup’s problem calmly, with what to do', async () => {
    await openBackups({}, (backend) => {
      backend.backup.state.extraFolder = '/media/usb/Cove';
      backend.backup.state.problem = { code: 'not_found', message: 'second folder missing', attemptsLeft: null };
    });
    expect(screen.getByTestId('backup-problem')).toHaveTextContent(
      "The last copy couldn't go to your second folder because it wasn't there. If it's on a USB stick or another drive, plug it in — the next copy will go there too. The copy kept with your journal was made.",
    );
    await expectNoAxeViolations();
  });

  it('backing up with the USB stick out still makes the copy, and says where it could not go', async () => {
    const { backend, user } = await openBackups({}, (b) => {
      b.backup.state.extraFolder = '/media/usb/Cove';
      b.backup.state.extraMissing = true;
    });
    expect(screen.queryByTestId('backup-problem')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('backup-now'));
    expect(await screen.findByTestId('backup-done')).toHaveTextContent('Done. Your journal is backed up.');
    expect(screen.getByTestId('backup-problem')).toHaveTextContent('plug it in');
    expect(itemTexts()).toHaveLength(1);

    // Stick back in: the next backup goes everywhere and the note goes away.
    backend.backup.state.extraMissing = false;
    await user.click(screen.getByTestId('backup-now'));
    await waitFor(() => expect(screen.queryByTestId('backup-problem')).not.toBeInTheDocument());
    await waitFor(() => expect(itemTexts()).toHaveLength(3));
  });

  it('shows a problem in the Settings section too', async () => {
    const backend = createFakeBackend({ unlocked: true });
    backend.backup.state.problem = { code: 'storage_full', message: 'full', attemptsLeft: null };
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId('nav-settings'));
    expect(await screen.findByTestId('settings-backups-problem')).toHaveTextContent(
      "There wasn't enough space for the last copy, on this computer or in your second folder. Your older copies are safe.",
    );
    expect(screen.getByTestId('settings-backups-last')).toHaveTextContent("There's no backup yet.");
  });

  it('backs up now with a progress bar, then a quiet "Done" that screen readers hear', async () => {
    const { backend, user } = await openBackups({}, (b) => {
      b.backup.state.holdJobs = true;
      b.backup.addBackup({ madeAt: daysAgo(1) });
    });
    await user.click(screen.getByTestId('backup-now'));
    const bar = await screen.findByTestId('backup-progress');
    expect(bar).toHaveAttribute('role', 'progressbar');
    expect(bar).toHaveAccessibleName('Making a copy of your journal');
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuetext', '25%'));
    expect(bar).toHaveTextContent('25%');
    expect(screen.getByTestId('backup-now')).toHaveTextContent('Backing up…');
    // A second press while it runs starts nothing new.
    await user.click(screen.getByTestId('backup-now'));
    await expectNoAxeViolations();
    // Nothing is written until the job ends.
    expect(backend.backup.state.records).toHaveLength(1);

    backend.backup.releaseJobs();
    const done = await screen.findByTestId('backup-done');
    expect(done).toHaveTextContent('Done. Your journal is backed up.');
    expect(done.closest('[role="status"]')).toHaveAttribute('aria-live', 'polite');
    expect(screen.queryByTestId('backup-progress')).not.toBeInTheDocument();
    expect(backend.callsTo('back_up_now')).toHaveLength(1);
    // The keyboard stays where it was.
    expect(screen.getByTestId('backup-now')).toHaveFocus();
    expect(backend.callsTo('job_progress').length).toBeGreaterThan(1);
    await waitFor(() => expect(itemTexts()).toHaveLength(2));
    expect(itemTexts()[0]).toContain('Made by you');
    expect(screen.getByTestId('backup-last')).toHaveTextContent(/^Last backup: today at/);
  });

  it('says plainly when there is no space for a new copy, and keeps the old ones', async () => {
    const { backend, user } = await openBackups({}, (b) => b.backup.addBackup({ madeAt: daysAgo(1) }));
    backend.state.failNext.back_up_now = 'storage_full';
    await user.click(screen.getByTestId('backup-now'));
    await waitFor(() =>
      expect(screen.getByTestId('backup-message')).toHaveTextContent(
        "There isn't enough space for a new copy right now. Your older copies are safe. Free up a little space and try again.",
      ),
    );
    expect(screen.queryByTestId('backup-done')).not.toBeInTheDocument();
    expect(itemTexts()).toHaveLength(1);
  });

  it('chooses a second folder, shows it, and forgets it again', async () => {
    const { backend, user } = await openBackups({}, (b) => b.backup.addBackup({ madeAt: daysAgo(1) }));
    expect(screen.getByTestId('backup-folder')).toHaveTextContent('The copies there stay locked.');
    expect(screen.getByTestId('backup-folder-none')).toBeInTheDocument();

    // Cancelling the folder chooser changes nothing.
    await user.click(screen.getByTestId('backup-folder-choose'));
    await waitFor(() => expect(backend.callsTo('plugin:dialog|open')).toHaveLength(1));
    expect(backend.callsTo('plugin:dialog|open')[0]?.args).toMatchObject({ options: { directory: true } });
    expect(backend.callsTo('set_backup_folder')).toHaveLength(0);

    backend.backup.state.nextPick = '/media/usb/Cove';
    await user.click(screen.getByTestId('backup-folder-choose'));
    await waitFor(() => expect(screen.getByTestId('backup-folder-path')).toHaveTextContent('/media/usb/Cove'));
    expect(backend.callsTo('set_backup_folder')[0]?.args).toEqual({ folder: '/media/usb/Cove' });
    expect(screen.getByTestId('backup-folder-message')).toHaveTextContent('Done. Copies will go to that folder too');
    // The first copy there shows up in the list.
    await waitFor(() => expect(itemTexts().some((text) => text?.includes('In your second folder'))).toBe(true));
    expect(screen.getByTestId('backup-folder-choose')).toHaveTextContent('Choose another folder…');
    await expectNoAxeViolations();

    await user.click(screen.getByTestId('backup-folder-forget'));
    await waitFor(() => expect(screen.queryByTestId('backup-folder-path')).not.toBeInTheDocument());
    expect(backend.callsTo('set_backup_folder')[1]?.args).toEqual({ folder: null });
    expect(screen.getByTestId('backup-folder-choose')).toHaveFocus();
    expect(backend.backup.state.extraFolder).toBeNull();
    expect(screen.getByTestId('backup-folder-message')).toHaveTextContent(
      "Copies won't go to that folder anymore. The ones already there stay where they are.",
    );
    await waitFor(() => expect(itemTexts().some((text) => text?.includes('In your second folder'))).toBe(false));
  });

  it('explains when a chosen folder can’t be used or has no room', async () => {
    const { backend, user } = await openBackups();
    backend.backup.state.nextPick = '/media/usb';
    backend.state.failNext.set_backup_folder = 'invalid_input';
    await user.click(screen.getByTestId('backup-folder-choose'));
    await waitFor(() =>
      expect(screen.getByTestId('backup-folder-message')).toHaveTextContent(
        "That folder can't be used for your backups. Choose a folder you can save files in, like one on a USB stick or another drive.",
      ),
    );
    backend.backup.state.nextPick = '/media/usb';
    backend.state.failNext.set_backup_folder = 'storage_full';
    await user.click(screen.getByTestId('backup-folder-choose'));
    await waitFor(() =>
      expect(screen.getByTestId('backup-folder-message')).toHaveTextContent("That folder doesn't have enough space for a copy."),
    );
    expect(screen.queryByTestId('backup-folder-path')).not.toBeInTheDocument();
  });

  it('renders in Spanish', async () => {
    await openBackups({ prefs: defaultPrefs({ language: 'es' }) }, (b) => b.backup.addBackup({ madeAt: daysAgo(1, 9, 15) }));
    const main = screen.getByTestId('backups-screen');
    expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent('Copias de seguridad');
    expect(screen.getByTestId('backup-last')).toHaveTextContent('Última copia: ayer, 9:15');
    expect(screen.getByTestId('backup-now')).toHaveTextContent('Hacer una copia ahora');
    expect(itemTexts()[0]).toContain('Copia diaria · Junto a tu diario');
    await expectNoAxeViolations();
  });
});

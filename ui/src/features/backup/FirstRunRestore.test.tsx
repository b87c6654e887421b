import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend, defaultPrefs } from '../../test/fakeBackend';
import { expectNoAxeViolations, renderApp } from '../../test/render';
import { daysAgo } from './testSupport';
import { testProfile } from '../../test/profiles';

const PASS = 'old river stone kite';
const CODE = 'ZZ11-YY22-XX33-WW44-VV55-UU66-TT77-SS88';
const FILE = '/media/usb/cove-2026-01-01-120000-manual.covebackup';

function freshInstall() {
  const backend = createFakeBackend({
    vaultExists: false,
    unlocked: false,
    prefs: defaultPrefs({ mode: null, language: null }),
    profile: testProfile(null),
  });
  backend.journal.add({ title: 'Kept safe', body: 'From before' }, daysAgo(40));
  backend.journal.add({ title: 'Also kept', body: 'Still here' }, daysAgo(20));
  backend.backup.addBackup({
    path: FILE,
    place: 'extra',
    kind: 'manual',
    madeAt: daysAgo(5),
    copy: { vaultId: 'old-laptop', passphrase: PASS, recoveryCode: CODE, profile: testProfile('Robin', 'they') },
  });
  // The copy holds those two entries; this fresh install has none.
  backend.journal.state.entries = [];
  return backend;
}

describe('restore on a fresh install', () => {
  it('goes from the welcome step through file, passphrase and preview straight into the unlocked journal', async () => {
    const backend = freshInstall();
    const { user } = renderApp(backend);
    await screen.findByTestId('onboarding-welcome');
    expect(screen.getByTestId('onboarding-restore')).toHaveTextContent('Restore from a backup');
    await user.click(screen.getByTestId('onboarding-restore'));

    const intro = await screen.findByTestId('onboarding-restore-intro');
    expect(within(intro).getByRole('heading', { level: 1 })).toHaveTextContent('Bring back your journal');
    expect(within(intro).getByRole('heading', { level: 1 })).toHaveFocus();
    await expectNoAxeViolations();

    backend.backup.state.nextPick = FILE;
    await user.click(screen.getByTestId('backup-open-file'));
    await screen.findByTestId('restore-secret');
    // No journal here yet: nothing to try first, the passphrase is asked right away.
    expect(backend.callsTo('inspect_backup')).toHaveLength(0);
    await user.type(screen.getByTestId('backup-secret-passphrase'), PASS);
    await user.click(screen.getByTestId('backup-secret-submit'));

    const preview = await screen.findByTestId('restore-preview');
    expect(screen.getByTestId('restore-preview-entries')).toHaveTextContent('2 entries');
    expect(preview).toHaveTextContent('If you go ahead, this journal is set up on this computer and opens straight away.');
    expect(screen.getByTestId('restore-confirm')).toHaveTextContent('Restore this journal');
    await expectNoAxeViolations();
    expect(backend.state.vaultExists).toBe(false);

    await user.click(screen.getByTestId('restore-confirm'));
    expect(await screen.findByTestId('restore-done')).toHaveTextContent('Welcome back. Your journal is restored and open.');
    const today = await screen.findByTestId('screen-today');
    await waitFor(() => expect(within(today).getByRole('heading', { level: 1 })).toHaveTextContent(/Robin\.$/));
    expect(backend.state).toMatchObject({ vaultExists: true, unlocked: true, passphrase: PASS });
    expect(backend.callsTo('create_vault')).toHaveLength(0);
    await waitFor(() => expect(within(today).getAllByTestId('entry-card')).toHaveLength(2));
    // No "before restore" copy: there was no journal to save.
    expect(backend.backup.state.records.filter((r) => r.file.kind === 'before_restore')).toHaveLength(0);
    await expectNoAxeViolations();
  });

  it('works with the recovery code too', async () => {
    const backend = freshInstall();
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId('onboarding-restore'));
    backend.backup.state.nextPick = FILE;
    await user.click(await screen.findByTestId('backup-open-file'));
    await user.click(await screen.findByTestId('backup-secret-use-recovery'));
    await user.type(screen.getByTestId('backup-secret-recovery'), CODE.toLowerCase());
    await user.click(screen.getByTestId('backup-secret-submit'));
    await screen.findByTestId('restore-preview');
    await user.click(screen.getByTestId('restore-confirm'));
    await screen.findByTestId('restore-done');
    expect(backend.state).toMatchObject({ vaultExists: true, unlocked: true });
  });

  it('every step can be left, and nothing is set up', async () => {
    const backend = freshInstall();
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId('onboarding-restore'));
    // Back from the intro: the welcome step again.
    await user.click(await screen.findByTestId('onboarding-back'));
    await screen.findByTestId('onboarding-welcome');

    await user.click(screen.getByTestId('onboarding-restore'));
    backend.backup.state.nextPick = FILE;
    await user.click(await screen.findByTestId('backup-open-file'));
    await screen.findByTestId('restore-secret');
    await user.click(screen.getByTestId('restore-cancel'));
    await screen.findByTestId('onboarding-restore-intro');

    // A file that isn't a backup: its words, and a way to pick another.
    backend.backup.state.nextPick = '/home/sam/notes.txt';
    await user.click(screen.getByTestId('backup-open-file'));
    await screen.findByTestId('restore-secret');
    await user.type(screen.getByTestId('backup-secret-passphrase'), PASS);
    await user.click(screen.getByTestId('backup-secret-submit'));
    expect(await screen.findByTestId('restore-problem-message')).toHaveTextContent("That file isn't a Cove backup. Nothing has been changed.");
    backend.backup.state.nextPick = FILE;
    await user.click(screen.getByTestId('restore-choose-another'));
    await screen.findByTestId('restore-secret');

    expect(backend.state.vaultExists).toBe(false);
    expect(backend.callsTo('restore_backup')).toHaveLength(0);
    expect(backend.callsTo('create_vault')).toHaveLength(0);
  });

  it('renders in Spanish', async () => {
    const backend = freshInstall();
    backend.state.prefs = defaultPrefs({ mode: null, language: 'es' });
    const { user } = renderApp(backend);
    await screen.findByTestId('onboarding-welcome');
    expect(screen.getByTestId('onboarding-restore')).toHaveTextContent('Restaurar desde una copia');
    await user.click(screen.getByTestId('onboarding-restore'));
    const intro = await screen.findByTestId('onboarding-restore-intro');
    expect(within(intro).getByRole('heading', { level: 1 })).toHaveTextContent('Recupera tu diario');
    await expectNoAxeViolations();
  });
});

// The fake backend's backup part keeps the promises the Rust side makes (see fakeBackup.ts).
import { describe, expect, it } from 'vitest';
import * as api from '../api';
import { createFakeBackend } from './fakeBackend';
import { APP_BACKUP_FOLDER, JOB_STEPS } from './fakeBackup';
import { testProfile } from './profiles';

const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => api.normaliseError(e).code);

describe('fake backups', () => {
  it('needs the journal unlocked for the list and status, but restores and reports progress while locked', async () => {
    const backend = createFakeBackend({ unlocked: false });
    backend.install();
    expect(await failure(api.listBackups())).toBe('locked');
    expect(await failure(api.backupStatus())).toBe('locked');
    expect(await failure(api.backUpNow())).toBe('locked');
    expect(await api.jobProgress()).toBeNull();
    // Restoring over a locked journal is refused; inspecting with what that journal had works.
    const record = backend.backup.addBackup();
    expect(await api.inspectBackup(record.file.path, { kind: 'passphrase', value: backend.state.passphrase })).toMatchObject({
      entries: 0,
    });
    expect(await failure(api.restoreBackup(record.file.path, { kind: 'passphrase', value: backend.state.passphrase }))).toBe('locked');
  });

  it('lists newest first and says when the newest was made', async () => {
    const backend = createFakeBackend({ unlocked: true });
    backend.install();
    backend.backup.addBackup({ madeAt: new Date(2026, 0, 2) });
    backend.backup.addBackup({ madeAt: new Date(2026, 0, 5) });
    backend.backup.addBackup({ madeAt: new Date(2026, 0, 3) });
    const files = await api.listBackups();
    expect(files.map((f) => f.madeAt.slice(0, 10))).toEqual(['2026-01-05', '2026-01-03', '2026-01-02']);
    expect(files.every((f) => f.path.startsWith(`${APP_BACKUP_FOLDER}/`))).toBe(true);
    expect((await api.backupStatus()).lastBackupAt?.slice(0, 10)).toBe('2026-01-05');
  });

  it('names two backups made in the same second apart, as the real store does (-2)', async () => {
    const backend = createFakeBackend({ unlocked: true });
    backend.install();
    const at = new Date(2026, 0, 2, 9, 30, 15);
    backend.backup.addBackup({ madeAt: at, kind: 'manual' });
    backend.backup.addBackup({ madeAt: at, kind: 'manual' });
    const names = (await api.listBackups()).map((f) => f.fileName).sort();
    expect(names).toEqual(['cove-2026-01-02-093015-manual-2.covebackup', 'cove-2026-01-02-093015-manual.covebackup']);
  });

  it('opens a backup only with what its journal had, and says which files it can’t use', async () => {
    const backend = createFakeBackend({ unlocked: true });
    backend.install();
    const mine = backend.backup.addBackup();
    const other = backend.backup.addBackup({ path: '/usb/other.covebackup', copy: { vaultId: 'other', passphrase: 'theirs', recoveryCode: 'CODE' } });
    expect(await api.inspectBackup(mine.file.path, { kind: 'current' })).toMatchObject({ sameJournal: true });
    expect(await failure(api.inspectBackup(other.file.path, { kind: 'current' }))).toBe('wrong_secret');
    expect(await failure(api.inspectBackup(other.file.path, { kind: 'passphrase', value: 'mine' }))).toBe('wrong_secret');
    expect(await api.inspectBackup(other.file.path, { kind: 'recovery_code', value: 'CODE' })).toMatchObject({ sameJournal: false });
    expect(await failure(api.inspectBackup('/nowhere.covebackup', { kind: 'current' }))).toBe('not_a_backup');
    expect(await failure(api.inspectBackup('/usb/damaged.covebackup', { kind: 'current' }))).toBe('backup_damaged');
    backend.backup.addBackup({ path: '/usb/new.covebackup', tooNew: true });
    expect(await failure(api.inspectBackup('/usb/new.covebackup', { kind: 'current' }))).toBe('too_new');
  });

  it('reports a job’s progress while it runs, refuses a second one, and changes nothing until it ends', async () => {
    const backend = createFakeBackend({ unlocked: true });
    backend.install();
    backend.backup.state.holdJobs = true;
    const running = api.backUpNow();
    await Promise.resolve();
    expect(await api.jobProgress()).toEqual({ job: 'backup', done: 0, total: JOB_STEPS });
    expect(await api.jobProgress()).toEqual({ job: 'backup', done: 1, total: JOB_STEPS });
    expect(await failure(api.exportJournal({
      format: 'json', folder: '/tmp', language: 'en', feelingNames: {}, sensationNames: {}, promptTexts: {},
    }))).toBe('busy');
    expect(backend.backup.state.records).toHaveLength(0);
    backend.backup.releaseJobs();
    const made = await running;
    expect(made.kind).toBe('manual');
    expect(await api.jobProgress()).toBeNull();
  });

  it('restoring saves the journal as it was first, then replaces everything it holds', async () => {
    const backend = createFakeBackend({ unlocked: true });
    backend.install();
    backend.journal.add({ title: 'Old' });
    const other = backend.backup.addBackup({
      path: '/usb/other.covebackup',
      copy: { vaultId: 'other', passphrase: 'theirs', recoveryCode: 'CODE', profile: testProfile('Robin'), entries: [] },
    });
    await api.restoreBackup(other.file.path, { kind: 'passphrase', value: 'theirs' });
    expect(backend.journal.live()).toHaveLength(0);
    expect(backend.state).toMatchObject({ unlocked: true, passphrase: 'theirs', recoveryCode: 'CODE', profile: { name: 'Robin' } });
    const before = backend.backup.state.records.find((r) => r.file.kind === 'before_restore');
    expect(before?.copy.entries.map((e) => e.title)).toEqual(['Old']);
    // The journal open now is the restored one.
    expect(await api.inspectBackup(other.file.path, { kind: 'current' })).toMatchObject({ sameJournal: true });
  });

  it('restoring a backup of the same journal keeps today’s passphrase, recovery code and PIN', async () => {
    const backend = createFakeBackend({ unlocked: true, pin: '4321' });
    backend.install();
    const mine = backend.backup.addBackup({ copy: { passphrase: 'what it was then' } });
    await api.restoreBackup(mine.file.path, { kind: 'current' });
    expect(backend.state).toMatchObject({ passphrase: 'lantern pickle orbit sofa', pin: '4321', unlocked: true });
    expect(backend.backup.state.records.filter((r) => r.file.kind === 'before_restore')).toHaveLength(1);
  });

  it('never overwrites an export, and answers the file chooser with what the test picked', async () => {
    const backend = createFakeBackend({ unlocked: true });
    backend.install();
    const input = { format: 'json' as const, folder: '/usb', language: 'en' as const, feelingNames: {}, sensationNames: {}, promptTexts: {} };
    const first = await api.exportJournal(input);
    const second = await api.exportJournal(input);
    expect(second.path).toBe(first.path.replace(/\.json$/, ' (2).json'));
    expect(await api.pickFolder('Choose')).toBeNull();
    backend.backup.state.nextPick = '/usb';
    expect(await api.pickFolder('Choose')).toBe('/usb');
    expect(await api.pickFolder('Choose')).toBeNull();
  });
});

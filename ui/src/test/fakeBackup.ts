// The backups part of the fake backend (backup_status, list_backups, back_up_now,
// set_backup_folder, inspect_backup, restore_backup, export_journal, job_progress) and the
// system file chooser (`plugin:dialog|open`), following the contract in src/api/index.ts and
// src-tauri/backup/model.rs. Unit tests only.
//
// Rules the fake follows (in step with src-tauri/backup/):
// - A backup file is known by its path. Each known file holds a copy of one journal (its vault
//   id, passphrase, recovery code, profile, safety plan, library, second folder and entries).
//   Backups live in APP_BACKUP_FOLDER and, once chosen, in the second folder; `list_backups` and
//   `backup_status` see the second folder only while it is set, and list newest first. Names
//   are `cove-YYYY-MM-DD-HHMMSS-<kind>.covebackup` (`before-restore` with a dash).
// - `backup_status`, `list_backups`, `back_up_now`, `set_backup_folder` and `export_journal`
//   need the journal unlocked (`locked`, or `no_vault` before there is one).
// - `inspect_backup` and `restore_backup` also work with no journal yet. A path the fake doesn't
//   know → `not_a_backup` (the real one says `not_found` for a path with no file at all; tests
//   use `failNext` for that); a path containing "damaged" (or a file marked damaged) →
//   `backup_damaged`; a file marked too new → `too_new`. `{kind:'current'}` opens only a backup
//   of the journal open now (locked → `locked`, another journal → `wrong_secret`); a passphrase
//   or recovery code must be the one that journal had (otherwise `wrong_secret`). Restoring over
//   a locked journal → `locked`.
// - `restore_backup` first saves the current journal as a `before_restore` backup (in Cove's
//   folder and the second folder), then replaces everything the journal holds (entries,
//   profile, safety plan, library, second folder) and leaves it unlocked. A backup of the same
//   journal keeps today's passphrase, recovery code and PIN; another journal's brings its own
//   passphrase and recovery code, and no PIN.
// - `set_backup_folder` copies today's automatic backup there at once (making it first when
//   Cove's folder has none today). With `extraMissing` set, copies to the second folder fail and
//   `problem` says `not_found` (the copy in Cove's folder is still made). A complete
//   `back_up_now` clears `problem`; forgetting the second folder clears a `not_found` problem.
// - Backups, restores and exports are jobs: while one runs, `job_progress` reports it (each poll
//   moves `done` one step on, never reaching `total` before the job ends), a second job →
//   `busy`. With `holdJobs` set, jobs wait for `releaseJobs()`; otherwise they end on the next
//   macrotask. Nothing changes until a job ends.
// - `plugin:dialog|open` answers with `nextPick` (then clears it); `null` means "cancelled".
import type {
  BackupFile,
  BackupKind,
  BackupPlace,
  BackupSecret,
  BackupStatus,
  BackupSummary,
  CommandError,
  Entry,
  ErrorCode,
  ExportInput,
  ExportResult,
  JobKind,
  JobProgress,
  JournalLibrary,
  Profile,
  SafetyPlan,
} from '../api';
import { localDay, localIso, UNHANDLED } from './fakeJournal';
import type { FakeJournal } from './fakeJournal';
import type { createFakeLibrary } from './fakeLibrary';

export const APP_BACKUP_FOLDER = '/home/sam/.local/share/cove/backups';
export const APP_VERSION = '0.1.0';
/** Steps a job takes, as seen through `job_progress`. */
export const JOB_STEPS = 4;

/** A copy of one journal, as a backup file holds it. */
export type FakeJournalCopy = {
  vaultId: string;
  passphrase: string;
  recoveryCode: string;
  profile: Profile;
  safetyPlan: SafetyPlan;
  library: JournalLibrary;
  /** The second backup folder is a setting kept inside the journal. */
  extraFolder: string | null;
  entries: Entry[];
};

export type FakeBackupRecord = {
  file: BackupFile;
  copy: FakeJournalCopy;
  appVersion: string;
  damaged?: boolean;
  tooNew?: boolean;
};

export type FakeBackupState = {
  /** Id of the journal open now (restore changes it). */
  vaultId: string;
  /** Every backup file the fake knows, wherever it lives. */
  records: FakeBackupRecord[];
  extraFolder: string | null;
  problem: CommandError | null;
  /** What the next system file/folder chooser answers (then cleared); `null`: cancelled. */
  nextPick: string | null;
  /** The second folder isn't there (the USB stick is out): copies to it fail with `not_found`. */
  extraMissing: boolean;
  /** Jobs wait for `releaseJobs()` while this is set. */
  holdJobs: boolean;
  /** Every export asked for, in order. */
  exports: ExportInput[];
};

/** The parts of the main fake's state that backups read and change. */
export type FakeVaultAccess = {
  vaultExists: boolean;
  unlocked: boolean;
  passphrase: string;
  recoveryCode: string;
  profile: Profile;
  safetyPlan: SafetyPlan;
  pin: string | null;
  now: () => Date;
};

function fail(code: ErrorCode): never {
  const error: CommandError = { code, message: `fake backend: ${code}`, attemptsLeft: null };
  throw error;
}

const pad = (n: number) => String(n).padStart(2, '0');

function stampForName(date: Date): string {
  return `${localDay(date)}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

const instant = (iso: string) => new Date(iso).getTime();

export function createFakeBackup(
  vault: FakeVaultAccess,
  journal: FakeJournal,
  library: ReturnType<typeof createFakeLibrary>,
) {
  const state: FakeBackupState = {
    vaultId: 'vault-current',
    records: [],
    extraFolder: null,
    problem: null,
    nextPick: null,
    extraMissing: false,
    holdJobs: false,
    exports: [],
  };
  let job: JobProgress | null = null;
  const written = new Set<string>();
  let waiting: (() => void)[] = [];

  const requireUnlocked = () => {
    if (!vault.vaultExists) fail('no_vault');
    if (!vault.unlocked) fail('locked');
  };

  /** The journal open now, as a backup would hold it. */
  const snapshot = (): FakeJournalCopy => ({
    vaultId: state.vaultId,
    passphrase: vault.passphrase,
    recoveryCode: vault.recoveryCode,
    profile: structuredClone(vault.profile),
    safetyPlan: structuredClone(vault.safetyPlan),
    library: structuredClone(library.state.library),
    extraFolder: state.extraFolder,
    entries: structuredClone(journal.state.entries),
  });

  const visible = () =>
    state.records.filter((r) => r.file.place === 'app' || (state.extraFolder !== null && r.file.path.startsWith(`${state.extraFolder}/`)));

  const newestFirst = (a: FakeBackupRecord, b: FakeBackupRecord) => instant(b.file.madeAt) - instant(a.file.madeAt);

  /**
   * Test helper: stores a backup file. Without `copy` it holds the journal open now; `madeAt`
   * defaults to now, `place` to Cove's own folder.
   */
  const addBackup = (options: {
    kind?: BackupKind;
    place?: BackupPlace;
    madeAt?: Date;
    path?: string;
    copy?: Partial<FakeJournalCopy>;
    sizeBytes?: number;
    appVersion?: string;
    damaged?: boolean;
    tooNew?: boolean;
  } = {}): FakeBackupRecord => {
    const madeAt = options.madeAt ?? vault.now();
    const kind = options.kind ?? 'automatic';
    const place = options.place ?? 'app';
    const folder = place === 'extra' ? (state.extraFolder ?? '/media/usb') : APP_BACKUP_FOLDER;
    // As the real store names them: to the second, with `-2`, `-3`… when the name is taken.
    const stem = `cove-${stampForName(madeAt)}-${kind.replace('_', '-')}`;
    const taken = (name: string) => state.records.some((r) => r.file.path === `${folder}/${name}`);
    let fileName = options.path?.split('/').pop() ?? `${stem}.covebackup`;
    for (let n = 2; !options.path && taken(fileName); n += 1) fileName = `${stem}-${n}.covebackup`;
    const record: FakeBackupRecord = {
      file: {
        path: options.path ?? `${folder}/${fileName}`,
        fileName,
        madeAt: localIso(madeAt),
        kind,
        place,
        sizeBytes: options.sizeBytes ?? 2_400_000,
      },
      copy: { ...snapshot(), ...options.copy },
      appVersion: options.appVersion ?? APP_VERSION,
      damaged: options.damaged,
      tooNew: options.tooNew,
    };
    state.records.push(record);
    return record;
  };

  /** The same file, copied into the second folder. */
  const copyToExtra = (record: FakeBackupRecord) => {
    if (state.extraMissing) {
      state.problem = { code: 'not_found', message: 'fake backend: second folder missing', attemptsLeft: null };
      return;
    }
    const path = `${state.extraFolder}/${record.file.fileName}`;
    if (state.records.some((r) => r.file.path === path)) return;
    state.records.push({ ...structuredClone(record), file: { ...structuredClone(record.file), path, place: 'extra' } });
  };

  const status = (): BackupStatus => {
    const newest = visible().sort(newestFirst)[0];
    return {
      lastBackupAt: newest?.file.madeAt ?? null,
      extraFolder: state.extraFolder,
      problem: state.problem ? structuredClone(state.problem) : null,
    };
  };

  /** Runs `finish` as a job: progress while it runs, nothing changed until it ends. */
  const runJob = async <T>(kind: JobKind, finish: () => T): Promise<T> => {
    if (job) fail('busy');
    job = { job: kind, done: 0, total: JOB_STEPS };
    try {
      if (state.holdJobs) await new Promise<void>((resolve) => waiting.push(resolve));
      else await new Promise((resolve) => setTimeout(resolve, 0));
      return finish();
    } finally {
      job = null;
    }
  };

  /** The file at `path`, opened with `secret`; throws the code the Rust side would. */
  const open = (path: string, secret: BackupSecret): FakeBackupRecord => {
    const record = state.records.find((r) => r.file.path === path);
    if (/damaged/i.test(path) || record?.damaged) fail('backup_damaged');
    if (!record) fail('not_a_backup');
    if (record.tooNew) fail('too_new');
    switch (secret.kind) {
      case 'current':
        if (!vault.vaultExists) fail('no_vault');
        if (!vault.unlocked) fail('locked');
        if (record.copy.vaultId !== state.vaultId) fail('wrong_secret');
        break;
      case 'passphrase':
        if (secret.value !== record.copy.passphrase) fail('wrong_secret');
        break;
      case 'recovery_code':
        if (secret.value !== record.copy.recoveryCode) fail('wrong_secret');
        break;
    }
    return record;
  };

  const summaryOf = (record: FakeBackupRecord): BackupSummary => {
    const live = record.copy.entries.filter((e) => e.deletedAt === null);
    const days = live.map((e) => e.day).sort();
    return {
      madeAt: record.file.madeAt,
      entries: live.length,
      firstDay: days[0] ?? null,
      lastDay: days[days.length - 1] ?? null,
      appVersion: record.appVersion,
      sizeBytes: record.file.sizeBytes,
      sameJournal: vault.vaultExists && record.copy.vaultId === state.vaultId,
    };
  };

  const exportJournal = (input: ExportInput): ExportResult => {
    if (typeof input.folder !== 'string' || input.folder.trim() === '') fail('invalid_input');
    if (input.format !== 'markdown' && input.format !== 'json') fail('invalid_input');
    if (input.language !== 'en' && input.language !== 'es') fail('invalid_input');
    const live = journal.live();
    const base = `${input.folder}/Cove export ${localDay(vault.now())}`;
    // Never overwrites: a second export on the same day gets " (2)", and so on.
    let path = input.format === 'json' ? `${base}.json` : base;
    for (let n = 2; written.has(path); n += 1) path = input.format === 'json' ? `${base} (${n}).json` : `${base} (${n})`;
    written.add(path);
    state.exports.push(structuredClone(input));
    return {
      path,
      files: input.format === 'json' ? 1 : new Set(live.map((e) => e.day)).size,
      entries: live.length,
    };
  };

  const handle = (cmd: string, arg: <T>(name: string) => T): unknown => {
    switch (cmd) {
      case 'plugin:dialog|open': {
        const picked = state.nextPick;
        state.nextPick = null;
        return picked;
      }
      case 'job_progress': {
        if (!job) return null;
        const now = { ...job };
        job.done = Math.min(job.done + 1, job.total - 1);
        return now;
      }
      case 'backup_status':
        requireUnlocked();
        return status();
      case 'list_backups':
        requireUnlocked();
        return structuredClone(visible().sort(newestFirst).map((r) => r.file));
      case 'back_up_now':
        requireUnlocked();
        return runJob('backup', () => {
          const made = addBackup({ kind: 'manual' });
          state.problem = null;
          if (state.extraFolder !== null) copyToExtra(made);
          return structuredClone(made.file);
        });
      case 'set_backup_folder': {
        requireUnlocked();
        const folder = arg<string | null>('folder');
        if (folder !== null && (typeof folder !== 'string' || folder.trim() === '')) fail('invalid_input');
        state.extraFolder = folder;
        if (folder === null) {
          if (state.problem?.code === 'not_found') state.problem = null;
        } else {
          const today = localDay(vault.now());
          const todays =
            state.records.find((r) => r.file.place === 'app' && r.file.kind === 'automatic' && r.file.madeAt.startsWith(today)) ??
            addBackup({ kind: 'automatic' });
          copyToExtra(todays);
        }
        return status();
      }
      case 'inspect_backup': {
        const record = open(arg<string>('path'), arg<BackupSecret>('secret'));
        return summaryOf(record);
      }
      case 'restore_backup': {
        if (vault.vaultExists && !vault.unlocked) fail('locked');
        const record = open(arg<string>('path'), arg<BackupSecret>('secret'));
        return runJob('restore', () => {
          if (vault.vaultExists) {
            const before = addBackup({ kind: 'before_restore' });
            if (state.extraFolder !== null) copyToExtra(before);
          }
          const sameJournal = vault.vaultExists && record.copy.vaultId === state.vaultId;
          const copy = structuredClone(record.copy);
          journal.state.entries = copy.entries;
          journal.state.nextId = Math.max(0, ...copy.entries.map((e) => e.id)) + 1;
          vault.profile = copy.profile;
          vault.safetyPlan = copy.safetyPlan;
          library.state.library = copy.library;
          state.extraFolder = copy.extraFolder;
          if (!sameJournal) {
            vault.passphrase = copy.passphrase;
            vault.recoveryCode = copy.recoveryCode;
            vault.pin = null;
          }
          vault.vaultExists = true;
          vault.unlocked = true;
          state.vaultId = copy.vaultId;
          return null;
        });
      }
      case 'export_journal': {
        requireUnlocked();
        const input = arg<ExportInput>('input');
        return runJob('export', () => exportJournal(input));
      }
      default:
        return UNHANDLED;
    }
  };

  return {
    state,
    handle,
    addBackup,
    snapshot,
    /** Lets every held job finish. */
    releaseJobs: () => {
      const release = waiting;
      waiting = [];
      release.forEach((resolve) => resolve());
    },
    /** The job running now (what `job_progress` would report next), or `null`. */
    runningJob: () => (job ? { ...job } : null),
    /**
     * What the Rust side does on its own a few moments after unlocking (and about every half
     * hour): an automatic backup, as a job, copied to the second folder when one is set.
     */
    runAutomatic: () =>
      runJob('backup', () => {
        const record = addBackup({ kind: 'automatic' });
        if (state.extraFolder) copyToExtra(record);
        return record.file;
      }),
  };
}

export type FakeBackup = ReturnType<typeof createFakeBackup>;

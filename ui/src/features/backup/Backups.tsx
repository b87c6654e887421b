import { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { ArrowLeft, Archive, FileUp, FolderOpen } from 'lucide-react';
import * as api from '../../api';
import type { BackupFile, BackupStatus, ErrorCode, JobProgress } from '../../api';
import { useApp } from '../../app/AppContext';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeading } from '../../components/ScreenHeading';
import type { MessageId } from '../../i18n';
import { ExportFlow } from './ExportFlow';
import { formatSize, formatWhen, KIND_LABEL, PLACE_LABEL, wordsFor } from './format';
import { JobProgressBar } from './JobProgressBar';
import { RestoreFlow, type RestoreSource } from './RestoreFlow';
import { StatusLine, useSay } from './StatusLine';
import { useJob } from './useJob';
import './backup.css';

type View = { kind: 'home' } | { kind: 'restore'; source: RestoreSource } | { kind: 'export' };

const BACKUP_WORDS: Partial<Record<ErrorCode, MessageId>> = {
  storage_full: 'backup.now.storage_full',
  storage: 'backup.now.storage',
};

const FOLDER_WORDS: Partial<Record<ErrorCode, MessageId>> = {
  storage_full: 'backup.folder.storage_full',
  storage: 'backup.folder.storage',
  invalid_input: 'backup.folder.invalid',
};

/** While the screen is open, how often it looks for an automatic backup running or just made. */
export const FOLLOW_MS = 1500;

/** What to say about the last automatic backup's problem, and what to do about it. */
export function problemWords(status: BackupStatus): MessageId | null {
  if (!status.problem) return null;
  // As the backend reports it: `not_found` when the second folder wasn't there (e.g. the USB
  // stick was out; the copy in Cove's folder was made), `storage_full` when there was no room.
  if (status.problem.code === 'not_found') return 'backup.problem.extraFolder';
  if (status.problem.code === 'storage_full') return 'backup.problem.storage_full';
  return 'backup.problem.other';
}

/**
 * Backups, restore and export (opened from Settings). The home view shows when the last copy
 * was made, "Back up now", every backup with a way to restore it, the second folder and export;
 * restore and export each take over the screen, one step at a time, until done or cancelled.
 */
export function Backups({ onBack }: { onBack: () => void }) {
  const { openRestoredJournal } = useApp();
  const [view, setView] = useState<View>({ kind: 'home' });
  const home = useCallback(() => setView({ kind: 'home' }), []);

  let content;
  if (view.kind === 'restore') {
    content = (
      <RestoreFlow
        source={view.source}
        tryCurrent
        firstRun={false}
        onCancel={home}
        onRestored={() => openRestoredJournal({ replaced: true })}
      />
    );
  } else if (view.kind === 'export') {
    content = <ExportFlow onClose={home} />;
  } else {
    content = (
      <BackupsHome
        onBack={onBack}
        onRestore={(source) => setView({ kind: 'restore', source })}
        onExport={() => setView({ kind: 'export' })}
      />
    );
  }
  return (
    <div className="backups" data-testid="backups-screen">
      {content}
    </div>
  );
}

function BackupsHome({
  onBack,
  onRestore,
  onExport,
}: {
  onBack: () => void;
  onRestore: (source: RestoreSource) => void;
  onExport: () => void;
}) {
  const intl = useIntl();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [files, setFiles] = useState<BackupFile[] | null>(null);
  const [loadProblem, setLoadProblem] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [picking, setPicking] = useState(false);
  const backupSay = useSay();
  const restoreSay = useSay();
  const job = useJob();

  const reload = useCallback(async () => {
    const [nextStatus, nextFiles] = await Promise.all([api.backupStatus(), api.listBackups()]);
    setStatus(nextStatus);
    setFiles(nextFiles);
  }, []);

  useEffect(() => {
    let current = true;
    Promise.all([api.backupStatus(), api.listBackups()]).then(
      ([nextStatus, nextFiles]) => {
        if (!current) return;
        setStatus(nextStatus);
        setFiles(nextFiles);
        setLoadProblem(false);
      },
      () => {
        if (current) setLoadProblem(true);
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  // Cove makes automatic backups on its own (a few moments after unlocking, then about every
  // half hour): while this screen is open, show one running and list it once it is made.
  const [automatic, setAutomatic] = useState<JobProgress | null>(null);
  const shownLast = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    shownLast.current = status ? status.lastBackupAt : undefined;
  }, [status]);
  useEffect(() => {
    if (job.running) return;
    let active = true;
    const follow = () => {
      Promise.all([api.jobProgress(), api.backupStatus()]).then(
        ([progress, nextStatus]) => {
          if (!active) return;
          setAutomatic(progress && progress.job === 'backup' ? progress : null);
          if (shownLast.current !== undefined && nextStatus.lastBackupAt !== shownLast.current) {
            reload().catch(() => undefined);
          }
        },
        () => undefined, // Only a nicety: the list is still right as of when it was loaded.
      );
    };
    const timer = setInterval(follow, FOLLOW_MS);
    return () => {
      active = false;
      clearInterval(timer);
      setAutomatic(null);
    };
  }, [job.running, reload]);

  const backUpNow = async () => {
    if (job.running) return;
    backupSay.clear();
    try {
      await job.run('backup', () => api.backUpNow());
    } catch (error) {
      backupSay.say(intl.formatMessage({ id: wordsFor(api.normaliseError(error).code, BACKUP_WORDS) }));
      return;
    }
    try {
      await reload();
    } catch {
      // The copy is made; the list catches up next time.
    }
    backupSay.say(intl.formatMessage({ id: 'backup.now.done' }), 'info', 'backup-done');
  };

  const openFile = async () => {
    if (picking) return;
    restoreSay.clear();
    setPicking(true);
    try {
      const path = await api.pickBackupFile(intl.formatMessage({ id: 'backup.openFile.title' }));
      if (path) onRestore({ path });
    } catch (error) {
      restoreSay.say(intl.formatMessage({ id: wordsFor(api.normaliseError(error).code, {}) }));
    } finally {
      setPicking(false);
    }
  };

  const problem = status ? problemWords(status) : null;

  return (
    <>
      <div className="backups__back">
        <Button variant="quiet" icon={<ArrowLeft size={20} />} onPress={onBack} data-testid="backups-back">
          {intl.formatMessage({ id: 'backup.backToSettings' })}
        </Button>
      </div>
      <ScreenHeading>{intl.formatMessage({ id: 'backup.title' })}</ScreenHeading>

      {loadProblem ? (
        <div className="stack">
          <p className="note" role="status" data-testid="backups-load-problem">
            {intl.formatMessage({ id: 'backup.loadProblem' })}
          </p>
          <div className="actions">
            <Button variant="secondary" onPress={() => setAttempt((n) => n + 1)} data-testid="backups-retry">
              {intl.formatMessage({ id: 'backup.retry' })}
            </Button>
          </div>
        </div>
      ) : null}

      {!loadProblem && (!status || !files) ? (
        <p className="muted" aria-busy="true">
          {intl.formatMessage({ id: 'backup.loading' })}
        </p>
      ) : null}

      {status && files ? (
        <>
          <section className="backups__section" aria-labelledby="backups-now-heading">
            <h2 id="backups-now-heading" className="visually-hidden">
              {intl.formatMessage({ id: 'backup.now.heading' })}
            </h2>
            <p className="lead" data-testid="backup-last">
              {status.lastBackupAt
                ? intl.formatMessage({ id: 'backup.last' }, { when: formatWhen(intl, status.lastBackupAt) })
                : intl.formatMessage({ id: 'backup.last.none' })}
            </p>
            <p>{intl.formatMessage({ id: 'backup.reassurance' })}</p>
            {problem ? (
              <p className="note" data-testid="backup-problem">
                {intl.formatMessage({ id: problem })}
              </p>
            ) : null}
            <div className="actions">
              <Button variant="primary" onPress={() => void backUpNow()} data-testid="backup-now">
                {intl.formatMessage({ id: job.running ? 'backup.now.working' : 'backup.now' })}
              </Button>
            </div>
            {job.running ? (
              <JobProgressBar progress={job.progress} label={intl.formatMessage({ id: 'backup.now.progress' })} testId="backup-progress" />
            ) : automatic ? (
              <JobProgressBar
                progress={automatic}
                label={intl.formatMessage({ id: 'backup.automatic.progress' })}
                testId="backup-automatic-progress"
              />
            ) : null}
            <StatusLine said={backupSay.said} testId="backup-message" />
          </section>

          <section className="backups__section" aria-labelledby="backups-list-heading">
            <h2 id="backups-list-heading">{intl.formatMessage({ id: 'backup.list.heading' })}</h2>
            <p className="muted">{intl.formatMessage({ id: 'backup.list.help' })}</p>
            {files.length > 0 ? (
              <ul className="backup-list" data-testid="backup-list">
                {files.map((file) => (
                  <BackupRow key={file.path} file={file} onRestore={() => onRestore({ path: file.path })} />
                ))}
              </ul>
            ) : (
              <EmptyState icon={<Archive size={28} />}>{intl.formatMessage({ id: 'backup.list.empty' })}</EmptyState>
            )}
            <p>{intl.formatMessage({ id: 'backup.openFile.help' })}</p>
            <div className="actions">
              <Button
                variant="secondary"
                icon={<FileUp size={20} />}
                onPress={() => void openFile()}
               
                data-testid="backup-open-file"
              >
                {intl.formatMessage({ id: 'backup.openFile' })}
              </Button>
            </div>
            <StatusLine said={restoreSay.said} testId="backup-open-message" />
          </section>

          <SecondFolder
            folder={status.extraFolder}
            onChanged={(next) => {
              setStatus(next);
              api.listBackups().then(setFiles, () => undefined);
            }}
          />

          <section className="backups__section" aria-labelledby="backups-export-heading">
            <h2 id="backups-export-heading">{intl.formatMessage({ id: 'export.heading' })}</h2>
            <p>{intl.formatMessage({ id: 'export.intro' })}</p>
            <div className="actions">
              <Button variant="secondary" onPress={onExport} data-testid="export-start">
                {intl.formatMessage({ id: 'export.start' })}
              </Button>
            </div>
          </section>
        </>
      ) : null}
    </>
  );
}

function BackupRow({ file, onRestore }: { file: BackupFile; onRestore: () => void }) {
  const intl = useIntl();
  const when = formatWhen(intl, file.madeAt);
  return (
    <li className="backup-item" data-testid="backup-item" data-kind={file.kind} data-place={file.place}>
      <div className="backup-item__text">
        <span className="backup-item__when">{when}</span>
        <span className="backup-item__details">
          {intl.formatMessage(
            { id: 'backup.item.details' },
            {
              kind: intl.formatMessage({ id: KIND_LABEL[file.kind] }),
              place: intl.formatMessage({ id: PLACE_LABEL[file.place] }),
              size: formatSize(intl, file.sizeBytes),
            },
          )}
        </span>
      </div>
      <Button
        variant="secondary"
        onPress={onRestore}
        aria-label={intl.formatMessage({ id: 'backup.item.restoreLabel' }, { when })}
        data-testid="backup-restore"
      >
        {intl.formatMessage({ id: 'backup.item.restore' })}
      </Button>
    </li>
  );
}

/** The optional second backup folder (a USB stick or another drive). */
function SecondFolder({ folder, onChanged }: { folder: string | null; onChanged: (status: BackupStatus) => void }) {
  const intl = useIntl();
  const [busy, setBusy] = useState(false);
  const { said, say, clear } = useSay();
  const actions = useRef<HTMLDivElement>(null);

  const choose = async () => {
    if (busy) return;
    clear();
    setBusy(true);
    try {
      const picked = await api.pickFolder(intl.formatMessage({ id: 'backup.folder.pickTitle' }));
      if (!picked) return; // Cancelled: nothing changes.
      say(intl.formatMessage({ id: 'backup.folder.copying' }), 'info');
      const next = await api.setBackupFolder(picked);
      onChanged(next);
      say(intl.formatMessage({ id: 'backup.folder.chosen' }), 'info', 'backup-folder-chosen');
    } catch (error) {
      say(intl.formatMessage({ id: wordsFor(api.normaliseError(error).code, FOLDER_WORDS) }));
    } finally {
      setBusy(false);
    }
  };

  const forget = async () => {
    if (busy) return;
    clear();
    setBusy(true);
    try {
      const next = await api.setBackupFolder(null);
      onChanged(next);
      // The forget button is gone now: keep the keyboard nearby, on "Choose a folder…".
      actions.current?.querySelector<HTMLElement>('[data-testid="backup-folder-choose"]')?.focus();
      say(intl.formatMessage({ id: 'backup.folder.forgotten' }), 'info', 'backup-folder-forgotten');
    } catch (error) {
      say(intl.formatMessage({ id: wordsFor(api.normaliseError(error).code, {}) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="backups__section" aria-labelledby="backups-folder-heading" data-testid="backup-folder">
      <h2 id="backups-folder-heading">{intl.formatMessage({ id: 'backup.folder.heading' })}</h2>
      <p>{intl.formatMessage({ id: 'backup.folder.intro' })}</p>
      <p className="muted">{intl.formatMessage({ id: 'backup.folder.encrypted' })}</p>
      {folder ? (
        <div className="backup-folder card">
          <span className="backup-folder__icon" aria-hidden="true">
            <FolderOpen size={22} />
          </span>
          <div>
            <p className="backup-folder__label">{intl.formatMessage({ id: 'backup.folder.current' })}</p>
            <p className="backup-folder__path" data-testid="backup-folder-path">
              {folder}
            </p>
          </div>
        </div>
      ) : (
        <p data-testid="backup-folder-none">{intl.formatMessage({ id: 'backup.folder.none' })}</p>
      )}
      <div className="actions" ref={actions}>
        <Button variant="secondary" onPress={() => void choose()} data-testid="backup-folder-choose">
          {intl.formatMessage({ id: folder ? 'backup.folder.change' : 'backup.folder.choose' })}
        </Button>
        {folder ? (
          <Button variant="quiet" onPress={() => void forget()} data-testid="backup-folder-forget">
            {intl.formatMessage({ id: 'backup.folder.forget' })}
          </Button>
        ) : null}
      </div>
      <StatusLine said={said} testId="backup-folder-message" />
    </section>
  );
}

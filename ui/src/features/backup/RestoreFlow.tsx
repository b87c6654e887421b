import { useEffect, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import * as api from '../../api';
import type { BackupSecret, BackupSummary, ErrorCode } from '../../api';
import { Button } from '../../components/Button';
import { PassphraseField } from '../../components/PassphraseField';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TextField } from '../../components/TextField';
import type { MessageId } from '../../i18n';
import { normaliseRecoveryCode } from '../lock/recoveryCode';
import { formatFullDay, formatSize, formatWhen, wordsFor } from './format';
import { JobProgressBar } from './JobProgressBar';
import { StatusLine, useSay } from './StatusLine';
import { useJob } from './useJob';

/** The backup file to restore: a path from the list or from the file chooser. */
export type RestoreSource = { path: string };

type Method = 'passphrase' | 'recovery_code';

type Step =
  | { kind: 'opening' }
  | { kind: 'secret' }
  | { kind: 'preview'; summary: BackupSummary; secret: BackupSecret }
  | { kind: 'restoring' }
  | { kind: 'problem'; code: ErrorCode; restoring: boolean };

/** Codes that mean the file itself can't be used, whatever is typed. */
const FILE_PROBLEMS: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['not_a_backup', 'backup_damaged', 'too_new', 'not_found']);

const RESTORE_WORDS: Partial<Record<ErrorCode, MessageId>> = {
  not_found: 'restore.problem.not_found',
  storage_full: 'restore.problem.storage_full',
  storage: 'restore.problem.storage',
};

export type RestoreFlowProps = {
  source: RestoreSource;
  /** Try the open journal's own key first (a backup of this same journal needs nothing typed). */
  tryCurrent: boolean;
  /** True on a fresh install: there is no journal yet to replace. */
  firstRun: boolean;
  /** Leave without changing anything. */
  onCancel: () => void;
  /** The restore is done and the restored journal is open. */
  onRestored: () => void;
  /** Pick another file instead (offered when this one can't be used). */
  onChooseAnother?: () => void;
};

/**
 * Restoring a backup, one calm step at a time: open it (with the journal's own key, or the
 * passphrase / recovery code it had) → see what it holds → confirm → progress → done. Nothing
 * changes before "Replace my journal with this backup", and every step before it can be left.
 */
export function RestoreFlow({ source, tryCurrent, firstRun, onCancel, onRestored, onChooseAnother }: RestoreFlowProps) {
  const [step, setStep] = useState<Step>(tryCurrent ? { kind: 'opening' } : { kind: 'secret' });
  const job = useJob();

  useEffect(() => {
    if (step.kind !== 'opening') return;
    let current = true;
    const secret: BackupSecret = { kind: 'current' };
    api.inspectBackup(source.path, secret).then(
      (summary) => {
        if (current) setStep({ kind: 'preview', summary, secret });
      },
      (error: unknown) => {
        if (!current) return;
        const { code } = api.normaliseError(error);
        // Not this journal (or it can't use its own key now): ask for what that journal had.
        if (code === 'wrong_secret' || code === 'locked' || code === 'no_vault') setStep({ kind: 'secret' });
        else setStep({ kind: 'problem', code, restoring: false });
      },
    );
    return () => {
      current = false;
    };
  }, [step.kind, source.path]);

  const restore = async (secret: BackupSecret) => {
    setStep({ kind: 'restoring' });
    try {
      await job.run('restore', () => api.restoreBackup(source.path, secret));
      onRestored();
    } catch (error) {
      setStep({ kind: 'problem', code: api.normaliseError(error).code, restoring: true });
    }
  };

  switch (step.kind) {
    case 'opening':
      return <Opening onCancel={onCancel} />;
    case 'secret':
      return (
        <SecretStep
          path={source.path}
          onOpened={(summary, secret) => setStep({ kind: 'preview', summary, secret })}
          onFileProblem={(code) => setStep({ kind: 'problem', code, restoring: false })}
          onCancel={onCancel}
        />
      );
    case 'preview':
      return (
        <Preview
          summary={step.summary}
          secret={step.secret}
          firstRun={firstRun}
          onConfirm={() => void restore(step.secret)}
          onCancel={onCancel}
        />
      );
    case 'restoring':
      return <Restoring progress={job.progress} />;
    case 'problem':
      return (
        <Problem
          code={step.code}
          restoring={step.restoring}
          onBack={onCancel}
          onChooseAnother={onChooseAnother}
          firstRun={firstRun}
        />
      );
  }
}

function Opening({ onCancel }: { onCancel: () => void }) {
  const intl = useIntl();
  return (
    <div className="restore" data-testid="restore-opening" aria-busy="true">
      <ScreenHeading key="opening">{intl.formatMessage({ id: 'restore.opening.title' })}</ScreenHeading>
      <p className="lead" role="status">
        {intl.formatMessage({ id: 'restore.opening.body' })}
      </p>
      <div className="actions">
        <Button variant="secondary" onPress={onCancel} data-testid="restore-cancel">
          {intl.formatMessage({ id: 'restore.cancel' })}
        </Button>
      </div>
    </div>
  );
}

function SecretStep({
  path,
  onOpened,
  onFileProblem,
  onCancel,
}: {
  path: string;
  onOpened: (summary: BackupSummary, secret: BackupSecret) => void;
  onFileProblem: (code: ErrorCode) => void;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const [method, setMethod] = useState<Method>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const { said, say, clear } = useSay();

  const switchTo = (next: Method) => {
    if (busy) return;
    setMethod(next);
    clear();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    let secret: BackupSecret;
    if (method === 'passphrase') {
      if (passphrase.length === 0) {
        say(intl.formatMessage({ id: 'restore.secret.emptyPassphrase' }));
        return;
      }
      secret = { kind: 'passphrase', value: passphrase };
    } else {
      const tidy = normaliseRecoveryCode(code);
      if (!tidy) {
        say(intl.formatMessage({ id: 'recovery.emptyCode' }));
        return;
      }
      secret = { kind: 'recovery_code', value: tidy };
    }
    setBusy(true);
    say(intl.formatMessage({ id: 'restore.secret.checking' }), 'info');
    try {
      const summary = await api.inspectBackup(path, secret);
      onOpened(summary, secret);
    } catch (error) {
      const failure = api.normaliseError(error);
      if (FILE_PROBLEMS.has(failure.code)) {
        onFileProblem(failure.code);
        return;
      }
      const wrong = method === 'passphrase' ? 'restore.secret.wrongPassphrase' : 'restore.secret.wrongCode';
      say(intl.formatMessage({ id: failure.code === 'wrong_secret' || failure.code === 'invalid_input' ? wrong : wordsFor(failure.code, {}) }));
      setBusy(false);
    }
  };

  return (
    <div className="restore" data-testid="restore-secret">
      <ScreenHeading key="secret">{intl.formatMessage({ id: 'restore.secret.title' })}</ScreenHeading>
      <p className="lead">
        {intl.formatMessage({ id: method === 'passphrase' ? 'restore.secret.bodyPassphrase' : 'restore.secret.bodyCode' })}
      </p>
      <form className="stack" onSubmit={submit} noValidate>
        {method === 'passphrase' ? (
          <PassphraseField
            label={intl.formatMessage({ id: 'restore.secret.passphrase' })}
            description={intl.formatMessage({ id: 'restore.secret.passphraseHelp' })}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="off"
            focusOnMount
           
            testId="backup-secret-passphrase"
          />
        ) : (
          <TextField
            label={intl.formatMessage({ id: 'recovery.code' })}
            description={intl.formatMessage({ id: 'recovery.code.help' })}
            value={code}
            onChange={setCode}
            autoComplete="off"
            spellCheck={false}
            focusOnMount
           
            inputClassName="field__input--code"
            testId="backup-secret-recovery"
          />
        )}
        <StatusLine said={said} testId="backup-secret-message" />
        <div className="actions">
          <Button type="submit" variant="primary" data-testid="backup-secret-submit">
            {intl.formatMessage({ id: 'restore.secret.submit' })}
          </Button>
          {method === 'passphrase' ? (
            <Button variant="quiet" onPress={() => switchTo('recovery_code')} data-testid="backup-secret-use-recovery">
              {intl.formatMessage({ id: 'restore.secret.useRecovery' })}
            </Button>
          ) : (
            <Button variant="quiet" onPress={() => switchTo('passphrase')} data-testid="backup-secret-use-passphrase">
              {intl.formatMessage({ id: 'restore.secret.usePassphrase' })}
            </Button>
          )}
          <Button variant="secondary" onPress={onCancel} data-testid="restore-cancel">
            {intl.formatMessage({ id: 'restore.cancel' })}
          </Button>
        </div>
      </form>
    </div>
  );
}

function Preview({
  summary,
  secret,
  firstRun,
  onConfirm,
  onCancel,
}: {
  summary: BackupSummary;
  secret: BackupSecret;
  firstRun: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const range =
    summary.firstDay && summary.lastDay
      ? summary.firstDay === summary.lastDay
        ? intl.formatMessage({ id: 'restore.preview.oneDay' }, { day: formatFullDay(intl, summary.firstDay) })
        : intl.formatMessage(
            { id: 'restore.preview.range' },
            { from: formatFullDay(intl, summary.firstDay), to: formatFullDay(intl, summary.lastDay) },
          )
      : intl.formatMessage({ id: 'restore.preview.noRange' });
  const otherJournal = !firstRun && !summary.sameJournal;

  return (
    <div className="restore" data-testid="restore-preview">
      <ScreenHeading key="preview">{intl.formatMessage({ id: 'restore.preview.title' })}</ScreenHeading>
      <dl className="restore-summary card">
        <div className="restore-summary__row">
          <dt>{intl.formatMessage({ id: 'restore.preview.made' })}</dt>
          <dd data-testid="restore-preview-made">{formatWhen(intl, summary.madeAt)}</dd>
        </div>
        <div className="restore-summary__row">
          <dt>{intl.formatMessage({ id: 'restore.preview.entriesLabel' })}</dt>
          <dd data-testid="restore-preview-entries">
            {intl.formatMessage({ id: 'restore.preview.entries' }, { count: summary.entries })}
          </dd>
        </div>
        <div className="restore-summary__row">
          <dt>{intl.formatMessage({ id: 'restore.preview.rangeLabel' })}</dt>
          <dd data-testid="restore-preview-range">{range}</dd>
        </div>
        <div className="restore-summary__row">
          <dt>{intl.formatMessage({ id: 'restore.preview.versionLabel' })}</dt>
          <dd data-testid="restore-preview-version">{summary.appVersion}</dd>
        </div>
        <div className="restore-summary__row">
          <dt>{intl.formatMessage({ id: 'restore.preview.sizeLabel' })}</dt>
          <dd>{formatSize(intl, summary.sizeBytes)}</dd>
        </div>
      </dl>
      {firstRun ? (
        <p>{intl.formatMessage({ id: 'restore.preview.firstRun' })}</p>
      ) : (
        <p data-testid="restore-preview-safety">{intl.formatMessage({ id: 'restore.preview.replaces' })}</p>
      )}
      {otherJournal ? <p className="note">{intl.formatMessage({ id: 'restore.preview.otherJournal' })}</p> : null}
      {secret.kind === 'recovery_code' ? <p className="muted">{intl.formatMessage({ id: 'restore.preview.usedCode' })}</p> : null}
      <p className="muted">{intl.formatMessage({ id: 'restore.preview.nothingYet' })}</p>
      <div className="actions">
        <Button variant="primary" onPress={onConfirm} data-testid="restore-confirm">
          {intl.formatMessage({ id: firstRun ? 'restore.confirm.firstRun' : 'restore.confirm' })}
        </Button>
        <Button variant="secondary" onPress={onCancel} data-testid="restore-cancel">
          {intl.formatMessage({ id: firstRun ? 'restore.cancel' : 'restore.keep' })}
        </Button>
      </div>
    </div>
  );
}

function Restoring({ progress }: { progress: api.JobProgress | null }) {
  const intl = useIntl();
  return (
    <div className="restore" data-testid="restore-running">
      <ScreenHeading key="restoring">{intl.formatMessage({ id: 'restore.running.title' })}</ScreenHeading>
      <p className="lead">{intl.formatMessage({ id: 'restore.running.body' })}</p>
      <JobProgressBar progress={progress} label={intl.formatMessage({ id: 'restore.running.label' })} testId="restore-progress" />
    </div>
  );
}

function Problem({
  code,
  restoring,
  firstRun,
  onBack,
  onChooseAnother,
}: {
  code: ErrorCode;
  restoring: boolean;
  firstRun: boolean;
  onBack: () => void;
  onChooseAnother?: () => void;
}) {
  const intl = useIntl();
  const fileProblem = FILE_PROBLEMS.has(code);
  return (
    <div className="restore" data-testid="restore-problem" data-code={code}>
      <ScreenHeading key="problem">
        {intl.formatMessage({ id: fileProblem ? 'restore.problem.fileTitle' : 'restore.problem.title' })}
      </ScreenHeading>
      <p className="note" role="status" data-testid="restore-problem-message">
        {intl.formatMessage({ id: wordsFor(code, RESTORE_WORDS) })}
      </p>
      {restoring && !fileProblem && !RESTORE_WORDS[code] ? (
        <p data-testid="restore-problem-unchanged">{intl.formatMessage({ id: 'restore.problem.unchanged' })}</p>
      ) : null}
      <div className="actions">
        {onChooseAnother ? (
          <Button variant="primary" onPress={onChooseAnother} data-testid="restore-choose-another">
            {intl.formatMessage({ id: 'restore.problem.chooseAnother' })}
          </Button>
        ) : null}
        <Button variant="secondary" onPress={onBack} data-testid="restore-cancel">
          {intl.formatMessage({ id: firstRun ? 'common.back' : 'restore.problem.back' })}
        </Button>
      </div>
    </div>
  );
}

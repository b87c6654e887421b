import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Label, RadioGroup } from 'react-aria-components';
import { RadioCard } from '../../components/RadioCard';
import { LockOpen } from 'lucide-react';
import * as api from '../../api';
import type { ErrorCode, ExportFormat, ExportResult } from '../../api';
import { useApp } from '../../app/AppContext';
import { Button } from '../../components/Button';
import { ScreenHeading } from '../../components/ScreenHeading';
import type { MessageId } from '../../i18n';
import { EMPTY_LIBRARY, useOptionalLibrary } from '../feelings/LibraryContext';
import { buildExportInput } from './exportNames';
import { wordsFor } from './format';
import { JobProgressBar } from './JobProgressBar';
import { StatusLine, useSay } from './StatusLine';
import { useJob } from './useJob';

type Step = 'warning' | 'choose' | 'exporting' | 'done';

const EXPORT_WORDS: Partial<Record<ErrorCode, MessageId>> = {
  storage_full: 'export.problem.storage_full',
  storage: 'export.problem.storage',
  invalid_input: 'export.problem.invalid',
};

const FORMATS: readonly { id: ExportFormat; label: MessageId; hint: MessageId }[] = [
  { id: 'markdown', label: 'export.format.markdown', hint: 'export.format.markdownHint' },
  { id: 'json', label: 'export.format.json', hint: 'export.format.jsonHint' },
];

/**
 * Export for the person's own use: a clear warning that the copy won't be locked (it must be
 * acknowledged first), then Markdown or JSON, a folder, progress and where it went.
 */
export function ExportFlow({ onClose }: { onClose: () => void }) {
  const intl = useIntl();
  const { locale } = useApp();
  const library = useOptionalLibrary()?.library ?? EMPTY_LIBRARY;
  const [step, setStep] = useState<Step>('warning');
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [result, setResult] = useState<ExportResult | null>(null);
  const [picking, setPicking] = useState(false);
  const { said, say, clear } = useSay();
  const job = useJob();

  const chooseFolder = async () => {
    if (picking) return;
    clear();
    setPicking(true);
    let folder: string | null;
    try {
      folder = await api.pickFolder(intl.formatMessage({ id: 'export.pickTitle' }));
    } catch (error) {
      say(intl.formatMessage({ id: wordsFor(api.normaliseError(error).code, EXPORT_WORDS) }));
      return;
    } finally {
      setPicking(false);
    }
    if (!folder) return; // Cancelled: nothing written, still on this step.
    setStep('exporting');
    try {
      const written = await job.run('export', () => api.exportJournal(buildExportInput(format, folder, locale, library)));
      setResult(written);
      setStep('done');
    } catch (error) {
      setStep('choose');
      say(intl.formatMessage({ id: wordsFor(api.normaliseError(error).code, EXPORT_WORDS) }));
    }
  };

  if (step === 'warning') {
    return (
      <div className="export" data-testid="export-warning">
        <ScreenHeading key="warning">{intl.formatMessage({ id: 'export.warning.title' })}</ScreenHeading>
        <div className="export-warning card">
          <span className="export-warning__icon" aria-hidden="true">
            <LockOpen size={24} />
          </span>
          <div>
            <p className="lead">{intl.formatMessage({ id: 'export.warning.body' })}</p>
            <p>{intl.formatMessage({ id: 'export.warning.where' })}</p>
          </div>
        </div>
        <div className="actions">
          <Button variant="primary" onPress={() => setStep('choose')} data-testid="export-warning-ack">
            {intl.formatMessage({ id: 'export.warning.ack' })}
          </Button>
          <Button variant="secondary" onPress={onClose} data-testid="export-cancel">
            {intl.formatMessage({ id: 'export.notNow' })}
          </Button>
        </div>
      </div>
    );
  }

  if (step === 'exporting') {
    return (
      <div className="export" data-testid="export-running">
        <ScreenHeading key="exporting">{intl.formatMessage({ id: 'export.running.title' })}</ScreenHeading>
        <JobProgressBar progress={job.progress} label={intl.formatMessage({ id: 'export.running.label' })} testId="export-progress" />
      </div>
    );
  }

  if (step === 'done' && result) {
    return (
      <div className="export" data-testid="export-result">
        <ScreenHeading key="done">{intl.formatMessage({ id: 'export.done.title' })}</ScreenHeading>
        <p className="lead" data-testid="export-done">
          {intl.formatMessage({ id: 'export.done.body' }, { count: result.entries })}
        </p>
        <p className="export__path" data-testid="export-path">
          {result.path}
        </p>
        <p className="muted">{intl.formatMessage({ id: 'export.done.reminder' })}</p>
        <div className="actions">
          <Button variant="primary" onPress={onClose} data-testid="export-close">
            {intl.formatMessage({ id: 'export.done.back' })}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="export" data-testid="export-choose">
      <ScreenHeading key="choose">{intl.formatMessage({ id: 'export.choose.title' })}</ScreenHeading>
      <p className="lead">{intl.formatMessage({ id: 'export.choose.body' })}</p>
      <RadioGroup
        className="radio-cards export-formats"
        value={format}
        onChange={(value) => setFormat(value as ExportFormat)}
       
      >
        <Label className="field__label">{intl.formatMessage({ id: 'export.format.label' })}</Label>
        {FORMATS.map((choice) => (
          <RadioCard
            key={choice.id}
            value={choice.id}
            label={intl.formatMessage({ id: choice.label })}
            hint={intl.formatMessage({ id: choice.hint })}
            testId={`export-format-${choice.id}`}
          />
        ))}
      </RadioGroup>
      <StatusLine said={said} testId="export-message" />
      <div className="actions">
        <Button variant="primary" onPress={() => void chooseFolder()} data-testid="export-choose-folder">
          {intl.formatMessage({ id: 'export.chooseFolder' })}
        </Button>
        <Button variant="secondary" onPress={onClose} data-testid="export-cancel">
          {intl.formatMessage({ id: 'export.cancel' })}
        </Button>
      </div>
    </div>
  );
}

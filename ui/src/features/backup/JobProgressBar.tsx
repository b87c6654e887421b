import { useIntl } from 'react-intl';
import { Label, ProgressBar } from 'react-aria-components';
import type { JobProgress } from '../../api';

/**
 * An accessible progress bar for a backup, restore or export: a visible label, the percentage
 * as text (also its aria-valuetext), and "Getting started…" before the first progress report.
 */
export function JobProgressBar({ progress, label, testId }: { progress: JobProgress | null; label: string; testId: string }) {
  const intl = useIntl();
  const known = progress !== null && progress.total > 0;
  const fraction = known ? Math.min(1, Math.max(0, progress.done / progress.total)) : 0;
  const valueText = known
    ? intl.formatNumber(fraction, { style: 'percent', maximumFractionDigits: 0 })
    : intl.formatMessage({ id: 'backup.progress.starting' });
  return (
    <ProgressBar
      className="job-progress"
      value={fraction * 100}
      isIndeterminate={!known}
      valueLabel={valueText}
      data-testid={testId}
    >
      {({ percentage }) => (
        <>
          <div className="job-progress__top">
            <Label className="job-progress__label">{label}</Label>
            <span className="job-progress__value">{valueText}</span>
          </div>
          <div className="job-progress__track" aria-hidden="true">
            <div
              className={known ? 'job-progress__fill' : 'job-progress__fill job-progress__fill--waiting'}
              style={known ? { width: `${percentage ?? 0}%` } : undefined}
            />
          </div>
        </>
      )}
    </ProgressBar>
  );
}

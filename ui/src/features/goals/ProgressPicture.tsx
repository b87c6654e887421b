import { useIntl } from 'react-intl';

/** Up to this many steps are drawn as dots; more as one quiet bar. */
const MAX_DOTS = 20;

/**
 * "3 of 5 steps", with a small picture: a row of dots (filled for steps done) or, for many
 * steps, a bar. The words carry the meaning; the picture only echoes them. No percentages, no
 * warning colours.
 */
export function ProgressPicture({ done, total, testId }: { done: number; total: number; testId?: string }) {
  const intl = useIntl();
  if (total === 0) return null;
  return (
    <span className="progress-picture" data-testid={testId} data-done={done} data-total={total}>
      {total <= MAX_DOTS ? (
        <span className="progress-picture__dots" aria-hidden="true">
          {Array.from({ length: total }, (_, i) => (
            <span key={i} className={i < done ? 'progress-picture__dot progress-picture__dot--done' : 'progress-picture__dot'} />
          ))}
        </span>
      ) : (
        <span className="progress-picture__bar" aria-hidden="true">
          <span className="progress-picture__fill" style={{ width: `${(done / total) * 100}%` }} />
        </span>
      )}
      <span className="progress-picture__text">{intl.formatMessage({ id: 'goals.progress' }, { done, total })}</span>
    </span>
  );
}

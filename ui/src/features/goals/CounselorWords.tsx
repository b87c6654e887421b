import { useIntl } from 'react-intl';
import type { CounselorWords } from '../../api';
import { Collapsible } from './Collapsible';

/**
 * The counselor's own words, quoted and set apart from the person's (a different background,
 * "Suggested by …"), so the two are never confused.
 */
export function CounselorQuote({ words, testId }: { words: CounselorWords; testId?: string }) {
  const intl = useIntl();
  return (
    <figure className="counselor-words" data-testid={testId}>
      <figcaption className="counselor-words__from">
        {words.fromName
          ? intl.formatMessage({ id: 'goals.counselor.suggestedBy' }, { name: words.fromName })
          : intl.formatMessage({ id: 'goals.counselor.suggestedByNoName' })}
      </figcaption>
      <blockquote className="counselor-words__quote">
        <p className="counselor-words__title" dir="auto">
          {words.title}
        </p>
        {words.why ? (
          <p dir="auto">
            <span className="counselor-words__label">{intl.formatMessage({ id: 'goals.counselor.why' })} </span>
            {words.why}
          </p>
        ) : null}
        {words.steps.length > 0 ? (
          <>
            <p className="counselor-words__label">{intl.formatMessage({ id: 'goals.counselor.steps' })}</p>
            <ol className="counselor-words__steps">
              {words.steps.map((step, i) => (
                <li key={`${i}-${step}`} dir="auto">
                  {step}
                </li>
              ))}
            </ol>
          </>
        ) : null}
        {words.note ? (
          <p dir="auto">
            <span className="counselor-words__label">{intl.formatMessage({ id: 'goals.counselor.note' })} </span>
            {words.note}
          </p>
        ) : null}
      </blockquote>
    </figure>
  );
}

/** The counselor's original words beside a goal made from their suggestion, folded away by default. */
export function CounselorWordsPanel({ words, defaultOpen = false }: { words: CounselorWords; defaultOpen?: boolean }) {
  const intl = useIntl();
  return (
    <Collapsible
      title={
        words.fromName
          ? intl.formatMessage({ id: 'goals.counselor.panel' }, { name: words.fromName })
          : intl.formatMessage({ id: 'goals.counselor.panelNoName' })
      }
      defaultOpen={defaultOpen}
      level={2}
      className="counselor-panel"
      testId="goal-counselor-words"
    >
      <CounselorQuote words={words} />
    </Collapsible>
  );
}

// The client's share flow: choose → preview exactly what the counselor will see → send. A
// visible progress line says where the person is; what was picked is kept while they move back
// and forth (and while another tab of the sharing area is open).
import { useEffect, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { Check } from 'lucide-react';
import * as api from '../../../api';
import type { ErrorCode, ShareSelection } from '../../../api';
import { useApp } from '../../../app/AppContext';
import type { MessageId } from '../../../i18n';
import { exportNames } from '../../backup/exportNames';
import { EMPTY_LIBRARY, useOptionalLibrary } from '../../feelings/LibraryContext';
import { addDays, dayKey } from '../../journal/format';
import { useShareCatalog } from './catalog';
import { ChooseStep } from './ChooseStep';
import { PreviewStep, type Preview } from './PreviewStep';
import { SendStep } from './SendStep';
import { emptyPicks, hasItems, toSelection, type Picks, type Words } from './selection';
import './shareFlow.css';

type Step = 'choose' | 'preview' | 'send';

const STEPS: readonly { id: Step; label: MessageId }[] = [
  { id: 'choose', label: 'shareFlow.step.choose' },
  { id: 'preview', label: 'shareFlow.step.preview' },
  { id: 'send', label: 'shareFlow.step.send' },
];

/** The last 30 days, today included. */
function lastThirtyDays(): { from: string; to: string } {
  const today = dayKey(new Date());
  return { from: addDays(today, -29), to: today };
}

/** Builds the preview for `selection` (when there is one) every time it changes. */
function usePreview(selection: ShareSelection | null, picks: Picks, onLocked: () => void) {
  const key = selection ? JSON.stringify(selection) : null;
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<{ key: string; code: ErrorCode } | null>(null);
  const latest = useRef({ picks, onLocked });
  useEffect(() => {
    latest.current = { picks, onLocked };
  }, [picks, onLocked]);

  useEffect(() => {
    if (key === null || selection === null) return;
    let current = true;
    const forPicks = latest.current.picks;
    api
      .previewShare(selection)
      .then((payload) => {
        if (!current) return;
        setPreview({ key, payload, picks: forPicks });
        setProblem(null);
      })
      .catch((error: unknown) => {
        if (!current) return;
        const code = api.normaliseError(error).code;
        if (code === 'locked') latest.current.onLocked();
        setProblem({ key, code });
      });
    return () => {
      current = false;
    };
    // The key says everything the selection holds.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const loading = key !== null && preview?.key !== key && problem?.key !== key;
  return { preview, loading, problem: problem?.key === key ? problem.code : null };
}

export function ShareFlow({ onSeeLog, onPair }: { onSeeLog: () => void; onPair: () => void }) {
  const intl = useIntl();
  const { locale, lockNow } = useApp();
  const library = useOptionalLibrary()?.library ?? EMPTY_LIBRARY;
  const catalog = useShareCatalog(lockNow);
  const [step, setStep] = useState<Step>('choose');
  const [picks, setPicks] = useState<Picks>(() => emptyPicks(lastThirtyDays()));
  const [identityOpen, setIdentityOpen] = useState(false);
  const [visit, setVisit] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const words: Words = useMemo(() => {
    const { feelingNames, promptTexts } = exportNames(locale, library);
    return { feelingNames, promptTexts };
  }, [locale, library]);
  const selection = useMemo(() => toSelection(picks, words), [picks, words]);
  const { preview, loading, problem } = usePreview(
    step !== 'choose' && hasItems(picks) ? selection : null,
    picks,
    lockNow,
  );

  // After moving between steps, the new step's heading takes focus (not on first arrival).
  useEffect(() => {
    if (!moved.current) return;
    heading.current?.focus();
  }, [step, visit]);

  const go = (next: Step) => {
    moved.current = true;
    setStep(next);
  };

  const again = () => {
    moved.current = true;
    setPicks(emptyPicks(lastThirtyDays()));
    setIdentityOpen(false);
    catalog.reload();
    setStep('choose');
    setVisit((v) => v + 1);
  };

  const current = STEPS.findIndex((s) => s.id === step);

  return (
    <div className="share-flow" data-testid="share-flow">
      <ol className="share-progress" aria-label={intl.formatMessage({ id: 'shareFlow.progress' })}>
        {STEPS.map((s, i) => (
          <li
            key={s.id}
            className="share-progress__step"
            aria-current={i === current ? 'step' : undefined}
            data-state={i < current ? 'done' : i === current ? 'current' : 'next'}
            data-testid={`share-progress-${s.id}`}
          >
            <span className="share-progress__mark" aria-hidden="true">
              {i < current ? <Check size={16} strokeWidth={3} /> : i + 1}
            </span>
            <span className="share-progress__label">
              {intl.formatMessage({ id: s.label })}
              {i < current ? <span className="visually-hidden"> {intl.formatMessage({ id: 'shareFlow.step.done' })}</span> : null}
            </span>
          </li>
        ))}
      </ol>

      {step === 'choose' ? (
        <ChooseStep
          key={visit}
          catalog={catalog}
          picks={picks}
          onChange={setPicks}
          onNext={() => go('preview')}
          identityOpen={identityOpen}
          onIdentityOpen={setIdentityOpen}
          headingRef={heading}
        />
      ) : null}
      {step === 'preview' ? (
        <PreviewStep
          catalog={catalog}
          picks={picks}
          onChange={setPicks}
          preview={preview}
          loading={loading}
          problem={problem}
          onBack={() => go('choose')}
          onNext={() => go('send')}
          headingRef={heading}
        />
      ) : null}
      {step === 'send' && preview ? (
        <SendStep
          selection={selection}
          payload={preview.payload}
          onBack={() => go('preview')}
          onAgain={again}
          onSeeLog={onSeeLog}
          onPair={onPair}
          headingRef={heading}
        />
      ) : null}
    </div>
  );
}

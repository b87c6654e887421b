import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { Checkbox } from 'react-aria-components';
import { ArrowLeft, Check, Pause, Pencil, Play, Sprout, Trash2, Wind, MessageCircle } from 'lucide-react';
import * as api from '../../api';
import type { Goal, GoalDetail, GoalStatus, GoalStep } from '../../api';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { LiveRegion, useAnnouncement } from '../../components/LiveRegion';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useApp } from '../../app/AppContext';
import type { MessageId } from '../../i18n';
import { EntryCard } from '../journal/EntryCard';
import { dayDate } from '../journal/format';
import { useProfile } from '../shell/ProfileContext';
import { useNavigate } from '../shell/navigation';
import { CounselorWordsPanel } from './CounselorWords';
import { ProgressPicture } from './ProgressPicture';
import { AREA_LABEL, STATUS_LABEL, progressOf } from './model';

/** Something to say on arrival (after a save, a check-in, …). */
export type ViewNotice = { message: MessageId; values?: Record<string, string | number>; hard?: boolean };

type Loaded = { state: 'loading' } | { state: 'problem'; code: api.ErrorCode } | { state: 'ready'; detail: GoalDetail };

export type GoalViewProps = {
  id: number;
  notice?: ViewNotice;
  onBack: () => void;
  onEdit: (goal: Goal) => void;
  onCheckin: (goal: Goal) => void;
  onDeleted: () => void;
};

/**
 * One goal: why it matters, the steps to check off (each acknowledged briefly and warmly), a small
 * progress picture, the check-ins, the counselor's words if it came from them, and what the
 * person can do with it: pause, resume, mark as done, let go, delete. No streaks, no "overdue".
 */
export function GoalView({ id, notice, onBack, onEdit, onCheckin, onDeleted }: GoalViewProps) {
  const intl = useIntl();
  const { lockNow } = useApp();
  const { profile } = useProfile();
  const navigate = useNavigate();
  const ids = useId();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [confirm, setConfirm] = useState<'let_go' | 'delete' | null>(null);
  const [statusNote, setStatusNote] = useState<{ message: MessageId; hard?: boolean } | null>(
    notice ? { message: notice.message, hard: notice.hard } : null,
  );
  const [busy, setBusy] = useState(false);
  const { announcement: ack, announce: sayAck } = useAnnouncement();
  const { announcement, announce } = useAnnouncement();
  // Checking steps quickly: one call at a time, in order; the last answer is what shows.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const inFlight = useRef(0);
  // The step rows render once each (a goal may have hundreds); their handler reads the latest here.
  const latest = useRef<Loaded>(loaded);
  useLayoutEffect(() => {
    latest.current = loaded;
  });

  const problemOf = useCallback(
    (error: unknown): api.ErrorCode => {
      const code = api.isCommandFailure(error) ? error.code : 'internal';
      if (code === 'locked') lockNow();
      return code;
    },
    [lockNow],
  );

  const load = useCallback(() => {
    let current = true;
    api.getGoal(id).then(
      (detail) => current && setLoaded({ state: 'ready', detail }),
      (error: unknown) => current && setLoaded({ state: 'problem', code: problemOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [id, problemOf]);
  useEffect(() => load(), [load]);

  const setGoal = useCallback(
    (next: Goal) =>
      setLoaded((l) => (l.state === 'ready' ? { state: 'ready', detail: { ...l.detail, goal: sameSteps(l.detail.goal, next) } } : l)),
    [],
  );

  const toggleStep = useCallback(
    (stepId: number, done: boolean) => {
      const current = latest.current;
      if (current.state !== 'ready') return;
      const goal = current.detail.goal;
      // Shown at once; the stored answer replaces it when the last call returns.
      const optimistic: Goal = {
        ...goal,
        steps: goal.steps.map((s) => (s.id === stepId ? { ...s, doneAt: done ? (s.doneAt ?? 'now') : null } : s)),
      };
      latest.current = { state: 'ready', detail: { ...current.detail, goal: optimistic } };
      setGoal(optimistic);
      if (done) {
        const all = optimistic.steps.every((s) => s.doneAt !== null);
        sayAck(intl.formatMessage({ id: all && goal.status === 'active' ? 'goals.view.ackAll' : 'goals.view.ack' }), 'info');
      } else {
        sayAck(intl.formatMessage({ id: 'goals.view.unchecked' }), 'info');
      }
      inFlight.current += 1;
      const run = queue.current.then(() => api.setStepDone(goal.id, stepId, done));
      queue.current = run.catch(() => undefined);
      run.then(
        (stored) => {
          inFlight.current -= 1;
          if (inFlight.current === 0) setGoal(stored);
        },
        (error: unknown) => {
          inFlight.current -= 1;
          problemOf(error);
          sayAck(intl.formatMessage({ id: 'goals.view.stepProblem' }));
          // Show what is really stored.
          load();
        },
      );
    },
    [intl, load, problemOf, sayAck, setGoal],
  );

  // A notice that came with arriving here is said once the view is on screen.
  const noticeText = notice ? intl.formatMessage({ id: notice.message }, notice.values) : null;
  const ready = loaded.state === 'ready';
  useEffect(() => {
    if (ready && noticeText) announce(noticeText, 'info');
  }, [ready, noticeText, announce]);

  const back = (
    <Button variant="quiet" icon={<ArrowLeft size={18} />} onPress={onBack} data-testid="goal-back">
      {intl.formatMessage({ id: 'goals.view.back' })}
    </Button>
  );

  if (loaded.state === 'loading') return <div className="goal-view" aria-busy="true" />;
  if (loaded.state === 'problem') {
    return (
      <div className="goal-view" data-testid="goal-view">
        {back}
        <ScreenHeading>{intl.formatMessage({ id: 'goals.title' })}</ScreenHeading>
        <p className="note note--notice" role="status" data-testid="goal-view-problem">
          {intl.formatMessage({ id: loaded.code === 'not_found' ? 'goals.view.gone' : 'goals.view.loadProblem' })}
        </p>
        {loaded.code !== 'not_found' ? (
          <Button
            variant="secondary"
            onPress={() => {
              setLoaded({ state: 'loading' });
              load();
            }}
          >
            {intl.formatMessage({ id: 'goals.retry' })}
          </Button>
        ) : null}
      </div>
    );
  }

  const { goal, checkins } = loaded.detail;
  const progress = progressOf(goal.steps);

  const setStatus = async (status: GoalStatus, message: MessageId) => {
    setBusy(true);
    try {
      const stored = await api.setGoalStatus(goal.id, status);
      setGoal(stored);
      setStatusNote({ message });
      announce(intl.formatMessage({ id: message }, { name: profile.name?.trim() || '', hasName: profile.name?.trim() ? 'yes' : 'no' }), 'info');
    } catch (error) {
      problemOf(error);
      announce(intl.formatMessage({ id: 'goals.view.statusProblem' }));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await api.deleteGoal(goal.id);
      onDeleted();
    } catch (error) {
      setBusy(false);
      problemOf(error);
      announce(intl.formatMessage({ id: 'goals.view.deleteProblem' }));
    }
  };

  const target = goal.targetDate ? intl.formatDate(dayDate(goal.targetDate), { day: 'numeric', month: 'long', year: 'numeric' }) : null;
  const name = profile.name?.trim() || '';

  return (
    <article className="goal-view" data-testid="goal-view" data-status={goal.status}>
      {back}
      <header className="goal-view__header">
        <p className="goal-view__meta">
          <span className={`goal-status goal-status--${goal.status}`} data-testid="goal-status">
            {intl.formatMessage({ id: STATUS_LABEL[goal.status] })}
          </span>
          {goal.area ? <span className="entry-chip">{intl.formatMessage({ id: AREA_LABEL[goal.area] })}</span> : null}
          {goal.madeWithCounselor ? (
            <span className="entry-chip">{intl.formatMessage({ id: 'goals.view.withCounselor' })}</span>
          ) : null}
        </p>
        <ScreenHeading className="screen-title--writing">
          <span dir="auto">{goal.title}</span>
        </ScreenHeading>
      </header>

      {goal.why ? (
        <section className="goal-view__why" aria-labelledby={`${ids}-why`}>
          <h2 id={`${ids}-why`} className="goal-view__subtitle">
            {intl.formatMessage({ id: 'goals.view.why' })}
          </h2>
          <p dir="auto" className="goal-view__why-text">
            {goal.why}
          </p>
        </section>
      ) : null}

      <LiveRegion announcement={announcement} testId="goal-view-status" />
      {statusNote?.hard ? <HardCheckinLine onHelp={() => navigate('help')} onPlan={() => navigate('safety-plan')} /> : null}
      {goal.status === 'let_go' && statusNote?.message === 'goals.view.letGoDone' ? (
        <p className="goal-view__learned">
          <Button variant="quiet" onPress={() => navigate('journal', { kind: 'new-entry' })} data-testid="goal-let-go-write">
            {intl.formatMessage({ id: 'goals.view.letGoWrite' })}
          </Button>
        </p>
      ) : null}

      <section className="goal-view__steps" aria-labelledby={`${ids}-steps`}>
        <h2 id={`${ids}-steps`} className="goal-view__subtitle">
          {intl.formatMessage({ id: 'goals.view.steps' })}
        </h2>
        <ProgressPicture done={progress.done} total={progress.total} testId="goal-progress" />
        {goal.steps.length > 0 ? (
          <ol className="goal-steps">
            {goal.steps.map((step) => (
              <StepCheck key={step.id} step={step} onToggle={toggleStep} />
            ))}
          </ol>
        ) : (
          <p className="muted">{intl.formatMessage({ id: 'goals.view.noSteps' })}</p>
        )}
        <LiveRegion announcement={ack} testId="goal-step-ack" />
        <div className="actions">
          <Button variant="secondary" icon={<Pencil size={18} />} onPress={() => onEdit(goal)} data-testid="goal-edit">
            {intl.formatMessage({ id: goal.steps.length > 0 ? 'goals.view.edit' : 'goals.view.addSteps' })}
          </Button>
        </div>
      </section>

      <section className="goal-view__date" aria-labelledby={`${ids}-date`}>
        <h2 id={`${ids}-date`} className="goal-view__subtitle">
          {intl.formatMessage({ id: 'goals.view.date' })}
        </h2>
        <p data-testid="goal-target-date-text">
          {target
            ? intl.formatMessage({ id: 'goals.view.dateSet' }, { date: target })
            : intl.formatMessage({ id: 'goals.view.dateNone' })}{' '}
          <Button variant="quiet" onPress={() => onEdit(goal)} data-testid="goal-date-change">
            {intl.formatMessage({ id: target ? 'goals.view.dateChange' : 'goals.view.dateAdd' })}
          </Button>
        </p>
      </section>

      {goal.counselorWords ? <CounselorWordsPanel words={goal.counselorWords} /> : null}

      <section className="goal-view__checkins" aria-labelledby={`${ids}-checkins`}>
        <h2 id={`${ids}-checkins`} className="goal-view__subtitle">
          {intl.formatMessage({ id: 'goals.view.checkins' })}
        </h2>
        <p className="muted">{intl.formatMessage({ id: 'goals.view.checkinsLead' })}</p>
        <div className="actions">
          <Button variant="primary" icon={<MessageCircle size={18} />} onPress={() => onCheckin(goal)} data-testid="goal-checkin">
            {intl.formatMessage({ id: 'goals.view.checkin' })}
          </Button>
        </div>
        {checkins.length > 0 ? (
          <ul className="goal-checkins" aria-label={intl.formatMessage({ id: 'goals.view.checkinsList' })}>
            {checkins.map((entry) => (
              <li key={entry.id}>
                <EntryCard
                  entry={entry}
                  onOpen={(entryId) => navigate('journal', { kind: 'open-entry', id: entryId })}
                  testId="goal-checkin-item"
                  showDate
                />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted" data-testid="goal-checkins-empty">
            {intl.formatMessage({ id: 'goals.view.noCheckins' })}
          </p>
        )}
      </section>

      <section className="goal-view__status" aria-labelledby={`${ids}-status`}>
        <h2 id={`${ids}-status`} className="goal-view__subtitle">
          {intl.formatMessage({ id: 'goals.view.where' })}
        </h2>
        <p className="muted">{intl.formatMessage({ id: STATUS_HINT[goal.status] })}</p>
        <div className="actions">
          {goal.status === 'active' ? (
            <Button variant="secondary" icon={<Pause size={18} />} isDisabled={busy} onPress={() => void setStatus('paused', 'goals.view.pausedDone')} data-testid="goal-pause">
              {intl.formatMessage({ id: 'goals.view.pause' })}
            </Button>
          ) : (
            <Button variant="secondary" icon={<Play size={18} />} isDisabled={busy} onPress={() => void setStatus('active', 'goals.view.resumedDone')} data-testid="goal-resume">
              {intl.formatMessage({ id: goal.status === 'paused' ? 'goals.view.resume' : 'goals.view.pickUp' })}
            </Button>
          )}
          {goal.status !== 'done' ? (
            <Button variant="secondary" icon={<Sprout size={18} />} isDisabled={busy} onPress={() => void setStatus('done', 'goals.view.doneDone')} data-testid="goal-done">
              {intl.formatMessage({ id: 'goals.view.markDone' })}
            </Button>
          ) : null}
          {goal.status !== 'let_go' ? (
            <Button variant="secondary" icon={<Wind size={18} />} isDisabled={busy} onPress={() => setConfirm('let_go')} data-testid="goal-let-go">
              {intl.formatMessage({ id: 'goals.view.letGo' })}
            </Button>
          ) : null}
        </div>
        {goal.status === 'done' ? (
          <p className="goal-view__celebrate" data-testid="goal-celebrate">
            <Sprout size={20} aria-hidden="true" />
            <span>
              {intl.formatMessage({ id: 'goals.view.doneLine' }, { name, hasName: name ? 'yes' : 'no' })}
            </span>
          </p>
        ) : null}
      </section>

      <div className="goal-view__delete">
        <Button variant="quiet" icon={<Trash2 size={18} />} isDisabled={busy} onPress={() => setConfirm('delete')} data-testid="goal-delete">
          {intl.formatMessage({ id: 'goals.view.delete' })}
        </Button>
      </div>

      <ConfirmDialog
        isOpen={confirm === 'let_go'}
        onOpenChange={(open) => !open && setConfirm(null)}
        title={intl.formatMessage({ id: 'goals.view.letGoTitle' })}
        confirmLabel={intl.formatMessage({ id: 'goals.view.letGoConfirm' })}
        cancelLabel={intl.formatMessage({ id: 'goals.view.letGoCancel' })}
        onConfirm={() => void setStatus('let_go', 'goals.view.letGoDone')}
        testId="goal-let-go-dialog"
        confirmTestId="goal-let-go-confirm"
      >
        <p>{intl.formatMessage({ id: 'goals.view.letGoBody' })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={confirm === 'delete'}
        onOpenChange={(open) => !open && setConfirm(null)}
        title={intl.formatMessage({ id: 'goals.view.deleteTitle' })}
        confirmLabel={intl.formatMessage({ id: 'goals.view.deleteConfirm' })}
        cancelLabel={intl.formatMessage({ id: 'goals.view.deleteCancel' })}
        onConfirm={() => void remove()}
        testId="goal-delete-dialog"
        confirmTestId="goal-delete-confirm"
      >
        <p>{intl.formatMessage({ id: 'goals.view.deleteBody' })}</p>
      </ConfirmDialog>
    </article>
  );
}

/** `next`, reusing the step objects of `previous` that did not change (so their rows stay as they are). */
function sameSteps(previous: Goal, next: Goal): Goal {
  const before = new Map(previous.steps.map((s) => [s.id, s]));
  return {
    ...next,
    steps: next.steps.map((s) => {
      const old = before.get(s.id);
      return old && old.text === s.text && old.doneAt === s.doneAt ? old : s;
    }),
  };
}

/** One step to check off. Re-renders only when this step changes. */
const StepCheck = memo(function StepCheck({ step, onToggle }: { step: GoalStep; onToggle: (stepId: number, done: boolean) => void }) {
  const done = step.doneAt !== null;
  return (
    <li className="goal-steps__row" data-testid="goal-step" data-done={done || undefined}>
      <Checkbox className="step-check" isSelected={done} onChange={(next) => onToggle(step.id, next)} data-testid="goal-step-check">
        <span className="step-check__box" aria-hidden="true">
          <Check size={16} />
        </span>
        <span className="step-check__text" dir="auto">
          {step.text}
        </span>
      </Checkbox>
    </li>
  );
});

const STATUS_HINT: Record<GoalStatus, MessageId> = {
  active: 'goals.view.hint.active',
  paused: 'goals.view.hint.paused',
  done: 'goals.view.hint.done',
  let_go: 'goals.view.hint.let_go',
};

/** After a check-in with hard feelings: Help and the safety plan, offered quietly. */
export function HardCheckinLine({ onHelp, onPlan }: { onHelp: () => void; onPlan: () => void }) {
  const intl = useIntl();
  return (
    <p className="checkin__support" data-testid="goal-checkin-hard-support">
      <span>{intl.formatMessage({ id: 'checkin.hard.line' })}</span>{' '}
      <span className="checkin__support-actions">
        <Button variant="quiet" onPress={onHelp}>
          {intl.formatMessage({ id: 'checkin.hard.help' })}
        </Button>
        <Button variant="quiet" onPress={onPlan}>
          {intl.formatMessage({ id: 'checkin.hard.plan' })}
        </Button>
      </span>
    </p>
  );
}

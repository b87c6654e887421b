import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Plus, Target } from 'lucide-react';
import * as api from '../../api';
import type { Goal, GoalStatus, Proposal, ProposalDecision } from '../../api';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { LiveRegion, useAnnouncement } from '../../components/LiveRegion';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useApp } from '../../app/AppContext';
import type { MessageId } from '../../i18n';
import { useLibrary } from '../feelings/LibraryContext';
import { useProfile } from '../shell/ProfileContext';
import { Collapsible } from './Collapsible';
import { PastProposals, PendingProposals, decidedMessage } from './Proposals';
import { ProgressPicture } from './ProgressPicture';
import { ReminderSettingsSection } from './ReminderSettings';
import { AREA_LABEL, STATUSES, groupByStatus, nextStepOf, progressOf } from './model';

type Loaded =
  | { state: 'loading' }
  | { state: 'problem' }
  | { state: 'ready'; goals: Goal[]; proposals: Proposal[] };

const SECTION_TITLE: Record<GoalStatus, MessageId> = {
  active: 'goals.section.active',
  paused: 'goals.section.paused',
  done: 'goals.section.done',
  let_go: 'goals.section.let_go',
};

export type GoalsListProps = {
  /** Said once on arrival (e.g. "Goal deleted. Its check-ins are still in your journal."). */
  notice?: MessageId;
  onNew: () => void;
  onOpen: (id: number) => void;
  /** "Change it first" on a counselor's goal idea. */
  onChangeProposal: (proposal: Proposal) => void;
};

/**
 * The goals area's home: ideas from the counselor waiting for an answer, then the person's goals
 * by where they stand (active open; paused, done and let go folded away), past suggestions and
 * the reminder settings. With nothing yet, an invitation to start one.
 */
export function GoalsList({ notice, onNew, onOpen, onChangeProposal }: GoalsListProps) {
  const intl = useIntl();
  const { lockNow } = useApp();
  const { profile } = useProfile();
  const { updateLibrary } = useLibrary();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const { announcement, announce } = useAnnouncement();

  const load = useCallback(() => {
    let current = true;
    Promise.all([api.listGoals(), api.listProposals()]).then(
      ([goals, proposals]) => current && setLoaded({ state: 'ready', goals, proposals }),
      (error: unknown) => {
        if (!current) return;
        if (api.isCommandFailure(error) && error.code === 'locked') lockNow();
        else setLoaded({ state: 'problem' });
      },
    );
    return () => {
      current = false;
    };
  }, [lockNow]);
  useEffect(() => load(), [load]);

  const noticeText = notice ? intl.formatMessage({ id: notice }) : null;
  const ready = loaded.state === 'ready';
  useEffect(() => {
    if (ready && noticeText) announce(noticeText, 'info');
  }, [ready, noticeText, announce]);

  const decide = async (proposal: Proposal, decision: ProposalDecision) => {
    try {
      const outcome = await api.decideProposal(proposal.id, decision);
      if (proposal.kind === 'prompt' && decision.kind !== 'not_now') await refreshPrompts();
      const said = decidedMessage(proposal, decision, outcome);
      announce(intl.formatMessage({ id: said.id }, said.values), 'info');
      load();
    } catch (error) {
      const code = api.isCommandFailure(error) ? error.code : 'internal';
      if (code === 'locked') {
        lockNow();
        return;
      }
      announce(intl.formatMessage({ id: code === 'invalid_input' ? 'goals.proposal.alreadyAnswered' : 'goals.proposal.problem' }));
      if (code === 'invalid_input') load();
    }
  };

  // A prompt taken from the counselor joins the person's own prompts in the backend; bring the
  // open library up to date without losing a change made meanwhile.
  const refreshPrompts = async () => {
    try {
      const fresh = await api.getLibrary();
      await updateLibrary((current) => ({
        ...current,
        customPrompts: [
          ...current.customPrompts,
          ...fresh.customPrompts.filter((p) => !current.customPrompts.some((c) => c.id === p.id)),
        ],
      }));
    } catch {
      // The prompt is stored; the list of prompts shows it after the next unlock.
    }
  };

  const name = profile.name?.trim() || '';
  const goals = loaded.state === 'ready' ? loaded.goals : [];
  const proposals = loaded.state === 'ready' ? loaded.proposals : [];
  const groups = groupByStatus(goals);

  return (
    <div className="goals-home" data-testid="goals-screen" aria-busy={loaded.state === 'loading'}>
      <div className="goals-home__top">
        <ScreenHeading>{intl.formatMessage({ id: 'goals.title' })}</ScreenHeading>
        {goals.length > 0 ? (
          <Button variant="primary" icon={<Plus size={18} />} onPress={onNew} data-testid="goal-new">
            {intl.formatMessage({ id: 'goals.new' })}
          </Button>
        ) : null}
      </div>
      <LiveRegion announcement={announcement} testId="goals-status" />

      {loaded.state === 'problem' ? (
        <div className="note" role="status">
          <p>{intl.formatMessage({ id: 'goals.loadProblem' })}</p>
          <Button
            variant="secondary"
            onPress={() => {
              setLoaded({ state: 'loading' });
              load();
            }}
          >
            {intl.formatMessage({ id: 'goals.retry' })}
          </Button>
        </div>
      ) : null}

      {ready ? (
        <>
          <PendingProposals proposals={proposals} goals={goals} decide={decide} onChange={onChangeProposal} />

          {goals.length === 0 ? (
            <div className="goals-home__empty">
              <EmptyState icon={<Target size={28} />}>
                {intl.formatMessage({ id: 'goals.empty' }, { name, hasName: name ? 'yes' : 'no' })}
              </EmptyState>
              <Button variant="primary" icon={<Plus size={18} />} onPress={onNew} data-testid="goal-new">
                {intl.formatMessage({ id: 'goals.start' })}
              </Button>
            </div>
          ) : (
            STATUSES.filter((status) => groups[status].length > 0).map((status) => (
              <Collapsible
                key={status}
                title={intl.formatMessage({ id: SECTION_TITLE[status] }, { count: groups[status].length })}
                defaultOpen={status === 'active'}
                className="goals-section"
                testId={`goal-section-${status}`}
              >
                <ul className="goal-cards">
                  {groups[status].map((goal) => (
                    <li key={goal.id}>
                      <GoalCard goal={goal} onOpen={onOpen} />
                    </li>
                  ))}
                </ul>
              </Collapsible>
            ))
          )}

          <PastProposals proposals={proposals} />
          <ReminderSettingsSection />
        </>
      ) : null}
    </div>
  );
}

/** One goal in the list: title, area, "2 of 5 steps" and the next step. Opens the goal. */
function GoalCard({ goal, onOpen }: { goal: Goal; onOpen: (id: number) => void }) {
  const intl = useIntl();
  const progress = progressOf(goal.steps);
  const next = nextStepOf(goal);
  return (
    <button type="button" className="goal-card" data-testid="goal-card" data-goal-id={goal.id} onClick={() => onOpen(goal.id)}>
      <span className="goal-card__title" dir="auto">
        {goal.title}
      </span>
      <span className="goal-card__meta">
        {goal.area ? <span className="entry-chip">{intl.formatMessage({ id: AREA_LABEL[goal.area] })}</span> : null}
        {goal.madeWithCounselor ? <span className="entry-chip">{intl.formatMessage({ id: 'goals.view.withCounselor' })}</span> : null}
      </span>
      {progress.total > 0 ? (
        <ProgressPicture done={progress.done} total={progress.total} />
      ) : (
        <span className="goal-card__line muted">{intl.formatMessage({ id: 'goals.card.noSteps' })}</span>
      )}
      {next && goal.status === 'active' ? (
        <span className="goal-card__line" dir="auto">
          {intl.formatMessage({ id: 'goals.card.next' }, { step: next.text })}
        </span>
      ) : null}
    </button>
  );
}

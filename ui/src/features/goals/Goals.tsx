import { useEffect, useLayoutEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import * as api from '../../api';
import type { Goal, Proposal } from '../../api';
import { Button } from '../../components/Button';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useApp } from '../../app/AppContext';
import type { MessageId } from '../../i18n';
import type { Intent } from '../shell/navigation';
import { GoalCheckin } from './GoalCheckin';
import { GoalEditor } from './GoalEditor';
import { GoalView, type ViewNotice } from './GoalView';
import { GoalsList } from './GoalsList';
import type { SaveGoal } from './saver';
import { counselorWordsOf, goalToForm, proposalToForm, stepRow } from './model';
import './goals.css';

type View =
  | { mode: 'list'; notice?: MessageId }
  | { mode: 'new' }
  | { mode: 'edit'; goal: Goal }
  | { mode: 'view'; id: number; notice?: ViewNotice; visit: number }
  | { mode: 'checkin'; goal: Goal }
  | { mode: 'proposal'; proposal: Proposal };

function initialView(intent: Intent | undefined): View {
  if (intent?.kind === 'goal') return { mode: 'view', id: intent.id, visit: 0 };
  return { mode: 'list' };
}

/**
 * The goals area: the list, a new goal, changing one, one goal, a check-in on it, and taking a
 * counselor's idea in the person's own words. A tiny state router, like the journal's.
 */
export function Goals({ intent }: { intent?: Intent }) {
  const [view, setView] = useState<View>(() => initialView(intent));
  const open = (id: number, notice?: ViewNotice) => setView((v) => ({ mode: 'view', id, notice, visit: v.mode === 'view' ? v.visit + 1 : 0 }));
  const home = (notice?: MessageId) => setView({ mode: 'list', notice });
  // Each view starts at its top (the window keeps its scroll between views otherwise).
  useLayoutEffect(() => {
    (document.scrollingElement ?? document.documentElement).scrollTop = 0;
  }, [view]);

  switch (view.mode) {
    case 'new':
      return (
        <GoalEditor
          goal={null}
          heading="goals.editor.newTitle"
          onSaved={(goal) => open(goal.id, { message: 'goals.editor.created' })}
          onCancel={() => home()}
        />
      );
    case 'edit':
      return (
        <GoalEditor
          goal={view.goal}
          initial={goalToForm(view.goal)}
          counselorWords={view.goal.counselorWords}
          heading="goals.editor.editTitle"
          onSaved={(goal) => open(goal.id, { message: 'goals.editor.saved' })}
          onCancel={() => open(view.goal.id)}
        />
      );
    case 'view':
      return (
        <GoalView
          key={view.visit}
          id={view.id}
          notice={view.notice}
          onBack={() => home()}
          onEdit={(goal) => setView({ mode: 'edit', goal })}
          onCheckin={(goal) => setView({ mode: 'checkin', goal })}
          onDeleted={() => home('goals.view.deleted')}
        />
      );
    case 'checkin':
      return (
        <GoalCheckin
          goal={view.goal}
          onCancel={() => open(view.goal.id)}
          onSaved={({ goal, hard, addedStep, stepProblem }) =>
            open(goal.id, {
              message: stepProblem ? 'goals.checkin.savedStepProblem' : addedStep ? 'goals.checkin.savedWithStep' : 'goals.checkin.saved',
              hard,
            })
          }
        />
      );
    case 'proposal':
      return <ProposalEditor proposal={view.proposal} onSaved={(goal) => open(goal.id, { message: 'goals.proposal.changedDone' })} onCancel={() => home()} />;
    default:
      return (
        <GoalsList
          notice={view.notice}
          onNew={() => setView({ mode: 'new' })}
          onOpen={(id) => open(id)}
          onChangeProposal={(proposal) => setView({ mode: 'proposal', proposal })}
        />
      );
  }
}

type Target = { state: 'loading' } | { state: 'problem' } | { state: 'ready'; goal: Goal | null };

/**
 * "Change it first": the goal editor filled with the counselor's idea, their words shown beside
 * it. An idea about one of the person's goals opens that goal with the suggested steps added; an
 * idea about a goal that was deleted is offered as a new goal. Saving answers the suggestion.
 */
function ProposalEditor({ proposal, onSaved, onCancel }: { proposal: Proposal; onSaved: (goal: Goal) => void; onCancel: () => void }) {
  const intl = useIntl();
  const { lockNow } = useApp();
  const aboutId = proposal.forGoalId !== null && !proposal.forGoalMissing ? proposal.forGoalId : null;
  const [target, setTarget] = useState<Target>(aboutId === null ? { state: 'ready', goal: null } : { state: 'loading' });

  useEffect(() => {
    if (aboutId === null) return;
    let current = true;
    api.getGoal(aboutId).then(
      (detail) => current && setTarget({ state: 'ready', goal: detail.goal }),
      (error: unknown) => {
        if (!current) return;
        if (api.isCommandFailure(error) && error.code === 'locked') lockNow();
        // Gone since the list was shown: offered as a new goal, as the backend would.
        else if (api.isCommandFailure(error) && error.code === 'not_found') setTarget({ state: 'ready', goal: null });
        else setTarget({ state: 'problem' });
      },
    );
    return () => {
      current = false;
    };
  }, [aboutId, lockNow]);

  if (target.state === 'loading') return <div className="goal-editor" aria-busy="true" />;
  if (target.state === 'problem') {
    return (
      <div className="goal-editor" data-testid="goal-editor">
        <ScreenHeading>{intl.formatMessage({ id: 'goals.editor.fromProposalTitle' })}</ScreenHeading>
        <p className="note note--notice" role="status">
          {intl.formatMessage({ id: 'goals.view.loadProblem' })}
        </p>
        <Button variant="secondary" onPress={onCancel}>
          {intl.formatMessage({ id: 'goals.view.back' })}
        </Button>
      </div>
    );
  }

  const goal = target.goal;
  const added = proposal.steps.length > 0 ? proposal.steps : [proposal.title];
  const initial = goal
    ? (() => {
        const form = goalToForm(goal);
        return { ...form, steps: [...form.steps, ...added.map((text) => stepRow(text))] };
      })()
    : proposalToForm(proposal);
  const firstSave: SaveGoal = async (draft) => {
    const outcome = await api.decideProposal(proposal.id, { kind: 'change', goal: draft, promptText: null });
    if (!outcome.goal) throw new api.CommandFailure({ code: 'internal', message: 'no goal in the outcome', attemptsLeft: null });
    return outcome.goal;
  };
  return (
    <GoalEditor
      goal={goal}
      initial={initial}
      counselorWords={counselorWordsOf(proposal)}
      firstSave={firstSave}
      heading="goals.editor.fromProposalTitle"
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}

import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { Check, Clock, PenLine } from 'lucide-react';
import type { Goal, Proposal, ProposalDecision, ProposalOutcome, ProposalStatus } from '../../api';
import { Button } from '../../components/Button';
import { TextField } from '../../components/TextField';
import type { MessageId } from '../../i18n';
import { formatDay } from '../journal/format';
import { Collapsible } from './Collapsible';
import { CounselorQuote } from './CounselorWords';
import { counselorWordsOf, LIMITS } from './model';

export type ProposalsProps = {
  proposals: readonly Proposal[];
  goals: readonly Goal[];
  /** Sends the person's answer; resolves once it is stored (or rejects). */
  decide: (proposal: Proposal, decision: ProposalDecision) => Promise<void>;
  /** "Change it first" for a goal idea: opens the goal editor with it. */
  onChange: (proposal: Proposal) => void;
};

/**
 * Ideas from the counselor, grouped by who sent them: each one quoted in their words, set
 * apart from the person's own, with three answers — take it, change it first, not now.
 */
export function PendingProposals({ proposals, goals, decide, onChange }: ProposalsProps) {
  const intl = useIntl();
  const ids = useId();
  const pending = proposals.filter((p) => p.status === 'pending');
  if (pending.length === 0) return null;
  const senders = [...new Set(pending.map((p) => p.fromName))];
  return (
    <>
      {senders.map((name, i) => (
        <section key={name} className="proposals" aria-labelledby={`${ids}-${i}`} data-testid="proposals">
          <h2 id={`${ids}-${i}`}>
            {name
              ? intl.formatMessage({ id: 'goals.proposals.title' }, { name })
              : intl.formatMessage({ id: 'goals.proposals.titleNoName' })}
          </h2>
          <p className="muted">{intl.formatMessage({ id: 'goals.proposals.lead' })}</p>
          <ul className="proposals__list">
            {pending
              .filter((p) => p.fromName === name)
              .map((proposal) => (
                <li key={proposal.id}>
                  <ProposalCard proposal={proposal} goals={goals} decide={decide} onChange={onChange} />
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function ProposalCard({
  proposal,
  goals,
  decide,
  onChange,
}: {
  proposal: Proposal;
  goals: readonly Goal[];
  decide: ProposalsProps['decide'];
  onChange: ProposalsProps['onChange'];
}) {
  const intl = useIntl();
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const [promptText, setPromptText] = useState(proposal.title);
  const [promptProblem, setPromptProblem] = useState<MessageId | null>(null);
  const isPrompt = proposal.kind === 'prompt';
  const about = proposal.forGoalId !== null && !proposal.forGoalMissing ? goals.find((g) => g.id === proposal.forGoalId) : undefined;

  const answer = async (decision: ProposalDecision) => {
    setBusy(true);
    try {
      await decide(proposal, decision);
    } finally {
      setBusy(false);
    }
  };

  const savePrompt = () => {
    const text = promptText.trim();
    if (text === '') return setPromptProblem('goals.proposal.promptEmpty');
    if ([...text].length > LIMITS.promptChars) return setPromptProblem('goals.proposal.promptTooLong');
    setPromptProblem(null);
    void answer({ kind: 'change', goal: null, promptText: text });
  };

  return (
    <article
      className="proposal card"
      data-testid="proposal"
      data-proposal-id={proposal.id}
      aria-label={intl.formatMessage({ id: isPrompt ? 'goals.proposal.labelPrompt' : 'goals.proposal.labelGoal' }, { title: proposal.title })}
    >
      <p className="proposal__kind muted">
        {intl.formatMessage({ id: isPrompt ? 'goals.proposal.kindPrompt' : 'goals.proposal.kindGoal' })}
        {' · '}
        {intl.formatMessage({ id: 'goals.proposal.received' }, { date: formatDay(intl, proposal.receivedAt.slice(0, 10)) })}
      </p>
      {about ? (
        <p className="proposal__about">{intl.formatMessage({ id: 'goals.proposal.about' }, { goal: about.title })}</p>
      ) : null}
      {proposal.forGoalMissing ? (
        <p className="note note--info proposal__missing" data-testid="proposal-goal-missing">
          {intl.formatMessage({ id: 'goals.proposal.goalMissing' })}
        </p>
      ) : null}
      <CounselorQuote words={counselorWordsOf(proposal)} testId="proposal-counselor-words" />
      {editing ? (
        <div className="proposal__edit">
          <TextField
            label={intl.formatMessage({ id: 'goals.proposal.promptLabel' })}
            value={promptText}
            onChange={setPromptText}
            errorMessage={promptProblem ? intl.formatMessage({ id: promptProblem }, { max: LIMITS.promptChars }) : undefined}
            focusOnMount
            testId="proposal-prompt-text"
          />
          <div className="actions">
            <Button variant="primary" isDisabled={busy} onPress={savePrompt} data-testid="proposal-prompt-save">
              {intl.formatMessage({ id: 'goals.proposal.promptSave' })}
            </Button>
            <Button variant="secondary" onPress={() => setEditing(false)}>
              {intl.formatMessage({ id: 'goals.proposal.promptCancel' })}
            </Button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <Button
            variant="primary"
            icon={<Check size={18} />}
            isDisabled={busy}
            onPress={() => void answer({ kind: 'accept' })}
            data-testid="proposal-accept"
          >
            {intl.formatMessage({ id: isPrompt ? 'goals.proposal.acceptPrompt' : about ? 'goals.proposal.acceptSteps' : 'goals.proposal.accept' })}
          </Button>
          <Button
            variant="secondary"
            icon={<PenLine size={18} />}
            isDisabled={busy}
            onPress={() => (isPrompt ? setEditing(true) : onChange(proposal))}
            data-testid="proposal-change"
          >
            {intl.formatMessage({ id: 'goals.proposal.change' })}
          </Button>
          <Button
            variant="quiet"
            icon={<Clock size={18} />}
            isDisabled={busy}
            onPress={() => void answer({ kind: 'not_now' })}
            data-testid="proposal-not-now"
          >
            {intl.formatMessage({ id: 'goals.proposal.notNow' })}
          </Button>
        </div>
      )}
    </article>
  );
}

const DECIDED: Record<Exclude<ProposalStatus, 'pending'>, MessageId> = {
  accepted: 'goals.past.accepted',
  changed: 'goals.past.changed',
  declined: 'goals.past.declined',
};

/** Suggestions already answered, folded away: what they said and what the person chose. */
export function PastProposals({ proposals }: { proposals: readonly Proposal[] }) {
  const intl = useIntl();
  const past = proposals.filter((p) => p.status !== 'pending');
  if (past.length === 0) return null;
  return (
    <Collapsible
      title={intl.formatMessage({ id: 'goals.past.title' }, { count: past.length })}
      className="past-proposals"
      testId="goals-past-suggestions"
    >
      <ul className="proposals__list">
        {past.map((proposal) => (
          <li key={proposal.id} className="past-proposal" data-testid="past-proposal">
            <CounselorQuote words={counselorWordsOf(proposal)} />
            <p className="muted">
              {intl.formatMessage(
                { id: DECIDED[proposal.status as Exclude<ProposalStatus, 'pending'>] },
                { date: proposal.decidedAt ? formatDay(intl, proposal.decidedAt.slice(0, 10)) : '' },
              )}
            </p>
          </li>
        ))}
      </ul>
    </Collapsible>
  );
}

/** What to say once an answer is stored. */
export function decidedMessage(proposal: Proposal, decision: ProposalDecision, outcome: ProposalOutcome): { id: MessageId; values: Record<string, string> } {
  if (decision.kind === 'not_now') return { id: 'goals.proposal.notNowDone', values: {} };
  if (proposal.kind === 'prompt') return { id: 'goals.proposal.promptAdded', values: {} };
  const title = outcome.goal?.title ?? proposal.title;
  if (proposal.forGoalId !== null && !proposal.forGoalMissing) return { id: 'goals.proposal.stepsAdded', values: { goal: title } };
  return { id: 'goals.proposal.goalAdded', values: { goal: title } };
}

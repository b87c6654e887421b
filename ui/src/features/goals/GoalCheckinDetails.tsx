import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Target } from 'lucide-react';
import * as api from '../../api';
import type { GoalCheckinPart } from '../../api';
import { Button } from '../../components/Button';
import { useNavigate } from '../shell/navigation';
import './goals.css';

type GoalTitle = { state: 'loading' } | { state: 'gone' } | { state: 'unknown' } | { state: 'ready'; title: string };

/**
 * In the journal's entry view, for a goal check-in: which goal it was about, as a link to it (or
 * a plain line when that goal has since been deleted).
 */
export function GoalCheckinLink({ part }: { part: GoalCheckinPart }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const [goal, setGoal] = useState<GoalTitle>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    api.getGoal(part.goalId).then(
      (detail) => current && setGoal({ state: 'ready', title: detail.goal.title }),
      (error: unknown) =>
        current && setGoal({ state: api.isCommandFailure(error) && error.code === 'not_found' ? 'gone' : 'unknown' }),
    );
    return () => {
      current = false;
    };
  }, [part.goalId]);

  if (goal.state === 'loading') return <p className="goal-link" aria-busy="true" />;
  if (goal.state === 'gone') {
    return (
      <p className="goal-link muted" data-testid="entry-goal-gone">
        {intl.formatMessage({ id: 'goals.entry.goalGone' })}
      </p>
    );
  }
  return (
    <p className="goal-link">
      <Button
        variant="quiet"
        icon={<Target size={16} />}
        onPress={() => navigate('goals', { kind: 'goal', id: part.goalId })}
        data-testid="entry-goal-link"
      >
        {goal.state === 'ready'
          ? intl.formatMessage({ id: 'goals.entry.openGoal' }, { goal: goal.title })
          : intl.formatMessage({ id: 'goals.entry.openGoalUnnamed' })}
      </Button>
    </p>
  );
}

/** In the journal's entry view, for a goal check-in: what got in the way and the next step. */
export function GoalCheckinTexts({ part }: { part: GoalCheckinPart }) {
  const intl = useIntl();
  if (!part.inTheWay?.trim() && !part.nextStep?.trim()) return null;
  return (
    <dl className="checkin-details" data-testid="entry-goal-details">
      {part.inTheWay?.trim() ? (
        <>
          <dt>{intl.formatMessage({ id: 'goals.entry.inTheWay' })}</dt>
          <dd dir="auto" className="checkin-details__text" data-testid="entry-goal-in-the-way">
            {part.inTheWay}
          </dd>
        </>
      ) : null}
      {part.nextStep?.trim() ? (
        <>
          <dt>{intl.formatMessage({ id: 'goals.entry.nextStep' })}</dt>
          <dd dir="auto" className="checkin-details__text" data-testid="entry-goal-next-step">
            {part.nextStep}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Target } from 'lucide-react';
import * as api from '../../api';
import type { Goal } from '../../api';
import { Button } from '../../components/Button';
import { useNavigate } from '../shell/navigation';
import { nextStepOf } from './model';
import './goals.css';

/**
 * One quiet line for Today: the next step of the goal worked on most recently, as a way into it.
 * Nothing at all when there is no active goal with a step to do (and nothing if goals can't be
 * read just now: Today stays calm).
 */
export function NextStepLine() {
  const intl = useIntl();
  const navigate = useNavigate();
  const [goal, setGoal] = useState<Goal | null>(null);
  useEffect(() => {
    let current = true;
    api.listGoals().then(
      (goals) => {
        if (!current) return;
        const active = goals.filter((g) => g.status === 'active' && nextStepOf(g) !== null);
        active.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
        setGoal(active[0] ?? null);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  const next = goal ? nextStepOf(goal) : null;
  if (!goal || !next) return null;
  return (
    <p className="next-step-line" data-testid="today-next-step">
      <Target size={18} aria-hidden="true" className="next-step-line__icon" />
      <span dir="auto">{intl.formatMessage({ id: 'goals.today.next' }, { goal: goal.title, step: next.text })}</span>{' '}
      <Button variant="quiet" onPress={() => navigate('goals', { kind: 'goal', id: goal.id })} data-testid="today-next-step-open">
        {intl.formatMessage({ id: 'goals.today.open' })}
      </Button>
    </p>
  );
}

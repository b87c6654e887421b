import { useIntl } from 'react-intl';
import { ToggleButton } from 'react-aria-components';
import type { GoalReminder } from '../../api';
import { Switch } from '../../components/Switch';
import { DEFAULT_REMINDER_TIME, WEEKDAYS, weekdayDate } from './model';
import { TimeInput } from './TimeInput';

/** A goal's own reminder: off, or on some weekdays (none chosen = every day) at a time. */
export function ReminderFields({
  value,
  onChange,
}: {
  value: GoalReminder | null;
  onChange: (value: GoalReminder | null) => void;
}) {
  const intl = useIntl();
  const toggleDay = (day: number) => {
    if (!value) return;
    const weekdays = value.weekdays.includes(day) ? value.weekdays.filter((d) => d !== day) : [...value.weekdays, day];
    onChange({ ...value, weekdays: weekdays.sort((a, b) => a - b) });
  };
  return (
    <div className="goal-reminder">
      <Switch
        isSelected={value !== null}
        onChange={(on) => onChange(on ? { weekdays: [], time: DEFAULT_REMINDER_TIME } : null)}
        testId="goal-reminder"
      >
        {intl.formatMessage({ id: 'goals.reminder.switch' })}
      </Switch>
      <p className="muted goal-reminder__privacy">{intl.formatMessage({ id: 'goals.reminder.privacy' })}</p>
      {value ? (
        <div className="goal-reminder__fields">
          <div role="group" aria-label={intl.formatMessage({ id: 'goals.reminder.days' })} className="goal-reminder__days">
            <p className="field__label" aria-hidden="true">
              {intl.formatMessage({ id: 'goals.reminder.days' })}
            </p>
            <ul className="words">
              {WEEKDAYS.map((day) => (
                <li key={day} className="word">
                  <ToggleButton
                    className="chip"
                    isSelected={value.weekdays.includes(day)}
                    onChange={() => toggleDay(day)}
                    aria-label={intl.formatDate(weekdayDate(day), { weekday: 'long' })}
                    data-testid={`goal-reminder-day-${day}`}
                  >
                    {intl.formatDate(weekdayDate(day), { weekday: 'short' })}
                  </ToggleButton>
                </li>
              ))}
            </ul>
            <p className="field__description">
              {intl.formatMessage({ id: value.weekdays.length === 0 ? 'goals.reminder.everyDay' : 'goals.reminder.someDays' })}
            </p>
          </div>
          <TimeInput
            label={intl.formatMessage({ id: 'goals.reminder.time' })}
            value={value.time}
            onChange={(time) => onChange({ ...value, time: time ?? value.time })}
            testId="goal-reminder-time"
          />
        </div>
      ) : null}
    </div>
  );
}

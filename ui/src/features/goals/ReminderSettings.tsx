import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import * as api from '../../api';
import type { ReminderSettings as Settings } from '../../api';
import { Button } from '../../components/Button';
import { LiveRegion, useAnnouncement } from '../../components/LiveRegion';
import { Switch } from '../../components/Switch';
import { useApp } from '../../app/AppContext';
import { Collapsible } from './Collapsible';
import { DEFAULT_REMINDER_TIME } from './model';
import { TimeInput } from './TimeInput';

const DEFAULT_QUIET_FROM = '21:30';
const DEFAULT_QUIET_TO = '07:30';

/**
 * Reminders for the whole app: a daily check-in reminder and quiet hours. Notifications never
 * carry what the person wrote; the section says so plainly.
 */
export function ReminderSettingsSection() {
  const intl = useIntl();
  return (
    <Collapsible title={intl.formatMessage({ id: 'goals.reminders.title' })} className="reminder-settings" testId="goals-reminders">
      <ReminderSettingsForm />
    </Collapsible>
  );
}

function ReminderSettingsForm() {
  const intl = useIntl();
  const { lockNow } = useApp();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadProblem, setLoadProblem] = useState(false);
  const [saving, setSaving] = useState(false);
  const { announcement, announce } = useAnnouncement();

  useEffect(() => {
    let current = true;
    api.getReminderSettings().then(
      (loaded) => current && setSettings(loaded),
      (error: unknown) => {
        if (!current) return;
        if (api.isCommandFailure(error) && error.code === 'locked') lockNow();
        else setLoadProblem(true);
      },
    );
    return () => {
      current = false;
    };
  }, [lockNow]);

  if (loadProblem) {
    return (
      <p className="note note--notice" role="status">
        {intl.formatMessage({ id: 'goals.reminders.loadProblem' })}
      </p>
    );
  }
  if (!settings) return <div aria-busy="true" />;

  const quiet = settings.quietFrom !== null && settings.quietTo !== null;
  const save = async () => {
    if (quiet && settings.quietFrom === settings.quietTo) {
      announce(intl.formatMessage({ id: 'goals.reminders.quietSame' }));
      return;
    }
    setSaving(true);
    try {
      const stored = await api.saveReminderSettings(settings);
      setSettings(stored);
      announce(intl.formatMessage({ id: 'goals.reminders.saved' }), 'info');
    } catch (error) {
      if (api.isCommandFailure(error) && error.code === 'locked') {
        lockNow();
        return;
      }
      announce(intl.formatMessage({ id: 'goals.reminders.saveProblem' }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="reminder-settings__form">
      <p className="reminder-settings__privacy" data-testid="reminders-privacy">
        {intl.formatMessage({ id: 'goals.reminders.privacy' })}
      </p>
      <div className="reminder-settings__group">
        <Switch
          isSelected={settings.dailyCheckin !== null}
          onChange={(on) => setSettings({ ...settings, dailyCheckin: on ? DEFAULT_REMINDER_TIME : null })}
          testId="reminders-daily"
        >
          {intl.formatMessage({ id: 'goals.reminders.daily' })}
        </Switch>
        {settings.dailyCheckin !== null ? (
          <TimeInput
            label={intl.formatMessage({ id: 'goals.reminders.dailyTime' })}
            value={settings.dailyCheckin}
            onChange={(time) => setSettings({ ...settings, dailyCheckin: time ?? settings.dailyCheckin })}
            testId="reminders-daily-time"
          />
        ) : null}
      </div>
      <div className="reminder-settings__group">
        <Switch
          isSelected={quiet}
          onChange={(on) =>
            setSettings({
              ...settings,
              quietFrom: on ? DEFAULT_QUIET_FROM : null,
              quietTo: on ? DEFAULT_QUIET_TO : null,
            })
          }
          testId="reminders-quiet"
        >
          {intl.formatMessage({ id: 'goals.reminders.quiet' })}
        </Switch>
        <p className="muted">{intl.formatMessage({ id: 'goals.reminders.quietHint' })}</p>
        {quiet ? (
          <div className="reminder-settings__times">
            <TimeInput
              label={intl.formatMessage({ id: 'goals.reminders.quietFrom' })}
              value={settings.quietFrom}
              onChange={(time) => setSettings({ ...settings, quietFrom: time ?? settings.quietFrom })}
              testId="reminders-quiet-from"
            />
            <TimeInput
              label={intl.formatMessage({ id: 'goals.reminders.quietTo' })}
              value={settings.quietTo}
              onChange={(time) => setSettings({ ...settings, quietTo: time ?? settings.quietTo })}
              testId="reminders-quiet-to"
            />
          </div>
        ) : null}
      </div>
      <LiveRegion announcement={announcement} testId="reminders-status" />
      <div className="actions">
        <Button variant="primary" isDisabled={saving} onPress={() => void save()} data-testid="reminders-save">
          {intl.formatMessage({ id: 'goals.reminders.save' })}
        </Button>
      </div>
    </div>
  );
}

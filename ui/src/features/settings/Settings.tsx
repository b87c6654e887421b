import { useState, type FormEvent, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import * as api from '../../api';
import type { Accent, Prefs, Theme } from '../../api';
import { useApp } from '../../app/AppContext';
import { Button } from '../../components/Button';
import { LiveRegion, useAnnouncement } from '../../components/LiveRegion';
import { NewPassphraseFields, checkNewPassphrase } from '../../components/NewPassphraseFields';
import { PassphraseField } from '../../components/PassphraseField';
import { ScreenHeading } from '../../components/ScreenHeading';
import { Select, type SelectOption } from '../../components/Select';
import { Switch } from '../../components/Switch';
import { TextField } from '../../components/TextField';
import { errorMessageId } from '../../i18n/errors';
import { ACCENTS, TEXT_SCALES, THEME_CHOICES } from '../../theme/appearance';
import { Backups } from '../backup/Backups';
import { BackupsSection } from '../backup/BackupsSection';
import { ProfileEditor } from '../identity/ProfileEditor';
import { PinForm } from '../lock/PinForm';
import { useKeychainStatus } from '../lock/useKeychainStatus';
import { useProfile } from '../shell/ProfileContext';
import { ShortcutsList } from '../shell/shortcuts';

const AUTO_LOCK_CHOICES: readonly number[] = [0, 1, 5, 15, 30, 60];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="settings__section" aria-labelledby={`settings-${id}-heading`}>
      <h2 id={`settings-${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

export function Settings() {
  const intl = useIntl();
  // Backups, restore and export open as their own screen, in place of the settings list.
  const [backups, setBackups] = useState<'closed' | 'open' | 'returned'>('closed');
  if (backups === 'open') return <Backups onBack={() => setBackups('returned')} />;
  return (
    <div className="settings">
      <ScreenHeading>{intl.formatMessage({ id: 'settings.title' })}</ScreenHeading>
      <PrefsSections />
      <PrivacySection />
      <ProfileSection />
      <PassphraseSection />
      <PinSection />
      <BackupsSection onOpen={() => setBackups('open')} focusOnMount={backups === 'returned'} />
      <Section id="shortcuts" title={intl.formatMessage({ id: 'settings.shortcuts' })}>
        <ShortcutsList testId="settings-shortcuts" />
        <p className="muted">{intl.formatMessage({ id: 'shortcuts.hint' })}</p>
      </Section>
    </div>
  );
}

/** Appearance, language and locking: saved with save_prefs and applied at once. */
function PrefsSections() {
  const intl = useIntl();
  const { status, updatePrefs } = useApp();
  const { announcement, announce } = useAnnouncement();
  const prefs = status.prefs;
  const save = (patch: Partial<Prefs>) => {
    updatePrefs(patch).catch(() => announce(intl.formatMessage({ id: 'settings.saveFailed' })));
  };

  const themeOptions: SelectOption<Theme>[] = THEME_CHOICES.map((theme) => ({
    id: theme,
    label: intl.formatMessage({ id: `settings.theme.${theme}` }),
  }));
  const accentOptions: SelectOption<Accent>[] = ACCENTS.map((accent) => ({
    id: accent,
    label: intl.formatMessage({ id: `settings.accent.${accent}` }),
  }));
  const scales = TEXT_SCALES.includes(prefs.textScale) ? TEXT_SCALES : [...TEXT_SCALES, prefs.textScale].sort((a, b) => a - b);
  const scaleOptions: SelectOption<string>[] = scales.map((scale) => ({
    id: String(scale),
    label: intl.formatMessage({ id: 'settings.textSize.option' }, { percent: scale }),
  }));
  const minutes = AUTO_LOCK_CHOICES.includes(prefs.autoLockMinutes)
    ? AUTO_LOCK_CHOICES
    : [...AUTO_LOCK_CHOICES, prefs.autoLockMinutes].sort((a, b) => a - b);
  const autoLockOptions: SelectOption<string>[] = minutes.map((m) => ({
    id: String(m),
    label:
      m === 0
        ? intl.formatMessage({ id: 'settings.autolock.never' })
        : intl.formatMessage({ id: 'settings.autolock.after' }, { minutes: m }),
  }));

  return (
    <>
      <Section id="appearance" title={intl.formatMessage({ id: 'settings.appearance' })}>
        <div className="settings__grid">
          <Select
            label={intl.formatMessage({ id: 'settings.theme' })}
            options={themeOptions}
            value={prefs.theme}
            onChange={(theme) => save({ theme })}
            testId="settings-theme"
          />
          <Select
            label={intl.formatMessage({ id: 'settings.accent' })}
            description={prefs.neutralLook ? intl.formatMessage({ id: 'settings.accent.neutralNote' }) : undefined}
            options={accentOptions}
            value={prefs.accent}
            onChange={(accent) => save({ accent })}
            testId="settings-accent"
          />
          <Select
            label={intl.formatMessage({ id: 'settings.textSize' })}
            options={scaleOptions}
            value={String(prefs.textScale)}
            onChange={(scale) => save({ textScale: Number(scale) })}
            testId="settings-text-size"
          />
          <Select
            label={intl.formatMessage({ id: 'settings.language' })}
            options={[
              { id: 'system', label: intl.formatMessage({ id: 'settings.language.system' }) },
              { id: 'en', label: intl.formatMessage({ id: 'settings.language.en' }) },
              { id: 'es', label: intl.formatMessage({ id: 'settings.language.es' }) },
            ]}
            value={prefs.language ?? 'system'}
            onChange={(language) => save({ language: language === 'system' ? null : language })}
            testId="settings-language"
          />
        </div>
      </Section>
      <Section id="locking" title={intl.formatMessage({ id: 'settings.locking' })}>
        <Select
          label={intl.formatMessage({ id: 'settings.autolock' })}
          description={intl.formatMessage({ id: 'settings.autolock.help' })}
          options={autoLockOptions}
          value={String(prefs.autoLockMinutes)}
          onChange={(value) => save({ autoLockMinutes: Number(value) })}
          testId="settings-autolock"
        />
      </Section>
      <LiveRegion announcement={announcement} testId="settings-prefs-message" />
    </>
  );
}

/** Longest name the app can be given (src-tauri/prefs.rs). */
const DISPLAY_NAME_MAX = 40;

/**
 * Discretion on a shared computer: another name for the app, and a plain grey look. Both are
 * only about what someone glancing at the screen sees; encryption and locking don't change.
 */
function PrivacySection() {
  const intl = useIntl();
  const { status, updatePrefs } = useApp();
  const [name, setName] = useState(status.prefs.displayName ?? '');
  const [busy, setBusy] = useState(false);
  const { announcement, announce } = useAnnouncement();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    const displayName = trimmed === '' ? null : trimmed;
    setBusy(true);
    try {
      await updatePrefs({ displayName });
      setName(trimmed);
      announce(
        displayName
          ? intl.formatMessage({ id: 'settings.displayName.saved' }, { name: displayName })
          : intl.formatMessage({ id: 'settings.displayName.cleared' }),
        'info',
      );
    } catch {
      announce(intl.formatMessage({ id: 'settings.saveFailed' }));
    } finally {
      setBusy(false);
    }
  };

  const setNeutralLook = (neutralLook: boolean) => {
    updatePrefs({ neutralLook }).catch(() => announce(intl.formatMessage({ id: 'settings.saveFailed' })));
  };

  return (
    <Section id="privacy" title={intl.formatMessage({ id: 'settings.privacy' })}>
      <form className="stack" onSubmit={submit} noValidate>
        <TextField
          label={intl.formatMessage({ id: 'settings.displayName' })}
          description={intl.formatMessage({ id: 'settings.displayName.help' })}
          value={name}
          // Tabs and line breaks can't be part of a window title.
          onChange={(value) => setName(value.replace(/\p{Cc}/gu, ' '))}
          maxLength={DISPLAY_NAME_MAX}
          autoComplete="off"
          spellCheck={false}
          testId="settings-display-name"
        />
        <div className="actions">
          <Button type="submit" variant="secondary" isDisabled={busy} data-testid="settings-display-name-save">
            {intl.formatMessage({ id: 'settings.displayName.save' })}
          </Button>
        </div>
      </form>
      <div className="settings__switch">
        <Switch
          isSelected={status.prefs.neutralLook}
          onChange={setNeutralLook}
          describedBy="settings-neutral-look-help"
          testId="settings-neutral-look"
        >
          {intl.formatMessage({ id: 'settings.neutralLook' })}
        </Switch>
        <p id="settings-neutral-look-help" className="field__description">
          {intl.formatMessage({ id: 'settings.neutralLook.help' })}
        </p>
      </div>
      <LiveRegion announcement={announcement} testId="settings-privacy-message" />
    </Section>
  );
}

function ProfileSection() {
  const intl = useIntl();
  return (
    <Section id="profile" title={intl.formatMessage({ id: 'settings.profile' })}>
      <p className="muted">{intl.formatMessage({ id: 'settings.profile.help' })}</p>
      <ProfileEditor testId="settings-profile" />
    </Section>
  );
}

function PassphraseSection() {
  const intl = useIntl();
  const { profile } = useProfile();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const { announcement, announce } = useAnnouncement();
  const userInputs = profile.name ? [profile.name] : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (current.length === 0) {
      announce(intl.formatMessage({ id: 'passphrase.empty' }));
      return;
    }
    setBusy(true);
    try {
      const problem = await checkNewPassphrase(next, confirmation, userInputs);
      if (problem) {
        announce(intl.formatMessage({ id: problem.id }, problem.values));
        return;
      }
      await api.changePassphrase(current, next);
      setCurrent('');
      setNext('');
      setConfirmation('');
      announce(intl.formatMessage({ id: 'settings.passphrase.changed' }), 'info');
    } catch (error) {
      const { code } = api.normaliseError(error);
      announce(intl.formatMessage({ id: code === 'wrong_secret' ? 'settings.passphrase.wrongCurrent' : errorMessageId(code) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="passphrase" title={intl.formatMessage({ id: 'settings.passphrase' })}>
      <p className="muted">{intl.formatMessage({ id: 'settings.passphrase.help' })}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <PassphraseField
          label={intl.formatMessage({ id: 'settings.passphrase.current' })}
          value={current}
          onChange={setCurrent}
          autoComplete="current-password"
          testId="settings-change-passphrase-current"
        />
        <NewPassphraseFields
          passphrase={next}
          confirmation={confirmation}
          onPassphraseChange={setNext}
          onConfirmationChange={setConfirmation}
          label={intl.formatMessage({ id: 'settings.passphrase.new' })}
          confirmLabel={intl.formatMessage({ id: 'settings.passphrase.confirm' })}
          testId="settings-change-passphrase-new"
          confirmTestId="settings-change-passphrase-confirm"
          userInputs={userInputs}
        />
        <LiveRegion announcement={announcement} testId="settings-change-passphrase-message" />
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={busy} data-testid="settings-change-passphrase-submit">
            {intl.formatMessage({ id: busy ? 'settings.passphrase.working' : 'settings.passphrase.submit' })}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function PinSection() {
  const intl = useIntl();
  const { status, refreshStatus } = useApp();
  const keychain = useKeychainStatus();
  const [busy, setBusy] = useState(false);
  const { announcement, announce } = useAnnouncement();

  const remove = async () => {
    setBusy(true);
    try {
      await api.removePin();
      await refreshStatus();
      announce(intl.formatMessage({ id: 'settings.pin.removed' }), 'info');
    } catch (error) {
      announce(intl.formatMessage({ id: errorMessageId(api.normaliseError(error).code) }));
    } finally {
      setBusy(false);
    }
  };

  let body: ReactNode;
  if (!keychain) {
    body = (
      <p role="status" data-testid="pin-checking">
        {intl.formatMessage({ id: 'pin.checking' })}
      </p>
    );
  } else if (!keychain.available) {
    body = (
      <>
        <p data-testid="pin-unavailable">{intl.formatMessage({ id: 'pin.unavailable' })}</p>
        {keychain.reason ? (
          <p className="muted">{intl.formatMessage({ id: 'pin.unavailableReason' }, { reason: keychain.reason })}</p>
        ) : null}
      </>
    );
  } else if (status.pinEnabled) {
    body = (
      <>
        <p>{intl.formatMessage({ id: 'settings.pin.on' })}</p>
        <div className="actions">
          <Button variant="secondary" onPress={() => void remove()} isDisabled={busy} data-testid="settings-pin-remove">
            {intl.formatMessage({ id: 'settings.pin.remove' })}
          </Button>
        </div>
      </>
    );
  } else {
    body = (
      <>
        <p>{intl.formatMessage({ id: 'settings.pin.off' })}</p>
        <PinForm
          onSaved={() => {
            announce(intl.formatMessage({ id: 'pin.saved' }), 'info');
            void refreshStatus();
          }}
        />
      </>
    );
  }

  return (
    <Section id="pin" title={intl.formatMessage({ id: 'settings.pin' })}>
      {body}
      <LiveRegion announcement={announcement} testId="settings-pin-message" />
    </Section>
  );
}

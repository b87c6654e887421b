import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import * as api from '../../api';
import { useApp } from '../../app/AppContext';
import { Button } from '../../components/Button';
import { LiveRegion, useAnnouncement } from '../../components/LiveRegion';
import { NewPassphraseFields, checkNewPassphrase } from '../../components/NewPassphraseFields';
import { PassphraseField } from '../../components/PassphraseField';
import { ScreenHeading } from '../../components/ScreenHeading';
import { SoloLayout } from '../../components/SoloLayout';
import { TextField } from '../../components/TextField';
import { errorMessageId } from '../../i18n/errors';
import { Help } from '../help/Help';
import { normaliseRecoveryCode } from './recoveryCode';
import './lock.css';

type View = 'unlock' | 'recovery' | 'help';

/**
 * The lock screen. Neutral on purpose: no name, no entry text, nothing from inside the journal.
 * Help is reachable without unlocking.
 */
export function LockScreen({ onUnlocked }: { onUnlocked: () => void }) {
  const intl = useIntl();
  const [view, setView] = useState<View>('unlock');
  const testId = view === 'unlock' ? 'screen-lock' : view === 'recovery' ? 'screen-recovery' : 'screen-help';
  return (
    <SoloLayout testId={testId} onHelp={() => setView('help')} showWordmark={view !== 'unlock'}>
      {view === 'unlock' ? <UnlockView onUnlocked={onUnlocked} onForgot={() => setView('recovery')} /> : null}
      {view === 'recovery' ? <RecoveryView onUnlocked={onUnlocked} onBack={() => setView('unlock')} /> : null}
      {view === 'help' ? (
        <>
          <Help />
          <div className="actions">
            <Button variant="primary" onPress={() => setView('unlock')} data-testid="help-back">
              {intl.formatMessage({ id: 'help.backToUnlock' })}
            </Button>
          </div>
        </>
      ) : null}
    </SoloLayout>
  );
}

function UnlockView({ onUnlocked, onForgot }: { onUnlocked: () => void; onForgot: () => void }) {
  const intl = useIntl();
  const { status, appName, refreshStatus } = useApp();
  const [passphrase, setPassphrase] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState<'passphrase' | 'pin' | null>(null);
  const { announcement, announce } = useAnnouncement();

  const unlockWithPassphrase = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || passphrase.length === 0) return;
    setBusy('passphrase');
    try {
      await api.unlockWithPassphrase(passphrase);
      onUnlocked();
    } catch (error) {
      const { code } = api.normaliseError(error);
      // Keep what was typed: a slip of one letter shouldn't mean typing it all again.
      announce(intl.formatMessage({ id: code === 'wrong_secret' ? 'lock.wrongPassphrase' : errorMessageId(code) }));
    } finally {
      setBusy(null);
    }
  };

  const unlockWithPin = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || pin.length === 0) return;
    setBusy('pin');
    try {
      await api.unlockWithPin(pin);
      onUnlocked();
    } catch (error) {
      const failure = api.normaliseError(error);
      if (failure.code === 'wrong_secret') {
        announce(
          failure.attemptsLeft != null
            ? intl.formatMessage({ id: 'lock.pin.wrong' }, { count: failure.attemptsLeft })
            : intl.formatMessage({ id: 'lock.pin.wrongNoCount' }),
        );
      } else if (failure.code === 'pin_removed') {
        setPin('');
        announce(intl.formatMessage({ id: 'lock.pin.removed' }));
        void refreshStatus();
      } else {
        announce(intl.formatMessage({ id: errorMessageId(failure.code) }));
      }
    } finally {
      setBusy(null);
    }
  };

  const pinEnabled = status.pinEnabled;
  return (
    <>
      <ScreenHeading className="lock__title">{appName}</ScreenHeading>
      <p className="lead">{intl.formatMessage({ id: 'lock.calm' })}</p>

      {pinEnabled ? (
        <section className="card" aria-labelledby="unlock-pin-heading">
          <h2 id="unlock-pin-heading" className="card__title">
            {intl.formatMessage({ id: 'lock.pin.heading' })}
          </h2>
          <form className="stack" onSubmit={unlockWithPin} noValidate>
            <PassphraseField
              label={intl.formatMessage({ id: 'lock.pin.label' })}
              showLabel={intl.formatMessage({ id: 'pin.show' })}
              value={pin}
              onChange={(value) => setPin(value.replace(/\s+/g, ''))}
              inputMode="numeric"
              autoComplete="off"
              maxLength={12}
              testId="unlock-pin"
              inputClassName="field__input--short"
              focusOnMount
            />
            <div className="actions">
              <Button type="submit" variant="primary" isDisabled={busy !== null} data-testid="unlock-pin-submit">
                {intl.formatMessage({ id: busy === 'pin' ? 'lock.working' : 'lock.pin.submit' })}
              </Button>
            </div>
          </form>
        </section>
      ) : null}

      <section className={pinEnabled ? 'card' : 'stack'} aria-labelledby={pinEnabled ? 'unlock-passphrase-heading' : undefined}>
        {pinEnabled ? (
          <h2 id="unlock-passphrase-heading" className="card__title">
            {intl.formatMessage({ id: 'lock.passphrase.heading' })}
          </h2>
        ) : null}
        <form className="stack" onSubmit={unlockWithPassphrase} noValidate>
          <PassphraseField
            label={intl.formatMessage({ id: 'lock.passphrase' })}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="current-password"
            testId="unlock-passphrase"
            focusOnMount={!pinEnabled}
          />
          <div className="actions">
            <Button type="submit" variant="primary" isDisabled={busy !== null} data-testid="unlock-submit">
              {intl.formatMessage({ id: busy === 'passphrase' ? 'lock.working' : 'lock.submit' })}
            </Button>
          </div>
        </form>
      </section>

      <LiveRegion announcement={announcement} testId="unlock-message" />

      <p>
        <Button variant="quiet" onPress={onForgot} data-testid="unlock-forgot">
          {intl.formatMessage({ id: 'lock.forgot' })}
        </Button>
      </p>
    </>
  );
}

function RecoveryView({ onUnlocked, onBack }: { onUnlocked: () => void; onBack: () => void }) {
  const intl = useIntl();
  const [code, setCode] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const { announcement, announce } = useAnnouncement();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const tidyCode = normaliseRecoveryCode(code);
    if (!tidyCode) {
      announce(intl.formatMessage({ id: 'recovery.emptyCode' }));
      return;
    }
    setBusy(true);
    try {
      const problem = await checkNewPassphrase(passphrase, confirmation);
      if (problem) {
        announce(intl.formatMessage({ id: problem.id }, problem.values));
        return;
      }
      await api.resetPassphraseWithRecoveryCode(tidyCode, passphrase);
      onUnlocked();
    } catch (error) {
      const { code: errorCode } = api.normaliseError(error);
      announce(
        intl.formatMessage({
          id: errorCode === 'wrong_secret' || errorCode === 'invalid_input' ? 'recovery.wrong' : errorMessageId(errorCode),
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ScreenHeading>{intl.formatMessage({ id: 'recovery.title' })}</ScreenHeading>
      <p className="lead">{intl.formatMessage({ id: 'recovery.intro' })}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <TextField
          label={intl.formatMessage({ id: 'recovery.code' })}
          description={intl.formatMessage({ id: 'recovery.code.help' })}
          value={code}
          onChange={setCode}
          autoComplete="off"
          spellCheck={false}
          inputClassName="field__input--code"
          testId="recovery-code-input"
        />
        <NewPassphraseFields
          passphrase={passphrase}
          confirmation={confirmation}
          onPassphraseChange={setPassphrase}
          onConfirmationChange={setConfirmation}
          label={intl.formatMessage({ id: 'recovery.new' })}
          confirmLabel={intl.formatMessage({ id: 'recovery.confirm' })}
          testId="new-passphrase"
          confirmTestId="new-passphrase-confirm"
        />
        <LiveRegion announcement={announcement} testId="recovery-message" />
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={busy} data-testid="recovery-reset-submit">
            {intl.formatMessage({ id: busy ? 'recovery.working' : 'recovery.submit' })}
          </Button>
          <Button variant="quiet" onPress={onBack} data-testid="recovery-back">
            {intl.formatMessage({ id: 'recovery.back' })}
          </Button>
        </div>
      </form>
    </>
  );
}

import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { BookHeart, HeartHandshake, Printer } from 'lucide-react';
import * as api from '../../api';
import type { Mode, PronounSet } from '../../api';
import { useApp } from '../../app/AppContext';
import { Button } from '../../components/Button';
import { LiveRegion, useAnnouncement } from '../../components/LiveRegion';
import { NewPassphraseFields, checkNewPassphrase } from '../../components/NewPassphraseFields';
import { ScreenHeading } from '../../components/ScreenHeading';
import { Select } from '../../components/Select';
import { SoloLayout } from '../../components/SoloLayout';
import { TextField } from '../../components/TextField';
import { errorMessageId } from '../../i18n/errors';
import { FirstRunRestore } from '../backup/FirstRunRestore';
import { Help } from '../help/Help';
import { personFrom } from '../identity/grammar';
import { PronounPicker } from '../identity/PronounPicker';
import { SentencePreview } from '../identity/SentenceCard';
import { PinForm } from '../lock/PinForm';
import { useKeychainStatus } from '../lock/useKeychainStatus';
import { normaliseRecoveryCode, recoveryCodeGroups } from '../lock/recoveryCode';
import { useLockTriggers } from '../shell/useLockTriggers';
import './onboarding.css';

type Step = 'welcome' | 'mode' | 'about' | 'passphrase' | 'recovery' | 'confirm' | 'pin';
const STEPS: readonly Step[] = ['welcome', 'mode', 'about', 'passphrase', 'recovery', 'confirm', 'pin'];

/**
 * First run: welcome → who it's for → name & pronouns → passphrase (create_vault) → recovery
 * code shown once → typed back → optional PIN → into the app. Every question but the
 * passphrase can be skipped.
 */
export function Onboarding({ onComplete, onLock }: { onComplete: (mode: Mode) => void; onLock: () => void }) {
  const intl = useIntl();
  const { status } = useApp();
  const [step, setStep] = useState<Step>('welcome');
  const [showHelp, setShowHelp] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [mode, setMode] = useState<Mode>('client');
  const [name, setName] = useState('');
  const [pronouns, setPronouns] = useState<PronounSet | null>(null);
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);

  // Once the vault exists it is unlocked, so the lock shortcuts and auto-lock apply here too.
  useLockTriggers({ enabled: recoveryCode !== null, autoLockMinutes: status.prefs.autoLockMinutes, onLock });

  const stepNumber = STEPS.indexOf(step) + 1;
  const progress = intl.formatMessage({ id: 'onboarding.progress' }, { step: stepNumber, total: STEPS.length });
  const testId = step === 'welcome' ? 'onboarding-welcome' : `onboarding-step-${step}`;

  if (showHelp) {
    return (
      <SoloLayout testId="screen-help" onHelp={() => setShowHelp(true)}>
        <Help />
        <div className="actions">
          <Button variant="primary" onPress={() => setShowHelp(false)} data-testid="help-back">
            {intl.formatMessage({ id: 'help.backToSetup' })}
          </Button>
        </div>
      </SoloLayout>
    );
  }

  if (restoring) {
    return (
      <SoloLayout testId="onboarding-restore-flow" onHelp={() => setShowHelp(true)}>
        <FirstRunRestore onCancel={() => setRestoring(false)} />
      </SoloLayout>
    );
  }

  return (
    <SoloLayout testId={testId} onHelp={() => setShowHelp(true)}>
      {step !== 'welcome' ? <p className="progress">{progress}</p> : null}
      {step === 'welcome' ? <Welcome onNext={() => setStep('mode')} onRestore={() => setRestoring(true)} /> : null}
      {step === 'mode' ? (
        <ModeStep
          onChoose={(chosen) => {
            setMode(chosen);
            setStep('about');
          }}
          onBack={() => setStep('welcome')}
        />
      ) : null}
      {step === 'about' ? (
        <AboutStep
          name={name}
          pronouns={pronouns}
          onNameChange={setName}
          onPronounsChange={setPronouns}
          onNext={() => setStep('passphrase')}
          onSkip={() => {
            setName('');
            setPronouns(null);
            setStep('passphrase');
          }}
          onBack={() => setStep('mode')}
        />
      ) : null}
      {step === 'passphrase' ? (
        <PassphraseStep
          mode={mode}
          name={name}
          pronouns={pronouns}
          onCreated={(code) => {
            setRecoveryCode(code);
            setStep('recovery');
          }}
          onBack={() => setStep('about')}
        />
      ) : null}
      {step === 'recovery' && recoveryCode ? (
        <RecoveryStep code={recoveryCode} onNext={() => setStep('confirm')} />
      ) : null}
      {step === 'confirm' ? (
        <ConfirmStep onConfirmed={() => setStep('pin')} onShowAgain={() => setStep('recovery')} />
      ) : null}
      {step === 'pin' ? <PinStep onDone={() => onComplete(mode)} /> : null}
    </SoloLayout>
  );
}

function Welcome({ onNext, onRestore }: { onNext: () => void; onRestore: () => void }) {
  const intl = useIntl();
  const { status, appName, updatePrefs } = useApp();
  const { announcement, announce } = useAnnouncement();
  return (
    <>
      <ScreenHeading>{intl.formatMessage({ id: 'onboarding.welcome.title' }, { appName })}</ScreenHeading>
      <p className="lead">{intl.formatMessage({ id: 'onboarding.welcome.body' })}</p>
      <p className="muted">{intl.formatMessage({ id: 'onboarding.welcome.skipNote' })}</p>
      <div className="actions">
        <Button variant="primary" onPress={onNext} data-testid="onboarding-next">
          {intl.formatMessage({ id: 'onboarding.welcome.start' })}
        </Button>
        <Button variant="quiet" onPress={onRestore} data-testid="onboarding-restore">
          {intl.formatMessage({ id: 'restore.firstRun.offer' })}
        </Button>
      </div>
      <div className="onboarding__language">
        <Select
          label={intl.formatMessage({ id: 'settings.language' })}
          value={status.prefs.language ?? 'system'}
          options={[
            { id: 'system', label: intl.formatMessage({ id: 'settings.language.system' }) },
            { id: 'en', label: intl.formatMessage({ id: 'settings.language.en' }) },
            { id: 'es', label: intl.formatMessage({ id: 'settings.language.es' }) },
          ]}
          onChange={(value) => {
            updatePrefs({ language: value === 'system' ? null : value }).catch(() =>
              announce(intl.formatMessage({ id: 'settings.saveFailed' })),
            );
          }}
          testId="onboarding-language"
        />
        <LiveRegion announcement={announcement} />
      </div>
    </>
  );
}

function ModeStep({ onChoose, onBack }: { onChoose: (mode: Mode) => void; onBack: () => void }) {
  const intl = useIntl();
  return (
    <>
      <ScreenHeading>{intl.formatMessage({ id: 'onboarding.mode.title' })}</ScreenHeading>
      <ul className="choices">
        <li>
          <Button
            className="choice"
            variant="secondary"
            icon={<BookHeart size={28} />}
            onPress={() => onChoose('client')}
            data-testid="onboarding-mode-client"
          >
            <span className="choice__title">{intl.formatMessage({ id: 'onboarding.mode.client' })}</span>
            <span className="choice__hint">
              {intl.formatMessage({ id: 'onboarding.mode.clientHint' })}
            </span>
          </Button>
        </li>
        <li>
          <Button
            className="choice"
            variant="secondary"
            icon={<HeartHandshake size={28} />}
            onPress={() => onChoose('counselor')}
            data-testid="onboarding-mode-counselor"
          >
            <span className="choice__title">{intl.formatMessage({ id: 'onboarding.mode.counselor' })}</span>
            <span className="choice__hint">
              {intl.formatMessage({ id: 'onboarding.mode.counselorHint' })}
            </span>
          </Button>
        </li>
      </ul>
      <p className="muted">{intl.formatMessage({ id: 'onboarding.mode.skipNote' })}</p>
      <div className="actions">
        <Button variant="quiet" onPress={onBack} data-testid="onboarding-back">
          {intl.formatMessage({ id: 'common.back' })}
        </Button>
        <Button variant="secondary" onPress={() => onChoose('client')} data-testid="onboarding-skip">
          {intl.formatMessage({ id: 'common.skip' })}
        </Button>
      </div>
    </>
  );
}

function AboutStep(props: {
  name: string;
  pronouns: PronounSet | null;
  onNameChange: (value: string) => void;
  onPronounsChange: (value: PronounSet | null) => void;
  onNext: () => void;
  onSkip: () => void;
  onBack: () => void;
}) {
  const intl = useIntl();
  return (
    <>
      <ScreenHeading>{intl.formatMessage({ id: 'onboarding.about.title' })}</ScreenHeading>
      <p className="lead">{intl.formatMessage({ id: 'onboarding.about.body' })}</p>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          props.onNext();
        }}
      >
        <TextField
          label={intl.formatMessage({ id: 'identity.editor.name' })}
          description={intl.formatMessage({ id: 'identity.editor.name.help' })}
          value={props.name}
          onChange={props.onNameChange}
          autoComplete="nickname"
          maxLength={200}
          testId="onboarding-name"
        />
        <PronounPicker
          label={intl.formatMessage({ id: 'identity.editor.pronouns' })}
          value={props.pronouns}
          onChange={props.onPronounsChange}
          testId="onboarding-pronouns"
        />
        {props.name.trim() || props.pronouns ? (
          <SentencePreview
            person={personFrom({ name: props.name, pronouns: props.pronouns, shared: null, spanish: null })}
            heading={intl.formatMessage({ id: 'identity.editor.preview' })}
            headingLevel={2}
            testId="onboarding-pronouns-preview"
          />
        ) : null}
        <div className="actions">
          <Button variant="quiet" onPress={props.onBack} data-testid="onboarding-back">
            {intl.formatMessage({ id: 'common.back' })}
          </Button>
          <Button variant="secondary" onPress={props.onSkip} data-testid="onboarding-skip">
            {intl.formatMessage({ id: 'common.skip' })}
          </Button>
          <Button type="submit" variant="primary" data-testid="onboarding-next">
            {intl.formatMessage({ id: 'common.next' })}
          </Button>
        </div>
      </form>
    </>
  );
}

function PassphraseStep({
  mode,
  name,
  pronouns,
  onCreated,
  onBack,
}: {
  mode: Mode;
  name: string;
  pronouns: PronounSet | null;
  onCreated: (recoveryCode: string) => void;
  onBack: () => void;
}) {
  const intl = useIntl();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const { announcement, announce } = useAnnouncement();
  const userInputs = name.trim() ? [name.trim()] : [];

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const problem = await checkNewPassphrase(passphrase, confirmation, userInputs);
      if (problem) {
        announce(intl.formatMessage({ id: problem.id }, problem.values));
        return;
      }
      announce(intl.formatMessage({ id: 'onboarding.passphrase.creating' }), 'info');
      const created = await api.createVault({
        passphrase,
        mode,
        profile: { name: name.trim() || null, pronouns, shared: null, spanish: null },
      });
      onCreated(created.recoveryCode);
    } catch (error) {
      announce(intl.formatMessage({ id: errorMessageId(api.normaliseError(error).code) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ScreenHeading>{intl.formatMessage({ id: 'onboarding.passphrase.title' })}</ScreenHeading>
      <p className="lead">{intl.formatMessage({ id: 'onboarding.passphrase.body' })}</p>
      <form className="stack" onSubmit={create} noValidate>
        <NewPassphraseFields
          passphrase={passphrase}
          confirmation={confirmation}
          onPassphraseChange={setPassphrase}
          onConfirmationChange={setConfirmation}
          label={intl.formatMessage({ id: 'onboarding.passphrase.label' })}
          confirmLabel={intl.formatMessage({ id: 'onboarding.passphrase.confirm' })}
          testId="onboarding-passphrase"
          confirmTestId="onboarding-passphrase-confirm"
          userInputs={userInputs}
          isDisabled={busy}
        />
        <LiveRegion announcement={announcement} testId="onboarding-message" />
        <div className="actions">
          <Button variant="quiet" onPress={onBack} isDisabled={busy} data-testid="onboarding-back">
            {intl.formatMessage({ id: 'common.back' })}
          </Button>
          <Button type="submit" variant="primary" isDisabled={busy} data-testid="onboarding-create">
            {intl.formatMessage({ id: 'onboarding.passphrase.create' })}
          </Button>
        </div>
      </form>
    </>
  );
}

function RecoveryStep({ code, onNext }: { code: string; onNext: () => void }) {
  const intl = useIntl();
  const groups = recoveryCodeGroups(code);
  const { announcement, announce } = useAnnouncement();
  // The system's print dialog (the page's print styles put only this card on paper).
  const print = () => {
    api.printPage().catch(() => announce(intl.formatMessage({ id: 'onboarding.recovery.printFailed' })));
  };
  return (
    <>
      <ScreenHeading>{intl.formatMessage({ id: 'onboarding.recovery.title' })}</ScreenHeading>
      <p className="lead">{intl.formatMessage({ id: 'onboarding.recovery.body' })}</p>
      <section className="recovery-card" aria-labelledby="recovery-code-label">
        <h2 id="recovery-code-label" className="recovery-card__label">
          {intl.formatMessage({ id: 'onboarding.recovery.codeLabel' })}
        </h2>
        <p className="recovery-card__code" data-testid="recovery-code">
          {groups.map((group, index) => (
            <span key={index}>
              {index > 0 ? <span className="recovery-card__dash">-</span> : null}
              <span className="recovery-card__group">{group}</span>
            </span>
          ))}
        </p>
        <p className="recovery-card__note">{intl.formatMessage({ id: 'onboarding.recovery.once' })}</p>
      </section>
      <div className="actions">
        <Button
          variant="secondary"
          icon={<Printer size={20} />}
          onPress={print}
          data-testid="recovery-print"
        >
          {intl.formatMessage({ id: 'onboarding.recovery.print' })}
        </Button>
        <Button variant="primary" onPress={onNext} data-testid="onboarding-next">
          {intl.formatMessage({ id: 'onboarding.recovery.written' })}
        </Button>
      </div>
      <LiveRegion announcement={announcement} testId="recovery-message" />
    </>
  );
}

function ConfirmStep({ onConfirmed, onShowAgain }: { onConfirmed: () => void; onShowAgain: () => void }) {
  const intl = useIntl();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const { announcement, announce } = useAnnouncement();

  const check = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const code = normaliseRecoveryCode(typed);
    if (!code) {
      announce(intl.formatMessage({ id: 'recovery.emptyCode' }));
      return;
    }
    setBusy(true);
    try {
      const matches = await api.confirmRecoveryCode(code);
      if (matches) onConfirmed();
      else announce(intl.formatMessage({ id: 'onboarding.confirm.mismatch' }));
    } catch (error) {
      const { code: errorCode } = api.normaliseError(error);
      announce(
        intl.formatMessage({
          id: errorCode === 'wrong_secret' || errorCode === 'invalid_input' ? 'onboarding.confirm.mismatch' : errorMessageId(errorCode),
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ScreenHeading>{intl.formatMessage({ id: 'onboarding.confirm.title' })}</ScreenHeading>
      <p className="lead">{intl.formatMessage({ id: 'onboarding.confirm.body' })}</p>
      <form className="stack" onSubmit={check} noValidate>
        <TextField
          label={intl.formatMessage({ id: 'onboarding.confirm.label' })}
          description={intl.formatMessage({ id: 'onboarding.confirm.help' })}
          value={typed}
          onChange={setTyped}
          autoComplete="off"
          spellCheck={false}
          inputClassName="field__input--code"
          testId="recovery-confirm-input"
        />
        <LiveRegion announcement={announcement} testId="recovery-confirm-message" />
        <div className="actions">
          <Button variant="quiet" onPress={onShowAgain} data-testid="recovery-show-again">
            {intl.formatMessage({ id: 'onboarding.confirm.showAgain' })}
          </Button>
          <Button type="submit" variant="primary" isDisabled={busy} data-testid="recovery-confirm-submit">
            {intl.formatMessage({ id: busy ? 'onboarding.confirm.checking' : 'onboarding.confirm.submit' })}
          </Button>
        </div>
      </form>
    </>
  );
}

function PinStep({ onDone }: { onDone: () => void }) {
  const intl = useIntl();
  const keychain = useKeychainStatus();
  if (!keychain) {
    return (
      <>
        <ScreenHeading>{intl.formatMessage({ id: 'onboarding.pin.title' })}</ScreenHeading>
        <p className="lead" role="status" data-testid="pin-checking">
          {intl.formatMessage({ id: 'pin.checking' })}
        </p>
      </>
    );
  }
  return (
    <>
      <ScreenHeading>{intl.formatMessage({ id: 'onboarding.pin.title' })}</ScreenHeading>
      {keychain.available ? (
        <>
          <p className="lead">{intl.formatMessage({ id: 'onboarding.pin.body' })}</p>
          <PinForm
            onSaved={onDone}
            extraAction={
              <Button variant="secondary" onPress={onDone} data-testid="pin-skip">
                {intl.formatMessage({ id: 'pin.skip' })}
              </Button>
            }
          />
        </>
      ) : (
        <>
          <p className="lead" data-testid="pin-unavailable">
            {intl.formatMessage({ id: 'pin.unavailable' })}
          </p>
          {keychain.reason ? (
            <p className="muted">{intl.formatMessage({ id: 'pin.unavailableReason' }, { reason: keychain.reason })}</p>
          ) : null}
          <div className="actions">
            <Button variant="primary" onPress={onDone} data-testid="onboarding-next">
              {intl.formatMessage({ id: 'onboarding.done' })}
            </Button>
          </div>
        </>
      )}
    </>
  );
}

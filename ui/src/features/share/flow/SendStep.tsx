// Step 3 of the share flow: how it goes. A locked file for a paired counselor (the default when
// there is one), the same as text to paste, a file locked with a passphrase (for a counselor
// without Cove), a printed copy (not locked: said first), or shown on this screen in a session.
// Every way is recorded in the share log, and the honest line stays beside the button: a file,
// once given, can't be taken back.
import { useEffect, useId, useState, type Ref } from 'react';
import { useIntl } from 'react-intl';
import { Label, RadioGroup, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { RadioCard } from '../../../components/RadioCard';
import { Copy, LockOpen } from 'lucide-react';
import * as api from '../../../api';
import type { Contact, ErrorCode, SharePayload, ShareSelection } from '../../../api';
import { useApp } from '../../../app/AppContext';
import { Button } from '../../../components/Button';
import { LiveRegion, useAnnouncement } from '../../../components/LiveRegion';
import { checkNewPassphrase, NewPassphraseFields, type PassphraseProblem } from '../../../components/NewPassphraseFields';
import { Select } from '../../../components/Select';
import type { MessageId } from '../../../i18n';
import { dayKey } from '../../journal/format';
import { usePrintShare } from '../view/print';
import { ShowInSession } from '../view/ShowInSession';
import { useNavigate } from '../../shell/navigation';
import { errorWords, sendErrorWords } from './flowWords';

export type SendMethod = 'file' | 'armored' | 'passphrase' | 'print' | 'session';

const METHODS: readonly { id: SendMethod; label: MessageId; hint: MessageId }[] = [
  { id: 'file', label: 'shareFlow.method.file', hint: 'shareFlow.method.fileHint' },
  { id: 'armored', label: 'shareFlow.method.armored', hint: 'shareFlow.method.armoredHint' },
  { id: 'passphrase', label: 'shareFlow.method.passphrase', hint: 'shareFlow.method.passphraseHint' },
  { id: 'print', label: 'shareFlow.method.print', hint: 'shareFlow.method.printHint' },
  { id: 'session', label: 'shareFlow.method.session', hint: 'shareFlow.method.sessionHint' },
];

type Done =
  | { kind: 'file'; path: string; name: string }
  | { kind: 'passphrase'; path: string }
  | { kind: 'armored'; text: string; name: string }
  | { kind: 'print' };

type Problem = { id: MessageId; values?: Record<string, number> };

/** The save dialog's first suggestion: `share-2026-03-14.age`. */
export function defaultFileName(now: Date = new Date()): string {
  return `share-${dayKey(now)}.age`;
}

export type SendStepProps = {
  selection: ShareSelection;
  /** The preview just shown: what print and show in session draw. */
  payload: SharePayload;
  onBack: () => void;
  onAgain: () => void;
  onSeeLog: () => void;
  onPair: () => void;
  headingRef: Ref<HTMLHeadingElement>;
};

export function SendStep({ selection, payload, onBack, onAgain, onSeeLog, onPair, headingRef }: SendStepProps) {
  const intl = useIntl();
  const { lockNow } = useApp();
  const navigate = useNavigate();
  const print = usePrintShare();
  const ids = useId();
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  const [contactsProblem, setContactsProblem] = useState<ErrorCode | null>(null);
  const [method, setMethod] = useState<SendMethod | null>(null);
  const [contactId, setContactId] = useState<number | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [session, setSession] = useState(false);
  const { announcement, announce } = useAnnouncement();

  useEffect(() => {
    let current = true;
    api
      .listContacts()
      .then((all) => {
        if (!current) return;
        const counselors = all.filter((c) => c.role === 'counselor');
        setContacts(counselors);
        setContactId((id) => id ?? counselors[0]?.id ?? null);
      })
      .catch((error: unknown) => {
        if (!current) return;
        setContacts([]);
        setContactsProblem(api.normaliseError(error).code);
      });
    return () => {
      current = false;
    };
  }, []);

  const counselors = contacts ?? [];
  const contact = counselors.find((c) => c.id === contactId) ?? null;
  // A locked file for a paired counselor comes first (without one, it offers to pair).
  const chosen: SendMethod = method ?? 'file';
  const needsContact = chosen === 'file' || chosen === 'armored';

  const fail = (error: unknown) => {
    const code = api.normaliseError(error).code;
    if (code === 'locked') {
      lockNow();
      return;
    }
    setProblem({ id: sendErrorWords(code) });
  };

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setProblem(null);
    setBusy(true);
    try {
      await work();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const savePath = () =>
    api.pickSavePath(intl.formatMessage({ id: 'shareFlow.saveTitle' }), defaultFileName());

  const sendFile = () =>
    run(async () => {
      if (!contact) return;
      const path = await savePath();
      if (!path) return; // Cancelled: nothing written, still here.
      const written = await api.writeShare({ selection, lock: { mode: 'contact', contactId: contact.id }, armor: false, path });
      setDone({ kind: 'file', path: written.path, name: contact.name });
    });

  const sendArmored = () =>
    run(async () => {
      if (!contact) return;
      const text = await api.armoredShare(selection, { mode: 'contact', contactId: contact.id });
      setDone({ kind: 'armored', text, name: contact.name });
    });

  const sendPassphrase = () =>
    run(async () => {
      const weak: PassphraseProblem | null = await checkNewPassphrase(passphrase, confirmation);
      if (weak) {
        setProblem(weak);
        return;
      }
      const path = await savePath();
      if (!path) return;
      const written = await api.writeShare({ selection, lock: { mode: 'passphrase', passphrase }, armor: false, path });
      setPassphrase('');
      setConfirmation('');
      setDone({ kind: 'passphrase', path: written.path });
    });

  const printIt = () =>
    run(async () => {
      // The dialog stays open on its own; what it prints stays drawn until this step goes away.
      try {
        await print(payload);
      } catch {
        // No dialog, no copy: nothing goes in the log.
        setProblem({ id: 'shareFlow.problem.print' });
        return;
      }
      // The dialog is open, so a copy may be printed: it is logged (the log never misses one).
      await api.logShownShare(selection, 'print');
      setDone({ kind: 'print' });
    });

  const startSession = () =>
    run(async () => {
      await api.logShownShare(selection, 'show_in_session');
      setSession(true);
    });

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      announce(intl.formatMessage({ id: 'shareFlow.copied' }));
    } catch {
      announce(intl.formatMessage({ id: 'shareFlow.copyProblem' }));
    }
  };

  const send = () => {
    if (chosen === 'file') void sendFile();
    else if (chosen === 'armored') void sendArmored();
    else if (chosen === 'passphrase') void sendPassphrase();
  };

  const honest = (
    <div className="share-send__honest" data-testid="share-honest">
      <p>{intl.formatMessage({ id: 'shareFlow.honest' })}</p>
      <Button variant="quiet" onPress={onSeeLog} data-testid="share-see-log">
        {intl.formatMessage({ id: 'shareFlow.seeLog' })}
      </Button>
    </div>
  );

  const heading = (
    <h2 id={`${ids}-title`} className="share-step__title" tabIndex={-1} ref={headingRef}>
      {intl.formatMessage({ id: done ? 'shareFlow.done.title' : 'shareFlow.send.title' })}
    </h2>
  );

  if (done) {
    return (
      <section className="share-step share-send" data-testid="share-step-send" aria-labelledby={`${ids}-title`}>
        {heading}
        <div className="share-send__done" data-testid="share-done">
          {done.kind === 'file' || done.kind === 'passphrase' ? (
            <>
              <p className="lead">{intl.formatMessage({ id: 'shareFlow.done.saved' })}</p>
              <p className="share-send__path" data-testid="share-done-path" dir="auto">
                {done.path}
              </p>
              <p>
                {done.kind === 'file'
                  ? intl.formatMessage({ id: 'shareFlow.done.file' }, { name: done.name })
                  : intl.formatMessage({ id: 'shareFlow.done.passphrase' })}
              </p>
            </>
          ) : null}
          {done.kind === 'armored' ? (
            <>
              <p className="lead">{intl.formatMessage({ id: 'shareFlow.done.armored' }, { name: done.name })}</p>
              <AriaTextField className="field" value={done.text} isReadOnly>
                <Label className="field__label">{intl.formatMessage({ id: 'shareFlow.done.armoredLabel' })}</Label>
                <TextArea className="field__input share-send__armored" rows={8} spellCheck={false} data-testid="share-armored-text" />
              </AriaTextField>
              <div className="actions">
                <Button variant="primary" icon={<Copy size={18} />} onPress={() => void copy(done.text)} data-testid="share-armored-copy">
                  {intl.formatMessage({ id: 'shareFlow.copy' })}
                </Button>
              </div>
              <LiveRegion announcement={announcement} testId="share-copy-status" />
            </>
          ) : null}
          {done.kind === 'print' ? <p className="lead">{intl.formatMessage({ id: 'shareFlow.done.print' })}</p> : null}
        </div>
        {honest}
        <div className="share-step__actions">
          <Button variant="primary" onPress={onAgain} data-testid="share-again">
            {intl.formatMessage({ id: 'shareFlow.again' })}
          </Button>
        </div>
      </section>
    );
  }

  const contactPart = needsContact ? (
    contacts === null ? (
      <p className="muted">{intl.formatMessage({ id: 'shareFlow.loading' })}</p>
    ) : counselors.length === 0 ? (
      <div className="share-send__pair" data-testid="share-no-counselor">
        <p>
          {intl.formatMessage({ id: contactsProblem ? errorWords(contactsProblem) : 'shareFlow.send.noCounselor' })}
        </p>
        <Button variant="secondary" onPress={onPair} data-testid="share-pair-first">
          {intl.formatMessage({ id: 'shareFlow.send.pairFirst' })}
        </Button>
      </div>
    ) : counselors.length === 1 ? (
      <p className="share-send__to" data-testid="share-contact-name">
        {intl.formatMessage({ id: 'shareFlow.send.to' }, { name: counselors[0]!.name })}
      </p>
    ) : (
      <Select
        label={intl.formatMessage({ id: 'shareFlow.send.chooseCounselor' })}
        options={counselors.map((c) => ({ id: String(c.id), label: c.name }))}
        value={String(contactId ?? counselors[0]!.id)}
        onChange={(id) => setContactId(Number(id))}
        testId="share-contact"
      />
    )
  ) : null;

  return (
    <section className="share-step share-send" data-testid="share-step-send" aria-labelledby={`${ids}-title`}>
      {heading}
      <p className="lead">{intl.formatMessage({ id: 'shareFlow.send.lead' })}</p>

      <RadioGroup
        className="radio-cards"
        value={chosen}
        onChange={(value) => {
          setProblem(null);
          setMethod(value as SendMethod);
        }}
        isDisabled={busy}
      >
        <Label className="field__label">{intl.formatMessage({ id: 'shareFlow.send.how' })}</Label>
        {METHODS.map((m) => (
          <RadioCard
            key={m.id}
            value={m.id}
            label={intl.formatMessage({ id: m.label })}
            hint={intl.formatMessage({ id: m.hint })}
            testId={`share-method-${m.id}`}
          />
        ))}
      </RadioGroup>

      <div className="share-send__details">
        {contactPart}
        {chosen === 'passphrase' ? (
          <>
            <NewPassphraseFields
              passphrase={passphrase}
              confirmation={confirmation}
              onPassphraseChange={setPassphrase}
              onConfirmationChange={setConfirmation}
              label={intl.formatMessage({ id: 'shareFlow.passphrase.label' })}
              confirmLabel={intl.formatMessage({ id: 'shareFlow.passphrase.confirm' })}
              testId="share-passphrase"
              confirmTestId="share-passphrase-confirm"
              isDisabled={busy}
            />
            <p className="note note--info" data-testid="share-passphrase-advice">
              {intl.formatMessage({ id: 'shareFlow.passphrase.inPerson' })}
            </p>
          </>
        ) : null}
        {chosen === 'print' ? (
          <div className="share-send__warning card" data-testid="share-print-warning">
            <span className="share-send__warning-icon" aria-hidden="true">
              <LockOpen size={24} />
            </span>
            <p className="lead">{intl.formatMessage({ id: 'shareFlow.print.warning' })}</p>
          </div>
        ) : null}
        {chosen === 'session' ? (
          <p className="note note--info" data-testid="share-session-about">
            {intl.formatMessage({ id: 'shareFlow.session.about' })}
          </p>
        ) : null}
      </div>

      {honest}

      {problem ? (
        <p className="note" role="alert" data-testid="share-error">
          {intl.formatMessage({ id: problem.id }, problem.values)}
        </p>
      ) : null}

      <div className="share-step__actions">
        <Button variant="secondary" onPress={onBack} isDisabled={busy} data-testid="share-back">
          {intl.formatMessage({ id: 'shareFlow.back' })}
        </Button>
        {chosen === 'print' ? (
          <Button variant="primary" onPress={() => void printIt()} isDisabled={busy} data-testid="share-print-confirm">
            {intl.formatMessage({ id: 'shareFlow.print.confirm' })}
          </Button>
        ) : chosen === 'session' ? (
          <Button variant="primary" onPress={() => void startSession()} isDisabled={busy} data-testid="share-session-start">
            {intl.formatMessage({ id: 'shareFlow.session.start' })}
          </Button>
        ) : (
          <Button
            variant="primary"
            onPress={send}
            isDisabled={busy || (needsContact && !contact)}
            data-testid="share-send"
          >
            {intl.formatMessage({ id: chosen === 'armored' ? 'shareFlow.send.makeText' : 'shareFlow.send.saveFile' })}
          </Button>
        )}
      </div>

      {session ? (
        <ShowInSession
          payload={payload}
          onClose={lockNow}
          onHelp={() => {
            setSession(false);
            navigate('help');
          }}
        />
      ) : null}
    </section>
  );
}

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { FieldError, Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { ClipboardPaste, FileUp } from 'lucide-react';
import * as api from '../../../api';
import type { ErrorCode, ImportOutcome } from '../../../api';
import { Button } from '../../../components/Button';
import { LiveRegion, useAnnouncement } from '../../../components/LiveRegion';
import { PassphraseField } from '../../../components/PassphraseField';
import { useApp } from '../../../app/AppContext';
import type { MessageId } from '../../../i18n';
import { errorMessageId } from '../../../i18n/errors';
import { cx } from '../../../components/classNames';
import './inbox.css';

/** What is being opened: a file the system gave (picked or dropped), or pasted text. */
type Source = { kind: 'file'; path: string } | { kind: 'text'; text: string };

export type ImportPanelProps = {
  /** `inbox` in counselor mode (shares from clients), `received` in client mode (ideas). */
  prefix: 'inbox' | 'received';
  /** After each import that the backend answered (added or already there). */
  onImported?: (outcome: ImportOutcome) => void;
};

/** The words for a refusal. Some codes mean something more specific when opening a file. */
function problemWords(code: ErrorCode): MessageId {
  switch (code) {
    case 'not_found':
      return 'shareInbox.error.fileGone';
    case 'invalid_input':
      return 'shareInbox.error.cantOpen';
    default:
      return errorMessageId(code);
  }
}

/**
 * Opens share files and pasted share text: "Open a file", "Paste text", or a file dropped
 * anywhere on the window while this panel is there. A file locked with a passphrase asks for it
 * and tries again. Says what was added (or that it was already here), or what went wrong, in
 * plain words; nothing is added unless the whole file opens.
 */
export function ImportPanel({ prefix, onImported }: ImportPanelProps) {
  const intl = useIntl();
  const ids = useId();
  const { lockNow } = useApp();
  const counselor = prefix === 'inbox';
  const { announcement, announce } = useAnnouncement();
  const [problem, setProblem] = useState<MessageId | null>(null);
  const [busy, setBusy] = useState(false);
  const [pasting, setPasting] = useState(false);
  const [text, setText] = useState('');
  const [over, setOver] = useState(false);
  // Files that need a passphrase, the first one asked for now.
  const [waiting, setWaiting] = useState<Source[]>([]);
  const [passphrase, setPassphrase] = useState('');
  const pasteRef = useRef<HTMLTextAreaElement>(null);

  const outcomeWords = useCallback(
    (outcome: ImportOutcome): string => {
      if (!outcome.added) return intl.formatMessage({ id: 'shareInbox.import.already' });
      const name = outcome.fromName;
      const values = { count: outcome.count, name: name ?? '' };
      if (outcome.kind === 'share') {
        return intl.formatMessage({ id: name ? 'shareInbox.import.addedShare' : 'shareInbox.import.addedShareNoName' }, values);
      }
      return intl.formatMessage({ id: name ? 'shareInbox.import.addedIdeas' : 'shareInbox.import.addedIdeasNoName' }, values);
    },
    [intl],
  );

  /**
   * Opens each source in turn. Those locked with a passphrase (none given yet) wait for it;
   * `passphrase` is used for all of `sources` (a retry of one waiting file).
   */
  const run = useCallback(
    async (sources: Source[], given: string | null = null) => {
      setBusy(true);
      setProblem(null);
      const said: string[] = [];
      const needPassphrase: Source[] = [];
      let refused: MessageId | null = null;
      for (const source of sources) {
        try {
          const outcome =
            source.kind === 'file' ? await api.importShareFile(source.path, given) : await api.importShareText(source.text, given);
          said.push(outcomeWords(outcome));
          onImported?.(outcome);
          if (source.kind === 'text') {
            setText('');
            setPasting(false);
          }
        } catch (error) {
          const code = api.normaliseError(error).code;
          if (code === 'locked') {
            lockNow();
            return;
          }
          if (code === 'wrong_passphrase' && given === null) needPassphrase.push(source);
          else if (code === 'wrong_passphrase') {
            refused = 'shareInbox.import.passphraseWrong';
            needPassphrase.push(source);
          } else refused = problemWords(code);
        }
      }
      setBusy(false);
      if (said.length > 0) announce(said.join(' '), 'info');
      setProblem(refused);
      setWaiting((before) => {
        const rest = before.filter((w) => !sources.includes(w));
        return [...needPassphrase, ...rest];
      });
      if (given !== null && needPassphrase.length === 0) setPassphrase('');
    },
    [announce, lockNow, onImported, outcomeWords],
  );

  // Files dropped on the window. The listener lives as long as the panel; `run` is read through
  // a ref so a drop always uses the current one.
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  }, [run]);
  useEffect(() => {
    let stop: (() => void) | null = null;
    let gone = false;
    api
      .onFileDrop((drop) => {
        if (drop.type === 'over') setOver(true);
        else if (drop.type === 'leave') setOver(false);
        else {
          setOver(false);
          const files = drop.paths.map((path): Source => ({ kind: 'file', path }));
          if (files.length > 0) void runRef.current(files);
        }
      })
      .then((unlisten) => {
        if (gone) quietly(unlisten);
        else stop = unlisten;
      })
      .catch(() => {
        // No window to listen to (tests without one): "Open a file" still works.
      });
    return () => {
      gone = true;
      if (stop) quietly(stop);
    };
  }, []);

  const openFile = async () => {
    setProblem(null);
    let path: string | null;
    try {
      path = await api.pickFile(intl.formatMessage({ id: 'shareInbox.import.openFileTitle' }));
    } catch (error) {
      setProblem(problemWords(api.normaliseError(error).code));
      return;
    }
    if (path !== null) await run([{ kind: 'file', path }]);
  };

  const openPaste = () => {
    setPasting(true);
    setProblem(null);
  };
  useEffect(() => {
    if (pasting) pasteRef.current?.focus();
  }, [pasting]);

  const pasteEmpty = text.trim() === '';
  const current = waiting[0];

  return (
    <section
      className={cx('share-import', over && 'share-import--over')}
      aria-labelledby={`${ids}-title`}
      aria-busy={busy || undefined}
      data-testid={`${prefix}-drop-zone`}
      data-over={over || undefined}
    >
      <h2 id={`${ids}-title`}>{intl.formatMessage({ id: counselor ? 'shareInbox.import.titleCounselor' : 'shareInbox.import.titleClient' })}</h2>
      <p className="muted">{intl.formatMessage({ id: counselor ? 'shareInbox.import.leadCounselor' : 'shareInbox.import.leadClient' })}</p>

      <div className="actions">
        <Button variant="primary" icon={<FileUp size={18} />} isDisabled={busy} onPress={() => void openFile()} data-testid={`${prefix}-import-file`}>
          {intl.formatMessage({ id: 'shareInbox.import.openFile' })}
        </Button>
        <Button
          variant="secondary"
          icon={<ClipboardPaste size={18} />}
          isDisabled={busy}
          onPress={openPaste}
          aria-expanded={pasting}
          data-testid={`${prefix}-paste-open`}
        >
          {intl.formatMessage({ id: 'shareInbox.import.pasteOpen' })}
        </Button>
      </div>
      <p className="share-import__drop muted">
        {intl.formatMessage({ id: over ? 'shareInbox.import.dropOver' : 'shareInbox.import.dropHint' })}
      </p>

      {pasting ? (
        <form
          className="share-import__paste"
          onSubmit={(event) => {
            event.preventDefault();
            if (!pasteEmpty && !busy) void run([{ kind: 'text', text }]);
          }}
        >
          <AriaTextField className="field" value={text} onChange={setText}>
            <Label className="field__label">{intl.formatMessage({ id: 'shareInbox.import.pasteLabel' })}</Label>
            <Text slot="description" className="field__description">
              {intl.formatMessage({ id: 'shareInbox.import.pasteHint' })}
            </Text>
            <TextArea
              ref={pasteRef}
              className="field__input share-import__text"
              rows={6}
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              data-testid={`${prefix}-paste-input`}
            />
            <FieldError className="field__error" />
          </AriaTextField>
          <div className="actions">
            <Button type="submit" variant="primary" isDisabled={busy || pasteEmpty} data-testid={`${prefix}-paste-submit`}>
              {intl.formatMessage({ id: 'shareInbox.import.pasteSubmit' })}
            </Button>
            <Button
              variant="quiet"
              onPress={() => {
                setPasting(false);
                setText('');
              }}
              data-testid={`${prefix}-paste-cancel`}
            >
              {intl.formatMessage({ id: 'shareInbox.import.pasteCancel' })}
            </Button>
          </div>
        </form>
      ) : null}

      {current ? (
        <form
          className="share-import__passphrase card"
          data-testid={`${prefix}-passphrase-form`}
          onSubmit={(event) => {
            event.preventDefault();
            if (passphrase !== '' && !busy) void run([current], passphrase);
          }}
        >
          <p>{intl.formatMessage({ id: 'shareInbox.import.passphraseNeeded' })}</p>
          <PassphraseField
            label={intl.formatMessage({ id: 'shareInbox.import.passphraseLabel' })}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="off"
            focusOnMount
            testId={`${prefix}-passphrase`}
          />
          <div className="actions">
            <Button type="submit" variant="primary" isDisabled={busy || passphrase === ''} data-testid={`${prefix}-passphrase-submit`}>
              {intl.formatMessage({ id: 'shareInbox.import.passphraseSubmit' })}
            </Button>
            <Button
              variant="quiet"
              onPress={() => {
                setWaiting((before) => before.slice(1));
                setPassphrase('');
                setProblem(null);
              }}
              data-testid={`${prefix}-passphrase-cancel`}
            >
              {intl.formatMessage({ id: 'shareInbox.import.passphraseCancel' })}
            </Button>
          </div>
        </form>
      ) : null}

      <div role="alert" className="share-import__problem" data-testid={`${prefix}-error`}>
        {problem ? <p className="note">{intl.formatMessage({ id: problem })}</p> : null}
      </div>
      <LiveRegion announcement={announcement} testId={`${prefix}-result`} />
    </section>
  );
}

/** Calls an unlisten function, whatever it returns or throws (the window may be gone). */
function quietly(unlisten: () => void) {
  try {
    const done = unlisten() as unknown;
    if (done instanceof Promise) done.catch(() => undefined);
  } catch {
    // Nothing to stop.
  }
}

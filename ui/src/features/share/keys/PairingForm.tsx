import { useEffect, useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { FileKey, QrCode } from 'lucide-react';
import * as api from '../../../api';
import type { Contact, ContactRole, ErrorCode } from '../../../api';
import { Button } from '../../../components/Button';
import { Switch } from '../../../components/Switch';
import { TextField } from '../../../components/TextField';
import type { MessageId } from '../../../i18n';
import { errorMessageId } from '../../../i18n/errors';
import { KeyWords } from './KeyWords';
import { compactKey, isSecretKey, KEY_LENGTH } from './keyText';

/** The longest contact name (src-tauri/sharing/contacts.rs). */
export const CONTACT_NAME_MAX = 100;

/** What the backend said about the key text last checked. */
type Checked = { text: string; words: string[] | null; code: ErrorCode | null };

/** Why a key can't be paired, in the words the person reads. */
type KeyProblem =
  | { kind: 'notAKey' }
  | { kind: 'secret' }
  | { kind: 'own' }
  | { kind: 'taken'; name: string }
  | { kind: 'same' }
  | { kind: 'code'; code: ErrorCode };

export type PairingFormProps = {
  /** Who is being paired with. */
  role: ContactRole;
  /** Every paired contact (to notice a key already paired). */
  contacts: Contact[];
  /** This journal's own key, once known (to notice it being pasted). */
  myRecipient: string | null;
  /** The contact whose key is being replaced, or `null` to pair someone new. */
  replacing: Contact | null;
  onSaved: (contact: Contact) => void;
  /** Shows a "Not now" button. */
  onCancel?: () => void;
  /** Puts the cursor in the key field when the form opens (it was opened by a button). */
  focusOnOpen?: boolean;
};

/**
 * Pairing: the other person's key is pasted, opened from the file they gave, or read from a
 * picture of their QR code; then both people read the fingerprint words aloud, and only once
 * they say "They match" can the key be saved, with the name this person calls them.
 */
export function PairingForm({ role, contacts, myRecipient, replacing, onSaved, onCancel, focusOnOpen = false }: PairingFormProps) {
  const intl = useIntl();
  const headingId = useId();
  const reasonId = useId();
  const keyField = useRef<HTMLTextAreaElement>(null);
  const [keyText, setKeyText] = useState('');
  const [keyTouched, setKeyTouched] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [matched, setMatched] = useState(false);
  const [name, setName] = useState(replacing?.name ?? '');
  const [actionError, setActionError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const lastAsked = useRef('');

  useEffect(() => {
    if (focusOnOpen) keyField.current?.focus();
  }, [focusOnOpen]);

  /** A new key text: its words are asked for again, and must be compared again. */
  const changeKey = (text: string, complete = false) => {
    setKeyText(text);
    setMatched(false);
    setActionError(null);
    if (complete) setKeyTouched(true);
    lastAsked.current = text;
    if (compactKey(text) === '' || isSecretKey(text)) return;
    api.shareKeyFingerprint(text).then(
      (words) => {
        if (lastAsked.current === text) setChecked({ text, words, code: null });
      },
      (raw) => {
        if (lastAsked.current === text) setChecked({ text, words: null, code: api.normaliseError(raw).code });
      },
    );
  };

  const compact = compactKey(keyText);
  const check = checked?.text === keyText ? checked : null;
  let problem: KeyProblem | null = null;
  if (compact === '') problem = null;
  else if (isSecretKey(keyText)) problem = { kind: 'secret' };
  else if (check?.code === 'invalid_input') problem = { kind: 'notAKey' };
  else if (check?.code) problem = { kind: 'code', code: check.code };
  else if (check?.words) {
    const taken = contacts.find((c) => c.recipient === compact && c.id !== replacing?.id);
    if (compact === myRecipient) problem = { kind: 'own' };
    else if (taken) problem = { kind: 'taken', name: taken.name };
    else if (replacing && replacing.recipient === compact) problem = { kind: 'same' };
  }
  // "Not a key" waits until the whole key could be there, so typing isn't interrupted.
  const showProblem =
    problem !== null && (problem.kind !== 'notAKey' || keyTouched || compact.length >= KEY_LENGTH);
  const words = problem === null ? (check?.words ?? null) : null;
  const canSave = words !== null && matched && !saving;

  const problemWords = (p: KeyProblem): string => {
    switch (p.kind) {
      case 'notAKey':
        return intl.formatMessage({ id: 'shareKeys.problem.notAKey' });
      case 'secret':
        return intl.formatMessage({ id: 'shareKeys.problem.secret' });
      case 'own':
        return intl.formatMessage({ id: 'shareKeys.problem.own' }, { role });
      case 'taken':
        return intl.formatMessage({ id: 'shareKeys.problem.taken' }, { name: p.name });
      case 'same':
        return intl.formatMessage({ id: 'shareKeys.problem.same' }, { name: replacing?.name ?? '' });
      case 'code':
        return intl.formatMessage({ id: errorMessageId(p.code) });
    }
  };

  const readKeyFrom = async (how: 'file' | 'qr') => {
    setActionError(null);
    try {
      const path =
        how === 'file'
          ? await api.pickFile(intl.formatMessage({ id: 'shareKeys.form.openFileTitle' }))
          : await api.pickFile(intl.formatMessage({ id: 'shareKeys.form.openQrTitle' }), {
              name: intl.formatMessage({ id: 'shareKeys.form.pictures' }),
              extensions: ['png', 'jpg', 'jpeg'],
            });
      if (path === null) return;
      const key = how === 'file' ? await api.readKeyFile(path) : await api.readKeyQr(path);
      changeKey(key, true);
    } catch (raw) {
      const { code } = api.normaliseError(raw);
      // The backend refuses a file too big to be a key or a picture (`invalid_input`), and one
      // that went away after it was chosen (`not_found`).
      let id: MessageId = errorMessageId(code);
      if (code === 'invalid_input') id = how === 'file' ? 'shareKeys.problem.fileRefused' : 'shareKeys.problem.pictureRefused';
      else if (code === 'not_found') id = 'shareKeys.problem.fileMissing';
      setActionError(intl.formatMessage({ id }));
    }
  };

  const save = async () => {
    if (!canSave) return;
    if (name.trim() === '') {
      setActionError(intl.formatMessage({ id: 'shareKeys.problem.noName' }));
      return;
    }
    setSaving(true);
    setActionError(null);
    try {
      const contact = await api.saveContact({ id: replacing?.id ?? null, role, name: name.trim(), recipient: compact });
      onSaved(contact);
    } catch (raw) {
      const { code } = api.normaliseError(raw);
      const id: MessageId = code === 'invalid_input' ? 'shareKeys.problem.notSaved' : errorMessageId(code);
      setActionError(intl.formatMessage({ id }));
      setSaving(false);
    }
  };

  const errorText = actionError ?? (showProblem && problem ? problemWords(problem) : null);

  return (
    <section
      className="pairing"
      aria-labelledby={headingId}
      data-testid={replacing ? 'contact-replace-form' : 'contact-form'}
    >
      <h3 id={headingId} className="pairing__title">
        {replacing
          ? intl.formatMessage({ id: 'shareKeys.form.replaceTitle' }, { name: replacing.name })
          : intl.formatMessage({ id: 'shareKeys.form.title' }, { role })}
      </h3>
      <p>
        {replacing
          ? intl.formatMessage({ id: 'shareKeys.form.replaceIntro' }, { name: replacing.name })
          : intl.formatMessage({ id: 'shareKeys.form.intro' }, { role })}
      </p>

      <AriaTextField
        className="field pairing__key"
        value={keyText}
        onChange={(text) => changeKey(text)}
        isInvalid={showProblem}
        validationBehavior="aria"
      >
        <Label className="field__label">{intl.formatMessage({ id: 'shareKeys.form.keyLabel' })}</Label>
        <TextArea
          ref={keyField}
          className="field__input key-text pairing__key-input"
          rows={3}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          translate="no"
          onBlur={() => setKeyTouched(compactKey(keyText) !== '')}
          data-testid="contact-key-input"
        />
        <Text slot="description" className="field__description">
          {intl.formatMessage({ id: 'shareKeys.form.keyHint' })}
        </Text>
      </AriaTextField>
      <div className="actions pairing__open">
        <Button variant="secondary" icon={<FileKey size={18} />} onPress={() => void readKeyFrom('file')} data-testid="contact-key-open-file">
          {intl.formatMessage({ id: 'shareKeys.form.openFile' })}
        </Button>
        <Button variant="secondary" icon={<QrCode size={18} />} onPress={() => void readKeyFrom('qr')} data-testid="contact-key-open-qr">
          {intl.formatMessage({ id: 'shareKeys.form.openQr' })}
        </Button>
      </div>

      {/* The words are announced as soon as they appear: they are the next thing to do. */}
      <div aria-live="polite" className="pairing__check">
        {words ? (
          <div className="pairing__words" data-testid="contact-fingerprint">
            <p>{intl.formatMessage({ id: 'shareKeys.form.compare' })}</p>
            <KeyWords words={words} />
            <p className="muted">{intl.formatMessage({ id: 'shareKeys.form.noMatch' })}</p>
            <Switch isSelected={matched} onChange={setMatched} testId="contact-words-match">
              {intl.formatMessage({ id: 'shareKeys.form.match' })}
            </Switch>
          </div>
        ) : null}
      </div>

      {errorText ? (
        <p className="note pairing__error" role="alert" data-testid="contact-error">
          {errorText}
        </p>
      ) : null}

      <TextField
        label={intl.formatMessage({ id: 'shareKeys.form.nameLabel' })}
        description={intl.formatMessage({ id: 'shareKeys.form.nameHint' })}
        value={name}
        onChange={(next) => {
          setName(next);
          if (actionError) setActionError(null);
        }}
        maxLength={CONTACT_NAME_MAX}
        autoComplete="off"
        className="pairing__name"
        testId="contact-name-input"
      />

      <div className="actions">
        <Button
          variant="primary"
          onPress={() => void save()}
          isDisabled={!canSave}
          aria-describedby={canSave ? undefined : reasonId}
          data-testid="contact-save"
        >
          {intl.formatMessage({ id: replacing ? 'shareKeys.form.saveReplace' : 'shareKeys.form.save' })}
        </Button>
        {onCancel ? (
          <Button variant="quiet" onPress={onCancel} data-testid="contact-cancel">
            {intl.formatMessage({ id: 'shareKeys.form.cancel' })}
          </Button>
        ) : null}
      </div>
      {canSave || saving ? null : (
        <p className="muted pairing__reason" id={reasonId} data-testid="contact-save-reason">
          {intl.formatMessage({ id: words ? 'shareKeys.form.reasonMatch' : 'shareKeys.form.reasonKey' })}
        </p>
      )}
    </section>
  );
}

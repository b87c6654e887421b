import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { FieldError, Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { ChevronDown, ChevronUp, Inbox as InboxIcon, KeyRound, Lightbulb, Trash2 } from 'lucide-react';
import * as api from '../../../api';
import type { InboxShare } from '../../../api';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/Dialog';
import { EmptyState } from '../../../components/EmptyState';
import { LiveRegion, useAnnouncement } from '../../../components/LiveRegion';
import { Switch } from '../../../components/Switch';
import { TextField } from '../../../components/TextField';
import { useApp } from '../../../app/AppContext';
import type { MessageId } from '../../../i18n';
import { errorMessageId } from '../../../i18n/errors';
import { formatSharedAt, SharedView } from '../view/SharedView';
import { ImportPanel } from './ImportPanel';
import './inbox.css';

/** Longest notes beside a share (src-tauri/sharing/inbox.rs). */
const NOTES_MAX_CHARS = 100_000;

/** The shares of one client: a paired contact, or (not paired) the name the client gave. */
type ClientGroup = { key: string; contactId: number | null; name: string; shares: InboxShare[] };

/** Groups the inbox (newest import first) by client, keeping that order inside and between groups. */
function groupByClient(shares: readonly InboxShare[]): ClientGroup[] {
  const groups = new Map<string, ClientGroup>();
  for (const share of shares) {
    const key = share.contactId !== null ? `contact-${share.contactId}` : `name-${share.clientName}`;
    const group = groups.get(key) ?? { key, contactId: share.contactId, name: share.clientName, shares: [] };
    group.shares.push(share);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * The counselor's inbox: open what a client gave (file, text or a dropped file), then every
 * share grouped by client, newest first. Each opens to exactly what the client chose to share,
 * with the counselor's private notes beside it. A client who is not paired yet can be paired
 * from the key their share carried (after comparing the words aloud), so ideas can go back.
 */
export function Inbox({ onSuggest }: { onSuggest: (contactId: number | null) => void }) {
  const intl = useIntl();
  const { lockNow } = useApp();
  const [shares, setShares] = useState<InboxShare[] | null>(null);
  const [loadProblem, setLoadProblem] = useState(false);
  const { announcement, announce } = useAnnouncement();
  // Where focus goes once the list has been read again (after a removal or a pairing).
  const focusNext = useRef<{ contactId: number | null; group: string } | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  /** Reads the inbox again; resolves once it is shown (or the problem is). */
  const load = useCallback(
    () =>
      api.listInbox().then(
        (list) => {
          setShares(list);
          setLoadProblem(false);
        },
        (error: unknown) => {
          if (api.normaliseError(error).code === 'locked') return lockNow();
          setLoadProblem(true);
        },
      ),
    [lockNow],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const groups = shares ? groupByClient(shares) : [];

  useEffect(() => {
    const wanted = focusNext.current;
    if (!wanted || shares === null) return;
    focusNext.current = null;
    const list = listRef.current;
    const group =
      (wanted.contactId !== null ? list?.querySelector<HTMLElement>(`[data-contact-id="${wanted.contactId}"]`) : null) ??
      [...(list?.querySelectorAll<HTMLElement>('[data-group]') ?? [])].find((el) => el.dataset.group === wanted.group);
    const target =
      (wanted.contactId !== null ? group?.querySelector<HTMLElement>('[data-testid="inbox-suggest"]') : null) ??
      group?.querySelector<HTMLElement>('h2') ??
      list?.querySelector<HTMLElement>('h2') ??
      list;
    target?.focus();
  }, [shares]);

  return (
    <div className="inbox" data-testid="inbox">
      <ImportPanel prefix="inbox" onImported={() => void load()} />
      <LiveRegion announcement={announcement} testId="inbox-message" />
      {loadProblem ? (
        <div className="note" data-testid="inbox-load-problem">
          <p>{intl.formatMessage({ id: 'shareInbox.inbox.loadProblem' })}</p>
          <Button variant="secondary" onPress={() => void load()}>
            {intl.formatMessage({ id: 'shareInbox.tryAgain' })}
          </Button>
        </div>
      ) : null}
      {shares !== null && groups.length === 0 ? (
        <div data-testid="inbox-empty">
          <EmptyState icon={<InboxIcon size={24} />}>{intl.formatMessage({ id: 'shareInbox.inbox.empty' })}</EmptyState>
        </div>
      ) : null}
      <div className="inbox__clients" ref={listRef} tabIndex={-1}>
        {groups.map((group) => (
          <ClientSection
            key={group.key}
            group={group}
            onSuggest={onSuggest}
            onChanged={(share) => setShares((before) => before?.map((s) => (s.id === share.id ? share : s)) ?? null)}
            onRemoved={async () => {
              announce(intl.formatMessage({ id: 'shareInbox.inbox.deleted' }), 'info');
              focusNext.current = { contactId: null, group: group.key };
              await load();
            }}
            onPaired={async (contact) => {
              announce(intl.formatMessage({ id: 'shareInbox.pair.done' }, { name: contact.name }), 'info');
              focusNext.current = { contactId: contact.id, group: group.key };
              await load();
            }}
          />
        ))}
      </div>
    </div>
  );
}

function ClientSection({
  group,
  onSuggest,
  onChanged,
  onRemoved,
  onPaired,
}: {
  group: ClientGroup;
  onSuggest: (contactId: number | null) => void;
  onChanged: (share: InboxShare) => void;
  onRemoved: () => Promise<void>;
  onPaired: (contact: api.Contact) => Promise<void>;
}) {
  const intl = useIntl();
  const ids = useId();
  const [pairing, setPairing] = useState(false);
  // The key the newest share carried for answers (none when it was locked with a passphrase).
  const withKey = group.shares.find((s) => s.payload.from.replyTo !== null);
  const replyTo = withKey?.payload.from.replyTo ?? null;
  const paired = group.contactId !== null;

  return (
    <section
      className="inbox-client"
      aria-labelledby={`${ids}-name`}
      data-testid="inbox-client"
      data-group={group.key}
      data-contact-id={group.contactId ?? undefined}
    >
      <div className="inbox-client__head">
        <h2 id={`${ids}-name`} tabIndex={-1} dir="auto">
          {group.name || intl.formatMessage({ id: 'shareInbox.inbox.noName' })}
        </h2>
        <p className="muted inbox-client__count">
          {intl.formatMessage({ id: 'shareInbox.inbox.shareCount' }, { count: group.shares.length })}
        </p>
      </div>
      {paired ? (
        <div className="actions">
          <Button variant="secondary" icon={<Lightbulb size={18} />} onPress={() => onSuggest(group.contactId)} data-testid="inbox-suggest">
            {group.name
              ? intl.formatMessage({ id: 'shareInbox.inbox.suggest' }, { name: group.name })
              : intl.formatMessage({ id: 'shareInbox.inbox.suggestNoName' })}
          </Button>
        </div>
      ) : replyTo !== null ? (
        pairing ? (
          <PairClient
            replyTo={replyTo}
            suggestedName={withKey?.payload.from.name?.trim() || ''}
            onCancel={() => setPairing(false)}
            onPaired={onPaired}
          />
        ) : (
          <div className="actions">
            <Button variant="secondary" icon={<KeyRound size={18} />} onPress={() => setPairing(true)} data-testid="inbox-pair-client">
              {group.name
                ? intl.formatMessage({ id: 'shareInbox.inbox.pair' }, { name: group.name })
                : intl.formatMessage({ id: 'shareInbox.inbox.pairNoName' })}
            </Button>
          </div>
        )
      ) : (
        <p className="muted" data-testid="inbox-no-reply">
          {intl.formatMessage({ id: 'shareInbox.inbox.noReply' })}
        </p>
      )}
      <ul className="inbox-client__shares">
        {group.shares.map((share) => (
          <li key={share.id}>
            <ShareRow share={share} onChanged={onChanged} onRemoved={onRemoved} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ShareRow({
  share,
  onChanged,
  onRemoved,
}: {
  share: InboxShare;
  onChanged: (share: InboxShare) => void;
  onRemoved: () => Promise<void>;
}) {
  const intl = useIntl();
  const ids = useId();
  const { lockNow } = useApp();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<MessageId | null>(null);
  // The notes being written; kept while the share is folded away again.
  const [notes, setNotes] = useState(share.notes ?? '');
  const received = formatSharedAt(intl, share.receivedAt);
  const count = share.payload.items.length;

  const remove = async () => {
    setProblem(null);
    try {
      await api.deleteInboxShare(share.id);
    } catch (error) {
      const code = api.normaliseError(error).code;
      if (code === 'locked') return lockNow();
      setProblem(errorMessageId(code));
      return;
    }
    await onRemoved();
  };

  return (
    <article className="inbox-share card" aria-labelledby={`${ids}-title`} data-testid="inbox-share" data-share-id={share.id}>
      <div className="inbox-share__row">
        <div>
          <p className="inbox-share__title" id={`${ids}-title`}>
            <strong>{intl.formatMessage({ id: 'shareInbox.inbox.received' }, { date: received })}</strong>
          </p>
          <p className="inbox-share__meta muted" data-testid="inbox-share-meta">
            {intl.formatMessage(
              { id: 'shareInbox.inbox.meta' },
              { date: formatSharedAt(intl, share.payload.createdAt), count },
            )}
          </p>
        </div>
        <div className="actions">
          <Button
            variant={open ? 'secondary' : 'primary'}
            icon={open ? <ChevronUp size={18} /> : <ChevronDown size={18} />}
            onPress={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={open ? `${ids}-open` : undefined}
            data-testid="inbox-share-open"
          >
            {intl.formatMessage({ id: open ? 'shareInbox.inbox.close' : 'shareInbox.inbox.open' })}
          </Button>
          <Button variant="quiet" icon={<Trash2 size={18} />} onPress={() => setConfirming(true)} data-testid="inbox-share-delete">
            {intl.formatMessage({ id: 'shareInbox.inbox.delete' })}
          </Button>
        </div>
      </div>
      <div role="alert" className="share-import__problem" data-testid="inbox-share-error">
        {problem ? <p className="note">{intl.formatMessage({ id: problem })}</p> : null}
      </div>
      {open ? (
        <div className="inbox-share__open" id={`${ids}-open`}>
          <div data-testid="inbox-share-view">
            <SharedView payload={share.payload} />
          </div>
          <Notes share={share} notes={notes} setNotes={setNotes} onChanged={onChanged} />
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={intl.formatMessage({ id: 'shareInbox.inbox.deleteTitle' })}
        confirmLabel={intl.formatMessage({ id: 'shareInbox.inbox.deleteConfirm' })}
        cancelLabel={intl.formatMessage({ id: 'shareInbox.inbox.deleteCancel' })}
        onConfirm={() => void remove()}
        testId="inbox-share-delete-dialog"
        confirmTestId="inbox-share-delete-confirm"
        cancelTestId="inbox-share-delete-cancel"
      >
        <p>{intl.formatMessage({ id: 'shareInbox.inbox.deleteBody' })}</p>
      </ConfirmDialog>
    </article>
  );
}

/** The counselor's private notes beside a share: kept in this journal only, never sent. */
function Notes({
  share,
  notes,
  setNotes,
  onChanged,
}: {
  share: InboxShare;
  notes: string;
  setNotes: (notes: string) => void;
  onChanged: (share: InboxShare) => void;
}) {
  const intl = useIntl();
  const { lockNow } = useApp();
  const { announcement, announce } = useAnnouncement();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<MessageId | null>(null);
  const tooLong = [...notes].length > NOTES_MAX_CHARS;
  const unchanged = (share.notes ?? '') === (notes.trim() === '' ? '' : notes);

  const save = async () => {
    if (tooLong) return;
    setBusy(true);
    setProblem(null);
    try {
      const saved = await api.saveInboxNotes(share.id, notes.trim() === '' ? null : notes);
      onChanged(saved);
      announce(intl.formatMessage({ id: 'shareInbox.notes.saved' }), 'info');
    } catch (error) {
      const code = api.normaliseError(error).code;
      if (code === 'locked') return lockNow();
      setProblem(errorMessageId(code));
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside className="inbox-notes" aria-label={intl.formatMessage({ id: 'shareInbox.notes.label' })}>
      <AriaTextField className="field" value={notes} onChange={setNotes} isInvalid={tooLong} validationBehavior="aria">
        <Label className="field__label">{intl.formatMessage({ id: 'shareInbox.notes.label' })}</Label>
        <Text slot="description" className="field__description">
          {intl.formatMessage({ id: 'shareInbox.notes.hint' })}
        </Text>
        <TextArea className="field__input inbox-notes__text" rows={8} dir="auto" data-testid="inbox-notes" />
        <FieldError className="field__error">
          {intl.formatMessage({ id: 'shareInbox.notes.tooLong' }, { max: NOTES_MAX_CHARS })}
        </FieldError>
      </AriaTextField>
      <div className="actions">
        <Button variant="primary" isDisabled={busy || tooLong || unchanged} onPress={() => void save()} data-testid="inbox-notes-save">
          {intl.formatMessage({ id: 'shareInbox.notes.save' })}
        </Button>
      </div>
      <div role="alert" className="share-import__problem" data-testid="inbox-notes-error">
        {problem ? <p className="note">{intl.formatMessage({ id: problem })}</p> : null}
      </div>
      <LiveRegion announcement={announcement} testId="inbox-notes-status" />
    </aside>
  );
}

/**
 * Pairing with a client from the key their share carried: its words, to compare aloud with the
 * words on the client's own screen, a "they match" switch, and a name. Nothing is saved until
 * the words match.
 */
function PairClient({
  replyTo,
  suggestedName,
  onCancel,
  onPaired,
}: {
  replyTo: string;
  suggestedName: string;
  onCancel: () => void;
  onPaired: (contact: api.Contact) => Promise<void>;
}) {
  const intl = useIntl();
  const ids = useId();
  const { lockNow } = useApp();
  const [words, setWords] = useState<string[] | null>(null);
  const [match, setMatch] = useState(false);
  const [name, setName] = useState(suggestedName);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<MessageId | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
    let live = true;
    api.shareKeyFingerprint(replyTo).then(
      (found) => {
        if (live) setWords(found);
      },
      (error: unknown) => {
        if (!live) return;
        const code = api.normaliseError(error).code;
        if (code === 'locked') return lockNow();
        setProblem('shareInbox.pair.wordsProblem');
      },
    );
    return () => {
      live = false;
    };
  }, [replyTo, lockNow]);

  const nameMissing = name.trim() === '';
  const reason: MessageId | null = !match ? 'shareInbox.pair.matchNeeded' : nameMissing ? 'shareInbox.pair.nameNeeded' : null;

  const save = async () => {
    if (reason !== null || words === null) return;
    setBusy(true);
    setProblem(null);
    let contact: api.Contact;
    try {
      contact = await api.saveContact({ id: null, role: 'client', name: name.trim(), recipient: replyTo });
    } catch (error) {
      const code = api.normaliseError(error).code;
      if (code === 'locked') return lockNow();
      setProblem(code === 'invalid_input' ? 'shareInbox.pair.refused' : errorMessageId(code));
      setBusy(false);
      return;
    }
    await onPaired(contact);
  };

  return (
    <form
      className="inbox-pair card"
      aria-labelledby={`${ids}-title`}
      data-testid="inbox-pair"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 id={`${ids}-title`} ref={headingRef} tabIndex={-1}>
        {intl.formatMessage({ id: 'shareInbox.pair.title' })}
      </h3>
      <p>{intl.formatMessage({ id: 'shareInbox.pair.wordsLead' })}</p>
      {words ? (
        <ol className="inbox-pair__words" data-testid="inbox-pair-words">
          {words.map((word, i) => (
            <li key={`${i}-${word}`}>{word}</li>
          ))}
        </ol>
      ) : null}
      <p className="muted" id={`${ids}-how`}>
        {intl.formatMessage({ id: 'shareInbox.pair.wordsHow' })}
      </p>
      <Switch isSelected={match} onChange={setMatch} describedBy={`${ids}-how`} testId="inbox-pair-match">
        {intl.formatMessage({ id: 'shareInbox.pair.match' })}
      </Switch>
      <TextField
        label={intl.formatMessage({ id: 'shareInbox.pair.nameLabel' })}
        description={intl.formatMessage({ id: 'shareInbox.pair.nameHint' })}
        value={name}
        onChange={setName}
        autoComplete="off"
        maxLength={100}
        testId="inbox-pair-name"
      />
      {reason ? (
        <p className="muted suggest__reason" data-testid="inbox-pair-reason">
          {intl.formatMessage({ id: reason })}
        </p>
      ) : null}
      <div className="actions">
        <Button type="submit" variant="primary" isDisabled={busy || reason !== null || words === null} data-testid="inbox-pair-save">
          {intl.formatMessage({ id: 'shareInbox.pair.save' })}
        </Button>
        <Button variant="quiet" onPress={onCancel} data-testid="inbox-pair-cancel">
          {intl.formatMessage({ id: 'shareInbox.pair.cancel' })}
        </Button>
      </div>
      <div role="alert" className="share-import__problem" data-testid="inbox-pair-error">
        {problem ? <p className="note">{intl.formatMessage({ id: problem })}</p> : null}
      </div>
    </form>
  );
}

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { KeyRound, Trash2, UserPlus } from 'lucide-react';
import * as api from '../../../api';
import type { Contact, ContactRole, ErrorCode, MyKey } from '../../../api';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/Dialog';
import { LiveRegion, useAnnouncement } from '../../../components/LiveRegion';
import { errorMessageId } from '../../../i18n/errors';
import { KeyWords } from './KeyWords';
import { MyKeyCard } from './MyKeyCard';
import { PairingForm } from './PairingForm';
import './keys.css';

/** Which form is open: pairing someone new, or a new key for one contact. */
type OpenForm = { mode: 'add' } | { mode: 'replace'; id: number } | null;

/** Where the keyboard goes once the list has been read again. */
type FocusTarget = { contactId: number } | 'heading' | 'add' | null;

/**
 * Pairing: this journal's own key (to show, copy or save), then the people paired with it — a
 * client's counselors (`role` "counselor") or a counselor's clients (`role` "client") — and a
 * way to pair with someone new by comparing words aloud.
 */
export function People({ role }: { role: ContactRole }) {
  const intl = useIntl();
  const headingId = useId();
  const [myKey, setMyKey] = useState<MyKey | null>(null);
  const [myKeyError, setMyKeyError] = useState<ErrorCode | null>(null);
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  const [listError, setListError] = useState<ErrorCode | null>(null);
  const [form, setForm] = useState<OpenForm>(null);
  // Who the remove question is about (kept while the dialog closes, so its words stay put).
  const [removing, setRemoving] = useState<Contact | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const { announcement, announce } = useAnnouncement();
  const listSection = useRef<HTMLElement>(null);
  const focusNext = useRef<FocusTarget>(null);

  useEffect(() => {
    let current = true;
    api.myShareKey().then(
      (key) => {
        if (current) setMyKey(key);
      },
      (raw) => {
        if (current) setMyKeyError(api.normaliseError(raw).code);
      },
    );
    return () => {
      current = false;
    };
  }, []);

  const reload = useCallback(() => {
    return api.listContacts().then(
      (list) => {
        setContacts(list);
        setListError(null);
      },
      (raw) => setListError(api.normaliseError(raw).code),
    );
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Once the list shows what just changed, the keyboard lands somewhere that makes sense.
  useEffect(() => {
    const target = focusNext.current;
    const section = listSection.current;
    if (target === null || section === null) return;
    focusNext.current = null;
    let element: HTMLElement | null = null;
    if (target === 'heading') element = section.querySelector<HTMLElement>('.people__heading');
    else if (target === 'add') element = section.querySelector<HTMLElement>('[data-testid="contact-add"]');
    else element = section.querySelector<HTMLElement>(`[data-contact-id="${target.contactId}"] .contact-item__name`);
    element?.focus();
  }, [contacts, form]);

  const mine = contacts?.filter((c) => c.role === role) ?? [];
  const showAddForm = contacts !== null && (form?.mode === 'add' || (mine.length === 0 && form === null));

  const saved = (contact: Contact, replaced: boolean) => {
    focusNext.current = { contactId: contact.id };
    setForm(null);
    announce(
      intl.formatMessage({ id: replaced ? 'shareKeys.list.replacedDone' : 'shareKeys.list.pairedDone' }, { name: contact.name }),
    );
    void reload();
  };

  const remove = async (contact: Contact) => {
    try {
      await api.deleteContact(contact.id);
      focusNext.current = 'heading';
      if (form?.mode === 'replace' && form.id === contact.id) setForm(null);
      announce(intl.formatMessage({ id: 'shareKeys.list.removedDone' }, { name: contact.name, role }));
      await reload();
    } catch (raw) {
      announce(intl.formatMessage({ id: errorMessageId(api.normaliseError(raw).code) }));
    }
  };

  const day = (iso: string) => intl.formatDate(new Date(iso), { day: 'numeric', month: 'long', year: 'numeric' });

  return (
    <div className="people" data-testid="people">
      <MyKeyCard partner={role} myKey={myKey} loadError={myKeyError} />

      <section className="people__list" aria-labelledby={headingId} ref={listSection}>
        <h2 id={headingId} className="people__heading" tabIndex={-1}>
          {intl.formatMessage({ id: 'shareKeys.list.title' }, { role })}
        </h2>
        {listError ? (
          <p className="note" data-testid="contacts-error">
            {intl.formatMessage({ id: errorMessageId(listError) })}
          </p>
        ) : null}
        {contacts === null && listError === null ? (
          <p className="muted">{intl.formatMessage({ id: 'shareKeys.list.loading' })}</p>
        ) : null}
        {contacts !== null && mine.length === 0 ? (
          <p className="muted" data-testid="contacts-empty">
            {intl.formatMessage({ id: 'shareKeys.list.empty' }, { role })}
          </p>
        ) : null}
        {mine.length > 0 ? (
          <ul className="contact-list" data-testid="contact-list">
            {mine.map((contact) => (
              <li key={contact.id} className="contact-item" data-testid="contact-item" data-contact-id={contact.id}>
                <h3 className="contact-item__name" tabIndex={-1} data-testid="contact-name">
                  {contact.name}
                </h3>
                <div className="contact-item__words">
                  <span className="muted">{intl.formatMessage({ id: 'shareKeys.list.words' })}</span>
                  <KeyWords words={contact.fingerprint} size="small" testId="contact-words" />
                </div>
                <p className="muted contact-item__dates" data-testid="contact-dates">
                  {intl.formatMessage({ id: 'shareKeys.list.pairedOn' }, { date: day(contact.pairedAt) })}
                  {contact.keyReplacedAt ? (
                    <>
                      {' · '}
                      <span data-testid="contact-replaced">
                        {intl.formatMessage({ id: 'shareKeys.list.replacedOn' }, { date: day(contact.keyReplacedAt) })}
                      </span>
                    </>
                  ) : null}
                </p>
                <div className="actions">
                  <Button
                    variant="secondary"
                    icon={<KeyRound size={18} />}
                    onPress={() => setForm({ mode: 'replace', id: contact.id })}
                    aria-label={intl.formatMessage({ id: 'shareKeys.list.replaceLabel' }, { name: contact.name })}
                    aria-expanded={form?.mode === 'replace' && form.id === contact.id}
                    data-testid="contact-replace"
                  >
                    {intl.formatMessage({ id: 'shareKeys.list.replace' })}
                  </Button>
                  <Button
                    variant="quiet"
                    icon={<Trash2 size={18} />}
                    onPress={() => {
                      setRemoving(contact);
                      setConfirmOpen(true);
                    }}
                    aria-label={intl.formatMessage({ id: 'shareKeys.list.removeLabel' }, { name: contact.name })}
                    data-testid="contact-remove"
                  >
                    {intl.formatMessage({ id: 'shareKeys.list.remove' })}
                  </Button>
                </div>
                {form?.mode === 'replace' && form.id === contact.id ? (
                  <PairingForm
                    key={`replace-${contact.id}`}
                    role={role}
                    contacts={contacts ?? []}
                    myRecipient={myKey?.recipient ?? null}
                    replacing={contact}
                    onSaved={(changed) => saved(changed, true)}
                    onCancel={() => {
                      focusNext.current = { contactId: contact.id };
                      setForm(null);
                    }}
                    focusOnOpen
                  />
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}

        {showAddForm ? (
          <PairingForm
            key="add"
            role={role}
            contacts={contacts ?? []}
            myRecipient={myKey?.recipient ?? null}
            replacing={null}
            onSaved={(contact) => saved(contact, false)}
            onCancel={
              mine.length > 0
                ? () => {
                    focusNext.current = 'add';
                    setForm(null);
                  }
                : undefined
            }
            focusOnOpen={form?.mode === 'add'}
          />
        ) : null}
        {contacts !== null && !showAddForm ? (
          <div className="actions">
            <Button variant="primary" icon={<UserPlus size={18} />} onPress={() => setForm({ mode: 'add' })} data-testid="contact-add">
              {intl.formatMessage({ id: 'shareKeys.list.add' }, { role })}
            </Button>
          </div>
        ) : null}
        <LiveRegion announcement={announcement} testId="people-message" />
      </section>

      <ConfirmDialog
        isOpen={confirmOpen}
        onOpenChange={setConfirmOpen}
        title={intl.formatMessage({ id: 'shareKeys.remove.title' }, { name: removing?.name ?? '' })}
        confirmLabel={intl.formatMessage({ id: 'shareKeys.remove.confirm' })}
        cancelLabel={intl.formatMessage({ id: 'shareKeys.remove.cancel' })}
        onConfirm={() => {
          if (removing) void remove(removing);
        }}
        testId="contact-remove-confirm"
        confirmTestId="contact-remove-yes"
        cancelTestId="contact-remove-no"
      >
        <p>{intl.formatMessage({ id: 'shareKeys.remove.body' }, { name: removing?.name ?? '', role })}</p>
        <p>{intl.formatMessage({ id: 'shareKeys.remove.kept' }, { role })}</p>
      </ConfirmDialog>
    </div>
  );
}

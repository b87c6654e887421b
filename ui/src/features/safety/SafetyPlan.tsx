import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Input, TextField as AriaTextField } from 'react-aria-components';
import { ArrowDown, ArrowUp, ArrowLeft, Plus, Printer, Trash2 } from 'lucide-react';
import * as api from '../../api';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { LiveRegion, useAnnouncement } from '../../components/LiveRegion';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TextField } from '../../components/TextField';
import type { MessageId } from '../../i18n';
import {
  addRow,
  draftProblems,
  draftToPlan,
  hasUnsavedChanges,
  LIMITS,
  moveRow,
  removeRow,
  SECTIONS,
  sectionExample,
  sectionLength,
  sectionTitle,
  updateContact,
  updateText,
  type ContactKey,
  type DraftProblem,
  type SafetyDraft,
  type SectionDef,
} from './plan';
import { useSafetyPlan } from './SafetyPlanContext';
import './safety.css';

/**
 * What to focus after the next render (a row that was added, moved or removed). `onlyIfLost`:
 * only when focus fell back to the page (its element was removed).
 */
type FocusRequest = { selector: string; onlyIfLost?: boolean } | null;

const focusOn = (name: string): FocusRequest => ({ selector: `[data-focus="${name}"]` });

/**
 * The personal safety plan: seven sections, each a list the person can add to, edit, reorder
 * (buttons, never drag-only) and remove from. Everything is optional. Printing asks first, because
 * a printed copy isn't locked.
 */
export function SafetyPlanScreen({ onBack }: { onBack: () => void }) {
  const intl = useIntl();
  const store = useSafetyPlan();
  const { saved, draft, loadFailed } = store;
  const { announcement, announce } = useAnnouncement();
  const [busy, setBusy] = useState(false);
  const [showProblems, setShowProblems] = useState(false);
  const [printOpen, setPrintOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<FocusRequest>(null);

  // Move focus once the rows have re-rendered (after add, move or remove).
  useEffect(() => {
    const request = pendingFocus.current;
    if (!request) return;
    pendingFocus.current = null;
    const active = document.activeElement;
    if (request.onlyIfLost && active && active !== document.body && active.isConnected) return;
    const target = rootRef.current?.querySelector<HTMLElement>(request.selector);
    const focusable = target?.matches('input, button, textarea') ? target : target?.querySelector<HTMLElement>('input');
    focusable?.focus();
  });

  const problems = showProblems && draft ? draftProblems(draft) : [];

  const change = (update: (d: SafetyDraft) => SafetyDraft) => store.updateDraft(update);

  const add = (section: SectionDef) => {
    if (!draft) return;
    const { id } = addRow(draft, section);
    change((d) => addRow(d, section).draft);
    pendingFocus.current = focusOn(`row-${id}`);
  };

  const remove = (section: SectionDef, index: number) => {
    if (!draft) return;
    const length = sectionLength(draft, section);
    const rows = section.kind === 'text' ? draft.text[section.key] : draft.contacts[section.key];
    const neighbour = rows[index + 1] ?? rows[index - 1];
    change((d) => removeRow(d, section, index));
    pendingFocus.current = neighbour && length > 1 ? focusOn(`row-${neighbour.id}`) : focusOn(`add-${section.key}`);
    announce(intl.formatMessage({ id: 'safety.removed' }), 'info');
  };

  const move = (section: SectionDef, index: number, by: -1 | 1) => {
    if (!draft) return;
    const rows = section.kind === 'text' ? draft.text[section.key] : draft.contacts[section.key];
    const row = rows[index];
    const target = index + by;
    if (!row || target < 0 || target >= rows.length) return;
    change((d) => moveRow(d, section, index, by));
    // Keep focus on the same button as it moves, unless it just reached the end of the list.
    const atEnd = by === -1 ? target === 0 : target === rows.length - 1;
    const control = (by === -1) !== atEnd ? 'up' : 'down';
    pendingFocus.current = focusOn(`${control}-${row.id}`);
    announce(intl.formatMessage({ id: 'safety.moved' }, { position: target + 1, total: rows.length }), 'info');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !draft) return;
    const found = draftProblems(draft);
    const first = found[0];
    if (first) {
      setShowProblems(true);
      announce(intl.formatMessage({ id: first.message }));
      pendingFocus.current = { selector: `[data-testid="safety-contact-${first.key}-${first.index}-${first.field}"]` };
      return;
    }
    setBusy(true);
    try {
      await store.save(draftToPlan(draft, saved?.updatedAt ?? null), draft);
      setShowProblems(false);
      // If the row that had focus was blank (and is now gone), keep focus on Save.
      pendingFocus.current = { selector: '[data-testid="safety-save"]', onlyIfLost: true };
      announce(intl.formatMessage({ id: 'safety.saved' }), 'info');
    } catch (error) {
      const { code } = api.normaliseError(error);
      const id: MessageId =
        code === 'invalid_input' ? 'safety.saveInvalid' : code === 'storage_full' ? 'error.storage_full' : 'safety.saveFailed';
      announce(intl.formatMessage({ id }));
    } finally {
      setBusy(false);
    }
  };

  // The system print dialog opens on its own (the command returns at once); the plan's print
  // styles decide what goes on paper.
  const print = async () => {
    try {
      await api.printPage();
    } catch {
      announce(intl.formatMessage({ id: 'safety.print.failed' }));
    }
  };

  const updatedAt = saved?.updatedAt ? new Date(saved.updatedAt) : null;
  const updatedText =
    updatedAt && !Number.isNaN(updatedAt.getTime())
      ? intl.formatMessage(
          { id: 'safety.updated' },
          { date: intl.formatDate(updatedAt, { dateStyle: 'long', timeStyle: 'short' }) },
        )
      : intl.formatMessage({ id: 'safety.neverSaved' });

  return (
    <div className="safety" ref={rootRef}>
      <div className="safety__screen">
        <ScreenHeading>{intl.formatMessage({ id: 'safety.title' })}</ScreenHeading>
        <p className="lead">{intl.formatMessage({ id: 'safety.intro' })}</p>

        {!draft || !saved ? (
          loadFailed ? (
            <div className="stack">
              <p className="note" role="status">
                {intl.formatMessage({ id: 'safety.loadFailed' })}
              </p>
              <div className="actions">
                <Button variant="primary" onPress={store.load} data-testid="safety-retry">
                  {intl.formatMessage({ id: 'app.retry' })}
                </Button>
                <Button variant="quiet" icon={<ArrowLeft size={18} />} onPress={onBack} data-testid="safety-back">
                  {intl.formatMessage({ id: 'safety.back' })}
                </Button>
              </div>
            </div>
          ) : (
            <p className="muted" aria-busy="true">
              {intl.formatMessage({ id: 'safety.loading' })}
            </p>
          )
        ) : (
          <>
            <p className="muted" data-testid="safety-updated">
              {updatedText}
            </p>
            <form className="safety__form" onSubmit={submit} noValidate>
              {SECTIONS.map((section) => (
                <SectionEditor
                  key={section.key}
                  section={section}
                  draft={draft}
                  problems={problems}
                  onAdd={() => add(section)}
                  onRemove={(index) => remove(section, index)}
                  onMove={(index, by) => move(section, index, by)}
                  onText={(index, text) => section.kind === 'text' && change((d) => updateText(d, section.key, index, text))}
                  onContact={(index, patch) =>
                    section.kind === 'contact' && change((d) => updateContact(d, section.key, index, patch))
                  }
                />
              ))}
              <div className="safety__bar">
                <LiveRegion announcement={announcement} testId="safety-message" />
                {hasUnsavedChanges(draft, saved) ? (
                  <p className="muted safety__unsaved" data-testid="safety-unsaved">
                    {intl.formatMessage({ id: 'safety.unsaved' })}
                  </p>
                ) : null}
                <div className="actions">
                  <Button type="submit" variant="primary" isDisabled={busy} data-testid="safety-save">
                    {intl.formatMessage({ id: busy ? 'safety.saving' : 'safety.save' })}
                  </Button>
                  <Button
                    variant="secondary"
                    icon={<Printer size={18} />}
                    onPress={() => setPrintOpen(true)}
                    data-testid="safety-print"
                  >
                    {intl.formatMessage({ id: 'safety.print' })}
                  </Button>
                  <Button variant="quiet" icon={<ArrowLeft size={18} />} onPress={onBack} data-testid="safety-back">
                    {intl.formatMessage({ id: 'safety.back' })}
                  </Button>
                </div>
              </div>
            </form>
          </>
        )}
      </div>

      {draft ? <PrintedPlan draft={draft} /> : null}

      <ConfirmDialog
        isOpen={printOpen}
        onOpenChange={setPrintOpen}
        title={intl.formatMessage({ id: 'safety.print.title' })}
        confirmLabel={intl.formatMessage({ id: 'safety.print.confirm' })}
        cancelLabel={intl.formatMessage({ id: 'safety.print.cancel' })}
        onConfirm={() => void print()}
        testId="safety-print-dialog"
        confirmTestId="safety-print-confirm"
        cancelTestId="safety-print-cancel"
      >
        <p>{intl.formatMessage({ id: 'safety.print.warning' })}</p>
      </ConfirmDialog>
    </div>
  );
}

type SectionEditorProps = {
  section: SectionDef;
  draft: SafetyDraft;
  problems: readonly DraftProblem[];
  onAdd: () => void;
  onRemove: (index: number) => void;
  onMove: (index: number, by: -1 | 1) => void;
  onText: (index: number, text: string) => void;
  onContact: (index: number, patch: { name?: string; phone?: string; note?: string }) => void;
};

function SectionEditor({ section, draft, problems, onAdd, onRemove, onMove, onText, onContact }: SectionEditorProps) {
  const intl = useIntl();
  const { key } = section;
  const title = intl.formatMessage({ id: sectionTitle(key) });
  const headingId = `safety-${key}-heading`;
  const exampleId = `safety-${key}-example`;
  const count = sectionLength(draft, section);
  const full = count >= LIMITS.itemsPerSection;

  const controls = (index: number, id: number, label: string) => (
    <div className="safety-row__controls">
      <Button
        variant="quiet"
        icon={<ArrowUp size={16} />}
        isDisabled={index === 0}
        onPress={() => onMove(index, -1)}
        data-testid={`safety-up-${key}-${index}`}
        data-focus={`up-${id}`}
      >
        {intl.formatMessage({ id: 'safety.moveUp' })}
        <span className="visually-hidden">{`: ${label}`}</span>
      </Button>
      <Button
        variant="quiet"
        icon={<ArrowDown size={16} />}
        isDisabled={index === count - 1}
        onPress={() => onMove(index, 1)}
        data-testid={`safety-down-${key}-${index}`}
        data-focus={`down-${id}`}
      >
        {intl.formatMessage({ id: 'safety.moveDown' })}
        <span className="visually-hidden">{`: ${label}`}</span>
      </Button>
      <Button
        variant="quiet"
        icon={<Trash2 size={16} />}
        onPress={() => onRemove(index)}
        data-testid={`safety-remove-${key}-${index}`}
        data-focus={`remove-${id}`}
      >
        {intl.formatMessage({ id: 'safety.remove' })}
        <span className="visually-hidden">{`: ${label}`}</span>
      </Button>
    </div>
  );

  return (
    <section className="safety-section" aria-labelledby={headingId} data-testid={`safety-section-${key}`}>
      <h2 id={headingId} className="safety-section__title">
        {title}
      </h2>
      <p id={exampleId} className="muted safety-section__example">
        {intl.formatMessage({ id: sectionExample(key) })}
      </p>
      {count > 0 ? (
        <ol className="safety-list">
          {section.kind === 'text'
            ? draft.text[section.key].map((row, index) => {
                const label = intl.formatMessage({ id: 'safety.itemLabel' }, { section: title, number: index + 1 });
                return (
                  <li key={row.id} className="safety-row" data-focus={`row-${row.id}`}>
                    <AriaTextField
                      className="safety-row__field"
                      value={row.text}
                      onChange={(text) => onText(index, text)}
                      maxLength={LIMITS.itemChars}
                      aria-label={label}
                    >
                      <Input
                        className="field__input"
                        data-testid={`safety-item-${key}-${index}`}
                        aria-describedby={exampleId}
                        autoComplete="off"
                      />
                    </AriaTextField>
                    {controls(index, row.id, label)}
                  </li>
                );
              })
            : draft.contacts[section.key].map((row, index) => {
                const label = intl.formatMessage({ id: 'safety.contactLabel' }, { number: index + 1 });
                const problem = (field: DraftProblem['field']) =>
                  problems.find((p) => p.key === (key as ContactKey) && p.index === index && p.field === field);
                const phoneProblem = problem('phone');
                const nameProblem = problem('name');
                return (
                  <li key={row.id} className="safety-row safety-row--contact" data-focus={`row-${row.id}`}>
                    <fieldset className="safety-contact">
                      <legend className="safety-contact__legend">
                        <span className="visually-hidden">{`${title} — `}</span>
                        {label}
                      </legend>
                      <div className="safety-contact__fields">
                        <TextField
                          label={intl.formatMessage({ id: 'safety.contact.name' })}
                          value={row.name}
                          onChange={(name) => onContact(index, { name })}
                          maxLength={LIMITS.nameChars}
                          autoComplete="off"
                          errorMessage={nameProblem ? intl.formatMessage({ id: nameProblem.message }) : undefined}
                          testId={`safety-contact-${key}-${index}-name`}
                        />
                        <TextField
                          label={intl.formatMessage({ id: 'safety.contact.phone' })}
                          value={row.phone}
                          onChange={(phone) => onContact(index, { phone })}
                          maxLength={LIMITS.phoneChars}
                          inputMode="tel"
                          autoComplete="off"
                          errorMessage={phoneProblem ? intl.formatMessage({ id: phoneProblem.message }) : undefined}
                          testId={`safety-contact-${key}-${index}-phone`}
                        />
                        <TextField
                          label={intl.formatMessage({ id: 'safety.contact.note' })}
                          value={row.note}
                          onChange={(note) => onContact(index, { note })}
                          maxLength={LIMITS.noteChars}
                          autoComplete="off"
                          testId={`safety-contact-${key}-${index}-note`}
                        />
                      </div>
                    </fieldset>
                    {controls(index, row.id, `${title} — ${label}`)}
                  </li>
                );
              })}
        </ol>
      ) : null}
      <div className="actions">
        <Button
          variant="secondary"
          icon={<Plus size={18} />}
          onPress={onAdd}
          isDisabled={full}
          data-testid={`safety-add-${key}`}
          data-focus={`add-${key}`}
        >
          {intl.formatMessage({ id: section.kind === 'contact' ? 'safety.addPerson' : 'safety.add' })}
          <span className="visually-hidden">{`: ${title}`}</span>
        </Button>
      </div>
      {full ? <p className="muted">{intl.formatMessage({ id: 'safety.full' }, { count: LIMITS.itemsPerSection })}</p> : null}
    </section>
  );
}

/**
 * The plain copy that the system print dialog (`api.printPage()`) prints: hidden on screen and
 * from screen readers (they have the form itself). Empty sections get a couple of lines to write
 * on by hand.
 */
function PrintedPlan({ draft }: { draft: SafetyDraft }) {
  const intl = useIntl();
  const plan = draftToPlan(draft, null);
  return (
    <div className="safety-print" aria-hidden="true" data-testid="safety-print-copy">
      <p className="safety-print__title">{intl.formatMessage({ id: 'safety.print.heading' })}</p>
      {SECTIONS.map((section) => {
        const lines =
          section.kind === 'text'
            ? plan[section.key]
            : plan[section.key].map((c) => [c.name, c.phone, c.note].filter(Boolean).join(' — '));
        return (
          <div key={section.key} className="safety-print__section">
            <p className="safety-print__heading">{intl.formatMessage({ id: sectionTitle(section.key) })}</p>
            {lines.length > 0 ? (
              <ol>
                {lines.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ol>
            ) : (
              <div className="safety-print__blank">
                <span />
                <span />
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}

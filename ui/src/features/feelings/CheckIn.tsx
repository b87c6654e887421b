import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { FieldError, Label, TextArea, TextField as AriaTextField, ToggleButton } from 'react-aria-components';
import { Plus, X } from 'lucide-react';
import * as api from '../../api';
import type { Entry } from '../../api';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { LiveRegion, useAnnouncement } from '../../components/LiveRegion';
import { TextField } from '../../components/TextField';
import { useApp } from '../../app/AppContext';
import { useNavigate } from '../shell/navigation';
import { useLibrary } from './LibraryContext';
import { useFeelingName, useFeelingValence } from './useFeelingName';
import { CoreIcon } from './CoreIcon';
import { FeelingsPad } from './FeelingsPad';
import { IntensitySlider } from './IntensitySlider';
import { OwnWordForm, type OwnWordResult } from './OwnWordForm';
import {
  EMPTY_DRAFT,
  MAX_NOTE_CHARS,
  MAX_PICKS,
  choosePick,
  draftIsEmpty,
  draftTooLong,
  noteTooLong,
  isHardCheckin,
  setIntensity,
  toEntryDraft,
  togglePick,
  toggleSensation,
  type CheckinDraft,
} from './checkin';
import { CORES, CUSTOM_PREFIX, SENSATIONS, feelingById, feelingsOfCore, foldForSearch, searchFeelings } from './vocabulary';
import './feelings.css';

/** A word as the check-in shows it: shipped or the person's own. */
type Word = { id: string; name: string; meaning: string | null; core: string | null; own: boolean };

export type CheckInProps = {
  /** The core feeling whose words are open at first (e.g. from Today's one-tap row). */
  initialCore?: string | null;
  /** Shows a Close button (Today shows the check-in in place). */
  onClose?: () => void;
  /** Called after a check-in was saved. */
  onSaved?: (entry: Entry) => void;
  /** "See patterns" after saving; by default goes to Feelings → Patterns. */
  onSeePatterns?: () => void;
};

type Saved = { hard: boolean };

/**
 * The feelings check-in. Core feelings first, then the words under the open one (each word's
 * meaning on hover and focus, and as its description), a search across every word, the person's
 * own words, an intensity per chosen word, the optional pad, body sensations and two optional
 * notes. The fast path is two actions: choose a word, Save.
 */
export function CheckIn({ initialCore = null, onClose, onSaved, onSeePatterns }: CheckInProps) {
  const intl = useIntl();
  const { locale, lockNow } = useApp();
  const navigate = useNavigate();
  const { library, updateLibrary } = useLibrary();
  const feelingName = useFeelingName();
  const valenceOf = useFeelingValence();
  const titleId = useId();
  const panelId = useId();
  const saveHintId = useId();
  const idBase = useId();

  const [draft, setDraft] = useState<CheckinDraft>(EMPTY_DRAFT);
  const [openCore, setOpenCore] = useState<string | null>(initialCore);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<string | null>(null);
  const [addingOwn, setAddingOwn] = useState(false);
  const [removing, setRemoving] = useState<Word | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const { announcement, announce, clear } = useAnnouncement();
  const panel = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);

  // Opened with a core (Today's one-tap row): the words are the next step, so start there.
  useEffect(() => {
    if (initialCore) panel.current?.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
  }, [initialCore]);

  // After "Check in again", start at the top.
  useEffect(() => {
    if (!saved && focusHeading.current) {
      focusHeading.current = false;
      heading.current?.focus({ preventScroll: true });
    }
  }, [saved]);

  const ownWords = useMemo<Word[]>(
    () =>
      library.customFeelings.map((c) => ({
        id: CUSTOM_PREFIX + c.id,
        name: c.word,
        meaning: c.meaning,
        core: c.core && CORES.some((core) => core.id === c.core) ? c.core : null,
        own: true,
      })),
    [library.customFeelings],
  );

  const shippedWord = (f: ReturnType<typeof feelingsOfCore>[number]): Word => ({
    id: f.id,
    name: f[locale].name,
    meaning: f[locale].meaning,
    core: f.core,
    own: false,
  });

  const coreWords = (coreId: string): Word[] => [
    ...feelingsOfCore(coreId).map(shippedWord),
    ...ownWords.filter((w) => w.core === coreId),
  ];

  const searching = query.trim() !== '';
  const results: Word[] = searching
    ? [
        ...searchFeelings(query, locale).map(shippedWord),
        ...ownWords.filter((w) => foldForSearch(w.name).includes(foldForSearch(query))),
      ]
    : [];

  const chosenIds = new Set(draft.picks.map((p) => p.feeling));
  const coreOf = (feelingId: string): string | null =>
    feelingId.startsWith(CUSTOM_PREFIX)
      ? (ownWords.find((w) => w.id === feelingId)?.core ?? null)
      : (feelingById(feelingId)?.core ?? null);
  const chosenUnder = (coreId: string) => draft.picks.filter((p) => coreOf(p.feeling) === coreId).length;

  const descriptionId = (wordId: string) => `${idBase}-meaning-${wordId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

  const onOwnDone = (result: OwnWordResult) => {
    setAddingOwn(false);
    setDraft((d) => choosePick(d, result.feelingId));
    announce(
      intl.formatMessage({ id: result.existed ? 'checkin.own.exists' : 'checkin.own.added' }, { word: result.word }),
      'info',
    );
  };

  const removeOwn = async (word: Word) => {
    const id = word.id.slice(CUSTOM_PREFIX.length);
    try {
      await updateLibrary((current) => ({
        ...current,
        customFeelings: current.customFeelings.filter((c) => c.id !== id),
      }));
      setDraft((d) => ({ ...d, picks: d.picks.filter((p) => p.feeling !== word.id) }));
      announce(intl.formatMessage({ id: 'checkin.own.removed' }, { word: word.name }), 'info');
    } catch {
      announce(intl.formatMessage({ id: 'checkin.own.removeFailed' }));
    }
  };

  const empty = draftIsEmpty(draft);
  const tooLong = draftTooLong(draft);

  const toggleWord = (feelingId: string) => {
    if (!chosenIds.has(feelingId) && draft.picks.length >= MAX_PICKS) {
      announce(intl.formatMessage({ id: 'checkin.tooManyWords' }, { max: MAX_PICKS }));
      return;
    }
    setDraft((d) => togglePick(d, feelingId));
  };

  const save = async () => {
    if (empty || tooLong || saving) return;
    setSaving(true);
    clear();
    try {
      const entry = await api.saveEntry(toEntryDraft(draft, valenceOf));
      if (entry) {
        setSaved({ hard: isHardCheckin(draft.picks, valenceOf) });
        onSaved?.(entry);
      }
    } catch (error) {
      if (api.isCommandFailure(error) && error.code === 'locked') {
        lockNow();
        return;
      }
      const tooLong = api.isCommandFailure(error) && error.code === 'invalid_input';
      announce(intl.formatMessage({ id: tooLong ? 'checkin.error.tooLong' : 'checkin.error.save' }));
    } finally {
      setSaving(false);
    }
  };

  const again = () => {
    focusHeading.current = true;
    setDraft(EMPTY_DRAFT);
    setSaved(null);
    setQuery('');
    setOpenCore(null);
  };

  if (saved) {
    return (
      <SavedPanel
        hard={saved.hard}
        onWriteMore={() => navigate('journal', { kind: 'new-entry' })}
        onSeePatterns={onSeePatterns ?? (() => navigate('feelings', { kind: 'insights' }))}
        onAgain={again}
        onHelp={() => navigate('help')}
        onSafetyPlan={() => navigate('safety-plan')}
        onClose={onClose}
      />
    );
  }

  const renderChip = (word: Word) => {
    const selected = chosenIds.has(word.id);
    return (
      <li key={word.id} className="word">
        <ToggleButton
          className="chip word__chip"
          isSelected={selected}
          onChange={() => toggleWord(word.id)}
          onHoverStart={() => setActive(word.id)}
          onFocus={() => setActive(word.id)}
          aria-describedby={word.meaning ? descriptionId(word.id) : undefined}
          dir={word.own ? 'auto' : undefined}
          data-testid={`checkin-feeling-${word.id}`}
        >
          {word.name}
        </ToggleButton>
        {word.meaning ? (
          <span id={descriptionId(word.id)} className="visually-hidden">
            {word.meaning}
          </span>
        ) : null}
        {word.own ? (
          <Button
            variant="quiet"
            className="word__remove"
            aria-label={intl.formatMessage({ id: 'checkin.own.remove' }, { word: word.name })}
            onPress={() => setRemoving(word)}
            data-testid={`checkin-own-remove-${word.id.slice(CUSTOM_PREFIX.length)}`}
          >
            <X size={16} aria-hidden="true" />
          </Button>
        ) : null}
      </li>
    );
  };

  const meaningLine = (words: Word[]) => {
    const word = words.find((w) => w.id === active);
    return (
      <p className="checkin__meaning" aria-hidden="true" data-testid="checkin-meaning">
        {word
          ? word.meaning
            ? intl.formatMessage({ id: 'checkin.meaning' }, { name: word.name, meaning: word.meaning })
            : word.name
          : intl.formatMessage({ id: 'checkin.words.hint' })}
      </p>
    );
  };

  const openCoreData = openCore ? CORES.find((c) => c.id === openCore) : undefined;
  const coreless = ownWords.filter((w) => w.core === null);

  return (
    <section className="checkin" data-testid="checkin" aria-labelledby={titleId}>
      <div className="checkin__top">
        <h2 id={titleId} ref={heading} tabIndex={-1} className="checkin__title">
          {intl.formatMessage({ id: 'checkin.title' })}
        </h2>
        {onClose ? (
          <Button variant="quiet" icon={<X size={18} />} onPress={onClose} data-testid="checkin-close">
            {intl.formatMessage({ id: 'checkin.close' })}
          </Button>
        ) : null}
      </div>
      <p className="muted">{intl.formatMessage({ id: 'checkin.lead' })}</p>

      <TextField
        label={intl.formatMessage({ id: 'checkin.search.label' })}
        description={intl.formatMessage({ id: 'checkin.search.description' })}
        value={query}
        onChange={setQuery}
        autoComplete="off"
        spellCheck={false}
        className="checkin__search"
        testId="checkin-search"
      />

      {searching ? (
        <div className="checkin__words" role="group" aria-label={intl.formatMessage({ id: 'checkin.search.results' })}>
          {results.length > 0 ? (
            <>
              <ul className="words" data-testid="checkin-results">
                {results.map(renderChip)}
              </ul>
              {meaningLine(results)}
            </>
          ) : (
            <p className="muted" data-testid="checkin-no-results">
              {intl.formatMessage({ id: 'checkin.search.none' })}
            </p>
          )}
        </div>
      ) : (
        <>
          <div className="cores" role="group" aria-label={intl.formatMessage({ id: 'checkin.cores.label' })}>
            {CORES.map((core) => {
              const open = openCore === core.id;
              const count = chosenUnder(core.id);
              return (
                <Button
                  key={core.id}
                  className="core"
                  variant="secondary"
                  aria-expanded={open}
                  aria-controls={open ? panelId : undefined}
                  onPress={() => setOpenCore(open ? null : core.id)}
                  data-testid={`checkin-core-${core.id}`}
                  icon={<CoreIcon core={core.id} />}
                >
                  <span className="core__name">{core[locale]}</span>
                  {count > 0 ? (
                    <span className="core__count">{intl.formatMessage({ id: 'checkin.core.chosen' }, { count })}</span>
                  ) : null}
                </Button>
              );
            })}
          </div>
          {openCoreData ? (
            <div
              id={panelId}
              ref={panel}
              className="checkin__words"
              role="group"
              aria-label={intl.formatMessage({ id: 'checkin.words.label' }, { core: openCoreData[locale] })}
              data-testid={`checkin-words-${openCoreData.id}`}
            >
              <ul className="words">{coreWords(openCoreData.id).map(renderChip)}</ul>
              {meaningLine(coreWords(openCoreData.id))}
            </div>
          ) : null}
        </>
      )}

      {coreless.length > 0 && !searching ? (
        <div className="checkin__words" role="group" aria-label={intl.formatMessage({ id: 'checkin.own.title' })}>
          <h3 className="checkin__subtitle">{intl.formatMessage({ id: 'checkin.own.title' })}</h3>
          <ul className="words">{coreless.map(renderChip)}</ul>
          {meaningLine(coreless)}
        </div>
      ) : null}

      {addingOwn ? (
        <OwnWordForm
          initialWord={query.trim()}
          initialCore={openCore}
          onDone={(result) => {
            setQuery('');
            onOwnDone(result);
          }}
          onCancel={() => setAddingOwn(false)}
        />
      ) : (
        <div className="actions">
          <Button
            variant="quiet"
            icon={<Plus size={18} />}
            onPress={() => setAddingOwn(true)}
            data-testid="checkin-add-own"
          >
            {intl.formatMessage({ id: 'checkin.own.add' })}
          </Button>
        </div>
      )}

      {draft.picks.length > 0 ? (
        <section className="checkin__section" aria-labelledby={`${idBase}-chosen`}>
          <h3 id={`${idBase}-chosen`} className="checkin__subtitle">
            {intl.formatMessage({ id: 'checkin.chosen.title' })}
          </h3>
          <ul className="chosen" data-testid="checkin-chosen">
            {draft.picks.map((pick) => {
              const name = feelingName(pick.feeling);
              return (
                <li key={pick.feeling} className="chosen__item">
                  <IntensitySlider
                    feelingId={pick.feeling}
                    name={name}
                    value={pick.intensity}
                    onChange={(value) => setDraft((d) => setIntensity(d, pick.feeling, value))}
                  />
                  <Button
                    variant="quiet"
                    className="chosen__remove"
                    aria-label={intl.formatMessage({ id: 'checkin.chosen.remove' }, { name })}
                    onPress={() => setDraft((d) => togglePick(d, pick.feeling))}
                  >
                    <X size={16} aria-hidden="true" />
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <FeelingsPad value={draft.pad} onChange={(pad) => setDraft((d) => ({ ...d, pad }))} />

      <section className="checkin__section" aria-labelledby={`${idBase}-body`}>
        <h3 id={`${idBase}-body`} className="checkin__subtitle">
          {intl.formatMessage({ id: 'checkin.sensations.title' })}
        </h3>
        <ul className="words">
          {SENSATIONS.map((s) => (
            <li key={s.id} className="word">
              <ToggleButton
                className="chip"
                isSelected={draft.sensations.includes(s.id)}
                onChange={() => setDraft((d) => toggleSensation(d, s.id))}
                data-testid={`checkin-sensation-${s.id}`}
              >
                {s[locale]}
              </ToggleButton>
            </li>
          ))}
        </ul>
      </section>

      <NoteField
        label={intl.formatMessage({ id: 'checkin.goingOn.label' })}
        value={draft.goingOn}
        onChange={(goingOn) => setDraft((d) => ({ ...d, goingOn }))}
        testId="checkin-going-on"
      />
      <NoteField
        label={intl.formatMessage({ id: 'checkin.helped.label' })}
        value={draft.helped}
        onChange={(helped) => setDraft((d) => ({ ...d, helped }))}
        testId="checkin-helped"
      />

      <LiveRegion announcement={announcement} testId="checkin-status" />

      <div className="actions checkin__save">
        <Button
          variant="primary"
          onPress={() => void save()}
          isDisabled={empty || tooLong || saving}
          aria-describedby={empty ? saveHintId : undefined}
          data-testid="checkin-save"
        >
          {intl.formatMessage({ id: saving ? 'checkin.saving' : 'checkin.save' })}
        </Button>
        {empty ? (
          <p id={saveHintId} className="muted checkin__hint">
            {intl.formatMessage({ id: 'checkin.save.hint' })}
          </p>
        ) : null}
      </div>

      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => {
          if (!open) setRemoving(null);
        }}
        title={intl.formatMessage({ id: 'checkin.own.removeTitle' }, { word: removing?.name ?? '' })}
        confirmLabel={intl.formatMessage({ id: 'checkin.own.removeConfirm' })}
        cancelLabel={intl.formatMessage({ id: 'checkin.own.removeCancel' })}
        onConfirm={() => {
          if (removing) void removeOwn(removing);
        }}
        testId="checkin-own-remove-dialog"
        confirmTestId="checkin-own-remove-confirm"
      >
        <p>{intl.formatMessage({ id: 'checkin.own.removeBody' })}</p>
      </ConfirmDialog>
    </section>
  );
}

function NoteField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  const intl = useIntl();
  const over = noteTooLong(value);
  return (
    <AriaTextField className="field checkin__note" value={value} onChange={onChange} isInvalid={over} validationBehavior="aria">
      <Label className="field__label">{label}</Label>
      <TextArea className="field__input checkin__textarea" rows={3} dir="auto" data-testid={testId} />
      <FieldError className="field__error" data-testid={`${testId}-too-long`}>
        {intl.formatMessage(
          { id: 'checkin.note.tooLong' },
          { max: MAX_NOTE_CHARS, count: [...value].length - MAX_NOTE_CHARS },
        )}
      </FieldError>
    </AriaTextField>
  );
}

function SavedPanel({
  hard,
  onWriteMore,
  onSeePatterns,
  onAgain,
  onHelp,
  onSafetyPlan,
  onClose,
}: {
  hard: boolean;
  onWriteMore: () => void;
  onSeePatterns: () => void;
  onAgain: () => void;
  onHelp: () => void;
  onSafetyPlan: () => void;
  onClose?: () => void;
}) {
  const intl = useIntl();
  const message = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    message.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section className="checkin checkin--saved card" data-testid="checkin-saved">
      <p ref={message} tabIndex={-1} className="checkin__saved-message" role="status">
        {intl.formatMessage({ id: 'checkin.saved' })}
      </p>
      {hard ? (
        <p className="checkin__support" data-testid="checkin-hard-support">
          <span>{intl.formatMessage({ id: 'checkin.hard.line' })}</span>{' '}
          <span className="checkin__support-actions">
            <Button variant="quiet" onPress={onHelp} data-testid="checkin-hard-help">
              {intl.formatMessage({ id: 'checkin.hard.help' })}
            </Button>
            <Button variant="quiet" onPress={onSafetyPlan} data-testid="checkin-hard-plan">
              {intl.formatMessage({ id: 'checkin.hard.plan' })}
            </Button>
          </span>
        </p>
      ) : null}
      <div className="actions">
        <Button variant="primary" onPress={onWriteMore} data-testid="checkin-write-more">
          {intl.formatMessage({ id: 'checkin.saved.writeMore' })}
        </Button>
        <Button variant="secondary" onPress={onSeePatterns} data-testid="checkin-see-patterns">
          {intl.formatMessage({ id: 'checkin.saved.patterns' })}
        </Button>
        <Button variant="quiet" onPress={onAgain} data-testid="checkin-again">
          {intl.formatMessage({ id: 'checkin.saved.again' })}
        </Button>
        {onClose ? (
          <Button variant="quiet" onPress={onClose} data-testid="checkin-done">
            {intl.formatMessage({ id: 'checkin.close' })}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

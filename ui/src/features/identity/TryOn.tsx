import { useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { Columns3, GalleryHorizontal, Plus, X } from 'lucide-react';
import * as api from '../../api';
import { usePendingSave } from '../../app/usePendingSave';
import type { PronounSet } from '../../api';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { LiveRegion, type Announcement } from '../../components/LiveRegion';
import { TextField } from '../../components/TextField';
import type { DraftContent } from '../journal/autosave';
import { EntrySaver } from '../journal/entrySaver';
import { useProfile } from '../shell/ProfileContext';
import { FeltScale } from './FeltScale';
import { completeSet, spanishFor, type Person } from './grammar';
import { saveProblemId, setLabel, triedLabel, type Felt } from './identityWords';
import { PronounPicker } from './PronounPicker';
import { SentenceCard } from './SentenceCard';

/** At most this many try-ons side by side. */
export const MAX_CANDIDATES = 3;

type Candidate = {
  key: number;
  name: string;
  pronouns: PronounSet | null;
  felt: Felt | null;
  note: string;
  /** Added with the button (its name field takes the cursor), not the first one. */
  added: boolean;
  /** Saves its "how did that feel?" (Save, or a flush before a lock: one entry between them). */
  saver: EntrySaver;
};

const fresh = (key: number, added: boolean): Candidate => ({
  key,
  name: '',
  pronouns: null,
  felt: null,
  note: '',
  added,
  saver: new EntrySaver(),
});

const tried = (c: Candidate) => c.name.trim() !== '' || c.pronouns !== null;

/** A "how did that feel?" answered (a feeling chosen or a note typed) for something tried on. */
const answered = (c: Candidate) => tried(c) && (c.felt !== null || c.note.trim() !== '');

/** The try-on entry a candidate makes. */
function tryOnDraft(c: Candidate): DraftContent {
  const name = c.name.trim();
  return {
    kind: 'reflection',
    title: null,
    body: c.note,
    tags: [],
    promptId: null,
    checkin: null,
    identity: {
      kind: 'try_on',
      name: name === '' ? null : name,
      pronouns: c.pronouns && c.pronouns.id === 'custom' ? completeSet(c.pronouns) : c.pronouns,
      felt: c.felt,
      moment: null,
    },
  };
}

/** Same forms and agreement: the same set (ids aside). */
function sameSet(a: PronounSet | null, b: PronounSet | null): boolean {
  if (!a || !b) return a === b;
  const x = completeSet(a);
  const y = completeSet(b);
  return (
    x.id === y.id &&
    x.subject === y.subject &&
    x.object === y.object &&
    x.determiner === y.determiner &&
    x.possessive === y.possessive &&
    x.reflexive === y.reflexive &&
    x.pluralVerbs === y.pluralVerbs
  );
}

/**
 * Try on: up to three names and/or pronoun sets, each heard in sample sentences, side by side or
 * one at a time (flip between them). Under each, an optional "how did that feel?" saved to the
 * identity timeline. Trying on never changes the profile; "Use this in the app" does, after
 * asking.
 */
export function TryOn({ onProfileChanged }: { onProfileChanged?: () => void }) {
  const intl = useIntl();
  const { profile, saveProfile } = useProfile();
  const [candidates, setCandidates] = useState<Candidate[]>(() => [fresh(0, false)]);
  const [nextKey, setNextKey] = useState(1);
  const [layout, setLayout] = useState<'side' | 'flip'>('side');
  const [shown, setShown] = useState(0);
  const [confirming, setConfirming] = useState<number | null>(null);
  // What each card last said ("Saved to your timeline."), by the card's key.
  const [said, setSaid] = useState<Record<number, Announcement>>({});
  const sectionRef = useRef<HTMLElement>(null);
  const headingId = useId();

  // Before the vault locks, every "how did that feel?" not saved yet is saved as its try-on
  // (cards shown one at a time are not mounted, so this lives here, not in the card).
  usePendingSave(candidates.some(answered), () =>
    Promise.all(candidates.filter(answered).map((c) => c.saver.save(tryOnDraft(c)))),
  );

  const say = (key: number, text: string, tone: Announcement['tone'] = 'notice') =>
    setSaid((all) => ({ ...all, [key]: { text, tone, id: (all[key]?.id ?? 0) + 1 } }));

  const update = (index: number, patch: Partial<Candidate>) =>
    setCandidates((list) => list.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  const add = () => {
    if (candidates.length >= MAX_CANDIDATES) return;
    setCandidates((list) => [...list, fresh(nextKey, true)]);
    setNextKey((k) => k + 1);
    setShown(candidates.length);
  };

  const remove = (index: number) => {
    setCandidates((list) => list.filter((_, i) => i !== index));
    setShown((s) => Math.max(0, Math.min(s >= index ? s - 1 : s, candidates.length - 2)));
    // The card (and the button pressed) is gone: the cursor goes to "add another".
    requestAnimationFrame(() => sectionRef.current?.querySelector<HTMLElement>('[data-testid="tryon-add"]')?.focus());
  };

  const confirmingCandidate = confirming === null ? null : (candidates[confirming] ?? null);
  const flip = layout === 'flip' && candidates.length > 1;
  const current = Math.min(shown, candidates.length - 1);

  return (
    <section ref={sectionRef} className="tryon" aria-labelledby={headingId}>
      <h2 id={headingId} className="identity-section__title">
        {intl.formatMessage({ id: 'identitySpace.tryon.title' })}
      </h2>
      <p className="identity-section__lead">{intl.formatMessage({ id: 'identitySpace.tryon.lead' })}</p>

      {candidates.length > 1 ? (
        <div className="tryon__switch">
          <ToggleButtonGroup
            aria-label={intl.formatMessage({ id: 'identitySpace.tryon.layout' })}
            selectionMode="single"
            disallowEmptySelection
            selectedKeys={[layout]}
            onSelectionChange={(keys: Set<Key>) => {
              const next = [...keys][0];
              if (next === 'side' || next === 'flip') setLayout(next);
            }}
            className="identity-segmented"
          >
            <ToggleButton id="side" className="identity-toggle" data-testid="tryon-layout-side">
              <Columns3 size={16} aria-hidden="true" />
              {intl.formatMessage({ id: 'identitySpace.tryon.layout.side' })}
            </ToggleButton>
            <ToggleButton id="flip" className="identity-toggle" data-testid="tryon-layout-flip">
              <GalleryHorizontal size={16} aria-hidden="true" />
              {intl.formatMessage({ id: 'identitySpace.tryon.layout.flip' })}
            </ToggleButton>
          </ToggleButtonGroup>
          {flip ? (
            <ToggleButtonGroup
              aria-label={intl.formatMessage({ id: 'identitySpace.tryon.flipLabel' })}
              selectionMode="single"
              disallowEmptySelection
              selectedKeys={[String(current)]}
              onSelectionChange={(keys: Set<Key>) => {
                const next = Number([...keys][0]);
                if (Number.isInteger(next)) setShown(next);
              }}
              className="identity-segmented tryon__flip"
            >
              {candidates.map((c, i) => (
                <ToggleButton key={c.key} id={String(i)} className="identity-toggle" data-testid={`tryon-show-${i}`}>
                  <span dir="auto">
                    {tried(c)
                      ? triedLabel(intl, c.name, c.pronouns)
                      : intl.formatMessage({ id: 'identitySpace.tryon.candidate' }, { number: i + 1 })}
                  </span>
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          ) : null}
        </div>
      ) : null}

      <div className="tryon__cards" data-count={flip ? 1 : candidates.length}>
        {candidates.map((candidate, index) =>
          flip && index !== current ? null : (
            <CandidateCard
              key={candidate.key}
              index={index}
              candidate={candidate}
              canRemove={candidates.length > 1}
              onChange={(patch) => update(index, patch)}
              onRemove={() => remove(index)}
              onUse={() => setConfirming(index)}
              announcement={said[candidate.key] ?? null}
              onSay={(text, tone) => say(candidate.key, text, tone)}
            />
          ),
        )}
      </div>

      <div className="tryon__add">
        {candidates.length < MAX_CANDIDATES ? (
          <Button variant="secondary" icon={<Plus size={18} />} onPress={add} data-testid="tryon-add">
            {intl.formatMessage({ id: 'identitySpace.tryon.add' })}
          </Button>
        ) : (
          <p className="muted" data-testid="tryon-full">
            {intl.formatMessage({ id: 'identitySpace.tryon.full' }, { count: MAX_CANDIDATES })}
          </p>
        )}
      </div>

      <ConfirmDialog
        isOpen={confirmingCandidate !== null}
        onOpenChange={(open) => {
          if (!open) setConfirming(null);
        }}
        title={intl.formatMessage({ id: 'identitySpace.use.title' })}
        confirmLabel={intl.formatMessage({ id: 'identitySpace.use.confirm' })}
        cancelLabel={intl.formatMessage({ id: 'identitySpace.use.cancel' })}
        testId="tryon-use-dialog"
        confirmTestId="tryon-use-confirm"
        cancelTestId="tryon-use-cancel"
        onConfirm={() => {
          const index = confirming;
          const candidate = confirmingCandidate;
          if (index === null || !candidate) return;
          const name = candidate.name.trim();
          const pronounsChanged = candidate.pronouns !== null && !sameSet(candidate.pronouns, profile.pronouns);
          const next = {
            ...profile,
            name: name || profile.name,
            pronouns: candidate.pronouns ?? profile.pronouns,
            // New pronouns: the Spanish follows them again (it can be set apart in the profile).
            spanish: pronounsChanged ? null : profile.spanish,
          };
          const what = triedLabel(intl, candidate.name, candidate.pronouns);
          saveProfile(next).then(
            () => {
              say(candidate.key, intl.formatMessage({ id: 'identitySpace.use.done' }, { what }), 'info');
              onProfileChanged?.();
            },
            (error: unknown) => say(candidate.key, intl.formatMessage({ id: saveProblemId(api.normaliseError(error).code) })),
          );
        }}
      >
        {confirmingCandidate ? (
          <>
            <p dir="auto">
              {intl.formatMessage(
                { id: 'identitySpace.use.body' },
                {
                  mode:
                    confirmingCandidate.name.trim() && confirmingCandidate.pronouns
                      ? 'both'
                      : confirmingCandidate.name.trim()
                        ? 'name'
                        : 'pronouns',
                  name: confirmingCandidate.name.trim(),
                  pronouns: confirmingCandidate.pronouns ? setLabel(intl, confirmingCandidate.pronouns) : '',
                },
              )}
            </p>
            <p className="muted">{intl.formatMessage({ id: 'identitySpace.use.later' })}</p>
          </>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

function CandidateCard({
  index,
  candidate,
  canRemove,
  onChange,
  onRemove,
  onUse,
  announcement,
  onSay,
}: {
  index: number;
  candidate: Candidate;
  canRemove: boolean;
  onChange: (patch: Partial<Candidate>) => void;
  onRemove: () => void;
  onUse: () => void;
  announcement: Announcement | null;
  onSay: (text: string, tone?: Announcement['tone']) => void;
}) {
  const intl = useIntl();
  const { profile } = useProfile();
  const headingId = useId();
  const [saving, setSaving] = useState(false);
  const number = index + 1;
  const something = tried(candidate);

  // Left blank, the name or the pronouns are the ones the person uses now, so either can be
  // heard on its own with the rest of them.
  const pronouns = candidate.pronouns ?? profile.pronouns;
  const person: Person = {
    name: candidate.name.trim() || profile.name?.trim() || '',
    pronouns,
    spanish: candidate.pronouns ? spanishFor({ pronouns: candidate.pronouns, spanish: null }) : spanishFor(profile),
  };

  const save = async () => {
    if (!something || saving) return;
    setSaving(true);
    try {
      await candidate.saver.save(tryOnDraft(candidate));
      // Saved: the next answer is a new try-on entry.
      onChange({ felt: null, note: '', saver: new EntrySaver() });
      onSay(intl.formatMessage({ id: 'identitySpace.tryon.saved' }), 'info');
    } catch (error) {
      onSay(intl.formatMessage({ id: saveProblemId(api.normaliseError(error).code) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="tryon-candidate" aria-labelledby={headingId} data-testid="tryon-candidate" data-index={index}>
      <div className="tryon-candidate__top">
        <h3 id={headingId} className="tryon-candidate__title">
          {intl.formatMessage({ id: 'identitySpace.tryon.candidate' }, { number })}
        </h3>
        {canRemove ? (
          <Button
            variant="quiet"
            icon={<X size={16} />}
            onPress={onRemove}
            aria-label={intl.formatMessage({ id: 'identitySpace.tryon.removeLabel' }, { number })}
            data-testid={`tryon-remove-${index}`}
          >
            {intl.formatMessage({ id: 'identitySpace.tryon.remove' })}
          </Button>
        ) : null}
      </div>
      <TextField
        label={intl.formatMessage({ id: 'identitySpace.tryon.name' })}
        description={intl.formatMessage({ id: 'identitySpace.tryon.nameHelp' })}
        value={candidate.name}
        onChange={(name) => onChange({ name })}
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
        focusOnMount={candidate.added}
        testId={`tryon-name-${index}`}
      />
      <PronounPicker
        label={intl.formatMessage({ id: 'identitySpace.tryon.pronouns' })}
        description={intl.formatMessage({ id: 'identitySpace.tryon.pronounsHelp' })}
        value={candidate.pronouns}
        onChange={(next) => onChange({ pronouns: next })}
        testId={`tryon-pronouns-${index}`}
      />
      <SentenceCard
        person={person}
        heading={intl.formatMessage({ id: 'identitySpace.tryon.sounds' }, { number })}
        testId={`tryon-card-${index}`}
      />

      <div className="tryon-felt">
        <FeltScale
          label={intl.formatMessage({ id: 'identitySpace.felt.label' })}
          description={intl.formatMessage({ id: 'identitySpace.felt.help' })}
          value={candidate.felt}
          onChange={(felt) => onChange({ felt })}
          testId={`tryon-felt-${index}`}
        />
        <TextField
          label={intl.formatMessage({ id: 'identitySpace.tryon.note' })}
          value={candidate.note}
          onChange={(note) => onChange({ note })}
          testId={`tryon-note-${index}`}
        />
        {!something ? (
          <p className="muted" data-testid={`tryon-needs-${index}`}>
            {intl.formatMessage({ id: 'identitySpace.tryon.needsSomething' })}
          </p>
        ) : null}
        <div className="actions">
          <Button
            variant="primary"
            onPress={() => void save()}
            isDisabled={!something || saving}
            data-testid={`tryon-save-${index}`}
          >
            {intl.formatMessage({ id: 'identitySpace.tryon.save' })}
          </Button>
          <Button variant="secondary" onPress={onUse} isDisabled={!something} data-testid={`tryon-use-${index}`}>
            {intl.formatMessage({ id: 'identitySpace.tryon.use' })}
          </Button>
        </div>
        <LiveRegion announcement={announcement} testId={`tryon-message-${index}`} />
      </div>
    </section>
  );
}

import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { CloudRain, LifeBuoy, PenLine, Sun } from 'lucide-react';
import * as api from '../../api';
import { usePendingSave } from '../../app/usePendingSave';
import type { MomentKind } from '../../api';
import { Button } from '../../components/Button';
import { LiveRegion, useAnnouncement } from '../../components/LiveRegion';
import { TextField } from '../../components/TextField';
import { useLibrary } from '../feelings/LibraryContext';
import type { DraftContent } from '../journal/autosave';
import { EntrySaver } from '../journal/entrySaver';
import { customPromptRef, SHIPPED_PROMPTS } from '../prompts/prompts';
import { usePromptText } from '../prompts/usePromptText';
import { useNavigate } from '../shell/navigation';
import { saveProblemId } from './identityWords';

/** How many prompts show before "Show all prompts". */
export const FIRST_PROMPTS = 8;

/** The identity prompts: the shipped ones, then the person's own prompts about identity. */
export function useIdentityPrompts(): string[] {
  const { library } = useLibrary();
  const shipped = SHIPPED_PROMPTS.filter((p) => p.group === 'identity').map((p) => p.id);
  const own = library.customPrompts.filter((p) => p.group === 'identity').map((p) => customPromptRef(p.id));
  return [...shipped, ...own];
}

/**
 * Reflect: note a moment of euphoria or dysphoria in a few seconds, or write an identity
 * reflection (free, or answering one of the identity prompts) in the journal's editor.
 */
export function Reflect({ onSeeTimeline }: { onSeeTimeline: () => void }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const promptText = usePromptText();
  const prompts = useIdentityPrompts();
  const [showAll, setShowAll] = useState(false);
  const writeId = useId();
  const promptsId = useId();

  const write = (promptId?: string) => navigate('journal', { kind: 'new-entry', promptId, identity: true });
  const visible = showAll ? prompts : prompts.slice(0, FIRST_PROMPTS);

  return (
    <div className="reflect">
      <Moments onSeeTimeline={onSeeTimeline} onHelp={() => navigate('help')} />

      <section className="reflect__section" aria-labelledby={writeId}>
        <h2 id={writeId} className="identity-section__title">
          {intl.formatMessage({ id: 'identitySpace.reflect.title' })}
        </h2>
        <p className="identity-section__lead">{intl.formatMessage({ id: 'identitySpace.reflect.lead' })}</p>
        <div className="actions">
          <Button variant="primary" icon={<PenLine size={18} />} onPress={() => write()} data-testid="reflect-free">
            {intl.formatMessage({ id: 'identitySpace.reflect.free' })}
          </Button>
        </div>
        <h3 id={promptsId} className="reflect__prompts-title">
          {intl.formatMessage({ id: 'identitySpace.reflect.prompts' })}
        </h3>
        <ul className="reflect__prompts" aria-labelledby={promptsId} data-testid="reflect-prompts">
          {visible.map((id) => {
            const text = promptText(id);
            if (!text) return null;
            const textId = `${writeId}-${id}`;
            return (
              <li key={id} className="reflect-prompt" data-testid="reflect-prompt" data-prompt-id={id}>
                <p id={textId} className="reflect-prompt__text" dir="auto">
                  {text}
                </p>
                <Button
                  variant="secondary"
                  icon={<PenLine size={16} />}
                  onPress={() => write(id)}
                  aria-describedby={textId}
                  data-testid={`reflect-write-${id}`}
                >
                  {intl.formatMessage({ id: 'identitySpace.reflect.write' })}
                </Button>
              </li>
            );
          })}
        </ul>
        {prompts.length > FIRST_PROMPTS ? (
          <Button
            variant="quiet"
            onPress={() => setShowAll(!showAll)}
            aria-expanded={showAll}
            data-testid="reflect-prompts-all"
          >
            {showAll
              ? intl.formatMessage({ id: 'identitySpace.reflect.fewer' })
              : intl.formatMessage({ id: 'identitySpace.reflect.all' }, { count: prompts.length })}
          </Button>
        ) : null}
      </section>
    </div>
  );
}

/** A moment of euphoria or dysphoria, with an optional line, saved at once. */
function Moments({ onSeeTimeline, onHelp }: { onSeeTimeline: () => void; onHelp: () => void }) {
  const intl = useIntl();
  const headingId = useId();
  const [moment, setMoment] = useState<MomentKind | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  // After a moment of dysphoria: a few kind words and a quiet way to Help, until the next moment.
  const [afterDysphoria, setAfterDysphoria] = useState(false);
  const [saved, setSaved] = useState(false);
  // Save and a flush before a lock make one entry between them; a new moment takes a new saver.
  const [saver, setSaver] = useState(() => new EntrySaver());
  const { announcement, announce } = useAnnouncement();

  const draft = (kind: MomentKind): DraftContent => ({
    kind: 'reflection',
    title: null,
    body: note,
    tags: [],
    promptId: null,
    checkin: null,
    identity: { kind: 'moment', name: null, pronouns: null, felt: null, moment: kind },
  });

  // Before the vault locks: a moment chosen with a line typed is saved as that moment.
  usePendingSave(moment !== null && note.trim() !== '', async () => {
    if (moment) await saver.save(draft(moment));
  });

  const save = async () => {
    if (!moment || saving) return;
    setSaving(true);
    try {
      await saver.save(draft(moment));
      setSaver(new EntrySaver());
      announce(
        intl.formatMessage({ id: moment === 'dysphoria' ? 'identitySpace.moment.savedDysphoria' : 'identitySpace.moment.savedEuphoria' }),
        'info',
      );
      setAfterDysphoria(moment === 'dysphoria');
      setSaved(true);
      setMoment(null);
      setNote('');
    } catch (error) {
      announce(intl.formatMessage({ id: saveProblemId(api.normaliseError(error).code) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="reflect__section moments" aria-labelledby={headingId} data-testid="moments">
      <h2 id={headingId} className="identity-section__title">
        {intl.formatMessage({ id: 'identitySpace.moment.title' })}
      </h2>
      <p className="identity-section__lead">{intl.formatMessage({ id: 'identitySpace.moment.lead' })}</p>
      <ToggleButtonGroup
        aria-label={intl.formatMessage({ id: 'identitySpace.moment.which' })}
        selectionMode="single"
        selectedKeys={moment ? [moment] : []}
        onSelectionChange={(keys: Set<Key>) => {
          const next = [...keys][0];
          setMoment(next === 'euphoria' || next === 'dysphoria' ? next : null);
          if (next) setAfterDysphoria(false);
        }}
        className="moments__kinds"
      >
        <ToggleButton id="euphoria" className="moment-kind" data-testid="moment-euphoria">
          <Sun size={20} aria-hidden="true" />
          <span className="moment-kind__text">
            <span className="moment-kind__label">{intl.formatMessage({ id: 'identitySpace.moment.euphoria' })}</span>
            <span className="moment-kind__hint">{intl.formatMessage({ id: 'identitySpace.moment.euphoriaHint' })}</span>
          </span>
        </ToggleButton>
        <ToggleButton id="dysphoria" className="moment-kind" data-testid="moment-dysphoria">
          <CloudRain size={20} aria-hidden="true" />
          <span className="moment-kind__text">
            <span className="moment-kind__label">{intl.formatMessage({ id: 'identitySpace.moment.dysphoria' })}</span>
            <span className="moment-kind__hint">{intl.formatMessage({ id: 'identitySpace.moment.dysphoriaHint' })}</span>
          </span>
        </ToggleButton>
      </ToggleButtonGroup>
      <TextField
        label={intl.formatMessage({ id: 'identitySpace.moment.note' })}
        description={intl.formatMessage({ id: 'identitySpace.moment.noteHelp' })}
        value={note}
        onChange={setNote}
        testId="moment-note"
      />
      <div className="actions">
        <Button variant="primary" onPress={() => void save()} isDisabled={!moment || saving} data-testid="moment-save">
          {intl.formatMessage({ id: 'identitySpace.moment.save' })}
        </Button>
        {saved ? (
          <Button variant="quiet" onPress={onSeeTimeline} data-testid="moment-see-timeline">
            {intl.formatMessage({ id: 'identitySpace.moment.seeTimeline' })}
          </Button>
        ) : null}
      </div>
      <LiveRegion announcement={announcement} testId="moment-message" />
      {afterDysphoria ? (
        <div className="moments__kind-words" data-testid="moment-kind-words">
          <p>{intl.formatMessage({ id: 'identitySpace.moment.kindWords' })}</p>
          <p className="muted">
            {intl.formatMessage({ id: 'identitySpace.moment.help' })}{' '}
            <Button variant="quiet" icon={<LifeBuoy size={16} />} onPress={onHelp} data-testid="moment-help">
              {intl.formatMessage({ id: 'identitySpace.moment.helpLink' })}
            </Button>
          </p>
        </div>
      ) : null}
    </section>
  );
}

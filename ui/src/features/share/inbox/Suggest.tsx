import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { FieldError, Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { Copy, FileDown, MessageSquareText, Plus, Target, Trash2, Type } from 'lucide-react';
import * as api from '../../../api';
import type { Contact, Suggestion } from '../../../api';
import { Button } from '../../../components/Button';
import { LiveRegion, useAnnouncement } from '../../../components/LiveRegion';
import { Select } from '../../../components/Select';
import { TextField } from '../../../components/TextField';
import { useApp } from '../../../app/AppContext';
import type { MessageId } from '../../../i18n';
import { errorMessageId } from '../../../i18n/errors';
import { dayKey } from '../../journal/format';
import { CounselorQuote } from '../../goals/CounselorWords';
import { useProfile } from '../../shell/ProfileContext';
import '../../goals/goals.css';
import './inbox.css';

/** What an idea may hold (src-tauri/goals/validate.rs: a suggestion becomes a goals proposal). */
export const IDEA_LIMITS = { title: 200, why: 4_000, step: 500, steps: 500, prompt: 500, note: 4_000 } as const;
/** Most ideas in one file (src-tauri/sharing/payload.rs). */
const IDEAS_MAX = 200;

type GoalIdea = { key: number; type: 'goal'; title: string; why: string; steps: string; note: string };
type PromptIdea = { key: number; type: 'prompt'; text: string; note: string };
type Idea = GoalIdea | PromptIdea;

type Done = { kind: 'file'; path: string; name: string } | { kind: 'text'; text: string; name: string };

const chars = (text: string) => [...text].length;
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const stepsOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The ideas as the file carries them (trimmed; blank parts left out). */
function suggestionsOf(ideas: readonly Idea[]): Suggestion[] {
  return ideas.map((idea) =>
    idea.type === 'goal'
      ? { type: 'goal', title: idea.title.trim(), why: orNull(idea.why), steps: stepsOf(idea.steps), note: orNull(idea.note) }
      : { type: 'prompt', text: idea.text.trim(), note: orNull(idea.note) },
  );
}

/** What is wrong with the ideas before anything is sent, if anything. */
function ideasProblem(ideas: readonly Suggestion[]): MessageId | null {
  const L = IDEA_LIMITS;
  if (ideas.length > IDEAS_MAX) return 'shareInbox.suggest.tooMany';
  for (const s of ideas) {
    if (s.type === 'goal' ? s.title === '' : s.text === '') return 'shareInbox.suggest.needWords';
  }
  const over = (text: string | null, max: number) => text !== null && chars(text) > max;
  const tooLong = ideas.some((s) =>
    s.type === 'goal'
      ? over(s.title, L.title) || over(s.why, L.why) || over(s.note, L.note) || s.steps.length > L.steps || s.steps.some((t) => over(t, L.step))
      : over(s.text, L.prompt) || over(s.note, L.note),
  );
  if (tooLong) return 'shareInbox.suggest.tooLong';
  return null;
}

/**
 * Ideas back to a paired client: goal ideas (a title, why, small steps) and writing prompts,
 * each with an optional word about it. Shown first as the client will see them,
 * then sent as a file locked to the client's key, or as text to paste. They are offers: the
 * client decides what to do with each one in their Goals.
 */
export function Suggest({ contactId, onPair }: { contactId: number | null; onPair: () => void }) {
  const intl = useIntl();
  const ids = useId();
  const { lockNow } = useApp();
  const { profile } = useProfile();
  const [clients, setClients] = useState<Contact[] | null>(null);
  const [loadProblem, setLoadProblem] = useState(false);
  const [clientId, setClientId] = useState<number | null>(contactId);
  const [ideas, setIdeas] = useState<Idea[]>([]);
  const [lastAdded, setLastAdded] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<MessageId | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const nextKey = useRef(1);
  const ideasHeading = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  const load = useCallback(
    () =>
      api.listContacts().then(
        (all) => {
          setClients(all.filter((c) => c.role === 'client'));
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

  // This panel may stay mounted, made inert, while another tab is shown (so its drafts are
  // kept): read the paired clients again each time it comes back, so a client paired meanwhile
  // is there.
  useEffect(() => {
    const root = rootRef.current;
    if (!root || typeof MutationObserver === 'undefined') return;
    let hidden = root.closest('[inert]') !== null;
    const observer = new MutationObserver(() => {
      const nowHidden = root.closest('[inert]') !== null;
      if (hidden && !nowHidden) void load();
      hidden = nowHidden;
    });
    for (let el = root.parentElement; el; el = el.parentElement) {
      observer.observe(el, { attributes: true, attributeFilter: ['inert', 'data-inert'] });
    }
    return () => observer.disconnect();
  }, [load]);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const client = clients?.find((c) => c.id === clientId) ?? clients?.[0] ?? null;
  const fromName = profile.shared?.name?.trim() || profile.name?.trim() || intl.formatMessage({ id: 'shareInbox.suggest.fromFallback' });
  const suggestions = suggestionsOf(ideas);
  const localProblem = ideasProblem(suggestions);

  const add = (type: Idea['type']) => {
    const key = nextKey.current++;
    setIdeas((before) => [
      ...before,
      type === 'goal' ? { key, type, title: '', why: '', steps: '', note: '' } : { key, type, text: '', note: '' },
    ]);
    setLastAdded(key);
    setProblem(null);
  };

  const change = (key: number, patch: Partial<GoalIdea> | Partial<PromptIdea>) =>
    setIdeas((before) => before.map((idea) => (idea.key === key ? ({ ...idea, ...patch } as Idea) : idea)));

  const remove = (key: number) => {
    setIdeas((before) => before.filter((idea) => idea.key !== key));
    setLastAdded(null);
    ideasHeading.current?.focus();
  };

  const failed = (error: unknown, how: 'file' | 'text') => {
    const code = api.normaliseError(error).code;
    if (code === 'locked') return lockNow();
    if (code === 'invalid_input') setProblem(how === 'file' ? 'shareInbox.suggest.fileProblem' : 'shareInbox.suggest.checkIdeas');
    else if (code === 'storage_full' && how === 'file') setProblem('shareInbox.suggest.diskFull');
    else if (code === 'not_found') {
      setProblem('shareInbox.suggest.clientGone');
      void load();
    } else setProblem(errorMessageId(code));
  };

  const send = async (how: 'file' | 'text') => {
    if (!client || suggestions.length === 0) return;
    if (localProblem) return setProblem(localProblem);
    setProblem(null);
    setBusy(true);
    try {
      if (how === 'file') {
        const path = await api.pickSavePath(
          intl.formatMessage({ id: 'shareInbox.suggest.saveFileTitle' }),
          `ideas-${dayKey(new Date())}.age`,
        );
        if (path === null) return;
        const written = await api.writeSuggestions({ contactId: client.id, suggestions, note: null, armor: false, path });
        setDone({ kind: 'file', path: written.path, name: client.name });
      } else {
        const text = await api.armoredSuggestions(client.id, suggestions, null);
        setDone({ kind: 'text', text, name: client.name });
      }
    } catch (error) {
      failed(error, how);
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setIdeas([]);
    setDone(null);
    setProblem(null);
    setLastAdded(null);
  };

  const view = (): ReactNode => {
    if (loadProblem) {
      return (
        <div className="note" data-testid="suggest-load-problem">
          <p>{intl.formatMessage({ id: 'shareInbox.suggest.loadProblem' })}</p>
          <Button variant="secondary" onPress={() => void load()}>
            {intl.formatMessage({ id: 'shareInbox.tryAgain' })}
          </Button>
        </div>
      );
    }
    if (clients === null) return null;

    if (!client) {
      return (
        <>
          <p className="lead">{intl.formatMessage({ id: 'shareInbox.suggest.lead' })}</p>
          <div className="note note--info" data-testid="suggest-no-clients">
            <p>{intl.formatMessage({ id: 'shareInbox.suggest.noClients' })}</p>
            <Button variant="primary" onPress={onPair} data-testid="suggest-pair-first">
              {intl.formatMessage({ id: 'shareInbox.suggest.pairFirst' })}
            </Button>
          </div>
        </>
      );
    }

    if (done) {
      return (
        <div className="card suggest__done" data-testid="suggest-done" ref={doneRef} tabIndex={-1}>
          {done.kind === 'file' ? (
            <p>{intl.formatMessage({ id: 'shareInbox.suggest.doneFile' }, { path: done.path, name: done.name })}</p>
          ) : (
            <ArmoredText text={done.text} name={done.name} />
          )}
          <p className="muted">{intl.formatMessage({ id: 'shareInbox.suggest.honest' })}</p>
          <div className="actions">
            <Button variant="secondary" icon={<Plus size={18} />} onPress={again} data-testid="suggest-again">
              {intl.formatMessage({ id: 'shareInbox.suggest.again' })}
            </Button>
          </div>
        </div>
      );
    }

    const options = clients.map((c) => ({ id: String(c.id), label: c.name }));
    const nothing = ideas.length === 0;

    return (
      <div className="stack">
        <p className="lead">{intl.formatMessage({ id: 'shareInbox.suggest.lead' })}</p>
        <Select
          label={intl.formatMessage({ id: 'shareInbox.suggest.client' })}
          options={options}
          value={String(client.id)}
          onChange={(id) => setClientId(Number(id))}
          testId="suggest-client"
        />

        <section aria-labelledby={`${ids}-ideas`}>
          <h2 id={`${ids}-ideas`} ref={ideasHeading} tabIndex={-1}>
            {intl.formatMessage({ id: 'shareInbox.suggest.ideasTitle' }, { name: client.name })}
          </h2>
          {nothing ? <p className="muted">{intl.formatMessage({ id: 'shareInbox.suggest.none' })}</p> : null}
          <ol className="suggest__ideas">
            {ideas.map((idea, index) => (
              <li key={idea.key}>
                <IdeaCard idea={idea} number={index + 1} fresh={idea.key === lastAdded} onChange={change} onRemove={remove} />
              </li>
            ))}
          </ol>
          <div className="actions">
            <Button variant="secondary" icon={<Target size={18} />} onPress={() => add('goal')} data-testid="suggest-add-goal">
              {intl.formatMessage({ id: 'shareInbox.suggest.addGoal' })}
            </Button>
            <Button variant="secondary" icon={<Type size={18} />} onPress={() => add('prompt')} data-testid="suggest-add-prompt">
              {intl.formatMessage({ id: 'shareInbox.suggest.addPrompt' })}
            </Button>
          </div>
        </section>

        <section className="suggest__preview" aria-labelledby={`${ids}-preview`} data-testid="suggest-preview">
          <h2 id={`${ids}-preview`}>{intl.formatMessage({ id: 'shareInbox.suggest.previewTitle' }, { name: client.name })}</h2>
          {nothing ? (
            <p className="muted">{intl.formatMessage({ id: 'shareInbox.suggest.previewEmpty' }, { name: client.name })}</p>
          ) : (
            <>
              <p className="muted">{intl.formatMessage({ id: 'shareInbox.suggest.previewLead' })}</p>
              {suggestions.map((s, i) => (
                <div key={ideas[i]?.key ?? i} data-testid="suggest-preview-item">
                  <p className="muted">{intl.formatMessage({ id: s.type === 'goal' ? 'shareInbox.suggest.kindGoal' : 'shareInbox.suggest.kindPrompt' })}</p>
                  <CounselorQuote
                    words={
                      s.type === 'goal'
                        ? { fromName, title: s.title || '…', why: s.why, steps: s.steps, note: s.note }
                        : { fromName, title: s.text || '…', why: null, steps: [], note: s.note }
                    }
                  />
                </div>
              ))}
            </>
          )}
        </section>

        <section aria-labelledby={`${ids}-send`}>
          <h2 id={`${ids}-send`}>{intl.formatMessage({ id: 'shareInbox.suggest.sendTitle' })}</h2>
          <p className="muted">{intl.formatMessage({ id: 'shareInbox.suggest.sendLead' }, { name: client.name })}</p>
          <div className="actions">
            <Button
              variant="primary"
              icon={<FileDown size={18} />}
              isDisabled={busy || nothing}
              onPress={() => void send('file')}
              data-testid="suggest-save-file"
            >
              {intl.formatMessage({ id: 'shareInbox.suggest.saveFile' })}
            </Button>
            <Button
              variant="secondary"
              icon={<MessageSquareText size={18} />}
              isDisabled={busy || nothing}
              onPress={() => void send('text')}
              data-testid="suggest-armored"
            >
              {intl.formatMessage({ id: 'shareInbox.suggest.armored' })}
            </Button>
          </div>
          {nothing ? (
            <p className="muted suggest__reason" data-testid="suggest-reason">
              {intl.formatMessage({ id: 'shareInbox.suggest.nothingYet' })}
            </p>
          ) : null}
          <p className="muted" data-testid="suggest-honest">
            {intl.formatMessage({ id: 'shareInbox.suggest.honest' })}
          </p>
          <div role="alert" className="share-import__problem" data-testid="suggest-error">
            {problem ? (
              <p className="note">
                {intl.formatMessage({ id: problem }, { title: IDEA_LIMITS.title, prompt: IDEA_LIMITS.prompt, max: IDEAS_MAX })}
              </p>
            ) : null}
          </div>
        </section>
      </div>
    );
  };

  return (
    <div className="suggest" data-testid="suggest" ref={rootRef} aria-busy={clients === null && !loadProblem ? true : undefined}>
      {view()}
    </div>
  );
}

function IdeaCard({
  idea,
  number,
  fresh,
  onChange,
  onRemove,
}: {
  idea: Idea;
  number: number;
  fresh: boolean;
  onChange: (key: number, patch: Partial<GoalIdea> | Partial<PromptIdea>) => void;
  onRemove: (key: number) => void;
}) {
  const intl = useIntl();
  const ids = useId();
  const L = IDEA_LIMITS;
  const over = (text: string, max: number) => (chars(text.trim()) > max ? max : null);
  return (
    <article className="card suggest-idea" aria-labelledby={`${ids}-title`} data-testid="suggest-idea" data-type={idea.type}>
      <div className="suggest-idea__head">
        <h3 id={`${ids}-title`}>
          {intl.formatMessage({ id: idea.type === 'goal' ? 'shareInbox.suggest.goalHeading' : 'shareInbox.suggest.promptHeading' }, { n: number })}
        </h3>
        <Button variant="quiet" icon={<Trash2 size={18} />} onPress={() => onRemove(idea.key)} aria-describedby={`${ids}-title`} data-testid="suggest-remove">
          {intl.formatMessage({ id: 'shareInbox.suggest.remove' })}
        </Button>
      </div>
      {idea.type === 'goal' ? (
        <>
          <TextField
            label={intl.formatMessage({ id: 'shareInbox.suggest.goalTitle' })}
            value={idea.title}
            onChange={(title) => onChange(idea.key, { title })}
            errorMessage={
              over(idea.title, L.title) ? intl.formatMessage({ id: 'shareInbox.suggest.fieldTooLong' }, { max: L.title }) : undefined
            }
            autoComplete="off"
            focusOnMount={fresh}
            testId="suggest-goal-title"
          />
          <AreaField
            label={intl.formatMessage({ id: 'shareInbox.suggest.goalWhy' })}
            value={idea.why}
            onChange={(why) => onChange(idea.key, { why })}
            rows={2}
            tooLong={over(idea.why, L.why)}
            testId="suggest-goal-why"
          />
          <AreaField
            label={intl.formatMessage({ id: 'shareInbox.suggest.goalSteps' })}
            description={intl.formatMessage({ id: 'shareInbox.suggest.goalStepsHint' })}
            value={idea.steps}
            onChange={(steps) => onChange(idea.key, { steps })}
            rows={3}
            tooLong={stepsOf(idea.steps).some((s) => chars(s) > L.step) ? L.step : null}
            testId="suggest-goal-steps"
          />
        </>
      ) : (
        <AreaField
          label={intl.formatMessage({ id: 'shareInbox.suggest.promptText' })}
          value={idea.text}
          onChange={(text) => onChange(idea.key, { text })}
          rows={2}
          tooLong={over(idea.text, L.prompt)}
          focusOnMount={fresh}
          testId="suggest-prompt-text"
        />
      )}
      <AreaField
        label={intl.formatMessage({ id: 'shareInbox.suggest.ideaNote' })}
        value={idea.note}
        onChange={(note) => onChange(idea.key, { note })}
        rows={2}
        tooLong={over(idea.note, L.note)}
        testId="suggest-idea-note"
      />
    </article>
  );
}

/** A labelled multi-line field; `tooLong` is the limit when the text is over it. */
function AreaField({
  label,
  description,
  value,
  onChange,
  rows,
  tooLong,
  focusOnMount,
  testId,
}: {
  label: string;
  description?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  rows: number;
  tooLong: number | null;
  focusOnMount?: boolean;
  testId: string;
}) {
  const intl = useIntl();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <AriaTextField className="field" value={value} onChange={onChange} isInvalid={tooLong !== null} validationBehavior="aria">
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <TextArea ref={ref} className="field__input" rows={rows} dir="auto" data-testid={testId} />
      <FieldError className="field__error">
        {tooLong !== null ? intl.formatMessage({ id: 'shareInbox.suggest.fieldTooLong' }, { max: tooLong }) : null}
      </FieldError>
    </AriaTextField>
  );
}

/** The armored text to copy, with a Copy button that says "Copied". */
function ArmoredText({ text, name }: { text: string; name: string }) {
  const intl = useIntl();
  const { announcement, announce } = useAnnouncement();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      announce(intl.formatMessage({ id: 'shareInbox.suggest.copied' }), 'info');
    } catch {
      announce(intl.formatMessage({ id: 'shareInbox.suggest.copyProblem' }));
    }
  };
  return (
    <>
      <p>{intl.formatMessage({ id: 'shareInbox.suggest.doneText' }, { name })}</p>
      <AriaTextField className="field" value={text} isReadOnly>
        <Label className="field__label">{intl.formatMessage({ id: 'shareInbox.suggest.armoredLabel' })}</Label>
        <TextArea className="field__input suggest__armored" rows={8} spellCheck={false} data-testid="suggest-armored-text" />
      </AriaTextField>
      <div className="actions">
        <Button variant="primary" icon={<Copy size={18} />} onPress={() => void copy()} data-testid="suggest-armored-copy">
          {intl.formatMessage({ id: 'shareInbox.suggest.copy' })}
        </Button>
      </div>
      <LiveRegion announcement={announcement} testId="suggest-copy-status" />
    </>
  );
}

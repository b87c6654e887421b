import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { ToggleButton, Toolbar } from 'react-aria-components';
import { Bold, Eye, Heading2, Italic, List, ListOrdered, X } from 'lucide-react';
import * as api from '../../api';
import type { Entry, EntryKind, TagCount } from '../../api';
import { Button } from '../../components/Button';
import { LiveRegion, useAnnouncement } from '../../components/LiveRegion';
import { ScreenHeading } from '../../components/ScreenHeading';
import type { MessageId } from '../../i18n';
import { registerPendingSave } from '../../app/pendingSaves';
import { Autosave, type DraftContent, type SaveStatus } from './autosave';
import { applyEdit, formatEdit, type FormatKind } from './markdownFormat';
import { SafeMarkdown } from './SafeMarkdown';
import { usePromptText } from '../prompts/usePromptText';
import { IdentityPartLine } from './IdentityPartLine';

export type EditorProps = {
  /** The entry to edit; absent for a new entry. */
  entryId?: number;
  /** A new entry answering this prompt. */
  promptId?: string;
  kind?: EntryKind;
  /** A new entry is an identity reflection (kind `reflection` with an identity part). */
  identity?: boolean;
  /** Called after the last save, with the entry's id (null when nothing was kept). */
  onDone: (id: number | null) => void;
};

/** Loads the entry (when editing), then shows the editor. */
export function Editor({ entryId, promptId, kind = 'free', identity = false, onDone }: EditorProps) {
  const intl = useIntl();
  const [loaded, setLoaded] = useState<{ entry: Entry | null } | 'loading' | 'problem'>(
    entryId === undefined ? { entry: null } : 'loading',
  );
  useEffect(() => {
    if (entryId === undefined) return;
    let current = true;
    api.getEntry(entryId).then(
      (entry) => current && setLoaded({ entry }),
      () => current && setLoaded('problem'),
    );
    return () => {
      current = false;
    };
  }, [entryId]);

  // The test id appears with the loaded editor, so "find editor" means "ready to type".
  if (loaded === 'loading') return <div className="editor" aria-busy="true" />;
  if (loaded === 'problem') {
    return (
      <div className="editor" data-testid="editor">
        <p role="status" className="note note--notice">
          {intl.formatMessage({ id: 'editor.loadError' })}
        </p>
        <Button onPress={() => onDone(entryId ?? null)}>{intl.formatMessage({ id: 'journal.back' })}</Button>
      </div>
    );
  }
  const entry = loaded.entry;
  const draft: DraftContent = entry
    ? {
        kind: entry.kind,
        title: entry.title,
        body: entry.body,
        tags: entry.tags,
        promptId: entry.promptId,
        checkin: entry.checkin,
        // A goal check-in keeps its goal and its other answers when its words are edited here.
        ...(entry.goal ? { goal: entry.goal } : {}),
        // So does a try-on, a moment or an identity reflection.
        ...(entry.identity ? { identity: entry.identity } : {}),
      }
    : identity
      ? {
          kind: 'reflection',
          title: null,
          body: '',
          tags: [],
          promptId: promptId ?? null,
          checkin: null,
          identity: { kind: 'reflection', name: null, pronouns: null, felt: null, moment: null },
        }
      : { kind, title: null, body: '', tags: [], promptId: promptId ?? null, checkin: null };
  return <EditorForm initialId={entry?.id ?? null} initial={draft} onDone={onDone} />;
}

const STATUS_MESSAGE: Record<Exclude<SaveStatus['state'], 'problem'>, MessageId> = {
  idle: 'editor.status.idle',
  saving: 'editor.status.saving',
  saved: 'editor.status.saved',
  empty: 'editor.status.empty',
  tooLong: 'editor.status.tooLong',
};

function statusMessage(status: SaveStatus): MessageId {
  if (status.state !== 'problem') return STATUS_MESSAGE[status.state];
  switch (status.code) {
    case 'locked':
    case 'no_vault':
      return 'editor.status.locked';
    case 'storage_full':
      return 'editor.status.storageFull';
    case 'invalid_input':
      return 'editor.status.invalid';
    default:
      return 'editor.status.problem';
  }
}

const isTrouble = (status: SaveStatus) => status.state === 'tooLong' || status.state === 'problem';

const TOOLS: readonly { kind: FormatKind; label: MessageId; tip?: MessageId; icon: ReactNode; testId?: string; keys?: string }[] = [
  { kind: 'bold', label: 'editor.bold', tip: 'editor.boldTip', icon: <Bold size={16} />, testId: 'editor-bold', keys: 'Control+B' },
  { kind: 'italic', label: 'editor.italic', tip: 'editor.italicTip', icon: <Italic size={16} />, testId: 'editor-italic', keys: 'Control+I' },
  { kind: 'heading', label: 'editor.heading', icon: <Heading2 size={16} /> },
  { kind: 'bullet', label: 'editor.bulletList', icon: <List size={16} /> },
  { kind: 'numbered', label: 'editor.numberedList', icon: <ListOrdered size={16} /> },
];

function EditorForm({
  initialId,
  initial,
  onDone,
}: {
  initialId: number | null;
  initial: DraftContent;
  onDone: (id: number | null) => void;
}) {
  const intl = useIntl();
  const ids = useId();
  const promptText = usePromptText();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const { announcement, announce } = useAnnouncement();
  // The draft and its saving live outside React state so a flush after unmount still has them.
  const [autosave] = useState(
    () => new Autosave({ id: initialId, draft: initial, save: api.saveEntry, onStatus: setStatus }),
  );
  const [title, setTitle] = useState(initial.title ?? '');
  const [tags, setTags] = useState<string[]>(initial.tags);
  const [tagText, setTagText] = useState('');
  const [knownTags, setKnownTags] = useState<TagCount[]>([]);
  const [preview, setPreview] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);

  // Flush on the way out (unmount), before a lock, and when the window hides or closes.
  useEffect(() => {
    const unregister = registerPendingSave(() => autosave.flush({ final: true }));
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void autosave.flush();
    };
    const onPageHide = () => void autosave.flush({ final: true });
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      unregister();
      void autosave.flush({ final: true });
    };
  }, [autosave]);

  // A new entry: the cursor goes straight to the writing (after the heading took focus).
  useEffect(() => {
    if (initialId === null) bodyRef.current?.focus();
  }, [initialId]);

  useEffect(() => {
    let current = true;
    api.listTags().then(
      (list) => current && setKnownTags(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  // Problems are announced once each (saving/saved are shown, not announced: too chatty).
  const trouble = isTrouble(status) ? statusMessage(status) : null;
  useEffect(() => {
    if (trouble) announce(intl.formatMessage({ id: trouble }));
  }, [trouble, announce, intl]);

  const format = useCallback(
    (kind: FormatKind) => {
      const textarea = bodyRef.current;
      if (!textarea) return;
      const edit = formatEdit(textarea.value, textarea.selectionStart, textarea.selectionEnd, kind);
      const value = applyEdit(textarea, edit);
      if (value !== autosave.current.body) autosave.update({ body: value });
    },
    [autosave],
  );

  const onBodyKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const ctrl = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
    if (!ctrl) return;
    const key = event.key.toLowerCase();
    if (key === 'b' || key === 'i') {
      event.preventDefault();
      format(key === 'b' ? 'bold' : 'italic');
    }
  };

  const addTag = (raw: string) => {
    // Tidied as the backend tidies tags: no leading #, single spaces.
    const tag = raw.trim().replace(/^#+/, '').trim().split(/\s+/).filter(Boolean).join(' ');
    setTagText('');
    if (!tag || tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return;
    const next = [...tags, tag];
    setTags(next);
    autosave.update({ tags: next });
  };

  const removeTag = (tag: string) => {
    const next = tags.filter((t) => t !== tag);
    setTags(next);
    autosave.update({ tags: next });
  };

  const done = async () => {
    setLeaving(true);
    await autosave.flush({ final: true });
    if (autosave.hasUnsaved) {
      // Could not save: stay, with the words, and say what to do.
      setLeaving(false);
      return;
    }
    onDone(autosave.entryId);
  };

  const heading = intl.formatMessage({ id: initialId === null ? 'editor.newTitle' : 'editor.editTitle' });
  const prompt = initial.promptId ? promptText(initial.promptId) : null;
  const suggestions = knownTags.filter((t) => !tags.some((mine) => mine.toLowerCase() === t.tag.toLowerCase()));

  return (
    <div className="editor" data-testid="editor">
      <div className="editor__top">
        <ScreenHeading className="editor__heading">{heading}</ScreenHeading>
        <p className={isTrouble(status) ? 'editor__status editor__status--trouble' : 'editor__status'} data-testid="editor-status">
          {intl.formatMessage({ id: statusMessage(status) })}
        </p>
        <Button variant="primary" onPress={() => void done()} isDisabled={leaving} data-testid="editor-done">
          {intl.formatMessage({ id: 'editor.done' })}
        </Button>
      </div>
      {/* Problems are shown in the status line and said once by screen readers. */}
      <div className="visually-hidden">
        <LiveRegion announcement={announcement} />
      </div>
      {isTrouble(status) && status.state === 'problem' && status.code !== 'locked' ? (
        <Button variant="quiet" onPress={() => void autosave.flush()}>
          {intl.formatMessage({ id: 'editor.retry' })}
        </Button>
      ) : null}
      {prompt ? (
        <figure className="editor__prompt" data-testid="editor-prompt">
          <figcaption className="muted">{intl.formatMessage({ id: 'editor.prompt' })}</figcaption>
          <blockquote dir="auto">{prompt}</blockquote>
        </figure>
      ) : null}
      {initial.identity ? <IdentityPartLine part={initial.identity} testId="editor-identity" /> : null}
      {initial.kind === 'checkin' ? <p className="muted">{intl.formatMessage({ id: 'editor.checkinNote' })}</p> : null}
      <div className="field editor__field">
        <label className="field__label" htmlFor={`${ids}-title`}>
          {intl.formatMessage({ id: 'editor.title' })}
        </label>
        <input
          id={`${ids}-title`}
          className="field__input editor__title"
          data-testid="editor-title"
          dir="auto"
          maxLength={300}
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            autosave.update({ title: e.target.value === '' ? null : e.target.value });
          }}
          onBlur={() => void autosave.flush()}
        />
      </div>
      <Toolbar className="editor__toolbar" aria-label={intl.formatMessage({ id: 'editor.formatting' })}>
        {TOOLS.map((tool) => (
          <button
            key={tool.kind}
            type="button"
            className="editor__tool"
            title={intl.formatMessage({ id: tool.tip ?? tool.label })}
            aria-keyshortcuts={tool.keys}
            data-testid={tool.testId}
            disabled={preview !== null}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => format(tool.kind)}
          >
            <span aria-hidden="true" className="editor__tool-icon">
              {tool.icon}
            </span>
            {intl.formatMessage({ id: tool.label })}
          </button>
        ))}
        <ToggleButton
          className="editor__tool editor__preview-toggle"
          isSelected={preview !== null}
          onChange={(on) => setPreview(on ? autosave.current.body : null)}
          data-testid="editor-preview-toggle"
        >
          <span aria-hidden="true" className="editor__tool-icon">
            <Eye size={16} />
          </span>
          {intl.formatMessage({ id: 'editor.preview' })}
        </ToggleButton>
      </Toolbar>
      <div className="field editor__field">
        <label className="field__label" htmlFor={`${ids}-body`}>
          {intl.formatMessage({ id: 'editor.body' })}
        </label>
        <textarea
          id={`${ids}-body`}
          ref={bodyRef}
          className="editor__body"
          data-testid="editor-body"
          dir="auto"
          defaultValue={initial.body}
          hidden={preview !== null}
          aria-describedby={`${ids}-body-hint`}
          onInput={(e) => autosave.update({ body: e.currentTarget.value })}
          onKeyDown={onBodyKeyDown}
          onBlur={() => void autosave.flush()}
        />
        <span id={`${ids}-body-hint`} className="field__description" hidden={preview !== null}>
          {intl.formatMessage({ id: 'editor.bodyHint' })}
        </span>
        {preview !== null ? (
          preview.trim() === '' ? (
            <p className="muted" data-testid="editor-preview">
              {intl.formatMessage({ id: 'editor.previewEmpty' })}
            </p>
          ) : (
            <SafeMarkdown text={preview} testId="editor-preview" className="editor__preview" />
          )
        ) : null}
      </div>
      <div className="field editor__field">
        <label className="field__label" htmlFor={`${ids}-tags`}>
          {intl.formatMessage({ id: 'editor.tags' })}
        </label>
        {tags.length > 0 ? (
          <ul className="entry-tags" aria-label={intl.formatMessage({ id: 'journal.entry.tags' })}>
            {tags.map((tag) => (
              <li key={tag} className="entry-chip entry-chip--removable">
                <span dir="auto">#{tag}</span>
                <button
                  type="button"
                  className="entry-chip__remove"
                  aria-label={intl.formatMessage({ id: 'editor.removeTag' }, { tag })}
                  onClick={() => removeTag(tag)}
                >
                  <X size={14} aria-hidden="true" />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          id={`${ids}-tags`}
          className="field__input editor__tags"
          data-testid="editor-tags"
          dir="auto"
          list={`${ids}-tag-list`}
          maxLength={40}
          value={tagText}
          aria-describedby={`${ids}-tags-hint`}
          onChange={(e) => setTagText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              addTag(tagText);
            }
          }}
          onBlur={() => {
            if (tagText.trim()) addTag(tagText);
            void autosave.flush();
          }}
        />
        <datalist id={`${ids}-tag-list`}>
          {suggestions.slice(0, 50).map((t) => (
            <option key={t.tag} value={t.tag} />
          ))}
        </datalist>
        <span id={`${ids}-tags-hint`} className="field__description">
          {intl.formatMessage({ id: 'editor.tagsHint' })}
        </span>
      </div>
    </div>
  );
}

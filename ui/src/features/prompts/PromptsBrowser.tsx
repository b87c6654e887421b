import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { PenLine, Pencil, Plus, Trash2, X } from 'lucide-react';
import type { CustomPrompt, JournalLibrary } from '../../api';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { LiveRegion, useAnnouncement } from '../../components/LiveRegion';
import type { MessageId } from '../../i18n';
import { useLibrary } from '../feelings/LibraryContext';
import { useNavigate } from '../shell/navigation';
import { FavouriteToggle } from './FavouriteToggle';
import { OwnPromptForm } from './OwnPromptForm';
import {
  addCustomPrompt,
  customIdOf,
  customPromptRef,
  findCustomPrompt,
  isFavourite,
  isPromptGroup,
  newCustomPromptId,
  PROMPT_GROUPS,
  promptGroupOf,
  removeCustomPrompt,
  SHIPPED_PROMPTS,
  shippedPrompt,
  toggleFavourite,
  updateCustomPrompt,
  type PromptGroup,
} from './prompts';
import { usePromptGroupName } from './usePromptGroupName';
import { usePromptText } from './usePromptText';
import './prompts.css';

type TabKey = PromptGroup | 'favourites' | 'mine';

const TABS: readonly TabKey[] = [...PROMPT_GROUPS, 'favourites', 'mine'];

const TAB_NAMES: Record<'favourites' | 'mine', MessageId> = {
  favourites: 'prompts.browser.favourites',
  mine: 'prompts.browser.mine',
};

/**
 * Every prompt, by topic, with favourites and the person's own prompts (add, change, remove).
 * Shown in a full-window dialog from the prompt card; `onClose` closes it (also before leaving
 * to write about a prompt).
 */
export function PromptsBrowser({ onClose }: { onClose: () => void }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const { library, updateLibrary } = useLibrary();
  const groupName = usePromptGroupName();
  const { announcement, announce } = useAnnouncement();
  const [tab, setTab] = useState<TabKey>('feelings');
  const headingId = useId();

  const save = (change: Parameters<typeof updateLibrary>[0], done?: MessageId) =>
    updateLibrary(change).then(
      () => {
        if (done) announce(intl.formatMessage({ id: done }), 'info');
        return true;
      },
      () => {
        announce(intl.formatMessage({ id: 'prompts.saveProblem' }));
        return false;
      },
    );

  const actions: ItemActions = {
    write: (ref) => {
      onClose();
      navigate('journal', { kind: 'new-entry', promptId: ref });
    },
    isFavourite: (ref) => isFavourite(library, ref),
    toggleFavourite: (ref) => void save((lib) => toggleFavourite(lib, ref)),
  };

  const ownInGroup = (group: PromptGroup) =>
    library.customPrompts.filter((p) => p.group === group).map((p) => customPromptRef(p.id));

  const promptExists = (ref: string) => shippedPrompt(ref) !== undefined || findCustomPrompt(library, ref) !== undefined;

  const refsFor = (key: TabKey): string[] => {
    if (key === 'favourites') return library.favouritePrompts.filter(promptExists);
    if (key === 'mine') return [];
    return [...SHIPPED_PROMPTS.filter((p) => p.group === key).map((p) => p.id), ...ownInGroup(key)];
  };

  const tabName = (key: TabKey) => (key === 'favourites' || key === 'mine' ? intl.formatMessage({ id: TAB_NAMES[key] }) : groupName(key));

  return (
    <div className="prompts-browser" data-testid="prompts-browser">
      <div className="prompts-browser__head">
        <h2 id={headingId} className="dialog__title prompts-browser__title">
          {intl.formatMessage({ id: 'prompts.browser.title' })}
        </h2>
        <Button variant="secondary" icon={<X size={18} />} onPress={onClose} data-testid="prompts-browser-close">
          {intl.formatMessage({ id: 'common.close' })}
        </Button>
      </div>
      <p className="muted">{intl.formatMessage({ id: 'prompts.browser.intro' })}</p>
      <Tabs selectedKey={tab} onSelectionChange={(key) => setTab(key as TabKey)} className="prompt-tabs">
        <TabList aria-label={intl.formatMessage({ id: 'prompts.browser.groups' })} className="prompt-tabs__list">
          {TABS.map((key) => (
            <Tab key={key} id={key} className="prompt-tabs__tab" data-testid={`prompts-group-${key}`}>
              {tabName(key)}
            </Tab>
          ))}
        </TabList>
        {TABS.map((key) => (
          <TabPanel key={key} id={key} className="prompt-tabs__panel">
            {key === 'mine' ? (
              <OwnPrompts save={save} actions={actions} groupName={groupName} />
            ) : (
              <PromptList
                refs={refsFor(key)}
                actions={actions}
                showGroup={key === 'favourites'}
                empty={key === 'favourites' ? intl.formatMessage({ id: 'prompts.browser.favouritesEmpty' }) : null}
              />
            )}
          </TabPanel>
        ))}
      </Tabs>
      <LiveRegion announcement={announcement} testId="prompts-browser-status" />
    </div>
  );
}

type ItemActions = {
  write: (ref: string) => void;
  isFavourite: (ref: string) => boolean;
  toggleFavourite: (ref: string) => void;
};

function PromptList({
  refs,
  actions,
  showGroup,
  empty,
}: {
  refs: string[];
  actions: ItemActions;
  showGroup: boolean;
  empty: string | null;
}) {
  if (refs.length === 0 && empty) return <p className="prompts-browser__empty">{empty}</p>;
  return (
    <ul className="prompt-list">
      {refs.map((ref) => (
        <PromptItem key={ref} promptRef={ref} actions={actions} showGroup={showGroup} />
      ))}
    </ul>
  );
}

function PromptItem({ promptRef, actions, showGroup }: { promptRef: string; actions: ItemActions; showGroup: boolean }) {
  const intl = useIntl();
  const promptText = usePromptText();
  const groupName = usePromptGroupName();
  const { library } = useLibrary();
  const textId = useId();
  const own = customIdOf(promptRef) !== null;
  const group = promptGroupOf(promptRef, library);
  const yours = intl.formatMessage({ id: 'prompts.browser.yours' });
  const meta = own ? (showGroup && group !== null ? `${groupName(group)} · ${yours}` : yours) : showGroup ? groupName(group) : null;
  return (
    <li className="prompt-item">
      <p id={textId} className="prompt-item__text">
        {promptText(promptRef) ?? intl.formatMessage({ id: 'prompts.unknown' })}
      </p>
      {meta ? <p className="prompt-item__meta">{meta}</p> : null}
      <div className="actions prompt-item__actions">
        <Button
          variant="secondary"
          icon={<PenLine size={18} />}
          onPress={() => actions.write(promptRef)}
          aria-describedby={textId}
        >
          {intl.formatMessage({ id: 'prompts.card.write' })}
        </Button>
        <FavouriteToggle
          isSelected={actions.isFavourite(promptRef)}
          onChange={() => actions.toggleFavourite(promptRef)}
          describedBy={textId}
        />
      </div>
    </li>
  );
}

type Editing = { kind: 'new' } | { kind: 'edit'; prompt: CustomPrompt } | null;

function OwnPrompts({
  save,
  actions,
  groupName,
}: {
  save: (change: (lib: JournalLibrary) => JournalLibrary, done?: MessageId) => Promise<boolean>;
  actions: ItemActions;
  groupName: (group: PromptGroup | null) => string;
}) {
  const intl = useIntl();
  const { library } = useLibrary();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<CustomPrompt | null>(null);

  const submit = async (text: string, group: PromptGroup | null) => {
    const ok =
      editing?.kind === 'edit'
        ? await save((lib) => updateCustomPrompt(lib, { ...editing.prompt, text, group }), 'prompts.own.saved')
        : await save((lib) => addCustomPrompt(lib, { id: newCustomPromptId(), text, group }), 'prompts.own.saved');
    if (ok) setEditing(null);
  };

  return (
    <div className="own-prompts">
      <p className="muted">{intl.formatMessage({ id: 'prompts.own.intro' })}</p>
      {editing ? (
        <OwnPromptForm
          key={editing.kind === 'edit' ? editing.prompt.id : 'new'}
          title={intl.formatMessage({ id: editing.kind === 'edit' ? 'prompts.own.editTitle' : 'prompts.own.addTitle' })}
          initialText={editing.kind === 'edit' ? editing.prompt.text : ''}
          initialGroup={editing.kind === 'edit' && isPromptGroup(editing.prompt.group) ? editing.prompt.group : null}
          onSubmit={submit}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <Button variant="primary" icon={<Plus size={18} />} onPress={() => setEditing({ kind: 'new' })} data-testid="prompt-own-add">
          {intl.formatMessage({ id: 'prompts.own.add' })}
        </Button>
      )}
      {library.customPrompts.length === 0 ? (
        <p className="prompts-browser__empty">{intl.formatMessage({ id: 'prompts.own.empty' })}</p>
      ) : (
        <ul className="prompt-list">
          {library.customPrompts.map((prompt) => (
            <OwnPromptItem
              key={prompt.id}
              prompt={prompt}
              actions={actions}
              groupLabel={isPromptGroup(prompt.group) ? groupName(prompt.group) : intl.formatMessage({ id: 'prompts.group.none' })}
              onEdit={() => setEditing({ kind: 'edit', prompt })}
              onRemove={() => setRemoving(prompt)}
            />
          ))}
        </ul>
      )}
      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => {
          if (!open) setRemoving(null);
        }}
        title={intl.formatMessage({ id: 'prompts.own.removeTitle' })}
        confirmLabel={intl.formatMessage({ id: 'prompts.own.removeConfirm' })}
        cancelLabel={intl.formatMessage({ id: 'prompts.own.removeCancel' })}
        onConfirm={() => {
          const target = removing;
          setRemoving(null);
          if (target) {
            if (editing?.kind === 'edit' && editing.prompt.id === target.id) setEditing(null);
            void save((lib) => removeCustomPrompt(lib, target.id), 'prompts.own.removed');
          }
        }}
        testId="prompt-own-remove-dialog"
        confirmTestId="prompt-own-remove-confirm"
        cancelTestId="prompt-own-remove-cancel"
      >
        <p>{removing?.text}</p>
        <p className="muted">{intl.formatMessage({ id: 'prompts.own.removeBody' })}</p>
      </ConfirmDialog>
    </div>
  );
}

function OwnPromptItem({
  prompt,
  actions,
  groupLabel,
  onEdit,
  onRemove,
}: {
  prompt: CustomPrompt;
  actions: ItemActions;
  groupLabel: string;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const intl = useIntl();
  const textId = useId();
  const ref = customPromptRef(prompt.id);
  return (
    <li className="prompt-item" data-testid="prompt-own-item">
      <p id={textId} className="prompt-item__text">
        {prompt.text}
      </p>
      <p className="prompt-item__meta">{groupLabel}</p>
      <div className="actions prompt-item__actions">
        <Button variant="secondary" icon={<PenLine size={18} />} onPress={() => actions.write(ref)} aria-describedby={textId}>
          {intl.formatMessage({ id: 'prompts.card.write' })}
        </Button>
        <FavouriteToggle
          isSelected={actions.isFavourite(ref)}
          onChange={() => actions.toggleFavourite(ref)}
          describedBy={textId}
        />
        <Button variant="quiet" icon={<Pencil size={18} />} onPress={onEdit} aria-describedby={textId} data-testid="prompt-own-edit">
          {intl.formatMessage({ id: 'prompts.own.edit' })}
        </Button>
        <Button variant="quiet" icon={<Trash2 size={18} />} onPress={onRemove} aria-describedby={textId} data-testid="prompt-own-remove">
          {intl.formatMessage({ id: 'prompts.own.remove' })}
        </Button>
      </div>
    </li>
  );
}

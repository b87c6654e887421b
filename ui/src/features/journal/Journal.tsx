import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { BookOpen, CalendarDays, Filter, List, PenLine, Search, Trash2, X } from 'lucide-react';
import { ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import * as api from '../../api';
import type { Entry, EntryFilter, EntrySummary, TagCount } from '../../api';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useNavigate, type Intent } from '../shell/navigation';
import { Calendar } from './Calendar';
import { Editor } from './Editor';
import { EntryView } from './EntryView';
import { activeFilterCount, FilterBar, NO_FILTERS, type Filters } from './Filters';
import { SearchResults } from './SearchResults';
import { Timeline } from './Timeline';
import { Trash } from './Trash';
import { formatDay } from './format';
import './journal.css';

type View =
  | { mode: 'home' }
  // `identity`: an identity reflection (new) or an identity entry, opened from the identity
  // space; Done goes back there.
  | { mode: 'editor'; id?: number; promptId?: string; identity?: boolean }
  | { mode: 'entry'; id: number }
  | { mode: 'trash' };

const UNDO_MS = 10_000;

function initialView(intent: Intent | undefined): View {
  if (intent?.kind === 'new-entry') return { mode: 'editor', promptId: intent.promptId, identity: intent.identity };
  if (intent?.kind === 'open-entry') return { mode: 'entry', id: intent.id };
  if (intent?.kind === 'edit-entry') return { mode: 'editor', id: intent.id, identity: intent.identity };
  return { mode: 'home' };
}

/**
 * The journal: the timeline (list or calendar) with filters and search, the editor, one entry,
 * and the trash. Filters, search text and the list/calendar choice survive moving between them.
 */
export function Journal({ intent }: { intent?: Intent }) {
  const navigate = useNavigate();
  const [view, setView] = useState<View>(() => initialView(intent));
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [day, setDay] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [layout, setLayout] = useState<'list' | 'calendar'>('list');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [undo, setUndo] = useState<{ entry: Entry; state: 'offer' | 'restored' | 'problem' } | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  // Ctrl+K / the search intent focuses search once, on arrival.
  const [focusSearch, setFocusSearch] = useState(intent?.kind === 'search');

  // The undo offer stays about ten seconds.
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);

  const home = useCallback(() => setView({ mode: 'home' }), []);
  // Moving on to another view ends the undo offer (the trash still has the entry).
  const open = useCallback((id: number) => {
    setUndo(null);
    setView({ mode: 'entry', id });
  }, []);

  const undoDelete = async () => {
    if (!undo) return;
    try {
      await api.restoreEntry(undo.entry.id);
      setUndo({ entry: undo.entry, state: 'restored' });
      setReloadKey((k) => k + 1);
    } catch {
      setUndo({ entry: undo.entry, state: 'problem' });
    }
  };

  let content;
  switch (view.mode) {
    case 'editor':
      content = (
        <Editor
          entryId={view.id}
          promptId={view.promptId}
          identity={view.identity}
          onDone={(id) => {
            // Back to the identity space: to its timeline once something is kept there.
            if (view.identity) navigate('identity', { kind: 'identity', tab: id === null && view.id === undefined ? 'reflect' : 'timeline' });
            else if (id !== null && view.id !== undefined) setView({ mode: 'entry', id });
            else home();
          }}
        />
      );
      break;
    case 'entry':
      content = (
        <EntryView
          id={view.id}
          onBack={home}
          onEdit={(id) => setView({ mode: 'editor', id })}
          onDelete={(entry) => {
            setUndo({ entry, state: 'offer' });
            home();
          }}
        />
      );
      break;
    case 'trash':
      content = <Trash onBack={home} />;
      break;
    default:
      content = (
        <JournalHome
          focusSearch={focusSearch}
          onSearchFocused={() => setFocusSearch(false)}
          filters={filters}
          setFilters={setFilters}
          day={day}
          setDay={setDay}
          query={query}
          setQuery={setQuery}
          layout={layout}
          setLayout={setLayout}
          filtersOpen={filtersOpen}
          setFiltersOpen={setFiltersOpen}
          reloadKey={reloadKey}
          onOpen={open}
          onNew={() => {
            setUndo(null);
            setView({ mode: 'editor' });
          }}
          onTrash={() => {
            setUndo(null);
            setView({ mode: 'trash' });
          }}
        />
      );
  }

  return (
    <div className="journal" data-testid="journal">
      <UndoNotice undo={undo} onUndo={() => void undoDelete()} />
      {content}
    </div>
  );
}

function UndoNotice({
  undo,
  onUndo,
}: {
  undo: { entry: Entry; state: 'offer' | 'restored' | 'problem' } | null;
  onUndo: () => void;
}) {
  const intl = useIntl();
  let text: string | null = null;
  if (undo?.state === 'offer') text = intl.formatMessage({ id: 'journal.entry.moved' });
  else if (undo?.state === 'restored') text = intl.formatMessage({ id: 'journal.entry.restored' });
  else if (undo?.state === 'problem') text = intl.formatMessage({ id: 'journal.entry.undoError' });
  return (
    <div className="undo-notice" role="status" aria-live="polite" aria-atomic="true" data-testid="undo-notice">
      {text ? (
        <p className="note note--info undo-notice__body">
          <span>{text}</span>
          {undo?.state === 'offer' ? (
            <Button variant="secondary" onPress={onUndo} data-testid="undo-delete">
              {intl.formatMessage({ id: 'journal.entry.undo' })}
            </Button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

type HomeProps = {
  focusSearch: boolean;
  onSearchFocused: () => void;
  filters: Filters;
  setFilters: (f: Filters) => void;
  day: string | null;
  setDay: (d: string | null) => void;
  query: string;
  setQuery: (q: string) => void;
  layout: 'list' | 'calendar';
  setLayout: (l: 'list' | 'calendar') => void;
  filtersOpen: boolean;
  setFiltersOpen: (open: boolean) => void;
  reloadKey: number;
  onOpen: (id: number) => void;
  onNew: () => void;
  onTrash: () => void;
};

function JournalHome({
  focusSearch,
  onSearchFocused,
  filters,
  setFilters,
  day,
  setDay,
  query,
  setQuery,
  layout,
  setLayout,
  filtersOpen,
  setFiltersOpen,
  reloadKey,
  onOpen,
  onNew,
  onTrash,
}: HomeProps) {
  const intl = useIntl();
  const ids = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const [tags, setTags] = useState<TagCount[]>([]);
  const [seenFeelings, setSeenFeelings] = useState<string[]>([]);

  useEffect(() => {
    if (!focusSearch) return;
    searchRef.current?.focus();
    onSearchFocused();
  }, [focusSearch, onSearchFocused]);

  useEffect(() => {
    let current = true;
    api.listTags().then(
      (list) => current && setTags(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [reloadKey]);

  const onItems = useCallback((items: readonly EntrySummary[]) => {
    setSeenFeelings((seen) => {
      const next = new Set(seen);
      for (const item of items) for (const f of item.feelings) next.add(f);
      return next.size === seen.length ? seen : [...next];
    });
  }, []);

  // One stable filter object per change, shared by the list, the calendar and search.
  const filter = useMemo<EntryFilter>(
    () => ({
      kinds: filters.kinds,
      feelings: filters.feeling ? [filters.feeling] : [],
      tags: filters.tag ? [filters.tag] : [],
      from: day ?? filters.from,
      to: day ?? filters.to,
      includeIdentity: filters.includeIdentity,
    }),
    [filters, day],
  );
  // The calendar shows whole months: it takes the filters but not the chosen day.
  const calendarFilter = useMemo<EntryFilter>(
    () => ({ ...filter, from: filters.from, to: filters.to }),
    [filter, filters.from, filters.to],
  );

  const active = activeFilterCount(filters);
  const searching = query.trim() !== '';
  const clear = () => {
    setFilters(NO_FILTERS);
    setDay(null);
  };

  const empty =
    active > 0 || day ? (
      <p className="muted" role="status">
        {intl.formatMessage({ id: 'journal.noneMatchFilters' })}
      </p>
    ) : (
      <div className="journal__empty">
        <EmptyState icon={<BookOpen size={28} />}>{intl.formatMessage({ id: 'journal.emptyInvite' })}</EmptyState>
        <Button variant="primary" icon={<PenLine size={18} />} onPress={onNew}>
          {intl.formatMessage({ id: 'journal.startWriting' })}
        </Button>
      </div>
    );

  return (
    <div className="journal-home">
      <div className="journal-home__top">
        <ScreenHeading>{intl.formatMessage({ id: 'journal.title' })}</ScreenHeading>
        <Button variant="primary" icon={<PenLine size={18} />} onPress={onNew} data-testid="journal-new">
          {intl.formatMessage({ id: 'journal.new' })}
        </Button>
      </div>
      <div className="journal-search" role="search">
        <label className="field__label" htmlFor={`${ids}-search`}>
          {intl.formatMessage({ id: 'search.label' })}
        </label>
        <div className="journal-search__row">
          <span className="journal-search__icon" aria-hidden="true">
            <Search size={18} />
          </span>
          <input
            ref={searchRef}
            id={`${ids}-search`}
            type="search"
            className="field__input journal-search__input"
            data-testid="journal-search"
            dir="auto"
            autoComplete="off"
            spellCheck={false}
            placeholder={intl.formatMessage({ id: 'search.placeholder' })}
            aria-keyshortcuts="Control+K"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && query !== '') {
                e.preventDefault();
                e.stopPropagation();
                setQuery('');
              }
            }}
          />
          {query !== '' ? (
            <Button variant="quiet" icon={<X size={16} />} onPress={() => setQuery('')} data-testid="journal-search-clear">
              {intl.formatMessage({ id: 'search.clear' })}
            </Button>
          ) : null}
        </div>
      </div>
      <div className="journal-bar">
        <ToggleButtonGroup
          aria-label={intl.formatMessage({ id: 'journal.viewLabel' })}
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[layout]}
          onSelectionChange={(keys: Set<Key>) => {
            const next = [...keys][0];
            if (next === 'list' || next === 'calendar') setLayout(next);
          }}
          className="journal-bar__views"
        >
          <ToggleButton id="list" className="segmented" data-testid="journal-view-list">
            <List size={16} aria-hidden="true" />
            {intl.formatMessage({ id: 'journal.view.list' })}
          </ToggleButton>
          <ToggleButton id="calendar" className="segmented" data-testid="journal-view-calendar">
            <CalendarDays size={16} aria-hidden="true" />
            {intl.formatMessage({ id: 'journal.view.calendar' })}
          </ToggleButton>
        </ToggleButtonGroup>
        <Button
          variant="secondary"
          icon={<Filter size={16} />}
          onPress={() => setFiltersOpen(!filtersOpen)}
          aria-expanded={filtersOpen}
          aria-controls={filtersOpen ? `${ids}-filters` : undefined}
          data-testid="journal-filters-toggle"
        >
          {active > 0
            ? intl.formatMessage({ id: 'journal.filters.active' }, { count: active })
            : intl.formatMessage({ id: 'journal.filters.toggle' })}
        </Button>
        <Button variant="quiet" icon={<Trash2 size={16} />} onPress={onTrash} data-testid="journal-trash">
          {intl.formatMessage({ id: 'journal.trashLink' })}
        </Button>
      </div>
      {filtersOpen ? (
        <FilterBar
          id={`${ids}-filters`}
          filters={filters}
          onChange={setFilters}
          onClear={clear}
          tags={tags}
          feelings={seenFeelings}
        />
      ) : null}
      {day ? (
        <p className="journal-day">
          <span>{intl.formatMessage({ id: 'journal.filters.day' }, { date: formatDay(intl, day) })}</span>
          <Button variant="quiet" onPress={() => setDay(null)} data-testid="journal-day-clear">
            {intl.formatMessage({ id: 'journal.calendar.showAll' })}
          </Button>
        </p>
      ) : null}
      {searching ? (
        <SearchResults text={query} filter={filter} onOpen={onOpen} />
      ) : layout === 'calendar' ? (
        <Calendar
          filter={calendarFilter}
          selectedDay={day}
          onChoose={(chosen) => {
            setDay(chosen);
            setLayout('list');
          }}
        />
      ) : (
        <Timeline filter={filter} onOpen={onOpen} reloadKey={reloadKey} empty={empty} onItems={onItems} />
      )}
    </div>
  );
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import * as api from '../../api';
import type { EntryFilter, EntrySummary, TimelineCursor } from '../../api';
import { EntryCard } from './EntryCard';
import { formatDayHeading } from './format';

export const PAGE_SIZE = 100;

type Row = { type: 'day'; day: string } | { type: 'entry'; entry: EntrySummary };

type Page = {
  items: EntrySummary[];
  nextCursor: TimelineCursor | null;
  total: number | null;
};

export type TimelineState = 'loading' | 'ready' | 'problem';

/** Day headings as their own rows, entries under them, newest first. */
export function toRows(items: readonly EntrySummary[]): Row[] {
  const rows: Row[] = [];
  let day: string | null = null;
  for (const entry of items) {
    if (entry.day !== day) {
      day = entry.day;
      rows.push({ type: 'day', day });
    }
    rows.push({ type: 'entry', entry });
  }
  return rows;
}

/** Loads the timeline page by page for a filter; stale answers (an older filter) are ignored. */
function useTimelinePages(filter: EntryFilter, reloadKey: number) {
  // Which question the loaded pages answer: a new filter (or reload) means "loading" until its
  // first page arrives.
  const request = useMemo(() => ({ filter, reloadKey }), [filter, reloadKey]);
  const [page, setPage] = useState<Page & { request: object | null; state: TimelineState; loadingMore: boolean }>({
    items: [],
    nextCursor: null,
    total: null,
    request: null,
    state: 'loading',
    loadingMore: false,
  });
  const latest = useRef<object | null>(null);
  const loadingMore = useRef(false);

  useEffect(() => {
    latest.current = request;
    loadingMore.current = false;
    api.listEntries({ filter: request.filter, cursor: null, limit: PAGE_SIZE }).then(
      (first) => {
        if (latest.current !== request) return;
        setPage({ ...first, request, state: 'ready', loadingMore: false });
      },
      () => {
        if (latest.current !== request) return;
        setPage({ items: [], nextCursor: null, total: null, request, state: 'problem', loadingMore: false });
      },
    );
  }, [request]);

  const current = page.request === request;
  const loadMore = useCallback(() => {
    const cursor = page.nextCursor;
    if (!cursor || loadingMore.current || page.state !== 'ready' || page.request !== request) return;
    loadingMore.current = true;
    setPage((p) => ({ ...p, loadingMore: true }));
    api.listEntries({ filter: request.filter, cursor, limit: PAGE_SIZE }).then(
      (next) => {
        if (latest.current !== request) return;
        loadingMore.current = false;
        setPage((p) => ({ ...p, items: [...p.items, ...next.items], nextCursor: next.nextCursor, loadingMore: false }));
      },
      () => {
        if (latest.current !== request) return;
        loadingMore.current = false;
        setPage((p) => ({ ...p, loadingMore: false }));
      },
    );
  }, [request, page.nextCursor, page.state, page.request]);

  return {
    items: page.items,
    nextCursor: current ? page.nextCursor : null,
    total: page.total,
    state: current ? page.state : ('loading' as TimelineState),
    loadingMore: page.loadingMore,
    loadMore,
  };
}

const ESTIMATE_DAY = 52;
const ESTIMATE_ENTRY = 118;

export type TimelineProps = {
  filter: EntryFilter;
  onOpen: (id: number) => void;
  /** Change to load again from the top (e.g. after an undo). */
  reloadKey?: number;
  /** Rendered when there are no entries at all for this filter. */
  empty: React.ReactNode;
  /** The entries loaded so far (e.g. to offer their feelings as filters). */
  onItems?: (items: readonly EntrySummary[]) => void;
};

/**
 * The timeline: a virtualised list (only the rows near the visible window are in the DOM), so
 * 100k entries scroll smoothly. Pages of 100 load as the end comes near.
 */
export function Timeline({ filter, onOpen, reloadKey = 0, empty, onItems }: TimelineProps) {
  const intl = useIntl();
  const { items, total, nextCursor, state, loadingMore, loadMore } = useTimelinePages(filter, reloadKey);
  const rows = useMemo(() => toRows(items), [items]);
  const hasMore = nextCursor !== null;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  useEffect(() => {
    onItems?.(items);
  }, [items, onItems]);

  const count = rows.length + (hasMore ? 1 : 0);
  // TanStack Virtual is not memoisable by the React Compiler; this component doesn't rely on it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.type === 'day' ? ESTIMATE_DAY : ESTIMATE_ENTRY),
    overscan: 6,
    getItemKey: (index) => {
      const row = rows[index];
      if (!row) return 'more';
      return row.type === 'day' ? `day-${row.day}` : `entry-${row.entry.id}`;
    },
    // Where layout is not available (a hidden window), keep the estimate instead of 0.
    measureElement: (element, entry, instance) => {
      const size = entry?.borderBoxSize?.[0]?.blockSize ?? (element as HTMLElement).offsetHeight;
      if (size > 0) return Math.round(size);
      const index = instance.indexFromElement(element);
      return rows[index]?.type === 'day' ? ESTIMATE_DAY : ESTIMATE_ENTRY;
    },
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? -1;

  // Near the end of what is loaded: fetch the next page.
  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - 15) loadMore();
  }, [hasMore, lastIndex, rows.length, loadMore]);

  // Arrow keys move between entries; the target row is scrolled into the window first.
  useEffect(() => {
    if (focusIndex === null) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"] [data-testid="timeline-entry"]`);
    if (element) {
      element.focus();
      setFocusIndex(null);
    }
  }, [focusIndex, virtualItems]);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.getAttribute('data-testid') !== 'timeline-entry') return;
      const from = Number(target.closest('[data-index]')?.getAttribute('data-index'));
      if (!Number.isFinite(from)) return;
      const next = nextEntryIndex(rows, from, event.key);
      if (next === null) return;
      event.preventDefault();
      virtualizer.scrollToIndex(next, { align: 'auto' });
      setFocusIndex(next);
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  });

  if (state === 'loading' && items.length === 0) {
    return (
      <p className="muted" aria-busy="true">
        {intl.formatMessage({ id: 'journal.loading' })}
      </p>
    );
  }
  if (state === 'problem') {
    return (
      <p role="status" className="note note--notice">
        {intl.formatMessage({ id: 'journal.loadError' })}
      </p>
    );
  }
  if (items.length === 0) return <>{empty}</>;

  return (
    <div className="timeline-wrap">
      {total !== null ? (
        <p className="muted timeline__count">{intl.formatMessage({ id: 'journal.count' }, { count: total })}</p>
      ) : null}
      <div ref={scrollRef} className="timeline" data-testid="timeline">
        <div
          role="list"
          aria-label={intl.formatMessage({ id: 'timeline.label' })}
          aria-busy={loadingMore || undefined}
          className="timeline__list"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualItems.map((item) => (
            <TimelineRow
              key={item.key}
              index={item.index}
              start={item.start}
              row={rows[item.index]}
              setSize={hasMore ? -1 : rows.length}
              measureRef={virtualizer.measureElement}
              onOpen={onOpen}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

function nextEntryIndex(rows: readonly Row[], from: number, key: string): number | null {
  const isEntry = (i: number) => rows[i]?.type === 'entry';
  if (key === 'Home') {
    for (let i = 0; i < rows.length; i++) if (isEntry(i)) return i;
    return null;
  }
  if (key === 'End') {
    for (let i = rows.length - 1; i >= 0; i--) if (isEntry(i)) return i;
    return null;
  }
  const step = key === 'ArrowDown' ? 1 : -1;
  for (let i = from + step; i >= 0 && i < rows.length; i += step) if (isEntry(i)) return i;
  return null;
}

function TimelineRow({
  index,
  start,
  row,
  setSize,
  measureRef,
  onOpen,
}: {
  index: number;
  start: number;
  row: Row | undefined;
  setSize: number;
  measureRef: Virtualizer<HTMLDivElement, Element>['measureElement'];
  onOpen: (id: number) => void;
}) {
  const intl = useIntl();
  const style = { transform: `translateY(${start}px)` };
  if (!row) {
    return (
      <div role="listitem" data-index={index} ref={measureRef} className="timeline__row" style={style}>
        <p className="muted timeline__more">{intl.formatMessage({ id: 'timeline.loadingMore' })}</p>
      </div>
    );
  }
  return (
    <div
      role="listitem"
      aria-posinset={index + 1}
      aria-setsize={setSize}
      data-index={index}
      ref={measureRef}
      className={row.type === 'day' ? 'timeline__row timeline__row--day' : 'timeline__row'}
      style={style}
    >
      {row.type === 'day' ? (
        <h2 className="timeline__day" data-testid="timeline-day" data-day={row.day}>
          {formatDayHeading(intl, row.day)}
        </h2>
      ) : (
        <EntryCard entry={row.entry} onOpen={onOpen} testId="timeline-entry" />
      )}
    </div>
  );
}

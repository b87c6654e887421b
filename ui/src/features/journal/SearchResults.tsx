import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import * as api from '../../api';
import type { EntryFilter, SearchHit, SnippetPart } from '../../api';
import { formatTime, formatDay } from './format';
import { KIND_LABEL, KindIcon } from './kinds';

export const SEARCH_DEBOUNCE_MS = 150;
export const SEARCH_LIMIT = 100;

type Results = { text: string; hits: SearchHit[] } | { text: string; problem: true };

/** Snippet parts as React text with <mark> around the hits (never HTML). */
export function Highlighted({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.hit ? (
          <mark key={i} className="search-mark">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

/**
 * Results as you type: asks ~150 ms after the last keystroke; an answer to an older question
 * (or for older filters) is dropped, so results never jump back.
 */
export function SearchResults({ text, filter, onOpen }: { text: string; filter: EntryFilter; onOpen: (id: number) => void }) {
  const intl = useIntl();
  const [results, setResults] = useState<Results | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api.searchEntries({ text, filter, limit: SEARCH_LIMIT }).then(
        (found) => current && setResults({ text, hits: found.hits }),
        () => current && setResults({ text, problem: true }),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, filter]);

  const pending = results === null || results.text !== text;
  let status: string;
  if (results === null) status = intl.formatMessage({ id: 'search.searching' });
  else if ('problem' in results) status = intl.formatMessage({ id: 'search.error' });
  else if (results.hits.length === 0) status = intl.formatMessage({ id: 'search.none' }, { text: results.text.trim() });
  else status = intl.formatMessage({ id: 'search.count' }, { count: results.hits.length });

  const hits = results && 'hits' in results ? results.hits : [];
  return (
    <section className="search-results" data-testid="search-results" aria-busy={pending || undefined} aria-label={intl.formatMessage({ id: 'search.results' })}>
      <p role="status" className="muted search-results__status" dir="auto">
        {status}
      </p>
      {hits.length > 0 ? (
        <ol className="search-results__list">
          {hits.map((hit) => {
            const { entry } = hit;
            const untitled = hit.title.length === 0;
            return (
              <li key={entry.id}>
                <button type="button" className="entry-card search-hit" data-testid="search-hit" data-entry-id={entry.id} data-entry-title={entry.title ?? undefined} onClick={() => onOpen(entry.id)}>
                  <span className="entry-card__meta">
                    <span className="entry-card__kind">
                      <KindIcon kind={entry.kind} size={16} />
                      {intl.formatMessage({ id: KIND_LABEL[entry.kind] })}
                    </span>
                    <span className="entry-card__time">
                      {formatDay(intl, entry.day)}, {formatTime(intl, entry.createdAt)}
                    </span>
                  </span>
                  {untitled ? null : (
                    <span className="entry-card__title" dir="auto">
                      <Highlighted parts={hit.title} />
                    </span>
                  )}
                  {hit.snippet.length > 0 ? (
                    <span className="entry-card__excerpt" dir="auto">
                      <Highlighted parts={hit.snippet} />
                    </span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}

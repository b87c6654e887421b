// The share log: every share that went out, newest first, read like a plain diary — when, how
// and to whom, and each thing with the parts that went. Nothing here can be deleted: a file once
// given can't be taken back, and this list is how the person remembers what went out.
import { useCallback, useEffect, useState } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { History } from 'lucide-react';
import * as api from '../../../api';
import type { ShareLogEntry, ShareLogItem, ShareMethod } from '../../../api';
import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import type { MessageId } from '../../../i18n';
import { dayDate } from '../../journal/format';
import { formatSharedAt } from '../view/SharedView';
import './log.css';

const METHOD_WORDS: Record<ShareMethod, MessageId> = {
  file: 'shareView.log.method.file',
  armored_text: 'shareView.log.method.armored_text',
  passphrase_file: 'shareView.log.method.passphrase_file',
  print: 'shareView.log.method.print',
  show_in_session: 'shareView.log.method.show_in_session',
};

/** Every part name the log can hold (src-tauri/sharing/log.rs), and its words. */
const PART_WORDS: Record<string, MessageId> = {
  title: 'shareView.log.part.title',
  body: 'shareView.log.part.body',
  feelings: 'shareView.log.part.feelings',
  going_on: 'shareView.log.part.going_on',
  helped: 'shareView.log.part.helped',
  tags: 'shareView.log.part.tags',
  prompt: 'shareView.log.part.prompt',
  goal: 'shareView.log.part.goal',
  identity: 'shareView.log.part.identity',
  why: 'shareView.log.part.why',
  steps: 'shareView.log.part.steps',
  checkins: 'shareView.log.part.checkins',
  counts: 'shareView.log.part.counts',
  top_feelings: 'shareView.log.part.top_feelings',
  name: 'shareView.log.part.name',
  pronouns: 'shareView.log.part.pronouns',
  note: 'shareView.log.part.note',
  warning_signs: 'shareView.log.part.warning_signs',
  coping_on_my_own: 'shareView.log.part.coping_on_my_own',
  people_and_places: 'shareView.log.part.people_and_places',
  people_to_ask: 'shareView.log.part.people_to_ask',
  professionals: 'shareView.log.part.professionals',
  safer_space: 'shareView.log.part.safer_space',
  reasons_for_living: 'shareView.log.part.reasons_for_living',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function longDay(intl: IntlShape, day: string): string {
  return DAY.test(day) ? intl.formatDate(dayDate(day), { day: 'numeric', month: 'long', year: 'numeric' }) : day;
}

/** How a share went out: "to Sam as an encrypted file", "printed"… */
export function methodWords(intl: IntlShape, entry: Pick<ShareLogEntry, 'method' | 'toName'>): string {
  const name = entry.toName?.trim() ? entry.toName : null;
  return intl.formatMessage({ id: METHOD_WORDS[entry.method] }, { hasName: name !== null ? 'yes' : 'no', name: name ?? '' });
}

/** What one line of a share was: "Entry from 3 March 2025", "Goal: Sleep better"… */
export function itemWords(intl: IntlShape, item: ShareLogItem): string {
  switch (item.kind) {
    case 'entry':
      return intl.formatMessage({ id: 'shareView.log.kind.entry' }, { day: longDay(intl, item.label) });
    case 'goal':
      return intl.formatMessage({ id: 'shareView.log.kind.goal' }, { label: item.label });
    case 'insights': {
      const [from = '', to = ''] = item.label.split('/');
      return intl.formatMessage({ id: 'shareView.log.kind.insights' }, { from: longDay(intl, from), to: longDay(intl, to) });
    }
    case 'safety_plan':
      return intl.formatMessage({ id: 'shareView.log.kind.safety_plan' });
    case 'profile':
      return intl.formatMessage({ id: 'shareView.log.kind.profile' });
    case 'note':
      return intl.formatMessage({ id: 'shareView.log.kind.note' });
    case 'goal_suggestion':
      return intl.formatMessage({ id: 'shareView.log.kind.goal_suggestion' }, { label: item.label });
    case 'prompt_suggestion':
      return intl.formatMessage({ id: 'shareView.log.kind.prompt_suggestion' }, { label: item.label });
    default:
      return intl.formatMessage({ id: 'shareView.log.kind.other' });
  }
}

/** Which parts went, in words: "title, what I wrote and feelings". Empty when none are listed. */
export function partsWords(intl: IntlShape, parts: string[]): string {
  if (parts.length === 0) return '';
  const words = parts.map((part) => intl.formatMessage({ id: PART_WORDS[part] ?? 'shareView.log.part.other' }));
  return intl.formatList(words, { type: 'conjunction' });
}

type LogState = { state: 'loading' } | { state: 'problem' } | { state: 'ready'; entries: ShareLogEntry[] };

export function ShareLog() {
  const intl = useIntl();
  const [log, setLog] = useState<LogState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    api.listShareLog().then(
      (entries) => current && setLog({ state: 'ready', entries: [...entries].sort((a, b) => b.id - a.id) }),
      () => current && setLog({ state: 'problem' }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setLog({ state: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return (
    <section className="share-log" data-testid="share-log" aria-busy={log.state === 'loading'}>
      <p className="share-log__honest" data-testid="share-log-honest">
        {intl.formatMessage({ id: 'shareView.log.honest' })}
      </p>
      {log.state === 'loading' ? <p className="muted">{intl.formatMessage({ id: 'shareView.log.loading' })}</p> : null}
      {log.state === 'problem' ? (
        <div className="share-log__problem">
          <p role="status" className="note note--notice" data-testid="share-log-error">
            {intl.formatMessage({ id: 'shareView.log.loadError' })}
          </p>
          <Button variant="secondary" onPress={retry} data-testid="share-log-retry">
            {intl.formatMessage({ id: 'shareView.log.retry' })}
          </Button>
        </div>
      ) : null}
      {log.state === 'ready' && log.entries.length === 0 ? (
        <div data-testid="share-log-empty">
          <EmptyState icon={<History size={28} />}>{intl.formatMessage({ id: 'shareView.log.empty' })}</EmptyState>
        </div>
      ) : null}
      {log.state === 'ready' && log.entries.length > 0 ? (
        <ol className="share-log__list">
          {log.entries.map((entry) => (
            <li key={entry.id} className="share-log__entry" data-testid="share-log-entry" data-method={entry.method}>
              <h3 className="share-log__when" data-testid="share-log-when">
                {intl.formatMessage(
                  { id: 'shareView.log.line' },
                  { when: formatSharedAt(intl, entry.at), how: methodWords(intl, entry) },
                )}
              </h3>
              <ul className="share-log__items" aria-label={intl.formatMessage({ id: 'shareView.log.items' })}>
                {entry.items.map((item, i) => {
                  const parts = partsWords(intl, item.parts);
                  return (
                    <li key={i} className="share-log__item" data-testid="share-log-item" data-kind={item.kind}>
                      <span className="share-log__what" dir="auto">
                        {itemWords(intl, item)}
                      </span>
                      {parts ? (
                        <span className="share-log__parts" data-testid="share-log-parts">
                          {intl.formatMessage({ id: 'shareView.log.parts' }, { parts })}
                        </span>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

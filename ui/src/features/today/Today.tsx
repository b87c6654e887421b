import { startTransition, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { BookOpen, PenLine } from 'lucide-react';
import * as api from '../../api';
import type { EntrySummary } from '../../api';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useApp } from '../../app/AppContext';
import { lazyComponent } from '../../app/lazyComponent';
import { CoreIcon } from '../feelings/CoreIcon';
import { CORES } from '../feelings/vocabulary';
import { EntryCard } from '../journal/EntryCard';
import { PromptCard } from '../prompts/PromptCard';
import { useProfile, usePerson } from '../shell/ProfileContext';
import { useNavigate } from '../shell/navigation';
import { NextStepLine } from '../goals/NextStepLine';
import { dayPeriod } from './greeting';
// The row of core feelings is styled with the check-in's own rules (.cores, .core-icon); the
// check-in itself loads later.
import '../feelings/feelings.css';
import './today.css';

const RECENT = 5;

// The full check-in (every word, the pad, own words) loads when a feeling is first tapped; the
// tap is a transition, so the row of feelings stays until the check-in can take its place.
const CheckIn = lazyComponent(() => import('../feelings/CheckIn').then((m) => m.CheckIn));

type Recent = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; items: EntrySummary[] };

/**
 * Today: the greeting with the chosen name, a one-tap check-in (a core feeling opens the
 * check-in right here with its words showing), one prompt, and the last few entries.
 */
export function Today() {
  const intl = useIntl();
  const { locale, lockNow } = useApp();
  const { profile } = useProfile();
  const navigate = useNavigate();
  const [period] = useState(() => dayPeriod(new Date()));
  const [checkinCore, setCheckinCore] = useState<string | null>(null);
  const [recent, setRecent] = useState<Recent>({ state: 'loading' });
  const quickId = useId();
  const quickRow = useRef<HTMLUListElement>(null);
  const returnTo = useRef<string | null>(null);

  // Closing the check-in puts focus back on the feeling it was opened with.
  useEffect(() => {
    if (checkinCore === null && returnTo.current) {
      quickRow.current?.querySelector<HTMLElement>(`[data-testid="today-quick-${returnTo.current}"]`)?.focus();
      returnTo.current = null;
    }
  }, [checkinCore]);
  const recentId = useId();

  const { person, args, hasName } = usePerson('app');
  // Spanish adds one gendered word ("Bienvenida a tu espacio") only when the person chose how
  // they are spoken about; otherwise the line stays neutral.
  const gendered = profile.spanish !== null || (profile.pronouns !== null && profile.pronouns.id !== 'name_only');
  const invitation = intl.formatMessage(
    { id: 'identity.today.invitation' },
    { gendered: gendered ? 'yes' : 'no', ending: person.spanish.ending },
  );
  const greeting = hasName
    ? intl.formatMessage({ id: 'today.greeting.named' }, { period, name: args.name })
    : intl.formatMessage({ id: 'today.greeting.anonymous' }, { period });

  const load = useCallback(() => {
    let current = true;
    api
      .listEntries({ filter: { kinds: [], feelings: [], tags: [], from: null, to: null }, cursor: null, limit: RECENT })
      .then((page) => {
        if (current) setRecent({ state: 'ready', items: page.items });
      })
      .catch((error: unknown) => {
        if (!current) return;
        if (api.isCommandFailure(error) && error.code === 'locked') lockNow();
        else setRecent({ state: 'failed' });
      });
    return () => {
      current = false;
    };
  }, [lockNow]);

  useEffect(() => load(), [load]);

  const open = (id: number) => navigate('journal', { kind: 'open-entry', id });

  return (
    <>
      <ScreenHeading className="screen-title--writing">{greeting}</ScreenHeading>
      <p className="lead" data-testid="today-invitation">
        {invitation}
      </p>

      {checkinCore ? (
        <div className="today-checkin card">
          <CheckIn key={checkinCore} initialCore={checkinCore} onClose={() => {
              returnTo.current = checkinCore;
              setCheckinCore(null);
            }} onSaved={() => load()} />
        </div>
      ) : (
        <section className="card today-quick" aria-labelledby={quickId}>
          <h2 id={quickId} className="card__title">
            {intl.formatMessage({ id: 'today.quick.title' })}
          </h2>
          <p className="muted">{intl.formatMessage({ id: 'today.quick.hint' })}</p>
          <ul ref={quickRow} className="cores cores--quick">
            {CORES.map((core) => (
              <li key={core.id}>
                <Button
                  className="core"
                  icon={<CoreIcon core={core.id} />}
                  onPress={() => startTransition(() => setCheckinCore(core.id))}
                  data-testid={`today-quick-${core.id}`}
                >
                  {core[locale]}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="actions today-actions">
        <Button
          variant="primary"
          icon={<PenLine size={18} />}
          onPress={() => navigate('journal', { kind: 'new-entry' })}
          data-testid="today-write"
        >
          {intl.formatMessage({ id: 'today.write' })}
        </Button>
      </div>

      <PromptCard />
      <NextStepLine />

      <section className="today-recent" aria-labelledby={recentId} data-testid="today-recent" aria-busy={recent.state === 'loading'}>
        <h2 id={recentId}>{intl.formatMessage({ id: 'today.recent.title' })}</h2>
        {recent.state === 'failed' ? (
          <div className="note" role="status">
            <p>{intl.formatMessage({ id: 'today.recent.failed' })}</p>
            <Button
              variant="secondary"
              onPress={() => {
                setRecent({ state: 'loading' });
                load();
              }}
            >
              {intl.formatMessage({ id: 'today.recent.retry' })}
            </Button>
          </div>
        ) : recent.state === 'ready' && recent.items.length === 0 ? (
          <EmptyState icon={<BookOpen size={28} />}>{intl.formatMessage({ id: 'today.recent.empty' })}</EmptyState>
        ) : recent.state === 'ready' ? (
          <>
            <ul className="today-recent__list">
              {recent.items.map((entry) => (
                <li key={entry.id}>
                  <EntryCard entry={entry} onOpen={open} showDate />
                </li>
              ))}
            </ul>
            <Button variant="quiet" onPress={() => navigate('journal')} data-testid="today-all-entries">
              {intl.formatMessage({ id: 'today.recent.all' })}
            </Button>
          </>
        ) : null}
      </section>
    </>
  );
}

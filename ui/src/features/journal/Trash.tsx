import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { ArrowLeft, RotateCcw, Trash2 } from 'lucide-react';
import * as api from '../../api';
import type { EntrySummary } from '../../api';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { LiveRegion, useAnnouncement } from '../../components/LiveRegion';
import { ScreenHeading } from '../../components/ScreenHeading';
import { formatTime, formatDay, wallClock } from './format';
import { KIND_LABEL, KindIcon } from './kinds';

const TRASH_DAYS = 30;

/** The day an entry in the trash goes for good: 30 days after it was deleted. */
export function purgeDate(deletedAt: string): Date {
  const date = wallClock(deletedAt);
  date.setDate(date.getDate() + TRASH_DAYS);
  return date;
}

export function Trash({ onBack }: { onBack: () => void }) {
  const intl = useIntl();
  const [items, setItems] = useState<EntrySummary[] | null | 'problem'>(null);
  const [confirmPurge, setConfirmPurge] = useState<EntrySummary | null>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const [busy, setBusy] = useState(false);
  const { announcement, announce } = useAnnouncement();

  const load = useCallback(async () => {
    try {
      setItems(await api.listTrash());
    } catch {
      setItems('problem');
    }
  }, []);

  useEffect(() => {
    let current = true;
    api.listTrash().then(
      (list) => current && setItems(list),
      () => current && setItems('problem'),
    );
    return () => {
      current = false;
    };
  }, []);

  const act = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      announce(await action());
    } catch {
      announce(intl.formatMessage({ id: 'trash.problem' }));
    } finally {
      setBusy(false);
      await load();
    }
  };

  const restore = (entry: EntrySummary) =>
    act(async () => {
      await api.restoreEntry(entry.id);
      return intl.formatMessage({ id: 'trash.restored' });
    });
  const purge = (entry: EntrySummary) =>
    act(async () => {
      await api.purgeEntry(entry.id);
      return intl.formatMessage({ id: 'trash.purged' });
    });
  const emptyAll = () =>
    act(async () => {
      const count = await api.emptyTrash();
      return intl.formatMessage({ id: 'trash.emptied' }, { count });
    });

  const list = Array.isArray(items) ? items : [];
  return (
    <section className="trash" data-testid="trash">
      <Button variant="quiet" icon={<ArrowLeft size={18} />} onPress={onBack} data-testid="trash-back">
        {intl.formatMessage({ id: 'trash.back' })}
      </Button>
      <ScreenHeading>{intl.formatMessage({ id: 'trash.title' })}</ScreenHeading>
      <p className="lead">{intl.formatMessage({ id: 'trash.intro' })}</p>
      <LiveRegion announcement={announcement} />
      {items === null ? (
        <p className="muted" aria-busy="true">
          {intl.formatMessage({ id: 'journal.loading' })}
        </p>
      ) : items === 'problem' ? (
        <p role="status" className="note note--notice">
          {intl.formatMessage({ id: 'journal.loadError' })}
        </p>
      ) : list.length === 0 ? (
        <EmptyState icon={<Trash2 size={28} />}>{intl.formatMessage({ id: 'trash.empty' })}</EmptyState>
      ) : (
        <>
          <ul className="trash__list">
            {list.map((entry) => {
              const title = entry.title?.trim() || entry.excerpt.trim() || intl.formatMessage({ id: 'journal.card.noText' });
              return (
                <li key={entry.id} className="trash__item" data-testid="trash-entry" data-entry-id={entry.id}>
                  <div className="trash__text">
                    <span className="entry-card__kind">
                      <KindIcon kind={entry.kind} size={16} />
                      {intl.formatMessage({ id: KIND_LABEL[entry.kind] })} · {formatDay(intl, entry.day)}, {formatTime(intl, entry.createdAt)}
                    </span>
                    <span className="entry-card__title trash__title" dir="auto">
                      {title}
                    </span>
                    {entry.deletedAt ? (
                      <span className="muted">
                        {intl.formatMessage(
                          { id: 'trash.deletesOn' },
                          { date: intl.formatDate(purgeDate(entry.deletedAt), { day: 'numeric', month: 'long', year: 'numeric' }) },
                        )}
                      </span>
                    ) : null}
                  </div>
                  <div className="actions trash__actions">
                    <Button
                      variant="secondary"
                      icon={<RotateCcw size={18} />}
                      isDisabled={busy}
                      onPress={() => void restore(entry)}
                      data-testid="trash-restore"
                      aria-label={`${intl.formatMessage({ id: 'trash.restore' })}: ${title}`}
                    >
                      {intl.formatMessage({ id: 'trash.restore' })}
                    </Button>
                    <Button
                      variant="quiet"
                      isDisabled={busy}
                      onPress={() => setConfirmPurge(entry)}
                      data-testid="trash-purge"
                      aria-label={`${intl.formatMessage({ id: 'trash.purge' })}: ${title}`}
                    >
                      {intl.formatMessage({ id: 'trash.purge' })}
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
          <div className="actions">
            <Button variant="secondary" icon={<Trash2 size={18} />} isDisabled={busy} onPress={() => setConfirmEmpty(true)} data-testid="trash-empty">
              {intl.formatMessage({ id: 'trash.emptyAll' })}
            </Button>
          </div>
        </>
      )}
      <ConfirmDialog
        isOpen={confirmPurge !== null}
        onOpenChange={(open) => {
          if (!open) setConfirmPurge(null);
        }}
        title={intl.formatMessage({ id: 'trash.purgeTitle' })}
        confirmLabel={intl.formatMessage({ id: 'trash.purge' })}
        cancelLabel={intl.formatMessage({ id: 'trash.keep' })}
        onConfirm={() => {
          if (confirmPurge) void purge(confirmPurge);
        }}
        testId="trash-purge-dialog"
        confirmTestId="trash-purge-confirm"
        cancelTestId="trash-purge-cancel"
      >
        <p>{intl.formatMessage({ id: 'trash.purgeBody' })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={confirmEmpty}
        onOpenChange={setConfirmEmpty}
        title={intl.formatMessage({ id: 'trash.emptyTitle' })}
        confirmLabel={intl.formatMessage({ id: 'trash.emptyAll' })}
        cancelLabel={intl.formatMessage({ id: 'trash.keep' })}
        onConfirm={() => void emptyAll()}
        testId="trash-empty-dialog"
        confirmTestId="trash-empty-confirm"
        cancelTestId="trash-empty-cancel"
      >
        <p>{intl.formatMessage({ id: 'trash.emptyBody' }, { count: list.length })}</p>
      </ConfirmDialog>
    </section>
  );
}

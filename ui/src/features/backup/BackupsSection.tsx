import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { DatabaseBackup } from 'lucide-react';
import * as api from '../../api';
import type { BackupStatus } from '../../api';
import { Button } from '../../components/Button';
import { problemWords } from './Backups';
import { formatWhen } from './format';

/**
 * The "Backups and export" section of Settings: when the last copy was made, a calm word about
 * a problem if there is one, and the way into the Backups screen.
 */
export function BackupsSection({ onOpen, focusOnMount = false }: { onOpen: () => void; focusOnMount?: boolean }) {
  const intl = useIntl();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [unknown, setUnknown] = useState(false);
  const actions = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    api.backupStatus().then(
      (next) => {
        if (current) setStatus(next);
      },
      () => {
        if (current) setUnknown(true);
      },
    );
    return () => {
      current = false;
    };
  }, []);

  // Coming back from the Backups screen: land on the button that led there.
  useEffect(() => {
    if (focusOnMount) actions.current?.querySelector('button')?.focus();
  }, [focusOnMount]);

  const problem = status ? problemWords(status) : null;
  let last: string;
  if (status?.lastBackupAt) last = intl.formatMessage({ id: 'backup.last' }, { when: formatWhen(intl, status.lastBackupAt) });
  else if (status) last = intl.formatMessage({ id: 'backup.last.none' });
  else if (unknown) last = intl.formatMessage({ id: 'backup.last.unknown' });
  else last = intl.formatMessage({ id: 'backup.loading' });

  return (
    <section className="settings__section" aria-labelledby="settings-backups-heading" data-testid="settings-backups-section">
      <h2 id="settings-backups-heading">{intl.formatMessage({ id: 'settings.backups' })}</h2>
      <p data-testid="settings-backups-last">{last}</p>
      <p className="muted">{intl.formatMessage({ id: 'backup.reassurance' })}</p>
      {problem ? (
        <p className="note" data-testid="settings-backups-problem">
          {intl.formatMessage({ id: problem })}
        </p>
      ) : null}
      <div className="actions" ref={actions}>
        <Button variant="secondary" icon={<DatabaseBackup size={20} />} onPress={onOpen} data-testid="settings-backups">
          {intl.formatMessage({ id: 'settings.backups.open' })}
        </Button>
      </div>
    </section>
  );
}

import { useState } from 'react';
import { useIntl } from 'react-intl';
import { FileUp } from 'lucide-react';
import * as api from '../../api';
import { useApp } from '../../app/AppContext';
import { Button } from '../../components/Button';
import { ScreenHeading } from '../../components/ScreenHeading';
import { wordsFor } from './format';
import { RestoreFlow } from './RestoreFlow';
import { StatusLine, useSay } from './StatusLine';
import './backup.css';

/**
 * First run, "Restore from a backup": choose the backup file → the passphrase or recovery code
 * that journal had → see what it holds → restore → straight into the unlocked journal.
 * `onCancel` goes back to the welcome step; nothing is created until the restore itself.
 */
export function FirstRunRestore({ onCancel }: { onCancel: () => void }) {
  const intl = useIntl();
  const { openRestoredJournal } = useApp();
  const [path, setPath] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const { said, say, clear } = useSay();

  const choose = async () => {
    if (picking) return;
    clear();
    setPicking(true);
    try {
      const picked = await api.pickBackupFile(intl.formatMessage({ id: 'backup.openFile.title' }));
      if (picked) setPath(picked);
    } catch (error) {
      say(intl.formatMessage({ id: wordsFor(api.normaliseError(error).code, {}) }));
    } finally {
      setPicking(false);
    }
  };

  if (path) {
    return (
      <RestoreFlow
        key={path}
        source={{ path }}
        tryCurrent={false}
        firstRun
        onCancel={() => setPath(null)}
        onRestored={() => openRestoredJournal({ replaced: false })}
        onChooseAnother={() => {
          setPath(null);
          void choose();
        }}
      />
    );
  }

  return (
    <div className="restore" data-testid="onboarding-restore-intro">
      <ScreenHeading>{intl.formatMessage({ id: 'restore.firstRun.title' })}</ScreenHeading>
      <p className="lead">{intl.formatMessage({ id: 'restore.firstRun.body' })}</p>
      <p>{intl.formatMessage({ id: 'restore.firstRun.needs' })}</p>
      <StatusLine said={said} testId="onboarding-restore-message" />
      <div className="actions">
        <Button variant="primary" icon={<FileUp size={20} />} onPress={() => void choose()} data-testid="backup-open-file">
          {intl.formatMessage({ id: 'restore.firstRun.choose' })}
        </Button>
        <Button variant="quiet" onPress={onCancel} data-testid="onboarding-back">
          {intl.formatMessage({ id: 'common.back' })}
        </Button>
      </div>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Button } from '../../components/Button';
import './backup.css';

/**
 * The calm confirmation after a restore, shown over the freshly opened journal until closed.
 * The live region is in the DOM before its words arrive, so screen readers say them.
 */
export function RestoredNotice({ replaced, onClose }: { replaced: boolean; onClose: () => void }) {
  const intl = useIntl();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return (
    <aside className="restored-notice" aria-label={intl.formatMessage({ id: 'restore.done.region' })}>
      <div role="status" aria-live="polite" aria-atomic="true">
        {shown ? (
          <p className="restored-notice__text" data-testid="restore-done">
            {intl.formatMessage({ id: replaced ? 'restore.done.replaced' : 'restore.done.firstRun' })}
          </p>
        ) : null}
      </div>
      <Button variant="quiet" onPress={onClose} data-testid="restore-done-close">
        {intl.formatMessage({ id: 'common.close' })}
      </Button>
    </aside>
  );
}

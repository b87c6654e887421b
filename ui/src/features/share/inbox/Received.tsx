import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Target } from 'lucide-react';
import { Button } from '../../../components/Button';
import { useNavigate } from '../../shell/navigation';
import { ImportPanel } from './ImportPanel';
import './inbox.css';

/**
 * The client's side of ideas sent back: how they arrive, and where to open them (a file, text
 * or a dropped file). They become suggestions in Goals; nothing changes until the person
 * decides, so after an import there is a way straight to them.
 */
export function Received() {
  const intl = useIntl();
  const navigate = useNavigate();
  const [added, setAdded] = useState(false);
  return (
    <div className="received" data-testid="received">
      <p className="lead" data-testid="received-intro">
        {intl.formatMessage({ id: 'shareInbox.received.lead' })}
      </p>
      <ImportPanel
        prefix="received"
        onImported={(outcome) => {
          if (outcome.added) setAdded(true);
        }}
      />
      {added ? (
        <div className="actions">
          <Button variant="primary" icon={<Target size={18} />} onPress={() => navigate('goals')} data-testid="received-open-goals">
            {intl.formatMessage({ id: 'shareInbox.received.openGoals' })}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

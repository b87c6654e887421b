import { LifeBuoy } from 'lucide-react';
import { useIntl } from 'react-intl';
import { Button } from './Button';

/** The Help button for screens without the sidebar (lock screen, first run). Always one click away. */
export function CrisisHelpButton({ onPress }: { onPress: () => void }) {
  const intl = useIntl();
  return (
    <Button variant="secondary" className="help-button" icon={<LifeBuoy size={20} />} onPress={onPress} data-testid="nav-help">
      {intl.formatMessage({ id: 'help.button' })}
    </Button>
  );
}

import { Target } from 'lucide-react';
import { InvitationScreen } from '../../components/InvitationScreen';

export function Goals() {
  return <InvitationScreen title="goals.title" invitation="goals.empty" icon={<Target size={28} />} />;
}

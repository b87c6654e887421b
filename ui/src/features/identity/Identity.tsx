import { Sparkles } from 'lucide-react';
import { InvitationScreen } from '../../components/InvitationScreen';

export function Identity() {
  return <InvitationScreen title="identity.title" invitation="identity.empty" icon={<Sparkles size={28} />} />;
}

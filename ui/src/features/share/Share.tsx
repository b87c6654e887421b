import { Send } from 'lucide-react';
import { InvitationScreen } from '../../components/InvitationScreen';

export function Share() {
  return <InvitationScreen title="share.title" invitation="share.empty" icon={<Send size={28} />} />;
}

import { Heart } from 'lucide-react';
import { InvitationScreen } from '../../components/InvitationScreen';

export function Feelings() {
  return <InvitationScreen title="feelings.title" invitation="feelings.empty" icon={<Heart size={28} />} />;
}

import { Heart } from 'lucide-react';
import { InvitationScreen } from '../../components/InvitationScreen';
import type { Intent } from '../shell/navigation';

export function Feelings(_props: { intent?: Intent }) {
  return <InvitationScreen title="feelings.title" invitation="feelings.empty" icon={<Heart size={28} />} />;
}

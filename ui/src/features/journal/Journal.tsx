import { BookOpen } from 'lucide-react';
import { InvitationScreen } from '../../components/InvitationScreen';
import type { Intent } from '../shell/navigation';

export function Journal(_props: { intent?: Intent }) {
  return <InvitationScreen title="journal.title" invitation="journal.empty" icon={<BookOpen size={28} />} />;
}

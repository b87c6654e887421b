import { BookOpen } from 'lucide-react';
import { InvitationScreen } from '../../components/InvitationScreen';

export function Journal() {
  return <InvitationScreen title="journal.title" invitation="journal.empty" icon={<BookOpen size={28} />} />;
}

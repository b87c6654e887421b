import { Heart, PenLine, Sparkles, Target } from 'lucide-react';
import type { ReactNode } from 'react';
import type { EntryKind } from '../../api';
import type { MessageId } from '../../i18n';

export const KINDS: readonly EntryKind[] = ['free', 'checkin', 'reflection', 'goal_checkin'];

export const KIND_LABEL: Record<EntryKind, MessageId> = {
  free: 'journal.kind.free',
  checkin: 'journal.kind.checkin',
  reflection: 'journal.kind.reflection',
  goal_checkin: 'journal.kind.goal_checkin',
};

export function KindIcon({ kind, size = 18 }: { kind: EntryKind; size?: number }): ReactNode {
  switch (kind) {
    case 'free':
      return <PenLine size={size} aria-hidden="true" />;
    case 'checkin':
      return <Heart size={size} aria-hidden="true" />;
    case 'reflection':
      return <Sparkles size={size} aria-hidden="true" />;
    case 'goal_checkin':
      return <Target size={size} aria-hidden="true" />;
  }
}

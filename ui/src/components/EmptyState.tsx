import type { ReactNode } from 'react';

/** An invitation, not a blank: says honestly what will live here. */
export function EmptyState({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <div className="empty-state">
      <span className="empty-state__icon" aria-hidden="true">
        {icon}
      </span>
      <p className="empty-state__text">{children}</p>
    </div>
  );
}

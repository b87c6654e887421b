import { useCallback, useEffect, useRef, useState } from 'react';

export type Announcement = { text: string; tone: 'info' | 'notice'; id: number };

/**
 * State for a live region. `announce` gives each message a fresh id so saying the same
 * thing twice (a second wrong try) is announced again.
 */
export function useAnnouncement() {
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const announce = useCallback((text: string, tone: Announcement['tone'] = 'notice') => {
    setAnnouncement((previous) => ({ text, tone, id: (previous?.id ?? 0) + 1 }));
  }, []);
  const clear = useCallback(() => setAnnouncement(null), []);
  return { announcement, announce, clear };
}

export type LiveRegionProps = {
  announcement: Announcement | null;
  testId?: string;
};

/**
 * A polite live region that is always in the DOM (so screen readers are listening before the
 * first message). Messages are kind notes, never alarm-red. A new message is scrolled into
 * view (the least movement that shows it), so it is never said below the fold of a short window.
 */
export function LiveRegion({ announcement, testId }: LiveRegionProps) {
  const region = useRef<HTMLDivElement>(null);
  const messageId = announcement?.id;
  useEffect(() => {
    if (messageId !== undefined) region.current?.scrollIntoView?.({ block: 'nearest' });
  }, [messageId]);
  return (
    <div
      ref={region}
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className="live-region"
      data-testid={testId}
    >
      {announcement ? (
        <p key={announcement.id} className={`note note--${announcement.tone}`}>
          {announcement.text}
        </p>
      ) : null}
    </div>
  );
}

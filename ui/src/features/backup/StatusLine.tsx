import { useCallback, useEffect, useRef, useState } from 'react';

export type Said = { text: string; tone: 'info' | 'notice'; testId?: string; id: number };

/** Like `useAnnouncement`, but a message may carry its own test id (e.g. `backup-done`). */
export function useSay() {
  const [said, setSaid] = useState<Said | null>(null);
  const say = useCallback((text: string, tone: Said['tone'] = 'notice', testId?: string) => {
    setSaid((previous) => ({ text, tone, testId, id: (previous?.id ?? 0) + 1 }));
  }, []);
  const clear = useCallback(() => setSaid(null), []);
  return { said, say, clear };
}

/**
 * A polite live region that is always in the DOM, so screen readers hear "Done." and the calm
 * problem messages when they appear. The message is scrolled into view (the least movement).
 */
export function StatusLine({ said, testId }: { said: Said | null; testId?: string }) {
  const region = useRef<HTMLDivElement>(null);
  const messageId = said?.id;
  useEffect(() => {
    if (messageId !== undefined) region.current?.scrollIntoView?.({ block: 'nearest' });
  }, [messageId]);
  return (
    <div ref={region} role="status" aria-live="polite" aria-atomic="true" className="live-region" data-testid={testId}>
      {said ? (
        <p key={said.id} className={`note note--${said.tone}`} data-testid={said.testId}>
          {said.text}
        </p>
      ) : null}
    </div>
  );
}

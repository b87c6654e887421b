import { useCallback, useEffect, useRef, useState } from 'react';
import * as api from '../../api';
import type { JobKind, JobProgress } from '../../api';

/** How often the progress of a running backup, restore or export is asked for. */
export const POLL_MS = 250;

/**
 * Runs a long backend job (a backup, restore or export) and, while its promise is pending, asks
 * `job_progress` every POLL_MS for how far it got. `progress` is `null` until the first answer
 * (the bar shows "getting started" then).
 */
export function useJob() {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async <T>(kind: JobKind, task: () => Promise<T>): Promise<T> => {
    setRunning(true);
    setProgress(null);
    let active = true;
    const poll = () => {
      api.jobProgress().then(
        (next) => {
          if (active && mounted.current && next && next.job === kind) setProgress(next);
        },
        () => undefined, // Progress is only a nicety: the job's own answer is what counts.
      );
    };
    const pending = task();
    poll();
    const timer = setInterval(poll, POLL_MS);
    try {
      return await pending;
    } finally {
      active = false;
      clearInterval(timer);
      if (mounted.current) {
        setRunning(false);
        setProgress(null);
      }
    }
  }, []);

  return { running, progress, run };
}

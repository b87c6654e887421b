// Saves that must land before the vault locks. An editor with unsaved writing registers a
// flush function while it is mounted; `lockNow` hides the UI at once, then awaits
// `flushPendingSaves` (bounded by a timeout) before telling the backend to lock.
//
// Only functions are kept here, never the writing itself: each flush closes over its editor's
// draft, and the registration is dropped when the editor goes away.

type Flush = () => Promise<void>;

const pending = new Set<Flush>();

/** Registers a flush to run before the next lock; returns a function that unregisters it. */
export function registerPendingSave(flush: Flush): () => void {
  // Wrap so the same function registered twice still gets two independent registrations.
  const entry: Flush = () => flush();
  pending.add(entry);
  return () => {
    pending.delete(entry);
  };
}

/**
 * Runs every registered flush at once and resolves when they have all settled, or after
 * `timeoutMs` (a stuck save must not keep the vault open). Never rejects.
 */
export async function flushPendingSaves(timeoutMs = 1500): Promise<void> {
  const flushes = [...pending];
  if (flushes.length === 0) return;
  const all = Promise.allSettled(flushes.map((flush) => Promise.resolve().then(flush)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  try {
    await Promise.race([all.then(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// What a pasted share key is, read the way the backend reads it (src-tauri/sharing/contacts.rs
// `parse_key`): spaces and line breaks pasted with it don't count, and capitals don't matter.
// The backend still decides; this only lets the screen say early, in the right words, what
// the backend would refuse (its own key, a key already paired, a secret key).

/** The key without spaces or line breaks, in lower case. */
export function compactKey(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/** An age secret key (`AGE-SECRET-KEY-1…`), which must never be pasted anywhere else. */
export function isSecretKey(text: string): boolean {
  return compactKey(text).startsWith('age-secret-key-1');
}

/** How many characters a public key has (`age1` + 58). */
export const KEY_LENGTH = 62;

/** Puts text on the clipboard; rejects when there is no clipboard or it refuses. */
export async function copyText(text: string): Promise<void> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard || typeof clipboard.writeText !== 'function') throw new Error('No clipboard here');
  await clipboard.writeText(text);
}

// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test bindings_are_current`.
// Do not edit by hand: change the Rust type, then regenerate.

export type ErrorCode = "wrong_secret" | "locked" | "no_vault" | "vault_exists" | "keychain_unavailable" | "pin_removed" | "invalid_input" | "corrupt" | "storage_full" | "storage" | "busy" | "internal";

export type CommandError = { code: ErrorCode, 
/**
 * English, plain words, safe to show; never contains the user's writing or secrets.
 */
message: string, 
/**
 * Only for a wrong PIN: how many tries remain before the PIN is turned off.
 */
attemptsLeft: number | null, };

export type Mode = "client" | "counselor";

export type Language = "en" | "es";

export type Theme = "system" | "light" | "dark" | "contrast";

export type Accent = "teal" | "plum" | "amber" | "sky";

export type Prefs = { language: Language | null, theme: Theme, accent: Accent, 
/**
 * 1.0 = 100 %; kept within 0.875 … 1.5.
 */
textScale: number, 
/**
 * 0 = never; at most 240.
 */
autoLockMinutes: number, mode: Mode | null, 
/**
 * Shown in the window title and on screen instead of "Cove" (e.g. "Notes"); `null` shows
 * "Cove". Trimmed, 1–40 characters, no control characters.
 */
displayName: string | null, 
/**
 * A plainer look that doesn't stand out as a journal. Off by default.
 */
neutralLook: boolean, };

export type KeychainStatus = { available: boolean, reason: string | null, };

export type AppStatus = { vaultExists: boolean, unlocked: boolean, pinEnabled: boolean, prefs: Prefs, };

export type Profile = { name: string | null, pronouns: string | null, };

export type CreateVaultInput = { passphrase: string, mode: Mode, profile: Profile, };

export type CreatedVault = { 
/**
 * Shown once, in groups of four, then forgotten by the app.
 */
recoveryCode: string, };

export type SafetyContact = { name: string, 
/**
 * Digits, spaces and `+ ( ) - .` only.
 */
phone: string | null, note: string | null, };

export type SafetyPlan = { 
/**
 * 1. Warning signs that a crisis may be developing.
 */
warningSigns: Array<string>, 
/**
 * 2. Things I can do on my own to take my mind off my problems.
 */
copingOnMyOwn: Array<string>, 
/**
 * 3. People and social places that help me feel better.
 */
peopleAndPlaces: Array<string>, 
/**
 * 4. People I can ask for help.
 */
peopleToAsk: Array<SafetyContact>, 
/**
 * 5. Professionals and services I can contact in a crisis.
 */
professionals: Array<SafetyContact>, 
/**
 * 6. Making my space safer.
 */
saferSpace: Array<string>, 
/**
 * My reasons for living.
 */
reasonsForLiving: Array<string>, 
/**
 * When the plan was last saved: local time, RFC 3339 with offset. Set by the backend;
 * `null` until the first save.
 */
updatedAt: string | null, };

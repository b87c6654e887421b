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
autoLockMinutes: number, mode: Mode | null, };

export type KeychainStatus = { available: boolean, reason: string | null, };

export type AppStatus = { vaultExists: boolean, unlocked: boolean, keychain: KeychainStatus, pinEnabled: boolean, prefs: Prefs, };

export type Profile = { name: string | null, pronouns: string | null, };

export type CreateVaultInput = { passphrase: string, mode: Mode, profile: Profile, };

export type CreatedVault = { 
/**
 * Shown once, in groups of four, then forgotten by the app.
 */
recoveryCode: string, };

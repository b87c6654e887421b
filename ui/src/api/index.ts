// The one module that talks to the backend. Screens call these typed functions and never
// build an `invoke("…")` string themselves. Every failure is normalised to a `CommandError`.
import { invoke } from '@tauri-apps/api/core';
import { open as openDialog, save as saveDialog } from '@tauri-apps/plugin-dialog';
import type {
  AppStatus,
  BackupFile,
  BackupSecret,
  BackupStatus,
  BackupSummary,
  ExportInput,
  ExportResult,
  Goal,
  ImportOutcome,
  InboxShare,
  KeyQr,
  MyKey,
  Suggestion,
  ShareLock,
  ShareLogEntry,
  ShareMethod,
  SharePayload,
  ShareSelection,
  WriteShareInput,
  WriteShareResult,
  WriteSuggestionsInput,
  GoalDetail,
  GoalDraft,
  GoalStatus,
  IdentityTimeline,
  IdentityTimelineQuery,
  JobProgress,
  Proposal,
  ProposalDecision,
  ProposalOutcome,
  ReminderSettings,
  CommandError,
  Contact,
  ContactDraft,
  CreateVaultInput,
  CreatedVault,
  DayStat,
  Entry,
  EntryDraft,
  EntryFilter,
  EntrySummary,
  ErrorCode,
  Insights,
  JournalLibrary,
  KeychainStatus,
  Prefs,
  Profile,
  SafetyPlan,
  SearchQuery,
  SearchResults,
  TagCount,
  TimelinePage,
  TimelineQuery,
} from './bindings';

export type * from './bindings';

const ERROR_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'wrong_secret',
  'locked',
  'no_vault',
  'vault_exists',
  'keychain_unavailable',
  'pin_removed',
  'invalid_input',
  'corrupt',
  'storage_full',
  'storage',
  'busy',
  'internal',
  'not_found',
  'not_a_backup',
  'backup_damaged',
  'too_new',
  'not_a_share',
  'share_damaged',
  'not_for_you',
  'wrong_passphrase',
  'share_too_large',
  'wrong_kind',
  'no_key_found',
]);

/** A failed command. Carries the backend's stable code; screens choose their own words by code. */
export class CommandFailure extends Error implements CommandError {
  readonly code: ErrorCode;
  readonly attemptsLeft: number | null;

  constructor(error: CommandError) {
    super(error.message);
    this.name = 'CommandFailure';
    this.code = error.code;
    this.attemptsLeft = error.attemptsLeft;
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && ERROR_CODES.has(value as ErrorCode);
}

/** Turn whatever `invoke` rejected with into a `CommandFailure`. */
export function normaliseError(raw: unknown): CommandFailure {
  if (raw instanceof CommandFailure) return raw;
  if (typeof raw === 'object' && raw !== null) {
    const record = raw as Record<string, unknown>;
    if (isErrorCode(record.code)) {
      const attempts = record.attemptsLeft;
      return new CommandFailure({
        code: record.code,
        message: typeof record.message === 'string' ? record.message : '',
        attemptsLeft: typeof attempts === 'number' && Number.isFinite(attempts) ? attempts : null,
      });
    }
    if (raw instanceof Error) {
      return new CommandFailure({ code: 'internal', message: raw.message, attemptsLeft: null });
    }
  }
  if (typeof raw === 'string') {
    return new CommandFailure({ code: 'internal', message: raw, attemptsLeft: null });
  }
  return new CommandFailure({ code: 'internal', message: 'Unknown error', attemptsLeft: null });
}

export function isCommandFailure(value: unknown): value is CommandFailure {
  return value instanceof CommandFailure;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw normaliseError(raw);
  }
}

export function appStatus(): Promise<AppStatus> {
  return call<AppStatus>('app_status');
}

/**
 * Whether the OS keychain works, so a PIN can be offered. Ask only where the PIN option is
 * shown: on a desktop whose keyring is locked, the system asks for its password.
 */
export function keychainStatus(): Promise<KeychainStatus> {
  return call<KeychainStatus>('keychain_status');
}

export function savePrefs(prefs: Prefs): Promise<null> {
  return call<null>('save_prefs', { prefs });
}

/** Creates the vault; it is unlocked afterwards. */
export function createVault(input: CreateVaultInput): Promise<CreatedVault> {
  return call<CreatedVault>('create_vault', { input });
}

/** True when the typed code opens the recovery slot. */
export function confirmRecoveryCode(code: string): Promise<boolean> {
  return call<boolean>('confirm_recovery_code', { code });
}

export function unlockWithPassphrase(passphrase: string): Promise<null> {
  return call<null>('unlock_with_passphrase', { passphrase });
}

export function unlockWithPin(pin: string): Promise<null> {
  return call<null>('unlock_with_pin', { pin });
}

/** Sets a new passphrase using the recovery code; unlocks on success. */
export function resetPassphraseWithRecoveryCode(code: string, newPassphrase: string): Promise<null> {
  return call<null>('reset_passphrase_with_recovery_code', { code, newPassphrase });
}

export function lock(): Promise<null> {
  return call<null>('lock');
}

export function changePassphrase(current: string, next: string): Promise<null> {
  return call<null>('change_passphrase', { current, next });
}

export function setPin(pin: string): Promise<null> {
  return call<null>('set_pin', { pin });
}

export function removePin(): Promise<null> {
  return call<null>('remove_pin');
}

export function getProfile(): Promise<Profile> {
  return call<Profile>('get_profile');
}

export function saveProfile(profile: Profile): Promise<null> {
  return call<null>('save_profile', { profile });
}

/** The safety plan; an empty plan (every list empty, `updatedAt` null) when none was saved yet. */
export function getSafetyPlan(): Promise<SafetyPlan> {
  return call<SafetyPlan>('get_safety_plan');
}

/** Saves the whole plan and returns it as stored: trimmed, blank items dropped, `updatedAt` set. */
export function saveSafetyPlan(plan: SafetyPlan): Promise<SafetyPlan> {
  return call<SafetyPlan>('save_safety_plan', { plan });
}

// ── Journal ─────────────────────────────────────────────────────────────────────────────────

/**
 * Creates (`draft.id` null) or updates an entry and returns it as stored. Returns `null` when the
 * draft is empty: nothing is saved for a new draft, and an existing entry emptied of everything
 * is removed for good (an empty entry is not kept as clutter).
 */
export function saveEntry(draft: EntryDraft): Promise<Entry | null> {
  return call<Entry | null>('save_entry', { draft });
}

export function getEntry(id: number): Promise<Entry> {
  return call<Entry>('get_entry', { id });
}

/** Moves the entry to the trash (kept 30 days); `restoreEntry` undoes it. */
export function deleteEntry(id: number): Promise<null> {
  return call<null>('delete_entry', { id });
}

export function restoreEntry(id: number): Promise<null> {
  return call<null>('restore_entry', { id });
}

/** Deletes an entry in the trash for good. */
export function purgeEntry(id: number): Promise<null> {
  return call<null>('purge_entry', { id });
}

/** Deletes everything in the trash for good; returns how many entries went. */
export function emptyTrash(): Promise<number> {
  return call<number>('empty_trash');
}

/** What is in the trash, most recently deleted first. */
export function listTrash(): Promise<EntrySummary[]> {
  return call<EntrySummary[]>('list_trash');
}

/** One page of the timeline, newest first. */
export function listEntries(query: TimelineQuery): Promise<TimelinePage> {
  return call<TimelinePage>('list_entries', { query });
}

export function searchEntries(query: SearchQuery): Promise<SearchResults> {
  return call<SearchResults>('search_entries', { query });
}

/** Every tag in use (outside the trash), most used first. */
export function listTags(): Promise<TagCount[]> {
  return call<TagCount[]>('list_tags');
}

/** Per-day counts and mood for the calendar, `from`…`to` inclusive (`YYYY-MM-DD`). */
export function calendarDays(from: string, to: string, filter: EntryFilter): Promise<DayStat[]> {
  return call<DayStat[]>('calendar_days', { from, to, filter });
}

export function getInsights(from: string, to: string): Promise<Insights> {
  return call<Insights>('get_insights', { from, to });
}

/** The person's own feelings words, own prompts, favourite and snoozed prompts. */
export function getLibrary(): Promise<JournalLibrary> {
  return call<JournalLibrary>('get_library');
}

export function saveLibrary(library: JournalLibrary): Promise<JournalLibrary> {
  return call<JournalLibrary>('save_library', { library });
}

// ── Identity ────────────────────────────────────────────────────────────────────────────────
// A try-on, a moment or an identity reflection is a journal entry: `saveEntry` with kind
// `reflection` and `identity` set. The chosen name and pronouns are the profile.

/** Every try-on, moment and identity reflection (newest first) and what was tried, grouped. */
export function identityTimeline(query: IdentityTimelineQuery = { from: null, to: null }): Promise<IdentityTimeline> {
  return call<IdentityTimeline>('identity_timeline', { query });
}

// ── Goals ───────────────────────────────────────────────────────────────────────────────────
// A goal check-in is a journal entry: `saveEntry` with kind `goal_checkin` and `goal` set.

/** Every goal, active first, then paused, done and let go; newest first within each. */
export function listGoals(): Promise<Goal[]> {
  return call<Goal[]>('list_goals');
}

/** One goal with its check-ins (newest first). */
export function getGoal(id: number): Promise<GoalDetail> {
  return call<GoalDetail>('get_goal', { id });
}

/** Creates (`draft.id` null) or updates a goal; the steps are the whole list, in order. */
export function saveGoal(draft: GoalDraft): Promise<Goal> {
  return call<Goal>('save_goal', { draft });
}

export function setStepDone(goalId: number, stepId: number, done: boolean): Promise<Goal> {
  return call<Goal>('set_step_done', { goalId, stepId, done });
}

export function setGoalStatus(id: number, status: GoalStatus): Promise<Goal> {
  return call<Goal>('set_goal_status', { id, status });
}

/** Deletes the goal and its steps; its check-ins stay in the journal. */
export function deleteGoal(id: number): Promise<null> {
  return call<null>('delete_goal', { id });
}

/** The counselor's suggestions: pending first, then the decided ones, newest first. */
export function listProposals(): Promise<Proposal[]> {
  return call<Proposal[]>('list_proposals');
}

export function decideProposal(id: number, decision: ProposalDecision): Promise<ProposalOutcome> {
  return call<ProposalOutcome>('decide_proposal', { id, decision });
}

export function getReminderSettings(): Promise<ReminderSettings> {
  return call<ReminderSettings>('get_reminder_settings');
}

export function saveReminderSettings(settings: ReminderSettings): Promise<ReminderSettings> {
  return call<ReminderSettings>('save_reminder_settings', { settings });
}

// ── Backups, restore, export ────────────────────────────────────────────────────────────────

/** When the last backup was made, the second folder, and the last automatic backup's problem. */
export function backupStatus(): Promise<BackupStatus> {
  return call<BackupStatus>('backup_status');
}

/** Every backup file in Cove's own folder and the second folder, newest first. */
export function listBackups(): Promise<BackupFile[]> {
  return call<BackupFile[]>('list_backups');
}

/** Makes a manual backup (and copies it to the second folder). Poll `jobProgress` meanwhile. */
export function backUpNow(): Promise<BackupFile> {
  return call<BackupFile>('back_up_now');
}

/** Chooses (or, with `null`, forgets) the second backup folder; a copy is written there at once. */
export function setBackupFolder(folder: string | null): Promise<BackupStatus> {
  return call<BackupStatus>('set_backup_folder', { folder });
}

/** Opens a backup file and says what it holds; changes nothing. Works with no journal yet. */
export function inspectBackup(path: string, secret: BackupSecret): Promise<BackupSummary> {
  return call<BackupSummary>('inspect_backup', { path, secret });
}

/**
 * Replaces the journal with the backup (the current journal is backed up first). Afterwards
 * the restored journal is open (unlocked). Poll `jobProgress` meanwhile.
 */
export function restoreBackup(path: string, secret: BackupSecret): Promise<null> {
  return call<null>('restore_backup', { path, secret });
}

/** Writes an unencrypted Markdown or JSON copy into a folder the person chose. */
export function exportJournal(input: ExportInput): Promise<ExportResult> {
  return call<ExportResult>('export_journal', { input });
}

/** The backup, restore or export running now, or `null`. Never needs the journal unlocked. */
export function jobProgress(): Promise<JobProgress | null> {
  return call<JobProgress | null>('job_progress');
}

// ── Sharing ─────────────────────────────────────────────────────────────────────────────────
// See docs/api-contract.md ("Sharing") and docs/share-format.md. Every command needs the
// journal unlocked.

/** This journal's public key and its fingerprint words (the key pair is made on first use). */
export function myShareKey(): Promise<MyKey> {
  return call<MyKey>('my_share_key');
}

/** The fingerprint words of a pasted public key, to compare aloud before pairing. */
export function shareKeyFingerprint(recipient: string): Promise<string[]> {
  return call<string[]>('share_key_fingerprint', { recipient });
}

export function listContacts(): Promise<Contact[]> {
  return call<Contact[]>('list_contacts');
}

/** Adds (`draft.id` null) or changes a contact; a new key replaces the old one. */
export function saveContact(draft: ContactDraft): Promise<Contact> {
  return call<Contact>('save_contact', { draft });
}

export function deleteContact(id: number): Promise<null> {
  return call<null>('delete_contact', { id });
}

/** Exactly what the counselor would see, in order. Makes no key and writes nothing. */
export function previewShare(selection: ShareSelection): Promise<SharePayload> {
  return call<SharePayload>('preview_share', { selection });
}

/** Writes an encrypted share file at a new path the person chose (never replaces a file). */
export function writeShare(input: WriteShareInput): Promise<WriteShareResult> {
  return call<WriteShareResult>('write_share', { input });
}

/** The share as armored text to paste; recorded in the share log. */
export function armoredShare(selection: ShareSelection, lock: ShareLock): Promise<string> {
  return call<string>('armored_share', { selection, lock });
}

/** Records a printed summary (`print`) or one shown in a session (`show_in_session`). */
export function logShownShare(selection: ShareSelection, method: ShareMethod): Promise<ShareLogEntry> {
  return call<ShareLogEntry>('log_shown_share', { selection, method });
}

/** Every share that went out, newest first. */
export function listShareLog(): Promise<ShareLogEntry[]> {
  return call<ShareLogEntry[]>('list_share_log');
}

/** A counselor's ideas for a paired client, written as a file locked to the client's key. */
export function writeSuggestions(input: WriteSuggestionsInput): Promise<WriteShareResult> {
  return call<WriteShareResult>('write_suggestions', { input });
}

/** Imports a share file (a counselor's journal takes shares, a client's suggestions). */
export function importShareFile(path: string, passphrase: string | null = null): Promise<ImportOutcome> {
  return call<ImportOutcome>('import_share_file', { path, passphrase });
}

/** Imports a share pasted as armored text. */
export function importShareText(text: string, passphrase: string | null = null): Promise<ImportOutcome> {
  return call<ImportOutcome>('import_share_text', { text, passphrase });
}

/** The counselor's inbox, newest import first. */
export function listInbox(): Promise<InboxShare[]> {
  return call<InboxShare[]>('list_inbox');
}

export function getInboxShare(id: number): Promise<InboxShare> {
  return call<InboxShare>('get_inbox_share', { id });
}

/** The counselor's private notes beside a share (`null` or blank clears them; never sent). */
export function saveInboxNotes(id: number, notes: string | null): Promise<InboxShare> {
  return call<InboxShare>('save_inbox_notes', { id, notes });
}

/** Removes a share from the inbox (importing the same file again brings it back). */
export function deleteInboxShare(id: number): Promise<null> {
  return call<null>('delete_inbox_share', { id });
}

/** The system's file chooser for a backup file; `null` when the person cancels. */
export async function pickBackupFile(title: string): Promise<string | null> {
  try {
    const picked = await openDialog({
      title,
      multiple: false,
      directory: false,
      filters: [{ name: 'Cove backup', extensions: ['covebackup'] }],
    });
    return typeof picked === 'string' ? picked : null;
  } catch (raw) {
    throw normaliseError(raw);
  }
}

/** The system's folder chooser; `null` when the person cancels. */
export async function pickFolder(title: string): Promise<string | null> {
  try {
    const picked = await openDialog({ title, multiple: false, directory: true });
    return typeof picked === 'string' ? picked : null;
  } catch (raw) {
    throw normaliseError(raw);
  }
}

/** The QR code of a public key (`age1…`), to show on screen. `invalid_input` for anything else. */
export function keyQr(recipient: string): Promise<KeyQr> {
  return call<KeyQr>('key_qr', { recipient });
}

/**
 * Reads a public key from a QR code in a PNG or JPEG picture the person chose; `no_key_found`
 * when the picture holds no QR code with an `age1…` key.
 */
export function readKeyQr(path: string): Promise<string> {
  return call<string>('read_key_qr', { path });
}

/** Reads a public key from a key file (the first `age1…` line); `no_key_found` otherwise. */
export function readKeyFile(path: string): Promise<string> {
  return call<string>('read_key_file', { path });
}

/** Writes this journal's public key to a new file (never replaces one); returns its path. */
export function exportMyKey(path: string): Promise<string> {
  return call<string>('export_my_key', { path });
}

/** Suggestions for a paired client as armored text to paste (counselor mode). */
export function armoredSuggestions(contactId: number, suggestions: Suggestion[], note: string | null): Promise<string> {
  return call<string>('armored_suggestions', { contactId, suggestions, note });
}

/** The system's chooser for a share file or a key file (any name); `null` when cancelled. */
export async function pickFile(title: string, filter?: { name: string; extensions: string[] }): Promise<string | null> {
  try {
    const picked = await openDialog({ title, multiple: false, directory: false, filters: filter ? [filter] : undefined });
    return typeof picked === 'string' ? picked : null;
  } catch (raw) {
    throw normaliseError(raw);
  }
}

/**
 * The system's save dialog, starting with `defaultName`; the absolute path the person chose,
 * or `null` when cancelled. Only returns a path: the command that writes never replaces a file.
 */
export async function pickSavePath(title: string, defaultName: string): Promise<string | null> {
  try {
    const picked = await saveDialog({ title, defaultPath: defaultName });
    return typeof picked === 'string' ? picked : null;
  } catch (raw) {
    throw normaliseError(raw);
  }
}

/** Puts the window in or out of full screen ("show in session"). */
export async function setWindowFullscreen(on: boolean): Promise<void> {
  try {
    const { getCurrentWindow } = await import('@tauri-apps/api/window');
    await getCurrentWindow().setFullscreen(on);
  } catch (raw) {
    throw normaliseError(raw);
  }
}

/** What happens while a file is dragged over the window: `over`, `drop` (with paths) or `leave`. */
export type FileDrop = { type: 'over' } | { type: 'drop'; paths: string[] } | { type: 'leave' };

/**
 * Listens for files dragged onto the window (the system gives their paths; nothing is read until
 * a command is called with one). Returns the function that stops listening.
 */
export async function onFileDrop(handler: (drop: FileDrop) => void): Promise<() => void> {
  const { getCurrentWebview } = await import('@tauri-apps/api/webview');
  return getCurrentWebview().onDragDropEvent((event) => {
    const payload = event.payload;
    if (payload.type === 'drop') handler({ type: 'drop', paths: payload.paths });
    else if (payload.type === 'leave') handler({ type: 'leave' });
    else handler({ type: 'over' });
  });
}

/** Opens the system's print dialog for what the window shows (the page's print styles decide what is on paper). Returns at once; the dialog stays open on its own. */
export function printPage(): Promise<null> {
  return call<null>('print_page');
}

// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test bindings_are_current`.
// Do not edit by hand: change the Rust type, then regenerate.

export type ErrorCode = "wrong_secret" | "locked" | "no_vault" | "vault_exists" | "keychain_unavailable" | "pin_removed" | "invalid_input" | "corrupt" | "storage_full" | "storage" | "busy" | "internal" | "not_found" | "not_a_backup" | "backup_damaged" | "too_new" | "not_a_share" | "share_damaged" | "not_for_you" | "wrong_passphrase" | "share_too_large" | "wrong_kind" | "no_key_found";

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

export type PronounSet = { 
/**
 * `she`, `he`, `they`, `xe`, `ze_hir`, `ze_zir`, `fae`, `e`, `it`, `any` (any pronouns; the
 * forms are the ones the app uses when it has to pick), `name_only` (no pronouns, use my
 * name; all forms blank) or `custom`.
 */
id: string, 
/**
 * "she", "they", "xe" (lower case, as used mid-sentence).
 */
subject: string, 
/**
 * "her", "them", "xem".
 */
object: string, 
/**
 * Possessive determiner: "her", "their", "xyr".
 */
determiner: string, 
/**
 * Possessive pronoun: "hers", "theirs", "xyrs".
 */
possessive: string, 
/**
 * "herself", "themself" or "themselves" (the person's choice), "xemself".
 */
reflexive: string, 
/**
 * Verb agreement: `true` for "they are", `false` for "she is".
 */
pluralVerbs: boolean, };

export type SharedAddressing = { 
/**
 * `null`: the app's name.
 */
name: string | null, 
/**
 * `null`: the app's pronouns.
 */
pronouns: PronounSet | null, };

export type SpanishEnding = "a" | "o" | "e" | "x";

export type SpanishAddressing = { 
/**
 * "ella", "él", "elle" or what the person typed; `null`: no pronoun, use my name.
 */
pronoun: string | null, ending: SpanishEnding, };

export type Profile = { 
/**
 * The name the app calls the person by; `null`: the app speaks without a name.
 */
name: string | null, 
/**
 * The pronoun set the app uses for the person; `null`: not chosen.
 */
pronouns: PronounSet | null, 
/**
 * What summaries shared with a counselor use; `null`: the same as in the app.
 */
shared: SharedAddressing | null, 
/**
 * How the Spanish screens speak about the person; `null`: follows `pronouns`
 * (she → ella/-a, he → él/-o, every other set → elle/-e).
 */
spanish: SpanishAddressing | null, };

export type IdentityKind = "try_on" | "moment" | "reflection";

export type MomentKind = "euphoria" | "dysphoria";

export type IdentityPart = { kind: IdentityKind, 
/**
 * Try-on: the name tried (`null` when only pronouns were tried). Other kinds: `null`.
 */
name: string | null, 
/**
 * Try-on: the pronoun set tried (`null` when only a name was tried). Other kinds: `null`.
 */
pronouns: PronounSet | null, 
/**
 * Try-on: how it felt, -2 (very uncomfortable) … 0 (neutral) … 2 (euphoric); `null` when the
 * question was skipped. Other kinds: `null`.
 */
felt: number | null, 
/**
 * Moment: which kind. Other kinds: `null`.
 */
moment: MomentKind | null, };

export type IdentityTimelineQuery = { 
/**
 * First day included, `YYYY-MM-DD`; `null`: from the beginning.
 */
from: string | null, 
/**
 * Last day included, `YYYY-MM-DD`; `null`: up to today.
 */
to: string | null, };

export type IdentityTimelineItem = { entryId: number, day: string, createdAt: string, part: IdentityPart, 
/**
 * The entry's title, if it has one.
 */
title: string | null, 
/**
 * The start of the note as plain text, at most 200 characters.
 */
excerpt: string, 
/**
 * The identity prompt a reflection answers (`identity.03`, `custom:…`), if any.
 */
promptId: string | null, };

export type TriedSummary = { name: string | null, pronouns: PronounSet | null, 
/**
 * How many try-ons.
 */
times: number, 
/**
 * The answers to "how did that feel?", oldest first (skipped ones left out).
 */
felt: Array<number>, firstDay: string, lastDay: string, };

export type IdentityTimeline = { items: Array<IdentityTimelineItem>, tried: Array<TriedSummary>, };

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

export type EntryKind = "free" | "checkin" | "reflection" | "goal_checkin";

export type FeelingPick = { 
/**
 * A vocabulary id (e.g. `"calm"`), or `"custom:<id>"` for one of the user's own words.
 */
feeling: string, 
/**
 * 1 (a little) … 5 (a lot).
 */
intensity: number, 
/**
 * The feeling's valence from its core feeling when picked: -1 hard, 0 mixed, +1 pleasant.
 * Used for the day's mood when the energy/pleasantness pad was not used.
 */
valence: number, };

export type Checkin = { feelings: Array<FeelingPick>, 
/**
 * Pad placement, -1.0 (very unpleasant) … 1.0 (very pleasant); `null` when not placed.
 */
pleasantness: number | null, 
/**
 * Pad placement, -1.0 (very low energy) … 1.0 (very high); `null` when not placed.
 */
energy: number | null, 
/**
 * Body sensation ids (e.g. `"tight_chest"`); the UI owns their labels.
 */
sensations: Array<string>, 
/**
 * "What's going on"
 */
goingOn: string | null, 
/**
 * "What helped"
 */
helped: string | null, };

export type EntryDraft = { 
/**
 * `null` creates a new entry; an id updates that entry (it must not be in the trash).
 */
id: number | null, kind: EntryKind, title: string | null, 
/**
 * Markdown.
 */
body: string, tags: Array<string>, 
/**
 * The shipped prompt id (e.g. `"feelings.07"`) or `"custom:<id>"` this entry answers.
 */
promptId: string | null, 
/**
 * Only for `checkin` entries.
 */
checkin: Checkin | null, 
/**
 * Only for `goal_checkin` entries: which goal, what got in the way, the next step.
 */
goal?: GoalCheckinPart, 
/**
 * Only for `reflection` entries of the identity space: a try-on, a moment or an identity
 * reflection.
 */
identity?: IdentityPart, };

export type Entry = { id: number, kind: EntryKind, title: string | null, body: string, tags: Array<string>, promptId: string | null, checkin: Checkin | null, 
/**
 * Only for `goal_checkin` entries.
 */
goal?: GoalCheckinPart, 
/**
 * Only for `reflection` entries of the identity space: a try-on, a moment or an identity
 * reflection.
 */
identity?: IdentityPart, day: string, createdAt: string, updatedAt: string, 
/**
 * Set while the entry is in the trash.
 */
deletedAt: string | null, };

export type EntrySummary = { id: number, kind: EntryKind, title: string | null, 
/**
 * The start of the body as plain text (Markdown marks removed), at most 200 characters.
 */
excerpt: string, tags: Array<string>, 
/**
 * Feeling ids of a check-in, strongest first.
 */
feelings: Array<string>, 
/**
 * The day's mood contribution of this entry (see `Checkin`), -1.0 … 1.0.
 */
mood: number | null, promptId: string | null, 
/**
 * Only for `reflection` entries of the identity space: a try-on, a moment or an identity
 * reflection.
 */
identity?: IdentityPart, day: string, createdAt: string, updatedAt: string, deletedAt: string | null, };

export type EntryFilter = { kinds: Array<EntryKind>, 
/**
 * Entries with any of these feelings.
 */
feelings: Array<string>, 
/**
 * Entries with all of these tags.
 */
tags: Array<string>, 
/**
 * First day included, `YYYY-MM-DD`.
 */
from: string | null, 
/**
 * Last day included, `YYYY-MM-DD`.
 */
to: string | null, 
/**
 * Entries of the identity space (those with an identity part) are left out unless this is
 * `true`: the identity space stays in the identity space unless the person chooses.
 */
includeIdentity?: boolean, };

export type TimelineCursor = { createdMs: number, id: number, };

export type TimelineQuery = { filter: EntryFilter, 
/**
 * `null` for the first (newest) page.
 */
cursor: TimelineCursor | null, 
/**
 * 1 … 500.
 */
limit: number, };

export type TimelinePage = { 
/**
 * Newest first.
 */
items: Array<EntrySummary>, 
/**
 * `null` when there is nothing older.
 */
nextCursor: TimelineCursor | null, 
/**
 * How many entries match the filter; only on the first page (`null` on later pages).
 */
total: number | null, };

export type SearchQuery = { 
/**
 * What the person typed, as is. Words match by prefix, ignoring case and accents; quotes
 * and FTS operators are treated as plain text.
 */
text: string, filter: EntryFilter, 
/**
 * 1 … 200.
 */
limit: number, };

export type SnippetPart = { text: string, hit: boolean, };

export type SearchHit = { entry: EntrySummary, 
/**
 * The title split into matched and unmatched pieces (empty when there is no title).
 */
title: Array<SnippetPart>, 
/**
 * Up to ~16 words around the best match in the body (and the check-in's text).
 */
snippet: Array<SnippetPart>, };

export type SearchResults = { hits: Array<SearchHit>, };

export type DayStat = { day: string, entries: number, checkins: number, 
/**
 * Mean mood of the day's check-ins, -1.0 … 1.0; `null` without check-ins.
 */
mood: number | null, };

export type FeelingCount = { feeling: string, count: number, meanIntensity: number, };

export type TagMood = { tag: string, 
/**
 * Days with a mood that have this tag.
 */
days: number, meanMood: number, 
/**
 * `meanMood` minus the mean mood of all days with a mood in the range.
 */
difference: number, };

export type Insights = { from: string, to: string, 
/**
 * Every day of the range with at least one entry, oldest first.
 */
days: Array<DayStat>, 
/**
 * Most frequent first, at most 15.
 */
topFeelings: Array<FeelingCount>, 
/**
 * Tags on at least 2 days with a mood, largest |difference| first, at most 10.
 */
tagMoods: Array<TagMood>, totalEntries: number, totalCheckins: number, };

export type TagCount = { tag: string, count: number, };

export type CustomFeeling = { 
/**
 * Chosen by the UI (e.g. a random short id); referenced as `"custom:<id>"`.
 */
id: string, word: string, 
/**
 * The core feeling it belongs under (a vocabulary core id), if any.
 */
core: string | null, meaning: string | null, };

export type CustomPrompt = { id: string, text: string, 
/**
 * One of the prompt groups (`feelings`, `identity`, …), or `null`.
 */
group: string | null, };

export type SnoozedPrompt = { promptId: string, day: string, };

export type JournalLibrary = { customFeelings: Array<CustomFeeling>, customPrompts: Array<CustomPrompt>, favouritePrompts: Array<string>, snoozedPrompts: Array<SnoozedPrompt>, };

export type GoalArea = "feelings" | "friends" | "family" | "school" | "body" | "identity" | "boundaries" | "other";

export type GoalStatus = "active" | "paused" | "done" | "let_go";

export type GoalReminder = { 
/**
 * 0 = Monday … 6 = Sunday; empty means every day.
 */
weekdays: Array<number>, 
/**
 * `HH:MM`, 24-hour, local time.
 */
time: string, };

export type GoalStep = { id: number, text: string, 
/**
 * When it was checked off; `null` while still to do.
 */
doneAt: string | null, };

export type StepDraft = { id: number | null, text: string, done: boolean, };

export type GoalDraft = { 
/**
 * `null` creates a goal; an id updates it.
 */
id: number | null, title: string, 
/**
 * "Why this matters to me".
 */
why: string | null, area: GoalArea | null, steps: Array<StepDraft>, 
/**
 * A gentle target date, `YYYY-MM-DD`.
 */
targetDate: string | null, madeWithCounselor: boolean, reminder: GoalReminder | null, };

export type CounselorWords = { fromName: string, title: string, why: string | null, steps: Array<string>, note: string | null, };

export type Goal = { id: number, title: string, why: string | null, area: GoalArea | null, steps: Array<GoalStep>, targetDate: string | null, status: GoalStatus, madeWithCounselor: boolean, reminder: GoalReminder | null, 
/**
 * Set when the goal came from a counselor's proposal.
 */
counselorWords: CounselorWords | null, createdAt: string, updatedAt: string, 
/**
 * When the status last changed (creation counts).
 */
statusChangedAt: string, 
/**
 * Goal check-ins in the journal (outside the trash).
 */
checkins: number, lastCheckinAt: string | null, };

export type GoalCheckinPart = { goalId: number, 
/**
 * "What got in the way"
 */
inTheWay: string | null, 
/**
 * "What's the next step"
 */
nextStep: string | null, };

export type GoalDetail = { goal: Goal, 
/**
 * Its check-in entries, newest first.
 */
checkins: Array<EntrySummary>, };

export type ProposalKind = "goal" | "prompt";

export type ProposalStatus = "pending" | "accepted" | "changed" | "declined";

export type Proposal = { id: number, kind: ProposalKind, 
/**
 * The counselor's name as paired, else as given in the file; empty when they left it out
 * (the screens then say "your counselor" in the reader's language).
 */
fromName: string, receivedAt: string, title: string, why: string | null, steps: Array<string>, 
/**
 * A note from the counselor that came with it.
 */
note: string | null, 
/**
 * A suggestion about one of the person's goals (e.g. a next step). `forGoalMissing` is
 * true when that goal has since been deleted: the proposal is then offered as a new goal.
 */
forGoalId: number | null, forGoalMissing: boolean, status: ProposalStatus, decidedAt: string | null, 
/**
 * The goal made from it, once accepted or changed.
 */
goalId: number | null, };

export type ProposalDraft = { kind: ProposalKind, fromName: string, title: string, why: string | null, steps: Array<string>, note: string | null, forGoalId: number | null, 
/**
 * A stable id from the share file, so importing the same file twice adds nothing.
 */
sourceId: string | null, };

export type ProposalDecision = { "kind": "accept" } | { "kind": "change", goal: GoalDraft | null, promptText: string | null, } | { "kind": "not_now" };

export type ProposalOutcome = { proposal: Proposal, goal: Goal | null, };

export type ReminderSettings = { 
/**
 * A daily check-in reminder at `HH:MM`; `null` for none.
 */
dailyCheckin: string | null, 
/**
 * Quiet hours `HH:MM`–`HH:MM` (may wrap past midnight): no reminder is shown inside them.
 */
quietFrom: string | null, quietTo: string | null, };

export type BackupKind = "automatic" | "manual" | "before_restore";

export type BackupPlace = "app" | "extra";

export type BackupFile = { 
/**
 * Full path; pass it back to `inspect_backup` / `restore_backup`.
 */
path: string, fileName: string, 
/**
 * When the copy was made (from the file's header).
 */
madeAt: string, kind: BackupKind, place: BackupPlace, sizeBytes: number, };

export type BackupStatus = { 
/**
 * When the newest backup (any kind, any place) was made.
 */
lastBackupAt: string | null, 
/**
 * The person's second backup folder, if chosen.
 */
extraFolder: string | null, 
/**
 * The last automatic backup's failure; `null` once a later one succeeds.
 */
problem: CommandError | null, };

export type JobKind = "backup" | "restore" | "export";

export type JobProgress = { job: JobKind, done: number, total: number, };

export type BackupSecret = { "kind": "current" } | { "kind": "passphrase", value: string, } | { "kind": "recovery_code", value: string, };

export type BackupSummary = { madeAt: string, 
/**
 * Entries outside the trash.
 */
entries: number, 
/**
 * First and last day with an entry, `YYYY-MM-DD`.
 */
firstDay: string | null, lastDay: string | null, 
/**
 * The Cove version that made it.
 */
appVersion: string, sizeBytes: number, 
/**
 * True when the backup is of the journal open now (same vault id).
 */
sameJournal: boolean, };

export type ExportFormat = "markdown" | "json";

export type ExportInput = { format: ExportFormat, 
/**
 * The folder the person chose; Cove writes a new `<app name> export YYYY-MM-DD[ (n)]`
 * folder (Markdown) or `… .json` file inside it, never overwriting.
 */
folder: string, 
/**
 * Language of the few headings Cove writes itself ("What's going on", …).
 */
language: Language, feelingNames: Record<string, string>, sensationNames: Record<string, string>, promptTexts: Record<string, string>, };

export type ExportResult = { 
/**
 * The folder (Markdown) or file (JSON) written.
 */
path: string, files: number, entries: number, };

export type MyKey = { 
/**
 * `age1…` (Bech32), safe to show and copy.
 */
recipient: string, 
/**
 * A few words derived from the public key, to compare aloud in person.
 */
fingerprint: Array<string>, createdAt: string, };

export type ContactRole = "counselor" | "client";

export type Contact = { id: number, role: ContactRole, name: string, 
/**
 * `age1…`
 */
recipient: string, fingerprint: Array<string>, pairedAt: string, 
/**
 * Set when the key was replaced (the name and the history stay).
 */
keyReplacedAt: string | null, };

export type ContactDraft = { id: number | null, role: ContactRole, name: string, recipient: string, };

export type EntryParts = { title: boolean, 
/**
 * The writing (Markdown); for a goal check-in "how it went".
 */
body: boolean, 
/**
 * A check-in's (or goal check-in's) feelings with their intensity.
 */
feelings: boolean, 
/**
 * A check-in's "what's going on" and "what helped".
 */
goingOn: boolean, helped: boolean, tags: boolean, 
/**
 * The prompt the entry answers (its text).
 */
prompt: boolean, 
/**
 * A goal check-in's goal title, "what got in the way" and "next step".
 */
goal: boolean, 
/**
 * An identity entry's try-on / moment (name and pronouns tried, how it felt).
 */
identity: boolean, };

export type EntryPick = { id: number, parts: EntryParts, };

export type GoalParts = { why: boolean, steps: boolean, 
/**
 * The goal's check-ins (how it went, what got in the way, next step; not their feelings).
 */
checkins: boolean, };

export type GoalPick = { id: number, parts: GoalParts, };

export type SafetyPlanPick = { sections: Array<string>, };

export type InsightsPick = { 
/**
 * `YYYY-MM-DD`
 */
from: string, 
/**
 * `YYYY-MM-DD`
 */
to: string, };

export type ShareSelection = { entries: Array<EntryPick>, goals: Array<GoalPick>, insights: InsightsPick | null, safetyPlan: SafetyPlanPick | null, 
/**
 * Include the name and pronouns chosen for shared summaries (`Profile.shared`, else the
 * app's).
 */
includeProfile: boolean, 
/**
 * A short note to the counselor, in the person's words.
 */
note: string | null, feelingNames: Record<string, string>, promptTexts: Record<string, string>, };

export type PayloadKind = "share" | "suggestions";

export type Sender = { 
/**
 * The name the sender chose to show (`null` when left out).
 */
name: string | null, 
/**
 * The client's pronouns for shared summaries (`null` when left out or for suggestions).
 */
pronouns: PronounSet | null, 
/**
 * The sender's own public key (`age1…`), so an answer can be sent back; `null` in the
 * passphrase mode.
 */
replyTo: string | null, 
/**
 * Optional note from the sender.
 */
note: string | null, };

export type SharedFeeling = { word: string, 
/**
 * 1 (a little) … 5 (a lot).
 */
intensity: number, };

export type SharedGoalCheckin = { 
/**
 * The goal's title (a goal check-in names its goal).
 */
goalTitle: string | null, day: string | null, 
/**
 * "How it went" (only inside a shared goal's check-ins; an entry's is its `body`).
 */
how: string | null, inTheWay: string | null, nextStep: string | null, };

export type SharedStep = { text: string, done: boolean, };

export type FeelingTally = { word: string, count: number, };

export type SharedPlanSection = { 
/**
 * A section id (see [`SafetyPlanPick`]).
 */
section: string, 
/**
 * Each item as text ("Name — phone" for contacts).
 */
items: Array<string>, };

export type SharedItem = { "type": "entry", kind: EntryKind, day: string, createdAt: string, title: string | null, body: string | null, feelings: Array<SharedFeeling> | null, goingOn: string | null, helped: string | null, tags: Array<string> | null, prompt: string | null, goal: SharedGoalCheckin | null, identity: IdentityPart | null, } | { "type": "goal", title: string, why: string | null, area: GoalArea | null, status: GoalStatus, madeWithCounselor: boolean, steps: Array<SharedStep> | null, checkins: Array<SharedGoalCheckin> | null, } | { "type": "insights", from: string, to: string, 
/**
 * Entries of each kind in the range.
 */
entries: number, checkins: number, 
/**
 * Most frequent feelings, most first (at most 10).
 */
topFeelings: Array<FeelingTally>, } | { "type": "safety_plan", sections: Array<SharedPlanSection>, };

export type Suggestion = { "type": "goal", title: string, why: string | null, steps: Array<string>, note: string | null, } | { "type": "prompt", text: string, note: string | null, };

export type SharePayload = { 
/**
 * Always `"cove-share"`.
 */
format: string, 
/**
 * `1`. A reader refuses a larger version it does not know.
 */
version: number, 
/**
 * 32 lowercase hex digits (128 random bits): importing the same share twice adds nothing.
 */
shareId: string, 
/**
 * When it was made: local time, RFC 3339 with offset.
 */
createdAt: string, kind: PayloadKind, from: Sender, 
/**
 * `kind: share`: what the client chose, in order. Empty for suggestions.
 */
items: Array<SharedItem>, 
/**
 * `kind: suggestions`: goal and prompt ideas from the counselor. Empty for shares.
 */
suggestions: Array<Suggestion>, };

export type ShareLock = { "mode": "contact", contactId: number, } | { "mode": "passphrase", passphrase: string, };

export type ShareMethod = "file" | "passphrase_file" | "armored_text" | "print" | "show_in_session";

export type ShareLogItem = { 
/**
 * `entry`, `goal`, `insights`, `safety_plan`.
 */
kind: string, 
/**
 * The entry's day, the goal's title, the insights range…
 */
label: string, 
/**
 * The parts that went (`title`, `body`, `feelings`, …).
 */
parts: Array<string>, };

export type ShareLogEntry = { id: number, shareId: string, at: string, method: ShareMethod, 
/**
 * The contact's name at the time (`null` for the passphrase mode, print, show in session).
 */
toName: string | null, contactId: number | null, 
/**
 * One line per item: its kind, its date or title, and which parts went.
 */
items: Array<ShareLogItem>, };

export type ImportOutcome = { shareId: string, kind: PayloadKind, 
/**
 * `false` when this share was already imported (nothing was added).
 */
added: boolean, 
/**
 * Shared items (counselor side) or suggestions (client side) in the file.
 */
count: number, fromName: string | null, };

export type InboxShare = { id: number, shareId: string, 
/**
 * The client it is filed under: the paired contact whose key is `reply_to`, else the
 * sender's name.
 */
contactId: number | null, clientName: string, receivedAt: string, payload: SharePayload, 
/**
 * The counselor's private notes beside it (never sent anywhere).
 */
notes: string | null, };

export type WriteShareInput = { selection: ShareSelection, lock: ShareLock, 
/**
 * ASCII-armored text instead of a binary file.
 */
armor: boolean, 
/**
 * The absolute path of the new file, from the system's save dialog. Never replaced.
 */
path: string, };

export type WriteSuggestionsInput = { contactId: number, suggestions: Array<Suggestion>, 
/**
 * A short note to the client.
 */
note: string | null, armor: boolean, 
/**
 * The absolute path of the new file, from the system's save dialog. Never replaced.
 */
path: string, };

export type WriteShareResult = { path: string, logged: ShareLogEntry, };

export type KeyQr = { size: number, dark: Array<boolean>, };

//! Sharing's types: keys and contacts, what the person picks to share (field by field), the
//! share file's payload (documented in `docs/share-format.md`), the share log and the
//! counselor's inbox. The UI's TypeScript types are generated from these.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::goals::{GoalArea, GoalStatus};
use crate::identity::IdentityPart;
use crate::journal::EntryKind;
use crate::vault::PronounSet;

// ── Keys and contacts ─────────────────────────────────────────────────────────────────────────

/// This journal's own age X25519 key pair (made on first use, kept inside the vault). A client
/// gives the public key to their counselor so suggestions can come back; a counselor gives it
/// to clients so shares can reach them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MyKey {
    /// `age1…` (Bech32), safe to show and copy.
    pub recipient: String,
    /// A few words derived from the public key, to compare aloud in person.
    pub fingerprint: Vec<String>,
    pub created_at: String,
}

/// Who a contact is to this journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ContactRole {
    /// (In a client's journal) a counselor shares go to.
    Counselor,
    /// (In a counselor's journal) a client suggestions go to.
    Client,
}

/// A paired person: a name and their public key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    #[ts(type = "number")]
    pub id: i64,
    pub role: ContactRole,
    pub name: String,
    /// `age1…`
    pub recipient: String,
    pub fingerprint: Vec<String>,
    pub paired_at: String,
    /// Set when the key was replaced (the name and the history stay).
    pub key_replaced_at: Option<String>,
}

/// Adds (`id` null) or changes a contact. Changing `recipient` replaces the key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContactDraft {
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub role: ContactRole,
    pub name: String,
    pub recipient: String,
}

// ── What the person picks ─────────────────────────────────────────────────────────────────────

/// Which parts of one journal entry go. Everything not switched on is left out of the file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct EntryParts {
    pub title: bool,
    /// The writing (Markdown); for a goal check-in "how it went".
    pub body: bool,
    /// A check-in's (or goal check-in's) feelings with their intensity.
    pub feelings: bool,
    /// A check-in's "what's going on" and "what helped".
    pub going_on: bool,
    pub helped: bool,
    pub tags: bool,
    /// The prompt the entry answers (its text).
    pub prompt: bool,
    /// A goal check-in's goal title, "what got in the way" and "next step".
    pub goal: bool,
    /// An identity entry's try-on / moment (name and pronouns tried, how it felt).
    pub identity: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EntryPick {
    #[ts(type = "number")]
    pub id: i64,
    pub parts: EntryParts,
}

/// Which parts of one goal go (the title always does).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct GoalParts {
    pub why: bool,
    pub steps: bool,
    /// The goal's check-ins (how it went, what got in the way, next step; not their feelings).
    pub checkins: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GoalPick {
    #[ts(type = "number")]
    pub id: i64,
    pub parts: GoalParts,
}

/// Which sections of the safety plan go (ids: `warning_signs`, `coping_on_my_own`,
/// `people_and_places`, `people_to_ask`, `professionals`, `safer_space`, `reasons_for_living`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct SafetyPlanPick {
    pub sections: Vec<String>,
}

/// An insights summary for a date range (counts and the most frequent feelings; no writing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InsightsPick {
    /// `YYYY-MM-DD`
    pub from: String,
    /// `YYYY-MM-DD`
    pub to: String,
}

/// Everything the person picked, in the order they will be shown. The UI supplies the words for
/// ids it owns (feelings, sensations, shipped prompts), in the language of the share, so the
/// counselor reads words, never ids.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ShareSelection {
    pub entries: Vec<EntryPick>,
    pub goals: Vec<GoalPick>,
    pub insights: Option<InsightsPick>,
    pub safety_plan: Option<SafetyPlanPick>,
    /// Include the name and pronouns chosen for shared summaries (`Profile.shared`, else the
    /// app's).
    pub include_profile: bool,
    /// A short note to the counselor, in the person's words.
    pub note: Option<String>,
    #[ts(type = "Record<string, string>")]
    pub feeling_names: BTreeMap<String, String>,
    #[ts(type = "Record<string, string>")]
    pub prompt_texts: BTreeMap<String, String>,
}

// ── The payload (docs/share-format.md) ────────────────────────────────────────────────────────

/// The only value of `SharePayload.format`.
pub const PAYLOAD_FORMAT: &str = "cove-share";
/// The payload version this Cove writes; it reads every version up to this one.
pub const PAYLOAD_VERSION: u32 = 1;

/// What is inside a share file, after age decryption: UTF-8 JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SharePayload {
    /// Always `"cove-share"`.
    pub format: String,
    /// `1`. A reader refuses a larger version it does not know.
    pub version: u32,
    /// 32 lowercase hex digits (128 random bits): importing the same share twice adds nothing.
    pub share_id: String,
    /// When it was made: local time, RFC 3339 with offset.
    pub created_at: String,
    pub kind: PayloadKind,
    pub from: Sender,
    /// `kind: share`: what the client chose, in order. Empty for suggestions.
    #[serde(default)]
    pub items: Vec<SharedItem>,
    /// `kind: suggestions`: goal and prompt ideas from the counselor. Empty for shares.
    #[serde(default)]
    pub suggestions: Vec<Suggestion>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PayloadKind {
    /// Client → counselor.
    Share,
    /// Counselor → client.
    Suggestions,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Sender {
    /// The name the sender chose to show (`null` when left out).
    pub name: Option<String>,
    /// The client's pronouns for shared summaries (`null` when left out or for suggestions).
    pub pronouns: Option<PronounSet>,
    /// The sender's own public key (`age1…`), so an answer can be sent back; `null` in the
    /// passphrase mode.
    pub reply_to: Option<String>,
    /// Optional note from the sender.
    pub note: Option<String>,
}

/// A feeling as the counselor reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SharedFeeling {
    pub word: String,
    /// 1 (a little) … 5 (a lot).
    pub intensity: u8,
}

/// One shared thing. A field that is `null` (or absent) was left out by the person.
// The entry variant is the large one and the common one; items are built once per share, so
// boxing it would only make the type harder to read.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SharedItem {
    #[serde(rename_all = "camelCase")]
    Entry {
        kind: EntryKind,
        day: String,
        created_at: String,
        #[serde(default)]
        title: Option<String>,
        #[serde(default)]
        body: Option<String>,
        #[serde(default)]
        feelings: Option<Vec<SharedFeeling>>,
        #[serde(default)]
        going_on: Option<String>,
        #[serde(default)]
        helped: Option<String>,
        #[serde(default)]
        tags: Option<Vec<String>>,
        #[serde(default)]
        prompt: Option<String>,
        #[serde(default)]
        goal: Option<SharedGoalCheckin>,
        #[serde(default)]
        identity: Option<IdentityPart>,
    },
    #[serde(rename_all = "camelCase")]
    Goal {
        title: String,
        #[serde(default)]
        why: Option<String>,
        #[serde(default)]
        area: Option<GoalArea>,
        status: GoalStatus,
        made_with_counselor: bool,
        #[serde(default)]
        steps: Option<Vec<SharedStep>>,
        #[serde(default)]
        checkins: Option<Vec<SharedGoalCheckin>>,
    },
    #[serde(rename_all = "camelCase")]
    Insights {
        from: String,
        to: String,
        /// Entries of each kind in the range.
        entries: u32,
        checkins: u32,
        /// Most frequent feelings, most first (at most 10).
        top_feelings: Vec<FeelingTally>,
    },
    #[serde(rename_all = "camelCase")]
    SafetyPlan { sections: Vec<SharedPlanSection> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SharedGoalCheckin {
    /// The goal's title (a goal check-in names its goal).
    pub goal_title: Option<String>,
    pub day: Option<String>,
    /// "How it went" (only inside a shared goal's check-ins; an entry's is its `body`).
    pub how: Option<String>,
    pub in_the_way: Option<String>,
    pub next_step: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SharedStep {
    pub text: String,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FeelingTally {
    pub word: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SharedPlanSection {
    /// A section id (see [`SafetyPlanPick`]).
    pub section: String,
    /// Each item as text ("Name — phone" for contacts).
    pub items: Vec<String>,
}

/// An idea the counselor sends back; the client decides (it becomes a goals proposal).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Suggestion {
    #[serde(rename_all = "camelCase")]
    Goal {
        title: String,
        #[serde(default)]
        why: Option<String>,
        #[serde(default)]
        steps: Vec<String>,
        #[serde(default)]
        note: Option<String>,
    },
    #[serde(rename_all = "camelCase")]
    Prompt {
        text: String,
        #[serde(default)]
        note: Option<String>,
    },
}

// ── Writing and reading share files ───────────────────────────────────────────────────────────

/// How a share file is locked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum ShareLock {
    /// To a paired contact's public key.
    #[serde(rename_all = "camelCase")]
    Contact {
        #[ts(type = "number")]
        contact_id: i64,
    },
    /// With a passphrase (age scrypt, work factor 18), for a counselor without Cove.
    Passphrase { passphrase: String },
}

/// How a share went out (the share log's "how").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ShareMethod {
    /// An encrypted file to a contact's key.
    File,
    /// An encrypted file locked with a passphrase.
    PassphraseFile,
    /// Armored text to paste.
    ArmoredText,
    /// A printed or saved-as-HTML summary (not encrypted).
    Print,
    /// Shown on screen in a session.
    ShowInSession,
}

/// One line of the share log: what went, to whom, how. Kept in the vault; the person can read
/// it (a file once given cannot be taken back).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ShareLogEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub share_id: String,
    pub at: String,
    pub method: ShareMethod,
    /// The contact's name at the time (`null` for the passphrase mode, print, show in session).
    pub to_name: Option<String>,
    #[ts(type = "number | null")]
    pub contact_id: Option<i64>,
    /// One line per item: its kind, its date or title, and which parts went.
    pub items: Vec<ShareLogItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ShareLogItem {
    /// `entry`, `goal`, `insights`, `safety_plan`.
    pub kind: String,
    /// The entry's day, the goal's title, the insights range…
    pub label: String,
    /// The parts that went (`title`, `body`, `feelings`, …).
    pub parts: Vec<String>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportOutcome {
    pub share_id: String,
    pub kind: PayloadKind,
    /// `false` when this share was already imported (nothing was added).
    pub added: bool,
    /// Shared items (counselor side) or suggestions (client side) in the file.
    pub count: u32,
    pub from_name: Option<String>,
}

/// A share in the counselor's inbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InboxShare {
    #[ts(type = "number")]
    pub id: i64,
    pub share_id: String,
    /// The client it is filed under: the paired contact whose key is `reply_to`, else the
    /// sender's name.
    #[ts(type = "number | null")]
    pub contact_id: Option<i64>,
    pub client_name: String,
    pub received_at: String,
    pub payload: SharePayload,
    /// The counselor's private notes beside it (never sent anywhere).
    pub notes: Option<String>,
}

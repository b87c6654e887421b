//! The identity space's types (the contract with the UI; `ui/src/api/bindings.ts` is generated
//! from them).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::vault::PronounSet;

/// What kind of identity reflection a `reflection` journal entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IdentityKind {
    /// A name and/or pronoun set tried on, with how it felt.
    TryOn,
    /// A moment of euphoria or dysphoria, noted quickly.
    Moment,
    /// A free identity reflection (often answering an identity prompt).
    Reflection,
}

/// A moment noted quickly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MomentKind {
    /// Feeling right in yourself (gender euphoria).
    Euphoria,
    /// Feeling wrong or out of place in yourself (gender dysphoria).
    Dysphoria,
}

impl IdentityKind {
    /// As stored (`identity_parts.kind`) and serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            IdentityKind::TryOn => "try_on",
            IdentityKind::Moment => "moment",
            IdentityKind::Reflection => "reflection",
        }
    }
}

impl MomentKind {
    /// As stored (`identity_parts.moment`) and serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            MomentKind::Euphoria => "euphoria",
            MomentKind::Dysphoria => "dysphoria",
        }
    }
}

/// The identity part of a `reflection` entry (`EntryDraft.identity`). The entry's body is the
/// person's note; the title stays theirs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IdentityPart {
    pub kind: IdentityKind,
    /// Try-on: the name tried (`null` when only pronouns were tried). Other kinds: `null`.
    pub name: Option<String>,
    /// Try-on: the pronoun set tried (`null` when only a name was tried). Other kinds: `null`.
    pub pronouns: Option<PronounSet>,
    /// Try-on: how it felt, -2 (very uncomfortable) … 0 (neutral) … 2 (euphoric); `null` when the
    /// question was skipped. Other kinds: `null`.
    pub felt: Option<i8>,
    /// Moment: which kind. Other kinds: `null`.
    pub moment: Option<MomentKind>,
}

/// Which part of the identity timeline to read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct IdentityTimelineQuery {
    /// First day included, `YYYY-MM-DD`; `null`: from the beginning.
    pub from: Option<String>,
    /// Last day included, `YYYY-MM-DD`; `null`: up to today.
    pub to: Option<String>,
}

/// One identity entry on the timeline (entries in the trash are left out).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IdentityTimelineItem {
    #[ts(type = "number")]
    pub entry_id: i64,
    pub day: String,
    pub created_at: String,
    pub part: IdentityPart,
    /// The entry's title, if it has one.
    pub title: Option<String>,
    /// The start of the note as plain text, at most 200 characters.
    pub excerpt: String,
    /// The identity prompt a reflection answers (`identity.03`, `custom:…`), if any.
    pub prompt_id: Option<String>,
}

/// A name, a pronoun set, or a name with a pronoun set, and how trying it felt over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TriedSummary {
    pub name: Option<String>,
    pub pronouns: Option<PronounSet>,
    /// How many try-ons.
    pub times: u32,
    /// The answers to "how did that feel?", oldest first (skipped ones left out).
    pub felt: Vec<i8>,
    pub first_day: String,
    pub last_day: String,
}

/// The identity timeline: every try-on, moment and identity reflection, newest first, and what
/// was tried grouped (most recently tried first). Names and pronoun sets are grouped exactly as
/// written (case-insensitively for names; by all five forms and the verb agreement for sets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IdentityTimeline {
    pub items: Vec<IdentityTimelineItem>,
    pub tried: Vec<TriedSummary>,
}

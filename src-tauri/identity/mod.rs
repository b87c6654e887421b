//! The identity space: try-ons of names and pronoun sets, quick moments of euphoria or
//! dysphoria and identity reflections — all journal entries of kind `reflection` with an
//! [`IdentityPart`] — and the identity timeline that reads them back.
//!
//! Plain Rust on a `rusqlite::Connection` to the unlocked vault, no Tauri (see
//! `ARCHITECTURE.md`). Nothing here logs, and no error message quotes what the person wrote.
//! The person's chosen name and pronouns themselves live in the vault's profile
//! (`crate::vault::Profile`).
//!
//! Storage (schema v4): `identity_parts`, one row per entry with an identity part, written and
//! read by the journal (`journal::save_entry` checks the part: `journal::validate`), so a
//! try-on is saved, trashed, restored and purged like any entry. Those entries stay out of the
//! journal's timeline, calendar, search, tags and insights unless a filter's
//! `include_identity` asks for them. Errors are the journal's (`JournalError`).

mod model;
mod timeline;

#[cfg(test)]
mod tests;

pub use model::{
    IdentityKind, IdentityPart, IdentityTimeline, IdentityTimelineItem, IdentityTimelineQuery,
    MomentKind, TriedSummary,
};
pub use timeline::timeline;

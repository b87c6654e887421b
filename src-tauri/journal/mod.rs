//! The journal: entries of every kind on one timeline, the trash, full-text search, the
//! calendar and insights, and the person's own feelings words and prompts.
//!
//! Plain Rust on a `rusqlite::Connection` to the unlocked vault; no Tauri here. Every function
//! that depends on the time takes `now` (local wall-clock time with its UTC offset), so callers
//! pass `Local::now().fixed_offset()` and tests can pass any instant and offset. Nothing here
//! logs, and no error message quotes what the person wrote.
//!
//! Storage (schema v2, `src-tauri/vault/migrations.rs`): `entries` (one row per entry, the body
//! last), `entry_tags` and `entry_feelings` (for filters and insights), `entries_fts` (FTS5 over
//! title, body, the check-in's texts and the tags, kept in sync by triggers), and the settings
//! row `journal_library` (JSON) for the person's own words and prompt choices. Schema v3 adds
//! `goal_checkins`: the goal part of `goal_checkin` entries (which goal, what got in the way,
//! the next step), whose texts are searched with the check-in's texts. Schema v4 adds
//! `identity_parts`: the identity part of `reflection` entries of the identity space (see
//! `crate::identity`); the name tried is searched with the check-in's texts. Entries with an
//! identity part stay out of the timeline, the calendar, search, tags and insights unless a
//! filter's `include_identity` asks for them.

mod entries;
mod library;
mod model;
mod search;
mod stats;
mod text;
mod validate;

#[cfg(test)]
mod tests;

use chrono::{DateTime, FixedOffset, Local};

use crate::vault::VaultError;

pub use entries::{
    delete_entry, empty_trash, get_entry, list_entries, list_tags, list_trash, purge_entry,
    purge_expired, restore_entry, save_entry, TRASH_DAYS,
};
pub(crate) use entries::{goal_checkin_summaries, stamp};
pub use library::{load_library, save_library};
pub use model::*;
pub use search::search_entries;
pub use stats::{calendar_days, insights};
pub(crate) use text::{plain_excerpt, EXCERPT_SOURCE_CHARS};
pub(crate) use validate::{check_range, parse_day};
pub use validate::{
    BODY_MAX_BYTES, CHECKIN_TEXT_MAX_CHARS, FEELINGS_MAX, TAGS_MAX, TAG_MAX_CHARS, TITLE_MAX_CHARS,
};

/// What can go wrong in the journal.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// Something the person can fix (too long, too many, …); plain words that never quote
    /// their writing.
    #[error("{0}")]
    InvalidInput(String),

    /// The entry id does not exist (any more).
    #[error("That entry isn't here anymore.")]
    NotFound,

    /// Reading or writing the encrypted database.
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl JournalError {
    /// The stable code of `docs/api-contract.md` (`ErrorCode`).
    pub fn code(&self) -> &'static str {
        match self {
            JournalError::InvalidInput(_) => "invalid_input",
            JournalError::NotFound => "not_found",
            JournalError::Vault(err) => err.code(),
        }
    }

    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        JournalError::InvalidInput(message.into())
    }
}

impl From<rusqlite::Error> for JournalError {
    fn from(err: rusqlite::Error) -> Self {
        JournalError::Vault(VaultError::db(err))
    }
}

pub type Result<T, E = JournalError> = std::result::Result<T, E>;

/// The local time now, with the UTC offset in force.
pub fn local_now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

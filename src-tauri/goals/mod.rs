//! Goals: self-chosen goals with manageable steps, goal check-ins (journal entries of kind
//! `goal_checkin`), counselor proposals the person decides on, and reminder settings.
//!
//! Plain Rust on a `rusqlite::Connection` to the unlocked vault, no Tauri (see
//! `ARCHITECTURE.md`). Every function that depends on the time takes `now` (local wall-clock
//! time with its offset), so tests inject the clock. Nothing here logs, and no error message
//! quotes what the person (or the counselor) wrote.
//!
//! Storage (schema v3, `src-tauri/vault/migrations.rs`): `goals`, `goal_steps` (ordered by an
//! explicit `pos`), `proposals` (a unique `source_id` so an import never adds one twice), and
//! `goal_checkins` (the goal part of a journal entry, written by `journal::save_entry`). The
//! reminder settings are a JSON row of `settings`. Outside the vault, `reminders.json` mirrors
//! the reminder schedule — times and weekdays only — and when each reminder last fired
//! ([`mirror`]), so reminders fire while the journal is locked.
//!
//! - `goal.rs` ([`save_goal`], …): create, edit (the steps list is the whole truth), check a
//!   step, change the status, delete, the goal view with its check-ins;
//! - `proposals.rs` ([`add_proposal`], …): what the counselor suggests, and the person's
//!   answer;
//! - [`reminders`]: the settings, the schedule they make with the active goals' reminders, and
//!   the pure "what is due now" logic;
//! - [`mirror`]: the schedule's plaintext mirror, rewritten from the vault after each change
//!   and at every unlock, and checked about once a minute by the command layer's background
//!   thread for the app's whole life.

mod goal;
pub mod mirror;
mod model;
mod proposals;
pub mod reminders;
mod validate;

#[cfg(test)]
mod tests;

use crate::journal::JournalError;
use crate::vault::VaultError;

pub use goal::{
    delete_goal, get_goal, goal_reminders, list_goals, read_goal, read_goal_detail, read_goals,
    save_goal, set_goal_status, set_step_done,
};
pub use model::{
    CounselorWords, Goal, GoalArea, GoalCheckinPart, GoalDetail, GoalDraft, GoalReminder,
    GoalStatus, GoalStep, Proposal, ProposalDecision, ProposalDraft, ProposalKind, ProposalOutcome,
    ProposalStatus, ReminderSettings, StepDraft,
};
pub(crate) use proposals::insert_proposal;
pub use proposals::{add_proposal, decide_proposal, list_proposals};
pub use reminders::{load_reminder_settings, save_reminder_settings};
pub use validate::{
    NOTE_MAX_CHARS, PROMPT_MAX_CHARS, STEPS_MAX, STEP_MAX_CHARS, TITLE_MAX_CHARS, WHY_MAX_CHARS,
};

/// What can go wrong with goals, proposals and reminder settings.
#[derive(Debug, thiserror::Error)]
pub enum GoalsError {
    /// Something the person can fix (empty title, too long, …); plain words that never quote
    /// their writing.
    #[error("{0}")]
    InvalidInput(String),

    /// The goal, step or proposal asked for does not exist (any more).
    #[error("{0}")]
    NotFound(&'static str),

    /// Reading or writing the encrypted database.
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl GoalsError {
    /// The stable code of `docs/api-contract.md` (`ErrorCode`).
    pub fn code(&self) -> &'static str {
        match self {
            GoalsError::InvalidInput(_) => "invalid_input",
            GoalsError::NotFound(_) => "not_found",
            GoalsError::Vault(err) => err.code(),
        }
    }

    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        GoalsError::InvalidInput(message.into())
    }

    pub(crate) fn goal_gone() -> Self {
        GoalsError::NotFound("That goal isn't here anymore.")
    }
}

impl From<rusqlite::Error> for GoalsError {
    fn from(err: rusqlite::Error) -> Self {
        GoalsError::Vault(VaultError::db(err))
    }
}

impl From<JournalError> for GoalsError {
    fn from(err: JournalError) -> Self {
        match err {
            JournalError::InvalidInput(message) => GoalsError::InvalidInput(message),
            JournalError::NotFound => GoalsError::NotFound("That entry isn't here anymore."),
            JournalError::Vault(err) => GoalsError::Vault(err),
        }
    }
}

pub type Result<T, E = GoalsError> = std::result::Result<T, E>;

fn corrupt(what: &str) -> GoalsError {
    GoalsError::Vault(VaultError::Corrupt(format!(
        "Part of a saved {what} couldn't be read."
    )))
}

fn internal(what: &str, err: serde_json::Error) -> GoalsError {
    GoalsError::Vault(VaultError::Internal(format!("{what} json: {err}")))
}

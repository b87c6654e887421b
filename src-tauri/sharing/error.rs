//! What can go wrong with sharing: keys, contacts, sealing and opening share files, importing.
//!
//! Every variant has a stable `code()` (the `ErrorCode` strings of `docs/api-contract.md`) and a
//! plain-English message that never quotes anything a person wrote, a name, a key or a path.

use super::model::PayloadKind;
use crate::goals::GoalsError;
use crate::journal::JournalError;
use crate::vault::VaultError;

/// Everything that can go wrong while sharing.
#[derive(Debug, thiserror::Error)]
pub enum SharingError {
    /// Something the person can fix (a name too long, a key that isn't a key, …); plain words
    /// that never quote what they typed.
    #[error("{0}")]
    InvalidInput(String),

    /// The contact, entry, goal or inbox share asked for does not exist (any more).
    #[error("That isn't here anymore.")]
    NotFound,

    /// The file is not an age file at all (or its header is cut short), or what is inside is
    /// not a Cove share.
    #[error("This file isn't a share Cove can read.")]
    NotAShare,

    /// The file is a share, but it was changed or cut short after it was made.
    #[error(
        "This share is damaged or incomplete (it may have been cut short while copying), so it \
         can't be opened. Nothing was added. Please ask for it to be sent again."
    )]
    ShareDamaged,

    /// The file was locked for someone else's key (or with a passphrase none was given for).
    #[error(
        "This share was made for someone else, so this journal can't open it. Nothing was added."
    )]
    NotForYou,

    /// The file is locked with a passphrase, and the one given does not open it (or none was
    /// given).
    #[error("That passphrase didn't open this share. Take your time and try again.")]
    WrongPassphrase,

    /// The file (or what is inside it) is larger than a share can be.
    #[error("This file is too large to be a Cove share, so it wasn't opened.")]
    ShareTooLarge,

    /// Made by a newer Cove (a payload version this one does not know).
    #[error(
        "This share was made by a newer version of Cove. Please update Cove, then try again. \
         Nothing was added."
    )]
    TooNew,

    /// A payload of the other kind: a share in a client's journal (shares are for a
    /// counselor's), or a counselor's suggestions in a counselor's journal (they are for a
    /// client's). Holds the kind that was found.
    #[error("{}", wrong_kind_message(*.0))]
    WrongKind(PayloadKind),

    /// No public key (`age1…`) in the picture or key file given.
    #[error(
        "Cove didn't find a share key there. A share key starts with age1…; you can also paste \
         it. Nothing has changed."
    )]
    NoKeyFound,

    /// An error of the journal's own database or files.
    #[error(transparent)]
    Vault(#[from] VaultError),

    /// An error reading journal entries.
    #[error(transparent)]
    Journal(#[from] JournalError),

    /// An error of goals or goal proposals.
    #[error(transparent)]
    Goals(#[from] GoalsError),

    /// A database error met while reading or writing sharing's own tables. The message is
    /// plain words; the detail stays in the `Debug` form.
    #[error("{}", db_message(.0))]
    Db(#[from] rusqlite::Error),
}

impl SharingError {
    /// The stable code of `docs/api-contract.md` (`ErrorCode`).
    pub fn code(&self) -> &'static str {
        match self {
            SharingError::InvalidInput(_) => "invalid_input",
            SharingError::NotFound => "not_found",
            SharingError::NotAShare => "not_a_share",
            SharingError::ShareDamaged => "share_damaged",
            SharingError::NotForYou => "not_for_you",
            SharingError::WrongPassphrase => "wrong_passphrase",
            SharingError::ShareTooLarge => "share_too_large",
            SharingError::TooNew => "too_new",
            SharingError::WrongKind(_) => "wrong_kind",
            SharingError::NoKeyFound => "no_key_found",
            SharingError::Vault(err) => err.code(),
            SharingError::Journal(err) => err.code(),
            SharingError::Goals(err) => err.code(),
            SharingError::Db(err) => db_code(err),
        }
    }

    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        SharingError::InvalidInput(message.into())
    }
}

/// Words that say where a payload of the other kind belongs.
fn wrong_kind_message(found: PayloadKind) -> &'static str {
    match found {
        PayloadKind::Share => {
            "This is a share from a client, meant for a counselor's Cove, so it can't be opened \
             here. Nothing was added."
        }
        PayloadKind::Suggestions => {
            "This file holds a counselor's suggestions, meant for a client's Cove, so it can't be \
             opened here. Nothing was added."
        }
    }
}

pub type Result<T, E = SharingError> = std::result::Result<T, E>;

/// The same classes as `VaultError::db`: a full disk, a damaged file, a busy journal, a file
/// that can't be read or written, or something unexpected.
fn db_code(err: &rusqlite::Error) -> &'static str {
    use rusqlite::ffi::ErrorCode as C;
    match err.sqlite_error_code() {
        Some(C::DiskFull) => "storage_full",
        Some(C::NotADatabase) | Some(C::DatabaseCorrupt) => "corrupt",
        Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => "busy",
        Some(C::SystemIoFailure)
        | Some(C::CannotOpen)
        | Some(C::ReadOnly)
        | Some(C::PermissionDenied)
        | Some(C::FileLockingProtocolFailed) => "storage",
        _ => "internal",
    }
}

fn db_message(err: &rusqlite::Error) -> &'static str {
    match db_code(err) {
        "storage_full" => {
            "There's no space left on this computer's disk, so Cove couldn't save. Free up some \
             space and try again."
        }
        "corrupt" => {
            "The journal file is damaged or doesn't belong to this key file, so it can't be \
             opened."
        }
        "busy" => "Cove is already open in another window. Please use that one.",
        "storage" => {
            "Cove couldn't read or write the journal file. Check that the disk is working and \
             try again."
        }
        _ => "Something unexpected went wrong inside Cove. Your writing is safe; please try again.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_a_stable_code_and_plain_words() {
        let cases: Vec<(SharingError, &str)> = vec![
            (
                SharingError::invalid("Please give a name."),
                "invalid_input",
            ),
            (SharingError::NotFound, "not_found"),
            (SharingError::NotAShare, "not_a_share"),
            (SharingError::ShareDamaged, "share_damaged"),
            (SharingError::NotForYou, "not_for_you"),
            (SharingError::WrongPassphrase, "wrong_passphrase"),
            (SharingError::ShareTooLarge, "share_too_large"),
            (SharingError::TooNew, "too_new"),
            (SharingError::WrongKind(PayloadKind::Share), "wrong_kind"),
            (
                SharingError::WrongKind(PayloadKind::Suggestions),
                "wrong_kind",
            ),
            (SharingError::NoKeyFound, "no_key_found"),
            (SharingError::Vault(VaultError::Locked), "locked"),
            (SharingError::Journal(JournalError::NotFound), "not_found"),
            (
                SharingError::Goals(GoalsError::InvalidInput("x".into())),
                "invalid_input",
            ),
            (
                SharingError::Db(rusqlite::Error::QueryReturnedNoRows),
                "internal",
            ),
        ];
        for (err, code) in cases {
            assert_eq!(err.code(), code, "{err:?}");
            let message = err.to_string();
            assert!(!message.is_empty(), "{err:?}");
            assert!(
                !message.contains("rusqlite") && !message.contains("Query"),
                "{message}"
            );
        }
    }
}

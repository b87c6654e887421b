//! The one error type of the vault, with plain-language messages and stable codes.
//!
//! The `code()` strings are part of the UI contract (`docs/api-contract.md`, `ErrorCode`):
//! never rename one. Messages are written for the person using Cove, not for a developer;
//! technical detail goes to the `Debug` form (and to logs, which never see secrets).

use std::io;

use super::fsutil::is_storage_full;

/// Everything that can go wrong while creating, unlocking or using the vault.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// The passphrase, recovery code or PIN did not unwrap the data key.
    /// `attempts_left` is set only for a PIN (tries left before the PIN turns itself off).
    #[error("{}", wrong_secret_message(*attempts_left))]
    WrongSecret { attempts_left: Option<u32> },

    /// The journal is locked; used by the commands layer for commands that need it open.
    #[error("Your journal is locked. Unlock it to continue.")]
    Locked,

    /// There is no journal in the data folder yet.
    #[error("There's no journal here yet. Let's set one up.")]
    NoVault,

    /// A journal already exists, so a new one is not created over it.
    #[error("A journal already exists on this computer, so a new one wasn't created.")]
    VaultExists,

    /// The OS keychain does not work here; the message says so plainly.
    #[error("{0}")]
    KeychainUnavailable(String),

    /// The fifth wrong PIN turned the PIN off.
    #[error(
        "That PIN didn't match again, so the PIN has been turned off to keep your journal safe. \
         Your passphrase still works."
    )]
    PinRemoved,

    /// The keychain lost the PIN's device secret, so the PIN was turned off.
    #[error(
        "The PIN stopped working because the system keychain no longer has Cove's key for it, \
         so the PIN has been turned off. Your passphrase still works."
    )]
    PinLost,

    /// No PIN is set up (or it was turned off earlier). Shares the `pin_removed` code.
    #[error("The PIN isn't turned on. Please use your passphrase.")]
    PinNotSet,

    /// Input the user can fix (too long, wrong shape, …); the message says how.
    #[error("{0}")]
    InvalidInput(String),

    /// A file is damaged or was changed outside Cove.
    #[error("{0}")]
    Corrupt(String),

    /// The disk (or the user's quota) is full.
    #[error("There's no space left on this computer's disk, so Cove couldn't save. Free up some space and try again.")]
    StorageFull,

    /// Any other problem reading or writing files.
    #[error("Cove couldn't {action}. Check that the disk is working and try again.")]
    Storage {
        action: &'static str,
        #[source]
        source: io::Error,
    },

    /// Another Cove window or process already has this journal open.
    #[error("Cove is already open in another window. Please use that one.")]
    Busy,

    /// A bug or an unexpected library failure. The detail is for logs, not for the user.
    #[error(
        "Something unexpected went wrong inside Cove. Your writing is safe; please try again."
    )]
    Internal(String),
}

fn wrong_secret_message(attempts_left: Option<u32>) -> String {
    match attempts_left {
        None => "That didn't unlock it. Take your time and try again.".to_owned(),
        Some(1) => "That PIN didn't match. One more try before the PIN turns off; your passphrase always works.".to_owned(),
        Some(n) => format!(
            "That PIN didn't match. {n} more tries before the PIN turns off; your passphrase always works."
        ),
    }
}

impl VaultError {
    /// The stable snake_case code the UI switches on (`ErrorCode` in the API contract).
    pub fn code(&self) -> &'static str {
        match self {
            VaultError::WrongSecret { .. } => "wrong_secret",
            VaultError::Locked => "locked",
            VaultError::NoVault => "no_vault",
            VaultError::VaultExists => "vault_exists",
            VaultError::KeychainUnavailable(_) => "keychain_unavailable",
            VaultError::PinRemoved | VaultError::PinLost | VaultError::PinNotSet => "pin_removed",
            VaultError::InvalidInput(_) => "invalid_input",
            VaultError::Corrupt(_) => "corrupt",
            VaultError::StorageFull => "storage_full",
            VaultError::Storage { .. } => "storage",
            VaultError::Busy => "busy",
            VaultError::Internal(_) => "internal",
        }
    }

    /// Tries left for a PIN, when the error is a wrong PIN.
    pub fn attempts_left(&self) -> Option<u32> {
        match self {
            VaultError::WrongSecret { attempts_left } => *attempts_left,
            _ => None,
        }
    }

    /// Maps an I/O error, naming what Cove was doing in plain words ("save your settings").
    pub fn io(action: &'static str, source: io::Error) -> Self {
        if is_storage_full(&source) {
            VaultError::StorageFull
        } else {
            VaultError::Storage { action, source }
        }
    }

    /// Maps a database error. Used by the vault and by domain modules storing through it.
    pub fn db(err: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode as C;
        match err.sqlite_error_code() {
            Some(C::DiskFull) => VaultError::StorageFull,
            Some(C::NotADatabase) | Some(C::DatabaseCorrupt) => VaultError::Corrupt(
                "The journal file is damaged or doesn't belong to this key file, so it can't be opened.".to_owned(),
            ),
            Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => VaultError::Busy,
            Some(C::SystemIoFailure)
            | Some(C::CannotOpen)
            | Some(C::ReadOnly)
            | Some(C::PermissionDenied)
            | Some(C::FileLockingProtocolFailed) => VaultError::Storage {
                action: "read or write the journal file",
                source: io::Error::other(err.to_string()),
            },
            _ => VaultError::Internal(format!("database: {err}")),
        }
    }
}

impl From<rusqlite::Error> for VaultError {
    fn from(err: rusqlite::Error) -> Self {
        VaultError::db(err)
    }
}

/// Result alias for the vault.
pub type Result<T, E = VaultError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_a_contract_code_and_a_plain_message() {
        let contract = [
            "wrong_secret",
            "locked",
            "no_vault",
            "vault_exists",
            "keychain_unavailable",
            "pin_removed",
            "invalid_input",
            "corrupt",
            "storage_full",
            "storage",
            "busy",
            "internal",
        ];
        let all = [
            VaultError::WrongSecret {
                attempts_left: None,
            },
            VaultError::WrongSecret {
                attempts_left: Some(2),
            },
            VaultError::Locked,
            VaultError::NoVault,
            VaultError::VaultExists,
            VaultError::KeychainUnavailable("x".into()),
            VaultError::PinRemoved,
            VaultError::PinNotSet,
            VaultError::PinLost,
            VaultError::InvalidInput("x".into()),
            VaultError::Corrupt("x".into()),
            VaultError::StorageFull,
            VaultError::io("save", io::Error::other("boom")),
            VaultError::Busy,
            VaultError::Internal("x".into()),
        ];
        for e in &all {
            assert!(contract.contains(&e.code()), "{e:?}");
            assert!(!e.to_string().is_empty());
        }
        assert_eq!(
            VaultError::WrongSecret {
                attempts_left: None
            }
            .to_string(),
            "That didn't unlock it. Take your time and try again."
        );
    }

    #[test]
    fn enospc_maps_to_storage_full() {
        let e = VaultError::io("save", io::Error::from_raw_os_error(28));
        assert_eq!(e.code(), "storage_full");
    }
}

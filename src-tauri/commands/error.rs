//! The one error type that crosses the IPC boundary: a stable code the UI switches on, plus a
//! plain-language message. Domain errors are mapped here, once.

use serde::Serialize;
use ts_rs::TS;

use crate::backup::export::ExportError;
use crate::backup::BackupError;
use crate::goals::GoalsError;
use crate::journal::JournalError;
use crate::safety::SafetyError;
use crate::sharing::SharingError;
use crate::vault::VaultError;

/// Stable codes; the UI chooses its (translated) words from these, never from `message`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    WrongSecret,
    Locked,
    NoVault,
    VaultExists,
    KeychainUnavailable,
    PinRemoved,
    InvalidInput,
    Corrupt,
    StorageFull,
    Storage,
    Busy,
    Internal,
    /// The entry (or other item) asked for does not exist (any more).
    NotFound,
    /// The file chosen is not a Cove backup at all.
    NotABackup,
    /// The backup file is damaged or incomplete (cut short, changed, checksum wrong).
    BackupDamaged,
    /// The file was made by a newer version of Cove than this one.
    TooNew,
    /// The file (or pasted text) is not a Cove share at all.
    NotAShare,
    /// The share was changed or cut short after it was made.
    ShareDamaged,
    /// The share was locked for someone else's key.
    NotForYou,
    /// The passphrase given does not open this share (or none was given).
    WrongPassphrase,
    /// The file is larger than a share can be.
    ShareTooLarge,
    /// A share or suggestions file of the other kind: a client's journal was given a share, a
    /// counselor's was given suggestions.
    WrongKind,
    /// No public key (`age1…`) in the QR picture or key file given.
    NoKeyFound,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommandError {
    pub code: ErrorCode,
    /// English, plain words, safe to show; never contains the user's writing or secrets.
    pub message: String,
    /// Only for a wrong PIN: how many tries remain before the PIN is turned off.
    pub attempts_left: Option<u32>,
}

impl CommandError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            attempts_left: None,
        }
    }

    pub fn locked() -> Self {
        Self::new(ErrorCode::Locked, "Cove is locked. Unlock it to continue.")
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<VaultError> for CommandError {
    fn from(err: VaultError) -> Self {
        let code = match err.code() {
            "wrong_secret" => ErrorCode::WrongSecret,
            "locked" => ErrorCode::Locked,
            "no_vault" => ErrorCode::NoVault,
            "vault_exists" => ErrorCode::VaultExists,
            "keychain_unavailable" => ErrorCode::KeychainUnavailable,
            "pin_removed" => ErrorCode::PinRemoved,
            "invalid_input" => ErrorCode::InvalidInput,
            "corrupt" => ErrorCode::Corrupt,
            "storage_full" => ErrorCode::StorageFull,
            "storage" => ErrorCode::Storage,
            "busy" => ErrorCode::Busy,
            _ => ErrorCode::Internal,
        };
        let attempts_left = match &err {
            VaultError::WrongSecret { attempts_left } => *attempts_left,
            _ => None,
        };
        Self {
            code,
            message: err.to_string(),
            attempts_left,
        }
    }
}

impl From<SafetyError> for CommandError {
    fn from(err: SafetyError) -> Self {
        match err {
            SafetyError::InvalidInput(message) => Self::new(ErrorCode::InvalidInput, message),
            SafetyError::Vault(err) => err.into(),
        }
    }
}

impl From<JournalError> for CommandError {
    fn from(err: JournalError) -> Self {
        match err {
            JournalError::InvalidInput(message) => Self::new(ErrorCode::InvalidInput, message),
            JournalError::NotFound => Self::new(ErrorCode::NotFound, err.to_string()),
            JournalError::Vault(err) => err.into(),
        }
    }
}

impl From<GoalsError> for CommandError {
    fn from(err: GoalsError) -> Self {
        match err {
            GoalsError::InvalidInput(message) => Self::new(ErrorCode::InvalidInput, message),
            GoalsError::NotFound(message) => Self::new(ErrorCode::NotFound, message),
            GoalsError::Vault(err) => err.into(),
        }
    }
}

impl From<BackupError> for CommandError {
    fn from(err: BackupError) -> Self {
        let err = match err {
            BackupError::Vault(err) => return err.into(),
            other => other,
        };
        let code = match &err {
            BackupError::Vault(_) => ErrorCode::Internal,
            BackupError::NotABackup => ErrorCode::NotABackup,
            BackupError::Damaged(_) => ErrorCode::BackupDamaged,
            BackupError::TooNew => ErrorCode::TooNew,
            BackupError::WrongSecret => ErrorCode::WrongSecret,
            BackupError::StorageFull | BackupError::ExtraFolderFull => ErrorCode::StorageFull,
            BackupError::Storage { .. } | BackupError::ExtraFolderFailed => ErrorCode::Storage,
            BackupError::ExtraFolderMissing | BackupError::NotFound => ErrorCode::NotFound,
            BackupError::InvalidInput(_) => ErrorCode::InvalidInput,
            BackupError::Cancelled => ErrorCode::Locked,
        };
        Self::new(code, err.to_string())
    }
}

impl From<ExportError> for CommandError {
    fn from(err: ExportError) -> Self {
        match err {
            ExportError::InvalidInput(message) => Self::new(ErrorCode::InvalidInput, message),
            ExportError::StorageFull => Self::new(ErrorCode::StorageFull, err.to_string()),
            ExportError::Io(message) => Self::new(ErrorCode::Storage, message),
            ExportError::Journal(err) => err.into(),
        }
    }
}

impl From<SharingError> for CommandError {
    fn from(err: SharingError) -> Self {
        let err = match err {
            SharingError::InvalidInput(message) => {
                return Self::new(ErrorCode::InvalidInput, message)
            }
            SharingError::Vault(err) => return err.into(),
            SharingError::Journal(err) => return err.into(),
            SharingError::Goals(err) => return err.into(),
            other => other,
        };
        let code = match err.code() {
            "not_found" => ErrorCode::NotFound,
            "not_a_share" => ErrorCode::NotAShare,
            "share_damaged" => ErrorCode::ShareDamaged,
            "not_for_you" => ErrorCode::NotForYou,
            "wrong_passphrase" => ErrorCode::WrongPassphrase,
            "share_too_large" => ErrorCode::ShareTooLarge,
            "too_new" => ErrorCode::TooNew,
            "wrong_kind" => ErrorCode::WrongKind,
            "no_key_found" => ErrorCode::NoKeyFound,
            "storage_full" => ErrorCode::StorageFull,
            "corrupt" => ErrorCode::Corrupt,
            "busy" => ErrorCode::Busy,
            "storage" => ErrorCode::Storage,
            _ => ErrorCode::Internal,
        };
        Self::new(code, err.to_string())
    }
}

pub type CommandResult<T> = Result<T, CommandError>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sharing::PayloadKind;

    /// The code the UI receives, as its JSON string.
    fn wire(err: &CommandError) -> String {
        serde_json::to_value(err.code)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    #[test]
    fn every_sharing_error_reaches_the_ui_with_its_own_code_and_words() {
        let cases = [
            SharingError::invalid("Please give a name."),
            SharingError::NotFound,
            SharingError::NotAShare,
            SharingError::ShareDamaged,
            SharingError::NotForYou,
            SharingError::WrongPassphrase,
            SharingError::ShareTooLarge,
            SharingError::TooNew,
            SharingError::WrongKind(PayloadKind::Share),
            SharingError::WrongKind(PayloadKind::Suggestions),
            SharingError::NoKeyFound,
            SharingError::Vault(VaultError::Locked),
        ];
        for err in cases {
            let code = err.code();
            let words = err.to_string();
            let sent = CommandError::from(err);
            assert_eq!(wire(&sent), code);
            assert_eq!(sent.message, words);
            assert_ne!(sent.code, ErrorCode::Internal, "{code}");
        }
    }
}

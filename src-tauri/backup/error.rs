//! What can go wrong with backups and restore, with stable codes and plain words.
//!
//! Messages never contain a path, a file name the person chose, or anything they wrote: folder
//! names can carry a person's name (a USB stick called "Sam's stick"), so they stay out.

use std::io;

use crate::vault::{fsutil::is_storage_full, VaultError};

/// Everything that can go wrong while making, listing, reading or restoring a backup.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The file is not a Cove backup at all (wrong magic bytes, empty, a picture, …).
    #[error(
        "That file isn't a Cove backup. Backups end in .covebackup; please choose one of those."
    )]
    NotABackup,

    /// The file is a Cove backup but damaged or incomplete (cut short, changed, checksum wrong,
    /// its database fails the integrity check). The detail is for logs only.
    #[error(
        "This backup is damaged or incomplete (it may have been cut short while copying), so it \
         can't be used. Nothing was changed. If you have another backup, try that one."
    )]
    Damaged(String),

    /// Made by a newer Cove (newer container version or newer journal schema).
    #[error(
        "This backup was made by a newer version of Cove. Please update Cove, then try again. \
         Nothing was changed."
    )]
    TooNew,

    /// The passphrase or recovery code does not open the backup's key slots (or, for
    /// "current", the backup is of another journal).
    #[error(
        "That didn't open this backup. It needs the passphrase (or recovery code) the journal \
         had when the backup was made."
    )]
    WrongSecret,

    /// The disk (or the USB stick) is full: no backup was made, earlier ones are untouched.
    #[error(
        "There isn't enough free space to make the backup, so it wasn't made. Your earlier \
         backups are safe. Free up some space and try again."
    )]
    StorageFull,

    /// Any other problem reading or writing files.
    #[error("Cove couldn't {action}. Check that the disk is working and try again.")]
    Storage {
        action: &'static str,
        #[source]
        source: io::Error,
    },

    /// The person's second backup folder is not there (e.g. the USB stick is unplugged).
    #[error(
        "Your second backup folder wasn't found (is the USB stick or drive plugged in?), so the \
         copy was saved only in Cove's own folder."
    )]
    ExtraFolderMissing,

    /// The second backup folder has no room: its copy wasn't saved; Cove's own copy was.
    #[error(
        "Your second backup folder is full, so the copy there wasn't saved. The backup in Cove's \
         own folder was made. Free up some space there, or choose another folder."
    )]
    ExtraFolderFull,

    /// Writing the copy into the second folder failed otherwise; Cove's own copy was made.
    #[error(
        "Cove couldn't save the copy in your second backup folder (it may be read-only, or was \
         unplugged during the copy). The backup in Cove's own folder was made."
    )]
    ExtraFolderFailed,

    /// Something the person can fix (a folder that can't be used, …); the message says how.
    #[error("{0}")]
    InvalidInput(String),

    /// The backup file is not there (any more).
    #[error("That backup file isn't there anymore. It may have been moved or deleted.")]
    NotFound,

    /// The journal was locked while a backup or restore was running; it stopped cleanly.
    #[error("The backup stopped because Cove was locked. Nothing was lost.")]
    Cancelled,

    /// An error of the journal's own files or database.
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl BackupError {
    /// The stable code of `docs/api-contract.md` (`ErrorCode`).
    pub fn code(&self) -> &'static str {
        match self {
            BackupError::NotABackup => "not_a_backup",
            BackupError::Damaged(_) => "backup_damaged",
            BackupError::TooNew => "too_new",
            BackupError::WrongSecret => "wrong_secret",
            BackupError::StorageFull => "storage_full",
            BackupError::Storage { .. } => "storage",
            BackupError::ExtraFolderMissing => "not_found",
            BackupError::ExtraFolderFull => "storage_full",
            BackupError::ExtraFolderFailed => "storage",
            BackupError::InvalidInput(_) => "invalid_input",
            BackupError::NotFound => "not_found",
            BackupError::Cancelled => "locked",
            BackupError::Vault(err) => err.code(),
        }
    }

    /// Maps an I/O error, naming in plain words what Cove was doing.
    pub fn io(action: &'static str, source: io::Error) -> Self {
        if is_full(&source) {
            BackupError::StorageFull
        } else {
            BackupError::Storage { action, source }
        }
    }

    /// Maps a database error met while copying or reading a backup's database.
    pub fn db(err: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode as C;
        match err.sqlite_error_code() {
            Some(C::DiskFull) => BackupError::StorageFull,
            Some(C::OperationInterrupted) => BackupError::Cancelled,
            _ => BackupError::Vault(VaultError::db(err)),
        }
    }

    pub(crate) fn damaged(detail: impl Into<String>) -> Self {
        BackupError::Damaged(detail.into())
    }
}

impl From<rusqlite::Error> for BackupError {
    fn from(err: rusqlite::Error) -> Self {
        BackupError::db(err)
    }
}

/// "No room": the disk or quota is full (ENOSPC, EDQUOT), or the file system refuses a file
/// this large (EFBIG: e.g. a FAT32 USB stick's 4 GiB limit, or a file-size limit on the
/// process). For a backup all three mean the same to the person: there is no room for it there.
pub(crate) fn is_full(err: &io::Error) -> bool {
    is_storage_full(err)
        || err.kind() == io::ErrorKind::FileTooLarge
        || err.raw_os_error() == Some(27)
}

pub type Result<T, E = BackupError> = std::result::Result<T, E>;

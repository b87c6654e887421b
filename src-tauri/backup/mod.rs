//! Backups, restore and export: nothing the person wrote is ever lost.
//!
//! Plain Rust, no Tauri (see `ARCHITECTURE.md`). The file format is in `docs/vault-format.md`
//! ("Backup files"); the export schema in `docs/export-format.md`.
//!
//! - `container.rs`: the `.covebackup` file (magic, version, JSON header, key file, database,
//!   SHA-256), written and checked in one streaming pass.
//! - `copy.rs`: the consistent encrypted copy from a second connection (WAL snapshot + SQLite's
//!   online backup API), checked with `integrity_check` and `cipher_integrity_check`.
//! - `store.rs`: making backups into Cove's folder and the second folder, listing, rotation on
//!   disk, the second-folder setting.
//! - `rotation.rs`: file names and the pure rotation rule (7 days, 4 weeks).
//! - `restore.rs`: `inspect` and staging a restore (the atomic switch is in `vault/swap.rs`).
//! - `jobs.rs`: progress of the running job, and cancelling backups on lock.

mod container;
mod copy;
mod error;
pub mod export;
mod jobs;
mod model;
mod restore;
mod rotation;
mod store;

#[cfg(test)]
mod tests;

pub use container::{Header, CONTAINER_VERSION, MAGIC};
pub use error::{BackupError, Result};
pub use jobs::{CancelToken, Job, JobTracker};
pub use model::{
    BackupFile, BackupKind, BackupPlace, BackupSecret, BackupSummary, ExportFormat, ExportInput,
    ExportResult, JobKind, JobProgress,
};
pub use restore::{inspect, restore, stage_restore, OpenJournal, Restored, Staged};
pub use rotation::{file_name, parse_file_name, to_remove, EXTENSION, KEEP_DAYS, KEEP_WEEKS};
pub use store::{
    app_folder, automatic_backup, check_extra_folder, last_backup_at, list_backups, load_settings,
    make_backup, newest_automatic_on, save_settings, BackupSettings, ExtraOutcome, Folders,
    Options, Outcome, BACKUPS_DIR,
};

//! Backups, restore and export: nothing the person wrote is ever lost.
//!
//! Plain Rust, no Tauri (see `ARCHITECTURE.md`). The file format is in `docs/vault-format.md`
//! ("Backup files"); the export schema in `docs/export-format.md`.

mod model;

pub use model::{
    BackupFile, BackupKind, BackupPlace, BackupSecret, BackupSummary, ExportFormat, ExportInput,
    ExportResult, JobKind, JobProgress,
};

//! Backups, restore and export (issue 9). See `docs/api-contract.md` ("Backups").

use serde::Serialize;
use ts_rs::TS;

use super::error::CommandError;

/// The Backups screen's header: when the last copy was made, the second folder, and what went
/// wrong with the last automatic backup, if anything (e.g. the USB stick was not plugged in).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    /// When the newest backup (any kind, any place) was made.
    pub last_backup_at: Option<String>,
    /// The person's second backup folder, if chosen.
    pub extra_folder: Option<String>,
    /// The last automatic backup's failure; `null` once a later one succeeds.
    pub problem: Option<CommandError>,
}

//! Replacing the journal's files with a restored backup's, so that a crash at any moment leaves
//! either the old journal or the new one, never neither (`docs/vault-format.md`, "Restoring").
//!
//! The backup code first *stages* the new files in the data folder (`cove.db.restore`,
//! `cove.keys.restore`, each fsynced). Then:
//!
//! 1. the marker `cove.restore` is written atomically: from this moment the restore counts as
//!    done and is only ever rolled forward;
//! 2. `cove.db-wal` and `cove.db-shm` are removed (they belong to the old database: SQLite would
//!    otherwise replay the old log into the new file);
//! 3. `cove.db.restore` is renamed over `cove.db`;
//! 4. `cove.keys.prev` is rewritten with the staged key file (so the fallback copy belongs to the
//!    new journal too);
//! 5. `cove.keys.restore` is renamed over `cove.keys`;
//! 6. the marker is removed.
//!
//! Every step is idempotent, so [`finish_interrupted_restore`] (run by `VaultDir::open` before
//! anything else reads the folder) simply runs steps 2–6 again when it finds the marker. Staged
//! files without a marker are the leftovers of a restore that stopped before its commit point
//! and are deleted: the old journal was never touched.

use std::fs;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::dir::{DB_FILE, KEYS_FILE, KEYS_PREV_FILE};
use super::fsutil::{fsync_dir, write_atomic};

/// The restore marker: present only between the commit point and the end of the switch.
pub const RESTORE_MARKER: &str = "cove.restore";
/// The staged database of a restore.
pub const STAGED_DB: &str = "cove.db.restore";
/// The staged key-slot file of a restore.
pub const STAGED_KEYS: &str = "cove.keys.restore";

/// The marker's content (JSON). It names the staged files so an independent reader knows what
/// to finish; Cove only accepts its own two names.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Marker {
    format: String,
    database: String,
    keys: String,
}

const MARKER_FORMAT: &str = "cove-restore-1";

/// The steps of the switch, in order. Tests stop after any one of them to play a crash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SwitchStep {
    Marker,
    RemoveLog,
    Database,
    KeysPrev,
    Keys,
}

impl SwitchStep {
    /// Every step, in the order they run.
    pub const ALL: [SwitchStep; 5] = [
        SwitchStep::Marker,
        SwitchStep::RemoveLog,
        SwitchStep::Database,
        SwitchStep::KeysPrev,
        SwitchStep::Keys,
    ];
}

/// Signals "stopped on purpose after `step`" (tests only ever ask for it).
fn stopped(step: SwitchStep) -> io::Error {
    io::Error::other(format!("stopped after {step:?}"))
}

/// Commits a staged restore and switches the folder over to it. Both staged files must exist
/// and be durable. `stop_after` plays a crash right after that step (`None` in the app).
pub(crate) fn switch_to_staged(folder: &Path, stop_after: Option<SwitchStep>) -> io::Result<()> {
    for name in [STAGED_DB, STAGED_KEYS] {
        if !folder.join(name).is_file() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                "a staged restore file is missing",
            ));
        }
    }
    let marker = serde_json::to_vec(&Marker {
        format: MARKER_FORMAT.into(),
        database: STAGED_DB.into(),
        keys: STAGED_KEYS.into(),
    })
    .map_err(io::Error::other)?;
    write_atomic(&folder.join(RESTORE_MARKER), &marker)?;
    if stop_after == Some(SwitchStep::Marker) {
        return Err(stopped(SwitchStep::Marker));
    }
    roll_forward(folder, stop_after)
}

/// Finishes a restore that was interrupted after its commit point, or clears the staged files
/// of one that stopped before it. Returns true when a restore was finished.
pub(crate) fn finish_interrupted_restore(folder: &Path) -> io::Result<bool> {
    match fs::read(folder.join(RESTORE_MARKER)) {
        Ok(bytes) => {
            let marker: Marker = serde_json::from_slice(&bytes).map_err(|_| {
                io::Error::new(io::ErrorKind::InvalidData, "the restore marker is damaged")
            })?;
            if marker.format != MARKER_FORMAT
                || marker.database != STAGED_DB
                || marker.keys != STAGED_KEYS
            {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "the restore marker names unknown files",
                ));
            }
            roll_forward(folder, None)?;
            Ok(true)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            discard_staged(folder)?;
            Ok(false)
        }
        Err(e) => Err(e),
    }
}

/// Removes staged restore files (and any SQLite side files of them). Only safe when no marker
/// exists, i.e. before the commit point.
pub(crate) fn discard_staged(folder: &Path) -> io::Result<()> {
    for base in [STAGED_DB, STAGED_KEYS] {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            remove_if_exists(&folder.join(format!("{base}{suffix}")))?;
        }
    }
    Ok(())
}

fn roll_forward(folder: &Path, stop_after: Option<SwitchStep>) -> io::Result<()> {
    let stop = |step: SwitchStep| -> io::Result<()> {
        if stop_after == Some(step) {
            Err(stopped(step))
        } else {
            Ok(())
        }
    };
    // The old database was closed (its log checkpointed) before the commit point, and nothing
    // opens the new one before the marker is gone, so these logs can only be the old one's.
    remove_if_exists(&folder.join(format!("{DB_FILE}-wal")))?;
    remove_if_exists(&folder.join(format!("{DB_FILE}-shm")))?;
    remove_if_exists(&folder.join(format!("{DB_FILE}-journal")))?;
    stop(SwitchStep::RemoveLog)?;

    let staged_db = folder.join(STAGED_DB);
    if staged_db.exists() {
        fs::rename(&staged_db, folder.join(DB_FILE))?;
        fsync_dir(folder)?;
    }
    stop(SwitchStep::Database)?;

    let staged_keys = folder.join(STAGED_KEYS);
    if staged_keys.exists() {
        let bytes = fs::read(&staged_keys)?;
        write_atomic(&folder.join(KEYS_PREV_FILE), &bytes)?;
        stop(SwitchStep::KeysPrev)?;
        fs::rename(&staged_keys, folder.join(KEYS_FILE))?;
        fsync_dir(folder)?;
    } else {
        stop(SwitchStep::KeysPrev)?;
    }
    stop(SwitchStep::Keys)?;

    remove_if_exists(&folder.join(RESTORE_MARKER))?;
    fsync_dir(folder)
}

fn remove_if_exists(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

//! The reminder schedule's mirror outside the vault: `reminders.json` in the data folder, so
//! reminders fire while the journal is locked (the app still running) without opening it.
//!
//! It holds the [`Schedule`] (the daily check-in's time, quiet hours, the active goals'
//! weekdays and times) and the [`ReminderLog`] (when reminders last fired) — never a goal id,
//! a title, or any other text. What it reveals to someone who can read the data folder: that
//! reminders are set, and when. See `docs/vault-format.md` §1.
//!
//! - [`sync_mirror`] rewrites the schedule from the unlocked vault (after every change to
//!   reminder settings or to a goal's reminder or status, at every unlock, after a restore)
//!   and keeps the times of reminders that are still in it;
//! - [`check_mirror`] is one check of the reminder thread: what is due now by the mirror alone,
//!   recorded in the mirror.
//!
//! Both are read-modify-write cycles of the same file from different threads, so they take
//! one lock; the file itself is replaced atomically (`0600`).

use std::path::Path;
use std::sync::Mutex;

use chrono::NaiveDateTime;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::reminders::{due, load_schedule, ReminderLog, Schedule};
use super::{GoalsError, Result};
use crate::vault::fsutil::write_atomic;
use crate::vault::{VaultError, REMINDERS_FILE};

/// The contents of `reminders.json`: the schedule and when its reminders last fired, side by
/// side in one JSON object.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReminderMirror {
    #[serde(flatten)]
    pub schedule: Schedule,
    #[serde(flatten)]
    pub log: ReminderLog,
}

/// Serialises the read-modify-write cycles of the mirror inside this process (the data
/// folder's lock keeps other processes out).
static MIRROR_LOCK: Mutex<()> = Mutex::new(());

fn lock_mirror() -> std::sync::MutexGuard<'static, ()> {
    // Guards no data of its own: a panic elsewhere leaves nothing inconsistent.
    MIRROR_LOCK
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Reads the mirror from the data folder. Missing or unreadable → an empty one (no
/// reminders until the next unlock rewrites it). Never an error.
pub fn load_mirror(folder: &Path) -> ReminderMirror {
    std::fs::read(folder.join(REMINDERS_FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

fn write_mirror(folder: &Path, mirror: &ReminderMirror) -> Result<()> {
    let mut json = serde_json::to_vec_pretty(mirror).map_err(|e| super::internal("mirror", e))?;
    json.push(b'\n');
    write_atomic(&folder.join(REMINDERS_FILE), &json)
        .map_err(|e| GoalsError::Vault(VaultError::io("keep the reminder times", e)))
}

/// Rewrites the mirror's schedule from the vault (`conn`), keeping when the reminders that are
/// still in it last fired. Writes nothing when nothing changed.
pub fn sync_mirror(conn: &Connection, folder: &Path) -> Result<()> {
    let schedule = load_schedule(conn)?;
    let _guard = lock_mirror();
    let old = load_mirror(folder);
    let mut log = old.log.clone();
    log.keep_only(&schedule);
    let new = ReminderMirror { schedule, log };
    if new != old || !folder.join(REMINDERS_FILE).exists() {
        write_mirror(folder, &new)?;
    }
    Ok(())
}

/// One check at `now` (local wall-clock time) by the mirror alone — the vault may be locked:
/// what is due is recorded in the mirror. Returns whether to show a notification; with
/// `may_notify` false (right after start-up or an unlock: the person is there) what is due is
/// only noted.
pub fn check_mirror(folder: &Path, now: NaiveDateTime, may_notify: bool) -> Result<bool> {
    let _guard = lock_mirror();
    let mut mirror = load_mirror(folder);
    let mut decision = due(&mirror.schedule, &mirror.log, now);
    if decision.covered.is_empty() {
        return Ok(false);
    }
    decision.notify &= may_notify;
    mirror.log.record(&decision, now);
    mirror.log.keep_only(&mirror.schedule);
    write_mirror(folder, &mirror)?;
    Ok(decision.notify)
}

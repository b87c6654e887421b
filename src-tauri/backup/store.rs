//! Making backups into Cove's folder (and the person's second folder), listing them, rotating
//! the automatic ones, and the second-folder setting.
//!
//! Every file is written the same careful way: a temporary file (`.<name>.tmp-<hex>`, `0600`) in
//! the destination folder, fsync, rename to its final name (never over an existing file),
//! fsync the folder. A failure at any point removes the temporary file and leaves every
//! existing backup as it was.

use std::fs::{self, File};
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, TimeZone as _};
use rand::RngCore;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::container::{self, Header};
use super::copy;
use super::error::{BackupError, Result};
use super::jobs::CancelToken;
use super::model::{BackupFile, BackupKind, BackupPlace};
use super::rotation;
use crate::vault::{fsutil, settings, BackupSource, VaultDir};

/// Cove's own backup folder, inside the data folder.
pub const BACKUPS_DIR: &str = "backups";
/// The settings row (inside the encrypted database) holding [`BackupSettings`].
pub const SETTINGS_KEY: &str = "backup";

/// Backup settings kept inside the vault.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupSettings {
    /// The person's second backup folder, absolute.
    pub extra_folder: Option<String>,
}

pub fn load_settings(conn: &Connection) -> Result<BackupSettings> {
    Ok(settings::load_json(conn, SETTINGS_KEY, "backup settings")?.unwrap_or_default())
}

pub fn save_settings(conn: &Connection, value: &BackupSettings) -> Result<()> {
    Ok(settings::save_json(conn, SETTINGS_KEY, value)?)
}

/// Where backups go: Cove's folder always, the second folder when chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folders {
    pub app: PathBuf,
    pub extra: Option<PathBuf>,
}

impl Folders {
    pub fn new(dir: &VaultDir, extra: Option<&str>) -> Self {
        Folders {
            app: app_folder(dir.path()),
            extra: extra.map(PathBuf::from),
        }
    }
}

/// `backups/` inside the data folder at `data`.
pub fn app_folder(data: &Path) -> PathBuf {
    data.join(BACKUPS_DIR)
}

/// Creates Cove's backup folder (`0700`) inside the data folder, which must exist: a data
/// folder that vanished is an error, never silently recreated.
fn make_app_folder(app: &Path) -> Result<()> {
    let made = match fs::create_dir(app) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    };
    made.and_then(|()| fsutil::set_mode(app, fsutil::DIR_MODE))
        .map_err(|e| BackupError::io("make its backup folder", e))
}

/// What happened in the second folder.
#[derive(Debug)]
pub enum ExtraOutcome {
    /// No second folder is chosen.
    NotSet,
    /// Today's copy was already there (automatic pass only).
    AlreadyThere,
    /// A copy was written there.
    Written(BackupFile),
    /// The second folder is missing or the copy there failed; Cove's own copy is fine.
    Failed(BackupError),
}

/// What a backup (or an automatic pass) did.
#[derive(Debug)]
pub struct Outcome {
    /// The new file in Cove's folder; `None` when the automatic pass found today's already.
    pub made: Option<BackupFile>,
    pub extra: ExtraOutcome,
}

impl Outcome {
    /// The problem worth telling the person about, if any.
    pub fn problem(&self) -> Option<&BackupError> {
        match &self.extra {
            ExtraOutcome::Failed(e) => Some(e),
            _ => None,
        }
    }
}

/// Tuning for tests: pages per copy step (small values make the copy take many steps).
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub pages_per_step: i32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            pages_per_step: copy::PAGES_PER_STEP,
        }
    }
}

/// Makes one backup of `kind` of the journal behind `source`: into Cove's folder, then (if
/// chosen) a copy into the second folder; then rotates the automatic backups in each folder
/// written. `progress(done, total)` reports bytes. Errors concern Cove's own copy (nothing is
/// left behind); a failure in the second folder is reported in the outcome instead.
pub fn make_backup(
    source: &BackupSource,
    folders: &Folders,
    kind: BackupKind,
    now: DateTime<FixedOffset>,
    cancel: &CancelToken,
    options: Options,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Outcome> {
    // The phases' sizes are estimates (the file is a little larger than the copy): never report
    // more than the total.
    let progress = &mut |done: u64, total: u64| progress(done.min(total), total);
    make_app_folder(&folders.app)?;
    remove_stale_temporaries(&folders.app);
    let keys = source.key_file_for_backup()?;

    // 1. The database copy, in a temporary file in Cove's backup folder.
    let db_tmp = TempFile::new(&folders.app, "cove-copy.db");
    // Bytes: the copy, then packaging it, then (maybe) the copy to the second folder.
    let phases = if folders.extra.is_some() { 3 } else { 2 };
    let copied = copy::copy_database(
        source,
        db_tmp.path(),
        cancel,
        options.pages_per_step,
        &mut |done, total| {
            progress(done, total * phases);
            cancel.check()
        },
    )?;
    let total = copied.bytes * phases;

    // 2. The backup file around it.
    let header = Header {
        made_at: now.to_rfc3339_opts(SecondsFormat::Millis, false),
        kind,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        schema_version: copied.schema_version,
        vault_id: source.vault_id().to_hex(),
        keys_length: keys.len() as u64,
        database_length: copied.bytes,
    };
    let base = copied.bytes;
    let written = write_new_file(&folders.app, now, kind, |out| {
        let mut db =
            File::open(db_tmp.path()).map_err(|e| BackupError::io("write the backup", e))?;
        container::write_container(out, &header, &keys, &mut db, &mut |done| {
            progress(base + done, total);
            cancel.check()
        })
    })?;
    drop(db_tmp);
    let file = backup_file(&written, &header, BackupPlace::App)?;
    rotate(&folders.app);

    // 3. The second folder.
    let extra = match &folders.extra {
        None => ExtraOutcome::NotSet,
        Some(extra) => {
            match copy_to_extra(&written, extra, &header, now, kind, cancel, &mut |done| {
                progress(2 * base + done, total)
            }) {
                Ok(f) => ExtraOutcome::Written(f),
                Err(BackupError::Cancelled) => return Err(BackupError::Cancelled),
                Err(e) => ExtraOutcome::Failed(e),
            }
        }
    };
    progress(total, total);
    Ok(Outcome {
        made: Some(file),
        extra,
    })
}

/// The automatic backup: when Cove's folder has no automatic backup of today's local date, makes
/// one (copied to the second folder too); otherwise, when the second folder lacks today's, copies
/// Cove's there. Nothing to do → `made: None` and `AlreadyThere`/`NotSet`.
pub fn automatic_backup(
    source: &BackupSource,
    folders: &Folders,
    now: DateTime<FixedOffset>,
    cancel: &CancelToken,
    options: Options,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Outcome> {
    let today = now.date_naive();
    let Some(todays) = newest_automatic_on(&folders.app, today) else {
        return make_backup(
            source,
            folders,
            BackupKind::Automatic,
            now,
            cancel,
            options,
            progress,
        );
    };
    let extra = match &folders.extra {
        None => ExtraOutcome::NotSet,
        Some(extra) if !extra.is_dir() => ExtraOutcome::Failed(BackupError::ExtraFolderMissing),
        Some(extra) if newest_automatic_on(extra, today).is_some() => ExtraOutcome::AlreadyThere,
        Some(extra) => {
            let path = folders.app.join(&todays);
            let copied = container::peek_header(&path)
                .ok_or_else(|| BackupError::damaged("today's backup has no readable header"))
                .and_then(|header| {
                    let (at, kind) = rotation::parse_file_name(&todays)
                        .ok_or_else(|| BackupError::damaged("unexpected name"))?;
                    let at = now
                        .timezone()
                        .from_local_datetime(&at)
                        .single()
                        .unwrap_or(now);
                    copy_to_extra(&path, extra, &header, at, kind, cancel, &mut |_| {})
                });
            match copied {
                Ok(f) => ExtraOutcome::Written(f),
                Err(BackupError::Cancelled) => return Err(BackupError::Cancelled),
                Err(e) => ExtraOutcome::Failed(e),
            }
        }
    };
    Ok(Outcome { made: None, extra })
}

/// Copies a finished backup file into the second folder (same name; `-n` if taken), checks the
/// copy, and rotates the automatic backups there.
fn copy_to_extra(
    written: &Path,
    extra: &Path,
    header: &Header,
    at: DateTime<FixedOffset>,
    kind: BackupKind,
    cancel: &CancelToken,
    progress: &mut dyn FnMut(u64),
) -> Result<BackupFile> {
    // Words that say Cove's own copy is fine.
    copy_to_extra_inner(written, extra, header, at, kind, cancel, progress).map_err(|e| match e {
        BackupError::StorageFull => BackupError::ExtraFolderFull,
        BackupError::Cancelled | BackupError::ExtraFolderMissing => e,
        _ => BackupError::ExtraFolderFailed,
    })
}

fn copy_to_extra_inner(
    written: &Path,
    extra: &Path,
    header: &Header,
    at: DateTime<FixedOffset>,
    kind: BackupKind,
    cancel: &CancelToken,
    progress: &mut dyn FnMut(u64),
) -> Result<BackupFile> {
    if !extra.is_dir() {
        return Err(BackupError::ExtraFolderMissing);
    }
    remove_stale_temporaries(extra);
    let path = write_new_file(extra, at, kind, |out| {
        let mut src = File::open(written).map_err(|e| BackupError::io("copy the backup", e))?;
        let mut buf = vec![0u8; 1024 * 1024];
        let mut done = 0u64;
        loop {
            cancel.check()?;
            let n = src
                .read(&mut buf)
                .map_err(|e| BackupError::io("copy the backup", e))?;
            if n == 0 {
                break;
            }
            out.write_all(&buf[..n])
                .map_err(|e| BackupError::io("write the backup in your second folder", e))?;
            done += n as u64;
            progress(done);
        }
        Ok(())
    })?;
    // Read the copy back: a stick that silently drops data must not hold a bad backup.
    if let Err(e) =
        container::open_container(&path, &mut std::io::sink(), &mut |_, _| cancel.check())
    {
        let _ = fs::remove_file(&path);
        return Err(e);
    }
    let file = backup_file(&path, header, BackupPlace::Extra)?;
    rotate(extra);
    Ok(file)
}

/// Writes a new backup file named for `at`/`kind` in `folder` through a temporary file, fsync,
/// rename (never over an existing file) and a folder fsync. Returns the final path.
fn write_new_file(
    folder: &Path,
    at: DateTime<FixedOffset>,
    kind: BackupKind,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<PathBuf> {
    let first = rotation::file_name(at.naive_local(), kind, 1);
    let tmp = TempFile::new(folder, &first);
    {
        let file = fsutil::open_private(tmp.path(), true)
            .map_err(|e| BackupError::io("write the backup", e))?;
        let mut out = BufWriter::with_capacity(1024 * 1024, file);
        fill(&mut out)?;
        let file = out
            .into_inner()
            .map_err(|e| BackupError::io("write the backup", e.into_error()))?;
        file.sync_all()
            .map_err(|e| BackupError::io("write the backup", e))?;
    }
    let mut n = 1;
    let target = loop {
        let candidate = folder.join(rotation::file_name(at.naive_local(), kind, n));
        if !candidate.exists() {
            break candidate;
        }
        n += 1;
    };
    fs::rename(tmp.path(), &target).map_err(|e| BackupError::io("write the backup", e))?;
    tmp.disarm();
    fsutil::fsync_dir(folder).map_err(|e| BackupError::io("write the backup", e))?;
    Ok(target)
}

fn backup_file(path: &Path, header: &Header, place: BackupPlace) -> Result<BackupFile> {
    let size_bytes = fs::metadata(path)
        .map_err(|e| BackupError::io("check the backup", e))?
        .len();
    Ok(BackupFile {
        path: path.to_string_lossy().into_owned(),
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        made_at: header.made_at.clone(),
        kind: header.kind,
        place,
        size_bytes,
    })
}

/// Every backup file in the folders, newest first. Unreadable or foreign files are skipped; a
/// missing second folder simply lists nothing.
pub fn list_backups(folders: &Folders) -> Vec<BackupFile> {
    let mut all = Vec::new();
    let places = std::iter::once((folders.app.as_path(), BackupPlace::App))
        .chain(folders.extra.as_deref().map(|p| (p, BackupPlace::Extra)));
    for (folder, place) in places {
        let Ok(entries) = fs::read_dir(folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') || !name.ends_with(&format!(".{}", rotation::EXTENSION)) {
                continue;
            }
            let path = entry.path();
            if !path.is_file() {
                continue;
            }
            if let Some(header) = container::peek_header(&path) {
                if let Ok(file) = backup_file(&path, &header, place) {
                    all.push(file);
                }
            }
        }
    }
    all.sort_by(|a, b| {
        let at = |f: &BackupFile| DateTime::parse_from_rfc3339(&f.made_at).ok();
        at(b)
            .cmp(&at(a))
            .then_with(|| b.file_name.cmp(&a.file_name))
            .then_with(|| (a.place as u8).cmp(&(b.place as u8)))
    });
    all
}

/// The newest automatic backup's file name in `folder` made on local date `day`, if any.
pub fn newest_automatic_on(folder: &Path, day: NaiveDate) -> Option<String> {
    let entries = fs::read_dir(folder).ok()?;
    entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            match rotation::parse_file_name(&name) {
                Some((at, BackupKind::Automatic)) if at.date() == day => Some((at, name)),
                _ => None,
            }
        })
        .max()
        .map(|(_, name)| name)
}

/// Deletes the automatic backups rotation no longer keeps in `folder`. Failures are only
/// logged: an extra old backup is harmless.
pub fn rotate(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let automatic: Vec<(String, chrono::NaiveDateTime)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            match rotation::parse_file_name(&name) {
                Some((at, BackupKind::Automatic)) => Some((name, at)),
                _ => None,
            }
        })
        .collect();
    for name in rotation::to_remove(&automatic) {
        if fs::remove_file(folder.join(&name)).is_err() {
            log::warn!("could not remove an old automatic backup");
        }
    }
    let _ = fsutil::fsync_dir(folder);
}

/// Removes temporary files a crash left in a backup folder: only Cove's own pattern
/// (`.cove-….tmp-<hex>` and SQLite's side files of them).
fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(".cove-") && name.contains(".tmp-") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// A temporary file `.<name>.tmp-<12 hex>` that is removed (with any SQLite side files) when
/// dropped, unless disarmed after its rename.
pub(crate) struct TempFile {
    path: PathBuf,
    armed: std::cell::Cell<bool>,
}

impl TempFile {
    pub(crate) fn new(folder: &Path, name: &str) -> Self {
        let mut suffix = [0u8; 6];
        rand::rngs::OsRng.fill_bytes(&mut suffix);
        let hex: String = suffix.iter().map(|b| format!("{b:02x}")).collect();
        TempFile {
            path: folder.join(format!(".{name}.tmp-{hex}")),
            armed: std::cell::Cell::new(true),
        }
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    fn disarm(&self) {
        self.armed.set(false);
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.armed.get() {
            return;
        }
        let _ = fs::remove_file(&self.path);
        for suffix in ["-journal", "-wal", "-shm"] {
            let mut side = self.path.clone().into_os_string();
            side.push(suffix);
            let _ = fs::remove_file(PathBuf::from(side));
        }
    }
}

/// Checks a folder chosen as the second backup folder: an existing, writable folder, given as
/// an absolute path, not inside Cove's data folder. Returns it as given (trimmed).
pub fn check_extra_folder(data: &Path, folder: &str) -> Result<PathBuf> {
    let trimmed = folder.trim();
    let path = PathBuf::from(trimmed);
    if trimmed.is_empty() || !path.is_absolute() {
        return Err(BackupError::InvalidInput(
            "Please choose a folder with the folder picker.".into(),
        ));
    }
    if !path.is_dir() {
        return Err(BackupError::InvalidInput(
            "That folder can't be found. Please choose a folder that exists (and plug in the drive if it's on one).".into(),
        ));
    }
    let real = path
        .canonicalize()
        .map_err(|e| BackupError::io("open that folder", e))?;
    let data_real = data
        .canonicalize()
        .map_err(|e| BackupError::io("open its data folder", e))?;
    if real.starts_with(&data_real) {
        return Err(BackupError::InvalidInput(
            "That folder is inside Cove's own data folder. Please choose a folder somewhere else, ideally on another drive or a USB stick.".into(),
        ));
    }
    // Writable? Create and remove a probe file the way backups are written.
    let probe = TempFile::new(&path, "cove-probe");
    let writable = fsutil::open_private(probe.path(), true)
        .and_then(|mut f| f.write_all(b"cove").and_then(|()| f.sync_all()));
    drop(probe);
    if let Err(e) = writable {
        if super::error::is_full(&e) {
            return Err(BackupError::StorageFull);
        }
        return Err(BackupError::InvalidInput(
            "Cove can't write in that folder. Please choose a folder you can save files in.".into(),
        ));
    }
    Ok(path)
}

/// The newest `made_at` among the backups listed.
pub fn last_backup_at(files: &[BackupFile]) -> Option<String> {
    files.first().map(|f| f.made_at.clone())
}

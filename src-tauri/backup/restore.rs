//! Reading a backup: what it holds (`inspect`), and staging it to replace the journal
//! (`stage_restore`; the switch itself is `VaultDir::switch_to_staged`, see `vault/swap.rs`).
//!
//! Both check everything before they use anything: the container (magic, version, lengths,
//! checksum), the journal's schema version (newer → `TooNew`), the key slots (the passphrase or
//! recovery code must open them), and the database (it must open with the unwrapped key and pass
//! `integrity_check` and `cipher_integrity_check`). The database is unpacked into a file inside
//! the data folder (`0600`): a private temporary file for `inspect` (always deleted afterwards),
//! the staged `cove.db.restore` for a restore.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OpenFlags};
use secrecy::ExposeSecret;

use super::container::{self, Opened};
use super::copy::{check_database, sync_file};
use super::error::{BackupError, Result};
use super::jobs::CancelToken;
use super::model::{BackupKind, BackupSecret, BackupSummary};
use super::store::{make_backup, Folders, Options, Outcome, TempFile};
use crate::vault::{
    self, fsutil, migrations, open_keyed, DataKey, KeyFileSecret, SwitchStep, Vault, VaultDir,
    VaultError, VaultId, STAGED_DB, STAGED_KEYS,
};

/// The open journal, when there is one: its id and a copy of its data key (for `current`).
pub struct OpenJournal {
    pub vault_id: VaultId,
    pub dek: DataKey,
}

/// A staged restore, ready for `VaultDir::switch_to_staged`.
pub struct Staged {
    pub vault_id: VaultId,
    pub dek: DataKey,
    /// True when the backup is of the journal open now (its key file was kept).
    pub same_journal: bool,
}

/// What a backup holds. Changes nothing; works with no journal (except for `current`).
pub fn inspect(
    dir: &VaultDir,
    path: &Path,
    secret: &BackupSecret,
    open: Option<&OpenJournal>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<BackupSummary> {
    let tmp = TempFile::new(dir.path(), "cove-inspect.db");
    let (opened, vault_id, dek) = unpack(tmp.path(), path, secret, open, progress)?;
    let conn = open_checked(tmp.path(), &dek)?;
    let (entries, first_day, last_day) = count_entries(&conn)?;
    drop(conn);
    drop(tmp);
    Ok(BackupSummary {
        made_at: opened.header.made_at,
        entries,
        first_day,
        last_day,
        app_version: opened.header.app_version,
        size_bytes: opened.file_len,
        same_journal: dir.stored_vault_id() == Some(vault_id),
    })
}

/// Unpacks and checks the backup into the staged files in the data folder. With a journal open
/// and the backup of that same journal, its current key file is kept (so today's passphrase,
/// recovery code and PIN keep working); otherwise the backup's key file is staged. On any error
/// the staged files are removed and nothing else has changed.
pub fn stage_restore(
    dir: &VaultDir,
    path: &Path,
    secret: &BackupSecret,
    open: Option<&OpenJournal>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Staged> {
    dir.discard_staged()?;
    let staged = stage(dir, path, secret, open, progress);
    if staged.is_err() {
        let _ = dir.discard_staged();
    }
    staged
}

fn stage(
    dir: &VaultDir,
    path: &Path,
    secret: &BackupSecret,
    open: Option<&OpenJournal>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Staged> {
    let staged_db = dir.path().join(STAGED_DB);
    let (opened, vault_id, dek) = unpack(&staged_db, path, secret, open, progress)?;
    let conn = open_checked(&staged_db, &dek)?;
    drop(conn);
    sync_file(&staged_db)?;

    let same_journal = open.is_some_and(|o| o.vault_id == vault_id);
    let keys = if same_journal {
        dir.key_file_bytes()?
    } else {
        opened.keys
    };
    let staged_keys = dir.path().join(STAGED_KEYS);
    let mut file = fsutil::open_private(&staged_keys, true)
        .map_err(|e| BackupError::io("prepare the restore", e))?;
    file.write_all(&keys)
        .and_then(|()| file.sync_all())
        .map_err(|e| BackupError::io("prepare the restore", e))?;
    fsutil::fsync_dir(dir.path()).map_err(|e| BackupError::io("prepare the restore", e))?;
    Ok(Staged {
        vault_id,
        dek,
        same_journal,
    })
}

/// Checks the container at `path`, writes its database to `out_path` (created `0600`), and
/// opens its key: returns the checked container, the journal's id and its data key.
fn unpack(
    out_path: &Path,
    path: &Path,
    secret: &BackupSecret,
    open: Option<&OpenJournal>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(Opened, VaultId, DataKey)> {
    let file = fsutil::open_private(out_path, true)
        .map_err(|e| BackupError::io("unpack the backup", e))?;
    let mut out = BufWriter::with_capacity(1024 * 1024, file);
    let opened = container::open_container(path, &mut out, &mut |done, total| {
        progress(done, total);
        Ok(())
    })?;
    let file: File = out
        .into_inner()
        .map_err(|e| BackupError::io("unpack the backup", e.into_error()))?;
    file.sync_all()
        .map_err(|e| BackupError::io("unpack the backup", e))?;
    drop(file);

    let header = &opened.header;
    if header.schema_version > migrations::latest_version() {
        return Err(BackupError::TooNew);
    }
    let file_id = vault::key_file_vault_id(&opened.keys)
        .map_err(|_| BackupError::damaged("key file does not parse"))?;
    if file_id.to_hex() != header.vault_id {
        return Err(BackupError::damaged(
            "header and key file name different journals",
        ));
    }
    let (vault_id, dek) = open_key(&opened.keys, file_id, secret, open)?;
    Ok((opened, vault_id, dek))
}

fn open_key(
    keys: &[u8],
    file_id: VaultId,
    secret: &BackupSecret,
    open: Option<&OpenJournal>,
) -> Result<(VaultId, DataKey)> {
    let opened = match secret {
        BackupSecret::Current => {
            let open = open.ok_or(BackupError::Vault(VaultError::Locked))?;
            if open.vault_id != file_id {
                return Err(BackupError::WrongSecret);
            }
            return Ok((
                file_id,
                secrecy::SecretBox::init_with_mut(|k: &mut [u8; vault::KEY_LEN]| {
                    k.copy_from_slice(open.dek.expose_secret())
                }),
            ));
        }
        BackupSecret::Passphrase { value } => {
            vault::open_key_file(keys, KeyFileSecret::Passphrase(value))
        }
        BackupSecret::RecoveryCode { value } => {
            vault::open_key_file(keys, KeyFileSecret::RecoveryCode(value))
        }
    };
    opened.map_err(|e| match e {
        VaultError::WrongSecret { .. } => BackupError::WrongSecret,
        VaultError::Corrupt(_) => BackupError::damaged("key file does not parse"),
        other => BackupError::Vault(other),
    })
}

/// Opens an unpacked database with its key and checks it thoroughly; a database that does not
/// open with the key its own slots unwrapped, or fails a check, is damaged.
fn open_checked(path: &Path, dek: &DataKey) -> Result<Connection> {
    let conn =
        open_keyed(path, dek.expose_secret(), OpenFlags::SQLITE_OPEN_READ_WRITE).map_err(|e| {
            match BackupError::db(e) {
                BackupError::Vault(VaultError::Corrupt(_)) => {
                    BackupError::damaged("database does not open with its key")
                }
                other => other,
            }
        })?;
    conn.execute_batch("PRAGMA query_only = ON;")?;
    check_database(&conn).map_err(|e| match e {
        BackupError::Vault(VaultError::Corrupt(_)) => BackupError::damaged("database is corrupt"),
        other => other,
    })?;
    let schema: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if schema > migrations::latest_version() {
        return Err(BackupError::TooNew);
    }
    Ok(conn)
}

/// Entries outside the trash and the first and last day with one. Schema v1 had no trash and
/// no `day` column: the date part of `created_at` is used there.
fn count_entries(conn: &Connection) -> Result<(u32, Option<String>, Option<String>)> {
    let schema: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let sql = if schema >= 2 {
        "SELECT count(*), min(day), max(day) FROM entries WHERE deleted_at IS NULL"
    } else {
        "SELECT count(*), min(substr(created_at, 1, 10)), max(substr(created_at, 1, 10)) \
         FROM entries"
    };
    let (n, first, last): (i64, Option<String>, Option<String>) =
        conn.query_row(sql, [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok((u32::try_from(n).unwrap_or(u32::MAX), first, last))
}

/// What a finished restore did besides switching: the backup of the journal it replaced.
#[derive(Debug)]
pub struct Restored {
    /// The `before_restore` backup (none on a fresh install).
    pub before: Option<Outcome>,
    /// True when the backup was of the journal that was open.
    pub same_journal: bool,
}

/// Replaces the journal with the backup at `path` and leaves the restored journal open in
/// `session`.
///
/// With a journal in the folder it must be open (`session` is `Some`, else `Locked`). Order:
/// the backup is checked and staged; the open journal is backed up (`before_restore`, into
/// `folders`); it is locked; the folder switches over atomically (`VaultDir::switch_to_staged`);
/// the restored journal is opened with the key its slots gave. Until the switch's commit point
/// a failure changes nothing (and the open journal stays open); after it, the switch is only
/// ever finished (now, or by `VaultDir::open` after a crash).
pub fn restore(
    dir: &VaultDir,
    session: &mut Option<Vault>,
    path: &Path,
    secret: &BackupSecret,
    folders: &Folders,
    now: DateTime<FixedOffset>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Restored> {
    restore_until(dir, session, path, secret, folders, now, progress, None)
}

/// [`restore`], stopping right after `stop_after` of the switch as if the process had died
/// there (crash tests only).
#[allow(clippy::too_many_arguments)]
pub(crate) fn restore_until(
    dir: &VaultDir,
    session: &mut Option<Vault>,
    path: &Path,
    secret: &BackupSecret,
    folders: &Folders,
    now: DateTime<FixedOffset>,
    progress: &mut dyn FnMut(u64, u64),
    stop_after: Option<SwitchStep>,
) -> Result<Restored> {
    if dir.exists() && session.is_none() {
        return Err(BackupError::Vault(VaultError::Locked));
    }
    let open = session.as_ref().map(|v| OpenJournal {
        vault_id: v.vault_id(),
        dek: v.data_key_copy(),
    });
    let file_len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    // Progress: unpacking the backup, then backing up the open journal (about 3× its size).
    let current_len = session
        .as_ref()
        .and_then(|v| std::fs::metadata(v.dir().path().join(vault::DB_FILE)).ok())
        .map(|m| m.len() * 3)
        .unwrap_or(0);
    let total = file_len + current_len;
    let staged = stage_restore(dir, path, secret, open.as_ref(), &mut |done, _| {
        progress(done, total)
    })?;

    let before = match session.as_ref() {
        Some(vault) => {
            let source = vault.backup_source();
            let made = make_backup(
                &source,
                folders,
                BackupKind::BeforeRestore,
                now,
                &CancelToken::default(),
                Options::default(),
                &mut |done, all| {
                    let part = (done.saturating_mul(current_len))
                        .checked_div(all)
                        .unwrap_or(0);
                    progress(file_len + part, total)
                },
            );
            match made {
                Ok(outcome) => Some(outcome),
                Err(e) => {
                    let _ = dir.discard_staged();
                    return Err(e);
                }
            }
        }
        None => None,
    };

    if let Some(old) = session.take() {
        old.lock();
    }
    if let Err(e) = dir.switch_to_staged(stop_after) {
        if stop_after.is_some() {
            return Err(e.into());
        }
        if dir.path().join(vault::RESTORE_MARKER).exists() {
            // Past the commit point: finish now if the disk lets us (VaultDir::open will
            // otherwise finish it at the next start).
            swap_finish(dir)?;
        } else {
            // Before it: nothing changed; reopen the journal that was open.
            let _ = dir.discard_staged();
            if let Some(open) = open {
                *session = Some(Vault::open_with_data_key(dir, open.dek)?);
            }
            return Err(e.into());
        }
    }
    *session = Some(Vault::open_with_data_key(dir, staged.dek)?);
    progress(total, total);
    Ok(Restored {
        before,
        same_journal: staged.same_journal,
    })
}

fn swap_finish(dir: &VaultDir) -> Result<()> {
    dir.finish_interrupted_restore()?;
    Ok(())
}

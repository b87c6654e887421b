//! A consistent, encrypted copy of the journal's database, made without holding the session.
//!
//! A *second* connection to `cove.db`, keyed with the same data key, opens a read transaction:
//! in WAL mode that is a snapshot, so the app's own connection keeps saving entries while the
//! copy runs (they simply aren't in this copy). SQLite's online backup API then copies the
//! snapshot page by page into a new SQLCipher file keyed with the same data key. Because the
//! read transaction stays open across the steps, the copy never restarts however much the app
//! writes meanwhile. The copy is then fsynced, switched to rollback-journal mode (so it can be
//! read later without creating `-wal`/`-shm` files beside it) and checked with
//! `PRAGMA integrity_check` and `PRAGMA cipher_integrity_check`.

use std::fs::File;
use std::path::Path;
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::error::{BackupError, Result};
use super::jobs::CancelToken;
use crate::vault::{fsutil, open_keyed, BackupSource, KEY_LEN};

/// Pages copied per step: 256 pages of 4 KiB = 1 MiB between progress reports and cancel checks.
pub const PAGES_PER_STEP: i32 = 256;

/// What a finished copy is.
#[derive(Debug, Clone, Copy)]
pub struct Copied {
    /// `PRAGMA user_version` of the copied snapshot.
    pub schema_version: u32,
    /// Bytes of the copy.
    pub bytes: u64,
}

/// Copies the journal of `source` into a new file `dest` (which must not exist yet; it is
/// created `0600`). `progress(done, total)` reports bytes copied and may stop the copy by
/// returning an error. On error, `dest` may be left behind: the caller removes it.
pub fn copy_database(
    source: &BackupSource,
    dest: &Path,
    cancel: &CancelToken,
    pages_per_step: i32,
    progress: &mut dyn FnMut(u64, u64) -> Result<()>,
) -> Result<Copied> {
    cancel.check()?;
    let src = source.open_connection()?;
    let watch_src = cancel.watch(&src);
    src.execute_batch("PRAGMA query_only = ON;")?;
    // The snapshot starts with the first read inside this transaction and lasts until COMMIT.
    src.execute_batch("BEGIN DEFERRED;")?;
    let schema_version: u32 = src.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let page_size = page_size(&src)?;

    fsutil::open_private(dest, true).map_err(|e| BackupError::io("write the backup", e))?;
    let mut dst = open_keyed(dest, source.data_key(), OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    // The temporary copy needs no journal of its own (a failed copy is deleted) and is fsynced
    // by hand once complete.
    dst.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")?;
    {
        let _watch_dst = cancel.watch(&dst);
        let backup = Backup::new(&src, &mut dst)?;
        loop {
            cancel.check()?;
            match backup.step(pages_per_step) {
                Ok(StepResult::Done) => break,
                Ok(StepResult::More) => {}
                Ok(_) => std::thread::sleep(Duration::from_millis(5)),
                Err(e) => {
                    drop(backup);
                    return Err(dest_error(&dst, e));
                }
            }
            let p = backup.progress();
            let total = p.pagecount.max(0) as u64 * page_size;
            let done = (p.pagecount - p.remaining).max(0) as u64 * page_size;
            progress(done, total)?;
        }
    }
    src.execute_batch("COMMIT;")?;
    drop(watch_src);
    close(src)?;
    close(dst)?;
    cancel.check()?;
    sync_file(dest)?;

    finish_copy(dest, source.data_key(), schema_version, cancel)?;
    let bytes = std::fs::metadata(dest)
        .map_err(|e| BackupError::io("check the backup", e))?
        .len();
    progress(bytes, bytes)?;
    Ok(Copied {
        schema_version,
        bytes,
    })
}

/// Puts the copy in rollback-journal mode, checks it, and fsyncs it again.
fn finish_copy(
    dest: &Path,
    dek: &[u8; KEY_LEN],
    schema_version: u32,
    cancel: &CancelToken,
) -> Result<()> {
    let conn = open_keyed(dest, dek, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    {
        let _watch = cancel.watch(&conn);
        // Page 1 came from a WAL-mode database; leaving WAL mode rewrites the header so that
        // reading the copy later needs no -wal/-shm files.
        let mode: String = conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
            .map_err(|e| dest_error(&conn, e))?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(BackupError::damaged(format!(
                "the copy stayed in {mode} mode"
            )));
        }
        check_database(&conn)?;
        let copied_schema: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if copied_schema != schema_version {
            return Err(BackupError::damaged("the copy's schema version differs"));
        }
    }
    close(conn)?;
    sync_file(dest)?;
    if is_plain_sqlite(dest)? {
        // Never package a copy that isn't encrypted.
        return Err(BackupError::damaged("the copy is not encrypted"));
    }
    Ok(())
}

/// `PRAGMA integrity_check` must say "ok" and `PRAGMA cipher_integrity_check` (every page's
/// HMAC) must report nothing; otherwise the database is damaged.
pub fn check_database(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<_>>()?;
    if rows != ["ok"] {
        return Err(BackupError::damaged("integrity_check failed"));
    }
    let mut stmt = conn.prepare("PRAGMA cipher_integrity_check")?;
    let problems = stmt.query_map([], |r| r.get::<_, String>(0))?.count();
    if problems != 0 {
        return Err(BackupError::damaged("cipher_integrity_check failed"));
    }
    Ok(())
}

/// True when `path` starts with SQLite's plaintext header.
pub fn is_plain_sqlite(path: &Path) -> Result<bool> {
    use std::io::Read;
    let mut head = [0u8; 16];
    let mut file = File::open(path).map_err(|e| BackupError::io("check the backup", e))?;
    let n = file
        .read(&mut head)
        .map_err(|e| BackupError::io("check the backup", e))?;
    Ok(n == 16 && &head == b"SQLite format 3\0")
}

/// The page size (SQLCipher answers `PRAGMA page_size` as text, SQLite as a number).
fn page_size(conn: &Connection) -> Result<u64> {
    use rusqlite::types::Value;
    let value: Value = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    let size = match value {
        Value::Integer(n) => u64::try_from(n).ok(),
        Value::Text(t) => t.trim().parse().ok(),
        _ => None,
    };
    Ok(size.filter(|n| *n > 0).unwrap_or(4096))
}

pub(crate) fn sync_file(path: &Path) -> Result<()> {
    File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| BackupError::io("write the backup", e))
}

fn close(conn: Connection) -> Result<()> {
    conn.close().map_err(|(_, e)| BackupError::db(e))
}

/// A database error on the copy's own file. SQLite reports a full disk as `SQLITE_FULL` only for
/// ENOSPC; a full quota (EDQUOT) or a file-size limit (EFBIG) arrive as a generic write error,
/// so the OS error behind it is asked for too.
pub(crate) fn dest_error(conn: &Connection, err: rusqlite::Error) -> BackupError {
    if err.sqlite_error_code() == Some(rusqlite::ffi::ErrorCode::SystemIoFailure) {
        // SAFETY: `conn` is open; sqlite3_system_errno only reads the connection's last OS
        // error code.
        let errno = unsafe { rusqlite::ffi::sqlite3_system_errno(conn.handle()) };
        if super::error::is_full(&std::io::Error::from_raw_os_error(errno)) {
            return BackupError::StorageFull;
        }
    }
    BackupError::db(err)
}

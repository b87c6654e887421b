//! Opening the SQLCipher database with the raw data key and the pragmas Cove relies on.

use std::fmt::Write as _;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{Error as MigrationError, MigrationDefinitionError};
use zeroize::Zeroizing;

use super::error::{Result, VaultError};
use super::kdf::KEY_LEN;
use super::migrations::migrations;

/// Opens `path` keyed with `dek`, checks the key, sets the pragmas and runs migrations.
///
/// `create` allows creating a new file; unlocking never creates one (a missing database next
/// to an existing key file is reported as damage, not silently replaced by an empty journal).
pub(crate) fn open_database(path: &Path, dek: &[u8; KEY_LEN], create: bool) -> Result<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let mut conn = Connection::open_with_flags(path, flags)?;
    // Process-wide: SQLCipher would otherwise print warnings to stderr. Set before the key.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    apply_key(&conn, dek)?;
    // The first read proves the key: a wrong key reads as "file is not a database".
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })?;

    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(VaultError::Internal(format!("journal_mode stayed {mode}")));
    }
    // FULL: a commit that returned has reached the disk (WAL fsync per commit).
    // secure_delete: deleted text is overwritten inside the (encrypted) pages too.
    // temp_store = MEMORY: sorts and temporary tables never touch a temp file.
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY;",
    )?;
    migrations()
        .to_latest(&mut conn)
        .map_err(map_migration_error)?;
    Ok(conn)
}

/// Opens an existing SQLCipher file keyed with `dek` and proves the key with one read, without
/// touching its journal mode, pragmas or schema (backups and their checks use this: the copy
/// connection, the integrity checks on a fresh copy, reading a backup's database).
pub(crate) fn open_keyed(
    path: &Path,
    dek: &[u8; KEY_LEN],
    flags: OpenFlags,
) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    apply_key(&conn, dek)?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })?;
    conn.execute_batch("PRAGMA temp_store = MEMORY;")?;
    Ok(conn)
}

/// `PRAGMA key = "x'<hex>'"`: SQLCipher's raw-key form, so no PBKDF2 runs on open. The
/// statement text is built in zeroizing memory (rusqlite passes it to SQLite without copying).
fn apply_key(conn: &Connection, dek: &[u8; KEY_LEN]) -> rusqlite::Result<()> {
    let mut sql = Zeroizing::new(String::with_capacity(32 + KEY_LEN * 2));
    sql.push_str("PRAGMA key = \"x'");
    for b in dek.iter() {
        // Writing into a String cannot fail.
        let _ = write!(sql, "{b:02x}");
    }
    sql.push_str("'\";");
    conn.execute_batch(&sql)?;
    Ok(())
}

fn map_migration_error(err: MigrationError) -> VaultError {
    match err {
        MigrationError::RusqliteError { err, .. } => VaultError::db(err),
        MigrationError::MigrationDefinition(MigrationDefinitionError::DatabaseTooFarAhead) => {
            VaultError::Corrupt(
                "This journal was saved by a newer version of Cove. Please update Cove to open it."
                    .into(),
            )
        }
        other => VaultError::Internal(format!("migration: {other}")),
    }
}

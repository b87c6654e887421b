//! JSON values kept in the encrypted database's `settings` table (one row per key, the value
//! as JSON text). Domain modules that store a small document inside the vault (the profile,
//! the safety plan) go through these functions.

use rusqlite::{params, Connection, OptionalExtension};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::error::{Result, VaultError};

/// Reads the JSON value stored under `key`, or `None` when nothing was saved yet. A value
/// that no longer parses is `Corrupt`, with `what` (plain words, e.g. "safety plan") naming it.
pub fn load_json<T: DeserializeOwned>(
    conn: &Connection,
    key: &str,
    what: &str,
) -> Result<Option<T>> {
    let json: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            params![key],
            |r| r.get(0),
        )
        .optional()?;
    json.map(|text| {
        serde_json::from_str(&text)
            .map_err(|_| VaultError::Corrupt(format!("The saved {what} couldn't be read.")))
    })
    .transpose()
}

/// Stores `value` as JSON under `key`, replacing what was there (one statement, so atomic).
pub fn save_json<T: Serialize>(conn: &Connection, key: &str, value: &T) -> Result<()> {
    let json = serde_json::to_string(value)
        .map_err(|e| VaultError::Internal(format!("{key} json: {e}")))?;
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, json],
    )?;
    Ok(())
}

/// Removes the value stored under `key` (nothing happens when there is none).
pub fn remove(conn: &Connection, key: &str) -> Result<()> {
    conn.execute("DELETE FROM settings WHERE key = ?1", params![key])?;
    Ok(())
}

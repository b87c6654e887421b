//! Schema migrations of the encrypted database, tracked in SQLite's `user_version`.
//!
//! Append only: never edit or reorder a migration that has shipped; add a new `M::up` at the
//! end. Each runs in a transaction when the vault is created or unlocked.

use rusqlite_migration::{Migrations, M};

const MIGRATIONS: &[M<'static>] = &[
    // v1: settings (key/value, e.g. the profile as JSON) and journal entries.
    M::up(
        "CREATE TABLE settings (
             key   TEXT PRIMARY KEY,
             value TEXT NOT NULL
         );
         CREATE TABLE entries (
             id         INTEGER PRIMARY KEY,
             kind       TEXT NOT NULL,
             title      TEXT,
             body       TEXT NOT NULL,
             created_at TEXT NOT NULL,
             updated_at TEXT NOT NULL
         );",
    ),
];

/// All migrations, oldest first.
pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
    }
}

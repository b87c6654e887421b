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
    // v2: the journal (`src-tauri/journal/`). `entries` is rebuilt with the v1 columns plus the
    // new ones, small columns first and the body last, so that filtering and sorting never read
    // through a long body's overflow pages. `created_ms` and `day` are always set: by the
    // journal, or from `created_at` by a trigger for rows inserted the v1 way. v1 rows keep
    // their id, title, body and times; their kind becomes `free` unless it is already a known
    // kind, `created_ms` is the instant of `created_at` and `day` its local date as written.
    M::up(
        "CREATE TABLE entries_v2 (
             id           INTEGER PRIMARY KEY,
             kind         TEXT NOT NULL,
             created_ms   INTEGER,
             day          TEXT,
             created_at   TEXT NOT NULL,
             updated_at   TEXT NOT NULL,
             deleted_ms   INTEGER,
             deleted_at   TEXT,
             mood         REAL,
             prompt_id    TEXT,
             checkin      TEXT,
             checkin_text TEXT NOT NULL DEFAULT '',
             tag_text     TEXT NOT NULL DEFAULT '',
             title        TEXT,
             body         TEXT NOT NULL
         );
         INSERT INTO entries_v2 (id, kind, created_ms, day, created_at, updated_at, title, body)
         SELECT id,
                CASE WHEN kind IN ('reflection', 'goal_checkin') THEN kind ELSE 'free' END,
                COALESCE(CAST(round((julianday(created_at) - 2440587.5) * 86400000.0)
                              AS INTEGER), 0),
                CASE WHEN created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
                     THEN substr(created_at, 1, 10)
                     ELSE COALESCE(date(created_at), '1970-01-01') END,
                created_at, updated_at,
                title, body
         FROM entries;
         DROP TABLE entries;
         ALTER TABLE entries_v2 RENAME TO entries;

         -- A row inserted the v1 way (without created_ms/day) gets them from created_at.
         CREATE TRIGGER entries_fill_times AFTER INSERT ON entries
         WHEN new.created_ms IS NULL OR new.day IS NULL BEGIN
             UPDATE entries SET
                 created_ms = COALESCE(new.created_ms,
                     CAST(round((julianday(new.created_at) - 2440587.5) * 86400000.0)
                          AS INTEGER), 0),
                 day = COALESCE(new.day,
                     CASE WHEN new.created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
                          THEN substr(new.created_at, 1, 10)
                          ELSE COALESCE(date(new.created_at), '1970-01-01') END)
             WHERE id = new.id;
         END;

         CREATE INDEX entries_timeline ON entries (created_ms DESC, id DESC, kind, day)
             WHERE deleted_at IS NULL;
         CREATE INDEX entries_day ON entries (day, kind, mood) WHERE deleted_at IS NULL;
         CREATE INDEX entries_trash ON entries (deleted_ms) WHERE deleted_at IS NOT NULL;

         CREATE TABLE entry_tags (
             entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
             pos      INTEGER NOT NULL,
             tag      TEXT NOT NULL,
             tag_key  TEXT NOT NULL,
             PRIMARY KEY (entry_id, pos)
         ) WITHOUT ROWID;
         CREATE INDEX entry_tags_key ON entry_tags (tag_key, tag, entry_id);

         CREATE TABLE entry_feelings (
             entry_id  INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
             feeling   TEXT NOT NULL,
             intensity INTEGER NOT NULL,
             PRIMARY KEY (entry_id, feeling)
         ) WITHOUT ROWID;
         CREATE INDEX entry_feelings_feeling ON entry_feelings (feeling, entry_id);

         CREATE VIRTUAL TABLE entries_fts USING fts5 (
             title, body, checkin_text, tag_text,
             content = 'entries', content_rowid = 'id',
             tokenize = 'unicode61 remove_diacritics 2',
             prefix = '2 3'
         );
         INSERT INTO entries_fts (entries_fts) VALUES ('rebuild');
         CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
             INSERT INTO entries_fts (rowid, title, body, checkin_text, tag_text)
             VALUES (new.id, new.title, new.body, new.checkin_text, new.tag_text);
         END;
         CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
             INSERT INTO entries_fts (entries_fts, rowid, title, body, checkin_text, tag_text)
             VALUES ('delete', old.id, old.title, old.body, old.checkin_text, old.tag_text);
         END;
         CREATE TRIGGER entries_fts_update
         AFTER UPDATE OF title, body, checkin_text, tag_text ON entries BEGIN
             INSERT INTO entries_fts (entries_fts, rowid, title, body, checkin_text, tag_text)
             VALUES ('delete', old.id, old.title, old.body, old.checkin_text, old.tag_text);
             INSERT INTO entries_fts (rowid, title, body, checkin_text, tag_text)
             VALUES (new.id, new.title, new.body, new.checkin_text, new.tag_text);
         END;",
    ),
    // v3: goals (`src-tauri/goals/`). Ids are AUTOINCREMENT so the id of a deleted goal (or
    // step, or proposal) is never given to a new one: goal check-ins and proposals keep the id
    // of a deleted goal (a dangling link that reads as "that goal is gone"), and a stale step
    // id must never match another step. Steps have an explicit position. `goal_checkins` holds
    // the goal part of `goal_checkin` entries and goes with its entry.
    M::up(
        "CREATE TABLE goals (
             id                  INTEGER PRIMARY KEY AUTOINCREMENT,
             status              TEXT NOT NULL,
             created_ms          INTEGER NOT NULL,
             created_at          TEXT NOT NULL,
             updated_at          TEXT NOT NULL,
             status_changed_at   TEXT NOT NULL,
             area                TEXT,
             target_date         TEXT,
             made_with_counselor INTEGER NOT NULL DEFAULT 0,
             reminder            TEXT,
             counselor_words     TEXT,
             title               TEXT NOT NULL,
             why                 TEXT
         );
         CREATE INDEX goals_list ON goals (status, created_ms DESC, id DESC);

         CREATE TABLE goal_steps (
             id      INTEGER PRIMARY KEY AUTOINCREMENT,
             goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
             pos     INTEGER NOT NULL,
             done_at TEXT,
             text    TEXT NOT NULL
         );
         CREATE INDEX goal_steps_goal ON goal_steps (goal_id, pos);

         CREATE TABLE goal_checkins (
             entry_id   INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
             goal_id    INTEGER NOT NULL,
             in_the_way TEXT,
             next_step  TEXT
         );
         CREATE INDEX goal_checkins_goal ON goal_checkins (goal_id, entry_id);

         CREATE TABLE proposals (
             id          INTEGER PRIMARY KEY AUTOINCREMENT,
             source_id   TEXT UNIQUE,
             kind        TEXT NOT NULL,
             status      TEXT NOT NULL,
             received_ms INTEGER NOT NULL,
             received_at TEXT NOT NULL,
             decided_at  TEXT,
             for_goal_id INTEGER,
             goal_id     INTEGER REFERENCES goals (id) ON DELETE SET NULL,
             from_name   TEXT NOT NULL,
             title       TEXT NOT NULL,
             why         TEXT,
             steps       TEXT NOT NULL DEFAULT '[]',
             note        TEXT
         );
         CREATE INDEX proposals_goal ON proposals (goal_id);",
    ),
    // v4: the identity space (`src-tauri/identity/`). `identity_parts` holds the identity part
    // of a `reflection` entry (a try-on, a moment, an identity reflection) and goes with its
    // entry; `pronouns` is the pronoun set tried, as JSON. Existing rows are untouched.
    M::up(
        "CREATE TABLE identity_parts (
             entry_id INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
             kind     TEXT NOT NULL,
             name     TEXT,
             pronouns TEXT,
             felt     INTEGER,
             moment   TEXT
         );",
    ),
    // v5: sharing (`src-tauri/sharing/`), all its tables at once. `share_contacts`: paired people
    // (a name and their age public key; one contact per key). `share_log`: every share that
    // went out, `items` a JSON list of what went. `share_inbox`: shares a counselor imported,
    // `payload` the share's JSON, `notes` the counselor's private notes. `share_imports`: every
    // imported share id (both sides), so the same file imported twice adds nothing. This
    // journal's own key pair is the settings row `sharing_key`. Existing rows are untouched.
    M::up(
        "CREATE TABLE share_contacts (
             id              INTEGER PRIMARY KEY,
             role            TEXT NOT NULL,
             name            TEXT NOT NULL,
             recipient       TEXT NOT NULL UNIQUE,
             paired_at       TEXT NOT NULL,
             key_replaced_at TEXT
         );

         CREATE TABLE share_log (
             id         INTEGER PRIMARY KEY,
             share_id   TEXT NOT NULL,
             at         TEXT NOT NULL,
             method     TEXT NOT NULL,
             to_name    TEXT,
             contact_id INTEGER,
             items      TEXT NOT NULL
         );

         CREATE TABLE share_inbox (
             id          INTEGER PRIMARY KEY,
             share_id    TEXT NOT NULL UNIQUE,
             contact_id  INTEGER,
             client_name TEXT NOT NULL,
             received_at TEXT NOT NULL,
             payload     TEXT NOT NULL,
             notes       TEXT
         );
         CREATE INDEX share_inbox_contact ON share_inbox (contact_id);

         CREATE TABLE share_imports (
             share_id    TEXT PRIMARY KEY,
             imported_at TEXT NOT NULL
         );",
    ),
];

/// All migrations, oldest first.
pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

/// The newest schema version this build knows (`PRAGMA user_version` after all migrations).
/// A backup made at a higher version comes from a newer Cove and is refused.
pub fn latest_version() -> u32 {
    MIGRATIONS.len() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
    }
}

//! The baseline "naive" journal: each entry encrypted on its own (XChaCha20-Poly1305, one random
//! nonce per entry) in a plain SQLite table, and searched the only way such a design can — by
//! decrypting every entry and scanning its text. Many journal apps that "encrypt entries" work
//! like this; it is here only to measure against.

use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use cove_lib::journal::EntryDraft;
use rusqlite::{params, Connection};
use std::path::Path;

pub struct NaiveJournal {
    conn: Connection,
    cipher: XChaCha20Poly1305,
}

impl NaiveJournal {
    pub fn create(path: &Path) -> NaiveJournal {
        let conn = Connection::open(path).expect("open naive db");
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
             CREATE TABLE entries (id INTEGER PRIMARY KEY, created_ms INTEGER NOT NULL,
                                   nonce BLOB NOT NULL, data BLOB NOT NULL);",
        )
        .expect("naive schema");
        NaiveJournal {
            conn,
            cipher: XChaCha20Poly1305::new(&XChaCha20Poly1305::generate_key(&mut OsRng)),
        }
    }

    pub fn insert_all(&self, entries: &[(i64, &EntryDraft)]) {
        let tx = self.conn.unchecked_transaction().expect("tx");
        {
            let mut stmt = tx
                .prepare("INSERT INTO entries (created_ms, nonce, data) VALUES (?1, ?2, ?3)")
                .expect("prepare");
            for (created_ms, draft) in entries {
                let plain = serde_json::to_vec(draft).expect("json");
                let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
                let data = self
                    .cipher
                    .encrypt(&nonce, plain.as_slice())
                    .expect("encrypt");
                stmt.execute(params![created_ms, nonce.as_slice(), data])
                    .expect("insert");
            }
        }
        tx.commit().expect("commit");
    }

    /// Decrypts every entry, keeps those containing every word (lower-cased substring match,
    /// which favours this baseline: no accent folding, no word boundaries), ranks them by how
    /// often the words occur, newest first on ties, and returns the best `limit` ids.
    pub fn search(&self, text: &str, limit: usize) -> Vec<i64> {
        let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, created_ms, nonce, data FROM entries")
            .expect("prepare");
        let mut rows = stmt.query([]).expect("query");
        let mut hits: Vec<(usize, i64, i64)> = Vec::new();
        while let Some(row) = rows.next().expect("row") {
            let id: i64 = row.get(0).expect("id");
            let created_ms: i64 = row.get(1).expect("created");
            let nonce: Vec<u8> = row.get(2).expect("nonce");
            let data: Vec<u8> = row.get(3).expect("data");
            let plain = self
                .cipher
                .decrypt(XNonce::from_slice(&nonce), data.as_slice())
                .expect("decrypt");
            let draft: EntryDraft = serde_json::from_slice(&plain).expect("json");
            let mut haystack = draft.body.to_lowercase();
            if let Some(title) = &draft.title {
                haystack.push('\n');
                haystack.push_str(&title.to_lowercase());
            }
            if let Some(c) = &draft.checkin {
                for t in [&c.going_on, &c.helped].into_iter().flatten() {
                    haystack.push('\n');
                    haystack.push_str(&t.to_lowercase());
                }
            }
            if words.iter().all(|w| haystack.contains(w.as_str())) {
                let score = words
                    .iter()
                    .map(|w| haystack.matches(w.as_str()).count())
                    .sum();
                hits.push((score, created_ms, id));
            }
        }
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
        hits.into_iter().take(limit).map(|h| h.2).collect()
    }
}

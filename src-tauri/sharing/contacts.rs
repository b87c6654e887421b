//! Paired people: a name and their age public key (`share_contacts`). A client's counselors,
//! a counselor's clients. One contact per key; this journal's own key is never a contact.

use std::str::FromStr;

use chrono::{DateTime, FixedOffset};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::error::{Result, SharingError};
use super::keys::{existing_recipient, fingerprint};
use super::model::{Contact, ContactDraft, ContactRole};
use crate::journal::stamp;
use crate::vault::VaultError;

/// The longest contact name, in characters.
pub const CONTACT_NAME_MAX_CHARS: usize = 100;

/// Every contact, by name (then by when they were added).
pub fn list_contacts(conn: &Connection) -> Result<Vec<Contact>> {
    let mut stmt = conn.prepare(
        "SELECT id, role, name, recipient, paired_at, key_replaced_at
           FROM share_contacts ORDER BY name COLLATE NOCASE, id",
    )?;
    let rows = stmt.query_map([], read_row)?;
    rows.map(|row| row?).collect()
}

/// One contact, or `NotFound`.
pub fn get_contact(conn: &Connection, id: i64) -> Result<Contact> {
    find(conn, "id = ?1", params![id])?.ok_or(SharingError::NotFound)
}

/// The contact whose key is `recipient` (compared in its canonical form), if any.
pub fn contact_by_recipient(conn: &Connection, recipient: &str) -> Result<Option<Contact>> {
    let Ok(key) = parse_key(recipient) else {
        return Ok(None);
    };
    find(conn, "recipient = ?1", params![key])
}

/// Adds a contact (`id` null) or changes one. The name is trimmed: 1–100 characters, no line
/// breaks or other control characters. The key is an age X25519 public key (`age1…`; spaces
/// and line breaks pasted with it are ignored, and it is stored in its canonical lower-case
/// form); this journal's own key and a key another contact already has are refused. Changing
/// the key of a contact keeps its name, its pairing date and its history, and sets
/// `key_replaced_at`.
pub fn save_contact(
    conn: &Connection,
    draft: &ContactDraft,
    now: DateTime<FixedOffset>,
) -> Result<Contact> {
    let name = clean_name(&draft.name)?;
    let recipient = parse_key(&draft.recipient)?;
    if existing_recipient(conn)?.as_deref() == Some(recipient.as_str()) {
        return Err(SharingError::invalid(
            "That's this journal's own key. Please use the other person's key: it starts with \
             age1…",
        ));
    }
    let taken: Option<i64> = conn
        .query_row(
            "SELECT id FROM share_contacts WHERE recipient = ?1 AND id IS NOT ?2",
            params![recipient, draft.id],
            |r| r.get(0),
        )
        .optional()?;
    if taken.is_some() {
        return Err(SharingError::invalid(
            "You already have a contact with that key.",
        ));
    }
    let now = stamp(&now);
    let role = role_text(draft.role);
    let id = match draft.id {
        None => {
            conn.execute(
                "INSERT INTO share_contacts (role, name, recipient, paired_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![role, name, recipient, now],
            )?;
            conn.last_insert_rowid()
        }
        Some(id) => {
            let old = get_contact(conn, id)?;
            let replaced = if old.recipient == recipient {
                old.key_replaced_at
            } else {
                Some(now)
            };
            conn.execute(
                "UPDATE share_contacts
                    SET role = ?2, name = ?3, recipient = ?4, key_replaced_at = ?5
                  WHERE id = ?1",
                params![id, role, name, recipient, replaced],
            )?;
            id
        }
    };
    get_contact(conn, id)
}

/// Removes a contact. Shares already logged or received keep the name they had; their link
/// to this contact is cleared, so a contact added later is never mistaken for this one.
pub fn delete_contact(conn: &Connection, id: i64) -> Result<()> {
    let tx = conn.unchecked_transaction()?;
    if tx.execute("DELETE FROM share_contacts WHERE id = ?1", params![id])? == 0 {
        return Err(SharingError::NotFound);
    }
    tx.execute(
        "UPDATE share_log SET contact_id = NULL WHERE contact_id = ?1",
        params![id],
    )?;
    tx.execute(
        "UPDATE share_inbox SET contact_id = NULL WHERE contact_id = ?1",
        params![id],
    )?;
    tx.commit()?;
    Ok(())
}

/// An age X25519 public key in its canonical form, or a plain `invalid_input` that never
/// repeats what was pasted.
pub(crate) fn parse_key(text: &str) -> Result<String> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    if compact.starts_with("age-secret-key-1") {
        return Err(SharingError::invalid(
            "That's a secret key, which should stay on the computer it was made on. Please use \
             the public key instead: it starts with age1…",
        ));
    }
    age::x25519::Recipient::from_str(&compact)
        .map(|key| key.to_string())
        .map_err(|_| {
            SharingError::invalid("That doesn't look like a Cove key. It starts with age1…")
        })
}

fn clean_name(raw: &str) -> Result<String> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(SharingError::invalid("Please give this contact a name."));
    }
    if name.chars().count() > CONTACT_NAME_MAX_CHARS {
        return Err(SharingError::invalid(format!(
            "That name is a bit long: please keep it to {CONTACT_NAME_MAX_CHARS} characters or \
             fewer."
        )));
    }
    if name.chars().any(char::is_control) {
        return Err(SharingError::invalid(
            "The name can't contain line breaks or tabs.",
        ));
    }
    Ok(name.to_owned())
}

fn role_text(role: ContactRole) -> &'static str {
    match role {
        ContactRole::Counselor => "counselor",
        ContactRole::Client => "client",
    }
}

fn find(
    conn: &Connection,
    condition: &str,
    params: impl rusqlite::Params,
) -> Result<Option<Contact>> {
    conn.query_row(
        &format!(
            "SELECT id, role, name, recipient, paired_at, key_replaced_at
               FROM share_contacts WHERE {condition}"
        ),
        params,
        read_row,
    )
    .optional()?
    .transpose()
}

fn read_row(r: &Row<'_>) -> rusqlite::Result<Result<Contact>> {
    let role: String = r.get(1)?;
    let recipient: String = r.get(3)?;
    let role = match role.as_str() {
        "counselor" => ContactRole::Counselor,
        "client" => ContactRole::Client,
        _ => {
            return Ok(Err(SharingError::Vault(VaultError::Corrupt(
                "A saved contact couldn't be read.".to_owned(),
            ))))
        }
    };
    Ok(Ok(Contact {
        id: r.get(0)?,
        role,
        name: r.get(2)?,
        fingerprint: fingerprint(&recipient),
        recipient,
        paired_at: r.get(4)?,
        key_replaced_at: r.get(5)?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sharing::keys::my_key;
    use crate::test_support::{at, test_vault};

    const NOW: &str = "2026-03-10T09:30:00.250-05:00";
    const LATER: &str = "2026-04-01T18:00:00.000-05:00";

    fn new_key() -> String {
        age::x25519::Identity::generate().to_public().to_string()
    }

    fn draft(id: Option<i64>, name: &str, recipient: &str) -> ContactDraft {
        ContactDraft {
            id,
            role: ContactRole::Counselor,
            name: name.into(),
            recipient: recipient.into(),
        }
    }

    fn count(conn: &Connection) -> i64 {
        conn.query_row("SELECT count(*) FROM share_contacts", [], |r| r.get(0))
            .expect("count")
    }

    #[test]
    fn a_contact_is_saved_listed_and_read_back() {
        let tv = test_vault("pw");
        let key = new_key();
        let saved =
            save_contact(tv.conn(), &draft(None, "  Ms. Rivera ", &key), at(NOW)).expect("saved");
        assert_eq!(saved.name, "Ms. Rivera");
        assert_eq!(saved.role, ContactRole::Counselor);
        assert_eq!(saved.recipient, key);
        assert_eq!(saved.fingerprint, fingerprint(&key));
        assert_eq!(saved.paired_at, NOW);
        assert_eq!(saved.key_replaced_at, None);

        let client = save_contact(
            tv.conn(),
            &ContactDraft {
                role: ContactRole::Client,
                ..draft(None, "alex", &new_key())
            },
            at(NOW),
        )
        .expect("second");
        let all = list_contacts(tv.conn()).expect("list");
        assert_eq!(
            all,
            vec![client.clone(), saved.clone()],
            "by name, any case"
        );
        assert_eq!(get_contact(tv.conn(), saved.id).expect("get"), saved);
        assert_eq!(
            contact_by_recipient(tv.conn(), &key).expect("by key"),
            Some(saved)
        );
        assert_eq!(
            contact_by_recipient(tv.conn(), "not a key").expect("by key"),
            None
        );
    }

    #[test]
    fn a_pasted_key_with_spaces_line_breaks_or_capitals_is_understood() {
        let tv = test_vault("pw");
        let key = new_key();
        let messy = format!(
            "\n  {}\n{} \t",
            &key[..30].to_uppercase(),
            &key[30..].to_uppercase()
        );
        let saved = save_contact(tv.conn(), &draft(None, "Sam", &messy), at(NOW)).expect("saved");
        assert_eq!(saved.recipient, key);
    }

    #[test]
    fn bad_names_are_refused_with_plain_words_and_nothing_saved() {
        let tv = test_vault("pw");
        let key = new_key();
        for name in [
            "",
            "   ",
            "Line\nbreak",
            "Tab\there",
            &"n".repeat(CONTACT_NAME_MAX_CHARS + 1),
        ] {
            let err =
                save_contact(tv.conn(), &draft(None, name, &key), at(NOW)).expect_err("refused");
            assert_eq!(err.code(), "invalid_input");
            if !name.trim().is_empty() {
                assert!(!err.to_string().contains(name.trim()), "{err}");
            }
        }
        assert_eq!(count(tv.conn()), 0);
        // The longest name is fine, counted in characters, not bytes.
        let longest = "é".repeat(CONTACT_NAME_MAX_CHARS);
        let saved = save_contact(tv.conn(), &draft(None, &longest, &key), at(NOW)).expect("ok");
        assert_eq!(saved.name, longest);
    }

    #[test]
    fn things_that_are_not_a_public_key_are_refused_without_repeating_them() {
        let tv = test_vault("pw");
        let secret_text = age::x25519::Identity::generate().to_string();
        let secret_text = secrecy::ExposeSecret::expose_secret(&secret_text).to_owned();
        let key = new_key();
        let mut typo = key.clone();
        typo.replace_range(10..11, if &key[10..11] == "q" { "p" } else { "q" });
        for bad in [
            "",
            "hello",
            "age1",
            typo.as_str(),
            &key[..key.len() - 1],
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk8",
        ] {
            let err =
                save_contact(tv.conn(), &draft(None, "Sam", bad), at(NOW)).expect_err("refused");
            assert_eq!(err.code(), "invalid_input", "{bad}");
            assert_eq!(
                err.to_string(),
                "That doesn't look like a Cove key. It starts with age1…"
            );
        }
        let err = save_contact(tv.conn(), &draft(None, "Sam", &secret_text), at(NOW))
            .expect_err("a secret key");
        assert_eq!(err.code(), "invalid_input");
        assert!(err.to_string().contains("secret key"));
        assert!(!err.to_string().contains(&secret_text));
        assert_eq!(count(tv.conn()), 0);
    }

    #[test]
    fn this_journals_own_key_is_not_a_contact() {
        let tv = test_vault("pw");
        let mine = my_key(tv.conn(), at(NOW)).expect("mine");
        let err = save_contact(tv.conn(), &draft(None, "Me", &mine.recipient), at(NOW))
            .expect_err("own key");
        assert_eq!(err.code(), "invalid_input");
        assert!(err.to_string().contains("own key"));
        assert_eq!(count(tv.conn()), 0);
    }

    #[test]
    fn one_contact_per_key() {
        let tv = test_vault("pw");
        let key = new_key();
        let first = save_contact(tv.conn(), &draft(None, "A", &key), at(NOW)).expect("first");
        let err = save_contact(tv.conn(), &draft(None, "B", &key), at(NOW)).expect_err("dup");
        assert_eq!(err.code(), "invalid_input");
        let other = save_contact(tv.conn(), &draft(None, "C", &new_key()), at(NOW)).expect("c");
        let err = save_contact(tv.conn(), &draft(Some(other.id), "C", &key), at(NOW))
            .expect_err("taking another contact's key");
        assert_eq!(err.code(), "invalid_input");
        // Saving a contact with its own key again is fine.
        let same = save_contact(tv.conn(), &draft(Some(first.id), "A2", &key), at(LATER))
            .expect("same key");
        assert_eq!(same.name, "A2");
        assert_eq!(same.key_replaced_at, None, "the key didn't change");
        assert_eq!(count(tv.conn()), 2);
    }

    #[test]
    fn replacing_a_key_keeps_the_name_and_pairing_date() {
        let tv = test_vault("pw");
        let old =
            save_contact(tv.conn(), &draft(None, "Rivera", &new_key()), at(NOW)).expect("saved");
        let key = new_key();
        let changed = save_contact(tv.conn(), &draft(Some(old.id), "Rivera", &key), at(LATER))
            .expect("replaced");
        assert_eq!(changed.id, old.id);
        assert_eq!(changed.recipient, key);
        assert_eq!(changed.fingerprint, fingerprint(&key));
        assert_eq!(changed.paired_at, NOW);
        assert_eq!(changed.key_replaced_at.as_deref(), Some(LATER));
        assert_eq!(list_contacts(tv.conn()).expect("list"), vec![changed]);
    }

    #[test]
    fn changing_or_deleting_a_missing_contact_is_not_found() {
        let tv = test_vault("pw");
        let err = save_contact(tv.conn(), &draft(Some(42), "X", &new_key()), at(NOW))
            .expect_err("missing");
        assert_eq!(err.code(), "not_found");
        assert_eq!(count(tv.conn()), 0);
        assert_eq!(
            delete_contact(tv.conn(), 42).expect_err("missing").code(),
            "not_found"
        );
        assert_eq!(
            get_contact(tv.conn(), 42).expect_err("missing").code(),
            "not_found"
        );
    }

    #[test]
    fn deleting_a_contact_keeps_history_but_unlinks_it() {
        let tv = test_vault("pw");
        let c = save_contact(tv.conn(), &draft(None, "Rivera", &new_key()), at(NOW)).expect("c");
        tv.conn()
            .execute_batch(&format!(
                "INSERT INTO share_log (share_id, at, method, to_name, contact_id, items)
                 VALUES ('s1', '{NOW}', 'file', 'Rivera', {id}, '[]');
                 INSERT INTO share_inbox (share_id, contact_id, client_name, received_at, payload)
                 VALUES ('s2', {id}, 'Rivera', '{NOW}', '{{}}');",
                id = c.id
            ))
            .expect("history");
        delete_contact(tv.conn(), c.id).expect("deleted");
        assert!(list_contacts(tv.conn()).expect("list").is_empty());
        let (log_name, log_link): (Option<String>, Option<i64>) = tv
            .conn()
            .query_row("SELECT to_name, contact_id FROM share_log", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .expect("log kept");
        assert_eq!(log_name.as_deref(), Some("Rivera"));
        assert_eq!(log_link, None);
        let (inbox_name, inbox_link): (String, Option<i64>) = tv
            .conn()
            .query_row("SELECT client_name, contact_id FROM share_inbox", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .expect("inbox kept");
        assert_eq!(inbox_name, "Rivera");
        assert_eq!(inbox_link, None);
        // A new contact may get the same row id; nothing old is filed under it.
        let next = save_contact(tv.conn(), &draft(None, "New", &new_key()), at(LATER)).expect("n");
        let linked: i64 = tv
            .conn()
            .query_row(
                "SELECT count(*) FROM share_inbox WHERE contact_id = ?1",
                params![next.id],
                |r| r.get(0),
            )
            .expect("count");
        assert_eq!(linked, 0);
    }
}

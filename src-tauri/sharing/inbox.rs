//! The counselor's inbox: the shares imported from clients, each with the counselor's private
//! notes beside it (kept in the vault, never sent anywhere).
//!
//! A share is filed under a client: the paired contact it came from (by the contact's id kept
//! at import, else by the share's `replyTo` key matching a contact paired since), shown with the
//! contact's current name; else the name the client gave in the share, else no name (empty: the
//! screens say "a client" in the reader's language).

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::error::{Result, SharingError};
use super::import::contact_for;
use super::model::{InboxShare, SharePayload};
use crate::vault::VaultError;

/// Longest note beside a share, in characters.
pub const INBOX_NOTES_MAX_CHARS: usize = 100_000;

const INBOX_COLUMNS: &str = "i.id, i.share_id, i.contact_id, i.client_name, i.received_at, \
     i.payload, i.notes, \
     (SELECT c.id FROM share_contacts c WHERE c.id = i.contact_id), \
     (SELECT c.name FROM share_contacts c WHERE c.id = i.contact_id)";

fn corrupt() -> SharingError {
    SharingError::Vault(VaultError::Corrupt(
        "A saved share in the inbox couldn't be read.".into(),
    ))
}

/// A row, before the sender's key is matched to contacts paired since the import.
struct RawShare {
    share: InboxShare,
    /// The contact still exists under the id kept at import.
    contact_found: bool,
}

fn raw_from_row(r: &Row<'_>) -> rusqlite::Result<RawShare> {
    let payload: String = r.get(5)?;
    let payload: SharePayload = serde_json::from_str(&payload).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(5, rusqlite::types::Type::Text, Box::new(e))
    })?;
    let live_id: Option<i64> = r.get(7)?;
    let live_name: Option<String> = r.get(8)?;
    let stored_name: String = r.get(3)?;
    Ok(RawShare {
        contact_found: live_id.is_some(),
        share: InboxShare {
            id: r.get(0)?,
            share_id: r.get(1)?,
            contact_id: live_id,
            client_name: live_name.unwrap_or(stored_name),
            received_at: r.get(4)?,
            payload,
            notes: r.get(6)?,
        },
    })
}

fn map_read_error(err: rusqlite::Error) -> SharingError {
    match err {
        rusqlite::Error::FromSqlConversionFailure(..) => corrupt(),
        other => other.into(),
    }
}

/// Files a share whose contact is gone (or never was) under the contact now paired with the
/// key it came from, if there is one.
fn match_contact(conn: &Connection, raw: RawShare) -> Result<InboxShare> {
    let mut share = raw.share;
    if raw.contact_found {
        return Ok(share);
    }
    if let Some((id, name)) = contact_for(conn, share.payload.from.reply_to.as_deref())? {
        share.contact_id = Some(id);
        share.client_name = name;
    }
    Ok(share)
}

/// Every share in the inbox, newest import first. The UI groups them by `contactId` (else by
/// `clientName`).
pub fn list_inbox(conn: &Connection) -> Result<Vec<InboxShare>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {INBOX_COLUMNS} FROM share_inbox i ORDER BY i.id DESC"
    ))?;
    let raws = stmt
        .query_map([], raw_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(map_read_error)?;
    raws.into_iter().map(|r| match_contact(conn, r)).collect()
}

/// One share of the inbox.
pub fn get_inbox_share(conn: &Connection, id: i64) -> Result<InboxShare> {
    let raw = conn
        .query_row(
            &format!("SELECT {INBOX_COLUMNS} FROM share_inbox i WHERE i.id = ?1"),
            params![id],
            raw_from_row,
        )
        .optional()
        .map_err(map_read_error)?
        .ok_or(SharingError::NotFound)?;
    match_contact(conn, raw)
}

/// Replaces the counselor's notes beside a share (`None` or only spaces clears them). The text
/// is kept as typed, spaces and line breaks included.
pub fn save_inbox_notes(conn: &Connection, id: i64, notes: Option<String>) -> Result<InboxShare> {
    let notes = notes.filter(|n| !n.trim().is_empty());
    if let Some(n) = &notes {
        if n.chars().count() > INBOX_NOTES_MAX_CHARS {
            return Err(SharingError::invalid(format!(
                "Notes beside a share can be up to {INBOX_NOTES_MAX_CHARS} characters."
            )));
        }
    }
    let changed = conn.execute(
        "UPDATE share_inbox SET notes = ?2 WHERE id = ?1",
        params![id, notes],
    )?;
    if changed == 0 {
        return Err(SharingError::NotFound);
    }
    get_inbox_share(conn, id)
}

/// Removes a share from the inbox, with its notes. Its id is forgotten too, so importing the
/// same file again brings it back.
pub fn delete_inbox_share(conn: &Connection, id: i64) -> Result<()> {
    let tx = conn.unchecked_transaction()?;
    let share_id: Option<String> = tx
        .query_row(
            "DELETE FROM share_inbox WHERE id = ?1 RETURNING share_id",
            params![id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(share_id) = share_id else {
        return Err(SharingError::NotFound);
    };
    tx.execute(
        "DELETE FROM share_imports WHERE share_id = ?1",
        params![share_id],
    )?;
    tx.commit()?;
    Ok(())
}

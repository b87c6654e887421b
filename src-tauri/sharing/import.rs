//! Importing a share file, on either side: a client's share goes to the counselor's inbox, a
//! counselor's suggestions become goals proposals the client decides on.
//!
//! The steps, each refusing with its own code and nothing written until the last:
//! 1. open the age layer ([`unseal`]: this journal's key, or the passphrase given);
//! 2. read the JSON payload (anything that is not a Cove share payload is `not_a_share`; a
//!    `cove-share` of a version this Cove does not know is `too_new`, even when the rest of it
//!    would not parse here);
//! 3. check it ([`validate_payload`]: format, version, sizes), and — when the caller says
//!    which kind this journal takes (a counselor's takes shares, a client's suggestions) —
//!    its kind (`wrong_kind` otherwise, before anything is written);
//! 4. one transaction: the share id is recorded in `share_imports` (already there: nothing
//!    is added, `added: false`), then the inbox row or every suggestion. Anything failing rolls
//!    back everything, so a file is imported whole or not at all.
//!
//! The decrypted bytes are wiped from memory once read; the only copy written is inside the
//! encrypted vault (the inbox row, or the proposals).

use chrono::{DateTime, FixedOffset};
use rusqlite::{params, Connection};
use secrecy::SecretString;
use serde::Deserialize;
use zeroize::Zeroizing;

use super::contacts::contact_by_recipient;
use super::crypto::unseal;
use super::error::{Result, SharingError};
use super::model::{
    ImportOutcome, PayloadKind, SharePayload, Suggestion, PAYLOAD_FORMAT, PAYLOAD_VERSION,
};
use super::payload::validate_payload;
use crate::goals::{self, ProposalDraft, ProposalKind};
use crate::journal;

/// The name kept for a sender who left their name out and isn't a paired contact: none. The
/// screens say "a client" or "your counselor" in the reader's own language; words stored here
/// would stay in the language of the day of the import.
pub const NO_NAME: &str = "";

/// Opens, reads, checks and files a share file (see the module's documentation). Importing the
/// same share again adds nothing and says so (`added: false`). With `expected_kind`, a payload
/// of the other kind is refused (`wrong_kind`) and nothing is written: a counselor's journal
/// takes shares, a client's takes suggestions.
pub fn import_share(
    conn: &Connection,
    bytes: &[u8],
    passphrase: Option<&SecretString>,
    expected_kind: Option<PayloadKind>,
    now: DateTime<FixedOffset>,
) -> Result<ImportOutcome> {
    let plain = Zeroizing::new(unseal(conn, bytes, passphrase)?);
    let payload = parse_payload(&plain)?;
    validate_payload(&payload)?;
    if let Some(expected) = expected_kind {
        if payload.kind != expected {
            return Err(SharingError::WrongKind(payload.kind));
        }
    }
    file_payload(conn, &payload, now)
}

/// Reads a decrypted payload: UTF-8 JSON (a leading byte-order mark, which some editors add, is
/// skipped), one object. Unknown fields are ignored (a newer Cove of the same version may add
/// some); a `cove-share` with a larger version than this Cove knows is `TooNew` before anything
/// else is looked at, so a newer file is never called damaged.
pub(crate) fn parse_payload(bytes: &[u8]) -> Result<SharePayload> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Only an object: serde would also read a struct from a JSON array, which no writer makes.
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first != Some(&b'{') {
        return Err(SharingError::NotAShare);
    }
    #[derive(Deserialize)]
    struct Probe {
        #[serde(default)]
        format: Option<String>,
        #[serde(default)]
        version: Option<u64>,
    }
    if let Ok(probe) = serde_json::from_slice::<Probe>(bytes) {
        if probe.format.as_deref() == Some(PAYLOAD_FORMAT)
            && probe
                .version
                .is_some_and(|v| v > u64::from(PAYLOAD_VERSION))
        {
            return Err(SharingError::TooNew);
        }
    }
    serde_json::from_slice(bytes).map_err(|_| SharingError::NotAShare)
}

/// The paired contact whose key is `reply_to` (its id and name). Keys are compared in their
/// canonical form.
pub(super) fn contact_for(
    conn: &Connection,
    reply_to: Option<&str>,
) -> Result<Option<(i64, String)>> {
    let Some(key) = reply_to else {
        return Ok(None);
    };
    Ok(contact_by_recipient(conn, key)?.map(|c| (c.id, c.name)))
}

/// Trimmed; `None` when blank.
fn non_blank(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// Records the share id and files the payload, in one transaction.
fn file_payload(
    conn: &Connection,
    payload: &SharePayload,
    now: DateTime<FixedOffset>,
) -> Result<ImportOutcome> {
    let tx = conn.unchecked_transaction()?;
    let contact = contact_for(&tx, payload.from.reply_to.as_deref())?;
    let sender_name = non_blank(payload.from.name.as_deref());
    // The name as paired comes first: it is the one this person chose for them.
    let from_name = contact
        .as_ref()
        .map(|(_, name)| name.clone())
        .or(sender_name);
    let count = match payload.kind {
        PayloadKind::Share => payload.items.len(),
        PayloadKind::Suggestions => payload.suggestions.len(),
    };
    let outcome = ImportOutcome {
        share_id: payload.share_id.clone(),
        kind: payload.kind,
        added: false,
        count: u32::try_from(count).unwrap_or(u32::MAX),
        from_name: from_name.clone(),
    };

    let stamp = journal::stamp(&now);
    let fresh = tx.execute(
        "INSERT INTO share_imports (share_id, imported_at) VALUES (?1, ?2)
         ON CONFLICT (share_id) DO NOTHING",
        params![payload.share_id, stamp],
    )? == 1;
    if !fresh {
        return Ok(outcome);
    }

    match payload.kind {
        PayloadKind::Share => {
            let json = serde_json::to_string(payload).map_err(|_| {
                SharingError::Vault(crate::vault::VaultError::Internal(
                    "share payload json".into(),
                ))
            })?;
            tx.execute(
                "INSERT INTO share_inbox (share_id, contact_id, client_name, received_at, payload)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    payload.share_id,
                    contact.as_ref().map(|(id, _)| *id),
                    from_name.as_deref().unwrap_or(NO_NAME),
                    stamp,
                    json,
                ],
            )?;
        }
        PayloadKind::Suggestions => {
            let from = from_name.as_deref().unwrap_or(NO_NAME);
            for (index, suggestion) in payload.suggestions.iter().enumerate() {
                let draft = proposal_draft(suggestion, from, &payload.share_id, index);
                goals::insert_proposal(&tx, draft, now)?;
            }
        }
    }
    tx.commit()?;
    Ok(ImportOutcome {
        added: true,
        ..outcome
    })
}

/// A suggestion as a goals proposal; `source_id` is `<share id>:<index>` so each suggestion of
/// a file is added once.
fn proposal_draft(s: &Suggestion, from: &str, share_id: &str, index: usize) -> ProposalDraft {
    let source_id = Some(format!("{share_id}:{index}"));
    match s {
        Suggestion::Goal {
            title,
            why,
            steps,
            note,
        } => ProposalDraft {
            kind: ProposalKind::Goal,
            from_name: from.to_owned(),
            title: title.clone(),
            why: why.clone(),
            steps: steps.clone(),
            note: note.clone(),
            for_goal_id: None,
            source_id,
        },
        Suggestion::Prompt { text, note } => ProposalDraft {
            kind: ProposalKind::Prompt,
            from_name: from.to_owned(),
            title: text.clone(),
            why: None,
            steps: Vec::new(),
            note: note.clone(),
            for_goal_id: None,
            source_id,
        },
    }
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "import_fuzz.rs"]
mod fuzz;

//! The share log: every share that went out — when, what (each item and which of its parts),
//! to whom and how — kept in the vault (`share_log`) for the person to read. A file once given
//! cannot be taken back, so nothing here deletes a line.
//!
//! What a line lists comes from the payload itself ([`log_items`]), so the log says exactly
//! what was in the file: a part that was left out, or switched on but empty, is not listed.
//!
//! Labels: an entry's `day` (`YYYY-MM-DD`), a goal's title, an insights range as
//! `from/to` (`YYYY-MM-DD/YYYY-MM-DD`), the counselor's idea's title or prompt text; empty for
//! the safety plan, the sender's name and pronouns and the note. Kinds: `entry`, `goal`,
//! `insights`, `safety_plan`, `profile` (parts `name`, `pronouns`), `note`, and for a
//! counselor's suggestions `goal_suggestion` (parts among `why`, `steps`, `note`) and
//! `prompt_suggestion` (part `note`).

use chrono::{DateTime, FixedOffset};
use rusqlite::{params, Connection, OptionalExtension};

use super::model::{
    ShareLogEntry, ShareLogItem, ShareMethod, SharePayload, SharedItem, Suggestion,
};
use super::{Result, SharingError};
use crate::journal;
use crate::vault::VaultError;

fn method_str(method: ShareMethod) -> &'static str {
    match method {
        ShareMethod::File => "file",
        ShareMethod::PassphraseFile => "passphrase_file",
        ShareMethod::ArmoredText => "armored_text",
        ShareMethod::Print => "print",
        ShareMethod::ShowInSession => "show_in_session",
    }
}

fn parse_method(text: &str) -> Option<ShareMethod> {
    Some(match text {
        "file" => ShareMethod::File,
        "passphrase_file" => ShareMethod::PassphraseFile,
        "armored_text" => ShareMethod::ArmoredText,
        "print" => ShareMethod::Print,
        "show_in_session" => ShareMethod::ShowInSession,
        _ => return None,
    })
}

fn corrupt() -> SharingError {
    SharingError::Vault(VaultError::Corrupt(
        "Part of the share log couldn't be read.".into(),
    ))
}

/// The names of the parts present (`Some`), in order.
fn present(parts: &[(&str, bool)]) -> Vec<String> {
    parts
        .iter()
        .filter(|(_, there)| *there)
        .map(|(name, _)| (*name).to_owned())
        .collect()
}

fn line(kind: &str, label: impl Into<String>, parts: Vec<String>) -> ShareLogItem {
    ShareLogItem {
        kind: kind.to_owned(),
        label: label.into(),
        parts,
    }
}

/// One log line per thing in the payload, in the payload's order (the sender's name and
/// pronouns and the note first, when they went).
pub fn log_items(payload: &SharePayload) -> Vec<ShareLogItem> {
    let mut out = Vec::new();
    let from = &payload.from;
    if from.name.is_some() || from.pronouns.is_some() {
        out.push(line(
            "profile",
            "",
            present(&[
                ("name", from.name.is_some()),
                ("pronouns", from.pronouns.is_some()),
            ]),
        ));
    }
    if from.note.is_some() {
        out.push(line("note", "", Vec::new()));
    }
    for item in &payload.items {
        out.push(match item {
            SharedItem::Entry {
                day,
                title,
                body,
                feelings,
                going_on,
                helped,
                tags,
                prompt,
                goal,
                identity,
                ..
            } => line(
                "entry",
                day.clone(),
                present(&[
                    ("title", title.is_some()),
                    ("body", body.is_some()),
                    ("feelings", feelings.is_some()),
                    ("going_on", going_on.is_some()),
                    ("helped", helped.is_some()),
                    ("tags", tags.is_some()),
                    ("prompt", prompt.is_some()),
                    ("goal", goal.is_some()),
                    ("identity", identity.is_some()),
                ]),
            ),
            SharedItem::Goal {
                title,
                why,
                steps,
                checkins,
                ..
            } => line(
                "goal",
                title.clone(),
                present(&[
                    ("title", true),
                    ("why", why.is_some()),
                    ("steps", steps.is_some()),
                    ("checkins", checkins.is_some()),
                ]),
            ),
            SharedItem::Insights { from, to, .. } => line(
                "insights",
                format!("{from}/{to}"),
                vec!["counts".to_owned(), "top_feelings".to_owned()],
            ),
            SharedItem::SafetyPlan { sections } => line(
                "safety_plan",
                "",
                sections.iter().map(|s| s.section.clone()).collect(),
            ),
        });
    }
    for suggestion in &payload.suggestions {
        out.push(match suggestion {
            Suggestion::Goal {
                title,
                why,
                steps,
                note,
            } => line(
                "goal_suggestion",
                title.clone(),
                present(&[
                    ("why", why.is_some()),
                    ("steps", !steps.is_empty()),
                    ("note", note.is_some()),
                ]),
            ),
            Suggestion::Prompt { text, note } => line(
                "prompt_suggestion",
                text.clone(),
                present(&[("note", note.is_some())]),
            ),
        });
    }
    out
}

/// Records that `payload` went out by `method` at `now`, to the paired contact `contact_id`
/// (its name at this moment is kept, so the line still reads right after the contact is
/// renamed or removed), and returns the new line. A contact that does not exist is
/// `not_found` and nothing is written.
pub fn record_share(
    conn: &Connection,
    payload: &SharePayload,
    method: ShareMethod,
    contact_id: Option<i64>,
    now: DateTime<FixedOffset>,
) -> Result<ShareLogEntry> {
    let to_name = match contact_id {
        None => None,
        Some(id) => Some(
            conn.query_row(
                "SELECT name FROM share_contacts WHERE id = ?1",
                params![id],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .ok_or(SharingError::NotFound)?,
        ),
    };
    let items = log_items(payload);
    let json = serde_json::to_string(&items)
        .map_err(|e| SharingError::Vault(VaultError::Internal(format!("share log json: {e}"))))?;
    let at = journal::stamp(&now);
    conn.execute(
        "INSERT INTO share_log (share_id, at, method, to_name, contact_id, items)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            payload.share_id,
            at,
            method_str(method),
            to_name,
            contact_id,
            json
        ],
    )?;
    Ok(ShareLogEntry {
        id: conn.last_insert_rowid(),
        share_id: payload.share_id.clone(),
        at,
        method,
        to_name,
        contact_id,
        items,
    })
}

/// The whole share log, newest first.
pub fn list_share_log(conn: &Connection) -> Result<Vec<ShareLogEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, share_id, at, method, to_name, contact_id, items FROM share_log
         ORDER BY id DESC",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<i64>>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(id, share_id, at, method, to_name, contact_id, items)| {
            Ok(ShareLogEntry {
                id,
                share_id,
                at,
                method: parse_method(&method).ok_or_else(corrupt)?,
                to_name,
                contact_id,
                items: serde_json::from_str(&items).map_err(|_| corrupt())?,
            })
        })
        .collect()
}

#[cfg(test)]
#[path = "log_tests.rs"]
mod tests;

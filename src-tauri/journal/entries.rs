//! Entries: save (create, update, remove when emptied), read, the trash, the timeline, tags.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, SecondsFormat};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::model::{
    Checkin, Entry, EntryDraft, EntryKind, EntrySummary, TagCount, TimelineCursor, TimelinePage,
    TimelineQuery,
};
use super::text::{plain_excerpt, EXCERPT_SOURCE_CHARS};
use super::validate::{
    clean_draft, clean_filter, filter_sql, kind_str, parse_kind, tag_key, CleanDraft,
};
use super::{JournalError, Result};
use crate::identity::{IdentityPart, MomentKind};
use crate::vault::VaultError;

/// How long an entry stays in the trash before it is deleted for good.
pub const TRASH_DAYS: i64 = 30;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// Largest timeline page.
pub const PAGE_MAX: u32 = 500;

/// RFC 3339 with the offset (never `Z`) and milliseconds.
pub(crate) fn stamp(now: &DateTime<FixedOffset>) -> String {
    now.to_rfc3339_opts(SecondsFormat::Millis, false)
}

fn corrupt() -> JournalError {
    JournalError::Vault(VaultError::Corrupt(
        "Part of a saved entry couldn't be read.".into(),
    ))
}

/// The columns of an [`EntrySummary`], on the alias `e` (see [`summary_from_row`]). The
/// fallback text for an entry without body text is the check-in's "what's going on", or for a
/// goal check-in "what got in the way" / "the next step". The identity part comes as one JSON
/// object (`null` for entries without one).
pub(crate) const SUMMARY_COLUMNS: &str = "e.id, e.kind, e.title, substr(e.body, 1, 800), \
     substr(CASE WHEN e.kind = 'goal_checkin' THEN \
         coalesce(json_extract(e.checkin, '$.goingOn'), \
                  (SELECT coalesce(gc.in_the_way, gc.next_step) FROM goal_checkins gc \
                   WHERE gc.entry_id = e.id)) \
         ELSE json_extract(e.checkin, '$.goingOn') END, 1, 800), \
     e.mood, e.prompt_id, e.day, \
     e.created_at, e.updated_at, e.deleted_at, e.created_ms, \
     (SELECT json_group_array(tag) FROM \
        (SELECT tag FROM entry_tags WHERE entry_id = e.id ORDER BY pos)), \
     (SELECT json_group_array(feeling) FROM \
        (SELECT feeling FROM entry_feelings WHERE entry_id = e.id \
         ORDER BY intensity DESC, feeling)), \
     (SELECT json_object('kind', ip.kind, 'name', ip.name, 'pronouns', json(ip.pronouns), \
                         'felt', ip.felt, 'moment', ip.moment) \
        FROM identity_parts ip WHERE ip.entry_id = e.id)";

const _: () = assert!(EXCERPT_SOURCE_CHARS == 800, "keep SUMMARY_COLUMNS in step");

/// The identity part from its JSON object (see [`SUMMARY_COLUMNS`] and [`read_identity`]).
fn identity_json(text: Option<String>) -> rusqlite::Result<Option<IdentityPart>> {
    text.map(|t| {
        serde_json::from_str(&t).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}

fn json_list(text: Option<String>) -> rusqlite::Result<Vec<String>> {
    match text {
        None => Ok(Vec::new()),
        Some(t) => serde_json::from_str(&t).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        }),
    }
}

/// An [`EntrySummary`] from the [`SUMMARY_COLUMNS`] (plus `created_ms` for the cursor).
pub(crate) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<(EntrySummary, i64)> {
    let body: String = row.get(3)?;
    let going_on: Option<String> = row.get(4)?;
    let mut excerpt = plain_excerpt(&body);
    if excerpt.is_empty() {
        if let Some(text) = going_on {
            excerpt = plain_excerpt(&text);
        }
    }
    let summary = EntrySummary {
        id: row.get(0)?,
        kind: parse_kind(&row.get::<_, String>(1)?),
        title: row.get(2)?,
        excerpt,
        mood: row.get(5)?,
        prompt_id: row.get(6)?,
        identity: identity_json(row.get(14)?)?,
        day: row.get(7)?,
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
        deleted_at: row.get(10)?,
        tags: json_list(row.get(12)?)?,
        feelings: json_list(row.get(13)?)?,
    };
    Ok((summary, row.get(11)?))
}

/// Creates or updates an entry from `draft` at the time `now`; see `docs/api-contract.md`.
///
/// - new and empty → `Ok(None)`, nothing written;
/// - existing and saved empty → removed for good, `Ok(None)`;
/// - existing and unchanged → returned as stored (no write, `updatedAt` kept);
/// - an id that does not exist → `NotFound`; an entry in the trash → `InvalidInput`.
pub fn save_entry(
    conn: &Connection,
    draft: EntryDraft,
    now: DateTime<FixedOffset>,
) -> Result<Option<Entry>> {
    let id = draft.id;
    let clean = clean_draft(draft)?;
    let tx = conn.unchecked_transaction()?;
    let entry = match id {
        None => {
            if clean.is_empty() {
                return Ok(None);
            }
            check_goal(&tx, &clean, None)?;
            let id = insert(&tx, &clean, &now)?;
            read_entry(&tx, id)?
        }
        Some(id) => {
            let existing = read_entry(&tx, id)?;
            if existing.deleted_at.is_some() {
                return Err(JournalError::invalid(
                    "This entry is in the trash. Restore it first, then you can keep writing.",
                ));
            }
            if clean.is_empty() {
                tx.execute("DELETE FROM entries WHERE id = ?1", params![id])?;
                forget_deleted_words(&tx)?;
                tx.commit()?;
                return Ok(None);
            }
            if same_content(&existing, &clean) {
                return Ok(Some(existing));
            }
            check_goal(&tx, &clean, existing.goal.as_ref())?;
            update(&tx, id, &clean, &now)?;
            read_entry(&tx, id)?
        }
    };
    tx.commit()?;
    Ok(Some(entry))
}

fn same_content(existing: &Entry, clean: &CleanDraft) -> bool {
    existing.kind == clean.kind
        && existing.title == clean.title
        && existing.body == clean.body
        && existing.tags == clean.tags
        && existing.prompt_id == clean.prompt_id
        && existing.checkin == clean.checkin
        && existing.goal == clean.goal
        && existing.identity == clean.identity
}

/// A goal check-in must name a goal that exists; an entry that already names a goal keeps
/// that link even after the goal was deleted (its words stay editable).
fn check_goal(
    conn: &Connection,
    clean: &CleanDraft,
    stored: Option<&crate::goals::GoalCheckinPart>,
) -> Result<()> {
    let Some(goal) = &clean.goal else {
        return Ok(());
    };
    if stored.is_some_and(|s| s.goal_id == goal.goal_id) {
        return Ok(());
    }
    let found = conn
        .query_row(
            "SELECT 1 FROM goals WHERE id = ?1",
            params![goal.goal_id],
            |_| Ok(()),
        )
        .optional()?;
    if found.is_none() {
        return Err(JournalError::invalid(
            "That goal isn't here anymore, so this check-in couldn't be linked to it. \
             Please choose the goal again.",
        ));
    }
    Ok(())
}

fn checkin_json(clean: &CleanDraft) -> Result<Option<String>> {
    clean
        .checkin
        .as_ref()
        .map(|c| {
            serde_json::to_string(c).map_err(|e| {
                JournalError::Vault(VaultError::Internal(format!("checkin json: {e}")))
            })
        })
        .transpose()
}

/// The check-in's texts as one searchable string (for a goal check-in also "what got in the
/// way" and "the next step"; for a try-on the name tried).
fn checkin_text(clean: &CleanDraft) -> String {
    let c = clean.checkin.as_ref();
    let g = clean.goal.as_ref();
    [
        c.and_then(|c| c.going_on.as_deref()),
        c.and_then(|c| c.helped.as_deref()),
        g.and_then(|g| g.in_the_way.as_deref()),
        g.and_then(|g| g.next_step.as_deref()),
        clean.identity.as_ref().and_then(|p| p.name.as_deref()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("\n")
}

fn insert(conn: &Connection, clean: &CleanDraft, now: &DateTime<FixedOffset>) -> Result<i64> {
    let at = stamp(now);
    conn.execute(
        "INSERT INTO entries (kind, created_ms, day, created_at, updated_at, mood, prompt_id,
                              checkin, checkin_text, tag_text, title, body)
         VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            kind_str(clean.kind),
            now.timestamp_millis(),
            now.date_naive().format("%Y-%m-%d").to_string(),
            at,
            clean.mood(),
            clean.prompt_id,
            checkin_json(clean)?,
            checkin_text(clean),
            clean.tags.join(" "),
            clean.title,
            clean.body,
        ],
    )?;
    let id = conn.last_insert_rowid();
    write_children(conn, id, clean, false)?;
    Ok(id)
}

fn update(
    conn: &Connection,
    id: i64,
    clean: &CleanDraft,
    now: &DateTime<FixedOffset>,
) -> Result<()> {
    conn.execute(
        "UPDATE entries SET kind = ?2, updated_at = ?3, mood = ?4, prompt_id = ?5, checkin = ?6,
                checkin_text = ?7, tag_text = ?8, title = ?9, body = ?10
         WHERE id = ?1",
        params![
            id,
            kind_str(clean.kind),
            stamp(now),
            clean.mood(),
            clean.prompt_id,
            checkin_json(clean)?,
            checkin_text(clean),
            clean.tags.join(" "),
            clean.title,
            clean.body,
        ],
    )?;
    write_children(conn, id, clean, true)
}

/// The rows of `entry_tags`, `entry_feelings`, `goal_checkins` and `identity_parts` for an
/// entry.
fn write_children(conn: &Connection, id: i64, clean: &CleanDraft, replace: bool) -> Result<()> {
    if replace {
        conn.execute(
            "DELETE FROM identity_parts WHERE entry_id = ?1",
            params![id],
        )?;
        conn.execute("DELETE FROM entry_tags WHERE entry_id = ?1", params![id])?;
        conn.execute(
            "DELETE FROM entry_feelings WHERE entry_id = ?1",
            params![id],
        )?;
        conn.execute("DELETE FROM goal_checkins WHERE entry_id = ?1", params![id])?;
    }
    if let Some(g) = &clean.goal {
        conn.prepare_cached(
            "INSERT INTO goal_checkins (entry_id, goal_id, in_the_way, next_step)
             VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![id, g.goal_id, g.in_the_way, g.next_step])?;
    }
    if let Some(p) = &clean.identity {
        let pronouns = p
            .pronouns
            .as_ref()
            .map(|set| {
                serde_json::to_string(set).map_err(|e| {
                    JournalError::Vault(VaultError::Internal(format!("pronouns json: {e}")))
                })
            })
            .transpose()?;
        conn.prepare_cached(
            "INSERT INTO identity_parts (entry_id, kind, name, pronouns, felt, moment)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            id,
            p.kind.as_str(),
            p.name,
            pronouns,
            p.felt,
            p.moment.map(MomentKind::as_str),
        ])?;
    }
    let mut tags = conn.prepare_cached(
        "INSERT INTO entry_tags (entry_id, pos, tag, tag_key) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (pos, tag) in clean.tags.iter().enumerate() {
        tags.execute(params![id, pos as i64, tag, tag_key(tag)])?;
    }
    if let Some(c) = &clean.checkin {
        let mut feelings = conn.prepare_cached(
            "INSERT INTO entry_feelings (entry_id, feeling, intensity) VALUES (?1, ?2, ?3)",
        )?;
        for f in &c.feelings {
            feelings.execute(params![id, f.feeling, f.intensity])?;
        }
    }
    Ok(())
}

fn read_entry(conn: &Connection, id: i64) -> Result<Entry> {
    let row = conn
        .query_row(
            "SELECT e.kind, e.title, e.body, e.prompt_id, e.checkin, e.day, e.created_at,
                    e.updated_at, e.deleted_at,
                    (SELECT json_group_array(tag) FROM
                        (SELECT tag FROM entry_tags WHERE entry_id = e.id ORDER BY pos)),
                    g.goal_id, g.in_the_way, g.next_step
             FROM entries e LEFT JOIN goal_checkins g ON g.entry_id = e.id
             WHERE e.id = ?1",
            params![id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, Option<String>>(8)?,
                    json_list(r.get(9)?)?,
                    r.get::<_, Option<i64>>(10)?
                        .map(|goal_id| -> rusqlite::Result<_> {
                            Ok(crate::goals::GoalCheckinPart {
                                goal_id,
                                in_the_way: r.get(11)?,
                                next_step: r.get(12)?,
                            })
                        })
                        .transpose()?,
                ))
            },
        )
        .optional()?;
    let Some((
        kind,
        title,
        body,
        prompt_id,
        checkin,
        day,
        created_at,
        updated_at,
        deleted_at,
        tags,
        goal,
    )) = row
    else {
        return Err(JournalError::NotFound);
    };
    let kind = parse_kind(&kind);
    let checkin: Option<Checkin> = match checkin {
        Some(json) => Some(serde_json::from_str(&json).map_err(|_| corrupt())?),
        None if kind == EntryKind::Checkin => Some(Checkin::default()),
        None => None,
    };
    let identity = read_identity(conn, id)?;
    Ok(Entry {
        id,
        kind,
        title,
        body,
        tags,
        prompt_id,
        checkin,
        goal,
        identity,
        day,
        created_at,
        updated_at,
        deleted_at,
    })
}

/// The identity part of an entry, if it has one.
fn read_identity(conn: &Connection, id: i64) -> Result<Option<IdentityPart>> {
    let json: Option<String> = conn
        .prepare_cached(
            "SELECT json_object('kind', kind, 'name', name, 'pronouns', json(pronouns),
                                'felt', felt, 'moment', moment)
             FROM identity_parts WHERE entry_id = ?1",
        )?
        .query_row(params![id], |r| r.get(0))
        .optional()?;
    json.map(|t| serde_json::from_str(&t).map_err(|_| corrupt()))
        .transpose()
}

/// The whole entry, in the trash or not.
pub fn get_entry(conn: &Connection, id: i64) -> Result<Entry> {
    read_entry(conn, id)
}

/// The check-ins on one goal outside the trash, newest first (for the goal view).
pub(crate) fn goal_checkin_summaries(conn: &Connection, goal_id: i64) -> Result<Vec<EntrySummary>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM goal_checkins g CROSS JOIN entries e ON e.id = g.entry_id
         WHERE g.goal_id = ?1 AND e.deleted_at IS NULL
         ORDER BY e.created_ms DESC, e.id DESC"
    ))?;
    let items = stmt
        .query_map(params![goal_id], |r| summary_from_row(r).map(|(s, _)| s))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(items)
}

fn exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM entries WHERE id = ?1", params![id], |_| {
            Ok(())
        })
        .optional()?
        .is_some())
}

/// Moves an entry to the trash. Already in the trash: nothing changes.
pub fn delete_entry(conn: &Connection, id: i64, now: DateTime<FixedOffset>) -> Result<()> {
    let changed = conn.execute(
        "UPDATE entries SET deleted_ms = ?2, deleted_at = ?3 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, now.timestamp_millis(), stamp(&now)],
    )?;
    if changed == 0 && !exists(conn, id)? {
        return Err(JournalError::NotFound);
    }
    Ok(())
}

/// Takes an entry out of the trash (back to its place in the timeline). Not in the trash:
/// nothing changes.
pub fn restore_entry(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute(
        "UPDATE entries SET deleted_ms = NULL, deleted_at = NULL WHERE id = ?1",
        params![id],
    )?;
    if changed == 0 {
        return Err(JournalError::NotFound);
    }
    Ok(())
}

/// Deletes an entry in the trash for good. An entry outside the trash is refused.
pub fn purge_entry(conn: &Connection, id: i64) -> Result<()> {
    let tx = conn.unchecked_transaction()?;
    let changed = tx.execute(
        "DELETE FROM entries WHERE id = ?1 AND deleted_at IS NOT NULL",
        params![id],
    )?;
    if changed > 0 {
        forget_deleted_words(&tx)?;
        tx.commit()?;
    } else {
        drop(tx);
        if exists(conn, id)? {
            return Err(JournalError::invalid(
                "Only entries in the trash can be deleted for good. Move it to the trash first.",
            ));
        }
        return Err(JournalError::NotFound);
    }
    Ok(())
}

/// Deletes everything in the trash for good; returns how many entries went.
pub fn empty_trash(conn: &Connection) -> Result<u32> {
    let tx = conn.unchecked_transaction()?;
    let n = tx.execute("DELETE FROM entries WHERE deleted_at IS NOT NULL", [])?;
    if n > 0 {
        forget_deleted_words(&tx)?;
    }
    tx.commit()?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Rewrites the full-text index without what was deleted or overwritten, so the words of an
/// entry deleted for good (and of its earlier versions) leave the index at once.
///
/// Ordinary saves do not do this: FTS5's per-row `secure-delete` made every autosave of an
/// edited entry 40 times slower (save p50 30–46 ms instead of 0.7 ms at 10k entries, measured
/// with `cove-bench`), so an entry's replaced words stay in the (encrypted) index until the
/// next permanent deletion or one of FTS5's automatic merges.
fn forget_deleted_words(conn: &Connection) -> Result<()> {
    conn.execute_batch("INSERT INTO entries_fts (entries_fts) VALUES ('optimize');")?;
    Ok(())
}

/// Deletes for good what has been in the trash longer than [`TRASH_DAYS`] at `now`; returns
/// how many entries went. Run after every unlock and before listing the trash.
pub fn purge_expired(conn: &Connection, now: DateTime<FixedOffset>) -> Result<u32> {
    let tx = conn.unchecked_transaction()?;
    let n = purge_expired_in(&tx, now)?;
    tx.commit()?;
    Ok(n)
}

/// [`purge_expired`] inside the caller's transaction.
fn purge_expired_in(conn: &Connection, now: DateTime<FixedOffset>) -> Result<u32> {
    let cutoff = now.timestamp_millis() - TRASH_DAYS * DAY_MS;
    let n = conn.execute(
        "DELETE FROM entries WHERE deleted_at IS NOT NULL AND deleted_ms < ?1",
        params![cutoff],
    )?;
    if n > 0 {
        forget_deleted_words(conn)?;
    }
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// The trash, most recently deleted first (expired entries are purged first).
pub fn list_trash(conn: &Connection, now: DateTime<FixedOffset>) -> Result<Vec<EntrySummary>> {
    let tx = conn.unchecked_transaction()?;
    purge_expired_in(&tx, now)?;
    let mut stmt = tx.prepare(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM entries e WHERE e.deleted_at IS NOT NULL
         ORDER BY e.deleted_ms DESC, e.id DESC"
    ))?;
    let items = stmt
        .query_map([], |r| summary_from_row(r).map(|(s, _)| s))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    drop(stmt);
    tx.commit()?;
    Ok(items)
}

/// One page of the timeline, newest first (by instant, then id), with the filter applied.
pub fn list_entries(conn: &Connection, query: &TimelineQuery) -> Result<TimelinePage> {
    let filter = clean_filter(&query.filter)?;
    let limit = query.limit.clamp(1, PAGE_MAX);
    let (mut cond, mut values) = filter_sql(&filter);
    let total = if query.cursor.is_none() {
        let n: i64 = conn.query_row(
            &format!("SELECT count(*) FROM entries e WHERE {cond}"),
            params_from_iter(values.iter()),
            |r| r.get(0),
        )?;
        Some(u32::try_from(n).unwrap_or(u32::MAX))
    } else {
        None
    };
    if let Some(c) = &query.cursor {
        cond.push_str(" AND (e.created_ms, e.id) < (?, ?)");
        values.push(c.created_ms.into());
        values.push(c.id.into());
    }
    values.push(i64::from(limit + 1).into());
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM entries e WHERE {cond}
         ORDER BY e.created_ms DESC, e.id DESC LIMIT ?"
    ))?;
    let mut rows = stmt
        .query_map(params_from_iter(values.iter()), summary_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next_cursor = if more {
        rows.last().map(|(s, ms)| TimelineCursor {
            created_ms: *ms,
            id: s.id,
        })
    } else {
        None
    };
    Ok(TimelinePage {
        items: rows.into_iter().map(|(s, _)| s).collect(),
        next_cursor,
        total,
    })
}

/// Tags in use outside the trash and outside the identity space with how many entries have
/// them, most used first. Spellings that differ only in case count as one tag, shown in its
/// most used spelling.
pub fn list_tags(conn: &Connection) -> Result<Vec<TagCount>> {
    let mut stmt = conn.prepare(
        // Only the tags' covering index, the (small) trash index and identity_parts are read.
        "SELECT t.tag_key, t.tag, count(*) FROM entry_tags t
         WHERE t.entry_id NOT IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL)
           AND t.entry_id NOT IN (SELECT entry_id FROM identity_parts)
         GROUP BY t.tag_key, t.tag",
    )?;
    let mut by_key: HashMap<String, (String, u32, u32)> = HashMap::new();
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    for row in rows {
        let (key, tag, n) = row?;
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        let slot = by_key.entry(key).or_insert_with(|| (tag.clone(), 0, 0));
        slot.1 = slot.1.saturating_add(n);
        if n > slot.2 || (n == slot.2 && tag < slot.0) {
            slot.0 = tag;
            slot.2 = n;
        }
    }
    let mut tags: Vec<(String, TagCount)> = by_key
        .into_iter()
        .map(|(key, (tag, count, _))| (key, TagCount { tag, count }))
        .collect();
    tags.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(&b.0)));
    Ok(tags.into_iter().map(|(_, t)| t).collect())
}

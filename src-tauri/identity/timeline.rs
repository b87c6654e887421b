//! The identity timeline: every try-on, moment and identity reflection outside the trash, and
//! what was tried, grouped.

use std::collections::HashMap;

use rusqlite::{params, Connection};

use super::model::{
    IdentityKind, IdentityPart, IdentityTimeline, IdentityTimelineItem, IdentityTimelineQuery,
    TriedSummary,
};
use crate::journal::{
    check_range, parse_day, plain_excerpt, JournalError, Result, EXCERPT_SOURCE_CHARS,
};
use crate::vault::{PronounSet, VaultError};

const _: () = assert!(
    EXCERPT_SOURCE_CHARS == 800,
    "keep the timeline's substr in step"
);

/// The identity entries of `query`'s days (outside the trash), newest first, and the names and
/// pronoun sets tried in them, most recently tried first. A try-on's name groups with the same
/// name in any case ("River" and "river"); a pronoun set with the same five forms and verb
/// agreement, whatever its id. Each group shows the most recent spelling and set.
pub fn timeline(conn: &Connection, query: &IdentityTimelineQuery) -> Result<IdentityTimeline> {
    let day = |d: &Option<String>| -> Result<Option<String>> {
        d.as_deref()
            .map(|d| parse_day(d).map(|d| d.format("%Y-%m-%d").to_string()))
            .transpose()
    };
    let (from, to) = (day(&query.from)?, day(&query.to)?);
    if let (Some(from), Some(to)) = (&from, &to) {
        check_range(from, to)?;
    }
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.day, e.created_at, e.title, substr(e.body, 1, 800), e.prompt_id,
                json_object('kind', ip.kind, 'name', ip.name, 'pronouns', json(ip.pronouns),
                            'felt', ip.felt, 'moment', ip.moment)
         FROM identity_parts ip CROSS JOIN entries e ON e.id = ip.entry_id
         WHERE e.deleted_at IS NULL
           AND (?1 IS NULL OR e.day >= ?1) AND (?2 IS NULL OR e.day <= ?2)
         ORDER BY e.created_ms DESC, e.id DESC",
    )?;
    let rows = stmt
        .query_map(params![from, to], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut items = Vec::with_capacity(rows.len());
    for (entry_id, day, created_at, title, body, prompt_id, part) in rows {
        let part: IdentityPart = serde_json::from_str(&part).map_err(|_| {
            JournalError::Vault(VaultError::Corrupt(
                "Part of a saved entry couldn't be read.".into(),
            ))
        })?;
        items.push(IdentityTimelineItem {
            entry_id,
            day,
            created_at,
            part,
            title,
            excerpt: plain_excerpt(&body),
            prompt_id,
        });
    }
    let tried = tried(&items);
    Ok(IdentityTimeline { items, tried })
}

/// What makes two try-ons "the same": the name ignoring case, the set by its forms and verb
/// agreement.
type TriedKey = (Option<String>, Option<([String; 5], bool)>);

fn key(name: Option<&str>, pronouns: Option<&PronounSet>) -> TriedKey {
    (
        name.map(str::to_lowercase),
        pronouns.map(|p| {
            (
                [
                    p.subject.clone(),
                    p.object.clone(),
                    p.determiner.clone(),
                    p.possessive.clone(),
                    p.reflexive.clone(),
                ],
                p.plural_verbs,
            )
        }),
    )
}

/// The try-ons among `items` (newest first) grouped, most recently tried first.
fn tried(items: &[IdentityTimelineItem]) -> Vec<TriedSummary> {
    let mut groups: Vec<TriedSummary> = Vec::new();
    let mut index: HashMap<TriedKey, usize> = HashMap::new();
    // Oldest first, so `felt` comes out oldest first and the last one seen is the newest.
    for item in items.iter().rev() {
        let part = &item.part;
        if part.kind != IdentityKind::TryOn {
            continue;
        }
        let k = key(part.name.as_deref(), part.pronouns.as_ref());
        let i = *index.entry(k).or_insert_with(|| {
            groups.push(TriedSummary {
                name: None,
                pronouns: None,
                times: 0,
                felt: Vec::new(),
                first_day: item.day.clone(),
                last_day: item.day.clone(),
            });
            groups.len() - 1
        });
        let group = &mut groups[i];
        group.name.clone_from(&part.name);
        group.pronouns.clone_from(&part.pronouns);
        group.times += 1;
        group.felt.extend(part.felt);
        group.last_day.clone_from(&item.day);
    }
    // Most recently tried first: groups in the order their newest try-on comes in `items`.
    let mut order: Vec<usize> = Vec::with_capacity(groups.len());
    let mut placed = vec![false; groups.len()];
    for item in items {
        let part = &item.part;
        if part.kind == IdentityKind::TryOn {
            let i = index[&key(part.name.as_deref(), part.pronouns.as_ref())];
            if !placed[i] {
                placed[i] = true;
                order.push(i);
            }
        }
    }
    let mut slots: Vec<Option<TriedSummary>> = groups.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

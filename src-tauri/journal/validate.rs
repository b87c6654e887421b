//! Checks and normalisation of what the UI sends. Text is kept byte for byte (no Unicode
//! normalisation, no HTML escaping, no trimming of titles and bodies); only tags and ids are
//! tidied. Messages are warm and never quote the person's writing.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::model::{Checkin, EntryDraft, EntryFilter, EntryKind, FeelingPick};
use super::{JournalError, Result};
use crate::goals::GoalCheckinPart;
use crate::identity::{IdentityKind, IdentityPart};
use crate::vault::{normalize_name, PronounSet, VaultError};

/// Largest body, in bytes of UTF-8 (a 1 MB entry fits comfortably).
pub const BODY_MAX_BYTES: usize = 2 * 1024 * 1024;
/// Longest title, in characters.
pub const TITLE_MAX_CHARS: usize = 300;
/// Most tags on one entry.
pub const TAGS_MAX: usize = 30;
/// Longest tag, in characters (after tidying).
pub const TAG_MAX_CHARS: usize = 40;
/// Longest "what's going on" / "what helped", in characters.
pub const CHECKIN_TEXT_MAX_CHARS: usize = 20_000;
/// Most feelings in one check-in.
pub const FEELINGS_MAX: usize = 40;
/// Most body sensations in one check-in.
pub const SENSATIONS_MAX: usize = 60;
/// Longest id (feeling, sensation, prompt), in characters.
pub const ID_MAX_CHARS: usize = 100;
/// Most values in one filter list.
pub const FILTER_LIST_MAX: usize = 200;

/// A draft after the checks: what gets stored.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanDraft {
    pub kind: EntryKind,
    pub title: Option<String>,
    pub body: String,
    pub tags: Vec<String>,
    pub prompt_id: Option<String>,
    pub checkin: Option<Checkin>,
    /// Only for `goal_checkin` entries.
    pub goal: Option<GoalCheckinPart>,
    /// Only for `reflection` entries of the identity space.
    pub identity: Option<IdentityPart>,
}

impl CleanDraft {
    /// Nothing in it worth keeping (a prompt id alone does not count, nor a goal id alone, nor
    /// the mark of an identity reflection; a try-on or a moment counts without a note).
    pub fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.body.trim().is_empty()
            && self.tags.is_empty()
            && self.checkin.as_ref().is_none_or(checkin_is_empty)
            && self
                .goal
                .as_ref()
                .is_none_or(|g| g.in_the_way.is_none() && g.next_step.is_none())
            && self
                .identity
                .as_ref()
                .is_none_or(|p| p.kind == IdentityKind::Reflection)
    }

    /// The mood this entry adds to its day: the pad's pleasantness when placed, otherwise the
    /// intensity-weighted mean valence of the feelings; `None` for other kinds or neither.
    pub fn mood(&self) -> Option<f64> {
        self.checkin.as_ref().and_then(checkin_mood)
    }
}

fn checkin_is_empty(c: &Checkin) -> bool {
    c.feelings.is_empty()
        && c.pleasantness.is_none()
        && c.energy.is_none()
        && c.sensations.is_empty()
        && c.going_on.is_none()
        && c.helped.is_none()
}

pub fn checkin_mood(c: &Checkin) -> Option<f64> {
    if let Some(p) = c.pleasantness {
        return Some(p);
    }
    let weight: f64 = c.feelings.iter().map(|f| f64::from(f.intensity)).sum();
    if weight <= 0.0 {
        return None;
    }
    let sum: f64 = c
        .feelings
        .iter()
        .map(|f| f64::from(f.intensity) * f64::from(f.valence))
        .sum();
    Some(sum / weight)
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// `Some(text)` unless it is blank; the text itself is kept as typed.
fn non_blank(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}

/// An id-like value: trimmed, blank → `None`, no control characters, at most `ID_MAX_CHARS`.
fn clean_id(value: &str, what: &str) -> Result<Option<String>> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    if chars(v) > ID_MAX_CHARS || v.chars().any(char::is_control) {
        return Err(JournalError::invalid(format!(
            "That {what} isn't one Cove knows. Please pick it again."
        )));
    }
    Ok(Some(v.to_owned()))
}

pub fn clean_draft(draft: EntryDraft) -> Result<CleanDraft> {
    if draft.body.len() > BODY_MAX_BYTES {
        return Err(JournalError::invalid(
            "This entry is longer than Cove can keep in one piece (about 2 MB of text). \
             Try splitting it into two entries.",
        ));
    }
    let title = non_blank(draft.title);
    if title.as_deref().is_some_and(|t| chars(t) > TITLE_MAX_CHARS) {
        return Err(JournalError::invalid(format!(
            "The title can be up to {TITLE_MAX_CHARS} characters. Please shorten it."
        )));
    }
    let tags = clean_tags(&draft.tags)?;
    let prompt_id = match draft.prompt_id {
        Some(p) => clean_id(&p, "prompt")?,
        None => None,
    };
    let checkin = match draft.kind {
        EntryKind::Checkin => Some(clean_checkin(draft.checkin.unwrap_or_default())?),
        // A goal check-in may carry feelings (and the pad); an empty one is stored as none.
        EntryKind::GoalCheckin => match draft.checkin {
            Some(c) => Some(clean_checkin(c)?).filter(|c| !checkin_is_empty(c)),
            None => None,
        },
        _ => {
            if draft.checkin.is_some() {
                return Err(JournalError::invalid(
                    "Feelings can only be saved with a check-in. Please start a check-in for them.",
                ));
            }
            None
        }
    };
    let goal = match (draft.kind, draft.goal) {
        (EntryKind::GoalCheckin, Some(g)) => Some(clean_goal_part(g)?),
        (_, None) => None,
        (_, Some(_)) => {
            return Err(JournalError::invalid(
                "Only a goal check-in can be linked to a goal. Please check in from the goal.",
            ))
        }
    };
    let identity =
        match (draft.kind, draft.identity) {
            (EntryKind::Reflection, Some(p)) => Some(clean_identity_part(p)?),
            (_, None) => None,
            (_, Some(_)) => return Err(JournalError::invalid(
                "Try-ons and moments are kept as reflections. Please save it from the identity \
                 space.",
            )),
        };
    Ok(CleanDraft {
        kind: draft.kind,
        title,
        body: draft.body,
        tags,
        prompt_id,
        checkin,
        goal,
        identity,
    })
}

/// A profile rule broken by a name or a pronoun set, as the journal's own error.
fn from_profile(err: VaultError) -> JournalError {
    match err {
        VaultError::InvalidInput(message) => JournalError::InvalidInput(message),
        other => JournalError::Vault(other),
    }
}

/// The identity part of a reflection, checked: a try-on has a name or a pronoun set (each
/// tidied as in the profile) and maybe how it felt (-2 … 2); a moment says which kind; an
/// identity reflection has neither. Anything else is refused, so nothing is stored that the
/// identity space could not show.
pub fn clean_identity_part(part: IdentityPart) -> Result<IdentityPart> {
    let name = normalize_name(part.name.as_deref()).map_err(from_profile)?;
    let pronouns = part
        .pronouns
        .as_ref()
        .map(PronounSet::normalized)
        .transpose()
        .map_err(from_profile)?;
    let try_on = part.kind == IdentityKind::TryOn;
    if !try_on && (name.is_some() || pronouns.is_some()) {
        return Err(JournalError::invalid(
            "A name or pronouns can only be saved with a try-on. Please start a try-on for them.",
        ));
    }
    if let Some(felt) = part.felt {
        if !try_on {
            return Err(JournalError::invalid(
                "How something felt can only be saved with a try-on.",
            ));
        }
        if !(-2..=2).contains(&felt) {
            return Err(JournalError::invalid(
                "How it felt didn't come through right. Please choose it again, or skip it.",
            ));
        }
    }
    match part.kind {
        IdentityKind::TryOn if name.is_none() && pronouns.is_none() => {
            return Err(JournalError::invalid(
                "A try-on needs a name or pronouns to try. Please add one, or both.",
            ))
        }
        IdentityKind::Moment if part.moment.is_none() => {
            return Err(JournalError::invalid(
                "Please choose whether this was a moment of euphoria or of dysphoria.",
            ))
        }
        IdentityKind::TryOn | IdentityKind::Reflection if part.moment.is_some() => {
            return Err(JournalError::invalid(
                "Only a moment can be marked as euphoria or dysphoria.",
            ))
        }
        _ => {}
    }
    Ok(IdentityPart {
        kind: part.kind,
        name,
        pronouns,
        felt: part.felt,
        moment: part.moment,
    })
}

/// The goal part of a goal check-in: blank texts → `None`, the texts otherwise kept as typed,
/// each within the check-in box limit. Whether the goal exists is checked when saving.
pub fn clean_goal_part(g: GoalCheckinPart) -> Result<GoalCheckinPart> {
    if g.goal_id <= 0 {
        return Err(JournalError::invalid(
            "That goal isn't here anymore. Please choose the goal again.",
        ));
    }
    let in_the_way = non_blank(g.in_the_way);
    let next_step = non_blank(g.next_step);
    for text in [&in_the_way, &next_step].into_iter().flatten() {
        if chars(text) > CHECKIN_TEXT_MAX_CHARS {
            return Err(JournalError::invalid(format!(
                "Each box in a check-in can hold up to {CHECKIN_TEXT_MAX_CHARS} characters. \
                 For more, a journal entry has all the room you need."
            )));
        }
    }
    Ok(GoalCheckinPart {
        goal_id: g.goal_id,
        in_the_way,
        next_step,
    })
}

/// One tag tidied: trimmed, leading `#`s dropped, inner whitespace collapsed to one space.
/// Empty when nothing is left.
pub fn clean_tag(tag: &str) -> String {
    let t = tag.trim().trim_start_matches('#');
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The case-insensitive key a tag is matched and grouped by.
pub fn tag_key(tag: &str) -> String {
    tag.to_lowercase()
}

pub fn clean_tags(tags: &[String]) -> Result<Vec<String>> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for tag in tags {
        let t = clean_tag(tag);
        if t.is_empty() {
            continue;
        }
        if chars(&t) > TAG_MAX_CHARS {
            return Err(JournalError::invalid(format!(
                "A tag can be up to {TAG_MAX_CHARS} characters. Please shorten it."
            )));
        }
        if seen.insert(tag_key(&t)) {
            out.push(t);
        }
    }
    if out.len() > TAGS_MAX {
        return Err(JournalError::invalid(format!(
            "An entry can have up to {TAGS_MAX} tags. Please remove a few."
        )));
    }
    Ok(out)
}

fn check_unit(value: Option<f64>) -> Result<Option<f64>> {
    match value {
        Some(v) if !v.is_finite() || !(-1.0..=1.0).contains(&v) => Err(JournalError::invalid(
            "The place on the energy and pleasantness pad didn't come through. Please place it again.",
        )),
        other => Ok(other),
    }
}

pub fn clean_checkin(c: Checkin) -> Result<Checkin> {
    let mut seen = HashSet::new();
    let mut feelings = Vec::new();
    for pick in c.feelings {
        let Some(feeling) = clean_id(&pick.feeling, "feeling")? else {
            continue;
        };
        if !(1..=5).contains(&pick.intensity) {
            return Err(JournalError::invalid(
                "How strong a feeling is goes from 1 to 5. Please set it again.",
            ));
        }
        if !(-1..=1).contains(&pick.valence) {
            return Err(JournalError::invalid(
                "One of the feelings didn't come through right. Please pick it again.",
            ));
        }
        if seen.insert(feeling.clone()) {
            feelings.push(FeelingPick {
                feeling,
                intensity: pick.intensity,
                valence: pick.valence,
            });
        }
    }
    if feelings.len() > FEELINGS_MAX {
        return Err(JournalError::invalid(format!(
            "A check-in can hold up to {FEELINGS_MAX} feelings. Please choose the ones that \
             matter most right now."
        )));
    }
    let mut seen = HashSet::new();
    let mut sensations = Vec::new();
    for s in &c.sensations {
        if let Some(s) = clean_id(s, "body sensation")? {
            if seen.insert(s.clone()) {
                sensations.push(s);
            }
        }
    }
    if sensations.len() > SENSATIONS_MAX {
        return Err(JournalError::invalid(format!(
            "A check-in can hold up to {SENSATIONS_MAX} body sensations."
        )));
    }
    let going_on = non_blank(c.going_on);
    let helped = non_blank(c.helped);
    for text in [&going_on, &helped].into_iter().flatten() {
        if chars(text) > CHECKIN_TEXT_MAX_CHARS {
            return Err(JournalError::invalid(format!(
                "Each box in a check-in can hold up to {CHECKIN_TEXT_MAX_CHARS} characters. \
                 For more, a journal entry has all the room you need."
            )));
        }
    }
    Ok(Checkin {
        feelings,
        pleasantness: check_unit(c.pleasantness)?,
        energy: check_unit(c.energy)?,
        sensations,
        going_on,
        helped,
    })
}

/// A `YYYY-MM-DD` day, checked.
pub fn parse_day(day: &str) -> Result<NaiveDate> {
    let ok = day.len() == 10 && day.as_bytes()[4] == b'-' && day.as_bytes()[7] == b'-';
    ok.then(|| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| {
            JournalError::invalid("That date didn't come through right. Please pick it again.")
        })
}

/// A from…to range of days, checked (`from` ≤ `to`).
pub fn check_range(from: &str, to: &str) -> Result<()> {
    if parse_day(from)? > parse_day(to)? {
        return Err(JournalError::invalid(
            "The start date is after the end date. Please swap them.",
        ));
    }
    Ok(())
}

/// A filter after the checks: days validated, tags as match keys, duplicates gone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CleanFilter {
    pub kinds: Vec<EntryKind>,
    pub feelings: Vec<String>,
    pub tag_keys: Vec<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Entries with an identity part are left out unless this is set.
    pub include_identity: bool,
}

impl CleanFilter {
    /// Nothing narrows the result beyond the trash and the identity space.
    pub fn is_open(&self) -> bool {
        self.kinds.is_empty()
            && self.feelings.is_empty()
            && self.tag_keys.is_empty()
            && self.from.is_none()
            && self.to.is_none()
    }
}

/// The SQL condition (on `column`, an entry id) that leaves out the entries of the identity
/// space.
pub fn outside_identity(column: &str) -> String {
    format!("{column} NOT IN (SELECT entry_id FROM identity_parts)")
}

pub fn clean_filter(f: &EntryFilter) -> Result<CleanFilter> {
    if f.kinds.len() > FILTER_LIST_MAX
        || f.feelings.len() > FILTER_LIST_MAX
        || f.tags.len() > FILTER_LIST_MAX
    {
        return Err(JournalError::invalid(
            "That's a lot of filters at once. Please choose fewer.",
        ));
    }
    let mut kinds = Vec::new();
    for k in &f.kinds {
        if !kinds.contains(k) {
            kinds.push(*k);
        }
    }
    let mut feelings: Vec<String> = Vec::new();
    for feeling in &f.feelings {
        if let Some(id) = clean_id(feeling, "feeling")? {
            if !feelings.contains(&id) {
                feelings.push(id);
            }
        }
    }
    let mut tag_keys: Vec<String> = Vec::new();
    for tag in &f.tags {
        let key = tag_key(&clean_tag(tag));
        if !key.is_empty() && !tag_keys.contains(&key) {
            tag_keys.push(key);
        }
    }
    let from = match f.from.as_deref() {
        Some(d) => Some(parse_day(d)?.format("%Y-%m-%d").to_string()),
        None => None,
    };
    let to = match f.to.as_deref() {
        Some(d) => Some(parse_day(d)?.format("%Y-%m-%d").to_string()),
        None => None,
    };
    Ok(CleanFilter {
        kinds,
        feelings,
        tag_keys,
        from,
        to,
        include_identity: f.include_identity == Some(true),
    })
}

/// The SQL condition (on the alias `e`) and its parameters for a filter. Always includes
/// `e.deleted_at IS NULL` (the trash is never part of a filter's result), and leaves out the
/// identity space's entries unless the filter includes them. Feelings and tags are
/// uncorrelated `IN` lists (built once through their indexes); the unary `+` keeps SQLite from
/// driving the query from those lists, so a page walks the timeline index in order and stops
/// early instead of fetching and sorting every entry with a common tag.
pub fn filter_sql(f: &CleanFilter) -> (String, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value;
    let mut sql = String::from("e.deleted_at IS NULL");
    let mut params: Vec<Value> = Vec::new();
    if !f.include_identity {
        sql.push_str(" AND ");
        sql.push_str(&outside_identity("e.id"));
    }
    if !f.kinds.is_empty() {
        sql.push_str(" AND e.kind IN (");
        for (i, k) in f.kinds.iter().enumerate() {
            sql.push_str(if i == 0 { "?" } else { ", ?" });
            params.push(Value::Text(kind_str(*k).to_owned()));
        }
        sql.push(')');
    }
    if !f.feelings.is_empty() {
        sql.push_str(" AND +e.id IN (SELECT entry_id FROM entry_feelings WHERE feeling IN (");
        for (i, feeling) in f.feelings.iter().enumerate() {
            sql.push_str(if i == 0 { "?" } else { ", ?" });
            params.push(Value::Text(feeling.clone()));
        }
        sql.push_str("))");
    }
    for key in &f.tag_keys {
        sql.push_str(" AND +e.id IN (SELECT entry_id FROM entry_tags WHERE tag_key = ?)");
        params.push(Value::Text(key.clone()));
    }
    if let Some(from) = &f.from {
        sql.push_str(" AND e.day >= ?");
        params.push(Value::Text(from.clone()));
    }
    if let Some(to) = &f.to {
        sql.push_str(" AND e.day <= ?");
        params.push(Value::Text(to.clone()));
    }
    (sql, params)
}

pub fn kind_str(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Free => "free",
        EntryKind::Checkin => "checkin",
        EntryKind::Reflection => "reflection",
        EntryKind::GoalCheckin => "goal_checkin",
    }
}

pub fn parse_kind(kind: &str) -> EntryKind {
    match kind {
        "checkin" => EntryKind::Checkin,
        "reflection" => EntryKind::Reflection,
        "goal_checkin" => EntryKind::GoalCheckin,
        _ => EntryKind::Free,
    }
}

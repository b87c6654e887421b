//! The share file's payload (`docs/share-format.md`): building it from exactly what the person
//! picked ([`build_payload`]; a counselor's ideas: [`build_suggestions`]), and checking one —
//! just built, or just read from a file — against the format's rules and limits
//! ([`validate_payload`]).
//!
//! Only the parts the person switched on are filled in; everything else is `None` (JSON
//! `null`), so what was left out is not in the file at all. Feelings and prompts go as words
//! (the UI supplies the shipped vocabulary's words in the language of the share; the person's
//! own words come from the journal's library), never as ids.

use std::collections::{BTreeMap, HashSet};
use std::str::FromStr;

use chrono::{DateTime, FixedOffset};
use rand::RngCore;
use rusqlite::Connection;

use super::model::{
    EntryParts, FeelingTally, GoalParts, PayloadKind, Sender, ShareMethod, SharePayload,
    ShareSelection, SharedFeeling, SharedGoalCheckin, SharedItem, SharedPlanSection, SharedStep,
    Suggestion, PAYLOAD_FORMAT, PAYLOAD_VERSION,
};
use super::{Result, SharingError};
use crate::goals;
use crate::journal::{self, Entry, JournalError, JournalLibrary};
use crate::safety::{self, SafetyContact, SafetyError};
use crate::vault::{settings, Profile, PronounSet};

/// Most shared items in one payload.
pub const ITEMS_MAX: usize = 2_000;
/// Most suggestions in one payload.
pub const SUGGESTIONS_MAX: usize = 200;
/// Most elements in any list inside an item or a suggestion (feelings, tags, steps, check-ins,
/// safety plan sections and their items).
pub const LIST_MAX: usize = 2_000;
/// Longest text field (a title, a body, a note, …), in characters (Unicode scalar values).
pub const TEXT_MAX_CHARS: usize = 100_000;
/// Longest name-like field (a sender's name, a feeling word, a tag, a goal's title, a pronoun
/// form, …), in characters.
pub const NAME_MAX_CHARS: usize = 200;
/// Largest payload (the JSON text, before encryption), in bytes.
pub const PAYLOAD_MAX_BYTES: usize = 16 * 1024 * 1024;
/// Most feelings in a shared insights summary.
pub const TOP_FEELINGS_SHARED: usize = 10;
/// The safety plan's section ids, in the plan's order.
pub const SAFETY_PLAN_SECTIONS: [&str; 7] = [
    "warning_signs",
    "coping_on_my_own",
    "people_and_places",
    "people_to_ask",
    "professionals",
    "safer_space",
    "reasons_for_living",
];

/// Whether this share's sender can be answered: `true` when the file is sealed to a key
/// (`file`, `armored_text`), so `from.replyTo` carries this journal's own public key.
fn replies_to_key(method: ShareMethod) -> bool {
    matches!(method, ShareMethod::File | ShareMethod::ArmoredText)
}

/// This journal's public key (made on first use).
fn my_recipient(conn: &Connection, now: DateTime<FixedOffset>) -> Result<String> {
    Ok(super::keys::my_key(conn, now)?.recipient)
}

/// A new share id: 128 random bits as 32 lowercase hex digits.
fn new_share_id() -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn too_much() -> SharingError {
    SharingError::invalid(
        "This is more than one share can carry (at most 2,000 things, and each piece of \
         writing up to 100,000 characters). Please share fewer things at once, or leave out \
         the longest writing.",
    )
}

fn too_long_note() -> SharingError {
    SharingError::invalid(format!(
        "The note can be up to {} characters. Please shorten it.",
        goals::NOTE_MAX_CHARS
    ))
}

/// Trimmed; `None` when blank.
fn non_blank(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// The words for the ids the payload must not carry: feelings and prompts.
struct Words<'a> {
    conn: &'a Connection,
    feeling_names: &'a BTreeMap<String, String>,
    prompt_texts: &'a BTreeMap<String, String>,
    library: Option<JournalLibrary>,
}

impl Words<'_> {
    fn library(&mut self) -> Result<&JournalLibrary> {
        if self.library.is_none() {
            self.library = Some(journal::load_library(self.conn)?);
        }
        Ok(self.library.get_or_insert_with(JournalLibrary::default))
    }

    /// A feeling's word: the one the UI gave, else the person's own word (`custom:<id>`), else
    /// (a shipped id the UI did not name) the id with spaces. `None` for an own word that no
    /// longer exists.
    fn feeling(&mut self, id: &str) -> Result<Option<String>> {
        if let Some(word) = non_blank(self.feeling_names.get(id).map(String::as_str)) {
            return Ok(Some(word));
        }
        if let Some(own) = id.strip_prefix("custom:") {
            let library = self.library()?;
            return Ok(library
                .custom_feelings
                .iter()
                .find(|f| f.id == own)
                .and_then(|f| non_blank(Some(&f.word))));
        }
        Ok(Some(id.replace('_', " ")))
    }

    /// A prompt's text: the one the UI gave, else the person's own prompt; `None` when
    /// neither is known (an id never goes into the file).
    fn prompt(&mut self, id: &str) -> Result<Option<String>> {
        if let Some(text) = non_blank(self.prompt_texts.get(id).map(String::as_str)) {
            return Ok(Some(text));
        }
        if let Some(own) = id.strip_prefix("custom:") {
            let library = self.library()?;
            return Ok(library
                .custom_prompts
                .iter()
                .find(|p| p.id == own)
                .and_then(|p| non_blank(Some(&p.text))));
        }
        Ok(None)
    }
}

/// The sender's name and pronouns for shared summaries: `Profile.shared`, each part falling
/// back to the app's.
fn shared_addressing(conn: &Connection) -> Result<(Option<String>, Option<PronounSet>)> {
    let profile: Profile =
        settings::load_json(conn, "profile", "name and pronouns")?.unwrap_or_default();
    let shared = profile.shared.unwrap_or_default();
    Ok((
        shared.name.or(profile.name),
        shared.pronouns.or(profile.pronouns),
    ))
}

/// Builds the payload of a share (client → counselor) from `selection`, read from the vault at
/// `now`. `method` is how it will go: sealed to a key (`file`, `armored_text`) puts this
/// journal's public key in `from.replyTo` (making the key pair on first use); the passphrase
/// mode, print and show in session leave it `null`.
///
/// An entry in the trash or missing, or a goal that no longer exists, is `not_found`; an
/// unknown safety plan section, a bad insights range, an empty selection or one larger than
/// the format allows is `invalid_input`. Nothing is written (except the key pair).
pub fn build_payload(
    conn: &Connection,
    selection: &ShareSelection,
    method: ShareMethod,
    now: DateTime<FixedOffset>,
) -> Result<SharePayload> {
    let note = non_blank(selection.note.as_deref());
    if note
        .as_deref()
        .is_some_and(|n| n.chars().count() > goals::NOTE_MAX_CHARS)
    {
        return Err(too_long_note());
    }
    if selection.entries.len() + selection.goals.len() > ITEMS_MAX {
        return Err(too_much());
    }
    let mut words = Words {
        conn,
        feeling_names: &selection.feeling_names,
        prompt_texts: &selection.prompt_texts,
        library: None,
    };
    let mut items = Vec::new();

    let mut seen = HashSet::new();
    for pick in &selection.entries {
        if !seen.insert(pick.id) {
            continue;
        }
        let entry = journal::get_entry(conn, pick.id)?;
        if entry.deleted_at.is_some() {
            return Err(JournalError::NotFound.into());
        }
        items.push(entry_item(conn, &entry, &pick.parts, &mut words)?);
    }

    let mut seen = HashSet::new();
    for pick in &selection.goals {
        if !seen.insert(pick.id) {
            continue;
        }
        items.push(goal_item(conn, pick.id, &pick.parts)?);
    }

    if let Some(range) = &selection.insights {
        let insights = journal::insights(conn, &range.from, &range.to)?;
        let mut top_feelings = Vec::new();
        for f in insights.top_feelings {
            if top_feelings.len() == TOP_FEELINGS_SHARED {
                break;
            }
            if let Some(word) = words.feeling(&f.feeling)? {
                top_feelings.push(FeelingTally {
                    word,
                    count: f.count,
                });
            }
        }
        items.push(SharedItem::Insights {
            from: insights.from,
            to: insights.to,
            entries: insights.total_entries,
            checkins: insights.total_checkins,
            top_feelings,
        });
    }

    if let Some(pick) = &selection.safety_plan {
        items.push(safety_plan_item(conn, &pick.sections)?);
    }

    if items.is_empty() && note.is_none() {
        return Err(SharingError::invalid(
            "There's nothing to share yet. Pick at least one thing to share.",
        ));
    }

    let (name, pronouns) = if selection.include_profile {
        shared_addressing(conn)?
    } else {
        (None, None)
    };
    let reply_to = if replies_to_key(method) {
        Some(my_recipient(conn, now)?)
    } else {
        None
    };
    let payload = SharePayload {
        format: PAYLOAD_FORMAT.to_owned(),
        version: PAYLOAD_VERSION,
        share_id: new_share_id(),
        created_at: journal::stamp(&now),
        kind: PayloadKind::Share,
        from: Sender {
            name,
            pronouns,
            reply_to,
            note,
        },
        items,
        suggestions: Vec::new(),
    };
    check_built(&payload)?;
    Ok(payload)
}

/// Builds the payload of a counselor's suggestions (counselor → client) at `now`: the
/// counselor's name for shared summaries (else the app's), this journal's public key in
/// `from.replyTo` (so the client's Cove can tell which paired counselor sent it), the
/// suggestions tidied (trimmed, blank optional texts and steps dropped) and checked against
/// the limits goals proposals have, so an import never stops half way.
pub fn build_suggestions(
    conn: &Connection,
    suggestions: &[Suggestion],
    note: Option<&str>,
    now: DateTime<FixedOffset>,
) -> Result<SharePayload> {
    let note = non_blank(note);
    if note
        .as_deref()
        .is_some_and(|n| n.chars().count() > goals::NOTE_MAX_CHARS)
    {
        return Err(too_long_note());
    }
    if suggestions.is_empty() {
        return Err(SharingError::invalid(
            "There's nothing to send yet. Write at least one goal idea or prompt.",
        ));
    }
    if suggestions.len() > SUGGESTIONS_MAX {
        return Err(SharingError::invalid(format!(
            "One file can carry up to {SUGGESTIONS_MAX} ideas. Please send the rest in another."
        )));
    }
    let mut clean = Vec::with_capacity(suggestions.len());
    for s in suggestions {
        let s = tidy_suggestion(s);
        check_suggestion(&s).map_err(|err| match err {
            SharingError::NotAShare => SharingError::invalid(
                "Each idea needs a few words: a goal its title, a prompt its text.",
            ),
            _ => SharingError::invalid(format!(
                "One of the ideas is longer than a suggestion can be (a goal's title up to {} \
                 characters, a prompt up to {}, its why and note up to {}, up to {} steps of \
                 {} characters). Please shorten it.",
                goals::TITLE_MAX_CHARS,
                goals::PROMPT_MAX_CHARS,
                goals::NOTE_MAX_CHARS,
                goals::STEPS_MAX,
                goals::STEP_MAX_CHARS,
            )),
        })?;
        clean.push(s);
    }
    let (name, _) = shared_addressing(conn)?;
    let payload = SharePayload {
        format: PAYLOAD_FORMAT.to_owned(),
        version: PAYLOAD_VERSION,
        share_id: new_share_id(),
        created_at: journal::stamp(&now),
        kind: PayloadKind::Suggestions,
        from: Sender {
            name,
            pronouns: None,
            reply_to: Some(my_recipient(conn, now)?),
            note,
        },
        items: Vec::new(),
        suggestions: clean,
    };
    check_built(&payload)?;
    Ok(payload)
}

fn tidy_suggestion(s: &Suggestion) -> Suggestion {
    match s {
        Suggestion::Goal {
            title,
            why,
            steps,
            note,
        } => Suggestion::Goal {
            title: title.trim().to_owned(),
            why: non_blank(why.as_deref()),
            steps: steps.iter().filter_map(|s| non_blank(Some(s))).collect(),
            note: non_blank(note.as_deref()),
        },
        Suggestion::Prompt { text, note } => Suggestion::Prompt {
            text: text.trim().to_owned(),
            note: non_blank(note.as_deref()),
        },
    }
}

/// A payload Cove just built must pass the checks a reader makes, and fit in a file.
fn check_built(payload: &SharePayload) -> Result<()> {
    validate_payload(payload).map_err(|err| match err {
        SharingError::ShareTooLarge => too_much(),
        other => other,
    })?;
    let bytes = serde_json::to_vec(payload).map_err(|_| too_much())?;
    if bytes.len() > PAYLOAD_MAX_BYTES {
        return Err(too_much());
    }
    Ok(())
}

fn feelings_of(entry: &Entry, words: &mut Words<'_>) -> Result<Option<Vec<SharedFeeling>>> {
    let Some(checkin) = &entry.checkin else {
        return Ok(None);
    };
    let mut out = Vec::with_capacity(checkin.feelings.len());
    for f in &checkin.feelings {
        if let Some(word) = words.feeling(&f.feeling)? {
            out.push(SharedFeeling {
                word,
                intensity: f.intensity,
            });
        }
    }
    Ok((!out.is_empty()).then_some(out))
}

/// One entry with only the parts switched on (and holding something).
fn entry_item(
    conn: &Connection,
    entry: &Entry,
    parts: &EntryParts,
    words: &mut Words<'_>,
) -> Result<SharedItem> {
    let checkin = entry.checkin.as_ref();
    let goal = match (&entry.goal, parts.goal) {
        (Some(g), true) => {
            let goal_title = match goals::read_goal(conn, g.goal_id) {
                Ok(goal) => Some(goal.title),
                Err(goals::GoalsError::NotFound(_)) => None,
                Err(err) => return Err(err.into()),
            };
            Some(SharedGoalCheckin {
                goal_title,
                day: None,
                how: None,
                in_the_way: g.in_the_way.clone(),
                next_step: g.next_step.clone(),
            })
        }
        _ => None,
    };
    let prompt = match (&entry.prompt_id, parts.prompt) {
        (Some(id), true) => words.prompt(id)?,
        _ => None,
    };
    Ok(SharedItem::Entry {
        kind: entry.kind,
        day: entry.day.clone(),
        created_at: entry.created_at.clone(),
        title: if parts.title {
            non_blank(entry.title.as_deref())
        } else {
            None
        },
        body: if parts.body {
            non_blank(Some(&entry.body)).map(|_| entry.body.clone())
        } else {
            None
        },
        feelings: if parts.feelings {
            feelings_of(entry, words)?
        } else {
            None
        },
        going_on: if parts.going_on {
            checkin.and_then(|c| non_blank(c.going_on.as_deref()))
        } else {
            None
        },
        helped: if parts.helped {
            checkin.and_then(|c| non_blank(c.helped.as_deref()))
        } else {
            None
        },
        tags: if parts.tags && !entry.tags.is_empty() {
            Some(entry.tags.clone())
        } else {
            None
        },
        prompt,
        goal,
        identity: if parts.identity {
            entry.identity.clone()
        } else {
            None
        },
    })
}

/// One goal: its title, area, status and whether it was made with the counselor always; its
/// why, steps and check-ins when switched on.
fn goal_item(conn: &Connection, id: i64, parts: &GoalParts) -> Result<SharedItem> {
    let goal = goals::read_goal(conn, id)?;
    let checkins = if parts.checkins {
        let mut out = Vec::new();
        for summary in journal::goal_checkin_summaries(conn, id)? {
            let entry = journal::get_entry(conn, summary.id)?;
            let part = entry.goal.unwrap_or_default();
            out.push(SharedGoalCheckin {
                goal_title: None,
                day: Some(entry.day),
                how: non_blank(Some(&entry.body)).map(|_| entry.body),
                in_the_way: part.in_the_way,
                next_step: part.next_step,
            });
        }
        Some(out)
    } else {
        None
    };
    Ok(SharedItem::Goal {
        title: goal.title,
        why: if parts.why { goal.why } else { None },
        area: goal.area,
        status: goal.status,
        made_with_counselor: goal.made_with_counselor,
        steps: parts.steps.then(|| {
            goal.steps
                .into_iter()
                .map(|s| SharedStep {
                    text: s.text,
                    done: s.done_at.is_some(),
                })
                .collect()
        }),
        checkins,
    })
}

/// A safety plan contact as one line: "Name — phone — note" (the parts it has).
fn contact_line(c: &SafetyContact) -> String {
    [Some(c.name.as_str()), c.phone.as_deref(), c.note.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" — ")
}

/// The picked sections of the safety plan, in the plan's order (each once).
fn safety_plan_item(conn: &Connection, picked: &[String]) -> Result<SharedItem> {
    if picked
        .iter()
        .any(|id| !SAFETY_PLAN_SECTIONS.contains(&id.as_str()))
    {
        return Err(SharingError::invalid(
            "One of the safety plan's parts didn't come through right. Please pick them again.",
        ));
    }
    let plan = safety::load(conn).map_err(|err| match err {
        SafetyError::InvalidInput(message) => SharingError::InvalidInput(message),
        SafetyError::Vault(err) => SharingError::Vault(err),
    })?;
    let texts = |list: &[String]| list.to_vec();
    let contacts = |list: &[SafetyContact]| list.iter().map(contact_line).collect::<Vec<_>>();
    let sections = SAFETY_PLAN_SECTIONS
        .iter()
        .filter(|id| picked.iter().any(|p| p == *id))
        .map(|&id| SharedPlanSection {
            section: id.to_owned(),
            items: match id {
                "warning_signs" => texts(&plan.warning_signs),
                "coping_on_my_own" => texts(&plan.coping_on_my_own),
                "people_and_places" => texts(&plan.people_and_places),
                "people_to_ask" => contacts(&plan.people_to_ask),
                "professionals" => contacts(&plan.professionals),
                "safer_space" => texts(&plan.safer_space),
                _ => texts(&plan.reasons_for_living),
            },
        })
        .collect();
    Ok(SharedItem::SafetyPlan { sections })
}

// ── Reading and checking ──────────────────────────────────────────────────────────────────────

fn check_head(format: &str, version: u64) -> Result<()> {
    if format != PAYLOAD_FORMAT || version == 0 {
        return Err(SharingError::NotAShare);
    }
    if version > u64::from(PAYLOAD_VERSION) {
        return Err(SharingError::TooNew);
    }
    Ok(())
}

/// Checks a payload against `docs/share-format.md`: the format and version (a newer version is
/// `too_new`), the structure (`not_a_share`: a bad share id, date or time, kind, intensity,
/// section, reply key, or a suggestion without words) and the sizes (`share_too_large`: more
/// than [`ITEMS_MAX`] items, [`SUGGESTIONS_MAX`] suggestions, [`LIST_MAX`] elements in a list,
/// [`TEXT_MAX_CHARS`] in a text, [`NAME_MAX_CHARS`] in a name, or the goals proposals' limits in
/// a suggestion).
pub fn validate_payload(payload: &SharePayload) -> Result<()> {
    check_head(&payload.format, u64::from(payload.version))?;
    let id_ok = payload.share_id.len() == 32
        && payload
            .share_id
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if !id_ok {
        return Err(SharingError::NotAShare);
    }
    check_time(&payload.created_at)?;
    check_sender(&payload.from)?;
    match payload.kind {
        PayloadKind::Share => {
            if !payload.suggestions.is_empty() {
                return Err(SharingError::NotAShare);
            }
            if payload.items.len() > ITEMS_MAX {
                return Err(SharingError::ShareTooLarge);
            }
            payload.items.iter().try_for_each(check_item)
        }
        PayloadKind::Suggestions => {
            if !payload.items.is_empty() {
                return Err(SharingError::NotAShare);
            }
            if payload.suggestions.len() > SUGGESTIONS_MAX {
                return Err(SharingError::ShareTooLarge);
            }
            payload.suggestions.iter().try_for_each(check_suggestion)
        }
    }
}

fn chars_over(text: &str, max: usize) -> bool {
    text.len() > max && text.chars().count() > max
}

fn text(value: &str) -> Result<()> {
    if chars_over(value, TEXT_MAX_CHARS) {
        return Err(SharingError::ShareTooLarge);
    }
    Ok(())
}

fn opt_text(value: &Option<String>) -> Result<()> {
    value.as_deref().map_or(Ok(()), text)
}

fn name(value: &str) -> Result<()> {
    if chars_over(value, NAME_MAX_CHARS) {
        return Err(SharingError::ShareTooLarge);
    }
    Ok(())
}

fn opt_name(value: &Option<String>) -> Result<()> {
    value.as_deref().map_or(Ok(()), name)
}

fn list<T>(values: &[T]) -> Result<()> {
    if values.len() > LIST_MAX {
        return Err(SharingError::ShareTooLarge);
    }
    Ok(())
}

fn check_day(day: &str) -> Result<()> {
    journal::parse_day(day)
        .map(|_| ())
        .map_err(|_| SharingError::NotAShare)
}

fn check_time(time: &str) -> Result<()> {
    DateTime::parse_from_rfc3339(time)
        .map(|_| ())
        .map_err(|_| SharingError::NotAShare)
}

fn check_pronouns(set: &Option<PronounSet>) -> Result<()> {
    let Some(set) = set else {
        return Ok(());
    };
    [
        &set.id,
        &set.subject,
        &set.object,
        &set.determiner,
        &set.possessive,
        &set.reflexive,
    ]
    .into_iter()
    .try_for_each(|form| name(form))
}

fn check_sender(from: &Sender) -> Result<()> {
    opt_name(&from.name)?;
    check_pronouns(&from.pronouns)?;
    opt_text(&from.note)?;
    if let Some(key) = &from.reply_to {
        if chars_over(key, NAME_MAX_CHARS) || age::x25519::Recipient::from_str(key).is_err() {
            return Err(SharingError::NotAShare);
        }
    }
    Ok(())
}

fn check_goal_checkin(c: &SharedGoalCheckin) -> Result<()> {
    opt_name(&c.goal_title)?;
    if let Some(day) = &c.day {
        check_day(day)?;
    }
    opt_text(&c.how)?;
    opt_text(&c.in_the_way)?;
    opt_text(&c.next_step)
}

fn check_item(item: &SharedItem) -> Result<()> {
    match item {
        SharedItem::Entry {
            kind: _,
            day,
            created_at,
            title,
            body,
            feelings,
            going_on,
            helped,
            tags,
            prompt,
            goal,
            identity,
        } => {
            check_day(day)?;
            check_time(created_at)?;
            opt_text(title)?;
            opt_text(body)?;
            if let Some(feelings) = feelings {
                list(feelings)?;
                for f in feelings {
                    name(&f.word)?;
                    if !(1..=5).contains(&f.intensity) {
                        return Err(SharingError::NotAShare);
                    }
                }
            }
            opt_text(going_on)?;
            opt_text(helped)?;
            if let Some(tags) = tags {
                list(tags)?;
                tags.iter().try_for_each(|t| name(t))?;
            }
            opt_text(prompt)?;
            if let Some(goal) = goal {
                check_goal_checkin(goal)?;
            }
            if let Some(part) = identity {
                opt_name(&part.name)?;
                check_pronouns(&part.pronouns)?;
                if part.felt.is_some_and(|f| !(-2..=2).contains(&f)) {
                    return Err(SharingError::NotAShare);
                }
            }
            Ok(())
        }
        SharedItem::Goal {
            title,
            why,
            area: _,
            status: _,
            made_with_counselor: _,
            steps,
            checkins,
        } => {
            name(title)?;
            opt_text(why)?;
            if let Some(steps) = steps {
                list(steps)?;
                steps.iter().try_for_each(|s| text(&s.text))?;
            }
            if let Some(checkins) = checkins {
                list(checkins)?;
                checkins.iter().try_for_each(check_goal_checkin)?;
            }
            Ok(())
        }
        SharedItem::Insights {
            from,
            to,
            entries: _,
            checkins: _,
            top_feelings,
        } => {
            check_day(from)?;
            check_day(to)?;
            list(top_feelings)?;
            top_feelings.iter().try_for_each(|f| name(&f.word))
        }
        SharedItem::SafetyPlan { sections } => {
            list(sections)?;
            for s in sections {
                if !SAFETY_PLAN_SECTIONS.contains(&s.section.as_str()) {
                    return Err(SharingError::NotAShare);
                }
                list(&s.items)?;
                s.items.iter().try_for_each(|i| text(i))?;
            }
            Ok(())
        }
    }
}

/// A suggestion within the limits of goals proposals (so importing it cannot fail half way),
/// with words in its title or text.
fn check_suggestion(s: &Suggestion) -> Result<()> {
    let over = |t: &str, max: usize| chars_over(t, max);
    let opt_over = |t: &Option<String>, max: usize| t.as_deref().is_some_and(|t| over(t, max));
    match s {
        Suggestion::Goal {
            title,
            why,
            steps,
            note,
        } => {
            if title.trim().is_empty() {
                return Err(SharingError::NotAShare);
            }
            if over(title, goals::TITLE_MAX_CHARS)
                || opt_over(why, goals::WHY_MAX_CHARS)
                || opt_over(note, goals::NOTE_MAX_CHARS)
                || steps.len() > goals::STEPS_MAX
                || steps.iter().any(|s| over(s, goals::STEP_MAX_CHARS))
            {
                return Err(SharingError::ShareTooLarge);
            }
        }
        Suggestion::Prompt { text, note } => {
            if text.trim().is_empty() {
                return Err(SharingError::NotAShare);
            }
            if over(text, goals::PROMPT_MAX_CHARS) || opt_over(note, goals::NOTE_MAX_CHARS) {
                return Err(SharingError::ShareTooLarge);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "payload_tests.rs"]
mod tests;

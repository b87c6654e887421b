//! Checks and tidying of what the UI (or the share import) sends. Titles and steps are trimmed;
//! blank optional texts become `None`; the text is otherwise kept byte for byte (no Unicode
//! normalisation, no HTML escaping). Messages are plain and never quote the person's words.

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveTime};

use super::model::{
    GoalArea, GoalDraft, GoalReminder, GoalStatus, ProposalDraft, ProposalKind, ProposalStatus,
    ReminderSettings,
};
use super::{GoalsError, Result};

/// Longest goal title, in characters.
pub const TITLE_MAX_CHARS: usize = 200;
/// Longest "why this matters to me", in characters.
pub const WHY_MAX_CHARS: usize = 4_000;
/// Longest step, in characters.
pub const STEP_MAX_CHARS: usize = 500;
/// Most steps on one goal.
pub const STEPS_MAX: usize = 500;
/// Longest counselor's name on a proposal, in characters.
pub const FROM_NAME_MAX_CHARS: usize = 200;
/// Longest prompt proposal (the prompt's text), in characters (as the person's own prompts).
pub const PROMPT_MAX_CHARS: usize = 500;
/// Longest note with a proposal, in characters.
pub const NOTE_MAX_CHARS: usize = 4_000;
/// Longest share-file id of a proposal, in characters.
pub const SOURCE_ID_MAX_CHARS: usize = 200;

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// Trimmed; `None` when blank.
pub fn optional_text(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

/// A step (or a counselor's step) as the goal editor sends it, after the checks.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanStep {
    pub id: Option<i64>,
    pub text: String,
    pub done: bool,
}

/// A goal draft after the checks: what gets stored.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanGoal {
    pub title: String,
    pub why: Option<String>,
    pub area: Option<GoalArea>,
    pub steps: Vec<CleanStep>,
    pub target_date: Option<String>,
    pub made_with_counselor: bool,
    pub reminder: Option<GoalReminder>,
}

pub fn clean_title(title: &str) -> Result<String> {
    let title = title.trim();
    if title.is_empty() {
        return Err(GoalsError::invalid(
            "A goal needs a title: a few words in your own way are enough.",
        ));
    }
    if chars(title) > TITLE_MAX_CHARS {
        return Err(GoalsError::invalid(format!(
            "A goal's title can be up to {TITLE_MAX_CHARS} characters. The why and the steps \
             have room for more."
        )));
    }
    Ok(title.to_owned())
}

pub fn clean_why(why: Option<String>) -> Result<Option<String>> {
    let why = optional_text(why);
    if why.as_deref().is_some_and(|w| chars(w) > WHY_MAX_CHARS) {
        return Err(GoalsError::invalid(format!(
            "\"Why this matters to me\" can be up to {WHY_MAX_CHARS} characters."
        )));
    }
    Ok(why)
}

/// Steps trimmed, blank ones dropped, each within the limit, at most [`STEPS_MAX`], the order
/// kept. The same step id twice is refused (the list didn't come through right).
pub fn clean_steps(steps: Vec<(Option<i64>, String, bool)>) -> Result<Vec<CleanStep>> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (id, text, done) in steps {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if chars(text) > STEP_MAX_CHARS {
            return Err(GoalsError::invalid(format!(
                "Each step can be up to {STEP_MAX_CHARS} characters. Try splitting a long one \
                 into two smaller steps."
            )));
        }
        if let Some(id) = id {
            if !seen.insert(id) {
                return Err(GoalsError::invalid(
                    "The list of steps didn't come through right. Please try saving again.",
                ));
            }
        }
        out.push(CleanStep {
            id,
            text: text.to_owned(),
            done,
        });
    }
    if out.len() > STEPS_MAX {
        return Err(GoalsError::invalid(format!(
            "A goal can have up to {STEPS_MAX} steps. Maybe some of them could become a goal \
             of their own?"
        )));
    }
    Ok(out)
}

/// A gentle target date, `YYYY-MM-DD`; blank → `None`.
pub fn clean_date(date: Option<String>) -> Result<Option<String>> {
    let Some(date) = optional_text(date) else {
        return Ok(None);
    };
    let ok = date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-';
    match ok.then(|| NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok()) {
        Some(Some(d)) => Ok(Some(d.format("%Y-%m-%d").to_string())),
        _ => Err(GoalsError::invalid(
            "That date didn't come through right. Please pick it again.",
        )),
    }
}

/// A local time `HH:MM` (24-hour, two digits each).
pub fn parse_time(time: &str) -> Result<NaiveTime> {
    let b = time.as_bytes();
    let shape = b.len() == 5 && b[2] == b':' && [0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit());
    let parsed = shape
        .then(|| {
            let h = u32::from(b[0] - b'0') * 10 + u32::from(b[1] - b'0');
            let m = u32::from(b[3] - b'0') * 10 + u32::from(b[4] - b'0');
            NaiveTime::from_hms_opt(h, m, 0)
        })
        .flatten();
    parsed.ok_or_else(|| {
        GoalsError::invalid("That time didn't come through right. Please pick it again.")
    })
}

/// `HH:MM` checked; blank → `None`.
pub fn clean_time(time: Option<String>) -> Result<Option<String>> {
    match optional_text(time) {
        Some(t) => {
            parse_time(&t)?;
            Ok(Some(t))
        }
        None => Ok(None),
    }
}

/// A goal's reminder: the time checked, weekdays 0–6 without duplicates, in order.
pub fn clean_reminder(reminder: Option<GoalReminder>) -> Result<Option<GoalReminder>> {
    let Some(r) = reminder else {
        return Ok(None);
    };
    let time = r.time.trim().to_owned();
    parse_time(&time)?;
    if r.weekdays.iter().any(|&d| d > 6) {
        return Err(GoalsError::invalid(
            "The days for the reminder didn't come through right. Please pick them again.",
        ));
    }
    let mut weekdays = r.weekdays;
    weekdays.sort_unstable();
    weekdays.dedup();
    Ok(Some(GoalReminder { weekdays, time }))
}

pub fn clean_goal(draft: GoalDraft) -> Result<CleanGoal> {
    Ok(CleanGoal {
        title: clean_title(&draft.title)?,
        why: clean_why(draft.why)?,
        area: draft.area,
        steps: clean_steps(
            draft
                .steps
                .into_iter()
                .map(|s| (s.id, s.text, s.done))
                .collect(),
        )?,
        target_date: clean_date(draft.target_date)?,
        made_with_counselor: draft.made_with_counselor,
        reminder: clean_reminder(draft.reminder)?,
    })
}

/// App-wide reminder settings: times checked; quiet hours need both ends, and different ones.
pub fn clean_reminder_settings(s: ReminderSettings) -> Result<ReminderSettings> {
    let daily_checkin = clean_time(s.daily_checkin)?;
    let quiet_from = clean_time(s.quiet_from)?;
    let quiet_to = clean_time(s.quiet_to)?;
    match (&quiet_from, &quiet_to) {
        (Some(from), Some(to)) if from == to => Err(GoalsError::invalid(
            "Quiet hours need a start and an end that are different times.",
        )),
        (Some(_), None) | (None, Some(_)) => Err(GoalsError::invalid(
            "Quiet hours need both a start and an end time.",
        )),
        _ => Ok(ReminderSettings {
            daily_checkin,
            quiet_from,
            quiet_to,
        }),
    }
}

/// A proposal as it arrives from the share import, after the checks. Its words are the
/// counselor's, tidied like the person's own (trimmed, blank steps dropped).
pub fn clean_proposal(d: ProposalDraft) -> Result<ProposalDraft> {
    let from_name = d.from_name.trim().to_owned();
    // Empty: the counselor left their name out (the screens say "your counselor").
    if chars(&from_name) > FROM_NAME_MAX_CHARS {
        return Err(GoalsError::invalid(
            "The name on this suggestion is too long, so it wasn't added.",
        ));
    }
    let title = d.title.trim().to_owned();
    let title_max = match d.kind {
        ProposalKind::Goal => TITLE_MAX_CHARS,
        ProposalKind::Prompt => PROMPT_MAX_CHARS,
    };
    if title.is_empty() || chars(&title) > title_max {
        return Err(GoalsError::invalid(format!(
            "A suggestion needs a title of 1 to {title_max} characters, so this one wasn't added."
        )));
    }
    let steps = clean_steps(d.steps.into_iter().map(|s| (None, s, false)).collect())?
        .into_iter()
        .map(|s| s.text)
        .collect();
    let note = optional_text(d.note);
    if note.as_deref().is_some_and(|n| chars(n) > NOTE_MAX_CHARS) {
        return Err(GoalsError::invalid(format!(
            "The note with a suggestion can be up to {NOTE_MAX_CHARS} characters."
        )));
    }
    let source_id = optional_text(d.source_id);
    if source_id
        .as_deref()
        .is_some_and(|s| chars(s) > SOURCE_ID_MAX_CHARS || s.chars().any(char::is_control))
    {
        return Err(GoalsError::invalid(
            "This suggestion didn't come through right, so it wasn't added.",
        ));
    }
    Ok(ProposalDraft {
        kind: d.kind,
        from_name,
        title,
        why: clean_why(d.why)?,
        steps,
        note,
        for_goal_id: d.for_goal_id,
        source_id,
    })
}

// ── Stored names of the enums ───────────────────────────────────────────────────────────────

pub fn status_str(s: GoalStatus) -> &'static str {
    match s {
        GoalStatus::Active => "active",
        GoalStatus::Paused => "paused",
        GoalStatus::Done => "done",
        GoalStatus::LetGo => "let_go",
    }
}

pub fn parse_status(s: &str) -> GoalStatus {
    match s {
        "paused" => GoalStatus::Paused,
        "done" => GoalStatus::Done,
        "let_go" => GoalStatus::LetGo,
        _ => GoalStatus::Active,
    }
}

pub fn area_str(a: GoalArea) -> &'static str {
    match a {
        GoalArea::Feelings => "feelings",
        GoalArea::Friends => "friends",
        GoalArea::Family => "family",
        GoalArea::School => "school",
        GoalArea::Body => "body",
        GoalArea::Identity => "identity",
        GoalArea::Boundaries => "boundaries",
        GoalArea::Other => "other",
    }
}

pub fn parse_area(a: &str) -> Option<GoalArea> {
    Some(match a {
        "feelings" => GoalArea::Feelings,
        "friends" => GoalArea::Friends,
        "family" => GoalArea::Family,
        "school" => GoalArea::School,
        "body" => GoalArea::Body,
        "identity" => GoalArea::Identity,
        "boundaries" => GoalArea::Boundaries,
        "other" => GoalArea::Other,
        _ => return None,
    })
}

pub fn kind_str(k: ProposalKind) -> &'static str {
    match k {
        ProposalKind::Goal => "goal",
        ProposalKind::Prompt => "prompt",
    }
}

pub fn parse_kind(k: &str) -> ProposalKind {
    match k {
        "prompt" => ProposalKind::Prompt,
        _ => ProposalKind::Goal,
    }
}

pub fn proposal_status_str(s: ProposalStatus) -> &'static str {
    match s {
        ProposalStatus::Pending => "pending",
        ProposalStatus::Accepted => "accepted",
        ProposalStatus::Changed => "changed",
        ProposalStatus::Declined => "declined",
    }
}

pub fn parse_proposal_status(s: &str) -> ProposalStatus {
    match s {
        "accepted" => ProposalStatus::Accepted,
        "changed" => ProposalStatus::Changed,
        "declined" => ProposalStatus::Declined,
        _ => ProposalStatus::Pending,
    }
}

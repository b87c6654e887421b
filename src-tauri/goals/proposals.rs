//! The counselor's suggestions: a proposal changes nothing until the person decides. Accept
//! takes it as written, change takes it in the person's own words, "not now" sets it aside.

use chrono::{DateTime, FixedOffset};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::goal::{append_steps, read_goal, save_clean_goal};
use super::model::{
    CounselorWords, GoalDraft, Proposal, ProposalDecision, ProposalDraft, ProposalKind,
    ProposalOutcome, ProposalStatus,
};
use super::validate::{
    clean_goal, clean_proposal, kind_str, parse_kind, parse_proposal_status, proposal_status_str,
    CleanGoal, CleanStep, PROMPT_MAX_CHARS,
};
use super::{corrupt, internal, GoalsError, Result};
use crate::journal::{self, CustomPrompt};

const PROPOSAL_COLUMNS: &str = "p.id, p.kind, p.from_name, p.received_at, p.title, p.why, \
     p.steps, p.note, p.for_goal_id, \
     (p.for_goal_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM goals g WHERE g.id = p.for_goal_id)), \
     p.status, p.decided_at, p.goal_id";

fn proposal_from_row(r: &Row<'_>) -> rusqlite::Result<Proposal> {
    let steps: String = r.get(6)?;
    Ok(Proposal {
        id: r.get(0)?,
        kind: parse_kind(&r.get::<_, String>(1)?),
        from_name: r.get(2)?,
        received_at: r.get(3)?,
        title: r.get(4)?,
        why: r.get(5)?,
        steps: serde_json::from_str(&steps).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(6, rusqlite::types::Type::Text, Box::new(e))
        })?,
        note: r.get(7)?,
        for_goal_id: r.get(8)?,
        for_goal_missing: r.get(9)?,
        status: parse_proposal_status(&r.get::<_, String>(10)?),
        decided_at: r.get(11)?,
        goal_id: r.get(12)?,
    })
}

fn map_read_error(err: rusqlite::Error) -> GoalsError {
    match err {
        rusqlite::Error::FromSqlConversionFailure(..) => corrupt("suggestion"),
        other => other.into(),
    }
}

fn proposal_gone() -> GoalsError {
    GoalsError::NotFound("That suggestion isn't here anymore.")
}

fn read_proposal(conn: &Connection, id: i64) -> Result<Proposal> {
    conn.query_row(
        &format!("SELECT {PROPOSAL_COLUMNS} FROM proposals p WHERE p.id = ?1"),
        params![id],
        proposal_from_row,
    )
    .optional()
    .map_err(map_read_error)?
    .ok_or_else(proposal_gone)
}

/// Adds a suggestion from the counselor (the share import calls this; so do the tests). The
/// same `sourceId` twice gives back the proposal already there: nothing is added twice. A
/// `forGoalId` that names no goal is kept (the proposal then shows `forGoalMissing`).
pub fn add_proposal(
    conn: &Connection,
    draft: ProposalDraft,
    now: DateTime<FixedOffset>,
) -> Result<Proposal> {
    let tx = conn.unchecked_transaction()?;
    let proposal = insert_proposal(&tx, draft, now)?;
    tx.commit()?;
    Ok(proposal)
}

/// [`add_proposal`] without a transaction of its own, for a caller that holds one: the share
/// import adds all of a file's suggestions in one transaction, so a file is added whole or not
/// at all (SQLite cannot begin a transaction inside another).
pub(crate) fn insert_proposal(
    tx: &Connection,
    draft: ProposalDraft,
    now: DateTime<FixedOffset>,
) -> Result<Proposal> {
    let d = clean_proposal(draft)?;
    if let Some(source) = &d.source_id {
        let existing: Option<i64> = tx
            .query_row(
                "SELECT id FROM proposals WHERE source_id = ?1",
                params![source],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = existing {
            return read_proposal(tx, id);
        }
    }
    let steps = serde_json::to_string(&d.steps).map_err(|e| internal("steps", e))?;
    tx.execute(
        "INSERT INTO proposals (source_id, kind, status, received_ms, received_at, for_goal_id,
                                from_name, title, why, steps, note)
         VALUES (?1, ?2, 'pending', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            d.source_id,
            kind_str(d.kind),
            now.timestamp_millis(),
            journal::stamp(&now),
            d.for_goal_id,
            d.from_name,
            d.title,
            d.why,
            steps,
            d.note,
        ],
    )?;
    read_proposal(tx, tx.last_insert_rowid())
}

/// Pending first, then the decided ones; newest first within each.
pub fn list_proposals(conn: &Connection) -> Result<Vec<Proposal>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PROPOSAL_COLUMNS} FROM proposals p
         ORDER BY p.status <> 'pending', p.received_ms DESC, p.id DESC"
    ))?;
    let items = stmt
        .query_map([], proposal_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(map_read_error)?;
    Ok(items)
}

/// The person's answer to a pending proposal; deciding twice is refused (`invalid_input`).
///
/// - goal proposal, `accept`: a new goal in the counselor's words, made with the counselor,
///   the counselor's words kept in `counselorWords`; when it is about one of the person's
///   goals that still exists, its steps (or its title, without steps) are added to that goal
///   instead; about a goal since deleted: a new goal;
/// - goal proposal, `change`: the person's `goal` draft becomes the goal (a new one, or the
///   goal the proposal is about when the draft has its id); a new goal keeps the counselor's
///   words beside the person's;
/// - prompt proposal: `accept` adds the text to the person's own prompts, `change` adds
///   `promptText` instead;
/// - `not_now`: marked declined, nothing else changes.
pub fn decide_proposal(
    conn: &Connection,
    id: i64,
    decision: ProposalDecision,
    now: DateTime<FixedOffset>,
) -> Result<ProposalOutcome> {
    let tx = conn.unchecked_transaction()?;
    let p = read_proposal(&tx, id)?;
    if p.status != ProposalStatus::Pending {
        return Err(GoalsError::invalid(
            "You've already answered this suggestion. It's in your past suggestions.",
        ));
    }
    let (status, goal_id) = match (p.kind, decision) {
        (_, ProposalDecision::NotNow) => (ProposalStatus::Declined, None),
        (ProposalKind::Goal, ProposalDecision::Accept) => {
            (ProposalStatus::Accepted, Some(accept_goal(&tx, &p, &now)?))
        }
        (ProposalKind::Goal, ProposalDecision::Change { goal, .. }) => {
            let Some(draft) = goal else {
                return Err(GoalsError::invalid(
                    "Please write the goal in your own words first, or take it as it is.",
                ));
            };
            (
                ProposalStatus::Changed,
                Some(change_goal(&tx, &p, draft, &now)?),
            )
        }
        (ProposalKind::Prompt, ProposalDecision::Accept) => {
            add_own_prompt(&tx, &p, &p.title)?;
            (ProposalStatus::Accepted, None)
        }
        (ProposalKind::Prompt, ProposalDecision::Change { prompt_text, .. }) => {
            let text = prompt_text.map(|t| t.trim().to_owned()).unwrap_or_default();
            if text.is_empty() || text.chars().count() > PROMPT_MAX_CHARS {
                return Err(GoalsError::invalid(format!(
                    "A prompt needs 1 to {PROMPT_MAX_CHARS} characters."
                )));
            }
            add_own_prompt(&tx, &p, &text)?;
            (ProposalStatus::Changed, None)
        }
    };
    tx.execute(
        "UPDATE proposals SET status = ?2, decided_at = ?3, goal_id = ?4 WHERE id = ?1",
        params![
            id,
            proposal_status_str(status),
            journal::stamp(&now),
            goal_id
        ],
    )?;
    let proposal = read_proposal(&tx, id)?;
    let goal = goal_id.map(|g| read_goal(&tx, g)).transpose()?;
    tx.commit()?;
    Ok(ProposalOutcome { proposal, goal })
}

/// The goal the proposal is about, when it still exists.
fn target_goal(p: &Proposal) -> Option<i64> {
    p.for_goal_id.filter(|_| !p.for_goal_missing)
}

fn counselor_words(p: &Proposal) -> CounselorWords {
    CounselorWords {
        from_name: p.from_name.clone(),
        title: p.title.clone(),
        why: p.why.clone(),
        steps: p.steps.clone(),
        note: p.note.clone(),
    }
}

fn accept_goal(conn: &Connection, p: &Proposal, now: &DateTime<FixedOffset>) -> Result<i64> {
    if let Some(goal_id) = target_goal(p) {
        let steps = if p.steps.is_empty() {
            vec![p.title.clone()]
        } else {
            p.steps.clone()
        };
        append_steps(conn, goal_id, &steps, now)?;
        return Ok(goal_id);
    }
    let clean = CleanGoal {
        title: p.title.clone(),
        why: p.why.clone(),
        area: None,
        steps: p
            .steps
            .iter()
            .map(|text| CleanStep {
                id: None,
                text: text.clone(),
                done: false,
            })
            .collect(),
        target_date: None,
        made_with_counselor: true,
        reminder: None,
    };
    save_clean_goal(conn, None, clean, Some(&counselor_words(p)), now)
}

fn change_goal(
    conn: &Connection,
    p: &Proposal,
    draft: GoalDraft,
    now: &DateTime<FixedOffset>,
) -> Result<i64> {
    let id = draft.id;
    if id.is_some() && id != target_goal(p) {
        return Err(GoalsError::invalid(
            "This suggestion can become a new goal, or change the goal it is about. Please \
             try again from the suggestion.",
        ));
    }
    let clean = clean_goal(draft)?;
    save_clean_goal(conn, id, clean, Some(&counselor_words(p)), now)
}

/// Adds a prompt to the person's own prompts (the journal library), with an id that says
/// where it came from (`counselor-<proposal id>`).
fn add_own_prompt(conn: &Connection, p: &Proposal, text: &str) -> Result<()> {
    let mut library = journal::load_library(conn)?;
    let base = format!("counselor-{}", p.id);
    let mut prompt_id = base.clone();
    let mut n = 1;
    while library.custom_prompts.iter().any(|c| c.id == prompt_id) {
        n += 1;
        prompt_id = format!("{base}-{n}");
    }
    library.custom_prompts.push(CustomPrompt {
        id: prompt_id,
        text: text.to_owned(),
        group: None,
    });
    journal::save_library(conn, library)?;
    Ok(())
}

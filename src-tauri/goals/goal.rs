//! Goals and their steps: save (the steps list is the whole truth), read, list, check a step,
//! change the status, delete.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, FixedOffset};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::model::{
    CounselorWords, Goal, GoalDetail, GoalDraft, GoalReminder, GoalStatus, GoalStep,
};
use super::validate::{area_str, clean_goal, parse_area, parse_status, status_str, CleanGoal};
use super::{corrupt, internal, GoalsError, Result};
use crate::journal::{goal_checkin_summaries, stamp};

/// The columns of a [`Goal`] on the alias `g` (see [`goal_from_row`]); steps come separately.
const GOAL_COLUMNS: &str = "g.id, g.status, g.created_at, g.updated_at, g.status_changed_at, \
     g.area, g.target_date, g.made_with_counselor, g.reminder, g.counselor_words, g.title, g.why, \
     (SELECT count(*) FROM goal_checkins c CROSS JOIN entries e ON e.id = c.entry_id \
      WHERE c.goal_id = g.id AND e.deleted_at IS NULL), \
     (SELECT e.created_at FROM goal_checkins c CROSS JOIN entries e ON e.id = c.entry_id \
      WHERE c.goal_id = g.id AND e.deleted_at IS NULL \
      ORDER BY e.created_ms DESC, e.id DESC LIMIT 1)";

/// Active, then paused, done and let go; newest first within each.
const LIST_ORDER: &str = "CASE g.status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 \
     WHEN 'done' THEN 2 ELSE 3 END, g.created_ms DESC, g.id DESC";

fn json_col<T: serde::de::DeserializeOwned>(text: Option<String>) -> rusqlite::Result<Option<T>> {
    text.map(|t| {
        serde_json::from_str(&t).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}

fn goal_from_row(r: &Row<'_>) -> rusqlite::Result<Goal> {
    Ok(Goal {
        id: r.get(0)?,
        status: parse_status(&r.get::<_, String>(1)?),
        created_at: r.get(2)?,
        updated_at: r.get(3)?,
        status_changed_at: r.get(4)?,
        area: r
            .get::<_, Option<String>>(5)?
            .as_deref()
            .and_then(parse_area),
        target_date: r.get(6)?,
        made_with_counselor: r.get(7)?,
        reminder: json_col(r.get(8)?)?,
        counselor_words: json_col(r.get(9)?)?,
        title: r.get(10)?,
        why: r.get(11)?,
        checkins: u32::try_from(r.get::<_, i64>(12)?).unwrap_or(u32::MAX),
        last_checkin_at: r.get(13)?,
        steps: Vec::new(),
    })
}

fn map_read_error(err: rusqlite::Error) -> GoalsError {
    match err {
        rusqlite::Error::FromSqlConversionFailure(..) => corrupt("goal"),
        other => other.into(),
    }
}

fn steps_of(conn: &Connection, goal_id: i64) -> Result<Vec<GoalStep>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, text, done_at FROM goal_steps WHERE goal_id = ?1 ORDER BY pos, id",
    )?;
    let steps = stmt
        .query_map(params![goal_id], |r| {
            Ok(GoalStep {
                id: r.get(0)?,
                text: r.get(1)?,
                done_at: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(steps)
}

/// One goal with its steps (no check-ins); `NotFound` when it doesn't exist.
pub fn read_goal(conn: &Connection, id: i64) -> Result<Goal> {
    let goal = conn
        .query_row(
            &format!("SELECT {GOAL_COLUMNS} FROM goals g WHERE g.id = ?1"),
            params![id],
            goal_from_row,
        )
        .optional()
        .map_err(map_read_error)?;
    let mut goal = goal.ok_or_else(GoalsError::goal_gone)?;
    goal.steps = steps_of(conn, id)?;
    Ok(goal)
}

/// The goal view: the goal and its check-ins outside the trash, newest first. Reads in a
/// transaction of its own (see [`read_goal_detail`] for inside the caller's).
pub fn get_goal(conn: &Connection, id: i64) -> Result<GoalDetail> {
    let tx = conn.unchecked_transaction()?;
    let detail = read_goal_detail(&tx, id)?;
    drop(tx);
    Ok(detail)
}

/// [`get_goal`] without a transaction of its own: for a caller already inside one (a
/// transaction cannot be opened inside another), which then makes it one snapshot.
pub fn read_goal_detail(conn: &Connection, id: i64) -> Result<GoalDetail> {
    let goal = read_goal(conn, id)?;
    let checkins = goal_checkin_summaries(conn, id)?;
    Ok(GoalDetail { goal, checkins })
}

/// Every goal: active, then paused, done and let go; newest first within each. Reads in a
/// transaction of its own (see [`read_goals`] for inside the caller's).
pub fn list_goals(conn: &Connection) -> Result<Vec<Goal>> {
    let tx = conn.unchecked_transaction()?;
    let goals = read_goals(&tx)?;
    drop(tx);
    Ok(goals)
}

/// [`list_goals`] without a transaction of its own: for a caller already inside one (a
/// transaction cannot be opened inside another), which then makes the goals and their steps
/// one snapshot.
pub fn read_goals(conn: &Connection) -> Result<Vec<Goal>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {GOAL_COLUMNS} FROM goals g ORDER BY {LIST_ORDER}"
    ))?;
    let mut goals = stmt
        .query_map([], goal_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(map_read_error)?;
    drop(stmt);
    let mut by_goal: HashMap<i64, Vec<GoalStep>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT goal_id, id, text, done_at FROM goal_steps ORDER BY goal_id, pos, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            GoalStep {
                id: r.get(1)?,
                text: r.get(2)?,
                done_at: r.get(3)?,
            },
        ))
    })?;
    for row in rows {
        let (goal_id, step) = row?;
        by_goal.entry(goal_id).or_default().push(step);
    }
    drop(stmt);
    for goal in &mut goals {
        goal.steps = by_goal.remove(&goal.id).unwrap_or_default();
    }
    Ok(goals)
}

fn to_json<T: serde::Serialize>(value: Option<&T>, what: &str) -> Result<Option<String>> {
    value
        .map(|v| serde_json::to_string(v).map_err(|e| internal(what, e)))
        .transpose()
}

/// Creates (`draft.id` null) or updates a goal from the editor. The steps are the whole list
/// in order: steps left out are removed, kept ones keep their id and (while done) when they
/// were done; a step id of another goal is refused; an id that no longer exists (a step
/// removed by an earlier save) is kept as a new step, so a stale list never loses a step.
/// An update that changes nothing writes nothing. The status is not changed here.
pub fn save_goal(conn: &Connection, draft: GoalDraft, now: DateTime<FixedOffset>) -> Result<Goal> {
    let id = draft.id;
    let clean = clean_goal(draft)?;
    let tx = conn.unchecked_transaction()?;
    let id = save_clean_goal(&tx, id, clean, None, &now)?;
    let goal = read_goal(&tx, id)?;
    tx.commit()?;
    Ok(goal)
}

/// [`save_goal`] inside the caller's transaction; `counselor_words` is set on a new goal only.
/// Returns the goal's id.
pub(super) fn save_clean_goal(
    conn: &Connection,
    id: Option<i64>,
    clean: CleanGoal,
    counselor_words: Option<&CounselorWords>,
    now: &DateTime<FixedOffset>,
) -> Result<i64> {
    match id {
        None => insert_goal(conn, &clean, counselor_words, now),
        Some(id) => {
            update_goal(conn, id, &clean, now)?;
            Ok(id)
        }
    }
}

fn insert_goal(
    conn: &Connection,
    clean: &CleanGoal,
    counselor_words: Option<&CounselorWords>,
    now: &DateTime<FixedOffset>,
) -> Result<i64> {
    let at = stamp(now);
    conn.execute(
        "INSERT INTO goals (status, created_ms, created_at, updated_at, status_changed_at, area,
                            target_date, made_with_counselor, reminder, counselor_words, title, why)
         VALUES ('active', ?1, ?2, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            now.timestamp_millis(),
            at,
            clean.area.map(area_str),
            clean.target_date,
            clean.made_with_counselor,
            to_json(clean.reminder.as_ref(), "reminder")?,
            to_json(counselor_words, "counselor words")?,
            clean.title,
            clean.why,
        ],
    )?;
    let id = conn.last_insert_rowid();
    let mut insert = conn.prepare_cached(
        "INSERT INTO goal_steps (goal_id, pos, done_at, text) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (pos, step) in clean.steps.iter().enumerate() {
        let done_at = step.done.then(|| at.clone());
        insert.execute(params![id, pos as i64, done_at, step.text])?;
    }
    Ok(id)
}

fn unchanged(existing: &Goal, clean: &CleanGoal) -> bool {
    existing.title == clean.title
        && existing.why == clean.why
        && existing.area == clean.area
        && existing.target_date == clean.target_date
        && existing.made_with_counselor == clean.made_with_counselor
        && existing.reminder == clean.reminder
        && existing.steps.len() == clean.steps.len()
        && existing.steps.iter().zip(&clean.steps).all(|(old, new)| {
            new.id == Some(old.id) && new.text == old.text && new.done == old.done_at.is_some()
        })
}

fn update_goal(
    conn: &Connection,
    id: i64,
    clean: &CleanGoal,
    now: &DateTime<FixedOffset>,
) -> Result<()> {
    let existing = read_goal(conn, id)?;
    if unchanged(&existing, clean) {
        return Ok(());
    }
    let at = stamp(now);
    let stored: HashMap<i64, &GoalStep> = existing.steps.iter().map(|s| (s.id, s)).collect();
    // Which of the listed ids are this goal's steps; another goal's step is refused.
    let mut owner = conn.prepare_cached("SELECT goal_id FROM goal_steps WHERE id = ?1")?;
    let mut kept = HashSet::new();
    for step in &clean.steps {
        let Some(step_id) = step.id else { continue };
        if stored.contains_key(&step_id) {
            kept.insert(step_id);
        } else if owner
            .query_row(params![step_id], |r| r.get::<_, i64>(0))
            .optional()?
            .is_some()
        {
            return Err(GoalsError::invalid(
                "One of these steps belongs to another goal. Please open this goal again and \
                 try once more.",
            ));
        }
    }
    drop(owner);

    conn.execute(
        "UPDATE goals SET updated_at = ?2, area = ?3, target_date = ?4, made_with_counselor = ?5,
                reminder = ?6, title = ?7, why = ?8
         WHERE id = ?1",
        params![
            id,
            at,
            clean.area.map(area_str),
            clean.target_date,
            clean.made_with_counselor,
            to_json(clean.reminder.as_ref(), "reminder")?,
            clean.title,
            clean.why,
        ],
    )?;
    let mut remove = conn.prepare_cached("DELETE FROM goal_steps WHERE id = ?1")?;
    for old in &existing.steps {
        if !kept.contains(&old.id) {
            remove.execute(params![old.id])?;
        }
    }
    let mut update = conn
        .prepare_cached("UPDATE goal_steps SET pos = ?2, done_at = ?3, text = ?4 WHERE id = ?1")?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO goal_steps (goal_id, pos, done_at, text) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (pos, step) in clean.steps.iter().enumerate() {
        let old = step.id.and_then(|sid| stored.get(&sid));
        let done_at = match (step.done, old) {
            (false, _) => None,
            (true, Some(old)) => old.done_at.clone().or_else(|| Some(at.clone())),
            (true, None) => Some(at.clone()),
        };
        match old {
            Some(old) => update.execute(params![old.id, pos as i64, done_at, step.text])?,
            None => insert.execute(params![id, pos as i64, done_at, step.text])?,
        };
    }
    Ok(())
}

/// Adds steps at the end of a goal (not done), e.g. a counselor's next step the person
/// accepted. At most [`super::STEPS_MAX`] steps in all.
pub(super) fn append_steps(
    conn: &Connection,
    goal_id: i64,
    steps: &[String],
    now: &DateTime<FixedOffset>,
) -> Result<()> {
    let (count, last): (i64, Option<i64>) = conn.query_row(
        "SELECT count(*), max(pos) FROM goal_steps WHERE goal_id = ?1",
        params![goal_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if count as usize + steps.len() > super::STEPS_MAX {
        return Err(GoalsError::invalid(format!(
            "A goal can have up to {} steps. Maybe some of them could become a goal of their own?",
            super::STEPS_MAX
        )));
    }
    let first = last.map_or(0, |p| p + 1);
    let mut insert = conn.prepare_cached(
        "INSERT INTO goal_steps (goal_id, pos, done_at, text) VALUES (?1, ?2, NULL, ?3)",
    )?;
    for (pos, text) in (first..).zip(steps) {
        insert.execute(params![goal_id, pos, text])?;
    }
    conn.execute(
        "UPDATE goals SET updated_at = ?2 WHERE id = ?1",
        params![goal_id, stamp(now)],
    )?;
    Ok(())
}

/// Checks or unchecks one step. Checking stamps when it was done; checking a done step again
/// keeps that time. The step must belong to the goal (`NotFound` otherwise).
pub fn set_step_done(
    conn: &Connection,
    goal_id: i64,
    step_id: i64,
    done: bool,
    now: DateTime<FixedOffset>,
) -> Result<Goal> {
    let tx = conn.unchecked_transaction()?;
    let done_at: Option<Option<String>> = tx
        .query_row(
            "SELECT done_at FROM goal_steps WHERE id = ?1 AND goal_id = ?2",
            params![step_id, goal_id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(done_at) = done_at else {
        return Err(GoalsError::NotFound("That step isn't here anymore."));
    };
    if done_at.is_some() != done {
        let at = stamp(&now);
        tx.execute(
            "UPDATE goal_steps SET done_at = ?2 WHERE id = ?1",
            params![step_id, done.then(|| at.clone())],
        )?;
        tx.execute(
            "UPDATE goals SET updated_at = ?2 WHERE id = ?1",
            params![goal_id, at],
        )?;
    }
    let goal = read_goal(&tx, goal_id)?;
    tx.commit()?;
    Ok(goal)
}

/// Pauses, resumes, completes or lets go of a goal. A change stamps `statusChangedAt` (and
/// `updatedAt`); the same status again changes nothing. Steps are always kept.
pub fn set_goal_status(
    conn: &Connection,
    id: i64,
    status: GoalStatus,
    now: DateTime<FixedOffset>,
) -> Result<Goal> {
    let tx = conn.unchecked_transaction()?;
    let at = stamp(&now);
    let changed = tx.execute(
        "UPDATE goals SET status = ?2, status_changed_at = ?3, updated_at = ?3
         WHERE id = ?1 AND status <> ?2",
        params![id, status_str(status), at],
    )?;
    let goal = read_goal(&tx, id)?;
    if changed > 0 {
        tx.commit()?;
    }
    Ok(goal)
}

/// Deletes a goal and its steps. Its check-ins stay in the journal (they keep the goal's id,
/// which no new goal ever gets); proposals about it then show `forGoalMissing`.
pub fn delete_goal(conn: &Connection, id: i64) -> Result<()> {
    let n = conn.execute("DELETE FROM goals WHERE id = ?1", params![id])?;
    if n == 0 {
        return Err(GoalsError::goal_gone());
    }
    Ok(())
}

/// Every goal's reminder with the goal's status (for the reminder check). No goal text.
pub fn goal_reminders(conn: &Connection) -> Result<Vec<(i64, GoalStatus, GoalReminder)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, status, reminder FROM goals WHERE reminder IS NOT NULL ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                parse_status(&r.get::<_, String>(1)?),
                json_col::<GoalReminder>(r.get(2)?)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(map_read_error)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, status, r)| r.map(|r| (id, status, r)))
        .collect())
}

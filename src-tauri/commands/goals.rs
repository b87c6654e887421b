//! Goals, the counselor's proposals and reminders. Every command needs the vault unlocked
//! (`locked` otherwise). Times come from the local clock at the moment of the call.
//!
//! Reminders: the schedule (times and weekdays only) is mirrored outside the vault in
//! `reminders.json` (`goals::mirror`). Commands that change reminder settings, or a goal's
//! reminder or status, rewrite it; so does every unlock ([`after_open`]) and a restore.
//! [`start_reminders`] starts, once, when the app starts, a background thread that runs for the
//! app's whole life, checks the mirror about once a minute — locked or not, it never needs the
//! vault — and shows one neutral notification through the notification plugin.

use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime, State};

use super::error::CommandResult;
use super::state::AppState;
use crate::goals::{
    self, mirror, reminders, Goal, GoalDetail, GoalDraft, GoalStatus, Proposal, ProposalDecision,
    ProposalOutcome, ReminderSettings,
};
use crate::journal;
use crate::prefs::Prefs;
use crate::vault::Vault;

/// Brings the reminder mirror up to date with the vault. The change itself is already saved:
/// a failure here is only logged (by its code); the next change or unlock tries again.
fn sync_reminders(vault: &Vault) {
    if let Err(err) = mirror::sync_mirror(vault.conn(), vault.dir().path()) {
        log::warn!("could not update the reminder schedule: {}", err.code());
    }
}

/// Right after the vault is opened (created, unlocked, reset, restored): the mirror catches up
/// with the vault, and what is due now is only noted (the person is here).
pub(crate) fn after_open(vault: &Vault) {
    sync_reminders(vault);
    let now = journal::local_now().naive_local();
    if let Err(err) = mirror::check_mirror(vault.dir().path(), now, false) {
        log::warn!("could not check reminders: {}", err.code());
    }
}

#[tauri::command(async)]
pub fn list_goals(state: State<'_, AppState>) -> CommandResult<Vec<Goal>> {
    state.with_vault(|vault| Ok(goals::list_goals(vault.conn())?))
}

#[tauri::command(async)]
pub fn get_goal(state: State<'_, AppState>, id: i64) -> CommandResult<GoalDetail> {
    state.with_vault(|vault| Ok(goals::get_goal(vault.conn(), id)?))
}

#[tauri::command(async)]
pub fn save_goal(state: State<'_, AppState>, draft: GoalDraft) -> CommandResult<Goal> {
    state.with_vault(|vault| {
        let goal = goals::save_goal(vault.conn(), draft, journal::local_now())?;
        sync_reminders(vault);
        Ok(goal)
    })
}

#[tauri::command(async)]
pub fn set_step_done(
    state: State<'_, AppState>,
    goal_id: i64,
    step_id: i64,
    done: bool,
) -> CommandResult<Goal> {
    state.with_vault(|vault| {
        Ok(goals::set_step_done(
            vault.conn(),
            goal_id,
            step_id,
            done,
            journal::local_now(),
        )?)
    })
}

#[tauri::command(async)]
pub fn set_goal_status(
    state: State<'_, AppState>,
    id: i64,
    status: GoalStatus,
) -> CommandResult<Goal> {
    state.with_vault(|vault| {
        let goal = goals::set_goal_status(vault.conn(), id, status, journal::local_now())?;
        sync_reminders(vault);
        Ok(goal)
    })
}

#[tauri::command(async)]
pub fn delete_goal(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    state.with_vault(|vault| {
        goals::delete_goal(vault.conn(), id)?;
        sync_reminders(vault);
        Ok(())
    })
}

#[tauri::command(async)]
pub fn list_proposals(state: State<'_, AppState>) -> CommandResult<Vec<Proposal>> {
    state.with_vault(|vault| Ok(goals::list_proposals(vault.conn())?))
}

#[tauri::command(async)]
pub fn decide_proposal(
    state: State<'_, AppState>,
    id: i64,
    decision: ProposalDecision,
) -> CommandResult<ProposalOutcome> {
    state.with_vault(|vault| {
        let outcome = goals::decide_proposal(vault.conn(), id, decision, journal::local_now())?;
        if outcome.goal.is_some() {
            sync_reminders(vault);
        }
        Ok(outcome)
    })
}

#[tauri::command(async)]
pub fn get_reminder_settings(state: State<'_, AppState>) -> CommandResult<ReminderSettings> {
    state.with_vault(|vault| Ok(goals::load_reminder_settings(vault.conn())?))
}

#[tauri::command(async)]
pub fn save_reminder_settings(
    state: State<'_, AppState>,
    settings: ReminderSettings,
) -> CommandResult<ReminderSettings> {
    state.with_vault(|vault| {
        let saved = goals::save_reminder_settings(vault.conn(), settings)?;
        sync_reminders(vault);
        Ok(saved)
    })
}

// ── The reminder thread ─────────────────────────────────────────────────────────────────────

/// How often the reminder thread looks at what is due.
const CHECK_EVERY: Duration = Duration::from_secs(60);

/// Marks that this app's reminder thread was started.
struct RemindersStarted;

/// Starts the reminder thread, once per app (a second call does nothing). It runs until the
/// app ends, using only the mirror in the data folder.
pub(crate) fn start_reminders<R: Runtime>(app: &AppHandle<R>) {
    if !app.manage(RemindersStarted) {
        return;
    }
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name("cove-reminders".into())
        .spawn(move || reminder_loop(&app));
    if spawned.is_err() {
        log::warn!("could not start the reminder thread");
    }
}

fn reminder_loop<R: Runtime>(app: &AppHandle<R>) {
    // The first look, right as Cove starts, only notes what is due: the person is here.
    let mut first = true;
    loop {
        let folder = app
            .try_state::<AppState>()
            .and_then(|state| state.dir().ok().map(|dir| dir.path().to_owned()));
        // Without a data folder (another Cove has it) there is nothing to remind of here.
        if let Some(folder) = folder {
            let now = journal::local_now().naive_local();
            match mirror::check_mirror(&folder, now, !first) {
                Ok(true) => show_notification(app, &Prefs::load(&folder)),
                Ok(false) => {}
                Err(err) => log::warn!("could not check reminders: {}", err.code()),
            }
        }
        first = false;
        std::thread::sleep(CHECK_EVERY);
    }
}

/// The system's language as the environment gives it.
fn system_language() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|v| !v.is_empty())
}

/// One neutral notification. Failures (e.g. no notification daemon) are logged by kind only.
fn show_notification<R: Runtime>(app: &AppHandle<R>, prefs: &Prefs) {
    let language = reminders::notification_language(prefs.language, system_language().as_deref());
    let (title, body) = reminders::notification_text(language, prefs.shown_name());
    let Some(notification) = app.try_state::<tauri_plugin_notification::Notification<R>>() else {
        log::warn!("could not show a reminder: notifications are not available");
        return;
    };
    if let Err(err) = notification.builder().title(title).body(body).show() {
        let code = match err {
            tauri_plugin_notification::Error::Io(e) => format!("{:?}", e.kind()),
        };
        log::warn!("could not show a reminder: {code}");
    }
}

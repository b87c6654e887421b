//! Backups, restore and export (issue 9). See `docs/api-contract.md` ("Backups, restore,
//! export").
//!
//! Automatic backups: [`start_automatic`] runs after every unlock (and vault creation) and starts
//! a background thread that, a few seconds later and then about every 30 minutes, makes today's
//! automatic backup if Cove's folder has none yet (and copies it to the second folder). Locking
//! cancels the session's [`CancelToken`]: a running backup stops, its temporary file is removed,
//! its copy of the data key is dropped, and the thread ends.
//!
//! Locks: a backup or restore first takes `backups.running()` (one at a time), then the session
//! mutex only for a moment to get a [`crate::vault::BackupSource`]; the copy itself never holds
//! the session. `job_progress` takes neither.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};
use ts_rs::TS;

use super::error::{CommandError, CommandResult, ErrorCode};
use super::state::AppState;
use crate::backup::{
    self, export, BackupFile, BackupKind, BackupSecret, BackupSummary, CancelToken, ExportInput,
    ExportResult, Folders, JobKind, JobProgress, OpenJournal, Options, Outcome,
};
use crate::journal;
use crate::prefs::Prefs;
use crate::vault::Vault;

/// How often the automatic-backup thread looks again while the journal stays unlocked.
pub const AUTOMATIC_INTERVAL: Duration = Duration::from_secs(30 * 60);

/// The Backups screen's header: when the last copy was made, the second folder, and what went
/// wrong with the last automatic backup, if anything (e.g. the USB stick was not plugged in).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    /// When the newest backup (any kind, any place) was made.
    pub last_backup_at: Option<String>,
    /// The person's second backup folder, if chosen.
    pub extra_folder: Option<String>,
    /// The last automatic backup's failure; `null` once a later one succeeds.
    pub problem: Option<CommandError>,
}

/// Where backups go for the open journal, and the second folder as saved.
fn folders_of(vault: &Vault) -> CommandResult<(Folders, Option<String>)> {
    let settings = backup::load_settings(vault.conn())?;
    Ok((
        Folders::new(vault.dir(), settings.extra_folder.as_deref()),
        settings.extra_folder,
    ))
}

fn status(state: &AppState) -> CommandResult<BackupStatus> {
    let (folders, extra_folder) = state.with_vault(|vault| folders_of(vault))?;
    let files = backup::list_backups(&folders);
    Ok(BackupStatus {
        last_backup_at: backup::last_backup_at(&files),
        extra_folder,
        problem: state.backups.problem(),
    })
}

/// Records what the person should hear about after a backup: the second folder's failure, or
/// nothing after a full success.
fn record(state: &AppState, outcome: &Outcome) {
    let problem = outcome.problem().map(|e| {
        CommandError::new(
            match e.code() {
                "storage_full" => ErrorCode::StorageFull,
                "not_found" => ErrorCode::NotFound,
                _ => ErrorCode::Storage,
            },
            e.to_string(),
        )
    });
    state.backups.set_problem(problem);
}

#[tauri::command(async)]
pub fn backup_status(state: State<'_, AppState>) -> CommandResult<BackupStatus> {
    status(&state)
}

#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> CommandResult<Vec<BackupFile>> {
    let (folders, _) = state.with_vault(|vault| folders_of(vault))?;
    Ok(backup::list_backups(&folders))
}

#[tauri::command(async)]
pub fn back_up_now(state: State<'_, AppState>) -> CommandResult<BackupFile> {
    let _running = state.backups.running();
    let (source, (folders, _)) =
        state.with_vault(|vault| Ok((vault.backup_source(), folders_of(vault)?)))?;
    let token = state
        .backups
        .session_token()
        .ok_or_else(CommandError::locked)?;
    let job = state.backups.jobs.start(JobKind::Backup, 0);
    let made = backup::make_backup(
        &source,
        &folders,
        BackupKind::Manual,
        journal::local_now(),
        &token,
        Options::default(),
        &mut |done, total| job.set(done, total),
    );
    drop(source);
    let outcome = made?;
    record(&state, &outcome);
    outcome.made.ok_or_else(|| {
        CommandError::new(ErrorCode::Internal, "The backup finished without a file.")
    })
}

#[tauri::command(async)]
pub fn set_backup_folder(
    state: State<'_, AppState>,
    folder: Option<String>,
) -> CommandResult<BackupStatus> {
    let dir = state.dir()?;
    let chosen = folder.filter(|f| !f.trim().is_empty());
    state.with_vault(|vault| {
        let extra_folder = match &chosen {
            Some(f) => Some(
                backup::check_extra_folder(dir.path(), f)?
                    .to_string_lossy()
                    .into_owned(),
            ),
            None => None,
        };
        backup::save_settings(vault.conn(), &backup::BackupSettings { extra_folder })?;
        Ok(())
    })?;
    if chosen.is_some() {
        // A copy goes there at once: today's automatic backup (made now if there is none).
        run_automatic(&state);
    } else if state
        .backups
        .problem()
        .is_some_and(|p| p.code == ErrorCode::NotFound)
    {
        // The missing second folder was forgotten: nothing is wrong any more.
        state.backups.set_problem(None);
    }
    status(&state)
}

#[tauri::command(async)]
pub fn inspect_backup(
    state: State<'_, AppState>,
    path: String,
    secret: BackupSecret,
) -> CommandResult<BackupSummary> {
    let dir = state.dir()?;
    let path = backup_path(&path)?;
    let open = match secret {
        BackupSecret::Current => Some(state.with_vault(|vault| {
            Ok(OpenJournal {
                vault_id: vault.vault_id(),
                dek: vault.data_key_copy(),
            })
        })?),
        _ => None,
    };
    Ok(backup::inspect(
        dir,
        &path,
        &secret,
        open.as_ref(),
        &mut |_, _| {},
    )?)
}

#[tauri::command(async)]
pub fn restore_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
    secret: BackupSecret,
) -> CommandResult<()> {
    let dir = state.dir()?;
    let path = backup_path(&path)?;
    let _running = state.backups.running();
    let mut session = state.session()?;
    let folders = match session.as_ref() {
        Some(vault) => folders_of(vault)?.0,
        None => Folders::new(dir, None),
    };
    let was_open = session.is_some();
    let job = state.backups.jobs.start(JobKind::Restore, 0);
    let restored = backup::restore(
        dir,
        &mut session,
        &path,
        &secret,
        &folders,
        journal::local_now(),
        &mut |done, total| job.set(done, total),
    );
    drop(job);
    match restored {
        Ok(restored) => {
            // The old session is over (its automatic backups stop); the restored one starts.
            state.backups.end_session();
            if let Some(before) = &restored.before {
                record(&state, before);
            }
            if let Some(vault) = session.as_ref() {
                super::journal::after_open(vault);
                // The reminder mirror follows the restored journal.
                super::goals::after_open(vault);
                // So does the mode (a counselor's journal opens as a counselor's).
                super::vault::agree_on_mode(dir, vault, true);
                after_open(vault);
            }
            drop(session);
            start_automatic(&app);
            Ok(())
        }
        Err(err) => {
            if was_open && session.is_none() {
                // Locked on the way (the switch failed after its commit point).
                state.backups.end_session();
            }
            Err(err.into())
        }
    }
}

#[tauri::command(async)]
pub fn export_journal(
    state: State<'_, AppState>,
    input: ExportInput,
) -> CommandResult<ExportResult> {
    let dir = state.dir()?;
    if inside(dir.path(), Path::new(input.folder.trim())) {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            "That folder is inside Cove's own data folder. Please choose a folder somewhere else.",
        ));
    }
    let input = ExportInput {
        app_name: Some(Prefs::load(dir.path()).shown_name().to_owned()),
        ..input
    };
    state.with_vault(|vault| {
        let job = state.backups.jobs.start(JobKind::Export, 0);
        Ok(export::export_journal(
            vault.conn(),
            &input,
            journal::local_now(),
            &mut |done, total| job.set(done, total),
        )?)
    })
}

/// The backup, restore or export running now. Never needs the vault, never waits on it.
#[tauri::command(async)]
pub fn job_progress(state: State<'_, AppState>) -> Option<JobProgress> {
    state.backups.jobs.current()
}

/// A path the person picked: it must be absolute (the system file chooser gives one).
fn backup_path(path: &str) -> CommandResult<PathBuf> {
    let path = PathBuf::from(path);
    if path.as_os_str().is_empty() || !path.is_absolute() {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            "Please choose a backup file with the file picker.",
        ));
    }
    Ok(path)
}

/// True when `folder` is `data` or inside it (both resolved; a folder that can't be resolved is
/// not inside: the export itself reports it missing).
pub(super) fn inside(data: &Path, folder: &Path) -> bool {
    match (data.canonicalize(), folder.canonicalize()) {
        (Ok(data), Ok(folder)) => folder.starts_with(data),
        _ => false,
    }
}

/// Housekeeping when the journal opens: an export cut short by a crash (recorded in the vault
/// when it started) is removed from its folder. A failure never blocks opening; the next open
/// tries again.
pub(crate) fn after_open(vault: &Vault) {
    match export::clean_up_unfinished_export(vault.conn()) {
        Ok(true) => log::info!("removed an export that was cut short"),
        Ok(false) => {}
        Err(err) => log::warn!(
            "could not remove an export that was cut short: {}",
            err.code()
        ),
    }
}

/// Starts the automatic-backup thread for the session just unlocked (an older one is cancelled).
pub(crate) fn start_automatic<R: Runtime>(app: &AppHandle<R>) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    let token = state.backups.begin_session();
    let Some(delay) = state.backups.automatic_delay() else {
        return;
    };
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name("cove-backup".into())
        .spawn(move || automatic_loop(&app, &token, delay));
    if spawned.is_err() {
        log::warn!("could not start the automatic backup thread");
    }
}

fn automatic_loop<R: Runtime>(app: &AppHandle<R>, token: &Arc<CancelToken>, delay: Duration) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    state
        .backups
        .automatic_threads
        .fetch_add(1, Ordering::SeqCst);
    struct Alive<'a>(&'a AtomicUsize);
    impl Drop for Alive<'_> {
        fn drop(&mut self) {
            self.0.fetch_sub(1, Ordering::SeqCst);
        }
    }
    let _alive = Alive(&state.backups.automatic_threads);
    if token.wait(delay) {
        return;
    }
    loop {
        run_automatic_with(&state, token);
        if token.wait(AUTOMATIC_INTERVAL) {
            return;
        }
    }
}

/// One automatic pass with the current session's token (used by `set_backup_folder` too).
fn run_automatic(state: &AppState) {
    if let Some(token) = state.backups.session_token() {
        run_automatic_with(state, &token);
    }
}

fn run_automatic_with(state: &AppState, token: &CancelToken) {
    let _running = state.backups.running();
    if token.is_cancelled() {
        return;
    }
    let Ok((source, (folders, _))) =
        state.with_vault(|vault| Ok((vault.backup_source(), folders_of(vault)?)))
    else {
        // Locked meanwhile, or the settings can't be read: try again next time.
        return;
    };
    let job = state.backups.jobs.start(JobKind::Backup, 0);
    let done = backup::automatic_backup(
        &source,
        &folders,
        journal::local_now(),
        token,
        Options::default(),
        &mut |done, total| job.set(done, total),
    );
    drop(source);
    super::app::release_freed_memory();
    match done {
        Ok(outcome) => record(state, &outcome),
        // Locked mid-way: not a problem to report.
        Err(crate::backup::BackupError::Cancelled) => {}
        Err(err) => {
            log::warn!("automatic backup failed: {}", err.code());
            state.backups.set_problem(Some(err.into()));
        }
    }
}

//! The Tauri layer: the only module that imports `tauri`.
//!
//! Each command is a thin wrapper: parse the arguments, call the domain, map its error to a
//! [`CommandError`]. [`app_builder`] is shared by [`run`] and by the mock-runtime tests so
//! that both exercise the same wiring (commands, state, ACL).

mod app;
mod backup;
pub mod bindings;
pub mod error;
mod goals;
mod identity;
mod journal;
mod safety;
mod sharing;
mod state;
mod vault;

use std::path::PathBuf;

use tauri::{Builder, Manager, Runtime};

pub use error::{CommandError, CommandResult, ErrorCode};
pub use state::AppState;

/// Environment variable that overrides where Cove keeps its data (tests, portable installs).
pub const DATA_DIR_ENV: &str = "COVE_DATA_DIR";

/// The label of Cove's one window (`tauri.conf.json`).
pub const MAIN_WINDOW: &str = "main";

/// Every command the window may call. `src-tauri/build.rs` lists the same names so that
/// `AppManifest::commands` generates their permissions; a test checks the two lists agree.
pub const COMMANDS: &[&str] = &[
    "app_status",
    "keychain_status",
    "save_prefs",
    "print_page",
    "create_vault",
    "confirm_recovery_code",
    "unlock_with_passphrase",
    "unlock_with_pin",
    "reset_passphrase_with_recovery_code",
    "lock",
    "change_passphrase",
    "set_pin",
    "remove_pin",
    "get_profile",
    "save_profile",
    "get_safety_plan",
    "save_safety_plan",
    "save_entry",
    "get_entry",
    "delete_entry",
    "restore_entry",
    "purge_entry",
    "empty_trash",
    "list_trash",
    "list_entries",
    "search_entries",
    "list_tags",
    "calendar_days",
    "get_insights",
    "get_library",
    "save_library",
    "list_goals",
    "get_goal",
    "save_goal",
    "set_step_done",
    "set_goal_status",
    "delete_goal",
    "list_proposals",
    "decide_proposal",
    "get_reminder_settings",
    "save_reminder_settings",
    "identity_timeline",
    "backup_status",
    "list_backups",
    "back_up_now",
    "set_backup_folder",
    "inspect_backup",
    "restore_backup",
    "export_journal",
    "job_progress",
    "my_share_key",
    "share_key_fingerprint",
    "list_contacts",
    "save_contact",
    "delete_contact",
    "preview_share",
    "write_share",
    "armored_share",
    "log_shown_share",
    "list_share_log",
    "write_suggestions",
    "import_share_file",
    "import_share_text",
    "list_inbox",
    "get_inbox_share",
    "save_inbox_notes",
    "delete_inbox_share",
    "key_qr",
    "read_key_qr",
    "read_key_file",
    "export_my_key",
    "armored_suggestions",
];

/// Registers Cove's state and commands on any runtime (the real one, or the mock one in tests).
/// `data_dir` overrides where the vault lives; `None` means `$COVE_DATA_DIR`, else the OS
/// app-data folder.
pub fn app_builder<R: Runtime>(builder: Builder<R>, data_dir: Option<PathBuf>) -> Builder<R> {
    let fixed_dir = data_dir.or_else(|| std::env::var_os(DATA_DIR_ENV).map(PathBuf::from));
    with_state(builder, fixed_dir.map(|dir| AppState::open(&dir)))
}

/// The wiring itself. `state` is managed before the app exists (so the mock-runtime tests,
/// which never run `setup`, have it too); `None` means the OS app-data folder.
pub(crate) fn with_state<R: Runtime>(builder: Builder<R>, state: Option<AppState>) -> Builder<R> {
    let needs_os_dir = state.is_none();
    let builder = match state {
        Some(state) => builder.manage(state),
        None => builder,
    };
    // Runs once the config's window exists, in both cases.
    let builder = builder.setup(move |app| {
        if needs_os_dir {
            // The OS app-data folder is only known once the app exists.
            let dir = app.path().app_data_dir()?;
            app.manage(AppState::open(&dir));
        }
        app::show_saved_title(app.handle());
        // Reminders fire for the app's whole life, locked or not (from the mirror).
        goals::start_reminders(app.handle());
        Ok(())
    });
    builder.invoke_handler(tauri::generate_handler![
        app::app_status,
        app::keychain_status,
        app::save_prefs,
        app::print_page,
        vault::create_vault,
        vault::confirm_recovery_code,
        vault::unlock_with_passphrase,
        vault::unlock_with_pin,
        vault::reset_passphrase_with_recovery_code,
        vault::lock,
        vault::change_passphrase,
        vault::set_pin,
        vault::remove_pin,
        vault::get_profile,
        vault::save_profile,
        safety::get_safety_plan,
        safety::save_safety_plan,
        journal::save_entry,
        journal::get_entry,
        journal::delete_entry,
        journal::restore_entry,
        journal::purge_entry,
        journal::empty_trash,
        journal::list_trash,
        journal::list_entries,
        journal::search_entries,
        journal::list_tags,
        journal::calendar_days,
        journal::get_insights,
        journal::get_library,
        journal::save_library,
        goals::list_goals,
        goals::get_goal,
        goals::save_goal,
        goals::set_step_done,
        goals::set_goal_status,
        goals::delete_goal,
        goals::list_proposals,
        goals::decide_proposal,
        goals::get_reminder_settings,
        goals::save_reminder_settings,
        identity::identity_timeline,
        backup::backup_status,
        backup::list_backups,
        backup::back_up_now,
        backup::set_backup_folder,
        backup::inspect_backup,
        backup::restore_backup,
        backup::export_journal,
        backup::job_progress,
        sharing::my_share_key,
        sharing::share_key_fingerprint,
        sharing::list_contacts,
        sharing::save_contact,
        sharing::delete_contact,
        sharing::preview_share,
        sharing::write_share,
        sharing::armored_share,
        sharing::log_shown_share,
        sharing::list_share_log,
        sharing::write_suggestions,
        sharing::import_share_file,
        sharing::import_share_text,
        sharing::list_inbox,
        sharing::get_inbox_share,
        sharing::save_inbox_notes,
        sharing::delete_inbox_share,
        sharing::key_qr,
        sharing::read_key_qr,
        sharing::read_key_file,
        sharing::export_my_key,
        sharing::armored_suggestions,
    ])
}

/// Starts the real app: single instance first (a second launch focuses the first window),
/// then Cove's own wiring.
pub fn run() {
    let builder = Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init());
    if let Err(err) = app_builder(builder, None).run(tauri::generate_context!()) {
        // No user text can be in this error; it is about the window system or the config.
        log::error!("Cove could not start: {err}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests;

//! Commands that work whether or not the vault is unlocked.

use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State, Webview};
use ts_rs::TS;

use super::error::{CommandError, CommandResult, ErrorCode};
use super::state::AppState;
use super::MAIN_WINDOW;
use crate::prefs::Prefs;
use crate::vault::KeychainStatus;

/// Everything the UI needs to decide what to show at start-up and on the lock screen.
/// It carries no secret and none of the user's writing.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    pub vault_exists: bool,
    pub unlocked: bool,
    pub pin_enabled: bool,
    pub prefs: Prefs,
}

#[tauri::command(async)]
pub fn app_status(state: State<'_, AppState>) -> CommandResult<AppStatus> {
    let dir = state.dir()?;
    let unlocked = state.session()?.is_some();
    Ok(AppStatus {
        vault_exists: dir.exists(),
        unlocked,
        pin_enabled: dir.pin_enabled(),
        prefs: Prefs::load(dir.path()),
    })
}

/// Whether the OS keychain works, so the PIN option can be offered. Called only where that
/// option is shown (it may make the system ask for the keyring password), never at start-up.
#[tauri::command(async)]
pub fn keychain_status(state: State<'_, AppState>) -> KeychainStatus {
    state.keychain_status()
}

/// Saves the preferences and shows the (possibly new) display name as the window title.
#[tauri::command(async)]
pub fn save_prefs<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    prefs: Prefs,
) -> CommandResult<()> {
    let dir = state.dir()?;
    let saved = prefs.save(dir.path())?;
    set_window_title(&app, &saved);
    Ok(())
}

/// At start-up: the window from the config is titled "Cove"; before it is first drawn, show
/// the saved display name instead. Without a data folder the title stays as it is.
pub fn show_saved_title<R: Runtime>(app: &AppHandle<R>) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    if let Ok(dir) = state.dir() {
        set_window_title(app, &Prefs::load(dir.path()));
    }
}

/// Opens the system's print dialog for what the window shows; the page's print styles decide
/// what goes on paper (a share, the safety plan). `window.print()` does nothing in the webview
/// as Tauri embeds it on Linux, so the page asks for the dialog here. Returns at once: the
/// dialog stays open on its own, and nothing is written anywhere unless the person prints.
#[tauri::command]
pub fn print_page<R: Runtime>(webview: Webview<R>) -> CommandResult<()> {
    webview.print().map_err(|_| {
        CommandError::new(ErrorCode::Internal, "The print dialog could not be opened.")
    })
}

/// Hands memory freed by one-off jobs (the key derivation's 137 MiB, a backup's buffers, a
/// closed database) back to the system. glibc otherwise keeps freed memory in its arenas for
/// later: about 5 MB of the idle app's 93 MB (`docs/benchmarks.md`). Cheap (one walk of the free
/// lists), so it is called after unlocking, after an automatic backup and after locking.
pub(crate) fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only gives free pages back to the system; it takes no pointers
    // and is thread-safe.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The title is only ever the display name (or "Cove"): never anything the person wrote and
/// never their own name. Setting it from Rust needs no window permission in the capability.
fn set_window_title<R: Runtime>(app: &AppHandle<R>, prefs: &Prefs) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        if window.set_title(prefs.shown_name()).is_err() {
            log::warn!("could not set the window title");
        }
    }
}

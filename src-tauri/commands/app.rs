//! Commands that work whether or not the vault is unlocked.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use super::error::CommandResult;
use super::state::AppState;
use crate::prefs::Prefs;
use crate::vault::KeychainStatus;

/// Everything the UI needs to decide what to show at start-up and on the lock screen.
/// It carries no secret and none of the user's writing.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    pub vault_exists: bool,
    pub unlocked: bool,
    pub keychain: KeychainStatus,
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
        keychain: state.keychain_status(),
        pin_enabled: dir.pin_enabled(),
        prefs: Prefs::load(dir.path()),
    })
}

#[tauri::command(async)]
pub fn save_prefs(state: State<'_, AppState>, prefs: Prefs) -> CommandResult<()> {
    let dir = state.dir()?;
    prefs.save(dir.path())?;
    Ok(())
}

//! Vault commands: first-run setup, unlock, lock, and key management.
//!
//! Secrets arrive as `SecretString` straight from the IPC payload, so they are zeroized when
//! dropped and never formatted into a log or an error.

use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use super::error::{CommandError, CommandResult, ErrorCode};
use super::state::AppState;
use crate::prefs::{Mode, Prefs};
use crate::vault::{settings, Profile, Vault, VaultDir};

#[derive(Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreateVaultInput {
    #[ts(type = "string")]
    pub passphrase: SecretString,
    pub mode: Mode,
    pub profile: Profile,
}

#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreatedVault {
    /// Shown once, in groups of four, then forgotten by the app.
    pub recovery_code: String,
}

#[tauri::command(async)]
pub fn create_vault<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: CreateVaultInput,
) -> CommandResult<CreatedVault> {
    let dir = state.dir()?;
    let mut session = state.session()?;
    if dir.exists() {
        return Err(CommandError::new(
            ErrorCode::VaultExists,
            "A journal already exists on this computer.",
        ));
    }
    let (vault, code) = Vault::create(dir, &input.passphrase, state.kdf_params())?;
    vault.save_profile(&input.profile)?;
    let mut prefs = Prefs::load(dir.path());
    prefs.mode = Some(input.mode);
    prefs.save(dir.path())?;
    begin_session(&app, dir, &mut session, vault);
    Ok(CreatedVault {
        recovery_code: code.expose_grouped().to_string(),
    })
}

#[tauri::command(async)]
pub fn confirm_recovery_code(
    state: State<'_, AppState>,
    code: SecretString,
) -> CommandResult<bool> {
    state.with_vault(|vault| Ok(vault.verify_recovery_code(&code)))
}

#[tauri::command(async)]
pub fn unlock_with_passphrase<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    passphrase: SecretString,
) -> CommandResult<()> {
    let dir = state.dir()?;
    let mut session = state.session()?;
    if session.is_none() {
        let vault = Vault::unlock_with_passphrase(dir, &passphrase)?;
        begin_session(&app, dir, &mut session, vault);
    }
    super::app::release_freed_memory();
    Ok(())
}

#[tauri::command(async)]
pub fn unlock_with_pin<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    pin: SecretString,
) -> CommandResult<()> {
    let dir = state.dir()?;
    let mut session = state.session()?;
    if session.is_none() {
        let vault = Vault::unlock_with_pin(dir, &pin, &*state.keychain)?;
        begin_session(&app, dir, &mut session, vault);
    }
    super::app::release_freed_memory();
    Ok(())
}

#[tauri::command(async)]
pub fn reset_passphrase_with_recovery_code<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    code: SecretString,
    new_passphrase: SecretString,
) -> CommandResult<()> {
    let dir = state.dir()?;
    let mut session = state.session()?;
    // Any open session is closed first: the reset proves who is at the keyboard again.
    if let Some(open) = session.take() {
        open.lock();
    }
    let vault = Vault::reset_passphrase_with_recovery_code(
        dir,
        &code,
        &new_passphrase,
        state.kdf_params(),
    )?;
    begin_session(&app, dir, &mut session, vault);
    Ok(())
}

/// What every way of opening the journal does next: the journal's, the goals' and the exports'
/// housekeeping,
/// the mode agreed between the prefs file and the vault, the session kept, the automatic backups
/// started.
fn begin_session<R: Runtime>(
    app: &AppHandle<R>,
    dir: &VaultDir,
    session: &mut Option<Vault>,
    vault: Vault,
) {
    super::journal::after_open(&vault);
    super::goals::after_open(&vault);
    super::backup::after_open(&vault);
    agree_on_mode(dir, &vault, false);
    *session = Some(vault);
    super::backup::start_automatic(app);
}

/// The vault's `settings` key for the mode chosen at first run.
const MODE_KEY: &str = "mode";

/// The mode (client or counselor) lives in the prefs file, readable while locked, and in the
/// vault too, so a journal restored on another computer opens in the mode it was made in (the
/// prefs file stays behind). Whichever lacks it takes it from the other (a vault made before
/// keeps it from now on); after a restore (`restored`), the restored vault's mode wins. Best
/// effort: a problem is logged by kind and the app goes on in the mode it has.
pub(crate) fn agree_on_mode(dir: &VaultDir, vault: &Vault, restored: bool) {
    let kept: Option<Mode> = match settings::load_json(vault.conn(), MODE_KEY, "mode") {
        Ok(kept) => kept,
        Err(err) => {
            log::warn!("the journal's mode could not be read: {}", err.code());
            return;
        }
    };
    let mut prefs = Prefs::load(dir.path());
    match (prefs.mode, kept) {
        (Some(mode), None) => {
            if let Err(err) = settings::save_json(vault.conn(), MODE_KEY, &mode) {
                log::warn!("the mode could not be kept in the journal: {}", err.code());
            }
        }
        (current, Some(mode)) if current.is_none() || (restored && current != Some(mode)) => {
            prefs.mode = Some(mode);
            if prefs.save(dir.path()).is_err() {
                log::warn!("the restored journal's mode could not be saved in the prefs");
            }
        }
        _ => {}
    }
}

/// Drops the data key and closes the database. Safe to call when already locked.
#[tauri::command(async)]
pub fn lock(state: State<'_, AppState>) -> CommandResult<()> {
    // First stop any running backup (it holds a copy of the key, not the session).
    state.backups.end_session();
    if let Some(vault) = state.session()?.take() {
        vault.lock();
    }
    super::app::release_freed_memory();
    Ok(())
}

#[tauri::command(async)]
pub fn change_passphrase(
    state: State<'_, AppState>,
    current: SecretString,
    next: SecretString,
) -> CommandResult<()> {
    state.with_vault(|vault| Ok(vault.change_passphrase(&current, &next, state.kdf_params())?))
}

#[tauri::command(async)]
pub fn set_pin(state: State<'_, AppState>, pin: SecretString) -> CommandResult<()> {
    state.with_vault(|vault| Ok(vault.set_pin(&pin, &*state.keychain)?))
}

#[tauri::command(async)]
pub fn remove_pin(state: State<'_, AppState>) -> CommandResult<()> {
    state.with_vault(|vault| Ok(vault.remove_pin(&*state.keychain)?))
}

#[tauri::command(async)]
pub fn get_profile(state: State<'_, AppState>) -> CommandResult<Profile> {
    state.with_vault(|vault| Ok(vault.profile()?))
}

#[tauri::command(async)]
pub fn save_profile(state: State<'_, AppState>, profile: Profile) -> CommandResult<()> {
    state.with_vault(|vault| Ok(vault.save_profile(&profile)?))
}

//! The identity space. Its entries are saved, read and deleted through the journal's commands
//! (`save_entry` with `identity` set); this reads them back as the identity timeline. Needs the
//! vault unlocked (`locked` otherwise).

use tauri::State;

use super::error::CommandResult;
use super::state::AppState;
use crate::identity::{self, IdentityTimeline, IdentityTimelineQuery};

#[tauri::command(async)]
pub fn identity_timeline(
    state: State<'_, AppState>,
    query: IdentityTimelineQuery,
) -> CommandResult<IdentityTimeline> {
    state.with_vault(|vault| Ok(identity::timeline(vault.conn(), &query)?))
}

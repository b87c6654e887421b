//! The personal safety plan. Both commands need the vault unlocked (`locked` otherwise).

use tauri::State;

use super::error::CommandResult;
use super::state::AppState;
use crate::safety::{self, SafetyPlan};

#[tauri::command(async)]
pub fn get_safety_plan(state: State<'_, AppState>) -> CommandResult<SafetyPlan> {
    state.with_vault(|vault| Ok(safety::load(vault.conn())?))
}

/// Saves the plan and returns it as stored: trimmed, blanks dropped, `updatedAt` set.
#[tauri::command(async)]
pub fn save_safety_plan(state: State<'_, AppState>, plan: SafetyPlan) -> CommandResult<SafetyPlan> {
    state.with_vault(|vault| Ok(safety::save(vault.conn(), plan)?))
}

//! The journal. Every command needs the vault unlocked (`locked` otherwise). Times come from
//! the local clock at the moment of the call.

use tauri::State;

use super::error::CommandResult;
use super::state::AppState;
use crate::journal::{
    self, DayStat, Entry, EntryDraft, EntryFilter, EntrySummary, Insights, JournalLibrary,
    SearchQuery, SearchResults, TagCount, TimelinePage, TimelineQuery,
};
use crate::vault::Vault;

/// Housekeeping right after the vault is opened (created or unlocked): entries in the trash
/// longer than 30 days are deleted for good. A failure here never blocks the unlock; the next
/// look at the trash tries again.
pub(crate) fn after_open(vault: &Vault) {
    if let Err(err) = journal::purge_expired(vault.conn(), journal::local_now()) {
        // Only the error's code: no text of the person's can be in it, but keep logs minimal.
        log::warn!("could not empty the expired trash: {}", err.code());
    }
}

/// Creates or updates an entry; `null` when the draft is empty (see the API contract).
#[tauri::command(async)]
pub fn save_entry(state: State<'_, AppState>, draft: EntryDraft) -> CommandResult<Option<Entry>> {
    state.with_vault(|vault| {
        Ok(journal::save_entry(
            vault.conn(),
            draft,
            journal::local_now(),
        )?)
    })
}

#[tauri::command(async)]
pub fn get_entry(state: State<'_, AppState>, id: i64) -> CommandResult<Entry> {
    state.with_vault(|vault| Ok(journal::get_entry(vault.conn(), id)?))
}

#[tauri::command(async)]
pub fn delete_entry(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    state.with_vault(|vault| {
        Ok(journal::delete_entry(
            vault.conn(),
            id,
            journal::local_now(),
        )?)
    })
}

#[tauri::command(async)]
pub fn restore_entry(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    state.with_vault(|vault| Ok(journal::restore_entry(vault.conn(), id)?))
}

#[tauri::command(async)]
pub fn purge_entry(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    state.with_vault(|vault| Ok(journal::purge_entry(vault.conn(), id)?))
}

#[tauri::command(async)]
pub fn empty_trash(state: State<'_, AppState>) -> CommandResult<u32> {
    state.with_vault(|vault| Ok(journal::empty_trash(vault.conn())?))
}

#[tauri::command(async)]
pub fn list_trash(state: State<'_, AppState>) -> CommandResult<Vec<EntrySummary>> {
    state.with_vault(|vault| Ok(journal::list_trash(vault.conn(), journal::local_now())?))
}

#[tauri::command(async)]
pub fn list_entries(
    state: State<'_, AppState>,
    query: TimelineQuery,
) -> CommandResult<TimelinePage> {
    state.with_vault(|vault| Ok(journal::list_entries(vault.conn(), &query)?))
}

#[tauri::command(async)]
pub fn search_entries(
    state: State<'_, AppState>,
    query: SearchQuery,
) -> CommandResult<SearchResults> {
    state.with_vault(|vault| Ok(journal::search_entries(vault.conn(), &query)?))
}

#[tauri::command(async)]
pub fn list_tags(state: State<'_, AppState>) -> CommandResult<Vec<TagCount>> {
    state.with_vault(|vault| Ok(journal::list_tags(vault.conn())?))
}

#[tauri::command(async)]
pub fn calendar_days(
    state: State<'_, AppState>,
    from: String,
    to: String,
    filter: EntryFilter,
) -> CommandResult<Vec<DayStat>> {
    state.with_vault(|vault| Ok(journal::calendar_days(vault.conn(), &from, &to, &filter)?))
}

#[tauri::command(async)]
pub fn get_insights(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> CommandResult<Insights> {
    state.with_vault(|vault| Ok(journal::insights(vault.conn(), &from, &to)?))
}

#[tauri::command(async)]
pub fn get_library(state: State<'_, AppState>) -> CommandResult<JournalLibrary> {
    state.with_vault(|vault| Ok(journal::load_library(vault.conn())?))
}

#[tauri::command(async)]
pub fn save_library(
    state: State<'_, AppState>,
    library: JournalLibrary,
) -> CommandResult<JournalLibrary> {
    state.with_vault(|vault| Ok(journal::save_library(vault.conn(), library)?))
}

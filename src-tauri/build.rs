//! Generates Tauri's context and the permissions for Cove's own commands. The list below must
//! match `commands::COMMANDS` (a test checks it).

fn main() {
    let commands = tauri_build::AppManifest::new().commands(&[
        "app_status",
        "keychain_status",
        "save_prefs",
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
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(commands))
        .expect("failed to run tauri-build");
}

//! Command tests on Tauri's mock runtime, through the same builder, config and capability
//! (ACL) as the real app, with a real SQLCipher vault in a temporary folder.

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use zeroize::Zeroizing;

use super::{bindings, with_state, AppState, COMMANDS};
use crate::vault::{DeviceSecretStore, KeychainError};

struct TestApp {
    _app: tauri::App<tauri::test::MockRuntime>,
    window: WebviewWindow<tauri::test::MockRuntime>,
    _dir: tempfile::TempDir,
}

fn test_app() -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = AppState::open(&dir.path().join("data"));
    build_test_app(dir, state)
}

fn build_test_app(dir: tempfile::TempDir, state: AppState) -> TestApp {
    let app = with_state(mock_builder(), Some(state))
        .build(tauri::generate_context!())
        .expect("app builds on the mock runtime");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("main window");
    TestApp {
        _app: app,
        window,
        _dir: dir,
    }
}

fn invoke_from(
    window: &WebviewWindow<tauri::test::MockRuntime>,
    origin: &str,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: origin.parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().expect("json response"))
}

fn invoke(t: &TestApp, cmd: &str, args: Value) -> Result<Value, Value> {
    invoke_from(&t.window, "tauri://localhost", cmd, args)
}

fn error_code(err: Value) -> String {
    err.get("code")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .unwrap_or_else(|| format!("not a CommandError: {err}"))
}

#[test]
fn build_script_generates_a_permission_for_every_command() {
    let build_rs = include_str!("../build.rs");
    for cmd in COMMANDS {
        assert!(
            build_rs.contains(&format!("\"{cmd}\"")),
            "src-tauri/build.rs does not list {cmd}"
        );
    }
}

#[test]
fn capability_allows_every_command_and_nothing_from_remote_origins() {
    let t = test_app();
    // Every command is reachable from the app's own origin: none fails with an ACL refusal.
    for cmd in COMMANDS {
        if let Err(err) = invoke(&t, cmd, json!({})) {
            let text = err.to_string();
            assert!(
                !text.contains("not allowed"),
                "{cmd} is refused by the ACL: {text}"
            );
        }
    }
    // A remote page may call nothing.
    let refused = invoke_from(&t.window, "https://example.com", "app_status", json!({}));
    assert!(refused.is_err(), "a remote origin reached app_status");
}

#[test]
fn first_run_lock_and_unlock_through_the_commands() {
    let t = test_app();
    let status = invoke(&t, "app_status", json!({})).expect("status");
    assert_eq!(status["vaultExists"], json!(false));
    assert_eq!(status["unlocked"], json!(false));

    let created = invoke(
        &t,
        "create_vault",
        json!({ "input": { "passphrase": "quiet harbour lantern", "mode": "client",
                           "profile": { "name": "Sam", "pronouns": "they/them" } } }),
    )
    .expect("create");
    let code = created["recoveryCode"].as_str().expect("code").to_owned();
    assert!(code.len() >= 32, "recovery code too short: {code}");

    assert_eq!(
        invoke(&t, "confirm_recovery_code", json!({ "code": code })).expect("confirm"),
        json!(true)
    );
    assert_eq!(
        invoke(&t, "confirm_recovery_code", json!({ "code": "AAAA-BBBB" })).expect("confirm"),
        json!(false)
    );
    assert_eq!(
        invoke(&t, "get_profile", json!({})).expect("profile")["name"],
        json!("Sam")
    );
    let status = invoke(&t, "app_status", json!({})).expect("status");
    assert_eq!(status["prefs"]["mode"], json!("client"));
    assert_eq!(status["unlocked"], json!(true));

    invoke(&t, "lock", json!({})).expect("lock");
    assert_eq!(
        error_code(invoke(&t, "get_profile", json!({})).unwrap_err()),
        "locked"
    );

    let wrong = invoke(
        &t,
        "unlock_with_passphrase",
        json!({ "passphrase": "quiet harbour lantern!" }),
    );
    assert_eq!(error_code(wrong.unwrap_err()), "wrong_secret");

    invoke(
        &t,
        "unlock_with_passphrase",
        json!({ "passphrase": "quiet harbour lantern" }),
    )
    .expect("unlock");
    assert_eq!(
        invoke(&t, "get_profile", json!({})).expect("profile")["pronouns"],
        json!("they/them")
    );

    let again = invoke(
        &t,
        "create_vault",
        json!({ "input": { "passphrase": "another one entirely", "mode": "client",
                           "profile": { "name": null, "pronouns": null } } }),
    );
    assert_eq!(error_code(again.unwrap_err()), "vault_exists");
}

#[test]
fn recovery_code_resets_a_forgotten_passphrase() {
    let t = test_app();
    let created = invoke(
        &t,
        "create_vault",
        json!({ "input": { "passphrase": "first passphrase here", "mode": "counselor",
                           "profile": { "name": null, "pronouns": null } } }),
    )
    .expect("create");
    let code = created["recoveryCode"]
        .as_str()
        .expect("code")
        .to_lowercase();
    invoke(&t, "lock", json!({})).expect("lock");
    invoke(
        &t,
        "reset_passphrase_with_recovery_code",
        json!({ "code": code, "newPassphrase": "second passphrase now" }),
    )
    .expect("reset");
    invoke(&t, "lock", json!({})).expect("lock");
    let old = invoke(
        &t,
        "unlock_with_passphrase",
        json!({ "passphrase": "first passphrase here" }),
    );
    assert_eq!(error_code(old.unwrap_err()), "wrong_secret");
    invoke(
        &t,
        "unlock_with_passphrase",
        json!({ "passphrase": "second passphrase now" }),
    )
    .expect("new passphrase");
}

#[test]
fn prefs_are_saved_while_locked() {
    let t = test_app();
    let mut prefs = invoke(&t, "app_status", json!({})).expect("status")["prefs"].clone();
    prefs["theme"] = json!("dark");
    prefs["language"] = json!("es");
    invoke(&t, "save_prefs", json!({ "prefs": prefs })).expect("save prefs");
    let status = invoke(&t, "app_status", json!({})).expect("status");
    assert_eq!(status["prefs"]["theme"], json!("dark"));
    assert_eq!(status["prefs"]["language"], json!("es"));
}

const PASS: &str = "quiet harbour lantern";

fn create_vault(t: &TestApp) {
    invoke(
        t,
        "create_vault",
        json!({ "input": { "passphrase": PASS, "mode": "client",
                           "profile": { "name": "Sam", "pronouns": null } } }),
    )
    .expect("create");
}

fn sample_plan() -> Value {
    json!({
        "warningSigns": ["  I stop texting back  ", "", "Can't sleep 🌙"],
        "copingOnMyOwn": ["Draw", "<b>not bold</b> & co"],
        "peopleAndPlaces": ["The skate park"],
        "peopleToAsk": [
            { "name": " Aunt Mo ", "phone": " +1 (555) 010-2030 ", "note": "after 6pm" },
            { "name": "  ", "phone": null, "note": "dropped: no name, no phone" }
        ],
        "professionals": [{ "name": "Ms. Alvarez (counselor)", "phone": null, "note": null }],
        "saferSpace": [],
        "reasonsForLiving": ["مي أختي", "My dog Pickle"],
        "updatedAt": null
    })
}

#[test]
fn safety_plan_round_trips_through_save_lock_unlock_and_get() {
    let t = test_app();
    create_vault(&t);
    let empty = invoke(&t, "get_safety_plan", json!({})).expect("empty plan");
    assert_eq!(empty["warningSigns"], json!([]));
    assert_eq!(empty["updatedAt"], Value::Null);

    let saved = invoke(&t, "save_safety_plan", json!({ "plan": sample_plan() })).expect("save");
    assert_eq!(
        saved["warningSigns"],
        json!(["I stop texting back", "Can't sleep 🌙"])
    );
    assert_eq!(
        saved["peopleToAsk"],
        json!([{ "name": "Aunt Mo", "phone": "+1 (555) 010-2030", "note": "after 6pm" }])
    );
    assert_eq!(
        saved["reasonsForLiving"],
        json!(["مي أختي", "My dog Pickle"])
    );
    assert!(saved["updatedAt"].is_string(), "{saved}");

    invoke(&t, "lock", json!({})).expect("lock");
    invoke(&t, "unlock_with_passphrase", json!({ "passphrase": PASS })).expect("unlock");
    assert_eq!(
        invoke(&t, "get_safety_plan", json!({})).expect("get"),
        saved
    );
}

#[test]
fn safety_plan_needs_the_vault_unlocked() {
    let t = test_app();
    // No journal yet.
    assert_eq!(
        error_code(invoke(&t, "get_safety_plan", json!({})).unwrap_err()),
        "locked"
    );
    create_vault(&t);
    invoke(&t, "lock", json!({})).expect("lock");
    assert_eq!(
        error_code(invoke(&t, "get_safety_plan", json!({})).unwrap_err()),
        "locked"
    );
    assert_eq!(
        error_code(invoke(&t, "save_safety_plan", json!({ "plan": sample_plan() })).unwrap_err()),
        "locked"
    );
}

#[test]
fn invalid_safety_plan_is_invalid_input_and_keeps_the_saved_plan() {
    let t = test_app();
    create_vault(&t);
    let saved = invoke(&t, "save_safety_plan", json!({ "plan": sample_plan() })).expect("save");

    let mut bad_phone = sample_plan();
    bad_phone["professionals"] =
        json!([{ "name": "Crisis line", "phone": "text HOME to 741741", "note": null }]);
    let too_many = json!({ "warningSigns": vec!["x"; 51] });
    let too_long = json!({ "reasonsForLiving": ["y".repeat(2001)] });
    for plan in [bad_phone, too_many, too_long] {
        let err = invoke(&t, "save_safety_plan", json!({ "plan": plan })).unwrap_err();
        assert_eq!(error_code(err.clone()), "invalid_input", "{err}");
        assert!(err["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    assert_eq!(
        invoke(&t, "get_safety_plan", json!({})).expect("get"),
        saved
    );
}

#[test]
fn display_name_is_saved_while_locked_and_returned_by_app_status() {
    let t = test_app();
    let status = invoke(&t, "app_status", json!({})).expect("status");
    assert_eq!(status["prefs"]["displayName"], Value::Null);
    assert_eq!(status["prefs"]["neutralLook"], json!(false));

    let mut prefs = status["prefs"].clone();
    prefs["displayName"] = json!("  Homework planner ");
    prefs["neutralLook"] = json!(true);
    invoke(&t, "save_prefs", json!({ "prefs": prefs })).expect("save prefs (no vault)");
    let status = invoke(&t, "app_status", json!({})).expect("status");
    assert_eq!(status["prefs"]["displayName"], json!("Homework planner"));
    assert_eq!(status["prefs"]["neutralLook"], json!(true));

    create_vault(&t);
    invoke(&t, "lock", json!({})).expect("lock");
    let mut prefs = invoke(&t, "app_status", json!({})).expect("status")["prefs"].clone();
    assert_eq!(prefs["displayName"], json!("Homework planner"));
    prefs["displayName"] = json!("Notes");
    invoke(&t, "save_prefs", json!({ "prefs": prefs })).expect("save prefs (locked)");
    let status = invoke(&t, "app_status", json!({})).expect("status");
    assert_eq!(status["unlocked"], json!(false));
    assert_eq!(status["prefs"]["displayName"], json!("Notes"));
    // Creating the vault set the mode and kept the discretion settings.
    assert_eq!(status["prefs"]["mode"], json!("client"));
    assert_eq!(status["prefs"]["neutralLook"], json!(true));
}

#[test]
fn display_name_with_a_control_character_is_invalid_input() {
    let t = test_app();
    let mut prefs = invoke(&t, "app_status", json!({})).expect("status")["prefs"].clone();
    prefs["displayName"] = json!("Notes\u{0007}");
    let err = invoke(&t, "save_prefs", json!({ "prefs": prefs.clone() })).unwrap_err();
    assert_eq!(error_code(err), "invalid_input");
    prefs["displayName"] = json!("Line\nbreak");
    let err = invoke(&t, "save_prefs", json!({ "prefs": prefs })).unwrap_err();
    assert_eq!(error_code(err), "invalid_input");
    let status = invoke(&t, "app_status", json!({})).expect("status");
    assert_eq!(status["prefs"]["displayName"], Value::Null);
}

#[test]
fn prefs_from_an_older_ui_without_the_discretion_fields_are_accepted() {
    let t = test_app();
    let old = json!({ "language": null, "theme": "light", "accent": "sky", "textScale": 1.0,
                      "autoLockMinutes": 5, "mode": null });
    invoke(&t, "save_prefs", json!({ "prefs": old })).expect("save");
    let status = invoke(&t, "app_status", json!({})).expect("status");
    assert_eq!(status["prefs"]["theme"], json!("light"));
    assert_eq!(status["prefs"]["displayName"], Value::Null);
}

#[test]
fn bindings_are_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(bindings::BINDINGS_PATH);
    let generated = bindings::typescript_bindings();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).expect("write bindings");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date with the Rust types; run `UPDATE_BINDINGS=1 cargo test bindings_are_current`",
        bindings::BINDINGS_PATH
    );
}

/// A keychain that works (in memory) and counts every call made to it.
struct CountingKeychain {
    calls: Arc<AtomicUsize>,
    entries: std::sync::Mutex<std::collections::HashMap<String, Vec<u8>>>,
}

impl DeviceSecretStore for CountingKeychain {
    fn get(&self, account: &str) -> Result<Option<Zeroizing<Vec<u8>>>, KeychainError> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        let entries = self.entries.lock().expect("entries");
        Ok(entries.get(account).map(|v| Zeroizing::new(v.clone())))
    }
    fn set(&self, account: &str, secret: &[u8]) -> Result<(), KeychainError> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        self.entries
            .lock()
            .expect("entries")
            .insert(account.to_owned(), secret.to_vec());
        Ok(())
    }
    fn delete(&self, account: &str) -> Result<(), KeychainError> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        self.entries.lock().expect("entries").remove(account);
        Ok(())
    }
}

/// On a desktop whose keyring is locked, any keychain call makes the system ask for the
/// keyring password; Cove must reach its welcome and lock screens without one.
#[test]
fn start_up_and_the_lock_screen_never_touch_the_keychain() {
    let calls = Arc::new(AtomicUsize::new(0));
    let dir = tempfile::tempdir().expect("temp dir");
    let keychain = CountingKeychain {
        calls: calls.clone(),
        entries: Default::default(),
    };
    let state = AppState::with_keychain(&dir.path().join("data"), Box::new(keychain));
    let t = build_test_app(dir, state);

    invoke(&t, "app_status", json!({})).expect("status");
    invoke(
        &t,
        "create_vault",
        json!({ "input": { "passphrase": "no keychain needed here", "mode": "client",
                           "profile": { "name": null, "pronouns": null } } }),
    )
    .expect("create");
    invoke(&t, "lock", json!({})).expect("lock");
    invoke(&t, "app_status", json!({})).expect("status");
    invoke(
        &t,
        "unlock_with_passphrase",
        json!({ "passphrase": "no keychain needed here" }),
    )
    .expect("unlock");
    assert_eq!(
        calls.load(Ordering::SeqCst),
        0,
        "start-up, setup or unlock touched the keychain"
    );

    // Only asking whether a PIN can be offered does.
    let status = invoke(&t, "keychain_status", json!({})).expect("keychain status");
    assert_eq!(status["available"], json!(true));
    assert!(calls.load(Ordering::SeqCst) > 0);
}

fn draft(body: &str) -> Value {
    json!({ "draft": { "id": null, "kind": "free", "title": "Pier", "body": body,
                       "tags": ["#Beach", "beach", " friends "], "promptId": null,
                       "checkin": null } })
}

#[test]
fn journal_round_trip_save_list_search_through_the_commands() {
    let t = test_app();
    create_vault(&t);
    let saved = invoke(&t, "save_entry", draft("Walked on the *pier* with Jo 🌊")).expect("save");
    let id = saved["id"].as_i64().expect("id");
    assert_eq!(saved["tags"], json!(["Beach", "friends"]));
    assert_eq!(saved["deletedAt"], Value::Null);
    assert!(
        saved["createdAt"].as_str().is_some_and(|s| s.len() >= 29),
        "{saved}"
    );

    let blank = json!({ "draft": { "id": null, "kind": "checkin", "title": " ", "body": "  ",
                                   "tags": ["#"], "promptId": "feelings.01", "checkin": null } });
    let empty = invoke(&t, "save_entry", blank).expect("empty draft");
    assert_eq!(empty, Value::Null);

    let page = invoke(
        &t,
        "list_entries",
        json!({ "query": { "filter": { "kinds": [], "feelings": [], "tags": [],
                                       "from": null, "to": null },
                           "cursor": null, "limit": 50 } }),
    )
    .expect("list");
    assert_eq!(page["total"], json!(1));
    assert_eq!(page["nextCursor"], Value::Null);
    assert_eq!(page["items"][0]["id"], json!(id));
    assert_eq!(
        page["items"][0]["excerpt"],
        json!("Walked on the pier with Jo 🌊")
    );

    let results = invoke(
        &t,
        "search_entries",
        json!({ "query": { "text": "PIE \"unclosed NEAR(", "filter": {}, "limit": 20 } }),
    );
    assert_eq!(results.expect("search")["hits"], json!([]));
    let results = invoke(
        &t,
        "search_entries",
        json!({ "query": { "text": "pie", "filter": { "tags": ["beach"] }, "limit": 20 } }),
    )
    .expect("search");
    assert_eq!(results["hits"][0]["entry"]["id"], json!(id));
    assert_eq!(
        results["hits"][0]["title"],
        json!([{ "text": "Pier", "hit": true }])
    );

    assert_eq!(
        invoke(&t, "list_tags", json!({})).expect("tags"),
        json!([{ "tag": "Beach", "count": 1 }, { "tag": "friends", "count": 1 }])
    );
    invoke(&t, "delete_entry", json!({ "id": id })).expect("delete");
    assert_eq!(
        invoke(&t, "list_trash", json!({})).expect("trash")[0]["id"],
        json!(id)
    );
    invoke(&t, "restore_entry", json!({ "id": id })).expect("restore");
    assert_eq!(
        invoke(&t, "get_entry", json!({ "id": id })).expect("get")["body"],
        saved["body"]
    );
    assert_eq!(
        error_code(invoke(&t, "purge_entry", json!({ "id": id })).unwrap_err()),
        "invalid_input"
    );
    invoke(&t, "delete_entry", json!({ "id": id })).expect("delete");
    assert_eq!(
        invoke(&t, "empty_trash", json!({})).expect("empty"),
        json!(1)
    );
    let missing = invoke(&t, "get_entry", json!({ "id": id })).unwrap_err();
    assert_eq!(error_code(missing.clone()), "not_found");
    assert!(missing["message"].as_str().is_some_and(|m| !m.is_empty()));

    let days = invoke(
        &t,
        "calendar_days",
        json!({ "from": "2020-01-01", "to": "2030-12-31", "filter": {} }),
    )
    .expect("calendar");
    assert_eq!(days, json!([]));
    let insights = invoke(
        &t,
        "get_insights",
        json!({ "from": "2020-01-01", "to": "2030-12-31" }),
    )
    .expect("insights");
    assert_eq!(insights["totalEntries"], json!(0));
    let lib = invoke(
        &t,
        "save_library",
        json!({ "library": { "customFeelings": [{ "id": "a1", "word": " floaty ",
                                                  "core": null, "meaning": null }],
                             "favouritePrompts": ["feelings.01"] } }),
    )
    .expect("library");
    assert_eq!(lib["customFeelings"][0]["word"], json!("floaty"));
    assert_eq!(
        invoke(&t, "get_library", json!({})).expect("get library"),
        lib
    );
}

#[test]
fn journal_commands_need_the_vault_unlocked() {
    let t = test_app();
    create_vault(&t);
    invoke(&t, "lock", json!({})).expect("lock");
    for (cmd, args) in [
        ("save_entry", draft("x")),
        ("get_entry", json!({ "id": 1 })),
        ("list_trash", json!({})),
        ("list_tags", json!({})),
        ("get_library", json!({})),
    ] {
        assert_eq!(
            error_code(invoke(&t, cmd, args).unwrap_err()),
            "locked",
            "{cmd}"
        );
    }
}

#[test]
fn unlocking_deletes_what_has_been_in_the_trash_over_30_days() {
    let t = test_app();
    create_vault(&t);
    let id = invoke(&t, "save_entry", draft("old news")).expect("save")["id"].clone();
    invoke(&t, "save_entry", draft("kept")).expect("save");
    invoke(&t, "delete_entry", json!({ "id": id })).expect("delete");
    let state = t._app.state::<AppState>();
    let count = |state: &AppState| -> i64 {
        state
            .with_vault(|v| {
                Ok(v.conn()
                    .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
                    .expect("count"))
            })
            .expect("unlocked")
    };
    // Pretend the deletion happened 31 days ago.
    state
        .with_vault(|v| {
            v.conn()
                .execute(
                    "UPDATE entries SET deleted_ms = deleted_ms - 31 * 86400000
                     WHERE deleted_at IS NOT NULL",
                    [],
                )
                .expect("backdate");
            Ok(())
        })
        .expect("unlocked");
    assert_eq!(count(&state), 2);
    invoke(&t, "lock", json!({})).expect("lock");
    invoke(&t, "unlock_with_passphrase", json!({ "passphrase": PASS })).expect("unlock");
    assert_eq!(count(&state), 1, "the expired entry went at unlock");
}

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
    // The first run's "they/them" (pronouns as text, as an older UI sends them) is a set.
    let pronouns = invoke(&t, "get_profile", json!({})).expect("profile")["pronouns"].clone();
    assert_eq!(pronouns["id"], json!("they"));
    assert_eq!(pronouns["object"], json!("them"));
    assert_eq!(pronouns["pluralVerbs"], json!(true));

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

// ── The identity space ──────────────────────────────────────────────────────────────────────

fn xe() -> Value {
    json!({ "id": "xe", "subject": "xe", "object": "xem", "determiner": "xyr",
            "possessive": "xyrs", "reflexive": "xemself", "pluralVerbs": false })
}

fn identity_draft(identity: Value, body: &str) -> Value {
    json!({ "draft": { "id": null, "kind": "reflection", "title": null, "body": body,
                       "tags": [], "promptId": null, "checkin": null, "identity": identity } })
}

#[test]
fn the_identity_timeline_needs_the_vault_unlocked() {
    let t = test_app();
    let args = json!({ "query": { "from": null, "to": null } });
    assert_eq!(
        error_code(invoke(&t, "identity_timeline", args.clone()).unwrap_err()),
        "locked",
        "no journal yet"
    );
    create_vault(&t);
    invoke(&t, "lock", json!({})).expect("lock");
    assert_eq!(
        error_code(invoke(&t, "identity_timeline", args).unwrap_err()),
        "locked"
    );
    assert!(COMMANDS.contains(&"identity_timeline"));
}

#[test]
fn try_ons_and_moments_round_trip_and_stay_in_the_identity_space() {
    let t = test_app();
    create_vault(&t);
    let plain = invoke(&t, "save_entry", draft("River walk")).expect("plain")["id"].clone();
    let tried = invoke(
        &t,
        "save_entry",
        identity_draft(
            json!({ "kind": "try_on", "name": " River ", "pronouns": xe(), "felt": 2,
                    "moment": null }),
            "",
        ),
    )
    .expect("try-on");
    assert_eq!(
        tried["identity"],
        json!({ "kind": "try_on", "name": "River", "pronouns": xe(), "felt": 2,
                "moment": null })
    );
    let id = tried["id"].clone();
    let moment = invoke(
        &t,
        "save_entry",
        identity_draft(
            json!({ "kind": "moment", "moment": "euphoria" }),
            "a haircut",
        ),
    )
    .expect("moment");
    assert_eq!(moment["identity"]["moment"], json!("euphoria"));

    let list = |filter: Value| -> Vec<Value> {
        let page = invoke(
            &t,
            "list_entries",
            json!({ "query": { "filter": filter, "cursor": null, "limit": 50 } }),
        )
        .expect("list");
        page["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|e| e["id"].clone())
            .collect()
    };
    assert_eq!(list(json!({})), std::slice::from_ref(&plain));
    assert_eq!(
        list(json!({ "includeIdentity": false })),
        std::slice::from_ref(&plain)
    );
    assert_eq!(
        list(json!({ "includeIdentity": true })),
        [moment["id"].clone(), id.clone(), plain.clone()]
    );
    let search = |filter: Value| -> usize {
        invoke(
            &t,
            "search_entries",
            json!({ "query": { "text": "river", "filter": filter, "limit": 20 } }),
        )
        .expect("search")["hits"]
            .as_array()
            .map_or(0, Vec::len)
    };
    assert_eq!(search(json!({})), 1);
    assert_eq!(search(json!({ "includeIdentity": true })), 2);

    let timeline = invoke(
        &t,
        "identity_timeline",
        json!({ "query": { "from": null, "to": null } }),
    )
    .expect("timeline");
    let items = timeline["items"].as_array().expect("items");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["excerpt"], json!("a haircut"));
    assert_eq!(items[1]["entryId"], id);
    assert_eq!(items[1]["part"]["name"], json!("River"));
    assert_eq!(
        timeline["tried"],
        json!([{ "name": "River", "pronouns": xe(), "times": 1, "felt": [2],
                 "firstDay": items[1]["day"], "lastDay": items[1]["day"] }])
    );
    // An empty query object means the whole timeline.
    assert_eq!(
        invoke(&t, "identity_timeline", json!({ "query": {} })).expect("whole"),
        timeline
    );

    invoke(&t, "delete_entry", json!({ "id": id })).expect("delete");
    let after = invoke(&t, "identity_timeline", json!({ "query": {} })).expect("after");
    assert_eq!(after["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(after["tried"], json!([]));
    invoke(&t, "restore_entry", json!({ "id": id })).expect("restore");
    assert_eq!(
        invoke(&t, "get_entry", json!({ "id": id })).expect("get")["identity"]["felt"],
        json!(2)
    );
}

#[test]
fn bad_identity_input_is_invalid_input_with_plain_words() {
    let t = test_app();
    create_vault(&t);
    let custom = json!({ "id": "custom", "subject": " ", "object": "xem", "determiner": "",
                         "possessive": "", "reflexive": "", "pluralVerbs": false });
    for (draft, words) in [
        (
            identity_draft(json!({ "kind": "try_on", "pronouns": custom }), ""),
            "Please add at least the first pronoun, like 'xe'.",
        ),
        (
            identity_draft(json!({ "kind": "try_on", "name": "River", "felt": 5 }), ""),
            "How it felt",
        ),
        (identity_draft(json!({ "kind": "moment" }), "x"), "euphoria"),
    ] {
        let err = invoke(&t, "save_entry", draft).unwrap_err();
        assert_eq!(err["code"], json!("invalid_input"));
        let message = err["message"].as_str().expect("message");
        assert!(message.contains(words), "{message}");
    }
    let err = invoke(
        &t,
        "save_profile",
        json!({ "profile": { "name": "Sam", "pronouns": custom } }),
    )
    .unwrap_err();
    assert_eq!(error_code(err), "invalid_input");
    let err = invoke(
        &t,
        "identity_timeline",
        json!({ "query": { "from": "2026-03-12", "to": "2026-03-11" } }),
    )
    .unwrap_err();
    assert_eq!(error_code(err), "invalid_input");
    assert_eq!(
        invoke(&t, "identity_timeline", json!({ "query": {} })).expect("empty"),
        json!({ "items": [], "tried": [] })
    );
}

#[test]
fn the_profile_keeps_a_custom_set_and_a_name_in_any_script_through_the_commands() {
    let t = test_app();
    create_vault(&t);
    let profile = json!({
        "name": "  ماهر {name} <b>🌈</b> ",
        "pronouns": { "id": "custom", "subject": "ae", "object": "aer", "determiner": "aer",
                      "possessive": "aers", "reflexive": "aerself", "pluralVerbs": false },
        "shared": { "name": null, "pronouns": { "id": "they", "subject": "they",
                    "object": "them", "determiner": "their", "possessive": "theirs",
                    "reflexive": "themselves", "pluralVerbs": true } },
        "spanish": { "pronoun": "elle", "ending": "e" }
    });
    invoke(&t, "save_profile", json!({ "profile": profile })).expect("save");
    invoke(&t, "lock", json!({})).expect("lock");
    invoke(&t, "unlock_with_passphrase", json!({ "passphrase": PASS })).expect("unlock");
    let stored = invoke(&t, "get_profile", json!({})).expect("profile");
    let mut want = profile.clone();
    want["name"] = json!("ماهر {name} <b>🌈</b>");
    assert_eq!(stored, want);
}

// ── Goals ───────────────────────────────────────────────────────────────────────────────────

fn goal_draft(title: &str) -> Value {
    json!({ "draft": { "id": null, "title": title, "why": "  for me  ", "area": "friends",
                       "steps": [{ "id": null, "text": " Say hi to Jo ", "done": false },
                                 { "id": null, "text": "", "done": false }],
                       "targetDate": null, "madeWithCounselor": false,
                       "reminder": { "weekdays": [2, 0], "time": "17:30" } } })
}

#[test]
fn goals_commands_need_the_vault_unlocked() {
    let t = test_app();
    let calls = [
        ("list_goals", json!({})),
        ("get_goal", json!({ "id": 1 })),
        ("save_goal", goal_draft("x")),
        (
            "set_step_done",
            json!({ "goalId": 1, "stepId": 1, "done": true }),
        ),
        ("set_goal_status", json!({ "id": 1, "status": "paused" })),
        ("delete_goal", json!({ "id": 1 })),
        ("list_proposals", json!({})),
        (
            "decide_proposal",
            json!({ "id": 1, "decision": { "kind": "not_now" } }),
        ),
        ("get_reminder_settings", json!({})),
        (
            "save_reminder_settings",
            json!({ "settings": { "dailyCheckin": "09:00" } }),
        ),
    ];
    // No journal yet, then a locked one.
    for _ in 0..2 {
        for (cmd, args) in &calls {
            assert_eq!(
                error_code(invoke(&t, cmd, args.clone()).unwrap_err()),
                "locked",
                "{cmd}"
            );
        }
        if !t._app.state::<AppState>().dir().expect("dir").exists() {
            create_vault(&t);
            invoke(&t, "lock", json!({})).expect("lock");
        }
    }
    assert!(
        calls.iter().all(|(cmd, _)| COMMANDS.contains(cmd)),
        "every goals command is registered"
    );
}

#[test]
fn goals_round_trip_save_list_get_check_in_and_decide_through_the_commands() {
    let t = test_app();
    create_vault(&t);
    let saved = invoke(&t, "save_goal", goal_draft("  Make a friend  ")).expect("save");
    let id = saved["id"].as_i64().expect("id");
    assert_eq!(saved["title"], json!("Make a friend"));
    assert_eq!(saved["why"], json!("for me"));
    assert_eq!(saved["status"], json!("active"));
    assert_eq!(saved["steps"].as_array().map(Vec::len), Some(1));
    assert_eq!(saved["steps"][0]["text"], json!("Say hi to Jo"));
    assert_eq!(saved["steps"][0]["doneAt"], Value::Null);
    assert_eq!(
        saved["reminder"],
        json!({ "weekdays": [0, 2], "time": "17:30" })
    );
    assert_eq!(saved["checkins"], json!(0));
    assert_eq!(
        invoke(&t, "list_goals", json!({})).expect("list"),
        json!([saved.clone()])
    );

    let step_id = saved["steps"][0]["id"].clone();
    let checked = invoke(
        &t,
        "set_step_done",
        json!({ "goalId": id, "stepId": step_id, "done": true }),
    )
    .expect("check");
    assert!(checked["steps"][0]["doneAt"].is_string(), "{checked}");

    // A goal check-in is a journal entry.
    let entry = invoke(
        &t,
        "save_entry",
        json!({ "draft": { "id": null, "kind": "goal_checkin", "title": null,
                           "body": "Went better than I thought", "tags": [], "promptId": null,
                           "checkin": { "feelings": [{ "feeling": "proud", "intensity": 4,
                                                       "valence": 1 }] },
                           "goal": { "goalId": id, "inTheWay": "Nerves",
                                     "nextStep": "Ask Jo to lunch" } } }),
    )
    .expect("goal check-in");
    assert_eq!(
        entry["goal"],
        json!({ "goalId": id, "inTheWay": "Nerves", "nextStep": "Ask Jo to lunch" })
    );
    let detail = invoke(&t, "get_goal", json!({ "id": id })).expect("get");
    assert_eq!(detail["goal"]["checkins"], json!(1));
    assert_eq!(detail["goal"]["lastCheckinAt"], entry["createdAt"]);
    assert_eq!(detail["checkins"][0]["id"], entry["id"]);
    assert_eq!(detail["checkins"][0]["kind"], json!("goal_checkin"));

    let paused = invoke(
        &t,
        "set_goal_status",
        json!({ "id": id, "status": "let_go" }),
    )
    .expect("let go");
    assert_eq!(paused["status"], json!("let_go"));

    // A proposal (as the share import will add it), then the person's answer.
    let proposal = t
        ._app
        .state::<AppState>()
        .with_vault(|vault| {
            Ok(crate::goals::add_proposal(
                vault.conn(),
                crate::goals::ProposalDraft {
                    kind: crate::goals::ProposalKind::Goal,
                    from_name: "Ms. Alvarez".into(),
                    title: "Join a club".into(),
                    why: None,
                    steps: vec!["Look at the club list".into()],
                    note: None,
                    for_goal_id: None,
                    source_id: Some("share-7".into()),
                },
                crate::journal::local_now(),
            )?)
        })
        .expect("add proposal");
    let listed = invoke(&t, "list_proposals", json!({})).expect("proposals");
    assert_eq!(listed[0]["id"], json!(proposal.id));
    assert_eq!(listed[0]["status"], json!("pending"));
    assert_eq!(listed[0]["forGoalMissing"], json!(false));
    let changed = invoke(
        &t,
        "decide_proposal",
        json!({ "id": proposal.id,
                "decision": { "kind": "change", "promptText": null,
                              "goal": { "id": null, "title": "Try the art club", "why": null,
                                        "area": null, "steps": [], "targetDate": null,
                                        "madeWithCounselor": true, "reminder": null } } }),
    )
    .expect("change");
    assert_eq!(changed["proposal"]["status"], json!("changed"));
    assert_eq!(changed["goal"]["title"], json!("Try the art club"));
    assert_eq!(
        changed["goal"]["counselorWords"]["title"],
        json!("Join a club")
    );
    let twice = invoke(
        &t,
        "decide_proposal",
        json!({ "id": proposal.id, "decision": { "kind": "accept" } }),
    );
    assert_eq!(error_code(twice.unwrap_err()), "invalid_input");

    // Reminder settings.
    let settings = invoke(
        &t,
        "save_reminder_settings",
        json!({ "settings": { "dailyCheckin": "20:00", "quietFrom": "22:00",
                              "quietTo": "07:00" } }),
    )
    .expect("save settings");
    assert_eq!(
        invoke(&t, "get_reminder_settings", json!({})).expect("get settings"),
        settings
    );
    let bad = invoke(
        &t,
        "save_reminder_settings",
        json!({ "settings": { "dailyCheckin": "25:00" } }),
    );
    assert_eq!(error_code(bad.unwrap_err()), "invalid_input");

    // An empty title: invalid_input with plain words; nothing saved.
    let err = invoke(&t, "save_goal", goal_draft("   ")).unwrap_err();
    assert_eq!(error_code(err.clone()), "invalid_input");
    assert!(err["message"].as_str().is_some_and(|m| m.contains("title")));
    assert_eq!(
        invoke(&t, "list_goals", json!({}))
            .expect("list")
            .as_array()
            .map(Vec::len),
        Some(2)
    );

    // Survives lock and unlock; delete keeps the check-in in the journal.
    invoke(&t, "lock", json!({})).expect("lock");
    invoke(&t, "unlock_with_passphrase", json!({ "passphrase": PASS })).expect("unlock");
    invoke(&t, "delete_goal", json!({ "id": id })).expect("delete");
    let gone = invoke(&t, "get_goal", json!({ "id": id })).unwrap_err();
    assert_eq!(error_code(gone.clone()), "not_found");
    assert!(gone["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert_eq!(
        invoke(&t, "get_entry", json!({ "id": entry["id"] })).expect("entry")["goal"]["goalId"],
        json!(id)
    );
}

// ── Reminders: the schedule mirror outside the vault ───────────────────────────────────────

/// Words of the person's (and the counselor's) in the tests below: none may reach the mirror.
const GOAL_WORDS: &[&str] = &[
    "Ottoline",
    "Say hi to Jo",
    "for me",
    "Alvarez",
    "Join a club",
    "club list",
    "pottery",
    "Sam",
];

/// `reminders.json` as JSON, after checking that it holds none of the words above.
fn reminder_mirror(t: &TestApp) -> Value {
    let text = std::fs::read_to_string(data_dir(t).join(crate::vault::REMINDERS_FILE))
        .expect("the mirror exists");
    for words in GOAL_WORDS {
        assert!(
            !text.contains(words),
            "{words:?} leaked into the mirror: {text}"
        );
    }
    serde_json::from_str(&text).expect("mirror json")
}

#[test]
fn every_reminder_change_and_unlock_rewrites_the_mirror_with_times_only() {
    let t = backup_app(false);
    create_vault(&t);
    // Created: an empty schedule.
    let m = reminder_mirror(&t);
    assert_eq!(m["reminders"], json!([]));
    assert_eq!(m["dailyCheckin"], Value::Null);

    let goal = invoke(&t, "save_goal", goal_draft("Phone Grandma Ottoline")).expect("save");
    let id = goal["id"].as_i64().expect("id");
    let first = json!([{ "weekdays": [0, 2], "time": "17:30" }]);
    assert_eq!(reminder_mirror(&t)["reminders"], first);

    invoke(
        &t,
        "set_goal_status",
        json!({ "id": id, "status": "paused" }),
    )
    .expect("pause");
    assert_eq!(reminder_mirror(&t)["reminders"], json!([]));
    invoke(
        &t,
        "set_goal_status",
        json!({ "id": id, "status": "active" }),
    )
    .expect("resume");
    assert_eq!(reminder_mirror(&t)["reminders"], first);

    invoke(
        &t,
        "save_reminder_settings",
        json!({ "settings": { "dailyCheckin": "20:00", "quietFrom": "22:00",
                              "quietTo": "07:00" } }),
    )
    .expect("settings");
    let m = reminder_mirror(&t);
    assert_eq!(
        (&m["dailyCheckin"], &m["quietFrom"], &m["quietTo"]),
        (&json!("20:00"), &json!("22:00"), &json!("07:00"))
    );
    let backup = invoke(&t, "back_up_now", json!({})).expect("back up");

    // A counselor's proposal turned into a goal with a reminder.
    let proposal = t
        ._app
        .state::<AppState>()
        .with_vault(|vault| {
            Ok(crate::goals::add_proposal(
                vault.conn(),
                crate::goals::ProposalDraft {
                    kind: crate::goals::ProposalKind::Goal,
                    from_name: "Ms. Alvarez".into(),
                    title: "Join a club".into(),
                    why: None,
                    steps: vec!["Look at the club list".into()],
                    note: None,
                    for_goal_id: None,
                    source_id: None,
                },
                crate::journal::local_now(),
            )?)
        })
        .expect("add proposal");
    assert_eq!(
        reminder_mirror(&t)["reminders"],
        first,
        "a proposal alone changes nothing"
    );
    invoke(
        &t,
        "decide_proposal",
        json!({ "id": proposal.id,
                "decision": { "kind": "change", "promptText": null,
                              "goal": { "id": null, "title": "Try pottery", "why": null,
                                        "area": null, "steps": [], "targetDate": null,
                                        "madeWithCounselor": true,
                                        "reminder": { "weekdays": [], "time": "08:00" } } } }),
    )
    .expect("decide");
    let both = json!([{ "weekdays": [], "time": "08:00" },
                      { "weekdays": [0, 2], "time": "17:30" }]);
    assert_eq!(reminder_mirror(&t)["reminders"], both);

    invoke(&t, "delete_goal", json!({ "id": id })).expect("delete");
    assert_eq!(
        reminder_mirror(&t)["reminders"],
        json!([{ "weekdays": [], "time": "08:00" }])
    );

    // A stale or damaged mirror catches up at the next unlock.
    invoke(&t, "lock", json!({})).expect("lock");
    std::fs::write(data_dir(&t).join(crate::vault::REMINDERS_FILE), b"{}").expect("stale");
    invoke(&t, "unlock_with_passphrase", json!({ "passphrase": PASS })).expect("unlock");
    let m = reminder_mirror(&t);
    assert_eq!(m["reminders"], json!([{ "weekdays": [], "time": "08:00" }]));
    assert_eq!(m["dailyCheckin"], json!("20:00"));

    // Restoring a backup: the mirror follows the restored journal.
    invoke(
        &t,
        "restore_backup",
        json!({ "path": backup["path"], "secret": { "kind": "current" } }),
    )
    .expect("restore");
    assert_eq!(reminder_mirror(&t)["reminders"], first);
}

#[test]
fn the_reminder_thread_checks_the_mirror_while_the_journal_is_locked() {
    let t = test_app();
    create_vault(&t);
    let now = crate::journal::local_now().format("%H:%M").to_string();
    invoke(
        &t,
        "save_reminder_settings",
        json!({ "settings": { "dailyCheckin": now } }),
    )
    .expect("settings");
    invoke(&t, "lock", json!({})).expect("lock");
    assert_eq!(
        invoke(&t, "app_status", json!({})).expect("status")["unlocked"],
        json!(false)
    );
    assert_eq!(reminder_mirror(&t)["fired"], json!({}));
    // What the app's setup does (the mock runtime never runs it); a second start is a no-op.
    super::goals::start_reminders(t._app.handle());
    super::goals::start_reminders(t._app.handle());
    // Its first look, as the app starts, notes the due reminder from the mirror (without a
    // notification: the person is there) — with the journal locked.
    let mut mirror = Value::Null;
    for _ in 0..100 {
        mirror = reminder_mirror(&t);
        if mirror["fired"].get("daily").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(
        mirror["fired"]["daily"].is_string(),
        "the reminder thread ran while locked: {mirror}"
    );
    assert_eq!(mirror["lastNotified"], Value::Null);
    assert_eq!(
        invoke(&t, "app_status", json!({})).expect("status")["unlocked"],
        json!(false),
        "still locked"
    );
}

// ── Backups, restore, export (issue 9) ─────────────────────────────────────────────────────

/// A test app whose automatic backups are off (so the tests can count backup files), or start
/// at once when `automatic` is set.
fn backup_app(automatic: bool) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = AppState::open(&dir.path().join("data"));
    state.set_automatic_backups(automatic.then_some(std::time::Duration::ZERO));
    build_test_app(dir, state)
}

fn data_dir(t: &TestApp) -> std::path::PathBuf {
    t._dir.path().join("data")
}

fn entry_total(t: &TestApp) -> i64 {
    invoke(
        t,
        "list_entries",
        json!({ "query": { "filter": { "kinds": [], "feelings": [], "tags": [],
                                       "from": null, "to": null },
                           "cursor": null, "limit": 50 } }),
    )
    .expect("list")["total"]
        .as_i64()
        .expect("total")
}

#[test]
fn backup_commands_need_the_vault_unlocked_except_inspect_restore_and_progress() {
    let t = backup_app(false);
    for cmd in [
        "backup_status",
        "list_backups",
        "back_up_now",
        "set_backup_folder",
    ] {
        let err = invoke(&t, cmd, json!({ "folder": null })).expect_err(cmd);
        assert_eq!(error_code(err), "locked", "{cmd}");
    }
    let err = invoke(
        &t,
        "export_journal",
        json!({ "input": { "format": "json", "folder": t._dir.path(), "language": "en",
                           "feelingNames": {}, "sensationNames": {}, "promptTexts": {} } }),
    )
    .expect_err("export");
    assert_eq!(error_code(err), "locked");
    assert_eq!(
        invoke(&t, "job_progress", json!({})).expect("progress"),
        Value::Null
    );
    // Inspecting works without a journal: a missing file is `not_found`, not `locked`.
    let missing = t._dir.path().join("none.covebackup");
    let err = invoke(
        &t,
        "inspect_backup",
        json!({ "path": missing, "secret": { "kind": "passphrase", "value": PASS } }),
    )
    .expect_err("inspect");
    assert_eq!(error_code(err), "not_found");
    let err = invoke(
        &t,
        "inspect_backup",
        json!({ "path": "relative.covebackup", "secret": { "kind": "current" } }),
    )
    .expect_err("relative");
    assert_eq!(error_code(err), "invalid_input");
}

#[test]
fn back_up_now_lists_inspects_and_restores_through_the_commands() {
    let t = backup_app(false);
    create_vault(&t);
    invoke(&t, "save_entry", draft("Before the backup")).expect("save");
    let status = invoke(&t, "backup_status", json!({})).expect("status");
    assert_eq!(status["lastBackupAt"], Value::Null);
    assert_eq!(status["problem"], Value::Null);

    let file = invoke(&t, "back_up_now", json!({})).expect("back up");
    assert_eq!(file["kind"], json!("manual"));
    assert_eq!(file["place"], json!("app"));
    assert!(file["fileName"]
        .as_str()
        .is_some_and(|n| n.starts_with("cove-") && n.ends_with("-manual.covebackup")));
    let listed = invoke(&t, "list_backups", json!({})).expect("list");
    assert_eq!(listed, json!([file.clone()]));
    let status = invoke(&t, "backup_status", json!({})).expect("status");
    assert_eq!(status["lastBackupAt"], file["madeAt"]);
    assert_eq!(
        invoke(&t, "job_progress", json!({})).expect("p"),
        Value::Null
    );

    invoke(&t, "save_entry", draft("After the backup")).expect("save");
    assert_eq!(entry_total(&t), 2);
    let summary = invoke(
        &t,
        "inspect_backup",
        json!({ "path": file["path"], "secret": { "kind": "current" } }),
    )
    .expect("inspect");
    assert_eq!(summary["entries"], json!(1));
    assert_eq!(summary["sameJournal"], json!(true));
    assert_eq!(summary["madeAt"], file["madeAt"]);
    assert_eq!(summary["appVersion"], json!(env!("CARGO_PKG_VERSION")));

    invoke(
        &t,
        "restore_backup",
        json!({ "path": file["path"], "secret": { "kind": "current" } }),
    )
    .expect("restore");
    // Unlocked on the restored journal, with the entry from before the backup only.
    assert_eq!(
        invoke(&t, "app_status", json!({})).expect("status")["unlocked"],
        json!(true)
    );
    assert_eq!(entry_total(&t), 1);
    let kinds: Vec<Value> = invoke(&t, "list_backups", json!({}))
        .expect("list")
        .as_array()
        .expect("array")
        .iter()
        .map(|f| f["kind"].clone())
        .collect();
    assert!(kinds.contains(&json!("before_restore")), "{kinds:?}");
    // The journal that was replaced comes back from its before-restore backup.
    let before = invoke(&t, "list_backups", json!({}))
        .expect("list")
        .as_array()
        .expect("array")
        .iter()
        .find(|f| f["kind"] == json!("before_restore"))
        .cloned()
        .expect("before");
    invoke(
        &t,
        "restore_backup",
        json!({ "path": before["path"], "secret": { "kind": "passphrase", "value": PASS } }),
    )
    .expect("restore the before-restore backup");
    assert_eq!(entry_total(&t), 2);

    // Locked: restoring over an existing journal is refused.
    invoke(&t, "lock", json!({})).expect("lock");
    let err = invoke(
        &t,
        "restore_backup",
        json!({ "path": file["path"], "secret": { "kind": "passphrase", "value": PASS } }),
    )
    .expect_err("locked");
    assert_eq!(error_code(err), "locked");
    // Inspecting with the passphrase works while locked; `current` needs the journal open.
    let summary = invoke(
        &t,
        "inspect_backup",
        json!({ "path": file["path"], "secret": { "kind": "passphrase", "value": PASS } }),
    )
    .expect("inspect while locked");
    assert_eq!(summary["sameJournal"], json!(true));
    let err = invoke(
        &t,
        "inspect_backup",
        json!({ "path": file["path"], "secret": { "kind": "current" } }),
    )
    .expect_err("current while locked");
    assert_eq!(error_code(err), "locked");
}

#[test]
fn a_fresh_install_restores_a_backup_and_ends_up_unlocked() {
    let home = backup_app(false);
    create_vault(&home);
    invoke(&home, "save_entry", draft("Written on the old laptop")).expect("save");
    let file = invoke(&home, "back_up_now", json!({})).expect("back up");
    let moved = home._dir.path().join("moved.covebackup");
    std::fs::copy(file["path"].as_str().expect("path"), &moved).expect("copy");

    let fresh = backup_app(false);
    let status = invoke(&fresh, "app_status", json!({})).expect("status");
    assert_eq!(status["vaultExists"], json!(false));
    let err = invoke(
        &fresh,
        "inspect_backup",
        json!({ "path": moved, "secret": { "kind": "passphrase", "value": "wrong words" } }),
    )
    .expect_err("wrong");
    assert_eq!(error_code(err), "wrong_secret");
    let summary = invoke(
        &fresh,
        "inspect_backup",
        json!({ "path": moved, "secret": { "kind": "passphrase", "value": PASS } }),
    )
    .expect("inspect");
    assert_eq!(summary["entries"], json!(1));
    assert_eq!(summary["sameJournal"], json!(false));
    invoke(
        &fresh,
        "restore_backup",
        json!({ "path": moved, "secret": { "kind": "passphrase", "value": PASS } }),
    )
    .expect("restore");
    let status = invoke(&fresh, "app_status", json!({})).expect("status");
    assert_eq!(status["vaultExists"], json!(true));
    assert_eq!(status["unlocked"], json!(true));
    assert_eq!(entry_total(&fresh), 1);
    assert_eq!(
        invoke(&fresh, "get_profile", json!({})).expect("profile")["name"],
        json!("Sam")
    );
    // Not a backup at all.
    let png = fresh._dir.path().join("photo.covebackup");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n....").expect("png");
    let err = invoke(
        &fresh,
        "inspect_backup",
        json!({ "path": png, "secret": { "kind": "current" } }),
    )
    .expect_err("png");
    assert_eq!(error_code(err), "not_a_backup");
}

#[test]
fn a_counselors_journal_restored_on_a_new_computer_opens_in_counselor_mode() {
    let home = counselor_app();
    let file = invoke(&home, "back_up_now", json!({})).expect("back up");
    let moved = home._dir.path().join("moved.covebackup");
    std::fs::copy(file["path"].as_str().expect("path"), &moved).expect("copy");

    // A new computer: no prefs file, so nothing there says "counselor".
    let fresh = backup_app(false);
    let restore = json!({ "path": moved, "secret": { "kind": "passphrase", "value": PASS } });
    invoke(&fresh, "restore_backup", restore.clone()).expect("restore");
    let status = invoke(&fresh, "app_status", json!({})).expect("status");
    assert_eq!(status["prefs"]["mode"], json!("counselor"));

    // A client's Cove restoring that journal over its own: the journal's mode comes with it.
    let client = backup_app(false);
    create_vault(&client);
    invoke(&client, "restore_backup", restore).expect("restore over");
    let status = invoke(&client, "app_status", json!({})).expect("status");
    assert_eq!(status["prefs"]["mode"], json!("counselor"));
}

#[test]
fn unlocking_removes_an_export_that_a_crash_cut_short() {
    let t = backup_app(false);
    create_vault(&t);
    // What a crash mid-export leaves: the hidden temporary folder, and its record in the vault.
    let folder = t._dir.path().join("usb");
    let partial = folder.join(".Cove export 2026-11-27.partial-0badcafe");
    std::fs::create_dir_all(&partial).expect("partial");
    std::fs::write(partial.join("2026-11-27.md"), "# words").expect("file");
    t._app
        .state::<AppState>()
        .with_vault(|v| {
            let path = partial.to_string_lossy();
            Ok(crate::vault::settings::save_json(
                v.conn(),
                "pending_export",
                &path,
            )?)
        })
        .expect("record");
    invoke(&t, "lock", json!({})).expect("lock");
    assert!(partial.exists());
    invoke(&t, "unlock_with_passphrase", json!({ "passphrase": PASS })).expect("unlock");
    assert!(!partial.exists(), "the unfinished export is gone");
    assert!(folder.exists(), "the folder itself stays");
}

#[test]
fn a_journal_made_before_the_mode_was_kept_in_it_takes_it_from_the_prefs_at_unlock() {
    let t = counselor_app();
    let sql = |t: &TestApp, statement: &str| -> Option<String> {
        let state = t._app.state::<AppState>();
        state
            .with_vault(|v| Ok(v.conn().query_row(statement, [], |r| r.get(0)).ok()))
            .expect("unlocked")
    };
    let kept = |t: &TestApp| sql(t, "SELECT value FROM settings WHERE key = 'mode'");
    assert_eq!(kept(&t).as_deref(), Some("\"counselor\""));
    // As a journal made before this version: no mode inside.
    sql(&t, "DELETE FROM settings WHERE key = 'mode' RETURNING key");
    assert_eq!(kept(&t), None);
    invoke(&t, "lock", json!({})).expect("lock");
    invoke(&t, "unlock_with_passphrase", json!({ "passphrase": PASS })).expect("unlock");
    assert_eq!(kept(&t).as_deref(), Some("\"counselor\""));
}

#[test]
fn the_second_folder_is_checked_gets_a_copy_at_once_and_a_missing_one_is_a_problem() {
    let t = backup_app(false);
    create_vault(&t);
    let data = data_dir(&t);
    let err = invoke(&t, "set_backup_folder", json!({ "folder": data })).expect_err("inside");
    assert_eq!(error_code(err), "invalid_input");
    let err = invoke(
        &t,
        "set_backup_folder",
        json!({ "folder": t._dir.path().join("missing") }),
    )
    .expect_err("missing");
    assert_eq!(error_code(err), "invalid_input");

    let stick = t._dir.path().join("stick");
    std::fs::create_dir(&stick).expect("stick");
    let status = invoke(&t, "set_backup_folder", json!({ "folder": stick })).expect("set");
    assert_eq!(status["extraFolder"], json!(stick.to_string_lossy()));
    assert_eq!(status["problem"], Value::Null);
    let on_stick: Vec<_> = std::fs::read_dir(&stick).expect("list").flatten().collect();
    assert_eq!(on_stick.len(), 1, "a copy is written there at once");
    let places: Vec<Value> = invoke(&t, "list_backups", json!({}))
        .expect("list")
        .as_array()
        .expect("array")
        .iter()
        .map(|f| f["place"].clone())
        .collect();
    assert!(places.contains(&json!("app")) && places.contains(&json!("extra")));

    // Unplugged: the backup is still made in Cove's folder, and the problem is reported.
    std::fs::rename(&stick, t._dir.path().join("away")).expect("unplug");
    invoke(&t, "back_up_now", json!({})).expect("Cove's copy is made");
    let status = invoke(&t, "backup_status", json!({})).expect("status");
    assert_eq!(status["problem"]["code"], json!("not_found"));
    // Back again: the next backup clears it.
    std::fs::rename(t._dir.path().join("away"), &stick).expect("plug");
    invoke(&t, "back_up_now", json!({})).expect("backup");
    let status = invoke(&t, "backup_status", json!({})).expect("status");
    assert_eq!(status["problem"], Value::Null);

    let status = invoke(&t, "set_backup_folder", json!({ "folder": null })).expect("forget");
    assert_eq!(status["extraFolder"], Value::Null);
}

#[test]
fn an_automatic_backup_follows_the_unlock_and_its_thread_ends_on_lock() {
    let t = backup_app(true);
    let threads = |t: &TestApp| {
        t._app
            .state::<AppState>()
            .backups
            .automatic_threads
            .load(Ordering::SeqCst)
    };
    create_vault(&t);
    let mut automatic = None;
    for _ in 0..200 {
        let listed = invoke(&t, "list_backups", json!({})).expect("list");
        automatic = listed
            .as_array()
            .and_then(|a| a.iter().find(|f| f["kind"] == json!("automatic")).cloned());
        if automatic.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let automatic = automatic.expect("an automatic backup after creating the journal");
    assert_eq!(automatic["place"], json!("app"));
    assert_eq!(threads(&t), 1);
    // Unlocking again the same day makes no second automatic backup.
    invoke(&t, "lock", json!({})).expect("lock");
    invoke(&t, "unlock_with_passphrase", json!({ "passphrase": PASS })).expect("unlock");
    std::thread::sleep(std::time::Duration::from_millis(500));
    let count = invoke(&t, "list_backups", json!({}))
        .expect("list")
        .as_array()
        .map_or(0, Vec::len);
    assert_eq!(count, 1);
    invoke(&t, "lock", json!({})).expect("lock");
    let mut ended = false;
    for _ in 0..50 {
        if threads(&t) == 0 {
            ended = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(ended, "the automatic-backup thread ends on lock");
}

#[test]
fn export_runs_through_the_command_and_refuses_cove_s_own_folder() {
    let t = backup_app(false);
    create_vault(&t);
    invoke(&t, "save_entry", draft("An entry to export")).expect("save");
    let input = |folder: &std::path::Path| {
        json!({ "input": { "format": "json", "folder": folder, "language": "en",
                           "feelingNames": {}, "sensationNames": {}, "promptTexts": {} } })
    };
    let err = invoke(&t, "export_journal", input(&data_dir(&t))).expect_err("inside");
    assert_eq!(error_code(err), "invalid_input");
    let out = t._dir.path().join("exports");
    std::fs::create_dir(&out).expect("dir");
    let result = invoke(&t, "export_journal", input(&out)).expect("export");
    assert_eq!(result["entries"], json!(1));
    assert!(result["path"]
        .as_str()
        .is_some_and(|p| p.ends_with(".json") && std::path::Path::new(p).exists()));
    assert_eq!(
        invoke(&t, "job_progress", json!({})).expect("p"),
        Value::Null
    );

    // With a discreet name for the app, the export is named after it, not "Cove".
    let mut prefs = invoke(&t, "app_status", json!({})).expect("status")["prefs"].clone();
    prefs["displayName"] = json!("Homework planner");
    invoke(&t, "save_prefs", json!({ "prefs": prefs })).expect("save prefs");
    let result = invoke(&t, "export_journal", input(&out)).expect("export");
    let name = std::path::Path::new(result["path"].as_str().expect("path"))
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(
        name.starts_with("Homework planner export ") && name.ends_with(".json"),
        "{name}"
    );
}

// ── Sharing (issue 7) ──────────────────────────────────────────────────────────────────────

/// Every sharing command, with arguments of the right shape.
fn sharing_calls(out: &std::path::Path) -> Vec<(&'static str, Value)> {
    let selection = json!({ "entries": [{ "id": 1, "parts": { "body": true } }] });
    let file = out.join("never-written.age");
    vec![
        ("my_share_key", json!({})),
        ("share_key_fingerprint", json!({ "recipient": "age1xyz" })),
        ("list_contacts", json!({})),
        (
            "save_contact",
            json!({ "draft": { "id": null, "role": "counselor", "name": "Jo",
                               "recipient": "age1xyz" } }),
        ),
        ("delete_contact", json!({ "id": 1 })),
        ("preview_share", json!({ "selection": selection })),
        (
            "write_share",
            json!({ "input": { "selection": selection,
                               "lock": { "mode": "contact", "contactId": 1 },
                               "armor": false, "path": file } }),
        ),
        (
            "armored_share",
            json!({ "selection": selection,
                    "lock": { "mode": "passphrase", "passphrase": "pw" } }),
        ),
        (
            "log_shown_share",
            json!({ "selection": selection, "method": "print" }),
        ),
        ("list_share_log", json!({})),
        (
            "write_suggestions",
            json!({ "input": { "contactId": 1, "armor": false, "path": file, "note": null,
                               "suggestions": [{ "type": "prompt", "text": "Hi" }] } }),
        ),
        (
            "import_share_file",
            json!({ "path": file, "passphrase": null }),
        ),
        (
            "import_share_text",
            json!({ "text": "-----BEGIN AGE ENCRYPTED FILE-----", "passphrase": "pw" }),
        ),
        ("list_inbox", json!({})),
        ("get_inbox_share", json!({ "id": 1 })),
        ("save_inbox_notes", json!({ "id": 1, "notes": "x" })),
        ("delete_inbox_share", json!({ "id": 1 })),
        (
            "key_qr",
            json!({ "recipient": "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq" }),
        ),
        ("read_key_qr", json!({ "path": out.join("key.png") })),
        ("read_key_file", json!({ "path": out.join("key.txt") })),
        ("export_my_key", json!({ "path": out.join("my-key.txt") })),
        (
            "armored_suggestions",
            json!({ "contactId": 1, "note": null,
                    "suggestions": [{ "type": "prompt", "text": "Hi" }] }),
        ),
    ]
}

#[test]
fn sharing_commands_need_the_vault_unlocked() {
    let t = backup_app(false);
    let out = t._dir.path().join("out");
    std::fs::create_dir(&out).expect("out");
    let calls = sharing_calls(&out);
    // No journal yet, then a locked one.
    for _ in 0..2 {
        for (cmd, args) in &calls {
            assert_eq!(
                error_code(invoke(&t, cmd, args.clone()).unwrap_err()),
                "locked",
                "{cmd}"
            );
        }
        if !t._app.state::<AppState>().dir().expect("dir").exists() {
            create_vault(&t);
            invoke(&t, "lock", json!({})).expect("lock");
        }
    }
    assert!(
        calls.iter().all(|(cmd, _)| COMMANDS.contains(cmd)),
        "every sharing command is registered"
    );
    assert_eq!(
        std::fs::read_dir(&out).expect("out").count(),
        0,
        "nothing written"
    );
}

fn counselor_app() -> TestApp {
    let t = backup_app(false);
    invoke(
        &t,
        "create_vault",
        json!({ "input": { "passphrase": PASS, "mode": "counselor",
                           "profile": { "name": "Jordan", "pronouns": null } } }),
    )
    .expect("create counselor");
    t
}

/// Words only the client wrote (the left-out title) and words that went.
const LEFT_OUT: &str = "Zqx private title";
const SHARED_BODY: &str = "Zqx the words I chose to share";

fn share_selection(entry: i64) -> Value {
    json!({ "entries": [{ "id": entry, "parts": { "body": true, "tags": true } }],
            "includeProfile": true, "note": "For Thursday" })
}

fn share_log_len(t: &TestApp) -> usize {
    invoke(t, "list_share_log", json!({}))
        .expect("log")
        .as_array()
        .map_or(0, Vec::len)
}

#[test]
fn a_share_goes_from_a_client_to_a_counselor_and_suggestions_come_back() {
    let client = backup_app(false);
    create_vault(&client);
    let counselor = counselor_app();
    let out = client._dir.path().join("out");
    std::fs::create_dir(&out).expect("out");

    // Pairing: the counselor's key pasted on the client, its words compared aloud.
    let counselor_key = invoke(&counselor, "my_share_key", json!({})).expect("key");
    let recipient = counselor_key["recipient"].as_str().expect("recipient");
    assert!(recipient.starts_with("age1"), "{recipient}");
    assert_eq!(
        counselor_key["fingerprint"].as_array().map(Vec::len),
        Some(5)
    );
    assert_eq!(
        invoke(&counselor, "my_share_key", json!({})).expect("same key"),
        counselor_key
    );
    let words = invoke(
        &client,
        "share_key_fingerprint",
        json!({ "recipient": format!("  {recipient}\n") }),
    )
    .expect("words");
    assert_eq!(words, counselor_key["fingerprint"]);
    let bad = invoke(
        &client,
        "share_key_fingerprint",
        json!({ "recipient": "hello there" }),
    )
    .expect_err("not a key");
    assert_eq!(error_code(bad.clone()), "invalid_input");
    assert!(!bad["message"].as_str().unwrap_or("").contains("hello"));
    let jo = invoke(
        &client,
        "save_contact",
        json!({ "draft": { "id": null, "role": "counselor", "name": "Jo",
                           "recipient": recipient } }),
    )
    .expect("pair");
    assert_eq!(jo["fingerprint"], counselor_key["fingerprint"]);
    let jo_id = jo["id"].as_i64().expect("id");
    assert_eq!(
        invoke(&client, "list_contacts", json!({})).expect("contacts"),
        json!([jo.clone()])
    );

    // An entry; only its body and tags go.
    let entry = invoke(
        &client,
        "save_entry",
        json!({ "draft": { "id": null, "kind": "free", "title": LEFT_OUT, "body": SHARED_BODY,
                           "tags": ["school"], "promptId": null, "checkin": null } }),
    )
    .expect("entry");
    let selection = share_selection(entry["id"].as_i64().expect("id"));

    // The preview: exactly what goes; no key made for it, nothing logged.
    let preview =
        invoke(&client, "preview_share", json!({ "selection": selection })).expect("preview");
    assert_eq!(preview["kind"], json!("share"));
    assert_eq!(preview["items"][0]["body"], json!(SHARED_BODY));
    assert_eq!(preview["items"][0]["title"], Value::Null);
    assert_eq!(preview["from"]["name"], json!("Sam"));
    assert_eq!(preview["from"]["replyTo"], Value::Null);
    assert!(!preview.to_string().contains(LEFT_OUT));
    assert_eq!(share_log_len(&client), 0);

    // Written to a file the person chose, locked to Jo's key, and logged.
    let path = out.join("for Jo.age");
    let written = invoke(
        &client,
        "write_share",
        json!({ "input": { "selection": selection, "lock": { "mode": "contact", "contactId": jo_id },
                           "armor": false, "path": path } }),
    )
    .expect("write share");
    assert_eq!(written["path"], json!(path));
    assert_eq!(written["logged"]["method"], json!("file"));
    assert_eq!(written["logged"]["toName"], json!("Jo"));
    assert_eq!(written["logged"]["contactId"], json!(jo_id));
    let bytes = std::fs::read(&path).expect("share file");
    assert!(bytes.starts_with(b"age-encryption.org/v1\n"));
    let raw = String::from_utf8_lossy(&bytes);
    assert!(!raw.contains("Zqx"), "the file is encrypted");
    let names: Vec<_> = std::fs::read_dir(&out)
        .expect("out")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(
        names,
        vec![std::ffi::OsString::from("for Jo.age")],
        "no temporary file left"
    );
    let log = invoke(&client, "list_share_log", json!({})).expect("log");
    assert_eq!(log, json!([written["logged"].clone()]));
    let kinds: Vec<&Value> = log[0]["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| &i["kind"])
        .collect();
    assert_eq!(kinds, [&json!("profile"), &json!("note"), &json!("entry")]);
    assert_eq!(log[0]["items"][2]["parts"], json!(["body", "tags"]));

    // Refused: an existing file (left as it was), a path inside Cove's data folder, a relative
    // path. Nothing more is logged.
    let write_to = |path: Value| {
        invoke(
            &client,
            "write_share",
            json!({ "input": { "selection": selection,
                               "lock": { "mode": "contact", "contactId": jo_id },
                               "armor": true, "path": path } }),
        )
    };
    let err = write_to(json!(path)).expect_err("existing file");
    assert_eq!(error_code(err), "invalid_input");
    assert_eq!(std::fs::read(&path).expect("unchanged"), bytes);
    let inside = data_dir(&client).join("share.age");
    let err = write_to(json!(inside)).expect_err("inside the data folder");
    assert_eq!(error_code(err.clone()), "invalid_input");
    assert!(err["message"]
        .as_str()
        .is_some_and(|m| m.contains("data folder")));
    assert!(!inside.exists());
    let err = write_to(json!("share.age")).expect_err("relative");
    assert_eq!(error_code(err), "invalid_input");
    let err = write_to(json!(out.join("gone").join("share.age"))).expect_err("no such folder");
    assert_eq!(error_code(err), "invalid_input");
    assert_eq!(share_log_len(&client), 1);

    // The counselor imports it: in the inbox under Jo's client name, the title absent.
    let imported = invoke(
        &counselor,
        "import_share_file",
        json!({ "path": path, "passphrase": null }),
    )
    .expect("import");
    assert_eq!(imported["kind"], json!("share"));
    assert_eq!(imported["added"], json!(true));
    assert_eq!(imported["count"], json!(1));
    assert_eq!(imported["fromName"], json!("Sam"));
    let inbox = invoke(&counselor, "list_inbox", json!({})).expect("inbox");
    assert_eq!(inbox.as_array().map(Vec::len), Some(1));
    let shared = &inbox[0];
    assert_eq!(shared["clientName"], json!("Sam"));
    assert_eq!(shared["shareId"], written["logged"]["shareId"]);
    assert_eq!(shared["payload"]["items"][0]["body"], json!(SHARED_BODY));
    assert_eq!(shared["payload"]["items"][0]["tags"], json!(["school"]));
    assert_eq!(shared["payload"]["items"][0]["title"], Value::Null);
    assert_eq!(shared["payload"]["from"]["note"], json!("For Thursday"));
    assert!(!inbox.to_string().contains(LEFT_OUT));
    // Again: nothing added.
    let again = invoke(
        &counselor,
        "import_share_file",
        json!({ "path": path, "passphrase": null }),
    )
    .expect("again");
    assert_eq!(again["added"], json!(false));
    assert_eq!(
        invoke(&counselor, "list_inbox", json!({}))
            .expect("inbox")
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    // The client's own journal can't open a file locked for Jo.
    let err = invoke(
        &client,
        "import_share_file",
        json!({ "path": path, "passphrase": null }),
    )
    .expect_err("not for the client");
    assert_eq!(error_code(err), "not_for_you");

    // Notes beside it, then one share's detail.
    let inbox_id = shared["id"].as_i64().expect("id");
    let noted = invoke(
        &counselor,
        "save_inbox_notes",
        json!({ "id": inbox_id, "notes": "Ask about school" }),
    )
    .expect("notes");
    assert_eq!(noted["notes"], json!("Ask about school"));
    assert_eq!(
        invoke(&counselor, "get_inbox_share", json!({ "id": inbox_id })).expect("get"),
        noted
    );

    // Suggestions back: the counselor pairs the client's key and writes a file for them.
    let client_key = invoke(&client, "my_share_key", json!({})).expect("client key");
    let sam = invoke(
        &counselor,
        "save_contact",
        json!({ "draft": { "id": null, "role": "client", "name": "Sam R.",
                           "recipient": client_key["recipient"] } }),
    )
    .expect("pair client");
    let ideas_path = counselor._dir.path().join("for Sam.age");
    let ideas = invoke(
        &counselor,
        "write_suggestions",
        json!({ "input": { "contactId": sam["id"], "armor": true, "path": ideas_path,
                           "note": "See you Thursday",
                           "suggestions": [
                               { "type": "goal", "title": "Try a short walk",
                                 "steps": ["Shoes by the door"], "why": null, "note": null },
                               { "type": "prompt", "text": "What helped today?" }] } }),
    )
    .expect("write suggestions");
    assert_eq!(ideas["logged"]["method"], json!("file"));
    assert_eq!(ideas["logged"]["toName"], json!("Sam R."));
    let text = std::fs::read_to_string(&ideas_path).expect("armored file");
    assert!(
        text.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"),
        "{text}"
    );

    // The mode check: a counselor's journal takes no suggestions, a client's no shares.
    let err = invoke(
        &client,
        "import_share_file",
        json!({ "path": ideas_path, "passphrase": null }),
    );
    let outcome = err.expect("the client imports the suggestions");
    assert_eq!(outcome["kind"], json!("suggestions"));
    assert_eq!(outcome["count"], json!(2));
    assert_eq!(outcome["fromName"], json!("Jo"));
    let proposals = invoke(&client, "list_proposals", json!({})).expect("proposals");
    let proposals = proposals.as_array().expect("list");
    assert_eq!(proposals.len(), 2);
    assert!(proposals.iter().all(|p| p["status"] == json!("pending")));
    assert!(proposals.iter().all(|p| p["fromName"] == json!("Jo")));
    assert!(proposals
        .iter()
        .any(|p| p["title"] == json!("Try a short walk")));
    let again = invoke(
        &client,
        "import_share_file",
        json!({ "path": ideas_path, "passphrase": null }),
    )
    .expect("again");
    assert_eq!(again["added"], json!(false));
    assert_eq!(
        invoke(&client, "list_proposals", json!({}))
            .expect("proposals")
            .as_array()
            .map(Vec::len),
        Some(2)
    );

    // A passphrase file: a client's journal refuses a share (it is for a counselor), the
    // counselor needs the right passphrase, and nothing is added before it.
    let pass_path = out.join("with a passphrase.age");
    let pass_share = invoke(
        &client,
        "write_share",
        json!({ "input": { "selection": selection,
                           "lock": { "mode": "passphrase", "passphrase": "blue kettle 42" },
                           "armor": false, "path": pass_path } }),
    )
    .expect("passphrase file");
    assert_eq!(pass_share["logged"]["method"], json!("passphrase_file"));
    assert_eq!(pass_share["logged"]["toName"], Value::Null);
    let err = invoke(
        &client,
        "import_share_file",
        json!({ "path": pass_path, "passphrase": "blue kettle 42" }),
    )
    .expect_err("a share in a client's journal");
    assert_eq!(error_code(err.clone()), "wrong_kind");
    assert!(err["message"]
        .as_str()
        .is_some_and(|m| m.contains("counselor")));
    assert_eq!(
        invoke(&client, "list_proposals", json!({}))
            .expect("proposals")
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    let err = invoke(
        &counselor,
        "import_share_file",
        json!({ "path": pass_path, "passphrase": "blue kettle 43" }),
    )
    .expect_err("wrong passphrase");
    assert_eq!(error_code(err), "wrong_passphrase");
    let err = invoke(
        &counselor,
        "import_share_file",
        json!({ "path": pass_path, "passphrase": null }),
    )
    .expect_err("no passphrase");
    assert_eq!(error_code(err), "wrong_passphrase");
    assert_eq!(
        invoke(&counselor, "list_inbox", json!({}))
            .expect("inbox")
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    let opened = invoke(
        &counselor,
        "import_share_file",
        json!({ "path": pass_path, "passphrase": "blue kettle 42" }),
    )
    .expect("right passphrase");
    assert_eq!(opened["added"], json!(true));
    // Without a paired key in the file, the inbox files it under the name the client shared.
    let inbox = invoke(&counselor, "list_inbox", json!({})).expect("inbox");
    assert_eq!(inbox[0]["payload"]["from"]["replyTo"], Value::Null);

    // A suggestions file the counselor's own journal could open is still refused there.
    let own = counselor
        ._app
        .state::<AppState>()
        .with_vault(|vault| {
            let now = crate::journal::local_now();
            let key = crate::sharing::my_key(vault.conn(), now)?.recipient;
            let payload = crate::sharing::build_suggestions(
                vault.conn(),
                &[crate::sharing::Suggestion::Prompt {
                    text: "A prompt".into(),
                    note: None,
                }],
                None,
                now,
            )?;
            let json = serde_json::to_vec(&payload).expect("json");
            Ok(crate::sharing::seal(
                &json,
                &crate::sharing::Sealing::Recipient(key),
                true,
            )?)
        })
        .expect("sealed to the counselor");
    let err = invoke(
        &counselor,
        "import_share_text",
        json!({ "text": String::from_utf8(own).expect("armored"), "passphrase": null }),
    )
    .expect_err("suggestions in a counselor's journal");
    assert_eq!(error_code(err.clone()), "wrong_kind");
    assert!(err["message"]
        .as_str()
        .is_some_and(|m| m.contains("client's Cove") && m.contains("Nothing was added")));
    assert_eq!(
        invoke(&counselor, "list_inbox", json!({}))
            .expect("inbox")
            .as_array()
            .map(Vec::len),
        Some(2),
        "nothing added by the refused suggestions"
    );
    assert_eq!(
        invoke(&counselor, "list_proposals", json!({}))
            .expect("proposals")
            .as_array()
            .map(Vec::len),
        Some(0)
    );

    // Armored text to paste, and a printed summary: both logged, nothing written.
    let files_before = std::fs::read_dir(&out).expect("out").count();
    let armored = invoke(
        &client,
        "armored_share",
        json!({ "selection": selection, "lock": { "mode": "contact", "contactId": jo_id } }),
    )
    .expect("armored");
    let armored = armored.as_str().expect("text");
    assert!(armored.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"));
    assert!(!armored.contains("Zqx"));
    let pasted = invoke(
        &counselor,
        "import_share_text",
        json!({ "text": format!("\n  {armored}"), "passphrase": null }),
    )
    .expect("pasted");
    assert_eq!(pasted["added"], json!(true));
    let printed = invoke(
        &client,
        "log_shown_share",
        json!({ "selection": selection, "method": "print" }),
    )
    .expect("print");
    assert_eq!(printed["method"], json!("print"));
    assert_eq!(printed["toName"], Value::Null);
    let err = invoke(
        &client,
        "log_shown_share",
        json!({ "selection": selection, "method": "file" }),
    )
    .expect_err("a file is not shown");
    assert_eq!(error_code(err), "invalid_input");
    assert_eq!(std::fs::read_dir(&out).expect("out").count(), files_before);
    let methods: Vec<Value> = invoke(&client, "list_share_log", json!({}))
        .expect("log")
        .as_array()
        .expect("log")
        .iter()
        .map(|l| l["method"].clone())
        .collect();
    assert_eq!(
        methods,
        vec![
            json!("print"),
            json!("armored_text"),
            json!("passphrase_file"),
            json!("file")
        ]
    );

    // Removing a share from the inbox, and a contact.
    invoke(&counselor, "delete_inbox_share", json!({ "id": inbox_id })).expect("delete");
    let err = invoke(&counselor, "get_inbox_share", json!({ "id": inbox_id })).expect_err("gone");
    assert_eq!(error_code(err), "not_found");
    invoke(&client, "delete_contact", json!({ "id": jo_id })).expect("delete contact");
    assert_eq!(
        invoke(&client, "list_contacts", json!({})).expect("contacts"),
        json!([])
    );
    let err = invoke(
        &client,
        "write_share",
        json!({ "input": { "selection": selection,
                           "lock": { "mode": "contact", "contactId": jo_id },
                           "armor": false, "path": out.join("after.age") } }),
    )
    .expect_err("no such contact");
    assert_eq!(error_code(err), "not_found");
    assert!(!out.join("after.age").exists());
}

#[test]
fn bad_share_files_are_refused_with_their_own_codes() {
    let t = counselor_app();
    let dir = t._dir.path();
    let missing = dir.join("missing.age");
    let err = invoke(
        &t,
        "import_share_file",
        json!({ "path": missing, "passphrase": null }),
    )
    .expect_err("missing");
    assert_eq!(error_code(err), "not_found");
    let err = invoke(
        &t,
        "import_share_file",
        json!({ "path": "relative.age", "passphrase": null }),
    )
    .expect_err("relative");
    assert_eq!(error_code(err), "invalid_input");
    let err = invoke(
        &t,
        "import_share_file",
        json!({ "path": dir, "passphrase": null }),
    )
    .expect_err("a folder");
    assert_eq!(error_code(err), "not_a_share");
    let photo = dir.join("photo.jpg");
    std::fs::write(&photo, b"\xFF\xD8\xFF\xE0 not a share").expect("photo");
    let err = invoke(
        &t,
        "import_share_file",
        json!({ "path": photo, "passphrase": null }),
    )
    .expect_err("photo");
    assert_eq!(error_code(err), "not_a_share");
    // Larger than a share can be: refused after reading 32 MiB and one byte.
    let big = dir.join("big.age");
    let file = std::fs::File::create(&big).expect("big");
    file.set_len(crate::sharing::FILE_MAX_BYTES as u64 + 4096)
        .expect("size");
    let err = invoke(
        &t,
        "import_share_file",
        json!({ "path": big, "passphrase": null }),
    )
    .expect_err("too large");
    assert_eq!(error_code(err), "share_too_large");
    // A real share, cut short.
    let key = invoke(&t, "my_share_key", json!({})).expect("key")["recipient"]
        .as_str()
        .expect("key")
        .to_owned();
    let sealed = crate::sharing::seal(
        br#"{"format":"cove-share"}"#,
        &crate::sharing::Sealing::Recipient(key),
        false,
    )
    .expect("seal");
    let cut = dir.join("cut.age");
    std::fs::write(&cut, &sealed[..sealed.len() - 5]).expect("cut");
    let err = invoke(
        &t,
        "import_share_file",
        json!({ "path": cut, "passphrase": null }),
    )
    .expect_err("cut short");
    assert_eq!(error_code(err.clone()), "share_damaged");
    assert!(err["message"]
        .as_str()
        .is_some_and(|m| !m.contains("cut.age")));
    assert_eq!(
        invoke(&t, "list_inbox", json!({})).expect("inbox"),
        json!([])
    );
}

// ── Keys handed over: QR codes and key files ──────────────────────────────────────────────────

fn my_recipient(t: &TestApp) -> String {
    invoke(t, "my_share_key", json!({})).expect("key")["recipient"]
        .as_str()
        .expect("recipient")
        .to_owned()
}

/// A picture of a QR code holding `text` (any text), dark on light.
fn qr_picture(text: &str, format: image::ImageFormat) -> Vec<u8> {
    let code = qrcode::QrCode::new(text.as_bytes()).expect("qr");
    let qr = crate::sharing::KeyQr {
        size: code.width() as u32,
        dark: code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect(),
    };
    crate::sharing::picture_of(&qr, 6, false, format)
}

#[test]
fn a_key_goes_as_a_qr_code_and_reads_back_from_a_picture() {
    let t = backup_app(false);
    create_vault(&t);
    let dir = t._dir.path().to_path_buf();
    let key = my_recipient(&t);

    // The code: a square of modules, no quiet zone, for this key only.
    let qr = invoke(&t, "key_qr", json!({ "recipient": key })).expect("qr");
    let size = qr["size"].as_u64().expect("size") as u32;
    let dark: Vec<bool> = qr["dark"]
        .as_array()
        .expect("dark")
        .iter()
        .map(|d| d.as_bool().expect("bool"))
        .collect();
    assert_eq!(size, 33);
    assert_eq!(dark.len(), 33 * 33);
    assert!(
        dark[..7].iter().all(|d| *d),
        "the finder pattern starts at once"
    );
    let err = invoke(&t, "key_qr", json!({ "recipient": "hello there" })).expect_err("not a key");
    assert_eq!(error_code(err.clone()), "invalid_input");
    assert!(!err["message"].as_str().unwrap_or("").contains("hello"));

    // Drawn into a PNG and a JPEG (as a screenshot or a photo would be), it reads back.
    let drawn = crate::sharing::KeyQr { size, dark };
    for (name, format) in [
        ("key.png", image::ImageFormat::Png),
        ("key photo.jpg", image::ImageFormat::Jpeg),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, crate::sharing::picture_of(&drawn, 7, false, format))
            .expect("picture");
        assert_eq!(
            invoke(&t, "read_key_qr", json!({ "path": path })).expect("read"),
            json!(key),
            "{name}"
        );
    }

    // A picture without a code, random bytes, a code with other text, a folder: no key found,
    // and the message quotes neither the path nor what the code held.
    let plain = dir.join("plain.png");
    let mut grey = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageLuma8(image::GrayImage::from_pixel(200, 150, image::Luma([180])))
        .write_to(&mut grey, image::ImageFormat::Png)
        .expect("png");
    std::fs::write(&plain, grey.into_inner()).expect("plain");
    let noise = dir.join("noise.png");
    let mut bytes = vec![0u8; 10_000];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut bytes);
    std::fs::write(&noise, &bytes).expect("noise");
    let link = dir.join("link.png");
    std::fs::write(
        &link,
        qr_picture("https://example.com/zqx", image::ImageFormat::Png),
    )
    .expect("link");
    for path in [&plain, &noise, &link, &dir] {
        let err = invoke(&t, "read_key_qr", json!({ "path": path })).expect_err("no key");
        assert_eq!(error_code(err.clone()), "no_key_found", "{path:?}");
        let message = err["message"].as_str().expect("message");
        assert!(
            !message.contains("zqx") && !message.contains(".png"),
            "{message}"
        );
    }

    // Over 20 MiB: refused without decoding. A relative path, a missing file.
    let big = dir.join("big.png");
    std::fs::write(&big, qr_picture(&key, image::ImageFormat::Png)).expect("a code first");
    std::fs::OpenOptions::new()
        .write(true)
        .open(&big)
        .and_then(|f| f.set_len(crate::sharing::PICTURE_MAX_BYTES as u64 + 1))
        .expect("size");
    let err = invoke(&t, "read_key_qr", json!({ "path": big })).expect_err("too big");
    assert_eq!(error_code(err), "invalid_input");
    let err = invoke(&t, "read_key_qr", json!({ "path": "key.png" })).expect_err("relative");
    assert_eq!(error_code(err), "invalid_input");
    let err =
        invoke(&t, "read_key_qr", json!({ "path": dir.join("gone.png") })).expect_err("missing");
    assert_eq!(error_code(err), "not_found");
}

#[test]
fn a_key_file_gives_its_public_key_and_never_a_secret_one() {
    let t = backup_app(false);
    create_vault(&t);
    let dir = t._dir.path().to_path_buf();
    let read = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("key file");
        invoke(&t, "read_key_file", json!({ "path": path }))
    };

    // What `age-keygen` writes: the secret key stays unread, the public key comes back.
    let identity = age::x25519::Identity::generate();
    let public = identity.to_public().to_string();
    let secret = secrecy::ExposeSecret::expose_secret(&identity.to_string()).to_owned();
    let keygen =
        format!("# created: 2026-03-10T09:30:00-05:00\n# public key: {public}\n{secret}\n");
    let got = read("counselor.key", keygen.as_bytes()).expect("public key");
    assert_eq!(got, json!(public));
    assert!(!got.to_string().contains("AGE-SECRET"));
    // The secret first makes no difference; only a secret key is no key found, not quoted.
    let got = read(
        "secret first.key",
        format!("{secret}\n# public key: {public}\n").as_bytes(),
    )
    .expect("public key");
    assert_eq!(got, json!(public));
    let err = read("only secret.key", secret.as_bytes()).expect_err("no public key");
    assert_eq!(error_code(err.clone()), "no_key_found");
    assert!(!err.to_string().contains("AGE-SECRET"), "{err}");

    // A plain line, CR LF line ends, a byte-order mark, a key in upper case.
    assert_eq!(
        read("plain.txt", public.as_bytes()).expect("plain"),
        json!(public)
    );
    assert_eq!(
        read(
            "crlf.txt",
            format!("\r\nkey for Jo:\r\n{public}\r\n").as_bytes()
        )
        .expect("crlf"),
        json!(public)
    );
    assert_eq!(
        read("bom.txt", format!("\u{FEFF}{public}\n").as_bytes()).expect("bom"),
        json!(public)
    );
    assert_eq!(
        read("upper.txt", public.to_uppercase().as_bytes()).expect("upper"),
        json!(public)
    );

    // Nothing in it, something else in it, a folder: no key found. Too large: refused.
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("words.txt", b"just some words\nage1nope\n"),
        ("picture.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
    ] {
        assert_eq!(
            error_code(read(name, bytes).expect_err(name)),
            "no_key_found"
        );
    }
    let err = invoke(&t, "read_key_file", json!({ "path": dir })).expect_err("folder");
    assert_eq!(error_code(err), "no_key_found");
    let mut big = format!("{public}\n").into_bytes();
    big.resize(crate::sharing::KEY_FILE_MAX_BYTES + 1, b'x');
    assert_eq!(
        error_code(read("big.txt", &big).expect_err("big")),
        "invalid_input"
    );
    let err = invoke(&t, "read_key_file", json!({ "path": "key.txt" })).expect_err("relative");
    assert_eq!(error_code(err), "invalid_input");
}

#[test]
fn this_journal_s_key_is_exported_to_a_new_file_that_pairs() {
    let client = backup_app(false);
    create_vault(&client);
    let counselor = counselor_app();
    let out = client._dir.path().join("out");
    std::fs::create_dir(&out).expect("out");
    let key = my_recipient(&client);

    let path = out.join("share-key.txt");
    let written = invoke(&client, "export_my_key", json!({ "path": path })).expect("export");
    assert_eq!(written, json!(path));
    let text = std::fs::read_to_string(&path).expect("key file");
    assert_eq!(
        text,
        format!(
            "# A public key for sharing. It is safe to give to your counselor or client.\n{key}\n"
        )
    );
    assert!(!text.to_lowercase().contains("cove"), "no app name in it");
    let names: Vec<_> = std::fs::read_dir(&out)
        .expect("out")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("share-key.txt")]);

    // The counselor reads it back and pairs with it.
    let read = invoke(&counselor, "read_key_file", json!({ "path": path })).expect("read");
    assert_eq!(read, json!(key));
    let words = invoke(
        &counselor,
        "share_key_fingerprint",
        json!({ "recipient": read }),
    )
    .expect("words");
    assert_eq!(
        words,
        invoke(&client, "my_share_key", json!({})).expect("key")["fingerprint"]
    );

    // Never over an existing file (left as it was), never inside Cove's data folder, never a
    // relative path; nothing is logged as a share.
    std::fs::write(out.join("taken.txt"), "mine").expect("taken");
    let err = invoke(
        &client,
        "export_my_key",
        json!({ "path": out.join("taken.txt") }),
    )
    .expect_err("existing");
    assert_eq!(error_code(err), "invalid_input");
    assert_eq!(
        std::fs::read_to_string(out.join("taken.txt")).expect("unchanged"),
        "mine"
    );
    let err = invoke(&client, "export_my_key", json!({ "path": path })).expect_err("again");
    assert_eq!(error_code(err), "invalid_input");
    let inside = data_dir(&client).join("share-key.txt");
    let err = invoke(&client, "export_my_key", json!({ "path": inside })).expect_err("inside");
    assert_eq!(error_code(err.clone()), "invalid_input");
    assert!(err["message"]
        .as_str()
        .is_some_and(|m| m.contains("data folder")));
    assert!(!inside.exists());
    let err =
        invoke(&client, "export_my_key", json!({ "path": "share-key.txt" })).expect_err("relative");
    assert_eq!(error_code(err), "invalid_input");
    assert_eq!(share_log_len(&client), 0);
    assert_eq!(std::fs::read_dir(&out).expect("out").count(), 2);
}

#[test]
fn suggestions_go_as_armored_text_and_become_proposals() {
    let client = backup_app(false);
    create_vault(&client);
    let counselor = counselor_app();
    let client_key = my_recipient(&client);
    let sam = invoke(
        &counselor,
        "save_contact",
        json!({ "draft": { "id": null, "role": "client", "name": "Sam R.",
                           "recipient": client_key } }),
    )
    .expect("pair client");
    let ideas = json!([
        { "type": "goal", "title": "Try a short walk", "steps": ["Shoes by the door"],
          "why": "Moving helps", "note": null },
        { "type": "prompt", "text": "What helped today?", "note": "If you like" }
    ]);

    // An unknown contact: nothing made, nothing logged.
    let err = invoke(
        &counselor,
        "armored_suggestions",
        json!({ "contactId": 999, "suggestions": ideas, "note": null }),
    )
    .expect_err("unknown contact");
    assert_eq!(error_code(err), "not_found");
    // No ideas at all: invalid.
    let err = invoke(
        &counselor,
        "armored_suggestions",
        json!({ "contactId": sam["id"], "suggestions": [], "note": null }),
    )
    .expect_err("nothing to send");
    assert_eq!(error_code(err), "invalid_input");
    assert_eq!(share_log_len(&counselor), 0);

    let text = invoke(
        &counselor,
        "armored_suggestions",
        json!({ "contactId": sam["id"], "suggestions": ideas, "note": "See you Thursday" }),
    )
    .expect("armored");
    let text = text.as_str().expect("text");
    assert!(
        text.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"),
        "{text}"
    );
    assert!(!text.contains("walk"), "sealed");
    // Logged like armored shares: as text, to the client.
    let log = invoke(&counselor, "list_share_log", json!({})).expect("log");
    assert_eq!(log.as_array().map(Vec::len), Some(1));
    assert_eq!(log[0]["method"], json!("armored_text"));
    assert_eq!(log[0]["toName"], json!("Sam R."));
    assert_eq!(log[0]["contactId"], sam["id"]);
    let kinds: Vec<&Value> = log[0]["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| &i["kind"])
        .collect();
    assert_eq!(
        kinds,
        [
            &json!("profile"),
            &json!("note"),
            &json!("goal_suggestion"),
            &json!("prompt_suggestion")
        ]
    );

    // The counselor's own journal refuses it (the wrong kind, and not for them anyway).
    let err = invoke(
        &counselor,
        "import_share_text",
        json!({ "text": text, "passphrase": null }),
    )
    .expect_err("not here");
    assert_ne!(error_code(err), "internal");

    // Pasted in the client's journal: two pending proposals; a second paste adds nothing.
    let outcome = invoke(
        &client,
        "import_share_text",
        json!({ "text": format!("\n{text}\n"), "passphrase": null }),
    )
    .expect("import");
    assert_eq!(outcome["kind"], json!("suggestions"));
    assert_eq!(outcome["added"], json!(true));
    assert_eq!(outcome["count"], json!(2));
    let proposals = invoke(&client, "list_proposals", json!({})).expect("proposals");
    let proposals = proposals.as_array().expect("list");
    assert_eq!(proposals.len(), 2);
    assert!(proposals.iter().all(|p| p["status"] == json!("pending")));
    assert!(proposals
        .iter()
        .any(|p| p["title"] == json!("Try a short walk") && p["why"] == json!("Moving helps")));
    assert!(proposals
        .iter()
        .any(|p| p["title"] == json!("What helped today?")));
    let again = invoke(
        &client,
        "import_share_text",
        json!({ "text": text, "passphrase": null }),
    )
    .expect("again");
    assert_eq!(again["added"], json!(false));
}

#[test]
fn a_file_of_the_other_kind_is_wrong_kind_and_adds_nothing() {
    let client = backup_app(false);
    create_vault(&client);
    let counselor = counselor_app();
    let dir = client._dir.path().to_path_buf();
    let client_key = my_recipient(&client);
    let counselor_key = my_recipient(&counselor);

    // Suggestions sealed to the counselor's own key: they open there, but a counselor's
    // journal takes only shares.
    let ideas = counselor
        ._app
        .state::<AppState>()
        .with_vault(|vault| {
            let payload = crate::sharing::build_suggestions(
                vault.conn(),
                &[crate::sharing::Suggestion::Prompt {
                    text: "A prompt".into(),
                    note: None,
                }],
                None,
                crate::journal::local_now(),
            )?;
            let json = serde_json::to_vec(&payload).expect("json");
            Ok(crate::sharing::seal(
                &json,
                &crate::sharing::Sealing::Recipient(counselor_key.clone()),
                false,
            )?)
        })
        .expect("suggestions");
    let ideas_path = dir.join("ideas.age");
    std::fs::write(&ideas_path, ideas).expect("ideas");
    let err = invoke(
        &counselor,
        "import_share_file",
        json!({ "path": ideas_path, "passphrase": null }),
    )
    .expect_err("suggestions in a counselor's journal");
    assert_eq!(error_code(err), "wrong_kind");

    // A share sealed to the client's own key: a client's journal takes only suggestions.
    let entry = invoke(&client, "save_entry", draft("Zqx mine")).expect("entry");
    let share = client
        ._app
        .state::<AppState>()
        .with_vault(|vault| {
            let selection: crate::sharing::ShareSelection =
                serde_json::from_value(share_selection(entry["id"].as_i64().expect("id")))
                    .expect("selection");
            let payload = crate::sharing::build_payload(
                vault.conn(),
                &selection,
                crate::sharing::ShareMethod::File,
                crate::journal::local_now(),
            )?;
            let json = serde_json::to_vec(&payload).expect("json");
            Ok(crate::sharing::seal(
                &json,
                &crate::sharing::Sealing::Recipient(client_key.clone()),
                true,
            )?)
        })
        .expect("share");
    let err = invoke(
        &client,
        "import_share_text",
        json!({ "text": String::from_utf8(share.clone()).expect("armored"), "passphrase": null }),
    )
    .expect_err("a share in a client's journal");
    assert_eq!(error_code(err.clone()), "wrong_kind");
    assert!(err["message"]
        .as_str()
        .is_some_and(|m| m.contains("counselor's Cove") && !m.contains("Zqx")));

    // Nothing was written on either side.
    for (t, what) in [(&client, "list_proposals"), (&counselor, "list_proposals")] {
        assert_eq!(invoke(t, what, json!({})).expect(what), json!([]));
    }
    assert_eq!(
        invoke(&counselor, "list_inbox", json!({})).expect("inbox"),
        json!([])
    );
}

#[test]
fn the_window_may_listen_for_dropped_files_and_go_full_screen_and_nothing_broader() {
    // The capability: one, for the main window, local only, Cove's commands plus exactly these.
    let conf: Value =
        serde_json::from_str(include_str!("../../tauri.conf.json")).expect("tauri.conf.json");
    let capabilities = conf["app"]["security"]["capabilities"]
        .as_array()
        .expect("capabilities");
    assert_eq!(capabilities.len(), 1);
    let capability = &capabilities[0];
    assert_eq!(capability["windows"], json!(["main"]));
    assert!(capability.get("remote").is_none(), "no remote origins");
    let granted: Vec<&str> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| p.as_str().expect("a permission name, no scopes"))
        .collect();
    let own: Vec<String> = COMMANDS
        .iter()
        .map(|cmd| format!("allow-{}", cmd.replace('_', "-")))
        .collect();
    assert!(own.iter().all(|p| granted.contains(&p.as_str())));
    let others: Vec<&str> = granted
        .iter()
        .copied()
        .filter(|p| !own.iter().any(|o| o == p))
        .collect();
    assert_eq!(
        others,
        [
            "dialog:allow-open",
            "dialog:allow-save",
            "core:window:allow-set-fullscreen",
            "core:event:allow-listen",
            "core:event:allow-unlisten",
        ]
    );

    // Through the ACL: listening for a drop is allowed to the app's own page only, and the
    // window's other powers (closing it, emitting events) are not granted.
    let t = test_app();
    let acl_refused = |origin: &str, cmd: &str, args: Value| {
        invoke_from(&t.window, origin, cmd, args)
            .err()
            .is_some_and(|err| err.to_string().contains("not allowed"))
    };
    let listen = json!({ "event": "tauri://drag-drop", "target": { "kind": "Any" },
                         "handler": 7 });
    assert!(!acl_refused(
        "tauri://localhost",
        "plugin:event|listen",
        listen.clone()
    ));
    assert!(acl_refused(
        "https://example.com",
        "plugin:event|listen",
        listen
    ));
    assert!(!acl_refused(
        "tauri://localhost",
        "plugin:window|set_fullscreen",
        json!({ "label": "main", "value": false })
    ));
    assert!(acl_refused(
        "tauri://localhost",
        "plugin:window|close",
        json!({ "label": "main" })
    ));
    assert!(acl_refused(
        "tauri://localhost",
        "plugin:event|emit",
        json!({ "event": "x", "payload": null })
    ));
}

/// Issue 8: the safety plan goes to a counselor through a share file, only the sections picked,
/// each item exactly as saved, and arrives the same on the other side.
#[test]
fn the_safety_plan_goes_to_a_counselor_in_a_share_file_section_by_section() {
    let client = backup_app(false);
    create_vault(&client);
    let counselor = counselor_app();
    let out = client._dir.path().join("out");
    std::fs::create_dir(&out).expect("out");
    invoke(
        &client,
        "save_safety_plan",
        json!({ "plan": sample_plan() }),
    )
    .expect("save plan");

    let key = invoke(&counselor, "my_share_key", json!({})).expect("key");
    let contact = invoke(
        &client,
        "save_contact",
        json!({ "draft": { "id": null, "role": "counselor", "name": "Jo",
                           "recipient": key["recipient"] } }),
    )
    .expect("pair");
    let selection = json!({
        "entries": [],
        "safetyPlan": { "sections": ["reasons_for_living", "people_to_ask", "warning_signs"] },
        "includeProfile": false,
    });
    let expected = json!([{ "type": "safety_plan", "sections": [
        { "section": "warning_signs", "items": ["I stop texting back", "Can't sleep 🌙"] },
        { "section": "people_to_ask", "items": ["Aunt Mo — +1 (555) 010-2030 — after 6pm"] },
        { "section": "reasons_for_living", "items": ["مي أختي", "My dog Pickle"] },
    ] }]);
    let preview =
        invoke(&client, "preview_share", json!({ "selection": selection })).expect("preview");
    assert_eq!(preview["items"], expected, "in the plan's order, as saved");
    assert!(
        !preview.to_string().contains("Draw"),
        "a section not picked does not go"
    );

    let path = out.join("plan.age");
    invoke(
        &client,
        "write_share",
        json!({ "input": { "selection": selection,
                           "lock": { "mode": "contact", "contactId": contact["id"] },
                           "armor": false, "path": path } }),
    )
    .expect("write share");
    let raw = std::fs::read(&path).expect("share file");
    assert!(
        !String::from_utf8_lossy(&raw).contains("Pickle"),
        "encrypted"
    );
    let log = invoke(&client, "list_share_log", json!({})).expect("log");
    assert_eq!(log[0]["items"][0]["kind"], json!("safety_plan"));

    let outcome = invoke(&counselor, "import_share_file", json!({ "path": path }))
        .expect("counselor imports");
    assert_eq!(outcome["added"], json!(true));
    let inbox = invoke(&counselor, "list_inbox", json!({})).expect("inbox");
    assert_eq!(inbox[0]["payload"]["items"], expected, "arrives as it left");
}

/// The print dialog is asked for through a command (the webview ignores `window.print()`); the
/// capability allows it, and it works before setup, while locked and unlocked.
#[test]
fn print_page_opens_the_print_dialog_in_every_state() {
    let t = test_app();
    assert_eq!(
        invoke(&t, "print_page", json!({})).expect("before setup"),
        Value::Null
    );
    create_vault(&t);
    assert_eq!(
        invoke(&t, "print_page", json!({})).expect("unlocked"),
        Value::Null
    );
    invoke(&t, "lock", json!({})).expect("lock");
    assert_eq!(
        invoke(&t, "print_page", json!({})).expect("locked"),
        Value::Null
    );
}

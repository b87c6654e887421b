//! The PIN with the real OS keychain (Secret Service through gnome-keyring), and the path where
//! no keychain answers.
//!
//! Run with a fresh keyring: `scripts/with-keyring.sh cargo test --test vault_keychain`
//! (`scripts/test.sh` does). Without a keychain the real-keychain tests fail rather than skip.
//! The no-keychain test re-runs this binary with `DBUS_SESSION_BUS_ADDRESS` pointing nowhere.

use std::process::Command;

use cove_lib::vault::{
    device_secret_account, DeviceSecretStore, KdfParams, OsKeychain, Vault, VaultDir, VaultError,
};
use secrecy::SecretString;

const PASS: &str = "keychain test passphrase";
const NO_KEYCHAIN_CHILD_ENV: &str = "COVE_NO_KEYCHAIN_CHILD";
const CHILD_OK: &str = "NO-KEYCHAIN-CHILD-OK";

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

/// The real Secret Service; fails (never skips) when none answers.
fn real_keychain() -> OsKeychain {
    let why_not = if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        "DBUS_SESSION_BUS_ADDRESS is not set".to_owned()
    } else {
        let keychain = OsKeychain::new();
        let status = keychain.probe();
        if status.available {
            return keychain;
        }
        status.reason.unwrap_or_default()
    };
    panic!("no keychain answers ({why_not}); run this test through scripts/with-keyring.sh");
}

#[test]
fn pin_works_through_the_real_keychain_and_five_wrong_pins_remove_it() {
    let keychain = real_keychain();
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = VaultDir::open(tmp.path().join("data")).expect("open");
    let (vault, _code) = Vault::create(&dir, &secret(PASS), KdfParams::floor()).expect("create");
    let account = device_secret_account(&vault.vault_id().to_hex());
    vault
        .conn()
        .execute(
            "INSERT INTO entries (kind, body, created_at, updated_at)
             VALUES ('journal', 'through the keychain', 'now', 'now')",
            [],
        )
        .expect("insert");
    vault
        .set_pin(&secret("482916"), &keychain)
        .expect("set pin");
    assert!(dir.pin_enabled());
    let stored = keychain.get(&account).expect("keychain get");
    assert_eq!(stored.map(|s| s.len()), Some(32), "device secret stored");
    vault.lock();

    let vault = Vault::unlock_with_pin(&dir, &secret("482916"), &keychain).expect("unlock by PIN");
    let body: String = vault
        .conn()
        .query_row("SELECT body FROM entries", [], |r| r.get(0))
        .expect("read");
    assert_eq!(body, "through the keychain");
    vault.lock();

    // A right PIN resets the count.
    let err = Vault::unlock_with_pin(&dir, &secret("000000"), &keychain).expect_err("wrong");
    assert_eq!(err.attempts_left(), Some(4));
    drop(Vault::unlock_with_pin(&dir, &secret("482916"), &keychain).expect("right"));

    for left in [4, 3, 2, 1] {
        let err = Vault::unlock_with_pin(&dir, &secret("111111"), &keychain).expect_err("wrong");
        assert!(
            matches!(err, VaultError::WrongSecret { attempts_left: Some(n) } if n == left),
            "{err:?}"
        );
    }
    let err = Vault::unlock_with_pin(&dir, &secret("111111"), &keychain).expect_err("fifth");
    assert!(matches!(err, VaultError::PinRemoved), "{err:?}");
    assert!(!dir.pin_enabled());
    assert!(
        keychain.get(&account).expect("keychain get").is_none(),
        "keychain entry deleted"
    );
    let err = Vault::unlock_with_pin(&dir, &secret("482916"), &keychain).expect_err("PIN is off");
    assert_eq!(err.code(), "pin_removed");

    let vault = Vault::unlock_with_passphrase(&dir, &secret(PASS)).expect("passphrase works");
    vault.remove_pin(&keychain).expect("remove is idempotent");
}

#[test]
fn remove_pin_deletes_the_real_keychain_entry() {
    let keychain = real_keychain();
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = VaultDir::open(tmp.path().join("data")).expect("open");
    let (vault, _code) = Vault::create(&dir, &secret(PASS), KdfParams::floor()).expect("create");
    let account = device_secret_account(&vault.vault_id().to_hex());
    vault.set_pin(&secret("2580"), &keychain).expect("set pin");
    assert!(keychain.get(&account).expect("get").is_some());
    vault.remove_pin(&keychain).expect("remove");
    assert!(keychain.get(&account).expect("get").is_none());
    assert!(!dir.pin_enabled());
}

/// Runs in a child process whose session bus address points nowhere.
#[test]
fn no_keychain_child() {
    if std::env::var(NO_KEYCHAIN_CHILD_ENV).is_err() {
        return;
    }
    let keychain = OsKeychain::new();
    let status = keychain.probe();
    assert!(!status.available, "probe must see no keychain: {status:?}");
    let reason = status.reason.expect("a reason");
    assert!(
        reason.contains("keychain") && reason.contains("passphrase always works"),
        "plain reason: {reason}"
    );

    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = VaultDir::open(tmp.path().join("data")).expect("open");
    let (vault, _code) = Vault::create(&dir, &secret(PASS), KdfParams::floor()).expect("create");
    let err = vault
        .set_pin(&secret("1234"), &keychain)
        .expect_err("refused");
    assert!(matches!(err, VaultError::KeychainUnavailable(_)), "{err:?}");
    assert_eq!(err.code(), "keychain_unavailable");
    assert!(!dir.pin_enabled());
    vault.lock();
    drop(Vault::unlock_with_passphrase(&dir, &secret(PASS)).expect("passphrase still works"));
    println!("{CHILD_OK}");
}

#[test]
fn without_a_keychain_the_probe_says_so_plainly_and_the_passphrase_still_works() {
    let exe = std::env::current_exe().expect("current exe");
    let output = Command::new(exe)
        .args([
            "--exact",
            "no_keychain_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(NO_KEYCHAIN_CHILD_ENV, "1")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/cove-test-bus",
        )
        .env_remove("DISPLAY")
        .output()
        .expect("run child");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stdout.contains(CHILD_OK),
        "child failed ({}):\n{stdout}\n{stderr}",
        output.status
    );
}

//! The real Cove window, end to end: first-run setup, every area of the shell, lock, wrong
//! passphrase, unlock, PIN through the real keychain, quick hide, recovery-code reset, a
//! restart, and finally a plaintext scan of the data folder the run used.

use cove_e2e::{assert_no_plaintext, App};

const NAME: &str = "Sasha Marisol-Quinn";
const PASSPHRASE: &str = "lantern harbour quietly 1987";
const NEW_PASSPHRASE: &str = "tidepool meadow sparrow 2026";
const PIN: &str = "246813";

const AREAS: &[&str] = &[
    "today", "journal", "feelings", "identity", "goals", "share", "help", "settings",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_user_sets_up_cove_and_locks_and_unlocks_it() {
    let app = App::fresh("journey").await;

    // First run: welcome, mode, name and pronouns, passphrase.
    app.find("onboarding-welcome").await;
    app.screenshot("onboarding-welcome").await;
    app.click("onboarding-next").await;
    app.find("onboarding-step-mode").await;
    app.screenshot("onboarding-mode").await;
    app.click("onboarding-mode-client").await;
    app.type_into("onboarding-name", NAME).await;
    app.click("onboarding-pronouns-choice-they").await;
    app.screenshot("onboarding-about-you").await;
    app.click("onboarding-next").await;
    app.type_into("onboarding-passphrase", PASSPHRASE).await;
    app.type_into("onboarding-passphrase-confirm", PASSPHRASE)
        .await;
    app.screenshot("onboarding-passphrase").await;
    app.click("onboarding-create").await;

    // The recovery code is shown once, then confirmed by typing it back.
    let code = app.text_of("recovery-code").await;
    assert!(
        code.replace(['-', ' ', '\n'], "").len() >= 26,
        "recovery code looks too short: {code:?}"
    );
    app.screenshot("onboarding-recovery-code").await;
    app.click("onboarding-next").await;
    app.type_into("recovery-confirm-input", "WRONG-CODE-0000")
        .await;
    app.click("recovery-confirm-submit").await;
    app.find("recovery-confirm-message").await;
    app.type_into("recovery-confirm-input", &code.to_lowercase())
        .await;
    app.click("recovery-confirm-submit").await;

    // A PIN, kept safe by the real Secret Service this suite runs with.
    app.type_into("pin-input", PIN).await;
    app.screenshot("onboarding-pin").await;
    app.click("pin-save").await;

    // The shell: every area, one screenshot each.
    app.find("screen-today").await;
    app.wait_for_text("screen-today", "Sasha").await;
    for area in AREAS {
        app.click(&format!("nav-{area}")).await;
        app.find(&format!("screen-{area}")).await;
        app.screenshot(area).await;
    }

    // Lock: the lock screen is neutral and shows no name.
    app.click("nav-lock").await;
    app.find("unlock-passphrase").await;
    assert!(
        !app.page_text().await.contains("Sasha"),
        "the lock screen shows the user's name"
    );
    app.screenshot("lock").await;

    // Help is one click away without unlocking.
    app.click("nav-help").await;
    app.find("screen-help").await;
    app.screenshot("help-while-locked").await;
    app.click("help-back").await;

    // A wrong passphrase: a kind message, and what was typed is kept.
    app.type_into("unlock-passphrase", "lantern harbour quietly 1988")
        .await;
    app.click("unlock-submit").await;
    app.wait_for_text("unlock-message", "didn't unlock").await;
    assert_eq!(
        app.value_of("unlock-passphrase").await,
        "lantern harbour quietly 1988"
    );
    app.screenshot("unlock-wrong-passphrase").await;

    app.type_into("unlock-passphrase", PASSPHRASE).await;
    app.click("unlock-submit").await;
    app.wait_for_text("screen-today", "Sasha").await;

    // Quick hide: Escape twice locks at once.
    app.press("\u{e00c}\u{e00c}").await;
    app.find("unlock-passphrase").await;
    app.wait_gone("screen-today").await;

    // The PIN opens it too.
    app.type_into("unlock-pin", PIN).await;
    app.screenshot("unlock-pin").await;
    app.click("unlock-pin-submit").await;
    app.wait_for_text("screen-today", "Sasha").await;
    app.click("nav-lock").await;

    // Forgot the passphrase: the recovery code sets a new one.
    app.click("unlock-forgot").await;
    app.type_into("recovery-code-input", &code).await;
    app.type_into("new-passphrase", NEW_PASSPHRASE).await;
    app.type_into("new-passphrase-confirm", NEW_PASSPHRASE)
        .await;
    app.screenshot("recovery-reset").await;
    app.click("recovery-reset-submit").await;
    app.wait_for_text("screen-today", "Sasha").await;
    let data_dir = app.data_dir.clone();
    app.quit().await;

    // After a restart the vault is there, locked, and opens with the new passphrase only.
    let app = App::start(data_dir.clone()).await;
    app.type_into("unlock-passphrase", PASSPHRASE).await;
    app.click("unlock-submit").await;
    app.wait_for_text("unlock-message", "didn't unlock").await;
    app.type_into("unlock-passphrase", NEW_PASSPHRASE).await;
    app.click("unlock-submit").await;
    app.wait_for_text("screen-today", "Sasha").await;
    app.quit().await;

    // Nothing the user typed is readable in the data folder.
    let scanned = assert_no_plaintext(
        &data_dir,
        &[NAME, "Marisol", PASSPHRASE, NEW_PASSPHRASE, &code],
    );
    assert!(
        scanned >= 3,
        "expected the database, key slots and prefs; scanned {scanned} files"
    );
}

//! Help and safety in the real window: help one click away from every screen (locked too),
//! crisis lines that never dial by themselves, the personal safety plan kept in the vault,
//! and the discreet app name shown in the window title instead of "Cove".

use cove_e2e::{assert_no_plaintext, App};

const PASSPHRASE: &str = "willow lantern seventeen rivers";
const AREAS: &[&str] = &[
    "today", "journal", "feelings", "identity", "goals", "share", "settings",
];
// WebKitWebDriver cannot type characters outside the Basic Multilingual Plane (most emoji), so
// the typed text uses a BMP symbol; the domain tests cover emoji byte for byte.
const WARNING_SIGN: &str = "I stop answering messages ☔ and can't sleep";
const REASON: &str = "My little sister, and the ocean in summer — الأمل";
const PERSON: &str = "Aunt Rosalind";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn help_and_the_safety_plan_are_always_close() {
    let app = App::fresh("help-and-safety").await;

    // During first-run setup, help is one click away.
    app.click("nav-help").await;
    app.find("screen-help").await;
    app.click("help-back").await;
    app.complete_first_run("Robin", PASSPHRASE).await;

    // From every area: one click on Help reaches the help screen.
    for area in AREAS {
        app.click(&format!("nav-{area}")).await;
        app.find(&format!("screen-{area}")).await;
        app.click("nav-help").await;
        app.find("screen-help").await;
    }

    // The crisis lines: numbers shown large, copyable, and nothing that dials by itself.
    for id in [
        "988",
        "crisis-text-line",
        "trevor-project",
        "trans-lifeline",
        "emergency",
    ] {
        app.find(&format!("help-resource-{id}")).await;
    }
    let text = app.page_text().await;
    for number in [
        "988",
        "741741",
        "1-866-488-7386",
        "678-678",
        "(877) 565-8860",
        "911",
    ] {
        assert!(
            text.contains(number),
            "the help screen does not show {number}"
        );
    }
    app.find("help-last-reviewed").await;
    let dialing_links = app
        .client
        .find_all(fantoccini::Locator::Css("a[href^='tel:'], a[href^='sms:']"))
        .await
        .expect("query links");
    assert!(
        dialing_links.is_empty(),
        "the help screen has links that dial or text"
    );
    app.screenshot("help-unlocked").await;

    // The safety plan, in the user's words, saved inside the vault.
    app.click("help-open-safety-plan").await;
    app.find("screen-safety-plan").await;
    app.click("safety-add-warningSigns").await;
    app.type_into("safety-item-warningSigns-0", WARNING_SIGN)
        .await;
    app.click("safety-add-reasonsForLiving").await;
    app.type_into("safety-item-reasonsForLiving-0", REASON)
        .await;
    app.click("safety-add-peopleToAsk").await;
    app.type_into("safety-contact-peopleToAsk-0-name", PERSON)
        .await;
    app.type_into("safety-contact-peopleToAsk-0-phone", "555-0142")
        .await;
    app.click("safety-save").await;
    app.screenshot("safety-plan").await;

    // The print path warns first; cancelling prints nothing.
    app.click("safety-print").await;
    app.find("safety-print-confirm").await;
    app.screenshot("safety-plan-print-warning").await;
    app.click("safety-print-cancel").await;
    app.wait_gone("safety-print-confirm").await;
    // Going ahead opens the system's print dialog (where a PDF can be saved too); here the
    // person closes it again.
    app.click("safety-print").await;
    app.click("safety-print-confirm").await;
    app.dismiss_system_dialog("Print", "safety-plan-print-dialog")
        .await;

    // Lock and unlock: the plan is still there, and the help screen lists the user's people.
    app.click("nav-lock").await;
    app.wait_gone("screen-safety-plan").await;
    app.type_into("unlock-passphrase", PASSPHRASE).await;
    app.click("unlock-submit").await;
    app.find("screen-today").await;
    app.click("nav-help").await;
    app.wait_for_text("help-your-people", PERSON).await;
    app.click("help-open-safety-plan").await;
    assert_eq!(
        app.value_of("safety-item-warningSigns-0").await,
        WARNING_SIGN
    );
    assert_eq!(app.value_of("safety-item-reasonsForLiving-0").await, REASON);

    // Discretion: a neutral name replaces "Cove" in the window title and on the lock screen.
    app.click("nav-settings").await;
    app.type_into("settings-display-name", "Notes").await;
    app.click("settings-display-name-save").await;
    let started = std::time::Instant::now();
    loop {
        let names = app.x_window_names().await;
        if names.iter().any(|n| n == "Notes") && !names.iter().any(|n| n.contains("Cove")) {
            break;
        }
        assert!(
            started.elapsed() < cove_e2e::WAIT,
            "window titles never became \"Notes\": {names:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    app.screenshot("settings-privacy").await;
    app.click("nav-lock").await;
    app.find("unlock-passphrase").await;
    let lock_text = app.page_text().await;
    assert!(
        lock_text.contains("Notes"),
        "the lock screen does not use the chosen app name"
    );
    assert!(
        !lock_text.contains("Cove"),
        "the lock screen still says Cove"
    );
    assert!(
        !lock_text.contains("Robin"),
        "the lock screen shows the user's name"
    );
    app.screenshot("lock-renamed").await;

    // Help from the lock screen, without unlocking: the crisis lines, but not the user's people.
    app.click("nav-help").await;
    app.find("help-resource-988").await;
    assert!(
        !app.page_text().await.contains(PERSON),
        "the user's people show while locked"
    );
    let data_dir = app.data_dir.clone();
    app.quit().await;

    assert_no_plaintext(
        &data_dir,
        &[
            WARNING_SIGN,
            "ocean in summer",
            PERSON,
            "555-0142",
            "Robin",
            PASSPHRASE,
        ],
    );
}

//! The identity space in the real window: a chosen name and pronouns set in the profile (and
//! the greeting follows), two pronoun sets tried on side by side with a name, how each felt
//! recorded, a quick moment noted, the identity timeline, the journal keeping the identity space
//! out until asked, and the Spanish screens using the chosen ending. A screenshot of each screen,
//! then a plaintext scan of the data folder.

use cove_e2e::{assert_no_plaintext, App};

const PASSPHRASE: &str = "lantern orchard 5307";
const FIRST_NAME: &str = "Jun";
const CHOSEN: &str = "Rowan";
const TRIED: &str = "Sky";
const FELT_NOTE: &str = "Hearing xe made me grin";
const MOMENT_NOTE: &str = "The barber got it right";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_chooses_a_name_tries_on_pronouns_and_sees_how_it_felt() {
    let app = App::fresh("identity").await;
    app.complete_first_run(FIRST_NAME, PASSPHRASE).await;
    app.wait_for_text("screen-today", FIRST_NAME).await;

    // 1. The identity space, private by default; the name and pronouns chosen in its profile tab.
    app.click("nav-identity").await;
    app.find("identity").await;
    app.find("identity-private").await;
    app.screenshot("identity-tryon-empty").await;
    app.select_tab("identity-tab-profile").await;
    app.type_into("identity-profile-name", CHOSEN).await;
    app.click("identity-profile-pronouns-choice-they").await;
    app.click("identity-profile-pronouns-they-reflexive-themselves")
        .await;
    app.wait_for_text("identity-profile-preview", CHOSEN).await;
    app.wait_for_text("identity-profile-preview", "They are")
        .await;
    app.wait_for_text("identity-profile-preview", "made themselves")
        .await;
    app.screenshot("identity-profile").await;
    app.click("identity-profile-save").await;
    app.wait_for_text("identity-profile-message", "Saved").await;

    // 2. The greeting changes at once.
    app.click("nav-today").await;
    app.wait_for_text("screen-today", CHOSEN).await;
    let today = app.text_of("screen-today").await;
    assert!(
        !today.contains(FIRST_NAME),
        "the old name is gone from Today: {today:?}"
    );

    // 3. Try on: a name with xe/xem, and they/them beside it.
    app.click("nav-identity").await;
    app.select_tab("identity-tab-tryon").await;
    app.type_into("tryon-name-0", TRIED).await;
    app.click("tryon-pronouns-0-choice-xe").await;
    app.wait_for_text("tryon-card-0", TRIED).await;
    app.wait_for_text("tryon-card-0", "xe is").await;
    app.wait_for_text("tryon-card-0", "xemself").await;
    app.click("tryon-add").await;
    app.type_into("tryon-name-1", TRIED).await;
    app.click("tryon-pronouns-1-choice-they").await;
    app.wait_for_text("tryon-card-1", "they are").await;
    let xe_card = app.text_content("tryon-card-0").await;
    assert!(
        !xe_card.contains("they are"),
        "the xe card keeps its own agreement: {xe_card:?}"
    );
    app.screenshot("identity-tryon-side-by-side").await;

    // 4. How each felt: euphoric with a note, and neutral without one.
    app.click("tryon-felt-0-2").await;
    app.type_into("tryon-note-0", FELT_NOTE).await;
    app.click("tryon-save-0").await;
    app.wait_for_text("tryon-message-0", "timeline").await;
    app.click("tryon-felt-1-0").await;
    app.click("tryon-save-1").await;
    app.wait_for_text("tryon-message-1", "timeline").await;
    app.screenshot("identity-tryon-felt").await;

    // 5. A quick moment.
    app.select_tab("identity-tab-reflect").await;
    app.find("reflect-prompts").await;
    let prompts = app.count("reflect-prompt").await;
    assert!(prompts >= 8, "identity prompts are offered ({prompts})");
    app.click("moment-euphoria").await;
    app.type_into("moment-note", MOMENT_NOTE).await;
    app.click("moment-save").await;
    app.find("moment-message").await;
    app.screenshot("identity-reflect").await;

    // 6. The timeline: what was tried and how it felt, then every item newest first.
    app.select_tab("identity-tab-timeline").await;
    app.wait_count("identity-item", 3).await;
    app.wait_count("tried-item", 2).await;
    let tried = app.text_content("tried-list").await;
    assert!(tried.contains(TRIED), "the tried name is listed: {tried:?}");
    assert!(
        tried.contains("xe/xem"),
        "the tried set is listed: {tried:?}"
    );
    assert!(
        tried.contains("they/them"),
        "the other set is listed: {tried:?}"
    );
    let timeline = app.text_content("identity-timeline").await;
    assert!(
        timeline.contains("Euphoric"),
        "how it felt is on the timeline: {timeline:?}"
    );
    assert!(
        timeline.contains(MOMENT_NOTE),
        "the moment is on the timeline: {timeline:?}"
    );
    app.screenshot("identity-timeline").await;

    // 7. The journal leaves the identity space out until asked.
    app.click("nav-journal").await;
    app.find("journal-search").await;
    assert_eq!(
        app.count("timeline-entry").await,
        0,
        "identity entries stay out of the journal by default"
    );
    app.click("journal-filters-toggle").await;
    app.click("journal-include-identity").await;
    app.wait_count("timeline-entry", 3).await;
    app.find("entry-identity-marker").await;
    app.screenshot("journal-with-identity").await;

    // 8. In Spanish the try-on follows the set: they → elle, with the -e ending.
    app.click("nav-settings").await;
    app.click("settings-language-button").await;
    app.click("settings-language-option-es").await;
    app.click("nav-identity").await;
    app.select_tab("identity-tab-tryon").await;
    app.type_into("tryon-name-0", TRIED).await;
    app.click("tryon-pronouns-0-choice-they").await;
    app.wait_for_text("tryon-card-0", TRIED).await;
    let es_card = app.text_content("tryon-card-0").await;
    assert!(
        es_card.contains("elle"),
        "the Spanish try-on uses elle: {es_card:?}"
    );
    app.screenshot("identity-tryon-es").await;

    let data = app.data_dir.clone();
    app.quit().await;
    let scanned = assert_no_plaintext(&data, &[CHOSEN, FELT_NOTE, MOMENT_NOTE, "xemself"]);
    assert!(scanned > 0, "the data folder had files to scan");
}

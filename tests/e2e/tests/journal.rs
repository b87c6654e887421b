//! The journal in the real window: write an entry with light formatting and tags, check in
//! with a feeling, answer a prompt, search (accents, prefixes, stray syntax), filter, delete and
//! undo, delete and restore from the trash, the calendar and insights — a screenshot of each —
//! then a plaintext scan of the data folder.

use cove_e2e::{assert_no_plaintext, App};
use fantoccini::Locator;

const PASSPHRASE: &str = "harbour kettle violet 5521";
const TITLE: &str = "Morning pages";
const PROMPT_ANSWER: &str = "The harbour lights looked like a promise";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_writes_checks_in_answers_a_prompt_searches_filters_deletes_and_restores() {
    let app = App::fresh("journal").await;
    app.complete_first_run("Río", PASSPHRASE).await;

    // Object.prototype is sealed in the real window: nothing can be added to it.
    let sealed = app
        .client
        .execute(
            "'use strict'; let added; try { Object.prototype.polluted = 1; added = true; } \
             catch (e) { added = false; } return [Object.isSealed(Object.prototype), added];",
            vec![],
        )
        .await
        .expect("run a script");
    assert_eq!(
        sealed,
        serde_json::json!([true, false]),
        "Object.prototype must be sealed"
    );
    app.find("today-recent").await;
    app.screenshot("today-empty").await;

    // 1. Free writing with Markdown, a tag, and HTML that must stay text.
    app.click("today-write").await;
    app.find("editor").await;
    app.type_into("editor-title", TITLE).await;
    app.type_into(
        "editor-body",
        // WebKitWebDriver types a line break for Enter (U+E007), not for "\n".
        "A **brave** day at the café.\u{e007}\u{e007}- walked by the sea\u{e007}- wrote this\u{e007}\u{e007}<img src=x onerror=alert(1)> <b>not bold</b>",
    )
    .await;
    app.type_into("editor-tags", "sea\u{e007}").await;
    app.wait_for_text("editor-status", "Saved").await;
    app.screenshot("editor").await;
    app.click("editor-preview-toggle").await;
    app.find("editor-preview").await;
    let strong = app
        .client
        .find(Locator::Css("[data-testid=\"editor-preview\"] strong"))
        .await
        .expect("**brave** renders bold");
    assert_eq!(strong.text().await.unwrap(), "brave");
    for css in ["img", "b"] {
        assert!(
            app.client
                .find(Locator::Css(&format!(
                    "[data-testid=\"editor-preview\"] {css}"
                )))
                .await
                .is_err(),
            "raw HTML <{css}> rendered as an element"
        );
    }
    app.wait_for_text("editor-preview", "<img src=x onerror=alert(1)>")
        .await;
    app.screenshot("editor-preview").await;
    app.click("editor-done").await;
    app.wait_count("timeline-entry", 1).await;
    app.screenshot("timeline").await;

    // 2. A feelings check-in on the fast path: a core feeling, one word, save.
    app.click("nav-feelings").await;
    app.find("checkin").await;
    app.click("checkin-core-calm").await;
    app.click("checkin-feeling-calm").await;
    app.screenshot("checkin").await;
    app.click("checkin-save").await;
    app.find("checkin-saved").await;
    app.screenshot("checkin-saved").await;

    // 3. Today's prompt, answered in the editor.
    app.click("nav-today").await;
    app.find("prompt-card").await;
    let prompt = app.text_of("prompt-text").await;
    assert!(!prompt.trim().is_empty(), "the prompt card shows a prompt");
    app.screenshot("today").await;
    app.click("prompt-write").await;
    app.wait_for_text("editor-prompt", prompt.trim()).await;
    app.type_into("editor-body", PROMPT_ANSWER).await;
    app.wait_for_text("editor-status", "Saved").await;
    app.screenshot("editor-prompt").await;
    app.click("editor-done").await;
    app.wait_count("timeline-entry", 3).await;

    // 4. Search: accent-insensitive, prefix, and syntax that must not break anything.
    app.press("\u{e009}k").await;
    app.wait_focused("journal-search").await;
    app.type_into("journal-search", "cafe").await;
    app.wait_count("search-hit", 1).await;
    app.wait_for_text("search-hit", TITLE).await;
    app.find_css("[data-testid=\"search-hit\"] mark").await;
    app.screenshot("search").await;
    app.type_into("journal-search", "harb").await;
    app.wait_count("search-hit", 1).await;
    app.wait_for_text("search-hit", "harbour").await;
    for nasty in ["\"AND (", "NEAR(* OR", "col:x ^ -"] {
        app.type_into("journal-search", nasty).await;
        app.find("search-results").await;
        app.wait_count("search-hit", 0).await;
    }
    app.screenshot("search-nothing").await;
    app.type_into("journal-search", "").await;
    app.press("\u{e00c}").await;

    // 5. Filter by kind: only the check-in.
    app.wait_count("timeline-entry", 3).await;
    app.click("journal-filters-toggle").await;
    app.click("filter-kind-checkin").await;
    app.wait_count("timeline-entry", 1).await;
    app.screenshot("filters").await;
    app.click("filter-clear").await;
    app.wait_count("timeline-entry", 3).await;

    // 6. Delete, then undo.
    let entry = app
        .find_css(&format!(
            "[data-testid=\"timeline-entry\"][data-entry-title=\"{TITLE}\"]"
        ))
        .await;
    entry.click().await.expect("open the entry");
    app.find("entry-view").await;
    app.wait_for_text("entry-body", "walked by the sea").await;
    app.screenshot("entry").await;
    app.click("entry-delete").await;
    app.find("undo-delete").await;
    app.screenshot("deleted-undo").await;
    app.click("undo-delete").await;
    app.wait_count("timeline-entry", 3).await;

    // 7. Delete again, then restore it from the trash.
    app.find_css(&format!(
        "[data-testid=\"timeline-entry\"][data-entry-title=\"{TITLE}\"]"
    ))
    .await
    .click()
    .await
    .expect("open the entry again");
    app.click("entry-delete").await;
    app.wait_count("timeline-entry", 2).await;
    app.click("journal-trash").await;
    app.wait_count("trash-entry", 1).await;
    app.screenshot("trash").await;
    app.click("trash-restore").await;
    app.wait_count("trash-entry", 0).await;
    app.click("nav-journal").await;
    app.wait_count("timeline-entry", 3).await;

    // 8. The calendar shows today with entries.
    app.click("journal-view-calendar").await;
    app.find("calendar").await;
    app.find_css("[data-testid=\"calendar-day\"][data-count=\"3\"]")
        .await;
    app.screenshot("calendar").await;

    // 9. Insights: the check-in's feeling appears in the table alternative.
    app.click("nav-feelings").await;
    app.click("feelings-tab-patterns").await;
    app.find("insights").await;
    app.find("insights-feelings-table").await;
    app.screenshot("insights").await;

    let data_dir = app.data_dir.clone();
    app.click("nav-lock").await;
    app.find("unlock-passphrase").await;
    app.quit().await;
    assert_no_plaintext(
        &data_dir,
        &[TITLE, "walked by the sea", "harbour lights", PASSPHRASE],
    );
}

//! Goals in the real window: a goal in the person's own words with a first step, more steps
//! added and reordered, a check-in on it (which lands in the journal), a step completed, the
//! goal paused, resumed and let go; then counselor proposals — put straight into the closed
//! vault, as the share import will — accepted, changed and declined. A screenshot of each
//! screen, then a plaintext scan of the data folder.

use cove_e2e::{assert_no_plaintext, App};
use cove_lib::goals::{add_proposal, ProposalDraft, ProposalKind};
use cove_lib::journal::local_now;
use cove_lib::vault::{Vault, VaultDir};
use fantoccini::Locator;
use secrecy::SecretString;

const PASSPHRASE: &str = "juniper compass 8812";
const GOAL: &str = "Talk to my sister about the move";
const WHY: &str = "I miss how we used to talk";
const HOW: &str = "It went better than I feared";

async fn click_nth(app: &App, testid: &str, index: usize) {
    let all = app
        .client
        .find_all(Locator::Css(&format!("[data-testid=\"{testid}\"]")))
        .await
        .expect("find elements");
    assert!(all.len() > index, "fewer than {} {testid}", index + 1);
    all[index].click().await.expect("click");
}

fn proposal(title: &str, steps: &[&str], source: &str) -> ProposalDraft {
    ProposalDraft {
        kind: ProposalKind::Goal,
        from_name: "Ms. Rivera".into(),
        title: title.into(),
        why: Some("Something we talked about on Tuesday".into()),
        steps: steps.iter().map(|s| s.to_string()).collect(),
        note: Some("Only if it feels right to you.".into()),
        for_goal_id: None,
        source_id: Some(source.into()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_sets_a_goal_takes_steps_checks_in_lets_go_and_decides_on_proposals() {
    let app = App::fresh("goals").await;
    app.complete_first_run("Jun", PASSPHRASE).await;

    // 1. A goal in the person's own words, with a first step and two more, one moved up.
    app.click("nav-goals").await;
    app.find("goals-screen").await;
    app.screenshot("goals-empty").await;
    app.click("goal-new").await;
    app.find("goal-editor").await;
    app.type_into("goal-title", GOAL).await;
    app.type_into("goal-why", WHY).await;
    app.click("goal-area-family").await;
    app.type_into("goal-first-step", "Write down what I want to say\u{e007}")
        .await;
    app.type_into("goal-step-input", "Ask her for a walk\u{e007}")
        .await;
    app.type_into("goal-step-input", "Pick a calm evening\u{e007}")
        .await;
    app.wait_count("goal-step", 3).await;
    click_nth(&app, "goal-step-up", 2).await; // "Pick a calm evening" before the walk
    app.screenshot("goal-editor").await;
    app.click("goal-save").await;
    app.find("goal-view").await;
    let steps = app.text_of("goal-view").await;
    let (evening, walk) = (
        steps.find("Pick a calm evening").expect("step kept"),
        steps.find("Ask her for a walk").expect("step kept"),
    );
    assert!(evening < walk, "the reordered step comes first");
    app.wait_for_text("goal-progress", "0 of 3").await;

    // 2. A step done, acknowledged warmly.
    click_nth(&app, "goal-step-check", 0).await;
    app.find("goal-step-ack").await;
    app.wait_for_text("goal-progress", "1 of 3").await;
    app.screenshot("goal-view").await;

    // 3. A check-in on the goal; it is in the goal's history and in the journal.
    app.click("goal-checkin").await;
    app.type_into("goal-checkin-how", HOW).await;
    app.type_into("goal-checkin-in-the-way", "I got nervous halfway")
        .await;
    app.type_into("goal-checkin-next", "Ask about the weekend")
        .await;
    app.screenshot("goal-checkin").await;
    app.click("goal-checkin-save").await;
    app.wait_count("goal-checkin-item", 1).await;
    app.click("nav-journal").await;
    app.wait_count("timeline-entry", 1).await;
    // The excerpt is line-clamped, which WebDriver's visible text leaves out.
    let card = app.text_content("timeline-entry").await;
    assert!(
        card.contains(HOW),
        "the goal check-in is on the timeline: {card}"
    );
    app.screenshot("goal-checkin-in-journal").await;

    // 4. Pause, resume, then let go — a choice, not a failure.
    app.click("nav-goals").await;
    app.click("goal-card").await;
    app.click("goal-pause").await;
    app.find("goal-resume").await;
    app.click("goal-resume").await;
    app.find("goal-pause").await;
    app.click("goal-let-go").await;
    app.screenshot("goal-let-go").await;
    app.click("goal-let-go-confirm").await;
    app.wait_for_text("goal-view-status", "You let it go").await;
    app.screenshot("goal-let-go-done").await;

    // 5. Three ideas from the counselor arrive (straight into the closed vault).
    let data = app.data_dir.clone();
    app.quit().await;
    {
        // The app lets go of its data folder as it exits.
        let started = std::time::Instant::now();
        let dir = loop {
            match VaultDir::open(&data) {
                Ok(dir) => break dir,
                Err(_) if started.elapsed() < cove_e2e::WAIT => {
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await
                }
                Err(err) => panic!("open the data folder: {err}"),
            }
        };
        let vault =
            Vault::unlock_with_passphrase(&dir, &SecretString::from(PASSPHRASE)).expect("unlock");
        for (title, steps, source) in [
            (
                "Try a five-minute breathing break",
                &["After lunch"][..],
                "e2e-1",
            ),
            ("Join the art club", &["Ask when it meets"][..], "e2e-2"),
            ("Write to grandma", &[][..], "e2e-3"),
        ] {
            add_proposal(vault.conn(), proposal(title, steps, source), local_now())
                .expect("add proposal");
        }
    }
    let app = App::start(data.clone()).await;
    app.unlock(PASSPHRASE).await;
    app.click("nav-goals").await;
    app.wait_count("proposal", 3).await;
    app.find("proposal-counselor-words").await;
    app.screenshot("goal-proposals").await;

    // Newest first: accept "Write to grandma" as it is.
    app.click("proposal-accept").await;
    app.wait_count("proposal", 2).await;
    // Change "Join the art club" into the person's own words.
    app.click("proposal-change").await;
    app.find("goal-editor").await;
    app.find("goal-counselor-words").await;
    app.type_into("goal-title", "Visit the art club once, just to look")
        .await;
    app.screenshot("goal-proposal-change").await;
    app.click("goal-save").await;
    app.find("goal-view").await;
    app.find("goal-counselor-words").await;
    // "Not now" for the breathing break.
    app.click("nav-goals").await;
    app.wait_count("proposal", 1).await;
    app.click("proposal-not-now").await;
    app.wait_count("proposal", 0).await;
    app.screenshot("goals-list").await;
    let list = app.text_content("goals-screen").await;
    assert!(
        list.contains("Write to grandma") && list.contains("Visit the art club once, just to look"),
        "both goals are listed: {list}"
    );
    app.quit().await;

    assert_no_plaintext(&data, &[GOAL, WHY, HOW, "Visit the art club", "Ms. Rivera"]);
}

/// Words typed into a new goal, never saved by hand, are still there after Ctrl+L locks Cove.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_goal_being_written_survives_the_lock() {
    const UNSAVED: &str = "Ask the coach about the spring team";
    const STEP: &str = "Find out when tryouts are";
    let app = App::fresh("goals-lock").await;
    app.complete_first_run("Jun", PASSPHRASE).await;
    app.click("nav-goals").await;
    app.click("goal-new").await;
    app.find("goal-editor").await;
    app.type_into("goal-title", UNSAVED).await;
    app.type_into("goal-first-step", STEP).await;
    app.press("\u{e009}l").await;
    app.find("unlock-passphrase").await;
    app.unlock(PASSPHRASE).await;
    app.click("nav-goals").await;
    app.wait_for_text("goals-screen", UNSAVED).await;
    app.screenshot("goals-after-lock").await;
    app.click("goal-card").await;
    app.find("goal-view").await;
    app.wait_for_text("goal-view", STEP).await;
    let data = app.data_dir.clone();
    app.quit().await;
    assert_no_plaintext(&data, &[UNSAVED, STEP]);
}

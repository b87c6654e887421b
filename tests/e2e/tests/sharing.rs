//! Sharing in the real window, with two data folders — a counselor's and a client's Cove, run
//! one after the other on this machine: the counselor sets up in counselor mode, shows the key
//! and saves it to a file; the client pairs by reading its QR code from a picture of the
//! counselor's screen (the fingerprint words match), writes an entry, chooses it, leaves its
//! writing out in the preview, and saves an encrypted share file (and a passphrase-locked one,
//! opened here with Debian's `age` tool to prove what is in the file), then prints it (the
//! system's print dialog, after the warning) and shows it full screen in the session, which
//! locks Cove when closed; the counselor opens the file from the inbox, sees the title and not
//! the left-out writing, keeps a private note, pairs with the client and sends an idea back as
//! a file; the client opens it and accepts it in Goals. A screenshot of each screen, then a
//! plaintext scan of both data folders.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cove_e2e::{assert_no_plaintext, e2e_dir, fresh_dir, App};

const COUNSELOR_PASSPHRASE: &str = "harbor violet 6620";
const CLIENT_PASSPHRASE: &str = "cinnamon kite 4419";
const SHARE_PASSPHRASE: &str = "otter lantern quilt 5521";
const TITLE: &str = "Thinking about the move";
const LEFT_OUT: &str = "A private line about my sister that stays with me";
const NOTE: &str = "For Thursday, if there is time";
const IDEA: &str = "Ten minutes outside after school";
const PRIVATE_NOTE: &str = "Ask how the walk went";

/// Waits until no element with this test id contains `needle` (it may take a moment for the
/// preview to follow a switch).
async fn wait_without(app: &App, testid: &str, needle: &str) {
    let started = Instant::now();
    while app.text_content(testid).await.contains(needle) {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "[data-testid={testid}] still contains {needle:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// "Share something else": the same entry chosen again and looked over — its writing left out
/// unless `with_writing` — then on to the ways to send it.
async fn share_the_entry_again(client: &App, with_writing: bool) {
    client.click("share-again").await;
    let pick = client.testid_like("share-pick-entry-", "").await;
    client.click(&pick).await;
    client.click("share-next").await;
    client.find("share-step-preview").await;
    if !with_writing {
        let body_switch = client.testid_like("share-part-entry-", "-body").await;
        client.click(&body_switch).await;
        wait_without(client, "share-preview", LEFT_OUT).await;
    }
    client.click("share-next").await;
}

/// Opens a passphrase-locked share file with Debian's `age` tool (which reads a passphrase only
/// from a terminal, hence `script`); returns the payload JSON.
fn age_decrypt_with_passphrase(file: &Path, passphrase: &str) -> String {
    for tool in ["/usr/bin/age", "/usr/bin/script"] {
        assert!(
            Path::new(tool).exists(),
            "{tool} is missing (scripts/setup.sh installs it)"
        );
    }
    let out = file.with_extension("json");
    let command = format!(
        "/usr/bin/age -d -o '{}' '{}'",
        out.display(),
        file.display()
    );
    let mut child = Command::new("/usr/bin/script")
        .args(["-q", "-e", "-c", &command, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("script");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(format!("{passphrase}\n").as_bytes())
        .expect("type the passphrase");
    stdin.flush().expect("flush");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "age did not finish"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    drop(stdin);
    assert!(status.success(), "age -d with the passphrase: {status}");
    let json = std::fs::read_to_string(&out).expect("the opened share");
    std::fs::remove_file(&out).expect("remove the opened copy");
    json
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_shares_chosen_parts_and_the_counselor_sends_an_idea_back() {
    let files = fresh_dir("share-files");
    let share_file = files.join("for-ms-rivera.age");
    let passphrase_file = files.join("locked-with-a-passphrase.age");
    let ideas_file = files.join("ideas-for-jun.age");

    // 1. The counselor's Cove: counselor mode, the key and its words.
    let counselor = App::fresh("share-counselor").await;
    counselor
        .complete_first_run_as("counselor", "Ms. Rivera", COUNSELOR_PASSPHRASE)
        .await;
    counselor.find("counselor-badge").await;
    counselor.click("nav-share").await;
    counselor.find("share-tab-inbox").await;
    counselor.screenshot("share-inbox-empty").await;
    counselor.select_tab("share-tab-people").await;
    let key = counselor.text_of("my-key-text").await.trim().to_owned();
    assert!(key.starts_with("age1"), "the key is shown: {key:?}");
    let words = counselor.text_of("my-key-words").await;
    counselor.find("my-key-qr").await;
    counselor.screenshot("share-counselor-key").await;
    // The client will read the key from a picture of this screen, as from a phone photo.
    let key_picture = files.join("counselor-key.png");
    std::fs::copy(
        e2e_dir().join("screens").join("share-counselor-key.png"),
        &key_picture,
    )
    .expect("keep the picture of the key");
    // The key can also be handed over as a file (an age recipients file).
    let key_file = files.join("ms-rivera-key.txt");
    counselor.click("my-key-export").await;
    counselor
        .answer_file_chooser("Save your share key", &key_file, None)
        .await;
    counselor.wait_for_text("my-key-message", "Saved").await;
    let written = std::fs::read_to_string(&key_file).expect("the key file");
    assert!(
        written.lines().any(|line| line == key),
        "the file holds the key: {written:?}"
    );
    let counselor_dir = counselor.data_dir.clone();
    counselor.quit().await;

    // 2. The client's Cove: pair from a picture of the QR code; the words match.
    let client = App::fresh("share-client").await;
    client
        .complete_first_run("Juniper", CLIENT_PASSPHRASE)
        .await;
    client.click("nav-journal").await;
    client.click("journal-new").await;
    client.find("editor").await;
    client.type_into("editor-title", TITLE).await;
    client.type_into("editor-body", LEFT_OUT).await;
    client.wait_for_text("editor-status", "Saved").await;
    client.click("editor-done").await;

    client.click("nav-share").await;
    client.select_tab("share-tab-people").await;
    client.click("contact-key-open-qr").await;
    client
        .answer_file_chooser("Open a picture of a QR code", &key_picture, None)
        .await;
    let started = Instant::now();
    while client.value_of("contact-key-input").await.trim() != key {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the key read from the QR code is the counselor's"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    for word in words.split_whitespace() {
        client.wait_for_text("contact-fingerprint", word).await;
    }
    client.click("contact-words-match").await;
    client.type_into("contact-name-input", "Ms. Rivera").await;
    client.screenshot("share-pairing").await;
    client.click("contact-save").await;
    client.wait_for_text("contact-item", "Ms. Rivera").await;
    client.screenshot("share-paired").await;

    // 3. Choose the entry, leave its writing out in the preview, save the share file.
    client.select_tab("share-tab-send").await;
    let pick = client.testid_like("share-pick-entry-", "").await;
    client.click(&pick).await;
    client.type_into("share-note", NOTE).await;
    client.screenshot("share-choose").await;
    client.click("share-next").await;
    client.find("share-step-preview").await;
    client.wait_for_text("share-preview", LEFT_OUT).await;
    let body_switch = client.testid_like("share-part-entry-", "-body").await;
    client.click(&body_switch).await;
    wait_without(&client, "share-preview", LEFT_OUT).await;
    client.wait_for_text("share-preview", TITLE).await;
    client.wait_for_text("share-preview", NOTE).await;
    client.screenshot("share-preview").await;
    client.click("share-next").await;
    client.find("share-step-send").await;
    client.click("share-method-file").await;
    client.screenshot("share-send").await;
    client.click("share-send").await;
    client
        .answer_file_chooser("Save the share file", &share_file, None)
        .await;
    client.find("share-done").await;
    assert!(share_file.exists(), "the share file was written");
    client.screenshot("share-done").await;

    // The same choice, locked with a passphrase for a counselor without Cove: `age` opens it,
    // and the left-out writing is not in the file.
    share_the_entry_again(&client, false).await;
    client.click("share-method-passphrase").await;
    client.type_into("share-passphrase", SHARE_PASSPHRASE).await;
    client
        .type_into("share-passphrase-confirm", SHARE_PASSPHRASE)
        .await;
    client.click("share-send").await;
    client
        .answer_file_chooser("Save the share file", &passphrase_file, None)
        .await;
    client.find("share-done").await;
    let opened = age_decrypt_with_passphrase(&passphrase_file, SHARE_PASSPHRASE);
    assert!(opened.contains("\"cove-share\""), "a Cove share: {opened}");
    assert!(opened.contains(TITLE), "the title went");
    assert!(
        !opened.contains(LEFT_OUT),
        "the left-out writing is not in the file"
    );
    assert!(!opened.contains("sister"), "no part of it");

    // Printed, after the warning that paper isn't locked: the system's print dialog opens (a
    // person may print or save a PDF there; here they change their mind).
    share_the_entry_again(&client, true).await;
    client.click("share-method-print").await;
    client
        .wait_for_text("share-print-warning", "won't be locked")
        .await;
    client.screenshot("share-print-warning").await;
    client.click("share-print-confirm").await;
    client
        .dismiss_system_dialog("Print", "share-print-dialog")
        .await;

    // Shown in the session: full screen, large type; closing it locks Cove.
    share_the_entry_again(&client, true).await;
    client.click("share-method-session").await;
    client.click("share-session-start").await;
    client.wait_for_text("session-view", TITLE).await;
    client.screenshot("share-show-in-session").await;
    client.click("session-close").await;
    client.find("unlock-passphrase").await;
    client.wait_gone("session-view").await;
    client.unlock(CLIENT_PASSPHRASE).await;

    // The share log says what went out, how and to whom.
    client.click("nav-share").await;
    client.select_tab("share-tab-log").await;
    client.wait_count("share-log-entry", 4).await;
    client
        .wait_for_text("share-log-honest", "can't be taken back")
        .await;
    client.screenshot("share-log").await;
    let client_dir = client.data_dir.clone();
    client.quit().await;
    // What left is in the files, encrypted; nothing readable of it anywhere on disk.
    assert_no_plaintext(&files, &[TITLE, LEFT_OUT, NOTE]);

    // 4. The counselor opens the file: the title is there, the writing left out is not.
    let counselor = App::start(counselor_dir.clone()).await;
    counselor.unlock(COUNSELOR_PASSPHRASE).await;
    counselor.click("nav-share").await;
    counselor.click("inbox-import-file").await;
    counselor
        .answer_file_chooser("Open a share file", &share_file, None)
        .await;
    counselor.wait_for_text("inbox-result", "Juniper").await;
    counselor.wait_for_text("inbox-client", "Juniper").await;
    counselor.click("inbox-share-open").await;
    counselor.wait_for_text("inbox-share-view", TITLE).await;
    counselor.wait_for_text("inbox-share-view", NOTE).await;
    assert!(
        !counselor.page_text().await.contains(LEFT_OUT),
        "the left-out writing is nowhere in the counselor's window"
    );
    assert!(
        !counselor
            .text_content("inbox-share-view")
            .await
            .contains(LEFT_OUT),
        "nor in the share's view"
    );
    counselor.type_into("inbox-notes", PRIVATE_NOTE).await;
    counselor.click("inbox-notes-save").await;
    counselor.screenshot("share-inbox-share").await;

    // Opening the same file again adds nothing.
    counselor.click("inbox-import-file").await;
    counselor
        .answer_file_chooser("Open a share file", &share_file, None)
        .await;
    counselor.wait_for_text("inbox-result", "nothing new").await;
    counselor.wait_count("inbox-share", 1).await;

    // 5. Pair with the client from the share and send an idea back.
    counselor.click("inbox-pair-client").await;
    counselor.click("inbox-pair-match").await;
    counselor.click("inbox-pair-save").await;
    counselor.click("inbox-suggest").await;
    counselor.find("share-tab-suggest").await;
    counselor.click("suggest-add-goal").await;
    counselor.type_into("suggest-goal-title", IDEA).await;
    counselor
        // One step per line: Enter (WebDriver's Enter key) between them.
        .type_into("suggest-goal-steps", "Pick a day\u{e007}Tell someone")
        .await;
    counselor.screenshot("share-suggest").await;
    counselor.click("suggest-save-file").await;
    counselor
        .answer_file_chooser("Save the suggestions file", &ideas_file, None)
        .await;
    counselor.find("suggest-done").await;
    assert!(ideas_file.exists(), "the suggestions file was written");
    counselor.quit().await;

    // 6. The client opens the idea and accepts it in Goals.
    let client = App::start(client_dir.clone()).await;
    client.unlock(CLIENT_PASSPHRASE).await;
    client.click("nav-share").await;
    client.select_tab("share-tab-received").await;
    client.click("received-import-file").await;
    client
        .answer_file_chooser("Open a share file", &ideas_file, None)
        .await;
    client.wait_for_text("received-result", "Ms. Rivera").await;
    client.screenshot("share-received").await;
    client.click("received-open-goals").await;
    client.wait_for_text("proposal", IDEA).await;
    client.screenshot("share-proposal").await;
    client.click("proposal-accept").await;
    client.wait_for_text("goal-card", IDEA).await;
    client.quit().await;

    // Nothing anyone wrote is readable in either data folder.
    assert_no_plaintext(
        &client_dir,
        &[TITLE, LEFT_OUT, NOTE, IDEA, "Ms. Rivera", PRIVATE_NOTE],
    );
    assert_no_plaintext(
        &counselor_dir,
        &[TITLE, NOTE, IDEA, "Ms. Rivera", "Juniper", PRIVATE_NOTE],
    );
}

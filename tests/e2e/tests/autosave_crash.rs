//! Killing Cove while someone is typing loses at most the last second or two.
//!
//! Types into a new entry in short bursts for several seconds, noting when each burst had been
//! delivered to the window, then SIGKILLs the app process (no chance to save: a crash or a power
//! cut). After a restart and unlock, the entry must hold a prefix of what was typed that includes
//! every burst delivered more than two seconds before the kill.

use std::time::{Duration, Instant};

use cove_e2e::{assert_no_plaintext, App};

const PASSPHRASE: &str = "seashell lantern compass 4417";
/// Longest a typed word may go unsaved (the issue: "loses at most the last second or two").
const MAX_LOSS: Duration = Duration::from_secs(2);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killing_the_app_mid_typing_loses_at_most_the_last_two_seconds() {
    let app = App::fresh("autosave-crash").await;
    app.complete_first_run("Noor", PASSPHRASE).await;
    app.click("nav-journal").await;
    app.click("journal-new").await;
    app.find("editor").await;
    app.type_into("editor-title", "Typing when the lights went out")
        .await;

    // Bursts of a few words, ~150 ms apart, for about 6 seconds.
    let mut typed = String::new();
    let mut delivered: Vec<(usize, Instant)> = Vec::new();
    let started = Instant::now();
    let mut n = 0;
    while started.elapsed() < Duration::from_secs(6) {
        let burst = format!("tidewater{n:03} keeps rolling; ");
        app.append("editor-body", &burst).await;
        typed.push_str(&burst);
        delivered.push((typed.len(), Instant::now()));
        n += 1;
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    let data_dir = app.data_dir.clone();
    let killed_at = Instant::now();
    app.kill_app().await;

    // Restart, unlock, open the entry.
    let app = App::start(data_dir.clone()).await;
    app.unlock(PASSPHRASE).await;
    app.click("nav-journal").await;
    app.wait_count("timeline-entry", 1).await;
    app.click("timeline-entry").await;
    let body = app.text_of("entry-body").await;
    app.screenshot("after-crash-entry").await;

    let saved = body.trim_end();
    assert!(
        typed.starts_with(saved),
        "what was saved is not a prefix of what was typed:\nsaved: {saved:?}"
    );
    let must_have = delivered
        .iter()
        .filter(|(_, at)| killed_at.duration_since(*at) > MAX_LOSS)
        .map(|(len, _)| *len)
        .max()
        .expect("some bursts were typed more than two seconds before the kill");
    assert!(
        saved.len() >= typed[..must_have].trim_end().len(),
        "lost more than {MAX_LOSS:?} of typing: saved {} of {} bytes, needed at least {}",
        saved.len(),
        typed.len(),
        must_have
    );
    let lost_bytes = typed.trim_end().len() - saved.len();
    let bursts_lost = delivered
        .iter()
        .filter(|(len, _)| typed[..*len].trim_end().len() > saved.len())
        .count();
    eprintln!(
        "autosave crash: typed {} bursts over {:.1}s; kept {} bytes, lost {lost_bytes} bytes ({bursts_lost} bursts)",
        delivered.len(),
        (killed_at - started).as_secs_f64(),
        saved.len()
    );
    app.quit().await;

    assert_no_plaintext(
        &data_dir,
        &["tidewater", "Typing when the lights", PASSPHRASE],
    );
}

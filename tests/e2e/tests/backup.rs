//! Backups, restore and export in the real window: the automatic backup after setup, "Back up
//! now", a second backup folder chosen in the system folder chooser, an export to Markdown,
//! restoring an earlier backup over the journal (the newer entry goes, the before-restore copy
//! appears), and the restore drill on a fresh install with the backup file picked in the system
//! file chooser and the passphrase — a screenshot of each screen — then a plaintext scan of both
//! data folders, the second folder included.

use std::path::{Path, PathBuf};

use cove_e2e::{assert_no_plaintext, fresh_dir, App};

const PASSPHRASE: &str = "lighthouse marmalade 4471";
const KEPT: &str = "Saltwater notebook before the backup";
const LATER: &str = "Written after the backup, gone after the restore";

fn files_with_extension(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                found.extend(files_with_extension(&path, ext));
            } else if path.extension().is_some_and(|e| e == ext) {
                found.push(path);
            }
        }
    }
    found
}

async fn write_entry(app: &App, title: &str) {
    app.click("nav-journal").await;
    app.click("journal-new").await;
    app.find("editor").await;
    app.type_into("editor-title", title).await;
    app.type_into("editor-body", "The tide came in while I wrote.")
        .await;
    app.wait_for_text("editor-status", "Saved").await;
    app.click("editor-done").await;
}

async fn open_backups(app: &App) {
    app.click("nav-settings").await;
    app.click("settings-backups").await;
    app.find("backups-screen").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backups_second_folder_export_restore_and_the_fresh_install_drill() {
    let usb = fresh_dir("backup-usb");
    let exports = fresh_dir("backup-exports");

    let app = App::fresh("backup").await;
    app.complete_first_run("Ari", PASSPHRASE).await;
    write_entry(&app, KEPT).await;

    // 1. The automatic backup made after setup is listed; "Back up now" adds a manual one.
    open_backups(&app).await;
    app.wait_count("backup-item", 1).await;
    app.screenshot("backups").await;
    app.click("backup-now").await;
    app.find("backup-done").await;
    app.wait_count("backup-item", 2).await;
    app.screenshot("backups-done").await;

    // 2. A second folder (a USB stick), chosen in the system's folder chooser: every backup is
    //    copied there too, encrypted.
    app.click("backup-folder-choose").await;
    app.answer_file_chooser(
        "Choose a folder for your backups",
        &usb,
        Some("backup-folder-chooser"),
    )
    .await;
    app.wait_for_text("backup-folder-path", usb.to_str().unwrap())
        .await;
    let on_stick = files_with_extension(&usb, "covebackup");
    assert!(
        !on_stick.is_empty(),
        "choosing the second folder writes a backup there"
    );
    app.screenshot("backups-second-folder").await;

    // 3. Export to Markdown after the warning; the entry is in a day file.
    app.click("export-start").await;
    app.find("export-warning").await;
    app.screenshot("export-warning").await;
    app.click("export-warning-ack").await;
    app.click("export-format-markdown").await;
    app.click("export-choose-folder").await;
    app.answer_file_chooser("Choose where to save the export", &exports, None)
        .await;
    app.find("export-done").await;
    app.screenshot("export-done").await;
    let day_files = files_with_extension(&exports, "md");
    assert!(
        day_files.iter().any(|f| std::fs::read_to_string(f)
            .unwrap_or_default()
            .contains(KEPT)),
        "the Markdown export holds the entry: {day_files:?}"
    );
    app.click("export-close").await;

    // 4. Write something new, then restore the manual backup over the journal: the new entry
    //    goes, the kept one stays, and the journal as it was is saved as a backup first.
    write_entry(&app, LATER).await;
    app.wait_count("timeline-entry", 2).await;
    open_backups(&app).await;
    app.click("backup-restore").await; // newest first: the manual backup
    app.find("restore-preview").await;
    app.wait_for_text("restore-preview-entries", "1").await;
    app.screenshot("restore-preview").await;
    app.click("restore-confirm").await;
    app.find("restore-done").await;
    app.screenshot("restore-done").await;
    app.click("restore-done-close").await;
    app.click("nav-journal").await;
    app.wait_count("timeline-entry", 1).await;
    let text = app.page_text().await;
    assert!(
        text.contains(KEPT) && !text.contains(LATER),
        "after the restore the journal is the backup's"
    );
    open_backups(&app).await;
    app.wait_for_text("backup-list", "Saved before a restore")
        .await;
    app.screenshot("backups-after-restore").await;

    let data = app.data_dir.clone();
    let backup_file = on_stick[0].clone();
    app.quit().await;

    // 5. The drill: a fresh install restores the backup file from the stick with the passphrase.
    let fresh = App::fresh("backup-fresh-install").await;
    fresh.click("onboarding-restore").await;
    fresh.find("onboarding-restore-intro").await;
    fresh.screenshot("restore-first-run").await;
    fresh.click("backup-open-file").await;
    fresh
        .answer_file_chooser(
            "Choose a backup file",
            &backup_file,
            Some("restore-file-chooser"),
        )
        .await;
    fresh.find("restore-secret").await;
    fresh
        .type_into("backup-secret-passphrase", PASSPHRASE)
        .await;
    fresh.screenshot("restore-secret").await;
    fresh.click("backup-secret-submit").await;
    fresh.find("restore-preview").await;
    fresh.click("restore-confirm").await;
    fresh.find("screen-today").await;
    fresh.click("nav-journal").await;
    fresh.wait_count("timeline-entry", 1).await;
    assert!(fresh.page_text().await.contains(KEPT));
    let fresh_data = fresh.data_dir.clone();
    fresh.quit().await;

    // Nothing the person wrote is readable in either data folder or on the stick.
    for dir in [&data, &fresh_data, &usb] {
        assert_no_plaintext(dir, &[KEPT, LATER, "Ari"]);
    }
}

//! Backups and restore on real SQLCipher journals in temporary folders: the encrypted copy, the
//! file format, writing while a backup runs, restore drills on fresh folders, refused files,
//! crashes during the switch, the second folder, rotation on disk, cancelling, a full disk.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, Duration, FixedOffset};
use rusqlite::{Connection, OpenFlags};
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};

use super::container::{self, CHECKSUM_LEN, PREFIX_LEN};
use super::*;
use crate::journal::{self, Checkin, EntryDraft, EntryKind, FeelingPick};
use crate::test_support::{at, free, secret};
use crate::vault::{
    migrations, open_keyed, KdfParams, SwitchStep, Vault, VaultDir, DB_FILE, KEYS_FILE,
    KEYS_PREV_FILE, RESTORE_MARKER, STAGED_DB, STAGED_KEYS,
};

const PASS: &str = "harbour lights at dusk";
const OTHER_PASS: &str = "a different journal entirely";
/// Text that must never appear in plaintext in any file Cove writes.
const MARKER: &str = "zephyrmarkerquokka";
const NOW: &str = "2026-03-10T09:30:00.250-05:00";

/// A data folder in its own temporary directory (which also holds other folders a test needs).
struct Place {
    tmp: tempfile::TempDir,
    dir: VaultDir,
}

impl Place {
    fn new() -> Place {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = VaultDir::open(tmp.path().join("data")).expect("open dir");
        Place { tmp, dir }
    }

    fn data(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    fn folders(&self) -> Folders {
        Folders::new(&self.dir, None)
    }

    fn folders_with(&self, extra: &Path) -> Folders {
        Folders::new(&self.dir, Some(&extra.to_string_lossy()))
    }

    /// A folder beside the data folder (a stand-in for a USB stick).
    fn stick(&self) -> PathBuf {
        let p = self.tmp.path().join("stick");
        fs::create_dir_all(&p).expect("stick");
        p
    }
}

fn create(place: &Place, pass: &str) -> (Vault, SecretString) {
    let (vault, code) =
        Vault::create(&place.dir, &secret(pass), KdfParams::floor()).expect("create");
    (vault, secret(&code.expose_grouped()))
}

/// A journal with a mix of entries (free writing with tags, a check-in, one in the trash).
fn fill(vault: &Vault, n: usize) {
    let conn = vault.conn();
    let t0 = at(NOW);
    for i in 0..n {
        let mut draft = free(&format!(
            "Entry {i}: the tide came in slowly {MARKER} and I wrote about it. {}",
            "Some quiet words. ".repeat(i % 7 + 1)
        ));
        draft.title = Some(format!("Day {i}"));
        draft.tags = vec!["sea".into(), format!("t{}", i % 3)];
        journal::save_entry(conn, draft, t0 - Duration::days(i as i64))
            .expect("save")
            .expect("kept");
    }
    let checkin = EntryDraft {
        kind: EntryKind::Checkin,
        checkin: Some(Checkin {
            feelings: vec![FeelingPick {
                feeling: "calm".into(),
                intensity: 2,
                valence: 1,
            }],
            energy: Some(0.25),
            going_on: Some(format!("going on {MARKER}")),
            ..Checkin::default()
        }),
        ..free("")
    };
    journal::save_entry(conn, checkin, t0).expect("checkin");
    let gone = journal::save_entry(conn, free("to the trash"), t0)
        .expect("save")
        .expect("kept");
    journal::delete_entry(conn, gone.id, t0).expect("trash");
}

/// Everything the journal holds, as text, for comparing two journals.
fn dump(conn: &Connection) -> Vec<String> {
    let mut out = Vec::new();
    for table in ["entries", "entry_tags", "entry_feelings", "settings"] {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
            .expect("prepare");
        let cols = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let mut row = Vec::new();
                for i in 0..cols {
                    let v: rusqlite::types::Value = r.get(i)?;
                    row.push(format!("{v:?}"));
                }
                Ok(format!("{table}: {}", row.join(" | ")))
            })
            .expect("query")
            .collect::<rusqlite::Result<Vec<_>>>()
            .expect("rows");
        out.extend(rows);
    }
    out
}

fn manual(vault: &Vault, folders: &Folders) -> BackupFile {
    make_backup(
        &vault.backup_source(),
        folders,
        BackupKind::Manual,
        at(NOW),
        &CancelToken::default(),
        Options::default(),
        &mut |_, _| {},
    )
    .expect("backup")
    .made
    .expect("made")
}

fn pass_secret(pass: &str) -> BackupSecret {
    BackupSecret::Passphrase {
        value: secret(pass),
    }
}

fn code_secret(code: &SecretString) -> BackupSecret {
    BackupSecret::RecoveryCode {
        value: secret(code.expose_secret()),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// No file under `dir` holds the marker (plain, or as UTF-16) or SQLite's plaintext header.
fn assert_no_plaintext(dir: &Path) -> usize {
    let utf16: Vec<u8> = MARKER
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let files = files_under(dir);
    for f in &files {
        let bytes = fs::read(f).unwrap_or_default();
        assert!(!find(&bytes, MARKER.as_bytes()), "plaintext in {f:?}");
        assert!(!find(&bytes, &utf16), "UTF-16 plaintext in {f:?}");
        assert!(
            !find(&bytes, b"SQLite format 3"),
            "a plain SQLite file: {f:?}"
        );
    }
    files.len()
}

fn sha(path: &Path) -> Vec<u8> {
    Sha256::digest(fs::read(path).expect("read")).to_vec()
}

/// Every file in the folder (not below), name → hash, to prove "nothing changed".
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .expect("list")
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), sha(&e.path())))
        .collect()
}

fn code_of<T: std::fmt::Debug>(r: Result<T>) -> &'static str {
    r.expect_err("should fail").code()
}

#[cfg(unix)]
fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("meta").permissions().mode() & 0o777
}

/// The database section of a backup, unpacked into `out`.
fn unpack_db(backup: &Path, out: &Path) -> container::Opened {
    let mut file = fs::File::create(out).expect("create");
    container::open_container(backup, &mut file, &mut |_, _| Ok(())).expect("valid container")
}

// ── The file ───────────────────────────────────────────────────────────────────────────────

#[test]
fn a_backup_is_one_encrypted_file_that_opens_with_the_data_key() {
    let place = Place::new();
    let (vault, _) = create(&place, PASS);
    fill(&vault, 20);
    let file = manual(&vault, &place.folders());

    let path = PathBuf::from(&file.path);
    assert_eq!(path.parent(), Some(app_folder(&place.data()).as_path()));
    assert_eq!(file.file_name, "cove-2026-03-10-093000-manual.covebackup");
    assert_eq!(file.made_at, "2026-03-10T09:30:00.250-05:00");
    assert_eq!(file.kind, BackupKind::Manual);
    assert_eq!(file.place, BackupPlace::App);
    assert_eq!(file.size_bytes, fs::metadata(&path).expect("meta").len());
    #[cfg(unix)]
    {
        assert_eq!(mode_of(&path), 0o600);
        assert_eq!(mode_of(&app_folder(&place.data())), 0o700);
    }

    // The layout: magic, version, header, key file, database, checksum.
    let bytes = fs::read(&path).expect("read");
    assert_eq!(&bytes[..8], MAGIC);
    assert_eq!(&bytes[8..12], &CONTAINER_VERSION.to_be_bytes());
    let header = container::peek_header(&path).expect("header");
    assert_eq!(header.kind, BackupKind::Manual);
    assert_eq!(header.schema_version, migrations::latest_version());
    assert_eq!(header.vault_id, vault.vault_id().to_hex());
    assert_eq!(header.app_version, env!("CARGO_PKG_VERSION"));
    let header_len = u32::from_be_bytes(bytes[12..16].try_into().expect("4")) as u64;
    assert_eq!(
        bytes.len() as u64,
        PREFIX_LEN + header_len + header.keys_length + header.database_length + CHECKSUM_LEN
    );
    let json = String::from_utf8(bytes[16..16 + header_len as usize].to_vec()).expect("utf8");
    assert!(!json.contains(MARKER));
    let sum = Sha256::digest(&bytes[..bytes.len() - 32]);
    assert_eq!(&bytes[bytes.len() - 32..], sum.as_slice());

    // The key section is the journal's key file without the PIN slot.
    let keys_at = (PREFIX_LEN + header_len) as usize;
    let keys = &bytes[keys_at..keys_at + header.keys_length as usize];
    assert!(find(keys, b"\"passphrase\"") && find(keys, b"\"recovery\""));

    // Encrypted everywhere; the database opens with the data key and holds the entries.
    assert_no_plaintext(&place.data());
    let db = place.tmp.path().join("unpacked.db");
    unpack_db(&path, &db);
    let head = fs::read(&db).expect("db");
    assert!(!head.starts_with(b"SQLite format 3"));
    let dek = vault.data_key_copy();
    let copy = open_keyed(&db, dek.expose_secret(), OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("opens with the data key");
    assert_eq!(dump(&copy), dump(vault.conn()));
    let mode: String = copy
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "delete", "the copy needs no -wal/-shm to be read");
    drop(copy);
    // A wrong key does not open it.
    let wrong = [7u8; 32];
    assert!(open_keyed(&db, &wrong, OpenFlags::SQLITE_OPEN_READ_ONLY).is_err());
}

#[test]
fn the_pin_slot_is_left_out_of_backups() {
    use crate::vault::DeviceSecretStore;
    #[derive(Default)]
    struct Store(std::sync::Mutex<BTreeMap<String, Vec<u8>>>);
    impl DeviceSecretStore for Store {
        fn get(
            &self,
            account: &str,
        ) -> std::result::Result<Option<zeroize::Zeroizing<Vec<u8>>>, crate::vault::KeychainError>
        {
            Ok(self
                .0
                .lock()
                .expect("lock")
                .get(account)
                .map(|v| zeroize::Zeroizing::new(v.clone())))
        }
        fn set(
            &self,
            account: &str,
            s: &[u8],
        ) -> std::result::Result<(), crate::vault::KeychainError> {
            self.0
                .lock()
                .expect("lock")
                .insert(account.into(), s.to_vec());
            Ok(())
        }
        fn delete(&self, account: &str) -> std::result::Result<(), crate::vault::KeychainError> {
            self.0.lock().expect("lock").remove(account);
            Ok(())
        }
    }
    let place = Place::new();
    let (vault, _) = create(&place, PASS);
    vault
        .set_pin(&secret("2468"), &Store::default())
        .expect("pin");
    let live = fs::read(place.data().join(KEYS_FILE)).expect("keys");
    assert!(find(&live, b"\"pin\""));
    let file = manual(&vault, &place.folders());
    let bytes = fs::read(&file.path).expect("read");
    assert!(!find(&bytes, b"\"pin\""), "no PIN slot in the backup");
}

#[test]
fn saving_an_entry_while_a_backup_is_copying_succeeds_and_the_copy_is_a_snapshot() {
    let place = Place::new();
    let (vault, _) = create(&place, PASS);
    fill(&vault, 120);
    let before = dump(vault.conn());
    let mut saved_mid_copy = None;
    let mut temp_files_seen = 0;
    let outcome = make_backup(
        &vault.backup_source(),
        &place.folders(),
        BackupKind::Manual,
        at(NOW),
        &CancelToken::default(),
        // A few pages per step, so the copy takes many steps.
        Options { pages_per_step: 2 },
        &mut |done, total| {
            if saved_mid_copy.is_none() && done > 0 && done * 3 < total {
                // The copy is under way: its read snapshot is open and its temporary file half
                // written. The app's own connection saves an entry right now.
                let saved = journal::save_entry(
                    vault.conn(),
                    free("written while the backup ran"),
                    at(NOW),
                );
                saved_mid_copy = Some(saved.map(|e| e.is_some()));
                // The temporary files hold no plaintext either.
                temp_files_seen = assert_no_plaintext(&app_folder(&place.data()));
            }
        },
    )
    .expect("backup");
    assert_eq!(
        saved_mid_copy.map(|r| r.ok()),
        Some(Some(true)),
        "saved mid-copy"
    );
    assert!(temp_files_seen >= 1, "the copy's temporary file existed");
    let file = outcome.made.expect("made");

    // The live journal has the new entry; the backup is the snapshot from before it.
    let after = dump(vault.conn());
    assert!(after.len() > before.len());
    let db = place.tmp.path().join("snap.db");
    unpack_db(Path::new(&file.path), &db);
    let copy = open_keyed(
        &db,
        vault.data_key_copy().expose_secret(),
        OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .expect("open");
    assert_eq!(dump(&copy), before);
    // No temporary file is left.
    let names: Vec<String> = fs::read_dir(app_folder(&place.data()))
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec![file.file_name.clone()]);
}

// ── Restore drills ─────────────────────────────────────────────────────────────────────────

#[test]
fn restore_drill_on_fresh_folders_with_the_passphrase_and_with_the_recovery_code() {
    let home = Place::new();
    let (vault, code) = create(&home, PASS);
    fill(&vault, 30);
    let expected = dump(vault.conn());
    let file = manual(&vault, &home.folders());
    let backup = PathBuf::from(&file.path);
    let id = vault.vault_id();
    drop(vault);

    for (label, how) in [
        ("passphrase", pass_secret(PASS)),
        ("recovery code", code_secret(&code)),
    ] {
        // A new laptop: an empty data folder.
        let fresh = Place::new();
        assert!(!fresh.dir.exists());
        let summary = inspect(&fresh.dir, &backup, &how, None, &mut |_, _| {}).expect(label);
        assert_eq!(
            summary.entries, 31,
            "{label}: 30 + the check-in; not the trashed one"
        );
        assert_eq!(summary.first_day.as_deref(), Some("2026-02-09"));
        assert_eq!(summary.last_day.as_deref(), Some("2026-03-10"));
        assert_eq!(summary.made_at, file.made_at);
        assert_eq!(summary.size_bytes, file.size_bytes);
        assert!(!summary.same_journal);
        assert_eq!(
            snapshot(&fresh.data()).keys().cloned().collect::<Vec<_>>(),
            vec!["cove.lock".to_owned()],
            "{label}: inspect leaves nothing behind"
        );

        let mut session = None;
        let restored = restore(
            &fresh.dir,
            &mut session,
            &backup,
            &how,
            &fresh.folders(),
            at(NOW),
            &mut |_, _| {},
        )
        .expect(label);
        assert!(
            restored.before.is_none(),
            "nothing to back up on a fresh install"
        );
        let vault = session.expect("restored journal is open");
        assert_eq!(vault.vault_id(), id);
        assert_eq!(dump(vault.conn()), expected, "{label}: entries identical");
        // Search works in the restored journal (the FTS index came along).
        let hits: i64 = vault
            .conn()
            .query_row(
                "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?1",
                [MARKER],
                |r| r.get(0),
            )
            .expect("fts");
        assert!(hits >= 30);
        vault.lock();
        // It unlocks the normal way afterwards, with both secrets.
        drop(Vault::unlock_with_passphrase(&fresh.dir, &secret(PASS)).expect("passphrase"));
        drop(Vault::unlock_with_recovery_code(&fresh.dir, &code).expect("recovery code"));
        for name in [RESTORE_MARKER, STAGED_DB, STAGED_KEYS] {
            assert!(!fresh.data().join(name).exists(), "{name} left behind");
        }
        assert_eq!(
            fs::read(fresh.data().join(KEYS_FILE)).expect("keys"),
            fs::read(fresh.data().join(KEYS_PREV_FILE)).expect("prev"),
            "the fallback key file belongs to the restored journal"
        );
        assert_no_plaintext(&fresh.data());
    }
}

#[test]
fn restoring_over_an_open_journal_backs_it_up_first_and_that_backup_brings_it_back() {
    let place = Place::new();
    // The backup comes from another journal (another laptop).
    let other = Place::new();
    let (theirs, _) = create(&other, OTHER_PASS);
    fill(&theirs, 5);
    let their_dump = dump(theirs.conn());
    let their_file = PathBuf::from(manual(&theirs, &other.folders()).path);
    drop(theirs);

    let (mine, _) = create(&place, PASS);
    fill(&mine, 12);
    let my_dump = dump(mine.conn());

    // Locked: refused, nothing changes.
    let mut session = None;
    drop(mine);
    let before = snapshot(&place.data());
    let locked = restore(
        &place.dir,
        &mut session,
        &their_file,
        &pass_secret(OTHER_PASS),
        &place.folders(),
        at(NOW),
        &mut |_, _| {},
    );
    assert_eq!(code_of(locked), "locked");
    assert_eq!(snapshot(&place.data()), before);

    // Unlocked: restored, after a before-restore backup of mine.
    let mut session =
        Some(Vault::unlock_with_passphrase(&place.dir, &secret(PASS)).expect("unlock"));
    let mut progress = Vec::new();
    let restored = restore(
        &place.dir,
        &mut session,
        &their_file,
        &pass_secret(OTHER_PASS),
        &place.folders(),
        at(NOW),
        &mut |done, total| progress.push((done, total)),
    )
    .expect("restore");
    assert!(!restored.same_journal);
    let before_file = restored
        .before
        .and_then(|o| o.made)
        .expect("before-restore backup");
    assert_eq!(before_file.kind, BackupKind::BeforeRestore);
    assert!(before_file
        .file_name
        .ends_with("-before-restore.covebackup"));
    let vault = session.take().expect("open");
    assert_eq!(dump(vault.conn()), their_dump);
    assert!(
        progress.windows(2).all(|w| w[0].0 <= w[1].0),
        "progress only grows"
    );
    assert_eq!(progress.last().map(|p| p.0 == p.1), Some(true));
    // Their passphrase opens it now; mine doesn't.
    vault.lock();
    assert!(Vault::unlock_with_passphrase(&place.dir, &secret(PASS)).is_err());
    let vault = Vault::unlock_with_passphrase(&place.dir, &secret(OTHER_PASS)).expect("theirs");

    // The before-restore backup restores my journal with my passphrase.
    let mut session = Some(vault);
    restore(
        &place.dir,
        &mut session,
        Path::new(&before_file.path),
        &pass_secret(PASS),
        &place.folders(),
        at(NOW),
        &mut |_, _| {},
    )
    .expect("restore mine");
    assert_eq!(dump(session.as_ref().expect("open").conn()), my_dump);
    assert_no_plaintext(&place.data());
}

#[test]
fn restoring_a_backup_of_the_same_journal_keeps_todays_passphrase() {
    let place = Place::new();
    let (vault, _) = create(&place, PASS);
    fill(&vault, 3);
    let old_dump = dump(vault.conn());
    let file = manual(&vault, &place.folders());
    // Later: more writing and a new passphrase.
    journal::save_entry(vault.conn(), free("after the backup"), at(NOW)).expect("save");
    vault
        .change_passphrase(&secret(PASS), &secret("new words now"), KdfParams::floor())
        .expect("change");
    let summary = inspect(
        &place.dir,
        Path::new(&file.path),
        &BackupSecret::Current,
        Some(&OpenJournal {
            vault_id: vault.vault_id(),
            dek: vault.data_key_copy(),
        }),
        &mut |_, _| {},
    )
    .expect("inspect with current");
    assert!(summary.same_journal);
    assert_eq!(summary.entries, 4);

    let mut session = Some(vault);
    let restored = restore(
        &place.dir,
        &mut session,
        Path::new(&file.path),
        &BackupSecret::Current,
        &place.folders(),
        at(NOW),
        &mut |_, _| {},
    )
    .expect("restore");
    assert!(restored.same_journal);
    let vault = session.expect("open");
    assert_eq!(dump(vault.conn()), old_dump);
    vault.lock();
    assert!(Vault::unlock_with_passphrase(&place.dir, &secret("new words now")).is_ok());
}

// ── Refused files ──────────────────────────────────────────────────────────────────────────

/// Rewrites a valid backup's header with `edit`, recomputing the checksum (a well-formed file
/// that says something else).
fn with_header(valid: &[u8], edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let header_len = u32::from_be_bytes(valid[12..16].try_into().expect("4")) as usize;
    let mut header: serde_json::Value =
        serde_json::from_slice(&valid[16..16 + header_len]).expect("json");
    edit(&mut header);
    let json = serde_json::to_vec(&header).expect("json");
    let mut out = valid[..12].to_vec();
    out.extend_from_slice(&(json.len() as u32).to_be_bytes());
    out.extend_from_slice(&json);
    out.extend_from_slice(&valid[16 + header_len..valid.len() - 32]);
    let sum = Sha256::digest(&out);
    out.extend_from_slice(&sum);
    out
}

#[test]
fn damaged_cut_foreign_and_newer_files_are_refused_and_change_nothing() {
    let place = Place::new();
    let (vault, code) = create(&place, PASS);
    fill(&vault, 10);
    let file = manual(&vault, &place.folders());
    let valid = fs::read(&file.path).expect("read");
    let header = container::peek_header(Path::new(&file.path)).expect("header");
    let header_len = u32::from_be_bytes(valid[12..16].try_into().expect("4")) as usize;
    let keys_at = 16 + header_len;
    let db_at = keys_at + header.keys_length as usize;
    let len = valid.len();

    let flip = |at: usize| {
        let mut b = valid.clone();
        b[at] ^= 0x20;
        b
    };
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(&[0u8; 64]);
    let random: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let mut newer_version = valid.clone();
    newer_version[8..12].copy_from_slice(&2u32.to_be_bytes());
    let newer_schema = with_header(&valid, |h| {
        h["schemaVersion"] = (migrations::latest_version() + 1).into();
    });

    let mut cases: Vec<(String, Vec<u8>, &str)> = vec![
        (
            "flipped byte in the key part".into(),
            flip(keys_at + 40),
            "backup_damaged",
        ),
        (
            "flipped byte in the database part".into(),
            flip(db_at + 5000),
            "backup_damaged",
        ),
        (
            "flipped last database byte".into(),
            flip(len - 33),
            "backup_damaged",
        ),
        (
            "flipped checksum byte".into(),
            flip(len - 1),
            "backup_damaged",
        ),
        ("flipped header byte".into(), flip(20), "backup_damaged"),
        ("zero-length file".into(), Vec::new(), "not_a_backup"),
        ("a PNG picture".into(), png, "not_a_backup"),
        ("random bytes".into(), random, "not_a_backup"),
        ("newer container version".into(), newer_version, "too_new"),
        ("newer journal schema".into(), newer_schema, "too_new"),
    ];
    for cut in [
        1,
        7,
        12,
        16,
        40,
        keys_at + 10,
        db_at,
        db_at + 4096,
        len / 2,
        len - 32,
        len - 1,
    ] {
        cases.push((
            format!("cut at {cut} of {len}"),
            valid[..cut].to_vec(),
            "backup_damaged",
        ));
    }

    let open = OpenJournal {
        vault_id: vault.vault_id(),
        dek: vault.data_key_copy(),
    };
    let mut session = Some(vault);
    let bad = place.tmp.path().join("bad.covebackup");
    let before = snapshot(&place.data());
    let backups_before = snapshot(&app_folder(&place.data()));
    for (label, bytes, want) in &cases {
        fs::write(&bad, bytes).expect("write");
        for how in [pass_secret(PASS), code_secret(&code), BackupSecret::Current] {
            let got = inspect(&place.dir, &bad, &how, Some(&open), &mut |_, _| {});
            assert_eq!(code_of(got), *want, "inspect: {label}");
        }
        let got = restore(
            &place.dir,
            &mut session,
            &bad,
            &pass_secret(PASS),
            &place.folders(),
            at(NOW),
            &mut |_, _| {},
        );
        assert_eq!(code_of(got), *want, "restore: {label}");
        assert!(session.is_some(), "{label}: the journal stays open");
        assert_eq!(
            snapshot(&place.data()),
            before,
            "{label}: data folder unchanged"
        );
        assert_eq!(
            snapshot(&app_folder(&place.data())),
            backups_before,
            "{label}: no backup made or removed"
        );
        // A fresh install is left empty too.
        let fresh = Place::new();
        let got = restore(
            &fresh.dir,
            &mut None,
            &bad,
            &pass_secret(PASS),
            &fresh.folders(),
            at(NOW),
            &mut |_, _| {},
        );
        assert_eq!(code_of(got), *want, "fresh restore: {label}");
        assert!(!fresh.dir.exists(), "{label}");
        assert_eq!(snapshot(&fresh.data()).len(), 1, "{label}: only cove.lock");
    }

    // Wrong secrets and a missing file.
    let good = PathBuf::from(&file.path);
    let wrong = [
        (pass_secret("not the passphrase"), "wrong_secret"),
        (
            BackupSecret::RecoveryCode {
                value: secret("0000-0000-0000-0000-0000-0000-0000-0000"),
            },
            "wrong_secret",
        ),
        (
            BackupSecret::RecoveryCode {
                value: secret("not a code"),
            },
            "invalid_input",
        ),
    ];
    for (how, want) in wrong {
        assert_eq!(
            code_of(inspect(&place.dir, &good, &how, None, &mut |_, _| {})),
            want
        );
        let got = restore(
            &place.dir,
            &mut session,
            &good,
            &how,
            &place.folders(),
            at(NOW),
            &mut |_, _| {},
        );
        assert_eq!(code_of(got), want);
    }
    assert_eq!(
        code_of(inspect(
            &place.dir,
            &good,
            &BackupSecret::Current,
            None,
            &mut |_, _| {}
        )),
        "locked"
    );
    let missing = place.tmp.path().join("nowhere.covebackup");
    assert_eq!(
        code_of(inspect(
            &place.dir,
            &missing,
            &pass_secret(PASS),
            None,
            &mut |_, _| {}
        )),
        "not_found"
    );
    assert_eq!(
        code_of(inspect(
            &place.dir,
            place.tmp.path(),
            &pass_secret(PASS),
            None,
            &mut |_, _| {}
        )),
        "not_a_backup",
        "a folder"
    );
    assert_eq!(snapshot(&place.data()), before);

    // `current` with another journal's backup is the wrong secret.
    let other = Place::new();
    let (theirs, _) = create(&other, OTHER_PASS);
    let theirs_file = manual(&theirs, &other.folders());
    assert_eq!(
        code_of(inspect(
            &place.dir,
            Path::new(&theirs_file.path),
            &BackupSecret::Current,
            Some(&open),
            &mut |_, _| {}
        )),
        "wrong_secret"
    );
}

#[test]
fn a_backup_made_by_a_newer_cove_is_too_new() {
    // A journal whose schema is ahead of this build, as a newer Cove would leave it.
    let place = Place::new();
    let (vault, _) = create(&place, PASS);
    vault
        .conn()
        .execute_batch(&format!(
            "PRAGMA user_version = {};",
            migrations::latest_version() + 1
        ))
        .expect("bump");
    let file = manual(&vault, &place.folders());
    assert_eq!(
        container::peek_header(Path::new(&file.path))
            .expect("header")
            .schema_version,
        migrations::latest_version() + 1
    );
    let fresh = Place::new();
    let got = inspect(
        &fresh.dir,
        Path::new(&file.path),
        &pass_secret(PASS),
        None,
        &mut |_, _| {},
    );
    assert_eq!(code_of(got), "too_new");
    let got = restore(
        &fresh.dir,
        &mut None,
        Path::new(&file.path),
        &pass_secret(PASS),
        &fresh.folders(),
        at(NOW),
        &mut |_, _| {},
    );
    assert_eq!(code_of(got), "too_new");
    assert!(!fresh.dir.exists());
}

// ── Crashes during restore ─────────────────────────────────────────────────────────────────

/// A data folder with the old journal ("old" entries) and a backup of another journal.
struct CrashSetup {
    place: Place,
    backup: PathBuf,
    old_dump: Vec<String>,
    new_dump: Vec<String>,
}

fn crash_setup() -> CrashSetup {
    let other = Place::new();
    let (theirs, _) = create(&other, OTHER_PASS);
    fill(&theirs, 4);
    let new_dump = dump(theirs.conn());
    let file = manual(&theirs, &other.folders());
    drop(theirs);
    let place = Place::new();
    let backup = place.tmp.path().join("new.covebackup");
    fs::copy(&file.path, &backup).expect("copy");
    let (mine, _) = create(&place, PASS);
    fill(&mine, 9);
    // Leave some of the old journal in its WAL, as a running app would.
    let old_dump = dump(mine.conn());
    drop(mine);
    CrashSetup {
        place,
        backup,
        old_dump,
        new_dump,
    }
}

/// "Restarts" Cove on the folder: a new `VaultDir::open` (which finishes or clears a restore),
/// then whichever journal is there must open completely.
fn reopen(place: Place) -> (Place, Option<Vec<String>>, Option<Vec<String>>) {
    let data = place.data();
    let Place { tmp, dir } = place;
    drop(dir);
    let dir = VaultDir::open(&data).expect("reopen");
    for name in [RESTORE_MARKER, STAGED_DB, STAGED_KEYS] {
        assert!(
            !data.join(name).exists(),
            "{name} still there after reopening"
        );
    }
    let old = Vault::unlock_with_passphrase(&dir, &secret(PASS))
        .ok()
        .map(|v| dump(v.conn()));
    let new = Vault::unlock_with_passphrase(&dir, &secret(OTHER_PASS))
        .ok()
        .map(|v| dump(v.conn()));
    (Place { tmp, dir }, old, new)
}

#[test]
fn a_crash_at_any_step_of_the_switch_leaves_the_old_or_the_new_journal_complete() {
    for step in SwitchStep::ALL {
        let s = crash_setup();
        let mut session =
            Some(Vault::unlock_with_passphrase(&s.place.dir, &secret(PASS)).expect("unlock"));
        let stopped = restore::restore_until(
            &s.place.dir,
            &mut session,
            &s.backup,
            &pass_secret(OTHER_PASS),
            &s.place.folders(),
            at(NOW),
            &mut |_, _| {},
            Some(step),
        );
        assert!(stopped.is_err(), "{step:?}: stopped");
        assert!(
            session.is_none(),
            "{step:?}: the old journal was locked before the switch"
        );
        assert!(s.place.data().join(RESTORE_MARKER).exists(), "{step:?}");
        let (_place, old, new) = reopen(s.place);
        // Every step is after the commit point (the marker): the restore is finished.
        assert_eq!(old, None, "{step:?}: old passphrase no longer opens");
        assert_eq!(
            new.as_ref(),
            Some(&s.new_dump),
            "{step:?}: the new journal, complete"
        );
    }
}

#[test]
fn a_crash_before_the_commit_point_leaves_the_old_journal_untouched() {
    // Stopped while staging: a half-written staged database and no key file.
    let s = crash_setup();
    let half = fs::read(&s.backup).expect("read");
    fs::write(s.place.data().join(STAGED_DB), &half[..half.len() / 2]).expect("half");
    let (_p, old, new) = reopen(s.place);
    assert_eq!(old.as_ref(), Some(&s.old_dump), "half-staged: old journal");
    assert_eq!(new, None);

    // Stopped after staging both files, before the marker.
    let s = crash_setup();
    let vault = Vault::unlock_with_passphrase(&s.place.dir, &secret(PASS)).expect("unlock");
    let open = OpenJournal {
        vault_id: vault.vault_id(),
        dek: vault.data_key_copy(),
    };
    stage_restore(
        &s.place.dir,
        &s.backup,
        &pass_secret(OTHER_PASS),
        Some(&open),
        &mut |_, _| {},
    )
    .expect("staged");
    assert!(s.place.data().join(STAGED_DB).exists());
    assert!(s.place.data().join(STAGED_KEYS).exists());
    drop(vault);
    let (_p, old, new) = reopen(s.place);
    assert_eq!(
        old.as_ref(),
        Some(&s.old_dump),
        "staged, no marker: old journal"
    );
    assert_eq!(new, None);
}

#[test]
fn a_hand_built_half_switched_folder_is_finished_when_opened() {
    // The state after "database renamed, key file not yet": new cove.db, old cove.keys.
    let s = crash_setup();
    let vault = Vault::unlock_with_passphrase(&s.place.dir, &secret(PASS)).expect("unlock");
    let open = OpenJournal {
        vault_id: vault.vault_id(),
        dek: vault.data_key_copy(),
    };
    stage_restore(
        &s.place.dir,
        &s.backup,
        &pass_secret(OTHER_PASS),
        Some(&open),
        &mut |_, _| {},
    )
    .expect("staged");
    vault.lock();
    let data = s.place.data();
    fs::write(
        data.join(RESTORE_MARKER),
        br#"{"format":"cove-restore-1","database":"cove.db.restore","keys":"cove.keys.restore"}"#,
    )
    .expect("marker");
    fs::rename(data.join(STAGED_DB), data.join(DB_FILE)).expect("rename db");
    // A stale log of the old database must not be replayed into the new one.
    fs::write(data.join(format!("{DB_FILE}-wal")), b"old log").expect("wal");
    let (_p, old, new) = reopen(s.place);
    assert_eq!(old, None);
    assert_eq!(new.as_ref(), Some(&s.new_dump));
}

// ── Second folder, automatic backups, rotation ─────────────────────────────────────────────

#[test]
fn the_second_folder_gets_every_backup_and_a_missing_one_is_reported() {
    let place = Place::new();
    let (vault, _) = create(&place, PASS);
    fill(&vault, 5);
    let stick = place.stick();
    let folders = place.folders_with(&stick);

    let outcome = make_backup(
        &vault.backup_source(),
        &folders,
        BackupKind::Manual,
        at(NOW),
        &CancelToken::default(),
        Options::default(),
        &mut |_, _| {},
    )
    .expect("backup");
    let mine = outcome.made.expect("made");
    let ExtraOutcome::Written(there) = outcome.extra else {
        panic!("no copy in the second folder: {:?}", outcome.extra);
    };
    assert_eq!(there.place, BackupPlace::Extra);
    assert_eq!(there.file_name, mine.file_name);
    assert_eq!(sha(Path::new(&there.path)), sha(Path::new(&mine.path)));
    #[cfg(unix)]
    assert_eq!(mode_of(Path::new(&there.path)), 0o600);
    assert_no_plaintext(&stick);

    let listed = list_backups(&folders);
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().any(|f| f.place == BackupPlace::Extra));

    // The stick is unplugged: Cove's copy is still made, the problem is reported.
    fs::rename(&stick, place.tmp.path().join("unplugged")).expect("unplug");
    let later = at(NOW) + Duration::hours(1);
    let outcome = make_backup(
        &vault.backup_source(),
        &folders,
        BackupKind::Manual,
        later,
        &CancelToken::default(),
        Options::default(),
        &mut |_, _| {},
    )
    .expect("Cove's own copy is made");
    assert!(outcome.made.is_some());
    let problem = outcome.problem().expect("reported");
    assert_eq!(problem.code(), "not_found");
    assert!(problem.to_string().contains("second backup folder"));
    assert_eq!(
        list_backups(&folders).len(),
        2,
        "listing skips the missing folder"
    );

    // Plugged in again: the next automatic pass makes today's and copies it there.
    fs::rename(place.tmp.path().join("unplugged"), &stick).expect("plug");
    let outcome = automatic_backup(
        &vault.backup_source(),
        &folders,
        later,
        &CancelToken::default(),
        Options::default(),
        &mut |_, _| {},
    )
    .expect("auto");
    assert!(outcome.made.is_some());
    assert!(matches!(outcome.extra, ExtraOutcome::Written(_)));
    assert!(outcome.problem().is_none());
}

#[test]
fn automatic_backups_are_made_once_a_day_and_copied_to_a_stick_plugged_in_later() {
    let place = Place::new();
    let (vault, _) = create(&place, PASS);
    fill(&vault, 2);
    let auto = |folders: &Folders, now: DateTime<FixedOffset>| {
        automatic_backup(
            &vault.backup_source(),
            folders,
            now,
            &CancelToken::default(),
            Options::default(),
            &mut |_, _| {},
        )
        .expect("auto")
    };
    let day1 = at(NOW);
    let first = auto(&place.folders(), day1);
    let made = first.made.expect("made on day 1");
    assert_eq!(made.kind, BackupKind::Automatic);
    assert!(matches!(first.extra, ExtraOutcome::NotSet));
    // Again the same day (30 minutes later, or after the next unlock): nothing new.
    let again = auto(&place.folders(), day1 + Duration::minutes(30));
    assert!(again.made.is_none());
    // A second folder chosen later the same day gets today's copy, not a new backup.
    let stick = place.stick();
    let copied = auto(&place.folders_with(&stick), day1 + Duration::hours(2));
    assert!(copied.made.is_none());
    let ExtraOutcome::Written(there) = copied.extra else {
        panic!("{:?}", copied.extra);
    };
    assert_eq!(there.file_name, made.file_name);
    let once_more = auto(&place.folders_with(&stick), day1 + Duration::hours(3));
    assert!(matches!(once_more.extra, ExtraOutcome::AlreadyThere));
    // The next day: a new one, in both folders.
    let next = auto(&place.folders_with(&stick), day1 + Duration::days(1));
    assert!(next.made.is_some());
    assert!(matches!(next.extra, ExtraOutcome::Written(_)));
    assert_eq!(list_backups(&place.folders_with(&stick)).len(), 4);
}

#[test]
fn rotation_on_disk_keeps_7_days_and_4_weeks_of_automatic_backups_and_every_other_kind() {
    let place = Place::new();
    let (vault, _) = create(&place, PASS);
    let stick = place.stick();
    let folders = place.folders_with(&stick);
    let app = app_folder(&place.data());
    crate::vault::fsutil::ensure_private_dir(&app).expect("dir");
    // Sixty days of older automatic backups (two a day), and manual/before-restore ones, in
    // both folders. Rotation goes by file names, so the contents don't matter here.
    let today = at(NOW);
    for folder in [&app, &stick] {
        for d in 1..=60 {
            for hour in [8, 20] {
                let when = (today - Duration::days(d))
                    .naive_local()
                    .date()
                    .and_hms_opt(hour, 0, 0);
                let name = file_name(when.expect("time"), BackupKind::Automatic, 1);
                fs::write(folder.join(name), b"old").expect("write");
            }
        }
        for (d, kind) in [(90, BackupKind::Manual), (45, BackupKind::BeforeRestore)] {
            let when = (today - Duration::days(d)).naive_local();
            fs::write(folder.join(file_name(when, kind, 1)), b"keep").expect("write");
        }
        fs::write(folder.join("notes.txt"), b"not ours").expect("write");
    }
    let outcome = automatic_backup(
        &vault.backup_source(),
        &folders,
        today,
        &CancelToken::default(),
        Options::default(),
        &mut |_, _| {},
    )
    .expect("auto");
    assert!(outcome.made.is_some());
    for folder in [&app, &stick] {
        let names: Vec<String> = fs::read_dir(folder)
            .expect("list")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        let automatic = names
            .iter()
            .filter(|n| parse_file_name(n).is_some_and(|(_, k)| k == BackupKind::Automatic))
            .count();
        assert_eq!(automatic, KEEP_DAYS + KEEP_WEEKS, "{folder:?}: {names:?}");
        assert!(names.iter().any(|n| n.ends_with("-manual.covebackup")));
        assert!(names
            .iter()
            .any(|n| n.ends_with("-before-restore.covebackup")));
        assert!(
            names.contains(&"notes.txt".to_owned()),
            "foreign files are never touched"
        );
        // Of the newest days, the evening backup is the one kept.
        let yesterday = (today - Duration::days(1)).naive_local().date();
        let evening = file_name(
            yesterday.and_hms_opt(20, 0, 0).expect("t"),
            BackupKind::Automatic,
            1,
        );
        let morning = file_name(
            yesterday.and_hms_opt(8, 0, 0).expect("t"),
            BackupKind::Automatic,
            1,
        );
        assert!(names.contains(&evening) && !names.contains(&morning));
    }
}

#[test]
fn two_backups_in_the_same_second_get_different_names() {
    let place = Place::new();
    let (vault, _) = create(&place, PASS);
    let a = manual(&vault, &place.folders());
    let b = manual(&vault, &place.folders());
    assert_eq!(a.file_name, "cove-2026-03-10-093000-manual.covebackup");
    assert_eq!(b.file_name, "cove-2026-03-10-093000-manual-2.covebackup");
    assert_eq!(list_backups(&place.folders()).len(), 2);
}

#[test]
fn the_second_folder_must_exist_be_writable_and_be_outside_the_data_folder() {
    let place = Place::new();
    let data = place.data();
    let stick = place.stick();
    assert_eq!(
        check_extra_folder(&data, &stick.to_string_lossy()).expect("ok"),
        stick
    );
    let bad = [
        String::new(),
        "relative/folder".into(),
        place
            .tmp
            .path()
            .join("missing")
            .to_string_lossy()
            .into_owned(),
        data.to_string_lossy().into_owned(),
        app_folder(&data).to_string_lossy().into_owned(),
    ];
    fs::create_dir_all(app_folder(&data)).expect("mk");
    for folder in bad {
        assert_eq!(
            code_of(check_extra_folder(&data, &folder)),
            "invalid_input",
            "{folder:?}"
        );
    }
    let a_file = place.tmp.path().join("file.txt");
    fs::write(&a_file, b"x").expect("write");
    assert_eq!(
        code_of(check_extra_folder(&data, &a_file.to_string_lossy())),
        "invalid_input"
    );
    // The probe file is gone again.
    assert_eq!(fs::read_dir(&stick).expect("list").count(), 0);
}

#[test]
fn the_second_folder_setting_is_stored_inside_the_vault() {
    let place = Place::new();
    let (vault, _) = create(&place, PASS);
    assert_eq!(
        load_settings(vault.conn()).expect("load"),
        BackupSettings::default()
    );
    let value = BackupSettings {
        extra_folder: Some("/media/stick/Cove".into()),
    };
    save_settings(vault.conn(), &value).expect("save");
    vault.lock();
    let vault = Vault::unlock_with_passphrase(&place.dir, &secret(PASS)).expect("unlock");
    assert_eq!(load_settings(vault.conn()).expect("load"), value);
    assert!(!fs::read(place.data().join("prefs.json"))
        .map(|b| find(&b, b"stick"))
        .unwrap_or(false));
}

// ── Cancelling, progress, full disk ────────────────────────────────────────────────────────

#[test]
fn locking_cancels_a_running_backup_and_leaves_no_temporary_file() {
    let place = Place::new();
    let (vault, _) = create(&place, PASS);
    fill(&vault, 60);
    let token = CancelToken::default();
    let mut calls = 0;
    let got = make_backup(
        &vault.backup_source(),
        &place.folders(),
        BackupKind::Manual,
        at(NOW),
        &token,
        Options { pages_per_step: 2 },
        &mut |_, _| {
            calls += 1;
            if calls == 3 {
                token.cancel();
            }
        },
    );
    assert_eq!(code_of(got), "locked");
    assert_eq!(
        fs::read_dir(app_folder(&place.data()))
            .expect("list")
            .count(),
        0
    );
    // Already cancelled: nothing starts.
    assert_eq!(
        code_of(make_backup(
            &vault.backup_source(),
            &place.folders(),
            BackupKind::Manual,
            at(NOW),
            &token,
            Options::default(),
            &mut |_, _| {},
        )),
        "locked"
    );
    // A cancelled token wakes a waiting thread at once.
    assert!(token.wait(std::time::Duration::from_secs(60)));
}

#[test]
fn the_job_tracker_reports_the_running_job_until_it_ends() {
    let tracker = JobTracker::new();
    assert_eq!(tracker.current(), None);
    {
        let job = tracker.start(JobKind::Backup, 0);
        job.set(5, 10);
        assert_eq!(
            tracker.current(),
            Some(JobProgress {
                job: JobKind::Backup,
                done: 5,
                total: 10
            })
        );
        job.set(12, 10);
        assert_eq!(
            tracker.current().map(|p| p.done),
            Some(10),
            "never past total"
        );
    }
    assert_eq!(tracker.current(), None);
    // An export started during an automatic backup is what the UI sees until it ends.
    let backup = tracker.start(JobKind::Backup, 100);
    let export = tracker.start(JobKind::Export, 10);
    backup.set(50, 100);
    assert_eq!(tracker.current().map(|p| p.job), Some(JobKind::Export));
    drop(backup);
    export.set(3, 10);
    assert_eq!(tracker.current().map(|p| (p.done, p.total)), Some((3, 10)));
    drop(export);
    assert_eq!(tracker.current(), None);
}

#[test]
fn a_backup_reports_progress_up_to_its_total() {
    let place = Place::new();
    let (vault, _) = create(&place, PASS);
    fill(&vault, 30);
    let mut seen = Vec::new();
    make_backup(
        &vault.backup_source(),
        &place.folders_with(&place.stick()),
        BackupKind::Manual,
        at(NOW),
        &CancelToken::default(),
        Options { pages_per_step: 8 },
        &mut |done, total| seen.push((done, total)),
    )
    .expect("backup");
    assert!(seen.len() > 3);
    let (last_done, last_total) = *seen.last().expect("some");
    assert_eq!(last_done, last_total);
    assert!(seen.iter().all(|(d, t)| d <= t));
}

/// Fills the (small) file system holding `filler` to the brim, then gives back 48 KiB: the next
/// backup runs out of space part-way through.
fn fill_disk(filler: &Path) {
    let mut f = fs::File::create(filler).expect("filler");
    let chunk = vec![0u8; 64 * 1024];
    loop {
        match f.write_all(&chunk) {
            Ok(()) => {}
            Err(e) if crate::vault::fsutil::is_storage_full(&e) => break,
            Err(e) => panic!("filling: {e}"),
        }
    }
    let _ = f.sync_all();
    let len = f.metadata().expect("meta").len();
    f.set_len(len.saturating_sub(48 * 1024)).expect("trim");
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const FULL_DISK_OUTSIDE_ENV: &str = "COVE_FULL_DISK_OUTSIDE";
const FULL_DISK_ENV: &str = "COVE_FULL_DISK_CHILD";
const FULL_DISK_DIR_ENV: &str = "COVE_FULL_DISK_DIR";

/// Runs in a child process (see the test below); does nothing in a normal test run.
#[test]
fn full_disk_child() {
    let Ok(mode) = std::env::var(FULL_DISK_ENV) else {
        return;
    };
    let root = PathBuf::from(std::env::var(FULL_DISK_DIR_ENV).expect("dir"));
    let dir = VaultDir::open(root.join("data")).expect("open");
    let (vault, _) = Vault::create(&dir, &secret(PASS), KdfParams::floor()).expect("create");
    fill(&vault, 150);
    let folders = Folders::new(&dir, None);
    let first = make_backup(
        &vault.backup_source(),
        &folders,
        BackupKind::Manual,
        at(NOW),
        &CancelToken::default(),
        Options::default(),
        &mut |_, _| {},
    )
    .expect("first backup fits")
    .made
    .expect("made");
    let first_hash = sha(Path::new(&first.path));
    let db_size = fs::metadata(dir.path().join(DB_FILE)).expect("db").len()
        + fs::metadata(dir.path().join(format!("{DB_FILE}-wal")))
            .map(|m| m.len())
            .unwrap_or(0);
    assert!(
        first.size_bytes > 100_000,
        "the copy is larger than the room left"
    );

    let pid = std::process::id().to_string();
    let filler = root.join("filler");
    match mode.as_str() {
        "tmpfs" => fill_disk(&filler),
        "fsize" => {
            // No file of this process may grow past 48 KiB any more (RLIMIT_FSIZE; SIGXFSZ is
            // ignored, so the write fails with EFBIG instead of killing the process).
            let status = Command::new("prlimit")
                .args(["--pid", &pid, "--fsize=49152:unlimited"])
                .status()
                .expect("prlimit");
            assert!(status.success());
        }
        other => panic!("unknown mode {other}"),
    }

    let backups = app_folder(dir.path());
    let listing = || names_in(&backups);
    let before = listing();
    for kind in [BackupKind::Manual, BackupKind::Automatic] {
        let got = make_backup(
            &vault.backup_source(),
            &folders,
            kind,
            at(NOW) + Duration::minutes(5),
            &CancelToken::default(),
            Options::default(),
            &mut |_, _| {},
        );
        let err = got.expect_err("the disk is full");
        assert_eq!(err.code(), "storage_full", "{kind:?}: {err:?}");
        assert_eq!(
            listing(),
            before,
            "{kind:?}: no temporary file, no new file"
        );
        assert_eq!(
            sha(Path::new(&first.path)),
            first_hash,
            "the old backup is intact"
        );
    }
    let got = automatic_backup(
        &vault.backup_source(),
        &folders,
        at(NOW) + Duration::minutes(6),
        &CancelToken::default(),
        Options::default(),
        &mut |_, _| {},
    );
    assert_eq!(code_of(got), "storage_full", "the automatic path");
    assert_eq!(listing(), before);

    // Room again: the next backup works.
    match mode.as_str() {
        "tmpfs" => fs::remove_file(&filler).expect("free"),
        _ => {
            let status = Command::new("prlimit")
                .args(["--pid", &pid, "--fsize=unlimited:unlimited"])
                .status()
                .expect("prlimit");
            assert!(status.success());
        }
    }
    let ok = make_backup(
        &vault.backup_source(),
        &folders,
        BackupKind::Manual,
        at(NOW) + Duration::minutes(7),
        &CancelToken::default(),
        Options::default(),
        &mut |_, _| {},
    )
    .expect("backup after freeing space");
    assert!(ok.made.is_some());
    assert_eq!(listing().len(), before.len() + 1);
    let _ = db_size;

    if mode == "tmpfs" {
        // A full USB stick as the second folder; the journal and Cove's folder are on a disk
        // with room. Cove's copy is made; the stick's old backup stays; the person is told.
        let outside = PathBuf::from(std::env::var(FULL_DISK_OUTSIDE_ENV).expect("outside"));
        let dir2 = VaultDir::open(outside.join("data")).expect("open 2");
        let (vault2, _) = Vault::create(&dir2, &secret(PASS), KdfParams::floor()).expect("create");
        fill(&vault2, 150);
        let stick = root.join("stick");
        fs::create_dir(&stick).expect("stick");
        let folders2 = Folders::new(&dir2, Some(&stick.to_string_lossy()));
        let backup2 = |minutes: i64| {
            make_backup(
                &vault2.backup_source(),
                &folders2,
                BackupKind::Manual,
                at(NOW) + Duration::minutes(minutes),
                &CancelToken::default(),
                Options::default(),
                &mut |_, _| {},
            )
            .expect("Cove's own copy is made")
        };
        let ok = backup2(10);
        assert!(
            matches!(ok.extra, ExtraOutcome::Written(_)),
            "{:?}",
            ok.extra
        );
        let on_stick = names_in(&stick);
        let old_hash = sha(&stick.join(&on_stick[0]));
        fill_disk(&filler);
        let full = backup2(11);
        assert!(full.made.is_some(), "the copy in Cove's folder");
        let problem = full.problem().expect("the full stick is reported");
        assert_eq!(problem.code(), "storage_full");
        assert!(
            matches!(problem, BackupError::ExtraFolderFull),
            "{problem:?}"
        );
        assert_eq!(
            names_in(&stick),
            on_stick,
            "no temporary file left on the stick"
        );
        assert_eq!(
            sha(&stick.join(&on_stick[0])),
            old_hash,
            "the stick's backup is intact"
        );
        assert_eq!(names_in(&app_folder(dir2.path())).len(), 2);
    }
    println!("FULL_DISK_OK {mode}");
}

fn run_full_disk_child(mode: &str) -> String {
    let tmp = tempfile::tempdir().expect("tmp");
    let outside = tempfile::tempdir().expect("outside");
    let exe = std::env::current_exe().expect("exe");
    let script = match mode {
        // An 8 MiB tmpfs of our own, in a private user+mount namespace (no root needed).
        "tmpfs" => {
            r#"mount -t tmpfs -o size=8m,mode=0700 cove-full "$COVE_FULL_DISK_DIR" && exec "$0" --exact backup::tests::full_disk_child --nocapture --test-threads=1"#
        }
        _ => {
            r#"trap '' XFSZ; exec "$0" --exact backup::tests::full_disk_child --nocapture --test-threads=1"#
        }
    };
    let mut cmd = if mode == "tmpfs" {
        let mut c = Command::new("unshare");
        c.args(["--user", "--map-root-user", "--mount", "sh", "-c", script]);
        c
    } else {
        let mut c = Command::new("sh");
        c.args(["-c", script]);
        c
    };
    let out = cmd
        .arg(&exe)
        .env(FULL_DISK_ENV, mode)
        .env(FULL_DISK_DIR_ENV, tmp.path())
        .env(FULL_DISK_OUTSIDE_ENV, outside.path())
        .output()
        .expect("spawn child");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    eprintln!("full-disk child ({mode}) exited with {}", out.status);
    assert!(
        out.status.success(),
        "{mode} child failed: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn user_namespaces_work() -> bool {
    Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "true"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn a_full_disk_during_a_backup_keeps_the_old_backups_and_says_storage_full() {
    // A file-size limit on the child process: every write past it fails, as on a full disk.
    let out = run_full_disk_child("fsize");
    assert!(out.contains("FULL_DISK_OK fsize"), "{out}");
    // A really full file system (ENOSPC), where the system allows private mounts.
    if user_namespaces_work() {
        let out = run_full_disk_child("tmpfs");
        assert!(out.contains("FULL_DISK_OK tmpfs"), "{out}");
    } else {
        eprintln!("user namespaces unavailable: the ENOSPC run was not possible here");
    }
}

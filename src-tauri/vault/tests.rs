//! Vault behaviour on real SQLCipher files in a temporary folder, with the floor KDF params.

use super::keychain::doubles::{MemoryStore, MissingStore};
use super::*;
use crate::test_support::{fixture, secret, Fixture};
use proptest::prelude::*;
use std::fs;
use std::path::Path;

const PASS: &str = "river stones and quiet mornings";

fn create(f: &Fixture) -> (Vault, RecoveryCode) {
    Vault::create(&f.dir, &secret(PASS), KdfParams::floor()).expect("create")
}

fn insert_entry(vault: &Vault, body: &str) -> i64 {
    vault
        .conn()
        .execute(
            "INSERT INTO entries (kind, title, body, created_at, updated_at)
             VALUES ('journal', NULL, ?1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
            [body],
        )
        .expect("insert");
    vault.conn().last_insert_rowid()
}

fn bodies(vault: &Vault) -> Vec<String> {
    let mut stmt = vault
        .conn()
        .prepare("SELECT body FROM entries ORDER BY id")
        .expect("prepare");
    stmt.query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<Vec<String>>>()
        .expect("rows")
}

fn code_of(err: &VaultError) -> &'static str {
    err.code()
}

#[test]
fn created_vault_unlocks_with_passphrase_and_keeps_entries() {
    let f = fixture();
    let (vault, _code) = create(&f);
    insert_entry(&vault, "first entry");
    vault.lock();
    let vault = Vault::unlock_with_passphrase(&f.dir, &secret(PASS)).expect("unlock");
    assert_eq!(bodies(&vault), vec!["first entry".to_owned()]);
}

#[test]
fn nfc_and_nfd_spellings_of_a_passphrase_unlock_the_same_vault() {
    let f = fixture();
    let nfc = "contrase\u{f1}a caf\u{e9}";
    let nfd = "contrasen\u{303}a cafe\u{301}";
    let (vault, _) = Vault::create(&f.dir, &secret(nfc), KdfParams::floor()).expect("create");
    drop(vault);
    Vault::unlock_with_passphrase(&f.dir, &secret(nfd)).expect("NFD unlocks");
}

#[test]
fn wrong_passphrase_and_wrong_recovery_code_are_wrong_secret_without_counts() {
    let f = fixture();
    drop(create(&f));
    let err = Vault::unlock_with_passphrase(&f.dir, &secret("not it")).expect_err("wrong");
    assert!(
        matches!(
            err,
            VaultError::WrongSecret {
                attempts_left: None
            }
        ),
        "{err:?}"
    );
    let other = RecoveryCode::generate();
    let err = Vault::unlock_with_recovery_code(&f.dir, &secret(&other.expose_grouped()))
        .expect_err("wrong code");
    assert!(
        matches!(
            err,
            VaultError::WrongSecret {
                attempts_left: None
            }
        ),
        "{err:?}"
    );
    let err = Vault::unlock_with_recovery_code(&f.dir, &secret("hello")).expect_err("malformed");
    assert_eq!(code_of(&err), "invalid_input");
}

#[test]
fn recovery_code_unlocks_whatever_the_case_spacing_and_dashes() {
    let f = fixture();
    let (vault, code) = create(&f);
    insert_entry(&vault, "kept");
    drop(vault);
    let typed = code.expose_grouped().to_lowercase().replace('-', " ");
    let vault = Vault::unlock_with_recovery_code(&f.dir, &secret(&typed)).expect("unlock");
    assert_eq!(bodies(&vault), vec!["kept".to_owned()]);
}

#[test]
fn verify_recovery_code_accepts_only_this_vaults_code() {
    let f = fixture();
    let (vault, code) = create(&f);
    assert!(vault.verify_recovery_code(&secret(&code.expose_grouped())));
    assert!(!vault.verify_recovery_code(&secret(&RecoveryCode::generate().expose_grouped())));
    assert!(!vault.verify_recovery_code(&secret("nonsense")));
}

#[test]
fn change_passphrase_keeps_data_and_the_old_passphrase_stops_working() {
    let f = fixture();
    let (vault, _) = create(&f);
    insert_entry(&vault, "before the change");
    let err = vault
        .change_passphrase(
            &secret("wrong current"),
            &secret("new one"),
            KdfParams::floor(),
        )
        .expect_err("current checked");
    assert!(matches!(err, VaultError::WrongSecret { .. }));
    vault
        .change_passphrase(
            &secret(PASS),
            &secret("a brand new passphrase"),
            KdfParams::floor(),
        )
        .expect("change");
    drop(vault);
    let err = Vault::unlock_with_passphrase(&f.dir, &secret(PASS)).expect_err("old fails");
    assert_eq!(code_of(&err), "wrong_secret");
    // The previous copy was refreshed too: the old passphrase doesn't work through it either.
    fs::remove_file(f.dir.file(KEYS_FILE)).expect("rm");
    let err = Vault::unlock_with_passphrase(&f.dir, &secret(PASS)).expect_err("old fails via prev");
    assert_eq!(code_of(&err), "wrong_secret");
    let vault =
        Vault::unlock_with_passphrase(&f.dir, &secret("a brand new passphrase")).expect("new");
    assert_eq!(bodies(&vault), vec!["before the change".to_owned()]);
}

#[test]
fn reset_with_recovery_code_sets_a_new_passphrase_and_keeps_data() {
    let f = fixture();
    let (vault, code) = create(&f);
    insert_entry(&vault, "still here");
    drop(vault);
    let vault = Vault::reset_passphrase_with_recovery_code(
        &f.dir,
        &secret(&code.expose_grouped()),
        &secret("remembered now"),
        KdfParams::floor(),
    )
    .expect("reset");
    assert_eq!(bodies(&vault), vec!["still here".to_owned()]);
    drop(vault);
    assert!(Vault::unlock_with_passphrase(&f.dir, &secret(PASS)).is_err());
    Vault::unlock_with_passphrase(&f.dir, &secret("remembered now")).expect("new passphrase");
    // The recovery code keeps working after a reset.
    Vault::unlock_with_recovery_code(&f.dir, &secret(&code.expose_grouped())).expect("code");
}

#[test]
fn second_open_of_the_same_folder_is_busy_while_the_first_holds_it() {
    let f = fixture();
    let err = VaultDir::open(f.dir.path()).expect_err("busy");
    assert!(matches!(err, VaultError::Busy), "{err:?}");
    let (vault, _) = create(&f);
    let path = f.dir.path().to_path_buf();
    let Fixture { _tmp, dir } = f;
    drop(dir);
    // The open vault still holds the folder.
    assert!(matches!(VaultDir::open(&path), Err(VaultError::Busy)));
    drop(vault);
    VaultDir::open(&path).expect("free again");
}

#[cfg(unix)]
#[test]
fn data_folder_is_0700_and_every_file_in_it_0600() {
    use std::os::unix::fs::PermissionsExt;
    let f = fixture();
    let (vault, _) = create(&f);
    insert_entry(&vault, "mode check");
    crate::prefs::Prefs::default()
        .save(f.dir.path())
        .expect("prefs");
    vault
        .set_pin(&secret("1234"), &MemoryStore::default())
        .expect("pin");
    let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(f.dir.path()), 0o700);
    let mut seen = 0;
    for entry in fs::read_dir(f.dir.path()).expect("list") {
        let path = entry.expect("entry").path();
        assert_eq!(mode(&path), 0o600, "{}", path.display());
        seen += 1;
    }
    // db, -wal, -shm, keys, prev, prefs, lock
    assert!(seen >= 7, "saw {seen} files");
}

#[test]
fn database_file_never_starts_with_the_sqlite_header_nor_holds_entry_text() {
    let f = fixture();
    let (vault, _) = create(&f);
    let needle = "a distinctive plaintext needle 9f8e7d";
    insert_entry(&vault, needle);
    for name in [DB_FILE.to_owned(), format!("{DB_FILE}-wal")] {
        let bytes = fs::read(f.dir.file(&name)).expect("read");
        assert!(!bytes.starts_with(b"SQLite format 3"), "{name}");
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "{name}"
        );
    }
    vault.lock();
    let bytes = fs::read(f.dir.file(DB_FILE)).expect("read");
    assert!(!bytes.starts_with(b"SQLite format 3"));
    assert!(!bytes.windows(needle.len()).any(|w| w == needle.as_bytes()));
}

#[test]
fn create_refuses_when_a_vault_exists_and_unlock_without_one_is_no_vault() {
    let f = fixture();
    let err = Vault::unlock_with_passphrase(&f.dir, &secret(PASS)).expect_err("none");
    assert!(matches!(err, VaultError::NoVault), "{err:?}");
    assert!(!f.dir.exists());
    drop(create(&f));
    assert!(f.dir.exists());
    let err = Vault::create(&f.dir, &secret("x"), KdfParams::floor()).expect_err("exists");
    assert!(matches!(err, VaultError::VaultExists));
}

#[test]
fn empty_passphrase_is_invalid_input() {
    let f = fixture();
    let err = Vault::create(&f.dir, &secret("   "), KdfParams::floor()).expect_err("empty");
    assert_eq!(code_of(&err), "invalid_input");
    assert!(!f.dir.exists());
}

#[test]
fn leftover_database_from_an_unfinished_create_is_replaced() {
    let f = fixture();
    fs::write(f.dir.file(DB_FILE), b"half-made").expect("write");
    let (vault, _) = create(&f);
    insert_entry(&vault, "fresh");
    assert_eq!(bodies(&vault).len(), 1);
}

#[test]
fn missing_database_next_to_a_key_file_is_reported_not_recreated() {
    let f = fixture();
    drop(create(&f));
    fs::remove_file(f.dir.file(DB_FILE)).expect("rm");
    let err = Vault::unlock_with_passphrase(&f.dir, &secret(PASS)).expect_err("missing");
    assert_eq!(code_of(&err), "corrupt");
    assert!(!f.dir.file(DB_FILE).exists());
}

#[test]
fn pin_unlocks_and_a_right_pin_resets_the_wrong_pin_count() {
    let f = fixture();
    let store = MemoryStore::default();
    let (vault, _) = create(&f);
    insert_entry(&vault, "pin data");
    assert!(!f.dir.pin_enabled());
    vault.set_pin(&secret("2468"), &store).expect("set pin");
    assert!(f.dir.pin_enabled());
    assert_eq!(store.len(), 1);
    drop(vault);
    for left in [4, 3] {
        let err = Vault::unlock_with_pin(&f.dir, &secret("1111"), &store).expect_err("wrong");
        assert_eq!(err.attempts_left(), Some(left), "{err:?}");
    }
    let vault = Vault::unlock_with_pin(&f.dir, &secret("2468"), &store).expect("right pin");
    assert_eq!(bodies(&vault), vec!["pin data".to_owned()]);
    drop(vault);
    let err = Vault::unlock_with_pin(&f.dir, &secret("1111"), &store).expect_err("wrong");
    assert_eq!(err.attempts_left(), Some(4), "counter was reset");
}

#[test]
fn fifth_wrong_pin_removes_the_pin_slot_and_its_keychain_entry() {
    let f = fixture();
    let store = MemoryStore::default();
    let (vault, _) = create(&f);
    vault.set_pin(&secret("13579"), &store).expect("set pin");
    drop(vault);
    for left in [4, 3, 2, 1] {
        let err = Vault::unlock_with_pin(&f.dir, &secret("00000"), &store).expect_err("wrong");
        assert!(
            matches!(err, VaultError::WrongSecret { attempts_left: Some(n) } if n == left),
            "{err:?}"
        );
    }
    let err = Vault::unlock_with_pin(&f.dir, &secret("00000"), &store).expect_err("fifth");
    assert!(matches!(err, VaultError::PinRemoved), "{err:?}");
    assert!(!f.dir.pin_enabled());
    assert_eq!(store.len(), 0, "keychain entry deleted");
    // Even the right PIN no longer works; the passphrase does.
    let err = Vault::unlock_with_pin(&f.dir, &secret("13579"), &store).expect_err("gone");
    assert_eq!(code_of(&err), "pin_removed");
    Vault::unlock_with_passphrase(&f.dir, &secret(PASS)).expect("passphrase");
}

#[test]
fn pin_whose_keychain_secret_vanished_is_turned_off() {
    let f = fixture();
    let store = MemoryStore::default();
    let (vault, _) = create(&f);
    vault.set_pin(&secret("2468"), &store).expect("set pin");
    drop(vault);
    store.entries.lock().expect("lock").clear();
    let err = Vault::unlock_with_pin(&f.dir, &secret("2468"), &store).expect_err("lost");
    assert!(matches!(err, VaultError::PinLost), "{err:?}");
    assert!(!f.dir.pin_enabled());
}

#[test]
fn passphrase_unlock_clears_the_wrong_pin_count() {
    let f = fixture();
    let store = MemoryStore::default();
    let (vault, _) = create(&f);
    vault.set_pin(&secret("2468"), &store).expect("set pin");
    drop(vault);
    for _ in 0..3 {
        let _ = Vault::unlock_with_pin(&f.dir, &secret("1111"), &store);
    }
    drop(Vault::unlock_with_passphrase(&f.dir, &secret(PASS)).expect("passphrase"));
    let err = Vault::unlock_with_pin(&f.dir, &secret("1111"), &store).expect_err("wrong");
    assert_eq!(err.attempts_left(), Some(4));
}

#[test]
fn set_pin_without_a_keychain_is_keychain_unavailable_and_changes_nothing() {
    let f = fixture();
    let (vault, _) = create(&f);
    let before = fs::read(f.dir.file(KEYS_FILE)).expect("read");
    let err = vault
        .set_pin(&secret("1234"), &MissingStore)
        .expect_err("no keychain");
    assert_eq!(code_of(&err), "keychain_unavailable");
    assert!(err.to_string().contains("passphrase always works"), "{err}");
    assert_eq!(fs::read(f.dir.file(KEYS_FILE)).expect("read"), before);
    assert!(!f.dir.pin_enabled());
}

#[test]
fn pin_must_be_four_to_twelve_digits() {
    let f = fixture();
    let (vault, _) = create(&f);
    let store = MemoryStore::default();
    for bad in ["123", "1234567890123", "12a4", "", "١٢٣٤"] {
        let err = vault.set_pin(&secret(bad), &store).expect_err(bad);
        assert_eq!(code_of(&err), "invalid_input", "{bad}");
    }
    assert_eq!(store.len(), 0);
}

#[test]
fn remove_pin_deletes_slot_and_keychain_entry() {
    let f = fixture();
    let store = MemoryStore::default();
    let (vault, _) = create(&f);
    vault.set_pin(&secret("2468"), &store).expect("set pin");
    vault.remove_pin(&store).expect("remove");
    assert!(!f.dir.pin_enabled());
    assert_eq!(store.len(), 0);
    vault.remove_pin(&store).expect("idempotent");
}

#[test]
fn setting_a_pin_keeps_the_previous_key_file_as_prev() {
    let f = fixture();
    let (vault, _) = create(&f);
    let before = fs::read(f.dir.file(KEYS_FILE)).expect("read");
    vault
        .set_pin(&secret("2468"), &MemoryStore::default())
        .expect("pin");
    let after = fs::read(f.dir.file(KEYS_FILE)).expect("read");
    assert_ne!(before, after);
    assert_eq!(fs::read(f.dir.file(KEYS_PREV_FILE)).expect("prev"), before);
}

#[test]
fn damaged_key_file_falls_back_to_prev_and_is_repaired() {
    let f = fixture();
    drop(create(&f));
    fs::write(f.dir.file(KEYS_FILE), b"{ not json").expect("damage");
    drop(Vault::unlock_with_passphrase(&f.dir, &secret(PASS)).expect("via prev"));
    let repaired = fs::read(f.dir.file(KEYS_FILE)).expect("read");
    assert!(super::slots::KeyFile::parse(&repaired).is_ok());
}

#[test]
fn damaged_key_file_without_a_good_copy_is_corrupt_with_a_clear_message() {
    let f = fixture();
    drop(create(&f));
    fs::write(f.dir.file(KEYS_FILE), b"{ not json").expect("damage");
    fs::write(f.dir.file(KEYS_PREV_FILE), b"also broken").expect("damage");
    let err = Vault::unlock_with_passphrase(&f.dir, &secret(PASS)).expect_err("corrupt");
    assert_eq!(code_of(&err), "corrupt");
    assert!(err.to_string().contains("cove.keys"), "{err}");
}

#[test]
fn key_file_with_params_below_the_floor_is_refused_as_tampered() {
    let f = fixture();
    drop(create(&f));
    for name in [KEYS_FILE, KEYS_PREV_FILE] {
        let text = fs::read_to_string(f.dir.file(name)).expect("read");
        let weak = text.replace("\"memoryKib\": 65536", "\"memoryKib\": 16384");
        assert_ne!(weak, text);
        fs::write(f.dir.file(name), weak).expect("write");
    }
    let err = Vault::unlock_with_passphrase(&f.dir, &secret(PASS)).expect_err("refused");
    assert_eq!(code_of(&err), "corrupt");
    assert!(err.to_string().contains("tampered"), "{err}");
}

#[test]
fn raise_kdf_params_rewraps_and_refuses_weaker_settings() {
    let f = fixture();
    let (vault, _) = create(&f);
    let stronger = KdfParams::new(80 * 1024, 3, 4).expect("params");
    vault
        .raise_kdf_params(&secret(PASS), stronger)
        .expect("raise");
    assert_eq!(f.dir.passphrase_kdf_params().expect("params"), stronger);
    let err = vault
        .raise_kdf_params(&secret(PASS), KdfParams::floor())
        .expect_err("weaker");
    assert_eq!(code_of(&err), "invalid_input");
    drop(vault);
    Vault::unlock_with_passphrase(&f.dir, &secret(PASS)).expect("unlock");
}

#[test]
fn profile_roundtrips_through_the_encrypted_database() {
    let f = fixture();
    let (vault, _) = create(&f);
    assert_eq!(vault.profile().expect("empty"), Profile::default());
    vault
        .save_profile(&Profile {
            name: Some("  Rowan ".into()),
            pronouns: PronounSet::common("they"),
            ..Profile::default()
        })
        .expect("save");
    drop(vault);
    let vault = Vault::unlock_with_passphrase(&f.dir, &secret(PASS)).expect("unlock");
    assert_eq!(
        vault.profile().expect("load"),
        Profile {
            name: Some("Rowan".into()),
            pronouns: PronounSet::common("they"),
            ..Profile::default()
        }
    );
    let err = vault
        .save_profile(&Profile {
            name: Some("x".repeat(201)),
            ..Profile::default()
        })
        .expect_err("long");
    assert_eq!(code_of(&err), "invalid_input");
}

/// Every file in the data folder, read as bytes.
fn data_files(f: &Fixture) -> Vec<(String, Vec<u8>)> {
    fs::read_dir(f.dir.path())
        .expect("read dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).expect("read"),
            )
        })
        .collect()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn names_in_any_script_and_custom_sets_round_trip_through_a_real_vault() {
    let f = fixture();
    let (vault, _) = create(&f);
    let name = "ماهر 🌈 {name} <b>Zoë</b> 'x'";
    let xe = PronounSet {
        id: "custom".into(),
        subject: "xe".into(),
        object: "{xem}".into(),
        determiner: "<xyr>".into(),
        possessive: "".into(),
        reflexive: "xemself".into(),
        plural_verbs: false,
    };
    let profile = Profile {
        name: Some(format!("  {name}\u{a0}")),
        pronouns: Some(xe.clone()),
        shared: Some(SharedAddressing {
            name: Some("שׁירה".into()),
            pronouns: PronounSet::common("they"),
        }),
        spanish: Some(SpanishAddressing {
            pronoun: Some(" elle ".into()),
            ending: SpanishEnding::X,
        }),
    };
    vault.save_profile(&profile).expect("save");
    vault.lock();
    let vault = Vault::unlock_with_passphrase(&f.dir, &secret(PASS)).expect("unlock");
    let stored = vault.profile().expect("load");
    assert_eq!(
        stored.name.as_deref(),
        Some(name),
        "trimmed, otherwise exact"
    );
    assert_eq!(stored.pronouns, Some(xe));
    assert_eq!(
        stored.shared,
        Some(SharedAddressing {
            name: Some("שׁירה".into()),
            pronouns: PronounSet::common("they"),
        })
    );
    assert_eq!(
        stored.spanish,
        Some(SpanishAddressing {
            pronoun: Some("elle".into()),
            ending: SpanishEnding::X,
        })
    );
    vault.lock();
    for (file, bytes) in data_files(&f) {
        for text in ["ماهر", "שׁירה", "{xem}", "xemself"] {
            assert!(!contains(&bytes, text), "{text} in plaintext in {file}");
        }
    }
}

#[test]
fn a_profile_saved_before_pronoun_sets_is_read_as_a_set_and_saved_in_the_new_shape() {
    let f = fixture();
    let (vault, _) = create(&f);
    vault
        .conn()
        .execute(
            "INSERT INTO settings (key, value) VALUES ('profile', ?1)",
            [r#"{"name":"Sam","pronouns":"she/her"}"#],
        )
        .expect("old profile");
    let loaded = vault.profile().expect("load");
    assert_eq!(loaded.name.as_deref(), Some("Sam"));
    assert_eq!(loaded.pronouns, PronounSet::common("she"));
    vault.save_profile(&loaded).expect("save again");
    let json: String = vault
        .conn()
        .query_row(
            "SELECT value FROM settings WHERE key = 'profile'",
            [],
            |r| r.get(0),
        )
        .expect("row");
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(value["pronouns"]["id"], "she");
    assert_eq!(value["pronouns"]["reflexive"], "herself");
    assert_eq!(vault.profile().expect("again"), loaded);

    vault
        .conn()
        .execute(
            "UPDATE settings SET value = ?1 WHERE key = 'profile'",
            [r#"{"name":null,"pronouns":"xe/xem/xyr/xyrs/xemself"}"#],
        )
        .expect("old custom");
    let custom = vault.profile().expect("load").pronouns.expect("set");
    assert_eq!(custom.id, "custom");
    assert_eq!(
        [
            custom.subject.as_str(),
            &custom.object,
            &custom.determiner,
            &custom.possessive,
            &custom.reflexive
        ],
        ["xe", "xem", "xyr", "xyrs", "xemself"]
    );
}

#[test]
fn a_custom_set_without_its_first_pronoun_is_refused_and_the_saved_profile_kept() {
    let f = fixture();
    let (vault, _) = create(&f);
    let good = Profile {
        name: Some("Rowan".into()),
        pronouns: PronounSet::common("he"),
        ..Profile::default()
    };
    vault.save_profile(&good).expect("save");
    let bad = Profile {
        pronouns: Some(PronounSet {
            id: "custom".into(),
            object: "xem".into(),
            ..PronounSet::default()
        }),
        ..good.clone()
    };
    let err = vault.save_profile(&bad).expect_err("no subject");
    assert_eq!(code_of(&err), "invalid_input");
    assert_eq!(
        err.to_string(),
        "Please add at least the first pronoun, like 'xe'."
    );
    let unknown = Profile {
        shared: Some(SharedAddressing {
            name: None,
            pronouns: Some(PronounSet {
                id: "zz".into(),
                ..PronounSet::common("they").expect("they")
            }),
        }),
        ..good.clone()
    };
    assert_eq!(
        code_of(&vault.save_profile(&unknown).expect_err("unknown id")),
        "invalid_input"
    );
    assert_eq!(vault.profile().expect("kept"), good);
}

#[test]
fn database_uses_wal_full_sync_foreign_keys_and_secure_delete() {
    let f = fixture();
    let (vault, _) = create(&f);
    let c = vault.conn();
    let q = |sql: &str| c.query_row(sql, [], |r| r.get::<_, String>(0)).expect(sql);
    let n = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).expect(sql);
    assert_eq!(q("PRAGMA journal_mode"), "wal");
    assert_eq!(n("PRAGMA synchronous"), 2);
    assert_eq!(n("PRAGMA foreign_keys"), 1);
    assert_eq!(n("PRAGMA secure_delete"), 1);
    assert_eq!(n("PRAGMA user_version"), 5);
    assert_eq!(q("PRAGMA cipher_log_level"), "NONE");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]
    /// With real Argon2id and real files: a flipped bit anywhere in `cove.keys` (with no good
    /// copy to fall back to) never lets both the passphrase and the recovery code in.
    #[test]
    fn a_flipped_bit_in_the_real_key_file_is_always_noticed(pos in any::<prop::sample::Index>(), bit in 0u8..8) {
        let f = fixture();
        let (vault, code) = create(&f);
        drop(vault);
        fs::remove_file(f.dir.file(KEYS_PREV_FILE)).expect("rm prev");
        let mut bytes = fs::read(f.dir.file(KEYS_FILE)).expect("read");
        let i = pos.index(bytes.len());
        bytes[i] ^= 1 << bit;
        fs::write(f.dir.file(KEYS_FILE), &bytes).expect("write");
        let by_pass = Vault::unlock_with_passphrase(&f.dir, &secret(PASS)).map(drop);
        let by_code = Vault::unlock_with_recovery_code(&f.dir, &secret(&code.expose_grouped())).map(drop);
        prop_assert!(by_pass.is_err() || by_code.is_err(), "flip at {} went unnoticed", i);
    }
}

//! Shared fixtures for the unit tests of domain modules: a real data folder in a temporary
//! directory, and secrets built from test strings.

use chrono::{DateTime, FixedOffset};
use secrecy::SecretString;

use crate::journal::{EntryDraft, EntryKind};
use crate::vault::{KdfParams, Vault, VaultDir};

/// A data folder in a temporary directory, removed when the fixture is dropped.
pub struct Fixture {
    /// Kept so the directory lives as long as the fixture.
    pub _tmp: tempfile::TempDir,
    pub dir: VaultDir,
}

pub fn fixture() -> Fixture {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = VaultDir::open(tmp.path().join("data")).expect("open dir");
    Fixture { _tmp: tmp, dir }
}

/// A new, unlocked vault in its own temporary data folder (the cheapest KDF settings).
pub struct TestVault {
    /// The data folder; public so tests can look at the files beside the vault.
    pub _f: Fixture,
    pub vault: Vault,
}

impl TestVault {
    pub fn conn(&self) -> &rusqlite::Connection {
        self.vault.conn()
    }
}

pub fn test_vault(passphrase: &str) -> TestVault {
    let f = fixture();
    let vault = Vault::create(&f.dir, &secret(passphrase), KdfParams::floor())
        .expect("create")
        .0;
    TestVault { _f: f, vault }
}

pub fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

/// A moment in local time with its offset, from RFC 3339 text.
pub fn at(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).expect("time")
}

/// A free-writing draft with only a body.
pub fn free(body: &str) -> EntryDraft {
    EntryDraft {
        id: None,
        kind: EntryKind::Free,
        title: None,
        body: body.into(),
        tags: Vec::new(),
        prompt_id: None,
        checkin: None,
        goal: None,
        identity: None,
    }
}

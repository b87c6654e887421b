//! Shared fixtures for the unit tests of domain modules: a real data folder in a temporary
//! directory, and secrets built from test strings.

use secrecy::SecretString;

use crate::vault::VaultDir;

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

pub fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

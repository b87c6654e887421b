//! The OS keychain, behind a small trait so the PIN logic can be tested and the app can show
//! plainly when the keychain is missing, locked or broken.
//!
//! Only one kind of thing is ever stored there: a random 32-byte *device secret* per vault,
//! which the PIN slot mixes into its key. There is never a plaintext fallback: without a
//! working keychain, the PIN option is simply off and the passphrase is the way in.

use rand::RngCore;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zeroize::Zeroizing;

/// Service name under which Cove's keychain entries are filed.
pub const KEYCHAIN_SERVICE: &str = "app.cove.journal";

/// Shown when no keychain service answers at all.
pub const REASON_MISSING: &str = "The system keychain isn't available on this computer, so the PIN option is off. Your passphrase always works.";
/// Shown when the keychain exists but is locked or refused access.
pub const REASON_LOCKED: &str = "The system keychain is locked or didn't let Cove in, so the PIN option is off. Your passphrase always works.";
/// Shown when the keychain answered but misbehaved.
pub const REASON_BROKEN: &str = "The system keychain didn't work as expected, so the PIN option is off. Your passphrase always works.";

/// Whether the PIN option can be offered, and if not, why (in plain words).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeychainStatus {
    pub available: bool,
    pub reason: Option<String>,
}

/// The keychain could not be used. `reason` is for the person; `detail` for logs.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{reason}")]
pub struct KeychainError {
    pub reason: String,
    pub detail: String,
}

impl KeychainError {
    pub fn new(reason: &str, detail: impl Into<String>) -> Self {
        KeychainError {
            reason: reason.to_owned(),
            detail: detail.into(),
        }
    }
}

/// Where the per-vault device secret lives. `account` names the entry inside Cove's service.
pub trait DeviceSecretStore: Send + Sync {
    /// The stored secret, or `None` when there is no such entry.
    fn get(&self, account: &str) -> Result<Option<Zeroizing<Vec<u8>>>, KeychainError>;
    /// Stores (or replaces) the secret.
    fn set(&self, account: &str, secret: &[u8]) -> Result<(), KeychainError>;
    /// Removes the entry; removing a missing entry succeeds.
    fn delete(&self, account: &str) -> Result<(), KeychainError>;

    /// Tries a real store → read back → delete of a throwaway entry and says whether the PIN
    /// option can be offered.
    fn probe(&self) -> KeychainStatus {
        let mut tag = [0u8; 8];
        let mut value = Zeroizing::new([0u8; 32]);
        rand::rngs::OsRng.fill_bytes(&mut tag);
        rand::rngs::OsRng.fill_bytes(value.as_mut());
        let account = format!("probe-{}", hex(&tag));
        let outcome = (|| {
            self.set(&account, value.as_ref())?;
            let read = self.get(&account)?;
            let _ = self.delete(&account);
            match read {
                Some(bytes) if bytes.as_slice() == &value[..] => Ok(()),
                _ => Err(KeychainError::new(
                    REASON_BROKEN,
                    "probe entry read back differently",
                )),
            }
        })();
        match outcome {
            Ok(()) => KeychainStatus {
                available: true,
                reason: None,
            },
            Err(e) => {
                log::info!("keychain unavailable: {}", e.detail);
                KeychainStatus {
                    available: false,
                    reason: Some(e.reason),
                }
            }
        }
    }
}

/// The keychain account holding the device secret of the vault with this id (hex).
pub fn device_secret_account(vault_id_hex: &str) -> String {
    format!("device-secret-{vault_id_hex}")
}

/// The real OS keychain through the `keyring` crate (Secret Service on Linux, Keychain on
/// macOS, Credential Manager on Windows).
#[derive(Debug, Clone)]
pub struct OsKeychain {
    service: String,
}

impl Default for OsKeychain {
    fn default() -> Self {
        Self::new()
    }
}

impl OsKeychain {
    /// Cove's own service name, [`KEYCHAIN_SERVICE`].
    pub fn new() -> Self {
        OsKeychain {
            service: KEYCHAIN_SERVICE.to_owned(),
        }
    }

    /// A different service name (tests use this to stay out of the real entries' way).
    pub fn with_service(service: impl Into<String>) -> Self {
        OsKeychain {
            service: service.into(),
        }
    }

    fn entry(&self, account: &str) -> Result<keyring::Entry, KeychainError> {
        keyring::Entry::new(&self.service, account).map_err(map_keyring_error)
    }
}

fn map_keyring_error(err: keyring::Error) -> KeychainError {
    match &err {
        keyring::Error::NoStorageAccess(_) => KeychainError::new(REASON_LOCKED, err.to_string()),
        keyring::Error::PlatformFailure(_) => KeychainError::new(REASON_MISSING, err.to_string()),
        _ => KeychainError::new(REASON_BROKEN, err.to_string()),
    }
}

impl DeviceSecretStore for OsKeychain {
    fn get(&self, account: &str) -> Result<Option<Zeroizing<Vec<u8>>>, KeychainError> {
        match self.entry(account)?.get_secret() {
            Ok(bytes) => Ok(Some(Zeroizing::new(bytes))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_keyring_error(e)),
        }
    }

    fn set(&self, account: &str, secret: &[u8]) -> Result<(), KeychainError> {
        self.entry(account)?
            .set_secret(secret)
            .map_err(map_keyring_error)
    }

    fn delete(&self, account: &str) -> Result<(), KeychainError> {
        match self.entry(account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_keyring_error(e)),
        }
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Test doubles for unit tests of the PIN counter logic only; the real keychain is exercised
/// by `tests/vault_keychain.rs`.
#[cfg(test)]
pub(crate) mod doubles {
    use super::*;
    use std::collections::HashMap;
    use std::sync::Mutex;

    #[derive(Default)]
    pub struct MemoryStore {
        pub entries: Mutex<HashMap<String, Vec<u8>>>,
    }

    impl MemoryStore {
        pub fn len(&self) -> usize {
            self.entries.lock().map(|m| m.len()).unwrap_or(0)
        }
    }

    impl DeviceSecretStore for MemoryStore {
        fn get(&self, account: &str) -> Result<Option<Zeroizing<Vec<u8>>>, KeychainError> {
            let map = self.entries.lock().expect("lock");
            Ok(map.get(account).cloned().map(Zeroizing::new))
        }
        fn set(&self, account: &str, secret: &[u8]) -> Result<(), KeychainError> {
            let mut map = self.entries.lock().expect("lock");
            map.insert(account.to_owned(), secret.to_vec());
            Ok(())
        }
        fn delete(&self, account: &str) -> Result<(), KeychainError> {
            let mut map = self.entries.lock().expect("lock");
            map.remove(account);
            Ok(())
        }
    }

    /// A keychain that never answers, like a desktop without Secret Service.
    pub struct MissingStore;

    impl DeviceSecretStore for MissingStore {
        fn get(&self, _: &str) -> Result<Option<Zeroizing<Vec<u8>>>, KeychainError> {
            Err(KeychainError::new(REASON_MISSING, "test double"))
        }
        fn set(&self, _: &str, _: &[u8]) -> Result<(), KeychainError> {
            Err(KeychainError::new(REASON_MISSING, "test double"))
        }
        fn delete(&self, _: &str) -> Result<(), KeychainError> {
            Err(KeychainError::new(REASON_MISSING, "test double"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::doubles::*;
    use super::*;

    #[test]
    fn probe_reports_a_working_store_and_leaves_nothing_behind() {
        let store = MemoryStore::default();
        assert_eq!(
            store.probe(),
            KeychainStatus {
                available: true,
                reason: None
            }
        );
        assert_eq!(store.len(), 0);
    }

    #[test]
    fn probe_explains_a_missing_keychain_in_plain_words() {
        let status = MissingStore.probe();
        assert!(!status.available);
        let reason = status.reason.expect("reason");
        assert!(reason.contains("passphrase always works"), "{reason}");
    }
}

//! What the app keeps between commands: the data folder (held locked for the app's life so no
//! second process can open the same vault) and, while unlocked, the open vault.

use std::path::Path;
use std::sync::{Mutex, MutexGuard, OnceLock};

use super::error::{CommandError, CommandResult, ErrorCode};
use crate::vault::{
    calibrate_kdf, DeviceSecretStore, KdfParams, KeychainStatus, OsKeychain, Vault, VaultDir,
    KDF_TARGET,
};

pub struct AppState {
    dir: Result<VaultDir, CommandError>,
    session: Mutex<Option<Vault>>,
    pub keychain: Box<dyn DeviceSecretStore>,
    /// Probed once per run, and only when the PIN option is about to be offered: a probe is a
    /// real write to the keychain, and on a desktop whose keyring is locked it makes the system
    /// ask for the keyring password. Start-up and the lock screen never touch the keychain.
    keychain_status: OnceLock<KeychainStatus>,
    /// Argon2id parameters measured once per run for about `KDF_TARGET` on this machine.
    kdf: OnceLock<KdfParams>,
}

impl AppState {
    pub fn open(path: &Path) -> Self {
        Self::with_keychain(path, Box::new(OsKeychain::new()))
    }

    /// The same, with another keychain (the command tests use one that records its calls).
    pub fn with_keychain(path: &Path, keychain: Box<dyn DeviceSecretStore>) -> Self {
        Self {
            dir: VaultDir::open(path).map_err(CommandError::from),
            session: Mutex::new(None),
            keychain,
            keychain_status: OnceLock::new(),
            kdf: OnceLock::new(),
        }
    }

    pub fn keychain_status(&self) -> KeychainStatus {
        self.keychain_status
            .get_or_init(|| self.keychain.probe())
            .clone()
    }

    /// Parameters for a new passphrase slot, calibrated on first use.
    pub fn kdf_params(&self) -> KdfParams {
        *self.kdf.get_or_init(|| calibrate_kdf(KDF_TARGET))
    }

    /// The data folder, or the reason it could not be opened (e.g. another Cove has it).
    pub fn dir(&self) -> CommandResult<&VaultDir> {
        self.dir.as_ref().map_err(Clone::clone)
    }

    pub fn session(&self) -> CommandResult<MutexGuard<'_, Option<Vault>>> {
        self.session.lock().map_err(|_| {
            CommandError::new(
                ErrorCode::Internal,
                "Cove hit an internal problem. Please restart it.",
            )
        })
    }

    /// Runs `f` with the open vault, or answers `Locked`.
    pub fn with_vault<T>(
        &self,
        f: impl FnOnce(&mut Vault) -> CommandResult<T>,
    ) -> CommandResult<T> {
        let mut guard = self.session()?;
        match guard.as_mut() {
            Some(vault) => f(vault),
            None => Err(CommandError::locked()),
        }
    }
}

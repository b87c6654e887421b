//! What the app keeps between commands: the data folder (held locked for the app's life so no
//! second process can open the same vault) and, while unlocked, the open vault.

use std::path::Path;
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use super::error::{CommandError, CommandResult, ErrorCode};
use crate::backup::{CancelToken, JobTracker};
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
    /// Backups: progress of the running job, one backup at a time, cancelling on lock.
    pub(crate) backups: BackupState,
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
            backups: BackupState::default(),
        }
    }

    /// When the automatic backup starts after an unlock; `None` turns automatic backups off
    /// (command tests that count backup files).
    pub fn set_automatic_backups(&self, first_delay: Option<Duration>) {
        *lock(&self.backups.automatic) = first_delay;
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

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // These mutexes guard plain values that are always left consistent.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// How long after an unlock the automatic backup starts (the first screen gets the disk first).
pub const AUTOMATIC_BACKUP_DELAY: Duration = Duration::from_secs(3);

/// What the backup commands share: the running job's progress (read by `job_progress` without
/// the session mutex), the one-backup-at-a-time lock, the unlocked session's cancel token
/// (locking cancels it: a running backup stops, the automatic thread ends, the key copy is
/// dropped), and the last problem to show on the Backups screen.
pub(crate) struct BackupState {
    pub jobs: JobTracker,
    /// Automatic-backup threads alive now (0 or 1 once the previous one has noticed its end).
    pub automatic_threads: AtomicUsize,
    running: Mutex<()>,
    session: Mutex<Option<Arc<CancelToken>>>,
    problem: Mutex<Option<CommandError>>,
    automatic: Mutex<Option<Duration>>,
}

impl Default for BackupState {
    fn default() -> Self {
        BackupState {
            jobs: JobTracker::new(),
            automatic_threads: AtomicUsize::new(0),
            running: Mutex::new(()),
            session: Mutex::new(None),
            problem: Mutex::new(None),
            automatic: Mutex::new(Some(AUTOMATIC_BACKUP_DELAY)),
        }
    }
}

impl BackupState {
    /// Held while a backup or restore runs: they never overlap. Taken before the session mutex.
    pub fn running(&self) -> MutexGuard<'_, ()> {
        lock(&self.running)
    }

    /// A journal was just unlocked: a fresh cancel token (the previous one is cancelled).
    pub fn begin_session(&self) -> Arc<CancelToken> {
        let token = CancelToken::new();
        if let Some(old) = lock(&self.session).replace(token.clone()) {
            old.cancel();
        }
        token
    }

    /// The journal is being locked: cancel whatever backup runs for it.
    pub fn end_session(&self) {
        if let Some(old) = lock(&self.session).take() {
            old.cancel();
        }
    }

    /// The unlocked session's token, if a journal is unlocked.
    pub fn session_token(&self) -> Option<Arc<CancelToken>> {
        lock(&self.session).clone()
    }

    /// The first delay of automatic backups, or `None` when they are off.
    pub fn automatic_delay(&self) -> Option<Duration> {
        *lock(&self.automatic)
    }

    pub fn problem(&self) -> Option<CommandError> {
        lock(&self.problem).clone()
    }

    /// Records the outcome of the last backup: a problem, or `None` after a full success.
    pub fn set_problem(&self, problem: Option<CommandError>) {
        *lock(&self.problem) = problem;
    }
}

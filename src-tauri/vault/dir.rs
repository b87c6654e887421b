//! The data folder and its exclusive lock.
//!
//! `VaultDir` is cheap to clone (it shares one lock). The app keeps one for its whole life;
//! every open `Vault` holds a clone too, so the folder stays locked while the journal is open.

use std::fmt;
use std::fs::{self, File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use super::error::{Result, VaultError};
use super::fsutil::{ensure_private_dir, open_private, restrict_if_exists, write_atomic};
use super::kdf::KdfParams;
use super::slots::{KeyFile, SlotKdf, SlotKind, VaultId};
use super::swap::{self, SwitchStep};

/// The encrypted SQLCipher database.
pub const DB_FILE: &str = "cove.db";
/// The key-slot file.
pub const KEYS_FILE: &str = "cove.keys";
/// The previous (or mirror) copy of the key-slot file.
pub const KEYS_PREV_FILE: &str = "cove.keys.prev";
/// Plaintext, non-secret preferences for the lock screen.
pub const PREFS_FILE: &str = "prefs.json";
/// Plaintext mirror of the reminder schedule (times and weekdays only), so reminders can fire
/// while the journal is locked (`goals/mirror.rs`).
pub const REMINDERS_FILE: &str = "reminders.json";
/// The lock file; holding an exclusive lock on it means "this process owns the vault".
pub const LOCK_FILE: &str = "cove.lock";

/// The data folder, locked for this process.
#[derive(Clone)]
pub struct VaultDir {
    inner: Arc<DirInner>,
}

struct DirInner {
    path: PathBuf,
    /// Held for the lifetime of the last clone; the OS releases it if the process dies.
    _lock: File,
    /// Serialises read-modify-write cycles of the key-slot file inside this process.
    keys_guard: Mutex<()>,
}

impl fmt::Debug for VaultDir {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VaultDir")
            .field("path", &self.inner.path)
            .finish()
    }
}

/// Where a loaded key file came from.
pub(crate) struct LoadedKeys {
    pub file: KeyFile,
    /// True when `cove.keys` was missing or damaged and `cove.keys.prev` was used.
    pub from_prev: bool,
}

/// What happens to `cove.keys.prev` when `cove.keys` is replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PrevPolicy {
    /// Copy the current (valid) `cove.keys` to `.prev` first: adding a PIN.
    KeepPrevious,
    /// Write the new content to both files: the change revokes a secret (new passphrase,
    /// stronger KDF, PIN removed) or creates the vault, so no old slot lingers in `.prev`.
    ReplaceBoth,
    /// Only `cove.keys`: the PIN attempt counter, which `.prev` is never used for.
    PrimaryOnly,
}

impl VaultDir {
    /// Opens (creating if needed) the data folder at `path` and locks it for this process.
    /// A second opener, in this process or another, gets `Busy` until the first lets go.
    pub fn open(path: impl AsRef<Path>) -> Result<VaultDir> {
        let path = path.as_ref().to_path_buf();
        ensure_private_dir(&path).map_err(|e| VaultError::io("open its data folder", e))?;
        let lock = open_private(&path.join(LOCK_FILE), false)
            .map_err(|e| VaultError::io("open its data folder", e))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Err(VaultError::Busy),
            Err(TryLockError::Error(e)) => return Err(VaultError::io("lock its data folder", e)),
        }
        let dir = VaultDir {
            inner: Arc::new(DirInner {
                path,
                _lock: lock,
                keys_guard: Mutex::new(()),
            }),
        };
        // A restore interrupted after its commit point is finished before anything reads the
        // folder; staged files of one that never reached it are cleared (`swap.rs`).
        if swap::finish_interrupted_restore(&dir.inner.path)
            .map_err(|e| VaultError::io("finish restoring a backup", e))?
        {
            log::warn!("finished a restore that was interrupted");
        }
        dir.tidy()?;
        Ok(dir)
    }

    /// Makes every known file owner-only and removes temporary files a crash left behind.
    fn tidy(&self) -> Result<()> {
        let db_wal = format!("{DB_FILE}-wal");
        let db_shm = format!("{DB_FILE}-shm");
        for name in [
            DB_FILE,
            &db_wal,
            &db_shm,
            KEYS_FILE,
            KEYS_PREV_FILE,
            PREFS_FILE,
            REMINDERS_FILE,
        ] {
            restrict_if_exists(&self.file(name))
                .map_err(|e| VaultError::io("protect its files", e))?;
        }
        let entries =
            fs::read_dir(self.path()).map_err(|e| VaultError::io("read its data folder", e))?;
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') && name.contains(".tmp-") {
                let _ = fs::remove_file(entry.path());
            }
        }
        Ok(())
    }

    /// The data folder.
    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// True when a journal has been created here (its key file, or the copy of it, exists).
    pub fn exists(&self) -> bool {
        self.file(KEYS_FILE).exists() || self.file(KEYS_PREV_FILE).exists()
    }

    /// True when `cove.keys` has a PIN slot (the PIN is only ever read from `cove.keys`).
    pub fn pin_enabled(&self) -> bool {
        self.load_keys(false)
            .map(|k| k.file.slot(SlotKind::Pin).is_some())
            .unwrap_or(false)
    }

    /// The Argon2id parameters of the passphrase slot (to decide whether to raise them).
    pub fn passphrase_kdf_params(&self) -> Result<KdfParams> {
        let loaded = self.load_keys(true)?;
        match loaded.file.slot(SlotKind::Passphrase).map(|s| s.kdf) {
            Some(SlotKdf::Argon2id(p)) => Ok(p),
            _ => Err(VaultError::Internal(
                "passphrase slot without argon2id".into(),
            )),
        }
    }

    /// The id of the journal in this folder (read from its key file, which is not secret), or
    /// `None` when there is no readable key file.
    pub(crate) fn stored_vault_id(&self) -> Option<VaultId> {
        self.load_keys(true).ok().map(|k| k.file.vault_id)
    }

    /// The current key file as bytes (falling back to `cove.keys.prev` like an unlock), for a
    /// restore of this same journal that keeps today's key slots.
    pub(crate) fn key_file_bytes(&self) -> Result<Vec<u8>> {
        let _guard = self.keys_guard();
        self.load_keys(true)?.file.to_bytes()
    }

    /// Switches the folder to the staged restore (`swap.rs`). The caller has closed the old
    /// journal. `stop_after` plays a crash after that step (tests only; `None` in the app).
    pub(crate) fn switch_to_staged(&self, stop_after: Option<SwitchStep>) -> Result<()> {
        let _guard = self.keys_guard();
        swap::switch_to_staged(self.path(), stop_after)
            .map_err(|e| VaultError::io("switch to the restored journal", e))
    }

    /// Finishes a restore interrupted after its commit point (also done by [`VaultDir::open`]).
    pub(crate) fn finish_interrupted_restore(&self) -> Result<()> {
        let _guard = self.keys_guard();
        swap::finish_interrupted_restore(self.path())
            .map(|_| ())
            .map_err(|e| VaultError::io("finish restoring a backup", e))
    }

    /// Removes the staged files of a restore that is abandoned before its commit point.
    pub(crate) fn discard_staged(&self) -> Result<()> {
        swap::discard_staged(self.path()).map_err(|e| VaultError::io("tidy its data folder", e))
    }

    pub(crate) fn file(&self, name: &str) -> PathBuf {
        self.inner.path.join(name)
    }

    pub(crate) fn keys_guard(&self) -> MutexGuard<'_, ()> {
        // The guard protects no data of its own, so a panic elsewhere cannot leave it broken.
        self.inner
            .keys_guard
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Reads `cove.keys`; with `fallback`, uses `cove.keys.prev` when `cove.keys` is missing,
    /// unreadable or damaged.
    pub(crate) fn load_keys(&self, fallback: bool) -> Result<LoadedKeys> {
        let primary = match fs::read(self.file(KEYS_FILE)) {
            Ok(bytes) => match KeyFile::parse(&bytes) {
                Ok(file) => {
                    return Ok(LoadedKeys {
                        file,
                        from_prev: false,
                    })
                }
                Err(why) => Some(damaged(KEYS_FILE, &why)),
            },
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => Some(VaultError::io("read its key file", e)),
        };
        if !fallback {
            return Err(primary.unwrap_or(if self.exists() {
                damaged(KEYS_FILE, "it is missing")
            } else {
                VaultError::NoVault
            }));
        }
        match fs::read(self.file(KEYS_PREV_FILE)) {
            Ok(bytes) => match KeyFile::parse(&bytes) {
                Ok(file) => {
                    log::warn!("cove.keys unusable; using cove.keys.prev");
                    Ok(LoadedKeys {
                        file,
                        from_prev: true,
                    })
                }
                Err(why) => Err(primary.unwrap_or_else(|| damaged(KEYS_PREV_FILE, &why))),
            },
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                Err(primary.unwrap_or(VaultError::NoVault))
            }
            Err(e) => Err(primary.unwrap_or_else(|| VaultError::io("read its key file", e))),
        }
    }

    /// Replaces `cove.keys` atomically, handling `cove.keys.prev` per `policy`.
    pub(crate) fn save_keys(&self, file: &KeyFile, policy: PrevPolicy) -> Result<()> {
        let bytes = file.to_bytes()?;
        let keys = self.file(KEYS_FILE);
        let prev = self.file(KEYS_PREV_FILE);
        let save = |e| VaultError::io("save its key file", e);
        if policy == PrevPolicy::KeepPrevious {
            // Only a readable, valid file is worth keeping: never overwrite a good copy
            // with a damaged one.
            if let Ok(current) = fs::read(&keys) {
                if KeyFile::parse(&current).is_ok() {
                    write_atomic(&prev, &current).map_err(save)?;
                }
            }
        }
        write_atomic(&keys, &bytes).map_err(save)?;
        if policy == PrevPolicy::ReplaceBoth {
            write_atomic(&prev, &bytes).map_err(save)?;
        }
        Ok(())
    }
}

fn damaged(name: &str, why: &str) -> VaultError {
    VaultError::Corrupt(format!(
        "Cove's key file ({name}) is damaged or was changed outside Cove, so it can't be used: {why}."
    ))
}

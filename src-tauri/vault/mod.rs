//! The vault: the encrypted journal database and the keys that open it.
//!
//! Layout of the data folder (all files `0600`, folder `0700`; see `docs/vault-format.md`):
//! `cove.db` (SQLCipher 4, keyed with a random 256-bit data key), `cove.keys` (key slots that
//! wrap the data key), `cove.keys.prev` (previous copy), `prefs.json` (not secret), `cove.lock`.
//!
//! Usage: the app opens one [`VaultDir`] for its lifetime and keeps `Mutex<Option<Vault>>`.
//! Locking is dropping the [`Vault`] (or [`Vault::lock`]): the connection closes and the data key
//! is zeroized. This module never imports Tauri.

mod db;
mod dir;
mod error;
pub mod fsutil;
mod kdf;
mod keychain;
pub mod migrations;
mod profile;
mod recovery;
pub mod settings;
mod slots;
mod swap;

use std::fmt;

use rand::RngCore;
use rusqlite::Connection;
use secrecy::{ExposeSecret, SecretBox, SecretString};
use zeroize::Zeroizing;

pub use dir::{
    VaultDir, DB_FILE, KEYS_FILE, KEYS_PREV_FILE, LOCK_FILE, PREFS_FILE, REMINDERS_FILE,
};
pub use error::{Result, VaultError};
pub use kdf::{calibrate_kdf, KdfParams};
pub use keychain::{
    device_secret_account, DeviceSecretStore, KeychainError, KeychainStatus, OsKeychain,
    KEYCHAIN_SERVICE,
};
pub use profile::{
    normalize_name, Profile, PronounSet, SharedAddressing, SpanishAddressing, SpanishEnding,
    PROFILE_FIELD_MAX_CHARS, PRONOUN_FORM_MAX_CHARS, PRONOUN_SET_IDS,
};
pub use recovery::RecoveryCode;
pub use slots::{VaultId, MAX_PIN_ATTEMPTS};
pub use swap::{SwitchStep, RESTORE_MARKER, STAGED_DB, STAGED_KEYS};

pub(crate) use db::open_keyed;
pub(crate) use kdf::KEY_LEN;
pub(crate) use slots::DataKey;

use dir::PrevPolicy;
use kdf::normalize_passphrase;
use keychain::REASON_BROKEN;
use slots::{keys_equal, KeyFile, Slot, SlotKdf, SlotKind, SlotSecret};

/// How long unlocking with the passphrase should take on this machine (`calibrate_kdf`).
pub const KDF_TARGET: std::time::Duration = std::time::Duration::from_millis(500);

/// Longest passphrase accepted, in characters.
pub const PASSPHRASE_MAX_CHARS: usize = 1024;
/// Shortest PIN, in digits.
pub const PIN_MIN_DIGITS: usize = 4;
/// Longest PIN, in digits.
pub const PIN_MAX_DIGITS: usize = 12;

/// An unlocked journal. Dropping it locks: the connection closes and the data key is zeroized.
pub struct Vault {
    conn: Connection,
    dek: DataKey,
    vault_id: VaultId,
    /// Keeps the data folder locked while the journal is open.
    dir: VaultDir,
}

impl fmt::Debug for Vault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Vault")
            .field("dir", &self.dir)
            .field("vault_id", &self.vault_id.to_hex())
            .finish_non_exhaustive()
    }
}

impl Vault {
    /// Creates a new journal in `dir`: a random data key, the encrypted database, a passphrase
    /// slot with `params`, and a recovery slot whose code is returned (show it once).
    pub fn create(
        dir: &VaultDir,
        passphrase: &SecretString,
        params: KdfParams,
    ) -> Result<(Vault, RecoveryCode)> {
        let pass = normalize_passphrase(passphrase);
        check_new_passphrase(&pass)?;
        let _guard = dir.keys_guard();
        if dir.exists() {
            return Err(VaultError::VaultExists);
        }
        // A database without a key file is the leftover of a creation that never finished:
        // nothing can ever open it, so it is cleared before starting again.
        remove_database_files(dir)?;

        let vault_id = VaultId::random();
        let dek: DataKey =
            SecretBox::init_with_mut(|k: &mut [u8; KEY_LEN]| rand::rngs::OsRng.fill_bytes(k));
        // Pre-create the file owner-only: SQLite gives -wal/-shm the same mode as the database.
        fsutil::open_private(&dir.file(DB_FILE), true)
            .map_err(|e| VaultError::io("create the journal file", e))?;
        let conn = db::open_database(&dir.file(DB_FILE), dek.expose_secret(), true)?;

        let pass_slot = Slot::seal(
            SlotKind::Passphrase,
            SlotKdf::Argon2id(params),
            &vault_id,
            dek.expose_secret(),
            &SlotSecret::Passphrase(pass.as_bytes()),
        )?;
        let code = RecoveryCode::generate();
        let recovery_slot = Slot::seal(
            SlotKind::Recovery,
            SlotKdf::HkdfSha256,
            &vault_id,
            dek.expose_secret(),
            &SlotSecret::Recovery(code.expose_bytes()),
        )?;
        let file = KeyFile::new(vault_id, pass_slot, recovery_slot);
        // Writing the key file is the moment the journal comes into existence.
        if let Err(e) = dir.save_keys(&file, PrevPolicy::ReplaceBoth) {
            drop(conn);
            let _ = remove_database_files(dir);
            return Err(e);
        }
        let vault = Vault {
            conn,
            dek,
            vault_id,
            dir: dir.clone(),
        };
        Ok((vault, code))
    }

    /// Unlocks with the passphrase (NFC-normalised). Falls back to `cove.keys.prev` when
    /// `cove.keys` is missing or damaged, and then repairs `cove.keys` from it.
    pub fn unlock_with_passphrase(dir: &VaultDir, passphrase: &SecretString) -> Result<Vault> {
        let pass = normalize_passphrase(passphrase);
        let _guard = dir.keys_guard();
        let loaded = dir.load_keys(true)?;
        let dek = open_slot(
            &loaded.file,
            SlotKind::Passphrase,
            &SlotSecret::Passphrase(pass.as_bytes()),
        )?;
        let vault = Vault::open_with_dek(dir, loaded.file.vault_id, dek)?;
        after_strong_unlock(dir, loaded.file, loaded.from_prev);
        Ok(vault)
    }

    /// Unlocks with the recovery code (any case, spaces and dashes allowed).
    pub fn unlock_with_recovery_code(dir: &VaultDir, code: &SecretString) -> Result<Vault> {
        let code = RecoveryCode::parse(code.expose_secret())?;
        let _guard = dir.keys_guard();
        let loaded = dir.load_keys(true)?;
        let dek = open_slot(
            &loaded.file,
            SlotKind::Recovery,
            &SlotSecret::Recovery(code.expose_bytes()),
        )?;
        let vault = Vault::open_with_dek(dir, loaded.file.vault_id, dek)?;
        after_strong_unlock(dir, loaded.file, loaded.from_prev);
        Ok(vault)
    }

    /// Unlocks with the PIN and the device secret from `store`.
    ///
    /// Each attempt is written to `cove.keys` before it is tried. A right PIN resets the count;
    /// the fifth wrong one in a row deletes the PIN slot and the keychain entry (`PinRemoved`).
    pub fn unlock_with_pin(
        dir: &VaultDir,
        pin: &SecretString,
        store: &dyn DeviceSecretStore,
    ) -> Result<Vault> {
        let pin = normalize_pin(pin)?;
        let _guard = dir.keys_guard();
        let mut file = dir.load_keys(false)?.file;
        let Some(slot) = file.slot(SlotKind::Pin).cloned() else {
            return Err(VaultError::PinNotSet);
        };
        let account = device_secret_account(&file.vault_id.to_hex());
        if slot.failed_attempts >= MAX_PIN_ATTEMPTS {
            remove_pin_slot(dir, &mut file, store, &account)?;
            return Err(VaultError::PinRemoved);
        }
        let device_secret = match store.get(&account) {
            Ok(Some(secret)) if secret.len() == KEY_LEN => secret,
            Ok(_) => {
                // The keychain lost (or mangled) the device secret: this PIN slot can never
                // open again, so it is removed rather than counting pointless attempts.
                remove_pin_slot(dir, &mut file, store, &account)?;
                return Err(VaultError::PinLost);
            }
            Err(e) => return Err(VaultError::KeychainUnavailable(e.reason)),
        };

        let attempt = slot.failed_attempts + 1;
        set_pin_attempts(&mut file, attempt);
        dir.save_keys(&file, PrevPolicy::PrimaryOnly)?;
        let opened = slot.open(
            &file.vault_id,
            &SlotSecret::Pin {
                pin: pin.as_bytes(),
                device_secret: &device_secret,
            },
        )?;
        match opened {
            Some(dek) => {
                set_pin_attempts(&mut file, 0);
                dir.save_keys(&file, PrevPolicy::PrimaryOnly)?;
                Vault::open_with_dek(dir, file.vault_id, dek)
            }
            None if attempt >= MAX_PIN_ATTEMPTS => {
                remove_pin_slot(dir, &mut file, store, &account)?;
                Err(VaultError::PinRemoved)
            }
            None => Err(VaultError::WrongSecret {
                attempts_left: Some(MAX_PIN_ATTEMPTS - attempt),
            }),
        }
    }

    /// Sets a new passphrase using the recovery code, and unlocks. Only the passphrase slot is
    /// rewritten; the database and the recovery code stay as they are.
    pub fn reset_passphrase_with_recovery_code(
        dir: &VaultDir,
        code: &SecretString,
        new_passphrase: &SecretString,
        params: KdfParams,
    ) -> Result<Vault> {
        let code = RecoveryCode::parse(code.expose_secret())?;
        let new_pass = normalize_passphrase(new_passphrase);
        check_new_passphrase(&new_pass)?;
        let _guard = dir.keys_guard();
        let mut file = dir.load_keys(true)?.file;
        let dek = open_slot(
            &file,
            SlotKind::Recovery,
            &SlotSecret::Recovery(code.expose_bytes()),
        )?;
        let vault = Vault::open_with_dek(dir, file.vault_id, dek)?;
        let slot = Slot::seal(
            SlotKind::Passphrase,
            SlotKdf::Argon2id(params),
            &file.vault_id,
            vault.dek.expose_secret(),
            &SlotSecret::Passphrase(new_pass.as_bytes()),
        )?;
        file.put_slot(slot);
        set_pin_attempts(&mut file, 0);
        dir.save_keys(&file, PrevPolicy::ReplaceBoth)?;
        Ok(vault)
    }

    /// Replaces the passphrase. `current` must open the passphrase slot; the data key is
    /// re-wrapped, the database is not re-encrypted.
    pub fn change_passphrase(
        &self,
        current: &SecretString,
        new: &SecretString,
        params: KdfParams,
    ) -> Result<()> {
        let new_pass = normalize_passphrase(new);
        check_new_passphrase(&new_pass)?;
        self.rewrap_passphrase(current, &new_pass, params)
    }

    /// Re-wraps the passphrase slot with stronger Argon2id parameters (each cost ≥ the current).
    pub fn raise_kdf_params(&self, passphrase: &SecretString, params: KdfParams) -> Result<()> {
        let current = self.dir.passphrase_kdf_params()?;
        if !params.at_least(&current) {
            return Err(VaultError::InvalidInput(
                "The new key-stretching settings must be at least as strong as the current ones."
                    .into(),
            ));
        }
        let pass = normalize_passphrase(passphrase);
        self.rewrap_passphrase(passphrase, &pass, params)
    }

    fn rewrap_passphrase(
        &self,
        current: &SecretString,
        new_pass: &Zeroizing<String>,
        params: KdfParams,
    ) -> Result<()> {
        let current = normalize_passphrase(current);
        let _guard = self.dir.keys_guard();
        let mut file = self.load_own_keys()?;
        let dek = open_slot(
            &file,
            SlotKind::Passphrase,
            &SlotSecret::Passphrase(current.as_bytes()),
        )?;
        if !keys_equal(dek.expose_secret(), self.dek.expose_secret()) {
            return Err(VaultError::Corrupt(
                "The key file holds a different key than the open journal.".into(),
            ));
        }
        let slot = Slot::seal(
            SlotKind::Passphrase,
            SlotKdf::Argon2id(params),
            &file.vault_id,
            self.dek.expose_secret(),
            &SlotSecret::Passphrase(new_pass.as_bytes()),
        )?;
        file.put_slot(slot);
        self.dir.save_keys(&file, PrevPolicy::ReplaceBoth)
    }

    /// Turns on (or replaces) the PIN: 4–12 digits. Needs a working keychain, where a fresh
    /// random device secret is stored; otherwise `KeychainUnavailable` and nothing changes.
    pub fn set_pin(&self, pin: &SecretString, store: &dyn DeviceSecretStore) -> Result<()> {
        let pin = normalize_pin(pin)?;
        let _guard = self.dir.keys_guard();
        let mut file = self.load_own_keys()?;
        let params = match file.slot(SlotKind::Passphrase).map(|s| s.kdf) {
            Some(SlotKdf::Argon2id(p)) => p,
            _ => KdfParams::floor(),
        };
        let account = device_secret_account(&self.vault_id.to_hex());
        let mut secret = Zeroizing::new([0u8; KEY_LEN]);
        rand::rngs::OsRng.fill_bytes(secret.as_mut());
        store
            .set(&account, secret.as_ref())
            .map_err(|e| VaultError::KeychainUnavailable(e.reason))?;
        match store.get(&account) {
            Ok(Some(read)) if read.as_slice() == &secret[..] => {}
            Ok(_) => {
                let _ = store.delete(&account);
                return Err(VaultError::KeychainUnavailable(REASON_BROKEN.into()));
            }
            Err(e) => {
                let _ = store.delete(&account);
                return Err(VaultError::KeychainUnavailable(e.reason));
            }
        }
        let slot = Slot::seal(
            SlotKind::Pin,
            SlotKdf::Argon2id(params),
            &self.vault_id,
            self.dek.expose_secret(),
            &SlotSecret::Pin {
                pin: pin.as_bytes(),
                device_secret: secret.as_ref(),
            },
        )?;
        file.put_slot(slot);
        if let Err(e) = self.dir.save_keys(&file, PrevPolicy::KeepPrevious) {
            let _ = store.delete(&account);
            return Err(e);
        }
        Ok(())
    }

    /// Turns the PIN off: removes the PIN slot and the keychain entry. Idempotent.
    pub fn remove_pin(&self, store: &dyn DeviceSecretStore) -> Result<()> {
        let _guard = self.dir.keys_guard();
        let mut file = self.load_own_keys()?;
        let account = device_secret_account(&self.vault_id.to_hex());
        if file.slot(SlotKind::Pin).is_none() {
            let _ = store.delete(&account);
            return Ok(());
        }
        remove_pin_slot(&self.dir, &mut file, store, &account)
    }

    /// True when `code` opens the recovery slot of this journal (used to confirm the user
    /// wrote the code down correctly).
    pub fn verify_recovery_code(&self, code: &SecretString) -> bool {
        let Ok(code) = RecoveryCode::parse(code.expose_secret()) else {
            return false;
        };
        let Ok(file) = self.load_own_keys() else {
            return false;
        };
        match open_slot(
            &file,
            SlotKind::Recovery,
            &SlotSecret::Recovery(code.expose_bytes()),
        ) {
            Ok(dek) => keys_equal(dek.expose_secret(), self.dek.expose_secret()),
            Err(_) => false,
        }
    }

    /// The open database connection, for domain modules that store through the vault.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The data folder this journal lives in.
    pub fn dir(&self) -> &VaultDir {
        &self.dir
    }

    /// This journal's random id.
    pub fn vault_id(&self) -> VaultId {
        self.vault_id
    }

    /// What a backup needs to copy this journal on its own connection (with a zeroizing copy of
    /// the data key), so the session is not held while the copy runs.
    pub fn backup_source(&self) -> BackupSource {
        BackupSource {
            dir: self.dir.clone(),
            vault_id: self.vault_id,
            dek: copy_key(&self.dek),
        }
    }

    /// A zeroizing copy of the data key (to read a backup of this same journal).
    pub(crate) fn data_key_copy(&self) -> DataKey {
        copy_key(&self.dek)
    }

    /// Opens the journal in `dir` with a data key already unwrapped elsewhere (a restore that
    /// just opened the backup's key slots with the person's passphrase or recovery code).
    pub(crate) fn open_with_data_key(dir: &VaultDir, dek: DataKey) -> Result<Vault> {
        let _guard = dir.keys_guard();
        let loaded = dir.load_keys(true)?;
        Vault::open_with_dek(dir, loaded.file.vault_id, dek)
    }

    /// The chosen name and pronouns (empty profile if never saved).
    pub fn profile(&self) -> Result<Profile> {
        profile::load_profile(&self.conn)
    }

    /// Saves name and pronouns (trimmed; blank → none; at most 200 characters each).
    pub fn save_profile(&self, profile: &Profile) -> Result<()> {
        profile::save_profile(&self.conn, profile).map(|_| ())
    }

    /// Locks: zeroizes the data key and closes the database (checkpointing the WAL). Dropping
    /// the vault does the same; this only adds a log line if closing reports a problem.
    pub fn lock(self) {
        let Vault { conn, dek, .. } = self;
        drop(dek);
        if let Err((_, e)) = conn.close() {
            // Nothing is lost: every commit was already durable. The handle is dropped anyway.
            log::warn!("closing the journal database reported: {}", e);
        }
    }

    fn open_with_dek(dir: &VaultDir, vault_id: VaultId, dek: DataKey) -> Result<Vault> {
        let db_path = dir.file(DB_FILE);
        if !db_path.exists() {
            return Err(VaultError::Corrupt(
                "The journal file (cove.db) is missing from Cove's folder, so there is nothing to \
                 unlock. If you have a backup, restore it there."
                    .into(),
            ));
        }
        let conn = db::open_database(&db_path, dek.expose_secret(), false)?;
        Ok(Vault {
            conn,
            dek,
            vault_id,
            dir: dir.clone(),
        })
    }

    /// The current key file, checked to belong to this journal.
    fn load_own_keys(&self) -> Result<KeyFile> {
        let file = self.dir.load_keys(true)?.file;
        if file.vault_id != self.vault_id {
            return Err(VaultError::Corrupt(
                "The key file was replaced by one from a different journal.".into(),
            ));
        }
        Ok(file)
    }
}

/// Everything a backup needs to copy the open journal without holding the session: the data
/// folder, the journal's id and a zeroizing copy of the data key. Drop it as soon as the backup
/// ends (locking cancels a running backup, which drops it).
pub struct BackupSource {
    dir: VaultDir,
    vault_id: VaultId,
    dek: DataKey,
}

impl fmt::Debug for BackupSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BackupSource")
            .field("dir", &self.dir)
            .field("vault_id", &self.vault_id.to_hex())
            .finish_non_exhaustive()
    }
}

impl BackupSource {
    pub fn dir(&self) -> &VaultDir {
        &self.dir
    }

    pub fn vault_id(&self) -> VaultId {
        self.vault_id
    }

    pub(crate) fn data_key(&self) -> &[u8; KEY_LEN] {
        self.dek.expose_secret()
    }

    /// A second connection to `cove.db`, keyed with the same data key. It sees the journal
    /// through SQLite's WAL, so a read transaction on it is a consistent snapshot while the
    /// app's own connection keeps writing.
    pub(crate) fn open_connection(&self) -> Result<Connection> {
        let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE;
        Ok(db::open_keyed(
            &self.dir.file(DB_FILE),
            self.dek.expose_secret(),
            flags,
        )?)
    }

    /// The current key file for a backup: checked to belong to this journal, without the PIN
    /// slot (its device secret lives in this computer's keychain only, so in a backup it could
    /// never open anything; a restored journal opens with the passphrase or recovery code).
    pub(crate) fn key_file_for_backup(&self) -> Result<Vec<u8>> {
        let _guard = self.dir.keys_guard();
        let mut file = self.dir.load_keys(true)?.file;
        if file.vault_id != self.vault_id {
            return Err(VaultError::Corrupt(
                "The key file was replaced by one from a different journal.".into(),
            ));
        }
        file.remove_pin_slot();
        file.to_bytes()
    }
}

/// A secret that opens the key slots of a key file given as bytes (a backup's `cove.keys`).
pub(crate) enum KeyFileSecret<'a> {
    Passphrase(&'a SecretString),
    RecoveryCode(&'a SecretString),
}

/// Opens a key file given as bytes (a backup's) with the passphrase (NFC-normalised) or the
/// recovery code, and returns its journal's id and data key. A file that does not parse is
/// `Corrupt`; a secret that does not open the slot is `WrongSecret`.
pub(crate) fn open_key_file(bytes: &[u8], secret: KeyFileSecret<'_>) -> Result<(VaultId, DataKey)> {
    let file = KeyFile::parse(bytes).map_err(VaultError::Corrupt)?;
    let dek = match secret {
        KeyFileSecret::Passphrase(pass) => {
            let pass = normalize_passphrase(pass);
            open_slot(
                &file,
                SlotKind::Passphrase,
                &SlotSecret::Passphrase(pass.as_bytes()),
            )?
        }
        KeyFileSecret::RecoveryCode(code) => {
            let code = RecoveryCode::parse(code.expose_secret())?;
            open_slot(
                &file,
                SlotKind::Recovery,
                &SlotSecret::Recovery(code.expose_bytes()),
            )?
        }
    };
    Ok((file.vault_id, dek))
}

/// The vault id a key file given as bytes names, without opening anything.
pub(crate) fn key_file_vault_id(bytes: &[u8]) -> Result<VaultId> {
    KeyFile::parse(bytes)
        .map(|f| f.vault_id)
        .map_err(VaultError::Corrupt)
}

fn copy_key(dek: &DataKey) -> DataKey {
    SecretBox::init_with_mut(|k: &mut [u8; KEY_LEN]| k.copy_from_slice(dek.expose_secret()))
}

fn open_slot(file: &KeyFile, kind: SlotKind, secret: &SlotSecret<'_>) -> Result<DataKey> {
    let slot = file
        .slot(kind)
        .ok_or_else(|| VaultError::Internal(format!("no {} slot", kind.as_str())))?;
    slot.open(&file.vault_id, secret)?
        .ok_or(VaultError::WrongSecret {
            attempts_left: None,
        })
}

/// After a passphrase or recovery unlock: repair `cove.keys` from `.prev` if needed, and clear
/// the PIN attempt counter (the person just proved who they are). Failures only get logged:
/// the journal is already open and nothing here is needed for that.
fn after_strong_unlock(dir: &VaultDir, mut file: KeyFile, from_prev: bool) {
    let had_attempts = file
        .slot(SlotKind::Pin)
        .is_some_and(|s| s.failed_attempts > 0);
    if !from_prev && !had_attempts {
        return;
    }
    set_pin_attempts(&mut file, 0);
    if dir.save_keys(&file, PrevPolicy::PrimaryOnly).is_err() {
        log::warn!("could not rewrite cove.keys after unlocking");
    }
}

fn set_pin_attempts(file: &mut KeyFile, attempts: u32) {
    if let Some(pin) = file.slot_mut(SlotKind::Pin) {
        pin.failed_attempts = attempts;
    }
}

fn remove_pin_slot(
    dir: &VaultDir,
    file: &mut KeyFile,
    store: &dyn DeviceSecretStore,
    account: &str,
) -> Result<()> {
    file.remove_pin_slot();
    dir.save_keys(file, PrevPolicy::ReplaceBoth)?;
    if store.delete(account).is_err() {
        // The slot is gone, so the orphaned device secret opens nothing.
        log::warn!("could not delete the PIN's keychain entry");
    }
    Ok(())
}

fn remove_database_files(dir: &VaultDir) -> Result<()> {
    for name in [
        DB_FILE.to_owned(),
        format!("{DB_FILE}-wal"),
        format!("{DB_FILE}-shm"),
    ] {
        match std::fs::remove_file(dir.file(&name)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(VaultError::io("clear an unfinished journal", e)),
        }
    }
    Ok(())
}

fn check_new_passphrase(pass: &Zeroizing<String>) -> Result<()> {
    if pass.trim().is_empty() {
        return Err(VaultError::InvalidInput(
            "Please choose a passphrase: it's what keeps your journal private.".into(),
        ));
    }
    if pass.chars().count() > PASSPHRASE_MAX_CHARS {
        return Err(VaultError::InvalidInput(format!(
            "That passphrase is longer than Cove can take ({PASSPHRASE_MAX_CHARS} characters)."
        )));
    }
    Ok(())
}

/// A PIN is 4–12 ASCII digits; surrounding spaces are ignored.
fn normalize_pin(pin: &SecretString) -> Result<Zeroizing<String>> {
    let trimmed = pin.expose_secret().trim();
    let ok = (PIN_MIN_DIGITS..=PIN_MAX_DIGITS).contains(&trimmed.len())
        && trimmed.bytes().all(|b| b.is_ascii_digit());
    if !ok {
        return Err(VaultError::InvalidInput(format!(
            "A PIN is {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits, numbers only."
        )));
    }
    Ok(Zeroizing::new(trimmed.to_owned()))
}

#[cfg(test)]
mod tests;

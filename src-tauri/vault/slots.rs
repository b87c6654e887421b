//! The key-slot file `cove.keys`: format version 1, specified byte for byte in
//! `docs/vault-format.md`.
//!
//! Each slot wraps the same 32-byte data key (DEK) with XChaCha20-Poly1305 under a
//! key-encryption key (KEK) derived from one secret (passphrase, recovery code, PIN). The AEAD's
//! associated data is the slot's canonical header (format version, vault id, kind, KDF and its
//! parameters, salt), so changing any of them makes the slot fail to open. Nothing here is a
//! verifier: a wrong secret is only noticed because authentication fails.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, AeadInPlace, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use secrecy::SecretBox;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::error::{Result, VaultError};
use super::kdf::{argon2id, hkdf_sha256, KdfParams, KEY_LEN};
use super::keychain::hex;

/// First field of the file, and first bytes of every slot's associated data.
pub const MAGIC: &str = "cove-keys";
/// The only format version this code reads and writes.
pub const FORMAT_VERSION: u32 = 1;
/// Bytes in a vault id.
pub const VAULT_ID_LEN: usize = 16;
/// Bytes in a slot salt.
pub const SALT_LEN: usize = 32;
/// Bytes in an XChaCha20-Poly1305 nonce.
pub const NONCE_LEN: usize = 24;
/// Bytes in a wrapped DEK: 32 bytes of ciphertext + 16 bytes of Poly1305 tag.
pub const WRAPPED_LEN: usize = KEY_LEN + 16;
/// Argon2 version number recorded in passphrase and PIN slots (0x13).
pub const ARGON2_VERSION: u32 = 19;
/// Wrong PINs allowed; the one that reaches this count removes the PIN slot.
pub const MAX_PIN_ATTEMPTS: u32 = 5;

/// HKDF `info` for the recovery slot's KEK.
pub const RECOVERY_INFO: &[u8] = b"cove recovery slot v1";
/// HKDF `info` for mixing the PIN's Argon2id output with the device secret.
pub const PIN_INFO: &[u8] = b"cove pin slot v1";

const KDF_ARGON2ID: &str = "argon2id";
const KDF_HKDF: &str = "hkdf-sha256";

/// The data key: 32 random bytes, kept in zeroizing heap memory.
pub type DataKey = SecretBox<[u8; KEY_LEN]>;

/// A random 128-bit identifier of one vault, bound into every slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VaultId([u8; VAULT_ID_LEN]);

impl VaultId {
    pub(crate) fn random() -> Self {
        let mut id = [0u8; VAULT_ID_LEN];
        rand::rngs::OsRng.fill_bytes(&mut id);
        VaultId(id)
    }
    /// Lowercase hex, as used in the keychain account name.
    pub fn to_hex(&self) -> String {
        hex(&self.0)
    }
    pub fn as_bytes(&self) -> &[u8; VAULT_ID_LEN] {
        &self.0
    }
}

/// What kind of secret opens a slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotKind {
    Passphrase,
    Recovery,
    Pin,
}

impl SlotKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            SlotKind::Passphrase => "passphrase",
            SlotKind::Recovery => "recovery",
            SlotKind::Pin => "pin",
        }
    }
    fn parse(s: &str) -> Option<Self> {
        match s {
            "passphrase" => Some(SlotKind::Passphrase),
            "recovery" => Some(SlotKind::Recovery),
            "pin" => Some(SlotKind::Pin),
            _ => None,
        }
    }
}

/// How a slot's KEK is derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotKdf {
    /// Argon2id v0x13 with these costs (passphrase and PIN slots).
    Argon2id(KdfParams),
    /// HKDF-SHA256 (recovery slot: its input already carries 160 random bits).
    HkdfSha256,
}

impl SlotKdf {
    fn id(&self) -> &'static str {
        match self {
            SlotKdf::Argon2id(_) => KDF_ARGON2ID,
            SlotKdf::HkdfSha256 => KDF_HKDF,
        }
    }
    /// (argon2 version, memory KiB, iterations, parallelism); zeros for HKDF.
    fn numbers(&self) -> [u32; 4] {
        match self {
            SlotKdf::Argon2id(p) => [
                ARGON2_VERSION,
                p.memory_kib(),
                p.iterations(),
                p.parallelism(),
            ],
            SlotKdf::HkdfSha256 => [0; 4],
        }
    }
}

/// The secret presented to open (or create) a slot.
pub(crate) enum SlotSecret<'a> {
    /// NFC-normalised passphrase bytes.
    Passphrase(&'a [u8]),
    /// The 20 recovery-code bytes.
    Recovery(&'a [u8]),
    /// ASCII PIN digits and the device secret from the keychain.
    Pin {
        pin: &'a [u8],
        device_secret: &'a [u8],
    },
}

/// One key slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub kind: SlotKind,
    pub kdf: SlotKdf,
    pub salt: [u8; SALT_LEN],
    pub nonce: [u8; NONCE_LEN],
    pub wrapped: [u8; WRAPPED_LEN],
    /// Wrong PINs since the last right one (PIN slot only; not authenticated, see the spec).
    pub failed_attempts: u32,
}

impl Slot {
    /// The associated data binding this slot to its header and vault (spec §"Associated data").
    pub fn aad(&self, vault_id: &VaultId) -> Vec<u8> {
        aad_bytes(vault_id, self.kind, &self.kdf, &self.salt)
    }

    /// Derives this slot's KEK from `secret` (the expensive step for Argon2id slots).
    pub(crate) fn derive_kek(&self, secret: &SlotSecret<'_>) -> Result<Zeroizing<[u8; KEY_LEN]>> {
        derive_kek(self.kind, &self.kdf, &self.salt, secret)
    }

    /// Opens the slot with a KEK. `None` means the KEK is wrong or the slot was altered.
    pub(crate) fn open_with_kek(&self, vault_id: &VaultId, kek: &[u8; KEY_LEN]) -> Option<DataKey> {
        let cipher = XChaCha20Poly1305::new(kek.into());
        let aad = self.aad(vault_id);
        let mut buf = Zeroizing::new(Vec::with_capacity(WRAPPED_LEN));
        buf.extend_from_slice(&self.wrapped);
        cipher
            .decrypt_in_place(XNonce::from_slice(&self.nonce), &aad, &mut *buf)
            .ok()?;
        if buf.len() != KEY_LEN {
            return None;
        }
        Some(SecretBox::init_with_mut(|k: &mut [u8; KEY_LEN]| {
            k.copy_from_slice(&buf)
        }))
    }

    /// Derives the KEK from `secret` and opens the slot.
    pub(crate) fn open(
        &self,
        vault_id: &VaultId,
        secret: &SlotSecret<'_>,
    ) -> Result<Option<DataKey>> {
        let kek = self.derive_kek(secret)?;
        Ok(self.open_with_kek(vault_id, &kek))
    }

    /// Wraps `dek` in a new slot under `kek`, with a fresh random nonce.
    pub(crate) fn seal_with_kek(
        kind: SlotKind,
        kdf: SlotKdf,
        salt: [u8; SALT_LEN],
        vault_id: &VaultId,
        dek: &[u8; KEY_LEN],
        kek: &[u8; KEY_LEN],
    ) -> Result<Slot> {
        let mut nonce = [0u8; NONCE_LEN];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        Self::seal_with_nonce(kind, kdf, salt, nonce, vault_id, dek, kek)
    }

    /// Wraps `dek` with a caller-chosen nonce. Only for fixed test vectors: a nonce must never
    /// be reused with the same KEK.
    fn seal_with_nonce(
        kind: SlotKind,
        kdf: SlotKdf,
        salt: [u8; SALT_LEN],
        nonce: [u8; NONCE_LEN],
        vault_id: &VaultId,
        dek: &[u8; KEY_LEN],
        kek: &[u8; KEY_LEN],
    ) -> Result<Slot> {
        check_kind_kdf(kind, &kdf).map_err(VaultError::Internal)?;
        let aad = aad_bytes(vault_id, kind, &kdf, &salt);
        let cipher = XChaCha20Poly1305::new(kek.into());
        let ct = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: dek.as_ref(),
                    aad: &aad,
                },
            )
            .map_err(|_| VaultError::Internal("slot encryption failed".into()))?;
        let wrapped: [u8; WRAPPED_LEN] = ct
            .as_slice()
            .try_into()
            .map_err(|_| VaultError::Internal("unexpected wrapped key length".into()))?;
        Ok(Slot {
            kind,
            kdf,
            salt,
            nonce,
            wrapped,
            failed_attempts: 0,
        })
    }

    /// Creates a slot for `secret`: fresh salt, KEK derivation, wrap.
    pub(crate) fn seal(
        kind: SlotKind,
        kdf: SlotKdf,
        vault_id: &VaultId,
        dek: &[u8; KEY_LEN],
        secret: &SlotSecret<'_>,
    ) -> Result<Slot> {
        let mut salt = [0u8; SALT_LEN];
        rand::rngs::OsRng.fill_bytes(&mut salt);
        let kek = derive_kek(kind, &kdf, &salt, secret)?;
        Self::seal_with_kek(kind, kdf, salt, vault_id, dek, &kek)
    }
}

/// Builds the canonical associated data (see the spec for the exact layout).
pub fn aad_bytes(
    vault_id: &VaultId,
    kind: SlotKind,
    kdf: &SlotKdf,
    salt: &[u8; SALT_LEN],
) -> Vec<u8> {
    let mut aad = Vec::with_capacity(96);
    aad.extend_from_slice(MAGIC.as_bytes());
    aad.extend_from_slice(&FORMAT_VERSION.to_be_bytes());
    aad.extend_from_slice(&vault_id.0);
    let kind = kind.as_str().as_bytes();
    aad.push(kind.len() as u8);
    aad.extend_from_slice(kind);
    let id = kdf.id().as_bytes();
    aad.push(id.len() as u8);
    aad.extend_from_slice(id);
    for n in kdf.numbers() {
        aad.extend_from_slice(&n.to_be_bytes());
    }
    aad.push(SALT_LEN as u8);
    aad.extend_from_slice(salt);
    aad
}

fn derive_kek(
    kind: SlotKind,
    kdf: &SlotKdf,
    salt: &[u8; SALT_LEN],
    secret: &SlotSecret<'_>,
) -> Result<Zeroizing<[u8; KEY_LEN]>> {
    match (kind, kdf, secret) {
        (SlotKind::Passphrase, SlotKdf::Argon2id(params), SlotSecret::Passphrase(pass)) => {
            argon2id(pass, salt, params)
        }
        (SlotKind::Recovery, SlotKdf::HkdfSha256, SlotSecret::Recovery(code)) => {
            hkdf_sha256(salt, code, RECOVERY_INFO)
        }
        (SlotKind::Pin, SlotKdf::Argon2id(params), SlotSecret::Pin { pin, device_secret }) => {
            let stretched = argon2id(pin, salt, params)?;
            hkdf_sha256(device_secret, stretched.as_ref(), PIN_INFO)
        }
        _ => Err(VaultError::Internal(
            "secret does not match the slot kind".into(),
        )),
    }
}

fn check_kind_kdf(kind: SlotKind, kdf: &SlotKdf) -> std::result::Result<(), String> {
    match (kind, kdf) {
        (SlotKind::Passphrase | SlotKind::Pin, SlotKdf::Argon2id(_)) => Ok(()),
        (SlotKind::Recovery, SlotKdf::HkdfSha256) => Ok(()),
        _ => Err(format!("a {} slot cannot use {}", kind.as_str(), kdf.id())),
    }
}

/// The whole key-slot file, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFile {
    pub vault_id: VaultId,
    /// Always: one passphrase slot, one recovery slot, then at most one PIN slot.
    slots: Vec<Slot>,
}

impl KeyFile {
    pub(crate) fn new(vault_id: VaultId, passphrase: Slot, recovery: Slot) -> Self {
        KeyFile {
            vault_id,
            slots: vec![passphrase, recovery],
        }
    }

    pub fn slot(&self, kind: SlotKind) -> Option<&Slot> {
        self.slots.iter().find(|s| s.kind == kind)
    }

    pub(crate) fn slot_mut(&mut self, kind: SlotKind) -> Option<&mut Slot> {
        self.slots.iter_mut().find(|s| s.kind == kind)
    }

    /// Replaces the slot of the same kind (or adds a PIN slot), keeping the canonical order.
    pub(crate) fn put_slot(&mut self, slot: Slot) {
        self.slots.retain(|s| s.kind != slot.kind);
        self.slots.push(slot);
        self.slots.sort_by_key(|s| match s.kind {
            SlotKind::Passphrase => 0,
            SlotKind::Recovery => 1,
            SlotKind::Pin => 2,
        });
    }

    pub(crate) fn remove_pin_slot(&mut self) {
        self.slots.retain(|s| s.kind != SlotKind::Pin);
    }

    /// Serialises to the documented JSON form (2-space indented, `\n` line ends, trailing `\n`).
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        let json = FileJson {
            magic: MAGIC.to_owned(),
            version: FORMAT_VERSION,
            vault_id: B64.encode(self.vault_id.0),
            slots: self
                .slots
                .iter()
                .map(|s| {
                    let [version, memory, iterations, parallelism] = s.kdf.numbers();
                    let is_argon = matches!(s.kdf, SlotKdf::Argon2id(_));
                    SlotJson {
                        kind: s.kind.as_str().to_owned(),
                        kdf: KdfJson {
                            id: s.kdf.id().to_owned(),
                            version: is_argon.then_some(version),
                            memory_kib: is_argon.then_some(memory),
                            iterations: is_argon.then_some(iterations),
                            parallelism: is_argon.then_some(parallelism),
                        },
                        salt: B64.encode(s.salt),
                        nonce: B64.encode(s.nonce),
                        ciphertext: B64.encode(s.wrapped),
                        failed_attempts: (s.kind == SlotKind::Pin).then_some(s.failed_attempts),
                    }
                })
                .collect(),
        };
        let mut out = serde_json::to_vec_pretty(&json)
            .map_err(|e| VaultError::Internal(format!("key file json: {e}")))?;
        out.push(b'\n');
        Ok(out)
    }

    /// Parses and validates a key-slot file. `Err` is a sentence saying what is wrong.
    pub fn parse(bytes: &[u8]) -> std::result::Result<KeyFile, String> {
        let json: FileJson = serde_json::from_slice(bytes)
            .map_err(|e| format!("it isn't a valid key file ({e})"))?;
        if json.magic != MAGIC {
            return Err("it isn't a Cove key file".into());
        }
        if json.version != FORMAT_VERSION {
            return Err(format!(
                "it uses key-file version {}, which this version of Cove doesn't know",
                json.version
            ));
        }
        let vault_id = VaultId(decode_fixed::<VAULT_ID_LEN>(&json.vault_id, "vaultId")?);
        let mut slots = Vec::with_capacity(json.slots.len());
        for s in json.slots {
            slots.push(parse_slot(s)?);
        }
        let kinds: Vec<SlotKind> = slots.iter().map(|s| s.kind).collect();
        let order_ok = matches!(
            kinds.as_slice(),
            [SlotKind::Passphrase, SlotKind::Recovery]
                | [SlotKind::Passphrase, SlotKind::Recovery, SlotKind::Pin]
        );
        if !order_ok {
            return Err("its slots are missing, repeated or out of order".into());
        }
        Ok(KeyFile { vault_id, slots })
    }
}

fn parse_slot(s: SlotJson) -> std::result::Result<Slot, String> {
    let kind = SlotKind::parse(&s.kind).ok_or_else(|| format!("unknown slot kind {:?}", s.kind))?;
    let kdf = match s.kdf.id.as_str() {
        KDF_ARGON2ID => {
            let (Some(version), Some(m), Some(t), Some(p)) = (
                s.kdf.version,
                s.kdf.memory_kib,
                s.kdf.iterations,
                s.kdf.parallelism,
            ) else {
                return Err("an argon2id slot lacks its parameters".into());
            };
            if version != ARGON2_VERSION {
                return Err(format!("unsupported argon2 version {version}"));
            }
            let params = KdfParams::checked(m, t, p)
                .map_err(|why| format!("it may have been tampered with: {why}"))?;
            SlotKdf::Argon2id(params)
        }
        KDF_HKDF => {
            if s.kdf.version.is_some()
                || s.kdf.memory_kib.is_some()
                || s.kdf.iterations.is_some()
                || s.kdf.parallelism.is_some()
            {
                return Err("an hkdf-sha256 slot has unexpected parameters".into());
            }
            SlotKdf::HkdfSha256
        }
        other => return Err(format!("unknown key derivation {other:?}")),
    };
    check_kind_kdf(kind, &kdf)?;
    let failed_attempts = match (kind, s.failed_attempts) {
        (SlotKind::Pin, Some(n)) => n,
        (SlotKind::Pin, None) => return Err("the PIN slot lacks its attempt counter".into()),
        (_, Some(_)) => return Err("only the PIN slot has an attempt counter".into()),
        (_, None) => 0,
    };
    Ok(Slot {
        kind,
        kdf,
        salt: decode_fixed::<SALT_LEN>(&s.salt, "salt")?,
        nonce: decode_fixed::<NONCE_LEN>(&s.nonce, "nonce")?,
        wrapped: decode_fixed::<WRAPPED_LEN>(&s.ciphertext, "ciphertext")?,
        failed_attempts,
    })
}

fn decode_fixed<const N: usize>(text: &str, field: &str) -> std::result::Result<[u8; N], String> {
    let bytes = B64
        .decode(text)
        .map_err(|_| format!("its {field} isn't valid base64"))?;
    bytes
        .as_slice()
        .try_into()
        .map_err(|_| format!("its {field} has {} bytes instead of {N}", bytes.len()))
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct FileJson {
    magic: String,
    version: u32,
    vault_id: String,
    slots: Vec<SlotJson>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct SlotJson {
    kind: String,
    kdf: KdfJson,
    salt: String,
    nonce: String,
    ciphertext: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    failed_attempts: Option<u32>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct KdfJson {
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    version: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    memory_kib: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    iterations: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    parallelism: Option<u32>,
}

/// Constant-time equality of two keys.
pub(crate) fn keys_equal(a: &[u8; KEY_LEN], b: &[u8; KEY_LEN]) -> bool {
    a.iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use secrecy::ExposeSecret;

    const DEK: [u8; KEY_LEN] = [0x42; KEY_LEN];
    const KEK: [u8; KEY_LEN] = [0x17; KEY_LEN];

    /// A file whose slots are sealed under fixed KEKs, so thousands of mutations can be checked
    /// without running Argon2 each time. The fixed KEK does not depend on the header, so any
    /// failure after a header change is the associated data doing its job.
    fn sample_file(with_pin: bool) -> KeyFile {
        let id = VaultId([7; VAULT_ID_LEN]);
        let pass = Slot::seal_with_kek(
            SlotKind::Passphrase,
            SlotKdf::Argon2id(KdfParams::floor()),
            [1; SALT_LEN],
            &id,
            &DEK,
            &KEK,
        )
        .expect("seal");
        let rec = Slot::seal_with_kek(
            SlotKind::Recovery,
            SlotKdf::HkdfSha256,
            [2; SALT_LEN],
            &id,
            &DEK,
            &KEK,
        )
        .expect("seal");
        let mut file = KeyFile::new(id, pass, rec);
        if with_pin {
            let pin = Slot::seal_with_kek(
                SlotKind::Pin,
                SlotKdf::Argon2id(KdfParams::floor()),
                [3; SALT_LEN],
                &id,
                &DEK,
                &KEK,
            )
            .expect("seal");
            file.put_slot(pin);
        }
        file
    }

    fn all_slots_open(file: &KeyFile) -> bool {
        file.slots
            .iter()
            .all(|s| s.open_with_kek(&file.vault_id, &KEK).is_some())
    }

    #[test]
    fn wrap_then_unwrap_returns_the_same_data_key() {
        let file = sample_file(true);
        for slot in &file.slots {
            let dek = slot.open_with_kek(&file.vault_id, &KEK).expect("opens");
            assert_eq!(dek.expose_secret(), &DEK);
        }
        let wrong = [0x18; KEY_LEN];
        assert!(file.slots[0]
            .open_with_kek(&file.vault_id, &wrong)
            .is_none());
    }

    #[test]
    fn serialised_file_parses_back_identically() {
        for with_pin in [false, true] {
            let file = sample_file(with_pin);
            let parsed = KeyFile::parse(&file.to_bytes().expect("bytes")).expect("parse");
            assert_eq!(parsed, file);
        }
    }

    /// Every single-bit change anywhere in the serialised file either makes it unreadable or
    /// makes a slot fail to open — except inside the PIN slot's attempt counter, which is
    /// deliberately unauthenticated (documented) and may only change the counter.
    #[test]
    fn every_single_flipped_bit_in_the_file_is_detected() {
        let file = sample_file(true);
        let bytes = file.to_bytes().expect("bytes");
        let text = String::from_utf8(bytes.clone()).expect("utf8");
        let counter_at =
            text.find("\"failedAttempts\": ").expect("counter") + "\"failedAttempts\": ".len();
        for i in 0..bytes.len() {
            for bit in 0..8 {
                let mut mutated = bytes.clone();
                mutated[i] ^= 1 << bit;
                let Ok(parsed) = KeyFile::parse(&mutated) else {
                    continue;
                };
                if i == counter_at {
                    let mut expected = file.clone();
                    let n = parsed.slot(SlotKind::Pin).expect("pin").failed_attempts;
                    if let Some(pin) = expected.slot_mut(SlotKind::Pin) {
                        pin.failed_attempts = n;
                    }
                    assert_eq!(parsed, expected, "only the counter may change");
                    continue;
                }
                assert!(
                    !all_slots_open(&parsed),
                    "flip of bit {bit} at byte {i} ({:?}) went unnoticed",
                    char::from(bytes[i])
                );
            }
        }
    }

    #[test]
    fn slot_kind_cannot_be_swapped_between_slots() {
        let file = sample_file(false);
        let mut swapped = file.clone();
        swapped.slots[1].kind = SlotKind::Passphrase;
        swapped.slots[1].kdf = SlotKdf::Argon2id(KdfParams::floor());
        assert!(swapped.slots[1]
            .open_with_kek(&file.vault_id, &KEK)
            .is_none());
    }

    #[test]
    fn slot_from_another_vault_does_not_open() {
        let file = sample_file(false);
        let other = VaultId([8; VAULT_ID_LEN]);
        assert!(file.slots[0].open_with_kek(&other, &KEK).is_none());
    }

    #[test]
    fn file_with_params_below_the_floor_is_refused_as_tampered() {
        let text = String::from_utf8(sample_file(false).to_bytes().expect("bytes")).expect("utf8");
        let weak = text.replacen("\"memoryKib\": 65536", "\"memoryKib\": 32768", 1);
        assert_ne!(weak, text);
        let err = KeyFile::parse(weak.as_bytes()).expect_err("refused");
        assert!(err.contains("tampered"), "{err}");
        let weak = text.replacen("\"iterations\": 3", "\"iterations\": 1", 1);
        assert!(KeyFile::parse(weak.as_bytes()).is_err());
    }

    #[test]
    fn unknown_fields_versions_and_slot_orders_are_refused() {
        let text = String::from_utf8(sample_file(false).to_bytes().expect("bytes")).expect("utf8");
        let extra = text.replacen("\"magic\"", "\"extra\": 1,\n  \"magic\"", 1);
        assert!(KeyFile::parse(extra.as_bytes()).is_err());
        let v2 = text.replacen("\"version\": 1", "\"version\": 2", 1);
        assert!(KeyFile::parse(v2.as_bytes()).is_err());
        let mut file = sample_file(false);
        file.slots.swap(0, 1);
        assert!(KeyFile::parse(&file.to_bytes().expect("bytes")).is_err());
    }

    /// The worked example in `docs/vault-format.md` is produced by this code, with real
    /// Argon2id at the floor parameters. If this fails, the spec and the code disagree.
    #[test]
    fn documented_test_vector_matches_the_code() {
        let doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/vault-format.md"));
        let id = VaultId(core::array::from_fn(|i| i as u8));
        let dek: [u8; KEY_LEN] = core::array::from_fn(|i| 0xa0 + i as u8);
        let params = SlotKdf::Argon2id(KdfParams::floor());
        let code: [u8; 20] = core::array::from_fn(|i| i as u8);
        let device_secret = [0x55u8; 32];

        let pass_secret = SlotSecret::Passphrase(b"correct horse battery staple");
        let pass_kek = derive_kek(
            SlotKind::Passphrase,
            &params,
            &[0x11; SALT_LEN],
            &pass_secret,
        )
        .expect("kek");
        let pass = Slot::seal_with_nonce(
            SlotKind::Passphrase,
            params,
            [0x11; SALT_LEN],
            [0x22; NONCE_LEN],
            &id,
            &dek,
            &pass_kek,
        )
        .expect("seal");
        let rec_secret = SlotSecret::Recovery(&code);
        let rec_kek = derive_kek(
            SlotKind::Recovery,
            &SlotKdf::HkdfSha256,
            &[0x33; SALT_LEN],
            &rec_secret,
        )
        .expect("kek");
        let rec = Slot::seal_with_nonce(
            SlotKind::Recovery,
            SlotKdf::HkdfSha256,
            [0x33; SALT_LEN],
            [0x44; NONCE_LEN],
            &id,
            &dek,
            &rec_kek,
        )
        .expect("seal");
        let pin_secret = SlotSecret::Pin {
            pin: b"2468",
            device_secret: &device_secret,
        };
        let pin_kek =
            derive_kek(SlotKind::Pin, &params, &[0x66; SALT_LEN], &pin_secret).expect("kek");
        let pin = Slot::seal_with_nonce(
            SlotKind::Pin,
            params,
            [0x66; SALT_LEN],
            [0x77; NONCE_LEN],
            &id,
            &dek,
            &pin_kek,
        )
        .expect("seal");
        let mut file = KeyFile::new(id, pass.clone(), rec);
        file.put_slot(pin);

        let json = String::from_utf8(file.to_bytes().expect("bytes")).expect("utf8");
        let values = [
            ("passphrase AAD", hex(&pass.aad(&id))),
            ("passphrase KEK", hex(pass_kek.as_ref())),
            ("recovery KEK", hex(rec_kek.as_ref())),
            ("PIN KEK", hex(pin_kek.as_ref())),
        ];
        let mut missing = Vec::new();
        if !doc.contains(&json) {
            missing.push(format!("file:\n{json}"));
        }
        for (label, value) in &values {
            if !doc.contains(value.as_str()) {
                missing.push(format!("{label}: {value}"));
            }
        }
        assert!(
            missing.is_empty(),
            "docs/vault-format.md is out of date:\n{}",
            missing.join("\n")
        );
        // And the file parses and opens with those secrets.
        let parsed = KeyFile::parse(json.as_bytes()).expect("parse");
        for kind in [SlotKind::Passphrase, SlotKind::Recovery, SlotKind::Pin] {
            let secret = match kind {
                SlotKind::Passphrase => &pass_secret,
                SlotKind::Recovery => &rec_secret,
                SlotKind::Pin => &pin_secret,
            };
            let opened = parsed
                .slot(kind)
                .expect("slot")
                .open(&id, secret)
                .expect("kdf")
                .expect("opens");
            assert_eq!(opened.expose_secret(), &dek);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_data_key_roundtrips_through_a_slot(dek in proptest::array::uniform32(any::<u8>()), kek in proptest::array::uniform32(any::<u8>())) {
            let id = VaultId::random();
            let seal = |kind, kdf| Slot::seal_with_kek(kind, kdf, [9; SALT_LEN], &id, &dek, &kek).expect("seal");
            let file = KeyFile::new(
                id,
                seal(SlotKind::Passphrase, SlotKdf::Argon2id(KdfParams::floor())),
                seal(SlotKind::Recovery, SlotKdf::HkdfSha256),
            );
            let parsed = KeyFile::parse(&file.to_bytes().expect("bytes")).expect("parse");
            let opened = parsed.slot(SlotKind::Recovery).expect("slot").open_with_kek(&id, &kek).expect("opens");
            prop_assert_eq!(opened.expose_secret(), &dek);
        }

        #[test]
        fn a_flipped_ciphertext_or_nonce_bit_never_opens(pos in 0usize..(WRAPPED_LEN + NONCE_LEN) * 8) {
            let file = sample_file(false);
            let mut slot = file.slots[0].clone();
            let (byte, bit) = (pos / 8, pos % 8);
            if byte < WRAPPED_LEN {
                slot.wrapped[byte] ^= 1 << bit;
            } else {
                slot.nonce[byte - WRAPPED_LEN] ^= 1 << bit;
            }
            prop_assert!(slot.open_with_kek(&file.vault_id, &KEK).is_none());
        }
    }
}

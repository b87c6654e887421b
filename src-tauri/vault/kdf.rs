//! Key derivation: Argon2id for human secrets (passphrase, PIN), HKDF-SHA256 for high-entropy
//! inputs (recovery code, PIN mixing with the device secret), and passphrase normalisation.

use std::time::{Duration, Instant};

use argon2::{Algorithm, Argon2, Params, Version};
use hkdf::Hkdf;
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use sha2::Sha256;
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use super::error::{Result, VaultError};

/// Length of every derived key-encryption key and of the data key, in bytes.
pub const KEY_LEN: usize = 32;

/// Argon2id cost parameters. Construction enforces the floor (64 MiB, t ≥ 3, p = 4) so weaker
/// parameters cannot exist in any build; reading a key-slot file applies the same check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KdfParams {
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
}

impl KdfParams {
    /// Minimum memory: 64 MiB.
    pub const MIN_MEMORY_KIB: u32 = 64 * 1024;
    /// Minimum passes over memory.
    pub const MIN_ITERATIONS: u32 = 3;
    /// The only accepted lane count in format version 1.
    pub const PARALLELISM: u32 = 4;
    /// Largest memory accepted (4 GiB), so a tampered file cannot make unlocking exhaust RAM.
    pub const MAX_MEMORY_KIB: u32 = 4 * 1024 * 1024;
    /// Largest pass count accepted, so a tampered file cannot make unlocking take hours.
    pub const MAX_ITERATIONS: u32 = 64;

    /// The floor itself: 64 MiB, t = 3, p = 4. About 0.15–0.3 s on a current laptop core.
    pub const fn floor() -> Self {
        KdfParams {
            memory_kib: Self::MIN_MEMORY_KIB,
            iterations: Self::MIN_ITERATIONS,
            parallelism: Self::PARALLELISM,
        }
    }

    /// Parameters at or above the floor; anything weaker (or absurdly large) is `InvalidInput`.
    pub fn new(memory_kib: u32, iterations: u32, parallelism: u32) -> Result<Self> {
        Self::checked(memory_kib, iterations, parallelism).map_err(VaultError::InvalidInput)
    }

    /// Shared validation: `Err` carries a plain sentence naming the problem.
    pub(crate) fn checked(
        memory_kib: u32,
        iterations: u32,
        parallelism: u32,
    ) -> std::result::Result<Self, String> {
        if memory_kib < Self::MIN_MEMORY_KIB || iterations < Self::MIN_ITERATIONS {
            return Err(format!(
                "Key-stretching settings below the safe minimum (memory {memory_kib} KiB, \
                 {iterations} passes; at least {} KiB and {} passes are required).",
                Self::MIN_MEMORY_KIB,
                Self::MIN_ITERATIONS
            ));
        }
        if parallelism != Self::PARALLELISM {
            return Err(format!(
                "Key-stretching must use {} lanes, not {parallelism}.",
                Self::PARALLELISM
            ));
        }
        if memory_kib > Self::MAX_MEMORY_KIB || iterations > Self::MAX_ITERATIONS {
            return Err(format!(
                "Key-stretching settings are unreasonably large (memory {memory_kib} KiB, {iterations} passes)."
            ));
        }
        Ok(KdfParams {
            memory_kib,
            iterations,
            parallelism,
        })
    }

    /// Memory cost in KiB.
    pub fn memory_kib(&self) -> u32 {
        self.memory_kib
    }
    /// Number of passes (Argon2 `t`).
    pub fn iterations(&self) -> u32 {
        self.iterations
    }
    /// Number of lanes (Argon2 `p`).
    pub fn parallelism(&self) -> u32 {
        self.parallelism
    }

    /// True when every cost of `self` is at least that of `other`.
    pub fn at_least(&self, other: &KdfParams) -> bool {
        self.memory_kib >= other.memory_kib && self.iterations >= other.iterations
    }
}

/// Argon2id (version 0x13) of `secret` with `salt`, 32-byte output.
pub(crate) fn argon2id(
    secret: &[u8],
    salt: &[u8],
    params: &KdfParams,
) -> Result<Zeroizing<[u8; KEY_LEN]>> {
    let p = Params::new(
        params.memory_kib,
        params.iterations,
        params.parallelism,
        Some(KEY_LEN),
    )
    .map_err(|e| VaultError::Internal(format!("argon2 params: {e}")))?;
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, p)
        .hash_password_into(secret, salt, out.as_mut())
        .map_err(|e| VaultError::Internal(format!("argon2: {e}")))?;
    Ok(out)
}

/// HKDF-SHA256 (RFC 5869) extract-and-expand to 32 bytes.
pub(crate) fn hkdf_sha256(
    salt: &[u8],
    ikm: &[u8],
    info: &[u8],
) -> Result<Zeroizing<[u8; KEY_LEN]>> {
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    Hkdf::<Sha256>::new(Some(salt), ikm)
        .expand(info, out.as_mut())
        .map_err(|e| VaultError::Internal(format!("hkdf: {e}")))?;
    Ok(out)
}

/// The passphrase in Unicode NFC, so "é" typed as one code point or as "e" + accent unlocks
/// the same vault. The copy lives in zeroizing memory.
pub(crate) fn normalize_passphrase(passphrase: &SecretString) -> Zeroizing<String> {
    let raw = passphrase.expose_secret();
    // NFC never grows UTF-8 text by more than 3x; reserving up front avoids reallocations that
    // would leave unzeroized copies behind.
    let mut out = Zeroizing::new(String::with_capacity(raw.len().saturating_mul(3)));
    out.extend(raw.nfc());
    out
}

/// Finds Argon2id parameters that take about `target` on this machine, never below the floor.
///
/// Memory is raised first (up to 1 GiB: memory hardness is what hurts GPU attackers), then
/// passes. Costs about three trial derivations.
pub fn calibrate_kdf(target: Duration) -> KdfParams {
    const MAX_CALIBRATED_MEMORY_KIB: u32 = 1024 * 1024;
    const MAX_CALIBRATED_ITERATIONS: u32 = 16;
    let floor = KdfParams::floor();
    let Some(at_floor) = time_once(&floor) else {
        return floor;
    };
    if at_floor >= target {
        return floor;
    }
    let ratio = target.as_secs_f64() / at_floor.as_secs_f64().max(1e-6);
    // Round memory to whole MiB.
    let memory = ((f64::from(floor.memory_kib) * ratio) as u64 / 1024 * 1024).clamp(
        u64::from(KdfParams::MIN_MEMORY_KIB),
        u64::from(MAX_CALIBRATED_MEMORY_KIB),
    ) as u32;
    let mut params = KdfParams::new(memory, floor.iterations, floor.parallelism).unwrap_or(floor);
    let Some(elapsed) = time_once(&params) else {
        return floor;
    };
    if elapsed > target.mul_f64(1.15) {
        // Larger memory scales worse than linearly (caches); step back once, never below floor.
        let ratio = target.as_secs_f64() / elapsed.as_secs_f64().max(1e-6);
        let memory = ((f64::from(params.memory_kib) * ratio) as u64 / 1024 * 1024).clamp(
            u64::from(KdfParams::MIN_MEMORY_KIB),
            u64::from(MAX_CALIBRATED_MEMORY_KIB),
        ) as u32;
        params = KdfParams::new(memory, params.iterations, params.parallelism).unwrap_or(floor);
    } else if elapsed < target.mul_f64(0.85) {
        let ratio = target.as_secs_f64() / elapsed.as_secs_f64().max(1e-6);
        let iterations = ((f64::from(params.iterations) * ratio).round() as u32)
            .clamp(KdfParams::MIN_ITERATIONS, MAX_CALIBRATED_ITERATIONS);
        params =
            KdfParams::new(params.memory_kib, iterations, params.parallelism).unwrap_or(params);
    }
    params
}

fn time_once(params: &KdfParams) -> Option<Duration> {
    let mut salt = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut salt);
    let start = Instant::now();
    argon2id(b"calibration only, not a secret", &salt, params).ok()?;
    Some(start.elapsed())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_below_the_floor_cannot_be_constructed() {
        assert!(KdfParams::new(32 * 1024, 3, 4).is_err());
        assert!(KdfParams::new(64 * 1024, 2, 4).is_err());
        assert!(KdfParams::new(64 * 1024, 3, 1).is_err());
        assert!(KdfParams::new(64 * 1024, 3, 4).is_ok());
        assert!(KdfParams::new(u32::MAX, 3, 4).is_err());
    }

    #[test]
    fn nfc_and_nfd_spellings_normalise_to_the_same_bytes() {
        let nfc = SecretString::from("caf\u{e9} ni\u{f1}o".to_owned());
        let nfd = SecretString::from("cafe\u{301} nin\u{303}o".to_owned());
        assert_eq!(*normalize_passphrase(&nfc), *normalize_passphrase(&nfd));
    }

    #[test]
    fn hkdf_matches_rfc5869_test_case_1() {
        // RFC 5869 A.1, truncated to the first 32 bytes of OKM.
        let ikm = [0x0bu8; 22];
        let salt: Vec<u8> = (0x00u8..=0x0c).collect();
        let info: Vec<u8> = (0xf0u8..=0xf9).collect();
        let okm = hkdf_sha256(&salt, &ikm, &info).expect("hkdf");
        let hex: String = okm.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            hex,
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
        );
    }
}

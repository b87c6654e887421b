//! The recovery code: 160 random bits shown once at setup, the only way back in when the
//! passphrase is forgotten.
//!
//! Rendering: Crockford base32 (digits and capitals without I, L, O, U), 32 symbols in 8 groups
//! of 4 joined by dashes, e.g. `7KQ2-M9XD-…`. Parsing forgives what people do when copying a
//! code by hand: any case, spaces, dashes, and the look-alikes I/L (read as 1) and O (read as 0).

use std::fmt;

use rand::RngCore;
use secrecy::{ExposeSecret, SecretBox};
use zeroize::Zeroizing;

use super::error::{Result, VaultError};

/// Number of random bytes in a recovery code (160 bits).
pub const RECOVERY_CODE_BYTES: usize = 20;
/// Number of base32 symbols (5 bits each) in a recovery code.
pub const RECOVERY_CODE_SYMBOLS: usize = RECOVERY_CODE_BYTES * 8 / 5;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A recovery code. Secret: the bytes live in zeroizing memory and `Debug` never shows them.
pub struct RecoveryCode(SecretBox<[u8; RECOVERY_CODE_BYTES]>);

impl RecoveryCode {
    /// A fresh code from the operating system's random generator.
    pub fn generate() -> Self {
        RecoveryCode(SecretBox::init_with_mut(
            |bytes: &mut [u8; RECOVERY_CODE_BYTES]| rand::rngs::OsRng.fill_bytes(bytes),
        ))
    }

    /// Reads a code typed by a person. Ignores case, spaces and dashes; maps I/L→1 and O→0.
    /// Anything else that is not a Crockford symbol, or the wrong length, is `InvalidInput`.
    pub fn parse(text: &str) -> Result<Self> {
        let invalid = || {
            VaultError::InvalidInput(format!(
                "That doesn't look like a recovery code. It has {RECOVERY_CODE_SYMBOLS} letters and numbers, in groups of 4."
            ))
        };
        let mut values = Zeroizing::new([0u8; RECOVERY_CODE_SYMBOLS]);
        let mut count = 0usize;
        for ch in text.chars() {
            if ch.is_whitespace() || ch == '-' {
                continue;
            }
            let value = symbol_value(ch).ok_or_else(invalid)?;
            if count >= RECOVERY_CODE_SYMBOLS {
                return Err(invalid());
            }
            values[count] = value;
            count += 1;
        }
        if count != RECOVERY_CODE_SYMBOLS {
            return Err(invalid());
        }
        let code = SecretBox::init_with_mut(|bytes: &mut [u8; RECOVERY_CODE_BYTES]| {
            // 32 symbols × 5 bits = 160 bits, big-endian bit order.
            let mut acc: u64 = 0;
            let mut bits = 0u32;
            let mut i = 0usize;
            for &v in values.iter() {
                acc = (acc << 5) | u64::from(v);
                bits += 5;
                if bits >= 8 {
                    bits -= 8;
                    bytes[i] = (acc >> bits) as u8;
                    i += 1;
                    acc &= (1u64 << bits) - 1;
                }
            }
        });
        Ok(RecoveryCode(code))
    }

    /// The code as a person should read it: 8 groups of 4 symbols joined by dashes.
    pub fn expose_grouped(&self) -> Zeroizing<String> {
        let bytes = self.0.expose_secret();
        let mut out = Zeroizing::new(String::with_capacity(RECOVERY_CODE_SYMBOLS + 8));
        let mut acc: u64 = 0;
        let mut bits = 0u32;
        let mut written = 0usize;
        for &b in bytes.iter() {
            acc = (acc << 8) | u64::from(b);
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                let idx = ((acc >> bits) & 0x1f) as usize;
                if written > 0 && written.is_multiple_of(4) {
                    out.push('-');
                }
                out.push(char::from(ALPHABET[idx]));
                written += 1;
                acc &= (1u64 << bits) - 1;
            }
        }
        out
    }

    /// The raw 20 bytes, for deriving the recovery slot's key.
    pub(crate) fn expose_bytes(&self) -> &[u8; RECOVERY_CODE_BYTES] {
        self.0.expose_secret()
    }
}

impl fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryCode([REDACTED])")
    }
}

fn symbol_value(ch: char) -> Option<u8> {
    let upper = ch.to_ascii_uppercase();
    let mapped = match upper {
        'I' | 'L' => '1',
        'O' => '0',
        other => other,
    };
    if !mapped.is_ascii() {
        return None;
    }
    ALPHABET
        .iter()
        .position(|&a| char::from(a) == mapped)
        .map(|p| p as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn from_bytes(bytes: [u8; RECOVERY_CODE_BYTES]) -> RecoveryCode {
        RecoveryCode(SecretBox::new(Box::new(bytes)))
    }

    #[test]
    fn grouped_code_has_eight_groups_of_four_crockford_symbols() {
        let code = RecoveryCode::generate();
        let text = code.expose_grouped();
        let groups: Vec<&str> = text.split('-').collect();
        assert_eq!(groups.len(), 8);
        for g in groups {
            assert_eq!(g.len(), 4);
            assert!(g.bytes().all(|b| ALPHABET.contains(&b)), "{g}");
        }
    }

    #[test]
    fn known_bytes_render_to_known_text() {
        let code = from_bytes([0u8; RECOVERY_CODE_BYTES]);
        assert_eq!(
            code.expose_grouped().as_str(),
            "0000-0000-0000-0000-0000-0000-0000-0000"
        );
        let code = from_bytes([0xffu8; RECOVERY_CODE_BYTES]);
        assert_eq!(
            code.expose_grouped().as_str(),
            "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"
        );
    }

    #[test]
    fn parsing_ignores_case_spaces_and_dashes_and_maps_lookalikes() {
        let code = from_bytes([
            0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0x10, 0x32, 0x54, 0x76, 0x98, 0xba,
            0xdc, 0xfe, 0x00, 0xff, 0x11, 0x1e,
        ]);
        let text = code.expose_grouped().to_string();
        let messy = format!("  {}  ", text.to_lowercase().replace('-', " - "));
        let parsed = RecoveryCode::parse(&messy).expect("messy parse");
        assert_eq!(parsed.expose_bytes(), code.expose_bytes());
        let squashed: String = text.chars().filter(|c| *c != '-').collect();
        let parsed = RecoveryCode::parse(&squashed).expect("squashed parse");
        assert_eq!(parsed.expose_bytes(), code.expose_bytes());
        // Look-alikes: O→0, I→1, L→1.
        let zeros = RecoveryCode::parse("OOOO-oooo-0000-0000-0000-0000-0000-0000").expect("O");
        assert_eq!(zeros.expose_bytes(), &[0u8; RECOVERY_CODE_BYTES]);
        let ones_text = "1111-1111-1111-1111-1111-1111-1111-1111";
        let ones = RecoveryCode::parse(ones_text).expect("1");
        let looks = RecoveryCode::parse("IIII-iiii-LLLL-llll-1111-1111-1111-1111").expect("I/L");
        assert_eq!(ones.expose_bytes(), looks.expose_bytes());
    }

    #[test]
    fn malformed_codes_are_invalid_input() {
        for bad in [
            "",
            "0000-0000",
            "0000-0000-0000-0000-0000-0000-0000-0000-0",
            "UUUU-0000-0000-0000-0000-0000-0000-0000",
            "0000-0000-0000-0000-0000-0000-0000-00é0",
        ] {
            let err = RecoveryCode::parse(bad).expect_err(bad);
            assert_eq!(err.code(), "invalid_input");
        }
    }

    #[test]
    fn debug_never_shows_the_code() {
        let code = RecoveryCode::generate();
        let grouped = code.expose_grouped();
        assert!(!format!("{code:?}").contains(grouped.as_str()));
    }

    proptest! {
        #[test]
        fn any_code_roundtrips_through_its_grouped_text(bytes in proptest::array::uniform20(any::<u8>())) {
            let code = from_bytes(bytes);
            let parsed = RecoveryCode::parse(&code.expose_grouped()).expect("parse");
            prop_assert_eq!(parsed.expose_bytes(), &bytes);
        }
    }
}

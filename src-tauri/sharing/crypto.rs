//! The age layer of a share file (`docs/share-format.md`): sealing a payload to a public key or
//! with a passphrase, binary or ASCII-armored, and opening a file with this journal's key or a
//! passphrase. All the cryptography is the `age` crate's (the reference Rust implementation);
//! what is here is choosing its settings, size limits, and turning its errors into plain ones.
//!
//! - To a key: one X25519 recipient stanza (`age1…`).
//! - With a passphrase: one scrypt stanza, work factor 18 (`N = 2^18`), the reference `age`
//!   tool's own default, so it opens the file quickly (the crate would otherwise pick one by
//!   timing, often slower). Files of work factor up to 20 are opened; above that is refused
//!   (2^20 scrypt already takes 1 GiB of memory).
//! - Armored: the age ASCII armor (`-----BEGIN AGE ENCRYPTED FILE-----`, 64-column Base64), for
//!   pasting as text. Spaces or line breaks before the armor are ignored when opening.
//! - Limits: a file is at most [`FILE_MAX_BYTES`], what is inside at most
//!   [`PAYLOAD_MAX_BYTES`] (reading stops there), a header at most [`HEADER_MAX_BYTES`].

use std::io::{Read, Write};
use std::iter;
use std::str::FromStr;

use age::secrecy::ExposeSecret;
use rusqlite::Connection;
use secrecy::SecretString;

use super::contacts::parse_key;
use super::error::{Result, SharingError};
use super::keys::existing_identity;
use super::payload::PAYLOAD_MAX_BYTES;
use crate::vault::VaultError;

/// The largest share file read, armored or not (32 MiB).
pub const FILE_MAX_BYTES: usize = 32 * 1024 * 1024;
/// The largest age header read (64 KiB: hundreds of recipients; Cove writes one).
pub const HEADER_MAX_BYTES: usize = 64 * 1024;
/// The scrypt work factor Cove seals with (`N = 2^18`).
pub const SCRYPT_WORK_FACTOR: u8 = 18;
/// The largest scrypt work factor Cove opens.
pub const SCRYPT_MAX_WORK_FACTOR: u8 = 20;

const ARMOR_BEGIN: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";
const AGE_MAGIC: &[u8] = b"age-encryption.org/";
const AGE_V1: &[u8] = b"age-encryption.org/v1\n";

/// Whom a share file is locked for.
#[derive(Debug, Clone)]
pub enum Sealing {
    /// A public key, `age1…` (a paired contact's).
    Recipient(String),
    /// A passphrase the person chose, for someone without Cove (age's scrypt, work factor 18).
    Passphrase(SecretString),
}

/// Encrypts `payload` into an age file for `to`; `armor` gives ASCII-armored text instead of
/// binary. A payload over [`PAYLOAD_MAX_BYTES`] is `share_too_large` (no file Cove would refuse
/// to open is made); a key that is not a public key, or a blank passphrase, is `invalid_input`.
pub fn seal(payload: &[u8], to: &Sealing, armor: bool) -> Result<Vec<u8>> {
    if payload.len() > PAYLOAD_MAX_BYTES {
        return Err(SharingError::ShareTooLarge);
    }
    let encryptor = match to {
        Sealing::Recipient(text) => {
            let key = age::x25519::Recipient::from_str(&parse_key(text)?)
                .map_err(|_| internal("parsed key"))?;
            age::Encryptor::with_recipients(iter::once(&key as &dyn age::Recipient))
        }
        Sealing::Passphrase(passphrase) => {
            if passphrase.expose_secret().trim().is_empty() {
                return Err(SharingError::invalid(
                    "Please choose a passphrase to lock the share with.",
                ));
            }
            let mut key = age::scrypt::Recipient::new(passphrase.clone());
            key.set_work_factor(SCRYPT_WORK_FACTOR);
            age::Encryptor::with_recipients(iter::once(&key as &dyn age::Recipient))
        }
    }
    .map_err(|_| internal("encryptor"))?;

    let mut out = Vec::with_capacity(payload.len() + payload.len() / 2 + 512);
    let format = if armor {
        age::armor::Format::AsciiArmor
    } else {
        age::armor::Format::Binary
    };
    let armored =
        age::armor::ArmoredWriter::wrap_output(&mut out, format).map_err(|_| internal("armor"))?;
    let mut writer = encryptor
        .wrap_output(armored)
        .map_err(|_| internal("header"))?;
    writer.write_all(payload).map_err(|_| internal("write"))?;
    writer
        .finish()
        .and_then(|armored| armored.finish())
        .map_err(|_| internal("finish"))?;
    Ok(out)
}

/// Decrypts a share file (binary or armored) with this journal's key, or — for a file locked
/// with a passphrase — with `passphrase`. Errors, never quoting the file:
/// `share_too_large` (file over 32 MiB, payload over 16 MiB), `not_a_share` (not an age file,
/// or its header is cut short), `share_damaged` (a whole age v1 header that does not read, or
/// changed or cut short after the header: age's MAC or an encrypted chunk fails),
/// `not_for_you` (locked to another key), `wrong_passphrase` (locked with a passphrase and
/// none, or another, was given).
pub fn unseal(
    conn: &Connection,
    bytes: &[u8],
    passphrase: Option<&SecretString>,
) -> Result<Vec<u8>> {
    if bytes.len() > FILE_MAX_BYTES {
        return Err(SharingError::ShareTooLarge);
    }
    let (binary, armor_ok) = dearmor(bytes);
    let binary: &[u8] = &binary;
    if !binary.starts_with(AGE_MAGIC) {
        return Err(SharingError::NotAShare);
    }
    if !binary.starts_with(AGE_V1) || !header_is_complete(binary) {
        return Err(SharingError::NotAShare);
    }

    // The first line says age v1 and the header is whole, so a header age cannot read was
    // changed: age reports any such header as of an unknown version, which would wrongly tell
    // the person this is not a share file at all.
    let decryptor = age::Decryptor::new_buffered(binary).map_err(|_| SharingError::ShareDamaged)?;

    let reader = if decryptor.is_scrypt() {
        let Some(passphrase) = passphrase else {
            return Err(SharingError::WrongPassphrase);
        };
        let mut identity = age::scrypt::Identity::new(passphrase.clone());
        identity.set_max_work_factor(SCRYPT_MAX_WORK_FACTOR);
        decryptor
            .decrypt(iter::once(&identity as &dyn age::Identity))
            .map_err(|err| match err {
                age::DecryptError::DecryptionFailed => SharingError::WrongPassphrase,
                age::DecryptError::ExcessiveWork { .. } => SharingError::NotAShare,
                age::DecryptError::NoMatchingKeys => SharingError::NotForYou,
                _ => SharingError::ShareDamaged,
            })?
    } else {
        let Some(identity) = existing_identity(conn)? else {
            // No key pair yet, so nothing can have been locked to this journal.
            return Err(SharingError::NotForYou);
        };
        decryptor
            .decrypt(iter::once(&identity as &dyn age::Identity))
            .map_err(|err| match err {
                age::DecryptError::NoMatchingKeys => SharingError::NotForYou,
                _ => SharingError::ShareDamaged,
            })?
    };
    if !armor_ok {
        // The key opened the header, but the armored text around the rest is broken.
        return Err(SharingError::ShareDamaged);
    }

    let mut payload = Vec::new();
    reader
        .take(PAYLOAD_MAX_BYTES as u64 + 1)
        .read_to_end(&mut payload)
        .map_err(|_| SharingError::ShareDamaged)?;
    if payload.len() > PAYLOAD_MAX_BYTES {
        return Err(SharingError::ShareTooLarge);
    }
    Ok(payload)
}

/// The binary age file inside `bytes`: the armor removed when there is one (after any leading
/// white space), and whether the armor was whole. A broken armor keeps what decoded before the
/// break, so a file whose header is whole can still be told apart from one that is not an age
/// file at all.
fn dearmor(bytes: &[u8]) -> (std::borrow::Cow<'_, [u8]>, bool) {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let rest = &bytes[start..];
    if !rest.starts_with(ARMOR_BEGIN) {
        return (std::borrow::Cow::Borrowed(bytes), true);
    }
    let mut binary = Vec::new();
    let ok = age::armor::ArmoredReader::new(rest)
        .take(FILE_MAX_BYTES as u64)
        .read_to_end(&mut binary)
        .is_ok();
    (std::borrow::Cow::Owned(binary), ok)
}

/// Whether the header's last line (`--- <MAC>\n`) is there within [`HEADER_MAX_BYTES`]. A file
/// cut short inside its header is not a share; an endless header is not read.
fn header_is_complete(binary: &[u8]) -> bool {
    let window = &binary[..binary.len().min(HEADER_MAX_BYTES)];
    let Some(mac_line) = window.windows(5).position(|w| w == b"\n--- ") else {
        return false;
    };
    window[mac_line + 5..].contains(&b'\n')
}

fn internal(step: &str) -> SharingError {
    SharingError::Vault(VaultError::Internal(format!("age seal: {step}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sharing::keys::my_key;
    use crate::test_support::{at, test_vault, TestVault};

    const NOW: &str = "2026-03-10T09:30:00.250-05:00";
    const PAYLOAD: &[u8] = br#"{"format":"cove-share","version":1,"note":"caf\u00e9 \u2764"}"#;

    fn pass(s: &str) -> SecretString {
        SecretString::from(s.to_owned())
    }

    fn with_key() -> (TestVault, String) {
        let tv = test_vault("pw");
        let key = my_key(tv.conn(), at(NOW)).expect("key").recipient;
        (tv, key)
    }

    fn to(key: &str) -> Sealing {
        Sealing::Recipient(key.to_owned())
    }

    fn code(r: Result<Vec<u8>>) -> &'static str {
        r.expect_err("refused").code()
    }

    #[test]
    fn a_share_sealed_to_this_journal_opens_binary_and_armored() {
        let (tv, key) = with_key();
        let binary = seal(PAYLOAD, &to(&key), false).expect("sealed");
        assert!(binary.starts_with(b"age-encryption.org/v1\n-> X25519 "));
        assert!(!binary.windows(10).any(|w| w == b"cove-share"), "encrypted");
        assert_eq!(unseal(tv.conn(), &binary, None).expect("opened"), PAYLOAD);

        let armored = seal(PAYLOAD, &to(&key), true).expect("sealed");
        let text = std::str::from_utf8(&armored).expect("text");
        assert!(text.starts_with("-----BEGIN AGE ENCRYPTED FILE-----\n"));
        assert!(text
            .trim_end()
            .ends_with("-----END AGE ENCRYPTED FILE-----"));
        assert!(text.lines().all(|l| l.len() <= 64));
        assert_eq!(unseal(tv.conn(), &armored, None).expect("opened"), PAYLOAD);
        // Pasted with spaces and blank lines around it, or with Windows line endings.
        let pasted = format!("\n\n   {}\n\n", text);
        assert_eq!(
            unseal(tv.conn(), pasted.as_bytes(), None).expect("pasted"),
            PAYLOAD
        );
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(
            unseal(tv.conn(), crlf.as_bytes(), None).expect("crlf"),
            PAYLOAD
        );
        // A passphrase given for a key-locked file is simply not needed.
        assert_eq!(
            unseal(tv.conn(), &binary, Some(&pass("unused"))).expect("opened"),
            PAYLOAD
        );
    }

    #[test]
    fn an_empty_payload_and_the_largest_payload_round_trip() {
        let (tv, key) = with_key();
        let empty = seal(b"", &to(&key), false).expect("sealed");
        assert_eq!(unseal(tv.conn(), &empty, None).expect("opened"), b"");
        let big = vec![b'x'; PAYLOAD_MAX_BYTES];
        let sealed = seal(&big, &to(&key), false).expect("sealed");
        assert!(sealed.len() <= FILE_MAX_BYTES);
        assert_eq!(unseal(tv.conn(), &sealed, None).expect("opened"), big);
        // Armored, the largest payload still fits in a file Cove opens.
        let armored = seal(&big, &to(&key), true).expect("armored");
        assert!(armored.len() <= FILE_MAX_BYTES, "{}", armored.len());
    }

    #[test]
    fn a_passphrase_share_uses_work_factor_18_and_needs_the_passphrase() {
        let tv = test_vault("pw");
        let sealed =
            seal(PAYLOAD, &Sealing::Passphrase(pass("correct horse")), false).expect("sealed");
        assert!(sealed.starts_with(b"age-encryption.org/v1\n-> scrypt "));
        let stanza = sealed.split(|&b| b == b'\n').nth(1).expect("stanza line");
        let stanza = std::str::from_utf8(stanza).expect("text");
        assert!(stanza.ends_with(" 18"), "{stanza}");

        assert_eq!(
            unseal(tv.conn(), &sealed, Some(&pass("correct horse"))).expect("opened"),
            PAYLOAD
        );
        assert_eq!(code(unseal(tv.conn(), &sealed, None)), "wrong_passphrase");
        assert_eq!(
            code(unseal(tv.conn(), &sealed, Some(&pass("correct horse ")))),
            "wrong_passphrase"
        );
        // Armored too.
        let armored = seal(PAYLOAD, &Sealing::Passphrase(pass("ñandú")), true).expect("sealed");
        assert_eq!(
            unseal(tv.conn(), &armored, Some(&pass("ñandú"))).expect("opened"),
            PAYLOAD
        );
    }

    #[test]
    fn a_share_for_someone_else_is_not_for_you() {
        let (alice, alice_key) = with_key();
        let (bob, _) = with_key();
        let sealed = seal(PAYLOAD, &to(&alice_key), false).expect("sealed");
        assert_eq!(code(unseal(bob.conn(), &sealed, None)), "not_for_you");
        // A journal that never made a key pair can't be the one it's for either, and opening
        // doesn't make one.
        let fresh = test_vault("pw");
        assert_eq!(code(unseal(fresh.conn(), &sealed, None)), "not_for_you");
        assert!(existing_identity(fresh.conn()).expect("read").is_none());
        assert_eq!(unseal(alice.conn(), &sealed, None).expect("mine"), PAYLOAD);
    }

    #[test]
    fn things_that_are_not_age_files_are_not_shares() {
        let (tv, key) = with_key();
        let sealed = seal(PAYLOAD, &to(&key), false).expect("sealed");
        let header_end = sealed
            .windows(5)
            .position(|w| w == b"\n--- ")
            .expect("mac line");
        let cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"   \n".to_vec(),
            b"hello".to_vec(),
            PAYLOAD.to_vec(),
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            b"age-encryption.org/v2\n-> X25519 abc\n--- abc\n".to_vec(),
            b"-----BEGIN AGE ENCRYPTED FILE-----\nnot base64 at all!\n".to_vec(),
            b"-----BEGIN AGE ENCRYPTED FILE-----\n".to_vec(),
            b"-----BEGIN PGP MESSAGE-----\n\nabc\n-----END PGP MESSAGE-----\n".to_vec(),
            // Cut short inside the header, and just before the MAC line ends.
            sealed[..20].to_vec(),
            sealed[..header_end].to_vec(),
            sealed[..header_end + 10].to_vec(),
            // A header that never ends.
            [
                b"age-encryption.org/v1\n".as_slice(),
                &b"-> x\n".repeat(20_000),
            ]
            .concat(),
        ];
        for (i, bytes) in cases.iter().enumerate() {
            assert_eq!(
                code(unseal(tv.conn(), bytes, None)),
                "not_a_share",
                "case {i}"
            );
        }
    }

    #[test]
    fn a_changed_or_cut_short_share_is_damaged() {
        let (tv, key) = with_key();
        let payload = vec![b'a'; 200_000]; // several 64 KiB chunks
        let sealed = seal(&payload, &to(&key), false).expect("sealed");
        let header_end = sealed
            .windows(5)
            .position(|w| w == b"\n--- ")
            .expect("mac line");
        let mac_end = header_end
            + 5
            + sealed[header_end + 5..]
                .iter()
                .position(|&b| b == b'\n')
                .expect("end");
        // A character of the MAC changed into one that is not base64 (age then reads the whole
        // header as of an unknown version) or into another base64 character: damaged, both.
        // A flipped bit did either by chance, so this failed about one run in eleven before.
        for to in [b'@', b'*', b'{', b'B', b'7'] {
            let mut bad = sealed.clone();
            let at = header_end + 8;
            bad[at] = if bad[at] == to { b'C' } else { to };
            assert_eq!(
                code(unseal(tv.conn(), &bad, None)),
                "share_damaged",
                "MAC character {}",
                to as char
            );
        }
        // A flipped bit in the MAC, the nonce, the first, a middle and the last chunk.
        for at in [
            header_end + 8,
            mac_end + 3,
            mac_end + 40,
            sealed.len() / 2,
            sealed.len() - 5,
        ] {
            let mut bad = sealed.clone();
            bad[at] ^= 0x01;
            assert_eq!(
                code(unseal(tv.conn(), &bad, None)),
                "share_damaged",
                "flip at {at}"
            );
        }
        // Cut short after the header, inside the nonce, at a chunk boundary, one byte short.
        let chunk = 64 * 1024 + 16;
        for len in [
            mac_end + 1,
            mac_end + 8,
            mac_end + 1 + 16 + chunk,
            sealed.len() - 1,
        ] {
            assert_eq!(
                code(unseal(tv.conn(), &sealed[..len], None)),
                "share_damaged",
                "cut at {len}"
            );
        }
        // Something added at the end.
        let mut longer = sealed.clone();
        longer.extend_from_slice(b"extra");
        assert_eq!(code(unseal(tv.conn(), &longer, None)), "share_damaged");
        // The armored form cut short anywhere in its last lines (the end marker included).
        let armored_small = seal(PAYLOAD, &to(&key), true).expect("armored");
        let end = armored_small.len() - 1; // the final line break may go
        for len in end - 150..end {
            assert!(
                unseal(tv.conn(), &armored_small[..len], None).is_err(),
                "cut at {len} of {}",
                armored_small.len()
            );
        }
        // The armored form cut short, or with a changed character in the body.
        let armored = seal(&payload, &to(&key), true).expect("armored");
        let cut = &armored[..armored.len() - 200];
        assert_eq!(code(unseal(tv.conn(), cut, None)), "share_damaged");
        let mut changed = armored.clone();
        let mid = changed.len() / 2;
        changed[mid] = if changed[mid] == b'A' { b'B' } else { b'A' };
        assert_eq!(code(unseal(tv.conn(), &changed, None)), "share_damaged");
    }

    #[test]
    fn a_wrong_key_in_the_header_is_not_for_you_even_after_a_bit_flip() {
        // A flip in the recipient stanza's ephemeral key can't be told from another key.
        let (tv, key) = with_key();
        let mut sealed = seal(PAYLOAD, &to(&key), false).expect("sealed");
        let at = b"age-encryption.org/v1\n-> X25519 ".len() + 3;
        sealed[at] = if sealed[at] == b'A' { b'B' } else { b'A' };
        assert_eq!(code(unseal(tv.conn(), &sealed, None)), "not_for_you");
    }

    #[test]
    fn oversized_files_and_payloads_are_refused() {
        let (tv, key) = with_key();
        let too_big = vec![b'x'; PAYLOAD_MAX_BYTES + 1];
        assert_eq!(code(seal(&too_big, &to(&key), false)), "share_too_large");
        let file = vec![b'a'; FILE_MAX_BYTES + 1];
        assert_eq!(code(unseal(tv.conn(), &file, None)), "share_too_large");
        // A payload over the limit inside a file under it (as another tool could make):
        // reading stops after the limit.
        let identity = crate::sharing::keys::identity(tv.conn()).expect("identity");
        let encryptor = age::Encryptor::with_recipients(iter::once(
            &identity.to_public() as &dyn age::Recipient
        ))
        .expect("encryptor");
        let mut out = Vec::new();
        let mut w = encryptor.wrap_output(&mut out).expect("wrap");
        w.write_all(&too_big).expect("write");
        w.finish().expect("finish");
        assert!(out.len() <= FILE_MAX_BYTES);
        assert_eq!(code(unseal(tv.conn(), &out, None)), "share_too_large");
    }

    #[test]
    fn a_passphrase_file_with_too_much_scrypt_work_is_not_opened() {
        // The stanza's work factor raised past the limit (sealing at 2^21 would take 2 GiB):
        // it is refused before any scrypt runs.
        let tv = test_vault("pw");
        let sealed = seal(PAYLOAD, &Sealing::Passphrase(pass("pw")), false).expect("sealed");
        let mut lines: Vec<&[u8]> = sealed.splitn(3, |&b| b == b'\n').collect();
        assert!(lines[1].ends_with(b" 18"));
        let stanza = [&lines[1][..lines[1].len() - 2], b"21"].concat();
        lines[1] = &stanza;
        let bumped = lines.join(&b'\n');
        assert_eq!(
            code(unseal(tv.conn(), &bumped, Some(&pass("pw")))),
            "not_a_share"
        );
    }

    #[test]
    fn sealing_refuses_bad_keys_and_blank_passphrases() {
        let (_tv, _) = with_key();
        assert_eq!(code(seal(PAYLOAD, &to("age1nope"), false)), "invalid_input");
        assert_eq!(code(seal(PAYLOAD, &to(""), false)), "invalid_input");
        assert_eq!(
            code(seal(PAYLOAD, &Sealing::Passphrase(pass("  ")), false)),
            "invalid_input"
        );
        assert_eq!(
            code(seal(PAYLOAD, &Sealing::Passphrase(pass("")), true)),
            "invalid_input"
        );
    }
}

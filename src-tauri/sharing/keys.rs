//! This journal's own age X25519 key pair, made on first use and kept inside the vault (the
//! settings row `sharing_key`), and the fingerprint words people compare aloud when pairing.
//!
//! The fingerprint of a public key is 5 words of the BIP-39 English word list (2,048 words, as
//! shipped by the `bip39` crate): the SHA-256 of the key's text (`age1…`, UTF-8) is read as
//! bits, most significant first, and each 11-bit group picks a word. A group that picks one of
//! the [`UNSPOKEN`] words (harm, illness, fear, shame: words a young person should not be asked
//! to read aloud about their counselor) is skipped and the next group is read; after the 23
//! groups of a digest, the next digest is the SHA-256 of the previous one. Anyone can compute it
//! from the key alone, so a counselor without Cove can too.

use std::str::FromStr;

use chrono::{DateTime, FixedOffset, SecondsFormat};
use rusqlite::Connection;
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, ZeroizeOnDrop};

use super::error::Result;
use super::model::MyKey;
use crate::vault::settings::{load_json, save_json};
use crate::vault::VaultError;

/// The settings row holding the key pair.
pub(crate) const KEY_SETTING: &str = "sharing_key";

/// How many words a fingerprint has.
pub const FINGERPRINT_WORDS: usize = 5;

/// The stored key pair: `{"identity": "AGE-SECRET-KEY-1…", "createdAt": RFC 3339}`. Wiped from
/// memory when dropped.
#[derive(Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
#[serde(rename_all = "camelCase")]
struct StoredKey {
    identity: String,
    created_at: String,
}

/// This journal's public key, its fingerprint and when it was made; the key pair is made (and
/// saved in the vault) on the first call.
pub fn my_key(conn: &Connection, now: DateTime<FixedOffset>) -> Result<MyKey> {
    let (identity, created_at) = match load(conn)? {
        Some(found) => found,
        None => create(conn, now)?,
    };
    let recipient = identity.to_public().to_string();
    Ok(MyKey {
        fingerprint: fingerprint(&recipient),
        recipient,
        created_at,
    })
}

/// This journal's secret key (made on first use, like [`my_key`]). Stays inside the crate; for
/// the commands layer (nothing in `sharing` needs to make one while opening a file).
#[allow(dead_code)]
pub(crate) fn identity(conn: &Connection) -> Result<age::x25519::Identity> {
    match load(conn)? {
        Some((identity, _)) => Ok(identity),
        None => Ok(create(conn, crate::journal::local_now())?.0),
    }
}

/// The secret key if one was made already; `None` before the first [`my_key`] (nothing can
/// have been locked to this journal then). Never creates one.
pub(crate) fn existing_identity(conn: &Connection) -> Result<Option<age::x25519::Identity>> {
    Ok(load(conn)?.map(|(identity, _)| identity))
}

/// This journal's public key text (`age1…`) if a key pair was made already.
pub(crate) fn existing_recipient(conn: &Connection) -> Result<Option<String>> {
    Ok(existing_identity(conn)?.map(|identity| identity.to_public().to_string()))
}

/// BIP-39 words never shown as fingerprint words (sorted, for the binary search).
pub const UNSPOKEN: &[&str] = &[
    "abuse", "alcohol", "anger", "angry", "attack", "awful", "bitter", "blame", "bleak", "bomb",
    "broken", "bullet", "burden", "cage", "cigar", "crime", "cruel", "cry", "danger", "despair",
    "destroy", "disease", "disorder", "divorce", "drink", "dumb", "enemy", "evil", "exile",
    "faint", "fat", "fatal", "fatigue", "fault", "fever", "frown", "fury", "gloom", "grief",
    "guilt", "gun", "harsh", "horror", "hospital", "hungry", "hurt", "ill", "injury", "insane",
    "knife", "lazy", "lonely", "mad", "misery", "mistake", "naive", "nasty", "neglect", "orphan",
    "panic", "pill", "pistol", "prison", "punch", "regret", "reject", "rifle", "rude", "sad",
    "scare", "shock", "shoot", "sick", "skull", "slender", "smoke", "strike", "struggle", "suffer",
    "swear", "tired", "tragic", "trap", "trigger", "trouble", "ugly", "unfair", "unhappy", "upset",
    "vicious", "virus", "warfare", "weapon", "weird", "whip", "worry", "wreck", "wrong",
];

/// The words to compare aloud for a public key (see the module's documentation).
pub fn fingerprint(recipient: &str) -> Vec<String> {
    const GROUPS: usize = 256 / 11;
    let words = bip39::Language::English.word_list();
    let mut digest = Sha256::digest(recipient.as_bytes());
    let mut group = 0;
    let mut found = Vec::with_capacity(FINGERPRINT_WORDS);
    while found.len() < FINGERPRINT_WORDS {
        if group == GROUPS {
            digest = Sha256::digest(digest);
            group = 0;
        }
        let word = words[bits(&digest, group * 11, 11)];
        group += 1;
        if UNSPOKEN.binary_search(&word).is_err() {
            found.push(word.to_owned());
        }
    }
    found
}

/// `len` bits of `bytes` starting at bit `start` (most significant bit first), as a number.
fn bits(bytes: &[u8], start: usize, len: usize) -> usize {
    (start..start + len).fold(0, |acc, bit| {
        let byte = bytes[bit / 8];
        let set = (byte >> (7 - bit % 8)) & 1;
        (acc << 1) | usize::from(set)
    })
}

fn load(conn: &Connection) -> Result<Option<(age::x25519::Identity, String)>> {
    let Some(stored) = load_json::<StoredKey>(conn, KEY_SETTING, "sharing key")? else {
        return Ok(None);
    };
    let identity = age::x25519::Identity::from_str(&stored.identity)
        .map_err(|_| VaultError::Corrupt("The saved sharing key couldn't be read.".to_owned()))?;
    Ok(Some((identity, stored.created_at.clone())))
}

fn create(
    conn: &Connection,
    now: DateTime<FixedOffset>,
) -> Result<(age::x25519::Identity, String)> {
    let identity = age::x25519::Identity::generate();
    let created_at = now.to_rfc3339_opts(SecondsFormat::Millis, false);
    let stored = StoredKey {
        identity: identity.to_string().expose_secret().to_owned(),
        created_at: created_at.clone(),
    };
    save_json(conn, KEY_SETTING, &stored)?;
    Ok((identity, created_at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sharing::SharingError;
    use crate::test_support::{at, test_vault};

    const NOW: &str = "2026-03-10T09:30:00.250-05:00";

    #[test]
    fn the_key_pair_is_made_once_and_kept_in_the_vault() {
        let tv = test_vault("pw");
        let first = my_key(tv.conn(), at(NOW)).expect("made");
        assert!(first.recipient.starts_with("age1"), "{}", first.recipient);
        assert_eq!(first.created_at, NOW);
        assert_eq!(first.fingerprint, fingerprint(&first.recipient));

        let again = my_key(tv.conn(), at("2027-01-01T00:00:00.000+00:00")).expect("again");
        assert_eq!(again, first, "the same key, the first date");

        // The secret key is the one the public key belongs to, and is stored as age writes it.
        let secret = identity(tv.conn()).expect("identity");
        assert_eq!(secret.to_public().to_string(), first.recipient);
        let stored: String = tv
            .conn()
            .query_row(
                "SELECT value FROM settings WHERE key = 'sharing_key'",
                [],
                |r| r.get(0),
            )
            .expect("row");
        let json: serde_json::Value = serde_json::from_str(&stored).expect("json");
        assert!(json["identity"]
            .as_str()
            .expect("identity")
            .starts_with("AGE-SECRET-KEY-1"));
        assert_eq!(json["createdAt"], NOW);
    }

    #[test]
    fn two_journals_get_different_keys() {
        let a = test_vault("pw");
        let b = test_vault("pw");
        let ka = my_key(a.conn(), at(NOW)).expect("a");
        let kb = my_key(b.conn(), at(NOW)).expect("b");
        assert_ne!(ka.recipient, kb.recipient);
        assert_ne!(ka.fingerprint, kb.fingerprint);
    }

    #[test]
    fn nothing_is_made_until_asked_for() {
        let tv = test_vault("pw");
        assert!(existing_identity(tv.conn()).expect("read").is_none());
        assert!(existing_recipient(tv.conn()).expect("read").is_none());
        let made = identity(tv.conn()).expect("made on first use");
        assert_eq!(
            existing_recipient(tv.conn()).expect("read"),
            Some(made.to_public().to_string())
        );
    }

    #[test]
    fn a_damaged_stored_key_is_reported_not_replaced() {
        let tv = test_vault("pw");
        tv.conn()
            .execute(
                "INSERT INTO settings (key, value)
                 VALUES ('sharing_key', '{\"identity\":\"AGE-SECRET-KEY-1NOPE\",\"createdAt\":\"x\"}')",
                [],
            )
            .expect("insert");
        let err = my_key(tv.conn(), at(NOW)).expect_err("refused");
        assert!(matches!(err, SharingError::Vault(VaultError::Corrupt(_))));
        assert_eq!(err.code(), "corrupt");
        assert!(!err.to_string().contains("NOPE"));
        // Still the damaged row: a new key would make earlier shares unreadable.
        let kept: String = tv
            .conn()
            .query_row(
                "SELECT value FROM settings WHERE key = 'sharing_key'",
                [],
                |r| r.get(0),
            )
            .expect("row");
        assert!(kept.contains("NOPE"));
    }

    #[test]
    fn the_fingerprint_is_five_bip39_words_from_sha256() {
        // An independent computation: the digest's first 64 bits as a number, 11 bits at a time.
        let recipient = "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq";
        let digest = Sha256::digest(recipient.as_bytes());
        let mut n: u128 = 0;
        for b in &digest[..8] {
            n = (n << 8) | u128::from(*b);
        }
        // The top 55 of the first 64 bits, as five 11-bit indexes.
        let words = bip39::Language::English.word_list();
        let expected: Vec<String> = (0..5)
            .map(|i| words[((n >> (64 - 11 * (i + 1))) & 0x7ff) as usize].to_owned())
            .collect();
        let got = fingerprint(recipient);
        assert_eq!(got, expected);
        assert_eq!(got.len(), FINGERPRINT_WORDS);
        assert!(got.iter().all(|w| words.contains(&w.as_str())));
        // Stable across calls, and a one-letter change gives other words.
        assert_eq!(fingerprint(recipient), got);
        assert_ne!(
            fingerprint("age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gr"),
            got
        );
    }

    #[test]
    fn unspoken_words_are_bip39_words_and_never_come_out() {
        let words = bip39::Language::English.word_list();
        assert!(
            UNSPOKEN.windows(2).all(|w| w[0] < w[1]),
            "sorted, no repeats"
        );
        for word in UNSPOKEN {
            assert!(words.contains(word), "{word} is not a BIP-39 word");
        }
        // 20,000 keys' worth of words: never an unspoken one, and the skipping happens (about
        // one group in twenty lands on one), so the check is not empty.
        let mut skipped = 0;
        for n in 0..20_000 {
            let key = format!("age1example{n}");
            let got = fingerprint(&key);
            assert_eq!(got.len(), FINGERPRINT_WORDS);
            assert!(
                got.iter()
                    .all(|w| UNSPOKEN.binary_search(&w.as_str()).is_err()),
                "{got:?}"
            );
            let digest = Sha256::digest(key.as_bytes());
            let first: Vec<&str> = (0..FINGERPRINT_WORDS)
                .map(|i| words[bits(&digest, i * 11, 11)])
                .collect();
            if first != got {
                skipped += 1;
            }
        }
        assert!(skipped > 1_000, "only {skipped} keys had a word skipped");
    }

    #[test]
    fn a_skipped_word_is_replaced_by_the_next_group() {
        // Find a key whose third group lands on an unspoken word and check the words by hand.
        let words = bip39::Language::English.word_list();
        let (key, digest) = (0..)
            .map(|n| format!("age1skip{n}"))
            .map(|key| {
                let digest = Sha256::digest(key.as_bytes());
                (key, digest)
            })
            .find(|(_, d)| {
                let group = |i: usize| words[bits(d, i * 11, 11)];
                UNSPOKEN.contains(&group(2))
                    && (0..7)
                        .filter(|&i| i != 2)
                        .all(|i| !UNSPOKEN.contains(&group(i)))
            })
            .expect("such a key");
        let group = |i: usize| words[bits(&digest, i * 11, 11)].to_owned();
        assert_eq!(
            fingerprint(&key),
            [group(0), group(1), group(3), group(4), group(5)]
        );
    }

    #[test]
    fn the_fingerprint_matches_a_known_vector() {
        // SHA-256("abc") = ba7816bf 8f01cfea …: 10111010011 11000000101 10101111111 00011110000
        // 00011100111 → indexes 1491, 1541, 1407, 240, 231 of the BIP-39 English list.
        assert_eq!(
            fingerprint("abc"),
            ["risk", "scheme", "quiz", "bulk", "brother"]
        );
    }
}

//! Public keys as small text files, to hand over on a USB stick or by email: an age
//! recipients file (`docs/share-format.md`, "Key files"), which Cove writes and reads, and
//! which `age -R` reads too.
//!
//! Reading accepts what people are likely to give: Cove's own file, a file with just the
//! `age1…` line, or the identity file `age-keygen` writes, whose `# public key: age1…` comment
//! is read — and whose `AGE-SECRET-KEY-1…` line is skipped, never read out or returned.

use super::contacts::parse_key;
use super::error::{Result, SharingError};

/// The largest key file read, in bytes (64 KiB).
pub const KEY_FILE_MAX_BYTES: usize = 64 * 1024;

/// The comment line at the top of a key file Cove writes. No app name: the app may be renamed
/// for discretion, and the file may be seen by others.
pub const KEY_FILE_COMMENT: &str =
    "# A public key for sharing. It is safe to give to your counselor or client.";

/// The text of a key file for `recipient`: the comment line, then the key, each ending in a
/// line feed. Anything that is not a public key is `invalid_input`.
pub fn key_file_text(recipient: &str) -> Result<String> {
    let key = parse_key(recipient)?;
    Ok(format!("{KEY_FILE_COMMENT}\n{key}\n"))
}

/// The first public key in a key file's bytes, in canonical form: the first line that, trimmed,
/// is an age public key, or an `age-keygen` comment `# public key: age1…`. Lines holding a
/// secret key are skipped. Line feeds or CR LF, a leading byte-order mark, and bytes that are
/// not UTF-8 are all fine. Over [`KEY_FILE_MAX_BYTES`]: `invalid_input`; no key:
/// `no_key_found`.
pub fn key_from_key_file(bytes: &[u8]) -> Result<String> {
    if bytes.len() > KEY_FILE_MAX_BYTES {
        return Err(key_file_too_large());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes
        .split(|b| *b == b'\n')
        .find_map(key_on_line)
        .ok_or(SharingError::NoKeyFound)
}

/// A file too large to be a key file (`invalid_input`).
pub(crate) fn key_file_too_large() -> SharingError {
    SharingError::invalid(
        "That file is too large to be a share key. A share key file is a few lines of text.",
    )
}

/// The public key on one line of a key file, if there is one.
fn key_on_line(line: &[u8]) -> Option<String> {
    // Only ASCII can be part of a key; anything else on the line makes it not a key line.
    let line = std::str::from_utf8(line).ok()?.trim();
    // A secret key is never looked at further, wherever it is on the line.
    if line.to_ascii_uppercase().contains("AGE-SECRET-KEY-") {
        return None;
    }
    let candidate = match line.strip_prefix('#') {
        Some(comment) => strip_prefix_ignore_case(comment.trim_start(), "public key:")?.trim(),
        None => line,
    };
    if candidate.is_empty() {
        return None;
    }
    parse_key(candidate).ok()
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq";
    const SECRET: &str =
        "AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQX9L2ZW";

    fn read(text: &str) -> Result<String> {
        key_from_key_file(text.as_bytes())
    }

    #[test]
    fn cove_s_own_file_reads_back() {
        let text = key_file_text(&format!("  {KEY}\n")).expect("text");
        assert_eq!(text, format!("{KEY_FILE_COMMENT}\n{KEY}\n"));
        assert!(!text.to_lowercase().contains("cove"), "no app name");
        assert_eq!(read(&text).expect("key"), KEY);
        assert_eq!(
            key_file_text("not a key").expect_err("refused").code(),
            "invalid_input"
        );
    }

    #[test]
    fn an_age_keygen_identity_file_gives_its_public_key_never_the_secret() {
        let text = format!("# created: 2026-03-10T09:30:00-05:00\n# public key: {KEY}\n{SECRET}\n");
        let got = read(&text).expect("key");
        assert_eq!(got, KEY);
        assert!(!got.contains("AGE-SECRET"));
        // The secret first, and the comment in another case and spacing: still the public key.
        let text = format!("{SECRET}\n#Public Key:   {KEY}  \r\n");
        assert_eq!(read(&text).expect("key"), KEY);
        // Only a secret key: nothing found, and the error does not quote it.
        let err = read(&format!("{SECRET}\n")).expect_err("no public key");
        assert_eq!(err.code(), "no_key_found");
        assert!(!err.to_string().contains("SECRET-KEY-1"), "{err}");
        // A secret key in lower case is skipped as well.
        let err = read(&SECRET.to_lowercase()).expect_err("no public key");
        assert_eq!(err.code(), "no_key_found");
    }

    #[test]
    fn plain_lines_crlf_a_byte_order_mark_and_upper_case_are_read() {
        assert_eq!(read(KEY).expect("plain"), KEY);
        assert_eq!(read(&format!("\r\n\r\n  {KEY}\r\n")).expect("crlf"), KEY);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(KEY.as_bytes());
        assert_eq!(key_from_key_file(&bom).expect("bom"), KEY);
        assert_eq!(read(&KEY.to_uppercase()).expect("upper"), KEY);
        // Other lines before it (notes, other comments, bytes that are not UTF-8) are skipped.
        let mut mixed = b"My counselor's key:\n# just a note\n\xFF\xFE\n".to_vec();
        mixed.extend_from_slice(format!("{KEY}\nage1second").as_bytes());
        assert_eq!(key_from_key_file(&mixed).expect("mixed"), KEY);
    }

    #[test]
    fn no_key_and_too_large_are_refused() {
        for text in [
            "",
            "\n\n",
            "hello",
            "# public key:",
            "age1nope",
            "ssh-ed25519 AAAA x",
        ] {
            assert_eq!(
                read(text).expect_err(text).code(),
                "no_key_found",
                "{text:?}"
            );
        }
        assert_eq!(
            key_from_key_file(&[0u8, 159, 146, 150])
                .expect_err("binary")
                .code(),
            "no_key_found"
        );
        let big = format!("{KEY}\n{}", "x".repeat(KEY_FILE_MAX_BYTES));
        assert_eq!(read(&big).expect_err("big").code(), "invalid_input");
        let just_fits = format!("{KEY}\n{}", "x".repeat(KEY_FILE_MAX_BYTES - KEY.len() - 1));
        assert_eq!(read(&just_fits).expect("at the limit"), KEY);
    }
}

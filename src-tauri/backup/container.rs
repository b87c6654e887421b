//! The `.covebackup` file: one file holding the journal's key-slot file and an encrypted copy of
//! its database, specified byte for byte in `docs/vault-format.md` ("Backup files").
//!
//! ```text
//! magic "COVEBKP\0" (8) | container version u32 BE (4) | header length u32 BE (4)
//! | header: UTF-8 JSON (no user text) | key-slot file bytes | database bytes
//! | SHA-256 of everything before it (32)
//! ```
//!
//! Reading checks, in this order, before anything is used: the magic (else `NotABackup`), the
//! version (newer → `TooNew`), the header and the section lengths against the file's size
//! (else `Damaged`: e.g. cut short), and the checksum over the whole file (else `Damaged`). The
//! database section is streamed out while the checksum is computed, so a backup is read once.

use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::error::{BackupError, Result};
use super::model::BackupKind;

/// The first 8 bytes of every backup file.
pub const MAGIC: &[u8; 8] = b"COVEBKP\0";
/// The container version this code writes; it reads this one only.
pub const CONTAINER_VERSION: u32 = 1;
/// Bytes before the header: magic, version, header length.
pub const PREFIX_LEN: u64 = 16;
/// Bytes of the trailing SHA-256.
pub const CHECKSUM_LEN: u64 = 32;
/// The longest header accepted (the real one is about 250 bytes).
pub const MAX_HEADER_LEN: u32 = 64 * 1024;
/// The largest key-slot file accepted (the real one is about 1.5 KiB).
pub const MAX_KEYS_LEN: u64 = 1024 * 1024;

const CHUNK: usize = 1024 * 1024;

/// The plaintext JSON header. Nothing the person wrote: when, why, which app and schema,
/// which journal (its random id), and the two section lengths.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Header {
    /// Local time with offset, RFC 3339 to the millisecond.
    pub made_at: String,
    pub kind: BackupKind,
    /// `CARGO_PKG_VERSION` of the Cove that made it.
    pub app_version: String,
    /// `PRAGMA user_version` of the copied database.
    pub schema_version: u32,
    /// The journal's random id, 32 lowercase hex digits (the same as in its key file).
    pub vault_id: String,
    /// Bytes of the key-slot section.
    pub keys_length: u64,
    /// Bytes of the database section.
    pub database_length: u64,
}

/// A checked backup: its header and key-slot file. The database went to the writer given.
#[derive(Debug)]
pub struct Opened {
    pub header: Header,
    pub keys: Vec<u8>,
    pub file_len: u64,
}

/// Writes a whole backup to `out`: prefix, header, `keys`, the database read from `db`, and
/// the checksum. `progress(done)` is called with the database bytes copied so far.
pub fn write_container(
    out: &mut dyn Write,
    header: &Header,
    keys: &[u8],
    db: &mut impl Read,
    progress: &mut dyn FnMut(u64) -> Result<()>,
) -> Result<()> {
    let json = serde_json::to_vec(header)
        .map_err(|e| BackupError::Vault(crate::vault::VaultError::Internal(e.to_string())))?;
    let header_len = u32::try_from(json.len())
        .ok()
        .filter(|n| *n <= MAX_HEADER_LEN)
        .ok_or_else(|| BackupError::damaged("header too long"))?;
    if keys.len() as u64 != header.keys_length {
        return Err(BackupError::damaged("key section length mismatch"));
    }
    let mut hasher = Sha256::new();
    let mut put = |out: &mut dyn Write, bytes: &[u8]| -> Result<()> {
        hasher.update(bytes);
        out.write_all(bytes)
            .map_err(|e| BackupError::io("write the backup file", e))
    };
    put(out, MAGIC)?;
    put(out, &CONTAINER_VERSION.to_be_bytes())?;
    put(out, &header_len.to_be_bytes())?;
    put(out, &json)?;
    put(out, keys)?;
    let mut buf = vec![0u8; CHUNK];
    let mut copied = 0u64;
    loop {
        let n = db
            .read(&mut buf)
            .map_err(|e| BackupError::io("read the copy of your journal", e))?;
        if n == 0 {
            break;
        }
        put(out, &buf[..n])?;
        copied += n as u64;
        progress(copied)?;
    }
    if copied != header.database_length {
        return Err(BackupError::damaged("database section length mismatch"));
    }
    let sum = hasher.finalize();
    out.write_all(&sum)
        .map_err(|e| BackupError::io("write the backup file", e))
}

/// Reads only the prefix and header (no checksum): enough to list a backup. `None` when the
/// file is not a readable backup of a known version.
pub fn peek_header(path: &Path) -> Option<Header> {
    let mut file = File::open(path).ok()?;
    let mut prefix = [0u8; PREFIX_LEN as usize];
    file.read_exact(&mut prefix).ok()?;
    let (version, header_len) = split_prefix(&prefix).ok()?;
    if version != CONTAINER_VERSION || header_len > MAX_HEADER_LEN {
        return None;
    }
    let mut json = vec![0u8; header_len as usize];
    file.read_exact(&mut json).ok()?;
    serde_json::from_slice(&json).ok()
}

/// Checks a whole backup file and streams its database section into `db_out` (which may be
/// `io::sink()` to only check). `progress(done, total)` counts bytes read.
pub fn open_container(
    path: &Path,
    db_out: &mut dyn Write,
    progress: &mut dyn FnMut(u64, u64) -> Result<()>,
) -> Result<Opened> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(BackupError::NotFound),
        Err(e) => return Err(BackupError::io("read the backup file", e)),
    };
    let meta = file
        .metadata()
        .map_err(|e| BackupError::io("read the backup file", e))?;
    if !meta.is_file() {
        return Err(BackupError::NotABackup);
    }
    let file_len = meta.len();
    let mut reader = BufReader::with_capacity(CHUNK, file);
    let mut hasher = Sha256::new();
    let read_err = |e: io::Error| {
        if e.kind() == io::ErrorKind::UnexpectedEof {
            // The file shrank while it was being read (e.g. a stick pulled out mid-copy).
            BackupError::damaged("file ended early while reading")
        } else {
            BackupError::io("read the backup file", e)
        }
    };

    // Magic: a file that isn't even a prefix of it is foreign; one that is, but ends inside
    // the prefix, is a backup cut short.
    let mut prefix = [0u8; PREFIX_LEN as usize];
    let got = read_up_to(&mut reader, &mut prefix).map_err(read_err)?;
    let magic_part = got.min(MAGIC.len());
    if got == 0 || prefix[..magic_part] != MAGIC[..magic_part] {
        return Err(BackupError::NotABackup);
    }
    if got < PREFIX_LEN as usize {
        return Err(BackupError::damaged("file shorter than the prefix"));
    }
    let (version, header_len) = split_prefix(&prefix)?;
    if version > CONTAINER_VERSION {
        return Err(BackupError::TooNew);
    }
    if version != CONTAINER_VERSION {
        return Err(BackupError::damaged("unknown container version"));
    }
    if header_len > MAX_HEADER_LEN || PREFIX_LEN + header_len as u64 > file_len {
        return Err(BackupError::damaged("header length out of range"));
    }
    hasher.update(prefix);

    let mut json = vec![0u8; header_len as usize];
    reader.read_exact(&mut json).map_err(read_err)?;
    hasher.update(&json);
    let header: Header = serde_json::from_slice(&json)
        .map_err(|_| BackupError::damaged("header is not valid JSON"))?;
    let expected = PREFIX_LEN
        .checked_add(header_len as u64)
        .and_then(|n| n.checked_add(header.keys_length))
        .and_then(|n| n.checked_add(header.database_length))
        .and_then(|n| n.checked_add(CHECKSUM_LEN));
    if expected != Some(file_len) {
        return Err(BackupError::damaged(
            "section lengths do not match the file size",
        ));
    }
    if header.keys_length > MAX_KEYS_LEN {
        return Err(BackupError::damaged("key section too long"));
    }

    let total = file_len;
    let mut done = PREFIX_LEN + header_len as u64;
    let mut keys = vec![0u8; header.keys_length as usize];
    reader.read_exact(&mut keys).map_err(read_err)?;
    hasher.update(&keys);
    done += header.keys_length;
    progress(done, total)?;

    let mut remaining = header.database_length;
    let mut buf = vec![0u8; CHUNK];
    while remaining > 0 {
        let want = remaining.min(CHUNK as u64) as usize;
        reader.read_exact(&mut buf[..want]).map_err(read_err)?;
        hasher.update(&buf[..want]);
        db_out
            .write_all(&buf[..want])
            .map_err(|e| BackupError::io("unpack the backup", e))?;
        remaining -= want as u64;
        done += want as u64;
        progress(done, total)?;
    }
    let mut sum = [0u8; CHECKSUM_LEN as usize];
    reader.read_exact(&mut sum).map_err(read_err)?;
    if hasher.finalize().as_slice() != sum {
        return Err(BackupError::damaged("checksum mismatch"));
    }
    progress(total, total)?;
    Ok(Opened {
        header,
        keys,
        file_len,
    })
}

fn split_prefix(prefix: &[u8; PREFIX_LEN as usize]) -> Result<(u32, u32)> {
    if &prefix[..8] != MAGIC {
        return Err(BackupError::NotABackup);
    }
    let version = u32::from_be_bytes([prefix[8], prefix[9], prefix[10], prefix[11]]);
    let header_len = u32::from_be_bytes([prefix[12], prefix[13], prefix[14], prefix[15]]);
    Ok((version, header_len))
}

/// Reads until `buf` is full or the file ends; returns the bytes read.
fn read_up_to(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match reader.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

//! Helpers shared by Cove's integration and end-to-end suites.
//!
//! Only `std` is used, so any test crate can include this file, e.g. from `tests/e2e`:
//! `#[path = "../../common/mod.rs"] mod common;`.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

/// The first 16 bytes of every plaintext SQLite database file.
pub const SQLITE_HEADER: &[u8] = b"SQLite format 3\0";

/// Every regular file under `dir`, recursively (symlinks are not followed).
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => panic!("cannot list {}: {e}", d.display()),
        };
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => panic!("cannot read an entry of {}: {e}", d.display()),
            };
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(path),
                Ok(t) if t.is_file() => out.push(path),
                _ => {}
            }
        }
    }
    out.sort();
    out
}

/// Proves that nothing under `dir` is stored in the clear: panics if any file (database, its
/// `-wal`/`-shm`, key files, prefs, logs, temporary files — every regular file, recursively)
/// contains any of `needles` as raw bytes, or starts with the plaintext SQLite header.
///
/// Pick needles that are distinctive (16 bytes or more of random-looking text per entry), so a
/// hit can only mean the text itself leaked. Returns the number of files scanned so callers can
/// assert the scan saw what they expected.
pub fn assert_no_plaintext(dir: &Path, needles: &[&str]) -> usize {
    let (scanned, findings) = find_plaintext(dir, needles);
    assert!(
        findings.is_empty(),
        "plaintext found under {}:\n{}",
        dir.display(),
        findings.join("\n")
    );
    scanned
}

/// The non-panicking scan behind [`assert_no_plaintext`]: the number of files scanned and one
/// line per finding ("<file> contains …" / "<file> is a plaintext SQLite database").
pub fn find_plaintext(dir: &Path, needles: &[&str]) -> (usize, Vec<String>) {
    for needle in needles {
        assert!(
            needle.len() >= 8,
            "needle {needle:?} is too short to be distinctive"
        );
    }
    let index = NeedleIndex::new(needles);
    let files = files_under(dir);
    let mut findings = Vec::new();
    for path in &files {
        let bytes = match fs::read(path) {
            Ok(b) => b,
            // A file removed between listing and reading (e.g. a -wal at checkpoint) is fine.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => panic!("cannot read {}: {e}", path.display()),
        };
        if bytes.starts_with(SQLITE_HEADER) {
            findings.push(format!("{} is a plaintext SQLite database", path.display()));
        }
        for (at, needle) in index.find_all(&bytes) {
            findings.push(format!(
                "{} contains plaintext {:?} at byte {at}",
                path.display(),
                needle
            ));
        }
    }
    (files.len(), findings)
}

/// Many needles searched in one pass: candidates are bucketed by their first two bytes, so
/// thousands of needles cost about as much as one (fast even in unoptimised test builds).
struct NeedleIndex<'a> {
    buckets: Vec<Vec<&'a str>>,
}

impl<'a> NeedleIndex<'a> {
    fn new(needles: &[&'a str]) -> Self {
        let mut buckets = vec![Vec::new(); 1 << 16];
        for needle in needles {
            let b = needle.as_bytes();
            buckets[usize::from(b[0]) << 8 | usize::from(b[1])].push(*needle);
        }
        NeedleIndex { buckets }
    }

    /// Every (offset, needle) where a needle occurs in `haystack`.
    fn find_all(&self, haystack: &[u8]) -> Vec<(usize, &'a str)> {
        let mut hits = Vec::new();
        for i in 0..haystack.len().saturating_sub(1) {
            let bucket =
                &self.buckets[usize::from(haystack[i]) << 8 | usize::from(haystack[i + 1])];
            for needle in bucket {
                if haystack[i..].starts_with(needle.as_bytes()) {
                    hits.push((i, *needle));
                }
            }
        }
        hits
    }
}

/// Position of `needle` in `haystack`, if present.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    let first = needle[0];
    let last_start = haystack.len() - needle.len();
    let mut i = 0;
    while i <= last_start {
        match haystack[i..=last_start].iter().position(|&b| b == first) {
            None => return None,
            Some(off) => {
                let at = i + off;
                if &haystack[at..at + needle.len()] == needle {
                    return Some(at);
                }
                i = at + 1;
            }
        }
    }
    None
}

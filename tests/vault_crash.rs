//! Crash safety with real processes: a writer process inserts entries and acknowledges each
//! one on stdout only after its commit returned; the test kills it with SIGKILL at random
//! moments and proves every acknowledged entry survived intact, the database stays sound, and
//! nothing in the data folder is plaintext.
//!
//! The writer is this same test binary, re-run with `--exact crash_writer_child` and
//! `COVE_CRASH_WRITER_DIR` set. Rounds: `COVE_CRASH_ROUNDS` (default 200); seed:
//! `COVE_CRASH_SEED` (printed, so a failure can be replayed); `COVE_CRASH_DEBUG=1` prints
//! per-round timings.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use cove_lib::prefs::Prefs;
use cove_lib::vault::{KdfParams, Vault, VaultDir};
use rand::{Rng, SeedableRng};
use secrecy::SecretString;
use sha2::{Digest, Sha256};

const WRITER_ENV: &str = "COVE_CRASH_WRITER_DIR";
const REWRAP_ENV: &str = "COVE_CRASH_REWRAP";
const PASS: &str = "crash test passphrase, floor params";

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One acknowledged entry: its body hash and the distinctive token inside its body.
struct Ack {
    hash: String,
    token: String,
}

/// The writer. Does nothing unless the parent test started this process as its writer.
#[test]
fn crash_writer_child() {
    let Ok(dir) = std::env::var(WRITER_ENV) else {
        return;
    };
    let rewrap = std::env::var(REWRAP_ENV).is_ok_and(|v| v == "1");
    let dir = VaultDir::open(&dir).expect("writer: open folder");
    let vault = Vault::unlock_with_passphrase(&dir, &secret(PASS)).expect("writer: unlock");
    let mut rng = rand::thread_rng();
    let mut out = std::io::stdout().lock();
    writeln!(out, "READY").expect("stdout");
    out.flush().expect("flush");
    for i in 0..100_000u32 {
        let token = format!("cvx{:032x}", rng.gen::<u128>());
        let filler = "quiet ".repeat(rng.gen_range(1..40));
        let body = format!("Entry {i}: today felt like {token}, and that's okay. {filler}");
        vault
            .conn()
            .execute(
                "INSERT INTO entries (kind, title, body, created_at, updated_at)
                 VALUES ('journal', ?1, ?2, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
                (format!("title {i}"), &body),
            )
            .expect("writer: insert");
        let id = vault.conn().last_insert_rowid();
        // Only now, with the commit returned, is the entry acknowledged.
        writeln!(out, "ACK {id} {} {token}", sha256_hex(&body)).expect("stdout");
        out.flush().expect("flush");
        if rewrap && i == 1 {
            // Re-wrap the key file so some kills land in the middle of its atomic write.
            vault
                .change_passphrase(&secret(PASS), &secret(PASS), KdfParams::floor())
                .expect("writer: rewrap");
            writeln!(out, "REWRAPPED").expect("stdout");
            out.flush().expect("flush");
        }
    }
}

fn spawn_writer(dir: &Path, rewrap: bool) -> std::process::Child {
    let exe = std::env::current_exe().expect("current exe");
    Command::new(exe)
        .args([
            "--exact",
            "crash_writer_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(WRITER_ENV, dir)
        .env(REWRAP_ENV, if rewrap { "1" } else { "0" })
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn writer")
}

fn parse_ack(line: &str) -> Option<(i64, Ack)> {
    let mut parts = line.strip_prefix("ACK ")?.split(' ');
    let id = parts.next()?.parse().ok()?;
    let hash = parts.next()?.to_owned();
    let token = parts.next()?.to_owned();
    (hash.len() == 64 && token.len() == 35).then_some((id, Ack { hash, token }))
}

/// Unlocks and checks that every acknowledged entry is present with the same body.
fn verify_acked(dir_path: &Path, acked: &BTreeMap<i64, Ack>) -> Vault {
    let dir = VaultDir::open(dir_path).expect("parent: open folder (writer must be gone)");
    let vault = Vault::unlock_with_passphrase(&dir, &secret(PASS)).expect("parent: unlock");
    let mut stmt = vault
        .conn()
        .prepare("SELECT id, body FROM entries")
        .expect("prepare");
    let stored: BTreeMap<i64, String> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    drop(stmt);
    for (id, ack) in acked {
        let body = stored
            .get(id)
            .unwrap_or_else(|| panic!("acknowledged entry {id} is missing after a crash"));
        assert_eq!(
            sha256_hex(body),
            ack.hash,
            "entry {id} changed after a crash"
        );
        assert!(body.contains(&ack.token));
    }
    vault
}

fn data_dir(tmp: &tempfile::TempDir) -> PathBuf {
    tmp.path().join("data")
}

#[test]
fn killed_writer_never_loses_an_acknowledged_entry_and_leaves_no_plaintext() {
    let rounds: u32 = std::env::var("COVE_CRASH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let seed: u64 = std::env::var("COVE_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| rand::thread_rng().gen());
    println!("crash test: {rounds} rounds, COVE_CRASH_SEED={seed}");
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let started = Instant::now();

    let tmp = tempfile::tempdir().expect("tempdir");
    let path = data_dir(&tmp);
    {
        let dir = VaultDir::open(&path).expect("open");
        let (vault, _code) =
            Vault::create(&dir, &secret(PASS), KdfParams::floor()).expect("create");
        Prefs::default().save(dir.path()).expect("prefs");
        vault.lock();
    }

    let mut acked: BTreeMap<i64, Ack> = BTreeMap::new();
    let mut kills_after_acks = 0u32;
    for round in 0..rounds {
        let wanted_acks: usize = rng.gen_range(0..=12);
        let delay = Duration::from_millis(rng.gen_range(0..=40));
        let rewrap = round % 5 == 4;
        let mut child = spawn_writer(&path, rewrap);
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });

        let spawned = Instant::now();
        let mut ready_at = None;
        let mut lines = Vec::new();
        let mut acks_seen = 0usize;
        let deadline = Instant::now() + Duration::from_secs(60);
        while acks_seen < wanted_acks {
            match rx.recv_timeout(Duration::from_millis(200)) {
                Ok(line) => {
                    if line == "READY" {
                        ready_at = Some(spawned.elapsed());
                    }
                    if line.starts_with("ACK ") {
                        acks_seen += 1;
                    }
                    lines.push(line);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if let Ok(Some(status)) = child.try_wait() {
                        panic!("round {round}: writer exited early with {status}");
                    }
                    assert!(Instant::now() < deadline, "round {round}: writer stalled");
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    let status = child.wait().expect("wait");
                    panic!("round {round}: writer closed its output early ({status})");
                }
            }
        }
        let acked_at = spawned.elapsed();
        std::thread::sleep(delay);
        child.kill().expect("SIGKILL writer");
        child.wait().expect("reap writer");
        reader.join().expect("reader thread");
        lines.extend(rx.try_iter());
        if acks_seen > 0 {
            kills_after_acks += 1;
        }
        for line in &lines {
            if let Some((id, ack)) = parse_ack(line) {
                assert!(
                    acked.insert(id, ack).is_none(),
                    "round {round}: id {id} acknowledged twice"
                );
            }
        }

        if round + 1 == rounds {
            // The folder exactly as the kill left it (WAL and all) holds no plaintext.
            let tokens: Vec<&str> = acked.values().map(|a| a.token.as_str()).collect();
            common::assert_no_plaintext(&path, &tokens);
        }
        let verify_start = Instant::now();
        drop(verify_acked(&path, &acked));
        if std::env::var_os("COVE_CRASH_DEBUG").is_some() {
            println!(
                "round {round}: ready {ready_at:?} acks {acks_seen} at {acked_at:?} total {} verify {:?} total {:?}",
                acked.len(),
                verify_start.elapsed(),
                started.elapsed()
            );
        }
    }

    let vault = verify_acked(&path, &acked);
    let integrity: String = vault
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(integrity, "ok");
    let mut stmt = vault
        .conn()
        .prepare("PRAGMA cipher_integrity_check")
        .expect("prepare");
    let problems: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .expect("cipher_integrity_check")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    assert!(problems.is_empty(), "cipher_integrity_check: {problems:?}");
    drop(stmt);
    vault.lock();

    let tokens: Vec<&str> = acked.values().map(|a| a.token.as_str()).collect();
    let scanned = common::assert_no_plaintext(&path, &tokens);
    assert!(scanned >= 4, "scanned {scanned} files");
    assert!(
        rounds < 5 || acked.len() >= 5,
        "only {} entries acknowledged in {rounds} rounds",
        acked.len()
    );
    println!(
        "crash test: {rounds} rounds ({kills_after_acks} killed mid-write), {} acknowledged entries intact, {:.1?}",
        acked.len(),
        started.elapsed()
    );
}

#[test]
fn plaintext_scan_catches_a_planted_needle_and_a_plain_sqlite_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let nested = tmp.path().join("a/b");
    std::fs::create_dir_all(&nested).expect("mkdir");
    let needle = "cvx-planted-needle-0123456789";
    std::fs::write(nested.join("log.txt"), format!("...{needle}...")).expect("write");
    std::fs::write(nested.join("x.db"), b"SQLite format 3\0rest").expect("write");
    std::fs::write(tmp.path().join("clean"), b"nothing to see").expect("write");
    let (scanned, findings) = common::find_plaintext(tmp.path(), &[needle]);
    assert_eq!(scanned, 3);
    assert_eq!(findings.len(), 2, "{findings:?}");
    assert!(findings
        .iter()
        .any(|f| f.contains("log.txt") && f.contains(needle)));
    assert!(findings
        .iter()
        .any(|f| f.contains("x.db") && f.contains("SQLite")));
    std::fs::remove_dir_all(tmp.path().join("a")).expect("rm");
    assert_eq!(common::assert_no_plaintext(tmp.path(), &[needle]), 1);
}

//! Share files against the reference `age` command-line tool (Debian's `age`, installed by
//! `scripts/setup.sh`): what Cove seals, `age -d` opens (to a key and with a passphrase,
//! binary and armored), and what `age` encrypts to a Cove key or with a passphrase (plain and
//! `-a` armored), Cove unseals and imports.
//!
//! `age` reads a passphrase only from a terminal, so those runs go through `script` (util-linux),
//! which gives `age` a pseudo-terminal and passes what is written to its standard input.
//! Without `age` (or `script`) these tests fail rather than skip.
//!
//! Public keys handed over: a key file Cove writes is an age recipients file (`age -R` encrypts
//! to it, and Cove imports the result); the identity file `age-keygen` writes gives its public
//! key, never its secret one; and a QR code of a key made by the reference encoder `qrencode`
//! (Debian's `qrencode`, also installed by `scripts/setup.sh`) reads back as the key.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use cove_lib::goals::{list_proposals, ProposalStatus};
use cove_lib::journal::{save_entry, EntryDraft, EntryKind};
use cove_lib::sharing::{
    build_payload, build_suggestions, import_share, key_file_text, key_from_key_file,
    key_from_picture, list_inbox, my_key, seal, unseal, EntryParts, EntryPick, PayloadKind,
    Sealing, ShareMethod, SharePayload, ShareSelection, SharedItem, SharingError, Suggestion,
};
use cove_lib::vault::{KdfParams, Vault, VaultDir};
use secrecy::SecretString;

const AGE: &str = "/usr/bin/age";
const AGE_KEYGEN: &str = "/usr/bin/age-keygen";
const QRENCODE: &str = "/usr/bin/qrencode";
const PASSPHRASE: &str = "lighthouse by the sea 7";
const NOW: &str = "2026-03-10T09:30:00.250-05:00";
const BODY: &str = "Talked to Sam at lunch — it went better than I feared. ✨";

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(NOW).expect("time")
}

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

/// A real journal in a temporary folder (with the cheapest KDF).
struct Journal {
    _tmp: tempfile::TempDir,
    vault: Vault,
}

impl Journal {
    fn new() -> Self {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = VaultDir::open(tmp.path().join("data")).expect("dir");
        let vault = Vault::create(&dir, &secret("journal passphrase"), KdfParams::floor())
            .expect("create")
            .0;
        Journal { _tmp: tmp, vault }
    }

    fn conn(&self) -> &rusqlite::Connection {
        self.vault.conn()
    }
}

/// The reference tool; fails (never skips) when it is not installed.
fn age_tool(program: &str) -> Command {
    assert!(
        Path::new(program).exists(),
        "{program} is missing: install Debian's `age` and `qrencode` packages (scripts/setup.sh \
         does)"
    );
    Command::new(program)
}

fn run(mut cmd: Command) -> Output {
    let out = cmd.output().expect("run age");
    assert!(
        out.status.success(),
        "age failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Runs `age` with `args` under `script`, writing `typed` to its terminal; the exit status.
/// Standard input stays open until `age` is done, so it never sees the terminal close early.
fn age_on_a_terminal(args: &[&str], typed: &str) -> std::process::ExitStatus {
    assert!(
        Path::new("/usr/bin/script").exists(),
        "script (util-linux) is missing"
    );
    let quoted: Vec<String> = std::iter::once(AGE)
        .chain(args.iter().copied())
        .map(|a| {
            assert!(!a.contains('\''), "no quotes in test paths");
            format!("'{a}'")
        })
        .collect();
    let mut child = age_tool("/usr/bin/script")
        .args(["-q", "-e", "-c", &quoted.join(" "), "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("script");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(typed.as_bytes()).expect("type");
    stdin.flush().expect("flush");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            drop(stdin);
            return status;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("age under script did not finish in 2 minutes");
        }
        thread::sleep(Duration::from_millis(50));
    }
}

/// A key pair made by `age-keygen`: (identity file, recipient).
fn age_keygen(dir: &Path, name: &str) -> (PathBuf, String) {
    let key = dir.join(name);
    let mut cmd = age_tool(AGE_KEYGEN);
    cmd.arg("-o").arg(&key);
    run(cmd);
    let mut cmd = age_tool(AGE_KEYGEN);
    cmd.arg("-y").arg(&key);
    let recipient = String::from_utf8(run(cmd).stdout).expect("utf8");
    (key, recipient.trim().to_owned())
}

/// A client journal with one check-in-free entry, and its share payload's JSON (the title left
/// out, the body in).
fn client_share(client: &Journal, method: ShareMethod) -> (SharePayload, Vec<u8>) {
    let entry = save_entry(
        client.conn(),
        EntryDraft {
            id: None,
            kind: EntryKind::Free,
            title: Some("Lunch".into()),
            body: BODY.into(),
            tags: vec!["school".into()],
            prompt_id: None,
            checkin: None,
            goal: None,
            identity: None,
        },
        now(),
    )
    .expect("save")
    .expect("entry");
    let selection = ShareSelection {
        entries: vec![EntryPick {
            id: entry.id,
            parts: EntryParts {
                body: true,
                tags: true,
                ..EntryParts::default()
            },
        }],
        note: Some("For Thursday".into()),
        ..ShareSelection::default()
    };
    let payload = build_payload(client.conn(), &selection, method, now()).expect("payload");
    let json = serde_json::to_vec(&payload).expect("json");
    (payload, json)
}

fn shared_body(payload: &SharePayload) -> Option<&str> {
    match payload.items.first() {
        Some(SharedItem::Entry { body, .. }) => body.as_deref(),
        _ => None,
    }
}

#[test]
fn a_share_cove_sealed_to_a_key_opens_with_the_age_tool() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (identity_file, recipient) = age_keygen(tmp.path(), "counselor.key");
    let client = Journal::new();
    let (payload, json) = client_share(&client, ShareMethod::File);

    for armor in [false, true] {
        let sealed = seal(&json, &Sealing::Recipient(recipient.clone()), armor).expect("seal");
        let file = tmp
            .path()
            .join(if armor { "share.txt" } else { "share.cove" });
        fs::write(&file, &sealed).expect("write");
        let mut cmd = age_tool(AGE);
        cmd.arg("-d").arg("-i").arg(&identity_file).arg(&file);
        let opened = run(cmd).stdout;
        assert_eq!(
            opened, json,
            "armor {armor}: age gives back the exact payload"
        );
        let read: SharePayload = serde_json::from_slice(&opened).expect("payload json");
        assert_eq!(read, payload);
        assert_eq!(shared_body(&read), Some(BODY));
    }

    // The age tool refuses it with any other key.
    let (other_key, _) = age_keygen(tmp.path(), "other.key");
    let sealed = seal(&json, &Sealing::Recipient(recipient), false).expect("seal");
    let file = tmp.path().join("share2.cove");
    fs::write(&file, &sealed).expect("write");
    let out = age_tool(AGE)
        .arg("-d")
        .arg("-i")
        .arg(&other_key)
        .arg(&file)
        .output()
        .expect("age");
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
}

#[test]
fn a_passphrase_share_cove_sealed_opens_with_the_age_tool() {
    let tmp = tempfile::tempdir().expect("tmp");
    let client = Journal::new();
    let (payload, json) = client_share(&client, ShareMethod::PassphraseFile);
    assert_eq!(payload.from.reply_to, None, "no key in the passphrase mode");

    for armor in [false, true] {
        let sealed = seal(&json, &Sealing::Passphrase(secret(PASSPHRASE)), armor).expect("seal");
        let file = tmp.path().join(format!("share-{armor}.age"));
        fs::write(&file, &sealed).expect("write");
        let out = tmp.path().join(format!("opened-{armor}.json"));
        let out_s = out.to_str().expect("path");
        let file_s = file.to_str().expect("path");
        let status = age_on_a_terminal(&["-d", "-o", out_s, file_s], &format!("{PASSPHRASE}\n"));
        assert!(
            status.success(),
            "armor {armor}: age -d with the passphrase: {status}"
        );
        assert_eq!(fs::read(&out).expect("opened"), json, "armor {armor}");

        // Another passphrase doesn't open it.
        let wrong = tmp.path().join(format!("wrong-{armor}.json"));
        let status = age_on_a_terminal(
            &["-d", "-o", wrong.to_str().expect("path"), file_s],
            "not the passphrase\n",
        );
        assert!(!status.success(), "armor {armor}: a wrong passphrase fails");
        assert!(fs::read(&wrong).map(|b| b.is_empty()).unwrap_or(true));
    }
}

#[test]
fn a_file_the_age_tool_encrypted_to_a_cove_key_imports() {
    let tmp = tempfile::tempdir().expect("tmp");
    let counselor = Journal::new();
    let counselor_key = my_key(counselor.conn(), now()).expect("key").recipient;
    let client = Journal::new();
    let (payload, json) = client_share(&client, ShareMethod::File);
    let plain = tmp.path().join("payload.json");
    fs::write(&plain, &json).expect("write");

    let mut files = Vec::new();
    for armor in [false, true] {
        let file = tmp.path().join(format!("from-age-{armor}.age"));
        let mut cmd = age_tool(AGE);
        if armor {
            cmd.arg("-a");
        }
        cmd.arg("-r")
            .arg(&counselor_key)
            .arg("-o")
            .arg(&file)
            .arg(&plain);
        run(cmd);
        let bytes = fs::read(&file).expect("read");
        assert_eq!(
            bytes.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----"),
            armor
        );
        assert_eq!(
            unseal(counselor.conn(), &bytes, None).expect("unseal"),
            json
        );
        files.push(bytes);
    }

    // The binary one imports into the inbox; the armored one (the same share) adds nothing.
    let first = import_share(counselor.conn(), &files[0], None, None, now()).expect("import");
    assert!(first.added);
    assert_eq!(first.kind, PayloadKind::Share);
    assert_eq!(first.count, 1);
    assert_eq!(first.share_id, payload.share_id);
    let again = import_share(counselor.conn(), &files[1], None, None, now()).expect("again");
    assert!(!again.added, "the same share twice adds nothing");
    let inbox = list_inbox(counselor.conn()).expect("inbox");
    assert_eq!(inbox.len(), 1);
    assert_eq!(shared_body(&inbox[0].payload), Some(BODY));
    assert!(
        !serde_json::to_string(&inbox[0].payload)
            .expect("json")
            .contains("Lunch"),
        "the title was left out"
    );

    // Encrypted to several keys, this journal's among them, it still opens.
    let (_, someone) = age_keygen(tmp.path(), "someone.key");
    let multi = tmp.path().join("multi.age");
    let mut cmd = age_tool(AGE);
    cmd.args(["-r", &someone, "-r", &counselor_key, "-o"])
        .arg(&multi)
        .arg(&plain);
    run(cmd);
    let bytes = fs::read(&multi).expect("read");
    assert_eq!(
        unseal(counselor.conn(), &bytes, None).expect("unseal"),
        json
    );

    // Encrypted only to someone else's key: not for this journal, and nothing is added.
    let elsewhere = tmp.path().join("elsewhere.age");
    let mut cmd = age_tool(AGE);
    cmd.args(["-r", &someone, "-o"]).arg(&elsewhere).arg(&plain);
    run(cmd);
    let bytes = fs::read(&elsewhere).expect("read");
    let err = import_share(counselor.conn(), &bytes, None, None, now()).expect_err("not for you");
    assert!(matches!(err, SharingError::NotForYou), "{err:?}");
    assert_eq!(list_inbox(counselor.conn()).expect("inbox").len(), 1);
}

#[test]
fn suggestions_the_age_tool_encrypted_to_a_client_key_become_proposals() {
    let tmp = tempfile::tempdir().expect("tmp");
    let client = Journal::new();
    let client_key = my_key(client.conn(), now()).expect("key").recipient;
    let counselor = Journal::new();
    let payload = build_suggestions(
        counselor.conn(),
        &[
            Suggestion::Goal {
                title: "Walk by the sea twice a week".into(),
                why: Some("Moving helps".into()),
                steps: vec!["Pick two days".into()],
                note: None,
            },
            Suggestion::Prompt {
                text: "What made today a little lighter?".into(),
                note: None,
            },
        ],
        Some("See you Thursday"),
        now(),
    )
    .expect("suggestions");
    let plain = tmp.path().join("suggestions.json");
    fs::write(&plain, serde_json::to_vec(&payload).expect("json")).expect("write");
    let file = tmp.path().join("suggestions.age");
    let mut cmd = age_tool(AGE);
    cmd.args(["-a", "-r", &client_key, "-o"])
        .arg(&file)
        .arg(&plain);
    run(cmd);

    let outcome = import_share(
        client.conn(),
        &fs::read(&file).expect("read"),
        None,
        None,
        now(),
    )
    .expect("import");
    assert!(outcome.added);
    assert_eq!(outcome.kind, PayloadKind::Suggestions);
    assert_eq!(outcome.count, 2);
    let proposals = list_proposals(client.conn()).expect("proposals");
    assert_eq!(proposals.len(), 2);
    assert!(proposals
        .iter()
        .all(|p| p.status == ProposalStatus::Pending));
    assert!(proposals
        .iter()
        .any(|p| p.title == "Walk by the sea twice a week"));
}

#[test]
fn a_passphrase_file_the_age_tool_made_opens_in_cove() {
    let tmp = tempfile::tempdir().expect("tmp");
    let client = Journal::new();
    let (payload, json) = client_share(&client, ShareMethod::PassphraseFile);
    let plain = tmp.path().join("payload.json");
    fs::write(&plain, &json).expect("write");
    let counselor = Journal::new();

    let mut files = Vec::new();
    for armor in [false, true] {
        let file = tmp.path().join(format!("pass-{armor}.age"));
        let file_s = file.to_str().expect("path");
        let plain_s = plain.to_str().expect("path");
        let mut args = vec!["-p"];
        if armor {
            args.push("-a");
        }
        args.extend(["-o", file_s, plain_s]);
        // Typed twice: the passphrase and its confirmation.
        let status = age_on_a_terminal(&args, &format!("{PASSPHRASE}\n{PASSPHRASE}\n"));
        assert!(status.success(), "age -p: {status}");
        let bytes = fs::read(&file).expect("made");
        assert_eq!(
            bytes.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----"),
            armor
        );
        assert_eq!(
            unseal(counselor.conn(), &bytes, Some(&secret(PASSPHRASE))).expect("unseal"),
            json,
            "armor {armor}"
        );
        files.push(bytes);
    }

    // Without the passphrase, or with another one: refused, nothing added.
    for given in [None, Some(secret("lighthouse by the sea 8"))] {
        let err = import_share(counselor.conn(), &files[0], given.as_ref(), None, now())
            .expect_err("refused");
        assert!(matches!(err, SharingError::WrongPassphrase), "{err:?}");
    }
    assert!(list_inbox(counselor.conn()).expect("inbox").is_empty());

    let outcome = import_share(
        counselor.conn(),
        &files[1],
        Some(&secret(PASSPHRASE)),
        None,
        now(),
    )
    .expect("import");
    assert!(outcome.added);
    assert_eq!(outcome.share_id, payload.share_id);
    let inbox = list_inbox(counselor.conn()).expect("inbox");
    assert_eq!(inbox.len(), 1);
    assert_eq!(shared_body(&inbox[0].payload), Some(BODY));
}

#[test]
fn the_age_tool_encrypts_to_cove_s_key_file_and_cove_imports_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let counselor = Journal::new();
    let key = my_key(counselor.conn(), now()).expect("key").recipient;
    // The key file exactly as `export_my_key` writes it (its command test checks the bytes).
    let key_file = tmp.path().join("share-key.txt");
    fs::write(&key_file, key_file_text(&key).expect("text")).expect("key file");
    assert_eq!(
        key_from_key_file(&fs::read(&key_file).expect("read")).expect("reads back"),
        key
    );

    let client = Journal::new();
    let (payload, json) = client_share(&client, ShareMethod::File);
    let plain = tmp.path().join("payload.json");
    fs::write(&plain, &json).expect("write");
    let file = tmp.path().join("to-the-key-file.age");
    let mut cmd = age_tool(AGE);
    cmd.arg("-R")
        .arg(&key_file)
        .arg("-o")
        .arg(&file)
        .arg(&plain);
    run(cmd);

    let bytes = fs::read(&file).expect("read");
    let outcome = import_share(
        counselor.conn(),
        &bytes,
        None,
        Some(PayloadKind::Share),
        now(),
    )
    .expect("import");
    assert!(outcome.added);
    assert_eq!(outcome.share_id, payload.share_id);
    let inbox = list_inbox(counselor.conn()).expect("inbox");
    assert_eq!(inbox.len(), 1);
    assert_eq!(shared_body(&inbox[0].payload), Some(BODY));
}

#[test]
fn an_age_keygen_identity_file_gives_its_public_key_and_never_its_secret() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (identity_file, recipient) = age_keygen(tmp.path(), "counselor.key");
    let bytes = fs::read(&identity_file).expect("identity file");
    assert!(
        String::from_utf8_lossy(&bytes).contains("AGE-SECRET-KEY-1"),
        "the file age-keygen wrote holds the secret key"
    );
    let got = key_from_key_file(&bytes).expect("public key");
    assert_eq!(got, recipient);
    assert!(!got.contains("AGE-SECRET"));

    // Without its `# public key:` comment, only the secret is left: nothing is read out.
    let secret_only: Vec<u8> = String::from_utf8(bytes)
        .expect("utf8")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
        .into_bytes();
    let err = key_from_key_file(&secret_only).expect_err("no public key");
    assert!(matches!(err, SharingError::NoKeyFound), "{err:?}");
    assert!(!format!("{err} {err:?}").contains("AGE-SECRET"));
}

#[test]
fn a_qr_code_qrencode_made_of_a_key_reads_back() {
    let tmp = tempfile::tempdir().expect("tmp");
    let journal = Journal::new();
    let key = my_key(journal.conn(), now()).expect("key").recipient;
    // qrencode's defaults (level L, 3 pixels a module, a 4-module margin), then a larger one
    // with the highest error correction, and one in upper case (alphanumeric mode, as some
    // apps make them).
    let upper = key.to_uppercase();
    for (name, args, text) in [
        ("default.png", vec![], key.as_str()),
        ("large.png", vec!["-l", "H", "-s", "10"], key.as_str()),
        ("upper.png", vec!["-l", "M"], upper.as_str()),
    ] {
        let picture = tmp.path().join(name);
        let mut cmd = age_tool(QRENCODE);
        cmd.args(&args).arg("-o").arg(&picture).arg(text);
        run(cmd);
        let bytes = fs::read(&picture).expect("picture");
        assert!(bytes.starts_with(b"\x89PNG"), "{name}");
        assert_eq!(key_from_picture(&bytes).expect(name), key, "{name}");
    }

    // A code of something else is no key.
    let other = tmp.path().join("link.png");
    let mut cmd = age_tool(QRENCODE);
    cmd.arg("-o").arg(&other).arg("https://example.com/");
    run(cmd);
    let err = key_from_picture(&fs::read(&other).expect("picture")).expect_err("no key");
    assert!(matches!(err, SharingError::NoKeyFound), "{err:?}");
}

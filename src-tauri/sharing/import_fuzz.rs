//! Property tests of the whole import path (`import_share`, on a real SQLCipher vault):
//! arbitrary bytes and age-looking headers, real share files mutated (bit flips, cuts, splices,
//! and a cut every 97th byte), and arbitrary JSON — free-form, or a share payload with odd
//! values and a part replaced — sealed to this journal's key.
//!
//! Every import keeps the same rules: no panic; an error carries one of the share codes, never
//! quotes the file, and leaves every row as it was; a success adds one share (or its
//! suggestions) exactly once, and what is stored reads back as what came in.
//!
//! Cases per property: the `PROPTEST_CASES` environment variable, else the counts below (a few
//! seconds each on two cores).

use base64::engine::general_purpose::STANDARD_NO_PAD;
use base64::Engine as _;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use secrecy::SecretString;
use serde_json::Value;

use super::tests::{
    counts, json, key_of, seal_bytes, sender, share, share_id, suggestions, vault, MARKER, NOW,
};
use super::*;
use crate::goals::GoalStatus;
use crate::journal::EntryKind;
use crate::sharing::{
    get_inbox_share, FeelingTally, Sender, SharedFeeling, SharedGoalCheckin, SharedItem,
    SharedPlanSection, SharedStep, SAFETY_PLAN_SECTIONS,
};
use crate::test_support::{at, secret, TestVault};

/// The codes a refused share file may give.
const SHARE_CODES: &[&str] = &[
    "not_a_share",
    "share_damaged",
    "not_for_you",
    "wrong_passphrase",
    "share_too_large",
    "too_new",
    "invalid_input",
];

fn runner(default_cases: u32) -> TestRunner {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default_cases);
    TestRunner::new(Config {
        cases,
        // No regression files written into the source tree; a failure prints its input.
        failure_persistence: None,
        ..Config::default()
    })
}

/// Imports `bytes` and checks the rules every import keeps.
fn check_import(
    v: &TestVault,
    bytes: &[u8],
    passphrase: Option<&SecretString>,
) -> Result<std::result::Result<ImportOutcome, &'static str>, TestCaseError> {
    let before = counts(v.conn());
    let result = import_share(v.conn(), bytes, passphrase, None, at(NOW));
    let after = counts(v.conn());
    match result {
        Err(err) => {
            let code = err.code();
            prop_assert!(SHARE_CODES.contains(&code), "unexpected {code}: {err:?}");
            prop_assert!(!err.to_string().contains(MARKER), "{err}");
            prop_assert_eq!(before, after, "an error changed the vault ({})", code);
            Ok(Err(code))
        }
        Ok(outcome) => {
            let mut expected = before.clone();
            if outcome.added {
                expected[1] += 1;
                match outcome.kind {
                    PayloadKind::Share => expected[0] += 1,
                    PayloadKind::Suggestions => expected[2] += i64::from(outcome.count),
                }
            }
            prop_assert_eq!(after, expected, "{:?}", outcome);
            Ok(Ok(outcome))
        }
    }
}

/// The share just added, as the inbox reads it back.
fn newest_inbox_payload(v: &TestVault) -> SharePayload {
    let id: i64 = v
        .conn()
        .query_row("SELECT max(id) FROM share_inbox", [], |r| r.get(0))
        .expect("newest");
    get_inbox_share(v.conn(), id).expect("reads back").payload
}

// ── Arbitrary bytes ───────────────────────────────────────────────────────────────────────────

fn b64(len: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<u8>(), len).prop_map(|b| STANDARD_NO_PAD.encode(b))
}

/// One recipient stanza: X25519, scrypt (work factors that are cheap, or that must be refused
/// before any work), or something else, well formed or not.
fn stanza() -> impl Strategy<Value = String> {
    let log_n = prop_oneof![
        (1u32..=10).prop_map(|n| n.to_string()),
        prop::sample::select(vec![
            "0", "21", "22", "30", "63", "64", "255", "018", "-1", "x"
        ])
        .prop_map(str::to_owned),
    ];
    prop_oneof![
        (b64(32), b64(32)).prop_map(|(share, body)| format!("-> X25519 {share}\n{body}\n")),
        (b64(16), log_n, b64(32))
            .prop_map(|(salt, n, body)| format!("-> scrypt {salt} {n}\n{body}\n")),
        ("[!-~]{0,12}( [!-~]{0,12}){0,3}", b64(48))
            .prop_map(|(args, body)| format!("-> {args}\n{body}\n")),
        "[ -~\n]{0,80}",
    ]
}

/// Something shaped like an age file: the intro line, stanzas, a MAC line, a body.
fn age_like() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(stanza(), 0..3),
        prop_oneof![b64(32), "[ -~]{0,50}"],
        prop::collection::vec(any::<u8>(), 0..300),
    )
        .prop_map(|(stanzas, mac, body)| {
            let mut out = b"age-encryption.org/v1\n".to_vec();
            for s in stanzas {
                out.extend_from_slice(s.as_bytes());
            }
            out.extend_from_slice(format!("--- {mac}\n").as_bytes());
            out.extend_from_slice(&body);
            out
        })
}

fn armored(binary: &[u8], end: bool) -> Vec<u8> {
    let text = base64::engine::general_purpose::STANDARD.encode(binary);
    let mut out = b"-----BEGIN AGE ENCRYPTED FILE-----\n".to_vec();
    for line in text.as_bytes().chunks(64) {
        out.extend_from_slice(line);
        out.push(b'\n');
    }
    if end {
        out.extend_from_slice(b"-----END AGE ENCRYPTED FILE-----\n");
    }
    out
}

fn junk() -> impl Strategy<Value = Vec<u8>> {
    let bytes = prop::collection::vec(any::<u8>(), 0..2048);
    prop_oneof![
        bytes.clone(),
        bytes
            .clone()
            .prop_map(|b| [b"age-encryption.org/v1\n".as_slice(), &b].concat()),
        bytes.prop_map(|b| [b"-----BEGIN AGE ENCRYPTED FILE-----\n".as_slice(), &b].concat()),
        age_like(),
        (age_like(), any::<bool>()).prop_map(|(b, end)| armored(&b, end)),
    ]
}

#[test]
fn arbitrary_bytes_are_refused_without_a_trace() {
    let v = vault("fuzz bytes");
    key_of(&v);
    let passphrase = secret("a passphrase");
    let strategy = (junk(), any::<bool>());
    runner(2048)
        .run(&strategy, |(bytes, with_passphrase)| {
            let result = check_import(&v, &bytes, with_passphrase.then_some(&passphrase))?;
            prop_assert!(result.is_err(), "junk imported: {:?}", result);
            Ok(())
        })
        .unwrap();
}

#[test]
fn an_expensive_passphrase_file_is_refused_before_any_work() {
    // A header asking for scrypt N = 2^40 (days of work, terabytes of memory).
    let v = vault("fuzz scrypt");
    let salt = STANDARD_NO_PAD.encode([7u8; 16]);
    let body = STANDARD_NO_PAD.encode([9u8; 32]);
    let mac = STANDARD_NO_PAD.encode([1u8; 32]);
    let file = format!(
        "age-encryption.org/v1\n-> scrypt {salt} 40\n{body}\n--- {mac}\n{}",
        "x".repeat(64)
    );
    let started = std::time::Instant::now();
    let code = match import_share(
        v.conn(),
        file.as_bytes(),
        Some(&secret("pw")),
        None,
        at(NOW),
    ) {
        Err(err) => err.code(),
        Ok(outcome) => panic!("imported {outcome:?}"),
    };
    assert_eq!(code, "not_a_share");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

// ── Real share files, mutated ─────────────────────────────────────────────────────────────────

/// A share large enough for three encrypted chunks (age's chunks are 64 KiB).
fn large_share(n: u64) -> SharePayload {
    let mut payload = share(&share_id(n), sender(Some("Sam"), None));
    let big = |c: char| Some(c.to_string().repeat(70_000));
    payload.items.push(SharedItem::Entry {
        kind: EntryKind::Free,
        day: "2026-03-29".into(),
        created_at: "2026-03-29T10:00:00.000+02:00".into(),
        title: Some("Long".into()),
        body: big('a'),
        feelings: None,
        going_on: None,
        helped: big('b'),
        tags: None,
        prompt: None,
        goal: None,
        identity: None,
    });
    payload
}

/// The real files the mutations start from, with their share ids.
fn real_files(v: &TestVault) -> Vec<(Vec<u8>, String)> {
    let key = key_of(v);
    let small = share(&share_id(0xa1), sender(Some("Sam"), None));
    let ideas = suggestions(&share_id(0xa2), sender(Some("Jo"), None));
    let large = large_share(0xa3);
    vec![
        (
            seal_bytes(&json(&small), &key, false),
            small.share_id.clone(),
        ),
        (seal_bytes(&json(&small), &key, true), small.share_id),
        (
            seal_bytes(&json(&ideas), &key, false),
            ideas.share_id.clone(),
        ),
        (seal_bytes(&json(&ideas), &key, true), ideas.share_id),
        (seal_bytes(&json(&large), &key, false), large.share_id),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    /// XOR these bits in at these places.
    Flips(Vec<(usize, u8)>),
    Cut(usize),
    /// Remove `len` bytes at a place.
    Remove(usize, usize),
    Insert(usize, Vec<u8>),
    /// Replace the end, from a place, with other bytes.
    Splice(usize, Vec<u8>),
    /// Two real files, one's start and the other's end.
    Graft(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let place = any::<usize>();
    let some_bytes = prop::collection::vec(any::<u8>(), 1..64);
    prop_oneof![
        4 => prop::collection::vec((place, 1u8..=255), 1..5).prop_map(Mutation::Flips),
        1 => place.prop_map(Mutation::Cut),
        1 => (place, 1usize..200).prop_map(|(at, len)| Mutation::Remove(at, len)),
        1 => (place, some_bytes.clone()).prop_map(|(at, b)| Mutation::Insert(at, b)),
        1 => (place, some_bytes).prop_map(|(at, b)| Mutation::Splice(at, b)),
        1 => (place, any::<usize>()).prop_map(|(at, other)| Mutation::Graft(at, other)),
    ]
}

fn mutate(files: &[(Vec<u8>, String)], which: usize, m: &Mutation) -> Vec<u8> {
    let mut f = files[which].0.clone();
    let len = f.len();
    match m {
        Mutation::Flips(flips) => {
            for (at, bits) in flips {
                f[at % len] ^= bits;
            }
        }
        Mutation::Cut(at) => f.truncate(at % len),
        Mutation::Remove(at, n) => {
            let at = at % len;
            f.drain(at..(at + n).min(len));
        }
        Mutation::Insert(at, bytes) => {
            let at = at % (len + 1);
            f.splice(at..at, bytes.iter().copied());
        }
        Mutation::Splice(at, bytes) => {
            f.truncate(at % len);
            f.extend_from_slice(bytes);
        }
        Mutation::Graft(at, other) => {
            let other = &files[(which + 1 + other % (files.len() - 1)) % files.len()].0;
            f.truncate(at % len);
            f.extend_from_slice(&other[(at % len).min(other.len())..]);
        }
    }
    f
}

#[test]
fn real_share_files_mutated_never_import_anything_else() {
    let v = vault("fuzz mutations");
    let files = real_files(&v);
    let strategy = (0..files.len(), mutation());
    runner(1024)
        .run(&strategy, |(which, m)| {
            let bytes = mutate(&files, which, &m);
            if let Ok(outcome) = check_import(&v, &bytes, None)? {
                // age authenticates every byte it decrypts: whatever still opens is one of the
                // real shares as it was made (a graft may end up as the whole other file).
                prop_assert!(
                    files.iter().any(|(_, id)| *id == outcome.share_id),
                    "{:?}",
                    outcome
                );
            }
            Ok(())
        })
        .unwrap();
    // And each unchanged file still imports whole.
    for (file, id) in &files {
        let outcome = import_share(v.conn(), file, None, None, at(NOW)).expect("original");
        assert_eq!(&outcome.share_id, id);
    }
}

/// The end of a binary age file's header: just after the MAC line.
fn header_len(binary: &[u8]) -> usize {
    let mac = binary
        .windows(5)
        .position(|w| w == b"\n--- ")
        .expect("mac line");
    mac + 5
        + binary[mac + 5..]
            .iter()
            .position(|&b| b == b'\n')
            .expect("end")
        + 1
}

#[test]
fn a_share_file_cut_anywhere_is_refused_without_a_trace() {
    let v = vault("fuzz cuts");
    let files = real_files(&v);
    let (mut tried, mut whole) = (0, 0u8);
    for (n, (file, _)) in files.iter().enumerate() {
        let binary = !file.starts_with(b"-----BEGIN");
        let header = if binary { header_len(file) } else { 0 };
        let mut cuts: Vec<usize> = (0..file.len()).step_by(97).collect();
        // Also right at the header's end and at the chunk boundaries (64 KiB + 16-byte tag).
        if binary {
            cuts.extend([header - 1, header, header + 1]);
            cuts.extend(
                (1..4)
                    .map(|k| header + 16 + k * (65_536 + 16))
                    .filter(|&c| c < file.len()),
            );
        }
        cuts.push(file.len() - 1);
        // A step may land on one of the places added; each place is tried once.
        cuts.sort_unstable();
        cuts.dedup();
        for cut in cuts {
            tried += 1;
            let result = check_import(&v, &file[..cut], None).expect("rules kept");
            // A binary file's last bytes may happen to be white space too; only the armor's
            // final line break may go.
            if !binary && file[cut..].iter().all(u8::is_ascii_whitespace) {
                // Only the armor's last line break is gone: the share is all there.
                let outcome = result.expect("a whole armored share opens");
                assert_eq!(outcome.share_id, files[n].1);
                whole += 1;
                continue;
            }
            let code = match result {
                Err(code) => code,
                Ok(outcome) => panic!(
                    "file {n} cut at {cut} of {} imported: {outcome:?} (tail {:?})",
                    file.len(),
                    String::from_utf8_lossy(&file[cut.saturating_sub(40)..cut])
                ),
            };
            if binary {
                let expected = if cut < header {
                    "not_a_share"
                } else {
                    "share_damaged"
                };
                assert_eq!(code, expected, "file {n} cut at {cut} (header {header})");
            } else {
                assert!(
                    ["not_a_share", "share_damaged"].contains(&code),
                    "file {n} cut at {cut}: {code}"
                );
            }
        }
    }
    assert!(tried > 1_000, "{tried}");
    assert_eq!(
        counts(v.conn())[1],
        i64::from(whole),
        "nothing was imported but whole armored shares"
    );
}

// ── Arbitrary JSON sealed to this journal's key ───────────────────────────────────────────────

/// Field names of the format, so free-form JSON often looks almost right.
const KEYS: &[&str] = &[
    "format",
    "version",
    "shareId",
    "createdAt",
    "kind",
    "from",
    "items",
    "suggestions",
    "type",
    "name",
    "replyTo",
    "note",
    "title",
    "text",
    "why",
    "steps",
    "body",
    "day",
    "feelings",
    "word",
    "intensity",
    "sections",
    "section",
    "pronouns",
    "identity",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop::sample::select(vec![
            "cove-share",
            "share",
            "suggestions",
            "entry",
            "goal",
            "prompt",
            "insights",
            "safety_plan",
            "active",
            "checkin",
            "2026-03-30",
            "2026-03-30T21:10:00+02:00",
            "0123456789abcdef0123456789abcdef",
        ])
        .prop_map(Value::from),
        "\\PC{0,16}".prop_map(|s| Value::from(format!("{s}{MARKER}"))),
        ".{0,16}".prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 96, 8, |inner| {
        let key = prop_oneof![
            3 => prop::sample::select(KEYS).prop_map(str::to_owned),
            1 => ".{0,8}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key, inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A text: ordinary, blank, with control characters, around the limits, or the marker.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        4 => "\\PC{0,24}",
        1 => ".{0,12}",
        1 => Just(String::new()),
        1 => Just("  \n\t ".to_owned()),
        1 => (195usize..206).prop_map(|n| "t".repeat(n)),
        1 => (495usize..506).prop_map(|n| "s".repeat(n)),
        2 => "\\PC{0,12}".prop_map(|s| format!("{s} {MARKER}")),
    ]
    .boxed()
}

fn opt<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    prop::option::weighted(0.6, s).boxed()
}

fn day() -> BoxedStrategy<String> {
    prop_oneof![
        4 => (2020u32..2030, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        1 => ".{0,12}",
    ]
    .boxed()
}

fn time() -> BoxedStrategy<String> {
    prop_oneof![
        4 => Just("2026-03-30T21:10:00.000+02:00".to_owned()),
        1 => ".{0,30}",
    ]
    .boxed()
}

fn goal_checkin() -> impl Strategy<Value = SharedGoalCheckin> {
    (
        opt(text()),
        opt(day()),
        opt(text()),
        opt(text()),
        opt(text()),
    )
        .prop_map(
            |(goal_title, day, how, in_the_way, next_step)| SharedGoalCheckin {
                goal_title,
                day,
                how,
                in_the_way,
                next_step,
            },
        )
}

fn item() -> impl Strategy<Value = SharedItem> {
    let kind = prop::sample::select(vec![
        EntryKind::Free,
        EntryKind::Checkin,
        EntryKind::Reflection,
        EntryKind::GoalCheckin,
    ]);
    let feeling = (text(), 0u8..8).prop_map(|(word, intensity)| SharedFeeling { word, intensity });
    let entry = (
        (kind, day(), time(), opt(text()), opt(text())),
        (
            opt(prop::collection::vec(feeling, 0..4)),
            opt(text()),
            opt(text()),
            opt(prop::collection::vec(text(), 0..4)),
            opt(text()),
            opt(goal_checkin()),
        ),
    )
        .prop_map(
            |(
                (kind, day, created_at, title, body),
                (feelings, going_on, helped, tags, prompt, goal),
            )| {
                SharedItem::Entry {
                    kind,
                    day,
                    created_at,
                    title,
                    body,
                    feelings,
                    going_on,
                    helped,
                    tags,
                    prompt,
                    goal,
                    identity: None,
                }
            },
        );
    let status = prop::sample::select(vec![
        GoalStatus::Active,
        GoalStatus::Paused,
        GoalStatus::Done,
        GoalStatus::LetGo,
    ]);
    let step = (text(), any::<bool>()).prop_map(|(text, done)| SharedStep { text, done });
    let goal = (
        text(),
        opt(text()),
        status,
        any::<bool>(),
        opt(prop::collection::vec(step, 0..4)),
        opt(prop::collection::vec(goal_checkin(), 0..3)),
    )
        .prop_map(
            |(title, why, status, made_with_counselor, steps, checkins)| SharedItem::Goal {
                title,
                why,
                area: None,
                status,
                made_with_counselor,
                steps,
                checkins,
            },
        );
    let tally = (text(), any::<u32>()).prop_map(|(word, count)| FeelingTally { word, count });
    let insights = (
        day(),
        day(),
        any::<u32>(),
        any::<u32>(),
        prop::collection::vec(tally, 0..4),
    )
        .prop_map(
            |(from, to, entries, checkins, top_feelings)| SharedItem::Insights {
                from,
                to,
                entries,
                checkins,
                top_feelings,
            },
        );
    let section = (
        prop_oneof![
            4 => prop::sample::select(SAFETY_PLAN_SECTIONS.to_vec()).prop_map(str::to_owned),
            1 => text(),
        ],
        prop::collection::vec(text(), 0..4),
    )
        .prop_map(|(section, items)| SharedPlanSection { section, items });
    let plan = prop::collection::vec(section, 0..4)
        .prop_map(|sections| SharedItem::SafetyPlan { sections });
    prop_oneof![2 => entry, 1 => goal, 1 => insights, 1 => plan]
}

fn suggestion() -> impl Strategy<Value = Suggestion> {
    prop_oneof![
        (
            text(),
            opt(text()),
            prop::collection::vec(text(), 0..4),
            opt(text())
        )
            .prop_map(|(title, why, steps, note)| Suggestion::Goal {
                title,
                why,
                steps,
                note,
            }),
        (text(), opt(text())).prop_map(|(text, note)| Suggestion::Prompt { text, note }),
    ]
}

/// A payload with odd values here and there: mostly right in form, so many are imported.
fn payload(reply_key: String) -> impl Strategy<Value = SharePayload> {
    let head = (
        prop_oneof![9 => Just(PAYLOAD_FORMAT.to_owned()), 1 => ".{0,12}"],
        prop_oneof![9 => Just(PAYLOAD_VERSION), 1 => 0u32..4],
        prop_oneof![9 => "[0-9a-f]{32}", 1 => ".{0,40}"],
        time(),
    );
    let from = (
        opt(text()),
        prop_oneof![
            2 => Just(None),
            2 => Just(Some(reply_key)),
            1 => ".{0,20}".prop_map(Some),
        ],
        opt(text()),
    )
        .prop_map(|(name, reply_to, note)| Sender {
            name,
            pronouns: None,
            reply_to,
            note,
        });
    let body = prop_oneof![
        (prop::collection::vec(item(), 0..5), Just(Vec::new())).prop_map(|(items, s)| (
            PayloadKind::Share,
            items,
            s
        )),
        (Just(Vec::new()), prop::collection::vec(suggestion(), 0..5)).prop_map(|(items, s)| (
            PayloadKind::Suggestions,
            items,
            s
        )),
        (
            prop::collection::vec(item(), 0..2),
            prop::collection::vec(suggestion(), 0..2),
            any::<bool>()
        )
            .prop_map(|(items, s, share)| {
                let kind = if share {
                    PayloadKind::Share
                } else {
                    PayloadKind::Suggestions
                };
                (kind, items, s)
            }),
    ];
    (head, from, body).prop_map(
        |((format, version, share_id, created_at), from, (kind, items, suggestions))| {
            SharePayload {
                format,
                version,
                share_id,
                created_at,
                kind,
                from,
                items,
                suggestions,
            }
        },
    )
}

/// Counts the nodes of a JSON tree.
fn nodes(value: &Value) -> usize {
    1 + match value {
        Value::Array(list) => list.iter().map(nodes).sum(),
        Value::Object(map) => map.values().map(nodes).sum(),
        _ => 0,
    }
}

/// Replaces the `n`th node (preorder) with `with`, or removes it from its object or list when
/// `with` is `None`. Returns what is left of `n` when the node is not under `value`.
fn replace_node(value: &mut Value, mut n: usize, with: &Option<Value>) -> Option<usize> {
    if n == 0 {
        if let Some(with) = with {
            *value = with.clone();
        }
        return None;
    }
    n -= 1;
    let children: Vec<&mut Value> = match value {
        Value::Array(list) => list.iter_mut().collect(),
        Value::Object(map) => map.values_mut().collect(),
        _ => return Some(n),
    };
    let mut remove = None;
    for (i, child) in children.into_iter().enumerate() {
        if n == 0 && with.is_none() {
            remove = Some(i);
            break;
        }
        match replace_node(child, n, with) {
            None => return None,
            Some(left) => n = left,
        }
    }
    let i = remove?;
    match value {
        Value::Array(list) => {
            list.remove(i);
        }
        Value::Object(map) => {
            let key = map.keys().nth(i).cloned().expect("key");
            map.remove(&key);
        }
        _ => {}
    }
    None
}

#[test]
fn arbitrary_json_sealed_to_this_journal_never_half_imports() {
    let v = vault("fuzz json");
    let key = key_of(&v);
    let strategy = (json_value(), any::<bool>());
    runner(1024)
        .run(&strategy, |(value, armor)| {
            let bytes = serde_json::to_vec(&value).expect("json");
            let _imported_or_refused = check_import(&v, &seal_bytes(&bytes, &key, armor), None)?;
            Ok(())
        })
        .unwrap();
}

#[test]
fn odd_payloads_sealed_to_this_journal_import_whole_or_not_at_all() {
    let v = vault("fuzz payloads");
    let key = key_of(&v);
    let edit = prop::option::weighted(
        0.3,
        (any::<usize>(), prop::option::weighted(0.7, json_value())),
    );
    let strategy = (payload(key.clone()), edit, any::<bool>());
    let imported = std::cell::Cell::new(0u32);
    let refused = std::cell::Cell::new(0u32);
    runner(1024)
        .run(&strategy, |(payload, edit, armor)| {
            let mut value = serde_json::to_value(&payload).expect("value");
            if let Some((at, with)) = &edit {
                let n = at % nodes(&value);
                replace_node(&mut value, n, with);
            }
            let bytes = serde_json::to_vec(&value).expect("json");
            match check_import(&v, &seal_bytes(&bytes, &key, armor), None)? {
                Ok(outcome) => {
                    imported.set(imported.get() + 1);
                    let sent: SharePayload =
                        serde_json::from_value(value).expect("what imported parses");
                    prop_assert_eq!(&outcome.share_id, &sent.share_id);
                    if outcome.added && outcome.kind == PayloadKind::Share {
                        prop_assert_eq!(newest_inbox_payload(&v), sent);
                    }
                }
                Err(_) => refused.set(refused.get() + 1),
            }
            Ok(())
        })
        .unwrap();
    // The generator reaches both sides of the rules, not only one.
    assert!(
        imported.get() > 0 && refused.get() > 0,
        "{imported:?} {refused:?}"
    );
}

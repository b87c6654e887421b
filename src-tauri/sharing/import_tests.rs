//! Importing share files and the counselor's inbox, on real SQLCipher vaults in temporary
//! folders: a client's journal and a counselor's journal, each with its own key pair.

use secrecy::SecretString;

use super::*;
use crate::goals::{self, ProposalKind, ProposalStatus};
use crate::journal::EntryKind;
use crate::sharing::{
    delete_contact, delete_inbox_share, get_inbox_share, list_inbox, my_key, save_contact,
    save_inbox_notes, seal, ContactDraft, ContactRole, FeelingTally, Sealing, Sender,
    SharedFeeling, SharedItem, SharedStep, INBOX_NOTES_MAX_CHARS,
};
use crate::test_support::{at, secret, test_vault, TestVault};

pub(super) const NOW: &str = "2026-04-02T16:00:00.000+02:00";
const LATER: &str = "2026-04-03T09:15:00.000+02:00";
/// Text that appears only inside shares: it must never reach an error message or a file.
pub(super) const MARKER: &str = "zqxmarker";

pub(super) fn vault(name: &str) -> TestVault {
    test_vault(name)
}

pub(super) fn key_of(v: &TestVault) -> String {
    my_key(v.conn(), at(NOW)).expect("my key").recipient
}

/// A share id: 32 lowercase hex digits.
pub(super) fn share_id(n: u64) -> String {
    format!("{n:032x}")
}

pub(super) fn sender(name: Option<&str>, reply_to: Option<String>) -> Sender {
    Sender {
        name: name.map(str::to_owned),
        pronouns: None,
        reply_to,
        note: Some(format!("A note {MARKER}")),
    }
}

/// A client's share: an entry with some parts, a goal, an insights summary.
pub(super) fn share(id: &str, from: Sender) -> SharePayload {
    SharePayload {
        format: PAYLOAD_FORMAT.into(),
        version: PAYLOAD_VERSION,
        share_id: id.into(),
        created_at: "2026-04-01T20:00:00.000+02:00".into(),
        kind: PayloadKind::Share,
        from,
        items: vec![
            SharedItem::Entry {
                kind: EntryKind::Checkin,
                day: "2026-03-30".into(),
                created_at: "2026-03-30T21:10:00.000+02:00".into(),
                title: None,
                body: Some(format!("The words {MARKER} <script>alert(1)</script>")),
                feelings: Some(vec![SharedFeeling {
                    word: "hopeful".into(),
                    intensity: 4,
                }]),
                going_on: None,
                helped: Some(format!("music {MARKER}")),
                tags: Some(vec!["school".into()]),
                prompt: None,
                goal: None,
                identity: None,
            },
            SharedItem::Goal {
                title: format!("Walk more {MARKER}"),
                why: None,
                area: None,
                status: goals::GoalStatus::Active,
                made_with_counselor: false,
                steps: Some(vec![SharedStep {
                    text: "Around the block".into(),
                    done: true,
                }]),
                checkins: None,
            },
            SharedItem::Insights {
                from: "2026-03-01".into(),
                to: "2026-03-31".into(),
                entries: 12,
                checkins: 9,
                top_feelings: vec![FeelingTally {
                    word: "calm".into(),
                    count: 5,
                }],
            },
        ],
        suggestions: Vec::new(),
    }
}

/// A counselor's suggestions: a goal with steps and a prompt.
pub(super) fn suggestions(id: &str, from: Sender) -> SharePayload {
    SharePayload {
        format: PAYLOAD_FORMAT.into(),
        version: PAYLOAD_VERSION,
        share_id: id.into(),
        created_at: "2026-04-01T20:00:00.000+02:00".into(),
        kind: PayloadKind::Suggestions,
        from,
        items: Vec::new(),
        suggestions: vec![
            Suggestion::Goal {
                title: format!("Try a morning stretch {MARKER}"),
                why: Some("It might help mornings feel softer.".into()),
                steps: vec!["Two minutes".into(), "Five minutes".into()],
                note: Some("Only if it feels right.".into()),
            },
            Suggestion::Prompt {
                text: format!("What made you smile this week? {MARKER}"),
                note: None,
            },
        ],
    }
}

pub(super) fn json(payload: &SharePayload) -> Vec<u8> {
    serde_json::to_vec(payload).expect("payload json")
}

/// `bytes` sealed to `key`.
pub(super) fn seal_bytes(bytes: &[u8], key: &str, armor: bool) -> Vec<u8> {
    seal(bytes, &Sealing::Recipient(key.to_owned()), armor).expect("seal")
}

pub(super) fn sealed(payload: &SharePayload, key: &str) -> Vec<u8> {
    seal_bytes(&json(payload), key, false)
}

pub(super) fn import(v: &TestVault, bytes: &[u8]) -> Result<ImportOutcome> {
    import_share(v.conn(), bytes, None, None, at(NOW))
}

/// The rows an import may touch (and a few it must not).
pub(super) fn counts(conn: &rusqlite::Connection) -> Vec<i64> {
    conn.query_row(
        "SELECT (SELECT count(*) FROM share_inbox), (SELECT count(*) FROM share_imports),
                (SELECT count(*) FROM proposals), (SELECT count(*) FROM goals),
                (SELECT count(*) FROM goal_steps), (SELECT count(*) FROM entries),
                (SELECT count(*) FROM settings), (SELECT count(*) FROM share_contacts),
                (SELECT count(*) FROM share_log),
                (SELECT coalesce(sum(length(notes)), 0) FROM share_inbox)",
        [],
        |r| (0..10).map(|i| r.get(i)).collect(),
    )
    .expect("counts")
}

fn pair(v: &TestVault, role: ContactRole, name: &str, key: &str) -> crate::sharing::Contact {
    save_contact(
        v.conn(),
        &ContactDraft {
            id: None,
            role,
            name: name.into(),
            recipient: key.into(),
        },
        at(NOW),
    )
    .expect("pair")
}

fn code(result: Result<ImportOutcome>) -> &'static str {
    match result {
        Ok(outcome) => panic!("imported: {outcome:?}"),
        Err(err) => {
            assert!(!err.to_string().contains(MARKER), "{err}");
            err.code()
        }
    }
}

// ── The counselor's side: shares into the inbox ───────────────────────────────────────────────

#[test]
fn a_share_goes_to_the_inbox_under_the_paired_client() {
    let counselor = vault("counselor");
    let client = vault("client");
    let client_key = key_of(&client);
    let robin = pair(&counselor, ContactRole::Client, "Robin", &client_key);

    let payload = share(&share_id(1), sender(Some("R."), Some(client_key)));
    let outcome = import(&counselor, &sealed(&payload, &key_of(&counselor))).expect("import");
    assert_eq!(
        outcome,
        ImportOutcome {
            share_id: share_id(1),
            kind: PayloadKind::Share,
            added: true,
            count: 3,
            from_name: Some("Robin".into()),
        }
    );

    let inbox = list_inbox(counselor.conn()).expect("inbox");
    assert_eq!(inbox.len(), 1);
    let got = &inbox[0];
    assert_eq!(got.share_id, share_id(1));
    assert_eq!(got.contact_id, Some(robin.id));
    assert_eq!(got.client_name, "Robin");
    assert_eq!(got.received_at, "2026-04-02T16:00:00.000+02:00");
    assert_eq!(got.payload, payload, "exactly what the client chose");
    assert_eq!(got.notes, None);
    assert_eq!(
        get_inbox_share(counselor.conn(), got.id).expect("get"),
        *got
    );
    // Nothing went to the goals side.
    assert_eq!(
        goals::list_proposals(counselor.conn()).expect("proposals"),
        []
    );
}

#[test]
fn an_armored_share_imports_like_a_binary_one() {
    let counselor = vault("counselor");
    let payload = share(&share_id(2), sender(Some("Sam"), None));
    let armored = seal_bytes(&json(&payload), &key_of(&counselor), true);
    assert!(armored.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----"));
    let outcome = import(&counselor, &armored).expect("import");
    assert!(outcome.added);
    assert_eq!(
        list_inbox(counselor.conn()).expect("inbox")[0].payload,
        payload
    );
}

#[test]
fn a_share_from_someone_not_paired_is_filed_under_the_name_they_gave() {
    let counselor = vault("counselor");
    let client = vault("client");
    let client_key = key_of(&client);
    let key = key_of(&counselor);

    let named = share(
        &share_id(1),
        sender(Some("  Sam  "), Some(client_key.clone())),
    );
    let outcome = import(&counselor, &sealed(&named, &key)).expect("named");
    assert_eq!(outcome.from_name.as_deref(), Some("Sam"));
    let nameless = share(&share_id(2), sender(None, None));
    let outcome = import(&counselor, &sealed(&nameless, &key)).expect("nameless");
    assert_eq!(outcome.from_name, None);
    let blank = share(&share_id(3), sender(Some("   "), None));
    assert_eq!(
        import(&counselor, &sealed(&blank, &key))
            .expect("blank")
            .from_name,
        None
    );

    let names = |v: &TestVault| -> Vec<(Option<i64>, String)> {
        list_inbox(v.conn())
            .expect("inbox")
            .into_iter()
            .map(|s| (s.contact_id, s.client_name))
            .collect()
    };
    // Newest first.
    assert_eq!(
        names(&counselor),
        [
            (None, String::new()),
            (None, String::new()),
            (None, "Sam".to_owned())
        ]
    );

    // Paired later: the share sent with that key is filed under the contact.
    let contact = pair(&counselor, ContactRole::Client, "Samira", &client_key);
    assert_eq!(
        names(&counselor)[2],
        (Some(contact.id), "Samira".to_owned())
    );
    // Renamed: the inbox follows.
    save_contact(
        counselor.conn(),
        &ContactDraft {
            id: Some(contact.id),
            role: ContactRole::Client,
            name: "Sami".into(),
            recipient: client_key.clone(),
        },
        at(LATER),
    )
    .expect("rename");
    assert_eq!(names(&counselor)[2], (Some(contact.id), "Sami".to_owned()));
    // Removed: back to the name in the share.
    delete_contact(counselor.conn(), contact.id).expect("delete contact");
    assert_eq!(names(&counselor)[2], (None, "Sam".to_owned()));
}

#[test]
fn a_contact_whose_key_was_replaced_keeps_the_shares_made_with_the_old_key() {
    let counselor = vault("counselor");
    let old_device = vault("old");
    let new_device = vault("new");
    let old_key = key_of(&old_device);
    let robin = pair(&counselor, ContactRole::Client, "Robin", &old_key);
    let payload = share(&share_id(7), sender(None, Some(old_key)));
    import(&counselor, &sealed(&payload, &key_of(&counselor))).expect("import");

    save_contact(
        counselor.conn(),
        &ContactDraft {
            id: Some(robin.id),
            role: ContactRole::Client,
            name: "Robin".into(),
            recipient: key_of(&new_device),
        },
        at(LATER),
    )
    .expect("replace key");
    let inbox = list_inbox(counselor.conn()).expect("inbox");
    assert_eq!(inbox[0].contact_id, Some(robin.id));
    assert_eq!(inbox[0].client_name, "Robin");
}

#[test]
fn the_same_share_twice_adds_nothing() {
    let counselor = vault("counselor");
    let key = key_of(&counselor);
    let payload = share(&share_id(3), sender(Some("Sam"), None));
    let file = sealed(&payload, &key);
    let first = import(&counselor, &file).expect("first");
    assert!(first.added);
    let before = counts(counselor.conn());

    let again = import(&counselor, &file).expect("again");
    assert_eq!(
        again,
        ImportOutcome {
            added: false,
            ..first.clone()
        }
    );
    // Sealed again (another file, the same share), armored this time.
    let resealed = seal_bytes(&json(&payload), &key, true);
    assert_ne!(resealed, file);
    assert!(!import(&counselor, &resealed).expect("resealed").added);
    assert_eq!(counts(counselor.conn()), before);
    assert_eq!(list_inbox(counselor.conn()).expect("inbox").len(), 1);
}

// ── The client's side: suggestions become proposals ───────────────────────────────────────────

#[test]
fn suggestions_become_proposals_from_the_paired_counselor() {
    let client = vault("client");
    let counselor = vault("counselor");
    let counselor_key = key_of(&counselor);
    pair(&client, ContactRole::Counselor, "Jo", &counselor_key);

    let payload = suggestions(
        &share_id(9),
        sender(Some("Jordan Lee"), Some(counselor_key)),
    );
    let file = sealed(&payload, &key_of(&client));
    let outcome = import_share(client.conn(), &file, None, None, at(NOW)).expect("import");
    assert_eq!(
        outcome,
        ImportOutcome {
            share_id: share_id(9),
            kind: PayloadKind::Suggestions,
            added: true,
            count: 2,
            from_name: Some("Jo".into()),
        }
    );

    let proposals = goals::list_proposals(client.conn()).expect("proposals");
    assert_eq!(proposals.len(), 2);
    let goal = proposals
        .iter()
        .find(|p| p.kind == ProposalKind::Goal)
        .expect("goal");
    assert_eq!(goal.title, format!("Try a morning stretch {MARKER}"));
    assert_eq!(
        goal.why.as_deref(),
        Some("It might help mornings feel softer.")
    );
    assert_eq!(goal.steps, ["Two minutes", "Five minutes"]);
    assert_eq!(goal.note.as_deref(), Some("Only if it feels right."));
    assert_eq!(goal.from_name, "Jo");
    assert_eq!(goal.status, ProposalStatus::Pending);
    assert_eq!(goal.for_goal_id, None);
    let prompt = proposals
        .iter()
        .find(|p| p.kind == ProposalKind::Prompt)
        .expect("prompt");
    assert_eq!(
        prompt.title,
        format!("What made you smile this week? {MARKER}")
    );
    assert!(prompt.steps.is_empty() && prompt.why.is_none() && prompt.note.is_none());
    // Suggestions change nothing until the person decides.
    assert_eq!(goals::list_goals(client.conn()).expect("goals").len(), 0);
    // Nothing in the inbox on this side.
    assert_eq!(list_inbox(client.conn()).expect("inbox"), []);

    // Twice: nothing more.
    let before = counts(client.conn());
    assert!(!import(&client, &file).expect("again").added);
    assert_eq!(counts(client.conn()), before);
    // Even with the import record gone, each suggestion's own id keeps it single.
    client
        .conn()
        .execute("DELETE FROM share_imports", [])
        .expect("forget");
    assert!(import(&client, &file).expect("forgotten").added);
    assert_eq!(
        goals::list_proposals(client.conn())
            .expect("proposals")
            .len(),
        2
    );
}

#[test]
fn a_suggestion_is_from_the_name_given_else_has_no_name() {
    let client = vault("client");
    let key = key_of(&client);
    let named = suggestions(&share_id(1), sender(Some("Dr. Lee"), None));
    let outcome = import(&client, &sealed(&named, &key)).expect("named");
    assert_eq!(outcome.from_name.as_deref(), Some("Dr. Lee"));
    let nameless = suggestions(&share_id(2), sender(None, None));
    let outcome = import(&client, &sealed(&nameless, &key)).expect("nameless");
    assert_eq!(outcome.from_name, None);

    let mut from: Vec<String> = goals::list_proposals(client.conn())
        .expect("proposals")
        .into_iter()
        .map(|p| p.from_name)
        .collect();
    from.sort();
    assert_eq!(from, ["", "", "Dr. Lee", "Dr. Lee"]);
}

// ── Nothing partially imported ────────────────────────────────────────────────────────────────

/// Makes the vault refuse (from inside SQLite) the insert matching `condition` into `table`,
/// as a full disk or a damaged page would, part way through an import.
fn refuse_insert(v: &TestVault, table: &str, condition: &str) {
    v.conn()
        .execute_batch(&format!(
            "CREATE TEMP TRIGGER refuse_{table} BEFORE INSERT ON main.{table}
             WHEN {condition} BEGIN SELECT RAISE(ABORT, 'refused'); END;"
        ))
        .expect("trigger");
}

#[test]
fn a_suggestion_failing_half_way_adds_nothing_at_all() {
    let client = vault("client");
    let key = key_of(&client);
    let mut payload = suggestions(&share_id(4), sender(Some("Jo"), None));
    payload.suggestions.push(Suggestion::Prompt {
        text: "A third idea".into(),
        note: None,
    });
    let file = sealed(&payload, &key);
    let before = counts(client.conn());

    refuse_insert(&client, "proposals", "NEW.source_id LIKE '%:2'");
    let err = import(&client, &file).expect_err("refused");
    assert_eq!(err.code(), "internal");
    assert!(!err.to_string().contains("refused"), "{err}");
    assert_eq!(
        counts(client.conn()),
        before,
        "the first two were rolled back"
    );

    client
        .conn()
        .execute_batch("DROP TRIGGER temp.refuse_proposals")
        .expect("drop");
    let outcome = import(&client, &file).expect("now it goes");
    assert!(outcome.added);
    assert_eq!(outcome.count, 3);
    assert_eq!(
        goals::list_proposals(client.conn())
            .expect("proposals")
            .len(),
        3
    );
}

#[test]
fn a_suggestion_goals_refuses_rolls_back_the_whole_file() {
    // `validate_payload` keeps suggestions within the proposals' limits; if the two ever
    // disagree, goals' refusal still leaves nothing behind.
    let client = vault("client");
    let mut payload = suggestions(&share_id(5), sender(Some("Jo"), None));
    payload.suggestions.push(Suggestion::Goal {
        title: "x".repeat(goals::TITLE_MAX_CHARS + 1),
        why: None,
        steps: Vec::new(),
        note: None,
    });
    let before = counts(client.conn());
    let err = file_payload(client.conn(), &payload, at(NOW)).expect_err("refused");
    assert_eq!(err.code(), "invalid_input");
    assert_eq!(counts(client.conn()), before);
}

#[test]
fn an_inbox_write_failing_leaves_the_share_importable() {
    let counselor = vault("counselor");
    let file = sealed(
        &share(&share_id(6), sender(Some("Sam"), None)),
        &key_of(&counselor),
    );
    let before = counts(counselor.conn());
    refuse_insert(&counselor, "share_inbox", "1");
    assert_eq!(code(import(&counselor, &file)), "internal");
    assert_eq!(
        counts(counselor.conn()),
        before,
        "the share id wasn't recorded"
    );
    counselor
        .conn()
        .execute_batch("DROP TRIGGER temp.refuse_share_inbox")
        .expect("drop");
    assert!(import(&counselor, &file).expect("import").added);
}

// ── Bad files ─────────────────────────────────────────────────────────────────────────────────

#[test]
fn bad_files_are_refused_with_their_own_code_and_change_nothing() {
    let me = vault("me");
    let someone_else = vault("someone else");
    let key = key_of(&me);
    let good = share(&share_id(8), sender(Some("Sam"), None));
    let good_json = json(&good);
    let good_file = sealed(&good, &key);

    let with = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut value = serde_json::to_value(&good).expect("value");
        edit(&mut value);
        seal_bytes(&serde_json::to_vec(&value).expect("json"), &key, false)
    };
    let mut newer_and_odd = serde_json::to_value(&good).expect("value");
    newer_and_odd["version"] = 2.into();
    newer_and_odd["kind"] = "letters".into();
    newer_and_odd["items"] = serde_json::json!([{ "type": "poem", "lines": 3 }]);
    let mut trailing = good_json.clone();
    trailing.extend_from_slice(b" {}");
    let mut bad_utf8 = good_json.clone();
    let at_marker = bad_utf8
        .windows(MARKER.len())
        .position(|w| w == MARKER.as_bytes())
        .expect("marker");
    bad_utf8[at_marker] = 0xff;
    let deep = format!(
        "{{\"format\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let header_end = good_file
        .windows(5)
        .position(|w| w == b"\n--- ")
        .expect("mac line");

    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "not_a_share"),
        ("text", b"Dear counselor".to_vec(), "not_a_share"),
        ("the JSON unencrypted", good_json.clone(), "not_a_share"),
        (
            "for someone else",
            sealed(&good, &key_of(&someone_else)),
            "not_for_you",
        ),
        (
            "header cut short",
            good_file[..header_end].to_vec(),
            "not_a_share",
        ),
        (
            "body cut short",
            good_file[..good_file.len() - 1].to_vec(),
            "share_damaged",
        ),
        (
            "body changed",
            {
                let mut f = good_file.clone();
                let last = f.len() - 1;
                f[last] ^= 1;
                f
            },
            "share_damaged",
        ),
        ("not JSON", seal_bytes(b"hello", &key, false), "not_a_share"),
        ("empty payload", seal_bytes(b"", &key, false), "not_a_share"),
        (
            "a JSON array",
            seal_bytes(b"[\"cove-share\", 1]", &key, false),
            "not_a_share",
        ),
        (
            "a JSON string",
            seal_bytes(b"\"cove-share\"", &key, false),
            "not_a_share",
        ),
        (
            "trailing data",
            seal_bytes(&trailing, &key, false),
            "not_a_share",
        ),
        (
            "not UTF-8",
            seal_bytes(&bad_utf8, &key, false),
            "not_a_share",
        ),
        (
            "nested deeply",
            seal_bytes(deep.as_bytes(), &key, false),
            "not_a_share",
        ),
        (
            "a duplicate field",
            seal_bytes(
                &[&good_json[..good_json.len() - 1], b",\"kind\":\"share\"}"].concat(),
                &key,
                false,
            ),
            "not_a_share",
        ),
        (
            "another format",
            with(&|v| v["format"] = "other".into()),
            "not_a_share",
        ),
        (
            "version 0",
            with(&|v| v["version"] = 0.into()),
            "not_a_share",
        ),
        (
            "version -1",
            with(&|v| v["version"] = (-1).into()),
            "not_a_share",
        ),
        (
            "a newer version",
            with(&|v| v["version"] = 2.into()),
            "too_new",
        ),
        (
            "a much newer version",
            with(&|v| v["version"] = u64::MAX.into()),
            "too_new",
        ),
        (
            "a newer version this Cove can't read",
            seal_bytes(
                &serde_json::to_vec(&newer_and_odd).expect("json"),
                &key,
                false,
            ),
            "too_new",
        ),
        (
            "a bad share id",
            with(&|v| v["shareId"] = "../../etc".into()),
            "not_a_share",
        ),
        (
            "no share id",
            with(&|v| {
                v.as_object_mut().expect("object").remove("shareId");
            }),
            "not_a_share",
        ),
        (
            "an unknown kind",
            with(&|v| v["kind"] = "letters".into()),
            "not_a_share",
        ),
        (
            "an unknown item",
            with(&|v| v["items"] = serde_json::json!([{ "type": "poem" }])),
            "not_a_share",
        ),
        (
            "suggestions in a share",
            with(&|v| v["suggestions"] = serde_json::json!([{ "type": "prompt", "text": "Hi" }])),
            "not_a_share",
        ),
        (
            "a reply key that isn't a key",
            with(&|v| v["from"]["replyTo"] = "age1nope".into()),
            "not_a_share",
        ),
        (
            "a text too long",
            with(&|v| {
                v["items"][0]["body"] = "a".repeat(crate::sharing::TEXT_MAX_CHARS + 1).into()
            }),
            "share_too_large",
        ),
    ];
    let before = counts(me.conn());
    for (what, bytes, expected) in cases {
        let got = code(import(&me, &bytes));
        assert_eq!(got, expected, "{what}");
        assert_eq!(counts(me.conn()), before, "{what}");
    }
    // And the good one still goes in.
    assert!(import(&me, &good_file).expect("good").added);
}

#[test]
fn a_payload_with_a_byte_order_mark_and_unknown_fields_still_imports() {
    let me = vault("me");
    let good = share(&share_id(10), sender(Some("Sam"), None));
    let mut value = serde_json::to_value(&good).expect("value");
    value["addedByANewerCove"] = serde_json::json!({ "anything": [1, 2] });
    value["items"][0]["mood"] = 3.into();
    let bytes = [
        b"\xEF\xBB\xBF".as_slice(),
        &serde_json::to_vec_pretty(&value).expect("json"),
    ]
    .concat();
    let outcome = import(&me, &seal_bytes(&bytes, &key_of(&me), false)).expect("import");
    assert!(outcome.added);
    assert_eq!(list_inbox(me.conn()).expect("inbox")[0].payload, good);
}

#[test]
fn a_passphrase_share_opens_with_its_passphrase_only() {
    let counselor = vault("counselor");
    let payload = share(&share_id(11), sender(Some("Sam"), None));
    let file = seal(
        &json(&payload),
        &Sealing::Passphrase(secret("correct horse battery")),
        false,
    )
    .expect("seal");
    let before = counts(counselor.conn());
    let open = |p: Option<&SecretString>| import_share(counselor.conn(), &file, p, None, at(NOW));
    assert_eq!(code(open(None)), "wrong_passphrase");
    assert_eq!(
        code(open(Some(&secret("correct horse")))),
        "wrong_passphrase"
    );
    assert_eq!(counts(counselor.conn()), before);
    let outcome = open(Some(&secret("correct horse battery"))).expect("opens");
    assert!(outcome.added);
    assert_eq!(outcome.from_name.as_deref(), Some("Sam"));
}

#[test]
fn the_shared_words_stay_inside_the_encrypted_vault() {
    let counselor = vault("counselor");
    let payload = share(&share_id(12), sender(Some("Sam"), None));
    import(&counselor, &sealed(&payload, &key_of(&counselor))).expect("import");
    save_inbox_notes(
        counselor.conn(),
        list_inbox(counselor.conn()).expect("inbox")[0].id,
        Some(format!("notes {MARKER}")),
    )
    .expect("notes");
    let mut stack = vec![counselor._f._tmp.path().to_path_buf()];
    let mut files = 0;
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(
                std::fs::read_dir(&path)
                    .expect("dir")
                    .map(|e| e.expect("entry").path()),
            );
        } else {
            files += 1;
            let bytes = std::fs::read(&path).expect("file");
            assert!(
                !bytes.windows(MARKER.len()).any(|w| w == MARKER.as_bytes()),
                "{path:?}"
            );
        }
    }
    assert!(files >= 2, "the vault and its key file were looked at");
}

// ── The inbox ─────────────────────────────────────────────────────────────────────────────────

#[test]
fn notes_beside_a_share_are_kept_as_typed_and_can_be_cleared() {
    let counselor = vault("counselor");
    let key = key_of(&counselor);
    import(
        &counselor,
        &sealed(&share(&share_id(20), sender(Some("Sam"), None)), &key),
    )
    .expect("first");
    import(
        &counselor,
        &sealed(&share(&share_id(21), sender(Some("Alex"), None)), &key),
    )
    .expect("second");
    let inbox = list_inbox(counselor.conn()).expect("inbox");
    let (alex, sam) = (inbox[0].id, inbox[1].id);
    assert_eq!(inbox[0].share_id, share_id(21), "newest first");

    let typed = "  Ask about the walks.\nFollow up next week \u{1F331}\n".to_owned();
    let saved = save_inbox_notes(counselor.conn(), sam, Some(typed.clone())).expect("save");
    assert_eq!(saved.notes.as_deref(), Some(typed.as_str()));
    assert_eq!(
        get_inbox_share(counselor.conn(), sam).expect("get").notes,
        Some(typed.clone())
    );
    assert_eq!(
        get_inbox_share(counselor.conn(), alex)
            .expect("other")
            .notes,
        None,
        "only that share's notes"
    );

    let long = "n".repeat(INBOX_NOTES_MAX_CHARS + 1);
    let err = save_inbox_notes(counselor.conn(), sam, Some(long)).expect_err("too long");
    assert_eq!(err.code(), "invalid_input");
    assert_eq!(
        get_inbox_share(counselor.conn(), sam).expect("get").notes,
        Some(typed),
        "the notes before are kept"
    );
    let at_limit = "é".repeat(INBOX_NOTES_MAX_CHARS);
    assert_eq!(
        save_inbox_notes(counselor.conn(), sam, Some(at_limit.clone()))
            .expect("at the limit")
            .notes,
        Some(at_limit)
    );

    for cleared in [None, Some(String::new()), Some(" \n\t ".into())] {
        save_inbox_notes(counselor.conn(), sam, Some("x".into())).expect("set");
        assert_eq!(
            save_inbox_notes(counselor.conn(), sam, cleared)
                .expect("clear")
                .notes,
            None
        );
    }
    let err = save_inbox_notes(counselor.conn(), 9_999, Some("x".into())).expect_err("missing");
    assert_eq!(err.code(), "not_found");
    assert_eq!(
        get_inbox_share(counselor.conn(), 9_999)
            .expect_err("missing")
            .code(),
        "not_found"
    );
}

#[test]
fn deleting_a_share_removes_it_and_lets_the_file_be_imported_again() {
    let counselor = vault("counselor");
    let key = key_of(&counselor);
    let file = sealed(&share(&share_id(30), sender(Some("Sam"), None)), &key);
    let other = sealed(&share(&share_id(31), sender(Some("Alex"), None)), &key);
    import(&counselor, &file).expect("import");
    import(&counselor, &other).expect("other");
    let id = list_inbox(counselor.conn()).expect("inbox")[1].id;
    save_inbox_notes(counselor.conn(), id, Some("private".into())).expect("notes");

    delete_inbox_share(counselor.conn(), id).expect("delete");
    let inbox = list_inbox(counselor.conn()).expect("inbox");
    assert_eq!(inbox.len(), 1);
    assert_eq!(inbox[0].share_id, share_id(31));
    assert_eq!(counts(counselor.conn())[1], 1, "its import record went too");
    assert_eq!(
        delete_inbox_share(counselor.conn(), id)
            .expect_err("again")
            .code(),
        "not_found"
    );

    let again = import(&counselor, &file).expect("reimport");
    assert!(again.added);
    let inbox = list_inbox(counselor.conn()).expect("inbox");
    assert_eq!(inbox.len(), 2);
    assert_eq!(inbox[0].notes, None, "the deleted notes don't come back");
}

#[test]
fn a_damaged_inbox_row_is_reported_not_guessed() {
    let counselor = vault("counselor");
    import(
        &counselor,
        &sealed(
            &share(&share_id(40), sender(Some("Sam"), None)),
            &key_of(&counselor),
        ),
    )
    .expect("import");
    counselor
        .conn()
        .execute("UPDATE share_inbox SET payload = '{\"format\":'", [])
        .expect("damage");
    let err = list_inbox(counselor.conn()).expect_err("damaged");
    assert_eq!(err.code(), "corrupt");
    assert!(!err.to_string().contains("format"), "{err}");
}

// ── Reading the payload ───────────────────────────────────────────────────────────────────────

#[test]
fn parse_payload_reads_only_a_cove_share_object() {
    let good = share(&share_id(50), sender(None, None));
    let bytes = json(&good);
    assert_eq!(parse_payload(&bytes).expect("good"), good);
    let padded = [b" \n\t".as_slice(), &bytes, b"\n"].concat();
    assert_eq!(parse_payload(&padded).expect("padded"), good);

    for (what, bytes) in [
        ("nothing", b"".as_slice()),
        ("spaces", b"  \n"),
        ("null", b"null"),
        ("a number", b"1"),
        ("an object of nothing", b"{}"),
        ("half an object", b"{\"format\":\"cove-share\""),
        ("a byte-order mark alone", b"\xEF\xBB\xBF"),
        ("two marks", b"\xEF\xBB\xBF\xEF\xBB\xBF{}"),
    ] {
        assert!(
            matches!(parse_payload(bytes), Err(SharingError::NotAShare)),
            "{what}"
        );
    }
    assert!(matches!(
        parse_payload(br#"{"format":"cove-share","version":7}"#),
        Err(SharingError::TooNew)
    ));
    // Another format's version is not Cove's business.
    assert!(matches!(
        parse_payload(br#"{"format":"other","version":7}"#),
        Err(SharingError::NotAShare)
    ));
}

// ── Which kind this journal takes ─────────────────────────────────────────────────────────────

#[test]
fn a_payload_of_the_other_kind_is_refused_before_anything_is_written() {
    let v = vault("journal");
    let key = key_of(&v);
    let a_share = sealed(&share(&share_id(41), sender(Some("Sam"), None)), &key);
    let some_ideas = sealed(&suggestions(&share_id(42), sender(None, None)), &key);
    let before = counts(v.conn());
    for (file, expected) in [
        (&a_share, PayloadKind::Suggestions),
        (&some_ideas, PayloadKind::Share),
    ] {
        let err = import_share(v.conn(), file, None, Some(expected), at(NOW)).expect_err("kind");
        assert_eq!(err.code(), "wrong_kind");
        assert!(matches!(err, SharingError::WrongKind(found) if found != expected));
        assert!(err.to_string().contains("Nothing was added"), "{err}");
        assert!(!err.to_string().contains(MARKER) && !err.to_string().contains("Sam"));
        assert_eq!(counts(v.conn()), before);
    }
    // The right kind goes in, and the refusal did not mark it imported.
    let outcome =
        import_share(v.conn(), &a_share, None, Some(PayloadKind::Share), at(NOW)).expect("share");
    assert!(outcome.added);
    let outcome = import_share(
        v.conn(),
        &some_ideas,
        None,
        Some(PayloadKind::Suggestions),
        at(NOW),
    )
    .expect("suggestions");
    assert!(outcome.added);
    assert_eq!(outcome.count, 2);
}

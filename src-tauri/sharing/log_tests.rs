//! The share log on a real SQLCipher vault in a temporary folder.

use super::*;
use crate::goals::GoalStatus;
use crate::identity::{IdentityKind, IdentityPart};
use crate::journal::EntryKind;
use crate::sharing::model::{
    Sender, SharedFeeling, SharedGoalCheckin, SharedPlanSection, PAYLOAD_FORMAT, PAYLOAD_VERSION,
};
use crate::sharing::PayloadKind;
use crate::test_support::{at, test_vault, TestVault};
use crate::vault::PronounSet;

const T0: &str = "2026-03-20T10:00:00.000-05:00";
const T1: &str = "2026-03-21T11:30:00.500-05:00";

fn vault() -> TestVault {
    test_vault("sharing log tests")
}

fn entry(day: &str) -> SharedItem {
    SharedItem::Entry {
        kind: EntryKind::Checkin,
        day: day.into(),
        created_at: format!("{day}T09:00:00.000-05:00"),
        title: None,
        body: Some("How the day went".into()),
        feelings: Some(vec![SharedFeeling {
            word: "calm".into(),
            intensity: 3,
        }]),
        going_on: None,
        helped: Some("A walk".into()),
        tags: None,
        prompt: None,
        goal: Some(SharedGoalCheckin {
            goal_title: Some("Sleep better".into()),
            day: None,
            how: None,
            in_the_way: None,
            next_step: None,
        }),
        identity: Some(IdentityPart {
            kind: IdentityKind::Moment,
            name: None,
            pronouns: None,
            felt: None,
            moment: None,
        }),
    }
}

fn share(items: Vec<SharedItem>) -> SharePayload {
    SharePayload {
        format: PAYLOAD_FORMAT.into(),
        version: PAYLOAD_VERSION,
        share_id: "00112233445566778899aabbccddeeff".into(),
        created_at: T0.into(),
        kind: PayloadKind::Share,
        from: Sender {
            name: None,
            pronouns: None,
            reply_to: None,
            note: None,
        },
        items,
        suggestions: Vec::new(),
    }
}

fn item(kind: &str, label: &str, parts: &[&str]) -> ShareLogItem {
    ShareLogItem {
        kind: kind.into(),
        label: label.into(),
        parts: parts.iter().map(|p| (*p).to_owned()).collect(),
    }
}

fn add_contact(v: &TestVault, name: &str) -> i64 {
    v.conn()
        .execute(
            "INSERT INTO share_contacts (role, name, recipient, paired_at)
             VALUES ('counselor', ?1, ?2, ?3)",
            rusqlite::params![
                name,
                "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p",
                T0
            ],
        )
        .expect("contact");
    v.conn().last_insert_rowid()
}

fn log_rows(v: &TestVault) -> i64 {
    v.conn()
        .query_row("SELECT count(*) FROM share_log", [], |r| r.get(0))
        .expect("count")
}

#[test]
fn each_item_is_listed_with_the_parts_that_went() {
    let mut payload = share(vec![
        entry("2026-03-10"),
        SharedItem::Goal {
            title: "Sleep better".into(),
            why: None,
            area: None,
            status: GoalStatus::Active,
            made_with_counselor: false,
            steps: Some(Vec::new()),
            checkins: None,
        },
        SharedItem::Insights {
            from: "2026-03-01".into(),
            to: "2026-03-31".into(),
            entries: 4,
            checkins: 2,
            top_feelings: Vec::new(),
        },
        SharedItem::SafetyPlan {
            sections: vec![
                SharedPlanSection {
                    section: "warning_signs".into(),
                    items: Vec::new(),
                },
                SharedPlanSection {
                    section: "reasons_for_living".into(),
                    items: Vec::new(),
                },
            ],
        },
    ]);
    payload.from.pronouns = PronounSet::common("they");
    payload.from.note = Some("See you Thursday".into());
    assert_eq!(
        log_items(&payload),
        [
            item("profile", "", &["pronouns"]),
            item("note", "", &[]),
            item(
                "entry",
                "2026-03-10",
                &["body", "feelings", "helped", "goal", "identity"]
            ),
            item("goal", "Sleep better", &["title", "steps"]),
            item(
                "insights",
                "2026-03-01/2026-03-31",
                &["counts", "top_feelings"]
            ),
            item("safety_plan", "", &["warning_signs", "reasons_for_living"]),
        ]
    );
}

#[test]
fn suggestions_are_listed_by_their_title_or_text() {
    let mut payload = share(Vec::new());
    payload.kind = PayloadKind::Suggestions;
    payload.from.name = Some("Dr. Rivera".into());
    payload.suggestions = vec![
        Suggestion::Goal {
            title: "Join a club".into(),
            why: Some("Friends".into()),
            steps: vec!["Ask".into()],
            note: None,
        },
        Suggestion::Prompt {
            text: "What felt good?".into(),
            note: Some("Try it twice".into()),
        },
    ];
    assert_eq!(
        log_items(&payload),
        [
            item("profile", "", &["name"]),
            item("goal_suggestion", "Join a club", &["why", "steps"]),
            item("prompt_suggestion", "What felt good?", &["note"]),
        ]
    );
}

#[test]
fn a_share_is_recorded_with_the_contacts_name_at_the_time_newest_first() {
    let v = vault();
    assert_eq!(list_share_log(v.conn()).expect("empty log"), []);
    let contact = add_contact(&v, "Ms. Okafor");

    let first = record_share(
        v.conn(),
        &share(vec![entry("2026-03-10")]),
        ShareMethod::File,
        Some(contact),
        at(T0),
    )
    .expect("record");
    assert_eq!(first.to_name.as_deref(), Some("Ms. Okafor"));
    assert_eq!(first.contact_id, Some(contact));
    assert_eq!(first.at, "2026-03-20T10:00:00.000-05:00");
    assert_eq!(first.share_id, "00112233445566778899aabbccddeeff");

    // The contact is renamed, then removed: the line still says who it went to then.
    v.conn()
        .execute(
            "UPDATE share_contacts SET name = 'Dr. Okafor' WHERE id = ?1",
            [contact],
        )
        .expect("rename");
    let mut second_payload = share(Vec::new());
    second_payload.share_id = "ffeeddccbbaa99887766554433221100".into();
    second_payload.from.note = Some("Only a note".into());
    let second = record_share(
        v.conn(),
        &second_payload,
        ShareMethod::PassphraseFile,
        None,
        at(T1),
    )
    .expect("record");
    v.conn()
        .execute("DELETE FROM share_contacts WHERE id = ?1", [contact])
        .expect("remove");

    let log = list_share_log(v.conn()).expect("log");
    assert_eq!(log, [second.clone(), first.clone()]);
    assert_eq!(log[1].to_name.as_deref(), Some("Ms. Okafor"));
    assert_eq!(log[0].to_name, None);
    assert_eq!(log[0].method, ShareMethod::PassphraseFile);
    assert_eq!(log[0].items, [item("note", "", &[])]);
}

#[test]
fn every_method_reads_back_as_written() {
    let v = vault();
    let methods = [
        ShareMethod::File,
        ShareMethod::PassphraseFile,
        ShareMethod::ArmoredText,
        ShareMethod::Print,
        ShareMethod::ShowInSession,
    ];
    for method in methods {
        record_share(
            v.conn(),
            &share(vec![entry("2026-03-10")]),
            method,
            None,
            at(T0),
        )
        .expect("record");
    }
    let back: Vec<ShareMethod> = list_share_log(v.conn())
        .expect("log")
        .into_iter()
        .rev()
        .map(|l| l.method)
        .collect();
    assert_eq!(back, methods);
}

#[test]
fn a_contact_that_is_not_there_is_not_found_and_nothing_is_recorded() {
    let v = vault();
    let err = record_share(
        v.conn(),
        &share(vec![entry("2026-03-10")]),
        ShareMethod::File,
        Some(77),
        at(T0),
    )
    .expect_err("no such contact");
    assert_eq!(err.code(), "not_found");
    assert_eq!(log_rows(&v), 0);
}

#[test]
fn a_damaged_log_line_is_reported_not_a_panic() {
    let v = vault();
    record_share(
        v.conn(),
        &share(vec![entry("2026-03-10")]),
        ShareMethod::Print,
        None,
        at(T0),
    )
    .expect("record");
    v.conn()
        .execute("UPDATE share_log SET items = 'not json'", [])
        .expect("damage");
    assert_eq!(
        list_share_log(v.conn()).expect_err("damaged").code(),
        "corrupt"
    );
    v.conn()
        .execute(
            "UPDATE share_log SET items = '[]', method = 'carrier_pigeon'",
            [],
        )
        .expect("damage");
    assert_eq!(
        list_share_log(v.conn()).expect_err("damaged").code(),
        "corrupt"
    );
}

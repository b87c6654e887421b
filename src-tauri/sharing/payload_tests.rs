//! Building and checking share payloads on a real SQLCipher vault in a temporary folder.

use std::collections::BTreeMap;

use super::*;
use crate::goals::{self, GoalArea, GoalCheckinPart, GoalDraft, GoalStatus, StepDraft};
use crate::identity::{IdentityKind, IdentityPart};
use crate::journal::{
    self, Checkin, CustomFeeling, CustomPrompt, Entry, EntryDraft, EntryKind, FeelingPick,
    JournalLibrary,
};
use crate::safety::{SafetyContact, SafetyPlan};
use crate::sharing::model::{
    EntryPick, GoalPick, InsightsPick, SafetyPlanPick, SharedFeeling, SharedGoalCheckin,
    SharedPlanSection, SharedStep,
};
use crate::test_support::{at, free, test_vault, TestVault};
use crate::vault::{Profile, PronounSet, SharedAddressing};

const T0: &str = "2026-03-10T09:30:00.250-05:00";
const T1: &str = "2026-03-11T18:00:00.000-05:00";
const T2: &str = "2026-03-12T07:15:00.000-05:00";
const NOW: &str = "2026-03-20T10:00:00.000-05:00";

fn vault() -> TestVault {
    test_vault("sharing payload tests")
}

fn save(v: &TestVault, draft: EntryDraft, now: &str) -> Entry {
    journal::save_entry(v.conn(), draft, at(now))
        .expect("save entry")
        .expect("not empty")
}

fn feeling(id: &str, intensity: u8) -> FeelingPick {
    FeelingPick {
        feeling: id.into(),
        intensity,
        valence: 0,
    }
}

/// A check-in with two shipped feelings and one of the person's own, both texts, tags and a
/// prompt.
fn checkin_draft() -> EntryDraft {
    EntryDraft {
        kind: EntryKind::Checkin,
        title: Some("Tuesday evening".into()),
        tags: vec!["school".into(), "music".into()],
        prompt_id: Some("feelings.07".into()),
        checkin: Some(Checkin {
            feelings: vec![
                feeling("calm", 3),
                feeling("worried", 5),
                feeling("custom:fizz", 2),
            ],
            pleasantness: Some(0.625),
            energy: Some(-0.5),
            sensations: vec!["tight_chest".into()],
            going_on: Some("Exams next week, secret-going-on".into()),
            helped: Some("A walk with the dog, secret-helped".into()),
        }),
        ..free("The body of the check-in, secret-body")
    }
}

fn names() -> BTreeMap<String, String> {
    [("calm", "calm"), ("worried", "worried")]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

fn own_words(v: &TestVault) {
    journal::save_library(
        v.conn(),
        JournalLibrary {
            custom_feelings: vec![CustomFeeling {
                id: "fizz".into(),
                word: "fizzy".into(),
                core: None,
                meaning: None,
            }],
            custom_prompts: vec![CustomPrompt {
                id: "mine".into(),
                text: "What made me laugh today?".into(),
                group: None,
            }],
            ..JournalLibrary::default()
        },
    )
    .expect("library");
}

fn all_entry_parts() -> EntryParts {
    EntryParts {
        title: true,
        body: true,
        feelings: true,
        going_on: true,
        helped: true,
        tags: true,
        prompt: true,
        goal: true,
        identity: true,
    }
}

fn entries(picks: &[(i64, EntryParts)]) -> ShareSelection {
    ShareSelection {
        entries: picks
            .iter()
            .map(|(id, parts)| EntryPick {
                id: *id,
                parts: parts.clone(),
            })
            .collect(),
        feeling_names: names(),
        prompt_texts: [("feelings.07".to_owned(), "What is on your mind?".to_owned())]
            .into_iter()
            .collect(),
        ..ShareSelection::default()
    }
}

fn build(v: &TestVault, selection: &ShareSelection) -> SharePayload {
    build_payload(v.conn(), selection, ShareMethod::File, at(NOW)).expect("build")
}

fn json(payload: &SharePayload) -> String {
    serde_json::to_string(payload).expect("json")
}

fn goal_draft(title: &str) -> GoalDraft {
    GoalDraft {
        id: None,
        title: title.into(),
        why: Some("Because I want to sleep better, secret-why".into()),
        area: Some(GoalArea::Body),
        steps: vec![
            StepDraft {
                id: None,
                text: "Phone out of the bedroom".into(),
                done: true,
            },
            StepDraft {
                id: None,
                text: "Lights out by 11".into(),
                done: false,
            },
        ],
        target_date: None,
        made_with_counselor: true,
        reminder: None,
    }
}

fn goal_checkin(goal_id: i64, how: &str) -> EntryDraft {
    EntryDraft {
        kind: EntryKind::GoalCheckin,
        checkin: Some(Checkin {
            feelings: vec![feeling("calm", 2)],
            ..Checkin::default()
        }),
        goal: Some(GoalCheckinPart {
            goal_id,
            in_the_way: Some("Late homework".into()),
            next_step: Some("Start earlier".into()),
        }),
        ..free(how)
    }
}

fn code<T: std::fmt::Debug>(result: Result<T>) -> &'static str {
    result.expect_err("should fail").code()
}

// ── Building ──────────────────────────────────────────────────────────────────────────────────

#[test]
fn an_entry_carries_exactly_the_parts_switched_on_as_words() {
    let v = vault();
    own_words(&v);
    let e = save(&v, checkin_draft(), T0);

    let everything = build(&v, &entries(&[(e.id, all_entry_parts())]));
    assert_eq!(everything.items.len(), 1);
    let SharedItem::Entry {
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
        identity,
    } = &everything.items[0]
    else {
        panic!("an entry item: {:?}", everything.items[0]);
    };
    assert_eq!(*kind, EntryKind::Checkin);
    assert_eq!(day, "2026-03-10");
    assert_eq!(created_at, &e.created_at);
    assert_eq!(title.as_deref(), Some("Tuesday evening"));
    assert_eq!(
        body.as_deref(),
        Some("The body of the check-in, secret-body")
    );
    assert_eq!(
        feelings.as_deref(),
        Some(
            &[
                SharedFeeling {
                    word: "calm".into(),
                    intensity: 3
                },
                SharedFeeling {
                    word: "worried".into(),
                    intensity: 5
                },
                SharedFeeling {
                    word: "fizzy".into(),
                    intensity: 2
                },
            ][..]
        )
    );
    assert_eq!(
        going_on.as_deref(),
        Some("Exams next week, secret-going-on")
    );
    assert_eq!(
        helped.as_deref(),
        Some("A walk with the dog, secret-helped")
    );
    assert_eq!(
        tags.as_deref(),
        Some(&["school".to_owned(), "music".to_owned()][..])
    );
    assert_eq!(prompt.as_deref(), Some("What is on your mind?"));
    assert_eq!(*goal, None, "not a goal check-in");
    assert_eq!(*identity, None, "no identity part");
    let text = json(&everything);
    for id in ["feelings.07", "custom:fizz", "tight_chest"] {
        assert!(!text.contains(id), "an id went into the file: {id}");
    }
    for left_out in ["pleasantness", "energy", "0.625", "valence", "sensations"] {
        assert!(!text.contains(left_out), "{left_out}");
    }

    // Only the feelings: every other part is left out of the file entirely.
    let feelings_only = EntryParts {
        feelings: true,
        ..EntryParts::default()
    };
    let some = build(&v, &entries(&[(e.id, feelings_only)]));
    let SharedItem::Entry {
        title,
        body,
        feelings,
        going_on,
        helped,
        tags,
        prompt,
        ..
    } = &some.items[0]
    else {
        panic!("an entry item");
    };
    assert!(feelings.as_ref().is_some_and(|f| f.len() == 3));
    assert_eq!(
        (title, body, going_on, helped, tags, prompt),
        (&None, &None, &None, &None, &None, &None)
    );
    let text = json(&some);
    for secret in [
        "secret-body",
        "secret-going-on",
        "secret-helped",
        "Tuesday evening",
        "school",
        "What is on your mind?",
    ] {
        assert!(!text.contains(secret), "a left-out part went: {secret}");
    }
}

#[test]
fn words_come_from_the_ui_then_the_persons_own_library_and_ids_never_go() {
    let v = vault();
    own_words(&v);
    let e = save(
        &v,
        EntryDraft {
            prompt_id: Some("custom:mine".into()),
            checkin: Some(Checkin {
                feelings: vec![
                    feeling("quietly_hopeful", 4),
                    feeling("custom:gone", 1),
                    feeling("custom:fizz", 3),
                ],
                ..Checkin::default()
            }),
            kind: EntryKind::Checkin,
            ..free("")
        },
        T0,
    );
    let selection = ShareSelection {
        feeling_names: BTreeMap::new(),
        prompt_texts: BTreeMap::new(),
        ..entries(&[(e.id, all_entry_parts())])
    };
    let payload = build(&v, &selection);
    let SharedItem::Entry {
        feelings,
        prompt,
        body,
        ..
    } = &payload.items[0]
    else {
        panic!("an entry item");
    };
    let words: Vec<&str> = feelings
        .as_ref()
        .expect("feelings")
        .iter()
        .map(|f| f.word.as_str())
        .collect();
    // A shipped id the UI did not name reads as words; an own word that was deleted is left
    // out rather than sent as an id.
    assert_eq!(words, ["quietly hopeful", "fizzy"]);
    assert_eq!(prompt.as_deref(), Some("What made me laugh today?"));
    assert_eq!(*body, None, "an empty body is not a part that went");

    // A prompt with no known text is left out (its id never goes).
    let e2 = save(
        &v,
        EntryDraft {
            prompt_id: Some("identity.03".into()),
            ..free("Answering a prompt")
        },
        T1,
    );
    let payload = build(&v, &entries(&[(e2.id, all_entry_parts())]));
    let SharedItem::Entry { prompt, .. } = &payload.items[0] else {
        panic!("an entry item");
    };
    assert_eq!(*prompt, None);
    assert!(!json(&payload).contains("identity.03"));
}

#[test]
fn the_payload_has_its_format_a_fresh_share_id_the_time_and_this_journals_key() {
    let v = vault();
    let e = save(&v, free("Hello"), T0);
    let selection = entries(&[(e.id, all_entry_parts())]);

    let a = build(&v, &selection);
    let b = build(&v, &selection);
    assert_eq!(a.format, "cove-share");
    assert_eq!(a.version, 1);
    assert_eq!(a.kind, PayloadKind::Share);
    assert_eq!(a.created_at, "2026-03-20T10:00:00.000-05:00");
    assert!(a.suggestions.is_empty());
    for id in [&a.share_id, &b.share_id] {
        assert_eq!(id.len(), 32);
        assert!(id
            .bytes()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }
    assert_ne!(a.share_id, b.share_id, "every share has its own id");

    let mine = super::super::keys::my_key(v.conn(), at(NOW)).expect("my key");
    assert_eq!(a.from.reply_to.as_deref(), Some(mine.recipient.as_str()));
    assert_eq!(
        b.from.reply_to, a.from.reply_to,
        "the same key pair each time"
    );

    for method in [
        ShareMethod::PassphraseFile,
        ShareMethod::Print,
        ShareMethod::ShowInSession,
    ] {
        let p = build_payload(v.conn(), &selection, method, at(NOW)).expect("build");
        assert_eq!(p.from.reply_to, None, "{method:?} carries no key");
    }
    let armored =
        build_payload(v.conn(), &selection, ShareMethod::ArmoredText, at(NOW)).expect("build");
    assert_eq!(armored.from.reply_to, a.from.reply_to);

    // What was built reads back the same.
    let back: SharePayload = serde_json::from_str(&json(&a)).expect("parse");
    assert_eq!(back, a);
    validate_payload(&back).expect("valid");
}

#[test]
fn the_passphrase_mode_makes_no_key_pair() {
    let v = vault();
    let e = save(&v, free("Hello"), T0);
    let p = build_payload(
        v.conn(),
        &entries(&[(e.id, all_entry_parts())]),
        ShareMethod::PassphraseFile,
        at(NOW),
    )
    .expect("build");
    assert_eq!(p.from.reply_to, None);
    let key: Option<String> = v
        .conn()
        .query_row(
            "SELECT value FROM settings WHERE key = 'sharing_key'",
            [],
            |r| r.get(0),
        )
        .ok();
    assert_eq!(key, None, "no key pair was made for a passphrase share");
}

#[test]
fn trashed_or_missing_entries_and_missing_goals_are_not_found_and_nothing_is_built() {
    let v = vault();
    let kept = save(&v, free("kept"), T0);
    let trashed = save(&v, free("trashed"), T1);
    journal::delete_entry(v.conn(), trashed.id, at(T2)).expect("trash");

    let build_err = |s: &ShareSelection| build_payload(v.conn(), s, ShareMethod::File, at(NOW));
    assert_eq!(
        code(build_err(&entries(&[
            (kept.id, all_entry_parts()),
            (trashed.id, all_entry_parts())
        ]))),
        "not_found"
    );
    assert_eq!(
        code(build_err(&entries(&[(9_999, all_entry_parts())]))),
        "not_found"
    );
    let missing_goal = ShareSelection {
        goals: vec![GoalPick {
            id: 4_242,
            parts: GoalParts::default(),
        }],
        ..ShareSelection::default()
    };
    assert_eq!(code(build_err(&missing_goal)), "not_found");
    let log: i64 = v
        .conn()
        .query_row("SELECT count(*) FROM share_log", [], |r| r.get(0))
        .expect("count");
    assert_eq!(log, 0, "building writes nothing to the log");
}

#[test]
fn the_same_entry_picked_twice_goes_once_in_the_order_picked() {
    let v = vault();
    let a = save(&v, free("first"), T0);
    let b = save(&v, free("second"), T1);
    let payload = build(
        &v,
        &entries(&[
            (b.id, all_entry_parts()),
            (a.id, all_entry_parts()),
            (b.id, EntryParts::default()),
        ]),
    );
    let bodies: Vec<_> = payload
        .items
        .iter()
        .map(|i| match i {
            SharedItem::Entry { body, .. } => body.clone(),
            other => panic!("an entry: {other:?}"),
        })
        .collect();
    assert_eq!(
        bodies,
        [Some("second".to_owned()), Some("first".to_owned())]
    );
}

#[test]
fn a_goal_always_has_its_title_and_status_and_its_why_steps_and_checkins_when_picked() {
    let v = vault();
    let goal = goals::save_goal(v.conn(), goal_draft("Sleep better"), at(T0)).expect("goal");
    goals::set_goal_status(v.conn(), goal.id, GoalStatus::Paused, at(T0)).expect("status");
    save(&v, goal_checkin(goal.id, "Went to bed at 11"), T1);
    let trashed = save(&v, goal_checkin(goal.id, "in the trash"), T2);
    journal::delete_entry(v.conn(), trashed.id, at(T2)).expect("trash");

    let pick = |parts: GoalParts| ShareSelection {
        goals: vec![GoalPick { id: goal.id, parts }],
        ..ShareSelection::default()
    };
    let bare = build(&v, &pick(GoalParts::default()));
    assert_eq!(
        bare.items,
        [SharedItem::Goal {
            title: "Sleep better".into(),
            why: None,
            area: Some(GoalArea::Body),
            status: GoalStatus::Paused,
            made_with_counselor: true,
            steps: None,
            checkins: None,
        }]
    );
    assert!(!json(&bare).contains("secret-why"));
    assert!(!json(&bare).contains("Phone out"));

    let full = build(
        &v,
        &pick(GoalParts {
            why: true,
            steps: true,
            checkins: true,
        }),
    );
    let SharedItem::Goal {
        why,
        steps,
        checkins,
        ..
    } = &full.items[0]
    else {
        panic!("a goal item");
    };
    assert_eq!(
        why.as_deref(),
        Some("Because I want to sleep better, secret-why")
    );
    assert_eq!(
        steps.as_deref(),
        Some(
            &[
                SharedStep {
                    text: "Phone out of the bedroom".into(),
                    done: true
                },
                SharedStep {
                    text: "Lights out by 11".into(),
                    done: false
                },
            ][..]
        )
    );
    assert_eq!(
        checkins.as_deref(),
        Some(
            &[SharedGoalCheckin {
                goal_title: None,
                day: Some("2026-03-11".into()),
                how: Some("Went to bed at 11".into()),
                in_the_way: Some("Late homework".into()),
                next_step: Some("Start earlier".into()),
            }][..]
        ),
        "check-ins in the trash stay out, and their feelings never go"
    );
    assert!(!json(&full).contains("in the trash"));
}

#[test]
fn a_goal_checkin_entry_names_its_goal_only_with_the_goal_part() {
    let v = vault();
    let goal = goals::save_goal(v.conn(), goal_draft("Sleep better"), at(T0)).expect("goal");
    let e = save(&v, goal_checkin(goal.id, "Went to bed at 11"), T1);

    let with_goal = build(&v, &entries(&[(e.id, all_entry_parts())]));
    let SharedItem::Entry {
        kind,
        body,
        goal: g,
        ..
    } = &with_goal.items[0]
    else {
        panic!("an entry item");
    };
    assert_eq!(*kind, EntryKind::GoalCheckin);
    assert_eq!(body.as_deref(), Some("Went to bed at 11"));
    assert_eq!(
        g.as_ref(),
        Some(&SharedGoalCheckin {
            goal_title: Some("Sleep better".into()),
            day: None,
            how: None,
            in_the_way: Some("Late homework".into()),
            next_step: Some("Start earlier".into()),
        })
    );

    let without = build(
        &v,
        &entries(&[(
            e.id,
            EntryParts {
                goal: false,
                ..all_entry_parts()
            },
        )]),
    );
    let text = json(&without);
    assert!(!text.contains("Sleep better") && !text.contains("Late homework"));

    // The goal was deleted since: the check-in still goes, without a goal title.
    goals::delete_goal(v.conn(), goal.id).expect("delete goal");
    let orphan = build(&v, &entries(&[(e.id, all_entry_parts())]));
    let SharedItem::Entry { goal: g, .. } = &orphan.items[0] else {
        panic!("an entry item");
    };
    assert_eq!(g.as_ref().map(|g| g.goal_title.clone()), Some(None));
    assert_eq!(
        g.as_ref().and_then(|g| g.next_step.as_deref()),
        Some("Start earlier")
    );
}

#[test]
fn an_identity_entry_carries_its_try_on_only_when_picked() {
    let v = vault();
    let they = PronounSet::common("they").expect("they");
    let e = save(
        &v,
        EntryDraft {
            kind: EntryKind::Reflection,
            identity: Some(IdentityPart {
                kind: IdentityKind::TryOn,
                name: Some("Robin".into()),
                pronouns: Some(they.clone()),
                felt: Some(2),
                moment: None,
            }),
            ..free("It felt like me.")
        },
        T0,
    );
    let with = build(&v, &entries(&[(e.id, all_entry_parts())]));
    let SharedItem::Entry { identity, .. } = &with.items[0] else {
        panic!("an entry item");
    };
    let identity = identity.as_ref().expect("identity part");
    assert_eq!(identity.name.as_deref(), Some("Robin"));
    assert_eq!(identity.pronouns.as_ref(), Some(&they));
    assert_eq!(identity.felt, Some(2));

    let without = build(
        &v,
        &entries(&[(
            e.id,
            EntryParts {
                identity: false,
                ..all_entry_parts()
            },
        )]),
    );
    assert!(!json(&without).contains("Robin"));
}

#[test]
fn insights_are_counts_and_the_top_feelings_as_words() {
    let v = vault();
    own_words(&v);
    save(&v, checkin_draft(), T0);
    save(
        &v,
        EntryDraft {
            kind: EntryKind::Checkin,
            checkin: Some(Checkin {
                feelings: vec![feeling("worried", 2)],
                ..Checkin::default()
            }),
            ..free("")
        },
        T1,
    );
    save(&v, free("Just writing"), T2);
    let selection = ShareSelection {
        insights: Some(InsightsPick {
            from: "2026-03-01".into(),
            to: "2026-03-31".into(),
        }),
        feeling_names: names(),
        ..ShareSelection::default()
    };
    let payload = build(&v, &selection);
    let SharedItem::Insights {
        from,
        to,
        entries,
        checkins,
        top_feelings,
    } = &payload.items[0]
    else {
        panic!("an insights item");
    };
    assert_eq!((from.as_str(), to.as_str()), ("2026-03-01", "2026-03-31"));
    assert_eq!((*entries, *checkins), (3, 2));
    assert_eq!(top_feelings[0].word, "worried");
    assert_eq!(top_feelings[0].count, 2);
    let words: Vec<&str> = top_feelings.iter().map(|f| f.word.as_str()).collect();
    assert!(
        words.contains(&"fizzy") && words.contains(&"calm"),
        "{words:?}"
    );
    assert!(
        !json(&payload).contains("Just writing"),
        "insights carry no writing"
    );

    let backwards = ShareSelection {
        insights: Some(InsightsPick {
            from: "2026-03-31".into(),
            to: "2026-03-01".into(),
        }),
        ..ShareSelection::default()
    };
    assert_eq!(
        code(build_payload(
            v.conn(),
            &backwards,
            ShareMethod::File,
            at(NOW)
        )),
        "invalid_input"
    );
}

#[test]
fn insights_share_at_most_ten_feelings() {
    let v = vault();
    let many: Vec<FeelingPick> = (0..14)
        .map(|i| feeling(&format!("word_{i:02}"), 3))
        .collect();
    save(
        &v,
        EntryDraft {
            kind: EntryKind::Checkin,
            checkin: Some(Checkin {
                feelings: many,
                ..Checkin::default()
            }),
            ..free("")
        },
        T0,
    );
    let payload = build(
        &v,
        &ShareSelection {
            insights: Some(InsightsPick {
                from: "2026-03-01".into(),
                to: "2026-03-31".into(),
            }),
            ..ShareSelection::default()
        },
    );
    let SharedItem::Insights { top_feelings, .. } = &payload.items[0] else {
        panic!("an insights item");
    };
    assert_eq!(top_feelings.len(), TOP_FEELINGS_SHARED);
}

#[test]
fn the_safety_plan_shares_the_picked_sections_in_the_plans_order() {
    let v = vault();
    crate::safety::save(
        v.conn(),
        SafetyPlan {
            warning_signs: vec!["Not sleeping".into()],
            coping_on_my_own: vec!["Drawing".into()],
            people_to_ask: vec![
                SafetyContact {
                    name: "Aunt May".into(),
                    phone: Some("555 0100".into()),
                    note: Some("after 6".into()),
                },
                SafetyContact {
                    name: String::new(),
                    phone: Some("555 0199".into()),
                    note: None,
                },
            ],
            reasons_for_living: vec!["My cat".into()],
            ..SafetyPlan::default()
        },
    )
    .expect("plan");
    let pick = |sections: &[&str]| ShareSelection {
        safety_plan: Some(SafetyPlanPick {
            sections: sections.iter().map(|s| (*s).to_owned()).collect(),
        }),
        ..ShareSelection::default()
    };
    let payload = build(
        &v,
        &pick(&["reasons_for_living", "people_to_ask", "reasons_for_living"]),
    );
    assert_eq!(
        payload.items,
        [SharedItem::SafetyPlan {
            sections: vec![
                SharedPlanSection {
                    section: "people_to_ask".into(),
                    items: vec!["Aunt May — 555 0100 — after 6".into(), "555 0199".into()],
                },
                SharedPlanSection {
                    section: "reasons_for_living".into(),
                    items: vec!["My cat".into()],
                },
            ]
        }]
    );
    let text = json(&payload);
    assert!(!text.contains("Not sleeping") && !text.contains("Drawing"));

    assert_eq!(
        code(build_payload(
            v.conn(),
            &pick(&["warning_signs", "passwords"]),
            ShareMethod::File,
            at(NOW)
        )),
        "invalid_input"
    );
}

#[test]
fn the_name_and_pronouns_go_only_when_asked_the_shared_ones_first() {
    let v = vault();
    let she = PronounSet::common("she").expect("she");
    let they = PronounSet::common("they").expect("they");
    v.vault
        .save_profile(&Profile {
            name: Some("Alexandra".into()),
            pronouns: Some(she.clone()),
            shared: Some(SharedAddressing {
                name: Some("Alex".into()),
                pronouns: None,
            }),
            spanish: None,
        })
        .expect("profile");
    let e = save(&v, free("Hello"), T0);
    let mut selection = entries(&[(e.id, all_entry_parts())]);

    let without = build(&v, &selection);
    assert_eq!((without.from.name, without.from.pronouns), (None, None));
    assert!(!json(&build(&v, &selection)).contains("Alex"));

    selection.include_profile = true;
    let with = build(&v, &selection);
    assert_eq!(with.from.name.as_deref(), Some("Alex"), "the shared name");
    assert_eq!(
        with.from.pronouns.as_ref(),
        Some(&she),
        "no shared pronouns: the app's"
    );

    v.vault
        .save_profile(&Profile {
            name: Some("Alexandra".into()),
            pronouns: Some(she),
            shared: Some(SharedAddressing {
                name: None,
                pronouns: Some(they.clone()),
            }),
            spanish: None,
        })
        .expect("profile");
    let with = build(&v, &selection);
    assert_eq!(
        with.from.name.as_deref(),
        Some("Alexandra"),
        "no shared name"
    );
    assert_eq!(with.from.pronouns.as_ref(), Some(&they));
}

#[test]
fn the_note_is_trimmed_and_limited_and_an_empty_selection_is_refused() {
    let v = vault();
    let nothing = build_payload(
        v.conn(),
        &ShareSelection {
            note: Some("   ".into()),
            ..ShareSelection::default()
        },
        ShareMethod::File,
        at(NOW),
    );
    assert_eq!(code(nothing), "invalid_input");

    let only_note = build(
        &v,
        &ShareSelection {
            note: Some("  See you Thursday.  ".into()),
            ..ShareSelection::default()
        },
    );
    assert_eq!(only_note.from.note.as_deref(), Some("See you Thursday."));
    assert!(only_note.items.is_empty());

    let long = ShareSelection {
        note: Some("a".repeat(goals::NOTE_MAX_CHARS + 1)),
        ..ShareSelection::default()
    };
    let err = build_payload(v.conn(), &long, ShareMethod::File, at(NOW)).expect_err("long");
    assert_eq!(err.code(), "invalid_input");
    assert!(!err.to_string().contains("aaaa"));
}

#[test]
fn writing_longer_than_a_share_carries_is_refused_with_plain_words() {
    let v = vault();
    let secret = "longsecret ";
    let body = secret.repeat(TEXT_MAX_CHARS / secret.len() + 1);
    assert!(body.chars().count() > TEXT_MAX_CHARS);
    let e = save(&v, free(&body), T0);
    let selection = entries(&[(e.id, all_entry_parts())]);
    let err = build_payload(v.conn(), &selection, ShareMethod::File, at(NOW)).expect_err("long");
    assert_eq!(err.code(), "invalid_input");
    assert!(!err.to_string().contains("longsecret"));

    // Without the body, the same entry goes.
    let no_body = entries(&[(
        e.id,
        EntryParts {
            body: false,
            ..all_entry_parts()
        },
    )]);
    build(&v, &no_body);

    // Exactly at the limit is fine.
    let at_limit = "é".repeat(TEXT_MAX_CHARS);
    let e2 = save(&v, free(&at_limit), T1);
    let p = build(&v, &entries(&[(e2.id, all_entry_parts())]));
    validate_payload(&p).expect("at the limit");
}

#[test]
fn too_many_things_are_refused_before_reading_them() {
    let v = vault();
    let picks: Vec<(i64, EntryParts)> = (0..=ITEMS_MAX as i64)
        .map(|i| (i + 1, EntryParts::default()))
        .collect();
    assert_eq!(
        code(build_payload(
            v.conn(),
            &entries(&picks),
            ShareMethod::File,
            at(NOW)
        )),
        "invalid_input"
    );
}

// ── Suggestions ───────────────────────────────────────────────────────────────────────────────

fn goal_idea(title: &str) -> Suggestion {
    Suggestion::Goal {
        title: title.into(),
        why: Some("  ".into()),
        steps: vec!["  Ask a friend  ".into(), "   ".into()],
        note: Some(" Only if it feels right. ".into()),
    }
}

#[test]
fn suggestions_carry_the_counselors_name_key_and_tidied_ideas() {
    let v = vault();
    v.vault
        .save_profile(&Profile {
            name: Some("Dr. Rivera".into()),
            ..Profile::default()
        })
        .expect("profile");
    let payload = build_suggestions(
        v.conn(),
        &[
            goal_idea("  Join a club  "),
            Suggestion::Prompt {
                text: "What felt good this week?".into(),
                note: None,
            },
        ],
        Some("For next week"),
        at(NOW),
    )
    .expect("suggestions");
    assert_eq!(payload.kind, PayloadKind::Suggestions);
    assert!(payload.items.is_empty());
    assert_eq!(payload.from.name.as_deref(), Some("Dr. Rivera"));
    assert_eq!(payload.from.pronouns, None);
    assert_eq!(payload.from.note.as_deref(), Some("For next week"));
    let mine = super::super::keys::my_key(v.conn(), at(NOW)).expect("key");
    assert_eq!(
        payload.from.reply_to.as_deref(),
        Some(mine.recipient.as_str())
    );
    assert_eq!(
        payload.suggestions[0],
        Suggestion::Goal {
            title: "Join a club".into(),
            why: None,
            steps: vec!["Ask a friend".into()],
            note: Some("Only if it feels right.".into()),
        }
    );
    validate_payload(&payload).expect("valid");
}

#[test]
fn suggestions_that_an_import_would_refuse_are_refused_when_written() {
    let v = vault();
    let try_build = |s: &[Suggestion]| build_suggestions(v.conn(), s, None, at(NOW));
    assert_eq!(code(try_build(&[])), "invalid_input");
    assert_eq!(code(try_build(&[goal_idea("   ")])), "invalid_input");
    assert_eq!(
        code(try_build(&[goal_idea(
            &"t".repeat(goals::TITLE_MAX_CHARS + 1)
        )])),
        "invalid_input"
    );
    assert_eq!(
        code(try_build(&[Suggestion::Prompt {
            text: "p".repeat(goals::PROMPT_MAX_CHARS + 1),
            note: None
        }])),
        "invalid_input"
    );
    let too_many: Vec<Suggestion> = (0..=SUGGESTIONS_MAX).map(|_| goal_idea("Walk")).collect();
    assert_eq!(code(try_build(&too_many)), "invalid_input");
    let just_enough: Vec<Suggestion> = (0..SUGGESTIONS_MAX).map(|_| goal_idea("Walk")).collect();
    assert_eq!(try_build(&just_enough).expect("200").suggestions.len(), 200);
}

// ── Checking ──────────────────────────────────────────────────────────────────────────────────

/// A valid share payload with one of each item, written by hand like an independent writer.
fn sample() -> SharePayload {
    serde_json::from_value(serde_json::json!({
        "format": "cove-share",
        "version": 1,
        "shareId": "0123456789abcdef0123456789abcdef",
        "createdAt": "2026-03-20T10:00:00.000-05:00",
        "kind": "share",
        "from": {
            "name": "Alex",
            "pronouns": null,
            "replyTo": "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p",
            "note": null
        },
        "items": [
            { "type": "entry", "kind": "checkin", "day": "2026-03-10",
              "createdAt": "2026-03-10T09:30:00.250-05:00",
              "feelings": [ { "word": "calm", "intensity": 3 } ], "tags": ["school"],
              "identity": { "kind": "try_on", "name": "Robin", "pronouns": null, "felt": 2,
                            "moment": null } },
            { "type": "goal", "title": "Sleep better", "status": "active",
              "madeWithCounselor": false, "steps": [ { "text": "Lights out", "done": false } ],
              "checkins": [ { "goalTitle": null, "day": "2026-03-11", "how": "ok",
                              "inTheWay": null, "nextStep": null } ] },
            { "type": "insights", "from": "2026-03-01", "to": "2026-03-31", "entries": 3,
              "checkins": 2, "topFeelings": [ { "word": "calm", "count": 2 } ] },
            { "type": "safety_plan", "sections": [ { "section": "warning_signs",
                                                     "items": ["Not sleeping"] } ] }
        ]
    }))
    .expect("sample payload")
}

fn refused(payload: SharePayload) -> &'static str {
    code(validate_payload(&payload))
}

fn with_entry(change: impl FnOnce(&mut SharedItem)) -> SharePayload {
    let mut p = sample();
    change(&mut p.items[0]);
    p
}

#[test]
fn a_hand_written_payload_passes_and_unknown_fields_are_ignored() {
    validate_payload(&sample()).expect("valid");
    let mut value = serde_json::to_value(sample()).expect("value");
    value["somethingNew"] = serde_json::json!({ "added": "later" });
    value["items"][0]["mood"] = serde_json::json!(0.5);
    let p: SharePayload = serde_json::from_value(value).expect("unknown fields are ignored");
    validate_payload(&p).expect("valid");
}

#[test]
fn the_format_and_version_are_checked_first() {
    let mut p = sample();
    p.format = "something-else".into();
    assert_eq!(refused(p), "not_a_share");
    let mut p = sample();
    p.version = 0;
    assert_eq!(refused(p), "not_a_share");
    let mut p = sample();
    p.version = PAYLOAD_VERSION + 1;
    assert_eq!(refused(p), "too_new");
    // A newer version is too new even if other parts look wrong to this version.
    let mut p = sample();
    p.version = 7;
    p.share_id = "nope".into();
    assert_eq!(refused(p), "too_new");
}

#[test]
fn a_bad_structure_is_not_a_share() {
    for bad_id in [
        "",
        "0123456789ABCDEF0123456789ABCDEF",
        "0123456789abcdef0123456789abcde",
        "0123456789abcdef0123456789abcdeg",
    ] {
        let mut p = sample();
        p.share_id = bad_id.into();
        assert_eq!(refused(p), "not_a_share", "{bad_id}");
    }
    let mut p = sample();
    p.created_at = "yesterday".into();
    assert_eq!(refused(p), "not_a_share");
    let mut p = sample();
    p.from.reply_to = Some("age1notakey".into());
    assert_eq!(refused(p), "not_a_share");
    let mut p = sample();
    p.suggestions = vec![goal_idea("mixed")];
    assert_eq!(refused(p), "not_a_share", "a share with suggestions");
    let mut p = sample();
    p.kind = PayloadKind::Suggestions;
    assert_eq!(refused(p), "not_a_share", "suggestions with items");

    let entry_day = with_entry(|i| {
        if let SharedItem::Entry { day, .. } = i {
            *day = "2026-02-30".into();
        }
    });
    assert_eq!(refused(entry_day), "not_a_share");
    for intensity in [0, 6] {
        let p = with_entry(|i| {
            if let SharedItem::Entry {
                feelings: Some(f), ..
            } = i
            {
                f[0].intensity = intensity;
            }
        });
        assert_eq!(refused(p), "not_a_share", "intensity {intensity}");
    }
    let felt = with_entry(|i| {
        if let SharedItem::Entry {
            identity: Some(part),
            ..
        } = i
        {
            part.felt = Some(3);
        }
    });
    assert_eq!(refused(felt), "not_a_share");
    let mut p = sample();
    p.items[3] = SharedItem::SafetyPlan {
        sections: vec![SharedPlanSection {
            section: "passwords".into(),
            items: vec![],
        }],
    };
    assert_eq!(refused(p), "not_a_share");
    let mut p = sample();
    p.items[2] = SharedItem::Insights {
        from: "March".into(),
        to: "2026-03-31".into(),
        entries: 0,
        checkins: 0,
        top_feelings: vec![],
    };
    assert_eq!(refused(p), "not_a_share");

    let mut s = sample();
    s.kind = PayloadKind::Suggestions;
    s.items.clear();
    s.suggestions = vec![Suggestion::Prompt {
        text: "  ".into(),
        note: None,
    }];
    assert_eq!(refused(s), "not_a_share", "a suggestion without words");
}

#[test]
fn sizes_past_the_limits_are_too_large_and_the_limits_themselves_pass() {
    let mut p = sample();
    let one = p.items[0].clone();
    p.items = vec![one; ITEMS_MAX];
    validate_payload(&p).expect("2,000 items");
    p.items.push(p.items[0].clone());
    assert_eq!(refused(p), "share_too_large");

    let body = |n: usize| {
        with_entry(|i| {
            if let SharedItem::Entry { body, .. } = i {
                *body = Some("ü".repeat(n));
            }
        })
    };
    validate_payload(&body(TEXT_MAX_CHARS)).expect("100,000 characters");
    assert_eq!(refused(body(TEXT_MAX_CHARS + 1)), "share_too_large");

    let mut p = sample();
    p.from.name = Some("n".repeat(NAME_MAX_CHARS));
    validate_payload(&p).expect("200 characters");
    p.from.name = Some("n".repeat(NAME_MAX_CHARS + 1));
    assert_eq!(refused(p), "share_too_large");

    let tags = with_entry(|i| {
        if let SharedItem::Entry { tags, .. } = i {
            *tags = Some(vec!["t".into(); LIST_MAX + 1]);
        }
    });
    assert_eq!(refused(tags), "share_too_large");

    let mut p = sample();
    p.items[3] = SharedItem::SafetyPlan {
        sections: vec![SharedPlanSection {
            section: "safer_space".into(),
            items: vec!["x".repeat(TEXT_MAX_CHARS + 1)],
        }],
    };
    assert_eq!(refused(p), "share_too_large");

    let mut s = sample();
    s.kind = PayloadKind::Suggestions;
    s.items.clear();
    s.suggestions = vec![goal_idea("Walk"); SUGGESTIONS_MAX];
    validate_payload(&s).expect("200 suggestions");
    s.suggestions.push(goal_idea("Walk"));
    assert_eq!(refused(s.clone()), "share_too_large");
    s.suggestions = vec![goal_idea(&"t".repeat(goals::TITLE_MAX_CHARS + 1))];
    assert_eq!(refused(s.clone()), "share_too_large");
    s.suggestions = vec![Suggestion::Goal {
        title: "Walk".into(),
        why: None,
        steps: vec!["step".into(); goals::STEPS_MAX + 1],
        note: None,
    }];
    assert_eq!(refused(s), "share_too_large");
}

#[test]
fn the_examples_in_the_format_document_are_valid_payloads() {
    let doc = include_str!("../../docs/share-format.md");
    let examples: Vec<&str> = doc
        .split("```json\n")
        .skip(1)
        .map(|rest| rest.split("```").next().expect("closed block"))
        .collect();
    assert_eq!(examples.len(), 2, "a share and suggestions");
    let kinds: Vec<PayloadKind> = examples
        .iter()
        .map(|text| {
            let payload: SharePayload = serde_json::from_str(text).expect("example parses");
            validate_payload(&payload).expect("example is valid");
            // Written back, it is the same document (no field the types don't know).
            let again: serde_json::Value = serde_json::to_value(&payload).expect("value");
            let original: serde_json::Value = serde_json::from_str(text).expect("value");
            assert_eq!(again, original);
            payload.kind
        })
        .collect();
    assert_eq!(kinds, [PayloadKind::Share, PayloadKind::Suggestions]);
}

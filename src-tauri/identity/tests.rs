//! The identity space on a real SQLCipher vault in a temporary folder: try-ons, moments and
//! identity reflections saved through the journal, kept out of the rest of the journal unless
//! asked for, and read back as the identity timeline.

use rusqlite::Connection;

use super::*;
use crate::journal::{
    self, calendar_days, delete_entry, empty_trash, get_entry, insights, list_entries, list_tags,
    list_trash, purge_entry, restore_entry, save_entry, search_entries, Entry, EntryDraft,
    EntryFilter, EntryKind, EntrySummary, JournalError, SearchQuery, TimelineQuery,
};
use crate::test_support::{at, free, test_vault, TestVault};
use crate::vault::PronounSet;

type J = TestVault;

fn journal() -> J {
    test_vault("identity tests")
}

const T0: &str = "2026-03-10T09:30:00.250-05:00";
const T1: &str = "2026-03-11T20:00:00.000-05:00";
const T2: &str = "2026-03-12T08:15:00.000-05:00";
const T3: &str = "2026-03-14T22:45:00.000-05:00";
const T4: &str = "2026-03-20T07:00:00.000-05:00";

fn part(kind: IdentityKind) -> IdentityPart {
    IdentityPart {
        kind,
        name: None,
        pronouns: None,
        felt: None,
        moment: None,
    }
}

fn try_on(name: Option<&str>, pronouns: Option<PronounSet>, felt: Option<i8>) -> IdentityPart {
    IdentityPart {
        name: name.map(Into::into),
        pronouns,
        felt,
        ..part(IdentityKind::TryOn)
    }
}

fn moment(kind: MomentKind) -> IdentityPart {
    IdentityPart {
        moment: Some(kind),
        ..part(IdentityKind::Moment)
    }
}

fn xe() -> PronounSet {
    PronounSet {
        id: "xe".into(),
        subject: "xe".into(),
        object: "xem".into(),
        determiner: "xyr".into(),
        possessive: "xyrs".into(),
        reflexive: "xemself".into(),
        plural_verbs: false,
    }
}

fn set(id: &str) -> PronounSet {
    PronounSet::common(id).expect("common set")
}

/// A reflection draft with an identity part and a note.
fn identity(p: IdentityPart, note: &str) -> EntryDraft {
    EntryDraft {
        kind: EntryKind::Reflection,
        identity: Some(p),
        ..free(note)
    }
}

fn save(j: &J, draft: EntryDraft, now: &str) -> Entry {
    save_entry(j.conn(), draft, at(now))
        .expect("save")
        .expect("not empty")
}

fn count_rows(j: &J, table: &str) -> i64 {
    j.conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

fn refused(j: &J, draft: EntryDraft) -> String {
    match save_entry(j.conn(), draft, at(T0)) {
        Err(JournalError::InvalidInput(message)) => message,
        other => panic!("expected invalid_input, got {other:?}"),
    }
}

fn with_identity(include: Option<bool>) -> EntryFilter {
    EntryFilter {
        include_identity: include,
        ..EntryFilter::default()
    }
}

fn listed(j: &J, filter: EntryFilter) -> Vec<EntrySummary> {
    let page = list_entries(
        j.conn(),
        &TimelineQuery {
            filter,
            cursor: None,
            limit: 100,
        },
    )
    .expect("list");
    assert_eq!(page.total, Some(page.items.len() as u32));
    page.items
}

fn ids(items: &[EntrySummary]) -> Vec<i64> {
    items.iter().map(|s| s.id).collect()
}

fn found(j: &J, text: &str, filter: EntryFilter) -> Vec<i64> {
    search_entries(
        j.conn(),
        &SearchQuery {
            text: text.into(),
            filter,
            limit: 50,
        },
    )
    .expect("search")
    .hits
    .iter()
    .map(|h| h.entry.id)
    .collect()
}

fn whole() -> IdentityTimelineQuery {
    IdentityTimelineQuery::default()
}

// ── Saving ─────────────────────────────────────────────────────────────────────────────────

#[test]
fn a_try_on_without_a_note_is_a_whole_entry_and_round_trips() {
    let j = journal();
    let saved = save(
        &j,
        identity(try_on(Some("  River "), Some(xe()), Some(2)), ""),
        T0,
    );
    let want = try_on(Some("River"), Some(xe()), Some(2));
    assert_eq!(saved.identity.as_ref(), Some(&want));
    assert_eq!(saved.kind, EntryKind::Reflection);
    assert_eq!(saved.body, "");
    assert_eq!(
        get_entry(j.conn(), saved.id).expect("get").identity,
        Some(want.clone())
    );
    assert_eq!(count_rows(&j, "identity_parts"), 1);
    let summary = &listed(&j, with_identity(Some(true)))[0];
    assert_eq!(summary.identity.as_ref(), Some(&want));
    assert_eq!(summary.excerpt, "");

    // A moment with no note is whole too.
    let m = save(&j, identity(moment(MomentKind::Dysphoria), ""), T1);
    assert_eq!(m.identity, Some(moment(MomentKind::Dysphoria)));
}

#[test]
fn an_empty_identity_reflection_is_empty_like_any_reflection() {
    let j = journal();
    let draft = EntryDraft {
        prompt_id: Some("identity.03".into()),
        ..identity(part(IdentityKind::Reflection), "  \n ")
    };
    assert_eq!(
        save_entry(j.conn(), draft.clone(), at(T0)).expect("ok"),
        None
    );
    assert_eq!(count_rows(&j, "entries"), 0);
    let written = save(
        &j,
        EntryDraft {
            body: "Who I am *today*".into(),
            ..draft.clone()
        },
        T0,
    );
    assert_eq!(written.identity, Some(part(IdentityKind::Reflection)));
    // Emptied again: removed for good, identity part and all.
    let emptied = EntryDraft {
        id: Some(written.id),
        ..draft
    };
    assert_eq!(save_entry(j.conn(), emptied, at(T1)).expect("ok"), None);
    assert_eq!(count_rows(&j, "entries"), 0);
    assert_eq!(count_rows(&j, "identity_parts"), 0);
}

#[test]
fn names_in_any_script_and_markup_like_text_are_kept_exactly() {
    let j = journal();
    for name in [
        "ماهر",
        "שׁירה",
        "李小龍 🌈",
        "{name}",
        "<b>Jo</b>",
        "{count, plural, one {#} other {#}}",
        "Zoë's 'x'",
    ] {
        let custom = PronounSet {
            id: "custom".into(),
            subject: " {ae} ".into(),
            object: "<aer>".into(),
            ..PronounSet::default()
        };
        let e = save(&j, identity(try_on(Some(name), Some(custom), None), ""), T0);
        let stored = get_entry(j.conn(), e.id)
            .expect("get")
            .identity
            .expect("part");
        assert_eq!(stored.name.as_deref(), Some(name));
        let set = stored.pronouns.expect("set");
        assert_eq!(
            (set.subject.as_str(), set.object.as_str()),
            ("{ae}", "<aer>")
        );
    }
}

#[test]
fn bad_identity_parts_are_refused_clearly_and_nothing_is_saved() {
    let j = journal();
    let cases: Vec<(EntryDraft, &str)> = vec![
        (
            EntryDraft {
                identity: Some(try_on(Some("River"), None, None)),
                ..free("x")
            },
            "reflections",
        ),
        (
            EntryDraft {
                kind: EntryKind::Checkin,
                identity: Some(moment(MomentKind::Euphoria)),
                ..free("x")
            },
            "reflections",
        ),
        (
            identity(try_on(None, None, Some(1)), "x"),
            "name or pronouns",
        ),
        (
            identity(try_on(Some("   "), None, None), "x"),
            "name or pronouns",
        ),
        (identity(try_on(Some("River"), None, Some(3)), "x"), "felt"),
        (identity(try_on(Some("River"), None, Some(-3)), "x"), "felt"),
        (
            identity(
                IdentityPart {
                    felt: Some(1),
                    ..moment(MomentKind::Euphoria)
                },
                "x",
            ),
            "try-on",
        ),
        (
            identity(part(IdentityKind::Moment), "x"),
            "euphoria or of dysphoria",
        ),
        (
            identity(
                IdentityPart {
                    moment: Some(MomentKind::Euphoria),
                    ..try_on(Some("River"), None, None)
                },
                "x",
            ),
            "Only a moment",
        ),
        (
            identity(
                IdentityPart {
                    name: Some("River".into()),
                    ..moment(MomentKind::Euphoria)
                },
                "x",
            ),
            "try-on",
        ),
        (
            identity(
                IdentityPart {
                    pronouns: Some(set("she")),
                    ..part(IdentityKind::Reflection)
                },
                "x",
            ),
            "try-on",
        ),
        (
            identity(
                try_on(
                    None,
                    Some(PronounSet {
                        id: "custom".into(),
                        object: "xem".into(),
                        ..PronounSet::default()
                    }),
                    None,
                ),
                "x",
            ),
            "Please add at least the first pronoun, like 'xe'.",
        ),
        (
            identity(
                try_on(
                    None,
                    Some(PronounSet {
                        id: "hers".into(),
                        ..set("she")
                    }),
                    None,
                ),
                "x",
            ),
            "isn't one Cove knows",
        ),
        (
            identity(try_on(Some(&"é".repeat(201)), None, None), "x"),
            "200 characters",
        ),
        (
            identity(try_on(Some("Riv\ner"), None, None), "x"),
            "line breaks",
        ),
    ];
    for (draft, words) in cases {
        let message = refused(&j, draft.clone());
        assert!(
            message.contains(words),
            "{message:?} should say {words:?} for {draft:?}"
        );
        assert!(!message.contains("River"), "no user text in {message:?}");
    }
    assert_eq!(count_rows(&j, "entries"), 0);
    assert_eq!(count_rows(&j, "identity_parts"), 0);
    // The limits themselves are fine.
    save(
        &j,
        identity(try_on(Some(&"é".repeat(200)), None, Some(-2)), ""),
        T0,
    );
}

#[test]
fn editing_a_try_on_changes_its_part_and_a_refused_edit_keeps_it() {
    let j = journal();
    let first = save(&j, identity(try_on(Some("River"), None, None), "hmm"), T0);
    let same = save(
        &j,
        EntryDraft {
            id: Some(first.id),
            ..identity(try_on(Some(" River"), None, None), "hmm")
        },
        T1,
    );
    assert_eq!(same.updated_at, first.updated_at, "nothing changed");
    let felt = save(
        &j,
        EntryDraft {
            id: Some(first.id),
            ..identity(try_on(Some("River"), Some(set("they")), Some(1)), "hmm")
        },
        T1,
    );
    assert_eq!(
        felt.identity,
        Some(try_on(Some("River"), Some(set("they")), Some(1)))
    );
    assert_ne!(felt.updated_at, first.updated_at);
    refused(
        &j,
        EntryDraft {
            id: Some(first.id),
            ..identity(try_on(Some("River"), None, Some(9)), "hmm")
        },
    );
    assert_eq!(get_entry(j.conn(), first.id).expect("get"), felt);
    assert_eq!(count_rows(&j, "identity_parts"), 1);
}

#[test]
fn the_name_tried_is_searchable_but_only_from_the_identity_space() {
    let j = journal();
    let t = save(
        &j,
        identity(
            try_on(Some("Ríver"), Some(xe()), Some(2)),
            "felt like *home*",
        ),
        T0,
    );
    let plain = save(&j, free("a river walk at home"), T1);
    assert_eq!(found(&j, "river", EntryFilter::default()), [plain.id]);
    assert_eq!(found(&j, "river", with_identity(Some(false))), [plain.id]);
    let mut both = found(&j, "river", with_identity(Some(true)));
    both.sort_unstable();
    assert_eq!(both, [t.id, plain.id]);
    // The name alone (not in the note) finds the try-on.
    assert_eq!(found(&j, "rive home", with_identity(Some(true))).len(), 2);
    let reflections = EntryFilter {
        kinds: vec![EntryKind::Reflection],
        ..with_identity(Some(true))
    };
    assert_eq!(found(&j, "river", reflections.clone()), [t.id]);
    let without = EntryFilter {
        include_identity: None,
        ..reflections
    };
    assert!(found(&j, "river", without).is_empty());
    let hits = search_entries(
        j.conn(),
        &SearchQuery {
            text: "ríver".into(),
            filter: with_identity(Some(true)),
            limit: 5,
        },
    )
    .expect("search");
    let hit = hits.hits.iter().find(|h| h.entry.id == t.id).expect("hit");
    assert_eq!(hit.entry.identity.as_ref().and_then(|p| p.felt), Some(2));
}

#[test]
fn identity_entries_stay_out_of_the_timeline_calendar_tags_and_insights() {
    let j = journal();
    let plain = save(
        &j,
        EntryDraft {
            tags: vec!["school".into()],
            ..free("an ordinary day")
        },
        T0,
    );
    let t = save(
        &j,
        EntryDraft {
            tags: vec!["becoming".into(), "school".into()],
            ..identity(try_on(Some("River"), None, Some(1)), "")
        },
        T0,
    );
    let m = save(&j, identity(moment(MomentKind::Euphoria), "a haircut"), T1);

    assert_eq!(ids(&listed(&j, EntryFilter::default())), [plain.id]);
    assert_eq!(ids(&listed(&j, with_identity(Some(false)))), [plain.id]);
    assert_eq!(
        ids(&listed(&j, with_identity(Some(true)))),
        [m.id, t.id, plain.id]
    );
    let tagged = EntryFilter {
        tags: vec!["school".into()],
        ..with_identity(Some(true))
    };
    assert_eq!(ids(&listed(&j, tagged)), [t.id, plain.id]);

    let days = |filter: EntryFilter| -> Vec<(String, u32)> {
        calendar_days(j.conn(), "2026-03-01", "2026-03-31", &filter)
            .expect("days")
            .into_iter()
            .map(|d| (d.day, d.entries))
            .collect()
    };
    assert_eq!(days(EntryFilter::default()), [("2026-03-10".to_owned(), 1)]);
    assert_eq!(
        days(with_identity(Some(true))),
        [("2026-03-10".to_owned(), 2), ("2026-03-11".to_owned(), 1)]
    );

    let tags: Vec<(String, u32)> = list_tags(j.conn())
        .expect("tags")
        .into_iter()
        .map(|t| (t.tag, t.count))
        .collect();
    assert_eq!(tags, [("school".to_owned(), 1)]);

    let seen = insights(j.conn(), "2026-03-01", "2026-03-31").expect("insights");
    assert_eq!(seen.total_entries, 1);
    assert_eq!(seen.days.len(), 1);
}

#[test]
fn insights_leave_out_the_feelings_and_tags_of_identity_days() {
    let j = journal();
    // Two days with a check-in tagged "home"; a try-on tagged "secret" on both days.
    for (now, pleasant) in [(T0, 0.8), (T1, -0.4)] {
        save(
            &j,
            EntryDraft {
                kind: EntryKind::Checkin,
                tags: vec!["home".into()],
                checkin: Some(journal::Checkin {
                    pleasantness: Some(pleasant),
                    ..journal::Checkin::default()
                }),
                ..free("")
            },
            now,
        );
        save(
            &j,
            EntryDraft {
                tags: vec!["secret".into()],
                ..identity(try_on(Some("River"), None, None), "")
            },
            now,
        );
    }
    let seen = insights(j.conn(), "2026-03-01", "2026-03-31").expect("insights");
    let tags: Vec<&str> = seen.tag_moods.iter().map(|t| t.tag.as_str()).collect();
    assert_eq!(tags, ["home"]);
    assert_eq!(seen.total_entries, 2);
}

#[test]
fn trash_restore_and_purge_work_for_identity_entries() {
    let j = journal();
    let t = save(&j, identity(try_on(Some("River"), None, Some(2)), ""), T0);
    let m = save(&j, identity(moment(MomentKind::Euphoria), ""), T1);
    delete_entry(j.conn(), t.id, at(T2)).expect("delete");
    assert_eq!(
        timeline(j.conn(), &whole())
            .expect("timeline")
            .items
            .iter()
            .map(|i| i.entry_id)
            .collect::<Vec<_>>(),
        [m.id]
    );
    let trash = list_trash(j.conn(), at(T2)).expect("trash");
    assert_eq!(ids(&trash), [t.id]);
    assert_eq!(
        trash[0].identity,
        Some(try_on(Some("River"), None, Some(2)))
    );
    restore_entry(j.conn(), t.id).expect("restore");
    assert_eq!(
        timeline(j.conn(), &whole()).expect("timeline").items.len(),
        2
    );
    assert_eq!(
        get_entry(j.conn(), t.id).expect("back").identity,
        Some(try_on(Some("River"), None, Some(2)))
    );

    delete_entry(j.conn(), t.id, at(T2)).expect("delete");
    purge_entry(j.conn(), t.id).expect("purge");
    assert_eq!(count_rows(&j, "identity_parts"), 1);
    delete_entry(j.conn(), m.id, at(T2)).expect("delete");
    assert_eq!(empty_trash(j.conn()).expect("empty"), 1);
    assert_eq!(count_rows(&j, "identity_parts"), 0);
    assert!(found(&j, "river", with_identity(Some(true))).is_empty());
}

// ── The timeline ──────────────────────────────────────────────────────────────────────────

#[test]
fn the_timeline_lists_identity_entries_newest_first_with_plain_excerpts() {
    let j = journal();
    save(&j, free("not part of the identity space"), T0);
    let t = save(
        &j,
        EntryDraft {
            title: Some("Trying River".into()),
            ..identity(
                try_on(Some("River"), Some(xe()), Some(2)),
                "# Oh\n\n**It felt** like _me_. [link](https://example.org)",
            )
        },
        T1,
    );
    let long = format!("{} end", "ñ".repeat(300));
    let r = save(
        &j,
        EntryDraft {
            prompt_id: Some("identity.03".into()),
            ..identity(part(IdentityKind::Reflection), &long)
        },
        T2,
    );
    let m = save(&j, identity(moment(MomentKind::Euphoria), ""), T3);

    let tl = timeline(j.conn(), &whole()).expect("timeline");
    let got: Vec<i64> = tl.items.iter().map(|i| i.entry_id).collect();
    assert_eq!(got, [m.id, r.id, t.id]);
    let item = &tl.items[2];
    assert_eq!(item.title.as_deref(), Some("Trying River"));
    assert_eq!(item.excerpt, "Oh It felt like me. link");
    assert_eq!(item.day, "2026-03-11");
    assert_eq!(item.created_at, t.created_at);
    assert_eq!(item.part, try_on(Some("River"), Some(xe()), Some(2)));
    assert_eq!(item.prompt_id, None);
    assert_eq!(tl.items[1].excerpt.chars().count(), 200);
    assert_eq!(tl.items[1].prompt_id.as_deref(), Some("identity.03"));
    assert_eq!(tl.items[0].excerpt, "");
    assert_eq!(tl.items[0].part, moment(MomentKind::Euphoria));

    // Days narrow it; bad days are refused.
    let range = IdentityTimelineQuery {
        from: Some("2026-03-11".into()),
        to: Some("2026-03-12".into()),
    };
    let got: Vec<i64> = timeline(j.conn(), &range)
        .expect("range")
        .items
        .iter()
        .map(|i| i.entry_id)
        .collect();
    assert_eq!(got, [r.id, t.id]);
    let from_only = IdentityTimelineQuery {
        from: Some("2026-03-13".into()),
        to: None,
    };
    assert_eq!(timeline(j.conn(), &from_only).expect("from").items.len(), 1);
    for bad in [
        IdentityTimelineQuery {
            from: Some("2026-13-01".into()),
            to: None,
        },
        IdentityTimelineQuery {
            from: None,
            to: Some("yesterday".into()),
        },
        IdentityTimelineQuery {
            from: Some("2026-03-12".into()),
            to: Some("2026-03-11".into()),
        },
    ] {
        assert_eq!(
            timeline(j.conn(), &bad).expect_err("bad").code(),
            "invalid_input",
            "{bad:?}"
        );
    }
    assert_eq!(
        timeline(journal().vault.conn(), &whole()).expect("empty"),
        IdentityTimeline {
            items: Vec::new(),
            tried: Vec::new(),
        }
    );
}

#[test]
fn tried_groups_names_ignoring_case_and_sets_by_their_forms() {
    let j = journal();
    let custom_xe = PronounSet {
        id: "custom".into(),
        ..xe()
    };
    let themselves = PronounSet {
        reflexive: "themselves".into(),
        ..set("they")
    };
    save(&j, identity(try_on(Some("River"), None, Some(-1)), ""), T0);
    save(&j, identity(try_on(None, Some(xe()), None), ""), T0);
    save(&j, identity(moment(MomentKind::Euphoria), ""), T1);
    save(&j, identity(try_on(Some("river"), None, None), ""), T1);
    save(
        &j,
        identity(try_on(None, Some(set("they")), Some(0)), ""),
        T1,
    );
    save(
        &j,
        identity(try_on(None, Some(custom_xe.clone()), Some(2)), ""),
        T2,
    );
    save(&j, identity(try_on(Some("RIVER"), None, Some(2)), ""), T3);
    save(
        &j,
        identity(try_on(None, Some(themselves.clone()), Some(1)), ""),
        T3,
    );
    save(
        &j,
        identity(try_on(Some("River"), Some(xe()), Some(1)), ""),
        T4,
    );
    let trashed = save(&j, identity(try_on(Some("Ash"), None, Some(1)), ""), T4);
    delete_entry(j.conn(), trashed.id, at(T4)).expect("trash");

    let tried = timeline(j.conn(), &whole()).expect("timeline").tried;
    let summary = |name: Option<&str>,
                   pronouns: Option<PronounSet>,
                   felt: &[i8],
                   days: [&str; 2],
                   times: u32| TriedSummary {
        name: name.map(Into::into),
        pronouns,
        times,
        felt: felt.to_vec(),
        first_day: days[0].into(),
        last_day: days[1].into(),
    };
    assert_eq!(
        tried,
        [
            summary(
                Some("River"),
                Some(xe()),
                &[1],
                ["2026-03-20", "2026-03-20"],
                1
            ),
            summary(
                None,
                Some(themselves),
                &[1],
                ["2026-03-14", "2026-03-14"],
                1
            ),
            summary(
                Some("RIVER"),
                None,
                &[-1, 2],
                ["2026-03-10", "2026-03-14"],
                3
            ),
            summary(None, Some(custom_xe), &[2], ["2026-03-10", "2026-03-12"], 2),
            summary(
                None,
                Some(set("they")),
                &[0],
                ["2026-03-11", "2026-03-11"],
                1
            ),
        ]
    );

    // A range counts only the try-ons inside it.
    let early = IdentityTimelineQuery {
        from: None,
        to: Some("2026-03-11".into()),
    };
    let tried = timeline(j.conn(), &early).expect("early").tried;
    assert_eq!(tried.len(), 3);
    assert_eq!(tried[0].pronouns, Some(set("they")));
    assert_eq!(
        (
            tried[1].name.as_deref(),
            tried[1].times,
            tried[1].felt.as_slice()
        ),
        (Some("river"), 2, &[-1][..])
    );
}

// ── Migration ───────────────────────────────────────────────────────────────────────────────

#[test]
fn a_v3_database_migrates_to_the_identity_schema_and_keeps_its_entries_and_profile() {
    let mut conn = Connection::open_in_memory().expect("db");
    conn.execute_batch("PRAGMA foreign_keys = ON;").expect("fk");
    let m = crate::vault::migrations::migrations();
    m.to_version(&mut conn, 3).expect("v3");
    conn.execute_batch(
        "INSERT INTO entries (id, kind, created_ms, day, created_at, updated_at, title, body,
                              tag_text, checkin_text)
         VALUES (7, 'reflection', 1773153000250, '2026-03-10', '2026-03-10T09:30:00.250-05:00',
                 '2026-03-10T09:30:00.250-05:00', NULL, 'Before the identity space', '', '');
         INSERT INTO settings (key, value)
         VALUES ('profile', '{\"name\":\"Sam\",\"pronouns\":\"they/them\"}');",
    )
    .expect("v3 rows");
    m.to_latest(&mut conn).expect("latest");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(
        version,
        i64::from(crate::vault::migrations::latest_version())
    );
    let e = get_entry(&conn, 7).expect("kept");
    assert_eq!(e.body, "Before the identity space");
    assert_eq!(e.identity, None);
    // An old reflection is an ordinary entry: on the timeline, not in the identity space.
    let page = list_entries(
        &conn,
        &TimelineQuery {
            filter: EntryFilter::default(),
            cursor: None,
            limit: 5,
        },
    )
    .expect("list");
    assert_eq!(ids(&page.items), [7]);
    assert!(timeline(&conn, &whole())
        .expect("timeline")
        .items
        .is_empty());
    let profile: crate::vault::Profile =
        crate::vault::settings::load_json(&conn, "profile", "profile")
            .expect("load")
            .expect("saved");
    assert_eq!(profile.pronouns, PronounSet::common("they"));
    // The new table works on the migrated database.
    let t = save_entry(
        &conn,
        identity(try_on(Some("Sam"), None, Some(1)), ""),
        at(T1),
    )
    .expect("save")
    .expect("entry");
    assert_eq!(
        timeline(&conn, &whole()).expect("timeline").items[0].entry_id,
        t.id
    );
}

//! Domain tests on a real SQLCipher vault in a temporary folder.

use chrono::{Duration, FixedOffset};
use rusqlite::Connection;

use super::*;
use crate::test_support::{at, fixture, free, secret, test_vault, TestVault};
use crate::vault::{KdfParams, Vault};

type J = TestVault;

fn journal() -> J {
    test_vault("a journal for the tests")
}

const T0: &str = "2026-03-10T09:30:00.250-05:00";

fn checkin(c: Checkin) -> EntryDraft {
    EntryDraft {
        kind: EntryKind::Checkin,
        checkin: Some(c),
        ..free("")
    }
}

fn pick(feeling: &str, intensity: u8, valence: i8) -> FeelingPick {
    FeelingPick {
        feeling: feeling.into(),
        intensity,
        valence,
    }
}

fn save(j: &J, draft: EntryDraft, now: &str) -> Entry {
    save_entry(j.conn(), draft, at(now))
        .expect("save")
        .expect("not empty")
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn count_rows(j: &J, table: &str) -> i64 {
    j.conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

fn page(j: &J, filter: EntryFilter, limit: u32) -> Vec<EntrySummary> {
    let mut out = Vec::new();
    let mut cursor = None;
    loop {
        let p = list_entries(
            j.conn(),
            &TimelineQuery {
                filter: filter.clone(),
                cursor: cursor.clone(),
                limit,
            },
        )
        .expect("page");
        assert!(p.items.len() <= limit as usize);
        assert_eq!(p.total.is_some(), cursor.is_none(), "total only on page 1");
        out.extend(p.items);
        match p.next_cursor {
            Some(c) => cursor = Some(c),
            None => return out,
        }
    }
}

fn all_ids(j: &J) -> Vec<i64> {
    page(j, EntryFilter::default(), 500)
        .iter()
        .map(|s| s.id)
        .collect()
}

fn search(j: &J, text: &str) -> Vec<SearchHit> {
    search_filtered(j, text, EntryFilter::default())
}

fn search_filtered(j: &J, text: &str, filter: EntryFilter) -> Vec<SearchHit> {
    search_entries(
        j.conn(),
        &SearchQuery {
            text: text.into(),
            filter,
            limit: 50,
        },
    )
    .unwrap_or_else(|e| panic!("search {text:?} failed: {e:?}"))
    .hits
}

fn hit_ids(j: &J, text: &str) -> Vec<i64> {
    search(j, text).iter().map(|h| h.entry.id).collect()
}

fn code<T: std::fmt::Debug>(r: Result<T>) -> &'static str {
    r.expect_err("an error").code()
}

// ── Saving ─────────────────────────────────────────────────────────────────────────────────

#[test]
fn a_new_entry_round_trips_with_local_time_offset_and_day() {
    let j = journal();
    let draft = EntryDraft {
        title: Some("A title".into()),
        tags: strings(&["school"]),
        prompt_id: Some("feelings.07".into()),
        ..free("Some **bold** words")
    };
    let saved = save(&j, draft, T0);
    assert_eq!(saved.created_at, "2026-03-10T09:30:00.250-05:00");
    assert_eq!(saved.updated_at, saved.created_at);
    assert_eq!(saved.day, "2026-03-10");
    assert_eq!(saved.deleted_at, None);
    assert_eq!(saved.kind, EntryKind::Free);
    assert_eq!(saved.checkin, None);
    assert_eq!(saved.prompt_id.as_deref(), Some("feelings.07"));
    assert_eq!(get_entry(j.conn(), saved.id).expect("get"), saved);

    // A UTC offset of zero is written as +00:00, never Z.
    let utc = save(&j, free("utc"), "2026-03-10T23:59:59.999Z");
    assert_eq!(utc.created_at, "2026-03-10T23:59:59.999+00:00");
}

#[test]
fn editing_keeps_created_at_and_day_and_moves_updated_at() {
    let j = journal();
    let saved = save(&j, free("first"), T0);
    let edited = save(
        &j,
        EntryDraft {
            id: Some(saved.id),
            ..free("first, then more")
        },
        "2026-03-11T01:00:00.000+02:00",
    );
    assert_eq!(edited.id, saved.id);
    assert_eq!(edited.created_at, saved.created_at);
    assert_eq!(edited.day, "2026-03-10");
    assert_eq!(edited.updated_at, "2026-03-11T01:00:00.000+02:00");
    assert_eq!(edited.body, "first, then more");

    // Saving the same content again changes nothing (autosave of an unchanged draft).
    let again = save(
        &j,
        EntryDraft {
            id: Some(saved.id),
            ..free("first, then more")
        },
        "2026-03-12T08:00:00.000+02:00",
    );
    assert_eq!(again, edited);
    assert_eq!(count_rows(&j, "entries"), 1);
}

#[test]
fn empty_drafts_are_not_saved_and_emptied_entries_go_for_good() {
    let j = journal();
    let empties = [
        free(""),
        free("  \n\t "),
        EntryDraft {
            title: Some("   ".into()),
            tags: strings(&["  ", "#"]),
            prompt_id: Some("feelings.01".into()),
            ..free(" ")
        },
        checkin(Checkin::default()),
        checkin(Checkin {
            going_on: Some("  ".into()),
            helped: Some("\n".into()),
            ..Checkin::default()
        }),
        EntryDraft {
            kind: EntryKind::Checkin,
            ..free("")
        },
    ];
    for draft in empties {
        assert_eq!(
            save_entry(j.conn(), draft.clone(), at(T0)).expect("ok"),
            None,
            "{draft:?}"
        );
    }
    assert_eq!(count_rows(&j, "entries"), 0);

    // Any one thing makes a draft worth keeping.
    let keepers = [
        EntryDraft {
            title: Some("just a title".into()),
            ..free("")
        },
        EntryDraft {
            tags: strings(&["tag"]),
            ..free("")
        },
        checkin(Checkin {
            feelings: vec![pick("calm", 2, 1)],
            ..Checkin::default()
        }),
        checkin(Checkin {
            energy: Some(0.0),
            ..Checkin::default()
        }),
        checkin(Checkin {
            sensations: strings(&["tight_chest"]),
            ..Checkin::default()
        }),
        checkin(Checkin {
            helped: Some("music".into()),
            ..Checkin::default()
        }),
    ];
    for draft in keepers {
        assert!(save_entry(j.conn(), draft, at(T0)).expect("ok").is_some());
    }
    assert_eq!(count_rows(&j, "entries"), 6);

    // An existing entry saved empty is removed for good, tags and FTS rows with it.
    let e = save(
        &j,
        EntryDraft {
            tags: strings(&["gone"]),
            ..free("soon empty zebra")
        },
        T0,
    );
    assert_eq!(hit_ids(&j, "zebra"), vec![e.id]);
    let emptied = EntryDraft {
        id: Some(e.id),
        ..free("   ")
    };
    assert_eq!(save_entry(j.conn(), emptied, at(T0)).expect("ok"), None);
    assert_eq!(code(get_entry(j.conn(), e.id)), "not_found");
    assert!(hit_ids(&j, "zebra").is_empty());
    assert!(list_tags(j.conn())
        .expect("tags")
        .iter()
        .all(|t| t.tag != "gone"));
    assert_eq!(count_rows(&j, "entries"), 6);
}

#[test]
fn updating_a_missing_or_trashed_entry_is_a_clear_error() {
    let j = journal();
    let missing = EntryDraft {
        id: Some(4242),
        ..free("hello")
    };
    assert_eq!(code(save_entry(j.conn(), missing, at(T0))), "not_found");

    let e = save(&j, free("to the trash"), T0);
    delete_entry(j.conn(), e.id, at(T0)).expect("delete");
    let edit = EntryDraft {
        id: Some(e.id),
        ..free("edited")
    };
    let err = save_entry(j.conn(), edit, at(T0)).expect_err("in trash");
    assert_eq!(err.code(), "invalid_input");
    assert!(err.to_string().contains("trash"));
    assert_eq!(get_entry(j.conn(), e.id).expect("get").body, "to the trash");
    // Emptying an entry in the trash does not delete it either.
    let emptied = EntryDraft {
        id: Some(e.id),
        ..free("")
    };
    assert_eq!(code(save_entry(j.conn(), emptied, at(T0))), "invalid_input");
    assert!(get_entry(j.conn(), e.id).is_ok());
}

#[test]
fn limits_are_invalid_input_with_messages_that_never_quote_the_text() {
    let j = journal();
    let secret_word = "Zq7secretword";
    let mut big = secret_word.repeat(BODY_MAX_BYTES / secret_word.len());
    big.push_str(&"x".repeat(BODY_MAX_BYTES - big.len()));
    assert_eq!(big.len(), BODY_MAX_BYTES);
    assert!(save_entry(j.conn(), free(&big), at(T0))
        .expect("at limit")
        .is_some());
    big.push('x');

    let feelings =
        |n: usize| -> Vec<FeelingPick> { (0..n).map(|i| pick(&format!("f{i}"), 3, 0)).collect() };
    let over: Vec<EntryDraft> = vec![
        free(&big),
        EntryDraft {
            title: Some(secret_word.repeat(30)),
            ..free("x")
        },
        EntryDraft {
            tags: (0..=TAGS_MAX)
                .map(|i| format!("{secret_word}{i}"))
                .collect(),
            ..free("x")
        },
        EntryDraft {
            tags: vec![secret_word.repeat(4)],
            ..free("x")
        },
        checkin(Checkin {
            going_on: Some(secret_word.repeat(2000)),
            ..Checkin::default()
        }),
        checkin(Checkin {
            helped: Some("é".repeat(CHECKIN_TEXT_MAX_CHARS + 1)),
            ..Checkin::default()
        }),
        checkin(Checkin {
            feelings: feelings(FEELINGS_MAX + 1),
            ..Checkin::default()
        }),
        checkin(Checkin {
            feelings: vec![pick("calm", 0, 1)],
            ..Checkin::default()
        }),
        checkin(Checkin {
            feelings: vec![pick("calm", 6, 1)],
            ..Checkin::default()
        }),
        checkin(Checkin {
            feelings: vec![pick("calm", 3, 2)],
            ..Checkin::default()
        }),
        checkin(Checkin {
            pleasantness: Some(f64::NAN),
            ..Checkin::default()
        }),
        checkin(Checkin {
            energy: Some(1.01),
            ..Checkin::default()
        }),
        checkin(Checkin {
            pleasantness: Some(f64::INFINITY),
            ..Checkin::default()
        }),
        EntryDraft {
            checkin: Some(Checkin::default()),
            ..free("feelings on a free entry")
        },
    ];
    for draft in over {
        let err = save_entry(j.conn(), draft, at(T0)).expect_err("over a limit");
        assert_eq!(err.code(), "invalid_input", "{err:?}");
        assert!(!err.to_string().contains(secret_word), "{err}");
        assert!(!err.to_string().is_empty());
    }
    // Exactly at the other limits is fine.
    let at_limits = vec![
        EntryDraft {
            title: Some("ñ".repeat(TITLE_MAX_CHARS)),
            tags: (0..TAGS_MAX).map(|i| format!("{i:0>40}")).collect(),
            ..free("x")
        },
        checkin(Checkin {
            feelings: feelings(FEELINGS_MAX),
            going_on: Some("é".repeat(CHECKIN_TEXT_MAX_CHARS)),
            helped: Some("é".repeat(CHECKIN_TEXT_MAX_CHARS)),
            pleasantness: Some(-1.0),
            energy: Some(1.0),
            ..Checkin::default()
        }),
    ];
    for draft in at_limits {
        assert!(save_entry(j.conn(), draft, at(T0)).expect("ok").is_some());
    }
    assert_eq!(count_rows(&j, "entries"), 3);
}

#[test]
fn tags_are_tidied_and_deduplicated_case_insensitively() {
    let j = journal();
    let e = save(
        &j,
        EntryDraft {
            tags: strings(&[
                "  #School ",
                "school",
                "SCHOOL",
                "##late   night\tthoughts",
                "",
                "#",
                "Ñandú",
                "ñANDÚ",
                "🏳️‍🌈 pride",
            ]),
            ..free("x")
        },
        T0,
    );
    assert_eq!(
        e.tags,
        strings(&["School", "late night thoughts", "Ñandú", "🏳️‍🌈 pride"])
    );
    save(
        &j,
        EntryDraft {
            tags: strings(&["school", "Pride"]),
            ..free("y")
        },
        T0,
    );
    let tags = list_tags(j.conn()).expect("tags");
    assert_eq!(tags[0].tag.to_lowercase(), "school");
    assert_eq!(tags[0].count, 2);
    assert_eq!(tags.len(), 5, "{tags:?}");

    // Tag filters ignore case and a leading '#'.
    let filtered = page(
        &j,
        EntryFilter {
            tags: strings(&["#SCHOOL", "ñandú"]),
            ..EntryFilter::default()
        },
        10,
    );
    assert_eq!(
        filtered.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![e.id]
    );
}

#[test]
fn text_is_kept_byte_for_byte() {
    let j = journal();
    let texts = [
        "👩🏽‍🤝‍👩🏻 my people 🏳️‍🌈",
        "أحتاج إلى التحدث مع أمي",
        "שלום \u{200f}עולם\u{200e} (mixed) 123",
        "cafe\u{301} con mi abuela, nin\u{303}o",
        "<script>alert('hi')</script> & &amp; <b>bold</b>",
        "  leading and trailing spaces  \n",
        "\u{E000}private\u{E001} use",
    ];
    for text in texts {
        let e = save(
            &j,
            EntryDraft {
                title: Some(format!(" {text} ")),
                ..free(text)
            },
            T0,
        );
        let loaded = get_entry(j.conn(), e.id).expect("get");
        assert_eq!(loaded.body.as_bytes(), text.as_bytes());
        assert_eq!(loaded.title.as_deref(), Some(format!(" {text} ").as_str()));
    }
}

#[test]
fn mood_is_the_pad_pleasantness_else_the_weighted_valence() {
    let j = journal();
    let mood_of = |c: Checkin| -> Option<f64> {
        let e = save(&j, checkin(c), T0);
        let summaries = page(&j, EntryFilter::default(), 500);
        summaries
            .iter()
            .find(|s| s.id == e.id)
            .expect("listed")
            .mood
    };
    let feelings = vec![pick("happy", 3, 1), pick("worried", 1, -1)];
    assert_eq!(
        mood_of(Checkin {
            feelings: feelings.clone(),
            pleasantness: Some(-0.25),
            energy: Some(0.5),
            ..Checkin::default()
        }),
        Some(-0.25)
    );
    assert_eq!(
        mood_of(Checkin {
            feelings: feelings.clone(),
            energy: Some(0.5),
            ..Checkin::default()
        }),
        Some(0.5) // (3·1 + 1·(−1)) / 4
    );
    assert_eq!(
        mood_of(Checkin {
            going_on: Some("no feelings picked".into()),
            ..Checkin::default()
        }),
        None
    );
    let e = save(&j, free("free writing has no mood"), T0);
    let s = page(&j, EntryFilter::default(), 500);
    assert_eq!(s.iter().find(|s| s.id == e.id).expect("listed").mood, None);
}

#[test]
fn checkins_round_trip_and_summaries_list_feelings_strongest_first() {
    let j = journal();
    let c = Checkin {
        feelings: vec![
            pick("calm", 2, 1),
            pick("nervous", 5, -1),
            pick("calm", 4, 1),
        ],
        pleasantness: Some(0.3),
        energy: Some(-0.7),
        sensations: strings(&["tight_chest", " ", "tight_chest", "warm_face"]),
        going_on: Some("Test tomorrow, *really* nervous".into()),
        helped: Some("Texting Jo".into()),
    };
    let e = save(&j, checkin(c), T0);
    let stored = e.checkin.clone().expect("checkin");
    assert_eq!(
        stored.feelings,
        vec![pick("calm", 2, 1), pick("nervous", 5, -1)],
        "duplicates dropped, first kept"
    );
    assert_eq!(stored.sensations, strings(&["tight_chest", "warm_face"]));
    assert_eq!(get_entry(j.conn(), e.id).expect("get"), e);
    let s = &page(&j, EntryFilter::default(), 10)[0];
    assert_eq!(s.feelings, strings(&["nervous", "calm"]));
    assert_eq!(
        s.excerpt, "Test tomorrow, really nervous",
        "going on as excerpt"
    );
    assert_eq!(s.kind, EntryKind::Checkin);
}

#[test]
fn excerpts_are_plain_text_from_the_start_of_the_body() {
    let j = journal();
    let body = format!(
        "# Heading\n\n- **list** _item_\n\n[link](https://x.org)\n{}",
        "word ".repeat(500)
    );
    save(&j, free(&body), T0);
    let s = &page(&j, EntryFilter::default(), 10)[0];
    assert!(
        s.excerpt.starts_with("Heading list item link word word"),
        "{}",
        s.excerpt
    );
    assert!(s.excerpt.chars().count() <= 200);
}

// ── Trash ──────────────────────────────────────────────────────────────────────────────────

#[test]
fn trash_hides_entries_everywhere_and_restore_brings_them_back() {
    let j = journal();
    let keep = save(
        &j,
        checkin(Checkin {
            feelings: vec![pick("calm", 3, 1)],
            going_on: Some("walrus day".into()),
            ..Checkin::default()
        }),
        T0,
    );
    let gone = save(
        &j,
        EntryDraft {
            kind: EntryKind::Checkin,
            tags: strings(&["secret-tag"]),
            checkin: Some(Checkin {
                feelings: vec![pick("angry", 5, -1)],
                ..Checkin::default()
            }),
            ..free("walrus again")
        },
        T0,
    );
    delete_entry(j.conn(), gone.id, at("2026-03-11T10:00:00.000-05:00")).expect("delete");
    // Deleting twice keeps the first time.
    delete_entry(j.conn(), gone.id, at("2026-03-12T10:00:00.000-05:00")).expect("again");

    assert_eq!(all_ids(&j), vec![keep.id]);
    assert_eq!(hit_ids(&j, "walrus"), vec![keep.id]);
    let filtered = search_filtered(
        &j,
        "walrus",
        EntryFilter {
            kinds: vec![EntryKind::Checkin],
            feelings: strings(&["angry", "calm"]),
            ..EntryFilter::default()
        },
    );
    assert_eq!(
        filtered.iter().map(|h| h.entry.id).collect::<Vec<_>>(),
        vec![keep.id]
    );
    let by_tag = EntryFilter {
        tags: strings(&["secret-tag"]),
        ..EntryFilter::default()
    };
    assert!(search_filtered(&j, "walrus", by_tag.clone()).is_empty());
    assert!(page(&j, by_tag, 10).is_empty());
    assert!(list_tags(j.conn()).expect("tags").is_empty());
    let days = calendar_days(
        j.conn(),
        "2026-03-01",
        "2026-03-31",
        &EntryFilter::default(),
    )
    .expect("calendar");
    assert_eq!(days.len(), 1);
    assert_eq!(days[0].entries, 1);
    let ins = insights(j.conn(), "2026-03-01", "2026-03-31").expect("insights");
    assert_eq!(ins.total_entries, 1);
    assert_eq!(ins.top_feelings.len(), 1);
    assert_eq!(ins.top_feelings[0].feeling, "calm");

    let trash = list_trash(j.conn(), at("2026-03-13T00:00:00.000-05:00")).expect("trash");
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].id, gone.id);
    assert_eq!(
        trash[0].deleted_at.as_deref(),
        Some("2026-03-11T10:00:00.000-05:00")
    );
    assert_eq!(
        get_entry(j.conn(), gone.id).expect("get").deleted_at,
        trash[0].deleted_at
    );

    restore_entry(j.conn(), gone.id).expect("restore (undo)");
    assert_eq!(all_ids(&j), vec![gone.id, keep.id]);
    assert_eq!(hit_ids(&j, "walrus").len(), 2);
    assert_eq!(list_tags(j.conn()).expect("tags")[0].tag, "secret-tag");
    assert!(list_trash(j.conn(), at(T0)).expect("trash").is_empty());
    let restored = get_entry(j.conn(), gone.id).expect("get");
    assert_eq!(restored.deleted_at, None);
    assert_eq!(restored.created_at, gone.created_at);
}

#[test]
fn trash_lists_most_recently_deleted_first_and_purges_only_trashed_entries() {
    let j = journal();
    let a = save(&j, free("a"), T0);
    let b = save(&j, free("b"), T0);
    let c = save(&j, free("c"), T0);
    delete_entry(j.conn(), b.id, at("2026-03-10T10:00:00.000-05:00")).expect("b");
    delete_entry(j.conn(), a.id, at("2026-03-10T11:00:00.000-05:00")).expect("a");
    let trash = list_trash(j.conn(), at("2026-03-10T12:00:00.000-05:00")).expect("trash");
    assert_eq!(
        trash.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![a.id, b.id]
    );

    assert_eq!(code(purge_entry(j.conn(), c.id)), "invalid_input");
    assert!(get_entry(j.conn(), c.id).is_ok());
    purge_entry(j.conn(), a.id).expect("purge");
    assert_eq!(code(get_entry(j.conn(), a.id)), "not_found");
    assert_eq!(code(purge_entry(j.conn(), a.id)), "not_found");
    assert_eq!(code(restore_entry(j.conn(), a.id)), "not_found");
    assert_eq!(code(delete_entry(j.conn(), 999, at(T0))), "not_found");
    assert_eq!(code(get_entry(j.conn(), 999)), "not_found");

    delete_entry(j.conn(), c.id, at(T0)).expect("c");
    assert_eq!(empty_trash(j.conn()).expect("empty"), 2);
    assert_eq!(empty_trash(j.conn()).expect("empty again"), 0);
    assert_eq!(count_rows(&j, "entries"), 0);
    assert_eq!(count_rows(&j, "entry_tags"), 0);
}

#[test]
fn the_trash_keeps_entries_30_days_then_deletes_them_for_good() {
    let j = journal();
    let deleted_at = at("2026-01-01T12:00:00.000+01:00");
    let old = save(&j, free("old thing"), T0);
    let newer = save(&j, free("newer thing"), T0);
    delete_entry(j.conn(), old.id, deleted_at).expect("old");
    delete_entry(j.conn(), newer.id, deleted_at + Duration::days(5)).expect("newer");

    // 30 days later to the minute: both still there (the same instant in another offset).
    let day30 = (deleted_at + Duration::days(30))
        .with_timezone(&FixedOffset::west_opt(8 * 3600).expect("tz"));
    assert_eq!(purge_expired(j.conn(), day30).expect("purge"), 0);
    assert_eq!(list_trash(j.conn(), day30).expect("trash").len(), 2);

    // A minute over 30 days: the older one goes, lazily through list_trash too.
    let later = deleted_at + Duration::days(30) + Duration::minutes(1);
    let trash = list_trash(j.conn(), later).expect("trash");
    assert_eq!(
        trash.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![newer.id]
    );
    assert_eq!(code(get_entry(j.conn(), old.id)), "not_found");
    assert!(hit_ids(&j, "old").is_empty());

    assert_eq!(
        purge_expired(j.conn(), later + Duration::days(5)).expect("purge"),
        1
    );
    assert_eq!(count_rows(&j, "entries"), 0);
}

#[test]
fn unlocking_purges_the_expired_trash_through_the_commands_hook() {
    // The domain function the commands call after every unlock, on a reopened vault.
    let f = fixture();
    let (vault, _) = Vault::create(
        &f.dir,
        &secret("a journal for the tests"),
        KdfParams::floor(),
    )
    .expect("create");
    let e = save_entry(vault.conn(), free("x"), at(T0))
        .expect("save")
        .expect("entry");
    delete_entry(vault.conn(), e.id, at("2020-01-01T00:00:00.000+00:00")).expect("delete");
    vault.lock();
    let vault =
        Vault::unlock_with_passphrase(&f.dir, &secret("a journal for the tests")).expect("unlock");
    assert_eq!(purge_expired(vault.conn(), local_now()).expect("purge"), 1);
}

// ── Timeline ───────────────────────────────────────────────────────────────────────────────

#[test]
fn entries_from_different_offsets_sort_by_instant_and_keep_their_local_day() {
    let j = journal();
    // In instant order: a (UTC 20:00 on the 9th), b (UTC 01:00 on the 10th), c (UTC 03:00).
    let b = save(&j, free("b"), "2026-03-09T20:00:00.000-05:00"); // 01:00Z on the 10th
    let c = save(&j, free("c"), "2026-03-10T12:00:00.000+09:00"); // 03:00Z on the 10th
    let a = save(&j, free("a"), "2026-03-10T08:00:00.000+12:00"); // 20:00Z on the 9th
    let list = page(&j, EntryFilter::default(), 2);
    assert_eq!(
        list.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![c.id, b.id, a.id]
    );
    assert_eq!(b.day, "2026-03-09");
    assert_eq!(c.day, "2026-03-10");
    assert_eq!(a.day, "2026-03-10");
    // Day filters use the local day as written.
    let only_9th = page(
        &j,
        EntryFilter {
            from: Some("2026-03-09".into()),
            to: Some("2026-03-09".into()),
            ..EntryFilter::default()
        },
        10,
    );
    assert_eq!(
        only_9th.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![b.id]
    );
}

#[test]
fn pagination_returns_every_matching_entry_exactly_once() {
    let j = journal();
    let base = at("2026-01-01T08:00:00.000-03:00");
    let mut expected_all = Vec::new();
    let mut expected_filtered = Vec::new();
    for i in 0..137i64 {
        // Several entries share an instant so the id breaks ties.
        let when = base + Duration::hours(i / 3 * 7);
        let is_checkin = i % 4 == 0;
        let tags = if i % 3 == 0 {
            strings(&["Music", "friends"])
        } else {
            strings(&["music"])
        };
        let draft = if is_checkin {
            EntryDraft {
                tags,
                ..checkin(Checkin {
                    feelings: vec![pick(if i % 8 == 0 { "calm" } else { "sad" }, 2, 0)],
                    ..Checkin::default()
                })
            }
        } else {
            EntryDraft {
                tags,
                ..free(&format!("entry {i}"))
            }
        };
        let e = save_entry(j.conn(), draft, when)
            .expect("save")
            .expect("entry");
        expected_all.push((when.timestamp_millis(), e.id));
        let in_range = e.day.as_str() >= "2026-01-05" && e.day.as_str() <= "2026-01-20";
        if i % 3 == 0 && in_range && (i % 8 == 0 || !is_checkin) {
            expected_filtered.push((when.timestamp_millis(), e.id));
        }
    }
    let order = |v: &mut Vec<(i64, i64)>| -> Vec<i64> {
        v.sort_by(|a, b| b.cmp(a));
        v.iter().map(|x| x.1).collect()
    };
    let want_all = order(&mut expected_all);
    for limit in [1, 7, 50, 500] {
        let got: Vec<i64> = page(&j, EntryFilter::default(), limit)
            .iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(got, want_all, "limit {limit}");
    }
    let filter = EntryFilter {
        kinds: vec![EntryKind::Free, EntryKind::Checkin],
        feelings: Vec::new(),
        tags: strings(&["FRIENDS", "music"]),
        from: Some("2026-01-05".into()),
        to: Some("2026-01-20".into()),
        include_identity: None,
    };
    // Free entries, or check-ins with calm: kinds filter then a feelings filter would drop the
    // free ones, so check the two separately.
    let free_only: Vec<i64> = page(
        &j,
        EntryFilter {
            kinds: vec![EntryKind::Free],
            ..filter.clone()
        },
        4,
    )
    .iter()
    .map(|s| s.id)
    .collect();
    let calm_only: Vec<i64> = page(
        &j,
        EntryFilter {
            feelings: strings(&["calm"]),
            ..filter.clone()
        },
        3,
    )
    .iter()
    .map(|s| s.id)
    .collect();
    let want = order(&mut expected_filtered);
    let mut got: Vec<i64> = free_only.iter().chain(calm_only.iter()).copied().collect();
    got.sort_by_key(|id| want.iter().position(|w| w == id));
    assert_eq!(got, want);
    assert!(!free_only.is_empty() && !calm_only.is_empty());
    let first = list_entries(
        j.conn(),
        &TimelineQuery {
            filter: EntryFilter {
                kinds: vec![EntryKind::Free],
                ..filter
            },
            cursor: None,
            limit: 2,
        },
    )
    .expect("page");
    assert_eq!(first.total, Some(free_only.len() as u32));
}

#[test]
fn bad_filters_are_invalid_input() {
    let j = journal();
    for day in ["2026-13-01", "yesterday", "2026-1-1", "", "2026-02-30"] {
        let q = TimelineQuery {
            filter: EntryFilter {
                from: Some(day.into()),
                ..EntryFilter::default()
            },
            cursor: None,
            limit: 10,
        };
        assert_eq!(code(list_entries(j.conn(), &q)), "invalid_input", "{day}");
    }
    assert_eq!(
        code(calendar_days(
            j.conn(),
            "2026-03-02",
            "2026-03-01",
            &EntryFilter::default()
        )),
        "invalid_input"
    );
    // Limits outside 1…500 are clamped, not errors.
    save(&j, free("x"), T0);
    let q = TimelineQuery {
        filter: EntryFilter::default(),
        cursor: None,
        limit: 0,
    };
    assert_eq!(list_entries(j.conn(), &q).expect("page").items.len(), 1);
}

// ── Search ─────────────────────────────────────────────────────────────────────────────────

#[test]
fn search_ignores_case_and_accents_both_ways_and_matches_prefixes() {
    let j = journal();
    let song = save(&j, free("Escuché una canción nueva hoy"), T0);
    let plain = save(&j, free("another cancion without the accent"), T0);
    let nandu = save(
        &j,
        EntryDraft {
            title: Some("El Ñandú".into()),
            ..free("un ave")
        },
        T0,
    );
    let nfd = save(&j, free("un cafe\u{301} con leche"), T0);
    let mut both = vec![song.id, plain.id];
    both.sort();
    for q in ["canción", "cancion", "CANCIÓN", "Canc", "canci"] {
        let mut got = hit_ids(&j, q);
        got.sort();
        assert_eq!(got, both, "{q}");
    }
    for q in ["ñandú", "nandu", "NANDÚ", "ñan"] {
        assert_eq!(hit_ids(&j, q), vec![nandu.id], "{q}");
    }
    for q in ["café", "cafe", "CAFÉ", "cafe\u{301}"] {
        assert_eq!(hit_ids(&j, q), vec![nfd.id], "{q}");
    }
    // All words must match.
    assert_eq!(hit_ids(&j, "cancion nueva"), vec![song.id]);
    assert!(hit_ids(&j, "cancion elephant").is_empty());
}

#[test]
fn search_handles_rtl_emoji_and_other_scripts() {
    let j = journal();
    let arabic = save(&j, free("أحتاج إلى التحدث مع أمي"), T0);
    let hebrew = save(&j, free("שלום \u{200f}עולם\u{200e} today"), T0);
    let emoji = save(&j, free("feliz🎉cumpleaños 🏳️‍🌈 pride"), T0);
    let greek = save(&j, free("ΣΊΣΥΦΟΣ μύθος"), T0);
    assert_eq!(hit_ids(&j, "التحدث"), vec![arabic.id]);
    assert_eq!(hit_ids(&j, "עולם"), vec![hebrew.id]);
    assert_eq!(hit_ids(&j, "cumpleanos"), vec![emoji.id]);
    assert_eq!(hit_ids(&j, "🎉feliz"), vec![emoji.id]);
    assert_eq!(hit_ids(&j, "pride 🏳️‍🌈"), vec![emoji.id]);
    assert_eq!(hit_ids(&j, "σίσυφος"), vec![greek.id]);
    // Emoji alone have no words: no results, not an error.
    assert!(hit_ids(&j, "🎉").is_empty());
}

#[test]
fn fts_syntax_typed_by_the_person_is_plain_text() {
    let j = journal();
    let a = save(&j, free("cats AND dogs"), T0);
    let b = save(&j, free("birds OR fish near the river"), T0);
    let c = save(&j, free("title: col:word and \"quoted\" it's (fine)"), T0);
    let weird = [
        "AND",
        "OR",
        "NOT",
        "NEAR(",
        "NEAR(a b)",
        "*",
        "^",
        ":",
        "(",
        ")",
        "\"",
        "'",
        "-",
        "+",
        "\"unclosed",
        "col:word",
        "title:cats",
        "body:fish",
        "a OR",
        "NOT cats",
        "cats NOT dogs",
        "{title}: x",
        "^cats",
        "cats*",
        "-dogs",
        "+fish",
        "'",
        "\"\"",
        "\\",
        "%",
        "_",
        "[",
        "\u{0}",
        "\u{E000}\u{E001}",
        "cats AND",
        "AND AND OR",
        "NEAR(cats dogs, 2)",
    ];
    for q in weird {
        search(&j, q); // never an error
    }
    // Operators are words to search for, not syntax: "AND" finds both "AND" and "and".
    let mut and = hit_ids(&j, "AND");
    and.sort();
    assert_eq!(and, vec![a.id, c.id]);
    assert!(
        hit_ids(&j, "NOT cats").is_empty(),
        "NOT is a word no entry has"
    );
    assert_eq!(hit_ids(&j, "cats NOT"), Vec::<i64>::new());
    assert_eq!(hit_ids(&j, "birds OR"), vec![b.id]);
    assert_eq!(
        hit_ids(&j, "NEAR(river"),
        vec![b.id],
        "NEAR is the word near"
    );
    assert!(
        hit_ids(&j, "NEAR(cats dogs)").is_empty(),
        "no entry has near, cats and dogs"
    );
    assert_eq!(hit_ids(&j, "near river"), vec![b.id]);
    assert_eq!(hit_ids(&j, "col:word"), vec![c.id]);
    assert_eq!(hit_ids(&j, "\"quoted"), vec![c.id]);
    assert_eq!(hit_ids(&j, "it's"), vec![c.id]);
    assert_eq!(
        hit_ids(&j, "title:cats"),
        Vec::<i64>::new(),
        "not a column filter"
    );
    assert!(hit_ids(&j, "*").is_empty());
    assert!(hit_ids(&j, "   ").is_empty());
    assert!(hit_ids(&j, "").is_empty());
    // Very long searches get a clear message.
    let long = "word ".repeat(200);
    let err = search_entries(
        j.conn(),
        &SearchQuery {
            text: long,
            filter: EntryFilter::default(),
            limit: 10,
        },
    )
    .expect_err("too long");
    assert_eq!(err.code(), "invalid_input");
}

#[test]
fn search_ranks_titles_first_covers_checkins_and_tags_and_respects_filters() {
    let j = journal();
    let body_hit = save(
        &j,
        free("we went to the lighthouse at dusk"),
        "2026-03-01T10:00:00.000+00:00",
    );
    let title_hit = save(
        &j,
        EntryDraft {
            title: Some("Lighthouse".into()),
            ..free("a long day with nothing much")
        },
        "2026-02-01T10:00:00.000+00:00",
    );
    let checkin_hit = save(
        &j,
        checkin(Checkin {
            feelings: vec![pick("calm", 3, 1)],
            going_on: Some("thinking about the lighthouse".into()),
            helped: Some("breathing slowly".into()),
            ..Checkin::default()
        }),
        "2026-03-05T10:00:00.000+00:00",
    );
    let tag_hit = save(
        &j,
        EntryDraft {
            tags: strings(&["lighthouse"]),
            ..free("nothing here")
        },
        "2026-03-06T10:00:00.000+00:00",
    );
    let hits = search(&j, "lighthouse");
    assert_eq!(hits.len(), 4);
    assert_eq!(hits[0].entry.id, title_hit.id, "title weighs most");
    assert_eq!(
        hits[0].title,
        vec![SnippetPart {
            text: "Lighthouse".into(),
            hit: true
        }]
    );
    let ids: Vec<i64> = hits.iter().map(|h| h.entry.id).collect();
    assert!(
        ids.contains(&body_hit.id) && ids.contains(&checkin_hit.id) && ids.contains(&tag_hit.id)
    );
    let ch = hits
        .iter()
        .find(|h| h.entry.id == checkin_hit.id)
        .expect("checkin");
    assert!(
        ch.snippet.iter().any(|p| p.hit && p.text == "lighthouse"),
        "{:?}",
        ch.snippet
    );
    assert_eq!(hit_ids(&j, "breath"), vec![checkin_hit.id]);

    let only_checkins = search_filtered(
        &j,
        "lighthouse",
        EntryFilter {
            kinds: vec![EntryKind::Checkin],
            ..EntryFilter::default()
        },
    );
    assert_eq!(only_checkins.len(), 1);
    assert_eq!(only_checkins[0].entry.id, checkin_hit.id);
    let march = search_filtered(
        &j,
        "light",
        EntryFilter {
            from: Some("2026-03-02".into()),
            to: Some("2026-03-31".into()),
            tags: strings(&["#LightHouse"]),
            ..EntryFilter::default()
        },
    );
    assert_eq!(
        march.iter().map(|h| h.entry.id).collect::<Vec<_>>(),
        vec![tag_hit.id]
    );
    let calm = search_filtered(
        &j,
        "lighthouse",
        EntryFilter {
            feelings: strings(&["calm"]),
            ..EntryFilter::default()
        },
    );
    assert_eq!(calm.len(), 1);

    // The limit caps the results.
    let one = search_entries(
        j.conn(),
        &SearchQuery {
            text: "lighthouse".into(),
            filter: EntryFilter::default(),
            limit: 1,
        },
    )
    .expect("search");
    assert_eq!(one.hits.len(), 1);
}

#[test]
fn snippets_split_into_hits_and_text_even_with_marker_characters_in_the_text() {
    let j = journal();
    let body =
        "Before \u{E000}odd\u{E001} marks, the Piano lesson went well \u{E001} and \u{E000} after";
    let e = save(
        &j,
        EntryDraft {
            title: Some("My piano \u{E000}day".into()),
            ..free(body)
        },
        T0,
    );
    let hits = search(&j, "pian");
    assert_eq!(hits.len(), 1);
    let h = &hits[0];
    assert_eq!(h.entry.id, e.id);
    let joined: String = h.snippet.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        joined, body,
        "the whole short body, marker characters kept as text"
    );
    let marked: Vec<&str> = h
        .snippet
        .iter()
        .filter(|p| p.hit)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(marked, vec!["Piano"]);
    assert_eq!(
        h.title,
        vec![
            SnippetPart {
                text: "My ".into(),
                hit: false
            },
            SnippetPart {
                text: "piano".into(),
                hit: true
            },
            SnippetPart {
                text: " \u{E000}day".into(),
                hit: false
            },
        ]
    );
    // HTML in the text stays text in the parts.
    save(&j, free("<b>violin</b> <script>x</script>"), T0);
    let h = &search(&j, "violin")[0];
    let joined: String = h.snippet.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(joined, "<b>violin</b> <script>x</script>");
    // A long body gives a short window around the match.
    let long = format!("{} needle {}", "hay ".repeat(5000), "hay ".repeat(5000));
    save(&j, free(&long), T0);
    let h = &search(&j, "needle")[0];
    let joined: String = h.snippet.iter().map(|p| p.text.as_str()).collect();
    assert!(joined.chars().count() < 200, "{joined}");
    assert!(h.snippet.iter().any(|p| p.hit && p.text == "needle"));
}

#[test]
fn a_one_megabyte_entry_saves_loads_and_is_searchable() {
    let j = journal();
    let mut body = String::new();
    let words = [
        "mañana",
        "سلام",
        "שלום",
        "🌊",
        "tide",
        "cafe\u{301}",
        "**bold**",
    ];
    let mut i = 0;
    while body.len() < 1_000_000 {
        body.push_str(words[i % words.len()]);
        body.push(if i % 13 == 0 { '\n' } else { ' ' });
        i += 1;
    }
    body.push_str(" zyzzyva-end");
    let e = save(&j, free(&body), T0);
    let loaded = get_entry(j.conn(), e.id).expect("get");
    assert_eq!(loaded.body.len(), body.len());
    assert!(loaded.body == body);
    assert_eq!(hit_ids(&j, "zyzzyva"), vec![e.id]);
    assert_eq!(hit_ids(&j, "manana"), vec![e.id]);
    let edited = save(
        &j,
        EntryDraft {
            id: Some(e.id),
            ..free(&body.replace("zyzzyva-end", "quokka-end"))
        },
        T0,
    );
    assert_eq!(edited.id, e.id);
    assert!(hit_ids(&j, "zyzzyva").is_empty());
    assert_eq!(hit_ids(&j, "quokka"), vec![e.id]);
    assert!(page(&j, EntryFilter::default(), 10)[0]
        .excerpt
        .starts_with("mañana سلام"));
}

#[test]
fn entry_text_is_not_plaintext_in_any_file_of_the_data_folder() {
    let f = fixture();
    let (vault, _) = Vault::create(
        &f.dir,
        &secret("a journal for the tests"),
        KdfParams::floor(),
    )
    .expect("create");
    let needles = ["needle body 7c1f0e", "needle title Q2x9", "needletag4k"];
    save_entry(
        vault.conn(),
        EntryDraft {
            title: Some(needles[1].into()),
            tags: strings(&[needles[2]]),
            ..free(needles[0])
        },
        at(T0),
    )
    .expect("save");
    assert_eq!(
        search_entries(
            vault.conn(),
            &SearchQuery {
                text: "needle".into(),
                filter: EntryFilter::default(),
                limit: 5
            }
        )
        .expect("search")
        .hits
        .len(),
        1
    );
    let scan = || {
        for entry in std::fs::read_dir(f.dir.path()).expect("list") {
            let path = entry.expect("entry").path();
            let bytes = std::fs::read(&path).expect("read");
            for needle in needles {
                assert!(
                    !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                    "{needle} in plaintext in {}",
                    path.display()
                );
            }
        }
    };
    scan();
    vault.lock();
    scan();
}

// ── Calendar and insights ──────────────────────────────────────────────────────────────────

fn mood_checkin(pleasantness: f64, feelings: Vec<FeelingPick>, tags: &[&str]) -> EntryDraft {
    EntryDraft {
        tags: strings(tags),
        ..checkin(Checkin {
            feelings,
            pleasantness: Some(pleasantness),
            ..Checkin::default()
        })
    }
}

fn approx(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn calendar_and_insights_add_up_on_a_small_data_set() {
    let j = journal();
    // Day 1: two check-ins (0.5 and -0.5 → mean 0.0) and a free entry tagged school.
    save(
        &j,
        mood_checkin(0.5, vec![pick("calm", 2, 1)], &["School"]),
        "2026-04-01T08:00:00.000-04:00",
    );
    save(
        &j,
        mood_checkin(-0.5, vec![pick("sad", 4, -1), pick("calm", 4, 1)], &[]),
        "2026-04-01T20:00:00.000-04:00",
    );
    save(
        &j,
        EntryDraft {
            tags: strings(&["school"]),
            ..free("notes")
        },
        "2026-04-01T21:00:00.000-04:00",
    );
    // Day 2: one check-in at -1.0 tagged school and music.
    save(
        &j,
        mood_checkin(-1.0, vec![pick("sad", 5, -1)], &["school", "music"]),
        "2026-04-02T09:00:00.000-04:00",
    );
    // Day 3: one check-in at 1.0 tagged music; one reflection.
    save(
        &j,
        mood_checkin(1.0, vec![pick("happy", 3, 1)], &["Music"]),
        "2026-04-03T09:00:00.000-04:00",
    );
    save(
        &j,
        EntryDraft {
            kind: EntryKind::Reflection,
            ..free("who am I")
        },
        "2026-04-03T10:00:00.000-04:00",
    );
    // Day 4: free writing only (no mood); outside the range: day 10.
    save(
        &j,
        EntryDraft {
            tags: strings(&["music"]),
            ..free("just words")
        },
        "2026-04-04T09:00:00.000-04:00",
    );
    save(
        &j,
        mood_checkin(1.0, vec![pick("happy", 1, 1)], &["school"]),
        "2026-04-10T09:00:00.000-04:00",
    );

    let days = calendar_days(
        j.conn(),
        "2026-04-01",
        "2026-04-04",
        &EntryFilter::default(),
    )
    .expect("days");
    let summary: Vec<(&str, u32, u32)> = days
        .iter()
        .map(|d| (d.day.as_str(), d.entries, d.checkins))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("2026-04-01", 3, 2),
            ("2026-04-02", 1, 1),
            ("2026-04-03", 2, 1),
            ("2026-04-04", 1, 0)
        ]
    );
    assert!(approx(days[0].mood.expect("mood"), 0.0));
    assert!(approx(days[1].mood.expect("mood"), -1.0));
    assert!(approx(days[2].mood.expect("mood"), 1.0));
    assert_eq!(days[3].mood, None);

    let checkins_only = calendar_days(
        j.conn(),
        "2026-04-01",
        "2026-04-30",
        &EntryFilter {
            kinds: vec![EntryKind::Checkin],
            tags: strings(&["school"]),
            ..EntryFilter::default()
        },
    )
    .expect("days");
    assert_eq!(
        checkins_only
            .iter()
            .map(|d| (d.day.as_str(), d.entries))
            .collect::<Vec<_>>(),
        vec![("2026-04-01", 1), ("2026-04-02", 1), ("2026-04-10", 1)]
    );

    let ins = insights(j.conn(), "2026-04-01", "2026-04-04").expect("insights");
    assert_eq!(ins.from, "2026-04-01");
    assert_eq!(ins.days, days);
    assert_eq!(ins.total_entries, 7);
    assert_eq!(ins.total_checkins, 4);
    let top: Vec<(&str, u32)> = ins
        .top_feelings
        .iter()
        .map(|f| (f.feeling.as_str(), f.count))
        .collect();
    assert_eq!(
        top,
        vec![("sad", 2), ("calm", 2), ("happy", 1)],
        "ties: higher intensity first"
    );
    assert!(approx(ins.top_feelings[0].mean_intensity, 4.5));
    assert!(approx(ins.top_feelings[1].mean_intensity, 3.0));

    // Days with a mood: 0.0, -1.0, 1.0 → overall 0.0.
    // school: days 1, 2 → mean -0.5; music: days 2, 3 (day 4 has no mood) → mean 0.0.
    assert_eq!(ins.tag_moods.len(), 2, "{:?}", ins.tag_moods);
    assert_eq!(ins.tag_moods[0].tag, "school");
    assert_eq!(ins.tag_moods[0].days, 2);
    assert!(approx(ins.tag_moods[0].mean_mood, -0.5));
    assert!(approx(ins.tag_moods[0].difference, -0.5));
    assert_eq!(ins.tag_moods[1].tag.to_lowercase(), "music");
    assert!(approx(ins.tag_moods[1].difference, 0.0));

    let empty = insights(j.conn(), "2025-01-01", "2025-12-31").expect("empty");
    assert!(empty.days.is_empty() && empty.top_feelings.is_empty() && empty.tag_moods.is_empty());
    assert_eq!(empty.total_entries, 0);
    assert_eq!(
        code(insights(j.conn(), "2026-04-04", "2026-04-01")),
        "invalid_input"
    );
    assert_eq!(
        code(insights(j.conn(), "April", "2026-04-01")),
        "invalid_input"
    );
}

// ── Library ────────────────────────────────────────────────────────────────────────────────

fn feeling_word(id: &str, word: &str) -> CustomFeeling {
    CustomFeeling {
        id: id.into(),
        word: word.into(),
        core: Some("happy".into()),
        meaning: None,
    }
}

#[test]
fn the_library_round_trips_tidied_and_deduplicated() {
    let j = journal();
    assert_eq!(
        load_library(j.conn()).expect("empty"),
        JournalLibrary::default()
    );
    let lib = JournalLibrary {
        custom_feelings: vec![
            CustomFeeling {
                id: "abc_1".into(),
                word: "  floaty  ".into(),
                core: Some(" ".into()),
                meaning: Some("  light, like a cloud ".into()),
            },
            feeling_word("abc_1", "duplicate id dropped"),
            feeling_word("x-2", "🥲 bittersweet"),
        ],
        custom_prompts: vec![CustomPrompt {
            id: "p1".into(),
            text: " What made me laugh? ".into(),
            group: Some("strengths".into()),
        }],
        favourite_prompts: strings(&["feelings.07", "custom:p1", "feelings.07"]),
        snoozed_prompts: vec![
            SnoozedPrompt {
                prompt_id: "school.02".into(),
                day: "2026-03-10".into(),
            },
            SnoozedPrompt {
                prompt_id: "school.02".into(),
                day: "2026-03-12".into(),
            },
        ],
    };
    let saved = save_library(j.conn(), lib).expect("save");
    assert_eq!(saved.custom_feelings.len(), 2);
    assert_eq!(saved.custom_feelings[0].word, "floaty");
    assert_eq!(saved.custom_feelings[0].core, None);
    assert_eq!(
        saved.custom_feelings[0].meaning.as_deref(),
        Some("light, like a cloud")
    );
    assert_eq!(saved.custom_prompts[0].text, "What made me laugh?");
    assert_eq!(
        saved.favourite_prompts,
        strings(&["feelings.07", "custom:p1"])
    );
    assert_eq!(
        saved.snoozed_prompts,
        vec![SnoozedPrompt {
            prompt_id: "school.02".into(),
            day: "2026-03-12".into()
        }]
    );
    assert_eq!(load_library(j.conn()).expect("load"), saved);
}

#[test]
fn library_limits_and_bad_ids_are_invalid_input_and_keep_the_stored_library() {
    let j = journal();
    let good = save_library(
        j.conn(),
        JournalLibrary {
            custom_feelings: vec![feeling_word("ok", "fine")],
            ..JournalLibrary::default()
        },
    )
    .expect("save");
    let many_feelings = (0..201)
        .map(|i| feeling_word(&format!("f{i}"), "w"))
        .collect();
    let bad = vec![
        JournalLibrary {
            custom_feelings: many_feelings,
            ..JournalLibrary::default()
        },
        JournalLibrary {
            custom_feelings: vec![feeling_word("has space", "w")],
            ..JournalLibrary::default()
        },
        JournalLibrary {
            custom_feelings: vec![feeling_word("", "w")],
            ..JournalLibrary::default()
        },
        JournalLibrary {
            custom_feelings: vec![feeling_word(&"a".repeat(65), "w")],
            ..JournalLibrary::default()
        },
        JournalLibrary {
            custom_feelings: vec![feeling_word("ok", "   ")],
            ..JournalLibrary::default()
        },
        JournalLibrary {
            custom_feelings: vec![feeling_word("ok", &"w".repeat(41))],
            ..JournalLibrary::default()
        },
        JournalLibrary {
            custom_feelings: vec![CustomFeeling {
                meaning: Some("m".repeat(201)),
                ..feeling_word("ok", "w")
            }],
            ..JournalLibrary::default()
        },
        JournalLibrary {
            custom_prompts: (0..501)
                .map(|i| CustomPrompt {
                    id: format!("p{i}"),
                    text: "t".into(),
                    group: None,
                })
                .collect(),
            ..JournalLibrary::default()
        },
        JournalLibrary {
            custom_prompts: vec![CustomPrompt {
                id: "p".into(),
                text: "t".repeat(501),
                group: None,
            }],
            ..JournalLibrary::default()
        },
        JournalLibrary {
            custom_prompts: vec![CustomPrompt {
                id: "p".into(),
                text: " ".into(),
                group: None,
            }],
            ..JournalLibrary::default()
        },
        JournalLibrary {
            favourite_prompts: vec!["x".repeat(65)],
            ..JournalLibrary::default()
        },
        JournalLibrary {
            favourite_prompts: (0..1001).map(|i| format!("p{i}")).collect(),
            ..JournalLibrary::default()
        },
        JournalLibrary {
            snoozed_prompts: vec![SnoozedPrompt {
                prompt_id: "a.1".into(),
                day: "soon".into(),
            }],
            ..JournalLibrary::default()
        },
    ];
    for lib in bad {
        assert_eq!(code(save_library(j.conn(), lib)), "invalid_input");
    }
    assert_eq!(load_library(j.conn()).expect("load"), good);
}

// ── Migration ──────────────────────────────────────────────────────────────────────────────

#[test]
fn a_v1_database_with_an_entry_migrates_to_the_journal_schema() {
    let mut conn = Connection::open_in_memory().expect("db");
    let m = crate::vault::migrations::migrations();
    m.to_version(&mut conn, 1).expect("v1");
    conn.execute_batch(
        "INSERT INTO entries (id, kind, title, body, created_at, updated_at) VALUES
           (7, 'note', 'Old title', 'An old entry about the ocean',
            '2025-12-31T23:30:00-05:00', '2026-01-01T10:00:00-05:00'),
           (8, 'reflection', NULL, 'Who I am', '2025-06-01T10:00:00.500+02:00',
            '2025-06-01T10:00:00.500+02:00');",
    )
    .expect("v1 rows");
    m.to_latest(&mut conn).expect("latest");

    let e = get_entry(&conn, 7).expect("migrated");
    assert_eq!(e.kind, EntryKind::Free);
    assert_eq!(e.title.as_deref(), Some("Old title"));
    assert_eq!(e.body, "An old entry about the ocean");
    assert_eq!(e.day, "2025-12-31", "the local day as written");
    assert_eq!(e.created_at, "2025-12-31T23:30:00-05:00");
    assert!(e.tags.is_empty() && e.checkin.is_none() && e.deleted_at.is_none());
    assert_eq!(
        get_entry(&conn, 8).expect("second").kind,
        EntryKind::Reflection
    );
    let ms: i64 = conn
        .query_row("SELECT created_ms FROM entries WHERE id = 7", [], |r| {
            r.get(0)
        })
        .expect("ms");
    assert_eq!(ms, at("2025-12-31T23:30:00-05:00").timestamp_millis());
    let ms8: i64 = conn
        .query_row("SELECT created_ms FROM entries WHERE id = 8", [], |r| {
            r.get(0)
        })
        .expect("ms");
    assert_eq!(ms8, at("2025-06-01T10:00:00.500+02:00").timestamp_millis());

    // Migrated entries are on the timeline and searchable; new ones get new ids.
    let list = list_entries(
        &conn,
        &TimelineQuery {
            filter: EntryFilter::default(),
            cursor: None,
            limit: 10,
        },
    )
    .expect("timeline");
    assert_eq!(
        list.items.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![7, 8]
    );
    let hits = search_entries(
        &conn,
        &SearchQuery {
            text: "ocean".into(),
            filter: EntryFilter::default(),
            limit: 10,
        },
    )
    .expect("search");
    assert_eq!(hits.hits.len(), 1);

    // A row inserted the v1 way still gets its instant and day.
    conn.execute_batch(
        "INSERT INTO entries (kind, title, body, created_at, updated_at) VALUES
           ('free', NULL, 'raw', '2026-05-05T22:00:00.000-07:00', '2026-05-05T22:00:00.000-07:00')",
    )
    .expect("v1-style insert");
    let raw = list_entries(
        &conn,
        &TimelineQuery {
            filter: EntryFilter::default(),
            cursor: None,
            limit: 1,
        },
    )
    .expect("timeline");
    assert_eq!(raw.items[0].excerpt, "raw");
    assert_eq!(raw.items[0].day, "2026-05-05");
    let new = save_entry(&conn, free("new"), at(T0))
        .expect("save")
        .expect("entry");
    assert!(new.id > 8);
}

/// Whether `word` is stored anywhere in the full-text index's own pages (`entries_fts_data`).
fn index_holds(j: &J, word: &str) -> bool {
    let mut stmt = j
        .conn()
        .prepare("SELECT block FROM entries_fts_data")
        .expect("prepare");
    let blocks: Vec<Vec<u8>> = stmt
        .query_map([], |r| r.get::<_, Option<Vec<u8>>>(0))
        .expect("query")
        .map(|b| b.expect("row").unwrap_or_default())
        .collect();
    blocks
        .iter()
        .any(|b| b.windows(word.len()).any(|w| w == word.as_bytes()))
}

#[test]
fn words_of_entries_deleted_for_good_leave_the_search_index() {
    let j = journal();
    // Enough other entries that the index has several segments.
    for i in 0..40 {
        save(&j, free(&format!("an ordinary day number {i}")), T0);
    }
    let purged = save(&j, free("the qqqmarmot secret"), T0);
    let emptied = save(&j, free("the qqqwombat secret"), T0);
    let expired = save(&j, free("the qqqnarwhal secret"), T0);
    for word in ["qqqmarmot", "qqqwombat", "qqqnarwhal"] {
        assert!(index_holds(&j, word), "{word} should be indexed first");
    }

    delete_entry(j.conn(), purged.id, at(T0)).expect("trash");
    purge_entry(j.conn(), purged.id).expect("purge");
    assert!(
        !index_holds(&j, "qqqmarmot"),
        "a purged entry's word stayed in the index"
    );

    let emptied_draft = EntryDraft {
        id: Some(emptied.id),
        ..free("")
    };
    assert!(save_entry(j.conn(), emptied_draft, at(T0))
        .expect("save")
        .is_none());
    assert!(
        !index_holds(&j, "qqqwombat"),
        "an emptied entry's word stayed in the index"
    );

    delete_entry(j.conn(), expired.id, at(T0)).expect("trash");
    let later = at(T0) + chrono::Duration::days(31);
    assert_eq!(purge_expired(j.conn(), later).expect("expire"), 1);
    assert!(
        !index_holds(&j, "qqqnarwhal"),
        "an expired entry's word stayed in the index"
    );

    // What is kept is still found.
    assert!(!search(&j, "ordinary").is_empty());
}

#[test]
fn snippets_are_plain_text_without_markdown_marks() {
    let j = journal();
    save(
        &j,
        free("A **brave** day at the _café_.\n\n- walked by the sea\n- [home](x)"),
        T0,
    );
    let hits = search(&j, "cafe");
    assert_eq!(hits.len(), 1);
    let text: String = hits[0].snippet.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(text, "… brave day at the café. walked by the sea home");
    let marked: Vec<&str> = hits[0]
        .snippet
        .iter()
        .filter(|p| p.hit)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(marked, ["café"]);
}

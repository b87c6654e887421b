//! Domain tests on a real SQLCipher vault in a temporary folder.

use chrono::NaiveDateTime;
use rusqlite::Connection;

use super::mirror::{check_mirror, load_mirror, sync_mirror, ReminderMirror};
use super::reminders::{
    due, in_quiet_hours, notification_language, notification_text, reminder_key, schedule,
    Decision, GoalReminderState, ReminderLog, Schedule, DAILY_KEY, GRACE_MINUTES,
};
use super::validate::FROM_NAME_MAX_CHARS;
use super::*;
use crate::journal::{
    self, Checkin, EntryDraft, EntryKind, FeelingPick, JournalLibrary, SearchQuery,
};
use crate::prefs::Language;
use crate::test_support::{at, test_vault, TestVault};

type G = TestVault;

fn vault() -> G {
    test_vault("goals for the tests")
}

const T0: &str = "2026-03-10T09:30:00.250-05:00";
const T1: &str = "2026-03-11T18:00:00.000-05:00";
const T2: &str = "2026-03-12T07:15:00.000-05:00";
const T3: &str = "2026-03-13T20:45:00.500-05:00";

fn step(id: Option<i64>, text: &str, done: bool) -> StepDraft {
    StepDraft {
        id,
        text: text.into(),
        done,
    }
}

fn new_step(text: &str) -> StepDraft {
    step(None, text, false)
}

fn draft(title: &str, steps: Vec<StepDraft>) -> GoalDraft {
    GoalDraft {
        id: None,
        title: title.into(),
        why: None,
        area: None,
        steps,
        target_date: None,
        made_with_counselor: false,
        reminder: None,
    }
}

/// The goal as the editor would send it back (every step with its id and done state).
fn as_draft(goal: &Goal) -> GoalDraft {
    GoalDraft {
        id: Some(goal.id),
        title: goal.title.clone(),
        why: goal.why.clone(),
        area: goal.area,
        steps: goal
            .steps
            .iter()
            .map(|s| step(Some(s.id), &s.text, s.done_at.is_some()))
            .collect(),
        target_date: goal.target_date.clone(),
        made_with_counselor: goal.made_with_counselor,
        reminder: goal.reminder.clone(),
    }
}

fn save(g: &G, d: GoalDraft, now: &str) -> Goal {
    save_goal(g.conn(), d, at(now)).expect("save goal")
}

fn texts(goal: &Goal) -> Vec<&str> {
    goal.steps.iter().map(|s| s.text.as_str()).collect()
}

fn count(g: &G, table: &str) -> i64 {
    g.conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

fn code<T: std::fmt::Debug>(r: Result<T>) -> &'static str {
    r.expect_err("should fail").code()
}

// ── Goals and steps ────────────────────────────────────────────────────────────────────────

#[test]
fn a_goal_with_a_first_step_then_steps_added_edited_reordered_checked_and_unchecked() {
    let g = vault();
    let mut d = draft(
        "  Say no when I need to  ",
        vec![
            new_step("  Notice when I want to say no  "),
            new_step("   "),
        ],
    );
    d.why = Some("  So I have energy for me  ".into());
    d.area = Some(GoalArea::Boundaries);
    d.target_date = Some("2026-06-01".into());
    let goal = save(&g, d, T0);
    assert_eq!(goal.title, "Say no when I need to");
    assert_eq!(goal.why.as_deref(), Some("So I have energy for me"));
    assert_eq!(goal.area, Some(GoalArea::Boundaries));
    assert_eq!(goal.target_date.as_deref(), Some("2026-06-01"));
    assert_eq!(goal.status, GoalStatus::Active);
    assert_eq!(texts(&goal), ["Notice when I want to say no"]);
    assert_eq!(goal.created_at, "2026-03-10T09:30:00.250-05:00");
    assert_eq!(goal.updated_at, goal.created_at);
    assert_eq!(goal.status_changed_at, goal.created_at);
    assert_eq!((goal.checkins, goal.last_checkin_at.clone()), (0, None));
    assert!(!goal.made_with_counselor && goal.counselor_words.is_none());
    let first_id = goal.steps[0].id;

    // Add two steps.
    let mut d = as_draft(&goal);
    d.steps.push(new_step("Say no to one small thing"));
    d.steps.push(new_step("Tell Mo how it went"));
    let goal = save(&g, d, T1);
    assert_eq!(
        texts(&goal),
        [
            "Notice when I want to say no",
            "Say no to one small thing",
            "Tell Mo how it went"
        ]
    );
    assert_eq!(goal.steps[0].id, first_id, "a kept step keeps its id");
    assert_eq!(goal.updated_at, "2026-03-11T18:00:00.000-05:00");
    assert_eq!(goal.created_at, "2026-03-10T09:30:00.250-05:00");

    // Edit the second, move the last to the top.
    let mut d = as_draft(&goal);
    d.steps[1].text = "Say no to one small thing this week".into();
    let last = d.steps.pop().expect("last");
    d.steps.insert(0, last);
    let ids_before: Vec<i64> = goal.steps.iter().map(|s| s.id).collect();
    let goal = save(&g, d, T1);
    assert_eq!(
        texts(&goal),
        [
            "Tell Mo how it went",
            "Notice when I want to say no",
            "Say no to one small thing this week"
        ]
    );
    let mut ids_after: Vec<i64> = goal.steps.iter().map(|s| s.id).collect();
    ids_after.sort_unstable();
    assert_eq!(ids_after, ids_before, "reordering and editing keep the ids");

    // Check the first manageable step, then uncheck it.
    let checked = set_step_done(g.conn(), goal.id, first_id, true, at(T2)).expect("check");
    let s = checked
        .steps
        .iter()
        .find(|s| s.id == first_id)
        .expect("step");
    assert_eq!(s.done_at.as_deref(), Some("2026-03-12T07:15:00.000-05:00"));
    assert_eq!(checked.updated_at, "2026-03-12T07:15:00.000-05:00");
    // Checking again keeps when it was done; so does saving the goal with it done.
    let again = set_step_done(g.conn(), goal.id, first_id, true, at(T3)).expect("again");
    assert_eq!(again, checked, "nothing changed");
    let mut d = as_draft(&again);
    d.title = "Say no when I need to, kindly".into();
    let saved = save(&g, d, T3);
    let s = saved.steps.iter().find(|s| s.id == first_id).expect("step");
    assert_eq!(s.done_at.as_deref(), Some("2026-03-12T07:15:00.000-05:00"));

    let unchecked = set_step_done(g.conn(), goal.id, first_id, false, at(T3)).expect("uncheck");
    assert!(unchecked.steps.iter().all(|s| s.done_at.is_none()));
    // Done through the editor: stamped with the save's time.
    let mut d = as_draft(&unchecked);
    d.steps[2].done = true;
    let saved = save(&g, d, T3);
    assert_eq!(
        saved.steps[2].done_at.as_deref(),
        Some("2026-03-13T20:45:00.500-05:00")
    );

    // A step that isn't this goal's, or a goal that isn't there.
    let other = save(&g, draft("Sleep", vec![new_step("Phone away at 10")]), T0);
    assert_eq!(
        code(set_step_done(
            g.conn(),
            goal.id,
            other.steps[0].id,
            true,
            at(T3)
        )),
        "not_found"
    );
    assert_eq!(
        code(set_step_done(g.conn(), 999, first_id, true, at(T3))),
        "not_found"
    );

    // Removing steps: left out of the list → gone.
    let mut d = as_draft(&saved);
    d.steps.truncate(1);
    let goal = save(&g, d, T3);
    assert_eq!(goal.steps.len(), 1);
    assert_eq!(
        count(&g, "goal_steps"),
        2,
        "one left here, one on the other goal"
    );
}

#[test]
fn an_unchanged_save_writes_nothing() {
    let g = vault();
    let goal = save(
        &g,
        draft("Draw every week", vec![new_step("Buy a sketchbook")]),
        T0,
    );
    let again = save(&g, as_draft(&goal), T3);
    assert_eq!(again, goal);
    assert_eq!(again.updated_at, goal.updated_at);
}

#[test]
fn hundreds_of_steps_work_and_the_limits_hold() {
    let g = vault();
    let steps: Vec<StepDraft> = (0..300).map(|i| new_step(&format!("step {i}"))).collect();
    let goal = save(&g, draft("A long road", steps), T0);
    assert_eq!(goal.steps.len(), 300);
    assert_eq!(goal.steps[299].text, "step 299");

    // Reverse all 300 and check every tenth.
    let mut d = as_draft(&goal);
    d.steps.reverse();
    for s in d.steps.iter_mut().step_by(10) {
        s.done = true;
    }
    let goal = save(&g, d, T1);
    assert_eq!(goal.steps.len(), 300);
    assert_eq!(goal.steps[0].text, "step 299");
    assert_eq!(
        goal.steps.iter().filter(|s| s.done_at.is_some()).count(),
        30
    );
    assert_eq!(read_goal(g.conn(), goal.id).expect("read"), goal);

    // 500 is the most; blanks don't count.
    let mut d = as_draft(&goal);
    d.steps
        .extend((0..200).map(|i| new_step(&format!("more {i}"))));
    d.steps.push(new_step("  "));
    assert_eq!(save(&g, d, T2).steps.len(), 500);
    let d = as_draft(&read_goal(g.conn(), goal.id).expect("read"));
    let mut too_many = d.clone();
    too_many.steps.push(new_step("one too many"));
    assert_eq!(code(save_goal(g.conn(), too_many, at(T3))), "invalid_input");
    let mut too_long = d;
    too_long.steps[0].text = "x".repeat(STEP_MAX_CHARS + 1);
    assert_eq!(code(save_goal(g.conn(), too_long, at(T3))), "invalid_input");
    assert_eq!(
        read_goal(g.conn(), goal.id).expect("read").steps.len(),
        500,
        "a refused save changes nothing"
    );
}

#[test]
fn an_empty_or_too_long_title_is_refused_and_nothing_is_saved() {
    let g = vault();
    for title in ["", "   ", "\n\t"] {
        let err = save_goal(g.conn(), draft(title, vec![new_step("a step")]), at(T0))
            .expect_err("empty title");
        assert_eq!(err.code(), "invalid_input");
        assert!(err.to_string().contains("title"), "{err}");
    }
    let long = "t".repeat(TITLE_MAX_CHARS + 1);
    assert_eq!(
        code(save_goal(g.conn(), draft(&long, vec![]), at(T0))),
        "invalid_input"
    );
    let exactly = "t".repeat(TITLE_MAX_CHARS);
    let mut bad_why = draft("ok", vec![]);
    bad_why.why = Some("w".repeat(WHY_MAX_CHARS + 1));
    let mut bad_date = draft("ok", vec![]);
    bad_date.target_date = Some("2026-02-30".into());
    let mut bad_time = draft("ok", vec![]);
    bad_time.reminder = Some(GoalReminder {
        weekdays: vec![],
        time: "24:00".into(),
    });
    let mut bad_day = draft("ok", vec![]);
    bad_day.reminder = Some(GoalReminder {
        weekdays: vec![7],
        time: "08:00".into(),
    });
    for d in [bad_why, bad_date, bad_time, bad_day] {
        assert_eq!(code(save_goal(g.conn(), d, at(T0))), "invalid_input");
    }
    assert_eq!(count(&g, "goals"), 0);
    assert_eq!(count(&g, "goal_steps"), 0);

    // An existing goal saved with an empty title keeps what it had.
    let goal = save(&g, draft(&exactly, vec![new_step("first")]), T0);
    let mut d = as_draft(&goal);
    d.title = " ".into();
    d.steps.push(new_step("second"));
    assert_eq!(code(save_goal(g.conn(), d, at(T1))), "invalid_input");
    assert_eq!(read_goal(g.conn(), goal.id).expect("read"), goal);
    // Updating a goal that doesn't exist.
    let mut d = draft("ghost", vec![]);
    d.id = Some(goal.id + 100);
    assert_eq!(code(save_goal(g.conn(), d, at(T1))), "not_found");
}

#[test]
fn the_reminder_field_is_tidied_and_stored() {
    let g = vault();
    let mut d = draft("Stretch", vec![]);
    d.reminder = Some(GoalReminder {
        weekdays: vec![4, 0, 4, 2],
        time: " 07:30 ".into(),
    });
    let goal = save(&g, d, T0);
    assert_eq!(
        goal.reminder,
        Some(GoalReminder {
            weekdays: vec![0, 2, 4],
            time: "07:30".into()
        })
    );
    assert_eq!(
        goal_reminders(g.conn()).expect("reminders"),
        vec![(
            goal.id,
            GoalStatus::Active,
            goal.reminder.clone().expect("r")
        )]
    );
    let mut d = as_draft(&goal);
    d.reminder = None;
    assert_eq!(save(&g, d, T1).reminder, None);
    assert!(goal_reminders(g.conn()).expect("reminders").is_empty());
}

#[test]
fn consecutive_saves_of_reordered_lists_keep_the_last_order_and_lose_nothing() {
    let g = vault();
    let goal = save(
        &g,
        draft(
            "Make a friend",
            vec![new_step("A"), new_step("B"), new_step("C")],
        ),
        T0,
    );
    let id = |t: &str| goal.steps.iter().find(|s| s.text == t).expect(t).id;
    // Two saves built from the same view, the second sent while the first was in flight.
    let mut first = as_draft(&goal);
    first.steps = vec![
        step(Some(id("B")), "B", false),
        step(Some(id("A")), "A", false),
        step(Some(id("C")), "C", false),
    ];
    let mut second = as_draft(&goal);
    second.steps = vec![
        step(Some(id("C")), "C", false),
        step(Some(id("A")), "A", true),
        step(Some(id("B")), "B", false),
    ];
    save(&g, first, T1);
    let last = save(&g, second, T2);
    assert_eq!(texts(&last), ["C", "A", "B"]);
    assert_eq!(
        last.steps.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![id("C"), id("A"), id("B")]
    );
    assert!(last.steps[1].done_at.is_some());

    // A stale list that still has a step removed by an earlier save: the whole list is the
    // truth, so that step comes back (with a new id) instead of being lost or refused.
    let mut remove_b = as_draft(&last);
    remove_b.steps.retain(|s| s.text != "B");
    save(&g, remove_b, T2);
    let stale = as_draft(&last);
    let back = save(&g, stale, T3);
    assert_eq!(texts(&back), ["C", "A", "B"]);
    assert_ne!(
        back.steps[2].id,
        id("B"),
        "a removed step's id is never reused"
    );

    // A step id of another goal is refused, and nothing changes.
    let other = save(&g, draft("Other", vec![new_step("theirs")]), T0);
    let mut sneaky = as_draft(&back);
    sneaky
        .steps
        .push(step(Some(other.steps[0].id), "theirs", false));
    assert_eq!(code(save_goal(g.conn(), sneaky, at(T3))), "invalid_input");
    assert_eq!(read_goal(g.conn(), back.id).expect("read"), back);
    assert_eq!(
        texts(&read_goal(g.conn(), other.id).expect("other")),
        ["theirs"]
    );
    // The same id twice in one list: refused.
    let mut twice = as_draft(&back);
    twice.steps.push(twice.steps[0].clone());
    assert_eq!(code(save_goal(g.conn(), twice, at(T3))), "invalid_input");
}

#[test]
fn status_changes_stamp_their_time_and_keep_the_steps() {
    let g = vault();
    let goal = save(&g, draft("Run 5k", vec![new_step("Walk 10 minutes")]), T0);
    let paused = set_goal_status(g.conn(), goal.id, GoalStatus::Paused, at(T1)).expect("pause");
    assert_eq!(paused.status, GoalStatus::Paused);
    assert_eq!(paused.status_changed_at, "2026-03-11T18:00:00.000-05:00");
    assert_eq!(paused.updated_at, paused.status_changed_at);
    // The same status again changes nothing.
    let same = set_goal_status(g.conn(), goal.id, GoalStatus::Paused, at(T2)).expect("same");
    assert_eq!(same, paused);
    let done = set_goal_status(g.conn(), goal.id, GoalStatus::Done, at(T2)).expect("done");
    assert_eq!(done.status_changed_at, "2026-03-12T07:15:00.000-05:00");
    assert_eq!(done.steps, goal.steps);
    let let_go = set_goal_status(g.conn(), goal.id, GoalStatus::LetGo, at(T3)).expect("let go");
    assert_eq!(let_go.status, GoalStatus::LetGo);
    assert_eq!(let_go.status_changed_at, "2026-03-13T20:45:00.500-05:00");
    assert_eq!(let_go.steps, goal.steps);
    assert_eq!(let_go.created_at, goal.created_at);
    // A let-go goal can still be edited, and stays let go.
    let mut d = as_draft(&let_go);
    d.why = Some("Maybe another year".into());
    assert_eq!(save(&g, d, T3).status, GoalStatus::LetGo);
    assert_eq!(
        code(set_goal_status(g.conn(), 404, GoalStatus::Done, at(T3))),
        "not_found"
    );
}

#[test]
fn goals_are_listed_active_paused_done_let_go_newest_first_within_each() {
    let g = vault();
    let make = |title: &str, now: &str| save(&g, draft(title, vec![new_step("s")]), now).id;
    let a_old = make("active old", T0);
    let p = make("paused", T1);
    let a_new = make("active new", T2);
    let d = make("done", T0);
    let l = make("let go", T3);
    let d_new = make("done newer", T3);
    for (id, s) in [
        (p, GoalStatus::Paused),
        (d, GoalStatus::Done),
        (d_new, GoalStatus::Done),
        (l, GoalStatus::LetGo),
    ] {
        set_goal_status(g.conn(), id, s, at(T3)).expect("status");
    }
    let ids: Vec<i64> = list_goals(g.conn())
        .expect("list")
        .iter()
        .map(|g| g.id)
        .collect();
    assert_eq!(ids, vec![a_new, a_old, p, d_new, d, l]);
    let listed = list_goals(g.conn()).expect("list");
    assert!(
        listed.iter().all(|g| texts(g) == ["s"]),
        "steps come with the list"
    );
}

#[test]
fn the_readers_work_inside_a_callers_transaction_and_give_what_the_public_ones_give() {
    let g = vault();
    let goal = save(
        &g,
        draft(
            "Read before bed",
            vec![new_step("One page"), new_step("Two")],
        ),
        T0,
    );
    journal::save_entry(
        g.conn(),
        goal_checkin(goal.id, "A page", None, None),
        at(T1),
    )
    .expect("save")
    .expect("entry");
    let listed = list_goals(g.conn()).expect("list");
    let detail = get_goal(g.conn(), goal.id).expect("get");

    let tx = g
        .conn()
        .unchecked_transaction()
        .expect("caller's transaction");
    // The public ones open their own transaction, which can't be done inside another.
    assert!(list_goals(&tx).is_err());
    assert!(get_goal(&tx, goal.id).is_err());
    assert_eq!(read_goals(&tx).expect("read goals"), listed);
    assert_eq!(read_goal_detail(&tx, goal.id).expect("read detail"), detail);
    assert_eq!(detail.checkins.len(), 1);
    assert_eq!(code(read_goal_detail(&tx, 404)), "not_found");
    drop(tx);
    // Nothing was left open: the public ones work again.
    assert_eq!(list_goals(g.conn()).expect("list again"), listed);
}

// ── Goal check-ins in the journal ───────────────────────────────────────────────────────────

fn goal_checkin(
    goal_id: i64,
    how: &str,
    in_the_way: Option<&str>,
    next: Option<&str>,
) -> EntryDraft {
    EntryDraft {
        id: None,
        kind: EntryKind::GoalCheckin,
        title: None,
        body: how.into(),
        tags: Vec::new(),
        prompt_id: None,
        checkin: Some(Checkin {
            feelings: vec![FeelingPick {
                feeling: "hopeful".into(),
                intensity: 3,
                valence: 1,
            }],
            ..Checkin::default()
        }),
        goal: Some(GoalCheckinPart {
            goal_id,
            in_the_way: in_the_way.map(Into::into),
            next_step: next.map(Into::into),
        }),
        identity: None,
    }
}

fn search(g: &G, text: &str) -> Vec<i64> {
    journal::search_entries(
        g.conn(),
        &SearchQuery {
            text: text.into(),
            filter: Default::default(),
            limit: 50,
        },
    )
    .expect("search")
    .hits
    .iter()
    .map(|h| h.entry.id)
    .collect()
}

#[test]
fn goal_checkins_appear_in_the_goal_are_searchable_and_survive_deleting_the_goal() {
    let g = vault();
    let goal = save(
        &g,
        draft("Speak up in class", vec![new_step("One question")]),
        T0,
    );
    let first = journal::save_entry(
        g.conn(),
        goal_checkin(
            goal.id,
            "It went okay",
            Some("My zorblatt nerves"),
            Some("Ask Ms. K"),
        ),
        at(T1),
    )
    .expect("save")
    .expect("entry");
    assert_eq!(first.kind, EntryKind::GoalCheckin);
    assert_eq!(
        first.goal,
        Some(GoalCheckinPart {
            goal_id: goal.id,
            in_the_way: Some("My zorblatt nerves".into()),
            next_step: Some("Ask Ms. K".into()),
        })
    );
    assert_eq!(first.checkin.as_ref().map(|c| c.feelings.len()), Some(1));
    assert_eq!(journal::get_entry(g.conn(), first.id).expect("get"), first);

    // Only "what got in the way" and "the next step": not empty; the excerpt shows them.
    let second = journal::save_entry(
        g.conn(),
        EntryDraft {
            checkin: None,
            ..goal_checkin(goal.id, "", None, Some("Try again on Friday"))
        },
        at(T2),
    )
    .expect("save")
    .expect("entry");
    // A goal id alone is an empty draft: nothing saved.
    let empty = journal::save_entry(
        g.conn(),
        EntryDraft {
            checkin: None,
            ..goal_checkin(goal.id, " ", Some("  "), None)
        },
        at(T2),
    )
    .expect("save");
    assert!(empty.is_none());

    let detail = get_goal(g.conn(), goal.id).expect("detail");
    assert_eq!(
        detail.checkins.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![second.id, first.id],
        "newest first"
    );
    assert_eq!(detail.checkins[0].excerpt, "Try again on Friday");
    assert_eq!(detail.checkins[1].excerpt, "It went okay");
    assert_eq!(detail.checkins[1].feelings, ["hopeful"]);
    assert_eq!(detail.goal.checkins, 2);
    assert_eq!(
        detail.goal.last_checkin_at.as_deref(),
        Some(second.created_at.as_str())
    );

    // Found by what got in the way, and by the next step.
    assert_eq!(search(&g, "zorblatt"), vec![first.id]);
    assert_eq!(search(&g, "friday"), vec![second.id]);

    // An unchanged save writes nothing; an edit of the goal part is saved.
    let same = journal::save_entry(
        g.conn(),
        EntryDraft {
            id: Some(first.id),
            ..goal_checkin(
                goal.id,
                "It went okay",
                Some("My zorblatt nerves"),
                Some("Ask Ms. K"),
            )
        },
        at(T3),
    )
    .expect("save")
    .expect("entry");
    assert_eq!(same.updated_at, first.updated_at);
    let edited = journal::save_entry(
        g.conn(),
        EntryDraft {
            id: Some(first.id),
            ..goal_checkin(goal.id, "It went okay", Some("Quibbleflux"), None)
        },
        at(T3),
    )
    .expect("save")
    .expect("entry");
    assert_eq!(edited.goal.as_ref().and_then(|p| p.next_step.clone()), None);
    assert_eq!(search(&g, "quibbleflux"), vec![first.id]);

    // In the trash: not counted, not listed.
    journal::delete_entry(g.conn(), second.id, at(T3)).expect("trash");
    let detail = get_goal(g.conn(), goal.id).expect("detail");
    assert_eq!(detail.checkins.len(), 1);
    assert_eq!(detail.goal.checkins, 1);
    assert_eq!(
        detail.goal.last_checkin_at.as_deref(),
        Some(first.created_at.as_str())
    );
    journal::restore_entry(g.conn(), second.id).expect("restore");

    // Deleting the goal removes it and its steps; its check-ins stay in the journal.
    delete_goal(g.conn(), goal.id).expect("delete");
    assert_eq!(code(get_goal(g.conn(), goal.id)), "not_found");
    assert_eq!(code(delete_goal(g.conn(), goal.id)), "not_found");
    assert_eq!(count(&g, "goal_steps"), 0);
    let kept = journal::get_entry(g.conn(), first.id).expect("still there");
    assert_eq!(kept.goal.as_ref().map(|p| p.goal_id), Some(goal.id));
    assert_eq!(search(&g, "quibbleflux"), vec![first.id]);
    // Its words can still be edited (the link to the gone goal stays) ...
    let edited = journal::save_entry(
        g.conn(),
        EntryDraft {
            id: Some(first.id),
            ..goal_checkin(goal.id, "It went well after all", Some("Quibbleflux"), None)
        },
        at(T3),
    )
    .expect("save")
    .expect("entry");
    assert_eq!(edited.body, "It went well after all");
    // ... but a new check-in can't name a goal that is gone, and the new goal never gets
    // the deleted goal's id.
    assert_eq!(
        journal::save_entry(g.conn(), goal_checkin(goal.id, "new", None, None), at(T3))
            .expect_err("gone")
            .code(),
        "invalid_input"
    );
    let next = save(&g, draft("Next goal", vec![]), T3);
    assert_ne!(next.id, goal.id);
    assert_eq!(
        get_goal(g.conn(), next.id).expect("detail").checkins,
        vec![]
    );
}

#[test]
fn the_goal_part_belongs_only_to_goal_checkins() {
    let g = vault();
    let goal = save(&g, draft("Goal", vec![]), T0);
    let free_with_goal = EntryDraft {
        kind: EntryKind::Free,
        checkin: None,
        ..goal_checkin(goal.id, "text", None, None)
    };
    assert_eq!(
        journal::save_entry(g.conn(), free_with_goal, at(T0))
            .expect_err("not a goal check-in")
            .code(),
        "invalid_input"
    );
    let too_long = goal_checkin(goal.id, "x", Some(&"w".repeat(20_001)), None);
    assert_eq!(
        journal::save_entry(g.conn(), too_long, at(T0))
            .expect_err("too long")
            .code(),
        "invalid_input"
    );
    assert_eq!(count(&g, "entries"), 0);
    // Turning a goal check-in into a free entry drops its goal part.
    let e = journal::save_entry(
        g.conn(),
        goal_checkin(goal.id, "how", Some("x"), None),
        at(T0),
    )
    .expect("save")
    .expect("entry");
    let free = journal::save_entry(
        g.conn(),
        EntryDraft {
            id: Some(e.id),
            kind: EntryKind::Free,
            title: None,
            body: "how".into(),
            tags: vec![],
            prompt_id: None,
            checkin: None,
            goal: None,
            identity: None,
        },
        at(T1),
    )
    .expect("save")
    .expect("entry");
    assert_eq!(free.goal, None);
    assert_eq!(count(&g, "goal_checkins"), 0);
    // Deleting the entry for good removes its goal part too.
    let e = journal::save_entry(
        g.conn(),
        goal_checkin(goal.id, "how", Some("x"), None),
        at(T0),
    )
    .expect("save")
    .expect("entry");
    journal::delete_entry(g.conn(), e.id, at(T1)).expect("trash");
    journal::purge_entry(g.conn(), e.id).expect("purge");
    assert_eq!(count(&g, "goal_checkins"), 0);
}

// ── Proposals ───────────────────────────────────────────────────────────────────────────────

fn proposal(title: &str, source: Option<&str>) -> ProposalDraft {
    ProposalDraft {
        kind: ProposalKind::Goal,
        from_name: " Ms. Alvarez ".into(),
        title: title.into(),
        why: Some("You said mornings are hard".into()),
        steps: vec!["Lay out clothes the night before".into(), "  ".into()],
        note: Some("Only if it feels right".into()),
        for_goal_id: None,
        source_id: source.map(Into::into),
    }
}

#[test]
fn the_same_proposal_imported_twice_is_added_once() {
    let g = vault();
    let first = add_proposal(
        g.conn(),
        proposal("Easier mornings", Some("share-1/p1")),
        at(T0),
    )
    .expect("add");
    assert_eq!(first.status, ProposalStatus::Pending);
    assert_eq!(first.from_name, "Ms. Alvarez");
    assert_eq!(first.steps, ["Lay out clothes the night before"]);
    assert_eq!(first.received_at, "2026-03-10T09:30:00.250-05:00");
    assert!(!first.for_goal_missing && first.goal_id.is_none() && first.decided_at.is_none());
    let again = add_proposal(
        g.conn(),
        proposal("Easier mornings", Some("share-1/p1")),
        at(T1),
    )
    .expect("again");
    assert_eq!(again, first);
    assert_eq!(count(&g, "proposals"), 1);
    // Without a source id, each one is new.
    add_proposal(g.conn(), proposal("Easier mornings", None), at(T1)).expect("add");
    add_proposal(g.conn(), proposal("Easier mornings", None), at(T1)).expect("add");
    assert_eq!(count(&g, "proposals"), 3);
    // A bad proposal is refused.
    let mut bad = proposal(" ", Some("share-1/p2"));
    assert_eq!(
        code(add_proposal(g.conn(), bad.clone(), at(T1))),
        "invalid_input"
    );
    bad.title = "ok".into();
    bad.from_name = "n".repeat(FROM_NAME_MAX_CHARS + 1);
    assert_eq!(code(add_proposal(g.conn(), bad, at(T1))), "invalid_input");
    assert_eq!(count(&g, "proposals"), 3);
}

#[test]
fn accepting_a_goal_proposal_makes_a_goal_with_the_counselors_words() {
    let g = vault();
    let p = add_proposal(g.conn(), proposal("Easier mornings", Some("s1")), at(T0)).expect("add");
    let out = decide_proposal(g.conn(), p.id, ProposalDecision::Accept, at(T1)).expect("accept");
    let goal = out.goal.expect("a goal");
    assert_eq!(goal.title, "Easier mornings");
    assert_eq!(goal.why.as_deref(), Some("You said mornings are hard"));
    assert_eq!(texts(&goal), ["Lay out clothes the night before"]);
    assert!(goal.made_with_counselor);
    assert_eq!(goal.status, GoalStatus::Active);
    assert_eq!(
        goal.counselor_words,
        Some(CounselorWords {
            from_name: "Ms. Alvarez".into(),
            title: "Easier mornings".into(),
            why: Some("You said mornings are hard".into()),
            steps: vec!["Lay out clothes the night before".into()],
            note: Some("Only if it feels right".into()),
        })
    );
    assert_eq!(out.proposal.status, ProposalStatus::Accepted);
    assert_eq!(out.proposal.goal_id, Some(goal.id));
    assert_eq!(
        out.proposal.decided_at.as_deref(),
        Some("2026-03-11T18:00:00.000-05:00")
    );
    // Deciding twice is refused, and nothing more is made.
    for decision in [ProposalDecision::Accept, ProposalDecision::NotNow] {
        assert_eq!(
            code(decide_proposal(g.conn(), p.id, decision, at(T2))),
            "invalid_input"
        );
    }
    assert_eq!(count(&g, "goals"), 1);
    assert_eq!(
        code(decide_proposal(
            g.conn(),
            999,
            ProposalDecision::Accept,
            at(T2)
        )),
        "not_found"
    );
}

#[test]
fn changing_a_goal_proposal_keeps_the_persons_words_and_the_counselors_apart() {
    let g = vault();
    let p = add_proposal(g.conn(), proposal("Easier mornings", Some("s1")), at(T0)).expect("add");
    // Without the person's version: refused, still pending.
    let none = ProposalDecision::Change {
        goal: None,
        prompt_text: None,
    };
    assert_eq!(
        code(decide_proposal(g.conn(), p.id, none, at(T1))),
        "invalid_input"
    );
    let mut mine = draft(
        "Mornings that feel okay",
        vec![new_step("Alarm across the room")],
    );
    mine.made_with_counselor = true;
    // An empty title in the person's version: refused, still pending.
    let mut empty = mine.clone();
    empty.title = "  ".into();
    let change = |d: GoalDraft| ProposalDecision::Change {
        goal: Some(d),
        prompt_text: None,
    };
    assert_eq!(
        code(decide_proposal(g.conn(), p.id, change(empty), at(T1))),
        "invalid_input"
    );
    assert_eq!(count(&g, "goals"), 0);

    let out = decide_proposal(g.conn(), p.id, change(mine), at(T1)).expect("change");
    let goal = out.goal.expect("goal");
    assert_eq!(goal.title, "Mornings that feel okay");
    assert_eq!(texts(&goal), ["Alarm across the room"]);
    assert!(goal.made_with_counselor);
    let words = goal.counselor_words.expect("counselor's words kept");
    assert_eq!(words.title, "Easier mornings");
    assert_eq!(words.steps, ["Lay out clothes the night before"]);
    assert_eq!(out.proposal.status, ProposalStatus::Changed);
    assert_eq!(out.proposal.goal_id, Some(goal.id));
}

#[test]
fn not_now_changes_nothing_but_the_proposal_and_lists_it_after_the_pending_ones() {
    let g = vault();
    let older = add_proposal(g.conn(), proposal("Older", Some("a")), at(T0)).expect("add");
    let declined = add_proposal(g.conn(), proposal("Declined", Some("b")), at(T2)).expect("add");
    let newer = add_proposal(g.conn(), proposal("Newer", Some("c")), at(T1)).expect("add");
    let out =
        decide_proposal(g.conn(), declined.id, ProposalDecision::NotNow, at(T3)).expect("not now");
    assert_eq!(out.goal, None);
    assert_eq!(out.proposal.status, ProposalStatus::Declined);
    assert_eq!(out.proposal.goal_id, None);
    assert_eq!(count(&g, "goals"), 0);
    let ids: Vec<i64> = list_proposals(g.conn())
        .expect("list")
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(ids, vec![newer.id, older.id, declined.id]);
}

#[test]
fn a_proposal_about_a_goal_adds_its_steps_or_becomes_a_new_goal_once_that_goal_is_deleted() {
    let g = vault();
    let goal = save(
        &g,
        draft("Sleep better", vec![new_step("Phone away at 10")]),
        T0,
    );
    let about = |source: &str, steps: Vec<String>| ProposalDraft {
        for_goal_id: Some(goal.id),
        steps,
        ..proposal("Read before bed", Some(source))
    };
    let next_step = add_proposal(
        g.conn(),
        about("n1", vec!["Read two pages".into(), "Dim the lights".into()]),
        at(T1),
    )
    .expect("add");
    assert!(!next_step.for_goal_missing);
    let out =
        decide_proposal(g.conn(), next_step.id, ProposalDecision::Accept, at(T1)).expect("accept");
    let updated = out.goal.expect("the goal");
    assert_eq!(updated.id, goal.id);
    assert_eq!(
        texts(&updated),
        ["Phone away at 10", "Read two pages", "Dim the lights"]
    );
    assert_eq!(updated.title, "Sleep better", "the person's words stay");
    assert!(updated.counselor_words.is_none());
    // Without steps, the suggestion itself becomes the next step.
    let bare = add_proposal(g.conn(), about("n2", vec![]), at(T1)).expect("add");
    let out = decide_proposal(g.conn(), bare.id, ProposalDecision::Accept, at(T1)).expect("ok");
    assert_eq!(
        texts(&out.goal.expect("goal")).last(),
        Some(&"Read before bed")
    );

    // Changing one about the goal may edit that goal (but not another one).
    let edit = add_proposal(g.conn(), about("n3", vec!["Tea".into()]), at(T1)).expect("add");
    let other = save(&g, draft("Other", vec![]), T1);
    let mut wrong = as_draft(&other);
    wrong.title = "Hijacked".into();
    let change = |d: GoalDraft| ProposalDecision::Change {
        goal: Some(d),
        prompt_text: None,
    };
    assert_eq!(
        code(decide_proposal(g.conn(), edit.id, change(wrong), at(T2))),
        "invalid_input"
    );
    let mut mine = as_draft(&read_goal(g.conn(), goal.id).expect("goal"));
    mine.steps.push(new_step("Chamomile tea"));
    let out = decide_proposal(g.conn(), edit.id, change(mine), at(T2)).expect("change");
    assert_eq!(out.goal.expect("goal").steps.len(), 5);

    // The goal is deleted while a proposal about it waits.
    let pending =
        add_proposal(g.conn(), about("n4", vec!["Lavender".into()]), at(T2)).expect("add");
    delete_goal(g.conn(), goal.id).expect("delete");
    let listed = list_proposals(g.conn()).expect("list");
    let shown = listed.iter().find(|p| p.id == pending.id).expect("listed");
    assert!(shown.for_goal_missing);
    assert_eq!(shown.for_goal_id, Some(goal.id));
    // Proposals that made or changed the deleted goal no longer point at it.
    assert!(listed
        .iter()
        .filter(|p| p.id != pending.id)
        .all(|p| p.goal_id.is_none()));
    let out =
        decide_proposal(g.conn(), pending.id, ProposalDecision::Accept, at(T3)).expect("accept");
    let fresh = out.goal.expect("a new goal");
    assert_ne!(fresh.id, goal.id);
    assert_eq!(fresh.title, "Read before bed");
    assert_eq!(texts(&fresh), ["Lavender"]);
    assert!(fresh.made_with_counselor && fresh.counselor_words.is_some());
}

#[test]
fn prompt_proposals_become_the_persons_own_prompts() {
    let g = vault();
    let prompt = |title: &str, source: &str| ProposalDraft {
        kind: ProposalKind::Prompt,
        steps: vec![],
        why: None,
        ..proposal(title, Some(source))
    };
    let a =
        add_proposal(g.conn(), prompt("What made you smile today?", "p1"), at(T0)).expect("add");
    let b = add_proposal(
        g.conn(),
        prompt("What do you need this week?", "p2"),
        at(T0),
    )
    .expect("add");
    let c = add_proposal(g.conn(), prompt("Who do you trust?", "p3"), at(T0)).expect("add");
    let out = decide_proposal(g.conn(), a.id, ProposalDecision::Accept, at(T1)).expect("accept");
    assert_eq!(out.goal, None);
    assert_eq!(out.proposal.status, ProposalStatus::Accepted);
    let change = ProposalDecision::Change {
        goal: None,
        prompt_text: Some("  What do I need this week?  ".into()),
    };
    decide_proposal(g.conn(), b.id, change, at(T1)).expect("change");
    let blank = ProposalDecision::Change {
        goal: None,
        prompt_text: Some(" ".into()),
    };
    assert_eq!(
        code(decide_proposal(g.conn(), c.id, blank, at(T1))),
        "invalid_input"
    );
    decide_proposal(g.conn(), c.id, ProposalDecision::NotNow, at(T1)).expect("not now");

    let library: JournalLibrary = journal::load_library(g.conn()).expect("library");
    let prompts: Vec<(&str, &str)> = library
        .custom_prompts
        .iter()
        .map(|p| (p.id.as_str(), p.text.as_str()))
        .collect();
    assert_eq!(
        prompts,
        [
            (
                format!("counselor-{}", a.id).as_str(),
                "What made you smile today?"
            ),
            (
                format!("counselor-{}", b.id).as_str(),
                "What do I need this week?"
            ),
        ]
    );
    assert_eq!(count(&g, "goals"), 0);
}

// ── Reminders ───────────────────────────────────────────────────────────────────────────────

fn local(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("local time")
}

fn settings(daily: Option<&str>, quiet: Option<(&str, &str)>) -> ReminderSettings {
    ReminderSettings {
        daily_checkin: daily.map(Into::into),
        quiet_from: quiet.map(|q| q.0.into()),
        quiet_to: quiet.map(|q| q.1.into()),
    }
}

fn rem(weekdays: &[u8], time: &str) -> GoalReminder {
    GoalReminder {
        weekdays: weekdays.to_vec(),
        time: time.into(),
    }
}

fn goal_rem(status: GoalStatus, weekdays: &[u8], time: &str) -> GoalReminderState {
    GoalReminderState {
        status,
        reminder: rem(weekdays, time),
    }
}

fn sched(settings: ReminderSettings, goals: &[GoalReminderState]) -> Schedule {
    schedule(&settings, goals)
}

#[test]
fn quiet_hours_may_wrap_past_midnight() {
    let t = |s: &str| chrono::NaiveTime::parse_from_str(s, "%H:%M").expect("time");
    let night = sched(settings(None, Some(("22:00", "07:00"))), &[]);
    let day = sched(settings(None, Some(("13:00", "14:30"))), &[]);
    for (s, time, inside) in [
        (&night, "21:59", false),
        (&night, "22:00", true),
        (&night, "23:59", true),
        (&night, "00:00", true),
        (&night, "06:59", true),
        (&night, "07:00", false),
        (&night, "12:00", false),
        (&day, "12:59", false),
        (&day, "13:00", true),
        (&day, "14:29", true),
        (&day, "14:30", false),
        (&Schedule::default(), "03:00", false),
    ] {
        assert_eq!(in_quiet_hours(s, t(time)), inside, "{time} in {s:?}");
    }
}

#[test]
fn what_is_due_table() {
    // 2026-03-09 is a Monday (weekday 0); 2026-03-14 a Saturday (5).
    let none = ReminderLog::default();
    let daily = || settings(Some("09:00"), None);
    let no_daily = || settings(None, None);
    let weekday_goal = vec![goal_rem(GoalStatus::Active, &[0, 2, 4], "18:00")];
    type Case = (
        &'static str,
        ReminderSettings,
        Vec<GoalReminderState>,
        &'static str,
        Vec<&'static str>,
    );
    let cases: Vec<Case> = vec![
        (
            "before its time",
            daily(),
            vec![],
            "2026-03-09 08:59",
            vec![],
        ),
        (
            "at its time",
            daily(),
            vec![],
            "2026-03-09 09:00",
            vec![DAILY_KEY],
        ),
        (
            "within grace",
            daily(),
            vec![],
            "2026-03-09 09:30",
            vec![DAILY_KEY],
        ),
        ("past grace", daily(), vec![], "2026-03-09 09:31", vec![]),
        (
            "goal on its weekday",
            no_daily(),
            weekday_goal.clone(),
            "2026-03-09 18:05",
            vec!["0,2,4@18:00"],
        ),
        (
            "goal not on its weekday",
            no_daily(),
            weekday_goal.clone(),
            "2026-03-10 18:05",
            vec![],
        ),
        (
            "inside quiet hours",
            settings(Some("23:30"), Some(("22:00", "07:00"))),
            vec![],
            "2026-03-09 23:35",
            vec![],
        ),
        (
            "inside quiet hours after midnight",
            settings(Some("00:30"), Some(("22:00", "07:00"))),
            weekday_goal.clone(),
            "2026-03-10 00:30",
            vec![],
        ),
        (
            "quiet hours end within grace",
            settings(Some("06:45"), Some(("22:00", "07:00"))),
            vec![],
            "2026-03-09 07:00",
            vec![DAILY_KEY],
        ),
        (
            "daytime quiet hours",
            settings(Some("13:15"), Some(("13:00", "14:00"))),
            vec![],
            "2026-03-09 13:15",
            vec![],
        ),
        (
            "yesterday's late reminder just after midnight",
            settings(Some("23:50"), None),
            vec![],
            "2026-03-10 00:10",
            vec![DAILY_KEY],
        ),
        (
            "a weekday reminder late on Sunday, checked early Monday",
            no_daily(),
            vec![goal_rem(GoalStatus::Active, &[6], "23:55")],
            "2026-03-09 00:05",
            vec!["6@23:55"],
        ),
    ];
    for (what, s, goals, now, expected) in cases {
        let d = due(&sched(s, &goals), &none, local(now));
        assert_eq!(d.covered, expected, "{what}");
        assert_eq!(d.notify, !expected.is_empty(), "{what}");
    }
    assert_eq!(GRACE_MINUTES, 30);
}

#[test]
fn the_schedule_keeps_only_active_goals_times_once_each() {
    let s = sched(
        settings(Some("18:00"), Some(("22:00", "07:00"))),
        &[
            goal_rem(GoalStatus::Active, &[], "18:10"),
            goal_rem(GoalStatus::Paused, &[], "07:00"),
            goal_rem(GoalStatus::Done, &[1], "08:00"),
            goal_rem(GoalStatus::LetGo, &[2], "09:00"),
            goal_rem(GoalStatus::Active, &[0, 2], "17:30"),
            goal_rem(GoalStatus::Active, &[], "18:10"),
        ],
    );
    assert_eq!(
        s,
        Schedule {
            daily_checkin: Some("18:00".into()),
            quiet_from: Some("22:00".into()),
            quiet_to: Some("07:00".into()),
            reminders: vec![rem(&[0, 2], "17:30"), rem(&[], "18:10")],
        }
    );
    assert_eq!(reminder_key(&rem(&[0, 2], "17:30")), "0,2@17:30");
    assert_eq!(reminder_key(&rem(&[], "18:10")), "*@18:10");
}

#[test]
fn only_active_goals_remind_and_one_notification_covers_everything_due() {
    let s = sched(
        settings(Some("18:00"), None),
        &[
            goal_rem(GoalStatus::Active, &[], "18:00"),
            goal_rem(GoalStatus::Paused, &[3], "18:00"),
            goal_rem(GoalStatus::Done, &[4], "18:00"),
            goal_rem(GoalStatus::LetGo, &[5], "18:00"),
            goal_rem(GoalStatus::Active, &[], "18:10"),
        ],
    );
    let mut log = ReminderLog::default();
    let now = local("2026-03-09 18:00");
    let d = due(&s, &log, now);
    assert_eq!(
        d,
        Decision {
            notify: true,
            covered: vec!["*@18:00".into(), DAILY_KEY.into()]
        }
    );
    log.record(&d, now);
    // The same minute again: nothing.
    assert_eq!(
        due(&s, &log, local("2026-03-09 18:01")),
        Decision::default()
    );
    // The other goal comes due ten minutes later: covered by the notification just shown.
    let later = local("2026-03-09 18:10");
    let d = due(&s, &log, later);
    assert_eq!(d.covered, ["*@18:10"]);
    assert!(!d.notify, "no second notification within the gap");
    log.record(&d, later);
    assert_eq!(
        due(&s, &log, local("2026-03-09 18:20")),
        Decision::default()
    );
    // The next day (a Tuesday: the paused goal's day), it fires again, paused goal or not.
    let d = due(&s, &log, local("2026-03-10 18:00"));
    assert!(d.notify);
    assert_eq!(d.covered, ["*@18:00", DAILY_KEY]);
}

#[test]
fn reminder_settings_are_checked_and_stored() {
    let g = vault();
    assert_eq!(
        load_reminder_settings(g.conn()).expect("load"),
        ReminderSettings::default()
    );
    let saved = save_reminder_settings(
        g.conn(),
        ReminderSettings {
            daily_checkin: Some(" 20:30 ".into()),
            quiet_from: Some("22:00".into()),
            quiet_to: Some("07:00".into()),
        },
    )
    .expect("save");
    assert_eq!(saved.daily_checkin.as_deref(), Some("20:30"));
    assert_eq!(load_reminder_settings(g.conn()).expect("load"), saved);
    for bad in [
        settings(Some("8:00"), None),
        settings(Some("20:60"), None),
        settings(Some("noon"), None),
        settings(None, Some(("22:00", "22:00"))),
        ReminderSettings {
            daily_checkin: None,
            quiet_from: Some("22:00".into()),
            quiet_to: None,
        },
    ] {
        assert_eq!(code(save_reminder_settings(g.conn(), bad)), "invalid_input");
    }
    assert_eq!(load_reminder_settings(g.conn()).expect("load"), saved);
    let cleared = save_reminder_settings(g.conn(), settings(Some(""), None)).expect("clear");
    assert_eq!(cleared, ReminderSettings::default());
}

// ── The reminder mirror (`reminders.json`, outside the vault) ────────────────────────────────

fn mirror_path(g: &G) -> std::path::PathBuf {
    g._f.dir.path().join(crate::vault::REMINDERS_FILE)
}

fn mirror_text(g: &G) -> String {
    std::fs::read_to_string(mirror_path(g)).expect("mirror file")
}

fn with_reminder(title: &str, weekdays: &[u8], time: &str) -> GoalDraft {
    let mut d = draft(title, vec![new_step("Zanzibar-step-quokka")]);
    d.why = Some("Because of Marisol and the lighthouse".into());
    d.reminder = Some(rem(weekdays, time));
    d
}

#[test]
fn the_mirror_holds_times_only_never_words_or_ids() {
    let g = vault();
    save_reminder_settings(g.conn(), settings(Some("20:30"), Some(("22:00", "07:00"))))
        .expect("settings");
    let a = save(
        &g,
        with_reminder("Call Aunt Philippa", &[0, 2], "17:30"),
        T0,
    );
    let b = save(&g, with_reminder("Xylophone practice", &[], "08:15"), T0);
    journal::save_entry(
        g.conn(),
        goal_checkin(a.id, "Felt wobbly about Philippa", Some("nerves"), None),
        at(T1),
    )
    .expect("check-in");
    sync_mirror(g.conn(), g._f.dir.path()).expect("sync");
    // A check records when reminders fired: still times only.
    assert!(check_mirror(g._f.dir.path(), local("2026-03-09 17:30"), true).expect("check"));
    let text = mirror_text(&g);
    for words in [
        "Philippa",
        "Xylophone",
        "Zanzibar",
        "Marisol",
        "lighthouse",
        "wobbly",
        "nerves",
    ] {
        assert!(!text.contains(words), "{words} leaked into {text}");
    }
    assert!(!text.contains("goal:"), "a goal id in {text}");
    let json: serde_json::Value = serde_json::from_str(&text).expect("json");
    let mut keys: Vec<&str> = json
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "dailyCheckin",
            "fired",
            "lastNotified",
            "quietFrom",
            "quietTo",
            "reminders"
        ]
    );
    assert_eq!(
        json["reminders"],
        serde_json::json!([
            { "weekdays": [], "time": "08:15" },
            { "weekdays": [0, 2], "time": "17:30" }
        ])
    );
    assert_eq!(
        json["fired"],
        serde_json::json!({ "0,2@17:30": "2026-03-09T17:30:00" })
    );
    assert_eq!(json["lastNotified"], "2026-03-09T17:30:00");
    // Each reminder is its days and time, nothing else (no id, no title).
    assert!(b.reminder.is_some());
    for n in json["reminders"]
        .as_array()
        .expect("list")
        .iter()
        .flat_map(|r| r.as_object().expect("object").keys())
    {
        assert!(n == "weekdays" || n == "time", "{n}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(mirror_path(&g))
            .expect("meta")
            .permissions();
        assert_eq!(mode.mode() & 0o777, 0o600);
    }
}

#[test]
fn the_mirror_follows_each_change_and_keeps_times_of_reminders_still_there() {
    let g = vault();
    let folder = g._f.dir.path().to_owned();
    let reminders = |g: &G| load_mirror(g._f.dir.path()).schedule.reminders;
    // Before anything is set, the mirror is written empty.
    sync_mirror(g.conn(), &folder).expect("sync");
    assert_eq!(load_mirror(&folder), ReminderMirror::default());
    assert!(mirror_path(&g).exists());

    let goal = save(&g, with_reminder("Walk", &[0], "18:00"), T0);
    sync_mirror(g.conn(), &folder).expect("sync");
    assert_eq!(reminders(&g), [rem(&[0], "18:00")]);
    // It fires on Monday the 9th.
    assert!(check_mirror(&folder, local("2026-03-09 18:00"), true).expect("check"));

    // Another goal; settings; the first goal's fired time is kept.
    let other = save(&g, with_reminder("Read", &[], "07:30"), T0);
    save_reminder_settings(g.conn(), settings(Some("21:00"), Some(("23:00", "06:00"))))
        .expect("settings");
    sync_mirror(g.conn(), &folder).expect("sync");
    let m = load_mirror(&folder);
    assert_eq!(
        m.schedule.reminders,
        [rem(&[], "07:30"), rem(&[0], "18:00")]
    );
    assert_eq!(m.schedule.daily_checkin.as_deref(), Some("21:00"));
    assert_eq!(m.schedule.quiet_from.as_deref(), Some("23:00"));
    assert_eq!(m.schedule.quiet_to.as_deref(), Some("06:00"));
    assert_eq!(
        m.log.last_fired("0@18:00"),
        Some(local("2026-03-09 18:00")),
        "kept"
    );

    // Paused: its reminder leaves the mirror (and its time is forgotten); resumed: back.
    set_goal_status(g.conn(), goal.id, GoalStatus::Paused, at(T1)).expect("pause");
    sync_mirror(g.conn(), &folder).expect("sync");
    let m = load_mirror(&folder);
    assert_eq!(m.schedule.reminders, [rem(&[], "07:30")]);
    assert_eq!(m.log.last_fired("0@18:00"), None);
    set_goal_status(g.conn(), goal.id, GoalStatus::Active, at(T1)).expect("resume");
    sync_mirror(g.conn(), &folder).expect("sync");
    assert_eq!(reminders(&g), [rem(&[], "07:30"), rem(&[0], "18:00")]);

    // The reminder moved to another time; then removed.
    let mut d = as_draft(&get_goal(g.conn(), goal.id).expect("goal").goal);
    d.reminder = Some(rem(&[1, 3], "19:45"));
    let edited = save(&g, d, T2);
    sync_mirror(g.conn(), &folder).expect("sync");
    assert_eq!(reminders(&g), [rem(&[], "07:30"), rem(&[1, 3], "19:45")]);
    let mut d = as_draft(&edited);
    d.reminder = None;
    save(&g, d, T2);
    sync_mirror(g.conn(), &folder).expect("sync");
    assert_eq!(reminders(&g), [rem(&[], "07:30")]);

    // Done, then deleted: nothing of the goals is left; the settings cleared: empty.
    set_goal_status(g.conn(), other.id, GoalStatus::Done, at(T3)).expect("done");
    sync_mirror(g.conn(), &folder).expect("sync");
    assert!(reminders(&g).is_empty());
    delete_goal(g.conn(), other.id).expect("delete");
    save_reminder_settings(g.conn(), settings(None, None)).expect("clear");
    sync_mirror(g.conn(), &folder).expect("sync");
    assert_eq!(load_mirror(&folder).schedule, Schedule::default());
}

#[test]
fn reminders_are_due_from_the_mirror_while_the_vault_is_locked() {
    let g = vault();
    save_reminder_settings(g.conn(), settings(Some("09:00"), Some(("22:00", "07:00"))))
        .expect("settings");
    save(&g, with_reminder("Stretch", &[0, 2, 4], "18:00"), T0);
    let paused = save(&g, with_reminder("Paint", &[], "12:00"), T0);
    set_goal_status(g.conn(), paused.id, GoalStatus::Paused, at(T0)).expect("pause");
    sync_mirror(g.conn(), g._f.dir.path()).expect("sync");
    // Lock: the data key is gone and the database closed. Only the mirror is left.
    let TestVault { _f: f, vault } = g;
    vault.lock();
    let folder = f.dir.path();
    let check = |now: &str, may_notify: bool| {
        check_mirror(folder, local(now), may_notify).expect("check while locked")
    };
    // Monday 2026-03-09. Right as the app starts: noted, not shown.
    assert!(!check("2026-03-09 09:05", false));
    assert!(!check("2026-03-09 09:06", true), "already covered");
    // The paused goal's noon reminder never fires.
    assert!(!check("2026-03-09 12:00", true));
    // The goal's weekday reminder: shown once.
    assert!(check("2026-03-09 18:00", true));
    assert!(!check("2026-03-09 18:01", true));
    // Tuesday: no goal reminder; the daily one at nine.
    assert!(!check("2026-03-10 08:59", true));
    assert!(check("2026-03-10 09:00", true));
    assert!(!check("2026-03-10 18:00", true));
    // Quiet hours: a daily check-in moved into them (as the mirror would hold it) waits for
    // their end, within its grace time.
    let mut m = load_mirror(folder);
    m.schedule.daily_checkin = Some("06:45".into());
    std::fs::write(
        folder.join(crate::vault::REMINDERS_FILE),
        serde_json::to_vec(&m).expect("json"),
    )
    .expect("write");
    assert!(!check("2026-03-11 06:45", true), "quiet");
    assert!(
        check("2026-03-11 07:00", true),
        "shown when quiet hours end"
    );
    let log = load_mirror(folder).log;
    assert_eq!(log.last_notified, Some(local("2026-03-11 07:00")));
    assert_eq!(log.last_fired(DAILY_KEY), Some(local("2026-03-11 07:00")));
    assert_eq!(
        log.last_fired("0,2,4@18:00"),
        Some(local("2026-03-09 18:00"))
    );

    // A missing or damaged mirror: no reminders, no error.
    std::fs::write(folder.join(crate::vault::REMINDERS_FILE), b"\x00{not json").expect("w");
    assert!(!check("2026-03-12 09:00", true));
    std::fs::remove_file(folder.join(crate::vault::REMINDERS_FILE)).expect("rm");
    assert!(!check("2026-03-12 09:01", true));
    assert!(
        !folder.join(crate::vault::REMINDERS_FILE).exists(),
        "nothing written"
    );
}

#[test]
fn notification_words_are_neutral_and_follow_the_language() {
    assert_eq!(
        notification_text(Language::En, "Cove"),
        (
            "A moment for yourself?".to_owned(),
            "Cove is here when you want it.".to_owned()
        )
    );
    let (title, body) = notification_text(Language::Es, "Notas");
    assert_eq!(title, "¿Un momento para ti?");
    assert_eq!(body, "Notas está aquí cuando lo quieras.");
    assert_eq!(
        notification_language(Some(Language::Es), Some("en_US.UTF-8")),
        Language::Es
    );
    assert_eq!(
        notification_language(None, Some("es_MX.UTF-8")),
        Language::Es
    );
    assert_eq!(
        notification_language(None, Some("en_GB.UTF-8")),
        Language::En
    );
    assert_eq!(notification_language(None, None), Language::En);
}

// ── Migration ───────────────────────────────────────────────────────────────────────────────

#[test]
fn a_v2_database_with_entries_migrates_to_the_goals_schema_and_keeps_them() {
    let mut conn = Connection::open_in_memory().expect("db");
    conn.execute_batch("PRAGMA foreign_keys = ON;").expect("fk");
    let m = crate::vault::migrations::migrations();
    m.to_version(&mut conn, 2).expect("v2");
    // Rows as the v2 journal wrote them.
    conn.execute_batch(
        "INSERT INTO entries (id, kind, created_ms, day, created_at, updated_at, title, body,
                              tag_text, checkin_text)
         VALUES (5, 'free', 1773153000250, '2026-03-10', '2026-03-10T09:30:00.250-05:00',
                 '2026-03-10T09:30:00.250-05:00', 'Before goals', 'A day by the lighthouse',
                 'sea', '');
         INSERT INTO entry_tags (entry_id, pos, tag, tag_key) VALUES (5, 0, 'sea', 'sea');
         INSERT INTO settings (key, value) VALUES ('profile', '{\"name\":\"Sam\"}');",
    )
    .expect("v2 rows");
    m.to_latest(&mut conn).expect("latest");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(
        version,
        i64::from(crate::vault::migrations::latest_version())
    );
    let e = journal::get_entry(&conn, 5).expect("kept");
    assert_eq!(e.title.as_deref(), Some("Before goals"));
    assert_eq!(e.body, "A day by the lighthouse");
    assert_eq!(e.tags, ["sea"]);
    assert_eq!(e.goal, None);
    let hits = journal::search_entries(
        &conn,
        &SearchQuery {
            text: "lighthouse".into(),
            filter: Default::default(),
            limit: 5,
        },
    )
    .expect("search");
    assert_eq!(hits.hits.len(), 1);
    let profile: String = conn
        .query_row(
            "SELECT value FROM settings WHERE key = 'profile'",
            [],
            |r| r.get(0),
        )
        .expect("profile");
    assert!(profile.contains("Sam"));
    // The new tables work on the migrated database.
    let goal = save_goal(&conn, draft("After goals", vec![new_step("one")]), at(T1)).expect("goal");
    let checkin = journal::save_entry(&conn, goal_checkin(goal.id, "fine", None, None), at(T1))
        .expect("save")
        .expect("entry");
    assert_eq!(
        get_goal(&conn, goal.id).expect("detail").checkins[0].id,
        checkin.id
    );
}

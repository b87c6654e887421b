//! Export tests on a real SQLCipher vault in a temporary folder.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::Duration;

use super::*;
use crate::goals::{
    add_proposal, decide_proposal, delete_goal, list_goals, list_proposals, save_goal,
    set_goal_status, GoalArea, GoalCheckinPart, GoalDraft, GoalStatus, ProposalDecision,
    ProposalDraft, ProposalKind, ProposalStatus, StepDraft,
};
use crate::identity::{IdentityKind, IdentityPart, MomentKind};
use crate::journal::{
    delete_entry, get_entry, save_entry, save_library, Checkin, CustomFeeling, CustomPrompt, Entry,
    EntryDraft, EntryKind, FeelingPick, JournalLibrary,
};
use crate::prefs::Language;
use crate::safety::{SafetyContact, SafetyPlan};
use crate::test_support::{at, fixture, free, secret, Fixture};
use crate::vault::{KdfParams, Profile, PronounSet, Vault};

// ── The full-disk switch (fault injection at the export's write call) ────────────────────────

thread_local! {
    static DISK_LIMIT: Cell<Option<u64>> = const { Cell::new(None) };
}

/// Bytes any one export file may take before a write reports a full disk (`ENOSPC`), on this
/// thread; `None` for no limit.
pub(super) fn disk_limit() -> Option<u64> {
    DISK_LIMIT.with(Cell::get)
}

struct DiskLimit;

impl DiskLimit {
    fn set(bytes: u64) -> DiskLimit {
        DISK_LIMIT.with(|c| c.set(Some(bytes)));
        DiskLimit
    }
}

impl Drop for DiskLimit {
    fn drop(&mut self) {
        DISK_LIMIT.with(|c| c.set(None));
    }
}

// ── Fixtures ──────────────────────────────────────────────────────────────────────────────────

struct J {
    _f: Fixture,
    vault: Vault,
    /// Where exports go (outside the data folder).
    out: tempfile::TempDir,
}

impl J {
    fn conn(&self) -> &rusqlite::Connection {
        self.vault.conn()
    }

    fn out(&self) -> &Path {
        self.out.path()
    }
}

fn journal() -> J {
    let f = fixture();
    let vault = Vault::create(&f.dir, &secret("an export for me"), KdfParams::floor())
        .expect("create")
        .0;
    J {
        _f: f,
        vault,
        out: tempfile::tempdir().expect("out dir"),
    }
}

const NOW: &str = "2026-03-15T18:00:00.000-05:00";

fn save(j: &J, draft: EntryDraft, when: &str) -> Entry {
    save_entry(j.conn(), draft, at(when))
        .expect("save")
        .expect("not empty")
}

fn pick(feeling: &str, intensity: u8, valence: i8) -> FeelingPick {
    FeelingPick {
        feeling: feeling.into(),
        intensity,
        valence,
    }
}

fn names(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn input(j: &J, format: ExportFormat, language: Language) -> ExportInput {
    input_to(j.out(), format, language)
}

fn input_to(folder: &Path, format: ExportFormat, language: Language) -> ExportInput {
    ExportInput {
        format,
        folder: folder.to_string_lossy().into_owned(),
        language,
        feeling_names: names(&[("calm", "Calm")]),
        sensation_names: names(&[("tight_chest", "Tight chest")]),
        prompt_texts: names(&[("feelings.07", "What made you smile today?")]),
        app_name: None,
    }
}

/// Runs an export, checking the progress contract on the way; returns the result and the calls.
fn export(j: &J, input: &ExportInput) -> (Result<ExportResult, ExportError>, Vec<(u64, u64)>) {
    let mut calls = Vec::new();
    let result = export_journal(j.conn(), input, at(NOW), &mut |done, total| {
        calls.push((done, total));
    });
    (result, calls)
}

fn export_ok(j: &J, input: &ExportInput) -> ExportResult {
    let (result, calls) = export(j, input);
    let result = result.expect("export");
    check_progress(&calls, u64::from(result.entries));
    result
}

/// Progress starts at 0, never goes back, moves at most 100 entries at a time and ends at total.
fn check_progress(calls: &[(u64, u64)], total: u64) {
    assert_eq!(calls.first(), Some(&(0, total)), "first call");
    assert_eq!(calls.last(), Some(&(total, total)), "last call");
    for pair in calls.windows(2) {
        assert!(pair[1].0 >= pair[0].0, "progress went back: {pair:?}");
        assert!(pair[1].0 - pair[0].0 <= 100, "a gap over 100: {pair:?}");
        assert_eq!(pair[1].1, total);
    }
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn read(path: impl AsRef<Path>) -> String {
    fs::read_to_string(path).expect("read export file")
}

/// The small journal most tests export, with its entries in the order written.
struct Sample {
    j: J,
    /// Outside the trash, oldest first.
    kept: Vec<Entry>,
    trashed: Entry,
}

const SCRIPT: &str = "<script>alert('hi')</script>\n\n**bold** and שלום עולם 🌈";
const TRASHED_WORDS: &str = "This one goes to the trash";

fn sample() -> Sample {
    let j = journal();
    save_library(
        j.conn(),
        JournalLibrary {
            custom_feelings: vec![CustomFeeling {
                id: "own1".into(),
                word: "fizzy-nervous".into(),
                core: None,
                meaning: None,
            }],
            custom_prompts: vec![CustomPrompt {
                id: "p1".into(),
                text: "What did I learn today?".into(),
                group: None,
            }],
            ..JournalLibrary::default()
        },
    )
    .expect("library");
    crate::safety::save(
        j.conn(),
        SafetyPlan {
            warning_signs: vec!["I stop answering texts".into()],
            people_to_ask: vec![SafetyContact {
                name: "Aunt Rosa".into(),
                phone: Some("555 0100".into()),
                note: Some("evenings".into()),
            }],
            reasons_for_living: vec!["My cat 🐈".into()],
            ..SafetyPlan::default()
        },
    )
    .expect("plan");
    j.vault
        .save_profile(&Profile {
            name: Some("Sam".into()),
            pronouns: PronounSet::common("they"),
            ..Profile::default()
        })
        .expect("profile");

    let january = save(
        &j,
        EntryDraft {
            title: Some("End of January".into()),
            tags: vec!["school".into()],
            ..free("Last day of the month 🌙\n")
        },
        "2026-01-31T22:15:00.000-05:00",
    );
    // Saved before the morning check-in of the same day, but written later that day.
    let evening = save(
        &j,
        EntryDraft {
            title: Some("Line one\nLine two".into()),
            prompt_id: Some("feelings.07".into()),
            ..free(SCRIPT)
        },
        "2026-02-01T19:45:00.000-05:00",
    );
    let morning = save(
        &j,
        EntryDraft {
            kind: EntryKind::Checkin,
            tags: vec!["my friends".into()],
            checkin: Some(Checkin {
                feelings: vec![
                    pick("calm", 2, 1),
                    pick("custom:own1", 4, -1),
                    pick("mystery_feeling", 5, 0),
                ],
                pleasantness: Some(0.5),
                energy: Some(-0.7),
                sensations: vec!["tight_chest".into(), "unknown_sense".into()],
                going_on: Some("A test tomorrow\nand practice".into()),
                helped: Some("Music 🎧".into()),
            }),
            ..free("")
        },
        "2026-02-01T08:00:00.000-05:00",
    );
    let own_prompt = save(
        &j,
        EntryDraft {
            prompt_id: Some("custom:p1".into()),
            ..free("My own prompt answer")
        },
        "2026-03-10T09:30:00.000-05:00",
    );
    let trashed = save(&j, free(TRASHED_WORDS), "2026-03-10T12:00:00.000-05:00");
    delete_entry(j.conn(), trashed.id, at("2026-03-11T12:00:00.000-05:00")).expect("trash");
    let reflection = save(
        &j,
        EntryDraft {
            kind: EntryKind::Reflection,
            ..free("Who I am, in my words.")
        },
        "2026-03-10T21:05:00.000+01:00",
    );
    Sample {
        j,
        kept: vec![january, morning, evening, own_prompt, reflection],
        trashed,
    }
}

// ── Markdown ──────────────────────────────────────────────────────────────────────────────────

#[test]
fn markdown_export_writes_one_file_per_day_with_everything_as_written() {
    let s = sample();
    let j = &s.j;
    let result = export_ok(j, &input(j, ExportFormat::Markdown, Language::En));

    let folder = j.out().join("Cove export 2026-03-15");
    assert_eq!(PathBuf::from(&result.path), folder);
    assert_eq!(result.entries, 5);
    assert_eq!(result.files, 5);
    assert_eq!(
        listing(j.out()),
        ["Cove export 2026-03-15"],
        "no temporary leftovers"
    );
    assert_eq!(
        listing(&folder),
        [
            "2026-01-31.md",
            "2026-02-01.md",
            "2026-03-10.md",
            "README.md",
            "safety-plan.md"
        ]
    );

    let jan = read(folder.join("2026-01-31.md"));
    assert!(jan.starts_with("# Saturday, January 31, 2026\n\n## 10:15 PM · End of January\n\n"));
    assert!(jan.ends_with("\n\nLast day of the month 🌙\n\n**Tags:** #school\n"));
    assert!(!jan.contains("*Check-in*"), "free writing has no kind line");

    let feb = read(folder.join("2026-02-01.md"));
    assert!(feb.starts_with("# Sunday, February 1, 2026\n"));
    let morning = feb.find("## 8:00 AM\n").expect("morning heading");
    let evening = feb
        .find("## 7:45 PM · Line one Line two\n")
        .expect("title on one line");
    assert!(
        morning < evening,
        "in the order written, not the order saved"
    );
    assert!(
        feb.contains("**Tags:** #my friends\n\n---\n\n## 7:45 PM"),
        "a rule between"
    );
    assert_eq!(
        feb.lines().filter(|l| *l == "---").count(),
        1,
        "only between entries"
    );
    assert!(
        !feb.lines().any(|l| l == "Line two"),
        "the title stays whole"
    );
    assert!(feb.contains("*Check-in*\n"));
    assert!(feb.contains(
        "- **Feelings:** Calm — some, fizzy-nervous — a lot, mystery_feeling — very strongly\n"
    ));
    assert!(feb.contains("- **Where it sat:** a bit pleasant, very low energy\n"));
    assert!(feb.contains("- **In the body:** Tight chest, unknown sense\n"));
    assert!(feb.contains("**What's going on**\n\nA test tomorrow\nand practice\n\n"));
    assert!(feb.contains("**What helped**\n\nMusic 🎧\n\n"));
    assert!(feb.contains("**Tags:** #my friends\n"));
    assert!(feb.contains("> **Answering:** What made you smile today?\n"));
    // The body byte for byte: HTML-looking text stays literal, RTL and emoji untouched.
    assert!(feb.ends_with(&format!("\n\n{SCRIPT}\n")));
    assert!(!feb.contains("&lt;"));

    let mar = read(folder.join("2026-03-10.md"));
    assert!(mar.starts_with("# Tuesday, March 10, 2026\n"));
    assert!(mar.contains("> **Answering:** What did I learn today?\n\nMy own prompt answer\n"));
    assert!(mar.contains("## 9:05 PM\n\n*Reflection*\n\nWho I am, in my words.\n"));
    assert!(
        mar.find("My own prompt answer") < mar.find("Who I am"),
        "order written"
    );

    // Round trip: every body is in its day's file, and nothing from the trash is anywhere.
    for entry in &s.kept {
        let text = read(folder.join(format!("{}.md", entry.day)));
        assert!(
            text.contains(entry.body.trim_end()),
            "entry {} missing",
            entry.id
        );
    }
    for name in listing(&folder) {
        assert!(!read(folder.join(&name)).contains(TRASHED_WORDS), "{name}");
    }

    let plan = read(folder.join("safety-plan.md"));
    assert!(plan.starts_with("# My safety plan\n"));
    assert!(plan.contains("## Signs a hard time might be coming\n\n- I stop answering texts\n"));
    assert!(plan.contains("## People I can ask for help\n\n- Aunt Rosa — 555 0100 — evenings\n"));
    assert!(plan.contains("## What keeps me going\n\n- My cat 🐈\n"));
    assert!(
        !plan.contains("Making my space safer"),
        "empty sections are left out"
    );

    let readme = read(folder.join("README.md"));
    assert!(readme.contains("made on Sunday, March 15, 2026 at 6:00 PM"));
    assert!(readme.contains("isn't locked. Anyone who can open this folder can read it."));
    assert!(readme.contains("`safety-plan.md`"));
}

#[test]
fn markdown_headings_follow_the_chosen_language() {
    let s = sample();
    let j = &s.j;
    let result = export_ok(j, &input(j, ExportFormat::Markdown, Language::Es));
    let folder = PathBuf::from(&result.path);

    let feb = read(folder.join("2026-02-01.md"));
    assert!(
        feb.starts_with("# domingo 1 de febrero de 2026\n\n## 08:00\n\n*Registro de emociones*\n")
    );
    assert!(feb.contains("- **Emociones:** Calm: algo, fizzy-nervous: mucho"));
    assert!(feb.contains("- **Dónde se ubicó:** algo agradable, muy poca energía\n"));
    assert!(feb.contains("**Qué está pasando**\n\n"));
    assert!(feb.contains("**Qué ayudó**\n\n"));
    assert!(feb.contains("**Etiquetas:** #my friends\n"));
    assert!(feb.contains("## 19:45 · Line one Line two\n"));
    assert!(feb.contains("> **Respondiendo:** What made you smile today?\n"));

    let plan = read(folder.join("safety-plan.md"));
    assert!(plan.starts_with("# Mi plan de seguridad\n"));
    let readme = read(folder.join("README.md"));
    assert!(readme.starts_with("# Tu diario, exportado\n"));
    assert!(readme.contains("hecha el domingo 15 de marzo de 2026 a las 18:00"));
    assert!(readme.contains("no está protegida"));
}

#[test]
fn goal_check_ins_keep_their_feelings_and_goal_words() {
    let j = journal();
    let goal = crate::goals::save_goal(
        j.conn(),
        crate::goals::GoalDraft {
            id: None,
            title: "Sleep before midnight".into(),
            why: None,
            area: None,
            steps: Vec::new(),
            target_date: None,
            made_with_counselor: false,
            reminder: None,
        },
        at("2026-03-01T10:00:00.000-05:00"),
    )
    .expect("goal");
    let part = crate::goals::GoalCheckinPart {
        goal_id: goal.id,
        in_the_way: Some("Homework piled up\nagain".into()),
        next_step: Some("Ask for help on Monday".into()),
    };
    let saved = save(
        &j,
        EntryDraft {
            kind: EntryKind::GoalCheckin,
            checkin: Some(Checkin {
                feelings: vec![pick("calm", 1, 1)],
                ..Checkin::default()
            }),
            goal: Some(part.clone()),
            ..free("It went okay.")
        },
        "2026-03-02T21:30:00.000-05:00",
    );
    assert_eq!(saved.goal.as_ref(), Some(&part));

    let md = export_ok(&j, &input(&j, ExportFormat::Markdown, Language::En));
    let day = read(Path::new(&md.path).join("2026-03-02.md"));
    assert!(day.contains(
        "## 9:30 PM\n\n*Goal check-in*\n\n> **Goal:** Sleep before midnight\n\nIt went okay.\n\n\
         - **Feelings:** Calm — a little\n\n"
    ));
    assert!(day.contains("**What got in the way**\n\nHomework piled up\nagain\n\n"));
    assert!(day.ends_with("**The next step**\n\nAsk for help on Monday\n"));

    let json = export_ok(&j, &input(&j, ExportFormat::Json, Language::Es));
    let doc: serde_json::Value = serde_json::from_str(&read(&json.path)).expect("json");
    assert_eq!(
        doc["entries"][0]["goal"],
        serde_json::json!({
            "goalId": goal.id,
            "inTheWay": "Homework piled up\nagain",
            "nextStep": "Ask for help on Monday",
        })
    );
    assert_eq!(doc["entries"][0]["goalTitle"], "Sleep before midnight");
    let entries: Vec<Entry> = serde_json::from_value(doc["entries"].clone()).expect("entries");
    assert_eq!(entries, [saved]);
}

// ── Goals ─────────────────────────────────────────────────────────────────────────────────────

fn goal_draft(title: &str, steps: &[(&str, bool)]) -> GoalDraft {
    GoalDraft {
        id: None,
        title: title.into(),
        why: None,
        area: None,
        steps: steps
            .iter()
            .map(|(text, done)| StepDraft {
                id: None,
                text: (*text).into(),
                done: *done,
            })
            .collect(),
        target_date: None,
        made_with_counselor: false,
        reminder: None,
    }
}

fn goal_checkin(j: &J, goal_id: i64, how: &str, when: &str) -> Entry {
    save(
        j,
        EntryDraft {
            kind: EntryKind::GoalCheckin,
            goal: Some(GoalCheckinPart {
                goal_id,
                in_the_way: None,
                next_step: Some("Keep going".into()),
            }),
            ..free(how)
        },
        when,
    )
}

/// Goals in every status, steps done and not, a goal from the counselor's proposal, a
/// declined prompt proposal, and check-ins on a goal kept and on a goal since deleted.
struct GoalSample {
    j: J,
    speak: Goal,
    mornings: Goal,
    guitar: Goal,
    marathon: Goal,
    /// Check-ins: on `speak`, then on a goal since deleted.
    checkins: [Entry; 2],
}

fn goal_sample() -> GoalSample {
    let j = journal();
    let c = j.conn();
    let speak = save_goal(
        c,
        GoalDraft {
            why: Some("So I'm heard\nin class too".into()),
            area: Some(GoalArea::School),
            target_date: Some("2026-04-30".into()),
            ..goal_draft(
                "Speak up\nin class",
                &[("Ask one question", true), ("Answer one\nquestion", false)],
            )
        },
        at("2026-03-12T08:00:00.000-05:00"),
    )
    .expect("speak");

    let proposal = add_proposal(
        c,
        ProposalDraft {
            kind: ProposalKind::Goal,
            from_name: "Ms. Alvarez".into(),
            title: "Easier mornings".into(),
            why: Some("You said mornings are hard".into()),
            steps: vec!["Lay out clothes the night before".into()],
            note: Some("Only if it feels right".into()),
            for_goal_id: None,
            source_id: Some("share-1/p1".into()),
        },
        at("2026-03-05T16:00:00.000-05:00"),
    )
    .expect("proposal");
    let outcome = decide_proposal(
        c,
        proposal.id,
        ProposalDecision::Accept,
        at("2026-03-06T07:00:00.000-05:00"),
    )
    .expect("accept");
    let mornings = set_goal_status(
        c,
        outcome.goal.expect("goal").id,
        GoalStatus::Paused,
        at("2026-03-09T07:00:00.000-05:00"),
    )
    .expect("pause");
    let idea = add_proposal(
        c,
        ProposalDraft {
            kind: ProposalKind::Prompt,
            from_name: "Ms. Alvarez".into(),
            title: "What felt easy today?".into(),
            why: None,
            steps: Vec::new(),
            note: None,
            for_goal_id: None,
            source_id: Some("share-1/p2".into()),
        },
        at("2026-03-05T16:00:00.000-05:00"),
    )
    .expect("prompt proposal");
    decide_proposal(
        c,
        idea.id,
        ProposalDecision::NotNow,
        at("2026-03-06T07:05:00.000-05:00"),
    )
    .expect("not now");

    let guitar = save_goal(
        c,
        goal_draft("Learn three chords", &[]),
        at("2026-02-01T10:00:00.000-05:00"),
    )
    .expect("guitar");
    let guitar = set_goal_status(
        c,
        guitar.id,
        GoalStatus::Done,
        at("2026-03-01T10:00:00.000-05:00"),
    )
    .expect("done");
    let marathon = save_goal(
        c,
        goal_draft("Run a marathon", &[("Run 5 km", false)]),
        at("2026-01-15T10:00:00.000-05:00"),
    )
    .expect("marathon");
    let marathon = set_goal_status(
        c,
        marathon.id,
        GoalStatus::LetGo,
        at("2026-03-02T10:00:00.000-05:00"),
    )
    .expect("let go");

    let on_speak = goal_checkin(&j, speak.id, "I asked!", "2026-03-13T15:00:00.000-05:00");
    let gone = save_goal(
        c,
        goal_draft("Fix my bike", &[]),
        at("2026-03-01T09:00:00.000-05:00"),
    )
    .expect("bike");
    let on_gone = goal_checkin(
        &j,
        gone.id,
        "Found the pump",
        "2026-03-13T18:00:00.000-05:00",
    );
    delete_goal(c, gone.id).expect("delete");
    // What the goals list says now (counts of check-ins included).
    let speak = crate::goals::read_goal(c, speak.id).expect("read");
    GoalSample {
        j,
        speak,
        mornings,
        guitar,
        marathon,
        checkins: [on_speak, on_gone],
    }
}

#[test]
fn goals_export_as_a_markdown_file_with_steps_statuses_and_the_counselors_words() {
    let s = goal_sample();
    let j = &s.j;
    let result = export_ok(j, &input(j, ExportFormat::Markdown, Language::En));
    let folder = PathBuf::from(&result.path);
    assert_eq!((result.entries, result.files), (2, 3));
    assert_eq!(listing(&folder), ["2026-03-13.md", "README.md", "goals.md"]);

    let md = read(folder.join("goals.md"));
    assert!(
        md.starts_with("# My goals\n\n## Speak up in class\n"),
        "{md}"
    );
    // Working on it, paused, done, let go.
    let order: Vec<usize> = [
        "## Speak up in class\n",
        "## Easier mornings\n",
        "## Learn three chords\n",
        "## Run a marathon\n",
    ]
    .iter()
    .map(|h| md.find(h).unwrap_or_else(|| panic!("{h} missing")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(!md.contains("Fix my bike"), "a deleted goal is gone");
    assert!(md.contains(
        "## Speak up in class\n\n\
         - **Where it is:** Working on it\n\
         - **Part of life:** School\n\
         - **A date to aim for:** April 30, 2026\n\
         \n**Why this matters to me**\n\nSo I'm heard\nin class too\n\
         \n**Steps**\n\n\
         - [x] Ask one question *(done March 12, 2026)*\n\
         - [ ] Answer one\n  question\n\
         \n## Easier mornings\n"
    ));
    assert!(md.contains(
        "## Easier mornings\n\n\
         - **Where it is:** Paused\n\
         - *Made with my counselor*\n\
         \n**Why this matters to me**\n\nYou said mornings are hard\n\
         \n**Steps**\n\n- [ ] Lay out clothes the night before\n\
         \n**Ms. Alvarez's original words**\n\n\
         > **Easier mornings**\n\
         >\n\
         > *Why:* You said mornings are hard\n\
         >\n\
         > *Steps they suggested:*\n\
         >\n\
         > - Lay out clothes the night before\n\
         >\n\
         > *Their note:* Only if it feels right\n\
         \n## Learn three chords\n"
    ));
    assert!(md.contains("## Learn three chords\n\n- **Where it is:** Done\n\n## Run a marathon"));
    assert!(md.ends_with(
        "## Run a marathon\n\n- **Where it is:** Let go\n\n**Steps**\n\n- [ ] Run 5 km\n"
    ));
    assert_eq!(
        md.matches("original words").count(),
        1,
        "only the goal from a proposal has the counselor's words"
    );

    let day = read(folder.join("2026-03-13.md"));
    assert!(day
        .contains("## 3:00 PM\n\n*Goal check-in*\n\n> **Goal:** Speak up in class\n\nI asked!\n"));
    assert!(day.contains(
        "## 6:00 PM\n\n*Goal check-in*\n\n> **Goal:** *a goal you deleted*\n\nFound the pump\n"
    ));
    assert!(day.ends_with("**The next step**\n\nKeep going\n"));

    let readme = read(folder.join("README.md"));
    assert!(readme.contains("`goals.md` holds your goals and their steps."));
    assert!(!readme.contains("safety-plan.md"));
}

#[test]
fn goals_markdown_follows_the_chosen_language() {
    let s = goal_sample();
    let j = &s.j;
    let result = export_ok(j, &input(j, ExportFormat::Markdown, Language::Es));
    let folder = PathBuf::from(&result.path);
    let md = read(folder.join("goals.md"));
    assert!(md.starts_with("# Mis metas\n\n## Speak up in class\n\n- **Dónde está:** En marcha\n"));
    assert!(md.contains("- **Parte de mi vida:** Escuela\n"));
    assert!(md.contains("- **Una fecha como referencia:** 30 de abril de 2026\n"));
    assert!(md.contains("**Por qué me importa**\n\n"));
    assert!(md.contains("**Pasos**\n\n- [x] Ask one question *(hecho el 12 de marzo de 2026)*\n"));
    assert!(md.contains(
        "- **Dónde está:** En pausa\n- *Hecha con la persona que me acompaña en consejería*\n"
    ));
    assert!(md.contains("**Las palabras originales de Ms. Alvarez**\n\n> **Easier mornings**\n"));
    assert!(md.contains("> *Por qué:* You said mornings are hard\n"));
    assert!(md.contains("> *Pasos que sugirió:*\n"));
    assert!(md.contains("> *Su nota:* Only if it feels right\n"));
    assert!(md.contains("- **Dónde está:** Lograda\n"));
    assert!(md.contains("- **Dónde está:** La dejé ir\n"));

    let day = read(folder.join("2026-03-13.md"));
    assert!(day.contains("*Avance de meta*\n\n> **Meta:** Speak up in class\n\n"));
    assert!(day.contains("*Avance de meta*\n\n> **Meta:** *una meta que borraste*\n\n"));
    assert!(read(folder.join("README.md")).contains("`goals.md` tiene tus metas y sus pasos."));
}

#[test]
fn goals_and_proposals_export_in_json_and_check_ins_name_their_goal() {
    let s = goal_sample();
    let j = &s.j;
    let result = export_ok(j, &input(j, ExportFormat::Json, Language::En));
    let doc: serde_json::Value = serde_json::from_str(&read(&result.path)).expect("json");
    assert_eq!(doc["formatVersion"], 2, "goals added fields only");

    // The goals exactly as the API lists them.
    let goals: Vec<Goal> = serde_json::from_value(doc["goals"].clone()).expect("goals");
    assert_eq!(goals, list_goals(j.conn()).expect("list"));
    assert_eq!(
        goals,
        [s.speak.clone(), s.mornings.clone(), s.guitar, s.marathon]
    );
    let speak = &doc["goals"][0];
    assert_eq!(speak["title"], "Speak up\nin class", "as written");
    assert_eq!(speak["status"], "active");
    assert_eq!(speak["area"], "school");
    assert_eq!(speak["targetDate"], "2026-04-30");
    assert_eq!(speak["checkins"], 1);
    assert_eq!(speak["steps"][0]["text"], "Ask one question");
    assert_eq!(speak["steps"][0]["doneAt"], "2026-03-12T08:00:00.000-05:00");
    assert_eq!(speak["steps"][1]["doneAt"], serde_json::Value::Null);
    assert_eq!(doc["goals"][1]["status"], "paused");
    assert_eq!(doc["goals"][1]["madeWithCounselor"], true);
    assert_eq!(
        doc["goals"][1]["counselorWords"],
        serde_json::json!({
            "fromName": "Ms. Alvarez",
            "title": "Easier mornings",
            "why": "You said mornings are hard",
            "steps": ["Lay out clothes the night before"],
            "note": "Only if it feels right",
        })
    );
    assert_eq!(doc["goals"][2]["status"], "done");
    assert_eq!(doc["goals"][3]["status"], "let_go");

    // The counselor's suggestions and what the person decided.
    let proposals: Vec<Proposal> =
        serde_json::from_value(doc["proposals"].clone()).expect("proposals");
    assert_eq!(proposals, list_proposals(j.conn()).expect("proposals"));
    assert_eq!(proposals.len(), 2);
    assert!(proposals
        .iter()
        .any(|p| p.status == ProposalStatus::Accepted && p.goal_id == Some(s.mornings.id)));
    assert!(proposals
        .iter()
        .any(|p| p.status == ProposalStatus::Declined && p.kind == ProposalKind::Prompt));

    // Check-ins: the goal's title beside its id; none for a goal since deleted.
    let entries = doc["entries"].as_array().expect("entries");
    assert_eq!(entries[0]["goal"]["goalId"], s.speak.id);
    assert_eq!(entries[0]["goalTitle"], "Speak up\nin class");
    assert!(
        entries[1]["goal"]["goalId"].is_i64(),
        "the deleted goal's id is kept"
    );
    assert!(entries[1].get("goalTitle").is_none());
    assert!(!goals
        .iter()
        .any(|g| Some(g.id) == entries[1]["goal"]["goalId"].as_i64()));
    let parsed: Vec<Entry> = serde_json::from_value(doc["entries"].clone()).expect("entries");
    assert_eq!(parsed, s.checkins);
}

#[test]
fn a_journal_without_goals_exports_no_goals_file_and_empty_lists() {
    let s = sample();
    let j = &s.j;
    let md = export_ok(j, &input(j, ExportFormat::Markdown, Language::En));
    assert!(!Path::new(&md.path).join("goals.md").exists());
    assert!(!read(Path::new(&md.path).join("README.md")).contains("goals.md"));
    let json = export_ok(j, &input(j, ExportFormat::Json, Language::En));
    let doc: serde_json::Value = serde_json::from_str(&read(&json.path)).expect("json");
    assert_eq!(doc["goals"], serde_json::json!([]));
    assert_eq!(doc["proposals"], serde_json::json!([]));
    assert!(doc["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .all(|e| e.get("goalTitle").is_none()));
}

#[test]
fn an_empty_journal_exports_a_readme_only() {
    let j = journal();
    let (result, calls) = export(&j, &input(&j, ExportFormat::Markdown, Language::En));
    let result = result.expect("export");
    assert_eq!((result.entries, result.files), (0, 1));
    assert_eq!(calls, [(0, 0)]);
    let folder = PathBuf::from(&result.path);
    assert_eq!(listing(&folder), ["README.md"]);
    assert!(read(folder.join("README.md")).contains("There were no entries to copy yet."));
}

// ── The identity space ───────────────────────────────────────────────────────────────────────

fn identity_entry(j: &J, part: IdentityPart, note: &str, when: &str) -> Entry {
    save(
        j,
        EntryDraft {
            kind: EntryKind::Reflection,
            identity: Some(part),
            ..free(note)
        },
        when,
    )
}

fn tried(name: Option<&str>, pronouns: Option<PronounSet>, felt: Option<i8>) -> IdentityPart {
    IdentityPart {
        kind: IdentityKind::TryOn,
        name: name.map(Into::into),
        pronouns,
        felt,
        moment: None,
    }
}

fn moment(kind: MomentKind) -> IdentityPart {
    IdentityPart {
        kind: IdentityKind::Moment,
        name: None,
        pronouns: None,
        felt: None,
        moment: Some(kind),
    }
}

/// A journal with an ordinary entry and try-ons, moments and a reflection of the identity space.
fn identity_sample() -> (J, Vec<Entry>) {
    let j = journal();
    let xe = PronounSet {
        id: "xe".into(),
        subject: "xe".into(),
        object: "xem".into(),
        determiner: "xyr".into(),
        possessive: "xyrs".into(),
        reflexive: "xemself".into(),
        plural_verbs: false,
    };
    let any = PronounSet {
        id: "any".into(),
        ..PronounSet::common("they").expect("they")
    };
    let day = "2026-03-12T";
    let entries = vec![
        save(
            &j,
            free("An ordinary Thursday"),
            &format!("{day}08:00:00.000-05:00"),
        ),
        identity_entry(
            &j,
            tried(Some("River"), Some(xe), Some(1)),
            "",
            &format!("{day}09:00:00.000-05:00"),
        ),
        identity_entry(
            &j,
            tried(Some("Ash"), None, None),
            "Not sure yet.",
            &format!("{day}10:00:00.000-05:00"),
        ),
        identity_entry(
            &j,
            tried(None, PronounSet::common("she"), Some(-2)),
            "",
            &format!("{day}11:00:00.000-05:00"),
        ),
        identity_entry(
            &j,
            tried(None, Some(any), Some(2)),
            "",
            &format!("{day}12:00:00.000-05:00"),
        ),
        identity_entry(
            &j,
            moment(MomentKind::Euphoria),
            "The new haircut",
            &format!("{day}13:00:00.000-05:00"),
        ),
        identity_entry(
            &j,
            moment(MomentKind::Dysphoria),
            "",
            &format!("{day}14:00:00.000-05:00"),
        ),
        identity_entry(
            &j,
            IdentityPart {
                kind: IdentityKind::Reflection,
                ..tried(None, None, None)
            },
            "Who I am becoming.",
            &format!("{day}15:00:00.000-05:00"),
        ),
    ];
    (j, entries)
}

#[test]
fn identity_entries_export_with_their_try_ons_and_moments_in_words() {
    let (j, entries) = identity_sample();
    let result = export_ok(&j, &input(&j, ExportFormat::Markdown, Language::En));
    assert_eq!(
        result.entries, 8,
        "the identity space is part of the export"
    );
    let day = read(PathBuf::from(&result.path).join("2026-03-12.md"));
    for line in [
        "> **Tried on:** the name River, xe/xem — felt: good\n",
        "> **Tried on:** the name Ash\n\nNot sure yet.\n",
        "> **Tried on:** she/her — felt: really uncomfortable\n",
        "> **Tried on:** any pronouns — felt: euphoric\n",
        "> **A moment of euphoria**\n\nThe new haircut\n",
        "> **A moment of dysphoria**\n",
        "## 3:00 PM\n\n*Reflection*\n\nWho I am becoming.\n",
    ] {
        assert!(day.contains(line), "{line:?} missing in\n{day}");
    }
    assert!(day.find("An ordinary Thursday") < day.find("the name River"));

    let es = export_ok(&j, &input(&j, ExportFormat::Markdown, Language::Es));
    let day = read(PathBuf::from(&es.path).join("2026-03-12.md"));
    for line in [
        "> **Probé:** el nombre River, xe/xem — sensación: buena\n",
        "> **Probé:** el nombre Ash\n",
        "> **Probé:** she/her — sensación: muy incómoda\n",
        "> **Probé:** cualquier pronombre — sensación: eufórica\n",
        "> **Un momento de euforia**\n",
        "> **Un momento de disforia**\n",
    ] {
        assert!(day.contains(line), "{line:?} missing in\n{day}");
    }

    let json = export_ok(&j, &input(&j, ExportFormat::Json, Language::En));
    let doc: serde_json::Value = serde_json::from_str(&read(&json.path)).expect("json");
    let exported: Vec<Entry> = serde_json::from_value(doc["entries"].clone()).expect("entries");
    assert_eq!(exported, entries, "identity parts as the API returns them");
    assert_eq!(doc["entries"][1]["identity"]["kind"], "try_on");
    assert_eq!(doc["entries"][1]["identity"]["pronouns"]["object"], "xem");
    assert_eq!(doc["entries"][5]["identity"]["moment"], "euphoria");
    assert_eq!(doc["entries"][0]["identity"], serde_json::Value::Null);
}

#[test]
fn the_felt_scale_has_a_word_for_every_answer_and_none_when_skipped() {
    let words: Vec<String> = (-2..=2)
        .map(|felt| try_on_line(&EN, &tried(Some("Kai"), None, Some(felt))))
        .collect();
    assert_eq!(
        words,
        [
            "the name Kai — felt: really uncomfortable",
            "the name Kai — felt: uncomfortable",
            "the name Kai — felt: neutral",
            "the name Kai — felt: good",
            "the name Kai — felt: euphoric",
        ]
    );
    assert_eq!(
        try_on_line(&EN, &tried(Some("Kai"), None, None)),
        "the name Kai"
    );
    let name_only = PronounSet {
        id: "name_only".into(),
        ..PronounSet::default()
    };
    assert_eq!(
        try_on_line(&ES, &tried(None, Some(name_only), Some(0))),
        "sin pronombres, solo el nombre — sensación: neutral"
    );
}

// ── JSON ──────────────────────────────────────────────────────────────────────────────────────

#[test]
fn json_export_parses_back_to_the_same_entries() {
    let s = sample();
    let j = &s.j;
    let result = export_ok(j, &input(j, ExportFormat::Json, Language::En));

    let file = j.out().join("Cove export 2026-03-15.json");
    assert_eq!(PathBuf::from(&result.path), file);
    assert_eq!((result.entries, result.files), (5, 1));
    assert_eq!(
        listing(j.out()),
        ["Cove export 2026-03-15.json"],
        "no temporary leftovers"
    );

    let text = read(&file);
    assert!(
        text.starts_with("{\n  \"formatVersion\": 2,\n"),
        "pretty-printed"
    );
    assert!(text.ends_with("}\n"));
    // UTF-8 as is: no \u escapes for emoji or Hebrew, no HTML escaping.
    assert!(text.contains("<script>alert('hi')</script>"));
    assert!(text.contains("שלום עולם 🌈"));
    assert!(!text.contains(TRASHED_WORDS));

    let doc: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(doc["formatVersion"], 2, "the profile's pronouns are a set");
    assert_eq!(doc["app"], "Cove");
    assert_eq!(doc["appVersion"], env!("CARGO_PKG_VERSION"));
    assert_eq!(doc["exportedAt"], "2026-03-15T18:00:00.000-05:00");
    assert_eq!(doc["language"], "en");
    assert_eq!(doc["profile"]["name"], "Sam");
    let they: PronounSet = serde_json::from_value(doc["profile"]["pronouns"].clone()).expect("set");
    assert_eq!(Some(they), PronounSet::common("they"));
    assert_eq!(doc["profile"]["shared"], serde_json::Value::Null);

    // Entries: exactly what the API returns, oldest first (extra fields are ignored).
    let entries: Vec<Entry> = serde_json::from_value(doc["entries"].clone()).expect("entries");
    assert_eq!(entries, s.kept);
    assert!(
        entries.iter().all(|e| e.id != s.trashed.id),
        "the trash stays out"
    );
    for e in &entries {
        assert_eq!(e, &get_entry(j.conn(), e.id).expect("get"));
    }
    let morning = &doc["entries"][1];
    assert_eq!(
        morning["feelingWords"],
        serde_json::json!({ "calm": "Calm", "custom:own1": "fizzy-nervous" })
    );
    assert_eq!(
        morning["sensationWords"],
        serde_json::json!({ "tight_chest": "Tight chest" })
    );
    assert!(morning.get("promptText").is_none());
    assert!(morning["checkin"]["goingOn"] == "A test tomorrow\nand practice");
    assert_eq!(
        doc["entries"][2]["promptText"],
        "What made you smile today?"
    );
    assert_eq!(doc["entries"][3]["promptText"], "What did I learn today?");
    assert!(doc["entries"][0].get("feelingWords").is_none());

    let plan: SafetyPlan = serde_json::from_value(doc["safetyPlan"].clone()).expect("plan");
    assert_eq!(plan, crate::safety::load(j.conn()).expect("load plan"));
    let library = crate::journal::load_library(j.conn()).expect("library");
    let own_prompts: Vec<CustomPrompt> =
        serde_json::from_value(doc["ownPrompts"].clone()).expect("prompts");
    let own_feelings: Vec<CustomFeeling> =
        serde_json::from_value(doc["ownFeelings"].clone()).expect("feelings");
    assert_eq!(own_prompts, library.custom_prompts);
    assert_eq!(own_feelings, library.custom_feelings);
}

#[test]
fn json_export_of_an_empty_journal_has_empty_lists_and_no_plan() {
    let j = journal();
    let result = export_ok(&j, &input(&j, ExportFormat::Json, Language::Es));
    let doc: serde_json::Value = serde_json::from_str(&read(&result.path)).expect("json");
    assert_eq!(doc["entries"], serde_json::json!([]));
    assert_eq!(doc["safetyPlan"], serde_json::Value::Null);
    assert_eq!(doc["ownPrompts"], serde_json::json!([]));
    assert_eq!(doc["language"], "es");
    assert_eq!(
        doc["profile"],
        serde_json::json!({ "name": null, "pronouns": null, "shared": null, "spanish": null })
    );
}

// ── Names, folders, failures ──────────────────────────────────────────────────────────────────

#[test]
fn a_discreet_app_name_names_the_export_instead_of_cove() {
    let s = sample();
    let j = &s.j;
    let mut md = input(j, ExportFormat::Markdown, Language::En);
    md.app_name = Some("Notes".into());
    let notes = export_ok(j, &md);
    assert!(
        notes.path.ends_with("/Notes export 2026-03-15"),
        "{}",
        notes.path
    );
    md.app_name = Some(" ../My: \"notes\"? ".into());
    let odd = export_ok(j, &md);
    assert!(
        odd.path.ends_with("/-My- -notes-- export 2026-03-15"),
        "{}",
        odd.path
    );
    md.app_name = Some("...".into());
    let dots = export_ok(j, &md);
    assert!(
        dots.path.ends_with("/Cove export 2026-03-15"),
        "{}",
        dots.path
    );
    let names: Vec<String> = fs::read_dir(j.out())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "three exports, nothing else: {names:?}");
    assert!(
        names
            .iter()
            .all(|n| !n.contains('/') && !n.starts_with('.')),
        "{names:?}"
    );
}

#[test]
fn a_taken_name_gets_a_number_and_nothing_is_overwritten() {
    let s = sample();
    let j = &s.j;
    let md = input(j, ExportFormat::Markdown, Language::En);
    let first = export_ok(j, &md);
    let second = export_ok(j, &md);
    assert!(first.path.ends_with("/Cove export 2026-03-15"));
    assert!(second.path.ends_with("/Cove export 2026-03-15 (2)"));
    // Something of the person's own with the next name: left alone, skipped.
    fs::write(j.out().join("Cove export 2026-03-15 (3)"), "mine").expect("write");
    let fourth = export_ok(j, &md);
    assert!(fourth.path.ends_with("/Cove export 2026-03-15 (4)"));
    assert_eq!(read(j.out().join("Cove export 2026-03-15 (3)")), "mine");
    assert_eq!(
        listing(Path::new(&first.path)),
        listing(Path::new(&fourth.path))
    );

    fs::write(j.out().join("Cove export 2026-03-15.json"), "keep me").expect("write");
    let json = export_ok(j, &input(j, ExportFormat::Json, Language::En));
    assert!(json.path.ends_with("/Cove export 2026-03-15 (2).json"));
    assert_eq!(read(j.out().join("Cove export 2026-03-15.json")), "keep me");
    let again = export_ok(j, &input(j, ExportFormat::Json, Language::En));
    assert!(again.path.ends_with("/Cove export 2026-03-15 (3).json"));
    assert_eq!(read(&json.path), read(&again.path));
    assert_eq!(
        listing(j.out()),
        [
            "Cove export 2026-03-15",
            "Cove export 2026-03-15 (2)",
            "Cove export 2026-03-15 (2).json",
            "Cove export 2026-03-15 (3)",
            "Cove export 2026-03-15 (3).json",
            "Cove export 2026-03-15 (4)",
            "Cove export 2026-03-15.json",
        ]
    );
}

#[test]
fn a_missing_or_unusable_folder_is_refused_in_plain_words() {
    let s = sample();
    let j = &s.j;
    let file = j.out().join("a file");
    fs::write(&file, "x").expect("write");
    let cases = [
        j.out().join("not here").to_string_lossy().into_owned(),
        file.to_string_lossy().into_owned(),
        "relative/folder".to_owned(),
        String::new(),
    ];
    for folder in cases {
        for format in [ExportFormat::Markdown, ExportFormat::Json] {
            let mut bad = input(j, format, Language::En);
            bad.folder = folder.clone();
            let (result, calls) = export(j, &bad);
            let err = result.expect_err("refused");
            assert_eq!(err.code(), "invalid_input", "{folder:?}");
            assert!(matches!(err, ExportError::InvalidInput(_)));
            let message = err.to_string();
            assert!(message.contains("folder"), "{message}");
            assert!(
                !message.contains(&folder) || folder.is_empty(),
                "no path in the message"
            );
            assert!(calls.is_empty(), "nothing started");
        }
    }
    assert_eq!(listing(j.out()), ["a file"], "nothing written");
}

#[test]
fn a_full_disk_leaves_nothing_behind() {
    let s = sample();
    let j = &s.j;
    // Before the first file is done, and part-way through the JSON.
    for (format, limit) in [
        (ExportFormat::Markdown, 20),
        (ExportFormat::Markdown, 300),
        (ExportFormat::Json, 100),
        (ExportFormat::Json, 2000),
    ] {
        let _full = DiskLimit::set(limit);
        let (result, _) = export(j, &input(j, format, Language::En));
        let err = result.expect_err("disk full");
        assert!(
            matches!(err, ExportError::StorageFull),
            "{format:?} {limit}: {err:?}"
        );
        assert_eq!(err.code(), "storage_full");
        assert!(
            listing(j.out()).is_empty(),
            "{format:?} {limit}: {:?}",
            listing(j.out())
        );
    }
    // Room again: the export works and the journal is as it was.
    let result = export_ok(j, &input(j, ExportFormat::Json, Language::En));
    assert_eq!(result.entries, 5);
}

#[test]
fn an_export_beside_other_files_touches_only_its_own() {
    let s = sample();
    let j = &s.j;
    let other = j.out().join("notes.txt");
    fs::write(&other, "my notes").expect("write");
    export_ok(j, &input(j, ExportFormat::Markdown, Language::En));
    assert_eq!(read(&other), "my notes");
    assert_eq!(listing(j.out()), ["Cove export 2026-03-15", "notes.txt"]);
}

// ── A large journal ───────────────────────────────────────────────────────────────────────────

/// A body of a few to a couple of thousand words, like real entries.
fn body(i: usize) -> String {
    const WORDS: [&str; 12] = [
        "today", "felt", "school", "friends", "quiet", "music", "tired", "hopeful", "talked",
        "walk", "rain", "laughed",
    ];
    let words = match i % 10 {
        0..=5 => 3 + i % 77,
        6..=8 => 80 + (i * 7) % 320,
        _ => 400 + (i * 13) % 1600,
    };
    let mut text = String::with_capacity(words * 8);
    for w in 0..words {
        text.push_str(WORDS[(i + w * 7) % WORDS.len()]);
        text.push(if w % 15 == 14 { '.' } else { ' ' });
        if w % 60 == 59 {
            text.push_str("\n\n");
        }
    }
    text
}

#[test]
fn ten_thousand_entries_export_with_progress() {
    const N: usize = 10_000;
    let j = journal();
    // Loading is set-up: no disk sync per entry.
    j.conn()
        .execute_batch("PRAGMA synchronous = OFF;")
        .expect("fast load");
    let start = at("2022-09-01T07:30:00.000-04:00");
    for i in 0..N {
        let when = start + Duration::minutes(i as i64 * 210);
        let draft = if i % 3 == 0 {
            EntryDraft {
                kind: EntryKind::Checkin,
                checkin: Some(Checkin {
                    feelings: vec![pick("calm", 3, 1), pick("worried", 2, -1)],
                    going_on: Some(body(i + 1)),
                    ..Checkin::default()
                }),
                tags: vec!["school".into()],
                ..free(&body(i))
            }
        } else {
            EntryDraft {
                title: (i % 4 == 0).then(|| format!("Entry {i}")),
                ..free(&body(i))
            }
        };
        save_entry(j.conn(), draft, when).expect("save");
    }
    j.conn()
        .execute_batch("PRAGMA synchronous = FULL;")
        .expect("back to full");

    for format in [ExportFormat::Markdown, ExportFormat::Json] {
        let input = input(&j, format, Language::En);
        let started = Instant::now();
        let (result, calls) = export(&j, &input);
        let took = started.elapsed();
        let result = result.expect("export");
        check_progress(&calls, N as u64);
        assert!(calls.len() > N / 100, "called at least every 100 entries");
        assert_eq!(result.entries as usize, N);
        let bytes: u64 = if format == ExportFormat::Json {
            fs::metadata(&result.path).expect("size").len()
        } else {
            fs::read_dir(&result.path)
                .expect("list")
                .map(|e| e.expect("entry").metadata().expect("size").len())
                .sum()
        };
        println!(
            "export of {N} entries as {format:?}: {:.2} s, {} files, {:.1} MB",
            took.as_secs_f64(),
            result.files,
            bytes as f64 / 1e6
        );
        if format == ExportFormat::Json {
            let doc: serde_json::Value = serde_json::from_str(&read(&result.path)).expect("json");
            let entries = doc["entries"].as_array().expect("entries");
            assert_eq!(entries.len(), N);
            assert_eq!(entries[0]["body"], body(0));
            assert_eq!(entries[N - 1]["body"], body(N - 1));
        } else {
            let days = listing(Path::new(&result.path)).len() - 1; // README
            assert_eq!(result.files as usize, days + 1);
            assert!(days > 1000, "about four years of days: {days}");
        }
    }
}

// ── An export cut short ───────────────────────────────────────────────────────────────────────

fn pending(j: &J) -> Option<String> {
    settings::load_json(j.conn(), PENDING_EXPORT, "unfinished export").expect("read")
}

#[test]
fn an_export_cut_short_is_removed_from_its_folder_when_the_journal_next_opens() {
    let j = journal();
    for day in 1..=3 {
        save(
            &j,
            free(&format!("Words only I should read, day {day}")),
            &format!("2026-03-0{day}T09:00:00.000-05:00"),
        );
    }
    for format in [ExportFormat::Markdown, ExportFormat::Json] {
        // Cove stops in the middle of writing (a crash, the power going): nothing after the
        // first entry runs, not even the export's own clean-up.
        let input = input(&j, format, Language::En);
        let cut_short = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = export_journal(j.conn(), &input, at(NOW), &mut |done, _| {
                if done >= 1 {
                    panic!("cut short");
                }
            });
        }));
        assert!(cut_short.is_err());
        let left = listing(j.out());
        assert_eq!(left.len(), 1, "{format:?}: {left:?}");
        assert!(
            left[0].starts_with(".Cove export 2026-03-15.partial-"),
            "{left:?}"
        );
        let recorded = pending(&j).expect("the unfinished export is recorded in the vault");
        assert_eq!(Path::new(&recorded), j.out().join(&left[0]));

        // The next open removes it and forgets it; a second open has nothing to do.
        assert!(clean_up_unfinished_export(j.conn()).expect("clean up"));
        assert_eq!(listing(j.out()), Vec::<String>::new(), "{format:?}");
        assert_eq!(pending(&j), None);
        assert!(!clean_up_unfinished_export(j.conn()).expect("again"));
    }
}

#[test]
fn finished_and_failed_exports_leave_nothing_recorded_and_a_clean_up_removes_only_its_own_files() {
    let j = journal();
    save(&j, free("A day"), "2026-03-01T09:00:00.000-05:00");
    export_ok(&j, &input(&j, ExportFormat::Json, Language::En));
    assert_eq!(pending(&j), None);
    {
        let _full = DiskLimit::set(10);
        let (result, _) = export(&j, &input(&j, ExportFormat::Markdown, Language::En));
        assert!(
            matches!(result, Err(ExportError::StorageFull)),
            "{result:?}"
        );
    }
    assert_eq!(pending(&j), None);

    // A record that does not name an export's temporary file (a damaged or planted row) never
    // removes anything: the row is forgotten, the folder and the file stay.
    let precious = j.out().join("Documents");
    fs::create_dir(&precious).expect("folder");
    fs::write(precious.join("homework.txt"), "mine").expect("file");
    let planted = j.out().join(".notes.partial-1234abcd");
    fs::write(&planted, "also mine").expect("file");
    for path in [&precious, &planted] {
        settings::save_json(j.conn(), PENDING_EXPORT, &path.to_string_lossy()).expect("plant");
        assert!(!clean_up_unfinished_export(j.conn()).expect("clean up"));
        assert_eq!(pending(&j), None);
    }
    assert!(precious.join("homework.txt").exists());
    assert!(planted.exists());
}

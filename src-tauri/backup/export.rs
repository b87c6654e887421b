//! Export for the person's own use: the journal as Markdown (a folder, one file per day) or as
//! one JSON file, written into a folder they chose. The formats are in `docs/export-format.md`.
//!
//! An export is the one place Cove writes the person's words unencrypted, and only because they
//! asked for it (the UI warns first). So:
//! - nothing is ever overwritten: the name `Cove export YYYY-MM-DD` gets ` (2)`, ` (3)` … when
//!   taken;
//! - nothing half-written ever carries the final name: everything is written under a hidden
//!   temporary name in the chosen folder (a folder for Markdown, a file for JSON), synced, then
//!   renamed; on any failure (a full disk included) the temporary folder or file is removed;
//! - files get the normal permissions (the person opens them elsewhere), not the vault's 0600;
//! - text is copied byte for byte (no HTML escaping, no normalisation); only a title is put on
//!   one line so it cannot break the Markdown around it.
//!
//! Reads go through the journal's and the goals' public functions inside one read transaction
//! (for goals, the readers that open no transaction of their own), so the export is a
//! consistent snapshot. Errors never quote the person's writing or the folder's path.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, SecondsFormat, Timelike};
use serde::ser::{Error as _, SerializeSeq};
use serde::{Serialize, Serializer};

use super::{ExportFormat, ExportInput, ExportResult};
use crate::goals::{self, CounselorWords, Goal, GoalArea, GoalStatus, GoalsError, Proposal};
use crate::identity::{IdentityKind, IdentityPart, MomentKind};
use crate::journal::{
    self, CustomFeeling, CustomPrompt, Entry, EntryFilter, EntryKind, JournalError, JournalLibrary,
    TimelineQuery,
};
use crate::prefs::Language;
use crate::safety::{self, SafetyContact, SafetyError, SafetyPlan};
use crate::vault::fsutil::{fsync_dir, is_storage_full};
use crate::vault::{settings, Profile, VaultError};

#[cfg(test)]
#[path = "export_tests.rs"]
mod tests;

/// The JSON format's version. Readers ignore fields they don't know; a change that would
/// mislead an older reader (a field removed, renamed or changing meaning) raises it. 2: the
/// profile's `pronouns` is a pronoun set (an object), no longer a line of text.
pub const FORMAT_VERSION: u32 = 2;

/// Progress is reported at least this often (in entries).
const PROGRESS_EVERY: u64 = 100;

/// The timeline's largest page.
const PAGE: u32 = 500;

/// How many ` (n)` names are tried before giving up.
const MAX_NAME_TRIES: u32 = 1000;

/// What can go wrong in an export. Messages are plain English and never contain the person's
/// writing or a path.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Something the person can fix by choosing another folder.
    #[error("{0}")]
    InvalidInput(String),

    /// The disk (or the person's quota) is full. Nothing was left behind.
    #[error(
        "There isn't enough space there for the export. Nothing was left behind. Free up some \
         space or choose another folder, then try again."
    )]
    StorageFull,

    /// Writing the export did not work (the message says what; nothing was left behind).
    #[error("{0}")]
    Io(String),

    /// Reading the journal.
    #[error(transparent)]
    Journal(#[from] JournalError),
}

impl ExportError {
    /// The stable code of `docs/api-contract.md` (`ErrorCode`).
    pub fn code(&self) -> &'static str {
        match self {
            ExportError::InvalidInput(_) => "invalid_input",
            ExportError::StorageFull => "storage_full",
            ExportError::Io(_) => "storage",
            ExportError::Journal(err) => err.code(),
        }
    }
}

impl From<VaultError> for ExportError {
    fn from(err: VaultError) -> Self {
        ExportError::Journal(JournalError::Vault(err))
    }
}

impl From<GoalsError> for ExportError {
    fn from(err: GoalsError) -> Self {
        match err {
            GoalsError::Vault(v) => v.into(),
            // Reading never validates or looks one goal up; keep the words if it ever does.
            GoalsError::InvalidInput(m) => ExportError::Journal(JournalError::InvalidInput(m)),
            GoalsError::NotFound(_) => ExportError::Journal(JournalError::NotFound),
        }
    }
}

impl From<SafetyError> for ExportError {
    fn from(err: SafetyError) -> Self {
        match err {
            SafetyError::Vault(v) => v.into(),
            // Loading never validates; keep the words if it ever does.
            SafetyError::InvalidInput(m) => ExportError::Journal(JournalError::InvalidInput(m)),
        }
    }
}

const WRITE_FAILED: &str = "The export couldn't be written to that folder. Nothing was left \
                            behind. Try again, or choose another folder.";
const CANT_WRITE_THERE: &str = "Your journal can't be exported into that folder because it \
                                doesn't allow new files. Please choose another folder.";

/// An I/O error as an [`ExportError`]: a full disk, a folder that refuses writing, or else the
/// plain "couldn't be written" message.
fn io_error(err: io::Error) -> ExportError {
    if is_storage_full(&err) {
        ExportError::StorageFull
    } else if matches!(
        err.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    ) {
        ExportError::InvalidInput(CANT_WRITE_THERE.into())
    } else {
        ExportError::Io(WRITE_FAILED.into())
    }
}

// ── Words ─────────────────────────────────────────────────────────────────────────────────────

/// The few words Cove writes itself, in English and Spanish (`docs/voice.md`). The person's own
/// words and the UI's names for feelings, sensations and prompts come from elsewhere.
struct Words {
    checkin: &'static str,
    reflection: &'static str,
    goal_checkin: &'static str,
    answering: &'static str,
    /// The label of the line naming a goal check-in's goal.
    goal: &'static str,
    /// Instead of the title of a goal since deleted.
    goal_deleted: &'static str,
    /// The label of a try-on's line.
    tried_on: &'static str,
    /// Before the name tried.
    the_name: &'static str,
    /// A try-on of `any` pronouns.
    any_pronouns: &'static str,
    /// A try-on of "no pronouns, use my name".
    no_pronouns: &'static str,
    /// Before how a try-on felt.
    felt: &'static str,
    /// How a try-on felt, -2 … 2.
    felt_words: [&'static str; 5],
    /// A moment of euphoria, of dysphoria.
    moments: [&'static str; 2],
    feelings: &'static str,
    /// Intensity 1 … 5.
    intensity: [&'static str; 5],
    /// Between a feeling and its intensity.
    feeling_sep: &'static str,
    placement: &'static str,
    /// Very unpleasant … very pleasant (five bands of -1 … 1).
    pleasantness: [&'static str; 5],
    /// Very low … very high energy.
    energy: [&'static str; 5],
    sensations: &'static str,
    going_on: &'static str,
    helped: &'static str,
    in_the_way: &'static str,
    next_step: &'static str,
    tags: &'static str,
    /// Monday first.
    weekdays: [&'static str; 7],
    months: [&'static str; 12],
    safety_title: &'static str,
    safety_updated: &'static str,
    safety_sections: [&'static str; 7],
    goals_title: &'static str,
    goal_where: &'static str,
    /// Active, paused, done, let go.
    goal_statuses: [&'static str; 4],
    goal_area: &'static str,
    /// In the order of [`GoalArea`].
    goal_areas: [&'static str; 8],
    goal_date: &'static str,
    goal_with_counselor: &'static str,
    goal_why: &'static str,
    goal_steps: &'static str,
    /// `{date}` is replaced.
    step_done: &'static str,
    /// `{name}` is replaced with the counselor's name.
    counselor_words: &'static str,
    counselor_why: &'static str,
    counselor_steps: &'static str,
    counselor_note: &'static str,
    readme_title: &'static str,
    /// `{date}` and `{time}` are replaced.
    readme_made: &'static str,
    readme_days: &'static str,
    readme_safety: &'static str,
    readme_goals: &'static str,
    readme_no_entries: &'static str,
    readme_privacy: &'static str,
    readme_markdown: &'static str,
    readme_untouched: &'static str,
}

const EN: Words = Words {
    checkin: "Check-in",
    reflection: "Reflection",
    goal_checkin: "Goal check-in",
    answering: "Answering",
    goal: "Goal",
    goal_deleted: "a goal you deleted",
    tried_on: "Tried on",
    the_name: "the name",
    any_pronouns: "any pronouns",
    no_pronouns: "no pronouns, just the name",
    felt: "felt",
    felt_words: [
        "really uncomfortable",
        "uncomfortable",
        "neutral",
        "good",
        "euphoric",
    ],
    moments: ["A moment of euphoria", "A moment of dysphoria"],
    feelings: "Feelings",
    intensity: ["a little", "some", "quite a bit", "a lot", "very strongly"],
    feeling_sep: " — ",
    placement: "Where it sat",
    pleasantness: [
        "very unpleasant",
        "a bit unpleasant",
        "in between",
        "a bit pleasant",
        "very pleasant",
    ],
    energy: [
        "very low energy",
        "lowish energy",
        "medium energy",
        "fairly high energy",
        "very high energy",
    ],
    sensations: "In the body",
    going_on: "What's going on",
    helped: "What helped",
    in_the_way: "What got in the way",
    next_step: "The next step",
    tags: "Tags",
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    safety_title: "My safety plan",
    safety_updated: "Last changed",
    safety_sections: [
        "Signs a hard time might be coming",
        "Things I can do on my own to feel a bit better",
        "People and places that take my mind off things",
        "People I can ask for help",
        "Professionals I can reach",
        "Making my space safer",
        "What keeps me going",
    ],
    goals_title: "My goals",
    goal_where: "Where it is",
    goal_statuses: ["Working on it", "Paused", "Done", "Let go"],
    goal_area: "Part of life",
    goal_areas: [
        "Feelings",
        "Friends",
        "Family",
        "School",
        "Body",
        "Identity",
        "Boundaries",
        "Something else",
    ],
    goal_date: "A date to aim for",
    goal_with_counselor: "Made with my counselor",
    goal_why: "Why this matters to me",
    goal_steps: "Steps",
    step_done: "done {date}",
    counselor_words: "{name}'s original words",
    counselor_why: "Why:",
    counselor_steps: "Steps they suggested:",
    counselor_note: "Their note:",
    readme_title: "Your journal, exported",
    readme_made: "This folder is a copy of your journal, made on {date} at {time}.",
    readme_days: "Each file holds the entries of one day and is named after it \
                  (year-month-day), oldest first.",
    readme_safety: "`safety-plan.md` is your safety plan.",
    readme_goals: "`goals.md` holds your goals and their steps.",
    readme_no_entries: "There were no entries to copy yet.",
    readme_privacy: "This copy isn't locked. Anyone who can open this folder can read it. Keep \
                     it somewhere only you can reach, and delete it when you don't need it \
                     anymore.",
    readme_markdown: "The files are plain text (Markdown), so they open in any text editor or \
                      notes app.",
    readme_untouched: "Your journal itself is still protected: making this copy changed \
                       nothing in it.",
};

const ES: Words = Words {
    checkin: "Registro de emociones",
    reflection: "Reflexión",
    goal_checkin: "Avance de meta",
    answering: "Respondiendo",
    goal: "Meta",
    goal_deleted: "una meta que borraste",
    tried_on: "Probé",
    the_name: "el nombre",
    any_pronouns: "cualquier pronombre",
    no_pronouns: "sin pronombres, solo el nombre",
    felt: "sensación",
    felt_words: ["muy incómoda", "incómoda", "neutral", "buena", "eufórica"],
    moments: ["Un momento de euforia", "Un momento de disforia"],
    feelings: "Emociones",
    intensity: ["un poco", "algo", "bastante", "mucho", "muchísimo"],
    feeling_sep: ": ",
    placement: "Dónde se ubicó",
    pleasantness: [
        "muy desagradable",
        "algo desagradable",
        "entre medias",
        "algo agradable",
        "muy agradable",
    ],
    energy: [
        "muy poca energía",
        "poca energía",
        "energía media",
        "bastante energía",
        "muchísima energía",
    ],
    sensations: "En el cuerpo",
    going_on: "Qué está pasando",
    helped: "Qué ayudó",
    in_the_way: "Qué se interpuso",
    next_step: "El siguiente paso",
    tags: "Etiquetas",
    weekdays: [
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ],
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    safety_title: "Mi plan de seguridad",
    safety_updated: "Último cambio",
    safety_sections: [
        "Señales de que puede venir un momento difícil",
        "Cosas que puedo hacer por mi cuenta para sentirme un poco mejor",
        "Personas y lugares que me ayudan a distraerme",
        "Personas a quienes puedo pedir ayuda",
        "Profesionales a quienes puedo acudir",
        "Hacer mi espacio más seguro",
        "Lo que me mantiene en pie",
    ],
    goals_title: "Mis metas",
    goal_where: "Dónde está",
    goal_statuses: ["En marcha", "En pausa", "Lograda", "La dejé ir"],
    goal_area: "Parte de mi vida",
    goal_areas: [
        "Emociones",
        "Amistades",
        "Familia",
        "Escuela",
        "Cuerpo",
        "Identidad",
        "Límites",
        "Otra cosa",
    ],
    goal_date: "Una fecha como referencia",
    goal_with_counselor: "Hecha con la persona que me acompaña en consejería",
    goal_why: "Por qué me importa",
    goal_steps: "Pasos",
    step_done: "hecho el {date}",
    counselor_words: "Las palabras originales de {name}",
    counselor_why: "Por qué:",
    counselor_steps: "Pasos que sugirió:",
    counselor_note: "Su nota:",
    readme_title: "Tu diario, exportado",
    readme_made: "Esta carpeta es una copia de tu diario, hecha el {date} a las {time}.",
    readme_days: "Cada archivo tiene las entradas de un día y lleva su fecha \
                  (año-mes-día), de la más antigua a la más reciente.",
    readme_safety: "`safety-plan.md` es tu plan de seguridad.",
    readme_goals: "`goals.md` tiene tus metas y sus pasos.",
    readme_no_entries: "Todavía no había entradas para copiar.",
    readme_privacy: "Esta copia no está protegida. Cualquier persona que pueda abrir esta \
                     carpeta podrá leerla. Guárdala en un lugar al que solo tú puedas llegar, y \
                     bórrala cuando ya no la necesites.",
    readme_markdown: "Los archivos son texto simple (Markdown), así que se abren en cualquier \
                      editor de texto o app de notas.",
    readme_untouched: "Tu diario sigue protegido: hacer esta copia no cambió nada en él.",
};

fn words(language: Language) -> &'static Words {
    match language {
        Language::En => &EN,
        Language::Es => &ES,
    }
}

impl Words {
    fn kind(&self, kind: EntryKind) -> Option<&'static str> {
        match kind {
            EntryKind::Free => None,
            EntryKind::Checkin => Some(self.checkin),
            EntryKind::Reflection => Some(self.reflection),
            EntryKind::GoalCheckin => Some(self.goal_checkin),
        }
    }

    fn status(&self, status: GoalStatus) -> &'static str {
        self.goal_statuses[match status {
            GoalStatus::Active => 0,
            GoalStatus::Paused => 1,
            GoalStatus::Done => 2,
            GoalStatus::LetGo => 3,
        }]
    }

    fn area(&self, area: GoalArea) -> &'static str {
        self.goal_areas[match area {
            GoalArea::Feelings => 0,
            GoalArea::Friends => 1,
            GoalArea::Family => 2,
            GoalArea::School => 3,
            GoalArea::Body => 4,
            GoalArea::Identity => 5,
            GoalArea::Boundaries => 6,
            GoalArea::Other => 7,
        }]
    }

    /// "March 10, 2026" / "10 de marzo de 2026".
    fn date(&self, day: NaiveDate, language: Language) -> String {
        let month = self.months[day.month0() as usize];
        match language {
            Language::En => format!("{month} {}, {}", day.day(), day.year()),
            Language::Es => format!("{} de {month} de {}", day.day(), day.year()),
        }
    }

    /// "Tuesday, March 10, 2026" / "martes 10 de marzo de 2026".
    fn long_date(&self, day: NaiveDate, language: Language) -> String {
        let weekday = self.weekdays[day.weekday().num_days_from_monday() as usize];
        let month = self.months[day.month0() as usize];
        match language {
            Language::En => format!("{weekday}, {month} {}, {}", day.day(), day.year()),
            Language::Es => format!("{weekday} {} de {month} de {}", day.day(), day.year()),
        }
    }
}

/// A try-on as one line: "the name River, xe/xem — felt: good" (the name and the set as far as
/// tried; nothing about the feeling when that was skipped).
fn try_on_line(w: &Words, part: &IdentityPart) -> String {
    let mut tried = Vec::new();
    if let Some(name) = &part.name {
        tried.push(format!("{} {}", w.the_name, one_line(name)));
    }
    if let Some(set) = &part.pronouns {
        tried.push(match set.id.as_str() {
            "any" => w.any_pronouns.to_owned(),
            "name_only" => w.no_pronouns.to_owned(),
            _ => one_line(&set.short_label()),
        });
    }
    let mut line = tried.join(", ");
    if let Some(felt) = part.felt {
        let i = usize::try_from(i16::from(felt.clamp(-2, 2)) + 2).unwrap_or(2);
        line.push_str(&format!(" — {}: {}", w.felt, w.felt_words[i]));
    }
    line
}

/// "9:05 AM" / "09:05": the wall-clock time the entry was written, in its own offset.
fn clock(at: &DateTime<FixedOffset>, language: Language) -> String {
    match language {
        Language::En => {
            let (pm, hour) = at.hour12();
            format!("{hour}:{:02} {}", at.minute(), if pm { "PM" } else { "AM" })
        }
        Language::Es => format!("{:02}:{:02}", at.hour(), at.minute()),
    }
}

/// Five bands of -1 … 1, as the entry view uses.
fn band(value: f64) -> usize {
    if value <= -0.6 {
        0
    } else if value <= -0.2 {
        1
    } else if value < 0.2 {
        2
    } else if value < 0.6 {
        3
    } else {
        4
    }
}

// ── Reading the journal ───────────────────────────────────────────────────────────────────────

/// An entry to export: its id and the day it belongs to.
struct Item {
    id: i64,
    day: String,
}

/// Every entry outside the trash (the identity space's too), oldest first (by the instant
/// written, then id).
fn all_entries(conn: &rusqlite::Connection) -> Result<Vec<Item>, ExportError> {
    let mut items = Vec::new();
    let mut cursor = None;
    loop {
        let page = journal::list_entries(
            conn,
            &TimelineQuery {
                filter: EntryFilter {
                    include_identity: Some(true),
                    ..EntryFilter::default()
                },
                cursor,
                limit: PAGE,
            },
        )?;
        if let Some(total) = page.total {
            items.reserve(total as usize);
        }
        items.extend(page.items.into_iter().map(|s| Item {
            id: s.id,
            day: s.day,
        }));
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    items.reverse();
    Ok(items)
}

/// Everything an export run needs besides the entries.
struct Run<'a> {
    conn: &'a rusqlite::Connection,
    input: &'a ExportInput,
    words: &'static Words,
    library: JournalLibrary,
    /// Every goal, in the goals list's order.
    goals: &'a [Goal],
    progress: &'a mut dyn FnMut(u64, u64),
    done: u64,
    total: u64,
}

impl Run<'_> {
    fn tick(&mut self) {
        self.done += 1;
        if self.done.is_multiple_of(PROGRESS_EVERY) || self.done == self.total {
            (self.progress)(self.done, self.total);
        }
    }

    /// The word for a feeling: the UI's, else the person's own (custom), else none.
    fn feeling_word(&self, id: &str) -> Option<&str> {
        if let Some(word) = self.input.feeling_names.get(id) {
            return Some(word);
        }
        let own = id.strip_prefix("custom:")?;
        self.library
            .custom_feelings
            .iter()
            .find(|f| f.id == own)
            .map(|f| f.word.as_str())
    }

    /// The text of a prompt: the UI's, else the person's own (custom), else none.
    fn prompt_text(&self, id: &str) -> Option<&str> {
        if let Some(text) = self.input.prompt_texts.get(id) {
            return Some(text);
        }
        let own = id.strip_prefix("custom:")?;
        self.library
            .custom_prompts
            .iter()
            .find(|p| p.id == own)
            .map(|p| p.text.as_str())
    }

    fn sensation_word(&self, id: &str) -> Option<&str> {
        self.input.sensation_names.get(id).map(String::as_str)
    }

    /// The title of a goal; none once the goal was deleted.
    fn goal_title(&self, id: i64) -> Option<&str> {
        self.goals
            .iter()
            .find(|g| g.id == id)
            .map(|g| g.title.as_str())
    }
}

/// The plan, unless nothing was ever saved (or everything was emptied).
fn saved_plan(conn: &rusqlite::Connection) -> Result<Option<SafetyPlan>, ExportError> {
    let plan = safety::load(conn)?;
    let empty = SafetyPlan {
        updated_at: plan.updated_at.clone(),
        ..SafetyPlan::default()
    };
    Ok((plan != empty).then_some(plan))
}

/// The chosen name and pronouns (the settings row the vault keeps them in).
fn profile(conn: &rusqlite::Connection) -> Result<Profile, ExportError> {
    Ok(settings::load_json(conn, "profile", "name and pronouns")?.unwrap_or_default())
}

// ── The export ────────────────────────────────────────────────────────────────────────────────

/// Writes an unencrypted copy of the journal (outside the trash) into `input.folder`, as a new
/// `<app name> export YYYY-MM-DD[ (n)]` folder of Markdown files or a `… .json` file, with the safety
/// plan and the goals (and, in JSON, the counselor's suggestions); see
/// `docs/export-format.md`. `now` names it and stamps it. `progress(done, total)` counts entries:
/// called with `(0, total)` first, at least every 100 entries, and with `(total, total)` at the
/// end. On any error nothing is left in the folder.
pub fn export_journal(
    conn: &rusqlite::Connection,
    input: &ExportInput,
    now: DateTime<FixedOffset>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<ExportResult, ExportError> {
    let folder = check_folder(&input.folder)?;
    let app = file_name_part(input.app_name.as_deref().unwrap_or("Cove"));
    let base = format!("{app} export {}", now.format("%Y-%m-%d"));
    let tmp = temp_path(&folder, &base);
    // Where the unfinished export is, kept in the vault until it is finished or removed: if Cove
    // is cut short meanwhile (a crash, power loss), the next open removes it, so the journal's
    // words are never left hidden in the chosen folder.
    settings::save_json(conn, PENDING_EXPORT, &tmp.to_string_lossy())?;
    let result = export_into(conn, input, now, progress, &folder, &base, &tmp);
    settings::remove(conn, PENDING_EXPORT)?;
    result
}

/// The export itself, into the temporary `tmp` (then published under its final name).
fn export_into(
    conn: &rusqlite::Connection,
    input: &ExportInput,
    now: DateTime<FixedOffset>,
    progress: &mut dyn FnMut(u64, u64),
    folder: &Path,
    base: &str,
    tmp: &Path,
) -> Result<ExportResult, ExportError> {
    // One read transaction: the export is a snapshot even if something writes meanwhile.
    let tx = conn.unchecked_transaction().map_err(JournalError::from)?;
    let items = all_entries(&tx)?;
    let goals = goals::read_goals(&tx)?;
    let total = items.len() as u64;
    let mut run = Run {
        conn: &tx,
        input,
        words: words(input.language),
        library: journal::load_library(&tx)?,
        goals: &goals,
        progress,
        done: 0,
        total,
    };
    (run.progress)(0, total);
    let (path, files) = match input.format {
        ExportFormat::Markdown => write_markdown(&mut run, folder, base, tmp, &items, &now)?,
        ExportFormat::Json => write_json(&mut run, folder, base, tmp, &items, &now)?,
    };
    drop(tx);
    Ok(ExportResult {
        path: path.to_string_lossy().into_owned(),
        files,
        entries: u32::try_from(total).unwrap_or(u32::MAX),
    })
}

/// The app's name as part of a file name on any system: characters Windows, macOS or Linux
/// refuse in names become `-`, and leading/trailing dots and spaces go ("Cove" if nothing is
/// left).
fn file_name_part(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if trimmed.is_empty() {
        "Cove".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// The chosen folder: an absolute path to an existing folder.
fn check_folder(folder: &str) -> Result<PathBuf, ExportError> {
    let invalid = |m: &str| Err(ExportError::InvalidInput(m.into()));
    if folder.trim().is_empty() || !Path::new(folder).is_absolute() {
        return invalid("Please choose a folder for the export.");
    }
    let path = PathBuf::from(folder);
    match fs::metadata(&path) {
        Ok(meta) if meta.is_dir() => Ok(path),
        Ok(_) => invalid("That isn't a folder. Please choose a folder for the export."),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            invalid("That folder isn't there anymore. Please choose another one.")
        }
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => invalid(CANT_WRITE_THERE),
        Err(_) => invalid("That folder couldn't be opened. Please choose another one."),
    }
}

/// The vault's `settings` key for the temporary path of an export under way.
const PENDING_EXPORT: &str = "pending_export";

/// A hidden, unique name for the temporary folder or file in `folder`.
fn temp_path(folder: &Path, base: &str) -> PathBuf {
    folder.join(format!(".{base}.partial-{:08x}", rand::random::<u32>()))
}

/// Whether `path` is named as [`temp_path`] names them (the only thing a clean-up removes).
fn is_temp_path(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let Some((_, suffix)) = name.rsplit_once(".partial-") else {
        return false;
    };
    name.starts_with('.')
        && name.contains(" export ")
        && suffix.len() == 8
        && suffix.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Removes what an export cut short by a crash left behind (its hidden temporary folder or
/// file, recorded when it started), then forgets it; nothing happens when no export was under
/// way. Called when the journal opens. Returns whether something was removed.
pub fn clean_up_unfinished_export(conn: &rusqlite::Connection) -> Result<bool, ExportError> {
    let Some(pending) = settings::load_json::<String>(conn, PENDING_EXPORT, "unfinished export")?
    else {
        return Ok(false);
    };
    let path = PathBuf::from(pending);
    let mut removed = false;
    if is_temp_path(&path) {
        let gone = match fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_dir() => fs::remove_dir_all(&path),
            Ok(_) => fs::remove_file(&path),
            Err(e) => Err(e),
        };
        match gone {
            Ok(()) => removed = true,
            // Already gone (or its drive is not plugged in): nothing to do now.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_error(e)),
        }
    }
    settings::remove(conn, PENDING_EXPORT)?;
    Ok(removed)
}

/// `base` + `ext`, then `base (2)` + `ext`, … : the `n`th candidate name (from 1).
fn candidate(folder: &Path, base: &str, ext: &str, n: u32) -> PathBuf {
    if n == 1 {
        folder.join(format!("{base}{ext}"))
    } else {
        folder.join(format!("{base} ({n}){ext}"))
    }
}

fn taken(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

fn no_free_name() -> ExportError {
    ExportError::InvalidInput(
        "That folder already holds a great many exports from today. Please choose another folder."
            .into(),
    )
}

/// Moves the finished temporary folder to the first free name. `rename` never replaces a
/// file or a folder with something in it; the name is checked first so an empty folder the
/// person made isn't replaced either.
fn publish_dir(tmp: &Path, folder: &Path, base: &str) -> Result<PathBuf, ExportError> {
    for n in 1..=MAX_NAME_TRIES {
        let target = candidate(folder, base, "", n);
        if taken(&target) {
            continue;
        }
        match fs::rename(tmp, &target) {
            Ok(()) => return Ok(target),
            // Someone took the name in the meantime: try the next one.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::AlreadyExists
                        | io::ErrorKind::DirectoryNotEmpty
                        | io::ErrorKind::NotADirectory
                        | io::ErrorKind::IsADirectory
                ) => {}
            Err(e) => return Err(io_error(e)),
        }
    }
    Err(no_free_name())
}

/// Gives the finished temporary file the first free name: a hard link never replaces anything;
/// where the file system has no hard links (FAT USB sticks), a rename after checking the name.
fn publish_file(tmp: &Path, folder: &Path, base: &str) -> Result<PathBuf, ExportError> {
    for n in 1..=MAX_NAME_TRIES {
        let target = candidate(folder, base, ".json", n);
        if taken(&target) {
            continue;
        }
        match fs::hard_link(tmp, &target) {
            Ok(()) => {
                // The export is complete under its name; a leftover temporary link would only
                // be a second name for the same file, so a failure here is not worth failing for.
                let _ = fs::remove_file(tmp);
                return Ok(target);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(_) => {
                if taken(&target) {
                    continue;
                }
                fs::rename(tmp, &target).map_err(io_error)?;
                return Ok(target);
            }
        }
    }
    Err(no_free_name())
}

/// Runs `write` on the new temporary path `tmp` (a folder when `dir`), then `publish`es it; on
/// any error the temporary folder or file is removed.
fn write_then_publish(
    folder: &Path,
    base: &str,
    tmp: &Path,
    dir: bool,
    write: impl FnOnce(&Path) -> Result<u32, ExportError>,
) -> Result<(PathBuf, u32), ExportError> {
    if dir {
        fs::create_dir(tmp).map_err(io_error)?;
    }
    let result = write(tmp).and_then(|files| {
        let path = if dir {
            fsync_dir(tmp).map_err(io_error)?;
            publish_dir(tmp, folder, base)?
        } else {
            publish_file(tmp, folder, base)?
        };
        Ok((path, files))
    });
    match result {
        Ok((path, files)) => {
            // The export is complete under its final name; if the folder's own entry can't be
            // synced the data is still all there, so this is not an error for the person.
            let _ = fsync_dir(folder);
            Ok((path, files))
        }
        Err(err) => {
            let _ = if dir {
                fs::remove_dir_all(tmp)
            } else {
                fs::remove_file(tmp)
            };
            Err(err)
        }
    }
}

/// A new file, written through a buffer and synced to disk by [`OutFile::finish`].
struct OutFile {
    writer: BufWriter<Sink>,
}

/// The file under the buffer. In tests it can be told to report a full disk after some bytes.
struct Sink {
    file: File,
    #[cfg(test)]
    written: u64,
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        #[cfg(test)]
        {
            if let Some(limit) = tests::disk_limit() {
                if self.written + buf.len() as u64 > limit {
                    return Err(io::Error::from_raw_os_error(28)); // ENOSPC
                }
            }
            self.written += buf.len() as u64;
        }
        self.file.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl OutFile {
    fn create(path: &Path) -> Result<OutFile, ExportError> {
        // Normal permissions (umask): the person will open these elsewhere.
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(io_error)?;
        Ok(OutFile {
            writer: BufWriter::with_capacity(
                64 * 1024,
                Sink {
                    file,
                    #[cfg(test)]
                    written: 0,
                },
            ),
        })
    }

    fn text(&mut self, text: &str) -> Result<(), ExportError> {
        self.writer.write_all(text.as_bytes()).map_err(io_error)
    }

    fn finish(self) -> Result<(), ExportError> {
        let sink = self
            .writer
            .into_inner()
            .map_err(|e| io_error(e.into_error()))?;
        sink.file.sync_all().map_err(io_error)
    }
}

// ── Markdown ──────────────────────────────────────────────────────────────────────────────────

fn write_markdown(
    run: &mut Run<'_>,
    folder: &Path,
    base: &str,
    tmp: &Path,
    items: &[Item],
    now: &DateTime<FixedOffset>,
) -> Result<(PathBuf, u32), ExportError> {
    let plan = saved_plan(run.conn)?;
    // Oldest day first; inside a day, the order written (the sort is stable).
    let mut order: Vec<&Item> = items.iter().collect();
    order.sort_by(|a, b| a.day.cmp(&b.day));
    write_then_publish(folder, base, tmp, true, |tmp| {
        let mut files = 0u32;
        for day_items in order.chunk_by(|a, b| a.day == b.day) {
            let day = NaiveDate::parse_from_str(&day_items[0].day, "%Y-%m-%d").map_err(|_| {
                VaultError::Corrupt("Part of a saved entry couldn't be read.".into())
            })?;
            // Named from the parsed date, never from stored text.
            let mut out = OutFile::create(&tmp.join(format!("{}.md", day.format("%Y-%m-%d"))))?;
            out.text(&format!(
                "# {}\n",
                run.words.long_date(day, run.input.language)
            ))?;
            for (i, item) in day_items.iter().enumerate() {
                let entry = journal::get_entry(run.conn, item.id)?;
                out.text(if i == 0 { "\n" } else { "\n---\n\n" })?;
                out.text(&entry_markdown(run, &entry))?;
                run.tick();
            }
            out.finish()?;
            files += 1;
        }
        if let Some(plan) = &plan {
            let mut out = OutFile::create(&tmp.join("safety-plan.md"))?;
            out.text(&plan_markdown(run.words, plan))?;
            out.finish()?;
            files += 1;
        }
        if !run.goals.is_empty() {
            let mut out = OutFile::create(&tmp.join("goals.md"))?;
            out.text(&goals_markdown(run.words, run.input.language, run.goals))?;
            out.finish()?;
            files += 1;
        }
        let mut out = OutFile::create(&tmp.join("README.md"))?;
        out.text(&readme(
            run.words,
            run.input.language,
            now,
            Extras {
                plan: plan.is_some(),
                goals: !run.goals.is_empty(),
            },
            items.is_empty(),
        ))?;
        out.finish()?;
        Ok(files + 1)
    })
}

/// Text on one line: every run of line breaks, tabs and other control characters becomes one
/// space, and the ends are trimmed. For titles and the UI's words, which must not break the
/// Markdown around them.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
            gap = true;
        } else {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        }
    }
    out.trim().to_owned()
}

/// Text as a list item: the second and later lines are indented so they stay in the item.
fn list_item(text: &str) -> String {
    let mut out = String::from("- ");
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push_str("\n  ");
        }
        out.push_str(line);
    }
    out.push('\n');
    out
}

fn entry_markdown(run: &Run<'_>, entry: &Entry) -> String {
    let w = run.words;
    let lang = run.input.language;
    // Blocks separated by blank lines; the entry ends with one line break.
    let mut md = String::with_capacity(entry.body.len() + 256);
    let time = DateTime::parse_from_rfc3339(&entry.created_at)
        .map(|at| clock(&at, lang))
        .unwrap_or_default();
    let title = entry.title.as_deref().map(one_line).unwrap_or_default();
    md.push_str("## ");
    md.push_str(&time);
    if !title.is_empty() {
        if !time.is_empty() {
            md.push_str(" · ");
        }
        md.push_str(&title);
    }
    md.push_str("\n\n");
    if let Some(kind) = w.kind(entry.kind) {
        md.push_str(&format!("*{kind}*\n\n"));
    }
    if let Some(g) = &entry.goal {
        match run.goal_title(g.goal_id).map(one_line) {
            Some(title) => md.push_str(&format!("> **{}:** {title}\n\n", w.goal)),
            None => md.push_str(&format!("> **{}:** *{}*\n\n", w.goal, w.goal_deleted)),
        }
    }
    if let Some(part) = &entry.identity {
        match part.kind {
            IdentityKind::TryOn => md.push_str(&format!(
                "> **{}:** {}\n\n",
                w.tried_on,
                try_on_line(w, part)
            )),
            IdentityKind::Moment => {
                let i = match part.moment {
                    Some(MomentKind::Dysphoria) => 1,
                    _ => 0,
                };
                md.push_str(&format!("> **{}**\n\n", w.moments[i]));
            }
            IdentityKind::Reflection => {}
        }
    }
    if let Some(id) = &entry.prompt_id {
        let text = run.prompt_text(id).map(one_line);
        md.push_str(&format!(
            "> **{}:** {}\n\n",
            w.answering,
            text.as_deref().unwrap_or(id)
        ));
    }
    if !entry.body.trim().is_empty() {
        md.push_str(entry.body.trim_end_matches(['\n', '\r']));
        md.push_str("\n\n");
    }

    let mut facts = String::new();
    let mut texts: Vec<(&str, &str)> = Vec::new();
    if let Some(c) = &entry.checkin {
        if !c.feelings.is_empty() {
            let list: Vec<String> = c
                .feelings
                .iter()
                .map(|f| {
                    let name = run
                        .feeling_word(&f.feeling)
                        .map(one_line)
                        .unwrap_or_else(|| f.feeling.clone());
                    let strength = w.intensity[usize::from(f.intensity.clamp(1, 5)) - 1];
                    format!("{name}{}{strength}", w.feeling_sep)
                })
                .collect();
            facts.push_str(&format!("- **{}:** {}\n", w.feelings, list.join(", ")));
        }
        if c.pleasantness.is_some() || c.energy.is_some() {
            facts.push_str(&format!(
                "- **{}:** {}, {}\n",
                w.placement,
                w.pleasantness[band(c.pleasantness.unwrap_or(0.0))],
                w.energy[band(c.energy.unwrap_or(0.0))]
            ));
        }
        if !c.sensations.is_empty() {
            let list: Vec<String> = c
                .sensations
                .iter()
                .map(|s| {
                    run.sensation_word(s)
                        .map(one_line)
                        .unwrap_or_else(|| s.replace('_', " "))
                })
                .collect();
            facts.push_str(&format!("- **{}:** {}\n", w.sensations, list.join(", ")));
        }
        if let Some(t) = &c.going_on {
            texts.push((w.going_on, t));
        }
        if let Some(t) = &c.helped {
            texts.push((w.helped, t));
        }
    }
    if let Some(g) = &entry.goal {
        if let Some(t) = &g.in_the_way {
            texts.push((w.in_the_way, t));
        }
        if let Some(t) = &g.next_step {
            texts.push((w.next_step, t));
        }
    }
    if !facts.is_empty() {
        md.push_str(&facts);
        md.push('\n');
    }
    for (label, text) in texts {
        if text.trim().is_empty() {
            continue;
        }
        md.push_str(&format!("**{label}**\n\n"));
        md.push_str(text.trim_end_matches(['\n', '\r']));
        md.push_str("\n\n");
    }
    if !entry.tags.is_empty() {
        let tags: Vec<String> = entry.tags.iter().map(|t| format!("#{t}")).collect();
        md.push_str(&format!("**{}:** {}\n\n", w.tags, tags.join(", ")));
    }
    md.truncate(md.trim_end_matches('\n').len());
    md.push('\n');
    md
}

fn plan_markdown(w: &Words, plan: &SafetyPlan) -> String {
    let mut md = format!("# {}\n", w.safety_title);
    if let Some(day) = plan
        .updated_at
        .as_deref()
        .and_then(|at| DateTime::parse_from_rfc3339(at).ok())
    {
        md.push_str(&format!(
            "\n*{}: {}*\n",
            w.safety_updated,
            day.format("%Y-%m-%d")
        ));
    }
    let items = |md: &mut String, title: &str, list: &[String]| {
        if !list.is_empty() {
            md.push_str(&format!("\n## {title}\n\n"));
            for item in list {
                md.push_str(&list_item(item));
            }
        }
    };
    let contacts = |md: &mut String, title: &str, list: &[SafetyContact]| {
        if !list.is_empty() {
            md.push_str(&format!("\n## {title}\n\n"));
            for c in list {
                let parts: Vec<&str> = [Some(c.name.as_str()), c.phone.as_deref()]
                    .into_iter()
                    .flatten()
                    .filter(|p| !p.is_empty())
                    .collect();
                let mut line = one_line(&parts.join(" — "));
                if let Some(note) = &c.note {
                    line.push_str(" — ");
                    line.push_str(note);
                }
                md.push_str(&list_item(&line));
            }
        }
    };
    let s = &w.safety_sections;
    items(&mut md, s[0], &plan.warning_signs);
    items(&mut md, s[1], &plan.coping_on_my_own);
    items(&mut md, s[2], &plan.people_and_places);
    contacts(&mut md, s[3], &plan.people_to_ask);
    contacts(&mut md, s[4], &plan.professionals);
    items(&mut md, s[5], &plan.safer_space);
    items(&mut md, s[6], &plan.reasons_for_living);
    md
}

/// The files besides the days that an export has.
struct Extras {
    plan: bool,
    goals: bool,
}

/// Text as a blockquote: every line behind `> ` (a blank line behind `>`).
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.lines() {
        if line.is_empty() {
            out.push_str(">\n");
        } else {
            out.push_str("> ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// A day as in [`Words::date`]; a time stamp by its own local date. Unreadable: as stored.
fn day_words(w: &Words, language: Language, stored: &str) -> String {
    NaiveDate::parse_from_str(stored, "%Y-%m-%d")
        .ok()
        .or_else(|| {
            DateTime::parse_from_rfc3339(stored)
                .ok()
                .map(|at| at.date_naive())
        })
        .map(|day| w.date(day, language))
        .unwrap_or_else(|| one_line(stored))
}

/// `goals.md`: every goal, in the goals list's order (working on it, paused, done, let go;
/// newest first within each).
fn goals_markdown(w: &Words, language: Language, goals: &[Goal]) -> String {
    let mut md = format!("# {}\n", w.goals_title);
    for goal in goals {
        md.push_str(&format!("\n## {}\n\n", one_line(&goal.title)));
        md.push_str(&format!(
            "- **{}:** {}\n",
            w.goal_where,
            w.status(goal.status)
        ));
        if let Some(area) = goal.area {
            md.push_str(&format!("- **{}:** {}\n", w.goal_area, w.area(area)));
        }
        if let Some(date) = &goal.target_date {
            md.push_str(&format!(
                "- **{}:** {}\n",
                w.goal_date,
                day_words(w, language, date)
            ));
        }
        if goal.made_with_counselor {
            md.push_str(&format!("- *{}*\n", w.goal_with_counselor));
        }
        if let Some(why) = goal.why.as_deref().filter(|t| !t.trim().is_empty()) {
            md.push_str(&format!("\n**{}**\n\n", w.goal_why));
            md.push_str(why.trim_end_matches(['\n', '\r']));
            md.push('\n');
        }
        if !goal.steps.is_empty() {
            md.push_str(&format!("\n**{}**\n\n", w.goal_steps));
            for step in &goal.steps {
                let mut text = String::from(if step.done_at.is_some() {
                    "[x] "
                } else {
                    "[ ] "
                });
                text.push_str(step.text.trim_end_matches(['\n', '\r']));
                if let Some(at) = &step.done_at {
                    let done = w.step_done.replace("{date}", &day_words(w, language, at));
                    text.push_str(&format!(" *({done})*"));
                }
                md.push_str(&list_item(&text));
            }
        }
        if let Some(words) = &goal.counselor_words {
            md.push_str(&format!(
                "\n**{}**\n\n",
                w.counselor_words
                    .replace("{name}", &one_line(&words.from_name))
            ));
            md.push_str(&quote(&counselor_markdown(w, words)));
        }
    }
    md
}

/// The counselor's words for a goal, as they wrote them (to be quoted).
fn counselor_markdown(w: &Words, words: &CounselorWords) -> String {
    let mut md = format!("**{}**\n", one_line(&words.title));
    if let Some(why) = words.why.as_deref().filter(|t| !t.trim().is_empty()) {
        md.push_str(&format!(
            "\n*{}* {}\n",
            w.counselor_why,
            why.trim_end_matches(['\n', '\r'])
        ));
    }
    if !words.steps.is_empty() {
        md.push_str(&format!("\n*{}*\n\n", w.counselor_steps));
        for step in &words.steps {
            md.push_str(&list_item(step.trim_end_matches(['\n', '\r'])));
        }
    }
    if let Some(note) = words.note.as_deref().filter(|t| !t.trim().is_empty()) {
        md.push_str(&format!(
            "\n*{}* {}\n",
            w.counselor_note,
            note.trim_end_matches(['\n', '\r'])
        ));
    }
    md
}

fn readme(
    w: &Words,
    language: Language,
    now: &DateTime<FixedOffset>,
    extras: Extras,
    no_entries: bool,
) -> String {
    let date = w.long_date(now.date_naive(), language);
    let made = w
        .readme_made
        .replace("{date}", &date)
        .replace("{time}", &clock(now, language));
    let mut md = format!("# {}\n\n{made}", w.readme_title);
    if no_entries {
        md.push(' ');
        md.push_str(w.readme_no_entries);
    } else {
        md.push(' ');
        md.push_str(w.readme_days);
    }
    if extras.plan {
        md.push(' ');
        md.push_str(w.readme_safety);
    }
    if extras.goals {
        md.push(' ');
        md.push_str(w.readme_goals);
    }
    md.push_str(&format!(
        "\n\n{}\n\n{}\n\n{}\n",
        w.readme_privacy, w.readme_markdown, w.readme_untouched
    ));
    md
}

// ── JSON ──────────────────────────────────────────────────────────────────────────────────────

/// The whole document (`docs/export-format.md`). Entries are streamed, one read at a time.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonExport<'r, 'a> {
    format_version: u32,
    app: &'static str,
    app_version: &'static str,
    exported_at: String,
    language: Language,
    profile: Profile,
    entries: JsonEntries<'r, 'a>,
    /// Every goal as `list_goals` returns it. Added without raising the version: files from
    /// before goals don't have it.
    goals: &'r [Goal],
    /// Every counselor's suggestion as `list_proposals` returns it (added with `goals`).
    proposals: Vec<Proposal>,
    safety_plan: Option<SafetyPlan>,
    own_prompts: &'r [CustomPrompt],
    own_feelings: &'r [CustomFeeling],
}

/// Streams the entries: each is read, written and dropped in turn, so memory stays flat.
struct JsonEntries<'r, 'a> {
    run: std::cell::RefCell<&'r mut Run<'a>>,
    items: &'r [Item],
    /// Why the stream stopped, when it was the journal and not the writer.
    failure: std::cell::RefCell<Option<ExportError>>,
}

/// An entry as the API returns it, plus the words Cove knows for its ids.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonEntry<'a> {
    #[serde(flatten)]
    entry: &'a Entry,
    #[serde(skip_serializing_if = "Option::is_none")]
    prompt_text: Option<&'a str>,
    /// A goal check-in's goal's title; absent once that goal was deleted.
    #[serde(skip_serializing_if = "Option::is_none")]
    goal_title: Option<&'a str>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    feeling_words: BTreeMap<&'a str, &'a str>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    sensation_words: BTreeMap<&'a str, &'a str>,
}

impl Serialize for JsonEntries<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut run = self.run.borrow_mut();
        let mut seq = serializer.serialize_seq(Some(self.items.len()))?;
        for item in self.items {
            let entry = match journal::get_entry(run.conn, item.id) {
                Ok(entry) => entry,
                Err(err) => {
                    *self.failure.borrow_mut() = Some(err.into());
                    return Err(S::Error::custom("reading the journal"));
                }
            };
            let mut feeling_words = BTreeMap::new();
            let mut sensation_words = BTreeMap::new();
            if let Some(c) = &entry.checkin {
                for f in &c.feelings {
                    if let Some(word) = run.feeling_word(&f.feeling) {
                        feeling_words.insert(f.feeling.as_str(), word);
                    }
                }
                for s in &c.sensations {
                    if let Some(word) = run.sensation_word(s) {
                        sensation_words.insert(s.as_str(), word);
                    }
                }
            }
            seq.serialize_element(&JsonEntry {
                entry: &entry,
                prompt_text: entry.prompt_id.as_deref().and_then(|p| run.prompt_text(p)),
                goal_title: entry.goal.as_ref().and_then(|g| run.goal_title(g.goal_id)),
                feeling_words,
                sensation_words,
            })?;
            drop(entry);
            run.tick();
        }
        seq.end()
    }
}

fn write_json(
    run: &mut Run<'_>,
    folder: &Path,
    base: &str,
    tmp: &Path,
    items: &[Item],
    now: &DateTime<FixedOffset>,
) -> Result<(PathBuf, u32), ExportError> {
    let conn = run.conn;
    let language = run.input.language;
    let library = run.library.clone();
    let goals = run.goals;
    let doc = JsonExport {
        format_version: FORMAT_VERSION,
        app: "Cove",
        app_version: env!("CARGO_PKG_VERSION"),
        exported_at: now.to_rfc3339_opts(SecondsFormat::Millis, false),
        language,
        profile: profile(conn)?,
        goals,
        proposals: goals::list_proposals(conn)?,
        safety_plan: saved_plan(conn)?,
        own_prompts: &library.custom_prompts,
        own_feelings: &library.custom_feelings,
        entries: JsonEntries {
            run: std::cell::RefCell::new(run),
            items,
            failure: std::cell::RefCell::new(None),
        },
    };
    write_then_publish(folder, base, tmp, false, |tmp| {
        let mut out = OutFile::create(tmp)?;
        let written = serde_json::to_writer_pretty(&mut out.writer, &doc)
            .and_then(|()| out.writer.write_all(b"\n").map_err(serde_json::Error::io));
        if let Err(err) = written {
            if let Some(failure) = doc.entries.failure.borrow_mut().take() {
                return Err(failure);
            }
            return Err(if err.is_io() {
                io_error(err.into())
            } else {
                ExportError::Io(WRITE_FAILED.into())
            });
        }
        out.finish()?;
        Ok(1)
    })
}

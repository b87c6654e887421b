//! The personal safety plan (the sections of the Stanley–Brown Safety Planning Intervention),
//! stored only inside the encrypted database (`settings` row `safety_plan`, JSON).
//!
//! Saving trims every text, drops blank items (and contacts with neither a name nor a phone)
//! and checks the limits below; the text itself is kept exactly as typed (no Unicode
//! normalisation, no HTML escaping: the UI renders it as text). Messages never quote the
//! person's writing.

use chrono::{Local, SecondsFormat};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::vault::settings::{load_json, save_json};
use crate::vault::VaultError;

/// Most items (or contacts) in one section.
pub const SECTION_MAX_ITEMS: usize = 50;
/// Longest text item, in characters.
pub const ITEM_MAX_CHARS: usize = 2000;
/// Longest contact name, in characters.
pub const CONTACT_NAME_MAX_CHARS: usize = 200;
/// Longest phone number, in characters.
pub const PHONE_MAX_CHARS: usize = 40;
/// Longest note on a contact, in characters.
pub const CONTACT_NOTE_MAX_CHARS: usize = 500;

const SAFETY_PLAN_KEY: &str = "safety_plan";

/// Someone to reach out to: a name and/or a phone number, with an optional note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SafetyContact {
    pub name: String,
    /// Digits, spaces and `+ ( ) - .` only.
    pub phone: Option<String>,
    pub note: Option<String>,
}

/// The whole plan. Every section is a list; an empty plan is the default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct SafetyPlan {
    /// 1. Warning signs that a crisis may be developing.
    pub warning_signs: Vec<String>,
    /// 2. Things I can do on my own to take my mind off my problems.
    pub coping_on_my_own: Vec<String>,
    /// 3. People and social places that help me feel better.
    pub people_and_places: Vec<String>,
    /// 4. People I can ask for help.
    pub people_to_ask: Vec<SafetyContact>,
    /// 5. Professionals and services I can contact in a crisis.
    pub professionals: Vec<SafetyContact>,
    /// 6. Making my space safer.
    pub safer_space: Vec<String>,
    /// My reasons for living.
    pub reasons_for_living: Vec<String>,
    /// When the plan was last saved: local time, RFC 3339 with offset. Set by the backend;
    /// `null` until the first save.
    pub updated_at: Option<String>,
}

/// What can go wrong with the safety plan.
#[derive(Debug, thiserror::Error)]
pub enum SafetyError {
    /// Something the person can fix (too many items, text too long, …); plain words.
    #[error("{0}")]
    InvalidInput(String),

    /// Reading or writing the encrypted database.
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl SafetyError {
    /// The stable code of `docs/api-contract.md` (`ErrorCode`).
    pub fn code(&self) -> &'static str {
        match self {
            SafetyError::InvalidInput(_) => "invalid_input",
            SafetyError::Vault(err) => err.code(),
        }
    }
}

type Result<T> = std::result::Result<T, SafetyError>;

/// The saved plan, or an empty one if none was saved yet.
pub fn load(conn: &Connection) -> Result<SafetyPlan> {
    Ok(load_json(conn, SAFETY_PLAN_KEY, "safety plan")?.unwrap_or_default())
}

/// Normalises and checks `plan`, stamps `updated_at` with the local time, stores it (replacing
/// the previous plan) and returns what was stored. Nothing is written when a check fails.
pub fn save(conn: &Connection, plan: SafetyPlan) -> Result<SafetyPlan> {
    let mut clean = plan.normalized()?;
    clean.updated_at = Some(Local::now().to_rfc3339_opts(SecondsFormat::Secs, false));
    save_json(conn, SAFETY_PLAN_KEY, &clean)?;
    Ok(clean)
}

impl SafetyPlan {
    /// Trims, drops blanks and checks the limits. `updated_at` is kept as given.
    pub fn normalized(self) -> Result<SafetyPlan> {
        Ok(SafetyPlan {
            warning_signs: clean_items(self.warning_signs, "Warning signs")?,
            coping_on_my_own: clean_items(self.coping_on_my_own, "Things I can do on my own")?,
            people_and_places: clean_items(self.people_and_places, "People and places")?,
            people_to_ask: clean_contacts(self.people_to_ask, "People I can ask for help")?,
            professionals: clean_contacts(self.professionals, "Professionals and services")?,
            safer_space: clean_items(self.safer_space, "Making my space safer")?,
            reasons_for_living: clean_items(self.reasons_for_living, "My reasons for living")?,
            updated_at: self.updated_at,
        })
    }
}

/// The trimmed text, or `None` when nothing is left.
fn trimmed(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

fn too_long(text: &str, max: usize) -> bool {
    text.chars().count() > max
}

fn check_count(count: usize, section: &str) -> Result<()> {
    if count > SECTION_MAX_ITEMS {
        return Err(SafetyError::InvalidInput(format!(
            "\u{201c}{section}\u{201d} can hold up to {SECTION_MAX_ITEMS} items. \
             Please remove a few before saving."
        )));
    }
    Ok(())
}

fn clean_items(items: Vec<String>, section: &str) -> Result<Vec<String>> {
    let items: Vec<String> = items.iter().filter_map(|s| trimmed(s)).collect();
    check_count(items.len(), section)?;
    if items.iter().any(|item| too_long(item, ITEM_MAX_CHARS)) {
        return Err(SafetyError::InvalidInput(format!(
            "One of the items in \u{201c}{section}\u{201d} is longer than {ITEM_MAX_CHARS} \
             characters. Please shorten it before saving."
        )));
    }
    Ok(items)
}

fn is_phone_like(phone: &str) -> bool {
    phone.chars().any(|c| c.is_ascii_digit())
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '(' | ')' | '-' | '.'))
}

fn clean_contacts(contacts: Vec<SafetyContact>, section: &str) -> Result<Vec<SafetyContact>> {
    let contacts: Vec<SafetyContact> = contacts
        .iter()
        .map(|c| SafetyContact {
            name: c.name.trim().to_owned(),
            phone: c.phone.as_deref().and_then(trimmed),
            note: c.note.as_deref().and_then(trimmed),
        })
        .filter(|c| !c.name.is_empty() || c.phone.is_some())
        .collect();
    check_count(contacts.len(), section)?;
    for contact in &contacts {
        if too_long(&contact.name, CONTACT_NAME_MAX_CHARS) {
            return Err(SafetyError::InvalidInput(format!(
                "A name in \u{201c}{section}\u{201d} is longer than {CONTACT_NAME_MAX_CHARS} \
                 characters. Please shorten it before saving."
            )));
        }
        if let Some(phone) = &contact.phone {
            if too_long(phone, PHONE_MAX_CHARS) || !is_phone_like(phone) {
                return Err(SafetyError::InvalidInput(format!(
                    "A phone number in \u{201c}{section}\u{201d} can only use digits, spaces and \
                     + ( ) - . (at most {PHONE_MAX_CHARS} characters). Other details can go in \
                     the note."
                )));
            }
        }
        if contact
            .note
            .as_deref()
            .is_some_and(|note| too_long(note, CONTACT_NOTE_MAX_CHARS))
        {
            return Err(SafetyError::InvalidInput(format!(
                "A note in \u{201c}{section}\u{201d} is longer than {CONTACT_NOTE_MAX_CHARS} \
                 characters. Please shorten it before saving."
            )));
        }
    }
    Ok(contacts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{fixture, secret, Fixture};
    use crate::vault::{KdfParams, Vault};

    const PASS: &str = "a plan for the hard days";

    fn create(f: &Fixture) -> Vault {
        Vault::create(&f.dir, &secret(PASS), KdfParams::floor())
            .expect("create")
            .0
    }

    fn reopen(f: &Fixture, vault: Vault) -> Vault {
        vault.lock();
        Vault::unlock_with_passphrase(&f.dir, &secret(PASS)).expect("unlock")
    }

    fn contact(name: &str, phone: Option<&str>, note: Option<&str>) -> SafetyContact {
        SafetyContact {
            name: name.into(),
            phone: phone.map(Into::into),
            note: note.map(Into::into),
        }
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    fn full_plan() -> SafetyPlan {
        SafetyPlan {
            warning_signs: strings(&["I stop answering messages", "I can't sleep"]),
            coping_on_my_own: strings(&["Walk to the river", "Loud music 🎧"]),
            people_and_places: strings(&["The library", "Jo's kitchen"]),
            people_to_ask: vec![
                contact("Aunt Mo", Some("+1 (555) 010-2030"), Some("after 6pm")),
                contact("Jo", None, None),
            ],
            professionals: vec![contact(
                "School counselor",
                Some("555.010.4477"),
                Some("Room 12, Mondays"),
            )],
            safer_space: strings(&["Give the pills to Dad"]),
            reasons_for_living: strings(&["My little sister", "Finishing my comic"]),
            updated_at: None,
        }
    }

    fn code(err: SafetyError) -> &'static str {
        err.code()
    }

    #[test]
    fn nothing_saved_yet_loads_an_empty_plan() {
        let f = fixture();
        let vault = create(&f);
        let plan = load(vault.conn()).expect("load");
        assert_eq!(plan, SafetyPlan::default());
        assert!(plan.warning_signs.is_empty() && plan.updated_at.is_none());
    }

    #[test]
    fn saved_plan_survives_lock_and_unlock_unchanged() {
        let f = fixture();
        let vault = create(&f);
        let saved = save(vault.conn(), full_plan()).expect("save");
        assert_eq!(
            SafetyPlan {
                updated_at: None,
                ..saved.clone()
            },
            full_plan()
        );
        let vault = reopen(&f, vault);
        assert_eq!(load(vault.conn()).expect("load"), saved);
    }

    #[test]
    fn save_stamps_updated_at_with_a_local_rfc3339_time_and_offset() {
        let f = fixture();
        let vault = create(&f);
        let before = chrono::Utc::now() - chrono::Duration::seconds(2);
        let plan = SafetyPlan {
            updated_at: Some("1999-01-01T00:00:00Z".into()),
            ..SafetyPlan::default()
        };
        let saved = save(vault.conn(), plan).expect("save");
        let stamp = saved.updated_at.expect("stamped");
        let parsed = chrono::DateTime::parse_from_rfc3339(&stamp).expect("rfc 3339");
        assert!(parsed >= before, "{stamp}");
        assert!(!stamp.ends_with('Z'), "offset written as ±hh:mm: {stamp}");
        assert_eq!(
            parsed.offset().local_minus_utc(),
            parsed.with_timezone(&Local).offset().local_minus_utc(),
            "written in local time: {stamp}"
        );
    }

    #[test]
    fn a_second_save_replaces_the_first() {
        let f = fixture();
        let vault = create(&f);
        save(vault.conn(), full_plan()).expect("first");
        let second = SafetyPlan {
            reasons_for_living: strings(&["Spring"]),
            ..SafetyPlan::default()
        };
        let saved = save(vault.conn(), second).expect("second");
        let loaded = load(vault.conn()).expect("load");
        assert_eq!(loaded, saved);
        assert_eq!(loaded.reasons_for_living, strings(&["Spring"]));
        assert!(loaded.warning_signs.is_empty() && loaded.people_to_ask.is_empty());
    }

    #[test]
    fn save_trims_text_and_drops_blank_items_and_empty_contacts() {
        let plan = SafetyPlan {
            warning_signs: strings(&["  racing thoughts \n", "", "   ", "\tpacing"]),
            people_to_ask: vec![
                contact("  Sam  ", Some("   "), Some("  ")),
                contact("   ", None, Some("a note alone is not a contact")),
                contact("", Some(" 741741 "), None),
                contact(" ", Some(""), None),
            ],
            ..SafetyPlan::default()
        };
        let clean = plan.normalized().expect("valid");
        assert_eq!(clean.warning_signs, strings(&["racing thoughts", "pacing"]));
        assert_eq!(
            clean.people_to_ask,
            vec![
                contact("Sam", None, None),
                contact("", Some("741741"), None)
            ]
        );
    }

    #[test]
    fn section_item_and_contact_limits_are_invalid_input() {
        let at_limit = SafetyPlan {
            warning_signs: vec!["x".into(); SECTION_MAX_ITEMS],
            coping_on_my_own: vec!["é".repeat(ITEM_MAX_CHARS)],
            professionals: vec![contact(
                &"n".repeat(CONTACT_NAME_MAX_CHARS),
                Some(&"1".repeat(PHONE_MAX_CHARS)),
                Some(&"ñ".repeat(CONTACT_NOTE_MAX_CHARS)),
            )],
            people_to_ask: vec![contact("x", None, None); SECTION_MAX_ITEMS],
            ..SafetyPlan::default()
        };
        assert!(at_limit.clone().normalized().is_ok());

        let over: Vec<SafetyPlan> = vec![
            SafetyPlan {
                warning_signs: vec!["x".into(); SECTION_MAX_ITEMS + 1],
                ..SafetyPlan::default()
            },
            SafetyPlan {
                people_to_ask: vec![contact("x", None, None); SECTION_MAX_ITEMS + 1],
                ..SafetyPlan::default()
            },
            SafetyPlan {
                reasons_for_living: vec!["é".repeat(ITEM_MAX_CHARS + 1)],
                ..SafetyPlan::default()
            },
            SafetyPlan {
                professionals: vec![contact(&"n".repeat(CONTACT_NAME_MAX_CHARS + 1), None, None)],
                ..SafetyPlan::default()
            },
            SafetyPlan {
                professionals: vec![contact("x", Some(&"1".repeat(PHONE_MAX_CHARS + 1)), None)],
                ..SafetyPlan::default()
            },
            SafetyPlan {
                people_to_ask: vec![contact(
                    "x",
                    None,
                    Some(&"ñ".repeat(CONTACT_NOTE_MAX_CHARS + 1)),
                )],
                ..SafetyPlan::default()
            },
        ];
        for plan in over {
            let err = plan.normalized().expect_err("over a limit");
            assert_eq!(err.code(), "invalid_input");
            assert!(!err.to_string().is_empty());
        }
    }

    #[test]
    fn blank_items_do_not_count_towards_the_section_limit() {
        let mut items = vec!["keep".to_owned(); SECTION_MAX_ITEMS];
        items.extend(vec!["   ".to_owned(); 10]);
        let plan = SafetyPlan {
            safer_space: items,
            ..SafetyPlan::default()
        };
        assert_eq!(
            plan.normalized().expect("ok").safer_space.len(),
            SECTION_MAX_ITEMS
        );
    }

    #[test]
    fn phone_numbers_are_phone_like_only() {
        for ok in [
            "741741",
            "+44 (0)20 7946 0958",
            "555-010-2030",
            "555.010.2030",
        ] {
            let plan = SafetyPlan {
                people_to_ask: vec![contact("x", Some(ok), None)],
                ..SafetyPlan::default()
            };
            assert!(plan.normalized().is_ok(), "{ok}");
        }
        for bad in [
            "text HOME to 741741",
            "555-CALL-NOW",
            "+()-. ",
            "555\t0102",
            "٥٥٥",
            "555;0102",
        ] {
            let plan = SafetyPlan {
                professionals: vec![contact("x", Some(bad), None)],
                ..SafetyPlan::default()
            };
            let err = plan.normalized().expect_err(bad);
            assert_eq!(code(err), "invalid_input", "{bad}");
        }
    }

    #[test]
    fn error_messages_never_quote_what_was_typed() {
        let needle = "secret words 7c1d";
        let plan = SafetyPlan {
            warning_signs: vec![format!("{needle}{}", "x".repeat(ITEM_MAX_CHARS))],
            ..SafetyPlan::default()
        };
        let err = plan.normalized().expect_err("too long");
        assert!(!err.to_string().contains(needle));
        let plan = SafetyPlan {
            people_to_ask: vec![contact(needle, Some(needle), None)],
            ..SafetyPlan::default()
        };
        let err = plan.normalized().expect_err("not a phone");
        assert!(!err.to_string().contains(needle));
    }

    #[test]
    fn unicode_and_html_are_kept_byte_for_byte() {
        let f = fixture();
        let vault = create(&f);
        let texts = [
            "👩🏽‍🤝‍👩🏻 my people 🏳️‍🌈",
            "أحتاج إلى التحدث مع أمي",
            "שלום \u{200f}עולם\u{200e} (mixed) 123",
            // Decomposed (NFD) spelling: must not be turned into NFC.
            "cafe\u{301} con mi abuela, nin\u{303}o",
            "<script>alert('hi')</script> & &amp; <b>bold</b>",
            "line one\nline two",
            "\u{200b}zero-width start",
        ];
        let plan = SafetyPlan {
            warning_signs: strings(&texts),
            people_to_ask: vec![contact(
                "  Zoë \u{1F49C} ",
                Some(" +1 555 010 "),
                Some("<i>she/her</i> 🌙"),
            )],
            ..SafetyPlan::default()
        };
        let saved = save(vault.conn(), plan).expect("save");
        assert_eq!(saved.warning_signs, strings(&texts));
        let vault = reopen(&f, vault);
        let loaded = load(vault.conn()).expect("load");
        for (got, want) in loaded.warning_signs.iter().zip(texts) {
            assert_eq!(got.as_bytes(), want.as_bytes());
        }
        assert_eq!(loaded.people_to_ask[0].name, "Zoë \u{1F49C}");
        assert_eq!(loaded.people_to_ask[0].phone.as_deref(), Some("+1 555 010"));
        assert_eq!(
            loaded.people_to_ask[0].note.as_deref(),
            Some("<i>she/her</i> 🌙")
        );
    }

    #[test]
    fn an_invalid_plan_leaves_the_saved_one_untouched() {
        let f = fixture();
        let vault = create(&f);
        let saved = save(vault.conn(), full_plan()).expect("save");
        let bad = SafetyPlan {
            warning_signs: vec!["x".into(); SECTION_MAX_ITEMS + 1],
            ..full_plan()
        };
        assert_eq!(
            code(save(vault.conn(), bad).expect_err("bad")),
            "invalid_input"
        );
        assert_eq!(load(vault.conn()).expect("load"), saved);
    }

    #[test]
    fn an_unreadable_saved_plan_is_corrupt() {
        let f = fixture();
        let vault = create(&f);
        vault
            .conn()
            .execute(
                "INSERT INTO settings (key, value) VALUES ('safety_plan', '{not json')",
                [],
            )
            .expect("insert");
        assert_eq!(code(load(vault.conn()).expect_err("corrupt")), "corrupt");
    }

    #[test]
    fn saved_plan_is_not_plaintext_in_any_file_of_the_data_folder() {
        let f = fixture();
        let vault = create(&f);
        let needles = ["a distinctive safety needle 5b2e91", "Contact needle q7Zk"];
        let plan = SafetyPlan {
            reasons_for_living: strings(&[needles[0]]),
            people_to_ask: vec![contact(needles[1], Some("555 0199"), None)],
            ..SafetyPlan::default()
        };
        save(vault.conn(), plan).expect("save");
        crate::prefs::Prefs::default()
            .save(f.dir.path())
            .expect("prefs");
        let scan = |when: &str| {
            let mut files = 0;
            for entry in std::fs::read_dir(f.dir.path()).expect("list") {
                let path = entry.expect("entry").path();
                let bytes = std::fs::read(&path).expect("read");
                for needle in needles {
                    assert!(
                        !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                        "{needle:?} in plaintext in {} ({when})",
                        path.display()
                    );
                }
                files += 1;
            }
            assert!(files >= 4, "only {files} files scanned ({when})");
        };
        scan("while unlocked");
        vault.lock();
        scan("after locking");
    }
}

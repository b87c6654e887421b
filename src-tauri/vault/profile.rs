//! The user's chosen name and pronouns, stored only inside the encrypted database
//! (`settings` row `profile`, JSON).

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::{Result, VaultError};
use super::settings::{load_json, save_json};

/// Longest name accepted, in characters.
pub const PROFILE_FIELD_MAX_CHARS: usize = 200;

/// Longest single pronoun form (or Spanish pronoun) accepted, in characters.
pub const PRONOUN_FORM_MAX_CHARS: usize = 40;

const PROFILE_KEY: &str = "profile";

/// The ids of the built-in pronoun sets (the UI holds their forms), then `custom`.
pub const PRONOUN_SET_IDS: &[&str] = &[
    "she",
    "he",
    "they",
    "xe",
    "ze_hir",
    "ze_zir",
    "fae",
    "e",
    "it",
    "any",
    "name_only",
    "custom",
];

/// How the app addresses and describes the person. Every part is optional; blanks are `None`.
/// Changing it changes every screen at once; nothing keeps the previous values (unless the
/// person saves them in a reflection).
///
/// Reading accepts the profile of Cove before pronoun sets (`"pronouns": "they/them"`, a
/// string) and converts it (see [`PronounSet::from_legacy`]), wherever a profile is read: the
/// vault, an old backup, an older UI.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// The name the app calls the person by; `null`: the app speaks without a name.
    pub name: Option<String>,
    /// The pronoun set the app uses for the person; `null`: not chosen.
    pub pronouns: Option<PronounSet>,
    /// What summaries shared with a counselor use; `null`: the same as in the app.
    pub shared: Option<SharedAddressing>,
    /// How the Spanish screens speak about the person; `null`: follows `pronouns`
    /// (she → ella/-a, he → él/-o, every other set → elle/-e).
    pub spanish: Option<SpanishAddressing>,
}

/// The name and pronouns used in what is shared with a counselor (client-chosen, e.g. the app
/// uses she/her while shared summaries use they/them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct SharedAddressing {
    /// `null`: the app's name.
    pub name: Option<String>,
    /// `null`: the app's pronouns.
    pub pronouns: Option<PronounSet>,
}

/// One English pronoun set with all five forms and its verb agreement. Built-in sets are
/// stored complete (the UI's table fills them in), so anything that describes the person needs
/// no table; a custom set holds what the person typed (a blank form falls back, see the UI's
/// `completeSet`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct PronounSet {
    /// `she`, `he`, `they`, `xe`, `ze_hir`, `ze_zir`, `fae`, `e`, `it`, `any` (any pronouns; the
    /// forms are the ones the app uses when it has to pick), `name_only` (no pronouns, use my
    /// name; all forms blank) or `custom`.
    pub id: String,
    /// "she", "they", "xe" (lower case, as used mid-sentence).
    pub subject: String,
    /// "her", "them", "xem".
    pub object: String,
    /// Possessive determiner: "her", "their", "xyr".
    pub determiner: String,
    /// Possessive pronoun: "hers", "theirs", "xyrs".
    pub possessive: String,
    /// "herself", "themself" or "themselves" (the person's choice), "xemself".
    pub reflexive: String,
    /// Verb agreement: `true` for "they are", `false` for "she is".
    pub plural_verbs: bool,
}

/// Spanish: which pronoun and which ending for words that change with gender
/// ("lista / listo / liste / listx").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SpanishAddressing {
    /// "ella", "él", "elle" or what the person typed; `null`: no pronoun, use my name.
    pub pronoun: Option<String>,
    pub ending: SpanishEnding,
}

/// The ending of gendered Spanish words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SpanishEnding {
    /// lista, amiga
    A,
    /// listo, amigo
    O,
    /// liste, amigue (gender-neutral)
    E,
    /// listx, amigx (gender-neutral, written)
    X,
}

impl<'de> Deserialize<'de> for Profile {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        /// A profile as stored: today's shape, or the first one with pronouns as text.
        #[derive(Deserialize, Default)]
        #[serde(rename_all = "camelCase", default)]
        struct Stored {
            name: Option<String>,
            pronouns: Option<StoredPronouns>,
            shared: Option<SharedAddressing>,
            spanish: Option<SpanishAddressing>,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum StoredPronouns {
            Set(PronounSet),
            Legacy(String),
        }
        let stored = Stored::deserialize(deserializer)?;
        Ok(Profile {
            name: stored.name,
            pronouns: match stored.pronouns {
                None => None,
                Some(StoredPronouns::Set(set)) => Some(set),
                Some(StoredPronouns::Legacy(text)) => PronounSet::from_legacy(&text),
            },
            shared: stored.shared,
            spanish: stored.spanish,
        })
    }
}

impl Profile {
    /// Trims every field, turns blanks into `None`, and refuses over-long or control text.
    pub fn normalized(&self) -> Result<Profile> {
        Ok(Profile {
            name: normalize_field(self.name.as_deref(), "name")?,
            pronouns: self
                .pronouns
                .as_ref()
                .map(PronounSet::normalized)
                .transpose()?,
            shared: self
                .shared
                .as_ref()
                .map(|shared| -> Result<SharedAddressing> {
                    Ok(SharedAddressing {
                        name: normalize_field(shared.name.as_deref(), "name")?,
                        pronouns: shared
                            .pronouns
                            .as_ref()
                            .map(PronounSet::normalized)
                            .transpose()?,
                    })
                })
                .transpose()?,
            spanish: self
                .spanish
                .as_ref()
                .map(|es| -> Result<SpanishAddressing> {
                    Ok(SpanishAddressing {
                        pronoun: normalize_form(es.pronoun.as_deref())?,
                        ending: es.ending,
                    })
                })
                .transpose()?,
        })
    }
}

impl PronounSet {
    /// she/her, he/him or they/them (with "themself") complete; `None` for any other id.
    pub fn common(id: &str) -> Option<PronounSet> {
        let (forms, plural_verbs) = match id {
            "she" => (["she", "her", "her", "hers", "herself"], false),
            "he" => (["he", "him", "his", "his", "himself"], false),
            "they" => (["they", "them", "their", "theirs", "themself"], true),
            _ => return None,
        };
        let [subject, object, determiner, possessive, reflexive] = forms.map(str::to_owned);
        Some(PronounSet {
            id: id.to_owned(),
            subject,
            object,
            determiner,
            possessive,
            reflexive,
            plural_verbs,
        })
    }

    /// The set for the pronouns of a profile saved before pronoun sets, which were one line of
    /// text such as "she/her". By its first word: she/ella → she, he/él/el → he, they/elle →
    /// they (with "themselves" when the text has it), any… → `any` (with the forms of they),
    /// no/none → `name_only`; anything else → `custom`, with the `/`-separated words as subject,
    /// object, determiner, possessive and reflexive in that order (blanks for the rest). Blank
    /// text → `None`. The result always passes [`PronounSet::normalized`].
    pub fn from_legacy(text: &str) -> Option<PronounSet> {
        let text = text
            .trim()
            .trim_start_matches(|c: char| c == '/' || c.is_whitespace());
        if text.is_empty() {
            return None;
        }
        let first = text
            .split(|c: char| c == '/' || c == ',' || c.is_whitespace())
            .next()
            .unwrap_or_default()
            .to_lowercase();
        let lower = text.to_lowercase();
        match first.as_str() {
            "she" | "ella" => return PronounSet::common("she"),
            "he" | "él" | "el" => return PronounSet::common("he"),
            "they" | "elle" => {
                let mut set = PronounSet::common("they")?;
                if lower.contains("themselves") {
                    set.reflexive = "themselves".to_owned();
                }
                return Some(set);
            }
            "no" | "none" => {
                return Some(PronounSet {
                    id: "name_only".to_owned(),
                    ..PronounSet::default()
                })
            }
            _ => {}
        }
        if first.starts_with("any") {
            return Some(PronounSet {
                id: "any".to_owned(),
                ..PronounSet::common("they")?
            });
        }
        let mut forms = text.split('/').map(|part| {
            part.trim()
                .chars()
                .filter(|c| !c.is_control())
                .take(PRONOUN_FORM_MAX_CHARS)
                .collect::<String>()
                .trim()
                .to_owned()
        });
        let mut next = || forms.next().unwrap_or_default();
        Some(PronounSet {
            id: "custom".to_owned(),
            subject: next(),
            object: next(),
            determiner: next(),
            possessive: next(),
            reflexive: next(),
            plural_verbs: false,
        })
    }

    /// Trims every form and refuses over-long or control text, an unknown id, and a custom set
    /// (or a built-in one other than `name_only`) without its first form. `name_only` keeps no
    /// forms.
    pub fn normalized(&self) -> Result<PronounSet> {
        let id = self.id.trim();
        if !PRONOUN_SET_IDS.contains(&id) {
            return Err(VaultError::InvalidInput(
                "That pronoun set isn't one Cove knows. Please choose it again.".to_owned(),
            ));
        }
        if id == "name_only" {
            return Ok(PronounSet {
                id: id.to_owned(),
                ..PronounSet::default()
            });
        }
        let form = |value: &str| -> Result<String> {
            Ok(normalize_form(Some(value))?.unwrap_or_default())
        };
        let set = PronounSet {
            id: id.to_owned(),
            subject: form(&self.subject)?,
            object: form(&self.object)?,
            determiner: form(&self.determiner)?,
            possessive: form(&self.possessive)?,
            reflexive: form(&self.reflexive)?,
            plural_verbs: self.plural_verbs,
        };
        if set.subject.is_empty() {
            return Err(VaultError::InvalidInput(if id == "custom" {
                "Please add at least the first pronoun, like 'xe'.".to_owned()
            } else {
                "That pronoun set didn't come through. Please choose it again.".to_owned()
            }));
        }
        Ok(set)
    }

    /// "she/her", "xe/xem": the subject and object forms (only the subject when there is no
    /// object; empty for `name_only`).
    pub fn short_label(&self) -> String {
        match (self.subject.is_empty(), self.object.is_empty()) {
            (false, false) => format!("{}/{}", self.subject, self.object),
            (false, true) => self.subject.clone(),
            _ => String::new(),
        }
    }
}

/// A name as the profile keeps it (also a name tried on in the identity space): trimmed, blank →
/// `None`, at most [`PROFILE_FIELD_MAX_CHARS`] characters, no line breaks or tabs. Any script,
/// emoji, `{…}` or `<…>` is kept exactly.
pub fn normalize_name(value: Option<&str>) -> Result<Option<String>> {
    normalize_field(value, "name")
}

fn normalize_form(value: Option<&str>) -> Result<Option<String>> {
    let Some(raw) = value else {
        return Ok(None);
    };
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if trimmed.chars().count() > PRONOUN_FORM_MAX_CHARS {
        return Err(VaultError::InvalidInput(format!(
            "A pronoun can be at most {PRONOUN_FORM_MAX_CHARS} characters long."
        )));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(VaultError::InvalidInput(
            "Pronouns can't contain line breaks or tabs.".to_owned(),
        ));
    }
    Ok(Some(trimmed.to_owned()))
}

fn normalize_field(value: Option<&str>, what: &str) -> Result<Option<String>> {
    let Some(raw) = value else {
        return Ok(None);
    };
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if trimmed.chars().count() > PROFILE_FIELD_MAX_CHARS {
        return Err(VaultError::InvalidInput(format!(
            "That {what} is a bit long: please keep it to {PROFILE_FIELD_MAX_CHARS} characters or fewer."
        )));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(VaultError::InvalidInput(format!(
            "The {what} can't contain line breaks or tabs."
        )));
    }
    Ok(Some(trimmed.to_owned()))
}

pub(crate) fn load_profile(conn: &Connection) -> Result<Profile> {
    Ok(load_json(conn, PROFILE_KEY, "name and pronouns")?.unwrap_or_default())
}

pub(crate) fn save_profile(conn: &Connection, profile: &Profile) -> Result<Profile> {
    let clean = profile.normalized()?;
    save_json(conn, PROFILE_KEY, &clean)?;
    Ok(clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_fields_are_trimmed_and_blanks_become_none() {
        let p = Profile {
            name: Some("  Sam ".into()),
            shared: Some(SharedAddressing {
                name: Some("   ".into()),
                pronouns: None,
            }),
            ..Profile::default()
        };
        assert_eq!(
            p.normalized().expect("ok"),
            Profile {
                name: Some("Sam".into()),
                shared: Some(SharedAddressing::default()),
                ..Profile::default()
            }
        );
    }

    #[test]
    fn profile_longer_than_200_chars_is_invalid_input() {
        let p = Profile {
            name: Some("é".repeat(201)),
            ..Profile::default()
        };
        assert_eq!(
            p.normalized().expect_err("too long").code(),
            "invalid_input"
        );
        let ok = Profile {
            name: Some("é".repeat(200)),
            ..Profile::default()
        };
        assert!(ok.normalized().is_ok());
    }

    #[test]
    fn profile_serialises_in_camel_case_with_nulls() {
        let json = serde_json::to_string(&Profile::default()).expect("json");
        assert_eq!(
            json,
            r#"{"name":null,"pronouns":null,"shared":null,"spanish":null}"#
        );
    }

    fn custom(forms: [&str; 5]) -> PronounSet {
        let [subject, object, determiner, possessive, reflexive] = forms.map(str::to_owned);
        PronounSet {
            id: "custom".into(),
            subject,
            object,
            determiner,
            possessive,
            reflexive,
            plural_verbs: false,
        }
    }

    #[test]
    fn legacy_pronoun_text_becomes_a_set_by_its_first_word() {
        let she = PronounSet::common("she");
        let he = PronounSet::common("he");
        let they = PronounSet::common("they");
        for (text, want) in [
            ("she/her", &she),
            ("  She / Her ", &she),
            ("she/they", &she),
            ("ella", &she),
            ("he/him", &he),
            ("HE/HIM/HIS", &he),
            ("él", &he),
            ("El/lo", &he),
            ("they/them", &they),
            ("They them", &they),
            ("elle", &they),
            ("/they/them", &they),
        ] {
            assert_eq!(
                PronounSet::from_legacy(text).as_ref(),
                want.as_ref(),
                "{text:?}"
            );
        }
        let themselves = PronounSet::from_legacy("they/them/themselves").expect("they");
        assert_eq!(themselves.reflexive, "themselves");
        assert!(themselves.plural_verbs);

        for text in ["any", "any pronouns", "Any/all"] {
            let any = PronounSet::from_legacy(text).expect("any");
            assert_eq!(any.id, "any", "{text:?}");
            assert_eq!(
                (any.subject.as_str(), any.object.as_str()),
                ("they", "them")
            );
            assert!(any.plural_verbs);
        }
        for text in ["none", "no pronouns"] {
            let none = PronounSet::from_legacy(text).expect("none");
            assert_eq!(none.id, "name_only", "{text:?}");
            assert_eq!(none.subject, "");
        }

        assert_eq!(
            PronounSet::from_legacy("xe/xem/xyr"),
            Some(custom(["xe", "xem", "xyr", "", ""]))
        );
        assert_eq!(
            PronounSet::from_legacy(" fae / faer/faer/faers/faerself/extra "),
            Some(custom(["fae", "faer", "faer", "faers", "faerself"]))
        );
        assert_eq!(
            PronounSet::from_legacy("ze//hirs"),
            Some(custom(["ze", "", "hirs", "", ""]))
        );
        assert_eq!(
            PronounSet::from_legacy("Ἀλέξης"),
            Some(custom(["Ἀλέξης", "", "", "", ""]))
        );
        let long = PronounSet::from_legacy(&"x".repeat(150)).expect("long");
        assert_eq!(long.subject.chars().count(), PRONOUN_FORM_MAX_CHARS);
        for blank in ["", "   ", " / / "] {
            assert_eq!(PronounSet::from_legacy(blank), None, "{blank:?}");
        }
        // Whatever the text, the set can be saved again as it is.
        for text in ["she", "any", "none", "xe/xem", &"y/".repeat(100), "🌈/✨"] {
            let set = PronounSet::from_legacy(text).expect("set");
            assert_eq!(set.normalized().expect("valid"), set, "{text:?}");
        }
    }

    #[test]
    fn a_profile_stored_with_pronouns_as_text_is_read_as_a_set() {
        let old: Profile =
            serde_json::from_str(r#"{"name":"Sam","pronouns":"xe/xem"}"#).expect("legacy");
        assert_eq!(
            old,
            Profile {
                name: Some("Sam".into()),
                pronouns: Some(custom(["xe", "xem", "", "", ""])),
                ..Profile::default()
            }
        );
        let blank: Profile =
            serde_json::from_str(r#"{"name":null,"pronouns":"  "}"#).expect("blank");
        assert_eq!(blank, Profile::default());
        let only_name: Profile = serde_json::from_str(r#"{"name":"Sam"}"#).expect("name only");
        assert_eq!(only_name.pronouns, None);
        // Today's shape reads back exactly.
        let today = Profile {
            name: Some("Río".into()),
            pronouns: PronounSet::common("he"),
            shared: Some(SharedAddressing {
                name: None,
                pronouns: PronounSet::common("they"),
            }),
            spanish: Some(SpanishAddressing {
                pronoun: Some("elle".into()),
                ending: SpanishEnding::E,
            }),
        };
        let json = serde_json::to_string(&today).expect("json");
        assert_eq!(serde_json::from_str::<Profile>(&json).expect("read"), today);
        assert!(serde_json::from_str::<Profile>(r#"{"pronouns":7}"#).is_err());
    }

    #[test]
    fn pronoun_sets_need_a_known_id_and_a_custom_set_its_first_form() {
        let unknown = PronounSet {
            id: "hers".into(),
            ..PronounSet::common("she").expect("she")
        };
        let err = unknown.normalized().expect_err("unknown id");
        assert_eq!(err.code(), "invalid_input");

        let no_subject = custom(["  ", "xem", "xyr", "", ""]);
        let err = no_subject.normalized().expect_err("no subject");
        assert_eq!(err.code(), "invalid_input");
        assert_eq!(
            err.to_string(),
            "Please add at least the first pronoun, like 'xe'."
        );
        let blank_she = PronounSet {
            id: "she".into(),
            ..PronounSet::default()
        };
        assert_eq!(
            blank_she.normalized().expect_err("blank").code(),
            "invalid_input"
        );

        let typed = PronounSet {
            id: " custom ".into(),
            ..custom([" xe ", "xem ", "", " xyrs", ""])
        };
        assert_eq!(
            typed.normalized().expect("ok"),
            custom(["xe", "xem", "", "xyrs", ""])
        );
        let name_only = PronounSet {
            id: "name_only".into(),
            subject: "stray".into(),
            plural_verbs: true,
            ..PronounSet::default()
        };
        assert_eq!(
            name_only.normalized().expect("ok"),
            PronounSet {
                id: "name_only".into(),
                ..PronounSet::default()
            }
        );
        for id in PRONOUN_SET_IDS {
            let set = PronounSet {
                id: (*id).to_owned(),
                ..custom(["a", "b", "c", "d", "e"])
            };
            assert!(set.normalized().is_ok(), "{id}");
        }
        let long = custom(["x", &"é".repeat(41), "", "", ""]);
        assert_eq!(long.normalized().expect_err("long").code(), "invalid_input");
        let tab = custom(["x\ty", "", "", "", ""]);
        assert_eq!(tab.normalized().expect_err("tab").code(), "invalid_input");
        let ok = custom(["x", &"é".repeat(40), "", "", ""]);
        assert!(ok.normalized().is_ok());
    }

    #[test]
    fn names_in_any_script_and_with_markup_like_text_are_kept_exactly() {
        for name in [
            "Alex 🌈",
            "ماهر",
            "שׁירה",
            "{name}",
            "<b>Jo</b>",
            "Zoë's {count, plural, one {#} other {#}}",
            "李小龍",
            "'quoted'",
        ] {
            let p = Profile {
                name: Some(format!("  {name} ")),
                pronouns: PronounSet::from_legacy("xe/{xem}/<b>"),
                ..Profile::default()
            };
            let clean = p.normalized().expect("kept");
            assert_eq!(clean.name.as_deref(), Some(name));
            assert_eq!(
                clean.pronouns.expect("set").object,
                "{xem}",
                "forms are kept as typed"
            );
        }
        let line_break = Profile {
            name: Some("Sam\nJo".into()),
            ..Profile::default()
        };
        assert_eq!(
            line_break.normalized().expect_err("line break").code(),
            "invalid_input"
        );
        assert_eq!(normalize_name(Some("  ")).expect("blank"), None);
    }

    #[test]
    fn short_labels_show_subject_and_object() {
        assert_eq!(
            PronounSet::common("she").expect("she").short_label(),
            "she/her"
        );
        assert_eq!(custom(["xe", "", "", "", ""]).short_label(), "xe");
        assert_eq!(PronounSet::default().short_label(), "");
    }
}

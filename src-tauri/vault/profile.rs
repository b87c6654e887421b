//! The user's chosen name and pronouns, stored only inside the encrypted database
//! (`settings` row `profile`, JSON).

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::{Result, VaultError};
use super::settings::{load_json, save_json};

/// Longest name or pronouns accepted, in characters.
pub const PROFILE_FIELD_MAX_CHARS: usize = 200;

const PROFILE_KEY: &str = "profile";

/// How the app addresses the person. Both fields are optional; blanks are stored as `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub name: Option<String>,
    pub pronouns: Option<String>,
}

impl Profile {
    /// Trims both fields, turns blanks into `None`, and refuses over-long or control text.
    pub fn normalized(&self) -> Result<Profile> {
        Ok(Profile {
            name: normalize_field(self.name.as_deref(), "name")?,
            pronouns: normalize_field(self.pronouns.as_deref(), "pronouns")?,
        })
    }
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
            pronouns: Some("   ".into()),
        };
        assert_eq!(
            p.normalized().expect("ok"),
            Profile {
                name: Some("Sam".into()),
                pronouns: None
            }
        );
    }

    #[test]
    fn profile_longer_than_200_chars_is_invalid_input() {
        let p = Profile {
            name: Some("é".repeat(201)),
            pronouns: None,
        };
        assert_eq!(
            p.normalized().expect_err("too long").code(),
            "invalid_input"
        );
        let ok = Profile {
            name: Some("é".repeat(200)),
            pronouns: None,
        };
        assert!(ok.normalized().is_ok());
    }

    #[test]
    fn profile_serialises_in_camel_case_with_nulls() {
        let json = serde_json::to_string(&Profile::default()).expect("json");
        assert_eq!(json, r#"{"name":null,"pronouns":null}"#);
    }
}

//! Preferences the lock screen needs before anything is unlocked: language, theme, accent,
//! text size, auto-lock timer, mode, and the discretion settings (the name shown instead of
//! "Cove", a neutral look). Not secret, so they live in plain `prefs.json` beside the vault.
//! Nothing personal (the person's own name, pronouns, entries) ever goes here: the display
//! name is a label for the app, chosen to be seen on screen.
//!
//! Loading never fails: a missing or damaged file, or one bad field, falls back to defaults so
//! the lock screen always appears.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::vault::fsutil::write_atomic;
use std::path::Path;

use crate::vault::{Result, VaultError, PREFS_FILE};

/// Smallest text scale (87.5 %).
pub const TEXT_SCALE_MIN: f64 = 0.875;
/// Largest text scale (150 %).
pub const TEXT_SCALE_MAX: f64 = 1.5;
/// Longest auto-lock delay in minutes (0 means never).
pub const AUTO_LOCK_MAX_MINUTES: u32 = 240;
/// Longest display name, in characters.
pub const DISPLAY_NAME_MAX_CHARS: usize = 40;
/// What the app is called on screen when no display name is set.
pub const DEFAULT_DISPLAY_NAME: &str = "Cove";

/// Interface language; `None` in [`Prefs`] follows the system language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Es,
}

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
    Contrast,
}

/// Accent colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Accent {
    #[default]
    Teal,
    Plum,
    Amber,
    Sky,
}

/// Who uses this copy of Cove, chosen at first run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Client,
    Counselor,
}

/// The contents of `prefs.json` (see `docs/api-contract.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Prefs {
    pub language: Option<Language>,
    pub theme: Theme,
    pub accent: Accent,
    /// 1.0 = 100 %; kept within 0.875 … 1.5.
    pub text_scale: f64,
    /// 0 = never; at most 240.
    pub auto_lock_minutes: u32,
    pub mode: Option<Mode>,
    /// Shown in the window title and on screen instead of "Cove" (e.g. "Notes"); `null` shows
    /// "Cove". Trimmed, 1–40 characters, no control characters.
    #[serde(default)]
    pub display_name: Option<String>,
    /// A plainer look that doesn't stand out as a journal. Off by default.
    #[serde(default)]
    pub neutral_look: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            language: None,
            theme: Theme::System,
            accent: Accent::Teal,
            text_scale: 1.0,
            auto_lock_minutes: 5,
            mode: None,
            display_name: None,
            neutral_look: false,
        }
    }
}

impl Prefs {
    /// Reads `prefs.json` from the data folder (`VaultDir::path()`). Missing file, unreadable
    /// file, bad JSON or a bad field → that part falls back to its default. Never an error.
    pub fn load(folder: &Path) -> Prefs {
        let Ok(bytes) = std::fs::read(folder.join(PREFS_FILE)) else {
            return Prefs::default();
        };
        Prefs::from_json_lenient(&bytes)
    }

    /// Field-by-field parse: a bad field does not throw away the good ones.
    pub fn from_json_lenient(bytes: &[u8]) -> Prefs {
        let defaults = Prefs::default();
        let Ok(serde_json::Value::Object(map)) = serde_json::from_slice(bytes) else {
            return defaults;
        };
        fn field<T: DeserializeOwned>(
            map: &serde_json::Map<String, serde_json::Value>,
            key: &str,
            default: T,
        ) -> T {
            map.get(key)
                .and_then(|v| serde_json::from_value(v.clone()).ok())
                .unwrap_or(default)
        }
        let loaded = Prefs {
            language: field(&map, "language", defaults.language),
            theme: field(&map, "theme", defaults.theme),
            accent: field(&map, "accent", defaults.accent),
            text_scale: field(&map, "textScale", defaults.text_scale),
            auto_lock_minutes: field(&map, "autoLockMinutes", defaults.auto_lock_minutes),
            mode: field(&map, "mode", defaults.mode),
            display_name: field(&map, "displayName", None::<String>),
            neutral_look: field(&map, "neutralLook", defaults.neutral_look),
        };
        Prefs {
            // A name edited into an unusable shape outside Cove is dropped rather than shown.
            display_name: normalize_display_name(loaded.display_name.as_deref())
                .ok()
                .flatten(),
            text_scale: if loaded.text_scale.is_finite() {
                loaded.text_scale.clamp(TEXT_SCALE_MIN, TEXT_SCALE_MAX)
            } else {
                defaults.text_scale
            },
            auto_lock_minutes: loaded.auto_lock_minutes.min(AUTO_LOCK_MAX_MINUTES),
            ..loaded
        }
    }

    /// Checks and normalises: text scale clamped to 0.875–1.5 (not a number → `InvalidInput`),
    /// auto-lock above 240 minutes → `InvalidInput`, display name trimmed (blank → none; over
    /// 40 characters or with a control character → `InvalidInput`).
    pub fn validated(&self) -> Result<Prefs> {
        if !self.text_scale.is_finite() {
            return Err(VaultError::InvalidInput(
                "The text size needs to be a number.".into(),
            ));
        }
        if self.auto_lock_minutes > AUTO_LOCK_MAX_MINUTES {
            return Err(VaultError::InvalidInput(format!(
                "Auto-lock can be at most {AUTO_LOCK_MAX_MINUTES} minutes (or never)."
            )));
        }
        Ok(Prefs {
            text_scale: self.text_scale.clamp(TEXT_SCALE_MIN, TEXT_SCALE_MAX),
            display_name: normalize_display_name(self.display_name.as_deref())?,
            ..self.clone()
        })
    }

    /// The name the app goes by on screen and in the window title.
    pub fn shown_name(&self) -> &str {
        self.display_name.as_deref().unwrap_or(DEFAULT_DISPLAY_NAME)
    }

    /// Validates and writes `prefs.json` atomically (`0600`) into the data folder
    /// (`VaultDir::path()`, whose lock the caller holds). Returns what was stored.
    pub fn save(&self, folder: &Path) -> Result<Prefs> {
        let clean = self.validated()?;
        let mut json = serde_json::to_vec_pretty(&clean)
            .map_err(|e| VaultError::Internal(format!("prefs json: {e}")))?;
        json.push(b'\n');
        write_atomic(&folder.join(PREFS_FILE), &json)
            .map_err(|e| VaultError::io("save your settings", e))?;
        Ok(clean)
    }
}

fn normalize_display_name(value: Option<&str>) -> Result<Option<String>> {
    let Some(trimmed) = value.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if trimmed.chars().count() > DISPLAY_NAME_MAX_CHARS {
        return Err(VaultError::InvalidInput(format!(
            "The name shown for the app can be at most {DISPLAY_NAME_MAX_CHARS} characters."
        )));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(VaultError::InvalidInput(
            "The name shown for the app can't contain line breaks, tabs or other control \
             characters."
                .into(),
        ));
    }
    Ok(Some(trimmed.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::VaultDir;

    fn dir() -> (tempfile::TempDir, VaultDir) {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = VaultDir::open(tmp.path().join("data")).expect("dir");
        (tmp, dir)
    }

    #[test]
    fn missing_prefs_file_gives_defaults() {
        let (_t, d) = dir();
        let p = Prefs::load(d.path());
        assert_eq!(p, Prefs::default());
        assert_eq!(p.theme, Theme::System);
        assert_eq!(p.accent, Accent::Teal);
        assert_eq!(p.text_scale, 1.0);
        assert_eq!(p.auto_lock_minutes, 5);
    }

    #[test]
    fn corrupt_prefs_file_gives_defaults_and_bad_fields_fall_back_alone() {
        let (_t, d) = dir();
        std::fs::write(d.path().join(PREFS_FILE), b"\x00garbage{").expect("write");
        assert_eq!(Prefs::load(d.path()), Prefs::default());
        std::fs::write(
            d.path().join(PREFS_FILE),
            br#"{"language":"es","theme":"neon","textScale":9,"autoLockMinutes":99999}"#,
        )
        .expect("write");
        let p = Prefs::load(d.path());
        assert_eq!(p.language, Some(Language::Es));
        assert_eq!(p.theme, Theme::System);
        assert_eq!(p.text_scale, TEXT_SCALE_MAX);
        assert_eq!(p.auto_lock_minutes, AUTO_LOCK_MAX_MINUTES);
    }

    #[test]
    fn saved_prefs_load_back_in_camel_case() {
        let (_t, d) = dir();
        let p = Prefs {
            language: Some(Language::En),
            theme: Theme::Contrast,
            accent: Accent::Plum,
            text_scale: 1.25,
            auto_lock_minutes: 0,
            mode: Some(Mode::Counselor),
            display_name: Some("Notes".into()),
            neutral_look: true,
        };
        assert_eq!(p.save(d.path()).expect("save"), p);
        let text = std::fs::read_to_string(d.path().join(PREFS_FILE)).expect("read");
        assert!(text.contains("\"textScale\": 1.25"), "{text}");
        assert!(text.contains("\"autoLockMinutes\": 0"), "{text}");
        assert!(text.contains("\"mode\": \"counselor\""), "{text}");
        assert!(text.contains("\"displayName\": \"Notes\""), "{text}");
        assert!(text.contains("\"neutralLook\": true"), "{text}");
        assert_eq!(Prefs::load(d.path()), p);
    }

    #[test]
    fn save_clamps_text_scale_and_refuses_long_auto_lock() {
        let (_t, d) = dir();
        let small = Prefs {
            text_scale: 0.5,
            ..Prefs::default()
        };
        assert_eq!(
            small.save(d.path()).expect("save").text_scale,
            TEXT_SCALE_MIN
        );
        let long = Prefs {
            auto_lock_minutes: 241,
            ..Prefs::default()
        };
        assert_eq!(
            long.save(d.path()).expect_err("too long").code(),
            "invalid_input"
        );
        let nan = Prefs {
            text_scale: f64::NAN,
            ..Prefs::default()
        };
        assert_eq!(nan.save(d.path()).expect_err("nan").code(), "invalid_input");
        assert_eq!(Prefs::load(d.path()).text_scale, TEXT_SCALE_MIN);
    }

    #[test]
    fn prefs_without_the_discretion_fields_still_load() {
        let (_t, d) = dir();
        let old = br#"{"language":"es","theme":"dark","accent":"plum","textScale":1.25,"autoLockMinutes":10,"mode":"client"}"#;
        std::fs::write(d.path().join(PREFS_FILE), old).expect("write");
        let p = Prefs::load(d.path());
        assert_eq!(p.theme, Theme::Dark);
        assert_eq!(p.mode, Some(Mode::Client));
        assert_eq!(p.display_name, None);
        assert!(!p.neutral_look);
        assert_eq!(p.shown_name(), "Cove");
        // The same old shape still arrives over IPC from an older UI build.
        let strict: Prefs = serde_json::from_slice(old).expect("old shape deserialises");
        assert_eq!(strict, p);
    }

    #[test]
    fn display_name_is_trimmed_and_blank_means_cove() {
        let (_t, d) = dir();
        let named = Prefs {
            display_name: Some("  Study notes \u{1F4DA} ".into()),
            neutral_look: true,
            ..Prefs::default()
        };
        let saved = named.save(d.path()).expect("save");
        assert_eq!(saved.display_name.as_deref(), Some("Study notes \u{1F4DA}"));
        assert_eq!(saved.shown_name(), "Study notes \u{1F4DA}");
        assert_eq!(Prefs::load(d.path()), saved);
        let blank = Prefs {
            display_name: Some(" \u{3000} ".into()),
            ..Prefs::default()
        };
        let saved = blank.save(d.path()).expect("save");
        assert_eq!(saved.display_name, None);
        assert_eq!(saved.shown_name(), DEFAULT_DISPLAY_NAME);
    }

    #[test]
    fn display_name_over_40_chars_or_with_control_characters_is_refused() {
        let (_t, d) = dir();
        let ok = Prefs {
            display_name: Some("é".repeat(DISPLAY_NAME_MAX_CHARS)),
            ..Prefs::default()
        };
        assert!(ok.save(d.path()).is_ok());
        for bad in [
            "é".repeat(DISPLAY_NAME_MAX_CHARS + 1),
            "Notes\nSecret".into(),
            "Notes\tA".into(),
            "Bell\u{7}".into(),
            "C1\u{85}x".into(),
        ] {
            let p = Prefs {
                display_name: Some(bad.clone()),
                ..Prefs::default()
            };
            assert_eq!(
                p.save(d.path()).expect_err("refused").code(),
                "invalid_input",
                "{bad:?}"
            );
        }
        // Nothing was written by the refused saves.
        assert_eq!(
            Prefs::load(d.path()).display_name,
            Some("é".repeat(DISPLAY_NAME_MAX_CHARS))
        );
    }

    #[test]
    fn an_unusable_display_name_in_the_file_falls_back_alone() {
        let (_t, d) = dir();
        std::fs::write(
            d.path().join(PREFS_FILE),
            "{\"displayName\":\"bad\\u0007name\",\"neutralLook\":true,\"theme\":\"dark\"}",
        )
        .expect("write");
        let p = Prefs::load(d.path());
        assert_eq!(p.display_name, None);
        assert!(p.neutral_look);
        assert_eq!(p.theme, Theme::Dark);
    }
}

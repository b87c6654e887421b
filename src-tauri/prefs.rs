//! Preferences the lock screen needs before anything is unlocked: language, theme, accent,
//! text size, auto-lock timer and mode. Not secret, so they live in plain `prefs.json` beside
//! the vault. Nothing personal (name, pronouns, entries) ever goes here.
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
        };
        Prefs {
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
    /// auto-lock above 240 minutes → `InvalidInput`.
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
            ..self.clone()
        })
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
        };
        assert_eq!(p.save(d.path()).expect("save"), p);
        let text = std::fs::read_to_string(d.path().join(PREFS_FILE)).expect("read");
        assert!(text.contains("\"textScale\": 1.25"), "{text}");
        assert!(text.contains("\"autoLockMinutes\": 0"), "{text}");
        assert!(text.contains("\"mode\": \"counselor\""), "{text}");
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
}

//! The person's own feelings words and prompts, and their favourite and snoozed prompts,
//! stored as JSON in the settings row `journal_library`.

use std::collections::HashSet;

use rusqlite::Connection;

use super::model::{CustomFeeling, CustomPrompt, JournalLibrary, SnoozedPrompt};
use super::validate::parse_day;
use super::{JournalError, Result};
use crate::vault::settings::{load_json, save_json};

const LIBRARY_KEY: &str = "journal_library";

/// Longest id, in characters.
pub const LIBRARY_ID_MAX_CHARS: usize = 64;
pub const CUSTOM_FEELINGS_MAX: usize = 200;
pub const FEELING_WORD_MAX_CHARS: usize = 40;
pub const FEELING_MEANING_MAX_CHARS: usize = 200;
pub const CUSTOM_PROMPTS_MAX: usize = 500;
pub const PROMPT_TEXT_MAX_CHARS: usize = 500;
/// Most favourite prompts, and most snoozed prompts.
pub const PROMPT_CHOICES_MAX: usize = 1000;

/// The stored library, or an empty one.
pub fn load_library(conn: &Connection) -> Result<JournalLibrary> {
    Ok(load_json(conn, LIBRARY_KEY, "feelings words and prompts")?.unwrap_or_default())
}

/// Checks and tidies `library`, stores it (replacing the previous one) and returns what was
/// stored. Nothing is written when a check fails.
pub fn save_library(conn: &Connection, library: JournalLibrary) -> Result<JournalLibrary> {
    let clean = clean_library(library)?;
    save_json(conn, LIBRARY_KEY, &clean)?;
    Ok(clean)
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// An id the UI chose: 1–64 of `A-Z a-z 0-9 _ -`.
fn check_own_id(id: &str) -> Result<()> {
    let ok = !id.is_empty()
        && id.len() <= LIBRARY_ID_MAX_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(JournalError::invalid(
            "Something in your words and prompts didn't come through right. Please try again.",
        ))
    }
}

/// A reference to a shipped or own prompt (or a core feeling / group id): 1–64 characters,
/// no spaces or control characters.
fn check_ref(id: &str) -> Result<()> {
    let ok = !id.is_empty()
        && chars(id) <= LIBRARY_ID_MAX_CHARS
        && !id.chars().any(|c| c.is_control() || c.is_whitespace());
    if ok {
        Ok(())
    } else {
        Err(JournalError::invalid(
            "One of the prompts didn't come through right. Please pick it again.",
        ))
    }
}

fn optional_text(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

pub fn clean_library(library: JournalLibrary) -> Result<JournalLibrary> {
    if library.custom_feelings.len() > CUSTOM_FEELINGS_MAX {
        return Err(JournalError::invalid(format!(
            "You can add up to {CUSTOM_FEELINGS_MAX} feelings words of your own. Please remove \
             a few before adding more."
        )));
    }
    if library.custom_prompts.len() > CUSTOM_PROMPTS_MAX {
        return Err(JournalError::invalid(format!(
            "You can add up to {CUSTOM_PROMPTS_MAX} prompts of your own. Please remove a few \
             before adding more."
        )));
    }
    if library.favourite_prompts.len() > PROMPT_CHOICES_MAX
        || library.snoozed_prompts.len() > PROMPT_CHOICES_MAX
    {
        return Err(JournalError::invalid(format!(
            "You can keep up to {PROMPT_CHOICES_MAX} favourite or set-aside prompts."
        )));
    }

    let mut seen = HashSet::new();
    let mut custom_feelings = Vec::new();
    for f in library.custom_feelings {
        check_own_id(&f.id)?;
        let word = f.word.trim().to_owned();
        if word.is_empty() || chars(&word) > FEELING_WORD_MAX_CHARS {
            return Err(JournalError::invalid(format!(
                "A feelings word needs 1 to {FEELING_WORD_MAX_CHARS} characters."
            )));
        }
        let meaning = optional_text(f.meaning);
        if meaning
            .as_deref()
            .is_some_and(|m| chars(m) > FEELING_MEANING_MAX_CHARS)
        {
            return Err(JournalError::invalid(format!(
                "What a feeling means to you can be up to {FEELING_MEANING_MAX_CHARS} characters."
            )));
        }
        let core = optional_text(f.core);
        if let Some(core) = &core {
            check_ref(core)?;
        }
        if seen.insert(f.id.clone()) {
            custom_feelings.push(CustomFeeling {
                id: f.id,
                word,
                core,
                meaning,
            });
        }
    }

    let mut seen = HashSet::new();
    let mut custom_prompts = Vec::new();
    for p in library.custom_prompts {
        check_own_id(&p.id)?;
        let text = p.text.trim().to_owned();
        if text.is_empty() || chars(&text) > PROMPT_TEXT_MAX_CHARS {
            return Err(JournalError::invalid(format!(
                "A prompt needs 1 to {PROMPT_TEXT_MAX_CHARS} characters."
            )));
        }
        let group = optional_text(p.group);
        if let Some(group) = &group {
            check_ref(group)?;
        }
        if seen.insert(p.id.clone()) {
            custom_prompts.push(CustomPrompt {
                id: p.id,
                text,
                group,
            });
        }
    }

    let mut seen = HashSet::new();
    let mut favourite_prompts = Vec::new();
    for id in library.favourite_prompts {
        check_ref(&id)?;
        if seen.insert(id.clone()) {
            favourite_prompts.push(id);
        }
    }

    // One snooze per prompt: the latest day wins.
    let mut snoozed_prompts: Vec<SnoozedPrompt> = Vec::new();
    for s in library.snoozed_prompts {
        check_ref(&s.prompt_id)?;
        parse_day(&s.day)?;
        match snoozed_prompts
            .iter_mut()
            .find(|x| x.prompt_id == s.prompt_id)
        {
            Some(existing) => {
                if s.day > existing.day {
                    existing.day = s.day;
                }
            }
            None => snoozed_prompts.push(s),
        }
    }

    Ok(JournalLibrary {
        custom_feelings,
        custom_prompts,
        favourite_prompts,
        snoozed_prompts,
    })
}

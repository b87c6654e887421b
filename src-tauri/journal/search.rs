//! Full-text search over the FTS5 table `entries_fts` (inside the encrypted database).
//!
//! What the person types is never FTS syntax: it is split into words, each word becomes a
//! quoted FTS5 string (any `"` doubled) with `*` for prefix matching, and the words are ANDed.
//! FTS5 finds and ranks (bm25); the matched words are then marked here, in Rust, on the stored
//! text, with the same folding as the tokenizer (case, and accents removed). No marker
//! characters are ever put into the text, so nothing the person wrote can be taken for one, and
//! the UI gets [`SnippetPart`]s, never HTML. (FTS5's own `snippet()` re-reads every prefix
//! match's full posting list for each result, which costs seconds at 100k entries.)

use std::collections::VecDeque;

use rusqlite::{params, params_from_iter, Connection};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::entries::{summary_from_row, SUMMARY_COLUMNS};
use super::model::{SearchHit, SearchQuery, SearchResults, SnippetPart};
use super::text::plain_text;
use super::validate::{clean_filter, filter_sql, outside_identity};
use super::{JournalError, Result};

/// Longest search text, in characters.
pub const SEARCH_MAX_CHARS: usize = 500;
/// Most words used from one search (the rest are ignored).
pub const SEARCH_MAX_WORDS: usize = 16;
/// Most results.
pub const RESULTS_MAX: u32 = 200;
/// How many of the newest matches are ranked (see `search_entries`).
pub const RANK_WINDOW: i64 = 2000;
/// Words of context in a snippet.
const SNIPPET_TOKENS: u32 = 16;

/// A character that is part of a word: letters, digits and combining marks (so "cafe\u{301}"
/// stays one word), as for FTS5's `unicode61` tokenizer. (That tokenizer also counts
/// private-use characters; here they separate words, which can only make a search find less.)
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c as u32,
            0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A
            | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0903
            | 0x093A..=0x094F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D
            | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

/// The words of a search, as the FTS5 tokenizer would see them: runs of word characters with
/// at least one letter or digit; at most [`SEARCH_MAX_WORDS`].
pub fn search_words(text: &str) -> Vec<String> {
    text.split(|c: char| !is_word_char(c) || is_private_use(c))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(SEARCH_MAX_WORDS)
        .map(str::to_owned)
        .collect()
}

fn is_private_use(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD)
}

/// The FTS5 query for `words`: `"w1"* AND "w2"*`, each word a quoted string; `None` without
/// words.
pub fn fts_query(words: &[String]) -> Option<String> {
    if words.is_empty() {
        return None;
    }
    let parts: Vec<String> = words
        .iter()
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect();
    Some(parts.join(" AND "))
}

/// Case- and accent-folded text, as the tokenizer (`unicode61 remove_diacritics 2`) sees it:
/// canonical decomposition, combining marks dropped, lower case (final sigma as sigma).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                for l in d.to_lowercase() {
                    out.push(if l == 'ς' { 'σ' } else { l });
                }
            }
        });
    }
    out
}

/// The byte ranges of the words of `text` (runs of word characters), lazily.
fn tokens(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut iter = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = iter.peek() {
            if is_word_char(c) && !is_private_use(c) {
                break;
            }
            iter.next();
        }
        let (start, _) = *iter.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = iter.peek() {
            if !is_word_char(c) || is_private_use(c) {
                break;
            }
            end = i + c.len_utf8();
            iter.next();
        }
        Some((start, end))
    })
}

/// Marks the words of a text that start with one of the (folded) search words.
struct Highlighter {
    words: Vec<String>,
}

impl Highlighter {
    fn new(words: &[String]) -> Self {
        Highlighter {
            words: words
                .iter()
                .map(|w| fold(w))
                .filter(|w| !w.is_empty())
                .collect(),
        }
    }

    fn is_hit(&self, token: &str) -> bool {
        let folded = fold(token);
        self.words.iter().any(|w| folded.starts_with(w.as_str()))
    }

    /// The whole text split into matched and unmatched parts (for titles).
    fn whole(&self, text: &str) -> Vec<SnippetPart> {
        let mut parts = Parts::default();
        let mut at = 0;
        for (start, end) in tokens(text) {
            if self.is_hit(&text[start..end]) {
                parts.push(&text[at..start], false);
                parts.push(&text[start..end], true);
                at = end;
            }
        }
        parts.push(&text[at..], false);
        parts.0
    }

    /// About `SNIPPET_TOKENS` words from just before the first match (or from the start when
    /// nothing matches), whitespace collapsed, with "…" where words were left out. Also says
    /// whether anything matched. `None` when the text has no words.
    fn snippet(&self, text: &str) -> Option<(Vec<SnippetPart>, bool)> {
        const BEFORE: usize = 4;
        let n = SNIPPET_TOKENS as usize;
        let mut window: VecDeque<(usize, usize)> = VecDeque::new();
        let (mut found, mut dropped, mut more_after) = (false, false, false);
        for tok in tokens(text) {
            if found && window.len() >= n {
                more_after = true;
                break;
            }
            window.push_back(tok);
            if !found {
                found = self.is_hit(&text[tok.0..tok.1]);
                let keep = if found { BEFORE + 1 } else { BEFORE };
                while window.len() > keep {
                    window.pop_front();
                    dropped = true;
                }
            }
        }
        if !found {
            let mut all = tokens(text);
            window = all.by_ref().take(n).collect();
            dropped = false;
            more_after = all.next().is_some();
        }
        let (first, last) = (*window.front()?, *window.back()?);
        let mut parts = Parts::default();
        if dropped {
            parts.push("… ", false);
        } else {
            parts.push_collapsed(text[..first.0].trim_start());
        }
        let mut at = first.0;
        for &(start, end) in &window {
            parts.push_collapsed(&text[at..start]);
            let hit = self.is_hit(&text[start..end]);
            parts.push(&text[start..end], hit);
            at = end;
        }
        if more_after {
            parts.push(" …", false);
        } else {
            parts.push_collapsed(text[last.1..].trim_end());
        }
        Some((parts.0, found))
    }
}

/// Builds a list of parts, merging neighbours of the same kind.
#[derive(Default)]
struct Parts(Vec<SnippetPart>);

impl Parts {
    fn push(&mut self, text: &str, hit: bool) {
        if text.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.hit == hit => last.text.push_str(text),
            _ => self.0.push(SnippetPart {
                text: text.to_owned(),
                hit,
            }),
        }
    }

    /// Text between words, with runs of whitespace (line breaks too) as one space.
    fn push_collapsed(&mut self, text: &str) {
        let mut out = String::with_capacity(text.len());
        let mut space = false;
        for c in text.chars() {
            if c.is_whitespace() {
                space = true;
            } else {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(c);
            }
        }
        if space {
            out.push(' ');
        }
        self.push(&out, false);
    }
}

/// Ranked results (best first) for what the person typed, combined with the filter. Text
/// with no words gives no results (never an error).
pub fn search_entries(conn: &Connection, query: &SearchQuery) -> Result<SearchResults> {
    if query.text.chars().count() > SEARCH_MAX_CHARS {
        return Err(JournalError::invalid(format!(
            "Searches can be up to {SEARCH_MAX_CHARS} characters. A few words work best."
        )));
    }
    let filter = clean_filter(&query.filter)?;
    let words = search_words(&query.text);
    let Some(fts) = fts_query(&words) else {
        return Ok(SearchResults { hits: Vec::new() });
    };
    let limit = query.limit.clamp(1, RESULTS_MAX);

    // Phase 1: the ranked ids (bm25: the title weighs most, then tags; ties: latest saved
    // first).
    // Ranking looks at the newest RANK_WINDOW matches, so a word found in nearly every entry
    // costs the same at 100k entries as at 10k; rarer words are ranked over all their matches.
    // Without filters the trash is excluded through its small index (and the identity space
    // through its own small table), so no entry row is read.
    let (cond, filter_values) = if filter.is_open() {
        let mut cond =
            "entries_fts.rowid NOT IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL)"
                .to_owned();
        if !filter.include_identity {
            cond.push_str(" AND ");
            cond.push_str(&outside_identity("entries_fts.rowid"));
        }
        (cond, Vec::new())
    } else {
        let (cond, values) = filter_sql(&filter);
        (
            format!(
                "EXISTS (SELECT 1 FROM entries e \
                 WHERE e.id = entries_fts.rowid AND {cond})"
            ),
            values,
        )
    };
    let mut values: Vec<rusqlite::types::Value> = vec![fts.clone().into()];
    values.extend(filter_values);
    values.push(RANK_WINDOW.into());
    values.push(i64::from(limit).into());
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id FROM (
             SELECT entries_fts.rowid AS id, bm25(entries_fts, 10.0, 1.0, 1.0, 5.0) AS score
             FROM entries_fts
             WHERE entries_fts MATCH ? AND {cond}
             ORDER BY entries_fts.rowid DESC LIMIT ?)
         ORDER BY score, id DESC LIMIT ?"
    ))?;
    let ids = stmt
        .query_map(params_from_iter(values.iter()), |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut summary = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM entries e WHERE e.id = ?1"
    ))?;
    let summaries = ids
        .iter()
        .map(|id| summary.query_row(params![id], |r| summary_from_row(r).map(|(s, _)| s)))
        .collect::<rusqlite::Result<Vec<_>>>()?;

    // Phase 2: the title and the best snippet, marked, only for the results shown.
    let highlighter = Highlighter::new(&words);
    let mut texts =
        conn.prepare_cached("SELECT title, body, checkin_text FROM entries WHERE id = ?1")?;
    let mut hits = Vec::with_capacity(summaries.len());
    for entry in summaries {
        let (title, body, checkin): (Option<String>, String, String) =
            texts.query_row(params![entry.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        let title = title.map(|t| highlighter.whole(&t)).unwrap_or_default();
        // The body's match, else the check-in's, else the start of the body (or check-in).
        let body = plain_text(&body);
        let snippet = match highlighter.snippet(&body) {
            Some((parts, true)) => parts,
            body => match (highlighter.snippet(&checkin), body) {
                (Some((parts, true)), _) | (_, Some((parts, _))) | (Some((parts, _)), None) => {
                    parts
                }
                (None, None) => Vec::new(),
            },
        };
        hits.push(SearchHit {
            entry,
            title,
            snippet,
        });
    }
    Ok(SearchResults { hits })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_and_prefixed_never_passed_as_syntax() {
        let words = search_words("  NEAR(a b) \"lone col:word -x +y ^z* 'q' ");
        assert_eq!(
            words,
            ["NEAR", "a", "b", "lone", "col", "word", "x", "y", "z", "q"]
        );
        assert_eq!(
            fts_query(&["a\"b".to_owned(), "OR".to_owned()]).as_deref(),
            Some("\"a\"\"b\"* AND \"OR\"*")
        );
        assert!(search_words("*** ( ) \" ' - + ^ : 🙂 \u{E000}").is_empty());
        assert_eq!(search_words("cafe\u{301} niño"), ["cafe\u{301}", "niño"]);
        assert_eq!(search_words("x\u{E000}y"), ["x", "y"]);
    }

    #[test]
    fn folding_matches_the_tokenizer() {
        assert_eq!(
            fold("Ñandú CANCIÓN cafe\u{301} ΣΊΣΥΦΟΣ"),
            "nandu cancion cafe σισυφοσ"
        );
        assert_eq!(fold("σίσυφος"), "σισυφοσ");
    }

    fn part(text: &str, hit: bool) -> SnippetPart {
        SnippetPart {
            text: text.into(),
            hit,
        }
    }

    #[test]
    fn titles_and_snippets_split_into_marked_parts() {
        let h = Highlighter::new(&search_words("pian CAFE"));
        assert_eq!(
            h.whole("My Piano \u{E000}day at the café"),
            vec![
                part("My ", false),
                part("Piano", true),
                part(" \u{E000}day at the ", false),
                part("café", true)
            ]
        );
        assert_eq!(h.whole("nothing"), vec![part("nothing", false)]);
        let text = format!(
            "{}the piano\n\n  lesson {}",
            "word ".repeat(30),
            "more ".repeat(30)
        );
        let (parts, found) = h.snippet(&text).expect("snippet");
        assert!(found);
        assert_eq!(parts[0], part("… word word word the ", false));
        assert_eq!(parts[1], part("piano", true));
        assert!(parts[2].text.starts_with(" lesson more"));
        assert!(parts[2].text.ends_with("more …"));
        let (parts, found) = h.snippet("no match here\n").expect("snippet");
        assert!(!found);
        assert_eq!(parts, vec![part("no match here", false)]);
        assert!(h.snippet("  🎉 ").is_none());
    }
}

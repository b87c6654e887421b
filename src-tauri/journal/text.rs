//! Plain-text helpers: the excerpt of a Markdown body for the timeline, and the plain text
//! search snippets are cut from.

/// How many characters of the stored text are looked at for an excerpt (Markdown marks take
/// some room, so more than the excerpt's length).
pub const EXCERPT_SOURCE_CHARS: usize = 800;
/// Longest excerpt, in characters.
pub const EXCERPT_MAX_CHARS: usize = 200;

/// The start of a Markdown text as plain text: headings' `#`, quote `>`, list markers,
/// emphasis `*` `_` `~` and code backticks removed, links and images reduced to their text,
/// backslash escapes resolved, whitespace (line breaks too) collapsed; at most
/// [`EXCERPT_MAX_CHARS`] characters. Everything else is kept as typed (HTML stays text).
pub fn plain_excerpt(markdown: &str) -> String {
    let out = plain_words(markdown, EXCERPT_MAX_CHARS);
    match out.char_indices().nth(EXCERPT_MAX_CHARS) {
        Some((cut, _)) => out[..cut].trim_end().to_owned(),
        None => out,
    }
}

/// The whole Markdown text as plain text, marks removed as for [`plain_excerpt`]; what search
/// snippets are cut from, so a snippet never shows a stray `**`.
pub fn plain_text(markdown: &str) -> String {
    plain_words(markdown, usize::MAX)
}

/// Plain words separated by single spaces, stopping after the line that reaches `max_chars`.
fn plain_words(markdown: &str, max_chars: usize) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for line in markdown.lines() {
        let line = strip_block_marks(line);
        let inline = strip_inline_marks(line);
        for word in inline.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
                chars += 1;
            }
            out.push_str(word);
            chars += word.chars().count();
        }
        if chars >= max_chars {
            break;
        }
    }
    out
}

/// Leading Markdown block marks of one line: indentation, `>` quotes, `#` headings, list
/// markers (`-`, `*`, `+`, `1.`, `1)`) and task boxes (`[ ]`, `[x]`), in any nesting.
fn strip_block_marks(mut line: &str) -> &str {
    loop {
        let trimmed = line.trim_start();
        let next = if let Some(rest) = trimmed.strip_prefix('>') {
            rest
        } else if trimmed.starts_with('#') {
            let rest = trimmed.trim_start_matches('#');
            if rest.is_empty() || rest.starts_with(char::is_whitespace) {
                rest
            } else {
                return trimmed;
            }
        } else if let Some(rest) = ["- ", "* ", "+ "]
            .iter()
            .find_map(|m| trimmed.strip_prefix(m))
        {
            rest
        } else if let Some(rest) = ["[ ] ", "[x] ", "[X] "]
            .iter()
            .find_map(|m| trimmed.strip_prefix(m))
        {
            rest
        } else {
            let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
            let rest = &trimmed[digits..];
            match rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
                Some(rest) if (1..=9).contains(&digits) => rest,
                _ => return trimmed,
            }
        };
        if next.len() == line.len() {
            return trimmed;
        }
        line = next;
    }
}

/// Inline marks: emphasis, code, links `[text](url)` → `text`, images `![alt](url)` → `alt`,
/// escapes `\*` → `*`. An `_` inside a word (`snake_case`) is kept.
fn strip_inline_marks(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
                continue;
            }
            '*' | '~' | '`' => {}
            '_' => {
                let before = i > 0 && chars[i - 1].is_alphanumeric();
                let after = i + 1 < chars.len() && chars[i + 1].is_alphanumeric();
                if before && after {
                    out.push('_');
                }
            }
            '!' if chars.get(i + 1) == Some(&'[') => {}
            '[' => {}
            ']' => {
                // `](url)`: drop the destination.
                if chars.get(i + 1) == Some(&'(') {
                    if let Some(close) = chars[i + 2..].iter().position(|&ch| ch == ')') {
                        i += close + 3;
                        continue;
                    }
                }
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_marks_are_removed_from_excerpts() {
        let md =
            "# Big day\n\n**Bold** and _quiet_ ~~not~~ `code`\n\n- one\n- two\n1. first\n> quoted \
                  [a link](https://example.org) ![pic](x.png) snake_case \\*stars\\*";
        assert_eq!(
            plain_excerpt(md),
            "Big day Bold and quiet not code one two first quoted a link pic snake_case *stars*"
        );
    }

    #[test]
    fn excerpts_are_at_most_200_chars_and_keep_html_as_text() {
        let long = "ñ".repeat(1000);
        assert_eq!(plain_excerpt(&long).chars().count(), EXCERPT_MAX_CHARS);
        assert_eq!(
            plain_excerpt("<b>hi</b> & <script>"),
            "<b>hi</b> & <script>"
        );
        assert_eq!(
            plain_excerpt("#hashtag not heading"),
            "#hashtag not heading"
        );
        assert_eq!(plain_excerpt("   \n\n  "), "");
        assert_eq!(
            plain_text("A **brave** day\n\n- walked"),
            "A brave day walked"
        );
        assert_eq!(plain_excerpt("مرحبا **بالعالم** 🌍"), "مرحبا بالعالم 🌍");
    }
}

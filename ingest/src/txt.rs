//! Plain text files: an optional leading `date YYYY-MM-DD`, a title line or a first sentence, a body.

use scour_core::Document;

use crate::date;
use crate::error::Problem;

/// Longest line (in characters) that can be a title line.
const TITLE_LINE_MAX_CHARS: usize = 120;
/// Most words a title line can have.
const TITLE_LINE_MAX_WORDS: usize = 20;
/// How many leading non-empty lines may hold the title: a title may follow one lead paragraph.
const TITLE_LINE_CANDIDATES: usize = 2;
/// Length (in characters) a first-sentence title is shortened to.
const SENTENCE_TITLE_MAX_CHARS: usize = 80;

/// Reads the text of a `.txt` file into the document `id`.
pub(crate) fn parse(text: &str, id: String) -> Document {
    let (date, text) = split_date(text);
    let (title, body) = match find_title_line(text) {
        Some((title, start, end)) => {
            let body = format!("{}{}", &text[..start], &text[end..]);
            (title.to_string(), body.trim().to_string())
        }
        None => (sentence_title(text), text.trim().to_string()),
    };
    let title = if title.is_empty() { id.clone() } else { title };
    let mut document = Document::new(id, title, body);
    document.date = date;
    document
}

/// The problem of a leading date line whose date is shaped `YYYY-MM-DD` but is no day
/// (`date 2024-02-30`): [`parse`] keeps the line as text, and the writer is told why.
pub(crate) fn date_problem(text: &str) -> Option<Problem> {
    let rest = date_keyword(text)?;
    let day = rest.get(..10)?;
    let shaped = day.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    let word_break = rest[10..].is_empty() || rest[10..].starts_with(char::is_whitespace);
    (shaped && word_break && !date::is_date(day)).then(|| Problem::BadDate(day.to_string()))
}

/// The text after a leading `date` keyword and its separator (`date `, `Date:`), if any.
fn date_keyword(text: &str) -> Option<&str> {
    let trimmed = text.trim_start();
    let keyword = trimmed
        .get(..4)
        .filter(|word| word.eq_ignore_ascii_case("date"))?;
    let rest = &trimmed[keyword.len()..];
    if !rest.starts_with([':', ' ', '\t']) {
        return None;
    }
    Some(rest[1..].trim_start_matches([' ', '\t']))
}

/// A leading `date YYYY-MM-DD` (after any whitespace) and the text after it.
fn split_date(text: &str) -> (Option<String>, &str) {
    let Some(rest) = date_keyword(text) else {
        return (None, text);
    };
    let Some(day) = rest.get(..10).filter(|day| date::is_date(day)) else {
        return (None, text);
    };
    let after = &rest[10..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return (None, text);
    }
    (Some(day.to_string()), after.trim_start_matches([' ', '\t']))
}

/// The title line among the first non-empty lines, with the byte range to cut from the text
/// (the line and its line break).
fn find_title_line(text: &str) -> Option<(&str, usize, usize)> {
    let mut start = 0;
    let mut candidates = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            if is_title_line(trimmed) {
                return Some((trimmed, start, end));
            }
            candidates += 1;
            if candidates == TITLE_LINE_CANDIDATES {
                return None;
            }
        }
        start = end;
    }
    None
}

/// Short, and not shaped like a sentence or a list item.
fn is_title_line(line: &str) -> bool {
    line.chars().count() <= TITLE_LINE_MAX_CHARS
        && line.split_whitespace().count() <= TITLE_LINE_MAX_WORDS
        && !line.ends_with(['.', '!', '?', ':', ';', ','])
        && !line.starts_with(['-', '*'])
}

/// The first sentence of the text, shortened at a word boundary.
fn sentence_title(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .unwrap_or("");
    let sentence = first_sentence(line);
    shorten(
        sentence.strip_suffix('.').unwrap_or(sentence),
        SENTENCE_TITLE_MAX_CHARS,
    )
}

/// `line` up to its first sentence end: `.`, `!` or `?` before a space, except after an abbreviation.
fn first_sentence(line: &str) -> &str {
    for (i, c) in line.char_indices() {
        let end = i + c.len_utf8();
        let at_break = end == line.len() || line[end..].starts_with(char::is_whitespace);
        if matches!(c, '.' | '!' | '?') && at_break && !(c == '.' && is_abbreviation(&line[..i])) {
            return &line[..end];
        }
    }
    line
}

/// Whether the word before a period is an abbreviation (`U.S`, `J`, `Dr`) rather than a sentence end.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    word.contains('.')
        || word.chars().count() == 1
        || ["Mr", "Mrs", "Ms", "Dr", "Prof", "St", "vs"].contains(&word)
}

/// `text` cut to at most `max` characters at a word boundary, with `…` when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > 0 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end_matches([',', ';', ':', '-', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_date_is_taken_out_and_the_rest_of_its_line_kept() {
        let document = parse(
            "  date 2025-02-22 Talks began. More text.\n\nSecond.",
            "d".into(),
        );
        assert_eq!(document.date.as_deref(), Some("2025-02-22"));
        assert_eq!(document.title, "Talks began");
        assert_eq!(document.body, "Talks began. More text.\n\nSecond.");
    }

    #[test]
    fn date_needs_a_real_date_and_a_word_break() {
        for text in [
            "date 2025-13-01 x",
            "date 2025-02-22x",
            "dated 2025-02-22 x",
            "date2025-02-22 x",
            "update 2025-02-22",
        ] {
            assert_eq!(parse(text, "d".into()).date, None, "{text:?}");
        }
        // A date shaped as one but no day is kept as text, and named.
        for (text, problem) in [
            ("date 2025-13-01 x", Some("2025-13-01")),
            ("Date: 2024-02-30\nTitle", Some("2024-02-30")),
            ("date 2025-02-22x", None),
            ("date soon", None),
            ("date 2025-02-22 x", None),
            ("Title\nBody", None),
        ] {
            let named = date_problem(text).map(|p| p.to_string());
            let expected =
                problem.map(|d| format!("date \"{d}\" is not a date; write it as YYYY-MM-DD"));
            assert_eq!(named, expected, "{text:?}");
        }
        assert_eq!(
            parse("Date: 2025-02-22\nTitle", "d".into()).date.as_deref(),
            Some("2025-02-22")
        );
    }

    #[test]
    fn title_line_is_removed_from_the_body() {
        let document = parse(
            "\nA Short Title\nFirst paragraph.\nSecond paragraph.\n",
            "d".into(),
        );
        assert_eq!(document.title, "A Short Title");
        assert_eq!(document.body, "First paragraph.\nSecond paragraph.");
    }

    #[test]
    fn title_may_follow_one_lead_paragraph_but_not_two() {
        let one = parse("Lead paragraph here.\nThe Title\nBody.", "d".into());
        assert_eq!(one.title, "The Title");
        assert_eq!(one.body, "Lead paragraph here.\nBody.");
        let two = parse(
            "Lead paragraph here.\nAnother paragraph.\nA Heading\nBody.",
            "d".into(),
        );
        assert_eq!(two.title, "Lead paragraph here");
        assert!(two.body.contains("A Heading"));
    }

    #[test]
    fn sentences_questions_and_list_items_are_not_titles() {
        for line in ["It rained.", "Why?", "Includes:", "- an item", "* another"] {
            assert!(!is_title_line(line), "{line:?}");
        }
        assert!(!is_title_line(&"word ".repeat(21)));
        assert!(!is_title_line(&"x".repeat(121)));
        assert!(is_title_line("Deepening Cooperation: Talks in the Kremlin"));
    }

    #[test]
    fn sentence_titles_skip_abbreviations_and_are_shortened_at_a_word() {
        assert_eq!(
            sentence_title("Talks with the U.S. President went well. Then more."),
            "Talks with the U.S. President went well"
        );
        let long = "Around May, Vladimir Putin is expected to travel to China for talks with Xi Jinping, a visit that would mark.";
        let title = sentence_title(long);
        assert_eq!(
            title,
            "Around May, Vladimir Putin is expected to travel to China for talks with Xi…"
        );
        assert!(title.chars().count() <= SENTENCE_TITLE_MAX_CHARS + 1);
    }

    #[test]
    fn an_empty_file_is_titled_by_its_id() {
        let document = parse("  \n", "empty".into());
        assert_eq!(document.title, "empty");
        assert_eq!(document.body, "");
    }
}

//! Plain text files: an optional leading `date YYYY-MM-DD`, a title line or a first sentence, a body.

use scour_core::Document;

use crate::date;
use crate::error::Problem;
use crate::flow;
use crate::source::Page;

/// Longest line (in characters) that can be a title line.
const TITLE_LINE_MAX_CHARS: usize = 120;
/// Most words a title line can have.
const TITLE_LINE_MAX_WORDS: usize = 20;
/// How many leading non-empty lines may hold the title: a title may follow one lead paragraph.
const TITLE_LINE_CANDIDATES: usize = 2;
/// Length (in characters) a first-sentence title is shortened to.
const SENTENCE_TITLE_MAX_CHARS: usize = 80;

/// Reads the text of a `.txt` file into the document `id`, at `url` when it is served. A
/// leading date line whose date is no day (`date 2024-02-30`) is reported, and the page read
/// undated.
pub(crate) fn parse(text: &str, id: String, url: Option<String>) -> Page {
    let (date, text) = split_date(text);
    let (title, body) = match find_title_line(text) {
        Some((title, start, end)) => {
            let body = format!("{}{}", &text[..start], &text[end..]);
            (title.to_string(), body.trim().to_string())
        }
        None => (sentence_title(text), text.trim().to_string()),
    };
    let title = flow::one_line(&title);
    let title = if title.is_empty() { id.clone() } else { title };
    let mut document = Document::new(id, title, body);
    document.url = url;
    let mut warnings = Vec::new();
    match date {
        Some(Ok(day)) => document.date = Some(day),
        Some(Err(problem)) => warnings.push(problem),
        None => {}
    }
    Page::Document {
        document: Box::new(document),
        title_tag: false,
        warnings,
    }
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

/// A leading date line (after any whitespace) and the text after its date: the day, or the
/// problem of a date shaped as one that is no day. The date is written as in front matter, a
/// date or a date-time (`date 2024-01-05`, `Date: 2024-01-05T09:30`, `date 2024-01-05 09:30`).
fn split_date(text: &str) -> (Option<Result<String, Problem>>, &str) {
    let Some(rest) = date_keyword(text) else {
        return (None, text);
    };
    let (written, after) = rest.split_at(rest.find(char::is_whitespace).unwrap_or(rest.len()));
    let Some(day) = date::shaped_day(written) else {
        return (None, text);
    };
    let day = match date::is_date(day) {
        true => Ok(day.to_string()),
        false => Err(Problem::BadDate(written.to_string())),
    };
    (Some(day), after_time(after).trim_start_matches([' ', '\t']))
}

/// `text` after the time of day it starts with on its line (` 09:30`, after a date), if any.
fn after_time(text: &str) -> &str {
    let trimmed = text.trim_start_matches([' ', '\t']);
    let end = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
    let is_time = trimmed[..end]
        .bytes()
        .take(5)
        .enumerate()
        .all(|(i, byte)| match i {
            2 => byte == b':',
            _ => byte.is_ascii_digit(),
        });
    if end >= 5 && is_time {
        &trimmed[end..]
    } else {
        text
    }
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

    /// The document a `.txt` file holding `text` gives, and the problems reported.
    fn read(text: &str, id: &str) -> (Document, Vec<String>) {
        match parse(text, id.to_string(), None) {
            Page::Document {
                document, warnings, ..
            } => (
                *document,
                warnings.iter().map(ToString::to_string).collect(),
            ),
            Page::Omitted(omission) => panic!("left out: {omission:?}"),
        }
    }

    /// The document a `.txt` file holding `text` gives.
    fn document(text: &str, id: &str) -> Document {
        read(text, id).0
    }

    #[test]
    fn a_leading_date_is_taken_out_and_the_rest_of_its_line_kept() {
        let document = document("  date 2025-02-22 Talks began. More text.\n\nSecond.", "d");
        assert_eq!(document.date.as_deref(), Some("2025-02-22"));
        assert_eq!(document.title, "Talks began");
        assert_eq!(document.body, "Talks began. More text.\n\nSecond.");
    }

    #[test]
    fn date_needs_a_date_shaped_word() {
        for text in [
            "date 2025-02-22x",
            "dated 2025-02-22 x",
            "date2025-02-22 x",
            "update 2025-02-22",
            "date soon",
        ] {
            let (document, warnings) = read(text, "d");
            assert_eq!((document.date, warnings.len()), (None, 0), "{text:?}");
            assert_eq!(document.title, text, "kept as text: {text:?}");
        }
        assert_eq!(
            document("Date: 2025-02-22\nTitle", "d").date.as_deref(),
            Some("2025-02-22")
        );
    }

    /// A date line whose date is no day is still the date line: named, left out of the text,
    /// and the line after it is the title.
    #[test]
    fn a_date_line_whose_date_is_no_day_is_reported_and_the_page_undated() {
        for (text, written) in [
            ("date 2024-02-30\nThe Title\nBody.", "2024-02-30"),
            (
                "Date: 2025-13-01T10:00\nThe Title\nBody.",
                "2025-13-01T10:00",
            ),
        ] {
            let (document, warnings) = read(text, "d");
            assert_eq!(document.date, None, "{text:?}");
            assert_eq!(
                warnings,
                [format!(
                    "date \"{written}\" is not a date; write it as YYYY-MM-DD"
                )]
            );
            assert_eq!(
                (document.title.as_str(), document.body.as_str()),
                ("The Title", "Body.")
            );
        }
    }

    #[test]
    fn a_date_line_may_give_a_time_as_front_matter_does() {
        for text in [
            "date 2024-02-29T10:00\nThe Title\nBody.",
            "date 2024-02-29T10:00:00Z\nThe Title\nBody.",
            "Date: 2024-02-29 10:00\nThe Title\nBody.",
        ] {
            let (document, warnings) = read(text, "d");
            assert!(warnings.is_empty(), "{text:?}: {warnings:?}");
            assert_eq!(document.date.as_deref(), Some("2024-02-29"), "{text:?}");
            assert_eq!(
                (document.title.as_str(), document.body.as_str()),
                ("The Title", "Body."),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_title_line_is_one_line_of_single_spaces() {
        let document = document("The\tTabbed  Title\nBody.", "d");
        assert_eq!(document.title, "The Tabbed Title");
    }

    #[test]
    fn title_line_is_removed_from_the_body() {
        let document = document(
            "\nA Short Title\nFirst paragraph.\nSecond paragraph.\n",
            "d",
        );
        assert_eq!(document.title, "A Short Title");
        assert_eq!(document.body, "First paragraph.\nSecond paragraph.");
    }

    #[test]
    fn title_may_follow_one_lead_paragraph_but_not_two() {
        let one = document("Lead paragraph here.\nThe Title\nBody.", "d");
        assert_eq!(one.title, "The Title");
        assert_eq!(one.body, "Lead paragraph here.\nBody.");
        let two = document(
            "Lead paragraph here.\nAnother paragraph.\nA Heading\nBody.",
            "d",
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
        let document = document("  \n", "empty");
        assert_eq!(document.title, "empty");
        assert_eq!(document.body, "");
    }
}

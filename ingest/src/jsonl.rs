//! JSON lines files: one document per line, `{"id", "title", "body", "url", "date", "tags",
//! "lang"}`.

use std::borrow::Cow;
use std::path::Path;

use scour_core::Document;
use serde_json::Value as Json;

use crate::error::{FileError, Problem};
use crate::fields::{self, Value};
use crate::source::Item;

/// Reads every line of the `.jsonl` file at `path`, holding `bytes`: a document, or a problem,
/// per non-blank line; a problem when no line is.
pub(crate) fn read(path: &Path, bytes: &[u8]) -> Vec<Item> {
    let issue = |line, problem| Item::Issue(FileError::new(path, Some(line), problem));
    let mut items = Vec::new();
    for (number, line) in (1..).zip(bytes.split_inclusive(|&byte| byte == b'\n')) {
        let text = String::from_utf8_lossy(line);
        if matches!(text, Cow::Owned(_)) {
            items.push(issue(number, Problem::InvalidUtf8));
        }
        match parse_line(&text) {
            Ok(Some(Line { document, warnings })) => {
                items.extend(warnings.into_iter().map(|problem| issue(number, problem)));
                items.push(Item::Document {
                    line: Some(number),
                    document,
                    title_tag: false,
                });
            }
            Ok(None) => {}
            Err(problem) => items.push(issue(number, problem)),
        }
    }
    if items.is_empty() {
        items.push(Item::Issue(FileError::new(path, None, Problem::NoLines)));
    }
    items
}

/// A line's document, and the problems of the fields it was read without.
#[derive(Debug)]
struct Line {
    document: Document,
    warnings: Vec<Problem>,
}

/// The document on one line; nothing for a blank line. A line with no title (or a blank one)
/// keeps an empty title: a page shows its id in its place (the widget does), and the id's
/// words are not searched as the title's.
fn parse_line(line: &str) -> Result<Option<Line>, Problem> {
    let line = line.trim_start_matches('\u{FEFF}').trim();
    if line.is_empty() {
        return Ok(None);
    }
    let object = match serde_json::from_str(line) {
        Ok(Json::Object(object)) => object,
        Ok(_) => return Err(Problem::Json("expected an object `{...}`".to_string())),
        Err(error) => return Err(Problem::Json(describe(&error))),
    };
    let mut document = Document::new("", "", "");
    let (mut id, mut body) = (None, None);
    let mut warnings = Vec::new();
    for (key, value) in object {
        match key.as_str() {
            "id" => id = parse_id(value)?,
            "body" => body = parse_body(value)?,
            // Fields other than the known ones are not part of the format.
            _ => warnings.extend(fields::set_known(&mut document, &key, from_json(value)).err()),
        }
    }
    document.id = id.ok_or(Problem::MissingField("id"))?;
    document.body = body.ok_or(Problem::MissingField("body"))?;
    Ok(Some(Line { document, warnings }))
}

/// `id` is a non-empty string or a number.
fn parse_id(value: Json) -> Result<Option<String>, Problem> {
    match value {
        Json::String(id) if id.is_empty() => Err(Problem::EmptyId),
        Json::String(id) => Ok(Some(id)),
        Json::Number(number) => Ok(Some(number.to_string())),
        Json::Null => Ok(None),
        _ => Err(wrong_type("id", "a string or a number")),
    }
}

fn parse_body(value: Json) -> Result<Option<String>, Problem> {
    match value {
        Json::String(body) => Ok(Some(body)),
        Json::Null => Ok(None),
        _ => Err(wrong_type("body", "a string")),
    }
}

fn wrong_type(field: &str, expected: &'static str) -> Problem {
    Problem::WrongType {
        field: field.to_string(),
        expected,
    }
}

fn from_json(json: Json) -> Value {
    match json {
        Json::String(text) => Value::Text(text),
        Json::Number(number) => Value::Number(number.to_string()),
        Json::Bool(flag) => Value::Bool(flag),
        Json::Array(items) => Value::List(items.into_iter().map(from_json).collect()),
        Json::Object(_) => Value::Table,
        Json::Null => Value::Null,
    }
}

/// serde_json's message, with the column but not its "line 1" (the file line is given apart).
fn describe(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let message = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(message, _)| message);
    // serde_json names the escape, not what is wrong with it.
    let hint = match message.contains("hex escape") {
        true => " (a \\u escape takes 4 hex digits, and one from \\uD800 to \\uDBFF is half a character: a \\uDC00 to \\uDFFF escape must follow it)",
        false => "",
    };
    format!("{message} at column {}{hint}", error.column())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Document {
        let Line { document, warnings } = parse_line(line).unwrap().unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        document
    }

    fn problem(line: &str) -> String {
        parse_line(line).unwrap_err().to_string()
    }

    #[test]
    fn fields_fill_the_document() {
        let document = parse(
            r#"{"id": "a/1", "title": "T", "body": "B", "url": "/a/1", "date": "2024-01-05", "tags": ["x", "y"], "source_path": "ignored.xml", "lang": "ru"}"#,
        );
        let mut expected = Document::new("a/1", "T", "B");
        expected.url = Some("/a/1".into());
        expected.date = Some("2024-01-05".into());
        expected.lang = Some("ru".into());
        expected
            .filters
            .insert("tag".into(), vec!["x".into(), "y".into()]);
        assert_eq!(document, expected);
    }

    #[test]
    fn numeric_ids_are_kept_as_written_and_title_defaults_to_empty() {
        let document = parse(r#"{"id": 12345678901234567890, "body": "text"}"#);
        assert_eq!(document.id, "12345678901234567890");
        assert_eq!(document.title, "");
    }

    #[test]
    fn a_blank_title_is_empty_and_a_title_is_one_line() {
        for title in [r#"null"#, r#""""#, r#"" \t\n ""#] {
            let document = parse(&format!(
                r#"{{"id": "a/1", "title": {title}, "body": "B"}}"#
            ));
            assert_eq!(document.title, "", "{title}");
        }
        let document = parse(r#"{"id": "1", "title": " Two\n\tlines\u0000 ", "body": "B"}"#);
        assert_eq!(document.title, "Two lines");
    }

    #[test]
    fn blank_lines_are_nothing() {
        assert!(parse_line("  \r\n").unwrap().is_none());
    }

    #[test]
    fn a_file_of_no_lines_or_blank_ones_says_it_holds_no_documents() {
        for bytes in ["", "\n  \r\n\n"] {
            let items = read(Path::new("only.jsonl"), bytes.as_bytes());
            let [Item::Issue(error)] = items.as_slice() else {
                panic!("{bytes:?}: {items:?}")
            };
            assert_eq!((error.line, error.problem.is_warning()), (None, false));
            assert!(
                error
                    .to_string()
                    .starts_with("only.jsonl: holds no documents"),
                "{error}"
            );
        }
        let one = read(
            Path::new("one.jsonl"),
            b"\n{\"id\": 1, \"body\": \"B\"}\n\n",
        );
        assert!(matches!(one.as_slice(), [Item::Document { .. }]), "{one:?}");
    }

    #[test]
    fn missing_or_empty_id_and_missing_body_are_reported() {
        let missing_id = "missing \"id\"; each line needs an \"id\" and a \"body\"";
        assert_eq!(problem(r#"{"title": "T", "body": "B"}"#), missing_id);
        assert_eq!(
            problem(r#"{"id": "", "body": "B"}"#),
            "\"id\" is empty; give each line an id of its own, a non-empty string or a number"
        );
        assert_eq!(
            problem(r#"{"id": 1}"#),
            "missing \"body\"; each line needs an \"id\" and a \"body\""
        );
    }

    #[test]
    fn malformed_lines_say_what_is_wrong_and_where() {
        assert_eq!(
            problem(r#"{"id": "1", "body": "B""#),
            "malformed JSON: EOF while parsing an object at column 23; each line must hold one JSON object"
        );
        assert_eq!(
            problem("[1, 2]"),
            "malformed JSON: expected an object `{...}`; each line must hold one JSON object"
        );
        assert_eq!(
            problem(r#"{"id": true, "body": "B"}"#),
            "\"id\" must be a string or a number"
        );
        assert_eq!(
            problem(r#"{"id": "1", "body": ["B"]}"#),
            "\"body\" must be a string"
        );
        // Half a character escaped: what is wrong with the escape is said.
        for half in [
            r#"{"id": "1", "body": "\ud800"}"#,
            r#"{"id": "1", "body": "\ud800x"}"#,
        ] {
            let message = problem(half);
            assert!(
                message.contains("hex escape at column")
                    && message.contains("a \\uDC00 to \\uDFFF escape must follow it"),
                "{message}"
            );
        }
    }

    #[test]
    fn bad_optional_fields_are_left_out_and_reported() {
        let line = r#"{"id": "1", "title": "Kept", "body": "B", "date": "soon", "weight": "2", "tags": [{}]}"#;
        let Line { document, warnings } = parse_line(line).unwrap().unwrap();
        let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "date \"soon\" is not a date; write it as YYYY-MM-DD",
                "\"tags\" must be a list of strings, not [a table]",
                "\"weight\" must be a number of 0 or more, not \"2\"",
            ]
        );
        assert_eq!(
            (document.id.as_str(), document.title.as_str()),
            ("1", "Kept")
        );
        assert_eq!((document.date, document.weight), (None, 1.0));
    }
}

//! Named document fields shared by front matter and JSON lines: one value model, one set of rules.
//! A value a field cannot take leaves that field unset and is reported; the rest of the document
//! is read.

use std::fmt;

use scour_core::language::Language;
use scour_core::Document;

use crate::date;
use crate::error::Problem;
use crate::flow;

/// A field's value, whatever syntax (YAML, TOML, JSON) it was written in.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Text(String),
    /// A number, as written (so ids like `12` stay `12`).
    Number(String),
    Bool(bool),
    List(Vec<Value>),
    Table,
    Null,
}

impl Value {
    /// The value as text, when it is a single text, number or boolean; else the value back.
    fn into_scalar(self) -> Result<String, Value> {
        match self {
            Value::Text(text) | Value::Number(text) => Ok(text),
            Value::Bool(flag) => Ok(flag.to_string()),
            other @ (Value::List(_) | Value::Table | Value::Null) => Err(other),
        }
    }
}

/// How long a value may be written in a message before it is cut.
const SHOWN_CHARS: usize = 60;

/// The value as a message shows it: text quoted, lists bracketed, at most [`SHOWN_CHARS`].
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let written = match self {
            Value::Text(text) => format!("{text:?}"),
            Value::Number(number) => number.clone(),
            Value::Bool(flag) => flag.to_string(),
            Value::List(items) => {
                let items: Vec<String> = items.iter().map(Value::to_string).collect();
                format!("[{}]", items.join(", "))
            }
            Value::Table => "a table".to_string(),
            Value::Null => "null".to_string(),
        };
        match written.char_indices().nth(SHOWN_CHARS) {
            Some((cut, _)) => write!(f, "{}…", &written[..cut]),
            None => f.write_str(&written),
        }
    }
}

/// Sets the known field `key` (`title`, `date`, `url`, `tags`, `weight`, `lang`) on `document`,
/// a title on one line.
/// Returns the value back when `key` is not a known field; a `null` value leaves it unset, and
/// so does a value the field cannot take, returned as the problem.
pub(crate) fn set_known(
    document: &mut Document,
    key: &str,
    value: Value,
) -> Result<Option<Value>, Problem> {
    if value == Value::Null {
        return Ok(None);
    }
    match key {
        "title" => document.title = flow::one_line(&scalar(key, value)?),
        "url" => document.url = Some(scalar(key, value)?),
        "date" => document.date = Some(parse_date(scalar(key, value)?)?),
        "tags" => add_tags(document, value)?,
        "weight" => document.weight = parse_weight(value)?,
        "lang" => document.lang = Some(parse_lang(value)?),
        _ => return Ok(Some(value)),
    }
    Ok(None)
}

/// Sets every field of a front matter block: known ones, then any other single value as `meta`.
/// Returns the problems of the fields left unset because of their values.
pub(crate) fn set_all(document: &mut Document, fields: Vec<(String, Value)>) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (key, value) in fields {
        match set_known(document, &key, value) {
            Ok(Some(other)) => {
                if let Ok(scalar) = other.into_scalar() {
                    document.meta.insert(key, scalar);
                }
            }
            Ok(None) => {}
            Err(problem) => problems.push(problem),
        }
    }
    problems
}

/// The value of a field that must be a single value, as text.
fn scalar(field: &str, value: Value) -> Result<String, Problem> {
    value
        .into_scalar()
        .map_err(|value| bad_value(field, &value, "a single value"))
}

fn bad_value(field: &str, value: &Value, expected: &'static str) -> Problem {
    Problem::BadValue {
        field: field.to_string(),
        value: value.to_string(),
        expected,
    }
}

fn parse_date(text: String) -> Result<String, Problem> {
    date::normalize(&text).ok_or(Problem::BadDate(text))
}

/// `tags` is a list of values or a single one; each becomes a `tag` filter value.
fn add_tags(document: &mut Document, value: Value) -> Result<(), Problem> {
    let items = match &value {
        Value::List(items) => items.as_slice(),
        single => std::slice::from_ref(single),
    };
    let tags: Option<Vec<String>> = items
        .iter()
        .map(|item| item.clone().into_scalar().ok())
        .collect();
    let tags = tags.ok_or_else(|| bad_value("tags", &value, "a list of strings"))?;
    document
        .filters
        .entry("tag".to_string())
        .or_default()
        .extend(tags);
    Ok(())
}

/// A language tag (`en`, `pt-BR`, `und`), refused when it names no language (`english`): the page
/// would lose its stemming and stop words without a word said.
fn parse_lang(value: Value) -> Result<String, Problem> {
    let tag = scalar("lang", value)?;
    match Language::from_known_tag(&tag) {
        Some(_) => Ok(tag),
        None => Err(bad_value(
            "lang",
            &Value::Text(tag),
            "a language tag like en, fr or pt-BR",
        )),
    }
}

fn parse_weight(value: Value) -> Result<f32, Problem> {
    let weight = match &value {
        Value::Number(text) => text.parse::<f32>().ok(),
        _ => None,
    };
    weight
        .filter(|weight| weight.is_finite() && *weight >= 0.0)
        .ok_or_else(|| bad_value("weight", &value, "a number of 0 or more"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::Text(s.to_string())
    }

    /// The document the fields make, and the problems of those left unset.
    fn apply(fields: Vec<(&str, Value)>) -> (Document, Vec<String>) {
        let mut document = Document::new("id", "", "");
        let fields = fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        let problems = set_all(&mut document, fields);
        (document, problems.iter().map(ToString::to_string).collect())
    }

    /// The document the fields make, when every value is right.
    fn applied(fields: Vec<(&str, Value)>) -> Document {
        let (document, problems) = apply(fields);
        assert!(problems.is_empty(), "{problems:?}");
        document
    }

    #[test]
    fn known_fields_fill_the_document_and_other_values_become_meta() {
        let document = applied(vec![
            ("title", text("Install")),
            ("date", text("2024-02-10T08:00:00Z")),
            ("url", text("/install/")),
            ("tags", Value::List(vec![text("linux"), text("setup")])),
            ("weight", Value::Number("2.5".into())),
            ("lang", text("pt-BR")),
            ("author", text("Dana")),
            ("draft", Value::Bool(false)),
            ("aliases", Value::List(vec![text("/old/")])),
            ("extra", Value::Table),
        ]);
        assert_eq!(document.title, "Install");
        assert_eq!(document.date.as_deref(), Some("2024-02-10"));
        assert_eq!(document.url.as_deref(), Some("/install/"));
        assert_eq!(document.filters["tag"], ["linux", "setup"]);
        assert_eq!(document.weight, 2.5);
        assert_eq!(document.lang.as_deref(), Some("pt-BR"));
        assert_eq!(document.meta.len(), 2);
        assert_eq!(document.meta["author"], "Dana");
        assert_eq!(document.meta["draft"], "false");
    }

    #[test]
    fn a_single_tag_and_a_numeric_title_are_accepted() {
        let document = applied(vec![
            ("tags", text("rust")),
            ("title", Value::Number("1984".into())),
        ]);
        assert_eq!(document.filters["tag"], ["rust"]);
        assert_eq!(document.title, "1984");
    }

    #[test]
    fn a_title_is_put_on_one_line() {
        let folded = applied(vec![("title", text(" Folded\nTitle\n"))]);
        assert_eq!(folded.title, "Folded Title");
        let controls = applied(vec![("title", text("Tab\tand\u{0}NUL"))]);
        assert_eq!(controls.title, "Tab and NUL");
        assert_eq!(applied(vec![("title", text(" \t "))]).title, "");
    }

    #[test]
    fn null_leaves_a_field_unset() {
        let document = applied(vec![("date", Value::Null), ("weight", Value::Null)]);
        assert_eq!(document.date, None);
        assert_eq!(document.weight, 1.0);
    }

    #[test]
    fn wrong_values_name_the_field_the_value_and_what_it_expects() {
        let cases = [
            (
                "weight",
                text("heavy"),
                "\"weight\" must be a number of 0 or more, not \"heavy\"",
            ),
            (
                "weight",
                Value::Number("-1".into()),
                "\"weight\" must be a number of 0 or more, not -1",
            ),
            (
                "tags",
                Value::List(vec![text("a"), Value::Table]),
                "\"tags\" must be a list of strings, not [\"a\", a table]",
            ),
            (
                "title",
                Value::List(vec![]),
                "\"title\" must be a single value, not []",
            ),
            (
                "date",
                text("last week"),
                "date \"last week\" is not a date; write it as YYYY-MM-DD",
            ),
            (
                "lang",
                text("english"),
                "\"lang\" must be a language tag like en, fr or pt-BR, not \"english\"",
            ),
        ];
        for (key, value, message) in cases {
            let (_, problems) = apply(vec![(key, value)]);
            assert_eq!(problems, [message]);
        }
    }

    #[test]
    fn a_wrong_value_leaves_its_field_unset_and_the_others_set() {
        let (document, problems) = apply(vec![
            ("title", text("Kept")),
            ("date", text("soon")),
            ("weight", Value::Bool(true)),
            ("tags", Value::List(vec![text("kept"), Value::List(vec![])])),
            ("url", text("/kept/")),
            ("author", text("Dana")),
        ]);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert_eq!(document.title, "Kept");
        assert_eq!(document.date, None);
        assert_eq!(document.weight, 1.0);
        assert!(document.filters.is_empty());
        assert_eq!(document.url.as_deref(), Some("/kept/"));
        assert_eq!(document.meta["author"], "Dana");
    }

    #[test]
    fn long_values_are_cut_in_messages() {
        let shown = Value::Text("x".repeat(100)).to_string();
        assert_eq!(shown.chars().count(), SHOWN_CHARS + 1);
        assert!(shown.ends_with('…'));
    }
}

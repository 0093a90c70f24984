//! Named document fields shared by front matter and JSON lines: one value model, one set of rules.

use scour_core::Document;

use crate::date;
use crate::error::Problem;

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
    /// The value as text, when it is a single text, number or boolean.
    fn into_scalar(self) -> Option<String> {
        match self {
            Value::Text(text) | Value::Number(text) => Some(text),
            Value::Bool(flag) => Some(flag.to_string()),
            Value::List(_) | Value::Table | Value::Null => None,
        }
    }
}

/// Sets the known field `key` (`title`, `date`, `url`, `tags`, `weight`) on `document`.
/// Returns the value back when `key` is not a known field; a `null` value leaves it unset.
pub(crate) fn set_known(
    document: &mut Document,
    key: &str,
    value: Value,
) -> Result<Option<Value>, Problem> {
    if value == Value::Null {
        return Ok(None);
    }
    match key {
        "title" => document.title = scalar(key, value)?,
        "url" => document.url = Some(scalar(key, value)?),
        "date" => document.date = Some(parse_date(scalar(key, value)?)?),
        "tags" => add_tags(document, value)?,
        "weight" => document.weight = parse_weight(value)?,
        _ => return Ok(Some(value)),
    }
    Ok(None)
}

/// Sets every field of a front matter block: known ones, then any other single value as `meta`.
pub(crate) fn set_all(
    document: &mut Document,
    fields: Vec<(String, Value)>,
) -> Result<(), Problem> {
    for (key, value) in fields {
        if let Some(scalar) = set_known(document, &key, value)?.and_then(Value::into_scalar) {
            document.meta.insert(key, scalar);
        }
    }
    Ok(())
}

/// The value of a field that must be a single value, as text.
fn scalar(field: &str, value: Value) -> Result<String, Problem> {
    value.into_scalar().ok_or_else(|| Problem::WrongType {
        field: field.to_string(),
        expected: "a single value",
    })
}

fn parse_date(text: String) -> Result<String, Problem> {
    date::normalize(&text).ok_or(Problem::BadDate(text))
}

/// `tags` is a list of values or a single one; each becomes a `tag` filter value.
fn add_tags(document: &mut Document, value: Value) -> Result<(), Problem> {
    let values = match value {
        Value::List(values) => values,
        single => vec![single],
    };
    let mut tags = Vec::with_capacity(values.len());
    for value in values {
        tags.push(value.into_scalar().ok_or_else(|| Problem::WrongType {
            field: "tags".to_string(),
            expected: "a list of strings",
        })?);
    }
    document
        .filters
        .entry("tag".to_string())
        .or_default()
        .extend(tags);
    Ok(())
}

fn parse_weight(value: Value) -> Result<f32, Problem> {
    let weight = match value {
        Value::Number(text) => text.parse::<f32>().ok(),
        _ => None,
    };
    weight
        .filter(|weight| weight.is_finite() && *weight >= 0.0)
        .ok_or_else(|| Problem::WrongType {
            field: "weight".to_string(),
            expected: "a number, 0 or more",
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::Text(s.to_string())
    }

    fn apply(fields: Vec<(&str, Value)>) -> Result<Document, Problem> {
        let mut document = Document::new("id", "", "");
        let fields = fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        set_all(&mut document, fields)?;
        Ok(document)
    }

    #[test]
    fn known_fields_fill_the_document_and_other_values_become_meta() {
        let document = apply(vec![
            ("title", text("Install")),
            ("date", text("2024-02-10T08:00:00Z")),
            ("url", text("/install/")),
            ("tags", Value::List(vec![text("linux"), text("setup")])),
            ("weight", Value::Number("2.5".into())),
            ("author", text("Dana")),
            ("draft", Value::Bool(false)),
            ("aliases", Value::List(vec![text("/old/")])),
            ("extra", Value::Table),
        ])
        .unwrap();
        assert_eq!(document.title, "Install");
        assert_eq!(document.date.as_deref(), Some("2024-02-10"));
        assert_eq!(document.url.as_deref(), Some("/install/"));
        assert_eq!(document.filters["tag"], ["linux", "setup"]);
        assert_eq!(document.weight, 2.5);
        assert_eq!(document.meta.len(), 2);
        assert_eq!(document.meta["author"], "Dana");
        assert_eq!(document.meta["draft"], "false");
    }

    #[test]
    fn a_single_tag_and_a_numeric_title_are_accepted() {
        let document = apply(vec![
            ("tags", text("rust")),
            ("title", Value::Number("1984".into())),
        ])
        .unwrap();
        assert_eq!(document.filters["tag"], ["rust"]);
        assert_eq!(document.title, "1984");
    }

    #[test]
    fn null_leaves_a_field_unset() {
        let document = apply(vec![("date", Value::Null), ("weight", Value::Null)]).unwrap();
        assert_eq!(document.date, None);
        assert_eq!(document.weight, 1.0);
    }

    #[test]
    fn wrong_values_name_the_field_and_what_it_expects() {
        let cases = [
            (
                "weight",
                text("heavy"),
                "\"weight\" must be a number, 0 or more",
            ),
            (
                "weight",
                Value::Number("-1".into()),
                "\"weight\" must be a number, 0 or more",
            ),
            (
                "tags",
                Value::List(vec![Value::Table]),
                "\"tags\" must be a list of strings",
            ),
            (
                "title",
                Value::List(vec![]),
                "\"title\" must be a single value",
            ),
            (
                "date",
                text("last week"),
                "date \"last week\" is not a date; write it as YYYY-MM-DD",
            ),
        ];
        for (key, value, message) in cases {
            let error = apply(vec![(key, value)]).unwrap_err();
            assert_eq!(error.to_string(), message);
        }
    }
}

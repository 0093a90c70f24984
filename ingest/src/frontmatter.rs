//! Front matter: the YAML (`---`) or TOML (`+++`) block at the top of a Markdown file.

use toml::Value as Toml;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::{Yaml, YamlLoader};

use crate::error::{Failure, Problem};
use crate::fields::Value;

/// A front matter block's fields: in the order written (YAML), by key (TOML).
pub(crate) type Fields = Vec<(String, Value)>;

/// Splits `text` into its front matter fields (none when it has no block) and the rest.
pub(crate) fn split(text: &str) -> Result<(Fields, &str), Failure> {
    let Some((first, rest)) = text.split_once('\n') else {
        return Ok((Fields::new(), text));
    };
    let (syntax, fence, ends) = match first.trim_end() {
        "---" => (Syntax::Yaml, "---", ["---", "..."]),
        "+++" => (Syntax::Toml, "+++", ["+++", "+++"]),
        _ => return Ok((Fields::new(), text)),
    };
    let (block, body) =
        close(rest, ends).ok_or_else(|| Failure::at(1, Problem::UnclosedFrontMatter { fence }))?;
    Ok((syntax.parse(block)?, body))
}

/// Whether the fields mark the page as a draft: `draft: true` (`draft = true` in TOML), or
/// `"true"` quoted, which means the same to a writer (and a draft published would be worse
/// than a page left out).
pub(crate) fn is_draft(fields: &Fields) -> bool {
    fields.iter().any(|(key, value)| {
        key == "draft"
            && match value {
                Value::Bool(flag) => *flag,
                Value::Text(text) => text.trim().eq_ignore_ascii_case("true"),
                _ => false,
            }
    })
}

/// The block before its closing line, one of `ends` (YAML's block may end with `...`, as
/// Pandoc and Jekyll read it), and the text after that line.
fn close<'a>(text: &'a str, ends: [&str; 2]) -> Option<(&'a str, &'a str)> {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if ends.contains(&line.trim_end()) {
            return Some((&text[..start], &text[start + line.len()..]));
        }
        start += line.len();
    }
    None
}

#[derive(Clone, Copy)]
enum Syntax {
    Yaml,
    Toml,
}

impl Syntax {
    /// Parses the block; its first line is line 2 of the file.
    fn parse(self, block: &str) -> Result<Fields, Failure> {
        match self {
            Syntax::Yaml => parse_yaml(block),
            Syntax::Toml => parse_toml(block),
        }
    }
}

fn parse_yaml(block: &str) -> Result<Fields, Failure> {
    // An alias is written `*name`: a block without a `*` is parsed once.
    if block.contains('*') {
        refuse_aliases(block)?;
    }
    let documents = YamlLoader::load_from_str(block)
        .map_err(|error| Failure::at(error.marker().line() + 1, malformed("YAML", error.info())))?;
    match documents.into_iter().next() {
        None | Some(Yaml::Null) => Ok(Fields::new()),
        Some(Yaml::Hash(hash)) => Ok(hash
            .into_iter()
            .filter_map(|(key, value)| Some((yaml_key(key)?, from_yaml(value))))
            .collect()),
        Some(_) => Err(Failure::at(
            2,
            malformed("YAML", "expected `key: value` lines"),
        )),
    }
}

/// Refuses a block with an alias (`*name`): loading copies the anchored value at each, so a
/// few lines of aliases of aliases would take gigabytes (the "billion laughs").
fn refuse_aliases(block: &str) -> Result<(), Failure> {
    let mut parser = Parser::new_from_str(block);
    loop {
        match parser.next_token() {
            Ok((Event::Alias(_), at)) => {
                let message = "an alias (`*name`) repeats a value, which is not read here: write the value out";
                return Err(Failure::at(at.line() + 1, malformed("YAML", message)));
            }
            Ok((Event::StreamEnd, _)) => return Ok(()),
            Ok(_) => {}
            // Loading reports the error with its line.
            Err(_) => return Ok(()),
        }
    }
}

fn yaml_key(key: Yaml) -> Option<String> {
    match key {
        Yaml::String(text) | Yaml::Real(text) => Some(text),
        Yaml::Integer(number) => Some(number.to_string()),
        Yaml::Boolean(flag) => Some(flag.to_string()),
        _ => None,
    }
}

fn from_yaml(yaml: Yaml) -> Value {
    match yaml {
        Yaml::String(text) => Value::Text(text),
        Yaml::Real(text) => Value::Number(text),
        Yaml::Integer(number) => Value::Number(number.to_string()),
        Yaml::Boolean(flag) => Value::Bool(flag),
        Yaml::Array(items) => Value::List(items.into_iter().map(from_yaml).collect()),
        Yaml::Hash(_) => Value::Table,
        Yaml::Alias(_) | Yaml::Null | Yaml::BadValue => Value::Null,
    }
}

fn parse_toml(block: &str) -> Result<Fields, Failure> {
    let table = block.parse::<toml::Table>().map_err(|error| {
        let lines_before = error
            .span()
            .map_or(0, |span| block[..span.start].matches('\n').count());
        Failure::at(2 + lines_before, malformed("TOML", error.message()))
    })?;
    Ok(table
        .into_iter()
        .map(|(key, value)| (key, from_toml(value)))
        .collect())
}

fn from_toml(toml: Toml) -> Value {
    match toml {
        Toml::String(text) => Value::Text(text),
        Toml::Integer(number) => Value::Number(number.to_string()),
        Toml::Float(number) => Value::Number(number.to_string()),
        Toml::Boolean(flag) => Value::Bool(flag),
        Toml::Datetime(datetime) => Value::Text(datetime.to_string()),
        Toml::Array(items) => Value::List(items.into_iter().map(from_toml).collect()),
        Toml::Table(_) => Value::Table,
    }
}

fn malformed(syntax: &'static str, message: &str) -> Problem {
    Problem::FrontMatter {
        syntax,
        message: message.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::Text(s.to_string())
    }

    #[test]
    fn yaml_front_matter_is_split_from_the_body() {
        let (fields, body) =
            split("---\ntitle: Install\ndate: 2024-01-05\ntags: [a, b]\nweight: 2\n---\n# Body\n")
                .unwrap();
        assert_eq!(
            fields,
            [
                ("title".to_string(), text("Install")),
                ("date".to_string(), text("2024-01-05")),
                ("tags".to_string(), Value::List(vec![text("a"), text("b")])),
                ("weight".to_string(), Value::Number("2".into())),
            ]
        );
        assert_eq!(body, "# Body\n");
    }

    #[test]
    fn toml_front_matter_is_split_from_the_body() {
        let (fields, body) = split(
            "+++\ntitle = \"Configure\"\ndate = 2024-03-01T09:30:00Z\nweight = 0.5\n+++\nText",
        )
        .unwrap();
        assert_eq!(
            fields,
            [
                ("date".to_string(), text("2024-03-01T09:30:00Z")),
                ("title".to_string(), text("Configure")),
                ("weight".to_string(), Value::Number("0.5".into())),
            ]
        );
        assert_eq!(body, "Text");
    }

    #[test]
    fn draft_true_marks_a_draft_in_either_syntax() {
        let draft = |text: &str| is_draft(&split(text).unwrap().0);
        assert!(draft("---\ndraft: true\n---\n"));
        assert!(draft("+++\ndraft = true\n+++\n"));
        assert!(!draft("---\ndraft: false\n---\n"));
        assert!(!draft("---\ndraft: \"yes\"\n---\n"));
        assert!(!draft("---\ntitle: draft\n---\n"));
        assert!(!draft("no front matter"));
    }

    #[test]
    fn text_without_a_fence_has_no_front_matter() {
        let (fields, body) = split("# Title\n---\nmore").unwrap();
        assert!(fields.is_empty());
        assert_eq!(body, "# Title\n---\nmore");
        assert!(split("---").unwrap().0.is_empty());
    }

    #[test]
    fn a_yaml_block_may_end_with_three_dots() {
        let (fields, body) = split("---\ntitle: Install\n...\n# Body\n").unwrap();
        assert_eq!(fields, [("title".to_string(), text("Install"))]);
        assert_eq!(body, "# Body\n");
        // Not a TOML block.
        assert!(split("+++\ntitle = \"x\"\n...\nBody").is_err());
    }

    #[test]
    fn an_empty_block_has_no_fields() {
        let (fields, body) = split("---\n---\nBody").unwrap();
        assert!(fields.is_empty());
        assert_eq!(body, "Body");
    }

    #[test]
    fn yaml_errors_give_the_file_line() {
        let error = split("---\ntitle: ok\ntags: [a, b\n---\nBody").unwrap_err();
        assert!(error.line >= Some(3), "line {:?}", error.line);
        assert!(error
            .problem
            .to_string()
            .starts_with("malformed YAML front matter: "));
    }

    #[test]
    fn toml_errors_give_the_file_line() {
        let error = split("+++\ntitle = \"ok\"\nweight = = 2\n+++\n").unwrap_err();
        assert_eq!(error.line, Some(3));
        assert!(error
            .problem
            .to_string()
            .starts_with("malformed TOML front matter: "));
    }

    /// Aliases of aliases (the "billion laughs") would take gigabytes to load: a block with
    /// one is refused at once, naming its line.
    #[test]
    fn yaml_aliases_are_refused_before_they_are_expanded() {
        let mut block = String::from("---\ntitle: Bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for level in 1..12 {
            let previous = format!("*a{}", level - 1);
            let items = [previous.as_str(); 10].join(", ");
            block.push_str(&format!("a{level}: &a{level} [{items}]\n"));
        }
        block.push_str("---\nBody");
        let error = split(&block).unwrap_err();
        assert_eq!(error.line, Some(4));
        assert_eq!(error.problem.to_string(), "malformed YAML front matter: an alias (`*name`) repeats a value, which is not read here: write the value out; fix it or remove the front matter block");
        // An anchor alone is no alias.
        assert!(split("---\ntitle: &t Anchored\n---\nBody").is_ok());
    }

    #[test]
    fn yaml_that_is_not_a_mapping_is_malformed() {
        let error = split("---\n- a\n- b\n---\n").unwrap_err();
        assert_eq!(error.problem.to_string(), "malformed YAML front matter: expected `key: value` lines; fix it or remove the front matter block");
    }

    #[test]
    fn an_unclosed_block_points_at_its_opening_line() {
        let error = split("+++\ntitle = \"x\"\n").unwrap_err();
        assert_eq!(error.line, Some(1));
        assert_eq!(
            error.problem.to_string(),
            "front matter opened with `+++` is never closed; add a line `+++` after it"
        );
    }
}

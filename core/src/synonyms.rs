//! Synonyms: groups of words a searcher uses for one another (`folder`, `directory`).
//!
//! The builder stores, for each word of a group, the index terms of the group's other words
//! in every inflection, keyed by the word's stem with [`SYNONYM`] after it (`folder\u{4}`)
//! among the stem groups of the term piece where the word would be. A query word then
//! matches them at [`Weights::synonym`](crate::ranking::Weights::synonym), and a title
//! holding one does not count as holding the word. English indexes have the groups of
//! `synonyms.txt`; a site adds its own in the same format.

use thiserror::Error;

use crate::analysis::{tokenize, CompoundRole, Token};
use crate::language::Language;

/// Marks a synonym key among the stem groups: the stem of the word it is for, then this.
pub const SYNONYM: char = '\u{4}';

/// The most words a group may have. Each word of a group keeps the terms of all the others,
/// so a group's share of the index grows with the square of its words; a group of more is a
/// list of words, not of words that mean the same.
const MAX_GROUP_WORDS: usize = 100;

/// The groups English indexes have unless told otherwise.
const ENGLISH: &str = include_str!("synonyms.txt");

/// Groups of words that stand for one another, each word normalised as the index's terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synonyms {
    /// The built-in groups, for English documents (none when left out).
    english: Vec<Vec<String>>,
    /// The site's own groups, in every language.
    groups: Vec<Vec<String>>,
}

/// A line of a synonyms file that is not a group of single words.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("line {line}: {problem}; write one group per line as words separated by commas (`folder, directory`)")]
pub struct SynonymError {
    pub line: usize,
    pub problem: String,
}

impl Synonyms {
    /// The built-in English groups and no others.
    pub fn english() -> Synonyms {
        Synonyms {
            english: parse(ENGLISH).expect("synonyms.txt is groups of single words"),
            groups: Vec::new(),
        }
    }

    /// None at all.
    pub fn none() -> Synonyms {
        Synonyms::default()
    }

    /// Adds the groups of `text`: one group per line, its words separated by commas; blank
    /// lines and lines starting with `#` are skipped. Each word must be one word as the
    /// index reads words (`command line` is two).
    pub fn add(&mut self, text: &str) -> Result<&mut Synonyms, SynonymError> {
        self.groups.extend(parse(text)?);
        Ok(self)
    }

    /// The groups that apply to documents in `language`.
    pub(crate) fn groups(&self, language: &Language) -> impl Iterator<Item = &[String]> {
        let english = if *language == Language::english() {
            self.english.as_slice()
        } else {
            &[]
        };
        english.iter().chain(&self.groups).map(Vec::as_slice)
    }
}

fn parse(text: &str) -> Result<Vec<Vec<String>>, SynonymError> {
    let mut groups = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let error = |problem: String| SynonymError {
            line: n + 1,
            problem,
        };
        let words = line.split(',').count();
        if words > MAX_GROUP_WORDS {
            return Err(error(format!(
                "a group of {words} words, more than the {MAX_GROUP_WORDS} a group may have; keep in a group only words that mean the same"
            )));
        }
        let mut group: Vec<String> = Vec::new();
        for word in line.split(',').map(str::trim) {
            let tokens = tokenize(word);
            let whole: Vec<&Token> = tokens
                .iter()
                .filter(|t| !matches!(t.role, CompoundRole::Part | CompoundRole::Tail))
                .collect();
            match whole.as_slice() {
                [token] => group.push(token.term.clone()),
                [] => return Err(error("an empty word".to_string())),
                _ => return Err(error(format!("`{word}` is more than one word"))),
            }
        }
        group.dedup();
        if group.len() < 2 {
            return Err(error("a group needs two words or more".to_string()));
        }
        groups.push(group);
    }
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_groups_parse_and_apply_to_english_only() {
        let synonyms = Synonyms::english();
        let english: Vec<&[String]> = synonyms.groups(&Language::english()).collect();
        assert!(english.len() > 20);
        assert!(english.iter().any(|g| g.contains(&"folder".to_string())));
        assert_eq!(synonyms.groups(&Language::from_tag("fr")).count(), 0);
    }

    #[test]
    fn a_site_file_is_read_as_normalised_groups() {
        let mut synonyms = Synonyms::none();
        synonyms
            .add("# ours\n\nSignIn, Login , logon\nrepo,depot\n")
            .expect("valid");
        assert_eq!(
            synonyms
                .groups(&Language::from_tag("de"))
                .collect::<Vec<_>>(),
            [&["signin", "login", "logon"][..], &["repo", "depot"][..]]
        );
    }

    #[test]
    fn a_bad_line_says_which_and_why() {
        let mut synonyms = Synonyms::none();
        let error = synonyms.add("a, b\ncommand line, shell").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(error
            .to_string()
            .contains("`command line` is more than one word"));
        let error = synonyms.add("lonely").unwrap_err();
        assert!(error.to_string().contains("two words or more"));
        assert!(synonyms.add("a,,b").is_err());
    }

    #[test]
    fn a_group_of_more_words_than_the_limit_is_refused() {
        let group = |words: usize| {
            let words: Vec<String> = (0..words).map(|i| format!("w{i}")).collect();
            format!("a, b\n{}\n", words.join(", "))
        };
        let mut synonyms = Synonyms::none();
        assert!(synonyms.add(&group(MAX_GROUP_WORDS)).is_ok());
        let error = synonyms.add(&group(MAX_GROUP_WORDS + 1)).unwrap_err();
        assert_eq!(error.line, 2);
        assert!(
            error.to_string().contains(&format!(
                "a group of {} words, more than the {MAX_GROUP_WORDS} a group may have",
                MAX_GROUP_WORDS + 1
            )),
            "{error}"
        );
    }
}

//! The query language: words, `"phrases"`, `-exclusions`, `a OR b`, `title:word`, and the
//! last word read as a prefix while the user is still typing it. `--option` and `-x` are
//! words (command-line options), not exclusions.
//!
//! Parsing never fails. Control characters are spaces, an unclosed quote runs to the end, a
//! lone `-` and an `OR` with nothing on one side are ignored, and over-long queries are cut
//! to [`MAX_QUERY_CHARS`] characters and [`MAX_WORDS`] words, each word of a phrase or an
//! exclusion counted (after stop words are dropped). A word repeated as a clause weighs more; repeated alternatives
//! and exclusions count once.

use crate::analysis::{tokenize, written_term, CompoundRole, Token};
use crate::language::Languages;
use crate::segment::is_unspaced;

/// Characters of a query that are read; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 1_000;
/// Words of a query that are searched, those of phrases and exclusions included; the rest
/// are ignored (a phrase cut short keeps its first words, when two or more fit).
pub const MAX_WORDS: usize = 32;

/// A parsed query: every clause should match; no excluded atom may.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub clauses: Vec<Clause>,
    pub excluded: Vec<Atom>,
}

/// Alternatives joined by `OR`; a clause matches a document when any alternative does.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub alternatives: Vec<Atom>,
    /// A stop word of a short query, or a word being typed that may be one: not required,
    /// but it counts for a title that is exactly the query (`gh at`, `how to install`).
    pub optional: bool,
}

/// Queries of at most this many words keep their stop words, as optional clauses.
const SHORT_QUERY: usize = 3;
/// Queries of at most this many words also match the words written as one.
const MAX_JOINED: usize = 4;

/// The smallest thing a document can match.
#[derive(Debug, Clone, PartialEq)]
pub enum Atom {
    Word {
        term: String,
        field: Field,
        /// The word is still being typed: its completions match too.
        prefix: bool,
        /// The word as written, when that says more than its term (see
        /// [`crate::analysis::written_term`]): its accents, a bonus; a name's underscores,
        /// which the pages holding it so come first with.
        written: Option<String>,
        /// The query's words joined (`setcookie` for `set cookie`, see `add_joined`): no
        /// near spellings or completions (`staticmethods` is no misspelling), and its score
        /// is shared among the clauses it stands in.
        joined: bool,
        /// Typed in quotes: matched as written, never completed when the index lacks it.
        quoted: bool,
        /// Being typed, it may complete to a stop word: not beside other clauses, where a
        /// stop word adds nothing (once typed, it is dropped or optional) and its postings,
        /// on most pages, would be the keystroke's costliest.
        completes_to_stop_words: bool,
    },
    /// Terms that must occur at consecutive positions in one field.
    Phrase {
        terms: Vec<String>,
        field: Field,
        /// The quote is still open and its last word being typed: it matches as a prefix.
        prefix: bool,
        /// Typed in quotes (not a compound such as `file_put_contents`): its last word is
        /// never completed when the index lacks it.
        quoted: bool,
        /// A name's parts: a compound joined by `_`, `.` or `::` (`PHP_EOL`,
        /// `date.timezone`), not by a hyphen (`e-mail`) nor typed in quotes.
        name: bool,
    },
}

/// Which fields an atom is matched against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Any,
    Title,
}

/// How the query text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Syntax {
    /// Quotes, `-`, `OR` and `title:` are operators.
    #[default]
    Operators,
    /// Every character is text: for queries written as prose (evaluation collections).
    Plain,
}

impl Atom {
    /// How many words of a title the atom stands for: a phrase's words, or one.
    pub fn width(&self) -> u16 {
        match self {
            Atom::Word { .. } => 1,
            Atom::Phrase { terms, .. } => terms.len().min(usize::from(u16::MAX)) as u16,
        }
    }

    /// Whether the atom is the same words in the same field as `other`, finished or being
    /// typed: a word typed again.
    pub fn same_words(&self, other: &Atom) -> bool {
        match (self, other) {
            (
                Atom::Word { term, field, .. },
                Atom::Word {
                    term: other_term,
                    field: other_field,
                    ..
                },
            ) => term == other_term && field == other_field,
            (
                Atom::Phrase { terms, field, .. },
                Atom::Phrase {
                    terms: other_terms,
                    field: other_field,
                    ..
                },
            ) => terms == other_terms && field == other_field,
            _ => false,
        }
    }

    /// Takes the atom's words from `budget`: all of them, or a phrase's first words when two
    /// or more are left; false (drop the atom) when too few are.
    fn keep_words(&mut self, budget: &mut usize) -> bool {
        let words = match self {
            Atom::Word { .. } => 1,
            Atom::Phrase { terms, prefix, .. } => {
                if terms.len() > *budget && *budget >= 2 {
                    terms.truncate(*budget);
                    *prefix = false;
                }
                terms.len()
            }
        };
        let fits = words <= *budget;
        if fits {
            *budget -= words;
        }
        fits
    }

    /// Whether the atom is a single stop word in one of `languages`.
    pub fn is_stop_word(&self, languages: &Languages) -> bool {
        matches!(self, Atom::Word { term, .. } if languages.is_stop_word(term))
    }
}

impl Clause {
    /// Whether the clause is a word (or phrase) `earlier` is, typed again.
    pub fn repeats(&self, earlier: &Clause) -> bool {
        match (self.alternatives.first(), earlier.alternatives.first()) {
            (Some(this), Some(earlier)) => this.same_words(earlier),
            _ => false,
        }
    }

    /// Whether alternative `i` is the joined form of the name that the alternative before it
    /// spells apart (`phpeol` after the phrase "php eol", for `PHP_EOL`; not `email` after
    /// "e mail", for `e-mail`).
    pub fn is_joined_name(&self, i: usize) -> bool {
        let before = i.checked_sub(1).and_then(|b| self.alternatives.get(b));
        match (before, self.alternatives.get(i)) {
            (
                Some(Atom::Phrase {
                    terms, name: true, ..
                }),
                Some(Atom::Word {
                    term,
                    joined: false,
                    ..
                }),
            ) => {
                let mut rest = term.as_str();
                terms
                    .iter()
                    .all(|part| match rest.strip_prefix(part.as_str()) {
                        Some(after) => {
                            rest = after;
                            true
                        }
                        None => false,
                    })
                    && rest.is_empty()
            }
            _ => false,
        }
    }
}

impl Query {
    /// Parses `text`. With `typing`, a last word not followed by a space matches as a prefix.
    /// Stop words are those of the index's `languages`.
    pub fn parse(text: &str, syntax: Syntax, typing: bool, languages: &Languages) -> Query {
        let text: String = text
            .chars()
            .take(MAX_QUERY_CHARS)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let items = lex(&text, syntax);
        let last_word_open = typing && !text.ends_with(char::is_whitespace);
        let mut query = build(items, last_word_open);
        query.drop_stop_words(languages);
        query.treat_word_being_typed_beside_others(languages);
        query.add_joined();
        query.truncate(MAX_WORDS);
        query
    }

    /// Words typed apart that a page writes as one (`set cookie` for `setcookie`, `preg
    /// replace` for `preg_replace`): a query of two to four plain words, one to a clause and
    /// none optional but the word being typed, gets their concatenation as an alternative of
    /// every clause, so a page holding the joined word matches them all, and a title that is
    /// exactly it ranks as the query in another form.
    fn add_joined(&mut self) {
        if !(2..=MAX_JOINED).contains(&self.clauses.len()) {
            return;
        }
        let mut joined = String::new();
        let mut field = Field::Any;
        for (i, clause) in self.clauses.iter().enumerate() {
            let [Atom::Word {
                term,
                field: this_field,
                prefix,
                ..
            }] = clause.alternatives.as_slice()
            else {
                return;
            };
            // A word being typed is optional while it may become a stop word (`instance of`).
            let stop_word = clause.optional && !prefix;
            if stop_word || (i > 0 && *this_field != field) || term.contains(is_unspaced) {
                return;
            }
            joined.push_str(term);
            field = *this_field;
        }
        let atom = Atom::Word {
            term: joined,
            field,
            prefix: false,
            written: None,
            joined: true,
            quoted: false,
            completes_to_stop_words: true,
        };
        for clause in &mut self.clauses {
            clause.alternatives.push(atom.clone());
        }
    }

    /// Keeps the first `max` words: those of positive atoms first, then of exclusions.
    fn truncate(&mut self, max: usize) {
        let mut budget = max;
        self.clauses.retain_mut(|clause| {
            // Alternatives are spellings of the same words (`high-level`: `highlevel` or
            // "high level"): the clause costs the words of its longest kept one.
            let mut left = budget;
            clause.alternatives.retain_mut(|atom| {
                let mut after = budget;
                let kept = atom.keep_words(&mut after);
                left = left.min(after);
                kept
            });
            budget = left;
            !clause.alternatives.is_empty()
        });
        self.excluded
            .retain_mut(|atom| atom.keep_words(&mut budget));
    }

    /// Clauses that are a lone stop word, when other clauses remain, are dropped ("the"
    /// adds nothing to "the kremlin and the duma"), or made optional in a short query, where
    /// they may be part of a title. Phrases keep theirs, and so does a word being typed in
    /// a short query (`gh at`: `at`, or `attach`; see
    /// [`Query::treat_word_being_typed_beside_others`]); a long one drops it, as it will once
    /// it is finished, when other clauses stay.
    fn drop_stop_words(&mut self, languages: &Languages) {
        let stop_word = |clause: &Clause, being_typed: bool| match clause.alternatives.as_slice() {
            [atom @ Atom::Word { prefix, .. }] => {
                *prefix == being_typed && atom.is_stop_word(languages)
            }
            _ => false,
        };
        let finished_stop_word = |clause: &Clause| stop_word(clause, false);
        let typed_stop_word = |clause: &Clause| stop_word(clause, true);
        if self.clauses.iter().all(finished_stop_word) {
            return;
        }
        if self.clauses.len() <= SHORT_QUERY {
            for clause in &mut self.clauses {
                clause.optional = finished_stop_word(clause);
            }
        } else {
            self.clauses.retain(|c| !finished_stop_word(c));
            if self.clauses.len() > 1 {
                self.clauses.retain(|c| !typed_stop_word(c));
            }
        }
    }

    /// A word being typed beside other clauses completes to no stop word (see
    /// [`Atom::Word`]'s `completes_to_stop_words`); typed alone, it may. Beside a required
    /// clause, a word that a stop word starts with (`fr`, `an`) may be that stop word in the
    /// making: it is optional, as the stop word will be, so that typing `from` after
    /// `download file` keeps its pages, while `free` or `frame` lift theirs.
    fn treat_word_being_typed_beside_others(&mut self, languages: &Languages) {
        let Some((last, others)) = self.clauses.split_last_mut() else {
            return;
        };
        let [Atom::Word {
            term,
            prefix: true,
            completes_to_stop_words,
            ..
        }] = last.alternatives.as_mut_slice()
        else {
            return;
        };
        if others.is_empty() {
            return;
        }
        *completes_to_stop_words = false;
        let may_be_stop_word = languages.stop_words_starting(term) > 0;
        last.optional = may_be_stop_word && others.iter().any(|c| !c.optional);
    }

    /// The clauses a document must match (all but the optional ones).
    pub fn required(&self) -> usize {
        self.clauses.iter().filter(|c| !c.optional).count()
    }

    /// Each clause's number among the required ones (none for an optional clause): how
    /// highlights and excerpts number the clauses they show.
    pub fn required_numbers(&self) -> impl Iterator<Item = Option<usize>> + '_ {
        let mut next = 0;
        self.clauses.iter().map(move |c| {
            (!c.optional).then(|| {
                next += 1;
                next - 1
            })
        })
    }

    /// True when the query has nothing to match.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// The term of a query that is one word being typed and no other clause, alternative or
    /// exclusion (what a first page answers, see [`crate::first_page`]).
    pub fn word_being_typed(&self) -> Option<&str> {
        let [clause] = self.clauses.as_slice() else {
            return None;
        };
        match clause.alternatives.as_slice() {
            [Atom::Word {
                term, prefix: true, ..
            }] if self.excluded.is_empty() => Some(term),
            _ => None,
        }
    }
}

#[derive(Debug, PartialEq)]
enum Item<'a> {
    Or,
    Atom {
        text: &'a str,
        quoted: bool,
        negated: bool,
        field: Field,
        /// The text runs to the end of the query (a word, or a quote never closed).
        at_end: bool,
    },
}

fn lex(text: &str, syntax: Syntax) -> Vec<Item<'_>> {
    let mut items = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return items;
        }
        if syntax == Syntax::Plain {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            items.push(word_item(
                &rest[..end],
                false,
                Field::Any,
                end == rest.len(),
            ));
            rest = &rest[end..];
            continue;
        }
        let mut negated = false;
        if let Some(after) = rest.strip_prefix('-') {
            if after.is_empty() || after.starts_with(char::is_whitespace) {
                rest = after;
                continue;
            }
            // `--option` and `-x` are command-line options to find, not exclusions.
            let end = after
                .find(|c: char| c.is_whitespace() || c == '"')
                .unwrap_or(after.len());
            if !after.starts_with('-') && after[..end].chars().count() != 1 {
                negated = true;
                rest = after;
            }
        }
        let mut field = Field::Any;
        if rest.len() > 6
            && rest.is_char_boundary(6)
            && rest[..6].eq_ignore_ascii_case("title:")
            && !rest[6..].starts_with(char::is_whitespace)
        {
            field = Field::Title;
            rest = &rest[6..];
        }
        if let Some(quoted) = rest.strip_prefix('"') {
            let (inner, after, open) = match quoted.find('"') {
                Some(end) => (&quoted[..end], &quoted[end + 1..], false),
                None => (quoted, "", true),
            };
            items.push(Item::Atom {
                text: inner,
                quoted: true,
                negated,
                field,
                at_end: open,
            });
            rest = after;
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '"')
            .unwrap_or(rest.len());
        let word = &rest[..end];
        if word == "OR" && !negated && field == Field::Any {
            items.push(Item::Or);
        } else {
            items.push(word_item(word, negated, field, end == rest.len()));
        }
        rest = &rest[end..];
    }
}

fn word_item(text: &str, negated: bool, field: Field, at_end: bool) -> Item<'_> {
    Item::Atom {
        text,
        quoted: false,
        negated,
        field,
        at_end,
    }
}

fn build(items: Vec<Item<'_>>, last_word_open: bool) -> Query {
    let mut query = Query::default();
    let mut join_next = false;
    let count = items.len();
    for (i, item) in items.into_iter().enumerate() {
        let Item::Atom {
            text,
            quoted,
            negated,
            field,
            at_end,
        } = item
        else {
            join_next = !query.clauses.is_empty();
            continue;
        };
        let prefix = last_word_open && at_end && i + 1 == count;
        let mut tokens = tokenize(text);
        tokens.retain(|t| t.role != CompoundRole::Tail);
        if !quoted && !negated && !join_next {
            if let Some(words) = unspaced_words(&tokens, text, field, prefix) {
                query.clauses.extend(words.into_iter().map(|word| Clause {
                    alternatives: vec![word],
                    optional: false,
                }));
                continue;
            }
        }
        let atoms = analyse(&tokens, text, quoted, field, prefix);
        if atoms.is_empty() {
            continue;
        }
        // A repeated word weighs more (query term frequency), but repeated alternatives or
        // exclusions add nothing.
        match query.clauses.last_mut() {
            _ if negated => add_new(&mut query.excluded, atoms),
            Some(clause) if join_next => add_new(&mut clause.alternatives, atoms),
            _ => query.clauses.push(Clause {
                alternatives: atoms,
                optional: false,
            }),
        }
        join_next = false;
    }
    query
}

fn add_new(to: &mut Vec<Atom>, atoms: Vec<Atom>) {
    for atom in atoms {
        if !to.contains(&atom) {
            to.push(atom);
        }
    }
}

/// The bigrams of Chinese or Japanese text typed as one word, each a word of its own, or `None`
/// for other text. A bigram across two of its words (`馆杂` in `图书馆杂志`) is in no page, so
/// the bigrams are matched apart: the pages holding all of them, else the most of them, come
/// first, the nearer together the better; typed with spaces or without, the same pages.
fn unspaced_words(tokens: &[Token], text: &str, field: Field, prefix: bool) -> Option<Vec<Atom>> {
    let bigrams = tokens.len() > 1
        && tokens
            .iter()
            .all(|t| t.role == CompoundRole::Word && text[t.span.clone()].chars().all(is_unspaced));
    let last = tokens.len().checked_sub(1)?;
    bigrams.then(|| {
        tokens
            .iter()
            .enumerate()
            .map(|(i, t)| Atom::Word {
                term: t.term.clone(),
                field,
                prefix: prefix && i == last,
                written: None,
                joined: false,
                quoted: false,
                completes_to_stop_words: true,
            })
            .collect()
    })
}

/// Turns one word or quoted text into atoms: a word, or a phrase (or, for a hyphenated
/// compound typed as one word, its phrase and its joined form as alternatives).
fn analyse(tokens: &[Token], text: &str, quoted: bool, field: Field, prefix: bool) -> Vec<Atom> {
    let words: Vec<String> = tokens
        .iter()
        .filter(|t| t.role != CompoundRole::Joined)
        .map(|t| t.term.clone())
        .collect();
    let joined = tokens.iter().find(|t| t.role == CompoundRole::Joined);
    match words.len() {
        0 => Vec::new(),
        1 => {
            let token = tokens
                .iter()
                .find(|t| t.role != CompoundRole::Joined)
                .expect("one word");
            vec![Atom::Word {
                term: words[0].clone(),
                field,
                prefix,
                written: written_term(text, token.span.clone()),
                joined: false,
                quoted,
                completes_to_stop_words: true,
            }]
        }
        _ => {
            let name =
                !quoted && joined.is_some_and(|t| text[t.span.clone()].contains(['_', '.', ':']));
            let mut atoms = vec![Atom::Phrase {
                terms: words,
                field,
                prefix,
                quoted,
                name,
            }];
            if let (Some(joined), false) = (joined, quoted) {
                if tokens
                    .iter()
                    .filter(|t| t.role == CompoundRole::Joined)
                    .count()
                    == 1
                {
                    atoms.push(Atom::Word {
                        term: joined.term.clone(),
                        field,
                        prefix,
                        written: None,
                        joined: false,
                        quoted: false,
                        completes_to_stop_words: true,
                    });
                }
            }
            atoms
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(query: &Query) -> usize {
        let clauses = query.clauses.iter().flat_map(|c| &c.alternatives);
        clauses
            .chain(&query.excluded)
            .map(|a| a.width() as usize)
            .sum()
    }

    /// A name's joined form is known as such, and only it: not a word after it in an `OR`, nor
    /// the phrase, nor a hyphenated word's, nor a word the query's words make joined.
    #[test]
    fn a_name_s_joined_form_is_told_from_other_alternatives() {
        let joined = |text: &str| -> Vec<Vec<bool>> {
            let query = Query::parse(text, Syntax::Operators, false, &Languages::english());
            let marks = query.clauses.iter().map(|clause| {
                let alternatives = 0..clause.alternatives.len();
                alternatives.map(|i| clause.is_joined_name(i)).collect()
            });
            marks.collect()
        };
        assert_eq!(joined("PHP_EOL"), [[false, true]]);
        assert_eq!(joined("date.timezone"), [[false, true]]);
        assert_eq!(joined("DateTime::format"), [[false, true]]);
        assert_eq!(joined("php_eol OR eol"), [[false, true, false]]);
        assert_eq!(joined("e-mail"), [[false, false]]);
        assert_eq!(joined("\"php eol\" OR phpeol"), [[false, false]]);
        assert_eq!(joined("eol"), [[false]]);
        let set_cookie = joined("set cookie");
        assert!(set_cookie.iter().flatten().all(|&j| !j), "{set_cookie:?}");
    }

    /// A stop word being typed in a long query goes, as it will once finished; beside a
    /// required word, a word being typed that a stop word starts with is optional; beside
    /// any, it completes to no stop word; alone, it is the whole query and may.
    #[test]
    fn a_word_being_typed_that_may_be_a_stop_word_parses_as_optional_beside_required_ones() {
        let english = Languages::english();
        let parse = |text| Query::parse(text, Syntax::Operators, true, &english);
        let last = |query: &Query| query.clauses.last().cloned().expect("a clause");
        let completes_to_stop_words = |clause: &Clause| match clause.alternatives.first() {
            Some(Atom::Word {
                completes_to_stop_words,
                ..
            }) => *completes_to_stop_words,
            other => panic!("not a word: {other:?}"),
        };
        assert_eq!(
            parse("describe presently working an"),
            parse("describe presently working an ")
        );
        assert_eq!(
            parse("to be or no").clauses.len(),
            1,
            "nothing else to keep"
        );
        let typed = last(&parse("download file fr"));
        assert!(typed.optional && !completes_to_stop_words(&typed));
        let typed = last(&parse("download file fre"));
        assert!(!typed.optional && !completes_to_stop_words(&typed));
        let typed = last(&parse("is fr"));
        assert!(
            !typed.optional && !completes_to_stop_words(&typed),
            "no other word is required"
        );
        assert!(completes_to_stop_words(&last(&parse("fr"))));
        assert!(
            last(&parse("download file from ")).optional,
            "as it will be, finished"
        );
        let joined = parse("instance of");
        assert!(last(&joined).optional, "{joined:?}");
        assert!(
            joined.clauses.iter().all(|c| c.alternatives.len() == 2),
            "`instanceof` stays an alternative: {joined:?}"
        );
    }

    /// A compound's spellings (`highlevel`, "high level") are one clause of its words: a
    /// query of sixteen compounds of two words each is kept whole.
    #[test]
    fn a_compound_costs_its_words_once_whatever_its_spellings() {
        let compounds: Vec<String> = (0..MAX_WORDS / 2).map(|i| format!("w{i}-x{i}")).collect();
        let query = Query::parse(
            &compounds.join(" "),
            Syntax::Plain,
            false,
            &Languages::english(),
        );
        assert_eq!(query.clauses.len(), MAX_WORDS / 2);
        assert!(query.clauses.iter().all(|c| c.alternatives.len() == 2));
    }

    /// Words inside phrases and exclusions count towards the cap: a 500-word phrase or a
    /// hundred excluded phrases are not 1 or 100 atoms' worth of work.
    #[test]
    fn the_word_cap_counts_the_words_of_phrases_and_exclusions() {
        let long = format!("\"{}\"", ["the"; 500].join(" "));
        let query = Query::parse(&long, Syntax::Operators, true, &Languages::english());
        assert_eq!(words(&query), MAX_WORDS);
        let excluded: Vec<String> = (0..100).map(|i| format!("-\"x{i} y{i} z{i}\"")).collect();
        let query = Query::parse(
            &format!("kremlin {}", excluded.join(" ")),
            Syntax::Operators,
            true,
            &Languages::english(),
        );
        assert_eq!(query.clauses.len(), 1);
        assert!(words(&query) <= MAX_WORDS, "{}", words(&query));
        assert_eq!(query.excluded.len(), (MAX_WORDS - 1) / 3);
        // A phrase cut short keeps its first words, and is no longer being typed.
        let query = Query::parse(
            &format!("{} \"a b c d", ["w"; 30].join(" ")),
            Syntax::Operators,
            true,
            &Languages::english(),
        );
        match &query.clauses.last().unwrap().alternatives[0] {
            Atom::Phrase { terms, prefix, .. } => {
                assert_eq!((terms.len(), *prefix), (2, false), "{terms:?}");
            }
            other => panic!("{other:?}"),
        }
    }
}

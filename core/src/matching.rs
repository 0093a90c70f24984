//! Matching: query words to index terms, and atoms to scored documents.
//!
//! A query word expands to index terms with a weight: the exact term (1.0), its other
//! inflections sharing its English stem, its completions while it is being typed, its
//! synonyms' terms (see [`crate::synonyms`]), and, when none of those exist, terms within one
//! or two typos. A word's expansions count as one term
//! for BM25F; a phrase counts its occurrences at consecutive positions. Every lookup may
//! need pieces of a chunked index: independent lookups gather their needs, so one round of
//! fetches serves them all.

use std::cell::RefCell;
use std::sync::Arc;

use crate::analysis::CAMEL_PART;
use crate::cursor::{min_gap, phrase_count, Cursor, Walker};
use crate::document_set::DocumentSet;
use crate::excerpt::Clauses;
use crate::index::Index;
use crate::pieces::{Gather, Needs};
use crate::postings::{
    fold_by_document, Merged, Norms, Positions, PositionsByCount, Posting, Within,
};
use crate::query::{Atom, Field};
use crate::ranking::{Bm25f, Weights};
use crate::segment::is_unspaced;
use crate::sort::{select_by, sort_by};

/// Completions of a word being typed that are searched, the most frequent first.
const MAX_COMPLETIONS: usize = 48;

/// Completions searched for a prefix: none for one letter (too many to mean anything),
/// then doubling with each character typed, up to [`MAX_COMPLETIONS`]. A short prefix
/// keeps only its most frequent completions, which bounds the work (and, chunked, the
/// pieces fetched) of every keystroke. A Chinese or Japanese character means as much as
/// three letters: it completes to the bigrams it starts, where it mostly stands.
fn completion_budget(prefix: &str) -> usize {
    match prefix.chars().count() {
        0 => 0,
        1 if prefix.starts_with(is_unspaced) => 3 << 3,
        1 => 0,
        n => (3usize << n.min(5)).min(MAX_COMPLETIONS),
    }
}

/// The most letters an inflection adds to a word (`-ing`, `-ness`, `-ungen`, `-erons`).
const MAX_INFLECTION: usize = 5;

/// Whether a finished word the index lacks is completed: not one of one or two letters
/// (`I'm` leaves `im`), whose completions are mostly unrelated words; a Chinese or Japanese
/// character alone is, to the bigrams it starts (`猫` in `猫が`).
fn completes_when_missing(word: &str) -> bool {
    word.chars().nth(2).is_some() || is_lone_unspaced(word)
}

/// Whether `word` is one Chinese or Japanese character.
fn is_lone_unspaced(word: &str) -> bool {
    word.chars().nth(1).is_none() && word.starts_with(is_unspaced)
}

/// What a word the index lacks may match instead.
#[derive(Debug, Clone, Copy)]
struct Forgiving {
    /// Its near spellings.
    typos: bool,
    /// Its completions, when it is not the word being typed (which has them anyway).
    completions: bool,
    /// The words standing for it (not for words joined or quoted).
    synonyms: bool,
    /// Its stem, when that is a word of the index without other inflections (`enum` for
    /// `enums`; not for words joined, whose stem is seldom the name meant: `staticmethod`).
    lone_stem: bool,
    /// Whether completions may be stop words (see [`Atom::Word`]'s `completes_to_stop_words`).
    completes_to_stop_words: bool,
}

/// An index term standing for a query word, with how much a match of it counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Expansion {
    pub term: u32,
    pub weight: f32,
    /// The term is a part of `camelCase` words or a synonym: a match in a title adds to the
    /// score but never makes the title hold the word exactly (the word is only a piece of an
    /// identifier, or another word).
    pub part: bool,
    /// The term is a synonym's: the documents holding only synonyms do not lower the word's
    /// IDF, and an excluded word does not exclude them.
    pub synonym: bool,
    /// The term is a completion continuing another of the word's terms beyond an inflection
    /// (see [`Index::mark_continuations`]): in a title that holds a term of the word only as
    /// a part of a compound, it is that compound's joined form, a part too.
    pub continuation: bool,
    /// The term is the word without the underscores it was typed with (`get` for `__get`),
    /// when some page holds it as typed: another name, a synonym's kind of match, and a
    /// page holding no other term of the word scores `bare` of what it would.
    pub bare: bool,
}

impl Expansion {
    pub fn of(term: u32, weight: f32) -> Expansion {
        Expansion {
            term,
            weight,
            part: false,
            synonym: false,
            continuation: false,
            bare: false,
        }
    }

    /// A synonym's term: a lesser form that never makes a title hold the word exactly.
    fn synonym(term: u32, weight: f32) -> Expansion {
        Expansion {
            part: true,
            synonym: true,
            ..Expansion::of(term, weight)
        }
    }
}

/// A word's places in the documents scored: each of its expansions' title and body positions
/// in the `i`th document are `places[starts[i]..starts[i + 1]]`.
struct WordPlaces<'a> {
    places: Vec<(Positions<'a>, Positions<'a>)>,
    starts: Vec<usize>,
}

impl<'a> WordPlaces<'a> {
    /// The word's cursor in the `i`th document's title or body: any of its expansions' positions.
    fn cursor(&self, i: usize, title: bool) -> Cursor<'a> {
        let places = &self.places[self.starts[i]..self.starts[i + 1]];
        Cursor::new(places.iter().map(|(title_positions, body_positions)| {
            if title {
                title_positions.clone()
            } else {
                body_positions.clone()
            }
        }))
    }

    /// Whether the word is in the `i`th document.
    fn holds(&self, i: usize) -> bool {
        self.starts[i] < self.starts[i + 1]
    }
}

/// A word whose places count for proximity.
pub(crate) struct ProximityWord<'a> {
    /// Its clause's place in the query.
    pub clause: usize,
    /// Its atom is of the title field: scoring counts only titles, but its places are read in
    /// bodies too, so a page that its scoring passed by may gain a bonus for it.
    pub title_field: bool,
    pub expansions: &'a [Expansion],
    /// The documents its expansions matched (as scoring counted them, for the same IDF).
    pub documents: usize,
    /// Its postings, when its scoring was restricted to some documents and noted them.
    pub noted: Option<&'a NotedPostings>,
}

/// A document matching an atom: its weighted title, lead and body frequencies (none in the
/// body for an atom of the title field), its norms, and how the atom is in its title.
#[derive(Clone, Copy)]
pub(crate) struct Frequencies {
    pub doc: u32,
    pub title: f32,
    /// The best weight of an expansion in the body's lead (0 when none is).
    pub lead: f32,
    pub body: f32,
    pub norms: Norms,
    pub in_title: TitleMatch,
    /// The body holds the atom (or may: a phrase looked for in titles only is not counted).
    pub in_body: bool,
    /// Matched by the word's own terms, not only by its synonyms'.
    pub own: bool,
    /// The title holds one of the word's terms (not a continuation) only as a part of a
    /// compound: a continuation there is that compound's joined form.
    pub title_compound: bool,
}

impl Frequencies {
    /// Adds another expansion's frequencies in the same document.
    fn add(&mut self, more: &Frequencies) {
        self.title += more.title;
        self.lead = self.lead.max(more.lead);
        self.body += more.body;
        self.in_title = self.in_title.or(more.in_title);
        self.in_body |= more.in_body;
        self.own |= more.own;
        self.title_compound |= more.title_compound;
    }
}

/// How an atom matched a title.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct TitleMatch {
    pub how: InTitle,
    /// Only as a part of compounds (`push` of `array_push`).
    pub part_only: bool,
}

impl TitleMatch {
    /// The better of two matches of one document: the closer one, and of two as close, a
    /// whole word before a part.
    fn or(self, other: TitleMatch) -> TitleMatch {
        match self.how.cmp(&other.how) {
            std::cmp::Ordering::Less => other,
            std::cmp::Ordering::Greater => self,
            std::cmp::Ordering::Equal => TitleMatch {
                how: self.how,
                part_only: self.part_only && other.part_only,
            },
        }
    }
}

/// How an atom is in a title.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum InTitle {
    /// Not, or only as a part of a `camelCase` word.
    #[default]
    No,
    /// By a synonym: the title holds the word in other words, less than in another form of it.
    Synonym,
    /// As another inflection, a completion or a typo.
    Other,
    /// By its exact term.
    Exact,
}

/// A document matching an atom, scored: its saturated frequencies times its document's
/// weight ([`Bm25f::document_weight`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct AtomMatch {
    pub doc: u32,
    pub score: f32,
    pub norms: Norms,
    /// The atom occurs in the document's title.
    pub in_title: bool,
    /// The atom's exact term occurs in the document's title.
    pub exact_in_title: bool,
    /// The atom is in the title only as a part of compounds.
    pub part_in_title: bool,
    /// The atom is in the title only by a synonym.
    pub synonym_in_title: bool,
    /// The atom is in the body (or may be, see [`Frequencies::in_body`]).
    pub in_body: bool,
    /// The atom's exact term is in the body's lead, a heading or a line defining it (see
    /// `builder::lead`): not an inflection, a completion or a near spelling of it.
    pub in_lead: bool,
}

/// An atom's scored documents, and how many documents it matches in all: more than it
/// lists when its scoring was restricted to some.
pub(crate) struct AtomScores {
    pub matches: Vec<AtomMatch>,
    pub documents: usize,
    /// A word's postings in the documents its scoring was restricted to.
    pub noted: Option<NotedPostings>,
}

/// A word's postings in the documents its scoring was restricted to, noted as the scoring
/// walked its lists: proximity then finds their positions by count (see
/// [`PositionsByCount`]) rather than walk every list again, which for a word being typed is
/// dozens of completions' lists, to the last candidate.
pub(crate) struct NotedPostings {
    /// The documents the scoring was restricted to: only their postings are noted.
    within: Arc<DocumentSet>,
    /// In the order the fold read them: each expansion's in document order.
    postings: Vec<NotedPosting>,
}

/// An expansion's posting: what finding its positions by count needs.
#[derive(Clone, Copy)]
struct NotedPosting {
    doc: u32,
    expansion: u32,
    positions_before: u32,
    title_tf: u32,
    body_tf: u32,
}

impl NotedPosting {
    fn of(expansion: usize, posting: &Posting) -> NotedPosting {
        NotedPosting {
            doc: posting.doc,
            expansion: expansion as u32,
            positions_before: posting.positions_before,
            title_tf: posting.title_tf,
            body_tf: posting.body_tf,
        }
    }
}

/// An atom's frequencies in the documents looked at, and how many documents it matches in
/// all, and by its own terms (not only by synonyms).
struct Matched {
    frequencies: Vec<Frequencies>,
    documents: usize,
    own_documents: usize,
    noted: Option<NotedPostings>,
}

impl Matched {
    /// Frequencies in every document the atom matches.
    fn all(frequencies: Vec<Frequencies>) -> Matched {
        Matched {
            documents: frequencies.len(),
            own_documents: frequencies.iter().filter(|f| f.own).count(),
            frequencies,
            noted: None,
        }
    }
}

/// A term as a candidate expansion: its typos, its document count and its id.
pub(crate) type TermRank = (u32, u32, u32);

/// Fewest typos first, then the most frequent, then the first in the dictionary.
pub(crate) fn better(a: &TermRank, b: &TermRank) -> std::cmp::Ordering {
    a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2))
}

/// Typos allowed in a word: none under 4 characters, one up to 7, two from 8.
pub fn typo_budget(word: &str) -> u32 {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

impl Index {
    /// Index terms for an atom: a word's expansions, or a phrase's terms (see
    /// [`Index::expand_phrase`]: its last word's completions too while it is typed, or when
    /// the index lacks that word).
    pub(crate) fn expand(
        &self,
        atom: &Atom,
        typing: bool,
        typos: bool,
        weights: &Weights,
    ) -> Result<Vec<Expansion>, Needs> {
        match atom {
            Atom::Word {
                term,
                prefix,
                written,
                joined,
                quoted,
                completes_to_stop_words,
                ..
            } => {
                let mut gather = Gather::default();
                let as_written = match written.as_deref() {
                    Some(w) => gather.take(self.find_term(w)).flatten(),
                    None => None,
                };
                // Not for the word being typed: its camelCase parts would cost a fetch per
                // keystroke on a chunked index for what its completions mostly find.
                let part = if *prefix && typing {
                    None
                } else {
                    let mut key = String::from(CAMEL_PART);
                    key.push_str(term);
                    gather.take(self.find_term(&key)).flatten()
                };
                let expansions = gather.take(self.expand_word(
                    term,
                    *prefix && typing,
                    Forgiving {
                        typos: typos && !*joined,
                        completions: typos && !*joined && !*quoted,
                        synonyms: !*joined && !*quoted,
                        lone_stem: !*joined,
                        completes_to_stop_words: *completes_to_stop_words,
                    },
                    weights,
                ));
                gather.finish()?;
                let mut expansions = expansions.unwrap_or_default();
                if let Some(term) = part {
                    expansions.push(Expansion {
                        part: true,
                        ..Expansion::of(term, weights.part)
                    });
                }
                let underscored = written
                    .as_ref()
                    .is_some_and(|w| w.as_bytes().contains(&b'_'));
                match as_written {
                    // A name typed with its underscores (`__get`) is another name without
                    // them (`get`, `$_GET`, `getName`): those are a lesser form, as a
                    // synonym is.
                    Some(term) if underscored => {
                        for expansion in &mut expansions {
                            expansion.weight *= weights.bare;
                            (expansion.part, expansion.synonym, expansion.bare) =
                                (true, true, true);
                        }
                        expansions.push(Expansion::of(term, 1.0));
                    }
                    // Accents typed rank their spelling first.
                    Some(term) => expansions.push(Expansion::of(term, weights.accent)),
                    None => {}
                }
                Ok(expansions)
            }
            Atom::Phrase {
                terms,
                prefix,
                quoted,
                ..
            } => self.expand_phrase(terms, *prefix && typing, typos && !*quoted),
        }
    }

    /// A phrase's exact terms, the last one followed by its completions when it is still
    /// being typed, or with `complete_missing` when the index lacks it; empty when a word has
    /// no term.
    fn expand_phrase(
        &self,
        terms: &[String],
        prefix: bool,
        complete_missing: bool,
    ) -> Result<Vec<Expansion>, Needs> {
        let Some((last, fixed)) = terms.split_last() else {
            return Ok(Vec::new());
        };
        let mut gather = Gather::default();
        let found: Vec<Option<Option<u32>>> = fixed
            .iter()
            .map(|t| gather.take(self.find_term(t)))
            .collect();
        // The last word as typed, and while it is being typed its completions too.
        let exact = gather.take(self.find_term(last));
        let completions = if prefix {
            gather.take(self.completions(last, true))
        } else {
            Some(Vec::new())
        };
        gather.finish()?;
        let mut alternatives: Vec<u32> = exact.flatten().into_iter().collect();
        // A finished phrase's last word that the index lacks was most often cut short.
        if alternatives.is_empty() && complete_missing && !prefix && completes_when_missing(last) {
            alternatives = self.completions(last, true)?;
        }
        for term in completions.unwrap_or_default() {
            if !alternatives.contains(&term) {
                alternatives.push(term);
            }
        }
        let mut expansions: Vec<Expansion> = Vec::new();
        for term in found.into_iter().flatten() {
            match term {
                Some(term) => expansions.push(Expansion::of(term, 1.0)),
                None => return Ok(Vec::new()),
            }
        }
        if alternatives.is_empty() {
            return Ok(Vec::new());
        }
        expansions.extend(
            alternatives
                .into_iter()
                .map(|term| Expansion::of(term, 1.0)),
        );
        Ok(expansions)
    }

    /// The most frequent terms starting with `prefix`, stop words only `with_stop_words`.
    fn completions(&self, prefix: &str, with_stop_words: bool) -> Result<Vec<u32>, Needs> {
        let budget = completion_budget(prefix);
        if budget == 0 {
            return Ok(Vec::new());
        }
        let languages = &self.entry.languages;
        // Room for the stop words left out once the most frequent are chosen.
        let left_out = if with_stop_words {
            0
        } else {
            languages.stop_words_starting(prefix)
        };
        // Each term's document count, looked up once rather than at every comparison.
        let mut completions: Vec<TermRank> = self
            .prefix_terms(prefix)?
            .into_iter()
            .map(|(doc_count, term)| (0, doc_count, term))
            .collect();
        select_by(&mut completions, budget + left_out, better);
        completions.truncate(budget + left_out);
        if left_out > 0 {
            completions.retain(|&(_, _, term)| !languages.is_stop_word(self.term(term)));
        }
        completions.truncate(budget);
        Ok(completions.into_iter().map(|(_, _, term)| term).collect())
    }

    /// The [`MAX_COMPLETIONS`] best of a word's typo matches (`(term, typos)`, see [`better`]),
    /// best first, or with `term_order` in their order. A short word mistyped can be close to
    /// thousands of terms; searching them all would cost more than a keystroke should.
    fn best_typos(&self, found: Vec<(u32, u32)>, term_order: bool) -> Vec<(u32, u32)> {
        let mut ranked: Vec<TermRank> = found
            .iter()
            .map(|&(term, typos)| (typos, self.doc_count(term), term))
            .collect();
        if term_order && ranked.len() <= MAX_COMPLETIONS {
            return found;
        }
        select_by(&mut ranked, MAX_COMPLETIONS, better);
        ranked.truncate(MAX_COMPLETIONS);
        if term_order {
            return found
                .into_iter()
                .filter(|(term, _)| ranked.iter().any(|r| r.2 == *term))
                .collect();
        }
        ranked
            .into_iter()
            .map(|(typos, _, term)| (term, typos))
            .collect()
    }

    fn expand_word(
        &self,
        word: &str,
        prefix: bool,
        forgiving: Forgiving,
        weights: &Weights,
    ) -> Result<Vec<Expansion>, Needs> {
        let mut gather = Gather::default();
        let exact = gather.take(self.find_term(word)).flatten();
        let keys = self.stem_keys(word);
        let members = gather.take(self.stem_family(word, &keys, forgiving.lone_stem));
        // A Chinese or Japanese character alone is also the start of the bigrams it begins
        // (`猫` of `猫が`), typed or finished: pages hold it alone only where it ends a run.
        let completing = prefix || is_lone_unspaced(word);
        let completions = if completing {
            gather.take(self.completions(word, forgiving.completes_to_stop_words))
        } else {
            Some(Vec::new())
        };
        let synonyms = if forgiving.synonyms {
            gather.take(self.synonyms(word, keys))
        } else {
            Some(Vec::new())
        };
        gather.finish()?;
        let mut expansions: Vec<Expansion> = Vec::new();
        if let Some(term) = exact {
            expansions.push(Expansion::of(term, 1.0));
        }
        for term in members.unwrap_or_default() {
            if Some(term) != exact {
                expansions.push(Expansion::of(term, weights.stem));
            }
        }
        // The word's own terms, which no completion stands before.
        let own = expansions.len();
        let completions = completions.unwrap_or_default().into_iter();
        let synonyms = synonyms.unwrap_or_default().into_iter();
        let others = (completions.map(|term| Expansion::of(term, weights.prefix)))
            .chain(synonyms.map(|term| Expansion::synonym(term, weights.synonym)));
        for other in others {
            if !expansions.iter().any(|e| e.term == other.term) {
                expansions.push(other);
            }
        }
        // The word's own terms and synonyms, with its completions while it is being typed.
        let direct = !expansions.is_empty();
        // A finished word the index lacks is most often one cut short (`file_put_cont`,
        // `DateTimeImm`): its completions come before its near spellings.
        if expansions.is_empty() && forgiving.completions && !prefix && completes_when_missing(word)
        {
            expansions = self
                .completions(word, true)?
                .into_iter()
                .map(|term| Expansion::of(term, weights.prefix))
                .collect();
        }
        // Completions share the letters typed, so one may be another's joined compound; near
        // spellings share no such start (`systemctl` is no compound of `systemc`, both near
        // `systemclt`), and come only once there is nothing else.
        if completing || !direct {
            self.mark_continuations(&mut expansions, own);
        }
        if expansions.is_empty() && forgiving.typos && prefix && typo_budget(word) > 0 {
            expansions = self
                .best_typos(self.fuzzy_terms(word, typo_budget(word), true)?, false)
                .into_iter()
                .map(|(term, distance)| {
                    Expansion::of(term, weights.typo * weights.prefix / distance as f32)
                })
                .collect();
        }
        if expansions.is_empty() && forgiving.typos && typo_budget(word) > 0 {
            expansions = self
                .best_typos(self.fuzzy_terms(word, typo_budget(word), false)?, true)
                .into_iter()
                .map(|(term, distance)| Expansion::of(term, weights.typo / distance as f32))
                .collect();
        }
        Ok(expansions)
    }

    /// Marks the completions that continue another of the word's terms with more than an
    /// inflection: `datetimeimmutableadd`, the joined form of `DateTimeImmutable::add`, for
    /// `datetimeimm`, which also completes to `datetimeimmutable`; but also `address` for
    /// `addr`, and `addresses`, the inflection of a continuation. The word's `own` first
    /// terms (its exact term and inflections) start completions but continue none. Where a
    /// title holds the shorter term as a part of a compound, the longer one is its joined
    /// form, standing where its first part does: a part too.
    fn mark_continuations(&self, expansions: &mut [Expansion], own: usize) {
        // A synonym is another word: it neither continues the word's terms nor starts them.
        let mut terms: Vec<u32> = Vec::with_capacity(expansions.len());
        for expansion in expansions.iter() {
            if !expansion.synonym {
                terms.push(expansion.term);
            }
        }
        // Term ids number the sorted dictionary: in id order, a term's starts come before it.
        sort_by(&mut terms, Ord::cmp);
        // The starts of the term at hand, innermost last, each with its stem keys once
        // worked out.
        let mut starts: Vec<(u32, Option<Vec<Option<String>>>)> = Vec::new();
        let mut continuations: Vec<u32> = Vec::new();
        for term in terms {
            let text = self.term(term);
            // A stem group's member in a term piece not loaded has no text here: it is an
            // inflection of the word, neither a start nor a continuation of a completion.
            if text.is_empty() {
                continue;
            }
            while starts
                .last()
                .is_some_and(|(start, _)| !text.starts_with(self.term(*start)))
            {
                starts.pop();
            }
            if let Some((start, stems)) = starts.last_mut() {
                let continues = continuations.binary_search(start).is_ok()
                    || !self.inflects(self.term(*start), stems, text);
                if continues {
                    continuations.push(term);
                }
            }
            starts.push((term, None));
        }
        // Marked, and moved after the word's other terms and completions (a written form
        // or a camelCase part is added after them all): a document's postings come in
        // expansion order, so scoring knows the other terms when a continuation comes.
        let mut others = 0;
        for i in 0..expansions.len() {
            let continuation = i >= own && continuations.binary_search(&expansions[i].term).is_ok();
            expansions[i].continuation = continuation;
            if !continuation {
                expansions.swap(others, i);
                others += 1;
            }
        }
    }

    /// Whether `longer`, a continuation of `start`, is one of its inflections: a few more
    /// letters (inflections add at most [`MAX_INFLECTION`]) giving a word of the same stem in
    /// one of the index's languages. `start_stems`: `start`'s stem keys in those languages,
    /// worked out here when not yet, for the other terms `start` begins.
    fn inflects(
        &self,
        start: &str,
        start_stems: &mut Option<Vec<Option<String>>>,
        longer: &str,
    ) -> bool {
        if longer[start.len()..].chars().count() > MAX_INFLECTION {
            return false;
        }
        let languages = &self.entry.languages;
        let start_stems = start_stems
            .get_or_insert_with(|| languages.iter().map(|l| l.stem_key(start)).collect());
        languages
            .iter()
            .zip(start_stems.iter())
            .any(|(language, stem)| stem.is_some() && *stem == language.stem_key(longer))
    }

    /// Loads, in one round, the postings of every expansion and the positions of those
    /// that `positions` says need them.
    pub(crate) fn require_postings<'e>(
        &self,
        expansions: impl IntoIterator<Item = (&'e [Expansion], bool)>,
    ) -> Result<(), Needs> {
        let mut gather = Gather::default();
        for (atom_expansions, positions) in expansions {
            for expansion in atom_expansions {
                gather.take(self.postings(expansion.term, positions));
            }
        }
        gather.finish()
    }

    /// The documents an excluded atom rules out, in order: those where it occurs at all (a
    /// phrase's walk stops at its first occurrence in each, and looks only `within` the
    /// documents given, when given).
    pub(crate) fn excluded_documents(
        &self,
        atom: &Atom,
        expansions: &[Expansion],
        within: Option<&[u32]>,
    ) -> Result<Vec<u32>, Needs> {
        let frequencies = match atom {
            Atom::Word { field, .. } => {
                self.word_frequencies(expansions, *field, 1.0, None)?
                    .frequencies
            }
            Atom::Phrase { field, terms, .. } => {
                self.phrase_frequencies(expansions, terms.len(), *field, 1, within)?
            }
        };
        Ok(frequencies.into_iter().map(|f| f.doc).collect())
    }

    /// Documents matching an atom, with their BM25F scores, in document order: of a word,
    /// only those `within` the set given, when given (a phrase's, all), and how many it
    /// matches in all.
    pub(crate) fn score_atom(
        &self,
        atom: &Atom,
        expansions: &[Expansion],
        bm25: &Bm25f,
        within: Option<&Arc<DocumentSet>>,
    ) -> Result<AtomScores, Needs> {
        let matched = match atom {
            Atom::Word { field, .. } => {
                self.word_frequencies(expansions, *field, bm25.weights().title_part, within)?
            }
            Atom::Phrase { field, terms, .. } => Matched::all(self.phrase_frequencies(
                expansions,
                terms.len(),
                *field,
                u32::MAX,
                None,
            )?),
        };
        // Synonyms are the word's lesser forms: they do not make it commoner, unless they are
        // all it matched.
        let own = matched.own_documents;
        let idf = bm25.idf(if own > 0 { own } else { matched.documents });
        let bare = match expansions.iter().any(|e| e.bare) {
            true => bm25.weights().bare,
            false => 1.0,
        };
        let matches = matched
            .frequencies
            .into_iter()
            .map(|f| {
                let title = f.in_title;
                AtomMatch {
                    doc: f.doc,
                    // Weighted as its document is, once for every search the atom is kept for.
                    score: idf
                        * bm25.saturate(&f.norms, f.title, f.lead, f.body)
                        * bm25.document_weight(&f.norms, f.lead >= 1.0)
                        * if f.own { 1.0 } else { bare },
                    norms: f.norms,
                    in_title: title.how > InTitle::No,
                    exact_in_title: title.how == InTitle::Exact,
                    part_in_title: title.how > InTitle::No && title.part_only,
                    synonym_in_title: title.how == InTitle::Synonym,
                    in_body: f.in_body,
                    in_lead: f.lead >= 1.0,
                }
            })
            .collect();
        Ok(AtomScores {
            matches,
            documents: matched.documents,
            noted: matched.noted,
        })
    }

    /// Weighted title and body frequencies of a word's expansions, per document (only those
    /// `within` the set given, when given), in document order; a title holding the term only
    /// as a part of compounds counts `title_part` of an occurrence.
    fn word_frequencies(
        &self,
        expansions: &[Expansion],
        field: Field,
        title_part: f32,
        within: Option<&Arc<DocumentSet>>,
    ) -> Result<Matched, Needs> {
        let documents = self.document_count();
        // Within a set, every posting read is noted for proximity.
        let noted = RefCell::new(Vec::new());
        let note = |e: usize, posting: &Posting| {
            if within.is_some() {
                noted.borrow_mut().push(NotedPosting::of(e, posting));
            }
        };
        // The documents outside the set are only noted: those the word's own terms hold, and
        // those only its synonyms' may.
        let room = if within.is_some() { documents } else { 0 };
        let own_outside = RefCell::new(DocumentSet::new(room));
        let synonyms_outside = RefCell::new(DocumentSet::new(room));
        let mut lists = Vec::with_capacity(expansions.len());
        let mut postings = 0;
        for expansion in expansions {
            let list = self.postings(expansion.term, false)?;
            postings += list.doc_count as usize;
            lists.push(match within {
                Some(documents) => list.iter().within(Within {
                    documents: documents.as_ref(),
                    passed: if expansion.synonym {
                        &synonyms_outside
                    } else {
                        &own_outside
                    },
                    title_only: field == Field::Title,
                }),
                None => list.iter(),
            });
        }
        // One expansion's posting for a document, given whether the document's entry so far
        // has its title hold a term only as a part of a compound.
        let weigh = |e: usize, posting: &Posting, title_compound_before: bool| {
            let expansion = &expansions[e];
            let body_tf = if field == Field::Title {
                0
            } else {
                posting.body_tf
            };
            if posting.title_tf + body_tf == 0 {
                return None;
            }
            // Continuations come last: the document's entry knows whether its title holds
            // one of the word's other terms only as a part of a compound.
            let part = expansion.part || expansion.continuation && title_compound_before;
            // A part of a title's camelCase or glued word (`element` of `getElementById`,
            // `kill` of `taskkill`) counts `title_part` of a title occurrence, as a part of
            // a compound does; the title does not hold the word for all that.
            let title_weight = if part || posting.title_part_only {
                title_part
            } else {
                1.0
            };
            let how = match (posting.title_tf > 0, part) {
                // A synonym as a word of its own, not a part of a compound (`mail` of
                // `mb_send_mail` for `email`): a part by another word says too little.
                (true, true) if expansion.synonym && !posting.title_part_only => InTitle::Synonym,
                (false, _) | (true, true) => InTitle::No,
                _ if expansion.weight >= 1.0 => InTitle::Exact,
                _ => InTitle::Other,
            };
            Some(Frequencies {
                doc: posting.doc,
                title: expansion.weight * title_weight * posting.title_tf as f32,
                lead: if posting.in_lead && body_tf > 0 {
                    expansion.weight
                } else {
                    0.0
                },
                body: expansion.weight * body_tf as f32,
                norms: posting.norms,
                in_title: TitleMatch {
                    how,
                    part_only: posting.title_part_only,
                },
                in_body: posting.body_tf > 0,
                own: !expansion.synonym,
                title_compound: posting.title_tf > 0
                    && posting.title_part_only
                    && !expansion.continuation
                    && !expansion.synonym,
            })
        };
        // A document's postings of several expansions come in expansion order.
        let frequencies = fold_by_document(
            lists,
            documents,
            postings,
            |e, posting| {
                note(e, posting);
                weigh(e, posting, false)
            },
            |entry: &mut Frequencies, e, posting| {
                note(e, posting);
                if let Some(more) = weigh(e, posting, entry.title_compound) {
                    entry.add(&more);
                }
            },
        );
        let inside = Matched::all(frequencies);
        let own = own_outside.into_inner();
        Ok(Matched {
            documents: inside.documents + own.union_len(&synonyms_outside.into_inner()),
            own_documents: inside.own_documents + own.len(),
            frequencies: inside.frequencies,
            noted: within.map(|within| NotedPostings {
                within: Arc::clone(within),
                postings: noted.into_inner(),
            }),
        })
    }

    /// Occurrences of a phrase of `length` words per document and field: its terms at
    /// consecutive positions. `expansions` holds the first `length - 1` terms, then every
    /// term the last word may be. Each document's positions are walked in step (see
    /// [`crate::cursor`]), never copied, and only until `most` occurrences are found; only
    /// the documents `within` are walked, when given.
    fn phrase_frequencies(
        &self,
        expansions: &[Expansion],
        length: usize,
        field: Field,
        most: u32,
        within: Option<&[u32]>,
    ) -> Result<Vec<Frequencies>, Needs> {
        if length < 2 || expansions.len() < length {
            return Ok(Vec::new());
        }
        let (fixed, last) = expansions.split_at(length - 1);
        let mut docs = self.common_documents(fixed)?;
        let last_docs = self.union_documents(last)?;
        docs.retain(|d| {
            last_docs.binary_search(d).is_ok() && within.is_none_or(|w| w.binary_search(d).is_ok())
        });
        // Each distinct term's postings, walked once in document order beside `docs`.
        let mut terms: Vec<u32> = expansions.iter().map(|e| e.term).collect();
        sort_by(&mut terms, u32::cmp);
        terms.dedup();
        let mut walkers = Vec::with_capacity(terms.len());
        for &term in &terms {
            walkers.push(Walker::new(self.postings(term, true)?));
        }
        let of = |term: u32| terms.binary_search(&term).expect("listed");
        let mut frequencies = Vec::new();
        for &doc in &docs {
            let Some((_, _, norms)) = walkers[of(fixed[0].term)].at(doc) else {
                continue;
            };
            let mut count = |title: bool| {
                phrase_count(length, most, |k| {
                    let alternatives = if k + 1 < length { &fixed[k..=k] } else { last };
                    Cursor::new(alternatives.iter().filter_map(|e| {
                        let (t, b, _) = walkers[of(e.term)].at(doc)?;
                        Some(if title { t } else { b })
                    }))
                })
            };
            let title = count(true);
            let body = if field == Field::Title {
                0
            } else {
                count(false)
            };
            if title + body == 0 {
                continue;
            }
            let how = if title > 0 {
                InTitle::Exact
            } else {
                InTitle::No
            };
            let in_title = TitleMatch {
                how,
                part_only: false,
            };
            frequencies.push(Frequencies {
                doc,
                title: title as f32,
                lead: 0.0,
                body: body as f32,
                norms,
                in_title,
                in_body: body > 0 || field == Field::Title,
                own: true,
                title_compound: false,
            });
        }
        Ok(frequencies)
    }

    /// Documents holding any of the expansions, sorted.
    fn union_documents(&self, expansions: &[Expansion]) -> Result<Vec<u32>, Needs> {
        let mut lists = Vec::with_capacity(expansions.len());
        for e in expansions {
            lists.push(self.postings(e.term, false)?.iter());
        }
        let mut docs: Vec<u32> = Vec::new();
        for (_, posting) in Merged::new(lists) {
            if docs.last() != Some(&posting.doc) {
                docs.push(posting.doc);
            }
        }
        Ok(docs)
    }

    /// Documents holding every expansion, in order: rarest term first, positions untouched.
    fn common_documents(&self, expansions: &[Expansion]) -> Result<Vec<u32>, Needs> {
        // A term repeated in a phrase ("the the the") narrows nothing the second time.
        let mut terms: Vec<u32> = expansions.iter().map(|e| e.term).collect();
        sort_by(&mut terms, u32::cmp);
        terms.dedup();
        sort_by(&mut terms, |&a, &b| {
            self.doc_count(a).cmp(&self.doc_count(b))
        });
        let mut docs: Option<Vec<u32>> = None;
        for term in terms {
            let postings = self.postings(term, false)?;
            let postings = postings.iter().map(|p| p.doc);
            docs = Some(match docs {
                None => postings.collect(),
                Some(kept) => postings.filter(|d| kept.binary_search(d).is_ok()).collect(),
            });
        }
        Ok(docs.unwrap_or_default())
    }

    /// The places of a word's expansions in `docs` (sorted), read lazily: each expansion's
    /// postings of `docs`, noted by its scoring or walked to here, and their positions found
    /// by count.
    fn word_places(&self, word: &ProximityWord, docs: &[u32]) -> Result<WordPlaces<'_>, Needs> {
        let walked;
        let postings = match word.noted {
            Some(noted) if docs.iter().all(|&d| noted.within.contains(d)) => &noted.postings,
            _ => {
                walked = self.walk_postings(word.expansions, docs)?;
                &walked
            }
        };
        // The postings of `docs`, each with its document's place in them, grouped by
        // document (counted, then placed): each expansion's stay in document order, so that
        // its positions are counted on, never again from the start.
        let found: Vec<(usize, &NotedPosting)> = (postings.iter())
            .filter_map(|p| Some((docs.binary_search(&p.doc).ok()?, p)))
            .collect();
        let mut starts = vec![0; docs.len() + 1];
        for &(i, _) in &found {
            starts[i + 1] += 1;
        }
        for i in 0..docs.len() {
            starts[i + 1] += starts[i];
        }
        let mut grouped = vec![None; found.len()];
        let mut filled = starts.clone();
        for (i, posting) in found {
            grouped[filled[i]] = Some(posting);
            filled[i] += 1;
        }
        let mut streams: Vec<Option<PositionsByCount>> =
            word.expansions.iter().map(|_| None).collect();
        let mut places = Vec::with_capacity(grouped.len());
        for posting in grouped.into_iter().flatten() {
            let e = posting.expansion as usize;
            let stream = match &mut streams[e] {
                Some(stream) => stream,
                empty => {
                    let list = self.postings(word.expansions[e].term, true)?;
                    empty.insert(PositionsByCount::new(&list))
                }
            };
            places.push(stream.positions(
                posting.positions_before,
                posting.title_tf,
                posting.body_tf,
            ));
        }
        Ok(WordPlaces { places, starts })
    }

    /// Each expansion's postings of `docs` (sorted), its list walked to the last.
    fn walk_postings(
        &self,
        expansions: &[Expansion],
        docs: &[u32],
    ) -> Result<Vec<NotedPosting>, Needs> {
        let mut found = Vec::new();
        for (e, expansion) in expansions.iter().enumerate() {
            let mut postings = self.postings(expansion.term, false)?.iter();
            let mut current = postings.next();
            for &doc in docs {
                if current.is_some_and(|p| p.doc < doc) {
                    current = postings.seek(doc);
                }
                match current {
                    Some(posting) if posting.doc == doc => {
                        found.push(NotedPosting::of(e, &posting))
                    }
                    None => break,
                    _ => {}
                }
            }
        }
        Ok(found)
    }

    /// The largest bonus [`Index::proximity_bonus`] gives a document holding the clauses
    /// `held` (and any word of the title field): each pair of words it holds one place apart
    /// (`pair_bonuses` holds each pair's, see [`Index::most_pair_bonuses`]). Proximity has a
    /// weight above zero: [`crate::search`] looks for no close words otherwise.
    pub(crate) fn most_proximity_bonus(
        words: &[ProximityWord],
        pair_bonuses: &[f32],
        held: Clauses,
    ) -> f32 {
        // Summed as each document's bonus is, so that none exceeds it by rounding.
        let mut most = 0.0;
        let holds = |word: &ProximityWord| word.title_field || held.holds(word.clause);
        for (pair, bonus) in words.windows(2).zip(pair_bonuses) {
            if holds(&pair[0]) && holds(&pair[1]) {
                most += bonus;
            }
        }
        most
    }

    /// Each pair of consecutive words' bonus one place apart.
    pub(crate) fn most_pair_bonuses(
        words: &[ProximityWord],
        bm25: &Bm25f,
        weight: f32,
    ) -> Vec<f32> {
        let pairs = words.windows(2).map(|pair| {
            let idf = bm25.idf(pair[0].documents).min(bm25.idf(pair[1].documents));
            pair_bonus(weight, idf, 1.0)
        });
        pairs.collect()
    }

    /// Bonus per document (parallel to `docs`, which is sorted) for consecutive query words
    /// standing close together: the smaller IDF of the two over the squared distance.
    pub(crate) fn proximity_bonus(
        &self,
        words: &[ProximityWord],
        docs: &[u32],
        bm25: &Bm25f,
        weight: f32,
    ) -> Result<Vec<f32>, Needs> {
        let mut bonus = vec![0.0; docs.len()];
        let mut places = Vec::with_capacity(words.len());
        let mut idfs = Vec::with_capacity(words.len());
        for word in words {
            places.push(self.word_places(word, docs)?);
            idfs.push(bm25.idf(word.documents));
        }
        for (pair, pair_idfs) in places.windows(2).zip(idfs.windows(2)) {
            let idf = pair_idfs[0].min(pair_idfs[1]);
            let (left, right) = (&pair[0], &pair[1]);
            for (i, bonus) in bonus.iter_mut().enumerate() {
                if !(left.holds(i) && right.holds(i)) {
                    continue;
                }
                let gap = |title| min_gap(&mut left.cursor(i, title), &mut right.cursor(i, title));
                if let Some(distance) = [gap(true), gap(false)].into_iter().flatten().min() {
                    *bonus += pair_bonus(weight, idf, distance as f32);
                }
            }
        }
        Ok(bonus)
    }
}

/// The proximity bonus of two words `distance` places apart, of the smaller `idf` of the two:
/// the one formula for a document's bonus and for the largest one any gets.
fn pair_bonus(weight: f32, idf: f32, distance: f32) -> f32 {
    weight * idf / (distance * distance)
}

//! Search: matching a parsed query against the index and ranking the matches with BM25F.
//!
//! Each query word expands to index terms with a weight: the exact term (1.0), its other
//! inflections sharing its English stem, its completions while it is being typed, and, when
//! none of those exist, terms within one or two typos. A document must match every clause
//! when at least one document does; otherwise documents matching the most clauses rank
//! first. Scores add a bonus for query words that stand close together.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use crate::analysis::stem;
use crate::excerpt::{excerpt, highlight};
use crate::index::{Index, StoredDocument};
use crate::postings::Posting;
use crate::query::{Atom, Field, Query, Syntax};
use crate::ranking::{Bm25f, Weights};

/// How to search; `SearchOptions::default()` is what a search box wants.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchOptions {
    pub limit: usize,
    pub offset: usize,
    /// Filter name to accepted values: a document must have one of the values of every name.
    pub filters: BTreeMap<String, Vec<String>>,
    /// Inclusive `YYYY-MM-DD` bounds; documents without a date are excluded by either bound.
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    pub sort: Sort,
    pub syntax: Syntax,
    /// The last word, unless followed by a space, also matches its completions.
    pub typing: bool,
    /// Words with no exact, inflected or completed match also match close misspellings.
    pub typos: bool,
    pub weights: Weights,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            offset: 0,
            filters: BTreeMap::new(),
            date_from: None,
            date_to: None,
            sort: Sort::Relevance,
            syntax: Syntax::Operators,
            typing: true,
            typos: true,
            weights: Weights::default(),
        }
    }
}

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Highest score first, then id.
    #[default]
    Relevance,
    /// Newest first; undated documents last; then by score.
    Date,
}

/// One page of results.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    /// How many documents match in all.
    pub total: usize,
    /// For each filter name, how many matching documents carry each value.
    pub facets: BTreeMap<String, BTreeMap<String, usize>>,
    /// When nothing matched: the query with its unknown words replaced by the closest terms.
    pub suggestion: Option<String>,
}

/// A matching document, with an excerpt around its best passage.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub url: Option<String>,
    pub meta: BTreeMap<String, String>,
    pub score: f32,
    pub excerpt: String,
    /// Byte ranges of matched words in `excerpt`.
    pub excerpt_matches: Vec<Range<usize>>,
    /// Byte ranges of matched words in `title`.
    pub title_matches: Vec<Range<usize>>,
}

/// Completions of a word being typed that are searched, the most frequent first.
const MAX_COMPLETIONS: usize = 48;
/// Documents re-ranked with the proximity bonus.
const PROXIMITY_CANDIDATES: usize = 200;

/// An index term standing for a query word, with how much a match of it counts.
#[derive(Debug, Clone, Copy)]
struct Expansion {
    term: u32,
    weight: f32,
}

/// Per-document scores of one clause.
struct ClauseMatches {
    scores: Vec<(u32, f32)>,
}

impl Index {
    /// Parses `query` and searches it.
    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResults {
        let parsed = Query::parse(query, options.syntax, options.typing);
        self.search_query(&parsed, options)
    }

    /// Searches an already parsed query.
    pub fn search_query(&self, query: &Query, options: &SearchOptions) -> SearchResults {
        let allowed = self.allowed_documents(options);
        let browsing = query.is_empty();
        if browsing && allowed.is_none() {
            return SearchResults::default();
        }
        let bm25 = Bm25f::new(self, options.weights);
        let expansions: Vec<Vec<Vec<Expansion>>> = query
            .clauses
            .iter()
            .map(|c| {
                c.alternatives
                    .iter()
                    .map(|a| self.expand(a, options))
                    .collect()
            })
            .collect();
        let mut scores = vec![0f32; self.documents.len()];
        let mut matched = vec![0u16; self.documents.len()];
        for (clause, clause_expansions) in query.clauses.iter().zip(&expansions) {
            let found = self.match_clause(&clause.alternatives, clause_expansions, &bm25);
            for (doc, score) in found.scores {
                scores[doc as usize] += score;
                matched[doc as usize] += 1;
            }
        }
        let excluded = self.excluded_documents(query, options, &bm25);
        let keep = |doc: usize| {
            allowed.as_ref().is_none_or(|a| a[doc]) && !excluded.contains(&(doc as u32))
        };
        let mut candidates: Vec<u32> = if browsing {
            (0..self.documents.len())
                .filter(|&d| keep(d))
                .map(|d| d as u32)
                .collect()
        } else {
            let most = (0..self.documents.len())
                .filter(|&d| keep(d))
                .map(|d| matched[d])
                .max()
                .unwrap_or(0);
            let needed = if most as usize == query.clauses.len() {
                most
            } else {
                most.min(1)
            };
            (0..self.documents.len())
                .filter(|&d| keep(d) && needed > 0 && matched[d] >= needed)
                .map(|d| d as u32)
                .collect()
        };
        for &doc in &candidates {
            scores[doc as usize] *= self.documents[doc as usize].weight;
        }
        rank(&mut candidates, &scores, self);
        if !browsing {
            self.add_proximity(query, &expansions, &mut candidates, &mut scores, options);
        }
        if options.sort == Sort::Date {
            candidates.sort_by(|&a, &b| {
                let (da, db) = (
                    &self.documents[a as usize].date,
                    &self.documents[b as usize].date,
                );
                db.cmp(da).then_with(|| by_score(a, b, &scores, self))
            });
        }
        let facets = self.facets(&candidates);
        let total = candidates.len();
        let highlight_terms = self.highlight_terms(&expansions);
        let hits = candidates
            .iter()
            .skip(options.offset)
            .take(options.limit)
            .map(|&doc| self.hit(doc, scores[doc as usize], &highlight_terms))
            .collect();
        let suggestion = (total == 0 && !browsing)
            .then(|| self.suggest(query))
            .flatten();
        SearchResults {
            hits,
            total,
            facets,
            suggestion,
        }
    }

    /// Index terms for an atom's words: for a word atom its expansions, for a phrase the
    /// exact terms (empty when any word is missing).
    fn expand(&self, atom: &Atom, options: &SearchOptions) -> Vec<Expansion> {
        match atom {
            Atom::Word { term, prefix, .. } => {
                self.expand_word(term, *prefix && options.typing, options)
            }
            Atom::Phrase { terms, .. } => {
                let ids: Option<Vec<u32>> = terms.iter().map(|t| self.terms.find(t)).collect();
                ids.unwrap_or_default()
                    .into_iter()
                    .map(|term| Expansion { term, weight: 1.0 })
                    .collect()
            }
        }
    }

    fn expand_word(&self, word: &str, prefix: bool, options: &SearchOptions) -> Vec<Expansion> {
        let weights = &options.weights;
        let mut expansions: Vec<Expansion> = Vec::new();
        let exact = self.terms.find(word);
        if let Some(term) = exact {
            expansions.push(Expansion { term, weight: 1.0 });
        }
        for &term in self.stems.members(&stem(word)) {
            if Some(term) != exact {
                expansions.push(Expansion {
                    term,
                    weight: weights.stem,
                });
            }
        }
        if prefix {
            let mut completions: Vec<u32> = self
                .terms
                .prefix_range(word)
                .filter(|t| !expansions.iter().any(|e| e.term == *t))
                .collect();
            completions.sort_by_key(|&t| std::cmp::Reverse(self.postings[t as usize].doc_count));
            completions.truncate(MAX_COMPLETIONS);
            expansions.extend(completions.into_iter().map(|term| Expansion {
                term,
                weight: weights.prefix,
            }));
        }
        if expansions.is_empty() && options.typos {
            let max_distance = typo_budget(word);
            if max_distance > 0 {
                expansions = self
                    .terms
                    .fuzzy(word, max_distance)
                    .into_iter()
                    .map(|(term, distance)| Expansion {
                        term,
                        weight: weights.typo / distance as f32,
                    })
                    .collect();
            }
        }
        expansions
    }

    fn match_clause(
        &self,
        atoms: &[Atom],
        expansions: &[Vec<Expansion>],
        bm25: &Bm25f,
    ) -> ClauseMatches {
        let mut scores: BTreeMap<u32, f32> = BTreeMap::new();
        for (atom, atom_expansions) in atoms.iter().zip(expansions) {
            let found = match atom {
                Atom::Word { field, .. } => self.score_word(atom_expansions, *field, bm25),
                Atom::Phrase { field, .. } => self.score_phrase(atom_expansions, *field, bm25),
            };
            for (doc, score) in found {
                *scores.entry(doc).or_default() += score;
            }
        }
        ClauseMatches {
            scores: scores.into_iter().collect(),
        }
    }

    /// BM25F of a word whose expansions count as one term, with weighted frequencies.
    fn score_word(&self, expansions: &[Expansion], field: Field, bm25: &Bm25f) -> Vec<(u32, f32)> {
        let mut frequencies: BTreeMap<u32, (f32, f32)> = BTreeMap::new();
        for expansion in expansions {
            for posting in self.postings[expansion.term as usize].iter() {
                let body_tf = if field == Field::Title {
                    0
                } else {
                    posting.body_tf
                };
                if posting.title_tf == 0 && body_tf == 0 {
                    continue;
                }
                let entry = frequencies.entry(posting.doc).or_default();
                entry.0 += expansion.weight * posting.title_tf as f32;
                entry.1 += expansion.weight * body_tf as f32;
            }
        }
        let idf = bm25.idf(frequencies.len());
        frequencies
            .into_iter()
            .map(|(doc, (title_tf, body_tf))| (doc, idf * bm25.saturate(doc, title_tf, body_tf)))
            .collect()
    }

    /// BM25F of a phrase, its frequency being the number of places it occurs.
    fn score_phrase(
        &self,
        expansions: &[Expansion],
        field: Field,
        bm25: &Bm25f,
    ) -> Vec<(u32, f32)> {
        let counts = self.phrase_counts(expansions, field);
        let idf = bm25.idf(counts.len());
        counts
            .into_iter()
            .map(|(doc, (title_tf, body_tf))| {
                (
                    doc,
                    idf * bm25.saturate(doc, title_tf as f32, body_tf as f32),
                )
            })
            .collect()
    }

    /// Documents where the terms occur consecutively, with occurrence counts per field.
    fn phrase_counts(&self, expansions: &[Expansion], field: Field) -> Vec<(u32, (u32, u32))> {
        let Some(first) = expansions.first() else {
            return Vec::new();
        };
        let mut starts: BTreeMap<u32, (Vec<u32>, Vec<u32>)> = self.positions(first.term, None);
        for (offset, expansion) in expansions.iter().enumerate().skip(1) {
            let docs: Vec<u32> = starts.keys().copied().collect();
            let next = self.positions(expansion.term, Some(&docs));
            starts.retain(|doc, (title, body)| {
                let Some((next_title, next_body)) = next.get(doc) else {
                    return false;
                };
                title.retain(|p| next_title.binary_search(&(p + offset as u32)).is_ok());
                body.retain(|p| next_body.binary_search(&(p + offset as u32)).is_ok());
                !title.is_empty() || !body.is_empty()
            });
        }
        starts
            .into_iter()
            .map(|(doc, (title, body))| {
                let body = if field == Field::Title {
                    0
                } else {
                    body.len() as u32
                };
                (doc, (title.len() as u32, body))
            })
            .filter(|(_, (title, body))| title + body > 0)
            .collect()
    }

    /// Title and body positions of `term`, for the given sorted documents or all of them.
    fn positions(&self, term: u32, docs: Option<&[u32]>) -> BTreeMap<u32, (Vec<u32>, Vec<u32>)> {
        let mut result = BTreeMap::new();
        let mut iter = self.postings[term as usize].iter();
        let mut wanted = docs.map(|d| d.iter().peekable());
        while let Some(posting) = iter.next() {
            if let Some(wanted) = wanted.as_mut() {
                while wanted.next_if(|&&d| d < posting.doc).is_some() {}
                match wanted.peek() {
                    None => break,
                    Some(&&d) if d != posting.doc => continue,
                    Some(_) => {}
                }
            }
            result.insert(posting.doc, iter.positions(&posting));
        }
        result
    }

    fn excluded_documents(
        &self,
        query: &Query,
        options: &SearchOptions,
        bm25: &Bm25f,
    ) -> HashSet<u32> {
        query
            .excluded
            .iter()
            .flat_map(|atom| {
                let expansions = match atom {
                    Atom::Word { term, .. } => self
                        .terms
                        .find(term)
                        .map(|term| vec![Expansion { term, weight: 1.0 }])
                        .unwrap_or_default(),
                    Atom::Phrase { .. } => self.expand(atom, options),
                };
                let found = self.match_clause(std::slice::from_ref(atom), &[expansions], bm25);
                found.scores.into_iter().map(|(doc, _)| doc)
            })
            .collect()
    }

    fn allowed_documents(&self, options: &SearchOptions) -> Option<Vec<bool>> {
        let has_filters = options.filters.values().any(|v| !v.is_empty());
        if !has_filters && options.date_from.is_none() && options.date_to.is_none() {
            return None;
        }
        Some(
            self.documents
                .iter()
                .map(|d| passes_filters(d, options))
                .collect(),
        )
    }

    /// Adds a bonus to the best candidates for query words standing close together.
    fn add_proximity(
        &self,
        query: &Query,
        expansions: &[Vec<Vec<Expansion>>],
        candidates: &mut [u32],
        scores: &mut [f32],
        options: &SearchOptions,
    ) {
        let words: Vec<&[Expansion]> = query
            .clauses
            .iter()
            .zip(expansions)
            .filter_map(
                |(clause, e)| match (clause.alternatives.as_slice(), e.as_slice()) {
                    ([Atom::Word { .. }], [only]) if !only.is_empty() => Some(only.as_slice()),
                    _ => None,
                },
            )
            .collect();
        if words.len() < 2 || options.weights.proximity <= 0.0 {
            return;
        }
        let top = candidates.len().min(PROXIMITY_CANDIDATES);
        let mut docs: Vec<u32> = candidates[..top].to_vec();
        docs.sort_unstable();
        let positions: Vec<BTreeMap<u32, Vec<(u32, bool)>>> = words
            .iter()
            .map(|w| self.word_positions(w, &docs))
            .collect();
        let bm25 = Bm25f::new(self, options.weights);
        for pair in positions.windows(2).zip(words.windows(2)) {
            let ([left, right], [left_word, right_word]) = pair else {
                continue;
            };
            let weight = bm25
                .idf(self.doc_frequency(left_word))
                .min(bm25.idf(self.doc_frequency(right_word)));
            for (doc, left_positions) in left {
                if let Some(right_positions) = right.get(doc) {
                    if let Some(distance) = min_distance(left_positions, right_positions) {
                        scores[*doc as usize] +=
                            options.weights.proximity * weight / (distance * distance) as f32;
                    }
                }
            }
        }
        candidates[..top].sort_by(|&a, &b| by_score(a, b, scores, self));
    }

    /// Positions of any of a word's expansions per document, tagged `true` for the title.
    fn word_positions(
        &self,
        expansions: &[Expansion],
        docs: &[u32],
    ) -> BTreeMap<u32, Vec<(u32, bool)>> {
        let mut result: BTreeMap<u32, Vec<(u32, bool)>> = BTreeMap::new();
        for expansion in expansions {
            for (doc, (title, body)) in self.positions(expansion.term, Some(docs)) {
                let entry = result.entry(doc).or_default();
                entry.extend(title.into_iter().map(|p| (p, true)));
                entry.extend(body.into_iter().map(|p| (p, false)));
            }
        }
        for positions in result.values_mut() {
            positions.sort_unstable();
        }
        result
    }

    fn doc_frequency(&self, expansions: &[Expansion]) -> usize {
        let mut docs: Vec<u32> = expansions
            .iter()
            .flat_map(|e| {
                self.postings[e.term as usize]
                    .iter()
                    .map(|p: Posting| p.doc)
            })
            .collect();
        docs.sort_unstable();
        docs.dedup();
        docs.len()
    }

    fn facets(&self, candidates: &[u32]) -> BTreeMap<String, BTreeMap<String, usize>> {
        let mut facets: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for &doc in candidates {
            for (name, values) in &self.documents[doc as usize].filters {
                let counts = facets.entry(name.clone()).or_default();
                for value in values {
                    *counts.entry(value.clone()).or_default() += 1;
                }
            }
        }
        facets
    }

    /// The terms to highlight: every expansion of every positive word and phrase.
    fn highlight_terms(&self, expansions: &[Vec<Vec<Expansion>>]) -> HashSet<&str> {
        expansions
            .iter()
            .flatten()
            .flatten()
            .map(|e| self.terms.term(e.term))
            .collect()
    }

    fn hit(&self, doc: u32, score: f32, terms: &HashSet<&str>) -> Hit {
        let stored = &self.documents[doc as usize];
        let (excerpt, excerpt_matches) = excerpt(&stored.body, terms);
        Hit {
            id: stored.id.clone(),
            title: stored.title.clone(),
            date: stored.date.clone(),
            url: stored.url.clone(),
            meta: stored.meta.clone(),
            score,
            excerpt,
            excerpt_matches,
            title_matches: highlight(&stored.title, terms),
        }
    }

    /// The query's words with each unknown one replaced by its most frequent near match.
    fn suggest(&self, query: &Query) -> Option<String> {
        let mut changed = false;
        let mut words = Vec::new();
        for clause in &query.clauses {
            for atom in &clause.alternatives {
                let Atom::Word { term, .. } = atom else {
                    continue;
                };
                if self.terms.find(term).is_some() || !self.stems.members(&stem(term)).is_empty() {
                    words.push(term.clone());
                    continue;
                }
                let best = self
                    .terms
                    .fuzzy(term, typo_budget(term).clamp(1, 2))
                    .into_iter()
                    .min_by_key(|&(t, distance)| {
                        (
                            distance,
                            std::cmp::Reverse(self.postings[t as usize].doc_count),
                        )
                    });
                match best {
                    Some((t, _)) => {
                        changed = true;
                        words.push(self.terms.term(t).to_string());
                    }
                    None => words.push(term.clone()),
                }
            }
        }
        changed.then(|| words.join(" "))
    }
}

/// Typos allowed in a word: none under 4 characters, one up to 7, two from 8.
pub fn typo_budget(word: &str) -> u32 {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

fn passes_filters(document: &StoredDocument, options: &SearchOptions) -> bool {
    let filters_pass = options.filters.iter().all(|(name, accepted)| {
        accepted.is_empty()
            || document
                .filters
                .get(name)
                .is_some_and(|values| values.iter().any(|v| accepted.contains(v)))
    });
    let date = document.date.as_deref();
    let after_from = options
        .date_from
        .as_deref()
        .is_none_or(|from| date.is_some_and(|d| d >= from));
    let before_to = options
        .date_to
        .as_deref()
        .is_none_or(|to| date.is_some_and(|d| d <= to));
    filters_pass && after_from && before_to
}

fn rank(candidates: &mut [u32], scores: &[f32], index: &Index) {
    candidates.sort_by(|&a, &b| by_score(a, b, scores, index));
}

/// Higher score first, then id.
fn by_score(a: u32, b: u32, scores: &[f32], index: &Index) -> std::cmp::Ordering {
    let (a, b) = (a as usize, b as usize);
    scores[b]
        .total_cmp(&scores[a])
        .then_with(|| index.documents[a].id.cmp(&index.documents[b].id))
}

/// Smallest gap between a left and a right position in the same field, if any.
fn min_distance(left: &[(u32, bool)], right: &[(u32, bool)]) -> Option<u32> {
    let mut best: Option<u32> = None;
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        let (l, r) = (left[i], right[j]);
        if l.1 == r.1 && l.0 != r.0 {
            let gap = l.0.abs_diff(r.0);
            best = Some(best.map_or(gap, |b| b.min(gap)));
        }
        if (l.1, l.0) < (r.1, r.0) {
            i += 1;
        } else {
            j += 1;
        }
    }
    best
}

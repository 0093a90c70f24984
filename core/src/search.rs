//! Search: options, results, and the pass that turns a parsed query into ranked hits.
//!
//! A document must match every clause when at least one document does (unless
//! `require_all` is off); otherwise documents matching any clause are ranked by score, which
//! favours those matching more. Negated atoms
//! exclude, filters and date bounds restrict, and the best candidates get a bonus for query
//! words standing close together.

use std::ops::Range;

use crate::analysis::{analyze, stem, CompoundRole};
use crate::excerpt::{excerpt, highlight, Targets};
use crate::index::{Index, StoredDocument};
use crate::matching::{typo_budget, Expansion};
use crate::query::{Atom, Query, Syntax, MAX_ATOMS, MAX_QUERY_CHARS};
use crate::ranking::{Bm25f, Weights};
use crate::sort::{select_by, sort_by};

/// Filter name to its values (or counts), sorted by name.
pub type Facets = Vec<(String, Vec<(String, usize)>)>;

/// How to search; `SearchOptions::default()` is what a search box wants.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchOptions {
    pub limit: usize,
    pub offset: usize,
    /// Filter name and accepted values: a document must have one of the values of each name.
    pub filters: Vec<(String, Vec<String>)>,
    /// Inclusive `YYYY-MM-DD` bounds; documents without a date are excluded by either bound.
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    pub sort: Sort,
    pub syntax: Syntax,
    /// The last word, unless followed by a space, also matches its completions.
    pub typing: bool,
    /// Words with no exact, inflected or completed match also match close misspellings.
    pub typos: bool,
    /// Only documents matching every clause are returned, when at least one does. Off, any
    /// clause suffices and the score ranks: right for long prose queries (evaluation).
    pub require_all: bool,
    pub weights: Weights,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            offset: 0,
            filters: Vec::new(),
            date_from: None,
            date_to: None,
            sort: Sort::Relevance,
            syntax: Syntax::Operators,
            typing: true,
            typos: true,
            require_all: true,
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
    pub facets: Facets,
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
    pub meta: Vec<(String, String)>,
    pub score: f32,
    pub excerpt: String,
    /// Byte ranges of matched words in `excerpt`.
    pub excerpt_matches: Vec<Range<usize>>,
    /// Byte ranges of matched words in `title`.
    pub title_matches: Vec<Range<usize>>,
}

/// Documents re-ranked with the proximity bonus.
const PROXIMITY_CANDIDATES: usize = 200;

impl Index {
    /// Parses `query` and searches it.
    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResults {
        let parsed = Query::parse(query, options.syntax, options.typing);
        let mut results = self.search_query(&parsed, options);
        if results.total == 0 && !parsed.is_empty() {
            results.suggestion = self.suggest(query);
        }
        results
    }

    /// Searches an already parsed query (with no spelling suggestion: that needs the text).
    pub fn search_query(&self, query: &Query, options: &SearchOptions) -> SearchResults {
        let browsing = query.is_empty();
        let restricted = has_restrictions(options);
        if browsing && !restricted {
            return SearchResults::default();
        }
        let bm25 = Bm25f::new(self, options.weights);
        let w = &options.weights;
        let expansions = self.expand_clauses(query, options);
        let mut keep: Vec<bool> = self
            .documents
            .iter()
            .map(|d| !restricted || passes(d, options))
            .collect();
        for atom in &query.excluded {
            let atom_expansions = self.expand(atom, false, false, w);
            for (doc, _) in self.score_atom(atom, &atom_expansions, &bm25) {
                keep[doc as usize] = false;
            }
        }
        let mut scores = vec![0f32; self.documents.len()];
        let mut candidates = if browsing {
            (0..self.documents.len() as u32)
                .filter(|&d| keep[d as usize])
                .collect()
        } else {
            self.score_clauses(
                query,
                &expansions,
                &bm25,
                &keep,
                options.require_all,
                &mut scores,
            )
        };
        for &doc in &candidates {
            scores[doc as usize] *= self.documents[doc as usize].weight;
        }
        let page_end = options.offset.saturating_add(options.limit);
        select_by(
            &mut candidates,
            page_end.max(PROXIMITY_CANDIDATES),
            |&a, &b| self.by_score(a, b, &scores),
        );
        if !browsing {
            self.add_proximity(
                query,
                &expansions,
                &mut candidates,
                &mut scores,
                &bm25,
                w.proximity,
            );
        }
        if options.sort == Sort::Date {
            let date = |d: u32| self.documents[d as usize].date.as_deref();
            select_by(&mut candidates, page_end, |&a, &b| {
                date(b)
                    .cmp(&date(a))
                    .then_with(|| self.by_score(a, b, &scores))
            });
        }
        let targets = self.highlight_targets(query, &expansions);
        SearchResults {
            hits: candidates
                .iter()
                .skip(options.offset)
                .take(options.limit)
                .map(|&doc| self.hit(doc, scores[doc as usize], &targets))
                .collect(),
            total: candidates.len(),
            facets: self.facets(&candidates),
            suggestion: None,
        }
    }

    /// Each clause's atoms' expansions; a repeated atom is expanded once.
    fn expand_clauses(&self, query: &Query, options: &SearchOptions) -> Vec<Vec<Vec<Expansion>>> {
        let mut seen: Vec<(&Atom, Vec<Expansion>)> = Vec::new();
        let mut expand = |atom| match seen.iter().find(|(a, _)| *a == atom) {
            Some((_, e)) => e.clone(),
            None => {
                let e = self.expand(atom, options.typing, options.typos, &options.weights);
                seen.push((atom, e.clone()));
                e
            }
        };
        query
            .clauses
            .iter()
            .map(|c| c.alternatives.iter().map(&mut expand).collect())
            .collect()
    }

    /// Adds each clause's scores into `scores` and returns the kept documents that match
    /// every clause (when `require_all` and some document does), or else those matching any.
    fn score_clauses(
        &self,
        query: &Query,
        expansions: &[Vec<Vec<Expansion>>],
        bm25: &Bm25f,
        keep: &[bool],
        require_all: bool,
        scores: &mut [f32],
    ) -> Vec<u32> {
        let n = self.documents.len();
        let mut matched = vec![0u16; n];
        let mut last_clause = vec![0u16; n];
        for (clause_number, (clause, clause_expansions)) in
            (1u16..).zip(query.clauses.iter().zip(expansions))
        {
            for (atom, atom_expansions) in clause.alternatives.iter().zip(clause_expansions) {
                for (doc, score) in self.score_atom(atom, atom_expansions, bm25) {
                    let doc = doc as usize;
                    scores[doc] += score;
                    if last_clause[doc] != clause_number {
                        last_clause[doc] = clause_number;
                        matched[doc] += 1;
                    }
                }
            }
        }
        let all = query.clauses.len() as u16;
        let needed = if require_all && (0..n).any(|d| keep[d] && matched[d] == all) {
            all
        } else {
            1
        };
        (0..n)
            .filter(|&d| keep[d] && matched[d] >= needed)
            .map(|d| d as u32)
            .collect()
    }
}

fn has_restrictions(options: &SearchOptions) -> bool {
    options.filters.iter().any(|(_, values)| !values.is_empty())
        || options.date_from.is_some()
        || options.date_to.is_some()
}

/// Whether a document passes the filters and date bounds.
fn passes(document: &StoredDocument, options: &SearchOptions) -> bool {
    let filters_pass = options.filters.iter().all(|(name, accepted)| {
        accepted.is_empty()
            || document
                .filters
                .iter()
                .find(|(n, _)| n == name)
                .is_some_and(|(_, values)| values.iter().any(|v| accepted.contains(v)))
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

impl Index {
    /// Higher score first, then id.
    fn by_score(&self, a: u32, b: u32, scores: &[f32]) -> std::cmp::Ordering {
        let (a, b) = (a as usize, b as usize);
        scores[b]
            .total_cmp(&scores[a])
            .then_with(|| self.documents[a].id.cmp(&self.documents[b].id))
    }

    /// Adds the proximity bonus to the best candidates and re-sorts them.
    fn add_proximity(
        &self,
        query: &Query,
        expansions: &[Vec<Vec<Expansion>>],
        candidates: &mut [u32],
        scores: &mut [f32],
        bm25: &Bm25f,
        weight: f32,
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
        if words.len() < 2 || weight <= 0.0 {
            return;
        }
        let top = candidates.len().min(PROXIMITY_CANDIDATES);
        let mut docs = candidates[..top].to_vec();
        sort_by(&mut docs, u32::cmp);
        let bonus = self.proximity_bonus(&words, &docs, bm25, weight);
        for (doc, b) in docs.iter().zip(bonus) {
            scores[*doc as usize] += b;
        }
        sort_by(&mut candidates[..top], |&a, &b| self.by_score(a, b, scores));
    }

    fn facets(&self, candidates: &[u32]) -> Facets {
        let mut facets: Facets = Vec::new();
        for &doc in candidates {
            for (name, values) in &self.documents[doc as usize].filters {
                let counts = match facets.binary_search_by(|(n, _)| n.as_str().cmp(name)) {
                    Ok(i) => &mut facets[i].1,
                    Err(i) => {
                        facets.insert(i, (name.clone(), Vec::new()));
                        &mut facets[i].1
                    }
                };
                for value in values {
                    match counts.binary_search_by(|(v, _)| v.as_str().cmp(value)) {
                        Ok(i) => counts[i].1 += 1,
                        Err(i) => counts.insert(i, (value.clone(), 1)),
                    }
                }
            }
        }
        facets
    }

    /// What to highlight: every expansion of every positive word, and positive phrases, each
    /// with its clause.
    fn highlight_targets(&self, query: &Query, expansions: &[Vec<Vec<Expansion>>]) -> Targets<'_> {
        let mut targets = Targets {
            clauses: query.clauses.len(),
            ..Targets::default()
        };
        for (clause, (c, clause_expansions)) in query.clauses.iter().zip(expansions).enumerate() {
            for (atom, atom_expansions) in c.alternatives.iter().zip(clause_expansions) {
                let terms = atom_expansions.iter().map(|e| self.terms.term(e.term));
                match atom {
                    Atom::Word { .. } => targets.words.extend(terms.map(|t| (t, clause))),
                    Atom::Phrase { terms: words, .. } => {
                        // One phrase per term its last word may be.
                        let all: Vec<&str> = terms.collect();
                        let (fixed, last) =
                            all.split_at(all.len().min(words.len().saturating_sub(1)));
                        for end in last {
                            let phrase = fixed.iter().chain([end]).copied().collect();
                            targets.phrases.push((phrase, clause));
                        }
                    }
                }
            }
        }
        sort_by(&mut targets.words, |a, b| a.cmp(b));
        targets.words.dedup_by(|later, kept| later.0 == kept.0);
        targets
    }

    fn hit(&self, doc: u32, score: f32, targets: &Targets) -> Hit {
        let stored = &self.documents[doc as usize];
        let (excerpt, excerpt_matches) = excerpt(&stored.body, targets);
        Hit {
            id: stored.id.clone(),
            title: stored.title.clone(),
            date: stored.date.clone(),
            url: stored.url.clone(),
            meta: stored.meta.clone(),
            score,
            excerpt,
            excerpt_matches,
            title_matches: highlight(&stored.title, targets),
        }
    }

    /// The query text with each unknown word replaced by its most frequent near match, when
    /// any was: operators, other words and the word's capitalisation are kept.
    fn suggest(&self, text: &str) -> Option<String> {
        let text: &str = match text.char_indices().nth(MAX_QUERY_CHARS) {
            Some((end, _)) => &text[..end],
            None => text,
        };
        let mut words: Vec<(Range<usize>, String)> = Vec::new();
        analyze(text, |t| {
            let operator = text[t.span.end..].starts_with(':') || &text[t.span.clone()] == "OR";
            if t.role == CompoundRole::Word && !operator && words.len() < MAX_ATOMS {
                words.push((t.span, t.term.to_string()));
            }
        });
        let mut suggestion = String::new();
        let mut copied = 0;
        for (span, term) in words {
            let Some(replacement) = self.closest_term(&term) else {
                continue;
            };
            suggestion.push_str(&text[copied..span.start]);
            // ASCII only: Unicode upper-case tables would add 8 KB of wasm for a nicety.
            let capitalised = text[span.clone()].starts_with(|c: char| c.is_ascii_uppercase());
            let mut chars = replacement.chars();
            match chars.next() {
                Some(first) if capitalised => {
                    suggestion.push(first.to_ascii_uppercase());
                    suggestion.push_str(chars.as_str());
                }
                _ => suggestion.push_str(replacement),
            }
            copied = span.end;
        }
        (copied > 0).then(|| suggestion + &text[copied..])
    }

    /// For a term the index does not know in any inflection, its most frequent near match:
    /// one edit more than matching allows for 3-letter words, none for shorter ones.
    fn closest_term(&self, term: &str) -> Option<&str> {
        let known = self.terms.find(term).is_some() || !self.stems.members(&stem(term)).is_empty();
        if known || term.chars().count() < 3 {
            return None;
        }
        let fuzzy = self.terms.fuzzy(term, typo_budget(term).clamp(1, 2));
        let doc_count = |t: u32| self.postings[t as usize].doc_count;
        let best = fuzzy
            .into_iter()
            .min_by_key(|&(t, distance)| (distance, u32::MAX - doc_count(t)))?;
        Some(self.terms.term(best.0))
    }
}

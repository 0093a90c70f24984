//! Search: options, results, and the pass that turns a parsed query into ranked hits.
//!
//! A document must match every clause when at least one document does (unless
//! `require_all` is off); a query of three clauses or more also returns the documents that
//! lack one (a task phrased in other words than the page's), among those matching all, their
//! score lowered by `Weights::lacking`. Otherwise documents matching any clause are ranked by
//! score, which favours those matching more.
//! Negated atoms
//! exclude, filters and date bounds restrict, and the best candidates get a bonus for query
//! words standing close together.

use std::cmp::Ordering;
use std::ops::Range;
use std::sync::Arc;

use crate::analysis::{analyze, CompoundRole, CAMEL_PART};
use crate::document_set::DocumentSet;
use crate::excerpt::{excerpt_in, excerpt_reading, highlight, Clauses, Targets};
use crate::first_page::{FirstPage, PageHit, FIRST_PAGE_HITS};
use crate::index::Index;
use crate::matching::{better, typo_budget, AtomMatch, AtomScores, Expansion, ProximityWord};
use crate::pieces::{Gather, Needs, StoredDocument, Texts};
use crate::postings::GENERIC_SHARE;
use crate::query::{Atom, Clause, Field, Query, Syntax, MAX_QUERY_CHARS, MAX_WORDS};
use crate::ranking::{Bm25f, Weights};
use crate::recent::{ExpansionKey, ScoreKey, ScoredAs, ShownKey, KEPT_HITS};
use crate::sort::{partition, select_by, sort_by};
use crate::subresults::{best_sections, SectionHit};

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
    /// Only documents matching every clause are returned, when at least one does, and (for
    /// three clauses or more) those lacking one, at a lowered score. Off, any clause
    /// suffices and the score ranks: right for long prose queries (evaluation).
    pub require_all: bool,
    /// Count matching documents per filter value (a chunked index fetches its filters).
    pub facets: bool,
    /// The language searched (a tag, `fr-CA`): only its documents, when the index has
    /// several languages and this one; otherwise (or `*`) every document.
    pub lang: Option<String>,
    pub weights: Weights,
}

impl SearchOptions {
    /// Whether the options rank as the default ones do, whatever the page asked for (`limit`,
    /// `offset`) and the language (`lang`, a filter once the index has it): what a first page
    /// was ranked with.
    pub(crate) fn ranks_as_default(&self) -> bool {
        self.filters.is_empty()
            && self.date_from.is_none()
            && self.date_to.is_none()
            && self.sort == Sort::Relevance
            && self.syntax == Syntax::Operators
            && self.typing
            && self.typos
            && self.require_all
            && !self.facets
            && self.weights == Weights::default()
    }
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
            facets: false,
            lang: None,
            weights: Weights::default(),
        }
    }
}

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Titles that are exactly the query first (as typed, then in another form), then the
    /// highest score, then id.
    #[default]
    Relevance,
    /// Newest first; undated documents last; then as [`Sort::Relevance`].
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
    /// The page's best-matching sections, best first.
    pub sections: Vec<SectionHit>,
}

/// The highest tier a candidate takes: a title that is exactly the query as typed.
pub const MAX_TIER: u8 = 2;

/// Documents re-ranked with the proximity bonus.
const PROXIMITY_CANDIDATES: usize = 200;

/// The fewest required clauses for which documents lacking one of them are returned beside
/// those matching all: `uppercase first letter` still finds `ucfirst` ("Make a string's first
/// character uppercase"), while `git push` does not list every page about `git`.
const CLAUSES_TO_SPARE_ONE: u8 = 3;

/// The most required clauses for which a query is scored first as if some document matched
/// them all (see [`Index::score_clauses`]): a longer one seldom has such a document, and the
/// guess then costs most of its clauses a second scoring (CISI's, MED's and CACM's questions,
/// five to fifteen words, took 8-10% longer guessing at any length).
const MOST_CLAUSES_GUESSED_ALL: u8 = 4;

/// Each clause's alternatives' expansions.
type ClauseExpansions = Vec<Vec<Vec<Expansion>>>;

impl Index {
    /// Parses `query` and searches it. For an index with every piece loaded (built in
    /// memory or opened from a single file); a chunked index uses [`Index::try_search`].
    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResults {
        self.try_search(query, options).unwrap_or_default()
    }

    /// Parses and searches `query`, or names the pieces it needs that are not loaded yet:
    /// fetch them, [`Index::insert`] them and search again.
    pub fn try_search(&self, query: &str, options: &SearchOptions) -> Result<SearchResults, Needs> {
        let parsed = Query::parse(query, options.syntax, options.typing, &self.entry.languages);
        let mut results = self.search_query(&parsed, options)?;
        if results.total == 0 && !parsed.is_empty() {
            results.suggestion = self.suggest(query)?;
        }
        Ok(results)
    }

    /// Searches an already parsed query (with no spelling suggestion: that needs the text).
    pub fn search_query(
        &self,
        query: &Query,
        options: &SearchOptions,
    ) -> Result<SearchResults, Needs> {
        self.recent.begin();
        let results = self.search_parsed(query, options)?;
        self.recent.answered();
        Ok(results)
    }

    /// [`Index::search_query`], the previous search's work at hand.
    fn search_parsed(
        &self,
        query: &Query,
        options: &SearchOptions,
    ) -> Result<SearchResults, Needs> {
        let Ranked {
            candidates,
            total,
            facets,
            expansions,
        } = self.rank(query, options)?;
        let page: Vec<&Candidate> = candidates
            .iter()
            .skip(options.offset)
            .take(options.limit)
            .collect();
        let mut gather = Gather::default();
        let stored: Vec<_> = page
            .iter()
            .map(|c| gather.take(self.stored(c.doc)))
            .collect();
        gather.finish()?;
        // Built only if some hit's text is not the last search's.
        let mut targets = None;
        let targets_key = Arc::new(targets_key(query, &expansions));
        let mut shown_of = |stored: &StoredDocument, c: &Candidate| {
            let targets = targets.get_or_insert_with(|| self.highlight_targets(query, &expansions));
            let excerpt = self.body_excerpt(c.doc, &stored.body, targets, c.in_body);
            Shown::of(stored, excerpt, targets, c.in_body)
        };
        let mut hits = Vec::with_capacity(page.len());
        for (n, (c, stored)) in page.iter().zip(stored.into_iter().flatten()).enumerate() {
            if n < KEPT_HITS {
                let key = ShownKey {
                    doc: c.doc,
                    held: c.in_body,
                    targets: Arc::clone(&targets_key),
                };
                let shown = self.recent.shown(key, || shown_of(&stored, c))?;
                hits.push(hit(stored, c, Shown::clone(&shown)));
            } else {
                let shown = shown_of(&stored, c);
                hits.push(hit(stored, c, shown));
            }
        }
        Ok(SearchResults {
            hits,
            total,
            facets,
            suggestion: None,
        })
    }

    /// The excerpt of page `doc`'s body: from its term places when they are at hand (see
    /// [`crate::recent`]), else from a scan, whose cost is noted.
    fn body_excerpt(
        &self,
        doc: u32,
        body: &str,
        targets: &Targets,
        held: Clauses,
    ) -> (String, Vec<Range<usize>>) {
        if let Some(places) = self.recent.places(doc, body) {
            return excerpt_in(body, &places, targets, held);
        }
        let (excerpt, analysed) = excerpt_reading(body, targets, held);
        self.recent.scanned(doc, body.len(), analysed);
        excerpt
    }

    /// The candidates of `query`, ranked through its page (and those proximity re-ranks),
    /// how many match, their facets when asked for, and each clause's expansions. A query
    /// that is a costly word being typed, with the default options, reads its first page
    /// from its term piece (see [`crate::first_page`]).
    fn rank(&self, query: &Query, options: &SearchOptions) -> Result<Ranked, Needs> {
        let in_language;
        let options = match self.language_filter(options.lang.as_deref()) {
            Some(filter) => {
                in_language = SearchOptions {
                    filters: options.filters.iter().cloned().chain([filter]).collect(),
                    ..options.clone()
                };
                &in_language
            }
            None => options,
        };
        let browsing = query.is_empty();
        if browsing && !has_restrictions(options) {
            return Ok(Ranked::default());
        }
        let bm25 = Bm25f::new(self, options.weights);
        let mut gather = Gather::default();
        let expansions = gather.take(self.expand_clauses(query, options));
        let excluded = gather.take(self.expand_excluded(query, &options.weights));
        let keep = gather.take(self.restrictions(options));
        if options.facets {
            gather.take(self.filters());
        }
        if options.sort == Sort::Date {
            gather.take(self.dates());
        }
        gather.finish()?;
        let (expansions, excluded) = (expansions.unwrap_or_default(), excluded.unwrap_or_default());
        if let Some(page) = self.stored_first_page(query, options) {
            return Ok(Ranked {
                candidates: page.hits.iter().map(Candidate::from).collect(),
                total: page.total as usize,
                facets: Facets::new(),
                expansions,
            });
        }
        let mut keep = Keep {
            allowed: keep.flatten(),
            excluded: Vec::new(),
        };
        let proximity_words = proximity_words(query, &expansions, options.weights.proximity);
        self.require_postings(
            query
                .clauses
                .iter()
                .zip(&expansions)
                .enumerate()
                .flat_map(|(c, (clause, atoms))| {
                    let proximity = proximity_words.contains(&c);
                    clause.alternatives.iter().zip(atoms).map(move |(atom, e)| {
                        (
                            e.as_slice(),
                            proximity || matches!(atom, Atom::Phrase { .. }),
                        )
                    })
                })
                .chain(
                    query
                        .excluded
                        .iter()
                        .zip(&excluded)
                        .map(|(atom, e)| (e.as_slice(), matches!(atom, Atom::Phrase { .. }))),
                ),
        )?;
        // What each clause's words as typed matched.
        let (mut candidates, typed) = if browsing {
            keep.excluded = self.exclusions(query, &excluded, None)?;
            let all = (0..self.document_count() as u32)
                .filter(|&doc| keep.keeps(doc))
                .map(|doc| Candidate {
                    doc,
                    tier: 0,
                    score: 0.0,
                    in_body: Clauses::default(),
                    matched_clauses: Clauses::ALL,
                })
                .collect();
            (all, Vec::new())
        } else {
            self.score_clauses(
                query,
                (&expansions, &excluded),
                &bm25,
                &mut keep,
                options.require_all,
            )?
        };
        let page_end = options.offset.saturating_add(options.limit);
        // Sorted by date, every candidate's score may break a tie between two dates: the most
        // proximity re-ranks are sorted too. Otherwise the page is, and proximity looks past it
        // only at the candidates it may lift onto it.
        let by_date = options.sort == Sort::Date && !proximity_words.is_empty();
        let sorted = if by_date { PROXIMITY_CANDIDATES } else { 0 };
        select_by(&mut candidates, page_end.max(sorted), Candidate::order);
        if !browsing {
            let words: Vec<ProximityWord> = proximity_words
                .iter()
                .map(|&c| ProximityWord {
                    clause: c,
                    title_field: is_title_field(&query.clauses[c]),
                    expansions: expansions[c][0].as_slice(),
                    documents: typed[c].as_ref().map_or(0, |scores| scores.documents),
                    noted: typed[c].as_ref().and_then(|scores| scores.noted.as_ref()),
                })
                .collect();
            // Sorted by date, every candidate's score may break a tie between two dates.
            let ranked = match options.sort {
                Sort::Date => candidates.len(),
                _ => page_end,
            };
            self.add_proximity(
                &words,
                &mut candidates,
                ranked,
                &bm25,
                options.weights.proximity,
            )?;
        }
        if options.sort == Sort::Date {
            let dates = self.dates()?;
            let date = |d: u32| dates.get(d as usize).filter(|d| !d.is_empty());
            select_by(&mut candidates, page_end, |a, b| {
                date(b.doc)
                    .cmp(&date(a.doc))
                    .then_with(|| Candidate::order(a, b))
            });
        }
        Ok(Ranked {
            total: candidates.len(),
            facets: if options.facets {
                self.facets(&candidates)?
            } else {
                Facets::new()
            },
            candidates,
            expansions,
        })
    }

    /// The first page stored for `query`, if it is a word being typed alone whose page the
    /// index holds, searched with the default options for a page within it.
    fn stored_first_page(&self, query: &Query, options: &SearchOptions) -> Option<FirstPage> {
        let term = query.word_being_typed()?;
        // The language searched is a filter by now.
        if !options.ranks_as_default() {
            return None;
        }
        let page = self.first_page(term)?;
        let whole = page.hits.len() == page.total as usize;
        let fits = whole || options.offset.saturating_add(options.limit) <= page.hits.len();
        let languages = &self.entry.languages;
        let as_stored = Query::parse(term, options.syntax, options.typing, languages);
        (fits && *query == as_stored).then_some(page)
    }

    /// The first pages of `prefixes` typed alone, for each term piece (the piece each prefix
    /// falls in): what [`crate::IndexBuilder`] stores in an index it has just written.
    pub(crate) fn first_pages(&self, prefixes: &[String]) -> Vec<Vec<FirstPage>> {
        let mut pages = vec![Vec::new(); self.entry.term_pieces.len()];
        for prefix in prefixes {
            // One search each: what it keeps for the next is dropped by the next.
            self.recent.begin();
            let page = self.first_page_of(prefix);
            self.recent.answered();
            if let Some(page) = page {
                pages[self.term_piece_of(prefix)].push(page);
            }
        }
        pages
    }

    /// The first page of `prefix` typed alone, unless the query it makes is not that word
    /// being typed and nothing else.
    fn first_page_of(&self, prefix: &str) -> Option<FirstPage> {
        let options = SearchOptions {
            limit: FIRST_PAGE_HITS,
            ..SearchOptions::default()
        };
        let query = Query::parse(
            prefix,
            options.syntax,
            options.typing,
            &self.entry.languages,
        );
        if query.word_being_typed() != Some(prefix) {
            return None;
        }
        let ranked = self.rank(&query, &options).ok()?;
        let first = ranked.candidates.iter().take(FIRST_PAGE_HITS);
        Some(FirstPage {
            term: prefix.to_string(),
            total: ranked.total as u32,
            hits: first.map(PageHit::from).collect(),
        })
    }

    /// Each clause's atoms' expansions; a repeated atom is expanded once.
    fn expand_clauses(
        &self,
        query: &Query,
        options: &SearchOptions,
    ) -> Result<ClauseExpansions, Needs> {
        let mut gather = Gather::default();
        let mut expansions = Vec::with_capacity(query.clauses.len());
        for clause in &query.clauses {
            let mut atoms = Vec::with_capacity(clause.alternatives.len());
            for atom in &clause.alternatives {
                // An atom met again (in this search or the last) is looked up in `recent`.
                let key = ExpansionKey {
                    atom: atom.clone(),
                    typing: options.typing,
                    typos: options.typos,
                    weights: options.weights,
                };
                let expanded = gather.take(self.recent.expansions(key, || {
                    self.expand(atom, options.typing, options.typos, &options.weights)
                }));
                atoms.push(expanded.unwrap_or_default());
            }
            expansions.push(atoms);
        }
        gather.finish()?;
        Ok(expansions)
    }

    /// Each excluded atom's expansions: exact words and their inflections, no completions.
    fn expand_excluded(
        &self,
        query: &Query,
        weights: &Weights,
    ) -> Result<Vec<Vec<Expansion>>, Needs> {
        let mut gather = Gather::default();
        let expansions = query
            .excluded
            .iter()
            .map(|atom| {
                // `-folder` leaves out the pages saying folder, not those saying directory.
                let mut expansions = gather
                    .take(self.expand(atom, false, false, weights))
                    .unwrap_or_default();
                expansions.retain(|e| !e.synonym);
                expansions
            })
            .collect();
        gather.finish()?;
        Ok(expansions)
    }

    /// Which documents pass the filters and date bounds, when there are some.
    fn restrictions(&self, options: &SearchOptions) -> Result<Option<Vec<bool>>, Needs> {
        if !has_restrictions(options) {
            return Ok(None);
        }
        let documents = self.document_count();
        let mut keep = vec![true; documents];
        let filtering = options.filters.iter().any(|(_, v)| !v.is_empty());
        let dating = options.date_from.is_some() || options.date_to.is_some();
        let mut gather = Gather::default();
        let filters = if filtering {
            gather.take(self.filters())
        } else {
            Some(&[][..])
        };
        let dates = if dating {
            gather.take(self.dates())
        } else {
            Some(Texts::none())
        };
        gather.finish()?;
        let (filters, dates) = (filters.unwrap_or_default(), dates.unwrap_or(Texts::none()));
        for (name, accepted) in options.filters.iter().filter(|(_, v)| !v.is_empty()) {
            let mut passes = vec![false; documents];
            let Some((_, values)) = filters.iter().find(|(filter, _)| filter == name) else {
                keep.fill(false);
                continue;
            };
            for (_, docs) in values
                .iter()
                .filter(|(value, _)| accepted.iter().any(|a| a == value))
            {
                for &doc in docs {
                    passes[doc as usize] = true;
                }
            }
            for (kept, passed) in keep.iter_mut().zip(passes) {
                *kept &= passed;
            }
        }
        if dating {
            for (doc, kept) in keep.iter_mut().enumerate() {
                let date = dates.get(doc).filter(|d| !d.is_empty());
                let after_from = options
                    .date_from
                    .as_deref()
                    .is_none_or(|from| date.is_some_and(|d| d >= from));
                let before_to = options
                    .date_to
                    .as_deref()
                    .is_none_or(|to| date.is_some_and(|d| d <= to));
                *kept &= after_from && before_to;
            }
        }
        Ok(Some(keep))
    }

    /// Scores each clause and returns the kept documents that match every required clause
    /// (when `require_all` and some document does) and, for a query of
    /// [`CLAUSES_TO_SPARE_ONE`] clauses or more, those lacking one, their score lowered by
    /// [`Weights::lacking`](crate::ranking::Weights::lacking); or else those matching
    /// any. A document whose title holds every clause ranks by how much of the title they
    /// make: exactly the query as typed, it comes first; exactly the query in another form (a
    /// compound's joined form), next; the query and more words, its score grows with the
    /// share of the title the query makes. Only the documents some clause matches are kept in memory.
    /// Also returns how many documents each clause's words as typed matched.
    fn score_clauses(
        &self,
        query: &Query,
        (expansions, excluded): (&[Vec<Vec<Expansion>>], &[Vec<Expansion>]),
        bm25: &Bm25f,
        keep: &mut Keep,
        require_all: bool,
    ) -> Result<(Vec<Candidate>, Vec<Typed>), Needs> {
        let required = query.required() as u8;
        let needed_of_all = match required {
            r if r >= CLAUSES_TO_SPARE_ONE => r - 1,
            r => r,
        };
        // Two to MOST_CLAUSES_GUESSED_ALL required clauses: first as if some document
        // matched them all, each clause scored only in the documents that may still match as
        // many as a candidate then needs (with two, every clause after the first required
        // one, stop words too, only in the documents the first matched: a word being typed
        // completes to many terms, most of whose documents lack the words before it). When
        // none matched all, again without that restriction: the clauses scored in every
        // document the first time are looked up in `recent`, not scored twice. Otherwise,
        // or then, a candidate matches one required clause at least: an optional clause
        // after the last required one is scored only in the documents those matched.
        let mut restricted = require_all && (2..=MOST_CLAUSES_GUESSED_ALL).contains(&required);
        let (scored, typed, all_required) = loop {
            let needed = if restricted {
                needed_of_all
            } else {
                required.min(1)
            };
            let (scored, typed) = self.tally_clauses(query, expansions, bm25, needed)?;
            if !query.excluded.is_empty() {
                let matched: Vec<u32> = scored.iter().map(|e| e.doc).collect();
                keep.excluded = self.exclusions(query, excluded, Some(&matched))?;
            }
            let all_required = require_all
                && scored
                    .iter()
                    .any(|e| e.tally.matched == required && keep.keeps(e.doc));
            // None does: any clause will do, and every document is scored.
            if restricted && !all_required {
                restricted = false;
                continue;
            }
            break (scored, typed, all_required);
        };
        let needed = if all_required { needed_of_all } else { 1 };
        let clauses = query.clauses.len() as u8;
        let candidates = scored
            .into_iter()
            .filter(|e| e.tally.matched >= needed && keep.keeps(e.doc))
            .map(|Scored { doc, score, tally }| {
                let lacks_one = all_required && tally.matched < required;
                let mut candidate = Candidate {
                    doc,
                    tier: 0,
                    score: if lacks_one {
                        score * bm25.weights().lacking
                    } else {
                        score
                    },
                    in_body: tally.in_body,
                    matched_clauses: tally.matched_clauses,
                };
                // A page that defines the name but lacks another word of the query stays below
                // those holding them all. The share is of the required words (never stop words).
                if tally.defined > 0 && !lacks_one {
                    let share = f32::from(tally.defined) / f32::from(required.max(1));
                    candidate.score *= 1.0 + bm25.weights().defined * share.min(1.0);
                }
                if clauses > 0 && tally.in_title == clauses {
                    let title = f32::from(tally.title_length.max(1));
                    let whole = f32::from(tally.width) >= title;
                    candidate.tier = match (whole, tally.exact, tally.as_typed) {
                        (true, e, t) if t == clauses && e == clauses => MAX_TIER,
                        (true, e, _) if e == clauses => 1,
                        _ => candidate.tier,
                    };
                    // A clause the title holds only in another form (`compose` for
                    // `composer`) or by a synonym (`Directory` for `folder`) adds its share as
                    // much as such a match counts.
                    let weights = bm25.weights();
                    let synonyms = tally.synonym_clauses;
                    let other_forms = clauses.saturating_sub(tally.exact).saturating_sub(synonyms);
                    let (synonyms, other_forms) = (f32::from(synonyms), f32::from(other_forms));
                    let form = 1.0
                        - (other_forms * (1.0 - weights.stem) + synonyms * (1.0 - weights.synonym))
                            / f32::from(clauses);
                    candidate.score *= 1.0 + tally.title_share().min(1.0) * form;
                }
                candidate
            })
            .collect();
        Ok((candidates, typed))
    }

    /// Each clause's scores folded into the documents it matches, in document order, and
    /// the scores of each clause's words as typed. Given `needed`, how many
    /// required clauses a candidate matches, a clause is scored only in the documents that
    /// may still match as many with the clauses left (all, for the first; every clause in
    /// every document when `needed` is 0).
    fn tally_clauses(
        &self,
        query: &Query,
        expansions: &[Vec<Vec<Expansion>>],
        bm25: &Bm25f,
        needed: u8,
    ) -> Result<(Vec<Scored>, Vec<Typed>), Needs> {
        let documents = self.document_count();
        let mut required_left = query.required() as u8;
        let mut typed = vec![None; query.clauses.len()];
        // The documents matched so far, in document order.
        let mut scored: Vec<Scored> = Vec::new();
        for ((clause_number, target), (clause, clause_expansions)) in (1u8..)
            .zip(query.required_numbers())
            .zip(query.clauses.iter().zip(expansions))
        {
            let in_body = target.map_or(Clauses::default(), |t| Clauses::default().with(t));
            let within = needed
                .checked_sub(required_left)
                .filter(|&least| least > 0)
                .map(|least| {
                    let mut within = DocumentSet::new(documents);
                    for entry in scored.iter().filter(|e| e.tally.matched >= least) {
                        within.insert(entry.doc);
                    }
                    Arc::new(within)
                });
            required_left -= u8::from(!clause.optional);
            // A word typed twice weighs more, but takes no more of a title: the same words of it.
            let repeated = query.clauses[..usize::from(clause_number - 1)]
                .iter()
                .any(|earlier| clause.repeats(earlier));
            for (alternative, (atom, atom_expansions)) in clause
                .alternatives
                .iter()
                .zip(clause_expansions)
                .enumerate()
            {
                let compound = clause.is_joined_name(alternative);
                let width = match repeated {
                    true => 0,
                    false => atom.width().min(u16::from(u8::MAX)) as u8,
                };
                // A phrase is scored in every document, whatever the set.
                let within = within.clone().filter(|_| matches!(atom, Atom::Word { .. }));
                let key = ScoreKey {
                    scored_as: ScoredAs::of(atom),
                    expansions: atom_expansions.clone(),
                    weights: *bm25.weights(),
                    within: within.clone(),
                };
                let scores = self.recent.scores(key, || {
                    self.score_atom(atom, atom_expansions, bm25, within.as_ref())
                })?;
                if alternative == 0 {
                    typed[usize::from(clause_number - 1)] = Some(Arc::clone(&scores));
                }
                let generic = atom.is_stop_word(&self.entry.languages)
                    || scores.documents as f32 > GENERIC_SHARE * documents as f32;
                let specific_width = if generic { 0 } else { width };
                // The query's words joined stand in every clause: one word's worth in all.
                let share = match atom {
                    Atom::Word { joined: true, .. } => 1.0 / query.clauses.len() as f32,
                    _ => 1.0,
                };
                scored = merge(scored, &scores.matches, |entry, m| {
                    let tally = &mut entry.tally;
                    entry.score += m.score * share;
                    tally.title_length = m.norms.title_length.min(u32::from(u16::MAX)) as u16;
                    tally.title_stop = m.norms.title_stop;
                    tally.title_generic = m.norms.title_generic;
                    if tally.clause != clause_number {
                        tally.close_clause();
                        tally.clause = clause_number;
                        tally.matched += u8::from(!clause.optional);
                        tally.matched_clauses =
                            tally.matched_clauses.with(usize::from(clause_number - 1));
                    }
                    if m.in_title {
                        let first = !tally.this.in_title;
                        tally.this.in_title = true;
                        tally.this.width = tally.this.width.max(width);
                        tally.this.specific_width = tally.this.specific_width.max(specific_width);
                        tally.this.part_only = (first || tally.this.part_only) && m.part_in_title;
                        tally.this.synonym_only =
                            (first || tally.this.synonym_only) && m.synonym_in_title;
                    }
                    if m.exact_in_title {
                        tally.this.exact = true;
                        tally.this.as_typed |= alternative == 0;
                    }
                    if m.in_body {
                        tally.in_body = tally.in_body.union(in_body);
                    }
                    tally.this.defined |= compound && m.in_lead;
                });
            }
        }
        for entry in &mut scored {
            entry.tally.close_clause();
        }
        Ok((scored, typed))
    }
}

/// The scores of a clause's words as typed (its first alternative), if it was scored.
type Typed = Option<Arc<AtomScores>>;

/// A search's candidates, ranked through its page (see [`Index::rank`]).
#[derive(Default)]
struct Ranked {
    candidates: Vec<Candidate>,
    /// Documents matching in all (candidates past the page may be left out).
    total: usize,
    facets: Facets,
    expansions: ClauseExpansions,
}

/// A document some clause matched: its score so far and what it matched.
#[derive(Clone, Copy)]
struct Scored {
    doc: u32,
    score: f32,
    tally: Tally,
}

/// `scored` with each of an atom's `matches` (in document order, each document once)
/// folded into its document's entry by `add`, a new entry for a document not matched yet.
/// In place: the entries already there are moved only to make room for the new ones.
fn merge(
    mut scored: Vec<Scored>,
    matches: &[AtomMatch],
    mut add: impl FnMut(&mut Scored, &AtomMatch),
) -> Vec<Scored> {
    // Fold the matches of documents already scored; count the others.
    let mut new = 0;
    let mut at = 0;
    for m in matches {
        while scored.get(at).is_some_and(|e| e.doc < m.doc) {
            at += 1;
        }
        match scored.get_mut(at) {
            Some(entry) if entry.doc == m.doc => add(entry, m),
            _ => new += 1,
        }
    }
    if new == 0 {
        return scored;
    }
    // Merge from the back, each entry moved once to its final place.
    let old = scored.len();
    let blank = Scored {
        doc: 0,
        score: 0.0,
        tally: Tally::default(),
    };
    scored.resize(old + new, blank);
    let (mut read, mut write) = (old, old + new);
    for m in matches.iter().rev() {
        while read > 0 && scored[read - 1].doc > m.doc {
            read -= 1;
            write -= 1;
            scored[write] = scored[read];
        }
        if read > 0 && scored[read - 1].doc == m.doc {
            read -= 1;
            write -= 1;
            scored[write] = scored[read];
            continue;
        }
        write -= 1;
        scored[write] = Scored {
            doc: m.doc,
            ..blank
        };
        add(&mut scored[write], m);
    }
    scored
}

/// Which documents a search may return: those passing the filters and date bounds (all,
/// without any) that no excluded word or phrase matches.
struct Keep {
    allowed: Option<Vec<bool>>,
    /// Documents an exclusion matches, sorted.
    excluded: Vec<u32>,
}

impl Keep {
    fn keeps(&self, doc: u32) -> bool {
        self.allowed
            .as_ref()
            .is_none_or(|allowed| allowed.get(doc as usize) == Some(&true))
            && self.excluded.binary_search(&doc).is_err()
    }
}

/// What one document matched of the query, clause by clause (small: there is one per
/// document on every search).
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    /// The clause being scored (1-based), and what it matched in the title so far.
    clause: u8,
    this: ClauseInTitle,
    /// Required clauses matched.
    matched: u8,
    /// Clauses in the title; the title positions they take; those matched by their exact
    /// terms; those matched so by the alternative as typed.
    in_title: u8,
    width: u8,
    exact: u8,
    as_typed: u8,
    /// The title positions taken by clauses of words that are not common.
    specific_width: u8,
    /// Clauses in the title only as parts of compounds; only by synonyms.
    part_clauses: u8,
    synonym_clauses: u8,
    /// Clauses whose compound the page's lead, a heading or a defining line holds.
    defined: u8,
    title_length: u16,
    title_stop: u8,
    title_generic: u8,
    /// The clauses the body holds, numbered as the highlight targets are.
    in_body: Clauses,
    /// The clauses matched, by their place in the query.
    matched_clauses: Clauses,
}

/// How one clause matched a title.
#[derive(Debug, Clone, Copy, Default)]
struct ClauseInTitle {
    in_title: bool,
    /// The title positions it takes (none for a word typed again).
    width: u8,
    specific_width: u8,
    /// Matched in the title only as a part of compounds.
    part_only: bool,
    /// Matched in the title only by a synonym.
    synonym_only: bool,
    exact: bool,
    as_typed: bool,
    /// Matched as the compound typed in the page's lead, a heading or a defining line.
    defined: bool,
}

impl Tally {
    /// How much of the title the query makes: mostly of its uncommon words, when the query
    /// has some ("ArrayIterator" is all of "The ArrayIterator class" but half of
    /// "ArrayIterator::getFlags"); else of all its words.
    fn title_share(&self) -> f32 {
        // A lone word that is only a part of a title's identifier covers half of it; two or
        // more such words are taken as the whole identifier spelt apart (`array push`).
        let parts = if self.part_clauses == 1 { 0.5 } else { 0.0 };
        let share = (f32::from(self.width) - parts) / f32::from(self.title_length.max(1));
        if self.specific_width == 0 {
            return share;
        }
        let words = self.title_length.saturating_sub(self.title_stop.into());
        let share = (f32::from(self.width) - parts) / f32::from(words.max(1));
        let specific_length = words.saturating_sub(self.title_generic.into());
        let specific_share =
            (f32::from(self.specific_width) - parts).max(0.0) / f32::from(specific_length.max(1));
        // Of two titles the query makes all the uncommon words of, the shorter still wins.
        0.75 * specific_share.min(1.0) + 0.25 * share.min(1.0)
    }

    /// Adds what the clause being scored matched in the title, and clears it for the next.
    fn close_clause(&mut self) {
        let this = std::mem::take(&mut self.this);
        if this.in_title {
            self.in_title += 1;
            self.width = self.width.saturating_add(this.width);
            self.specific_width = self.specific_width.saturating_add(this.specific_width);
            self.part_clauses += u8::from(this.part_only);
            self.synonym_clauses += u8::from(this.synonym_only);
        }
        self.exact += u8::from(this.exact);
        self.as_typed += u8::from(this.as_typed);
        self.defined += u8::from(this.defined);
    }
}

/// A document a search returns, with what orders it: a title that is exactly the query
/// first (as typed, then in another form), then the others; within each, the score, then
/// the number.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    doc: u32,
    tier: u8,
    score: f32,
    /// The clauses the body holds (see [`Tally::in_body`]): the excerpt looks for no others.
    in_body: Clauses,
    /// The clauses matched (see [`Tally::matched_clauses`]): proximity weighs only pairs of
    /// them.
    matched_clauses: Clauses,
}

impl Candidate {
    /// Better first; documents are numbered by id, so ties go to the smaller id.
    fn order(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
        b.tier
            .cmp(&a.tier)
            .then(b.score.total_cmp(&a.score))
            .then(a.doc.cmp(&b.doc))
    }
}

impl From<&Candidate> for PageHit {
    fn from(candidate: &Candidate) -> PageHit {
        PageHit {
            doc: candidate.doc,
            tier: candidate.tier,
            score: candidate.score,
            in_body: candidate.in_body.bits(),
        }
    }
}

impl From<&PageHit> for Candidate {
    fn from(hit: &PageHit) -> Candidate {
        Candidate {
            doc: hit.doc,
            tier: hit.tier,
            score: hit.score,
            in_body: Clauses::from_bits(hit.in_body),
            matched_clauses: Clauses::ALL,
        }
    }
}

fn has_restrictions(options: &SearchOptions) -> bool {
    options.filters.iter().any(|(_, values)| !values.is_empty())
        || options.date_from.is_some()
        || options.date_to.is_some()
}

/// The clauses whose words earn a proximity bonus: single words as typed that matched
/// something (whatever the words make joined), when there are two or more of them.
fn proximity_words(query: &Query, expansions: &[Vec<Vec<Expansion>>], weight: f32) -> Vec<usize> {
    let words: Vec<usize> = query
        .clauses
        .iter()
        .zip(expansions)
        .enumerate()
        .filter_map(
            |(c, (clause, e))| match (clause.alternatives.first(), e.first()) {
                (Some(Atom::Word { .. }), Some(typed)) if !typed.is_empty() && !clause.optional => {
                    Some(c)
                }
                _ => None,
            },
        )
        .collect();
    if words.len() < 2 || weight <= 0.0 {
        Vec::new()
    } else {
        words
    }
}

/// Whether a clause's words as typed are of the title field (`title:word`).
fn is_title_field(clause: &Clause) -> bool {
    matches!(
        clause.alternatives.first(),
        Some(Atom::Word {
            field: Field::Title,
            ..
        })
    )
}

/// What a hit shows of its page beside the page's stored fields. It follows from the page,
/// the query's highlight targets and the clauses the page holds, so a keystroke whose targets
/// are the last one's (a word typed on whose completions stay the same) takes it from there
/// ([`ShownKey`]).
#[derive(Debug, Clone)]
pub(crate) struct Shown {
    excerpt: String,
    excerpt_matches: Vec<Range<usize>>,
    title_matches: Vec<Range<usize>>,
    sections: Vec<SectionHit>,
}

impl Shown {
    /// What `stored` shows, the excerpt of its body given.
    fn of(
        stored: &StoredDocument,
        (excerpt, excerpt_matches): (String, Vec<Range<usize>>),
        targets: &Targets,
        held: Clauses,
    ) -> Shown {
        Shown {
            excerpt,
            excerpt_matches,
            title_matches: highlight(&stored.title, targets),
            sections: best_sections(stored, targets, held),
        }
    }
}

/// A page's hit: its stored fields and what it shows, moved into it.
fn hit(stored: StoredDocument, candidate: &Candidate, shown: Shown) -> Hit {
    Hit {
        id: stored.id,
        title: stored.title,
        date: stored.date,
        url: stored.url,
        meta: stored.meta,
        score: candidate.score,
        excerpt: shown.excerpt,
        excerpt_matches: shown.excerpt_matches,
        title_matches: shown.title_matches,
        sections: shown.sections,
    }
}

/// Calls `visit` with each required clause's atoms, their clause numbers (as highlights
/// number them) and their expansions: what a query highlights.
fn for_each_highlighted<'q>(
    query: &'q Query,
    expansions: &'q [Vec<Vec<Expansion>>],
    mut visit: impl FnMut(usize, &'q Atom, &'q [Expansion]),
) {
    let required = query
        .required_numbers()
        .zip(query.clauses.iter().zip(expansions));
    for (number, (clause, atoms)) in required {
        let Some(number) = number else { continue };
        for (atom, atom_expansions) in clause.alternatives.iter().zip(atoms) {
            visit(number, atom, atom_expansions);
        }
    }
}

/// The highlight targets ([`Index::highlight_targets`]) as numbers, equal for two queries
/// exactly when their targets are: the required clauses' count, then each highlighted atom's
/// clause, kind (0 for a word, else 1 + a phrase's length), count of terms and terms.
fn targets_key(query: &Query, expansions: &[Vec<Vec<Expansion>>]) -> Vec<u32> {
    let mut key = vec![query.required() as u32];
    for_each_highlighted(query, expansions, |clause, atom, atom_expansions| {
        let kind = match atom {
            Atom::Word { .. } => 0,
            Atom::Phrase { terms, .. } => 1 + terms.len() as u32,
        };
        key.extend([clause as u32, kind, atom_expansions.len() as u32]);
        key.extend(atom_expansions.iter().map(|e| e.term));
    });
    key
}

impl Index {
    /// Adds the proximity bonus to the best candidates and re-sorts them, so that the first
    /// `ranked` are those, and in the order, that a bonus for every one of the best
    /// [`PROXIMITY_CANDIDATES`] gives. The first `ranked` come sorted (the best
    /// [`PROXIMITY_CANDIDATES`], when `ranked` reaches them). A candidate that its largest
    /// bonus (for the pairs of words it holds) could not lift to the `ranked`th place (each of
    /// the `ranked` before it keeps at least its score) is left without one, and its positions
    /// are not read.
    fn add_proximity(
        &self,
        words: &[ProximityWord],
        candidates: &mut [Candidate],
        ranked: usize,
        bm25: &Bm25f,
        weight: f32,
    ) -> Result<(), Needs> {
        if words.len() < 2 {
            return Ok(());
        }
        let pair_bonuses = Self::most_pair_bonuses(words, bm25, weight);
        let most = |held| Self::most_proximity_bonus(words, &pair_bonuses, held);
        let top = candidates.len().min(PROXIMITY_CANDIDATES);
        // The candidate a candidate past the page must pass to reach it, when there is one.
        let last = (ranked > 0 && ranked < top).then(|| candidates[ranked - 1]);
        let may_reach = |c: &Candidate, most: f32| {
            let lifted = Candidate {
                score: c.score + most,
                ..*c
            };
            last.is_none_or(|last| Candidate::order(&lifted, &last) != Ordering::Greater)
        };
        let reached = match ranked {
            0 => 0,
            _ if ranked >= top => top,
            _ => {
                // The first `ranked` are sorted; of the others, those the largest bonus would
                // lift onto them come first, and of them the best, which proximity may weigh
                // (the ones it would lift are the best of the others: a bonus keeps their order).
                let most_of_any = most(Clauses::ALL);
                let lifted = partition(&mut candidates[ranked..], |c| may_reach(c, most_of_any));
                let weighed = lifted.min(top - ranked);
                if lifted > weighed {
                    select_by(
                        &mut candidates[ranked..ranked + lifted],
                        weighed,
                        Candidate::order,
                    );
                }
                ranked + weighed
            }
        };
        // Each of those candidates' document and place, in document order; past the page,
        // only those their own largest bonus may lift onto it.
        let mut places: Vec<(u32, usize)> = candidates[..reached]
            .iter()
            .enumerate()
            .filter(|(i, c)| *i < ranked || may_reach(c, most(c.matched_clauses)))
            .map(|(i, c)| (c.doc, i))
            .collect();
        sort_by(&mut places, |a, b| a.0.cmp(&b.0));
        let docs: Vec<u32> = places.iter().map(|p| p.0).collect();
        let bonus = self.proximity_bonus(words, &docs, bm25, weight)?;
        for ((_, i), b) in places.iter().zip(bonus) {
            candidates[*i].score += b;
        }
        // Each of them was before every later one and gained: the later ones stay after.
        sort_by(&mut candidates[..reached], Candidate::order);
        Ok(())
    }

    /// The documents the query's exclusions match, sorted: a phrase is looked for only
    /// `within` the documents given (those the query's clauses match), not in every page.
    fn exclusions(
        &self,
        query: &Query,
        excluded: &[Vec<Expansion>],
        within: Option<&[u32]>,
    ) -> Result<Vec<u32>, Needs> {
        let mut documents = Vec::new();
        for (atom, atom_expansions) in query.excluded.iter().zip(excluded) {
            documents.extend(self.excluded_documents(atom, atom_expansions, within)?);
        }
        sort_by(&mut documents, u32::cmp);
        Ok(documents)
    }

    /// Every filter with each of its values and the number of documents carrying it, over
    /// the whole index (a chunked index needs its filters piece).
    pub fn try_filter_counts(&self) -> Result<Facets, Needs> {
        Ok(self
            .filters()?
            .iter()
            .map(|(name, values)| {
                let counts = values.iter().map(|(v, docs)| (v.to_string(), docs.len()));
                (name.clone(), counts.collect())
            })
            .collect())
    }

    /// For each filter name, how many candidates carry each value (values with none left out).
    fn facets(&self, candidates: &[Candidate]) -> Result<Facets, Needs> {
        let mut member = vec![false; self.document_count()];
        for c in candidates {
            member[c.doc as usize] = true;
        }
        let mut facets = Facets::new();
        for (name, values) in self.filters()? {
            let counts: Vec<(String, usize)> = values
                .iter()
                .map(|(value, docs)| {
                    let count = docs.iter().filter(|&&d| member[d as usize]).count();
                    (value.to_string(), count)
                })
                .filter(|(_, count)| *count > 0)
                .collect();
            if !counts.is_empty() {
                facets.push((name.clone(), counts));
            }
        }
        Ok(facets)
    }

    /// What to highlight: every expansion of every required word, and required phrases, each
    /// with its clause.
    fn highlight_targets(&self, query: &Query, expansions: &[Vec<Vec<Expansion>>]) -> Targets<'_> {
        let mut words = Vec::new();
        let mut phrases = Vec::new();
        // Optional clauses are not highlighted: "at" would be marked everywhere, and a word
        // being typed that may become a stop word (`fr`) is not yet what the visitor means.
        for_each_highlighted(query, expansions, |clause, atom, atom_expansions| {
            // A camelCase part is looked for as a part of the words of the text.
            let terms = atom_expansions
                .iter()
                .map(|e| self.term(e.term).trim_start_matches(CAMEL_PART));
            match atom {
                Atom::Word { .. } => words.extend(terms.map(|t| (t, clause))),
                Atom::Phrase { terms: words, .. } => {
                    // One phrase per term its last word may be.
                    let all: Vec<&str> = terms.collect();
                    let (fixed, last) = all.split_at(all.len().min(words.len().saturating_sub(1)));
                    for end in last {
                        let phrase = fixed.iter().chain([end]).copied().collect();
                        phrases.push((phrase, clause));
                    }
                }
            }
        });
        Targets::new(words, phrases, query.required())
    }

    /// The query text with each unknown word replaced by its most frequent near match, when
    /// any was: operators, other words and the word's capitalisation are kept.
    fn suggest(&self, text: &str) -> Result<Option<String>, Needs> {
        let text: &str = match text.char_indices().nth(MAX_QUERY_CHARS) {
            Some((end, _)) => &text[..end],
            None => text,
        };
        let mut words: Vec<(Range<usize>, String)> = Vec::new();
        analyze(text, |t| {
            let operator = text[t.span.end..].starts_with(':') || &text[t.span.clone()] == "OR";
            if t.role == CompoundRole::Word && !operator && words.len() < MAX_WORDS {
                words.push((t.span, t.term.to_string()));
            }
        });
        let mut suggestion = String::new();
        let mut copied = 0;
        let mut gather = Gather::default();
        let closest: Vec<_> = words
            .iter()
            .map(|(_, term)| gather.take(self.closest_term(term)).flatten())
            .collect();
        gather.finish()?;
        for ((span, _), replacement) in words.into_iter().zip(closest) {
            // Bigrams of unspaced text overlap: a word within the last one replaced stays.
            let Some(replacement) = replacement.filter(|_| span.start >= copied) else {
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
        Ok((copied > 0).then(|| suggestion + &text[copied..]))
    }

    /// For a term the index does not know in any inflection, its most frequent near match:
    /// one edit more than matching allows for 3-letter words, none for shorter ones.
    fn closest_term(&self, term: &str) -> Result<Option<&str>, Needs> {
        let mut gather = Gather::default();
        let exact = gather.take(self.find_term(term));
        let members = gather.take(self.stem_family(term, &self.stem_keys(term), true));
        gather.finish()?;
        let known = exact.flatten().is_some() || !members.unwrap_or_default().is_empty();
        if known || term.chars().count() < 3 {
            return Ok(None);
        }
        let fuzzy = self.fuzzy_terms(term, typo_budget(term).clamp(1, 2), false)?;
        Ok(fuzzy
            .into_iter()
            .map(|(term, typos)| (typos, self.doc_count(term), term))
            .min_by(better)
            .map(|(_, _, term)| self.term(term)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::postings::Norms;
    use crate::IndexBuilder;

    /// A word typed alone whose completions are costly reads its first page from the index:
    /// the same hits, scores, excerpts and total as ranking its postings, for a page within
    /// it; other options, or a page beyond it, rank as usual.
    #[test]
    fn a_word_typed_alone_finds_on_its_stored_first_page_what_ranking_finds() {
        let words: Vec<&str> = "config configuration configure constant constants connect \
            connection install installing in index int the of session server stream statement \
            cost costly"
            .split_whitespace()
            .collect();
        let mut text = crate::testing::texts(&words, 0x51d3_0c27_u32);
        // Dates, a filter and two languages: options that change the ranking.
        let mut documents: Vec<Document> = (0..2500u32)
            .map(|d| Document {
                date: Some(format!("2024-{:02}-01", 1 + d % 12)),
                filters: [(
                    "kind".to_string(),
                    vec![["a", "b"][d as usize % 2].to_string()],
                )]
                .into(),
                lang: Some(["en", "fr"][usize::from(d % 7 == 0)].to_string()),
                ..Document::new(format!("d{d}"), text(2 + d % 3), text(4 + d % 9))
            })
            .collect();
        // Titles that are exactly a word come first, however little their text says of it.
        let filler = "lorem ipsum dolor sit amet ".repeat(20);
        for title in ["config", "constant", "Installing"] {
            documents.push(Document::new(format!("t-{title}"), title, &filler));
        }
        let index = IndexBuilder::index(documents);
        let mut typed: Vec<String> = words
            .iter()
            .flat_map(|w| (1..=w.len()).map(|end| w[..end].to_string()))
            .collect();
        let others = [
            "Con",
            "CONF",
            "cön",
            "title:con",
            "con -cost",
            "xyz",
            "co co",
            "co ",
        ];
        typed.extend(others.into_iter().chain(["\"co"]).map(String::from));
        let search = |query: &str, options: &SearchOptions| index.search(query, options);
        // The candidates as ranked: document, tier, score and the clauses their text holds.
        let ranked = |query: &str, limit| -> Vec<String> {
            let options = SearchOptions {
                limit,
                ..SearchOptions::default()
            };
            let parsed = Query::parse(query, options.syntax, true, &index.entry.languages);
            let candidates = index
                .rank(&parsed, &options)
                .expect("all loaded")
                .candidates;
            let first = candidates.iter().take(10);
            first
                .map(|c| format!("{} {} {} {:?}", c.doc, c.tier, c.score.to_bits(), c.in_body))
                .collect()
        };
        let mut stored = 0;
        for query in &typed {
            if index.first_page(query).is_some() {
                stored += 1;
                assert_eq!(ranked(query, 10), ranked(query, 11), "{query:?}");
            }
            let variants = [
                SearchOptions::default(),
                SearchOptions {
                    typos: false,
                    ..SearchOptions::default()
                },
                SearchOptions {
                    weights: Weights {
                        title: 0.5,
                        ..Weights::default()
                    },
                    ..SearchOptions::default()
                },
                SearchOptions {
                    filters: vec![("kind".to_string(), vec!["a".to_string()])],
                    ..SearchOptions::default()
                },
                SearchOptions {
                    lang: Some("fr".to_string()),
                    ..SearchOptions::default()
                },
                SearchOptions {
                    sort: Sort::Date,
                    ..SearchOptions::default()
                },
                SearchOptions {
                    facets: true,
                    ..SearchOptions::default()
                },
            ];
            for options in variants {
                let page = search(query, &options);
                // A page past the stored one's end is ranked from the postings.
                let ranked = search(
                    query,
                    &SearchOptions {
                        limit: 11,
                        ..options.clone()
                    },
                );
                assert_eq!(ranked.hits.len(), ranked.total.min(11), "{query:?}");
                let first_ten = &ranked.hits[..ranked.hits.len().min(10)];
                assert_eq!(page.hits, first_ten, "{query:?} {options:?}");
                assert_eq!(page.total, ranked.total, "{query:?}");
                assert_eq!(page.facets, ranked.facets, "{query:?}");
                let later = SearchOptions {
                    offset: 4,
                    limit: 6,
                    ..options.clone()
                };
                assert_eq!(
                    search(query, &later).hits,
                    first_ten.get(4..).unwrap_or(&[])
                );
            }
        }
        assert!(
            stored >= 10,
            "only {stored} of the words typed have a first page"
        );
    }

    /// Scoring each clause only in the documents that may still match enough clauses
    /// changes nothing of those that do: the same documents, scores and tallies, and the
    /// same counts of documents matched, whatever the words, their completions, stop words,
    /// alternatives and number of clauses; and proximity reading the places of the postings
    /// that scoring noted gives each document the bonus that walking the lists again does.
    #[test]
    fn clauses_scored_within_the_documents_that_may_match_score_those_as_all_do() {
        // Synonyms among them (folder and directory, delete and remove) stand for one another.
        let words: Vec<&str> = "install installing config configuration configure constant \
            connect runtime predefined the of in int index session stream swoole server mysqli \
            statement folder directory delete remove"
            .split_whitespace()
            .collect();
        let mut text = crate::testing::texts(&words, 0x1f12_5a3b_u32);
        let documents: Vec<Document> = (0..300)
            .map(|d| Document::new(format!("d{d}"), text(1 + d % 4), text(3 + d % 29)))
            .collect();
        let index = IndexBuilder::index(documents);
        let bm25 = Bm25f::new(&index, Weights::default());
        let mut next = crate::testing::below(0x7c3e_9d01_u32);
        let (mut checked, mut passed_by, mut near) = (0, 0, 0);
        for round in 0..400 {
            let mut query = text(2 + round % 4);
            // The last word cut short, as while typing; an alternative now and then.
            if round % 3 == 0 {
                let cut = 2 + next(4) as usize;
                query.truncate(query.len() - query.len().min(cut).min(3));
            }
            if round % 7 == 0 {
                query = query.replacen(' ', " OR ", 1);
            }
            if round % 5 == 1 {
                query = query.replacen(' ', " title:", 1);
            }
            let options = SearchOptions::default();
            let parsed = Query::parse(&query, options.syntax, true, &index.entry.languages);
            let expansions = index.expand_clauses(&parsed, &options).expect("all loaded");
            let required = parsed.required() as u8;
            let needed = if required >= CLAUSES_TO_SPARE_ONE {
                required - 1
            } else {
                required
            };
            let seen = |scored: &[Scored], least: u8| -> Vec<String> {
                let kept = scored.iter().filter(|e| e.tally.matched >= least);
                kept.map(|e| format!("{} {} {:?}", e.doc, e.score.to_bits(), e.tally))
                    .collect()
            };
            let tally = |needed| index.tally_clauses(&parsed, &expansions, &bm25, needed);
            let counts = |typed: &[Typed]| -> Vec<Option<usize>> {
                typed
                    .iter()
                    .map(|t| t.as_ref().map(|s| s.documents))
                    .collect()
            };
            let (all, all_typed) = tally(0).unwrap();
            let (within, within_typed) = tally(needed).unwrap();
            // As when no document matches every required clause: optional clauses after the
            // required ones are scored only where one of those matched.
            let (one, one_typed) = tally(required.min(1)).unwrap();
            assert_eq!(seen(&one, 1), seen(&all, 1), "{query:?}");
            assert_eq!(counts(&one_typed), counts(&all_typed), "{query:?}");
            let (all_counts, within_counts) = (counts(&all_typed), counts(&within_typed));
            let docs: Vec<u32> = (within.iter())
                .filter(|e| e.tally.matched >= needed)
                .map(|e| e.doc)
                .collect();
            let bonus = |noted: bool| {
                let words: Vec<ProximityWord> = proximity_words(&parsed, &expansions, 1.0)
                    .into_iter()
                    .map(|c| ProximityWord {
                        clause: c,
                        title_field: is_title_field(&parsed.clauses[c]),
                        expansions: &expansions[c][0],
                        documents: within_counts[c].unwrap_or(0),
                        noted: (within_typed[c].as_ref())
                            .and_then(|s| s.noted.as_ref())
                            .filter(|_| noted),
                    })
                    .collect();
                let bonus = index.proximity_bonus(&words, &docs, &bm25, 1.0).unwrap();
                bonus.into_iter().map(f32::to_bits).collect::<Vec<_>>()
            };
            let noted = bonus(true);
            assert_eq!(noted, bonus(false), "{query:?}");
            let any_noted = within_typed.iter().flatten().any(|s| s.noted.is_some());
            near += usize::from(any_noted && noted.iter().any(|&b| b != 0));
            passed_by += usize::from(within.len() < all.len());
            let all = seen(&all, needed);
            checked += usize::from(!all.is_empty());
            assert_eq!(seen(&within, needed), all, "{query:?}");
            assert_eq!(within_counts, all_counts, "{query:?}");
        }
        assert!(
            checked > 200,
            "only {checked} queries matched enough clauses"
        );
        assert!(
            passed_by > 50,
            "only {passed_by} queries passed documents by"
        );
        assert!(
            near > 50,
            "only {near} queries had proximity read from noted postings"
        );
    }

    /// Merging in place gives what merging into a new list would: every document once, in
    /// order, each match folded into its own document's entry.
    #[test]
    fn merge_folds_each_match_into_its_document_in_order() {
        let mut next = crate::testing::below(0x2545_f491_u32);
        let atom = |doc: u32| AtomMatch {
            doc,
            score: doc as f32,
            norms: Norms::default(),
            in_title: false,
            exact_in_title: false,
            part_in_title: false,
            synonym_in_title: false,
            in_body: false,
            in_lead: false,
        };
        for _ in 0..300 {
            let mut expected = std::collections::BTreeMap::new();
            let mut scored = Vec::new();
            for _ in 0..1 + next(4) {
                let mut docs: Vec<u32> = (0..next(40)).map(|_| next(60)).collect();
                docs.sort_unstable();
                docs.dedup();
                let matches: Vec<AtomMatch> = docs.iter().map(|&d| atom(d)).collect();
                for &d in &docs {
                    *expected.entry(d).or_insert(0.0) += d as f32 + 1.0;
                }
                scored = merge(scored, &matches, |entry, m| entry.score += m.score + 1.0);
            }
            let got: Vec<(u32, f32)> = scored.iter().map(|e| (e.doc, e.score)).collect();
            let want: Vec<(u32, f32)> = expected.into_iter().collect();
            assert_eq!(got, want);
        }
    }
}

//! Matching: query words to index terms, and atoms to scored documents.
//!
//! A query word expands to index terms with a weight: the exact term (1.0), its other
//! inflections sharing its English stem, its completions while it is being typed, and, when
//! none of those exist, terms within one or two typos. A word's expansions count as one term
//! for BM25F; a phrase counts its occurrences at consecutive positions.

use crate::analysis::stem;
use crate::index::Index;
use crate::query::{Atom, Field};
use crate::ranking::{Bm25f, Weights};
use crate::sort::{select_by, sort_by};

/// Completions of a word being typed that are searched, the most frequent first.
const MAX_COMPLETIONS: usize = 48;

/// An index term standing for a query word, with how much a match of it counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Expansion {
    pub term: u32,
    pub weight: f32,
}

/// Title and body positions of a term in one document.
pub type Positions = (Vec<u32>, Vec<u32>);

/// Typos allowed in a word: none under 4 characters, one up to 7, two from 8.
pub fn typo_budget(word: &str) -> u32 {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

impl Index {
    /// Index terms for an atom: a word's expansions, or a phrase's exact terms (none when
    /// any of its words is missing).
    pub(crate) fn expand(
        &self,
        atom: &Atom,
        typing: bool,
        typos: bool,
        weights: &Weights,
    ) -> Vec<Expansion> {
        match atom {
            Atom::Word {
                term,
                prefix,
                accented,
                ..
            } => {
                let mut expansions = self.expand_word(term, *prefix && typing, typos, weights);
                if let Some(term) = accented.as_deref().and_then(|a| self.terms.find(a)) {
                    expansions.push(Expansion {
                        term,
                        weight: weights.accent,
                    });
                }
                expansions
            }
            Atom::Phrase { terms, prefix, .. } => self.expand_phrase(terms, *prefix && typing),
        }
    }

    /// A phrase's exact terms, the last one followed by its completions when it is still
    /// being typed; empty when a word has no term.
    fn expand_phrase(&self, terms: &[String], prefix: bool) -> Vec<Expansion> {
        let Some((last, fixed)) = terms.split_last() else {
            return Vec::new();
        };
        let mut expansions: Vec<Expansion> = Vec::new();
        for term in fixed {
            match self.terms.find(term) {
                Some(term) => expansions.push(Expansion { term, weight: 1.0 }),
                None => return Vec::new(),
            }
        }
        let alternatives = if prefix {
            self.completions(last)
        } else {
            self.terms.find(last).into_iter().collect()
        };
        if alternatives.is_empty() {
            return Vec::new();
        }
        expansions.extend(
            alternatives
                .into_iter()
                .map(|term| Expansion { term, weight: 1.0 }),
        );
        expansions
    }

    /// The most frequent terms starting with `prefix`.
    fn completions(&self, prefix: &str) -> Vec<u32> {
        let mut completions: Vec<u32> = self.terms.prefix_range(prefix).collect();
        let doc_count = |t: u32| self.postings[t as usize].doc_count;
        select_by(&mut completions, MAX_COMPLETIONS, |&a, &b| {
            doc_count(b).cmp(&doc_count(a)).then(a.cmp(&b))
        });
        completions.truncate(MAX_COMPLETIONS);
        completions
    }

    fn expand_word(
        &self,
        word: &str,
        prefix: bool,
        typos: bool,
        weights: &Weights,
    ) -> Vec<Expansion> {
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
            let completions: Vec<u32> = self
                .completions(word)
                .into_iter()
                .filter(|t| !expansions.iter().any(|e| e.term == *t))
                .collect();
            expansions.extend(completions.into_iter().map(|term| Expansion {
                term,
                weight: weights.prefix,
            }));
        }
        if expansions.is_empty() && typos && prefix && typo_budget(word) > 0 {
            let mut completions = self.terms.fuzzy_prefix(word, typo_budget(word));
            let doc_count = |t: u32| self.postings[t as usize].doc_count;
            select_by(&mut completions, MAX_COMPLETIONS, |a, b| {
                a.1.cmp(&b.1)
                    .then(doc_count(b.0).cmp(&doc_count(a.0)))
                    .then(a.0.cmp(&b.0))
            });
            completions.truncate(MAX_COMPLETIONS);
            expansions = completions
                .into_iter()
                .map(|(term, distance)| Expansion {
                    term,
                    weight: weights.typo * weights.prefix / distance as f32,
                })
                .collect();
        }
        if expansions.is_empty() && typos && typo_budget(word) > 0 {
            expansions = self
                .terms
                .fuzzy(word, typo_budget(word))
                .into_iter()
                .map(|(term, distance)| Expansion {
                    term,
                    weight: weights.typo / distance as f32,
                })
                .collect();
        }
        expansions
    }

    /// Documents matching an atom, with their BM25F scores, in document order.
    pub(crate) fn score_atom(
        &self,
        atom: &Atom,
        expansions: &[Expansion],
        bm25: &Bm25f,
    ) -> Vec<(u32, f32)> {
        let (field, frequencies) = match atom {
            Atom::Word { field, .. } => (*field, self.word_frequencies(expansions, *field)),
            Atom::Phrase { field, terms, .. } => (
                *field,
                self.phrase_frequencies(expansions, terms.len(), *field),
            ),
        };
        let idf = bm25.idf(frequencies.len());
        let title_only = field == Field::Title;
        frequencies
            .into_iter()
            .map(|(doc, title_tf, body_tf)| {
                let body_tf = if title_only { 0.0 } else { body_tf };
                (doc, idf * bm25.saturate(doc, title_tf, body_tf))
            })
            .collect()
    }

    /// Weighted title and body frequencies of a word's expansions, per document.
    fn word_frequencies(&self, expansions: &[Expansion], field: Field) -> Vec<(u32, f32, f32)> {
        let mut frequencies: Vec<(u32, f32, f32)> = Vec::new();
        // Where each document's entry is in `frequencies`, when several expansions may share it.
        let mut slot = vec![
            u32::MAX;
            if expansions.len() > 1 {
                self.documents.len()
            } else {
                0
            }
        ];
        for expansion in expansions {
            for posting in self.postings[expansion.term as usize].iter() {
                let body_tf = if field == Field::Title {
                    0
                } else {
                    posting.body_tf
                };
                if posting.title_tf + body_tf == 0 {
                    continue;
                }
                let title = expansion.weight * posting.title_tf as f32;
                let body = expansion.weight * body_tf as f32;
                match slot.get_mut(posting.doc as usize) {
                    Some(s) if *s != u32::MAX => {
                        let entry = &mut frequencies[*s as usize];
                        entry.1 += title;
                        entry.2 += body;
                    }
                    found => {
                        if let Some(s) = found {
                            *s = frequencies.len() as u32;
                        }
                        frequencies.push((posting.doc, title, body));
                    }
                }
            }
        }
        frequencies
    }

    /// Occurrences of a phrase of `length` words per document and field: its terms at
    /// consecutive positions. `expansions` holds the first `length - 1` terms, then every
    /// term the last word may be.
    fn phrase_frequencies(
        &self,
        expansions: &[Expansion],
        length: usize,
        field: Field,
    ) -> Vec<(u32, f32, f32)> {
        if length < 2 || expansions.len() < length {
            return Vec::new();
        }
        let (fixed, last) = expansions.split_at(length - 1);
        let mut docs = self.common_documents(fixed);
        let last_docs = self.union_documents(last);
        docs.retain(|d| last_docs.binary_search(d).is_ok());
        let mut starts = self.positions(fixed[0].term, &docs);
        for offset in 1..length {
            let alternatives = if offset < length - 1 {
                &fixed[offset..=offset]
            } else {
                last
            };
            let docs: Vec<u32> = starts.iter().map(|s| s.0).collect();
            let next = self.union_positions(alternatives, &docs);
            let offset = offset as u32;
            starts.retain_mut(|(doc, (title, body))| {
                let Ok(i) = next.binary_search_by_key(doc, |n| n.0) else {
                    return false;
                };
                let (next_title, next_body) = &next[i].1;
                title.retain(|p| next_title.binary_search(&(p + offset)).is_ok());
                body.retain(|p| next_body.binary_search(&(p + offset)).is_ok());
                !title.is_empty() || !body.is_empty()
            });
        }
        starts
            .into_iter()
            .map(|(doc, (title, body))| {
                let body = if field == Field::Title { 0 } else { body.len() };
                (doc, title.len() as f32, body as f32)
            })
            .filter(|&(_, title, body)| title + body > 0.0)
            .collect()
    }

    /// Documents holding any of the expansions, sorted.
    fn union_documents(&self, expansions: &[Expansion]) -> Vec<u32> {
        let mut docs: Vec<u32> = expansions
            .iter()
            .flat_map(|e| self.postings[e.term as usize].iter().map(|p| p.doc))
            .collect();
        sort_by(&mut docs, u32::cmp);
        docs.dedup();
        docs
    }

    /// Positions of any of the expansions in the given sorted documents, merged and sorted.
    fn union_positions(&self, expansions: &[Expansion], docs: &[u32]) -> Vec<(u32, Positions)> {
        if let [only] = expansions {
            return self.positions(only.term, docs);
        }
        let mut merged: Vec<(u32, Positions)> =
            docs.iter().map(|&d| (d, Positions::default())).collect();
        for expansion in expansions {
            for (doc, (title, body)) in self.positions(expansion.term, docs) {
                if let Ok(i) = docs.binary_search(&doc) {
                    merged[i].1 .0.extend(title);
                    merged[i].1 .1.extend(body);
                }
            }
        }
        for (_, (title, body)) in &mut merged {
            sort_by(title, u32::cmp);
            sort_by(body, u32::cmp);
        }
        merged
    }

    /// Documents holding every expansion, in order: rarest term first, positions untouched.
    fn common_documents(&self, expansions: &[Expansion]) -> Vec<u32> {
        let mut terms: Vec<u32> = expansions.iter().map(|e| e.term).collect();
        sort_by(&mut terms, |&a, &b| {
            let count = |t: u32| self.postings[t as usize].doc_count;
            count(a).cmp(&count(b))
        });
        let mut docs: Option<Vec<u32>> = None;
        for term in terms {
            let postings = self.postings[term as usize].iter().map(|p| p.doc);
            docs = Some(match docs {
                None => postings.collect(),
                Some(kept) => postings.filter(|d| kept.binary_search(d).is_ok()).collect(),
            });
        }
        docs.unwrap_or_default()
    }

    /// Positions of `term` in the given sorted documents, in document order.
    pub(crate) fn positions(&self, term: u32, docs: &[u32]) -> Vec<(u32, Positions)> {
        let mut result = Vec::new();
        let mut iter = self.postings[term as usize].iter();
        let mut wanted = docs.iter().peekable();
        while let Some(posting) = iter.next() {
            while wanted.next_if(|&&d| d < posting.doc).is_some() {}
            match wanted.peek() {
                None => break,
                Some(&&d) if d == posting.doc => {
                    result.push((posting.doc, iter.positions(&posting)))
                }
                Some(_) => {}
            }
        }
        result
    }

    /// Documents in which any of the expansions occurs.
    pub(crate) fn doc_frequency(&self, expansions: &[Expansion]) -> usize {
        if let [only] = expansions {
            return self.postings[only.term as usize].doc_count as usize;
        }
        let mut seen = vec![false; self.documents.len()];
        for posting in expansions
            .iter()
            .flat_map(|e| self.postings[e.term as usize].iter())
        {
            seen[posting.doc as usize] = true;
        }
        seen.iter().filter(|&&s| s).count()
    }

    /// Bonus per document (parallel to `docs`, which is sorted) for consecutive query words
    /// standing close together: the smaller IDF of the two over the squared distance.
    pub(crate) fn proximity_bonus(
        &self,
        words: &[&[Expansion]],
        docs: &[u32],
        bm25: &Bm25f,
        weight: f32,
    ) -> Vec<f32> {
        let mut bonus = vec![0.0; docs.len()];
        let positions: Vec<Vec<Vec<(u8, u32)>>> =
            words.iter().map(|w| self.word_positions(w, docs)).collect();
        let idfs: Vec<f32> = words
            .iter()
            .map(|w| bm25.idf(self.doc_frequency(w)))
            .collect();
        for (pair, pair_idfs) in positions.windows(2).zip(idfs.windows(2)) {
            let idf = pair_idfs[0].min(pair_idfs[1]);
            for (i, b) in bonus.iter_mut().enumerate() {
                if let Some(distance) = min_distance(&pair[0][i], &pair[1][i]) {
                    let distance = distance as f32;
                    *b += weight * idf / (distance * distance);
                }
            }
        }
        bonus
    }

    /// Sorted `(field, position)` pairs (field 0 is the title, 1 the body) of any of a word's
    /// expansions, per document of `docs`.
    fn word_positions(&self, expansions: &[Expansion], docs: &[u32]) -> Vec<Vec<(u8, u32)>> {
        let mut result = vec![Vec::new(); docs.len()];
        for expansion in expansions {
            for (doc, (title, body)) in self.positions(expansion.term, docs) {
                if let Ok(i) = docs.binary_search(&doc) {
                    result[i].extend(title.into_iter().map(|p| (0, p)));
                    result[i].extend(body.into_iter().map(|p| (1, p)));
                }
            }
        }
        for positions in &mut result {
            sort_by(positions, |a, b| a.cmp(b));
        }
        result
    }
}

/// Smallest gap between a left and a right position in the same field, if any.
fn min_distance(left: &[(u8, u32)], right: &[(u8, u32)]) -> Option<u32> {
    let mut best: Option<u32> = None;
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        let (l, r) = (left[i], right[j]);
        if l.0 == r.0 && l.1 != r.1 {
            let gap = l.1.abs_diff(r.1);
            best = Some(best.map_or(gap, |b| b.min(gap)));
        }
        if l < r {
            i += 1;
        } else {
            j += 1;
        }
    }
    best
}

//! Ranking: BM25F over the title and body fields, and the weights that tune it.

use crate::index::Index;
use crate::postings::{Norms, MAX_MENTIONS};

/// The knobs of ranking. The defaults were chosen on the shared relevance collections
/// (see the README's Relevance section) and the seed corpus.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Term-frequency saturation.
    pub k1: f32,
    /// Length normalisation of the title and of the body (the body's below BM25's usual
    /// 0.75: a documentation site's main page on a subject is a long one).
    pub b_title: f32,
    pub b_body: f32,
    /// A title occurrence counts this many body occurrences.
    pub title: f32,
    /// Weight of a match on another inflection of the word (same stem).
    pub stem: f32,
    /// Weight of a completion of the word being typed.
    pub prefix: f32,
    /// Weight of a match one typo away (divided by the number of typos).
    pub typo: f32,
    /// Added for a match with the query word's exact accents (`Tianjín`).
    pub accent: f32,
    /// When some page holds a name as the query types it, with underscores (`__get`): the
    /// weight of a match on it without them (`get`, `$_GET`; as a synonym's, a part of a
    /// title), and what a page holding only such matches scores, as a share of its score.
    pub bare: f32,
    /// Weight of a title occurrence of a word that the title holds only as a part of a
    /// compound (`ArrayIterator` of `ArrayIterator::key`, `level` of `high-level`), of a
    /// `camelCase` word or of a glued name (`kill` of `taskkill`).
    pub title_part: f32,
    /// A document mentioned by the most other documents (see `Norms::mentions`) scores
    /// `1 + mentions` times one mentioned by none.
    pub mentions: f32,
    /// What a document's matches are multiplied by when many pages share its title
    /// ("Examples"): the title says what kind of page it is, not what it is about. Not a
    /// match of the word in the page's lead or a line defining it: that says what it is about.
    pub shared_title: f32,
    /// Weight of a match on a part of a `camelCase` word (`element` in `getElementById`) or
    /// of a title glued from words (`add` in `useradd`).
    pub part: f32,
    /// A lead or a section heading holding the word counts this many body occurrences.
    pub lead: f32,
    /// Bonus for adjacent query words, scaled by their IDF and the inverse squared distance.
    pub proximity: f32,
    /// What the score of a page lacking one of a long query's words is multiplied by: it
    /// ranks among the pages holding them all, below those scoring as well.
    pub lacking: f32,
    /// Weight of a match on a synonym of the word (`directory` for `folder`).
    pub synonym: f32,
    /// What a page's score grows by, as a share of itself, when its lead, a heading or a
    /// line defining a name (`PHP_EOL (string)`, `memory_limit int`) holds the query's
    /// compound as typed (`PHP_EOL`, `date.timezone`): the page that defines a name, before
    /// the pages that use it in their examples. Of a query of several clauses, the share
    /// they make of it.
    pub defined: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            k1: 1.2,
            b_title: 0.5,
            b_body: 0.6,
            title: 2.5,
            stem: 0.8,
            prefix: 0.6,
            typo: 0.5,
            accent: 0.5,
            bare: 0.3,
            title_part: 0.5,
            mentions: 0.8,
            shared_title: 0.6,
            part: 0.7,
            proximity: 0.3,
            lead: 4.0,
            lacking: 0.7,
            synonym: 0.5,
            defined: 1.5,
        }
    }
}

/// BM25F scorer over one index's field lengths.
pub struct Bm25f {
    documents: f32,
    weights: Weights,
    average_title: f32,
    average_body: f32,
}

impl Bm25f {
    pub fn new(index: &Index, weights: Weights) -> Self {
        let (average_title, average_body) = index.entry.average_lengths;
        Bm25f {
            documents: index.document_count() as f32,
            weights,
            average_title,
            average_body,
        }
    }

    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// What a document's matches are multiplied by: the weight its site gave it, grown with
    /// how often the other documents mention it, lowered when many pages share its title
    /// (unless the match is `in_lead`).
    pub fn document_weight(&self, document: &Norms, in_lead: bool) -> f32 {
        let mentioned = f32::from(document.mentions) / f32::from(MAX_MENTIONS);
        let shared = if document.shared_title && !in_lead {
            self.weights.shared_title
        } else {
            1.0
        };
        document.weight * shared * (1.0 + self.weights.mentions * mentioned)
    }

    /// Inverse document frequency of a term found in `doc_frequency` documents.
    pub fn idf(&self, doc_frequency: usize) -> f32 {
        let n = self.documents;
        let df = doc_frequency as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The saturated, length-normalised frequency of a term in a document.
    pub fn saturate(&self, document: &Norms, title_tf: f32, lead: f32, body_tf: f32) -> f32 {
        let w = &self.weights;
        let title_norm =
            1.0 - w.b_title + w.b_title * document.title_length as f32 / self.average_title;
        let body_norm = 1.0 - w.b_body + w.b_body * document.body_length as f32 / self.average_body;
        let tf = w.title * title_tf / title_norm + w.lead * lead + body_tf / body_norm;
        tf * (w.k1 + 1.0) / (tf + w.k1)
    }
}

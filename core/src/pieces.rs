//! The chunked index: a small entry and the pieces a reader fetches as queries need them.
//!
//! ```text
//! entry ── term pieces ── postings pieces, positions pieces (one pair per term range)
//!       ├─ id pieces (document ids, for lookups by id)
//!       ├─ document pieces (one per document: what a hit shows)
//!       └─ dates piece, filters piece (only for queries that sort, bound or filter)
//! ```
//! Every piece is named by a hash of its bytes, so a rebuilt index never mixes with an old
//! one behind a cache; document pieces are named by the hash of the whole document set and
//! their number. A single-file index holds the same entry and pieces in one file.
//!
//! A chunked index of pages in several languages is one index per language and one of all
//! of them, each a whole index as above with its own statistics; a [`LanguageTable`] in
//! place of the entry names each index's entry (itself a piece, named by its hash), so a
//! search in one language fetches that language's pieces only:
//!
//! ```text
//! language table ── entry of every language ── its pieces
//!                ├─ entry of language `de` ── its pieces
//!                └─ entry of language `fr` ── its pieces
//! ```

use crate::bytes::Text;
use crate::dictionary::TermDictionary;
use crate::document::Section;
use crate::first_page::FirstPages;
use crate::language::{Language, Languages};

/// A piece's name: the 64-bit hash of its file's bytes.
pub type Name = u64;

/// What a reader needs before any query: counts, statistics for ranking and where the
/// term ranges start.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub documents: u32,
    pub terms: u32,
    /// Mean title and body lengths in words, for BM25F: the same in every piece.
    pub average_lengths: (f32, f32),
    pub term_pieces: Vec<TermPieceRef>,
    pub id_pieces: Vec<IdPieceRef>,
    /// Hash of the document set, part of every document piece's name.
    pub documents_name: Name,
    pub dates: Option<Name>,
    pub filters: Option<Name>,
    /// The documents' languages: queries are stemmed in each.
    pub languages: Languages,
    /// How many folders the site's root is above the index's own, when the URLs made from the
    /// pages' paths are relative to it (`scour index` wrote the index inside the site, with no
    /// `--base-url`): a reader that knows the index's URL knows the site's. None: as written.
    pub site_root: Option<u32>,
}

/// The indexes of a chunked index of several languages: one per language, and one of all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageTable {
    /// Each language's index, sorted by language.
    pub languages: Vec<(Language, IndexRef)>,
    /// The index of every language's documents together.
    pub all: IndexRef,
}

/// An index a [`LanguageTable`] names: its document count and its entry's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexRef {
    pub documents: u32,
    pub entry: Name,
}

impl LanguageTable {
    /// The index that searches `lang` (a tag, `fr-CA`): the language's own; the index of all
    /// languages for none, `*`, or a language the table lacks.
    pub fn select(&self, lang: Option<&str>) -> IndexRef {
        let Some(language) = Language::searched(lang) else {
            return self.all;
        };
        self.languages
            .iter()
            .find(|(l, _)| *l == language)
            .map_or(self.all, |(_, index)| *index)
    }
}

/// A term piece: the sorted range of terms starting at `first_term`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermPieceRef {
    pub first_term: String,
    pub first_id: u32,
    pub name: Name,
}

/// An id piece: the ids of documents `first_doc..`, starting with `first_id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdPieceRef {
    pub first_id: String,
    pub first_doc: u32,
    pub name: Name,
}

/// A range of the term dictionary: terms, document counts, where each term's postings and
/// positions are, and the stem groups whose stem falls in the range.
#[derive(Debug, Clone, PartialEq)]
pub struct TermPiece {
    pub terms: TermDictionary,
    pub doc_counts: Vec<u32>,
    /// Each term's postings and positions as byte ranges of its streams piece.
    pub postings: Vec<(u32, u32)>,
    pub positions: Vec<(u32, u32)>,
    /// The streams pieces of this range, in term order.
    pub streams: Vec<StreamsRef>,
    /// Stems shared by two or more terms, and their members' global term ids.
    pub stems: TermDictionary,
    pub stem_members: Vec<Vec<u32>>,
    /// The first pages of the prefixes in the range that are costly to rank (read one at a
    /// time: `codec::first_page`).
    pub first_pages: FirstPages,
}

/// A run of consecutive terms whose postings and positions share one piece each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamsRef {
    /// The first term of the run, as an index into its term piece.
    pub first_term: u32,
    pub postings: Name,
    pub positions: Name,
}

/// What the index stores of a document to show it as a hit (read from its piece when asked
/// for).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredDocument {
    pub id: String,
    pub title: String,
    /// Read in place from the document's piece.
    pub body: Text,
    pub date: Option<String>,
    pub url: Option<String>,
    /// Free metadata, sorted by key.
    pub meta: Vec<(String, String)>,
    /// Headed parts of the body, in order (see [`Section::fit`]).
    pub sections: Vec<Section>,
    /// The document's language, as a primary subtag (`en`, `fr`; `und` when unknown).
    pub lang: String,
}

/// Texts in one string, each found by where it ends: thousands of short texts (dates,
/// filter values) take two allocations, not thousands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Texts {
    text: String,
    ends: Vec<u32>,
}

impl Texts {
    /// No texts, for an index without any.
    pub(crate) fn none() -> &'static Texts {
        static NONE: Texts = Texts {
            text: String::new(),
            ends: Vec::new(),
        };
        &NONE
    }

    /// Room for `count` texts of `bytes` bytes in all.
    pub(crate) fn with_capacity(bytes: usize, count: usize) -> Texts {
        Texts {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(count),
        }
    }

    pub(crate) fn push(&mut self, text: &str) {
        self.text.push_str(text);
        self.ends.push(self.text.len() as u32);
    }

    /// Text `i`, if there are that many.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p] as usize);
        Some(&self.text[start..end])
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// A filter's values, sorted, each with the sorted numbers of the documents carrying it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterValues {
    pub(crate) values: Texts,
    /// Every value's documents, one value's after another's, and where each value's end.
    pub(crate) docs: Vec<u32>,
    pub(crate) doc_ends: Vec<u32>,
}

impl FilterValues {
    /// Each value with its documents.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u32])> + '_ {
        (0..self.values.len()).map(|i| {
            let start = i.checked_sub(1).map_or(0, |p| self.doc_ends[p] as usize);
            let docs = &self.docs[start..self.doc_ends[i] as usize];
            (self.values.get(i).unwrap_or_default(), docs)
        })
    }
}

/// Filter values and the documents carrying each, by filter name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// Sorted by name.
    pub names: Vec<(String, FilterValues)>,
}

/// Filters as the builder hands them to the writer: name, then each value with its
/// documents, all sorted.
pub type FilterLists = Vec<(String, Vec<(String, Vec<u32>)>)>;

/// One piece an index can fetch, as a query asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PieceId {
    Terms(u32),
    /// Term piece, run within it.
    Postings(u32, u32),
    Positions(u32, u32),
    Ids(u32),
    Document(u32),
    Dates,
    Filters,
}

/// The pieces a query needs that are not loaded yet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Needs(pub Vec<PieceId>);

impl Needs {
    pub fn one(piece: PieceId) -> Needs {
        Needs(vec![piece])
    }

    /// Adds the pieces of `other`, each once.
    pub fn merge(&mut self, other: Needs) {
        for piece in other.0 {
            if !self.0.contains(&piece) {
                self.0.push(piece);
            }
        }
    }
}

/// Collects the needs of several independent lookups, so one fetch serves them all.
#[derive(Default)]
pub struct Gather {
    needs: Needs,
}

impl Gather {
    /// The value of a lookup, or `None` when it needs pieces (which are recorded).
    pub fn take<T>(&mut self, result: Result<T, Needs>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(needs) => {
                self.needs.merge(needs);
                None
            }
        }
    }

    /// `Ok(())` when every lookup so far had what it needed.
    pub fn finish(self) -> Result<(), Needs> {
        if self.needs.0.is_empty() {
            Ok(())
        } else {
            Err(self.needs)
        }
    }
}

/// Target sizes of the pieces `scour index` writes; chosen by measurement (docs/PERFORMANCE.md,
/// "A real site: the chunked index").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Encoded bytes of terms (with counts and stream lengths) per term piece.
    pub term_piece_bytes: usize,
    /// Encoded postings bytes per postings piece (positions follow the same runs).
    pub postings_piece_bytes: usize,
    /// Document ids per id piece.
    pub ids_per_piece: usize,
}

impl Layout {
    /// One term piece and one run: for an index read whole (a single file, or embedded),
    /// where small pieces would only add headers.
    pub fn whole() -> Layout {
        Layout {
            term_piece_bytes: usize::MAX,
            postings_piece_bytes: usize::MAX,
            ids_per_piece: usize::MAX,
        }
    }
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            term_piece_bytes: 4 * 1024,
            postings_piece_bytes: 4 * 1024,
            ids_per_piece: 2048,
        }
    }
}

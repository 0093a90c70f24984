//! The index: term dictionary, postings, stem groups and the stored documents.

use crate::dictionary::TermDictionary;
use crate::postings::PostingList;

/// A searchable index, built by [`crate::IndexBuilder`] or decoded by [`crate::codec`].
#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    /// Every normalised (unstemmed) term of every document.
    pub(crate) terms: TermDictionary,
    /// The postings of each term, by term id.
    pub(crate) postings: Vec<PostingList>,
    /// Stems shared by two or more terms, so a query word finds its other inflections.
    pub(crate) stems: StemGroups,
    pub(crate) documents: Vec<StoredDocument>,
    /// Size of the encoded index when it was decoded from bytes; 0 for an index built in
    /// memory (encode it to know its size).
    pub(crate) encoded_bytes: usize,
    /// Mean title and body lengths in tokens, for BM25F.
    pub(crate) average_lengths: (f32, f32),
}

/// Terms grouped by their English stem; only stems with two or more terms are kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StemGroups {
    pub(crate) stems: TermDictionary,
    /// Term ids of each stem's group, by stem id.
    pub(crate) members: Vec<Vec<u32>>,
}

impl StemGroups {
    /// The terms sharing `stem`, if two or more do.
    pub fn members(&self, stem: &str) -> &[u32] {
        self.stems
            .find(stem)
            .map_or(&[], |id| self.members[id as usize].as_slice())
    }
}

/// What the index keeps of a document: enough to rank it, filter it and show it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredDocument {
    pub id: String,
    pub title: String,
    pub body: String,
    pub date: Option<String>,
    pub url: Option<String>,
    pub weight: f32,
    /// Free metadata, sorted by key.
    pub meta: Vec<(String, String)>,
    /// Filter names, sorted, with their values.
    pub filters: Vec<(String, Vec<String>)>,
    /// Token counts, for BM25F length normalisation.
    pub title_length: u32,
    pub body_length: u32,
}

/// Sizes reported by [`Index::stats`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    pub documents: usize,
    pub terms: usize,
    pub index_bytes: usize,
}

impl Index {
    pub(crate) fn new(
        terms: TermDictionary,
        postings: Vec<PostingList>,
        stems: StemGroups,
        documents: Vec<StoredDocument>,
    ) -> Index {
        let count = documents.len().max(1) as f32;
        let (title, body) = documents.iter().fold((0u64, 0u64), |(t, b), d| {
            (t + u64::from(d.title_length), b + u64::from(d.body_length))
        });
        Index {
            terms,
            postings,
            stems,
            documents,
            encoded_bytes: 0,
            average_lengths: (
                (title as f32 / count).max(1.0),
                (body as f32 / count).max(1.0),
            ),
        }
    }

    pub fn stats(&self) -> Stats {
        Stats {
            documents: self.documents.len(),
            terms: self.terms.len(),
            index_bytes: self.encoded_bytes,
        }
    }

    /// The sorted term dictionary.
    pub fn terms(&self) -> &TermDictionary {
        &self.terms
    }

    /// The stored document with this id.
    pub fn document(&self, id: &str) -> Option<&StoredDocument> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn documents(&self) -> &[StoredDocument] {
        &self.documents
    }
}

//! Paths shared by the integration tests.

use std::path::PathBuf;

use scour_ingest::{Corpus, Document};

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `tests/fixtures/<name>` in the repository.
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// The document with this id; panics with the ids present when there is none.
pub fn document<'a>(corpus: &'a Corpus, id: &str) -> &'a Document {
    corpus
        .documents
        .iter()
        .find(|document| document.id == id)
        .unwrap_or_else(|| {
            let ids: Vec<_> = corpus.documents.iter().map(|d| &d.id).collect();
            panic!("no document {id:?} among {ids:?}")
        })
}

//! The shared JSON lines collections in `/work/shared/datasets/`, when this machine has them.

use std::fs;
use std::path::Path;

use scour_ingest::{read_corpus, Corpus, IngestOptions};

/// One collection read strictly, and its number of non-blank lines; none when it is absent.
fn load(name: &str) -> Option<(Corpus, usize)> {
    let path = Path::new("/work/shared/datasets")
        .join(name)
        .join("corpus.jsonl");
    if !path.exists() {
        eprintln!("skipped: {} is not on this machine", path.display());
        return None;
    }
    let text = fs::read_to_string(&path).unwrap();
    let lines = text.lines().filter(|line| !line.trim().is_empty()).count();
    let corpus = read_corpus(
        &[path],
        &IngestOptions {
            strict: true,
            ..IngestOptions::default()
        },
    )
    .unwrap();
    Some((corpus, lines))
}

#[test]
fn med_has_a_document_per_line() {
    let Some((corpus, lines)) = load("med") else {
        return;
    };
    assert_eq!(corpus.documents.len(), lines);
    assert!(corpus
        .documents
        .iter()
        .all(|document| !document.body.is_empty()));
}

#[test]
fn php_manual_has_a_document_per_line_with_urls() {
    let Some((corpus, lines)) = load("php-manual") else {
        return;
    };
    assert_eq!(corpus.documents.len(), lines);
    assert!(corpus
        .documents
        .iter()
        .all(|document| document.url.is_some()));
}

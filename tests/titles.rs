//! Known-item search: a query equal to a page's title finds that page first, for every page
//! of tldr (7,425 command pages: `git push` before `jj git push`, `ls` before `git ls-files`).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use scour_core::analysis::{tokenize, CompoundRole};
use scour_core::{IndexBuilder, SearchOptions};
use scour_ingest::{read_corpus, IngestOptions};

/// A title's words as the engine reads them: titles that read the same (`CD` and `cd`,
/// `nix-build` and `nix build`) are the same known item.
fn words(title: &str) -> Vec<String> {
    tokenize(title)
        .into_iter()
        .filter(|t| matches!(t.role, CompoundRole::Word | CompoundRole::Part))
        .map(|t| t.term)
        .collect()
}

#[test]
fn every_tldr_title_finds_its_page_first() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets/tldr/corpus.jsonl");
    assert!(corpus.exists(), "{} is missing", corpus.display());
    let documents = read_corpus(&[corpus], &IngestOptions::default())
        .expect("tldr reads")
        .documents;
    let titles: Vec<String> = documents.iter().map(|d| d.title.clone()).collect();
    let index = IndexBuilder::index(documents);
    let options = SearchOptions {
        typing: false,
        limit: 1,
        ..SearchOptions::default()
    };
    // Titles without a word (`[`, `|`, `((`: shell syntax) cannot be searched by words.
    let (searchable, wordless): (Vec<&String>, Vec<&String>) =
        titles.iter().partition(|t| !words(t).is_empty());
    assert!(wordless.len() < 30, "{wordless:?}");
    let misses: Vec<String> = searchable
        .iter()
        .filter_map(|title| {
            let hits = index.search(title, &options).hits;
            match hits.first() {
                Some(hit) if words(&hit.title) == words(title) => None,
                Some(hit) => Some(format!("{title} -> {}", hit.title)),
                None => Some(format!("{title} -> nothing")),
            }
        })
        .collect();
    assert!(
        misses.is_empty(),
        "{} of {} titles do not find their page first: {misses:?}",
        misses.len(),
        searchable.len()
    );
}

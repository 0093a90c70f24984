//! A chunked index searched piece by piece ranks exactly like the same index opened whole:
//! same ids, same order, same totals, for every query of the judged collections and for
//! typed prefixes of tldr's titles. Pieces are cut small so that queries cross many of them.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use scour_core::{
    codec, Index, IndexBuilder, IndexFiles, Layout, PieceId, SearchOptions, SearchResults, Syntax,
};
use scour_ingest::{read_corpus, IngestOptions};

/// A shared dataset, beside the checkout as `../shared/datasets/<name>`.
fn dataset(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/datasets")
        .join(name);
    assert!(
        dir.join("corpus.jsonl").exists(),
        "{} is missing: the shared datasets must be beside the checkout",
        dir.display()
    );
    dir
}

/// The collection's index files, cut into small pieces.
fn files(dir: &Path) -> IndexFiles {
    let corpus = read_corpus(&[dir.join("corpus.jsonl")], &IngestOptions::default())
        .expect("the corpus reads");
    let mut builder = IndexBuilder::new();
    for document in corpus.documents {
        builder.add(document);
    }
    builder.build_files(Layout {
        term_piece_bytes: 2048,
        postings_piece_bytes: 2048,
        ids_per_piece: 256,
    })
}

/// An index that starts from its entry and reads pieces only when a search asks for them.
struct Lazy {
    index: Index,
    pieces: HashMap<String, Vec<u8>>,
    fetched: usize,
}

impl Lazy {
    fn open(files: &IndexFiles) -> Lazy {
        Lazy {
            index: Index::from_entry(
                codec::decode_entry(&files.entry).expect("entry"),
                files.entry.len(),
            ),
            pieces: files
                .pieces
                .iter()
                .map(|(_, file, bytes)| (file.clone(), bytes.clone()))
                .collect(),
            fetched: 0,
        }
    }

    fn search(&mut self, query: &str, options: &SearchOptions) -> SearchResults {
        for _ in 0..12 {
            match self.index.try_search(query, options) {
                Ok(results) => return results,
                Err(needs) => {
                    for piece in needs.0 {
                        self.fetch(piece);
                    }
                }
            }
        }
        panic!("{query:?} still needs pieces after 12 rounds");
    }

    fn fetch(&mut self, piece: PieceId) {
        let file = self.index.piece_file(piece);
        let bytes = self
            .pieces
            .get(&file)
            .unwrap_or_else(|| panic!("the index names a piece it does not have: {file}"));
        self.index.insert(piece, bytes).expect("a piece inserts");
        self.fetched += 1;
    }
}

fn ranking(results: &SearchResults) -> (Vec<&str>, usize, Option<&str>) {
    (
        results.hits.iter().map(|h| h.id.as_str()).collect(),
        results.total,
        results.suggestion.as_deref(),
    )
}

fn assert_same_ranking(name: &str, queries: &[String], options: &SearchOptions) {
    let files = files(&dataset(name));
    let whole = codec::decode(files.single_file()).expect("the single file opens");
    let mut lazy = Lazy::open(&files);
    for query in queries {
        let expected = whole.search(query, options);
        let got = lazy.search(query, options);
        assert_eq!(ranking(&got), ranking(&expected), "{name}: {query:?}");
        assert_eq!(got.hits, expected.hits, "{name}: {query:?}: hits differ");
    }
    assert!(
        lazy.fetched < files.pieces.len(),
        "{name}: every piece was fetched ({}): the search is not lazy",
        lazy.fetched
    );
}

fn queries(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join("queries.jsonl"))
        .expect("queries.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let value: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            value["text"].as_str().expect("a text").to_string()
        })
        .collect()
}

/// As `scour eval` asks: plain text, any word may match.
fn prose() -> SearchOptions {
    SearchOptions {
        syntax: Syntax::Plain,
        typing: false,
        require_all: false,
        limit: 100,
        ..SearchOptions::default()
    }
}

#[test]
fn cisi_ranks_the_same_chunked() {
    assert_same_ranking("cisi", &queries(&dataset("cisi")), &prose());
}

#[test]
fn cacm_ranks_the_same_chunked() {
    assert_same_ranking("cacm", &queries(&dataset("cacm")), &prose());
}

/// Every keystroke of some tldr titles and two-word phrases from them, as a search box
/// sends them (prefixes, typos, suggestions), with facet-free defaults.
#[test]
fn tldr_keystrokes_rank_the_same_chunked() {
    let dir = dataset("tldr");
    let titles: Vec<String> = std::fs::read_to_string(dir.join("corpus.jsonl"))
        .expect("corpus")
        .lines()
        .step_by(97)
        .map(|l| {
            let value: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            value["title"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    let mut typed: Vec<String> = Vec::new();
    for title in &titles {
        let text = format!("{title} files");
        typed.extend(
            text.char_indices()
                .skip(1)
                .map(|(i, _)| text[..i].to_string()),
        );
        typed.push(format!("{title}x"));
        typed.push(format!("\"{text}\""));
    }
    assert!(typed.len() > 500, "{} queries", typed.len());
    assert_same_ranking("tldr", &typed, &SearchOptions::default());
}

/// Every keystroke of the PHP manual's known-item queries (`bench/known-item/`): names cut
/// short whose completions continue one another (`DateTimeImm`), inflections whose stem
/// groups lie in other term pieces, synonyms, typos.
#[test]
fn php_manual_known_item_keystrokes_rank_the_same_chunked() {
    let known = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/known-item/php-manual");
    let mut typed: Vec<String> = Vec::new();
    for query in queries(&known) {
        typed.extend(
            query
                .char_indices()
                .skip(1)
                .map(|(i, _)| query[..i].to_string()),
        );
        typed.push(query);
    }
    assert!(typed.len() > 1000, "{} queries", typed.len());
    assert_same_ranking("php-manual", &typed, &SearchOptions::default());
}

//! The chunked index's piece logic, compiled to wasm32: an index opened from its entry asks
//! for the pieces a search needs, decodes and keeps them, answers exactly like the whole
//! index, and refuses a wrong or truncated piece.

use std::collections::{BTreeSet, HashMap};

use scour_core::{
    codec, FormatError, Index, IndexBuilder, IndexFiles, Layout, PieceId, SearchOptions, Sort,
};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::*;

const TIANJIN: &str = "002_99d606bfa40b6113";

/// Pieces cut tiny, so that every query crosses several.
const TINY: Layout = Layout {
    term_piece_bytes: 64,
    postings_piece_bytes: 64,
    ids_per_piece: 4,
};

fn documents() -> Vec<scour_core::Document> {
    let mut documents = seed_documents();
    documents.extend(tagged_documents());
    documents.push(scour_core::Document::new(
        "u1",
        "🎉 Café Tianjín",
        "Le Café de Flore 🇫🇷, a naïve señor in Tianjín; 北京 and 東京.",
    ));
    documents
}

fn files(layout: Layout) -> IndexFiles {
    let mut builder = IndexBuilder::new();
    for document in documents() {
        builder.add(document);
    }
    builder.build_files(layout)
}

/// An index that starts from its entry and inserts the pieces searches ask for.
struct Lazy {
    index: Index,
    files: HashMap<String, Vec<u8>>,
    inserted: BTreeSet<PieceId>,
}

impl Lazy {
    fn open(files: &IndexFiles) -> Lazy {
        let entry = codec::decode_entry(&files.entry).expect("the entry decodes");
        Lazy {
            index: Index::from_entry(entry, files.entry.len()),
            files: files
                .pieces
                .iter()
                .map(|(_, name, bytes)| (name.clone(), bytes.clone()))
                .collect(),
            inserted: BTreeSet::new(),
        }
    }

    fn search(&mut self, query: &str, options: &SearchOptions) -> scour_core::SearchResults {
        for _ in 0..12 {
            let needs = match self.index.try_search(query, options) {
                Ok(results) => return results,
                Err(needs) => needs,
            };
            assert!(!needs.0.is_empty(), "{query:?}: Err with no piece named");
            for piece in needs.0 {
                assert!(
                    self.inserted.insert(piece),
                    "{query:?} asks again for {piece:?}, which is loaded"
                );
                let file = self.index.piece_file(piece);
                let bytes = self
                    .files
                    .get(&file)
                    .unwrap_or_else(|| panic!("{query:?} names {file}, which the index lacks"));
                self.index
                    .insert(piece, bytes)
                    .unwrap_or_else(|e| panic!("{file} does not insert: {e}"));
            }
        }
        panic!("{query:?} still needs pieces after 12 rounds");
    }

    fn document(&mut self, id: &str) -> Option<scour_core::StoredDocument> {
        for _ in 0..4 {
            let needs = match self.index.try_document(id) {
                Ok(found) => return found,
                Err(needs) => needs,
            };
            for piece in needs.0 {
                assert!(self.inserted.insert(piece), "{id}: {piece:?} again");
                let bytes = &self.files[&self.index.piece_file(piece)];
                self.index.insert(piece, bytes).expect("piece");
            }
        }
        panic!("{id}: still needs pieces after 4 rounds");
    }
}

fn option_sets() -> Vec<SearchOptions> {
    let tag = |v: &str| vec![("tag".to_string(), vec![v.to_string()])];
    vec![
        SearchOptions::default(),
        SearchOptions {
            limit: 3,
            offset: 1,
            ..SearchOptions::default()
        },
        SearchOptions {
            sort: Sort::Date,
            facets: true,
            ..SearchOptions::default()
        },
        SearchOptions {
            filters: tag("rust"),
            facets: true,
            ..SearchOptions::default()
        },
        SearchOptions {
            date_from: Some("2024-01-01".into()),
            date_to: Some("2025-12-31".into()),
            ..SearchOptions::default()
        },
    ]
}

const QUERIES: &[&str] = &[
    "putin",
    "Tianjin",
    "xi jinping",
    "\"foreign policy aide\"",
    "Kremln",
    "Geor",
    "kremlin -trump",
    "riyadh OR alaska",
    "title:kremlin",
    "engine",
    "Xik",
    "zzqqxx",
    "cafe",
    "京",
    "strategic partnership russia china",
];

#[wasm_bindgen_test]
fn a_chunked_index_answers_like_the_single_file() {
    let tiny = files(TINY);
    let terms = tiny
        .pieces
        .iter()
        .filter(|p| matches!(p.0, PieceId::Terms(_)))
        .count();
    assert!(
        terms > 20,
        "only {terms} term pieces: the layout is not tiny"
    );
    let whole = codec::decode(files(Layout::whole()).single_file()).expect("single file");
    let mut lazy = Lazy::open(&tiny);
    assert!(lazy.index.stats().chunked);
    let entry_bytes = lazy.index.stats().index_bytes;
    assert_eq!(entry_bytes, tiny.entry.len());

    for options in option_sets() {
        for &query in QUERIES {
            let expected = whole.search(query, &options);
            let got = lazy.search(query, &options);
            assert_eq!(got, expected, "{query:?} with {options:?}");
        }
    }
    let default = SearchOptions::default();
    assert_eq!(
        whole.search("Tianjin", &default).hits.len(),
        2,
        "the seed and u1"
    );
    assert_eq!(
        whole.search("Xik", &default).suggestion.as_deref(),
        Some("Xi")
    );

    // Every piece is now cached: the same searches need nothing more.
    for options in option_sets() {
        for &query in QUERIES {
            assert!(
                lazy.index.try_search(query, &options).is_ok(),
                "{query:?} needs pieces again"
            );
        }
    }
    let loaded = lazy.inserted.len();
    assert!(
        loaded < tiny.pieces.len(),
        "all {loaded} pieces were fetched: the search is not lazy"
    );
    let read = lazy.index.stats().index_bytes;
    let expected_bytes: usize = entry_bytes
        + tiny
            .pieces
            .iter()
            .filter(|p| lazy.inserted.contains(&p.0))
            .map(|p| p.2.len())
            .sum::<usize>();
    assert_eq!(
        read, expected_bytes,
        "indexBytes counts the entry and each piece once"
    );
}

#[wasm_bindgen_test]
fn piece_files_are_named_as_written() {
    let tiny = files(TINY);
    let mut lazy = Lazy::open(&tiny);
    // Term and id pieces are named by the entry; streams once their term piece is loaded.
    for (piece, name, bytes) in &tiny.pieces {
        if matches!(piece, PieceId::Terms(_)) {
            assert_eq!(&lazy.index.piece_file(*piece), name);
            lazy.index.insert(*piece, bytes).expect("term piece");
        }
    }
    for (piece, name, _) in &tiny.pieces {
        assert_eq!(&lazy.index.piece_file(*piece), name, "{piece:?}");
    }
}

#[wasm_bindgen_test]
fn document_lookups_fetch_id_and_document_pieces() {
    let tiny = files(TINY);
    let mut lazy = Lazy::open(&tiny);
    let needs = lazy
        .index
        .try_document("t3")
        .expect_err("nothing is loaded");
    assert!(
        needs.0.iter().all(|p| matches!(p, PieceId::Ids(_))),
        "{needs:?}"
    );
    let document = lazy.document("t3").expect("t3 exists");
    assert_eq!(document.title, "Browser engine internals");
    assert_eq!(document.date.as_deref(), Some("2023-03-03"));
    assert!(lazy
        .inserted
        .iter()
        .any(|p| matches!(p, PieceId::Document(_))));
    assert_eq!(lazy.document("t3"), Some(document), "cached");
    assert_eq!(lazy.document("no-such-id"), None);
    assert_eq!(
        lazy.document(TIANJIN).map(|d| d.title),
        Some("Putin and Xi Discuss Latest Russia-US Diplomatic Exchanges".to_string())
    );
}

/// The first piece of each kind, with its bytes.
fn first(files: &IndexFiles, kind: fn(&PieceId) -> bool, skip: usize) -> (PieceId, Vec<u8>) {
    files
        .pieces
        .iter()
        .filter(|p| kind(&p.0))
        .nth(skip)
        .map(|p| (p.0, p.2.clone()))
        .expect("a piece of that kind")
}

fn fresh(files: &IndexFiles) -> Index {
    Index::from_entry(
        codec::decode_entry(&files.entry).unwrap(),
        files.entry.len(),
    )
}

#[wasm_bindgen_test]
fn a_wrong_piece_is_stale_and_a_truncated_one_says_so() {
    let tiny = files(TINY);
    let is_terms = |p: &PieceId| matches!(p, PieceId::Terms(_));
    let is_ids = |p: &PieceId| matches!(p, PieceId::Ids(_));
    let (terms0, bytes0) = first(&tiny, is_terms, 0);
    let (_, bytes1) = first(&tiny, is_terms, 1);

    // Another term piece's bytes under this one's name: the site was rebuilt.
    let mut index = fresh(&tiny);
    match index.insert(terms0, &bytes1) {
        Err(FormatError::Stale(file)) => assert_eq!(file, index.piece_file(terms0)),
        other => panic!("expected Stale, got {other:?}"),
    }
    // The same piece from another build of the index (one more document) is stale too.
    let mut more = documents();
    more.push(scour_core::Document::new(
        "extra",
        "Extra",
        "aardvark abacus",
    ));
    let mut builder = IndexBuilder::new();
    for document in more {
        builder.add(document);
    }
    let rebuilt = builder.build_files(TINY);
    let (_, rebuilt0) = first(&rebuilt, is_terms, 0);
    assert!(matches!(
        index.insert(terms0, &rebuilt0),
        Err(FormatError::Stale(_))
    ));
    let (ids0, id_bytes) = first(&tiny, is_ids, 0);
    let (_, other_ids) = first(&tiny, is_ids, 1);
    assert!(matches!(
        index.insert(ids0, &other_ids),
        Err(FormatError::Stale(_))
    ));

    // Cut short: truncated, whatever its name.
    // The header is 31 bytes and the writer's version; 2 bytes of payload past it.
    let past_header = 31 + usize::from(bytes0[30]) + 2;
    for cut in [bytes0.len() - 1, bytes0.len() / 2, past_header] {
        match index.insert(terms0, &bytes0[..cut]) {
            Err(FormatError::TruncatedPiece(file)) => {
                assert_eq!(file, index.piece_file(terms0))
            }
            other => panic!("cut at {cut}: expected TruncatedPiece, got {other:?}"),
        }
    }
    match index.insert(ids0, &id_bytes[..id_bytes.len() - 1]) {
        Err(FormatError::TruncatedPiece(_)) => {}
        other => panic!("expected TruncatedPiece, got {other:?}"),
    }
    // A flipped byte: corrupt; a piece of another kind: named as such.
    let mut flipped = bytes0.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 1;
    assert!(matches!(
        index.insert(terms0, &flipped),
        Err(FormatError::CorruptPiece(_))
    ));
    assert!(matches!(
        index.insert(terms0, &id_bytes),
        Err(FormatError::WrongKind { .. })
    ));

    // None of that was kept: the right piece still inserts and the index searches.
    assert_eq!(index.stats().index_bytes, tiny.entry.len());
    index
        .insert(terms0, &bytes0)
        .expect("the right piece inserts");
}

//! A chunked index read piece by piece: what a search asks for, and how bad pieces are refused.

use std::collections::HashMap;

use scour_core::{
    codec, codec::Foreign, Document, FormatError, Index, IndexBuilder, IndexFiles, Layout, Needs,
    PieceId, SearchOptions, Written,
};

/// Forty documents over a vocabulary wide enough for many small term pieces.
fn files() -> IndexFiles {
    let words = [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
        "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra",
        "tango", "uniform", "victor", "whiskey", "xray", "yankee", "zulu",
    ];
    let mut builder = IndexBuilder::new();
    for i in 0..40 {
        let body: Vec<&str> = (0..12)
            .map(|k| words[(i * 7 + k * 3) % words.len()])
            .collect();
        let mut document = Document::new(
            format!("doc-{i:02}"),
            format!("Title {}", words[i % words.len()]),
            body.join(" "),
        );
        document.date = Some(format!("2024-01-{:02}", i % 28 + 1));
        builder.add(document);
    }
    builder.build_files(Layout {
        term_piece_bytes: 64,
        postings_piece_bytes: 64,
        ids_per_piece: 8,
    })
}

fn entry_only(files: &IndexFiles) -> Index {
    Index::from_entry(
        codec::decode_entry(&files.entry).expect("entry"),
        files.entry.len(),
    )
}

fn bytes_of<'a>(files: &'a IndexFiles, index: &Index, piece: PieceId) -> &'a [u8] {
    let file = index.piece_file(piece);
    let by_name: HashMap<&str, &[u8]> = files
        .pieces
        .iter()
        .map(|(_, f, b)| (f.as_str(), b.as_slice()))
        .collect();
    by_name[file.as_str()]
}

/// Searches, fetching what is needed; returns the rounds of needs, in order.
fn rounds(files: &IndexFiles, index: &mut Index, query: &str) -> Vec<Needs> {
    let mut seen = Vec::new();
    loop {
        match index.try_search(query, &SearchOptions::default()) {
            Ok(_) => return seen,
            Err(needs) => {
                for &piece in &needs.0 {
                    let bytes = bytes_of(files, index, piece).to_vec();
                    index.insert(piece, &bytes).expect("inserts");
                }
                seen.push(needs);
                assert!(seen.len() < 10, "{query}: no end to the needs: {seen:?}");
            }
        }
    }
}

#[test]
fn the_words_of_a_query_are_looked_up_in_one_round() {
    let files = files();
    assert!(
        files
            .pieces
            .iter()
            .filter(|p| matches!(p.0, PieceId::Terms(_)))
            .count()
            > 4,
        "the layout must cut several term pieces"
    );
    let mut index = entry_only(&files);
    let rounds = rounds(&files, &mut index, "alpha zulu ");
    let first: Vec<PieceId> = rounds[0].0.clone();
    assert!(
        first.iter().all(|p| matches!(p, PieceId::Terms(_))) && first.len() >= 2,
        "{first:?}"
    );
}

#[test]
fn a_single_word_never_needs_positions_and_a_phrase_does() {
    let files = files();
    let mut index = entry_only(&files);
    let needed: Vec<PieceId> = rounds(&files, &mut index, "hotel ")
        .into_iter()
        .flat_map(|n| n.0)
        .collect();
    assert!(needed.iter().any(|p| matches!(p, PieceId::Postings(..))));
    assert!(
        !needed.iter().any(|p| matches!(p, PieceId::Positions(..))),
        "{needed:?}"
    );
    let needed: Vec<PieceId> = rounds(&files, &mut index, "\"hotel kilo\"")
        .into_iter()
        .flat_map(|n| n.0)
        .collect();
    assert!(
        needed.iter().any(|p| matches!(p, PieceId::Positions(..))),
        "{needed:?}"
    );
}

#[test]
fn pieces_once_fetched_are_not_asked_for_again() {
    let files = files();
    let mut index = entry_only(&files);
    assert!(!rounds(&files, &mut index, "romeo juliet").is_empty());
    assert!(rounds(&files, &mut index, "romeo juliet").is_empty());
    assert!(index.stats().chunked);
    assert!(index.stats().index_bytes > files.entry.len());
}

#[test]
fn a_date_sort_fetches_the_dates_and_documents_are_found_by_id() {
    let files = files();
    let mut index = entry_only(&files);
    let options = SearchOptions {
        sort: scour_core::Sort::Date,
        ..SearchOptions::default()
    };
    let needs = index.try_search("golf", &options).unwrap_err();
    assert!(needs.0.contains(&PieceId::Dates), "{needs:?}");
    let needs = index.try_document("doc-17").unwrap_err();
    assert!(matches!(needs.0[..], [PieceId::Ids(_)]), "{needs:?}");
    let bytes = bytes_of(&files, &index, needs.0[0]).to_vec();
    index.insert(needs.0[0], &bytes).expect("ids");
    let needs = index.try_document("doc-17").unwrap_err();
    assert_eq!(needs.0, [PieceId::Document(17)]);
    let bytes = bytes_of(&files, &index, needs.0[0]).to_vec();
    index.insert(needs.0[0], &bytes).expect("document");
    assert_eq!(
        index.try_document("doc-17").expect("loaded").map(|d| d.id),
        Some("doc-17".to_string())
    );
    assert_eq!(
        index.try_document("doc-17x").expect("in the same id piece"),
        None
    );
}

#[test]
fn bad_pieces_are_refused_with_what_is_wrong() {
    let files = files();
    let mut index = entry_only(&files);
    let terms = PieceId::Terms(1);
    let good = bytes_of(&files, &index, terms).to_vec();
    let other = bytes_of(&files, &index, PieceId::Terms(2)).to_vec();
    let ids = bytes_of(&files, &index, PieceId::Ids(0)).to_vec();

    let file = index.piece_file(terms);
    assert_eq!(
        index.insert(terms, &other),
        Err(FormatError::Stale(file.clone()))
    );
    assert_eq!(
        index.insert(terms, &good[..good.len() - 1]),
        Err(FormatError::TruncatedPiece(file.clone()))
    );
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 1;
    assert_eq!(
        index.insert(terms, &flipped),
        Err(FormatError::CorruptPiece(file.clone()))
    );
    let foreign = index.insert(terms, &ids).unwrap_err();
    assert!(
        foreign.to_string().contains(
            "an id piece, not a term piece: the server sends another file at this piece's address"
        ),
        "{foreign}"
    );
    assert_eq!(
        index.insert(terms, b"<html>"),
        Err(FormatError::NotAnIndex(Foreign::Html))
    );
    index.insert(terms, &good).expect("the real piece");
    // A document piece of another build of the index is stale.
    let mut rebuilt = IndexBuilder::new();
    rebuilt.add(Document::new("doc-00", "Another", "build"));
    let rebuilt = rebuilt.build_files(Layout::default());
    let stale = &rebuilt
        .pieces
        .iter()
        .find(|p| p.0 == PieceId::Document(0))
        .expect("a document")
        .2;
    assert!(matches!(
        index.insert(PieceId::Document(0), stale),
        Err(FormatError::Stale(_))
    ));
}

#[test]
fn an_entry_is_not_a_single_file_and_vice_versa() {
    let files = files();
    let entry = codec::decode(&files.entry).unwrap_err();
    assert!(entry.to_string().contains("index entry file"), "{entry}");
    let single = codec::decode_entry(&files.single_file()).unwrap_err();
    assert!(single.to_string().contains("single-file index"), "{single}");
}

/// Typing on a chunked index, each keystroke fetching the pieces it needs, answers as a
/// complete index opened afresh does: what a search kept for the next one, including what
/// an attempt that named pieces to fetch worked out, is never stale.
#[test]
fn typing_on_a_chunked_index_answers_as_a_fresh_complete_index() {
    let files = files();
    let complete = codec::decode(files.single_file()).expect("single file");
    let mut chunked = entry_only(&files);
    for query in ["golf hotel india", "xray yank", "title tango -lima"] {
        for end in (1..=query.len()).filter(|&end| query.is_char_boundary(end)) {
            let typed = &query[..end];
            rounds(&files, &mut chunked, typed);
            let answer = chunked.try_search(typed, &SearchOptions::default());
            let fresh = complete.clone().search(typed, &SearchOptions::default());
            assert_eq!(answer.expect("every piece is in"), fresh, "{typed:?}");
        }
    }
}

/// A word typed alone whose completions hold thousands of postings reads its first page from
/// its term piece: no postings piece is fetched for it, and the page is what ranking the
/// postings of a complete index finds.
#[test]
fn a_costly_word_typed_alone_fetches_no_postings() {
    let mut builder = IndexBuilder::new();
    for i in 0..2200 {
        let title = ["alpha", "alpine", "altitude", "bravo"][i % 4];
        let body = ["alpha alps", "alpine alto", "bravo charlie"][i % 3];
        let text = format!(
            "{body} and some text, of words the documents share: {}",
            body.repeat(8)
        );
        builder.add(Document::new(format!("doc-{i:04}"), title, text));
    }
    let files = builder.build_files(Layout {
        term_piece_bytes: 64,
        postings_piece_bytes: 64,
        ids_per_piece: 64,
    });
    let complete = codec::decode(files.single_file()).expect("single file");
    let mut chunked = entry_only(&files);
    let needed: Vec<PieceId> = rounds(&files, &mut chunked, "al")
        .into_iter()
        .flat_map(|n| n.0)
        .collect();
    assert!(
        needed.iter().all(|p| !matches!(p, PieceId::Postings(..))),
        "{needed:?}"
    );
    assert!(needed.iter().any(|p| matches!(p, PieceId::Document(..))));
    let options = SearchOptions::default();
    let answer = chunked
        .try_search("al", &options)
        .expect("every piece is in");
    let ranked = complete.search(
        "al",
        &SearchOptions {
            limit: 11,
            ..options
        },
    );
    assert_eq!(answer.total, ranked.total);
    assert_eq!(answer.hits, ranked.hits[..10]);
    // The next word needs postings again.
    let needed = rounds(&files, &mut chunked, "alpha bra");
    assert!(needed
        .iter()
        .flat_map(|n| &n.0)
        .any(|p| matches!(p, PieceId::Postings(..))));
}

/// The searches that warm an engine up type the index's own words a key at a time, on
/// character boundaries and at most `WARM_KEYS` of them, an odd word after the one before it;
/// an index fetched in pieces, or of no terms, types none.
#[test]
fn warming_up_types_the_index_own_words() {
    use scour_core::index::{WARM_KEYS, WARM_WORDS};
    let mut builder = IndexBuilder::new();
    let bodies = [
        "Kremlin talks in Beijing on trade and energy",
        "Café crème brûlée in Zürich",
        "The token 4f9c2e7a1b3d5f60718293a4b5c6d7e8 is long",
    ];
    for (i, body) in bodies.iter().enumerate() {
        builder.add(Document::new(format!("d{i}"), "", *body));
    }
    let files = builder.build_files(Layout::default());
    let index = codec::decode(files.single_file()).expect("single file");
    let terms: Vec<&str> = index.terms().collect();
    let mut typed = Vec::new();
    for word in 0..WARM_WORDS {
        let queries = index.warm_queries(word);
        let term = terms[word * terms.len() / WARM_WORDS];
        let lead = match word % 2 {
            1 => format!("{} ", terms[(word - 1) * terms.len() / WARM_WORDS]),
            _ => String::new(),
        };
        let keys: Vec<String> = (1..=term.chars().count().min(WARM_KEYS))
            .map(|n| format!("{lead}{}", term.chars().take(n).collect::<String>()))
            .collect();
        assert_eq!(queries, keys, "word {word}");
        assert_eq!(index.warm_queries(word + WARM_WORDS), queries);
        typed.push(term);
    }
    assert!(typed.iter().any(|t| !t.is_ascii()), "{typed:?}");
    assert!(typed.iter().any(|t| t.len() > WARM_KEYS), "{typed:?}");

    assert!(entry_only(&files).warm_queries(0).is_empty());
    let empty = codec::decode(
        IndexBuilder::new()
            .build_files(Layout::default())
            .single_file(),
    );
    assert!(empty.expect("an empty index").warm_queries(0).is_empty());
}

/// Many short terms that share their starts (a page of numbers) front-code to a few bytes
/// each and take tens once decoded: the builder cuts their term piece until every piece is
/// within what a reader accepts, so the index opens, whole or chunked. Written whole, it was
/// refused as taking too much memory (and `scour index --single-file` panicked).
#[test]
fn a_page_of_numbers_makes_an_index_that_opens() {
    let body: Vec<String> = (0..60_000).map(|n| n.to_string()).collect();
    for layout in [Layout::whole(), Layout::default()] {
        let mut builder = IndexBuilder::new();
        builder.add(Document::new("numbers", "Numbers", body.join(" ")));
        let files = builder.build_files(layout);
        assert_eq!(codec::overweight_pieces(&files), Vec::<PieceId>::new());
        let index = codec::decode(files.single_file()).expect("the index opens");
        let found = index.search("31337 ", &SearchOptions::default());
        assert_eq!(found.total, 1);
    }
}

/// A page of tens of thousands of headings with no text between them takes far more memory
/// once decoded than its piece's size lets a reader accept: the page keeps every other section
/// until it fits, its text all searchable, rather than being written as an index that cannot
/// be opened.
#[test]
fn a_page_of_headings_alone_makes_an_index_that_opens() {
    let mut body = String::new();
    let mut sections = Vec::new();
    for i in 0..50_000u32 {
        sections.push(scour_core::Section {
            anchor: format!("h{i}"),
            title: "x".to_string(),
            start: body.len() as u32,
        });
        body.push_str(if i == 31_337 { "needle\n" } else { "x\n" });
    }
    for layout in [Layout::whole(), Layout::default()] {
        let mut builder = IndexBuilder::new();
        let mut document = Document::new("headings", "Headings", body.clone());
        document.sections = sections.clone();
        builder.add(document);
        let Written { files, thinned } = builder.write_files(layout);
        assert_eq!(codec::overweight_pieces(&files), Vec::<PieceId>::new());
        let [page] = thinned.as_slice() else {
            panic!("one page thinned, not {thinned:?}");
        };
        assert_eq!(page.id, "headings");
        assert!((1..50_000).contains(&page.sections.0), "{page:?}");
        assert_eq!((page.sections.1, page.meta), (50_000, (0, 0)));
        let index = codec::decode(files.single_file()).expect("the index opens");
        let found = index.search("needle ", &SearchOptions::default());
        assert_eq!(found.total, 1);
        assert!(!found.hits[0].sections.is_empty());
    }
}

/// The same for a page of tens of thousands of metadata fields: it keeps the first half of
/// them until its piece fits.
#[test]
fn a_page_of_metadata_alone_makes_an_index_that_opens() {
    let mut builder = IndexBuilder::new();
    let mut document = Document::new("meta", "Metadata", "a needle in the text".to_string());
    document.meta = (0..30_000)
        .map(|i| (format!("k{i:05}"), "v".to_string()))
        .collect();
    builder.add(document);
    let Written { files, thinned } = builder.write_files(Layout::default());
    assert_eq!(codec::overweight_pieces(&files), Vec::<PieceId>::new());
    let [page] = thinned.as_slice() else {
        panic!("one page thinned, not {thinned:?}");
    };
    assert_eq!((page.id.as_str(), page.sections), ("meta", (0, 0)));
    assert!((1..30_000).contains(&page.meta.0), "{page:?}");
    assert_eq!(page.meta.1, 30_000);
    let index = codec::decode(files.single_file()).expect("the index opens");
    let found = index.search("needle ", &SearchOptions::default());
    assert_eq!(found.total, 1);
    assert_eq!(found.hits[0].meta.len(), page.meta.0);
}

//! A chunked index of several languages: its language table names an index per language and
//! one of all of them; each language's index holds its pages only, with its own statistics; a
//! site of one language is written as before; a table naming a missing, truncated, corrupt or
//! foreign entry, or a forged table, is an error that says so.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use scour_core::codec::{self, ChunkedFiles};
use scour_core::language::Language;
use scour_core::pieces::LanguageTable;
use scour_core::{Document, FormatError, Index, IndexBuilder, Layout, SearchOptions};

fn doc(id: &str, lang: &str, title: &str, body: &str) -> Document {
    let mut document = Document::new(id, title, body);
    document.lang = Some(lang.to_string());
    document
}

/// Two English pages and a French one, all saying "bibliothèque".
fn builder() -> IndexBuilder {
    let mut builder = IndexBuilder::new();
    for document in [
        doc("en/a", "en", "Libraries", "A bibliothèque lends books."),
        doc("en/b", "en-GB", "Borrowing", "Readers borrow books."),
        doc(
            "fr/a",
            "fr",
            "Bibliothèques",
            "La bibliothèque prête des livres.",
        ),
    ] {
        builder.add(document);
    }
    builder
}

/// The files beside the language table, by path.
fn languages() -> (LanguageTable, HashMap<String, Vec<u8>>) {
    let files = builder().build_chunked(Layout::default());
    assert!(matches!(files, ChunkedFiles::Languages(_)));
    let table = codec::decode_language_table(files.top()).expect("the table decodes");
    let pieces = files
        .pieces()
        .into_iter()
        .map(|(file, bytes)| (file.to_string(), bytes.to_vec()))
        .collect();
    (table, pieces)
}

/// The index the table opens for `lang`, every piece read.
fn open(table: &LanguageTable, pieces: &HashMap<String, Vec<u8>>, lang: Option<&str>) -> Index {
    let chosen = table.select(lang);
    let file = codec::entry_file(chosen.entry);
    let entry = codec::decode_language_entry(&pieces[&file], chosen, &file).expect("its entry");
    let mut index = Index::from_entry(entry, 0);
    while let Some(&piece) = index.missing().first() {
        let file = index.piece_file(piece);
        index
            .insert(piece, &pieces[&file])
            .expect("a piece inserts");
    }
    index
}

fn ids(index: &Index, query: &str, lang: Option<&str>) -> Vec<String> {
    let options = SearchOptions {
        lang: lang.map(str::to_string),
        ..SearchOptions::default()
    };
    let hits = index.search(query, &options).hits;
    hits.into_iter().map(|hit| hit.id).collect()
}

#[test]
fn the_table_names_each_languages_index_and_one_of_all() {
    let (table, pieces) = languages();
    let codes: Vec<(&str, u32)> = table
        .languages
        .iter()
        .map(|(language, index)| (language.code(), index.documents))
        .collect();
    assert_eq!(codes, [("en", 2), ("fr", 1)]);
    assert_eq!(table.all.documents, 3);
    let english = table.languages[0].1;
    assert_eq!(table.select(Some("en-US")), english);
    for lang in [None, Some("*"), Some(" * "), Some("pt"), Some("")] {
        assert_eq!(table.select(lang), table.all, "{lang:?}");
    }

    let french = open(&table, &pieces, Some("fr"));
    assert_eq!(french.stats().documents, 1);
    let languages: Vec<&str> = french.languages().iter().map(Language::code).collect();
    assert_eq!(
        languages,
        ["fr"],
        "French queries are stemmed in French only"
    );
    assert_eq!(ids(&french, "bibliothèque", None), ["fr/a"]);
    assert_eq!(ids(&french, "livre", None), ["fr/a"], "stemmed in French");
    assert!(
        french
            .try_filter_counts()
            .unwrap()
            .iter()
            .all(|(name, _)| name != "lang"),
        "one language needs no lang filter"
    );
    assert_eq!(
        ids(&open(&table, &pieces, Some("en")), "bibliothèque", None),
        ["en/a"]
    );

    let all = open(&table, &pieces, Some("*"));
    assert_eq!(ids(&all, "bibliothèque", None).len(), 2);
    assert_eq!(
        ids(&all, "bibliothèque", Some("fr")),
        ["fr/a"],
        "lang at query time"
    );
    assert_eq!(ids(&all, "bibliothèque", Some("*")).len(), 2);
}

/// Each language's index has its own pieces: a search in one fetches none of another's.
#[test]
fn no_piece_is_shared_between_languages() {
    let files = builder().build_chunked(Layout::default());
    let ChunkedFiles::Languages(languages) = files else {
        panic!("two languages make a language table");
    };
    let mut seen = HashMap::new();
    for (entry, files) in &languages.indexes {
        for (_, file, _) in &files.pieces {
            if let Some(other) = seen.insert(file.clone(), entry.clone()) {
                panic!("{file} is in the indexes of {other} and {entry}");
            }
        }
    }
}

/// A site of one language is one index, written exactly as `build_files` writes it.
#[test]
fn one_language_is_one_index_as_before() {
    let english = || {
        let mut builder = IndexBuilder::new();
        builder.add(doc("a", "en", "Libraries", "Books."));
        builder.add(doc("b", "en-US", "Borrowing", "Readers."));
        builder
    };
    let ChunkedFiles::One(chunked) = english().build_chunked(Layout::default()) else {
        panic!("one language makes one index");
    };
    let plain = english().build_files(Layout::default());
    assert_eq!(chunked.entry, plain.entry);
    assert_eq!(chunked.pieces, plain.pieces);
}

#[test]
fn a_truncated_corrupt_or_foreign_entry_is_refused() {
    let (table, pieces) = languages();
    let chosen = table.select(Some("fr"));
    let file = codec::entry_file(chosen.entry);
    let entry = &pieces[&file];
    let decode = |bytes: &[u8]| codec::decode_language_entry(bytes, chosen, &file).unwrap_err();

    let cut = decode(&entry[..entry.len() - 3]);
    assert!(matches!(cut, FormatError::Truncated(_)), "{cut}");
    let mut flipped = entry.clone();
    *flipped.last_mut().unwrap() ^= 1;
    assert_eq!(decode(&flipped), FormatError::ChecksumMismatch);

    let english = table.select(Some("en"));
    let other = decode(&pieces[&codec::entry_file(english.entry)]);
    assert_eq!(
        other,
        FormatError::Stale(file.clone()),
        "another language's entry"
    );
    let (_, piece) = pieces.iter().find(|(f, _)| f.contains("terms-")).unwrap();
    let foreign = decode(piece);
    assert!(
        matches!(foreign, FormatError::WrongKind { .. }),
        "{foreign}"
    );
}

#[test]
fn a_truncated_corrupt_or_foreign_table_is_refused() {
    let files = builder().build_chunked(Layout::default());
    let table = files.top();
    let cut = codec::decode_language_table(&table[..table.len() - 1]).unwrap_err();
    assert!(matches!(cut, FormatError::Truncated(_)), "{cut}");
    let mut flipped = table.to_vec();
    *flipped.last_mut().unwrap() ^= 1;
    assert_eq!(
        codec::decode_language_table(&flipped),
        Err(FormatError::ChecksumMismatch)
    );
    let entry = codec::decode_language_table(files.entry()).unwrap_err();
    assert!(matches!(entry, FormatError::WrongKind { .. }), "{entry}");
    assert!(codec::decode_entry(table).is_err());
    assert!(codec::decode(table).is_err(), "a table is no single file");
    assert!(codec::is_language_table(table) && !codec::is_entry(table));
}

/// Forged tables, resealed so that only their contents are wrong: refused or read (a table
/// only chooses which entry to read, which is checked against its name), never a panic.
#[test]
fn forged_tables_are_refused() {
    let files = builder().build_chunked(Layout::default());
    let table = files.top().to_vec();
    let mut refused = 0;
    for at in 0..table.len() {
        for change in [1u8, 0x80, 0xff] {
            let mut forged = table.clone();
            forged[at] ^= change;
            let forged = codec::reseal(forged);
            let _ = codec::decode_any(&forged);
            if let Ok(decoded) = codec::decode_language_table(&forged) {
                let _ = decoded.select(Some("fr"));
            } else {
                refused += 1;
            }
        }
    }
    // At least those of its magic bytes and format version.
    assert!(refused >= 30, "only {refused} forgeries refused");
}

//! Any text as a query, in both syntaxes, typed or complete, then searched on a small index
//! of three languages, in all of them and in French alone: never a panic, every match range
//! inside its text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use scour_core::{Document, Hit, Index, IndexBuilder, Query, SearchOptions, Syntax};

/// A document in the language `lang`.
fn written_in(lang: &str, id: &str, title: &str, body: &str) -> Document {
    let mut document = Document::new(id, title, body);
    document.lang = Some(lang.to_string());
    document
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        IndexBuilder::index([
            Document::new(
                "a",
                "Array sort",
                "sort(array $a): sorts an array in place. The high-level API.",
            ),
            Document::new(
                "b",
                "getElementById",
                "Returns the element whose id is given; Tianjín, Kremlin talks.",
            ),
            Document::new(
                "c",
                "the the",
                "the the the. A page of stop words, \"quoted\" and -dashed.",
            ),
            written_in(
                "fr",
                "d",
                "L'école du quartier",
                "L'économie de la ville dépend des écoles. Y a-t-il une cantine ?",
            ),
            written_in(
                "ja",
                "e",
                "東京の図書館",
                "東京都立図書館では本を借りることができます。",
            ),
        ])
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for syntax in [Syntax::Operators, Syntax::Plain] {
        for typing in [true, false] {
            let _ = Query::parse(text, syntax, typing, index().languages());
            for lang in [None, Some("fr".to_string())] {
                let options = SearchOptions {
                    syntax,
                    typing,
                    lang,
                    ..SearchOptions::default()
                };
                check(&index().search(text, &options).hits);
            }
        }
    }
});

/// Every match range of every hit lies inside its text.
fn check(hits: &[Hit]) {
    for hit in hits {
        assert!(hit
            .excerpt_matches
            .iter()
            .all(|r| hit.excerpt.get(r.clone()).is_some()));
        assert!(hit
            .title_matches
            .iter()
            .all(|r| hit.title.get(r.clone()).is_some()));
    }
}

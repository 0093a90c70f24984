//! Any text as a query, in both syntaxes, typed or complete, then searched on a small index:
//! never a panic, every match range inside its text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use scour_core::{Document, Index, IndexBuilder, Query, SearchOptions, Syntax};

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
        ])
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for syntax in [Syntax::Operators, Syntax::Plain] {
        for typing in [true, false] {
            let _ = Query::parse(text, syntax, typing);
            let options = SearchOptions {
                syntax,
                typing,
                ..SearchOptions::default()
            };
            for hit in index().search(text, &options).hits {
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
    }
});

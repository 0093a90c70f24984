//! Raw bytes as a single-file index, an entry, a language table, or any file its magic
//! names: an error or an index, never a panic; an index that opens answers a search.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scour_core::{codec, SearchOptions};

fuzz_target!(|data: &[u8]| {
    if let Ok(index) = codec::decode(data) {
        for query in ["a", "\"a b\"", "ab -c", "title:a OR b"] {
            let _ = index.search(query, &SearchOptions::default());
        }
    }
    let _ = codec::decode_entry(data);
    if let Ok(table) = codec::decode_language_table(data) {
        let _ = table.select(Some("fr"));
    }
    let _ = codec::decode_any(data);
});

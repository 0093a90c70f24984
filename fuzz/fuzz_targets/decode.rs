//! Raw bytes as a single-file index, an entry, or any file its magic names: an error or an
//! index, never a panic; an index that opens answers a search.
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
    let _ = codec::decode_any(data);
});

//! Any bytes as a .md file read by scour-ingest: documents or an error naming the file,
//! never a panic (nor a hang: libFuzzer's -timeout catches one).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    scour_fuzz::read_as("page.md", data);
});

//! The fixture `tests/fixtures/xss/`: markup in plain text stays plain text, untouched.

use scour_ingest::{read_corpus, IngestOptions};

use crate::common;

#[test]
fn markup_in_a_text_file_is_kept_verbatim_in_title_and_body() {
    let corpus = read_corpus(
        &[common::fixture("xss")],
        &IngestOptions {
            strict: true,
            ..IngestOptions::default()
        },
    )
    .unwrap();
    let document = common::document(&corpus, "injection");
    for markup in ["<img src=x onerror=alert(1)>", "<script>alert(2)</script>"] {
        assert!(
            document.title.contains(markup),
            "title {:?}",
            document.title
        );
        assert!(document.body.contains(markup), "body {:?}", document.body);
    }
}

//! The seed corpus in `corpus/`: titles and dates read from the real files.

use scour_ingest::{read_corpus, IngestOptions};

use crate::common;

fn seed() -> scour_ingest::Corpus {
    let options = IngestOptions {
        strict: true,
        ..IngestOptions::default()
    };
    read_corpus(&[common::repo().join("corpus")], &options).expect("the seed corpus reads cleanly")
}

#[test]
fn every_seed_file_is_a_document_in_sorted_order() {
    let ids: Vec<_> = seed()
        .documents
        .into_iter()
        .map(|document| document.id)
        .collect();
    assert_eq!(
        ids,
        [
            "000_5c85da917d8ed88c",
            "001_e2b99da125ba86af",
            "002_99d606bfa40b6113",
            "003_49ed663c459ea382",
            "004_9feee331227b579d",
        ]
    );
}

#[test]
fn title_lines_become_titles_and_leave_the_body() {
    let corpus = seed();
    let cases = [
        ("002_99d606bfa40b6113", "Putin and Xi Discuss Latest Russia-US Diplomatic Exchanges"),
        ("004_9feee331227b579d", "Deepening Moscow-Beijing Cooperation: High-Level Talks in the Kremlin"),
        (
            "001_e2b99da125ba86af",
            "Kremlin Indicates Potential for High-Level Dialogue Between Putin and Trump in Beijing",
        ),
    ];
    for (id, title) in cases {
        let document = common::document(&corpus, id);
        assert_eq!(document.title, title);
        assert!(
            !document.body.contains(title),
            "{id}: the title line stays in the body"
        );
        assert_eq!(document.url, None);
    }
    let lead = &common::document(&corpus, "001_e2b99da125ba86af").body;
    assert!(
        lead.starts_with("The Kremlin has indicated a willingness"),
        "{lead:.60}"
    );
}

#[test]
fn seed_000_has_its_date_and_a_first_sentence_title() {
    let corpus = seed();
    let document = common::document(&corpus, "000_5c85da917d8ed88c");
    assert_eq!(document.date.as_deref(), Some("2025-02-22"));
    assert!(
        document
            .body
            .starts_with("President Vladimir Putin of Russia"),
        "{:.60}",
        document.body
    );
    assert!(!document.body.contains("2025-02-22"));
    assert_eq!(
        document.title,
        "President Vladimir Putin of Russia and Chinese President Xi Jinping are set to…"
    );
}

#[test]
fn without_a_title_line_the_body_keeps_the_whole_text() {
    let corpus = seed();
    let document = common::document(&corpus, "003_49ed663c459ea382");
    assert!(document
        .title
        .starts_with("Around May, Vladimir Putin is expected"));
    assert!(document.title.ends_with('…'));
    assert!(document.title.chars().count() <= 81);
    assert!(document.body.starts_with("Around May, Vladimir Putin"));
    assert_eq!(document.date, None);
}

//! The HTML fixture `tests/fixtures/html-site/`: page chrome and ignored sections left out,
//! annotations, titles, urls and dates.

use scour_ingest::{read_corpus, Corpus, IngestOptions};

use crate::common;

fn site() -> Corpus {
    let options = IngestOptions {
        strict: true,
        ..IngestOptions::default()
    };
    read_corpus(&[common::fixture("html-site")], &options).expect("the html site reads cleanly")
}

#[test]
fn chrome_scripts_and_ignored_sections_are_not_indexed() {
    let corpus = site();
    assert_eq!(corpus.documents.len(), 5);
    let absent = [
        "Navigation-only-word",
        "Masthead-only-word",
        "Copyright-footer-word",
        "analyticsOnlyWord",
        "stylesheet-only-word",
        "Noscript-only-word",
        "Ignoredsecretword",
        "Outsidemain-only-word",
    ];
    for document in &corpus.documents {
        for word in absent {
            assert!(
                !document.body.contains(word),
                "{} contains {word}",
                document.id
            );
            assert!(
                !document.title.contains(word),
                "{} title contains {word}",
                document.id
            );
        }
    }
}

#[test]
fn each_page_keeps_its_own_content() {
    let corpus = site();
    let words = [
        ("index", "barnacle"),
        ("docs/index", "mooring"),
        ("docs/intro", "anchorage"),
        ("docs/tides", "neap"),
        ("blog/storm", "squall"),
    ];
    for (id, word) in words {
        assert!(
            common::document(&corpus, id).body.contains(word),
            "{id} lacks {word}"
        );
    }
}

#[test]
fn text_is_broken_at_blocks_and_collapsed_within_them() {
    let corpus = site();
    let home = &common::document(&corpus, "index").body;
    assert!(
        home.starts_with("The almanac lists tides, berths and weather for the small harbor. Every")
    );
    let intro = &common::document(&corpus, "docs/intro").body;
    assert!(
        intro.ends_with("Visitors\nshould report to the harbor master."),
        "{intro}"
    );
    let tides = &common::document(&corpus, "docs/tides").body;
    assert!(tides.contains("Day High water\nMonday 06:12"), "{tides}");
}

#[test]
fn titles_come_from_the_content_h1_then_title_then_the_file_name() {
    let corpus = site();
    let title = |id| common::document(&corpus, id).title.clone();
    assert_eq!(title("index"), "Welcome aboard");
    assert_eq!(title("docs/intro"), "Introduction");
    assert_eq!(title("docs/tides"), "Tide tables");
    assert_eq!(title("docs/index"), "Harbor documentation");
    assert_eq!(title("blog/storm"), "storm");
}

#[test]
fn urls_are_file_paths_with_index_pages_at_their_folder() {
    let corpus = site();
    let url = |id| common::document(&corpus, id).url.clone();
    assert_eq!(url("index").as_deref(), Some("/"));
    assert_eq!(url("docs/index").as_deref(), Some("/docs/"));
    assert_eq!(url("docs/intro").as_deref(), Some("/docs/intro.html"));
    assert_eq!(url("blog/storm").as_deref(), Some("/blog/storm.html"));
}

#[test]
fn annotations_become_filters_and_meta() {
    let corpus = site();
    let tides = common::document(&corpus, "docs/tides");
    assert_eq!(tides.filters["tag"], ["tides", "moon"]);
    assert_eq!(tides.meta["author"], "Jane Doe");
    assert_eq!(tides.meta["image"], "/img/moon.png");
    let sections: Vec<_> = corpus
        .documents
        .iter()
        .map(|document| {
            (
                document.id.as_str(),
                document.filters.get("section").cloned(),
            )
        })
        .collect();
    let section = |name: &str| Some(vec![name.to_string()]);
    assert_eq!(
        sections,
        [
            ("blog/storm", section("blog")),
            ("docs/index", section("docs")),
            ("docs/intro", section("docs")),
            ("docs/tides", None),
            ("index", section("home")),
        ]
    );
}

#[test]
fn dates_come_from_the_date_meta_tag() {
    let corpus = site();
    let date = |id| common::document(&corpus, id).date.clone();
    assert_eq!(date("index").as_deref(), Some("2024-06-01"));
    assert_eq!(date("docs/tides").as_deref(), Some("2024-07-15"));
    assert_eq!(date("blog/storm").as_deref(), Some("2024-09-30"));
    assert_eq!(date("docs/intro"), None);
}

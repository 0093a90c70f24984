//! The Markdown fixture `tests/fixtures/docs-site/`: front matter, titles, urls and plain text.

use scour_ingest::{read_corpus, Corpus, IngestOptions};

use crate::common;

fn site() -> Corpus {
    let options = IngestOptions {
        strict: true,
        ..IngestOptions::default()
    };
    read_corpus(&[common::fixture("docs-site")], &options).expect("the docs site reads cleanly")
}

#[test]
fn pages_are_read_in_path_order_with_folder_ids() {
    let ids: Vec<_> = site()
        .documents
        .into_iter()
        .map(|document| document.id)
        .collect();
    assert_eq!(
        ids,
        [
            "guide/configure",
            "guide/index",
            "guide/install",
            "index",
            "reference/cli",
            "reference/troubleshooting",
        ]
    );
}

#[test]
fn yaml_front_matter_sets_title_date_tags_weight_and_meta() {
    let corpus = site();
    let install = common::document(&corpus, "guide/install");
    assert_eq!(install.title, "Installing Ferrule");
    assert_eq!(install.date.as_deref(), Some("2024-02-10"));
    assert_eq!(install.filters["tag"], ["install", "linux", "macos"]);
    assert_eq!(install.weight, 2.0);
    let home = common::document(&corpus, "index");
    assert_eq!(home.meta["author"], "Dana Okafor");
    assert_eq!(home.weight, 1.0);
}

#[test]
fn toml_front_matter_sets_title_date_tags_and_meta() {
    let corpus = site();
    let configure = common::document(&corpus, "guide/configure");
    assert_eq!(configure.title, "Configuring Ferrule");
    assert_eq!(configure.date.as_deref(), Some("2024-03-01"));
    assert_eq!(configure.filters["tag"], ["configuration"]);
    assert_eq!(configure.meta["reviewed_by"], "Ines Duarte");
}

#[test]
fn titles_fall_back_to_the_first_heading() {
    let corpus = site();
    assert_eq!(
        common::document(&corpus, "reference/cli").title,
        "Command-line reference"
    );
    let troubleshooting = common::document(&corpus, "reference/troubleshooting");
    assert_eq!(troubleshooting.title, "Troubleshooting");
    assert!(troubleshooting.filters.is_empty());
    assert!(!troubleshooting.body.contains("Troubleshooting"));
}

#[test]
fn urls_follow_the_folder_layout() {
    let corpus = site();
    let url = |id| common::document(&corpus, id).url.clone();
    assert_eq!(url("index").as_deref(), Some("/"));
    assert_eq!(url("guide/index").as_deref(), Some("/guide/"));
    assert_eq!(url("guide/install").as_deref(), Some("/guide/install/"));
}

#[test]
fn bodies_are_plain_text_with_code_but_without_markup_or_link_targets() {
    let corpus = site();
    let install = &common::document(&corpus, "guide/install").body;
    assert!(install.contains("Download the release tarball for your platform"));
    assert!(install.contains("sha256sum ferrule-1.4.0-x86_64-linux.tar.gz\ntar -xzf"));
    assert!(!install.contains("**") && !install.contains("```") && !install.contains('#'));
    let cli = &common::document(&corpus, "reference/cli").body;
    assert!(cli.contains("--porcelain"));
    assert!(cli.contains("upstream manual"));
    assert!(!cli.contains("hidden-link-target"));
    let configure = &common::document(&corpus, "guide/configure").body;
    assert!(
        configure.contains("verbosity 1 how chatty the build log is, 0 to 3"),
        "{configure}"
    );
}

#[test]
fn each_page_has_a_word_of_its_own() {
    let corpus = site();
    let words = [
        ("index", "lighthouse"),
        ("guide/index", "compass"),
        ("guide/install", "tarball"),
        ("guide/configure", "verbosity"),
        ("reference/cli", "porcelain"),
        ("reference/troubleshooting", "ulimit"),
    ];
    for (id, word) in words {
        let holders: Vec<_> = corpus
            .documents
            .iter()
            .filter(|document| document.body.to_lowercase().contains(word))
            .map(|document| document.id.as_str())
            .collect();
        assert_eq!(holders, [id], "{word}");
    }
}

//! The fixture `tests/fixtures/lighthouse-site/`: titles as the site's authors wrote them, files
//! not meant for search left out and counted, and the options that choose content, titles,
//! exclusions and the base URL.

use scour_ingest::{read_corpus, Corpus, IngestError, IngestOptions, Omission};

use crate::common;

fn read(options: IngestOptions) -> Corpus {
    let options = IngestOptions {
        strict: true,
        ..options
    };
    read_corpus(&[common::fixture("lighthouse-site")], &options)
        .expect("the lighthouse site reads cleanly")
}

fn ids(corpus: &Corpus) -> Vec<&str> {
    corpus.documents.iter().map(|d| d.id.as_str()).collect()
}

/// Each left-out file, by its path under the fixture, with the reason.
fn omitted(corpus: &Corpus) -> Vec<(String, Omission)> {
    let root = common::fixture("lighthouse-site");
    corpus
        .omitted
        .iter()
        .map(|omitted| {
            let path = omitted.path.strip_prefix(&root).unwrap_or(&omitted.path);
            (path.display().to_string(), omitted.reason)
        })
        .collect()
}

fn title(corpus: &Corpus, id: &str) -> String {
    common::document(corpus, id).title.clone()
}

#[test]
fn files_not_for_search_drafts_and_noindex_pages_are_left_out_even_in_strict_mode() {
    let corpus = read(IngestOptions::default());
    assert_eq!(
        ids(&corpus),
        ["drafts/beacon", "fog", "index", "lamps", "notes/log"]
    );
    assert_eq!(
        omitted(&corpus),
        [
            ("404.html".to_string(), Omission::NotForSearch),
            ("notes/wip.md".to_string(), Omission::Draft),
            ("private.html".to_string(), Omission::NoIndex),
            ("robots.txt".to_string(), Omission::NotForSearch),
            ("sitemap.xml".to_string(), Omission::NotForSearch),
        ]
    );
    assert!(corpus.skipped.is_empty() && corpus.warnings.is_empty());
}

#[test]
fn titles_are_the_content_h1_else_title_without_the_shared_site_name() {
    let corpus = read(IngestOptions::default());
    assert_eq!(title(&corpus, "index"), "Keeping a lighthouse");
    assert_eq!(title(&corpus, "drafts/beacon"), "Solar beacons");
    assert_eq!(title(&corpus, "lamps"), "Lamps and lenses");
    assert_eq!(title(&corpus, "fog"), "Fog signals");
    assert_eq!(title(&corpus, "notes/log"), "The keeper's log");
}

#[test]
fn a_title_selector_chooses_the_title_and_one_title_tag_keeps_its_suffix() {
    let corpus = read(IngestOptions {
        title_selector: Some(".doc-title".parse().unwrap()),
        ..IngestOptions::default()
    });
    assert_eq!(title(&corpus, "lamps"), "Fresnel lenses");
    assert_eq!(title(&corpus, "index"), "Keeping a lighthouse");
    assert_eq!(title(&corpus, "fog"), "Fog signals - Lighthouse Guide");
}

#[test]
fn a_content_selector_chooses_the_text_and_pages_without_it_keep_the_default() {
    let corpus = read(IngestOptions {
        content_selector: Some("div.doc".parse().unwrap()),
        ..IngestOptions::default()
    });
    let lamps = common::document(&corpus, "lamps");
    assert!(
        lamps.body.starts_with("Fresnel lenses\nA fresnel lens"),
        "{}",
        lamps.body
    );
    assert!(!lamps.body.contains("sidebarword"));
    let index = common::document(&corpus, "index");
    assert_eq!(index.title, "Keeping a lighthouse");
    assert_eq!(index.body, "Every keeper trims the wick at dusk.");
}

#[test]
fn exclude_patterns_leave_out_matching_paths() {
    let corpus = read(IngestOptions {
        exclude: vec!["drafts".parse().unwrap(), "**/log.md".parse().unwrap()],
        ..IngestOptions::default()
    });
    assert_eq!(ids(&corpus), ["fog", "index", "lamps"]);
    let excluded: Vec<String> = omitted(&corpus)
        .into_iter()
        .filter(|(_, reason)| *reason == Omission::Excluded)
        .map(|(path, _)| path)
        .collect();
    assert_eq!(excluded, ["drafts/beacon.html", "notes/log.md"]);
}

#[test]
fn urls_made_from_paths_are_served_from_the_base_url() {
    let corpus = read(IngestOptions {
        base_url: Some("/guide".parse().unwrap()),
        ..IngestOptions::default()
    });
    let url = |id| common::document(&corpus, id).url.clone().unwrap();
    assert_eq!(url("index"), "/guide/");
    assert_eq!(url("lamps"), "/guide/lamps.html");
    assert_eq!(url("notes/log"), "/guide/notes/log/");
}

#[test]
fn a_run_that_leaves_out_every_file_says_so() {
    let path = common::fixture("lighthouse-site");
    let options = IngestOptions {
        exclude: vec!["*".parse().unwrap()],
        ..IngestOptions::default()
    };
    let error = read_corpus(std::slice::from_ref(&path), &options).unwrap_err();
    assert!(
        matches!(error, IngestError::AllLeftOut { count: 10, .. }),
        "{error}"
    );
    assert!(error.to_string().starts_with(&format!(
        "nothing to index under {}: all 10 file(s)",
        path.display()
    )));
}

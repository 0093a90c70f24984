//! Which files a run reads, and in what order.

use std::fs;
use std::path::{Path, PathBuf};

use scour_ingest::{read_corpus, Corpus, IngestError, IngestOptions, Omission};

use crate::common;

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn read(paths: &[PathBuf]) -> Corpus {
    read_corpus(
        paths,
        &IngestOptions {
            strict: true,
            ..IngestOptions::default()
        },
    )
    .unwrap()
}

fn ids(corpus: &Corpus) -> Vec<&str> {
    corpus
        .documents
        .iter()
        .map(|document| document.id.as_str())
        .collect()
}

#[test]
fn directories_are_walked_in_sorted_order_skipping_hidden_and_unknown_files() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "b.txt",
        "a/z.md",
        "a/b.HTML",
        "c.markdown",
        "d.htm",
        ".hidden.txt",
        ".git/config.md",
        "a/.draft/x.md",
        "notes.rtf",
        "image.png",
    ] {
        write(dir.path(), name, "Title\nBody.");
    }
    assert_eq!(
        ids(&read(&[dir.path().to_path_buf()])),
        ["a/b", "a/z", "b", "c", "d"]
    );
}

#[test]
fn a_file_given_directly_is_named_from_its_own_folder() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "guide/install.md", "# Install\nSteps.");
    let corpus = read(&[dir.path().join("guide/install.md")]);
    assert_eq!(ids(&corpus), ["install"]);
    assert_eq!(corpus.documents[0].url.as_deref(), Some("/install/"));
}

#[test]
fn several_paths_are_read_in_the_order_given() {
    let corpus = read(&[
        common::fixture("xss"),
        common::repo().join("corpus/002_99d606bfa40b6113.txt"),
    ]);
    assert_eq!(ids(&corpus), ["injection", "002_99d606bfa40b6113"]);
}

#[test]
fn links_to_directories_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "real/page.txt", "Page\nBody.");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("real/loop")).unwrap();
    assert_eq!(ids(&read(&[dir.path().to_path_buf()])), ["real/page"]);
}

#[test]
fn files_for_crawlers_are_left_out_in_any_folder_and_case() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "ROBOTS.TXT",
        "docs/404.html",
        "old/404.htm",
        "blog/sitemap.xml",
        "Ads.txt",
        "llms-full.txt",
        "security.txt",
        "docs/page.html",
        "docs/robots.md",
    ] {
        write(dir.path(), name, "Title\nBody.");
    }
    let corpus = read(&[dir.path().to_path_buf()]);
    assert_eq!(ids(&corpus), ["docs/page", "docs/robots"]);
    let omitted: Vec<(PathBuf, Omission)> = corpus
        .omitted
        .iter()
        .map(|omitted| (omitted.path.clone(), omitted.reason))
        .collect();
    let not_for_search = |name: &str| (dir.path().join(name), Omission::NotForSearch);
    assert_eq!(
        omitted,
        [
            not_for_search("Ads.txt"),
            not_for_search("ROBOTS.TXT"),
            not_for_search("blog/sitemap.xml"),
            not_for_search("docs/404.html"),
            not_for_search("llms-full.txt"),
            not_for_search("old/404.htm"),
            not_for_search("security.txt"),
        ]
    );
}

#[test]
fn a_file_given_directly_is_matched_by_its_name_against_exclude_patterns() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "guide/install.md", "# Install\nSteps.");
    write(dir.path(), "guide/robots.txt", "User-agent: *");
    let options = IngestOptions {
        exclude: vec!["install.*".parse().unwrap()],
        ..IngestOptions::default()
    };
    let paths = [
        dir.path().join("guide/install.md"),
        dir.path().join("guide/robots.txt"),
    ];
    let error = read_corpus(&paths, &options).unwrap_err();
    assert!(
        matches!(error, IngestError::AllLeftOut { count: 2, .. }),
        "{error}"
    );
}

/// Folders that overlap read each file once, with the first folder's ids; a page linked under
/// two names in one folder stays two pages, whatever other folders are given.
#[test]
fn overlapping_folders_read_a_file_once_and_links_stay_pages() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    write(&site, "v2.md", "# Version 2\nThe second version.");
    write(&site, "docs/guide.md", "# Guide\nHow to start.");
    std::os::unix::fs::symlink(site.join("v2.md"), site.join("latest.md")).unwrap();
    write(dir.path(), "other/notes.md", "# Notes\nOther notes.");
    let alone = read(std::slice::from_ref(&site));
    assert_eq!(ids(&alone), ["docs/guide", "latest", "v2"]);
    let overlapping = read(&[site.clone(), site.join("docs"), dir.path().join("other")]);
    assert_eq!(ids(&overlapping), ["docs/guide", "latest", "v2", "notes"]);
}

//! Which files a run reads, and in what order.

use std::fs;
use std::path::{Path, PathBuf};

use scour_ingest::{read_corpus, Corpus, IngestOptions};

use crate::common;

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn read(paths: &[PathBuf]) -> Corpus {
    read_corpus(paths, &IngestOptions { strict: true }).unwrap()
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

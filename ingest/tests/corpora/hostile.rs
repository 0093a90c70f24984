//! Hostile input: pages nested 100,000 deep. Each is skipped and named, in moments, and the run
//! goes on with the good pages.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use scour_ingest::{read_corpus, Corpus, IngestOptions};

/// Longer than any of these runs takes; a run that hangs fails when it is over.
const PATIENCE: Duration = Duration::from_secs(60);

/// Reads `paths` on another thread, failing the test when that takes longer than [`PATIENCE`].
fn read_within_patience(paths: Vec<PathBuf>) -> Corpus {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || sender.send(read_corpus(&paths, &IngestOptions::default())));
    let result = receiver
        .recv_timeout(PATIENCE)
        .unwrap_or_else(|_| panic!("reading took longer than {PATIENCE:?}"));
    result.expect("the good pages are read")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

/// The reason each file named in `corpus.skipped` was skipped, in order.
fn reasons(corpus: &Corpus) -> Vec<(PathBuf, String)> {
    let skipped = corpus.skipped.iter();
    skipped
        .map(|s| (s.path.clone(), s.reason.clone()))
        .collect()
}

#[test]
fn pages_nested_100_000_deep_are_skipped_in_moments() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "good.html",
        "<main><h1>Good</h1><p>Kept.</p></main>",
    );
    let deep: Vec<PathBuf> = ["b", "div", "span"]
        .into_iter()
        .map(|tag| {
            let page = format!(
                "<main>{}deep{}</main>",
                format!("<{tag}>").repeat(100_000),
                format!("</{tag}>").repeat(100_000)
            );
            write(dir.path(), &format!("deep-{tag}.html"), &page)
        })
        .collect();
    let corpus = read_within_patience(vec![dir.path().to_path_buf()]);
    let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["good"]);
    let reason = "elements nested more than 512 deep; the page was skipped, as reading it \
                  would take minutes: close the tags left open";
    let expected: Vec<(PathBuf, String)> = deep
        .into_iter()
        .map(|path| (path, reason.to_string()))
        .collect();
    assert_eq!(reasons(&corpus), expected);
}

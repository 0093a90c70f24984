//! Hostile input: pages nested 100,000 deep, named pipes, links to devices, files too large or
//! growing while read. Each is skipped and named, in moments, and the run goes on with the good
//! pages.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use scour_ingest::{read_corpus, Corpus, IngestOptions};

/// Longer than any of these runs takes; a run that hangs fails when it is over.
const PATIENCE: Duration = Duration::from_secs(60);

/// Reads `paths` on another thread, failing the test when that takes longer than [`PATIENCE`].
fn read_within_patience(paths: Vec<PathBuf>, options: IngestOptions) -> Corpus {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || sender.send(read_corpus(&paths, &options)));
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

fn ids(corpus: &Corpus) -> Vec<&str> {
    corpus.documents.iter().map(|d| d.id.as_str()).collect()
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
    let corpus = read_within_patience(vec![dir.path().to_path_buf()], IngestOptions::default());
    assert_eq!(ids(&corpus), ["good"]);
    let reason = "elements nested more than 512 deep; the page was skipped, as reading it \
                  would take minutes: close the tags left open";
    let expected: Vec<(PathBuf, String)> = deep
        .into_iter()
        .map(|path| (path, reason.to_string()))
        .collect();
    assert_eq!(reasons(&corpus), expected);
}

/// What follows a title in its header is looked up as a set: 300,000 elements there took
/// minutes to read (in a debug build) when each element of the page was looked for in a list
/// of them; now seconds.
#[test]
fn a_title_header_of_many_elements_is_read_in_moments() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!(
        "<main><div class=\"page-header\"><h1>Tides</h1>{}</div>{}<p>Kept text.</p></main>",
        "<i></i>".repeat(300_000),
        "<p>x</p>".repeat(20_000)
    );
    write(dir.path(), "tides.html", &page);
    let corpus = read_within_patience(vec![dir.path().to_path_buf()], IngestOptions::default());
    assert_eq!(ids(&corpus), ["tides"]);
    assert!(corpus.documents[0].body.ends_with("Kept text."));
}

/// A named pipe at `path`: opening it to read waits for a writer, which never comes.
fn fifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

#[test]
fn named_pipes_and_links_to_devices_are_skipped_and_named() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "page.md", "# Page\nKept.");
    write(dir.path(), "other.html", "<h1>Other</h1><p>Kept too.</p>");
    let pipe = dir.path().join("pipe.md");
    fifo(&pipe);
    let zero = dir.path().join("zero.html");
    symlink("/dev/zero", &zero).unwrap();
    let corpus = read_within_patience(vec![dir.path().to_path_buf()], IngestOptions::default());
    assert_eq!(ids(&corpus), ["other", "page"]);
    let advice = "only regular files, or links to them, are read: remove it or leave it out \
                  with an exclude pattern";
    assert_eq!(
        reasons(&corpus),
        [
            (
                pipe,
                format!("not a regular file but a named pipe (FIFO); {advice}")
            ),
            (
                zero,
                format!("not a regular file but a device (a link to /dev/zero); {advice}")
            ),
        ]
    );
}

#[test]
fn files_over_the_size_limit_are_skipped_even_when_they_grow_while_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "small.txt", "Small\nUnder the limit.");
    let big = write(dir.path(), "big.txt", &"Big words. ".repeat(200));
    let status = dir.path().join("status.txt");
    symlink("/proc/self/status", &status).unwrap();
    let options = IngestOptions {
        max_file_size: "1K".parse().unwrap(),
        ..IngestOptions::default()
    };
    let corpus = read_within_patience(vec![dir.path().to_path_buf()], options);
    assert_eq!(ids(&corpus), ["small"]);
    let raise = "raise it (scour index --max-file-size) if the file is meant to be read";
    assert_eq!(
        reasons(&corpus),
        [
            (
                big,
                format!("2.2 KiB is over the 1 KiB limit on a file's size; {raise}")
            ),
            (
                status,
                format!("grew past the 1 KiB limit on a file's size while it was read; {raise}")
            ),
        ]
    );
}

//! The `scour` command line, run as a user runs it.
#![cfg(not(target_arch = "wasm32"))]

use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use scour_core::StoredDocument;

fn scour(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scour"))
        .args(args)
        .output()
        .expect("scour runs")
}

/// Longer than any run of these tests takes; a run that hangs is killed and fails when it is over.
const PATIENCE: Duration = Duration::from_secs(60);

/// Runs `scour`, killing it and failing the test when it takes longer than [`PATIENCE`]. Its
/// output must fit the pipes' buffers (64 KiB) until it exits.
fn scour_within_patience(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scour"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("scour runs");
    let started = Instant::now();
    while child.try_wait().expect("scour can be waited for").is_none() {
        if started.elapsed() > PATIENCE {
            child.kill().expect("scour can be killed");
            panic!("scour {args:?} took longer than {PATIENCE:?}");
        }
        thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().expect("scour's output")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// The standard error of a run that must have succeeded: its warnings and the files it
/// skipped, with their reasons.
fn diagnostics(output: &Output) -> String {
    stdout(output);
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The standard error of a run that must have failed.
fn stderr_of_failure(output: &Output) -> String {
    assert!(
        !output.status.success(),
        "succeeded: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// A test's own folder, `scour-cli-<pid>-<name>` in the system's temp folder: absent at first
/// (whatever an earlier run left there is removed, and the folder is not made), and removed with
/// everything in it when the guard is dropped, as the test ends, passed or failed. Used as the
/// folder's [`Path`].
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("scour-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Scratch { dir }
    }
}

impl Deref for Scratch {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.dir
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.dir
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// `scour index` of `paths` into the folder `name`: the folder, and the index file in it.
fn index(paths: &[&str], name: &str) -> (Scratch, PathBuf) {
    let out = Scratch::new(name);
    let mut args = vec!["index"];
    args.extend_from_slice(paths);
    args.extend_from_slice(&["--out", out.to_str().unwrap()]);
    stdout(&scour(&args));
    let file = out.join("scour-index.bin");
    (out, file)
}

/// The arguments of `scour index site --out out` with `options` after them.
fn index_args<'a>(site: &'a Path, out: &'a Path, options: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "index",
        site.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(options);
    args
}

fn json_ids(output: &Output) -> Vec<String> {
    let hits: serde_json::Value = serde_json::from_str(&stdout(output)).expect("one JSON array");
    hits.as_array()
        .expect("an array")
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn search_json_prints_hits_with_the_documented_fields() {
    let output = scour(&["search", "Tianjin", "--json"]);
    let hits: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let first = &hits[0];
    assert_eq!(first["id"], "002_99d606bfa40b6113");
    assert_eq!(
        first["title"],
        "Putin and Xi Discuss Latest Russia-US Diplomatic Exchanges"
    );
    assert!(first["excerpt"].as_str().unwrap().contains("Tianjin"));
    assert!(first["score"].as_f64().unwrap() > 0.0);
    assert!(first.get("date").is_some());
}

#[test]
fn search_json_shows_a_pages_matching_sections_with_their_links() {
    // tests/fixtures/docs-site/guide/install.md: "commit" is only under its
    // "## Checking the installation" heading.
    let (_out, file) = index(&[&fixture("docs-site")], "sections");
    let output = scour(&[
        "search",
        "--index",
        file.to_str().unwrap(),
        "--json",
        "commit",
    ]);
    let hits: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let hit = &hits[0];
    assert_eq!(hit["id"], "guide/install");
    assert_eq!(hit["url"], "/guide/install/");
    let sections = hit["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 1, "{hit}");
    assert_eq!(sections[0]["title"], "Checking the installation");
    assert_eq!(sections[0]["anchor"], "checking-the-installation");
    assert_eq!(
        sections[0]["url"],
        "/guide/install/#checking-the-installation"
    );
    assert!(sections[0]["excerpt"].as_str().unwrap().contains("commit"));
    let readable = stdout(&scour(&[
        "search",
        "--index",
        file.to_str().unwrap(),
        "commit",
    ]));
    assert!(readable.contains("§ Checking the installation  [#checking-the-installation]"));
}

#[test]
fn indexed_sites_are_searchable_without_their_page_chrome() {
    let (_docs_out, file) = index(&[&fixture("docs-site")], "docs");
    let search = |q: &str| {
        json_ids(&scour(&[
            "search",
            "--index",
            file.to_str().unwrap(),
            "--json",
            q,
        ]))
    };
    assert_eq!(search("tarball"), ["guide/install"]);
    assert_eq!(search("porcelain"), ["reference/cli"]);
    let (_html_out, html) = index(&[&fixture("html-site")], "html");
    let search = |q: &str| {
        json_ids(&scour(&[
            "search",
            "--index",
            html.to_str().unwrap(),
            "--json",
            q,
        ]))
    };
    assert_eq!(search("neap"), ["docs/tides"]);
    for hidden in [
        "Navigation-only-word",
        "Copyright-footer-word",
        "Ignoredsecretword",
        "analyticsOnlyWord",
    ] {
        assert!(search(hidden).is_empty(), "{hidden} must not be indexed");
    }
}

#[test]
fn the_index_file_and_the_embedded_index_answer_alike() {
    let (_out, file) = index(
        &[&Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus")
            .display()
            .to_string()],
        "seeds",
    );
    for query in [
        "Tianjin",
        "Putin Xi",
        "\"high level\"",
        "Kremln",
        "Geor",
        "trade -china",
        "beijing OR riyadh",
    ] {
        let embedded = stdout(&scour(&["search", "--json", query]));
        let loaded = stdout(&scour(&[
            "search",
            "--index",
            file.to_str().unwrap(),
            "--json",
            query,
        ]));
        assert_eq!(embedded, loaded, "{query}");
    }
}

#[test]
fn bad_inputs_are_reported_by_file_and_line_and_skipped() {
    let out = Scratch::new("bad");
    let output = scour(&["index", &fixture("bad"), "--out", out.to_str().unwrap()]);
    assert!(stdout(&output).contains("indexed 4 documents"));
    // Each bad file is named on the standard error, whatever becomes of the output.
    let text = diagnostics(&output);
    assert!(!stdout(&output).contains("invalid-utf8.txt"));
    assert!(text.contains("invalid-utf8.txt:3"), "{text}");
    assert!(text.contains("malformed-front-matter.md:2"), "{text}");
    assert!(text.contains("records.jsonl:3"), "{text}");
    let strict = scour(&[
        "index",
        &fixture("bad"),
        "--out",
        out.to_str().unwrap(),
        "--strict",
    ]);
    let message = stderr_of_failure(&strict);
    assert!(message.contains("invalid-utf8.txt"), "{message}");
}

#[test]
fn a_missing_corpus_path_is_a_clear_error() {
    let out = Scratch::new("missing");
    let output = scour(&["index", "/no/such/folder", "--out", out.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("/no/such/folder"));
}

/// An `--out` that is a file is refused before the corpus is read, naming the option.
#[test]
fn an_out_path_that_is_a_file_is_refused_before_reading() {
    let dir = Scratch::new("out-file");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("f");
    std::fs::write(&file, "kept").unwrap();
    for out in [file.clone(), file.join("sub")] {
        let output = scour(&[
            "index",
            &fixture("docs-site"),
            "--out",
            out.to_str().unwrap(),
        ]);
        let message = stderr_of_failure(&output);
        assert!(!message.contains("reading"), "{message}");
        let expected = match out == file {
            true => format!("--out {} is a file, not a folder", file.display()),
            false => format!(
                "--out {} is inside {}, a file",
                out.display(),
                file.display()
            ),
        };
        assert!(message.contains(&expected), "{expected:?} not in {message}");
        assert!(message.contains("name a folder (it is created if missing)"));
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "kept");
}

/// An `--out` where no folder can be made is refused before the corpus is read, and a folder
/// it can write in keeps no trace of the check.
#[test]
fn an_out_folder_that_cannot_be_written_is_refused_before_reading() {
    let output = scour(&["index", &fixture("docs-site"), "--out", "/proc/scour-nope"]);
    let message = stderr_of_failure(&output);
    assert!(!message.contains("reading"), "{message}");
    assert!(
        message.contains("cannot create /proc/scour-nope"),
        "{message}"
    );
    let out = Scratch::new("out-checked");
    let output = scour(&[
        "index",
        &fixture("docs-site"),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let left: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .filter(|name| name.to_string_lossy().starts_with(".scour-write-check"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// A run that fails after making its `--out` folders takes away those it made, and only
/// those: a folder that was there stays, with what it held.
/// While one `scour index` writes into a folder, another is refused at once, saying why: it
/// would remove the first one's pieces as an earlier build's (the lock is held here as a
/// running `scour index` holds it). Once the folder is free, the run writes its index.
#[cfg(unix)]
#[test]
fn a_second_run_into_the_same_out_folder_is_refused_while_one_writes() {
    let dir = Scratch::new("out-locked");
    let out = dir.join("search");
    std::fs::create_dir_all(&out).unwrap();
    let site = PathBuf::from(fixture("docs-site"));
    let held = std::fs::File::open(&out).unwrap();
    held.lock().unwrap();
    let output = scour(&index_args(&site, &out, &[]));
    let message = stderr_of_failure(&output);
    assert!(
        message.contains("another `scour index` is writing into"),
        "{message}"
    );
    assert!(!out.join("scour-index.bin").exists());
    drop(held);
    let output = scour(&index_args(&site, &out, &[]));
    assert!(output.status.success(), "{output:?}");
    assert!(out.join("scour-index.bin").is_file());
}

/// `--bundle` into the site's root never replaces the site's own `sw.js`; it replaces what an
/// earlier bundle wrote.
#[test]
fn a_bundle_never_replaces_a_file_of_the_site_s_own() {
    let dir = Scratch::new("bundle-own");
    let site = dir.join("public");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(
        site.join("index.html"),
        "<main><h1>Home</h1><p>Welcome aboard.</p></main>",
    )
    .unwrap();
    let own = "// the site's own service worker, caching '/search/scour.js'";
    std::fs::write(site.join("sw.js"), own).unwrap();
    let output = scour(&index_args(&site, &site, &["--bundle"]));
    let message = stderr_of_failure(&output);
    assert!(
        message.contains("--bundle would replace") && message.contains("sw.js"),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(site.join("sw.js")).unwrap(), own);
    assert!(!site.join("scour-index.bin").exists(), "nothing is written");
    let out = site.join("search");
    for _ in 0..2 {
        let output = scour(&index_args(&site, &out, &["--bundle"]));
        assert!(output.status.success(), "{output:?}");
    }
    assert!(out.join("sw.js").is_file() && out.join("widget").is_dir());
}

#[test]
fn a_failed_run_leaves_no_out_folder_of_its_own() {
    let dir = Scratch::new("out-left");
    std::fs::create_dir_all(dir.join("kept")).unwrap();
    std::fs::write(dir.join("kept/notes.txt"), "mine").unwrap();
    let empty = dir.join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    for out in [dir.join("made/below"), dir.join("kept/made")] {
        let output = scour(&index_args(&empty, &out, &[]));
        stderr_of_failure(&output);
        assert!(!out.exists(), "{} was left", out.display());
    }
    assert!(!dir.join("made").exists());
    // An empty folder of the user's, named again through a folder made on the way, stays.
    std::fs::create_dir_all(dir.join("mine")).unwrap();
    let output = scour(&index_args(&empty, &dir.join("new/../mine"), &[]));
    stderr_of_failure(&output);
    assert!(
        dir.join("mine").is_dir(),
        "the user's empty folder was removed"
    );
    assert!(!dir.join("new").exists());
    // A folder named with a `.` after it is made as any other.
    let dotted = dir.join("dotted/.");
    let site = PathBuf::from(fixture("docs-site"));
    let output = scour(&index_args(&site, &dotted, &[]));
    assert!(output.status.success(), "{output:?}");
    assert!(dir.join("dotted/scour-index.bin").is_file());
    assert_eq!(
        std::fs::read_to_string(dir.join("kept/notes.txt")).unwrap(),
        "mine"
    );
}

/// A `.jsonl` file of no lines is named as holding no documents, not as of the wrong kind.
#[test]
fn an_empty_json_lines_file_is_said_to_hold_no_documents() {
    let dir = Scratch::new("empty-jsonl");
    std::fs::create_dir_all(&dir).unwrap();
    let only = dir.join("only.jsonl");
    std::fs::write(&only, "").unwrap();
    let out = dir.join("o");
    let output = scour(&[
        "index",
        only.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let message = stderr_of_failure(&output);
    let line = format!(
        "\n  {}: holds no documents: the file is empty",
        only.display()
    );
    assert!(message.contains(&line), "{line:?} not in {message}");
    assert!(!message.contains("expected .txt"), "{message}");
}

#[test]
fn foreign_corrupt_and_newer_index_files_are_refused_with_advice() {
    let (dir, file) = index(&[&fixture("docs-site")], "versions");
    let bytes = std::fs::read(&file).unwrap();
    let write = |name: &str, data: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, data).unwrap();
        path.display().to_string()
    };
    let mut newer = bytes.clone();
    newer[8] = newer[8].wrapping_add(1);
    let cases = [
        (
            write("foreign.bin", b"PK\x03\x04 a zip file"),
            "not a Scour index",
        ),
        (
            write("truncated.bin", &bytes[..bytes.len() / 2]),
            "truncated",
        ),
        (write("newer.bin", &newer), "rebuild the index with scour"),
    ];
    for (path, expected) in cases {
        let output = scour(&["search", "--index", &path, "anything"]);
        let message = stderr_of_failure(&output);
        assert!(
            message.contains(expected) && message.contains(&path),
            "{message}"
        );
    }
}

#[test]
fn eval_scores_judged_queries_and_writes_a_trec_run() {
    let run = Scratch::new("run");
    std::fs::create_dir_all(&run).unwrap();
    let run_file = run.join("run.txt");
    let output = scour(&[
        "eval",
        &fixture("collection"),
        "--run",
        run_file.to_str().unwrap(),
    ]);
    let text = stdout(&output);
    let figures: Vec<&str> = text
        .lines()
        .nth(1)
        .expect("a result line")
        .split_whitespace()
        .collect();
    assert_eq!(
        figures[..],
        [
            "collection",
            "2",
            "1.0000",
            "1.0000",
            "0.1000",
            "1.0000",
            "1.0000",
            "1.0000"
        ],
        "{text}"
    );
    let lines: Vec<Vec<String>> = std::fs::read_to_string(&run_file)
        .unwrap()
        .lines()
        .map(|l| l.split(' ').map(String::from).collect())
        .collect();
    assert_eq!(lines[0][..4], ["1", "Q0", "d2", "1"]);
    assert!(lines
        .iter()
        .all(|l| l.len() == 6 && l[5] == "scour" && l[4].parse::<f64>().is_ok()));
    assert!(
        lines.iter().all(|l| l[0] != "3"),
        "unjudged queries are not run"
    );
    let missing = scour(&["eval", &fixture("docs-site")]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("has no corpus.jsonl"));
}

/// `scour index` of the lighthouse fixture into one file, with `options`: what it printed, and
/// the stored documents by id.
fn index_lighthouse(name: &str, options: &[&str]) -> (String, Vec<StoredDocument>) {
    let out = Scratch::new(name);
    let mut args = vec![
        "index".to_string(),
        fixture("lighthouse-site"),
        "--single-file".to_string(),
        "--out".to_string(),
        out.display().to_string(),
    ];
    args.extend(options.iter().map(|option| option.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let printed = stdout(&scour(&args));
    let bytes = std::fs::read(out.join("scour-index.bin")).unwrap();
    let index = scour_core::codec::decode(&bytes).expect("the index opens");
    let mut documents: Vec<StoredDocument> = index.documents().collect();
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    (printed, documents)
}

fn stored<'a>(documents: &'a [StoredDocument], id: &str) -> &'a StoredDocument {
    documents
        .iter()
        .find(|document| document.id == id)
        .unwrap_or_else(|| panic!("no {id} in the index"))
}

/// Runs `scour index` on the lighthouse fixture with a bad option value: its error message.
fn refused(options: &[&str]) -> String {
    // Tests run in parallel: each refusal its own folder.
    static REFUSALS: AtomicUsize = AtomicUsize::new(0);
    let out = Scratch::new(&format!(
        "refused-{}",
        REFUSALS.fetch_add(1, Ordering::Relaxed)
    ));
    let mut args = vec!["index", "--out", out.to_str().unwrap()];
    let site = fixture("lighthouse-site");
    args.push(&site);
    args.extend_from_slice(options);
    let output = scour(&args);
    assert!(!output.status.success(), "{options:?} was accepted");
    let message = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!message.contains("panicked"), "{message}");
    message
}

#[test]
fn index_synonyms_file_adds_groups_and_a_bad_line_is_refused_by_number() {
    let dir = Scratch::new("synonyms");
    std::fs::create_dir_all(&dir).unwrap();
    let groups = dir.join("synonyms.txt");
    std::fs::write(&groups, "# ours\nchattiness, verbosity\n").unwrap();
    let search = |file: &Path| {
        json_ids(&scour(&[
            "search",
            "--index",
            file.to_str().unwrap(),
            "--json",
            "chattiness",
        ]))
    };
    let (_plain_out, plain) = index(&[&fixture("docs-site")], "synonyms-none");
    assert!(search(&plain).is_empty());
    let (_with_groups_out, with_groups) = index(
        &[
            &fixture("docs-site"),
            "--synonyms",
            groups.to_str().unwrap(),
        ],
        "synonyms-ours",
    );
    assert_eq!(search(&with_groups), ["guide/configure"]);

    std::fs::write(&groups, "chattiness, verbosity\ncommand line, cli\n").unwrap();
    let message = refused(&["--synonyms", groups.to_str().unwrap()]);
    for part in [
        "synonyms.txt: line 2",
        "`command line` is more than one word",
    ] {
        assert!(message.contains(part), "{part:?} not in {message}");
    }
}

#[test]
fn index_leaves_out_pages_not_for_search_and_counts_them() {
    let (printed, documents) = index_lighthouse("rules", &[]);
    assert!(printed.contains("indexed 5 documents"), "{printed}");
    let summary = printed
        .lines()
        .find(|line| line.starts_with("left out "))
        .unwrap_or_else(|| panic!("no left-out line in {printed}"));
    assert!(
        summary.starts_with("left out 5 file(s): 3 not for search ("),
        "{summary}"
    );
    for expected in [
        "404.html, ",
        "robots.txt, ",
        "sitemap.xml)",
        "1 marked draft (",
        "notes/wip.md)",
        "1 marked noindex (",
        "private.html)",
    ] {
        assert!(summary.contains(expected), "{expected} not in {summary}");
    }
    let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["drafts/beacon", "fog", "index", "lamps", "notes/log"]);
}

/// A page of tens of thousands of headings is written with part of its sections, so that its
/// piece of the index opens; `scour index` says which page and how many it kept, and the text
/// of the sections left out is still found.
#[test]
fn a_page_written_with_fewer_sections_than_it_has_is_named_in_a_warning() {
    let pages = Scratch::new("thinned-pages");
    std::fs::create_dir_all(&pages).unwrap();
    let mut headings = String::from("# Headings\n\n");
    for i in 0..40_000 {
        let text = if i == 30_001 { "needle" } else { "x" };
        headings.push_str(&format!("## h{}\n\n{text}\n\n", i % 7));
    }
    std::fs::write(pages.join("headings.md"), headings).unwrap();
    std::fs::write(pages.join("plain.md"), "# Plain\n\n## One\n\nA needle.\n").unwrap();
    for layout in [&[][..], &["--single-file"][..]] {
        let out = Scratch::new("thinned-index");
        let printed = diagnostics(&scour(&index_args(&pages, &out, layout)));
        let warnings: Vec<&str> = printed
            .lines()
            .filter(|line| line.starts_with("warning: "))
            .collect();
        assert_eq!(warnings.len(), 1, "{printed}");
        let warning = warnings[0];
        assert!(
            warning.starts_with("warning: page `headings` is written with "),
            "{warning}"
        );
        let kept: usize = warning["warning: page `headings` is written with ".len()..]
            .split(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no count of sections kept in {warning}"));
        assert!((1..40_000).contains(&kept), "{warning}");
        assert!(warning.contains(" of its 40000 sections"), "{warning}");
        assert!(warning.contains("Split the page"), "{warning}");
        let index = out.join("scour-index.bin");
        let found = json_ids(&scour(&[
            "search",
            "needle",
            "--json",
            "--index",
            index.to_str().unwrap(),
        ]));
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.contains(&"headings".to_string()), "{found:?}");
    }
}

#[test]
fn index_titles_are_the_content_h1_else_title_without_the_site_name() {
    let (_, documents) = index_lighthouse("titles", &[]);
    assert_eq!(stored(&documents, "index").title, "Keeping a lighthouse");
    assert_eq!(stored(&documents, "lamps").title, "Lamps and lenses");
    assert_eq!(stored(&documents, "fog").title, "Fog signals");
}

#[test]
fn index_title_selector_chooses_each_page_title() {
    let (_, documents) = index_lighthouse("title-selector", &["--title-selector", ".doc-title"]);
    assert_eq!(stored(&documents, "lamps").title, "Fresnel lenses");
    assert_eq!(stored(&documents, "index").title, "Keeping a lighthouse");
}

#[test]
fn index_content_selector_chooses_the_text_indexed() {
    let (_, documents) = index_lighthouse("default-content", &[]);
    assert!(stored(&documents, "lamps").body.contains("sidebarword"));
    let (_, documents) = index_lighthouse("content-selector", &["--content-selector", "div.doc"]);
    let lamps = &stored(&documents, "lamps").body;
    assert!(
        lamps.contains("fresnel") && !lamps.contains("sidebarword"),
        "{lamps}"
    );
}

#[test]
fn index_exclude_leaves_out_matching_paths_and_counts_them() {
    let (printed, documents) = index_lighthouse(
        "exclude",
        &["--exclude", "drafts/**", "--exclude", "**/log.md"],
    );
    assert!(printed.contains("indexed 3 documents"), "{printed}");
    assert!(printed.contains(", 2 excluded by --exclude ("), "{printed}");
    let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["fog", "index", "lamps"]);
}

#[test]
fn index_base_url_prefixes_every_url_made_from_a_path() {
    let (_, documents) = index_lighthouse("base-url", &["--base-url", "/guide"]);
    let url = |id| stored(&documents, id).url.clone().unwrap();
    assert_eq!(url("index"), "/guide/");
    assert_eq!(url("lamps"), "/guide/lamps.html");
    assert_eq!(url("notes/log"), "/guide/notes/log/");
    let (_, documents) = index_lighthouse(
        "full-base-url",
        &["--base-url", "https://example.com/guide/"],
    );
    assert_eq!(
        stored(&documents, "fog").url.as_deref(),
        Some("https://example.com/guide/fog.html")
    );
}

#[test]
fn an_index_written_inside_the_site_finds_its_root_from_its_own_url() {
    let scratch = Scratch::new("site-root");
    let site = scratch.join("public");
    std::fs::create_dir_all(&site).unwrap();
    for file in ["index.html", "lamps.html", "fog.html"] {
        std::fs::copy(
            Path::new(&fixture("lighthouse-site")).join(file),
            site.join(file),
        )
        .unwrap();
    }
    let site_root = |out: &str, options: &[&str]| {
        let out = scratch.join(out);
        stdout(&scour(&index_args(&site, &out, options)));
        let entry = std::fs::read(out.join("scour-index.bin")).unwrap();
        scour_core::codec::decode_entry(&entry).unwrap().site_root
    };
    assert_eq!(site_root("public/search", &[]), Some(1));
    assert_eq!(site_root("public/a/b/../search2", &[]), Some(2));
    assert_eq!(site_root("public", &[]), Some(0));
    // Told where the site is served, or written outside it: URLs as made, from `/` by default.
    assert_eq!(site_root("public/told", &["--base-url", "/"]), None);
    assert_eq!(site_root("outside", &[]), None);
    // Its pages' URLs are from the site's root, which a reader that knows no URL takes as `/`.
    let printed = stdout(&scour(&[
        "search",
        "--json",
        "--index",
        scratch.join("public/search").to_str().unwrap(),
        "lenses",
    ]));
    assert!(printed.contains(r#""url":"/lamps.html""#), "{printed}");
}

/// Folders of one site given apart (`public/docs public/blog`): the site's root is the folder
/// they share, their pages' URLs keep their folders, and an index inside it finds the root.
#[test]
fn folders_of_one_site_are_read_as_parts_of_it() {
    let scratch = Scratch::new("site-parts");
    let public = scratch.join("public");
    for (folder, file) in [("docs", "lamps.html"), ("blog", "fog.html")] {
        std::fs::create_dir_all(public.join(folder)).unwrap();
        let from = PathBuf::from(fixture("lighthouse-site"));
        std::fs::copy(from.join(file), public.join(folder).join(file)).unwrap();
        std::fs::copy(
            from.join("index.html"),
            public.join(folder).join("index.html"),
        )
        .unwrap();
    }
    let out = public.join("search");
    let (docs, blog) = (public.join("docs"), public.join("blog"));
    let written = scour(&[
        "index",
        docs.to_str().unwrap(),
        blog.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let said = diagnostics(&written);
    assert!(!said.contains("duplicate"), "{said}");
    let entry = std::fs::read(out.join("scour-index.bin")).unwrap();
    assert_eq!(
        scour_core::codec::decode_entry(&entry).unwrap().site_root,
        Some(1)
    );
    let found = |query: &str| {
        stdout(&scour(&[
            "search",
            "--json",
            "--index",
            out.to_str().unwrap(),
            query,
        ]))
    };
    assert!(
        found("lenses").contains(r#""url":"/docs/lamps.html""#),
        "{}",
        found("lenses")
    );
    let homes = found("keeper");
    assert!(
        homes.contains(r#""url":"/docs/""#) && homes.contains(r#""url":"/blog/""#),
        "{homes}"
    );
}

#[test]
fn bad_option_values_are_refused_naming_the_option_and_the_fault() {
    let cases: [(&[&str], &[&str]); 6] = [
        (
            &["--content-selector", "main >"],
            &[
                "--content-selector",
                "`main >` is not a CSS selector",
                "nothing after it",
            ],
        ),
        (
            &["--title-selector", "h1[="],
            &["--title-selector", "malformed attribute selector"],
        ),
        (
            &["--exclude", "docs/**.md"],
            &["--exclude", "must be a whole path segment"],
        ),
        (
            &["--base-url", "docs/"],
            &["--base-url", "must start with `/`"],
        ),
        (
            &["--lang", "english"],
            &["--lang", "\"english\" is not a language tag"],
        ),
        (
            &["--max-file-size", "0"],
            &["--max-file-size", "give a size greater than zero"],
        ),
    ];
    for (options, expected) in cases {
        let message = refused(options);
        for part in expected {
            assert!(message.contains(part), "{part:?} not in {message}");
        }
    }
}

#[test]
fn a_multilingual_site_is_searched_in_each_pages_language() {
    let (_out, index) = index(&[&fixture("multilingual")], "multilingual");
    let index = index.to_str().unwrap();
    for (query, id) in [
        ("borrowed", "en"),
        ("Haus", "de"),
        ("école", "fr"),
        ("l'économie", "fr"),
        ("libros", "es"),
        ("книга", "ru"),
        ("图书馆", "zh"),
        ("北京 大学", "zh"),
        ("東京 図書館", "ja"),
        ("コンピュータ", "ja"),
        ("한국어", "ko"),
        ("arte", "it"),
        ("ｱｲｳｴｵ", "mixed"),
    ] {
        let found = json_ids(&scour(&["search", query, "--index", index, "--json"]));
        assert_eq!(
            found.first().map(String::as_str),
            Some(id),
            "{query}: {found:?}"
        );
    }
    let in_language = |lang: &str| {
        let args = ["search", "tres", "--index", index, "--json", "--lang", lang];
        json_ids(&scour(&args))
    };
    assert_eq!(in_language("es-MX"), ["es"]);
    assert!(in_language("fr").is_empty());
    // The folder `--out` named answers as its entry file does.
    let folder = Path::new(index).parent().unwrap().to_str().unwrap();
    let args = [
        "search", "tres", "--index", folder, "--json", "--lang", "es",
    ];
    assert_eq!(json_ids(&scour(&args)), ["es"]);
    // A word that is no language tag is refused, not taken for every language.
    let output = scour(&["search", "tres", "--index", index, "--lang", "spanish"]);
    let message = stderr_of_failure(&output);
    assert!(
        message.contains("\"spanish\" is not a language tag"),
        "{message}"
    );
}

/// A chunked index of several languages is a language table: `--lang` reads that language's
/// own index (every language's for `*` or a language the site lacks), and an entry of the
/// table that is missing or cut short is an error naming it.
#[test]
fn a_multilingual_site_has_an_index_per_language() {
    let out = Scratch::new("per-language");
    let out_arg = out.to_str().unwrap();
    let report = stdout(&scour(&[
        "index",
        &fixture("multilingual"),
        "--out",
        out_arg,
    ]));
    assert!(report.contains("a language table of"), "{report}");
    let index = out.join("scour-index.bin");
    let search = |lang: &str| {
        let args = [
            "search",
            "한국어",
            "--index",
            index.to_str().unwrap(),
            "--json",
            "--lang",
            lang,
        ];
        scour(&args)
    };
    assert_eq!(json_ids(&search("ko")), ["ko"]);
    assert_eq!(
        json_ids(&search("*")).len(),
        2,
        "the Korean and the mixed page"
    );
    assert_eq!(
        json_ids(&search("pt")).len(),
        2,
        "a language the site lacks"
    );

    let table = scour_core::codec::decode_language_table(&std::fs::read(&index).unwrap());
    let korean = out.join(scour_core::codec::entry_file(
        table.unwrap().select(Some("ko")).entry,
    ));
    let bytes = std::fs::read(&korean).unwrap();
    std::fs::write(&korean, &bytes[..bytes.len() / 2]).unwrap();
    let cut = search("ko");
    let message = stderr_of_failure(&cut);
    assert!(
        message.contains(&format!("{}: the index is truncated", korean.display())),
        "{message}"
    );
    std::fs::remove_file(&korean).unwrap();
    let message = String::from_utf8_lossy(&search("ko").stderr).into_owned();
    assert!(
        message.contains("cannot read") && message.contains("entry-"),
        "{message}"
    );
    assert_eq!(
        json_ids(&search("fr")),
        Vec::<String>::new(),
        "other languages still open"
    );
}

/// A collection for `scour eval` in a temp dir: its corpus, queries and judgments.
fn judged_collection(name: &str, corpus: &str, queries: &str, qrels: &str) -> Scratch {
    let dir = Scratch::new(name);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("corpus.jsonl"), corpus).unwrap();
    std::fs::write(dir.join("queries.jsonl"), queries).unwrap();
    std::fs::write(dir.join("qrels.txt"), qrels).unwrap();
    dir
}

#[test]
fn eval_reports_reciprocal_rank_and_success_at_one() {
    // The fixture's corpus with two known-item queries: `banana` finds its page first;
    // for `apple` the judged page (Apple pie, "apples" in its text) comes second, after
    // Apple orchard (the exact word twice).
    let corpus =
        std::fs::read_to_string(Path::new(&fixture("collection")).join("corpus.jsonl")).unwrap();
    let dir = judged_collection(
        "known-item",
        &corpus,
        "{\"id\": \"k1\", \"text\": \"banana\"}\n{\"id\": \"k2\", \"text\": \"apple\"}\n",
        "k1 0 d2 2\nk2 0 d3 1\nk2 0 d1 0\n",
    );
    for mode in [&[][..], &["--all-words"][..]] {
        let mut args = vec!["eval", dir.to_str().unwrap()];
        args.extend_from_slice(mode);
        let text = stdout(&scour(&args));
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
        assert_eq!(header[6..], ["MRR@10", "S@1"], "{text}");
        let figures: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
        assert_eq!(figures[1], "2", "{text}");
        assert_eq!(figures[6..], ["0.7500", "0.5000"], "{mode:?}: {text}");
    }
}

#[test]
fn eval_measures_without_the_built_in_synonyms_when_asked() {
    // `folder` is said only as "directory": found through the built-in synonyms alone.
    let dir = judged_collection(
        "eval-synonyms",
        "{\"id\": \"d1\", \"title\": \"mkdir\", \"body\": \"Makes a directory.\"}\n\
         {\"id\": \"d2\", \"title\": \"Folder colours\", \"body\": \"Paint.\"}\n",
        "{\"id\": \"q1\", \"text\": \"make directory\"}\n{\"id\": \"q2\", \"text\": \"create folder\"}\n",
        "q1 0 d1 2\nq2 0 d1 2\n",
    );
    let success = |options: &[&str]| {
        let mut args = vec!["eval", dir.to_str().unwrap(), "--all-words"];
        args.extend_from_slice(options);
        let text = stdout(&scour(&args));
        let figures: Vec<String> = text
            .lines()
            .nth(1)
            .unwrap()
            .split_whitespace()
            .map(String::from)
            .collect();
        figures[7].clone()
    };
    assert_eq!(success(&[]), "1.0000");
    assert_eq!(success(&["--no-builtin-synonyms"]), "0.5000");
}

/// A named pipe at `path`: opening it to read waits for a writer, which never comes.
fn fifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

/// A folder of two good pages, a named pipe, a link to `/dev/zero` and a 2,000-byte text file,
/// made afresh under `name`.
fn hostile_site(name: &str) -> Scratch {
    let site = Scratch::new(name);
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("page.md"), "# Page\nKept.").unwrap();
    std::fs::write(site.join("other.html"), "<h1>Other</h1><p>Kept too.</p>").unwrap();
    std::fs::write(site.join("huge.txt"), "x ".repeat(1_000)).unwrap();
    fifo(&site.join("pipe.md"));
    std::os::unix::fs::symlink("/dev/zero", site.join("zero.html")).unwrap();
    site
}

#[test]
fn index_finishes_past_pipes_devices_and_large_files_naming_each() {
    let site = hostile_site("hostile");
    let out = Scratch::new("hostile-out");
    let output = scour_within_patience(&[
        "index",
        site.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--max-file-size",
        "1K",
    ]);
    assert!(stdout(&output).contains("indexed 2 documents"));
    let text = diagnostics(&output);
    assert!(text.contains("skipped 3 item(s):"), "{text}");
    for (name, reason) in [
        ("huge.txt", "2 KiB is over the 1 KiB limit on a file's size"),
        ("pipe.md", "not a regular file but a named pipe (FIFO)"),
        (
            "zero.html",
            "not a regular file but a device (a link to /dev/zero)",
        ),
    ] {
        let line = format!("  {}: {reason}", site.join(name).display());
        assert!(text.contains(&line), "{line:?} not in {text}");
    }
}

#[test]
fn index_of_bad_files_only_fails_naming_every_file_and_its_reason() {
    let site = Scratch::new("all-bad");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("broken.md"), "+++\ntitle = \"never closed\"\n").unwrap();
    std::fs::write(site.join("lines.jsonl"), "{\"id\": 1}\n[]\n").unwrap();
    fifo(&site.join("pipe.md"));
    let out = Scratch::new("all-bad-out");
    let output = scour_within_patience(&[
        "index",
        site.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let message = stderr_of_failure(&output);
    for (place, reason) in [
        (
            "broken.md:1",
            "front matter opened with `+++` is never closed",
        ),
        ("lines.jsonl:1", "missing \"body\""),
        ("lines.jsonl:2", "malformed JSON: expected an object"),
        ("pipe.md", "not a regular file but a named pipe (FIFO)"),
    ] {
        let line = format!("\n  {}: {reason}", site.join(place).display());
        assert!(message.contains(&line), "{line:?} not in {message}");
    }
}

#[test]
fn index_keeps_a_page_with_a_bad_field_and_warns_naming_the_field_and_value() {
    let site = Scratch::new("bad-field");
    std::fs::create_dir_all(&site).unwrap();
    let page = site.join("page.md");
    std::fs::write(
        &page,
        "---\nweight: heavy\ntags: [kept]\n---\n# Kept page\nBody.",
    )
    .unwrap();
    let out = Scratch::new("bad-field-out");
    let output = scour(&[
        "index",
        site.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(stdout(&output).contains("indexed 1 documents"));
    let text = diagnostics(&output);
    let warning = format!(
        "warning: {}: \"weight\" must be a number of 0 or more, not \"heavy\"",
        page.display()
    );
    assert!(text.contains(&warning), "{warning:?} not in {text}");
    let strict = scour(&[
        "index",
        site.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--strict",
    ]);
    assert!(!strict.status.success());
}

#[test]
fn version_names_the_index_format() {
    let version = stdout(&scour(&["--version"]));
    let format = scour_core::codec::FORMAT_VERSION;
    let expected = format!(
        "scour {} (index format {format})\n",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(version, expected);
}

/// The web bundle comes from the binary: run from another folder, `--bundle` writes each file
/// `www/bundle-files.txt` lists, as `make build` built it.
#[test]
fn bundle_is_written_from_any_folder() {
    let folder = Scratch::new("bundle");
    std::fs::create_dir_all(&folder).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_scour"))
        .current_dir(&folder)
        .args([
            "index",
            &fixture("docs-site"),
            "--out",
            "search",
            "--bundle",
        ])
        .output()
        .expect("scour runs");
    stdout(&output);
    let www = Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    let list = std::fs::read_to_string(www.join("bundle-files.txt")).unwrap();
    let mut compared = 0;
    for line in list
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let words: Vec<&str> = line.split_whitespace().collect();
        let [source, destination] = words[..] else {
            continue; // a variant (the engine with every stemmer): not for an English site
        };
        for (file, written) in
            files_below(&www.join(source), &folder.join("search").join(destination))
        {
            let bytes =
                std::fs::read(&written).unwrap_or_else(|e| panic!("{}: {e}", written.display()));
            assert!(
                bytes == std::fs::read(&file).unwrap(),
                "{} differs from {}",
                written.display(),
                file.display()
            );
            compared += 1;
        }
    }
    assert!(
        compared > 10,
        "the widget's modules, its scripts and the engine: {compared}"
    );
}

/// `(source, copy)` for the file `source`, or for each file below the folder `source`.
fn files_below(source: &Path, copy: &Path) -> Vec<(PathBuf, PathBuf)> {
    if !source.is_dir() {
        return vec![(source.to_path_buf(), copy.to_path_buf())];
    }
    std::fs::read_dir(source)
        .unwrap()
        .flat_map(|entry| {
            let name = entry.unwrap().file_name();
            files_below(&source.join(&name), &copy.join(&name))
        })
        .collect()
}

/// A site rebuilt into the same folder keeps the new build's pieces and removes the earlier
/// build's, leaving files that are not pieces alone.
#[test]
fn a_rebuild_in_place_removes_the_earlier_pieces() {
    let names = |dir: &Path| -> std::collections::BTreeSet<String> {
        std::fs::read_dir(dir.join("pieces"))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    let (fresh, _) = index(&[&fixture("html-site")], "rebuild-fresh");
    let out = Scratch::new("rebuild-in-place");
    let out_arg = out.to_str().unwrap();
    stdout(&scour(&["index", &fixture("docs-site"), "--out", out_arg]));
    std::fs::write(out.join("pieces/notes.txt"), "not a piece").unwrap();
    // A site's own `.bin` there is no piece either, though named like one.
    std::fs::write(out.join("pieces/logo-0123456789abcdef.bin"), "not a piece").unwrap();
    stdout(&scour(&["index", &fixture("html-site"), "--out", out_arg]));
    let mut expected = names(&fresh);
    expected.insert("notes.txt".into());
    expected.insert("logo-0123456789abcdef.bin".into());
    assert_eq!(names(&out), expected);
    // No partial file is left beside the entry, and the entry is the new build's.
    assert!(!out.join("scour-index.bin.partial").exists());
    assert_eq!(
        std::fs::read(out.join("scour-index.bin")).unwrap(),
        std::fs::read(fresh.join("scour-index.bin")).unwrap()
    );
}

/// A page with an element of 400,000 attributes (html5ever compares each with every earlier
/// one: minutes) is skipped at once, naming the limit, and the other pages are indexed.
#[test]
fn a_page_with_an_element_of_too_many_attributes_is_skipped_at_once() {
    let site = Scratch::new("many-attributes");
    std::fs::create_dir_all(&site).unwrap();
    let attributes: Vec<String> = (0..400_000).map(|i| format!("a{i}=\"v\"")).collect();
    let page = format!("<p {}>text</p>", attributes.join(" "));
    std::fs::write(site.join("wide.html"), page).unwrap();
    std::fs::write(site.join("plain.html"), "<p>plain</p>").unwrap();
    let out = site.join("out");
    let output = scour_within_patience(&[
        "index",
        site.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let report = stdout(&output);
    assert!(report.contains("indexed 1 documents"), "{report}");
    let skipped = diagnostics(&output);
    assert!(
        skipped.contains("wide.html: an element with more than 1000 attributes"),
        "{skipped}"
    );
}

/// A synonyms file of one group of 200,000 words (each word would keep all the others' terms)
/// is refused at once, naming the line and the limit.
#[test]
fn a_synonym_group_of_too_many_words_is_refused_at_once() {
    let dir = Scratch::new("synonyms-large");
    std::fs::create_dir_all(&dir).unwrap();
    let groups = dir.join("synonyms.txt");
    let words: Vec<String> = (0..200_000).map(|i| format!("w{i}")).collect();
    std::fs::write(&groups, words.join(", ")).unwrap();
    let out = dir.join("out");
    let output = scour_within_patience(&[
        "index",
        &fixture("docs-site"),
        "--out",
        out.to_str().unwrap(),
        "--synonyms",
        groups.to_str().unwrap(),
    ]);
    let message = stderr_of_failure(&output);
    assert!(
        message.contains("synonyms.txt: line 1: a group of 200000 words, more than the 100"),
        "{message}"
    );
}

/// A rebuild into the same folder writes again a piece whose bytes were damaged, though its
/// size is right.
#[test]
fn a_rebuild_repairs_a_damaged_piece() {
    let out = Scratch::new("rebuild-damaged");
    let out_arg = out.to_str().unwrap();
    stdout(&scour(&["index", &fixture("html-site"), "--out", out_arg]));
    let search = || scour(&["search", "neap", "--index", out_arg, "--json"]);
    assert_eq!(json_ids(&search()), ["docs/tides"]);
    for entry in std::fs::read_dir(out.join("pieces")).unwrap() {
        let piece = entry.unwrap().path();
        let mut bytes = std::fs::read(&piece).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0xFF;
        std::fs::write(&piece, bytes).unwrap();
    }
    let damaged = search();
    assert!(!damaged.status.success(), "damaged pieces were read");
    // The error names the damaged piece by its path, once.
    let error = String::from_utf8_lossy(&damaged.stderr).into_owned();
    let named = error
        .split_whitespace()
        .filter(|w| w.contains("pieces/"))
        .count();
    assert_eq!(named, 1, "{error}");
    assert!(error.contains(&format!("{out_arg}/pieces/")), "{error}");
    stdout(&scour(&["index", &fixture("html-site"), "--out", out_arg]));
    assert_eq!(json_ids(&search()), ["docs/tides"]);
}

/// `--lang` naming a language the index has no pages in searches every language, and says so.
#[test]
fn search_in_a_language_the_index_lacks_says_so() {
    let (_out, english) = index(&[&fixture("html-site")], "absent-language");
    let english = english.to_str().unwrap();
    let search = |lang: &str| scour(&["search", "neap", "--index", english, "--lang", lang]);
    let absent = search("fr");
    assert!(stdout(&absent).contains("[docs/tides]"));
    let note = String::from_utf8_lossy(&absent.stderr).into_owned();
    assert_eq!(
        note.trim(),
        "note: the index has no pages in \"fr\" (it has en); searching every language"
    );
    for lang in ["en", "*"] {
        let output = search(lang);
        stdout(&output);
        assert!(output.stderr.is_empty(), "{lang}");
    }
    let (_out, multilingual) = index(&[&fixture("multilingual")], "absent-language-many");
    let multilingual = multilingual.to_str().unwrap();
    let output = scour(&["search", "tres", "--index", multilingual, "--lang", "pt"]);
    let note = String::from_utf8_lossy(&output.stderr);
    assert!(
        note.contains("no pages in \"pt\" (it has de, en, es, fr,"),
        "{note}"
    );
}

#[test]
fn eval_refuses_weights_that_are_not_finite_or_negative() {
    for (weights, message) in [
        ("k1=NaN", "the weight k1 is NaN; give a number of 0 or more"),
        (
            "title=inf",
            "the weight title is inf; give a number of 0 or more",
        ),
        (
            "b_body=-0.5",
            "the weight b_body is -0.5; give a number of 0 or more",
        ),
    ] {
        let output = scour(&["eval", &fixture("collection"), "--weights", weights]);
        assert!(!output.status.success(), "{weights} was accepted");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(message), "{stderr}");
    }
}

#[test]
fn eval_names_the_corpus_lines_it_skips() {
    let corpus =
        std::fs::read_to_string(Path::new(&fixture("collection")).join("corpus.jsonl")).unwrap();
    let queries =
        std::fs::read_to_string(Path::new(&fixture("collection")).join("queries.jsonl")).unwrap();
    let qrels =
        std::fs::read_to_string(Path::new(&fixture("collection")).join("qrels.txt")).unwrap();
    let dir = judged_collection(
        "eval-skipped",
        &format!("{corpus}{{\"id\": \"broken\"\n"),
        &queries,
        &qrels,
    );
    let output = scour(&["eval", dir.to_str().unwrap()]);
    let table = stdout(&output);
    assert!(table.starts_with("collection"), "{table}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = corpus.lines().count() + 1;
    assert!(
        stderr.contains(&format!(
            "skipped 1 item(s):\n  {}:{line}: malformed JSON",
            dir.join("corpus.jsonl").display()
        )),
        "{stderr}"
    );
}

#[test]
fn eval_without_a_judged_query_is_an_error() {
    let corpus =
        std::fs::read_to_string(Path::new(&fixture("collection")).join("corpus.jsonl")).unwrap();
    let dir = judged_collection(
        "eval-unjudged",
        &corpus,
        "{\"id\": \"q-1\", \"text\": \"banana\"}\n",
        "q1 0 d2 2\n",
    );
    let output = scour(&["eval", dir.to_str().unwrap()]);
    let stderr = stderr_of_failure(&output);
    assert!(stderr.contains("no query of"), "{stderr}");
    assert!(stderr.contains("has judgments in"), "{stderr}");
}

/// Control characters in a page (ESC, BEL) are printed as symbols, so a page cannot recolour
/// the terminal or set its title; JSON escapes them.
#[test]
fn search_prints_control_characters_of_pages_as_symbols() {
    let dir = Scratch::new("control-characters");
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = dir.join("pages.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\": \"evil\", \"title\": \"Evil \\u001b[31mRED\", \"body\": \"ring \\u0007 bell \\u001b]0;owned\\u0007 \\u009b2J\"}\n",
    )
    .unwrap();
    let (_out, index) = index(&[corpus.to_str().unwrap()], "control-characters-index");
    let index = index.to_str().unwrap();
    let plain = stdout(&scour(&["search", "bell", "--index", index]));
    assert!(!plain.contains(['\u{1b}', '\u{7}', '\u{9b}']), "{plain:?}");
    // A title is put on one line when it is read: its control characters are spaces.
    assert!(plain.contains("Evil [31mRED"), "{plain}");
    assert!(plain.contains("ring \u{2407} [bell]"), "{plain}");
    let json = stdout(&scour(&["search", "bell", "--index", index, "--json"]));
    assert!(json.contains("ring \\u0007 bell"), "{json}");
}

/// Indexes the html-site fixture and then the site with `also` after it, and checks that both
/// write the same index and that no page is reported as a duplicate.
fn assert_read_once(also: &str, name: &str) {
    let site = fixture("html-site");
    let (_once_out, once) = index(&[&site], &format!("{name}-once"));
    let out = Scratch::new(name);
    let also = format!("{site}/{also}");
    let written = stdout(&scour(&[
        "index",
        &site,
        &also,
        "--out",
        out.to_str().unwrap(),
    ]));
    assert!(!written.contains("duplicate"), "{written}");
    assert_eq!(
        std::fs::read(out.join("scour-index.bin")).unwrap(),
        std::fs::read(once).unwrap()
    );
}

/// Folders that overlap (a site and a folder in it) read each page once, with the ids of the
/// first folder that reached it: neither a second copy under other ids nor a duplicate.
#[test]
fn overlapping_folders_read_each_page_once() {
    assert_read_once("docs", "overlapping");
}

/// A folder named twice is read once, not reported as a duplicate of itself.
#[test]
fn a_folder_named_twice_is_read_once() {
    assert_read_once(".", "named-twice");
}

/// `bench` names the corpus lines it passes over, as `index` does, and takes a big page of a
/// size it can make; `search --limit 0` says how many results there are.
#[test]
fn bench_and_search_say_what_they_pass_over_and_count() {
    let dir = judged_collection(
        "bench-passed-over",
        "{\"id\": \"d1\", \"title\": \"Apple\", \"body\": \"Apples.\"}\n\
         {\"id\": \"d1\", \"title\": \"Again\", \"body\": \"Twice.\"}\n\
         {\"title\": \"No id\", \"body\": \"None.\"}\n",
        "{\"id\": \"q1\", \"text\": \"apple\"}\n",
        "q1 0 d1 2\n",
    );
    let said = diagnostics(&scour(&["bench", dir.to_str().unwrap(), "--queries", "1"]));
    assert!(said.contains("skipped 2 item(s):"), "{said}");
    assert!(said.contains("duplicate id \"d1\""), "{said}");
    for size in ["0", "100000"] {
        let refused = stderr_of_failure(&scour(&[
            "bench",
            dir.to_str().unwrap(),
            "--big-page",
            size,
        ]));
        assert!(refused.contains("--big-page"), "{refused}");
    }
    // A site's folder is no collection: said so.
    let site = fixture("docs-site");
    let refused = stderr_of_failure(&scour(&["bench", &site]));
    assert!(
        refused.contains("has no corpus.jsonl: scour bench times a collection"),
        "{refused}"
    );
    let index = Scratch::new("limit-zero");
    stdout(&scour(&index_args(
        Path::new(&fixture("collection")),
        &index,
        &["--single-file"],
    )));
    let printed = stdout(&scour(&[
        "search",
        "--index",
        index.to_str().unwrap(),
        "--limit",
        "0",
        "apple",
    ]));
    assert!(
        printed.starts_with("0 of 2 results for \"apple\""),
        "{printed}"
    );
}

//! The `scour` command line, run as a user runs it.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scour(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scour"))
        .args(args)
        .output()
        .expect("scour runs")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scour-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn index(paths: &[&str], name: &str) -> PathBuf {
    let out = temp_dir(name);
    let mut args = vec!["index"];
    args.extend_from_slice(paths);
    args.extend_from_slice(&["--out", out.to_str().unwrap()]);
    stdout(&scour(&args));
    out.join("scour-index.bin")
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
fn indexed_sites_are_searchable_without_their_page_chrome() {
    let file = index(&[&fixture("docs-site")], "docs");
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
    let html = index(&[&fixture("html-site")], "html");
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
    let file = index(
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
    let out = temp_dir("bad");
    let output = scour(&["index", &fixture("bad"), "--out", out.to_str().unwrap()]);
    let text = stdout(&output);
    assert!(text.contains("indexed 4 documents"), "{text}");
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
    assert!(!strict.status.success());
    let message = String::from_utf8_lossy(&strict.stderr);
    assert!(message.contains("invalid-utf8.txt"), "{message}");
}

#[test]
fn a_missing_corpus_path_is_a_clear_error() {
    let output = scour(&[
        "index",
        "/no/such/folder",
        "--out",
        temp_dir("missing").to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("/no/such/folder"));
}

#[test]
fn foreign_corrupt_and_newer_index_files_are_refused_with_advice() {
    let file = index(&[&fixture("docs-site")], "versions");
    let bytes = std::fs::read(&file).unwrap();
    let dir = file.parent().unwrap();
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
        assert!(!output.status.success());
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(
            message.contains(expected) && message.contains(&path),
            "{message}"
        );
    }
}

#[test]
fn eval_scores_judged_queries_and_writes_a_trec_run() {
    let run = temp_dir("run");
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
        figures[..6],
        ["collection", "2", "1.0000", "1.0000", "0.1000", "1.0000"],
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

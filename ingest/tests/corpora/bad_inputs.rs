//! Bad input, in `tests/fixtures/bad/` and in temporary directories: recorded and passed over by
//! default, fatal in strict mode, and always reported with the file (and line).

use std::fs;
use std::path::{Path, PathBuf};

use scour_ingest::{read_corpus, read_file, Corpus, IngestError, IngestOptions, Skipped, Warning};

use crate::common;

fn options(strict: bool) -> IngestOptions {
    IngestOptions {
        strict,
        ..IngestOptions::default()
    }
}

fn bad(name: &str) -> PathBuf {
    common::fixture("bad").join(name)
}

fn lenient(paths: &[PathBuf]) -> Corpus {
    read_corpus(paths, &options(false)).expect("a lenient run goes on past bad files")
}

fn strict_error(paths: &[PathBuf]) -> String {
    read_corpus(paths, &options(true))
        .expect_err("a strict run stops at bad input")
        .to_string()
}

fn ids(corpus: &Corpus) -> Vec<&str> {
    corpus
        .documents
        .iter()
        .map(|document| document.id.as_str())
        .collect()
}

#[test]
fn lenient_run_keeps_what_it_can_and_says_what_it_left_out() {
    let corpus = lenient(&[common::fixture("bad")]);
    assert_eq!(ids(&corpus), ["invalid-utf8", "rec-1", "rec-2", "4"]);
    assert_eq!(
        corpus
            .skipped
            .iter()
            .map(|s| (s.path.clone(), s.line))
            .collect::<Vec<_>>(),
        [
            (bad("malformed-front-matter.md"), Some(2)),
            (bad("records.jsonl"), Some(3))
        ]
    );
    assert_eq!(corpus.warnings.len(), 1);
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let corpus = lenient(&[bad("invalid-utf8.txt")]);
    let document = common::document(&corpus, "invalid-utf8");
    assert!(document
        .body
        .contains("Sensor \u{FFFD}\u{FFFD} garbled the Tuesday reading"));
    assert_eq!(
        corpus.warnings,
        [Warning {
            path: bad("invalid-utf8.txt"),
            line: Some(3),
            message: "invalid UTF-8, first on this line (bad bytes shown as \u{FFFD}); re-save the file as UTF-8"
                .to_string(),
        }]
    );
    assert!(corpus.skipped.is_empty());
}

#[test]
fn invalid_utf8_fails_a_strict_run_naming_file_and_line() {
    let message = strict_error(&[bad("invalid-utf8.txt")]);
    let expected = format!("{}:3: invalid UTF-8", bad("invalid-utf8.txt").display());
    assert!(message.starts_with(&expected), "{message}");
}

#[test]
fn malformed_front_matter_skips_the_page() {
    let corpus = lenient(&[bad("malformed-front-matter.md"), bad("invalid-utf8.txt")]);
    assert_eq!(ids(&corpus), ["invalid-utf8"]);
    assert!(!corpus
        .documents
        .iter()
        .any(|document| document.body.contains("frontmatterbroken")));
    let skipped = &corpus.skipped[0];
    assert_eq!(
        (skipped.path.as_path(), skipped.line),
        (bad("malformed-front-matter.md").as_path(), Some(2))
    );
    assert!(
        skipped.reason.starts_with("malformed YAML front matter: "),
        "{}",
        skipped.reason
    );
}

#[test]
fn malformed_front_matter_fails_a_strict_run_naming_file_and_line() {
    let message = strict_error(&[bad("malformed-front-matter.md")]);
    let expected = format!(
        "{}:2: malformed YAML front matter: ",
        bad("malformed-front-matter.md").display()
    );
    assert!(message.starts_with(&expected), "{message}");
    assert!(
        message.ends_with("; fix it or remove the front matter block"),
        "{message}"
    );
}

#[test]
fn a_malformed_json_line_is_skipped_and_the_other_lines_kept() {
    let corpus = lenient(&[bad("records.jsonl")]);
    assert_eq!(ids(&corpus), ["rec-1", "rec-2", "4"]);
    assert_eq!(
        common::document(&corpus, "4").date.as_deref(),
        Some("2024-05-02")
    );
    assert_eq!(
        common::document(&corpus, "rec-2").filters["tag"],
        ["survey"]
    );
    let skipped = &corpus.skipped[0];
    assert_eq!(skipped.line, Some(3));
    assert_eq!(
        skipped.to_string(),
        format!(
            "{}:3: malformed JSON: EOF while parsing a string at column 71; each line must hold one JSON object",
            bad("records.jsonl").display()
        )
    );
}

#[test]
fn a_malformed_json_line_fails_a_strict_run_naming_file_and_line() {
    let message = strict_error(&[bad("records.jsonl")]);
    let expected = format!("{}:3: malformed JSON: ", bad("records.jsonl").display());
    assert!(message.starts_with(&expected), "{message}");
}

#[test]
fn a_strict_run_stops_at_the_first_problem_in_path_order() {
    let message = strict_error(&[common::fixture("bad")]);
    assert!(
        message.starts_with(&format!(
            "{}:3: invalid UTF-8",
            bad("invalid-utf8.txt").display()
        )),
        "{message}"
    );
}

#[test]
fn read_file_fails_on_any_problem_in_the_file() {
    let root = common::fixture("bad");
    let cases = [
        ("invalid-utf8.txt", 3),
        ("malformed-front-matter.md", 2),
        ("records.jsonl", 3),
    ];
    for (name, line) in cases {
        let error = read_file(&bad(name), &root).expect_err(name);
        assert_eq!((error.path, error.line), (bad(name), Some(line)));
    }
    let documents = read_file(
        &common::fixture("xss/injection.txt"),
        &common::fixture("xss"),
    )
    .unwrap();
    assert_eq!(documents.len(), 1);
}

#[test]
fn read_file_refuses_unknown_file_types() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "notes.rtf", "text");
    let error = read_file(&path, dir.path()).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{}: unknown file type; expected a .txt, .md, .markdown, .html, .htm or .jsonl file",
            path.display()
        )
    );
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, text).unwrap();
    path
}

/// A `.txt` path that cannot be read: a link to nothing (permissions do not stop root).
fn unreadable(dir: &Path) -> PathBuf {
    let path = dir.join("gone.txt");
    std::os::unix::fs::symlink(dir.join("no-such-target"), &path).unwrap();
    path
}

#[test]
fn an_unreadable_file_is_skipped_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.txt", "Fine\nReadable text.");
    let gone = unreadable(dir.path());
    let corpus = lenient(&[dir.path().to_path_buf()]);
    assert_eq!(ids(&corpus), ["ok"]);
    let Skipped { path, line, reason } = &corpus.skipped[0];
    assert_eq!((path, *line), (&gone, None));
    assert!(reason.starts_with("cannot read it ("), "{reason}");
    assert!(
        reason.ends_with("); check that it exists and is a readable file"),
        "{reason}"
    );
}

#[test]
fn an_unreadable_file_fails_a_strict_run() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.txt", "Fine\nReadable text.");
    let gone = unreadable(dir.path());
    let message = strict_error(&[dir.path().to_path_buf()]);
    assert!(
        message.starts_with(&format!("{}: cannot read it (", gone.display())),
        "{message}"
    );
}

#[test]
fn a_missing_path_is_an_error_naming_it() {
    let missing = common::fixture("no-such-folder");
    let error = read_corpus(std::slice::from_ref(&missing), &options(false)).unwrap_err();
    assert!(matches!(&error, IngestError::Missing(path) if *path == missing));
    assert_eq!(
        error.to_string(),
        format!(
            "{}: no such file or directory; check the path",
            missing.display()
        )
    );
}

#[test]
fn a_corpus_without_documents_is_an_error_in_both_modes() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.rtf", "not a corpus file");
    let expected = format!(
        "no documents found under {}: expected .txt, .md, .html or .jsonl files",
        dir.path().display()
    );
    for strict in [false, true] {
        let error = read_corpus(&[dir.path().to_path_buf()], &options(strict)).unwrap_err();
        assert_eq!(error.to_string(), expected);
    }
}

#[test]
fn json_lines_without_id_or_body_are_skipped_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "docs.jsonl",
        "{\"id\": \"a\", \"body\": \"A\"}\n\n{\"title\": \"no id\", \"body\": \"B\"}\n{\"id\": \"c\"}\n",
    );
    let corpus = lenient(std::slice::from_ref(&path));
    assert_eq!(ids(&corpus), ["a"]);
    let reasons: Vec<_> = corpus.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(
        reasons,
        [
            format!(
                "{}:3: missing \"id\"; each line needs an \"id\" and a \"body\"",
                path.display()
            ),
            format!(
                "{}:4: missing \"body\"; each line needs an \"id\" and a \"body\"",
                path.display()
            ),
        ]
    );
}

#[test]
fn a_duplicate_id_skips_the_later_document_or_fails_a_strict_run() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(dir.path(), "a.txt", "First\nText.");
    let later = write(
        dir.path(),
        "b.jsonl",
        "{\"id\": \"b\", \"body\": \"B\"}\n{\"id\": \"a\", \"body\": \"again\"}\n",
    );
    let corpus = lenient(&[dir.path().to_path_buf()]);
    assert_eq!(ids(&corpus), ["a", "b"]);
    let expected = format!(
        "{}:2: duplicate id \"a\", already used at {}; give one of them another id",
        later.display(),
        first.display()
    );
    let skipped: Vec<_> = corpus.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(skipped, std::slice::from_ref(&expected));
    assert_eq!(strict_error(&[dir.path().to_path_buf()]), expected);
}

#[test]
fn a_corpus_of_bad_files_only_fails_naming_every_file_and_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let front_matter = write(dir.path(), "a.md", "---\ntitle: [unclosed\n---\nText");
    let lines = write(dir.path(), "b.jsonl", "{\"id\": \"1\"}\nnot json\n");
    write(dir.path(), "robots.txt", "User-agent: *");
    let gone = unreadable(dir.path());
    let error = read_corpus(&[dir.path().to_path_buf()], &options(false)).unwrap_err();
    let IngestError::AllSkipped {
        skipped, left_out, ..
    } = &error
    else {
        panic!("{error:?}")
    };
    let places: Vec<(&Path, Option<usize>)> =
        skipped.iter().map(|s| (s.path.as_path(), s.line)).collect();
    assert_eq!(
        places,
        [
            (front_matter.as_path(), Some(3)),
            (lines.as_path(), Some(1)),
            (lines.as_path(), Some(2)),
            (gone.as_path(), None)
        ]
    );
    assert_eq!(*left_out, 1);
    let message = error.to_string();
    let mut expected = format!(
        "no document could be read under {}: every file was skipped or left out on purpose (1), \
         for these reasons:",
        dir.path().display()
    );
    for skipped in skipped {
        expected.push_str(&format!("\n  {skipped}"));
    }
    assert_eq!(message, expected);
    assert!(message.contains("missing \"body\""), "{message}");
}

/// A page of each format with a bad `date` and, where the format has one, a bad `weight`.
fn pages_with_bad_fields(dir: &Path) -> [PathBuf; 3] {
    [
        write(
            dir,
            "a.md",
            "---\ntitle: Front\ndate: 2024-02-30\nweight: heavy\ntags: [kept]\n---\nBody.\n",
        ),
        write(
            dir,
            "b.html",
            "<meta name=\"date\" content=\"last week\"><title>Meta</title><p>Body.</p>",
        ),
        write(
            dir,
            "c.jsonl",
            "{\"id\": \"ok\", \"body\": \"Fine.\"}\n\
             {\"id\": \"line\", \"title\": \"Line\", \"body\": \"B\", \"date\": \"soon\", \"weight\": -2}\n",
        ),
    ]
}

#[test]
fn a_bad_date_or_weight_leaves_out_only_that_field_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let [markdown, html, jsonl] = pages_with_bad_fields(dir.path());
    let corpus = lenient(&[dir.path().to_path_buf()]);
    assert_eq!(ids(&corpus), ["a", "b", "ok", "line"]);
    assert!(corpus.skipped.is_empty(), "{:?}", corpus.skipped);
    let front = common::document(&corpus, "a");
    assert_eq!(
        (front.title.as_str(), front.body.as_str()),
        ("Front", "Body.")
    );
    assert_eq!(front.filters["tag"], ["kept"]);
    assert_eq!((front.date.as_deref(), front.weight), (None, 1.0));
    assert_eq!(common::document(&corpus, "b").title, "Meta");
    let line = common::document(&corpus, "line");
    assert_eq!((line.title.as_str(), line.date.as_deref()), ("Line", None));
    let warning = |path: &PathBuf, line, message: &str| Warning {
        path: path.clone(),
        line,
        message: message.to_string(),
    };
    assert_eq!(
        corpus.warnings,
        [
            warning(
                &markdown,
                None,
                "date \"2024-02-30\" is not a date; write it as YYYY-MM-DD"
            ),
            warning(
                &markdown,
                None,
                "\"weight\" must be a number of 0 or more, not \"heavy\""
            ),
            warning(
                &html,
                None,
                "date \"last week\" is not a date; write it as YYYY-MM-DD"
            ),
            warning(
                &jsonl,
                Some(2),
                "date \"soon\" is not a date; write it as YYYY-MM-DD"
            ),
            warning(
                &jsonl,
                Some(2),
                "\"weight\" must be a number of 0 or more, not -2"
            ),
        ]
    );
}

#[test]
fn a_bad_date_or_weight_fails_a_strict_run_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    for path in pages_with_bad_fields(dir.path()) {
        let message = strict_error(std::slice::from_ref(&path));
        let location = path.display().to_string();
        assert!(
            message.starts_with(&location) && message.contains("is not a date"),
            "{message}"
        );
    }
}

/// A binary file with a text file's name (an image saved as `.md`, UTF-16 text without its
/// byte order mark) is skipped, saying why, rather than indexed as junk; a NUL byte past the
/// first 8 KiB is text's.
#[test]
fn a_binary_file_named_as_text_is_skipped_saying_why() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.txt", "Fine\nReadable text.");
    let image = dir.path().join("logo.md");
    fs::write(&image, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR readable junk").unwrap();
    let unmarked = dir.path().join("notes.html");
    fs::write(&unmarked, b"<\0h\0t\0m\0l\0>\0").unwrap();
    let late = format!("Late\n{}\0 after the probe.", "text ".repeat(2000));
    write(dir.path(), "late.txt", &late);
    let corpus = lenient(&[dir.path().to_path_buf()]);
    assert_eq!(ids(&corpus), ["late", "ok"]);
    let skipped: Vec<(&Path, &str)> = corpus
        .skipped
        .iter()
        .map(|s| (s.path.as_path(), s.reason.as_str()))
        .collect();
    let reason = |offset: usize| {
        format!("a NUL byte at byte {offset}: this is a binary file (or text in UTF-16 without a byte order mark, or in UTF-32), not UTF-8 text, and was skipped; re-save it as UTF-8, or leave it out with an exclude pattern")
    };
    assert_eq!(
        skipped,
        [
            (image.as_path(), reason(8).as_str()),
            (unmarked.as_path(), reason(1).as_str())
        ]
    );
    let message = strict_error(std::slice::from_ref(&image));
    assert!(
        message.starts_with(&format!("{}: a NUL byte at byte 8", image.display())),
        "{message}"
    );
}

/// `text` in UTF-16 with its byte order mark, as Windows tools save it.
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let units = "\u{FEFF}".encode_utf16().chain(text.encode_utf16());
    let bytes = units.map(|unit| match big_endian {
        true => unit.to_be_bytes(),
        false => unit.to_le_bytes(),
    });
    bytes.flatten().collect()
}

/// Text in UTF-16 with its byte order mark, in either byte order, is read as the same pages in
/// UTF-8 would be (JSON lines too); half a character in it is replaced, the page kept and the
/// line named.
#[test]
fn utf16_text_with_its_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<html><head><title>Größe ändern</title></head>\r\n<body><p>Ändert die Größe 𝄞.</p></body></html>";
    fs::write(dir.path().join("little.html"), utf16(page, false)).unwrap();
    fs::write(
        dir.path().join("big.md"),
        utf16("# Größe ändern\r\n\r\nÄndert die Größe 𝄞.", true),
    )
    .unwrap();
    let mut broken = utf16("# Broken\n\nfirst line\nsecond ", false);
    broken.extend([0x00, 0xD8]);
    broken.extend(&utf16("line", false)[2..]);
    let broken_path = dir.path().join("broken.md");
    fs::write(&broken_path, broken).unwrap();
    let records = [
        r#"{"id": "größe-1", "title": "Größe ändern", "body": "Ändert die Größe 𝄞."}"#,
        r#"{"id": "größe-2", "title": "Größe", "body": "Zwei"}"#,
    ];
    fs::write(
        dir.path().join("records.jsonl"),
        utf16(&records.join("\r\n"), true),
    )
    .unwrap();
    let corpus = lenient(&[dir.path().to_path_buf()]);
    assert!(corpus.skipped.is_empty(), "{:?}", corpus.skipped);
    let read: Vec<(&str, &str, &str)> = corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.title.as_str(), d.body.trim()))
        .collect();
    assert_eq!(
        read,
        [
            ("big", "Größe ändern", "Ändert die Größe 𝄞."),
            ("broken", "Broken", "first line second \u{FFFD}line"),
            ("little", "Größe ändern", "Ändert die Größe 𝄞."),
            ("größe-1", "Größe ändern", "Ändert die Größe 𝄞."),
            ("größe-2", "Größe", "Zwei"),
        ]
    );
    assert_eq!(
        corpus.warnings,
        [Warning {
            path: broken_path,
            line: Some(4),
            message: "invalid UTF-16 (half a character), first on this line (shown as \u{FFFD}); re-save the file as UTF-8".to_string(),
        }]
    );
}

/// An older site's page in Latin-1 (`café` in one byte), its `<meta>` saying so, is read as a
/// browser reads it, with no warning; the same bytes in a Markdown file, which declares
/// nothing, are UTF-8's, with the warning.
#[test]
fn a_page_declared_latin_1_is_read_as_a_browser_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let page = b"<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title></head><body><p>Na\xefve \x93cr\xe8me\x94.</p></body></html>";
    fs::write(dir.path().join("menu.html"), page).unwrap();
    fs::write(dir.path().join("notes.md"), b"# Caf\xe9\n\nText.").unwrap();
    let corpus = lenient(&[dir.path().to_path_buf()]);
    let menu = corpus.documents.iter().find(|d| d.id == "menu").unwrap();
    assert_eq!(
        (menu.title.as_str(), menu.body.as_str()),
        ("Café", "Naïve “crème”.")
    );
    let warned: Vec<&Path> = corpus.warnings.iter().map(|w| w.path.as_path()).collect();
    assert_eq!(warned, [dir.path().join("notes.md").as_path()]);
}

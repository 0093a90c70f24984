//! Which files a run reads, and in what order.

use std::fs;
use std::path::{Path, PathBuf};

use scour_ingest::{read_corpus, BaseUrl, Corpus, IngestError, IngestOptions, Omission};

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
fn directories_are_walked_in_sorted_order_skipping_hidden_dependencies_and_unknown_files() {
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
        "node_modules/pkg/README.md",
        "a/node_modules/lib/index.html",
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
    assert_eq!(
        ids(&corpus),
        [
            "tests/fixtures/xss/injection",
            "corpus/002_99d606bfa40b6113"
        ]
    );
}

/// Folders of one site (`public/docs public/blog`) are read as parts of it: their pages keep
/// the folder in their ids and URLs, so two `index.html` are two pages, at their own URLs.
#[test]
fn several_folders_are_named_from_the_folder_they_share() {
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    write(
        &public,
        "docs/index.html",
        "<title>Docs</title><p>Docs home.</p>",
    );
    write(
        &public,
        "docs/guide/start.html",
        "<title>Start</title><p>Begin.</p>",
    );
    write(
        &public,
        "blog/index.html",
        "<title>Blog</title><p>Blog home.</p>",
    );
    write(&public, "blog/post.md", "# Post\nWords.");
    let corpus = read(&[public.join("docs"), public.join("blog")]);
    assert_eq!(
        ids(&corpus),
        ["docs/guide/start", "docs/index", "blog/index", "blog/post"]
    );
    let urls: Vec<_> = corpus.documents.iter().map(|d| d.url.as_deref()).collect();
    assert_eq!(
        urls,
        [
            Some("/docs/guide/start.html"),
            Some("/docs/"),
            Some("/blog/"),
            Some("/blog/post/")
        ]
    );
    assert!(corpus.skipped.is_empty(), "{:?}", corpus.skipped);
    // Exclude patterns are still paths under the folder given.
    let options = IngestOptions {
        exclude: vec!["guide/**".parse().unwrap()],
        ..IngestOptions::default()
    };
    let corpus = read_corpus(&[public.join("docs"), public.join("blog")], &options).unwrap();
    assert_eq!(ids(&corpus), ["docs/index", "blog/index", "blog/post"]);
    // However each folder is written: `.`, `..`, or the same folder twice.
    let written = [
        public.join("docs/./guide/.."),
        public.join("docs/../blog"),
        public.join("docs"),
    ];
    let corpus = read(&written);
    assert_eq!(
        ids(&corpus),
        ["docs/guide/start", "docs/index", "blog/index", "blog/post"]
    );
    assert_eq!(
        ids(&read(&[public.join("docs"), public.join("./docs")])),
        ["guide/start", "index"]
    );
}

#[test]
fn links_to_directories_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "real/page.txt", "Page\nBody.");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("real/loop")).unwrap();
    let corpus = read(&[dir.path().to_path_buf()]);
    assert_eq!(ids(&corpus), ["real/page"]);
    // The link is named in the report, not passed over in silence.
    let omitted: Vec<_> = corpus
        .omitted
        .iter()
        .map(|o| (o.path.clone(), o.reason))
        .collect();
    assert_eq!(
        omitted,
        [(dir.path().join("real/loop"), Omission::LinkedFolder)]
    );
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
    assert_eq!(
        ids(&overlapping),
        ["site/docs/guide", "site/latest", "site/v2", "other/notes"]
    );
}

/// A plain text file is a file of the site when the index knows where the site is served
/// (`--base-url`, or an index inside the folder read): it is linked as served. Otherwise it
/// is a note, with no URL, opened by a reader.
#[test]
fn a_text_file_is_linked_where_the_site_serves_it() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "notes/changes.txt",
        "Changes\nVersion 2 is out.",
    );
    write(dir.path(), "guide.md", "# Guide\nRead the changes.");
    let urls = |base_url: Option<&str>| {
        let options = IngestOptions {
            base_url: base_url.map(|url| url.parse().unwrap()),
            ..IngestOptions::default()
        };
        let corpus = read_corpus(&[dir.path().to_path_buf()], &options).unwrap();
        let urls = corpus.documents.iter().map(|d| d.url.clone());
        urls.collect::<Vec<_>>()
    };
    assert_eq!(urls(None), [Some("/guide/".to_string()), None]);
    assert_eq!(
        urls(Some("/docs/")),
        [
            Some("/docs/guide/".to_string()),
            Some("/docs/notes/changes.txt".to_string())
        ]
    );
}

/// A file whose name is not UTF-8 (Latin-1 `café.html`) is skipped, saying why: its id and URL
/// would have named it with `�`, and two such names would have been one.
#[test]
fn a_file_named_in_another_encoding_is_skipped_saying_why() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "menu.md", "# Menu\nCoffee.");
    let latin1 = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    fs::write(dir.path().join(latin1), "# Cafe\nTea.").unwrap();
    let corpus = read_corpus(&[dir.path().to_path_buf()], &IngestOptions::default()).unwrap();
    assert_eq!(ids(&corpus), ["menu"]);
    assert_eq!(corpus.skipped.len(), 1);
    assert!(
        corpus.skipped[0].reason.contains("name is not UTF-8"),
        "{:?}",
        corpus.skipped
    );
}

/// Files of one name and other extensions in one folder (a Markdown copy published beside
/// each HTML page) are one page: the first read is it, the others are left out as its copies,
/// never skipped as errors.
#[test]
fn files_differing_by_extension_alone_are_one_page() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "guide/page.html",
        "<main><h1>Page</h1><p>Served as HTML.</p></main>",
    );
    write(dir.path(), "guide/page.md", "# Page\nServed as Markdown.");
    write(dir.path(), "guide/page.txt", "Page\nServed as text.");
    write(dir.path(), "other/page.md", "# Page\nAnother folder's.");
    let corpus = read(&[dir.path().to_path_buf()]);
    assert_eq!(ids(&corpus), ["guide/page", "other/page"]);
    assert!(corpus.skipped.is_empty());
    let copies: Vec<_> = corpus
        .omitted
        .iter()
        .map(|o| (o.path.clone(), o.reason))
        .collect();
    let copy = |name: &str| (dir.path().join(name), Omission::OtherExtension);
    assert_eq!(copies, [copy("guide/page.md"), copy("guide/page.txt")]);
}

/// A Markdown copy of a page rendered to a folder (`guide/page.md` beside
/// `guide/page/index.html`, as sites publishing Markdown for language models do) is that page's
/// copy too (not a page of HTML there: `a.html` and `a/index.html` are two pages). In a site of
/// as many HTML pages as Markdown files that an index is written inside (so served from it), a
/// Markdown file of no page's name is published as it is, and linked as the file it is;
/// elsewhere Markdown is taken for a generator's sources, linked as the pages they become.
#[test]
fn markdown_in_a_served_site_of_html_pages_is_linked_as_the_file_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    write(
        &site,
        "guide/page/index.html",
        "<main><h1>Page</h1><p>Served as HTML.</p></main>",
    );
    write(&site, "guide/page.md", "# Page\nServed as Markdown.");
    write(
        &site,
        "handbook/contributing.md",
        "# Contributing\nA file of its own.",
    );
    write(
        &site,
        "handbook/index.md",
        "# Handbook\nThe folder's Markdown.",
    );
    write(&site, "a.html", "<main><h1>A</h1><p>A page.</p></main>");
    write(
        &site,
        "a/index.html",
        "<main><h1>A's folder</h1><p>Another page.</p></main>",
    );
    write(&site, "b.html", "<main><h1>B</h1><p>A page.</p></main>");
    let inside = IngestOptions {
        base_url: Some(BaseUrl::site_relative()),
        ..IngestOptions::default()
    };
    let urls = |corpus: &Corpus| -> Vec<(String, String)> {
        let url = |d: &scour_core::Document| d.url.clone().unwrap_or_default();
        corpus
            .documents
            .iter()
            .map(|d| (d.id.clone(), url(d)))
            .collect()
    };
    let corpus = read_corpus(std::slice::from_ref(&site), &inside).unwrap();
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        urls(&corpus),
        pairs(&[
            ("a/index", "a/"),
            ("a", "a.html"),
            ("b", "b.html"),
            ("guide/page/index", "guide/page/"),
            ("handbook/contributing", "handbook/contributing.md"),
            ("handbook/index", "handbook/index.md"),
        ])
    );
    assert!(corpus.skipped.is_empty(), "{:?}", corpus.skipped);
    let copies: Vec<_> = corpus
        .omitted
        .iter()
        .map(|o| (o.path.clone(), o.reason))
        .collect();
    assert_eq!(
        copies,
        [(site.join("guide/page.md"), Omission::OtherExtension)]
    );

    // The same files with the index elsewhere, and a folder of Markdown alone with it inside.
    let elsewhere = read(&[site]);
    assert_eq!(urls(&elsewhere)[4].1, "/handbook/contributing/");
    let sources = dir.path().join("content");
    write(
        &sources,
        "handbook/contributing.md",
        "# Contributing\nA generator's source.",
    );
    write(&sources, "handbook/setup.md", "# Setup\nAnother source.");
    write(
        &sources,
        "layouts/page.html",
        "<main><p>The theme's page.</p></main>",
    );
    let corpus = read_corpus(&[sources], &inside).unwrap();
    assert_eq!(urls(&corpus)[0].1, "handbook/contributing/");
}

/// An `--exclude` pattern that leaves out no file is named in a warning, with the pattern it
/// most likely means when it starts with the folder read.
#[test]
fn an_exclude_pattern_that_leaves_out_nothing_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("public");
    write(&site, "blog/post.md", "# Post\nText.");
    write(&site, "index.md", "# Home\nText.");
    write(&site, "node_modules/pkg/README.md", "# Package");
    write(&site, ".git/HEAD", "ref");
    write(&site, "blog/photo.png", "png");
    let options = IngestOptions {
        exclude: [
            "public/blog/**",
            "index.md",
            "nothing/*",
            "node_modules",
            ".git",
            "**/*.png",
        ]
        .map(|p| p.parse().unwrap())
        .to_vec(),
        ..IngestOptions::default()
    };
    let corpus = read_corpus(std::slice::from_ref(&site), &options).unwrap();
    assert_eq!(ids(&corpus), ["blog/post"]);
    let warnings: Vec<String> = corpus.warnings.iter().map(|w| w.message.clone()).collect();
    assert_eq!(
        warnings,
        [
            "--exclude `public/blog/**` left out no file; a pattern is a path under the folder read: `blog/**`, not `public/blog/**`",
            "--exclude `nothing/*` left out no file; a pattern is a path under the folder read (`blog/**`, `**/drafts/*.md`)",
        ]
    );
}

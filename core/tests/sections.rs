//! Sections as sub-results: the best-matching headed parts of a page, with their own
//! excerpts and anchored links, kept through both kinds of index file.

use scour_core::{codec, Document, Index, IndexBuilder, Layout, SearchOptions, Section};

/// A page whose body has an intro and three headed sections.
fn manual_page() -> Document {
    let parts = [
        ("", "Install", "The manual explains the tool."),
        (
            "install",
            "Install",
            "Download the archive and unpack it into a folder.",
        ),
        (
            "configure",
            "Configure the cache",
            "Set the cache size and the folder for temporary files.",
        ),
        (
            "cache-tips",
            "Tips",
            "A bigger cache speeds up builds; clear the cache after upgrades. Cache, cache, cache.",
        ),
    ];
    let mut body = String::new();
    let mut sections = Vec::new();
    for (anchor, heading, text) in parts {
        if !body.is_empty() {
            body.push('\n');
        }
        if !anchor.is_empty() {
            sections.push(Section {
                anchor: anchor.into(),
                title: heading.into(),
                start: body.len() as u32,
            });
            body.push_str(heading);
            body.push('\n');
        }
        body.push_str(text);
    }
    let mut page = Document::new("guide", "Guide", body);
    page.url = Some("/docs/guide.html".into());
    page.sections = sections;
    page
}

fn index() -> Index {
    let mut builder = IndexBuilder::new();
    builder.add(manual_page());
    builder.build()
}

fn sections(index: &Index, query: &str) -> Vec<(String, Option<String>, String)> {
    let results = index.search(query, &SearchOptions::default());
    results.hits[0]
        .sections
        .iter()
        .map(|s| (s.anchor.clone(), s.url.clone(), s.excerpt.clone()))
        .collect()
}

#[test]
fn sections_rank_by_distinct_words_then_heading_then_count() {
    let index = index();
    let anchors: Vec<String> = sections(&index, "cache folder")
        .into_iter()
        .map(|(anchor, _, _)| anchor)
        .collect();
    // `configure` has both words, one in its heading; `install` has only "folder"; `tips`
    // has only "cache", many times.
    assert_eq!(anchors, ["configure", "cache-tips", "install"]);
    let only_cache: Vec<String> = sections(&index, "cache")
        .into_iter()
        .map(|(anchor, _, _)| anchor)
        .collect();
    assert_eq!(only_cache, ["configure", "cache-tips"]);
}

#[test]
fn a_section_links_to_its_anchor_and_excerpts_its_own_text() {
    let index = index();
    let found = sections(&index, "unpack");
    assert_eq!(found.len(), 1);
    let (anchor, url, excerpt) = &found[0];
    assert_eq!(anchor, "install");
    assert_eq!(url.as_deref(), Some("/docs/guide.html#install"));
    assert_eq!(excerpt, "Download the archive and unpack it into a folder.");
    let results = index.search("unpack", &SearchOptions::default());
    let section = &results.hits[0].sections[0];
    let marked: Vec<&str> = section
        .excerpt_matches
        .iter()
        .map(|r| &section.excerpt[r.clone()])
        .collect();
    assert_eq!(marked, ["unpack"]);
}

#[test]
fn words_only_in_the_intro_or_title_give_no_sections() {
    let index = index();
    assert!(sections(&index, "manual").is_empty());
    assert!(sections(&index, "guide").is_empty());
}

#[test]
fn sections_survive_both_kinds_of_index_file() {
    let expected = sections(&index(), "cache folder");
    for layout in [Layout::default(), Layout::whole()] {
        let mut builder = IndexBuilder::new();
        builder.add(manual_page());
        let file = builder.build_files(layout).single_file();
        let opened = codec::decode(&file).unwrap();
        assert_eq!(sections(&opened, "cache folder"), expected);
    }
}

#[test]
fn sections_that_do_not_fit_the_body_are_dropped_at_build() {
    let mut page = manual_page();
    page.sections.reverse();
    let mut beyond = manual_page();
    beyond.id = "beyond".into();
    beyond.sections[0].start = beyond.body.len() as u32 + 1;
    let mut builder = IndexBuilder::new();
    builder.add(page).add(beyond);
    let index = builder.build();
    for hit in index.search("cache", &SearchOptions::default()).hits {
        assert!(hit.sections.is_empty(), "{}", hit.id);
    }
}

/// A page with a section headed by the word comes before one that only mentions it twice
/// in a paragraph: a heading names what its section is about.
#[test]
fn a_heading_holding_the_word_ranks_its_page_above_mentions() {
    let intro = "Notes on running the service in production.";
    let filler = "Keep the logs, watch the disk and restart on failure.";
    let headed_body = format!("{intro}\nRetries\n{filler}\nSee the other pages.");
    let mut headed = Document::new("headed", "Operations", headed_body.clone());
    headed.sections = vec![Section {
        anchor: "retries".into(),
        title: "Retries".into(),
        start: headed_body.find("Retries").unwrap() as u32,
    }];
    let mentions_body = format!("{intro}\n{filler}\nRetries help; retries are cheap.");
    let mentions = Document::new("mentions", "Maintenance", mentions_body);
    let mut builder = IndexBuilder::new();
    builder.add(mentions).add(headed);
    let index = builder.build();
    let hits = index.search("retries", &SearchOptions::default()).hits;
    let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["headed", "mentions"]);
}

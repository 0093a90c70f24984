//! The engine over the embedded seed corpus, as the CLI and the wasm module see it.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use scour::{embedded_index, Index, SearchOptions};

fn index() -> Index {
    embedded_index().expect("the embedded index opens")
}

fn first_hit(index: &Index, query: &str) -> Option<String> {
    let options = SearchOptions {
        typing: false,
        ..SearchOptions::default()
    };
    index
        .search(query, &options)
        .hits
        .into_iter()
        .next()
        .map(|h| h.id)
}

#[test]
fn embedded_index_holds_the_five_seed_articles() {
    let stats = index().stats();
    assert_eq!(stats.documents, 5);
    assert!(stats.terms > 500, "{stats:?}");
    assert_eq!(stats.index_bytes, scour::EMBEDDED_INDEX.len());
}

#[test]
fn tianjin_finds_the_putin_xi_article_with_a_highlighted_excerpt() {
    let results = index().search("Tianjin", &SearchOptions::default());
    let hit = &results.hits[0];
    assert_eq!(hit.id, "002_99d606bfa40b6113");
    assert_eq!(
        hit.title,
        "Putin and Xi Discuss Latest Russia-US Diplomatic Exchanges"
    );
    let marked: Vec<&str> = hit
        .excerpt_matches
        .iter()
        .map(|r| &hit.excerpt[r.clone()])
        .collect();
    assert_eq!(marked, ["Tianjin"]);
    assert!(hit.excerpt.chars().count() <= 170, "{}", hit.excerpt);
}

#[test]
fn seed_titles_and_dates_come_from_the_text_rules() {
    let index = index();
    let titled = index.document("004_9feee331227b579d").expect("seed 004");
    assert_eq!(
        titled.title,
        "Deepening Moscow-Beijing Cooperation: High-Level Talks in the Kremlin"
    );
    let dated = index.document("000_5c85da917d8ed88c").expect("seed 000");
    assert_eq!(dated.date.as_deref(), Some("2025-02-22"));
    assert!(!dated.body.starts_with("date") && !dated.body.contains("2025-02-22 President"));
}

#[test]
fn seed_characters_are_handled() {
    let index = index();
    // U+2011 NON-BREAKING HYPHEN and U+2019 in the seeds.
    for query in [
        "high-level",
        "high level",
        "highlevel",
        "Jinping's",
        "Jinping’s",
    ] {
        assert!(first_hit(&index, query).is_some(), "{query}");
    }
}

#[test]
fn results_are_deterministic_and_ordered_by_score() {
    let index = index();
    let a = index.search("Putin Xi talks", &SearchOptions::default());
    let b = index.search("Putin Xi talks", &SearchOptions::default());
    assert_eq!(a, b);
    assert!(a.hits.windows(2).all(|w| w[0].score >= w[1].score));
}

/// Every distinctive seed word (a term of one document only, 5 to 12 letters) with one typo
/// (a deletion, a transposition and a substitution inside the word) finds that document
/// first as often as the correct spelling does.
#[test]
fn one_typo_finds_the_intended_document_as_often_as_the_correct_spelling() {
    let index = index();
    let terms_of = |d: &scour_core::StoredDocument| -> BTreeSet<String> {
        let text = format!("{}\n{}", d.title, d.body);
        scour_core::analysis::tokenize(&text)
            .into_iter()
            .map(|t| t.term)
            .collect()
    };
    let per_document: Vec<(String, BTreeSet<String>)> = index
        .documents()
        .map(|d| (d.id.clone(), terms_of(&d)))
        .collect();
    let (mut correct, mut typo, mut total) = (0, 0, 0);
    for (id, terms) in &per_document {
        let distinctive = terms.iter().filter(|t| {
            (5..=12).contains(&t.chars().count())
                && t.chars().all(|c| c.is_ascii_lowercase())
                && per_document
                    .iter()
                    .filter(|(_, other)| other.contains(*t))
                    .count()
                    == 1
        });
        for word in distinctive {
            let found_correctly = first_hit(&index, word).as_ref() == Some(id);
            for misspelled in one_typo_variants(word) {
                total += 1;
                correct += usize::from(found_correctly);
                typo += usize::from(first_hit(&index, &misspelled).as_ref() == Some(id));
            }
        }
    }
    eprintln!("one typo: {typo} of {total} first; correct spelling: {correct} of {total}");
    assert!(total > 300, "{total} typo queries");
    assert!(typo >= correct, "typo queries found the intended document first {typo} times, correct spellings {correct} times, of {total}");
}

fn one_typo_variants(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mid = chars.len() / 2;
    let mut deleted = chars.clone();
    deleted.remove(mid);
    let mut swapped = chars.clone();
    swapped.swap(mid, mid + 1);
    let mut substituted = chars.clone();
    substituted[mid] = if chars[mid] == 'x' { 'q' } else { 'x' };
    [deleted, swapped, substituted]
        .into_iter()
        .map(|c| c.into_iter().collect())
        .collect()
}

//! Engine behaviour on a small synthetic corpus: matching, ranking, the query language,
//! filters, excerpts and the codec.

use scour_core::language::Language;
use scour_core::synonyms::Synonyms;
use scour_core::{
    codec, codec::Foreign, Document, FormatError, Index, IndexBuilder, Layout, SearchOptions, Sort,
};

fn doc(id: &str, title: &str, body: &str) -> Document {
    Document::new(id, title, body)
}

/// A xorshift generator started at `seed`: each call draws a number below its argument.
fn draws(seed: u32) -> impl FnMut(usize) -> usize {
    let mut state = seed;
    move |n| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state as usize % n
    }
}

fn corpus() -> Index {
    corpus_builder().build()
}

/// The corpus as one index file.
fn corpus_file() -> Vec<u8> {
    corpus_builder()
        .build_files(Layout::default())
        .single_file()
}

fn corpus_builder() -> IndexBuilder {
    let mut builder = IndexBuilder::new();
    let mut dated = doc("a", "Kremlin talks in Beijing", "Putin and Xi held high\u{2011}level talks about trade. The Kremlin said the talks went well.");
    dated.date = Some("2025-02-22".into());
    dated
        .filters
        .insert("tag".into(), vec!["politics".into(), "asia".into()]);
    let mut other = doc(
        "b",
        "Trade report",
        "Exports of grain rose. Running costs fell while the talking continued in Geneva.",
    );
    other.date = Some("2024-05-01".into());
    other.filters.insert("tag".into(), vec!["economy".into()]);
    builder
        .add(dated)
        .add(other)
        .add(doc("c", "Georgievsky Hall", "A state reception in the Georgievsky hall of the Kremlin with Trump as a guest."))
        .add(doc("d", "Notes", "Xi Jinping’s visit to Tianjín, a port city. High level meetings and a highlevel summary."));
    builder
}

fn ids(index: &Index, query: &str) -> Vec<String> {
    index
        .search(query, &SearchOptions::default())
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

fn complete(index: &Index, query: &str) -> Vec<String> {
    let options = SearchOptions {
        typing: false,
        ..SearchOptions::default()
    };
    index
        .search(query, &options)
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

/// The index of `pages` (id, title, body) and eight that hold no query's words, so that the
/// words of the pages are rare, as on a real site.
fn among_others(pages: &[(&str, &str, &str)]) -> Index {
    let mut builder = IndexBuilder::new();
    for (id, title, body) in pages {
        builder.add(doc(id, title, body));
    }
    for n in 0..8 {
        builder.add(doc(
            &format!("other{n}"),
            "Other",
            "Nothing about the query.",
        ));
    }
    builder.build()
}

#[test]
fn all_words_required_when_some_document_has_them_all() {
    let index = corpus();
    assert_eq!(complete(&index, "kremlin trump"), ["c"]);
}

#[test]
fn a_task_of_three_words_also_finds_pages_lacking_one_ranked_by_a_lowered_score() {
    let mut builder = IndexBuilder::new();
    // Without synonyms, for which `letter` and `character` are one word.
    builder
        .synonyms(Synonyms::none())
        .add(doc(
            "ucfirst",
            "ucfirst",
            "Make a string's first character uppercase.",
        ))
        .add(doc(
            "lower",
            "lcfirst",
            "Make a string's first character lowercase.",
        ))
        .add(doc(
            "all",
            "gmp_init",
            "Letters may be uppercase or lowercase; the first letter counts.",
        ))
        .add(doc("one", "strtoupper", "Make a string uppercase."));
    let index = builder.build();
    assert_eq!(
        complete(&index, "uppercase first letter"),
        ["all", "ucfirst"]
    );
    // Two words keep requiring both: `first letter` does not list every page with `first`.
    assert_eq!(complete(&index, "first letter"), ["all"]);

    // A page all about two of the words outranks one that holds all three in passing.
    let filler = "Keep the server patched and its accounts few. ".repeat(12);
    let security =
        format!("{filler} Never split a URL by hand. {filler} Log its components. {filler}");
    let index = among_others(&[
        (
            "parse_url",
            "parse_url",
            "Parse a URL and return its components. A URL's components: scheme, host, path.",
        ),
        ("security", "Database security", &security),
    ]);
    assert_eq!(
        complete(&index, "split url components"),
        ["parse_url", "security"]
    );
}

#[test]
fn falls_back_to_documents_with_the_most_words() {
    let index = corpus();
    let found = complete(&index, "kremlin zebra");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.contains(&"a".to_string()) && found.contains(&"c".to_string()));
}

#[test]
fn any_word_mode_ranks_partial_matches_too() {
    let index = corpus();
    let options = SearchOptions {
        typing: false,
        require_all: false,
        ..SearchOptions::default()
    };
    let found: Vec<String> = index
        .search("kremlin trump", &options)
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(found.first().map(String::as_str), Some("c"), "{found:?}");
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn stop_words_are_ignored_beside_other_words_but_searchable_alone() {
    let index = corpus();
    assert_eq!(
        complete(&index, "the grain"),
        ["b"],
        "a document without 'the' still matches"
    );
    assert!(!complete(&index, "the").is_empty());
    assert_eq!(
        complete(&index, "\"the talks went\""),
        ["a"],
        "phrases keep stop words"
    );
}

#[test]
fn title_matches_rank_above_body_matches() {
    let index = corpus();
    assert_eq!(
        complete(&index, "trade").first().map(String::as_str),
        Some("b")
    );
}

#[test]
fn phrases_match_consecutive_positions_only() {
    let index = corpus();
    assert_eq!(complete(&index, "\"talks about trade\""), ["a"]);
    assert!(complete(&index, "\"trade about talks\"").is_empty());
}

#[test]
fn exclusions_remove_documents() {
    let index = corpus();
    assert_eq!(complete(&index, "kremlin -trump"), ["a"]);
    assert_eq!(complete(&index, "kremlin -\"state reception\""), ["a"]);
}

#[test]
fn or_accepts_either_word() {
    let index = corpus();
    let mut found = complete(&index, "grain OR trump");
    found.sort();
    assert_eq!(found, ["b", "c"]);
}

#[test]
fn title_field_restricts_to_titles() {
    let index = corpus();
    assert_eq!(complete(&index, "title:kremlin"), ["a"]);
}

/// The word being typed matches its completions; a finished word matches whole words, unless
/// the index lacks it (a word cut short), when its completions stand in for it.
#[test]
fn last_word_is_a_prefix_while_typing_and_whole_once_finished() {
    let index = corpus();
    assert_eq!(ids(&index, "Geor"), ["c"]);
    assert_eq!(ids(&index, "Geor "), ["c"], "the index lacks `geor`");
    let mut builder = IndexBuilder::new();
    builder
        .add(doc("port", "Port", "A port city."))
        .add(doc("portal", "Portal", "A web portal."));
    let index = builder.build();
    let mut typing = ids(&index, "port");
    typing.sort();
    assert_eq!(typing, ["port", "portal"]);
    assert_eq!(ids(&index, "port "), ["port"], "a finished word is whole");
    assert_eq!(ids(&index, "porta "), ["portal"]);
}

#[test]
fn a_compound_being_typed_matches_its_completions() {
    let index = corpus();
    for typed in ["high-le", "high-lev"] {
        let mut found = ids(&index, typed);
        found.sort();
        assert_eq!(found, ["a", "d"], "{typed}: both hold `highlevel`");
    }
    let mut finished = ids(&index, "high-le ");
    finished.sort();
    assert_eq!(finished, ["a", "d"], "the index lacks `highle`: completed");
}

#[test]
fn an_open_phrase_being_typed_completes_its_last_word() {
    let index = corpus();
    let hit = index.search("\"talks abo", &SearchOptions::default()).hits;
    assert_eq!(hit.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["a"]);
    let marked: Vec<&str> = hit[0]
        .excerpt_matches
        .iter()
        .map(|r| &hit[0].excerpt[r.clone()])
        .collect();
    assert_eq!(marked, ["talks about"]);
    assert!(
        ids(&index, "\"talks abo ").is_empty(),
        "a finished word inside the quote is whole"
    );
    assert!(
        ids(&index, "\"talks abo\"").is_empty(),
        "a closed quote is exact"
    );
}

#[test]
fn repeated_and_excess_atoms_are_bounded() {
    let index = corpus();
    let many_exclusions = format!("grain {}", "-\"the of\" ".repeat(200));
    assert_eq!(complete(&index, &many_exclusions), ["b"]);
    let parsed = scour_core::Query::parse(
        &"kremln OR ".repeat(100),
        scour_core::Syntax::Operators,
        false,
        &scour_core::language::Languages::english(),
    );
    assert_eq!(parsed.clauses.len(), 1);
    assert_eq!(
        parsed.clauses[0].alternatives.len(),
        1,
        "a repeated word counts once"
    );
}

#[test]
fn hyphen_compounds_match_every_spelling() {
    let index = corpus();
    for query in ["high-level", "high level", "highlevel", "\"high level\""] {
        let found = complete(&index, query);
        assert!(found.contains(&"a".to_string()), "{query}: {found:?}");
    }
}

#[test]
fn possessives_and_diacritics_are_folded() {
    let index = corpus();
    assert_eq!(complete(&index, "Jinping's"), ["d"]);
    assert_eq!(complete(&index, "jinping"), ["d"]);
    assert_eq!(complete(&index, "Tianjin"), ["d"]);
}

#[test]
fn accents_are_folded_but_typed_accents_rank_their_documents_first() {
    let mut builder = IndexBuilder::new();
    builder
        .add(doc("plain", "One", "a visit to Tianjin port"))
        .add(doc("accented", "Two", "a visit to Tianjín port"));
    let index = builder.build();
    assert_eq!(complete(&index, "Tianjín"), ["accented", "plain"]);
    let mut plain_first = complete(&index, "tianjin");
    plain_first.sort();
    assert_eq!(
        plain_first,
        ["accented", "plain"],
        "both found without accents"
    );
    let hit = index
        .search("tianjin", &SearchOptions::default())
        .hits
        .remove(0);
    assert_eq!(
        hit.excerpt_matches.len(),
        1,
        "the accented word is highlighted: {hit:?}"
    );
}

#[test]
fn stems_match_other_inflections_but_exact_ranks_first() {
    let mut builder = IndexBuilder::new();
    builder
        .add(doc("1", "One", "the ministers were talking late"))
        .add(doc("2", "Two", "the ministers talk late again"))
        .add(doc("3", "Three", "nothing relevant here at all"));
    let index = builder.build();
    assert_eq!(complete(&index, "talking"), ["1", "2"]);
    assert_eq!(complete(&index, "talk"), ["2", "1"]);
    // An inflection no page has finds the one word of its stem the pages have (`walking`,
    // `walked`: `walk`, too far for a typo), though the index keeps no stem group of one word.
    let mut builder = IndexBuilder::new();
    builder.add(doc("1", "One", "They walk home.")).add(doc(
        "2",
        "Two",
        "Synonyms of nothing: rest.",
    ));
    let index = builder.build();
    assert_eq!(complete(&index, "walking"), ["1"]);
    assert_eq!(complete(&index, "walked home"), ["1"]);
}

#[test]
fn a_word_matches_its_synonyms_below_itself_and_never_as_an_exact_title() {
    let pages = [
        ("mkdir", "mkdir", "Makes directories."),
        ("folder", "Folder colours", "Create a folder with a colour."),
        ("directory", "Directory", "What a directory is."),
        ("unrelated", "rmdir", "Removes an empty one."),
    ];
    let index = among_others(&pages);
    // `folder` finds the pages saying directory, after those saying folder; `create`
    // finds `makes`.
    assert_eq!(complete(&index, "create folder"), ["folder", "mkdir"]);
    // A title that is the synonym is not an exact title: `folder` is not `Directory`.
    assert_eq!(complete(&index, "folder"), ["folder", "directory", "mkdir"]);
    // `-directory` leaves out the pages saying directory, not those saying folder.
    assert_eq!(complete(&index, "create -directory"), ["folder"]);
    // Quoted, a word is matched as written.
    assert_eq!(complete(&index, "\"folder\""), ["folder"]);

    // A site's own groups, in any language; the built-in ones are English only.
    let mut builder = IndexBuilder::new();
    let mut synonyms = Synonyms::english();
    synonyms.add("dossier, répertoire").expect("one group");
    builder
        .language(Language::from_tag("fr"))
        .synonyms(synonyms);
    builder
        .add(doc("rep", "mkdir", "Crée des répertoires."))
        .add(doc("dir", "dir", "Directory listing."));
    let index = builder.build();
    assert_eq!(complete(&index, "dossiers"), ["rep"]);
    assert!(complete(&index, "folder").is_empty());
}

/// A title holding a word by a synonym of its own holds it in other words: it is made the
/// more of by the query, as a title holding another inflection is, though less; a synonym
/// that is only a part of a compound (`mail` of `mb_send_mail` for `email`) is not.
#[test]
fn a_title_holding_a_synonym_as_a_word_counts_as_holding_the_word() {
    let pages = [
        (
            "enumerations",
            "Enumerations",
            "Enumerations restrict a type. An enum lists cases.",
        ),
        (
            "enum_exists",
            "enum_exists",
            "Checks if an enum exists: enum_exists(enum, autoload).",
        ),
        ("mail", "mail", "Send mail: mail(to, subject, message)."),
        (
            "mb_send_mail",
            "mb_send_mail",
            "Send encoded mail: mb_send_mail(to, subject).",
        ),
    ];
    let index = among_others(&pages);
    assert_eq!(ids(&index, "enums"), ["enumerations", "enum_exists"]);
    assert_eq!(ids(&index, "send email")[0], "mail");
}

#[test]
fn typos_are_tolerated_by_word_length() {
    let index = corpus();
    assert_eq!(complete(&index, "Kremln"), complete(&index, "kremlin"));
    assert_eq!(
        ids(&index, "Krenl"),
        complete(&index, "kremlin"),
        "a typo while typing"
    );
    assert_eq!(complete(&index, "Trupm"), ["c"]);
    assert!(
        complete(&index, "Xo").is_empty(),
        "no typos in words under 4 characters"
    );
}

#[test]
fn suggests_the_closest_term_when_nothing_matches() {
    let index = corpus();
    let options = SearchOptions {
        typos: false,
        typing: false,
        ..SearchOptions::default()
    };
    let results = index.search("kremlni", &options);
    assert_eq!(results.total, 0);
    assert_eq!(results.suggestion.as_deref(), Some("kremlin"));
    let keeps_operators = index.search("title:Kremlni -\"state media\"", &options);
    assert_eq!(keeps_operators.total, 0);
    assert_eq!(
        keeps_operators.suggestion.as_deref(),
        Some("title:Kremlin -\"state media\"")
    );
    assert_eq!(
        index.search("grain", &options).suggestion,
        None,
        "no suggestion when something matched"
    );
}

#[test]
fn malformed_queries_are_read_usefully() {
    let index = corpus();
    assert_eq!(
        complete(&index, "\"talks about"),
        ["a"],
        "unclosed quote runs to the end"
    );
    assert_eq!(complete(&index, "grain -"), ["b"], "lone minus ignored");
    assert_eq!(
        complete(&index, "OR grain OR"),
        ["b"],
        "dangling OR ignored"
    );
    assert_eq!(complete(&index, "grain\u{0}"), ["b"]);
    let long = "grain ".repeat(2_000);
    assert_eq!(complete(&index, &long), ["b"]);
    assert!(complete(&index, "\"\" - OR : title:").is_empty());
}

#[test]
fn filters_facets_dates_and_browse_mode() {
    let index = corpus();
    let mut options = SearchOptions::default();
    options.filters.push(("tag".into(), vec!["economy".into()]));
    let results = index.search("", &options);
    assert_eq!(
        results
            .hits
            .iter()
            .map(|h| h.id.as_str())
            .collect::<Vec<_>>(),
        ["b"]
    );
    let all = index.search(
        "talks",
        &SearchOptions {
            typing: false,
            facets: true,
            ..SearchOptions::default()
        },
    );
    let without = index.search("talks", &SearchOptions::default());
    assert!(without.facets.is_empty(), "facets are counted on request");
    let tags = &all
        .facets
        .iter()
        .find(|(name, _)| name == "tag")
        .expect("tag facet")
        .1;
    assert_eq!(
        tags,
        &[
            ("asia".to_string(), 1),
            ("economy".to_string(), 1),
            ("politics".to_string(), 1)
        ]
    );
    let dated = SearchOptions {
        date_from: Some("2025-01-01".into()),
        typing: false,
        ..SearchOptions::default()
    };
    assert_eq!(
        index
            .search("talks", &dated)
            .hits
            .iter()
            .map(|h| h.id.as_str())
            .collect::<Vec<_>>(),
        ["a"]
    );
    let by_date = SearchOptions {
        sort: Sort::Date,
        typing: false,
        ..SearchOptions::default()
    };
    let order: Vec<String> = index
        .search("kremlin OR grain", &by_date)
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(order, ["a", "b", "c"]);
    assert_eq!(index.search("", &SearchOptions::default()).total, 0);
}

#[test]
fn filter_counts_cover_the_whole_index() {
    let index = corpus();
    let counts = index
        .try_filter_counts()
        .expect("a complete index has its filters");
    let tags = &counts
        .iter()
        .find(|(name, _)| name == "tag")
        .expect("tag")
        .1;
    assert_eq!(
        tags,
        &[
            ("asia".to_string(), 1),
            ("economy".to_string(), 1),
            ("politics".to_string(), 1)
        ]
    );
    assert!(IndexBuilder::new()
        .build()
        .try_filter_counts()
        .unwrap()
        .is_empty());
}

#[test]
fn phrases_highlight_only_where_their_words_stand_together() {
    let mut builder = IndexBuilder::new();
    builder.add(doc(
        "p",
        "State media",
        "State of the art. The state media said the state-owned media group. Media state.",
    ));
    let index = builder.build();
    let hit = index
        .search("\"state media\"", &SearchOptions::default())
        .hits
        .remove(0);
    let marked: Vec<&str> = hit
        .excerpt_matches
        .iter()
        .map(|r| &hit.excerpt[r.clone()])
        .collect();
    assert_eq!(marked, ["state media"]);
    assert_eq!(&hit.title[hit.title_matches[0].clone()], "State media");
}

#[test]
fn excerpts_highlight_matches_and_cut_at_words() {
    let index = corpus();
    let hit = index
        .search(
            "reception trump",
            &SearchOptions {
                typing: false,
                ..SearchOptions::default()
            },
        )
        .hits
        .remove(0);
    let marked: Vec<&str> = hit
        .excerpt_matches
        .iter()
        .map(|r| &hit.excerpt[r.clone()])
        .collect();
    assert_eq!(marked, ["reception", "Trump"]);
    let long_body = format!("{} needle {}", "word ".repeat(100), "tail ".repeat(100));
    let mut builder = IndexBuilder::new();
    builder.add(doc("long", "Long", &long_body));
    let hit = builder
        .build()
        .search("needle", &SearchOptions::default())
        .hits
        .remove(0);
    assert!(
        hit.excerpt.starts_with('…') && hit.excerpt.ends_with('…'),
        "{}",
        hit.excerpt
    );
    assert!(hit.excerpt.chars().count() <= 170, "{}", hit.excerpt);
    assert_eq!(&hit.excerpt[hit.excerpt_matches[0].clone()], "needle");
}

/// A page's excerpt shows the passage with the clauses its text holds: a page matched by
/// its title shows its text's start, and one whose text holds the words shows where they
/// stand, far in, whatever optional words the query has.
#[test]
fn excerpts_show_the_clauses_a_page_text_holds() {
    let far = format!(
        "{} harbour pilots {}",
        "word ".repeat(300),
        "tail ".repeat(50)
    );
    let mut builder = IndexBuilder::new();
    builder
        .add(doc(
            "title",
            "Harbour pilots",
            &"opening words ".repeat(200),
        ))
        .add(doc("one", "Pilots", &far))
        .add(doc("none", "Other", "nothing about it"));
    let index = builder.build();
    let options = SearchOptions {
        typing: false,
        require_all: false,
        ..SearchOptions::default()
    };
    let hits = index.search("harbour pilots", &options).hits;
    let title = hits.iter().find(|h| h.id == "title").expect("title hit");
    assert!(
        title.excerpt.starts_with("opening words"),
        "{}",
        title.excerpt
    );
    assert!(title.excerpt_matches.is_empty());
    let one = hits.iter().find(|h| h.id == "one").expect("body hit");
    let marked: Vec<&str> = one
        .excerpt_matches
        .iter()
        .map(|r| &one.excerpt[r.clone()])
        .collect();
    assert_eq!(marked, ["harbour", "pilots"], "{}", one.excerpt);
    // An optional stop word before the word leaves the word's clause its own.
    for query in ["the pilots", "pilots of the harbour"] {
        let hits = index.search(query, &options).hits;
        let one = hits.iter().find(|h| h.id == "one").expect("body hit");
        assert!(one.excerpt.starts_with('…'), "{query}: {}", one.excerpt);
        assert!(!one.excerpt_matches.is_empty(), "{query}: {}", one.excerpt);
    }
}

#[test]
fn codec_round_trips() {
    let index = corpus();
    let bytes = corpus_file();
    let decoded = codec::decode(&bytes).expect("decodes");
    for query in ["kremlin", "talks", "\"high level\"", "geor"] {
        assert_eq!(ids(&decoded, query), ids(&index, query), "{query}");
    }
    assert_eq!(decoded.stats().index_bytes, bytes.len());
    assert_eq!(decoded.stats().documents, 4);
}

#[test]
fn codec_rejects_truncated_corrupt_and_foreign_bytes() {
    let bytes = corpus_file();
    // What a server sends in place of a file it lacks or serves wrongly is named.
    for (bytes, looks) in [
        (&b"<html>not an index</html>"[..], Foreign::Html),
        (
            b"\n  <!doctype html><title>Not Found</title>",
            Foreign::Html,
        ),
        // A page saved with UTF-8's byte order mark.
        (b"\xEF\xBB\xBF\n<!DOCTYPE html><html>", Foreign::Html),
        (b"", Foreign::Empty),
        (b"\x1f\x8b\x08\x00SCOURIDX", Foreign::Gzip),
        (b"SCOURXYZ and more", Foreign::Other),
        (b"PK\x03\x04", Foreign::Other),
    ] {
        assert_eq!(codec::decode(bytes), Err(FormatError::NotAnIndex(looks)));
    }
    let page = codec::decode(b"<!DOCTYPE html>").unwrap_err().message();
    assert!(page.contains("a web page (HTML)"), "{page}");
    for cut in [10, 20, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            matches!(codec::decode(&bytes[..cut]), Err(FormatError::Truncated(_))),
            "cut at {cut}"
        );
    }
    let mut flipped = bytes.clone();
    let last = flipped.len() - 3;
    flipped[last] ^= 0x55;
    assert_eq!(codec::decode(&flipped), Err(FormatError::ChecksumMismatch));
    let mut newer = bytes.clone();
    newer[8] = 99;
    let error = codec::decode(&newer).unwrap_err();
    assert!(matches!(
        error,
        FormatError::UnsupportedVersion { found: 99, .. }
    ));
    assert!(
        error.to_string().contains("rebuild the index with scour"),
        "{error}"
    );
}

/// Deterministic pseudo-random texts mixing scripts, joiners and punctuation: analysis,
/// search and excerpts must never panic and every range must slice its text.
#[test]
fn arbitrary_text_never_panics_and_ranges_slice_cleanly() {
    let alphabet: Vec<char> = "ab cé-\u{2011}'\u{2019}s.\n北京 ＡＢ ﬁ\u{301}x0-9\"OR title:"
        .chars()
        .collect();
    let mut next = draws(0x2545_f491);
    for _ in 0..300 {
        let text: String = (0..next(400))
            .map(|_| alphabet[next(alphabet.len())])
            .collect();
        let query: String = (0..next(20))
            .map(|_| alphabet[next(alphabet.len())])
            .collect();
        let mut builder = IndexBuilder::new();
        builder.add(doc(
            "x",
            &text[..text
                .len()
                .min(text.char_indices().nth(30).map_or(text.len(), |(i, _)| i))],
            &text,
        ));
        let bytes = builder.build_files(Layout::default()).single_file();
        let decoded = codec::decode(&bytes).expect("round trip");
        for hit in decoded.search(&query, &SearchOptions::default()).hits {
            for range in hit.excerpt_matches {
                assert!(hit.excerpt.get(range).is_some());
            }
            for range in hit.title_matches {
                assert!(hit.title.get(range).is_some());
            }
        }
    }
}

/// A forged length (with a valid checksum) is refused before anything is allocated: an
/// allocation of a terabyte would abort the test instead.
#[test]
fn codec_refuses_forged_lengths_without_allocating_them() {
    let bytes = corpus_file();
    let header = 8 + 2 + 4 + 8 + 8 + 1 + usize::from(bytes[30]);
    let payload = &bytes[header..];
    let varint_len = |first: u8| match first {
        251 => 3,
        252 => 5,
        253 => 9,
        _ => 1,
    };
    // The payload starts with the entry's length: claim a terabyte.
    let mut file = bytes[..header].to_vec();
    file.push(253);
    file.extend_from_slice(&(1u64 << 40).to_le_bytes());
    file.extend_from_slice(&payload[varint_len(payload[0])..]);
    let file = codec::reseal(file);
    assert!(matches!(codec::decode(&file), Err(FormatError::Corrupt(_))));
}

fn titled(pages: &[(&str, &str, &str)]) -> Index {
    let mut builder = IndexBuilder::new();
    for (id, title, body) in pages {
        builder.add(doc(id, title, body));
    }
    builder.build()
}

#[test]
fn a_title_that_is_the_query_comes_first_then_titles_holding_it() {
    let index = titled(&[
        // The longer title mentions the words far more often in its body.
        (
            "a",
            "jj git push",
            "git push git push git push: push with jj to a git remote",
        ),
        ("b", "git push", "Upload commits."),
        (
            "c",
            "Manual",
            "Run git push after a commit; git push sends commits.",
        ),
        ("d", "git push options", "Options of git push."),
    ]);
    let ranked = complete(&index, "git push");
    assert_eq!(ranked[0], "b", "{ranked:?}");
    assert_eq!(
        ranked[3], "c",
        "titles holding the query come before one that does not: {ranked:?}"
    );
    // A compound typed with its hyphen prefers the title written so, then its joined form.
    let index = titled(&[
        (
            "joined",
            "speedtest",
            "speedtest speedtest speedtest measures bandwidth",
        ),
        ("hyphen", "speed-test", "measures bandwidth"),
    ]);
    assert_eq!(complete(&index, "speed-test"), ["hyphen", "joined"]);
    // Another inflection of the words is not the title itself.
    let index = titled(&[("dirs", "dirs", "dir stack"), ("dir", "dir", "list")]);
    assert_eq!(complete(&index, "dir"), ["dir", "dirs"]);
}

#[test]
fn stop_words_of_a_short_query_count_for_titles_but_are_not_required() {
    let index = titled(&[
        ("gh", "gh", "GitHub on the command line, at last."),
        ("gh-at", "gh at", "Attestations of gh artifacts."),
        ("other", "gh api", "Call the API."),
    ]);
    assert_eq!(complete(&index, "gh at")[0], "gh-at");
    // Not required: a page without "at" still matches.
    assert!(complete(&index, "gh at").contains(&"other".to_string()));
    // Longer queries drop them, as before.
    assert_eq!(complete(&index, "gh api at the cli")[0], "other");
}

/// Typing `from` after `download`: until it is finished, the page without it still
/// matches, and its completions that are not stop words (`free`) lift their pages where the
/// stop word (`from`, said twice) lifts none.
#[test]
fn a_word_being_typed_that_may_be_a_stop_word_is_not_required_beside_other_words() {
    let index = titled(&[
        (
            "mirror",
            "mirror",
            "Download a file from a server, or from a mirror.",
        ),
        ("fast", "fast", "Download a file fast."),
        ("free", "cost", "Download a file for free."),
    ]);
    assert_eq!(ids(&index, "download fr")[0], "free");
    for typed in ["download fr", "download fro"] {
        let mut found = ids(&index, typed);
        found.sort();
        assert_eq!(found, ["fast", "free", "mirror"], "{typed}");
    }
    assert_eq!(
        ids(&index, "download fre"),
        ["free"],
        "no stop word starts so"
    );
    let mut alone = ids(&index, "fr");
    alone.sort();
    assert_eq!(alone, ["free", "mirror"], "alone, it may be a stop word");
}

#[test]
fn command_line_options_are_words_not_exclusions() {
    let index = titled(&[
        ("sync", "pacman --sync", "Synchronise packages."),
        ("s", "pacman -S", "Synchronise packages."),
        ("q", "pacman -Q", "Query packages."),
    ]);
    assert_eq!(complete(&index, "pacman --sync")[0], "sync");
    assert_eq!(complete(&index, "pacman -S")[0], "s");
    assert_eq!(complete(&index, "pacman -query"), ["s", "sync"]);
}

#[test]
fn ideographs_typed_without_spaces_are_found_while_typing() {
    let index = titled(&[
        ("bj", "北京大学", "北京的大学"),
        ("sh", "上海", "上海的大学"),
    ]);
    for query in ["北京", "北京 ", "\"北京\"", "北京大"] {
        assert_eq!(ids(&index, query), ["bj"], "{query}");
    }
}

/// A search answers the same whether the searches before it left work to reuse or not
/// (expansions, scores, and the term places of pages scanned again and again): typed key by
/// key, each keystroke searched with every setting that decides expansions and scores
/// (typing or not, typos or not, other weights) right after every other, each answer is a
/// fresh index's.
#[test]
fn reusing_the_last_search_s_work_changes_no_answer() {
    let index = corpus();
    let settings = [
        SearchOptions::default(),
        SearchOptions {
            typing: false,
            ..SearchOptions::default()
        },
        SearchOptions {
            typos: false,
            ..SearchOptions::default()
        },
        SearchOptions {
            weights: scour_core::Weights {
                title: 9.0,
                stem: 0.1,
                prefix: 0.1,
                ..scour_core::Weights::default()
            },
            ..SearchOptions::default()
        },
    ];
    let queries = [
        "kremlin talks trade",
        "high-level talks xi",
        "\"high level\" summary -grain",
        "tianjin talkng port",
    ];
    let mut searches = 0;
    for query in queries {
        for (end, _) in query.char_indices().skip(1).chain([(query.len(), ' ')]) {
            // Each setting searched right after each other.
            for (before, options) in settings
                .iter()
                .flat_map(|b| settings.iter().map(move |o| (b, o)))
            {
                index.search(&query[..end], before);
                let fresh = index.clone().search(&query[..end], options);
                assert_eq!(
                    index.search(&query[..end], options),
                    fresh,
                    "{:?}",
                    &query[..end]
                );
                searches += 1;
            }
        }
    }
    assert!(searches > 1000);
}

/// What a hit shows is taken from the last search only when it would be worked out the
/// same: a search right after another naming other terms, or the same terms otherwise (as a
/// phrase, in the title only, fewer of them, in other clauses), answers as a fresh index
/// does, each hit as it is when searched alone.
#[test]
fn a_hit_shows_the_same_after_a_search_naming_other_terms_or_the_same_otherwise() {
    let index = corpus();
    let pairs = [
        ("\"high level\" talks", "high level talks"),
        ("title:kremlin talks", "kremlin talks"),
        ("kremlin talks trade", "kremlin talks"),
        ("talks OR kremlin", "talks kremlin"),
        ("trade -grain", "trade"),
        ("putin", "trade"),
    ];
    for (a, b) in pairs {
        assert_answers_afresh(&index, a, b);
        assert_answers_afresh(&index, b, a);
    }
    // The same words in other clauses: the excerpt shows the passage holding both clauses.
    let body = format!(
        "Talks and Kremlin met. {}Kremlin trade rose. {}",
        "filler ".repeat(40),
        "tail ".repeat(50)
    );
    let index = titled(&[("k", "Notes", &body), ("t", "Other", "talks")]);
    assert_answers_afresh(&index, "talks OR kremlin trade", "talks kremlin OR trade");
    assert_answers_afresh(&index, "talks kremlin OR trade", "talks OR kremlin trade");
    // More hits than a page keeps for the next search.
    let pages: Vec<(String, String)> = (0..70)
        .map(|n| {
            (
                format!("p{n}"),
                format!("alpha {} beta", "gamma ".repeat(n)),
            )
        })
        .collect();
    let pages: Vec<(&str, &str, &str)> = pages
        .iter()
        .map(|(id, body)| (id.as_str(), "Page", body.as_str()))
        .collect();
    let index = titled(&pages);
    assert_answers_afresh(&index, "alpha beta", "alpha be");
    assert_answers_afresh(&index, "alpha be", "alpha beta");
}

/// Asserts that `query` searched right after `before` answers as on a fresh index, each of
/// its hits as it is when searched alone (the first hit of its page).
fn assert_answers_afresh(index: &Index, before: &str, query: &str) {
    let options = SearchOptions {
        limit: 100,
        ..SearchOptions::default()
    };
    let fresh = index.clone().search(query, &options);
    assert!(!fresh.hits.is_empty(), "{query}");
    index.search(before, &options);
    let answer = index.search(query, &options);
    assert_eq!(answer, fresh, "{query} after {before}");
    for (n, hit) in answer.hits.iter().enumerate() {
        let alone = SearchOptions {
            offset: n,
            limit: 1,
            ..SearchOptions::default()
        };
        let hits = index.clone().search(query, &alone).hits;
        assert_eq!(
            hits,
            std::slice::from_ref(hit),
            "hit {n} of {query} after {before}"
        );
    }
}

#[test]
fn a_page_defining_a_name_on_its_own_line_ranks_before_one_mentioning_it() {
    let filler = "Settings are read when the server starts. ".repeat(20);
    let notes = format!("{filler}\n\nA script may raise memory_limit while it runs.\n\n{filler}");
    let directives =
        format!("{filler}\n\nmemory_limit int\n\nThe most a script may take.\n\n{filler}");
    let index = among_others(&[
        ("a-notes", "Runtime notes", &notes),
        ("z-directives", "Core directives", &directives),
    ]);
    assert_eq!(
        complete(&index, "memory_limit"),
        ["z-directives", "a-notes"]
    );
    // A part of the name is no definition: the pages tie, and the first id comes first.
    assert_eq!(complete(&index, "memory"), ["a-notes", "z-directives"]);
}

#[test]
fn a_page_defining_the_name_is_not_lowered_for_a_title_many_pages_share() {
    let filler = "Settings are read when the server starts. ".repeat(20);
    let directives =
        format!("{filler}\n\ndisplay_errors bool\n\nWhether errors are shown.\n\n{filler}");
    let notes = format!(
        "{filler}\n\nSet display_errors while testing; display_errors is off in production, and display_errors logs.\n\n{filler}"
    );
    let mut pages = vec![
        ("a-notes".to_string(), "Notes".to_string(), notes),
        (
            "errors".to_string(),
            "Runtime Configuration".to_string(),
            directives,
        ),
    ];
    // "Runtime Configuration" names a kind of page: ten share it.
    for n in 0..9 {
        let body = format!("The options of extension {n}.");
        pages.push((format!("x{n}"), "Runtime Configuration".to_string(), body));
    }
    let pages: Vec<(&str, &str, &str)> = pages
        .iter()
        .map(|(id, title, body)| (id.as_str(), title.as_str(), body.as_str()))
        .collect();
    let index = among_others(&pages);
    assert_eq!(complete(&index, "display_errors"), ["errors", "a-notes"]);
}

/// The page that defines a name comes before the pages that use it in their examples, though
/// they are shorter and use it more: a constants page defines `PHP_EOL` on one line of many.
#[test]
fn the_page_defining_a_name_comes_before_shorter_ones_using_it_more() {
    let filler = "The constants below are part of the core. ".repeat(10);
    let constants = format!(
        "{filler}\n\nPHP_EOL (string)\n\nThe correct end of line symbol for this platform.\n\n{filler}"
    );
    let print = "Outputs a string.\n\nprint PHP_EOL;\n\nprint \"hello\";\n\nprint PHP_EOL;\n\nThe same on any platform.";
    let substr = "Returns part of a string.\n\necho substr($text, 1) . PHP_EOL;\n\necho PHP_EOL;\n\nThe same on any platform.";
    let index = among_others(&[
        ("a-print", "print", print),
        ("b-substr", "substr", substr),
        ("z-constants", "Core Predefined Constants", &constants),
    ]);
    assert_eq!(complete(&index, "PHP_EOL")[0], "z-constants");
    assert_eq!(complete(&index, "php_eol")[0], "z-constants");
    // Beside another word, which all three pages hold, the definition weighs its share of the
    // query.
    assert_eq!(complete(&index, "PHP_EOL platform")[0], "z-constants");
    // Its parts are no definition: the shorter pages using them more come first.
    assert_eq!(complete(&index, "eol")[2], "z-constants");
}

/// A method's name, joined by `::`, is defined as a constant's is.
#[test]
fn a_name_joined_by_two_colons_is_defined_too() {
    let filler = "Dates are formatted by the classes below. ".repeat(10);
    let reference = format!("{filler}\n\nDateTime::format (method)\n\nFormats a date.\n\n{filler}");
    let example = "Prints a date.\n\n$d->format('Y');\n\nCalls DateTime::format twice, then DateTime::format.";
    let index = among_others(&[
        ("a-example", "Printing dates", example),
        ("z-reference", "Date classes", &reference),
    ]);
    assert_eq!(complete(&index, "DateTime::format")[0], "z-reference");
}

/// A line that starts with a name is no definition when it gives the name a value (an
/// example's settings, code), is indented (code), ends the page or stands beside another name
/// (a list of names, as under "See also"): the page with a definition comes before each of
/// those, though they use the name twice and have a smaller id.
#[test]
fn only_a_name_followed_by_what_it_is_defines_it() {
    let filler = "Settings are read when the server starts. ".repeat(20);
    let prose = "Errors may be shown with display_errors while testing.";
    let directives =
        format!("{filler}\n\ndisplay_errors bool\n\nWhether errors are shown.\n\n{filler}");
    let others = [
        (
            "a-assigned",
            format!("{filler}\n\ndisplay_errors = On\n\n{prose}\n\n{filler}"),
        ),
        (
            "a-colon",
            format!("{filler}\n\ndisplay_errors: true\n\n{prose}\n\n{filler}"),
        ),
        (
            "a-code",
            format!("{filler}\n\n    display_errors\n\n{prose}\n\n{filler}"),
        ),
        (
            "a-listed",
            format!("{filler}\n\n{prose}\n\nSee also\n\ndisplay_errors\n\nlog_errors"),
        ),
        (
            "a-last",
            format!("{filler}\n\n{prose}\n\nSee also\n\ndisplay_errors"),
        ),
        (
            "a-list-end",
            format!("{filler}\n\n{prose}\n\nSee also\n\nlog_errors\n\ndisplay_errors\n\nChangelog\n\n{filler}"),
        ),
        (
            "a-operator",
            format!("{filler}\n\ndisplay_errors <- TRUE\n\n{prose}\n\n{filler}"),
        ),
    ];
    for (id, body) in &others {
        let index = among_others(&[(id, "Notes", body), ("z-directives", "Notes", &directives)]);
        assert_eq!(
            complete(&index, "display_errors"),
            ["z-directives", id],
            "{id}"
        );
    }
}

/// Proximity re-ranks the best candidates, but only those the largest bonus could lift onto
/// the page are read: every page of hits (and its scores) is the one that reading all of them
/// gives, for queries of two and three words, typed and finished, a first word of the title
/// field or not, over pages whose words stand at every distance.
#[test]
fn pages_are_ranked_as_if_every_candidate_had_its_proximity_bonus() {
    let words = [
        "kremlin", "talks", "trade", "summit", "beijing", "energy", "grain", "policy", "china",
        "russia", "partner", "sanction", "market", "export", "coal",
    ];
    let mut draw = draws(0x9e37_79b9);
    let mut builder = IndexBuilder::new();
    for page in 0..400 {
        let title: Vec<&str> = (0..1 + draw(3)).map(|_| words[draw(words.len())]).collect();
        let body: Vec<&str> = (0..5 + draw(80))
            .map(|_| match draw(3) {
                0 => words[draw(words.len())],
                _ => "filler",
            })
            .collect();
        builder.add(doc(&format!("p{page}"), &title.join(" "), &body.join(" ")));
    }
    let index = builder.build();
    let mut reranked = 0;
    for query in 0..120 {
        let count = 2 + draw(2);
        let mut text = (0..count)
            .map(|_| words[draw(words.len())])
            .collect::<Vec<_>>()
            .join(" ");
        if query % 3 == 0 {
            text.truncate(text.len() - 2);
        }
        // A word of the title field: scoring counts only titles, proximity bodies too.
        if query % 4 == 1 {
            text.insert_str(0, "title:");
        }
        let all = index.search(
            &text,
            &SearchOptions {
                limit: 400,
                ..SearchOptions::default()
            },
        );
        let ranks = |hits: &[scour_core::Hit]| -> Vec<(String, f32)> {
            hits.iter().map(|h| (h.id.clone(), h.score)).collect()
        };
        for (offset, limit) in [(0, 10), (0, 1), (10, 10), (3, 5)] {
            let page = index.search(
                &text,
                &SearchOptions {
                    limit,
                    offset,
                    ..SearchOptions::default()
                },
            );
            let end = (offset + limit).min(all.hits.len());
            let want = ranks(&all.hits[offset.min(end)..end]);
            assert_eq!(
                ranks(&page.hits),
                want,
                "{text:?}, offset {offset}, limit {limit}"
            );
        }
        let bm25_order = index.search(
            &text,
            &SearchOptions {
                limit: 10,
                weights: scour_core::Weights {
                    proximity: 0.0,
                    ..Default::default()
                },
                ..SearchOptions::default()
            },
        );
        let ids = |hits: &[scour_core::Hit]| hits.iter().map(|h| h.id.clone()).collect::<Vec<_>>();
        reranked += usize::from(ids(&bm25_order.hits) != ids(&all.hits[..all.hits.len().min(10)]));
    }
    // The bonus moves pages in most of these queries: the pages compared are re-ranked ones.
    assert!(
        reranked > 60,
        "proximity re-ranked only {reranked} of 120 first pages"
    );
}

/// A word of the title field counts for proximity wherever it stands, in a body too: a page
/// that holds it only in its body, beside the next word, gains that pair's bonus, so it is
/// weighed as if it held the word (`d`, which lacks `foo` in its title, comes before `e`).
#[test]
fn a_title_word_beside_the_next_one_in_a_body_lifts_its_page_as_in_a_full_ranking() {
    let mut builder = IndexBuilder::new();
    builder.add(doc("a", "foo", "bar baz"));
    builder.add(doc("d", "zeta", "foo bar baz"));
    builder.add(doc("e", "zeta", "bar baz"));
    for n in 0..30 {
        builder.add(doc(&format!("b{n}"), "misc", "more words and baz"));
    }
    let index = builder.build();
    let page = |offset, limit| -> Vec<(String, f32)> {
        let options = SearchOptions {
            offset,
            limit,
            ..SearchOptions::default()
        };
        let hits = index.search("title:foo bar baz", &options).hits;
        hits.iter().map(|h| (h.id.clone(), h.score)).collect()
    };
    let all = page(0, 50);
    let ids: Vec<&str> = all.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["a", "d", "e"]);
    assert_eq!(page(0, 2), all[..2]);
    assert_eq!(page(1, 1), all[1..2]);
}

/// A word typed twice weighs more but takes no more of a title: a title holding it beside
/// another word is not taken for one that is exactly the query, nor ranked before a page
/// scoring higher.
#[test]
fn a_word_typed_twice_does_not_make_a_longer_title_the_query() {
    let index = among_others(&[
        (
            "a-court",
            "Kangaroo court",
            "An unfair trial, held without regard to the law.",
        ),
        (
            "b-kangaroos",
            "Kangaroos",
            "The kangaroo is a marsupial. Every kangaroo hops. A kangaroo is fast.",
        ),
    ]);
    for query in [
        "kangaroo",
        "kangaroo kangaroo",
        "kangaroo kangaroo kangaroo",
    ] {
        let hits = index.search(query, &SearchOptions::default()).hits;
        let found: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(found, ["b-kangaroos", "a-court"], "{query}");
        assert!(hits[0].score >= hits[1].score, "{query}: {hits:?}");
    }
    // Typed twice, a title that is the word alone is still exactly the query.
    let court = among_others(&[
        ("a-court", "Kangaroo court", "Kangaroo court kangaroo."),
        ("b-kangaroo", "Kangaroo", "A marsupial."),
    ]);
    assert_eq!(ids(&court, "kangaroo kangaroo")[0], "b-kangaroo");
}

#[test]
fn pages_urls_relative_to_the_site_s_root_are_resolved_against_where_it_is_served() {
    let page = |id: &str, url: &str| Document {
        url: Some(url.into()),
        ..doc(id, "Lantern", "A lantern keeps its wick.")
    };
    let pages = [
        page("a", "guide/lantern/"),
        page("b", ""),
        page("c", "/elsewhere/"),
        page("d", "https://example.com/lantern"),
        page("e", "mailto:keeper@example.com"),
    ];
    let urls = |index: &Index| -> Vec<String> {
        let mut found: Vec<(String, String)> = index
            .documents()
            .map(|d| (d.id, d.url.unwrap_or_default()))
            .collect();
        found.sort();
        found.into_iter().map(|(_, url)| url).collect()
    };
    let mut builder = IndexBuilder::new();
    for page in pages.clone() {
        builder.add(page);
    }
    builder.site_root(1);
    let files = builder.build_files(Layout::default());
    assert_eq!(
        codec::decode_entry(&files.entry).unwrap().site_root,
        Some(1)
    );
    // Kept through the single file too; from the host's root until told where the site is.
    let mut index = codec::decode(files.single_file()).unwrap();
    assert_eq!(index.site_root(), Some(1));
    let as_written = [
        "/elsewhere/",
        "https://example.com/lantern",
        "mailto:keeper@example.com",
    ];
    assert_eq!(
        urls(&index),
        [&["/guide/lantern/", "/"][..], &as_written].concat()
    );
    index.serve_from("/docs/".into());
    assert_eq!(
        urls(&index),
        [&["/docs/guide/lantern/", "/docs/"][..], &as_written].concat()
    );
    let hits = index.search("lantern", &SearchOptions::default()).hits;
    let hit_urls: Vec<_> = hits.iter().filter_map(|hit| hit.url.as_deref()).collect();
    assert!(hit_urls.contains(&"/docs/guide/lantern/"), "{hit_urls:?}");
    // An index that names no site root keeps every URL as written.
    let mut as_given = IndexBuilder::index(pages);
    as_given.serve_from("/docs/".into());
    assert_eq!(
        urls(&as_given),
        [&["guide/lantern/", ""][..], &as_written].concat()
    );
}

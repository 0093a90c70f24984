//! Languages: per-document language, stemming and stop words per language, elisions, CJK
//! segmentation, match ranges on the original text, and text that must never fail.

use scour_core::analysis::tokenize;
use scour_core::language::Language;
use scour_core::{Document, Hit, Index, IndexBuilder, Layout, SearchOptions};

fn doc(id: &str, lang: Option<&str>, title: &str, body: &str) -> Document {
    let mut document = Document::new(id, title, body);
    document.lang = lang.map(str::to_string);
    document
}

fn site() -> Index {
    IndexBuilder::index([
        doc(
            "en",
            None,
            "Public libraries",
            "Readers borrowing books keep them.",
        ),
        doc(
            "de",
            Some("de-DE"),
            "Die Häuser",
            "Jedes Haus hat einen Garten.",
        ),
        doc(
            "fr",
            Some("fr"),
            "L'école du quartier",
            "L'économie dépend des écoles. Y a-t-il une cantine ?",
        ),
        doc(
            "es",
            Some("es-MX"),
            "Las ciudades",
            "Cada lector puede llevar un libro.",
        ),
        doc(
            "ru",
            Some("ru"),
            "Библиотеки",
            "Читатель может взять книгу.",
        ),
        doc(
            "zh",
            Some("zh-Hans"),
            "北京大学图书馆",
            "北京 大学的图书馆。",
        ),
        doc(
            "ja",
            Some("ja"),
            "東京の図書館",
            "東京都立図書館では本を借りる。",
        ),
        doc(
            "ko",
            Some("ko"),
            "도서관",
            "서울의 도서관에서 한국어를 배울 수 있습니다.",
        ),
        doc("xx", Some("not a language"), "Houses", "Many houses."),
    ])
}

fn hits(index: &Index, query: &str) -> Vec<Hit> {
    index.search(query, &SearchOptions::default()).hits
}

fn ids(index: &Index, query: &str) -> Vec<String> {
    hits(index, query).into_iter().map(|h| h.id).collect()
}

/// The highlighted parts of the first hit's excerpt, then of its title.
fn marked(index: &Index, query: &str) -> (Vec<String>, Vec<String>) {
    let hit = hits(index, query).into_iter().next().expect("a hit");
    let parts = |text: &str, ranges: &[std::ops::Range<usize>]| {
        ranges.iter().map(|r| text[r.clone()].to_string()).collect()
    };
    (
        parts(&hit.excerpt, &hit.excerpt_matches),
        parts(&hit.title, &hit.title_matches),
    )
}

#[test]
fn documents_keep_their_language_as_a_primary_subtag() {
    let index = site();
    let lang = |id: &str| index.document(id).unwrap().lang.clone();
    assert_eq!(lang("en"), "en");
    assert_eq!(lang("de"), "de");
    assert_eq!(lang("zh"), "zh");
    assert_eq!(lang("xx"), "und");
    let codes: Vec<&str> = index.languages().iter().map(Language::code).collect();
    assert_eq!(
        codes,
        ["de", "en", "es", "fr", "ja", "ko", "ru", "und", "zh"]
    );
}

#[test]
fn the_language_survives_the_files() {
    let mut builder = IndexBuilder::new();
    builder.add(doc("fr", Some("fr-CA"), "Écoles", "Les écoles."));
    let bytes = builder.build_files(Layout::default()).single_file();
    let index = scour_core::codec::decode(&bytes).unwrap();
    assert_eq!(index.document("fr").unwrap().lang, "fr");
    assert_eq!(ids(&index, "ecole"), ["fr"]);
}

#[test]
fn each_document_is_stemmed_in_its_language() {
    let index = site();
    assert_eq!(ids(&index, "borrowed"), ["en"]);
    assert_eq!(ids(&index, "Haus"), ["de"]);
    assert_eq!(ids(&index, "Häuser"), ["de"]);
    assert_eq!(ids(&index, "école"), ["fr"]);
    assert_eq!(ids(&index, "libros"), ["es"]);
    assert_eq!(ids(&index, "книга"), ["ru"]);
    // A tag that is not a language: found as written, not stemmed.
    assert_eq!(ids(&index, "houses"), ["xx"]);
    assert!(ids(&index, "housing").is_empty());
}

#[test]
fn the_default_language_is_the_builders() {
    let mut builder = IndexBuilder::new();
    builder.language(Language::from_tag("fr"));
    builder.add(doc("a", None, "Les écoles", "Des écoles."));
    let index = builder.build();
    assert_eq!(index.document("a").unwrap().lang, "fr");
    assert_eq!(ids(&index, "école"), ["a"]);
    // `les` is a French stop word: it does not make a hit of its own beside other words.
    assert_eq!(ids(&index, "les école"), ["a"]);
}

#[test]
fn elisions_are_split_and_highlighted_on_the_word() {
    let index = site();
    assert_eq!(ids(&index, "économie"), ["fr"]);
    assert_eq!(ids(&index, "l'économie"), ["fr"]);
    let (excerpt, title) = marked(&index, "école");
    assert_eq!(title, ["école"]);
    assert_eq!(excerpt, ["écoles"]);
    assert_eq!(ids(&index, "a-t-il"), ["fr"]);
}

#[test]
fn chinese_and_japanese_match_with_or_without_spaces() {
    let index = site();
    for query in ["北京大学", "北京 大学", "图书馆", "大学图书馆"] {
        assert_eq!(ids(&index, query), ["zh"], "{query}");
    }
    for query in ["東京", "図書館", "東京 図書館", "東京都立図書館", "借りる"] {
        assert_eq!(ids(&index, query), ["ja"], "{query}");
    }
    assert!(ids(&index, "大阪").is_empty());
    // Words typed together that the page has apart: the bigram across them (京图, 京借) is in
    // no page, and the page is found all the same.
    for query in ["北京图书馆", "北京 图书馆"] {
        assert_eq!(ids(&index, query), ["zh"], "{query}");
    }
    for query in ["東京借りる", "東京 借りる"] {
        assert_eq!(ids(&index, query), ["ja"], "{query}");
    }
}

/// A Chinese or Japanese character typed alone finds the pages whose runs it starts a bigram
/// of (`図` in `図書館`), typed or finished, as a word of three letters finds its completions.
#[test]
fn a_character_alone_finds_the_bigrams_it_starts() {
    let index = site();
    for query in ["図", "図 ", "借", "書"] {
        assert_eq!(ids(&index, query), ["ja"], "{query}");
    }
    let (excerpt, _) = marked(&index, "借");
    assert_eq!(excerpt, ["借り"]);
    for query in ["图", "图 "] {
        assert_eq!(ids(&index, query), ["zh"], "{query}");
    }
    assert!(ids(&index, "猫").is_empty());
}

/// The character that ends a run starts no bigram of it (`馆` of `图书馆`, `館` of `図書館`):
/// typed alone, it still finds the page, and is what its excerpt and title mark.
#[test]
fn a_character_alone_finds_the_run_it_ends() {
    let index = site();
    for query in ["馆", "馆 ", "館"] {
        let found = ids(&index, query);
        assert_eq!(found.len(), 1, "{query}: {found:?}");
    }
    assert_eq!(ids(&index, "馆"), ["zh"]);
    let (excerpt, title) = marked(&index, "馆");
    assert_eq!((excerpt, title), (vec!["馆".into()], vec!["馆".into()]));
    // Typed or finished, it finds the runs it starts too, whichever pages end runs with it.
    let index = IndexBuilder::index([
        doc("ends", Some("zh"), "图书馆", "北京的图书馆。"),
        doc("starts", Some("zh"), "馆长", "馆长的话"),
        doc("other", Some("zh"), "猫", "我的猫"),
    ]);
    for query in ["馆", "馆 ", "馆 OR 狗"] {
        let mut found = ids(&index, query);
        found.sort();
        assert_eq!(found, ["ends", "starts"], "{query}");
    }
    let index = site();
    // Nor is a run's tail a word of a query: the run is found and marked as its bigrams.
    assert_eq!(ids(&index, "图书馆"), ["zh"]);
    assert_eq!(marked(&index, "书馆").0, ["书馆"]);
}

#[test]
fn bigram_matches_are_ranges_of_the_original_text() {
    let index = site();
    let (excerpt, title) = marked(&index, "北京大学");
    assert_eq!(title, ["北京大学"]);
    assert_eq!(excerpt, ["北京 大学"]);
    let (_, title) = marked(&index, "図書館");
    assert_eq!(title, ["図書館"]);
}

#[test]
fn korean_words_are_found_without_their_particles() {
    let index = site();
    assert_eq!(ids(&index, "한국어"), ["ko"]);
    assert_eq!(ids(&index, "도서관"), ["ko"]);
    let (excerpt, _) = marked(&index, "한국어");
    assert_eq!(excerpt, ["한국어를"]);
}

/// Text that mixes scripts, directions, widths and combining marks.
const HOSTILE: [&str; 10] = [
    "Cafe\u{301} nai\u{308}ve Ελληνικά русский 中文 日本語 한국어",
    "עברית שָׁלוֹם العربية مَرْحَبًا \u{200F}rtl\u{200E}",
    "ＦＵＬＬ ｗｉｄｔｈ ｶﾞｷﾞ ｱｲｳ １２３",
    "l'\u{301}a d'' qu'北京 dell'한국 a-t-",
    "\u{301}\u{302} \u{3099}\u{309A} か\u{3099}",
    "北 京 大 学 \u{3000}\u{3000} 。北京",
    "👩‍👩‍👧 ZWJ\u{200D}joiner \u{FEFF}bom",
    "𠀀𠀁𠀂 𪜀 \u{2F800}",
    "e\u{301}\u{301}\u{301}\u{301}-t-\u{301}",
    "ไทย ภาษาไทย देवनागरी",
];

#[test]
fn hostile_text_never_fails_nor_splits_a_character() {
    for text in HOSTILE {
        for token in tokenize(text) {
            assert!(!token.span.is_empty(), "{text:?}: an empty token");
            assert!(
                text.is_char_boundary(token.span.start) && text.is_char_boundary(token.span.end),
                "{text:?}: {:?} splits a character",
                token.span
            );
        }
    }
    let index = IndexBuilder::index(HOSTILE.iter().enumerate().map(|(i, text)| {
        let lang = [
            "ar",
            "he",
            "ja",
            "x-klingon",
            "",
            "zh",
            "??",
            "ko",
            "fr",
            "th",
        ][i];
        doc(&i.to_string(), Some(lang), text, text)
    }));
    for text in HOSTILE {
        for query in text.split(' ').chain([text]) {
            for hit in hits(&index, query) {
                let on_boundaries = |text: &str, ranges: &[std::ops::Range<usize>]| {
                    ranges
                        .iter()
                        .all(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
                };
                assert!(
                    on_boundaries(&hit.excerpt, &hit.excerpt_matches),
                    "{query:?}"
                );
                assert!(on_boundaries(&hit.title, &hit.title_matches), "{query:?}");
            }
        }
    }
    assert_eq!(ids(&index, "ｱｲｳ"), ["2"]);
    assert_eq!(ids(&index, "アイウ"), ["2"]);
    assert_eq!(ids(&index, "full"), ["2"]);
}

#[test]
fn a_language_option_searches_only_that_languages_pages() {
    let index = IndexBuilder::index([
        doc("en", Some("en"), "Paris", "Paris is a city."),
        doc("fr", Some("fr"), "Paris", "Paris est une ville."),
    ]);
    let search = |lang: Option<&str>| {
        let options = SearchOptions {
            lang: lang.map(str::to_string),
            ..SearchOptions::default()
        };
        let mut found: Vec<String> = index
            .search("paris", &options)
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect();
        found.sort();
        found
    };
    assert_eq!(search(Some("fr-FR")), ["fr"]);
    assert_eq!(search(Some("en")), ["en"]);
    // All languages, a language the index lacks and a value that is no language: every page.
    for lang in [None, Some("*"), Some("de"), Some("??")] {
        assert_eq!(search(lang), ["en", "fr"], "{lang:?}");
    }
    let facets = index
        .search(
            "paris",
            &SearchOptions {
                facets: true,
                ..SearchOptions::default()
            },
        )
        .facets;
    let lang = facets
        .iter()
        .find(|(name, _)| name == "lang")
        .expect("a lang facet");
    assert_eq!(lang.1, [("en".to_string(), 1), ("fr".to_string(), 1)]);
}

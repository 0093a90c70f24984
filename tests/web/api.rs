//! The JS API as a page uses it: `new Scour()`, `search`, `query` and their options, `stats`,
//! `document`, and the errors bad options throw.

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::*;

const TIANJIN_ID: &str = "002_99d606bfa40b6113";
const TIANJIN_TITLE: &str = "Putin and Xi Discuss Latest Russia-US Diplomatic Exchanges";
/// The only dated article of the seed corpus.
const DATED_ID: &str = "000_5c85da917d8ed88c";

fn search(scour: &scour::wasm::Scour, q: &str, opts: JsValue) -> Vec<JsValue> {
    hit_list(now(ok(scour.search(q.into(), opts), q), q))
}

fn query(scour: &scour::wasm::Scour, q: &str, opts: JsValue) -> JsValue {
    now(ok(scour.query(q.into(), opts), q), q)
}

fn limit(n: u32) -> JsValue {
    options(&[("limit", n.into())])
}

fn total(results: &JsValue) -> f64 {
    get(results, "total").as_f64().expect("total is a number")
}

fn query_ids(results: &JsValue) -> Vec<String> {
    hit_list(get(results, "hits"))
        .iter()
        .map(|h| get(h, "id").as_string().unwrap())
        .collect()
}

#[wasm_bindgen_test]
fn embedded_index_finds_tianjin_first_with_its_match_marked() {
    let hits = search(&seed(), "Tianjin", limit(10));
    assert_eq!(
        ids(&hits),
        [TIANJIN_ID],
        "only one article mentions Tianjin"
    );
    let first = &hits[0];
    assert_eq!(
        get(first, "title").as_string().as_deref(),
        Some(TIANJIN_TITLE)
    );
    assert!(get(first, "score").as_f64().unwrap() > 0.0);
    assert!(get(first, "date").is_null(), "this article has no date");

    let excerpt = get(first, "excerpt").as_string().expect("excerpt");
    let matches = ranges(&get(first, "excerptMatches"));
    let words: Vec<String> = matches.iter().map(|&r| js_slice(&excerpt, r)).collect();
    assert!(
        !words.is_empty() && words.iter().all(|w| w == "Tianjin"),
        "every excerpt match should select \"Tianjin\", got {words:?} in {excerpt:?}"
    );
}

#[wasm_bindgen_test]
fn title_matches_select_the_query_words() {
    let hits = search(&seed(), "diplomatic exchanges", JsValue::UNDEFINED);
    let hit = hits
        .iter()
        .find(|h| get(h, "id").as_string().as_deref() == Some(TIANJIN_ID))
        .expect("the Tianjin article matches \"diplomatic exchanges\"");
    let words: Vec<String> = ranges(&get(hit, "titleMatches"))
        .into_iter()
        .map(|r| js_slice(TIANJIN_TITLE, r))
        .collect();
    assert_eq!(words, ["Diplomatic", "Exchanges"]);
}

#[wasm_bindgen_test]
fn missing_null_and_empty_options_are_the_defaults() {
    let scour = seed();
    let default = json(&ok(
        scour.search("putin".into(), JsValue::UNDEFINED),
        "no options",
    ));
    assert_eq!(
        json(&ok(scour.search("putin".into(), JsValue::NULL), "null")),
        default
    );
    assert_eq!(
        json(&ok(scour.search("putin".into(), options(&[])), "{}")),
        default
    );
    assert_eq!(
        hit_list(ok(scour.search("putin".into(), JsValue::NULL), "null")).len(),
        5
    );
}

#[wasm_bindgen_test]
fn limit_and_offset_page_through_the_hits() {
    let scour = seed();
    let all = ids(&search(&scour, "putin", limit(10)));
    assert_eq!(all.len(), 5, "every seed article mentions Putin: {all:?}");
    let mut paged = Vec::new();
    for offset in [0u32, 2, 4] {
        let page = query(
            &scour,
            "putin",
            options(&[("limit", 2.into()), ("offset", offset.into())]),
        );
        assert_eq!(total(&page), 5.0, "total counts every match, not the page");
        paged.extend(query_ids(&page));
    }
    assert_eq!(paged, all, "pages of 2 put together are the full list");

    let past = query(&scour, "putin", options(&[("offset", 5.into())]));
    assert!(query_ids(&past).is_empty());
    assert_eq!(total(&past), 5.0);
    let one = search(&scour, "putin", limit(1));
    assert_eq!(ids(&one), all[..1]);
}

#[wasm_bindgen_test]
fn date_bounds_keep_dated_documents_within_them() {
    let scour = seed();
    let bounded = |from: Option<&str>, to: Option<&str>| {
        let mut fields = Vec::new();
        if let Some(from) = from {
            fields.push(("dateFrom", JsValue::from_str(from)));
        }
        if let Some(to) = to {
            fields.push(("dateTo", JsValue::from_str(to)));
        }
        ids(&search(&scour, "putin", options(&fields)))
    };
    assert_eq!(bounded(Some("2025-01-01"), None), [DATED_ID]);
    assert_eq!(bounded(Some("2025-02-22"), Some("2025-02-22")), [DATED_ID]);
    assert!(bounded(None, Some("2025-02-21")).is_empty());
    assert!(bounded(Some("2025-02-23"), None).is_empty());
}

#[wasm_bindgen_test]
fn sort_by_date_puts_the_newest_first_and_undated_last() {
    let scour = open(&tagged_documents());
    let by_date = ids(&search(
        &scour,
        "engine",
        options(&[("sort", "date".into())]),
    ));
    assert_eq!(by_date, ["t2", "t1", "t3", "t5", "t4"]);
    let by_relevance = search(&scour, "engine", options(&[("sort", "relevance".into())]));
    assert_eq!(by_relevance.len(), 5);
    let scores: Vec<f64> = by_relevance
        .iter()
        .map(|h| get(h, "score").as_f64().unwrap())
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "relevance order is by score: {scores:?}"
    );
    assert_eq!(
        ids(&by_relevance)[0],
        "t5",
        "the oldest page says engine most often: relevance puts it first"
    );
    let page = search(
        &scour,
        "engine",
        options(&[
            ("sort", "date".into()),
            ("offset", 1.into()),
            ("limit", 2.into()),
        ]),
    );
    assert_eq!(ids(&page), ["t1", "t3"]);
    let dated = search(
        &scour,
        "engine",
        options(&[
            ("dateFrom", "2023-01-01".into()),
            ("dateTo", "2024-01-10".into()),
        ]),
    );
    let mut found = ids(&dated);
    found.sort();
    assert_eq!(found, ["t1", "t3"], "bounds are inclusive; undated is out");
}

/// `facets.tag` as sorted `(value, count)` pairs, zero counts left out.
fn tag_counts(results: &JsValue) -> Vec<(String, u32)> {
    let tag = get(&get(results, "facets"), "tag");
    assert!(
        tag.is_object(),
        "facets.tag is an object: {}",
        json(results)
    );
    let mut counts: Vec<(String, u32)> = js_sys::Object::entries(tag.unchecked_ref())
        .iter()
        .map(|e| {
            let e: Array = e.unchecked_into();
            (
                e.get(0).as_string().unwrap(),
                e.get(1).as_f64().unwrap() as u32,
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    counts.sort();
    counts
}

fn pairs(values: &[(&str, u32)]) -> Vec<(String, u32)> {
    values.iter().map(|(v, n)| (v.to_string(), *n)).collect()
}

#[wasm_bindgen_test]
fn filters_restrict_and_facets_count_the_matches() {
    let scour = open(&tagged_documents());
    let filtered = |filters: JsValue| {
        let mut found = ids(&search(&scour, "engine", options(&[("filters", filters)])));
        found.sort();
        found
    };
    let tags = |values: &[&str]| options(&[("tag", strings(values))]);
    assert_eq!(filtered(tags(&["wasm"])), ["t1", "t3"]);
    assert_eq!(
        filtered(options(&[("tag", "rust".into())])),
        ["t1", "t2", "t4"],
        "a single string is one accepted value"
    );
    assert_eq!(
        filtered(tags(&["wasm", "tooling"])),
        ["t1", "t3", "t4"],
        "any of a filter's values is accepted"
    );
    assert!(
        filtered(tags(&["garden"])).is_empty(),
        "t6 does not say engine"
    );
    assert_eq!(filtered(tags(&[])).len(), 5, "no values: no restriction");

    let plain = query(&scour, "engine", JsValue::UNDEFINED);
    assert_eq!(
        json(&get(&plain, "facets")),
        "{}",
        "facet counts only with facets: true"
    );
    let faceted = query(&scour, "engine", options(&[("facets", true.into())]));
    assert_eq!(total(&faceted), 5.0);
    assert_eq!(
        tag_counts(&faceted),
        pairs(&[("rust", 3), ("tooling", 1), ("wasm", 2)])
    );
    let narrowed = query(
        &scour,
        "engine",
        options(&[("facets", true.into()), ("filters", tags(&["wasm"]))]),
    );
    assert_eq!(total(&narrowed), 2.0);
    assert_eq!(tag_counts(&narrowed), pairs(&[("rust", 1), ("wasm", 2)]));
}

#[wasm_bindgen_test]
fn filters_count_each_value_over_the_whole_index() {
    let scour = open(&tagged_documents());
    let wrapped = js_sys::Object::new();
    js_sys::Reflect::set(&wrapped, &"facets".into(), &ok(scour.filters(), "filters")).unwrap();
    assert_eq!(
        tag_counts(&wrapped),
        pairs(&[("garden", 1), ("rust", 3), ("tooling", 1), ("wasm", 2)]),
        "every document counts, whatever a query matches"
    );
    assert_eq!(json(&ok(seed().filters(), "filters")), "{}", "no filters");
}

#[wasm_bindgen_test]
fn a_misspelling_with_no_hit_gets_a_suggestion() {
    let scour = seed();
    let misspelled = query(&scour, "Xik", JsValue::UNDEFINED);
    assert_eq!(total(&misspelled), 0.0);
    assert!(query_ids(&misspelled).is_empty());
    assert_eq!(
        get(&misspelled, "suggestion").as_string().as_deref(),
        Some("Xi")
    );
    assert_eq!(
        get(&query(&scour, "mya", JsValue::UNDEFINED), "suggestion")
            .as_string()
            .as_deref(),
        Some("may")
    );
    let found = query(&scour, "Xi", JsValue::UNDEFINED);
    assert!(total(&found) > 0.0);
    assert!(
        get(&found, "suggestion").is_null(),
        "no suggestion when something matched"
    );
    let nothing = query(&scour, "zzqqxx", JsValue::UNDEFINED);
    assert_eq!(total(&nothing), 0.0);
    assert!(
        get(&nothing, "suggestion").is_null(),
        "no word is close to zzqqxx"
    );
}

#[wasm_bindgen_test]
fn stats_describe_the_index() {
    let stats = ok(seed().stats(), "stats");
    assert_eq!(get(&stats, "documents").as_f64(), Some(5.0));
    assert!(
        get(&stats, "terms").as_f64().unwrap() > 500.0,
        "{}",
        json(&stats)
    );
    assert_eq!(
        get(&stats, "indexBytes").as_f64(),
        Some(scour::EMBEDDED_INDEX.len() as f64)
    );
    assert_eq!(get(&stats, "chunked").as_bool(), Some(false));
    let memory = get(&stats, "memory").as_f64().unwrap_or(0.0);
    assert!(
        memory >= scour::EMBEDDED_INDEX.len() as f64 && memory % 65_536.0 == 0.0,
        "{}",
        json(&stats)
    );

    let bytes = single_file(&tagged_documents());
    let stats = ok(
        ok(scour::wasm::Scour::from_bytes(array(&bytes)), "fromBytes").stats(),
        "stats",
    );
    assert_eq!(get(&stats, "documents").as_f64(), Some(6.0));
    assert_eq!(get(&stats, "indexBytes").as_f64(), Some(bytes.len() as f64));
    assert_eq!(get(&stats, "chunked").as_bool(), Some(false));
}

#[wasm_bindgen_test]
fn document_returns_the_stored_document_or_undefined() {
    let scour = seed();
    let document = now(
        ok(scour.document(TIANJIN_ID.into()), "document"),
        "document",
    );
    assert_eq!(
        get(&document, "id").as_string().as_deref(),
        Some(TIANJIN_ID)
    );
    assert_eq!(
        get(&document, "title").as_string().as_deref(),
        Some(TIANJIN_TITLE)
    );
    let body = get(&document, "body").as_string().expect("body");
    assert!(
        body.contains("northern coastal city of Tianjin"),
        "{body:?}"
    );
    assert!(get(&document, "date").is_null());
    let dated = ok(scour.document(DATED_ID.into()), "document");
    assert_eq!(
        get(&dated, "date").as_string().as_deref(),
        Some("2025-02-22")
    );
    assert!(ok(scour.document("no-such-id".into()), "document").is_undefined());
}

/// Options are read as JS reads a field: one inherited counts, and one whose getter throws
/// reads as absent (the search runs with its default).
#[wasm_bindgen_test]
fn options_are_read_as_js_reads_them() {
    let scour = seed();
    let default = ok(
        scour.search("putin".into(), JsValue::UNDEFINED),
        "no options",
    );
    assert!(
        default.unchecked_ref::<Array>().length() > 1,
        "{}",
        json(&default)
    );
    let prototype: js_sys::Object = options(&[("limit", 1.into())]).unchecked_into();
    let inherited = js_sys::Object::create(&prototype);
    let hits = ok(
        scour.search("putin".into(), inherited.into()),
        "an inherited limit",
    );
    assert_eq!(hits.unchecked_ref::<Array>().length(), 1, "{}", json(&hits));
    let throwing = js_sys::Object::new();
    let getter = js_sys::Function::new_no_args("throw new Error('no limit here')");
    let descriptor: js_sys::Object = options(&[("get", getter.into())]).unchecked_into();
    js_sys::Object::define_property(&throwing, &"limit".into(), &descriptor);
    let hits = ok(
        scour.search("putin".into(), throwing.into()),
        "a throwing getter",
    );
    assert_eq!(json(&hits), json(&default));
}

/// `new Map([["tag", ["no-such-tag"]]])`: filters a `Map` holds are no properties.
fn tags_in_a_map() -> JsValue {
    let map = js_sys::Map::new();
    map.set(&"tag".into(), &strings(&["no-such-tag"]));
    map.into()
}

#[wasm_bindgen_test]
fn wrong_option_types_throw_an_error_naming_the_option() {
    let scour = seed();
    let cases: Vec<(&str, JsValue, &str)> = vec![
        ("limit", "x".into(), "limit"),
        ("limit", (-1).into(), "limit"),
        ("limit", 1.5.into(), "limit"),
        // More than a call returns: an Error, not fewer hits than asked for.
        ("limit", 5000.into(), "limit"),
        ("offset", "2".into(), "offset"),
        ("sort", 3.into(), "sort"),
        ("sort", "newest".into(), "sort"),
        ("filters", 5.into(), "filters"),
        ("filters", strings(&["tag"]), "filters"),
        ("filters", tags_in_a_map(), "filters"),
        ("filters", options(&[("tag", 5.into())]), "filters.tag"),
        ("filters", options(&[("tag", strings(&[]))]), ""),
        ("facets", "yes".into(), "facets"),
        ("dateFrom", "yesterday".into(), "dateFrom"),
        ("dateTo", 20250101.into(), "dateTo"),
        ("dateTo", "2025-13-01".into(), "dateTo"),
        ("dateFrom", "2024-02-30".into(), "dateFrom"),
        ("dateTo", "2023-02-29".into(), "dateTo"),
    ];
    for (name, value, named) in cases {
        let what = format!("{{ {name}: {} }}", json(&value));
        let opts = options(&[(name, value)]);
        if named.is_empty() {
            ok(scour.search("putin".into(), opts), &what);
            continue;
        }
        for message in [
            fails(
                scour.search("putin".into(), opts.clone()),
                &format!("search {what}"),
            ),
            fails(
                scour.query("putin".into(), opts.clone()),
                &format!("query {what}"),
            ),
        ] {
            assert!(
                message.contains(named),
                "the error for {what} should name {named}: {message:?}"
            );
        }
    }
    // A misspelt option, even unset, is named beside the options there are, not left out; a
    // field the options inherit (a class's method) is not theirs.
    for value in [JsValue::from(1), JsValue::UNDEFINED] {
        let misspelt = options(&[("limit", 2.into()), ("limt", value)]);
        for message in [
            fails(scour.search("putin".into(), misspelt.clone()), "{ limt }"),
            fails(scour.query("putin".into(), misspelt), "{ limt }"),
        ] {
            assert!(
                message.starts_with("search options: unknown option \"limt\"")
                    && message
                        .contains("limit, offset, facets, lang, dateFrom, dateTo, sort, filters"),
                "{message:?}"
            );
        }
    }
    let prototype: js_sys::Object = options(&[("limt", 1.into())]).unchecked_into();
    let inheriting = js_sys::Object::create(&prototype);
    js_sys::Reflect::set(&inheriting, &"limit".into(), &1.into()).unwrap();
    assert_eq!(search(&scour, "putin", inheriting.into()).len(), 1);
    let message = fails(scour.search("putin".into(), 5.into()), "options = 5");
    assert!(message.contains("options"), "{message:?}");
    // An array's own methods (`sort`) are no options.
    let message = fails(scour.search("putin".into(), strings(&[])), "options = []");
    assert!(message.contains("expected an object"), "{message:?}");
    // A limit past any index's size is over the most a call returns; an offset past it, past
    // every hit.
    let huge = || JsValue::from(2f64.powi(32));
    let message = fails(
        scour.search("putin".into(), options(&[("limit", huge())])),
        "limit 2^32",
    );
    assert!(message.contains("from 0 to 1000"), "{message:?}");
    let past = search(&scour, "putin", options(&[("offset", huge())]));
    assert!(past.is_empty());
    // A filter left undefined is unset, as an option is.
    let unset = options(&[("filters", options(&[("tag", JsValue::UNDEFINED)]))]);
    assert_eq!(
        ids(&search(&scour, "putin", unset)),
        ids(&search(&scour, "putin", JsValue::UNDEFINED))
    );
    // A query or an id that is not a string is an Error, not a trap in the glue.
    for value in [
        JsValue::from(123),
        JsValue::NULL,
        js_sys::Object::new().into(),
    ] {
        let message = fails(scour.query(value.clone(), JsValue::UNDEFINED), "query(123)");
        assert!(message.contains("must be a string"), "{message:?}");
        let message = fails(
            scour.search(value.clone(), JsValue::UNDEFINED),
            "search(123)",
        );
        assert!(message.contains("must be a string"), "{message:?}");
        let message = fails(scour.document(value), "document(123)");
        assert!(message.contains("must be a string"), "{message:?}");
    }
}

/// Warming up searches the index's own words and leaves nothing that changes an answer: every
/// keystroke of these queries finds after it what a fresh engine finds.
#[wasm_bindgen_test]
fn warming_up_searches_the_index_and_changes_no_answer() {
    let keys: Vec<String> = [
        "putin xi",
        "russia china partnership",
        "kremlin",
        "tianjin sum",
    ]
    .iter()
    .flat_map(|q| (1..=q.len()).map(|end| q[..end].to_string()))
    .collect();
    let answers = |scour: &scour::wasm::Scour| -> Vec<String> {
        keys.iter()
            .map(|k| json(&now(ok(scour.query(k.as_str().into(), limit(10)), k), k)))
            .collect()
    };
    let fresh = answers(&seed());
    let warmed = seed();
    let index = scour::embedded_index().expect("the embedded index");
    for word in 0..100 {
        let typed = index.warm_queries(word as usize).len();
        assert!(typed > 0, "word {word}");
        assert_eq!(warmed.warm(word) as usize, typed, "word {word}");
    }
    assert_eq!(answers(&warmed), fresh);
}

/// A filter, a filter's value or a meta field named `__proto__` (or `constructor`) is an own
/// key of the object returned, as any other name is: never the object's prototype.
#[wasm_bindgen_test]
fn keys_named_like_object_internals_are_own_keys() {
    let mut document = tagged("p1", "Wallaby notes", "The wallaby hops.", None, &[]);
    document
        .filters
        .insert("__proto__".into(), vec!["polluted".into()]);
    document.filters.insert(
        "tag".into(),
        vec!["__proto__".into(), "constructor".into(), "plain".into()],
    );
    document.meta.insert("__proto__".into(), "evil".into());
    document.meta.insert("author".into(), "Jane".into());
    let scour = open(&[document]);
    let keys = |object: &JsValue| -> Vec<String> {
        let own = js_sys::Object::keys(object.unchecked_ref::<js_sys::Object>());
        let mut keys: Vec<String> = own.iter().map(|k| k.as_string().unwrap()).collect();
        keys.sort();
        keys
    };
    let plain_prototype = |object: &JsValue| {
        js_sys::Object::get_prototype_of(object)
            == js_sys::Object::get_prototype_of(&js_sys::Object::new())
    };
    let filters = ok(scour.filters(), "filters");
    let faceted = query(&scour, "wallaby", options(&[("facets", true.into())]));
    for facets in [filters, get(&faceted, "facets")] {
        assert_eq!(keys(&facets), ["__proto__", "tag"], "{}", json(&facets));
        assert!(plain_prototype(&facets));
        let tag = get(&facets, "tag");
        assert_eq!(keys(&tag), ["__proto__", "constructor", "plain"]);
        assert!(plain_prototype(&tag));
    }
    let hit = &search(&scour, "wallaby", JsValue::UNDEFINED)[0];
    let meta = get(hit, "meta");
    assert_eq!(keys(&meta), ["__proto__", "author"]);
    assert!(plain_prototype(&meta));
}

//! The real engine compiled to wasm32, in real browsers: `wasm-pack test --headless --chrome
//! --firefox` (scripts/test.sh). Native `cargo test` skips this suite (wasm32 only).
//!
//! - `api`: the JS API over the embedded seed index and over indexes built here (options,
//!   paging, filters, facets, every filter's counts, dates, sorting, suggestions, stats,
//!   documents, bad options);
//! - `text`: match ranges as UTF-16 indices on accents, emoji and CJK text;
//! - `bytes`: `Scour.fromBytes` on good, truncated, foreign, forged and entry-file bytes, and
//!   `Scour.fromFile` on an entry and a single file;
//! - `pieces`: the chunked index's piece decoding and caching (scour-core, from bytes).
//!
//! Loading over HTTP (`Scour.load`, fetching pieces) is tested against a real static server
//! in tests/e2e/ (wasm-pack's test server serves only the test bundle).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use scour::wasm::Scour;
use scour_core::{Document, IndexBuilder, Layout};
use wasm_bindgen::{JsCast, JsError, JsValue};
use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

mod api;
mod bytes;
mod pieces;
mod text;

/// `value[key]`, or `undefined`.
pub fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A plain object with these fields, as a page passes options.
pub fn options(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (name, value) in fields {
        Reflect::set(&object, &JsValue::from_str(name), value).unwrap();
    }
    object.into()
}

/// A JS array of strings.
pub fn strings(values: &[&str]) -> JsValue {
    values
        .iter()
        .map(|v| JsValue::from_str(v))
        .collect::<Array>()
        .into()
}

/// The message of a thrown (or rejected) value, which must be an `Error`.
pub fn error_message(value: &JsValue) -> String {
    let error = value
        .dyn_ref::<js_sys::Error>()
        .unwrap_or_else(|| panic!("expected an Error to be thrown, got {value:?}"));
    String::from(error.message())
}

/// The message of an error a call threw.
pub fn thrown(error: JsError) -> String {
    error_message(&JsValue::from(error))
}

/// The error message of a call that must fail.
pub fn fails<T>(result: Result<T, JsError>, what: &str) -> String {
    match result {
        Ok(_) => panic!("{what}: expected an Error, the call succeeded"),
        Err(e) => thrown(e),
    }
}

/// The value of a call that must succeed.
pub fn ok<T>(result: Result<T, JsError>, what: &str) -> T {
    result.unwrap_or_else(|e| panic!("{what}: {}", thrown(e)))
}

/// `JSON.stringify(value)`, to compare whole results.
pub fn json(value: &JsValue) -> String {
    js_sys::JSON::stringify(value)
        .map(String::from)
        .unwrap_or_else(|_| format!("{value:?}"))
}

/// An answer that must be immediate (not a Promise).
pub fn now(value: JsValue, what: &str) -> JsValue {
    assert!(
        !value.is_instance_of::<js_sys::Promise>(),
        "{what}: a complete index answers at once, not with a Promise"
    );
    value
}

/// The hits of a `search` answer.
pub fn hit_list(value: JsValue) -> Vec<JsValue> {
    let array: Array = value
        .dyn_into()
        .unwrap_or_else(|v| panic!("expected an array of hits, got {v:?}"));
    array.iter().collect()
}

pub fn ids(hits: &[JsValue]) -> Vec<String> {
    hits.iter()
        .map(|h| get(h, "id").as_string().expect("a hit's id is a string"))
        .collect()
}

/// `[[start, end], ...]` as pairs.
pub fn ranges(value: &JsValue) -> Vec<(u32, u32)> {
    let array: &Array = value.dyn_ref().expect("match ranges are an array");
    array
        .iter()
        .map(|pair| {
            let pair: Array = pair.dyn_into().expect("a match is [start, end]");
            assert_eq!(pair.length(), 2, "a match is [start, end]");
            let n = |v: JsValue| v.as_f64().expect("match offsets are numbers") as u32;
            (n(pair.get(0)), n(pair.get(1)))
        })
        .collect()
}

/// `text.slice(start, end)` in JS, that is in UTF-16 code units.
pub fn js_slice(text: &str, (start, end): (u32, u32)) -> String {
    let length = JsString::from(text).length();
    assert!(
        start <= end && end <= length,
        "match [{start}, {end}] is outside {text:?} ({length} UTF-16 units)"
    );
    String::from(JsString::from(text).slice(start, end))
}

/// The engine over the index embedded at build time (the five articles of corpus/).
pub fn seed() -> Scour {
    ok(Scour::new(), "new Scour() over the embedded index")
}

/// The seed articles as documents, to build indexes from in the tests.
pub fn seed_documents() -> Vec<Document> {
    let index = scour::embedded_index().expect("the embedded index opens");
    index
        .documents()
        .map(|d| Document {
            date: d.date.clone(),
            url: d.url.clone(),
            ..Document::new(d.id.clone(), d.title.clone(), d.body.to_string())
        })
        .collect()
}

/// A document with a date and `tag` filter values.
pub fn tagged(id: &str, title: &str, body: &str, date: Option<&str>, tags: &[&str]) -> Document {
    let mut document = Document::new(id, title, body);
    document.date = date.map(String::from);
    if !tags.is_empty() {
        document
            .filters
            .insert("tag".into(), tags.iter().map(|t| t.to_string()).collect());
    }
    document
}

/// Six documents with tags and dates; five of them mention "engine".
pub fn tagged_documents() -> Vec<Document> {
    vec![
        tagged(
            "t1",
            "Rust engine guide",
            "How the engine is written in Rust and compiled to wasm.",
            Some("2024-01-10"),
            &["rust", "wasm"],
        ),
        tagged(
            "t2",
            "Async engine in Rust",
            "An engine driven by futures, with executors, wakers, tasks, reactors, timers and \
             channels for network services that handle many connections at once.",
            Some("2024-06-01"),
            &["rust"],
        ),
        tagged(
            "t3",
            "Browser engine internals",
            "Layout, style and the script engine.",
            Some("2023-03-03"),
            &["wasm"],
        ),
        tagged(
            "t4",
            "Engine tooling notes",
            "Profilers and debuggers for the engine.",
            None,
            &["rust", "tooling"],
        ),
        tagged(
            "t5",
            "Steam engine history",
            "Engine after engine: the steam engine.",
            Some("2022-12-31"),
            &[],
        ),
        tagged(
            "t6",
            "Gardening in spring",
            "Tomatoes, beans and basil.",
            Some("2024-04-04"),
            &["garden"],
        ),
    ]
}

/// An index of `documents` as one file (what `scour index --single-file` writes).
pub fn single_file(documents: &[Document]) -> Vec<u8> {
    builder(documents)
        .build_files(Layout::whole())
        .single_file()
}

pub fn builder(documents: &[Document]) -> IndexBuilder {
    let mut builder = IndexBuilder::new();
    for document in documents {
        builder.add(document.clone());
    }
    builder
}

/// `bytes` as a `Uint8Array`, as a page passes them.
pub fn array(bytes: &[u8]) -> JsValue {
    js_sys::Uint8Array::from(bytes).into()
}

/// `Scour.fromBytes` over an index of `documents`.
pub fn open(documents: &[Document]) -> Scour {
    ok(
        Scour::from_bytes(array(&single_file(documents))),
        "fromBytes on a good index",
    )
}

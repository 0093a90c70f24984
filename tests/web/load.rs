//! `Scour.load` and a chunked index's fetching, through a stand-in `fetch` that serves files
//! from memory (wasm-pack's test server serves only the test bundle): what is fetched, how
//! often, concurrent calls sharing fetches, a rebuilt index read again, failures as errors.

use js_sys::{Array, Function, Map, Promise, Reflect, Uint8Array};
use scour::wasm::Scour;
use scour_core::{Document, IndexBuilder, IndexFiles, Layout};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::*;

/// Small pieces: a query needs several rounds of fetches.
const SMALL: Layout = Layout {
    term_piece_bytes: 256,
    postings_piece_bytes: 256,
    ids_per_piece: 4,
};

/// Files under `prefix` served from memory by a replacement `fetch`, restored on drop.
struct Served {
    prefix: String,
    files: Map,
    log: Array,
    original: JsValue,
}

impl Served {
    fn new(prefix: &str) -> Served {
        let files = Map::new();
        let log = Array::new();
        let make = Function::new_with_args(
            "prefix, files, log",
            r#"
            const original = globalThis.fetch;
            const stub = function fetch(input, init) {
              const url = new URL(String(input), location.href);
              if (!url.pathname.startsWith(prefix)) return original.call(globalThis, input, init);
              log.push(url.pathname + (init && init.cache ? ` (${init.cache})` : ''));
              const bytes = files.get(url.pathname);
              const response = bytes
                ? new Response(bytes.slice(), { status: 200 })
                : new Response('not found', { status: 404, statusText: 'Not Found' });
              return new Promise((resolve) => setTimeout(() => resolve(response), 2));
            };
            return [original, stub];
            "#,
        );
        let made: Array = make
            .call3(&JsValue::NULL, &prefix.into(), &files, &log)
            .expect("the stand-in fetch is made")
            .unchecked_into();
        Reflect::set(&js_sys::global(), &"fetch".into(), &made.get(1)).unwrap();
        Served {
            prefix: prefix.to_string(),
            files,
            log,
            original: made.get(0),
        }
    }

    fn url(&self, file: &str) -> String {
        format!("{}{file}", self.prefix)
    }

    fn put(&self, file: &str, bytes: &[u8]) {
        self.files
            .set(&self.url(file).into(), &Uint8Array::from(bytes).into());
    }

    /// An index's entry as `scour-index.bin` and its pieces beside it.
    fn put_chunked(&self, files: &IndexFiles) {
        self.files.clear();
        self.put("scour-index.bin", &files.entry);
        for (_, name, bytes) in &files.pieces {
            self.put(name, bytes);
        }
    }

    fn requests(&self) -> Vec<String> {
        self.log.iter().map(|v| v.as_string().unwrap()).collect()
    }

    fn clear_log(&self) {
        self.log.set_length(0);
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = Reflect::set(&js_sys::global(), &"fetch".into(), &self.original);
    }
}

fn build(documents: &[Document], layout: Layout) -> IndexFiles {
    let mut builder = IndexBuilder::new();
    for document in documents {
        builder.add(document.clone());
    }
    builder.build_files(layout)
}

fn corpus() -> Vec<Document> {
    let mut documents = seed_documents();
    documents.extend(tagged_documents());
    documents
}

async fn load(url: String) -> Scour {
    let what = format!("Scour.load({url})");
    ok(Scour::load(url).await, &what)
}

async fn load_error(url: String) -> String {
    let what = format!("Scour.load({url})");
    fails(Scour::load(url).await, &what)
}

/// A call's answer that must be a Promise (pieces are missing), awaited.
async fn later(value: JsValue, what: &str) -> JsValue {
    let promise: Promise = value.dyn_into().unwrap_or_else(|v| {
        panic!("{what}: expected a Promise while pieces are missing, got {v:?}")
    });
    JsFuture::from(promise)
        .await
        .unwrap_or_else(|e| panic!("{what} rejected: {}", error_message(&e)))
}

/// A call's answer that must be a Promise that rejects; its message.
async fn rejection(value: JsValue, what: &str) -> String {
    let promise: Promise = value
        .dyn_into()
        .unwrap_or_else(|v| panic!("{what}: expected a Promise, got {v:?}"));
    match JsFuture::from(promise).await {
        Ok(v) => panic!("{what}: expected a rejection, got {}", json(&v)),
        Err(e) => error_message(&e),
    }
}

fn no_repeats(requests: &[String]) {
    let mut seen = std::collections::BTreeSet::new();
    for r in requests {
        assert!(seen.insert(r), "{r} was fetched twice: {requests:?}");
    }
}

#[wasm_bindgen_test]
async fn load_opens_a_single_file() {
    let served = Served::new("/__scour_test/single/");
    let bytes = single_file(&tagged_documents());
    served.put("index.bin", &bytes);
    let scour = load(served.url("index.bin")).await;
    let stats = ok(scour.stats(), "stats");
    assert_eq!(get(&stats, "chunked").as_bool(), Some(false));
    assert_eq!(get(&stats, "indexBytes").as_f64(), Some(bytes.len() as f64));
    let hits = hit_list(now(
        ok(scour.search("steam", JsValue::UNDEFINED), "search"),
        "search",
    ));
    assert_eq!(ids(&hits), ["t5"]);
    assert_eq!(served.requests(), [served.url("index.bin")]);
}

#[wasm_bindgen_test]
async fn a_chunked_index_fetches_what_a_query_needs_once() {
    let served = Served::new("/__scour_test/chunked/");
    let files = build(&corpus(), SMALL);
    served.put_chunked(&files);
    let whole = open(&corpus());

    let scour = load(served.url("scour-index.bin")).await;
    let stats = ok(scour.stats(), "stats");
    assert_eq!(get(&stats, "chunked").as_bool(), Some(true));
    assert_eq!(
        get(&stats, "indexBytes").as_f64(),
        Some(files.entry.len() as f64)
    );
    assert_eq!(served.requests(), [served.url("scour-index.bin")]);
    served.clear_log();

    // Two searches at once share their fetches.
    let first = ok(scour.search("Tianjin", JsValue::UNDEFINED), "search");
    let second = ok(scour.search("Tianjin", JsValue::UNDEFINED), "search");
    let first = later(first, "search Tianjin").await;
    let second = later(second, "search Tianjin (concurrent)").await;
    let expected = json(&ok(whole.search("Tianjin", JsValue::UNDEFINED), "whole"));
    assert_eq!(json(&first), expected);
    assert_eq!(json(&second), expected);
    let fetched = served.requests();
    no_repeats(&fetched);
    assert!(
        fetched.len() >= 3 && fetched.len() < files.pieces.len(),
        "terms, postings, documents: {fetched:?}"
    );
    assert!(
        fetched.iter().all(|r| r.contains("/pieces/")),
        "{fetched:?}"
    );

    // Now cached: the same search answers at once, with no request.
    served.clear_log();
    let again = now(
        ok(scour.search("Tianjin", JsValue::UNDEFINED), "again"),
        "again",
    );
    assert_eq!(json(&again), expected);
    assert!(served.requests().is_empty(), "{:?}", served.requests());

    // Facets, filters and date sorting fetch their pieces too, and answer like the whole.
    let faceted = || {
        options(&[
            ("facets", true.into()),
            ("sort", "date".into()),
            ("filters", options(&[("tag", strings(&["rust", "wasm"]))])),
        ])
    };
    let got = later(
        ok(scour.query("engine", faceted()), "query"),
        "query engine",
    )
    .await;
    assert_eq!(
        json(&got),
        json(&ok(whole.query("engine", faceted()), "whole"))
    );
    let suggestion = later(ok(scour.query("Xik", JsValue::UNDEFINED), "query"), "Xik").await;
    assert_eq!(
        get(&suggestion, "suggestion").as_string().as_deref(),
        Some("Xi")
    );

    let document = later(ok(scour.document("t3"), "document"), "document t3").await;
    assert_eq!(
        get(&document, "title").as_string().as_deref(),
        Some("Browser engine internals")
    );
    let cached = now(ok(scour.document("t3"), "document"), "document t3 again");
    assert_eq!(json(&cached), json(&document));
    no_repeats(&served.requests());
    let read = get(&ok(scour.stats(), "stats"), "indexBytes")
        .as_f64()
        .unwrap();
    assert!(
        read > files.entry.len() as f64,
        "indexBytes grows with the pieces read"
    );
}

#[wasm_bindgen_test]
async fn a_rebuilt_index_is_read_again() {
    let served = Served::new("/__scour_test/rebuilt/");
    served.put_chunked(&build(&corpus(), SMALL));
    let scour = load(served.url("scour-index.bin")).await;
    later(
        ok(scour.search("putin", JsValue::UNDEFINED), "search"),
        "putin",
    )
    .await;

    // The site is rebuilt: every piece changes name, the entry stays where it was.
    let mut rebuilt = corpus();
    rebuilt[0].body.push_str(" An aardvark appears.");
    rebuilt.push(Document::new(
        "zz",
        "Aardvark news",
        "The aardvark is back.",
    ));
    served.put_chunked(&build(&rebuilt, SMALL));
    served.clear_log();
    let hits = later(
        ok(scour.search("aardvark", JsValue::UNDEFINED), "search"),
        "aardvark",
    )
    .await;
    let whole = open(&rebuilt);
    assert_eq!(
        json(&hits),
        json(&ok(whole.search("aardvark", JsValue::UNDEFINED), "whole")),
        "the answer of the rebuilt index"
    );
    assert_eq!(ids(&hit_list(hits)).len(), 2);
    let entry = format!("{} (no-cache)", served.url("scour-index.bin"));
    assert_eq!(
        served.requests().iter().filter(|r| **r == entry).count(),
        1,
        "the entry is read again once, revalidated: {:?}",
        served.requests()
    );
    let stats = ok(scour.stats(), "stats");
    assert_eq!(
        get(&stats, "documents").as_f64(),
        Some(rebuilt.len() as f64)
    );
}

#[wasm_bindgen_test]
async fn fetch_failures_are_errors_naming_the_file() {
    let served = Served::new("/__scour_test/failures/");
    let missing = load_error(served.url("nothing.bin")).await;
    assert!(
        missing.contains("nothing.bin") && missing.contains("404"),
        "{missing:?}"
    );
    served.put("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let foreign = load_error(served.url("image.png")).await;
    assert!(
        foreign.contains("image.png") && foreign.contains("not a Scour index"),
        "{foreign:?}"
    );

    // A piece gone from the server (after the entry is read again, still gone).
    let files = build(&corpus(), SMALL);
    served.put_chunked(&files);
    let scour = load(served.url("scour-index.bin")).await;
    // Every term piece is missing: whichever "putin" needs, its request fails.
    for (_, name, _) in files.pieces.iter().filter(|p| p.1.contains("terms")) {
        served.files.delete(&served.url(name).into());
    }
    let message = rejection(
        ok(scour.search("putin", JsValue::UNDEFINED), "search"),
        "putin",
    )
    .await;
    assert!(
        message.contains("/pieces/terms-") && message.contains("404"),
        "{message:?}"
    );

    // A corrupt piece and a truncated one.
    for (mangle, says) in [
        (
            &(|b: &mut Vec<u8>| *b.last_mut().unwrap() ^= 1) as &dyn Fn(&mut Vec<u8>),
            "corrupt",
        ),
        (&|b: &mut Vec<u8>| b.truncate(b.len() - 3), "truncated"),
    ] {
        served.put_chunked(&files);
        for (_, name, bytes) in files.pieces.iter().filter(|p| p.1.contains("terms")) {
            let mut bytes = bytes.clone();
            mangle(&mut bytes);
            served.put(name, &bytes);
        }
        let scour = load(served.url("scour-index.bin")).await;
        let message = rejection(
            ok(scour.search("putin", JsValue::UNDEFINED), "search"),
            says,
        )
        .await;
        assert!(
            message.contains("/pieces/terms-") && message.contains(says),
            "{says}: {message:?}"
        );
    }
}

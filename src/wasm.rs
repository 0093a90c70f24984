//! The JavaScript API: the `Scour` class, exported with wasm-bindgen.
//!
//! Values cross to JS with serde-wasm-bindgen as plain objects. Match ranges are converted
//! from UTF-8 byte offsets to UTF-16 indices, the unit of JS strings. Every failure is a
//! thrown `Error` with a message; nothing here panics on bad input.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use scour_core::{Hit, Index, SearchOptions, Sort};

/// Most hits one call returns.
const MAX_LIMIT: usize = 1_000;

/// A search engine over one index.
#[wasm_bindgen]
pub struct Scour {
    index: Index,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsOptions {
    limit: Option<usize>,
    offset: Option<usize>,
    filters: Option<BTreeMap<String, Vec<String>>>,
    date_from: Option<String>,
    date_to: Option<String>,
    sort: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsHit {
    id: String,
    title: String,
    date: Option<String>,
    url: Option<String>,
    meta: BTreeMap<String, String>,
    score: f32,
    excerpt: String,
    excerpt_matches: Vec<[usize; 2]>,
    title_matches: Vec<[usize; 2]>,
}

#[derive(Serialize)]
struct JsResults {
    hits: Vec<JsHit>,
    total: usize,
    facets: BTreeMap<String, BTreeMap<String, usize>>,
    suggestion: Option<String>,
}

#[derive(Serialize)]
struct JsDocument<'a> {
    id: &'a str,
    title: &'a str,
    date: Option<&'a str>,
    url: Option<&'a str>,
    body: &'a str,
}

#[wasm_bindgen]
impl Scour {
    /// Opens the index embedded in this module at build time.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Scour, JsError> {
        let index =
            crate::embedded_index().map_err(|e| JsError::new(&format!("embedded index: {e}")))?;
        Ok(Scour { index })
    }

    /// Opens an index file's bytes (as written by `scour index`).
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8]) -> Result<Scour, JsError> {
        let index = scour_core::codec::decode(bytes).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Scour { index })
    }

    /// Fetches an index file and opens it.
    pub async fn load(url: String) -> Result<Scour, JsError> {
        let bytes = fetch_bytes(&url).await?;
        let index =
            scour_core::codec::decode(&bytes).map_err(|e| JsError::new(&format!("{url}: {e}")))?;
        Ok(Scour { index })
    }

    /// The best hits for `query`, as an array.
    pub fn search(&self, query: &str, options: JsValue) -> Result<JsValue, JsError> {
        let results = self.run(query, options)?;
        to_js(&results.hits)
    }

    /// Hits, total, facet counts and a spelling suggestion for `query`.
    pub fn query(&self, query: &str, options: JsValue) -> Result<JsValue, JsError> {
        to_js(&self.run(query, options)?)
    }

    /// Document count, term count and index size in bytes.
    pub fn stats(&self) -> Result<JsValue, JsError> {
        to_js(&self.index.stats())
    }

    /// A stored document by id, or `undefined`.
    pub fn document(&self, id: &str) -> Result<JsValue, JsError> {
        match self.index.document(id) {
            None => Ok(JsValue::UNDEFINED),
            Some(d) => to_js(&JsDocument {
                id: &d.id,
                title: &d.title,
                date: d.date.as_deref(),
                url: d.url.as_deref(),
                body: &d.body,
            }),
        }
    }
}

impl Scour {
    fn run(&self, query: &str, options: JsValue) -> Result<JsResults, JsError> {
        let options = search_options(options)?;
        let results = self.index.search(query, &options);
        Ok(JsResults {
            hits: results.hits.into_iter().map(js_hit).collect(),
            total: results.total,
            facets: results.facets,
            suggestion: results.suggestion,
        })
    }
}

fn search_options(value: JsValue) -> Result<SearchOptions, JsError> {
    let js: JsOptions = if value.is_undefined() || value.is_null() {
        JsOptions::default()
    } else {
        serde_wasm_bindgen::from_value(value)
            .map_err(|e| JsError::new(&format!("search options: {e}")))?
    };
    let sort = match js.sort.as_deref() {
        None | Some("relevance") => Sort::Relevance,
        Some("date") => Sort::Date,
        Some(other) => {
            return Err(JsError::new(&format!(
                "search options: sort must be \"relevance\" or \"date\", not {other:?}"
            )))
        }
    };
    Ok(SearchOptions {
        limit: js.limit.unwrap_or(10).min(MAX_LIMIT),
        offset: js.offset.unwrap_or(0),
        filters: js.filters.unwrap_or_default(),
        date_from: js.date_from,
        date_to: js.date_to,
        sort,
        ..SearchOptions::default()
    })
}

fn js_hit(hit: Hit) -> JsHit {
    JsHit {
        excerpt_matches: utf16_ranges(&hit.excerpt, &hit.excerpt_matches),
        title_matches: utf16_ranges(&hit.title, &hit.title_matches),
        id: hit.id,
        title: hit.title,
        date: hit.date,
        url: hit.url,
        meta: hit.meta,
        score: hit.score,
        excerpt: hit.excerpt,
    }
}

/// Converts byte ranges in `text` to `[start, end]` UTF-16 indices.
fn utf16_ranges(text: &str, ranges: &[Range<usize>]) -> Vec<[usize; 2]> {
    let utf16_at = |byte: usize| text[..byte].encode_utf16().count();
    ranges
        .iter()
        .map(|r| [utf16_at(r.start), utf16_at(r.end)])
        .collect()
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch)]
    fn fetch_url(url: &str) -> js_sys::Promise;
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, JsError> {
    let failed =
        |e: JsValue| JsError::new(&format!("cannot fetch the index {url}: {}", describe(&e)));
    let response: web_sys::Response = wasm_bindgen_futures::JsFuture::from(fetch_url(url))
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    if !response.ok() {
        return Err(JsError::new(&format!(
            "cannot fetch the index {url}: the server answered {} {}",
            response.status(),
            response.status_text()
        )));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

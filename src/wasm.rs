//! The JavaScript API: the `Scour` class, exported with wasm-bindgen.
//!
//! Results cross to JS with serde-wasm-bindgen as plain objects. Options are read by hand
//! with `js_sys::Reflect` (a serde deserializer would add 30 KB of wasm for five fields).
//! Match ranges are converted from UTF-8 byte offsets to UTF-16 indices, the unit of JS
//! strings. Every failure is a thrown `Error` with a message; nothing here panics on bad input.

use std::ops::Range;

use js_sys::{Array, Object, Reflect};
use serde::{Serialize, Serializer};
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

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsHit {
    id: String,
    title: String,
    date: Option<String>,
    url: Option<String>,
    meta: AsObject<String>,
    score: f32,
    excerpt: String,
    excerpt_matches: Vec<[usize; 2]>,
    title_matches: Vec<[usize; 2]>,
}

#[derive(Serialize)]
struct JsResults {
    hits: Vec<JsHit>,
    total: usize,
    facets: AsObject<AsObject<usize>>,
    suggestion: Option<String>,
}

/// Key-value pairs serialized as a plain JS object.
struct AsObject<V>(Vec<(String, V)>);

impl<V: Serialize> Serialize for AsObject<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
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
        let options =
            search_options(&options).map_err(|e| JsError::new(&format!("search options: {e}")))?;
        let results = self.index.search(query, &options);
        Ok(JsResults {
            hits: results.hits.into_iter().map(js_hit).collect(),
            total: results.total,
            facets: AsObject(
                results
                    .facets
                    .into_iter()
                    .map(|(name, counts)| (name, AsObject(counts)))
                    .collect(),
            ),
            suggestion: results.suggestion,
        })
    }
}

/// Reads `{ limit, offset, filters, dateFrom, dateTo, sort }`; every field is optional.
fn search_options(value: &JsValue) -> Result<SearchOptions, String> {
    let mut options = SearchOptions::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() {
        return Err("expected an object like { limit: 10 }".into());
    }
    let field =
        |name: &str| Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    if let Some(limit) = count(&field("limit"), "limit")? {
        options.limit = limit.min(MAX_LIMIT);
    }
    if let Some(offset) = count(&field("offset"), "offset")? {
        options.offset = offset;
    }
    options.date_from = date(&field("dateFrom"), "dateFrom")?;
    options.date_to = date(&field("dateTo"), "dateTo")?;
    options.sort = match text(&field("sort"), "sort")?.as_deref() {
        None | Some("relevance") => Sort::Relevance,
        Some("date") => Sort::Date,
        Some(other) => {
            return Err(format!(
                "sort must be \"relevance\" or \"date\", not \"{other}\""
            ))
        }
    };
    let filters = field("filters");
    if !filters.is_undefined() && !filters.is_null() {
        let object: &Object = filters
            .dyn_ref()
            .ok_or("filters must be an object like { tag: [\"a\", \"b\"] }")?;
        for entry in Object::entries(object).iter() {
            let entry: Array = entry.unchecked_into();
            let name = entry.get(0).as_string().unwrap_or_default();
            let values = entry.get(1);
            let values: Vec<String> = match values.as_string() {
                Some(one) => vec![one],
                None => values
                    .dyn_ref::<Array>()
                    .ok_or_else(|| {
                        format!("filters.{name} must be a string or an array of strings")
                    })?
                    .iter()
                    .map(|v| {
                        v.as_string()
                            .ok_or_else(|| format!("filters.{name} must hold strings only"))
                    })
                    .collect::<Result<_, _>>()?,
            };
            options.filters.push((name, values));
        }
    }
    Ok(options)
}

fn count(value: &JsValue, name: &str) -> Result<Option<usize>, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= u32::MAX as f64 => Ok(Some(n as usize)),
        _ => Err(format!("{name} must be a whole number of at least 0")),
    }
}

fn text(value: &JsValue, name: &str) -> Result<Option<String>, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .as_string()
        .map(Some)
        .ok_or_else(|| format!("{name} must be a string"))
}

fn date(value: &JsValue, name: &str) -> Result<Option<String>, String> {
    let date = text(value, name)?;
    match &date {
        Some(d) if !is_iso_date(d) => Err(format!(
            "{name} must be a date like \"2025-02-22\", not \"{d}\""
        )),
        _ => Ok(date),
    }
}

/// `YYYY-MM-DD` with a month from 01 to 12 and a day from 01 to 31.
fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().unwrap_or(0);
    shape && (1..=12).contains(&number(5..7)) && (1..=31).contains(&number(8..10))
}

fn js_hit(hit: Hit) -> JsHit {
    JsHit {
        excerpt_matches: utf16_ranges(&hit.excerpt, &hit.excerpt_matches),
        title_matches: utf16_ranges(&hit.title, &hit.title_matches),
        id: hit.id,
        title: hit.title,
        date: hit.date,
        url: hit.url,
        meta: AsObject(hit.meta),
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

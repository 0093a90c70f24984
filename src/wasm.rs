//! The JavaScript API: the `Scour` class, exported with wasm-bindgen.
//!
//! An index embedded in the module or read from one file has every piece: `search`, `query`
//! and `document` answer synchronously. A chunked index (`Scour.load` on an entry file)
//! fetches the pieces a call needs: when some are missing, the call returns a `Promise`
//! that fetches them (concurrently, each once per page, cached in memory) and answers;
//! `await` works for both. A piece that no longer matches its entry (the site was rebuilt)
//! makes the engine read the entry again, once. A chunked index of several languages starts
//! with a language table: `Scour.load(url, { lang })` opens the entry of that language's own
//! index (of all languages for none, `*` or a language the site lacks), and fetches only its
//! pieces.
//!
//! Hits cross to JS as one flat record that `src/hits.js` makes objects of (`crate::hits`);
//! other results with serde-wasm-bindgen, as plain objects. Options are read by hand,
//! through a getter per field set (a serde deserializer added 30 KB of wasm when they were
//! five fields), which `src/options.js` names in one call.
//! Match ranges are converted (in `crate::hits`) from UTF-8 byte offsets to UTF-16 indices,
//! the unit of JS strings. Numbers cross as `u32` or `f64`, never `usize`: serde writes a
//! `usize` as a `u64`, which serde-wasm-bindgen checks against 2^53 with a `format!`ed error,
//! bringing `core::fmt` into the wasm. Every failure is a thrown `Error` with a message;
//! nothing here panics on bad input.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use scour_core::codec::Foreign;
use scour_core::message::decimal;
use scour_core::{codec, FormatError, Index, Needs, PieceId, SearchOptions, Sort};

/// Most hits one call returns.
const MAX_LIMIT: usize = 1_000;
/// Rounds of fetches one call may take: a query needs at most five (terms, terms of stem
/// groups, postings, documents, suggestions); more means a broken index, not a slow one.
const MAX_ROUNDS: usize = 12;

/// How long a request may wait for the server's answer (its response's headers), in
/// milliseconds, unless `Scour.load`'s `{ timeout }` says otherwise: a server that never
/// answers would otherwise keep every search waiting for good. A slow download, once answered,
/// is not cut short.
const ANSWER_WITHIN_MS: u32 = 30_000;

/// A search engine over one index.
#[wasm_bindgen]
pub struct Scour {
    engine: Rc<RefCell<Engine>>,
}

/// The index, and for a chunked one where its pieces come from.
struct Engine {
    index: Index,
    /// The URL of the entry file (or language table) and the language opened, for a chunked
    /// index.
    source: Option<(String, Option<String>)>,
    /// Pieces being fetched, by URL: a call that needs one already on its way waits for it.
    in_flight: Vec<(String, js_sys::Promise)>,
    /// Pieces whose copy arrived damaged, by URL: fetched next past every cache.
    damaged: Vec<String>,
    /// How long a fetch waits for an answer, in milliseconds (see [`ANSWER_WITHIN_MS`]).
    answer_within: u32,
}

impl Scour {
    /// What `fromFile` and `load` do with an index file's bytes, fetched from `url`; a chunked
    /// index's pieces are then fetched waiting `answer_within` ms at most for each answer.
    fn open_file(bytes: Vec<u8>, url: String, answer_within: u32) -> Result<Scour, JsError> {
        let at_url = |e: FormatError| located(&url, &e);
        if codec::is_language_table(&bytes) {
            return Err(JsError::new(&[
                &url,
                " is a language table: open it with Scour.load(url, { lang, bytes }), which fetches the language's entry",
            ].concat()));
        }
        let url = resolve(&url, &page_url());
        if !codec::is_entry(&bytes) {
            let index = codec::decode(bytes).map_err(at_url)?;
            return Ok(Scour::complete(served(index, &url)));
        }
        let entry = codec::decode_entry(&bytes).map_err(at_url)?;
        Ok(Scour::with(Engine {
            index: served(Index::from_entry(entry, bytes.len()), &url),
            source: Some((url, None)),
            in_flight: Vec::new(),
            damaged: Vec::new(),
            answer_within,
        }))
    }

    fn complete(index: Index) -> Scour {
        Scour::with(Engine {
            index,
            source: None,
            in_flight: Vec::new(),
            damaged: Vec::new(),
            answer_within: ANSWER_WITHIN_MS,
        })
    }

    fn with(engine: Engine) -> Scour {
        Scour {
            engine: Rc::new(RefCell::new(engine)),
        }
    }
}

/// [`scour_core::Stats`] and the engine's memory, for JS.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsStats {
    documents: u32,
    terms: u32,
    index_bytes: f64,
    chunked: bool,
    memory: f64,
}

#[derive(Serialize)]
struct JsResults {
    #[serde(with = "serde_wasm_bindgen::preserve")]
    hits: JsValue,
    total: u32,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    facets: JsValue,
    suggestion: Option<String>,
}

#[derive(Serialize)]
struct JsDocument<'a> {
    id: &'a str,
    title: &'a str,
    date: Option<&'a str>,
    url: Option<&'a str>,
    body: &'a str,
    lang: &'a str,
}

#[wasm_bindgen]
impl Scour {
    /// Opens the index embedded in this module at build time.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Scour, JsError> {
        if crate::EMBEDDED_INDEX.is_empty() {
            return Err(JsError::new(
                "this engine has no embedded index: open a site's index with await Scour.load(url)",
            ));
        }
        let index = crate::embedded_index().map_err(|e| located("embedded index", &e))?;
        Ok(Scour::complete(index))
    }

    /// Opens an index file's bytes (as written by `scour index`), copied into the engine's
    /// memory once: the index is read in place from that copy.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: JsValue) -> Result<Scour, JsError> {
        let bytes = byte_argument(&bytes, "the index's bytes")?;
        if codec::is_entry(&bytes) || codec::is_language_table(&bytes) {
            return Err(JsError::new(
                "these bytes are a chunked index's entry file: open it with Scour.load(url), which fetches its pieces",
            ));
        }
        let index = codec::decode(bytes).map_err(|e| JsError::new(&e.message()))?;
        Ok(Scour::complete(index))
    }

    /// Fetches an index: a single file, or a chunked index's entry file (its pieces are
    /// fetched later, as queries need them). `{ lang }` picks the language's own index of a
    /// chunked index of several languages; `{ bytes }` are the file's, for a caller that
    /// fetched them itself (e.g. alongside the engine); `{ timeout }`, how many milliseconds
    /// each request waits for the server to answer before it fails (30,000 by default).
    pub async fn load(url: JsValue, options: JsValue) -> Result<Scour, JsError> {
        let url = url_argument(&url)?;
        let lang = search_options(&options, true)
            .map_err(|e| JsError::new(&["load options: ", &e].concat()))?
            .lang;
        let answer_within = timeout_option(&options)?;
        let given = Reflect::get(&options, &"bytes".into()).unwrap_or(JsValue::UNDEFINED);
        let bytes = if given.is_undefined() {
            fetch_bytes(&url, Cache::Use, answer_within).await?
        } else {
            byte_argument(&given, "bytes")?
        };
        if !codec::is_language_table(&bytes) {
            return Scour::open_file(bytes, url, answer_within);
        }
        let url = resolve(&url, &page_url());
        Ok(Scour::with(Engine {
            index: open_chunked(&bytes, &url, lang.as_deref(), answer_within).await?,
            source: Some((url, lang)),
            in_flight: Vec::new(),
            damaged: Vec::new(),
            answer_within,
        }))
    }

    /// Opens the bytes of an index file fetched from `url` (a single file, or a chunked
    /// index's entry, whose pieces are then fetched relative to `url`): what `load` does once
    /// it has the bytes, for a caller that fetched them itself. A language table needs
    /// `load(url, { lang, bytes })`, which fetches the language's entry.
    #[wasm_bindgen(js_name = fromFile)]
    pub fn from_file(bytes: JsValue, url: JsValue) -> Result<Scour, JsError> {
        Scour::open_file(
            byte_argument(&bytes, "the index's bytes")?,
            url_argument(&url)?,
            ANSWER_WITHIN_MS,
        )
    }

    /// The best hits for `query`, as an array (or a promise of it, see the module docs).
    pub fn search(&self, query: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        let options = parse_options(&options)?;
        let query = text_argument(&query, "the query")?;
        self.answer(Box::new(move |index| {
            Ok(Ok(crate::hits::to_js(
                &index.try_search(&query, &options)?.hits,
            )))
        }))
    }

    /// Hits, total, facet counts and a spelling suggestion for `query` (or a promise of
    /// them, see the module docs).
    pub fn query(&self, query: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        let options = parse_options(&options)?;
        let query = text_argument(&query, "the query")?;
        self.answer(Box::new(move |index| {
            Ok(js_results(index.try_search(&query, &options)?).and_then(|r| to_js(&r)))
        }))
    }

    /// Every filter of the index with each of its values and how many documents carry it,
    /// `{ tag: { a: 3 } }` (or a promise of it while a chunked index fetches its filters).
    pub fn filters(&self) -> Result<JsValue, JsError> {
        self.answer(Box::new(|index| {
            Ok(facet_counts(index.try_filter_counts()?))
        }))
    }

    /// Document count, term count, the bytes of index read so far and the bytes of memory
    /// the engine holds.
    pub fn stats(&self) -> Result<JsValue, JsError> {
        let stats = self.engine.borrow().index.stats();
        to_js(&JsStats {
            documents: stats.documents as u32,
            terms: stats.terms as u32,
            index_bytes: stats.index_bytes as f64,
            chunked: stats.chunked,
            // WebAssembly memory grows in pages of 64 KiB and never shrinks.
            memory: (core::arch::wasm32::memory_size::<0>() * 65_536) as f64,
        })
    }

    /// Types word `word` of the index's own a key at a time, each key a search as `search`
    /// makes it ([`Index::warm_queries`]); returns how many searches ran (0 for a chunked
    /// index). A browser runs a module's code as its baseline compiler made it, and optimises
    /// each function only once it has run enough: until then a keystroke takes several times
    /// as long. Called in idle time after loading, a word at a time, it spares a visitor's
    /// first keystrokes.
    pub fn warm(&self, word: u32) -> u32 {
        let queries = self.engine.borrow().index.warm_queries(word as usize);
        for query in &queries {
            // A search of the index's own word fails only by trapping, which `search` would too.
            let _ = self.search(query.into(), JsValue::UNDEFINED);
        }
        queries.len() as u32
    }

    /// A stored document by id, or `undefined` (or a promise of it, see the module docs).
    pub fn document(&self, id: JsValue) -> Result<JsValue, JsError> {
        let id = text_argument(&id, "the document id")?;
        self.answer(Box::new(move |index| {
            Ok(match index.try_document(&id)? {
                None => Ok(JsValue::UNDEFINED),
                Some(d) => to_js(&JsDocument {
                    id: &d.id,
                    title: &d.title,
                    date: d.date.as_deref(),
                    url: d.url.as_deref(),
                    body: &d.body,
                    lang: &d.lang,
                }),
            })
        }))
    }
}

/// One try at a call: its value, or the pieces it needs first.
type Attempt = Result<Result<JsValue, JsError>, Needs>;
/// A call, tried again as pieces arrive (boxed: one instance of the fetch loop for all).
type Call = Box<dyn Fn(&Index) -> Attempt>;

impl Scour {
    /// The call's value now when every piece it needs is loaded, else a promise of it.
    fn answer(&self, attempt: Call) -> Result<JsValue, JsError> {
        let first = attempt(&self.engine.borrow().index);
        match first {
            Ok(value) => value,
            Err(needs) => {
                let engine = Rc::clone(&self.engine);
                Ok(promise(Box::pin(async move {
                    settle(engine, attempt, needs).await.map_err(JsValue::from)
                }))
                .into())
            }
        }
    }
}

/// Fetches what `attempt` needs (first `needs`, from the try that failed) until it answers.
/// A damaged piece is fetched again past every cache, once: a copy a cache kept (an upload cut
/// off, a host's page kept as the piece, a year under `immutable`); a later call fetches it so
/// again while it stays damaged. A stale piece (the index was rebuilt) makes the entry be read
/// again, once.
async fn settle(
    engine: Rc<RefCell<Engine>>,
    attempt: Call,
    mut needs: Needs,
) -> Result<JsValue, JsError> {
    let (mut reopened, mut reloaded) = (false, false);
    for _ in 0..MAX_ROUNDS {
        match fetch_pieces(&engine, needs).await {
            Ok(()) => {}
            // The damaged pieces are asked for again in the next round, past every cache.
            Err(Failure::Damaged { .. }) if !reloaded => reloaded = true,
            Err(failure) => match failure.settled() {
                Failure::Stale(_) if !reopened => {
                    reopened = true;
                    reopen(&engine).await?;
                }
                Failure::Stale(error) | Failure::Other(error) | Failure::Damaged { error, .. } => {
                    return Err(error)
                }
            },
        }
        needs = match attempt(&engine.borrow().index) {
            Ok(value) => return value,
            Err(needs) => needs,
        };
    }
    Err(JsError::new(
        "the index keeps asking for pieces it does not get: rebuild it with scour index",
    ))
}

/// What a piece the server does not have says, after its fetch's failure.
const PIECE_GONE: &str =
    ": the index names a piece the server does not have; publish every file of its folder together";

/// Why pieces could not be added.
enum Failure {
    /// The piece belongs to another build, or the server lacks it: the entry is read again.
    Stale(JsError),
    /// The bytes fetched are not the piece (`page`: a web page): fetched again past caches.
    Damaged {
        error: JsError,
        page: bool,
    },
    Other(JsError),
}

impl Failure {
    /// The failure of a piece fetched past caches too: a web page there is the host's answer
    /// for a file it lacks (a single-page app's fallback), as a 404 is.
    fn settled(self) -> Failure {
        match self {
            Failure::Damaged { error, page: true } => Failure::Stale(error),
            Failure::Damaged { error, .. } => Failure::Other(error),
            other => other,
        }
    }
}

/// Fetches pieces concurrently (joining fetches already on their way) and adds them.
async fn fetch_pieces(engine: &Rc<RefCell<Engine>>, needs: Needs) -> Result<(), Failure> {
    let requests: Vec<_> = {
        let mut e = engine.borrow_mut();
        let base = e.source.as_ref().map(|s| s.0.clone()).unwrap_or_default();
        needs
            .0
            .into_iter()
            .map(|piece| {
                let url = resolve(&e.index.piece_file(piece), &base);
                // A damaged piece is fetched anew, never joined to a fetch that may read the
                // cached copy.
                let damaged = e.damaged.iter().position(|u| *u == url);
                if let Some(at) = damaged {
                    e.damaged.swap_remove(at);
                    e.in_flight.retain(|(u, _)| *u != url);
                }
                let promise = match e.in_flight.iter().find(|(u, _)| *u == url) {
                    Some((_, promise)) => promise.clone(),
                    None => {
                        let cache = if damaged.is_some() {
                            Cache::Reload
                        } else {
                            Cache::Use
                        };
                        let promise = fetch_buffer(url.clone(), cache, e.answer_within);
                        e.in_flight.push((url.clone(), promise.clone()));
                        promise
                    }
                };
                (piece, url, promise)
            })
            .collect()
    };
    let mut failure = None;
    for (piece, url, promise) in requests {
        let fetched = wasm_bindgen_futures::JsFuture::from(promise).await;
        engine.borrow_mut().in_flight.retain(|(u, _)| *u != url);
        let result = fetched
            .map_err(fetch_failure)
            .and_then(|buffer| insert(engine, piece, &buffer, &url));
        if let Err(error) = result {
            failure.get_or_insert(error);
        }
    }
    failure.map_or(Ok(()), Err)
}

/// Why a piece's fetch failed: a piece the server does not have belongs to an index since
/// rebuilt.
fn fetch_failure(e: JsValue) -> Failure {
    if Reflect::get(&e, &"status".into()).ok() == Some(JsValue::from(404)) {
        // Said only if reading the entry again does not mend it.
        Failure::Stale(JsError::new(&[&describe(&e), PIECE_GONE].concat()))
    } else {
        Failure::Other(JsError::new(&describe(&e)))
    }
}

/// Adds the piece fetched from `url` (its bytes in `buffer`) to the engine's index.
fn insert(
    engine: &Rc<RefCell<Engine>>,
    piece: PieceId,
    buffer: &JsValue,
    url: &str,
) -> Result<(), Failure> {
    let bytes = js_sys::Uint8Array::new(buffer).to_vec();
    let mut e = engine.borrow_mut();
    let inserted = e.index.insert(piece, bytes);
    inserted.map_err(|error| {
        let message = located(url, &error);
        match error {
            FormatError::Stale(_) => Failure::Stale(message),
            _ => {
                if !e.damaged.iter().any(|u| u == url) {
                    e.damaged.push(url.to_string());
                }
                Failure::Damaged {
                    error: message,
                    page: matches!(error, FormatError::NotAnIndex(Foreign::Html)),
                }
            }
        }
    })
}

/// Reads the entry file (or language table) again, for an index rebuilt since it was opened.
async fn reopen(engine: &Rc<RefCell<Engine>>) -> Result<(), JsError> {
    let (url, lang) = engine.borrow().source.clone().unwrap_or_default();
    let answer_within = engine.borrow().answer_within;
    let bytes = fetch_bytes(&url, Cache::Revalidate, answer_within).await?;
    engine.borrow_mut().index = open_chunked(&bytes, &url, lang.as_deref(), answer_within).await?;
    Ok(())
}

/// The chunked index whose entry (or language table) `bytes` were fetched from `url`: for a
/// table, the entry of the index searching `lang` is fetched (waiting `answer_within` ms at
/// most for the answer).
async fn open_chunked(
    bytes: &[u8],
    url: &str,
    lang: Option<&str>,
    answer_within: u32,
) -> Result<Index, JsError> {
    let at_url = |e: FormatError| located(url, &e);
    if !codec::is_language_table(bytes) {
        let entry = codec::decode_entry(bytes).map_err(at_url)?;
        return Ok(served(Index::from_entry(entry, bytes.len()), url));
    }
    let chosen = codec::decode_language_table(bytes)
        .map_err(at_url)?
        .select(lang);
    let entry_url = resolve(&codec::entry_file(chosen.entry), url);
    let entry_bytes = fetch_bytes(&entry_url, Cache::Use, answer_within).await?;
    let entry = codec::decode_language_entry(&entry_bytes, chosen, &entry_url)
        .map_err(|e| located(&entry_url, &e))?;
    let index = Index::from_entry(entry, bytes.len() + entry_bytes.len());
    Ok(served(index, url))
}

/// `index`, fetched from `url`, with its pages' relative URLs resolved against the site's root
/// (the folder it says is the root: its path, on the page's own origin).
fn served(mut index: Index, url: &str) -> Index {
    if let Some(root) = index
        .site_root()
        .and_then(|levels| site_root(url, levels).ok())
    {
        index.serve_from(root);
    }
    index
}

/// The URL of the page (or worker) running the engine.
fn page_url() -> String {
    Reflect::get(&js_sys::global(), &"location".into())
        .and_then(|location| Reflect::get(&location, &"href".into()))
        .ok()
        .and_then(|href| href.as_string())
        .unwrap_or_default()
}

/// `file` relative to `base`.
fn resolve(file: &str, base: &str) -> String {
    web_sys::Url::new_with_base(file, base)
        .map(|u| u.href())
        .unwrap_or_else(|_| file.to_string())
}

/// A string argument, or an `Error` naming it (a number or an object is not text).
fn text_argument(value: &JsValue, what: &str) -> Result<String, JsError> {
    value
        .as_string()
        .ok_or_else(|| JsError::new(&[what, " must be a string"].concat()))
}

/// A URL given as a string or a `URL` object.
fn url_argument(value: &JsValue) -> Result<String, JsError> {
    match value.dyn_ref::<web_sys::Url>() {
        Some(url) => Ok(url.href()),
        None => text_argument(value, "the url (a string or a URL)"),
    }
}

/// The bytes of a `Uint8Array` (a Node `Buffer` is one) or an `ArrayBuffer`, copied once:
/// wasm-bindgen would read anything else as no bytes at all, and the index would be blamed.
fn byte_argument(value: &JsValue, what: &str) -> Result<Vec<u8>, JsError> {
    if let Some(array) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(array.to_vec());
    }
    if value.is_instance_of::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(value).to_vec());
    }
    Err(JsError::new(
        &[what, " must be a Uint8Array or an ArrayBuffer"].concat(),
    ))
}

fn parse_options(options: &JsValue) -> Result<SearchOptions, JsError> {
    search_options(options, false).map_err(|e| JsError::new(&["search options: ", &e].concat()))
}

fn js_results(results: scour_core::SearchResults) -> Result<JsResults, JsError> {
    Ok(JsResults {
        hits: crate::hits::to_js(&results.hits),
        total: results.total as u32,
        facets: facet_counts(results.facets)?,
        suggestion: results.suggestion,
    })
}

#[wasm_bindgen(module = "/src/options.js")]
extern "C" {
    /// Which of the options' fields are set: a bit each, in the order of [`Field`]; with
    /// `load`, of `Scour.load`'s options.
    #[wasm_bindgen(js_name = optionsSet)]
    fn options_set(options: &JsValue, load: bool) -> u32;
    /// Why `options` hold a field that a search (with `load`, `Scour.load`) has none of.
    #[wasm_bindgen(js_name = unknownOption)]
    fn unknown_option(options: &JsValue, load: bool) -> JsValue;
}

/// The fields of a search's options object, numbered as `src/options.js` numbers them.
#[derive(Clone, Copy)]
enum Field {
    Limit,
    Offset,
    Facets,
    Lang,
    DateFrom,
    DateTo,
    Sort,
    Filters,
}

/// What `src/options.js` says of options that are no object: the bit after the fields'
/// (`Filters` is the last, as in its `FIELDS`).
const NOT_AN_OBJECT: u32 = 1 << (Field::Filters as u32 + 1);
/// What it says of options with a field of their own, which [`unknown_option`] explains.
const UNKNOWN: u32 = NOT_AN_OBJECT << 1;

#[wasm_bindgen]
extern "C" {
    /// A search's options object, each field read by a getter of its own: a keystroke's call
    /// then passes no field name across the boundary, as `Reflect::get` would.
    type OptionsObject;
    #[wasm_bindgen(method, getter, catch)]
    fn limit(this: &OptionsObject) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn offset(this: &OptionsObject) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn facets(this: &OptionsObject) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn lang(this: &OptionsObject) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter = dateFrom, catch)]
    fn date_from(this: &OptionsObject) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter = dateTo, catch)]
    fn date_to(this: &OptionsObject) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn sort(this: &OptionsObject) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn filters(this: &OptionsObject) -> Result<JsValue, JsValue>;
}

/// Reads `{ limit, offset, facets, lang, dateFrom, dateTo, sort, filters }`; every field is
/// optional. With `load`, `Scour.load`'s options: `{ lang, bytes, timeout }` (the others read
/// elsewhere).
fn search_options(value: &JsValue, load: bool) -> Result<SearchOptions, String> {
    let mut options = SearchOptions::default();
    let set = options_set(value, load);
    if set == NOT_AN_OBJECT {
        return Err("expected an object of named options".into());
    }
    if set == UNKNOWN {
        return Err(unknown_option(value, load).as_string().unwrap_or_default());
    }
    let value: &OptionsObject = value.unchecked_ref();
    // Only a field set is read; one whose getter throws reads as absent.
    let field = |field: Field, read: fn(&OptionsObject) -> Result<JsValue, JsValue>| {
        if set & (1 << field as u32) == 0 {
            return None;
        }
        let read = read(value).unwrap_or(JsValue::UNDEFINED);
        (!read.is_undefined() && !read.is_null()).then_some(read)
    };
    if let Some(limit) = count(field(Field::Limit, OptionsObject::limit), "limit")? {
        if limit > MAX_LIMIT {
            return Err([
                "limit must be a whole number from 0 to ",
                &decimal(MAX_LIMIT as u64),
            ]
            .concat());
        }
        options.limit = limit;
    }
    if let Some(offset) = count(field(Field::Offset, OptionsObject::offset), "offset")? {
        options.offset = offset;
    }
    if let Some(facets) = field(Field::Facets, OptionsObject::facets) {
        options.facets = facets.as_bool().ok_or("facets must be true or false")?;
    }
    options.lang = text(field(Field::Lang, OptionsObject::lang), "lang")?;
    options.date_from = date(field(Field::DateFrom, OptionsObject::date_from), "dateFrom")?;
    options.date_to = date(field(Field::DateTo, OptionsObject::date_to), "dateTo")?;
    options.sort = match text(field(Field::Sort, OptionsObject::sort), "sort")?.as_deref() {
        None | Some("relevance") => Sort::Relevance,
        Some("date") => Sort::Date,
        Some(other) => {
            return Err([
                "sort must be \"relevance\" or \"date\", not \"",
                other,
                "\"",
            ]
            .concat())
        }
    };
    if let Some(filters) = field(Field::Filters, OptionsObject::filters) {
        // An array is an object too, whose indexes would name filters no index has; a Map's
        // entries are no properties, and would read as no filter at all.
        let object: &Object = (filters.is_object()
            && !Array::is_array(&filters)
            && !filters.is_instance_of::<js_sys::Map>())
        .then(|| filters.unchecked_ref())
        .ok_or("filters must be an object like { tag: [\"a\", \"b\"] }")?;
        for entry in Object::entries(object).iter() {
            let entry: Array = entry.unchecked_into();
            let name = entry.get(0).as_string().unwrap_or_default();
            let values = entry.get(1);
            // Unset, as an option is: `{ tag: selected.tag }` with nothing selected.
            if values.is_undefined() || values.is_null() {
                continue;
            }
            let values: Vec<String> = match values.as_string() {
                Some(one) => vec![one],
                None => values
                    .dyn_ref::<Array>()
                    .ok_or_else(|| {
                        [
                            "filters.",
                            &name,
                            " must be a string or an array of strings",
                        ]
                        .concat()
                    })?
                    .iter()
                    .map(|v| {
                        v.as_string()
                            .ok_or_else(|| ["filters.", &name, " must hold strings only"].concat())
                    })
                    .collect::<Result<_, _>>()?,
            };
            options.filters.push((name, values));
        }
    }
    Ok(options)
}

/// A field's value, when set, as a whole number.
fn count(value: Option<JsValue>, name: &str) -> Result<Option<usize>, String> {
    let Some(value) = value else {
        return Ok(None);
    };
    // Past what an index can hold, a count is as good as the most (the cast saturates).
    match value.as_f64() {
        Some(n) if n >= 0.0 && n.fract() == 0.0 => Ok(Some(n as usize)),
        _ => Err([name, " must be a whole number of at least 0"].concat()),
    }
}

/// A field's value, when set, as a string.
fn text(value: Option<JsValue>, name: &str) -> Result<Option<String>, String> {
    let Some(value) = value else {
        return Ok(None);
    };
    value
        .as_string()
        .map(Some)
        .ok_or_else(|| [name, " must be a string"].concat())
}

/// A field's value, when set, as a date.
fn date(value: Option<JsValue>, name: &str) -> Result<Option<String>, String> {
    let date = text(value, name)?;
    match &date {
        Some(d) if !scour_core::date::is_date(d) => Err([
            name,
            " must be a date that exists, like \"2025-02-22\", not \"",
            d,
            "\"",
        ]
        .concat()),
        _ => Ok(date),
    }
}

/// `{ filter: { value: count } }`, each key an own property.
fn facet_counts(facets: scour_core::Facets) -> Result<JsValue, JsError> {
    let pairs: Vec<(String, Vec<(String, u32)>)> = facets
        .into_iter()
        .map(|(name, counts)| {
            let counts = counts.into_iter().map(|(value, n)| (value, n as u32));
            (name, counts.collect())
        })
        .collect();
    Ok(crate::hits::facets_from(to_js(&pairs)?))
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&describe(&e.into())))
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch)]
    fn fetch_with(url: &str, init: &Object) -> js_sys::Promise;
    type AbortController;
    #[wasm_bindgen(constructor)]
    fn new() -> AbortController;
    #[wasm_bindgen(method, getter)]
    fn signal(this: &AbortController) -> JsValue;
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, ms: u32, argument: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(timer: &JsValue);
}

/// The most milliseconds a timer waits: past a signed 32-bit count, `setTimeout` fires at once.
const MOST_MS: u32 = i32::MAX as u32;

/// `load`'s `{ timeout }`: a whole number of milliseconds from 1 to [`MOST_MS`], else the default.
fn timeout_option(options: &JsValue) -> Result<u32, JsError> {
    let given = Reflect::get(options, &"timeout".into()).unwrap_or(JsValue::UNDEFINED);
    if given.is_undefined() || given.is_null() {
        return Ok(ANSWER_WITHIN_MS);
    }
    match given.as_f64() {
        Some(ms) if ms >= 1.0 && ms <= f64::from(MOST_MS) && ms.fract() == 0.0 => Ok(ms as u32),
        _ => Err(JsError::new(
            "timeout must be a whole number of milliseconds from 1 to 2147483647",
        )),
    }
}

/// How a fetch may use the browser's caches (the HTTP cache and the `offline` worker's).
#[derive(Clone, Copy)]
enum Cache {
    /// A copy in a cache answers: pieces, named by their content.
    Use,
    /// Caches check with the server first: an entry file, which a new build changes.
    Revalidate,
    /// The server answers, and caches keep its answer: a cached copy that is damaged.
    Reload,
}

/// The body of `url` as an `ArrayBuffer`, or why there is none: a server that has not answered
/// within `answer_within` ms is given up on, and so is one whose body has stopped coming for as
/// long (a slow connection may take longer over a whole file than the server took to answer, as
/// long as it keeps coming).
async fn fetch_within(url: &str, cache: Cache, answer_within: u32) -> Result<JsValue, JsValue> {
    let init = Object::new();
    let mode = match cache {
        Cache::Use => None,
        Cache::Revalidate => Some("no-cache"),
        Cache::Reload => Some("reload"),
    };
    if let Some(mode) = mode {
        let _ = Reflect::set(&init, &"cache".into(), &mode.into());
    }
    let controller = AbortController::new();
    let _ = Reflect::set(&init, &"signal".into(), &controller.signal());
    let abort: js_sys::Function = Reflect::get(&controller, &"abort".into())?.unchecked_into();
    let why = JsError::new(
        &[
            "no answer within ",
            &decimal(u64::from(answer_within)),
            " ms: check the connection and that the server is up, then try again",
        ]
        .concat(),
    );
    let (abort, why) = (abort.bind0(&controller), JsValue::from(why));
    let timer = set_timeout(&abort, answer_within, &why);
    let response = wasm_bindgen_futures::JsFuture::from(fetch_with(url, &init)).await;
    clear_timeout(&timer);
    response_buffer(response, url, (answer_within, &abort, &why)).await
}

/// Fetches a whole file, using caches as `cache` says.
async fn fetch_bytes(url: &str, cache: Cache, answer_within: u32) -> Result<Vec<u8>, JsError> {
    let buffer = fetch_within(url, cache, answer_within)
        .await
        .map_err(|e| JsError::new(&describe(&e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A promise of a piece's bytes as an `ArrayBuffer`, which any number of calls can read. Its
/// rejection is handled from the start: one failing while an earlier piece is awaited is no
/// unhandled rejection (which ends a Node process); each call awaiting it still sees it.
fn fetch_buffer(url: String, cache: Cache, answer_within: u32) -> js_sys::Promise {
    handled(promise(Box::pin(async move {
        fetch_within(&url, cache, answer_within).await
    })))
}

/// A future run as a promise; boxed, so that one instance of the machinery serves all.
fn promise(
    future: std::pin::Pin<Box<dyn std::future::Future<Output = Result<JsValue, JsValue>>>>,
) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(future)
}

/// The body of a fetch's response as an `ArrayBuffer`, or why there is none: read as it
/// comes, `abort(why)` called once none of it has come for `ms` milliseconds.
/// A failure is an `Error` value; an HTTP error status is its `status` property.
async fn response_buffer(
    response: Result<JsValue, JsValue>,
    url: &str,
    (ms, abort, why): (u32, &js_sys::Function, &JsValue),
) -> Result<JsValue, JsValue> {
    let failed = |e: JsValue| {
        JsValue::from(JsError::new(
            &["cannot fetch ", url, ": ", &describe(&e)].concat(),
        ))
    };
    let response: web_sys::Response = response.map_err(failed)?.dyn_into().map_err(failed)?;
    if !response.ok() {
        let error = JsError::new(
            &[
                "cannot fetch ",
                url,
                ": the server answered ",
                &decimal(u64::from(response.status())),
                " ",
                &response.status_text(),
            ]
            .concat(),
        );
        let value = JsValue::from(error);
        let _ = Reflect::set(&value, &"status".into(), &response.status().into());
        return Err(value);
    }
    wasm_bindgen_futures::JsFuture::from(body_while_coming(&response, ms, abort, why))
        .await
        .map_err(failed)
}

#[wasm_bindgen(module = "/src/fetch.js")]
extern "C" {
    /// `promise`, a rejection of which is handled from now on: each caller awaiting it still
    /// sees it.
    fn handled(promise: js_sys::Promise) -> js_sys::Promise;
    /// A promise of the body of a response as an `ArrayBuffer`, read as it comes:
    /// `abort` is called (with `why`) once none of it has come for `ms` milliseconds.
    #[wasm_bindgen(js_name = bodyWhileComing)]
    fn body_while_coming(
        response: &web_sys::Response,
        ms: u32,
        abort: &js_sys::Function,
        why: &JsValue,
    ) -> js_sys::Promise;
    /// The site's root, `levels` folders above the index fetched from `url`: its path on the
    /// page's origin, else its URL; an error for a `url` that is not absolute.
    #[wasm_bindgen(js_name = siteRoot, catch)]
    fn site_root(url: &str, levels: u32) -> Result<String, JsValue>;
}

/// An index error as a JS `Error`, naming the file it came from.
fn located(file: &str, error: &FormatError) -> JsError {
    JsError::new(&[file, ": ", &error.message()].concat())
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

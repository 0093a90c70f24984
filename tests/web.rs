//! The real wasm module in a real browser: `wasm-pack test --headless --chrome`.
//!
//! Native `cargo test` skips this file (wasm32 only).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use scour::wasm::Scour;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn limit(n: u32) -> JsValue {
    let options = Object::new();
    Reflect::set(&options, &"limit".into(), &n.into()).unwrap();
    options.into()
}

fn message(error: wasm_bindgen::JsError) -> String {
    let value = JsValue::from(error);
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

fn open() -> Scour {
    Scour::new().unwrap_or_else(|e| panic!("the embedded index does not open: {}", message(e)))
}

#[wasm_bindgen_test]
fn embedded_index_finds_tianjin() {
    let scour = open();
    let hits = scour
        .search("Tianjin", limit(10))
        .unwrap_or_else(|e| panic!("search failed: {}", message(e)));
    let hits: Array = hits.dyn_into().expect("search() returns an array");
    assert!(hits.length() >= 1, "no hit for Tianjin");
    let first = hits.get(0);
    assert_eq!(
        get(&first, "id").as_string().as_deref(),
        Some("002_99d606bfa40b6113")
    );
    assert_eq!(
        get(&first, "title").as_string().as_deref(),
        Some("Putin and Xi Discuss Latest Russia-US Diplomatic Exchanges")
    );

    // The excerpt's match offsets are UTF-16 indices that select "Tianjin".
    let excerpt = get(&first, "excerpt")
        .as_string()
        .expect("excerpt is a string");
    let matches: Array = get(&first, "excerptMatches")
        .dyn_into()
        .expect("excerptMatches is an array");
    assert!(matches.length() >= 1, "no excerpt match in {excerpt:?}");
    let utf16: Vec<u16> = excerpt.encode_utf16().collect();
    let found = matches.iter().any(|m| {
        let m: Array = m.dyn_into().expect("a match is [start, end]");
        let (start, end) = (
            m.get(0).as_f64().unwrap() as usize,
            m.get(1).as_f64().unwrap() as usize,
        );
        String::from_utf16_lossy(&utf16[start..end]).eq_ignore_ascii_case("tianjin")
    });
    assert!(found, "no excerpt match selects \"Tianjin\" in {excerpt:?}");
}

#[wasm_bindgen_test]
fn search_accepts_no_options() {
    let scour = open();
    let hits = scour
        .search("tianjin", JsValue::UNDEFINED)
        .unwrap_or_else(|e| panic!("search without options failed: {}", message(e)));
    assert!(Array::is_array(&hits));
}

#[wasm_bindgen_test]
fn from_bytes_rejects_garbage_with_a_message() {
    let garbage = b"this is not a scour index, just some bytes \x00\x01\x02\xff".repeat(3);
    let error = match Scour::from_bytes(&garbage) {
        Ok(_) => panic!("fromBytes accepted garbage"),
        Err(e) => message(e),
    };
    assert!(
        error.to_lowercase().contains("index"),
        "the error should mention the index: {error:?}"
    );

    let empty = match Scour::from_bytes(&[]) {
        Ok(_) => panic!("fromBytes accepted an empty buffer"),
        Err(e) => message(e),
    };
    assert!(!empty.is_empty());
}

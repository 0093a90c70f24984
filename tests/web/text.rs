//! Match ranges are UTF-16 indices into the JS strings: checked on text where UTF-8 bytes,
//! code points and UTF-16 units all differ (accents, emoji, flags, CJK).

use scour_core::Document;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::*;

const TITLE: &str = "🎉 Café Tianjín";
const BODY: &str =
    "🎉🎉 Le Café de Flore 🇫🇷 — a naïve señor visited Tianjín; 北京 and 東京 came next. \
     😀 Zoë said “ça va” to the señor. 𝒜 Straße is a street.";

fn unicode_scour() -> scour::wasm::Scour {
    open(&[
        Document::new("u1", TITLE, BODY),
        Document::new("u2", "Plain", "Nothing to see here but a cafe."),
    ])
}

/// The words the hit for `id` marks in its excerpt and title, sliced as JS slices them.
fn marked(query: &str, id: &str) -> (Vec<String>, Vec<String>) {
    let hits = hit_list(now(
        ok(
            unicode_scour().search(query.into(), JsValue::UNDEFINED),
            query,
        ),
        query,
    ));
    let hit = hits
        .iter()
        .find(|h| get(h, "id").as_string().as_deref() == Some(id))
        .unwrap_or_else(|| panic!("{query:?} does not find {id}: {:?}", ids(&hits)));
    let excerpt = get(hit, "excerpt").as_string().unwrap();
    let title = get(hit, "title").as_string().unwrap();
    let slices = |text: &str, key: &str| -> Vec<String> {
        ranges(&get(hit, key))
            .into_iter()
            .map(|r| js_slice(text, r))
            .collect()
    };
    (
        slices(&excerpt, "excerptMatches"),
        slices(&title, "titleMatches"),
    )
}

#[wasm_bindgen_test]
fn accented_words_are_found_unaccented_and_marked_as_written() {
    let (excerpt, title) = marked("cafe", "u1");
    assert_eq!(excerpt, ["Café"]);
    assert_eq!(title, ["Café"]);
    assert_eq!(marked("naive", "u1").0, ["naïve"]);
    assert_eq!(marked("senor", "u1").0, ["señor", "señor"]);
    assert_eq!(marked("señor", "u1").0, ["señor", "señor"]);
    assert_eq!(marked("zoe", "u1").0, ["Zoë"]);
    let (excerpt, title) = marked("tianjin", "u1");
    assert_eq!(excerpt, ["Tianjín"]);
    assert_eq!(title, ["Tianjín"]);
}

#[wasm_bindgen_test]
fn ranges_after_emoji_and_astral_letters_count_utf16_units() {
    // "Straße" follows a flag (4 units), emoji (2 each) and 𝒜 (2 units, one code point).
    assert_eq!(marked("strasse", "u1").0, ["Straße"]);
    assert_eq!(marked("street", "u1").0, ["street"]);
    let (excerpt, _) = marked("visited", "u1");
    assert_eq!(excerpt, ["visited"]);
}

/// Chinese and Japanese are cut into overlapping bigrams, a run of two ideographs being one
/// word (core/src/segment.rs): a lone ideograph finds the runs it ends (their tails) alone, and
/// a two-ideograph word is marked whole, in UTF-16 units, typed with or without a space after
/// it, quoted, or beside another.
#[wasm_bindgen_test]
fn ideographs_are_cut_into_bigrams() {
    let lone = hit_list(now(
        ok(
            unicode_scour().search("京".into(), JsValue::UNDEFINED),
            "京",
        ),
        "京",
    ));
    assert_eq!(ids(&lone), ["u1"]);
    assert_eq!(marked("京", "u1").0, ["京", "京"]);
    assert_eq!(marked("北京", "u1").0, ["北京"]);
    assert_eq!(marked("北京 ", "u1").0, ["北京"]);
    assert_eq!(marked("\"東京\"", "u1").0, ["東京"]);
    assert_eq!(marked("東京 北京 ", "u1").0, ["北京", "東京"]);
    let stored = ok(unicode_scour().document("u1".into()), "document");
    assert_eq!(get(&stored, "body").as_string().as_deref(), Some(BODY));
    assert_eq!(get(&stored, "title").as_string().as_deref(), Some(TITLE));
}

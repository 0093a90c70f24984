//! Search hits written for `src/hits.js`, which builds their JS objects: every string joined
//! into one, and numbers saying where each string is and holding the rest (the layout is
//! described there). Match ranges become UTF-16 indices, the unit of JS strings.

use std::ops::Range;

use scour_core::{Hit, SectionHit};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/hits.js")]
extern "C" {
    #[wasm_bindgen(js_name = hitsFrom)]
    fn hits_from(text: &str, numbers: &[f64]) -> JsValue;

    /// `{ filter: { value: count } }` from the same as arrays of pairs.
    #[wasm_bindgen(js_name = facetsFrom)]
    pub fn facets_from(filters: JsValue) -> JsValue;
}

/// The hits as an array of plain objects.
pub fn to_js(hits: &[Hit]) -> JsValue {
    let mut record = Record::default();
    record.number(hits.len());
    for hit in hits {
        record.hit(hit);
    }
    hits_from(&record.text, &record.numbers)
}

#[derive(Default)]
struct Record {
    text: String,
    /// UTF-16 units in `text`.
    units: usize,
    numbers: Vec<f64>,
}

impl Record {
    fn number(&mut self, n: usize) {
        self.numbers.push(n as f64);
    }

    fn string(&mut self, s: &str) {
        let units = utf16_len(s);
        self.numbers.extend([self.units as f64, units as f64]);
        self.text.push_str(s);
        self.units += units;
    }

    fn optional(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.numbers.extend([-1.0, 0.0]),
        }
    }

    /// Byte ranges of `text` as `[start, end]` UTF-16 indices. The ranges come in text
    /// order, so each index counts on from the one before; ASCII text counts a unit a byte.
    fn ranges(&mut self, text: &str, ranges: &[Range<usize>]) {
        self.number(ranges.len());
        let (mut counted, mut units) = (0, 0);
        for &byte in ranges.iter().flat_map(|r| [&r.start, &r.end]) {
            if byte < counted {
                (counted, units) = (0, 0);
            }
            units += utf16_len(&text[counted..byte]);
            counted = byte;
            self.number(units);
        }
    }

    fn hit(&mut self, hit: &Hit) {
        self.string(&hit.id);
        self.string(&hit.title);
        self.optional(hit.date.as_deref());
        self.optional(hit.url.as_deref());
        self.number(hit.meta.len());
        for (key, value) in &hit.meta {
            self.string(key);
            self.string(value);
        }
        self.numbers.push(f64::from(hit.score));
        self.string(&hit.excerpt);
        self.ranges(&hit.excerpt, &hit.excerpt_matches);
        self.ranges(&hit.title, &hit.title_matches);
        self.number(hit.sections.len());
        for section in &hit.sections {
            self.section(section);
        }
    }

    fn section(&mut self, section: &SectionHit) {
        self.string(&section.title);
        self.string(&section.anchor);
        self.optional(section.url.as_deref());
        self.string(&section.excerpt);
        self.ranges(&section.excerpt, &section.excerpt_matches);
        self.ranges(&section.title, &section.title_matches);
    }
}

/// A character takes one UTF-16 unit, two past the Basic Multilingual Plane: those whose
/// UTF-8 takes four bytes, led by a byte from `0xf0`.
fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count() + s.bytes().filter(|&b| b >= 0xf0).count()
    }
}

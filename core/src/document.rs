//! The document: what a corpus reader hands to the index builder, whatever the source format.

use std::collections::BTreeMap;

/// One searchable document, as read from a corpus file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// Stable identifier, unique within a corpus (a file stem or a JSONL `id`).
    pub id: String,
    /// Shown as the hit's heading; searched with a higher weight than the body.
    pub title: String,
    /// Plain text; excerpts are cut from it.
    pub body: String,
    /// `YYYY-MM-DD`, when the source names one.
    pub date: Option<String>,
    /// Where a hit links to, when the source names one.
    pub url: Option<String>,
    /// Ranking multiplier (front matter `weight`); 1.0 when unset.
    pub weight: f32,
    /// Free metadata shown with a hit, never searched (`author`, `image`, ...).
    pub meta: BTreeMap<String, String>,
    /// Filter facets: name to values (`tag` -> `["rust", "wasm"]`).
    pub filters: BTreeMap<String, Vec<String>>,
    /// The parts of the body that start at a heading with an anchor, in body order.
    pub sections: Vec<Section>,
    /// The language tag the source gives (`fr-CA`), if any; the builder's language otherwise.
    pub lang: Option<String>,
}

/// A part of a page that starts at a heading with an anchor: a hit shows its best-matching
/// sections as sub-results linking to `url#anchor`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Section {
    /// The heading's `id` (HTML) or generated slug (Markdown), without the `#`.
    pub anchor: String,
    /// The heading's text.
    pub title: String,
    /// Byte offset in the body where the heading's text starts; the section runs to the next
    /// section's start, or to the end of the body.
    pub start: u32,
}

impl Section {
    /// Whether `sections` can be cut from `body`: anchors non-empty, starts strictly
    /// increasing and on character boundaries of the body.
    pub fn fit(sections: &[Section], body: &str) -> bool {
        let mut previous: Option<u32> = None;
        sections.iter().all(|section| {
            let start = section.start as usize;
            let fits = !section.anchor.is_empty()
                && body.is_char_boundary(start)
                && previous.is_none_or(|p| p < section.start);
            previous = Some(section.start);
            fits
        })
    }
}

impl Document {
    /// A document with only the required fields set.
    pub fn new(id: impl Into<String>, title: impl Into<String>, body: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            title: title.into(),
            body: body.into(),
            weight: 1.0,
            ..Document::default()
        }
    }
}

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

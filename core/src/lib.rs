//! scour-core: the search engine shared by the build script, the CLI and the wasm module.
//!
//! Documents go through [`analysis`] into an [`IndexBuilder`], which inverts them into an
//! [`Index`]; [`codec`] turns an index into bytes and back; [`Index::search`] parses a
//! [`query`] and ranks matches with [`ranking`], cutting [`excerpt`]s for the hits.

pub mod analysis;
pub mod builder;
pub mod codec;
pub mod dictionary;
pub mod document;
pub mod excerpt;
mod fold_table;
pub mod index;
pub mod matching;
pub mod postings;
pub mod query;
pub mod ranking;
pub mod search;
mod sort;

pub use builder::IndexBuilder;
pub use codec::FormatError;
pub use document::Document;
pub use index::{Index, Stats, StoredDocument};
pub use query::{Query, Syntax};
pub use ranking::Weights;
pub use search::{Facets, Hit, SearchOptions, SearchResults, Sort};

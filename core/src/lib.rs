//! scour-core: the search engine shared by the build script, the CLI and the wasm module.
//!
//! Documents go through [`analysis`] into an [`IndexBuilder`], which inverts them into the
//! [`pieces`] of an index; [`codec`] turns them into files (one, or an entry and pieces a
//! browser fetches as queries need them) and back into an [`Index`]; [`Index::search`]
//! parses a [`query`] and ranks matches with [`ranking`], cutting [`excerpt`]s for the hits
//! and picking their best sections as [`subresults`].

pub mod analysis;
pub mod builder;
pub mod bytes;
pub mod codec;
mod compose;
mod cursor;
pub mod date;
pub mod dictionary;
pub mod document;
mod document_set;
pub mod excerpt;
pub mod first_page;
mod fold_table;
pub mod index;
pub mod language;
mod lowercase;
pub mod matching;
pub mod message;
pub mod pieces;
pub mod places;
pub mod postings;
pub mod query;
pub mod ranking;
mod recent;
pub mod search;
pub mod segment;
mod sort;
mod stop_words;
pub mod subresults;
pub mod synonyms;
#[cfg(test)]
mod testing;

pub use builder::{IndexBuilder, Thinned, Written};
pub use bytes::{Bytes, Text};
pub use codec::{ChunkedFiles, FormatError, IndexFiles};
pub use document::{Document, Section};
pub use index::{Index, Stats};
pub use pieces::{Layout, Needs, PieceId, StoredDocument};
pub use query::{Query, Syntax};
pub use ranking::Weights;
pub use search::{Facets, Hit, SearchOptions, SearchResults, Sort};
pub use subresults::SectionHit;

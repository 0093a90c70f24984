//! scour-core: the search engine shared by the build script, the CLI and the wasm module.

pub mod document;

pub use document::Document;

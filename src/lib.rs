//! Scour: the index embedded at build time, and the wasm API over it.
//!
//! `build.rs` indexes the corpus into `$OUT_DIR/index.bin`; this crate embeds those bytes.
//! The engine itself is `scour-core`.

pub use scour_core::{codec, FormatError, Index, SearchOptions, SearchResults};

pub mod allocator;
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
mod hits;
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub mod wasm;

/// The encoded index of the corpus this crate was built with (empty without the `embedded`
/// feature).
pub static EMBEDDED_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

/// Opens the embedded index.
pub fn embedded_index() -> Result<Index, FormatError> {
    codec::decode(EMBEDDED_INDEX)
}

/// The browser engine's allocator: free lists of small blocks (see [`allocator`]) in front of
/// Talc, which is 2.0 KB less gzip than Rust's default for wasm, dlmalloc, and no slower
/// (docs/PERFORMANCE.md, "The weight, change by change").
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
#[global_allocator]
static ALLOCATOR: allocator::SmallBlocks<talc::wasm::WasmDynamicTalc> =
    allocator::SmallBlocks::new(talc::wasm::new_wasm_dynamic_allocator());

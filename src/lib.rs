//! Scour: the embedded index and the wasm API.

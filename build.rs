//! Cargo's build script for `scour`: the index embedded in the module, and for the command
//! line (native, or WASI for `npx scour-site`) the web bundle it writes, its version line and,
//! under WASI, its memory.

use std::{env, process};

#[path = "build/embedded_index.rs"]
mod embedded_index;
#[path = "build/web_bundle.rs"]
mod web_bundle;

/// The WASI indexer's initial memory: the allocator takes it whole at start, so indexing a
/// site of up to ~40,000 pages never grows the memory, each growth of which costs Node a
/// garbage collection (the PHP manual: 474 of them, 2.6 s of 6.4). Pages are committed only
/// when written, so a small site costs no more than before.
const WASI_INITIAL_MEMORY: u64 = 512 << 20;

fn main() {
    embedded_index::build();
    let target_os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let target_arch = env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    if target_arch == "wasm32" && target_os == "unknown" {
        return; // the browser engine: no command line
    }
    web_bundle::embed();
    println!(
        "cargo:rustc-env=SCOUR_FORMAT_VERSION={}",
        scour_core::codec::FORMAT_VERSION
    );
    if target_os == "wasi" {
        println!("cargo:rustc-link-arg-bins=--initial-memory={WASI_INITIAL_MEMORY}");
    }
}

/// Stops the build with `message`.
fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    process::exit(1);
}

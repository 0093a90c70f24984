//! The `scour` command line: search the embedded index or an index file, and more. Built
//! natively, and for wasm32-wasip1 (the indexer `npx scour-site` runs through `node:wasi`).

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
mod cli;

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn main() -> std::process::ExitCode {
    restore_default_sigpipe();
    #[cfg(target_os = "wasi")]
    enter_working_directory();
    cli::run()
}

/// WASI has no working directory of its own: the launcher (`npm/bin/scour-site.mjs`) opens
/// the whole file system as `/` and passes its working directory as `PWD`, so that relative
/// paths mean what they mean to the native `scour`.
#[cfg(target_os = "wasi")]
fn enter_working_directory() {
    if let Some(directory) = std::env::var_os("PWD") {
        // Unchanged on failure: paths are then relative to `/`, and errors name them.
        let _ = std::env::set_current_dir(directory);
    }
}

/// Lets `scour search … | head` end quietly when the reader closes the pipe, as Unix tools
/// do, instead of failing on a write error (Rust ignores SIGPIPE by default).
#[cfg(unix)]
fn restore_default_sigpipe() {
    extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
    }
    const SIGPIPE: i32 = 13;
    const SIG_DFL: usize = 0;
    // SAFETY: installs the default disposition for SIGPIPE before any thread or I/O exists.
    unsafe {
        signal(SIGPIPE, SIG_DFL);
    }
}

#[cfg(not(any(unix, all(target_arch = "wasm32", target_os = "unknown"))))]
fn restore_default_sigpipe() {}

/// The browser engine (wasm32-unknown-unknown) has no command line.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn main() {}

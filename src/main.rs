//! The `scour` command line: search the embedded index or an index file, and more.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    restore_default_sigpipe();
    cli::run()
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

#[cfg(all(not(unix), not(target_arch = "wasm32")))]
fn restore_default_sigpipe() {}

#[cfg(target_arch = "wasm32")]
fn main() {}

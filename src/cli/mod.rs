//! Command-line parsing and dispatch; each subcommand lives in its own module.

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use scour_ingest::IoReason;

/// `println!` for what a command prints, ending the program when its reader has gone (`scour
/// search … | head`): natively SIGPIPE does, but WASI has no signals and `println!` panics.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cli::write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

mod bench;
mod bundle;
mod eval;
mod hostile;
mod index;
mod metrics;
mod search;

/// Instant, offline full-text search: index a site's pages, then search the index.
#[derive(Parser)]
#[command(
    name = "scour",
    version = concat!(env!("CARGO_PKG_VERSION"), " (index format ", env!("SCOUR_FORMAT_VERSION"), ")"),
    about
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Search and print the best hits.
    Search(search::SearchArgs),
    /// Measure indexing throughput, index size and query latency on a collection.
    Bench(bench::BenchArgs),
    /// Index folders of pages into an index file (and, with --bundle, a drop-in web bundle).
    Index(index::IndexArgs),
    /// Measure relevance on a test collection (corpus.jsonl, queries.jsonl, qrels.txt).
    Eval(eval::EvalArgs),
    /// Print document, term and byte counts of an index.
    Stats {
        /// An index file, or the folder `scour index` wrote it in (default: the index built
        /// into this scour, when it has one).
        #[arg(long)]
        index: Option<PathBuf>,
    },
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Search(args) => search::run(&args),
        Command::Bench(args) => bench::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Index(args) => index::run(&args),
        Command::Stats { index } => search::stats(index.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Writes `text` to standard output; when that fails, ends the program as a write to a closed pipe
/// does natively (status 141, 128 + SIGPIPE), or saying why.
fn write_out(text: std::fmt::Arguments) {
    use std::io::Write;
    match io::stdout().write_fmt(text) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => std::process::exit(141),
        Err(e) => {
            eprintln!("error: cannot write to standard output: {e}");
            std::process::exit(1);
        }
    }
}

/// Where the `p` quantile (0 to 1) of `len` sorted values stands: the nearest rank.
fn percentile_rank(len: usize, p: f64) -> usize {
    ((len as f64 - 1.0) * p).round() as usize
}

/// `cannot {action} {path}: {reason}`, for a failed file operation; the reason is worded alike
/// on every system ([`IoReason`]).
fn cannot<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> String + 'a {
    move |error| format!("cannot {action} {}: {}", path.display(), IoReason(&error))
}

//! `scour index`: read a folder of pages into an index file, optionally with the web bundle.

use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;

use scour_core::{codec, IndexBuilder};
use scour_ingest::{read_corpus, IngestOptions};

/// The index file's name inside `--out`.
pub const INDEX_FILE: &str = "scour-index.bin";
/// What `--bundle` copies from `www/`, built by `make build`.
const BUNDLE: [&str; 3] = [
    "scour.js",
    "pkg/scour_engine.js",
    "pkg/scour_engine_bg.wasm",
];

#[derive(Args)]
pub struct IndexArgs {
    /// Files or folders of .md, .html, .txt and .jsonl documents (folders are read recursively).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The folder to write the index (and with --bundle, the wasm, JS and widget) into.
    #[arg(long)]
    out: PathBuf,
    /// Also copy the engine and the widget, so the folder can be dropped into any static site.
    #[arg(long)]
    bundle: bool,
    /// Fail on the first file that cannot be read cleanly instead of skipping it.
    #[arg(long)]
    strict: bool,
}

pub fn run(args: &IndexArgs) -> Result<(), String> {
    let started = Instant::now();
    eprintln!("reading {} path(s)…", args.paths.len());
    let corpus = read_corpus(
        &args.paths,
        &IngestOptions {
            strict: args.strict,
        },
    )
    .map_err(|e| e.to_string())?;
    let text_bytes: usize = corpus
        .documents
        .iter()
        .map(|d| d.title.len() + d.body.len())
        .sum();
    eprintln!(
        "indexing {} documents ({:.1} MB of text)…",
        corpus.documents.len(),
        text_bytes as f64 / 1e6
    );
    let mut builder = IndexBuilder::new();
    let mut progress = Progress::new(corpus.documents.len());
    for document in corpus.documents {
        builder.add(document);
        progress.advance();
    }
    progress.finish();
    let index = builder.build();
    let bytes = codec::encode(&index);
    fs::create_dir_all(&args.out)
        .map_err(|e| format!("cannot create {}: {e}", args.out.display()))?;
    let index_path = args.out.join(INDEX_FILE);
    fs::write(&index_path, &bytes)
        .map_err(|e| format!("cannot write {}: {e}", index_path.display()))?;
    if args.bundle {
        copy_bundle(&args.out)?;
    }
    let stats = index.stats();
    println!(
        "indexed {} documents, {} terms into {} ({} bytes) in {:.2} s",
        stats.documents,
        stats.terms,
        index_path.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    for warning in &corpus.warnings {
        println!("warning: {warning}");
    }
    if !corpus.skipped.is_empty() {
        println!("skipped {} item(s):", corpus.skipped.len());
        for skipped in &corpus.skipped {
            println!("  {skipped}");
        }
    }
    Ok(())
}

/// A progress bar on stderr for large inputs, drawn only when stderr is a terminal.
struct Progress {
    total: usize,
    done: usize,
    visible: bool,
}

impl Progress {
    /// Inputs smaller than this index too fast for a bar to be worth drawing.
    const MIN_DOCUMENTS: usize = 1_000;

    fn new(total: usize) -> Self {
        let visible = total >= Self::MIN_DOCUMENTS && std::io::stderr().is_terminal();
        Progress {
            total,
            done: 0,
            visible,
        }
    }

    fn advance(&mut self) {
        self.done += 1;
        if self.visible && (self.done % 256 == 0 || self.done == self.total) {
            let filled = 30 * self.done / self.total;
            eprint!(
                "\r[{}{}] {}/{} documents",
                "#".repeat(filled),
                " ".repeat(30 - filled),
                self.done,
                self.total
            );
        }
    }

    fn finish(&self) {
        if self.visible {
            eprintln!();
        }
    }
}

/// Copies the built engine and widget from this checkout's `www/`.
fn copy_bundle(out: &Path) -> Result<(), String> {
    let www = Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    for file in BUNDLE {
        let from = www.join(file);
        let to = out.join(file);
        if !from.exists() {
            return Err(format!(
                "{} is missing: run `make build` first to build the wasm bundle",
                from.display()
            ));
        }
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        fs::copy(&from, &to)
            .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))?;
    }
    Ok(())
}

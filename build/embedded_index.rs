//! The embedded index: reads the corpus (`corpus/`, or the directory named by
//! `SCOUR_CORPUS`), indexes it with scour-core and writes `$OUT_DIR/index.bin` (empty when
//! the `embedded` feature is off).

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

use scour_ingest::{read_corpus, IngestOptions};

use crate::fail;

/// Writes `$OUT_DIR/index.bin`.
pub fn build() {
    println!("cargo:rerun-if-env-changed=SCOUR_CORPUS");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("index.bin");
    if env::var_os("CARGO_FEATURE_EMBEDDED").is_none() {
        // Built without the `embedded` feature: no index in the module.
        if let Err(error) = fs::write(&out, []) {
            fail(&format!("cannot write {}: {error}", out.display()));
        }
        return;
    }
    let corpus = env::var_os("SCOUR_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("corpus"));
    watch(&corpus);
    let documents = match read_corpus(
        std::slice::from_ref(&corpus),
        &IngestOptions {
            strict: true,
            ..IngestOptions::default()
        },
    ) {
        Ok(corpus) => corpus.documents,
        Err(error) => fail(&format!(
            "cannot index the corpus {}: {error}",
            corpus.display()
        )),
    };
    let mut builder = scour_core::IndexBuilder::new();
    for document in documents {
        builder.add(document);
    }
    let bytes = builder
        .build_files(scour_core::Layout::whole())
        .single_file();
    let index = match scour_core::codec::decode(&bytes) {
        Ok(index) => index,
        Err(error) => fail(&format!("the index just built does not open: {error}")),
    };
    if let Err(error) = fs::write(&out, &bytes) {
        fail(&format!("cannot write {}: {error}", out.display()));
    }
    let stats = index.stats();
    println!(
        "cargo:warning=scour: embedded {} documents, {} terms, {} index bytes from {}",
        stats.documents,
        stats.terms,
        bytes.len(),
        corpus.display()
    );
}

/// Asks cargo to rebuild when the corpus directory or any file below it changes.
fn watch(path: &Path) {
    println!("cargo:rerun-if-changed={}", path.display());
    if let Ok(entries) = fs::read_dir(path) {
        for entry in entries.flatten() {
            watch(&entry.path());
        }
    }
}

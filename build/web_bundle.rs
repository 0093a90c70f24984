//! The web bundle, embedded in the command line: the files `www/bundle-files.txt` lists
//! (`make build` builds the engines among them) become `$OUT_DIR/web_bundle.rs`, a table of
//! their bundle paths, variants and bytes (`include_bytes!`), so `scour index --bundle` never
//! reads the source tree at run time.

use std::env;
use std::fmt::Write;
use std::fs;
use std::path::{Path, PathBuf};

use crate::fail;

/// Checks that every listed file is built and writes the table.
pub fn embed() {
    let www = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("www");
    let list_path = www.join("bundle-files.txt");
    println!("cargo:rerun-if-changed={}", list_path.display());
    let list = fs::read_to_string(&list_path)
        .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", list_path.display())));
    let mut table =
        String::from("/// Each file of the web bundle: its path in the bundle, its variant ('' for every\n/// bundle) and its bytes.\n");
    table.push_str("pub const FILES: &[(&str, &str, &[u8])] = &[\n");
    for line in list.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = line.split_whitespace();
        let (Some(source), Some(destination), variant, None) =
            (words.next(), words.next(), words.next(), words.next())
        else {
            fail(&format!(
                "{}: expected a path under www/, a path in the bundle and maybe a variant, \
                 not {line:?}",
                list_path.display()
            ))
        };
        let variant = variant.unwrap_or("");
        for (file, destination) in files(&www.join(source), destination) {
            println!("cargo:rerun-if-changed={}", file.display());
            let _ = writeln!(
                table,
                "    ({destination:?}, {variant:?}, include_bytes!({:?})),",
                file.display().to_string()
            );
        }
    }
    table.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("web_bundle.rs");
    if let Err(error) = fs::write(&out, table) {
        fail(&format!("cannot write {}: {error}", out.display()));
    }
}

/// The file at `source` with its bundle path, or for a folder (`destination` ending in `/`)
/// every file below it, in name order; stops the build when one is missing.
fn files(source: &Path, destination: &str) -> Vec<(PathBuf, String)> {
    if !destination.ends_with('/') {
        if !source.is_file() {
            fail(&format!(
                "{} is missing: run `make build` first (it builds the web engine that \
                 `scour index --bundle` writes, which this binary embeds)",
                source.display()
            ));
        }
        return vec![(source.to_path_buf(), destination.to_string())];
    }
    println!("cargo:rerun-if-changed={}", source.display());
    let mut entries: Vec<PathBuf> = fs::read_dir(source)
        .unwrap_or_else(|e| fail(&format!("cannot list {}: {e}", source.display())))
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| fail(&format!("cannot list {}: {e}", source.display())));
    entries.sort();
    entries
        .into_iter()
        .flat_map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let folder = if path.is_dir() { "/" } else { "" };
            files(&path, &format!("{destination}{name}{folder}"))
        })
        .collect()
}

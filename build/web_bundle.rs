//! The web bundle, embedded in the command line: the files `www/bundle-files.txt` lists
//! (`make build` builds the engine among them) become `$OUT_DIR/web_bundle.rs`, a table of
//! their bundle paths and bytes (`include_bytes!`), so `scour index --bundle` never reads
//! the source tree at run time.

use std::env;
use std::fmt::Write;
use std::fs;
use std::path::Path;

use crate::fail;

/// Checks that every listed file is built and writes the table.
pub fn embed() {
    let www = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("www");
    let list_path = www.join("bundle-files.txt");
    println!("cargo:rerun-if-changed={}", list_path.display());
    let list = fs::read_to_string(&list_path)
        .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", list_path.display())));
    let mut table =
        String::from("/// Each file of the web bundle: its path in the bundle, and its bytes.\n");
    table.push_str("pub const FILES: &[(&str, &[u8])] = &[\n");
    for line in list.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = line.split_whitespace();
        let (Some(source), Some(destination), None) = (words.next(), words.next(), words.next())
        else {
            fail(&format!(
                "{}: expected a path under www/ and a path in the bundle, not {line:?}",
                list_path.display()
            ))
        };
        let file = www.join(source);
        println!("cargo:rerun-if-changed={}", file.display());
        if !file.is_file() {
            fail(&format!(
                "{} is missing: run `make build` first (it builds the web engine that \
                 `scour index --bundle` writes, which this binary embeds)",
                file.display()
            ));
        }
        let _ = writeln!(
            table,
            "    ({destination:?}, include_bytes!({:?})),",
            file.display().to_string()
        );
    }
    table.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("web_bundle.rs");
    if let Err(error) = fs::write(&out, table) {
        fail(&format!("cannot write {}: {error}", out.display()));
    }
}

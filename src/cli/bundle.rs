//! The web bundle `scour index --bundle` writes beside an index: the widget, its scripts and
//! the engine built without an embedded index (or its variant with every stemmer), embedded
//! in this binary at build time (the list is `www/bundle-files.txt`; `build/web_bundle.rs`
//! checks that `make build` built them).

use std::fs;
use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/web_bundle.rs"));

/// The variant of the engine with every stemmer (`scripts/build-wasm.sh`).
const STEMMERS: &str = "stemmers";

/// Writes every file of the bundle under `out`: with `stemmers`, the engine with every
/// stemmer, for an index with a language other than English that stems.
pub fn write(out: &Path, stemmers: bool) -> Result<(), String> {
    let replaced = |name: &str| FILES.iter().any(|f| f.0 == name && f.1 == STEMMERS);
    for (name, variant, bytes) in FILES {
        let wanted = match *variant {
            "" => !(stemmers && replaced(name)),
            STEMMERS => stemmers,
            _ => false,
        };
        if !wanted {
            continue;
        }
        let path = out.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(super::cannot("create", parent))?;
        }
        fs::write(&path, bytes).map_err(super::cannot("write", &path))?;
    }
    Ok(())
}

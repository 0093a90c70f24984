//! The web bundle `scour index --bundle` writes beside an index: the widget, its scripts and
//! the engine built without an embedded index (or its variant with every stemmer), embedded
//! in this binary at build time (the list is `www/bundle-files.txt`; `build/web_bundle.rs`
//! checks that `make build` built them).

use std::fs;
use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/web_bundle.rs"));

/// The variant of the engine with every stemmer (`scripts/build-wasm.sh`).
const STEMMERS: &str = "stemmers";

/// Refuses, before anything is read or written, a bundle that would replace a file of the
/// site's own: `--out` at the site's root, where a progressive web app keeps its own `sw.js`.
/// A file that names scour is one an earlier bundle wrote, and so is every file of `widget/`
/// and `pkg/` beside an earlier bundle's `scour.js` (minified modules may not name it).
pub fn check(out: &Path) -> Result<(), String> {
    let ours = |path: &Path| {
        fs::read(path).is_ok_and(|bytes| bytes.windows(5).any(|w| w.eq_ignore_ascii_case(b"scour")))
    };
    let earlier_bundle = ours(&out.join("scour.js"));
    for (name, _, _) in FILES {
        let path = out.join(name);
        let in_bundle_folder = name.starts_with("widget/") || name.starts_with("pkg/");
        if path.is_file() && !(earlier_bundle && in_bundle_folder) && !ours(&path) {
            return Err(format!(
                "--bundle would replace {}, a file of the site's own, not one scour wrote: give the index and its bundle a folder of their own (--out {})",
                path.display(),
                out.join("search").display()
            ));
        }
    }
    Ok(())
}

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

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
/// A file holding what only scour's files hold (see [`is_scours`]) is one an earlier bundle
/// wrote, and so is every file of `widget/` and `pkg/` beside an earlier bundle's `scour.js`
/// (minified modules may hold none of it).
pub fn check(out: &Path) -> Result<(), String> {
    let ours = |path: &Path| fs::read(path).is_ok_and(|bytes| is_scours(&bytes));
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

/// Whether `bytes` hold what only the bundle's own files hold: the widget's element name
/// (`scour.js`), highlight.js's URL parameter, or the name of the service worker's cache
/// (`scour-v1`, `scour-2`, `scour-3`…). A site's file that merely names `/scour.js` or
/// `scour-index.bin` holds none of them.
fn is_scours(bytes: &[u8]) -> bool {
    let has = |marker: &[u8]| bytes.windows(marker.len()).any(|w| w == marker);
    let cache_name = bytes
        .windows(7)
        .any(|w| w.starts_with(b"scour-") && (w[6].is_ascii_digit() || w[6] == b'v'));
    has(b"scour-search") || has(b"scour-highlight") || cache_name
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every top-level file of this bundle is known as scour's; a site's file naming scour's
    /// files is not.
    #[test]
    fn the_bundle_s_files_are_told_from_a_site_s() {
        for (name, _, bytes) in FILES {
            if !name.contains('/') {
                assert!(is_scours(bytes), "{name}");
            }
        }
        let site_worker = b"self.addEventListener('install', e => e.waitUntil(caches.open('v1').then(c => c.addAll(['/', '/scour.js', '/search/scour-index.bin']))));";
        assert!(!is_scours(site_worker));
    }
}

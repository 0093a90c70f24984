//! The web bundle `scour index --bundle` writes beside an index: the widget, its scripts and
//! the engine built without an embedded index, embedded in this binary at build time (the
//! list is `www/bundle-files.txt`; `build/web_bundle.rs` checks that `make build` built them).

use std::fs;
use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/web_bundle.rs"));

/// Writes every file of the bundle under `out`.
pub fn write(out: &Path) -> Result<(), String> {
    for (name, bytes) in FILES {
        let path = out.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(super::cannot("create", parent))?;
        }
        fs::write(&path, bytes).map_err(super::cannot("write", &path))?;
    }
    Ok(())
}

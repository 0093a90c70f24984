//! What the ingest targets share: an input written as a file of the given name, then read as
//! `scour index` reads it.

use std::path::PathBuf;
use std::sync::OnceLock;

/// A folder of this process's own, in memory where the system has one.
fn folder() -> &'static PathBuf {
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let base = ["/dev/shm", "/tmp"]
            .iter()
            .map(PathBuf::from)
            .find(|p| p.is_dir())
            .unwrap_or_else(std::env::temp_dir);
        let folder = base.join(format!("scour-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&folder).expect("a folder for inputs");
        folder
    })
}

/// Reads `data` as the file `name`: documents or an error, which is all a reader may give.
pub fn read_as(name: &str, data: &[u8]) {
    let path = folder().join(name);
    std::fs::write(&path, data).expect("the input written");
    let _ = scour_ingest::read_file(&path, folder());
}

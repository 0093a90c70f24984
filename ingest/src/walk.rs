//! Finding input files: directories are walked in sorted order, hidden entries and files of other
//! types are passed over, and symbolic links to directories are not followed (no cycles).

use std::fs;
use std::io::{self, ErrorKind};
use std::path::{Path, PathBuf};

use crate::error::{FileError, IngestError, Problem};
use crate::source::Format;

/// A file to read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Input {
    pub path: PathBuf,
    /// The directory its id is relative to: the directory walked, or a lone file's own.
    pub root: PathBuf,
    pub format: Format,
}

/// A file to read, or a directory that could not be listed.
pub(crate) type Found = Result<Input, FileError>;

/// The input files at `path`: the file itself, or the files under the directory.
pub(crate) fn inputs(path: &Path) -> Result<Vec<Found>, IngestError> {
    let metadata = fs::metadata(path).map_err(|error| match error.kind() {
        ErrorKind::NotFound => IngestError::Missing(path.to_path_buf()),
        _ => IngestError::Inaccessible {
            path: path.to_path_buf(),
            error,
        },
    })?;
    let mut found = Vec::new();
    if metadata.is_dir() {
        walk(path, path, &mut found);
    } else if let Some(format) = Format::of(path) {
        let root = path.parent().unwrap_or(Path::new(""));
        found.push(Ok(input(path, root, format)));
    }
    Ok(found)
}

fn input(path: &Path, root: &Path, format: Format) -> Input {
    Input {
        path: path.to_path_buf(),
        root: root.to_path_buf(),
        format,
    }
}

fn walk(dir: &Path, root: &Path, found: &mut Vec<Found>) {
    let entries = match sorted_entries(dir) {
        Ok(entries) => entries,
        Err(error) => {
            found.push(Err(FileError::new(dir, None, Problem::Unreadable(error))));
            return;
        }
    };
    for path in entries {
        if is_hidden(&path) {
            continue;
        }
        if is_walked_dir(&path) {
            walk(&path, root, found);
        } else if let Some(format) = Format::of(&path) {
            found.push(Ok(input(&path, root, format)));
        }
    }
}

fn sorted_entries(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut paths = fs::read_dir(dir)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<io::Result<Vec<_>>>()?;
    paths.sort();
    Ok(paths)
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name.as_encoded_bytes().starts_with(b"."))
}

/// A real directory; a link to one is neither walked nor read.
fn is_walked_dir(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|metadata| metadata.is_dir())
}

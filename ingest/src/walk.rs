//! Finding input files: directories are walked in sorted order, hidden entries and files of other
//! types are passed over, symbolic links to directories are not followed (no cycles), and files
//! not for search or matching an exclude pattern are left out.

use std::fs;
use std::io::{self, ErrorKind};
use std::path::{Path, PathBuf};

use crate::corpus::Omission;
use crate::error::{FileError, IngestError, Problem};
use crate::glob::Glob;
use crate::relative::RelativePath;
use crate::source::Format;

/// Files a site has for crawlers, ad networks, browsers and language models, never for search
/// (names in any case): `llms-full.txt` would repeat every page.
const NOT_FOR_SEARCH: [&str; 10] = [
    "robots.txt",
    "404.html",
    "404.htm",
    "sitemap.xml",
    "ads.txt",
    "app-ads.txt",
    "humans.txt",
    "security.txt",
    "llms.txt",
    "llms-full.txt",
];

/// A file to read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Input {
    pub path: PathBuf,
    /// The directory its id is relative to: the directory walked, or a lone file's own.
    pub root: PathBuf,
    pub format: Format,
}

/// What the walk found.
#[derive(Debug)]
pub(crate) enum Found {
    Input(Input),
    /// A file left out on purpose.
    Omitted(PathBuf, Omission),
    /// A directory that could not be listed.
    Unlisted(FileError),
}

/// The input files at `path`: the file itself, or the files under the directory, less those
/// matching an `exclude` pattern.
pub(crate) fn inputs(path: &Path, exclude: &[Glob]) -> Result<Vec<Found>, IngestError> {
    let metadata = fs::metadata(path).map_err(|error| match error.kind() {
        ErrorKind::NotFound => IngestError::Missing(path.to_path_buf()),
        _ => IngestError::Inaccessible {
            path: path.to_path_buf(),
            error,
        },
    })?;
    let mut found = Vec::new();
    if metadata.is_dir() {
        walk(path, path, exclude, &mut found);
    } else {
        let root = path.parent().unwrap_or(Path::new(""));
        found.extend(file(path, root, exclude));
    }
    Ok(found)
}

fn walk(dir: &Path, root: &Path, exclude: &[Glob], found: &mut Vec<Found>) {
    let entries = match sorted_entries(dir) {
        Ok(entries) => entries,
        Err(error) => {
            let problem = Problem::Unreadable(error);
            found.push(Found::Unlisted(FileError::new(dir, None, problem)));
            return;
        }
    };
    for path in entries {
        if is_hidden(&path) {
            continue;
        }
        if is_walked_dir(&path) {
            walk(&path, root, exclude, found);
        } else {
            found.extend(file(&path, root, exclude));
        }
    }
}

/// The file at `path` as an input, or why it is left out; nothing for files of other types.
fn file(path: &Path, root: &Path, exclude: &[Glob]) -> Option<Found> {
    let omitted = |omission| Some(Found::Omitted(path.to_path_buf(), omission));
    let format = Format::of(path);
    let not_for_search = is_not_for_search(path);
    if format.is_none() && !not_for_search {
        return None;
    }
    let relative = RelativePath::new(path, root);
    let names = relative.names();
    if exclude.iter().any(|glob| glob.matches(&names)) {
        return omitted(Omission::Excluded);
    }
    match format {
        Some(format) if !not_for_search => Some(Found::Input(Input {
            path: path.to_path_buf(),
            root: root.to_path_buf(),
            format,
        })),
        _ => omitted(Omission::NotForSearch),
    }
}

fn is_not_for_search(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| {
            NOT_FOR_SEARCH
                .iter()
                .any(|special| name.eq_ignore_ascii_case(special))
        })
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

//! Finding input files: directories are walked in sorted order, hidden entries and files of other
//! types are passed over, symbolic links to directories are not followed (no cycles, and WASI
//! cannot) but named in the report, and files not for search or matching an exclude pattern are
//! left out.

use std::fs;
use std::io::{self, ErrorKind};
use std::path::{Component, Path, PathBuf};

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
    /// A directory that could not be listed, or a file that no id can name.
    Unreadable(FileError),
}

/// The folder that the pages' ids and URLs are paths under: the one folder given (or a lone
/// file's own), or the folder that all the paths given share (`public` of `public/docs
/// public/blog`, so that their pages keep `docs/` and `blog/` in their URLs), as written.
/// Fails when a path does not exist or cannot be read.
pub fn site_root(paths: &[PathBuf]) -> Result<PathBuf, IngestError> {
    let mut common: Option<Vec<Component>> = None;
    for path in paths {
        let own = if is_dir(path)? {
            path.as_path()
        } else {
            path.parent().unwrap_or(Path::new(""))
        };
        let components: Vec<Component> = own.components().collect();
        common = Some(match common {
            None => components,
            Some(shared) => {
                let same = shared.iter().zip(&components).take_while(|(a, b)| a == b);
                shared[..same.count()].to_vec()
            }
        });
    }
    Ok(common.unwrap_or_default().iter().collect())
}

/// Whether `path` is a folder (following links), or why it cannot be read.
fn is_dir(path: &Path) -> Result<bool, IngestError> {
    let metadata = fs::metadata(path).map_err(|error| match error.kind() {
        ErrorKind::NotFound => IngestError::Missing(path.to_path_buf()),
        _ => IngestError::Inaccessible {
            path: path.to_path_buf(),
            error,
        },
    })?;
    Ok(metadata.is_dir())
}

/// The input files at `path`: the file itself, or the files under the directory, less those
/// whose path under it (or a lone file's name) matches an `exclude` pattern. Their ids are
/// their paths under `root`, the [`site_root`] of every path read.
pub(crate) fn inputs(
    path: &Path,
    root: &Path,
    exclude: &[Glob],
) -> Result<Vec<Found>, IngestError> {
    let mut found = Vec::new();
    if is_dir(path)? {
        let walked = Walked {
            root,
            dir: path,
            exclude,
        };
        walked.walk(path, &mut found);
    } else {
        let dir = path.parent().unwrap_or(Path::new(""));
        let walked = Walked { root, dir, exclude };
        found.extend(walked.file(path));
    }
    Ok(found)
}

/// A walk of one path given: the root of the ids, the folder of the excluded paths.
struct Walked<'a> {
    root: &'a Path,
    dir: &'a Path,
    exclude: &'a [Glob],
}

impl Walked<'_> {
    fn walk(&self, dir: &Path, found: &mut Vec<Found>) {
        let entries = match sorted_entries(dir) {
            Ok(entries) => entries,
            Err(error) => {
                let problem = Problem::Unreadable(error);
                found.push(Found::Unreadable(FileError::new(dir, None, problem)));
                return;
            }
        };
        for path in entries {
            if is_hidden(&path) {
                continue;
            }
            if is_walked_dir(&path) {
                self.walk(&path, found);
            } else if path.is_dir() {
                found.push(Found::Omitted(path, Omission::LinkedFolder));
            } else {
                found.extend(self.file(&path));
            }
        }
    }

    /// The file at `path` as an input, or why it is left out; nothing for files of other types.
    fn file(&self, path: &Path) -> Option<Found> {
        let omitted = |omission| Some(Found::Omitted(path.to_path_buf(), omission));
        let format = Format::of(path);
        let not_for_search = is_not_for_search(path);
        if format.is_none() && !not_for_search {
            return None;
        }
        let under_root = path.strip_prefix(self.root).unwrap_or(path);
        if under_root.to_str().is_none() {
            let error = FileError::new(path, None, Problem::NameNotUtf8);
            return Some(Found::Unreadable(error));
        }
        let relative = RelativePath::new(path, self.dir);
        let names = relative.names();
        if self.exclude.iter().any(|glob| glob.matches(&names)) {
            return omitted(Omission::Excluded);
        }
        match format {
            Some(format) if !not_for_search => Some(Found::Input(Input {
                path: path.to_path_buf(),
                root: self.root.to_path_buf(),
                format,
            })),
            _ => omitted(Omission::NotForSearch),
        }
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

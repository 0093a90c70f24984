//! Finding input files: directories are walked in sorted order, hidden entries and files of other
//! types are passed over, symbolic links to directories are not followed (no cycles, and WASI
//! cannot) but named in the report, and files not for search or matching an exclude pattern are
//! left out.

use std::cell::Cell;
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
    /// Its path under the site's root ([`site_root`]), which its id and URL are made of.
    pub site_path: PathBuf,
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

/// The folder that the pages' ids and URLs are paths under, made absolute ([`absolute`]): the
/// one folder given (or a lone file's own), or the folder that all the paths given share
/// (`public` of `public/docs public/blog`, so that their pages keep `docs/` and `blog/` in
/// their URLs), however each is written (`./public/docs`, `/site/public/blog`). Fails when a
/// path does not exist or cannot be read.
pub fn site_root(paths: &[PathBuf]) -> Result<PathBuf, IngestError> {
    let mut common: Option<PathBuf> = None;
    for path in paths {
        let own = absolute(own_folder(path)?.0);
        common = Some(match common {
            None => own,
            Some(shared) => {
                let same = shared.components().zip(own.components());
                same.take_while(|(a, b)| a == b).map(|(a, _)| a).collect()
            }
        });
    }
    Ok(common.unwrap_or_else(|| absolute(Path::new(""))))
}

/// The folder `path` names its pages from (itself, or a file's own), and whether `path` is a
/// folder.
fn own_folder(path: &Path) -> Result<(&Path, bool), IngestError> {
    let is_dir = is_dir(path)?;
    let folder = if is_dir {
        path
    } else {
        path.parent().unwrap_or(Path::new(""))
    };
    Ok((folder, is_dir))
}

/// `path` from the working directory, its `.` and `..` folded away as written (links are
/// not followed: WASI cannot).
pub fn absolute(path: &Path) -> PathBuf {
    let mut absolute = std::env::current_dir().unwrap_or_default();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                absolute.pop();
            }
            other => absolute.push(other),
        }
    }
    absolute
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
    exclude: &Excluding,
) -> Result<Vec<Found>, IngestError> {
    let mut found = Vec::new();
    let (dir, is_dir) = own_folder(path)?;
    let own = absolute(dir);
    let walked = Walked {
        below_root: own.strip_prefix(root).unwrap_or(Path::new("")),
        dir,
        exclude,
    };
    if is_dir {
        walked.walk(path, &mut found);
    } else {
        found.extend(walked.file(path));
    }
    Ok(found)
}

/// The `--exclude` patterns, each with whether it left out a file yet: one that never does is
/// most likely written wrong (`public/blog/**` for `blog/**`).
pub(crate) struct Excluding<'a> {
    patterns: &'a [Glob],
    used: Vec<Cell<bool>>,
}

impl<'a> Excluding<'a> {
    pub fn new(patterns: &'a [Glob]) -> Self {
        let used = patterns.iter().map(|_| Cell::new(false)).collect();
        Excluding { patterns, used }
    }

    /// Whether a file of these names (folders and file name) is left out.
    fn excludes(&self, names: &[&str]) -> bool {
        let mut excluded = false;
        for (glob, used) in self.patterns.iter().zip(&self.used) {
            if glob.matches(names) {
                used.set(true);
                excluded = true;
            }
        }
        excluded
    }

    /// The patterns that left out no file.
    pub fn unused(&self) -> impl Iterator<Item = &Glob> {
        self.patterns
            .iter()
            .zip(&self.used)
            .filter(|(_, used)| !used.get())
            .map(|(glob, _)| glob)
    }
}

/// A walk of one path given: its folder, as given and as a path under the site's root, and
/// the patterns of the files left out, paths under it.
struct Walked<'a> {
    below_root: &'a Path,
    dir: &'a Path,
    exclude: &'a Excluding<'a>,
}

impl Walked<'_> {
    fn walk(&self, dir: &Path, found: &mut Vec<Found>) {
        let entries = match sorted_entries(dir) {
            Ok(entries) => entries,
            Err(error) => {
                let problem = Problem::UnreadableFolder(error);
                found.push(Found::Unreadable(FileError::new(dir, None, problem)));
                return;
            }
        };
        for path in entries {
            if is_hidden(&path) || is_dependencies(&path) {
                // Not walked anyway; a pattern naming it (`--exclude node_modules`) is no mistake.
                self.exclude
                    .excludes(&RelativePath::new(&path, self.dir).names());
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
        // Matched against every file, read or not: `--exclude '**/*.png'` is no mistake.
        let excluded = self
            .exclude
            .excludes(&RelativePath::new(path, self.dir).names());
        let format = Format::of(path);
        let not_for_search = is_not_for_search(path);
        if format.is_none() && !not_for_search {
            return None;
        }
        if excluded {
            return omitted(Omission::Excluded);
        }
        let site_path = self
            .below_root
            .join(path.strip_prefix(self.dir).unwrap_or(path));
        if site_path.to_str().is_none() {
            let error = FileError::new(path, None, Problem::NameNotUtf8);
            return Some(Found::Unreadable(error));
        }
        match format {
            Some(format) if !not_for_search => Some(Found::Input(Input {
                path: path.to_path_buf(),
                site_path,
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

/// A folder of a project's JavaScript dependencies (`node_modules`), within a folder walked:
/// thousands of packages' READMEs, never a site's pages.
fn is_dependencies(path: &Path) -> bool {
    path.file_name().is_some_and(|name| name == "node_modules") && path.is_dir()
}

/// A real directory; a link to one is neither walked nor read.
fn is_walked_dir(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|metadata| metadata.is_dir())
}

//! What can go wrong: a problem in one file ([`FileError`]) and a failed run ([`IngestError`]).

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

/// What is wrong with a file or with one of its lines, worded so the user knows what to fix.
#[derive(Debug, Error)]
pub enum Problem {
    /// The file (or directory) could not be read at all.
    #[error("cannot read it ({0}); check that it exists and is a readable file")]
    Unreadable(io::Error),
    /// The file's extension is not one Scour reads.
    #[error("unknown file type; expected a .txt, .md, .markdown, .html, .htm or .jsonl file")]
    UnknownFormat,
    /// Some bytes are not UTF-8; they were replaced by U+FFFD and the document was kept.
    #[error("invalid UTF-8, first on this line (bad bytes shown as \u{FFFD}); re-save the file as UTF-8")]
    InvalidUtf8,
    /// The YAML or TOML block at the top of a Markdown file does not parse.
    #[error("malformed {syntax} front matter: {message}; fix it or remove the front matter block")]
    FrontMatter {
        /// `YAML` or `TOML`.
        syntax: &'static str,
        /// What the parser said.
        message: String,
    },
    /// A front matter block is opened but never closed.
    #[error("front matter opened with `{fence}` is never closed; add a line `{fence}` after it")]
    UnclosedFrontMatter {
        /// `---` or `+++`.
        fence: &'static str,
    },
    /// A JSON line does not parse or is not an object.
    #[error("malformed JSON: {0}; each line must hold one JSON object")]
    Json(String),
    /// A JSON line lacks a required field.
    #[error("missing \"{0}\"; each line needs an \"id\" and a \"body\"")]
    MissingField(&'static str),
    /// A known field holds a value of the wrong kind.
    #[error("\"{field}\" must be {expected}")]
    WrongType {
        /// The field's name.
        field: String,
        /// What it should hold, e.g. `a list of strings`.
        expected: &'static str,
    },
    /// A date that is not `YYYY-MM-DD` (optionally followed by a time).
    #[error("date \"{0}\" is not a date; write it as YYYY-MM-DD")]
    BadDate(String),
    /// A second document with an id already taken.
    #[error("duplicate id \"{id}\", already used at {}; give one of them another id", Location::of(.first, *.first_line))]
    DuplicateId {
        /// The id.
        id: String,
        /// The file that used it first.
        first: PathBuf,
        /// The line it was first used on, in a line-based file.
        first_line: Option<usize>,
    },
}

impl Problem {
    /// Whether the document is kept despite the problem (a warning) or left out (skipped).
    pub fn is_warning(&self) -> bool {
        matches!(self, Problem::InvalidUtf8)
    }
}

/// A problem located in a file, and at a line when one is known.
#[derive(Debug, Error)]
#[error("{}: {problem}", Location::of(.path, *.line))]
pub struct FileError {
    /// The file.
    pub path: PathBuf,
    /// The 1-based line, when the problem is on one.
    pub line: Option<usize>,
    /// What is wrong.
    pub problem: Problem,
}

impl FileError {
    /// A problem in `path`, at `line` when known.
    pub(crate) fn new(path: &Path, line: Option<usize>, problem: Problem) -> Self {
        FileError {
            path: path.to_path_buf(),
            line,
            problem,
        }
    }
}

/// A problem found while parsing a file's text, at a line when known; the file is named later.
#[derive(Debug)]
pub(crate) struct Failure {
    pub line: Option<usize>,
    pub problem: Problem,
}

impl Failure {
    /// A problem on no particular line.
    pub fn anywhere(problem: Problem) -> Self {
        Failure {
            line: None,
            problem,
        }
    }

    /// A problem on the 1-based `line`.
    pub fn at(line: usize, problem: Problem) -> Self {
        Failure {
            line: Some(line),
            problem,
        }
    }

    /// The same problem, located in `path`.
    pub fn in_file(self, path: &Path) -> FileError {
        FileError::new(path, self.line, self.problem)
    }
}

/// Why a whole run failed.
#[derive(Debug, Error)]
pub enum IngestError {
    /// A path given on the command line (or by the build script) is not there.
    #[error("{}: no such file or directory; check the path", .0.display())]
    Missing(PathBuf),
    /// A path given could not be inspected.
    #[error("{}: cannot read it ({error}); check its permissions", .path.display())]
    Inaccessible {
        /// The path.
        path: PathBuf,
        /// Why.
        error: io::Error,
    },
    /// Strict mode: the first problem met in a file.
    #[error(transparent)]
    File(#[from] FileError),
    /// Nothing to index.
    #[error("no documents found under {}: expected .txt, .md, .html or .jsonl files", PathList(.0))]
    Empty(Vec<PathBuf>),
}

/// `path:line` or `path`, the way compilers name a place in a file.
pub(crate) struct Location<'a> {
    path: &'a Path,
    line: Option<usize>,
}

impl<'a> Location<'a> {
    pub fn of(path: &'a Path, line: Option<usize>) -> Self {
        Location { path, line }
    }
}

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.path.display()),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

/// The paths of a run, comma-separated.
struct PathList<'a>(&'a [PathBuf]);

impl fmt::Display for PathList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(no paths given)");
        }
        for (i, path) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{}", path.display())?;
        }
        Ok(())
    }
}

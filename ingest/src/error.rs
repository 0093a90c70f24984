//! What can go wrong: a problem in one file ([`FileError`]), a failed run ([`IngestError`]) and
//! an option value that cannot be used ([`OptionError`]).

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::corpus::Skipped;
use crate::options::{Bytes, FileSize};

/// What is wrong with a file or with one of its lines, worded so the user knows what to fix.
#[derive(Debug, Error)]
pub enum Problem {
    /// The file could not be read at all.
    #[error("cannot read it ({}); check that it exists and is a readable file", IoReason(.0))]
    Unreadable(io::Error),
    /// The folder could not be listed: none of its pages are read.
    #[error("cannot list this folder ({}); check that it exists and that its permissions let you read it", IoReason(.0))]
    UnreadableFolder(io::Error),
    /// A file whose path under the site's root is not UTF-8 (`caf\xE9.html`, written by an old
    /// tool in Latin-1): its id and URL could not name it.
    #[error("its name is not UTF-8, so no id or URL can name it; rename it (in UTF-8) or leave it out with an exclude pattern")]
    NameNotUtf8,
    /// A named pipe, a socket, a device or a folder where a file is read (or a link to one):
    /// reading it could wait forever or never end.
    #[error("not a regular file but {kind}{}; only regular files, or links to them, are read: remove it or leave it out with an exclude pattern", .target.as_ref().map(|target| format!(" (a link to {})", target.display())).unwrap_or_default())]
    NotRegularFile {
        /// What it is, e.g. `a named pipe (FIFO)`.
        kind: &'static str,
        /// Where it leads, when it is a link.
        target: Option<PathBuf>,
    },
    /// A file larger than the limit.
    #[error("{} is over the {limit} limit on a file's size; raise it (scour index --max-file-size) if the file is meant to be read", Bytes(*.size))]
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The largest file read.
        limit: FileSize,
    },
    /// A file that grew past the limit while it was read (its first bytes were read, no more).
    #[error("grew past the {limit} limit on a file's size while it was read; raise it (scour index --max-file-size) if the file is meant to be read")]
    GrewTooLarge {
        /// The largest file read.
        limit: FileSize,
    },
    /// The file's extension is not one Scour reads.
    #[error("unknown file type; expected a .txt, .md, .markdown, .html, .htm or .jsonl file")]
    UnknownFormat,
    /// A NUL byte near the start: the file is binary (or text in UTF-16 without its byte
    /// order mark, or in UTF-32), not text.
    #[error("a NUL byte at byte {offset}: this is a binary file (or text in UTF-16 without a byte order mark, or in UTF-32), not UTF-8 text, and was skipped; re-save it as UTF-8, or leave it out with an exclude pattern")]
    Binary {
        /// Where the first NUL byte is, from 0.
        offset: usize,
    },
    /// Some bytes are not UTF-8; they were replaced by U+FFFD and the document was kept.
    #[error("invalid UTF-8, first on this line (bad bytes shown as \u{FFFD}); re-save the file as UTF-8")]
    InvalidUtf8,
    /// A file in UTF-16 holds an unpaired surrogate or ends in half a character; it was
    /// replaced by U+FFFD and the document was kept.
    #[error("invalid UTF-16 (half a character), first on this line (shown as \u{FFFD}); re-save the file as UTF-8")]
    InvalidUtf16,
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
    /// A JSON lines file that is empty or holds only blank lines.
    #[error("holds no documents: the file is empty or its lines are blank; write one JSON object per line, like {{\"id\": \"1\", \"body\": \"…\"}}")]
    NoLines,
    /// A JSON line lacks a required field.
    #[error("missing \"{0}\"; each line needs an \"id\" and a \"body\"")]
    MissingField(&'static str),
    /// A JSON line whose `"id"` is the empty string.
    #[error("\"id\" is empty; give each line an id of its own, a non-empty string or a number")]
    EmptyId,
    /// A required field holds a value of the wrong kind.
    #[error("\"{field}\" must be {expected}")]
    WrongType {
        /// The field's name.
        field: String,
        /// What it should hold, e.g. `a list of strings`.
        expected: &'static str,
    },
    /// An HTML page whose elements nest deeper than the parser can afford.
    #[error("elements nested more than {limit} deep; the page was skipped, as reading it would take minutes: close the tags left open")]
    TooDeep {
        /// The deepest nesting read.
        limit: usize,
    },
    /// An HTML page with an element of more attributes than the parser can afford.
    #[error("an element with more than {limit} attributes; the page was skipped, as reading elements with so many can take minutes: give it fewer attributes")]
    TooManyAttributes {
        /// The most attributes an element may have.
        limit: usize,
    },
    /// A known field holds a value it cannot take; the document is read without the field.
    #[error("\"{field}\" must be {expected}, not {value}")]
    BadValue {
        /// The field's name.
        field: String,
        /// The value, as written.
        value: String,
        /// What it should hold, e.g. `a list of strings`.
        expected: &'static str,
    },
    /// A date that is not `YYYY-MM-DD` (optionally followed by a time); the document is read
    /// without it.
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
        matches!(
            self,
            Problem::InvalidUtf8
                | Problem::InvalidUtf16
                | Problem::BadValue { .. }
                | Problem::BadDate(_)
        )
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
    #[error("{}: cannot read it ({}); check its permissions", .path.display(), IoReason(.error))]
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
    /// Every file found was skipped (or left out on purpose): each reason is listed.
    #[error("no document could be read under {}: every file was skipped{}, for these reasons:{}", PathList(.paths), LeftOut(*.left_out), SkippedList(.skipped))]
    AllSkipped {
        /// The paths of the run.
        paths: Vec<PathBuf>,
        /// What was skipped, and why.
        skipped: Vec<Skipped>,
        /// How many files were left out on purpose.
        left_out: usize,
    },
    /// Every file found was left out on purpose (see [`crate::Omission`]).
    #[error("nothing to index under {}: all {count} file(s) found were left out as drafts, noindex pages, files for crawlers (robots.txt, 404.html, sitemap.xml, ads.txt, llms.txt, …), or by an exclude pattern", PathList(.paths))]
    AllLeftOut {
        /// The paths of the run.
        paths: Vec<PathBuf>,
        /// How many files were left out.
        count: usize,
    },
}

/// An option value that cannot be used; the message says what to write instead.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum OptionError {
    /// A CSS selector that does not parse.
    #[error("`{css}` is not a CSS selector scour understands ({reason}); write one like `main`, `.content` or `article > h1`")]
    Selector {
        /// The selector as written.
        css: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A glob pattern with nothing to match.
    #[error("the pattern is empty; write a path such as `drafts/**` or `**/*.txt`")]
    EmptyGlob,
    /// `**` next to other characters in one path segment.
    #[error("`{0}`: `**` must be a whole path segment (`**/x`, `x/**` or `a/**/b`); use `*` inside a name")]
    PartialDoubleStar(String),
    /// A file size that is not a number of bytes, K, M or G.
    #[error(
        "`{0}` is not a file size; write a number of bytes, or one followed by K, M or G, like 64M"
    )]
    FileSize(String),
    /// A file size of zero.
    #[error("the file size `{0}` leaves out every file; give a size greater than zero, like 64M")]
    ZeroFileSize(String),
    /// A base URL that is neither an absolute path nor an http(s) address.
    #[error("`{0}` must start with `/` (a path on this host, like /docs/) or with http:// or https:// (a full address)")]
    BaseUrlStart(String),
    /// A base URL with an empty host.
    #[error("`{0}` has no host after the scheme; write it like https://example.com/docs/")]
    BaseUrlHost(String),
    /// A base URL with a query, a fragment or spaces, which cannot prefix a path.
    #[error("`{0}` holds a `?`, `#` or a space; give only the address of the folder the site is served from")]
    BaseUrlCharacters(String),
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

/// An I/O error in the system's words, without its number: the numbers differ between systems
/// (a missing file is error 2 on Linux and 44 under WASI, where `npx scour-site` runs) while
/// the words do not.
pub struct IoReason<'a>(pub &'a io::Error);

impl fmt::Display for IoReason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = self.0.to_string();
        let number = self
            .0
            .raw_os_error()
            .map(|code| format!(" (os error {code})"));
        let words = number
            .and_then(|number| words.strip_suffix(&number).map(str::to_string))
            .unwrap_or(words);
        f.write_str(&words)
    }
}

/// ` or left out on purpose (N)` when files were; nothing otherwise.
struct LeftOut(usize);

impl fmt::Display for LeftOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            0 => Ok(()),
            count => write!(f, " or left out on purpose ({count})"),
        }
    }
}

/// Each skipped item on a line of its own, indented.
struct SkippedList<'a>(&'a [Skipped]);

impl fmt::Display for SkippedList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for skipped in self.0 {
            write!(f, "\n  {skipped}")?;
        }
        Ok(())
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

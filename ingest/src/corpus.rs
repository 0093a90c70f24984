//! A whole corpus: every input file read in order, problems recorded (or fatal in strict mode),
//! ids kept unique.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use scour_core::Document;

use crate::error::{FileError, IngestError, Location, Problem};
use crate::source::{self, Format, Item};
use crate::walk;

/// How to read a corpus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestOptions {
    /// Fail on the first skipped item or warning instead of recording it.
    pub strict: bool,
}

/// The documents of a corpus and what had to be passed over to read them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Corpus {
    /// In input order: paths as given, files in sorted order, JSON lines in file order.
    pub documents: Vec<Document>,
    /// Files and lines left out.
    pub skipped: Vec<Skipped>,
    /// Problems that did not stop a document from being read.
    pub warnings: Vec<Warning>,
}

/// A file, or a line of one, that was left out of the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    /// The 1-based line, for line-based problems.
    pub line: Option<usize>,
    /// Why, and what to do about it.
    pub reason: String,
}

/// A problem with a document that was read anyway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    /// The 1-based line, for line-based problems.
    pub line: Option<usize>,
    /// What happened, and what to do about it.
    pub message: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            Location::of(&self.path, self.line),
            self.reason
        )
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            Location::of(&self.path, self.line),
            self.message
        )
    }
}

/// Reads the files and directories at `paths` into a corpus.
///
/// Fails when a path does not exist, when no document was found, and in strict mode on the first
/// problem met; otherwise problems are recorded in the corpus and reading goes on.
pub fn read_corpus(paths: &[PathBuf], options: &IngestOptions) -> Result<Corpus, IngestError> {
    let mut collector = Collector::new(options.strict);
    for path in paths {
        for found in walk::inputs(path)? {
            match found {
                Ok(input) => collector.add_all(
                    &input.path,
                    source::read(&input.path, &input.root, input.format),
                )?,
                Err(error) => collector.issue(error)?,
            }
        }
    }
    if collector.corpus.documents.is_empty() {
        return Err(IngestError::Empty(paths.to_vec()));
    }
    Ok(collector.corpus)
}

/// Reads the one file at `path`, its ids relative to `root`, failing on any problem in it.
pub fn read_file(path: &Path, root: &Path) -> Result<Vec<Document>, FileError> {
    let format =
        Format::of(path).ok_or_else(|| FileError::new(path, None, Problem::UnknownFormat))?;
    let mut collector = Collector::new(true);
    collector.add_all(path, source::read(path, root, format))?;
    Ok(collector.corpus.documents)
}

/// Gathers documents and problems, file by file.
struct Collector {
    strict: bool,
    corpus: Corpus,
    /// Where each id was first seen.
    seen: HashMap<String, (PathBuf, Option<usize>)>,
}

impl Collector {
    fn new(strict: bool) -> Self {
        Collector {
            strict,
            corpus: Corpus::default(),
            seen: HashMap::new(),
        }
    }

    fn add_all(&mut self, path: &Path, items: Vec<Item>) -> Result<(), FileError> {
        for item in items {
            match item {
                Item::Document { line, document } => self.add(path, line, document)?,
                Item::Issue(error) => self.issue(error)?,
            }
        }
        Ok(())
    }

    /// Keeps the document unless its id is taken.
    fn add(
        &mut self,
        path: &Path,
        line: Option<usize>,
        document: Document,
    ) -> Result<(), FileError> {
        if let Some((first, first_line)) = self.seen.get(&document.id) {
            let problem = Problem::DuplicateId {
                id: document.id,
                first: first.clone(),
                first_line: *first_line,
            };
            return self.issue(FileError::new(path, line, problem));
        }
        self.seen
            .insert(document.id.clone(), (path.to_path_buf(), line));
        self.corpus.documents.push(document);
        Ok(())
    }

    /// Records the problem, or in strict mode fails with it.
    fn issue(&mut self, error: FileError) -> Result<(), FileError> {
        if self.strict {
            return Err(error);
        }
        let FileError {
            path,
            line,
            problem,
        } = error;
        if problem.is_warning() {
            let message = problem.to_string();
            self.corpus.warnings.push(Warning {
                path,
                line,
                message,
            });
        } else {
            let reason = problem.to_string();
            self.corpus.skipped.push(Skipped { path, line, reason });
        }
        Ok(())
    }
}

//! A whole corpus: every input file read in order, problems recorded (or fatal in strict mode),
//! files left out on purpose counted, ids kept unique, a site name shared by every `<title>`
//! removed.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use scour_core::Document;

use crate::error::{FileError, IngestError, Location, Problem};
use crate::glob::Glob;
use crate::options::{BaseUrl, CssSelector, FileSize};
use crate::site_name;
use crate::source::{self, Format, Item};
use crate::walk::{self, Found};

/// How to read a corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestOptions {
    /// Fail on the first skipped item or warning instead of recording it.
    pub strict: bool,
    /// The element of an HTML page whose text is indexed (the first match); default, and for
    /// pages where it matches nothing: `<main>`, else the element of role `main`, else
    /// `<article>`, else `<body>`.
    pub content_selector: Option<CssSelector>,
    /// The element of an HTML page holding its title (the first match with text); default, and
    /// for pages where it matches nothing: the first `<h1>` of the content, else `<title>`.
    pub title_selector: Option<CssSelector>,
    /// Files whose path under their input folder matches one of these are left out.
    pub exclude: Vec<Glob>,
    /// Where the site is served from: the prefix of the URLs made from file paths. When none is
    /// known, pages' URLs are made from `/`, and a plain text file has none (it is a note
    /// shown by a reader, rather than a file of a site).
    pub base_url: Option<BaseUrl>,
    /// Files larger than this are skipped.
    pub max_file_size: FileSize,
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
    /// Files left out on purpose.
    pub omitted: Vec<Omitted>,
}

/// A file left out on purpose; never an error, even in strict mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Omitted {
    pub path: PathBuf,
    pub reason: Omission,
}

/// Why a file was left out on purpose. To index such a page anyway, remove its mark (or the
/// exclude pattern).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Omission {
    /// `robots.txt`, `404.html`, `sitemap.xml`, `ads.txt`, `llms.txt` and the like, in any
    /// folder: for crawlers and browsers.
    NotForSearch,
    /// Front matter `draft: true`.
    Draft,
    /// `<meta name="robots" content="noindex">` (or `none`).
    NoIndex,
    /// `<meta http-equiv="refresh" content="0; url=…">`: a page that sends its visitor on.
    Redirect,
    /// The path matches an exclude pattern.
    Excluded,
    /// A symbolic link to a folder, inside a folder read: not followed.
    LinkedFolder,
    /// A file of the name of one read before it in its folder, with another extension
    /// (`page.md` published beside `page.html`): a copy of that page, which has its id.
    OtherExtension,
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

/// Reads the files and directories at `paths` into a corpus, each page's id and URL its path
/// under the folder they share (see [`walk::site_root`]).
///
/// A path given twice is read once, and so is a file that paths overlapping (`site
/// site/docs`) both reach, with the ids of the first. Fails when a path does not exist, when no
/// document was found, and in strict mode on the first problem met; otherwise problems are
/// recorded in the corpus and reading goes on.
pub fn read_corpus(paths: &[PathBuf], options: &IngestOptions) -> Result<Corpus, IngestError> {
    let mut collector = Collector::new(options.strict);
    let mut given = HashSet::new();
    // Each file read, as the canonical path it was given under joined with its path from there:
    // what folders that overlap (`site site/docs`) both reach. Links within a folder are not
    // followed: a page linked under two names is two pages, as its site serves it.
    let mut files_read = HashSet::new();
    let root = walk::site_root(paths)?;
    let exclude = walk::Excluding::new(&options.exclude);
    let mut walked = Vec::new();
    for path in paths {
        let canonical = path.canonicalize().ok();
        // A path named twice (`site site`, or `site ./site`) is read once.
        if canonical.as_ref().is_some_and(|c| !given.insert(c.clone())) {
            continue;
        }
        walked.push((path, canonical, walk::inputs(path, &root, &exclude)?));
    }
    let published = options
        .base_url
        .as_ref()
        .is_some_and(BaseUrl::is_site_relative)
        && mostly_html(walked.iter().flat_map(|(_, _, found)| found));
    for (path, canonical, found) in walked {
        for found in found {
            match found {
                Found::Input(input) => {
                    let within = input.path.strip_prefix(path).unwrap_or(&input.path);
                    let file = canonical.as_ref().map(|c| c.join(within));
                    if file.is_some_and(|file| !files_read.insert(file)) {
                        continue;
                    }
                    collector.add_all(
                        &input.path,
                        source::read(
                            &input.path,
                            &input.site_path,
                            input.format,
                            published,
                            options,
                        ),
                    )?
                }
                Found::Omitted(path, reason) => {
                    collector.corpus.omitted.push(Omitted { path, reason })
                }
                Found::Unreadable(error) => collector.issue(error)?,
            }
        }
    }
    for pattern in exclude.unused() {
        collector
            .corpus
            .warnings
            .push(unused_pattern(pattern, paths));
    }
    let corpus = collector.finish();
    if corpus.documents.is_empty() {
        return Err(nothing_read(paths, corpus));
    }
    Ok(corpus)
}

/// Whether the files found are a site as served: as many pages of HTML as of Markdown. An index
/// written inside such a site is served from it, and its Markdown files are published as they
/// are; elsewhere Markdown is taken for a generator's sources (beside its theme's HTML), each
/// rendered to a page of its name.
fn mostly_html<'a>(found: impl Iterator<Item = &'a Found>) -> bool {
    let (mut html, mut markdown) = (0, 0);
    for found in found {
        match found {
            Found::Input(input) if input.format == Format::Html => html += 1,
            Found::Input(input) if input.format == Format::Markdown => markdown += 1,
            _ => {}
        }
    }
    html > 0 && html >= markdown
}

/// Whether `later` is a copy of the page `first`, read before it: a file of its name in its
/// folder, whatever their extensions (`page.md` beside `page.html`), or a file other than a
/// page of HTML named as the folder `first` is the index page of (`page.md` beside
/// `page/index.html`; `page.html` there is a page of its own, at its own URL).
fn copy_of(first: &Path, later: &Path) -> bool {
    if first.parent() == later.parent() {
        return first.file_stem() == later.file_stem();
    }
    let is_html = |path: &Path| {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        extension.eq_ignore_ascii_case("html") || extension.eq_ignore_ascii_case("htm")
    };
    is_html(first)
        && !is_html(later)
        && first.file_stem().is_some_and(|stem| stem == "index")
        && first.parent() == Some(later.with_extension("").as_path())
}

/// The warning for an `--exclude` pattern that left out no file: most likely written as the
/// path from where the command ran (`public/blog/**`) rather than under the folder read.
fn unused_pattern(pattern: &Glob, paths: &[PathBuf]) -> Warning {
    let written = pattern.to_string();
    let under_folder = paths.iter().find_map(|path| {
        let name = path.file_name()?.to_str()?;
        written.strip_prefix(name)?.strip_prefix('/')
    });
    let hint = match under_folder {
        Some(rest) => {
            format!("a pattern is a path under the folder read: `{rest}`, not `{written}`")
        }
        None => {
            "a pattern is a path under the folder read (`blog/**`, `**/drafts/*.md`)".to_string()
        }
    };
    Warning {
        path: paths.first().cloned().unwrap_or_default(),
        line: None,
        message: format!("--exclude `{written}` left out no file; {hint}"),
    }
}

/// Why a run found no document: every file was skipped (each for its reason), or left out on
/// purpose, or none was found.
fn nothing_read(paths: &[PathBuf], corpus: Corpus) -> IngestError {
    let paths = paths.to_vec();
    let left_out = corpus.omitted.len();
    if !corpus.skipped.is_empty() {
        return IngestError::AllSkipped {
            paths,
            skipped: corpus.skipped,
            left_out,
        };
    }
    match left_out {
        0 => IngestError::Empty(paths),
        count => IngestError::AllLeftOut { paths, count },
    }
}

/// Reads the one file at `path`, its ids relative to `root` (its name alone when it is not
/// under `root`), failing on any problem in it.
pub fn read_file(path: &Path, root: &Path) -> Result<Vec<Document>, FileError> {
    let format =
        Format::of(path).ok_or_else(|| FileError::new(path, None, Problem::UnknownFormat))?;
    let mut collector = Collector::new(true);
    let options = IngestOptions::default();
    let site_path = match path.strip_prefix(root) {
        Ok(relative) => relative,
        Err(_) => path.file_name().map_or(path, Path::new),
    };
    let published = false;
    collector.add_all(
        path,
        source::read(path, site_path, format, published, &options),
    )?;
    Ok(collector.finish().documents)
}

/// Gathers documents and problems, file by file.
struct Collector {
    strict: bool,
    corpus: Corpus,
    /// Where each id was first seen.
    seen: HashMap<String, (PathBuf, Option<usize>)>,
    /// The documents whose title was read from `<title>`, by position.
    title_tag_documents: Vec<usize>,
}

impl Collector {
    fn new(strict: bool) -> Self {
        Collector {
            strict,
            corpus: Corpus::default(),
            seen: HashMap::new(),
            title_tag_documents: Vec::new(),
        }
    }

    fn add_all(&mut self, path: &Path, items: Vec<Item>) -> Result<(), FileError> {
        for item in items {
            match item {
                Item::Document {
                    line,
                    document,
                    title_tag,
                } => {
                    let position = self.corpus.documents.len();
                    self.add(path, line, document)?;
                    let kept = self.corpus.documents.len() > position;
                    if title_tag && kept {
                        self.title_tag_documents.push(position);
                    }
                }
                Item::Omitted(reason) => self.corpus.omitted.push(Omitted {
                    path: path.to_path_buf(),
                    reason,
                }),
                Item::Issue(error) => self.issue(error)?,
            }
        }
        Ok(())
    }

    /// The corpus, with the site name every `<title>` title ends with removed.
    fn finish(mut self) -> Corpus {
        let documents = &mut self.corpus.documents;
        let titles: Vec<&str> = self
            .title_tag_documents
            .iter()
            .map(|&position| documents[position].title.as_str())
            .collect();
        if let Some(suffix) = site_name::shared_suffix(&titles) {
            for &position in &self.title_tag_documents {
                let title = &mut documents[position].title;
                title.truncate(title.len() - suffix.len());
            }
        }
        self.corpus
    }

    /// Keeps the document unless its id is taken. A file of a page read before it (`page.md`
    /// beside `page.html` or `page/index.html`, both published) is left out as that page's
    /// copy: such a file has nowhere to name another id, and its page is the other's.
    fn add(
        &mut self,
        path: &Path,
        line: Option<usize>,
        document: Document,
    ) -> Result<(), FileError> {
        let folder_index = format!("{}/index", document.id);
        let copied = [&document.id, &folder_index].into_iter().any(|id| {
            matches!(self.seen.get(id), Some((first, None)) if line.is_none() && copy_of(first, path))
        });
        if copied {
            self.corpus.omitted.push(Omitted {
                path: path.to_path_buf(),
                reason: Omission::OtherExtension,
            });
            return Ok(());
        }
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

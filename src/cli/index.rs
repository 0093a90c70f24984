//! `scour index`: read a folder of pages into an index file, optionally with the web bundle.

use std::collections::HashSet;
use std::fs;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use clap::Args;

use scour_core::language::Language;
use scour_core::synonyms::Synonyms;
use scour_core::{codec, ChunkedFiles, IndexBuilder, IndexFiles, Layout};
use scour_ingest::{
    absolute, read_corpus, BaseUrl, Corpus, CssSelector, FileSize, Glob, IngestOptions, Omission,
    Omitted, Skipped,
};

/// The index file's name inside `--out`: the entry (or language table) of a chunked index,
/// or the single file.
pub const INDEX_FILE: &str = "scour-index.bin";
/// The folder of a chunked index's pieces, beside its entry.
const PIECES: &str = "pieces";
#[derive(Args)]
pub struct IndexArgs {
    /// Files or folders of .md, .html, .txt and .jsonl documents (folders are read recursively;
    /// pages are named by their paths under the folder read, or that the paths share).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The folder to write the index (and with --bundle, the wasm, JS and widget) into.
    #[arg(long)]
    out: PathBuf,
    /// Also copy the engine and the widget, so the folder can be dropped into any static site.
    #[arg(long)]
    bundle: bool,
    /// Fail on the first file that cannot be read cleanly instead of skipping it.
    #[arg(long)]
    strict: bool,
    /// The element of each HTML page whose text is indexed, as CSS (the first match; pages
    /// where it matches nothing: main, else [role=main], else the article holding the page's
    /// h1, else body).
    #[arg(long, value_name = "CSS")]
    content_selector: Option<CssSelector>,
    /// The element of each HTML page holding its title, as CSS (the first match with text;
    /// pages where it matches nothing: the content's first h1, else <title>).
    #[arg(long, value_name = "CSS")]
    title_selector: Option<CssSelector>,
    /// Leave out files whose path under the input folder matches GLOB (`*` and `?` within a
    /// name, `**` for any folders; a matching folder leaves out all below it). Repeatable.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<Glob>,
    /// Where the site is served from: the prefix of every URL made from a file's path
    /// (/docs/ or https://example.com/docs/). Without it, an index written inside the folder
    /// read (or that the folders read share) finds the site's root from its own URL (--out
    /// public/search: the folder above it); any other index, at /, with no URL for .txt notes.
    #[arg(long, value_name = "URL")]
    base_url: Option<BaseUrl>,
    /// Skip files larger than SIZE: bytes, or a number followed by K, M or G (64M).
    #[arg(long, value_name = "SIZE", default_value_t = FileSize::default())]
    max_file_size: FileSize,
    /// The language of documents that name none (an HTML `lang`, a front matter or JSON
    /// `lang` field), as a language tag: `fr`, `de-CH`. Decides stemming and stop words;
    /// a tag without a stemmer (`zh`, `ko`) indexes without stemming.
    #[arg(long, value_name = "TAG", default_value = "en", value_parser = language_tag)]
    lang: Language,
    /// Write the whole index as one file (small sites) instead of an entry file and the
    /// pieces a browser fetches as queries need them.
    #[arg(long)]
    single_file: bool,
    /// A file of groups of words that stand for one another, one group per line, its words
    /// separated by commas (`signin, login, logon`): added to the built-in English groups.
    #[arg(long, value_name = "FILE")]
    synonyms: Option<PathBuf>,
    /// Leave out the built-in English synonyms (`folder` for `directory` and the like).
    #[arg(long)]
    no_builtin_synonyms: bool,
    /// Target bytes of terms per term piece.
    #[arg(long, default_value_t = Layout::default().term_piece_bytes, hide = true)]
    term_piece_bytes: usize,
    /// Target bytes of postings per postings piece.
    #[arg(long, default_value_t = Layout::default().postings_piece_bytes, hide = true)]
    postings_piece_bytes: usize,
}

/// A `--lang` value: a language tag (`fr`, `pt-BR`), or `und` for none.
pub(super) fn language_tag(tag: &str) -> Result<Language, String> {
    Language::from_known_tag(tag).ok_or_else(|| {
        format!("{tag:?} is not a language tag: give its primary subtag, like en, fr, de or zh")
    })
}

/// The built-in synonyms unless left out, and those of `--synonyms`.
fn synonyms(args: &IndexArgs) -> Result<Synonyms, String> {
    let mut synonyms = if args.no_builtin_synonyms {
        Synonyms::none()
    } else {
        Synonyms::english()
    };
    if let Some(path) = &args.synonyms {
        let text = fs::read_to_string(path)
            .map_err(super::cannot("read", path))
            .map_err(|e| format!("--synonyms: {e}"))?;
        synonyms
            .add(&text)
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(synonyms)
}

pub fn run(args: &IndexArgs) -> Result<(), String> {
    let started = Instant::now();
    let made = check_out_folder(&args.out)?;
    let _writing = lock_out_folder(&args.out).inspect_err(|_| remove_empty(&made))?;
    index(args, started).inspect_err(|_| remove_empty(&made))
}

/// Holds the `--out` folder for this run, until the handle is dropped (or the process ends,
/// however it ends): a second `scour index` into it meanwhile (a watcher's rebuild, another CI
/// job) would remove the pieces of this one's index as those of an earlier build, and this
/// one its. Where folders cannot be locked (Windows, WASI), runs are not told apart.
fn lock_out_folder(out: &Path) -> Result<Option<fs::File>, String> {
    let Ok(folder) = fs::File::open(out) else {
        return Ok(None);
    };
    match folder.try_lock() {
        Ok(()) => Ok(Some(folder)),
        Err(fs::TryLockError::WouldBlock) => Err(format!(
            "another `scour index` is writing into {}: run one at a time (wait for it to finish, then run again)",
            out.display()
        )),
        Err(fs::TryLockError::Error(_)) => Ok(None),
    }
}

/// Removes those of `folders` (the deepest first) that are empty: a run that wrote nothing
/// leaves no folder of its own behind.
fn remove_empty(folders: &[PathBuf]) {
    for folder in folders {
        let _ = fs::remove_dir(folder);
    }
}

/// Reads the pages of `args`, indexes them and writes the index into its `--out` folder.
fn index(args: &IndexArgs, started: Instant) -> Result<(), String> {
    let synonyms = synonyms(args)?;
    if args.bundle {
        super::bundle::check(&args.out)?;
    }
    eprintln!("reading {} path(s)…", args.paths.len());
    let site_root = site_root(args);
    let corpus =
        read_corpus(&args.paths, &ingest_options(args, site_root)).map_err(|e| e.to_string())?;
    let text_bytes: usize = corpus
        .documents
        .iter()
        .map(|d| d.title.len() + d.body.len())
        .sum();
    eprintln!(
        "indexing {} documents ({:.1} MB of text)…",
        corpus.documents.len(),
        text_bytes as f64 / 1e6
    );
    let mut builder = IndexBuilder::new();
    builder.language(args.lang.clone()).synonyms(synonyms);
    if let Some(levels) = site_root {
        builder.site_root(levels);
    }
    let mut progress = Progress::new(corpus.documents.len());
    for document in corpus.documents {
        builder.add(document);
        progress.advance();
    }
    progress.finish();
    let (files, thinned) = if args.single_file {
        let written = builder.write_files(Layout::whole());
        (Built::SingleFile(written.files), written.thinned)
    } else {
        let written = builder.write_chunked(Layout {
            term_piece_bytes: args.term_piece_bytes,
            postings_piece_bytes: args.postings_piece_bytes,
            ..Layout::default()
        });
        (Built::Chunked(written.files), written.thinned)
    };
    fs::create_dir_all(&args.out).map_err(super::cannot("create", &args.out))?;
    let index_path = args.out.join(INDEX_FILE);
    let written = write_index(&files, &args.out)?;
    let entry = codec::decode_entry(match &files {
        Built::SingleFile(files) => &files.entry,
        Built::Chunked(chunked) => chunked.entry(),
    })
    .map_err(|e| e.to_string())?;
    if args.bundle {
        let stemmers = entry.languages.iter().any(Language::needs_stemmers);
        super::bundle::write(&args.out, stemmers)?;
    }
    outln!(
        "indexed {} documents, {} terms into {} ({}) in {:.2} s",
        entry.documents,
        entry.terms,
        index_path.display(),
        written,
        started.elapsed().as_secs_f64()
    );
    // Problems go to the standard error, as the progress does: a run whose output is kept
    // or thrown away still names each bad file.
    for warning in &corpus.warnings {
        eprintln!("warning: {warning}");
    }
    for page in &thinned {
        eprintln!("warning: {page}");
    }
    if !corpus.omitted.is_empty() {
        outln!("{}", omitted_summary(&corpus.omitted));
    }
    if let Some(report) = skipped_report(&corpus.skipped) {
        eprintln!("{report}");
    }
    Ok(())
}

/// Refuses an `--out` that is, or is inside, something other than a folder, before any page is
/// read: the index could not be written there. The folders it made for it, the deepest
/// first.
fn check_out_folder(out: &Path) -> Result<Vec<PathBuf>, String> {
    let existing = out
        .ancestors()
        .find_map(|path| fs::metadata(path).ok().map(|metadata| (path, metadata)));
    let advice = "name a folder (it is created if missing)";
    match existing {
        Some((path, metadata)) if !metadata.is_dir() => Err(if path == out {
            format!("--out {} is a file, not a folder: {advice}", out.display())
        } else {
            let (out, path) = (out.display(), path.display());
            format!("--out {out} is inside {path}, a file, not a folder: {advice}")
        }),
        _ => {
            let made = make_folders(out)?;
            match can_write_in(out) {
                Ok(()) => Ok(made),
                Err(error) => {
                    remove_empty(&made);
                    Err(error)
                }
            }
        }
    }
}

/// Makes `out` and the folders above it that are missing, one at a time, and returns those it
/// made, the deepest first: a folder that was there already is never among them, even named
/// again through `..` (`new/../docs`), nor one another run makes meanwhile.
fn make_folders(out: &Path) -> Result<Vec<PathBuf>, String> {
    let out: PathBuf = out.components().collect();
    let missing: Vec<&Path> = out
        .ancestors()
        .take_while(|path| !path.as_os_str().is_empty() && fs::metadata(path).is_err())
        .collect();
    let mut made = Vec::new();
    for folder in missing.into_iter().rev() {
        match fs::create_dir(folder) {
            Ok(()) => made.insert(0, folder.to_path_buf()),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(error) => {
                remove_empty(&made);
                return Err(super::cannot("create", folder)(error));
            }
        }
    }
    Ok(made)
}

/// Whether files can be written in the folder `out`, tried with a file of no bytes that is
/// then removed: an `--out` where nothing can be written is refused before every page is read.
/// The file's name is the time's, so two runs at once do not share it.
fn can_write_in(out: &Path) -> Result<(), String> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let probe = out.join(format!(".scour-write-check-{}", now.as_nanos()));
    fs::write(&probe, b"").map_err(super::cannot("write in", out))?;
    match fs::remove_file(&probe) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => {
            Err(super::cannot("remove", &probe)(error))
        }
        _ => Ok(()),
    }
}

/// Writes to the standard error what reading `corpus` passed over: its warnings, then each item
/// it skipped, with its reason (for `eval` and `bench`, whose standard output is figures).
pub(super) fn report_passed_over(corpus: &Corpus) {
    for warning in &corpus.warnings {
        eprintln!("warning: {warning}");
    }
    if let Some(report) = skipped_report(&corpus.skipped) {
        eprintln!("{report}");
    }
}

/// `skipped 2 item(s):` and a line for each file or line left out of a corpus for a problem,
/// with its reason; none when nothing was.
fn skipped_report(skipped: &[Skipped]) -> Option<String> {
    if skipped.is_empty() {
        return None;
    }
    let mut report = format!("skipped {} item(s):", skipped.len());
    for item in skipped {
        report.push_str(&format!("\n  {item}"));
    }
    Some(report)
}

/// The options of the pages' reading; `site_root` (see [`site_root`]) makes their URLs relative
/// to the site's root.
fn ingest_options(args: &IndexArgs, site_root: Option<u32>) -> IngestOptions {
    let base_url = match site_root {
        Some(_) => Some(BaseUrl::site_relative()),
        None => args.base_url.clone(),
    };
    IngestOptions {
        strict: args.strict,
        content_selector: args.content_selector.clone(),
        title_selector: args.title_selector.clone(),
        exclude: args.exclude.clone(),
        base_url,
        max_file_size: args.max_file_size,
    }
}

/// How many folders `--out` is below the site's root, the folder read (or that the folders
/// read share, `public` of `public/docs public/blog`), when it is inside it and no
/// `--base-url` is given: the index then finds the site's root from its own URL. Paths are
/// compared as written, made absolute (links are not followed: WASI cannot).
fn site_root(args: &IndexArgs) -> Option<u32> {
    if args.base_url.is_some() || !args.paths.iter().any(|path| path.is_dir()) {
        return None;
    }
    let site = scour_ingest::site_root(&args.paths).ok()?;
    let below = absolute(&args.out).strip_prefix(site).ok()?.to_path_buf();
    Some(below.components().count() as u32)
}

/// `left out 4 file(s): 2 not for search (a/404.html, robots.txt), 1 marked draft (…), …`:
/// how many files each rule left out, with up to three of them.
fn omitted_summary(omitted: &[Omitted]) -> String {
    const SHOWN: usize = 3;
    let mut groups: Vec<(Omission, Vec<String>)> = Vec::new();
    for Omitted { path, reason } in omitted {
        let path = path.display().to_string();
        match groups.iter_mut().find(|(group, _)| group == reason) {
            Some((_, paths)) => paths.push(path),
            None => groups.push((*reason, vec![path])),
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|(reason, paths)| {
            let more = if paths.len() > SHOWN { ", …" } else { "" };
            let shown = paths[..paths.len().min(SHOWN)].join(", ");
            format!(
                "{} {} ({shown}{more})",
                paths.len(),
                omission_label(*reason)
            )
        })
        .collect();
    format!("left out {} file(s): {}", omitted.len(), parts.join(", "))
}

fn omission_label(reason: Omission) -> &'static str {
    match reason {
        Omission::NotForSearch => "not for search",
        Omission::Draft => "marked draft",
        Omission::NoIndex => "marked noindex",
        Omission::Redirect => "redirecting elsewhere",
        Omission::Excluded => "excluded by --exclude",
        Omission::LinkedFolder => "links to folders, not followed (give the folder itself)",
        Omission::OtherExtension => {
            "copies of a page under another extension (page.md beside page.html)"
        }
    }
}

/// An index as built, before it is written.
enum Built {
    SingleFile(IndexFiles),
    Chunked(ChunkedFiles),
}

/// Writes the single file, or every piece and then the entry (or language table), keeping
/// pieces already there that hold what they should, and removing those of earlier builds. The
/// index file is replaced whole (see [`write_replacing`]): a run that fails midway leaves the
/// index that was there searchable. Returns what was written, for the report.
fn write_index(files: &Built, out: &Path) -> Result<String, String> {
    let write =
        |path: &Path, bytes: &[u8]| fs::write(path, bytes).map_err(super::cannot("write", path));
    let pieces_dir = out.join(PIECES);
    // A folder this run creates holds only this build's pieces: none to look for or remove
    // (under WASI, listing and checking 14,000 pieces takes a second).
    let earlier_pieces = pieces_dir.exists();
    let mut keep = HashSet::new();
    let summary = match files {
        Built::SingleFile(files) => {
            let bytes = files.single_file();
            write_replacing(&out.join(INDEX_FILE), &bytes)?;
            format!("one file of {} bytes", bytes.len())
        }
        Built::Chunked(files) => {
            fs::create_dir_all(&pieces_dir).map_err(super::cannot("create", &pieces_dir))?;
            let top = files.top();
            let mut total = top.len();
            for (file, bytes) in files.pieces() {
                let path = out.join(file);
                if keep.contains(&path) {
                    // A piece two languages' indexes share, written once.
                    continue;
                }
                // A piece already there is kept only when it is this one, byte for byte: a
                // damaged piece is written again.
                let present = earlier_pieces && fs::read(&path).is_ok_and(|found| found == bytes);
                if !present {
                    write(&path, bytes)?;
                }
                keep.insert(path);
                total += bytes.len();
            }
            write_replacing(&out.join(INDEX_FILE), top)?;
            let first = match files {
                ChunkedFiles::One(_) => format!("an entry of {} bytes", top.len()),
                ChunkedFiles::Languages(_) => language_summary(top)?,
            };
            format!("{first} and {} pieces, {total} bytes in all", keep.len())
        }
    };
    if earlier_pieces {
        remove_pieces_but(&pieces_dir, &keep)?;
    }
    Ok(summary)
}

/// `a language table of 90 bytes (an index of each language, pages: de 3, fr 2; and one of
/// all 5)`: what the table of a chunked index of several languages names.
fn language_summary(bytes: &[u8]) -> Result<String, String> {
    let table = codec::decode_language_table(bytes).map_err(|e| e.to_string())?;
    let languages: Vec<String> = table
        .languages
        .iter()
        .map(|(language, index)| format!("{} {}", language.code(), index.documents))
        .collect();
    Ok(format!(
        "a language table of {} bytes (an index of each language, pages: {}; and one of all {})",
        bytes.len(),
        languages.join(", "),
        table.all.documents
    ))
}

/// Writes `bytes` to `path` through a file beside it, then renamed over it: the file is the
/// old one or the new one, never cut short.
fn write_replacing(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let partial = path.with_extension("bin.partial");
    let written = fs::write(&partial, bytes)
        .map_err(super::cannot("write", &partial))
        .and_then(|()| fs::rename(&partial, path).map_err(super::cannot("replace", path)));
    if written.is_err() {
        // What the error names is what matters; the partial file goes if it can.
        fs::remove_file(&partial).ok();
    }
    written
}

/// Removes the pieces in `pieces_dir` that are not in `keep`: those of earlier builds (named
/// as scour names pieces; other files there are the site's own).
fn remove_pieces_but(pieces_dir: &Path, keep: &HashSet<PathBuf>) -> Result<(), String> {
    // The whole listing first: removing files while the folder is read makes some systems
    // (WASI under Node) skip entries.
    let paths = fs::read_dir(pieces_dir)
        .and_then(|entries| {
            entries
                .map(|entry| Ok(entry?.path()))
                .collect::<io::Result<Vec<_>>>()
        })
        .map_err(super::cannot("list", pieces_dir))?;
    for path in paths {
        let ours = path
            .file_name()
            .and_then(|name| name.to_str())
            .is_some_and(codec::is_piece_file_name);
        if ours && !keep.contains(&path) {
            match fs::remove_file(&path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => {
                    return Err(super::cannot("remove", &path)(e));
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// A progress bar on stderr for large inputs, drawn only when stderr is a terminal.
struct Progress {
    total: usize,
    done: usize,
    visible: bool,
}

impl Progress {
    /// Inputs smaller than this index too fast for a bar to be worth drawing.
    const MIN_DOCUMENTS: usize = 1_000;

    fn new(total: usize) -> Self {
        let visible = total >= Self::MIN_DOCUMENTS && std::io::stderr().is_terminal();
        Progress {
            total,
            done: 0,
            visible,
        }
    }

    fn advance(&mut self) {
        self.done += 1;
        if self.visible && (self.done.is_multiple_of(256) || self.done == self.total) {
            let filled = 30 * self.done / self.total;
            eprint!(
                "\r[{}{}] {}/{} documents",
                "#".repeat(filled),
                " ".repeat(30 - filled),
                self.done,
                self.total
            );
        }
    }

    fn finish(&self) {
        if self.visible {
            eprintln!();
        }
    }
}

//! scour-ingest: reads a corpus from disk into [`Document`]s for the index builder.
//!
//! [`read_corpus`] takes files and directories and reads every `.txt`, `.md`/`.markdown`,
//! `.html`/`.htm` and `.jsonl` file under them, in sorted order. Problems in single files are
//! recorded in the [`Corpus`] as [`Skipped`] items and [`Warning`]s, or with
//! [`IngestOptions::strict`] end the run with an [`IngestError`] naming the file and line.
//! Files not meant for search (drafts, noindex pages, `robots.txt`, `404.html`, `sitemap.xml`,
//! `ads.txt` and the like, exclude patterns) are left out and recorded as [`Omitted`]. Input
//! cannot hang or exhaust a run: only regular files (or links to them) of at most
//! [`IngestOptions::max_file_size`] bytes are read, and HTML pages nested more than 512
//! elements deep are skipped.

mod corpus;
mod date;
mod decode;
mod error;
mod fields;
mod file;
mod flow;
mod frontmatter;
mod glob;
mod html;
mod html_tree;
mod jsonl;
mod markdown;
mod options;
mod relative;
mod sections;
mod site_name;
mod source;
mod txt;
mod walk;

pub use corpus::{
    read_corpus, read_file, Corpus, IngestOptions, Omission, Omitted, Skipped, Warning,
};
pub use error::{FileError, IngestError, IoReason, OptionError, Problem};
pub use glob::Glob;
pub use options::{BaseUrl, CssSelector, FileSize, MAX_FILE_BYTES};
pub use scour_core::Document;
pub use walk::{absolute, site_root};

//! scour-ingest: reads a corpus from disk into [`Document`]s for the index builder.
//!
//! [`read_corpus`] takes files and directories and reads every `.txt`, `.md`/`.markdown`,
//! `.html`/`.htm` and `.jsonl` file under them, in sorted order. Problems in single files are
//! recorded in the [`Corpus`] as [`Skipped`] items and [`Warning`]s, or with
//! [`IngestOptions::strict`] end the run with an [`IngestError`] naming the file and line.

mod corpus;
mod date;
mod decode;
mod error;
mod fields;
mod flow;
mod frontmatter;
mod html;
mod jsonl;
mod markdown;
mod relative;
mod sections;
mod source;
mod txt;
mod walk;

pub use corpus::{read_corpus, read_file, Corpus, IngestOptions, Skipped, Warning};
pub use error::{FileError, IngestError, Problem};
pub use scour_core::Document;

//! scour-ingest: reads a corpus from disk into documents.

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
mod source;
mod txt;

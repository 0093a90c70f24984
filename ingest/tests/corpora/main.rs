//! Integration tests: whole corpora read from disk, one module per corpus or concern.

mod bad_inputs;
mod common;
mod datasets;
mod docs_site;
mod hostile;
mod html_site;
mod lighthouse_site;
mod seed_corpus;
mod walk;
mod xss;

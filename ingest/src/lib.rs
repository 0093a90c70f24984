//! scour-ingest: reads a corpus from disk into documents.

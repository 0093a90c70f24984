//! The index file formats, and the only module that knows their bytes.
//!
//! Every file, the single-file index, the entry of a chunked index and each of its pieces,
//! has the same header:
//!
//! ```text
//! magic (8 bytes, one per kind) | format u16 LE | checksum u32 LE | payload length u64 LE
//! | writer version length u8 | writer version (UTF-8) | payload (bincode 2, standard config)
//! ```
//! The checksum is FNV-1a (32 bit) of the payload; a piece's name is the FNV-1a (64 bit)
//! hash of its whole file. Terms are front-coded; postings are the varint streams of
//! [`crate::postings`]. A single-file index holds the entry and every piece, in the order
//! [`Index::missing`] lists them. Decoding checks every length, id and string against the
//! bytes left, so a corrupt, foreign or forged file is an error, never a panic, a wrong
//! answer or an allocation beyond a small multiple of its size.

use bincode::de::read::Reader;
use bincode::de::Decoder;
use bincode::error::DecodeError;
use bincode::{Decode, Encode};

use crate::dictionary::TermDictionary;
use crate::document::Section;
use crate::index::{run_terms, Index};
use crate::language::{Language, Languages};
use crate::pieces::{
    Entry, FilterValues, Filters, IdPieceRef, Name, PieceId, StoredDocument, StreamsRef, TermPiece,
    TermPieceRef,
};
use crate::postings::{read_varint, write_varint, GENERIC_BITS, MAX_GENERIC};

/// Bumped whenever a payload layout changes.
pub const FORMAT_VERSION: u16 = 4;
/// The scour version writing and reading this format.
pub const SCOUR_VERSION: &str = env!("CARGO_PKG_VERSION");
const FIXED_HEADER: usize = 8 + 2 + 4 + 8 + 1;
/// Decoded term text may be at most this many times the bytes that encode it: front coding
/// shares prefixes, but a forged piece must not turn kilobytes into gigabytes.
const MAX_TERM_EXPANSION: usize = 16;

/// The kinds of file, each with its magic bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    SingleFile,
    Entry,
    Terms,
    Postings,
    Positions,
    Ids,
    Document,
    Dates,
    Filters,
}

const KINDS: [(Kind, &[u8; 8], &str); 9] = [
    (Kind::SingleFile, b"SCOURIDX", "a single-file index"),
    (Kind::Entry, b"SCOURENT", "an index entry file"),
    (Kind::Terms, b"SCOURTRM", "a term piece"),
    (Kind::Postings, b"SCOURPST", "a postings piece"),
    (Kind::Positions, b"SCOURPOS", "a positions piece"),
    (Kind::Ids, b"SCOURIDS", "an id piece"),
    (Kind::Document, b"SCOURDOC", "a document piece"),
    (Kind::Dates, b"SCOURDAT", "a dates piece"),
    (Kind::Filters, b"SCOURFLT", "a filters piece"),
];

fn magic(kind: Kind) -> &'static [u8; 8] {
    KINDS
        .iter()
        .find(|k| k.0 == kind)
        .map_or(b"SCOURIDX", |k| k.1)
}

fn describe(kind: Kind) -> &'static str {
    KINDS.iter().find(|k| k.0 == kind).map_or("", |k| k.2)
}

/// Why bytes could not be opened as an index or one of its pieces.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("not a Scour index: the data does not start with the Scour magic bytes (is this the right file?)")]
    NotAnIndex,
    #[error("{file} is {found}, not {expected}: point Scour at the index's entry file (scour-index.bin)")]
    WrongKind {
        file: String,
        expected: &'static str,
        found: &'static str,
    },
    #[error("the index is truncated: {0}; rebuild it or download it again")]
    Truncated(&'static str),
    #[error("{0} is truncated; rebuild the index or download it again")]
    TruncatedPiece(String),
    #[error("the index was written by scour {writer} in format {found}, but this is scour {SCOUR_VERSION} reading format {FORMAT_VERSION}: rebuild the index with scour {SCOUR_VERSION}")]
    UnsupportedVersion { found: u16, writer: String },
    #[error("the index is corrupt: its checksum does not match its contents; rebuild it or download it again")]
    ChecksumMismatch,
    #[error("{0} is corrupt: its checksum does not match its contents; rebuild the index or download it again")]
    CorruptPiece(String),
    #[error("{0} does not match the index that names it: the index was rebuilt since it was opened; open it again")]
    Stale(String),
    #[error("the index is corrupt: {0}; rebuild it")]
    Corrupt(String),
}

fn corrupt(message: String) -> FormatError {
    FormatError::Corrupt(message)
}

// ---------------------------------------------------------------------------------------
// Headers and names

/// Wraps a payload in a header of `kind`.
fn seal(kind: Kind, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(FIXED_HEADER + SCOUR_VERSION.len() + payload.len());
    out.extend_from_slice(magic(kind));
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&fnv1a(payload).to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.push(SCOUR_VERSION.len() as u8);
    out.extend_from_slice(SCOUR_VERSION.as_bytes());
    out.extend_from_slice(payload);
    out
}

/// Checks the header of a file of `kind` and returns its payload.
fn open<'a>(bytes: &'a [u8], kind: Kind, file: &str) -> Result<&'a [u8], FormatError> {
    let Some(found) = KINDS
        .iter()
        .find(|k| bytes.len() >= 8 && &bytes[..8] == k.1)
    else {
        return Err(FormatError::NotAnIndex);
    };
    if found.0 != kind {
        return Err(FormatError::WrongKind {
            file: file.to_string(),
            expected: describe(kind),
            found: found.2,
        });
    }
    if bytes.len() < FIXED_HEADER {
        return Err(FormatError::Truncated("the header is incomplete"));
    }
    let format = u16::from_le_bytes([bytes[8], bytes[9]]);
    let checksum = u32::from_le_bytes(bytes[10..14].try_into().expect("4 bytes"));
    let payload_length = u64::from_le_bytes(bytes[14..22].try_into().expect("8 bytes"));
    let writer_end = FIXED_HEADER + bytes[22] as usize;
    let writer = bytes
        .get(FIXED_HEADER..writer_end)
        .map(|w| String::from_utf8_lossy(w).into_owned())
        .ok_or(FormatError::Truncated("the header is incomplete"))?;
    if format != FORMAT_VERSION {
        return Err(FormatError::UnsupportedVersion {
            found: format,
            writer,
        });
    }
    let payload = &bytes[writer_end..];
    if (payload.len() as u64) < payload_length {
        return Err(match kind {
            Kind::SingleFile | Kind::Entry => {
                FormatError::Truncated("the data ends before the length its header gives")
            }
            _ => FormatError::TruncatedPiece(file.to_string()),
        });
    }
    if payload.len() as u64 > payload_length {
        return Err(corrupt(format!(
            "{file} has {} unexpected bytes after its end",
            payload.len() as u64 - payload_length
        )));
    }
    if fnv1a(payload) != checksum {
        return Err(match kind {
            Kind::SingleFile | Kind::Entry => FormatError::ChecksumMismatch,
            _ => FormatError::CorruptPiece(file.to_string()),
        });
    }
    Ok(payload)
}

/// The name a piece's bytes give it.
pub fn name_of(bytes: &[u8]) -> Name {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Checks that `bytes` are a whole, intact file of the kind `piece` is.
pub(crate) fn check_header(piece: PieceId, bytes: &[u8], file: &str) -> Result<(), FormatError> {
    let kind = match piece {
        PieceId::Terms(_) => Kind::Terms,
        PieceId::Postings(..) => Kind::Postings,
        PieceId::Positions(..) => Kind::Positions,
        PieceId::Ids(_) => Kind::Ids,
        PieceId::Document(_) => Kind::Document,
        PieceId::Dates => Kind::Dates,
        PieceId::Filters => Kind::Filters,
    };
    open(bytes, kind, file).map(|_| ())
}

/// A piece fetched under `file` must hash to the name its index gives it.
pub(crate) fn check_name(file: &str, bytes: &[u8], name: Name) -> Result<(), FormatError> {
    if name_of(bytes) == name {
        Ok(())
    } else {
        Err(FormatError::Stale(file.to_string()))
    }
}

/// A piece's file name, relative to the entry file's folder.
pub(crate) fn piece_file(
    entry: &Entry,
    piece: PieceId,
    run: impl Fn(u32, u32) -> Option<StreamsRef>,
) -> String {
    let named = |kind: &str, name: Option<Name>| match name {
        Some(name) => format!("pieces/{kind}-{name:016x}.bin"),
        None => format!("pieces/{kind}-unknown.bin"),
    };
    match piece {
        PieceId::Terms(t) => named("terms", entry.term_pieces.get(t as usize).map(|r| r.name)),
        PieceId::Postings(t, r) => named("postings", run(t, r).map(|s| s.postings)),
        PieceId::Positions(t, r) => named("positions", run(t, r).map(|s| s.positions)),
        PieceId::Ids(i) => named("ids", entry.id_pieces.get(i as usize).map(|r| r.name)),
        PieceId::Document(doc) => format!("pieces/doc-{:016x}-{doc}.bin", entry.documents_name),
        PieceId::Dates => named("dates", entry.dates),
        PieceId::Filters => named("filters", entry.filters),
    }
}

// ---------------------------------------------------------------------------------------
// Payloads

#[derive(Encode)]
struct EntryPayload {
    documents: u32,
    terms: u32,
    average_title: f32,
    average_body: f32,
    term_pieces: Vec<(String, u32, u64)>,
    id_pieces: Vec<(String, u32, u64)>,
    documents_name: u64,
    dates: Option<u64>,
    filters: Option<u64>,
    /// The documents' languages (primary subtags), sorted.
    languages: Vec<String>,
}

#[derive(Encode)]
struct TermPayload {
    first_id: u32,
    term_count: u32,
    terms: Vec<u8>,
    doc_counts: Vec<u32>,
    postings_lengths: Vec<u32>,
    positions_lengths: Vec<u32>,
    streams: Vec<(u32, u64, u64)>,
    stem_count: u32,
    stems: Vec<u8>,
    /// Delta-coded global term ids per stem.
    stem_members: Vec<Vec<u32>>,
}

#[derive(Encode)]
struct IdsPayload {
    first_doc: u32,
    count: u32,
    ids: Vec<u8>,
}

#[derive(Encode)]
struct DocumentPayload {
    documents_name: u64,
    doc: u32,
    id: String,
    title: String,
    body: String,
    date: Option<String>,
    url: Option<String>,
    meta: Vec<(String, String)>,
    /// Start, anchor and heading of each section.
    sections: Vec<(u32, String, String)>,
    /// The document's language (primary subtag).
    lang: String,
}

#[derive(Encode)]
struct FiltersPayload {
    /// Name, then each value with its delta-coded documents.
    names: Vec<(String, FilterValues)>,
}

/// Each document's date, by number.
#[derive(Encode)]
struct DatesList(Vec<Option<String>>);

#[derive(Encode)]
struct SingleFilePayload {
    entry: Vec<u8>,
    pieces: Vec<Vec<u8>>,
}

// Decoded by hand, field by field in the derived encoders' order, so that every length is
// checked against the bytes left before anything is allocated.

impl<C> Decode<C> for EntryPayload {
    fn decode<D: Decoder<Context = C>>(d: &mut D) -> Result<Self, DecodeError> {
        let piece = |d: &mut D| Ok((string(d)?, u32::decode(d)?, u64::decode(d)?));
        Ok(EntryPayload {
            documents: u32::decode(d)?,
            terms: u32::decode(d)?,
            average_title: f32::decode(d)?,
            average_body: f32::decode(d)?,
            term_pieces: list(d, piece)?,
            id_pieces: list(d, piece)?,
            documents_name: u64::decode(d)?,
            dates: optional(d, u64::decode)?,
            filters: optional(d, u64::decode)?,
            languages: list(d, string)?,
        })
    }
}

impl<C> Decode<C> for TermPayload {
    fn decode<D: Decoder<Context = C>>(d: &mut D) -> Result<Self, DecodeError> {
        Ok(TermPayload {
            first_id: u32::decode(d)?,
            term_count: u32::decode(d)?,
            terms: bytes(d)?,
            doc_counts: list(d, u32::decode)?,
            postings_lengths: list(d, u32::decode)?,
            positions_lengths: list(d, u32::decode)?,
            streams: list(d, |d| {
                Ok((u32::decode(d)?, u64::decode(d)?, u64::decode(d)?))
            })?,
            stem_count: u32::decode(d)?,
            stems: bytes(d)?,
            stem_members: list(d, |d| list(d, u32::decode))?,
        })
    }
}

impl<C> Decode<C> for IdsPayload {
    fn decode<D: Decoder<Context = C>>(d: &mut D) -> Result<Self, DecodeError> {
        Ok(IdsPayload {
            first_doc: u32::decode(d)?,
            count: u32::decode(d)?,
            ids: bytes(d)?,
        })
    }
}

impl<C> Decode<C> for DocumentPayload {
    fn decode<D: Decoder<Context = C>>(d: &mut D) -> Result<Self, DecodeError> {
        Ok(DocumentPayload {
            documents_name: u64::decode(d)?,
            doc: u32::decode(d)?,
            id: string(d)?,
            title: string(d)?,
            body: string(d)?,
            date: optional(d, string)?,
            url: optional(d, string)?,
            meta: list(d, |d| Ok((string(d)?, string(d)?)))?,
            sections: list(d, |d| Ok((u32::decode(d)?, string(d)?, string(d)?)))?,
            lang: string(d)?,
        })
    }
}

impl<C> Decode<C> for FiltersPayload {
    fn decode<D: Decoder<Context = C>>(d: &mut D) -> Result<Self, DecodeError> {
        let value = |d: &mut D| Ok((string(d)?, list(d, u32::decode)?));
        Ok(FiltersPayload {
            names: list(d, |d| Ok((string(d)?, list(d, value)?)))?,
        })
    }
}

impl<C> Decode<C> for SingleFilePayload {
    fn decode<D: Decoder<Context = C>>(d: &mut D) -> Result<Self, DecodeError> {
        Ok(SingleFilePayload {
            entry: bytes(d)?,
            pieces: list(d, bytes)?,
        })
    }
}

/// A length that at least as many bytes remain for: every element takes a byte or more.
fn length<D: Decoder>(d: &mut D) -> Result<usize, DecodeError> {
    let length = usize::try_from(u64::decode(d)?)
        .map_err(|_| DecodeError::Other("a length beyond memory"))?;
    match d.reader().peek_read(length) {
        Some(_) => Ok(length),
        None => Err(DecodeError::UnexpectedEnd { additional: length }),
    }
}

fn list<D: Decoder, T>(
    d: &mut D,
    mut item: impl FnMut(&mut D) -> Result<T, DecodeError>,
) -> Result<Vec<T>, DecodeError> {
    let count = length(d)?;
    let mut items = Vec::with_capacity(count.min(1024));
    for _ in 0..count {
        items.push(item(d)?);
    }
    Ok(items)
}

fn bytes<D: Decoder>(d: &mut D) -> Result<Vec<u8>, DecodeError> {
    let mut bytes = vec![0; length(d)?];
    d.reader().read(&mut bytes)?;
    Ok(bytes)
}

fn string<D: Decoder>(d: &mut D) -> Result<String, DecodeError> {
    String::from_utf8(bytes(d)?).map_err(|e| DecodeError::Utf8 {
        inner: e.utf8_error(),
    })
}

fn optional<D: Decoder, T>(
    d: &mut D,
    item: impl FnOnce(&mut D) -> Result<T, DecodeError>,
) -> Result<Option<T>, DecodeError> {
    match u8::decode(d)? {
        0 => Ok(None),
        1 => Ok(Some(item(d)?)),
        found => Err(DecodeError::UnexpectedVariant {
            type_name: "Option",
            allowed: &bincode::error::AllowedEnumVariants::Range { min: 0, max: 1 },
            found: u32::from(found),
        }),
    }
}

fn to_bytes<T: Encode>(payload: T) -> Vec<u8> {
    bincode::encode_to_vec(payload, bincode::config::standard())
        .expect("encoding to a Vec cannot fail")
}

/// What went wrong in a payload, in words (bincode's own messages would bring the whole
/// formatting machinery into the wasm).
fn decode_problem(error: &DecodeError) -> &'static str {
    match error {
        DecodeError::UnexpectedEnd { .. } => "it ends early",
        DecodeError::Utf8 { .. } => "text that is not UTF-8",
        DecodeError::UnexpectedVariant { .. } => "an unknown tag",
        DecodeError::Other(what) => what,
        _ => "a value out of range",
    }
}

/// Decodes a whole payload: trailing bytes are corruption.
fn from_bytes<T: Decode<()>>(payload: &[u8], file: &str) -> Result<T, FormatError> {
    let (decoded, read): (T, usize) =
        bincode::decode_from_slice(payload, bincode::config::standard())
            .map_err(|e| corrupt(format!("{file} is malformed ({})", decode_problem(&e))))?;
    if read != payload.len() {
        return Err(corrupt(format!("{file} has trailing bytes")));
    }
    Ok(decoded)
}

// ---------------------------------------------------------------------------------------
// Writing

/// The pieces of an index in the making, before they are named.
pub struct Parts {
    pub documents: Vec<StoredDocument>,
    pub average_lengths: (f32, f32),
    /// Term pieces: each a list of runs, each run its terms with document counts and
    /// postings and positions streams.
    pub term_pieces: Vec<Vec<Vec<PartTerm>>>,
    /// Stem groups: stem and global member ids, sorted by stem.
    pub stems: Vec<(String, Vec<u32>)>,
    pub dates: Option<Vec<Option<String>>>,
    pub filters: Option<Filters>,
    pub ids_per_piece: usize,
    /// The documents' languages, each once.
    pub languages: Languages,
}

/// One term as written.
pub struct PartTerm {
    pub term: String,
    pub doc_count: u32,
    pub postings: Vec<u8>,
    pub positions: Vec<u8>,
}

/// An encoded index: the entry file and each piece with its id and file name.
pub struct IndexFiles {
    pub entry: Vec<u8>,
    pub pieces: Vec<(PieceId, String, Vec<u8>)>,
}

impl IndexFiles {
    /// The whole index as one file.
    pub fn single_file(&self) -> Vec<u8> {
        seal(
            Kind::SingleFile,
            &to_bytes(SingleFilePayload {
                entry: self.entry.clone(),
                pieces: self.pieces.iter().map(|p| p.2.clone()).collect(),
            }),
        )
    }

    /// Opens the index with every piece loaded.
    pub fn open(&self) -> Result<Index, FormatError> {
        let mut index = Index::from_entry(decode_entry(&self.entry)?, self.entry.len());
        for (piece, _, bytes) in &self.pieces {
            index.insert(*piece, bytes)?;
        }
        index.chunked = false;
        Ok(index)
    }
}

/// Names and encodes every piece, then the entry that lists them.
pub fn write(parts: Parts) -> IndexFiles {
    let mut pieces = Vec::new();
    let mut term_refs = Vec::new();
    let mut term_files = Vec::new();
    let mut streams_files = Vec::new();
    let mut stream_refs: Vec<Vec<StreamsRef>> = Vec::new();
    let mut first_id = 0u32;
    for (t, runs) in parts.term_pieces.iter().enumerate() {
        let piece_terms: Vec<&PartTerm> = runs.iter().flatten().collect();
        let mut streams = Vec::new();
        let mut refs = Vec::new();
        let mut first_term = 0u32;
        for (r, run) in runs.iter().enumerate() {
            let postings = seal(Kind::Postings, &to_bytes(run_stream(run, |t| &t.postings)));
            let positions = seal(
                Kind::Positions,
                &to_bytes(run_stream(run, |t| &t.positions)),
            );
            streams.push((first_term, name_of(&postings), name_of(&positions)));
            refs.push(StreamsRef {
                first_term,
                postings: name_of(&postings),
                positions: name_of(&positions),
            });
            streams_files.push((PieceId::Postings(t as u32, r as u32), postings));
            streams_files.push((PieceId::Positions(t as u32, r as u32), positions));
            first_term += run.len() as u32;
        }
        let end_id = first_id + piece_terms.len() as u32;
        let next_first = parts
            .term_pieces
            .get(t + 1)
            .and_then(|runs| runs.iter().flatten().next())
            .map(|t| t.term.as_str());
        let first = piece_terms.first().map_or("", |t| t.term.as_str());
        let stems: Vec<&(String, Vec<u32>)> = parts
            .stems
            .iter()
            .filter(|(stem, _)| {
                (t == 0 || stem.as_str() >= first) && next_first.is_none_or(|n| stem.as_str() < n)
            })
            .collect();
        let payload = TermPayload {
            first_id,
            term_count: piece_terms.len() as u32,
            terms: front_code(piece_terms.iter().map(|t| t.term.as_str())),
            doc_counts: piece_terms.iter().map(|t| t.doc_count).collect(),
            postings_lengths: piece_terms
                .iter()
                .map(|t| t.postings.len() as u32)
                .collect(),
            positions_lengths: piece_terms
                .iter()
                .map(|t| t.positions.len() as u32)
                .collect(),
            streams,
            stem_count: stems.len() as u32,
            stems: front_code(stems.iter().map(|s| s.0.as_str())),
            stem_members: stems.iter().map(|s| delta_code(&s.1)).collect(),
        };
        let file = seal(Kind::Terms, &to_bytes(payload));
        term_refs.push((
            if t == 0 {
                String::new()
            } else {
                first.to_string()
            },
            first_id,
            name_of(&file),
        ));
        term_files.push((PieceId::Terms(t as u32), file));
        stream_refs.push(refs);
        first_id = end_id;
    }
    pieces.extend(term_files);
    pieces.extend(streams_files);

    let mut id_refs = Vec::new();
    for (i, chunk) in parts
        .documents
        .chunks(parts.ids_per_piece.max(1))
        .enumerate()
    {
        let first_doc = (i * parts.ids_per_piece.max(1)) as u32;
        let file = seal(
            Kind::Ids,
            &to_bytes(IdsPayload {
                first_doc,
                count: chunk.len() as u32,
                ids: front_code(chunk.iter().map(|d| d.id.as_str())),
            }),
        );
        let first = if i == 0 {
            String::new()
        } else {
            chunk[0].id.clone()
        };
        id_refs.push((first, first_doc, name_of(&file)));
        pieces.push((PieceId::Ids(i as u32), file));
    }

    let document_payload = |documents_name, doc: usize, d: &StoredDocument| DocumentPayload {
        documents_name,
        doc: doc as u32,
        id: d.id.clone(),
        title: d.title.clone(),
        body: d.body.clone(),
        date: d.date.clone(),
        url: d.url.clone(),
        meta: d.meta.clone(),
        sections: d
            .sections
            .iter()
            .map(|s| (s.start, s.anchor.clone(), s.title.clone()))
            .collect(),
        lang: d.lang.clone(),
    };
    let documents_name = parts
        .documents
        .iter()
        .enumerate()
        .fold(0u64, |hash, (doc, d)| {
            hash.rotate_left(5) ^ name_of(&to_bytes(document_payload(0, doc, d)))
        });
    for (doc, d) in parts.documents.iter().enumerate() {
        let file = seal(
            Kind::Document,
            &to_bytes(document_payload(documents_name, doc, d)),
        );
        pieces.push((PieceId::Document(doc as u32), file));
    }

    let dates = parts
        .dates
        .map(|dates| seal(Kind::Dates, &to_bytes(DatesList(dates))));
    let filters = parts.filters.map(|filters| {
        let names = filters
            .names
            .into_iter()
            .map(|(name, values)| {
                let values = values
                    .into_iter()
                    .map(|(value, docs)| (value, delta_code(&docs)))
                    .collect();
                (name, values)
            })
            .collect();
        seal(Kind::Filters, &to_bytes(FiltersPayload { names }))
    });
    let entry = EntryPayload {
        documents: parts.documents.len() as u32,
        terms: first_id,
        average_title: parts.average_lengths.0,
        average_body: parts.average_lengths.1,
        term_pieces: term_refs,
        id_pieces: id_refs,
        documents_name,
        dates: dates.as_deref().map(name_of),
        filters: filters.as_deref().map(name_of),
        languages: parts
            .languages
            .iter()
            .map(|l| l.code().to_string())
            .collect(),
    };
    pieces.extend(dates.map(|file| (PieceId::Dates, file)));
    pieces.extend(filters.map(|file| (PieceId::Filters, file)));
    let entry = seal(Kind::Entry, &to_bytes(entry));
    let decoded = decode_entry(&entry).expect("a written entry decodes");
    let pieces = pieces
        .into_iter()
        .map(|(id, bytes)| {
            let file = piece_file(&decoded, id, |t, r| {
                stream_refs
                    .get(t as usize)
                    .and_then(|runs| runs.get(r as usize))
                    .copied()
            });
            (id, file, bytes)
        })
        .collect();
    IndexFiles { entry, pieces }
}

/// A run's streams, concatenated in term order.
fn run_stream(run: &[PartTerm], stream: impl Fn(&PartTerm) -> &Vec<u8>) -> Vec<u8> {
    run.iter().flat_map(|t| stream(t).iter().copied()).collect()
}

// ---------------------------------------------------------------------------------------
// Reading

/// Whether `bytes` look like a chunked index's entry file (rather than a single file).
pub fn is_entry(bytes: &[u8]) -> bool {
    bytes.starts_with(magic(Kind::Entry))
}

/// Decodes an entry file.
pub fn decode_entry(bytes: &[u8]) -> Result<Entry, FormatError> {
    let file = "the index entry";
    let p: EntryPayload = from_bytes(open(bytes, Kind::Entry, file)?, file)?;
    let bad = |what: &str| corrupt(format!("the index entry is malformed ({what})"));
    if p.term_pieces.is_empty() || p.term_pieces[0].1 != 0 || !p.term_pieces[0].0.is_empty() {
        return Err(bad("its first term piece"));
    }
    let sorted = |pieces: &[(String, u32, u64)], bound: u32| {
        pieces
            .windows(2)
            .all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1)
            && pieces.iter().all(|p| p.1 < bound.max(1))
    };
    if !sorted(&p.term_pieces, p.terms) {
        return Err(bad("term pieces out of order"));
    }
    if !sorted(&p.id_pieces, p.documents)
        || p.id_pieces
            .first()
            .is_some_and(|first| first.1 != 0 || !first.0.is_empty())
        || p.id_pieces.is_empty() != (p.documents == 0)
    {
        return Err(bad("id pieces out of order"));
    }
    let average = |length: f32| length.is_finite() && length >= 1.0;
    if !average(p.average_title) || !average(p.average_body) {
        return Err(bad("its average lengths"));
    }
    Ok(Entry {
        documents: p.documents,
        terms: p.terms,
        average_lengths: (p.average_title, p.average_body),
        term_pieces: p
            .term_pieces
            .into_iter()
            .map(|(first_term, first_id, name)| TermPieceRef {
                first_term,
                first_id,
                name,
            })
            .collect(),
        id_pieces: p
            .id_pieces
            .into_iter()
            .map(|(first_id, first_doc, name)| IdPieceRef {
                first_id,
                first_doc,
                name,
            })
            .collect(),
        documents_name: p.documents_name,
        dates: p.dates,
        filters: p.filters,
        languages: Languages::new(p.languages.iter().map(|l| Language::from_tag(l)).collect()),
    })
}

/// Decodes a term piece holding the ids `reference.first_id..end` of `terms` in all.
pub(crate) fn decode_terms(
    bytes: &[u8],
    reference: &TermPieceRef,
    end: u32,
    terms: u32,
    file: &str,
) -> Result<TermPiece, FormatError> {
    let p: TermPayload = from_bytes(open(bytes, Kind::Terms, file)?, file)?;
    let bad = |what: &str| corrupt(format!("{file} is malformed ({what})"));
    let count = end
        .checked_sub(reference.first_id)
        .ok_or(bad("its range"))?;
    if p.first_id != reference.first_id || p.term_count != count {
        return Err(bad("its range differs from the entry's"));
    }
    let dictionary = front_decode(&p.terms, p.term_count, file)?;
    if dictionary
        .iter()
        .next()
        .is_some_and(|first| first < reference.first_term.as_str())
    {
        return Err(bad("its first term"));
    }
    let n = dictionary.len();
    if p.doc_counts.len() != n || p.postings_lengths.len() != n || p.positions_lengths.len() != n {
        return Err(bad("counts and terms differ in number"));
    }
    let starts_ok = p.streams.first().is_some_and(|s| s.0 == 0)
        && p.streams.windows(2).all(|w| w[0].0 < w[1].0)
        && p.streams.iter().all(|s| (s.0 as usize) < n);
    if n > 0 && !starts_ok || n == 0 && !p.streams.is_empty() {
        return Err(bad("its runs"));
    }
    let streams: Vec<StreamsRef> = p
        .streams
        .iter()
        .map(|&(first_term, postings, positions)| StreamsRef {
            first_term,
            postings,
            positions,
        })
        .collect();
    let mut piece = TermPiece {
        terms: dictionary,
        doc_counts: p.doc_counts,
        postings: Vec::with_capacity(n),
        positions: Vec::with_capacity(n),
        streams,
        stems: front_decode(&p.stems, p.stem_count, file)?,
        stem_members: Vec::new(),
    };
    for run in 0..piece.streams.len() as u32 {
        let terms = run_terms(&piece, run);
        piece
            .postings
            .extend(spans(&p.postings_lengths[terms.clone()], file)?);
        piece
            .positions
            .extend(spans(&p.positions_lengths[terms], file)?);
    }
    if p.stem_members.len() != piece.stems.len() {
        return Err(bad("stem groups and stems differ in number"));
    }
    piece.stem_members = p
        .stem_members
        .iter()
        .map(|m| delta_decode(m, terms, file))
        .collect::<Result<_, _>>()?;
    Ok(piece)
}

/// Byte ranges of consecutive streams of these lengths.
fn spans(lengths: &[u32], file: &str) -> Result<Vec<(u32, u32)>, FormatError> {
    let mut start = 0u32;
    lengths
        .iter()
        .map(|&length| {
            let end = start
                .checked_add(length)
                .ok_or_else(|| corrupt(format!("{file} has impossible stream lengths")))?;
            let span = (start, end);
            start = end;
            Ok(span)
        })
        .collect()
}

/// Decodes a postings or positions piece: one byte stream.
pub(crate) fn decode_stream(
    bytes: &[u8],
    postings: bool,
    file: &str,
) -> Result<Vec<u8>, FormatError> {
    let kind = if postings {
        Kind::Postings
    } else {
        Kind::Positions
    };
    from_bytes(open(bytes, kind, file)?, file)
}

/// Every posting of a run names an existing document, in increasing order, with the
/// lengths its term piece gives; the postings end exactly where the piece says.
pub(crate) fn check_postings(
    piece: &TermPiece,
    run: u32,
    stream: &[u8],
    documents: u32,
    file: &str,
) -> Result<(), FormatError> {
    let bad = |what: &str| corrupt(format!("{file} holds a malformed posting list ({what})"));
    for term in run_terms(piece, run) {
        let (start, end) = piece.postings[term];
        let bytes = &stream[start as usize..end as usize];
        let mut at = 0;
        let mut previous: Option<u32> = None;
        for _ in 0..piece.doc_counts[term] {
            if at >= bytes.len() {
                return Err(bad("it ends early"));
            }
            let delta = read_varint(bytes, &mut at);
            let doc = match previous {
                None => Some(delta),
                Some(d) if delta > 0 => d.checked_add(delta),
                Some(_) => None,
            }
            .filter(|&d| d < documents)
            .ok_or_else(|| bad("a document that does not exist"))?;
            previous = Some(doc);
            let title_tf = read_varint(bytes, &mut at) >> 1;
            let body_tf = read_varint(bytes, &mut at);
            let title = read_varint(bytes, &mut at);
            let body_length = read_varint(bytes, &mut at);
            if title & 1 == 1 {
                bytes
                    .get(at..at + 4)
                    .map(|w| f32::from_le_bytes([w[0], w[1], w[2], w[3]]))
                    .filter(|w| w.is_finite() && *w > 0.0)
                    .ok_or_else(|| bad("a weight that is not a positive number"))?;
                at += 4;
            }
            let title_length = title >> (1 + 2 * GENERIC_BITS);
            let stop = title >> (1 + GENERIC_BITS) & u32::from(MAX_GENERIC);
            let generic = (title >> 1 & u32::from(MAX_GENERIC)) + stop;
            if title_tf > title_length || body_tf > body_length || title_tf + body_tf == 0 {
                return Err(bad("frequencies beyond the document's length"));
            }
            if generic > title_length {
                return Err(bad("more common title words than title words"));
            }
        }
        if at != bytes.len() {
            return Err(bad("its length does not match its contents"));
        }
    }
    Ok(())
}

/// Decodes an id piece of `count` ids.
pub(crate) fn decode_ids(
    bytes: &[u8],
    reference: &IdPieceRef,
    count: u32,
    file: &str,
) -> Result<TermDictionary, FormatError> {
    let p: IdsPayload = from_bytes(open(bytes, Kind::Ids, file)?, file)?;
    if p.first_doc != reference.first_doc || p.count != count {
        return Err(corrupt(format!(
            "{file} does not hold the ids its entry says"
        )));
    }
    front_decode(&p.ids, p.count, file)
}

/// Decodes document `doc`'s piece.
pub(crate) fn decode_document(
    bytes: &[u8],
    entry: &Entry,
    doc: u32,
    file: &str,
) -> Result<StoredDocument, FormatError> {
    let p: DocumentPayload = from_bytes(open(bytes, Kind::Document, file)?, file)?;
    if p.documents_name != entry.documents_name {
        return Err(FormatError::Stale(file.to_string()));
    }
    if p.doc != doc {
        return Err(corrupt(format!("{file} holds document {} instead", p.doc)));
    }
    let sections: Vec<Section> = p
        .sections
        .into_iter()
        .map(|(start, anchor, title)| Section {
            anchor,
            title,
            start,
        })
        .collect();
    if !Section::fit(&sections, &p.body) {
        return Err(corrupt(format!(
            "{file} has sections that do not fit its document's text"
        )));
    }
    Ok(StoredDocument {
        id: p.id,
        title: p.title,
        body: p.body,
        date: p.date,
        url: p.url,
        meta: p.meta,
        sections,
        lang: Language::from_tag(&p.lang).code().to_string(),
    })
}

/// Decodes the dates of `documents` documents.
pub(crate) fn decode_dates(
    bytes: &[u8],
    documents: u32,
    file: &str,
) -> Result<Vec<Option<String>>, FormatError> {
    let DatesList(dates) = from_bytes(open(bytes, Kind::Dates, file)?, file)?;
    if dates.len() != documents as usize {
        return Err(corrupt(format!("{file} does not date every document")));
    }
    Ok(dates)
}

impl<C> Decode<C> for DatesList {
    fn decode<D: Decoder<Context = C>>(d: &mut D) -> Result<Self, DecodeError> {
        Ok(DatesList(list(d, |d| optional(d, string))?))
    }
}

/// Decodes the filters piece of an index of `documents` documents.
pub(crate) fn decode_filters(
    bytes: &[u8],
    documents: u32,
    file: &str,
) -> Result<Filters, FormatError> {
    let p: FiltersPayload = from_bytes(open(bytes, Kind::Filters, file)?, file)?;
    let mut names = Vec::with_capacity(p.names.len());
    for (name, values) in p.names {
        let values = values
            .into_iter()
            .map(|(value, docs)| Ok((value, delta_decode(&docs, documents, file)?)))
            .collect::<Result<Vec<_>, FormatError>>()?;
        names.push((name, values));
    }
    Ok(Filters { names })
}

/// Decodes and verifies a single-file index.
pub fn decode(bytes: &[u8]) -> Result<Index, FormatError> {
    if bytes.len() >= 8 && &bytes[..8] == magic(Kind::Entry) {
        return Err(FormatError::WrongKind {
            file: "this file".into(),
            expected: describe(Kind::SingleFile),
            found: describe(Kind::Entry),
        });
    }
    let file = "the index";
    let p: SingleFilePayload = from_bytes(open(bytes, Kind::SingleFile, file)?, file)?;
    let mut index = Index::from_entry(decode_entry(&p.entry)?, 0);
    let mut pieces = p.pieces.iter();
    let term_pieces = index.entry.term_pieces.len() as u32;
    for t in 0..term_pieces {
        let piece = pieces
            .next()
            .ok_or(FormatError::Truncated("a term piece is missing"))?;
        index.insert(PieceId::Terms(t), piece)?;
    }
    for id in index.missing() {
        let piece = pieces
            .next()
            .ok_or(FormatError::Truncated("a piece is missing"))?;
        index.insert(id, piece)?;
    }
    if pieces.next().is_some() {
        return Err(corrupt("the index holds pieces it does not list".into()));
    }
    index.encoded_bytes = bytes.len();
    index.chunked = false;
    Ok(index)
}

/// Each term as `shared prefix length, suffix length, suffix bytes`.
fn front_code<'a>(terms: impl Iterator<Item = &'a str>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut previous = "";
    for term in terms {
        let shared = common_prefix(previous, term);
        write_varint(&mut out, shared as u32);
        write_varint(&mut out, (term.len() - shared) as u32);
        out.extend_from_slice(&term.as_bytes()[shared..]);
        previous = term;
    }
    out
}

fn common_prefix(a: &str, b: &str) -> usize {
    let mut shared = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !b.is_char_boundary(shared) {
        shared -= 1;
    }
    shared
}

/// Decodes `count` front-coded, strictly increasing terms; their text may be at most
/// [`MAX_TERM_EXPANSION`] times the encoded bytes.
fn front_decode(bytes: &[u8], count: u32, file: &str) -> Result<TermDictionary, FormatError> {
    let budget = bytes.len().saturating_mul(MAX_TERM_EXPANSION) + 1024;
    let mut dictionary = TermDictionary::default();
    let mut at = 0;
    let mut previous = (0usize, 0usize);
    let bad = || corrupt(format!("{file} holds malformed terms"));
    for i in 0..count {
        if at >= bytes.len() && count > 0 {
            return Err(bad());
        }
        let shared = read_varint(bytes, &mut at) as usize;
        let suffix = read_varint(bytes, &mut at) as usize;
        let end = at
            .checked_add(suffix)
            .filter(|&e| e <= bytes.len())
            .ok_or_else(bad)?;
        if shared > previous.1 - previous.0 || dictionary.text_len() + shared + suffix > budget {
            return Err(bad());
        }
        let rest = std::str::from_utf8(&bytes[at..end]).map_err(|_| bad())?;
        let start = dictionary.text_len();
        if !dictionary.push_with_prefix(previous.0, shared, rest)
            || (i > 0 && !dictionary.is_sorted_at_end())
        {
            return Err(corrupt(format!("{file} holds terms that are not sorted")));
        }
        previous = (start, dictionary.text_len());
        at = end;
    }
    if at != bytes.len() {
        return Err(corrupt(format!(
            "{file} has trailing bytes after its terms"
        )));
    }
    Ok(dictionary)
}

fn delta_code(ids: &[u32]) -> Vec<u32> {
    let mut previous = 0;
    ids.iter()
        .map(|&id| {
            let delta = id - previous;
            previous = id;
            delta
        })
        .collect()
}

fn delta_decode(deltas: &[u32], bound: u32, file: &str) -> Result<Vec<u32>, FormatError> {
    let mut id = 0u32;
    deltas
        .iter()
        .enumerate()
        .map(|(i, &delta)| {
            id = id
                .checked_add(delta)
                .filter(|&next| next < bound && (i == 0 || delta > 0))
                .ok_or_else(|| corrupt(format!("{file} names an id that does not exist")))?;
            Ok(id)
        })
        .collect()
}

fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash, &b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A checksummed document piece whose section starts past its text is refused, not
    /// sliced.
    #[test]
    fn a_forged_section_beyond_the_text_is_corrupt() {
        let entry = Entry {
            documents: 1,
            terms: 0,
            average_lengths: (1.0, 1.0),
            term_pieces: Vec::new(),
            id_pieces: Vec::new(),
            documents_name: 7,
            dates: None,
            filters: None,
            languages: Languages::english(),
        };
        let piece = |start: u32| {
            let payload = DocumentPayload {
                documents_name: 7,
                doc: 0,
                id: "a".into(),
                title: "A".into(),
                body: "héllo".into(),
                date: None,
                url: None,
                meta: Vec::new(),
                sections: vec![(start, "h".into(), "H".into())],
                lang: "en".into(),
            };
            seal(Kind::Document, &to_bytes(payload))
        };
        assert_eq!(
            decode_document(&piece(0), &entry, 0, "doc-1")
                .unwrap()
                .sections[0]
                .anchor,
            "h"
        );
        for start in [2, 99] {
            let error = decode_document(&piece(start), &entry, 0, "doc-1").unwrap_err();
            assert!(error.to_string().contains("sections"), "{error}");
        }
    }
}

//! The index file formats, and the only module that knows their bytes.
//!
//! Every file, the single-file index, the entry of a chunked index and each of its pieces,
//! has the same header:
//!
//! ```text
//! magic (8 bytes, one per kind) | format u16 LE | checksum u32 LE | payload length u64 LE
//! | memory u64 LE | writer version length u8 | writer version (UTF-8) | payload (bincode 2)
//! ```
//! The checksum is the payload's [`hash`] folded to 32 bits; a piece's name is the 64-bit
//! hash of its whole file. `memory` declares the bytes the file takes once decoded; it may
//! be at most [`MEMORY_FACTOR`] times the file's size plus [`MEMORY_SLACK`], and decoding
//! charges every allocation to it ([`reader`]), so no file, forged or not, makes a reader
//! allocate more. Terms are front-coded; postings are the varint streams of
//! [`crate::postings`]. A single-file index holds the entry and every piece, in the order
//! [`Index::missing`] lists them. A chunked index of several languages starts with a
//! language table (see [`crate::pieces`]) naming the entries of its indexes, each stored as
//! a piece. Decoding checks every length, id and string against the
//! bytes left, so a corrupt, foreign or forged file is an error, never a panic or a wrong
//! answer.

use bincode::Encode;

use crate::bytes::{Bytes, Text};
use crate::dictionary::TermDictionary;
use crate::document::Section;
use crate::first_page::{FirstPage, FirstPages, PageHit, FIRST_PAGE_HITS};
use crate::index::{self, run_terms, Index};
use crate::language::{Language, Languages};
use crate::message::{decimal, hex16};
use crate::pieces::{
    Entry, FilterLists, FilterValues, Filters, IdPieceRef, IndexRef, LanguageTable, Name, PieceId,
    StoredDocument, StreamsRef, TermPiece, TermPieceRef, Texts,
};
use crate::postings::{
    read_short_varint, read_varint, unpack_body_tf, unpack_title_field, unpack_title_tf,
    write_varint,
};
use crate::search::MAX_TIER;
use crate::sort::sort_by;

mod hash;
mod reader;

pub use hash::checksum;
pub use reader::ALLOCATION_OVERHEAD;
pub(crate) use reader::{cost, footprints, Footprint};
use reader::{Read, Reader};

footprints!(
    PieceId = 12,
    StreamsRef = 24,
    TermPieceRef = 40,
    IdPieceRef = 40,
    Section = 56,
    (String, FilterValues) = 120,
    Language = 24,
    (Language, IndexRef) = 40,
);

/// Bumped whenever a payload layout changes (4: the header declares the memory a file takes;
/// 5: each document's language, and the entry's list of them; 10: checksums and piece names
/// from [`hash`], a word at a time, instead of FNV-1a, a byte at a time; 11: term pieces
/// hold first pages, see [`first_page`]; 12: first pages sorted by term, and a term piece's
/// reader charges the table of where they start), or the terms text is analysed into (14: a
/// soft hyphen or a zero-width joiner stays inside its word, `argv[1]` is `argv` and `1`,
/// the dotless i and the letters with a stroke fold to their base letter; 15: Hangul jamo
/// and kana with a combining sound mark composed, half-width katakana widened, Hebrew points
/// and Arabic vowel marks and tatweel dropped, Arabic-Indic digits folded, a letter with a nukta
/// decomposed, `々` a Han character; 16: a Chinese or Japanese run's last character a term
/// alone, a name's opening underscores written beside its term): a reader of other terms would
/// miss some of an index's words without a word said.
pub const FORMAT_VERSION: u16 = 16;
/// The scour version writing and reading this format.
pub const SCOUR_VERSION: &str = env!("CARGO_PKG_VERSION");
const FIXED_HEADER: usize = 8 + 2 + 4 + 8 + 8 + 1;
/// Where the header's fields are.
const CHECKSUM: std::ops::Range<usize> = 10..14;
const LENGTH: std::ops::Range<usize> = 14..22;
const MEMORY: std::ops::Range<usize> = 22..30;
/// Memory a file may take once opened: this many times its size in bytes ...
pub const MEMORY_FACTOR: u64 = 4;
/// ... plus this much (small pieces hold a few vectors whatever their size).
pub const MEMORY_SLACK: u64 = 64 * 1024;
/// Of that slack, what a file may not declare: room for what decoding holds besides the
/// file's contents (the reader, an error's message).
const UNDECLARED: u64 = 4 * 1024;
/// Documents an id piece may cover: a search allocates a few bytes per document, so an entry
/// file cannot make it allocate more than a few megabytes per id piece it lists.
pub const MAX_IDS_PER_PIECE: usize = 4096;

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
    LanguageTable,
}

const KINDS: [(Kind, &[u8; 8], &str); 10] = [
    (Kind::SingleFile, b"SCOURIDX", "a single-file index"),
    (Kind::Entry, b"SCOURENT", "an index entry file"),
    (Kind::Terms, b"SCOURTRM", "a term piece"),
    (Kind::Postings, b"SCOURPST", "a postings piece"),
    (Kind::Positions, b"SCOURPOS", "a positions piece"),
    (Kind::Ids, b"SCOURIDS", "an id piece"),
    (Kind::Document, b"SCOURDOC", "a document piece"),
    (Kind::Dates, b"SCOURDAT", "a dates piece"),
    (Kind::Filters, b"SCOURFLT", "a filters piece"),
    (Kind::LanguageTable, b"SCOURLNG", "a language table"),
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
///
/// Its [`message`](FormatError::message) says what is wrong and what to do. `Display` writes
/// that message; the wasm takes it from `message` directly, which is built without
/// `core::fmt` (see [`crate::message`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// The bytes are no file of Scour's; what they look like instead.
    NotAnIndex(Foreign),
    /// The bytes are a file of Scour's, but not of the kind asked for.
    WrongKind {
        file: String,
        expected: Kind,
        found: Kind,
    },
    /// A single-file index, an entry or a language table ends early: what is missing.
    Truncated(&'static str),
    /// This piece ends early.
    TruncatedPiece(String),
    /// Written in another format. `found` is a u32: a u16 made the enum's tag 16 bits wide,
    /// and the wasm 1 KB gzip larger.
    UnsupportedVersion { found: u32, writer: String },
    /// A single-file index, an entry or a language table fails its checksum.
    ChecksumMismatch,
    /// This piece fails its checksum.
    CorruptPiece(String),
    /// This piece belongs to another build of the index.
    Stale(String),
    /// What is wrong with an index that passed its checksum.
    Corrupt(String),
    /// A file needs more memory than it may: more than its header declares, or a declaration
    /// beyond what its size allows.
    TooMuchMemory {
        file: String,
        needed: u64,
        allowed: u64,
        size: u64,
    },
}

/// What bytes that are no file of Scour's look like: what a server sends in place of a file
/// it lacks or serves wrongly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Foreign {
    Empty,
    /// Markup: a 404 page, or a single-page app's fallback.
    Html,
    /// Compressed, but served without saying so.
    Gzip,
    Other,
}

impl Foreign {
    #[cold]
    #[inline(never)]
    fn of(bytes: &[u8]) -> Foreign {
        if bytes.is_empty() {
            Foreign::Empty
        } else if bytes.starts_with(&[0x1f, 0x8b]) {
            Foreign::Gzip
        } else if bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(bytes)
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            == Some(&b'<')
        {
            Foreign::Html
        } else {
            Foreign::Other
        }
    }
}

impl FormatError {
    /// What is wrong, and what to do about it.
    pub fn message(&self) -> String {
        match self {
            Self::NotAnIndex(Foreign::Empty) => "the data is empty, not a Scour index: publish the index again, or rebuild it".into(),
            Self::NotAnIndex(Foreign::Html) => "the data is a web page (HTML), not a Scour index: a server's 404 page or a single-page app's fallback; check the address, and publish every file of the index's folder".into(),
            Self::NotAnIndex(Foreign::Gzip) => "the data is gzip-compressed, not a Scour index as written: serve it as written, or with Content-Encoding: gzip".into(),
            Self::NotAnIndex(Foreign::Other) => "not a Scour index: the data does not start with Scour's magic bytes; check that the address names a file scour index wrote".into(),
            Self::WrongKind { file, expected, found } => [
                file.as_str(),
                " is ",
                describe(*found),
                ", not ",
                describe(*expected),
                match expected {
                    Kind::SingleFile | Kind::Entry | Kind::LanguageTable => ": open an index by its scour-index.bin (Scour.load(url), scour search --index), which reads a chunked index's pieces itself",
                    _ => ": the server sends another file at this piece's address; check its redirects and rewrites, and publish every file of the index's folder together",
                },
            ]
            .concat(),
            Self::Truncated(what) => {
                ["the index is truncated: ", what, "; rebuild it or download it again"].concat()
            }
            Self::TruncatedPiece(file) => {
                [file, " is truncated; rebuild the index or download it again"].concat()
            }
            Self::UnsupportedVersion { found, writer } => [
                "the index was written by scour ",
                writer,
                " in format ",
                &decimal(u64::from(*found)),
                ", and this scour (",
                SCOUR_VERSION,
                ") reads format ",
                &decimal(u64::from(FORMAT_VERSION)),
                " only: rebuild the index with scour ",
                SCOUR_VERSION,
                " (scour index), or search it with the scour that wrote it",
            ]
            .concat(),
            Self::ChecksumMismatch => "the index is corrupt: its checksum does not match its contents; rebuild it or download it again".into(),
            Self::CorruptPiece(file) => [
                file,
                " is corrupt: its checksum does not match its contents; rebuild the index or download it again",
            ]
            .concat(),
            Self::Stale(file) => [
                file,
                " does not match the index that names it: it is from another build of the index, or was changed since. If the index was rebuilt since it was opened, open it again; otherwise rebuild it, and publish every file of its folder together",
            ]
            .concat(),
            Self::Corrupt(what) => ["the index is corrupt: ", what, "; rebuild it"].concat(),
            Self::TooMuchMemory { file, needed, allowed, size } => [
                file,
                " would take ",
                &decimal(*needed),
                " bytes of memory once opened, more than the ",
                &decimal(*allowed),
                " its header and its ",
                &decimal(*size),
                " bytes allow: it is corrupt or was not written by scour; rebuild the index or download it again",
            ]
            .concat(),
        }
    }
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for FormatError {}

fn corrupt(message: String) -> FormatError {
    FormatError::Corrupt(message)
}

// ---------------------------------------------------------------------------------------
// Headers and names

/// Wraps a payload in a header of `kind`, declaring the memory it takes once decoded.
fn seal(kind: Kind, payload: &[u8]) -> Vec<u8> {
    sealed(kind, payload, measure(kind, payload))
}

fn sealed(kind: Kind, payload: &[u8], memory: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(FIXED_HEADER + SCOUR_VERSION.len() + payload.len());
    out.extend_from_slice(magic(kind));
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&checksum(payload).to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&memory.to_le_bytes());
    out.push(SCOUR_VERSION.len() as u8);
    out.extend_from_slice(SCOUR_VERSION.as_bytes());
    out.extend_from_slice(payload);
    out
}

/// The most memory a file of `size` bytes may take once opened, or while it is decoded.
pub fn memory_allowed(size: usize) -> u64 {
    (size as u64)
        .saturating_mul(MEMORY_FACTOR)
        .saturating_add(MEMORY_SLACK)
}

/// The most memory a file of `size` bytes may declare.
fn memory_declarable(size: usize) -> u64 {
    memory_allowed(size) - UNDECLARED
}

/// The memory a file's header declares (0 when it has no header).
fn declared_memory(bytes: &[u8]) -> u64 {
    bytes
        .get(MEMORY)
        .map_or(0, |m| u64::from_le_bytes(m.try_into().expect("8 bytes")))
}

/// Checks the header of a file of `kind` and returns a reader of its payload, bound to the
/// memory the header declares.
fn open<'a>(bytes: &'a [u8], kind: Kind, file: &'a str) -> Result<Reader<'a>, FormatError> {
    let Some(found) = KINDS
        .iter()
        .find(|k| bytes.len() >= 8 && &bytes[..8] == k.1)
    else {
        return Err(FormatError::NotAnIndex(Foreign::of(bytes)));
    };
    if found.0 != kind {
        return Err(FormatError::WrongKind {
            file: file.to_string(),
            expected: kind,
            found: found.0,
        });
    }
    // A file cut short names the piece it is, wherever it was cut.
    let truncated = |what: &'static str| match kind {
        Kind::SingleFile | Kind::Entry | Kind::LanguageTable => FormatError::Truncated(what),
        _ => FormatError::TruncatedPiece(file.to_string()),
    };
    if bytes.len() < FIXED_HEADER {
        return Err(truncated("the header is incomplete"));
    }
    let format = u16::from_le_bytes([bytes[8], bytes[9]]);
    let checksum = u32::from_le_bytes(bytes[CHECKSUM].try_into().expect("4 bytes"));
    let payload_length = u64::from_le_bytes(bytes[LENGTH].try_into().expect("8 bytes"));
    let writer_end = FIXED_HEADER + bytes[FIXED_HEADER - 1] as usize;
    let writer = bytes
        .get(FIXED_HEADER..writer_end)
        .map(|w| String::from_utf8_lossy(w).into_owned())
        .ok_or_else(|| truncated("the header is incomplete"))?;
    if format != FORMAT_VERSION {
        return Err(FormatError::UnsupportedVersion {
            found: u32::from(format),
            writer,
        });
    }
    let payload = &bytes[writer_end..];
    if (payload.len() as u64) < payload_length {
        return Err(truncated(
            "the data ends before the length its header gives",
        ));
    }
    if payload.len() as u64 > payload_length {
        return Err(corrupt(
            [
                file,
                " has ",
                &decimal(payload.len() as u64 - payload_length),
                " unexpected bytes after its end",
            ]
            .concat(),
        ));
    }
    if hash::checksum(payload) != checksum {
        return Err(match kind {
            Kind::SingleFile | Kind::Entry | Kind::LanguageTable => FormatError::ChecksumMismatch,
            _ => FormatError::CorruptPiece(file.to_string()),
        });
    }
    let memory = declared_memory(bytes);
    let allowed = memory_declarable(bytes.len());
    if memory > allowed {
        return Err(FormatError::TooMuchMemory {
            file: file.to_string(),
            needed: memory,
            allowed,
            size: bytes.len() as u64,
        });
    }
    Ok(Reader::new(payload, file, memory, bytes.len()))
}

/// `bytes` with the checksum, payload length and declared memory of their header made to
/// match whatever payload follows it: for tests and fuzzing, which forge payloads and want
/// the decoder itself to meet them. The memory declared is the most a file of this size may
/// declare. Bytes too short for a header are returned as they are.
pub fn reseal(mut bytes: Vec<u8>) -> Vec<u8> {
    let Some(&writer) = bytes.get(FIXED_HEADER - 1) else {
        return bytes;
    };
    let start = (FIXED_HEADER + usize::from(writer)).min(bytes.len());
    let checksum = checksum(&bytes[start..]);
    let length = (bytes.len() - start) as u64;
    let memory = memory_declarable(bytes.len());
    bytes[CHECKSUM].copy_from_slice(&checksum.to_le_bytes());
    bytes[LENGTH].copy_from_slice(&length.to_le_bytes());
    bytes[MEMORY].copy_from_slice(&memory.to_le_bytes());
    bytes
}

/// The name a piece's bytes give it.
pub fn name_of(bytes: &[u8]) -> Name {
    hash::hash(bytes)
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
    let named = |kind: &str, name: Option<Name>| {
        let name = name.map_or_else(|| "unknown".into(), hex16);
        ["pieces/", kind, "-", &name, ".bin"].concat()
    };
    match piece {
        PieceId::Terms(t) => named("terms", entry.term_pieces.get(t as usize).map(|r| r.name)),
        PieceId::Postings(t, r) => named("postings", run(t, r).map(|s| s.postings)),
        PieceId::Positions(t, r) => named("positions", run(t, r).map(|s| s.positions)),
        PieceId::Ids(i) => named("ids", entry.id_pieces.get(i as usize).map(|r| r.name)),
        PieceId::Document(doc) => [
            "pieces/doc-",
            &hex16(entry.documents_name),
            "-",
            &decimal(u64::from(doc)),
            ".bin",
        ]
        .concat(),
        PieceId::Dates => named("dates", entry.dates),
        PieceId::Filters => named("filters", entry.filters),
    }
}

/// The file of an index's entry that a language table names, relative to the table's folder.
pub fn entry_file(name: Name) -> String {
    ["pieces/entry-", &hex16(name), ".bin"].concat()
}

/// The kinds named by [`piece_file`] and [`entry_file`] `<kind>-<16 hex digits>.bin` (a document's
/// piece is `doc-…`, named apart); a test checks that an index writes each.
const PIECE_KINDS: [&str; 7] = [
    "terms",
    "postings",
    "positions",
    "ids",
    "dates",
    "filters",
    "entry",
];

/// Whether `name`, a file name in an index's `pieces/` folder, is one [`piece_file`] or
/// [`entry_file`] gives: `<kind>-<16 hex digits>.bin`, or a document's `doc-<16 hex
/// digits>-<number>.bin`. `scour index` removes earlier builds' pieces, and nothing else a
/// site keeps there.
pub fn is_piece_file_name(name: &str) -> bool {
    let hex = |s: &str| s.len() == 16 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let Some((kind, rest)) = name
        .strip_suffix(".bin")
        .and_then(|stem| stem.split_once('-'))
    else {
        return false;
    };
    match kind {
        "doc" => rest
            .split_once('-')
            .is_some_and(|(name, doc)| hex(name) && number(doc)),
        kind => PIECE_KINDS.contains(&kind) && hex(rest),
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
    /// A u64, read as the names are: a u32 would take the reader another 0.3 KB of wasm.
    site_root: Option<u64>,
}

#[derive(Encode)]
struct LanguageTablePayload {
    /// Each language's code, document count and entry name, sorted by code.
    languages: Vec<(String, u32, u64)>,
    /// The document count and entry name of the index of every language.
    all: (u32, u64),
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
    /// See [`write_first_pages`].
    first_pages: Vec<u8>,
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
    names: FilterLists,
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
fn to_bytes<T: Encode>(payload: T) -> Vec<u8> {
    bincode::encode_to_vec(payload, bincode::config::standard())
        .expect("encoding to a Vec cannot fail")
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
    pub filters: Option<FilterLists>,
    pub ids_per_piece: usize,
    /// The documents' languages, each once.
    pub languages: Languages,
    /// Each term piece's first pages (none for a piece past the list's end).
    pub first_pages: Vec<Vec<FirstPage>>,
    /// See [`Entry::site_root`].
    pub site_root: Option<u32>,
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

    /// Opens the index with every piece loaded, read in place from the pieces' bytes.
    pub fn open(self) -> Result<Index, FormatError> {
        let mut index = Index::from_entry(decode_entry(&self.entry)?, self.entry.len());
        index.reserve_documents();
        for (piece, _, bytes) in self.pieces {
            index.insert(piece, bytes)?;
        }
        index.chunked = false;
        Ok(index)
    }
}

/// A chunked index of several languages, encoded: the language table and each index it
/// names, with the file its entry is stored as.
pub struct LanguageFiles {
    pub table: Vec<u8>,
    /// The index of every language first, then each language's, in the table's order.
    pub indexes: Vec<(String, IndexFiles)>,
}

/// A chunked index as `scour index` writes it to a folder.
pub enum ChunkedFiles {
    /// The pages of one language: one index.
    One(IndexFiles),
    /// Pages of several languages: a language table and its indexes.
    Languages(LanguageFiles),
}

impl ChunkedFiles {
    /// The file a reader opens first: the entry, or the language table.
    pub fn top(&self) -> &[u8] {
        match self {
            ChunkedFiles::One(files) => &files.entry,
            ChunkedFiles::Languages(languages) => &languages.table,
        }
    }

    /// The entry of the index of every page.
    pub fn entry(&self) -> &[u8] {
        match self {
            ChunkedFiles::One(files) => &files.entry,
            ChunkedFiles::Languages(languages) => &languages.indexes[0].1.entry,
        }
    }

    /// Every file but the top one, by its path relative to the top one's folder (a piece
    /// two indexes share is listed for each).
    pub fn pieces(&self) -> Vec<(&str, &[u8])> {
        fn pieces(files: &IndexFiles) -> impl Iterator<Item = (&str, &[u8])> {
            let listed = files.pieces.iter();
            listed.map(|(_, file, bytes)| (file.as_str(), bytes.as_slice()))
        }
        match self {
            ChunkedFiles::One(files) => pieces(files).collect(),
            ChunkedFiles::Languages(languages) => languages
                .indexes
                .iter()
                .flat_map(|(file, files)| {
                    std::iter::once((file.as_str(), files.entry.as_slice())).chain(pieces(files))
                })
                .collect(),
        }
    }
}

/// The language table naming `all` (the index of every language) and each language's index.
pub fn write_languages(all: IndexFiles, languages: Vec<(Language, IndexFiles)>) -> LanguageFiles {
    let reference = |files: &IndexFiles| {
        let entry = decode_entry(&files.entry).expect("a written entry decodes");
        (entry.documents, name_of(&files.entry))
    };
    let payload = LanguageTablePayload {
        languages: languages
            .iter()
            .map(|(language, files)| {
                let (documents, name) = reference(files);
                (language.code().to_string(), documents, name)
            })
            .collect(),
        all: reference(&all),
    };
    let indexes = std::iter::once(all)
        .chain(languages.into_iter().map(|(_, files)| files))
        .map(|files| (entry_file(name_of(&files.entry)), files))
        .collect();
    LanguageFiles {
        table: seal(Kind::LanguageTable, &to_bytes(payload)),
        indexes,
    }
}

/// Names and encodes every piece, then the entry that lists them.
pub fn write(parts: &Parts) -> IndexFiles {
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
            first_pages: write_first_pages(parts.first_pages.get(t).map_or(&[], Vec::as_slice)),
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
    let ids_per_piece = parts.ids_per_piece.clamp(1, MAX_IDS_PER_PIECE);
    for (i, chunk) in parts.documents.chunks(ids_per_piece).enumerate() {
        let first_doc = (i * ids_per_piece) as u32;
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
        body: d.body.to_string(),
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
        .clone()
        .map(|dates| seal(Kind::Dates, &to_bytes(DatesList(dates))));
    let filters = parts.filters.clone().map(|filters| {
        let names = filters
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
        site_root: parts.site_root.map(u64::from),
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

/// First pages as a term piece stores them, to be read only when a search asks for one (see
/// [`first_page`]): sorted by term, each its term's length and bytes, its total, its hit
/// count, and each hit's document, tier, score (f32 LE) and the clauses its body holds;
/// numbers as LEB128 varints.
fn write_first_pages(pages: &[FirstPage]) -> Vec<u8> {
    let mut sorted: Vec<&FirstPage> = pages.iter().collect();
    sort_by(&mut sorted, |a, b| a.term.cmp(&b.term));
    let mut out = Vec::new();
    for page in sorted {
        write_varint(&mut out, page.term.len() as u32);
        out.extend_from_slice(page.term.as_bytes());
        write_varint(&mut out, page.total);
        out.push(page.hits.len() as u8);
        for hit in &page.hits {
            write_varint(&mut out, hit.doc);
            out.push(hit.tier);
            out.extend_from_slice(&hit.score.to_le_bytes());
            write_varint(&mut out, hit.in_body);
        }
    }
    out
}

/// A term piece's first pages (see [`write_first_pages`]) and where each of the first
/// `count` of [`page_starts`] starts (the reader charges them first).
fn read_first_pages(bytes: Vec<u8>, count: usize) -> FirstPages {
    let mut starts = Vec::with_capacity(count);
    starts.extend(page_starts(&bytes).take(count));
    FirstPages { bytes, starts }
}

/// Where each of a term piece's first pages starts, in term order. Pages from one cut short or
/// out of order on are left out: they cannot be found, and a search for one ranks the postings.
fn page_starts(pages: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut at = 0;
    let mut last = None;
    std::iter::from_fn(move || {
        let start = u32::try_from(at).ok().filter(|_| at < pages.len())?;
        let (term, after) = page_term(pages, at)?;
        at = after;
        page_rest(pages, &mut at, |_| {})?;
        (last < Some(term)).then(|| {
            last = Some(term);
            start
        })
    })
}

/// The term of the page at `start` of `pages`, and where the rest of the page starts.
fn page_term(pages: &[u8], start: usize) -> Option<(&[u8], usize)> {
    let mut at = start;
    let length = first_page_varint(pages, &mut at)? as usize;
    let end = at.checked_add(length)?;
    Some((pages.get(at..end)?, end))
}

/// Reads the rest of a page from `at`, just past its term: its total, and each of its hits
/// given to `hit`. None when the page is cut short (`at` then means nothing).
fn page_rest(pages: &[u8], at: &mut usize, mut hit: impl FnMut(PageHit)) -> Option<u32> {
    let total = first_page_varint(pages, at)?;
    let count = *pages.get(*at)?;
    *at += 1;
    for _ in 0..count {
        hit(read_page_hit(pages, at)?);
    }
    Some(total)
}

/// The first page of `term` among a term piece's, of an index of `documents`. A page that
/// is not there, or not sound (cut short, naming a document the index lacks, more hits than
/// its total), is none, and the search ranks the postings: an unsound page never shows a
/// page that does not exist.
pub(crate) fn first_page(pages: &FirstPages, term: &str, documents: u32) -> Option<FirstPage> {
    let bytes = pages.bytes.as_slice();
    let found = pages
        .starts
        .binary_search_by(|&start| {
            let stored = page_term(bytes, start as usize).map(|(stored, _)| stored);
            stored.cmp(&Some(term.as_bytes()))
        })
        .ok()?;
    let mut at = page_term(bytes, pages.starts[found] as usize)?.1;
    let mut hits = Vec::new();
    let total = page_rest(bytes, &mut at, |hit| hits.push(hit))?;
    let sound = hits.len() <= FIRST_PAGE_HITS.min(total as usize)
        && total <= documents
        && hits
            .iter()
            .all(|h| h.doc < documents && h.tier <= MAX_TIER && h.score.is_finite());
    sound.then(|| FirstPage {
        term: term.to_string(),
        total,
        hits,
    })
}

fn read_page_hit(pages: &[u8], at: &mut usize) -> Option<PageHit> {
    let doc = first_page_varint(pages, at)?;
    let tier = *pages.get(*at)?;
    let score = pages.get(*at + 1..*at + 5)?;
    let score = f32::from_le_bytes([score[0], score[1], score[2], score[3]]);
    *at += 5;
    let in_body = first_page_varint(pages, at)?;
    Some(PageHit {
        doc,
        tier,
        score,
        in_body,
    })
}

/// A varint that ends within `bytes`.
fn first_page_varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let start = *at;
    let value = read_varint(bytes, at);
    (*at > start && bytes[*at - 1] & 0x80 == 0).then_some(value)
}

/// A run's streams, concatenated in term order.
fn run_stream(run: &[PartTerm], stream: impl Fn(&PartTerm) -> &Vec<u8>) -> Vec<u8> {
    run.iter().flat_map(|t| stream(t).iter().copied()).collect()
}

// ---------------------------------------------------------------------------------------
// Reading

/// The memory a payload of `kind` takes once decoded, as its reader charges it.
fn measure(kind: Kind, payload: &[u8]) -> u64 {
    let mut r = Reader::measuring(payload);
    let read = match kind {
        Kind::SingleFile => read_single(&mut r).map(drop),
        Kind::Entry => read_entry(&mut r).map(drop),
        Kind::Terms => read_terms(&mut r).map(drop),
        Kind::Postings | Kind::Positions => r
            .slice()
            .and_then(|stream| r.charge(cost::<u8>(stream.len()))),
        Kind::Ids => read_ids(&mut r).map(drop),
        Kind::Document => read_document(&mut r, &read_body).map(drop),
        Kind::Dates => read_dates(&mut r).map(drop),
        Kind::Filters => read_filters(&mut r).map(drop),
        Kind::LanguageTable => read_language_table(&mut r).map(drop),
    };
    // A payload that does not read back (a builder given two documents of one id) declares
    // what it took until it failed: opening it fails there too.
    let _ = read;
    r.used()
}

/// The pieces that declare more memory than their size lets a reader accept: many short terms
/// that share their starts (numbers, codes) front-code to a few bytes each and take tens once
/// decoded, and so do a page's sections or metadata fields with no text between them. The
/// builder makes such pieces lighter and writes the index again.
pub fn overweight_pieces(files: &IndexFiles) -> Vec<PieceId> {
    files
        .pieces
        .iter()
        .filter(|(_, _, bytes)| declared_memory(bytes) > memory_declarable(bytes.len()))
        .map(|(piece, _, _)| *piece)
        .collect()
}

/// Whether `bytes` look like a chunked index's entry file (rather than a single file).
pub fn is_entry(bytes: &[u8]) -> bool {
    bytes.starts_with(magic(Kind::Entry))
}

fn read_entry(r: &mut Reader) -> Read<Entry> {
    let documents = r.u32()?;
    let terms = r.u32()?;
    let average_lengths = (r.f32()?, r.f32()?);
    let term_pieces = r.list(3, |r| {
        Ok(TermPieceRef {
            first_term: r.string()?,
            first_id: r.u32()?,
            name: r.u64()?,
        })
    })?;
    let id_pieces = r.list(3, |r| {
        Ok(IdPieceRef {
            first_id: r.string()?,
            first_doc: r.u32()?,
            name: r.u64()?,
        })
    })?;
    r.charge(index::slots_cost(term_pieces.len(), id_pieces.len()))?;
    Ok(Entry {
        documents,
        terms,
        average_lengths,
        term_pieces,
        id_pieces,
        documents_name: r.u64()?,
        dates: r.option(Reader::u64)?,
        filters: r.option(Reader::u64)?,
        languages: read_languages(r)?,
        site_root: r
            .option(Reader::u64)?
            .and_then(|levels| u32::try_from(levels).ok()),
    })
}

/// An entry's languages: sorted, each once.
fn read_languages(r: &mut Reader) -> Read<Languages> {
    let languages = r.list(3, read_language)?;
    if !languages.windows(2).all(|w| w[0] < w[1]) {
        return Err(r.malformed("languages out of order"));
    }
    Ok(Languages::new(languages))
}

/// A language as written: its primary subtag, nothing else ([`Language::is_code`]).
fn read_language(r: &mut Reader) -> Read<Language> {
    let code = r.str()?;
    if !Language::is_code(code) {
        return Err(r.malformed("a language that is not a primary subtag"));
    }
    r.charge(cost::<u8>(code.len()))?;
    Ok(Language::from_tag(code))
}

/// Whether `bytes` look like a chunked index's language table.
pub fn is_language_table(bytes: &[u8]) -> bool {
    bytes.starts_with(magic(Kind::LanguageTable))
}

fn read_language_table(r: &mut Reader) -> Read<LanguageTable> {
    let languages = r.list(3, |r| {
        let language = read_language(r)?;
        let index = IndexRef {
            documents: r.u32()?,
            entry: r.u64()?,
        };
        Ok((language, index))
    })?;
    let all = IndexRef {
        documents: r.u32()?,
        entry: r.u64()?,
    };
    Ok(LanguageTable { languages, all })
}

/// Decodes a language table. A table naming languages out of order, or more documents than
/// its index of all of them, opens all the same: it only chooses which entry to read.
pub fn decode_language_table(bytes: &[u8]) -> Result<LanguageTable, FormatError> {
    let mut r = open(bytes, Kind::LanguageTable, "the language table")?;
    let table = read_language_table(&mut r)?;
    r.finish()?;
    Ok(table)
}

/// Decodes the entry a language table names as `index`, fetched as `file`: a file that is
/// cut short, corrupt or of another kind says so, then one of another index is
/// [`FormatError::Stale`].
pub fn decode_language_entry(
    bytes: &[u8],
    index: IndexRef,
    file: &str,
) -> Result<Entry, FormatError> {
    let entry = decode_entry(bytes)?;
    check_name(file, bytes, index.entry)?;
    Ok(entry)
}

/// Decodes an entry file.
pub fn decode_entry(bytes: &[u8]) -> Result<Entry, FormatError> {
    let file = "the index entry";
    let mut r = open(bytes, Kind::Entry, file)?;
    let entry = read_entry(&mut r)?;
    r.finish()?;
    let bad = |what: &str| r.malformed(what);
    let first = &entry.term_pieces.first();
    if first.is_none_or(|first| first.first_id != 0 || !first.first_term.is_empty()) {
        return Err(bad("its first term piece"));
    }
    let terms_sorted = entry
        .term_pieces
        .windows(2)
        .all(|w| w[0].first_term < w[1].first_term && w[0].first_id < w[1].first_id)
        && entry
            .term_pieces
            .iter()
            .all(|p| p.first_id < entry.terms.max(1));
    if !terms_sorted {
        return Err(bad("term pieces out of order"));
    }
    let ids = &entry.id_pieces;
    let ids_sorted = ids
        .windows(2)
        .all(|w| w[0].first_id < w[1].first_id && w[0].first_doc < w[1].first_doc)
        && ids.iter().all(|p| p.first_doc < entry.documents.max(1))
        && ids
            .first()
            .is_none_or(|first| first.first_doc == 0 && first.first_id.is_empty())
        && ids.is_empty() == (entry.documents == 0);
    if !ids_sorted {
        return Err(bad("id pieces out of order"));
    }
    let ends = ids
        .iter()
        .skip(1)
        .map(|p| p.first_doc)
        .chain([entry.documents]);
    if ids
        .iter()
        .zip(ends)
        .any(|(p, end)| (end - p.first_doc) as usize > MAX_IDS_PER_PIECE)
    {
        return Err(bad("more documents than its id pieces hold"));
    }
    let average = |length: f32| length.is_finite() && length >= 1.0;
    if !average(entry.average_lengths.0) || !average(entry.average_lengths.1) {
        return Err(bad("its average lengths"));
    }
    Ok(entry)
}

/// A term piece's first term id, term count and contents, its streams' lengths not yet
/// made byte ranges nor its stem groups' ids undone from deltas.
fn read_terms(r: &mut Reader) -> Read<(u32, u32, TermPiece)> {
    let first_id = r.u32()?;
    let term_count = r.u32()?;
    let terms = front_decode(r, term_count)?;
    let doc_counts = r.list(1, Reader::u32)?;
    let postings = r.list(1, |r| Ok((0, r.u32()?)))?;
    let positions = r.list(1, |r| Ok((0, r.u32()?)))?;
    let streams = r.list(3, |r| {
        Ok(StreamsRef {
            first_term: r.u32()?,
            postings: r.u64()?,
            positions: r.u64()?,
        })
    })?;
    let stem_count = r.u32()?;
    let stems = front_decode(r, stem_count)?;
    let stem_members = r.list(1, |r| r.list(1, Reader::u32))?;
    let first_pages = r.slice()?;
    r.charge(cost::<u8>(first_pages.len()))?;
    let pages = page_starts(first_pages).count();
    r.charge(cost::<u32>(pages))?;
    let first_pages = read_first_pages(first_pages.to_vec(), pages);
    r.charge(index::loaded_terms_cost(streams.len()))?;
    let piece = TermPiece {
        terms,
        doc_counts,
        postings,
        positions,
        streams,
        stems,
        stem_members,
        first_pages,
    };
    Ok((first_id, term_count, piece))
}

/// Decodes a term piece holding the ids `reference.first_id..end` of `terms` in all.
pub(crate) fn decode_terms(
    bytes: &[u8],
    reference: &TermPieceRef,
    end: u32,
    terms: u32,
    file: &str,
) -> Result<TermPiece, FormatError> {
    let mut r = open(bytes, Kind::Terms, file)?;
    let (first_id, term_count, mut piece) = read_terms(&mut r)?;
    r.finish()?;
    let bad = |what: &str| r.malformed(what);
    let count = end
        .checked_sub(reference.first_id)
        .ok_or_else(|| bad("its range"))?;
    if first_id != reference.first_id || term_count != count {
        return Err(bad("its range differs from the entry's"));
    }
    if piece
        .terms
        .iter()
        .next()
        .is_some_and(|first| first < reference.first_term.as_str())
    {
        return Err(bad("its first term"));
    }
    let n = piece.terms.len();
    if piece.doc_counts.len() != n || piece.postings.len() != n || piece.positions.len() != n {
        return Err(bad("counts and terms differ in number"));
    }
    let streams = &piece.streams;
    let starts_ok = streams.first().is_some_and(|s| s.first_term == 0)
        && streams
            .windows(2)
            .all(|w| w[0].first_term < w[1].first_term)
        && streams.iter().all(|s| (s.first_term as usize) < n);
    if n > 0 && !starts_ok || n == 0 && !streams.is_empty() {
        return Err(bad("its runs"));
    }
    for run in 0..piece.streams.len() as u32 {
        let terms = run_terms(&piece, run);
        to_spans(&mut piece.postings[terms.clone()], file)?;
        to_spans(&mut piece.positions[terms], file)?;
    }
    if piece.stem_members.len() != piece.stems.len() {
        return Err(bad("stem groups and stems differ in number"));
    }
    for members in &mut piece.stem_members {
        delta_decode(members, terms, file)?;
    }
    Ok(piece)
}

/// Makes stream lengths, in place, the byte ranges of consecutive streams.
fn to_spans(spans: &mut [(u32, u32)], file: &str) -> Result<(), FormatError> {
    let mut start = 0u32;
    for span in spans {
        let end = start
            .checked_add(span.1)
            .ok_or_else(|| corrupt([file, " has impossible stream lengths"].concat()))?;
        *span = (start, end);
        start = end;
    }
    Ok(())
}

/// Decodes a postings or positions piece: one byte stream, borrowed.
pub(crate) fn decode_stream<'a>(
    bytes: &'a [u8],
    postings: bool,
    file: &'a str,
) -> Result<&'a [u8], FormatError> {
    let kind = if postings {
        Kind::Postings
    } else {
        Kind::Positions
    };
    let mut r = open(bytes, kind, file)?;
    let stream = r.slice()?;
    r.finish()?;
    Ok(stream)
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
    let bad = |what: &str| corrupt([file, " holds a malformed posting list (", what, ")"].concat());
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
            let (title_tf, ..) = unpack_title_tf(read_varint(bytes, &mut at));
            let (body_tf, in_lead) = unpack_body_tf(read_varint(bytes, &mut at));
            let title = read_short_varint(bytes, &mut at);
            let body_length = read_short_varint(bytes, &mut at);
            if title & 1 == 1 {
                bytes
                    .get(at..at + 4)
                    .map(|w| f32::from_le_bytes([w[0], w[1], w[2], w[3]]))
                    .filter(|w| w.is_finite() && *w > 0.0)
                    .ok_or_else(|| bad("a weight that is not a positive number"))?;
                at += 4;
            }
            let norms = unpack_title_field(title, body_length);
            let title_length = norms.title_length;
            let generic = u32::from(norms.title_generic) + u32::from(norms.title_stop);
            // No bound on the title's: a title listing names (`DateTime::format, date_format`)
            // counts only its longest name's words, and may hold a term more often.
            if body_tf > body_length || title_tf + body_tf == 0 {
                return Err(bad("frequencies beyond the document's length"));
            }
            if generic > title_length {
                return Err(bad("more common title words than title words"));
            }
            if in_lead && body_tf == 0 {
                return Err(bad("a word in the body's lead but not in the body"));
            }
        }
        if at != bytes.len() {
            return Err(bad("its length does not match its contents"));
        }
    }
    Ok(())
}

fn read_ids(r: &mut Reader) -> Read<(u32, TermDictionary)> {
    let first_doc = r.u32()?;
    let count = r.u32()?;
    Ok((first_doc, front_decode(r, count)?))
}

/// Decodes an id piece of `count` ids.
pub(crate) fn decode_ids(
    bytes: &[u8],
    reference: &IdPieceRef,
    count: u32,
    file: &str,
) -> Result<TermDictionary, FormatError> {
    let mut r = open(bytes, Kind::Ids, file)?;
    let (first_doc, ids) = read_ids(&mut r)?;
    r.finish()?;
    if first_doc != reference.first_doc || ids.len() != count as usize {
        return Err(corrupt(
            [file, " does not hold the ids its entry says"].concat(),
        ));
    }
    Ok(ids)
}

/// A document piece's document set name, number and document, its body read by `body`.
fn read_document<'a>(
    r: &mut Reader<'a>,
    body: &dyn Fn(&mut Reader<'a>) -> Read<Text>,
) -> Read<(u64, u32, StoredDocument)> {
    let documents_name = r.u64()?;
    let doc = r.u32()?;
    let document = StoredDocument {
        id: r.string()?,
        title: r.string()?,
        body: body(r)?,
        date: r.option(Reader::string)?,
        url: r.option(Reader::string)?,
        meta: r.list(2, |r| Ok((r.string()?, r.string()?)))?,
        sections: r.list(3, |r| {
            Ok(Section {
                start: r.u32()?,
                anchor: r.string()?,
                title: r.string()?,
            })
        })?,
        lang: read_language(r)?.into_code(),
    };
    r.charge(index::document_slot_cost())?;
    Ok((documents_name, doc, document))
}

/// Decodes document `doc`'s piece.
pub(crate) fn decode_document(
    bytes: &[u8],
    entry: &Entry,
    doc: u32,
    file: &str,
) -> Result<StoredDocument, FormatError> {
    decode_document_with(bytes, entry, doc, file, &read_body)
}

/// Decodes document `doc`'s piece, its body read by `body`.
fn decode_document_with<'a>(
    bytes: &'a [u8],
    entry: &Entry,
    doc: u32,
    file: &'a str,
    body: &dyn Fn(&mut Reader<'a>) -> Read<Text>,
) -> Result<StoredDocument, FormatError> {
    let mut r = open(bytes, Kind::Document, file)?;
    let (documents_name, number, document) = read_document(&mut r, body)?;
    r.finish()?;
    if documents_name != entry.documents_name {
        return Err(FormatError::Stale(file.to_string()));
    }
    if number != doc {
        return Err(corrupt(
            [
                file,
                " holds document ",
                &decimal(u64::from(number)),
                " instead",
            ]
            .concat(),
        ));
    }
    if !Section::fit(&document.sections, &document.body) {
        return Err(corrupt(
            [file, " has sections that do not fit its document's text"].concat(),
        ));
    }
    Ok(document)
}

/// The payload of a file whose header [`open`] has accepted.
fn payload(bytes: &[u8]) -> &[u8] {
    &bytes[FIXED_HEADER + bytes[FIXED_HEADER - 1] as usize..]
}

/// A document's body, copied out of its piece: what a document piece is charged for.
fn read_body(r: &mut Reader) -> Read<Text> {
    r.string().map(Text::from)
}

/// A document piece that [`decode_document`] has accepted, kept as its payload and its
/// body: reading it again cannot fail.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct VerifiedDocument {
    payload: Bytes,
    /// The body, a range of the payload.
    body: Text,
}

impl VerifiedDocument {
    /// Decodes and verifies document `doc`'s piece, whose body is then read in place.
    pub(crate) fn decode(
        bytes: &Bytes,
        entry: &Entry,
        doc: u32,
        file: &str,
    ) -> Result<VerifiedDocument, FormatError> {
        // Charged as a copy would be: what the file declares.
        let in_place = |r: &mut Reader| {
            let body = r.str()?;
            r.charge(cost::<u8>(body.len()))?;
            Ok(bytes.text_part(body))
        };
        let document = decode_document_with(bytes, entry, doc, file, &in_place)?;
        Ok(VerifiedDocument {
            payload: bytes.part(payload(bytes)),
            body: document.body,
        })
    }

    /// The document, its body shared with the piece.
    pub(crate) fn read(&self) -> StoredDocument {
        let body = |r: &mut Reader| r.slice().map(|_| self.body.clone());
        let Ok((_, _, document)) = read_document(&mut Reader::measuring(&self.payload), &body)
        else {
            unreachable!("a document piece is verified before it is kept")
        };
        document
    }
}

/// Each document's date, an empty text for none; measured first, then read into one
/// allocation.
fn read_dates(r: &mut Reader) -> Read<Texts> {
    let mut probe = r.clone();
    let count = probe.count(1)?;
    let mut bytes = 0;
    for _ in 0..count {
        bytes += probe.option(Reader::str)?.map_or(0, str::len);
    }
    r.charge(cost::<u8>(bytes) + cost::<u32>(count))?;
    let count = r.count(1)?;
    let mut dates = Texts::with_capacity(bytes, count);
    for _ in 0..count {
        dates.push(r.option(Reader::str)?.unwrap_or_default());
    }
    Ok(dates)
}

/// Decodes the dates of `documents` documents.
pub(crate) fn decode_dates(bytes: &[u8], documents: u32, file: &str) -> Result<Texts, FormatError> {
    let mut r = open(bytes, Kind::Dates, file)?;
    let dates = read_dates(&mut r)?;
    r.finish()?;
    if dates.len() != documents as usize {
        return Err(corrupt([file, " does not date every document"].concat()));
    }
    Ok(dates)
}

/// Filters, each value's documents still delta-coded.
fn read_filters(r: &mut Reader) -> Read<Filters> {
    let names = r.list(2, |r| Ok((r.string()?, read_values(r)?)))?;
    Ok(Filters { names })
}

/// A filter's values and their documents: measured first, then read into three
/// allocations.
fn read_values(r: &mut Reader) -> Read<FilterValues> {
    let mut probe = r.clone();
    let count = probe.count(2)?;
    let (mut bytes, mut docs) = (0, 0);
    for _ in 0..count {
        bytes += probe.str()?.len();
        let n = probe.count(1)?;
        for _ in 0..n {
            probe.u32()?;
        }
        docs += n;
    }
    r.charge(cost::<u8>(bytes) + 2 * cost::<u32>(count) + cost::<u32>(docs))?;
    let count = r.count(2)?;
    let mut values = FilterValues {
        values: Texts::with_capacity(bytes, count),
        docs: Vec::with_capacity(docs),
        doc_ends: Vec::with_capacity(count),
    };
    for _ in 0..count {
        values.values.push(r.str()?);
        for _ in 0..r.count(1)? {
            values.docs.push(r.u32()?);
        }
        values.doc_ends.push(values.docs.len() as u32);
    }
    Ok(values)
}

/// Decodes the filters piece of an index of `documents` documents.
pub(crate) fn decode_filters(
    bytes: &[u8],
    documents: u32,
    file: &str,
) -> Result<Filters, FormatError> {
    let mut r = open(bytes, Kind::Filters, file)?;
    let mut filters = read_filters(&mut r)?;
    r.finish()?;
    for (_, values) in &mut filters.names {
        let mut start = 0;
        for &end in &values.doc_ends {
            delta_decode(&mut values.docs[start..end as usize], documents, file)?;
            start = end as usize;
        }
    }
    Ok(filters)
}

/// A single file's entry and pieces, borrowed. Each is charged the memory its own header
/// declares (it is decoded within that), and so is the list of pieces the index misses.
fn read_single<'a>(r: &mut Reader<'a>) -> Read<(&'a [u8], Vec<&'a [u8]>)> {
    // The file is kept whole: its pieces are read in place from it.
    r.charge(cost::<u8>(r.payload_len()))?;
    let entry = r.slice()?;
    let pieces = r.list(1, Reader::slice)?;
    r.charge(cost::<PieceId>(pieces.len()))?;
    for file in std::iter::once(&entry).chain(&pieces) {
        r.charge(declared_memory(file))?;
    }
    Ok((entry, pieces))
}

/// Decodes and verifies a single-file index, which keeps the file's bytes and reads its
/// postings, positions and documents in place (bytes given by reference are copied once).
pub fn decode(file_bytes: impl Into<Bytes>) -> Result<Index, FormatError> {
    let file_bytes = file_bytes.into();
    let bytes: &[u8] = &file_bytes;
    if bytes.len() >= 8 && &bytes[..8] == magic(Kind::Entry) {
        return Err(FormatError::WrongKind {
            file: "this file".into(),
            expected: Kind::SingleFile,
            found: Kind::Entry,
        });
    }
    let file = "the index";
    let mut r = open(bytes, Kind::SingleFile, file)?;
    let (entry, pieces) = read_single(&mut r)?;
    r.finish()?;
    let mut index = Index::from_entry(decode_entry(entry)?, 0);
    let mut pieces = pieces.into_iter();
    let term_pieces = index.entry.term_pieces.len() as u32;
    for t in 0..term_pieces {
        let piece = pieces
            .next()
            .ok_or(FormatError::Truncated("a term piece is missing"))?;
        index.insert(PieceId::Terms(t), file_bytes.part(piece))?;
    }
    if index.missing_count() > pieces.len() {
        return Err(FormatError::Truncated("a piece is missing"));
    }
    index.reserve_documents();
    for id in index.missing() {
        let piece = pieces.next().expect("counted");
        index.insert(id, file_bytes.part(piece))?;
    }
    if pieces.next().is_some() {
        return Err(corrupt("the index holds pieces it does not list".into()));
    }
    index.encoded_bytes = bytes.len();
    index.chunked = false;
    Ok(index)
}

/// Decodes a file of any kind, as its magic says, in a context made to fit its payload
/// (the ids, counts and names it claims) and with no name checked: for property tests and
/// fuzzing, which forge payloads (see [`reseal`]) and want every decoder to meet them. What
/// it decodes is dropped.
pub fn decode_any(bytes: &[u8]) -> Result<(), FormatError> {
    let Some(&(kind, _, _)) = KINDS.iter().find(|k| bytes.starts_with(k.1)) else {
        return Err(FormatError::NotAnIndex(Foreign::of(bytes)));
    };
    // The payload's first numbers, read ahead, give the context it claims.
    let file = "the file";
    let mut ahead = open(bytes, kind, file)?;
    let (first, second) = (ahead.u64().unwrap_or(0), ahead.u64().unwrap_or(0));
    let (first32, second32) = (first as u32, second as u32);
    match kind {
        Kind::SingleFile => decode(bytes).map(drop),
        Kind::Entry => decode_entry(bytes).map(drop),
        Kind::Terms => {
            let reference = TermPieceRef {
                first_term: String::new(),
                first_id: first32,
                name: 0,
            };
            let end = first32.saturating_add(second32);
            decode_terms(bytes, &reference, end, u32::MAX, file).map(drop)
        }
        Kind::Postings | Kind::Positions => {
            decode_stream(bytes, kind == Kind::Postings, file).map(drop)
        }
        Kind::Ids => {
            let reference = IdPieceRef {
                first_id: String::new(),
                first_doc: first32,
                name: 0,
            };
            decode_ids(bytes, &reference, second32, file).map(drop)
        }
        Kind::Document => {
            let entry = Entry {
                documents: second32.saturating_add(1),
                terms: 0,
                average_lengths: (1.0, 1.0),
                term_pieces: Vec::new(),
                id_pieces: Vec::new(),
                documents_name: first,
                dates: None,
                filters: None,
                languages: Languages::new(Vec::new()),
                site_root: None,
            };
            decode_document(bytes, &entry, second32, file).map(drop)
        }
        Kind::Dates => decode_dates(bytes, first32, file).map(drop),
        Kind::Filters => decode_filters(bytes, u32::MAX, file).map(drop),
        Kind::LanguageTable => decode_language_table(bytes).map(drop),
    }
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

/// Decodes `count` front-coded, strictly increasing terms. Front coding shares prefixes, so
/// a few bytes may stand for a long term: the text is measured and charged first, then
/// allocated at exactly its length.
fn front_decode(r: &mut Reader, count: u32) -> Read<TermDictionary> {
    let bytes = r.slice()?;
    let file = r.file();
    let bad = || corrupt([file, " holds malformed terms"].concat());
    let (mut at, mut previous, mut length) = (0, 0u64, 0u64);
    for _ in 0..count {
        if at >= bytes.len() {
            return Err(bad());
        }
        let shared = u64::from(read_varint(bytes, &mut at));
        let suffix = read_varint(bytes, &mut at) as usize;
        at = at
            .checked_add(suffix)
            .filter(|&end| end <= bytes.len())
            .ok_or_else(bad)?;
        if shared > previous {
            return Err(bad());
        }
        previous = shared + suffix as u64;
        length = length.saturating_add(previous);
    }
    if at != bytes.len() {
        return Err(corrupt(
            [file, " has trailing bytes after its terms"].concat(),
        ));
    }
    if length > u64::from(u32::MAX) {
        return Err(bad());
    }
    r.charge(cost::<u8>(length as usize) + cost::<u32>(count as usize))?;
    let mut text: Vec<u8> = Vec::with_capacity(length as usize);
    let mut ends = Vec::with_capacity(count as usize);
    let (mut at, mut start) = (0, 0);
    for _ in 0..count {
        let shared = read_varint(bytes, &mut at) as usize;
        let suffix = read_varint(bytes, &mut at) as usize;
        let rest = &bytes[at..at + suffix];
        at += suffix;
        let cut = start + shared;
        // The shared prefix ends on a character boundary of the previous term.
        if std::str::from_utf8(rest).is_err() || text.get(cut).is_some_and(|&b| b & 0xc0 == 0x80) {
            return Err(bad());
        }
        let term_start = text.len();
        text.extend_from_within(start..cut);
        text.extend_from_slice(rest);
        if !ends.is_empty() && text[start..term_start] >= text[term_start..] {
            return Err(corrupt([file, " holds terms that are not sorted"].concat()));
        }
        start = term_start;
        ends.push(text.len() as u32);
    }
    let text = String::from_utf8(text).map_err(|_| bad())?;
    Ok(TermDictionary::from_parts(text, ends))
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
/// Undoes [`delta_code`] in place; every id must be below `bound` and above the one before.
fn delta_decode(ids: &mut [u32], bound: u32, file: &str) -> Result<(), FormatError> {
    let mut id = 0u32;
    for (i, delta) in ids.iter_mut().enumerate() {
        id = id
            .checked_add(*delta)
            .filter(|&next| next < bound && (i == 0 || *delta > 0))
            .ok_or_else(|| corrupt([file, " names an id that does not exist"].concat()))?;
        *delta = id;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::postings::Norms;

    /// Every file a chunked index writes under `pieces/` is named as [`is_piece_file_name`]
    /// says; a site's own files there, and names only like them, are not.
    #[test]
    fn piece_file_names_are_told_from_a_sites_own_files() {
        let mut builder = crate::IndexBuilder::new();
        // Dated and tagged, so that every kind of piece is written.
        let mut dated = crate::Document::new("a", "Lamps", "Trim the wick before dusk.");
        dated.date = Some("2024-05-01".into());
        dated.filters.insert("tag".into(), vec!["light".into()]);
        builder.add(dated);
        builder.add(crate::Document::new(
            "b",
            "Tides",
            "The keeper logs the tides.",
        ));
        let files = builder.build_files(crate::Layout::default());
        let written = files.pieces.iter().map(|(_, file, _)| file.clone());
        let mut kinds = std::collections::HashSet::new();
        for file in written.chain([entry_file(u64::MAX)]) {
            let name = file.strip_prefix("pieces/").expect("under pieces/");
            assert!(is_piece_file_name(name), "{name}");
            kinds.insert(name.split('-').next().unwrap_or_default().to_string());
        }
        let every = PIECE_KINDS
            .iter()
            .chain(&["doc"])
            .map(|k| k.to_string())
            .collect();
        assert_eq!(kinds, every, "{kinds:?}");
        for name in [
            "notes.bin",
            "logo-0123456789abcdef.bin",
            "terms-0123.bin",
            "terms-0123456789ABCDEF.bin",
            "terms-0123456789abcdef.bin.partial",
            "doc-0123456789abcdef-.bin",
            "doc-0123456789abcdef-7x.bin",
            "doc-0123456789abcdef.bin",
        ] {
            assert!(!is_piece_file_name(name), "{name}");
        }
    }

    /// The entry of an index of one document, its set named 7.
    fn one_document_entry() -> Entry {
        Entry {
            documents: 1,
            terms: 0,
            average_lengths: (1.0, 1.0),
            term_pieces: Vec::new(),
            id_pieces: Vec::new(),
            documents_name: 7,
            dates: None,
            filters: None,
            languages: Languages::english(),
            site_root: None,
        }
    }

    /// The piece of that index's one document, id `a`, empty, in the language `lang`.
    fn document_payload(lang: &str) -> DocumentPayload {
        DocumentPayload {
            documents_name: 7,
            doc: 0,
            id: "a".into(),
            title: String::new(),
            body: String::new(),
            date: None,
            url: None,
            meta: Vec::new(),
            sections: Vec::new(),
            lang: lang.into(),
        }
    }

    /// An entry of `documents` documents in one id piece and one term piece, in `languages`.
    fn entry_payload(documents: u32, languages: &[&str]) -> EntryPayload {
        EntryPayload {
            documents,
            terms: 1,
            average_title: 1.0,
            average_body: 1.0,
            term_pieces: vec![(String::new(), 0, 1)],
            id_pieces: vec![(String::new(), 0, 1)],
            documents_name: 1,
            dates: None,
            filters: None,
            languages: languages.iter().map(|l| l.to_string()).collect(),
            site_root: None,
        }
    }

    /// A first page is read as written; one cut short, or naming a document the index lacks,
    /// is none (the search then ranks the postings), never a page of documents that do not
    /// exist.
    #[test]
    fn an_unsound_first_page_is_none() {
        let page = |term: &str, doc| FirstPage {
            term: term.to_string(),
            total: 3,
            hits: vec![PageHit {
                doc,
                tier: 1,
                score: 1.5,
                in_body: 1,
            }],
        };
        let written = write_first_pages(&[page("w", 2), page("wo", 0)]);
        let pages = read_all(written.clone());
        assert_eq!(first_page(&pages, "wo", 3), Some(page("wo", 0)));
        assert_eq!(first_page(&pages, "w", 3), Some(page("w", 2)));
        assert_eq!(first_page(&pages, "wor", 3), None);
        assert_eq!(first_page(&pages, "w", 2), None, "document 2 of 2");
        let w_ends = write_first_pages(&[page("w", 2)]).len();
        for end in 0..written.len() {
            let cut = read_all(written[..end].to_vec());
            assert_eq!(first_page(&cut, "wo", 3), None, "cut at {end}");
            let w = first_page(&cut, "w", 3);
            assert_eq!(
                w.is_some(),
                end >= w_ends,
                "cut at {end}: the page before it"
            );
        }
    }

    /// A term piece's first pages read as its reader reads them.
    fn read_all(bytes: Vec<u8>) -> FirstPages {
        let count = page_starts(&bytes).count();
        read_first_pages(bytes, count)
    }

    /// Every page of a piece is found, in whatever order the writer is given them; pages stored
    /// out of order are not.
    #[test]
    fn every_first_page_is_found() {
        let terms: Vec<String> = (0..200u32)
            .map(|i| format!("{}{}", char::from(b'a' + (i * 7 % 26) as u8), i * 13 % 97))
            .collect();
        let pages: Vec<FirstPage> = terms
            .iter()
            .enumerate()
            .map(|(doc, term)| FirstPage {
                term: term.clone(),
                total: 1,
                hits: vec![PageHit {
                    doc: doc as u32,
                    tier: 0,
                    score: 1.0,
                    in_body: 1,
                }],
            })
            .collect();
        let read = read_all(write_first_pages(&pages));
        for page in &pages {
            assert_eq!(first_page(&read, &page.term, 200).as_ref(), Some(page));
        }
        assert_eq!(first_page(&read, "a", 200), None);

        // Pages out of order (not as written) are not read from the first out of place on.
        let mut swapped = write_first_pages(&pages[1..2]);
        swapped.extend(write_first_pages(&pages[..1]));
        assert!(pages[0].term < pages[1].term);
        let read = read_all(swapped);
        assert_eq!(read.starts, [0]);
        assert_eq!(
            first_page(&read, &pages[1].term, 200).as_ref(),
            Some(&pages[1])
        );
        assert_eq!(first_page(&read, &pages[0].term, 200), None);

        // A term written twice stops the read at its second page.
        let mut twice = write_first_pages(&pages[..2]);
        twice.extend(write_first_pages(&pages[1..3]));
        assert_eq!(read_all(twice).starts.len(), 2);
    }

    /// A posting marking its term in the body's lead is refused when the body lacks the term.
    #[test]
    fn a_lead_mark_on_a_term_the_body_lacks_is_corrupt() {
        let piece = TermPiece {
            terms: TermDictionary::from_sorted(["word"]),
            doc_counts: vec![1],
            postings: Vec::new(),
            positions: vec![(0, 1)],
            streams: vec![StreamsRef {
                first_term: 0,
                postings: 1,
                positions: 2,
            }],
            stems: TermDictionary::from_sorted([]),
            stem_members: Vec::new(),
            first_pages: FirstPages::default(),
        };
        // Document 0, title tf 1, the body's tf and lead bit, a title of one word, a body
        // of four.
        let title_of_one_word = crate::postings::pack_title_field(&Norms {
            title_length: 1,
            ..Norms::default()
        });
        let stream = |body_field: u8| {
            let mut bytes = vec![0, 1 << 2, body_field];
            write_varint(&mut bytes, title_of_one_word);
            bytes.push(4);
            bytes
        };
        let check = |body_field: u8| {
            let bytes = stream(body_field);
            let piece = TermPiece {
                postings: vec![(0, bytes.len() as u32)],
                ..piece.clone()
            };
            check_postings(&piece, 0, &bytes, 1, "postings.bin")
        };
        assert!(
            check(2 << 1 | 1).is_ok(),
            "twice in the body, once in its lead"
        );
        assert!(check(2 << 1).is_ok());
        let error = check(1).unwrap_err().to_string();
        assert!(error.contains("lead but not in the body"), "{error}");
    }

    /// A checksummed document piece whose section starts past its text is refused, not
    /// sliced.
    #[test]
    fn a_forged_section_beyond_the_text_is_corrupt() {
        let entry = one_document_entry();
        let piece = |start: u32| {
            let payload = DocumentPayload {
                title: "A".into(),
                body: "héllo".into(),
                sections: vec![(start, "h".into(), "H".into())],
                ..document_payload("en")
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

    /// A payload sealed as if honest, then resealed to declare the most memory its size allows.
    fn forged(kind: Kind, payload: impl Encode) -> Vec<u8> {
        reseal(sealed(kind, &to_bytes(payload), 0))
    }

    fn too_much_memory(result: Result<impl std::fmt::Debug, FormatError>) -> bool {
        matches!(result, Err(FormatError::TooMuchMemory { .. }))
    }

    /// Terms that each repeat the whole term before them and add a byte take 3 bytes each
    /// but n²/2 bytes of text in all: refused before the text is allocated.
    #[test]
    fn forged_front_coded_terms_are_refused_before_their_text_is_allocated() {
        let n = 3_000u32;
        let mut terms = Vec::new();
        for shared in 0..n {
            write_varint(&mut terms, shared);
            write_varint(&mut terms, 1);
            terms.push(b'a');
        }
        let file = forged(
            Kind::Terms,
            TermPayload {
                first_id: 0,
                term_count: n,
                terms,
                doc_counts: vec![1; n as usize],
                postings_lengths: vec![1; n as usize],
                positions_lengths: vec![1; n as usize],
                streams: vec![(0, 1, 1)],
                stem_count: 0,
                stems: Vec::new(),
                stem_members: Vec::new(),
                first_pages: Vec::new(),
            },
        );
        let reference = TermPieceRef {
            first_term: String::new(),
            first_id: 0,
            name: 0,
        };
        let error = decode_terms(&file, &reference, n, n, "terms-1").unwrap_err();
        assert!(too_much_memory(Err::<(), _>(error.clone())), "{error}");
        assert!(error.to_string().contains("terms-1 would take"), "{error}");
    }

    /// Lists of empty items take a byte or two each and dozens of bytes in memory: stem
    /// groups, metadata and filter values, forged in bulk, are refused.
    #[test]
    fn forged_lists_of_empty_items_are_refused() {
        let document = DocumentPayload {
            meta: vec![(String::new(), String::new()); 50_000],
            ..document_payload("en")
        };
        let entry = one_document_entry();
        let file = forged(Kind::Document, document);
        assert!(too_much_memory(decode_document(&file, &entry, 0, "doc-0")));
        let filters = FiltersPayload {
            names: vec![(String::new(), Vec::new()); 100_000],
        };
        let file = forged(Kind::Filters, filters);
        assert!(too_much_memory(decode_filters(&file, 1, "filters-1")));
        // Values are packed: 8 bytes each, for at least 2.
        let values = vec![(String::new(), Vec::new()); 100_000];
        let file = forged(
            Kind::Filters,
            FiltersPayload {
                names: vec![("tag".into(), values)],
            },
        );
        assert!(decode_filters(&file, 1, "filters-1").is_ok());
        let dates = DatesList(vec![None; 400_000]);
        // Undated documents take 4 bytes each for a byte: within the bound.
        assert!(decode_dates(&forged(Kind::Dates, dates), 400_000, "dates-1").is_ok());
    }

    /// An entry may not claim more documents than its id pieces can hold: every search
    /// allocates a few bytes per document.
    #[test]
    fn an_entry_claiming_billions_of_documents_is_refused() {
        let entry = entry_payload(u32::MAX, &[]);
        let error = decode_entry(&forged(Kind::Entry, entry)).unwrap_err();
        assert!(error.to_string().contains("more documents"), "{error}");
    }

    /// Languages are written as primary subtags, sorted, each once: anything else in an entry
    /// or a document piece is refused, and languages forged in bulk take too much memory.
    #[test]
    fn forged_languages_are_refused() {
        let sealed = |languages: &[&str]| seal(Kind::Entry, &to_bytes(entry_payload(1, languages)));
        let codes: Vec<String> = decode_entry(&sealed(&["de", "en"]))
            .unwrap()
            .languages
            .iter()
            .map(|l| l.code().into())
            .collect();
        assert_eq!(codes, ["de", "en"]);
        let refused: [&[&str]; 5] = [
            &["en", "de"],
            &["en", "en"],
            &["EN"],
            &["fr-CA"],
            &["english"],
        ];
        for languages in refused {
            let error = decode_entry(&sealed(languages)).unwrap_err();
            assert!(error.to_string().contains("language"), "{error}");
        }
        let letter = |n: usize| char::from(b'a' + (n % 26) as u8);
        let mut bulk = entry_payload(1, &[]);
        bulk.languages = (0..26 * 26 * 26)
            .map(|i| {
                [letter(i / 676), letter(i / 26), letter(i)]
                    .iter()
                    .collect()
            })
            .collect();
        assert!(too_much_memory(decode_entry(&forged(Kind::Entry, bulk))));

        let entry = one_document_entry();
        let piece = |lang| seal(Kind::Document, &to_bytes(document_payload(lang)));
        assert_eq!(
            decode_document(&piece("fr"), &entry, 0, "doc-0")
                .unwrap()
                .lang,
            "fr"
        );
        for lang in ["", "fr-CA", "Fr", "english"] {
            let error = decode_document(&piece(lang), &entry, 0, "doc-0").unwrap_err();
            assert!(error.to_string().contains("language"), "{error}");
        }
    }

    /// A header declaring more memory than its size allows is refused before any decoding.
    #[test]
    fn a_header_declaring_too_much_memory_is_refused() {
        let dates = seal(Kind::Dates, &to_bytes(DatesList(vec![None; 3])));
        assert!(decode_dates(&dates, 3, "dates-1").is_ok());
        let mut greedy = dates.clone();
        greedy[MEMORY].copy_from_slice(&(memory_declarable(dates.len()) + 1).to_le_bytes());
        assert!(too_much_memory(decode_dates(&greedy, 3, "dates-1")));
        let mut stingy = dates;
        stingy[MEMORY].copy_from_slice(&1u64.to_le_bytes());
        let error = decode_dates(&stingy, 3, "dates-1").unwrap_err();
        assert_eq!(
            error,
            FormatError::TooMuchMemory {
                file: "dates-1".into(),
                needed: cost::<u32>(3),
                allowed: 1,
                size: stingy_len(),
            }
        );
    }

    fn stingy_len() -> u64 {
        seal(Kind::Dates, &to_bytes(DatesList(vec![None; 3]))).len() as u64
    }
}

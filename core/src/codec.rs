//! The index file format, and the only module that knows it.
//!
//! ```text
//! magic "SCOURIDX" | format u16 LE | checksum u32 LE | payload length u32 LE
//! | writer version length u8 | writer version (UTF-8) | payload (bincode 2, standard config)
//! ```
//! The checksum is FNV-1a (32 bit) of the payload. Terms are front-coded; postings are the
//! varint streams of [`crate::postings`]. Decoding checks every length, id and string, so a
//! corrupt or foreign file is an error, never a panic or a wrong answer; no length is trusted
//! beyond the bytes left, so a forged one cannot make decoding allocate more than the file.

use bincode::de::read::Reader;
use bincode::de::Decoder;
use bincode::error::DecodeError;
use bincode::{Decode, Encode};

use crate::dictionary::TermDictionary;
use crate::index::{Index, StemGroups, StoredDocument};
use crate::postings::{read_varint, write_varint, PostingList};

const MAGIC: &[u8; 8] = b"SCOURIDX";
/// Bumped whenever the payload layout changes.
pub const FORMAT_VERSION: u16 = 1;
/// The scour version writing and reading this format.
pub const SCOUR_VERSION: &str = env!("CARGO_PKG_VERSION");
const FIXED_HEADER: usize = 8 + 2 + 4 + 4 + 1;

/// Why bytes could not be opened as an index.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("not a Scour index: the data does not start with the Scour magic bytes (is this the right file?)")]
    NotAnIndex,
    #[error("the index is truncated: {0}; rebuild it or download it again")]
    Truncated(&'static str),
    #[error("the index was written by scour {writer} in format {found}, but this is scour {SCOUR_VERSION} reading format {FORMAT_VERSION}: rebuild the index with scour {SCOUR_VERSION}")]
    UnsupportedVersion { found: u16, writer: String },
    #[error("the index is corrupt: its checksum does not match its contents; rebuild it or download it again")]
    ChecksumMismatch,
    #[error("the index is corrupt: {0}; rebuild it")]
    Corrupt(String),
}

#[derive(Encode)]
struct Payload {
    term_count: u32,
    terms: Vec<u8>,
    doc_counts: Vec<u32>,
    postings_lengths: Vec<u32>,
    postings: Vec<u8>,
    positions_lengths: Vec<u32>,
    positions: Vec<u8>,
    stem_count: u32,
    stems: Vec<u8>,
    /// Delta-coded term ids per stem.
    stem_members: Vec<Vec<u32>>,
    documents: Vec<DocumentRecord>,
}

#[derive(Encode)]
struct DocumentRecord {
    id: String,
    title: String,
    body: String,
    date: Option<String>,
    url: Option<String>,
    weight: f32,
    meta: Vec<(String, String)>,
    filters: Vec<(String, Vec<String>)>,
    title_length: u32,
    body_length: u32,
}

// Decoded by hand, field by field in the derived encoder's order, so that every length is
// checked against the bytes left before anything is allocated.
impl<Context> Decode<Context> for Payload {
    fn decode<D: Decoder<Context = Context>>(d: &mut D) -> Result<Self, DecodeError> {
        Ok(Payload {
            term_count: u32::decode(d)?,
            terms: bytes(d)?,
            doc_counts: list(d, u32::decode)?,
            postings_lengths: list(d, u32::decode)?,
            postings: bytes(d)?,
            positions_lengths: list(d, u32::decode)?,
            positions: bytes(d)?,
            stem_count: u32::decode(d)?,
            stems: bytes(d)?,
            stem_members: list(d, |d| list(d, u32::decode))?,
            documents: list(d, DocumentRecord::decode)?,
        })
    }
}

impl<Context> Decode<Context> for DocumentRecord {
    fn decode<D: Decoder<Context = Context>>(d: &mut D) -> Result<Self, DecodeError> {
        Ok(DocumentRecord {
            id: string(d)?,
            title: string(d)?,
            body: string(d)?,
            date: optional_string(d)?,
            url: optional_string(d)?,
            weight: f32::decode(d)?,
            meta: list(d, |d| Ok((string(d)?, string(d)?)))?,
            filters: list(d, |d| Ok((string(d)?, list(d, string)?)))?,
            title_length: u32::decode(d)?,
            body_length: u32::decode(d)?,
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

fn optional_string<D: Decoder>(d: &mut D) -> Result<Option<String>, DecodeError> {
    match u8::decode(d)? {
        0 => Ok(None),
        1 => Ok(Some(string(d)?)),
        found => Err(DecodeError::UnexpectedVariant {
            type_name: "Option",
            allowed: &bincode::error::AllowedEnumVariants::Range { min: 0, max: 1 },
            found: u32::from(found),
        }),
    }
}

/// Encodes an index into the bytes of an index file.
pub fn encode(index: &Index) -> Vec<u8> {
    let payload = bincode::encode_to_vec(to_payload(index), bincode::config::standard())
        .expect("encoding to a Vec cannot fail");
    let mut out = Vec::with_capacity(FIXED_HEADER + SCOUR_VERSION.len() + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&fnv1a(&payload).to_le_bytes());
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.push(SCOUR_VERSION.len() as u8);
    out.extend_from_slice(SCOUR_VERSION.as_bytes());
    out.extend_from_slice(&payload);
    out
}

/// Decodes and verifies the bytes of an index file.
pub fn decode(bytes: &[u8]) -> Result<Index, FormatError> {
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err(FormatError::NotAnIndex);
    }
    if bytes.len() < FIXED_HEADER {
        return Err(FormatError::Truncated("the header is incomplete"));
    }
    let format = u16::from_le_bytes([bytes[8], bytes[9]]);
    let checksum = u32::from_le_bytes(bytes[10..14].try_into().expect("4 bytes"));
    let payload_length = u32::from_le_bytes(bytes[14..18].try_into().expect("4 bytes")) as usize;
    let writer_end = FIXED_HEADER + bytes[18] as usize;
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
    if payload.len() < payload_length {
        return Err(FormatError::Truncated(
            "the data ends before the length its header gives",
        ));
    }
    if payload.len() > payload_length {
        return Err(FormatError::Corrupt(format!(
            "{} unexpected bytes after the end of the index",
            payload.len() - payload_length
        )));
    }
    if fnv1a(payload) != checksum {
        return Err(FormatError::ChecksumMismatch);
    }
    let (decoded, read): (Payload, usize) =
        bincode::decode_from_slice(payload, bincode::config::standard())
            .map_err(|e| FormatError::Corrupt(e.to_string()))?;
    if read != payload.len() {
        return Err(FormatError::Corrupt(
            "the payload has trailing bytes".into(),
        ));
    }
    let mut index = from_payload(decoded)?;
    index.encoded_bytes = bytes.len();
    Ok(index)
}

fn to_payload(index: &Index) -> Payload {
    let lists = &index.postings;
    Payload {
        term_count: index.terms.len() as u32,
        terms: front_code(&index.terms),
        doc_counts: lists.iter().map(|l| l.doc_count).collect(),
        postings_lengths: lists.iter().map(|l| l.postings.len() as u32).collect(),
        postings: lists
            .iter()
            .flat_map(|l| l.postings.iter().copied())
            .collect(),
        positions_lengths: lists.iter().map(|l| l.positions.len() as u32).collect(),
        positions: lists
            .iter()
            .flat_map(|l| l.positions.iter().copied())
            .collect(),
        stem_count: index.stems.stems.len() as u32,
        stems: front_code(&index.stems.stems),
        stem_members: index.stems.members.iter().map(|m| delta_code(m)).collect(),
        documents: index.documents.iter().map(to_record).collect(),
    }
}

fn to_record(d: &StoredDocument) -> DocumentRecord {
    DocumentRecord {
        id: d.id.clone(),
        title: d.title.clone(),
        body: d.body.clone(),
        date: d.date.clone(),
        url: d.url.clone(),
        weight: d.weight,
        meta: d.meta.clone(),
        filters: d.filters.clone(),
        title_length: d.title_length,
        body_length: d.body_length,
    }
}

fn from_record(r: DocumentRecord) -> StoredDocument {
    StoredDocument {
        id: r.id,
        title: r.title,
        body: r.body,
        date: r.date,
        url: r.url,
        weight: r.weight,
        meta: r.meta,
        filters: r.filters,
        title_length: r.title_length,
        body_length: r.body_length,
    }
}

fn from_payload(p: Payload) -> Result<Index, FormatError> {
    let terms = front_decode(&p.terms, p.term_count, "terms")?;
    let term_count = terms.len();
    for (name, length) in [
        ("document counts", p.doc_counts.len()),
        ("postings lengths", p.postings_lengths.len()),
        ("positions lengths", p.positions_lengths.len()),
    ] {
        if length != term_count {
            return Err(corrupt(format!("{term_count} terms but {length} {name}")));
        }
    }
    let postings = split(&p.postings, &p.postings_lengths, "postings")?;
    let positions = split(&p.positions, &p.positions_lengths, "positions")?;
    let documents: Vec<StoredDocument> = p.documents.into_iter().map(from_record).collect();
    if documents
        .iter()
        .any(|d| !d.weight.is_finite() || d.weight <= 0.0)
    {
        return Err(corrupt("a document weight is not a positive number".into()));
    }
    let lists = postings
        .into_iter()
        .zip(positions)
        .zip(p.doc_counts)
        .map(|((postings, positions), doc_count)| PostingList {
            doc_count,
            postings: postings.to_vec(),
            positions: positions.to_vec(),
        })
        .collect::<Vec<_>>();
    for list in &lists {
        check_postings(list, &documents)?;
    }
    let stems = front_decode(&p.stems, p.stem_count, "stems")?;
    if p.stem_members.len() != stems.len() {
        return Err(corrupt("stem groups and stems differ in number".into()));
    }
    let members = p
        .stem_members
        .iter()
        .map(|m| delta_decode(m, term_count as u32))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Index::new(
        terms,
        lists,
        StemGroups { stems, members },
        documents,
    ))
}

fn corrupt(message: String) -> FormatError {
    FormatError::Corrupt(message)
}

/// Every posting names an existing document, in increasing order, and its positions are
/// exactly its term frequencies' worth of increasing positions inside the field; the
/// streams end exactly where the postings say.
fn check_postings(list: &PostingList, documents: &[StoredDocument]) -> Result<(), FormatError> {
    let bad = |what: &str| corrupt(format!("a posting list is malformed ({what})"));
    let mut at = 0;
    let mut positions_at = 0u64;
    let mut previous: Option<u32> = None;
    for _ in 0..list.doc_count {
        if at >= list.postings.len() {
            return Err(bad("it ends early"));
        }
        let delta = read_varint(&list.postings, &mut at);
        let doc = match previous {
            None => Some(delta),
            Some(d) if delta > 0 => d.checked_add(delta),
            Some(_) => None,
        }
        .filter(|&d| (d as usize) < documents.len())
        .ok_or_else(|| bad("a document that does not exist"))?;
        previous = Some(doc);
        let title_tf = read_varint(&list.postings, &mut at);
        let body_tf = read_varint(&list.postings, &mut at);
        let end = positions_at + u64::from(read_varint(&list.postings, &mut at));
        if end > list.positions.len() as u64 {
            return Err(bad("positions beyond the data"));
        }
        let bytes = &list.positions[positions_at as usize..end as usize];
        let document = &documents[doc as usize];
        let mut read = 0;
        check_field(bytes, &mut read, title_tf, document.title_length)
            .and_then(|()| check_field(bytes, &mut read, body_tf, document.body_length))
            .filter(|()| read == bytes.len())
            .ok_or_else(|| bad("positions that do not fit the document"))?;
        positions_at = end;
    }
    if at != list.postings.len() || positions_at != list.positions.len() as u64 {
        return Err(bad("its length does not match its contents"));
    }
    Ok(())
}

/// Reads `count` delta-coded positions, each inside a field of `length` words.
fn check_field(bytes: &[u8], at: &mut usize, count: u32, length: u32) -> Option<()> {
    let mut position = 0u64;
    for i in 0..count {
        if *at >= bytes.len() {
            return None;
        }
        let delta = u64::from(read_varint(bytes, at));
        if i > 0 && delta == 0 {
            return None;
        }
        position += delta;
        if position >= u64::from(length) {
            return None;
        }
    }
    Some(())
}

fn split<'a>(bytes: &'a [u8], lengths: &[u32], what: &str) -> Result<Vec<&'a [u8]>, FormatError> {
    let mut parts = Vec::with_capacity(lengths.len());
    let mut start = 0usize;
    for &length in lengths {
        let end = start
            .checked_add(length as usize)
            .filter(|&end| end <= bytes.len())
            .ok_or_else(|| corrupt(format!("the {what} are shorter than their lengths say")))?;
        parts.push(&bytes[start..end]);
        start = end;
    }
    if start != bytes.len() {
        return Err(corrupt(format!(
            "the {what} are longer than their lengths say"
        )));
    }
    Ok(parts)
}

/// Each term as `shared prefix length, suffix length, suffix bytes`.
fn front_code(terms: &TermDictionary) -> Vec<u8> {
    let mut out = Vec::new();
    let mut previous = "";
    for term in terms.iter() {
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

fn front_decode(bytes: &[u8], count: u32, what: &str) -> Result<TermDictionary, FormatError> {
    let mut terms: Vec<String> = Vec::with_capacity((count as usize).min(bytes.len()));
    let mut at = 0;
    for _ in 0..count {
        let shared = read_varint(bytes, &mut at) as usize;
        let suffix = read_varint(bytes, &mut at) as usize;
        let previous = terms.last().map_or("", String::as_str);
        let bad = || corrupt(format!("the {what} are malformed"));
        let prefix = previous.get(..shared).ok_or_else(bad)?;
        let end = at
            .checked_add(suffix)
            .filter(|&e| e <= bytes.len())
            .ok_or_else(bad)?;
        let rest = std::str::from_utf8(&bytes[at..end]).map_err(|_| bad())?;
        let term = format!("{prefix}{rest}");
        if term.as_str() <= previous && !terms.is_empty() {
            return Err(corrupt(format!("the {what} are not sorted")));
        }
        terms.push(term);
        at = end;
    }
    if at != bytes.len() {
        return Err(corrupt(format!("the {what} have trailing bytes")));
    }
    Ok(TermDictionary::from_sorted(
        terms.iter().map(String::as_str),
    ))
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

fn delta_decode(deltas: &[u32], bound: u32) -> Result<Vec<u32>, FormatError> {
    let mut id = 0u32;
    deltas
        .iter()
        .map(|&delta| {
            id = id
                .checked_add(delta)
                .filter(|&id| id < bound)
                .ok_or_else(|| corrupt("a stem group names a term that does not exist".into()))?;
            Ok(id)
        })
        .collect()
}

fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash, &b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

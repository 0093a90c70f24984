//! Postings: for each term, the documents it occurs in, how often per field, and where.
//!
//! Two byte streams per term, both LEB128 varints. The postings stream holds, per document,
//! `doc delta, title tf, body tf, positions byte length`; the positions stream holds, per
//! document, the title positions then the body positions, each delta-coded. The byte length
//! lets a reader skip the positions of documents it does not need.

/// Appends `value` as an unsigned LEB128 varint.
pub fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads a varint at `*at`, advancing it. Truncated input reads as the bits seen so far;
/// the codec verifies stream lengths before a reader ever sees them.
pub fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
    let mut value = 0u32;
    let mut shift = 0;
    while let Some(&byte) = bytes.get(*at) {
        *at += 1;
        if shift < 32 {
            value |= u32::from(byte & 0x7f) << shift;
        }
        if byte & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    value
}

/// One document's occurrences of a term.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Occurrences {
    pub doc: u32,
    pub title_positions: Vec<u32>,
    pub body_positions: Vec<u32>,
}

/// The encoded postings of one term.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PostingList {
    pub doc_count: u32,
    pub postings: Vec<u8>,
    pub positions: Vec<u8>,
}

impl PostingList {
    /// Encodes occurrences given in increasing document order.
    pub fn encode(occurrences: &[Occurrences]) -> PostingList {
        let mut list = PostingList::default();
        let mut previous_doc = 0;
        let mut scratch = Vec::new();
        for occurrence in occurrences {
            scratch.clear();
            write_deltas(&mut scratch, &occurrence.title_positions);
            write_deltas(&mut scratch, &occurrence.body_positions);
            write_varint(&mut list.postings, occurrence.doc - previous_doc);
            write_varint(&mut list.postings, occurrence.title_positions.len() as u32);
            write_varint(&mut list.postings, occurrence.body_positions.len() as u32);
            write_varint(&mut list.postings, scratch.len() as u32);
            list.positions.extend_from_slice(&scratch);
            previous_doc = occurrence.doc;
        }
        list.doc_count = occurrences.len() as u32;
        list
    }

    /// Iterates the postings without decoding positions.
    pub fn iter(&self) -> PostingIter<'_> {
        PostingIter {
            list: self,
            at: 0,
            positions_at: 0,
            doc: 0,
            remaining: self.doc_count,
        }
    }
}

fn write_deltas(out: &mut Vec<u8>, positions: &[u32]) {
    let mut previous = 0;
    for &position in positions {
        write_varint(out, position - previous);
        previous = position;
    }
}

/// A term's entry for one document, with a handle on its positions.
#[derive(Debug, Clone, Copy)]
pub struct Posting {
    pub doc: u32,
    pub title_tf: u32,
    pub body_tf: u32,
    positions: (usize, usize),
}

/// Walks a posting list in document order.
pub struct PostingIter<'a> {
    list: &'a PostingList,
    at: usize,
    positions_at: usize,
    doc: u32,
    remaining: u32,
}

impl<'a> PostingIter<'a> {
    /// Decodes the title and body positions of a posting this iterator returned.
    pub fn positions(&self, posting: &Posting) -> (Vec<u32>, Vec<u32>) {
        let bytes = &self.list.positions[posting.positions.0..posting.positions.1];
        let mut at = 0;
        let title = read_deltas(bytes, &mut at, posting.title_tf);
        let body = read_deltas(bytes, &mut at, posting.body_tf);
        (title, body)
    }
}

fn read_deltas(bytes: &[u8], at: &mut usize, count: u32) -> Vec<u32> {
    // Each position takes at least one byte: a count beyond the bytes left is never trusted.
    let count = (count as usize).min(bytes.len().saturating_sub(*at));
    let mut position = 0u32;
    (0..count)
        .map(|_| {
            position = position.wrapping_add(read_varint(bytes, at));
            position
        })
        .collect()
}

impl Iterator for PostingIter<'_> {
    type Item = Posting;

    fn next(&mut self) -> Option<Posting> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let bytes = &self.list.postings;
        self.doc = self.doc.wrapping_add(read_varint(bytes, &mut self.at));
        let title_tf = read_varint(bytes, &mut self.at);
        let body_tf = read_varint(bytes, &mut self.at);
        let length = read_varint(bytes, &mut self.at) as usize;
        let start = self.positions_at.min(self.list.positions.len());
        let end = start.saturating_add(length).min(self.list.positions.len());
        self.positions_at = end;
        Some(Posting {
            doc: self.doc,
            title_tf,
            body_tf,
            positions: (start, end),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_at_every_width() {
        let values = [0, 1, 127, 128, 16_383, 16_384, u32::MAX];
        let mut bytes = Vec::new();
        for v in values {
            write_varint(&mut bytes, v);
        }
        let mut at = 0;
        let decoded: Vec<u32> = values
            .iter()
            .map(|_| read_varint(&bytes, &mut at))
            .collect();
        assert_eq!(decoded, values);
        assert_eq!(at, bytes.len());
    }

    #[test]
    fn postings_round_trip_with_positions() {
        let occurrences = vec![
            Occurrences {
                doc: 3,
                title_positions: vec![0],
                body_positions: vec![4, 9, 300],
            },
            Occurrences {
                doc: 7,
                title_positions: vec![],
                body_positions: vec![1],
            },
            Occurrences {
                doc: 1000,
                title_positions: vec![2, 5],
                body_positions: vec![],
            },
        ];
        let list = PostingList::encode(&occurrences);
        let mut iter = list.iter();
        let mut decoded = Vec::new();
        while let Some(posting) = iter.next() {
            let (title_positions, body_positions) = iter.positions(&posting);
            assert_eq!(
                (posting.title_tf, posting.body_tf),
                (title_positions.len() as u32, body_positions.len() as u32)
            );
            decoded.push(Occurrences {
                doc: posting.doc,
                title_positions,
                body_positions,
            });
        }
        assert_eq!(decoded, occurrences);
    }
}

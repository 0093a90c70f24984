//! Postings: for each term, the documents it occurs in, how often per field, and where.
//!
//! Two byte streams per term, both LEB128 varints. The postings stream holds, per document,
//! `doc delta, title tf, body tf, norms`. The title tf's low bits say that many pages share
//! the title and that the title holds the term only as a part of compounds; the body tf's,
//! that the body's lead (its first line, see `builder::lead`) or a section's heading holds it.
//! The norms are the
//! document's field lengths and weight (the title field, see `pack_title_field`, then the
//! body length and, when the title field says so, the weight as f32 LE), so a postings
//! piece alone is enough to score its documents. The positions stream holds, per document,
//! the title positions then the body positions, each delta-coded; their counts are the term
//! frequencies, so a reader finds a document's positions by skipping the earlier ones, and a
//! query without phrases never reads (or, chunked, fetches) them.

use std::cell::RefCell;

use crate::document_set::DocumentSet;

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
#[inline(always)]
pub fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
    // Most varints are one byte (term frequencies, small gaps): read where they are, without
    // a call (the engine's wasm is built for size, which inlines almost nothing itself).
    match bytes.get(*at) {
        Some(&byte) if byte < 0x80 => {
            *at += 1;
            u32::from(byte)
        }
        _ => read_longer_varint(bytes, at),
    }
}

/// [`read_varint`] of a varint mostly two bytes long (a title field, a body length): both
/// common widths read where they are.
#[inline(always)]
pub(crate) fn read_short_varint(bytes: &[u8], at: &mut usize) -> u32 {
    if let Some(&[low, high]) = bytes.get(*at..*at + 2) {
        if low < 0x80 {
            *at += 1;
            return u32::from(low);
        }
        if high < 0x80 {
            *at += 2;
            return u32::from(low & 0x7f) | u32::from(high) << 7;
        }
    }
    read_longer_varint(bytes, at)
}

/// [`read_varint`] of a varint of two bytes (field lengths) or more, or at the end of `bytes`.
fn read_longer_varint(bytes: &[u8], at: &mut usize) -> u32 {
    if let Some(&[low, high]) = bytes.get(*at..*at + 2) {
        if high < 0x80 {
            *at += 2;
            return u32::from(low & 0x7f) | u32::from(high) << 7;
        }
    }
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

/// Moves `*at` past `count` varints: 8 bytes at a time while the varints to pass end beyond
/// them (a page's positions of a common word are a megabyte to pass for the next page's).
fn skip_varints(bytes: &[u8], at: &mut usize, count: u32) {
    let mut left = count;
    while let Some(chunk) = bytes.get(*at..*at + 8) {
        let ends = (!u64::from_le_bytes(chunk.try_into().expect("8 bytes"))
            & 0x8080_8080_8080_8080)
            .count_ones();
        if ends >= left {
            break;
        }
        left -= ends;
        *at += 8;
    }
    while left > 0 && *at < bytes.len() {
        if bytes[*at] & 0x80 == 0 {
            left -= 1;
        }
        *at += 1;
    }
}

/// What ranking needs of a document: its field lengths in words and its weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Norms {
    /// In words; for a title listing one thing's names (`DateTime::format, date_format`), the
    /// longest name's.
    pub title_length: u32,
    /// Title positions held by stop words ("The" of "The ArrayIterator class"), and by other
    /// words common in the collection ("class", see [`GENERIC_SHARE`]); each at most
    /// [`MAX_GENERIC`].
    pub title_stop: u8,
    pub title_generic: u8,
    pub body_length: u32,
    pub weight: f32,
    /// How often the other documents mention this one's subject, 0 to [`MAX_MENTIONS`]
    /// (see `builder::mention_levels`).
    pub mentions: u8,
    /// Many pages share the title (see `builder::SHARED_TITLE_PAGES`).
    pub shared_title: bool,
}

/// A word in more than this share of the documents (or a stop word) says little about a
/// title that holds it.
pub const GENERIC_SHARE: f32 = 0.05;
/// The most generic title positions a posting records.
pub const MAX_GENERIC: u8 = 7;
pub(crate) const GENERIC_BITS: u32 = 3;
/// The highest level of [`Norms::mentions`].
pub const MAX_MENTIONS: u8 = 7;
const MENTION_BITS: u32 = 3;

/// A posting's title field: the title's length, its stop and generic positions and the
/// document's mentions, packed above the bit saying a weight follows.
pub(crate) fn pack_title_field(norms: &Norms) -> u32 {
    let stop = u32::from(norms.title_stop.min(MAX_GENERIC));
    let generic = u32::from(norms.title_generic.min(MAX_GENERIC));
    let mentions = u32::from(norms.mentions.min(MAX_MENTIONS));
    let title = (norms.title_length << GENERIC_BITS | stop) << GENERIC_BITS | generic;
    (title << MENTION_BITS | mentions) << 1 | u32::from(norms.weight != 1.0)
}

/// The norms a title field packs (see [`pack_title_field`]); the weight is left at 1 and
/// the title unshared.
pub(crate) fn unpack_title_field(field: u32, body_length: u32) -> Norms {
    let title = field >> (1 + MENTION_BITS);
    Norms {
        title_length: title >> (2 * GENERIC_BITS),
        title_stop: (title >> GENERIC_BITS & u32::from(MAX_GENERIC)) as u8,
        title_generic: (title & u32::from(MAX_GENERIC)) as u8,
        body_length,
        weight: 1.0,
        mentions: (field >> 1 & u32::from(MAX_MENTIONS)) as u8,
        shared_title: false,
    }
}

/// A posting's title tf field: the term's title frequency above the bits saying many pages
/// share the title, and that the title holds the term only as a part of compounds. (The
/// shared title is the document's, like its norms; a title frequency field stays one byte
/// where a field length may not.)
fn pack_title_tf(title_tf: u32, shared_title: bool, part_only: bool) -> u32 {
    (title_tf << 1 | u32::from(shared_title)) << 1 | u32::from(part_only)
}

/// What a title tf field packs (see [`pack_title_tf`]): the frequency, whether many pages
/// share the title, whether the title holds the term only as a part of compounds.
pub(crate) fn unpack_title_tf(field: u32) -> (u32, bool, bool) {
    (field >> 2, field >> 1 & 1 == 1, field & 1 == 1)
}

/// A posting's body tf field: the term's body frequency above the bit saying the body's lead
/// or a heading holds it.
fn pack_body_tf(body_tf: u32, in_lead: bool) -> u32 {
    body_tf << 1 | u32::from(in_lead)
}

/// What a body tf field packs (see [`pack_body_tf`]): the frequency, and whether the lead
/// holds the term.
pub(crate) fn unpack_body_tf(field: u32) -> (u32, bool) {
    (field >> 1, field & 1 == 1)
}

impl Default for Norms {
    fn default() -> Self {
        Norms {
            title_length: 0,
            title_stop: 0,
            title_generic: 0,
            body_length: 0,
            weight: 1.0,
            mentions: 0,
            shared_title: false,
        }
    }
}

/// One document's occurrences of a term.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Occurrences {
    pub doc: u32,
    pub norms: Norms,
    pub title_positions: Vec<u32>,
    /// The term stands in the title as a word of its own, not only as a part of compounds
    /// (`push` of `array_push`).
    pub title_standalone: bool,
    pub body_positions: Vec<u32>,
    /// The term is in the body's lead, its first line (see `builder::lead`), or in a
    /// section's heading.
    pub in_lead: bool,
}

/// The encoded postings and positions of one term.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EncodedPostings {
    pub doc_count: u32,
    pub postings: Vec<u8>,
    pub positions: Vec<u8>,
}

impl EncodedPostings {
    /// Encodes occurrences given in increasing document order.
    pub fn encode(occurrences: &[Occurrences]) -> EncodedPostings {
        let mut list = EncodedPostings::default();
        let mut previous_doc = 0;
        for occurrence in occurrences {
            let out = &mut list.postings;
            write_varint(out, occurrence.doc - previous_doc);
            let title_tf = occurrence.title_positions.len() as u32;
            let part_only = !occurrence.title_standalone && title_tf > 0;
            let shared = occurrence.norms.shared_title;
            write_varint(out, pack_title_tf(title_tf, shared, part_only));
            let body_tf = occurrence.body_positions.len() as u32;
            write_varint(out, pack_body_tf(body_tf, occurrence.in_lead));
            let norms = occurrence.norms;
            let weighted = norms.weight != 1.0;
            write_varint(out, pack_title_field(&norms));
            write_varint(out, norms.body_length);
            if weighted {
                out.extend_from_slice(&norms.weight.to_le_bytes());
            }
            write_deltas(&mut list.positions, &occurrence.title_positions);
            write_deltas(&mut list.positions, &occurrence.body_positions);
            previous_doc = occurrence.doc;
        }
        list.doc_count = occurrences.len() as u32;
        list
    }
}

fn write_deltas(out: &mut Vec<u8>, positions: &[u32]) {
    let mut previous = 0;
    for &position in positions {
        write_varint(out, position - previous);
        previous = position;
    }
}

/// A term's postings as stored: borrowed streams, with positions when they are loaded.
#[derive(Debug, Clone, Copy)]
pub struct PostingList<'a> {
    pub doc_count: u32,
    pub postings: &'a [u8],
    pub positions: Option<&'a [u8]>,
}

impl<'a> PostingList<'a> {
    /// Iterates the postings; positions are read only when asked for.
    pub fn iter(&self) -> PostingIter<'a> {
        PostingIter {
            list: *self,
            at: 0,
            positions_at: 0,
            positions_to_pass: 0,
            positions_counted: 0,
            doc: 0,
            remaining: self.doc_count,
            within: None,
        }
    }
}

/// A term's entry for one document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Posting {
    pub doc: u32,
    pub title_tf: u32,
    /// The term is in the title only as a part of compounds.
    pub title_part_only: bool,
    pub body_tf: u32,
    /// The term is in the body's lead or a section's heading.
    pub in_lead: bool,
    pub norms: Norms,
    /// Where this document's positions start in the positions stream.
    positions_at: usize,
    /// How many positions the list's earlier documents have: where this document's start
    /// when counted rather than found (see [`PositionsByCount`]).
    pub positions_before: u32,
}

/// Walks a posting list in document order.
pub struct PostingIter<'a> {
    list: PostingList<'a>,
    at: usize,
    /// Where the last posting's positions start, and how many come before the next one's.
    positions_at: usize,
    positions_to_pass: u32,
    /// How many positions the postings read so far have.
    positions_counted: u32,
    doc: u32,
    remaining: u32,
    within: Option<Within<'a>>,
}

/// The documents whose postings an iterator returns; the others' it only notes (all of
/// them once the iterator is walked through: a `seek` past a document passes it unnoted).
#[derive(Clone, Copy)]
pub(crate) struct Within<'a> {
    pub documents: &'a DocumentSet,
    /// Where the documents passed by are noted, if the term occurs in them (in their title,
    /// with `title_only`).
    pub passed: &'a RefCell<DocumentSet>,
    pub title_only: bool,
}

impl<'a> PostingIter<'a> {
    /// The iterator returning only the postings of the documents `within` says.
    pub(crate) fn within(self, within: Within<'a>) -> PostingIter<'a> {
        PostingIter {
            within: Some(within),
            ..self
        }
    }

    /// The title and body positions of a posting this iterator returned, read as they are
    /// asked for (none when the positions are not loaded).
    pub fn positions(&self, posting: &Posting) -> (Positions<'a>, Positions<'a>) {
        let bytes = self.list.positions.unwrap_or_default();
        let title = Positions::new(bytes, posting.positions_at, posting.title_tf);
        let mut body_at = posting.positions_at;
        skip_varints(bytes, &mut body_at, posting.title_tf);
        (title, Positions::new(bytes, body_at, posting.body_tf))
    }
}

/// A list's positions found by their count: those of postings noted on a walk that did not
/// read positions (see [`Posting::positions_before`]), asked for in document order. Counting
/// positions on from the last asked passes each once, as a walk of the whole list would, but
/// reads none of the postings between.
pub struct PositionsByCount<'a> {
    bytes: &'a [u8],
    at: usize,
    counted: u32,
}

impl<'a> PositionsByCount<'a> {
    pub fn new(list: &PostingList<'a>) -> Self {
        PositionsByCount {
            bytes: list.positions.unwrap_or_default(),
            at: 0,
            counted: 0,
        }
    }

    /// The title and body positions of a posting with `positions_before` positions before
    /// its own, `title_tf` and `body_tf` of them: what [`PostingIter::positions`] gives.
    pub fn positions(
        &mut self,
        positions_before: u32,
        title_tf: u32,
        body_tf: u32,
    ) -> (Positions<'a>, Positions<'a>) {
        if positions_before < self.counted {
            (self.at, self.counted) = (0, 0);
        }
        skip_varints(self.bytes, &mut self.at, positions_before - self.counted);
        self.counted = positions_before;
        let title = Positions::new(self.bytes, self.at, title_tf);
        let mut body_at = self.at;
        skip_varints(self.bytes, &mut body_at, title_tf);
        (title, Positions::new(self.bytes, body_at, body_tf))
    }
}

/// One document's positions of a term in one field, decoded one at a time: a phrase or a
/// proximity reads them in step with other terms' and never holds them all.
#[derive(Debug, Clone)]
pub struct Positions<'a> {
    bytes: &'a [u8],
    at: usize,
    left: u32,
    position: u32,
}

impl<'a> Positions<'a> {
    fn new(bytes: &'a [u8], at: usize, count: u32) -> Self {
        Positions {
            bytes,
            at,
            left: count,
            position: 0,
        }
    }
}

impl Iterator for Positions<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        // A count beyond the bytes left is never trusted.
        if self.left == 0 || self.at >= self.bytes.len() {
            return None;
        }
        self.left -= 1;
        self.position = self
            .position
            .wrapping_add(read_varint(self.bytes, &mut self.at));
        Some(self.position)
    }
}

impl Iterator for PostingIter<'_> {
    type Item = Posting;

    fn next(&mut self) -> Option<Posting> {
        self.seek(0)
    }
}

impl PostingIter<'_> {
    /// The first posting at or after `doc` (of a document within the set given, if one is).
    /// Of the postings before it only the document and the term frequencies are read, and
    /// their positions are passed in one go.
    pub fn seek(&mut self, doc: u32) -> Option<Posting> {
        let bytes = self.list.postings;
        while self.remaining > 0 {
            self.remaining -= 1;
            let at = &mut self.at;
            self.doc = self.doc.wrapping_add(read_varint(bytes, at));
            let (title_tf, shared_title, title_part_only) = unpack_title_tf(read_varint(bytes, at));
            let (body_tf, in_lead) = unpack_body_tf(read_varint(bytes, at));
            let title_field = read_short_varint(bytes, at);
            let occurrences = title_tf.saturating_add(body_tf);
            let positions_before = self.positions_counted;
            self.positions_counted = positions_before.saturating_add(occurrences);
            let outside = self.within.filter(|w| !w.documents.contains(self.doc));
            if let Some(within) = outside {
                if title_tf > 0 || body_tf > 0 && !within.title_only {
                    within.passed.borrow_mut().insert(self.doc);
                }
            }
            if self.doc < doc || outside.is_some() {
                // The body length: one or two bytes, read in place (`skip_varints` is for
                // runs of positions, and its call costs more than this read).
                read_short_varint(bytes, at);
                if title_field & 1 == 1 && *at + 4 <= bytes.len() {
                    *at += 4;
                }
                self.positions_to_pass = self.positions_to_pass.saturating_add(occurrences);
                continue;
            }
            let body_length = read_short_varint(bytes, at);
            let weight = match bytes.get(*at..*at + 4) {
                Some(word) if title_field & 1 == 1 => {
                    *at += 4;
                    f32::from_le_bytes([word[0], word[1], word[2], word[3]])
                }
                _ => 1.0,
            };
            if let Some(positions) = self.list.positions {
                skip_varints(positions, &mut self.positions_at, self.positions_to_pass);
            }
            self.positions_to_pass = occurrences;
            return Some(Posting {
                doc: self.doc,
                title_tf,
                title_part_only,
                body_tf,
                in_lead,
                norms: Norms {
                    weight,
                    shared_title,
                    ..unpack_title_field(title_field, body_length)
                },
                positions_at: self.positions_at,
                positions_before,
            });
        }
        None
    }
}

/// Several posting lists read as one, in document order; the postings of one document in
/// the order of their lists. A heap of the lists' next documents: no memory beyond one
/// posting per list, whatever the number of documents.
pub(crate) struct Merged<'a> {
    lists: Vec<PostingIter<'a>>,
    /// Each list's next posting.
    next: Vec<Option<Posting>>,
    /// A key per list with a next posting, its document above its list's number (so keys
    /// order as postings come out); the root is the next one out.
    heap: Vec<u64>,
}

/// The heap key of `list`'s next posting, `doc`.
fn key(doc: u32, list: usize) -> u64 {
    u64::from(doc) << 32 | list as u64
}

impl<'a> Merged<'a> {
    pub(crate) fn new(mut lists: Vec<PostingIter<'a>>) -> Merged<'a> {
        let next: Vec<Option<Posting>> = lists.iter_mut().map(Iterator::next).collect();
        let mut heap: Vec<u64> = next
            .iter()
            .enumerate()
            .filter_map(|(list, posting)| Some(key(posting.as_ref()?.doc, list)))
            .collect();
        for node in (0..heap.len() / 2).rev() {
            sift_down(&mut heap, node);
        }
        Merged { lists, next, heap }
    }
}

/// Restores the heap below `node`: no key is smaller than its parent's.
fn sift_down(heap: &mut [u64], mut node: usize) {
    loop {
        let left = 2 * node + 1;
        let Some(&left_key) = heap.get(left) else {
            return;
        };
        let (child, child_key) = match heap.get(left + 1) {
            Some(&right_key) if right_key < left_key => (left + 1, right_key),
            _ => (left, left_key),
        };
        if child_key >= heap[node] {
            return;
        }
        heap.swap(node, child);
        node = child;
    }
}

impl Iterator for Merged<'_> {
    /// The number of a posting's list, and the posting.
    type Item = (usize, Posting);

    fn next(&mut self) -> Option<(usize, Posting)> {
        let list = (*self.heap.first()? & u64::from(u32::MAX)) as usize;
        let following = self.lists[list].next();
        let posting = std::mem::replace(&mut self.next[list], following)?;
        match following {
            Some(next) => self.heap[0] = key(next.doc, list),
            None => {
                self.heap.swap_remove(0);
            }
        }
        sift_down(&mut self.heap, 0);
        Some((list, posting))
    }
}

/// Lists from which [`fold_by_document`] reads each list through into a table indexed by
/// document, rather than merging them through a heap.
const TABLE_LISTS: usize = 8;

/// Folds posting lists into a value per document, in document order: `start` makes a
/// document's value from its first posting (none passes the posting by), and `add` folds each
/// later one into it; a document's postings come in the order of their lists, and each is
/// given with its list's number. `postings`: how many the lists hold. With many lists (a short
/// prefix completes to dozens of terms) and postings enough, each list is read through once
/// into a table of a slot per document (`documents`, which the codec checks every posting's
/// document is below) instead of merging all of them through a heap, a dozen comparisons a
/// posting.
pub(crate) fn fold_by_document<T: Copy>(
    lists: Vec<PostingIter<'_>>,
    documents: usize,
    postings: usize,
    mut start: impl FnMut(usize, &Posting) -> Option<T>,
    mut add: impl FnMut(&mut T, usize, &Posting),
) -> Vec<T> {
    // At most a value per posting and per document: room made once, not grown copy by copy.
    let mut values: Vec<T> = Vec::with_capacity(postings.min(documents));
    if lists.len() < TABLE_LISTS || postings < documents / TABLE_LISTS {
        let mut last = None;
        for (list, posting) in Merged::new(lists) {
            match values.last_mut().filter(|_| last == Some(posting.doc)) {
                Some(value) => add(value, list, &posting),
                None => {
                    if let Some(value) = start(list, &posting) {
                        values.push(value);
                        last = Some(posting.doc);
                    }
                }
            }
        }
        return values;
    }
    // Each document's value's place in `values`, plus one (zero: none yet).
    let mut slots = vec![0u32; documents];
    for (list, postings) in lists.into_iter().enumerate() {
        for posting in postings {
            let Some(slot) = slots.get_mut(posting.doc as usize) else {
                continue;
            };
            match values.get_mut((*slot as usize).wrapping_sub(1)) {
                Some(value) => add(value, list, &posting),
                None => {
                    if let Some(value) = start(list, &posting) {
                        values.push(value);
                        *slot = values.len() as u32;
                    }
                }
            }
        }
    }
    let mut ordered = Vec::with_capacity(values.len());
    for slot in slots {
        if let Some(value) = values.get((slot as usize).wrapping_sub(1)) {
            ordered.push(*value);
        }
    }
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An encoded list as read with its positions loaded.
    fn loaded(encoded: &EncodedPostings) -> PostingList<'_> {
        PostingList {
            doc_count: encoded.doc_count,
            postings: &encoded.postings,
            positions: Some(&encoded.positions),
        }
    }

    /// Each posting of a list walked through, with its title and body positions.
    fn walked(list: &PostingList) -> Vec<(Posting, Vec<u32>, Vec<u32>)> {
        let mut walk = list.iter();
        let mut postings = Vec::new();
        while let Some(posting) = walk.next() {
            let (title, body) = walk.positions(&posting);
            postings.push((posting, title.collect(), body.collect()));
        }
        postings
    }

    /// Fewer than `most` posting lists of documents below 50, with one to three body
    /// occurrences each.
    fn random_lists(next: &mut impl FnMut(u32) -> u32, most: u32) -> Vec<EncodedPostings> {
        (0..next(most))
            .map(|list| {
                let mut docs: Vec<u32> = (0..next(30)).map(|_| next(50)).collect();
                docs.sort_unstable();
                docs.dedup();
                let occurrences: Vec<Occurrences> = docs
                    .into_iter()
                    .map(|doc| Occurrences {
                        doc,
                        norms: Norms::default(),
                        title_positions: Vec::new(),
                        title_standalone: false,
                        body_positions: (0..1 + (doc + list) % 3).collect(),
                        in_lead: false,
                    })
                    .collect();
                EncodedPostings::encode(&occurrences)
            })
            .collect()
    }

    /// Folded by document, through the heap (few lists) or the table (many), each
    /// document's postings come in list order, those passed by left out.
    #[test]
    fn folds_give_each_document_its_postings_in_list_order_either_way() {
        #[derive(Clone, Copy, Debug, PartialEq)]
        struct Seen {
            doc: u32,
            last: usize,
            ordered: bool,
            postings: u32,
            tf: u32,
        }
        let mut next = crate::testing::below(0x0f01_d5ed_u32);
        for _ in 0..300 {
            let encoded = random_lists(&mut next, 20);
            let lists = || {
                encoded.iter().map(|e| {
                    PostingList {
                        doc_count: e.doc_count,
                        postings: &e.postings,
                        positions: None,
                    }
                    .iter()
                })
            };
            let passed_by = |list: usize, tf: u32| tf == 2 && list.is_multiple_of(2);
            let mut expected: Vec<Seen> = Vec::new();
            let mut all: Vec<(u32, usize, u32)> = lists()
                .enumerate()
                .flat_map(|(l, list)| list.map(move |p| (p.doc, l, p.body_tf)))
                .filter(|&(_, l, tf)| !passed_by(l, tf))
                .collect();
            all.sort_unstable();
            for (doc, list, tf) in all {
                match expected.last_mut() {
                    Some(seen) if seen.doc == doc => {
                        seen.last = list;
                        seen.postings += 1;
                        seen.tf += tf;
                    }
                    _ => expected.push(Seen {
                        doc,
                        last: list,
                        ordered: true,
                        postings: 1,
                        tf,
                    }),
                }
            }
            let postings = encoded.iter().map(|e| e.doc_count as usize).sum();
            let start = |list, p: &Posting| {
                (!passed_by(list, p.body_tf)).then_some(Seen {
                    doc: p.doc,
                    last: list,
                    ordered: true,
                    postings: 1,
                    tf: p.body_tf,
                })
            };
            let add = |seen: &mut Seen, list, p: &Posting| {
                if !passed_by(list, p.body_tf) {
                    seen.ordered &= list > seen.last;
                    seen.last = list;
                    seen.postings += 1;
                    seen.tf += p.body_tf;
                }
            };
            let folded = fold_by_document(lists().collect(), 50, postings, start, add);
            assert_eq!(folded, expected);
        }
    }

    /// Lists merged give every posting once, by document and then by list, each with its own
    /// frequencies: whatever the lists' number, lengths and overlaps.
    #[test]
    fn merged_lists_give_every_posting_in_document_then_list_order() {
        let mut next = crate::testing::below(0x51ed_2701_u32);
        for _ in 0..200 {
            let encoded = random_lists(&mut next, 12);
            let lists = || {
                encoded.iter().map(|e| PostingList {
                    doc_count: e.doc_count,
                    postings: &e.postings,
                    positions: None,
                })
            };
            let mut expected: Vec<(u32, usize, u32)> = lists()
                .enumerate()
                .flat_map(|(l, list)| list.iter().map(move |p| (p.doc, l, p.body_tf)))
                .collect();
            expected.sort_unstable();
            let merged: Vec<(u32, usize, u32)> = Merged::new(lists().map(|l| l.iter()).collect())
                .map(|(l, p)| (p.doc, l, p.body_tf))
                .collect();
            assert_eq!(merged, expected);
        }
    }

    /// An iterator within a set returns the postings of its documents as a full walk reads
    /// them, and notes every other, whatever the widths of the fields it passes (body lengths
    /// of one to three bytes, a weight or none, title or body occurrences).
    #[test]
    fn postings_within_a_set_are_read_as_a_full_walk_reads_them() {
        let body_lengths = [0, 127, 128, 16_383, 16_384, 2_000_000];
        let occurrences: Vec<Occurrences> = (0..60u32)
            .map(|i| Occurrences {
                doc: i * 3 + i % 2,
                norms: Norms {
                    body_length: body_lengths[i as usize % body_lengths.len()],
                    weight: if i % 4 == 0 { 2.5 } else { 1.0 },
                    title_length: i % 5,
                    ..Norms::default()
                },
                title_positions: if i % 3 == 0 { vec![0] } else { Vec::new() },
                title_standalone: false,
                body_positions: (0..i % 4).collect(),
                in_lead: false,
            })
            .collect();
        let encoded = EncodedPostings::encode(&occurrences);
        let list = PostingList {
            doc_count: encoded.doc_count,
            postings: &encoded.postings,
            positions: None,
        };
        let all: Vec<Posting> = list.iter().collect();
        assert_eq!(all.len(), occurrences.len());
        let documents = 200;
        for title_only in [false, true] {
            for keep in [2, 3, 7] {
                let mut within = DocumentSet::new(documents);
                let kept = |p: &Posting| (p.doc / 3).is_multiple_of(keep);
                all.iter()
                    .filter(|p| kept(p))
                    .for_each(|p| within.insert(p.doc));
                let passed = RefCell::new(DocumentSet::new(documents));
                let read: Vec<Posting> = list
                    .iter()
                    .within(Within {
                        documents: &within,
                        passed: &passed,
                        title_only,
                    })
                    .collect();
                let expected: Vec<Posting> = all.iter().copied().filter(kept).collect();
                assert_eq!(read, expected, "within every {keep}th");
                let mut noted = DocumentSet::new(documents);
                all.iter()
                    .filter(|p| !kept(p) && (p.title_tf > 0 || p.body_tf > 0 && !title_only))
                    .for_each(|p| noted.insert(p.doc));
                assert!(passed.into_inner() == noted, "noted, within every {keep}th");
            }
        }
    }

    /// A posting's positions found by their count, from a walk within a set that did not
    /// read them, are those a walk with positions gives, whichever documents are asked for.
    #[test]
    fn positions_found_by_count_are_the_walks() {
        let occurrences: Vec<Occurrences> = (0..80u32)
            .map(|i| Occurrences {
                doc: i * 2,
                norms: Norms::default(),
                title_positions: (0..i % 3).collect(),
                title_standalone: false,
                body_positions: (0..(i * 7) % 40).map(|p| p * (i % 5 + 1)).collect(),
                in_lead: false,
            })
            .collect();
        let encoded = EncodedPostings::encode(&occurrences);
        let list = loaded(&encoded);
        let expected: Vec<(u32, Vec<u32>, Vec<u32>)> = walked(&list)
            .into_iter()
            .map(|(posting, title, body)| (posting.doc, title, body))
            .collect();
        assert_eq!(expected.len(), occurrences.len());
        let unread = PostingList {
            positions: None,
            ..list
        };
        for keep in [1, 2, 5, 13] {
            let mut within = DocumentSet::new(200);
            (0..200).step_by(keep).for_each(|d| within.insert(d));
            let passed = RefCell::new(DocumentSet::new(200));
            let mut by_count = PositionsByCount::new(&list);
            let walked = unread.iter().within(Within {
                documents: &within,
                passed: &passed,
                title_only: false,
            });
            let mut asked = 0;
            for posting in walked {
                let (title, body) =
                    by_count.positions(posting.positions_before, posting.title_tf, posting.body_tf);
                let found = (posting.doc, title.collect::<Vec<_>>(), body.collect());
                assert!(
                    expected.contains(&found),
                    "doc {}, every {keep}th",
                    posting.doc
                );
                asked += 1;
            }
            assert_eq!(
                asked,
                expected.iter().filter(|e| within.contains(e.0)).count()
            );
        }
    }

    /// Passing varints 8 bytes at a time ends where passing them one by one does.
    #[test]
    fn varints_are_passed_exactly() {
        let mut bytes = Vec::new();
        for v in (0..300u32).map(|i| i.wrapping_mul(2_654_435_761) >> (i % 32)) {
            write_varint(&mut bytes, v);
        }
        let mut one_by_one = 0;
        for count in 0..300 {
            let mut at = 0;
            skip_varints(&bytes, &mut at, count);
            assert_eq!(at, one_by_one, "{count}");
            read_varint(&bytes, &mut one_by_one);
        }
    }

    #[test]
    fn varints_round_trip_at_every_width() {
        let values = [0, 1, 127, 128, 16_383, 16_384, u32::MAX];
        let mut bytes = Vec::new();
        for v in values {
            write_varint(&mut bytes, v);
        }
        for read in [read_varint, read_short_varint] {
            let mut at = 0;
            let decoded: Vec<u32> = values.iter().map(|_| read(&bytes, &mut at)).collect();
            assert_eq!(decoded, values);
            assert_eq!(at, bytes.len());
        }
        // The last varint, of one or two bytes, read where the bytes end.
        for v in [5, 300] {
            let mut bytes = Vec::new();
            write_varint(&mut bytes, v);
            let mut at = 0;
            assert_eq!(read_short_varint(&bytes, &mut at), v);
            assert_eq!(at, bytes.len());
        }
    }

    #[test]
    fn postings_round_trip_with_norms_and_positions() {
        let norms = |title_length, body_length, weight| Norms {
            title_length,
            title_stop: (title_length / 3) as u8,
            title_generic: (title_length / 2) as u8,
            body_length,
            weight,
            mentions: (title_length % 8) as u8,
            shared_title: title_length % 3 == 0,
        };
        let occurrences = vec![
            Occurrences {
                doc: 3,
                norms: norms(2, 400, 1.0),
                title_positions: vec![0],
                title_standalone: true,
                body_positions: vec![4, 9, 300],
                in_lead: true,
            },
            Occurrences {
                doc: 7,
                norms: norms(0, 2, 2.5),
                title_positions: vec![],
                title_standalone: false,
                body_positions: vec![1],
                in_lead: false,
            },
            Occurrences {
                doc: 1000,
                norms: norms(6, 0, 1.0),
                title_positions: vec![2, 5],
                title_standalone: false,
                body_positions: vec![],
                in_lead: false,
            },
        ];
        let encoded = EncodedPostings::encode(&occurrences);
        let list = loaded(&encoded);
        let mut decoded = Vec::new();
        for (posting, title_positions, body_positions) in walked(&list) {
            assert_eq!(
                (posting.title_tf, posting.body_tf),
                (title_positions.len() as u32, body_positions.len() as u32)
            );
            decoded.push(Occurrences {
                doc: posting.doc,
                norms: posting.norms,
                title_standalone: !title_positions.is_empty() && !posting.title_part_only,
                title_positions,
                body_positions,
                in_lead: posting.in_lead,
            });
        }
        assert_eq!(decoded, occurrences);
        let without_positions = PostingList {
            positions: None,
            ..list
        };
        let docs: Vec<u32> = without_positions.iter().map(|p| p.doc).collect();
        assert_eq!(docs, [3, 7, 1000]);
    }
}

//! Several terms' positions in one document read in step: phrase occurrences and the
//! closest two words stand. Positions are decoded as the walk reaches them, so a term
//! occurring a million times in a page costs no memory, a walk skips what cannot match, and
//! no walk reads more than [`READS`] positions of a word in a page.

use crate::postings::{Norms, Positions, Posting, PostingIter, PostingList};

/// A term's postings walked in document order to the documents asked for, which come in
/// increasing order: each posting is read once, however many documents are asked.
pub struct Walker<'a> {
    postings: PostingIter<'a>,
    current: Option<Posting>,
}

impl<'a> Walker<'a> {
    pub fn new(list: PostingList<'a>) -> Self {
        let mut postings = list.iter();
        let current = postings.next();
        Walker { postings, current }
    }

    /// The term's title and body positions in `doc`, and its norms, if it occurs there.
    pub fn at(&mut self, doc: u32) -> Option<(Positions<'a>, Positions<'a>, Norms)> {
        if self.current.as_ref().is_some_and(|p| p.doc < doc) {
            self.current = self.postings.seek(doc);
        }
        let posting = self.current.as_ref().filter(|p| p.doc == doc)?;
        let (title, body) = self.postings.positions(posting);
        Some((title, body, posting.norms))
    }
}

/// Positions a cursor reads of one word in one page: a phrase or a pair of words further
/// into a page where the word stands more often is not seen (as an excerpt shows only a
/// page's first 64 KiB, some 10,000 words), so a keystroke never reads a million positions.
pub const READS: usize = 1 << 14;

/// The positions of any of a word's terms (a phrase's last word may be several), merged.
pub struct Cursor<'a> {
    /// Each term's positions, with the next one not yet passed.
    terms: Vec<(Positions<'a>, Option<u32>)>,
    /// Positions it may still read.
    reads: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(terms: impl IntoIterator<Item = Positions<'a>>) -> Self {
        let mut reads = READS;
        let terms = terms
            .into_iter()
            .map(|mut positions| {
                let next = positions.next();
                reads = reads.saturating_sub(1);
                (positions, next)
            })
            .collect();
        Cursor { terms, reads }
    }

    /// The first position at or after `wanted`, passing those before it.
    fn seek(&mut self, wanted: u32) -> Option<u32> {
        let mut first: Option<u32> = None;
        for (positions, next) in &mut self.terms {
            while next.is_some_and(|p| p < wanted) {
                if self.reads == 0 {
                    return None;
                }
                self.reads -= 1;
                *next = positions.next();
            }
            if let Some(p) = *next {
                first = Some(first.map_or(p, |f| f.min(p)));
            }
        }
        first
    }

    /// The next position, passing it.
    fn next(&mut self) -> Option<u32> {
        let first = self.seek(0)?;
        for (positions, next) in &mut self.terms {
            if *next == Some(first) {
                if self.reads == 0 {
                    return None;
                }
                self.reads -= 1;
                *next = positions.next();
            }
        }
        Some(first)
    }
}

/// How often, up to `most`, `words` words stand in a row (word `k` at `p + k`), word `k`'s
/// positions opened by `open(k)` when the walk first needs them: in a phrase whose first words
/// rarely stand together, the rest are never read. Each cursor moves forward only, to where a
/// match could start, so the walk reads each position at most once.
pub fn phrase_count<'a>(words: usize, most: u32, mut open: impl FnMut(usize) -> Cursor<'a>) -> u32 {
    let mut cursors: Vec<Option<Cursor>> = (0..words).map(|_| None).collect();
    let (mut count, mut start) = (0u32, 0u32);
    loop {
        let mut k = 0;
        while k < words {
            let Some(wanted) = start.checked_add(k as u32) else {
                return count;
            };
            match cursors[k].get_or_insert_with(|| open(k)).seek(wanted) {
                None => return count,
                Some(p) if p == wanted => k += 1,
                Some(p) => {
                    start = p - k as u32;
                    k = 0;
                }
            }
        }
        count += 1;
        if count >= most {
            return count;
        }
        let Some(next) = start.checked_add(1) else {
            return count;
        };
        start = next;
    }
}

/// The smallest distance between a position of `left` and a different one of `right`: the
/// two merged in order, each position measured against the latest of the other side (or the
/// one before, where the latest is the same position).
pub fn min_gap(left: &mut Cursor, right: &mut Cursor) -> Option<u32> {
    let mut best: Option<u32> = None;
    // Each side's latest two positions.
    let mut latest = [[None::<u32>; 2]; 2];
    let (mut l, mut r) = (left.next(), right.next());
    loop {
        let (side, p) = match (l, r) {
            (Some(a), Some(b)) if a <= b => (0, a),
            (_, Some(b)) => (1, b),
            (Some(a), None) => (0, a),
            (None, None) => return best,
        };
        if side == 0 {
            l = left.next();
        } else {
            r = right.next();
        }
        if let Some(q) = latest[1 - side].into_iter().flatten().find(|&q| q != p) {
            let gap = p.abs_diff(q);
            if gap == 1 {
                return Some(1); // two different places are never nearer
            }
            best = Some(best.map_or(gap, |g| g.min(gap)));
        }
        latest[side] = [Some(p), latest[side][0]];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::postings::{EncodedPostings, Norms, Occurrences, PostingList};

    /// Each list's positions as the body positions of one posting.
    fn encoded(lists: &[Vec<u32>]) -> Vec<EncodedPostings> {
        lists
            .iter()
            .map(|body| {
                EncodedPostings::encode(&[Occurrences {
                    doc: 0,
                    norms: Norms::default(),
                    title_positions: Vec::new(),
                    title_standalone: false,
                    body_positions: body.clone(),
                    in_lead: false,
                }])
            })
            .collect()
    }

    fn body(list: &EncodedPostings) -> Positions<'_> {
        let list = PostingList {
            doc_count: 1,
            postings: &list.postings,
            positions: Some(&list.positions),
        };
        let mut iter = list.iter();
        let posting = iter.next().expect("one posting");
        iter.positions(&posting).1
    }

    /// The walks agree with counting every start and every pair.
    #[test]
    fn walks_agree_with_a_full_search() {
        let mut next = crate::testing::below(0x1234_5678_u32);
        for _ in 0..2_000 {
            let words = 2 + next(3) as usize;
            let lists: Vec<Vec<u32>> = (0..words)
                .map(|_| {
                    let mut list: Vec<u32> = (0..next(12)).map(|_| next(30)).collect();
                    list.sort();
                    list.dedup();
                    list
                })
                .collect();
            let streams = encoded(&lists);
            let expected = (0..40)
                .filter(|&p| (0..words).all(|k| lists[k].contains(&(p + k as u32))))
                .count() as u32;
            let counted = phrase_count(words, u32::MAX, |k| Cursor::new([body(&streams[k])]));
            assert_eq!(counted, expected, "{lists:?}");
            let any = phrase_count(words, 1, |k| Cursor::new([body(&streams[k])]));
            assert_eq!(any, expected.min(1));
            let gap = lists[0]
                .iter()
                .flat_map(|a| {
                    lists[1]
                        .iter()
                        .filter(move |b| *b != a)
                        .map(move |b| a.abs_diff(*b))
                })
                .min();
            let (mut left, mut right) = (
                Cursor::new([body(&streams[0])]),
                Cursor::new([body(&streams[1])]),
            );
            assert_eq!(min_gap(&mut left, &mut right), gap, "{lists:?}");
            // A word that may be either of two terms matches where either is.
            let either = Cursor::new([body(&streams[0]), body(&streams[1])]);
            let mut merged: Vec<u32> = lists[0].iter().chain(&lists[1]).copied().collect();
            merged.sort();
            merged.dedup();
            let mut walked = Vec::new();
            let mut either = either;
            while let Some(p) = either.next() {
                walked.push(p);
            }
            assert_eq!(walked, merged);
        }
    }
}

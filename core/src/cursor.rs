//! Several terms' positions in one document read in step: phrase occurrences and the
//! closest two words stand. Positions are decoded as the walk reaches them, so a term
//! occurring a million times in a page costs no memory, and a walk skips what cannot match.

use crate::postings::Positions;

/// The positions of any of a word's terms (a phrase's last word may be several), merged.
pub struct Cursor<'a> {
    /// Each term's positions, with the next one not yet passed.
    terms: Vec<(Positions<'a>, Option<u32>)>,
}

impl<'a> Cursor<'a> {
    pub fn new(terms: impl IntoIterator<Item = Positions<'a>>) -> Self {
        Cursor {
            terms: terms
                .into_iter()
                .map(|mut positions| {
                    let next = positions.next();
                    (positions, next)
                })
                .collect(),
        }
    }

    /// The first position at or after `wanted`, passing those before it.
    fn seek(&mut self, wanted: u32) -> Option<u32> {
        let mut first: Option<u32> = None;
        for (positions, next) in &mut self.terms {
            while next.is_some_and(|p| p < wanted) {
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
                *next = positions.next();
            }
        }
        Some(first)
    }
}

/// How often the words stand in a row (word `k` at `p + k`). Each cursor moves forward only
/// and to where a match could start, so the walk reads each position at most once.
pub fn phrase_count(words: &mut [Cursor]) -> u32 {
    let (mut count, mut start) = (0u32, 0u32);
    loop {
        let mut k = 0;
        while k < words.len() {
            let Some(wanted) = start.checked_add(k as u32) else {
                return count;
            };
            match words[k].seek(wanted) {
                None => return count,
                Some(p) if p == wanted => k += 1,
                Some(p) => {
                    start = p - k as u32;
                    k = 0;
                }
            }
        }
        count += 1;
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
        let mut state = 0x1234_5678_u32;
        let mut next = move |n: u32| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state % n
        };
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
            let mut cursors: Vec<Cursor> = streams.iter().map(|s| Cursor::new([body(s)])).collect();
            let expected = (0..40)
                .filter(|&p| (0..words).all(|k| lists[k].contains(&(p + k as u32))))
                .count() as u32;
            assert_eq!(phrase_count(&mut cursors), expected, "{lists:?}");
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

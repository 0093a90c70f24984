//! A set of an index's documents, one bit per document: what a search restricts a word's
//! scoring to, and how it counts the documents a word matches without listing them.

/// Documents by number, below the count it was made for.
#[derive(PartialEq, Eq)]
pub(crate) struct DocumentSet {
    words: Vec<u64>,
}

impl DocumentSet {
    /// The empty set of `documents` documents.
    pub fn new(documents: usize) -> DocumentSet {
        DocumentSet {
            words: vec![0; documents.div_ceil(64)],
        }
    }

    /// Adds `doc`; one beyond the set's room (the count rounded up to 64) is not held.
    pub fn insert(&mut self, doc: u32) {
        if let Some(word) = self.words.get_mut(doc as usize / 64) {
            *word |= 1 << (doc % 64);
        }
    }

    pub fn contains(&self, doc: u32) -> bool {
        self.words
            .get(doc as usize / 64)
            .is_some_and(|word| word >> (doc % 64) & 1 == 1)
    }

    /// How many documents the set holds.
    pub fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// How many documents this set and `other` hold together.
    pub fn union_len(&self, other: &DocumentSet) -> usize {
        let words = self.words.iter().zip(&other.words);
        words.map(|(a, b)| (a | b).count_ones() as usize).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_what_was_inserted_and_counts_it_once() {
        let mut set = DocumentSet::new(130);
        for doc in [0, 63, 64, 129, 64, 192, 1_000] {
            set.insert(doc);
        }
        assert_eq!(set.len(), 4, "192 and 1000 are beyond the set's room");
        let held: Vec<u32> = (0..1_100).filter(|&d| set.contains(d)).collect();
        assert_eq!(held, [0, 63, 64, 129]);
        let mut other = DocumentSet::new(130);
        for doc in [1, 64, 128] {
            other.insert(doc);
        }
        assert_eq!(set.union_len(&other), 6);
    }
}

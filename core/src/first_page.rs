//! First pages: the ranked first hits of a word being typed, worked out when the index is
//! built.
//!
//! The first letters of a search are its costliest keystrokes: `in` completes to a dozen
//! common terms whose tens of thousands of postings are all read and scored to find ten
//! pages. So the builder ranks every prefix whose completions hold at least
//! [`COSTLY_POSTINGS`] postings, as a query of that word alone, and stores its first
//! [`FIRST_PAGE_HITS`] candidates and its total in the term piece the prefix falls in. A
//! search that is exactly such a query, with the default options, reads its page there
//! instead of its postings: the same ranking, worked out once, so every answer is the same
//! (only the hits' excerpts are cut as the page is shown). A chunked index then needs no
//! postings piece for it either.

/// Postings a prefix's completions must hold for its first page to be stored: about 50 µs of
/// scoring in the browser. Half as many postings make pages for twice as many prefixes: the
/// PHP manual's term pieces 11% larger at 1,024 postings (0.2 KB gzip each), 5% at 2,048.
pub const COSTLY_POSTINGS: u32 = 1024;

/// Candidates a first page holds: a search box's page (a page further, or a longer one, is
/// ranked as usual).
pub const FIRST_PAGE_HITS: usize = 10;

/// A term piece's first pages, as written (in term order), and where each starts (found when
/// the piece is read), so that a search finds its word's in a few comparisons, not by reading
/// every page before it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FirstPages {
    pub bytes: Vec<u8>,
    /// Offsets in `bytes`, in term order.
    pub starts: Vec<u32>,
}

/// The first page of the query that is `term` being typed, and nothing else.
#[derive(Debug, Clone, PartialEq)]
pub struct FirstPage {
    pub term: String,
    /// How many documents the query matches.
    pub total: u32,
    /// Its best candidates, best first.
    pub hits: Vec<PageHit>,
}

/// A candidate of a first page, as the search ranked it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageHit {
    pub doc: u32,
    /// At most [`crate::search::MAX_TIER`].
    pub tier: u8,
    pub score: f32,
    /// The clauses the document's body holds (see [`crate::excerpt::Clauses`]).
    pub in_body: u32,
}

/// The prefixes of `terms` (sorted, with each one's document count) whose completions hold
/// at least [`COSTLY_POSTINGS`] postings in all: those whose first page is stored.
pub fn costly_prefixes<'a>(terms: impl Iterator<Item = (&'a str, u32)>) -> Vec<String> {
    // Every prefix of the terms seen so far that is still open (the last term starts with
    // it), shortest first, with the postings of its completions so far.
    let mut open: Vec<(&str, u64)> = Vec::new();
    let mut costly = Vec::new();
    let mut close = |(prefix, postings): (&str, u64)| {
        if postings >= u64::from(COSTLY_POSTINGS) {
            costly.push(prefix.to_string());
        }
    };
    for (term, count) in terms {
        while let Some(&(prefix, postings)) = open.last().filter(|(p, _)| !term.starts_with(p)) {
            open.pop();
            close((prefix, postings));
        }
        let held = open.last().map_or(0, |(p, _)| p.len());
        for (_, postings) in &mut open {
            *postings += u64::from(count);
        }
        let ends = term
            .char_indices()
            .map(|(at, _)| at)
            .skip(1)
            .chain([term.len()]);
        open.extend(
            ends.filter(|&end| end > held)
                .map(|end| (&term[..end], u64::from(count))),
        );
    }
    while let Some(prefix) = open.pop() {
        close(prefix);
    }
    costly
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A prefix is costly by the postings of all its completions, itself among them; the
    /// prefixes of a word of several bytes a letter end at its letters.
    #[test]
    fn prefixes_are_costly_by_their_completions_postings() {
        let n = COSTLY_POSTINGS;
        let terms = [
            ("ab", n - 10),
            ("abc", 10),
            ("abd", 1),
            ("b", n),
            ("bc", 5),
            ("éa", n / 2),
            ("éb", n / 2),
            ("z", n - 1),
        ];
        let mut costly = costly_prefixes(terms.into_iter());
        costly.sort_unstable();
        assert_eq!(
            costly,
            ["a", "ab", "b", "é"],
            "\"abc\" holds 10 postings, \"z\" one too few"
        );
        assert!(costly_prefixes(std::iter::empty()).is_empty());
    }
}

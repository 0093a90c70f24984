//! The terms of a text, read once: a page shown again at the next keystroke has its matches
//! for the new query's targets looked up in the terms it was read into, not read word by word
//! again (see [`crate::excerpt::excerpt_in`]). Each token's term is kept where the token
//! stands, and after it the terms of its `camelCase` parts; a look-up finds what an excerpt's
//! scan would, in the order the scan reads it: a part only where its word's own term is not a
//! target. The words an excerpt's bounds fall between are looked up there too.

use std::ops::Range;

use crate::analysis::{camel_parts, Analyzer, CompoundRole};
use crate::excerpt::{camel_kind, part_term, scanned, set_bit, Targets, Word};

/// The terms of a text (within what a scan reads of it) and where each stands: a target
/// word's places are found by its [`Targets::term_slot`], and a text's terms are grouped by
/// slot once in time linear in their number (no string is compared to build it).
#[derive(Debug)]
pub struct TermPlaces {
    /// The length of the text read (all of it, beyond what a scan reads): what a look-up
    /// checks that the places are of.
    text_bytes: usize,
    /// In the order a scan reads them: a token's `camelCase` parts after it. Their starts never
    /// decrease (a compound's joined form stands where its first part does, before it).
    places: Vec<Place>,
    /// The places (indexes in `places`) by slot, in text order within a slot.
    by_slot: Vec<u32>,
    /// The terms, one after another in the order of `places`.
    terms: String,
}

/// Where a term stands.
#[derive(Debug, Clone, Copy)]
struct Place {
    start: u32,
    end: u32,
    /// Where the term starts in `terms` (it ends where the next place's starts).
    term_start: u32,
    /// The term's [`Targets::term_slot`].
    slot: u16,
    /// For a `camelCase` part, its token's place (an index in `places`): a part is a match
    /// only where its token is none. [`NOT_A_PART`] otherwise.
    token: u32,
    /// The token's [`CompoundRole`], which an excerpt's bounds look at (a `camelCase` part's
    /// is [`CompoundRole::Part`], never looked at: parts are no words of their own).
    role: CompoundRole,
}

const NOT_A_PART: u32 = u32::MAX;

/// What an allocation costs beside its bytes, about.
const ALLOCATION_BYTES: usize = 16;

/// Places per target word below which each place is looked up among the targets, rather than
/// each target among the places: a target's look-up by slot reads about a dozen places, a
/// place's costs a bit test.
const PLACES_PER_TARGET: usize = 8;

/// A match as a scan reads it: the start of the token it is read in, its bytes, its clause.
pub(crate) type PlacedMatch = (usize, (Range<usize>, usize));

impl TermPlaces {
    /// Reads the first [`crate::excerpt::SCAN_BYTES`] of `text`.
    pub fn of(text: &str) -> TermPlaces {
        let mut read = TermPlaces {
            text_bytes: text.len(),
            places: Vec::new(),
            by_slot: Vec::new(),
            terms: String::new(),
        };
        let text = scanned(text);
        Analyzer::default().analyze_while(text, |token| {
            let token_place = read.places.len() as u32;
            read.push(token.term, &token.span, NOT_A_PART, token.role);
            // A compound's joined form has its parts read after it, as tokens of their own.
            if token.role == CompoundRole::Joined {
                return true;
            }
            let word_text = &text[token.span.clone()];
            if let Some(slices) = camel_kind(word_text, token.term) {
                for part in camel_parts(word_text) {
                    let term = part_term(word_text, token.term, &part, slices);
                    let bytes = token.span.start + part.start..token.span.start + part.end;
                    read.push(&term, &bytes, token_place, CompoundRole::Part);
                }
            }
            true
        });
        read.by_slot = read.grouped_by_slot();
        read
    }

    fn push(&mut self, term: &str, bytes: &Range<usize>, token: u32, role: CompoundRole) {
        self.places.push(Place {
            start: bytes.start as u32,
            end: bytes.end as u32,
            term_start: self.terms.len() as u32,
            slot: Targets::term_slot(term),
            token,
            role,
        });
        self.terms.push_str(term);
    }

    /// The places' indexes by slot, in text order within a slot (a counting sort).
    fn grouped_by_slot(&self) -> Vec<u32> {
        let mut next = vec![0u32; Targets::TERM_SLOTS + 1];
        for place in &self.places {
            next[usize::from(place.slot) + 1] += 1;
        }
        for slot in 1..next.len() {
            next[slot] += next[slot - 1];
        }
        let mut by_slot = vec![0u32; self.places.len()];
        for (at, place) in self.places.iter().enumerate() {
            let free = &mut next[usize::from(place.slot)];
            by_slot[*free as usize] = at as u32;
            *free += 1;
        }
        by_slot
    }

    /// The matches of `targets`' words (not phrases), in the order a scan reads them.
    pub(crate) fn matches(&self, targets: &Targets) -> Vec<PlacedMatch> {
        let words = targets.words();
        // The places that may match, a bit each; all of them when the targets are many.
        let mut may_match = vec![u64::MAX; self.places.len().div_ceil(64)];
        if words.len() * PLACES_PER_TARGET < self.places.len() {
            may_match.fill(0);
            for (word, _) in words {
                for at in self.with_term(word) {
                    set_bit(&mut may_match, at);
                }
            }
        }
        let clause_at = |at: usize| targets.clause_of_slotted(self.term(at), self.places[at].slot);
        let mut found = Vec::new();
        for (block, bits) in may_match.iter().enumerate() {
            let mut bits = *bits;
            while bits != 0 {
                let at = block * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let Some(place) = self.places.get(at) else {
                    break;
                };
                let Some(clause) = clause_at(at) else {
                    continue;
                };
                let word_matched =
                    place.token != NOT_A_PART && clause_at(place.token as usize).is_some();
                if !word_matched {
                    let bytes = place.start as usize..place.end as usize;
                    found.push((self.token_start(place), (bytes, clause)));
                }
            }
        }
        found
    }

    /// The tokens (not `camelCase` parts) that the reading of the whole text starts within
    /// `starts`, in text order: what reading it from `starts.start` finds before
    /// `starts.end`, but for a word of ideographs reaching back across a space (see
    /// [`crate::excerpt`]'s `WordsAround`).
    pub(crate) fn words(&self, starts: Range<usize>) -> Vec<Word> {
        let first = self
            .places
            .partition_point(|place| (place.start as usize) < starts.start);
        let within = self.places[first..]
            .iter()
            .take_while(|place| (place.start as usize) < starts.end);
        within
            .filter(|place| place.token == NOT_A_PART)
            .map(|place| (place.start as usize..place.end as usize, place.role))
            .collect()
    }

    /// The places (indexes in `places`) of `term`.
    fn with_term<'t>(&'t self, term: &'t str) -> impl Iterator<Item = usize> + 't {
        let slot = Targets::term_slot(term);
        let slot_of = |at: &u32| self.places[*at as usize].slot;
        let first = self.by_slot.partition_point(|at| slot_of(at) < slot);
        let in_slot = self.by_slot[first..]
            .iter()
            .take_while(move |at| slot_of(at) == slot);
        in_slot
            .map(|at| *at as usize)
            .filter(move |&at| self.term(at) == term)
    }

    /// The start of the token `place` is read in (its own, or for a `camelCase` part its
    /// word's): a scan stops between tokens (never between two starting at one byte, as it
    /// stops only past a match's start).
    fn token_start(&self, place: &Place) -> usize {
        // [`NOT_A_PART`] is no place's index.
        match self.places.get(place.token as usize) {
            Some(token) => token.start as usize,
            None => place.start as usize,
        }
    }

    /// The term of the place at `at`.
    fn term(&self, at: usize) -> &str {
        let start = self.places[at].term_start as usize;
        let end = self
            .places
            .get(at + 1)
            .map_or(self.terms.len(), |next| next.term_start as usize);
        self.terms.get(start..end).unwrap_or_default()
    }

    /// Whether these are the places of `text`: of one as long, at least.
    pub fn are_of(&self, text: &str) -> bool {
        self.text_bytes == text.len()
    }

    /// About the bytes this holds, to bound what is kept: an empty text's too.
    pub fn size(&self) -> usize {
        let lists = size_of::<TermPlaces>() + 3 * ALLOCATION_BYTES;
        lists + self.terms.len() + self.places.len() * (size_of::<Place>() + size_of::<u32>())
    }
}

//! Excerpts: the passage of a body with the most distinct matched terms, and match ranges.
//!
//! Work is bounded by what is shown, not by the text: only the first [`SCAN_BYTES`] of a
//! text are read, and of them only the text where a target may begin; the scan stops once a
//! passage showing every clause the text holds is found (the index says which those are),
//! and phrases are matched as the words go by, keeping only the last few words. The words
//! around the passage shown are read last, only in the chunks where its bounds are looked for.
//! A text scanned again and again is read once into its [`TermPlaces`], where the matches of
//! each query's words are then looked up ([`excerpt_in`]), giving the same excerpt.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::ops::Range;

use crate::analysis::{
    camel_parts, camel_starts, is_elision, normalize_word, Analyzer, CompoundRole,
};
use crate::places::TermPlaces;
use crate::sort::sort_by;

/// Target excerpt length in characters.
pub const EXCERPT_CHARS: usize = 160;
const ELLIPSIS: &str = "…";
/// Words of context kept before the first match, within its sentence.
const CONTEXT_WORDS: usize = 4;
/// Bytes of context words before a passage, at most: a long word there is left out rather
/// than push the passage out of the excerpt.
const CONTEXT_BYTES: usize = EXCERPT_CHARS / 2;
/// Punctuation characters kept after an excerpt's last word, at most.
const PUNCTUATION_CHARS: usize = 8;
/// Bytes of a text read for its matches: a passage further into a long page is not shown
/// (its start is, as when nothing matched), so a keystroke never reads megabytes.
pub const SCAN_BYTES: usize = 64 * 1024;
/// Bytes after a text's first match in which a passage showing more clauses is looked for:
/// one further on is not shown, so a page whose words stand far apart costs no more than
/// a short one.
pub const PASSAGE_BYTES: usize = 4 * 1024;

/// What to highlight: words wherever they occur, phrases only where their terms stand in a
/// row; each belongs to a query clause, and a passage is as good as the clauses it shows.
#[derive(Debug)]
pub struct Targets<'a> {
    /// Terms sorted and unique, each with its clause.
    words: Vec<(&'a str, usize)>,
    phrases: Vec<(Vec<&'a str>, usize)>,
    clauses: usize,
    /// Says no at once for most words of a text that are none of `words`.
    word_filter: TermFilter,
    /// The same for the words of `phrases`: no other word need be kept for them.
    phrase_filter: TermFilter,
    /// Where in ASCII text a word or phrase may begin: a scan skips the text before it.
    starts: StartFilter,
}

impl<'a> Targets<'a> {
    /// Targets for `clauses` clauses: `words` in any order (a term given twice keeps its
    /// first clause), `phrases` with their clause.
    pub fn new(
        mut words: Vec<(&'a str, usize)>,
        phrases: Vec<(Vec<&'a str>, usize)>,
        clauses: usize,
    ) -> Self {
        sort_by(&mut words, |a, b| a.cmp(b));
        words.dedup_by(|later, kept| later.0 == kept.0);
        let every_term = words
            .iter()
            .map(|(w, _)| *w)
            .chain(phrases.iter().flat_map(|(p, _)| p.iter().copied()));
        Targets {
            starts: StartFilter::new(every_term),
            word_filter: TermFilter::new(words.iter().map(|(w, _)| *w)),
            phrase_filter: TermFilter::new(phrases.iter().flat_map(|(p, _)| p.iter().copied())),
            words,
            phrases,
            clauses,
        }
    }

    /// How many clauses the query has: a passage showing them all is complete.
    pub fn clauses(&self) -> usize {
        self.clauses
    }

    /// The target words, sorted and unique, each with its clause.
    pub(crate) fn words(&self) -> &[(&'a str, usize)] {
        &self.words
    }

    /// The clause of a matched word.
    fn clause_of(&self, term: &str) -> Option<usize> {
        self.clause_of_slotted(term, TermFilter::slot(term))
    }

    /// [`Targets::clause_of`] for a term whose [`Targets::term_slot`] is `slot`.
    pub(crate) fn clause_of_slotted(&self, term: &str, slot: u16) -> Option<usize> {
        if !self.word_filter.has(slot) {
            return None;
        }
        let i = self.words.binary_search_by(|(w, _)| (*w).cmp(term)).ok()?;
        Some(self.words[i].1)
    }

    /// How many [`Targets::term_slot`]s there are.
    pub(crate) const TERM_SLOTS: usize = TermFilter::BITS as usize;

    /// Where a term falls in the filter that says no at once to most words of a text: the
    /// same for every query, so a text's terms can be hashed once ([`TermPlaces`]).
    pub(crate) fn term_slot(term: &str) -> u16 {
        TermFilter::slot(term)
    }
}

/// Some of a query's clauses, numbered as in [`Targets`]: those a text is known to hold.
/// A scan looks for no passage showing the others, so a page that holds none of the
/// query's words in its text (its title matched) costs a first line, not a whole read.
/// (Scoring also keeps the clauses a page matched in one, numbered by their place in the
/// query.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Clauses(u32);

impl Clauses {
    /// Every clause: what a text with no word count from the index may hold.
    pub const ALL: Clauses = Clauses(u32::MAX);

    /// The set of these bits, one per clause (as [`Clauses::bits`] gives them).
    pub fn from_bits(bits: u32) -> Clauses {
        Clauses(bits)
    }

    /// A bit per clause, clause 0 the lowest.
    pub fn bits(self) -> u32 {
        self.0
    }

    /// This set and `clause`.
    pub fn with(self, clause: usize) -> Self {
        Clauses(self.0 | 1u32.checked_shl(clause as u32).unwrap_or(0))
    }

    /// The clauses of either set.
    pub fn union(self, other: Clauses) -> Self {
        Clauses(self.0 | other.0)
    }

    /// Whether the set holds `clause`; one numbered past the set's bits is always held.
    pub fn holds(self, clause: usize) -> bool {
        1u32.checked_shl(clause as u32)
            .is_none_or(|bit| self.0 & bit != 0)
    }

    /// How many of the clauses numbered below `clauses` the set holds.
    pub fn count_below(self, clauses: usize) -> usize {
        (0..clauses).filter(|&c| self.holds(c)).count()
    }
}

/// A set of terms that may say yes wrongly but never no wrongly: one bit per hash of a
/// term's length and first bytes. A text's words are mostly none of the targets, and one
/// bit test is cheaper than searching the sorted terms (hundreds, for a completed prefix).
#[derive(Debug)]
struct TermFilter {
    bits: Vec<u64>,
}

impl TermFilter {
    const BITS: u32 = 4096;
    /// Leading bytes hashed: prefix completions differ in their length when not in these.
    const HASHED: usize = 4;

    fn new<'a>(terms: impl Iterator<Item = &'a str>) -> Self {
        let mut bits = vec![0u64; (Self::BITS / 64) as usize];
        for term in terms {
            set_bit(&mut bits, usize::from(Self::slot(term)));
        }
        TermFilter { bits }
    }

    fn slot(term: &str) -> u16 {
        let bytes = term.as_bytes();
        let lead = bytes[..bytes.len().min(Self::HASHED)]
            .iter()
            .fold(bytes.len() as u32, |h, &b| {
                h.wrapping_mul(0x0100_0193) ^ u32::from(b)
            });
        (lead.wrapping_mul(0x9E37_79B1) >> (32 - Self::BITS.trailing_zeros())) as u16
    }

    fn may_hold(&self, term: &str) -> bool {
        self.has(Self::slot(term))
    }

    fn has(&self, slot: u16) -> bool {
        has_bit(&self.bits, usize::from(slot))
    }
}

/// The first bytes of the targets, for finding where in a text a match may begin without
/// analysing the words before it. A token of ASCII text begins at the start of a run of ASCII
/// letters and digits (its term, that run's lower case and what joins on to it) or, for a
/// `camelCase` part of at least two characters, at a capital inside the run: so a run's first two
/// bytes (its first, when it is one byte long) must begin some target, and so must a capital's
/// two. Text other than ASCII is analysed as it is: folding may turn it into anything.
#[derive(Debug)]
struct StartFilter {
    /// What each byte may begin ([`StartFilter::WORD`], [`StartFilter::PART`],
    /// [`StartFilter::ANY`]).
    classes: [u8; 256],
    /// The first two bytes of each term of two or more, hashed to one bit.
    pairs: Vec<u64>,
    /// Each distinct first byte of the terms that is an ASCII letter or digit, repeated in
    /// the eight bytes of a `u64`.
    firsts: Vec<u64>,
}

impl StartFilter {
    const PAIR_BITS: u32 = 4096;
    /// The most first letters looked for eight bytes at a time: each costs a few operations
    /// on every eight bytes, and beyond this many a look-up per byte costs less.
    const MOST_FIRSTS: usize = 8;
    /// A letter or digit whose lower case begins some term: a target may begin here at the
    /// start of a run.
    const WORD: u8 = 1;
    /// The same for a capital, where a `camelCase` part may begin inside a run.
    const PART: u8 = 2;
    /// Not ASCII: anything may begin here.
    const ANY: u8 = 4;

    /// Each byte's class before the terms are known.
    const UNMARKED: [u8; 256] = {
        let mut classes = [0; 256];
        let mut byte = 128;
        while byte < 256 {
            classes[byte] = Self::ANY;
            byte += 1;
        }
        classes
    };

    fn new<'a>(terms: impl Iterator<Item = &'a str>) -> Self {
        let mut classes = Self::UNMARKED;
        let mut pairs = vec![0; (Self::PAIR_BITS / 64) as usize];
        let mut firsts = Vec::new();
        for term in terms {
            let [first, rest @ ..] = term.as_bytes() else {
                continue;
            };
            // Terms are in lower case: a capital of the text is looked up as its lower case.
            if first.is_ascii_digit() {
                classes[usize::from(*first)] |= Self::WORD;
            } else if first.is_ascii_lowercase() {
                classes[usize::from(*first)] |= Self::WORD;
                classes[usize::from(first.to_ascii_uppercase())] |= Self::WORD | Self::PART;
            }
            let repeated = ONES * u64::from(*first);
            if first.is_ascii_alphanumeric() && !firsts.contains(&repeated) {
                firsts.push(repeated);
            }
            if let [second, ..] = rest {
                set_bit(&mut pairs, Self::pair_slot(*first, *second));
            }
        }
        StartFilter {
            classes,
            pairs,
            firsts,
        }
    }

    fn pair_slot(first: u8, second: u8) -> usize {
        let pair = u32::from(first) << 8 | u32::from(second);
        (pair.wrapping_mul(0x9E37_79B1) >> (32 - Self::PAIR_BITS.trailing_zeros())) as usize
    }

    /// Whether a term may begin at `at`, a letter or digit of `bytes` that begins some term:
    /// its first two bytes must, when the run goes on.
    fn pair_may_begin(&self, bytes: &[u8], at: usize) -> bool {
        match bytes.get(at + 1) {
            Some(second) if second.is_ascii_alphanumeric() => has_bit(
                &self.pairs,
                Self::pair_slot(bytes[at].to_ascii_lowercase(), second.to_ascii_lowercase()),
            ),
            _ => true,
        }
    }

    /// The offset of the first byte of `text` where a target may begin: a byte other than
    /// ASCII, or a letter or digit as [`StartFilter`] says. None when no target can be in it.
    fn first_possible(&self, text: &str) -> Option<usize> {
        let bytes = text.as_bytes();
        if self.firsts.len() > Self::MOST_FIRSTS {
            return self.first_possible_from(bytes, 0);
        }
        // Eight bytes at a time: those beyond ASCII, and those whose lower case begins a term
        // (each first byte is repeated in the eight of a `u64`) but for a small letter after
        // another (inside a word), are the only places to look.
        let mut at = 0;
        // The top bit of the first byte set if the byte before it is a small letter.
        let mut after_small = 0;
        while let Some(eight) = bytes[at..].first_chunk::<8>() {
            let word = u64::from_le_bytes(*eight);
            let lower_case = word | (ONES * 0x20);
            let mut firsts = 0;
            for first in &self.firsts {
                firsts |= zero_bytes(lower_case ^ first);
            }
            let small = small_letters(word);
            let inside_word = small & (small << 8 | after_small);
            after_small = small >> 56;
            let mut candidates = word & TOPS | firsts & !inside_word;
            while candidates != 0 {
                let candidate = at + candidates.trailing_zeros() as usize / 8;
                candidates &= candidates - 1;
                if self.may_begin(bytes, candidate) {
                    return Some(candidate);
                }
            }
            at += 8;
        }
        self.first_possible_from(bytes, at)
    }

    /// [`StartFilter::first_possible`] from `at`, a byte at a time.
    fn first_possible_from(&self, bytes: &[u8], at: usize) -> Option<usize> {
        (at..bytes.len()).find(|&at| self.may_begin(bytes, at))
    }

    /// Whether a target may begin at `at`: inside a run of letters and digits, only a
    /// `camelCase` part may, at a capital.
    fn may_begin(&self, bytes: &[u8], at: usize) -> bool {
        let in_run = at > 0 && bytes[at - 1].is_ascii_alphanumeric();
        let class = self.classes[usize::from(bytes[at])];
        let wanted = if in_run { Self::PART } else { Self::WORD } | Self::ANY;
        class & wanted != 0 && (class == Self::ANY || self.pair_may_begin(bytes, at))
    }
}

/// A byte repeated in each of the eight of a `u64`.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The top bit of each of the eight bytes of a `u64`.
const TOPS: u64 = 0x8080_8080_8080_8080;

/// The top bit of each byte of `word` that is zero, and no other bit: no byte's sum carries
/// into the next.
fn zero_bytes(word: u64) -> u64 {
    let low_bits = !TOPS;
    !(((word & low_bits) + low_bits) | word | low_bits)
}

/// The top bit of each byte of `word` that is an ASCII small letter, and no other bit: each
/// byte's low seven bits are at least `a` and at most `z`, with no borrow or carry between
/// bytes.
fn small_letters(word: u64) -> u64 {
    let seven = word & !TOPS;
    let at_most_z = ONES * (128 + u64::from(b'z')) - seven;
    let at_least_a = seven + ONES * (128 - u64::from(b'a'));
    at_most_z & at_least_a & !word & TOPS
}

pub(crate) fn set_bit(bits: &mut [u64], slot: usize) {
    bits[slot / 64] |= 1 << (slot % 64);
}

fn has_bit(bits: &[u64], slot: usize) -> bool {
    bits[slot / 64] >> (slot % 64) & 1 == 1
}

/// Chunks (text between spaces) holding a word read before an excerpt's passage, for the
/// words shown before it: more than the [`CONTEXT_WORDS`] shown, so the excerpt is the one a
/// scan of the whole text gives.
const WORDS_BEFORE: usize = CONTEXT_WORDS + 2;

/// Where a scan for matches that has read up to `at` (a token's start) goes next.
#[derive(Debug, PartialEq)]
enum Next {
    /// No target can begin in the rest of the text.
    Stop,
    /// On from this offset, after a space: the words before it hold no target.
    Skip(usize),
    /// On from `at`, reading every word up to this offset, where a target may begin.
    ReadTo(usize),
}

/// Where a scan of `text` for `targets` goes from `at`: to the text between spaces holding
/// the first place a target may begin ([`StartFilter`]; all of the text before it is ASCII,
/// and a space ends any token).
fn next_from(text: &str, at: usize, targets: &Targets) -> Next {
    let Some(possible) = targets.starts.first_possible(&text[at..]).map(|p| at + p) else {
        return Next::Stop;
    };
    match chunk_start(text.as_bytes(), possible, at) {
        start if start > at => Next::Skip(start),
        _ => Next::ReadTo(possible),
    }
}

/// The start of the text between spaces holding `at`, or `floor` if that is later.
fn chunk_start(bytes: &[u8], at: usize, floor: usize) -> usize {
    let mut start = at;
    while start > floor && !bytes[start - 1].is_ascii_whitespace() {
        start -= 1;
    }
    start
}

/// Where to read the words shown before a passage starting at `start`: after the space
/// before the [`WORDS_BEFORE`] chunks (text between spaces) with a run of two letters or
/// digits (a word, or a compound: a token that is no part) that precede it, or 0.
fn context_start(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = chunk_start(bytes, start, 0);
    for _ in 0..WORDS_BEFORE {
        loop {
            while at > 0 && bytes[at - 1].is_ascii_whitespace() {
                at -= 1;
            }
            if at == 0 {
                return 0;
            }
            let end = at;
            at = chunk_start(bytes, at, 0);
            let word = bytes[at..end]
                .windows(2)
                .any(|pair| pair[0].is_ascii_alphanumeric() && pair[1].is_ascii_alphanumeric());
            if word {
                break;
            }
        }
    }
    at
}

/// Adds to `found` the matched `camelCase` parts of the word at `span` (whose term is
/// `term`), as the index records them.
fn camel_matches(
    text: &str,
    span: &Range<usize>,
    term: &str,
    targets: &Targets,
    found: &mut Vec<(Range<usize>, usize)>,
) {
    let word = &text[span.clone()];
    let Some(slices) = camel_kind(word, term) else {
        return;
    };
    if slices && !may_match_a_part(word, term, targets) {
        return;
    }
    for part in camel_parts(word) {
        if let Some(clause) = targets.clause_of(&part_term(word, term, &part, slices)) {
            found.push((span.start + part.start..span.start + part.end, clause));
        }
    }
}

/// Whether `word` (whose term is `term`) has a capital inside, and so may have `camelCase`
/// parts: `Some` then, saying whether their terms are slices of `term`
/// ([`parts_are_slices`]).
pub(crate) fn camel_kind(word: &str, term: &str) -> Option<bool> {
    // An ASCII word of the term's length is its lower case: a capital inside is a byte
    // that differs after the first.
    let inner_capital = if word.is_ascii() {
        word.len() != term.len() || word.as_bytes()[1..] != term.as_bytes()[1..]
    } else {
        word.chars().skip(1).any(char::is_uppercase)
    };
    inner_capital.then(|| parts_are_slices(word, term))
}

/// The term of the `camelCase` part at `part` of `word` (whose term is `term`), as
/// [`camel_kind`] says to find it.
pub(crate) fn part_term<'t>(
    word: &str,
    term: &'t str,
    part: &Range<usize>,
    slices: bool,
) -> Cow<'t, str> {
    if slices {
        Cow::Borrowed(&term[part.clone()])
    } else {
        Cow::Owned(normalize_word(&word[part.clone()]))
    }
}

/// Whether each part's term is the slice of `term` at the part's bytes: true of an ASCII
/// word, whose term is its lower case byte for byte.
fn parts_are_slices(word: &str, term: &str) -> bool {
    word.is_ascii() && term.len() == word.len()
}

/// Whether a part of an ASCII `word` (see [`parts_are_slices`]) is a target, asked
/// without splitting it.
fn may_match_a_part(word: &str, term: &str, targets: &Targets) -> bool {
    let mut start = 0;
    camel_starts(word).skip(1).chain([word.len()]).any(|end| {
        let part = &term[start..end];
        start = end;
        targets.clause_of(part).is_some()
    })
}

/// Analyses the first [`SCAN_BYTES`] of `text` for matches: their byte ranges and the
/// clause each matches, in text order. With `held` given, the scan may stop once a passage
/// showing every clause held has been found: no later passage can beat the earliest
/// complete one.
///
/// Only the text between spaces where a target may begin is read ([`next_from`]); a text
/// known to hold no clause is read from its start, for its first passage.
fn scan(text: &str, targets: &Targets, held: Option<Clauses>) -> Scan {
    read(text, targets, held, true)
}

/// What a scan found, and what it cost.
struct Scan {
    matches: Vec<(Range<usize>, usize)>,
    /// Bytes of the text analysed.
    analysed: usize,
}

/// [`scan`], skipping words where it may with `skip` (the tests compare both ways).
fn read(text: &str, targets: &Targets, held: Option<Clauses>, skip: bool) -> Scan {
    let text = scanned(text);
    let mut matches = Vec::new();
    let mut analysed = 0;
    let mut phrases = PhraseWindow::new(targets);
    let mut early = EarlyStop::new(text, targets.clauses, held);
    let skips = skip && !early.shows_start();
    // Words up to here are read: a target may begin among them.
    let mut read_to = 0;
    let mut segment = Some(0);
    // Positions go on across a skip, with a gap: no phrase spans one.
    let mut first_position = 0;
    // One analyser for every piece read: its buffers grow once.
    let mut analyzer = Analyzer::default();
    while let Some(from) = segment.take() {
        let mut next_position = first_position;
        let mut last_end = from;
        analyzer.analyze_while(&text[from..], |token| {
            let span = token.span.start + from..token.span.end + from;
            last_end = span.end;
            if early.done(span.start) {
                return false;
            }
            if skips && span.start > read_to {
                match next_from(&text[..early.read_end(text)], span.start, targets) {
                    Next::Stop => return false,
                    Next::Skip(at) => {
                        segment = Some(at);
                        return false;
                    }
                    Next::ReadTo(at) => read_to = at,
                }
            }
            let found = matches.len();
            if let Some(clause) = targets.clause_of(token.term) {
                matches.push((span.clone(), clause));
            } else if token.role != CompoundRole::Joined {
                // A compound's camelCase parts are looked for in its parts, which follow.
                camel_matches(text, &span, token.term, targets, &mut matches);
            }
            let position = first_position + token.position;
            phrases.push(position, token.term, &span, targets, &mut matches);
            for (span, clause) in &matches[found..] {
                early.matched(text, *clause, span);
            }
            next_position = position + 1;
            true
        });
        first_position = next_position + 1;
        analysed += last_end - from;
    }
    if !targets.phrases.is_empty() {
        // As read: at one start, a joined compound before its first part.
        sort_by(&mut matches, |a, b| {
            let as_read = a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end));
            as_read.then(a.1.cmp(&b.1))
        });
    }
    Scan { matches, analysed }
}

/// A word of a text: its bytes, and whether it is a compound's part.
pub(crate) type Word = (Range<usize>, CompoundRole);

/// The words among which an excerpt's bounds are looked for.
trait Words {
    /// The words starting before `start` that may be shown with a passage starting there, in
    /// text order.
    fn before(&mut self, start: usize) -> Vec<Word>;

    /// The words holding the byte at `at`.
    fn holding(&mut self, at: usize) -> Vec<Word>;

    /// The last end of a word starting at `from` or later and ending by `limit`.
    fn last_end(&mut self, from: usize, limit: usize) -> Option<usize>;
}

/// The words of `text` (within its first [`SCAN_BYTES`]) that an excerpt of a passage starting
/// at `start` may show: a few before it, and those up to [`EXCERPT_CHARS`] characters after.
/// They are read a chunk (text between spaces) at a time, only where the excerpt's bounds are
/// looked for: a chunk reads the same from its start as within the whole text, since only a
/// run of ideographs carries a word across a space (`北京 大学` reads as `北京大学`), and a
/// chunk beginning past ASCII is read from the context's start. A text whose [`TermPlaces`]
/// are known has its words looked up there rather than read.
struct WordsAround<'a> {
    text: &'a str,
    places: Option<&'a TermPlaces>,
    /// Where the words before the passage are read from: a chunk's start.
    context: usize,
    /// The last start of a word that may be shown.
    last: usize,
    /// One analyser for every chunk read: its buffers grow once.
    analyzer: Analyzer,
}

impl<'a> WordsAround<'a> {
    fn new(body: &'a str, places: Option<&'a TermPlaces>, start: usize) -> Self {
        let text = scanned(body);
        WordsAround {
            text,
            places,
            context: context_start(text, start),
            last: start + byte_len_of_chars(&text[start..], EXCERPT_CHARS),
            analyzer: Analyzer::default(),
        }
    }

    /// The words read from `at` (a chunk's start) that start before `before`.
    fn read(&mut self, at: usize, before: usize) -> Vec<Word> {
        let before = before.min(self.last.saturating_add(1));
        if let Some(places) = self.places {
            return places.words(at..before);
        }
        let mut words = Vec::new();
        self.analyzer.analyze_while(&self.text[at..], |token| {
            let span = token.span.start + at..token.span.end + at;
            let shown = span.start < before;
            if shown {
                words.push((span, token.role));
            }
            shown
        });
        words
    }
}

impl Words for WordsAround<'_> {
    /// From the context's start on.
    fn before(&mut self, start: usize) -> Vec<Word> {
        self.read(self.context, start)
    }

    fn holding(&mut self, at: usize) -> Vec<Word> {
        let bytes = self.text.as_bytes();
        if at < self.context || at >= bytes.len() {
            return Vec::new();
        }
        let end = at
            + bytes[at..]
                .iter()
                .take_while(|b| !b.is_ascii_whitespace())
                .count();
        let chunk = chunk_start(bytes, at, self.context);
        let from = if bytes[chunk].is_ascii() {
            chunk
        } else {
            self.context
        };
        let mut words = self.read(from, end);
        words.retain(|(span, _)| span.start <= at && at < span.end);
        words
    }

    /// Read in the chunks before `limit`, the last first, down to the context's start.
    fn last_end(&mut self, from: usize, limit: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let floor = from.max(self.context);
        let mut before = limit;
        let mut end = limit.min(bytes.len());
        while end > floor {
            let chunk = chunk_start(bytes, end, self.context);
            let last = self
                .read(chunk, before)
                .into_iter()
                .filter(|(span, _)| span.start >= from && span.end <= limit)
                .map(|(span, _)| span.end)
                .max();
            if last.is_some() {
                return last;
            }
            before = chunk;
            end = chunk;
            while end > floor && bytes[end - 1].is_ascii_whitespace() {
                end -= 1;
            }
        }
        None
    }
}

/// The last words read, as many positions back as the longest phrase is long: a phrase is
/// found when its last word is read, so no more of the text is kept.
struct PhraseWindow {
    /// Position, term and start of each recent word, in text order.
    recent: VecDeque<(u32, String, usize)>,
    longest: u32,
}

impl PhraseWindow {
    fn new(targets: &Targets) -> Self {
        let longest = targets.phrases.iter().map(|(p, _)| p.len()).max();
        PhraseWindow {
            recent: VecDeque::new(),
            longest: longest.unwrap_or(0).min(u32::MAX as usize) as u32,
        }
    }

    /// Adds a word, and to `found` the span and clause of each phrase it ends. A word of no
    /// phrase is not kept: no phrase is looked for at its position.
    fn push(
        &mut self,
        position: u32,
        term: &str,
        span: &Range<usize>,
        targets: &Targets,
        found: &mut Vec<(Range<usize>, usize)>,
    ) {
        if self.longest == 0 || !targets.phrase_filter.may_hold(term) {
            return;
        }
        let oldest = position.saturating_sub(self.longest - 1);
        while self.recent.front().is_some_and(|w| w.0 < oldest) {
            self.recent.pop_front();
        }
        self.recent
            .push_back((position, term.to_string(), span.start));
        for (phrase, clause) in &targets.phrases {
            if phrase.last() != Some(&term) || phrase.len() as u32 > position + 1 {
                continue;
            }
            let first = position + 1 - phrase.len() as u32;
            let start = (first..)
                .zip(phrase.iter())
                .try_fold(usize::MAX, |start, (at, word)| {
                    let here = self.recent.iter().filter(|w| w.0 == at && w.1 == *word);
                    here.map(|w| w.2).min().map(|s| start.min(s))
                });
            if let Some(start) = start {
                found.push((start..span.end, *clause));
            }
        }
    }
}

/// The largest character boundary of `text` at or before `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Watches matches for the first passage of at most [`EXCERPT_CHARS`] bytes (so at most as
/// many characters) that shows every clause the text holds.
struct EarlyStop {
    /// Each clause's latest match.
    latest: Vec<Option<Range<usize>>>,
    held: Clauses,
    /// Clauses held, and those of them seen.
    wanted: usize,
    seen: usize,
    /// Once found: the byte offset past which the excerpt needs no more text.
    stop_after: Option<usize>,
    /// Once a first match is read: the offset past which no better passage is looked for.
    give_up_after: Option<usize>,
    disabled: bool,
}

impl EarlyStop {
    /// Watches `text` for `clauses` clauses; never stops without `held`.
    fn new(text: &str, clauses: usize, held: Option<Clauses>) -> Self {
        let wanted = held.map_or(0, |h| h.count_below(clauses));
        // A text holding no clause shows its start.
        let stop_after =
            (held.is_some() && wanted == 0).then(|| byte_len_of_chars(text, EXCERPT_CHARS));
        EarlyStop {
            latest: vec![None; clauses],
            held: held.unwrap_or(Clauses::ALL),
            wanted,
            seen: 0,
            stop_after,
            give_up_after: None,
            disabled: held.is_none() || clauses == 0,
        }
    }

    /// Whether the text's start is shown whatever follows: it holds none of the clauses.
    fn shows_start(&self) -> bool {
        self.stop_after.is_some()
    }

    /// The offset past which no token is read, once one is known.
    fn stop(&self) -> Option<usize> {
        match (self.stop_after, self.give_up_after) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn done(&self, at: usize) -> bool {
        self.stop().is_some_and(|stop| at > stop)
    }

    /// The end of the text a scan still needs: a token starting past the stop is not read.
    fn read_end(&self, text: &str) -> usize {
        let mut end = self
            .stop()
            .map_or(text.len(), |stop| (stop + 1).min(text.len()));
        while !text.is_char_boundary(end) {
            end += 1;
        }
        end
    }

    fn matched(&mut self, text: &str, clause: usize, span: &Range<usize>) {
        if self.disabled || self.stop_after.is_some() || !self.held.holds(clause) {
            return;
        }
        if self.seen == 0 {
            // A passage starting up to PASSAGE_BYTES on, and the text to show it.
            let last_start = floor_char_boundary(text, span.start + PASSAGE_BYTES);
            let shown = byte_len_of_chars(&text[last_start..], EXCERPT_CHARS);
            self.give_up_after = Some(last_start + shown);
        }
        self.seen += usize::from(self.latest[clause].is_none());
        // A part read inside its compound's joined form, of the same clause, is one match
        // with it: their union, read in text order.
        let latest = match &self.latest[clause] {
            Some(previous) if previous.end > span.start => {
                previous.start..previous.end.max(span.end)
            }
            _ => span.clone(),
        };
        self.latest[clause] = Some(latest);
        if self.seen == self.wanted {
            // A compound's joined form comes before its parts and ends after the first.
            let latest = self.latest.iter().flatten();
            let first = latest.clone().map(|m| m.start).min().unwrap_or(span.start);
            // `shown_end` never decreases: the latest end's is the latest of them all.
            let last = shown_end(text, latest.map(|m| m.end).max().unwrap_or(span.end));
            if last - first <= EXCERPT_CHARS {
                // The excerpt starts at or before `first` and ends this far after it.
                self.stop_after = Some(first + byte_len_of_chars(&text[first..], EXCERPT_CHARS));
            }
        }
    }
}

/// Every match in `text`: its byte range and the clause it matches, in text order.
pub fn matches(text: &str, targets: &Targets) -> Vec<(Range<usize>, usize)> {
    scan(text, targets, None).matches
}

/// Byte ranges in `text` of the targets, merged where they overlap.
pub fn highlight(text: &str, targets: &Targets) -> Vec<Range<usize>> {
    merge(
        scan(text, targets, None)
            .matches
            .into_iter()
            .map(|(span, _)| span)
            .collect(),
    )
}

/// The window of about [`EXCERPT_CHARS`] characters of `body` holding the most distinct
/// matched terms (the earliest such window), cut at word boundaries with an ellipsis where
/// text was cut, and the byte ranges of the matches inside it. `held`: the clauses `body`
/// may hold ([`Clauses::ALL`] when not known); a clause it lacks is not looked for.
pub fn excerpt(body: &str, targets: &Targets, held: Clauses) -> (String, Vec<Range<usize>>) {
    excerpt_reading(body, targets, held).0
}

/// [`excerpt`], and how many bytes of `body` its scan analysed.
pub fn excerpt_reading(
    body: &str,
    targets: &Targets,
    held: Clauses,
) -> ((String, Vec<Range<usize>>), usize) {
    let scan = scan(body, targets, Some(held));
    (
        excerpt_of(body, &scan.matches, None, targets),
        scan.analysed,
    )
}

/// [`excerpt`] of a text whose [`TermPlaces`] are known: its matches are looked up there
/// rather than read (a phrase is still read), and the scan's early stop is replayed over
/// them, so the excerpt is the one [`excerpt`] gives.
pub fn excerpt_in(
    body: &str,
    places: &TermPlaces,
    targets: &Targets,
    held: Clauses,
) -> (String, Vec<Range<usize>>) {
    if !targets.phrases.is_empty() {
        return excerpt(body, targets, held);
    }
    let text = scanned(body);
    let mut early = EarlyStop::new(text, targets.clauses, Some(held));
    let mut matches = Vec::new();
    // A scan checks for its stop before each token, so a token's matches are all kept.
    let mut token = None;
    for (token_start, (span, clause)) in places.matches(targets) {
        if token != Some(token_start) && early.done(token_start) {
            break;
        }
        token = Some(token_start);
        early.matched(text, clause, &span);
        matches.push((span, clause));
    }
    excerpt_of(body, &matches, Some(places), targets)
}

/// What of `text` a scan reads: its first [`SCAN_BYTES`].
pub(crate) fn scanned(text: &str) -> &str {
    &text[..floor_char_boundary(text, SCAN_BYTES)]
}

/// The excerpt showing the best passage of `matches`, found in `body` (whose words are
/// looked up in `places` when they are known).
fn excerpt_of(
    body: &str,
    matches: &[(Range<usize>, usize)],
    places: Option<&TermPlaces>,
    targets: &Targets,
) -> (String, Vec<Range<usize>>) {
    let passage = best_passage(body, matches, targets.clauses);
    let mut words = WordsAround::new(body, places, passage.start);
    let (from, to) = window(body, &mut words, passage);
    shown(body, matches, from, to)
}

/// The text of `body` from `from` to `to`, with an ellipsis where text was cut, and the
/// ranges of the matches inside it.
fn shown(
    body: &str,
    matches: &[(Range<usize>, usize)],
    from: usize,
    to: usize,
) -> (String, Vec<Range<usize>>) {
    let mut text = String::new();
    if from > 0 {
        text.push_str(ELLIPSIS);
    }
    let shift = text.len();
    text.push_str(body[from..to].trim_end());
    let end_of_text = from + text.len() - shift;
    // Whitespace to the end is not more text (in a text short enough to look).
    let rest = &body[end_of_text..];
    if rest.len() > SCAN_BYTES || !rest.trim_end().is_empty() {
        text.push_str(ELLIPSIS);
    }
    let inside = matches
        .iter()
        .map(|(span, _)| span)
        .filter(|span| span.start >= from && span.end <= end_of_text)
        .map(|span| span.start - from + shift..span.end - from + shift);
    (text, merge(inside.collect()))
}

/// The bytes of the best window (the earliest of about [`EXCERPT_CHARS`] characters holding
/// the most distinct terms, each with the rest of its word: [`shown_end`]) from its first
/// match to the end of the first of each term in it, or `0..0` when nothing matched. A
/// sliding window over the matches counts the distinct terms in each.
fn best_passage(body: &str, matches: &[(Range<usize>, usize)], term_count: usize) -> Range<usize> {
    let span = |m: usize| &matches[m].0;
    let mut counts = vec![0u32; term_count];
    let (mut distinct, mut right) = (0, 0);
    let mut best = (0..0, 0);
    let mut window_end = CharsAfter::default();
    for left in 0..matches.len() {
        let start = span(left).start;
        let limit = window_end.end_from(body, start);
        right = right.max(left);
        while right < matches.len() && shown_end(body, span(right).end) <= limit {
            let term = matches[right].1;
            distinct += usize::from(counts[term] == 0);
            counts[term] += 1;
            right += 1;
        }
        if distinct > best.1 {
            // Where the window's last new term has been seen: later repeats may be cut.
            let mut seen = vec![false; term_count];
            let firsts = matches[left..right]
                .iter()
                .filter(|(_, term)| !std::mem::replace(&mut seen[*term], true));
            let end = firsts.map(|(span, _)| span.end).max();
            best = (start..end.unwrap_or(start), distinct);
        }
        if left < right {
            let term = matches[left].1;
            counts[term] -= 1;
            distinct -= usize::from(counts[term] == 0);
        }
    }
    best.0
}

/// Where the first [`EXCERPT_CHARS`] characters from a start end, for starts in text order
/// (as matches come): the characters between one start and the next are counted off, and as
/// many counted on.
#[derive(Default)]
struct CharsAfter {
    start: usize,
    end: usize,
    /// The characters from `start` to `end`, while `end` is short of the text's end (where
    /// no more are counted): [`EXCERPT_CHARS`].
    chars: usize,
}

impl CharsAfter {
    /// The end of the first [`EXCERPT_CHARS`] characters of `text` from `start`.
    fn end_from(&mut self, text: &str, start: usize) -> usize {
        if start < self.start || start >= self.end {
            (self.end, self.chars) = (start, 0);
        } else if self.end < text.len() {
            self.chars -= text[self.start..start].chars().count();
        }
        self.start = start;
        if self.end < text.len() {
            self.end += byte_len_of_chars(&text[self.end..], EXCERPT_CHARS - self.chars);
            self.chars = EXCERPT_CHARS;
        }
        self.end
    }
}

/// The excerpt's byte range: from a few words before the passage (not crossing a sentence
/// end, nor so far back that its end is cut) to a word boundary about [`EXCERPT_CHARS`]
/// characters later.
fn window(body: &str, words: &mut impl Words, passage: Range<usize>) -> (usize, usize) {
    let start = passage.start;
    // The excerpt ends at a word's end: the passage's, when it ends inside a word.
    let end = match passage.end.checked_sub(1) {
        Some(inside) => words
            .holding(inside)
            .iter()
            .filter(|(span, _)| span.end >= passage.end)
            .map(|(span, _)| span.end)
            .min()
            .unwrap_or(passage.end),
        None => passage.end,
    };
    let shows_passage = |from: usize| end <= from + byte_len_of_chars(&body[from..], EXCERPT_CHARS);
    let before = words.before(start);
    let mut from = start;
    let context = before
        .iter()
        .rev()
        .filter(|(span, role)| {
            !matches!(role, CompoundRole::Part | CompoundRole::Tail) && span.end <= start
        })
        .take(CONTEXT_WORDS);
    for (span, _) in context {
        // Bigrams of unspaced text overlap the word after them.
        if span.end <= from && ends_sentence(&body[span.end..from])
            || start - span.start > CONTEXT_BYTES
            || !shows_passage(span.start)
        {
            break;
        }
        from = from.min(span.start);
    }
    // An elided article written onto the first word shown is shown with it (`L'école`).
    let elided = elision_start(body, from);
    if shows_passage(elided) {
        from = elided;
    }
    // Only marks before the first word (a bracket, a quote, a list's dash) are shown too.
    let marks_only = before.first().is_none_or(|(span, _)| span.start >= from);
    if marks_only && from <= CONTEXT_BYTES && shows_passage(0) {
        from = 0;
    }
    let limit = from + byte_len_of_chars(&body[from..], EXCERPT_CHARS);
    if limit >= body.len() {
        return (from, body.len());
    }
    let to = words.last_end(from, limit).unwrap_or(limit);
    (from, extend_punctuation(body, to))
}

/// Whether `gap`, the text between two words, ends a sentence: a full stop followed by a
/// space (after a closing quote or bracket, if any: `"stop." Next`), a `!`, a `?` or a new
/// line. A dot between digits or letters (`3.12`, `12.03.2024`, `e.g`) does not.
fn ends_sentence(gap: &str) -> bool {
    gap.contains(['!', '?', '\n'])
        || gap.match_indices('.').any(|(at, _)| {
            gap[at + 1..]
                .trim_start_matches(['"', '\'', '\u{201D}', '\u{2019}', '\u{BB}', ')', ']'])
                .starts_with(char::is_whitespace)
        })
}

/// Where the word at `from` starts with an elided article or preposition written onto it
/// (`l'`, `dell'`, `qu’`, as [`is_elision`] reads them), else `from`.
fn elision_start(body: &str, from: usize) -> usize {
    let Some(apostrophe) = body[..from]
        .chars()
        .next_back()
        .filter(|&c| c == '\'' || c == '\u{2019}')
    else {
        return from;
    };
    let before = &body[..from - apostrophe.len_utf8()];
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(before.len(), |(at, _)| at);
    if start < before.len() && is_elision(&before[start..], &body[from..]) {
        start
    } else {
        from
    }
}

/// Includes punctuation right after the last word (a full stop, a closing quote, `?!`): at
/// most [`PUNCTUATION_CHARS`] characters, up to a space, a word or the text's end.
fn extend_punctuation(body: &str, to: usize) -> usize {
    let rest = &body[to..];
    let mut marks = rest.char_indices().take(PUNCTUATION_CHARS + 1);
    match marks.find(|(_, c)| c.is_whitespace() || c.is_alphanumeric()) {
        Some((i, _)) => to + i,
        None if rest.chars().nth(PUNCTUATION_CHARS).is_none() => body.len(),
        None => to,
    }
}

/// Where an excerpt showing a match ending at `end` may end: past the rest of its word when
/// the match ends inside one (`Trade` of `getTradeSummit`), since an excerpt ends at a
/// word's end ([`window`]). Only ASCII words are followed; a match ends where its token
/// does elsewhere.
fn shown_end(text: &str, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = end;
    if at > 0 && bytes[at - 1].is_ascii_alphanumeric() {
        while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
            at += 1;
        }
    }
    at
}

/// The byte length of the first `chars` characters of `text` (all of it when shorter).
fn byte_len_of_chars(text: &str, chars: usize) -> usize {
    // Most text is ASCII, a byte per character: checked a word at a time.
    let ascii = &text.as_bytes()[..text.len().min(chars)];
    if ascii.is_ascii() {
        return ascii.len();
    }
    // Else eight bytes at a time while they hold no more than the characters left, then a
    // byte at a time: each byte but a continuation byte (`10xxxxxx`) starts one.
    let bytes = text.as_bytes();
    let mut started = 0;
    let mut at = 0;
    for block in bytes.chunks_exact(8) {
        let word = u64::from_le_bytes(block.try_into().unwrap_or_default());
        let continuations = (word & !(word << 1) & 0x8080_8080_8080_8080).count_ones() as usize;
        if started + 8 - continuations > chars {
            break;
        }
        started += 8 - continuations;
        at += 8;
    }
    while at < bytes.len() {
        if !is_continuation(bytes[at]) {
            if started == chars {
                return at;
            }
            started += 1;
        }
        at += 1;
    }
    bytes.len()
}

/// Whether `byte` continues a UTF-8 character rather than starting one.
fn is_continuation(byte: u8) -> bool {
    byte & 0xc0 == 0x80
}

fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    sort_by(&mut ranges, |a, b| {
        a.start.cmp(&b.start).then(b.end.cmp(&a.end))
    });
    let mut merged: Vec<Range<usize>> = Vec::new();
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text's first characters measure as many bytes as `char_indices` counts, in ASCII,
    /// in every width of UTF-8 (a long text's eight bytes at a time too) and past the
    /// text's end.
    #[test]
    fn the_first_characters_measure_their_bytes() {
        let long = "naïve “quoted” 中文字 𝔘𝔫𝔦 and plain words ".repeat(4);
        for text in [
            "",
            "plain",
            "naïve café",
            "“quoted” — dash",
            "中文字 and 한국어",
            "𝔘𝔫𝔦 x",
            &long,
        ] {
            for chars in 0..=text.chars().count() + 1 {
                let expected = text
                    .char_indices()
                    .nth(chars)
                    .map_or(text.len(), |(i, _)| i);
                assert_eq!(
                    byte_len_of_chars(text, chars),
                    expected,
                    "{chars} of {text:?}"
                );
            }
        }
    }

    /// The end of an excerpt's characters from each start, counted on from the start
    /// before, is where they end counted from the start itself: for starts a character
    /// apart, far apart, repeated, near the text's end and, out of order, counted afresh.
    #[test]
    fn characters_counted_on_from_start_to_start_end_where_counted_afresh() {
        let text = "naïve “quoted” 中文字 𝔘𝔫𝔦 and plain words ".repeat(12);
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let mut starts: Vec<usize> = boundaries.iter().step_by(3).copied().collect();
        starts.extend([boundaries[7], boundaries[7], 0, text.len()]);
        starts.extend(boundaries.iter().rev().take(5).rev());
        let mut after = CharsAfter::default();
        for start in starts {
            let expected = start + byte_len_of_chars(&text[start..], EXCERPT_CHARS);
            assert_eq!(after.end_from(&text, start), expected, "from {start}");
        }
    }

    /// Phrases are found as the words go by, each time all their words stand in a row.
    #[test]
    fn phrases_are_found_wherever_their_words_stand_in_a_row() {
        let targets = Targets::new(
            Vec::new(),
            vec![(vec!["the", "the"], 0), (vec!["high", "level", "api"], 1)],
            2,
        );
        let text = "the the the. A high-level API, high level api; high api";
        let found: Vec<&str> = matches(text, &targets)
            .into_iter()
            .map(|(span, _)| &text[span])
            .collect();
        assert_eq!(
            found,
            ["the the", "the the", "high-level API", "high level api"]
        );
    }

    /// Text past the first [`SCAN_BYTES`] is not read: a page's excerpt costs the same
    /// whatever its length.
    #[test]
    fn only_the_start_of_a_long_text_is_read() {
        let targets = Targets::new(vec![("needle", 0)], Vec::new(), 1);
        let early = format!("{} needle {}", "hay ".repeat(100), "hay ".repeat(100_000));
        assert_eq!(matches(&early, &targets).len(), 1);
        let late = format!("{}needle", "hay ".repeat(SCAN_BYTES / 4));
        assert!(matches(&late, &targets).is_empty());
        let (text, found) = excerpt(&late, &targets, Clauses::ALL);
        assert!(text.starts_with("hay hay") && text.ends_with('…'), "{text}");
        assert!(found.is_empty());
    }

    /// Stopping the scan early, and starting it where a target may first begin, never
    /// change the excerpt a whole scan gives (within [`PASSAGE_BYTES`] of the first match, as
    /// every text here is), whether the clauses the text holds are known or not.
    #[test]
    fn early_stop_late_start_and_known_places_give_the_whole_scan_excerpt() {
        // Text words as written (capitals, compounds, marked letters, accents) and the
        // terms they make, which the targets are drawn from.
        let words = [
            "kremlin",
            "Talks",
            "beijing's",
            "trade",
            "the",
            "a",
            "of",
            "TradeSummit",
            "xi",
            "E[x]tract",
            "e-xtract",
            "über",
            "xi.trade",
            "summit",
            "trade-talks",
            "ÜberTrade",
            "北京 大学",
            "한국어를",
        ];
        let terms = [
            "kremlin",
            "talks",
            "beijing",
            "trade",
            "summit",
            "extract",
            "uber",
            "tradetalks",
            "tradesummit",
            "北京",
            "大学",
            "한국",
        ];
        // Words that make none of the terms; now and then one beginning as a term does, or
        // text other than ASCII.
        let fillers = [
            "hay",
            "The",
            "a",
            "of-the",
            "hay_stack",
            "GetHay",
            "[x]",
            "2024",
            "(hay)",
            "hay's",
            "O'Hay",
            "x",
        ];
        let near_fillers = ["Kreml", "Sum", "e", "naïve", "E[y]tra", "uberX", "—"];
        // Separators, now and then a long gap or a rule, which a passage may not cross.
        let gap = " ".repeat(EXCERPT_CHARS + 40);
        let rule = format!("\n{}\n", "=".repeat(EXCERPT_CHARS / 2));
        let short = [" ", " ", " ", ". ", ".\n", ", ", ".", "! ", "\t", "  "];
        let separator = |n: usize| match n {
            0 => gap.as_str(),
            1 => rule.as_str(),
            n => short[n % short.len()],
        };
        let mut draw = crate::testing::below(0x9e37_79b9_u32);
        let mut next = move |n: usize| draw(n as u32) as usize;
        for _ in 0..4000 {
            let mut body = String::new();
            // Within PASSAGE_BYTES. Stretches of fillers,
            // which a scan may skip, first and between the words.
            let mut stretch = if next(2) == 0 { next(120) } else { 0 };
            for _ in 0..next(180) {
                if body.len() > PASSAGE_BYTES / 2 {
                    break;
                }
                for _ in 0..stretch {
                    body.push_str(match next(8) {
                        0 => near_fillers[next(near_fillers.len())],
                        _ => fillers[next(fillers.len())],
                    });
                    body.push_str(separator(next(40)));
                }
                stretch = if next(8) == 0 { next(30) } else { 0 };
                body.push_str(words[next(words.len())]);
                body.push_str(separator(next(40)));
            }
            let clauses = 1 + next(3);
            // Now and then a clause has two terms, as a word's completions do.
            let mut chosen = Vec::new();
            for clause in 0..clauses {
                for _ in 0..1 + usize::from(next(3) == 0) {
                    chosen.push((terms[next(terms.len())], clause));
                }
            }
            // Now and then a phrase of two or three words is a clause of its own.
            let phrases = match next(3) {
                0 => Vec::new(),
                n => vec![((0..=n).map(|_| terms[next(4)]).collect(), clauses)],
            };
            let clauses = clauses + usize::from(!phrases.is_empty());
            let targets = Targets::new(chosen, phrases, clauses);
            let whole = read(&body, &targets, None, false).matches;
            let places = TermPlaces::of(&body);
            if targets.phrases.is_empty() {
                let placed = places.matches(&targets).into_iter();
                let placed: Vec<_> = placed.map(|(_, found)| found).collect();
                assert_eq!(placed, whole, "{targets:?} in {body:?}");
            }
            let held = whole
                .iter()
                .fold(Clauses::default(), |held, (_, clause)| held.with(*clause));
            let whole = whole_scan_excerpt(&body, &whole, &targets);
            for held in [held, Clauses::ALL] {
                let early = read(&body, &targets, Some(held), false).matches;
                let early = excerpt_of(&body, &early, None, &targets);
                assert_eq!(early, whole, "{targets:?} holding {held:?} in {body:?}");
                let skipping = excerpt(&body, &targets, held);
                assert_eq!(skipping, whole, "{targets:?} holding {held:?} in {body:?}");
                let placed = excerpt_in(&body, &places, &targets, held);
                assert_eq!(placed, whole, "{targets:?} holding {held:?} in {body:?}");
            }
        }
    }

    /// The excerpt of `matches` with every word of `body` at hand.
    fn whole_scan_excerpt(
        body: &str,
        matches: &[(Range<usize>, usize)],
        targets: &Targets,
    ) -> (String, Vec<Range<usize>>) {
        let mut words = Vec::new();
        let read = scanned(body);
        crate::analysis::analyze(read, |token| words.push((token.span, token.role)));
        let passage = best_passage(body, matches, targets.clauses);
        let (from, to) = window(body, &mut AllWords(words), passage);
        shown(body, matches, from, to)
    }

    /// Every word of a text, each looked at.
    struct AllWords(Vec<Word>);

    impl Words for AllWords {
        fn before(&mut self, start: usize) -> Vec<Word> {
            let first = self.0.iter().position(|(span, _)| span.start >= start);
            self.0[..first.unwrap_or(self.0.len())].to_vec()
        }

        fn holding(&mut self, at: usize) -> Vec<Word> {
            let holds = |(span, _): &&Word| span.start <= at && at < span.end;
            self.0.iter().filter(holds).cloned().collect()
        }

        fn last_end(&mut self, from: usize, limit: usize) -> Option<usize> {
            let within = |(span, _): &&Word| span.start >= from && span.end <= limit;
            self.0.iter().filter(within).map(|(span, _)| span.end).max()
        }
    }

    /// Ideographs on either side of a space make one run (`北京 大学` reads as `北京大学`), so
    /// a word may span the space: a passage ending in one is cut where a whole scan cuts it,
    /// wherever it falls against the excerpt's length.
    #[test]
    fn a_word_across_a_space_ends_the_passage_as_in_a_whole_scan() {
        let mut targets = Vec::new();
        crate::analysis::analyze("北京 大学", |token| {
            if &"北京 大学"[token.span.clone()] == "京 大" {
                targets.push(token.term.to_string());
            }
        });
        assert_eq!(targets.len(), 1, "no word spans the space");
        let targets = Targets::new(vec![("alpha", 0), (targets[0].as_str(), 1)], Vec::new(), 2);
        for filler in 60..90 {
            let body = format!("one alpha {}北京 大学 tail and more", "b ".repeat(filler));
            let found = read(&body, &targets, None, false).matches;
            let whole = whole_scan_excerpt(&body, &found, &targets);
            assert_eq!(excerpt(&body, &targets, Clauses::ALL), whole, "{body:?}");
        }
    }

    /// A scan for matches skips to the text holding the next place a target may begin, and
    /// stops where none can; an excerpt reads a few words before its passage.
    #[test]
    fn a_scan_skips_to_where_a_target_may_begin() {
        let targets = Targets::new(vec![("needle", 0)], Vec::new(), 1);
        let hay = |words: usize| "hay ".repeat(words);
        let body = format!("{}(needle", hay(1000));
        assert_eq!(next_from(&body, 0, &targets), Next::Skip(4000));
        assert_eq!(next_from(&body, 3996, &targets), Next::Skip(4000));
        assert_eq!(next_from(&body, 4000, &targets), Next::ReadTo(4001));
        assert_eq!(next_from(&body, 4001, &targets), Next::ReadTo(4001));
        assert_eq!(next_from(&body, 4002, &targets), Next::Stop);
        assert_eq!(context_start(&body, 4001), 4 * (1000 - WORDS_BEFORE));
        // A word beginning as a target does, or text other than ASCII, may be one.
        let body = format!("{}nee {}", hay(100), hay(100));
        assert_eq!(next_from(&body, 0, &targets), Next::Skip(400));
        let body = format!("{}hÄy {}needle {}needle", hay(50), hay(100), hay(100));
        assert_eq!(next_from(&body, 0, &targets), Next::Skip(200));
        assert_eq!(context_start(&body, 2), 0);
        let found = matches(&body, &targets);
        assert_eq!(found.len(), 2, "{found:?}");
        let (text, found) = excerpt(&body, &targets, Clauses::ALL);
        assert!(text.starts_with("…hay hay hay hay needle hay"), "{text}");
        assert_eq!(found.len(), 1);
        // The words read after a skip are not next to those before it.
        let phrase = Targets::new(Vec::new(), vec![(vec!["trade", "summit"], 0)], 1);
        for before in 0..3 {
            let body = format!("{}trade {}summit", hay(before), hay(1000));
            assert_eq!(matches(&body, &phrase), []);
        }
    }

    #[test]
    fn eight_bytes_at_a_time_find_where_a_target_may_begin_as_one_at_a_time() {
        let pieces = [
            "a", "z", "A", "Z", "m", "0", "9", "@", "[", "`", "{", "/", "P", " ", "\n", "-", "_",
            "é", "É", "—", "日", "\u{10}", "\u{7f}", "ab", "Ab", "aB", "zz", "Ch", "ch", "pa",
        ];
        let terms = [
            "ab", "a", "zz", "china", "pa", "9x", "0", "b", "é", "_x", "mz", "[y",
        ];
        let mut draw = crate::testing::below(0x5eed_1234);
        let mut next = move |n: usize| draw(n as u32) as usize;
        for _ in 0..3000 {
            let text: String = (0..next(40)).map(|_| pieces[next(pieces.len())]).collect();
            let chosen: Vec<&str> = (0..1 + next(4)).map(|_| terms[next(terms.len())]).collect();
            let filter = StartFilter::new(chosen.iter().copied());
            for from in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                let rest = &text[from..];
                assert_eq!(
                    filter.first_possible(rest),
                    filter.first_possible_from(rest.as_bytes(), 0),
                    "{chosen:?} in {rest:?}"
                );
            }
        }
    }

    /// The words before a match stay shown when the text after it is all spaces or marks,
    /// and a part after a capital that has no lower case is found.
    #[test]
    fn a_passage_keeps_its_words_before_a_long_gap_and_its_odd_capitals() {
        let targets = Targets::new(vec![("needle", 0), ("zzz", 1)], Vec::new(), 2);
        for gap in [" ".repeat(200), "=".repeat(200)] {
            let body = format!("one two three four getNeedle{gap} hay");
            let (text, found) = excerpt(&body, &targets, Clauses::ALL);
            assert!(text.starts_with("one two three four getNeedle"), "{text}");
            assert_eq!(found, vec![22..28]);
        }
        let targets = Targets::new(vec![("hay", 0)], Vec::new(), 1);
        let body = "see Hay\u{1D400}bc here";
        assert_eq!(matches(body, &targets), [(4..7, 0)]);
    }

    /// A compound's joined form ends after its first part: a passage holding both is no
    /// shorter for being read part after part.
    #[test]
    fn a_passage_ends_where_its_last_match_does() {
        // `trade` ends within an excerpt of `alpha`, `trade-talks` does not: whether the
        // compound and its part are clauses of their own or one (a word's completions are).
        let body = format!("alpha {}trade-talks; alpha trade-talks", "hay ".repeat(37));
        for (part_clause, clauses) in [(2, 3), (1, 2)] {
            let targets = Targets::new(
                vec![("alpha", 0), ("tradetalks", 1), ("trade", part_clause)],
                Vec::new(),
                clauses,
            );
            let found = read(&body, &targets, None, false).matches;
            let whole = whole_scan_excerpt(&body, &found, &targets);
            assert!(whole.0.contains("alpha trade-talks"), "{whole:?}");
            assert_eq!(excerpt(&body, &targets, Clauses::ALL), whole);
        }
    }

    /// A compound's joined form and its part begin together: a phrase's matches, sorted in
    /// with the words', keep them in the order they were read, so a phrase that never
    /// matches changes nothing.
    #[test]
    fn a_phrase_never_seen_leaves_the_excerpt_as_it_was() {
        let long = format!("trade{}", "x".repeat(170));
        let body = format!("alpha trade-{} alpha trade", "x".repeat(170));
        // The compound in its part's clause (a word's completions), or in one of its own.
        for clauses in [2, 3] {
            let words = vec![("alpha", 0), ("trade", 1), (long.as_str(), clauses - 1)];
            let held = (0..clauses).fold(Clauses::default(), Clauses::with);
            let without = Targets::new(words.clone(), Vec::new(), clauses);
            let phrase = vec![(vec!["never", "seen"], clauses)];
            let with = Targets::new(words, phrase, clauses + 1);
            assert_eq!(excerpt(&body, &with, held), excerpt(&body, &without, held));
        }
    }

    /// An excerpt shows its passage even after a very long word, and keeps a few marks
    /// after its last word, not a long rule of them.
    #[test]
    fn an_excerpt_keeps_its_passage_and_its_length() {
        let targets = Targets::new(vec![("needle", 0)], Vec::new(), 1);
        let body = format!("{} needle and more", "long".repeat(50));
        let (text, found) = excerpt(&body, &targets, Clauses::ALL);
        assert_eq!(text, "…needle and more");
        assert_eq!(found, vec![3..9]);
        // The last word that fits ends 158 bytes in.
        let hay = "hay ".repeat(37);
        let rule = "=".repeat(100);
        let cases = [
            (" more", "?!", "hay?!…"),
            (" more", &rule, "hay…"),
            ("", "?!?!", "hay?!?!"),
            ("", &rule, "hay…"),
        ];
        for (after, marks, end) in cases {
            let body = format!("needle {hay}hay{marks}{after}");
            let (text, _) = excerpt(&body, &targets, Clauses::ALL);
            assert!(text.ends_with(end), "{text}");
        }
    }

    /// Words of context, or marks before a text's first word, are shown before a passage
    /// only as far back as still shows all of it: its last match is never cut off.
    #[test]
    fn context_before_a_passage_never_cuts_its_end() {
        let targets = Targets::new(vec![("alpha", 0), ("beta", 1)], Vec::new(), 2);
        let hay = "hay ".repeat(36);
        let cases = [
            format!("Some context words here alpha {hay}beta tail tail"),
            format!("{} alpha {hay}beta tail", "=".repeat(30)),
        ];
        for body in cases {
            let (text, found) = excerpt(&body, &targets, Clauses::ALL);
            assert!(text.contains("alpha") && text.contains("beta"), "{text}");
            assert_eq!(found.len(), 2, "{text}");
            assert_eq!(&text[found[1].clone()], "beta");
        }
        // Nor the word a match ends inside: an excerpt ends at a word's end.
        let camel = Targets::new(vec![("alpha", 0), ("trade", 1)], Vec::new(), 2);
        let body = format!(
            "one two three four alpha {}getTradeSummit tail",
            "hay ".repeat(31)
        );
        let (text, found) = excerpt(&body, &camel, Clauses::ALL);
        assert_eq!(found.len(), 2, "{text}");
        assert_eq!(&text[found[1].clone()], "Trade");
        // The context a passage has room for is still shown.
        let body = format!("Some context words here alpha {}beta", "hay ".repeat(20));
        let (text, _) = excerpt(&body, &targets, Clauses::ALL);
        assert!(text.starts_with("Some context words here alpha"), "{text}");
    }

    /// The words before a passage stop at a sentence's end, not at a dot inside a number or
    /// a date; an elided article stays on its word.
    #[test]
    fn context_stops_at_a_sentence_s_end_only() {
        let hay = "hay ".repeat(40);
        let adds = Targets::new(vec![("adds", 0)], Vec::new(), 1);
        let (text, _) = excerpt(
            &format!("{hay}on 12.03.2024 Python 3.12 adds a parser."),
            &adds,
            Clauses::ALL,
        );
        assert!(
            text.contains("3.12 adds") && !text.contains("…12"),
            "{text}"
        );
        let (text, _) = excerpt(
            &format!("{hay}the end. Python adds a parser."),
            &adds,
            Clauses::ALL,
        );
        assert!(
            text.starts_with("…Python adds") || text.starts_with("Python adds"),
            "{text}"
        );
        let ecole = Targets::new(vec![("ecole", 0)], Vec::new(), 1);
        let (text, found) = excerpt(
            &format!("{hay}fin. L'école est fermée."),
            &ecole,
            Clauses::ALL,
        );
        assert!(text.contains("L'école est"), "{text}");
        assert_eq!(&text[found[0].clone()], "école");
        // A sentence ends after a closing quote or bracket too.
        for close in ["\"", "\u{201D}", ")"] {
            let body = format!("{hay}He said \"stop.{close} Python adds a parser.");
            let (text, _) = excerpt(&body, &adds, Clauses::ALL);
            assert!(text.starts_with("…Python adds"), "{text}");
        }
        // Letters before an apostrophe that are no elided article stay out, and the match
        // after the passage stays in.
        let parser = Targets::new(vec![("adds", 0), ("parser", 1)], Vec::new(), 2);
        let korean = "한국".repeat(200);
        for before in ["这是一个函数叫做", korean.as_str()] {
            let body = format!("{hay}{before}'adds {}parser", "word ".repeat(20));
            let (text, found) = excerpt(&body, &parser, Clauses::ALL);
            assert_eq!(found.len(), 2, "{text}");
            assert!(!text.contains('这') && !text.contains('한'), "{text}");
        }
    }

    /// A window is credited only with the matches it can show: a `camelCase` part whose word
    /// runs past the window's end does not count, so a later window showing every clause wins.
    #[test]
    fn a_part_whose_word_runs_past_the_window_is_not_counted_in_it() {
        let targets = Targets::new(vec![("alpha", 0), ("trade", 1)], Vec::new(), 2);
        let body = format!(
            "alpha {}getTradeSummitExtraLongName tail. alpha trade",
            "hay ".repeat(36)
        );
        for held in [Clauses::ALL, Clauses::default().with(0).with(1)] {
            let (text, found) = excerpt(&body, &targets, held);
            let shown: Vec<&str> = found.iter().map(|r| &text[r.clone()]).collect();
            assert!(
                shown.contains(&"alpha") && shown.contains(&"trade"),
                "{text}"
            );
        }
    }

    /// Every clause of the best passage is shown in the excerpt, over texts of every word
    /// shape: plain, camelCase, hyphenated, accented, quoted, Chinese and Korean; and its
    /// bounds are the same found among the words read or among the text's term places.
    #[test]
    fn every_clause_of_the_passage_is_shown() {
        let words = [
            "kremlin",
            "talks",
            "Beijing",
            "trade",
            "getTradeSummit",
            "TradeTalks",
            "trade-talks",
            "summit",
            "über",
            "naïve",
            "“quoted”",
            "—",
            "hay",
            "hay",
            "hay",
            "of-the",
            "a",
            "xi.trade",
            "東京都",
            "北京",
            "大xi",
            "한국어를",
            "(trade)",
            "Summit's",
            "veryLongCamelCaseIdentifierWithTradeInsideAndMoreStuffAfterIt",
        ];
        let terms = [
            "kremlin", "talks", "beijing", "trade", "summit", "uber", "東京", "국어",
        ];
        let separators = [" ", " ", ". ", ", ", "\n", "  ", " = "];
        let mut draw = crate::testing::below(0x0bad_cafe);
        let mut next = move |n: usize| draw(n as u32) as usize;
        for _ in 0..5000 {
            let mut body = "=".repeat(next(4) / 3 * next(100));
            for _ in 0..next(90) {
                body.push_str(words[next(words.len())]);
                body.push_str(separators[next(separators.len())]);
            }
            let clauses = 1 + next(3);
            let chosen = (0..clauses).map(|clause| (terms[next(terms.len())], clause));
            let targets = Targets::new(chosen.collect(), Vec::new(), clauses);
            let found = matches(&body, &targets);
            let passage = best_passage(&body, &found, clauses);
            let mut words = WordsAround::new(&body, None, passage.start);
            let (from, to) = window(&body, &mut words, passage.clone());
            let places = TermPlaces::of(&body);
            let mut placed = WordsAround::new(&body, Some(&places), passage.start);
            let bounds = window(&body, &mut placed, passage.clone());
            assert_eq!(bounds, (from, to), "words of the places in {body:?}");
            let clauses_within = |range: Range<usize>| {
                let within = found
                    .iter()
                    .filter(|(s, _)| range.start <= s.start && s.end <= range.end);
                within.map(|(_, clause)| *clause).collect::<Vec<_>>()
            };
            let shown = clauses_within(from..to);
            assert!(
                clauses_within(passage.clone())
                    .iter()
                    .all(|c| shown.contains(c)),
                "{passage:?} of {body:?}: {:?}",
                &body[from..to]
            );
        }
    }

    /// Marks before a text's first word are shown with it when they are few: a long rule of
    /// them is cut, not the match.
    #[test]
    fn a_long_run_of_marks_before_the_first_word_is_cut() {
        let targets = Targets::new(vec![("needle", 0)], Vec::new(), 1);
        let (text, found) = excerpt("— “needle” and more", &targets, Clauses::ALL);
        assert_eq!(text, "— “needle” and more");
        assert_eq!(found, vec![7..13]);
        // Whether or not the rule and the passage would fit in an excerpt.
        for rule in [120, 200] {
            let body = format!("{} needle and more", "=".repeat(rule));
            let (text, found) = excerpt(&body, &targets, Clauses::ALL);
            assert_eq!(text, "…needle and more");
            assert_eq!(found, vec![3..9]);
        }
    }

    /// A passage showing more clauses is looked for only [`PASSAGE_BYTES`] past the first
    /// match: a page whose words stand far apart costs no more than a short one.
    #[test]
    fn a_better_passage_is_looked_for_only_so_far_past_the_first_match() {
        let targets = Targets::new(vec![("alpha", 0), ("beta", 1)], Vec::new(), 2);
        for (gap, shown) in [(PASSAGE_BYTES / 2, 2), (PASSAGE_BYTES * 2, 1)] {
            let body = format!("alpha {}alpha beta", "hay ".repeat(gap / 4));
            let (text, found) = excerpt(&body, &targets, Clauses::ALL);
            assert_eq!(found.len(), shown, "{gap}: {text}");
        }
    }

    /// Term places hold what a scan reads of a long text, no more: a match past
    /// [`SCAN_BYTES`] is not shown either way, one before it is.
    #[test]
    fn the_places_of_a_long_text_are_what_a_scan_reads() {
        let targets = Targets::new(vec![("needle", 0), ("thread", 1)], Vec::new(), 2);
        let hay = "hay ".repeat(SCAN_BYTES / 4);
        for body in [
            format!("{hay}needle thread"),
            format!("needle {hay}thread"),
            format!("{}thread {hay}needle", "hay ".repeat(500)),
        ] {
            let places = TermPlaces::of(&body);
            for held in [Clauses::ALL, Clauses::default().with(0)] {
                let scanned = excerpt(&body, &targets, held);
                assert_eq!(excerpt_in(&body, &places, &targets, held), scanned);
            }
        }
    }

    /// A text known to hold none of the clauses (its page matched by its title) shows its
    /// start, and only that is read: a match further on is not looked for.
    #[test]
    fn a_text_holding_no_clause_shows_its_start_unread() {
        let targets = Targets::new(vec![("needle", 0)], Vec::new(), 1);
        let body = format!("{}needle", "hay ".repeat(100));
        // Read, the needle would be found.
        assert_eq!(scan(&body, &targets, Some(Clauses::default())).matches, []);
        assert_eq!(scan(&body, &targets, Some(Clauses::ALL)).matches.len(), 1);
        let start = excerpt(&body, &targets, Clauses::default());
        assert!(start.0.starts_with("hay hay") && start.1.is_empty());
        // Held, the needle is found and shown.
        let (text, found) = excerpt(&body, &targets, Clauses::default().with(0));
        assert_eq!(found.len(), 1, "{text}");
    }

    /// With many targets (a short prefix completes to hundreds of terms) every word of the
    /// text that is one of them is found, and no other.
    #[test]
    fn every_target_word_is_found_among_many() {
        let terms: Vec<String> = (0..2000).map(|n| format!("w{}", n * 7)).collect();
        let chosen: Vec<(&str, usize)> = terms
            .iter()
            .enumerate()
            .filter(|(n, _)| n % 3 == 0)
            .map(|(n, t)| (t.as_str(), n % 2))
            .collect();
        let targets = Targets::new(chosen.clone(), Vec::new(), 2);
        let text = terms.join(" ");
        let found: Vec<(&str, usize)> = matches(&text, &targets)
            .into_iter()
            .map(|(span, clause)| (&text[span], clause))
            .collect();
        assert_eq!(found, chosen);
    }

    /// The parts of `camelCase` words are found, in ASCII words (read without splitting
    /// them first) and in others alike.
    #[test]
    fn camel_case_parts_are_found_in_any_script() {
        let targets = Targets::new(
            vec![("element", 0), ("html", 1), ("class", 2)],
            Vec::new(),
            3,
        );
        let text = "Use getElementById, an HTMLParser, a ÜberClass; not elements or classy.";
        let found: Vec<&str> = matches(text, &targets)
            .into_iter()
            .map(|(span, _)| &text[span])
            .collect();
        assert_eq!(found, ["Element", "HTML", "Class"]);
    }
}

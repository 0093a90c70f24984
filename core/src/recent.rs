//! What the last search worked out, kept for the next: a visitor's keystrokes repeat the
//! words before the one being typed, so each word's expansions (its completions and near
//! spellings, found in the dictionary) and its scored documents (decoded from its postings)
//! are looked up from the search before rather than worked out again, and so is what a hit
//! shows (its excerpt, highlights and sections) while the terms highlighted stay the same.
//! Only the atoms of the last search and of the one under way are kept (at most
//! [`KEPT_ATOMS`] each), with their pages' first [`KEPT_HITS`] hits, so memory stays about what
//! two searches need. Apart from them, the term places ([`TermPlaces`]) of texts scanned
//! again and again are kept within [`PLACES_BYTES`], so that an excerpt of a page shown at
//! keystroke after keystroke looks its matches up.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::document_set::DocumentSet;
use crate::excerpt::Clauses;
use crate::matching::{AtomScores, Expansion};
use crate::pieces::Needs;
use crate::places::TermPlaces;
use crate::query::{Atom, Field};
use crate::ranking::Weights;
use crate::search::Shown;

/// The atoms of the last search and of the one under way, with what was worked out for them.
#[derive(Default)]
pub(crate) struct Recent {
    /// Behind a lock so that an index stays shareable between threads; searches that
    /// interleave only see each other's work, which is right for them all the same.
    kept: Mutex<Kept>,
}

/// Atoms beyond which the search under way's are dropped at its next attempt: attempts that
/// keep naming pieces to fetch (offline, say) would otherwise add some at every keystroke.
const KEPT_ATOMS: usize = 64;

/// The hits of a page whose text is kept for the next search, at most: a page shown holds
/// ten or so, and a list of a thousand hits keeps its first ones only, so that a lookup,
/// which reads the kept entries in turn, stays short.
pub(crate) const KEPT_HITS: usize = 50;

/// Bytes of term places kept, at most: those of a few dozen pages of a few kilobytes.
const PLACES_BYTES: usize = 1 << 20;

/// Pages whose term places are kept, at most: each look-up reads the list.
const MOST_PLACES: usize = 128;

/// The longest text whose term places are read: reading them costs what a scan of the whole
/// text does.
const PLACED_TEXT_BYTES: usize = 16 * 1024;

/// Pages whose scans are counted, at most.
const SCANNED: usize = 128;

/// The two searches' atoms, where the one under way stands, and pages' term places.
#[derive(Default)]
struct Kept {
    /// Pages' term places, the last used last.
    places: Vec<(u32, Arc<TermPlaces>)>,
    /// Pages scanned lately, the last last, each with the bytes its scans analysed.
    scanned: Vec<(u32, usize)>,
    /// The last complete search's.
    last: Entries,
    /// The search under way's, also through the attempts that named pieces to fetch.
    current: Entries,
    /// Whether the search under way has answered: the next one starts afresh.
    answered: bool,
}

/// What some atoms were worked out to, each under the settings that decide it.
#[derive(Default)]
struct Entries {
    expansions: Vec<(ExpansionKey, Vec<Expansion>)>,
    scores: Vec<(ScoreKey, Arc<AtomScores>)>,
    shown: Vec<(ShownKey, Arc<Shown>)>,
}

/// What decides an atom's expansions: the atom, whether the last word is being typed,
/// whether near spellings count, and the weights of each kind of expansion.
#[derive(PartialEq)]
pub(crate) struct ExpansionKey {
    pub atom: Atom,
    pub typing: bool,
    pub typos: bool,
    pub weights: Weights,
}

/// What decides an atom's scored documents in one index: how it is matched, its
/// expansions, the ranking weights and the documents its scoring is restricted to (compared
/// last, when all else is equal). Not the word itself: while it is typed, each keystroke's
/// (`informa`, `informat`) may expand to the same terms as the one before.
#[derive(PartialEq)]
pub(crate) struct ScoreKey {
    pub scored_as: ScoredAs,
    pub expansions: Vec<Expansion>,
    pub weights: Weights,
    pub within: Option<Arc<DocumentSet>>,
}

/// How an atom's expansions are matched: as one word's terms, or as the words of a phrase
/// of that length, in the fields given.
#[derive(PartialEq)]
pub(crate) enum ScoredAs {
    Word(Field),
    Phrase(Field, usize),
}

impl ScoredAs {
    pub fn of(atom: &Atom) -> ScoredAs {
        match atom {
            Atom::Word { field, .. } => ScoredAs::Word(*field),
            Atom::Phrase { field, terms, .. } => ScoredAs::Phrase(*field, terms.len()),
        }
    }
}

/// What decides what a hit shows: its document, the clauses the document holds, and the
/// query's highlight targets as numbers (one list shared by a search's hits).
#[derive(PartialEq)]
pub(crate) struct ShownKey {
    pub doc: u32,
    pub held: Clauses,
    pub targets: Arc<Vec<u32>>,
}

impl Recent {
    fn kept(&self) -> MutexGuard<'_, Kept> {
        // What a panicking search left is whole: each entry is pushed complete.
        self.kept.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Starts a search, or another attempt at the one under way (after fetching pieces).
    pub fn begin(&self) {
        let mut kept = self.kept();
        if kept.answered || kept.current.len() > KEPT_ATOMS {
            kept.last = std::mem::take(&mut kept.current);
            kept.answered = false;
        }
    }

    /// Ends the search under way: what it worked out is what the next one looks up.
    pub fn answered(&self) {
        self.kept().answered = true;
    }

    /// The expansions kept for `key`, else those `work` finds (then kept).
    pub fn expansions(
        &self,
        key: ExpansionKey,
        work: impl FnOnce() -> Result<Vec<Expansion>, Needs>,
    ) -> Result<Vec<Expansion>, Needs> {
        self.kept_or(|entries| &mut entries.expansions, key, work)
    }

    /// The scored documents kept for `key`, else those `work` finds (then kept).
    pub fn scores(
        &self,
        key: ScoreKey,
        work: impl FnOnce() -> Result<AtomScores, Needs>,
    ) -> Result<Arc<AtomScores>, Needs> {
        self.kept_or(|entries| &mut entries.scores, key, || work().map(Arc::new))
    }

    /// What a hit shows, kept for `key`, else what `work` finds (then kept).
    pub fn shown(&self, key: ShownKey, work: impl FnOnce() -> Shown) -> Result<Arc<Shown>, Needs> {
        self.kept_or(|entries| &mut entries.shown, key, || Ok(Arc::new(work())))
    }

    /// The term places of `text`, page `doc`'s, when they are kept, or read now when scans
    /// of the text have analysed as many bytes as it holds ([`Recent::scanned`]).
    pub fn places(&self, doc: u32, text: &str) -> Option<Arc<TermPlaces>> {
        {
            let mut kept = self.kept();
            if let Some(at) = kept.places.iter().position(|(d, _)| *d == doc) {
                let entry = kept.places.remove(at);
                let places = Arc::clone(&entry.1);
                kept.places.push(entry);
                // Never another text's (the index says which text a page has; this is a guard).
                return places.are_of(text).then_some(places);
            }
            let at = kept.scanned.iter().position(|(d, _)| *d == doc)?;
            if kept.scanned[at].1 < text.len() {
                return None;
            }
            kept.scanned.remove(at);
        }
        let places = Arc::new(TermPlaces::of(text));
        let mut kept = self.kept();
        // Another thread may have read them meanwhile.
        kept.places.retain(|(d, _)| *d != doc);
        kept.places.push((doc, Arc::clone(&places)));
        let mut bytes = 0;
        let within = kept
            .places
            .iter()
            .rev()
            .take(MOST_PLACES)
            .take_while(|(_, places)| {
                bytes += places.size();
                bytes <= PLACES_BYTES
            });
        let over = kept.places.len() - within.count().max(1);
        kept.places.drain(..over);
        Some(places)
    }

    /// Notes that a scan of page `doc`'s text, `text_bytes` long, analysed `analysed` bytes
    /// of it. Once its scans have analysed as many bytes as the text holds (if it holds no
    /// more than [`PLACED_TEXT_BYTES`]), its places are read the next time it is shown: as
    /// a skier who rents until the rent paid would have bought skis, scanning a text seen
    /// once costs nothing more, and one shown at keystroke after keystroke costs at most two
    /// readings of it before its matches are looked up.
    pub fn scanned(&self, doc: u32, text_bytes: usize, analysed: usize) {
        if text_bytes > PLACED_TEXT_BYTES {
            return;
        }
        let mut kept = self.kept();
        let before = match kept.scanned.iter().position(|(d, _)| *d == doc) {
            Some(at) => kept.scanned.remove(at).1,
            None => 0,
        };
        if kept.scanned.len() == SCANNED {
            kept.scanned.remove(0);
        }
        kept.scanned.push((doc, before + analysed));
    }

    /// The value kept for `key` in one of the lists `list` picks, from the search under way
    /// or else the last one; else what `work` finds, then kept for the search under way. The
    /// lock is not held while `work` runs.
    fn kept_or<K: PartialEq, V: Clone>(
        &self,
        list: fn(&mut Entries) -> &mut Vec<(K, V)>,
        key: K,
        work: impl FnOnce() -> Result<V, Needs>,
    ) -> Result<V, Needs> {
        let found = {
            let mut kept = self.kept();
            let Kept { current, last, .. } = &mut *kept;
            let found = [current, last].into_iter().find_map(|entries| {
                let kept = list(entries).iter().find(|(k, _)| *k == key);
                kept.map(|(_, value)| value.clone())
            });
            found
        };
        let value = match found {
            Some(value) => value,
            None => work()?,
        };
        let mut kept = self.kept();
        let current = list(&mut kept.current);
        if !current.iter().any(|(k, _)| *k == key) {
            current.push((key, value.clone()));
        }
        Ok(value)
    }
}

impl Entries {
    /// How many atoms' work is kept.
    fn len(&self) -> usize {
        self.expansions.len().max(self.scores.len())
    }
}

/// A copy of an index starts with nothing kept.
impl Clone for Recent {
    fn clone(&self) -> Self {
        Recent::default()
    }
}

/// What is kept says nothing of the index: any two are alike.
impl PartialEq for Recent {
    fn eq(&self, _: &Recent) -> bool {
        true
    }
}

impl std::fmt::Debug for Recent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Recent")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::{IndexBuilder, SearchOptions};

    /// A word typed on whose keystrokes expand to the same terms (`configura`, `configurat`:
    /// `configuration` alone) is scored once: each atom the second keystroke scores is the
    /// first's, kept.
    #[test]
    fn a_keystroke_expanding_to_the_last_one_s_terms_takes_its_scores() {
        let texts = [
            "install the configuration",
            "install config",
            "configure it",
        ];
        let index = IndexBuilder::index(
            (0..30).map(|d| Document::new(format!("d{d}"), "", texts[d % texts.len()])),
        );
        let options = SearchOptions::default();
        index.search("install configura", &options);
        index.search("install configurat", &options);
        let kept = index.recent.kept();
        assert!(kept.current.scores.len() >= 2);
        for (key, scores) in &kept.current.scores {
            let last = kept.last.scores.iter().find(|(k, _)| k == key);
            assert!(last.is_some_and(|(_, kept)| Arc::ptr_eq(kept, scores)));
        }
    }

    /// A page's places are read once its scans have analysed as many bytes as its text
    /// holds, then kept; a text too long to read whole never has them.
    #[test]
    fn places_are_read_once_scans_have_cost_a_reading() {
        let recent = Recent::default();
        let text = "kremlin talks ".repeat(70);
        recent.scanned(1, text.len(), text.len() / 2);
        assert!(recent.places(1, &text).is_none());
        recent.scanned(1, text.len(), text.len() / 2);
        let read = recent.places(1, &text).expect("read after two half scans");
        let kept = recent.places(1, &text).expect("kept");
        assert!(Arc::ptr_eq(&read, &kept));
        // Never another text's.
        assert!(recent.places(1, "kremlin").is_none());
        let long = "x".repeat(PLACED_TEXT_BYTES + 1);
        for _ in 0..3 {
            recent.scanned(2, long.len(), long.len());
        }
        assert!(recent.places(2, &long).is_none());
    }

    /// What is kept stays within its bytes and its count, the places used last kept: long
    /// texts fill the bytes, empty ones the count.
    #[test]
    fn kept_places_stay_within_their_bytes_and_count() {
        let long = "word ".repeat(PLACED_TEXT_BYTES / 5);
        for text in [long.as_str(), ""] {
            let recent = Recent::default();
            for doc in 0..1000 {
                recent.scanned(doc, text.len(), text.len());
                assert!(recent.places(doc, text).is_some(), "{doc}");
            }
            let kept = recent.kept();
            let bytes: usize = kept.places.iter().map(|(_, places)| places.size()).sum();
            assert!(bytes <= PLACES_BYTES, "{bytes}");
            assert!(kept.places.len() <= MOST_PLACES);
            assert_eq!(kept.places.last().map(|(doc, _)| *doc), Some(999));
        }
    }
}

//! The index a search runs on: the entry and the pieces loaded so far.
//!
//! Every lookup that needs a piece which is not loaded answers `Err(Needs)` naming it; the
//! caller fetches the pieces and searches again. An index opened from a single file or
//! built in memory has every piece, so its lookups never need anything.

use std::ops::Range;

use crate::bytes::Bytes;
use crate::codec::{self, cost, Footprint, FormatError, VerifiedDocument};
use crate::dictionary::TermDictionary;
use crate::first_page::FirstPage;
use crate::language::{Language, Languages, LANGUAGE_FILTER, STEM_LANGUAGE};
use crate::pieces::{
    Entry, FilterValues, Filters, Gather, Needs, PieceId, StoredDocument, TermPiece, Texts,
};
use crate::postings::PostingList;
use crate::recent::Recent;
use crate::sort::sort_by;
use crate::synonyms::SYNONYM;

/// Words of its own an index types to warm an engine up ([`Index::warm_queries`]), spread over
/// its dictionary.
pub const WARM_WORDS: usize = 64;
/// Characters of such a word typed, at most: a long token (a hash, an identifier) in part.
pub const WARM_KEYS: usize = 16;

/// A searchable index, complete or partly loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    pub(crate) entry: Entry,
    /// Boxed, so that an entry listing many pieces costs a pointer for each until it loads.
    terms: Vec<Option<Box<LoadedTerms>>>,
    ids: Vec<Option<TermDictionary>>,
    /// Loaded documents by number, sorted, each read from its piece when asked for.
    documents: Vec<(u32, VerifiedDocument)>,
    /// Each document's date, empty when it has none.
    dates: Option<Texts>,
    filters: Option<Filters>,
    /// Bytes of the files this index was read from.
    pub(crate) encoded_bytes: usize,
    /// Opened from an entry file, its pieces read as queries need them.
    pub(crate) chunked: bool,
    /// What the last search worked out, for the next keystroke.
    pub(crate) recent: Recent,
    /// The site's root, which the pages' relative URLs are resolved against (see
    /// [`Index::serve_from`]).
    site_url: String,
}

/// A term piece and the streams pieces loaded for it.
#[derive(Debug, Clone, PartialEq)]
struct LoadedTerms {
    piece: TermPiece,
    /// Each run's stream, read in place from its piece.
    postings: Vec<Option<Bytes>>,
    positions: Vec<Option<Bytes>>,
}

/// Sizes reported by [`Index::stats`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub documents: usize,
    pub terms: usize,
    /// Bytes of index read so far (all of it, unless chunked).
    pub index_bytes: usize,
    /// Whether pieces are fetched as queries need them.
    pub chunked: bool,
}

impl Index {
    /// An index of which only the entry is loaded.
    pub fn from_entry(entry: Entry, entry_bytes: usize) -> Index {
        Index {
            terms: vec![None; entry.term_pieces.len()],
            ids: vec![None; entry.id_pieces.len()],
            documents: Vec::new(),
            dates: None,
            filters: None,
            encoded_bytes: entry_bytes,
            chunked: true,
            recent: Recent::default(),
            site_url: "/".into(),
            entry,
        }
    }

    /// How many folders the site's root is above the index's own, when the URLs made from the
    /// pages' paths are relative to it (see [`Entry::site_root`]).
    pub fn site_root(&self) -> Option<u32> {
        self.entry.site_root
    }

    /// Resolves the pages' relative URLs against `root`, the site's root as a URL or a path
    /// ending in `/` (`/docs/`), which a reader that fetched the index works out from its URL
    /// and [`Index::site_root`]; `/` until then.
    pub fn serve_from(&mut self, root: String) {
        self.site_url = root;
    }

    /// `document` with its URL resolved against the site's root, if it is relative to it.
    fn placed(&self, mut document: StoredDocument) -> StoredDocument {
        if let (Some(url), Some(_)) = (&mut document.url, self.entry.site_root) {
            if is_relative(url) {
                *url = [self.site_url.as_str(), url].concat();
            }
        }
        document
    }

    /// The file name of a piece, relative to the entry file's folder.
    pub fn piece_file(&self, piece: PieceId) -> String {
        codec::piece_file(&self.entry, piece, |t, r| {
            self.terms[t as usize]
                .as_ref()
                .and_then(|l| l.piece.streams.get(r as usize))
                .copied()
        })
    }

    /// Verifies and adds a fetched piece, whose streams and documents are then read in place
    /// from its bytes (copied once if given by reference). A piece whose bytes do not match
    /// its name is [`FormatError::Stale`]: the index was rebuilt since its entry was read.
    pub fn insert(&mut self, piece: PieceId, bytes: impl Into<Bytes>) -> Result<(), FormatError> {
        self.insert_bytes(piece, bytes.into())
    }

    fn insert_bytes(&mut self, piece: PieceId, bytes: Bytes) -> Result<(), FormatError> {
        let file = self.piece_file(piece);
        // A truncated, foreign or other-version file says so before its name is checked.
        codec::check_header(piece, &bytes, &file)?;
        let check = |name| codec::check_name(&file, &bytes, name);
        match piece {
            PieceId::Terms(t) => {
                let reference = self.entry.term_pieces.get(t as usize).ok_or(bad(&file))?;
                check(reference.name)?;
                if self.terms[t as usize].is_some() {
                    // Fetched twice by concurrent searches: keep the streams loaded for it.
                    return Ok(());
                }
                let end = self
                    .entry
                    .term_pieces
                    .get(t as usize + 1)
                    .map_or(self.entry.terms, |r| r.first_id);
                let decoded = codec::decode_terms(&bytes, reference, end, self.entry.terms, &file)?;
                let runs = decoded.streams.len();
                self.terms[t as usize] = Some(Box::new(LoadedTerms {
                    piece: decoded,
                    postings: vec![None; runs],
                    positions: vec![None; runs],
                }));
            }
            PieceId::Postings(t, r) | PieceId::Positions(t, r) => {
                let documents = self.entry.documents;
                let loaded = self.terms[t as usize].as_mut().ok_or(bad(&file))?;
                let run = loaded.piece.streams.get(r as usize).ok_or(bad(&file))?;
                let postings = matches!(piece, PieceId::Postings(..));
                check(if postings {
                    run.postings
                } else {
                    run.positions
                })?;
                let stream = codec::decode_stream(&bytes, postings, &file)?;
                let spans = if postings {
                    &loaded.piece.postings
                } else {
                    &loaded.piece.positions
                };
                let terms = run_terms(&loaded.piece, r);
                if spans[terms].iter().any(|s| s.1 as usize > stream.len()) {
                    return Err(FormatError::Corrupt(
                        [&file, " is shorter than its term piece says"].concat(),
                    ));
                }
                if postings {
                    codec::check_postings(&loaded.piece, r, stream, documents, &file)?;
                    loaded.postings[r as usize] = Some(bytes.part(stream));
                } else {
                    loaded.positions[r as usize] = Some(bytes.part(stream));
                }
            }
            PieceId::Ids(i) => {
                let reference = self.entry.id_pieces.get(i as usize).ok_or(bad(&file))?;
                check(reference.name)?;
                let end = self
                    .entry
                    .id_pieces
                    .get(i as usize + 1)
                    .map_or(self.entry.documents, |r| r.first_doc);
                let ids = codec::decode_ids(&bytes, reference, end - reference.first_doc, &file)?;
                self.ids[i as usize] = Some(ids);
            }
            PieceId::Document(doc) => {
                if doc >= self.entry.documents {
                    return Err(bad(&file));
                }
                let document = VerifiedDocument::decode(&bytes, &self.entry, doc, &file)?;
                if let Err(at) = self.documents.binary_search_by_key(&doc, |d| d.0) {
                    self.documents.insert(at, (doc, document));
                }
            }
            PieceId::Dates => {
                check(self.entry.dates.ok_or(bad(&file))?)?;
                self.dates = Some(codec::decode_dates(&bytes, self.entry.documents, &file)?);
            }
            PieceId::Filters => {
                check(self.entry.filters.ok_or(bad(&file))?)?;
                self.filters = Some(codec::decode_filters(&bytes, self.entry.documents, &file)?);
            }
        }
        self.encoded_bytes += bytes.len();
        Ok(())
    }

    /// The languages of the index's documents: queries are stemmed in each.
    pub fn languages(&self) -> &Languages {
        &self.entry.languages
    }

    /// The filter that keeps the documents of the language `tag`, when the index has several
    /// languages and this one (an index of several has a [`LANGUAGE_FILTER`] filter).
    pub(crate) fn language_filter(&self, tag: Option<&str>) -> Option<(String, Vec<String>)> {
        let language = Language::searched(tag)?;
        let languages = &self.entry.languages;
        (languages.iter().count() > 1 && languages.iter().any(|l| *l == language)).then(|| {
            (
                LANGUAGE_FILTER.to_string(),
                vec![language.code().to_string()],
            )
        })
    }

    pub fn stats(&self) -> Stats {
        Stats {
            documents: self.entry.documents as usize,
            terms: self.entry.terms as usize,
            index_bytes: self.encoded_bytes,
            chunked: self.chunked,
        }
    }

    /// Room for every document, before a single file's are inserted.
    pub(crate) fn reserve_documents(&mut self) {
        self.documents.reserve_exact(self.entry.documents as usize);
    }

    pub(crate) fn document_count(&self) -> usize {
        self.entry.documents as usize
    }

    /// The term piece holding `term`'s place in the sorted dictionary.
    pub(crate) fn term_piece_of(&self, term: &str) -> usize {
        self.entry
            .term_pieces
            .partition_point(|r| r.first_term.as_str() <= term)
            .saturating_sub(1)
    }

    /// The first page of `term`, if the term piece it falls in is loaded and holds one.
    pub(crate) fn first_page(&self, term: &str) -> Option<FirstPage> {
        let loaded = self.term_piece(self.term_piece_of(term)).ok()?;
        codec::first_page(&loaded.piece.first_pages, term, self.entry.documents)
    }

    fn term_piece(&self, piece: usize) -> Result<&LoadedTerms, Needs> {
        match self.terms.get(piece) {
            Some(Some(loaded)) => Ok(loaded),
            _ => Err(Needs::one(PieceId::Terms(piece as u32))),
        }
    }

    fn first_id(&self, piece: usize) -> u32 {
        self.entry.term_pieces.get(piece).map_or(0, |r| r.first_id)
    }

    /// The loaded piece holding term `id`, and the term's index in it.
    fn locate(&self, id: u32) -> Option<(usize, &LoadedTerms, usize)> {
        let piece = self
            .entry
            .term_pieces
            .partition_point(|r| r.first_id <= id)
            .checked_sub(1)?;
        let loaded = self.terms[piece].as_ref()?;
        let local = (id - self.first_id(piece)) as usize;
        (local < loaded.piece.terms.len()).then_some((piece, loaded, local))
    }

    /// The id of `term`, if the index has it.
    pub(crate) fn find_term(&self, term: &str) -> Result<Option<u32>, Needs> {
        let piece = self.term_piece_of(term);
        let loaded = self.term_piece(piece)?;
        Ok(loaded
            .piece
            .terms
            .find(term)
            .map(|local| self.first_id(piece) + local))
    }

    /// The text of a term found through a loaded piece.
    pub(crate) fn term(&self, id: u32) -> &str {
        self.locate(id).map_or("", |(_, loaded, local)| {
            loaded.piece.terms.term(local as u32)
        })
    }

    /// In how many documents a term found through a loaded piece occurs.
    pub(crate) fn doc_count(&self, id: u32) -> u32 {
        self.locate(id)
            .map_or(0, |(_, loaded, local)| loaded.piece.doc_counts[local])
    }

    /// The term pieces covering every term that starts with `prefix`.
    fn pieces_with_prefix(&self, prefix: &str) -> Range<usize> {
        let start = self.term_piece_of(prefix);
        let after = self.entry.term_pieces[start.min(self.terms.len())..]
            .iter()
            .skip(1)
            .take_while(|r| r.first_term.starts_with(prefix))
            .count();
        start..(start + 1 + after).min(self.terms.len())
    }

    /// Every term piece of the range, or the needs of those missing.
    fn term_pieces(&self, pieces: Range<usize>) -> Result<Vec<(u32, &TermPiece)>, Needs> {
        let mut needs = Needs::default();
        let mut found = Vec::new();
        for piece in pieces {
            match self.term_piece(piece) {
                Ok(loaded) => found.push((self.first_id(piece), &loaded.piece)),
                Err(missing) => needs.merge(missing),
            }
        }
        if needs.0.is_empty() {
            Ok(found)
        } else {
            Err(needs)
        }
    }

    /// Every term starting with `prefix`: its document count and id, read from its piece
    /// (a short prefix has thousands, each looked up by id otherwise).
    pub(crate) fn prefix_terms(&self, prefix: &str) -> Result<Vec<(u32, u32)>, Needs> {
        let pieces = self.term_pieces(self.pieces_with_prefix(prefix))?;
        Ok(pieces
            .into_iter()
            .flat_map(|(first, piece)| {
                let counts = &piece.doc_counts;
                piece
                    .terms
                    .prefix_range(prefix)
                    .map(move |t| (counts[t as usize], first + t))
            })
            .collect())
    }

    /// Terms within `max_distance` typos of `word` (see [`TermDictionary::fuzzy`]), or of a
    /// start of them when `prefixes`.
    pub(crate) fn fuzzy_terms(
        &self,
        word: &str,
        max_distance: u32,
        prefixes: bool,
    ) -> Result<Vec<(u32, u32)>, Needs> {
        let Some(first) = word.chars().next() else {
            return Ok(Vec::new());
        };
        let pieces = self.term_pieces(self.pieces_with_prefix(first.encode_utf8(&mut [0; 4])))?;
        let mut found = Vec::new();
        for (first_id, piece) in pieces {
            let local = if prefixes {
                piece.terms.fuzzy_prefix(word, max_distance)
            } else {
                piece.terms.fuzzy(word, max_distance)
            };
            found.extend(local.into_iter().map(|(t, d)| (first_id + t, d)));
        }
        Ok(found)
    }

    /// The keys of the normalised `word`'s stems in the index's languages: what
    /// [`Index::stem_family`] and [`Index::synonyms`] look up (a word is stemmed once for both).
    pub(crate) fn stem_keys(&self, word: &str) -> Vec<String> {
        self.entry.languages.stem_keys(word)
    }

    /// The terms sharing a stem with the normalised `word` in any of the index's languages,
    /// given the word's [`Index::stem_keys`]. A stem that only one term has keeps no group:
    /// with `lone`, that term is found as the stem itself (`enum` for `enums`, on a site that
    /// never says `enums`).
    pub(crate) fn stem_family(
        &self,
        word: &str,
        keys: &[String],
        lone: bool,
    ) -> Result<Vec<u32>, Needs> {
        let members = self.members(keys)?;
        if !members.is_empty() || !lone {
            return Ok(members);
        }
        let mut found = Vec::new();
        for key in keys {
            // A key is the stem, marked with its language unless English.
            let end = key.bytes().position(|b| b == STEM_LANGUAGE as u8);
            let stem = &key[..end.unwrap_or(key.len())];
            // In the term piece just read for the key.
            match self.find_term(stem)? {
                Some(term) if stem != word && !found.contains(&term) => found.push(term),
                _ => {}
            }
        }
        Ok(found)
    }

    /// The terms of the words standing for the normalised `word` (see [`crate::synonyms`]),
    /// keyed by its stem in each of the index's languages (its [`Index::stem_keys`], `keys`),
    /// or by itself.
    pub(crate) fn synonyms(&self, word: &str, mut keys: Vec<String>) -> Result<Vec<u32>, Needs> {
        // An English word is often its own stem: looked up once.
        if !keys.iter().any(|key| key == word) {
            keys.push(word.to_string());
        }
        for key in &mut keys {
            key.push(SYNONYM);
        }
        self.members(&keys)
    }

    /// The members of the stem groups of `keys`, sorted, each once.
    fn members(&self, keys: &[String]) -> Result<Vec<u32>, Needs> {
        let mut gather = Gather::default();
        let mut members = Vec::new();
        for key in keys {
            members.extend_from_slice(gather.take(self.stem_members(key)).unwrap_or_default());
        }
        gather.finish()?;
        sort_by(&mut members, Ord::cmp);
        members.dedup();
        Ok(members)
    }

    fn stem_members(&self, stem: &str) -> Result<&[u32], Needs> {
        let loaded = self.term_piece(self.term_piece_of(stem))?;
        let stems = &loaded.piece;
        Ok(stems
            .stems
            .find(stem)
            .map_or(&[], |id| stems.stem_members[id as usize].as_slice()))
    }

    /// A term's postings, with its positions when `positions` (a phrase or proximity
    /// needs them).
    pub(crate) fn postings(&self, id: u32, positions: bool) -> Result<PostingList<'_>, Needs> {
        let Some((piece, loaded, local)) = self.locate(id) else {
            // A term known only by id (a stem group's member) whose piece is not loaded.
            let piece = self
                .entry
                .term_pieces
                .partition_point(|r| r.first_id <= id)
                .saturating_sub(1);
            return Err(Needs::one(PieceId::Terms(piece as u32)));
        };
        let run = run_of(&loaded.piece, local);
        let mut needs = Needs::default();
        let (t, r) = (piece as u32, run as u32);
        if loaded.postings[run].is_none() {
            needs.0.push(PieceId::Postings(t, r));
        }
        if positions && loaded.positions[run].is_none() {
            needs.0.push(PieceId::Positions(t, r));
        }
        if !needs.0.is_empty() {
            return Err(needs);
        }
        fn slice(stream: &Option<Bytes>, (start, end): (u32, u32)) -> Option<&[u8]> {
            stream
                .as_deref()
                .and_then(|s| s.get(start as usize..end as usize))
        }
        Ok(PostingList {
            doc_count: loaded.piece.doc_counts[local],
            postings: slice(&loaded.postings[run], loaded.piece.postings[local]).unwrap_or(&[]),
            positions: if positions {
                slice(&loaded.positions[run], loaded.piece.positions[local])
            } else {
                None
            },
        })
    }

    /// The stored document `doc`, read from its piece.
    pub(crate) fn stored(&self, doc: u32) -> Result<StoredDocument, Needs> {
        self.documents
            .binary_search_by_key(&doc, |d| d.0)
            .map(|i| self.placed(self.documents[i].1.read()))
            .map_err(|_| Needs::one(PieceId::Document(doc)))
    }

    /// Every document's date, by number, empty when it has none.
    pub(crate) fn dates(&self) -> Result<&Texts, Needs> {
        match (&self.dates, self.entry.dates) {
            (Some(dates), _) => Ok(dates),
            (None, Some(_)) => Err(Needs::one(PieceId::Dates)),
            (None, None) => Ok(Texts::none()),
        }
    }

    /// Filter values and their documents.
    pub(crate) fn filters(&self) -> Result<&[(String, FilterValues)], Needs> {
        match (&self.filters, self.entry.filters) {
            (Some(filters), _) => Ok(&filters.names),
            (None, Some(_)) => Err(Needs::one(PieceId::Filters)),
            (None, None) => Ok(&[]),
        }
    }

    /// The number of the document with this id, if there is one.
    pub fn find_document(&self, id: &str) -> Result<Option<u32>, Needs> {
        let pieces = &self.entry.id_pieces;
        let Some(piece) = pieces
            .partition_point(|r| r.first_id.as_str() <= id)
            .checked_sub(1)
        else {
            return Ok(None);
        };
        let ids = self.ids[piece]
            .as_ref()
            .ok_or(Needs::one(PieceId::Ids(piece as u32)))?;
        Ok(ids.find(id).map(|local| pieces[piece].first_doc + local))
    }

    /// The stored document with this id, in an index with every piece loaded.
    pub fn document(&self, id: &str) -> Option<StoredDocument> {
        self.try_document(id).ok().flatten()
    }

    /// The stored document with this id, or the pieces needed to find it.
    pub fn try_document(&self, id: &str) -> Result<Option<StoredDocument>, Needs> {
        match self.find_document(id)? {
            Some(doc) => self.stored(doc).map(Some),
            None => Ok(None),
        }
    }

    /// Every stored document, in number order (all of them for a complete index).
    pub fn documents(&self) -> impl Iterator<Item = StoredDocument> + '_ {
        self.documents
            .iter()
            .map(|(_, document)| self.placed(document.read()))
    }

    /// Every term, in order (all of them for a complete index).
    pub fn terms(&self) -> impl Iterator<Item = &str> + '_ {
        self.terms
            .iter()
            .flatten()
            .flat_map(|loaded| loaded.piece.terms.iter())
    }

    /// The searches of a visitor typing word `word` (modulo [`WARM_WORDS`]) of the index's own,
    /// a key at a time (its first [`WARM_KEYS`] characters): what warms an engine up before a
    /// visitor types (`Scour.warm`). The words are spread over the dictionary; an odd one is
    /// typed after the one before it, as a query's second word. None for an index fetched in
    /// pieces (they would be fetched for nothing), or of no terms.
    pub fn warm_queries(&self, word: usize) -> Vec<String> {
        let terms = u64::from(self.entry.terms);
        if self.chunked || terms == 0 {
            return Vec::new();
        }
        let word = word % WARM_WORDS;
        let spread = |w: usize| self.term((w as u64 * terms / WARM_WORDS as u64) as u32);
        let lead = match word % 2 {
            1 => [spread(word - 1), " "].concat(),
            _ => String::new(),
        };
        let text = spread(word);
        text.char_indices()
            .take(WARM_KEYS)
            .map(|(at, c)| [lead.as_str(), &text[..at + c.len_utf8()]].concat())
            .collect()
    }

    /// The pieces of every kind this index lists that are not loaded: none for a complete
    /// index. Streams pieces appear once their term piece is loaded.
    pub fn missing(&self) -> Vec<PieceId> {
        let mut missing = Vec::new();
        self.each_missing(|piece| missing.push(piece));
        missing
    }

    /// How many pieces [`Index::missing`] lists, counted without a list.
    pub(crate) fn missing_count(&self) -> usize {
        let mut count = 0;
        self.each_missing(|_| count += 1);
        count
    }

    fn each_missing(&self, mut missing: impl FnMut(PieceId)) {
        for (t, loaded) in self.terms.iter().enumerate() {
            let Some(loaded) = loaded else {
                missing(PieceId::Terms(t as u32));
                continue;
            };
            for r in 0..loaded.postings.len() {
                if loaded.postings[r].is_none() {
                    missing(PieceId::Postings(t as u32, r as u32));
                }
                if loaded.positions[r].is_none() {
                    missing(PieceId::Positions(t as u32, r as u32));
                }
            }
        }
        for (i, ids) in self.ids.iter().enumerate() {
            if ids.is_none() {
                missing(PieceId::Ids(i as u32));
            }
        }
        let mut loaded = self.documents.iter().map(|d| d.0).peekable();
        for doc in 0..self.entry.documents {
            if loaded.next_if_eq(&doc).is_none() {
                missing(PieceId::Document(doc));
            }
        }
        if self.entry.dates.is_some() && self.dates.is_none() {
            missing(PieceId::Dates);
        }
        if self.entry.filters.is_some() && self.filters.is_none() {
            missing(PieceId::Filters);
        }
    }
}

/// The memory an index takes for an entry's term and id pieces before any is loaded.
pub(crate) fn slots_cost(term_pieces: usize, id_pieces: usize) -> u64 {
    cost::<Option<Box<LoadedTerms>>>(term_pieces) + cost::<Option<TermDictionary>>(id_pieces)
}

/// The memory an index takes to hold a term piece of `runs` runs, besides the piece.
pub(crate) fn loaded_terms_cost(runs: usize) -> u64 {
    cost::<LoadedTerms>(1) + 2 * cost::<Option<Bytes>>(runs)
}

/// The memory a document is charged besides its own text: a slot of a decoded document,
/// twice over while the list of loaded documents grows. Read in place, a document takes
/// less (a `(u32, Bytes)` slot); the charge stays what this format's files declare.
pub(crate) fn document_slot_cost() -> u64 {
    2 * <(u32, StoredDocument)>::BYTES
}

codec::footprints!(
    LoadedTerms = 312,
    Option<Box<LoadedTerms>> = 8,
    Option<TermDictionary> = 48,
    (u32, StoredDocument) = 200,
    Option<Bytes> = 24,
);

fn bad(file: &str) -> FormatError {
    FormatError::Corrupt([file, " is not a piece this index lists"].concat())
}

/// The run (streams piece) of a term piece that holds its term `local`.
fn run_of(piece: &TermPiece, local: usize) -> usize {
    piece
        .streams
        .partition_point(|s| s.first_term as usize <= local)
        .saturating_sub(1)
}

/// The terms of a term piece that run `run` holds.
pub(crate) fn run_terms(piece: &TermPiece, run: u32) -> Range<usize> {
    let start = piece.streams[run as usize].first_term as usize;
    let end = piece
        .streams
        .get(run as usize + 1)
        .map_or(piece.terms.len(), |s| s.first_term as usize);
    start..end
}

/// Whether `url` is relative to the site's root: it has no scheme (`https:`, `mailto:`) and
/// does not start from the host's root (`/`).
fn is_relative(url: &str) -> bool {
    let mut head = url.bytes().take_while(|b| !matches!(b, b'/' | b'?' | b'#'));
    !url.starts_with('/') && !head.any(|b| b == b':')
}

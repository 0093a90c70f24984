//! The index builder: analyses documents and inverts them into an index's pieces (for a
//! chunked index of several languages, an index per language and one of all of them).

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use crate::analysis::{
    camel_parts, normalize_word, tokenize, written_term, CompoundRole, Token, CAMEL_PART, WRITTEN,
};
use crate::codec::{self, ChunkedFiles, IndexFiles, PartTerm, Parts};
use crate::document::{Document, Section};
use crate::first_page::costly_prefixes;
use crate::index::Index;
use crate::language::{Language, Languages, LANGUAGE_FILTER};
use crate::pieces::{FilterLists, Layout, PieceId, StoredDocument};
use crate::postings::{
    EncodedPostings, Norms, Occurrences, GENERIC_SHARE, MAX_GENERIC, MAX_MENTIONS,
};
use crate::sort::sort_by;
use crate::synonyms::{Synonyms, SYNONYM};

/// Collects documents, then builds the index in one pass over the collected terms.
pub struct IndexBuilder {
    documents: Vec<Collected>,
    /// term -> occurrences, in the order documents were added.
    occurrences: BTreeMap<String, Vec<Occurrences>>,
    /// The language of documents that name none.
    language: Language,
    synonyms: Synonyms,
    /// See [`IndexBuilder::site_root`].
    site_root: Option<u32>,
}

impl Default for IndexBuilder {
    fn default() -> Self {
        IndexBuilder {
            documents: Vec::new(),
            occurrences: BTreeMap::new(),
            language: Language::default(),
            synonyms: Synonyms::english(),
            site_root: None,
        }
    }
}

/// A document as added: what is stored, and what ranking and filtering need.
#[derive(Clone)]
struct Collected {
    stored: StoredDocument,
    norms: Norms,
    /// Each title position's terms (compounds' joined forms aside), to count the generic ones.
    title_terms: Vec<(u32, String)>,
    filters: BTreeMap<String, Vec<String>>,
    language: Language,
}

/// A page written with less than it was given, so that its piece of the index opens within
/// the memory a reader allows for its bytes (see [`codec::overweight_pieces`]): every other
/// section left out (the text of each counts as its previous section's), or the last of its
/// metadata fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thinned {
    pub id: String,
    /// The page's sections written, and given.
    pub sections: (usize, usize),
    /// The page's metadata fields written, and given.
    pub meta: (usize, usize),
}

impl fmt::Display for Thinned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (id, (sections, given_sections), (meta, given_meta)) =
            (&self.id, self.sections, self.meta);
        write!(f, "page `{id}` is written with ")?;
        if sections < given_sections {
            write!(f, "{sections} of its {given_sections} sections")?;
            write!(
                f,
                " (the text of each left out counts as the one before it)"
            )?;
        }
        if meta < given_meta {
            let and = if sections < given_sections {
                " and "
            } else {
                ""
            };
            write!(
                f,
                "{and}the first {meta} of its {given_meta} metadata fields"
            )?;
        }
        write!(
            f,
            ": all of them would make its piece of the index too large to open. Split the page \
             to keep them all"
        )
    }
}

/// An index's files, and the pages written with less than they were given.
pub struct Written<F> {
    pub files: F,
    pub thinned: Vec<Thinned>,
}

impl IndexBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the language of documents that name none (English unless set).
    pub fn language(&mut self, language: Language) -> &mut Self {
        self.language = language;
        self
    }

    /// Sets the groups of words that stand for one another (the built-in English ones
    /// unless set).
    pub fn synonyms(&mut self, synonyms: Synonyms) -> &mut Self {
        self.synonyms = synonyms;
        self
    }

    /// Says that the URLs made from the pages' paths are relative to the site's root, `levels`
    /// folders above the index's own: a reader that knows the index's URL resolves them
    /// ([`Index::serve_from`](crate::Index::serve_from)).
    pub fn site_root(&mut self, levels: u32) -> &mut Self {
        self.site_root = Some(levels);
        self
    }

    /// Adds a document. Documents are numbered by id when the index is built, so that
    /// ranking breaks ties by id with numbers alone.
    pub fn add(&mut self, document: Document) -> &mut Self {
        let doc = self.documents.len() as u32;
        let language = document
            .lang
            .as_deref()
            .map_or_else(|| self.language.clone(), Language::from_tag);
        let title_tokens = tokenize(&document.title);
        let body_tokens = tokenize(&document.body);
        let sections = if Section::fit(&document.sections, &document.body) {
            document.sections
        } else {
            Vec::new()
        };
        self.record(doc, &document.title, &title_tokens, None);
        // What the page says it is about: its lead, and its sections' headings.
        let mut leading = vec![lead(
            &document.title,
            &document.body,
            &sections,
            &body_tokens,
        )];
        leading.extend(headings(&document.body, &sections, &body_tokens));
        let leading = PositionRanges::new(leading);
        let named = definitions(&document.body, &body_tokens);
        self.record(doc, &document.body, &body_tokens, Some((&leading, &named)));
        self.documents.push(Collected {
            norms: Norms {
                title_length: title_length(&document.title, &title_tokens),
                title_stop: 0,
                title_generic: 0,
                body_length: token_count(&body_tokens),
                mentions: 0,
                shared_title: false,
                weight: if document.weight.is_finite() && document.weight > 0.0 {
                    document.weight
                } else {
                    1.0
                },
            },
            filters: document.filters,
            language: language.clone(),
            title_terms: title_tokens
                .iter()
                .filter(|t| matches!(t.role, CompoundRole::Word | CompoundRole::Part))
                .map(|t| (t.position, t.term.clone()))
                .collect(),
            stored: StoredDocument {
                id: document.id,
                title: document.title,
                body: document.body.into(),
                date: document.date,
                url: document.url,
                meta: document.meta.into_iter().collect(),
                sections,
                lang: language.code().to_string(),
            },
        });
        self
    }

    /// Records the tokens of the title, or of the body with the positions of its lead and
    /// headings (which set a posting's lead bit) and of the names it defines (which set the
    /// bit of their joined forms).
    fn record(
        &mut self,
        doc: u32,
        text: &str,
        tokens: &[Token],
        lead: Option<(&PositionRanges, &[u32])>,
    ) {
        let title = lead.is_none();
        let field: fn(&mut Occurrences) -> &mut Vec<u32> = if title {
            |o| &mut o.title_positions
        } else {
            |o| &mut o.body_positions
        };
        for token in tokens {
            let mut terms = vec![token.term.clone()];
            if token.role != CompoundRole::Joined {
                let word = &text[token.span.clone()];
                terms.extend(written_term(text, token.span.clone()));
                let parts = camel_parts(word).into_iter();
                terms.extend(parts.map(|p| format!("{CAMEL_PART}{}", normalize_word(&word[p]))));
            }
            // Looked up once for all the token's terms.
            let in_lead = lead.is_some_and(|(l, named)| {
                l.contains(token.position)
                    || (token.role == CompoundRole::Joined
                        && named.binary_search(&token.position).is_ok())
            });
            for term in terms {
                let occurrences = self.occur(term, doc, token.position, field);
                occurrences.title_standalone |=
                    title && !matches!(token.role, CompoundRole::Part | CompoundRole::Tail);
                occurrences.in_lead |= in_lead;
            }
        }
    }

    fn occur(
        &mut self,
        term: String,
        doc: u32,
        position: u32,
        field: fn(&mut Occurrences) -> &mut Vec<u32>,
    ) -> &mut Occurrences {
        let list = self.occurrences.entry(term).or_default();
        if list.last().is_none_or(|o| o.doc != doc) {
            list.push(Occurrences {
                doc,
                ..Occurrences::default()
            });
        }
        let occurrences = list.last_mut().expect("pushed above");
        let positions = field(occurrences);
        if positions.last() != Some(&position) {
            positions.push(position);
        }
        occurrences
    }

    /// Indexes `documents` in one go.
    pub fn index(documents: impl IntoIterator<Item = Document>) -> Index {
        let mut builder = IndexBuilder::new();
        for document in documents {
            builder.add(document);
        }
        builder.build()
    }

    /// The index, with every piece loaded.
    pub fn build(self) -> Index {
        self.build_files(Layout::default())
            .open()
            .expect("a freshly written index opens")
    }

    /// A chunked index cut to `layout`: one index when every document is in one language,
    /// else a language table naming an index per language and one of all of them.
    pub fn build_chunked(self, layout: Layout) -> ChunkedFiles {
        self.write_chunked(layout).files
    }

    /// [`IndexBuilder::build_chunked`], with the pages written with less than given (each
    /// once, though every index holding it was thinned alike).
    pub fn write_chunked(self, layout: Layout) -> Written<ChunkedFiles> {
        let languages = Languages::new(self.documents.iter().map(|d| d.language.clone()).collect());
        if languages.iter().count() < 2 {
            let Written { files, thinned } = self.write_files(layout);
            return Written {
                files: ChunkedFiles::One(files),
                thinned,
            };
        }
        let mut thinned = Vec::new();
        let each: Vec<(Language, IndexFiles)> = languages
            .iter()
            .map(|language| {
                let written = self.of_language(language).write_files(layout);
                thinned.extend(written.thinned);
                (language.clone(), written.files)
            })
            .collect();
        let all = self.write_files(layout);
        thinned.extend(all.thinned);
        thinned.sort_by(|a, b| a.id.cmp(&b.id));
        thinned.dedup_by(|a, b| a.id == b.id);
        Written {
            files: ChunkedFiles::Languages(codec::write_languages(all.files, each)),
            thinned,
        }
    }

    /// A builder of this one's documents in `language` only.
    fn of_language(&self, language: &Language) -> IndexBuilder {
        let mut number = vec![None; self.documents.len()];
        let mut documents = Vec::new();
        for (old, document) in self.documents.iter().enumerate() {
            if document.language == *language {
                number[old] = Some(documents.len() as u32);
                documents.push(document.clone());
            }
        }
        let occurrences = self
            .occurrences
            .iter()
            .filter_map(|(term, list)| {
                let kept: Vec<Occurrences> = list
                    .iter()
                    .filter_map(|o| {
                        let doc = number[o.doc as usize]?;
                        Some(Occurrences { doc, ..o.clone() })
                    })
                    .collect();
                (!kept.is_empty()).then(|| (term.clone(), kept))
            })
            .collect();
        IndexBuilder {
            documents,
            occurrences,
            language: language.clone(),
            synonyms: self.synonyms.clone(),
            site_root: self.site_root,
        }
    }

    /// The index's entry and pieces, cut to `layout`.
    pub fn build_files(self, layout: Layout) -> IndexFiles {
        self.write_files(layout).files
    }

    /// [`IndexBuilder::build_files`], with the pages written with less than given.
    pub fn write_files(self, layout: Layout) -> Written<IndexFiles> {
        // Number documents by id: ties in ranking are then broken by number.
        let mut order: Vec<u32> = (0..self.documents.len() as u32).collect();
        order.sort_by(|&a, &b| {
            let id = |d: u32| &self.documents[d as usize].stored.id;
            id(a).cmp(id(b)).then(a.cmp(&b))
        });
        let mut number = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            number[old as usize] = new as u32;
        }
        let mut occurrences = self.occurrences;
        record_glued_titles(&mut occurrences, &self.documents);
        let mut documents = self.documents;
        let common = GENERIC_SHARE * documents.len() as f32;
        for document in &mut documents {
            let language = &document.language;
            let stop = |term: &str| language.is_stop_word(term);
            let generic = |term: &str| {
                let count = occurrences.get(term).map_or(0, Vec::len);
                stop(term) || count as f32 > common
            };
            let terms = &document.title_terms;
            // A list of names counts its longest name's words: clamp the common ones to those.
            let most = document.norms.title_length.min(u32::from(MAX_GENERIC)) as u8;
            let stops = positions_of(terms, stop).min(most);
            document.norms.title_stop = stops;
            document.norms.title_generic = (positions_of(terms, generic) - stops).min(most - stops);
        }
        let mentions = mention_levels(&occurrences, &documents);
        for (document, level) in documents.iter_mut().zip(mentions) {
            document.norms.mentions = level;
        }
        mark_shared_titles(&mut documents);
        let languages = Languages::new(documents.iter().map(|d| d.language.clone()).collect());
        if languages.iter().count() > 1 {
            for document in &mut documents {
                let code = document.language.code().to_string();
                let values = document.filters.entry(LANGUAGE_FILTER.to_string());
                values.or_default().push(code);
            }
        }
        let language_of: Vec<usize> = documents
            .iter()
            .map(|d| languages.iter().position(|l| *l == d.language).unwrap_or(0))
            .collect();
        let mut collected: Vec<Option<Collected>> = documents.into_iter().map(Some).collect();
        let documents: Vec<Collected> = order
            .iter()
            .filter_map(|&old| collected[old as usize].take())
            .collect();

        let count = documents.len().max(1) as f32;
        let (title, body) = documents.iter().fold((0u64, 0u64), |(t, b), d| {
            (
                t + u64::from(d.norms.title_length),
                b + u64::from(d.norms.body_length),
            )
        });
        let average_lengths = (
            (title as f32 / count).max(1.0),
            (body as f32 / count).max(1.0),
        );

        let mut term_languages: Vec<Vec<usize>> = Vec::with_capacity(occurrences.len());
        let terms: Vec<PartTerm> = occurrences
            .into_iter()
            .map(|(term, mut occurrences)| {
                let mut in_languages: Vec<usize> = occurrences
                    .iter()
                    .map(|o| language_of[o.doc as usize])
                    .collect();
                in_languages.sort_unstable();
                in_languages.dedup();
                term_languages.push(in_languages);
                for o in &mut occurrences {
                    o.doc = number[o.doc as usize];
                    o.norms = documents[o.doc as usize].norms;
                }
                occurrences.sort_by_key(|o| o.doc);
                let encoded = EncodedPostings::encode(&occurrences);
                PartTerm {
                    term,
                    doc_count: encoded.doc_count,
                    postings: encoded.postings,
                    positions: encoded.positions,
                }
            })
            .collect();
        let stems = stem_groups(&terms, &term_languages, &languages, &self.synonyms);
        let dates = documents
            .iter()
            .any(|d| d.stored.date.is_some())
            .then(|| documents.iter().map(|d| d.stored.date.clone()).collect());
        let filters = filters(&documents);
        let mut parts = Parts {
            average_lengths,
            term_pieces: cut(terms, &layout),
            stems,
            dates,
            filters,
            ids_per_piece: layout.ids_per_piece,
            languages,
            documents: documents.into_iter().map(|d| d.stored).collect(),
            first_pages: Vec::new(),
            site_root: self.site_root,
        };
        let costly = costly_prefixes(
            parts
                .term_pieces
                .iter()
                .flatten()
                .flatten()
                .map(|t| (t.term.as_str(), t.doc_count)),
        );
        // A piece too heavy once decoded for its size is made lighter, and the index written
        // again, its first pages found again (they are stored by term piece).
        let mut given = BTreeMap::new();
        loop {
            parts.first_pages = Vec::new();
            let mut files = codec::write(&parts);
            let mut overweight = codec::overweight_pieces(&files);
            if !costly.is_empty() && overweight.is_empty() {
                let index = files.open().expect("a freshly written index opens");
                parts.first_pages = index.first_pages(&costly);
                files = codec::write(&parts);
                overweight = codec::overweight_pieces(&files);
            }
            if !lighten(&mut parts, &overweight, &mut given) {
                let thinned = given
                    .into_iter()
                    .map(|(doc, (sections, meta))| {
                        let document: &StoredDocument = &parts.documents[doc as usize];
                        Thinned {
                            id: document.id.clone(),
                            sections: (document.sections.len(), sections),
                            meta: (document.meta.len(), meta),
                        }
                    })
                    .filter(|t: &Thinned| t.sections.0 < t.sections.1 || t.meta.0 < t.meta.1)
                    .collect();
                return Written { files, thinned };
            }
        }
    }
}

/// How often each document's subject is mentioned by the others, as a level from 0 to
/// [`MAX_MENTIONS`]: the pages whose body holds every word of its title (`tar` is named by
/// hundreds of pages, `atool` by few), on a log scale of the collection's size. Pages a site
/// talks about are the pages its visitors look for. A title whose rarest word is in more than
/// [`MENTION_SAMPLE`] pages is counted on a sample of them, so the work stays linear.
fn mention_levels(
    occurrences: &BTreeMap<String, Vec<Occurrences>>,
    documents: &[Collected],
) -> Vec<u8> {
    let scale = (documents.len() as f32).ln_1p().max(1.0);
    documents
        .iter()
        .enumerate()
        .map(|(doc, document)| {
            let mut lists: Vec<&[Occurrences]> = document
                .title_terms
                .iter()
                .map(|(_, term)| occurrences.get(term).map_or(&[][..], Vec::as_slice))
                .collect();
            lists.sort_by_key(|list| list.len());
            let Some((rarest, others)) = lists.split_first() else {
                return 0;
            };
            let in_body = |list: &[Occurrences], d: u32| {
                list.binary_search_by_key(&d, |o| o.doc)
                    .is_ok_and(|at| !list[at].body_positions.is_empty())
            };
            let step = rarest.len().div_ceil(MENTION_SAMPLE).max(1);
            let sampled = rarest
                .iter()
                .step_by(step)
                .filter(|o| o.doc != doc as u32 && !o.body_positions.is_empty())
                .filter(|o| others.iter().all(|list| in_body(list, o.doc)))
                .count();
            let mentions = (sampled * step) as f32;
            let level = f32::from(MAX_MENTIONS) * mentions.ln_1p() / scale;
            level.round().min(f32::from(MAX_MENTIONS)) as u8
        })
        .collect()
}

/// The most pages of a title's rarest word that [`mention_levels`] looks at.
const MENTION_SAMPLE: usize = 128;

/// How many positions hold only terms of a kind, at most [`MAX_GENERIC`].
fn positions_of(terms: &[(u32, String)], kind: impl Fn(&str) -> bool) -> u8 {
    let mut positions: Vec<(u32, bool)> = Vec::new();
    for (position, term) in terms {
        let is_generic = kind(term);
        match positions.last_mut() {
            Some((p, all)) if p == position => *all &= is_generic,
            _ => positions.push((*position, is_generic)),
        }
    }
    let count = positions.iter().filter(|(_, all)| *all).count();
    count.min(usize::from(MAX_GENERIC)) as u8
}

/// The fewest letters of a word a glued name is split into (`add` of `useradd`).
const GLUED_PART: usize = 3;

/// The longest title word split into the words it is glued from: names are a few dozen letters
/// at most (the PHP manual's longest, `pathcurvetoquadraticbeziersmoothabsolute`, has 40), and
/// splitting looks up every piece of the word, as many as its length squared (a title of
/// 20,000 letters took half a minute).
const LONGEST_GLUED_NAME: usize = 64;

/// Records the words a one-word title is glued from as its parts, as a camelCase word's
/// are: command and function names glue words that visitors type apart (`useradd`: `user`,
/// `add`; `taskkill`: `task`, `kill`; `scandir`: `scan`, `dir`). A name may start with one or
/// two letters of no word (`pbcopy`: `copy`; `ksort`: `sort`; `ucfirst`: `first`).
fn record_glued_titles(
    occurrences: &mut BTreeMap<String, Vec<Occurrences>>,
    documents: &[Collected],
) {
    for (doc, document) in (0u32..).zip(documents) {
        let [(position, word)] = document.title_terms.as_slice() else {
            continue;
        };
        if !camel_parts(document.stored.title.trim()).is_empty() {
            continue;
        }
        let documents = |part: &str| occurrences.get(part).map_or(0, Vec::len);
        let parts: Vec<String> = glued_parts(word, documents)
            .into_iter()
            .map(|part| format!("{CAMEL_PART}{}", &word[part]))
            .collect();
        for term in parts {
            let list = occurrences.entry(term).or_default();
            match list.binary_search_by_key(&doc, |o| o.doc) {
                Ok(i) => {
                    let positions = &mut list[i].title_positions;
                    if let Err(at) = positions.binary_search(position) {
                        positions.insert(at, *position);
                    }
                }
                Err(i) => list.insert(
                    i,
                    Occurrences {
                        doc,
                        title_positions: vec![*position],
                        ..Occurrences::default()
                    },
                ),
            }
        }
    }
}

/// The words `word` (lowercase ASCII letters) is glued from: the fewest, of at least
/// [`GLUED_PART`] letters each, that `documents` finds in two documents or more, after one or
/// two leading letters of no word; of two splits as few, the one whose rarest word is the
/// more common. None when it is not made so of two pieces or more, or is longer than
/// [`LONGEST_GLUED_NAME`].
fn glued_parts(word: &str, documents: impl Fn(&str) -> usize) -> Vec<Range<usize>> {
    let n = word.len();
    if n <= GLUED_PART || n > LONGEST_GLUED_NAME || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Vec::new();
    }
    // For each end: the fewest pieces covering the word up to it, the documents of their
    // rarest word, and where the last piece starts.
    let mut best: Vec<Option<(usize, usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, usize::MAX, 0));
    best[1] = Some((1, usize::MAX, 0));
    best[2] = Some((1, usize::MAX, 0));
    for start in 0..n {
        let Some((pieces, rarest, _)) = best[start] else {
            continue;
        };
        for end in start + GLUED_PART..=n {
            if start == 0 && end == n {
                continue;
            }
            let count = documents(&word[start..end]);
            let split = (pieces + 1, rarest.min(count), start);
            let better = best[end].is_none_or(|(p, r, _)| (split.0, r) < (p, split.1));
            if count >= 2 && better {
                best[end] = Some(split);
            }
        }
    }
    let mut parts = Vec::new();
    let mut end = n;
    while end > 0 {
        let Some((_, _, start)) = best[end] else {
            return Vec::new();
        };
        if end - start >= GLUED_PART {
            parts.push(start..end);
        }
        end = start;
    }
    parts.reverse();
    parts
}

/// A title that this many pages or more share ("Examples", "Installation") names a kind of
/// page, not its subject: no visitor names such a page by it.
const SHARED_TITLE_PAGES: usize = 10;

/// Marks the documents whose title, ignoring case, [`SHARED_TITLE_PAGES`] or more share.
fn mark_shared_titles(documents: &mut [Collected]) {
    let titles: Vec<String> = documents
        .iter()
        .map(|d| d.stored.title.trim().to_lowercase())
        .collect();
    let mut pages: BTreeMap<&str, usize> = BTreeMap::new();
    for title in &titles {
        *pages.entry(title).or_default() += 1;
    }
    for (document, title) in documents.iter_mut().zip(&titles) {
        document.norms.shared_title =
            !title.is_empty() && pages[title.as_str()] >= SHARED_TITLE_PAGES;
    }
}

/// Most words of a body's lead.
const LEAD_WORDS: u32 = 24;

/// The positions of a body's lead: the words of its first line, past a heading or a line
/// that repeats the title (an HTML page's `<h1>`). A page's first line is mostly what it is
/// about: a function's one-line description, a command's summary, an article's standfirst.
/// A line of more than [`LEAD_WORDS`] words is prose, not a summary: such a body has no lead.
fn lead(title: &str, body: &str, sections: &[Section], tokens: &[Token]) -> Range<u32> {
    let mut lines = line_ranges(body);
    // The sections' starts, in order, passed as the lines are: a page of headings alone is
    // read once.
    let mut headings = sections.iter().map(|s| s.start as usize).peekable();
    let Some(line) = lines.find(|line| {
        while headings.next_if(|&at| at < line.start).is_some() {}
        let heading = headings.peek().is_some_and(|&at| at < line.end);
        let text = body[line.clone()].trim();
        !(text.is_empty() || heading || text.eq_ignore_ascii_case(title.trim()))
    }) else {
        return 0..0;
    };
    match positions_within(tokens, line) {
        Some(words) if words.end - words.start <= LEAD_WORDS => words,
        _ => 0..0,
    }
}

/// Word positions in any of some ranges (a page's lead and its headings), found by binary
/// search: a page of thousands of sections has as many headings, and each of its words is
/// looked up.
struct PositionRanges(Vec<Range<u32>>);

impl PositionRanges {
    /// The union of `ranges`, in order, overlapping ones merged.
    fn new(mut ranges: Vec<Range<u32>>) -> PositionRanges {
        ranges.retain(|r| !r.is_empty());
        sort_by(&mut ranges, |a, b| a.start.cmp(&b.start));
        let mut merged: Vec<Range<u32>> = Vec::with_capacity(ranges.len());
        for range in ranges {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        PositionRanges(merged)
    }

    fn contains(&self, position: u32) -> bool {
        let after = self.0.partition_point(|r| r.start <= position);
        after > 0 && position < self.0[after - 1].end
    }
}

/// The positions of the words of each section's heading: the line its section starts with.
fn headings(body: &str, sections: &[Section], tokens: &[Token]) -> Vec<Range<u32>> {
    sections
        .iter()
        .filter_map(|section| {
            let start = section.start as usize;
            let end = body[start..].find('\n').map_or(body.len(), |n| start + n);
            positions_within(tokens, start..end)
        })
        .collect()
}

/// The positions of the names a body defines, in order: the first word of a [name
/// line](names_a_thing) between two lines that are not (`PHP_EOL (string)`, then "The correct
/// 'End Of Line' symbol"), as a reference page lists its settings, constants or options. Name
/// lines in a row are a list (a "See also", the rows of a table), and one ending the page is
/// the end of one: no definition. Only the name's joined form counts as a lead there, not its
/// parts.
fn definitions(body: &str, tokens: &[Token]) -> Vec<u32> {
    let mut lines = line_ranges(body)
        .filter(|line| !body[line.clone()].trim().is_empty())
        .map(|line| (names_a_thing(&body[line.clone()]), line))
        .peekable();
    let mut named = Vec::new();
    let mut after_name = false;
    while let Some((name, line)) = lines.next() {
        let described = lines.peek().is_some_and(|(next_name, _)| !next_name);
        if name && described && !after_name {
            named.extend(positions_within(tokens, line).map(|p| p.start));
        }
        after_name = name;
    }
    named
}

/// Whether a line is a name and at most two words more (`memory_limit int`, `PHP_EOL
/// (string)`, `opcache.enable`): an identifier at the line's start, not indented (a line of
/// code), ending in a letter or digit (not `PHP_EOL;`), the words after it starting with a
/// letter, a digit or `(` (not `display_errors = On`, `date.timezone: Europe/London`, an
/// example's settings, nor `x.y += 1` or `my.data <- read.csv(f)`, code).
fn names_a_thing(line: &str) -> bool {
    if line.starts_with(char::is_whitespace) {
        return false;
    }
    let mut words = line.split_whitespace();
    let Some(name) = words.next() else {
        return false;
    };
    is_identifier(name)
        && name.ends_with(char::is_alphanumeric)
        && words.clone().count() <= 2
        && words.all(|word| word.starts_with(|c: char| c.is_alphanumeric() || c == '('))
}

/// The byte range of each line of `body`, without its `\n`.
fn line_ranges(body: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    body.split('\n').map(move |text| {
        let line = start..start + text.len();
        start = line.end + 1;
        line
    })
}

/// Whether a word is one identifier joined by `_`, `.` or `::` (a letter or digit before the
/// joint, a letter after it).
fn is_identifier(word: &str) -> bool {
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let bytes = word.as_bytes();
    let joined = (1..bytes.len()).any(|at| {
        let joint = match &bytes[at..] {
            [b':', b':', ..] => 2,
            [b'_' | b'.' | b':', ..] => 1,
            _ => return false,
        };
        bytes[at - 1].is_ascii_alphanumeric()
            && bytes.get(at + joint).is_some_and(u8::is_ascii_alphabetic)
    });
    joined
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | ':' | '$'))
}

/// The word positions of the tokens within `bytes` of their text, if any.
fn positions_within(tokens: &[Token], bytes: Range<usize>) -> Option<Range<u32>> {
    let first = tokens.partition_point(|t| t.span.start < bytes.start);
    let mut within = tokens[first..]
        .iter()
        .take_while(|t| t.span.start < bytes.end);
    let head = within.next()?;
    let last = within.last().unwrap_or(head);
    Some(head.position..last.position + 1)
}

/// Number of word positions a field spans (a compound's joined form shares a position).
fn token_count(tokens: &[Token]) -> u32 {
    tokens.last().map_or(0, |t| t.position + 1)
}

/// A title's length in words; for a title that lists the names of one thing
/// (`DateTime::format, date_format`: every comma-separated part one identifier), the longest
/// name's, so that the query naming one of them makes all of the title, as it would alone.
fn title_length(title: &str, tokens: &[Token]) -> u32 {
    let whole = token_count(tokens);
    if !title.contains(',') {
        return whole;
    }
    let mut longest = 0;
    let mut start = 0;
    for part in title.split(',') {
        let name = part.trim();
        if name.is_empty() || name.contains(char::is_whitespace) {
            return whole;
        }
        let end = start + part.len();
        let mut positions = tokens
            .iter()
            .filter(|t| t.span.start >= start && t.span.end <= end)
            .map(|t| t.position);
        if let Some(first) = positions.next() {
            // Positions never decrease along the tokens: the first is the smallest.
            let last = positions.fold(first, u32::max);
            longest = longest.max(last - first + 1);
        }
        start = end + 1;
    }
    longest
}

/// Stems shared by two or more terms (written forms aside), with their members' ids: each
/// term is stemmed in the languages of the documents it occurs in (`term_languages`, as
/// indices into `languages`). Then the synonym keys (see [`crate::synonyms`]): for each word
/// of a group, the ids of the terms of the group's other words, in the same sorted list.
fn stem_groups(
    terms: &[PartTerm],
    term_languages: &[Vec<usize>],
    languages: &Languages,
    synonyms: &Synonyms,
) -> Vec<(String, Vec<u32>)> {
    let languages: Vec<&Language> = languages.iter().collect();
    // Every stemmed term under its stem in each of its languages.
    let mut families: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (id, term) in terms
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.term.starts_with([WRITTEN, CAMEL_PART]))
    {
        for &language in &term_languages[id] {
            if let Some(key) = languages[language].stem_key(&term.term) {
                families.entry(key).or_default().push(id as u32);
            }
        }
    }
    let mut groups: BTreeMap<String, Vec<u32>> = families
        .iter()
        .filter(|(_, members)| members.len() > 1)
        .map(|(key, members)| (key.clone(), members.clone()))
        .collect();
    for language in languages {
        for group in synonyms.groups(language) {
            let group: Vec<(String, Vec<u32>)> = group
                .iter()
                .map(|word| family(word, language, &families, terms))
                .collect();
            add_synonym_keys(&mut groups, &group);
        }
    }
    groups.into_iter().collect()
}

/// A word's key in `language` and its terms: its stem and the terms sharing it in that
/// language (`families`), or, unstemmed, itself and its term.
fn family(
    word: &str,
    language: &Language,
    families: &BTreeMap<String, Vec<u32>>,
    terms: &[PartTerm],
) -> (String, Vec<u32>) {
    match language.stem_key(word) {
        Some(key) => {
            let members = families.get(&key).cloned().unwrap_or_default();
            (key, members)
        }
        None => {
            let found = terms.binary_search_by(|t| t.term.as_str().cmp(word));
            let members = found.map(|i| vec![i as u32]).unwrap_or_default();
            (word.to_string(), members)
        }
    }
}

/// For each word of a synonym `group` (each word's key and terms, see [`family`]), the terms
/// of the others (not its own) under the word's key and [`SYNONYM`], added to what `groups`
/// has there.
fn add_synonym_keys(groups: &mut BTreeMap<String, Vec<u32>>, group: &[(String, Vec<u32>)]) {
    for (key, own) in group {
        let mut members: Vec<u32> = group
            .iter()
            .filter(|(other, _)| other != key)
            .flat_map(|(_, members)| members.iter().copied())
            .filter(|id| !own.contains(id))
            .collect();
        if members.is_empty() {
            continue;
        }
        let entry = groups.entry(format!("{key}{SYNONYM}")).or_default();
        members.append(entry);
        members.sort_unstable();
        members.dedup();
        *entry = members;
    }
}

/// Filter values with their documents, when any document has a filter.
fn filters(documents: &[Collected]) -> Option<FilterLists> {
    let mut names: BTreeMap<&str, BTreeMap<&str, Vec<u32>>> = BTreeMap::new();
    for (doc, d) in documents.iter().enumerate() {
        for (name, values) in &d.filters {
            let values_of = names.entry(name).or_default();
            for value in values {
                let docs = values_of.entry(value).or_default();
                if docs.last() != Some(&(doc as u32)) {
                    docs.push(doc as u32);
                }
            }
        }
    }
    (!names.is_empty()).then(|| {
        names
            .into_iter()
            .map(|(name, values)| {
                let values = values
                    .into_iter()
                    .map(|(value, docs)| (value.to_string(), docs))
                    .collect();
                (name.to_string(), values)
            })
            .collect()
    })
}

/// Cuts the sorted terms into term pieces of about `layout.term_piece_bytes`, each cut into
/// runs of about `layout.postings_piece_bytes` of postings. There is always one term piece.
fn cut(terms: Vec<PartTerm>, layout: &Layout) -> Vec<Vec<Vec<PartTerm>>> {
    let mut pieces: Vec<Vec<Vec<PartTerm>>> = vec![vec![Vec::new()]];
    let (mut piece_bytes, mut run_bytes) = (0, 0);
    for term in terms {
        // What a term costs in its term piece: its text and four varints, about.
        let term_bytes = term.term.len() + 6;
        if piece_bytes > 0 && piece_bytes + term_bytes > layout.term_piece_bytes {
            pieces.push(vec![Vec::new()]);
            (piece_bytes, run_bytes) = (0, 0);
        } else if run_bytes > 0 && run_bytes + term.postings.len() > layout.postings_piece_bytes {
            pieces.last_mut().expect("one piece").push(Vec::new());
            run_bytes = 0;
        }
        piece_bytes += term_bytes;
        run_bytes += term.postings.len();
        let piece = pieces.last_mut().expect("one piece");
        piece.last_mut().expect("one run").push(term);
    }
    // An empty index keeps one term piece with no runs.
    if pieces.len() == 1 && pieces[0][0].is_empty() {
        pieces[0].clear();
    }
    pieces
}

/// Makes the `overweight` pieces lighter: a term piece is cut in two (by its runs, or a lone
/// run by its terms), a page keeps every other section (the text of the one left out is its
/// previous section's), or else the first half of its metadata; `given` notes each page's
/// sections and metadata fields before it first was. Whether any was: a piece of one term, or a
/// page of one section and one metadata field, is not.
fn lighten(
    parts: &mut Parts,
    overweight: &[PieceId],
    given: &mut BTreeMap<u32, (usize, usize)>,
) -> bool {
    let mut term_pieces: Vec<u32> = Vec::new();
    let mut lightened = false;
    for piece in overweight {
        match *piece {
            PieceId::Terms(t) => term_pieces.push(t),
            PieceId::Document(doc) => {
                let document = &mut parts.documents[doc as usize];
                given
                    .entry(doc)
                    .or_insert((document.sections.len(), document.meta.len()));
                if document.sections.len() >= 2 {
                    let mut kept = false;
                    document.sections.retain(|_| {
                        kept = !kept;
                        kept
                    });
                    lightened = true;
                } else if document.meta.len() >= 2 {
                    document.meta.truncate(document.meta.len() / 2);
                    lightened = true;
                }
            }
            _ => {}
        }
    }
    term_pieces.sort_unstable();
    // From the last, so that the numbers of those before stay as they are.
    for &t in term_pieces.iter().rev() {
        let piece = &mut parts.term_pieces[t as usize];
        let second = match piece.as_mut_slice() {
            [run] if run.len() >= 2 => vec![run.split_off(run.len() / 2)],
            runs if runs.len() >= 2 => piece.split_off(piece.len() / 2),
            _ => continue,
        };
        parts.term_pieces.insert(t as usize + 1, second);
        lightened = true;
    }
    lightened
}

#[cfg(test)]
mod tests {
    use super::{glued_parts, PositionRanges, LONGEST_GLUED_NAME};

    #[test]
    fn a_glued_name_splits_into_the_fewest_known_words() {
        let words = [
            ("user", 9),
            ("add", 9),
            ("use", 20),
            ("radd", 2),
            ("copy", 5),
            ("sort", 5),
            ("all", 50),
            ("kill", 5),
            ("rare", 1),
        ];
        let documents = |w: &str| words.iter().find(|(k, _)| *k == w).map_or(0, |(_, n)| *n);
        let parts = |word: &str| -> Vec<String> {
            let ranges = glued_parts(word, documents);
            ranges.into_iter().map(|r| word[r].to_string()).collect()
        };
        assert_eq!(parts("useradd"), ["user", "add"]);
        assert!(parts("addusers").is_empty(), "`s` is no word");
        assert_eq!(parts("pbcopy"), ["copy"]);
        assert_eq!(parts("ksort"), ["sort"]);
        assert_eq!(parts("killall"), ["kill", "all"]);
        assert_eq!(
            parts("xyzcopy"),
            Vec::<&str>::new(),
            "three letters of no word"
        );
        assert_eq!(
            parts("copy"),
            Vec::<&str>::new(),
            "too short to hold two words"
        );
        assert_eq!(parts("Useradd"), Vec::<&str>::new(), "lowercase ASCII only");
        let longest = "kill".repeat(LONGEST_GLUED_NAME / 4);
        assert_eq!(parts(&longest).len(), LONGEST_GLUED_NAME / 4);
        let longer = format!("{longest}all");
        assert_eq!(parts(&longer), Vec::<&str>::new(), "longer than any name");
    }

    /// A position is in the ranges exactly when some range given holds it, whatever their
    /// order, overlaps and empty ones (a lead inside a heading's line, sections out of order).
    #[test]
    fn position_ranges_hold_what_any_range_given_holds() {
        let cases: [&[(u32, u32)]; 5] = [
            &[],
            &[(0, 0), (3, 3)],
            &[(10, 14), (2, 5), (4, 8), (20, 21)],
            &[(0, 30), (5, 6), (29, 40)],
            &[(7, 9), (9, 12), (1, 2), (1, 2)],
        ];
        for case in cases {
            let given: Vec<std::ops::Range<u32>> = case.iter().map(|&(a, b)| a..b).collect();
            let ranges = PositionRanges::new(given.clone());
            for position in 0..45 {
                let expected = given.iter().any(|r| r.contains(&position));
                assert_eq!(
                    ranges.contains(position),
                    expected,
                    "{position} in {given:?}"
                );
            }
        }
    }
}

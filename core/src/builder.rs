//! The index builder: analyses documents and inverts them into an [`Index`].

use std::collections::BTreeMap;

use crate::analysis::{accented_term, stem, tokenize, CompoundRole, Token, ACCENTED};
use crate::dictionary::TermDictionary;
use crate::document::Document;
use crate::index::{Index, StemGroups, StoredDocument};
use crate::postings::{Occurrences, PostingList};

/// Collects documents, then builds the index in one pass over the collected terms.
#[derive(Default)]
pub struct IndexBuilder {
    documents: Vec<StoredDocument>,
    /// term -> occurrences, in document order.
    occurrences: BTreeMap<String, Vec<Occurrences>>,
}

impl IndexBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a document; documents keep the order they were added in.
    pub fn add(&mut self, document: Document) -> &mut Self {
        let doc = self.documents.len() as u32;
        let title_tokens = tokenize(&document.title);
        let body_tokens = tokenize(&document.body);
        self.record(doc, &document.title, &title_tokens, |o| {
            &mut o.title_positions
        });
        self.record(doc, &document.body, &body_tokens, |o| &mut o.body_positions);
        self.documents.push(StoredDocument {
            title_length: token_count(&title_tokens),
            body_length: token_count(&body_tokens),
            id: document.id,
            title: document.title,
            body: document.body,
            date: document.date,
            url: document.url,
            weight: if document.weight.is_finite() && document.weight > 0.0 {
                document.weight
            } else {
                1.0
            },
            meta: document.meta.into_iter().collect(),
            filters: document
                .filters
                .into_iter()
                .map(|(name, mut values)| {
                    values.sort();
                    values.dedup();
                    (name, values)
                })
                .collect(),
        });
        self
    }

    fn record(
        &mut self,
        doc: u32,
        text: &str,
        tokens: &[Token],
        field: fn(&mut Occurrences) -> &mut Vec<u32>,
    ) {
        for token in tokens {
            if token.role != CompoundRole::Joined {
                if let Some(accented) = accented_term(&text[token.span.clone()]) {
                    self.occur(accented, doc, token.position, field);
                }
            }
            self.occur(token.term.clone(), doc, token.position, field);
        }
    }

    fn occur(
        &mut self,
        term: String,
        doc: u32,
        position: u32,
        field: fn(&mut Occurrences) -> &mut Vec<u32>,
    ) {
        let list = self.occurrences.entry(term).or_default();
        if list.last().is_none_or(|o| o.doc != doc) {
            list.push(Occurrences {
                doc,
                ..Occurrences::default()
            });
        }
        let positions = field(list.last_mut().expect("pushed above"));
        if positions.last() != Some(&position) {
            positions.push(position);
        }
    }

    /// Indexes `documents` in one go.
    pub fn index(documents: impl IntoIterator<Item = Document>) -> Index {
        let mut builder = IndexBuilder::new();
        for document in documents {
            builder.add(document);
        }
        builder.build()
    }

    pub fn build(self) -> Index {
        let terms = TermDictionary::from_sorted(self.occurrences.keys().map(String::as_str));
        let stems = stem_groups(&terms);
        let postings = self
            .occurrences
            .values()
            .map(|o| PostingList::encode(o))
            .collect();
        Index::new(terms, postings, stems, self.documents)
    }
}

/// Number of word positions a field spans (a compound's joined form shares a position).
fn token_count(tokens: &[Token]) -> u32 {
    tokens.last().map_or(0, |t| t.position + 1)
}

fn stem_groups(terms: &TermDictionary) -> StemGroups {
    let mut groups: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (id, term) in terms
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.starts_with(ACCENTED))
    {
        groups.entry(stem(term)).or_default().push(id as u32);
    }
    groups.retain(|_, members| members.len() > 1);
    StemGroups {
        stems: TermDictionary::from_sorted(groups.keys().map(String::as_str)),
        members: groups.into_values().collect(),
    }
}

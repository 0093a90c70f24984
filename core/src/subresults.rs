//! Sub-results: the sections of a hit's page that match the query best, each with its own
//! excerpt and a link to its heading's anchor.

use std::ops::Range;

use crate::document::Section;
use crate::excerpt::{excerpt, highlight, matches, Clauses, Targets};
use crate::pieces::StoredDocument;
use crate::sort::sort_by;

/// Most sections shown under one hit.
pub const MAX_SECTIONS: usize = 3;

/// A matching section of a hit's page.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionHit {
    /// The heading's text.
    pub title: String,
    pub anchor: String,
    /// The page's URL with `#anchor`, when the page has a URL.
    pub url: Option<String>,
    /// The best passage of the section's text after its heading.
    pub excerpt: String,
    /// Byte ranges of matched words in `excerpt`.
    pub excerpt_matches: Vec<Range<usize>>,
    /// Byte ranges of matched words in `title`.
    pub title_matches: Vec<Range<usize>>,
}

/// How well one section matches: more distinct clauses first, then more of them in the
/// heading, then more matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Fit {
    clauses: u32,
    heading_clauses: u32,
    matches: usize,
}

/// The page's best-matching sections, best first, at most [`MAX_SECTIONS`]. Only the
/// sections holding a match of the text [`matches`] reads are weighed, so a page of many
/// sections or megabytes costs no more than a short one; a page whose text holds none of
/// the clauses (`held`) is not read.
pub fn best_sections(stored: &StoredDocument, targets: &Targets, held: Clauses) -> Vec<SectionHit> {
    if stored.sections.is_empty() || held.count_below(targets.clauses()) == 0 {
        return Vec::new();
    }
    let body = &stored.body;
    let sections = &stored.sections;
    // Matches come in text order: each section's are together.
    let mut found: Vec<Tally> = Vec::new();
    for (range, clause) in matches(body, targets) {
        let Some(s) = sections
            .partition_point(|x| x.start as usize <= range.start)
            .checked_sub(1)
        else {
            continue;
        };
        if found.last().is_none_or(|t| t.section != s) {
            found.push(Tally {
                section: s,
                span: span(body, sections, s),
                seen: 0,
                in_heading: 0,
                matches: 0,
            });
        }
        let tally = found.last_mut().expect("pushed");
        let bit = 1u64 << clause.min(63);
        tally.seen |= bit;
        tally.matches += 1;
        if range.end <= tally.span.heading.end {
            tally.in_heading |= bit;
        }
    }
    sort_by(&mut found, |a, b| {
        b.fit().cmp(&a.fit()).then(a.section.cmp(&b.section))
    });
    found.truncate(MAX_SECTIONS);
    found
        .into_iter()
        .map(|t| section_hit(stored, &sections[t.section], &t.span, targets, held))
        .collect()
}

/// The matches of one section.
struct Tally {
    section: usize,
    span: Span,
    /// The clauses matched, and those matched in the heading, one bit each.
    seen: u64,
    in_heading: u64,
    matches: usize,
}

impl Tally {
    fn fit(&self) -> Fit {
        Fit {
            clauses: self.seen.count_ones(),
            heading_clauses: self.in_heading.count_ones(),
            matches: self.matches,
        }
    }
}

/// Where a section's heading and text lie in the body.
struct Span {
    /// From the heading's start to the section's end.
    whole: Range<usize>,
    /// The heading's line.
    heading: Range<usize>,
}

/// Longest heading line looked for: a section with no line break this early is all heading.
const HEADING_BYTES: usize = 1024;

fn span(body: &str, sections: &[Section], s: usize) -> Span {
    let start = sections[s].start as usize;
    let end = sections
        .get(s + 1)
        .map_or(body.len(), |next| next.start as usize);
    let heading_end = body.as_bytes()[start..end]
        .iter()
        .take(HEADING_BYTES)
        .position(|&b| b == b'\n')
        .map_or(end, |n| start + n);
    Span {
        whole: start..end,
        heading: start..heading_end,
    }
}

fn section_hit(
    stored: &StoredDocument,
    section: &Section,
    span: &Span,
    targets: &Targets,
    held: Clauses,
) -> SectionHit {
    let text = stored.body[span.heading.end..span.whole.end].trim_start();
    let (excerpt, excerpt_matches) = excerpt(text, targets, held);
    SectionHit {
        title: section.title.clone(),
        anchor: section.anchor.clone(),
        url: stored
            .url
            .as_deref()
            .map(|url| anchored(url, &section.anchor)),
        excerpt,
        excerpt_matches,
        title_matches: highlight(&section.title, targets),
    }
}

/// `url` with its fragment replaced by `#anchor` (which the indexer wrote as a fragment).
fn anchored(url: &str, anchor: &str) -> String {
    let page = url.split_once('#').map_or(url, |(page, _)| page);
    [page, "#", anchor].concat()
}

//! Sub-results: the sections of a hit's page that match the query best, each with its own
//! excerpt and a link to its heading's anchor.

use std::ops::Range;

use crate::document::Section;
use crate::excerpt::{excerpt, highlight, matches, Targets};
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
    clauses: usize,
    heading_clauses: usize,
    matches: usize,
}

/// The page's best-matching sections, best first, at most [`MAX_SECTIONS`].
pub fn best_sections(stored: &StoredDocument, targets: &Targets) -> Vec<SectionHit> {
    if stored.sections.is_empty() || targets.clauses == 0 {
        return Vec::new();
    }
    let spans = spans(&stored.body, &stored.sections);
    let fits = fits(&stored.body, &spans, targets);
    let mut ranked: Vec<usize> = (0..spans.len()).filter(|&s| fits[s].clauses > 0).collect();
    sort_by(&mut ranked, |&a, &b| fits[b].cmp(&fits[a]).then(a.cmp(&b)));
    ranked.truncate(MAX_SECTIONS);
    ranked
        .into_iter()
        .map(|s| section_hit(stored, &stored.sections[s], &spans[s], targets))
        .collect()
}

/// Where a section's heading and text lie in the body.
struct Span {
    /// From the heading's start to the section's end.
    whole: Range<usize>,
    /// The heading's line.
    heading: Range<usize>,
}

fn spans(body: &str, sections: &[Section]) -> Vec<Span> {
    let starts: Vec<usize> = sections.iter().map(|s| s.start as usize).collect();
    starts
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            let end = starts.get(i + 1).copied().unwrap_or(body.len());
            let heading_end = body[start..end].find('\n').map_or(end, |n| start + n);
            Span {
                whole: start..end,
                heading: start..heading_end,
            }
        })
        .collect()
}

fn fits(body: &str, spans: &[Span], targets: &Targets) -> Vec<Fit> {
    let mut seen = vec![vec![false; targets.clauses]; spans.len()];
    let mut in_heading = vec![vec![false; targets.clauses]; spans.len()];
    let mut counts = vec![0; spans.len()];
    for (range, clause) in matches(body, targets) {
        let after = spans.partition_point(|s| s.whole.start <= range.start);
        let Some(s) = after.checked_sub(1) else {
            continue;
        };
        seen[s][clause] = true;
        counts[s] += 1;
        if range.end <= spans[s].heading.end {
            in_heading[s][clause] = true;
        }
    }
    let count = |flags: &[bool]| flags.iter().filter(|&&f| f).count();
    (0..spans.len())
        .map(|s| Fit {
            clauses: count(&seen[s]),
            heading_clauses: count(&in_heading[s]),
            matches: counts[s],
        })
        .collect()
}

fn section_hit(
    stored: &StoredDocument,
    section: &Section,
    span: &Span,
    targets: &Targets,
) -> SectionHit {
    let text = stored.body[span.heading.end..span.whole.end].trim_start();
    let (excerpt, excerpt_matches) = excerpt(text, targets);
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

/// `url` with its fragment replaced by `#anchor`.
fn anchored(url: &str, anchor: &str) -> String {
    let page = url.split_once('#').map_or(url, |(page, _)| page);
    format!("{page}#{anchor}")
}

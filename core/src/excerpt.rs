//! Excerpts: the passage of a body with the most distinct matched terms, and match ranges.

use std::ops::Range;

use crate::analysis::{analyze, CompoundRole};
use crate::sort::sort_by;

/// Target excerpt length in characters.
pub const EXCERPT_CHARS: usize = 160;
const ELLIPSIS: &str = "…";
/// Words of context kept before the first match, within its sentence.
const CONTEXT_WORDS: usize = 4;

/// A text's word spans and which of them match, from one pass of the analyser.
struct Scan {
    words: Vec<(Range<usize>, CompoundRole)>,
    /// Index into `words` and index of the matched term in the sorted term list.
    matches: Vec<(usize, usize)>,
}

fn scan(text: &str, terms: &[&str]) -> Scan {
    let mut scan = Scan {
        words: Vec::new(),
        matches: Vec::new(),
    };
    analyze(text, |token| {
        if let Ok(term) = terms.binary_search(&token.term) {
            scan.matches.push((scan.words.len(), term));
        }
        scan.words.push((token.span, token.role));
    });
    scan
}

/// Byte ranges in `text` of tokens whose term is in `terms` (sorted), merged where they
/// overlap.
pub fn highlight(text: &str, terms: &[&str]) -> Vec<Range<usize>> {
    let scan = scan(text, terms);
    merge(
        scan.matches
            .iter()
            .map(|&(w, _)| scan.words[w].0.clone())
            .collect(),
    )
}

/// The window of about [`EXCERPT_CHARS`] characters of `body` holding the most distinct
/// matched terms (the earliest such window), cut at word boundaries with an ellipsis where
/// text was cut, and the byte ranges of the matches inside it.
pub fn excerpt(body: &str, terms: &[&str]) -> (String, Vec<Range<usize>>) {
    let scan = scan(body, terms);
    let start = best_window_start(body, &scan, terms.len());
    let (from, to) = window(body, &scan.words, start);
    let mut text = String::new();
    if from > 0 {
        text.push_str(ELLIPSIS);
    }
    let shift = text.len();
    text.push_str(body[from..to].trim_end());
    let end_of_text = from + text.len() - shift;
    if end_of_text < body.trim_end().len() {
        text.push_str(ELLIPSIS);
    }
    let inside = scan
        .matches
        .iter()
        .map(|&(w, _)| &scan.words[w].0)
        .filter(|span| span.start >= from && span.end <= end_of_text)
        .map(|span| span.start - from + shift..span.end - from + shift);
    (text, merge(inside.collect()))
}

/// Byte offset where the best window starts: at a match, or 0 when nothing matched. A sliding
/// window over the matches counts the distinct terms in each.
fn best_window_start(body: &str, scan: &Scan, term_count: usize) -> usize {
    let span = |m: usize| &scan.words[scan.matches[m].0].0;
    let mut counts = vec![0u32; term_count];
    let (mut distinct, mut right) = (0, 0);
    let mut best = (0, 0);
    for left in 0..scan.matches.len() {
        let start = span(left).start;
        let limit = start + byte_len_of_chars(&body[start..], EXCERPT_CHARS);
        right = right.max(left);
        while right < scan.matches.len() && span(right).end <= limit {
            let term = scan.matches[right].1;
            distinct += usize::from(counts[term] == 0);
            counts[term] += 1;
            right += 1;
        }
        if distinct > best.1 {
            best = (start, distinct);
        }
        if left < right {
            let term = scan.matches[left].1;
            counts[term] -= 1;
            distinct -= usize::from(counts[term] == 0);
        }
    }
    best.0
}

/// The excerpt's byte range: from a few words before `start` (not crossing a sentence end)
/// to a word boundary about [`EXCERPT_CHARS`] characters later.
fn window(body: &str, words: &[(Range<usize>, CompoundRole)], start: usize) -> (usize, usize) {
    let first = words
        .iter()
        .position(|(span, _)| span.start >= start)
        .unwrap_or(0);
    let mut from = start;
    let before = words[..first]
        .iter()
        .rev()
        .filter(|(span, role)| *role != CompoundRole::Part && span.end <= start)
        .take(CONTEXT_WORDS);
    for (span, _) in before {
        if body[span.end..from].contains(['.', '!', '?', '\n']) {
            break;
        }
        from = span.start;
    }
    if words.first().is_none_or(|(span, _)| span.start >= from) {
        from = 0;
    }
    let limit = from + byte_len_of_chars(&body[from..], EXCERPT_CHARS);
    if limit >= body.len() {
        return (from, body.len());
    }
    let to = words
        .iter()
        .filter(|(span, _)| span.start >= from && span.end <= limit)
        .map(|(span, _)| span.end)
        .max()
        .unwrap_or(limit);
    (from, extend_punctuation(body, to))
}

/// Includes punctuation right after the last word (a full stop, a closing quote).
fn extend_punctuation(body: &str, to: usize) -> usize {
    body[to..]
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || c.is_alphanumeric())
        .map_or(body.len(), |(i, _)| to + i)
}

fn byte_len_of_chars(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
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

//! Excerpts: the passage of a body with the most distinct matched terms, and match ranges.

use std::ops::Range;

use crate::analysis::{analyze, CompoundRole};
use crate::sort::sort_by;

/// Target excerpt length in characters.
pub const EXCERPT_CHARS: usize = 160;
const ELLIPSIS: &str = "…";
/// Words of context kept before the first match, within its sentence.
const CONTEXT_WORDS: usize = 4;

/// What to highlight: words wherever they occur, phrases only where their terms stand in a row.
#[derive(Debug, Default)]
pub struct Targets<'a> {
    /// Sorted, unique terms.
    pub words: Vec<&'a str>,
    pub phrases: Vec<Vec<&'a str>>,
}

impl Targets<'_> {
    /// Distinct things a match can be: each word, then each phrase.
    fn len(&self) -> usize {
        self.words.len() + self.phrases.len()
    }
}

/// A text's word spans and its matches, from one pass of the analyser.
struct Scan {
    words: Vec<(Range<usize>, CompoundRole)>,
    /// Matched byte range and which target matched (a word's index, or the words' count
    /// plus a phrase's index), in text order.
    matches: Vec<(Range<usize>, usize)>,
}

fn scan(text: &str, targets: &Targets) -> Scan {
    let mut scan = Scan {
        words: Vec::new(),
        matches: Vec::new(),
    };
    // Position and term of every token, kept only when there are phrases to find.
    let mut tokens: Vec<(u32, String)> = Vec::new();
    analyze(text, |token| {
        if let Ok(word) = targets.words.binary_search(&token.term) {
            scan.matches.push((token.span.clone(), word));
        }
        if !targets.phrases.is_empty() {
            tokens.push((token.position, token.term.to_string()));
        }
        scan.words.push((token.span, token.role));
    });
    for (p, phrase) in targets.phrases.iter().enumerate() {
        for start in 0..tokens.len() {
            if let Some(end) = phrase_at(&tokens, start, phrase) {
                let span = scan.words[start].0.start..scan.words[end].0.end;
                scan.matches.push((span, targets.words.len() + p));
            }
        }
    }
    if !targets.phrases.is_empty() {
        sort_by(&mut scan.matches, |a, b| {
            a.0.start.cmp(&b.0.start).then(a.1.cmp(&b.1))
        });
    }
    scan
}

/// The index of the phrase's last token when it occurs from token `start` on, term after
/// term at consecutive positions.
fn phrase_at(tokens: &[(u32, String)], start: usize, phrase: &[&str]) -> Option<usize> {
    let (first_position, first_term) = &tokens[start];
    if phrase.first() != Some(&first_term.as_str()) {
        return None;
    }
    let mut last = start;
    for (offset, term) in (1u32..).zip(&phrase[1..]) {
        let wanted = first_position + offset;
        let next = tokens[last + 1..]
            .iter()
            .take_while(|(position, _)| *position <= wanted)
            .position(|(position, t)| *position == wanted && t == term)?;
        last += 1 + next;
    }
    Some(last)
}

/// Byte ranges in `text` of the targets, merged where they overlap.
pub fn highlight(text: &str, targets: &Targets) -> Vec<Range<usize>> {
    merge(
        scan(text, targets)
            .matches
            .into_iter()
            .map(|(span, _)| span)
            .collect(),
    )
}

/// The window of about [`EXCERPT_CHARS`] characters of `body` holding the most distinct
/// matched terms (the earliest such window), cut at word boundaries with an ellipsis where
/// text was cut, and the byte ranges of the matches inside it.
pub fn excerpt(body: &str, targets: &Targets) -> (String, Vec<Range<usize>>) {
    let scan = scan(body, targets);
    let start = best_window_start(body, &scan, targets.len());
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
        .map(|(span, _)| span)
        .filter(|span| span.start >= from && span.end <= end_of_text)
        .map(|span| span.start - from + shift..span.end - from + shift);
    (text, merge(inside.collect()))
}

/// Byte offset where the best window starts: at a match, or 0 when nothing matched. A sliding
/// window over the matches counts the distinct terms in each.
fn best_window_start(body: &str, scan: &Scan, term_count: usize) -> usize {
    let span = |m: usize| &scan.matches[m].0;
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

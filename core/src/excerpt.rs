//! Excerpts: the passage of a body with the most distinct matched terms, and match ranges.

use std::ops::Range;

use crate::analysis::{tokenize, CompoundRole, Token};
use crate::sort::sort_by;

/// Target excerpt length in characters.
pub const EXCERPT_CHARS: usize = 160;
const ELLIPSIS: &str = "…";

/// Byte ranges in `text` of tokens whose term is in `terms` (sorted), merged where they overlap.
pub fn highlight(text: &str, terms: &[&str]) -> Vec<Range<usize>> {
    merge(
        tokenize(text)
            .iter()
            .filter(|t| is_match(t, terms))
            .map(|t| t.span.clone()),
    )
}

/// The window of about [`EXCERPT_CHARS`] characters of `body` holding the most distinct
/// matched terms (the earliest such window), cut at word boundaries with an ellipsis where
/// text was cut, and the byte ranges of the matches inside it.
pub fn excerpt(body: &str, terms: &[&str]) -> (String, Vec<Range<usize>>) {
    let tokens = tokenize(body);
    let matches: Vec<&Token> = tokens.iter().filter(|t| is_match(t, terms)).collect();
    let start = best_window_start(body, &matches);
    let (from, to) = window(body, &tokens, start);
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
    let ranges = merge(
        matches
            .iter()
            .filter(|t| t.span.start >= from && t.span.end <= end_of_text)
            .map(|t| t.span.start - from + shift..t.span.end - from + shift),
    );
    (text, ranges)
}

fn is_match(token: &Token, terms: &[&str]) -> bool {
    terms.binary_search(&token.term.as_str()).is_ok()
}

/// Byte offset where the best window starts: at a match, or 0 when nothing matched.
fn best_window_start(body: &str, matches: &[&Token]) -> usize {
    let mut best = (0usize, 0usize);
    for (i, first) in matches.iter().enumerate() {
        let limit = first.span.start + byte_len_of_chars(&body[first.span.start..], EXCERPT_CHARS);
        let mut distinct: Vec<&str> = matches[i..]
            .iter()
            .take_while(|t| t.span.end <= limit)
            .map(|t| t.term.as_str())
            .collect();
        sort_by(&mut distinct, |a, b| a.cmp(b));
        distinct.dedup();
        if distinct.len() > best.1 {
            best = (first.span.start, distinct.len());
        }
    }
    best.0
}

/// The excerpt's byte range: from a few words before `start` (not crossing a sentence end)
/// to a word boundary about [`EXCERPT_CHARS`] characters later.
fn window(body: &str, tokens: &[Token], start: usize) -> (usize, usize) {
    const CONTEXT_WORDS: usize = 4;
    let first = tokens
        .iter()
        .position(|t| t.span.start >= start)
        .unwrap_or(0);
    let mut from = start;
    for token in tokens[..first]
        .iter()
        .rev()
        .filter(|t| t.role != CompoundRole::Part && t.span.end <= start)
        .take(CONTEXT_WORDS)
    {
        if body[token.span.end..from].contains(['.', '!', '?', '\n']) {
            break;
        }
        from = token.span.start;
    }
    if tokens.first().is_none_or(|t| t.span.start >= from) {
        from = 0;
    }
    let limit = from + byte_len_of_chars(&body[from..], EXCERPT_CHARS);
    if limit >= body.len() {
        return (from, body.len());
    }
    let to = tokens
        .iter()
        .filter(|t| t.span.start >= from && t.span.end <= limit)
        .map(|t| t.span.end)
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

fn merge(ranges: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let mut sorted: Vec<Range<usize>> = ranges.collect();
    sort_by(&mut sorted, |a, b| {
        a.start.cmp(&b.start).then(b.end.cmp(&a.end))
    });
    let mut merged: Vec<Range<usize>> = Vec::new();
    for range in sorted {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

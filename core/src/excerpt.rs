//! Excerpts: the passage of a body with the most distinct matched terms, and match ranges.

use std::ops::Range;

use crate::analysis::{analyze_while, camel_parts, normalize_word, CompoundRole};
use crate::sort::sort_by;

/// Target excerpt length in characters.
pub const EXCERPT_CHARS: usize = 160;
const ELLIPSIS: &str = "…";
/// Words of context kept before the first match, within its sentence.
const CONTEXT_WORDS: usize = 4;

/// What to highlight: words wherever they occur, phrases only where their terms stand in a
/// row; each belongs to a query clause, and a passage is as good as the clauses it shows.
#[derive(Debug, Default)]
pub struct Targets<'a> {
    /// Terms sorted and unique, each with its clause.
    pub words: Vec<(&'a str, usize)>,
    pub phrases: Vec<(Vec<&'a str>, usize)>,
    pub clauses: usize,
}

impl Targets<'_> {
    /// The clause of a matched word.
    fn clause_of(&self, term: &str) -> Option<usize> {
        let i = self.words.binary_search_by(|(w, _)| (*w).cmp(term)).ok()?;
        Some(self.words[i].1)
    }
}

/// The matched `camelCase` parts of the word at `span`, as the index records them.
fn camel_matches(text: &str, span: &Range<usize>, targets: &Targets) -> Vec<(Range<usize>, usize)> {
    let word = &text[span.clone()];
    if !word.chars().skip(1).any(char::is_uppercase) {
        return Vec::new();
    }
    camel_parts(word)
        .into_iter()
        .filter_map(|part| {
            let clause = targets.clause_of(&normalize_word(&word[part.clone()]))?;
            Some((span.start + part.start..span.start + part.end, clause))
        })
        .collect()
}

/// A text's word spans and its matches, from one pass of the analyser.
struct Scan {
    words: Vec<(Range<usize>, CompoundRole)>,
    /// Matched byte range and the clause it matches, in text order.
    matches: Vec<(Range<usize>, usize)>,
}

/// Analyses `text` for matches. With `whole` false the scan may stop once a passage showing
/// every clause has been found and the text for its excerpt read: no later passage can beat
/// the earliest complete one.
fn scan(text: &str, targets: &Targets, whole: bool) -> Scan {
    let mut scan = Scan {
        words: Vec::new(),
        matches: Vec::new(),
    };
    // Position and term of every token, kept only when there are phrases to find.
    let mut tokens: Vec<(u32, String)> = Vec::new();
    let mut early = EarlyStop::new(targets.clauses, whole || !targets.phrases.is_empty());
    analyze_while(text, |token| {
        if early.done(token.span.start) {
            return false;
        }
        if let Some(clause) = targets.clause_of(token.term) {
            scan.matches.push((token.span.clone(), clause));
            early.matched(clause, &token.span);
        } else {
            for (span, clause) in camel_matches(text, &token.span, targets) {
                scan.matches.push((span.clone(), clause));
                early.matched(clause, &span);
            }
        }
        if !targets.phrases.is_empty() {
            tokens.push((token.position, token.term.to_string()));
        }
        scan.words.push((token.span, token.role));
        true
    });
    for (phrase, clause) in &targets.phrases {
        for start in 0..tokens.len() {
            if let Some(end) = phrase_at(&tokens, start, phrase) {
                let span = scan.words[start].0.start..scan.words[end].0.end;
                scan.matches.push((span, *clause));
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

/// Watches matches for the first passage of at most [`EXCERPT_CHARS`] bytes (so at most as
/// many characters) that shows every clause.
struct EarlyStop {
    /// Start of each clause's latest match.
    latest: Vec<Option<usize>>,
    seen: usize,
    /// Once found: the byte offset past which the excerpt needs no more text.
    stop_after: Option<usize>,
    disabled: bool,
}

impl EarlyStop {
    fn new(clauses: usize, disabled: bool) -> Self {
        EarlyStop {
            latest: vec![None; clauses],
            seen: 0,
            stop_after: None,
            disabled: disabled || clauses == 0,
        }
    }

    fn done(&self, at: usize) -> bool {
        self.stop_after.is_some_and(|stop| at > stop)
    }

    fn matched(&mut self, clause: usize, span: &Range<usize>) {
        if self.disabled || self.stop_after.is_some() {
            return;
        }
        self.seen += usize::from(self.latest[clause].is_none());
        self.latest[clause] = Some(span.start);
        if self.seen == self.latest.len() {
            let first = self
                .latest
                .iter()
                .flatten()
                .min()
                .copied()
                .unwrap_or(span.start);
            if span.end - first <= EXCERPT_CHARS {
                // A character is at most 4 bytes: the excerpt ends before this.
                self.stop_after = Some(first + 4 * EXCERPT_CHARS);
            }
        }
    }
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

/// Every match in `text`: its byte range and the clause it matches, in text order.
pub fn matches(text: &str, targets: &Targets) -> Vec<(Range<usize>, usize)> {
    scan(text, targets, true).matches
}

/// Byte ranges in `text` of the targets, merged where they overlap.
pub fn highlight(text: &str, targets: &Targets) -> Vec<Range<usize>> {
    merge(
        scan(text, targets, true)
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
    cut(body, &scan(body, targets, false), targets)
}

fn cut(body: &str, scan: &Scan, targets: &Targets) -> (String, Vec<Range<usize>>) {
    let start = best_window_start(body, scan, targets.clauses);
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
        // Bigrams of unspaced text overlap the word after them.
        if span.end <= from && body[span.end..from].contains(['.', '!', '?', '\n']) {
            break;
        }
        from = from.min(span.start);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Stopping the scan early never changes the excerpt a whole scan gives.
    #[test]
    fn early_stop_gives_the_whole_scan_excerpt() {
        let words = [
            "kremlin", "talks", "beijing", "trade", "the", "a", "of", "summit", "xi",
        ];
        let mut state = 0x9e37_79b9_u32;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state as usize % n
        };
        for _ in 0..500 {
            let body: Vec<&str> = (0..next(400)).map(|_| words[next(words.len())]).collect();
            let body = body.join(if next(2) == 0 { " " } else { ". " });
            let clauses = 1 + next(3);
            let mut chosen: Vec<(&str, usize)> =
                (0..clauses).map(|c| (words[next(4)], c)).collect();
            sort_by(&mut chosen, |a, b| a.cmp(b));
            chosen.dedup_by(|later, kept| later.0 == kept.0);
            let targets = Targets {
                words: chosen,
                phrases: Vec::new(),
                clauses,
            };
            let early = cut(&body, &scan(&body, &targets, false), &targets);
            let whole = cut(&body, &scan(&body, &targets, true), &targets);
            assert_eq!(early, whole, "{targets:?} in {body:?}");
        }
    }
}

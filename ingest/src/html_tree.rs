//! HTML parsed into a tree, given up on pages nested deeper than a limit: html5ever checks the
//! open elements on every tag, so its time grows with the square of the nesting (100,000 nested
//! `<div>`s take 45 s), and no real page nests more than a few dozen elements deep.

use std::collections::HashMap;

use ego_tree::{NodeId, Tree};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::ParseOpts;
use scraper::{Html, HtmlTreeSink, Node};

/// How deep elements may nest (`<html>` is at depth 1) in a page that is read; Chromium's
/// parser stops nesting at the same depth. A page at this depth parses about 4 times slower
/// than a flat one.
pub(crate) const MAX_DEPTH: usize = 512;

/// Bytes handed to the parser between two depth checks: small enough that the nesting one
/// slice can add (about a thousand levels) costs the parser little.
const SLICE_BYTES: usize = 4 * 1024;

/// A page nested deeper than the limit.
#[derive(Debug)]
pub(crate) struct TooDeep;

/// Parses `markup` as a whole document, unless an element in it nests deeper than `max_depth`.
pub(crate) fn parse(markup: &str, max_depth: usize) -> Result<Html, TooDeep> {
    let sink = HtmlTreeSink::new(Html::new_document());
    let mut parser = html5ever::parse_document(sink, ParseOpts::default());
    let mut checked = 0;
    for slice in slices(markup, SLICE_BYTES) {
        parser.process(StrTendril::from_slice(slice));
        let html = parser.tokenizer.sink.sink.0.borrow();
        if nests_deeper(&html.tree, checked, max_depth) {
            return Err(TooDeep);
        }
        checked = html.tree.nodes().len();
    }
    Ok(parser.finish())
}

/// Whether an element among those made after the first `made_before` nests deeper than
/// `max_depth`. Each node's depth is its parent's plus one, remembered for the nodes made after
/// it; only a parent made before is measured by walking up the tree, once per check.
fn nests_deeper(tree: &Tree<Node>, made_before: usize, max_depth: usize) -> bool {
    let mut depths: HashMap<NodeId, usize> = HashMap::new();
    tree.nodes().skip(made_before).any(|node| {
        let depth = node.parent().map_or(0, |parent| {
            let walk_up = || parent.ancestors().take(max_depth + 1).count();
            *depths.entry(parent.id()).or_insert_with(walk_up) + 1
        });
        depths.insert(node.id(), depth);
        node.value().is_element() && depth > max_depth
    })
}

/// `text` cut into pieces of about `bytes` bytes, each ending on a character boundary.
fn slices(text: &str, bytes: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = bytes.min(rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (slice, tail) = rest.split_at(end);
        rest = tail;
        Some(slice)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `depth` nested `tag`s around a word, inside `<html>` and `<body>`.
    fn nested(tag: &str, depth: usize) -> String {
        let open = format!("<{tag}>").repeat(depth - 2);
        let close = format!("</{tag}>").repeat(depth - 2);
        format!("<html><body>{open}word{close}</body></html>")
    }

    #[test]
    fn pages_at_the_limit_are_parsed_and_deeper_ones_refused() {
        for tag in ["div", "b", "span"] {
            assert!(parse(&nested(tag, 40), 40).is_ok(), "{tag}");
            assert!(parse(&nested(tag, 41), 40).is_err(), "{tag}");
        }
    }

    #[test]
    fn a_page_parsed_in_slices_is_the_page_parsed_whole() {
        let page = format!(
            "<title>T</title><main>{}</main>",
            "<p>é\r\nsome <b>bold</b> text, ünïcödé 日本語</p>\r\n".repeat(2_000)
        );
        assert!(page.len() > 4 * SLICE_BYTES);
        let whole = Html::parse_document(&page);
        assert_eq!(parse(&page, MAX_DEPTH).unwrap().html(), whole.html());
    }

    #[test]
    fn slices_end_on_character_boundaries() {
        let text = "aé日本b".repeat(10);
        let pieces: Vec<&str> = slices(&text, 4).collect();
        assert_eq!(pieces.concat(), text);
        let (last, full) = pieces.split_last().unwrap();
        assert!(full.iter().all(|piece| (4..=6).contains(&piece.len())));
        assert!(!last.is_empty());
    }
}

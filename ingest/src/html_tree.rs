//! HTML parsed into a tree, given up on pages nested deeper than a limit or with an element of
//! more attributes than a limit: html5ever checks the open elements on every tag, and every
//! earlier attribute of a tag on each attribute (looking for a duplicate), so its time grows with
//! the square of the nesting (100,000 nested `<div>`s take 45 s) and of the attributes of an
//! element (100,000 take 6 s); no real page nests more than a few dozen elements deep or gives
//! an element more than a few dozen attributes.

use std::collections::HashMap;

use ego_tree::{NodeId, Tree};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::ParseOpts;
use scraper::{Html, HtmlTreeSink, Node};

/// How deep elements may nest (`<html>` is at depth 1) in a page that is read; Chromium's
/// parser stops nesting at the same depth. A page at this depth parses about 4 times slower
/// than a flat one.
pub(crate) const MAX_DEPTH: usize = 512;

/// How many attributes an element may have in a page that is read: at most about
/// 0.5 ms of html5ever's duplicate checks per element.
pub(crate) const MAX_ATTRIBUTES: usize = 1_000;

/// Bytes handed to the parser between two depth checks: small enough that the nesting one
/// slice can add (about a thousand levels) costs the parser little.
const SLICE_BYTES: usize = 4 * 1024;

/// Why a page is not parsed.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// An element nests deeper than the limit.
    TooDeep,
    /// An element may have more attributes than the limit.
    TooManyAttributes,
}

/// Parses `markup` as a whole document, unless an element in it nests deeper than `max_depth`
/// or may have more than `max_attributes` attributes.
pub(crate) fn parse(
    markup: &str,
    max_depth: usize,
    max_attributes: usize,
) -> Result<Html, Refusal> {
    if most_attributes(markup) > max_attributes {
        return Err(Refusal::TooManyAttributes);
    }
    let sink = HtmlTreeSink::new(Html::new_document());
    let mut parser = html5ever::parse_document(sink, ParseOpts::default());
    let mut checked = 0;
    for slice in slices(markup, SLICE_BYTES) {
        parser.process(StrTendril::from_slice(slice));
        let html = parser.tokenizer.sink.sink.0.borrow();
        if nests_deeper(&html.tree, checked, max_depth) {
            return Err(Refusal::TooDeep);
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

/// The most attributes an element of `markup` has as html5ever's tokenizer reads it, or more,
/// never fewer. Any `<` may open a tag (html5ever opens none in comments and scripts, which
/// this does not tell apart), so every tokenizer state a tag can be in is followed at once,
/// each with the most attributes of the tags that reach it: one pass over the bytes, whatever
/// the comments, scripts and quotes.
fn most_attributes(markup: &str) -> usize {
    let bytes = markup.as_bytes();
    // The states some tag is in, one bit each, and the most attributes of those in each.
    let mut reached: u16 = 0;
    let mut attributes = [0; TagState::ALL.len()];
    let mut most = 0;
    let mut at = 0;
    while at < bytes.len() {
        // In no tag, or in a quoted value only: on to the next byte that can change that.
        let waiting_for = match reached {
            0 => Some(b'<'),
            only if only == 1 << TagState::DoubleQuotedValue as usize => Some(b'"'),
            only if only == 1 << TagState::SingleQuotedValue as usize => Some(b'\''),
            _ => None,
        };
        if let Some(wanted) = waiting_for {
            match bytes[at..]
                .iter()
                .position(|&byte| byte == wanted || byte == b'<')
            {
                Some(offset) => at += offset,
                None => break,
            }
        }
        let byte = bytes[at];
        let mut next_reached = 0;
        let mut next_attributes = [0; TagState::ALL.len()];
        let mut states = reached;
        while states != 0 {
            let state = states.trailing_zeros() as usize;
            states &= states - 1;
            let Some((after, started)) = TagState::ALL[state].next(byte) else {
                continue;
            };
            let count = attributes[state] + usize::from(started);
            most = most.max(count);
            next_reached |= 1 << after as usize;
            next_attributes[after as usize] = next_attributes[after as usize].max(count);
        }
        if byte == b'<' {
            next_reached |= 1 << TagState::TagOpen as usize;
        }
        (reached, attributes) = (next_reached, next_attributes);
        at += 1;
    }
    most
}

/// Where html5ever's tokenizer is in a tag: the HTML standard's tag states, those that read
/// every byte alike merged into one (after a quoted value or a `/` as before an attribute).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagState {
    /// After `<`.
    TagOpen,
    /// After `</`.
    EndTagOpen,
    TagName,
    /// Where an attribute may start: after the tag's name, a value or a `/`.
    BeforeAttribute,
    /// In an attribute's name.
    AttributeName,
    /// After an attribute's name and white space.
    AfterAttributeName,
    /// After `=`.
    BeforeValue,
    DoubleQuotedValue,
    SingleQuotedValue,
    UnquotedValue,
}

impl TagState {
    /// Every state, in the order of their numbers.
    const ALL: [TagState; 10] = [
        TagState::TagOpen,
        TagState::EndTagOpen,
        TagState::TagName,
        TagState::BeforeAttribute,
        TagState::AttributeName,
        TagState::AfterAttributeName,
        TagState::BeforeValue,
        TagState::DoubleQuotedValue,
        TagState::SingleQuotedValue,
        TagState::UnquotedValue,
    ];

    /// The state after `byte`, and whether `byte` starts an attribute; none when it ends the
    /// tag or shows there is none. As the HTML standard's tokenizer, with white space being
    /// tab, LF, FF, CR and space.
    fn next(self, byte: u8) -> Option<(TagState, bool)> {
        use TagState::*;
        let space = matches!(byte, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ');
        let next = match (self, byte) {
            (TagOpen, b'/') => EndTagOpen,
            (TagOpen | EndTagOpen, _) if byte.is_ascii_alphabetic() => TagName,
            (TagOpen | EndTagOpen, _) => return None,
            (DoubleQuotedValue, b'"') | (SingleQuotedValue, b'\'') => BeforeAttribute,
            (DoubleQuotedValue | SingleQuotedValue, _) => self,
            (_, b'>') => return None,
            (BeforeValue, b'"') => DoubleQuotedValue,
            (BeforeValue, b'\'') => SingleQuotedValue,
            (BeforeValue, _) if space => BeforeValue,
            (BeforeValue | UnquotedValue, _) if !space => UnquotedValue,
            (AttributeName | AfterAttributeName, b'=') => BeforeValue,
            (AttributeName | AfterAttributeName, _) if space => AfterAttributeName,
            (_, b'/') => BeforeAttribute,
            (_, _) if space => BeforeAttribute,
            (TagName | AttributeName, _) => self,
            (_, _) => return Some((AttributeName, true)),
        };
        Some((next, false))
    }
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
            assert!(parse(&nested(tag, 40), 40, MAX_ATTRIBUTES).is_ok(), "{tag}");
            let too_deep = parse(&nested(tag, 41), 40, MAX_ATTRIBUTES).map(|_| ());
            assert_eq!(too_deep, Err(Refusal::TooDeep), "{tag}");
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
        let parsed = parse(&page, MAX_DEPTH, MAX_ATTRIBUTES).unwrap();
        assert_eq!(parsed.html(), whole.html());
    }

    /// `<p>` with `count` attributes `a0="v" a1="v" …`.
    fn with_attributes(count: usize) -> String {
        let attributes: Vec<String> = (0..count).map(|i| format!("a{i}=\"v\"")).collect();
        format!("<p {}>text</p>", attributes.join(" "))
    }

    #[test]
    fn pages_with_an_element_of_too_many_attributes_are_refused() {
        let attributes = |html: &Html| {
            let p = html.select(&scraper::Selector::parse("p").unwrap()).next();
            p.map_or(0, |p| p.value().attrs().count())
        };
        let at_limit = parse(&with_attributes(40), MAX_DEPTH, 40).unwrap();
        assert_eq!(attributes(&at_limit), 40);
        let over = parse(&with_attributes(41), MAX_DEPTH, 40).map(|_| ());
        assert_eq!(over, Err(Refusal::TooManyAttributes));
    }

    #[test]
    fn attributes_are_counted_as_the_tokenizer_reads_them() {
        let in_body = scraper::Selector::parse("body > *").unwrap();
        let parsed_attributes = |markup: &str| {
            let html = Html::parse_document(markup);
            let elements = html.select(&in_body);
            elements
                .map(|element| element.value().attrs().count())
                .sum()
        };
        for markup in [
            "<p>",
            "<p a=1 b = '2' c=\"3\"d e/f/>",
            "<a href=/x/y/z title=\"a > b, c d\">",
            "<p =a=\"b c\" =d>",
            "<p a\"b c'd>",
            "<img src='data:,x y z' alt>",
        ] {
            let attributes: usize = parsed_attributes(markup);
            assert_eq!(most_attributes(markup), attributes, "{markup}");
        }
        assert_eq!(most_attributes("text <b>x</b> <p a b>y</p c d e> tail"), 3);
        assert_eq!(most_attributes(&with_attributes(5_000)), 5_000);
    }

    #[test]
    fn no_comment_script_or_quote_hides_a_tag_from_the_count() {
        let tag = with_attributes(100);
        for before in [
            "<!-- <x y=\" -->",
            "<script>if (a<b && c=\"\") {}</script>",
            "<p title=\"<x y='\">",
            "<svg><style><x y=\"</style>",
        ] {
            let attributes = most_attributes(&format!("{before}{tag}\""));
            assert!(attributes >= 100, "{before}: {attributes}");
        }
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

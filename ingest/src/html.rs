//! HTML files: the title, the text of the main content without page chrome, and `data-scour-*`
//! annotations.

use scour_core::Document;
use scraper::{ElementRef, Html, Node, Selector};

use crate::date;
use crate::error::{Failure, Problem};
use crate::flow::Flow;
use crate::relative::RelativePath;

/// Elements whose text is never indexed: scripts, styles and the chrome repeated on every page.
const SKIPPED: [&str; 7] = [
    "script", "style", "nav", "header", "footer", "noscript", "template",
];

/// Elements that stand on their own lines.
const BLOCKS: [&str; 37] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "hr",
    "legend",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
];

/// An element with this attribute is left out of the text, whatever it is.
const IGNORE: &str = "data-scour-ignore";
/// `key:value` (or `key`, valued by the element's text): a `meta` entry of the document.
const META: &str = "data-scour-meta";
/// `key:value` (or `key`, valued by the element's text): a filter value of the document.
const FILTER: &str = "data-scour-filter";

/// Reads the text of a `.html` file at `relative` into a document.
pub(crate) fn parse(text: &str, relative: &RelativePath) -> Result<Document, Failure> {
    let html = Html::parse_document(text);
    let title = title(&html).unwrap_or_else(|| relative.stem().to_string());
    let mut document = Document::new(relative.id(), title, body_text(&html));
    document.url = Some(relative.file_url());
    document.date = meta_date(&html)?;
    annotate(&html, &mut document);
    Ok(document)
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("the selectors in this module are valid CSS")
}

/// The first element matching `css`.
fn first<'a>(html: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    html.select(&selector(css)).next()
}

/// `<title>`, else the first `<h1>`, when it has text.
fn title(html: &Html) -> Option<String> {
    ["title", "h1"]
        .into_iter()
        .filter_map(|css| first(html, css))
        .map(|element| inline_text(&element))
        .find(|title| !title.is_empty())
}

/// `<meta name="date" content="YYYY-MM-DD">`, checked.
fn meta_date(html: &Html) -> Result<Option<String>, Failure> {
    let Some(content) = first(html, r#"meta[name="date"]"#).and_then(|meta| meta.attr("content"))
    else {
        return Ok(None);
    };
    date::normalize(content)
        .map(Some)
        .ok_or_else(|| Failure::anywhere(Problem::BadDate(content.to_string())))
}

/// The text of `<main>`, else `<article>`, else `<body>`.
fn body_text(html: &Html) -> String {
    let root = ["main", "article", "body"]
        .into_iter()
        .find_map(|css| first(html, css))
        .unwrap_or_else(|| html.root_element());
    let mut flow = Flow::new();
    push_children(&root, &mut flow, false);
    flow.finish()
}

/// Appends the text under `element`, leaving out skipped and ignored elements.
fn push_children(element: &ElementRef, flow: &mut Flow, preformatted: bool) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) if preformatted => flow.push_lines(text),
            Node::Text(text) => flow.push(text),
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child) {
                    push_element(&child, flow, preformatted);
                }
            }
            _ => {}
        }
    }
}

fn push_element(element: &ElementRef, flow: &mut Flow, preformatted: bool) {
    let name = element.value().name();
    if SKIPPED.contains(&name) || element.attr(IGNORE).is_some() {
        return;
    }
    match name {
        "br" => flow.line_break(),
        "td" | "th" => {
            flow.space();
            push_children(element, flow, preformatted);
            flow.space();
        }
        _ if BLOCKS.contains(&name) => {
            flow.line_break();
            push_children(element, flow, preformatted || name == "pre");
            flow.line_break();
        }
        _ => push_children(element, flow, preformatted),
    }
}

/// All the text under `element` on one line.
fn inline_text(element: &ElementRef) -> String {
    let mut flow = Flow::new();
    for text in element.text() {
        flow.push(text);
    }
    flow.finish()
}

/// Adds the `data-scour-meta` and `data-scour-filter` annotations found anywhere in the page.
fn annotate(html: &Html, document: &mut Document) {
    for element in html.select(&selector(&format!("[{META}]"))) {
        if let Some((key, value)) = annotation(&element, META) {
            document.meta.insert(key, value);
        }
    }
    for element in html.select(&selector(&format!("[{FILTER}]"))) {
        if let Some((key, value)) = annotation(&element, FILTER) {
            let values = document.filters.entry(key).or_default();
            if !values.contains(&value) {
                values.push(value);
            }
        }
    }
}

/// The `key:value` of an annotation attribute, the value being the element's text when the
/// attribute names only a key; nothing when the key or the value is empty.
fn annotation(element: &ElementRef, attribute: &str) -> Option<(String, String)> {
    let written = element.attr(attribute)?;
    let (key, value) = match written.split_once(':') {
        Some((key, value)) => (key.trim().to_string(), value.trim().to_string()),
        None => (written.trim().to_string(), inline_text(element)),
    };
    (!key.is_empty() && !value.is_empty()).then_some((key, value))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn read(path: &str, text: &str) -> Document {
        let relative = RelativePath::new(Path::new(path), Path::new(""));
        parse(text, &relative).unwrap()
    }

    #[test]
    fn chrome_scripts_and_ignored_sections_are_left_out() {
        let document = read(
            "page.html",
            "<html><head><title>T</title><style>.x{}</style></head><body>\
             <header>Masthead</header><nav>Menu</nav>\
             <p>Kept  text\n here</p><script>var hidden;</script><noscript>Enable JS</noscript>\
             <div data-scour-ignore><p>Secret</p></div><template>Later</template>\
             <footer>Legal</footer></body></html>",
        );
        assert_eq!(document.body, "Kept text here");
    }

    #[test]
    fn blocks_break_lines_and_inline_elements_do_not() {
        let document = read(
            "page.html",
            "<body><h2>Head</h2><p>one <b>bo</b>ld<br>two</p><ul><li>a</li><li>b</li></ul>\
             <table><tr><td>c1</td><td>c2</td></tr></table><pre>x  y\nz</pre></body>",
        );
        assert_eq!(document.body, "Head\none bold\ntwo\na\nb\nc1 c2\nx y\nz");
    }

    #[test]
    fn main_is_preferred_to_article_and_article_to_body() {
        let page = |inner: &str| read("p.html", &format!("<body><p>outside</p>{inner}</body>"));
        assert_eq!(page("<article>art</article><main>main</main>").body, "main");
        assert_eq!(page("<article>art</article>").body, "art");
        assert_eq!(page("").body, "outside");
    }

    #[test]
    fn title_falls_back_from_title_to_h1_to_stem() {
        assert_eq!(
            read("a.html", "<title> The  Title </title><h1>Head</h1>").title,
            "The Title"
        );
        assert_eq!(
            read("a.html", "<title> </title><h1>Head <em>line</em></h1>").title,
            "Head line"
        );
        assert_eq!(read("docs/a.html", "<p>text</p>").title, "a");
    }

    #[test]
    fn annotations_become_meta_and_accumulating_filters() {
        let document = read(
            "a.html",
            "<body data-scour-filter=\"tag:rust\"><span data-scour-meta=\"author: Jane Doe\">x</span>\
             <p data-scour-filter=\"tag:wasm\">p</p><p data-scour-filter=\"tag:rust\">again</p>\
             <time data-scour-filter=\"year\">2024</time><i data-scour-meta=\"empty:\"></i></body>",
        );
        assert_eq!(document.meta.len(), 1);
        assert_eq!(document.meta["author"], "Jane Doe");
        assert_eq!(document.filters["tag"], ["rust", "wasm"]);
        assert_eq!(document.filters["year"], ["2024"]);
    }

    #[test]
    fn meta_date_is_read_and_checked() {
        let dated = read(
            "a.html",
            r#"<meta name="date" content="2024-05-06T10:00:00Z"><p>x</p>"#,
        );
        assert_eq!(dated.date.as_deref(), Some("2024-05-06"));
        let relative = RelativePath::new(Path::new("a.html"), Path::new(""));
        let failure = parse(r#"<meta name="date" content="soon">"#, &relative).unwrap_err();
        assert_eq!(
            failure.problem.to_string(),
            "date \"soon\" is not a date; write it as YYYY-MM-DD"
        );
    }

    #[test]
    fn url_is_the_file_path_and_index_its_folder() {
        assert_eq!(
            read("docs/intro.html", "").url.as_deref(),
            Some("/docs/intro.html")
        );
        assert_eq!(read("docs/index.html", "").url.as_deref(), Some("/docs/"));
        assert_eq!(read("docs/intro.html", "").id, "docs/intro");
    }
}

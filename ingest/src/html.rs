//! HTML files: the title, the text of the main content without page chrome, and `data-scour-*`
//! annotations; drafts and noindex pages are left out.

use std::collections::HashSet;

use ego_tree::iter::Children;
use ego_tree::NodeId;
use scour_core::{Document, Section};
use scraper::{ElementRef, Html, Node, Selector};

use crate::corpus::{IngestOptions, Omission};
use crate::date;
use crate::error::{Failure, Problem};
use crate::flow::{self, Flow};
use crate::frontmatter;
use crate::html_tree::{self, Refusal, MAX_ATTRIBUTES, MAX_DEPTH};
use crate::relative::RelativePath;
use crate::sections;
use crate::site_name;
use crate::source::Page;

/// Elements whose text is never indexed: scripts, styles, the chrome repeated on every page (a
/// `<header>` only as the site's banner: [`is_banner`]), drawings (an icon's `<title>`, a
/// diagram's labels, read as one run of glued words), a formula's source beside it (KaTeX's
/// TeX in `<annotation>`), and what a browser shows only when it cannot play a video or
/// show a frame ("Your browser does not support the video tag").
const SKIPPED: [&str; 13] = [
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "noscript",
    "template",
    "svg",
    "annotation",
    "annotation-xml",
    "video",
    "audio",
    "iframe",
];

/// The ARIA roles of the chrome a page repeats, on whatever element carries them (Sphinx's
/// sidebar is a `<div role="navigation">`): their text is left out, as that of `nav`,
/// `header` and `footer` is.
const SKIPPED_ROLES: [&str; 4] = ["navigation", "banner", "contentinfo", "search"];

/// The names of the chrome of sites written without `nav`, `header`, `footer` or roles (themes
/// of `<div>`s, as Bootstrap's and Jekyll's): on a page without a content element, an element
/// so named by its class or `id` is left out (see [`has_chrome_name`]).
const CHROME_NAMES: [&str; 9] = [
    "navbar",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "pager",
    "pagination",
    "footer",
    "cookie",
    "edit",
];

/// What its classes name as chrome is left out of a page when what is left holds at least one
/// word in this many of the page's (see [`body_text`]).
const SHARE_BESIDE_CHROME: usize = 20;

/// The most words before the title's `<h1>` that are left out as chrome (a breadcrumb, a
/// version badge, a table of contents' toggle); more are kept, as content.
const MOST_WORDS_BEFORE_TITLE: usize = 30;

/// Elements that stand on their own lines (a list's options among them).
const BLOCKS: [&str; 39] = [
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
    "optgroup",
    "option",
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

/// Elements that make a `<header>` inside them part of the content, not the site's banner.
const SECTIONING: [&str; 4] = ["main", "article", "section", "aside"];

/// The class names of a byline's paragraph (`post-meta`, `entry-date`): in a title's header,
/// not its standfirst.
const BYLINE_NAMES: [&str; 8] = [
    "meta", "byline", "date", "author", "time", "info", "tags", "posted",
];

/// The class names of a title's standfirst, in its header (`post-description`,
/// `article-excerpt`): read, where the header's other short lines are its byline.
const STANDFIRST_NAMES: [&str; 10] = [
    "description",
    "excerpt",
    "summary",
    "subtitle",
    "lead",
    "standfirst",
    "dek",
    "deck",
    "intro",
    "abstract",
];

/// An element with this attribute is left out of the text, whatever it is.
const IGNORE: &str = "data-scour-ignore";
/// `key:value` (or `key`, valued by the element's text): a `meta` entry of the document.
const META: &str = "data-scour-meta";
/// `key:value` (or `key`, valued by the element's text): a filter value of the document.
const FILTER: &str = "data-scour-filter";

/// Reads the text of a `.html` file at `relative` into a document, unless it is marked as a
/// draft (front matter) or noindex.
pub(crate) fn parse(
    text: &str,
    relative: &RelativePath,
    options: &IngestOptions,
) -> Result<Page, Failure> {
    let (fields, markup) = frontmatter::split(text)?;
    if frontmatter::is_draft(&fields) {
        return Ok(Page::Omitted(Omission::Draft));
    }
    let html = parse_within_limits(markup)?;
    if is_noindex(&html) {
        return Ok(Page::Omitted(Omission::NoIndex));
    }
    if refresh_target(&html).is_some_and(|target| !relative.is_linked_by(&target)) {
        return Ok(Page::Omitted(Omission::Redirect));
    }
    let root = content_root(&html, options);
    let title = title(&html, &root, options);
    let title_tag = title.as_ref().is_some_and(|title| title.from_title_tag);
    let walk = Walk {
        title: title.as_ref().map(|title| (title.element, title.heading)),
        chrome_by_name: is_whole_page(&root),
        buttons: true,
    };
    let title = title.map_or_else(|| relative.stem().to_string(), |title| title.text);
    let (body, sections) = body_text(&root, walk);
    let mut document = Document::new(relative.id(), title, body);
    document.sections = sections;
    sections::finish(&mut document);
    document.url = Some(relative.file_url());
    document.lang = language(&root);
    let mut warnings = Vec::new();
    match meta_date(&html) {
        Ok(date) => document.date = date,
        Err(problem) => warnings.push(problem),
    }
    annotate(&html, &mut document);
    Ok(Page::Document {
        document: Box::new(document),
        title_tag,
        warnings,
    })
}

/// `markup` parsed as a whole document, unless it nests too deep or gives an element too many
/// attributes to be parsed in reasonable time.
fn parse_within_limits(markup: &str) -> Result<Html, Failure> {
    html_tree::parse(markup, MAX_DEPTH, MAX_ATTRIBUTES).map_err(|refusal| {
        Failure::anywhere(match refusal {
            Refusal::TooDeep => Problem::TooDeep { limit: MAX_DEPTH },
            Refusal::TooManyAttributes => Problem::TooManyAttributes {
                limit: MAX_ATTRIBUTES,
            },
        })
    })
}

/// Appends the text a browser shows for a piece of raw HTML (a Markdown file's HTML block):
/// tags stripped, entities decoded, blocks on their own lines, scripts, styles and comments
/// left out.
pub(crate) fn push_markup_text(markup: &str, flow: &mut Flow) -> Result<(), Failure> {
    let html = parse_within_limits(markup)?;
    let body = first(&html, "body").unwrap_or_else(|| html.root_element());
    push_children_as(&body, flow, Walk::PLAIN);
    Ok(())
}

/// The language of the content: the `lang` of the content element or of its nearest
/// ancestor that has one (`<html lang>`), as written. An empty one says the language is
/// unknown (legacy GitBook writes `<html lang="">` on every page): none, so that the index's
/// default applies rather than no language at all.
fn language(root: &ElementRef) -> Option<String> {
    std::iter::once(*root)
        .chain(root.ancestors().filter_map(ElementRef::wrap))
        .find_map(|element| element.attr("lang"))
        .map(str::trim)
        .filter(|lang| !lang.is_empty())
        .map(str::to_string)
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("the selectors in this module are valid CSS")
}

/// The first element matching `css`.
fn first<'a>(html: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    html.select(&selector(css)).next()
}

/// The `content` of each `<meta>` called `name`, in page order; a meta's name is in any case.
fn meta_contents<'a>(html: &'a Html, name: &str) -> Vec<&'a str> {
    let named = selector("meta[name][content]");
    html.select(&named)
        .filter(|meta| {
            meta.attr("name")
                .is_some_and(|written| written.trim().eq_ignore_ascii_case(name))
        })
        .filter_map(|meta| meta.attr("content"))
        .collect()
}

/// `<meta name="robots" content="noindex">`, or `none`, in any case and within a list.
fn is_noindex(html: &Html) -> bool {
    meta_contents(html, "robots").into_iter().any(|content| {
        content.split(',').map(str::trim).any(|directive| {
            ["noindex", "none"]
                .iter()
                .any(|no| directive.eq_ignore_ascii_case(no))
        })
    })
}

/// Where `<meta http-equiv="refresh" content="0; url=…">` sends its visitor, whatever its
/// delay: a page that sends its visitor to another (Hugo's aliases, Jekyll's `redirect_from`,
/// Docusaurus' client redirects) is left out. A refresh without a URL, or to the page itself,
/// reloads the page, which stays.
fn refresh_target(html: &Html) -> Option<String> {
    let refresh = selector("meta[http-equiv][content]");
    html.select(&refresh).find_map(|meta| {
        let equiv = meta.attr("http-equiv")?;
        if !equiv.trim().eq_ignore_ascii_case("refresh") {
            return None;
        }
        let content = meta.attr("content")?;
        let at = content.to_ascii_lowercase().find("url")?;
        let target = content[at + 3..].trim_start().strip_prefix('=')?;
        Some(target.trim().trim_matches(['\'', '"']).trim().to_string())
    })
}

/// The element whose text is indexed: the chosen one, else `<main>` (the first not `hidden`:
/// a page may keep others, hidden, for later), else the element of role `main` (Sphinx's and
/// Read the Docs' `<div role="main">`), else the page's `<article>` (see [`the_article`]),
/// else `<body>`.
fn content_root<'a>(html: &'a Html, options: &IngestOptions) -> ElementRef<'a> {
    let chosen = options.content_selector.as_ref();
    chosen
        .and_then(|css| html.select(&css.selector).next())
        .or_else(|| first(html, "main:not([hidden])"))
        .or_else(|| first(html, "[role=main]"))
        .or_else(|| the_article(html))
        .or_else(|| first(html, "body"))
        .unwrap_or_else(|| html.root_element())
}

/// The `<article>` that is the page, on a page without a main element: the one holding the
/// first `<h1>` of the page's content, or when none does, the page's only article (those
/// within another, a post's comments, not counted). None when an `<h1>` stands outside every
/// article (the articles are teasers beside the page's text, "Related posts"), or when
/// several articles hold none (a list of posts: the whole page is read).
fn the_article(html: &Html) -> Option<ElementRef<'_>> {
    let article = selector("article");
    let outermost = |element: &ElementRef| {
        !element
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|ancestor| ancestor.value().name() == "article")
    };
    let articles: Vec<ElementRef> = html.select(&article).filter(outermost).collect();
    if articles.is_empty() {
        return None;
    }
    let body = first(html, "body").unwrap_or_else(|| html.root_element());
    match content_h1s(&body, true).first() {
        Some(h1) => {
            let holds =
                |article: &&ElementRef| h1.ancestors().any(|node| node.id() == article.id());
            articles.iter().find(holds).copied()
        }
        None => match articles.as_slice() {
            [only] => Some(*only),
            _ => None,
        },
    }
}

/// A page's title, whether it is `<title>`'s text, the element it was read from, and whether
/// that heads the content (its first `<h1>`, or the element styled as its title).
struct Title {
    text: String,
    from_title_tag: bool,
    element: NodeId,
    heading: bool,
}

/// The chosen title element's text, else the first `<h1>` of the content, else the element
/// styled as the title that `<title>` names, else `<title>`'s. A title's text leaves out
/// buttons ("Copy item path") and, on a page without a content element, what a class names
/// as chrome ("Improve this page").
fn title(html: &Html, root: &ElementRef, options: &IngestOptions) -> Option<Title> {
    let walk = Walk {
        title: None,
        chrome_by_name: is_whole_page(root),
        buttons: false,
    };
    // The document's `<title>`, not a drawing's (an SVG icon's, in another namespace).
    let title_tag = selector("title");
    let title_tag = html
        .select(&title_tag)
        .find(|title| &*title.value().name.ns == HTML_NAMESPACE);
    let chosen = options.title_selector.as_ref();
    chosen
        .and_then(|css| first_title(html.select(&css.selector), walk, false))
        .or_else(|| {
            first_title(
                content_h1s(root, walk.chrome_by_name).into_iter(),
                walk,
                true,
            )
        })
        .or_else(|| {
            let named = inline_text(&title_tag?, walk);
            let titled = titled_element(root, &named, walk)?;
            first_title(std::iter::once(titled), walk, true)
        })
        .or_else(|| first_title(title_tag.into_iter(), walk, false))
        // Else one in what a class names as chrome (a wrapper that holds the whole page).
        .or_else(|| first_title(content_h1s(root, false).into_iter(), walk, true))
}

/// The element of the content under `root` styled as the page's title (a class ending in
/// `title`, not one of the site's: `site-title`, `brand-title`) whose text is `named`, the text
/// of `<title>`, or a part of it between separators: the heading of a page without an `<h1>`,
/// as Doxygen writes `<div class="title">Page</div>` under `<title>Project: Page</title>`. Of
/// several, the longest: a site's name in its banner is mostly shorter than a page's.
fn titled_element<'a>(root: &ElementRef<'a>, named: &str, walk: Walk) -> Option<ElementRef<'a>> {
    let styled_as_title = |class: &str| {
        let site = ["site", "brand", "logo", "blog"];
        let first = class.split(['-', '_']).next().unwrap_or(class);
        let class = class.as_bytes();
        class.len() >= 5
            && class[class.len() - 5..].eq_ignore_ascii_case(b"title")
            && !site.iter().any(|name| first.eq_ignore_ascii_case(name))
    };
    let mut best: Option<(usize, ElementRef)> = None;
    let elements = root.descendants().filter_map(ElementRef::wrap);
    for element in elements.filter(|element| element.value().classes().any(styled_as_title)) {
        // Text longer than `<title>`'s is no part of it: not read whole (nor each of a
        // thousand nested titles' text again).
        if has_more_letters(&element, named)
            || !is_content_heading(&element, root, walk.chrome_by_name)
        {
            continue;
        }
        let text = inline_text(&element, walk);
        let longer = best.as_ref().is_none_or(|(length, _)| text.len() > *length);
        if longer && is_part_of_title(&text, named) {
            best = Some((text.len(), element));
        }
    }
    best.map(|(_, element)| element)
}

/// Whether the text under `element` holds more characters other than spaces than `named`,
/// read no further than that.
fn has_more_letters(element: &ElementRef, named: &str) -> bool {
    let most = named.chars().filter(|c| !c.is_whitespace()).count();
    let mut letters = element
        .text()
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace());
    letters.nth(most).is_some()
}

/// Whether `text` is `title`, or one of its parts between the separators of a site's name
/// ([`site_name::SEPARATORS`]) or `: ` (Doxygen's `Project: Page`).
fn is_part_of_title(text: &str, title: &str) -> bool {
    if text.is_empty() {
        return false;
    }
    let separators = || site_name::SEPARATORS.iter().chain(&[": "]);
    title.match_indices(text).any(|(start, _)| {
        let (before, after) = (&title[..start], &title[start + text.len()..]);
        let starts = before.is_empty() || separators().any(|s| before.ends_with(s));
        let ends = after.is_empty() || separators().any(|s| after.starts_with(s));
        starts && ends
    })
}

/// The `<h1>`s of the content under `root`, with `chrome_by_name` none in an element a class
/// names as chrome.
fn content_h1s<'a>(root: &ElementRef<'a>, chrome_by_name: bool) -> Vec<ElementRef<'a>> {
    let h1 = selector("h1");
    let headings = root.select(&h1);
    let content = headings.filter(|heading| is_content_heading(heading, root, chrome_by_name));
    content.collect()
}

const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// The text of the first of `elements` that has some, read as `walk` says; `heading`: they
/// head the content (its `<h1>`s, or the elements styled as its title).
fn first_title<'a>(
    mut elements: impl Iterator<Item = ElementRef<'a>>,
    walk: Walk,
    heading: bool,
) -> Option<Title> {
    elements.find_map(|element| {
        let text = inline_text(&element, walk);
        (!text.is_empty()).then(|| Title {
            text,
            from_title_tag: element.value().name() == "title",
            element: element.id(),
            heading,
        })
    })
}

/// Whether `root`, the element whose text is indexed, is the whole page: no content element
/// was found.
fn is_whole_page(root: &ElementRef) -> bool {
    matches!(root.value().name(), "body" | "html")
}

/// Whether a heading under `root` is the content's own: not ignored, not in navigation or a
/// footer, when the content is the whole `<body>` not in the site's banner (a `<header>`
/// outside any article or section), and with `chrome_by_name` not in an element a class
/// names as chrome (a sidebar's `<h1>` of the site's name).
fn is_content_heading(heading: &ElementRef, root: &ElementRef, chrome_by_name: bool) -> bool {
    let whole_page = is_whole_page(root);
    let mut in_banner = false;
    let below_root = std::iter::once(*heading).chain(
        heading
            .ancestors()
            .take_while(|node| node.id() != root.id())
            .filter_map(ElementRef::wrap),
    );
    for element in below_root {
        match element.value().name() {
            _ if element.attr(IGNORE).is_some() || has_skipped_role(&element) => return false,
            _ if is_hidden(&element) => return false,
            _ if chrome_by_name && has_chrome_name(&element) => return false,
            "header" => in_banner = true,
            name if SECTIONING.contains(&name) => in_banner = false,
            name if SKIPPED.contains(&name) => return false,
            _ => {}
        }
    }
    !in_banner || !whole_page
}

/// `<meta name="date" content="YYYY-MM-DD">`, the name in any case, checked.
fn meta_date(html: &Html) -> Result<Option<String>, Problem> {
    let Some(&content) = meta_contents(html, "date").first() else {
        return Ok(None);
    };
    date::normalize(content)
        .map(Some)
        .ok_or_else(|| Problem::BadDate(content.to_string()))
}

/// The text under `root` as `walk` reads it, and its sections: one per heading with an anchor.
/// Should the elements that a class names as chrome hold nearly all the page's words (a
/// wrapper named `with-sidebar` around a page without an `<h1>`), they are read.
fn body_text(root: &ElementRef, walk: Walk) -> (String, Vec<Section>) {
    let read = |walk| {
        let mut flow = Flow::new();
        push_children_as(root, &mut flow, walk);
        flow
    };
    let flow = read(walk);
    if !walk.chrome_by_name {
        return flow.finish_with_sections();
    }
    let whole = read(Walk {
        chrome_by_name: false,
        ..walk
    });
    let kept = if flow.words() * SHARE_BESIDE_CHROME < whole.words() {
        whole
    } else {
        flow
    };
    kept.finish_with_sections()
}

/// A heading's anchor: its own `id`, else that of an `<a id>` or `<a name>` inside it or, empty,
/// just before it (older generators, Doxygen, Javadoc), else that of the `<section>` or `<div>`
/// it opens (Sphinx).
fn heading_anchor(heading: &ElementRef) -> Option<String> {
    let inner = || {
        heading
            .select(&selector("a[id], a[name]"))
            .find_map(|a| link_anchor(&a))
    };
    let before = || {
        let previous = heading
            .prev_siblings()
            .find(|node| !node.value().as_text().is_some_and(|t| t.trim().is_empty()))?;
        let a = ElementRef::wrap(previous).filter(|e| e.value().name() == "a")?;
        a.text()
            .all(|t| t.trim().is_empty())
            .then(|| link_anchor(&a))?
    };
    let opened = || {
        let parent = heading.parent().and_then(ElementRef::wrap)?;
        let opens = parent.child_elements().next() == Some(*heading);
        (opens && matches!(parent.value().name(), "section" | "div")).then(|| id(&parent))?
    };
    id(heading).or_else(inner).or_else(before).or_else(opened)
}

/// The anchor an `<a>` sets: its `id`, else its `name`.
fn link_anchor(a: &ElementRef) -> Option<String> {
    let name = a
        .attr("name")
        .map(str::trim)
        .filter(|name| !name.is_empty());
    id(a).or_else(|| name.map(str::to_string))
}

/// An element's `id`, when it has one.
fn id(element: &ElementRef) -> Option<String> {
    element
        .attr("id")
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(str::to_string)
}

/// The anchor of the section `element` starts, if it starts one: a heading with an anchor, or
/// a definition's term with one (an API reference's `<dt id="os.getcwd">`, as Sphinx writes
/// each function, class and setting), which heads its definition as a heading would.
fn section_anchor(element: &ElementRef) -> Option<String> {
    match element.value().name() {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => heading_anchor(element),
        "dt" => id(element),
        _ => None,
    }
}

/// An element whose children are being read: those left, whether its text keeps its lines, and
/// what its end adds to the flow.
struct Frame<'a> {
    children: Children<'a, Node>,
    preformatted: bool,
    end: End,
}

/// What the end of an element adds to the flow.
#[derive(Clone, Copy)]
enum End {
    Nothing,
    Space,
    LineBreak,
    Heading,
}

impl End {
    fn apply(self, flow: &mut Flow) {
        match self {
            End::Nothing => {}
            End::Space => flow.space(),
            End::LineBreak => flow.line_break(),
            End::Heading => flow.close_heading(),
        }
    }
}

/// What a walk of a page's elements leaves out, besides skipped and ignored elements, the
/// chrome's roles and permalink marks.
#[derive(Clone, Copy)]
struct Walk {
    /// The title's element and whether it heads the content (its `<h1>`, or the element
    /// styled as the title that `<title>` names): the page's text is read after it, not
    /// again, and a few words before such a heading are left out too (see
    /// [`MOST_WORDS_BEFORE_TITLE`]): the content starts at its title.
    title: Option<(NodeId, bool)>,
    /// Elements whose class or `id` names them as chrome ([`CHROME_NAMES`]).
    chrome_by_name: bool,
    /// Whether buttons are read (a tab's label is; a title's copy button is not).
    buttons: bool,
}

impl Walk {
    /// Skipped and ignored elements, the chrome's roles and permalink marks: what every walk
    /// leaves out.
    const PLAIN: Walk = Walk {
        title: None,
        chrome_by_name: false,
        buttons: true,
    };

    /// At the title: a few words read before the content's `<h1>` are chrome, left out.
    fn pass_title(self, flow: &mut Flow) {
        let heading = self.title.is_some_and(|(_, heading)| heading);
        if heading && flow.words() <= MOST_WORDS_BEFORE_TITLE {
            *flow = Flow::new();
        }
    }
}

/// The title's element and the elements holding it, each looked up at once.
#[derive(Default)]
struct TitleLine {
    title: Option<NodeId>,
    holding: HashSet<NodeId>,
}

impl TitleLine {
    /// The title's element on `walk`, then the elements holding it.
    fn of(root: &ElementRef, walk: Walk) -> TitleLine {
        let Some(title) = walk.title.and_then(|(title, _)| root.tree().get(title)) else {
            return TitleLine::default();
        };
        let line = std::iter::once(title).chain(title.ancestors());
        TitleLine {
            title: Some(title.id()),
            holding: line.map(|node| node.id()).collect(),
        }
    }
}

/// Appends the text under `root`, leaving out what `walk` says. The walk keeps its own stack
/// of open elements, so a page nested any depth cannot overflow the thread's stack.
fn push_children_as(root: &ElementRef, flow: &mut Flow, walk: Walk) {
    // The title is passed where the walk enters it, or the first element holding it that the
    // walk leaves out (a Docusaurus title's `<header>`).
    let title_line = TitleLine::of(root, walk);
    let mut byline = HashSet::new();
    let mut open = vec![Frame {
        children: root.children(),
        preformatted: false,
        end: End::Nothing,
    }];
    while let Some(frame) = open.last_mut() {
        let Some(child) = frame.children.next() else {
            let end = frame.end;
            open.pop();
            end.apply(flow);
            continue;
        };
        let preformatted = frame.preformatted;
        let Some(element) = ElementRef::wrap(child) else {
            match child.value() {
                Node::Text(text) if preformatted => flow.push_lines(text),
                Node::Text(text) => flow.push(text),
                _ => {}
            }
            continue;
        };
        if byline.contains(&child.id()) {
            continue;
        }
        let holds_title = title_line.holding.contains(&child.id());
        // An element holding the title is the content, whatever its class (`page-with-sidebar`).
        let read = is_read(
            &element,
            Walk {
                chrome_by_name: walk.chrome_by_name && !holds_title,
                ..walk
            },
        );
        if holds_title && (!read || Some(child.id()) == title_line.title) {
            walk.pass_title(flow);
            if read && is_in_title_header(&element, root) {
                byline = byline_after(frame.children.clone(), walk);
            }
        } else if read {
            open.push(enter(element, flow, preformatted));
        }
        if !read && name_is(&element, "header") && !is_banner(&element) {
            push_standfirsts(&element, flow, walk);
        }
    }
}

/// Appends the standfirsts of an article's `<header>`, which is otherwise left out as the
/// banner is (its title is read as the title; its byline, toolbar and tags are chrome): the
/// outermost elements in it that [`is_standfirst`], but the title's.
fn push_standfirsts(header: &ElementRef, flow: &mut Flow, walk: Walk) {
    let title = TitleLine::of(header, walk);
    let walk = Walk {
        title: None,
        ..walk
    };
    let mut chosen = HashSet::new();
    for element in header.descendants().skip(1).filter_map(ElementRef::wrap) {
        let mut up_to_header = element
            .ancestors()
            .take_while(|ancestor| ancestor.id() != header.id());
        if title.holding.contains(&element.id())
            || up_to_header.any(|ancestor| chosen.contains(&ancestor.id()))
            || !is_standfirst(&element)
            || !is_read(&element, walk)
        {
            continue;
        }
        chosen.insert(element.id());
        flow.line_break();
        push_children_as(&element, flow, walk);
        flow.line_break();
    }
}

fn name_is(element: &ElementRef, name: &str) -> bool {
    element.value().name() == name
}

/// Whether `title`'s parent is the header of the page's title, not the content's root: an
/// element of a class whose last part is `header` (`page-header`, `post-header`; a `<header>`
/// is read only for its standfirsts, [`push_standfirsts`]). What follows the title there may
/// be its byline (a date, an author, a reading time, pkgdown's "Source:" link).
fn is_in_title_header(title: &ElementRef, root: &ElementRef) -> bool {
    let Some(parent) = title.parent().and_then(ElementRef::wrap) else {
        return false;
    };
    let last_part_is_header = |class: &str| {
        class
            .rsplit(['-', '_'])
            .next()
            .is_some_and(|part| part.eq_ignore_ascii_case("header"))
    };
    parent.id() != root.id() && parent.value().classes().any(last_part_is_header)
}

/// The byline among the elements that follow the title in its header (see
/// [`is_in_title_header`]): those that are not its standfirst (a paragraph, or an element a
/// class names as one: [`STANDFIRST_NAMES`]), when they hold at most
/// [`MOST_WORDS_BEFORE_TITLE`] words; else none.
fn byline_after(rest: Children<Node>, walk: Walk) -> HashSet<NodeId> {
    let walk = Walk {
        title: None,
        ..walk
    };
    let elements = rest.filter_map(ElementRef::wrap);
    let byline: Vec<ElementRef> = elements
        .filter(|element| !is_standfirst(element) && is_read(element, walk))
        .collect();
    let mut text = Flow::new();
    for element in &byline {
        push_children_as(element, &mut text, walk);
    }
    if text.words() > MOST_WORDS_BEFORE_TITLE {
        return HashSet::new();
    }
    byline.iter().map(|element| element.id()).collect()
}

/// Whether `element`, in a title's header, says what the page is about: an element a class
/// part of which is one of [`STANDFIRST_NAMES`] (PaperMod's `<div class="post-description">`),
/// or a paragraph none of whose class parts is one of [`BYLINE_NAMES`] (Jekyll's `<p
/// class="post-meta">` is a byline).
fn is_standfirst(element: &ElementRef) -> bool {
    let named = |names: &[&str]| {
        element.value().classes().any(|class| {
            class
                .split(['-', '_'])
                .any(|part| names.iter().any(|name| part.eq_ignore_ascii_case(name)))
        })
    };
    named(&STANDFIRST_NAMES) || name_is(element, "p") && !named(&BYLINE_NAMES)
}

/// Whether the text of `element` is read on `walk`.
fn is_read(element: &ElementRef, walk: Walk) -> bool {
    let name = element.value().name();
    !(SKIPPED.contains(&name)
        || element.attr(IGNORE).is_some()
        || is_hidden(element)
        || has_skipped_role(element)
        || is_permalink_mark(element)
        || walk.chrome_by_name && has_chrome_name(element)
        || !walk.buttons && name == "button")
}

/// Starts `element`: adds what comes before its text, and returns the frame that reads its
/// children.
fn enter<'a>(element: ElementRef<'a>, flow: &mut Flow, preformatted: bool) -> Frame<'a> {
    let name = element.value().name();
    let end = if let Some(anchor) = section_anchor(&element) {
        flow.open_heading(anchor);
        End::Heading
    } else {
        let end = separator(name);
        end.apply(flow);
        end
    };
    Frame {
        children: element.children(),
        preformatted: preformatted || name == "pre",
        end,
    }
}

/// Whether `element` is hidden as nothing a visitor reads: `aria-hidden="true"` (an icon's
/// name, the drawn copy of a formula beside its MathML; not a tab's panel), a `hidden`
/// button, dialog or form (MkDocs Material's "Back to top"), or a dialog not `open` (a
/// search box's, a cookie notice's). Other `hidden` elements are read: a closed tab or
/// accordion shows its text once opened.
fn is_hidden(element: &ElementRef) -> bool {
    let name = element.value().name();
    let aria_hidden = element.attr("aria-hidden").map(str::trim);
    let hidden_control =
        element.attr("hidden").is_some() && matches!(name, "button" | "dialog" | "form");
    let closed_dialog = name == "dialog" && element.attr("open").is_none();
    hidden_control
        || closed_dialog
        || aria_hidden.is_some_and(|value| value.eq_ignore_ascii_case("true"))
            && element.attr("role") != Some("tabpanel")
}

/// Whether `element`, a `<header>`, is the site's banner: not the header of an article, a
/// section, an aside or the main content (ARIA's rule for the `banner` role). Its text is left
/// out; an article's header, with the article's title and standfirst, is read.
fn is_banner(element: &ElementRef) -> bool {
    !element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .any(|ancestor| {
            SECTIONING.contains(&ancestor.value().name())
                || ancestor
                    .attr("role")
                    .is_some_and(|role| role.trim().eq_ignore_ascii_case("main"))
        })
}

/// Whether `element`'s role (the first of its list) is one of [`SKIPPED_ROLES`].
fn has_skipped_role(element: &ElementRef) -> bool {
    let role = element
        .attr("role")
        .and_then(|roles| roles.split_ascii_whitespace().next());
    role.is_some_and(|role| {
        SKIPPED_ROLES
            .iter()
            .any(|skipped| role.eq_ignore_ascii_case(skipped))
    })
}

/// Whether `element` is named as chrome: a class whose first part (before a `-` or `_`) is
/// one of [`CHROME_NAMES`] (`navbar-expand`, `sidebar`, `cookie-banner`, `edit-link`), or an
/// `id` that is one (`footer`). Never a heading or a section, whose ids are made of their text
/// (`footer-settings`), nor a wrapper named after what it holds (`page-with-sidebar`).
fn has_chrome_name(element: &ElementRef) -> bool {
    let value = element.value();
    if is_heading(value.name()) || value.name() == "section" {
        return false;
    }
    let is_chrome = |word: &str| {
        CHROME_NAMES
            .iter()
            .any(|name| word.eq_ignore_ascii_case(name))
    };
    let first_part_is_chrome = |class: &str| class.split(['-', '_']).next().is_some_and(is_chrome);
    value.classes().any(first_part_is_chrome) || value.id().is_some_and(is_chrome)
}

/// Whether an element called `name` is a heading.
fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// A heading's permalink (`<a class="headerlink" href="#install">¶</a>`, `#`, `§`, `🔗`): a
/// link in a heading (or a definition's term) to a place in the page whose text is a mark, no
/// word, read neither in the title nor in the body. A table's link to `#plus` reading `+`
/// stays.
fn is_permalink_mark(element: &ElementRef) -> bool {
    let in_heading = || {
        let holders = element.ancestors().filter_map(ElementRef::wrap).take(3);
        holders
            .map(|holder| holder.value().name())
            .any(|name| is_heading(name) || name == "dt")
    };
    element.value().name() == "a"
        && element
            .attr("href")
            .is_some_and(|href| href.starts_with('#'))
        && !element
            .text()
            .any(|text| text.chars().any(char::is_alphanumeric))
        && in_heading()
}

/// What separates the text of the element `name` from the text around it, at its start and
/// at its end alike: a line for a block or a `<br>`, a space for a table cell or a button.
fn separator(name: &str) -> End {
    match name {
        "td" | "th" | "button" => End::Space,
        "br" => End::LineBreak,
        _ if BLOCKS.contains(&name) => End::LineBreak,
        _ => End::Nothing,
    }
}

/// Adds what separates the start or the end of an element called `name` (lower case) from the
/// text around it: a Markdown file's inline HTML tag, read one tag at a time.
pub(crate) fn separate_tag(name: &str, flow: &mut Flow) {
    separator(name).apply(flow);
}

/// Whether the text inside an element called `name` (lower case) is left out.
pub(crate) fn hides_text(name: &str) -> bool {
    SKIPPED.contains(&name)
}

/// The text under `element` on one line, as a title shows it: blocks and `<br>` separate
/// words, and what `walk` leaves out is left out.
fn inline_text(element: &ElementRef, walk: Walk) -> String {
    let mut flow = Flow::new();
    push_children_as(element, &mut flow, walk);
    flow::one_line(&flow.finish())
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
        None => (
            written.trim().to_string(),
            inline_text(element, Walk::PLAIN),
        ),
    };
    (!key.is_empty() && !value.is_empty()).then_some((key, value))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn read(path: &str, text: &str) -> Document {
        read_with(path, text, &IngestOptions::default())
    }

    #[test]
    fn the_language_is_the_contents_or_the_pages() {
        let page = |html: &str, main: &str| {
            format!("<html{html}><body><main{main}><p>Texte</p></main></body></html>")
        };
        let lang = |text: &str| read("a.html", text).lang;
        assert_eq!(lang(&page(" lang=\"fr-CA\"", "")).as_deref(), Some("fr-CA"));
        assert_eq!(
            lang(&page(" lang=\"en\"", " lang=\"de\"")).as_deref(),
            Some("de")
        );
        assert_eq!(lang(&page(" lang=\"\"", "")), None);
        assert_eq!(lang(&page(" lang=\"fr\"", " lang=\" \"")), None);
        assert_eq!(lang(&page("", "")), None);
    }

    #[test]
    fn a_page_without_h1_is_titled_by_the_element_styled_as_the_title_its_title_names() {
        let page = |title: &str| {
            format!(
                "<html><head><title>{title}</title></head><body>\
                 <div id=\"top\"><div id=\"projectname\">Harbor</div>\
                 <div class=\"SRStatus\">Searching...</div></div>\
                 <div class=\"header\"><div class=\"card-title\">Moorings</div><i class=\"ééééé\"></i>\
                 <div class=\"headertitle\"><div class=\"title\">Tides</div></div></div>\
                 <div class=\"contents\"><p>High water twice a day.</p></div></body></html>"
            )
        };
        for title in ["Harbor: Tides", "Tides - Harbor", "Tides"] {
            let document = read("tides.html", &page(title));
            assert_eq!(document.title, "Tides", "{title}");
            assert_eq!(document.body, "High water twice a day.", "{title}");
        }
        // The site's name styled as a title stands before the page's: the page's is taken,
        // the longer, or the one not named as the site's.
        let blog = |site: &str| {
            format!(
                "<html><head><title>Kitchen Lab: Pickled Ginger at Home</title></head><body>\
                 <div class=\"header-outer\"><p class=\"{site}\">Kitchen Lab</p></div>\
                 <h3 class=\"post-title\">Pickled Ginger at Home</h3><p>Slice it thin.</p></body></html>"
            )
        };
        for site in ["title", "site-title"] {
            let document = read("ginger.html", &blog(site));
            assert_eq!(document.title, "Pickled Ginger at Home", "{site}");
            assert_eq!(document.body, "Slice it thin.", "{site}");
        }
        let site_first = "<html><head><title>Tides | Harbor Documentation</title></head><body>\
                          <a class=\"site-title\">Harbor Documentation</a>\
                          <div class=\"page-title\">Tides</div><p>Twice a day.</p></body></html>";
        assert_eq!(read("tides.html", site_first).title, "Tides");
        // No element styled as a title says what `<title>` says: `<title>` is the title.
        let document = read("tides.html", &page("Harbor: Tidal range"));
        assert_eq!(document.title, "Harbor: Tidal range");
        assert!(
            document.body.starts_with("Harbor\nSearching..."),
            "{}",
            document.body
        );
    }

    #[test]
    fn the_byline_after_the_title_in_its_header_is_left_out() {
        let page = |after: &str| {
            format!(
                "<html><body><main><div class=\"post-header\"><h1>Tides</h1>{after}</div>\
                 <p>High water twice a day.</p></main></body></html>"
            )
        };
        let byline = "<small>Source: <code>R/tides.R</code></small>\
                      <div class=\"post-meta\">May 3 · 4 min read</div>\
                      <p class=\"lead\">Why the sea turns.</p>";
        let document = read("tides.html", &page(byline));
        assert_eq!(document.title, "Tides");
        // A paragraph there is a standfirst or a subtitle: the page's text.
        assert_eq!(document.body, "Why the sea turns.\nHigh water twice a day.");
        // So is more than a byline's words.
        let long = format!("<div>{}</div>", ["Tides rise and fall."; 8].join(" "));
        let document = read("tides.html", &page(&long));
        assert!(
            document.body.starts_with("Tides rise and fall."),
            "{}",
            document.body
        );
        // An article's `<header>` is read: its standfirst, styled as one, and not its byline.
        let document = read(
            "tides.html",
            "<html><body><header>Site name</header><article><header class=\"post-header\">\
             <h1>Tides</h1><div class=\"post-description\">Why the sea turns.</div>\
             <div class=\"post-meta\">May 3</div></header><p>High water.</p></article></body></html>",
        );
        assert_eq!(document.body, "Why the sea turns.\nHigh water.");
        let document = read(
            "tides.html",
            "<html><body><main><header><h1>Tides</h1><p>Why the sea turns.</p><time>May 3</time>\
             </header><p>High water.</p></main></body></html>",
        );
        assert_eq!(document.body, "Why the sea turns.\nHigh water.");
        // The rest of an article's header is chrome: a byline's paragraph (Jekyll's Minima), a
        // byline beside the title (WordPress), a header of tags, a toolbar.
        let headers = [
            "<header class=\"post-header\"><h1>Tides</h1><p class=\"post-meta\"><time>May 3</time> • Ann</p></header>",
            "<header class=\"entry-header\"><div class=\"entry-header-inner\"><h1>Tides</h1>\
             <div class=\"post-meta-wrapper\">By Ann</div></div></header>",
            "<header><button>Copy page</button><a href=\"e\">Edit this page</a></header><h1>Tides</h1>\
             <header class=\"article-meta\">Tags: sea</header>",
        ];
        for header in headers {
            let page = format!("<html><body><main><article>{header}<p>High water.</p></article></main></body></html>");
            let document = read("tides.html", &page);
            assert_eq!(
                (document.title.as_str(), document.body.as_str()),
                ("Tides", "High water."),
                "{header}"
            );
        }
        // A title whose parent is the content itself is followed by the content.
        let document = read(
            "tides.html",
            "<html><body><main class=\"page-header\"><h1>Tides</h1><div>Twice a day.</div></main></body></html>",
        );
        assert_eq!(document.body, "Twice a day.");
    }

    #[test]
    fn what_is_hidden_from_screen_readers_is_not_read() {
        let document = read(
            "a.html",
            "<html><body><main><h1 aria-hidden=\"true\">Draft title</h1>\
             <h1>Pipes <span aria-hidden=\"true\">icon-link</span></h1>\
             <p aria-hidden=\"false\">Shown text</p>\
             <div role=\"tabpanel\" hidden>Closed tab</div><button hidden>Back to top</button>\
             <div role=\"tabpanel\" aria-hidden=\"true\">Other tab</div>\
             <p>E = mc<sup>2</sup></p><p aria-hidden=\"TRUE \">E = mc^2</p></main></body></html>",
        );
        assert_eq!(document.title, "Pipes");
        assert_eq!(document.body, "Shown text\nClosed tab\nOther tab\nE = mc2");
    }

    /// A browser never shows a formula's TeX source, a closed dialog, or what stands in for a
    /// video, an audio or a frame it can show.
    #[test]
    fn what_a_browser_never_shows_is_not_read() {
        let document = read(
            "a.html",
            "<html><body><main><h1>Energy</h1><p><math><semantics><mi>E</mi>\
             <annotation encoding=\"application/x-tex\">E = mc^2 \\frac{a}{b}</annotation>\
             <annotation-xml encoding=\"MathML-Content\"><ci>x</ci></annotation-xml></semantics></math></p>\
             <video src=\"a.mp4\">Your browser does not support the video tag.</video>\
             <audio src=\"a.mp3\">No audio here</audio><iframe src=\"x.html\">No frames</iframe>\
             <dialog><p>Search the docs</p></dialog><dialog open><p>Open dialog</p></dialog>\
             <p>Mass and light.</p></main></body></html>",
        );
        assert_eq!(document.body, "E\nOpen dialog\nMass and light.");
    }

    fn read_with(path: &str, text: &str, options: &IngestOptions) -> Document {
        match page(path, text, options) {
            Page::Document { document, .. } => *document,
            Page::Omitted(omission) => panic!("{path} left out: {omission:?}"),
        }
    }

    fn page(path: &str, text: &str, options: &IngestOptions) -> Page {
        let relative = RelativePath::new(Path::new(path), Path::new(""));
        parse(text, &relative, options).unwrap()
    }

    /// The title of `a.html` holding `text`, and whether it was read from `<title>`.
    fn titled(text: &str, options: &IngestOptions) -> (String, bool) {
        match page("a.html", text, options) {
            Page::Document {
                document,
                title_tag,
                ..
            } => (document.title, title_tag),
            Page::Omitted(omission) => panic!("left out: {omission:?}"),
        }
    }

    fn selectors(content: Option<&str>, title: Option<&str>) -> IngestOptions {
        IngestOptions {
            content_selector: content.map(|css| css.parse().unwrap()),
            title_selector: title.map(|css| css.parse().unwrap()),
            ..IngestOptions::default()
        }
    }

    #[test]
    fn chrome_scripts_and_ignored_sections_are_left_out() {
        let document = read(
            "page.html",
            "<html><head><title>T</title><style>.x{}</style></head><body>\
             <header>Masthead</header><nav>Menu</nav>\
             <p>Kept  text\n here</p><script>var hidden;</script><noscript>Enable JS</noscript>\
             <div data-scour-ignore><p>Secret</p></div><template>Later</template>\
             <footer>Legal</footer><svg><title>Close icon</title><text>label</text></svg></body></html>",
        );
        assert_eq!(document.body, "Kept text here");
    }

    /// A page with no `<h1>` and no `<title>` is not titled by an icon's SVG `<title>`.
    #[test]
    fn a_drawing_s_title_is_not_the_page_s() {
        let document = read(
            "plain.html",
            "<body><svg><title>Close icon</title></svg><p>Some text.</p></body>",
        );
        assert_eq!(document.title, "plain");
        assert_eq!(document.body, "Some text.");
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
    fn options_and_buttons_are_separate_words() {
        let document = read(
            "page.html",
            "<body><select><option>Linux</option><optgroup label=\"x\"><option>Windows</option>\
             </optgroup></select><button>Save</button><button>Cancel</button></body>",
        );
        assert_eq!(document.body, "Linux\nWindows\nSave Cancel");
    }

    #[test]
    fn main_is_preferred_to_article_and_article_to_body() {
        let page = |inner: &str| read("p.html", &format!("<body><p>outside</p>{inner}</body>"));
        assert_eq!(page("<article>art</article><main>main</main>").body, "main");
        assert_eq!(page("<article>art</article>").body, "art");
        assert_eq!(
            page("<article>art</article><div role=\"main\">role</div>").body,
            "role"
        );
        assert_eq!(page("").body, "outside");
        // Of several `<main>`, the first not hidden.
        assert_eq!(page("<main hidden>old</main><main>new</main>").body, "new");
    }

    /// Without `<main>`, an article is the page when it holds the page's `<h1>`, or is alone;
    /// articles beside the page's text (related posts' teasers) or a list of posts are not.
    #[test]
    fn the_article_read_is_the_page_s_own() {
        let page = |inner: &str| read("p.html", &format!("<body>{inner}</body>"));
        let teasers =
            "<aside><article>Penguins waddle</article><article>Owls hoot</article></aside>";
        let own = page(&format!(
            "<div><h1>Flamingos</h1><p>Pink birds.</p></div>{teasers}"
        ));
        assert_eq!(own.title, "Flamingos");
        assert!(own.body.starts_with("Pink birds."), "{}", own.body);
        let one = page(
            "<div><h1>Flamingos</h1><p>Pink birds.</p></div><article>Penguins waddle</article>",
        );
        assert!(one.body.contains("Pink birds."), "{}", one.body);
        let held = page(&format!(
            "<header><h1>Bird blog</h1></header><article><h1>Flamingos</h1><p>Pink birds.</p>\
             <article>A comment</article></article>{teasers}"
        ));
        assert_eq!(
            (held.title.as_str(), held.body.as_str()),
            ("Flamingos", "Pink birds.\nA comment")
        );
        assert_eq!(
            page("<article><h2>Flamingos</h2><p>Pink.</p></article><p>Footer words</p>").body,
            "Flamingos\nPink."
        );
        let list =
            page("<h2>Posts</h2><article>Penguins waddle</article><article>Owls hoot</article>");
        assert_eq!(list.body, "Posts\nPenguins waddle\nOwls hoot");
    }

    /// A page of Sphinx's default theme has no `<main>`, `<nav>` or `<footer>`: its content
    /// is a `<div role="main">`, its sidebars and search box are `<div role="navigation">` and
    /// `role="search"`, its footer `role="contentinfo"`. None of their text is indexed, and the
    /// title is the content's heading without its permalink's `¶`.
    #[test]
    fn a_sphinx_page_is_read_by_its_aria_roles() {
        let page = "<html lang=\"en\"><head><title>os &#8212; Python docs</title></head><body>\
            <div class=\"related\" role=\"navigation\"><h3>Navigation</h3><a href=\"sys.html\">next</a></div>\
            <div class=\"document\"><div class=\"body\" role=\"main\"><section id=\"module-os\">\
            <h1>os: operating system interfaces<a class=\"headerlink\" href=\"#module-os\">¶</a></h1>\
            <p>A portable way of using the <a href=\"#x\">system</a>.</p>\
            </section></div><div class=\"sphinxsidebar\" role=\"navigation\"><h3>Table of Contents</h3>\
            <div id=\"searchbox\" role=\"search\"><h3>Quick search</h3><input type=\"submit\" value=\"Go\"></div>\
            </div></div><div class=\"footer\" role=\"contentinfo\">Copyright Python Software Foundation.</div>\
            </body></html>";
        let document = read("os.html", page);
        assert_eq!(document.title, "os: operating system interfaces");
        assert_eq!(document.body, "A portable way of using the system.");
        // Outside the content too (a page without role="main"), and a role listed first.
        let whole = read(
            "a.html",
            "<body><div role=\"Navigation menu\">Menu</div><h1>A</h1><p>Text.</p>\
             <div role=\"banner\"><h1>Site</h1></div><div role=\"note\">Kept.</div></body>",
        );
        assert_eq!(
            (whole.title.as_str(), whole.body.as_str()),
            ("A", "Text.\nKept.")
        );
    }

    #[test]
    fn title_falls_back_from_the_content_h1_to_title_to_stem() {
        let titled = |text: &str| titled(text, &IngestOptions::default());
        assert_eq!(
            titled("<title>Page - Site</title><main><h1>Head <em>line</em></h1></main>"),
            ("Head line".to_string(), false)
        );
        assert_eq!(
            titled("<title> The  Title </title><h1> </h1><p>x</p>"),
            ("The Title".to_string(), true)
        );
        assert_eq!(titled("<p>text</p>"), ("a".to_string(), false));
    }

    #[test]
    fn a_line_break_in_a_title_separates_its_words() {
        let page = "<main><h1>Getting<br>Started<script>x()</script></h1><p class=\"t\">Quick<br/>start</p></main>";
        assert_eq!(read("a.html", page).title, "Getting Started");
        let chosen = read_with("a.html", page, &selectors(None, Some(".t")));
        assert_eq!(chosen.title, "Quick start");
    }

    #[test]
    fn the_title_h1_is_the_first_of_the_content_not_of_the_chrome() {
        let title =
            |body: &str| read("a.html", &format!("<title>T</title><body>{body}</body>")).title;
        assert_eq!(title("<h1>Site</h1><main><h1>Page</h1></main>"), "Page");
        assert_eq!(title("<header><h1>Site</h1></header><h1>Page</h1>"), "Page");
        assert_eq!(title("<header><h1>Site</h1></header><p>x</p>"), "T");
        assert_eq!(
            title("<nav><h1>Menu</h1></nav><div data-scour-ignore><h1>Ad</h1></div>"),
            "T"
        );
        assert_eq!(
            title("<article><header><h1>Post</h1></header><p>x</p></article>"),
            "Post"
        );
        assert_eq!(
            title("<section><header><h1>Part</h1></header></section>"),
            "Part"
        );
    }

    #[test]
    fn a_title_selector_wins_and_falls_back_when_it_matches_nothing() {
        let options = selectors(None, Some(".page-title"));
        let page = "<title>T</title><body><p class=\"page-title\">Chosen</p><main><h1>H</h1></main></body>";
        assert_eq!(read_with("a.html", page, &options).title, "Chosen");
        let page = "<title>T</title><body><main><h1>H</h1></main></body>";
        assert_eq!(read_with("a.html", page, &options).title, "H");
        let by_tag = titled(
            "<title>T - S</title><main><h1>H</h1></main>",
            &selectors(None, Some("title")),
        );
        assert_eq!(by_tag, ("T - S".to_string(), true));
    }

    #[test]
    fn a_content_selector_chooses_the_text_and_the_title_h1() {
        let options = selectors(Some("div.doc"), None);
        let page = "<title>T</title><body><main><h1>Outer</h1><p>shell</p>\
                    <div class=\"doc\"><h1>Inner</h1><p>kept</p></div></main></body>";
        let document = read_with("a.html", page, &options);
        assert_eq!(document.body, "kept");
        assert_eq!(document.title, "Inner");
        let elsewhere = read_with("b.html", "<main><p>main text</p></main>", &options);
        assert_eq!(elsewhere.body, "main text");
        let with_header = "<body><div class=\"doc\"><header><h1>Chosen</h1></header></div></body>";
        assert_eq!(read_with("c.html", with_header, &options).title, "Chosen");
    }

    /// Why a page of `head` and a title is left out, if it is.
    fn omission(head: &str) -> Option<Omission> {
        let text = format!("<head>{head}</head><body><h1>A</h1></body>");
        match page("a.html", &text, &IngestOptions::default()) {
            Page::Omitted(omission) => Some(omission),
            Page::Document { .. } => None,
        }
    }

    #[test]
    fn noindex_pages_are_left_out() {
        let left_out = |meta: &str| omission(meta) == Some(Omission::NoIndex);
        assert!(left_out(r#"<meta name="robots" content="noindex">"#));
        assert!(left_out(
            r#"<meta name="ROBOTS" content="NoIndex, follow">"#
        ));
        assert!(left_out(r#"<meta name="robots" content="follow,none">"#));
        assert!(!left_out(r#"<meta name="robots" content="index, follow">"#));
        assert!(!left_out(r#"<meta name="robots" content="nofollow">"#));
        assert!(!left_out(r#"<meta name="description" content="noindex">"#));
    }

    #[test]
    fn pages_that_redirect_are_left_out() {
        let left_out = |meta: &str| omission(meta) == Some(Omission::Redirect);
        assert!(left_out(
            r#"<meta http-equiv="refresh" content="0; url=/docs/new/">"#
        ));
        assert!(left_out(
            r#"<meta http-equiv="Refresh" content="5;URL='https://example.com/'">"#
        ));
        assert!(!left_out(r#"<meta http-equiv="refresh" content="300">"#));
        // A page reloading itself (a.html's own addresses) stays.
        for own in ["a.html", "./a.html", "/a", "'#'", "\"/a.html?live\""] {
            let meta = format!(r#"<meta http-equiv="refresh" content="60; url={own}">"#);
            assert!(!left_out(&meta), "{meta}");
        }
        assert!(left_out(
            r#"<meta http-equiv="refresh" content="60; URL = 'b.html'">"#
        ));
        assert!(!left_out(r#"<meta name="refresh" content="0; url=/x/">"#));
        // A page moved to a folder of its name (`a.html` to `/a/`) is a redirect.
        assert!(left_out(
            r#"<meta http-equiv="refresh" content="0; url=/a/">"#
        ));
    }

    #[test]
    fn front_matter_drafts_are_left_out_and_the_block_is_not_text() {
        let draft = page(
            "a.html",
            "---\ndraft: true\n---\n<h1>A</h1>",
            &IngestOptions::default(),
        );
        assert!(matches!(draft, Page::Omitted(Omission::Draft)), "{draft:?}");
        let kept = read("a.html", "---\ndraft: false\n---\n<h1>A</h1><p>text</p>");
        assert_eq!(kept.body, "text");
    }

    #[test]
    fn headings_with_anchors_start_sections() {
        let document = read(
            "guide.html",
            "<body><main><h1 id=\"top\">Guide</h1><p>Intro.</p>\
             <h2 id=\"install\">Install <a class=\"headerlink\" href=\"#install\">¶</a></h2><p>Unpack it.</p>\
             <h2>No anchor</h2><p>Plain.</p>\
             <section id=\"configure\"><h3>Configure</h3><p>Set it.</p></section>\
             <h3><a name=\"legacy\"></a>Old style</h3><p>Still found.</p>\
             <a id=\"doxygen\"></a>\n<h2>Member</h2><p>Before it.</p>\
             <a href=\"#x\" id=\"link\">a link</a><h2>After a link</h2><p>Not its anchor.</p>\
             <div id=\"box\"><p>Lead</p><h4>Not opening</h4></div></main></body>",
        );
        assert_eq!(document.title, "Guide");
        let found = sections::found(&document);
        assert_eq!(
            found,
            [
                ("install", "Install", "Unpack it."),
                ("configure", "Configure", "Set it."),
                ("legacy", "Old style", "Still found."),
                ("doxygen", "Member", "Before it."),
            ]
        );
        assert!(document
            .body
            .starts_with("Intro.\nInstall\nUnpack it.\nNo anchor\nPlain."));
    }

    /// A documentation theme's chrome inside the content, before the title's `<h1>` (a
    /// breadcrumb, a version badge, a table of contents' toggle, as Docusaurus writes them),
    /// is left out: the page's text starts after its title. More words than a few before the
    /// `<h1>` are content, and kept.
    #[test]
    fn the_content_starts_at_its_title() {
        let page = "<main><article><nav class=\"crumbs\">Home</nav><ul class=\"breadcrumbs\"><li>Docs</li>\
            <li>Arrays</li></ul><span class=\"badge\">Version: 2.1</span><div class=\"toc-mobile\">\
            <button>On this page</button></div><h1>array_flip</h1><p>Exchanges all keys with their values.</p>\
            </article></main>";
        let document = read("a.html", page);
        assert_eq!(document.title, "array_flip");
        assert_eq!(document.body, "Exchanges all keys with their values.");
        // The title in a `<header>` of the content, which is not read.
        let page = page.replace(
            "<h1>array_flip</h1>",
            "<div><header><h1>array_flip</h1></header></div>",
        );
        let document = read("a.html", &page);
        assert_eq!(document.title, "array_flip");
        assert_eq!(document.body, "Exchanges all keys with their values.");
        let long = format!(
            "<main><p>{}</p><h1>Later</h1><p>After.</p></main>",
            "word ".repeat(31)
        );
        let document = read("b.html", &long);
        assert_eq!(document.title, "Later");
        assert!(document.body.starts_with("word word"), "{}", document.body);
        assert!(document.body.ends_with("word\nAfter."), "{}", document.body);
    }

    /// A theme of `<div>`s (Bootstrap, Jekyll: no `<main>`, `<nav>`, `<footer>` or roles) names
    /// its chrome by class or `id`: the navigation bar, the sidebar (with the site's name as an
    /// `<h1>`), the breadcrumb, the pager, the footer and the cookie banner are left out, and
    /// so is a link to edit the page inside the title. A title leaves out buttons, as rustdoc's
    /// "Copy item path". Where the page has a content element, a class names nothing.
    #[test]
    fn a_theme_of_divs_is_read_without_the_chrome_its_classes_name() {
        let page = "<body><div class=\"navbar navbar-expand\"><a>Brand</a><button>Toggle navigation</button></div>\
            <div class=\"sidebar\"><div class=\"sidebar-about\"><h1><a href=\"/\">PHP Manual</a></h1></div>\
            <ul><li>reverse</li><li>sort</li></ul></div><div class=\"content\"><ol class=\"breadcrumb\"><li>Home</li></ol>\
            <h1>str_replace <small><a class=\"edit-link\" href=\"/edit\">Improve this page</a></small></h1>\
            <p>Replace all occurrences.</p><ul class=\"pager\"><li>strrev</li></ul></div>\
            <div id=\"footer\">Copyright</div><div class=\"cookie-banner\">We use cookies</div></body>";
        let document = read("a.html", page);
        assert_eq!(document.title, "str_replace");
        assert_eq!(document.body, "Replace all occurrences.");
        let rustdoc = "<main><h1>Function <a>krate</a>::<a class=\"fn\">flip</a>\
            <button id=\"copy-path\">Copy item path</button></h1><p>Flips.</p></main>";
        assert_eq!(read("b.html", rustdoc).title, "Function krate::flip");
        let with_main =
            "<main><h1>T</h1><p>Text.</p><aside class=\"sidebar\">A note.</aside></main>";
        assert_eq!(read("c.html", with_main).body, "Text.\nA note.");
        // A wrapper that a class seems to name as chrome, holding the title or all the text.
        let wrapper = "<body><div class=\"page-with-sidebar\"><h1>T</h1><p>Text.</p></div></body>";
        assert_eq!(read("d.html", wrapper).body, "Text.");
        let text = "Ten words of the page that a wrapper holds, and more.";
        let untitled = format!("<body><div class=\"with-sidebar\"><p>{text}</p></div></body>");
        assert_eq!(read("e.html", &untitled).body, text);
    }

    /// What only looks like chrome stays: a heading or section whose `id` is made of its text
    /// (`footer-settings`), a class naming chrome after its first part (Asciidoctor's
    /// `sidebarblock`, a `main-with-sidebar` wrapper), a run of unspaced text before the title
    /// (each of its characters a word), a table's link to `#plus` reading `+`. A sidebar's
    /// `<h1>` is no title while `<title>` is at hand.
    #[test]
    fn what_only_looks_like_chrome_stays() {
        let ids = "<title>Footer settings</title><body><div class=\"content\">\
            <h1 id=\"footer-settings\">Footer settings</h1><p>Set footer.text in config.</p>\
            <h2 id=\"examples\">Examples</h2><section id=\"cookies\"><p>Cookies kept.</p></section>\
            <div class=\"sidebarblock\"><p>A sidebar block.</p></div></div></body>";
        let document = read("a.html", ids);
        assert_eq!(document.title, "Footer settings");
        assert_eq!(
            document.body,
            "Set footer.text in config.\nExamples\nCookies kept.\nA sidebar block."
        );
        let wrapper = "<body><div class=\"container main-with-sidebar\"><h1>Planning berths</h1>\
            <p>Berths are planned.</p><div class=\"sidebar\">Links</div></div>\
            <div class=\"comments\"><h1>Leave a reply</h1><p>Thanks.</p></div></body>";
        let document = read("b.html", wrapper);
        assert_eq!(document.title, "Planning berths");
        assert_eq!(document.body, "Berths are planned.\nLeave a reply\nThanks.");
        let hyde = "<title>Post</title><body><div class=\"sidebar\"><h1>Hyde</h1></div>\
            <div class=\"content\"><p>Text.</p></div></body>";
        assert_eq!(read("c.html", hyde).title, "Post");
        let unspaced = format!(
            "<main><p>{}</p><h1>題</h1><p>本文。</p></main>",
            "日本語".repeat(12)
        );
        assert!(read("d.html", &unspaced).body.starts_with("日本語"));
        let table =
            "<main><h1>Operators</h1><table><tr><td><a href=\"#plus\"><code>+</code></a></td>\
            <td>Addition</td></tr></table></main>";
        assert_eq!(read("e.html", table).body, "+ Addition");
    }

    /// The element read as the title is not read again as the body's first line (so a hit
    /// whose body matches nothing shows the page's first paragraph, not its title twice), as
    /// a Markdown file's title heading is not; every other heading's text stays.
    #[test]
    fn the_title_element_is_left_out_of_the_body() {
        let read = |page: &str, options: &IngestOptions| {
            let document = read_with("a.html", page, options);
            (document.title, document.body)
        };
        let default = IngestOptions::default();
        let page =
            "<title>T</title><main><h1>Guide</h1><p>Intro.</p><h1>Second</h1><p>More.</p></main>";
        assert_eq!(
            read(page, &default),
            ("Guide".into(), "Intro.\nSecond\nMore.".into())
        );
        let by_tag = "<title>Tab</title><main><p>Tab</p><p>Text.</p></main>";
        assert_eq!(read(by_tag, &default), ("Tab".into(), "Tab\nText.".into()));
        let chosen = "<main><p class=\"page-title\">Chosen</p><h1>Heading</h1><p>Text.</p></main>";
        let options = selectors(None, Some(".page-title"));
        assert_eq!(
            read(chosen, &options),
            ("Chosen".into(), "Heading\nText.".into())
        );
    }

    #[test]
    fn definition_terms_with_anchors_start_sections() {
        let document = read(
            "os.html",
            "<main><h1>os</h1><p>Operating system interfaces.</p><dl class=\"py function\">\
             <dt class=\"sig\" id=\"os.getcwd\"><span>os.</span><span>getcwd</span>()\
             <a class=\"headerlink\" href=\"#os.getcwd\">¶</a></dt>\
             <dd><p>Return the current working directory.</p></dd></dl>\
             <dl><dt id=\"spaced term\">Spaced</dt><dd>Its id as a fragment.</dd>\
             <dt>Glossary term</dt><dd>Its meaning.</dd></dl></main>",
        );
        let found = sections::found(&document);
        assert_eq!(
            found,
            [
                (
                    "os.getcwd",
                    "os.getcwd()",
                    "Return the current working directory."
                ),
                ("spaced%20term", "Spaced", "Its id as a fragment.")
            ]
        );
        assert!(
            document.body.ends_with("\nGlossary term\nIts meaning."),
            "{}",
            document.body
        );
    }

    #[test]
    fn text_nested_any_depth_is_read_on_a_small_stack() {
        let page = format!(
            "<main>{}deep <i>text</i>{}</main>",
            "<b><span>".repeat(50_000),
            "</span></b>".repeat(50_000)
        );
        let read_deep = move || {
            let html = Html::parse_document(&page);
            body_text(&content_root(&html, &IngestOptions::default()), Walk::PLAIN).0
        };
        let small_stack = std::thread::Builder::new().stack_size(256 * 1024);
        let body = small_stack.spawn(read_deep).unwrap().join().unwrap();
        assert_eq!(body, "deep text");
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
        let capitalised = read(
            "a.html",
            r#"<meta name=" Date" content="2024-03-03"><p>x</p>"#,
        );
        assert_eq!(capitalised.date.as_deref(), Some("2024-03-03"));
        let relative = RelativePath::new(Path::new("a.html"), Path::new(""));
        let options = IngestOptions::default();
        let page = "<meta name=\"date\" content=\"soon\"><h1>Kept</h1><p>x</p>";
        let Ok(Page::Document {
            document, warnings, ..
        }) = parse(page, &relative, &options)
        else {
            panic!("not read")
        };
        assert_eq!((document.title.as_str(), document.date), ("Kept", None));
        assert_eq!(
            warnings[0].to_string(),
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
        let relative = RelativePath::new(Path::new("docs/intro.html"), Path::new(""))
            .served_from(&"https://example.com/site".parse().unwrap());
        let Page::Document { document, .. } =
            parse("", &relative, &IngestOptions::default()).unwrap()
        else {
            panic!("left out")
        };
        assert_eq!(
            document.url.as_deref(),
            Some("https://example.com/site/docs/intro.html")
        );
    }
}

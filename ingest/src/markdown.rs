//! Markdown files: front matter, then the text of the Markdown without its markup.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use scour_core::{Document, Section};

use crate::corpus::Omission;
use crate::error::Failure;
use crate::fields;
use crate::flow::{self, Flow};
use crate::frontmatter;
use crate::html;
use crate::relative::RelativePath;
use crate::sections;
use crate::source::Page;

/// Reads the text of a `.md` file at `relative` into a document, unless it is a draft; its URL
/// is the file's when it is `published` as it is (in a site of HTML pages), else the page's a
/// generator renders it to (`guide/install/`).
pub(crate) fn parse(text: &str, relative: &RelativePath, published: bool) -> Result<Page, Failure> {
    let (fields, markdown) = frontmatter::split(text)?;
    if frontmatter::is_draft(&fields) {
        return Ok(Page::Omitted(Omission::Draft));
    }
    let mut document = Document::new(relative.id(), "", "");
    let warnings = fields::set_all(&mut document, fields);
    // The first `# heading` is the title when the front matter gives none; one that opens the
    // text repeating the front matter's title is not read twice.
    let opens = matches!(
        Parser::new_ext(markdown, extensions()).next(),
        Some(Event::Start(Tag::Heading {
            level: HeadingLevel::H1,
            ..
        }))
    );
    let titled = !document.title.is_empty();
    let mut plain = to_plain_text(markdown, !titled || opens)?;
    let repeats = |heading: &str| same_words(heading, &document.title);
    if titled && opens && !plain.heading.as_deref().is_some_and(repeats) {
        plain = to_plain_text(markdown, false)?;
    }
    document.body = plain.body;
    document.sections = plain.sections;
    if document.title.is_empty() {
        document.title = plain.heading.unwrap_or_else(|| relative.stem().to_string());
    }
    document.url.get_or_insert_with(|| match published {
        true => relative.file_url(),
        false => relative.page_url(),
    });
    sections::finish(&mut document);
    Ok(Page::Document {
        document: Box::new(document),
        title_tag: false,
        warnings,
    })
}

/// Whether two titles are the same words, whatever their case and spacing.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

/// Markdown turned to plain text.
struct PlainText {
    /// The first `# heading`, when it was asked for; it is then left out of `body`.
    heading: Option<String>,
    body: String,
    /// The body's other headings, each anchored by its `{#id}` or the slug of its text.
    sections: Vec<Section>,
}

/// Where the first level-1 heading stands, when it is wanted as the title.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Heading {
    Unwanted,
    Wanted,
    Inside,
    Taken,
}

/// The text of `markdown`: text and code, blocks on their own lines, no markup or link targets;
/// raw HTML as a browser shows it. Fails on an HTML block nested too deep to be read.
fn to_plain_text(markdown: &str, take_heading: bool) -> Result<PlainText, Failure> {
    let mut reader = Reader::new(take_heading);
    for event in Parser::new_ext(markdown, extensions()) {
        reader.read(event)?;
    }
    Ok(reader.finish())
}

/// Markdown being turned to plain text, one parser event at a time.
struct Reader {
    body: Flow,
    heading_text: Flow,
    heading: Heading,
    in_code: bool,
    /// The HTML block being read: its lines come one event each and are read as one piece.
    html_block: String,
    /// The element an inline HTML tag opened whose text is hidden (`script`, `style`), until
    /// its end tag or the end of the block it is in.
    hidden_by: Option<String>,
}

impl Reader {
    /// A reader that takes the first level-1 heading out as the title when `take_heading`.
    fn new(take_heading: bool) -> Self {
        Reader {
            body: Flow::new(),
            heading_text: Flow::new(),
            heading: if take_heading {
                Heading::Wanted
            } else {
                Heading::Unwanted
            },
            in_code: false,
            html_block: String::new(),
            hidden_by: None,
        }
    }

    /// Where text goes now: the title heading's text or the body.
    fn flow(&mut self) -> &mut Flow {
        if self.heading == Heading::Inside {
            &mut self.heading_text
        } else {
            &mut self.body
        }
    }

    /// Adds what `event` shows to the text.
    fn read(&mut self, event: Event) -> Result<(), Failure> {
        if matches!(&event, Event::End(end) if !is_inline(*end)) {
            self.hidden_by = None;
        }
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if self.heading == Heading::Wanted => {
                self.heading = Heading::Inside;
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) if self.heading == Heading::Inside => {
                self.heading = Heading::Taken;
            }
            Event::Start(Tag::Heading { id, .. }) => {
                let anchor = id.map(|id| id.to_string()).unwrap_or_default();
                self.flow().open_heading(anchor);
            }
            Event::End(TagEnd::Heading(_)) => self.flow().close_heading(),
            Event::Start(tag) => {
                self.in_code |= matches!(tag, Tag::CodeBlock(_));
                separate(self.flow(), tag.to_end());
            }
            Event::End(TagEnd::HtmlBlock) => {
                let markup = std::mem::take(&mut self.html_block);
                html::push_markup_text(&markup, self.flow())?;
                separate(self.flow(), TagEnd::HtmlBlock);
            }
            Event::End(end) => {
                self.in_code &= end != TagEnd::CodeBlock;
                separate(self.flow(), end);
            }
            Event::Html(markup) => self.html_block.push_str(&markup),
            Event::InlineHtml(markup) => self.read_inline_html(&markup),
            _ if self.hidden_by.is_some() => {}
            Event::Text(text) if self.in_code => self.flow().push_lines(&text),
            Event::Text(text)
            | Event::Code(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text) => {
                self.flow().push(&text);
            }
            Event::SoftBreak => self.flow().space(),
            Event::HardBreak | Event::Rule => self.flow().line_break(),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
        Ok(())
    }

    /// Reads one inline HTML tag: a script's or style's start hides the text up to its end tag,
    /// a block's start or end (`<p>`, `<br>`) separates the words around it, and inline tags
    /// (`<b>`, `<kbd>`), comments and the like add nothing.
    fn read_inline_html(&mut self, markup: &str) {
        let Some((name, closing)) = tag_name(markup) else {
            return;
        };
        match &self.hidden_by {
            Some(hidden) => {
                if closing && *hidden == name {
                    self.hidden_by = None;
                }
            }
            None if !closing && html::hides_text(&name) => self.hidden_by = Some(name),
            None => html::separate_tag(&name, self.flow()),
        }
    }

    /// The text read, its sections anchored.
    fn finish(self) -> PlainText {
        let (body, mut sections) = self.body.finish_with_sections();
        sections::fill_slugs(&mut sections);
        let heading = self.heading_text.finish();
        PlainText {
            heading: (self.heading == Heading::Taken).then(|| flow::one_line(&heading)),
            body,
            sections,
        }
    }
}

/// The lower-case name of the tag `markup` holds, and whether it is an end tag; none for a
/// comment, a declaration or a processing instruction.
fn tag_name(markup: &str) -> Option<(String, bool)> {
    let inside = markup.strip_prefix('<')?;
    let (closing, inside) = match inside.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inside),
    };
    let name: String = inside
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        .then_some((name, closing))
}

/// GitHub-style tables, strikethrough, task lists and footnotes, definition lists, and
/// `{#id}` heading anchors; no smart punctuation, so the text is searched as written.
fn extensions() -> Options {
    Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_DEFINITION_LIST
}

/// Blocks start and end on their own line, table cells are apart, inline markup joins.
fn separate(flow: &mut Flow, end: TagEnd) {
    match end {
        _ if is_inline(end) => {}
        TagEnd::TableCell => flow.space(),
        _ => flow.line_break(),
    }
}

/// Whether `end` ends inline markup, which words run through, rather than a block.
fn is_inline(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::error::Problem;

    fn read(path: &str, text: &str) -> Document {
        let relative = RelativePath::new(Path::new(path), Path::new(""));
        match parse(text, &relative, false).unwrap() {
            Page::Document { document, .. } => *document,
            Page::Omitted(omission) => panic!("{path} left out: {omission:?}"),
        }
    }

    #[test]
    fn markup_and_link_targets_are_dropped_and_blocks_kept_apart() {
        let text = "Some *emphasis* and **strong** [link](https://example.invalid/target).\n\
                    Soft\nbreak.\n\n## Section\n\n- item `code`\n- other\n\n```sh\nrun --now\nexit\n```\n\n\
                    | a | b |\n|---|---|\n| c | d |\n\n<div>raw html</div>\n";
        let document = read("page.md", text);
        assert_eq!(
            document.body,
            "Some emphasis and strong link. Soft break.\nSection\nitem code\nother\nrun --now\nexit\na b\nc d\nraw html"
        );
    }

    #[test]
    fn html_blocks_keep_the_text_a_browser_shows() {
        let text = "<p align=\"center\">centeredword &eacute;</p>\n\n\
                    <div class=\"note\">\nhtmlblockword <b>bold</b>inside\n</div>\n\n\
                    <details><summary>summaryword</summary>\n\nInside *markdown*.\n\n</details>\n\n\
                    <!--\nhidden comment\n\nstill hidden\n-->\n\n\
                    <script>\nvar hidden;\n\nhidden();\n</script>\n<style>p { hidden: 1 }</style>\n\n\
                    <ul><li>one</li><li>two</li></ul>\n";
        let document = read("page.md", text);
        assert_eq!(
            document.body,
            "centeredword é\nhtmlblockword boldinside\nsummaryword\nInside markdown.\none\ntwo"
        );
    }

    #[test]
    fn inline_html_tags_join_words_and_scripts_and_comments_are_hidden() {
        let text = "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, x<sup>2</sup> <b>bo</b>ld \
                    <!-- a\ncomment --> <script>var\nhidden</script>shown<br>next <span>line</span>\n\n\
                    <i>a</i> <style>unclosed\n\nNext paragraph.\n";
        let document = read("page.md", text);
        assert_eq!(
            document.body,
            "Press Ctrl+C, x2 bold shown\nnext line\na\nNext paragraph."
        );
    }

    #[test]
    fn inline_html_in_the_title_heading_is_text_on_one_line() {
        let document = read("a.md", "# Getting<br>Started <sup>beta</sup>\n\nBody.\n");
        assert_eq!(document.title, "Getting Started beta");
        assert_eq!(document.body, "Body.");
    }

    #[test]
    fn an_html_block_nested_too_deep_fails_the_file() {
        let relative = RelativePath::new(Path::new("a.md"), Path::new(""));
        let deep = format!("Intro.\n\n{}\n", "<div>".repeat(1_000));
        let failure = parse(&deep, &relative, false).unwrap_err();
        assert!(
            matches!(failure.problem, Problem::TooDeep { .. }),
            "{failure:?}"
        );
    }

    #[test]
    fn first_h1_is_the_title_when_front_matter_has_none() {
        let document = read(
            "guide/install.md",
            "Intro.\n\n# Installing\n\nBody.\n\n# Second\n",
        );
        assert_eq!(document.title, "Installing");
        assert_eq!(document.body, "Intro.\nBody.\nSecond");
    }

    #[test]
    fn front_matter_title_wins_and_the_heading_stays_in_the_body() {
        let document = read(
            "guide/install.md",
            "---\ntitle: Setup\n---\n# Installing\n\nBody.\n",
        );
        assert_eq!(document.title, "Setup");
        assert_eq!(document.body, "Installing\nBody.");
        assert_eq!(document.sections[0].anchor, "installing");
        let titled = read(
            "a.md",
            "---\ntitle: Setup\n---\n# Setup\n\nBody.\n## More\n",
        );
        let anchors: Vec<&str> = titled.sections.iter().map(|s| s.anchor.as_str()).collect();
        assert_eq!(
            anchors,
            ["more"],
            "the heading that repeats the title starts no section"
        );
        assert_eq!(
            titled.body, "Body.\nMore",
            "nor is it read again at the start of the body (an excerpt's first line)"
        );
        let cased = read("a.md", "---\ntitle: Set  up\n---\n# set up\n\nBody.\n");
        assert_eq!(cased.body, "Body.");
        let later = read(
            "a.md",
            "---\ntitle: Setup\n---\nIntro.\n\n# Setup\n\nSteps.\n",
        );
        assert_eq!(
            later.body, "Intro.\nSetup\nSteps.",
            "only a heading that opens the text"
        );
        assert_eq!(later.sections[0].anchor, "setup");
    }

    #[test]
    fn a_front_matter_title_is_one_line_and_a_blank_one_is_no_title() {
        let folded = read("a.md", "---\ntitle: >\n  Folded\n  Title\n---\nBody.\n");
        assert_eq!(folded.title, "Folded Title");
        let blank = read("a.md", "---\ntitle: \" \\t \"\n---\n# Heading\n");
        assert_eq!(blank.title, "Heading");
    }

    #[test]
    fn headings_start_sections_with_slugs_or_given_ids() {
        let document = read(
            "guide/install.md",
            "# Install\n\nIntro.\n\n## Get the *archive*\n\nDownload it.\n\n\
             ### Verify {#check}\n\nRun sha256sum.\n\n## Get the archive\n\nAgain.\n",
        );
        let found = sections::found(&document);
        assert_eq!(
            found,
            [
                ("get-the-archive", "Get the archive", "Download it."),
                ("check", "Verify", "Run sha256sum."),
                ("get-the-archive-1", "Get the archive", "Again."),
            ]
        );
        assert_eq!(document.title, "Install");
    }

    #[test]
    fn without_title_or_heading_the_stem_is_the_title() {
        let document = read("guide/install.md", "## Not level one\n");
        assert_eq!(document.title, "install");
    }

    #[test]
    fn id_and_url_follow_the_path_unless_front_matter_sets_the_url() {
        let document = read("guide/index.md", "text");
        assert_eq!(document.id, "guide/index");
        assert_eq!(document.url.as_deref(), Some("/guide/"));
        let document = read("guide/index.md", "+++\nurl = \"/start/\"\n+++\ntext");
        assert_eq!(document.url.as_deref(), Some("/start/"));
    }

    #[test]
    fn a_draft_is_left_out_before_its_fields_are_checked() {
        let relative = RelativePath::new(Path::new("a.md"), Path::new(""));
        let page = parse("---\ndraft: true\ndate: soon\n---\n# A\n", &relative, false).unwrap();
        assert!(matches!(page, Page::Omitted(Omission::Draft)), "{page:?}");
        for quoted in [
            "---\ndraft: \"true\"\n---\n# A\n",
            "+++\ndraft = 'True'\n+++\n# A\n",
        ] {
            let page = parse(quoted, &relative, false).unwrap();
            assert!(matches!(page, Page::Omitted(Omission::Draft)), "{quoted}");
        }
        let kept = read("a.md", "---\ndraft: false\n---\n# A\n");
        assert_eq!(kept.meta["draft"], "false");
    }

    #[test]
    fn generated_urls_are_served_from_the_base_and_front_matter_urls_kept() {
        let base = "/docs/".parse().unwrap();
        let relative =
            RelativePath::new(Path::new("guide/install.md"), Path::new("")).served_from(&base);
        let url = |text: &str| match parse(text, &relative, false).unwrap() {
            Page::Document { document, .. } => document.url,
            Page::Omitted(omission) => panic!("{omission:?}"),
        };
        assert_eq!(url("text").as_deref(), Some("/docs/guide/install/"));
        assert_eq!(url("---\nurl: /start/\n---\n").as_deref(), Some("/start/"));
    }

    #[test]
    fn a_bad_field_value_is_left_out_and_reported() {
        let relative = RelativePath::new(Path::new("a.md"), Path::new(""));
        let text = "---\ntitle: Kept\nweight: heavy\ndate: soon\ntags: [kept]\n---\nBody.\n";
        let Page::Document {
            document, warnings, ..
        } = parse(text, &relative, false).unwrap()
        else {
            panic!("left out")
        };
        let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "\"weight\" must be a number of 0 or more, not \"heavy\"",
                "date \"soon\" is not a date; write it as YYYY-MM-DD"
            ]
        );
        assert_eq!(
            (document.title.as_str(), document.body.as_str()),
            ("Kept", "Body.")
        );
        assert_eq!(document.filters["tag"], ["kept"]);
        assert_eq!((document.weight, document.date), (1.0, None));
    }
}

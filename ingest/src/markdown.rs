//! Markdown files: front matter, then the text of the Markdown without its markup.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use scour_core::{Document, Section};

use crate::corpus::Omission;
use crate::error::Failure;
use crate::fields;
use crate::flow::Flow;
use crate::frontmatter;
use crate::relative::RelativePath;
use crate::sections;
use crate::source::Page;

/// Reads the text of a `.md` file at `relative` into a document, unless it is a draft.
pub(crate) fn parse(text: &str, relative: &RelativePath) -> Result<Page, Failure> {
    let (fields, markdown) = frontmatter::split(text)?;
    if frontmatter::is_draft(&fields) {
        return Ok(Page::Omitted(Omission::Draft));
    }
    let mut document = Document::new(relative.id(), "", "");
    let warnings = fields::set_all(&mut document, fields);
    let plain = to_plain_text(markdown, document.title.is_empty());
    document.body = plain.body;
    document.sections = plain.sections;
    if document.title.is_empty() {
        document.title = plain.heading.unwrap_or_else(|| relative.stem().to_string());
    }
    document.url.get_or_insert_with(|| relative.page_url());
    sections::finish(&mut document);
    Ok(Page::Document {
        document: Box::new(document),
        title_tag: false,
        warnings,
    })
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

/// The text of `markdown`: text and code, blocks on their own lines, no markup or link targets.
fn to_plain_text(markdown: &str, take_heading: bool) -> PlainText {
    let mut body = Flow::new();
    let mut heading_text = Flow::new();
    let mut heading = if take_heading {
        Heading::Wanted
    } else {
        Heading::Unwanted
    };
    let mut in_code = false;
    for event in Parser::new_ext(markdown, extensions()) {
        let flow = if heading == Heading::Inside {
            &mut heading_text
        } else {
            &mut body
        };
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if heading == Heading::Wanted => {
                heading = Heading::Inside;
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) if heading == Heading::Inside => {
                heading = Heading::Taken;
            }
            Event::Start(Tag::Heading { id, .. }) => {
                flow.open_heading(id.map(|id| id.to_string()).unwrap_or_default());
            }
            Event::End(TagEnd::Heading(_)) => flow.close_heading(),
            Event::Start(tag) => {
                in_code |= matches!(tag, Tag::CodeBlock(_));
                separate(flow, tag.to_end());
            }
            Event::End(end) => {
                in_code &= end != TagEnd::CodeBlock;
                separate(flow, end);
            }
            Event::Text(text) if in_code => flow.push_lines(&text),
            Event::Text(text)
            | Event::Code(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text) => {
                flow.push(&text);
            }
            Event::SoftBreak => flow.space(),
            Event::HardBreak | Event::Rule => flow.line_break(),
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => {}
        }
    }
    let (body, mut sections) = body.finish_with_sections();
    sections::fill_slugs(&mut sections);
    PlainText {
        heading: (heading == Heading::Taken).then(|| heading_text.finish()),
        body,
        sections,
    }
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
        TagEnd::Emphasis
        | TagEnd::Strong
        | TagEnd::Strikethrough
        | TagEnd::Superscript
        | TagEnd::Subscript
        | TagEnd::Link
        | TagEnd::Image => {}
        TagEnd::TableCell => flow.space(),
        _ => flow.line_break(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn read(path: &str, text: &str) -> Document {
        let relative = RelativePath::new(Path::new(path), Path::new(""));
        match parse(text, &relative).unwrap() {
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
            "Some emphasis and strong link. Soft break.\nSection\nitem code\nother\nrun --now\nexit\na b\nc d"
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
        let page = parse("---\ndraft: true\ndate: soon\n---\n# A\n", &relative).unwrap();
        assert!(matches!(page, Page::Omitted(Omission::Draft)), "{page:?}");
        for quoted in [
            "---\ndraft: \"true\"\n---\n# A\n",
            "+++\ndraft = 'True'\n+++\n# A\n",
        ] {
            let page = parse(quoted, &relative).unwrap();
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
        let url = |text: &str| match parse(text, &relative).unwrap() {
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
        } = parse(text, &relative).unwrap()
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

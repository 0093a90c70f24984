//! Plain text assembled from markup: runs of whitespace collapse to one space, blocks end lines,
//! and headings with anchors start sections.

use scour_core::Section;

/// What separates the next word from the text so far.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Line,
}

/// Plain text being assembled from pieces of markup.
pub(crate) struct Flow {
    text: String,
    gap: Gap,
    sections: Vec<Section>,
    heading: Heading,
}

/// Where the flow stands with a heading that starts a section.
enum Heading {
    Outside,
    /// Inside a heading with this anchor, before its first character.
    Opened(String),
    /// Inside the heading of the last section, whose text started at this offset.
    Writing(usize),
}

impl Flow {
    pub fn new() -> Self {
        Flow {
            text: String::new(),
            gap: Gap::None,
            sections: Vec::new(),
            heading: Heading::Outside,
        }
    }

    /// Starts a heading that begins a section with `anchor`, on a line of its own.
    pub fn open_heading(&mut self, anchor: String) {
        self.close_heading();
        self.line_break();
        self.heading = Heading::Opened(anchor);
    }

    /// Ends the heading opened last: its text becomes the section's title. A heading with no
    /// text starts no section.
    pub fn close_heading(&mut self) {
        if let Heading::Writing(start) = std::mem::replace(&mut self.heading, Heading::Outside) {
            let title = self.text[start..].trim_end_matches(['¶', '#', ' ']);
            if let Some(section) = self.sections.last_mut() {
                section.title = one_line(title);
            }
            self.line_break();
        }
    }

    /// How many words the text so far holds: each run between spaces, or each character of a
    /// script written without spaces (from U+2E80: Chinese, Japanese, Korean) in it.
    pub fn words(&self) -> usize {
        let unspaced = |run: &str| run.chars().filter(|&c| c >= '\u{2E80}').count();
        self.text
            .split_whitespace()
            .map(|run| unspaced(run).max(1))
            .sum()
    }

    /// Appends inline text, collapsing its whitespace and control characters to one space.
    pub fn push(&mut self, piece: &str) {
        for c in piece.chars() {
            if c.is_whitespace() || c.is_control() {
                self.widen(Gap::Space);
            } else {
                self.push_gap();
                self.text.push(c);
            }
        }
    }

    /// Appends text whose line breaks matter (code): each line is collapsed, breaks are kept.
    pub fn push_lines(&mut self, piece: &str) {
        for (i, line) in piece.split('\n').enumerate() {
            if i > 0 {
                self.line_break();
            }
            self.push(line);
        }
    }

    /// Ends the current line (a block boundary or `<br>`).
    pub fn line_break(&mut self) {
        self.widen(Gap::Line);
    }

    /// Separates what follows by at least a space.
    pub fn space(&mut self) {
        self.widen(Gap::Space);
    }

    /// The assembled text, without leading or trailing whitespace.
    pub fn finish(self) -> String {
        self.text
    }

    /// The assembled text and its sections.
    pub fn finish_with_sections(mut self) -> (String, Vec<Section>) {
        self.close_heading();
        (self.text, self.sections)
    }

    fn widen(&mut self, gap: Gap) {
        self.gap = self.gap.max(gap);
    }

    /// Writes the pending gap before a character, unless nothing was written yet.
    fn push_gap(&mut self) {
        if !self.text.is_empty() {
            match self.gap {
                Gap::None => {}
                Gap::Space => self.text.push(' '),
                Gap::Line => self.text.push('\n'),
            }
        }
        self.gap = Gap::None;
        if let Heading::Opened(anchor) = &mut self.heading {
            let anchor = std::mem::take(anchor);
            let start = self.text.len();
            self.sections.push(Section {
                anchor,
                title: String::new(),
                start: u32::try_from(start).unwrap_or(u32::MAX),
            });
            self.heading = Heading::Writing(start);
        }
    }
}

/// `text` on one line, as a title is shown: runs of whitespace and control characters become
/// one space, and the ends are trimmed.
pub(crate) fn one_line(text: &str) -> String {
    let mut flow = Flow::new();
    flow.push(text);
    flow.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_and_the_ends_are_trimmed() {
        let mut flow = Flow::new();
        flow.push("  Hello \n\t world ");
        flow.push("again");
        flow.push("ward");
        assert_eq!(flow.finish(), "Hello world againward");
    }

    #[test]
    fn one_line_collapses_line_breaks_tabs_and_control_characters() {
        assert_eq!(one_line(" Folded\n Title\n"), "Folded Title");
        assert_eq!(one_line("a\t\u{0}\u{7}b\r\nc"), "a b c");
        assert_eq!(one_line(" \u{0} "), "");
    }

    #[test]
    fn line_breaks_win_over_spaces_and_do_not_repeat() {
        let mut flow = Flow::new();
        flow.line_break();
        flow.push("one ");
        flow.line_break();
        flow.line_break();
        flow.push(" two");
        flow.space();
        flow.line_break();
        assert_eq!(flow.finish(), "one\ntwo");
    }

    #[test]
    fn headings_start_sections_at_their_first_character() {
        let mut flow = Flow::new();
        flow.push("Intro text.");
        flow.open_heading("setup".into());
        flow.push("  Set ");
        flow.push("up ¶");
        flow.close_heading();
        flow.push("Run it.");
        flow.open_heading("empty".into());
        flow.close_heading();
        flow.open_heading("broken".into());
        flow.push("Two");
        flow.line_break();
        flow.push("lines");
        flow.close_heading();
        flow.open_heading("last".into());
        flow.push("Last");
        let (text, sections) = flow.finish_with_sections();
        assert_eq!(text, "Intro text.\nSet up ¶\nRun it.\nTwo\nlines\nLast");
        let found: Vec<(&str, &str, &str)> = sections
            .iter()
            .map(|s| {
                (
                    s.anchor.as_str(),
                    s.title.as_str(),
                    &text[s.start as usize..],
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("setup", "Set up", "Set up ¶\nRun it.\nTwo\nlines\nLast"),
                ("broken", "Two lines", "Two\nlines\nLast"),
                ("last", "Last", "Last")
            ]
        );
    }

    #[test]
    fn code_keeps_its_lines() {
        let mut flow = Flow::new();
        flow.push_lines("fn main() {\n    run();\n}\n");
        assert_eq!(flow.finish(), "fn main() {\nrun();\n}");
    }
}

//! Plain text assembled from markup: runs of whitespace collapse to one space, blocks end lines.

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
}

impl Flow {
    pub fn new() -> Self {
        Flow {
            text: String::new(),
            gap: Gap::None,
        }
    }

    /// Appends inline text, collapsing its whitespace.
    pub fn push(&mut self, piece: &str) {
        for c in piece.chars() {
            if c.is_whitespace() {
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
    }
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
    fn code_keeps_its_lines() {
        let mut flow = Flow::new();
        flow.push_lines("fn main() {\n    run();\n}\n");
        assert_eq!(flow.finish(), "fn main() {\nrun();\n}");
    }
}

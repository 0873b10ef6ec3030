//! A text buffer that collapses white space as text is appended, so that
//! inline markup (`<b>`, `<a>`, `<span>`) joins without stray spaces and a
//! block's text needs no second cleaning pass.

use super::dom::{Arena, Tag};

/// Collapsed text under construction.
#[derive(Debug, Default)]
pub struct TextBuf {
    text: String,
    space: bool,
}

impl TextBuf {
    /// Appends text, collapsing runs of white space to one space.
    pub fn push(&mut self, s: &str) {
        for (k, part) in s.split(char::is_whitespace).enumerate() {
            if k > 0 {
                self.space = true;
            }
            if part.is_empty() {
                continue;
            }
            if self.space && !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push_str(part);
        }
    }

    /// Appends text as is (preformatted).
    pub fn push_raw(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// A line break (`<br>`): kept, but never at the start or doubled.
    pub fn line_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            let trimmed = self.text.trim_end_matches(' ').len();
            self.text.truncate(trimmed);
            self.text.push('\n');
        }
        self.space = false;
    }

    /// True when the text so far ends with a line break (white space after
    /// it aside).
    pub fn ends_with_line_break(&self) -> bool {
        self.text.ends_with('\n')
    }

    /// A soft boundary between two boxes read as one text (table cells).
    pub fn space(&mut self) {
        self.space = true;
    }

    /// True when nothing visible was appended.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Takes the text out, trimmed, leaving the buffer empty.
    pub fn take(&mut self) -> String {
        self.space = false;
        let t = self.text.trim();

        if t.len() == self.text.len() {
            std::mem::take(&mut self.text)
        } else {
            let s = t.to_string();
            self.text.clear();
            s
        }
    }

    /// Takes the text out verbatim apart from leading and trailing blank
    /// lines (preformatted text keeps its indentation).
    pub fn take_raw(&mut self) -> String {
        self.space = false;
        let t = self.text.trim_matches('\n').trim_end();
        let s = t.to_string();
        self.text.clear();
        s
    }

    /// Appends the text of the subtree at `i`, boxes separated by spaces.
    pub fn push_subtree(&mut self, arena: &Arena<'_>, i: usize) {
        let end = arena.nodes[i].end as usize;
        for n in &arena.nodes[i + 1..end] {
            match n.tag {
                Tag::Text => self.push(n.text),
                Tag::Inline | Tag::Link => {}
                _ => self.space(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_collapse_across_pushes() {
        let mut b = TextBuf::default();
        b.push("  Hello ");
        b.push("\n world");
        b.push("!");
        assert_eq!(b.take(), "Hello world!");
        b.push("a");
        b.line_break();
        b.line_break();
        b.push("  b ");
        assert_eq!(b.take(), "a\nb");
    }
}

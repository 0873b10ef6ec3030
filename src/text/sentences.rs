//! Where sentences start: each word of a text with its position in its
//! sentence, judged from the punctuation between it and the word before.
//!
//! A period ends a sentence unless it closes an abbreviation (`Dr.`, `e.g.`,
//! `U.S.`, `p.m.`), an initial (`J.`) or an ellipsis; closing quotes and
//! brackets may follow the period (`end.” Next`).

use super::words::{Word, WordKind, Words, words};
use crate::text::abbreviations::is_abbreviation;

/// A word's place in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// The first word of a sentence (or of the text).
    Start,
    /// Inside a sentence, after a space, comma, semicolon or hyphen.
    Mid,
    /// Cannot tell: after a colon, a dash, an opening quote, an ellipsis, a
    /// line break or an abbreviation. Neither capitalised nor used as evidence.
    Unknown,
}

/// Iterator over the words of a text with their [`Position`].
pub struct SentenceWords<'a> {
    text: &'a str,
    words: Words<'a>,
    prev: Option<Word<'a>>,
}

impl<'a> SentenceWords<'a> {
    /// The words of `text` with their positions.
    pub fn new(text: &'a str) -> Self {
        SentenceWords {
            text,
            words: words(text),
            prev: None,
        }
    }
}

impl<'a> Iterator for SentenceWords<'a> {
    type Item = (Word<'a>, Position);

    fn next(&mut self) -> Option<Self::Item> {
        let w = self.words.next()?;
        let pos = match &self.prev {
            None => position_at_text_start(&self.text[..w.start]),
            // Most words follow a single space.
            Some(p) if w.start == p.end() + 1 && self.text.as_bytes()[p.end()] == b' ' => {
                Position::Mid
            }
            Some(p) => position_after(self.text, p, w.start),
        };
        self.prev = Some(w);
        Some((w, pos))
    }
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '"' | '\'' | '\u{2018}' | '\u{201C}' | '\u{00AB}' | '*' | '_'
    )
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '"' | '\'' | '\u{2019}' | '\u{201D}' | '\u{00BB}' | '*' | '_'
    )
}

/// The first word of a text starts a sentence when only white space and
/// opening quotes or brackets come before it.
fn position_at_text_start(gap: &str) -> Position {
    if gap.chars().all(|c| c.is_whitespace() || is_opening(c)) {
        Position::Start
    } else {
        Position::Unknown
    }
}

/// The position of the word starting at `start`, the previous word being `prev`.
fn position_after(text: &str, prev: &Word<'_>, start: usize) -> Position {
    let gap = &text[prev.end()..start];
    // Most gaps are a space, or a comma and a space: bytes decide those.
    if let Some(&b) = gap.as_bytes().first()
        && !matches!(b, b'.' | b'!' | b'?')
    {
        return if gap
            .bytes()
            .all(|b| matches!(b, b' ' | b',' | b';' | b')' | b'-'))
        {
            Position::Mid
        } else {
            Position::Unknown
        };
    }
    let mut chars = gap.chars().peekable();
    let Some(&first) = chars.peek() else {
        return Position::Unknown;
    };
    match first {
        '.' | '!' | '?' => {
            let mut terminators = 0;
            let mut period_only = true;
            while let Some(&c) = chars.peek() {
                if matches!(c, '.' | '!' | '?' | '\u{2026}') {
                    terminators += 1;
                    period_only &= c == '.';
                    chars.next();
                } else {
                    break;
                }
            }
            let mut closed = false;
            while chars.peek().is_some_and(|&c| is_closing(c)) {
                closed = true;
                chars.next();
            }
            let mut space = false;
            while let Some(&c) = chars.peek()
                && c.is_whitespace()
            {
                // A line break inside a block separates lines kept together
                // (verse, a flattened table), not necessarily sentences.
                if c == '\n' {
                    return Position::Unknown;
                }
                space = true;
                chars.next();
            }
            while chars.peek().is_some_and(|&c| is_opening(c)) {
                chars.next();
            }
            if !space || chars.next().is_some() {
                return Position::Unknown;
            }
            if period_only && (terminators > 1 || !period_ends_sentence(text, prev)) {
                return Position::Unknown;
            }
            // `“Come in!” an officer shouts`: a quotation ending in a
            // terminator is often followed by its attribution.
            if closed {
                return Position::Unknown;
            }
            Position::Start
        }
        _ => {
            // A comma, semicolon or closing bracket and white space, a plain
            // space, or a hyphen inside a compound: mid-sentence.
            let mut seen_other = false;
            for c in gap.chars() {
                match c {
                    ' ' | ',' | ';' | ')' | '-' => {}
                    _ => seen_other = true,
                }
            }
            if seen_other {
                Position::Unknown
            } else {
                Position::Mid
            }
        }
    }
}

/// True when a single period right after `prev` ends a sentence rather than
/// an abbreviation or an initial.
fn period_ends_sentence(text: &str, prev: &Word<'_>) -> bool {
    if prev.kind == WordKind::Number {
        // "No. 5" is covered by the next word being a number; "in 2020." ends.
        return true;
    }
    // A measure with its unit, "4ft. x 4ft.", does not end a sentence.
    if prev.kind == WordKind::AlphaNum {
        let unit = prev.text.trim_start_matches(|c: char| c.is_ascii_digit());
        return unit.len() == prev.text.len() || !is_abbreviation(unit);
    }
    // An initial: "J. Smith", and the last letter of "U.S." or "e.g.".
    if prev.text.chars().count() == 1 {
        return false;
    }
    // A dotted abbreviation: "p.m", "U.S" (the word is preceded by a dot).
    if text[..prev.start].ends_with('.') {
        return false;
    }
    !is_abbreviation(prev.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(text: &str) -> Vec<&str> {
        SentenceWords::new(text)
            .filter(|(_, p)| *p == Position::Start)
            .map(|(w, _)| w.text)
            .collect()
    }

    #[test]
    fn periods_after_words_end_sentences() {
        assert_eq!(
            starts("The end. the start! why? “Quoted.” next one"),
            ["The", "the", "why", "Quoted"]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            starts("Ask Dr. Smith, e.g. the U.S. officials at 5 p.m. on time. J. R. Doe came."),
            ["Ask", "J"]
        );
        assert_eq!(starts("Wait... then go"), ["Wait"]);
        assert_eq!(starts("A 4ft. x 4ft. raised bed. Sow it."), ["A", "Sow"]);
    }

    #[test]
    fn colons_and_dashes_are_unknown() {
        let v: Vec<_> = SentenceWords::new("Note: this — that, other")
            .map(|(_, p)| p)
            .collect();
        assert_eq!(
            v,
            [
                Position::Start,
                Position::Unknown,
                Position::Unknown,
                Position::Mid
            ]
        );
    }
}

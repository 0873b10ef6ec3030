//! The one place text is folded into a comparison key: two lines, titles or
//! blocks "say the same" when their keys are equal. Three strengths serve
//! three questions; each folds case and typographic quotes the same way.

/// How much of a text's form its key forgets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// A line as a reader sees it: case, runs of white space, curly quotes
    /// and the ASCII punctuation at either end (not quotes) are forgotten.
    /// `"Share this article!"` and `share  this article` agree.
    Line,
    /// Only the words: letters, digits and apostrophes inside words, one
    /// space between words. `The Harbour’s old lighthouse!` and `the
    /// harbour's old lighthouse` agree.
    Words,
    /// Only letters and digits, run together: `Dough - Forum` and
    /// `dough forum` agree (titles that differ in their separators).
    Letters,
}

/// `text` folded to its key at strength `fold`.
pub fn key(text: &str, fold: Fold) -> String {
    match fold {
        Fold::Line => line_key(text),
        Fold::Words => words_key(text),
        Fold::Letters => letters(text).collect(),
    }
}

/// True when `a` and `b` have the same non-empty key at strength `fold`.
pub fn same(a: &str, b: &str, fold: Fold) -> bool {
    if fold == Fold::Letters {
        // Compared as they are folded, with nothing allocated: the title
        // test asks this of every heading.
        return letters(a).next().is_some() && letters(a).eq(letters(b));
    }
    let a = key(a, fold);
    !a.is_empty() && a == key(b, fold)
}

/// The letters and digits of `s`, lowercased, one by one.
fn letters(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// Curly single quotes and the modifier apostrophe read as `'`, curly
/// double quotes as `"`.
fn straight_quote(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' => '"',
        c => c,
    }
}

fn line_key(text: &str) -> String {
    if text.is_ascii() {
        ascii_line_key(text)
    } else {
        any_line_key(text)
    }
}

fn any_line_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for ch in text.chars() {
        // Most characters of a line that is not all ASCII still are (a
        // curly apostrophe or a dash in English text): they take the
        // byte-wise path of `ascii_line_key`, with the same result as the
        // general one below.
        if ch.is_ascii() {
            if matches!(ch, '\t'..='\r' | ' ') {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(ch.to_ascii_lowercase());
            continue;
        }
        let ch = straight_quote(ch);
        if ch.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(ch.to_lowercase());
    }
    out.trim_matches(|c: char| c.is_ascii_punctuation() && c != '\'' && c != '"')
        .to_string()
}

/// [`line_key`] for ASCII text (most lines of most dumps): its words
/// copied whole, one space between them, then lowercased all at once.
fn ascii_line_key(text: &str) -> String {
    // White space as `char::is_whitespace` has it in ASCII.
    let white = |b: &u8| matches!(b, 9..=13 | b' ');
    let mut out = Vec::with_capacity(text.len());
    for word in text.as_bytes().split(white).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(b' ');
        }
        out.extend_from_slice(word);
    }
    out.make_ascii_lowercase();
    let cut = |b: &u8| b.is_ascii_punctuation() && *b != b'\'' && *b != b'"';
    let start = out.iter().position(|b| !cut(b)).unwrap_or(out.len());
    let end = out.iter().rposition(|b| !cut(b)).map_or(start, |i| i + 1);
    // Trimmed in place: every line of a folder is keyed while learning.
    out.truncate(end.max(start));
    out.drain(..start);
    // Only ASCII bytes were pushed.
    String::from_utf8(out).unwrap_or_default()
}

fn words_key(text: &str) -> String {
    if text.is_ascii() {
        ascii_words_key(text)
    } else {
        any_words_key(text)
    }
}

/// [`words_key`] for ASCII text, byte by byte: every block of most
/// documents is keyed when repeats are looked for.
fn ascii_words_key(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    for word in text
        .as_bytes()
        .split(|&b| !b.is_ascii_alphanumeric() && b != b'\'')
        .map(trim_apostrophes)
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(b' ');
        }
        out.extend(word.iter().map(u8::to_ascii_lowercase));
    }
    // Only ASCII bytes were pushed.
    String::from_utf8(out).unwrap_or_default()
}

/// `w` without the apostrophes at its ends (quotes around a word).
fn trim_apostrophes(w: &[u8]) -> &[u8] {
    let start = w.iter().position(|&b| b != b'\'').unwrap_or(w.len());
    let end = w.iter().rposition(|&b| b != b'\'').map_or(start, |i| i + 1);
    &w[start..end.max(start)]
}

fn any_words_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .map(|w| w.trim_matches(['\'', '\u{2019}']))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            if c == '\u{2019}' {
                out.push('\'');
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line key by its definition: quotes straightened, lowercased,
    /// words joined by one space, the ASCII punctuation at either end
    /// (not quotes) cut.
    fn defined_line_key(text: &str) -> String {
        let folded: String = text
            .chars()
            .map(straight_quote)
            .flat_map(char::to_lowercase)
            .collect();
        let words: Vec<&str> = folded.split_whitespace().collect();
        words
            .join(" ")
            .trim_matches(|c: char| c.is_ascii_punctuation() && c != '\'' && c != '"')
            .to_string()
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_line_key_is_the_general_one(t in "[ -~\t\n\x0b\x0c\r]{0,40}") {
            proptest::prop_assert_eq!(ascii_line_key(&t), defined_line_key(&t));
        }

        #[test]
        fn the_line_key_of_mixed_text_is_the_general_one(
            t in "[ -~\t\n\r’‘ʼ“”ÉéßİΣ\u{85}\u{a0}\u{2003}–]{0,40}"
        ) {
            proptest::prop_assert_eq!(any_line_key(&t), defined_line_key(&t));
        }

        #[test]
        fn the_ascii_words_key_is_the_general_one(t in "[ -~\t\n\x0b\x0c\r]{0,40}") {
            proptest::prop_assert_eq!(ascii_words_key(&t), any_words_key(&t));
        }
    }

    #[test]
    fn each_strength_forgets_what_it_says() {
        assert_eq!(key("  Share   THIS article! ", Fold::Line), "share this article");
        assert_eq!(key("“Quoted” line.", Fold::Line), "\"quoted\" line");
        assert_eq!(key("The Harbour’s old lighthouse!", Fold::Words), "the harbour's old lighthouse");
        assert_eq!(key("'tis - a test", Fold::Words), "tis a test");
        assert_eq!(key("Dough - Baking Forum", Fold::Letters), "doughbakingforum");
        assert!(same("Dough – Forum", "dough forum", Fold::Letters));
        assert!(!same("", "", Fold::Letters));
        assert!(!same("Dough", "Dough!", Fold::Words) || key("Dough!", Fold::Words) == "dough");
    }
}

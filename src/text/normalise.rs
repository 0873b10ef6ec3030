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
    let kept = line_core(text);
    // A line of ASCII words one space apart (most short lines, all asked
    // about by the boilerplate rules) is its own key once lowercased.
    if kept.is_ascii() && !kept.contains("  ") && !kept.bytes().any(|b| matches!(b, 9..=13)) {
        return kept.to_ascii_lowercase();
    }
    let mut out = Vec::with_capacity(kept.len());
    fold_line_core(kept, |b| out.push(b));
    // The fold emits whole characters' bytes, in order.
    String::from_utf8(out).unwrap_or_default()
}

fn words_key(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    fold_words(text, |b| out.push(b));
    // The fold emits whole characters' bytes, in order.
    String::from_utf8(out).unwrap_or_default()
}

/// Feeds the bytes of `text`'s key at strength `fold` to `sink`, in order,
/// without building the key: a key that is only hashed (every line of a
/// folder while learning, every block when repeats are looked for) need
/// not be copied.
pub fn fold_bytes(text: &str, fold: Fold, mut sink: impl FnMut(u8)) {
    match fold {
        Fold::Line => fold_line(text, sink),
        Fold::Words => fold_words(text, sink),
        Fold::Letters => {
            let mut buf = [0u8; 4];
            for c in letters(text) {
                c.encode_utf8(&mut buf).bytes().for_each(&mut sink);
            }
        }
    }
}

/// The 64-bit FNV-1a hash of `text`'s key at strength `fold`: the hash of
/// [`key`]'s bytes, with nothing allocated.
pub fn key_hash(text: &str, fold: Fold) -> u64 {
    let mut h = FNV_OFFSET;
    fold_bytes(text, fold, |b| h = fnv_step(h, b));
    h
}

/// FNV-1a's starting value.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte into an FNV-1a hash.
#[inline]
pub fn fnv_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

/// True for the ASCII punctuation a line key loses at either end: every
/// mark but the quotes.
#[inline]
fn cut_at_ends(b: u8) -> bool {
    b.is_ascii_punctuation() && b != b'\'' && b != b'"'
}

/// The line key's bytes: the text's words, quotes straightened and
/// lowercased, joined by one space, less the marks [`cut_at_ends`] at
/// either end (see [`line_core`]).
fn fold_line(text: &str, sink: impl FnMut(u8)) {
    fold_line_core(line_core(text), sink);
}

/// What of `text` its line key is made of: white space is not a mark
/// [`cut_at_ends`], so the marks a key loses are those at the ends of the
/// text once its white space is trimmed, and they are ASCII.
fn line_core(text: &str) -> &str {
    let text = text.trim_matches(char::is_whitespace);
    let bytes = text.as_bytes();
    let Some(start) = bytes.iter().position(|&b| !cut_at_ends(b)) else {
        return "";
    };
    let end = bytes.iter().rposition(|&b| !cut_at_ends(b)).map_or(start, |i| i + 1);
    &text[start..end]
}

/// The line key's bytes from the [`line_core`] `kept`: its characters
/// folded, each run of white space one space.
fn fold_line_core(kept: &str, mut sink: impl FnMut(u8)) {
    // Byte by byte, a character decoded only where a byte outside ASCII
    // opens one: most lines of most dumps are ASCII.
    let mut space = false;
    let mut buf = [0u8; 4];
    let mut i = 0;
    while i < kept.len() {
        let b = kept.as_bytes()[i];
        let ch = if b < 0x80 {
            i += 1;
            char::from(b)
        } else {
            let c = kept[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            straight_quote(c)
        };
        if ch.is_whitespace() {
            if !space {
                sink(b' ');
            }
            space = true;
            continue;
        }
        space = false;
        if ch.is_ascii() {
            sink((ch as u8).to_ascii_lowercase());
        } else {
            for lower in ch.to_lowercase() {
                lower.encode_utf8(&mut buf).bytes().for_each(&mut sink);
            }
        }
    }
}

/// The words key's bytes: runs of letters, digits and apostrophes (`’`
/// read as `'`), the apostrophes at a run's ends dropped, lowercased and
/// joined by one space. Read byte by byte, a character decoded only where
/// a byte outside ASCII opens one: every block of a document is keyed
/// when repeats are looked for, and most of its characters are ASCII.
fn fold_words(text: &str, mut sink: impl FnMut(u8)) {
    let bytes = text.as_bytes();
    // Whether the current run has given a byte yet, whether any run has
    // (a space goes before the next one), and the apostrophes held back
    // until a letter or digit follows them in the run.
    let mut started = false;
    let mut any = false;
    let mut apostrophes = 0usize;
    let mut buf = [0u8; 4];
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // An ASCII byte is settled by the table; a character outside ASCII
        // is decoded and asked.
        let (c, len) = match WORD_BYTE[usize::from(b)] {
            SEPARATOR => {
                started = false;
                apostrophes = 0;
                i += 1;
                continue;
            }
            b'\'' => {
                apostrophes += usize::from(started);
                i += 1;
                continue;
            }
            OUTSIDE_ASCII => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c, c.len_utf8())
            }
            _ => (char::from(b), 1),
        };
        i += len;
        if c == '\u{2019}' {
            apostrophes += usize::from(started);
            continue;
        }
        if !c.is_alphanumeric() {
            started = false;
            apostrophes = 0;
            continue;
        }
        if !started {
            if any {
                sink(b' ');
            }
            started = true;
            any = true;
        }
        for _ in 0..apostrophes {
            sink(b'\'');
        }
        apostrophes = 0;
        if len == 1 {
            sink(WORD_BYTE[usize::from(b)]);
        } else {
            for lower in c.to_lowercase() {
                lower.encode_utf8(&mut buf).bytes().for_each(&mut sink);
            }
        }
    }
}

/// [`WORD_BYTE`]'s value for an ASCII byte between words.
const SEPARATOR: u8 = 0;
/// [`WORD_BYTE`]'s value for a byte of a character outside ASCII.
const OUTSIDE_ASCII: u8 = 0x80;

/// What each byte is to the words key: a letter or digit as it is written
/// in the key (lowercase), `'` for the apostrophe, [`SEPARATOR`] for any
/// other ASCII byte, [`OUTSIDE_ASCII`] for the bytes of other characters.
static WORD_BYTE: [u8; 256] = {
    let mut t = [SEPARATOR; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            OUTSIDE_ASCII
        } else if c.is_ascii_alphanumeric() || c == b'\'' {
            c.to_ascii_lowercase()
        } else {
            SEPARATOR
        };
        b += 1;
    }
    t
};

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

    /// The words key by its definition, character by character.
    fn defined_words_key(text: &str) -> String {
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

    proptest::proptest! {
        // ASCII text (whose short single-spaced lines take the line key's
        // shortcut) and text mixing in quotes, letters outside ASCII and
        // spaces of other kinds.
        #[test]
        fn keys_are_the_defined_ones(
            ascii in "[ -~\t\n\x0b\x0c\r]{0,40}",
            mixed in "[ -~\t\n\r’‘ʼ“”ÉéßİΣ\u{85}\u{a0}\u{2003}–]{0,40}",
        ) {
            for t in [&ascii, &mixed] {
                proptest::prop_assert_eq!(line_key(t), defined_line_key(t));
                proptest::prop_assert_eq!(words_key(t), defined_words_key(t));
            }
        }

        #[test]
        fn a_key_hash_is_the_hash_of_the_key(t in "[ -~\t\n’“”Éİ\u{a0}]{0,40}") {
            for fold in [Fold::Line, Fold::Words, Fold::Letters] {
                let hashed = key(&t, fold).bytes().fold(FNV_OFFSET, fnv_step);
                proptest::prop_assert_eq!(key_hash(&t, fold), hashed);
            }
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

//! Words with byte offsets and case, found only in stretches of prose.
//!
//! Text is first cut at white space into chunks; a chunk that is a URL, an
//! e-mail address, a domain or file name, a handle or hashtag, code or a
//! hash is not prose and yields no words. Inside a prose chunk a word is a
//! run of letters and digits, with apostrophes inside it (`don’t`,
//! `Morocco’s`) kept as part of the word. Nothing is allocated per word.

use std::ops::Range;

use crate::lexicon::extensions::is_tld_or_extension;

/// The letter case of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Every letter lowercase (`border`).
    Lower,
    /// First letter uppercase, the rest lowercase (`Border`).
    Title,
    /// Every letter uppercase, two letters or more (`USA`).
    Upper,
    /// Any other mix (`iPhone`, `eBay`, `McDonald`): never touched.
    Mixed,
    /// No cased letter at all (digits, scripts without case).
    Uncased,
}

impl Case {
    /// The case of `word`.
    pub fn of(word: &str) -> Case {
        let mut chars = word.chars().filter(|c| c.is_alphabetic());
        let Some(first) = chars.next() else {
            return Case::Uncased;
        };
        let (mut upper, mut lower) = (0usize, 0usize);
        let mut rest_upper = false;
        for c in chars {
            if c.is_uppercase() {
                upper += 1;
                rest_upper = true;
            } else if c.is_lowercase() {
                lower += 1;
            }
        }
        match (first.is_uppercase(), first.is_lowercase()) {
            (true, _) if !rest_upper => Case::Title,
            (true, _) if lower == 0 => Case::Upper,
            (_, true) if upper == 0 => Case::Lower,
            (false, false) if upper == 0 && lower == 0 => Case::Uncased,
            _ => Case::Mixed,
        }
    }
}

/// What a white-space-delimited chunk of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChunkKind {
    /// Ordinary prose: words and punctuation.
    Prose,
    /// `https://…`, `www.…`.
    Url,
    /// `name@example.org`.
    Email,
    /// `example.com`, `index.html`, `Node.js`: a dot inside a word that does
    /// not end a sentence.
    Domain,
    /// `@handle`, `#hashtag`.
    Handle,
    /// Code-like: `foo_bar`, `a::b`, `x=1`, `<tag>`, `` `x` ``, `f()`.
    Code,
    /// A long hex or base64-like string (hashes, ids, keys).
    Hash,
}

/// The white-space-delimited chunks of `text`, as byte ranges.
pub fn chunks(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        // Unicode white space other than ASCII is rare in prose once the
        // unicode pass has run; treating only ASCII white space (and NBSP
        // via `char::is_whitespace` below) as a separator keeps this a byte loop.
        while i < bytes.len() {
            if bytes[i].is_ascii_whitespace() {
                i += 1;
            } else if bytes[i] >= 0xC0 && starts_with_unicode_space(&text[i..]) {
                i += text[i..].chars().next().map_or(1, char::len_utf8);
            } else {
                break;
            }
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() {
            if bytes[i].is_ascii_whitespace()
                || (bytes[i] >= 0xC0 && starts_with_unicode_space(&text[i..]))
            {
                break;
            }
            i += 1;
        }
        Some(start..i)
    })
}

fn starts_with_unicode_space(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_whitespace)
}

/// Punctuation that may wrap a word without being part of it.
fn is_wrapping(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '\''
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{00AB}'
            | '\u{00BB}'
            | ','
            | ';'
            | ':'
            | '.'
            | '!'
            | '?'
            | '*'
    )
}

/// Classifies one chunk (no white space inside).
pub fn chunk_kind(chunk: &str) -> ChunkKind {
    // Most chunks are plain words with a comma or a final period: decide
    // those with one byte loop.
    let b = chunk.as_bytes();
    let body = b.strip_suffix(b".").unwrap_or(b);
    if !body.is_empty()
        && body.iter().all(|&c| {
            c.is_ascii_alphabetic() || matches!(c, b',' | b';' | b'!' | b'?' | b'\'' | b'"' | b'-')
        })
    {
        return ChunkKind::Prose;
    }
    let core = chunk.trim_matches(is_wrapping);
    if core.is_empty() {
        return ChunkKind::Prose;
    }
    let b = core.as_bytes();
    if b[0] == b'@' || b[0] == b'#' {
        return if b.len() > 1 {
            ChunkKind::Handle
        } else {
            ChunkKind::Prose
        };
    }
    if core.contains("://") || starts_with_ignore_case(core, "www.") {
        return ChunkKind::Url;
    }
    if let Some(at) = core.find('@')
        && at > 0
        && core[at + 1..].contains('.')
    {
        return ChunkKind::Email;
    }
    let mut has_code_char = false;
    let mut digits = 0usize;
    let mut hexish = true;
    let mut upper = 0usize;
    let mut lower = 0usize;
    for &c in b {
        match c {
            b'_' | b'=' | b'<' | b'>' | b'{' | b'}' | b'\\' | b'|' | b'`' | b'~' | b'^' => {
                has_code_char = true
            }
            b'0'..=b'9' => digits += 1,
            b'a'..=b'z' => lower += 1,
            b'A'..=b'Z' => upper += 1,
            _ => {}
        }
        if !c.is_ascii_hexdigit() {
            hexish = false;
        }
    }
    if has_code_char || core.contains("::") || chunk.contains("()") || core.contains("->") {
        return ChunkKind::Code;
    }
    if (hexish && b.len() >= 8 && digits > 0 && digits < b.len())
        || (b.len() >= 20 && digits > 0 && upper > 0 && lower > 0 && !core.contains('-'))
    {
        return ChunkKind::Hash;
    }
    if has_inner_dot_of_name(core) {
        return ChunkKind::Domain;
    }
    ChunkKind::Prose
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// True when a dot inside `core` joins the parts of a name (`example.com`,
/// `index.html`, `Node.js`) rather than ending a sentence whose following
/// space was lost (`terrorism.A`, `citizens.Initiatives`), an abbreviation
/// (`U.S.`, `e.g.`) or a number (`3.5`).
fn has_inner_dot_of_name(core: &str) -> bool {
    let b = core.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c != b'.' || i == 0 || i + 1 >= b.len() {
            continue;
        }
        let (prev, next) = (b[i - 1], b[i + 1]);
        if !prev.is_ascii_alphanumeric() || !next.is_ascii_alphanumeric() {
            continue;
        }
        if prev.is_ascii_digit() && next.is_ascii_digit() {
            continue;
        }
        let right = segment_after(core, i + 1);
        let left = segment_before(core, i);
        // `citizens.It` lost a space; `example.com` and `FILE.TXT` did not.
        let title = right.len() >= 2
            && right.as_bytes()[0].is_ascii_uppercase()
            && right.as_bytes()[1..].iter().all(u8::is_ascii_lowercase);
        if !title && is_tld_or_extension(right) && left.len() >= 2 {
            return true;
        }
        // One-letter segments are initials and abbreviations (U.S., e.g.).
        if left.len() <= 1 && right.len() <= 1 {
            continue;
        }
        if next.is_ascii_lowercase() || next.is_ascii_digit() {
            return true;
        }
    }
    false
}

fn segment_after(s: &str, from: usize) -> &str {
    let end = s[from..]
        .find(|c: char| !c.is_ascii_alphanumeric())
        .map_or(s.len(), |e| from + e);
    &s[from..end]
}

fn segment_before(s: &str, to: usize) -> &str {
    let start = s[..to]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &s[start..to]
}

/// Whether a word is letters only or mixes in digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// Letters (and inner apostrophes) only.
    Alpha,
    /// Digits only (`2023`), possibly with inner `.`/`,` left out.
    Number,
    /// Letters and digits (`x86`, `3D`).
    AlphaNum,
}

/// One word of prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte offset in the text.
    pub start: usize,
    /// The word itself, borrowed from the text.
    pub text: &'a str,
    /// Its letter case.
    pub case: Case,
    /// Letters, digits or both.
    pub kind: WordKind,
}

impl Word<'_> {
    /// Byte offset just past the word.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// The word without a possessive or contracted ending (`Morocco’s` → `Morocco`).
    pub fn stem(&self) -> &str {
        match self.text.find(['\'', '\u{2019}']) {
            Some(i) => &self.text[..i],
            None => self.text,
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The words of the prose chunks of `text`, in order.
pub fn words(text: &str) -> Words<'_> {
    Words {
        text,
        next_chunk: 0,
        cursor: 0,
        chunk_end: 0,
    }
}

/// Iterator over the words of the prose chunks of a text (see [`words`]).
#[derive(Debug, Clone)]
pub struct Words<'a> {
    text: &'a str,
    /// Where the search for the next chunk resumes.
    next_chunk: usize,
    /// Position inside the current prose chunk.
    cursor: usize,
    chunk_end: usize,
}

impl<'a> Words<'a> {
    /// Moves to the next prose chunk; false at the end of the text.
    fn advance_chunk(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        loop {
            let mut i = self.next_chunk;
            while i < bytes.len() {
                if bytes[i].is_ascii_whitespace() {
                    i += 1;
                } else if bytes[i] >= 0xC0 && starts_with_unicode_space(&self.text[i..]) {
                    i += self.text[i..].chars().next().map_or(1, char::len_utf8);
                } else {
                    break;
                }
            }
            if i >= bytes.len() {
                self.next_chunk = i;
                return false;
            }
            let start = i;
            while i < bytes.len() {
                if bytes[i].is_ascii_whitespace()
                    || (bytes[i] >= 0xC0 && starts_with_unicode_space(&self.text[i..]))
                {
                    break;
                }
                i += 1;
            }
            self.next_chunk = i;
            if chunk_kind(&self.text[start..i]) == ChunkKind::Prose {
                self.cursor = start;
                self.chunk_end = i;
                return true;
            }
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        loop {
            if self.cursor >= self.chunk_end && !self.advance_chunk() {
                return None;
            }
            if let Some(w) = next_word(self.text, &mut self.cursor, self.chunk_end) {
                return Some(w);
            }
            self.cursor = self.chunk_end;
        }
    }
}

/// The next word in `text[*cursor..end]`, moving `cursor` past it.
fn next_word<'a>(text: &'a str, cursor: &mut usize, end: usize) -> Option<Word<'a>> {
    let bytes = text.as_bytes();
    // ASCII fast path: bytes only, case counted on the way.
    let mut i = *cursor;
    while i < end && bytes[i] < 0x80 && !bytes[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i >= end {
        *cursor = end;
        return None;
    }
    if bytes[i] < 0x80 {
        let start = i;
        let (mut letters, mut digits, mut upper, mut lower) = (false, false, 0usize, 0usize);
        let first_upper = bytes[i].is_ascii_uppercase();
        let mut j = i;
        let mut ascii = true;
        while j < end {
            let c = bytes[j];
            if c.is_ascii_alphabetic() {
                letters = true;
                if c.is_ascii_uppercase() {
                    upper += 1;
                } else {
                    lower += 1;
                }
                j += 1;
            } else if c.is_ascii_digit() {
                digits = true;
                j += 1;
            } else if c == b'\'' && letters && j + 1 < end && bytes[j + 1].is_ascii_alphabetic() {
                j += 1;
            } else if c >= 0x80 {
                ascii = false;
                break;
            } else {
                break;
            }
        }
        if ascii {
            *cursor = j;
            let w = &text[start..j];
            let case = if !letters {
                Case::Uncased
            } else if upper == 0 {
                Case::Lower
            } else if first_upper && upper == 1 {
                Case::Title
            } else if lower == 0 {
                Case::Upper
            } else {
                Case::Mixed
            };
            return Some(Word {
                start,
                text: w,
                case,
                kind: match (letters, digits) {
                    (true, true) => WordKind::AlphaNum,
                    (false, true) => WordKind::Number,
                    _ => WordKind::Alpha,
                },
            });
        }
    }
    // General path: any script.
    let rest = &text[i..end];
    let off = rest.find(|c: char| c.is_alphanumeric())?;
    let start = i + off;
    let mut j = start;
    let mut letters = false;
    let mut digits = false;
    let mut chars = text[start..end].char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        if c.is_alphanumeric() {
            if c.is_numeric() {
                digits = true
            } else {
                letters = true
            }
            j = start + k + c.len_utf8();
        } else if is_apostrophe(c)
            && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic())
            && letters
        {
            continue;
        } else if is_combining(c) {
            j = start + k + c.len_utf8();
        } else {
            break;
        }
    }
    *cursor = j.max(start + 1);
    while *cursor < end && !text.is_char_boundary(*cursor) {
        *cursor += 1;
    }
    let w = &text[start..j];
    Some(Word {
        start,
        text: w,
        case: Case::of(w),
        kind: match (letters, digits) {
            (true, true) => WordKind::AlphaNum,
            (false, true) => WordKind::Number,
            _ => WordKind::Alpha,
        },
    })
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        words(s).map(|w| w.text).collect()
    }

    #[test]
    fn words_carry_offsets_and_case() {
        let s = "Morocco’s iPhone USA border";
        let w: Vec<_> = words(s).collect();
        assert_eq!(w[0].text, "Morocco’s");
        assert_eq!(w[0].stem(), "Morocco");
        assert_eq!(w[0].case, Case::Title);
        assert_eq!(w[1].case, Case::Mixed);
        assert_eq!(w[2].case, Case::Upper);
        assert_eq!(w[3].case, Case::Lower);
        assert_eq!(&s[w[3].start..w[3].end()], "border");
    }

    #[test]
    fn urls_mails_domains_and_code_yield_no_words() {
        assert_eq!(
            texts("see https://x.org/a or mail a@b.org, example.com and Node.js now"),
            ["see", "or", "mail", "and", "now"]
        );
        assert_eq!(texts("call foo_bar() then a::b"), ["call", "then"]);
        assert_eq!(texts("hash deadbeef1234 #tag @who"), ["hash"]);
    }

    #[test]
    fn lost_sentence_space_is_prose_not_a_domain() {
        assert_eq!(chunk_kind("terrorism.A"), ChunkKind::Prose);
        assert_eq!(chunk_kind("citizens.Initiatives"), ChunkKind::Prose);
        assert_eq!(chunk_kind("U.S."), ChunkKind::Prose);
        assert_eq!(chunk_kind("3.5"), ChunkKind::Prose);
        assert_eq!(chunk_kind("index.HTML"), ChunkKind::Domain);
    }

    #[test]
    fn hyphens_split_words_and_digits_are_marked() {
        let w: Vec<_> = words("counter-terrorism x86 2023").collect();
        assert_eq!(w.len(), 4);
        assert_eq!(w[2].kind, WordKind::AlphaNum);
        assert_eq!(w[3].kind, WordKind::Number);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            " ",
            "’",
            "a’",
            "é’é",
            ".",
            "@",
            "\u{0301}x",
            "x\u{0301}",
        ] {
            let _ = texts(s);
        }
    }
}

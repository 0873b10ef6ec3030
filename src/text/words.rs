//! Words with byte offsets and case, found only in stretches of prose.
//!
//! Text is first cut at white space into chunks; a chunk that is a URL, an
//! e-mail address, a domain or file name, a handle or hashtag, code or a
//! hash is not prose and yields no words. Inside a prose chunk a word is a
//! run of letters and digits, with apostrophes inside it (`don’t`,
//! `Morocco’s`) kept as part of the word. Nothing is allocated per word.

use std::ops::Range;

use crate::text::extensions::is_tld_or_extension;

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

/// Byte classes for the loops that cut text into chunks.
const SPACE: u8 = 1;
/// Letters and `, ; ! ? ' " -`: a chunk of only these (and perhaps a final
/// period) is plain prose, whatever else [`chunk_kind`] would look for.
const PLAIN: u8 = 2;
/// The first byte of a multi-byte character, which may be a Unicode space.
const LEAD: u8 = 4;
/// Lowercase and uppercase ASCII letters, ASCII digits.
const LOWER: u8 = 8;
const UPPER: u8 = 16;
const ALPHA: u8 = LOWER | UPPER;
const DIGIT: u8 = 32;
/// Any byte of a multi-byte character.
const HIGH: u8 = 64;
/// Bytes that on their own never make a chunk anything but prose: the
/// plain ones, brackets, a few signs and every byte of a non-ASCII
/// character (see [`is_quiet_prose`]).
const QUIET: u8 = 128;

static CLASS: [u8; 256] = byte_classes();

const fn byte_classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_whitespace() {
            t[b] |= SPACE;
        }
        if c.is_ascii_alphabetic() || matches!(c, b',' | b';' | b'!' | b'?' | b'\'' | b'"' | b'-') {
            t[b] |= PLAIN;
        }
        if c >= 0xC0 {
            t[b] |= LEAD;
        }
        if c.is_ascii_lowercase() {
            t[b] |= LOWER;
        }
        if c.is_ascii_uppercase() {
            t[b] |= UPPER;
        }
        if c.is_ascii_digit() {
            t[b] |= DIGIT;
        }
        if c >= 0x80 {
            t[b] |= HIGH;
        }
        if t[b] & (PLAIN | HIGH) != 0
            || matches!(
                c,
                b'(' | b')' | b'[' | b']' | b':' | b'*' | b'%' | b'&' | b'$' | b'+'
            )
        {
            t[b] |= QUIET;
        }
        b += 1;
    }
    t
}

/// The start of the next chunk at or after `i`, past white space.
#[inline]
fn skip_space(text: &str, mut i: usize) -> usize {
    // Unicode white space other than ASCII is rare in prose once the
    // unicode pass has run, so this is a byte loop that only decodes a
    // character at a multi-byte lead.
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let c = CLASS[bytes[i] as usize];
        if c & SPACE != 0 {
            i += 1;
        } else if c & LEAD != 0 && starts_with_unicode_space(&text[i..]) {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        } else {
            break;
        }
    }
    i
}

/// The end of the chunk starting at `start`, and whether the chunk is plain
/// prose by the quick test of [`chunk_kind`] (letters and light punctuation,
/// perhaps a final period), found in the same loop.
#[inline]
fn chunk_end(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    // Plain bytes are never white space nor a character's first byte: run
    // over them first, then look at what stopped the run.
    let mut i = start;
    while i < bytes.len() && CLASS[bytes[i] as usize] & PLAIN != 0 {
        i += 1;
    }
    if i == bytes.len() || is_space_at(text, i) {
        return (i, true);
    }
    let first_other = i;
    i += 1;
    while i < bytes.len() && !is_space_at(text, i) {
        i += 1;
    }
    // Plain too when only a final period, after at least one byte, is not.
    let plain = first_other == i - 1 && bytes[first_other] == b'.' && first_other > start;
    (i, plain)
}

/// True when a white-space character starts at byte `i` of `text`.
#[inline]
fn is_space_at(text: &str, i: usize) -> bool {
    let c = CLASS[text.as_bytes()[i] as usize];
    c & SPACE != 0 || (c & LEAD != 0 && starts_with_unicode_space(&text[i..]))
}

/// The white-space-delimited chunks of `text`, as byte ranges.
pub fn chunks(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        i = skip_space(text, i);
        if i >= text.len() {
            return None;
        }
        let start = i;
        while i < text.len() && !is_space_at(text, i) {
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
    if !body.is_empty() && body.iter().all(|&c| CLASS[c as usize] & PLAIN != 0) {
        return ChunkKind::Prose;
    }
    chunk_kind_of_other(chunk)
}

/// [`chunk_kind`] of a chunk that is not plain words and light punctuation.
#[inline(never)]
fn chunk_kind_of_other(chunk: &str) -> ChunkKind {
    if is_quiet_prose(chunk) {
        return ChunkKind::Prose;
    }
    analyse_chunk(chunk)
}

/// The full analysis behind [`chunk_kind`].
fn analyse_chunk(chunk: &str) -> ChunkKind {
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
    // The tests below search short byte strings: a window scan costs less
    // than setting up a substring searcher for a chunk of a few bytes.
    if contains(b, b"://") || starts_with_ignore_case(core, "www.") {
        return ChunkKind::Url;
    }
    if let Some(at) = b.iter().position(|&c| c == b'@')
        && at > 0
        && b[at + 1..].contains(&b'.')
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
    if has_code_char
        || contains(b, b"::")
        || contains(chunk.as_bytes(), b"()")
        || contains(b, b"->")
    {
        return ChunkKind::Code;
    }
    if (hexish && b.len() >= 8 && digits > 0 && digits < b.len())
        || (b.len() >= 20 && digits > 0 && upper > 0 && lower > 0 && !b.contains(&b'-'))
    {
        return ChunkKind::Hash;
    }
    if has_inner_dot_of_name(core) {
        return ChunkKind::Domain;
    }
    ChunkKind::Prose
}

/// A quick sufficient test for prose, for chunks with curly quotes,
/// brackets or a colon (`“Yes,`, `it’s`, `(see`, `said:`): no digit, none of
/// the characters of code, handles, addresses or paths, no `::` or `()`,
/// and no period that could join the parts of a name (one followed by a
/// letter or digit) or start `www.`. Every test [`chunk_kind`] makes
/// towards another kind needs one of those.
fn is_quiet_prose(chunk: &str) -> bool {
    let b = chunk.as_bytes();
    let mut dot = false;
    for (i, &c) in b.iter().enumerate() {
        let next = b.get(i + 1).copied().unwrap_or(b' ');
        if CLASS[c as usize] & QUIET != 0 {
            if (c == b':' && next == b':') || (c == b'(' && next == b')') {
                return false;
            }
        } else if c == b'.' && !next.is_ascii_alphanumeric() {
            dot = true;
        } else {
            return false;
        }
    }
    !(dot && starts_with_ignore_case(chunk.trim_start_matches(is_wrapping), "www."))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
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

impl WordKind {
    /// The kind of a word with letters, digits, or both.
    fn of(letters: bool, digits: bool) -> WordKind {
        match (letters, digits) {
            (true, true) => WordKind::AlphaNum,
            (false, true) => WordKind::Number,
            _ => WordKind::Alpha,
        }
    }
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
    /// Where the first apostrophe is, from the start of the word, as the
    /// tokenizer saw it (see [`Word::stem`]).
    apostrophe: u32,
}

/// [`Word::apostrophe`] when the word has none.
const NO_APOSTROPHE: u32 = u32::MAX;
/// [`Word::apostrophe`] when it lies too far in to be kept.
const FAR_APOSTROPHE: u32 = u32::MAX - 1;

fn apostrophe_at(offset: Option<usize>) -> u32 {
    match offset {
        None => NO_APOSTROPHE,
        Some(k) => u32::try_from(k)
            .ok()
            .filter(|&k| k < FAR_APOSTROPHE)
            .unwrap_or(FAR_APOSTROPHE),
    }
}

impl Word<'_> {
    /// Byte offset just past the word.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// The word without a possessive or contracted ending (`Morocco’s` → `Morocco`).
    pub fn stem(&self) -> &str {
        // Asked of most words, two or three times: the tokenizer noted
        // where the first apostrophe is.
        match self.apostrophe {
            NO_APOSTROPHE => return self.text,
            FAR_APOSTROPHE => {}
            k => return &self.text[..k as usize],
        }
        // `’` is E2 80 99 in UTF-8, and E2 only ever starts a character.
        let b = self.text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\'' => return &self.text[..i],
                0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x99) => {
                    return &self.text[..i];
                }
                _ => i += 1,
            }
        }
        self.text
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
        loop {
            let start = skip_space(self.text, self.next_chunk);
            if start >= self.text.len() {
                self.next_chunk = start;
                return false;
            }
            let (end, plain) = chunk_end(self.text, start);
            self.next_chunk = end;
            if plain || chunk_kind_of_other(&self.text[start..end]) == ChunkKind::Prose {
                self.cursor = start;
                self.chunk_end = end;
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
#[inline]
fn next_word<'a>(text: &'a str, cursor: &mut usize, end: usize) -> Option<Word<'a>> {
    let bytes = text.as_bytes();
    // ASCII fast path: bytes only, case counted on the way.
    let mut i = *cursor;
    while i < end && CLASS[bytes[i] as usize] & (ALPHA | DIGIT | HIGH) == 0 {
        i += 1;
    }
    if i >= end {
        *cursor = end;
        return None;
    }
    if bytes[i] >= 0x80 {
        return next_word_any_script(text, cursor, i, end);
    }
    let start = i;
    // The case of the word follows from the classes of its first byte and
    // of the others, gathered with a bitwise or.
    let first = CLASS[bytes[i] as usize];
    let mut rest = 0u8;
    let mut apostrophe = NO_APOSTROPHE;
    let mut j = i + 1;
    while j < end {
        let c = CLASS[bytes[j] as usize];
        if c & (ALPHA | DIGIT) != 0 {
            rest |= c;
        } else if bytes[j] == b'\''
            && (first | rest) & ALPHA != 0
            && j + 1 < end
            && CLASS[bytes[j + 1] as usize] & ALPHA != 0
        {
            // An apostrophe inside a word, the letter after it next.
            if apostrophe == NO_APOSTROPHE {
                apostrophe = apostrophe_at(Some(j - start));
            }
        } else if c & HIGH != 0
            || (bytes[j] == b'\'' && j + 1 < end && CLASS[bytes[j + 1] as usize] & HIGH != 0)
        {
            // A letter of another script, perhaps after an apostrophe.
            return next_word_any_script(text, cursor, i, end);
        } else {
            break;
        }
        j += 1;
    }
    *cursor = j;
    let all = first | rest;
    let letters = all & ALPHA != 0;
    let case = if !letters {
        Case::Uncased
    } else if all & UPPER == 0 {
        Case::Lower
    } else if first & UPPER != 0 && rest & UPPER == 0 {
        Case::Title
    } else if all & LOWER == 0 {
        Case::Upper
    } else {
        Case::Mixed
    };
    Some(Word {
        start,
        text: &text[start..j],
        case,
        kind: match (letters, all & DIGIT != 0) {
            (true, true) => WordKind::AlphaNum,
            (false, true) => WordKind::Number,
            _ => WordKind::Alpha,
        },
        apostrophe,
    })
}

/// [`next_word`] from byte `i` on, for words with non-ASCII characters.
#[cold]
#[inline(never)]
fn next_word_any_script<'a>(
    text: &'a str,
    cursor: &mut usize,
    i: usize,
    end: usize,
) -> Option<Word<'a>> {
    let rest = &text[i..end];
    let off = rest.find(|c: char| c.is_alphanumeric())?;
    let start = i + off;
    if text[start..].chars().next().is_some_and(is_unspaced_script) {
        return next_word_by_uax29(text, cursor, start, end);
    }
    let mut j = start;
    let mut letters = false;
    let mut digits = false;
    let mut apostrophe = None;
    let mut chars = text[start..end].char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        if is_unspaced_script(c) {
            // A word of a script written without spaces starts here.
            break;
        } else if c.is_alphanumeric() {
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
            apostrophe.get_or_insert(k);
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
        kind: WordKind::of(letters, digits),
        apostrophe: apostrophe_at(apostrophe),
    })
}

/// A combining mark (general category M): it belongs to the word of the
/// letter it follows (`e` + U+0301 reads `é`).
fn is_combining(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Scripts written without spaces between words (Han, kana, Thai, Lao,
/// Khmer, Myanmar): their words are found by the Unicode word-boundary
/// rules (UAX #29) instead of by runs of letters.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x31F0..=0x31FF // Katakana extensions
        | 0x3400..=0x4DBF // Han extension A
        | 0x4E00..=0x9FFF // Han
        | 0xF900..=0xFAFF // Han compatibility
        | 0xFF66..=0xFF9F // half-width Katakana
        | 0x20000..=0x3FFFF // Han extensions B and on
    )
}

/// The next word at `start` (a letter of a script written without spaces)
/// by UAX #29, moving `cursor` past it.
#[cold]
fn next_word_by_uax29<'a>(
    text: &'a str,
    cursor: &mut usize,
    start: usize,
    end: usize,
) -> Option<Word<'a>> {
    use unicode_segmentation::UnicodeSegmentation;
    let (off, w) = text[start..end].unicode_word_indices().next()?;
    let start = start + off;
    *cursor = start + w.len();
    let digits = w.chars().any(char::is_numeric);
    let letters = w.chars().any(char::is_alphabetic);
    Some(Word {
        start,
        text: w,
        case: Case::of(w),
        kind: WordKind::of(letters, digits),
        apostrophe: NO_APOSTROPHE,
    })
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
    fn quick_plain_test_agrees_with_chunk_kind() {
        for c in [
            "word",
            "word.",
            "“word”",
            "a.b",
            ".",
            "..",
            "x,",
            "don't",
            "3.5",
            "a-b.",
            "e.g.",
            "Node.js",
            "it’s",
            "(see",
        ] {
            let (end, plain) = chunk_end(c, 0);
            assert_eq!(end, c.len(), "{c}");
            if plain {
                assert_eq!(chunk_kind(c), ChunkKind::Prose, "{c}");
            }
        }
        assert_eq!(chunk_end("word next", 0), (4, true));
        assert_eq!(chunk_end("a.\u{00A0}b", 0), (2, true));
    }

    #[test]
    fn quick_prose_tests_never_overrule_the_analysis() {
        let pieces = [
            "a", "W", "www", ".", ":", "(", ")", "“", "”", "’", "'", "\"", ",", "-", ">", "/", "@",
            "#", "_", "1", "é", "*", "[", "$", "com", "x",
        ];
        let mut n = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        let chunk = format!("{a}{b}{c}{d}");
                        let (end, plain) = chunk_end(&chunk, 0);
                        assert_eq!(end, chunk.len(), "{chunk}");
                        if plain {
                            assert_eq!(analyse_chunk(&chunk), ChunkKind::Prose, "{chunk}");
                        }
                        if is_quiet_prose(&chunk) {
                            n += 1;
                            assert_eq!(analyse_chunk(&chunk), ChunkKind::Prose, "{chunk}");
                        }
                    }
                }
            }
        }
        assert!(n > 1000);
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

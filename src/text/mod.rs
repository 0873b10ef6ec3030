//! Text analysis shared by the repair passes: a tokenizer that borrows from
//! the input and knows which stretches are not prose (URLs, e-mail
//! addresses, domains and file names, numbers, code, hashes), and a sentence
//! walker that says where sentences start. Every pass skips the same things
//! because they all see text through this module.

pub mod abbreviations;
pub mod bylines;
pub mod extensions;
pub mod normalise;
pub mod sentences;
pub mod words;
pub mod wordtable;

pub use sentences::{Position, SentenceWords};
pub use words::{Case, ChunkKind, Word, WordKind, chunk_kind, chunks, words};
pub use wordtable::WordTable;

/// True for the ASCII characters `char::is_whitespace` accepts.
pub fn is_ascii_space(b: u8) -> bool {
    // Written as two comparisons, not a match, so that many bytes can be
    // tested at once: tab, line feed, vertical tab, form feed and carriage
    // return are 9 to 13.
    (b == b' ') | (b.wrapping_sub(b'\t') < 5)
}

/// True when byte `i` of `b` (UTF-8) opens a character
/// `char::is_whitespace` accepts outside ASCII: U+0085, U+00A0, U+1680,
/// U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F or U+3000. Read off the
/// bytes, since most text outside ASCII holds only letters and marks (`é`,
/// `’`, `—`).
fn opens_unicode_space(b: &[u8], i: usize) -> bool {
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    match b[i] {
        0xC2 => matches!(at(i + 1), 0x85 | 0xA0),
        0xE1 => at(i + 1) == 0x9A && at(i + 2) == 0x80,
        0xE2 => match at(i + 1) {
            0x80 => matches!(at(i + 2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
            0x81 => at(i + 2) == 0x9F,
            _ => false,
        },
        0xE3 => at(i + 1) == 0x80 && at(i + 2) == 0x80,
        _ => false,
    }
}

/// The characters of `text` that are not white space, as
/// `text.chars().filter(|c| !c.is_whitespace()).count()` counts them:
/// asked of every line a dump is read into and every block measured, so
/// counted off the bytes, a character decoded only where its first byte may
/// open a space outside ASCII.
pub fn count_visible_chars(text: &str) -> usize {
    let b = text.as_bytes();
    let mut n = 0;
    for (i, &c) in b.iter().enumerate() {
        n += usize::from(match c {
            // A character's later bytes, and ASCII white space.
            0x80..=0xBF | 9..=13 | b' ' => false,
            0xC2 | 0xE1..=0xE3 => !opens_unicode_space(b, i),
            _ => true,
        });
    }
    n
}

/// Every byte's low seven bits.
const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
/// Every byte's high bit.
const HIGH: u64 = 0x8080_8080_8080_8080;
/// Every byte's low bit.
const LOW: u64 = 0x0101_0101_0101_0101;

/// The bytes of `v` (eight bytes of text) that are ASCII spaces (see
/// [`is_ascii_space`]), each marked by its low bit. Eight bytes are tested
/// at once: each byte's low seven bits are added to a constant that
/// carries into its high bit exactly when the byte is, or is not, in
/// range, and no sum overflows into the next byte. Bytes outside ASCII
/// are never spaces.
fn ascii_spaces(v: u64) -> u64 {
    let w = v & LOW7;
    // High bit set where the byte is a blank: `w ^ 0x20` is zero there.
    let blank = !((w ^ 0x2020_2020_2020_2020) + LOW7);
    // High bit set where the byte is 9 to 13: at least 9, not 14.
    let control = (w + 0x7777_7777_7777_7777) & !(w + 0x7272_7272_7272_7272);
    ((blank | control) & !v & HIGH) >> 7
}

/// The number of words (runs of non-space) in `text`, as
/// [`str::split_whitespace`] counts them, counted up to `cap` (a text
/// with more counts `cap`). Asked of every line by the boilerplate rules
/// and of every line of a table candidate: text is read eight bytes at a
/// time without decoding characters, and a long text stops being read
/// once `cap` words are found. Bytes outside ASCII belong to words, as
/// their characters do; only a text with a space outside ASCII (a
/// no-break space) is read again character by character.
pub fn count_words(text: &str, cap: usize) -> usize {
    let b = text.as_bytes();
    let mut words = 0;
    // Whether the byte before the eight read was a space: before the text,
    // as if it were, so a word opening the text is counted.
    let mut space_before = 1u64;
    // Between stretches of 64 bytes the cap is looked at.
    const STRETCH: usize = 64;
    let mut from = 0;
    while from < b.len() && words < cap {
        let to = (from + STRETCH).min(b.len());
        // Each byte of `opened` counts the words opening at its place in
        // the stretch's eight-byte chunks (at most eight), summed across
        // the bytes once the stretch is read.
        let mut opened = 0u64;
        for (c, chunk) in b[from..to].chunks(8).enumerate() {
            let (v, read) = match <[u8; 8]>::try_from(chunk) {
                Ok(bytes) => (u64::from_le_bytes(bytes), LOW),
                // The text's last bytes, zero-padded: only the bytes
                // read count, the padding is no word.
                Err(_) => (load_le(chunk), LOW >> (8 * (8 - chunk.len()))),
            };
            // The bytes that open a character of two bytes or more (0xC0
            // and over): each is looked at for a space outside ASCII.
            let mut opens_long = v & (v << 1) & HIGH;
            while opens_long != 0 {
                let i = from + 8 * c + (opens_long.trailing_zeros() / 8) as usize;
                if opens_unicode_space(b, i) {
                    return text.split_whitespace().take(cap).count();
                }
                opens_long &= opens_long - 1;
            }
            let spaces = ascii_spaces(v);
            opened += !spaces & read & ((spaces << 8) | space_before);
            space_before = spaces >> 56;
        }
        words += (opened.wrapping_mul(LOW) >> 56) as usize;
        from = to;
    }
    words.min(cap)
}

/// `word` lowercased when it is ASCII and fits in `buf`, for lexicon
/// look-ups without allocating; `None` otherwise. A word already in
/// lowercase (most words of prose) comes back as it is; others are
/// lowercased into `buf`.
pub fn ascii_lower<'b>(word: &'b str, buf: &'b mut [u8]) -> Option<&'b str> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    if !b.iter().any(u8::is_ascii_uppercase) {
        return Some(word);
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// Words that open a line of code or a shell command and no English
/// sentence written in lowercase: declarations, imports and the commands
/// articles show most.
const CODE_OPENERS: &[&str] = &[
    "apt",
    "cargo",
    "cd",
    "const",
    "def",
    "docker",
    "fn",
    "func",
    "git",
    "impl",
    "import",
    "npm",
    "pip",
    "pub",
    "sudo",
    "systemctl",
    "var",
];

/// True when `line` reads as code or a command rather than prose: it has
/// a call (`()`), an assignment or comparison (` = `, `==`), braces, an
/// arrow, a path separator `::`, a prompt (`$ `), a tag, a command-line
/// flag (`-m`, `--save`), a name joined by an underscore, a statement end
/// (`;`), or opens with a declaration or a common command in lowercase
/// (`const x`, `git clone`).
pub fn looks_like_code(line: &str) -> bool {
    const SIGNS: [&str; 14] = [
        "()", " = ", "==", "{", "}", "=>", "->", "::", "\")", "( ", "$ ", "</", "/>", ":=",
    ];
    // One scan for all the signs: this is asked of every line of text.
    static SIGNS_FINDER: std::sync::OnceLock<aho_corasick::AhoCorasick> =
        std::sync::OnceLock::new();
    let signs = SIGNS_FINDER.get_or_init(|| {
        aho_corasick::AhoCorasick::new(SIGNS).expect("a handful of short literal signs")
    });
    if signs.is_match(line) {
        return true;
    }
    let trimmed = line.trim();
    if trimmed.ends_with(';') || has_method_call(trimmed) {
        return true;
    }
    // A shell variable (`$service`, `${HOME}`): a price puts a figure
    // after its `$`.
    if line
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'$' && (w[1].is_ascii_lowercase() || w[1] == b'{'))
    {
        return true;
    }
    // A lowercase command and a path or a dotfile (`nano .env`, `rm
    // /sys/firmware`, `cd ~/src`): prose puts no path second.
    let mut words = trimmed.split_whitespace();
    if let (Some(first), Some(second)) = (words.next(), words.next())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && (second.starts_with(['/', '~'])
            || (second.starts_with('.')
                && second[1..].starts_with(|c: char| c.is_ascii_alphabetic())))
    {
        return true;
    }
    let mut tokens = trimmed.split_whitespace();
    if tokens
        .next()
        .is_some_and(|first| CODE_OPENERS.contains(&first))
        && trimmed.contains(' ')
    {
        return true;
    }
    // Flags and underscores need a `-` or a `_`: most lines have neither.
    if !trimmed.contains(['-', '_']) {
        return false;
    }
    trimmed.split_whitespace().any(|w| {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        (core.starts_with('-')
            && core.len() >= 2
            && core[1..].starts_with(|c: char| c.is_ascii_lowercase() || c == '-'))
            || core
                .trim_matches(|c: char| !c.is_alphanumeric())
                .contains('_')
    })
}

/// True when `line` calls a method on something (`"hello".slice(2)`,
/// `list.append(x)`): a dot between a word or a quote and a name that a
/// bracket opens at once. Prose puts a space after its full stops.
fn has_method_call(line: &str) -> bool {
    let b = line.as_bytes();
    let mut from = 0;
    while let Some(k) = line[from..].find('.') {
        let at = from + k;
        from = at + 1;
        let before_ok = at > 0 && (b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'"');
        if !before_ok {
            continue;
        }
        let name_len = b[at + 1..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
            .count();
        if name_len >= 2 && b.get(at + 1 + name_len) == Some(&b'(') {
            return true;
        }
    }
    false
}

/// A fast, non-cryptographic hasher for short word keys (the Fx scheme:
/// multiply and rotate per 8 bytes). Word tables are built from the
/// document itself, so resistance to crafted collisions buys nothing here
/// that the default SipHash would be worth its cost for.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.add(v);
        }
        // The tail of a word (most words are shorter than eight bytes) as
        // one number rather than byte by byte: one multiplication, not up
        // to seven in a row.
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(load_le(rest));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn finish(&self) -> u64 {
        // A product's high bits depend on every input bit, its low bits on
        // few; hash maps take the bucket from the low bits, so fold the
        // high half into them.
        self.0 ^ (self.0 >> 32)
    }
}

/// Up to eight bytes as a little-endian number, zero-padded, read with at
/// most two overlapping loads rather than byte by byte.
#[inline]
pub(crate) fn load_le(b: &[u8]) -> u64 {
    let n = b.len();
    debug_assert!(n <= 8);
    if n >= 4 {
        let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
        u64::from(lo) | (u64::from(hi) << (8 * (n - 4)))
    } else if n >= 2 {
        let lo = u16::from_le_bytes([b[0], b[1]]);
        let hi = u16::from_le_bytes([b[n - 2], b[n - 1]]);
        u64::from(lo) | (u64::from(hi) << (8 * (n - 2)))
    } else if n == 1 {
        u64::from(b[0])
    } else {
        0
    }
}

impl WordHasher {
    #[inline]
    fn add(&mut self, v: u64) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
    }
}

/// Builds [`WordHasher`]s.
pub type WordHash = std::hash::BuildHasherDefault<WordHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_spaces_are_the_white_space_of_char() {
        for b in 0..=127u8 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "{b}");
        }
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for text in [
            "",
            "  ",
            "one",
            " two  words ",
            "tab\tand\x0bvertical\x0cfeed",
            "caf\u{e9}\u{a0}cr\u{e8}me br\u{fb}l\u{e9}e",
            "a b c d e f",
            "  one two\tthree\x0bfour\x0cfive\r\nsix  ",
            "a\u{a0}b c",
            "— — —",
            "l'été dernier, à Paris",
        ] {
            let n = text.split_whitespace().count();
            assert_eq!(count_words(text, usize::MAX), n, "{text:?}");
            for k in 0..n + 2 {
                assert_eq!(count_words(text, k), n.min(k), "{text:?} {k}");
                assert_eq!(count_words(text, k + 1) > k, n > k, "{text:?} {k}");
            }
        }
    }

    #[test]
    fn words_are_counted_alike_over_every_run_of_spaces_and_marks() {
        // Every byte triple over a small alphabet of spaces and marks.
        let alphabet = [
            b' ', b'\t', b'\n', 0x0b, 0x0c, b'\r', b'a', b'.', 0x08, 0x0e, b'~',
        ];
        for x in alphabet {
            for y in alphabet {
                for z in alphabet {
                    let bytes = [x, y, z, x];
                    let line = std::str::from_utf8(&bytes).unwrap();
                    assert_eq!(
                        count_words(line, 100),
                        line.split_whitespace().count(),
                        "{line:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_space_outside_ascii_is_found() {
        for c in (0x80..=0x10FFFFu32).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(
                opens_unicode_space(text.as_bytes(), 1),
                c.is_whitespace(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    /// `count_words` of `text`, whole and capped at `cap`, as
    /// `split_whitespace` counts it.
    fn counted_as_split_whitespace_counts(
        text: &str,
        cap: usize,
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        let n = text.split_whitespace().count();
        proptest::prop_assert_eq!(count_words(text, usize::MAX), n);
        proptest::prop_assert_eq!(count_words(text, cap), n.min(cap));
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn visible_characters_are_counted_as_chars_counts_them(
            text in "(.|\n|[aé’—\u{a0}\u{2009}\u{3000}\u{85}\u{202f}\u{2028}\u{1680}\u{205f}\u{2060}\u{e2}\u{180e}\u{1fff}\u{2fff} \t\x0b]){0,150}",
        ) {
            proptest::prop_assert_eq!(
                count_visible_chars(&text),
                text.chars().filter(|c| !c.is_whitespace()).count()
            );
        }

        #[test]
        fn words_outside_ascii_are_counted_as_split_whitespace_counts_them(
            text in "[aé’—\u{a0}\u{2009}\u{3000}\u{85}\u{202f}\u{2028}\u{1680}\u{205f}\u{2060}\u{e2}\u{180e}. \t\n]{0,120}",
            cap in 0usize..60,
        ) {
            counted_as_split_whitespace_counts(&text, cap)?;
        }

        #[test]
        fn any_text_is_counted_as_split_whitespace_counts_it(
            text in "(.|\n){0,150}",
            cap in 0usize..60,
        ) {
            counted_as_split_whitespace_counts(&text, cap)?;
        }

        #[test]
        fn ascii_words_are_counted_as_split_whitespace_counts_them(
            text in "[ab.\t\n\x0b\x0c\r ]{0,200}",
            cap in 0usize..80,
        ) {
            counted_as_split_whitespace_counts(&text, cap)?;
            proptest::prop_assert_eq!(count_words(&text, 4) > 3, text.split_whitespace().nth(3).is_some());
        }
    }

    #[test]
    fn ascii_words_are_lowercased_whatever_their_case() {
        let mut buf = [0u8; 8];
        for (word, lower) in [
            ("harbour", Some("harbour")),
            ("Harbour", Some("harbour")),
            ("USA", Some("usa")),
            ("x-1_y", Some("x-1_y")),
            ("", Some("")),
            ("caf\u{e9}", None),
            ("breakwaters", None),
        ] {
            assert_eq!(ascii_lower(word, &mut buf), lower, "{word:?}");
        }
    }

    #[test]
    fn code_lines_and_prose() {
        for code in [
            "p . exists ( )",
            "const x = 5",
            "git clone the repository",
            "npm install --save left-pad",
            "let total_count be it",
            "const answer be it",
            "print(x);",
            "nano .env",
            "rm /sys/firmware/efi",
            "\"hello\".slice(2) // llo",
            "service $service $op: runs the script",
        ] {
            assert!(looks_like_code(code), "{code}");
        }
        for prose in [
            "The council met on Monday - and agreed.",
            "let us go then, you and I",
            "A well-known fact (see below) holds.",
            "It ended.Then (at last) it rained, e.g. (twice).",
            "we stayed in .NET land and Node.js",
            "It cost $5 and then $12.50: a bargain.",
            "Note: the hall opens at noon.",
        ] {
            assert!(!looks_like_code(prose), "{prose}");
        }
    }

    #[test]
    fn short_loads_match_byte_by_byte() {
        let bytes = b"abcdefgh";
        for n in 0..=8 {
            let expected = bytes[..n]
                .iter()
                .enumerate()
                .fold(0u64, |v, (i, &b)| v | (u64::from(b) << (8 * i)));
            assert_eq!(load_le(&bytes[..n]), expected, "{n}");
        }
    }
}

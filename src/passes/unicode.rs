//! Language-neutral character repair: mojibake (UTF-8 read as
//! Windows-1252), invisible and control characters, Unicode spaces, runs of
//! spaces, and NFC normalisation. Typographic quotes and dashes are kept,
//! and so is a single no-break space between two words or a figure and its
//! unit.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::document::TextRole;
use crate::pipeline::{Fix, Pass, PassContext};

/// Repairs characters: mojibake, invisibles, spaces, normalisation.
pub struct RepairUnicode;

impl Pass for RepairUnicode {
    fn name(&self) -> &str {
        "unicode"
    }

    fn description(&self) -> &str {
        "repair mojibake, drop invisible characters, plain and single spaces, NFC"
    }

    fn run(&self, cx: &mut PassContext<'_>) {
        cx.fix_texts(|_, role, text| {
            if role == TextRole::Code {
                Vec::new()
            } else {
                unicode_fixes(text)
            }
        });
        cx.rewrite_texts(|_, role, text| {
            (role != TextRole::Code && is_nfc_quick(text.chars()) != IsNormalized::Yes)
                .then(|| text.nfc().collect())
        });
        // A block of nothing but invisible characters is no block.
        cx.remove_blocks(|_, b, _| {
            b.is_empty()
                .then(|| "only invisible characters".to_string())
        });
    }
}

/// The character repairs `text` needs, in offset order.
pub fn unicode_fixes(text: &str) -> Vec<Fix> {
    let mut fixes = Vec::new();
    if is_plain_ascii(text) {
        return fixes;
    }
    let bytes = text.as_bytes();
    let multiline = text.contains('\n');
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // A single space between two other characters, the common case,
        // stays as it is (a character after it that is not ASCII may be
        // another space or an invisible one: the general path decides).
        if b == b' ' && i > 0 && bytes.get(i + 1).is_some_and(|&n| n != b' ' && n < 0x80) {
            i += 1;
            continue;
        }
        if b == b' ' || (b >= 0x80 && is_space_like(char_at(text, i))) {
            let end = space_run_end(text, i);
            let run = &text[i..end];
            if deliberate_no_break(text, i, end) {
                i = end;
                continue;
            }
            if multiline {
                // Lines kept together may be a table whose columns are
                // aligned with spaces: keep the widths, only make them plain.
                let n = run.chars().filter(|&c| is_space_like(c)).count();
                if run.len() != n {
                    fixes.push(Fix::new(i..end, " ".repeat(n)));
                }
            } else if i == 0 || end == text.len() {
                fixes.push(Fix::new(i..end, ""));
            } else if run != " " {
                fixes.push(Fix::new(i..end, " "));
            }
            i = end;
            continue;
        }
        if b < 0x80 {
            if b.is_ascii_control() && b != b'\n' && b != b'\t' {
                fixes.push(Fix::new(i..i + 1, ""));
            }
            i += 1;
            continue;
        }
        if let Some((end, fixed)) = mojibake_at(text, i) {
            fixes.push(Fix::new(i..end, fixed));
            i = end;
            continue;
        }
        let c = char_at(text, i);
        let len = c.len_utf8();
        if is_invisible(c) || c.is_control() {
            fixes.push(Fix::new(i..i + len, ""));
        }
        i += len;
    }
    fixes
}

/// True when `text` is ASCII without control characters or double spaces,
/// the common case, which needs no repair.
fn is_plain_ascii(text: &str) -> bool {
    let b = text.as_bytes();
    let mut prev_space = true;
    for &c in b {
        if c >= 0x80 || (c.is_ascii_control() && c != b'\n' && c != b'\t') {
            return false;
        }
        let space = c == b' ';
        if space && prev_space {
            return false;
        }
        prev_space = space;
    }
    !prev_space || b.is_empty()
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

/// Spaces other than the plain one: no-break, en/em and thin spaces, etc.
fn is_space_like(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{00A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// True when the run of spaces at `start..end` of `text` is one no-break
/// space between two visible characters (`AirPods\u{a0}Pro`, `EUR\u{a0}34`,
/// `10\u{202f}km`, `to\u{a0}you.`): typesetters put it there on purpose, to
/// keep a name, a figure and its unit or a line's last two words together,
/// and it reads as a space everywhere else in the crate.
fn deliberate_no_break(text: &str, start: usize, end: usize) -> bool {
    let mut run = text[start..end].chars();
    let one = run
        .next()
        .is_some_and(|c| matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2007}'))
        && run.next().is_none();
    one && text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace())
        && text[end..]
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && !is_invisible(c))
}

/// Characters that are invisible in print and only get in the way of
/// search and comparison: soft hyphens, zero-width spaces, word joiners and
/// byte-order marks. Zero-width (non-)joiners are kept: they shape Persian,
/// Indic scripts and emoji.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}'
    )
}

fn space_run_end(text: &str, start: usize) -> usize {
    let mut end = start;
    for (k, c) in text[start..].char_indices() {
        if is_space_like(c) || is_invisible(c) {
            end = start + k + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// The byte Windows-1252 (with Latin-1 for its five undefined bytes) encodes
/// `c` as, when that byte is 0x80 or above.
fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if (0x80..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    Some(match c {
        '\u{20AC}' => 0x80,
        '\u{201A}' => 0x82,
        '\u{0192}' => 0x83,
        '\u{201E}' => 0x84,
        '\u{2026}' => 0x85,
        '\u{2020}' => 0x86,
        '\u{2021}' => 0x87,
        '\u{02C6}' => 0x88,
        '\u{2030}' => 0x89,
        '\u{0160}' => 0x8A,
        '\u{2039}' => 0x8B,
        '\u{0152}' => 0x8C,
        '\u{017D}' => 0x8E,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201C}' => 0x93,
        '\u{201D}' => 0x94,
        '\u{2022}' => 0x95,
        '\u{2013}' => 0x96,
        '\u{2014}' => 0x97,
        '\u{02DC}' => 0x98,
        '\u{2122}' => 0x99,
        '\u{0161}' => 0x9A,
        '\u{203A}' => 0x9B,
        '\u{0153}' => 0x9C,
        '\u{017E}' => 0x9E,
        '\u{0178}' => 0x9F,
        _ => return None,
    })
}

/// When the characters at `start` are the Windows-1252 reading of one UTF-8
/// encoded character (`Ã©` for `é`, `â€™` for `’`), the end of that stretch
/// and the character it stands for.
///
/// Accepted only when the bytes form exactly one valid UTF-8 sequence and
/// the character is one prose commonly holds (Latin letters, general
/// punctuation, currency, Greek and Cyrillic, emoji): a legitimate pair such
/// as `É»` decodes to a rare IPA letter and is left alone.
fn mojibake_at(text: &str, start: usize) -> Option<(usize, char)> {
    let mut chars = text[start..].char_indices();
    let (_, first) = chars.next()?;
    let lead = cp1252_byte(first)?;
    let need = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    // `à` is C3 A0, and A0 (a no-break space) is often turned into a plain
    // space on the way: `Ã` + two spaces stands for `à` + one space.
    if lead == 0xC3 && text[start + 2..].starts_with("  ") {
        return Some((start + 3, 'à'));
    }
    // When the spaces were folded too, a lone `Ã` word is that `à`: no
    // language writes `Ã` as a word of its own.
    if lead == 0xC3 && text[start + 2..].starts_with(' ') && text[..start].ends_with(' ') {
        return Some((start + 2, 'à'));
    }
    let mut buf = [lead, 0, 0, 0];
    let mut end = start + first.len_utf8();
    for slot in buf.iter_mut().take(need).skip(1) {
        let (k, c) = chars.next()?;
        let b = cp1252_byte(c)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        *slot = b;
        end = start + k + c.len_utf8();
    }
    let decoded = std::str::from_utf8(&buf[..need]).ok()?.chars().next()?;
    let u = decoded as u32;
    let plausible = matches!(u,
        0xA0..=0x17F | 0x370..=0x4FF | 0x2010..=0x2044 | 0x20A0..=0x20BF | 0x2122 | 0x2190..=0x27FF
            | 0xFE0F | 0x1F000..=0x1FAFF);
    plausible.then_some((end, decoded))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repair(s: &str) -> String {
        let mut out = String::new();
        let mut last = 0;
        for f in unicode_fixes(s) {
            out.push_str(&s[last..f.range.start]);
            out.push_str(&f.replacement);
            last = f.range.end;
        }
        out.push_str(&s[last..]);
        out
    }

    #[test]
    fn mojibake_is_decoded() {
        assert_eq!(repair("donâ€™t"), "don’t");
        assert_eq!(repair("cafÃ© and â€œquotesâ€\u{9d}"), "café and “quotes”");
        assert_eq!(repair("naÃ¯ve rÃ©sumÃ©"), "naïve résumé");
        assert_eq!(repair("ouvre Ã  sept"), "ouvre à sept");
        assert_eq!(repair("ouvre Ã sept"), "ouvre à sept");
    }

    #[test]
    fn legitimate_accents_and_quotes_stay() {
        for s in [
            "«CAFÉ»",
            "„ÜBER“",
            "L’été à Paris — “déjà vu”.",
            "Straße, Ärger, øre, ©2024",
        ] {
            assert_eq!(repair(s), s);
        }
    }

    #[test]
    fn invisibles_and_spaces() {
        assert_eq!(repair("Sharing:  Collaborating"), "Sharing: Collaborating");
        assert_eq!(repair("a\u{00A0}\u{00A0}b\u{200B}c\u{00AD}d"), "a bcd");
        // One no-break space between two words or a figure and its unit
        // is the typesetter's choice.
        for s in [
            "AirPods\u{00A0}Pro 3",
            "EUR\u{00A0}34.42",
            "10\u{202F}km",
            "to\u{00A0}you.",
        ] {
            assert_eq!(repair(s), s);
        }
        assert_eq!(repair("end.\u{00A0}"), "end.");
        assert_eq!(repair("x\u{0007}y"), "xy");
        assert_eq!(repair(" lead and trail  "), "lead and trail");
        assert_eq!(repair("col  a\u{00A0}\u{00A0}b\nx"), "col  a  b\nx");
        assert_eq!(repair("tab\tkept\nand newline"), "tab\tkept\nand newline");
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in ["", " ", "Ã", "â€", "\u{00A0}", "é  é", "\n  \n"] {
            let _ = repair(s);
        }
    }
}

//! Language-neutral spacing around punctuation: a space lost after `, ; : .
//! ! ?` before a word ("fear,destabilizing", "terrorism.A strategic"), and a
//! stray space before `, . ; : ! ?` ("word , next").
//!
//! Names, numbers and codes keep their punctuation tight: URLs, e-mail
//! addresses, domains and file names (`example.com`, `Node.js`), numbers and
//! times (`3.5`, `1,000`, `10:30`), abbreviations and initials (`U.S.`,
//! `e.g.`), ellipses, versions and short code lists (`en,fr`). A period is
//! only taken for a lost sentence break when a lowercase word precedes it
//! and a capitalised word follows.

use crate::document::TextRole;
use crate::pipeline::{Fix, Pass, PassContext};
use crate::text::abbreviations::is_abbreviation;
use crate::text::extensions::is_tld_or_extension;
use crate::text::{ChunkKind, chunk_kind, chunks};

/// Fixes the spaces around punctuation.
pub struct RepairSpacing;

impl Pass for RepairSpacing {
    fn name(&self) -> &str {
        "spacing"
    }

    fn description(&self) -> &str {
        "add the space lost after punctuation, drop the space before it"
    }

    fn run(&self, cx: &mut PassContext<'_>) {
        // French sets a space before ; : ! ? on purpose.
        let spaced_punctuation = cx.doc().meta.language.as_deref() == Some("fr");
        // A paragraph left with one line (its other lines were chrome) has
        // no columns to keep aligned any more: its runs of spaces go first.
        cx.fix_texts(|_, role, text| {
            if role != TextRole::Code
                && !text.contains('\n')
                && (text.contains("  ") || text.starts_with(' ') || text.ends_with(' '))
            {
                space_run_fixes(text)
            } else {
                Vec::new()
            }
        });
        cx.fix_texts(|_, role, text| {
            if role != TextRole::Code {
                spacing_fixes(text, spaced_punctuation)
            } else {
                Vec::new()
            }
        });
    }
}

/// True when the line of `text` holding byte `at` reads as code (see
/// [`crate::text::looks_like_code`]): code sets spaces around `.`, `,` and
/// `:` as its tokens fall (`p . exists ( )`, `self ,`), and none of them
/// is a slip.
fn line_looks_like_code(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    crate::text::looks_like_code(&text[start..end])
}

/// The spacing repairs `text` needs, in offset order. With
/// `spaced_punctuation` (French) a space before `; : ! ?` is kept.
pub fn spacing_fixes(text: &str, spaced_punctuation: bool) -> Vec<Fix> {
    let mut fixes = Vec::new();
    let bytes = text.as_bytes();
    for r in chunks(text) {
        let chunk = &text[r.clone()];
        // Stray space before punctuation: the chunk is the punctuation mark
        // alone, right after a word and a single space.
        if chunk.len() == 1 && r.start >= 2 && bytes[r.start - 1] == b' ' {
            let p = bytes[r.start];
            let before = text[..r.start - 1].chars().next_back().unwrap_or(' ');
            let wordy = before.is_alphanumeric()
                || matches!(before, ')' | ']' | '"' | '\u{2019}' | '\u{201D}');
            // `R : Reply` and `VIP :` may be a layout; a lowercase word
            // followed by ` :` is a slip.
            let lowercase_word = before.is_lowercase();
            let allowed = match p {
                b',' => true,
                // `I know . . . some`: a spaced ellipsis, set so on purpose.
                b'.' => !text[r.end..].starts_with(" ."),
                b';' | b':' => !spaced_punctuation && lowercase_word,
                // `the mark ! signifies`: a mark named, not one ending a
                // sentence.
                b'!' | b'?' => {
                    !spaced_punctuation && !names_a_character(letters_before(text, r.start - 1))
                }
                _ => false,
            };
            if wordy && allowed && !line_looks_like_code(text, r.start) {
                fixes.push(Fix::new(r.start - 1..r.start, ""));
            }
            continue;
        }
        if !chunk
            .bytes()
            .any(|b| matches!(b, b',' | b';' | b':' | b'.' | b'!' | b'?'))
        {
            continue;
        }
        if chunk_kind(chunk) != ChunkKind::Prose {
            continue;
        }
        // Three or more commas without a space are a packed list (tags,
        // keywords, CSV), written so on purpose.
        if chunk.bytes().filter(|&b| b == b',').count() >= 3 {
            continue;
        }
        // The mark fixed last: a word right after it starts afresh, as it
        // will on a second run.
        let mut split_at = None;
        let opens_line = text[..r.start].trim_end_matches([' ', '\t']).is_empty()
            || text[..r.start]
                .trim_end_matches([' ', '\t'])
                .ends_with('\n');
        for (k, &b) in chunk.as_bytes().iter().enumerate() {
            if matches!(b, b',' | b';' | b':' | b'.' | b'!' | b'?')
                && lost_space_after(chunk, k, &text[r.end..], split_at, opens_line)
            {
                let at = r.start + k + 1;
                fixes.push(Fix::new(at..at, " "));
                split_at = Some(k + 1);
            }
        }
    }
    fixes
}

/// True when `word` names a character, so that a mark after it is the
/// character talked about (`the exclamation mark !`, `the operator ?`)
/// rather than punctuation.
fn names_a_character(word: &str) -> bool {
    const NAMES: [&str; 10] = [
        "mark",
        "symbol",
        "character",
        "sign",
        "operator",
        "key",
        "glyph",
        "suffix",
        "prefix",
        "token",
    ];
    NAMES.iter().any(|n| n.eq_ignore_ascii_case(word))
}

/// True when `word` is among the most frequent words of English (`The`,
/// `This`, `A`): what opens a sentence far more often than an identifier
/// after a dot does (`bytes.Buffer`, `System.Text`). Other languages' lists
/// hold single letters (`e`, `d`) that are initials and degrees here.
fn is_frequent_word(word: &str) -> bool {
    // English is the first language of the frequent-word lists.
    const ENGLISH: u8 = 1;
    let mut buf = [0u8; 32];
    let mut unused = String::new();
    crate::text::ascii_lower(word, &mut buf).is_some_and(|lower| {
        crate::lexicon::frequent_words::frequent_mask(lower, &mut unused) & ENGLISH != 0
    })
}

/// How often a word must occur in the English frequency list to be a
/// common word rather than a package or a variable (`os`, `fmt`, `src`).
const COMMON_ENGLISH_COUNT: u64 = 10_000_000;

/// True when lowercase `word` is a common English word.
fn is_common_english(word: &str) -> bool {
    crate::lexicon::dictionary::frequency(word) >= COMMON_ENGLISH_COUNT
}

/// Fixes making each run of two or more spaces in `text` a single space,
/// and dropping spaces at either end.
fn space_run_fixes(text: &str) -> Vec<Fix> {
    let bytes = text.as_bytes();
    let mut fixes = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b' ' {
            let end = i + bytes[i..].iter().take_while(|&&b| b == b' ').count();
            if i == 0 || end == bytes.len() {
                fixes.push(Fix::new(i..end, ""));
            } else if end - i >= 2 {
                fixes.push(Fix::new(i + 1..end, ""));
            }
            i = end;
        } else {
            i += 1;
        }
    }
    fixes
}

/// Letters directly before byte `at` of `s` (a run of alphabetic chars).
fn letters_before(s: &str, at: usize) -> &str {
    let start = s[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(at, |(i, _)| i);
    &s[start..at]
}

/// Letters directly from byte `at` of `s`.
fn letters_after(s: &str, at: usize) -> &str {
    let end = s[at..]
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| at + i);
    &s[at..end]
}

fn is_title(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
}

fn is_lower(word: &str) -> bool {
    word.chars().all(char::is_lowercase)
}

/// True when the punctuation mark at byte `k` of prose chunk `chunk` lost
/// the space that should follow it; `after` is the text after the chunk,
/// `split_at` where a space is added before this mark.
fn lost_space_after(
    chunk: &str,
    k: usize,
    after: &str,
    split_at: Option<usize>,
    opens_line: bool,
) -> bool {
    let mark = chunk.as_bytes()[k];
    let left = letters_before(chunk, k);
    let right = letters_after(chunk, k + 1);
    if left.is_empty() || right.is_empty() {
        return false;
    }
    let left_start = k - left.len();
    // `U.S.Army`, `e.g.The`, `x.y.z`: dotted runs are abbreviations or names.
    if left_start > 0
        && split_at != Some(left_start)
        && !chunk[..left_start].ends_with(['(', '"', '\u{201C}', '\'', '\u{2018}', '-', ',', ';'])
    {
        return false;
    }
    let rest = &chunk[k + 1 + right.len()..];
    let chars_left = left.chars().count();
    let chars_right = right.chars().count();
    match mark {
        b',' | b';' => {
            // `en,fr,de` and `a,b` are code lists, not prose. A one-letter
            // word ("council,a process") counts after a long lowercase word
            // when a word follows it.
            let one_letter_word = chars_right == 1
                && chars_left >= 4
                && is_lower(left)
                && rest.is_empty()
                && after.starts_with(' ')
                && after[1..].starts_with(char::is_alphabetic);
            (chars_left >= 2 && chars_right >= 2 && chars_left.max(chars_right) >= 4)
                || one_letter_word
        }
        // A capitalised word before the colon is a namespace or a level
        // (`Talk:Systemd`, `Category:Programming`, `DEBUG:This`).
        b':' => chars_left >= 3 && is_lower(left) && is_title(right) && chars_right >= 2,
        b'.' | b'!' | b'?' => {
            let right_ok = is_title(right)
                || (chars_right == 1
                    && right.chars().all(char::is_uppercase)
                    && !rest.starts_with(|c: char| c.is_alphanumeric() || c == '.'));
            // A module and its class or a call (`decimal.Decimal`,
            // `models.Model`, `os.Path(`) is code: the two sides share
            // their first letters, or a bracket follows at once.
            let shared = left
                .bytes()
                .zip(right.bytes())
                .take_while(|(a, b)| a.eq_ignore_ascii_case(b))
                .count();
            if shared >= 4 || rest.starts_with(['(', '[']) {
                return false;
            }
            // A name, or a short word that is no common English word (the
            // common ones end sentences: `met.Residents`, `year.Trade`),
            // before the dot is a namespace and its member (`System.Text`,
            // `os.Open`, `fmt.Printf`), a degree (`Ed.D`) or a brand
            // (`Dall.E`), unless the word after it is one that opens
            // sentences (`India.The`); and a text's line does not open with
            // a sentence of one word (`sync.Mutex` alone on a line is code).
            let namespace_like = (is_title(left) || (chars_left <= 4 && !is_common_english(left)))
                && !is_frequent_word(right);
            if mark == b'.' && (namespace_like || (opens_line && left_start == 0)) {
                return false;
            }
            // All-capital left sides are acronyms and names (`ASP.NET`).
            chars_left >= 2
                && (is_lower(left) || is_title(left))
                && right_ok
                && !(mark == b'.' && is_abbreviation(left))
                && !is_tld_or_extension(right)
                && !rest.contains('.')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        let mut out = String::new();
        let mut last = 0;
        for f in spacing_fixes(s, false) {
            out.push_str(&s[last..f.range.start]);
            out.push_str(&f.replacement);
            last = f.range.end;
        }
        out.push_str(&s[last..]);
        out
    }

    #[test]
    fn lost_spaces_are_restored() {
        assert_eq!(fix("the council,a process"), "the council, a process");
        assert_eq!(fix("he said:Yes;then left"), "he said: Yes; then left");
        assert_eq!(
            fix("Tags: Savings,Retirement,Taxes,Pensions"),
            "Tags: Savings,Retirement,Taxes,Pensions"
        );
        assert_eq!(fix("points a,b and c"), "points a,b and c");
        assert_eq!(
            fix("a climate of fear,destabilizing x"),
            "a climate of fear, destabilizing x"
        );
        assert_eq!(
            fix("against terrorism.A strategic"),
            "against terrorism. A strategic"
        );
        assert_eq!(
            fix("empower citizens.Initiatives aimed"),
            "empower citizens. Initiatives aimed"
        );
        assert_eq!(fix("really?Yes"), "really? Yes");
        assert_eq!(fix("room to curl up.The seat"), "room to curl up. The seat");
        assert_eq!(
            fix("needs are met.Residents can"),
            "needs are met. Residents can"
        );
        assert_eq!(
            fix("the reporting,North Korean"),
            "the reporting, North Korean"
        );
    }

    #[test]
    fn runs_of_spaces_in_one_line_are_single() {
        let s = "|  a   b ";
        let mut out = String::new();
        let mut last = 0;
        for f in space_run_fixes(s) {
            out.push_str(&s[last..f.range.start]);
            out.push_str(&f.replacement);
            last = f.range.end;
        }
        out.push_str(&s[last..]);
        assert_eq!(out, "| a b");
    }

    #[test]
    fn stray_spaces_are_removed() {
        assert_eq!(fix("one , two ; three ."), "one, two; three.");
        assert_eq!(fix("see the end ..."), "see the end ...");
        for s in [
            "I know . . . some think so",
            "An exclamation mark ! Signifies boot",
            "Theorem name : signature := proof",
        ] {
            assert_eq!(fix(s), s);
        }
    }

    #[test]
    fn names_numbers_and_codes_stay_tight() {
        for s in [
            "visit example.com or index.html with Node.js today",
            "it costs 3.5 or 1,000 at 10.30 or 10:30",
            "the U.S. and e.g. J.R.R. Tolkien, i.e. him",
            "wait... what",
            "version 1.2.3 and v2.0",
            "codes en,fr,de and a,b",
            "mail me@example.org or https://x.org/a,b.Html",
            "call foo.Bar() now",
            "the file README.TXT and site Example.COM",
            "St.Louis and etc.The",
            "class Person(models.Model) and decimal.Decimal values",
            "If the call to os.Create fails, see src.Close first",
            "then fmt.Printf writes it",
            "bytes.Buffer states that the zero value is ready",
            "sync.Mutex does not need a constructor",
            "Discuss in Talk:Systemd or DEBUG:This message",
            "Sorayda Santos, Ed.D, PMP and Dall.E images",
        ] {
            assert_eq!(fix(s), s, "{s}");
        }
    }

    #[test]
    fn french_keeps_space_before_high_punctuation() {
        let s = "Pourquoi ? Parce que : voilà !";
        assert!(spacing_fixes(s, true).is_empty());
    }
}

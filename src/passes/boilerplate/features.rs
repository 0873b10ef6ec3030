//! What a block looks like, measured once: length, link share, sentence
//! punctuation and stopword share — the facts the content score weighs.

use crate::document::{Block, Origin};
use crate::lexicon::frequent_words::{self, stopword_and_frequent_masks};
use crate::lexicon::stopwords::{StopwordTally, for_each_word};

/// Measured facts about one block.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Words (for scripts written without spaces, one per two letters).
    pub words: usize,
    /// Share of the block's characters inside links (0 to 1).
    pub link_density: f32,
    /// Number of links.
    pub links: u16,
    /// Sentence-ending punctuation marks followed by a space or the end.
    pub sentence_ends: usize,
    /// The text ends like a sentence (`.`, `!`, `?`, a closing quote after one).
    pub ends_like_sentence: bool,
    /// Share of words that are stopwords of the document's language, when it
    /// has a stopword list.
    pub stop_ratio: Option<f32>,
    /// For a list: number of items.
    pub items: usize,
    /// The block is a multi-line paragraph (lines joined by `\n`).
    pub multi_line: bool,
    /// The text was cut short (ends in `...`, `…`, `[…]`): a teaser.
    pub truncated: bool,
    /// Words opening with a capital letter (names, title-case menus).
    pub capitalised: usize,
    /// Words made of digits only (dates, counters, prices).
    pub numbers: usize,
    /// Share of words among the most frequent words of the document's
    /// language (see [`crate::lexicon::frequent_words`]), or of its
    /// stopwords when it has no frequent-word list.
    pub frequent_ratio: Option<f32>,
}

/// How many of a block's words are stopwords and frequent words of each
/// language: counted while the block is measured, before the document's
/// language is known, so that its words are read once.
#[derive(Debug, Default)]
pub struct LanguageCounts {
    /// Words and stopwords of each language (see
    /// [`crate::lexicon::stopwords::StopwordTally`]).
    pub stopwords: StopwordTally,
    /// Words among the most frequent words of each language with a list.
    frequent: [u32; frequent_words::LANGUAGES],
}

/// Measures `block` (with its source `origin`), all but its share of the
/// language's words, which [`settle_language`] fills in from the counts
/// returned beside it once the document's language is guessed.
pub fn measure(block: &Block, origin: &Origin) -> (Features, LanguageCounts) {
    let mut f = Features {
        link_density: origin.link_density().min(1.0),
        links: origin.links,
        ..Default::default()
    };
    let mut counts = LanguageCounts::default();
    let mut lower = String::new();
    let mut last_ends_sentence = false;
    let mut truncated = false;
    block.for_each_text(|_, t| {
        last_ends_sentence = ends_like_sentence(t);
        truncated = is_truncated(t);
        if t.contains('\n') {
            f.multi_line = true;
        }
        for_each_word(t, |w| {
            let first = w.chars().next();
            // Chinese or Japanese runs hold many words without spaces.
            f.words += if first.is_some_and(is_cjk) {
                w.chars().count().div_ceil(2)
            } else {
                1
            };
            if first.is_some_and(char::is_uppercase) {
                f.capitalised += 1;
            } else if first.is_some_and(|c| c.is_ascii_digit())
                && w.bytes().all(|b| b.is_ascii_digit())
            {
                f.numbers += 1;
            }
            let (stop, mut m) = stopword_and_frequent_masks(w, &mut lower);
            counts.stopwords.add_word(stop);
            while m != 0 {
                counts.frequent[m.trailing_zeros() as usize] += 1;
                m &= m - 1;
            }
        });
        f.sentence_ends += count_sentence_ends(t);
    });
    if let Block::List { items, .. } = block {
        f.items = items.len();
    }
    f.ends_like_sentence = last_ends_sentence;
    f.truncated = truncated;
    (f, counts)
}

/// Fills in `f`'s shares of stopwords and frequent words of `language`
/// (an index into [`crate::lexicon::stopwords::LANGUAGES`]) from the
/// block's `counts`.
pub fn settle_language(f: &mut Features, counts: &LanguageCounts, language: Option<usize>) {
    let Some(k) = language else { return };
    if f.words == 0 {
        return;
    }
    let stops = counts.stopwords.hits(k);
    f.stop_ratio = Some(stops as f32 / f.words as f32);
    // Without a frequent-word list, the stopwords stand in for it.
    let frequent = counts.frequent.get(k).map_or(stops, |&n| n as usize);
    f.frequent_ratio = Some(frequent as f32 / f.words as f32);
}

/// True for a Chinese, Japanese or Korean letter.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Sentence ends: `.`, `!`, `?` (or their full-width forms) followed by
/// white space, a closing quote, or the end of the text.
pub fn count_sentence_ends(text: &str) -> usize {
    // Byte by byte where a mark may be: every mark is ASCII or opens with
    // a byte no other character of its length shares, so only a mark's
    // neighbour is decoded. Eight bytes at a time are passed over when
    // they hold none of `.`, `!`, `?` and no byte outside ASCII: every
    // block's text is read here, and most of it is no mark.
    let bytes = text.as_bytes();
    let mut n = 0;
    let mut at = 0;
    while at < bytes.len() {
        let chunk = bytes
            .get(at..at + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok());
        if let Some(chunk) = chunk
            && !may_hold_mark(u64::from_le_bytes(chunk))
        {
            at += 8;
            continue;
        }
        let end = (at + 8).min(bytes.len());
        for i in at..end {
            n += usize::from(sentence_end_at(text, i));
        }
        at = end;
    }
    n
}

/// True when the eight bytes of `word` hold a `.`, `!` or `?`, or a byte
/// outside ASCII (which may open a full-width mark).
fn may_hold_mark(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte of `x` is zero where `word` holds `b`; the test for a zero
    // byte is exact as to whether there is one.
    let holds = |b: u8| {
        let x = word ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & HIGH != 0
    };
    word & HIGH != 0 || holds(b'.') || holds(b'!') || holds(b'?')
}

/// True when byte `i` of `text` opens a sentence end (see
/// [`count_sentence_ends`]).
fn sentence_end_at(text: &str, i: usize) -> bool {
    match text.as_bytes()[i] {
        b'.' | b'!' | b'?' => match text[i + 1..].chars().next() {
            None => true,
            Some(next) => {
                next.is_whitespace() || matches!(next, '"' | '\u{201d}' | '\'' | '\u{2019}' | ')')
            }
        },
        0xE3 | 0xEF => text[i..].starts_with(['。', '！', '？']),
        _ => false,
    }
}

/// True when `text` ends like a sentence.
pub fn ends_like_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', ')', ' ']);
    t.ends_with(['.', '!', '?', '。', '！', '？']) && !t.ends_with("...") && !t.ends_with('…')
}

/// True when `text` ends cut short, as teasers of other articles do.
pub fn is_truncated(text: &str) -> bool {
    let t = text.trim_end();
    let t = t
        .strip_suffix(']')
        .or_else(|| t.strip_suffix(')'))
        .unwrap_or(t);
    t.ends_with("...") || t.ends_with('…')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends_are_counted_in_any_script() {
        assert_eq!(count_sentence_ends("One. Two! Three?"), 3);
        assert_eq!(count_sentence_ends("He said \"no.\" Then left."), 2);
        assert_eq!(count_sentence_ends("It cost 3.50 at example.com"), 0);
        assert_eq!(count_sentence_ends("Ende.\u{a0}Neu. «Oui.»"), 2);
        assert_eq!(count_sentence_ends("今日は晴れ。明日は？"), 2);
        assert_eq!(count_sentence_ends("Wow！ ok"), 1);
        assert_eq!(count_sentence_ends(""), 0);
    }

    /// Sentence ends counted byte by byte, every byte looked at.
    fn sentence_ends_byte_by_byte(text: &str) -> usize {
        (0..text.len())
            .filter(|&i| sentence_end_at(text, i))
            .count()
    }

    proptest::proptest! {
        #[test]
        fn sentence_ends_are_counted_as_every_byte_would_count_them(
            text in "[a. !?\"\u{201d}\u{2019}')\n。！？é\u{a0}]{0,40}"
        ) {
            proptest::prop_assert_eq!(count_sentence_ends(&text), sentence_ends_byte_by_byte(&text));
        }
    }

    #[test]
    fn sentence_ends_in_long_text_are_all_counted() {
        let text = "An ending. Then more words with no mark at all for a while! \
                    And a question? 終わり。 Next！ ok... fine.";
        for cut in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for start in (0..=cut).filter(|&i| text.is_char_boundary(i)) {
                let t = &text[start..cut];
                assert_eq!(
                    count_sentence_ends(t),
                    sentence_ends_byte_by_byte(t),
                    "{t:?}"
                );
            }
        }
    }
}

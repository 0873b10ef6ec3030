//! Word casing statistics: how a text writes each word, capitalised
//! standing alone mid-sentence or lowercase. The casing pass reads them for
//! one document, and folder learning sums them over a folder.

use std::collections::HashMap;

use crate::lexicon::common_words::is_common_word;
use crate::lexicon::dictionary;
use crate::text::{Case, Position, SentenceWords, Word, WordKind};

/// How often a word is written capitalised standing alone mid-sentence
/// (`Morocco` in "the forces of Morocco said") against lowercase
/// mid-sentence, keyed by its lowercase form.
pub type CasingCounts = HashMap<String, (u32, u32), crate::text::WordHash>;

/// Counts, in `text`, each capitalised word standing alone mid-sentence and
/// each lowercase word mid-sentence (see [`CasingCounts`]).
pub fn count_word_casing(text: &str, counts: &mut CasingCounts) {
    let mut words = SentenceWords::new(text).peekable();
    let mut prev: Option<Word<'_>> = None;
    while let Some((w, pos)) = words.next() {
        let before = prev.replace(w);
        if pos != Position::Mid || w.kind != WordKind::Alpha {
            continue;
        }
        let stem = w.stem();
        if stem.len() < 3 {
            continue;
        }
        match w.case {
            Case::Title => {
                let capital_neighbour = |n: Option<&(Word<'_>, Position)>| {
                    n.is_some_and(|(x, p)| {
                        *p == Position::Mid
                            && matches!(x.case, Case::Title | Case::Upper | Case::Mixed)
                    })
                };
                // The word before is in the same sentence (this one is
                // mid-sentence), whatever its own position: "Islamic State".
                let prev_capital = before
                    .is_some_and(|p| matches!(p.case, Case::Title | Case::Upper | Case::Mixed));
                let next_capital = capital_neighbour(words.peek());
                let mut buf = [0u8; 32];
                let lower = crate::text::ascii_lower(stem, &mut buf);
                // Beside another capital, a listed word is part of a title
                // ("the Force Awakens"); a word the lists lack is part of a
                // name ("Johann Neumann") all the same.
                if (prev_capital || next_capital) && lower.is_none_or(dictionary::is_listed) {
                    continue;
                }
                // Common words are never taken for names (see
                // `Evidence::capitalises`): not counting them keeps the table small.
                if lower.is_some_and(is_common_word) {
                    continue;
                }
                let key = lower.map_or_else(|| stem.to_lowercase(), str::to_string);
                counts.entry(key).or_insert((0, 0)).0 += 1;
            }
            Case::Lower if !is_common_word(stem) => match counts.get_mut(stem) {
                Some(e) => e.1 += 1,
                None => {
                    counts.insert(stem.to_string(), (0, 1));
                }
            },
            _ => {}
        }
    }
}

//! The few hundred most frequent words of English, French, Spanish, German
//! and Italian, lowercase: the share of them in a block tells running prose
//! (where they make about half the words) from menus, names and labels.
//!
//! Source: the first 300 words of each SymSpell frequency dictionary
//! (wolfgarbe/SymSpell, Google Books n-gram counts intersected with
//! Hunspell word lists), MIT licence, `data/frequent/LICENSE`.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lexicon::stopwords;
use crate::text::wordtable::WordTable;

/// The lists, in the order of [`crate::lexicon::stopwords::LANGUAGES`]: the
/// bit of a language is the same in both.
const LISTS: [&str; 5] = [
    include_str!("data/frequent/en.txt"),
    include_str!("data/frequent/fr.txt"),
    include_str!("data/frequent/es.txt"),
    include_str!("data/frequent/de.txt"),
    include_str!("data/frequent/it.txt"),
];

/// Languages with a frequent-word list (the first ones of the stopword
/// languages).
pub const LANGUAGES: usize = LISTS.len();

/// Every listed word with the languages it is a frequent word of (bits
/// as in [`crate::lexicon::stopwords::LANGUAGES`]); a stopword counts as a
/// frequent word of its languages too, so one look-up answers for both.
static FREQUENT: LazyLock<WordTable<u8>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, u8> = HashMap::new();
    for (k, list) in LISTS.iter().enumerate() {
        for w in list.lines().map(str::trim).filter(|w| !w.is_empty()) {
            *map.entry(w).or_default() |= 1 << k;
        }
    }
    let listed = (1u8 << LANGUAGES) - 1;
    for (k, &l) in stopwords::LANGUAGES.iter().enumerate().take(LANGUAGES) {
        for &w in stopwords::for_language(l).unwrap_or(&[]) {
            *map.entry(w).or_default() |= (1 << k) & listed;
        }
    }
    WordTable::new(map)
});

/// Every stopword and frequent word with both its language sets: the
/// stopword languages in the low byte, the frequent-word languages in the
/// high byte, so that a block's words are each looked up once when both
/// are counted.
static BOTH: LazyLock<WordTable<u16>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, u16> = HashMap::new();
    for (k, &l) in stopwords::LANGUAGES.iter().enumerate() {
        for &w in stopwords::for_language(l).unwrap_or(&[]) {
            *map.entry(w).or_default() |= 1 << k;
        }
    }
    let listed = (1u8 << LANGUAGES) - 1;
    for (k, &l) in stopwords::LANGUAGES.iter().enumerate().take(LANGUAGES) {
        for &w in stopwords::for_language(l).unwrap_or(&[]) {
            *map.entry(w).or_default() |= u16::from((1u8 << k) & listed) << 8;
        }
    }
    for (k, list) in LISTS.iter().enumerate() {
        for w in list.lines().map(str::trim).filter(|w| !w.is_empty()) {
            *map.entry(w).or_default() |= 1 << (8 + k);
        }
    }
    WordTable::new(map)
});

/// The languages `word` is a stopword of and those it (or its stopword
/// use) is among the most frequent words of, as two bit sets (as
/// [`crate::lexicon::stopwords::stopword_mask`] and [`frequent_mask`]
/// give them), from one look-up. `lower` is a scratch buffer.
pub fn stopword_and_frequent_masks(word: &str, lower: &mut String) -> (u8, u8) {
    // No listed word is longer than this: long words need no lookup.
    const MAX_BYTES: usize = 16;
    if word.len() > MAX_BYTES {
        return (0, 0);
    }
    let both = stopwords::lookup_lowercase(&BOTH, word, lower).unwrap_or(0);
    let [stop, frequent] = both.to_le_bytes();
    (stop, frequent)
}

/// The languages `word` (or its stopword use) is among the most frequent
/// words of, as a bit set (0 for none). `lower` is a scratch buffer.
pub fn frequent_mask(word: &str, lower: &mut String) -> u8 {
    // No listed word is longer than this: long words need no lookup.
    const MAX_BYTES: usize = 16;
    if word.len() > MAX_BYTES {
        return 0;
    }
    stopwords::lookup_lowercase(&FREQUENT, word, lower).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequent_words_carry_their_languages() {
        let mut s = String::new();
        assert_ne!(frequent_mask("The", &mut s) & 1, 0);
        assert_ne!(frequent_mask("und", &mut s) & (1 << 3), 0);
        assert_eq!(frequent_mask("subscribe", &mut s), 0);
        // Stopwords count as frequent words, whatever their case or script.
        assert_ne!(frequent_mask("Über", &mut s) & (1 << 3), 0);
        assert_ne!(frequent_mask("À", &mut s) & (1 << 1), 0);
        for list in LISTS {
            assert!(list.lines().count() >= 200);
        }
    }

    #[test]
    fn one_lookup_gives_both_masks() {
        let (mut a, mut b) = (String::new(), String::new());
        for w in ["The", "und", "subscribe", "Über", "À", "het", "não", "Time", "zzz", "été"] {
            assert_eq!(
                stopword_and_frequent_masks(w, &mut a),
                (stopwords::stopword_mask(w, &mut b), frequent_mask(w, &mut b)),
                "{w}"
            );
        }
    }
}

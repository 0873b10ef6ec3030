//! The words typos-dict corrects misspellings to: common English words, as
//! opposed to names. Source: the `typos-dict` crate's correction targets,
//! lowercase ones only.

use std::sync::OnceLock;

use crate::text::wordtable::WordTable;

/// The words typos-dict corrects misspellings to that are all lowercase
/// ASCII letters.
pub fn common_words() -> &'static WordTable<()> {
    static WORDS: OnceLock<WordTable<()>> = OnceLock::new();
    WORDS.get_or_init(|| {
        WordTable::new(
            typos_dict::WORD
                .map
                .values()
                .flat_map(|v| v.iter().copied())
                .filter(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
                .map(|w| (w, ())),
        )
    })
}

/// True when `word` (lowercase) is a word typos-dict corrects misspellings
/// to: a common English word rather than a name.
pub fn is_common_word(word: &str) -> bool {
    common_words().get(word).is_some()
}

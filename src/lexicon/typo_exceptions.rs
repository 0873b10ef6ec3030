//! Words typos-dict lists as misspellings that are real English words
//! (rare words, British and variant spellings), so the typos pass leaves
//! them alone.
//!
//! Source: false corrections measured by running the typos pass over clean,
//! edited article text (examples/eval_repair.rs), each checked against a
//! general English dictionary. Most such words are already kept by the
//! rule that a word typos-dict corrects other words to is never itself
//! corrected; this list holds the valid variants that must never change
//! even if a later dictionary version lists them.

/// Sorted, lowercase.
const REAL_WORDS: &[&str] = &["dialog"];

/// True when `word` (any case) is a real word typos-dict would "correct".
pub fn is_real_word(word: &str) -> bool {
    let mut buf = [0u8; 24];
    match crate::text::ascii_lower(word, &mut buf) {
        Some(w) => REAL_WORDS.binary_search(&w).is_ok(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted() {
        assert!(REAL_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_real_word("Dialog"));
    }
}

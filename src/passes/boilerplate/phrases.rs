//! Finding any of a list of phrases in a line in one scan: phrases are
//! bucketed by first byte and tried only where a word starts, so a line
//! costs one pass however long the list.

/// A set of lowercase phrases matched at word boundaries.
pub struct PhraseSet {
    buckets: Vec<Vec<&'static str>>,
}

impl PhraseSet {
    /// Buckets `phrases` (lowercase, non-empty) by their first byte.
    pub fn new(phrases: &[&'static str]) -> Self {
        let mut buckets = vec![Vec::new(); 256];
        for &p in phrases {
            if let Some(&b) = p.as_bytes().first() {
                buckets[usize::from(b)].push(p);
            }
        }
        PhraseSet { buckets }
    }

    /// True when `text` holds one of the phrases starting at a word start
    /// (and, when the phrase ends in a letter or digit, ending at a word end).
    pub fn found_in(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let mut prev_word = false;
        for (i, ch) in text.char_indices() {
            let word = ch.is_alphanumeric();
            if !prev_word {
                for p in &self.buckets[usize::from(bytes[i])] {
                    if text[i..].starts_with(p) && ends_at_boundary(text, i + p.len(), p) {
                        return true;
                    }
                }
            }
            prev_word = word;
        }
        false
    }

    /// True when `text` opens with one of the phrases.
    pub fn opens(&self, text: &str) -> bool {
        text.as_bytes().first().is_some_and(|&b| {
            self.buckets[usize::from(b)]
                .iter()
                .any(|p| text.starts_with(p) && ends_at_boundary(text, p.len(), p))
        })
    }

    /// True when `text` holds one of the phrases anywhere, not only at word
    /// starts (for marks such as `/Getty` or `(Image:`).
    pub fn found_anywhere(&self, text: &str) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut last = None;
        for (i, _) in text.char_indices() {
            for p in &self.buckets[usize::from(bytes[i])] {
                if text[i..].starts_with(p) {
                    last = Some(i + p.len());
                }
            }
        }
        last
    }
}

fn ends_at_boundary(text: &str, end: usize, phrase: &str) -> bool {
    let last_is_word = phrase
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    !last_is_word
        || !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words() {
        let set = PhraseSet::new(&["sign up", "newsletter", "(image:"]);
        assert!(set.found_in("please sign up today"));
        assert!(!set.found_in("a design update"));
        assert!(!set.found_in("newsletters"));
        assert!(set.found_in("our newsletter."));
        assert!(set.opens("sign up now") && !set.opens("do sign up"));
        assert_eq!(set.found_anywhere("a boat (image: ann)"), Some(14));
        assert_eq!(set.found_anywhere(""), None);
    }
}

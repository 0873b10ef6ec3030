//! The article-extraction benchmark's score: F1 over word 4-gram shingles.
//!
//! Tokens are the `\w+` runs of a text (Unicode); shingles are every run of
//! four consecutive tokens (a text of fewer than four tokens is one shingle
//! of them all). Per page, true positives, false positives and false
//! negatives are counted over the multisets of shingles and divided by their
//! sum, so every page weighs the same; precision and recall are means over
//! pages and F1 the harmonic mean of those two means.

use std::collections::HashMap;

/// Precision and recall of one page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    /// TP / (TP + FP), 1 when the prediction holds nothing extra and misses nothing.
    pub precision: f64,
    /// TP / (TP + FN), likewise.
    pub recall: f64,
}

/// The `\w+` tokens of `text` (letters, marks, digits and connector punctuation).
pub fn tokens(text: &str) -> Vec<&str> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || is_mark(c);
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

fn is_mark(c: char) -> bool {
    // Combining marks count as word characters in Python's `\w`.
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E)
}

fn shingles(text: &str) -> HashMap<Vec<&str>, u32> {
    let toks = tokens(text);
    let mut out = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    if toks.len() < 4 {
        out.insert(toks, 1);
        return out;
    }
    for w in toks.windows(4) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// Scores one page's `predicted` text against its `truth`.
pub fn score_page(truth: &str, predicted: &str) -> PageScore {
    let t = shingles(truth);
    let p = shingles(predicted);
    let mut tp = 0u64;
    let mut fp = 0u64;
    for (k, &n) in &p {
        let m = t.get(k).copied().unwrap_or(0);
        tp += u64::from(n.min(m));
        fp += u64::from(n.saturating_sub(m));
    }
    let fneg: u64 = t
        .iter()
        .map(|(k, &m)| u64::from(m.saturating_sub(p.get(k).copied().unwrap_or(0))))
        .sum();
    let ratio = |a: u64, b: u64| {
        if a + b == 0 {
            // Nothing predicted and nothing to find counts as perfect; nothing
            // right but something predicted or missed is zero.
            if fp == 0 && fneg == 0 { 1.0 } else { 0.0 }
        } else {
            a as f64 / (a + b) as f64
        }
    };
    PageScore {
        precision: ratio(tp, fp),
        recall: ratio(tp, fneg),
    }
}

/// Mean precision, mean recall and their F1 over pages.
pub fn aggregate(pages: &[PageScore]) -> (f64, f64, f64) {
    if pages.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let n = pages.len() as f64;
    let p = pages.iter().map(|s| s.precision).sum::<f64>() / n;
    let r = pages.iter().map(|s| s.recall).sum::<f64>() / n;
    let f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one() {
        let s = score_page("one two three four five", "one, two three four five!");
        assert_eq!((s.precision, s.recall), (1.0, 1.0));
    }

    #[test]
    fn extra_text_lowers_precision_only() {
        let s = score_page("a b c d e", "a b c d e f");
        assert_eq!(s.recall, 1.0);
        assert!((s.precision - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn short_texts_are_one_shingle() {
        assert_eq!(score_page("a b", "a b").precision, 1.0);
        assert_eq!(score_page("a b", "a c").precision, 0.0);
        assert_eq!(aggregate(&[score_page("", "")]), (1.0, 1.0, 1.0));
    }
}

//! The marks of a page's items: short lines the page repeats, one for each
//! post of a thread or entry of a listing ("Reply", "Posts:", "Member",
//! "Add to cart").

use crate::document::Block;

use super::features::Features;

/// A line of at most this many words can be an item's mark.
pub const MARK_WORDS: usize = 4;

/// A short line recurring at least this many times on a page marks a
/// sequence of items.
pub const MARK_REPEATS: usize = 3;

/// For each short line of one line (at most [`MARK_WORDS`] words) that
/// `blocks` hold [`MARK_REPEATS`] times or more, the blocks holding it, in
/// order; the lines in the order of their first copy.
pub fn item_marks(blocks: &[Block], feats: &[Features]) -> Vec<Vec<usize>> {
    // Short line -> its index in `marks`. Hashed with a fast hasher, seeded
    // per process so that crafted input cannot pile its lines into one
    // bucket: every short block is entered. The map only finds a line's
    // list; the lists keep the page's order.
    let mut index: std::collections::HashMap<&str, usize, foldhash::fast::RandomState> =
        std::collections::HashMap::default();
    let mut marks: Vec<Vec<usize>> = Vec::new();
    for (i, (b, f)) in blocks.iter().zip(feats).enumerate() {
        let text = match b {
            Block::Paragraph { text } | Block::Lines { text } | Block::Heading { text, .. } => text,
            _ => continue,
        };
        if f.words == 0 || f.words > MARK_WORDS || text.contains('\n') {
            continue;
        }
        let k = *index.entry(text.trim()).or_insert_with(|| {
            marks.push(Vec::new());
            marks.len() - 1
        });
        marks[k].push(i);
    }
    marks.retain(|m| m.len() >= MARK_REPEATS);
    marks
}

/// True when a mark's `text` names a person (`Jane Doe`: two or three
/// capitalised words, the first a name in the dictionary): the writer of
/// an article answering the comments under it, not a mark every post of
/// a thread carries (a rank, a date, a post number, "Quote").
pub fn names_a_person(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=3).contains(&words.len()) {
        return false;
    }
    let capitalised = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(|c| c.is_lowercase() || c == '.')
    };
    words.iter().all(|w| capitalised(w))
        && crate::lexicon::dictionary::is_name(&words[0].to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_writers_name_is_no_post_mark() {
        assert!(names_a_person("Margaret Lindqvist"));
        assert!(!names_a_person("Senior Member"));
        assert!(!names_a_person("Member"));
        assert!(!names_a_person("Mar 3, 2024"));
        assert!(!names_a_person("Add to quote"));
    }
}

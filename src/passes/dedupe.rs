//! Dropping repeats: a heading that repeats the heading just before it or
//! the document's title, and a block repeated word for word elsewhere in
//! the same document (scrapers often capture a teaser and the full text, or
//! a theme prints a heading twice in two typographies).

use std::collections::HashSet;

use crate::document::Block;
use crate::pipeline::{Pass, PassContext};
use crate::text::count_words;
use crate::text::normalise::{self, Fold};

/// Removes repeated headings and repeated blocks, keeping the first.
pub struct Dedupe;

/// Only blocks with at least this many words count as duplicates: short
/// list items, table rows and one-word lines repeat legitimately.
const MIN_DUPLICATE_WORDS: usize = 8;

/// A block repeated away from its first occurrence is a duplicate only
/// from this many words on: a meal plan or a schedule legitimately repeats
/// its shorter entries, a captured-twice paragraph is longer.
const DISTANT_DUPLICATE_WORDS: usize = 25;

impl Pass for Dedupe {
    fn name(&self) -> &str {
        "dedupe"
    }

    fn description(&self) -> &str {
        "drop a heading repeating the previous one or the title, and blocks repeated verbatim"
    }

    fn run(&self, cx: &mut PassContext<'_>) {
        let doc = cx.doc();
        // Each block is keyed once; headings are compared on their own.
        let keys: Vec<Option<Keyed>> = doc
            .blocks()
            .iter()
            .map(|block| match block {
                Block::Heading { .. } => None,
                _ => {
                    let text = block.plain_text();
                    Some(Keyed {
                        words: count_words(&text, usize::MAX),
                        key: block_key(&text),
                    })
                }
            })
            .collect();
        let structured = repeats_as_structure(&keys);
        let mut seen: HashSet<u128> = HashSet::new();
        let mut previous_block: Option<u128> = None;
        let mut previous_heading: Option<String> = None;
        let mut reasons: Vec<Option<&'static str>> = Vec::with_capacity(doc.blocks().len());
        for (block, keyed) in doc.blocks().iter().zip(&keys) {
            let reason = match (block, keyed) {
                (Block::Heading { text, .. }, _) => {
                    previous_block = None;
                    let key = comparable(text);
                    let reason = if key.is_empty() {
                        None
                    } else if doc.meta.is_title(text) {
                        Some("repeats the title")
                    } else if previous_heading.as_deref() == Some(key.as_str()) {
                        Some("repeated heading")
                    } else {
                        None
                    };
                    if reason.is_none() {
                        previous_heading = Some(key);
                    }
                    reason
                }
                (_, Some(Keyed { words, key })) => {
                    // Content between two equal headings makes them two
                    // sections ("Step 1" ... "Step 1" of another part).
                    previous_heading = None;
                    let words = *words;
                    // A block of no words (symbols, bullets) has nothing to
                    // compare: two of them are not one repeated.
                    let repeated = key.is_some_and(|k| !seen.insert(k));
                    let adjacent = key.is_some() && previous_block == *key;
                    previous_block = *key;
                    if repeated
                        && ((words >= DISTANT_DUPLICATE_WORDS && !structured)
                            || (adjacent && words >= MIN_DUPLICATE_WORDS))
                    {
                        Some("repeated block")
                    } else {
                        None
                    }
                }
                (_, None) => None,
            };
            reasons.push(reason);
        }
        cx.remove_blocks(|i, _, _| reasons[i].map(str::to_string));
    }
}

/// A block other than a heading, keyed for comparison.
struct Keyed {
    /// Its words, counted on its text as written.
    words: usize,
    /// A hash of its comparison key (see [`block_key`]), `None` when the
    /// key is empty.
    key: Option<u128>,
}

/// A document that repeats several different blocks (a week's meal plan,
/// a schedule by day) repeats them by design; a page captured twice repeats
/// one or two.
const STRUCTURED_REPEATS: usize = 3;

/// True when at least [`STRUCTURED_REPEATS`] different long blocks occur
/// more than once among `keys` (a document's blocks, headings as `None`).
fn repeats_as_structure(keys: &[Option<Keyed>]) -> bool {
    let mut seen = HashSet::new();
    let mut repeated = HashSet::new();
    for keyed in keys.iter().flatten() {
        let Some(key) = keyed.key else { continue };
        if keyed.words < MIN_DUPLICATE_WORDS {
            continue;
        }
        if !seen.insert(key) {
            repeated.insert(key);
        }
    }
    repeated.len() >= STRUCTURED_REPEATS
}

/// The key under which headings are compared: their words, lowercased.
fn comparable(text: &str) -> String {
    normalise::key(text, Fold::Words)
}

/// The key under which other blocks are compared, hashed as it is folded
/// (every block of a document is keyed, and a key is only compared): the
/// 128-bit FNV-1a hash of [`comparable`]'s bytes, whose collisions are too
/// rare for two different blocks ever to be taken as one. `None` when the
/// block holds no word.
fn block_key(text: &str) -> Option<u128> {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut h = OFFSET;
    let mut empty = true;
    normalise::fold_bytes(text, Fold::Words, |b| {
        h = (h ^ u128::from(b)).wrapping_mul(PRIME);
        empty = false;
    });
    (!empty).then_some(h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::pipeline::Pipeline;

    fn run(doc: &mut Document) {
        Pipeline::empty().with_pass(Dedupe).run(doc);
    }

    fn doc_of(blocks: Vec<Block>) -> Document {
        let mut doc = Document::default();
        for b in blocks {
            doc.add(b);
        }
        doc
    }

    #[test]
    fn blocks_without_words_are_no_repeats() {
        let symbols = "# . # | . . • # ~ ~";
        let mut doc = doc_of(vec![
            para(symbols),
            Block::Code {
                text: "# . |\n# • . . # |".into(),
            },
            para(symbols),
        ]);
        run(&mut doc);
        assert_eq!(doc.blocks().len(), 3, "{:?}", doc.removed);
    }

    fn heading(t: &str) -> Block {
        Block::Heading {
            level: 2,
            text: t.into(),
        }
    }

    fn para(t: &str) -> Block {
        Block::Paragraph { text: t.into() }
    }

    #[test]
    fn a_heading_repeated_in_another_typography_goes() {
        let mut doc = doc_of(vec![
            heading("The Harbour's Old Lighthouse"),
            heading("The Harbour\u{2019}s old lighthouse!"),
            para("It was built in stone."),
        ]);
        run(&mut doc);
        assert_eq!(doc.blocks().len(), 2);
        assert_eq!(doc.removed[0].reason, "repeated heading");
        assert_eq!(doc.removed[0].text, "The Harbour\u{2019}s old lighthouse!");
    }

    #[test]
    fn equal_headings_of_two_sections_stay() {
        let mut doc = doc_of(vec![
            heading("Method"),
            para("Mix."),
            heading("Method"),
            para("Bake."),
        ]);
        run(&mut doc);
        assert_eq!(doc.blocks().len(), 4);
    }

    #[test]
    fn the_title_repeated_as_a_heading_goes() {
        let mut doc = doc_of(vec![heading("A day at the quay"), para("Boats came in.")]);
        doc.meta.title = Some("A Day at the Quay".into());
        run(&mut doc);
        assert_eq!(doc.blocks(), vec![para("Boats came in.")]);
        assert_eq!(doc.removed[0].reason, "repeats the title");
    }

    #[test]
    fn long_repeated_blocks_go_short_ones_stay() {
        let long = "The ferry leaves the quay at six every morning in summer, and on Sundays it waits for the church bells before it sails across the bay.";
        let mut doc = doc_of(vec![para(long), para("Yes."), para("Yes."), para(long)]);
        run(&mut doc);
        assert_eq!(doc.blocks(), vec![para(long), para("Yes."), para("Yes.")]);
        assert_eq!(doc.removed[0].reason, "repeated block");
    }

    #[test]
    fn a_plan_repeating_its_entries_keeps_them() {
        let entry = "Breakfast: two eggs, one slice of toast, one cup of tea.";
        let twice = "The boat leaves at six from the north pier every day.";
        let mut doc = doc_of(vec![
            heading("Monday"),
            para(entry),
            heading("Tuesday"),
            para(entry),
            para(twice),
            para(twice),
        ]);
        run(&mut doc);
        assert_eq!(doc.blocks().len(), 5);
        assert_eq!(doc.removed[0].text, twice);
    }

    #[test]
    fn a_schedule_repeating_long_entries_keeps_them() {
        let long = |what: &str| {
            format!(
                "{what}: one boat at six from the north pier, one at noon from the east pier, and the last one at dusk from the quay."
            )
        };
        let (a, b, c) = (long("Ferry"), long("Launch"), long("Barge"));
        let mut blocks = Vec::new();
        for day in ["Monday", "Tuesday"] {
            blocks.extend([heading(day), para(&a), para(&b), para(&c)]);
        }
        let mut doc = doc_of(blocks);
        run(&mut doc);
        assert_eq!(doc.blocks().len(), 8);
    }
}

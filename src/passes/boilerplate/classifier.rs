//! A markup-free judgement of each block of a page dump: how likely it is
//! article text, from what the block looks like (length, sentence
//! punctuation, frequent-word share, capitals, digits) and from where it
//! stands (runs of short lines around it, prose next to it, prose before
//! and after it).
//!
//! The judgement is a logistic regression whose weights are fitted offline
//! on the dumps of the project's corpora (`cargo run --release --example
//! eval_dumps -- --fit`) and shipped as data in `model.tsv`: the rules are
//! learned, not hand-set, and the same features serve dumps with link
//! markup and without.

use std::sync::LazyLock;

use super::features::Features;
use crate::document::Block;

/// The names of the features, in the order of a [`FeatureVector`] and of
/// the model file's lines.
pub const FEATURE_NAMES: [&str; 30] = [
    "bias",
    "log_words",
    "short",
    "long",
    "sentence_density",
    "ends_sentence",
    "frequent_ratio",
    "no_language",
    "capitalised",
    "numbers",
    "heading",
    "list",
    "link_density",
    "chrome_wording",
    "short_neighbours",
    "prose_neighbours",
    "prose_before",
    "prose_after",
    "in_main_block",
    "main_block_distance",
    "prose_distance",
    "truncated",
    "log_words_per_line",
    "at_edge",
    "inside_prose",
    "continues_previous",
    "continued_by_next",
    "between_repeats",
    "between_repeats_prose_before",
    "between_repeats_prose_after",
];

/// Number of features.
pub const FEATURES: usize = FEATURE_NAMES.len();

/// One block's features.
pub type FeatureVector = [f32; FEATURES];

/// A block of at most this many words is a short line (a menu entry, a
/// tag, a label).
const SHORT_WORDS: usize = 4;

/// Neighbours on each side looked at for runs of short lines.
const SHORT_REACH: usize = 3;

/// Neighbours on each side looked at for prose.
const PROSE_REACH: usize = 2;

/// True when a block reads as running prose on its own: long enough, with
/// a sentence end, and not mostly link text.
fn is_prose(f: &Features) -> bool {
    f.words >= 12 && f.sentence_ends >= 1 && f.link_density < 0.5
}

/// The features of every block of a document. `feats` are the blocks'
/// measures, `chrome` says which blocks a wording rule marked as chrome,
/// and `marks` are the copies of the page's item marks (see
/// [`super::marks::item_marks`]).
pub fn block_features(
    blocks: &[Block],
    feats: &[Features],
    chrome: &[bool],
    marks: &[Vec<usize>],
) -> Vec<FeatureVector> {
    let n = blocks.len();
    let prose: Vec<bool> = feats.iter().map(is_prose).collect();
    let total_prose: usize = feats
        .iter()
        .zip(&prose)
        .filter(|(_, p)| **p)
        .map(|(f, _)| f.words)
        .sum();
    // Distance from each block to the nearest prose block, both ways.
    let mut distance = vec![usize::MAX; n];
    let mut last = None;
    for i in 0..n {
        if prose[i] {
            last = Some(i);
        }
        if let Some(l) = last {
            distance[i] = i - l;
        }
    }
    last = None;
    for i in (0..n).rev() {
        if prose[i] {
            last = Some(i);
        }
        if let Some(l) = last {
            distance[i] = distance[i].min(l - i);
        }
    }
    // The main prose block: the run of blocks with the greatest sum of
    // hand-weighted prose scores, as a first guess of where the article is.
    let pre: Vec<f32> = blocks
        .iter()
        .zip(feats)
        .zip(chrome)
        .map(|((b, f), c)| {
            if *c {
                -1.0
            } else {
                super::region::content_score(b, f)
            }
        })
        .collect();
    let main = super::region::best_span(&pre).unwrap_or(0..0);
    let between = between_repeated_lines(n, marks);
    // Running counts of short and of prose blocks, so that the blocks
    // around each one are counted in two look-ups, not one test each.
    let running = |test: &dyn Fn(usize) -> bool| -> Vec<usize> {
        let mut upto = Vec::with_capacity(n + 1);
        upto.push(0);
        for j in 0..n {
            upto.push(upto[j] + usize::from(test(j)));
        }
        upto
    };
    let short_upto = running(&|j| feats[j].words <= SHORT_WORDS);
    let prose_upto = running(&|j| prose[j]);
    let mut prose_before = 0usize;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let f = &feats[i];
        let words = f.words as f32;
        let share = |k: usize| if f.words == 0 { 0.0 } else { k as f32 / words };
        let lines = match &blocks[i] {
            Block::List { items, .. } => items.len().max(1),
            Block::Paragraph { text } | Block::Lines { text } => {
                text.bytes().filter(|&b| b == b'\n').count() + 1
            }
            _ => 1,
        };
        // The share of the blocks within `reach` of this one (itself left
        // out) that pass the test whose running counts are `upto`.
        let around = |reach: usize, upto: &[usize]| -> f32 {
            let lo = i.saturating_sub(reach);
            let hi = (i + reach + 1).min(n);
            let others = hi - lo - 1;
            if others == 0 {
                return 0.0;
            }
            let own = upto[i + 1] - upto[i];
            (upto[hi] - upto[lo] - own) as f32 / others as f32
        };
        let mine = if prose[i] { f.words } else { 0 };
        let after = total_prose - prose_before - mine;
        let of_total = |k: usize| {
            if total_prose == 0 {
                0.0
            } else {
                k as f32 / total_prose as f32
            }
        };
        let v: FeatureVector = [
            1.0,
            (1.0 + words).ln(),
            f32::from(u8::from(f.words <= 3)),
            f32::from(u8::from(f.words >= 25)),
            (f.sentence_ends as f32 * 8.0 / words.max(1.0)).min(1.0),
            f32::from(u8::from(f.ends_like_sentence)),
            f.frequent_ratio.unwrap_or(0.0),
            f32::from(u8::from(f.frequent_ratio.is_none())),
            share(f.capitalised),
            share(f.numbers),
            f32::from(u8::from(matches!(blocks[i], Block::Heading { .. }))),
            f32::from(u8::from(matches!(blocks[i], Block::List { .. }))),
            f.link_density,
            f32::from(u8::from(chrome[i])),
            around(SHORT_REACH, &short_upto),
            around(PROSE_REACH, &prose_upto),
            of_total(prose_before),
            of_total(after),
            f32::from(u8::from(main.contains(&i))),
            main_distance(&main, i),
            if distance[i] == usize::MAX {
                3.0
            } else {
                (1.0 + distance[i] as f32).ln()
            },
            f32::from(u8::from(f.truncated)),
            (1.0 + words / lines as f32).ln(),
            f32::from(u8::from(prose_before == 0 || after == 0)),
            // Blocks amid the prose, with much of it on both sides, are the
            // article's; blocks past either end of it are not.
            2.0 * of_total(prose_before.min(after)),
            f32::from(u8::from(i > 0 && continues(&blocks[i - 1], &blocks[i]))),
            f32::from(u8::from(i + 1 < n && continues(&blocks[i], &blocks[i + 1]))),
            f32::from(u8::from(between[i])),
            f32::from(u8::from(between[i])) * of_total(prose_before),
            f32::from(u8::from(between[i])) * of_total(after),
        ];
        out.push(v);
        prose_before += mine;
    }
    out
}

/// For each of `n` blocks, whether it lies between the first and the last
/// copy of an item's mark (`marks`, see [`super::marks`]): inside a run of
/// items each closed by the same line (a thread's posts, a listing's
/// entries), wherever that run stands on the page.
fn between_repeated_lines(n: usize, marks: &[Vec<usize>]) -> Vec<bool> {
    // Coverage by difference array: +1 after each first, -1 at each last.
    let mut delta = vec![0i32; n + 1];
    for copies in marks {
        let (first, last) = (copies[0], copies[copies.len() - 1]);
        if last > first + 1 {
            delta[first + 1] += 1;
            delta[last] -= 1;
        }
    }
    let mut depth = 0;
    delta[..n]
        .iter()
        .map(|d| {
            depth += d;
            depth > 0
        })
        .collect()
}

/// True when `next` carries on the sentence `block` left open: a plain
/// dump writes a link inside a paragraph on a line of its own, so one
/// sentence comes as several lines ("Pick a model that", "fits your
/// budget", "and your bag.").
fn continues(block: &Block, next: &Block) -> bool {
    let (
        Block::Paragraph { text: a } | Block::Lines { text: a },
        Block::Paragraph { text: b } | Block::Lines { text: b },
    ) = (block, next)
    else {
        return false;
    };
    let open = !a
        .trim_end()
        .ends_with(['.', '!', '?', ':', '\u{201d}', '"', '。']);
    let lower = b
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';' | '.' | ')'));
    open && lower
}

/// How far block `i` is from the span `main`, in blocks, on a log scale
/// (0 inside it; 4 when there is no main block).
fn main_distance(main: &std::ops::Range<usize>, i: usize) -> f32 {
    if main.is_empty() {
        return 4.0;
    }
    let d = if i < main.start {
        main.start - i
    } else if i >= main.end {
        i + 1 - main.end
    } else {
        0
    };
    (1.0 + d as f32).ln()
}

/// Fitted weights, one a feature.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    weights: FeatureVector,
}

impl Model {
    /// Reads a model file: one `name<TAB>weight` line a feature, in the
    /// order of [`FEATURE_NAMES`]; `#` lines are comments.
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut weights = [0.0f32; FEATURES];
        let mut seen = 0;
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, value) = line
                .split_once('\t')
                .ok_or_else(|| format!("no tab in model line {line:?}"))?;
            let expected = FEATURE_NAMES
                .get(seen)
                .ok_or_else(|| format!("extra model line {line:?}"))?;
            if name != *expected {
                return Err(format!(
                    "model line {seen} is {name:?}, expected {expected:?}"
                ));
            }
            weights[seen] = value
                .trim()
                .parse()
                .map_err(|_| format!("bad weight in model line {line:?}"))?;
            seen += 1;
        }
        if seen != FEATURES {
            return Err(format!("model has {seen} weights, expected {FEATURES}"));
        }
        Ok(Model { weights })
    }

    /// A model with the given weights.
    pub fn new(weights: FeatureVector) -> Model {
        Model { weights }
    }

    /// The model file's text for these weights (the inverse of [`Model::parse`]).
    pub fn to_file(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
        for (name, w) in FEATURE_NAMES.iter().zip(&self.weights) {
            out.push_str(&format!("{name}\t{w:.5}\n"));
        }
        out
    }

    /// The probability (0 to 1) that a block with features `x` is article text.
    pub fn probability(&self, x: &FeatureVector) -> f32 {
        let z: f32 = self.weights.iter().zip(x).map(|(w, v)| w * v).sum();
        1.0 / (1.0 + (-z).exp())
    }
}

/// The shipped model.
pub static MODEL: LazyLock<Model> = LazyLock::new(|| {
    // The file is part of the crate and checked by a test: a parse failure
    // is a build defect, not bad input.
    Model::parse(include_str!("model.tsv")).unwrap_or_else(|e| panic!("model.tsv: {e}"))
});

#[cfg(test)]
mod tests {
    use super::super::marks::item_marks;
    use super::*;

    /// One paragraph a text, with its measured features.
    fn paragraphs(texts: &[&str]) -> (Vec<Block>, Vec<Features>) {
        let blocks: Vec<Block> = texts
            .iter()
            .map(|t| Block::Paragraph {
                text: t.to_string(),
            })
            .collect();
        let feats = blocks
            .iter()
            .map(|b| super::super::features::measure(b, &Default::default()).0)
            .collect();
        (blocks, feats)
    }

    #[test]
    fn the_shipped_model_parses_and_round_trips() {
        let m = Model::parse(include_str!("model.tsv")).expect("model parses");
        let again = Model::parse(&m.to_file("fitted")).expect("written model parses");
        for (a, b) in m.weights.iter().zip(&again.weights) {
            assert!((a - b).abs() < 1e-4);
        }
        assert!(Model::parse("bias\t1\n").is_err());
        assert!(Model::parse("nonsense").is_err());
    }

    #[test]
    fn neighbours_are_counted_as_one_by_one_counting_counts_them() {
        let texts = [
            "Home",
            "A first paragraph of prose, long enough to count as such here.",
            "News",
            "Sport",
            "A second paragraph of prose that also runs to twelve words or more.",
            "Short line",
            "Another",
            "A third paragraph of prose, and it too is long enough for it.",
        ];
        for len in 0..=texts.len() {
            let (blocks, feats) = paragraphs(&texts[..len]);
            let chrome = vec![false; len];
            let xs = block_features(&blocks, &feats, &chrome, &item_marks(&blocks, &feats));
            let short = FEATURE_NAMES.iter().position(|f| *f == "short_neighbours");
            let prose = FEATURE_NAMES.iter().position(|f| *f == "prose_neighbours");
            let (Some(short), Some(prose)) = (short, prose) else {
                panic!("feature names");
            };
            for (i, x) in xs.iter().enumerate() {
                let one_by_one = |reach: usize, test: &dyn Fn(usize) -> bool| -> f32 {
                    let lo = i.saturating_sub(reach);
                    let hi = (i + reach + 1).min(len);
                    let others = hi - lo - 1;
                    if others == 0 {
                        return 0.0;
                    }
                    (lo..hi).filter(|&j| j != i && test(j)).count() as f32 / others as f32
                };
                assert_eq!(
                    x[short],
                    one_by_one(SHORT_REACH, &|j| feats[j].words <= SHORT_WORDS)
                );
                assert_eq!(x[prose], one_by_one(PROSE_REACH, &|j| is_prose(&feats[j])));
            }
        }
    }

    #[test]
    fn blocks_between_the_copies_of_a_repeated_short_line_are_marked() {
        let texts = [
            "Forum index",
            "First post, long enough to read as a sentence of its own.",
            "Reply",
            "Second post, also a sentence somebody wrote.",
            "Reply",
            "Third post.",
            "Reply",
            "Footer links",
            "Only twice",
            "Middle",
            "Only twice",
        ];
        let (blocks, feats) = paragraphs(&texts);
        let between = between_repeated_lines(blocks.len(), &item_marks(&blocks, &feats));
        let marked: Vec<usize> = (0..texts.len()).filter(|&i| between[i]).collect();
        // Inside the first and last "Reply", the copies themselves at the
        // ends left out; a line written twice marks nothing.
        assert_eq!(marked, [3, 4, 5]);
    }
}

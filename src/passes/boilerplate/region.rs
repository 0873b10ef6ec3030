//! Finding the article in a full-page dump: every block gets a content
//! score (positive for prose, negative for links, chrome and fragments),
//! and the article is the contiguous run of blocks with the greatest sum,
//! as an HTML extractor picks the best-scoring subtree of a DOM.

use super::features::Features;
use crate::document::Block;

/// Score of a block that a chrome rule or folder learning marked as junk.
pub const JUNK_SCORE: f32 = -10.0;

/// Score of a block that ends an article for certain (a comment form's
/// heading): no article span reaches across it.
pub const BARRIER_SCORE: f32 = -1.0e6;

/// What every block costs before its text counts: a run of fragments
/// (dates, bylines, captions) needs prose around it to join the article.
const BLOCK_COST: f32 = 3.0;

/// The probability above which a block counts for the article. Above an
/// even chance: the span also grows over its edges (see [`grow_span`]), so
/// a block the model doubts need not pay for its place in the middle.
const ARTICLE_PROBABILITY: f32 = 0.55;

/// The probability from which a block next to the article's span joins it
/// (see [`grow_span`]).
const EDGE_PROBABILITY: f32 = 0.3;

/// Grows `span` over the blocks next to it that the classifier does not
/// rule out (`probabilities` at least [`EDGE_PROBABILITY`]) and that no
/// barrier closes off: an article's first and last lines (a lead, a
/// closing sentence, a short subheading) are short, and the sum of scores
/// alone would leave them out, though nothing marks them as chrome.
pub fn grow_span(span: &mut std::ops::Range<usize>, probabilities: &[f32], scores: &[f32]) {
    let joins = |i: usize| probabilities[i] >= EDGE_PROBABILITY && scores[i] > BARRIER_SCORE;
    while span.start > 0 && joins(span.start - 1) {
        span.start -= 1;
    }
    while span.end < probabilities.len().min(scores.len()) && joins(span.end) {
        span.end += 1;
    }
}

/// How much one block counts for or against being article text, from the
/// classifier's probability that it is: the margin over an even chance,
/// times its length, so a long paragraph outweighs a stray heading and a
/// long menu outweighs a short caption.
pub fn article_score(probability: f32, f: &Features) -> f32 {
    (probability - ARTICLE_PROBABILITY) * (1.0 + f.words.min(300) as f32)
}

/// How much one block counts for or against being article text.
///
/// Unlinked words count for it, weighted by how much they read like prose;
/// linked words count against it; every block pays a small fixed cost. So a
/// long paragraph outweighs a stray heading, a long menu outweighs a short
/// caption, and short unlinked lines (a recipe's steps) are nearly neutral.
pub fn content_score(block: &Block, f: &Features) -> f32 {
    let ld = f.link_density;
    let words = f.words as f32;
    let linked = words * ld;
    let unlinked = words - linked;
    match block {
        // Headings never extend the article on their own; content around
        // them keeps them.
        Block::Heading { .. } => -1.5 - linked,
        Block::Code { .. } => 0.0,
        Block::Table(_) => unlinked * 0.3 - linked - BLOCK_COST,
        Block::Paragraph { .. }
        | Block::Lines { .. }
        | Block::Quote { .. }
        | Block::List { .. } => unlinked.min(200.0) * prose_weight(block, f) - linked - BLOCK_COST,
    }
}

/// How much a block's unlinked words read like running prose, from 0.1 to 1.
pub fn prose_weight(block: &Block, f: &Features) -> f32 {
    let mut q = 0.2f32;
    if f.sentence_ends >= 1 || f.ends_like_sentence {
        q += 0.4;
    }
    match f.stop_ratio {
        Some(r) if r >= 0.15 => q += 0.2,
        Some(r) if r < 0.05 && f.words >= 5 => q -= 0.1,
        Some(_) => {}
        None if f.words >= 12 => q += 0.2,
        None => {}
    }
    if f.words >= 20 {
        q += 0.2;
    }
    if let Block::List { .. } = block {
        // A list of two-word items is a menu or a tag cloud, not an
        // article's list of points.
        if f.items > 0 && f.words < f.items * 4 {
            q -= 0.1;
        }
    }
    q.clamp(0.1, 1.0)
}

/// Prose that must come before a comment form's heading for it to close
/// the article: a page may open with a comment widget before the article.
const CONTENT_BEFORE_BARRIER: f32 = 20.0;

/// Cuts `scores` at the first barrier that follows some article prose:
/// what comes after a comment thread's heading is comments, however much
/// prose they hold.
pub fn cut_at_barrier(scores: &mut [f32]) {
    let mut prose = 0.0f32;
    for i in 0..scores.len() {
        if scores[i] <= BARRIER_SCORE {
            if prose >= CONTENT_BEFORE_BARRIER {
                scores[i..].fill(BARRIER_SCORE);
                return;
            }
        } else if scores[i] > 0.0 {
            prose += scores[i];
        }
    }
}

/// The contiguous range of `scores` with the greatest sum (the earliest
/// among equals), or `None` when no block scores above zero.
pub fn best_span(scores: &[f32]) -> Option<std::ops::Range<usize>> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut sum = 0.0f32;
    let mut start = 0;
    for (i, &s) in scores.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += s;
        if sum > 0.0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i + 1));
        }
    }
    best.map(|(_, s, e)| s..e)
}

/// Other runs of article text beside the best span `main`: the best
/// span of what lies before it and of what lies after it, and so on
/// outwards, each kept while its sum is at least this share of `main`'s
/// (an article split by a gallery or an embedded box of links).
pub fn secondary_spans(
    scores: &[f32],
    main: &std::ops::Range<usize>,
) -> Vec<std::ops::Range<usize>> {
    let main_sum: f32 = scores[main.clone()].iter().sum();
    let mut out = Vec::new();
    let mut todo = vec![0..main.start, main.end..scores.len()];
    while let Some(part) = todo.pop() {
        let Some(r) = best_span(&scores[part.clone()]) else {
            continue;
        };
        let r = part.start + r.start..part.start + r.end;
        let sum: f32 = scores[r.clone()].iter().sum();
        if sum < SECONDARY_SHARE * main_sum {
            continue;
        }
        todo.push(part.start..r.start);
        todo.push(r.end..part.end);
        out.push(r);
    }
    out
}

/// See [`secondary_spans`].
const SECONDARY_SHARE: f32 = 0.3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_span_with_the_greatest_sum_wins() {
        assert_eq!(best_span(&[-5.0, 3.0, -1.0, 4.0, -9.0, 2.0]), Some(1..4));
        assert_eq!(best_span(&[-1.0, -2.0]), None);
        assert_eq!(best_span(&[]), None);
        assert_eq!(best_span(&[2.0, -10.0, 2.0]), Some(0..1));
    }

    #[test]
    fn the_span_grows_over_likely_edges_up_to_a_barrier() {
        let probs = [0.1, 0.4, 0.9, 0.9, 0.35, 0.6, 0.2];
        let scores = [-1.0, -1.0, 5.0, 5.0, -1.0, BARRIER_SCORE, -1.0];
        let mut span = 2..4;
        grow_span(&mut span, &probs, &scores);
        assert_eq!(span, 1..5);
    }
}

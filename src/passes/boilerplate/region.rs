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

/// The probability margin over which a block's words count as likely
/// article text (see [`likely_words`]).
const LIKELY_MARGIN: f32 = 0.25;

/// The share of a page's likely article text that its chosen runs must
/// hold for the page to read as one article (see [`widened_span`]).
const ONE_ARTICLE_SHARE: f32 = 0.6;

/// The share of a page's likely article text that the run of blocks
/// chosen on a page of many sections holds (see [`widened_span`]).
const SECTIONS_SHARE: f32 = 0.95;

/// How much of a block is likely article text: its words (up to 300, as
/// [`article_score`] counts them), weighted by how far the classifier's
/// `probability` stands above [`LIKELY_MARGIN`]; nothing below it, so the
/// long tail of doubtful chrome (menus, footers) adds up to little.
pub fn likely_words(probability: f32, f: &Features) -> f32 {
    (probability - LIKELY_MARGIN).max(0.0) * (1.0 + f.words.min(300) as f32)
}

/// The probability from which the classifier is sure a block is article
/// text.
const CONFIDENT_PROBABILITY: f32 = 0.8;

/// The words of sure article text that make the best span an article's
/// body (see [`holds_one_article`]).
const ONE_ARTICLE_WORDS: usize = 60;

/// True when the best `span` is an article's body: most of its words (and
/// [`ONE_ARTICLE_WORDS`] at least) are in blocks the classifier is sure of
/// (`probabilities` from [`CONFIDENT_PROBABILITY`]) that count as likely
/// article text (`likely` above zero: no chrome wording). Such a page is
/// one article, and its other doubtful text is teasers, a deals box or
/// related stories, however much of it there is: the span is not widened
/// over them (see [`widened_span`]).
pub fn holds_one_article(
    span: &std::ops::Range<usize>,
    probabilities: &[f32],
    likely: &[f32],
    feats: &[Features],
) -> bool {
    let (mut sure, mut words) = (0, 0);
    for i in span.clone() {
        words += feats[i].words;
        if probabilities[i] >= CONFIDENT_PROBABILITY && likely[i] > 0.0 {
            sure += feats[i].words;
        }
    }
    sure >= ONE_ARTICLE_WORDS && 2 * sure >= words
}

/// On a page of many sections, the run of blocks that holds its content.
///
/// An article's text is one run of prose, and the best span (with its
/// secondary spans, `also`) holds most of what the classifier finds
/// likely article text. A listing, a catalogue, a course page or a thread
/// spreads its content over many short sections, each doubtful on its
/// own, and the best span holds a small part of it: when the spans hold
/// under [`ONE_ARTICLE_SHARE`] of the page's `likely` words, the content
/// is taken as the shortest run of blocks holding [`SECTIONS_SHARE`] of
/// them (the menus and footers at the page's edges left out), never
/// across a barrier. `None` for a page that reads as one article.
pub fn widened_span(
    span: &std::ops::Range<usize>,
    also: &[std::ops::Range<usize>],
    likely: &[f32],
    scores: &[f32],
) -> Option<std::ops::Range<usize>> {
    let total: f32 = likely.iter().sum();
    if total <= 0.0 {
        return None;
    }
    let held: f32 = std::iter::once(span)
        .chain(also)
        .map(|r| likely[r.clone()].iter().sum::<f32>())
        .sum();
    if held >= ONE_ARTICLE_SHARE * total {
        return None;
    }
    // The shortest window holding the share: for each end, the latest
    // start that still holds it (two pointers, one pass).
    let need = SECTIONS_SHARE * total;
    let mut best: Option<std::ops::Range<usize>> = None;
    let mut start = 0;
    let mut sum = 0.0f32;
    for end in 0..likely.len().min(scores.len()) {
        if scores[end] <= BARRIER_SCORE {
            start = end + 1;
            sum = 0.0;
            continue;
        }
        sum += likely[end];
        while start < end && sum - likely[start] >= need {
            sum -= likely[start];
            start += 1;
        }
        if sum >= need && best.as_ref().is_none_or(|b| end + 1 - start < b.len()) {
            best = Some(start..end + 1);
        }
    }
    best
}

/// The share of the gaps between a mark's copies that must hold a post
/// body for the copies to mark posts.
const POSTS_SHARE: f32 = 0.6;

/// The likely article text (see [`likely_words`]) of a post's body: a
/// sentence of a few words, not a name or a date.
const POST_LIKELY: f32 = 3.0;

/// The copies of a mark that make a thread: three posts at least.
const POST_MARKS: usize = 4;

/// How many times the shortest gap between a mark's copies the longest
/// gap may be.
const POST_GAP_SPREAD: usize = 4;

/// The other posts of a thread whose chosen `span` is one post.
///
/// A thread's posts are short: each is parted from the next by its
/// writer's panel (name, rank, join date, post count), which the
/// classifier rightly doubts, and no run of blocks reaches past one post.
/// What shows a thread is a mark each post carries (see
/// [`super::marks`]): when the copies of one (`marks`) stand around the
/// span, the span is one of the posts they mark, and the gaps between
/// them hold post bodies (most gaps a block of a few words that reads as
/// article text) and are alike in length (four copies at least),
/// the thread runs from a gap before the first copy to a gap after the
/// last (the typical gap: a mark may open or close its post), across the
/// barrier a reply quoting another (`Name said:`) puts up, since in a
/// thread the replies are the content. Its blocks that read as article
/// text (`probabilities`
/// from [`ARTICLE_PROBABILITY`], and `likely` text, not chrome wording)
/// are the posts, returned as runs. An article followed by comments is
/// no post: its marks all come after it.
pub fn thread_posts(
    span: &std::ops::Range<usize>,
    marks: &[Vec<usize>],
    probabilities: &[f32],
    likely: &[f32],
) -> Vec<std::ops::Range<usize>> {
    let n = probabilities.len().min(likely.len());
    // A post's body: a block of some words that reads as article text.
    let body = |i: usize| probabilities[i] >= ARTICLE_PROBABILITY && likely[i] >= POST_LIKELY;
    let mut thread: Option<(usize, std::ops::Range<usize>)> = None;
    for copies in marks {
        let (first, last) = (copies[0], copies[copies.len() - 1]);
        let mut gaps: Vec<usize> = copies.windows(2).map(|w| w[1] - w[0]).collect();
        let posts = copies
            .windows(2)
            .filter(|w| (w[0] + 1..w[1]).any(body))
            .count();
        if (posts as f32) < POSTS_SHARE * gaps.len() as f32 {
            continue;
        }
        gaps.sort_unstable();
        let gap = gaps[gaps.len() / 2];
        // Posts are alike: a line the page repeats in its header, its
        // middle and its footer parts sections of every size.
        if gaps.len() + 1 < POST_MARKS || gaps[gaps.len() - 1] > POST_GAP_SPREAD * gaps[0] {
            continue;
        }
        let run = first.saturating_sub(gap)..(last + gap).min(n);
        // The span is one of the posts: it starts among them, after the
        // first copy's post has begun.
        if span.start < run.start || span.start > last + gap || first >= span.end {
            continue;
        }
        if thread.as_ref().is_none_or(|(p, _)| posts > *p) {
            thread = Some((posts, run));
        }
    }
    let Some((_, run)) = thread else {
        return Vec::new();
    };
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for i in run {
        if probabilities[i] >= ARTICLE_PROBABILITY && likely[i] > 0.0 {
            match out.last_mut() {
                Some(r) if r.end == i => r.end = i + 1,
                _ => out.push(i..i + 1),
            }
        }
    }
    out
}

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
    fn a_page_of_many_sections_widens_to_the_run_holding_its_content() {
        // One article: the span holds nearly all likely text.
        let likely = [0.0, 1.0, 50.0, 1.0, 0.0];
        let scores = [-1.0; 5];
        assert_eq!(widened_span(&(2..3), &[], &likely, &scores), None);
        // Many sections: the span holds a fifth; the content runs from
        // the first section to the last, the menus around them left out.
        let likely = [
            0.0, 0.1, 10.0, 0.0, 10.0, 0.5, 10.0, 0.0, 10.0, 10.0, 0.1, 0.0,
        ];
        let scores = [-1.0; 12];
        assert_eq!(widened_span(&(2..3), &[], &likely, &scores), Some(2..10));
        // Never across a barrier: a page whose content a barrier parts
        // stays as its spans had it.
        let mut parted = scores;
        parted[5] = BARRIER_SCORE;
        assert_eq!(widened_span(&(2..3), &[], &likely, &parted), None);
        // Secondary spans count as held.
        let secondary = vec![4..10, 10..10];
        assert_eq!(widened_span(&(2..3), &secondary, &likely, &scores), None);
    }

    #[test]
    fn a_span_of_sure_prose_is_one_article() {
        // Four blocks: their words, probabilities and likely article text,
        // and whether the span over all of them is one article's body.
        let sure = [0.1, 0.9, 0.6, 0.5];
        let likely = [0.0, 40.0, 12.0, 1.0];
        type Case = (&'static str, [usize; 4], [f32; 4], [f32; 4], bool);
        let cases: [Case; 4] = [
            ("most words sure", [5, 80, 40, 3], sure, likely, true),
            (
                "doubtful text only",
                [5, 80, 40, 3],
                [0.1, 0.7, 0.6, 0.5],
                likely,
                false,
            ),
            ("sure under half", [5, 80, 100, 3], sure, likely, false),
            (
                "sure chrome wording",
                [5, 80, 40, 3],
                sure,
                [0.0, 0.0, 12.0, 1.0],
                false,
            ),
        ];
        for (what, words, probabilities, likely, one) in cases {
            let feats: Vec<Features> = words
                .iter()
                .map(|&words| Features {
                    words,
                    ..Default::default()
                })
                .collect();
            assert_eq!(
                holds_one_article(&(0..4), &probabilities, &likely, &feats),
                one,
                "{what}"
            );
        }
    }

    #[test]
    fn a_post_of_a_thread_brings_the_other_posts() {
        // Blocks: a mark (p 0.1), a writer's name, a post body; six times,
        // after a menu. The best span is the second post's body.
        let mut probs = vec![0.1, 0.1];
        let mut likely = vec![0.0, 0.0];
        let mut marks = Vec::new();
        for _ in 0..6 {
            marks.push(probs.len());
            probs.extend([0.1, 0.3, 0.9]);
            likely.extend([0.0, 0.1, 12.0]);
        }
        let posts = thread_posts(&(7..8), &[marks.clone()], &probs, &likely);
        let bodies: Vec<usize> = posts.iter().flat_map(|r| r.clone()).collect();
        assert_eq!(bodies, vec![4, 7, 10, 13, 16, 19]);
        // An article before its comments is no post: every mark follows it.
        let mut article = probs.clone();
        article[1] = 0.9;
        let mut article_likely = likely.clone();
        article_likely[1] = 30.0;
        let after: Vec<usize> = marks.iter().map(|m| m + 1).collect();
        assert!(thread_posts(&(1..2), &[after], &article, &article_likely).is_empty());
        // Copies far apart part sections, not posts.
        let spread = vec![marks[0], marks[1], marks[5]];
        assert!(thread_posts(&(7..8), &[spread], &probs, &likely).is_empty());
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

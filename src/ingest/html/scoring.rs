//! Finds the main content: scores boxes by the prose they hold, picks the
//! best, and adds its siblings that read like more of the same article.
//!
//! Each run of prose (a paragraph, a preformatted block, a cell or a box
//! holding only text) earns points for its length and its commas, and
//! hands them to its parent in full, its grandparent in half and further
//! ancestors in smaller shares, so the box that holds most of the article's
//! paragraphs collects the highest score. Boxes start from a weight for
//! their tag and what their class and id say; a box's final score is
//! discounted by the share of its text inside links.

use super::dom::{Arena, Tag};

/// Prose shorter than this (visible characters) scores nothing: captions,
/// labels and buttons are short.
const MIN_PROSE_CHARS: u32 = 25;

/// Prose below this many characters makes a box less likely to be the
/// article, in proportion.
const SHORT_ARTICLE_CHARS: f32 = 250.0;

/// Prose (visible characters) below which the best box may be widened to
/// the region holding most of the page's prose: a real article is longer.
const WIDEN_BELOW_CHARS: f32 = 1500.0;

/// Share of the page's prose under which the best box is one part of a
/// page that is not one article.
const WIDEN_SHARE: f32 = 0.5;

/// Share of the page's prose the widened box holds.
const COVER_SHARE: f32 = 0.8;

/// Prose (visible characters) a page's `<main>` must hold beyond a long
/// best box for the region to be taken whole on an undated page: a few
/// sections' worth, more than an article's standfirst and captions.
const MAIN_MORE_PROSE_CHARS: u32 = 500;

/// How many ancestors a run of prose hands points to.
const ANCESTOR_LEVELS: usize = 5;

fn base_score(arena: &Arena<'_>, i: usize) -> f32 {
    let n = &arena.nodes[i];
    let tag = match n.tag {
        Tag::Div | Tag::Body => 5.0,
        Tag::Article | Tag::Main => 10.0,
        Tag::Pre | Tag::Cell(_) | Tag::Blockquote => 3.0,
        Tag::Address | Tag::List(_) | Tag::Dl | Tag::DlItem | Tag::Li | Tag::Form => -3.0,
        Tag::H(_) => -5.0,
        Tag::Nav | Tag::Aside | Tag::Footer | Tag::Header => -25.0,
        _ => 0.0,
    };
    let hint = if n.hint.body {
        60.0
    } else {
        match (n.hint.positive, n.hint.negative) {
            (true, None) => 25.0,
            (false, Some(_)) => -25.0,
            _ => 0.0,
        }
    };
    tag + hint
}

/// The characters and commas of node `i` that count as one run of prose:
/// all of a paragraph's, or the loose text of a box (text outside its
/// child blocks, as in `<div>text<br>more text<p>..</p></div>`).
fn prose(arena: &Arena<'_>, i: usize) -> Option<(u32, u32)> {
    let n = &arena.nodes[i];
    match n.tag {
        Tag::P | Tag::Pre | Tag::Blockquote => Some((n.chars, n.commas)),
        Tag::Cell(_) | Tag::Div | Tag::Li | Tag::DlItem | Tag::Article | Tag::Main | Tag::Body => {
            Some((n.loose_chars, n.loose_commas))
        }
        _ => None,
    }
}

/// The content score of every node, and the characters of prose runs in
/// each subtree (summed over all ancestors, not only the nearest five).
fn score_with_prose(arena: &Arena<'_>) -> (Vec<f32>, Vec<u32>) {
    let nodes = &arena.nodes;
    let mut prose_chars = vec![0u32; nodes.len()];
    let mut scores = vec![0f32; nodes.len()];
    let mut seeded = vec![false; nodes.len()];
    for (i, n) in nodes.iter().enumerate().skip(1) {
        if n.tag == Tag::Text || n.unlikely || n.chars < MIN_PROSE_CHARS {
            continue;
        }
        let Some((chars, commas)) = prose(arena, i) else {
            continue;
        };
        if chars < MIN_PROSE_CHARS {
            continue;
        }
        // Prose nested in prose (a <div> of text inside a <li>) is counted once.
        let parent_tag = nodes[n.parent as usize].tag;
        if matches!(parent_tag, Tag::P | Tag::Blockquote | Tag::Pre) && i != 0 {
            continue;
        }
        if n.link_density() < 0.5 {
            prose_chars[i] = chars;
        }
        let points = 1.0 + commas.min(30) as f32 + (chars / 100).min(3) as f32;
        let mut a = i;
        for level in 0..ANCESTOR_LEVELS {
            if a == 0 {
                break;
            }
            a = nodes[a].parent as usize;
            if !seeded[a] {
                seeded[a] = true;
                scores[a] += base_score(arena, a);
            }
            let share = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f32 * 3.0,
            };
            scores[a] += points / share;
            if a == 0 {
                break;
            }
        }
    }
    // Inside an <article> nested in another: a comment or a teaser.
    let mut nested_article = vec![false; nodes.len()];
    let mut article_depth = vec![0u8; nodes.len()];
    for (i, n) in nodes.iter().enumerate().skip(1) {
        let p = n.parent as usize;
        article_depth[i] = article_depth[p].saturating_add(u8::from(n.tag == Tag::Article));
        nested_article[i] = article_depth[i] >= 2;
    }
    for i in (1..nodes.len()).rev() {
        let p = nodes[i].parent as usize;
        prose_chars[p] += prose_chars[i];
    }
    for (i, s) in scores.iter_mut().enumerate() {
        if seeded[i] {
            *s *= 1.0 - nodes[i].link_density();
            // A box with little prose (a title block with a content-ish
            // class) cannot be the article, however well named.
            *s *= (prose_chars[i] as f32 / SHORT_ARTICLE_CHARS).clamp(0.2, 1.0);
            if is_listing(arena, i) || nested_article[i] {
                *s *= 0.3;
            }
        }
    }
    (scores, prose_chars)
}

/// True when box `i` holds several `<article>`s (beyond itself): it lists
/// teasers of other pages rather than being one article.
fn is_listing(arena: &Arena<'_>, i: usize) -> bool {
    let n = &arena.nodes[i];
    n.articles - u32::from(n.tag == Tag::Article) >= 2
}

/// The nodes whose subtrees make up the main content, in document order.
/// `dated` says the page states when it was published, as articles do.
pub fn main_content(arena: &Arena<'_>, dated: bool) -> Vec<usize> {
    let nodes = &arena.nodes;
    let (scores, prose) = score_with_prose(arena);
    let mut top = None;
    let mut best = f32::MIN;
    for (i, &s) in scores.iter().enumerate() {
        if s > 0.0 && !nodes[i].unlikely && s > best {
            best = s;
            top = Some(i);
        }
    }
    let Some(mut top) = top else {
        return vec![0];
    };
    // Microdata naming the article body is the author's own word for it.
    if let Some(body) = (1..nodes.len()).find(|&i| nodes[i].hint.body && nodes[i].chars > 200) {
        let inside =
            |outer: usize, inner: usize| inner >= outer && inner < nodes[outer].end as usize;
        if !inside(body, top) || nodes[top].chars * 2 < nodes[body].chars {
            top = body;
        }
    }
    // When several near-best boxes share an ancestor, the article is split
    // across them and the ancestor holds it all.
    let mut rivals: Vec<usize> = (0..nodes.len())
        .filter(|&i| i != top && scores[i] >= best * 0.75 && !nodes[i].unlikely)
        .filter(|&i| !(i > top && i < nodes[top].end as usize))
        .filter(|&i| !(top > i && top < nodes[i].end as usize))
        .collect();
    rivals.truncate(8);
    if rivals.len() >= 2 {
        let mut a = nodes[top].parent as usize;
        while a != 0 {
            let covered = rivals
                .iter()
                .filter(|&&r| r > a && r < nodes[a].end as usize)
                .count();
            if covered >= 2 {
                top = a;
                break;
            }
            a = nodes[a].parent as usize;
        }
    }
    // An ancestor scoring nearly as well but holding much more prose holds
    // the whole article, split into small boxes (one per paragraph or card).
    let mut a = nodes[top].parent as usize;
    for _ in 0..4 {
        if a == 0 || nodes[a].unlikely {
            break;
        }
        if scores[a] >= best * 0.75 && prose[a] as f32 >= prose[top] as f32 * 1.5 {
            top = a;
        }
        a = nodes[a].parent as usize;
    }
    // A page made of many short sections (a service or product page, a
    // home page) has no one box holding its text: when the best box is
    // short and holds a small share of the prose of the page's `<main>`,
    // the main region is the content. The best box may be long and still
    // one section among many (a run of testimonials, a product's
    // description beside its features): the main region is the content as
    // well when the box holds under half its text, the region is not a
    // grid of links (a listing's filters and cards), and the region holds
    // much more prose besides; on a dated page (an article beside its
    // teasers) only when the box is one of a run of alike boxes, as below.
    if let Some(main) = main_region_of(arena, top) {
        let short_part = (prose[top] as f32) < WIDEN_BELOW_CHARS
            && (prose[top] as f32) < prose[main] as f32 * 0.4;
        let one_section = (!dated || one_of_alike(arena, top, main))
            && nodes[top].chars * 2 < nodes[main].chars
            && nodes[main].link_density() < 0.5
            && prose[main] >= prose[top] + MAIN_MORE_PROSE_CHARS;
        if short_part || one_section {
            top = main;
        }
    }
    // A page that is not one article (a listing, a shop's or a service's
    // page, a home page, a thread) has no box holding most of its prose:
    // the best box is one card, section or post among many. Widen it to
    // the smallest box holding most of the page's prose. A dated page is an
    // article whose prose elsewhere is sidebars and teasers, unless the
    // best box is one of a run of alike boxes (the posts of a thread).
    let page = prose[0] as f32;
    if page > 0.0 && (prose[top] as f32) < page * WIDEN_SHARE {
        let mut a = nodes[top].parent as usize;
        loop {
            if nodes[a].unlikely {
                break;
            }
            if prose[a] as f32 >= page * COVER_SHARE {
                if !dated || one_of_alike(arena, top, a) {
                    top = a;
                }
                break;
            }
            if a == 0 {
                break;
            }
            a = nodes[a].parent as usize;
        }
    }
    // A box that is its parent's only content adds nothing: climb while the
    // parent holds little else.
    while top != 0 {
        let p = nodes[top].parent as usize;
        if p == 0 || nodes[p].unlikely {
            break;
        }
        if nodes[top].chars as f32 >= nodes[p].chars as f32 * 0.99 {
            top = p;
        } else {
            break;
        }
    }
    if top == 0 {
        return vec![0];
    }
    siblings(arena, &scores, &prose, top)
}

/// The page's `<main>` region holding box `i`, unless a box between them
/// reads as chrome.
fn main_region_of(arena: &Arena<'_>, i: usize) -> Option<usize> {
    let nodes = &arena.nodes;
    let mut a = nodes[i].parent as usize;
    while a != 0 && !nodes[a].unlikely {
        if nodes[a].tag == Tag::Main {
            return Some(a);
        }
        a = nodes[a].parent as usize;
    }
    None
}

/// True when some box on the way from `inner` up to (not including) its
/// ancestor `outer` is one of three or more siblings of its tag and first
/// class name that hold text: one post of a thread, one card of a grid.
fn one_of_alike(arena: &Arena<'_>, inner: usize, outer: usize) -> bool {
    let nodes = &arena.nodes;
    let first_class = |i: usize| {
        nodes[i]
            .attr("class")
            .and_then(|c| c.split_whitespace().next())
    };
    let mut c = inner;
    while c != outer && c != 0 {
        let p = nodes[c].parent as usize;
        if let Some(class) = first_class(c) {
            let alike = arena
                .children(p)
                .filter(|&s| {
                    nodes[s].tag == nodes[c].tag
                        && nodes[s].chars > 0
                        && first_class(s) == Some(class)
                })
                .take(3)
                .count();
            if alike >= 3 {
                return true;
            }
        }
        c = p;
    }
    false
}

/// The chosen box and its siblings that read like the same article.
fn siblings(arena: &Arena<'_>, scores: &[f32], prose: &[u32], top: usize) -> Vec<usize> {
    let nodes = &arena.nodes;
    let top_score = scores[top];
    let threshold = (top_score * 0.2).max(10.0);
    let parent = nodes[top].parent as usize;
    let top_class = nodes[top].attr("class").unwrap_or("");
    let mut out = Vec::new();
    // Headings between kept siblings title the sections they sit between.
    let mut headings = Vec::new();
    for s in arena.children(parent) {
        let n = &nodes[s];
        if s == top {
            out.append(&mut headings);
            out.push(s);
            continue;
        }
        if matches!(n.tag, Tag::H(_)) && !out.is_empty() && n.link_density() < 0.5 {
            headings.push(s);
            continue;
        }
        if n.tag == Tag::Text
            || n.unlikely
            || n.chars == 0
            || is_listing(arena, s)
            || super::walk::chrome_reason(arena, s, nodes[parent].chars, false).is_some()
        {
            continue;
        }
        let mut sc = scores[s];
        if !top_class.is_empty() && n.attr("class") == Some(top_class) {
            sc += top_score * 0.2;
        }
        // A sibling made mostly of substantial prose continues the article
        // even when its paragraphs sit too deep to lift its own score.
        let prose_box = prose[s] >= 200
            && prose[s] as f32 >= prose[top] as f32 * 0.1
            && prose[s] as f32 >= n.chars as f32 * 0.6
            && n.link_density() < 0.3;
        let keep = sc >= threshold
            || prose_box
            || (n.tag == Tag::P && {
                let ld = n.link_density();
                (n.chars > 80 && ld < 0.25) || (n.chars > 0 && ld == 0.0 && ends_sentence(arena, s))
            });
        if keep {
            out.append(&mut headings);
            out.push(s);
        } else if n.chars > 0 {
            headings.clear();
            if s < top {
                // A loose paragraph parted from the article by text left out
                // (a byline, a captioned photo) is the standfirst under the
                // title, not prose continuing into the article.
                out.retain(|&k| nodes[k].tag != Tag::P);
            }
        }
    }
    out
}

/// True when the last visible character of the subtree ends a sentence.
fn ends_sentence(arena: &Arena<'_>, i: usize) -> bool {
    let end = arena.nodes[i].end as usize;
    arena.nodes[i..end]
        .iter()
        .rev()
        .find(|n| n.tag == Tag::Text && !n.text.trim().is_empty())
        .is_some_and(|n| n.text.trim_end().ends_with(['.', '!', '?', '"', '”']))
}

//! HTML ingest: decode the bytes, parse once (html5ever via scraper),
//! flatten the DOM into an arena, find the main content, and emit it as
//! blocks with the page's metadata.
//!
//! - `charset`: bytes to text (BOM, declared charset, detection);
//! - `nesting`: keeps absurdly deep markup from reaching the parser;
//! - `dom`: the arena, with text and link statistics per subtree;
//! - `hints`: what class, id and role names say about an element;
//! - `scoring`: picks the boxes that hold the article;
//! - `walk`: emits their blocks, dropping chrome inside them;
//! - `table`: data tables to records;
//! - `metadata`: title, byline, date, site, URL, language;
//! - `byline`: the author's name as the page shows it;
//! - `dateline`: the date as the page shows it.

pub(crate) mod byline;
pub(crate) mod charset;
pub(crate) mod dateline;
pub(crate) mod dom;
pub(crate) mod hints;
pub(crate) mod metadata;
pub(crate) mod nesting;
pub(crate) mod scoring;
pub(crate) mod table;
pub(crate) mod text;
pub(crate) mod walk;

use scraper::Html;

use crate::document::{Block, Document, InputFormat};
use crate::error::Result;
use crate::ingest::decode;
use crate::options::Options;
use dom::Reading;

/// Deepest tag nesting handed to the parser, whatever the options say: the
/// parser's work grows with the square of the depth beyond this.
const PARSE_DEPTH_LIMIT: usize = 2048;

/// Reads an HTML page given as bytes: gzip inflated, then decoded by BOM,
/// declared charset, or detection.
pub fn ingest_bytes(bytes: &[u8], options: &Options) -> Result<Document> {
    let owned;
    let bytes = if decode::is_gzip(bytes) {
        owned = decode::gunzip(bytes, options.max_input_bytes)?;
        &owned[..]
    } else {
        bytes
    };
    decode::check_size(bytes.len(), options.max_input_bytes)?;
    let text = charset::decode_html(bytes)?;
    ingest_str(&text, options)
}

/// Reads an HTML page given as text.
pub fn ingest_str(html: &str, options: &Options) -> Result<Document> {
    decode::check_size(html.len(), options.max_input_bytes)?;
    if html.trim().is_empty() {
        return Err(crate::error::Error::new(
            crate::error::ErrorKind::Empty,
            "input is empty",
        ));
    }
    check_element_count(html, options.max_nodes)?;
    let max_depth = options.max_dom_depth.unwrap_or(usize::MAX);
    let html = nesting::limit_nesting(html, PARSE_DEPTH_LIMIT.min(max_depth.max(64)));
    let dom = Html::parse_document(&html);
    let mut raw_meta = metadata::RawMeta::default();
    let arena = dom::flatten(&dom, max_depth, &mut raw_meta, Reading::Strict);
    check_table_cells(&arena, options.max_table_cells)?;
    let h1 = first_h1(&arena);
    let thread = raw_meta.declares_thread();
    let (meta, script_text) = raw_meta.finish_with_script_text(h1.as_deref());
    let page_prose = visible_prose(&arena);
    let mut doc = extract(&arena, &meta);
    // A further reading of the page under other rules (its facts were
    // gathered by the first).
    let reread =
        |reading| dom::flatten(&dom, max_depth, &mut metadata::RawMeta::default(), reading);
    // The same with the page's runs of links kept.
    let flatten_keeping_links = |reading| {
        let mut arena = reread(reading);
        arena.keep_links = true;
        arena
    };
    if thread {
        // A thread's posts are often named as comments: read them as the
        // page's content, and keep that reading when it finds more.
        let retry = extract(&reread(Reading::Thread), &meta);
        if body_chars(&retry) > body_chars(&doc) {
            doc = retry;
        }
    }
    // Too little of the page's prose came out: the article sits in a box
    // whose name reads as chrome, or in one the page hides until a script
    // shows it. Read the page again with fewer rules, and keep the
    // reading only when it finds much more.
    for reading in [Reading::NoClassHints, Reading::Everything] {
        if !too_short(&doc, page_prose) {
            break;
        }
        let arena = reread(reading);
        let page_prose = page_prose.max(visible_prose(&arena));
        let retry = extract(&arena, &meta);
        if finds_much_more(&retry, body_chars(&doc)) || !too_short(&retry, page_prose) {
            doc = retry;
        }
    }
    if body_chars(&doc) < EMPTY_CHARS {
        // Still next to nothing: a page made of links (a home page, a list
        // of products or stories) whose every run of links read as chrome.
        // Its links are its content.
        let arena = flatten_keeping_links(Reading::Everything);
        let retry = extract(&arena, &meta);
        if body_chars(&retry) >= EMPTY_CHARS {
            doc = retry;
        }
    }
    if meta.published.is_some() && body_chars(&doc) < EMPTY_CHARS * 2 && too_short(&doc, page_prose)
    {
        // A dated page read as a line or two although it holds much prose:
        // the date belongs to the page, not to one article (a dated index
        // page). Widen as on an undated page. A short post beside a long
        // sidebar reads as more than these twenty words.
        let retry = extract_as(&arena, &meta, false);
        if finds_much_more(&retry, body_chars(&doc)) {
            doc = retry;
        }
    }
    let chars = body_chars(&doc);
    if (meta.published.is_none() && chars < INDEX_PAGE_CHARS) || chars < EMPTY_CHARS {
        // A short reading of an undated page full of text besides (or no
        // reading at all, dated or not): a page
        // made of short items (a catalogue, a category index, a list of
        // links with one line of introduction). Its items are its content:
        // read the region the page names as main whole, links and all,
        // without its navigation, header and footer. Class and id names
        // are trusted there only where they name what is never content
        // (comments, menus, sharing): on such pages a section's or card's
        // name (`tile-meta`, `hero-banner`) says how it is drawn, not that
        // it is chrome.
        let arena = flatten_keeping_links(Reading::NoClassHints);
        let empty = body_chars(&doc) < EMPTY_CHARS;
        if arena.nodes[0].chars >= body_chars(&doc).saturating_mul(5)
            && let Some(retry) = extract_main_region(&arena, &meta, empty)
            && finds_much_more(&retry, body_chars(&doc))
        {
            doc = retry;
        } else if arena.nodes[0].chars >= body_chars(&doc).saturating_mul(5) {
            // No main region holds the items: the box the scoring picks
            // does, its runs of links read as the items they are (a table
            // of ranked links, an index of names).
            let retry = extract(&arena, &meta);
            if finds_much_more(&retry, body_chars(&doc)) {
                doc = retry;
            }
        }
    }
    if too_short(&doc, page_prose)
        && let Some(inner) = noscript_page(&dom)
    {
        // The page's content written for readers without scripts (forum
        // software serves its threads so).
        let inner_dom = Html::parse_document(&inner);
        let mut inner_meta = metadata::RawMeta::default();
        let arena = dom::flatten(&inner_dom, max_depth, &mut inner_meta, Reading::Strict);
        let mut retry = extract(&arena, &meta);
        if finds_much_more(&retry, body_chars(&doc)) {
            if retry.meta.byline.is_none() {
                retry.meta.byline = inner_meta.finish(None).byline;
            }
            doc = retry;
        }
    }
    if body_chars(&doc) < EMPTY_CHARS
        && let Some(text) = script_text
    {
        // Nothing in the markup: the page is drawn by a script from data it
        // carries. The structured data's text (an article body, a product's
        // or a course's description) is what the page says.
        read_script_text(&text, &mut doc);
    }
    if said_chars(&doc) < EMPTY_CHARS {
        // Every reading came out empty, or with nothing but a consent
        // notice, and the page carries no text in its data either: a page
        // of short items whose every box reads as chrome by its name or
        // its links (a publication's front page of titles and bylines). Its
        // whole visible text is all it says, and more use than nothing.
        let arena = flatten_keeping_links(Reading::Everything);
        if let Some(retry) = extract_main_region(&arena, &meta, true)
            && said_chars(&retry) >= EMPTY_CHARS
        {
            doc = retry;
        }
    }
    Ok(doc)
}

/// Puts text from the page's structured data into `doc` in place of a
/// reading too short to count, when it is longer: one paragraph per run
/// of lines, markup in it read as text.
fn read_script_text(text: &str, doc: &mut Document) {
    let plain = if text.contains('<') {
        let fragment = Html::parse_fragment(text);
        let mut out = String::new();
        for node in fragment.tree.nodes() {
            match node.value() {
                scraper::Node::Text(t) => out.push_str(t),
                scraper::Node::Element(e)
                    if matches!(e.name(), "p" | "br" | "li" | "div" | "h2" | "h3") =>
                {
                    out.push('\n');
                }
                _ => {}
            }
        }
        out
    } else {
        text.to_string()
    };
    let paragraphs: Vec<String> = plain
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    let chars: usize = paragraphs
        .iter()
        .map(|p| crate::text::count_visible_chars(p))
        .sum();
    if chars <= body_chars(doc) as usize {
        return;
    }
    while !doc.blocks().is_empty() {
        remove_block(doc, 0, "shorter than the page's data");
    }
    for p in paragraphs {
        doc.push(
            Block::Paragraph { text: p },
            crate::document::Origin::default(),
        );
    }
}

/// Refuses a page with more start tags than `limit` before it is parsed: the
/// parsed tree costs many times its source, so counting `<` followed by a
/// letter (an upper bound on the elements the parser makes) keeps memory
/// bounded on hostile pages.
fn check_element_count(html: &str, limit: Option<usize>) -> Result<()> {
    let Some(limit) = limit else { return Ok(()) };
    let bytes = html.as_bytes();
    let mut count = 0usize;
    for w in bytes.windows(2) {
        if w[0] == b'<' && w[1].is_ascii_alphabetic() {
            count += 1;
        }
    }
    if count > limit {
        return Err(crate::error::Error::new(
            crate::error::ErrorKind::TooManyNodes,
            format!("page holds about {count} elements, more than the limit of {limit}"),
        ));
    }
    Ok(())
}

/// Refuses a page holding a table that would expand past `limit` cells.
fn check_table_cells(arena: &dom::Arena<'_>, limit: Option<usize>) -> Result<()> {
    let Some(limit) = limit else { return Ok(()) };
    for (i, n) in arena.nodes.iter().enumerate() {
        if n.tag != dom::Tag::Table {
            continue;
        }
        let cells = table::expanded_cells_bound(arena, i);
        if cells > limit {
            return Err(crate::error::Error::new(
                crate::error::ErrorKind::TooManyCells,
                format!("a table expands to {cells} cells, more than the limit of {limit}"),
            ));
        }
    }
    Ok(())
}

/// The main content of a flattened page as a document carrying `meta`.
fn extract(arena: &dom::Arena<'_>, meta: &crate::document::Meta) -> Document {
    extract_as(arena, meta, meta.published.is_some())
}

/// As [`extract`], with `dated` telling the scoring whether the page is
/// taken for a dated article (see [`scoring::main_content`]).
fn extract_as(arena: &dom::Arena<'_>, meta: &crate::document::Meta, dated: bool) -> Document {
    let roots = scoring::main_content(arena, dated);
    let mut doc = Document::new(InputFormat::Html);
    let links_dropped = walk::emit(arena, &roots, &mut doc);
    let chars = body_chars(&doc);
    // Two readings whose links are their content, read again with them
    // kept (the arena is copied on such pages only):
    // - an index: the box chosen holds more text in runs of links than in
    //   all it gave besides, and it is long enough for the page's prose;
    //   its items are links (stories, products, entries);
    // - a short listing: a short reading of boxes made mostly of links,
    //   read down to its introduction (a feed of posts); it is taken only
    //   when it finds much more. A short article in a box of prose keeps
    //   its links to other pages dropped.
    // An empty reading, or one too short for the page's prose, is left to
    // the readings of index pages and of wrong boxes that follow.
    if !arena.keep_links && links_dropped > chars {
        let index = chars >= INDEX_PAGE_CHARS && !too_short(&doc, visible_prose(arena));
        let short_listing =
            (EMPTY_CHARS..INDEX_PAGE_CHARS).contains(&chars) && mostly_links(arena, &roots);
        if index || short_listing {
            let keeping = dom::Arena {
                nodes: arena.nodes.clone(),
                keep_links: true,
            };
            let mut retry = Document::new(InputFormat::Html);
            walk::emit(&keeping, &roots, &mut retry);
            if index || finds_much_more(&retry, chars) {
                doc = retry;
            }
        }
    }
    doc.meta = meta.clone();
    tidy(&mut doc);
    doc
}

/// True when `retry`, a further reading of a page, finds much more than a
/// reading of `chars` characters: twice as much and a hundred characters
/// more, so a reading is not swapped for one a few words longer.
fn finds_much_more(retry: &Document, chars: u32) -> bool {
    body_chars(retry) >= chars * 2 + 100
}

/// True when at least half the text of the boxes `roots` sits in links.
fn mostly_links(arena: &dom::Arena<'_>, roots: &[usize]) -> bool {
    let (chars, links) = roots.iter().fold((0u64, 0u64), |(c, l), &r| {
        let n = &arena.nodes[r];
        (c + u64::from(n.chars), l + u64::from(n.link_chars))
    });
    chars > 0 && links * 2 >= chars
}

/// The page's `<main>` region as a document carrying `meta`, when the
/// page names one holding at least half its text; else its whole body when
/// `or_body` (nothing else came out). Pages old enough to lack a main
/// region are otherwise left alone: their short readings are short blog
/// posts beside a sidebar more often than index pages.
fn extract_main_region(
    arena: &dom::Arena<'_>,
    meta: &crate::document::Meta,
    or_body: bool,
) -> Option<Document> {
    let nodes = &arena.nodes;
    let main = (1..nodes.len())
        .find(|&i| nodes[i].tag == dom::Tag::Main && nodes[i].chars * 2 >= nodes[0].chars)
        .or(or_body.then_some(0))?;
    let mut doc = Document::new(InputFormat::Html);
    walk::emit(arena, &[main], &mut doc);
    doc.meta = meta.clone();
    tidy(&mut doc);
    Some(doc)
}

/// Visible characters of the page's prose: paragraphs and runs of loose
/// text of 25 characters or more that are not mostly links, wherever they
/// sit and whatever their boxes are named.
fn visible_prose(arena: &dom::Arena<'_>) -> u32 {
    use dom::Tag;
    let nodes = &arena.nodes;
    let mut total = 0;
    for n in nodes.iter().skip(1) {
        let chars = match n.tag {
            Tag::P | Tag::Pre | Tag::Blockquote => {
                if matches!(
                    nodes[n.parent as usize].tag,
                    Tag::P | Tag::Blockquote | Tag::Pre
                ) {
                    continue;
                }
                n.chars
            }
            Tag::Div | Tag::Li | Tag::Cell(_) | Tag::Article | Tag::Main | Tag::DlItem => {
                n.loose_chars
            }
            _ => continue,
        };
        if chars >= 25 && n.link_density() < 0.5 {
            total += chars;
        }
    }
    total
}

/// Visible characters of a document's body.
fn body_chars(doc: &Document) -> u32 {
    let mut n = 0u32;
    for b in doc.blocks() {
        b.for_each_text(|_, t| {
            n = n.saturating_add(crate::text::count_visible_chars(t) as u32);
        });
    }
    n
}

/// Visible characters of a document's body outside consent notices (the
/// one kind of block never content, whatever page it is on: a prompt or a
/// disclaimer may be a product's only sentence): what the reading says of
/// the page itself.
fn said_chars(doc: &Document) -> u32 {
    let mut n = 0u32;
    for b in doc.blocks() {
        let mut consent = true;
        let mut chars = 0u32;
        b.for_each_text(|_, t| {
            consent &= t.trim().is_empty() || crate::lexicon::chrome::is_consent_notice(t);
            chars = chars.saturating_add(crate::text::count_visible_chars(t) as u32);
        });
        if !consent {
            n = n.saturating_add(chars);
        }
    }
    n
}

/// Visible characters below which an extraction counts as empty (about
/// ten words).
const EMPTY_CHARS: u32 = 60;

/// Visible characters (about a hundred words) under which an undated
/// page's reading may be an index page's introduction only.
const INDEX_PAGE_CHARS: u32 = 600;

/// True when the extracted body is short against the page's prose: under
/// ten words, or under a fifth of a page holding at least 1,000 characters
/// of prose.
fn too_short(doc: &Document, page_prose: u32) -> bool {
    let chars = body_chars(doc);
    chars < EMPTY_CHARS || (page_prose >= 1000 && chars * 5 < page_prose)
}

/// The markup inside the page's `<noscript>` elements, when together they
/// hold a page's worth (the parser keeps it as raw text).
fn noscript_page(dom: &Html) -> Option<String> {
    let mut out = String::new();
    for n in dom.tree.nodes() {
        let Some(el) = n.value().as_element() else {
            continue;
        };
        if el.name() != "noscript" {
            continue;
        }
        for c in n.children() {
            if let scraper::Node::Text(t) = c.value() {
                out.push_str(t);
            }
        }
    }
    (out.len() >= 500).then_some(out)
}

/// The text of the page's first `<h1>`.
fn first_h1(arena: &dom::Arena<'_>) -> Option<String> {
    let i = arena.nodes.iter().position(|n| n.tag == dom::Tag::H(1))?;
    let mut buf = text::TextBuf::default();
    buf.push_subtree(arena, i);
    Some(buf.take()).filter(|s| !s.is_empty())
}

/// Final touches on the emitted blocks: the title is metadata, not a
/// heading of the body; headings with nothing after them introduced chrome
/// that was dropped.
fn tidy(doc: &mut Document) {
    let at = doc
        .blocks()
        .iter()
        .take(4)
        .position(|b| matches!(b, Block::Heading { text, .. } if doc.meta.is_title(text)));
    if let Some(at) = at {
        remove_block(doc, at, "title");
    }
    // Each post of a thread repeats the thread's title ("Re: <title>").
    if let Some(title) = doc.meta.title.clone() {
        let title = normalise(&title);
        let mut k = 0;
        while k < doc.blocks().len() {
            if let Block::Heading { text, .. } = &doc.blocks()[k]
                && repeats_title(text, &title)
            {
                remove_block(doc, k, "repeated title");
            } else {
                k += 1;
            }
        }
    }
    // The article's first lines often repeat the page's furniture: the title
    // again, the date, the byline, a button's label.
    let mut looked = 0;
    while looked < 4 && doc.blocks().len() > 1 {
        looked += 1;
        let links = link_line(&doc.blocks()[0], doc.origin(0));
        let Some(reason) =
            leading_chrome(&doc.blocks()[0], &doc.meta).or(links.then_some("leading link line"))
        else {
            break;
        };
        remove_block(doc, 0, reason);
    }
    // The article's last lines, likewise: a filing line, a section link.
    while doc.blocks().len() > 1 {
        let last = doc.blocks().len() - 1;
        if !link_line(&doc.blocks()[last], doc.origin(last)) {
            break;
        }
        remove_block(doc, last, "trailing link line");
    }
    while let Some(Block::Heading { .. }) = doc.blocks().last() {
        remove_block(doc, doc.blocks().len() - 1, "heading without content");
    }
}

/// Why the article's first block is page furniture rather than body, if it is.
fn leading_chrome(block: &Block, meta: &crate::document::Meta) -> Option<&'static str> {
    let (text, heading) = match block {
        Block::Paragraph { text } | Block::Lines { text } => (text.as_str(), false),
        Block::Heading { text, .. } => (text.as_str(), true),
        // Page furniture marked up as a list of one (a `<dl>` of the title).
        Block::List { items, .. } if items.len() == 1 && items[0].label.is_none() => {
            (items[0].text.as_str(), false)
        }
        _ => return None,
    };
    let words = text.split_whitespace().count();
    // Scripts written without spaces count as one word a line: bound the
    // length in characters as well.
    let chars = text.chars().count();
    if words > 25 || chars > 200 {
        return None;
    }
    let norm = normalise(text);
    if let Some(title) = &meta.title {
        let t = normalise(title);
        let title_words = title.split_whitespace().count();
        if !norm.is_empty()
            && (norm == t
                || ((words >= 3 || chars >= 12) && t.contains(&norm))
                || (title_words >= 3 && norm.contains(&t) && words <= title_words + 3))
        {
            return Some("title");
        }
    }
    if words <= 12 && chars <= 90 {
        if let Some(byline) = &meta.byline {
            let b = normalise(byline);
            if !b.is_empty() && norm.contains(&b) {
                return Some("byline");
            }
        }
        if looks_like_date_line(text) {
            return Some("date line");
        }
    }
    if !heading && words <= 2 && chars <= 24 && !text.ends_with(['.', '!', '?', ':', '。']) {
        return Some("label");
    }
    None
}

/// True when a block is a short line made mostly of links and not a
/// sentence ("Filed under: Travel |", "Jump to recipe · Print"): at the
/// article's first or last line, a pointer elsewhere left over from the
/// page's furniture.
fn link_line(block: &Block, origin: &crate::document::Origin) -> bool {
    let (Block::Paragraph { text } | Block::Lines { text }) = block else {
        return false;
    };
    origin.links >= 1
        && origin.link_density() >= 0.3
        && text.split_whitespace().count() <= 6
        && !text.ends_with(['.', '!', '?', '"', '\u{201d}', '。'])
}

/// True when a heading is the page's title again (`title` normalised),
/// bare or as a reply ("Re: ..."), possibly without the site's name the
/// title ends with.
fn repeats_title(heading: &str, title: &str) -> bool {
    let h = heading.trim_start();
    let bare = match h.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("re:") => &h[3..],
        _ => h,
    };
    let norm = normalise(bare);
    !norm.is_empty()
        && (norm == title || (bare.split_whitespace().count() >= 3 && title.starts_with(&norm)))
}

/// Letters and digits only, lowercased: titles compared this way agree
/// whatever separators a site puts in them.
fn normalise(s: &str) -> String {
    crate::text::normalise::key(s, crate::text::normalise::Fold::Letters)
}

/// A short line holding a year (1990-2039) or a clock time, and not ending
/// as a sentence: a date line, not prose that mentions a date.
fn looks_like_date_line(text: &str) -> bool {
    if text.ends_with(['.', '!', '?']) && !text.ends_with(".m.") {
        return false;
    }
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (0..b.len()).any(|i| {
        let starts = i == 0 || !digit(i - 1);
        let year = starts
            && digit(i)
            && digit(i + 1)
            && digit(i + 2)
            && digit(i + 3)
            && !digit(i + 4)
            && matches!(&b[i..i + 2], b"19" | b"20")
            && (b"1990"[..] <= b[i..i + 4] && b[i..i + 4] <= b"2039"[..]);
        let clock = starts
            && digit(i)
            && (b.get(i + 1) == Some(&b':') && digit(i + 2) && digit(i + 3)
                || digit(i + 1) && b.get(i + 2) == Some(&b':') && digit(i + 3) && digit(i + 4));
        year || clock
    })
}

fn remove_block(doc: &mut Document, at: usize, reason: &str) {
    doc.drop_block(at, "ingest", reason);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(html: &str) -> String {
        ingest_str(html, &Options::default())
            .expect("the page reads")
            .text()
    }

    /// A reading that holds only a consent notice says nothing of its
    /// page; one with a line of the page's own says that line.
    #[test]
    fn a_consent_notice_says_nothing_of_the_page() {
        let notice = "To make this site work, we log visitor data. By using it, you agree to our privacy policy, including our cookie policy.";
        let mut doc = Document::new(InputFormat::Html);
        doc.add(Block::Paragraph {
            text: notice.into(),
        });
        assert!(body_chars(&doc) >= EMPTY_CHARS);
        assert_eq!(said_chars(&doc), 0);
        let own = "Lantern night on the quay draws a record crowd";
        doc.add(Block::Heading {
            level: 2,
            text: own.into(),
        });
        assert_eq!(
            said_chars(&doc),
            crate::text::count_visible_chars(own) as u32
        );
    }

    /// A dated index: a line of introduction over a list of links, the
    /// site's menu beside it.
    const INDEX_PAGE: &str = r#"<html><head><title>Reading list</title>
<meta property="article:published_time" content="2024-01-05T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/about">About us</a> <a href="/contact">Contact</a></nav>
<div class="entries"><p>Winter term entries of the reading list, newest first, with the week each of them was added to it.</p>
<ul class="items">
<li><a href="/e/1">Lantern making for beginners, part one</a></li>
<li><a href="/e/2">Lantern making for beginners, part two</a></li>
<li><a href="/e/3">Choosing paper that holds up in the rain</a></li>
<li><a href="/e/4">Candles, wicks and how long they burn</a></li>
<li><a href="/e/5">Folding the frame without glue at all</a></li>
<li><a href="/e/6">A short history of the harbour festival</a></li>
<li><a href="/e/7">Where the boats moor on lantern night</a></li>
<li><a href="/e/8">Keeping children safe near open flames</a></li>
<li><a href="/e/9">Photographing lanterns after dark, tips</a></li>
<li><a href="/e/10">Recipes for the long night on the quay</a></li>
</ul></div>
<footer><a href="/privacy">Privacy</a></footer></body></html>"#;

    #[test]
    fn a_short_reading_made_of_links_keeps_its_links() {
        let text = read(INDEX_PAGE);
        assert!(text.contains("Winter term entries"), "{text}");
        assert!(text.contains("Choosing paper that holds up"), "{text}");
        assert!(text.contains("Recipes for the long night"), "{text}");
        assert!(!text.contains("About us"), "{text}");
    }

    /// An entry's title drawn as a heading in a box of its own (the link
    /// inside the heading or around it) is a title, not a lone link: it
    /// stays with the byline and teaser under it.
    #[test]
    fn a_title_in_a_box_of_its_own_stays_with_its_entry() {
        let entry = |n: u32, title: &str, linked_heading: bool| {
            let heading = if linked_heading {
                format!(r#"<a href="/e/{n}"><h3>{title}</h3></a>"#)
            } else {
                format!(r#"<h3><a href="/e/{n}">{title}</a></h3>"#)
            };
            format!(
                r#"<div class="entry"><div class="entry-title">{heading}</div>
<div class="entry-by">By Mira Holm</div>
<p class="entry-teaser">Notes from the workshop on the quay, with the steps written out for anyone who missed the evening and wants to try it at home.</p></div>
"#
            )
        };
        for linked_heading in [false, true] {
            let html = format!(
                r#"<html><head><title>Workshop notes</title></head><body>
<nav><a href="/">Home</a> <a href="/about">About us</a> <a href="/contact">Contact</a></nav>
<div class="entries">{}{}{}</div></body></html>"#,
                entry(1, "Folding the frame without glue", linked_heading),
                entry(2, "Choosing paper that holds up in rain", linked_heading),
                entry(3, "Candles, wicks and how long they burn", linked_heading),
            );
            let text = read(&html);
            assert!(
                text.contains("Choosing paper that holds up in rain"),
                "{text}"
            );
            assert!(text.contains("written out for anyone"), "{text}");
            assert!(!text.contains("About us"), "{text}");
        }
    }

    /// Entries written as list items with a heading each read in the
    /// page's order: each title over its own teaser, each step over its
    /// code.
    #[test]
    fn titles_inside_list_items_keep_their_place() {
        let html = r#"<html><head><title>Workshops</title></head><body><div class="entries">
<p>The workshops of the winter term, each on a Thursday evening at the boat house by the quay.</p>
<ul>
<li><h3>Folding frames</h3><span>Bring a ruler and two sheets of card, the rest is there.</span></li>
<li><h3>Paper in the rain</h3><span>Which papers keep their shape once the evening turns wet.</span></li>
<li><h3>Wicks and wax</h3><span>How long a candle lasts, and how to make it last longer.</span></li>
</ul></div></body></html>"#;
        let text = read(html);
        let at = |s: &str| {
            text.find(s)
                .unwrap_or_else(|| panic!("{s} missing: {text}"))
        };
        assert!(at("Folding frames") < at("Bring a ruler"), "{text}");
        assert!(at("Bring a ruler") < at("Paper in the rain"), "{text}");
        assert!(at("Paper in the rain") < at("Which papers keep"), "{text}");
        assert!(at("Which papers keep") < at("Wicks and wax"), "{text}");
        // So do the code blocks of a list of steps.
        let html = r#"<html><head><title>Setup</title></head><body><div class="steps">
<p>Setting up the lantern counter takes three steps on a fresh machine, all from a terminal.</p>
<ol><li>Fetch the sources of the counter from the shared folder.<pre>fetch lantern-counter</pre></li>
<li>Build it once in release mode, which takes a minute or two.<pre>build --release</pre></li>
<li>Run it against the list of lanterns written for the festival.</li></ol></div></body></html>"#;
        let text = read(html);
        let at = |s: &str| {
            text.find(s)
                .unwrap_or_else(|| panic!("{s} missing: {text}"))
        };
        assert!(
            at("Fetch the sources") < at("fetch lantern-counter"),
            "{text}"
        );
        assert!(at("fetch lantern-counter") < at("Build it once"), "{text}");
        assert!(at("Build it once") < at("build --release"), "{text}");
    }

    #[test]
    fn a_short_article_drops_its_links_elsewhere() {
        let html = r#"<html><head><title>Lantern night</title>
<meta property="article:published_time" content="2024-01-05T10:00:00Z"></head>
<body><div class="story">
<p>The families gathered on the quay at dusk, as they have every spring for a century, and lit the lanterns one by one.</p>
<p>By nine the harbour was bright from the old crane to the lighthouse, and the boats came in slowly to watch the light on the water.</p>
<ul><li><a href="/a">More from the harbour</a></li><li><a href="/b">Festival dates</a></li>
<li><a href="/c">Lantern workshops</a></li></ul>
</div></body></html>"#;
        let text = read(html);
        assert!(text.contains("lit the lanterns one by one"), "{text}");
        assert!(!text.contains("Festival dates"), "{text}");
    }

    #[test]
    fn a_header_over_an_article_is_part_of_it() {
        let html = r#"<html><head><title>Harbour almanac</title></head><body>
<header class="masthead"><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<p>The town almanac, printed every week.</p></header>
<main><article>
<header><h2>Lantern night</h2><p>Why the families gather on the quay each spring.</p></header>
<p>The families gathered on the quay at dusk, as they have every spring for a century, and lit the lanterns one by one while the bells rang.</p>
<p>By nine the harbour was bright from the old crane to the lighthouse, and the boats came in slowly to watch the light on the still water.</p>
</article></main></body></html>"#;
        let text = read(html);
        assert!(text.contains("Why the families gather"), "{text}");
        assert!(text.contains("lit the lanterns one by one"), "{text}");
        assert!(!text.contains("town almanac"), "{text}");
    }

    #[test]
    fn a_page_of_named_cards_is_read_from_its_main_region() {
        let card = |n: u32| {
            format!(
                r#"<div class="tile-meta"><h3>Plan number {n}</h3>
<p>Every plan number {n} comes with the channels of the basic tier, a recorder for forty hours and one extra screen at home.</p></div>"#
            )
        };
        let cards: String = (1..=5).map(card).collect();
        let html = format!(
            r#"<html><head><title>Plans</title></head><body>
<header><nav><a href="/">Home</a> <a href="/shop">Shop</a> <a href="/help">Help</a></nav></header>
<main><div class="intro"><p>Choose the plan that fits the way your household watches, and change it whenever you like.</p></div>
{cards}</main>
<footer><a href="/privacy">Privacy</a></footer></body></html>"#
        );
        let text = read(&html);
        assert!(text.contains("Choose the plan"), "{text}");
        assert!(text.contains("Every plan number 4 comes"), "{text}");
        assert!(!text.contains("Privacy"), "{text}");
    }

    /// An undated page of many sections whose longest box, a run of
    /// testimonials, holds under half its main region: the region is read
    /// whole, the site's menu and footer still left out.
    #[test]
    fn a_long_section_among_many_widens_to_the_main_region() {
        let quote = |n: u32| {
            format!(
                r#"<div class="quote"><p>Customer number {n} says that the repair crew came on the morning they promised, fixed the leaking roof in a single visit, cleaned up every nail, and called back a week later to check that the ceiling had stayed dry.</p><p class="who">Client {n}</p></div>"#
            )
        };
        let section = |name: &str| {
            format!(
                r#"<section><div class="row"><div class="col"><div class="card"><div class="body"><h2>{name} repairs</h2>
<p>Our {name} team works with the materials your house was built with and explains every step before work begins.</p>
<ul><li>Free visit</li><li>Written quote</li><li>Ten year warranty</li></ul></div></div></div></div></section>"#
            )
        };
        let quotes: String = (1..=5).map(quote).collect();
        let sections: String = [
            "Roof", "Gutter", "Chimney", "Window", "Porch", "Fence", "Deck", "Stair",
        ]
        .iter()
        .map(|s| section(s))
        .collect();
        let html = format!(
            r#"<html><head><title>Home repairs</title></head><body>
<header><nav><a href="/">Home</a> <a href="/prices">Prices</a> <a href="/jobs">Jobs</a></nav></header>
<main>{sections}<div class="band"><div class="voices">{quotes}</div></div></main>
<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>"#
        );
        let text = read(&html);
        assert!(text.contains("Customer number 3 says"), "{text}");
        assert!(text.contains("Our Chimney team works"), "{text}");
        assert!(text.contains("Porch repairs"), "{text}");
        assert!(!text.contains("Privacy"), "{text}");
    }

    #[test]
    fn headers_of_a_main_regions_sections_are_kept() {
        let section = |name: &str| {
            format!(
                r#"<section class="band"><div class="grid"><div class="col">
<header class="lead"><h2>{name} without the wait</h2><p>Start the same day you sign up.</p></header></div>
<div class="col"><p>Our {name} team answers within the hour, and every answer is checked by a second person before it is sent to you.</p></div></div></section>"#
            )
        };
        let html = format!(
            r#"<html><head><title>Support</title></head><body>
<header class="site"><h1>Acme</h1><nav><a href="/">Home</a> <a href="/pricing">Pricing</a></nav></header>
<main>{}{}{}</main></body></html>"#,
            section("Billing"),
            section("Hardware"),
            section("Setup")
        );
        let text = read(&html);
        assert!(text.contains("Hardware without the wait"), "{text}");
        assert!(text.contains("Start the same day"), "{text}");
        assert!(text.contains("checked by a second person"), "{text}");
        assert!(!text.contains("Pricing"), "{text}");
    }

    #[test]
    fn replies_repeat_the_title() {
        let title = normalise("Dough too sticky after switching flour - Baking Forum");
        assert!(repeats_title(
            "Re: Dough too sticky after switching flour",
            &title
        ));
        assert!(repeats_title(
            "Dough too sticky after switching flour",
            &title
        ));
        assert!(!repeats_title("Dough", &title));
        assert!(!repeats_title("Re: Kneading by hand", &title));
    }

    #[test]
    fn date_lines_are_told_from_prose() {
        assert!(looks_like_date_line("March 3, 2021"));
        assert!(looks_like_date_line("Posted 09:45 | Updated"));
        assert!(looks_like_date_line("Updated 3:27 a.m."));
        assert!(!looks_like_date_line("The bridge opened in 2021."));
        assert!(!looks_like_date_line("Chapter 12345"));
        assert!(!looks_like_date_line(""));
    }

    #[test]
    fn link_lines_are_told_from_closing_sentences() {
        let linked = crate::document::Origin {
            chars: 20,
            link_chars: 12,
            links: 1,
            ..Default::default()
        };
        let p = |t: &str| Block::Paragraph { text: t.into() };
        assert!(link_line(&p("Filed under: Travel |"), &linked));
        assert!(!link_line(&p("Read the report here."), &linked));
        assert!(!link_line(
            &p("Filed under: Travel |"),
            &crate::document::Origin::default()
        ));
        assert!(!link_line(&p("one two three four five six seven"), &linked));
    }

    #[test]
    fn leading_furniture_is_dropped() {
        let meta = crate::document::Meta {
            title: Some("Lanterns Over the Harbour".into()),
            byline: Some("Mara Lindqvist".into()),
            ..Default::default()
        };
        let p = |t: &str| Block::Paragraph { text: t.into() };
        assert_eq!(
            leading_chrome(&p("Lanterns over the harbour!"), &meta),
            Some("title")
        );
        assert_eq!(
            leading_chrome(&p("By Mara Lindqvist"), &meta),
            Some("byline")
        );
        assert_eq!(
            leading_chrome(&p("May 17, 2024 08:30"), &meta),
            Some("date line")
        );
        assert_eq!(leading_chrome(&p("Share"), &meta), Some("label"));
        assert_eq!(
            leading_chrome(&p("Every spring the families light lanterns."), &meta),
            None
        );
    }

    #[test]
    fn a_reply_opening_on_a_quote_keeps_its_authors_name() {
        let post = |name: &str, quoted: &str, said: &str| {
            format!(
                "<article class=\"post\"><h4><a href=\"/u/{name}\">{name}</a></h4>\
                 <blockquote><div><a href=\"/p/1\">{quoted} said:</a></div>\
                 <p>The valve on the left needs a quarter turn before the pump starts.</p></blockquote>\
                 <p>{said}</p></article>"
            )
        };
        let html = format!(
            "<html><body><main>{}{}{}</main></body></html>",
            post(
                "tamsin_r",
                "oldhand",
                "Thanks, a quarter turn was all it needed and the pump runs quietly now."
            ),
            post(
                "oldhand",
                "tamsin_r",
                "Good to hear it, the same trick works on the older models with the brass fittings."
            ),
            post(
                "tamsin_r",
                "oldhand",
                "I will remember that for the second pump in the shed once the weather turns warmer."
            ),
        );
        let text = read(&html);
        assert!(text.contains("oldhand\n"), "{text}");
        assert!(text.contains("the brass fittings"), "{text}");
    }

    /// Posts in boxes named as comments, on a page whose data says it is
    /// a thread, are the page's text; a signature named after the post is
    /// not.
    fn thread_page(kind: &str) -> String {
        let post = |who: &str, said: &str| {
            format!(
                "<article class=\"reader-comment\"><h4>{who}</h4><div class=\"post-text\"><p>{said}</p></div>\
                 <div class=\"post-signature\"><p>Restoring old clocks since the spring of the flood year, one gear at a time.</p></div></article>"
            )
        };
        format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\": \"{kind}\", \"headline\": \"Pendulum drift\"}}</script></head>\
             <body><main><h1>Pendulum drift</h1>\
             <p>My hall clock gains four minutes a week since I moved it to the landing upstairs.</p>{}{}{}</main></body></html>",
            post(
                "wren",
                "Check that the case stands level, a tilt changes the beat and the rate along with it."
            ),
            post(
                "ostrander",
                "Lengthen the pendulum a little by turning the rating nut down two full turns."
            ),
            post(
                "wren",
                "Two turns brought it within a minute a week, and the beat sounds even again."
            ),
        )
    }

    #[test]
    fn a_threads_posts_named_as_comments_are_read() {
        let text = read(&thread_page("DiscussionForumPosting"));
        assert!(text.contains("rating nut"), "{text}");
        assert!(!text.contains("Restoring old clocks"), "{text}");
        // The same page declaring itself an article keeps its comments out.
        let text = read(&thread_page("NewsArticle"));
        assert!(!text.contains("rating nut"), "{text}");
    }
}

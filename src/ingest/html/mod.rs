//! HTML ingest: decode the bytes, parse once (html5ever via scraper),
//! flatten the DOM into an arena, find the main content, and emit it as
//! blocks with the page's metadata.
//!
//! - [`charset`]: bytes to text (BOM, declared charset, detection);
//! - [`nesting`]: keeps absurdly deep markup from reaching the parser;
//! - [`dom`]: the arena, with text and link statistics per subtree;
//! - [`hints`]: what class, id and role names say about an element;
//! - [`scoring`]: picks the boxes that hold the article;
//! - [`walk`]: emits their blocks, dropping chrome inside them;
//! - [`table`]: data tables to records;
//! - [`metadata`]: title, byline, date, site, URL, language.

pub mod charset;
pub mod dom;
pub mod hints;
pub mod metadata;
pub mod nesting;
pub mod scoring;
pub mod table;
pub mod text;
pub mod walk;

use scraper::Html;

use crate::document::{Block, Document, InputFormat, Removed};
use crate::error::Result;
use crate::ingest::decode;
use crate::options::Options;

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
    let arena = dom::flatten(&dom, max_depth, &mut raw_meta);
    check_table_cells(&arena, options.max_table_cells)?;
    let roots = scoring::main_content(&arena);
    let mut doc = Document::new(InputFormat::Html);
    walk::emit(&arena, &roots, &mut doc);
    let h1 = first_h1(&arena);
    doc.meta = raw_meta.finish(h1.as_deref());
    tidy(&mut doc);
    Ok(doc)
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
    if let Some(title) = doc.meta.title.clone() {
        let at = doc.blocks.iter().take(4).position(
            |b| matches!(b, Block::Heading { text, .. } if metadata::same_words(text, &title)),
        );
        if let Some(at) = at {
            remove_block(doc, at, "title");
        }
    }
    // The article's first lines often repeat the page's furniture: the title
    // again, the date, the byline, a button's label.
    let mut looked = 0;
    while looked < 4 && doc.blocks.len() > 1 {
        looked += 1;
        let links = doc
            .origins
            .first()
            .is_some_and(|o| link_line(&doc.blocks[0], o));
        let Some(reason) =
            leading_chrome(&doc.blocks[0], &doc.meta).or(links.then_some("leading link line"))
        else {
            break;
        };
        remove_block(doc, 0, reason);
    }
    // The article's last lines, likewise: a filing line, a section link.
    while doc.blocks.len() > 1 && doc.origins.len() == doc.blocks.len() {
        let last = doc.blocks.len() - 1;
        if !link_line(&doc.blocks[last], &doc.origins[last]) {
            break;
        }
        remove_block(doc, last, "trailing link line");
    }
    while let Some(Block::Heading { .. }) = doc.blocks.last() {
        remove_block(doc, doc.blocks.len() - 1, "heading without content");
    }
}

/// Why the article's first block is page furniture rather than body, if it is.
fn leading_chrome(block: &Block, meta: &crate::document::Meta) -> Option<&'static str> {
    let (text, heading) = match block {
        Block::Paragraph { text } => (text.as_str(), false),
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
    let Block::Paragraph { text } = block else {
        return false;
    };
    origin.links >= 1
        && origin.link_density() >= 0.3
        && text.split_whitespace().count() <= 6
        && !text.ends_with(['.', '!', '?', '"', '\u{201d}', '。'])
}

/// Lower-case letters and digits only, for comparing lines loosely.
fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
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
    let block = doc.blocks.remove(at);
    if at < doc.origins.len() {
        doc.origins.remove(at);
    }
    doc.removed.push(Removed {
        pass: "ingest".into(),
        text: block.plain_text(),
        reason: reason.into(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

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
}

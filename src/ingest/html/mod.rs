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
    let max_depth = options.max_dom_depth.unwrap_or(usize::MAX);
    let html = nesting::limit_nesting(html, PARSE_DEPTH_LIMIT.min(max_depth.max(64)));
    let dom = Html::parse_document(&html);
    let mut raw_meta = metadata::RawMeta::default();
    let arena = dom::flatten(&dom, max_depth, &mut raw_meta);
    let roots = scoring::main_content(&arena);
    let mut doc = Document::new(InputFormat::Html);
    walk::emit(&arena, &roots, &mut doc);
    let h1 = first_h1(&arena);
    doc.meta = raw_meta.finish(h1.as_deref());
    tidy(&mut doc);
    Ok(doc)
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
    while let Some(Block::Heading { .. }) = doc.blocks.last() {
        remove_block(doc, doc.blocks.len() - 1, "heading without content");
    }
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

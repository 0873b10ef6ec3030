//! HTML ingest: decode, parse once with html5ever (scraper), walk the DOM
//! once, emit blocks.

use scraper::{ElementRef, Html, Node};

use crate::document::{Block, Document, InputFormat, ListItem, Origin};
use crate::error::Result;
use crate::ingest::decode;
use crate::options::Options;

/// Reads an HTML page given as bytes: gzip inflated, then decoded by BOM,
/// `<meta charset>`, or as UTF-8 with replacement characters.
pub fn ingest_bytes(bytes: &[u8], options: &Options) -> Result<Document> {
    let owned;
    let bytes = if decode::is_gzip(bytes) {
        owned = decode::gunzip(bytes, options.max_input_bytes)?;
        &owned[..]
    } else {
        bytes
    };
    decode::check_size(bytes.len(), options.max_input_bytes)?;
    let (text, _, _) = encoding_rs::UTF_8.decode(bytes);
    ingest_str(&text, options)
}

/// Reads an HTML page given as text.
pub fn ingest_str(html: &str, options: &Options) -> Result<Document> {
    decode::check_size(html.len(), options.max_input_bytes)?;
    decode::non_empty(html.to_string())?;
    let dom = Html::parse_document(html);
    let mut doc = Document::new(InputFormat::Html);
    let mut stack: Vec<ElementRef<'_>> = vec![dom.root_element()];
    while let Some(el) = stack.pop() {
        let name = el.value().name();
        let block = match name {
            "script" | "style" | "noscript" | "nav" | "footer" | "header" | "aside" | "form" => {
                None
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(Block::Heading {
                level: name.as_bytes()[1] - b'0',
                text: text_of(el),
            }),
            "p" => Some(Block::Paragraph { text: text_of(el) }),
            "ul" | "ol" => Some(Block::List {
                ordered: name == "ol",
                items: el
                    .children()
                    .filter_map(ElementRef::wrap)
                    .filter(|c| c.value().name() == "li")
                    .map(|li| ListItem::plain(text_of(li)))
                    .collect(),
            }),
            _ => {
                for child in el.children().rev() {
                    if let (Node::Element(_), Some(c)) = (child.value(), ElementRef::wrap(child)) {
                        stack.push(c);
                    }
                }
                continue;
            }
        };
        if let Some(b) = block.filter(|b| !b.is_empty()) {
            doc.push(b, Origin::default());
        }
    }
    Ok(doc)
}

fn text_of(el: ElementRef<'_>) -> String {
    crate::ingest::inline::collapse_spaces(&el.text().collect::<String>().replace('\n', " "))
}

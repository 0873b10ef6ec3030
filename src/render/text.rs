//! Plain text: blocks separated by a blank line, list items one a line,
//! table rows one a line with tab-separated cells, header first.

use crate::document::{Block, Document};

/// The document's body as plain text (no title, no removed material).
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        if b.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        write_block(&mut out, b);
    }
    out
}

/// Appends one block's plain text to `out`.
pub fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Heading { text, .. }
        | Block::Paragraph { text }
        | Block::Quote { text }
        | Block::Code { text } => out.push_str(text),
        Block::List { items, .. } => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                if let Some(label) = &item.label {
                    out.push_str(label);
                    out.push(':');
                    if !item.text.is_empty() {
                        out.push(' ');
                    }
                }
                out.push_str(&item.text);
            }
        }
        Block::Table(t) => {
            if let Some(c) = &t.caption {
                out.push_str(c);
                out.push('\n');
            }
            out.push_str(&t.columns.join("\t"));
            for row in &t.rows {
                out.push('\n');
                out.push_str(&row.join("\t"));
            }
        }
    }
}

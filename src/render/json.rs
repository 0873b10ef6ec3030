//! JSON: serde on the document model itself (see `Document`'s `Serialize`).

use crate::document::Document;

/// The document as pretty-printed JSON.
pub fn render(doc: &Document) -> String {
    serde_json::to_string_pretty(doc).expect("a Document always serialises")
}

/// The document as one line of JSON (for JSON Lines output).
pub fn render_line(doc: &Document) -> String {
    serde_json::to_string(doc).expect("a Document always serialises")
}

//! Plain text: blocks separated by a blank line, list items one a line,
//! table rows one a line with tab-separated cells, header first.

use crate::document::Document;

/// The document's body as plain text (no title, no removed material).
pub fn render(doc: &Document) -> String {
    doc.text()
}

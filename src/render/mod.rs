//! Renderers: they read a [`crate::Document`] and never change it.

pub mod json;
pub mod markdown;
pub mod text;

use crate::document::Document;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// CONTRACT.md's JSON document.
    #[default]
    Json,
    /// Markdown: headings, bold list labels, pipe tables.
    Markdown,
    /// Plain text, the document's `text`.
    Text,
}

impl Format {
    /// The file extension outputs of this format get.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Text => "txt",
        }
    }

    /// Renders `doc` in this format.
    pub fn render(self, doc: &Document) -> String {
        match self {
            Format::Json => json::render(doc),
            Format::Markdown => markdown::render(doc),
            Format::Text => text::render(doc),
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "json" => Ok(Format::Json),
            "markdown" | "md" => Ok(Format::Markdown),
            "text" | "txt" => Ok(Format::Text),
            other => Err(format!("unknown format {other:?} (json, markdown, text)")),
        }
    }
}

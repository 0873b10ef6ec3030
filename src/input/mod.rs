//! Inputs: which files to read, and reading them into [`Record`]s safely.
//!
//! Nothing here trusts a file: only regular files are opened (a FIFO would
//! block a run forever, a device never ends), sizes are checked before a
//! byte is read, decompression and JSON Lines records are capped, and every
//! failure is a record of its own so one bad input never stops the others.

pub mod discover;
pub mod read;
pub mod warc;

use std::path::{Path, PathBuf};

use crate::error::Error;

/// How an input file is read, from its extension (a `.gz` suffix is looked through).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// `.html`, `.htm`, `.xhtml`.
    Html,
    /// `.txt`, `.text`, `.md`.
    Text,
    /// `.jsonl`: one record a line with `html` or `text`, optional `id` and `url`.
    JsonLines,
    /// `.warc`: each HTML response record is a document.
    Warc,
}

impl InputKind {
    /// The kind of `path`, or `None` for a file pristine does not read.
    pub fn of(path: &Path) -> Option<InputKind> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = Path::new(name).extension()?.to_str()?;
        match ext {
            "html" | "htm" | "xhtml" => Some(InputKind::Html),
            "txt" | "text" | "md" => Some(InputKind::Text),
            "jsonl" => Some(InputKind::JsonLines),
            "warc" => Some(InputKind::Warc),
            _ => None,
        }
    }

    /// True for kinds whose file holds many documents, written back as one
    /// JSON Lines output.
    pub fn holds_many(self) -> bool {
        matches!(self, InputKind::JsonLines | InputKind::Warc)
    }
}

/// A file found among the inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// Where it is.
    pub path: PathBuf,
    /// Its path relative to the folder given as input (its file name when a
    /// file was given directly); outputs mirror it.
    pub relative: PathBuf,
    /// How to read it.
    pub kind: InputKind,
}

/// What a record holds.
#[derive(Debug, Clone)]
pub enum Payload {
    /// Raw HTML bytes, encoding unknown.
    Html(Vec<u8>),
    /// Raw text-dump bytes.
    TextBytes(Vec<u8>),
    /// A text dump already decoded.
    Text(String),
    /// The record could not be read; the error says why.
    Failed(Error),
}

impl Payload {
    /// Bytes the payload holds in memory.
    pub fn len(&self) -> usize {
        match self {
            Payload::Html(b) | Payload::TextBytes(b) => b.len(),
            Payload::Text(t) => t.len(),
            Payload::Failed(_) => 0,
        }
    }

    /// True when the payload holds no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One document to clean.
#[derive(Debug, Clone)]
pub struct Record {
    /// Names the document in outputs and errors (`site/page.html`, `feed.jsonl:12`).
    pub source: String,
    /// The caller's id for it, if any (from a JSON Lines record).
    pub id: Option<String>,
    /// Its URL, if known.
    pub url: Option<String>,
    /// What to clean.
    pub payload: Payload,
}

impl Record {
    /// A record with no id or URL.
    pub fn new(source: impl Into<String>, payload: Payload) -> Self {
        Record {
            source: source.into(),
            id: None,
            url: None,
            payload,
        }
    }

    /// A record that failed to be read.
    pub fn failed(source: impl Into<String>, error: Error) -> Self {
        Record::new(source, Payload::Failed(error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_extensions() {
        assert_eq!(
            InputKind::of(Path::new("a/b.HTML.gz")),
            Some(InputKind::Html)
        );
        assert_eq!(InputKind::of(Path::new("notes.md")), Some(InputKind::Text));
        assert_eq!(
            InputKind::of(Path::new("x.jsonl")),
            Some(InputKind::JsonLines)
        );
        assert_eq!(
            InputKind::of(Path::new("crawl.warc.gz")),
            Some(InputKind::Warc)
        );
        assert_eq!(InputKind::of(Path::new("x.pdf")), None);
        assert_eq!(InputKind::of(Path::new("gz")), None);
    }
}

//! # pristine
//!
//! Turns web-scraped articles — raw HTML pages or plain-text dumps — into
//! clean, structured documents: the article body without boilerplate, text
//! repaired as a careful editor would leave it, and structure you can query
//! (headings, lists with their labels, tables as records).
//!
//! ## The shape
//!
//! ```text
//! bytes ──decode──▶ ingest (HTML DOM walk │ text line classifier) ──▶ Document
//! Document ──▶ pass ──▶ pass ──▶ … ──▶ render (JSON │ Markdown │ text)
//! ```
//!
//! Every pass changes the one [`Document`] in place and reports each change
//! through its [`PassContext`], so `edits` and `removed` always say exactly
//! what happened.
//!
//! ## Cleaning a text dump
//!
//! ```
//! let dump = "Exit mobile version\n\
//!             Our Findings\n\n\
//!             The survey covered three regions in the spring.\n\
//!             Key results include:\n\
//!             • Coverage: Nine of ten homes had a connection.\n\
//!             • Speed: Median speeds doubled since the last survey.\n";
//! let doc = pristine::clean_text(dump).unwrap();
//!
//! // Typed blocks: a heading, a paragraph, and a list whose items carry labels.
//! let labels: Vec<_> = doc.blocks().iter().find_map(|b| match b {
//!     pristine::Block::List { items, .. } => {
//!         Some(items.iter().map(|i| i.label.clone()).collect::<Vec<_>>())
//!     }
//!     _ => None,
//! }).unwrap();
//! assert_eq!(labels, [Some("Coverage".to_string()), Some("Speed".to_string())]);
//!
//! // Render it.
//! let markdown = pristine::render::Format::Markdown.render(&doc);
//! assert!(markdown.contains("- **Coverage:** Nine of ten homes had a connection."));
//! let json = pristine::render::Format::Json.render(&doc);
//! assert!(json.contains("\"type\": \"list\""));
//! ```
//!
//! ## Choosing passes
//!
//! [`Pipeline::default`] holds the built-in passes in their default order;
//! switch any off by name, or add your own [`Pass`]:
//!
//! ```
//! use pristine::Pipeline;
//! let mut pipeline = Pipeline::default();
//! pipeline.disable("language").unwrap();
//! assert!(pipeline.disable("no-such-pass").is_err());
//! let doc = pipeline.clean_text("Just one line of text here.").unwrap();
//! assert_eq!(doc.meta.language, None);
//! ```
#![warn(missing_docs)]

// The README's library example runs as a doc test, so it cannot go stale.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// Declares a module of the crate's internals: crate-private, and public
/// (hidden from the docs) only to the crate's own harnesses, which build it
/// with the `internals` feature.
macro_rules! internal_mod {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[cfg(feature = "internals")]
        #[doc(hidden)]
        pub mod $name;
        $(#[$meta])*
        #[cfg(not(feature = "internals"))]
        #[allow(dead_code, unused_imports)]
        pub(crate) mod $name;
    };
}

pub mod batch;
pub mod corpus;
pub mod document;
pub mod error;
internal_mod!(
    /// The article-extraction benchmark's score (for the eval harnesses).
    eval
);
pub mod ingest;
pub mod input;
internal_mod!(
    /// Word lists and tables the passes read.
    lexicon
);
pub mod options;
pub mod passes;
pub mod pipeline;
pub mod render;
pub mod review;
mod tabular;
internal_mod!(
    /// Tokenizer, sentence walker and text keys shared by the passes.
    text
);

pub use corpus::Corpus;
pub use document::{
    Block, Document, Edit, InputFormat, ListItem, Meta, Origin, Removed, Table, TextRole,
};
pub use error::{Error, ErrorKind, Result};
pub use options::Options;
pub use pipeline::{Fix, Pass, PassContext, Pipeline};

/// Cleans an HTML page given as text, with the default pipeline.
pub fn clean_html(html: &str) -> Result<Document> {
    Pipeline::default().clean_html(html)
}

/// Cleans an HTML page given as bytes in any encoding (BOM, `<meta charset>`,
/// then detection), with the default pipeline.
pub fn clean_html_bytes(bytes: &[u8]) -> Result<Document> {
    Pipeline::default().clean_html_bytes(bytes)
}

/// Cleans a plain-text dump with the default pipeline.
pub fn clean_text(text: &str) -> Result<Document> {
    Pipeline::default().clean_text(text)
}

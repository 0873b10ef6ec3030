//! Folder-level knowledge: what a batch of documents teaches about each of
//! them (lines every page of a site repeats, how the batch spells a word).

use std::collections::HashMap;

use crate::document::{Document, TextRole};

/// What was learned from a batch of documents, shared read-only by the
/// passes that run on each of them.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    documents: usize,
    /// For each normalised block text, how many documents hold it.
    block_frequency: HashMap<String, u32>,
    /// How the batch writes each word mid-sentence: capitalised standing
    /// alone against lowercase (see [`crate::passes::casing::CasingCounts`]).
    pub word_casing: crate::passes::casing::CasingCounts,
}

impl Corpus {
    /// Learns from `docs` (freshly ingested, before any pass). The result does
    /// not depend on the order of `docs`.
    pub fn learn<'a>(docs: impl IntoIterator<Item = &'a Document>) -> Self {
        let mut c = Corpus::default();
        for doc in docs {
            c.documents += 1;
            let mut seen = std::collections::HashSet::new();
            for b in &doc.blocks {
                b.for_each_text(|role, t| {
                    if role != TextRole::Code {
                        crate::passes::casing::count_word_casing(t, &mut c.word_casing);
                        let key = normalise_line(t);
                        if !key.is_empty() && seen.insert(key.clone()) {
                            *c.block_frequency.entry(key).or_insert(0) += 1;
                        }
                    }
                });
            }
        }
        c
    }

    /// How many documents the batch held.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// How many documents of the batch hold a text equal to `text` once
    /// normalised (case, white space, quotes).
    pub fn frequency(&self, text: &str) -> u32 {
        self.block_frequency
            .get(&normalise_line(text))
            .copied()
            .unwrap_or(0)
    }
}

/// The key under which a line is counted: lowercase, white space folded,
/// typographic quotes made straight, ends trimmed of punctuation.
pub fn normalise_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for ch in text.chars() {
        let ch = match ch {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c => c,
        };
        if ch.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(ch.to_lowercase());
    }
    out.trim_matches(|c: char| c.is_ascii_punctuation() && c != '\'' && c != '"')
        .to_string()
}

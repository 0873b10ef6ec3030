//! Folder-level knowledge: what a batch of documents teaches about each of
//! them (lines every page of a site repeats, how the batch spells a word).
//!
//! A batch run has two phases: learn from every freshly ingested document,
//! then run the passes on each with the learned [`Corpus`]. A library caller
//! does the same with their own batch:
//!
//! ```
//! use pristine::{Corpus, Options, Pipeline};
//! let pages = [
//!     "Harbour Weekly, news from the quay since 1998.\n\nThe ferry timetable changes on Monday, and the first boat now leaves at six.\n",
//!     "Harbour Weekly, news from the quay since 1998.\n\nThe lighthouse reopened to visitors after a long winter of repairs.\n",
//!     "Harbour Weekly, news from the quay since 1998.\n\nFishermen landed a record catch of mackerel in the bay this week.\n",
//! ];
//! let options = Options::default();
//! let mut docs: Vec<_> = pages
//!     .iter()
//!     .map(|p| pristine::ingest::text::ingest(p, &options).unwrap())
//!     .collect();
//! let corpus = Corpus::learn(&docs);
//! assert_eq!(corpus.frequency("harbour weekly, news from the quay since 1998"), 3);
//! let pipeline = Pipeline::default();
//! for doc in &mut docs {
//!     pipeline.run_in_batch(doc, Some(&corpus));
//!     assert!(!doc.text().contains("Harbour Weekly"));
//! }
//! ```
//!
//! What is learned depends only on the set of documents, never on their
//! order or on how many threads ingested them.

use std::collections::{HashMap, HashSet};

use crate::document::{Block, Document, TextRole};

/// A line counts as repeated page chrome when at least this many documents
/// of one site (or of the batch, when sites cannot be told) hold it.
pub const MIN_RECURRENCE: u32 = 3;

/// What was learned from a batch of documents, shared read-only by the
/// passes that run on each of them.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    documents: usize,
    /// For each normalised line (hashed), how many documents hold it.
    line_frequency: HashMap<u64, u32>,
    /// For each (site, normalised line) pair (hashed), how many documents
    /// of that site hold the line.
    site_line_frequency: HashMap<u64, u32>,
    /// Documents per site (hashed site key).
    site_documents: HashMap<u64, u32>,
    /// How many documents of the batch write each word capitalised standing
    /// alone mid-sentence, and how many write it lowercase mid-sentence
    /// (keyed as [`crate::passes::casing::CasingCounts`]).
    pub word_casing: crate::passes::casing::CasingCounts,
}

impl Corpus {
    /// Learns from `docs` (freshly ingested, before any pass). The result does
    /// not depend on the order of `docs`.
    pub fn learn<'a>(docs: impl IntoIterator<Item = &'a Document>) -> Self {
        let mut c = Corpus::default();
        let mut seen = HashSet::new();
        let mut doc_casing = crate::passes::casing::CasingCounts::default();
        for doc in docs {
            c.documents += 1;
            let site = site_key(doc).map(|s| hash_str(&s));
            if let Some(site) = site {
                *c.site_documents.entry(site).or_insert(0) += 1;
            }
            seen.clear();
            for b in &doc.blocks {
                for_each_line(b, |line| {
                    let key = normalise_line(line);
                    if !key.is_empty() {
                        seen.insert(hash_str(&key));
                    }
                });
                // Only running prose counts: menus, titles and teasers of a
                // raw page capitalise words that are common nouns elsewhere.
                b.for_each_text(|role, t| {
                    if role != TextRole::Code && reads_as_prose(t) {
                        crate::passes::casing::count_word_casing(t, &mut doc_casing);
                    }
                });
            }
            // Word casing is counted in documents, not occurrences: one page
            // repeating a product name is not a folder's usage.
            for (word, (caps, lower)) in doc_casing.drain() {
                let e = c.word_casing.entry(word).or_insert((0, 0));
                e.0 += u32::from(caps > 0);
                e.1 += u32::from(lower > 0);
            }
            for &h in &seen {
                *c.line_frequency.entry(h).or_insert(0) += 1;
                if let Some(site) = site {
                    *c.site_line_frequency.entry(mix(site, h)).or_insert(0) += 1;
                }
            }
        }
        c
    }

    /// How many documents the batch held.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// How many documents of the batch hold a line equal to `text` once
    /// normalised (case, white space, quotes).
    pub fn frequency(&self, text: &str) -> u32 {
        self.line_frequency
            .get(&hash_str(&normalise_line(text)))
            .copied()
            .unwrap_or(0)
    }

    /// How many documents of `doc`'s site hold `text` (of the whole batch
    /// when the site cannot be told from the document's URL or source path).
    pub fn frequency_for(&self, doc: &Document, text: &str) -> u32 {
        match site_key(doc).map(|s| hash_str(&s)) {
            Some(site) if self.site_documents.get(&site).is_some_and(|&n| n > 1) => self
                .site_line_frequency
                .get(&mix(site, hash_str(&normalise_line(text))))
                .copied()
                .unwrap_or(0),
            _ => self.frequency(text),
        }
    }

    /// True when `text` recurs in enough documents of `doc`'s site to be
    /// page chrome rather than the document's own (see [`MIN_RECURRENCE`]).
    /// Whether it is prose that happens to repeat is for the caller to judge.
    pub fn recurs(&self, doc: &Document, text: &str) -> bool {
        self.documents >= MIN_RECURRENCE as usize && self.frequency_for(doc, text) >= MIN_RECURRENCE
    }
}

/// Calls `f` on each line of text a block holds: a heading, a paragraph's
/// lines, each list item, a quote; table cells and code are left out.
pub fn for_each_line(block: &Block, mut f: impl FnMut(&str)) {
    if matches!(block, Block::Table(_) | Block::Code { .. }) {
        return;
    }
    block.for_each_text(|role, t| match role {
        TextRole::ListLabel => {}
        TextRole::ListText => f(t),
        _ => t.split('\n').for_each(&mut f),
    });
}

/// The site a document belongs to: its URL's host, else the folder of its
/// source path; `None` when neither is known.
pub fn site_key(doc: &Document) -> Option<String> {
    if let Some(url) = &doc.meta.url {
        let rest = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.trim_start_matches("www.").to_ascii_lowercase();
        if !host.is_empty() {
            return Some(host);
        }
    }
    let source = doc.meta.source.as_deref()?;
    let (dir, _) = source.rsplit_once(['/', '\\'])?;
    (!dir.is_empty()).then(|| dir.to_string())
}

/// True when `text` is running prose: a dozen words or more, ending like a
/// sentence.
fn reads_as_prose(text: &str) -> bool {
    const MIN_WORDS: usize = 12;
    let t = text.trim_end();
    t.ends_with(['.', '!', '?', '"', '\u{201D}'])
        && t.split_whitespace().nth(MIN_WORDS - 1).is_some()
}

/// FNV-1a: a fixed hash, so what is learned is the same on every run.
fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn mix(a: u64, b: u64) -> u64 {
    (a ^ b.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;

    fn doc(text: &str, source: &str) -> Document {
        let mut d = crate::ingest::text::ingest(text, &Options::default()).unwrap();
        d.meta.source = Some(source.into());
        d
    }

    #[test]
    fn counts_documents_not_occurrences() {
        let a = doc("Menu line\n\nMenu line\n\nBody one.\n", "a.txt");
        let b = doc("Menu line\n\nBody two.\n", "b.txt");
        let c = Corpus::learn([&a, &b]);
        assert_eq!(c.frequency("menu  LINE"), 2);
        assert_eq!(c.frequency("Body one."), 1);
    }

    #[test]
    fn sites_are_told_apart_by_folder() {
        let docs: Vec<Document> = (0..3)
            .map(|i| {
                doc(
                    "Shared footer words\n\nBody text.\n",
                    &format!("one/{i}.txt"),
                )
            })
            .chain((0..3).map(|i| doc("Other footer\n\nBody.\n", &format!("two/{i}.txt"))))
            .collect();
        let c = Corpus::learn(&docs);
        assert!(c.recurs(&docs[0], "Shared footer words"));
        assert_eq!(c.frequency_for(&docs[3], "Shared footer words"), 0);
    }
}

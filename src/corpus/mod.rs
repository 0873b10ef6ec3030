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
//! What is learned depends only on the documents and their order, never on
//! how many threads read them: a run feeds documents in input order.
//!
//! ## Repeats are not chrome
//!
//! A scraped folder often holds one article twice (a page saved under two
//! URLs, a feed fetched again). Its lines then recur in the folder without
//! being page furniture, and counting them would strip the article from
//! every copy. So each document is fingerprinted first: an exact copy of a
//! document already learned (same lines once normalised) or a near copy
//! (most of its long, sentence-like lines shared) teaches nothing more, and
//! a line counts as chrome only when enough *different* documents hold it.
//!
//! ## Bounded memory
//!
//! Counts are kept per line hash, not per document, and when the tables
//! grow past a cap the lines seen only once are forgotten (they cannot be
//! chrome yet). Forgetting only ever lowers a count, so at worst a repeated
//! line is kept, never an article line dropped.

internal_mod!(
    /// How often each word is written capitalised and lowercase.
    casing
);

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::document::{Block, Document, TextRole};
use crate::text::normalise::{self, Fold};

/// A line counts as repeated page chrome when at least this many documents
/// of one site (or of the batch, when sites cannot be told) hold it.
pub const MIN_RECURRENCE: u32 = 3;

/// Most distinct lines (and site-line pairs) counted before the lines seen
/// once are forgotten; about 16 bytes each.
const MAX_LINE_ENTRIES: usize = 4_000_000;

/// Most distinct words whose casing is counted before words seen in one
/// document only are forgotten.
const MAX_CASING_ENTRIES: usize = 1_000_000;

/// A document whose long lines are at least this share of another's (by
/// estimated Jaccard similarity) is a near copy of it.
const NEAR_COPY_SIMILARITY: f64 = 0.5;

/// Lines of at least this many words are the ones that tell documents
/// apart (chrome lines are short and shared by every page of a site).
const LONG_LINE_WORDS: usize = 8;

/// Hash functions in a near-copy signature, and the rows per LSH band.
const SIGNATURE: usize = 16;
const BAND_ROWS: usize = 2;

/// Long-line hashes kept per document to measure a candidate's similarity
/// (the smallest ones: exact for shorter documents, an estimate beyond).
const SKETCH: usize = 32;

/// Candidates checked per band, the latest first: bounds the work when a
/// long line (a footer paragraph) is in every page of a site.
const MAX_CANDIDATES: usize = 64;

/// What was learned from a batch of documents, shared read-only by the
/// passes that run on each of them.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Corpus {
    documents: usize,
    /// Documents left out of the counts as exact or near copies of one
    /// learned before.
    #[serde(default)]
    copies: usize,
    /// For each normalised line (hashed), how many documents hold it.
    #[serde(with = "sorted_map")]
    line_frequency: HashMap<u64, u32>,
    /// For each (site, normalised line) pair (hashed), how many documents
    /// of that site hold the line.
    #[serde(with = "sorted_map")]
    site_line_frequency: HashMap<u64, u32>,
    /// Documents per site (hashed site key).
    #[serde(with = "sorted_map")]
    site_documents: HashMap<u64, u32>,
    /// How many documents of the batch write each word capitalised standing
    /// alone mid-sentence, and how many write it lowercase mid-sentence
    /// (keyed as `crate::corpus::casing::CasingCounts`).
    #[serde(with = "sorted_casing")]
    pub(crate) word_casing: crate::corpus::casing::CasingCounts,
}

/// Learns a [`Corpus`] one document at a time, in bounded memory, leaving
/// out exact and near copies of documents it has already learned.
#[derive(Debug, Default)]
pub struct CorpusBuilder {
    corpus: Corpus,
    /// Content hashes of the documents learned.
    exact: HashSet<u64>,
    /// Bottom-k sketches of the long lines of the documents learned, and
    /// an index from each LSH band of their MinHash signature to them.
    sketches: Vec<Box<[u64]>>,
    bands: HashMap<u64, Vec<u32>>,
}

/// What [`CorpusBuilder::add`] made of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Learned {
    /// Its lines and words were counted.
    New,
    /// It repeats a document learned before, line for line; nothing counted.
    Copy,
    /// Most of its long lines are those of a document learned before;
    /// nothing counted.
    NearCopy,
}

/// What one document can teach, measured on the document alone: a run
/// measures many documents at once, then a [`CorpusBuilder`] adds what
/// each teaches in input order (see [`CorpusBuilder::add_facts`]).
#[derive(Debug, Clone, Default)]
pub struct DocumentFacts {
    /// Hashes of the document's distinct normalised lines, sorted.
    lines: Vec<u64>,
    /// Hashes of its distinct long lines, as first met.
    long_lines: Vec<u64>,
    /// Its site (hashed), when it can be told.
    site: Option<u64>,
    /// The words its prose writes capitalised mid-sentence and lowercase
    /// mid-sentence (each counted once or more).
    casing: crate::corpus::casing::CasingCounts,
}

impl DocumentFacts {
    /// Measures `doc` (freshly ingested, before any pass).
    pub fn of(doc: &Document) -> Self {
        let mut seen = HashSet::new();
        let mut long_lines = Vec::new();
        let mut casing = crate::corpus::casing::CasingCounts::default();
        for b in doc.blocks() {
            for_each_line(b, |line| {
                // Hashed as it is folded: the line's key is never built.
                let (mut h, mut bytes, mut spaces) = (normalise::FNV_OFFSET, 0usize, 0usize);
                normalise::fold_bytes(line, Fold::Line, |b| {
                    h = normalise::fnv_step(h, b);
                    bytes += 1;
                    spaces += usize::from(b == b' ');
                });
                if bytes == 0 {
                    return;
                }
                if seen.insert(h) && spaces >= LONG_LINE_WORDS - 1 {
                    long_lines.push(h);
                }
            });
            // Only running prose counts: menus, titles and teasers of a
            // raw page capitalise words that are common nouns elsewhere.
            b.for_each_text(|role, t| {
                if role != TextRole::Code && reads_as_prose(t) {
                    casing::count_word_casing(t, &mut casing);
                }
            });
        }
        let mut lines: Vec<u64> = seen.into_iter().collect();
        lines.sort_unstable();
        DocumentFacts {
            lines,
            long_lines,
            site: site_key(doc).map(|s| hash_str(&s)),
            casing,
        }
    }
}

impl CorpusBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Learns from `doc` (freshly ingested, before any pass), unless it is a
    /// copy of a document learned before.
    pub fn add(&mut self, doc: &Document) -> Learned {
        self.add_facts(DocumentFacts::of(doc))
    }

    /// Learns what a document teaches (measured by [`DocumentFacts::of`]),
    /// unless it is a copy of a document learned before: the same as
    /// [`CorpusBuilder::add`] on the document.
    pub fn add_facts(&mut self, facts: DocumentFacts) -> Learned {
        let DocumentFacts {
            lines,
            mut long_lines,
            site,
            casing,
        } = facts;
        // Exact copy: the same set of lines (order-free, so a reflowed copy
        // of the same page still counts).
        let content = lines
            .iter()
            .fold(0xcbf2_9ce4_8422_2325u64, |h, &l| mix(h, l));
        if !lines.is_empty() && !self.exact.insert(content) {
            self.corpus.copies += 1;
            return Learned::Copy;
        }
        if long_lines.len() >= 2 {
            let sig = signature(&long_lines);
            long_lines.sort_unstable();
            long_lines.truncate(SKETCH);
            if self.is_near_copy(&sig, &long_lines) {
                self.corpus.copies += 1;
                return Learned::NearCopy;
            }
            let id = self.sketches.len() as u32;
            for key in band_keys(&sig) {
                self.bands.entry(key).or_default().push(id);
            }
            self.sketches.push(long_lines.into_boxed_slice());
        }
        self.count(&lines, site, casing);
        Learned::New
    }

    fn is_near_copy(&self, sig: &[u64; SIGNATURE], sketch: &[u64]) -> bool {
        let mut checked = HashSet::new();
        for key in band_keys(sig) {
            let Some(ids) = self.bands.get(&key) else {
                continue;
            };
            for &id in ids.iter().rev().take(MAX_CANDIDATES) {
                if checked.insert(id)
                    && similarity(sketch, &self.sketches[id as usize]) >= NEAR_COPY_SIMILARITY
                {
                    return true;
                }
            }
        }
        false
    }

    fn count(
        &mut self,
        lines: &[u64],
        site: Option<u64>,
        casing: crate::corpus::casing::CasingCounts,
    ) {
        let c = &mut self.corpus;
        c.documents += 1;
        if let Some(site) = site {
            *c.site_documents.entry(site).or_insert(0) += 1;
        }
        // Word casing is counted in documents, not occurrences: one page
        // repeating a product name is not a folder's usage.
        for (word, (caps, lower)) in casing {
            let e = c.word_casing.entry(word).or_insert((0, 0));
            e.0 += u32::from(caps > 0);
            e.1 += u32::from(lower > 0);
        }
        for &h in lines {
            *c.line_frequency.entry(h).or_insert(0) += 1;
            if let Some(site) = site {
                *c.site_line_frequency.entry(mix(site, h)).or_insert(0) += 1;
            }
        }
        if c.line_frequency.len() > MAX_LINE_ENTRIES {
            c.line_frequency.retain(|_, n| *n > 1);
        }
        if c.site_line_frequency.len() > MAX_LINE_ENTRIES {
            c.site_line_frequency.retain(|_, n| *n > 1);
        }
        if c.word_casing.len() > MAX_CASING_ENTRIES {
            c.word_casing.retain(|_, (caps, lower)| *caps + *lower > 1);
        }
    }

    /// The knowledge learned so far.
    pub fn finish(self) -> Corpus {
        self.corpus
    }
}

/// A MinHash signature of a set of line hashes: for each of [`SIGNATURE`]
/// seeded mixes, the least value over the set.
fn signature(lines: &[u64]) -> [u64; SIGNATURE] {
    let mut sig = [u64::MAX; SIGNATURE];
    for &l in lines {
        for (k, slot) in sig.iter_mut().enumerate() {
            let v = mix(l, 0x9e37_79b9_7f4a_7c15u64.wrapping_mul(k as u64 + 1));
            if v < *slot {
                *slot = v;
            }
        }
    }
    sig
}

/// Jaccard similarity of two sets from their bottom-k sketches (sorted):
/// the share of the union's k smallest values that both hold.
fn similarity(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut both, mut seen) = (0, 0, 0usize, 0usize);
    while seen < SKETCH && (i < a.len() || j < b.len()) {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                both += 1;
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => i += 1,
            (Some(_), Some(_)) => j += 1,
            (Some(_), None) => i += 1,
            (None, _) => j += 1,
        }
        seen += 1;
    }
    if seen == 0 {
        0.0
    } else {
        both as f64 / seen as f64
    }
}

/// One key per band of [`BAND_ROWS`] signature rows: documents sharing a key
/// are candidates for a near-copy check.
fn band_keys(sig: &[u64; SIGNATURE]) -> impl Iterator<Item = u64> + '_ {
    sig.chunks(BAND_ROWS)
        .enumerate()
        .map(|(band, rows)| rows.iter().fold(band as u64 + 1, |h, &r| mix(h, r)))
}

impl Corpus {
    /// Learns from `docs` (freshly ingested, before any pass), leaving out
    /// copies of documents already learned (see [`CorpusBuilder`]).
    pub fn learn<'a>(docs: impl IntoIterator<Item = &'a Document>) -> Self {
        let mut b = CorpusBuilder::new();
        for doc in docs {
            b.add(doc);
        }
        b.finish()
    }

    /// How many distinct documents the batch held (copies left out).
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// How many documents were left out as copies of others.
    pub fn copies(&self) -> usize {
        self.copies
    }

    /// How many documents of the batch hold a line equal to `text` once
    /// normalised (case, white space, quotes).
    pub fn frequency(&self, text: &str) -> u32 {
        self.line_frequency
            .get(&normalise::key_hash(text, Fold::Line))
            .copied()
            .unwrap_or(0)
    }

    /// How many documents of `doc`'s site hold `text` (of the whole batch
    /// when the site cannot be told from the document's URL or source path).
    pub fn frequency_for(&self, doc: &Document, text: &str) -> u32 {
        match site_key(doc).map(|s| hash_str(&s)) {
            Some(site) if self.site_documents.get(&site).is_some_and(|&n| n > 1) => self
                .site_line_frequency
                .get(&mix(site, normalise::key_hash(text, Fold::Line)))
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

    /// The knowledge as JSON, keys sorted, so the same folder always gives
    /// the same file.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a Corpus always serialises")
    }

    /// Knowledge written by [`Corpus::to_json`].
    pub fn from_json(text: &str) -> crate::Result<Corpus> {
        serde_json::from_str(text).map_err(|e| {
            crate::Error::new(crate::ErrorKind::Json, format!("not a knowledge file: {e}"))
        })
    }
}

/// Serialises a hash map as a list of pairs sorted by key.
mod sorted_map {
    use std::collections::HashMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(map: &HashMap<u64, u32>, s: S) -> Result<S::Ok, S::Error> {
        let mut pairs: Vec<(u64, u32)> = map.iter().map(|(&k, &v)| (k, v)).collect();
        pairs.sort_unstable();
        pairs.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<HashMap<u64, u32>, D::Error> {
        Ok(Vec::<(u64, u32)>::deserialize(d)?.into_iter().collect())
    }
}

/// Serialises word casing counts as a list sorted by word.
mod sorted_casing {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::corpus::casing::CasingCounts;

    pub fn serialize<S: Serializer>(map: &CasingCounts, s: S) -> Result<S::Ok, S::Error> {
        let mut rows: Vec<(&str, u32, u32)> =
            map.iter().map(|(k, &(a, b))| (k.as_str(), a, b)).collect();
        rows.sort_unstable();
        rows.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<CasingCounts, D::Error> {
        Ok(Vec::<(String, u32, u32)>::deserialize(d)?
            .into_iter()
            .map(|(k, a, b)| (k, (a, b)))
            .collect())
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
    s.bytes().fold(normalise::FNV_OFFSET, normalise::fnv_step)
}

fn mix(a: u64, b: u64) -> u64 {
    (a ^ b.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
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
    fn copies_teach_nothing_more() {
        let body = "The ferry timetable changes on Monday and the first boat now leaves at six.\n\n\
                    Harbour officials said the change follows a survey of commuters last year.\n";
        let a = doc(&format!("Menu line\n\n{body}"), "s/a.txt");
        let b = doc(&format!("Menu line\n\n{body}"), "s/b.txt");
        let c = doc(
            &format!("Menu line\n\n{body}Posted on Tuesday\n"),
            "s/c.txt",
        );
        let mut builder = CorpusBuilder::new();
        assert_eq!(builder.add(&a), Learned::New);
        assert_eq!(builder.add(&b), Learned::Copy);
        assert_eq!(builder.add(&c), Learned::NearCopy);
        let corpus = builder.finish();
        assert_eq!(corpus.documents(), 1);
        assert_eq!(corpus.copies(), 2);
        assert!(!corpus.recurs(&a, "Menu line"));
    }

    #[test]
    fn knowledge_round_trips_through_json() {
        let docs: Vec<Document> = (0..4)
            .map(|i| {
                doc(
                    &format!("Shared footer words\n\nBody {i}.\n"),
                    &format!("one/{i}.txt"),
                )
            })
            .collect();
        let c = Corpus::learn(&docs);
        let json = c.to_json();
        let back = Corpus::from_json(&json).unwrap();
        assert_eq!(back.to_json(), json);
        assert!(back.recurs(&docs[0], "Shared footer words"));
    }

    #[test]
    fn sites_are_told_apart_by_folder() {
        let docs: Vec<Document> = (0..3)
            .map(|i| {
                doc(
                    &format!("Shared footer words\n\nBody text {i}.\n"),
                    &format!("one/{i}.txt"),
                )
            })
            .chain((0..3).map(|i| {
                doc(
                    &format!("Other footer\n\nBody {i}.\n"),
                    &format!("two/{i}.txt"),
                )
            }))
            .collect();
        let c = Corpus::learn(&docs);
        assert!(c.recurs(&docs[0], "Shared footer words"));
        assert_eq!(c.frequency_for(&docs[3], "Shared footer words"), 0);
    }
}

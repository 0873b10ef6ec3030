//! The review page: one self-contained HTML file that shows a run's
//! documents, with every edit in place and every removal beside its reason.
//!
//! People look before they trust a cleanup. The page is built from what a run
//! already records — the documents (with their `edits` and `removed` logs)
//! and the `--report` summary — and needs nothing else: no network, no
//! external script, style or font, so it opens from a `file://` URL in an
//! air-gapped browser.
//!
//! ```no_run
//! use std::path::Path;
//! // The outputs of `pristine pages -o out --report out/summary.json`:
//! let review = pristine::review::Review::from_dir(Path::new("out"), None).unwrap();
//! std::fs::write("report.html", review.to_html()).unwrap();
//! ```
//!
//! Two choices keep a run of ten thousand documents opening in about a
//! second: each document is embedded as its own JSON island
//! (`<script type="application/json">`) that the page parses only when the
//! document is opened, and the document list is drawn in slices as it is
//! scrolled. Data never reaches the page as markup: every `<` in the embedded
//! JSON is written `\u003c`, and the page's script builds the view with
//! `textContent` only, under a content security policy that lets no other
//! script run.

#[cfg(feature = "cli")]
pub mod command;
mod load;
mod page;
mod place;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::batch::Outcome;
use crate::document::{Block, Document};
use crate::error::Result;

pub use place::{BlockView, DocumentView, Segment};

/// A run, gathered for the review page: its summary and its documents.
#[derive(Debug, Clone, Default)]
pub struct Review {
    /// The run's `--report` summary as written, when one was found.
    pub summary: Option<serde_json::Value>,
    /// Where the summary was read from (shown on the page).
    pub summary_file: Option<PathBuf>,
    /// Documents and failures, in the order read.
    pub entries: Vec<Entry>,
}

/// One document of a run: cleaned, or failed with a reason.
#[derive(Debug, Clone)]
pub enum Entry {
    /// A cleaned document.
    Document {
        /// The record's id (JSON Lines inputs), if it had one.
        id: Option<String>,
        /// The document.
        document: Box<Document>,
    },
    /// A document that could not be cleaned or read.
    Failed(Failure),
}

/// Why a document has no output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// The input it came from.
    pub source: String,
    /// The error's kind (`"invalid-utf8"`, `"gzip"`, ...).
    pub kind: String,
    /// What happened, in words.
    pub reason: String,
}

impl Entry {
    /// The input this entry came from.
    pub fn source(&self) -> &str {
        match self {
            Entry::Document { document, .. } => document.meta.source.as_deref().unwrap_or(""),
            Entry::Failed(f) => &f.source,
        }
    }
}

impl Review {
    /// Gathers a finished run from its output folder: every `.json` document
    /// and every line of every `.jsonl` output under `dir`. The summary is
    /// `summary` when given, else a `--report` file found in `dir` or beside
    /// it (recognised by its fields, whatever its name). Unreadable outputs
    /// become failures on the page rather than errors; only a folder that
    /// cannot be read at all is an error.
    pub fn from_dir(dir: &Path, summary: Option<&Path>) -> Result<Review> {
        load::from_dir(dir, summary)
    }

    /// Gathers a run still in memory: its outcomes and its summary (the
    /// `--report` JSON, whose failures also name inputs that never became
    /// documents).
    pub fn from_outcomes<'a>(
        outcomes: impl IntoIterator<Item = &'a Outcome>,
        summary: Option<serde_json::Value>,
    ) -> Review {
        let entries = outcomes
            .into_iter()
            .map(|o| match &o.document {
                Ok(doc) => Entry::Document {
                    id: o.id.clone(),
                    document: Box::new(doc.clone()),
                },
                Err(e) => Entry::Failed(Failure {
                    source: o.source.clone(),
                    kind: e.kind().as_str().to_string(),
                    reason: e.message().to_string(),
                }),
            })
            .collect();
        let mut review = Review {
            summary,
            summary_file: None,
            entries,
        };
        review.add_summary_failures();
        review
    }

    /// Uses `summary` (a run's `--report` JSON) as the page's summary,
    /// whatever was found beside the outputs.
    pub fn with_summary(mut self, summary: serde_json::Value) -> Review {
        self.summary = Some(summary);
        self.summary_file = None;
        self.add_summary_failures();
        self
    }

    /// Failures the summary names that no entry stands for (inputs that
    /// could not even be read) join the list, so every failure is visible.
    fn add_summary_failures(&mut self) {
        let Some(failed) = self
            .summary
            .as_ref()
            .and_then(|s| s.get("failed"))
            .and_then(|f| f.as_array())
        else {
            return;
        };
        let known: std::collections::HashSet<String> = self
            .entries
            .iter()
            .map(|e| e.source().to_string())
            .collect();
        let text = |v: &serde_json::Value, k: &str| {
            v.get(k)
                .and_then(|x| x.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let extra: Vec<Entry> = failed
            .iter()
            .map(|f| Failure {
                source: text(f, "source"),
                kind: text(f, "kind"),
                reason: text(f, "reason"),
            })
            .filter(|f| !known.contains(&f.source))
            .map(Entry::Failed)
            .collect();
        self.entries.extend(extra);
    }

    /// The totals the page's summary shows: from the run's summary where it
    /// has them (documents read and written, skipped files), counted from
    /// the entries otherwise.
    pub fn totals(&self) -> Totals {
        let mut t = Totals::default();
        for e in &self.entries {
            match e {
                Entry::Document { document: d, .. } => {
                    t.documents_written += 1;
                    for ed in &d.edits {
                        *t.edits_per_pass.entry(ed.pass.clone()).or_default() += 1;
                        if is_table_rebuild(d, d.index_of(ed.block), &ed.pass) {
                            t.tables_rebuilt += 1;
                        }
                    }
                    for r in &d.removed {
                        *t.removed_per_pass.entry(r.pass.clone()).or_default() += 1;
                    }
                    let lang = d.meta.language.clone().unwrap_or_default();
                    *t.languages.entry(lang).or_default() += 1;
                    t.tables += d
                        .blocks()
                        .iter()
                        .filter(|b| matches!(b, Block::Table(_)))
                        .count();
                }
                Entry::Failed(_) => t.documents_failed += 1,
            }
        }
        t.documents_read = t.documents_written + t.documents_failed;
        if let Some(s) = &self.summary {
            let count = |k: &str| s.get(k).and_then(|v| v.as_u64()).map(|n| n as usize);
            if let Some(n) = count("documents_read") {
                t.documents_read = n;
            }
            if let Some(n) = count("documents_written") {
                t.documents_written = n;
            }
            if let Some(skipped) = s.get("skipped").and_then(|v| v.as_array()) {
                t.files_skipped = skipped.len();
            }
            t.seconds = s.get("seconds").and_then(|v| v.as_f64());
        }
        t
    }

    /// The page: one self-contained HTML file.
    pub fn to_html(&self) -> String {
        page::render(self)
    }
}

/// A table rebuilt from text: the edit the `tables` pass logs on the table
/// block it made. Counted as "tables" on the page, apart from word edits.
fn is_table_rebuild(doc: &Document, block: Option<usize>, pass: &str) -> bool {
    pass == "tables"
        && matches!(
            block.and_then(|b| doc.blocks().get(b)),
            Some(Block::Table(_))
        )
}

/// What the page's summary shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
    /// Documents the run read (cleaned or failed).
    pub documents_read: usize,
    /// Documents written.
    pub documents_written: usize,
    /// Documents that failed.
    pub documents_failed: usize,
    /// Files the run skipped (not a kind it reads).
    pub files_skipped: usize,
    /// Edits, by pass.
    pub edits_per_pass: BTreeMap<String, usize>,
    /// Removals, by pass.
    pub removed_per_pass: BTreeMap<String, usize>,
    /// Documents by language (`""` when undetected).
    pub languages: BTreeMap<String, usize>,
    /// Table blocks in all documents.
    pub tables: usize,
    /// Of these, tables rebuilt from text by the `tables` pass.
    pub tables_rebuilt: usize,
    /// The run's time, when the summary records it.
    pub seconds: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Edit, Removed};

    fn doc(source: &str) -> Document {
        let mut d = Document::default();
        d.meta.source = Some(source.into());
        d.meta.language = Some("en".into());
        d.add(Block::Paragraph {
            text: "It rained with force.".into(),
        });
        d.edits.push(Edit {
            pass: "typos".into(),
            block: 0,
            before: "wiht".into(),
            after: "with".into(),
        });
        d.removed.push(Removed {
            pass: "boilerplate".into(),
            text: "Share this".into(),
            reason: "share prompt".into(),
            place: crate::document::Place::Unknown,
        });
        d
    }

    #[test]
    fn summary_failures_join_the_entries_once() {
        let summary = serde_json::json!({
            "documents_read": 3, "documents_written": 1,
            "failed": [
                {"source": "bad.txt", "kind": "invalid-utf8", "reason": "byte 4"},
                {"source": "gone.html", "kind": "io", "reason": "unreadable"}
            ],
            "skipped": ["x.pdf"]
        });
        let mut r = Review {
            summary: Some(summary),
            summary_file: None,
            entries: vec![
                Entry::Document {
                    id: None,
                    document: Box::new(doc("a.txt")),
                },
                Entry::Failed(Failure {
                    source: "bad.txt".into(),
                    kind: "invalid-utf8".into(),
                    reason: "byte 4".into(),
                }),
            ],
        };
        r.add_summary_failures();
        assert_eq!(r.entries.len(), 3);
        let t = r.totals();
        assert_eq!(t.documents_read, 3);
        assert_eq!(t.documents_written, 1);
        assert_eq!(t.documents_failed, 2);
        assert_eq!(t.files_skipped, 1);
        assert_eq!(t.edits_per_pass["typos"], 1);
        assert_eq!(t.removed_per_pass["boilerplate"], 1);
        assert_eq!(t.languages["en"], 1);
    }
}

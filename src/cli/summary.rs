//! What a run did, as `--report` writes it and as the exit status tells it.

use std::collections::BTreeMap;

use pristine::Document;

/// The run's summary.
#[derive(serde::Serialize, Default)]
pub struct Summary {
    /// Documents read (records of JSON Lines and WARC files counted one by one).
    pub documents_read: usize,
    /// Documents whose output was written.
    pub documents_written: usize,
    /// Inputs whose output was already complete (`--resume`).
    pub resumed: usize,
    /// Documents left out of folder learning as copies of others.
    pub copies_not_learned: usize,
    /// Paths passed over on purpose, with why.
    pub skipped: Vec<SkippedPath>,
    /// Documents and files that failed, with why.
    pub failed: Vec<Failure>,
    /// Edits per pass.
    pub edits_per_pass: BTreeMap<String, usize>,
    /// Removals per pass.
    pub removed_per_pass: BTreeMap<String, usize>,
    /// Documents per detected language (`und` when unsure).
    pub languages: BTreeMap<String, usize>,
    /// Tables in the outputs.
    pub tables: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// The process's peak resident memory in KiB, where the system tells it.
    pub peak_rss_kib: Option<u64>,
}

/// The process's peak resident set size in KiB (Linux's `VmHWM`).
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// A path passed over.
#[derive(serde::Serialize)]
pub struct SkippedPath {
    /// The path.
    pub path: String,
    /// Why.
    pub reason: String,
}

/// A failure.
#[derive(serde::Serialize)]
pub struct Failure {
    /// The document or file.
    pub source: String,
    /// The error's kind (`too-large`, `gzip`, ...).
    pub kind: String,
    /// The error in words.
    pub reason: String,
}

/// What the summary needs of one cleaned document, kept small so workers
/// can drop the document itself as soon as it is rendered.
#[derive(Default)]
pub struct DocCounts {
    edits: BTreeMap<String, usize>,
    removed: BTreeMap<String, usize>,
    language: Option<String>,
    tables: usize,
}

impl DocCounts {
    /// Counts `doc`'s log.
    pub fn of(doc: &Document) -> Self {
        let mut c = DocCounts {
            language: doc.meta.language.clone(),
            tables: doc
                .blocks()
                .iter()
                .filter(|b| matches!(b, pristine::Block::Table(_)))
                .count(),
            ..Default::default()
        };
        for e in &doc.edits {
            *c.edits.entry(e.pass.clone()).or_default() += 1;
        }
        for r in &doc.removed {
            *c.removed.entry(r.pass.clone()).or_default() += 1;
        }
        c
    }
}

impl Summary {
    /// Names a failure on stderr and records it.
    pub fn fail(&mut self, source: String, err: &pristine::Error) {
        eprintln!("pristine: {source}: {err}");
        self.failed.push(Failure {
            source,
            kind: err.kind().as_str().to_string(),
            reason: err.message().to_string(),
        });
    }

    /// Adds one document's counts.
    pub fn count(&mut self, c: DocCounts) {
        for (k, v) in c.edits {
            *self.edits_per_pass.entry(k).or_default() += v;
        }
        for (k, v) in c.removed {
            *self.removed_per_pass.entry(k).or_default() += v;
        }
        let lang = c.language.unwrap_or_else(|| "und".to_string());
        *self.languages.entry(lang).or_default() += 1;
        self.tables += c.tables;
    }
}

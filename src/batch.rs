//! Cleaning many documents at once: finding inputs, reading them, learning
//! from the whole batch, and running the pipeline on each in parallel.
//!
//! A batch runs in two phases. First every input is read and ingested; then
//! what the batch teaches (lines every page of a site repeats, how the batch
//! spells a word) is learned into a [`Corpus`], and the pipeline runs on each
//! document with it. Results come back in input order whatever the number of
//! threads, so output never depends on scheduling.
//!
//! ```
//! use pristine::batch::{Batch, Payload, Record};
//! let records = vec![
//!     Record::new("a.txt", Payload::Text("First page.\n\nIt has one short paragraph of text.".into())),
//!     Record::new("b.txt", Payload::Text("Second page.\n\nIt has another paragraph.".into())),
//! ];
//! let results = Batch::new(pristine::Pipeline::default()).run(records);
//! assert!(results.iter().all(|r| r.document.is_ok()));
//! ```

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::corpus::Corpus;
use crate::document::Document;
use crate::error::{Error, ErrorKind, Result};
use crate::ingest;
use crate::pipeline::Pipeline;

/// How an input file is read, from its extension (a `.gz` suffix is looked through).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// `.html`, `.htm`, `.xhtml`.
    Html,
    /// `.txt`, `.text`, `.md`.
    Text,
    /// `.jsonl`: one record a line with `html` or `text`, optional `id` and `url`.
    JsonLines,
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
            _ => None,
        }
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

/// What walking the inputs found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Files to read, in a stable order (inputs in the order given, each
    /// folder's files sorted by name).
    pub files: Vec<InputFile>,
    /// Files skipped because of their extension.
    pub skipped: Vec<PathBuf>,
    /// Paths that could not be walked.
    pub errors: Vec<(PathBuf, Error)>,
}

/// Walks `inputs` (files and folders, folders recursively).
///
/// A path that does not exist is an error of kind [`ErrorKind::Io`], returned
/// before anything is read, so a typo in a command line fails fast.
pub fn discover(inputs: &[PathBuf]) -> Result<Discovery> {
    for p in inputs {
        if std::fs::symlink_metadata(p).is_err() {
            return Err(Error::new(
                ErrorKind::Io,
                format!("{}: no such file or folder", p.display()),
            ));
        }
    }
    let mut d = Discovery::default();
    for input in inputs {
        if !input.is_dir() {
            let relative = input
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| input.clone());
            push_file(&mut d, input.clone(), relative);
            continue;
        }
        let walker = walkdir::WalkDir::new(input)
            .follow_links(false)
            .sort_by_file_name();
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) => {
                    let relative = e
                        .path()
                        .strip_prefix(input)
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|_| e.path().to_path_buf());
                    push_file(&mut d, e.path().to_path_buf(), relative);
                }
                Err(err) => {
                    let path = err
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| input.clone());
                    let msg = format!("{}: cannot be walked: {err}", path.display());
                    d.errors.push((path, Error::new(ErrorKind::Io, msg)));
                }
            }
        }
    }
    Ok(d)
}

fn push_file(d: &mut Discovery, path: PathBuf, relative: PathBuf) {
    match InputKind::of(&path) {
        Some(kind) => d.files.push(InputFile {
            path,
            relative,
            kind,
        }),
        None => d.skipped.push(path),
    }
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
}

/// Reads one input file into records (one, or one per JSON Lines line).
/// Failures become `Payload::Failed` records, so one bad file or line never
/// stops the others.
pub fn read_file(file: &InputFile) -> Vec<Record> {
    let source = file.relative.to_string_lossy().into_owned();
    let bytes = match std::fs::read(&file.path) {
        Ok(b) => b,
        Err(e) => {
            let err = Error::new(ErrorKind::Io, format!("cannot read: {e}"));
            return vec![Record::new(source, Payload::Failed(err))];
        }
    };
    match file.kind {
        InputKind::Html => vec![Record::new(source, Payload::Html(bytes))],
        InputKind::Text => vec![Record::new(source, Payload::TextBytes(bytes))],
        InputKind::JsonLines => read_json_lines(&source, &bytes),
    }
}

/// Splits a JSON Lines file into records; a record needs `html` or `text`.
pub fn read_json_lines(source: &str, bytes: &[u8]) -> Vec<Record> {
    let text = match ingest::decode::decode_text(bytes, None) {
        Ok(t) => t,
        Err(e) => return vec![Record::new(source, Payload::Failed(e))],
    };
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let name = format!("{source}:{}", i + 1);
        let value: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                let err = Error::new(ErrorKind::Json, format!("line {}: {e}", i + 1));
                out.push(Record::new(name, Payload::Failed(err)));
                continue;
            }
        };
        let field = |k: &str| value.get(k).and_then(|v| v.as_str()).map(str::to_string);
        let id = field("id").or_else(|| {
            value
                .get("id")
                .filter(|v| v.is_number())
                .map(|v| v.to_string())
        });
        let payload = match (field("html"), field("text")) {
            (Some(h), _) => Payload::Html(h.into_bytes()),
            (None, Some(t)) => Payload::Text(t),
            (None, None) => Payload::Failed(Error::new(
                ErrorKind::Json,
                format!(
                    "line {}: a record needs an \"html\" or \"text\" string",
                    i + 1
                ),
            )),
        };
        out.push(Record {
            source: name,
            id,
            url: field("url"),
            payload,
        });
    }
    out
}

/// One record's outcome.
#[derive(Debug)]
pub struct Outcome {
    /// The record's source name.
    pub source: String,
    /// The record's id, if it had one.
    pub id: Option<String>,
    /// The cleaned document, or why there is none.
    pub document: Result<Document>,
}

/// Cleans records with one pipeline, learning from the whole batch first.
#[derive(Debug, Clone)]
pub struct Batch {
    pipeline: Pipeline,
    learn: bool,
}

impl Batch {
    /// A batch that runs `pipeline` and learns folder-level knowledge.
    pub fn new(pipeline: Pipeline) -> Self {
        Batch {
            pipeline,
            learn: true,
        }
    }

    /// Switches folder-level learning on or off (on by default).
    pub fn learn(mut self, on: bool) -> Self {
        self.learn = on;
        self
    }

    /// Ingests one record into a document (no passes yet).
    pub fn ingest(&self, record: Record) -> (String, Option<String>, Result<Document>) {
        let opts = self.pipeline.options();
        let doc = match record.payload {
            Payload::Html(bytes) => ingest::html::ingest_bytes(&bytes, opts),
            Payload::TextBytes(bytes) => ingest::text::ingest_bytes(&bytes, opts),
            Payload::Text(text) => ingest::text::ingest(&text, opts),
            Payload::Failed(e) => Err(e),
        };
        let doc = doc.map(|mut d| {
            d.meta.source = Some(record.source.clone());
            if record.url.is_some() {
                d.meta.url = record.url;
            }
            d
        });
        (record.source, record.id, doc)
    }

    /// Runs the whole batch on the current rayon pool; outcomes come back in
    /// the order of `records`.
    pub fn run(&self, records: Vec<Record>) -> Vec<Outcome> {
        self.run_with_progress(records, &|| {})
    }

    /// Like [`Batch::run`], calling `tick` once per document finished.
    pub fn run_with_progress(
        &self,
        records: Vec<Record>,
        tick: &(dyn Fn() + Sync),
    ) -> Vec<Outcome> {
        let ingested: Vec<_> = records.into_par_iter().map(|r| self.ingest(r)).collect();
        let corpus = if self.learn && ingested.len() > 1 {
            Some(Corpus::learn(
                ingested.iter().filter_map(|(_, _, d)| d.as_ref().ok()),
            ))
        } else {
            None
        };
        ingested
            .into_par_iter()
            .map(|(source, id, doc)| {
                let document = doc.map(|mut d| {
                    self.pipeline.run_in_batch(&mut d, corpus.as_ref());
                    d
                });
                tick();
                Outcome {
                    source,
                    id,
                    document,
                }
            })
            .collect()
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
        assert_eq!(InputKind::of(Path::new("x.pdf")), None);
        assert_eq!(InputKind::of(Path::new("gz")), None);
    }

    #[test]
    fn json_lines_records_and_their_failures() {
        let recs = read_json_lines(
            "f.jsonl",
            b"{\"id\": 7, \"text\": \"Hello there.\"}\n\nnot json\n{\"id\": \"x\"}\n{\"html\": \"<p>Hi</p>\", \"url\": \"https://e.org/\"}\n",
        );
        assert_eq!(recs.len(), 4);
        assert_eq!(recs[0].id.as_deref(), Some("7"));
        assert!(matches!(recs[1].payload, Payload::Failed(_)));
        assert_eq!(recs[1].source, "f.jsonl:3");
        assert!(matches!(recs[2].payload, Payload::Failed(_)));
        assert_eq!(recs[3].url.as_deref(), Some("https://e.org/"));
    }
}

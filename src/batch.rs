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

use rayon::prelude::*;

use crate::corpus::Corpus;
use crate::document::Document;
use crate::error::Result;
use crate::ingest;
use crate::pipeline::Pipeline;

pub use crate::input::discover::{Discovery, Skipped, WalkPolicy};
pub use crate::input::read::read_json_lines;
pub use crate::input::{InputFile, InputKind, Payload, Record};

/// Walks `inputs` (files and folders, folders recursively) with the default
/// policy: links leaving a folder are skipped, nothing is excluded.
pub fn discover(inputs: &[std::path::PathBuf]) -> Result<Discovery> {
    crate::input::discover::discover(inputs, &WalkPolicy::default())
}

/// Reads one input file into records (one, or one per JSON Lines line or
/// WARC response), with the default limits. Failures become
/// `Payload::Failed` records, so one bad file or line never stops the others.
pub fn read_file(file: &InputFile) -> Vec<Record> {
    crate::input::read::records(file, &crate::options::Options::default()).collect()
}

/// A record ingested, before any pass: its source name, its id if it had
/// one, and its document or why there is none.
pub type Ingested = (String, Option<String>, Result<Document>);

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
    pub fn ingest(&self, record: Record) -> Ingested {
        ingest_record(record, self.pipeline.options())
    }

    /// Cleans one record with what the batch taught (`corpus`): ingest, then
    /// the passes, within the options' time budget.
    pub fn clean(&self, record: Record, corpus: Option<&Corpus>) -> Outcome {
        let started = std::time::Instant::now();
        self.run_passes(self.ingest(record), corpus, started)
    }

    /// Cleans a record already ingested by [`Batch::ingest`] (say while
    /// learning from the batch, kept so as not to ingest it twice): the
    /// passes, within the options' time budget.
    pub fn clean_ingested(&self, ingested: Ingested, corpus: Option<&Corpus>) -> Outcome {
        self.run_passes(ingested, corpus, std::time::Instant::now())
    }

    fn run_passes(
        &self,
        (source, id, doc): Ingested,
        corpus: Option<&Corpus>,
        started: std::time::Instant,
    ) -> Outcome {
        let document = doc.and_then(|mut d| {
            self.pipeline.run_within(&mut d, corpus, started)?;
            Ok(d)
        });
        Outcome {
            source,
            id,
            document,
        }
    }

    /// The pipeline this batch runs.
    pub fn pipeline(&self) -> &Pipeline {
        &self.pipeline
    }
}

/// Ingests one record into a document (no passes yet), carrying its source
/// name, id and URL into the document's metadata.
pub fn ingest_record(record: Record, opts: &crate::options::Options) -> Ingested {
    let doc = match record.payload {
        Payload::Html(bytes) => ingest::html::ingest_bytes(&bytes, opts),
        Payload::TextBytes(bytes) => ingest::text::ingest_bytes(&bytes, opts),
        Payload::Text(text) => ingest::text::ingest(&text, opts),
        Payload::Failed(e) => Err(e),
    };
    let doc = doc.map(|mut d| {
        d.meta.source = Some(record.source.clone());
        d.meta.id = record.id.clone();
        if record.url.is_some() {
            d.meta.url = record.url;
        }
        d
    });
    (record.source, record.id, doc)
}

impl Batch {
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
                let started = std::time::Instant::now();
                let document = doc.and_then(|mut d| {
                    self.pipeline.run_within(&mut d, corpus.as_ref(), started)?;
                    Ok(d)
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

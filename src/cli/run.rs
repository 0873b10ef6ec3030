//! A run over files and folders, streamed: documents flow through in
//! chunks, so memory holds a few documents per worker whatever the size of
//! the folder, and outputs come out in input order for any number of workers.
//!
//! A folder run has two phases over the same inputs. The first reads every
//! document once and learns the folder's knowledge ([`Corpus`]: lines its
//! pages repeat, how it writes words); the second cleans each with that
//! knowledge, each worker rendering and writing its own outputs atomically.
//! The documents ingested while learning are kept for cleaning up to a
//! fixed budget of input bytes; files past it are read and ingested again,
//! so memory stays bounded whatever the size of the folder. Knowledge can instead come from a file written by
//! `pristine learn`, so many machines clean with what one learned.

use std::collections::VecDeque;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use pristine::batch::{Batch, Ingested, InputFile, Outcome, Record, WalkPolicy};
use pristine::corpus::{CorpusBuilder, DocumentFacts};
use pristine::input::read::{JsonLines, records};
use pristine::render::Format;
use pristine::{Corpus, Error, ErrorKind, Options, Pipeline};
use rayon::prelude::*;

use super::output::{AtomicFile, InputGuard, output_names, sweep_stale_temporaries};
use super::summary::{DocCounts, SkippedPath, Summary};

/// Documents handed to the workers at once, per worker.
const CHUNK_PER_WORKER: usize = 32;
/// Bytes of input read ahead at most, whatever the number of documents.
const CHUNK_BYTES: usize = 128 * 1024 * 1024;
/// Bytes of input whose documents, ingested while learning, are kept for
/// cleaning rather than read and ingested again.
const KEEP_INGESTED_BYTES: usize = 64 * 1024 * 1024;

/// Everything a run needs, validated before it starts.
pub struct RunConfig {
    /// Files and folders, or `-` alone for JSON Lines on stdin.
    pub inputs: Vec<PathBuf>,
    /// Output folder; stdout when absent.
    pub out: Option<PathBuf>,
    /// Output format.
    pub format: Format,
    /// Worker threads; all cores when absent.
    pub jobs: Option<usize>,
    /// The passes.
    pub pipeline: Pipeline,
    /// Where the summary goes.
    pub report: Option<PathBuf>,
    /// Show a progress bar.
    pub progress: bool,
    /// Read file links leaving the input folders.
    pub follow: bool,
    /// Skip inputs whose output is already there.
    pub resume: bool,
    /// Folder knowledge to use instead of learning it.
    pub knowledge: Option<Corpus>,
    /// Learn folder knowledge (off: every document is cleaned alone).
    pub learn: bool,
    /// Where the review page of the run goes (built from the outputs).
    pub html_report: Option<PathBuf>,
    /// Sync every output to disk before renaming it into place.
    pub durable: bool,
}

/// The records of many files in order, each tagged with its file's index.
struct RecordStream<'a> {
    files: &'a [InputFile],
    skip: &'a [bool],
    options: &'a Options,
    next_file: usize,
    current: Option<(usize, Box<dyn Iterator<Item = Record> + Send>)>,
}

impl<'a> RecordStream<'a> {
    fn new(files: &'a [InputFile], skip: &'a [bool], options: &'a Options) -> Self {
        RecordStream {
            files,
            skip,
            options,
            next_file: 0,
            current: None,
        }
    }
}

impl Iterator for RecordStream<'_> {
    type Item = (usize, Record);

    fn next(&mut self) -> Option<(usize, Record)> {
        loop {
            if let Some((i, it)) = &mut self.current {
                if let Some(r) = it.next() {
                    return Some((*i, r));
                }
                self.current = None;
            }
            let i = self.next_file;
            if i >= self.files.len() {
                return None;
            }
            self.next_file += 1;
            if !self.skip[i] {
                self.current = Some((i, records(&self.files[i], self.options)));
            }
        }
    }
}

/// What a worker is handed: a record to read, or a document kept from
/// learning, already ingested.
enum Work {
    Read(Record),
    Ingested(Box<Ingested>),
}

/// Bytes an item of work brings into memory when read.
trait Weight {
    fn bytes(&self) -> usize;
}

impl Weight for Record {
    fn bytes(&self) -> usize {
        self.payload.len()
    }
}

impl Weight for Work {
    fn bytes(&self) -> usize {
        match self {
            Work::Read(r) => r.bytes(),
            // Already in memory, counted while it was kept.
            Work::Ingested(_) => 0,
        }
    }
}

/// The next chunk of work: up to `max` items or [`CHUNK_BYTES`] read.
fn next_chunk<T, W: Weight>(stream: &mut impl Iterator<Item = (T, W)>, max: usize) -> Vec<(T, W)> {
    let mut chunk = Vec::with_capacity(max);
    let mut bytes = 0;
    for (tag, w) in stream.by_ref() {
        bytes += w.bytes();
        chunk.push((tag, w));
        if chunk.len() >= max || bytes >= CHUNK_BYTES {
            break;
        }
    }
    chunk
}

/// Documents ingested while learning, kept for cleaning so that a folder
/// of up to [`KEEP_INGESTED_BYTES`] is read and ingested once; the files
/// past that are read again. Whole files only, in input order.
struct Kept {
    files: VecDeque<(usize, Vec<Ingested>)>,
    bytes: usize,
    budget: usize,
    full: bool,
}

impl Kept {
    fn new(budget: usize) -> Self {
        Kept {
            files: VecDeque::new(),
            bytes: 0,
            budget,
            full: budget == 0,
        }
    }

    /// Keeps `ingested`, the next record of file `owner` (`bytes` read),
    /// unless the budget is spent; a file the budget ends in is let go
    /// whole, to be read again.
    fn keep(&mut self, owner: usize, bytes: usize, ingested: Ingested) {
        if self.full {
            return;
        }
        self.bytes += bytes;
        if self.bytes > self.budget {
            self.full = true;
            if self.files.back().is_some_and(|(o, _)| *o == owner) {
                self.files.pop_back();
            }
            return;
        }
        match self.files.back_mut() {
            Some((o, docs)) if *o == owner => docs.push(ingested),
            _ => self.files.push_back((owner, vec![ingested])),
        }
    }

    /// Whether file `owner`'s documents are all kept.
    fn holds(&self, owner: usize) -> bool {
        self.files.binary_search_by_key(&owner, |(o, _)| *o).is_ok()
    }
}

/// The work of the cleaning phase in input order: the kept documents, and
/// records read from the files that were not kept.
struct CleanStream<I: Iterator<Item = (usize, Record)>> {
    kept: VecDeque<(usize, Vec<Ingested>)>,
    current: Option<(usize, std::vec::IntoIter<Ingested>)>,
    read: std::iter::Peekable<I>,
}

impl<I: Iterator<Item = (usize, Record)>> Iterator for CleanStream<I> {
    type Item = (usize, Work);

    fn next(&mut self) -> Option<(usize, Work)> {
        loop {
            if let Some((owner, docs)) = &mut self.current {
                if let Some(d) = docs.next() {
                    return Some((*owner, Work::Ingested(Box::new(d))));
                }
                self.current = None;
            }
            let next_kept = self.kept.front().map(|(o, _)| *o);
            let next_read = self.read.peek().map(|(o, _)| *o);
            match (next_kept, next_read) {
                (Some(k), r) if r.is_none_or(|r| k < r) => {
                    let (owner, docs) = self.kept.pop_front()?;
                    self.current = Some((owner, docs.into_iter()));
                }
                _ => return self.read.next().map(|(o, r)| (o, Work::Read(r))),
            }
        }
    }
}

fn pool(jobs: Option<usize>) -> Result<rayon::ThreadPool, String> {
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = jobs {
        pool = pool.num_threads(n);
    }
    pool.build()
        .map_err(|e| format!("cannot start worker threads: {e}"))
}

/// Streams `records` through `pool` in chunks of [`CHUNK_PER_WORKER`] per
/// worker: `work` runs on each record in parallel, then `take` receives the
/// chunk's results in input order and says whether to go on. The one loop
/// behind learning, cleaning and the stdin mapper.
fn stream_through<T: Send, W: Weight + Send, R: Send>(
    pool: &rayon::ThreadPool,
    records: &mut impl Iterator<Item = (T, W)>,
    work: impl Fn(T, W) -> R + Sync,
    mut take: impl FnMut(Vec<R>) -> bool,
) {
    let max = pool.current_num_threads() * CHUNK_PER_WORKER;
    loop {
        let chunk = next_chunk(records, max);
        if chunk.is_empty() {
            return;
        }
        let results: Vec<R> =
            pool.install(|| chunk.into_par_iter().map(|(t, r)| work(t, r)).collect());
        if !take(results) {
            return;
        }
    }
}

/// Learns the folder knowledge from `files` (phase one), in input order.
pub fn learn(files: &[InputFile], options: &Options, pool: &rayon::ThreadPool) -> Corpus {
    learn_keeping(files, options, pool, false).0
}

/// Learns as [`learn`] does; with `keep`, also returns the documents
/// ingested on the way, up to the budget, for the cleaning phase.
fn learn_keeping(
    files: &[InputFile],
    options: &Options,
    pool: &rayon::ThreadPool,
    keep: bool,
) -> (Corpus, Kept) {
    let skip = vec![false; files.len()];
    let mut stream = RecordStream::new(files, &skip, options);
    let mut builder = CorpusBuilder::new();
    let mut kept = Kept::new(if keep { KEEP_INGESTED_BYTES } else { 0 });
    stream_through(
        pool,
        &mut stream,
        // Each document is measured by its worker; only adding up what it
        // teaches is done in turn, in input order.
        |owner, r| {
            let bytes = r.payload.len();
            let ingested = pristine::batch::ingest_record(r, options);
            let facts = ingested.2.as_ref().ok().map(DocumentFacts::of);
            (owner, bytes, ingested, facts)
        },
        |docs| {
            for (owner, bytes, ingested, facts) in docs {
                if let Some(f) = facts {
                    builder.add_facts(f);
                }
                kept.keep(owner, bytes, ingested);
            }
            true
        },
    );
    (builder.finish(), kept)
}

/// Walks the inputs and records what was passed over or refused.
fn discover(
    inputs: &[PathBuf],
    policy: &WalkPolicy,
    summary: &mut Summary,
) -> Result<Vec<InputFile>, String> {
    let found =
        pristine::input::discover::discover(inputs, policy).map_err(|e| e.message().to_string())?;
    let mut other_kinds = 0;
    for s in &found.skipped {
        if s.reason.starts_with("not a kind") {
            other_kinds += 1;
        } else {
            eprintln!("pristine: {}: skipped: {}", s.path.display(), s.reason);
        }
        summary.skipped.push(SkippedPath {
            path: s.path.display().to_string(),
            reason: s.reason.clone(),
        });
    }
    if other_kinds > 0 {
        eprintln!(
            "pristine: skipped {other_kinds} file(s) of kinds pristine does not read (listed in --report)"
        );
    }
    for (path, err) in &found.errors {
        summary.fail(path.display().to_string(), err);
    }
    Ok(found.files)
}

/// One cleaned record, as the writer needs it.
struct Done {
    owner: usize,
    source: String,
    counts: Result<DocCounts, Error>,
    /// The text for the stream or the many-record output file, if any.
    text: Option<String>,
    /// Whether the worker wrote the document's own output file.
    written: Result<bool, Error>,
}

/// Where outputs go.
enum Destination<'a> {
    /// One output file per input under a folder.
    Folder {
        dir: &'a Path,
        targets: &'a [PathBuf],
        guard: &'a InputGuard,
        durable: bool,
    },
    /// Standard output: the one document as such, or JSON Lines.
    Stdout { single: bool },
}

/// Runs the whole job over files and folders.
pub fn run(cfg: RunConfig) -> Result<Summary, String> {
    let started = Instant::now();
    let mut summary = Summary::default();
    if cfg.inputs.len() == 1 && cfg.inputs[0] == Path::new("-") {
        run_stdin(&cfg, &mut summary)?;
        summary.seconds = started.elapsed().as_secs_f64();
        write_report(&cfg, &mut summary)?;
        return Ok(summary);
    }
    if let Some(dir) = &cfg.out
        && dir.exists()
    {
        sweep_stale_temporaries(dir);
    }
    let policy = WalkPolicy {
        follow_links_out: cfg.follow,
        exclude: cfg.out.clone(),
    };
    let files = discover(&cfg.inputs, &policy, &mut summary)?;
    let pool = pool(cfg.jobs)?;
    let options = cfg.pipeline.options().clone();

    let targets = cfg
        .out
        .as_ref()
        .map(|_| output_names(&files, cfg.format.extension()))
        .unwrap_or_default();
    let skip: Vec<bool> = match &cfg.out {
        Some(dir) if cfg.resume => targets.iter().map(|t| dir.join(t).is_file()).collect(),
        _ => vec![false; files.len()],
    };
    summary.resumed = skip.iter().filter(|&&s| s).count();

    let mut kept = Kept::new(0);
    let corpus = match &cfg.knowledge {
        Some(k) => Some(k.clone()),
        None if cfg.learn && (files.len() > 1 || files.iter().any(|f| f.kind.holds_many())) => {
            let (c, k) = learn_keeping(&files, &options, &pool, true);
            kept = k;
            summary.copies_not_learned = c.copies();
            (c.documents() + c.copies() > 1).then_some(c)
        }
        None => None,
    };

    let guard = InputGuard::new(&files);
    let single = cfg.out.is_none()
        && files.len() == 1
        && !files[0].kind.holds_many()
        && summary.failed.is_empty();
    let dest = match &cfg.out {
        Some(dir) => Destination::Folder {
            dir,
            targets: &targets,
            guard: &guard,
            durable: cfg.durable,
        },
        None => Destination::Stdout { single },
    };
    let batch = Batch::new(cfg.pipeline.clone());
    let bar = progress_bar(cfg.progress, files.len() - summary.resumed);
    let mut writer = Writer::new(&dest, &files);
    // Files kept from learning are not read again; resumed ones not at all.
    let read_skip: Vec<bool> = (0..files.len()).map(|i| skip[i] || kept.holds(i)).collect();
    kept.files.retain(|(owner, _)| !skip[*owner]);
    let mut stream = CleanStream {
        kept: kept.files,
        current: None,
        read: RecordStream::new(&files, &read_skip, &options).peekable(),
    };
    stream_through(
        &pool,
        &mut stream,
        |owner, w| {
            let outcome = match w {
                Work::Read(r) => batch.clean(r, corpus.as_ref()),
                Work::Ingested(i) => batch.clean_ingested(*i, corpus.as_ref()),
            };
            finish(owner, outcome, &files[owner], &dest, cfg.format)
        },
        |done| {
            for d in done {
                if writer.take(d, &mut summary, &bar) == Flow::Stop {
                    return false;
                }
            }
            true
        },
    );
    writer.close(&mut summary);
    bar.finish_and_clear();
    summary.seconds = started.elapsed().as_secs_f64();
    write_report(&cfg, &mut summary)?;
    Ok(summary)
}

/// A worker's last steps for one record: count, render, and write its own
/// output file when it has one.
fn finish(
    owner: usize,
    o: Outcome,
    file: &InputFile,
    dest: &Destination<'_>,
    format: Format,
) -> Done {
    let counts = o.document.as_ref().map(DocCounts::of).map_err(Clone::clone);
    let mut done = Done {
        owner,
        source: o.source.clone(),
        counts,
        text: None,
        written: Ok(false),
    };
    match dest {
        Destination::Folder { .. } if file.kind.holds_many() => {
            done.text = Some(json_line(&o, format));
        }
        Destination::Folder {
            dir,
            targets,
            guard,
            durable,
        } => {
            if let Ok(doc) = &o.document {
                let target = dir.join(&targets[owner]);
                let text = with_newline(format.render(doc));
                done.written = write_document(&target, guard, &text, *durable);
            }
        }
        Destination::Stdout { single: true } => {
            if let Ok(doc) = &o.document {
                done.text = Some(with_newline(format.render(doc)));
            }
        }
        Destination::Stdout { single: false } => {
            if o.document.is_ok() {
                done.text = Some(json_line(&o, format) + "\n");
            }
        }
    }
    done
}

fn with_newline(mut t: String) -> String {
    if !t.ends_with('\n') {
        t.push('\n');
    }
    t
}

fn write_document(
    target: &Path,
    guard: &InputGuard,
    text: &str,
    durable: bool,
) -> Result<bool, Error> {
    guard
        .check(target)
        .map_err(|m| Error::new(ErrorKind::Write, m))?;
    super::output::write_atomically(target, text.as_bytes(), durable).map_err(|e| {
        Error::new(
            ErrorKind::Write,
            format!("cannot write {}: {e}", target.display()),
        )
    })?;
    Ok(true)
}

#[derive(PartialEq, Eq)]
enum Flow {
    Go,
    Stop,
}

/// Takes finished records in input order: counts them, writes what goes to
/// the stream or to a many-record output, and commits each output file of
/// many records when its last record is in.
struct Writer<'a> {
    dest: &'a Destination<'a>,
    files: &'a [InputFile],
    stdout: std::io::BufWriter<std::io::Stdout>,
    /// The many-record output being written: its file's index, and the file
    /// (`None` once writing it failed).
    many: Option<(usize, Option<AtomicFile>)>,
    last_owner: Option<usize>,
    stopped: bool,
}

impl<'a> Writer<'a> {
    fn new(dest: &'a Destination<'a>, files: &'a [InputFile]) -> Self {
        Writer {
            dest,
            files,
            stdout: std::io::BufWriter::new(std::io::stdout()),
            many: None,
            last_owner: None,
            stopped: false,
        }
    }

    fn take(&mut self, d: Done, summary: &mut Summary, bar: &indicatif::ProgressBar) -> Flow {
        if self.last_owner != Some(d.owner) {
            if self.last_owner.is_some() {
                bar.inc(1);
            }
            self.last_owner = Some(d.owner);
        }
        summary.documents_read += 1;
        let ok = d.counts.is_ok();
        match d.counts {
            Ok(c) => summary.count(c),
            Err(e) => summary.fail(d.source.clone(), &e),
        }
        match d.written {
            Ok(true) => summary.documents_written += 1,
            Ok(false) => {}
            Err(e) => summary.fail(d.source.clone(), &e),
        }
        let Some(text) = d.text else {
            return Flow::Go;
        };
        match self.dest {
            Destination::Folder {
                dir,
                targets,
                guard,
                durable,
            } => {
                if self.many.as_ref().map(|(o, _)| *o) != Some(d.owner) {
                    self.commit_many(summary);
                    let target = dir.join(&targets[d.owner]);
                    let file = guard
                        .check(&target)
                        .map_err(|m| Error::new(ErrorKind::Write, m))
                        .and_then(|()| {
                            AtomicFile::create(&target, *durable).map_err(|e| {
                                Error::new(
                                    ErrorKind::Write,
                                    format!("cannot write {}: {e}", target.display()),
                                )
                            })
                        });
                    let file = match file {
                        Ok(f) => Some(f),
                        Err(e) => {
                            let name = self.files[d.owner].relative.display().to_string();
                            summary.fail(name, &e);
                            None
                        }
                    };
                    self.many = Some((d.owner, file));
                }
                if let Some((owner, slot)) = &mut self.many
                    && let Some(f) = slot
                {
                    let line = text + "\n";
                    if let Err(e) = f.write_all(line.as_bytes()) {
                        let name = self.files[*owner].relative.display().to_string();
                        let err = Error::new(ErrorKind::Write, format!("cannot write: {e}"));
                        summary.fail(name, &err);
                        *slot = None;
                    } else if ok {
                        summary.documents_written += 1;
                    }
                }
                Flow::Go
            }
            Destination::Stdout { .. } => {
                let written = self
                    .stdout
                    .write_all(text.as_bytes())
                    .and_then(|()| self.stdout.flush());
                match written {
                    Ok(()) => {
                        summary.documents_written += 1;
                        Flow::Go
                    }
                    Err(e) => {
                        self.stop_on_stdout_error(e, summary);
                        Flow::Stop
                    }
                }
            }
        }
    }

    fn stop_on_stdout_error(&mut self, e: std::io::Error, summary: &mut Summary) {
        self.stopped = true;
        // A closed pipe (`| head`) is the reader saying it has enough.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            let err = Error::new(ErrorKind::Write, format!("cannot write: {e}"));
            summary.fail("standard output".into(), &err);
        }
    }

    fn commit_many(&mut self, summary: &mut Summary) {
        if let Some((owner, Some(f))) = self.many.take()
            && let Err(e) = f.commit()
        {
            let name = self.files[owner].relative.display().to_string();
            let err = Error::new(ErrorKind::Write, format!("cannot write: {e}"));
            summary.fail(name, &err);
        }
    }

    fn close(&mut self, summary: &mut Summary) {
        self.commit_many(summary);
        if !self.stopped
            && let Err(e) = self.stdout.flush()
        {
            self.stop_on_stdout_error(e, summary);
        }
    }
}

/// `pristine -`: JSON Lines on stdin, one JSON line out per line in, in
/// order, a failed line as an error object; nothing is learned (use
/// `--knowledge` for folder knowledge).
fn run_stdin(cfg: &RunConfig, summary: &mut Summary) -> Result<(), String> {
    let pool = pool(cfg.jobs)?;
    let options = cfg.pipeline.options().clone();
    let reader: Box<dyn std::io::BufRead + Send> = Box::new(std::io::BufReader::with_capacity(
        64 * 1024,
        std::io::stdin(),
    ));
    let mut stream = JsonLines::new("-", reader, options.max_input_bytes, true).map(|r| ((), r));
    let batch = Batch::new(cfg.pipeline.clone());
    let corpus = cfg.knowledge.as_ref();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let mut failed_write = None;
    stream_through(
        &pool,
        &mut stream,
        |_, r| {
            let o = batch.clean(r, corpus);
            let counts = o.document.as_ref().map(DocCounts::of).map_err(Clone::clone);
            (json_line(&o, cfg.format), counts)
        },
        |lines| {
            for (line, counts) in lines {
                summary.documents_read += 1;
                match counts {
                    Ok(c) => {
                        summary.count(c);
                        summary.documents_written += 1;
                    }
                    Err(e) => summary.failed.push(super::summary::Failure {
                        source: "-".into(),
                        kind: e.kind().as_str().into(),
                        reason: e.message().into(),
                    }),
                }
                if let Err(e) = out
                    .write_all(line.as_bytes())
                    .and_then(|()| out.write_all(b"\n"))
                {
                    failed_write = Some(e);
                    return false;
                }
            }
            // Flushed per chunk: a mapper's reader sees lines as they are made.
            match out.flush() {
                Ok(()) => true,
                Err(e) => {
                    failed_write = Some(e);
                    false
                }
            }
        },
    );
    if let Some(e) = failed_write {
        return stdout_error(e, summary);
    }
    Ok(())
}

fn stdout_error(e: std::io::Error, summary: &mut Summary) -> Result<(), String> {
    if e.kind() != std::io::ErrorKind::BrokenPipe {
        let err = Error::new(ErrorKind::Write, format!("cannot write: {e}"));
        summary.fail("standard output".into(), &err);
    }
    Ok(())
}

/// One JSON Lines line for a record: the JSON document, or for other formats
/// an object holding the rendered text; a failed record gets an error object
/// so lines stay aligned with the input.
pub fn json_line(o: &Outcome, format: Format) -> String {
    match (&o.document, format) {
        (Ok(doc), Format::Json) => pristine::render::json::render_line(doc),
        (Ok(doc), f) => serde_json::json!({
            "source": o.source,
            "id": o.id,
            "format": if f == Format::Markdown { "markdown" } else { "text" },
            "content": f.render(doc),
        })
        .to_string(),
        (Err(e), _) => serde_json::json!({
            "source": o.source,
            "id": o.id,
            "error": {"kind": e.kind().as_str(), "message": e.message()},
        })
        .to_string(),
    }
}

fn write_report(cfg: &RunConfig, summary: &mut Summary) -> Result<(), String> {
    summary.peak_rss_kib = super::summary::peak_rss_kib();
    if let Some(path) = &cfg.report {
        let json = serde_json::to_string_pretty(summary).expect("summary serialises");
        super::output::write_atomically(path, json.as_bytes(), true)
            .map_err(|e| format!("cannot write the report {}: {e}", path.display()))?;
    }
    if let (Some(page), Some(out)) = (&cfg.html_report, &cfg.out) {
        let summary = serde_json::to_value(&*summary).expect("summary serialises");
        let review = pristine::review::Review::from_dir(out, None)
            .map_err(|e| format!("cannot read the outputs for the review page: {e}"))?
            .with_summary(summary);
        pristine::review::command::write_page(page, &review)
            .map_err(|e| format!("cannot write the review page {}: {e}", page.display()))?;
    }
    Ok(())
}

fn progress_bar(show: bool, len: usize) -> indicatif::ProgressBar {
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
    {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;
    use pristine::batch::Payload;

    fn ingested(name: &str) -> Ingested {
        (
            name.to_string(),
            None,
            pristine::ingest::text::ingest("Some text.", &Options::default()),
        )
    }

    fn record(name: &str) -> Record {
        Record::new(name, Payload::Text("Some text.".into()))
    }

    #[test]
    fn a_file_the_budget_ends_in_is_read_again_whole() {
        let mut kept = Kept::new(25);
        kept.keep(0, 10, ingested("a1"));
        kept.keep(1, 10, ingested("b1"));
        kept.keep(1, 10, ingested("b2"));
        kept.keep(2, 1, ingested("c1"));
        assert!(kept.holds(0));
        assert!(!kept.holds(1));
        assert!(!kept.holds(2), "nothing is kept once the budget is spent");
    }

    #[test]
    fn kept_and_read_work_comes_out_in_input_order() {
        let mut kept = Kept::new(100);
        kept.keep(0, 1, ingested("a1"));
        kept.keep(0, 1, ingested("a2"));
        kept.keep(2, 1, ingested("c1"));
        let read = vec![(1, record("b1")), (1, record("b2")), (3, record("d1"))];
        let stream = CleanStream {
            kept: kept.files,
            current: None,
            read: read.into_iter().peekable(),
        };
        let order: Vec<(usize, String, bool)> = stream
            .map(|(o, w)| match w {
                Work::Read(r) => (o, r.source, false),
                Work::Ingested(i) => (o, i.0, true),
            })
            .collect();
        let want = [
            (0, "a1", true),
            (0, "a2", true),
            (1, "b1", false),
            (1, "b2", false),
            (2, "c1", true),
            (3, "d1", false),
        ];
        assert_eq!(order, want.map(|(o, s, k)| (o, s.to_string(), k)).to_vec());
    }
}

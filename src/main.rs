//! The `pristine` command: cleans files and folders of scraped pages.
//!
//! Raw arguments are turned into validated [`Settings`] before any work
//! starts; documents are cleaned in parallel; each output is rendered whole
//! in memory and written atomically (temp file + rename).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use pristine::batch::{self, Batch, InputKind, Outcome, Record};
use pristine::render::Format;
use pristine::{Document, Pipeline};

/// Turns scraped articles (HTML pages, text dumps) into clean, structured documents.
#[derive(Parser, Debug)]
#[command(name = "pristine", version, about)]
struct Args {
    /// Files or folders (walked recursively): .html .htm .xhtml .txt .text .md, any with
    /// .gz, and .jsonl (one record a line with "html" or "text", optional "id", "url").
    #[arg(required_unless_present = "list_passes")]
    inputs: Vec<PathBuf>,

    /// Write one output per document under DIR, mirroring the inputs' relative paths.
    #[arg(short, long, value_name = "DIR")]
    out: Option<PathBuf>,

    /// Output format.
    #[arg(short, long, default_value = "json", value_parser = ["json", "markdown", "md", "text", "txt"])]
    format: String,

    /// Worker threads (default: all cores); 1 is strictly serial.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,

    /// Switch a pass off (repeatable); see --list-passes.
    #[arg(long, value_name = "PASS")]
    skip: Vec<String>,

    /// List the passes in their order and exit.
    #[arg(long)]
    list_passes: bool,

    /// Write the run's summary as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,

    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,

    /// Write the run's review page (one self-contained HTML file) to FILE.
    #[arg(long, value_name = "FILE")]
    html_report: Option<PathBuf>,
}

/// Validated settings: everything the run needs, checked before it starts.
struct Settings {
    inputs: Vec<PathBuf>,
    out: Option<PathBuf>,
    format: Format,
    jobs: Option<usize>,
    pipeline: Pipeline,
    report: Option<PathBuf>,
    html_report: Option<PathBuf>,
    progress: bool,
}

impl Settings {
    fn from_args(args: Args) -> Result<Settings, String> {
        let format: Format = args.format.parse()?;
        let mut pipeline = Pipeline::default();
        for name in &args.skip {
            pipeline
                .disable(name)
                .map_err(|e| e.message().to_string())?;
        }
        Ok(Settings {
            inputs: args.inputs,
            out: args.out,
            format,
            jobs: args.jobs.map(usize::from),
            pipeline,
            report: args.report,
            html_report: args.html_report,
            progress: !args.quiet && std::io::stderr().is_terminal(),
        })
    }
}

fn main() -> ExitCode {
    // `pristine report OUT_DIR`: the review page of a finished run.
    if std::env::args_os().nth(1).is_some_and(|a| a == "report") {
        return pristine::review::command::main(std::env::args_os().skip(2));
    }
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    if args.list_passes {
        for (name, description, _) in Pipeline::default().describe() {
            println!("{name:<12} {description}");
        }
        return ExitCode::SUCCESS;
    }
    let settings = match Settings::from_args(args) {
        Ok(s) => s,
        Err(msg) => {
            eprintln!("pristine: {msg}");
            return ExitCode::from(2);
        }
    };
    match run(settings) {
        Ok(summary) if summary.failed.is_empty() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(msg) => {
            eprintln!("pristine: {msg}");
            ExitCode::from(2)
        }
    }
}

/// What the run did, as written by `--report`.
#[derive(serde::Serialize, Default)]
struct Summary {
    documents_read: usize,
    documents_written: usize,
    skipped: Vec<String>,
    failed: Vec<Failure>,
    edits_per_pass: BTreeMap<String, usize>,
    removed_per_pass: BTreeMap<String, usize>,
    seconds: f64,
}

#[derive(serde::Serialize)]
struct Failure {
    source: String,
    kind: String,
    reason: String,
}

fn run(settings: Settings) -> Result<Summary, String> {
    let started = Instant::now();
    let found = batch::discover(&settings.inputs).map_err(|e| e.message().to_string())?;
    let mut summary = Summary {
        skipped: found
            .skipped
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        ..Default::default()
    };
    for (path, err) in &found.errors {
        fail(&mut summary, path.display().to_string(), err);
    }
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = settings.jobs {
        pool = pool.num_threads(n);
    }
    let pool = pool
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))?;

    let outcomes: Vec<(usize, Outcome)> = pool.install(|| {
        use rayon::prelude::*;
        // Records remember which file they came from, so JSON Lines inputs
        // can be written back as one file.
        let records: Vec<(usize, Record)> = found
            .files
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, f)| batch::read_file(f).into_iter().map(move |r| (i, r)))
            .collect();
        let (owners, records): (Vec<usize>, Vec<Record>) = records.into_iter().unzip();
        let bar = progress_bar(settings.progress, records.len());
        let tick = || bar.inc(1);
        let outcomes = Batch::new(settings.pipeline.clone()).run_with_progress(records, &tick);
        bar.finish_and_clear();
        owners.into_iter().zip(outcomes).collect()
    });
    summary.documents_read = outcomes.len();

    for (_, o) in &outcomes {
        match &o.document {
            Ok(doc) => count_log(&mut summary, doc),
            Err(e) => fail(&mut summary, o.source.clone(), e),
        }
    }

    match &settings.out {
        Some(dir) => write_outputs(dir, &found.files, &outcomes, settings.format, &mut summary),
        None => write_stdout(&outcomes, settings.format, &mut summary),
    }
    summary.seconds = started.elapsed().as_secs_f64();
    if let Some(path) = &settings.report {
        let json = serde_json::to_string_pretty(&summary).expect("summary serialises");
        write_atomically(path, json.as_bytes())
            .map_err(|e| format!("cannot write the report {}: {e}", path.display()))?;
    }
    if let Some(path) = &settings.html_report {
        let summary = serde_json::to_value(&summary).ok();
        let review =
            pristine::review::Review::from_outcomes(outcomes.iter().map(|(_, o)| o), summary);
        pristine::review::command::write_page(path, &review)
            .map_err(|e| format!("cannot write the review page {}: {e}", path.display()))?;
    }
    Ok(summary)
}

fn progress_bar(show: bool, len: usize) -> indicatif::ProgressBar {
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} documents {elapsed}")
    {
        bar.set_style(style);
    }
    bar
}

fn fail(summary: &mut Summary, source: String, err: &pristine::Error) {
    eprintln!("pristine: {source}: {err}");
    summary.failed.push(Failure {
        source,
        kind: err.kind().as_str().to_string(),
        reason: err.message().to_string(),
    });
}

fn count_log(summary: &mut Summary, doc: &Document) {
    for e in &doc.edits {
        *summary.edits_per_pass.entry(e.pass.clone()).or_default() += 1;
    }
    for r in &doc.removed {
        *summary.removed_per_pass.entry(r.pass.clone()).or_default() += 1;
    }
}

/// One JSON Lines line for a record: the JSON document, or for other formats
/// an object holding the rendered text; a failed record gets an error line so
/// lines stay aligned with the input.
fn json_line(o: &Outcome, format: Format) -> String {
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
            "error": e.to_string(),
        })
        .to_string(),
    }
}

fn write_stdout(outcomes: &[(usize, Outcome)], format: Format, summary: &mut Summary) {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let single = outcomes.len() == 1;
    for (_, o) in outcomes {
        let Ok(doc) = &o.document else { continue };
        let text = if single {
            let mut t = format.render(doc);
            if !t.ends_with('\n') {
                t.push('\n');
            }
            t
        } else {
            json_line(o, format) + "\n"
        };
        if out.write_all(text.as_bytes()).is_err() {
            // A closed pipe (`| head`) ends the output quietly.
            return;
        }
        summary.documents_written += 1;
    }
}

fn write_outputs(
    dir: &Path,
    files: &[batch::InputFile],
    outcomes: &[(usize, Outcome)],
    format: Format,
    summary: &mut Summary,
) {
    let targets = output_names(files, format.extension());
    // JSON Lines inputs: all records of one file go into one output file.
    let mut lines: BTreeMap<usize, String> = BTreeMap::new();
    for (owner, o) in outcomes {
        let file = &files[*owner];
        if file.kind == InputKind::JsonLines {
            let buf = lines.entry(*owner).or_default();
            buf.push_str(&json_line(o, format));
            buf.push('\n');
            if o.document.is_ok() {
                summary.documents_written += 1;
            }
            continue;
        }
        let Ok(doc) = &o.document else { continue };
        let target = dir.join(&targets[*owner]);
        if same_file(&target, &file.path) {
            let err = pristine::Error::new(
                pristine::ErrorKind::Io,
                format!("{} would overwrite its own input", target.display()),
            );
            fail(summary, o.source.clone(), &err);
            continue;
        }
        let mut text = format.render(doc);
        if !text.ends_with('\n') {
            text.push('\n');
        }
        match write_atomically(&target, text.as_bytes()) {
            Ok(()) => summary.documents_written += 1,
            Err(e) => {
                let err = pristine::Error::new(
                    pristine::ErrorKind::Io,
                    format!("cannot write {}: {e}", target.display()),
                );
                fail(summary, o.source.clone(), &err);
            }
        }
    }
    for (owner, text) in lines {
        let file = &files[owner];
        let target = dir.join(&targets[owner]);
        if let Err(e) = write_atomically(&target, text.as_bytes()) {
            let err = pristine::Error::new(
                pristine::ErrorKind::Io,
                format!("cannot write {}: {e}", target.display()),
            );
            fail(summary, file.relative.display().to_string(), &err);
        }
    }
}

/// True when `a` and `b` name the same existing file (inputs are never overwritten).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// The output path of each file, relative to the output folder: its input
/// path with the extension replaced (see [`output_name`]). Inputs that would
/// share an output (`page.html` and `page.txt`, or two inputs given by
/// files of the same name) keep their whole file name (`page.html.json`),
/// then a counter in input order: no output silently overwrites another.
fn output_names(files: &[batch::InputFile], ext: &str) -> Vec<PathBuf> {
    let ext_of = |f: &batch::InputFile| {
        if f.kind == InputKind::JsonLines {
            "jsonl"
        } else {
            ext
        }
    };
    let plain: Vec<PathBuf> = files
        .iter()
        .map(|f| output_name(&f.relative, ext_of(f)))
        .collect();
    let mut count: HashMap<&Path, usize> = HashMap::new();
    for p in &plain {
        *count.entry(p.as_path()).or_insert(0) += 1;
    }
    let mut taken: HashSet<PathBuf> = HashSet::new();
    let mut out = Vec::with_capacity(files.len());
    for (f, p) in files.iter().zip(&plain) {
        let mut name = if count[p.as_path()] > 1 {
            let full = f.relative.file_name().unwrap_or_default().to_string_lossy();
            f.relative.with_file_name(format!("{full}.{}", ext_of(f)))
        } else {
            p.clone()
        };
        let stem = name.clone();
        let mut n = 2;
        while !taken.insert(name.clone()) {
            let file = stem.file_name().unwrap_or_default().to_string_lossy();
            name = stem.with_file_name(format!("{n}-{file}"));
            n += 1;
        }
        out.push(name);
    }
    out
}

/// `site/page.html.gz` → `site/page.EXT`.
fn output_name(relative: &Path, ext: &str) -> PathBuf {
    let name = relative
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".GZ"))
        .unwrap_or(&name);
    let stem = Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string());
    relative.with_file_name(format!("{stem}.{ext}"))
}

/// Writes `bytes` to a temporary file beside `target`, then renames it over
/// `target`: an interrupted run never leaves a half-written output.
fn write_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clashing_outputs_keep_their_whole_name() {
        let file = |rel: &str, kind| batch::InputFile {
            path: PathBuf::from(rel),
            relative: PathBuf::from(rel),
            kind,
        };
        let files = [
            file("page.html", InputKind::Html),
            file("page.txt", InputKind::Text),
            file("other.txt", InputKind::Text),
            file("other.txt", InputKind::Text),
        ];
        let names = output_names(&files, "json");
        assert_eq!(
            names,
            [
                PathBuf::from("page.html.json"),
                PathBuf::from("page.txt.json"),
                PathBuf::from("other.txt.json"),
                PathBuf::from("2-other.txt.json"),
            ]
        );
    }

    #[test]
    fn output_names_mirror_inputs() {
        assert_eq!(
            output_name(Path::new("a/b.html.gz"), "json"),
            PathBuf::from("a/b.json")
        );
        assert_eq!(
            output_name(Path::new("notes.md"), "md"),
            PathBuf::from("notes.md")
        );
        assert_eq!(
            output_name(Path::new("x.y.txt"), "txt"),
            PathBuf::from("x.y.txt")
        );
    }
}

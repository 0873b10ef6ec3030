//! The `pristine` command: cleans files and folders of scraped pages.
//!
//! Raw arguments are turned into validated settings before any work starts;
//! documents stream through in chunks, cleaned in parallel; each output is
//! rendered whole and written atomically (temp file + rename).

mod cli;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use pristine::render::Format;
use pristine::{Corpus, Options, Pipeline};

use cli::run::RunConfig;

/// A cleaning run makes and frees many small strings on every thread;
/// mimalloc serves them from per-thread pages, where the system allocator
/// spends a tenth of a one-thread run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turns scraped articles (HTML pages, text dumps) into clean, structured documents.
#[derive(Parser, Debug)]
#[command(
    name = "pristine",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,

    /// Files or folders (walked recursively): .html .htm .xhtml .txt .text .md .jsonl
    /// .warc, any with .gz; or `-` alone for JSON Lines on stdin. A folder named like a
    /// subcommand is given as `./learn`.
    #[arg(required_unless_present_any = ["list_passes"])]
    inputs: Vec<PathBuf>,

    /// Write one output per document under DIR, mirroring the inputs' relative paths.
    #[arg(short, long, value_name = "DIR")]
    out: Option<PathBuf>,

    /// Output format.
    #[arg(short, long, default_value = "json", value_parser = ["json", "markdown", "md", "text", "txt"])]
    format: String,

    #[command(flatten)]
    common: Common,

    /// Switch a pass off (repeatable); see --list-passes.
    #[arg(long, value_name = "PASS")]
    skip: Vec<String>,

    /// List the passes in their order and exit.
    #[arg(long)]
    list_passes: bool,

    /// Write the run's summary as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,

    /// Skip inputs whose output under --out is already complete (after an
    /// interrupted run, the rerun does only the rest).
    #[arg(long, requires = "out")]
    resume: bool,

    /// Clean with folder knowledge written by `pristine learn` instead of learning it.
    #[arg(long, value_name = "FILE")]
    knowledge: Option<PathBuf>,

    /// Clean each document alone, learning nothing from the folder.
    #[arg(long, conflicts_with = "knowledge")]
    no_learn: bool,

    /// Sync each output to disk before renaming it into place, so outputs
    /// survive a power loss too (slower: the workers wait on the disk).
    #[arg(long)]
    durable: bool,

    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,

    /// Write the run's review page (one self-contained HTML file) to FILE;
    /// built from the outputs, so it needs --out.
    #[arg(long, value_name = "FILE", requires = "out")]
    html_report: Option<PathBuf>,
}

/// Settings shared by the run and `learn`.
#[derive(clap::Args, Debug)]
struct Common {
    /// Worker threads (default: all cores); 1 is strictly serial.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,

    /// Read file links that lead out of the input folders (skipped by default).
    #[arg(long)]
    follow: bool,

    /// Largest input (or JSON Lines / WARC record) in bytes, after gunzip;
    /// K, M, G suffixes allowed.
    #[arg(long, value_name = "BYTES", value_parser = parse_size, default_value = "64M")]
    max_input_size: usize,

    /// Most cells an HTML table may expand to.
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    max_table_cells: usize,

    /// Most elements an HTML page may hold.
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    max_nodes: usize,

    /// Most seconds one document may take.
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0)]
    time_budget: f64,

    /// Take every document to be in this language (ISO 639-1, e.g. `en`)
    /// instead of detecting it.
    #[arg(long, value_name = "CODE")]
    language: Option<String>,
}

impl Common {
    fn options(&self) -> Result<Options, String> {
        if !(self.time_budget.is_finite() && self.time_budget > 0.0) {
            return Err("--time-budget must be a positive number of seconds".into());
        }
        Ok(Options {
            max_input_bytes: Some(self.max_input_size),
            max_table_cells: Some(self.max_table_cells),
            max_nodes: Some(self.max_nodes),
            time_budget: Some(Duration::from_secs_f64(self.time_budget)),
            language: self.language.clone(),
            ..Options::default()
        })
    }
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build the review page (one self-contained HTML file) of a finished run.
    Report {
        /// The run's output folder (its JSON documents; a `--report` summary
        /// inside or beside it is found by its fields).
        out_dir: PathBuf,
        /// The HTML file to write.
        #[arg(short, long, value_name = "FILE", default_value = "report.html")]
        out: PathBuf,
        /// The run's `--report` summary, when it is elsewhere.
        #[arg(long, value_name = "FILE")]
        summary: Option<PathBuf>,
    },
    /// Learn folder knowledge (repeated lines, word casing) and write it to a file.
    Learn {
        /// Files or folders to learn from.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The knowledge file to write.
        #[arg(short, long, value_name = "FILE")]
        out: PathBuf,
        #[command(flatten)]
        common: Common,
    },
}

/// `64M` → 67108864.
fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (&t[..i], 1usize << 10),
        Some((i, 'm' | 'M')) => (&t[..i], 1 << 20),
        Some((i, 'g' | 'G')) => (&t[..i], 1 << 30),
        _ => (t, 1),
    };
    let n: usize = num
        .trim()
        .parse()
        .map_err(|_| format!("not a size: {s:?} (a number of bytes, or with K, M, G)"))?;
    n.checked_mul(mult)
        .filter(|&v| v > 0)
        .ok_or_else(|| format!("not a usable size: {s:?}"))
}

fn main() -> ExitCode {
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
    let result = match args.command {
        Some(Command::Report {
            out_dir,
            out,
            summary,
        }) => return pristine::review::command::run(&out_dir, &out, summary.as_deref()),
        Some(Command::Learn {
            inputs,
            out,
            common,
        }) => learn(inputs, out, common),
        None => settings(args)
            .and_then(|cfg| cli::run::run(cfg).map(|summary| summary.failed.is_empty())),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(msg) => {
            eprintln!("pristine: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Validates the arguments of a run.
fn settings(args: Args) -> Result<RunConfig, String> {
    let format: Format = args.format.parse()?;
    let mut pipeline = Pipeline::default().with_options(args.common.options()?);
    for name in &args.skip {
        pipeline
            .disable(name)
            .map_err(|e| e.message().to_string())?;
    }
    for (pass, need) in pipeline.unmet_needs() {
        eprintln!(
            "pristine: note: the {pass} pass needs the {need} pass, which is off: it will leave every document alone{}",
            if need == "language" {
                " (--language CODE stands in for detection)"
            } else {
                ""
            }
        );
    }
    if let Some(out) = &args.out
        && out.exists()
        && !out.is_dir()
    {
        return Err(format!(
            "--out {} is a file; it must be a folder (outputs mirror the inputs)",
            out.display()
        ));
    }
    let stdin = args.inputs.iter().any(|p| p.as_os_str() == "-");
    if stdin && (args.inputs.len() > 1 || args.out.is_some()) {
        return Err("`-` (JSON Lines on stdin) stands alone and writes to stdout".into());
    }
    let knowledge = match &args.knowledge {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read the knowledge file {}: {e}", path.display()))?;
            Some(
                Corpus::from_json(&text)
                    .map_err(|e| format!("{}: {}", path.display(), e.message()))?,
            )
        }
        None => None,
    };
    Ok(RunConfig {
        inputs: args.inputs,
        out: args.out,
        format,
        jobs: args.common.jobs.map(usize::from),
        pipeline,
        report: args.report,
        progress: !args.quiet && std::io::stderr().is_terminal(),
        follow: args.common.follow,
        resume: args.resume,
        knowledge,
        learn: !args.no_learn,
        html_report: args.html_report,
        durable: args.durable,
    })
}

/// `pristine learn`: phase one alone, its knowledge written to a file.
fn learn(inputs: Vec<PathBuf>, out: PathBuf, common: Common) -> Result<bool, String> {
    if out.is_dir() {
        return Err(format!(
            "{} is a folder; learn writes one file",
            out.display()
        ));
    }
    let options = common.options()?;
    let mut summary = cli::summary::Summary::default();
    let policy = pristine::batch::WalkPolicy {
        follow_links_out: common.follow,
        exclude: None,
    };
    let found = pristine::input::discover::discover(&inputs, &policy)
        .map_err(|e| e.message().to_string())?;
    for (path, err) in &found.errors {
        summary.fail(path.display().to_string(), err);
    }
    cli::output::InputGuard::new(&found.files).check(&out)?;
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = common.jobs {
        pool = pool.num_threads(usize::from(n));
    }
    let pool = pool
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))?;
    let corpus = cli::run::learn(&found.files, &options, &pool);
    cli::output::write_atomically(&out, corpus.to_json().as_bytes(), true)
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!(
        "pristine: learned from {} documents ({} copies left out) into {}",
        corpus.documents(),
        corpus.copies(),
        out.display()
    );
    Ok(summary.failed.is_empty())
}

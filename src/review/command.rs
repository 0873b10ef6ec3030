//! The `report` subcommand: `pristine report OUT_DIR -o report.html`.
//!
//! A subcommand beside the main command's free list of inputs, so a folder
//! that is literally named `report` is given as `./report`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use super::Review;

/// Builds the review page of a finished run from its output folder.
#[derive(Parser, Debug)]
#[command(name = "pristine report")]
struct ReportArgs {
    /// The run's output folder (its JSON documents; a `--report` summary
    /// inside or beside it is found by its fields).
    out_dir: PathBuf,

    /// The HTML file to write.
    #[arg(short, long, value_name = "FILE", default_value = "report.html")]
    out: PathBuf,

    /// The run's `--report` summary, when it is elsewhere.
    #[arg(long, value_name = "FILE")]
    summary: Option<PathBuf>,
}

/// Runs the subcommand on the arguments that follow `report`. Exit status:
/// 0 when the page was written, 2 on bad usage or an unreadable folder.
pub fn main(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let argv = std::iter::once(OsString::from("pristine report")).chain(args);
    let args = match ReportArgs::try_parse_from(argv) {
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
    let review = match Review::from_dir(&args.out_dir, args.summary.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("pristine report: {}", e.message());
            return ExitCode::from(2);
        }
    };
    if review.entries.is_empty() {
        eprintln!(
            "pristine report: no JSON documents under {} (the page reads outputs written with --format json)",
            args.out_dir.display()
        );
    }
    match write_page(&args.out, &review) {
        Ok(bytes) => {
            eprintln!(
                "pristine report: {} documents, {} KiB → {}",
                review.entries.len(),
                bytes.div_ceil(1024),
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("pristine report: cannot write {}: {e}", args.out.display());
            ExitCode::from(2)
        }
    }
}

/// Writes the page of `review` to `target` atomically (temporary file beside
/// it, then a rename), returning its size in bytes.
pub fn write_page(target: &Path, review: &Review) -> std::io::Result<usize> {
    let html = review.to_html();
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, html.as_bytes()).and_then(|()| std::fs::rename(&tmp, target));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map(|()| html.len())
}

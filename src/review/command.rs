//! The `report` subcommand: `pristine report OUT_DIR -o report.html`.
//!
//! A subcommand beside the main command's free list of inputs, so a folder
//! that is literally named `report` is given as `./report`.

use std::path::Path;
use std::process::ExitCode;

use super::Review;

/// Builds the review page of the run whose outputs are under `out_dir`
/// (its summary is `summary`, or found in or beside the folder) and writes
/// it to `out`. Exit status: 0 when the page was written, 2 when the folder
/// cannot be read or the page cannot be written.
pub fn run(out_dir: &Path, out: &Path, summary: Option<&Path>) -> ExitCode {
    let review = match Review::from_dir(out_dir, summary) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("pristine report: {}", e.message());
            return ExitCode::from(2);
        }
    };
    if review.entries.is_empty() {
        eprintln!(
            "pristine report: no JSON documents under {} (the page reads outputs written with --format json)",
            out_dir.display()
        );
    }
    match write_page(out, &review) {
        Ok(bytes) => {
            eprintln!(
                "pristine report: {} documents, {} KiB → {}",
                review.entries.len(),
                bytes.div_ceil(1024),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("pristine report: cannot write {}: {e}", out.display());
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

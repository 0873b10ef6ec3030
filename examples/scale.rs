//! Memory and throughput at folder scale, measured on the binary.
//!
//! ```sh
//! cargo build --release && cargo run --release --example scale -- [--warc-mb N]
//! ```
//!
//! Builds folders of 1,000, 4,000 and 16,000 pages (copies of the shared
//! corpus's news pages, each copy made unique by a line naming it, so folder
//! learning sees distinct documents), runs `pristine DIR -o OUT --report`
//! on each and prints the peak resident memory the run reports; then times
//! 2,000 pages with `--jobs 1` and `--jobs 2`; then, with `--warc-mb N`,
//! streams a gzipped WARC file of about N MiB (compressed) through.
//! `--only sizes|jobs|warc` runs one part alone. Skips with a message when
//! `../shared/corpus` is absent.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn binary() -> PathBuf {
    let exe = std::env::current_exe().expect("own path");
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    dir.join("pristine")
}

fn pages() -> Option<Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/extraction/html");
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).ok()? {
        let path = e.ok()?.path();
        let bytes = std::fs::read(&path).ok()?;
        let mut text = String::new();
        use std::io::Read;
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .ok()?;
        out.push(text);
    }
    out.sort();
    Some(out)
}

/// Page `n` of a folder: a corpus page with a paragraph naming its copy.
fn page(pages: &[String], n: usize) -> String {
    let base = &pages[n % pages.len()];
    let mark = format!("<p>Copy {n} of this page, kept apart from the others.</p></body>");
    base.replacen("</body>", &mark, 1)
}

fn folder(root: &Path, pages: &[String], n: usize) -> PathBuf {
    let dir = root.join(format!("pages-{n}"));
    for i in 0..n {
        let sub = dir.join(format!("site{}", i % 20));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("p{i:05}.html")), page(pages, i)).unwrap();
    }
    dir
}

/// Runs the binary; returns (seconds, peak RSS MiB, documents written).
fn run(input: &Path, out: &Path, extra: &[&str]) -> (f64, f64, u64) {
    let report = out.with_extension("report.json");
    let started = Instant::now();
    let status = Command::new(binary())
        .arg(input)
        .arg("-o")
        .arg(out)
        .arg("--quiet")
        .arg("--report")
        .arg(&report)
        .args(extra)
        .status()
        .expect("the release binary runs (cargo build --release first)");
    let secs = started.elapsed().as_secs_f64();
    assert!(status.code().is_some_and(|c| c <= 1), "run failed");
    let r: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    let rss = r["peak_rss_kib"].as_f64().unwrap_or(0.0) / 1024.0;
    (secs, rss, r["documents_written"].as_u64().unwrap_or(0))
}

fn warc_gz(path: &Path, pages: &[String], target_mib: usize) -> (usize, u64) {
    let file = std::fs::File::create(path).unwrap();
    let mut gz =
        flate2::write::GzEncoder::new(std::io::BufWriter::new(file), flate2::Compression::fast());
    let mut n = 0usize;
    loop {
        // One gzip member per record would be usual; one stream is enough here.
        let body = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{}",
            page(pages, n)
        );
        let header = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://site{}.example/p{n}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-4000-8000-000000000000>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            n % 20,
            n,
            body.len()
        );
        gz.write_all(header.as_bytes()).unwrap();
        gz.write_all(body.as_bytes()).unwrap();
        gz.write_all(b"\r\n\r\n").unwrap();
        n += 1;
        if n.is_multiple_of(500)
            && std::fs::metadata(path).unwrap().len() >= (target_mib as u64) << 20
        {
            break;
        }
    }
    gz.finish().unwrap().flush().unwrap();
    (n, std::fs::metadata(path).unwrap().len())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let warc_mb = args
        .iter()
        .position(|a| a == "--warc-mb")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse::<usize>().ok());
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let part = |name: &str| only.as_deref().is_none_or(|o| o == name);
    let Some(pages) = pages() else {
        eprintln!("skipped: ../shared/corpus/extraction is not here");
        return;
    };
    if !binary().exists() {
        eprintln!("build the binary first: cargo build --release");
        std::process::exit(2);
    }
    let tmp = tempfile::tempdir().unwrap();
    if part("sizes") {
        sizes(tmp.path(), &pages);
    }
    if part("jobs") {
        jobs(tmp.path(), &pages);
    }
    if let Some(mb) = warc_mb.filter(|_| part("warc")) {
        let path = tmp.path().join("crawl.warc.gz");
        let (records, bytes) = warc_gz(&path, &pages, mb);
        let (secs, rss, written) = run(&path, &tmp.path().join("warc-out"), &[]);
        println!(
            "WARC: {records} records, {:.0} MiB gzipped: {written} written, peak {rss:.1} MiB, {secs:.1} s",
            bytes as f64 / (1 << 20) as f64
        );
    }
}

fn sizes(root: &Path, pages: &[String]) {
    println!("peak RSS by folder size (all cores, folder learning on):");
    let mut peaks = Vec::new();
    for n in [1000, 4000, 16000] {
        let dir = folder(root, pages, n);
        let (secs, rss, written) = run(&dir, &root.join(format!("out-{n}")), &[]);
        println!("  {n:>6} pages: peak {rss:7.1} MiB, {written} written, {secs:.1} s");
        peaks.push(rss);
        let _ = std::fs::remove_dir_all(root.join(format!("out-{n}")));
        let _ = std::fs::remove_dir_all(dir);
    }
    let (lo, hi) = peaks
        .iter()
        .fold((f64::MAX, 0.0f64), |(l, h), &p| (l.min(p), h.max(p)));
    println!("  spread: largest / smallest = {:.2}", hi / lo);
}

fn jobs(root: &Path, pages: &[String]) {
    let dir = folder(root, pages, 2000);
    let (one, _, _) = run(&dir, &root.join("j1"), &["--jobs", "1"]);
    let (two, _, _) = run(&dir, &root.join("j2"), &["--jobs", "2"]);
    println!(
        "2000 pages: --jobs 1 {one:.1} s, --jobs 2 {two:.1} s, speed-up {:.2}x ({} cores here)",
        one / two,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
}

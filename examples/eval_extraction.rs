//! Accuracy and speed of the HTML ingest on the article-extraction corpus:
//! `cargo run --release --example eval_extraction`.
//!
//! Reads `../shared/corpus/extraction/html/*.html.gz` and `ground-truth.json`,
//! cleans every page with the default pipeline, and prints the benchmark's
//! F1, precision and recall, the ten worst pages, and the median time per
//! page against a bare parse that keeps all text; then the same score on the
//! hand-written template pages of `fixtures/html`. Set `EVAL_DUMP=DIR` to
//! write each page's prediction to `DIR/<id>.txt`.

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;

const CORPUS: &str = "../shared/corpus/extraction";

fn main() {
    let dir = Path::new(CORPUS);
    if !dir.join("ground-truth.json").exists() {
        println!("skipped: {CORPUS} is absent (the shared corpus is not mounted here)");
        return;
    }
    let truth: HashMap<String, serde_json::Value> = serde_json::from_slice(
        &std::fs::read(dir.join("ground-truth.json")).expect("readable ground truth"),
    )
    .expect("ground truth is JSON");
    let mut pages: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir.join("html"))
        .expect("readable html folder")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let id = name.strip_suffix(".html.gz")?.to_string();
            Some((id, std::fs::read(e.path()).ok()?))
        })
        .filter(|(id, _)| truth.contains_key(id))
        .collect();
    pages.sort();
    let dump = std::env::var("EVAL_DUMP").ok();
    let pipeline = pristine::Pipeline::default();
    let scores: Vec<(String, pristine::eval::PageScore)> = pages
        .par_iter()
        .map(|(id, bytes)| {
            let predicted = match pipeline.clean_html_bytes(bytes) {
                Ok(doc) => doc.text(),
                Err(e) => {
                    eprintln!("{id}: {e}");
                    String::new()
                }
            };
            if let Some(d) = &dump {
                let _ = std::fs::create_dir_all(d);
                let _ = std::fs::write(Path::new(d).join(format!("{id}.txt")), &predicted);
            }
            let expected = truth[id]["articleBody"].as_str().unwrap_or("");
            (id.clone(), pristine::eval::score_page(expected, &predicted))
        })
        .collect();
    let only: Vec<_> = scores.iter().map(|(_, s)| *s).collect();
    let (p, r, f1) = pristine::eval::aggregate(&only);
    println!("pages {}", scores.len());
    println!("F1 {f1:.4}  precision {p:.4}  recall {r:.4}");
    template_pages(&pipeline);
    let mut worst = scores.clone();
    worst.sort_by(|a, b| {
        let fa = page_f1(&a.1);
        let fb = page_f1(&b.1);
        fa.total_cmp(&fb)
    });
    println!("worst pages (id, precision, recall):");
    for (id, s) in worst.iter().take(10) {
        println!("  {id}  {:.3}  {:.3}", s.precision, s.recall);
    }

    // Speed, serially: inflate outside the timing, then time a bare parse
    // (with a walk over every text node) and the ingest on the same bytes.
    let raw: Vec<Vec<u8>> = pages
        .iter()
        .map(|(_, b)| pristine::ingest::decode::gunzip(b, None).unwrap_or_default())
        .collect();
    let options = pristine::Options::default();
    let mut bare = Vec::new();
    let mut ours = Vec::new();
    let mut ratios = Vec::new();
    for bytes in &raw {
        let t = Instant::now();
        let text = String::from_utf8_lossy(bytes);
        let dom = scraper::Html::parse_document(&text);
        let mut n = 0usize;
        for node in dom.tree.nodes() {
            if let scraper::Node::Text(t) = node.value() {
                n += t.len();
            }
        }
        std::hint::black_box(n);
        let b = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        let doc = pristine::ingest::html::ingest_bytes(bytes, &options);
        std::hint::black_box(&doc);
        let o = t.elapsed().as_secs_f64() * 1000.0;
        bare.push(b);
        ours.push(o);
        ratios.push(o / b.max(1e-9));
    }
    println!(
        "median ms/page: ingest {:.2}, bare parse {:.2}, ratio {:.2} (median of per-page ratios)",
        median(&mut ours),
        median(&mut bare),
        median(&mut ratios)
    );
}

/// Scores the hand-written pages of `fixtures/html` that come with an
/// `.expected.txt`: page shapes the corpus lacks, a check that a change
/// helping the corpus does not hurt other kinds of page.
fn template_pages(pipeline: &pristine::Pipeline) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/html");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter_map(|e| {
                    let n = e.file_name().to_string_lossy().to_string();
                    n.strip_suffix(".expected.txt").map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut scores = Vec::new();
    let mut weak = Vec::new();
    for name in &names {
        let (Ok(html), Ok(expected)) = (
            std::fs::read_to_string(dir.join(format!("{name}.html"))),
            std::fs::read_to_string(dir.join(format!("{name}.expected.txt"))),
        ) else {
            continue;
        };
        let got = pipeline
            .clean_html(&html)
            .map(|d| d.text())
            .unwrap_or_default();
        let s = pristine::eval::score_page(&expected, &got);
        if s.precision < 0.95 || s.recall < 0.95 {
            weak.push(format!("{name} {:.3}/{:.3}", s.precision, s.recall));
        }
        scores.push(s);
    }
    let (p, r, f1) = pristine::eval::aggregate(&scores);
    println!(
        "template pages {}: F1 {f1:.4}  precision {p:.4}  recall {r:.4}  below 0.95: {}",
        scores.len(),
        if weak.is_empty() {
            "none".to_string()
        } else {
            weak.join(", ")
        }
    );
}

fn page_f1(s: &pristine::eval::PageScore) -> f64 {
    if s.precision + s.recall == 0.0 {
        0.0
    } else {
        2.0 * s.precision * s.recall / (s.precision + s.recall)
    }
}

fn median(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

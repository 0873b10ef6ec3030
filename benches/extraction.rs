//! HTML ingest against a bare parse that keeps all text, on the same bytes:
//! `cargo bench --bench extraction`. Uses up to 20 pages of
//! `../shared/corpus/extraction/html` when present, else the fixture page.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Instant;

const CORPUS: &str = "../shared/corpus/extraction/html";
const SAMPLE: usize = 20;

fn pages() -> Vec<Vec<u8>> {
    let mut files: Vec<_> = match std::fs::read_dir(CORPUS) {
        Ok(d) => d.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
        Err(_) => {
            println!("{CORPUS} is absent: benchmarking the fixture page instead");
            let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/html/article.html");
            return vec![std::fs::read(fixture).expect("fixture page")];
        }
    };
    files.sort();
    files
        .iter()
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .take(SAMPLE)
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|b| pristine::ingest::decode::gunzip(&b, None).ok())
        .collect()
}

fn bare_parse(bytes: &[u8]) -> usize {
    let text = String::from_utf8_lossy(bytes);
    let dom = scraper::Html::parse_document(&text);
    dom.tree
        .nodes()
        .filter_map(|n| n.value().as_text().map(|t| t.len()))
        .sum()
}

fn bench(c: &mut Criterion) {
    let pages = pages();
    let total: usize = pages.iter().map(Vec::len).sum();
    let options = pristine::Options::default();
    let mut group = c.benchmark_group("extraction");
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("bare parse + text walk", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(bare_parse(p));
            }
        })
    });
    group.bench_function("ingest_bytes", |b| {
        b.iter(|| {
            for p in &pages {
                let _ = black_box(pristine::ingest::html::ingest_bytes(p, &options));
            }
        })
    });
    group.finish();
    // The figure that matters is the ratio; measure it directly, the two
    // runs interleaved round by round so that load from other processes
    // falls on both, and the median round of each compared.
    let time = |f: &dyn Fn()| {
        let t = Instant::now();
        f();
        t.elapsed().as_secs_f64()
    };
    let mut bare = Vec::new();
    let mut ours = Vec::new();
    for _ in 0..21 {
        bare.push(time(&|| {
            for p in &pages {
                black_box(bare_parse(p));
            }
        }));
        ours.push(time(&|| {
            for p in &pages {
                let _ = black_box(pristine::ingest::html::ingest_bytes(p, &options));
            }
        }));
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (bare, ours) = (median(&mut bare), median(&mut ours));
    println!("ingest / bare parse time ratio: {:.2}", ours / bare);
}

criterion_group!(benches, bench);
criterion_main!(benches);

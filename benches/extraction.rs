//! HTML ingest against a bare parse that keeps all text, and against
//! dom_smoothie (a Readability port, the fastest of the published
//! extractors measured on the shared corpus), on the same bytes:
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

/// dom_smoothie's article text, from the same decoded text the bare parse
/// reads.
fn dom_smoothie(bytes: &[u8]) -> usize {
    let text = String::from_utf8_lossy(bytes);
    let Ok(mut reader) = dom_smoothie::Readability::new(text.as_ref(), None, None) else {
        return 0;
    };
    reader.parse().map_or(0, |a| a.text_content.len())
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
    group.bench_function("dom_smoothie", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(dom_smoothie(p));
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
    let mut peer = Vec::new();
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
        peer.push(time(&|| {
            for p in &pages {
                black_box(dom_smoothie(p));
            }
        }));
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (bare, ours, peer) = (median(&mut bare), median(&mut ours), median(&mut peer));
    println!("ingest / bare parse time ratio: {:.2}", ours / bare);
    println!("dom_smoothie / bare parse time ratio: {:.2}", peer / bare);
    println!("ingest / dom_smoothie time ratio: {:.2}", ours / peer);
}

criterion_group!(benches, bench);
criterion_main!(benches);

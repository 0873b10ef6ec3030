//! The whole pipeline over text dumps, against bare UAX #29 word segmentation
//! of the same bytes, so the figure is a ratio that survives a noisy machine.
//!
//! Reads `../shared/corpus/textdump/` when present, else the sample fixtures.

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use unicode_segmentation::UnicodeSegmentation;

fn dumps() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus/textdump");
    let dir = if corpus.is_dir() {
        corpus
    } else {
        println!("../shared/corpus/textdump is absent: benchmarking the sample fixtures");
        root.join("fixtures/sample")
    };
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.truncate(40);
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = dumps();
    let bytes: usize = docs.iter().map(String::len).sum();
    let pipeline = pristine::Pipeline::default();
    let mut group = c.benchmark_group("text-dumps");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("baseline: unicode_words", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| d.unicode_words().count())
                .sum::<usize>()
        })
    });
    group.bench_function("ingest only", |b| {
        b.iter(|| {
            docs.iter()
                .filter_map(|d| pristine::ingest::text::ingest(d, pipeline.options()).ok())
                .map(|d| d.blocks().len())
                .sum::<usize>()
        })
    });
    group.bench_function("ingest + all passes", |b| {
        b.iter(|| {
            docs.iter()
                .filter_map(|d| pipeline.clean_text(d).ok())
                .map(|d| d.blocks().len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Cost of folder learning: cleaning a batch of text dumps with and without
//! a learned [`pristine::Corpus`], next to the bare ingest as a baseline.
//!
//! Reads `../shared/corpus/textdump/` when present, else the hand-written
//! fixtures in `fixtures/boilerplate/`.

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pristine::{Corpus, Document, Options, Pipeline};

fn dumps() -> Vec<String> {
    let shared = Path::new("../shared/corpus/textdump");
    let dir = if shared.is_dir() {
        shared.to_path_buf()
    } else {
        println!("../shared/corpus/textdump absent: benchmarking the fixtures");
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/boilerplate/site")
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|x| x == "txt"));
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn ingest_all(texts: &[String], options: &Options) -> Vec<Document> {
    texts
        .iter()
        .filter_map(|t| pristine::ingest::text::ingest(t, options).ok())
        .collect()
}

fn folder(c: &mut Criterion) {
    let texts = dumps();
    let bytes: usize = texts.iter().map(String::len).sum();
    let options = Options::default();
    let pipeline = Pipeline::default();
    let mut group = c.benchmark_group("folder");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("ingest only", |b| {
        b.iter(|| ingest_all(&texts, &options));
    });
    group.bench_function("ingest + passes", |b| {
        b.iter(|| {
            let mut docs = ingest_all(&texts, &options);
            for d in &mut docs {
                pipeline.run_in_batch(d, None);
            }
            docs
        });
    });
    group.bench_function("ingest + learn + passes", |b| {
        b.iter(|| {
            let mut docs = ingest_all(&texts, &options);
            let corpus = Corpus::learn(&docs);
            for d in &mut docs {
                pipeline.run_in_batch(d, Some(&corpus));
            }
            docs
        });
    });
    group.bench_function("boilerplate pass alone", |b| {
        let fresh = ingest_all(&texts, &options);
        let only = Pipeline::empty().with_pass(pristine::passes::boilerplate::Boilerplate);
        b.iter(|| {
            let mut docs = fresh.clone();
            for d in &mut docs {
                only.run(d);
            }
            docs
        });
    });
    group.finish();
}

criterion_group!(benches, folder);
criterion_main!(benches);

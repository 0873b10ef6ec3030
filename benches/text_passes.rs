//! The four text repairs (unicode, spacing, casing, typos) together against
//! a bare UAX #29 word segmentation of the same text, so the figure reads as
//! a ratio. The text is the benchmark's English ground-truth bodies when
//! present, else a built-in paragraph repeated.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pristine::corpus::casing::{CasingCounts, count_word_casing};
use pristine::passes::casing::{Evidence, casing_fixes};
use pristine::passes::spacing::spacing_fixes;
use pristine::passes::typos::typo_fixes;
use pristine::passes::unicode::unicode_fixes;
use std::hint::black_box;
use unicode_segmentation::UnicodeSegmentation;

fn paragraphs() -> Vec<String> {
    if let Ok(raw) = std::fs::read_to_string("../shared/corpus/extraction/ground-truth.json")
        && let Ok(v) = serde_json::from_str::<serde_json::Value>(&raw)
        && let Some(map) = v.as_object()
    {
        return map
            .values()
            .filter_map(|r| r["articleBody"].as_str())
            // casing and typos run on English documents only.
            .filter(|b| pristine::passes::language::detect(b).as_deref() == Some("en"))
            .flat_map(|b| b.split("\n\n").map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    let p = "The harbour opened in spring. traders from spain and morocco arrived,bringing salt.\
             Prices rose wiht demand; officials said the port would grow.";
    vec![p.to_string(); 2000]
}

fn repair_all(paras: &[String]) -> usize {
    let mut counts = CasingCounts::default();
    for p in paras {
        count_word_casing(p, &mut counts);
    }
    let ev = Evidence {
        doc: &counts,
        folder: None,
    };
    let mut n = 0;
    for p in paras {
        n += unicode_fixes(p).len();
        n += spacing_fixes(p, false).len();
        n += casing_fixes(p, true, &ev).len();
        n += typo_fixes(p, &|_| false).len();
    }
    n
}

fn bench(c: &mut Criterion) {
    let started = std::time::SystemTime::now();
    let paras = paragraphs();
    let bytes: usize = paras.iter().map(String::len).sum();
    let mut g = c.benchmark_group("text_passes");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("unicode_words (baseline)", |b| {
        b.iter(|| {
            paras
                .iter()
                .map(|p| black_box(p).unicode_words().count())
                .sum::<usize>()
        })
    });
    g.bench_function("unicode+spacing+casing+typos", |b| {
        b.iter(|| repair_all(black_box(&paras)))
    });
    // The hand-written tokenizer's words, against the baseline above: its
    // ASCII fast path is kept because this reads faster.
    g.bench_function("words (tokenizer)", |b| {
        b.iter(|| {
            paras
                .iter()
                .map(|p| pristine::text::words(black_box(p)).count())
                .sum::<usize>()
        })
    });
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            paras
                .iter()
                .map(|p| pristine::text::SentenceWords::new(black_box(p)).count())
                .sum::<usize>()
        })
    });
    g.bench_function("casing fixes", |b| {
        let mut counts = CasingCounts::default();
        for p in &paras {
            count_word_casing(p, &mut counts);
        }
        let ev = Evidence {
            doc: &counts,
            folder: None,
        };
        b.iter(|| {
            paras
                .iter()
                .map(|p| casing_fixes(black_box(p), true, &ev).len())
                .sum::<usize>()
        })
    });
    g.bench_function("unicode", |b| {
        b.iter(|| {
            paras
                .iter()
                .map(|p| unicode_fixes(black_box(p)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("spacing", |b| {
        b.iter(|| {
            paras
                .iter()
                .map(|p| spacing_fixes(black_box(p), false).len())
                .sum::<usize>()
        })
    });
    g.bench_function("casing counts", |b| {
        b.iter(|| {
            let mut counts = CasingCounts::default();
            for p in &paras {
                count_word_casing(black_box(p), &mut counts);
            }
            counts.len()
        })
    });
    g.bench_function("typos", |b| {
        b.iter(|| {
            paras
                .iter()
                .map(|p| typo_fixes(black_box(p), &|_| false).len())
                .sum::<usize>()
        })
    });
    g.finish();
    print_ratio(started);
}

/// The figure the two first entries are for: the time of all four repairs
/// over that of the bare word segmentation, from the medians criterion has
/// just written (only when both ran in this invocation).
fn print_ratio(started: std::time::SystemTime) {
    let dir = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    let median = |id: &str| -> Option<f64> {
        let path = format!("{dir}/criterion/text_passes/{id}/new/estimates.json");
        let fresh = std::fs::metadata(&path).ok()?.modified().ok()? >= started;
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).ok()?).ok()?;
        fresh.then(|| v["median"]["point_estimate"].as_f64())?
    };
    if let (Some(base), Some(all)) = (
        median("unicode_words (baseline)"),
        median("unicode+spacing+casing+typos"),
    ) {
        println!(
            "text_passes: repairs / unicode_words = {:.3} ms / {:.3} ms = {:.2}x (medians)",
            all / 1e6,
            base / 1e6,
            all / base
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

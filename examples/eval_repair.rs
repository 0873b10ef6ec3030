//! Measures the text repair passes (unicode, spacing, casing, typos):
//!
//! 1. false edits on clean prose: the passes run over the benchmark's
//!    ground-truth article bodies, each ingested as a text dump; every edit
//!    is listed and the rate per 20,000 words printed;
//! 2. recall and precision on damaged prose: one synthetic defect at a time
//!    is put into a paragraph of those bodies, the passes run on it, and the
//!    result is compared with the passes' output on the undamaged paragraph.
//!
//! `cargo run --release --example eval_repair [-- --quiet]`

use std::collections::HashMap;

use pristine::passes::casing::{CasingCounts, Evidence, casing_fixes, count_word_casing};
use pristine::passes::spacing::spacing_fixes;
use pristine::passes::typos::typo_fixes;
use pristine::passes::unicode::unicode_fixes;
use pristine::passes::{casing, language, spacing, typos, unicode};
use pristine::text::{Case, Position, SentenceWords, WordKind};
use pristine::{Block, Fix, Options, Pipeline};
use unicode_segmentation::UnicodeSegmentation;

const TRUTH: &str = "../shared/corpus/extraction/ground-truth.json";

fn main() {
    let quiet = std::env::args().any(|a| a == "--quiet");
    let Ok(raw) = std::fs::read_to_string(TRUTH) else {
        eprintln!("skipped: {TRUTH} not found");
        return;
    };
    let truth: HashMap<String, serde_json::Value> = serde_json::from_str(&raw).expect("json");
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let bodies: Vec<(&str, &str)> = ids
        .iter()
        .filter_map(|id| Some((id.as_str(), truth[*id]["articleBody"].as_str()?)))
        .collect();

    false_edits(&bodies, quiet);
    damaged_recall(&bodies);
}

fn repair_pipeline() -> Pipeline {
    Pipeline::empty()
        .with_options(Options::default())
        .with_pass(unicode::RepairUnicode)
        .with_pass(language::DetectLanguage)
        .with_pass(spacing::RepairSpacing)
        .with_pass(casing::RepairCasing)
        .with_pass(typos::RepairTypos)
}

fn false_edits(bodies: &[(&str, &str)], quiet: bool) {
    let pipeline = repair_pipeline();
    let mut words = 0usize;
    let mut per_pass: HashMap<String, usize> = HashMap::new();
    let mut langs: HashMap<String, usize> = HashMap::new();
    println!("== 1. edits on clean prose (ground-truth bodies) ==");
    for (id, body) in bodies {
        words += body.unicode_words().count();
        let Ok(mut doc) = pristine::ingest::text::ingest(body, &Options::default()) else {
            continue;
        };
        pipeline.run(&mut doc);
        *langs
            .entry(doc.meta.language.clone().unwrap_or("?".into()))
            .or_default() += 1;
        for e in &doc.edits {
            *per_pass.entry(e.pass.clone()).or_default() += 1;
            if !quiet {
                println!("  {:8} {:.8} {:?} -> {:?}", e.pass, id, e.before, e.after);
            }
        }
    }
    let total: usize = per_pass.values().sum();
    println!(
        "documents {}, words {words}, languages {langs:?}",
        bodies.len()
    );
    let mut passes: Vec<_> = per_pass.into_iter().collect();
    passes.sort();
    for (p, n) in &passes {
        println!(
            "  {p:8} {n:5} edits  {:.2} per 20,000 words",
            *n as f64 * 20_000.0 / words as f64
        );
    }
    println!(
        "  all      {total:5} edits  {:.2} per 20,000 words",
        total as f64 * 20_000.0 / words as f64
    );
}

/// Runs the four repairs on one paragraph the way the pipeline would.
fn repair(text: &str, evidence: &Evidence<'_>) -> String {
    let t = apply(text, unicode_fixes(text));
    let t = apply(&t, spacing_fixes(&t, false));
    let t = apply(&t, casing_fixes(&t, true, evidence));
    apply(&t, typo_fixes(&t, &|_| false))
}

fn apply(text: &str, mut fixes: Vec<Fix>) -> String {
    fixes.sort_by_key(|f| f.range.start);
    let mut out = String::with_capacity(text.len() + 8);
    let mut last = 0;
    for f in fixes {
        if f.range.start < last {
            continue;
        }
        out.push_str(&text[last..f.range.start]);
        out.push_str(&f.replacement);
        last = f.range.end;
    }
    out.push_str(&text[last..]);
    out
}

#[derive(Default)]
struct Score {
    sites: usize,
    restored: usize,
    wrong: usize,
}

/// A small deterministic generator (xorshift), so runs are repeatable.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

const KINDS: [&str; 5] = [
    "spacing",
    "sentence casing",
    "proper nouns",
    "typos",
    "mojibake",
];

/// The first differing stretch of `a` and `b`, with some context.
fn diff(a: &str, b: &str) -> String {
    let p = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let mut lo = p.saturating_sub(30);
    while !a.is_char_boundary(lo) {
        lo -= 1;
    }
    let cut = |s: &str| {
        let mut hi = (p + 30).min(s.len());
        while !s.is_char_boundary(hi) {
            hi -= 1;
        }
        s[lo.min(hi)..hi].to_string()
    };
    format!("{:?} vs {:?}", cut(a), cut(b))
}

fn damaged_recall(bodies: &[(&str, &str)]) {
    let show_misses = std::env::args().any(|a| a == "--misses");
    // Invert typos-dict: a correct word → one misspelling of it.
    let mut misspell: HashMap<&'static str, &'static str> = HashMap::new();
    for (typo, fixes) in typos_dict::WORD.map.entries() {
        let typo = typo.into_inner();
        if let [one] = fixes
            && typo.bytes().all(|b| b.is_ascii_lowercase())
            && pristine::passes::typos::correction(typo) == Some(*one)
        {
            misspell.entry(*one).or_insert(typo);
        }
    }
    let pipeline = Pipeline::empty().with_pass(language::DetectLanguage);
    let mut scores: Vec<Score> = (0..KINDS.len()).map(|_| Score::default()).collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for (_, body) in bodies {
        let Ok(mut doc) = pristine::ingest::text::ingest(body, &Options::default()) else {
            continue;
        };
        pipeline.run(&mut doc);
        if doc.meta.language.as_deref() != Some("en") {
            continue;
        }
        let mut counts = CasingCounts::default();
        for b in &doc.blocks {
            b.for_each_text(|_, t| count_word_casing(t, &mut counts));
        }
        let evidence = Evidence {
            doc: &counts,
            folder: None,
        };
        for b in &doc.blocks {
            let Block::Paragraph { text } = b else {
                continue;
            };
            let clean = repair(text, &evidence);
            for (k, score) in scores.iter_mut().enumerate() {
                for _ in 0..2 {
                    let Some(damaged) = damage(k, &clean, &misspell, &mut rng) else {
                        break;
                    };
                    if damaged == clean {
                        continue;
                    }
                    score.sites += 1;
                    let out = repair(&damaged, &evidence);
                    if out == clean {
                        score.restored += 1;
                    } else if out != damaged {
                        score.wrong += 1;
                        if show_misses {
                            println!("  wrong {}: {}", KINDS[k], diff(&damaged, &out));
                        }
                    } else if show_misses && score.sites % 7 == 0 {
                        println!("  missed {}: {}", KINDS[k], diff(&clean, &damaged));
                    }
                }
            }
        }
    }
    println!("\n== 2. damaged prose: one defect at a time, English paragraphs ==");
    println!(
        "{:16} {:>6} {:>9} {:>6} {:>7} {:>9}",
        "defect", "sites", "restored", "wrong", "recall", "precision"
    );
    for (k, s) in scores.iter().enumerate() {
        let recall = s.restored as f64 / s.sites.max(1) as f64;
        let precision = s.restored as f64 / (s.restored + s.wrong).max(1) as f64;
        println!(
            "{:16} {:6} {:9} {:6} {:7.3} {:9.3}",
            KINDS[k], s.sites, s.restored, s.wrong, recall, precision
        );
    }
}

/// `text` with one defect of kind `kind`, or `None` when it has no site for one.
fn damage(
    kind: usize,
    text: &str,
    misspell: &HashMap<&str, &str>,
    rng: &mut Rng,
) -> Option<String> {
    let words: Vec<_> = SentenceWords::new(text).collect();
    let sites: Vec<std::ops::Range<usize>> = match kind {
        0 => {
            // ", x" or ". X" between two words: drop the space.
            words
                .windows(2)
                .filter(|w| {
                    let gap = &text[w[0].0.end()..w[1].0.start];
                    w[0].0.kind == WordKind::Alpha
                        && w[1].0.kind == WordKind::Alpha
                        && w[0].0.text.len() >= 4
                        && w[1].0.text.len() >= 4
                        && (gap == ", " || (gap == ". " && w[1].0.case == Case::Title))
                })
                .map(|w| w[0].0.end() + 1..w[0].0.end() + 2)
                .collect()
        }
        1 => words
            .iter()
            .filter(|(w, p)| {
                *p == Position::Start
                    && w.case == Case::Title
                    && w.kind == WordKind::Alpha
                    && w.text.len() > 1
                    && !pristine::lexicon::proper_nouns::is_proper_noun(w.stem())
            })
            .map(|(w, _)| w.start..w.start + 1)
            .collect(),
        2 => words
            .iter()
            .filter(|(w, p)| {
                *p == Position::Mid
                    && w.case == Case::Title
                    && pristine::lexicon::proper_nouns::is_proper_noun(w.stem())
            })
            .map(|(w, _)| w.start..w.start + 1)
            .collect(),
        3 => words
            .iter()
            .filter(|(w, p)| {
                *p == Position::Mid && w.case == Case::Lower && misspell.contains_key(w.text)
            })
            .map(|(w, _)| w.start..w.end())
            .collect(),
        _ => text
            .char_indices()
            .filter(|(_, c)| !c.is_ascii() && !c.is_whitespace())
            .map(|(i, c)| i..i + c.len_utf8())
            .collect(),
    };
    if sites.is_empty() {
        return None;
    }
    let r = sites[rng.below(sites.len())].clone();
    let original = &text[r.clone()];
    let replacement: String = match kind {
        0 => String::new(),
        1 | 2 => original.to_lowercase(),
        3 => misspell[original].to_string(),
        _ => original
            .as_bytes()
            .iter()
            .map(|&b| cp1252_char(b))
            .collect(),
    };
    Some(format!(
        "{}{}{}",
        &text[..r.start],
        replacement,
        &text[r.end..]
    ))
}

/// How Windows-1252 (Latin-1 for its undefined bytes) shows byte `b`.
fn cp1252_char(b: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{8D}',
        '\u{017D}', '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}',
        '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}',
        '\u{9D}', '\u{017E}', '\u{0178}',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

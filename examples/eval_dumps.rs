//! Accuracy harness for page dumps of every kind, and the fitting of the
//! boilerplate classifier: `cargo run --release --example eval_dumps`.
//!
//! Reads the plain-text dumps of `../shared/corpus/plaindump/*` (BeautifulSoup
//! `get_text`, no markup) and the html2text dumps of
//! `../shared/corpus/textdump/` with their ground truth, cleans each set as
//! a folder run (folder learning on), and prints the shingle F1, precision
//! and recall per set, for the whole set and for each half (pages split by
//! a hash of their id: half A fits the model, half B checks it), and the
//! worst pages.
//!
//! Options: `--set NAME` (repeatable: `scrapinghub`, `tiptopjaw-wceb`,
//! `html2text`), `--dumps DIR --truth FILE` (any folder of `ID.txt` dumps
//! beside a ground truth of the same form, e.g. dumps made by another
//! converter: `scripts/eval_converter.py` makes them), `--worst N`, `--raw`
//! (no passes: the dump as ingested),
//! `--by-recall` (rank the worst pages by recall, not F1),
//! `--explain ID` (one page's blocks with their fate), `--write DIR` (each
//! page's cleaned text and scores under `DIR/SET/`), `--lost` (article
//! text removed, by reason), `--speed` (one thread: the boilerplate pass's
//! time against the whole run's), and `--fit`: fit the
//! classifier's weights on half A of the selected sets and write them to
//! `src/passes/boilerplate/model.tsv` (rebuild to use them).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use pristine::eval::{PageScore, aggregate, score_page, tokens};
use pristine::passes::boilerplate::classifier::{FEATURE_NAMES, FEATURES, FeatureVector, Model};
use pristine::{Corpus, Document, Options, Pipeline};
use rayon::prelude::*;

/// A set of dumps: its name, its folder, and its ground truth.
struct Set {
    name: &'static str,
    dumps: &'static str,
    truth: &'static str,
    /// Ground truth of the same pages as HTML, carrying each page's
    /// `page_type` where the set has one.
    types: Option<&'static str>,
}

const SETS: &[Set] = &[
    Set {
        name: "scrapinghub",
        dumps: "../shared/corpus/plaindump/scrapinghub",
        truth: "../shared/corpus/plaindump/scrapinghub/ground-truth.json",
        types: None,
    },
    Set {
        name: "tiptopjaw-wceb",
        dumps: "../shared/corpus/plaindump/tiptopjaw-wceb",
        truth: "../shared/corpus/plaindump/tiptopjaw-wceb/ground-truth.json",
        types: Some("../shared/corpus/web/tiptopjaw-wceb/ground-truth.json"),
    },
    Set {
        name: "html2text",
        dumps: "../shared/corpus/textdump",
        truth: "../shared/corpus/textdump/ground-truth.json",
        types: None,
    },
];

/// A page: its id, its dump, its true article text, and its page type
/// (`article`, `forum`, `product`, ...) where the set records one.
struct Page {
    id: String,
    dump: String,
    truth: String,
    page_type: Option<String>,
}

/// True for the pages of half A (FNV-1a of the id, even): the half the
/// model is fitted on.
fn in_half_a(id: &str) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h.is_multiple_of(2)
}

fn load(set: &Set) -> Option<Vec<Page>> {
    if !Path::new(set.dumps).is_dir() || !Path::new(set.truth).is_file() {
        println!(
            "{}: skipped, {} or {} is absent",
            set.name, set.dumps, set.truth
        );
        return None;
    }
    let truth: HashMap<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(set.truth).ok()?).ok()?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(set.dumps)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let types: HashMap<String, serde_json::Value> = set
        .types
        .and_then(|t| std::fs::read_to_string(t).ok())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    let pages = paths
        .iter()
        .filter_map(|p| {
            let id = p.file_stem()?.to_string_lossy().into_owned();
            let body = truth.get(&id)?.get("articleBody")?.as_str()?.to_string();
            Some(Page {
                dump: std::fs::read_to_string(p).ok()?,
                truth: body,
                page_type: types
                    .get(&id)
                    .and_then(|v| v.get("page_type"))
                    .and_then(|v| v.as_str())
                    .map(str::to_string),
                id,
            })
        })
        .collect();
    Some(pages)
}

fn ingest(pages: &[Page]) -> Vec<Document> {
    let options = Options::default();
    pages
        .par_iter()
        .map(|p| {
            let mut doc = pristine::ingest::text::ingest(&p.dump, &options)
                .unwrap_or_else(|_| Document::new(pristine::InputFormat::Text));
            doc.meta.source = Some(format!("{}.txt", p.id));
            doc
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let worst: usize = value("--worst").and_then(|n| n.parse().ok()).unwrap_or(8);
    let raw = args.iter().any(|a| a == "--raw");
    let fit = args.iter().any(|a| a == "--fit");
    let explain = value("--explain");
    let lost = args.iter().any(|a| a == "--lost");
    let by_recall = args.iter().any(|a| a == "--by-recall");
    let write_to = value("--write");
    let chosen: Vec<&str> = args
        .windows(2)
        .filter(|w| w[0] == "--set")
        .map(|w| w[1].as_str())
        .collect();
    // A folder given on the command line is one more set, scored alone;
    // the example runs once, so its names may live as long as it does.
    let given = value("--dumps")
        .zip(value("--truth"))
        .map(|(dumps, truth)| Set {
            name: Box::leak(dumps.clone().into_boxed_str()),
            dumps: Box::leak(dumps.into_boxed_str()),
            truth: Box::leak(truth.into_boxed_str()),
            types: None,
        });
    let sets: Vec<&Set> = match &given {
        Some(set) => vec![set],
        None => SETS
            .iter()
            .filter(|s| chosen.is_empty() || chosen.contains(&s.name))
            .collect(),
    };

    if fit {
        fit_model(&sets);
        return;
    }
    if args.iter().any(|a| a == "--speed") {
        for set in &sets {
            measure_speed(set);
        }
        return;
    }
    let mut pipeline = Pipeline::default();
    if raw {
        for name in pipeline
            .pass_names()
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
        {
            pipeline.disable(&name).expect("a listed pass");
        }
    }
    for set in sets {
        let Some(pages) = load(set) else { continue };
        let start = Instant::now();
        let mut docs = ingest(&pages);
        let corpus = Corpus::learn(docs.iter());
        docs.par_iter_mut()
            .for_each(|d| pipeline.run_in_batch(d, Some(&corpus)));
        let secs = start.elapsed().as_secs_f64();
        let scores: Vec<PageScore> = pages
            .iter()
            .zip(&docs)
            .map(|(p, d)| score_page(&p.truth, &d.text()))
            .collect();
        let line = |label: &str, keep: &dyn Fn(&Page) -> bool| {
            let s: Vec<PageScore> = pages
                .iter()
                .zip(&scores)
                .filter(|(p, _)| keep(p))
                .map(|(_, s)| *s)
                .collect();
            let (p, r, f1) = aggregate(&s);
            println!(
                "  {label:<13} pages {:>4}  F1 {f1:.4}  P {p:.4}  R {r:.4}",
                s.len()
            );
        };
        println!("{} ({secs:.2}s)", set.name);
        line("all", &|_| true);
        line("half A", &|p| in_half_a(&p.id));
        line("half B", &|p| !in_half_a(&p.id));
        let mut kinds: Vec<&str> = pages
            .iter()
            .filter_map(|p| p.page_type.as_deref())
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        for kind in kinds {
            let of_kind = |p: &Page| p.page_type.as_deref() == Some(kind);
            line(kind, &of_kind);
            line("  A", &|p| of_kind(p) && in_half_a(&p.id));
            line("  B", &|p| of_kind(p) && !in_half_a(&p.id));
        }
        if let Some(dir) = &write_to {
            write_pages(Path::new(dir), set.name, &pages, &docs, &scores);
        }
        let mut ranked: Vec<(f64, &Page, &PageScore)> = pages
            .iter()
            .zip(&scores)
            .map(|(p, s)| (if by_recall { s.recall } else { page_f1(s) }, p, s))
            .collect();
        ranked.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.id.cmp(&b.1.id)));
        for (_, p, s) in ranked.iter().take(worst) {
            let f1 = page_f1(s);
            println!(
                "    worst {}  F1 {f1:.3}  P {:.3}  R {:.3}",
                p.id, s.precision, s.recall
            );
        }
        if lost {
            print_lost(&pages, &docs);
        }
        if let Some(id) = &explain
            && let Some((p, d)) = pages.iter().zip(&docs).find(|(p, _)| &p.id == id)
        {
            explain_page(d, &p.truth);
            explain_probabilities(p);
        }
    }
}

fn page_f1(s: &PageScore) -> f64 {
    if s.precision + s.recall == 0.0 {
        0.0
    } else {
        2.0 * s.precision * s.recall / (s.precision + s.recall)
    }
}

/// The lowercased 4-word shingles of a truth text, and its tokens joined.
struct Truth {
    shingles: HashSet<String>,
    joined: String,
}

impl Truth {
    fn new(text: &str) -> Self {
        let toks: Vec<String> = tokens(text).iter().map(|t| t.to_lowercase()).collect();
        Truth {
            shingles: toks.windows(4).map(|w| w.join(" ")).collect(),
            joined: format!(" {} ", toks.join(" ")),
        }
    }

    /// Share (0 to 1) of `text`'s shingles found in the truth; a text of
    /// fewer than four words counts when the truth holds it whole.
    fn share(&self, text: &str) -> f64 {
        let toks: Vec<String> = tokens(text).iter().map(|t| t.to_lowercase()).collect();
        if toks.is_empty() {
            return 0.0;
        }
        if toks.len() < 4 {
            let needle = format!(" {} ", toks.join(" "));
            return if self.joined.contains(&needle) {
                1.0
            } else {
                0.0
            };
        }
        let n = toks.len() - 3;
        let hit = toks
            .windows(4)
            .filter(|w| self.shingles.contains(&w.join(" ")))
            .count();
        hit as f64 / n as f64
    }
}

fn explain_page(doc: &Document, truth: &str) {
    let truth = Truth::new(truth);
    let cut = |s: &str| s.chars().take(100).collect::<String>().replace('\n', " / ");
    println!("kept:");
    for b in doc.blocks() {
        let t = b.plain_text();
        println!("  {:.2} {:<9} {}", truth.share(&t), b.kind(), cut(&t));
    }
    println!("removed:");
    for r in &doc.removed {
        println!(
            "  {:.2} {:<20} {}",
            truth.share(&r.text),
            r.reason,
            cut(&r.text)
        );
    }
}

/// The classifier's probability for every block of a page's dump, as the
/// boilerplate pass sees it (after the `unicode` pass), with the block's
/// share of article text.
fn explain_probabilities(page: &Page) {
    let mut doc = ingest(std::slice::from_ref(page)).remove(0);
    only(&["unicode"]).run(&mut doc);
    let truth = Truth::new(&page.truth);
    let model = Model::parse(include_str!("../src/passes/boilerplate/model.tsv"))
        .expect("the shipped model parses");
    let xs = pristine::passes::boilerplate::document_features(&doc);
    println!("probabilities (before the pass):");
    for (b, x) in doc.blocks().iter().zip(&xs) {
        let t = b.plain_text();
        let cut: String = t.chars().take(90).collect::<String>().replace('\n', " / ");
        println!(
            "  p {:.2}  truth {:.2}  {:<9} {cut}",
            model.probability(x),
            truth.share(&t),
            b.kind()
        );
    }
}

/// A pipeline with only the passes named in `keep` switched on.
fn only(keep: &[&str]) -> Pipeline {
    let mut p = Pipeline::default();
    for name in p
        .pass_names()
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
    {
        if !keep.contains(&name.as_str()) {
            p.disable(&name).expect("a listed pass");
        }
    }
    p
}

/// On one thread, the time of ingest plus `unicode`, of the same plus
/// `boilerplate`, and of the whole run (ingest, folder learning, every
/// pass, rendering the JSON): the boilerplate pass's share of the whole.
/// Each is the fastest of five interleaved rounds.
fn measure_speed(set: &Set) {
    let Some(pages) = load(set) else { return };
    let bytes: usize = pages.iter().map(|p| p.dump.len()).sum();
    let options = Options::default();
    let time = |pipeline: &Pipeline, learn: bool| -> f64 {
        let start = Instant::now();
        let mut docs: Vec<Document> = pages
            .iter()
            .filter_map(|p| pristine::ingest::text::ingest(&p.dump, &options).ok())
            .collect();
        let corpus = learn.then(|| Corpus::learn(docs.iter()));
        let mut out = 0usize;
        for d in &mut docs {
            pipeline.run_in_batch(d, corpus.as_ref());
            out += pristine::render::Format::Json.render(d).len();
        }
        std::hint::black_box(out);
        start.elapsed().as_secs_f64()
    };
    // Rounds interleave the three runs, so that the load of a shared
    // machine falls on all three alike; the fastest round of each counts.
    let (unicode_only, with_boilerplate, whole) = (
        only(&["unicode"]),
        only(&["unicode", "boilerplate"]),
        Pipeline::default(),
    );
    let (mut unicode, mut boiler, mut full) = (f64::MAX, f64::MAX, f64::MAX);
    for _ in 0..5 {
        unicode = unicode.min(time(&unicode_only, false));
        boiler = boiler.min(time(&with_boilerplate, false));
        full = full.min(time(&whole, true));
    }
    println!(
        "{}: {:.1} MB, one thread: whole run {full:.2}s ({:.1} MB/s), boilerplate pass {:.2}s = {:.1}% of it",
        set.name,
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / full,
        boiler - unicode,
        100.0 * (boiler - unicode) / full
    );
}

/// Writes each page's cleaned text to `DIR/SET/ID.txt` and one
/// `ID<TAB>type<TAB>F1<TAB>P<TAB>R` line a page to `DIR/SET/scores.tsv`
/// (`--write DIR`), for reading the pages one by one.
fn write_pages(dir: &Path, set: &str, pages: &[Page], docs: &[Document], scores: &[PageScore]) {
    let dir = dir.join(set);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        println!("cannot create {}: {e}", dir.display());
        return;
    }
    let mut table = String::new();
    for ((p, d), s) in pages.iter().zip(docs).zip(scores) {
        let _ = std::fs::write(dir.join(format!("{}.txt", p.id)), d.text());
        table.push_str(&format!(
            "{}\t{}\t{:.4}\t{:.4}\t{:.4}\n",
            p.id,
            p.page_type.as_deref().unwrap_or("-"),
            page_f1(s),
            s.precision,
            s.recall
        ));
    }
    let _ = std::fs::write(dir.join("scores.tsv"), table);
}

/// Words of article text removed, by reason, over a set (`--lost`).
fn print_lost(pages: &[Page], docs: &[Document]) {
    let mut by_reason: HashMap<&str, (usize, usize)> = HashMap::new();
    for (p, d) in pages.iter().zip(docs) {
        let truth = Truth::new(&p.truth);
        for r in &d.removed {
            if truth.share(&r.text) >= 0.5 {
                let e = by_reason.entry(r.reason.as_str()).or_default();
                e.0 += 1;
                e.1 += tokens(&r.text).len();
            }
        }
    }
    let mut v: Vec<_> = by_reason.into_iter().collect();
    v.sort_by(|a, b| b.1.1.cmp(&a.1.1).then(a.0.cmp(b.0)));
    println!("    article text removed, by reason:");
    for (reason, (blocks, words)) in v {
        println!("      {reason:<28} blocks {blocks:>5}  words {words:>7}");
    }
}

/// One training example: features, label, weight.
type Example = (FeatureVector, bool, f64);

/// The examples of a set's pages: every block of each dump as the
/// boilerplate pass sees it (after the `unicode` pass), labelled article
/// text when most of its shingles are in the truth, weighted by its length
/// (the score counts words, not blocks).
fn examples(pages: &[Page], docs: &mut [Document]) -> Vec<(bool, Example)> {
    let mut unicode_only = Pipeline::default();
    for name in unicode_only
        .pass_names()
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
    {
        if name != "unicode" {
            unicode_only.disable(&name).expect("a listed pass");
        }
    }
    pages
        .par_iter()
        .zip(docs.par_iter_mut())
        .flat_map_iter(|(p, d)| {
            unicode_only.run(d);
            let truth = Truth::new(&p.truth);
            let xs = pristine::passes::boilerplate::document_features(d);
            let half_a = in_half_a(&p.id);
            d.blocks()
                .iter()
                .zip(xs)
                .map(|(b, x)| {
                    let text = b.plain_text();
                    let words = tokens(&text).len() as f64;
                    (
                        half_a,
                        (x, truth.share(&text) >= 0.5, 1.0 + words.min(300.0)),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Fits a logistic regression (Newton's method, a small L2 penalty) on half
/// A of `sets`, reports its accuracy on both halves and writes the model.
fn fit_model(sets: &[&Set]) {
    let mut train: Vec<Example> = Vec::new();
    let mut check: Vec<Example> = Vec::new();
    for set in sets {
        let Some(pages) = load(set) else { continue };
        let mut docs = ingest(&pages);
        let set_examples = examples(&pages, &mut docs);
        // Every set weighs the same in the fit, however many blocks it has:
        // the model serves news pages and the varied web alike.
        let total: f64 = set_examples.iter().map(|(_, e)| e.2).sum();
        let scale = 10_000.0 / total.max(1e-9);
        for (a, (x, y, w)) in set_examples {
            if a {
                train.push((x, y, w * scale));
            } else {
                check.push((x, y, w * scale));
            }
        }
    }
    if train.is_empty() {
        println!("nothing to fit");
        return;
    }
    let mut w = [0.0f64; FEATURES];
    const L2: f64 = 1.0;
    for round in 0..25 {
        let mut grad = [0.0f64; FEATURES];
        let mut hess = vec![[0.0f64; FEATURES]; FEATURES];
        for (x, y, weight) in &train {
            let z: f64 = w.iter().zip(x).map(|(a, b)| a * f64::from(*b)).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let err = p - if *y { 1.0 } else { 0.0 };
            let s = (p * (1.0 - p)).max(1e-6) * weight;
            for i in 0..FEATURES {
                let xi = f64::from(x[i]);
                grad[i] += weight * err * xi;
                for j in 0..FEATURES {
                    hess[i][j] += s * xi * f64::from(x[j]);
                }
            }
        }
        for i in 1..FEATURES {
            grad[i] += L2 * w[i];
            hess[i][i] += L2;
        }
        hess[0][0] += 1e-6;
        let step = solve(hess, grad);
        let size: f64 = step.iter().map(|s| s.abs()).sum();
        for i in 0..FEATURES {
            w[i] -= step[i];
        }
        if size < 1e-6 {
            println!("converged after {} rounds", round + 1);
            break;
        }
    }
    let model = Model::new(w.map(|v| v as f32));
    for (label, data) in [("half A (fit)", &train), ("half B (check)", &check)] {
        let (mut right, mut total, mut positive) = (0.0, 0.0, 0.0);
        for (x, y, weight) in data.iter() {
            total += weight;
            if *y {
                positive += weight;
            }
            if (model.probability(x) >= 0.5) == *y {
                right += weight;
            }
        }
        println!(
            "{label}: {} blocks, weighted accuracy {:.4} (article share {:.4})",
            data.len(),
            right / total.max(1e-9),
            positive / total.max(1e-9)
        );
    }
    for (name, v) in FEATURE_NAMES.iter().zip(&w) {
        println!("  {name:<20} {v:+.4}");
    }
    let names: Vec<&str> = sets.iter().map(|s| s.name).collect();
    let header = format!(
        "Logistic regression over the boilerplate features, fitted on half A\n\
         (FNV-1a of the page id even) of the dumps of: {}.\n\
         Written by `cargo run --release --example eval_dumps -- --fit`.",
        names.join(", ")
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/passes/boilerplate/model.tsv");
    std::fs::write(&path, model.to_file(&header)).expect("model file written");
    println!("wrote {}", path.display());
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting.
fn solve(mut a: Vec<[f64; FEATURES]>, mut b: [f64; FEATURES]) -> [f64; FEATURES] {
    for col in 0..FEATURES {
        let pivot = (col..FEATURES)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        let d = a[col][col];
        if d.abs() < 1e-12 {
            continue;
        }
        let pivot_row = a[col];
        for row in col + 1..FEATURES {
            let f = a[row][col] / d;
            for (x, p) in a[row].iter_mut().zip(&pivot_row).skip(col) {
                *x -= f * p;
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = [0.0f64; FEATURES];
    for row in (0..FEATURES).rev() {
        let s: f64 = (row + 1..FEATURES).map(|k| a[row][k] * x[k]).sum();
        x[row] = if a[row][row].abs() < 1e-12 {
            0.0
        } else {
            (b[row] - s) / a[row][row]
        };
    }
    x
}

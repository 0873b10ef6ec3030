//! Accuracy and speed of the HTML ingest on every extraction set of the
//! shared corpus: `cargo run --release --example eval_extraction`.
//!
//! Reads `../shared/corpus/extraction/` (the news set, reported as
//! `scrapinghub`) and every folder of `../shared/corpus/web/`, each holding
//! `html/<id>.html.gz` and `ground-truth.json`. Every page is cleaned with
//! the default pipeline and scored with the benchmark's F1 over word
//! 4-gram shingles. Per set it prints:
//!
//! - F1, precision and recall over all pages and over each half of the set,
//!   the halves split by a hash of the page id (half A is the one rules are
//!   tuned on, half B is held out);
//! - the same per page type where the ground truth names one (`page_type`);
//! - empty outputs: pages whose truth has 20 words or more and whose
//!   prediction has fewer than 10;
//! - metadata agreement where the truth states it (see [`title_agrees`],
//!   [`author_agrees`], [`date_agrees`]);
//! - the worst pages.
//!
//! Then the median time per page against a bare parse that keeps all text
//! (news set), and the score of the hand-written template pages of
//! `fixtures/html`. `EVAL_SET=name` evaluates one set only;
//! `EVAL_DUMP=DIR` writes each page's prediction to `DIR/<set>/<id>.txt`,
//! its title, byline and date (one a line) to `DIR/<set>/<id>.meta`, and
//! the per-page scores to `DIR/<set>.tsv`.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use pristine::eval::PageScore;
use rayon::prelude::*;

const SHARED: &str = "../shared/corpus";

/// One page's outcome.
struct Outcome {
    id: String,
    page_type: Option<String>,
    score: PageScore,
    empty: bool,
    /// Agreement on title, author and date; None where the truth is silent.
    meta: [Option<bool>; 3],
}

fn main() {
    let root = Path::new(SHARED);
    if !root.exists() {
        println!("skipped: {SHARED} is absent (the shared corpus is not mounted here)");
        return;
    }
    let only = std::env::var("EVAL_SET").ok();
    let mut sets: Vec<(String, PathBuf)> = vec![("scrapinghub".into(), root.join("extraction"))];
    if let Ok(dir) = std::fs::read_dir(root.join("web")) {
        let mut web: Vec<(String, PathBuf)> = dir
            .filter_map(|e| e.ok())
            .filter(|e| e.path().join("ground-truth.json").exists())
            .map(|e| (e.file_name().to_string_lossy().to_string(), e.path()))
            .collect();
        web.sort();
        sets.extend(web);
    }
    let pipeline = pristine::Pipeline::default();
    for (name, dir) in &sets {
        if only.as_ref().is_some_and(|o| o != name) {
            continue;
        }
        let Some(pages) = load(dir) else {
            println!("{name}: skipped (no ground truth or html folder)");
            continue;
        };
        evaluate(name, &pages, &pipeline);
        if name == "scrapinghub" {
            speed(&pages);
        }
    }
    if only.is_none() {
        template_pages(&pipeline);
    }
}

/// The pages of one set with their truth: (id, gzipped html, truth record).
fn load(dir: &Path) -> Option<Vec<(String, Vec<u8>, serde_json::Value)>> {
    let mut truth: HashMap<String, serde_json::Value> =
        serde_json::from_slice(&std::fs::read(dir.join("ground-truth.json")).ok()?).ok()?;
    let mut pages: Vec<_> = std::fs::read_dir(dir.join("html"))
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let id = name.strip_suffix(".html.gz")?.to_string();
            let t = truth.remove(&id)?;
            Some((id, std::fs::read(e.path()).ok()?, t))
        })
        .collect();
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    Some(pages)
}

fn evaluate(set: &str, pages: &[(String, Vec<u8>, serde_json::Value)], pipe: &pristine::Pipeline) {
    let dump = std::env::var("EVAL_DUMP").ok();
    let outcomes: Vec<Outcome> = pages
        .par_iter()
        .map(|(id, bytes, truth)| {
            let doc = pipe
                .clean_html_bytes(bytes)
                .map_err(|e| eprintln!("{id}: {e}"));
            let predicted = doc.as_ref().map(|d| d.text()).unwrap_or_default();
            if let Some(d) = &dump {
                let dir = Path::new(d).join(set);
                let _ = std::fs::create_dir_all(&dir);
                let _ = std::fs::write(dir.join(format!("{id}.txt")), &predicted);
                if let Ok(d) = &doc {
                    let m = &d.meta;
                    let line = |v: &Option<String>| v.as_deref().unwrap_or("").replace('\n', " ");
                    let meta = format!(
                        "{}\n{}\n{}\n",
                        line(&m.title),
                        line(&m.byline),
                        line(&m.published)
                    );
                    let _ = std::fs::write(dir.join(format!("{id}.meta")), meta);
                }
            }
            let expected = truth["articleBody"].as_str().unwrap_or("");
            let meta = doc.as_ref().map(|d| &d.meta).ok();
            let field = |k: &str| truth[k].as_str().filter(|s| !s.trim().is_empty());
            let agree = |k: &str, f: fn(&str, Option<&str>) -> bool, got: Option<&str>| {
                field(k).map(|t| f(t, got))
            };
            Outcome {
                id: id.clone(),
                page_type: field("page_type").map(str::to_string),
                score: pristine::eval::score_page(expected, &predicted),
                empty: words(expected) >= 20 && words(&predicted) < 10,
                meta: [
                    agree("title", title_agrees, meta.and_then(|m| m.title.as_deref())),
                    agree(
                        "author",
                        author_agrees,
                        meta.and_then(|m| m.byline.as_deref()),
                    ),
                    agree(
                        "published",
                        date_agrees,
                        meta.and_then(|m| m.published.as_deref()),
                    ),
                ],
            }
        })
        .collect();
    if let Some(d) = &dump {
        let table: String = outcomes
            .iter()
            .map(|o| {
                let t = o.page_type.as_deref().unwrap_or("-");
                let s = o.score;
                format!("{}\t{t}\t{:.4}\t{:.4}\n", o.id, s.precision, s.recall)
            })
            .collect();
        let _ = std::fs::write(Path::new(d).join(format!("{set}.tsv")), table);
    }
    println!("== {set}: {} pages", outcomes.len());
    let line = |label: &str, pick: &dyn Fn(&Outcome) -> bool| {
        let s: Vec<PageScore> = outcomes
            .iter()
            .filter(|o| pick(o))
            .map(|o| o.score)
            .collect();
        if s.is_empty() {
            return;
        }
        let (p, r, f1) = pristine::eval::aggregate(&s);
        println!(
            "  {label:<16} {:>4} pages  F1 {f1:.4}  precision {p:.4}  recall {r:.4}",
            s.len()
        );
    };
    line("all", &|_| true);
    line("half A (tuned)", &|o| half_a(&o.id));
    line("half B (held)", &|o| !half_a(&o.id));
    let types: BTreeMap<&str, usize> =
        outcomes
            .iter()
            .filter_map(|o| o.page_type.as_deref())
            .fold(BTreeMap::new(), |mut m, t| {
                *m.entry(t).or_insert(0) += 1;
                m
            });
    for t in types.keys() {
        line(&format!("type {t}"), &|o| {
            o.page_type.as_deref() == Some(*t)
        });
        line(&format!("  A / {t}"), &|o| {
            half_a(&o.id) && o.page_type.as_deref() == Some(*t)
        });
        line(&format!("  B / {t}"), &|o| {
            !half_a(&o.id) && o.page_type.as_deref() == Some(*t)
        });
    }
    let empty: Vec<&str> = outcomes
        .iter()
        .filter(|o| o.empty)
        .map(|o| o.id.as_str())
        .collect();
    println!(
        "  empty outputs (truth >= 20 words, output < 10): {} {}",
        empty.len(),
        empty.join(" ")
    );
    for (k, field) in ["title", "author", "date"].iter().enumerate() {
        let stated: Vec<(bool, bool)> = outcomes
            .iter()
            .filter_map(|o| o.meta[k].map(|a| (a, half_a(&o.id))))
            .collect();
        if stated.is_empty() {
            continue;
        }
        let rate = |pick: &dyn Fn(bool) -> bool| {
            let v: Vec<bool> = stated.iter().filter(|s| pick(s.1)).map(|s| s.0).collect();
            v.iter().filter(|&&a| a).count() as f64 / v.len().max(1) as f64
        };
        println!(
            "  {field:<6} agreement {:.3} over {} pages (A {:.3}, B {:.3})",
            rate(&|_| true),
            stated.len(),
            rate(&|a| a),
            rate(&|a| !a)
        );
    }
    let mut worst: Vec<&Outcome> = outcomes.iter().collect();
    worst.sort_by(|a, b| page_f1(&a.score).total_cmp(&page_f1(&b.score)));
    println!("  worst pages (id, type, precision, recall):");
    for o in worst.iter().take(12) {
        println!(
            "    {}  {}  {:.3}  {:.3}",
            o.id,
            o.page_type.as_deref().unwrap_or("-"),
            o.score.precision,
            o.score.recall
        );
    }
}

/// True for the half of a set that rules are tuned on: FNV-1a of the id,
/// even. The other half is held out to show the rules generalise.
fn half_a(id: &str) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h.is_multiple_of(2)
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Lowercase alphanumeric words.
fn norm_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A title agrees when, compared as lowercase words, the two are equal or
/// one holds the other with at most a site name's worth (five words) over
/// and the shorter has two words or more.
fn title_agrees(truth: &str, got: Option<&str>) -> bool {
    let Some(got) = got else { return false };
    let (t, g) = (norm_words(truth).join(" "), norm_words(got).join(" "));
    if t.is_empty() || g.is_empty() {
        return false;
    }
    let holds = |long: &str, short: &str| {
        long.contains(short) && words(long) - words(short) <= 5 && words(short) >= 2
    };
    t == g || holds(&g, &t) || holds(&t, &g)
}

/// An author agrees when every word of the first person the truth names
/// (before a comma, "and" or "&") appears in the byline.
fn author_agrees(truth: &str, got: Option<&str>) -> bool {
    let Some(got) = got else { return false };
    let first = truth
        .split([',', '&', ';'])
        .next()
        .unwrap_or("")
        .split(" and ")
        .next()
        .unwrap_or("");
    let want = norm_words(first);
    let have = norm_words(got);
    !want.is_empty() && want.iter().all(|w| have.contains(w))
}

/// A date agrees when the calendar day (the first ten characters of the
/// ISO date) is the same.
fn date_agrees(truth: &str, got: Option<&str>) -> bool {
    let Some(got) = got else { return false };
    let day = |s: &str| s.trim().chars().take(10).collect::<String>();
    day(truth).len() == 10 && day(truth) == day(got)
}

/// Speed, serially: inflate outside the timing, then time a bare parse
/// (with a walk over every text node) and the ingest on the same bytes.
fn speed(pages: &[(String, Vec<u8>, serde_json::Value)]) {
    let raw: Vec<Vec<u8>> = pages
        .iter()
        .map(|(_, b, _)| pristine::ingest::decode::gunzip(b, None).unwrap_or_default())
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
        "  median ms/page: ingest {:.2}, bare parse {:.2}, ratio {:.2} (median of per-page ratios)",
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

fn page_f1(s: &PageScore) -> f64 {
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

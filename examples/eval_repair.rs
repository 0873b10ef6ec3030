//! Measures the text repair passes (unicode, spacing, casing, typos):
//!
//! 1. false edits on clean prose: the passes run over the ground-truth
//!    article bodies of every corpus set (`extraction`, and each set of
//!    `web/`), each ingested as a text dump; the rate per 20,000 words is
//!    printed per pass, set and half (pages split by a hash of their id:
//!    half A is the one rules were tuned on, half B is held out), and every
//!    edit is listed for review;
//! 2. recall and precision on damaged prose: one synthetic defect at a time
//!    is put into a paragraph of the extraction bodies, the passes run on
//!    it, and the result is compared with the passes' output on the
//!    undamaged paragraph;
//! 3. misspellings a typist makes (a neighbouring key, two letters swapped,
//!    one dropped or doubled, a vowel or ending confused) put into English
//!    words of every set, the typos pass run over the whole document, and
//!    its output compared with its output on the undamaged document.
//!
//! `cargo run --release --example eval_repair [-- --quiet] [--set NAME]
//! [--pass NAME] [--half a|b] [--misses] [--all-misses] [--context]` (`--context` shows
//! each listed edit in its block)

use std::collections::HashMap;

use pristine::corpus::casing::{CasingCounts, count_word_casing};
use pristine::lexicon::dictionary;
use pristine::passes::casing::{Evidence, casing_fixes};
use pristine::passes::spacing::spacing_fixes;
use pristine::passes::typos::typo_fixes;
use pristine::passes::unicode::unicode_fixes;
use pristine::passes::{casing, language, spacing, typos, unicode};
use pristine::text::{Case, Position, SentenceWords, WordKind};
use pristine::{Block, Document, Fix, Options, Pipeline};
use unicode_segmentation::UnicodeSegmentation;

/// The corpus sets with clean article bodies, by name.
const SETS: [(&str, &str); 3] = [
    (
        "extraction",
        "../shared/corpus/extraction/ground-truth.json",
    ),
    (
        "tiptopjaw-wceb",
        "../shared/corpus/web/tiptopjaw-wceb/ground-truth.json",
    ),
    ("dragnet", "../shared/corpus/web/dragnet/ground-truth.json"),
];

/// One page's clean body.
struct Page {
    id: String,
    body: String,
    /// 0 for half A (tuned on), 1 for half B (held out).
    half: usize,
}

/// The half a page belongs to: the low bit of an FNV-1a hash of its id, so
/// that the split is fixed and independent of the order of the pages.
fn half_of(id: &str) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h & 1) as usize
}

fn arg_value(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn load(path: &str) -> Option<Vec<Page>> {
    let raw = std::fs::read_to_string(path).ok()?;
    let truth: HashMap<String, serde_json::Value> = serde_json::from_str(&raw).ok()?;
    let mut pages: Vec<Page> = truth
        .into_iter()
        .filter_map(|(id, v)| {
            let body = v["articleBody"].as_str()?.to_string();
            Some(Page {
                half: half_of(&id),
                id,
                body,
            })
        })
        .collect();
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Some(pages)
}

fn main() {
    let quiet = std::env::args().any(|a| a == "--quiet");
    let only_set = arg_value("--set");
    let only_pass = arg_value("--pass");
    let only_half = arg_value("--half").map(|h| usize::from(h.eq_ignore_ascii_case("b")));
    let mut any = false;
    for (name, path) in SETS {
        if only_set.as_deref().is_some_and(|s| s != name) {
            continue;
        }
        let Some(pages) = load(path) else {
            eprintln!("skipped {name}: {path} not found");
            continue;
        };
        any = true;
        false_edits(name, &pages, quiet, only_pass.as_deref(), only_half);
        misspellings(name, &pages);
        if name == "extraction" {
            let bodies: Vec<(&str, &str)> = pages
                .iter()
                .map(|p| (p.id.as_str(), p.body.as_str()))
                .collect();
            damaged_recall(&bodies);
        }
    }
    if !any {
        eprintln!("skipped: no corpus set found under ../shared/corpus");
    }
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

fn false_edits(
    set: &str,
    pages: &[Page],
    quiet: bool,
    only_pass: Option<&str>,
    only_half: Option<usize>,
) {
    let pipeline = repair_pipeline();
    let context = std::env::args().any(|a| a == "--context");
    let mut words = [0usize; 2];
    let mut per_pass: HashMap<String, [usize; 2]> = HashMap::new();
    println!("== 1. {set}: edits on clean prose (ground-truth bodies) ==");
    for page in pages {
        words[page.half] += page.body.unicode_words().count();
        let Ok(mut doc) = pristine::ingest::text::ingest(&page.body, &Options::default()) else {
            continue;
        };
        pipeline.run(&mut doc);
        for e in &doc.edits {
            per_pass.entry(e.pass.clone()).or_default()[page.half] += 1;
            let shown = !quiet
                && only_pass.is_none_or(|p| p == e.pass)
                && only_half.is_none_or(|h| h == page.half);
            if shown {
                println!(
                    "  {:8} {:.8} {:?} -> {:?}",
                    e.pass, page.id, e.before, e.after
                );
                if context {
                    let block = doc
                        .index_of(e.block)
                        .and_then(|i| doc.blocks().get(i))
                        .map(Block::plain_text);
                    println!(
                        "      | {}",
                        around(block.as_deref().unwrap_or(""), &e.after)
                    );
                }
            }
        }
    }
    let rate = |n: usize, h: usize| n as f64 * 20_000.0 / words[h].max(1) as f64;
    println!(
        "{set}: pages {}, words A {} B {} (per 20,000 words: half A | half B)",
        pages.len(),
        words[0],
        words[1]
    );
    let mut passes: Vec<_> = per_pass.into_iter().collect();
    passes.sort();
    let mut total = [0usize; 2];
    for (p, n) in &passes {
        total[0] += n[0];
        total[1] += n[1];
        println!(
            "  {p:8} {:5} | {:5} edits  {:6.2} | {:6.2}",
            n[0],
            n[1],
            rate(n[0], 0),
            rate(n[1], 1)
        );
    }
    println!(
        "  all      {:5} | {:5} edits  {:6.2} | {:6.2}",
        total[0],
        total[1],
        rate(total[0], 0),
        rate(total[1], 1)
    );
}

/// Up to 80 characters each side of the first `needle` in `text`, on one
/// line, so that an edit can be judged in its place.
fn around(text: &str, needle: &str) -> String {
    let at = text.find(needle).unwrap_or(0);
    let mut lo = at.saturating_sub(80);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (at + needle.len() + 80).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    text[lo..hi].replace('\n', " / ")
}

/// The most paragraphs of one document given a misspelling.
const MISSPELLINGS_PER_DOCUMENT: usize = 6;

/// Misspellings as a typist makes them, put into English words of the
/// bodies; the typos pass runs over each whole document once undamaged and
/// once damaged, and the two outputs are compared paragraph by paragraph.
fn misspellings(set: &str, pages: &[Page]) {
    let pipeline = Pipeline::empty()
        .with_pass(language::DetectLanguage)
        .with_pass(typos::RepairTypos);
    let show = std::env::args().any(|a| a == "--misses");
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    // Per half: sites, restored, wrong (a miscorrection, or a change to a
    // paragraph left undamaged).
    let mut score = [[0usize; 3]; 2];
    for page in pages {
        let Ok(mut clean) = pristine::ingest::text::ingest(&page.body, &Options::default()) else {
            continue;
        };
        let undamaged = clean.clone();
        pipeline.run(&mut clean);
        if clean.meta.language.as_deref() != Some("en") {
            continue;
        }
        let mut hit: Vec<Option<(String, String)>> = vec![None; undamaged.blocks().len()];
        let mut budget = MISSPELLINGS_PER_DOCUMENT;
        let mut damaged = Document::new(undamaged.input_format);
        damaged.meta = undamaged.meta.clone();
        for (i, b) in undamaged.blocks().iter().enumerate() {
            let mut b = b.clone();
            if let Block::Paragraph { text } = &mut b
                && budget > 0
                && let Some((t, typo, word)) = misspell(text, &mut rng)
            {
                *text = t;
                hit[i] = Some((typo, word));
                budget -= 1;
            }
            damaged.push(b, undamaged.origin(i).clone());
        }
        pipeline.run(&mut damaged);
        let s = &mut score[page.half];
        for (i, out) in damaged.blocks().iter().enumerate() {
            let want = &clean.blocks()[i];
            if let Some((typo, word)) = &hit[i] {
                s[0] += 1;
                let fix = damaged.edits.iter().find(|e| {
                    damaged.index_of(e.block) == Some(i)
                        && e.before.trim_end_matches(|c: char| !c.is_alphanumeric()) == typo
                });
                match fix {
                    Some(e) if e.after.starts_with(word.as_str()) => s[1] += 1,
                    Some(e) => {
                        s[2] += 1;
                        if show {
                            println!("  wrong typo: {word} -> {typo} -> {}", e.after);
                        }
                    }
                    None if show && s[0] % 5 == 0 => println!("  missed typo: {word} -> {typo}"),
                    None => {}
                }
            } else if out != want {
                s[2] += 1;
                if show {
                    println!("  changed: {out:?}");
                }
            }
        }
    }
    println!("== 3. {set}: generated misspellings (keyboard and phonetic slips) ==");
    for (h, s) in score.iter().enumerate() {
        println!(
            "  half {}: sites {:5}  restored {:5}  wrong {:3}  recall {:.3}  precision {:.3}",
            ["A", "B"][h],
            s[0],
            s[1],
            s[2],
            s[1] as f64 / s[0].max(1) as f64,
            s[1] as f64 / (s[1] + s[2]).max(1) as f64
        );
    }
}

/// `text` with one English word of five letters or more misspelt the way a
/// typist does, or `None` when no word gives a misspelling that is no
/// English word.
fn misspell(text: &str, rng: &mut Rng) -> Option<(String, String, String)> {
    let words: Vec<_> = SentenceWords::new(text)
        .filter(|(w, p)| {
            *p == Position::Mid
                && w.case == Case::Lower
                && w.kind == WordKind::Alpha
                && w.text.len() >= 5
                && w.text.bytes().all(|b| b.is_ascii_lowercase())
                && dictionary::is_english(w.text)
        })
        .collect();
    if words.is_empty() {
        return None;
    }
    for _ in 0..4 {
        let (w, _) = words[rng.below(words.len())];
        let b = w.text.as_bytes();
        let i = 1 + rng.below(b.len() - 2);
        let mut m = b.to_vec();
        match rng.below(6) {
            // A neighbouring key.
            0 => {
                const ROWS: [&[u8]; 3] = [b"qwertyuiop", b"asdfghjkl", b"zxcvbnm"];
                let Some((row, k)) = ROWS
                    .iter()
                    .find_map(|r| r.iter().position(|&c| c == b[i]).map(|k| (r, k)))
                else {
                    continue;
                };
                let k2 = if k + 1 < row.len() && (k == 0 || rng.below(2) == 0) {
                    k + 1
                } else {
                    k - 1
                };
                m[i] = row[k2];
            }
            1 => m.swap(i, i + 1),
            2 => {
                m.remove(i);
            }
            3 => m.insert(i, b[i]),
            // Vowels confused in an unstressed syllable, the errors of ear.
            4 => {
                let Some(k) = (1..b.len()).find(|&k| matches!(b[k], b'a' | b'e' | b'i')) else {
                    continue;
                };
                m[k] = match b[k] {
                    b'a' => b'e',
                    b'e' => b'a',
                    _ => b'e',
                };
            }
            // A doubled consonant written single, or `ie` as `ei`.
            _ => {
                if let Some(k) = (1..b.len()).find(|&k| b[k] == b[k - 1]) {
                    m.remove(k);
                } else if let Some(k) = (1..b.len()).find(|&k| &b[k - 1..=k] == b"ie") {
                    m.swap(k - 1, k);
                } else {
                    continue;
                }
            }
        }
        let Ok(typo) = String::from_utf8(m) else {
            continue;
        };
        if typo.len() < 4 || dictionary::is_english(&typo) || dictionary::is_name(&typo) {
            continue;
        }
        let damaged = format!("{}{}{}", &text[..w.start], typo, &text[w.end()..]);
        return Some((damaged, typo, w.text.to_string()));
    }
    None
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
    println!("== 2. extraction: damaged prose ==");
    let show_misses = std::env::args().any(|a| a == "--misses" || a == "--all-misses");
    // Every miss, not one in seven.
    let all_misses = std::env::args().any(|a| a == "--all-misses");
    // Invert typos-dict: a correct word → one misspelling of it.
    let mut misspell: HashMap<&'static str, &'static str> = HashMap::new();
    for (typo, fixes) in typos_dict::WORD.map.entries() {
        let typo = typo.into_inner();
        if let [one] = fixes
            && typo.bytes().all(|b| b.is_ascii_lowercase())
            && pristine::lexicon::misspellings::correction(typo) == Some(*one)
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
        for b in doc.blocks() {
            b.for_each_text(|_, t| count_word_casing(t, &mut counts));
        }
        let evidence = Evidence {
            doc: &counts,
            folder: None,
        };
        for b in doc.blocks() {
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
                    } else if show_misses && (score.sites % 7 == 0 || all_misses) {
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

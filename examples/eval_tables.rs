//! Accuracy and cost harness for the `tables` pass:
//! `cargo run --release --example eval_tables`.
//!
//! Cleans the flattened real tables of `../shared/corpus/tables/` as a folder
//! run of the command line does (default pipeline, folder learning), and
//! scores them the way `../shared/checks/flat_tables.py score` does: found (a
//! table block with the expected number of rows), exact (columns and every
//! cell equal after white-space folding), cell accuracy (equal cells under
//! the right column name, over all expected cells) and extra tables (table
//! blocks beyond one per dump). The tables are split in two halves by a hash
//! of their id, so a rule tuned on one half can be checked on the other; both
//! halves and the whole are printed.
//!
//! `--show` prints each table's outcome and, where it is not exact, what was
//! made; `--cost` also times a folder run with and without the pass, one
//! thread, on the plain dumps of `../shared/corpus/plaindump/tiptopjaw-wceb/`
//! (interleaved rounds, median), and prints the pass's share of the run.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use pristine::batch::{Batch, Payload, Record};
use pristine::{Block, Pipeline};

const TABLES: &str = "../shared/corpus/tables";
const PLAIN: &str = "../shared/corpus/plaindump/tiptopjaw-wceb";
const PLAIN_SETS: &str = "../shared/corpus/plaindump";

/// What one dump's output scores.
#[derive(Default, Clone, Copy)]
struct Score {
    tables: usize,
    found: usize,
    exact: usize,
    cells_ok: usize,
    cells_all: usize,
    extra: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.tables += o.tables;
        self.found += o.found;
        self.exact += o.exact;
        self.cells_ok += o.cells_ok;
        self.cells_all += o.cells_all;
        self.extra += o.extra;
    }

    fn line(&self, name: &str) -> String {
        format!(
            "{name:<8} tables {:>3}  found {:>3}  exact {:>3}  cell accuracy {:.3}  extra tables {}",
            self.tables,
            self.found,
            self.exact,
            self.cells_ok as f64 / self.cells_all.max(1) as f64,
            self.extra
        )
    }
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// FNV-1a of the id: a stable split that no rule can see.
fn half_of(id: &str) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h % 2) as usize
}

/// Scores the table blocks made from one dump against its expected table.
fn score(expected: &serde_json::Value, blocks: &[Block]) -> (Score, String) {
    let columns: Vec<String> = expected["columns"]
        .as_array()
        .map(|a| a.iter().map(|c| fold(c.as_str().unwrap_or(""))).collect())
        .unwrap_or_default();
    let rows: Vec<Vec<String>> = expected["rows"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|r| {
                    r.as_array()
                        .map(|r| r.iter().map(|c| fold(c.as_str().unwrap_or(""))).collect())
                        .unwrap_or_default()
                })
                .collect()
        })
        .unwrap_or_default();
    let mut s = Score {
        tables: 1,
        cells_all: columns.len() * rows.len(),
        ..Score::default()
    };
    let tables: Vec<_> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    s.extra = tables.len().saturating_sub(1);
    let Some(t) = tables.iter().find(|t| t.rows.len() == rows.len()) else {
        let made: Vec<String> = tables
            .iter()
            .map(|t| format!("{:?} x{}", t.columns, t.rows.len()))
            .collect();
        return (s, format!("missed; made {}", made.join(", ")));
    };
    s.found = 1;
    let got_cols: Vec<String> = t.columns.iter().map(|c| fold(c)).collect();
    let got_rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| fold(c)).collect())
        .collect();
    for (want, got) in rows.iter().zip(&got_rows) {
        for (j, cell) in want.iter().enumerate() {
            if got_cols.get(j) == Some(&columns[j]) && got.get(j) == Some(cell) {
                s.cells_ok += 1;
            }
        }
    }
    if got_cols == columns && got_rows == rows {
        s.exact = 1;
        return (s, String::new());
    }
    let first_bad = rows
        .iter()
        .zip(&got_rows)
        .find(|(w, g)| w != g)
        .map(|(w, g)| format!("\n      row  {g:?}\n      want {w:?}"))
        .unwrap_or_default();
    (
        s,
        format!("columns {got_cols:?}\n      want    {columns:?}{first_bad}"),
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--show");
    let cost = args.iter().any(|a| a == "--cost");
    let expect_path = Path::new(TABLES).join("expect.json");
    let Ok(raw) = std::fs::read_to_string(&expect_path) else {
        println!("skipped: {} is absent", expect_path.display());
        return;
    };
    let expect: BTreeMap<String, serde_json::Value> =
        serde_json::from_str(&raw).expect("expect.json is a JSON object");
    let records: Vec<Record> = expect
        .keys()
        .filter_map(|id| {
            let text = std::fs::read_to_string(Path::new(TABLES).join(format!("{id}.txt"))).ok()?;
            Some(Record::new(format!("{id}.txt"), Payload::Text(text)))
        })
        .collect();
    let outcomes = Batch::new(Pipeline::default()).run(records);
    let mut halves = [Score::default(); 2];
    for (id, expected) in &expect {
        let source = format!("{id}.txt");
        let blocks = outcomes
            .iter()
            .find(|o| o.source == source)
            .and_then(|o| o.document.as_ref().ok())
            .map(|d| d.blocks().to_vec())
            .unwrap_or_default();
        let (s, why) = score(expected, &blocks);
        halves[half_of(id)].add(s);
        if show {
            let verdict = match (s.exact, s.found) {
                (1, _) => "exact",
                (_, 1) => "found",
                _ => "MISSED",
            };
            let short: String = id.chars().take(12).collect();
            println!("{verdict:<6} {short:<12} {why}");
        }
    }
    let mut all = halves[0];
    all.add(halves[1]);
    println!("{}", halves[0].line("half A"));
    println!("{}", halves[1].line("half B"));
    println!("{}", all.line("all"));
    count_chrome_tables(show);
    if cost {
        measure_cost();
    }
}

/// Counts the table blocks made from the plain dumps of whole pages
/// (`../shared/corpus/plaindump/*`, a folder run each): their articles hold
/// few flattened tables, so nearly every table made there is page chrome
/// (menus, teasers, filters) read as rows. `--show` lists each.
fn count_chrome_tables(show: bool) {
    let Ok(sets) = std::fs::read_dir(PLAIN_SETS) else {
        println!("skipped plain dumps: {PLAIN_SETS} is absent");
        return;
    };
    let mut sets: Vec<_> = sets.filter_map(|e| e.ok().map(|e| e.path())).collect();
    sets.sort();
    let mut total = 0;
    let mut dumps = 0;
    for set in sets.iter().filter(|p| p.is_dir()) {
        let mut paths: Vec<_> = std::fs::read_dir(set)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let records: Vec<Record> = paths
            .into_iter()
            .filter_map(|p| {
                let name = p.file_name()?.to_string_lossy().into_owned();
                let text = std::fs::read_to_string(&p).ok()?;
                Some(Record::new(name, Payload::Text(text)))
            })
            .collect();
        dumps += records.len();
        let set_name = set.file_name().unwrap_or_default().to_string_lossy();
        for o in Batch::new(Pipeline::default()).run(records) {
            let Ok(doc) = o.document.as_ref() else {
                continue;
            };
            for b in doc.blocks() {
                if let Block::Table(t) = b {
                    total += 1;
                    if show {
                        println!(
                            "table  {set_name}/{} {:?} x{}",
                            o.source,
                            t.columns,
                            t.rows.len()
                        );
                    }
                }
            }
        }
    }
    println!("plain dumps of whole pages: {dumps} dumps, {total} table blocks");
}

/// Times a folder run of the default pipeline (folder learning on, as the
/// command line runs it) with and without the `tables` pass on the plain
/// dumps, on one thread, in interleaved rounds, and prints the pass's share
/// of the full run.
fn measure_cost() {
    let Ok(dir) = std::fs::read_dir(PLAIN) else {
        println!("skipped cost: {PLAIN} is absent");
        return;
    };
    let mut texts: Vec<(String, String)> = dir
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, std::fs::read_to_string(&p).ok()?))
        })
        .collect();
    texts.sort();
    let full = Batch::new(Pipeline::default());
    let mut without = Pipeline::default();
    without.disable("tables").expect("the tables pass exists");
    let without = Batch::new(without);
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");
    let run = |batch: &Batch| -> (Duration, usize) {
        let records = texts
            .iter()
            .map(|(name, t)| Record::new(name.clone(), Payload::Text(t.clone())))
            .collect();
        let start = cpu_time();
        let outcomes = one_thread.install(|| batch.run(records));
        let elapsed = cpu_time().saturating_sub(start);
        let tables = outcomes
            .iter()
            .filter_map(|o| o.document.as_ref().ok())
            .flat_map(|d| d.blocks())
            .filter(|b| matches!(b, Block::Table(_)))
            .count();
        (elapsed, tables)
    };
    let mut with_times = Vec::new();
    let mut without_times = Vec::new();
    let (mut made, mut made_without) = (0, 0);
    for _ in 0..3 {
        let (t, n) = run(&full);
        with_times.push(t);
        made = n;
        let (t, n) = run(&without);
        without_times.push(t);
        made_without = n;
    }
    with_times.sort();
    without_times.sort();
    let (w, wo) = (with_times[1], without_times[1]);
    println!(
        "cost on {} plain dumps, folder run, one thread, CPU time (medians of 3): full {:.2} s, without tables {:.2} s, pass share {:.1}% ({} table blocks, {} without the pass)",
        texts.len(),
        w.as_secs_f64(),
        wo.as_secs_f64(),
        100.0 * (w.as_secs_f64() - wo.as_secs_f64()) / w.as_secs_f64(),
        made,
        made_without
    );
}

/// CPU time the process has used so far (user and system), read from
/// `/proc/self/stat` on Linux: unlike wall time, it does not count the time
/// other programs on a shared machine take. Elsewhere, the wall clock since
/// the first call.
fn cpu_time() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let wall = || START.get_or_init(Instant::now).elapsed();
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return wall();
    };
    // Fields after the command name, which ends with the last `)`: the
    // state is the first, user and system ticks the 12th and 13th.
    let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
        return wall();
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok());
    match (ticks(11), ticks(12)) {
        // Linux reports times in clock ticks of 1/100 s.
        (Some(user), Some(system)) => Duration::from_millis((user + system) * 10),
        _ => wall(),
    }
}

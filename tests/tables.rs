//! The `tables` pass over hand-written fixtures (exact output), and over the
//! shared corpora: prose must never become a table.
//!
//! `fixtures/tables/<case>/input.txt` is a text dump; `expected.json` holds
//! the table blocks the pass must make from it, in order (`[]` for a case
//! that must stay paragraphs). Run with `BLESS=1` to rewrite the expected
//! files after a deliberate change, then review the diff.

use std::path::{Path, PathBuf};

use pristine::passes::tables::RebuildTables;
use pristine::{Block, Document, Pipeline};

fn tables_of(doc: &Document) -> Vec<&Block> {
    doc.blocks()
        .iter()
        .filter(|b| matches!(b, Block::Table(_)))
        .collect()
}

/// Multi-line paragraphs: the candidates the pass judges.
fn candidates(doc: &Document) -> usize {
    doc.blocks()
        .iter()
        .filter(|b| matches!(b, Block::Paragraph { text } if text.contains('\n')))
        .count()
}

fn only_tables() -> Pipeline {
    Pipeline::empty().with_pass(RebuildTables)
}

#[test]
fn fixtures_come_out_exactly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/tables");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("fixtures/tables exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("input.txt").exists())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "too few fixtures: {}", cases.len());
    let bless = std::env::var_os("BLESS").is_some();
    let mut failed = Vec::new();
    for case in &cases {
        let input = std::fs::read_to_string(case.join("input.txt")).unwrap();
        let doc = only_tables().clean_text(&input).unwrap();
        let got = serde_json::to_string_pretty(&tables_of(&doc)).unwrap() + "\n";
        let expected_path = case.join("expected.json");
        if bless {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            failed.push(format!(
                "{}:\n--- expected\n{expected}\n--- got\n{got}",
                case.display()
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if p.exists() {
        Some(p)
    } else {
        println!("skipped: ../shared/corpus is absent");
        None
    }
}

#[test]
fn ground_truth_bodies_make_no_tables() {
    let Some(corpus) = shared() else { return };
    let raw = std::fs::read_to_string(corpus.join("extraction/ground-truth.json")).unwrap();
    let truth: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&raw).unwrap();
    // Header lines of the real tables in `corpus/tables`, cells joined by
    // spaces as a flattened dump writes them.
    let real_headers: Vec<String> = std::fs::read_to_string(corpus.join("tables/expect.json"))
        .ok()
        .and_then(|raw| serde_json::from_str::<serde_json::Value>(&raw).ok())
        .and_then(|v| v.as_object().cloned())
        .map(|tables| {
            tables
                .values()
                .filter_map(|t| t["columns"].as_array())
                .map(|c| {
                    c.iter()
                        .filter_map(|x| x.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect()
        })
        .unwrap_or_default();
    let pipeline = Pipeline::default();
    let mut made = Vec::new();
    let mut real = 0;
    let mut seen = 0;
    for (id, page) in &truth {
        let Some(body) = page.get("articleBody").and_then(|b| b.as_str()) else {
            continue;
        };
        let Ok(mut doc) = pristine::ingest::text::ingest(body, pipeline.options()) else {
            continue;
        };
        seen += candidates(&doc);
        pipeline.run(&mut doc);
        for t in tables_of(&doc) {
            if let Block::Table(table) = t
                && real_headers.contains(&table.columns.join(" "))
            {
                // Not prose: a body that holds one of the real tables the
                // tables corpus took from the same pages, flattened.
                real += 1;
                continue;
            }
            made.push(format!("{id}: {}", t.plain_text()));
        }
    }
    println!(
        "tables made from {} ground-truth bodies ({seen} candidate paragraphs): {} from prose, {real} real tables",
        truth.len(),
        made.len()
    );
    assert!(
        made.is_empty(),
        "prose became tables:\n{}",
        made.join("\n\n")
    );
}

/// Prints every table made from the text dumps, for review by eye
/// (`cargo test --test tables textdump -- --nocapture`).
#[test]
fn textdump_tables_are_listed() {
    let Some(corpus) = shared() else { return };
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join("textdump"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let pipeline = Pipeline::default();
    let mut count = 0;
    let mut seen = 0;
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let Ok(mut doc) = pristine::ingest::text::ingest_bytes(&bytes, pipeline.options()) else {
            continue;
        };
        seen += candidates(&doc);
        pipeline.run(&mut doc);
        for t in tables_of(&doc) {
            count += 1;
            let name = f.file_name().unwrap().to_string_lossy();
            println!("== {}\n{}\n", &name[..12.min(name.len())], t.plain_text());
        }
    }
    println!(
        "table blocks after the pipeline on {} text dumps ({seen} candidate paragraphs): {count}",
        files.len()
    );
}

mod no_panic {
    use super::*;
    use proptest::prelude::*;

    /// Words of every class the cell typing tells apart, and some odd ones.
    const WORDS: &[&str] = &[
        "May", "2023", "12", "$1.2m", "45%", "€", "Harbour", "USA", "the", "in", "and", "boats",
        "—", "é", "Monday", "Q1", "The", "of", "x.", "a,", "", "2:21:14", "N/A",
    ];

    proptest! {
        #[test]
        fn any_lines_are_handled(lines in prop::collection::vec(
            prop::collection::vec(prop::sample::select(WORDS), 0..12), 3..10)) {
            let text: Vec<String> = lines.iter().map(|l| l.join(" ")).collect();
            let doc = only_tables().clean_text(&text.join("\n")).unwrap_or_default();
            for b in doc.blocks() {
                if let Block::Table(t) = b {
                    prop_assert!(t.rows.iter().all(|r| r.len() == t.columns.len()));
                }
            }
        }
    }

    /// A long run of short capitalised lines: the search is bounded, so this
    /// finishes, and such a run is not a table.
    #[test]
    fn a_long_run_of_title_lines_is_not_a_table() {
        let line = "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu";
        let text = vec![line; 80].join("\n");
        let doc = only_tables().clean_text(&text).unwrap();
        assert!(tables_of(&doc).is_empty());
        // With numbers and lowercase words in every line the search runs in
        // full, within its budget.
        let line = "Alpha Beta gamma 12 delta Epsilon 3 zeta Eta theta Iota 7 kappa Mu";
        let text = vec![line; 80].join("\n");
        let _ = only_tables().clean_text(&text).unwrap();
    }
}

/// Lines around a table stay paragraphs, in place, with their text as it was.
#[test]
fn lines_around_a_table_stay_paragraphs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/tables");
    for (case, kinds) in [
        (
            "table_between_prose",
            &["paragraph", "table", "paragraph"][..],
        ),
        (
            "six_columns_league",
            &["paragraph", "table", "paragraph"][..],
        ),
        ("dates_names_quantities", &["paragraph", "table"][..]),
    ] {
        let input = std::fs::read_to_string(root.join(case).join("input.txt")).unwrap();
        let doc = only_tables().clean_text(&input).unwrap();
        let got: Vec<&str> = doc.blocks().iter().map(Block::kind).collect();
        assert_eq!(got, kinds, "{case}");
        let first_line = input.lines().next().unwrap();
        assert_eq!(
            doc.blocks()[0],
            Block::Paragraph {
                text: first_line.to_string()
            }
        );
        assert_eq!(doc.edits.len(), 1, "{case}: one logged rebuild");
    }
}

/// Aligned tables of any length stay tables: tabs, aligned spaces and pipes,
/// a hundred rows each, between two paragraphs.
#[test]
fn long_aligned_tables_stay_tables() {
    /// A header line, and how row `i` is written under it.
    type Layout = (&'static str, fn(usize) -> String);
    let layouts: [Layout; 3] = [
        ("Depot\tParcels\tRoute", |i| {
            format!("Depot {i}\t{} parcels\tRoute {}", i * 7 + 3, i % 9)
        }),
        ("Depot       Parcels      Route", |i| {
            let depot = format!("Depot {i}");
            let parcels = format!("{} parcels", i * 7 + 3);
            format!("{depot:<12}{parcels:<13}Route {}", i % 9)
        }),
        ("| Depot | Parcels | Route |\n|---|---|---|", |i| {
            format!("| Depot {i} | {} parcels | Route {} |", i * 7 + 3, i % 9)
        }),
    ];
    for (header, row) in layouts {
        let rows: Vec<String> = (0..100).map(row).collect();
        let text = format!(
            "The depots reported their loads for the week.\n\n{header}\n{}\n\nLoads were lower than in spring.\n",
            rows.join("\n")
        );
        let doc = Pipeline::default().clean_text(&text).unwrap();
        let tables = tables_of(&doc);
        assert_eq!(tables.len(), 1, "{header}: {:?}", doc.blocks());
        let Block::Table(t) = tables[0] else {
            unreachable!()
        };
        assert_eq!(t.columns, ["Depot", "Parcels", "Route"], "{header}");
        assert_eq!(t.rows.len(), 100, "{header}");
        assert_eq!(
            t.rows[99],
            ["Depot 99", "696 parcels", "Route 0"],
            "{header}"
        );
    }
}

//! `pristine -` as a Spark mapper: PySpark in local mode pipes a few hundred
//! records through it, with knowledge from `pristine learn`, and the result
//! equals a local run over the same records.
//!
//! Skips with a message when PySpark is not installed, except under CI
//! (`CI=true`), where `.ci/run` installs it and a skip would hide a failure.

use std::fs;
use std::path::Path;
use std::process::Command;

fn records() -> String {
    let towns = ["Ashford", "Brampton", "Corley", "Dunmore", "Elsworth"];
    let mut out = String::new();
    for n in 0..300 {
        let town = towns[n % towns.len()];
        let body = format!(
            "Budget for {town} number {n}\n\nThe council of {town} approved its budget for year {n} on Tuesday evening after a long debate.\n\n\
             Members agreed to spend more on roads and less on new offices.\n\nShare this article\n"
        );
        let record = if n % 4 == 0 {
            serde_json::json!({"id": format!("r{n}"), "source": format!("budgets/{n}"),
                "url": format!("https://{}.example/{n}", town.to_lowercase()),
                "html": format!("<html><body><article><h1>Budget {n}</h1><p>{}</p></article></body></html>", body.replace("\n\n", "</p><p>"))})
        } else {
            serde_json::json!({"id": format!("r{n}"), "source": format!("budgets/{n}"), "text": body})
        };
        out.push_str(&record.to_string());
        out.push('\n');
    }
    out
}

#[test]
fn spark_pipe_equals_the_local_run() {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let has_spark = Command::new("python3")
        .args(["-c", "import pyspark"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_spark {
        assert!(!ci, "PySpark is missing under CI; .ci/run installs it");
        eprintln!("skipped: PySpark is not installed (pip install pyspark)");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("pristine");
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("records.jsonl");
    fs::write(&input, records()).unwrap();

    let knowledge = tmp.path().join("knowledge.json");
    let learned = Command::new(&bin)
        .arg("learn")
        .arg(&input)
        .arg("-o")
        .arg(&knowledge)
        .status()
        .unwrap();
    assert!(learned.success());

    let local = tmp.path().join("local");
    let ran = Command::new(&bin)
        .arg(&input)
        .arg("-o")
        .arg(&local)
        .arg("--quiet")
        .status()
        .unwrap();
    assert!(ran.success());

    let spark_out = tmp.path().join("spark.jsonl");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/spark/pipe.py");
    let spark = Command::new("python3")
        .arg(&script)
        .arg(&bin)
        .arg(&knowledge)
        .arg(&input)
        .arg(&spark_out)
        .output()
        .unwrap();
    assert!(
        spark.status.success(),
        "spark failed: {}",
        String::from_utf8_lossy(&spark.stderr)
    );

    // Records name themselves (`source`), so the two runs agree byte for byte.
    let local_lines = fs::read_to_string(local.join("records.jsonl")).unwrap();
    let spark_lines = fs::read_to_string(&spark_out).unwrap();
    assert_eq!(local_lines.lines().count(), 300);
    assert_eq!(spark_lines.lines().count(), 300);
    for (i, (x, y)) in local_lines.lines().zip(spark_lines.lines()).enumerate() {
        assert_eq!(x, y, "record {i} differs");
    }
    assert_eq!(local_lines, spark_lines);
    // The cleaning did its work: the share prompt is out of every body.
    for line in spark_lines.lines() {
        let d: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(!d["text"].as_str().unwrap().contains("Share this article"));
    }
}

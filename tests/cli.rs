//! The binary, run as a user runs it.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn pristine() -> Command {
    Command::cargo_bin("pristine").expect("binary builds")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/sample")
}

/// A small article of generated sentences, different for each `n`.
fn dump(n: usize) -> String {
    let towns = ["Ashford", "Brampton", "Corley", "Dunmore", "Elsworth"];
    let town = towns[n % towns.len()];
    format!(
        "Council Budget for {town} Number {n}\n\n\
         The council of {town} approved its budget for year {n} on Tuesday evening after a long debate. \
         Members agreed to spend more on roads and less on new offices.\n\n\
         Main points of the plan:\n\n\
         • Roads: Repairs to {k} streets before the winter.\n\
         • Parks: New benches and lighting in the central park.\n",
        k = n % 17 + 3
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// Every file under `dir`, relative path → contents.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<_> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_folder_of_good_and_bad_inputs() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(input.join("batch/deeper")).unwrap();
    for n in 0..200 {
        let sub = if n % 3 == 0 { "batch/deeper" } else { "batch" };
        fs::write(input.join(sub).join(format!("page{n:03}.txt")), dump(n)).unwrap();
    }
    fs::write(input.join("empty.txt"), b"").unwrap();
    fs::write(
        input.join("binary.txt"),
        [0x7f, b'E', b'L', b'F', 0, 1, 2, 0, 0, 9],
    )
    .unwrap();
    fs::write(
        input.join("latin1.txt"),
        b"Caf\xe9 society gathers in the square.",
    )
    .unwrap();
    let gz = gzip(dump(999).as_bytes());
    fs::write(input.join("cut.txt.gz"), &gz[..gz.len() / 2]).unwrap();
    std::os::unix::fs::symlink(
        input.join("no-such-target.txt"),
        input.join("unreadable.txt"),
    )
    .unwrap();
    fs::write(input.join("notes.pdf"), b"%PDF-1.4").unwrap();

    let run = |jobs: &str, out: &Path| {
        let report = out.with_extension("report.json");
        let assert = pristine()
            .arg(&input)
            .arg("-o")
            .arg(out)
            .args(["--jobs", jobs, "--report"])
            .arg(&report)
            .assert()
            .code(1);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        let report: serde_json::Value =
            serde_json::from_slice(&fs::read(&report).unwrap()).unwrap();
        (stderr, report)
    };
    let out1 = tmp.path().join("out1");
    let out4 = tmp.path().join("out4");
    let (stderr, report) = run("1", &out1);
    for bad in [
        "empty.txt",
        "binary.txt",
        "latin1.txt",
        "cut.txt.gz",
        "unreadable.txt",
    ] {
        assert!(stderr.contains(bad), "{bad} not named on stderr:\n{stderr}");
        let failed = report["failed"].as_array().unwrap();
        assert!(
            failed
                .iter()
                .any(|f| f["source"].as_str().unwrap().ends_with(bad)),
            "{bad} not in report"
        );
    }
    let kinds: Vec<&str> = report["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    for kind in ["empty", "binary", "invalid-utf8", "gzip", "io"] {
        assert!(kinds.contains(&kind), "no {kind} failure in {kinds:?}");
    }
    assert_eq!(report["documents_written"], 200);
    assert_eq!(report["failed"].as_array().unwrap().len(), 5);
    assert_eq!(report["skipped"].as_array().unwrap().len(), 1);
    assert!(out1.join("batch/deeper/page000.json").is_file());
    assert!(out1.join("batch/page001.json").is_file());

    let (_, _) = run("4", &out4);
    let a = snapshot(&out1);
    let b = snapshot(&out4);
    assert_eq!(a.len(), 200);
    assert!(a == b, "outputs differ between --jobs 1 and --jobs 4");
    // No temporary file is left behind.
    assert!(
        a.iter()
            .all(|(p, _)| !p.to_string_lossy().ends_with(".tmp"))
    );
}

#[test]
fn one_document_goes_to_stdout_as_json() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("one.txt");
    fs::write(&f, dump(1)).unwrap();
    let out = pristine()
        .arg(&f)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["source"], "one.txt");
    assert_eq!(doc["input_format"], "text");
    assert_eq!(doc["blocks"][0]["type"], "heading");
    let list = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["type"] == "list")
        .unwrap();
    assert_eq!(list["items"][0]["label"], "Roads");
}

#[test]
fn several_documents_go_to_stdout_as_json_lines() {
    let tmp = tempfile::tempdir().unwrap();
    for n in 0..3 {
        fs::write(tmp.path().join(format!("{n}.txt")), dump(n)).unwrap();
    }
    let out = pristine()
        .arg(tmp.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    for (n, line) in lines.iter().enumerate() {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(doc["source"], format!("{n}.txt"));
    }
}

#[test]
fn the_sample_folder_in_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    for (format, ext) in [("json", "json"), ("markdown", "md"), ("text", "txt")] {
        let out = tmp.path().join(format);
        pristine()
            .arg(fixtures())
            .arg("-o")
            .arg(&out)
            .args(["-f", format, "--quiet"])
            .assert()
            .success();
        assert!(out.join(format!("garden-dump.{ext}")).is_file());
        assert!(out.join(format!("news/river-report.{ext}")).is_file());
        assert!(out.join(format!("archive/bakery.{ext}")).is_file());
        let lines = fs::read_to_string(out.join("feed.jsonl")).unwrap();
        assert_eq!(lines.lines().count(), 2, "one line per record");
        for line in lines.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(v.get("error").is_none(), "{line}");
        }
    }
    let md = fs::read_to_string(tmp.path().join("markdown/garden-dump.md")).unwrap();
    assert!(md.contains("- **Shared Tools:** "), "{md}");
}

#[test]
fn bad_usage_exits_2() {
    pristine()
        .arg("--skip")
        .arg("no-such-pass")
        .arg(fixtures())
        .assert()
        .code(2);
    pristine().arg("/no/such/input/anywhere").assert().code(2);
    pristine().assert().code(2);
    pristine()
        .args(["--jobs", "0"])
        .arg(fixtures())
        .assert()
        .code(2);
    pristine()
        .args(["--format", "pdf"])
        .arg(fixtures())
        .assert()
        .code(2);
}

#[test]
fn list_passes_names_every_pass() {
    let out = pristine()
        .arg("--list-passes")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for name in pristine::Pipeline::default().pass_names() {
        assert!(text.contains(name), "{name} missing from --list-passes");
    }
}

#[test]
fn skipping_a_pass_changes_what_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("one.txt");
    fs::write(&f, dump(2)).unwrap();
    let out = pristine()
        .arg(&f)
        .args(["--skip", "language"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(doc["language"].is_null());
}

#[test]
fn inputs_are_never_modified() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("keep.txt");
    fs::write(&f, dump(3)).unwrap();
    let before = fs::read(&f).unwrap();
    pristine()
        .arg(&f)
        .arg("-o")
        .arg(tmp.path())
        .assert()
        .success();
    assert_eq!(fs::read(&f).unwrap(), before);
    assert!(tmp.path().join("keep.json").is_file());
}

#[test]
fn an_output_never_overwrites_its_input() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("same.txt");
    fs::write(&f, dump(4)).unwrap();
    let before = fs::read(&f).unwrap();
    pristine()
        .arg(&f)
        .arg("-o")
        .arg(tmp.path())
        .args(["-f", "text"])
        .assert()
        .code(1);
    assert_eq!(fs::read(&f).unwrap(), before);
}

//! Hostile and unlucky inputs: nothing is lost or overwritten, memory stays
//! bounded, nothing hangs, every failure is named.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use assert_cmd::Command;

fn pristine() -> Command {
    Command::cargo_bin("pristine").expect("binary builds")
}

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("pristine")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// A gzip stream inflating to `n` zero-ish bytes, written without holding them.
fn gzip_bomb(n: usize) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let block = vec![b'a'; 1 << 20];
    for _ in 0..n >> 20 {
        enc.write_all(&block).unwrap();
    }
    enc.finish().unwrap()
}

fn article(n: usize) -> String {
    format!(
        "Harbour Notes {n}\n\nThe ferry timetable for week {n} changes on Monday, and the first boat now leaves at six.\n\n\
         Officials said the change follows a survey of {k} commuters last spring.\n",
        k = n * 7 + 11
    )
}

/// Every file under `dir`, relative path → contents.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<_> = walkdir::WalkDir::new(dir)
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

fn report(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

fn failed_kinds(report: &serde_json::Value) -> Vec<(String, String)> {
    report["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["source"].as_str().unwrap().to_string(),
                f["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_json_lines_input_is_never_overwritten_by_its_output() {
    let tmp = tempfile::tempdir().unwrap();
    let feed = tmp.path().join("feed.jsonl");
    let original = b"{\"id\": \"a1\", \"text\": \"One short record of text.\"}\n";
    fs::write(&feed, original).unwrap();
    let out = pristine()
        .current_dir(tmp.path())
        .args(["feed.jsonl", "-o", "."])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("never overwritten"), "{stderr}");
    assert_eq!(fs::read(&feed).unwrap(), original);
}

#[test]
fn json_lines_ids_are_kept_in_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("feed.jsonl"),
        "{\"id\": \"rec-7\", \"text\": \"A record with an id of its own.\"}\n{\"id\": 8, \"text\": \"Another one here.\"}\n",
    )
    .unwrap();
    for format in ["json", "markdown", "text"] {
        let out = tmp.path().join(format!("out-{format}"));
        pristine()
            .arg(tmp.path().join("feed.jsonl"))
            .arg("-o")
            .arg(&out)
            .args(["-f", format])
            .assert()
            .success();
        let lines = fs::read_to_string(out.join("feed.jsonl")).unwrap();
        let ids: Vec<serde_json::Value> = lines
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].clone())
            .collect();
        assert_eq!(
            ids,
            [serde_json::json!("rec-7"), serde_json::json!("8")],
            "{format}"
        );
    }
}

#[test]
fn copies_of_an_article_come_out_as_one_copy_does() {
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
    let tmp = tempfile::tempdir().unwrap();
    let single = tmp.path().join("single/site");
    let triple = tmp.path().join("triple/site");
    fs::create_dir_all(&single).unwrap();
    fs::create_dir_all(&triple).unwrap();
    let mut names = Vec::new();
    for e in fs::read_dir(&articles).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "txt") {
            let name = path.file_name().unwrap().to_owned();
            fs::copy(&path, single.join(&name)).unwrap();
            fs::copy(&path, triple.join(&name)).unwrap();
            for copy in ["copy2", "copy3"] {
                fs::create_dir_all(triple.join(copy)).unwrap();
                fs::copy(&path, triple.join(copy).join(&name)).unwrap();
            }
            names.push(name);
        }
    }
    assert!(names.len() >= 5, "the article fixtures are missing");
    // Copies sit in sub-folders of one site folder, so they count as the
    // same site; their outputs are compared under the same relative path.
    let run = |input: &Path, out: &Path| {
        pristine()
            .arg(input.parent().unwrap())
            .arg("-o")
            .arg(out)
            .assert()
            .success();
    };
    let out1 = tmp.path().join("out1");
    let out3 = tmp.path().join("out3");
    run(&single, &out1);
    run(&triple, &out3);
    for name in &names {
        let json = Path::new(name).with_extension("json");
        let a = fs::read(out1.join("site").join(&json)).unwrap();
        for dir in ["site", "site/copy2", "site/copy3"] {
            let b = fs::read(out3.join(dir).join(&json)).unwrap();
            let strip = |v: &[u8]| {
                let mut d: serde_json::Value = serde_json::from_slice(v).unwrap();
                d["source"] = serde_json::Value::Null;
                d
            };
            assert_eq!(strip(&a), strip(&b), "{dir}/{}", json.display());
        }
    }
}

#[test]
fn a_fifo_is_refused_without_hanging() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    fs::write(input.join("good.txt"), article(1)).unwrap();
    let fifo = input.join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available here");
        return;
    }
    let started = Instant::now();
    let out = pristine()
        .arg(&input)
        .arg("-o")
        .arg(tmp.path().join("out"))
        .timeout(Duration::from_secs(60))
        .assert()
        .code(1);
    assert!(started.elapsed() < Duration::from_secs(60));
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("pipe.txt") && stderr.contains("FIFO"),
        "{stderr}"
    );
    assert!(tmp.path().join("out/good.json").is_file());
}

#[test]
fn writing_to_a_full_device_is_an_error() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        eprintln!("skipped: /dev/full is not available here");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("page.txt"), article(2)).unwrap();
    let status = std::process::Command::new(bin())
        .arg(tmp.path().join("page.txt"))
        .stdout(fs::OpenOptions::new().write(true).open(full).unwrap())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&status.stderr).contains("cannot write"));
}

#[test]
fn links_out_of_the_tree_are_skipped_unless_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let outside = tmp.path().join("private");
    fs::create_dir_all(&input).unwrap();
    fs::create_dir_all(&outside).unwrap();
    fs::write(outside.join("secret.txt"), article(3)).unwrap();
    fs::write(input.join("good.txt"), article(4)).unwrap();
    std::os::unix::fs::symlink(outside.join("secret.txt"), input.join("leak.txt")).unwrap();
    std::os::unix::fs::symlink(input.join("good.txt"), input.join("alias.txt")).unwrap();

    let out = tmp.path().join("out");
    let run = pristine()
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert!(
        stderr.contains("leak.txt") && stderr.contains("leaving"),
        "{stderr}"
    );
    assert!(!out.join("leak.json").exists());
    assert!(
        out.join("alias.json").is_file(),
        "a link inside the tree is read"
    );

    let followed = tmp.path().join("followed");
    pristine()
        .arg(&input)
        .arg("-o")
        .arg(&followed)
        .arg("--follow")
        .assert()
        .success();
    assert!(followed.join("leak.json").is_file());
}

#[test]
fn an_output_folder_inside_the_input_is_not_read_again() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("a.txt"), article(5)).unwrap();
    let out = tmp.path().join("out");
    for _ in 0..2 {
        pristine()
            .arg(tmp.path())
            .arg("-o")
            .arg(&out)
            .args(["-f", "text"])
            .assert()
            .success();
    }
    let files: Vec<_> = snapshot(&out).into_iter().map(|(p, _)| p).collect();
    assert_eq!(files, [PathBuf::from("a.txt")]);
}

#[test]
fn silent_skips_and_file_outputs_are_told() {
    let tmp = tempfile::tempdir().unwrap();
    let dat = tmp.path().join("x.dat");
    fs::write(&dat, b"whatever").unwrap();
    let run = pristine().arg(&dat).assert().code(1);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert!(stderr.contains("x.dat"), "{stderr}");

    let page = tmp.path().join("page.txt");
    fs::write(&page, article(6)).unwrap();
    let file_out = tmp.path().join("out.json");
    fs::write(&file_out, b"keep").unwrap();
    pristine()
        .arg(&page)
        .arg("-o")
        .arg(&file_out)
        .assert()
        .code(2);
    assert_eq!(fs::read(&file_out).unwrap(), b"keep");
}

#[test]
fn a_killed_run_leaves_nothing_stale_and_a_rerun_completes_it() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    for n in 0..600 {
        fs::write(input.join(format!("p{n:04}.txt")), article(n)).unwrap();
    }
    let whole = tmp.path().join("whole");
    pristine()
        .arg(&input)
        .arg("-o")
        .arg(&whole)
        .assert()
        .success();

    let out = tmp.path().join("out");
    let mut child = std::process::Command::new(bin())
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--jobs", "1"])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill as soon as the first outputs appear.
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        if fs::read_dir(&out).is_ok_and(|d| d.count() > 5) {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // A stale temporary file such as a kill can leave.
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join(".p0000.json.pristine-99999.tmp"), b"half").unwrap();

    pristine()
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .arg("--resume")
        .assert()
        .success();
    assert!(
        snapshot(&out) == snapshot(&whole),
        "rerun differs from an uninterrupted run"
    );
}

/// A folder of every hostile input beside one good file: the good file is
/// written, each bad one is named, the run ends, memory stays bounded.
#[test]
fn a_hostile_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    fs::write(input.join("good.txt"), article(7)).unwrap();
    let bomb = gzip_bomb(96 << 20);
    fs::write(input.join("bomb.txt.gz"), &bomb).unwrap();
    fs::write(input.join("bomb.html.gz"), &bomb).unwrap();
    // A JSON Lines bomb: one good record, then one endless line.
    let mut jsonl = gzip(b"{\"id\": \"ok\", \"text\": \"A fine record stands first.\"}\n");
    jsonl.extend(gzip_bomb(96 << 20));
    fs::write(input.join("bomb.jsonl.gz"), &jsonl).unwrap();
    fs::File::create(input.join("sparse.txt"))
        .unwrap()
        .set_len(4 << 30)
        .unwrap();
    let mut table = String::from("<html><body><table>");
    for _ in 0..3000 {
        table.push_str("<tr>");
        for _ in 0..3000 {
            table.push_str("<td>1");
        }
    }
    table.push_str("</table></body></html>");
    fs::write(input.join("table.html"), table).unwrap();
    let nested = "<div>".repeat(200_000) + "deep text" + &"</div>".repeat(200_000);
    fs::write(input.join("nested.html"), nested).unwrap();
    fs::write(input.join("nul.txt"), b"some text\0with a NUL byte").unwrap();
    fs::write(input.join("overlong.txt"), b"overlong \xc0\xaf slash").unwrap();
    fs::write(
        input.join("surrogates.jsonl"),
        b"{\"id\": 1, \"text\": \"lone \\ud800 surrogate\"}\n{\"id\": 2, \"text\": \"A good line of text.\"}\n",
    )
    .unwrap();
    let fifo = input.join("fifo.txt");
    let has_fifo = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    std::os::unix::fs::symlink(input.join("good.txt"), input.join("link-in.txt")).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", input.join("link-out.txt")).unwrap();

    let out = tmp.path().join("out");
    let summary = tmp.path().join("report.json");
    let run = pristine()
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .arg("--report")
        .arg(&summary)
        .timeout(Duration::from_secs(300))
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    let report = report(&summary);
    let failed = failed_kinds(&report);
    let expect = [
        ("bomb.txt.gz", "too-large"),
        ("bomb.html.gz", "too-large"),
        ("bomb.jsonl.gz:2", "too-large"),
        ("sparse.txt", "too-large"),
        ("table.html", "too-many-nodes"),
        ("nul.txt", "binary"),
        ("overlong.txt", "invalid-utf8"),
        ("surrogates.jsonl:1", "json"),
    ];
    for (name, kind) in expect {
        assert!(
            stderr.contains(name),
            "{name} not named on stderr:\n{stderr}"
        );
        assert!(
            failed.iter().any(|(s, k)| s.ends_with(name) && k == kind),
            "{name} not failed as {kind}: {failed:?}"
        );
    }
    if has_fifo {
        assert!(
            failed
                .iter()
                .any(|(s, k)| s.ends_with("fifo.txt") && k == "not-a-file")
        );
    }
    assert!(stderr.contains("link-out.txt"), "{stderr}");
    for written in ["good.json", "link-in.json", "nested.json"] {
        assert!(out.join(written).is_file(), "{written} not written");
    }
    let lines = fs::read_to_string(out.join("bomb.jsonl")).unwrap();
    assert!(
        lines
            .lines()
            .next()
            .unwrap()
            .contains("A fine record stands first.")
    );
    let surrogates = fs::read_to_string(out.join("surrogates.jsonl")).unwrap();
    assert_eq!(surrogates.lines().count(), 2);
    let peak = report["peak_rss_kib"].as_u64().unwrap_or(0);
    eprintln!("hostile folder: peak RSS {} MiB", peak / 1024);
    assert!(peak < 1024 * 1024, "peak RSS {peak} KiB");
}

#[test]
fn a_table_over_the_cell_limit_fails_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let mut html = String::from("<html><body><p>Before the table comes a paragraph.</p><table>");
    for r in 0..20 {
        html.push_str(&format!(
            "<tr><td colspan=\"50\" rowspan=\"50\">{r}</td></tr>"
        ));
    }
    html.push_str("</table></body></html>");
    fs::write(tmp.path().join("wide.html"), html).unwrap();
    fs::write(tmp.path().join("fine.txt"), article(8)).unwrap();
    let out = tmp.path().join("out");
    let run = pristine()
        .arg(tmp.path())
        .arg("-o")
        .arg(&out)
        .args(["--max-table-cells", "10000"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert!(
        stderr.contains("wide.html") && stderr.contains("too-many-cells"),
        "{stderr}"
    );
    assert!(out.join("fine.json").is_file());
}

#[test]
fn stdin_lines_give_one_line_each_in_order() {
    let input = "{\"id\": \"a\", \"text\": \"The first record has a sentence.\"}\nnot json\n\n{\"id\": \"c\", \"html\": \"<p>Third record here.</p>\"}\n";
    // Two lines fail, so the exit status says so; the others are still written.
    let out = pristine().arg("-").write_stdin(input).assert().code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["error"]["kind"], "json");
    assert_eq!(lines[2]["error"]["kind"], "empty");
    assert_eq!(lines[3]["id"], "c");
}

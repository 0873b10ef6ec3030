//! The review page, opened in a real headless browser (Debian's `chromium`).
//!
//! The page is driven without network: Chromium loads it from a `file://`
//! URL whose hash sets filters and opens a document through the page's own
//! controls, lets its script run (`--virtual-time-budget`), and dumps the
//! resulting DOM, which the tests read. Without Chromium the browser tests
//! skip with a message, except in CI (`CI=true`), where they fail.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn pristine() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pristine"))
}

fn run_ok(cmd: &mut Command) {
    let out = cmd.output().expect("pristine runs");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Where test artefacts (screenshots) go: under `target/`.
fn artefacts() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("review-artefacts");
    std::fs::create_dir_all(&dir).expect("artefact folder");
    dir
}

/// The browser, or `None` (with the reason printed) when the test should
/// skip. In CI a missing browser is a failure, not a skip.
fn chromium() -> Option<PathBuf> {
    let names = ["chromium", "chromium-browser", "google-chrome"];
    let found = std::env::var_os("CHROMIUM").map(PathBuf::from).or_else(|| {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path)
            .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("CI=true but no chromium found (apt-get install chromium)");
        }
        eprintln!("skipping: no chromium on PATH (apt-get install chromium, or set CHROMIUM)");
    }
    found
}

/// Runs Chromium headless on `page` with `hash`, with `extra` arguments;
/// returns stdout. Killed after a minute so a hung browser fails the test.
fn browse(browser: &Path, page: &Path, hash: &str, extra: &[String]) -> String {
    let profile = tempfile::tempdir().expect("profile folder");
    let url = format!(
        "file://{}#{hash}",
        page.canonicalize().expect("page exists").display()
    );
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-extensions",
            "--hide-scrollbars",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut s);
        s
    });
    let started = Instant::now();
    loop {
        match child.try_wait().expect("chromium waits") {
            Some(_) => break,
            None if started.elapsed() > Duration::from_secs(60) => {
                let _ = child.kill();
                panic!("chromium did not finish within a minute");
            }
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    reader.join().expect("reader")
}

fn dump_dom(browser: &Path, page: &Path, hash: &str) -> String {
    let dom = browse(browser, page, hash, &["--dump-dom".to_string()]);
    assert!(
        dom.contains("data-ready="),
        "the page's script did not finish:\n{}",
        &dom[..dom.len().min(2000)]
    );
    dom
}

/// The text of the element with `id` (its first text run, enough for counts).
fn text_of<'a>(dom: &'a str, id: &str) -> &'a str {
    let at = dom
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let rest = &dom[at..];
    let open = rest.find('>').unwrap() + 1;
    let close = rest[open..].find('<').unwrap();
    &rest[open..open + close]
}

/// The article element (the open document) of a dumped DOM.
fn article(dom: &str) -> &str {
    let start = dom.find("<article id=\"doc\"").expect("article");
    let end = dom[start..].find("</article>").expect("article ends");
    &dom[start..start + end]
}

/// The `(class, data-pass)` of every element carrying `data-pass` in `html`.
fn pass_elements(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (at, _) in html.match_indices(" data-pass=\"") {
        let tag_start = html[..at].rfind('<').unwrap();
        let tag = &html[tag_start..at];
        let class = tag
            .split("class=\"")
            .nth(1)
            .and_then(|c| c.split('"').next())
            .unwrap_or("")
            .to_string();
        let rest = &html[at + 12..];
        let pass = rest[..rest.find('"').unwrap()].to_string();
        out.push((class, pass));
    }
    out
}

/// True when a payload ran: each marks the body with `data-pwned`. (The
/// payloads' own text, shown on the page, holds the name only in quotes.)
fn pwned(dom: &str) -> bool {
    let body = dom.find("<body").expect("body");
    let tag = &dom[body..body + dom[body..].find('>').expect("body tag")];
    tag.contains("data-pwned") || dom.contains(" data-pwned=")
}

fn read_json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("json file")).expect("json")
}

fn sum(v: &serde_json::Value) -> u64 {
    v.as_object()
        .map(|o| o.values().filter_map(|n| n.as_u64()).sum())
        .unwrap_or(0)
}

/// The JSON documents of an output folder (`.json` files and `.jsonl` lines;
/// a summary written into it is not one).
fn documents(dir: &Path) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().to_string();
        if name.ends_with(".jsonl") {
            for line in std::fs::read_to_string(e.path()).unwrap().lines() {
                out.push(serde_json::from_str(line).unwrap());
            }
        } else if name.ends_with(".json") {
            let v = read_json(e.path());
            if v.get("documents_read").is_none() {
                out.push(v);
            }
        }
    }
    out
}

/// Cleans the bundled sample with a summary and a page from the run itself,
/// then builds the page again from the output folder with `report`.
fn sample_run(dir: &Path) -> (PathBuf, PathBuf) {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/sample");
    let out = dir.join("out");
    run_ok(
        pristine()
            .arg(&sample)
            .arg("-o")
            .arg(&out)
            .arg("--report")
            .arg(dir.join("summary.json"))
            .arg("--html-report")
            .arg(dir.join("run.html"))
            .arg("-q"),
    );
    run_ok(
        pristine()
            .args(["report"])
            .arg(&out)
            .arg("-o")
            .arg(dir.join("report.html")),
    );
    (dir.join("run.html"), dir.join("report.html"))
}

#[test]
fn both_ways_of_building_the_page_embed_every_document() {
    let tmp = tempfile::tempdir().unwrap();
    let (run_page, report_page) = sample_run(tmp.path());
    let docs = documents(&tmp.path().join("out"));
    for page in [run_page, report_page] {
        let html = std::fs::read_to_string(&page).unwrap();
        let islands = html
            .matches("<script type=\"application/json\" id=\"d")
            .count();
        assert_eq!(islands, docs.len(), "{}", page.display());
        // Self-contained: nothing is fetched from anywhere.
        for needle in ["src=", "href=", "@import", "url(", "http://", "https://"] {
            let outside_data = html
                .split("<script type=\"application/json\"")
                .next()
                .unwrap();
            assert!(
                !outside_data.contains(needle),
                "{needle} in {}",
                page.display()
            );
        }
    }
}

#[test]
fn a_folder_named_report_is_given_as_a_path() {
    let tmp = tempfile::tempdir().unwrap();
    let report = tmp.path().join("report");
    std::fs::create_dir(&report).unwrap();
    std::fs::write(
        report.join("a.txt"),
        "A short note about the weather today.\n",
    )
    .unwrap();
    run_ok(
        pristine()
            .current_dir(tmp.path())
            .args(["./report", "-o", "out", "-q"]),
    );
    assert!(tmp.path().join("out/a.json").is_file());
    // And `report` with a missing folder is a usage error, not a panic.
    let out = pristine()
        .current_dir(tmp.path())
        .args(["report", "no-such-folder", "-o", "x.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!tmp.path().join("x.html").exists());
}

/// Each removal the output places before block `at` is drawn after block
/// `at - 1` and before block `at` (blocks found by the start of their text).
fn removals_sit_where_they_stood(article: &str, doc: &serde_json::Value) {
    let blocks = doc["blocks"].as_array().unwrap();
    let start_of = |k: usize| -> Option<usize> {
        let text = blocks.get(k)?["text"].as_str()?;
        let prefix: String = text.chars().take(16).collect();
        if prefix.contains(['&', '<', '>', '"', '\'']) {
            return None;
        }
        article.find(&prefix)
    };
    let mut checked = 0;
    for r in doc["removed"].as_array().unwrap() {
        let Some(at) = r["at"].as_u64().map(|a| a as usize) else {
            continue;
        };
        let label = format!(
            "removed by {}: {}",
            r["pass"].as_str().unwrap(),
            r["reason"].as_str().unwrap()
        );
        let Some(drawn) = article.find(&label) else {
            panic!("{label} is not drawn");
        };
        if let Some(next) = start_of(at) {
            assert!(drawn < next, "{label} is drawn after block {at}");
            checked += 1;
        }
        if let Some(prev) = at.checked_sub(1).and_then(start_of) {
            // The first removal of that kind drawn after the block before.
            assert!(
                article[prev..].contains(&label),
                "{label} is drawn before block {}",
                at - 1
            );
        }
    }
    assert!(checked > 0, "no removal placed before a block of text");
}

#[test]
fn the_sample_report_counts_right_and_filters_by_pass() {
    let Some(browser) = chromium() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let (run_page, report_page) = sample_run(tmp.path());
    let summary = read_json(&tmp.path().join("summary.json"));
    let docs = documents(&tmp.path().join("out"));
    for page in [&run_page, &report_page] {
        let dom = dump_dom(&browser, page, "doc=garden-dump.txt");
        assert_eq!(
            text_of(&dom, "n-read"),
            summary["documents_read"].to_string()
        );
        assert_eq!(
            text_of(&dom, "n-written"),
            summary["documents_written"].to_string()
        );
        assert_eq!(text_of(&dom, "n-failed"), "0");
        assert_eq!(
            text_of(&dom, "n-edits"),
            sum(&summary["edits_per_pass"]).to_string()
        );
        assert_eq!(
            text_of(&dom, "n-removed"),
            sum(&summary["removed_per_pass"]).to_string()
        );
        assert!(dom.contains(&format!("data-shown=\"{}\"", docs.len())));
        // Every edit of the open document is shown, none hidden.
        let garden = docs
            .iter()
            .find(|d| d["source"] == "garden-dump.txt")
            .unwrap();
        let shown = pass_elements(article(&dom));
        let edits = shown.iter().filter(|(c, _)| c.contains("ed")).count();
        assert_eq!(edits, garden["edits"].as_array().unwrap().len());
        assert!(shown.iter().all(|(c, _)| !c.contains("off")));
        removals_sit_where_they_stood(article(&dom), garden);
    }

    // Clicking the `typos` chip hides the other passes' edits and removals,
    // and lists only documents with a typo fixed.
    let dom = dump_dom(
        &browser,
        &report_page,
        "doc=garden-dump.txt&filter=pass:typos",
    );
    let marks = pass_elements(article(&dom));
    assert!(marks.iter().any(|(_, p)| p == "typos"));
    assert!(marks.iter().any(|(_, p)| p != "typos"));
    for (class, pass) in &marks {
        assert_eq!(
            class.split(' ').any(|c| c == "off"),
            pass != "typos",
            "{class} {pass}"
        );
    }
    let with_typos = docs
        .iter()
        .filter(|d| {
            d["edits"]
                .as_array()
                .is_some_and(|e| e.iter().any(|e| e["pass"] == "typos"))
        })
        .count();
    assert!(dom.contains(&format!("data-shown=\"{with_typos}\"")));

    // Keyboard navigation: the list is sorted most changed first (ties in
    // the order read, as `documents` reads them); `j` moves down, `k` up,
    // from the first document, and stops at either end.
    let mut order: Vec<(u64, &str)> = docs
        .iter()
        .map(|d| {
            let n = d["edits"].as_array().unwrap().len() + d["removed"].as_array().unwrap().len();
            (n as u64, d["source"].as_str().unwrap())
        })
        .collect();
    order.sort_by_key(|o| std::cmp::Reverse(o.0)); // stable: ties keep their order
    for (keys, at) in [
        ("jj", 2),
        ("jjk", 1),
        ("kkk", 0),
        ("jjjjjjjjjj", docs.len() - 1),
    ] {
        let dom = dump_dom(&browser, &report_page, &format!("keys={keys}"));
        let want = format!("data-source=\"{}\"", order[at].1);
        assert!(article(&dom).contains(&want), "{keys}: {want}");
    }

    // The screenshot, as a test artefact (and the README's picture).
    let shot = artefacts().join("sample-report.png");
    let _ = std::fs::remove_file(&shot);
    browse(
        &browser,
        &report_page,
        "doc=garden-dump.txt",
        &[
            "--window-size=1280,860".to_string(),
            format!("--screenshot={}", shot.display()),
        ],
    );
    let png = std::fs::read(&shot).expect("a screenshot was written");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000);
    eprintln!("screenshot: {}", shot.display());
}

#[test]
fn a_hostile_document_shows_as_text_and_runs_nothing() {
    let Some(browser) = chromium() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    // Each payload would mark the page if it ever ran.
    let payloads = [
        "<script>document.body.setAttribute('data-pwned','script')</script>",
        "</textarea><img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">",
        "</script><script>document.body.setAttribute('data-pwned','island')</script>",
        "<!--<script>document.body.setAttribute('data-pwned','comment')</script>",
    ];
    let mut dump = String::from("Notes on Escaping\n\n");
    for p in payloads {
        dump.push_str("The page must show this line as text: ");
        dump.push_str(p);
        dump.push_str(" and nothing else happens.\n\n");
    }
    std::fs::write(input.join("hostile.txt"), &dump).unwrap();
    std::fs::write(
        input.join("<img src=x onerror=\"document.body.setAttribute('data-pwned','name')\">.txt"),
        "A file whose name is markup, with an ordinary sentence inside it.\n",
    )
    .unwrap();
    std::fs::write(
        input.join("page.html"),
        "<html><head><title>&lt;/script&gt;&lt;script&gt;document.body.setAttribute('data-pwned','title')&lt;/script&gt;</title></head>\
         <body><article><p>An ordinary paragraph of the article, long enough to be kept as its content.</p>\
         <p>&lt;/textarea&gt;&lt;svg onload=\"document.body.setAttribute('data-pwned','svg')\"&gt; is written here as text.</p></article></body></html>",
    )
    .unwrap();
    // And one input that fails: the page names it with its reason.
    std::fs::write(input.join("empty.txt"), "  \n").unwrap();
    let out = tmp.path().join("out");
    let status = pristine()
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .arg("--report")
        .arg(out.join("summary.json"))
        .arg("-q")
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1), "one input fails");
    let page = tmp.path().join("report.html");
    run_ok(pristine().arg("report").arg(&out).arg("-o").arg(&page));
    let docs = documents(&out);
    assert_eq!(docs.len(), 3);

    for source in ["hostile.txt", "page.html"] {
        let dom = dump_dom(&browser, &page, &format!("doc={source}"));
        assert!(!pwned(&dom), "a payload ran in {source}");
        assert!(!dom.contains("<img") && !dom.contains("<svg"));
        // Only the page's own scripts: the index, one island per document,
        // the program.
        assert_eq!(dom.matches("<script").count(), docs.len() + 2);
        let art = article(&dom);
        assert!(art.contains(&format!("data-source=\"{source}\"")));
        if source == "hostile.txt" {
            assert!(art.contains("&lt;script&gt;document.body.setAttribute"));
            assert!(art.contains("&lt;/textarea&gt;&lt;img src=x"));
        } else {
            assert!(art.contains("&lt;/textarea&gt;&lt;svg onload="));
        }
    }
    let dom = dump_dom(&browser, &page, "status=failed");
    assert_eq!(text_of(&dom, "n-failed"), "1");
    assert!(dom.contains("data-shown=\"1\""));
    let art = article(&dom);
    assert!(art.contains("data-source=\"empty.txt\"") && art.contains("Failed (empty)"));

    let dom = dump_dom(&browser, &page, "q=onerror");
    assert!(!pwned(&dom));
    assert!(
        dom.contains("&lt;img src=x onerror="),
        "the file name shows as text"
    );
}

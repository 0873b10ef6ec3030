//! How large the review page of a 10,000-document run is, and how fast it
//! opens in headless Chromium.
//!
//! ```sh
//! cargo run --release --example review_scale            # 10,000 documents
//! cargo run --release --example review_scale -- 2000    # another size
//! ```
//!
//! The documents are generated text dumps of about 4 KB, each with a few
//! misspellings, lost spaces, boilerplate lines and a flattened table, so
//! every document has edits and removals to show. Opening is timed as
//! Chromium's wall time to a screenshot of the page against the same for an
//! empty page, and by the page itself: navigation to the end of its start-up
//! script with the first document drawn (`data-ready`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use pristine::batch::{Batch, Payload, Record};
use pristine::review::Review;

const TOWNS: [&str; 6] = [
    "Ashford", "Brampton", "Corley", "Dunmore", "Elsworth", "Fenwick",
];
const TOPICS: [&str; 5] = ["roads", "libraries", "parks", "schools", "housing"];

fn dump(n: usize) -> String {
    let town = TOWNS[n % TOWNS.len()];
    let topic = TOPICS[n % TOPICS.len()];
    let mut s = format!("Exit mobile version\n\n{town} Council Report on {topic} number {n}\n\n");
    for p in 0..8 {
        s.push_str(&format!(
            "The council of {town} met on day {d} to discuss {topic} and agreed a plan wiht the residents.\
             Members noted that spending on {topic} rose by {pct} percent over the year,and that \
             the next review falls in month {m}. A spokesperson said the work would continue through \
             the winter, with updates published on the council notice board every week. Residents \
             asked for clearer timetables and for meetings held in the evening so that more people \
             could attend after work.\n\n",
            d = (n + p) % 28 + 1,
            pct = (n * 7 + p) % 40 + 2,
            m = (n + p) % 12 + 1,
        ));
        if p == 3 {
            s.push_str(
                "Share this article\n\nDistrict Budget Staff Projects\n\
                 North Ward 1,200 pounds 14 people 3 projects\n\
                 South Ward 980 pounds 9 people 2 projects\n\
                 East Ward 1,450 pounds 17 people 4 projects\n\n",
            );
        }
    }
    s.push_str("Subscribe to our newsletter\n");
    s
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let records: Vec<Record> = (0..count)
        .map(|n| {
            Record::new(
                format!("town-{:02}/report-{n:05}.txt", n % 50),
                Payload::Text(dump(n)),
            )
        })
        .collect();
    let input_bytes: usize = (0..count).map(|n| dump(n).len()).sum();
    let t = Instant::now();
    let outcomes = Batch::new(pristine::Pipeline::default()).run(records);
    eprintln!(
        "cleaned {count} documents in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let review = Review::from_outcomes(&outcomes, None);
    let html = review.to_html();
    let built = t.elapsed().as_secs_f64();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/review-artefacts");
    std::fs::create_dir_all(&dir).expect("artefact folder");
    let page = dir.join(format!("scale-{count}.html"));
    std::fs::write(&page, &html).expect("page written");
    let edits: usize = review.totals().edits_per_pass.values().sum();
    println!(
        "{count} documents ({:.1} MB of input, {edits} edits): page {:.1} MB, built in {built:.2} s -> {}",
        input_bytes as f64 / 1e6,
        html.len() as f64 / 1e6,
        page.display()
    );

    let Some(browser) = which_chromium() else {
        println!("no chromium on PATH: opening time not measured");
        return;
    };
    let blank = dir.join("blank.html");
    std::fs::write(&blank, "<!DOCTYPE html><title>blank</title><body></body>").expect("blank page");
    // Wall time to a screenshot (taken after the load event, the page
    // drawn), against the same for an empty page: the difference is what
    // the page costs to open.
    for round in 0..3 {
        let base = screenshot(&browser, &blank);
        let wall = screenshot(&browser, &page);
        println!(
            "round {round}: to screenshot {wall:.2} s against {base:.2} s for an empty page \
             (+{:.2} s)",
            wall - base
        );
    }
    // The page's own figure: navigation to the end of its start-up script.
    // (Dumping a DOM this large takes Chromium far longer than opening it.)
    match ready_ms(&browser, &page) {
        Some(ms) => println!("page ready {ms} ms after navigation, first document drawn"),
        None => println!("the page did not report ready"),
    }
}

fn which_chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("chromium"))
        .find(|p| p.is_file())
}

fn chromium(browser: &Path, page: &Path, mode: &str) -> (f64, Vec<u8>) {
    let profile = std::env::temp_dir().join(format!("pristine-scale-{}", std::process::id()));
    let t = Instant::now();
    let out = Command::new(browser)
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--disable-background-networking",
            "--window-size=1280,860",
            mode,
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("file://{}", page.display()))
        .current_dir(std::env::temp_dir())
        .output()
        .expect("chromium runs");
    let wall = t.elapsed().as_secs_f64();
    let _ = std::fs::remove_dir_all(&profile);
    (wall, out.stdout)
}

/// Seconds from start to a screenshot of `page` (real time, no budget).
fn screenshot(browser: &Path, page: &Path) -> f64 {
    let shot = std::env::temp_dir().join(format!("pristine-scale-{}.png", std::process::id()));
    let (wall, _) = chromium(browser, page, &format!("--screenshot={}", shot.display()));
    let _ = std::fs::remove_file(&shot);
    wall
}

/// The page's `data-ready` figure, read from its dumped DOM.
fn ready_ms(browser: &Path, page: &Path) -> Option<u64> {
    let (_, stdout) = chromium(browser, page, "--dump-dom");
    let dom = String::from_utf8_lossy(&stdout);
    let at = dom.find("data-ready=\"")?;
    let rest = &dom[at + 12..];
    rest[..rest.find('"')?].parse().ok()
}

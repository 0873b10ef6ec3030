//! The user's example dump, checked by the shared checker against what a
//! careful editor makes of it. Skips when the shared folder is absent.

use std::path::Path;
use std::process::Command;

#[test]
fn seed_dump_meets_every_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = root.join("../shared/seed");
    let checks = root.join("../shared/checks");
    let checker = checks.join("check_articles.py");
    if !seed.is_dir() || !checker.is_file() {
        println!("skipped: ../shared/seed or ../shared/checks is absent");
        return;
    }
    if Command::new("python3").arg("--version").output().is_err() {
        println!("skipped: python3 is not installed, and it runs the checker");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_pristine"))
        .arg(&seed)
        .arg("-o")
        .arg(out.path())
        .arg("--quiet")
        .status()
        .unwrap();
    assert!(status.success(), "pristine failed on the seed");
    let check = Command::new("python3")
        .arg(&checker)
        .arg(out.path())
        .arg(&checks)
        .arg("--verbose")
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&check.stdout);
    println!("{report}");
    assert!(check.status.success(), "seed checks failed:\n{report}");
}

//! Snapshot tests of the sample fixtures in JSON and Markdown.
//!
//! Bless changed snapshots with `INSTA_UPDATE=always cargo test --test snapshots`
//! (or `cargo insta review`), after reading the diff.

use std::path::Path;

use pristine::batch::{self, Batch};
use pristine::render::Format;

#[test]
fn sample_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/sample");
    let found = batch::discover(&[root]).unwrap();
    let records: Vec<_> = found.files.iter().flat_map(batch::read_file).collect();
    let outcomes = Batch::new(pristine::Pipeline::default()).run(records);
    assert!(!outcomes.is_empty());
    for o in outcomes {
        let doc = o.document.unwrap_or_else(|e| panic!("{}: {e}", o.source));
        let name = o.source.replace(['/', ':', '.'], "_");
        insta::assert_snapshot!(format!("{name}.json"), Format::Json.render(&doc));
        insta::assert_snapshot!(format!("{name}.md"), Format::Markdown.render(&doc));
    }
}

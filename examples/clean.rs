//! Cleans one file and prints its JSON: `cargo run --example clean -- FILE`.
use std::path::Path;

fn main() {
    let path = std::env::args().nth(1).expect("usage: clean FILE");
    let bytes = std::fs::read(&path).expect("readable file");
    let pipeline = pristine::Pipeline::default();
    let name = Path::new(&path).to_string_lossy().replace(".gz", "");
    let doc = if name.ends_with(".html") || name.ends_with(".htm") {
        pipeline.clean_html_bytes(&bytes)
    } else {
        pristine::ingest::text::ingest_bytes(&bytes, pipeline.options()).map(|mut d| {
            pipeline.run(&mut d);
            d
        })
    };
    match doc {
        Ok(d) => println!("{}", pristine::render::json::render(&d)),
        Err(e) => eprintln!("{path}: {e}"),
    }
}

//! The whole pipeline and every renderer on arbitrary text, read both as a
//! dump and as a page, with the log's promises checked.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pristine::render::Format;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let pipeline = pristine::Pipeline::default();
    for doc in [pipeline.clean_text(text), pipeline.clean_html(text)]
        .into_iter()
        .flatten()
    {
        for format in [Format::Json, Format::Markdown, Format::Text] {
            let _ = format.render(&doc);
        }
    }
});

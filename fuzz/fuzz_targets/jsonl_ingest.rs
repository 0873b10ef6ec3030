//! JSON Lines records on arbitrary bytes, each record cleaned.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pristine::batch::{Batch, read_json_lines};

fuzz_target!(|data: &[u8]| {
    let batch = Batch::new(pristine::Pipeline::default());
    for record in read_json_lines("fuzz.jsonl", data) {
        let _ = batch.clean(record, None);
    }
});

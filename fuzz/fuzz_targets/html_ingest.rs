//! HTML ingest on arbitrary bytes (any encoding, gzip, broken markup).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = pristine::ingest::html::ingest_bytes(data, &pristine::Options::default());
});

//! Text-dump ingest on arbitrary bytes (invalid UTF-8, BOMs, gzip).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = pristine::ingest::text::ingest_bytes(data, &pristine::Options::default());
});

//! Any text, through the whole pipeline: the record meets the schema and every
//! span points at its fact's words, and inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vngov_pipeline::{process, Document};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let out = process(
        Document::text("fuzz.txt", data.to_vec()),
        &vngov_fuzz::settings(),
    );
    vngov_fuzz::check(&out, Some(text.chars().count()));
    // The extractor alone, on the same text as it stands.
    let _ = vngov_extract::extract(text);
});

//! Any bytes as JSON Lines: every line becomes a record or an error record that
//! meets the schema.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    vngov_fuzz::read_container("fuzz.jsonl", data);
});

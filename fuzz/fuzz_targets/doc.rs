//! Any bytes as a Word 97 `.doc`: its text read or refused, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = vngov_decode::doc::is_compound_file(data);
    let _ = vngov_decode::doc::decode(data);
});

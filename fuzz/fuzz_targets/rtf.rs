//! Any bytes as Rich Text Format: decoded or refused, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vngov_decode::{rtf, Hint};

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = rtf::decode(data, &Hint::default()) {
        assert!(!d.encoding.is_empty());
    }
});

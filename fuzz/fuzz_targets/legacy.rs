//! Any bytes through encoding detection (UTF-8, UTF-16, windows-1258, TCVN3, VNI,
//! mixed): decoded or refused, never a panic; decoded text is NFC-safe Unicode.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vngov_decode::{decode, Hint};

fuzz_target!(|data: &[u8]| {
    let _ = vngov_decode::detect::fonts_in_markup(data);
    if let Ok(d) = decode(data, &Hint::default()) {
        assert!(!d.encoding.is_empty());
    }
    let html = Hint {
        format: vngov_decode::Format::Html,
        ..Hint::default()
    };
    let _ = decode(data, &html);
});

//! Normalization of any text: the offset map covers the output, stays ordered and
//! points inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vngov_text::{normalize, Options};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let n = normalize(&input, &Options::default());
    let out_len = n.text.chars().count();
    let in_len = input.chars().count();
    assert_eq!(n.map.len(), out_len, "the map covers every output char");
    assert_eq!(n.map.input_len(), in_len);
    let (mut start, mut end) = (0, 0);
    for i in 0..=out_len {
        let at = n.map.to_input(i);
        assert!(
            at >= start && at <= in_len,
            "offset {i} maps to {at} after {start}"
        );
        // A span ending at i ends where its last char's input ends: ordered, and
        // never before that char starts (deleted input may lie between chars).
        let to = n.map.to_input_end(i);
        assert!(
            to >= end && to <= in_len,
            "end {i} maps to {to} after {end}"
        );
        assert!(
            i == 0 || to >= start,
            "end {i} maps to {to}, before its char's {start}"
        );
        (start, end) = (at, to);
    }
});

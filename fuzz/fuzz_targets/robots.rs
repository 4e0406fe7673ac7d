//! Any bytes as robots.txt: parsed, and asked about a few URLs, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vngov_fetch::{robots::Rules, Url};

fuzz_target!(|data: &[u8]| {
    let rules = Rules::parse(data);
    for u in [
        "https://example.gov.vn/",
        "https://example.gov.vn/tin-tuc/a.html?id=1",
        "https://example.gov.vn/%E1%BA%A1/",
    ] {
        let _ = rules.allows(&Url::parse(u).unwrap());
    }
});

//! Any bytes as a sitemap (XML, gzip, plain text): parsed or refused, within the
//! size limit, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vngov_fetch::sitemap::{parse, Sitemap};

fuzz_target!(|data: &[u8]| {
    if let Ok(Sitemap::Pages(pages)) = parse(data, 1 << 20) {
        assert!(pages.iter().all(|p| !p.loc.is_empty()));
    }
});

//! Any bytes as an HTML page: parsed without a panic, and as a document its record
//! meets the schema.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vngov_pipeline::{process, Document, Format};

fuzz_target!(|data: &[u8]| {
    let _ = vngov_html::parse(
        data,
        Some("text/html"),
        Some("https://example.gov.vn/a/b.html"),
    );
    let doc = Document {
        format: Format::Html,
        ..Document::text("fuzz.html", data.to_vec())
    };
    vngov_fuzz::check(&process(doc, &vngov_fuzz::settings()), None);
});

//! Any bytes as a WARC or ARC archive (the first byte chooses): every record read
//! becomes a record or an error record that meets the schema.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let name = if choice & 1 == 0 {
        "fuzz.warc"
    } else {
        "fuzz.arc"
    };
    vngov_fuzz::read_container(name, bytes);
});

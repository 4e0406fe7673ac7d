//! Prints the decoded text of a file on standard output, and its encoding and
//! warnings on standard error.
//!
//!     cargo run -p vngov-decode --example decode_file -- FILE

use vngov_decode::{decode, Format, Hint};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: decode_file FILE");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let format = match path.rsplit_once('.') {
        Some((_, "doc")) => Format::Doc,
        _ => Format::from_path(path.as_ref()),
    };
    let hint = Hint {
        format,
        ..Hint::default()
    };
    match decode(&bytes, &hint) {
        Ok(d) => {
            eprintln!("{path}: {}", d.encoding);
            for w in &d.warnings {
                eprintln!("  {}: {}", w.code, w.message);
            }
            print!("{}", d.text);
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}

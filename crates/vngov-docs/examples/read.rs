//! Prints what `vngov-docs` reads from files: each page's method and text.
//!
//! `cargo run --release -p vngov-docs --example read -- FILE...` (`--no-ocr` to
//! leave scans unread).

fn main() {
    let mut options = vngov_docs::Options::default();
    for arg in std::env::args().skip(1) {
        if arg == "--no-ocr" {
            options.ocr = None;
            continue;
        }
        let bytes = match std::fs::read(&arg) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{arg}: {e}");
                continue;
            }
        };
        let kind = vngov_docs::Kind::sniff(&bytes).or_else(|| vngov_docs::Kind::from_name(&arg));
        let Some(kind) = kind else {
            eprintln!("{arg}: not a PDF, DOCX, ODT or DOC file");
            continue;
        };
        let started = std::time::Instant::now();
        match vngov_docs::read(&bytes, kind, &options) {
            Ok(d) => {
                println!(
                    "== {arg}: {} pages, {:?}, {:.3} s",
                    d.pages.len(),
                    d.encoding,
                    started.elapsed().as_secs_f64()
                );
                for w in &d.warnings {
                    println!("   warning {}: {}", w.code, w.message);
                }
                for (i, p) in d.pages.iter().enumerate() {
                    println!("-- page {} ({})", i + 1, p.method.name());
                    println!("{}", p.text.trim_end());
                }
            }
            Err(e) => println!("== {arg}: error: {e}"),
        }
    }
}

//! Prints what `vngov_html::parse` reads from an HTML file:
//! `cargo run -p vngov-html --example page -- page.html`.

fn main() {
    let path = std::env::args().nth(1).expect("usage: page FILE.html");
    let bytes = std::fs::read(&path).expect("readable file");
    match vngov_html::parse(&bytes, None, None) {
        Ok(p) => {
            println!(
                "kind {:?} family {:?} encoding {}",
                p.kind, p.family, p.encoding
            );
            println!("title {:?}", p.title);
            println!("published {:?}", p.published);
            println!("byline {:?} credit {:?}", p.byline, p.source_credit);
            for w in &p.warnings {
                println!("warning {}: {}", w.code, w.message);
            }
            for para in &p.paragraphs {
                println!("| {para}");
            }
            for c in &p.captions {
                println!("caption {c}");
            }
            for l in &p.links {
                println!("link {:?} {} {}", l.date, l.url, l.title);
            }
        }
        Err(e) => println!("error: {e}"),
    }
}

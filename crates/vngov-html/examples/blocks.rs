//! Prints the text blocks of an HTML file, one a line, to study a page's structure:
//! `cargo run -p vngov-html --example blocks -- page.html`.

use scraper::Html;

fn main() {
    let path = std::env::args().nth(1).expect("usage: blocks FILE.html");
    let bytes = std::fs::read(&path).expect("readable file");
    let decoded = vngov_html::charset::decode(&bytes, None);
    let text = vngov_html::mojibake::repair(&decoded.text)
        .map(|r| r.text)
        .unwrap_or(decoded.text);
    let html = Html::parse_document(&text);
    let seg = vngov_html::blocks::segment(&html);
    for (i, b) in seg.blocks.iter().enumerate() {
        let owner = html.tree.get(b.owner).expect("owner");
        let el = owner.value().as_element().expect("element");
        let name = format!(
            "{}.{}#{}",
            el.name(),
            el.attr("class").unwrap_or("").replace(' ', "."),
            el.attr("id").unwrap_or("")
        );
        let chrome = b
            .chrome
            .first()
            .and_then(|id| html.tree.get(*id))
            .and_then(|n| {
                n.value().as_element().map(|e| {
                    format!(
                        "{}.{}#{}",
                        e.name(),
                        e.attr("class").unwrap_or(""),
                        e.attr("id").unwrap_or("")
                    )
                })
            })
            .unwrap_or_default();
        let t: String = b.text.chars().take(110).collect();
        println!(
            "{i:5} {:?} {:4} ld{:.1} c{}[{}] {} | {}",
            b.kind,
            b.chars,
            b.link_density(),
            b.chrome.len(),
            chrome.chars().take(40).collect::<String>(),
            name.chars().take(50).collect::<String>(),
            t.replace('\n', "⏎")
        );
    }
}

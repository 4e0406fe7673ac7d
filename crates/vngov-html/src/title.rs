//! The article's headline: the visible `<h1>` (or the heading that opens the
//! article) rather than the `<title>`, which carries the site's name.
//!
//! The page's own statements of its title (`og:title`, `twitter:title`, JSON-LD
//! `headline`, `<title>`) pick among the visible headings; without a visible one,
//! the `<title>` is used with the site's name cut off.

use std::sync::LazyLock;

use regex::Regex;
use scraper::{Html, Selector};

use crate::blocks::{Kind, Segmented};

/// The shortest and longest headline, in chars.
const MIN_CHARS: usize = 4;
const MAX_CHARS: usize = 300;

static META_TITLE: LazyLock<Selector> = LazyLock::new(|| {
    Selector::parse(
        r#"meta[property="og:title"], meta[name="og:title"], meta[name="twitter:title"], meta[itemprop="headline"], meta[name="title"]"#,
    )
    .unwrap()
});
static TITLE: LazyLock<Selector> = LazyLock::new(|| Selector::parse("title").unwrap());
static HEADLINE_LD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""headline"\s*:\s*"((?:[^"\\]|\\.)*)""#).unwrap());
static LD: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse(r#"script[type="application/ld+json"]"#).unwrap());

/// Separators between a headline and the site's name in a `<title>`.
static SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+(?:[-|–—:»]|::|\.:)\s+").unwrap());

/// Collapses whitespace and composes the text.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_words(&mut out, s);
    crate::nfc::nfc_owned(out)
}

/// Appends the words of `s` to `out`, one space between them.
fn push_words(out: &mut String, s: &str) {
    for (n, w) in s.split_whitespace().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
}

/// Collapses spaces within each line, drops empty lines, composes the text.
pub fn clean_lines(s: &str) -> String {
    // Line by line as [`clean`] does; composing the whole at once is the same, as
    // NFC never combines across a line break (a starter that composes with nothing).
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        if line.trim().is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        push_words(&mut out, line);
    }
    crate::nfc::nfc_owned(out)
}

/// What the page's metadata says its title is: `og:title`…, the JSON-LD headline,
/// and the `<title>`, in that order.
pub fn stated_titles(html: &Html) -> Vec<String> {
    let mut out: Vec<String> = html
        .select(&META_TITLE)
        .filter_map(|m| m.value().attr("content"))
        .map(clean)
        .collect();
    for s in html.select(&LD) {
        let json: String = s.text().collect();
        for c in HEADLINE_LD.captures_iter(&json) {
            if let Ok(v) = serde_json::from_str::<String>(&format!("\"{}\"", &c[1])) {
                out.push(clean(&v));
            }
        }
    }
    out.extend(
        html.select(&TITLE)
            .map(|t| clean(&t.text().collect::<String>())),
    );
    out.retain(|t| t.chars().count() >= MIN_CHARS);
    out
}

/// Folded form for comparing titles: case, spacing and tone placement aside. The
/// letters and digits, lower-cased and decomposed, of which the ASCII ones and `đ`
/// are kept.
fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| c.is_alphanumeric()) {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        // Char by char is the decomposition of the whole: canonical reordering only
        // moves combining marks, never across the letters kept.
        for l in c.to_lowercase() {
            unicode_normalization::char::decompose_canonical(l, |d| {
                if d.is_ascii_alphanumeric() || d == 'đ' {
                    out.push(d);
                }
            });
        }
    }
    out
}

/// How well a heading agrees with the stated titles (given by their [`key`]s): 2
/// for the same words, 1 when one holds the other, 0 otherwise.
fn agreement(heading: &str, stated: &[String]) -> u8 {
    let h = key(heading);
    if h.is_empty() {
        return 0;
    }
    stated
        .iter()
        .map(|s| {
            if *s == h {
                2
            } else if s.contains(&h) || (h.contains(s.as_str()) && !s.is_empty()) {
                1
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0)
}

/// The headline block and text: the best `<h1>` outside chrome; otherwise a heading
/// or line that the stated titles name; otherwise the `<title>` without the
/// site's name.
pub fn find(html: &Html, seg: &Segmented, chrome: &[bool]) -> Option<(Option<usize>, String)> {
    let mut stated = stated_titles(html);
    let stripped: Vec<String> = stated.iter().map(|t| strip_site(t)).collect();
    stated.extend(stripped);
    let keys: Vec<String> = stated.iter().map(|t| key(t)).collect();
    let fits = |t: &str| (MIN_CHARS..=MAX_CHARS).contains(&t.chars().count());
    let h1: Vec<usize> = (0..seg.blocks.len())
        .filter(|&i| {
            !chrome[i] && seg.blocks[i].kind == Kind::Heading(1) && fits(&seg.blocks[i].text)
        })
        .collect();
    // Among several h1, the one the metadata names; the first on a tie.
    if let Some(&i) = h1
        .iter()
        .max_by_key(|&&i| (agreement(&seg.blocks[i].text, &keys), std::cmp::Reverse(i)))
    {
        return Some((Some(i), clean(&seg.blocks[i].text)));
    }
    // A heading, or a line styled as one, that the metadata names exactly.
    if let Some(i) = (0..seg.blocks.len()).find(|&i| {
        !chrome[i]
            && matches!(seg.blocks[i].kind, Kind::Heading(_) | Kind::Text)
            && seg.blocks[i].link_density() < 0.5
            && fits(&seg.blocks[i].text)
            && agreement(&seg.blocks[i].text, &keys) == 2
    }) {
        return Some((Some(i), clean(&seg.blocks[i].text)));
    }
    stated
        .iter()
        .map(|t| strip_site(t))
        .find(|t| fits(t))
        .map(|t| (None, t))
}

/// A `<title>` without the site's name: the longest part between separators.
pub fn strip_site(title: &str) -> String {
    SUFFIX
        .split(title)
        .map(str::trim)
        .max_by_key(|p| p.chars().count())
        .unwrap_or(title)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::segment;
    use unicode_normalization::UnicodeNormalization;

    fn title_of(page: &str) -> Option<String> {
        let html = Html::parse_document(page);
        let seg = segment(&html);
        let chrome: Vec<bool> = seg.blocks.iter().map(|b| !b.chrome.is_empty()).collect();
        find(&html, &seg, &chrome).map(|(_, t)| t)
    }

    #[test]
    fn h1_beats_the_title_tag() {
        let page = r#"<title>Họp bàn chuyển đổi số - Cổng TTĐT tỉnh Hà Giang</title>
            <header><h1>Cổng thông tin điện tử tỉnh Hà Giang</h1></header>
            <div class="detail"><h1 class="title">Họp  bàn
             chuyển đổi số</h1><p>Nội dung.</p></div>"#;
        assert_eq!(title_of(page).as_deref(), Some("Họp bàn chuyển đổi số"));
    }

    #[test]
    fn the_h1_the_metadata_names_wins() {
        let page = r#"<meta property="og:title" content="Kế hoạch phát triển du lịch năm 2024">
            <h1>Tin tức</h1><h1>Kế hoạch phát triển du lịch năm 2024</h1>"#;
        assert_eq!(
            title_of(page).as_deref(),
            Some("Kế hoạch phát triển du lịch năm 2024")
        );
    }

    #[test]
    fn without_h1_a_named_heading_or_the_title_tag() {
        let page = "<title>Thông báo số 12/TB-UBND</title><h3>Thông báo số 12/TB-UBND</h3>";
        assert_eq!(title_of(page).as_deref(), Some("Thông báo số 12/TB-UBND"));
        let page =
            "<title>UBND tỉnh ban hành kế hoạch cải cách hành chính | Sở Nội vụ</title><p>x</p>";
        assert_eq!(
            title_of(page).as_deref(),
            Some("UBND tỉnh ban hành kế hoạch cải cách hành chính")
        );
    }

    /// Spacing, decomposed letters, old tone placement, marks out of order.
    const MESSY: &[&str] = &[
        "",
        " \n ",
        "  Họp  bàn\u{a0}\tchuyển đổi số ",
        "Ho\u{323}\u{302}p ba\u{300}n\r\n\n  \u{2003}HOÀ  Hòa\n\nĐẮK LẮK đắk\u{301}",
        "\u{301}đầu dòng\n\u{323}\u{302}o Ủy ban, İstanbul ǅ ẞ ﬁ Ω K 123",
        "a\u{323}\u{302}\u{301} \n e\u{301}\u{323}\u{2028}x\u{85}y",
    ];

    #[test]
    fn cleaning_as_collapsing_then_composing() {
        let clean_ref = |s: &str| -> String {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .nfc()
                .collect()
        };
        for s in MESSY {
            assert_eq!(clean(s), clean_ref(s), "{s:?}");
            let lines: Vec<String> = s.lines().map(clean_ref).filter(|l| !l.is_empty()).collect();
            assert_eq!(clean_lines(s), lines.join("\n"), "{s:?}");
        }
    }

    #[test]
    fn keys_as_folding_the_whole_title() {
        let key_ref = |s: &str| -> String {
            s.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
                .nfd()
                .filter(|c| c.is_ascii_alphanumeric() || *c == 'đ')
                .collect()
        };
        for s in MESSY {
            assert_eq!(key(s), key_ref(s), "{s:?}");
        }
        assert_eq!(key("Hòa  BÌNH, 2024!"), key("hoa\u{300} bình 2024"));
    }

    #[test]
    fn json_ld_headline_is_read() {
        let html = Html::parse_document(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H\u1ecdp \"b\u00e0n\""}</script>"#,
        );
        assert_eq!(stated_titles(&html), vec!["Họp \"bàn\"".to_string()]);
    }
}

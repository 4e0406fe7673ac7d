//! Links on an HTML page (scraper): where they point, and whether they lead to the
//! next pages of the same listing — `rel=next`, "Trang sau", "»", or a URL that
//! differs from the page's own only by its page number (`?page=2`, `/trang-2`).

use std::sync::LazyLock;

use regex::Regex;
use scraper::{Html, Selector};
use unicode_normalization::UnicodeNormalization;
use url::Url;

/// A link found on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Absolute URL, fragment removed.
    pub url: Url,
    /// Whether it leads to another page of the same listing.
    pub pagination: bool,
}

static LINKS: LazyLock<Selector> = LazyLock::new(|| {
    Selector::parse("a[href], area[href], link[rel][href]").expect("valid selector")
});
static BASE: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("base[href]").expect("valid selector"));

/// Query parameters that number the pages of a listing.
const PAGE_PARAMS: &[&str] = &[
    "page",
    "p",
    "trang",
    "pg",
    "paged",
    "pageindex",
    "page_index",
    "pagenumber",
    "pageno",
    "currentpage",
    "cpage",
    "start",
    "offset",
];

/// A page number at the end of a path: `/page/2`, `/trang/2`, `/trang-2`, `/p2`,
/// `/page-2.html`, `-trang-2.html`.
static PATH_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:/(?:page|trang|p)/\d+/?|[/_-](?:page|trang|p)[-_]?\d+(?:\.[a-z]+)?/?)$")
        .expect("valid regex")
});

/// Link words of Vietnamese (and English) pagers, compared after NFC, lowercasing and
/// removing arrows.
const PAGER_WORDS: &[&str] = &[
    "trang sau",
    "sau",
    "tiếp",
    "tiếp theo",
    "trang tiếp",
    "trang tiếp theo",
    "trang kế",
    "kế tiếp",
    "trang trước",
    "trước",
    "trang đầu",
    "đầu",
    "đầu tiên",
    "trang cuối",
    "cuối",
    "cuối cùng",
    "next",
    "prev",
    "previous",
    "first",
    "last",
    "older",
    "newer",
];

const ARROWS: &[char] = &['»', '«', '›', '‹', '>', '<', '→', '←', '…', '.', '|'];

/// The identity of a listing, page number removed: two URLs with the same key are
/// pages of one listing. `None` when the URL carries no page number.
pub fn pagination_key(url: &Url) -> (String, bool) {
    let mut numbered = false;
    let mut u = url.clone();
    u.set_fragment(None);
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, v)| {
            let is_page = PAGE_PARAMS.contains(&k.to_ascii_lowercase().as_str())
                && v.chars().all(|c| c.is_ascii_digit());
            numbered |= is_page;
            !is_page
        })
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if pairs.is_empty() {
        u.set_query(None);
    } else {
        u.query_pairs_mut().clear().extend_pairs(pairs);
    }
    let path = u.path().to_string();
    if let Some(m) = PATH_PAGE.find(&path) {
        numbered = true;
        let mut trimmed = path[..m.start()].to_string();
        if trimmed.is_empty() {
            trimmed.push('/');
        }
        u.set_path(&trimmed);
    }
    let key = u.as_str().trim_end_matches('/').to_string();
    (key, numbered)
}

fn pager_text(s: &str) -> bool {
    let folded: String = s.nfc().collect::<String>().to_lowercase();
    let words = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    let stripped = words.trim_matches(|c: char| ARROWS.contains(&c) || c.is_whitespace());
    if stripped.is_empty() {
        // Only arrows: », ›, >>.
        return words
            .chars()
            .any(|c| matches!(c, '»' | '«' | '›' | '‹' | '>' | '<' | '→' | '←'));
    }
    PAGER_WORDS.contains(&stripped)
}

/// Every http(s) link of the page, resolved against `<base href>` or the page URL,
/// in document order, each URL once.
pub fn discover(page: &Url, html: &str) -> Vec<Link> {
    let doc = Html::parse_document(html);
    let base = doc
        .select(&BASE)
        .next()
        .and_then(|b| b.value().attr("href"))
        .and_then(|h| page.join(h.trim()).ok())
        .unwrap_or_else(|| page.clone());
    let (page_key, _) = pagination_key(page);
    let mut out: Vec<Link> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for el in doc.select(&LINKS) {
        let v = el.value();
        let rel = v.attr("rel").unwrap_or("").to_ascii_lowercase();
        let rel_pager = rel
            .split_whitespace()
            .any(|r| matches!(r, "next" | "prev" | "previous"));
        if v.name() == "link" && !rel_pager {
            continue; // stylesheets, icons, alternates
        }
        let Some(href) = v.attr("href") else { continue };
        let Ok(mut url) = base.join(href.trim()) else {
            continue;
        };
        if !matches!(url.scheme(), "http" | "https") {
            continue;
        }
        url.set_fragment(None);
        if rel.split_whitespace().any(|r| r == "nofollow") {
            continue;
        }
        let text: String = el.text().collect();
        let labelled = [Some(text.as_str()), v.attr("title"), v.attr("aria-label")]
            .into_iter()
            .flatten()
            .any(pager_text);
        let (key, numbered) = pagination_key(&url);
        let same_listing = numbered && key == page_key;
        let pagination = rel_pager || labelled || same_listing;
        if url == *page {
            continue;
        }
        if seen.insert(url.to_string()) {
            out.push(Link { url, pagination });
        } else if pagination {
            if let Some(l) = out.iter_mut().find(|l| l.url == url) {
                l.pagination = true;
            }
        }
    }
    out
}

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)"#).expect("valid regex")
});

/// The page's text: decoded with the charset of `Content-Type`, else of a
/// `<meta charset>` in its first kilobytes, else as UTF-8 (a BOM wins over both).
pub fn decode_html(body: &[u8], content_type: Option<&str>) -> String {
    let from_header = content_type.and_then(|ct| {
        ct.split(';')
            .filter_map(|p| {
                p.trim()
                    .strip_prefix("charset=")
                    .or_else(|| p.trim().strip_prefix("CHARSET="))
            })
            .next()
            .and_then(|l| encoding_rs::Encoding::for_label(l.trim_matches('"').as_bytes()))
    });
    let from_meta = || {
        let head = String::from_utf8_lossy(&body[..body.len().min(4096)]);
        META_CHARSET
            .captures(&head)
            .and_then(|c| encoding_rs::Encoding::for_label(c[1].as_bytes()))
    };
    let enc = from_header.or_else(from_meta).unwrap_or(encoding_rs::UTF_8);
    enc.decode(body).0.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(page: &str, html: &str) -> Vec<(String, bool)> {
        discover(&Url::parse(page).unwrap(), html)
            .into_iter()
            .map(|l| (l.url.to_string(), l.pagination))
            .collect()
    }

    #[test]
    fn vietnamese_pager_words_and_arrows() {
        let html = r#"<base href="http://a.gov.vn/tin-tuc/">
            <a href="bai-1.html">Hội nghị triển khai nhiệm vụ</a>
            <a href="/tin-tuc/?cat=3&amp;trang=2">Trang sau</a>
            <a href="/x?id=9" title="Trang tiếp">›</a>
            <a href="/y">»</a>
            <a href="/z">Xem tiếp</a>
            <a href="mailto:a@b.vn">thư</a>
            <a href="javascript:void(0)">Sau</a>
            <a href="bai-1.html#binh-luan">Bình luận</a>"#;
        assert_eq!(
            links("http://a.gov.vn/tin-tuc/?cat=3", html),
            [
                ("http://a.gov.vn/tin-tuc/bai-1.html".into(), false),
                ("http://a.gov.vn/tin-tuc/?cat=3&trang=2".into(), true),
                ("http://a.gov.vn/x?id=9".into(), true),
                ("http://a.gov.vn/y".into(), true),
                ("http://a.gov.vn/z".into(), false),
            ]
        );
    }

    #[test]
    fn decomposed_and_uppercase_words_match() {
        // "TIẾP THEO" written with combining marks.
        let text = "TIE\u{302}\u{301}P THEO »";
        assert!(pager_text(text));
        assert!(!pager_text("Thông báo kết luận"));
        assert!(pager_text(" >> "));
    }

    #[test]
    fn page_numbers_of_the_same_listing() {
        let html = r#"<a href="?page=1">1</a> <a href="?page=2">2</a>
            <a href="/tin-tuc?page=3&amp;sort=new">3</a>
            <a href="/tin-tuc/trang-4.html">4</a>
            <a href="/van-ban?page=2">2</a>
            <link rel="next" href="/tin-tuc?page=2"><link rel="stylesheet" href="/s.css">"#;
        assert_eq!(
            links("http://a.gov.vn/tin-tuc?page=1", html),
            [
                ("http://a.gov.vn/tin-tuc?page=2".into(), true),
                ("http://a.gov.vn/tin-tuc?page=3&sort=new".into(), false),
                ("http://a.gov.vn/tin-tuc/trang-4.html".into(), true),
                ("http://a.gov.vn/van-ban?page=2".into(), false),
            ]
        );
    }

    #[test]
    fn keys_drop_page_numbers_only() {
        let k = |s: &str| pagination_key(&Url::parse(s).unwrap());
        assert_eq!(
            k("http://a.vn/tin?page=2"),
            ("http://a.vn/tin".into(), true)
        );
        assert_eq!(
            k("http://a.vn/tin/page/7/"),
            ("http://a.vn/tin".into(), true)
        );
        assert_eq!(
            k("http://a.vn/tin-tuc-trang-3.html"),
            ("http://a.vn/tin-tuc".into(), true)
        );
        assert_eq!(
            k("http://a.vn/tin?id=2"),
            ("http://a.vn/tin?id=2".into(), false)
        );
        assert_eq!(
            k("http://a.vn/tin?page=abc"),
            ("http://a.vn/tin?page=abc".into(), false)
        );
    }

    #[test]
    fn charset_from_header_or_meta() {
        // "Thông báo" in Windows-1258.
        let bytes = b"<p>Th\xf4ng b\xe1o</p>";
        assert_eq!(
            decode_html(bytes, Some("text/html; charset=windows-1258")),
            "<p>Thông báo</p>"
        );
        let with_meta = [b"<meta charset=\"windows-1258\">".as_slice(), bytes].concat();
        assert!(decode_html(&with_meta, Some("text/html")).ends_with("<p>Thông báo</p>"));
        assert_eq!(decode_html("<p>Thông</p>".as_bytes(), None), "<p>Thông</p>");
    }
}

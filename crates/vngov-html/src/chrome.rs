//! Page chrome: the parts of a portal page around the article (menus, breadcrumbs,
//! related boxes, share buttons, counters, addresses, copyright footers).
//!
//! Two kinds of evidence: the element (its tag, and the class and id names page
//! templates give such parts), and the words of a short block ("Tin liên quan",
//! "Lượt xem: 1.204", "Bản quyền thuộc …"). The phrase lists are data files.

use std::sync::LazyLock;

use regex::Regex;
use scraper::node::Element;

use crate::blocks::attr;

/// Class or id words of template parts that are not the article. Matched as whole
/// words of a class or id (split at `-`, `_`, spaces and case changes are not split),
/// whatever their case: the name patterns are written in lower case and matched
/// case-insensitively.
const CHROME_NAME: &str = r"(?x)(?:^|[^a-z0-9])(?:
    nav|navbar|navigation|menu|menus|mainmenu|topmenu|submenu|megamenu|
    breadcrumbs?|breadcrumb\w*|
    footer|site-?footer|header|site-?header|page-?header|header-?top|topbar|
    sidebar|side-?bar|aside|right-?col|col-?right|column-?right|right-?column|box-?right|right-?box|right-?side|side-?right|block-?right|region-?right|
    banner|ads?|advert\w*|quangcao|quang-?cao|sponsor\w*|
    related\w*|relate|tinlienquan|tin-?lien-?quan|othernews|other-?news|samecate\w*|
    comments?|comment-?\w+|binh-?luan|
    share|sharing|social\w*|toolbar|tools|print|
    tags?|keywords?|
    popup|modal|login|search\w*|
    pagination|pager|paging|
    counter|statistic\w*|thongke|thong-?ke|visitors?|
    weblinks?|lienket|lien-?ket|
    hotline|copyright|
    most-?viewed|mostread|docnhieu|doc-?nhieu|xemnhieu|xem-?nhieu|
    newsletter\w*|subscribe
)(?:$|[^a-z0-9])";

/// The part of [`CHROME_NAME`] that names side columns and boxes of other articles:
/// chrome around an article, but sections of a home or category page.
const SIDE_NAME: &str = r"(?x)(?:^|[^a-z0-9])(?:
    sidebar|side-?bar|aside|right-?col|col-?right|column-?right|right-?column|box-?right|right-?box|right-?side|side-?right|block-?right|region-?right|
    related\w*|relate|tinlienquan|tin-?lien-?quan|othernews|other-?news|samecate\w*|
    most-?viewed|mostread|docnhieu|doc-?nhieu|xemnhieu|xem-?nhieu|tags?|keywords?
)(?:$|[^a-z0-9])";

/// Class or id words that say an element is the article itself: they outweigh a
/// chrome word on the same element ("detail-content share-wrap").
const CONTENT_NAME: &str =
    r"(?:^|[^a-z0-9])(?:article|content|detail|main|body|post|entry|story)(?:$|[^a-z0-9])";

/// The name patterns built without Unicode classes or case folding, run over
/// [`ascii_names`]: much cheaper to build and to run than the Unicode build, and
/// matching the same names.
static CHROME_ASCII: LazyLock<regex::bytes::Regex> = LazyLock::new(|| ascii_regex(CHROME_NAME));
static SIDE_ASCII: LazyLock<regex::bytes::Regex> = LazyLock::new(|| ascii_regex(SIDE_NAME));
static CONTENT_ASCII: LazyLock<regex::bytes::Regex> = LazyLock::new(|| ascii_regex(CONTENT_NAME));

/// The Unicode build, for the rare names with non-ASCII characters where the
/// extent of a match matters (see [`is_side_element`]).
static CHROME_UNICODE: LazyLock<Regex> = LazyLock::new(|| unicode_regex(CHROME_NAME));
static SIDE_UNICODE: LazyLock<Regex> = LazyLock::new(|| unicode_regex(SIDE_NAME));

fn ascii_regex(pattern: &str) -> regex::bytes::Regex {
    regex::bytes::Regex::new(&format!("(?-u){pattern}")).unwrap()
}

fn unicode_regex(pattern: &str) -> Regex {
    Regex::new(&format!("(?i){pattern}")).unwrap()
}

/// Names as the ASCII build of a name pattern reads them. ASCII letters are
/// lower-cased (the same length: a match keeps its place); `ſ` and the Kelvin
/// sign, which case-insensitive matching takes for `s` and `k`, become those; any
/// other character becomes a space. Whether a name pattern matches is then
/// unchanged: a non-ASCII character is outside `[a-z0-9]` (a boundary, as a space
/// is); only a `\w` run could tell a letter from a space, and it never decides
/// whether there is a match (`breadcrumb\w*` matches wherever `breadcrumb` starts a
/// word, as the run may stop at the first boundary; `comment-?\w+` only where
/// `comments?` does).
fn ascii_names(names: &str) -> std::borrow::Cow<'_, [u8]> {
    if names.is_ascii() && !names.bytes().any(|b| b.is_ascii_uppercase()) {
        return std::borrow::Cow::Borrowed(names.as_bytes());
    }
    let mapped = names
        .chars()
        .map(|c| match c {
            'ſ' => b's',
            '\u{212A}' => b'k',
            c if c.is_ascii() => c.to_ascii_lowercase() as u8,
            _ => b' ',
        })
        .collect();
    std::borrow::Cow::Owned(mapped)
}

/// An element's class and id, space-separated, as the name patterns read them;
/// `None` when it has neither (then no name pattern can match).
fn names(el: &Element) -> Option<String> {
    let (class, id) = (attr(el, "class"), attr(el, "id"));
    if class.is_none() && id.is_none() {
        return None;
    }
    Some(format!("{} {}", class.unwrap_or(""), id.unwrap_or("")))
}

/// Whether a chrome element is only a side column or a box of other articles
/// (see [`SIDE_NAME`]), not a menu, header, footer or the like.
pub fn is_side_element(el: &Element) -> bool {
    if CHROME_TAGS.contains(&el.name()) && el.name() != "aside" {
        return false;
    }
    if el.name() == "aside" {
        return true;
    }
    let names = names(el).unwrap_or_else(|| " ".to_string());
    if !SIDE_ASCII.is_match(&ascii_names(&names)) {
        return false;
    }
    // No chrome word that is not a side word: each match of the chrome pattern, in
    // the order the pattern finds them, is checked against the side pattern. Here
    // the extent of a match counts, so names with non-ASCII characters take the
    // Unicode build.
    if names.is_ascii() {
        CHROME_ASCII
            .find_iter(&ascii_names(&names))
            .all(|m| SIDE_ASCII.is_match(m.as_bytes()))
    } else {
        CHROME_UNICODE
            .find_iter(&names)
            .all(|m| SIDE_UNICODE.is_match(m.as_str()))
    }
}

/// Elements that are chrome by their tag.
const CHROME_TAGS: &[&str] = &["nav", "aside", "footer"];

/// Whether an element is page chrome by its tag, class or id. `in_article` tells
/// whether it sits inside an `<article>` or `<main>`, where a `<header>` holds the
/// headline rather than the site's banner.
pub fn is_chrome_element(el: &Element, in_article: bool) -> bool {
    let name = el.name();
    if CHROME_TAGS.contains(&name) || (name == "header" && !in_article) {
        return true;
    }
    if matches!(name, "html" | "body" | "main" | "article" | "a") {
        return false;
    }
    if attr(el, "role").is_some_and(|r| {
        matches!(
            r,
            "navigation" | "banner" | "contentinfo" | "complementary" | "search"
        )
    }) {
        return true;
    }
    let Some(names) = names(el) else {
        return false;
    };
    let names = ascii_names(&names);
    CHROME_ASCII.is_match(&names) && !CONTENT_ASCII.is_match(&names)
}

/// Headings of boxes of other articles: the box they head is not the article.
static RELATED_HEADING: LazyLock<Regex> =
    LazyLock::new(|| phrase_regex(include_str!("lexicon/related_headings.txt")));

/// Whether a short block is the heading of a box of other articles ("Tin liên quan",
/// "TIN CÙNG CHUYÊN MỤC", "Tham khảo thêm:").
pub fn is_related_heading(text: &str) -> bool {
    at_most_chars(text, 60) && RELATED_HEADING.is_match(text)
}

/// Headings of boxes beside a listing: popularity boxes, comments, link lists.
static LISTING_ASIDE_HEADING: LazyLock<Regex> =
    LazyLock::new(|| phrase_regex(include_str!("lexicon/listing_aside_headings.txt")));

/// Whether a short block heads a box that is not part of a home or category page's
/// listing ("Đọc nhiều", "Liên kết website").
pub fn is_listing_aside_heading(text: &str) -> bool {
    at_most_chars(text, 60) && LISTING_ASIDE_HEADING.is_match(text)
}

/// A regex matching a whole short block that is one of the phrases of a list.
fn phrase_regex(list: &str) -> Regex {
    let words: Vec<String> = list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(regex::escape)
        .collect();
    Regex::new(&format!(r"(?i)^\W*(?:{})\W*$", words.join("|"))).unwrap()
}

/// Lines of chrome: counters, share and print buttons, addresses, licences,
/// copyright lines, CMS placeholders. Each pattern matches the start of a block.
static CHROME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let pats: Vec<&str> = include_str!("lexicon/chrome_lines.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    Regex::new(&format!(r"(?i)^\W{{0,3}}(?:{})", pats.join("|"))).unwrap()
});

/// The longest block, in chars, that a chrome line pattern may discard: a long
/// paragraph that happens to open with "Địa chỉ" is article text.
const CHROME_LINE_MAX: usize = 220;

/// Whether a short block is a line of page chrome.
pub fn is_chrome_line(text: &str) -> bool {
    at_most_chars(text, CHROME_LINE_MAX) && CHROME_LINE.is_match(text)
}

/// Whether `text` has at most `max` chars, without counting past them.
fn at_most_chars(text: &str, max: usize) -> bool {
    text.len() <= max || text.chars().nth(max).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn first_div(html: &str) -> Element {
        let doc = Html::parse_fragment(html);
        let sel = scraper::Selector::parse("div, section, header, aside, nav").unwrap();
        doc.select(&sel).next().unwrap().value().clone()
    }

    #[test]
    fn template_names() {
        for chrome in [
            r#"<div class="box-tinlienquan related-news">"#,
            r#"<div id="ctl00_Breadcrumb">"#,
            r#"<div class="col-right sidebar">"#,
            r#"<div class="footer">"#,
            r#"<div class="social-share">"#,
            r#"<div id="thongke">"#,
            r#"<section class="box-comment">"#,
        ] {
            assert!(
                is_chrome_element(&first_div(&format!("{chrome}x</div>")), false),
                "{chrome}"
            );
        }
        for content in [
            r#"<div class="detail-content">"#,
            r#"<div class="article-body share-enabled">"#,
            r#"<div class="navy-blue-text">"#,
            r#"<div class="ms-rtestate-field">"#,
            r#"<div class="maintext">"#,
        ] {
            assert!(
                !is_chrome_element(&first_div(&format!("{content}x</div>")), false),
                "{content}"
            );
        }
        assert!(is_chrome_element(&first_div("<header>x</header>"), false));
        assert!(!is_chrome_element(&first_div("<header>x</header>"), true));
    }

    /// Class and id names mixing the patterns' words with separators, case,
    /// digits and non-ASCII characters (`ſ` and the Kelvin sign fold to `s`, `k`).
    fn sample_names() -> Vec<String> {
        let words = [
            "nav",
            "NAV",
            "menu",
            "sidebar",
            "Side",
            "bar",
            "right",
            "col",
            "RightCol",
            "related",
            "relate",
            "comment",
            "comments",
            "breadcrumb",
            "tags",
            "tag",
            "keyword",
            "content",
            "detail",
            "main",
            "tin",
            "lien",
            "quan",
            "xem",
            "nhieu",
            "most",
            "viewed",
            "share",
            "ads",
            "header",
            "top",
            "box",
            "search",
            "x",
            "12",
            "ſearch",
            "\u{212A}eywords",
            "ſidebar",
            "tiêu",
            "đề",
            "Ộ",
            "menué",
        ];
        let seps = [
            " ", "-", "_", "", "›", "é", "\u{a0}", "1", ":", "ſ", "\u{212A}", "[", "'",
        ];
        let mut out = Vec::new();
        let mut next = crate::test_rng::draws(0x9E37_79B9_7F4A_7C15);
        for _ in 0..3000 {
            let mut s = String::new();
            for k in 0..1 + next(4) {
                if k > 0 || next(3) == 0 {
                    s.push_str(seps[next(seps.len())]);
                }
                s.push_str(words[next(words.len())]);
            }
            if next(3) == 0 {
                s.push_str(seps[next(seps.len())]);
            }
            out.push(s);
        }
        out
    }

    #[test]
    fn ascii_builds_match_as_the_unicode_patterns() {
        let names = sample_names();
        for pattern in [CHROME_NAME, SIDE_NAME, CONTENT_NAME] {
            // The pattern as first written: Unicode, case-insensitive.
            let unicode = Regex::new(&format!("(?i){pattern}")).unwrap();
            let ascii = ascii_regex(pattern);
            for n in &names {
                assert_eq!(
                    ascii.is_match(&ascii_names(n)),
                    unicode.is_match(n),
                    "{n:?} {pattern}"
                );
                if n.is_ascii() {
                    let a: Vec<_> = ascii
                        .find_iter(&ascii_names(n))
                        .map(|m| m.range())
                        .collect();
                    let u: Vec<_> = unicode.find_iter(n).map(|m| m.range()).collect();
                    assert_eq!(a, u, "{n:?}");
                }
            }
        }
    }

    #[test]
    fn side_elements_as_the_unicode_patterns_judge_them() {
        // The rule as first written: the Unicode patterns on every element.
        let chrome = Regex::new(&format!("(?i){CHROME_NAME}")).unwrap();
        let side = Regex::new(&format!("(?i){SIDE_NAME}")).unwrap();
        let reference = |el: &Element| {
            if CHROME_TAGS.contains(&el.name()) && el.name() != "aside" {
                return false;
            }
            let names = format!(
                "{} {}",
                el.attr("class").unwrap_or(""),
                el.attr("id").unwrap_or("")
            );
            let hard = chrome.find_iter(&names).any(|m| !side.is_match(m.as_str()));
            el.name() == "aside" || (side.is_match(&names) && !hard)
        };
        let mut sides = 0;
        for n in sample_names().iter().step_by(3) {
            let n = n.replace('"', "");
            for html in [
                format!(r#"<div class="{n}">x</div>"#),
                format!(r#"<div class="box" id="{n}">x</div>"#),
                "<div>x</div>".to_string(),
            ] {
                let el = first_div(&html);
                assert_eq!(is_side_element(&el), reference(&el), "{html}");
                sides += usize::from(reference(&el));
            }
        }
        assert!(sides > 100, "{sides}");
        assert!(is_side_element(&first_div("<aside class=menu>x</aside>")));
        assert!(!is_side_element(&first_div("<nav class=sidebar>x</nav>")));
        assert!(is_side_element(&first_div(
            "<div class=\"ſidebar tin-lien-quan\">x</div>"
        )));
    }

    #[test]
    fn lengths() {
        for t in ["", "Tin", "Tin liên quan", "ĐĐĐĐ", "x\u{301}y"] {
            for max in 0..8 {
                assert_eq!(at_most_chars(t, max), t.chars().count() <= max, "{t} {max}");
            }
        }
    }

    #[test]
    fn related_headings() {
        for h in [
            "Tin liên quan",
            "TIN LIÊN QUAN",
            "Tham khảo thêm:",
            "Các tin khác",
            "Tin cùng chuyên mục",
            "» Các tin đã đưa",
            "Bài viết liên quan",
        ] {
            assert!(is_related_heading(h), "{h}");
        }
        assert!(!is_related_heading(
            "Tin liên quan đến vụ việc đã được cơ quan chức năng xác minh"
        ));
    }

    #[test]
    fn chrome_lines() {
        for l in [
            "Đang online: 125",
            "Lượt xem: 1.204",
            "Tổng số lượng truy cập: 1.204.558",
            "Truy cập trong ngày",
            "Bản quyền thuộc về Sở Thông tin và Truyền thông",
            "© 2024 Cổng thông tin điện tử tỉnh",
            "Copyright © 2019 UBND tỉnh",
            "Địa chỉ: 16 Lê Hồng Phong, Ba Đình, Hà Nội",
            "Điện thoại: 0212.3751.595 - Fax: 0212.3852.133",
            "Giấy phép số 102/GP-BTTTT",
            "Tổng Biên tập: Nguyễn Văn A",
            "In bài viết",
            "Chia sẻ:",
            "This div, which you should delete, represents the content area",
        ] {
            assert!(is_chrome_line(l), "{l}");
        }
        for l in [
            "Địa chỉ của các cơ sở vi phạm đã được công bố công khai trên cổng thông tin.",
            "Ủy ban nhân dân tỉnh yêu cầu các sở, ngành triển khai.",
        ] {
            assert!(!is_chrome_line(l), "{l}");
        }
    }
}

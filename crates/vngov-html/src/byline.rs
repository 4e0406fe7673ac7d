//! The author line and the source credit of an article.
//!
//! A credit names where the article was taken from: "Theo Baoninhbinh.org.vn",
//! "(Theo TTXVN)", "Nguồn: Báo Chính phủ", "TL - VP UBND tỉnh". A byline is a short
//! line of names ending the article ("Lệ Hằng", "NHẬT XUÂN - NGHI VŨ", "Hà Thu (tổng
//! hợp)"), or the page's stated author (`<meta name="author">`, an element whose
//! class says author). Both are looked for among the last blocks of the body, and
//! those lines are then taken out of the body.

use std::sync::LazyLock;

use regex::Regex;
use scraper::{Html, Selector};

use crate::blocks::Segmented;

/// A credit line.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\(?\s*(?:theo|nguồn\s*:|nguồn\s+tin\s*:|tl\s*[-–:]|tư\s+liệu\s*[-–:])\s*\S.{0,80}$",
    )
    .unwrap()
});

/// Words that say a short line is a sentence, not names.
static NOT_NAMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:là|và|của|được|đã|các|những|này|cho|với|không|có|trong|ngày|năm|tháng)\b|\d{2,}|[.!?:;]\s*$|^\W")
        .unwrap()
});

/// Additions after names: "(tổng hợp)", "(TTXVN)", "- ảnh: …".
static NAME_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*\((?:tổng\s+hợp|lược\s+dịch|biên\s+dịch|theo\s+[^)]*|[^)]{1,20})\)\s*$")
        .unwrap()
});

static AUTHOR: LazyLock<Selector> = LazyLock::new(|| {
    Selector::parse(r#"meta[name="author"], meta[property="article:author"], [itemprop="author"] [itemprop="name"], .author, .article-author, .detail-author, .tacgia, .author-info .name"#)
        .unwrap()
});

/// The most lines at the end of a body that are looked at.
const TAIL: usize = 3;

/// The byline, the credit, and the body blocks they were read from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Credits {
    /// The author line.
    pub byline: Option<String>,
    /// Where the article was taken from.
    pub credit: Option<String>,
    /// Body blocks that held them (to be taken out of the body).
    pub blocks: Vec<usize>,
}

/// Whether a line is a credit.
pub fn is_credit(text: &str) -> bool {
    CREDIT.is_match(text.trim())
}

/// Whether a short line reads as a list of names: capitalised words, at most eight,
/// no sentence words, optional "(tổng hợp)".
pub fn is_name_line(text: &str) -> bool {
    let core = NAME_TAIL.replace(text.trim(), "");
    let words: Vec<&str> = core
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | ',' | '&'))
        .filter(|w| !w.is_empty())
        .collect();
    (2..=8).contains(&words.len())
        && !NOT_NAMES.is_match(&core)
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Looks for the byline and credit among the last blocks of `body`.
pub fn find(html: &Html, seg: &Segmented, body: &[usize]) -> Credits {
    let mut out = Credits::default();
    for &i in body.iter().rev().take(TAIL) {
        let t = seg.blocks[i].text.trim();
        if t.chars().count() > 100 {
            break;
        }
        if out.credit.is_none() && is_credit(t) {
            out.credit = Some(t.trim_matches(|c| c == '(' || c == ')').trim().to_string());
            out.blocks.push(i);
        } else if out.byline.is_none() && is_name_line(t) {
            out.byline = Some(t.to_string());
            out.blocks.push(i);
        } else {
            break;
        }
    }
    if out.byline.is_none() {
        out.byline = html
            .select(&AUTHOR)
            .map(|e| match e.value().attr("content") {
                Some(c) => c.to_string(),
                None => e.text().collect::<String>(),
            })
            .map(|s| crate::title::clean(&s))
            .find(|s| is_name_line(s));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits() {
        for t in [
            "Theo Baoninhbinh.org.vn",
            "(Theo TTXVN)",
            "Nguồn: Báo Chính phủ",
            "TL - VP UBND tỉnh",
        ] {
            assert!(is_credit(t), "{t}");
        }
        assert!(!is_credit(
            "Theo kế hoạch, UBND tỉnh sẽ tổ chức hội nghị vào tháng 5 để đánh giá kết quả thực hiện."
        ));
    }

    #[test]
    fn name_lines() {
        for t in [
            "Lệ Hằng",
            "NHẬT XUÂN - NGHI VŨ",
            "Hà Thu (tổng hợp)",
            "Minh Đức, Thu Trang",
        ] {
            assert!(is_name_line(t), "{t}");
        }
        for t in ["Ảnh minh họa.", "Năm 2024 đạt 95%", "Các tin khác"] {
            assert!(!is_name_line(t), "{t}");
        }
    }

    #[test]
    fn from_the_end_of_the_body() {
        let html = Html::parse_document(
            "<div><p>UBND tỉnh đã ban hành kế hoạch triển khai chuyển đổi số năm 2024.</p><p>Lệ Hằng</p><p>(Theo Baoninhbinh.org.vn)</p></div>",
        );
        let seg = crate::blocks::segment(&html);
        let body: Vec<usize> = (0..seg.blocks.len()).collect();
        let c = find(&html, &seg, &body);
        assert_eq!(c.byline.as_deref(), Some("Lệ Hằng"));
        assert_eq!(c.credit.as_deref(), Some("Theo Baoninhbinh.org.vn"));
        assert_eq!(c.blocks, vec![2, 1]);
    }
}

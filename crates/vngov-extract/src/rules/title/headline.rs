//! The first line that reads like a headline.

use std::sync::LazyLock;

use regex::Regex;

use super::squash;

/// Page chrome and legal headers that are never a headline (folded line start).
static CHROME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:trang chu|skip |tim kiem|truy cap noi dung|in trang|chao mung|dang nhap|dang ky|dang tai|tai lieu han che|menu|lien he|so do|ban in|cong hoa xa hoi|doc lap - tu do|doc lap tu do|so:|so \d|uy ban nhan dan|y ban nhan dan|van phong chinh phu|\d+\. trang chu|cap nhat|ngay dang|luot xem|thu (?:hai|ba|tu|nam|sau|bay|[2-7])\b|chu nhat|date |xem voi co chu|mac dinh|anh:|anh minh hoa|toan canh|tuy nhien|theo do|ngay \d|sang |chieu |toi )",
    )
    .unwrap()
});

/// A date line: a day or a month with its year, and little else.
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+[\p{L}\d ]+\d{4}")
        .unwrap()
});

/// Lowest and highest word counts of a headline.
const WORDS: std::ops::RangeInclusive<usize> = 5..=30;

/// How many lines from the top a headline may stand.
const HEAD_LINES: usize = 30;

/// The headline: the first headline-like line directly above a date line (a news
/// article's title and its date), else the first headline-like line.
///
/// A headline-like line has 5 to 30 words, starts with a capital letter, does not end
/// like a sentence (".", ";", ":") and is not chrome ("Trang chủ", "Skip to main
/// content", "Tìm kiếm tin tức"), a date line, a body sentence ("Ngày 21/5, …") or a
/// legal header ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").
///
/// Example: "Trang chủ\n\nỨng dụng Công nghệ thông tin\n\nHọp Ban Chỉ đạo Ứng dụng
/// CNTT Thành phố Hà Nội Quý I\n12/03/2015 | 12:00" → "Họp Ban Chỉ đạo Ứng dụng CNTT
/// Thành phố Hà Nội Quý I".
pub fn find(text: &str) -> Option<String> {
    let lines: Vec<&str> = text
        .lines()
        .take(HEAD_LINES)
        .map(|l| l.trim().trim_matches(['|', '•', ' ']))
        .filter(|l| !l.is_empty())
        .collect();
    let above_date = lines.windows(2).find_map(|w| {
        let next_is_date = DATE_LINE.is_match(w[1]) && w[1].split_whitespace().count() <= 10;
        (next_is_date && headline_like(w[0])).then(|| squash(w[0]))
    });
    above_date.or_else(|| lines.iter().find(|l| headline_like(l)).map(|l| squash(l)))
}

/// Whether a trimmed line reads like a headline.
fn headline_like(l: &str) -> bool {
    let Some(first) = l.chars().next() else {
        return false;
    };
    if !first.is_uppercase() || l.ends_with(['.', ';', ':', ',']) {
        return false;
    }
    if CHROME.is_match(&vngov_text::fold(l)) {
        return false;
    }
    let words = l
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    let letters = l.chars().filter(|c| c.is_alphabetic()).count();
    let digits = l.chars().filter(|c| c.is_ascii_digit()).count();
    WORDS.contains(&words) && letters > 3 * digits
}

//! Days written with words: `ngày 01 tháng 7 năm 2014`, `ngày 09 tháng 4\nnăm 2022`,
//! `2 tháng mười một 2018`, and `ngày 15 tháng 4` without a year.

use std::sync::LazyLock;

use regex::Regex;

use super::{char_before, day, number_continues, number_precedes, Found};

/// "ngày d tháng m [năm yyyy]", or "d tháng m năm yyyy" without "ngày"; the month
/// as a number or a word; line breaks allowed between the parts.
static VERBAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(ngày\s*)?(\d{1,2})\s+tháng\s+(\d{1,2}|mười\s+một|mười\s+hai|mười|một|giêng|hai|ba|tư|bốn|sáu|bảy|tám|chín|chạp)\b(?:\s*,?\s*(?:năm\s+)?(\d{4}))?",
    )
    .unwrap()
});

/// A month written as a word: "mười một" → 11.
pub(crate) fn month_word(w: &str) -> Option<u32> {
    let w = w.to_lowercase();
    let w: Vec<&str> = w.split_whitespace().collect();
    Some(match w.as_slice() {
        ["một"] | ["giêng"] => 1,
        ["hai"] => 2,
        ["ba"] => 3,
        ["tư"] | ["bốn"] => 4,
        ["năm"] => 5,
        ["sáu"] => 6,
        ["bảy"] => 7,
        ["tám"] => 8,
        ["chín"] => 9,
        ["mười"] => 10,
        ["mười", "một"] => 11,
        ["mười", "hai"] | ["chạp"] => 12,
        _ => return None,
    })
}

/// Days written "ngày d tháng m năm yyyy" (the month may be a word).
///
/// Example: "Hà Nội, ngày 15 tháng 4 năm 2022" → `2022-04-15`;
/// "2 tháng mười một 2018" → `2018-11-02`; "ngày 01 tháng 7" → `--07-01`.
/// Without "ngày" a year is required: "sau 6 tháng 3 ngày" is not a date. "tháng năm"
/// is not read as May: "ngày 08 tháng năm 2022" lacks its month.
pub fn find(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for c in VERBAL.captures_iter(text) {
        let m = c.get(0).unwrap();
        let has_ngay = c.get(1).is_some();
        if !has_ngay && number_precedes(text, m.start())
            || char_before(text, m.start()).is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let y: Option<i32> = c.get(4).map(|y| y.as_str().parse().unwrap_or(0));
        if y.is_some() && number_continues(text, m.end()) {
            continue;
        }
        let mword = &c[3];
        let numeric_month = mword.chars().all(|ch| ch.is_ascii_digit());
        let mo = if numeric_month {
            mword.parse().unwrap_or(0)
        } else {
            match month_word(mword) {
                Some(mo) => mo,
                None => continue,
            }
        };
        // Without "ngày", or with the month as a word, only a full date counts.
        if (!has_ngay || !numeric_month) && y.is_none() {
            continue;
        }
        let d: u32 = c[2].parse().unwrap_or(0);
        out.push(day(m.start()..m.end(), y, mo, d));
    }
    out
}

//! Months with their year: `tháng 5/2018`, `tháng 3 năm 2021`, `tháng 12-2014`,
//! `tháng mười một năm 2018`.

use std::sync::LazyLock;

use regex::Regex;

use super::{month_found, number_continues, verbal::month_word, word_captures, Found};

/// "tháng m/yyyy", "tháng m-yyyy", "tháng m năm yyyy" (line breaks allowed);
/// "tháng" starts a word (checked by [`word_captures`]).
static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)tháng\s*(\d{1,2}|mười\s+một|mười\s+hai|mười|giêng|chạp)(?:\s*[/.-]\s*|\s*,?\s+năm\s+)(\d{4})",
    )
    .unwrap()
});

/// Months written "tháng m/yyyy" or "tháng m năm yyyy".
///
/// Example: "Tính đến tháng 5/2018" → `2018-05`; "phiên họp thường kỳ tháng 3 năm
/// 2021" → `2021-03`. A month without its year ("tháng 3") is not kept: it cannot be
/// placed, and "3 tháng cuối năm" is a duration.
pub fn find(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for c in word_captures(&MONTH, text) {
        let m = c.get(0).unwrap();
        if number_continues(text, m.end()) {
            continue;
        }
        let mw = &c[1];
        let mo = if mw.chars().all(|ch| ch.is_ascii_digit()) {
            mw.parse().unwrap_or(0)
        } else {
            month_word(mw).unwrap_or(0)
        };
        let y: i32 = c[2].parse().unwrap_or(0);
        if let Some(f) = month_found(m.start()..m.end(), y, mo) {
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_the_pattern_with_b_finds() {
        super::super::same::assert_same(
            &MONTH,
            r"(?i)\btháng\s*(\d{1,2}|mười\s+một|mười\s+hai|mười|giêng|chạp)(?:\s*[/.-]\s*|\s*,?\s+năm\s+)(\d{4})",
            &[
                "Tính đến tháng 5/2018",
                "phiên họp thường kỳ tháng 3 năm\n2021",
            ],
        );
        assert_eq!(find("Tính đến tháng 5/2018")[0].value, "2018-05");
    }
}

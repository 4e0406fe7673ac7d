//! Years after a cue: `năm 2016`, `đến 2020`, `từ 2015`, `định hướng 2030`,
//! `tầm nhìn 2045`.

use std::sync::LazyLock;

use regex::Regex;

use vngov_record::DatePrecision;

use super::{number_continues, word_captures, Found, YEARS};

/// A cue word and a four-digit number; the cue starts a word (checked by
/// [`word_captures`], which stands for a leading `\b`).
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:năm|đến|từ|định\s+hướng|tầm\s+nhìn)\s+(\d{4})").unwrap());

/// Years written after "năm", "đến", "từ", "định hướng" or "tầm nhìn", within
/// 1945–2100; the match is the four digits.
///
/// Example: "kết quả năm 2016" → `2016`. Not a year: "5 năm", "năm 1", "năm 3000",
/// a bare "2016" without a cue, "năm 2020,5".
pub fn find(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for c in word_captures(&YEAR, text) {
        let g = c.get(1).unwrap();
        if number_continues(text, g.end()) {
            continue;
        }
        let y: i32 = g.as_str().parse().unwrap_or(0);
        if YEARS.contains(&y) {
            out.push(Found {
                range: g.start()..g.end(),
                value: format!("{y:04}"),
                precision: DatePrecision::Year,
                start: None,
                end: None,
                valid: true,
            });
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
            &YEAR,
            r"(?i)\b(?:năm|đến|từ|định\s+hướng|tầm\s+nhìn)\s+(\d{4})",
            &["kết quả năm 2016", "nămnăm 2016 x_đến 2017 đếnđến 2018"],
        );
        assert_eq!(find("kết quả năm 2016")[0].value, "2016");
    }
}

//! Ranges of years: `giai đoạn 2016-2020`, `2016 - 2020`, `2021 – 2025`,
//! `từ năm 2016 đến năm 2020`.

use std::sync::LazyLock;

use regex::Regex;

use vngov_record::DatePrecision;

use super::{number_continues, number_precedes, word_captures, Found, YEARS};

/// "yyyy-yyyy" with a hyphen or a dash, spaces allowed.
static DASHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s*[-–—]\s*(\d{4})").unwrap());
/// "từ (năm) yyyy đến (năm) yyyy"; "từ" starts a word (checked by
/// [`word_captures`]).
static FROM_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)từ\s+(?:năm\s+)?(\d{4})\s+(?:đến|tới)\s+(?:năm\s+)?(\d{4})").unwrap()
});

/// Year ranges: two years, the second later, at most 50 years apart.
///
/// Example: "giai đoạn 2016-2020" → `2016/2020` with `start` `2016`, `end` `2020`.
/// Not a range: "2020-2016", "0123-4567" (a phone number), "2016-2020/NQ" (a code).
pub fn find(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for c in DASHED
        .captures_iter(text)
        .chain(word_captures(&FROM_TO, text))
    {
        let m = c.get(0).unwrap();
        if number_precedes(text, m.start()) || number_continues(text, m.end()) {
            continue;
        }
        let a: i32 = c[1].parse().unwrap_or(0);
        let b: i32 = c[2].parse().unwrap_or(0);
        if YEARS.contains(&a) && YEARS.contains(&b) && a < b && b - a <= 50 {
            out.push(Found {
                range: m.start()..m.end(),
                value: format!("{a:04}/{b:04}"),
                precision: DatePrecision::Range,
                start: Some(format!("{a:04}")),
                end: Some(format!("{b:04}")),
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
            &FROM_TO,
            r"(?i)\btừ\s+(?:năm\s+)?(\d{4})\s+(?:đến|tới)\s+(?:năm\s+)?(\d{4})",
            &[
                "từ năm 2016 đến năm 2020",
                "xtừ 2016 đến 2020 từ từ 2017 tới 2018",
            ],
        );
        assert_eq!(find("giai đoạn 2016-2020")[0].value, "2016/2020");
        assert_eq!(find("từ năm 2016 đến năm 2020")[0].value, "2016/2020");
    }
}

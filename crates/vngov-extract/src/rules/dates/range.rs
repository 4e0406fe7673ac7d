//! Ranges of years: `giai đoạn 2016-2020`, `2016 - 2020`, `2021 – 2025`,
//! `từ năm 2016 đến năm 2020`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use vngov_record::DatePrecision;

use super::{number_continues, number_precedes, word_captures, Found, YEARS};
use crate::rules::near::{self, Reach};

/// "yyyy-yyyy" with a hyphen or a dash, spaces allowed.
static DASHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s*[-–—]\s*(\d{4})").unwrap());
/// A hyphen or a dash: every match of [`DASHED`] holds one.
static DASH: LazyLock<Regex> = LazyLock::new(|| Regex::new("[-–—]").unwrap());
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
    let from_to = word_captures(&FROM_TO, text);
    for (m, a, b) in dashed(text)
        .into_iter()
        .chain(from_to.iter().map(|c| years(c, 0)))
    {
        if number_precedes(text, m.start) || number_continues(text, m.end) {
            continue;
        }
        let a: i32 = a.parse().unwrap_or(0);
        let b: i32 = b.parse().unwrap_or(0);
        if YEARS.contains(&a) && YEARS.contains(&b) && a < b && b - a <= 50 {
            out.push(Found {
                range: m,
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

/// The matches of [`DASHED`], read only around the dashes: the years and the
/// spaces beside a dash reach one word back and one word on, so the stretches
/// hold every match whole (see [`near`]).
fn dashed(text: &str) -> Vec<(Range<usize>, &str, &str)> {
    let reach = Reach {
        words_before: 1,
        line_start: false,
        words_after: 1,
        chars_after: 0,
    };
    let mut out = Vec::new();
    for r in near::stretches(text, &near::anchors(&DASH, text), reach) {
        out.extend(
            DASHED
                .captures_iter(&text[r.clone()])
                .map(|c| years(&c, r.start)),
        );
    }
    out
}

/// The byte range (in a text whose slice starts at `offset`) and the two years of
/// a match.
fn years<'t>(c: &Captures<'t>, offset: usize) -> (Range<usize>, &'t str, &'t str) {
    let m = c.get(0).unwrap();
    let year = |g| c.get(g).map_or("", |y: regex::Match<'t>| y.as_str());
    (offset + m.start()..offset + m.end(), year(1), year(2))
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
        for t in super::super::same::TRICKY.iter().chain(&[
            "2016-2020-2025 2016 -\n 2020, 2016\u{a0}–\u{a0}2020; 2016\n\n—\n\n2020 x2016-2020x",
            "12016-20201 2016- 2020 2016 -2020 -2020 2016- ٢٠١٦-٢٠٢٠ 2016-2016-2017 -- 2018--2019",
        ]) {
            let whole: Vec<_> = DASHED.captures_iter(t).map(|c| years(&c, 0)).collect();
            assert_eq!(dashed(t), whole, "{t:?}");
        }
        assert_eq!(find("từ năm 2016 đến năm 2020")[0].value, "2016/2020");
    }
}

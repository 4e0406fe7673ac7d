//! Days written with words: `ngày 01 tháng 7 năm 2014`, `ngày 09 tháng 4\nnăm 2022`,
//! `2 tháng mười một 2018`, and `ngày 15 tháng 4` without a year.

use std::sync::LazyLock;

use regex::Regex;

use super::{char_before, day, number_continues, number_precedes, Found};
use crate::rules::near::{self, Reach};

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
    let w = vngov_text::chars::lowercase(w);
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
    // Every match holds "tháng"; the pattern is slow over a whole Vietnamese text, so
    // it runs only around each "tháng": "ngày 15" before it, "mười một , năm 2018"
    // after it.
    let reach = Reach {
        words_before: 2,
        line_start: false,
        words_after: 5,
        chars_after: 0,
    };
    for r in near::stretches(text, &thang(text), reach) {
        for c in VERBAL.captures_iter(&text[r.clone()]) {
            let m = c.get(0).unwrap();
            let m = r.start + m.start()..r.start + m.end();
            if let Some(f) = read(text, &c, m) {
                out.push(f);
            }
        }
    }
    out
}

/// "tháng", in any case: every match of [`VERBAL`] holds it. It has no `\b`, so the
/// regex crate finds it with its literal search.
static THANG: LazyLock<Regex> = LazyLock::new(|| Regex::new("(?i)tháng").unwrap());

/// Byte offsets of every "tháng", in any case.
fn thang(text: &str) -> Vec<usize> {
    near::anchors(&THANG, text)
}

/// The day a match of [`VERBAL`] at `m` names, if it is one.
fn read(text: &str, c: &regex::Captures, m: std::ops::Range<usize>) -> Option<Found> {
    let has_ngay = c.get(1).is_some();
    if !has_ngay && number_precedes(text, m.start)
        || char_before(text, m.start).is_some_and(vngov_text::chars::is_letter_or_digit)
    {
        return None;
    }
    let y: Option<i32> = c.get(4).map(|y| y.as_str().parse().unwrap_or(0));
    if y.is_some() && number_continues(text, m.end) {
        return None;
    }
    let mword = &c[3];
    let numeric_month = mword.chars().all(|ch| ch.is_ascii_digit());
    let mo = if numeric_month {
        mword.parse().unwrap_or(0)
    } else {
        month_word(mword)?
    };
    // Without "ngày", or with the month as a word, only a full date counts.
    if (!has_ngay || !numeric_month) && y.is_none() {
        return None;
    }
    let d: u32 = c[2].parse().unwrap_or(0);
    Some(day(m, y, mo, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern over the whole text, as before stretches.
    fn whole(text: &str) -> Vec<Found> {
        VERBAL
            .captures_iter(text)
            .filter_map(|c| {
                let m = c.get(0).unwrap().range();
                read(text, &c, m)
            })
            .collect()
    }

    #[test]
    fn stretches_find_what_the_whole_text_does() {
        for t in [
            "Hà Nội, ngày 15 tháng 4 năm 2022, và ngày 01 THÁNG 7",
            "2 tháng mười một 2018; ngày15 Tháng\nmười hai ,\n năm   2019.",
            "xngày 3 tháng 2 năm 2020 sau 6 tháng 3 ngày, 12 tHÁng 5 , 2021",
            "ngày 08 tháng năm 2022 ngày 1 tháng giêng, ngày 2 tháng 3x",
            "tháng tháng 5 tháng 6 năm 2020 ngày 31 tháng 12 năm 20201",
        ] {
            assert_eq!(find(t), whole(t), "{t}");
        }
        assert_eq!(find("ngày 15 tháng 4 năm 2022").len(), 1);
    }

    #[test]
    fn finds_thang_in_any_case() {
        let t = "tháng THÁNG tHÁnG thang thán tháng";
        assert_eq!(thang(t).len(), 4);
    }
}

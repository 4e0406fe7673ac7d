//! Days written with numbers: `25/12/2018`, `24 / 7 / 2017`, `23-8-2011`,
//! `17 - 05 - 2024`,
//! `01.7.2014`, and, after a cue word, days without a year: `Chiều 27/8`,
//! `Sáng 10-7`, `trước ngày 15-12`, `Ngày 21/ 5`, `Chiều nay (2/1)`.

use std::sync::LazyLock;

use regex::Regex;

use super::{after_so, day, number_continues, number_precedes, word_before, Found};

/// `d/m/yyyy` with optional spaces around the slashes.
static SLASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,2})[ \t]*/[ \t]*(\d{1,2})(?:[ \t]*/[ \t]*(\d{4}))?").unwrap()
});
/// `d-m-yyyy` or, without a year, `d-m`.
static DASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,2})-(\d{1,2})(?:-(\d{4}))?").unwrap());
/// `d - m - yyyy`, spaced (a portal's date line); the year is required, so that
/// "2016 - 2020" stays a range of years.
static SPACED_DASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,2})[ \t]+[-–][ \t]+(\d{1,2})[ \t]+[-–][ \t]+(\d{4})").unwrap()
});
/// `d.m.yyyy` (the year is required: `10.5` is a decimal).
static DOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,2})\.(\d{1,2})\.(\d{4})").unwrap());

/// Words after which a day without a year is a date: "ngày", the parts of the day,
/// and the prepositions of a deadline or a span.
const CUES: &[&str] = &[
    "ngay", "sang", "chieu", "toi", "trua", "dem", "hom", "truoc", "den", "tu", "rang",
];

/// Days written `d/m/yyyy`, `d-m-yyyy`, `d.m.yyyy`, and `d/m` or `d-m` after a cue.
///
/// Example: "Ngày 25/12/2018, ..." → `2018-12-25`; "Chiều 27/8" → `--08-27`.
/// Not a date: "27/27", "6/9 huyện" (no cue), "64/2007/NĐ-CP", "số 12/5", "0,95".
pub fn find(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for re in [&*SLASH, &*DASH, &*SPACED_DASH, &*DOT] {
        for c in re.captures_iter(text) {
            let m = c.get(0).unwrap();
            let (s, e) = (m.start(), m.end());
            if number_precedes(text, s) || number_continues(text, e) || after_so(text, s) {
                continue;
            }
            let d: u32 = c[1].parse().unwrap_or(0);
            let mo: u32 = c[2].parse().unwrap_or(0);
            let y: Option<i32> = c.get(3).map(|y| y.as_str().parse().unwrap_or(0));
            // "Chiều nay (2/1)": today's day in brackets after "nay".
            let before = text[..s].trim_end();
            let bracketed_today =
                before.ends_with('(') && word_before(before, before.len() - 1) == "nay";
            if y.is_none() && !CUES.contains(&word_before(text, s).as_str()) && !bracketed_today {
                continue;
            }
            out.push(day(s..e, y, mo, d));
        }
    }
    out
}

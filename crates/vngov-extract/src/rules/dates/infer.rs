//! Years of days written without one ("Chiều ngày 24/02").
//!
//! A year is filled in only where the document makes it certain, from these
//! sources in order:
//!
//! 1. the publication date: the year that puts the day nearest to it (an article of
//!    2019-01-05 reporting "ngày 28/12" means 2018-12-28);
//! 2. a dateline opening the document ("date 2023-10", "date 2025-07-29"), the
//!    same way;
//! 3. a year under review and the year planned after it ("đánh giá kết quả … năm
//!    2016, triển khai nhiệm vụ năm 2017"): such review conferences are held from
//!    November of the reviewed year to April of the next, so a day in January–April
//!    takes the planned year and a day in November–December the reviewed year;
//! 4. a day or month with its year in the same sentence ("Ngày 20/7/2018, … văn
//!    bản ngày 18/7" → 2018), the year that puts the day nearest to it, when that
//!    is within three months (a cited document may be far older than the event);
//! 5. the one year the sentence writes alone, for the business of the meeting it
//!    reports ("Ngày 08/6, … Hội nghị giao ban … 6 tháng đầu năm 2018"); a day in
//!    January–April of a sentence reviewing or honouring the year stays without one
//!    (this year or the next?), a December day of a sentence planning it takes the
//!    year before.
//!
//! Otherwise the value stays `--MM-DD`, and so does a day that recurs every year
//! ("ngày 26/3 hàng năm").

use std::cell::LazyCell;
use std::sync::LazyLock;

use regex::Regex;

use crate::Doc;
use vngov_record::{DateFact, DatePrecision};

use super::{day_value, valid_day, word_starts_at};

/// A recurring day: "ngày 26/3 hàng năm" has no year to infer.
static YEARLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:hàng|hằng|mỗi)\s+năm\b").unwrap());

/// Whether the words after byte `b` say the day recurs ("hàng năm").
///
/// [`YEARLY`] reads two words after `b`, so it runs on those alone, not on the
/// rest of the text: it matches only within them, and the stretch ends at a space
/// or the end of the text, where `\b` after "năm" reads as in the whole text.
fn recurs_yearly(text: &str, b: usize) -> bool {
    YEARLY.is_match(words_after(text, b, 2))
}

/// The text from byte `b` through `words` runs of non-space and the spaces before
/// each, ending before a space or at the end of `text`.
fn words_after(text: &str, b: usize, words: usize) -> &str {
    let mut e = b;
    for _ in 0..words {
        for space in [true, false] {
            e = text[e..]
                .char_indices()
                .find(|&(_, c)| c.is_whitespace() != space)
                .map_or(text.len(), |(i, _)| e + i);
        }
    }
    &text[b..e]
}

/// The words that open a review: "tổng kết", "đánh giá", "kết quả", "sơ kết".
static REVIEW: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)tổng\s+kết|đánh\s+giá|kết\s+quả|sơ\s+kết").unwrap());
/// The words that open a plan: "nhiệm vụ", "phương hướng", "kế hoạch", "triển khai".
static PLAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)nhiệm\s+vụ|phương\s+hướng|kế\s+hoạch|triển\s+khai").unwrap());
/// "năm yyyy"; "năm" starts a word (checked by [`word_starts_at`]).
static NAM_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)năm\s+(\d{4})").unwrap());

/// How far (in chars) a review's year may follow its words, a plan's words the
/// review's year, and the plan's year its words: all within one sentence.
const REVIEW_TO_YEAR: usize = 160;
const YEAR_TO_PLAN: usize = 160;
const PLAN_TO_YEAR: usize = 80;

/// The years of the first review of a year and plan for a year in `text`, one
/// sentence saying: review words, within [`REVIEW_TO_YEAR`] chars "năm" and the
/// reviewed year, within [`YEAR_TO_PLAN`] chars plan words, and within
/// [`PLAN_TO_YEAR`] chars "năm" and the planned year; no gap holds a full stop, a
/// semicolon or a line break ("tổng kết công tác năm 2016, triển khai nhiệm vụ năm
/// 2017" → 2016, 2017).
///
/// "First" reads as the regex crate does (see the pattern in the tests): the
/// earliest review words, then the nearest reviewed year that leads to a plan,
/// the nearest plan words with a planned year after them, the nearest planned year.
fn review_plan(text: &str) -> Option<(&str, &str)> {
    // Review words may overlap ("tổng kết quả"): every start counts.
    let mut reviews = Vec::new();
    let mut at = 0;
    while let Some(m) = REVIEW.find_at(text, at) {
        reviews.push(m.end());
        at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
    }
    if reviews.is_empty() {
        return None;
    }
    // "năm yyyy" and plan words cannot overlap themselves: every match is found.
    let years: Vec<(usize, regex::Match)> = NAM_YEAR
        .captures_iter(text)
        .map(|c| (c.get(0).unwrap().start(), c.get(1).unwrap()))
        .filter(|&(s, _)| word_starts_at(text, s))
        .collect();
    let plans: Vec<(usize, usize)> = PLAN.find_iter(text).map(|m| (m.start(), m.end())).collect();
    let after = |from: usize, to: usize, max: usize| within(text, from, to, max);
    reviews.into_iter().find_map(|r| {
        years
            .iter()
            .filter(|(s, _)| after(r, *s, REVIEW_TO_YEAR))
            .find_map(|(_, y1)| {
                plans
                    .iter()
                    .filter(|(s, _)| after(y1.end(), *s, YEAR_TO_PLAN))
                    .find_map(|&(_, p)| {
                        years
                            .iter()
                            .find(|(s, _)| after(p, *s, PLAN_TO_YEAR))
                            .map(|(_, y2)| (y1.as_str(), y2.as_str()))
                    })
            })
    })
}

/// Whether byte `to` is at most `max` chars after byte `from`, with no full stop,
/// semicolon or line break between.
fn within(text: &str, from: usize, to: usize, max: usize) -> bool {
    // A char takes at most four bytes: a longer gap need not be read.
    to >= from && to - from <= 4 * max && {
        let gap = &text[from..to];
        !gap.contains(['.', ';', '\n']) && gap.chars().count() <= max
    }
}

/// Fills years the text leaves unwritten where the document makes them certain.
pub fn infer_years(doc: &Doc, dates: &mut [DateFact], published: Option<&str>) {
    let text = doc.text();
    let to_bytes = |d: &DateFact| doc.byte_range(d.evidence.span);

    // A dateline opening the document ("date 2023-10", " date 2025-07-29"): its day
    // or month anchors the others as a publication date would.
    let header_month = dates.first().and_then(|d| {
        let first_line_end = text.trim_start().len();
        let lead = text.len() - first_line_end;
        let line_end = text[lead..].find('\n').map_or(text.len(), |i| lead + i);
        let on_first_line = to_bytes(d).start < line_end && !d.value.starts_with('-');
        match d.precision {
            DatePrecision::Month if on_first_line => Some(format!("{}-15", d.value)),
            DatePrecision::Day if on_first_line && DATELINE.is_match(&text[lead..line_end]) => {
                Some(d.value.clone())
            }
            _ => None,
        }
    });
    // Read only for a day no earlier source places, which most documents lack.
    let review = LazyCell::new(|| {
        review_plan(text).and_then(|(a, b)| {
            let a: i32 = a.parse().ok()?;
            let b: i32 = b.parse().ok()?;
            (b == a + 1).then_some(a)
        })
    });
    let written: Vec<(std::ops::Range<usize>, String)> = dates
        .iter()
        .filter(|d| {
            matches!(d.precision, DatePrecision::Day | DatePrecision::Month)
                && !d.value.starts_with('-')
        })
        .map(|d| {
            let v = if d.precision == DatePrecision::Month {
                format!("{}-15", d.value)
            } else {
                d.value.clone()
            };
            (to_bytes(d), v)
        })
        .collect();

    // Years the text writes alone ("năm 2018"), for the business of a meeting.
    let years: Vec<(std::ops::Range<usize>, i32)> = dates
        .iter()
        .filter(|d| d.precision == DatePrecision::Year)
        .filter_map(|d| Some((to_bytes(d), d.value.parse().ok()?)))
        .collect();
    for d in dates.iter_mut() {
        if d.precision != DatePrecision::Day || !d.value.starts_with("--") {
            continue;
        }
        let Some((m, dd)) = parse_md(&d.value) else {
            continue;
        };
        let here = to_bytes(d);
        let at = here.start;
        if recurs_yearly(text, here.end) {
            continue;
        }
        let sentence = doc.sentence_at(at);
        let year = published
            .and_then(|p| nearest(p, m, dd))
            .or_else(|| header_month.as_deref().and_then(|p| nearest(p, m, dd)))
            .or_else(|| {
                review.and_then(|y| match m {
                    1..=4 => Some(y + 1),
                    11 | 12 => Some(y),
                    _ => None,
                })
            })
            .or_else(|| {
                written
                    .iter()
                    .filter(|(r, _)| r.start >= sentence.start && r.end <= sentence.end)
                    .min_by_key(|(r, _)| r.start.abs_diff(at))
                    .and_then(|(_, v)| nearest_within(v, m, dd, SAME_SENTENCE_DAYS))
            })
            .or_else(|| business_year(text, sentence.clone(), &years, m));
        if let Some(y) = year {
            if valid_day(Some(y), m, dd) {
                d.value = day_value(Some(y), m, dd);
                d.year_inferred = true;
            }
        }
    }
}

/// Month and day of a `--MM-DD` value.
/// A dateline: only a date (and a label) on the line ("date 2025-07-29").
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?i:date|ngày|cập\s+nhật)?\s*:?\s*\d{4}-\d{2}-\d{2}\b").unwrap()
});

/// The year of a meeting's business written in its sentence ("Ngày 08/6, … Hội
/// nghị giao ban … 6 tháng đầu năm 2018", "Chiều 29/5, … kỳ họp thường lệ giữa
/// năm 2023"): one year alone there, the same for every mention. A review of the
/// year ("tổng kết … năm 2023") is held late that year or early the next: a day in
/// January–April takes the next year. A plan for the year ("triển khai nhiệm vụ năm
/// 2024") may be set in its last December: a December day takes the year before.
fn business_year(
    text: &str,
    sentence: std::ops::Range<usize>,
    years: &[(std::ops::Range<usize>, i32)],
    month: u32,
) -> Option<i32> {
    let mut found = years
        .iter()
        .filter(|(r, _)| r.start >= sentence.start && r.end <= sentence.end)
        .map(|(_, y)| *y);
    let y = found.next()?;
    if found.any(|o| o != y) {
        return None;
    }
    let s = &text[sentence];
    let looks_back =
        (REVIEW.is_match(s) || HONOURS.is_match(s)) && !s.to_lowercase().contains("tháng đầu năm");
    let plan_only = PLAN.is_match(s) && !looks_back;
    match month {
        // A review or an honouring of the year early in a year: this one or the
        // next, the text does not say.
        1..=4 if looks_back => None,
        12 if plan_only => Some(y - 1),
        _ => Some(y),
    }
}

/// Words of honouring a year's work: like a review, held after it.
static HONOURS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)tuyên\s+dương|khen\s+thưởng|biểu\s+dương|vinh\s+danh").unwrap()
});

fn parse_md(v: &str) -> Option<(u32, u32)> {
    let m = v.get(2..4)?.parse().ok()?;
    let d = v.get(5..7)?.parse().ok()?;
    Some((m, d))
}

/// How far (in days) a day may lie from a dated neighbour in its sentence to take
/// its year: a cited document may be months older than the event beside it, so
/// only a close neighbour makes the year certain.
const SAME_SENTENCE_DAYS: i64 = 92;

/// The year that puts day `m-d` nearest to `anchor`, if that is within `max` days.
fn nearest_within(anchor: &str, m: u32, d: u32, max: i64) -> Option<i32> {
    let y = nearest(anchor, m, d)?;
    let a = parse_ymd(anchor)?;
    ((ordinal(y, m, d) - ordinal(a.0, a.1, a.2)).abs() <= max).then_some(y)
}

/// Year, month and day of a `YYYY-MM-DD` value.
fn parse_ymd(v: &str) -> Option<(i32, u32, u32)> {
    Some((
        v.get(0..4)?.parse().ok()?,
        v.get(5..7)?.parse().ok()?,
        v.get(8..10)?.parse().ok()?,
    ))
}

/// The year that puts day `m-d` nearest to the date `anchor` (`YYYY-MM-DD`).
pub(crate) fn nearest(anchor: &str, m: u32, d: u32) -> Option<i32> {
    let (y, am, ad) = parse_ymd(anchor)?;
    let a = ordinal(y, am, ad);
    [y - 1, y, y + 1]
        .into_iter()
        .filter(|&c| valid_day(Some(c), m, d) || (m == 2 && d == 29))
        .min_by_key(|&c| (ordinal(c, m, d) - a).abs())
}

/// Days since an epoch, for distances between dates.
fn ordinal(y: i32, m: u32, d: u32) -> i64 {
    // Days from civil (Howard Hinnant's algorithm).
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule as one pattern, run by the regex crate over the whole text: slow
    /// (its `\b` and bounded gaps), so [`review_plan`] reads it by parts.
    static REVIEW_PLAN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?:tổng\s+kết|đánh\s+giá|kết\s+quả|sơ\s+kết)[^.;\n]{0,160}?\bnăm\s+(\d{4})[^.;\n]{0,160}?(?:nhiệm\s+vụ|phương\s+hướng|kế\s+hoạch|triển\s+khai)[^.;\n]{0,80}?\bnăm\s+(\d{4})",
        )
        .unwrap()
    });

    #[test]
    fn review_plan_reads_as_the_whole_pattern() {
        let gap = |n: usize| "ư".repeat(n);
        let texts = [
            "Hội nghị tổng kết công tác năm 2016, triển khai nhiệm vụ năm 2017.".to_string(),
            "Kết quả năm 2015; kế hoạch năm 2016. ĐÁNH GIÁ\nkết quả NĂM 2018 và PHƯƠNG HƯỚNG năm 2019".into(),
            "Sơ kết năm 2020. Nhiệm vụ năm 2021; tổng kết xnăm 2019 và kế hoạch năm  2020".into(),
            "năm 2019 năm 2020 không có gì. tổng kết năm 20201 triển khai năm 2021".into(),
            "Tổng kết xnăm 2016 và năm 2017, kế hoạch năm 2018 và năm 2019".into(),
            "Tổng\nkết năm\n2016 nhiệm\nvụ năm\t2017, KẾT QUẢ NĂM 2016 TRIỂN KHAI NĂM 2017".into(),
            "đánh giá na\u{306}m 2016, triển khai năm 2017 và đánh giá năm 2018 kế hoạch năm 2019".into(),
            "tổng kết quả năm 2016 kế hoạch năm 2017; sơ kếtnăm 2016 kế hoạchnăm 2017 nhiệm vụ ,năm 2018".into(),
            "kết quả năm 2016 kết quả năm 2017 kế hoạch năm 2018 triển khai năm 2019 năm 2020".into(),
            "đánh giá năm 2016\nkế hoạch năm 2017, đánh giá năm 2018 kế hoạch\nnăm 2019 và năm 2020".into(),
            "tổng kết năm ٢٠١٦ triển khai năm 2017 TỔNG KẾT Năm 2016 KẾ HOẠCH nĂm\u{a0}2017".into(),
            // Gaps at and past their bounds, in chars of two bytes.
            format!("đánh giá {} năm 2016 kế hoạch năm 2017", gap(158)),
            format!("đánh giá {} năm 2016 kế hoạch năm 2017", gap(159)),
            format!("đánh giá năm 2016 {} kế hoạch năm 2017", gap(158)),
            format!("đánh giá năm 2016 {} kế hoạch năm 2017", gap(159)),
            format!("đánh giá năm 2016 kế hoạch {} năm 2017", gap(78)),
            format!("đánh giá năm 2016 kế hoạch {} năm 2017", gap(79)),
            format!("đánh giá năm 2016 kế hoạch {} năm 2017 nhiệm vụ năm 2018", gap(79)),
            String::new(),
        ];
        for t in &texts {
            let whole = REVIEW_PLAN.captures(t).map(|c| {
                let (a, b) = (c.get(1).unwrap(), c.get(2).unwrap());
                (a.as_str(), b.as_str())
            });
            assert_eq!(review_plan(t), whole, "{t}");
        }
        assert_eq!(
            review_plan("Tổng kết năm 2016, triển khai năm 2017"),
            Some(("2016", "2017"))
        );
    }

    #[test]
    fn yearly_on_two_words_matches_whole_text() {
        for t in [
            " hàng năm là",
            " HẰNG  NĂM\nđó",
            "\n mỗi\tnăm.",
            "hàng năm",
            " hàng nămx",
            " hàng năm_",
            " hàngnăm",
            " xhàng năm",
            " hàng\u{a0}na\u{306}m ",
            " hàng năm\u{301} ",
            " hàng  ",
            "",
        ] {
            assert_eq!(recurs_yearly(t, 0), YEARLY.is_match(t), "{t:?}");
        }
        let t = "ngày 26/3 hàng năm là";
        assert!(recurs_yearly(t, t.find(" hàng").unwrap()));
        assert_eq!(words_after("a  bc d e", 1, 2), "  bc d");
    }
}

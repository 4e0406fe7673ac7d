//! Dates in every written form.
//!
//! Each written form is one rule in its own file; [`RULES`] lists them. Every rule
//! returns the byte ranges it matched with an ISO 8601 value; [`extract`] keeps the
//! longest of overlapping matches ("ngày 01 tháng 7 năm 2014" is one day, not also a
//! month and a year) and returns them in text order.
//!
//! A day written without its year ("Chiều ngày 24/02") has the value `--02-24` until
//! [`infer_years`] finds the year the document makes certain.

mod infer;
mod iso;
mod month;
mod numeric;
mod quarter;
mod range;
mod verbal;
mod year;

#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::Doc;
use vngov_record::{DateFact, DatePrecision};

pub use infer::infer_years;

/// A date a rule matched: its byte range and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte range of the words in the text.
    pub range: Range<usize>,
    /// ISO 8601 value at the date's precision.
    pub value: String,
    /// Day, month, quarter, year or range.
    pub precision: DatePrecision,
    /// First value of a range.
    pub start: Option<String>,
    /// Last value of a range.
    pub end: Option<String>,
    /// False for a match that has the form of a date but names no real day
    /// ("31/02/2019"): it is dropped, and the shorter matches inside it with it.
    pub valid: bool,
}

/// A date rule: every match in a text.
pub type Rule = fn(&str) -> Vec<Found>;

/// The registry: every written form of a date, by name. Earlier rules win ties
/// between matches of the same length.
pub const RULES: &[(&str, Rule)] = &[
    ("verbal", verbal::find),
    ("numeric", numeric::find),
    ("month", month::find),
    ("quarter", quarter::find),
    ("range", range::find),
    ("iso", iso::find),
    ("year", year::find),
];

/// Every date the text writes, with the years it writes (unknown years left open).
pub fn extract(doc: &Doc) -> Vec<DateFact> {
    find_all(doc.text())
        .into_iter()
        .map(|f| DateFact {
            evidence: doc.evidence(f.range.clone()),
            value: f.value,
            precision: f.precision,
            year_inferred: false,
            start: f.start,
            end: f.end,
        })
        .collect()
}

/// Every date in `text` as byte ranges: overlapping matches resolved (the longest
/// wins), in text order.
pub fn find_all(text: &str) -> Vec<Found> {
    let mut all: Vec<(usize, Found)> = Vec::new();
    for (i, (_, rule)) in RULES.iter().enumerate() {
        all.extend(rule(text).into_iter().map(|f| (i, f)));
    }
    all.sort_by(|(ra, a), (rb, b)| {
        b.range
            .len()
            .cmp(&a.range.len())
            .then(ra.cmp(rb))
            .then(a.range.start.cmp(&b.range.start))
    });
    let mut kept: Vec<Found> = Vec::new();
    for (_, f) in all {
        if kept
            .iter()
            .all(|k| k.range.end <= f.range.start || f.range.end <= k.range.start)
        {
            kept.push(f);
        }
    }
    kept.retain(|f| f.valid);
    kept.sort_by_key(|f| f.range.start);
    kept
}

/// Years a bare "năm YYYY" may take.
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 1945..=2100;

/// Whether `y-m-d` is a real calendar day; an unknown year allows 29 February.
pub(crate) fn valid_day(y: Option<i32>, m: u32, d: u32) -> bool {
    if !(1..=12).contains(&m) || d == 0 {
        return false;
    }
    let max = match m {
        2 => match y {
            Some(y) if !is_leap(y) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    d <= max
}

/// Whether `y` is a leap year.
pub(crate) fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// A day's ISO value: `YYYY-MM-DD`, or `--MM-DD` without a year.
pub(crate) fn day_value(y: Option<i32>, m: u32, d: u32) -> String {
    match y {
        Some(y) => format!("{y:04}-{m:02}-{d:02}"),
        None => format!("--{m:02}-{d:02}"),
    }
}

/// A day found at `range`; marked invalid when the day does not exist.
pub(crate) fn day(range: Range<usize>, y: Option<i32>, m: u32, d: u32) -> Found {
    let valid = !matches!(y, Some(y) if !YEARS.contains(&y)) && valid_day(y, m, d);
    Found {
        range,
        value: day_value(y, m, d),
        precision: DatePrecision::Day,
        start: None,
        end: None,
        valid,
    }
}

/// A month found at `range`, or nothing when it does not exist.
pub(crate) fn month_found(range: Range<usize>, y: i32, m: u32) -> Option<Found> {
    ((1..=12).contains(&m) && YEARS.contains(&y)).then(|| Found {
        range,
        value: format!("{y:04}-{m:02}"),
        precision: DatePrecision::Month,
        start: None,
        end: None,
        valid: true,
    })
}

/// The character just before byte `b`, if any.
pub(crate) fn char_before(text: &str, b: usize) -> Option<char> {
    text[..b].chars().next_back()
}

/// Whether the match ending at `end` is followed by more of a number: a digit, a
/// slash, a percent sign, or a separator and a digit ("2020,5", "12.5").
pub(crate) fn number_continues(text: &str, end: usize) -> bool {
    let mut it = text[end..].chars();
    match it.next() {
        Some(c) if c.is_ascii_digit() || c == '/' || c == '%' => true,
        Some('.' | ',' | '-' | ':') => it.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// Whether the match starting at `start` continues a number or a code before it:
/// a digit, a letter, a slash, or a separator after a digit ("1.250", "64/2007").
pub(crate) fn number_precedes(text: &str, start: usize) -> bool {
    let mut it = text[..start].chars().rev();
    match it.next() {
        Some(c) if c.is_ascii_digit() || c == '/' => true,
        Some('.' | ',' | '-' | ':') => it.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// The word just before byte `b` (letters only, skipping spaces), lower-cased and
/// folded: "Chiều 27/8" → "chieu"; "Ngày17/8" → "ngay".
pub(crate) fn word_before(text: &str, b: usize) -> String {
    let head = text[..b].trim_end_matches([' ', '\t', '\n']);
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| vngov_text::chars::is_letter(c))
        .last()
        .map_or(head.len(), |(i, _)| i);
    vngov_text::fold(&head[start..])
}

/// Whether the number at `start` is a document number: it follows "số" ("số 12/5").
pub(crate) fn after_so(text: &str, start: usize) -> bool {
    let head = text[..start].trim_end_matches([' ', ':']);
    let w = word_before(head, head.len());
    w == "so"
}

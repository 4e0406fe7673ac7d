//! The article's own publication date.
//!
//! Portal pages and legal texts show their date in a few conventional places; each
//! is one rule in its own file, listed in [`RULES`]:
//!
//! - [`labelled`]: a label before the date ("Ngày đăng:", "Cập nhật ngày:",
//!   "Ngày ban hành");
//! - [`place_date`]: the place-and-date line of a legal document or notice
//!   ("Hà Nội, ngày 15 tháng 4 năm 2022");
//! - [`date_line`]: a line holding nothing but the date, a clock time, a weekday or
//!   a view counter, beside the headline ("13:34:12 | 31/3/2015").
//!
//! Only days with a written year in the first lines of the text are considered. A
//! labelled date wins; otherwise the first date any other rule accepts. A portal's
//! clock is not a publication date: a weekday-and-date line opening the page
//! ("Thứ Tư, 8/5/2024") is skipped, and so is a date line earlier than an event the
//! article reports as past. A month alone ("date 2023-10", "ngày tháng 3 năm 2022")
//! gives no publication date.

pub mod date_line;
pub mod labelled;
pub mod place_date;

#[cfg(test)]
mod tests;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::Doc;
use vngov_record::{DateFact, DatePrecision, Evidence};

/// How a candidate date was recognised as the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// After a label such as "Ngày đăng:".
    Labelled,
    /// The place-and-date line of a document.
    PlaceDate,
    /// A date line beside the headline.
    DateLine,
}

/// A day with its written year, where it stands in the text.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    /// The whole text.
    pub text: &'a str,
    /// Byte range of the date.
    pub range: Range<usize>,
    /// The date, `YYYY-MM-DD`.
    pub value: &'a str,
    /// The text of the line(s) before the date, up to the line start.
    pub before: &'a str,
    /// The text after the date, up to the line end.
    pub after: &'a str,
    /// The nearest non-blank line above the date's line, trimmed.
    pub prev_line: &'a str,
    /// Whether the date's line is the first non-blank line of the text.
    pub first_line: bool,
}

/// A publication-date rule: whether the candidate is a publication date of its kind.
pub type Rule = fn(&Candidate) -> bool;

/// The registry, by name.
pub const RULES: &[(&str, Kind, Rule)] = &[
    ("labelled", Kind::Labelled, labelled::matches),
    ("place_date", Kind::PlaceDate, place_date::matches),
    ("date_line", Kind::DateLine, date_line::matches),
];

/// How many lines from the top a publication date may stand.
const HEAD_LINES: usize = 30;

/// How many bytes from the top a publication date may stand: a page flattened to a
/// few long lines has no header to speak of.
const HEAD_BYTES: usize = 8 * 1024;

/// The longest line, in bytes, that can be a date line or a place-and-date line. On a
/// longer line (a page flattened to one line) only a label right before the date
/// counts, read from the last [`LABEL_REACH`] bytes before it.
const MAX_LINE: usize = 600;

/// How far before a date a label is looked for on a long line.
const LABEL_REACH: usize = 64;

/// A sentence opening with a day ("Ngày 25/12/2018, …", "Sáng ngày 09/4/2022 …").
static SENTENCE_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\(?[\p{L}.]+\)?\s*-\s*)?(?:sáng|chiều|tối|trưa)?\s*(?:ngày)?\s*$").unwrap()
});

/// A reported past action in a sentence.
static PAST: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:đã|vừa)\b").unwrap());

/// The publication date (`YYYY-MM-DD`) and its evidence, or `None`.
pub fn extract(doc: &Doc, dates: &[DateFact]) -> Option<(String, Evidence)> {
    let text = doc.text();
    let head_end = text
        .match_indices('\n')
        .nth(HEAD_LINES)
        .map_or(text.len(), |(i, _)| i)
        .min(HEAD_BYTES);
    let first_nonblank = text.len() - text.trim_start().len();
    let first_line_end = text[first_nonblank..]
        .find('\n')
        .map_or(text.len(), |i| first_nonblank + i);

    let days: Vec<(Range<usize>, &str)> = dates
        .iter()
        .filter(|d| {
            d.precision == DatePrecision::Day && !d.year_inferred && !d.value.starts_with('-')
        })
        .map(|d| (doc.byte_range(d.evidence.span), d.value.as_str()))
        .collect();
    let reported = latest_reported_event(doc, &days);

    let mut best: Option<(Kind, Range<usize>, &str)> = None;
    for (range, value) in days.iter().filter(|(r, _)| r.start < head_end) {
        let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[range.end..]
            .find('\n')
            .map_or(text.len(), |i| range.end + i);
        let long_line = line_end - line_start > MAX_LINE;
        let (line_start, line_end) = if long_line {
            let mut from = range.start.saturating_sub(LABEL_REACH).max(line_start);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            (from, range.end)
        } else {
            (line_start, line_end)
        };
        let prev_line = text[..line_start]
            .lines()
            .rev()
            .map(str::trim)
            .find(|l| !l.is_empty() && l.chars().any(char::is_alphanumeric))
            .unwrap_or("");
        let c = Candidate {
            text,
            range: range.clone(),
            value,
            before: &text[line_start..range.start],
            after: &text[range.end..line_end],
            prev_line,
            first_line: range.start < first_line_end,
        };
        let Some(&(_, kind, _)) = RULES
            .iter()
            .filter(|(_, kind, _)| !long_line || *kind == Kind::Labelled)
            .find(|(_, _, rule)| rule(&c))
        else {
            continue;
        };
        if kind == Kind::DateLine && reported.is_some_and(|r| r > *value) {
            continue;
        }
        match &best {
            Some((Kind::Labelled, _, _)) => {}
            Some(_) if kind != Kind::Labelled => {}
            _ => best = Some((kind, range.clone(), value)),
        }
    }
    best.map(|(_, r, v)| (v.to_string(), doc.evidence(r)))
}

/// The latest day the article reports as a past event: a sentence that opens with
/// the day and says what was done ("Ngày 25/12/2018, … đã chủ trì …").
fn latest_reported_event<'a>(doc: &Doc, days: &[(Range<usize>, &'a str)]) -> Option<&'a str> {
    let text = doc.text();
    days.iter()
        .filter(|(r, _)| {
            let s = doc.sentence_at(r.start);
            SENTENCE_DAY.is_match(&text[s.start..r.start])
                && PAST.is_match(&text[r.end..s.end.max(r.end)])
        })
        .map(|(_, v)| *v)
        .max()
}

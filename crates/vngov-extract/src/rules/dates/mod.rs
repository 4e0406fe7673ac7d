//! Dates in every written form.
//!
//! Each written form is one rule in its own file; [`RULES`] lists them. Every rule
//! returns the byte ranges it matched with an ISO 8601 value; [`extract`] keeps the
//! longest of overlapping matches ("ngày 01 tháng 7 năm 2014" is one day, not also a
//! month and a year) and returns them in text order.
//!
//! A day written without its year ("Chiều ngày 24/02") has the value `--02-24` until
//! [`infer_years`] finds the year the document makes certain.

mod day_range;
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

use regex::{Captures, Regex};

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
    ("day_range", day_range::find),
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
    // The kept matches never overlap: the one starting last before a match's end
    // is the only one it can overlap (a sorted sweep, not every pair).
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut kept: Vec<Found> = Vec::new();
    for (_, f) in all {
        let overlaps = taken
            .range(..f.range.end)
            .next_back()
            .is_some_and(|(_, &end)| end > f.range.start);
        if !overlaps {
            taken.insert(f.range.start, f.range.end);
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

/// Whether a word may start at byte `b`: the char before it, if any, is no word
/// char. For a match that starts with a word char this is the pattern's leading `\b`.
pub(crate) fn word_starts_at(text: &str, b: usize) -> bool {
    !char_before(text, b).is_some_and(crate::rules::near::is_word_char)
}

/// Every match of `re` that starts a word, as `\b` + `re` finds them over `text`.
///
/// `re` is a cue pattern without its leading `\b`, each of whose matches starts
/// with a word char ("năm", "tháng", "quý"): a Unicode `\b` makes the regex crate
/// leave its fast DFA on Vietnamese text and backtrack over the rest of the text
/// for every match; without it the DFA finds the match and the captures are read
/// on the match alone. A match not starting a word is dropped and the search goes
/// on from its next char, so it hides no later match that `\b` + `re` would find.
pub(crate) fn word_captures<'t>(re: &Regex, text: &'t str) -> Vec<Captures<'t>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(c) = re.captures_at(text, at) {
        let m = c.get(0).unwrap();
        if word_starts_at(text, m.start()) {
            // As `captures_iter`: the next search starts at the end of this match
            // (past it for an empty match, which no cue pattern has).
            at = if m.is_empty() {
                next_char(text, m.end())
            } else {
                m.end()
            };
            out.push(c);
        } else {
            at = next_char(text, m.start());
        }
        if at > text.len() {
            break;
        }
    }
    out
}

/// The byte after the char at `b` (one past the end at the end of `text`).
fn next_char(text: &str, b: usize) -> usize {
    b + text[b..].chars().next().map_or(1, char::len_utf8)
}

/// Checks for the fast cue patterns against the patterns with `\b` they stand for.
#[cfg(test)]
pub(crate) mod same {
    use regex::Regex;

    /// Texts that put letters, marks, digits and punctuation of every kind before
    /// and after the cue words, in any case and in decomposed form.
    pub const TRICKY: &[&str] = &[
        "kết quả năm 2016, NĂM 2017; Năm\n2018 và nĂm  2019.",
        "xnăm 2016 ănăm 2017 đnăm 2018 5năm 2019 _năm 2020 -năm 2021 (năm 2022)",
        "e\u{301}năm 2016 na\u{306}m 2017 N\u{102}M 2018 năm năm 2019 5 năm 2020,5",
        "từ năm 2016 đến năm 2020; TỪ 2015 ĐẾN 2016, Từ 2017 tới năm 2018; xtừ 2010 đến 2011",
        "định hướng 2030, tầm nhìn 2045; ĐỊNH  HƯỚNG\n2030; Tầm Nhìn 2050, địnhhướng 2030",
        "tháng 5/2018, THÁNG 3 năm 2021, tháng 12-2014, Tháng mười một năm 2018, xtháng 6/2019",
        "thángtháng 7/2020 ấtháng 8/2020 tháng giêng năm 2020, tháng chạp, 2021 tháng 1.2022",
        "quý I/2019, QUÝ IV năm 2020, quý 2-2021, Quý III , năm 2022, xquý I/2019 ýquý 3/2020",
        "2016-2020, 2016 - 2020, 2021 – 2025, 2020—2030, 12016-2020, 2016-20201",
        "",
        "năm",
        "đến 2020đến 2021 từ2022 từ\t2023",
        "ătừ 2016 đến 2020 ếtừ năm 2017 tới năm 2018 e\u{301}từ 2019 đến 2020 ٣từ 2010 đến 2011",
    ];

    /// Group `g` of every match, as byte ranges.
    pub fn groups(caps: &[regex::Captures], g: usize) -> Vec<Option<std::ops::Range<usize>>> {
        caps.iter().map(|c| c.get(g).map(|m| m.range())).collect()
    }

    /// Asserts that `super::word_captures(fast, t)` and `plain.captures_iter(t)`
    /// find the same matches with the same groups in every text.
    pub fn assert_same(fast: &Regex, plain: &str, texts: &[&str]) {
        let plain = Regex::new(plain).unwrap();
        for t in TRICKY.iter().chain(texts) {
            let a = super::word_captures(fast, t);
            let b: Vec<regex::Captures> = plain.captures_iter(t).collect();
            for g in 0..plain.captures_len() {
                assert_eq!(groups(&a, g), groups(&b, g), "group {g} in {t:?}");
            }
        }
    }
}

//! A duty's deadline: "trước ngày 25/01/2019", "chậm nhất ngày …", "xong trước 30-8",
//! "hoàn thành trong tháng 10/2016" (month precision), read on the dates family's
//! facts so that a year left unwritten is the one the document makes certain.
//!
//! A start ("kể từ ngày 01/01/2019") or a cut-off ("tính đến ngày 30-10") is not a
//! deadline. A relative deadline ("trong 30 ngày làm việc") and a day whose year is
//! unknown keep their words with no calendar value.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use vngov_record::{DateFact, DatePrecision};

/// A calendar deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// ISO value at `precision`.
    pub value: String,
    /// Day, month, quarter or year.
    pub precision: DatePrecision,
}

/// The words before a date that make it a deadline, anchored at the date.
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\btrước|\bchậm\s+nhất(?:\s+là)?(?:\s+(?:vào|trước|đến))?|\bhạn\s+chót(?:\s+là)?|\b(?:hoàn\s+thành|xong)\s+(?:trước|trong)|\btrong(?:\s+(?:tháng|quý)))\s*(?:ngày|tháng|quý|năm)?\s*$").unwrap()
});

/// "trong" before a month or quarter ("trình Chính phủ trong tháng 9/2025").
static WITHIN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\btrong\s*$").unwrap());

/// A relative deadline.
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:trong\s+(?:vòng\s+|thời\s+hạn\s+|thời\s+gian\s+)?|chậm\s+nhất\s+(?:sau\s+)?|không\s+quá\s+)\d+\s+ngày(?:\s+làm\s+việc)?").unwrap()
});

/// The deadline of the duty at `r`: its calendar value, if any, and its words.
/// `dates` are the document's, in text order.
pub fn find(
    t: &str,
    r: Range<usize>,
    dates: &[(Range<usize>, &DateFact)],
) -> (Option<Deadline>, Option<String>) {
    // The dates are in text order: those in `r` are found by a search, not by
    // reading them all for every duty.
    let first = dates.partition_point(|(dr, _)| dr.start < r.start);
    for (dr, d) in dates[first..]
        .iter()
        .take_while(|(dr, _)| dr.start <= r.end)
        .filter(|(dr, _)| dr.end <= r.end)
    {
        let from = floor(t, dr.start.saturating_sub(48).max(r.start));
        let period = d.evidence.text.starts_with("tháng") || d.evidence.text.starts_with("quý");
        let Some(m) = CUE
            .find(&t[from..dr.start])
            .or_else(|| period.then(|| WITHIN.find(&t[from..dr.start])).flatten())
        else {
            continue;
        };
        let words = super::squash(&t[from + m.start()..dr.end]);
        let known = !d.value.starts_with('-')
            && matches!(
                d.precision,
                DatePrecision::Day
                    | DatePrecision::Month
                    | DatePrecision::Quarter
                    | DatePrecision::Year
            );
        let value = known.then(|| Deadline {
            value: d.value.clone(),
            precision: d.precision,
        });
        return (value, Some(words));
    }
    let rel = RELATIVE
        .find(&t[r.clone()])
        .map(|m| super::squash(m.as_str()));
    (None, rel)
}

fn floor(t: &str, mut b: usize) -> usize {
    while !t.is_char_boundary(b) {
        b += 1;
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates;
    use crate::Doc;

    fn deadline_of(t: &str) -> (Option<String>, Option<String>) {
        let doc = Doc::new(t);
        let facts = dates::extract(&doc);
        let ranges: Vec<_> = facts
            .iter()
            .map(|d| (doc.byte_range(d.evidence.span), d))
            .collect();
        let (v, w) = find(t, 0..t.len(), &ranges);
        (v.map(|d| d.value), w)
    }

    #[test]
    fn calendar_deadlines() {
        assert_eq!(
            deadline_of("báo cáo UBND tỉnh trước ngày 25/01/2019")
                .0
                .as_deref(),
            Some("2019-01-25")
        );
        assert_eq!(
            deadline_of("hoàn thành chậm nhất ngày 15/3/2020")
                .0
                .as_deref(),
            Some("2020-03-15")
        );
        assert_eq!(
            deadline_of("làm xong trước 30-8-2011").0.as_deref(),
            Some("2011-08-30")
        );
        assert_eq!(
            deadline_of("hoàn thành trong tháng 10/2016").0.as_deref(),
            Some("2016-10")
        );
    }

    #[test]
    fn starts_and_relative_deadlines_have_no_date() {
        assert_eq!(deadline_of("vận hành kể từ ngày 01/01/2019"), (None, None));
        assert_eq!(
            deadline_of("báo cáo UBND tỉnh trong 30 ngày làm việc"),
            (None, Some("trong 30 ngày làm việc".into()))
        );
        assert_eq!(
            deadline_of("báo cáo UBND TP trước ngày 15-12"),
            (None, Some("trước ngày 15-12".into()))
        );
    }
}

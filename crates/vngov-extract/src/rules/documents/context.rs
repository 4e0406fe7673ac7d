//! What the words after a number say about it: its issue date and its subject.

use std::sync::LazyLock;

use regex::Regex;
use vngov_record::{DateFact, DatePrecision};

use super::number::RawNumber;
use crate::doc::floor_boundary;
use crate::Doc;

/// Between a number and its date: `, ngày`, `ban hành ngày`, `ký ngày`, `(ngày`.
static TO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,;:(]*(?:(?:được\s+)?(?:ban\s+hành|ký)\s+)?(?:ngày\s*)?")
        .expect("issue date lead pattern")
});

/// In a header, the place before the date line: `Số: 12/KH-UBND | Bắc Ninh, ngày …`.
/// The place (group 1) may be at most [`PLACE_CHARS`] chars long; a bounded
/// repeat of a Unicode class is costly to build, so the bound is checked after.
static TO_HEADER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s|,;]*(?-i:\p{Lu})([\p{L} .]*),\s*(?:ngày\s*)?")
        .expect("header date lead pattern")
});

/// How long the place before a header's date line may be, in chars after its
/// capital.
const PLACE_CHARS: usize = 40;

/// Where [`TO_HEADER_DATE`] ends at the start of `rest`, with the place at most
/// [`PLACE_CHARS`] long. The place's chars cannot be a comma, so the comma after
/// them is the only one the pattern can take.
fn header_date_lead(rest: &str) -> Option<usize> {
    let c = TO_HEADER_DATE.captures(rest)?;
    (c[1].chars().count() <= PLACE_CHARS).then(|| c.get(0).map_or(0, |m| m.end()))
}

/// A date as written after a number, to step over it on the way to the subject.
static DATE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*\)?",
    )
    .expect("date words pattern")
});

/// `về việc …`, `V/v …`, or `về …`, possibly after `của <issuer>`, up to the end of
/// the clause: `;`, a full stop, a comma before a capital (a new clause or another
/// document), a blank line, a line that starts a new item, or a closing bracket.
static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[\s,]*(?:của(?:\s+[^;.():|\s]+){1,10}?\s+)?(?:về\s*việc|v/v|về)\s*:?\s+(\S[^;|]*?)\s*(?:;|\.(?:\s|$)|,\s*ngày\s+\d|,\s*(?-i:\p{Lu})|\n\s*\n|\n\s*(?-i:[\p{Lu}\d•+*-])|\)|$)",
    )
    .expect("subject pattern")
});

/// The issue date given right after the number, from the dates read in the text.
pub fn issued(doc: &Doc, n: &RawNumber, dates: &[DateFact]) -> Option<String> {
    let text = doc.text();
    let end = n.range.end;
    let rest = &text[end..];
    let mut reach = TO_DATE.find(rest).map_or(0, |m| m.end());
    if n.header {
        if let Some(e) = header_date_lead(rest) {
            reach = reach.max(e);
        }
    }
    let from = doc.char_offset(end);
    let to = doc.char_offset(end + reach);
    dates
        .iter()
        .filter(|d| d.precision == DatePrecision::Day && is_full_date(&d.value))
        .find(|d| (from..=to).contains(&d.evidence.span.start()))
        .map(|d| d.value.clone())
}

fn is_full_date(v: &str) -> bool {
    v.len() == 10 && v.as_bytes()[4] == b'-' && v.bytes().take(4).all(|b| b.is_ascii_digit())
}

/// What the document is about: the clause after `về việc` / `V/v` / `về` that follows
/// the number (and its date, and `của <issuer>`), up to the end of the clause.
pub fn subject(doc: &Doc, n: &RawNumber) -> Option<String> {
    let text = doc.text();
    let mut at = n.range.end;
    if let Some(m) = TO_DATE.find(&text[at..]) {
        if let Some(d) = DATE_WORDS.find(&text[at + m.end()..]) {
            at += m.end() + d.end();
        }
    }
    let window_end = floor_boundary(text, (at + 600).min(text.len()));
    let c = SUBJECT.captures(&text[at..window_end])?;
    let words: Vec<&str> = c[1].split_whitespace().take(40).collect();
    let s = words.join(" ");
    let s = s.trim_end_matches([',', ':', '“', '"']).trim().to_string();
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lead_matches_the_bounded_pattern() {
        let bounded =
            Regex::new(r"(?i)^[\s|,;]*(?-i:\p{Lu})[\p{L} .]{0,40}?,\s*(?:ngày\s*)?").unwrap();
        let long = format!(" | B{}, ngày 5", "a".repeat(40));
        let too_long = format!(" | B{}, ngày 5", "a".repeat(41));
        for t in [
            " | Bắc Ninh, ngày 12 tháng 3",
            "\n\nHà Nội,NGÀY15",
            " ; TP. Hồ Chí Minh,  ngày",
            "Bắc Ninh ngày 12",
            "bắc Ninh, ngày",
            ", , Ⅻ Hà, ngày",
            "Hà Nội 2, ngày",
            "",
            long.as_str(),
            too_long.as_str(),
        ] {
            assert_eq!(
                header_date_lead(t),
                bounded.find(t).map(|m| m.end()),
                "{t:?}"
            );
        }
    }
}

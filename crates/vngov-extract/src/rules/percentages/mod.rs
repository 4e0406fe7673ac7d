//! Percentages.
//!
//! Every number written with a percent sign or the words "phần trăm", in text order,
//! repeats kept. The rules each find numbers; the family then reads, around each,
//! the qualifying word before it and the noun phrase it measures ([`context`]):
//!
//! | rule | what | example |
//! |---|---|---|
//! | [`sign`] | `n%` | `73,06%` → 73.06 |
//! | [`words`] | `n phần trăm` | `12 phần trăm` → 12 |
//! | [`range`] | lower end of `a-b%` | `80-90%` → 80 (and 90) |
//!
//! Ratios (`27/27`, `6/9`) carry no sign and are never read.

pub mod context;
pub mod number;
pub mod range;
pub mod sign;
pub mod words;

use std::ops::Range;

use regex::Regex;
use vngov_record::PercentageFact;

use crate::Doc;

/// A number found by a rule: the byte range of its words and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Byte range from the number to its sign.
    pub range: Range<usize>,
    /// The value.
    pub value: f64,
}

/// A percentage rule: every hit in a text.
pub type Rule = fn(&str) -> Vec<Hit>;

/// The registry.
pub const RULES: &[(&str, Rule)] = &[
    ("sign", sign::find),
    ("words", words::find),
    ("range", range::find),
];

/// Every percentage, in text order.
pub fn extract(doc: &Doc) -> Vec<PercentageFact> {
    let text = doc.text();
    let mut hits: Vec<Hit> = RULES.iter().flat_map(|(_, rule)| rule(text)).collect();
    hits.sort_by_key(|h| (h.range.start, h.range.end));
    hits.dedup_by(|b, a| a.range.start == b.range.start);
    let mut out: Vec<PercentageFact> = Vec::with_capacity(hits.len());
    let mut prev: Option<(usize, Option<String>)> = None;
    for h in hits {
        let qualifier = context::qualifier(text, h.range.start);
        let measure = match &prev {
            // The upper end of a range measures what its lower end does.
            Some((end, m)) if h.range.start < *end => context::Measure {
                phrase: m.clone(),
                subject: true,
            },
            _ => context::measure(text, &h.range, qualifier.as_deref(), prev.as_ref()),
        };
        let end = prev.as_ref().map_or(0, |p| p.0).max(h.range.end);
        prev = Some((end, measure.phrase.clone().filter(|_| measure.subject)));
        let measure = measure.phrase;
        out.push(PercentageFact {
            value: h.value,
            qualifier,
            measure,
            evidence: doc.evidence(h.range),
        });
    }
    out
}

/// Matches of `re` whose first group is a number that starts a word.
fn hits(re: &Regex, text: &str) -> Vec<Hit> {
    hits_in(re, text, std::slice::from_ref(&(0..text.len())))
}

/// [`hits`] of `re` run on `stretches` of `text` only (see
/// [`crate::rules::near`]).
fn hits_in(re: &Regex, text: &str, stretches: &[Range<usize>]) -> Vec<Hit> {
    let mut out = Vec::new();
    for r in stretches {
        for c in re.captures_iter(&text[r.clone()]) {
            let (Some(n), Some(all)) = (c.get(1), c.get(0)) else {
                continue;
            };
            let start = r.start + n.start();
            if !left_boundary_ok(text, start) {
                continue;
            }
            if let Some(value) = number::parse(n.as_str()) {
                out.push(Hit {
                    range: start..r.start + all.end(),
                    value,
                });
            }
        }
    }
    out
}

/// Byte offsets of every "trăm", in any case.
fn tram(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    crate::rules::near::either(text, 'ă', 'Ă')
        .into_iter()
        .filter(|&i| {
            // Both "ă" and "Ă" are two bytes long.
            i >= 2
                && b[i - 2].eq_ignore_ascii_case(&b't')
                && b[i - 1].eq_ignore_ascii_case(&b'r')
                && b.get(i + 2).is_some_and(|m| m.eq_ignore_ascii_case(&b'm'))
        })
        .map(|i| i - 2)
        .collect()
}

/// A number does not continue a word, a code or another number (`A5%`, `1/5%`).
fn left_boundary_ok(text: &str, start: usize) -> bool {
    match text[..start].chars().next_back() {
        None => true,
        Some(c) => !(c.is_alphanumeric() || matches!(c, '.' | ',' | '/' | '_')),
    }
}

#[cfg(test)]
mod tests;

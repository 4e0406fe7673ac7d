//! The lower end of a percentage range whose sign is written once.
//!
//! ## What it does
//! In `80-90%` and `từ 80 đến 90%` the sign belongs to both numbers: the text says
//! 80 percent to 90 percent. The upper end is read by the sign rule; this rule
//! reads the lower end, so both values are reported, in text order. The lower end
//! must not exceed the upper one (`2019-20%` is not a range of percentages).
//!
//! ## Example
//! `tỷ lệ che phủ đạt 80 - 90%` → 80 (and 90 from the sign rule);
//! `80%-90%` is two signed numbers, read by the sign rule alone.

use std::sync::LazyLock;

use regex::Regex;

use super::{number::parse, Hit};

static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\d+(?:[.,]\d+)*)[ \t]*(?:-|–|—|đến|tới)[ \t]*(\d+(?:[.,]\d+)*)[ \t\u{a0}]*(?:[%％]|(?:điểm\s+)?phần\s+trăm\b)")
        .expect("range pattern")
});

/// The lower end of every `a-b%` / `a đến b%` in `text`.
pub fn find(text: &str) -> Vec<Hit> {
    RANGE
        .captures_iter(text)
        .filter_map(|c| {
            let low = c.get(1)?;
            let high = c.get(2)?;
            if !super::left_boundary_ok(text, low.start()) {
                return None;
            }
            let (a, b) = (parse(low.as_str())?, parse(high.as_str())?);
            (a <= b && b <= 1000.0).then_some(Hit {
                range: low.start()..c.get(0)?.end(),
                value: a,
            })
        })
        .collect()
}

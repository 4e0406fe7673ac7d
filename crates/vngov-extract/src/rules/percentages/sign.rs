//! Numbers written with a percent sign.
//!
//! ## What it does
//! Reads a number followed by `%` (or the full-width `％`), spaces allowed between
//! them: `95%`, `53,2 %`, `0,5%`, `1.250%`; percentage points are written with
//! "điểm" before the sign (`2,1 điểm %`). The number is read with Vietnamese
//! conventions (see [`super::number::parse`]).
//!
//! ## Example
//! `tỷ lệ hồ sơ trực tuyến đạt 73,06%` → 73.06; `27/27 xã` is not read.

use std::sync::LazyLock;

use regex::Regex;

use super::Hit;

static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d+(?:[.,]\d+)*)[ \t\u{a0}]*(?:điểm[ \t\u{a0}]*)?[%％]")
        .expect("percent sign pattern")
});

/// Every `n%` in `text`.
pub fn find(text: &str) -> Vec<Hit> {
    super::hits(&PERCENT, text)
}

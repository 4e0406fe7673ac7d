//! Numbers followed by the words "phần trăm".
//!
//! ## What it does
//! Reads a number followed by `phần trăm` (also `điểm phần trăm`, percentage points),
//! in any case, with any whitespace between the words.
//!
//! ## Example
//! `giảm 12 phần trăm so với năm trước` → 12; `tăng 1,5 điểm phần trăm` → 1.5.

use std::sync::LazyLock;

use regex::Regex;

use super::Hit;

static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\d+(?:[.,]\d+)*)\s+(?:điểm\s+)?phần\s+trăm\b").expect("phần trăm pattern")
});

/// Every `n phần trăm` in `text`.
pub fn find(text: &str) -> Vec<Hit> {
    super::hits(&WORDS, text)
}

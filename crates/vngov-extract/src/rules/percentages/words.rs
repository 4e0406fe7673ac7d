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
use crate::rules::near;

static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\d+(?:[.,]\d+)*)\s+(?:điểm\s+)?phần\s+trăm\b").expect("phần trăm pattern")
});

/// How far a match reaches around its "trăm": the number, "điểm" and "phần"
/// before it.
const REACH: near::Reach = near::Reach {
    words_before: 4,
    line_start: false,
    words_after: 0,
    chars_after: 0,
};

/// Every `n phần trăm` in `text`.
pub fn find(text: &str) -> Vec<Hit> {
    // The pattern's `\b` keeps the regex engine off its fast path on Vietnamese
    // text: it runs only around the "trăm"s.
    let stretches = near::stretches(text, &super::tram(text), REACH);
    super::hits_in(&WORDS, text, &stretches)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretches_around_tram_read_what_the_whole_text_does() {
        let fixtures = [
            include_str!("fixtures/positives.txt"),
            include_str!("fixtures/negatives.txt"),
            include_str!("fixtures/points_and_labels.txt"),
            "giảm 12 phần trăm; tăng 1,5 điểm\nphần  trăm, 3 PHẦN TRĂM và 4 Phần Trăm.\n5 phần trămx 6 phần tram",
        ];
        for t in fixtures {
            assert_eq!(find(t), super::super::hits(&WORDS, t), "{t}");
        }
        assert_eq!(find("a 3 PHẦN TRĂM").len(), 1);
        assert_eq!(find("5 phần trămx").len(), 0);
    }
}

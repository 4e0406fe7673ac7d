//! The place-and-date line of a legal document or notice: "Hà Nội, ngày 15 tháng 4
//! năm 2022", "Hải Dương, ngày\n05 tháng 6 năm 2023", "Quảng Bình,\nngày 25 tháng 5
//! năm 2015".

use std::sync::LazyLock;

use regex::Regex;

use super::Candidate;

/// A place name (capitalised words, "Thành phố" allowed before them) and a comma,
/// alone before the date.
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s|]*(?:(?:Thành\s+phố|TP\.?)\s*)?\p{Lu}[\p{L}.]*(?:\s*[-–]?\s*\p{Lu}[\p{L}.]*){0,4}\s*,\s*$",
    )
    .unwrap()
});

/// Whether the date, written "ngày d tháng m năm y", follows a place and a comma on
/// its line, or on the line above. The place is a run of capitalised words, or a
/// province name in any case ("Hà nội, ngày 18 tháng 1 năm 2001").
///
/// Example: "Kon Tum, ngày 03 tháng 10 năm 2014" → 2014-10-03. Not a place-date line:
/// "Căn cứ Luật …, ngày 26 tháng 11 năm 2003" (words before the place), and a line
/// without its day ("Phú Thọ, ngày tháng 3 năm 2022") is no day at all.
pub fn matches(c: &Candidate) -> bool {
    let words = &c.text[c.range.clone()];
    if !words.to_lowercase().starts_with("ngày") {
        return false;
    }
    let place = if c.before.trim().is_empty() {
        c.prev_line
    } else {
        c.before
    };
    PLACE.is_match(place) || is_province(place)
}

/// Whether `s` is a province or centrally-run city and a comma, in any case
/// ("Hà nội," in older documents).
fn is_province(s: &str) -> bool {
    let Some(name) = s.trim().trim_start_matches('|').trim().strip_suffix(',') else {
        return false;
    };
    let key = vngov_text::fold(name.trim());
    crate::rules::province::lexicon::PROVINCES
        .iter()
        .any(|p| p.keys.contains(&key))
}

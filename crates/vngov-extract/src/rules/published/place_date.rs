//! The place-and-date line of a legal document or notice: "Hà Nội, ngày 15 tháng 4
//! năm 2022", "Hải Dương, ngày\n05 tháng 6 năm 2023", "Quảng Bình,\nngày 25 tháng 5
//! năm 2015", "Hà Giang, ngày 12/4/2022"; also where a flattened header puts it after
//! the document's number ("Số: 15/KH-UBND      Bắc Ninh, ngày 10 tháng 01 năm 2020").

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

/// "ngày" ending the text before a date written with numbers.
static NGAY_BEFORE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)ngày\s*$").unwrap());

/// A weekday before the comma: a clock line ("Thứ Tư, 8/5/2024"), not a place.
static WEEKDAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^[\s|(]*(?:thứ\s+\S+|chủ\s+nhật)\s*,\s*$").unwrap());

/// The document's number opening the line before the place, in a flattened header
/// row ("Số: 15/KH-UBND Bắc Ninh, ngày 10 tháng 01 năm 2020").
static NUMBER_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s|]*(?i:số)\s*:?\s*\d[^\s,|]*(?:\s*[/\-–]\s*[^\s,|]+)*[\s|]+").unwrap()
});

/// Whether the date follows a place and a comma on its line, or on the line above.
/// The place is a run of capitalised words, or a province name in any case ("Hà nội,
/// ngày 18 tháng 1 năm 2001"), alone or after the document's number on a flattened
/// header row. The date is written "ngày d tháng m năm y", or with numbers ending its line
/// ("Hà Giang, ngày 12/4/2022", "Hải Phòng, 15/06/2021").
///
/// Example: "Kon Tum, ngày 03 tháng 10 năm 2014" → 2014-10-03. Not a place-date line:
/// "Căn cứ Luật …, ngày 26 tháng 11 năm 2003" (words before the place), "Sáng,
/// ngày 12/3/2020, UBND tỉnh …" (a numeric date the sentence goes on after), "Thứ Tư,
/// 8/5/2024" (a weekday, not a place); and a line without its day ("Phú Thọ, ngày
/// tháng 3 năm 2022") is no day at all.
pub fn matches(c: &Candidate) -> bool {
    let words = &c.text[c.range.clone()];
    let verbal = words.to_lowercase().starts_with("ngày");
    let mut before = c.before;
    if !verbal {
        let rest = c.after.trim().trim_start_matches([')', '|']).trim();
        if !rest.is_empty() {
            return false;
        }
        before = NGAY_BEFORE
            .find(before)
            .map_or(before, |m| &before[..m.start()]);
        if before.trim().is_empty() {
            return false;
        }
    }
    let place = if before.trim().is_empty() {
        c.prev_line
    } else {
        before
    };
    let place = NUMBER_CELL.find(place).map_or(place, |m| &place[m.end()..]);
    if WEEKDAY.is_match(place) {
        return false;
    }
    // Without "ngày", a numeric date takes a province or city by name only.
    let bare_numeric = !verbal && !NGAY_BEFORE.is_match(c.before);
    is_province(place) || !bare_numeric && PLACE.is_match(place)
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

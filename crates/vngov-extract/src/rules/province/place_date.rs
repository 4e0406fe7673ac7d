//! The place of a document's place-and-date line: "Kon Tum, ngày 03 tháng 10 năm 2014".

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{province_of, Folded, NAMES};
use super::{Cue, Mention};

/// A province key opening a line, or following the document's number on it (a
/// flattened header row: "Số: 15/KH-UBND Bắc Ninh, ngày …"), then a comma and "ngày".
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?m)^[\s|]*(?:so\s*:?\s*\d[^\s,|]*(?:\s*[/-]\s*[^\s,|]+)*[\s|]+)?{}\s*,\s*ngay(?-u:\b)",
        *NAMES
    ))
    .unwrap()
});

/// A national body heading the document: its place-date line names where it was
/// signed, not what it is about.
static NATIONAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^[\s|]*(?:van\s+phong\s+chinh\s+phu|chinh\s+phu|thu\s+tuong\s+chinh\s+phu|quoc\s+hoi|bo\s+[a-z ,]+|ban\s+chap\s+hanh\s+trung\s+uong|ban\s+bi\s+thu|ban\s+chi\s+dao\s+quoc\s+gia)[\s|]*$",
    )
    .unwrap()
});

/// How many lines from the top a national header is looked for.
const HEADER_LINES: usize = 6;

/// A province opening a place-and-date line ("Quảng Bình, ngày 25 tháng 5 năm 2015"),
/// unless the document is issued by a national body ("VĂN PHÒNG CHÍNH PHỦ … Hà Nội,
/// ngày 15 tháng 4 năm 2022" is signed in Hà Nội, about the country).
pub fn find(f: &Folded) -> Vec<Mention> {
    let head_end = f
        .folded
        .match_indices('\n')
        .nth(HEADER_LINES)
        .map_or(f.folded.len(), |(i, _)| i);
    if NATIONAL.is_match(&f.folded[..head_end]) {
        return Vec::new();
    }
    PLACE_DATE
        .captures_iter(&f.folded)
        .filter_map(|c| {
            let m = c.get(0)?;
            // The mention starts at the name, after any number before it.
            let name = PLACE_DATE
                .capture_names()
                .flatten()
                .filter_map(|n| c.name(n))
                .next()?;
            Some(Mention {
                province: province_of(&PLACE_DATE, &c)?,
                range: f.original(name.start()..m.end()),
                cue: Cue::PlaceDate,
            })
        })
        .collect()
}

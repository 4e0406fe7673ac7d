//! The shape shared by every document number: digits, a separator, and upper-case
//! codes joined by hyphens. Rules in the sibling files decide the family.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{canonical_letters, NUMBER_WORD_BEFORE, TYPE_NAME_BEFORE};
use crate::doc::floor_boundary;

/// How the digits are joined to the codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `n/YYYY/CODE-…` (`64/2007/NĐ-CP`, `80/2015/QH13`).
    WithYear,
    /// `n-CODE/CODE-…` (`36-NQ/TW`).
    HyphenSlash,
    /// `n/CODE-…` (`1072/QĐ-TTg`, `3115/BTTTT-CVT`, `06/TU`).
    Slash,
}

/// A document number as read, before its family is decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawNumber {
    /// Byte range of the number in the text (digits to the last code).
    pub range: Range<usize>,
    /// The leading digits as written (`08`).
    pub digits: String,
    /// The year, for [`Shape::WithYear`].
    pub year: Option<i32>,
    /// How the parts are joined.
    pub shape: Shape,
    /// For [`Shape::HyphenSlash`], the code between `-` and `/` (the Party type).
    pub lead: Option<String>,
    /// The hyphen-joined codes after the (last) slash, look-alikes replaced.
    pub codes: Vec<String>,
    /// The document type named right before the number (`Quyết định`), as written.
    pub type_word: Option<String>,
    /// The number stands after `số` / `Số:`.
    pub after_number_word: bool,
    /// The number stands after `Số:` with a colon (a document header).
    pub header: bool,
}

impl RawNumber {
    /// Canonical form: no spaces, `Đ` for look-alikes, letters as written.
    pub fn canonical(&self) -> String {
        let tail = self.codes.join("-");
        match self.shape {
            Shape::WithYear => format!("{}/{}/{}", self.digits, self.year.unwrap_or(0), tail),
            Shape::HyphenSlash => {
                format!(
                    "{}-{}/{}",
                    self.digits,
                    self.lead.as_deref().unwrap_or(""),
                    tail
                )
            }
            Shape::Slash => format!("{}/{}", self.digits, tail),
        }
    }
}

/// An upper-case code: `QĐ`, `TTg`, `BKHĐT`, `QH13`, `Ð` look-alike included.
const CODE: &str = r"\p{Lu}[\p{L}\p{N}&]*";

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // Between codes a hyphen may have spaces on one side, not both (" - " is a dash).
    // Word processors turn some hyphens into en dashes (`176/QĐ–SNN`).
    let tail = format!(r"{CODE}(?:(?:[-–]\s*|\s+[-–]){CODE})*");
    Regex::new(&format!(
        r"(\d{{1,6}})\s*(?:/\s*((?:19|20)\d\d)\s*/\s*({tail})|[-–]\s*({CODE})\s*/\s*({tail})|/\s*({tail}))"
    ))
    .expect("document number pattern")
});

static SEGMENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(CODE).expect("code pattern"));

/// Lower-case words that text sometimes glues to the end of a number (`QĐ-TTgngày`).
const GLUED_WORDS: &[&str] = &[
    "ngày", "của", "về", "và", "năm", "do", "được", "ban", "tại", "theo", "đã", "thì", "là",
];

/// Whether `s` reads as a code: an upper-case start, never two lower-case letters in
/// a row, and no more lower-case than upper-case letters (`TTg`, `QyĐ`, not `Thủ`).
pub fn is_code(s: &str) -> bool {
    let mut upper = 0;
    let mut lower = 0;
    let mut prev_lower = false;
    for (i, c) in s.chars().enumerate() {
        if i == 0 && !c.is_uppercase() {
            return false;
        }
        if c.is_lowercase() {
            if prev_lower {
                return false;
            }
            lower += 1;
            prev_lower = true;
        } else {
            if c.is_uppercase() {
                upper += 1;
            }
            prev_lower = false;
        }
    }
    upper >= 1 && lower <= upper
}

/// `s` if it is a code, or its code prefix when a known word is glued to it.
fn code_prefix(s: &str) -> Option<&str> {
    if is_code(s) {
        return Some(s);
    }
    GLUED_WORDS
        .iter()
        .find_map(|w| s.strip_suffix(w).filter(|p| !p.is_empty() && is_code(p)))
}

/// Splits the hyphen-joined codes starting at byte `start` of `text` (ending at
/// `end`), keeping the valid leading ones; returns them and the byte end they reach.
fn codes(text: &str, start: usize, end: usize) -> Option<(Vec<String>, usize)> {
    let mut out = Vec::new();
    let mut reached = start;
    for m in SEGMENT.find_iter(&text[start..end]) {
        let seg = m.as_str();
        match code_prefix(seg) {
            Some(p) => {
                out.push(canonical_letters(p));
                reached = start + m.start() + p.len();
                if p.len() != seg.len() {
                    break;
                }
            }
            None => break,
        }
    }
    (!out.is_empty()).then_some((out, reached))
}

/// Every document-number shape in `text`, in order.
pub fn scan(text: &str) -> Vec<RawNumber> {
    let mut out = Vec::new();
    for c in NUMBER.captures_iter(text) {
        let all = c.get(0).expect("whole match");
        let start = all.start();
        if !left_boundary_ok(text, start) {
            continue;
        }
        let digits = c[1].to_string();
        let (shape, year, lead, tail) = if let Some(t) = c.get(3) {
            (Shape::WithYear, c[2].parse().ok(), None, t)
        } else if let Some(t) = c.get(5) {
            let lead = canonical_letters(&c[4]);
            if !is_code(&lead) {
                continue;
            }
            (Shape::HyphenSlash, None, Some(lead), t)
        } else {
            (Shape::Slash, None, None, c.get(6).expect("slash tail"))
        };
        let Some((codes, end)) = codes(text, tail.start(), tail.end()) else {
            continue;
        };
        let before = &text[floor_boundary(text, start.saturating_sub(60))..start];
        let type_word = TYPE_NAME_BEFORE.captures(before).map(|c| c[1].to_string());
        let number_word = NUMBER_WORD_BEFORE.captures(before);
        out.push(RawNumber {
            range: start..end,
            digits,
            year,
            shape,
            lead,
            codes,
            type_word,
            after_number_word: number_word.is_some(),
            header: number_word.is_some_and(|c| c.get(2).is_some()),
        });
    }
    out
}

/// A number does not continue a word, a decimal, a date or a path (`/123/QĐ` in a URL).
fn left_boundary_ok(text: &str, start: usize) -> bool {
    match text[..start].chars().next_back() {
        None => true,
        Some(c) => {
            !(c.is_alphanumeric()
                || matches!(c, '/' | '.' | ',' | '-' | '_' | '=' | '#' | '?' | '&' | '@'))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(t: &str) -> Vec<String> {
        scan(t).iter().map(RawNumber::canonical).collect()
    }

    #[test]
    fn codes_are_upper_case_words() {
        assert!(is_code("TTg"));
        assert!(is_code("QyĐ"));
        assert!(is_code("QH13"));
        assert!(is_code("L"));
        assert!(!is_code("Thủ"));
        assert!(!is_code("tỉnh"));
    }

    #[test]
    fn shapes_and_spacing() {
        assert_eq!(canon("Quyết định số 1072/QĐ-TTg ngày"), ["1072/QĐ-TTg"]);
        assert_eq!(canon("Thông báo số 2927 -TB/TU"), ["2927-TB/TU"]);
        assert_eq!(canon("số 622 - TB/TU"), ["622-TB/TU"]);
        assert_eq!(canon("Công văn số 846 /UBND-TH về"), ["846/UBND-TH"]);
        assert_eq!(canon("Tờ trình số 164/TTr- SKHCN ngày"), ["164/TTr-SKHCN"]);
        assert_eq!(canon("Luật số 80/2015/QH13."), ["80/2015/QH13"]);
        assert_eq!(canon("số 12/Q\u{00D0}-UBND"), ["12/QĐ-UBND"]);
        assert_eq!(canon("số 34/2014/QĐ-TTgngày 30"), ["34/2014/QĐ-TTg"]);
        assert_eq!(canon("Số: 176/QĐ–SNN ngày"), ["176/QĐ-SNN"]);
        assert_eq!(canon("Chỉ thị số 05–CT/TU"), ["05-CT/TU"]);
        assert_eq!(canon("số 12/QĐ-UBND – Thủ tướng"), ["12/QĐ-UBND"]);
    }

    #[test]
    fn stops_before_words_and_dashes() {
        assert_eq!(canon("Nghị quyết 06/TU - ngày 26/3"), ["06/TU"]);
        assert_eq!(canon("số 1072/QĐ-TTg - Thủ tướng"), ["1072/QĐ-TTg"]);
    }

    #[test]
    fn not_numbers() {
        assert!(canon("ngày 24/02, tỷ lệ 27/27 xã, 6/9 huyện, 15/5/2019").is_empty());
        assert!(canon("ĐT 056.3822294 - 08056011; gói thầu số 7").is_empty());
        assert!(canon("Số /QĐ UBND").is_empty());
        assert!(canon("https://example.vn/van-ban/123/QĐ-UBND").is_empty());
        assert!(canon("biển số 51F-123.45").is_empty());
    }
}

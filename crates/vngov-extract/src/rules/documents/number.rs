//! The shape shared by every document number: digits, a separator, and upper-case
//! codes joined by hyphens. Rules in the sibling files decide the family.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use vngov_text::chars::{is_lower, is_upper};

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

/// Digits (group 1), then the year (group 2) between slashes, or the Party type
/// (group 3) between a hyphen and a slash, or a slash; then the codes (group 4).
static NUMBER: LazyLock<Regex> = LazyLock::new(|| number_pattern(false));

/// [`NUMBER`] when `tail_per_shape`, with the codes written out in each shape's
/// branch (groups 3, 5, 6) rather than once after them: the same matches, as
/// `(a|b)c` tries `ac` then `bc`, but three times the Unicode classes to build.
fn number_pattern(tail_per_shape: bool) -> Regex {
    // Between codes a hyphen may have spaces on one side, not both (" - " is a dash).
    // Word processors turn some hyphens into en dashes (`176/QĐ–SNN`).
    let tail = format!(r"{CODE}(?:(?:[-–]\s*|\s+[-–]){CODE})*");
    let pattern = if tail_per_shape {
        format!(
            r"(\d{{1,6}})\s*(?:/\s*((?:19|20)\d\d)\s*/\s*({tail})|[-–]\s*({CODE})\s*/\s*({tail})|/\s*({tail}))"
        )
    } else {
        format!(r"(\d{{1,6}})\s*(?:/\s*((?:19|20)\d\d)\s*/|[-–]\s*({CODE})\s*/|/)\s*({tail})")
    };
    Regex::new(&pattern).expect("document number pattern")
}

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
        if i == 0 && !is_upper(c) {
            return false;
        }
        if is_lower(c) {
            if prev_lower {
                return false;
            }
            lower += 1;
            prev_lower = true;
        } else {
            if is_upper(c) {
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
        let tail = c.get(4).expect("codes");
        let (shape, year, lead) = if let Some(y) = c.get(2) {
            (Shape::WithYear, y.as_str().parse().ok(), None)
        } else if let Some(l) = c.get(3) {
            let lead = canonical_letters(l.as_str());
            if !is_code(&lead) {
                continue;
            }
            (Shape::HyphenSlash, None, Some(lead))
        } else {
            (Shape::Slash, None, None)
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
            !(vngov_text::chars::is_letter_or_digit(c)
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
    fn codes_once_match_codes_per_shape() {
        type Read = (Range<usize>, Option<String>, Option<String>, Range<usize>);
        let t = "Luật số 80/2015/QH13, 36-NQ/TW; 1072/QĐ-TTg - Thủ tướng, 12 /2019 / ND-CP, \
                 2927 -TB/TU 164/TTr- SKHCN 05–CT/TU 12/2019x/QĐ 7-ab/TW 3/2020/ 9/Q\u{00D0}";
        let text = |m: Option<regex::Match>| m.map(|m| m.as_str().to_string());
        let once: Vec<Read> = NUMBER
            .captures_iter(t)
            .map(|c| {
                (
                    c.get(0).unwrap().range(),
                    text(c.get(2)),
                    text(c.get(3)),
                    c.get(4).unwrap().range(),
                )
            })
            .collect();
        let per_shape: Vec<Read> = number_pattern(true)
            .captures_iter(t)
            .map(|c| {
                let tail = [3, 5, 6].iter().find_map(|&g| c.get(g)).unwrap();
                (
                    c.get(0).unwrap().range(),
                    text(c.get(2)),
                    text(c.get(4)),
                    tail.range(),
                )
            })
            .collect();
        assert_eq!(once, per_shape);
        assert_eq!(once.len(), 8);
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

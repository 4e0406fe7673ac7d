//! The lower end of a percentage range whose sign is written once.
//!
//! ## What it does
//! In `80-90%` and `từ 80 đến 90%` the sign belongs to both numbers: the text says
//! 80 percent to 90 percent. The upper end is read by the sign rule; this rule
//! reads the lower end, so both values are reported, in text order. The lower end
//! must not exceed the upper one (`2019-20%` is not a range of percentages), and a
//! number that names a class, a district, a period or an item (`lớp 12 - 99,2%`,
//! `Quận 1 - 45%`, `đợt 2 - 30%`) is a label, not the start of a range.
//!
//! ## Example
//! `tỷ lệ che phủ đạt 80 - 90%` → 80 (and 90 from the sign rule);
//! `80%-90%` is two signed numbers, read by the sign rule alone.

use std::sync::LazyLock;

use regex::Regex;

use super::{number::parse, Hit};
use crate::rules::near;

static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\d+(?:[.,]\d+)*)[ \t]*(?:-|–|—|đến|tới)[ \t]*(\d+(?:[.,]\d+)*)[ \t\u{a0}]*(?:[%％]|(?:điểm\s+)?phần\s+trăm\b)")
        .expect("range pattern")
});

/// Nouns whose number is a name or an ordinal, lower-cased: the number after them
/// labels what follows the dash. Compared with their tone marks ("quận", not "bình
/// quân"; "hạng", not "hàng").
const LABEL_NOUNS: &[&str] = &[
    "lớp",
    "khối",
    "quận",
    "phường",
    "nhóm",
    "tổ",
    "khu",
    "loại",
    "hạng",
    "đợt",
    "khóa",
    "khoá",
    "điều",
    "khoản",
    "phụ lục",
];

/// Whether the number at `start` follows one of [`LABEL_NOUNS`].
fn after_label_noun(text: &str, start: usize) -> bool {
    let words: Vec<String> = text[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .take_while(|w| !w.is_empty())
        .take(2)
        .map(str::to_lowercase)
        .collect();
    let two = (words.len() == 2).then(|| format!("{} {}", words[1], words[0]));
    words
        .first()
        .into_iter()
        .chain(two.as_ref())
        .any(|w| LABEL_NOUNS.contains(&w.as_str()))
}

/// How far a match reaches around its sign or "trăm": "80 đến 90 điểm phần" before
/// it.
const REACH: near::Reach = near::Reach {
    words_before: 6,
    line_start: false,
    words_after: 0,
    chars_after: 0,
};

/// The lower end of every `a-b%` / `a đến b%` in `text`.
pub fn find(text: &str) -> Vec<Hit> {
    // The pattern's `\b` keeps the regex engine off its fast path on Vietnamese
    // text: it runs only around the signs and "trăm"s.
    let mut at = near::either(text, '%', '％');
    at.extend(super::tram(text));
    at.sort_unstable();
    find_in(text, &near::stretches(text, &at, REACH))
}

/// [`find`] on `stretches` of `text` only.
fn find_in(text: &str, stretches: &[std::ops::Range<usize>]) -> Vec<Hit> {
    let mut out = Vec::new();
    for r in stretches.iter().cloned() {
        for c in RANGE.captures_iter(&text[r.clone()]) {
            let (Some(low), Some(high), Some(all)) = (c.get(1), c.get(2), c.get(0)) else {
                continue;
            };
            let start = r.start + low.start();
            if !super::left_boundary_ok(text, start) || after_label_noun(text, start) {
                continue;
            }
            let (Some(a), Some(b)) = (parse(low.as_str()), parse(high.as_str())) else {
                continue;
            };
            if a <= b && b <= 1000.0 {
                out.push(Hit {
                    range: start..r.start + all.end(),
                    value: a,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretches_around_signs_read_what_the_whole_text_does() {
        let fixtures = [
            include_str!("fixtures/positives.txt"),
            include_str!("fixtures/negatives.txt"),
            include_str!("fixtures/points_and_labels.txt"),
            "80 - 90%; từ 80 đến\u{a0}90\u{a0}% và 5 đến 7 điểm PHẦN TRĂM, 3 tới 4 Phần  Trăm.\n1-2％ x",
            "lớp 12 - 99,2%, 2019-20%, 1.000-2.000 phần trămx 1 - 2 phần trăm",
        ];
        for t in fixtures {
            assert_eq!(
                find(t),
                find_in(t, std::slice::from_ref(&(0..t.len()))),
                "{t}"
            );
        }
    }
}

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

/// The lower end of every `a-b%` / `a đến b%` in `text`.
pub fn find(text: &str) -> Vec<Hit> {
    RANGE
        .captures_iter(text)
        .filter_map(|c| {
            let low = c.get(1)?;
            let high = c.get(2)?;
            if !super::left_boundary_ok(text, low.start()) || after_label_noun(text, low.start()) {
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

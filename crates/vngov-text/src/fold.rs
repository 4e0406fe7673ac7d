//! A matching key without diacritics.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::letters::fold_letter;

/// A diacritic-free, lower-case key for matching: "Đồng Nai" → "dong nai",
/// "Ð" → "d", and "Thủy" and "Thuỷ" fold alike. Decomposes (NFD), drops
/// combining marks, maps đ/Đ/Ð/ð to d and lower-cases.
pub fn fold(s: &str) -> String {
    // Most keys are short ASCII words: lower-cased a byte at a time.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    // Text of ASCII and precomposed Vietnamese letters folds char by char; anything
    // else (other scripts, loose combining marks) goes through NFD.
    for c in s.chars() {
        match fold_letter(c) {
            Some(f) => out.push(f),
            None => return fold_nfd(s),
        }
    }
    out
}

fn fold_nfd(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'Đ' | 'Ð' | 'ð' => out.push('d'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{fold, fold_nfd};

    #[test]
    fn folds() {
        assert_eq!(fold("Đồng Nai"), "dong nai");
        assert_eq!(fold("Ð"), "d");
        assert_eq!(fold("Thủy"), fold("Thuỷ"));
        assert_eq!(fold("QUYẾT ĐỊNH"), "quyet dinh");
        assert_eq!(fold("Ủy ban nhân dân"), "uy ban nhan dan");
        assert_eq!(fold("e\u{301}"), "e");
        assert_eq!(fold(""), "");
        assert_eq!(fold("Ðorri Ωμέγα ǅ"), "dorri ωμεγα ǆ");
    }

    #[test]
    fn fast_path_agrees_with_nfd() {
        for c in (0..0x2000u32).filter_map(char::from_u32) {
            let s = format!("A{c}Ư");
            assert_eq!(fold(&s), fold_nfd(&s), "{c:?}");
        }
        for c in (0..0x80u8).map(char::from) {
            let s = format!("A{c}b");
            assert_eq!(fold(&s), fold_nfd(&s), "{c:?}");
        }
    }
}

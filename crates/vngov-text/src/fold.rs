//! A matching key without diacritics.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A diacritic-free, lower-case key for matching: "Đồng Nai" → "dong nai",
/// "Ð" → "d", and "Thủy" and "Thuỷ" fold alike. Decomposes (NFD), drops
/// combining marks, maps đ/Đ/Ð/ð to d and lower-cases.
pub fn fold(s: &str) -> String {
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
    use super::fold;

    #[test]
    fn folds() {
        assert_eq!(fold("Đồng Nai"), "dong nai");
        assert_eq!(fold("Ð"), "d");
        assert_eq!(fold("Thủy"), fold("Thuỷ"));
        assert_eq!(fold("QUYẾT ĐỊNH"), "quyet dinh");
        assert_eq!(fold("Ủy ban nhân dân"), "uy ban nhan dan");
        assert_eq!(fold("e\u{301}"), "e");
        assert_eq!(fold(""), "");
    }
}

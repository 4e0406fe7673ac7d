//! Canonical composition (NFC) without rebuilding text that is composed already,
//! as nearly all of a page is.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// `s` in NFC.
pub(crate) fn nfc(s: &str) -> String {
    // The quick check answers "yes" only for text that NFC leaves as it is.
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s.to_string()
    } else {
        s.nfc().collect()
    }
}

/// `s` in NFC, reusing its buffer when it is composed already.
pub(crate) fn nfc_owned(s: String) -> String {
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s
    } else {
        s.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_composing_every_char() {
        for s in [
            "",
            "Ủy ban nhân dân tỉnh Hà Giang",
            // Decomposed: U+0055 U+031B U+0309, d + dấu, old tone placement.
            "U\u{31B}\u{309}y ban, Đa\u{300} Na\u{306}\u{303}ng, hoà, hòa",
            // Combining marks out of canonical order, and a leading mark.
            "\u{301}a\u{323}\u{302}\u{301} e\u{301}\u{323}",
            "ÅΩ\u{212B}\u{2126} Ｆｕｌｌ ﬁ",
            "\u{1100}\u{1161}\u{11A8} 가",
        ] {
            let want: String = s.nfc().collect();
            assert_eq!(nfc(s), want, "{s:?}");
            assert_eq!(nfc_owned(s.to_string()), want, "{s:?}");
        }
    }
}

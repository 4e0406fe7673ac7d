//! Stage 1: Unicode canonical composition (NFC).
//!
//! Decomposed text ("e" + U+0301) becomes composed ("é"), so each letter is one
//! char for every later stage. The text is cut before each char that is a starter
//! and can never compose with what precedes it; each piece is composed alone and
//! all its output chars map to the whole piece.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::offset::Rewrite;

/// True if nothing before `c` can combine with it.
fn is_boundary(c: char) -> bool {
    c.is_ascii()
        || (canonical_combining_class(c) == 0
            && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
}

/// Composes `text`; `None` when it is already in NFC.
pub(crate) fn apply(text: &str) -> Option<Rewrite> {
    if unicode_normalization::is_nfc(text) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Rewrite::with_capacity(text.len());
    let mut piece = String::new();
    let mut i = 0;
    while i < chars.len() {
        let mut j = i + 1;
        while j < chars.len() && !is_boundary(chars[j]) {
            j += 1;
        }
        if j == i + 1 && is_boundary(chars[i]) {
            out.keep(chars[i], i);
        } else {
            piece.clear();
            piece.extend(&chars[i..j]);
            for c in piece.nfc() {
                out.push(c, i, j);
            }
        }
        i = j;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::test_util::{find, source_of};

    #[test]
    fn composes_and_maps_back() {
        let input = "Vie\u{0302}\u{0323}t Nam ho\u{0300}a";
        let r = apply(input).unwrap();
        assert_eq!(r.text, "Việt Nam hòa");
        let s = find(&r.text, "Việt");
        assert_eq!(source_of(input, &r, s, s + 4), "Vie\u{0302}\u{0323}t");
        let s = find(&r.text, "hòa");
        assert_eq!(source_of(input, &r, s + 1, s + 2), "o\u{0300}");
    }

    #[test]
    fn composed_text_is_left_alone() {
        assert!(apply("Đồng Nai").is_none());
    }

    #[test]
    fn lone_marks_survive() {
        let r = apply("\u{0301}a\u{0301}\u{0301}").unwrap();
        assert_eq!(r.text, "\u{0301}á\u{0301}");
        assert_eq!(r.spans.len(), 3);
    }
}

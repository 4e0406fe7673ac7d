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
    is_plain(c)
        || (canonical_combining_class(c) == 0
            && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
}

/// True for a char that is a starter allowed as it is in NFC (combining class 0,
/// quick check "yes"): then nothing before it matters to the check and it does
/// not need the tables. Holds for everything below the combining marks (ASCII,
/// Latin-1, Latin Extended-A/B: ă, đ, ơ, ư) and for Latin Extended Additional
/// (the toned vowels: ệ, ữ); tested against the tables.
fn is_plain(c: char) -> bool {
    matches!(c as u32, 0..=0x2FF | 0x1E00..=0x1EFF)
}

/// [`unicode_normalization::is_nfc`], reading the plain chars (almost all of a
/// Vietnamese text) a byte at a time: the quick check keeps no state across a
/// starter allowed in NFC, so only the chars between them are looked up.
fn is_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut last_cc = 0;
    let mut maybe = false;
    let mut b = 0;
    while b < bytes.len() {
        let byte = bytes[b];
        // Bytes below 0xCC: ASCII, a continuation, or the lead of a char below
        // U+0300. 0xE1 0xB8..=0xBB leads U+1E00..=U+1EFF.
        if byte < 0xCC || (byte == 0xE1 && matches!(bytes.get(b + 1), Some(0xB8..=0xBB))) {
            last_cc = 0;
            b += 1;
            continue;
        }
        let Some(c) = text[b..].chars().next() else {
            break;
        };
        b += c.len_utf8();
        // As the quick check does it for a non-ASCII char.
        let cc = canonical_combining_class(c);
        if last_cc > cc && cc != 0 {
            return false;
        }
        match is_nfc_quick(std::iter::once(c)) {
            IsNormalized::Yes => {}
            IsNormalized::No => return false,
            IsNormalized::Maybe => maybe = true,
        }
        last_cc = cc;
    }
    !maybe || unicode_normalization::is_nfc(text)
}

/// Composes `text`; `None` when it is already in NFC.
pub(crate) fn apply(text: &str) -> Option<Rewrite> {
    if is_nfc(text) {
        return None;
    }
    // Read as it goes: a table of every char and its offset would cost 16 bytes
    // per char.
    let mut chars = text.char_indices().peekable();
    let mut out = Rewrite::with_capacity(text.len());
    let mut piece = String::new();
    // Chars from `kept` (byte `kept_b`) on are their own pieces, not yet copied;
    // `n` chars have been read.
    let (mut kept, mut kept_b, mut n) = (0, 0, 0);
    while let Some((b, c)) = chars.next() {
        let i = n;
        n += 1;
        let mut end = b + c.len_utf8();
        while let Some(&(nb, nc)) = chars.peek() {
            if is_boundary(nc) {
                break;
            }
            chars.next();
            n += 1;
            end = nb + nc.len_utf8();
        }
        if n == i + 1 && is_boundary(c) {
            continue;
        }
        out.copy(&text[kept_b..b], kept);
        piece.clear();
        piece.push_str(&text[b..end]);
        for c in piece.nfc() {
            out.push(c, i, n);
        }
        kept = n;
        kept_b = end;
    }
    out.copy(&text[kept_b..], kept);
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
    fn plain_chars_need_no_tables() {
        for c in (0..0x3_0000u32).filter_map(char::from_u32) {
            if is_plain(c) {
                let yes = is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
                assert!(canonical_combining_class(c) == 0 && yes, "{c:?}");
            }
            let mut buf = [0u8; 4];
            let first = *c.encode_utf8(&mut buf).as_bytes().first().unwrap_or(&0);
            let second = buf[1];
            let skipped = first < 0xCC || (first == 0xE1 && matches!(second, 0xB8..=0xBB));
            assert_eq!(skipped, is_plain(c), "{c:?}");
        }
    }

    #[test]
    fn nfc_check_agrees_with_the_library() {
        let pieces = [
            "a",
            "e\u{301}",
            "\u{301}",
            "\u{323}\u{302}",
            "\u{302}\u{323}",
            "ệ",
            "Đ",
            " ",
            "\u{2126}",
            "\u{0344}",
            "\u{1100}\u{1161}",
            "\u{1161}",
            "\u{0F73}",
            "ễ",
            "\u{1E9B}\u{323}",
            "\u{2000}",
            "\u{3099}",
            "か\u{3099}",
            "\u{0958}",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b}{c}");
                    assert_eq!(is_nfc(&s), unicode_normalization::is_nfc(&s), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn lone_marks_survive() {
        let r = apply("\u{0301}a\u{0301}\u{0301}").unwrap();
        assert_eq!(r.text, "\u{0301}á\u{0301}");
        assert_eq!(r.spans.len(), 3);
    }
}

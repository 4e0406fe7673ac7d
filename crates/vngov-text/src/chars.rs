//! Fast character classes and case mapping for Vietnamese text.
//!
//! `char::is_alphabetic`, `char::is_lowercase` and `char::to_lowercase` look
//! non-ASCII letters up in large Unicode tables. Vietnamese letters all sit in
//! ASCII, Latin-1 Supplement, Latin Extended-A/B and Latin Extended Additional
//! (U+1E00–U+1EFF), where the answers follow a few simple ranges. Each helper here
//! answers those ranges directly and asks `std` for everything else, so it always
//! agrees with `std`.

/// Same as [`char::is_alphabetic`].
#[inline]
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F | 0x1E00..=0x1EFF => true,
        // General Punctuation: quotes, dashes, ellipsis, but for the letters
        // ⁱ and ⁿ.
        0x2000..=0x2070 | 0x2072..=0x207E => false,
        _ => c.is_alphabetic(),
    }
}

/// Same as [`char::is_alphanumeric`].
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F | 0x1E00..=0x1EFF => true,
        _ => c.is_alphanumeric(),
    }
}

/// Where a simple case pair lives: `Some(true)` for the upper-case half of a
/// pair whose lower case is the next code point, `Some(false)` for the lower
/// half, `None` outside the ranges known to be laid out that way.
#[inline]
fn pair(c: u32) -> Option<bool> {
    match c {
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF => {
            Some(c % 2 == 0)
        }
        0x139..=0x148 | 0x179..=0x17E => Some(c % 2 == 1),
        // Ơ ơ, Ư ư
        0x1A0 | 0x1AF => Some(true),
        0x1A1 | 0x1B0 => Some(false),
        _ => None,
    }
}

/// Same as [`char::is_lowercase`].
#[inline]
pub fn is_lower(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_lowercase(),
        0xC0..=0xDE => false,
        0xDF..=0xFF => c != '\u{F7}',
        u => match pair(u) {
            Some(upper) => !upper,
            None => c.is_lowercase(),
        },
    }
}

/// Same as [`char::is_uppercase`].
#[inline]
pub fn is_upper(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_uppercase(),
        0xC0..=0xDE => c != '\u{D7}',
        0xDF..=0xFF => false,
        u => match pair(u) {
            Some(upper) => upper,
            None => c.is_uppercase(),
        },
    }
}

/// The lower case of `c` when it is one char (as for every Vietnamese letter),
/// else `None` (only U+0130 "İ" lower-cases to two chars).
#[inline]
pub fn to_lower(c: char) -> Option<char> {
    let u = c as u32;
    let fast = match u {
        0..=0x7F => Some(c.to_ascii_lowercase()),
        0xC0..=0xDE if u != 0xD7 => char::from_u32(u + 0x20),
        0xD7..=0xFF => Some(c),
        _ => match pair(u) {
            Some(true) => char::from_u32(u + 1),
            Some(false) => Some(c),
            None => None,
        },
    };
    if fast.is_some() {
        return fast;
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => Some(l),
        _ => None,
    }
}

/// Appends the lower case of `c` to `out`, as `out.extend(c.to_lowercase())`.
#[inline]
pub fn push_lower(out: &mut String, c: char) {
    match to_lower(c) {
        Some(l) => out.push(l),
        None => out.extend(c.to_lowercase()),
    }
}

/// True for a letter of the Vietnamese alphabet as one precomposed char: an ASCII
/// letter, `đ`, `Đ`, or a vowel with or without its marks ("ữ", "Ặ").
#[inline]
pub fn is_vietnamese_letter(c: char) -> bool {
    crate::letters::letter(c).is_some()
}

/// Same as [`str::to_lowercase`].
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    // Capital sigma lower-cases by context; leave that to std.
    if s.contains('Σ') {
        return s.to_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_lower(&mut out, c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> impl Iterator<Item = char> {
        (0..0x3000u32).filter_map(char::from_u32)
    }

    #[test]
    fn classes_agree_with_std() {
        for c in all() {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?} {:X}", c as u32);
            assert_eq!(
                is_letter_or_digit(c),
                c.is_alphanumeric(),
                "{c:?} {:X}",
                c as u32
            );
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?} {:X}", c as u32);
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?} {:X}", c as u32);
        }
    }

    #[test]
    fn lower_case_agrees_with_std() {
        for c in all() {
            let std: String = c.to_lowercase().collect();
            let mut ours = String::new();
            push_lower(&mut ours, c);
            assert_eq!(ours, std, "{c:?} {:X}", c as u32);
            if std.chars().count() == 1 {
                assert_eq!(to_lower(c).map(String::from), Some(std));
            } else {
                assert_eq!(to_lower(c), None);
            }
        }
    }

    #[test]
    fn strings() {
        for s in [
            "",
            "QUYẾT ĐỊNH",
            "Ủy ban Nhân dân",
            "ƠN ƯỚC",
            "İstanbul",
            "ΟΔΟΣ Σ",
            "Straße ẞ",
        ] {
            assert_eq!(lowercase(s), s.to_lowercase(), "{s}");
        }
        assert!(is_letter('ệ') && !is_letter('1') && is_letter_or_digit('1'));
        assert!(
            is_vietnamese_letter('Ữ') && is_vietnamese_letter('đ') && is_vietnamese_letter('f')
        );
        assert!(
            !is_vietnamese_letter('ë') && !is_vietnamese_letter('ñ') && !is_vietnamese_letter('1')
        );
        assert!(is_upper('Đ') && is_lower('đ') && to_lower('Ư') == Some('ư'));
    }
}

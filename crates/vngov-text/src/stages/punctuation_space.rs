//! Stage 6: a missing space after punctuation ("định:ứng dụng", "tin(CNTT)").
//!
//! A space is inserted after `:` `,` `;` `.` `)`, or before `(`, only between
//! letters, and only when the word after the mark is a Vietnamese syllable: after
//! `:` `,` `;` one in lower case, or a capitalised one if the word before is also a
//! syllable ("A.Theo" but not "TP.HCM"); after `.` the word before must be a
//! syllable too; after `)` only a lower-case one; before `(` the word before must
//! be a syllable. Never inside numbers ("0,95", "1.000": digits are not letters),
//! document numbers ("36-NQ/TW"), dotted names ("Baoninhbinh.org.vn", "abc.com.vn":
//! a word followed or preceded by `.` `/` `@` `:` and a letter is skipped), URLs or
//! e-mail addresses.

use crate::chars::{is_letter, is_letter_or_digit};
use crate::letters::{shape, Shape};
use crate::offset::Rewrite;
use crate::stages::{decode_at, in_address, spaces_inserted, word_end, word_start};
use crate::syllable::{is_syllable, MAX_LETTERS};
use crate::RepairKind;

fn syllable(chars: &[char], buf: &mut String) -> bool {
    if chars.is_empty() || chars.len() > MAX_LETTERS {
        return false;
    }
    buf.clear();
    buf.extend(chars);
    is_syllable(buf)
}

fn chained(chars: &[char], at: usize) -> bool {
    matches!(chars.get(at), Some('.' | '/' | '@' | ':' | '\\' | '_'))
        && chars.get(at + 1).is_some_and(|c| is_letter_or_digit(*c))
}

/// Whether a space belongs right after the mark at `i`.
fn space_after(chars: &[char], i: usize, buf: &mut String) -> bool {
    let mark = chars[i];
    let (Some(&before), Some(&after)) = (i.checked_sub(1).map(|p| &chars[p]), chars.get(i + 1))
    else {
        return false;
    };
    if !is_letter(after) {
        return false;
    }
    let next_end = word_end(chars, i + 1);
    let next = &chars[i + 1..next_end];
    if chained(chars, next_end) || !syllable(next, buf) {
        return false;
    }
    let next_shape = shape(next);
    if !matches!(next_shape, Shape::Lower | Shape::Title | Shape::Upper) {
        return false;
    }
    let lower = next_shape == Shape::Lower;
    if mark == ')' {
        return is_letter_or_digit(before) && lower && !in_address(chars, i);
    }
    if !is_letter(before) {
        return false;
    }
    let prev_start = word_start(chars, i);
    let prev = &chars[prev_start..i];
    let chain = prev_start.checked_sub(1).is_some_and(|p| chained(chars, p));
    let prev_ok = !chain && syllable(prev, buf);
    let ok = match mark {
        '.' => prev_ok,
        _ => lower || prev_ok,
    };
    ok && !in_address(chars, i)
}

/// Whether a space belongs right before the `(` at `i`.
fn space_before(chars: &[char], i: usize, buf: &mut String) -> bool {
    let (Some(p), Some(after)) = (i.checked_sub(1), chars.get(i + 1)) else {
        return false;
    };
    if !is_letter(chars[p]) || !is_letter_or_digit(*after) {
        return false;
    }
    let prev_start = word_start(chars, i);
    let prev = &chars[prev_start..i];
    let chain = prev_start.checked_sub(1).is_some_and(|q| chained(chars, q));
    !chain
        && matches!(shape(prev), Shape::Lower | Shape::Title | Shape::Upper)
        && syllable(prev, buf)
        && !in_address(chars, i)
}

/// How far [`space_after`] and [`space_before`] may look from the mark, in chars:
/// [`in_address`] looks 64 chars either way, and a word reaching further is
/// longer than a syllable, so the answer does not depend on where it ends.
const REACH: usize = 80;

/// Inserts missing spaces at punctuation; `None` if none is missing.
///
/// A mark is a candidate only with a letter right after it (or right before `(`)
/// and a letter or digit on the other side; [`space_after`] and [`space_before`]
/// are run only on those, over the chars within [`REACH`] of the mark.
pub(crate) fn apply(text: &str) -> Option<Rewrite> {
    let bytes = text.as_bytes();
    let mut buf = String::new();
    let mut window: Vec<char> = Vec::new();
    // Offsets of the chars a space goes before, in order.
    let mut at = Vec::new();
    // Chars are counted up to byte `counted`, which is char `counted_at`.
    let (mut counted, mut counted_at) = (0, 0);
    for (b, &mark) in bytes.iter().enumerate() {
        if !matches!(mark, b':' | b',' | b';' | b'.' | b')' | b'(')
            || b == 0
            || b + 1 == bytes.len()
        {
            continue;
        }
        let (before, after) = (char_before(text, b), decode_at(bytes, b + 1).0);
        let candidate = match mark {
            b'(' => is_letter(before) && is_letter_or_digit(after),
            b')' => is_letter_or_digit(before) && is_letter(after),
            _ => is_letter(before) && is_letter(after),
        };
        if !candidate {
            continue;
        }
        counted_at += text[counted..b].chars().count();
        counted = b;
        // The window: up to REACH chars on each side of the mark.
        let start = text[..b]
            .char_indices()
            .rev()
            .take(REACH)
            .last()
            .map_or(b, |(s, _)| s);
        window.clear();
        window.extend(text[start..b].chars());
        let i = window.len();
        window.extend(text[b..].chars().take(REACH + 1));
        if mark == b'(' {
            if space_before(&window, i, &mut buf) {
                at.push(counted_at);
            }
        } else if space_after(&window, i, &mut buf) {
            at.push(counted_at + 1);
        }
    }
    spaces_inserted(text, &at, RepairKind::InsertedSpace)
}

/// The char that ends before byte `b` (which is not 0).
fn char_before(text: &str, b: usize) -> char {
    text[..b].chars().next_back().unwrap_or(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(s: &str) -> String {
        apply(s).map_or_else(|| s.to_string(), |r| r.text)
    }

    #[test]
    fn inserts_spaces() {
        assert_eq!(fixed("khẳng định:ứng dụng"), "khẳng định: ứng dụng");
        assert_eq!(
            fixed("công nghệ thông tin(CNTT)tại tỉnh"),
            "công nghệ thông tin (CNTT) tại tỉnh"
        );
        assert_eq!(fixed("xã, phường,thị trấn"), "xã, phường, thị trấn");
        assert_eq!(
            fixed("ông Nguyễn Văn A.Theo đó"),
            "ông Nguyễn Văn A. Theo đó"
        );
        assert_eq!(fixed("nội dung;đồng thời"), "nội dung; đồng thời");
        let r = apply("định:ứng").unwrap();
        assert_eq!(r.repairs, vec![(RepairKind::InsertedSpace, 5)]);
        assert_eq!(r.spans.get(5), Some((5, 5)));
    }

    #[test]
    fn leaves_numbers_codes_and_addresses() {
        for s in [
            "đạt 0,95 điểm",
            "1.000 tỷ đồng",
            "ngày 24/02",
            "25-12",
            "Baoninhbinh.org.vn",
            "xem tại baochinhphu.vn",
            "http://tinhuy.vn/tin,tuc",
            "email: hoi.nghi@gmail.com",
            "nguoi.com.vn",
            "Quyết định 1072/QĐ-TTg, 36-NQ/TW",
            "TP.HCM",
            "TP.Hà Nội",
            "f(x)",
            "Điều 5(a)",
            "Internet,Facebook",
            "a,b",
            "(CNTT)Trong",
        ] {
            assert_eq!(fixed(s), s);
        }
    }
}

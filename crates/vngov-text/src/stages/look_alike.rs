//! Stage 3: look-alike letters.
//!
//! `Ð` (U+00D0, Icelandic eth) and `ð` (U+00F0) are typed or converted in place of
//! `Đ` (U+0110) and `đ` (U+0111). They are replaced only in a word that becomes a
//! Vietnamese syllable ("Ðến" → "Đến") or one of the document type codes written
//! with Đ ("QÐ" → "QĐ"), so Icelandic words such as "Ðorri" stay as they are. No
//! other look-alike is replaced: Cyrillic or Greek letters in Latin words are rare
//! in this text and replacing them is not clearly safe.

use crate::offset::Rewrite;
use crate::stages::rewrite_words;
use crate::syllable::is_syllable;
use crate::RepairKind;

/// Codes from official document numbers and agency names that contain Đ.
const CODES: [&str; 10] = [
    "QĐ", "NĐ", "HĐ", "CĐ", "ĐA", "QyĐ", "QĐi", "HĐND", "ĐBQH", "ĐHĐCĐ",
];

fn fix(c: char) -> char {
    match c {
        'Ð' => 'Đ',
        'ð' => 'đ',
        c => c,
    }
}

/// Replaces eth look-alikes in Vietnamese words; `None` if there are none.
pub(crate) fn apply(text: &str) -> Option<Rewrite> {
    // Two searches for a two-byte string (matched on both bytes at once) are
    // faster than one for either char.
    if !text.contains("Ð") && !text.contains("ð") {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Rewrite::with_capacity(text.len());
    let mut word = String::new();
    rewrite_words(&chars, &mut out, |out, i, end| {
        let w = &chars[i..end];
        let replace = w.iter().any(|&c| c == 'Ð' || c == 'ð') && {
            word.clear();
            word.extend(w.iter().map(|&c| fix(c)));
            is_syllable(&word) || CODES.contains(&word.as_str())
        };
        for (k, &c) in w.iter().enumerate() {
            if replace && fix(c) != c {
                out.repair(RepairKind::LookAlike, i + k);
                out.keep(fix(c), i + k);
            } else {
                out.keep(c, i + k);
            }
        }
    });
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_eth_in_vietnamese_words() {
        let r = apply("Ðến nay, ðồng chí ký QÐ-UBND.").unwrap();
        assert_eq!(r.text, "Đến nay, đồng chí ký QĐ-UBND.");
        assert_eq!(r.repairs.len(), 3);
        assert_eq!(r.repairs[0], (RepairKind::LookAlike, 0));
    }

    #[test]
    fn keeps_icelandic_words() {
        let r = apply("Ðorri og Guðrún").unwrap();
        assert_eq!(r.text, "Ðorri og Guðrún");
        assert!(r.repairs.is_empty());
        assert!(apply("Đồng Nai").is_none());
    }
}

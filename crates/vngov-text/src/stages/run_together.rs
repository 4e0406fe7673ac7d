//! Stage 7: two syllables written without a space ("nhândân" → "nhân dân").
//!
//! A word is split only when: it is not a syllable itself; it carries a letter only
//! Vietnamese uses (đ, ă, â, ê, ô, ơ, ư or a tone mark), so "Internet", "ioffice",
//! "Facebook" are left alone; it splits into exactly two syllables, each in lower,
//! title or upper case ("TRIỂNKHAI" → "TRIỂN KHAI"); and one split is best. Where
//! several splits work ("chết|riển", "chế|triển"), the one giving the second
//! syllable the longest onset wins ("tr" over "r", "ng" over "g", "nh" over "h");
//! a tie leaves the word alone. Words of three or more syllables are left alone,
//! and so are splits whose second syllable has no onset ("huyệ" is a cut-off
//! "huyện", not "huy ệ").

use crate::chars::is_letter;
use crate::letters::{is_vietnamese_marked, shape, Shape};
use crate::offset::Rewrite;
use crate::stages::{in_address, word_end};
use crate::syllable::{parse, vowels, MAX_LETTERS};
use crate::RepairKind;

fn case_ok(s: Shape) -> bool {
    matches!(s, Shape::Lower | Shape::Title | Shape::Upper)
}

/// The index at which `word` splits into two syllables, if exactly one is best.
fn split_point(word: &[char]) -> Option<usize> {
    if word.len() < 2
        || word.len() > 2 * MAX_LETTERS
        || !word.iter().any(|&c| is_vietnamese_marked(c))
        // Two syllables need a vowel each.
        || vowels(word).0 < 2
        || parse(word).is_some()
    {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    let mut tie = false;
    for k in 1..word.len() {
        let (a, b) = (&word[..k], &word[k..]);
        if parse(a).is_none() {
            continue;
        }
        // An onsetless second part ("huy|ệ") is more often a cut-off word, or
        // steals the onset of its neighbour ("cá|cấp" vs "các|ấp").
        let Some(second) = parse(b).filter(|s| s.onset_len > 0) else {
            continue;
        };
        let (sa, sb) = (shape(a), shape(b));
        let cased = (sa == Shape::Upper && sb == Shape::Upper)
            || (matches!(sa, Shape::Lower | Shape::Title)
                && matches!(sb, Shape::Lower | Shape::Title))
            || (a.len() == 1 && sb == Shape::Upper);
        if !(case_ok(sa) && case_ok(sb) && cased) {
            continue;
        }
        match best {
            Some((_, onset)) if onset > second.onset_len => {}
            Some((_, onset)) if onset == second.onset_len => tie = true,
            _ => {
                best = Some((k, second.onset_len));
                tie = false;
            }
        }
    }
    if tie {
        None
    } else {
        best.map(|(k, _)| k)
    }
}

/// Splits run-together syllables; `None` if there are none.
pub(crate) fn apply(text: &str) -> Option<Rewrite> {
    if text.is_ascii() {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    // Offsets of the first char of each second syllable.
    let mut splits = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_letter(chars[i]) {
            i += 1;
            continue;
        }
        let end = word_end(&chars, i);
        if let Some(k) = split_point(&chars[i..end]).filter(|_| !in_address(&chars, i)) {
            splits.push(i + k);
        }
        i = end;
    }
    if splits.is_empty() {
        return None;
    }
    let mut out = Rewrite::with_capacity(text.len() + splits.len());
    let mut next = splits.iter().copied().peekable();
    for (i, &c) in chars.iter().enumerate() {
        if next.next_if_eq(&i).is_some() {
            out.repair(RepairKind::SplitSyllables, i);
            out.push(' ', i, i);
        }
        out.keep(c, i);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::test_util::{find, source_of};

    fn fixed(s: &str) -> String {
        apply(s).map_or_else(|| s.to_string(), |r| r.text)
    }

    #[test]
    fn splits_two_syllables() {
        assert_eq!(fixed("cơ chếtriển khai"), "cơ chế triển khai");
        assert_eq!(fixed("TRIỂNKHAI"), "TRIỂN KHAI");
        assert_eq!(fixed("Hội đồng nhândân"), "Hội đồng nhân dân");
        assert_eq!(fixed("VỀVIỆC BAN HÀNH"), "VỀ VIỆC BAN HÀNH");
        assert_eq!(fixed("THỦ TƯỚNG CHÍNHPHỦ"), "THỦ TƯỚNG CHÍNH PHỦ");
        assert_eq!(fixed("CÔNG TRÌNHXÂY DỰNG"), "CÔNG TRÌNH XÂY DỰNG");
        assert_eq!(fixed("tiếngViệt"), "tiếng Việt");
    }

    #[test]
    fn maps_inserted_space() {
        let input = "nhândân";
        let r = apply(input).unwrap();
        let s = find(&r.text, "dân");
        assert_eq!(source_of(input, &r, s, s + 3), "dân");
        assert_eq!(r.repairs, vec![(RepairKind::SplitSyllables, 4)]);
    }

    #[test]
    fn leaves_other_words() {
        for s in [
            "Internet ioffice Facebook VNPT",
            "CÔNGTRÌNHXÂY",  // three syllables
            "Đắk Lắk Krông", // ethnic place names, not syllables but no split
            "café",
            "nhân dân",
            "ĐắkLắk",
            "HàNộiThủĐô",
            "tin@hànội.vn",
            "huyệ",
        ] {
            assert_eq!(fixed(s), s);
        }
    }
}

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

use crate::letters::{class, is_vietnamese_marked, shape, Shape};
use crate::offset::Rewrite;
use crate::stages::{for_each_word, in_address, spaces_inserted, CharCount};
use crate::syllable::{parse, vowels, MAX_LETTERS};
use crate::RepairKind;

fn case_ok(s: Shape) -> bool {
    matches!(s, Shape::Lower | Shape::Title | Shape::Upper)
}

/// True unless `word` surely has no split, seen in one pass without parsing: it
/// needs a letter only Vietnamese uses, and a vowel, then a consonant (the second
/// syllable's onset), then a vowel. A single syllable never has that last shape.
fn may_split(word: &[char]) -> bool {
    let mut marked = false;
    // 0: no vowel yet; 1: a vowel; 2: a vowel then a consonant; 3: and a vowel.
    let mut seen = 0u8;
    for &c in word {
        let k = class(c);
        marked |= k.is_vietnamese_marked();
        let vowel = k.is_vowel();
        seen = match (seen, vowel) {
            (0, true) | (1, false) | (2, true) => seen + 1,
            _ => seen,
        };
    }
    marked && seen == 3
}

/// The index at which `word` splits into two syllables, if exactly one is best.
fn split_point(word: &[char]) -> Option<usize> {
    if !may_split(word) {
        return None;
    }
    best_split(word)
}

fn best_split(word: &[char]) -> Option<usize> {
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
    // Offsets of the first char of each second syllable.
    let mut splits = Vec::new();
    // The text as chars, made only to look around a split.
    let mut chars: Option<Vec<char>> = None;
    let mut count = CharCount::default();
    // A split needs a letter only Vietnamese uses, never ASCII: the words with
    // a non-ASCII char are enough.
    for_each_word::<{ 2 * MAX_LETTERS }>(
        text,
        |_| false,
        |w, word| {
            if w.len > word.len() {
                return;
            }
            if let Some(k) = split_point(word) {
                let at = count.at(text, w.start);
                let chars = chars.get_or_insert_with(|| text.chars().collect());
                if !in_address(chars, at) {
                    splits.push(at + k);
                }
            }
        },
    );
    spaces_inserted(text, &splits, RepairKind::SplitSyllables)
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

    #[test]
    fn words_that_may_not_split_do_not() {
        let alphabet: Vec<char> = "aăâeêioôơuưyAĂÊƯáàảãạấờữệĐđngtchqkrlxPTGK1-"
            .chars()
            .collect();
        let mut skipped = 0;
        for &a in &alphabet {
            for &b in &alphabet {
                for &c in &alphabet {
                    for w in [
                        vec![a, b],
                        vec![a, b, c],
                        vec![a, 'n', b, c],
                        vec![a, b, 'h', c],
                    ] {
                        if !may_split(&w) {
                            skipped += 1;
                            assert_eq!(best_split(&w), None, "{w:?}");
                        }
                    }
                }
            }
        }
        assert!(skipped > 10_000);
        let w: Vec<char> = "nhândân".chars().collect();
        assert!(may_split(&w));
    }
}

//! Vietnamese letters: splitting a character into base letter, tone and case.

use std::sync::LazyLock;

/// One of the six Vietnamese tones; `Level` is the unmarked one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    Level,
    Grave,
    Acute,
    Hook,
    Tilde,
    Dot,
}

const TONES: [Tone; 6] = [
    Tone::Level,
    Tone::Grave,
    Tone::Acute,
    Tone::Hook,
    Tone::Tilde,
    Tone::Dot,
];

/// The twelve vowels, each row in `TONES` order.
const VOWEL_ROWS: [&str; 12] = [
    "aàáảãạ",
    "ăằắẳẵặ",
    "âầấẩẫậ",
    "eèéẻẽẹ",
    "êềếểễệ",
    "iìíỉĩị",
    "oòóỏõọ",
    "ôồốổỗộ",
    "ơờớởỡợ",
    "uùúủũụ",
    "ưừứửữự",
    "yỳýỷỹỵ",
];

/// A letter seen as lower-case base, tone and case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Letter {
    pub base: char,
    pub tone: Tone,
    pub upper: bool,
}

/// First code point of each dense block of [`TABLE`]: Latin-1 to Latin
/// Extended-B (ă, â, ơ, ư and the tones of Latin-1) and Latin Extended Additional
/// (the other toned vowels).
const BLOCKS: [(u32, usize); 2] = [(0xC0, 0xF1), (0x1EA0, 0x5A)];

/// Every toned or modified vowel, by code point within [`BLOCKS`].
static TABLE: LazyLock<[Vec<Option<Letter>>; 2]> = LazyLock::new(|| {
    let mut t = BLOCKS.map(|(_, len)| vec![None; len]);
    for row in VOWEL_ROWS {
        let base = row.chars().next().unwrap_or('a');
        for (c, tone) in row.chars().zip(TONES) {
            for upper in [false, true] {
                let c = if upper { upper_of(c) } else { c };
                let at = BLOCKS
                    .iter()
                    .position(|&(start, len)| (start..start + len as u32).contains(&(c as u32)));
                if let Some(b) = at {
                    t[b][(c as u32 - BLOCKS[b].0) as usize] = Some(Letter { base, tone, upper });
                }
            }
        }
    }
    t
});

fn upper_of(c: char) -> char {
    let mut u = c.to_uppercase();
    match (u.next(), u.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

/// Splits `c` into base, tone and case, or `None` if it is not a letter of the
/// Vietnamese alphabet (ASCII letters count, even f, j, w, z: loanwords use them).
pub(crate) fn letter(c: char) -> Option<Letter> {
    if c.is_ascii_alphabetic() {
        return Some(Letter {
            base: c.to_ascii_lowercase(),
            tone: Tone::Level,
            upper: c.is_ascii_uppercase(),
        });
    }
    match c {
        'đ' => Some(Letter {
            base: 'đ',
            tone: Tone::Level,
            upper: false,
        }),
        'Đ' => Some(Letter {
            base: 'đ',
            tone: Tone::Level,
            upper: true,
        }),
        _ => {
            let u = c as u32;
            let b = BLOCKS
                .iter()
                .position(|&(start, len)| u >= start && u < start + len as u32)?;
            TABLE[b][(u - BLOCKS[b].0) as usize]
        }
    }
}

/// The character for `base` with `tone` and case; `base` unchanged if it has no
/// such form (a consonant given a tone).
pub(crate) fn compose(base: char, tone: Tone, upper: bool) -> char {
    let toned = VOWEL_ROWS
        .iter()
        .find(|row| row.starts_with(base))
        .and_then(|row| {
            let i = TONES.iter().position(|&t| t == tone).unwrap_or(0);
            row.chars().nth(i)
        })
        .unwrap_or(base);
    if upper {
        upper_of(toned)
    } else {
        toned
    }
}

/// True for a letter only Vietnamese spelling uses: đ, ă, â, ê, ô, ơ, ư or any
/// tone mark. Separates "nhândân" from "Internet".
pub(crate) fn is_vietnamese_marked(c: char) -> bool {
    match letter(c) {
        Some(l) => {
            l.tone != Tone::Level || matches!(l.base, 'đ' | 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
        }
        None => false,
    }
}

/// The capitalisation of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// "dân"
    Lower,
    /// "Dân", and a single capital "T"
    Title,
    /// "DÂN"
    Upper,
    /// Anything else ("dÂn", "ĐHQG" is Upper).
    Mixed,
}

/// The capitalisation of `word` (letters only; other characters are ignored).
pub(crate) fn shape(word: &[char]) -> Shape {
    let mut uppers = 0usize;
    let mut n = 0usize;
    let mut first_upper = false;
    for (i, &c) in word.iter().enumerate() {
        if crate::chars::is_upper(c) {
            uppers += 1;
            if i == 0 {
                first_upper = true;
            }
        }
        n += 1;
    }
    if uppers == 0 {
        Shape::Lower
    } else if first_upper && uppers == 1 {
        Shape::Title
    } else if uppers == n {
        Shape::Upper
    } else {
        Shape::Mixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_composes() {
        let l = letter('Ể').unwrap();
        assert_eq!((l.base, l.tone, l.upper), ('ê', Tone::Hook, true));
        assert_eq!(compose('ê', Tone::Hook, true), 'Ể');
        assert_eq!(compose('y', Tone::Dot, false), 'ỵ');
        assert_eq!(compose('t', Tone::Dot, false), 't');
        assert_eq!(letter('đ').unwrap().base, 'đ');
        assert!(letter('Ð').is_none());
        assert!(letter('1').is_none());
        // Every vowel of every row, both cases, is found.
        for row in VOWEL_ROWS {
            for (c, tone) in row.chars().zip(TONES) {
                assert_eq!(letter(c).map(|l| (l.tone, l.upper)), Some((tone, false)));
                let u = upper_of(c);
                assert_eq!(letter(u).map(|l| (l.tone, l.upper)), Some((tone, true)));
            }
        }
        assert!(letter('×').is_none() && letter('ỹ').is_some() && letter('Ỻ').is_none());
        assert!(letter('é').is_some());
    }

    #[test]
    fn marks_and_shapes() {
        assert!(is_vietnamese_marked('â'));
        assert!(is_vietnamese_marked('Đ'));
        assert!(!is_vietnamese_marked('a'));
        let w = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(shape(&w("dân")), Shape::Lower);
        assert_eq!(shape(&w("Dân")), Shape::Title);
        assert_eq!(shape(&w("T")), Shape::Title);
        assert_eq!(shape(&w("DÂN")), Shape::Upper);
        assert_eq!(shape(&w("dÂn")), Shape::Mixed);
    }
}

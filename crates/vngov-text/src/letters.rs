//! Vietnamese letters: splitting a character into base letter, tone and case.

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
const VOWEL_ROWS: [[char; 6]; 12] = [
    ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
    ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
    ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
];

/// A letter seen as lower-case base, tone and case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Letter {
    pub base: char,
    pub tone: Tone,
    pub upper: bool,
}

/// Toned and modified vowels by code point: Latin-1 to Latin Extended-B (ă, â,
/// ơ, ư and the tones of Latin-1) and Latin Extended Additional (the other toned
/// vowels). Built at compile time, so a lookup is one bounds check and a load.
static LATIN: [Option<Letter>; 0xF1] = table(0xC0);
static EXTENDED: [Option<Letter>; 0x5A] = table(0x1EA0);

/// The upper case of a lower-case vowel of [`VOWEL_ROWS`]: ASCII and Latin-1
/// cases differ by 0x20, the others sit in pairs, upper case first (checked against std).
const fn upper_vowel(c: char) -> char {
    let u = c as u32;
    let up = if u < 0x80 || (u >= 0xE0 && u <= 0xFE) {
        u - 0x20
    } else {
        u - 1
    };
    match char::from_u32(up) {
        Some(x) => x,
        None => c,
    }
}

/// The entries of [`VOWEL_ROWS`] whose code points fall in `start..start + N`.
const fn table<const N: usize>(start: u32) -> [Option<Letter>; N] {
    let mut t: [Option<Letter>; N] = [None; N];
    let mut r = 0;
    while r < VOWEL_ROWS.len() {
        let row = VOWEL_ROWS[r];
        let mut k = 0;
        while k < row.len() {
            let mut upper = 0;
            while upper < 2 {
                let c = if upper == 1 {
                    upper_vowel(row[k])
                } else {
                    row[k]
                };
                let u = c as u32;
                if u >= start && u < start + N as u32 {
                    t[(u - start) as usize] = Some(Letter {
                        base: row[0],
                        tone: TONES[k],
                        upper: upper == 1,
                    });
                }
                upper += 1;
            }
            k += 1;
        }
        r += 1;
    }
    t
}

/// The diacritic-free lower-case ASCII letter of each non-ASCII Vietnamese
/// letter (and of the look-alikes Ð, ð), by code point within the blocks of
/// [`LATIN`] and [`EXTENDED`]; 0 for other chars.
static FOLD_LATIN: [u8; 0xF1] = fold_table(0xC0);
static FOLD_EXTENDED: [u8; 0x5A] = fold_table(0x1EA0);

const fn fold_table<const N: usize>(start: u32) -> [u8; N] {
    let mut t = [0u8; N];
    let mut r = 0;
    while r < VOWEL_ROWS.len() {
        let row = VOWEL_ROWS[r];
        let ascii = match row[0] {
            'ă' | 'â' => b'a',
            'ê' => b'e',
            'ô' | 'ơ' => b'o',
            'ư' => b'u',
            c => c as u8,
        };
        let mut k = 0;
        while k < row.len() {
            let (lower, upper) = (row[k] as u32, upper_vowel(row[k]) as u32);
            if lower >= start && lower < start + N as u32 {
                t[(lower - start) as usize] = ascii;
            }
            if upper >= start && upper < start + N as u32 {
                t[(upper - start) as usize] = ascii;
            }
            k += 1;
        }
        r += 1;
    }
    let mut d = 0;
    let ds = ['đ', 'Đ', 'Ð', 'ð'];
    while d < ds.len() {
        let u = ds[d] as u32;
        if u >= start && u < start + N as u32 {
            t[(u - start) as usize] = b'd';
        }
        d += 1;
    }
    t
}

/// The fold ([`crate::fold`]) of one char when it is ASCII (lower-cased) or a
/// Vietnamese letter ("Ữ" → 'u', "Đ" and its look-alike "Ð" → 'd'), without
/// allocating; `None` for other chars.
#[inline]
pub fn fold_letter(c: char) -> Option<char> {
    let u = c as u32;
    let b = match u {
        0..=0x7F => return Some(c.to_ascii_lowercase()),
        0xC0..=0x1B0 => FOLD_LATIN[(u - 0xC0) as usize],
        0x1EA0..=0x1EF9 => FOLD_EXTENDED[(u - 0x1EA0) as usize],
        _ => 0,
    };
    (b != 0).then_some(b as char)
}

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
            match u {
                0xC0..=0x1B0 => LATIN[(u - 0xC0) as usize],
                0x1EA0..=0x1EF9 => EXTENDED[(u - 0x1EA0) as usize],
                _ => None,
            }
        }
    }
}

/// What the word checks need to know of a char, in one table lookup: whether it
/// is a letter of the Vietnamese alphabet (as [`letter`] says), a vowel, toned,
/// a vowel with a diacritic (ă, â, ê, ô, ơ, ư), or đ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Class(u8);

impl Class {
    const LETTER: u8 = 1;
    const VOWEL: u8 = 2;
    const TONED: u8 = 4;
    const MARKED: u8 = 8;
    const D: u8 = 16;

    /// A letter of the Vietnamese alphabet, as [`letter`] finds.
    pub fn is_letter(self) -> bool {
        self.0 & Class::LETTER != 0
    }

    /// One of the vowels a, ă, â, e, ê, i, o, ô, ơ, u, ư, y, in any case and tone.
    pub fn is_vowel(self) -> bool {
        self.0 & Class::VOWEL != 0
    }

    /// A vowel with a tone mark.
    pub fn is_toned(self) -> bool {
        self.0 & Class::TONED != 0
    }

    /// One of ă, â, ê, ô, ơ, ư, in any case and tone.
    pub fn is_marked_vowel(self) -> bool {
        self.0 & Class::MARKED != 0
    }

    /// A letter only Vietnamese uses ([`is_vietnamese_marked`]).
    pub fn is_vietnamese_marked(self) -> bool {
        self.0 & (Class::TONED | Class::MARKED | Class::D) != 0
    }
}

/// The [`Class`] of `l`.
const fn class_of(l: Option<Letter>) -> Class {
    let Some(l) = l else {
        return Class(0);
    };
    let mut bits = Class::LETTER;
    if matches!(
        l.base,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    ) {
        bits |= Class::VOWEL;
    }
    if !matches!(l.tone, Tone::Level) {
        bits |= Class::TONED;
    }
    if matches!(l.base, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư') {
        bits |= Class::MARKED;
    }
    if l.base == 'đ' {
        bits |= Class::D;
    }
    Class(bits)
}

/// The classes of ASCII, then of the blocks of [`LATIN`] and [`EXTENDED`].
static ASCII_CLASS: [Class; 0x80] = ascii_classes();
static LATIN_CLASS: [Class; 0xF1] = classes(table(0xC0), 0xC0);
static EXTENDED_CLASS: [Class; 0x5A] = classes(table(0x1EA0), 0x1EA0);

const fn ascii_classes() -> [Class; 0x80] {
    let mut t = [Class(0); 0x80];
    let mut u = 0;
    while u < 0x80 {
        let c = u as u8;
        if c.is_ascii_alphabetic() {
            t[u] = class_of(Some(Letter {
                base: c.to_ascii_lowercase() as char,
                tone: Tone::Level,
                upper: c.is_ascii_uppercase(),
            }));
        }
        u += 1;
    }
    t
}

const fn classes<const N: usize>(letters: [Option<Letter>; N], start: u32) -> [Class; N] {
    let mut t = [Class(0); N];
    let mut k = 0;
    while k < N {
        t[k] = class_of(letters[k]);
        // đ and Đ, which [`letter`] finds outside the vowel tables.
        if start + k as u32 == 'đ' as u32 || start + k as u32 == 'Đ' as u32 {
            t[k] = Class(Class::LETTER | Class::D);
        }
        k += 1;
    }
    t
}

/// The [`Class`] of `c`.
#[inline]
pub(crate) fn class(c: char) -> Class {
    let u = c as u32;
    match u {
        0..=0x7F => ASCII_CLASS[u as usize],
        0xC0..=0x1B0 => LATIN_CLASS[(u - 0xC0) as usize],
        0x1EA0..=0x1EF9 => EXTENDED_CLASS[(u - 0x1EA0) as usize],
        _ => Class(0),
    }
}

/// The character for `base` with `tone` and case; `base` unchanged if it has no
/// such form (a consonant given a tone).
pub(crate) fn compose(base: char, tone: Tone, upper: bool) -> char {
    let toned = VOWEL_ROWS
        .iter()
        .find(|row| row[0] == base)
        .map(|row| {
            let i = TONES.iter().position(|&t| t == tone).unwrap_or(0);
            row[i]
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
            for (c, tone) in row.into_iter().zip(TONES) {
                assert_eq!(upper_vowel(c), upper_of(c));
                assert_eq!(letter(c).map(|l| (l.tone, l.upper)), Some((tone, false)));
                let u = upper_of(c);
                assert_eq!(letter(u).map(|l| (l.tone, l.upper)), Some((tone, true)));
            }
        }
        assert!(letter('×').is_none() && letter('ỹ').is_some() && letter('Ỻ').is_none());
        assert!(letter('é').is_some());
    }

    #[test]
    fn classes_agree_with_letters() {
        let vowel = |b: char| "aăâeêioôơuưy".contains(b);
        for c in (0..0x2000u32).filter_map(char::from_u32) {
            let k = class(c);
            let l = letter(c);
            assert_eq!(k.is_letter(), l.is_some(), "{c:?}");
            assert_eq!(k.is_vowel(), l.is_some_and(|l| vowel(l.base)), "{c:?}");
            assert_eq!(k.is_toned(), l.is_some_and(|l| l.tone != Tone::Level));
            let marked = l.is_some_and(|l| "ăâêôơư".contains(l.base));
            assert_eq!(k.is_marked_vowel(), marked, "{c:?}");
            assert_eq!(k.is_vietnamese_marked(), is_vietnamese_marked(c), "{c:?}");
        }
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

//! VNI-Windows (fonts `VNI-Times`, `VNI-Helve`, …): a vowel is its ASCII letter
//! followed by a mark byte ("Vieät" is "Việt"), and a few letters (ơ, ư, đ, and i or
//! y with some tones) have a byte of their own. The table is `data/vni.tsv`; bytes
//! outside it, and mark bytes that follow no vowel able to take them, read as
//! Windows-1252.

use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

use crate::tcvn3::cp1252;

/// What a byte 0x80–0xFF means in VNI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Code {
    /// Marks added to the preceding vowel (one or two combining characters).
    Mark(char, Option<char>),
    /// A letter by itself.
    Letter(char),
    /// Not in the table.
    None,
}

static TABLE: LazyLock<[Code; 128]> = LazyLock::new(|| {
    let mut t = [Code::None; 128];
    for line in include_str!("../data/vni.tsv").lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(byte), Some(kind), Some(value)) = (cols.next(), cols.next(), cols.next()) else {
            panic!("byte TAB kind TAB value: {line}");
        };
        let byte = u8::from_str_radix(byte, 16).expect("hex byte");
        assert!(byte >= 0x80, "{line}");
        let code = match kind {
            "mark" => {
                let mut marks = value.split(' ').map(|h| {
                    char::from_u32(u32::from_str_radix(h, 16).expect("hex")).expect("char")
                });
                Code::Mark(marks.next().expect("a mark"), marks.next())
            }
            "letter" => Code::Letter(value.chars().next().expect("a letter")),
            _ => panic!("unknown kind: {line}"),
        };
        t[(byte - 0x80) as usize] = code;
    }
    t
});

fn code(b: u8) -> Code {
    if b < 0x80 {
        Code::None
    } else {
        TABLE[(b - 0x80) as usize]
    }
}

/// Whether the byte is a mark or letter in VNI.
pub fn is_vni_byte(b: u8) -> bool {
    code(b) != Code::None
}

const TONES: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// `base` with `marks` added, if Vietnamese spelling allows it: one tone at most, a
/// circumflex on a/e/o only, a breve on a only.
fn add_marks(base: char, marks: &[char]) -> Option<char> {
    let mut parts: Vec<char> = base.nfd().collect();
    let letter = parts[0].to_ascii_lowercase();
    if !matches!(letter, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
        return None;
    }
    for &m in marks {
        let ok = match m {
            '\u{0302}' => matches!(letter, 'a' | 'e' | 'o') && parts.len() == 1,
            '\u{0306}' => letter == 'a' && parts.len() == 1,
            t if TONES.contains(&t) => !parts[1..].iter().any(|p| TONES.contains(p)),
            _ => false,
        };
        if !ok {
            return None;
        }
        parts.push(m);
    }
    let composed: String = parts.into_iter().nfc().collect();
    let mut chars = composed.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// Reads VNI bytes into NFC text.
pub fn decode(bytes: &[u8]) -> String {
    let mut out: Vec<char> = Vec::with_capacity(bytes.len());
    for &b in bytes {
        match code(b) {
            Code::Letter(c) => out.push(c),
            Code::Mark(m1, m2) => {
                let marks: Vec<char> = std::iter::once(m1).chain(m2).collect();
                match out.last().and_then(|&prev| add_marks(prev, &marks)) {
                    Some(c) => *out.last_mut().expect("a previous letter") = c,
                    None => out.push(cp1252(b)),
                }
            }
            Code::None if b < 0x80 => out.push(b as char),
            Code::None => out.push(cp1252(b)),
        }
    }
    out.into_iter().collect()
}

/// Encodes NFC text into VNI, for tests and fixtures. `None` when a character has no
/// VNI spelling.
pub fn encode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        if let Some(b) = (0x80..=0xFFu8).find(|&b| code(b) == Code::Letter(c)) {
            out.push(b);
            continue;
        }
        // A base (ASCII vowel, or ơ/ư) then one mark byte.
        let parts: Vec<char> = c.nfd().collect();
        let upper = parts[0].is_uppercase();
        let (base, marks): (String, Vec<char>) = match parts.get(1) {
            Some('\u{031B}') => (
                std::iter::once(parts[0])
                    .chain(Some('\u{031B}'))
                    .nfc()
                    .collect(),
                parts[2..].to_vec(),
            ),
            _ => (parts[0].to_string(), parts[1..].to_vec()),
        };
        out.extend(encode_base(&base)?);
        if marks.is_empty() {
            continue;
        }
        // Canonical order puts the dot below before the breve: compare as sets.
        let mut want = marks.clone();
        want.sort_unstable();
        let b = (0x80..=0xFFu8).find(|&b| {
            let Code::Mark(m1, m2) = code(b) else {
                return false;
            };
            let mut have: Vec<char> = std::iter::once(m1).chain(m2).collect();
            have.sort_unstable();
            have == want && cp1252(b).is_uppercase() == upper
        })?;
        out.push(b);
    }
    Some(out)
}

fn encode_base(base: &str) -> Option<Vec<u8>> {
    let mut chars = base.chars();
    let c = chars.next()?;
    if c.is_ascii() {
        return Some(vec![c as u8]);
    }
    (0x80..=0xFFu8)
        .find(|&b| code(b) == Code::Letter(c))
        .map(|b| vec![b])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp(s: &str) -> Vec<u8> {
        encoding_rs::WINDOWS_1252.encode(s).0.into_owned()
    }

    #[test]
    fn base_letters_take_the_marks_that_follow() {
        assert_eq!(decode(&cp("Vieät Nam")), "Việt Nam");
        assert_eq!(
            decode(&cp("Ñoäc laäp – Töï do – Haïnh phuùc")),
            "Độc lập – Tự do – Hạnh phúc"
        );
        assert_eq!(
            decode(&cp("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA")),
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"
        );
        assert_eq!(decode(&cp("naêm ngöôøi ñoàng yù")), "năm người đồng ý");
    }

    #[test]
    fn marks_after_letters_that_cannot_take_them_stay_windows_1252() {
        assert_eq!(decode(&cp("café für")), "café für");
        assert_eq!(decode(&cp("ù")), "ù");
    }

    #[test]
    fn every_letter_round_trips() {
        let letters = "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ";
        let all = format!("{letters}{}", letters.to_uppercase());
        for c in all.chars() {
            let s = c.to_string();
            let bytes = encode(&s).unwrap_or_else(|| panic!("{c} has a spelling"));
            assert_eq!(decode(&bytes), s, "{c}");
        }
    }
}

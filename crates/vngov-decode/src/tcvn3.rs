//! TCVN3 (TCVN 5712:1993, the ABC fonts `.VnTime`, `.VnArial`, …): one byte per
//! letter, by the table in `data/tcvn3.tsv`. Bytes outside the table read as
//! Windows-1252 (quotes, dashes), as the fonts draw them.
//!
//! The upper-case fonts (`.VnTimeH`, …) draw capitals at the lower-case codes, and
//! hold no other letters, so the byte does not say the case the writer meant: the
//! ASCII letters of the word do ("PHÇN" is "PHẦN", "Ngh©" is "Nghị"), see
//! [`decode_upper`].

use std::sync::LazyLock;

/// The table: the letter each byte 0x80–0xFF stands for.
static TABLE: LazyLock<[char; 128]> = LazyLock::new(|| {
    let mut t = [' '; 128];
    for (i, slot) in t.iter_mut().enumerate() {
        *slot = cp1252(0x80 + i as u8);
    }
    for line in include_str!("../data/tcvn3.tsv").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (byte, letter) = line.split_once('\t').expect("byte TAB letter");
        let byte = u8::from_str_radix(byte, 16).expect("hex byte");
        let mut chars = letter.chars();
        let c = chars.next().expect("a letter");
        assert!(byte >= 0x80 && chars.next().is_none(), "{line}");
        t[(byte - 0x80) as usize] = c;
    }
    t
});

/// The Windows-1252 reading of one byte (for bytes the table leaves alone).
pub(crate) fn cp1252(b: u8) -> char {
    let bytes = [b];
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
    text.chars().next().unwrap_or('\u{FFFD}')
}

/// The letter or sign a byte stands for in TCVN3.
pub fn char_of(b: u8) -> char {
    if b < 0x80 {
        b as char
    } else {
        TABLE[(b - 0x80) as usize]
    }
}

/// Reads TCVN3 bytes (a lower-case font such as `.VnTime`). The table's letters are
/// precomposed, so the text is NFC. The table has no capitals with tone marks, so
/// headings typed in capitals (in `.VnTimeH`, whose font name plain text has lost)
/// read "PHầN": a Vietnamese letter in a word of ASCII capitals is made a capital,
/// and so is one in a short word of a line in capitals ("Về" in "TRƯỜNG HợP Về").
pub fn decode(bytes: &[u8]) -> String {
    fix_case(&read(bytes), false)
}

fn read(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char_of(b)).collect()
}

/// Reads bytes in an upper-case TCVN3 font (`.VnTimeH`). A Vietnamese letter takes
/// the case of its word: upper case when the word's ASCII letters are all capitals
/// ("PH" + ầ + "N" → "PHẦN"), lower case when they are not ("Ngh" + ị → "Nghị"); in a
/// word with no more than one ASCII letter the majority of the line decides.
pub fn decode_upper(bytes: &[u8]) -> String {
    fix_case(&read(bytes), true)
}

/// Gives Vietnamese letters the case of their word; `by_majority`: words with one
/// ASCII letter or none follow the line's majority (else only a line of capitals).
fn fix_case(text: &str, by_majority: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        fix_line(line, by_majority, &mut out);
    }
    out
}

fn fix_line(line: &str, by_majority: bool, out: &mut String) {
    if line.is_ascii() {
        out.push_str(line);
        return;
    }
    // Counted in the Vietnamese words only: abbreviations (UBND, TT-BTC) are
    // capitals in any sentence.
    let (mut upper, mut lower) = (0, 0);
    for word in line.split(|c: char| !c.is_alphabetic()) {
        if word.is_ascii() {
            continue;
        }
        for c in word.chars().filter(char::is_ascii_alphabetic) {
            if c.is_ascii_uppercase() {
                upper += 1;
            } else {
                lower += 1;
            }
        }
    }
    let line_upper = if by_majority {
        upper > lower
    } else {
        upper >= 4 && upper >= 4 * lower
    };
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_alphabetic() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_alphabetic() {
            i += 1;
        }
        let word = &chars[start..i];
        let ascii: Vec<char> = word
            .iter()
            .copied()
            .filter(char::is_ascii_alphabetic)
            .collect();
        let to_upper = if ascii.len() >= 2 {
            ascii.iter().all(char::is_ascii_uppercase)
        } else {
            line_upper && ascii.iter().all(char::is_ascii_uppercase)
        };
        for &c in word {
            if to_upper && !c.is_ascii() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
    }
}

/// Encodes NFC text into TCVN3, for tests and fixtures. `None` when a character has
/// no TCVN3 code (capitals with tone marks have none: they need `.VnTimeH`).
pub fn encode(text: &str) -> Option<Vec<u8>> {
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                return Some(c as u8);
            }
            (0x80..=0xFFu8).find(|&b| char_of(b) == c)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads_every_vietnamese_lower_case_letter() {
        let letters = "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ";
        for c in letters.chars() {
            let s = c.to_string();
            let bytes = encode(&s).unwrap_or_else(|| panic!("{c} has a code"));
            assert_eq!(decode(&bytes), s);
        }
        assert_eq!(encode("ĂÂÊÔƠƯĐ").map(|b| decode(&b)).unwrap(), "ĂÂÊÔƠƯĐ");
        assert_eq!(encode("Ấ"), None);
    }

    #[test]
    fn soft_hyphen_byte_is_u_horn_and_mojibake_reads_back() {
        assert_eq!(decode(b"n\xad\xedc"), "nước");
        let bytes = encoding_rs::WINDOWS_1252.encode("C¨n cø LuËt").0;
        assert_eq!(decode(&bytes), "Căn cứ Luật");
        let bytes = encoding_rs::WINDOWS_1252.encode("Céng hoµ").0;
        assert_eq!(decode(&bytes), "Cộng hoà");
    }

    #[test]
    fn bytes_outside_the_table_keep_their_windows_1252_meaning() {
        assert_eq!(
            decode(b"\x93a\x94 \x96 \x85"),
            "\u{201C}a\u{201D} \u{2013} \u{2026}"
        );
    }

    #[test]
    fn upper_case_fonts_follow_the_case_of_the_word() {
        assert_eq!(decode_upper(b"PH\xc7N TH\xd8 NH\xcaT"), "PHẦN THỈ NHẤT");
        assert_eq!(decode_upper(b"Ngh\xde \xae\xdenh"), "Nghị định");
        assert_eq!(
            decode_upper(b"C\xe9NG H\xdfA X\xb7 H\xe9I"),
            "CỘNG HÒA XÃ HỘI"
        );
        // One-letter words follow the run.
        assert_eq!(decode_upper(b"V\xd2 VI\xd6C"), "VỀ VIỆC");
        assert_eq!(decode_upper(b"v\xd2 vi\xd6c"), "về việc");
    }

    #[test]
    fn headings_in_capitals_get_capital_letters_without_the_font_name() {
        assert_eq!(decode(b"PH\xc7N TH\xf8 NH\xcaT"), "PHẦN THỨ NHẤT");
        assert_eq!(
            decode(b"PH\xc2N T\xddCH V\xb5 \xa7\xb8NH GI\xb8"),
            "PHÂN TÍCH VÀ ĐÁNH GIÁ"
        );
        // In a sentence, a short word keeps its case; abbreviations change nothing.
        assert_eq!(decode(b"V\xd2 vi\xd6c UBND t\xd8nh"), "Về việc UBND tỉnh");
        assert_eq!(decode(b"S\xe8: 08/2001/TT-BTC"), "Số: 08/2001/TT-BTC");
    }
}

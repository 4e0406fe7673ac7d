//! VISCII (RFC 1456), the 8-bit Vietnamese code page of the 1990s: every letter with
//! its marks in one byte. It has no room left for the C1 range, and six capitals
//! (Ẳ Ẵ Ẫ Ỷ Ỹ Ỵ) sit on C0 control codes. encoding_rs does not know it: the table is
//! here, taken from the RFC.

/// The six capitals VISCII puts on C0 control codes, by byte.
const CONTROLS: [(u8, char); 6] = [
    (0x02, '\u{1EB2}'), // Ẳ
    (0x05, '\u{1EB4}'), // Ẵ
    (0x06, '\u{1EAA}'), // Ẫ
    (0x14, '\u{1EF6}'), // Ỷ
    (0x19, '\u{1EF8}'), // Ỹ
    (0x1E, '\u{1EF4}'), // Ỵ
];

/// Bytes 0x80 to 0xFF.
#[rustfmt::skip]
const HIGH: [char; 128] = [
    '\u{1EA0}', '\u{1EAE}', '\u{1EB0}', '\u{1EB6}', '\u{1EA4}', '\u{1EA6}', '\u{1EA8}', '\u{1EAC}', // 0x80 ẠẮẰẶẤẦẨẬ
    '\u{1EBC}', '\u{1EB8}', '\u{1EBE}', '\u{1EC0}', '\u{1EC2}', '\u{1EC4}', '\u{1EC6}', '\u{1ED0}', // 0x88 ẼẸẾỀỂỄỆỐ
    '\u{1ED2}', '\u{1ED4}', '\u{1ED6}', '\u{1ED8}', '\u{1EE2}', '\u{1EDA}', '\u{1EDC}', '\u{1EDE}', // 0x90 ỒỔỖỘỢỚỜỞ
    '\u{1ECA}', '\u{1ECE}', '\u{1ECC}', '\u{1EC8}', '\u{1EE6}', '\u{0168}', '\u{1EE4}', '\u{1EF2}', // 0x98 ỊỎỌỈỦŨỤỲ
    '\u{00D5}', '\u{1EAF}', '\u{1EB1}', '\u{1EB7}', '\u{1EA5}', '\u{1EA7}', '\u{1EA9}', '\u{1EAD}', // 0xA0 Õắằặấầẩậ
    '\u{1EBD}', '\u{1EB9}', '\u{1EBF}', '\u{1EC1}', '\u{1EC3}', '\u{1EC5}', '\u{1EC7}', '\u{1ED1}', // 0xA8 ẽẹếềểễệố
    '\u{1ED3}', '\u{1ED5}', '\u{1ED7}', '\u{1EE0}', '\u{01A0}', '\u{1ED9}', '\u{1EDD}', '\u{1EDF}', // 0xB0 ồổỗỠƠộờở
    '\u{1ECB}', '\u{1EF0}', '\u{1EE8}', '\u{1EEA}', '\u{1EEC}', '\u{01A1}', '\u{1EDB}', '\u{01AF}', // 0xB8 ịỰỨỪỬơớƯ
    '\u{00C0}', '\u{00C1}', '\u{00C2}', '\u{00C3}', '\u{1EA2}', '\u{0102}', '\u{1EB3}', '\u{1EB5}', // 0xC0 ÀÁÂÃẢĂẳẵ
    '\u{00C8}', '\u{00C9}', '\u{00CA}', '\u{1EBA}', '\u{00CC}', '\u{00CD}', '\u{0128}', '\u{1EF3}', // 0xC8 ÈÉÊẺÌÍĨỳ
    '\u{0110}', '\u{1EE9}', '\u{00D2}', '\u{00D3}', '\u{00D4}', '\u{1EA1}', '\u{1EF7}', '\u{1EEB}', // 0xD0 ĐứÒÓÔạỷừ
    '\u{1EED}', '\u{00D9}', '\u{00DA}', '\u{1EF9}', '\u{1EF5}', '\u{00DD}', '\u{1EE1}', '\u{01B0}', // 0xD8 ửÙÚỹỵÝỡư
    '\u{00E0}', '\u{00E1}', '\u{00E2}', '\u{00E3}', '\u{1EA3}', '\u{0103}', '\u{1EEF}', '\u{1EAB}', // 0xE0 àáâãảăữẫ
    '\u{00E8}', '\u{00E9}', '\u{00EA}', '\u{1EBB}', '\u{00EC}', '\u{00ED}', '\u{0129}', '\u{1EC9}', // 0xE8 èéêẻìíĩỉ
    '\u{0111}', '\u{1EF1}', '\u{00F2}', '\u{00F3}', '\u{00F4}', '\u{00F5}', '\u{1ECF}', '\u{1ECD}', // 0xF0 đựòóôõỏọ
    '\u{1EE5}', '\u{00F9}', '\u{00FA}', '\u{0169}', '\u{1EE7}', '\u{00FD}', '\u{1EE3}', '\u{1EEE}', // 0xF8 ụùúũủýợỮ
];

/// The character of one VISCII byte.
pub fn char_of(b: u8) -> char {
    if b >= 0x80 {
        return HIGH[usize::from(b - 0x80)];
    }
    CONTROLS
        .iter()
        .find(|(c, _)| *c == b)
        .map_or(char::from(b), |&(_, ch)| ch)
}

/// Whether `b` is one of the control codes VISCII uses for a capital letter.
pub fn is_letter_control(b: u8) -> bool {
    CONTROLS.iter().any(|(c, _)| *c == b)
}

/// Reads VISCII bytes. Every letter is precomposed, so the text is NFC as it is.
pub fn decode(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char_of(b)).collect()
}

/// Writes `text` (NFC) in VISCII; `None` when it holds a character VISCII lacks.
pub fn encode(text: &str) -> Option<Vec<u8>> {
    text.chars()
        .map(|c| {
            if c.is_ascii() && !CONTROLS.iter().any(|(b, _)| u32::from(*b) == u32::from(c)) {
                return u8::try_from(u32::from(c)).ok();
            }
            (0..=255u8).find(|&b| char_of(b) == c && (b >= 0x80 || is_letter_control(b)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_every_vietnamese_letter_once() {
        use unicode_normalization::UnicodeNormalization;
        let mut letters: Vec<char> = Vec::new();
        for base in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
            for tone in ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"] {
                let small: String = format!("{base}{tone}").nfc().collect();
                let capital: String = small.to_uppercase().nfc().collect();
                letters.extend(small.chars().chain(capital.chars()));
            }
        }
        letters.extend(['đ', 'Đ']);
        letters.retain(|c| !c.is_ascii());
        assert_eq!(letters.len(), 134);
        for c in letters {
            let bytes = encode(&c.to_string()).unwrap_or_else(|| panic!("{c} has no byte"));
            assert_eq!(decode(&bytes), c.to_string());
        }
    }

    #[test]
    fn bytes_read_as_the_rfc_gives_them() {
        // RFC 1456: 0xDF ư, 0xF0 đ, 0xD0 Đ, 0xBD ơ, 0x02 Ẳ, 0xFF Ữ.
        assert_eq!(decode(b"\xDF\xF0\xD0\xBD\x02\xFF"), "ưđĐơẲỮ");
        assert_eq!(decode(b"Vi\xAEt Nam"), "Việt Nam");
        assert_eq!(decode(b"a\tb\n"), "a\tb\n");
    }
}

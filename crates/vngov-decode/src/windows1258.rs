//! Windows-1258: encoding_rs reads the bytes; the tone marks it yields are combining
//! characters, so the text is composed to NFC.

use unicode_normalization::UnicodeNormalization;

/// Reads Windows-1258 bytes into NFC text.
pub fn decode(bytes: &[u8]) -> String {
    let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    text.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combining_tones_are_composed() {
        // "Việt Nam": ê (0xEA) then the dot below as a combining mark (0xF2).
        let s = decode(b"Vi\xEA\xF2t Nam \xD0\xE0 N\xE3\xDEng");
        assert_eq!(s, "Việt Nam Đà Nẵng");
        assert!(s.chars().all(|c| !('\u{0300}'..='\u{036F}').contains(&c)));
    }
}

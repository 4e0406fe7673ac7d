//! Bytes to text. Plain-text inputs are UTF-8 (with or without a BOM) or UTF-16 with
//! a BOM; anything else is refused with the position of the first bad byte.

use thiserror::Error;

/// Why bytes are not text.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes or other control bytes: not a text file.
    #[error("binary data, not text (control byte 0x{byte:02X} at byte {offset})")]
    Binary {
        /// The byte.
        byte: u8,
        /// Its offset.
        offset: usize,
    },
    /// Not valid UTF-8.
    #[error("not valid UTF-8 (byte 0x{byte:02X} at byte {offset}); legacy encodings are not read as plain text")]
    InvalidUtf8 {
        /// The first bad byte.
        byte: u8,
        /// Its offset.
        offset: usize,
    },
    /// UTF-16 with an odd length or unpaired surrogates.
    #[error("invalid UTF-16")]
    InvalidUtf16,
}

/// Decoded text and the name of the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// `utf-8`, `utf-8-bom`, `utf-16le` or `utf-16be`.
    pub encoding: &'static str,
}

/// Decodes a plain-text input.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest).map(|text| Decoded {
            text,
            encoding: "utf-8-bom",
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes).map(|text| Decoded {
            text,
            encoding: "utf-16le",
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes).map(|text| Decoded {
            text,
            encoding: "utf-16be",
        });
    }
    utf8(bytes).map(|text| Decoded {
        text,
        encoding: "utf-8",
    })
}

fn utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Some(offset) = bytes
        .iter()
        .position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
    {
        return Err(DecodeError::Binary {
            byte: bytes[offset],
            offset,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let offset = e.valid_up_to();
            Err(DecodeError::InvalidUtf8 {
                byte: bytes[offset],
                offset,
            })
        }
    }
}

fn utf16(bytes: &[u8], read: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if bytes.len() % 2 != 0 {
        return Err(DecodeError::InvalidUtf16);
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| read([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| DecodeError::InvalidUtf16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Đà Nẵng".as_bytes()).unwrap().encoding, "utf-8");
        let d = decode(b"\xEF\xBB\xBFabc").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("abc", "utf-8-bom"));
    }

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "Sở".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&b).unwrap().text, "Sở");
    }

    #[test]
    fn binary_and_latin1_are_refused_with_position() {
        assert_eq!(
            decode(b"ab\0cd"),
            Err(DecodeError::Binary { byte: 0, offset: 2 })
        );
        assert_eq!(
            decode(b"caf\xE9"),
            Err(DecodeError::InvalidUtf8 {
                byte: 0xE9,
                offset: 3
            })
        );
    }
}

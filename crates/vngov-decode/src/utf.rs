//! Unicode encodings: UTF-8 with or without a byte-order mark, UTF-16 with one.

use crate::{DecodeError, Decoded};

/// Decodes bytes that are Unicode: a UTF-8 or UTF-16 byte-order mark, or valid
/// UTF-8. `Ok(None)` when the bytes are something else (a legacy encoding).
pub fn decode_unicode(bytes: &[u8]) -> Result<Option<Decoded>, DecodeError> {
    let done = |text: String, encoding: &str| {
        Ok(Some(Decoded {
            text,
            encoding: encoding.to_string(),
            warnings: Vec::new(),
        }))
    };
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        refuse_binary(rest).map_err(|e| shift(e, 3))?;
        return done(String::from_utf8_lossy(rest).into_owned(), "utf-8-bom");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return done(utf16(rest, u16::from_le_bytes)?, "utf-16le");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return done(utf16(rest, u16::from_be_bytes)?, "utf-16be");
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => {
            refuse_binary(bytes)?;
            done(s.to_string(), "utf-8")
        }
        Err(_) => Ok(None),
    }
}

/// Refuses bytes holding control characters other than tab, line feed, form feed
/// and carriage return: such files are binary, not text.
pub fn refuse_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    match bytes
        .iter()
        .position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
    {
        Some(offset) => Err(DecodeError::Binary {
            byte: bytes[offset],
            offset,
        }),
        None => Ok(()),
    }
}

fn shift(e: DecodeError, by: usize) -> DecodeError {
    match e {
        DecodeError::Binary { byte, offset } => DecodeError::Binary {
            byte,
            offset: offset + by,
        },
        other => other,
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

    fn enc(bytes: &[u8]) -> String {
        decode_unicode(bytes).unwrap().unwrap().encoding
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(enc("Đà Nẵng".as_bytes()), "utf-8");
        let d = decode_unicode(b"\xEF\xBB\xBFabc").unwrap().unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), ("abc", "utf-8-bom"));
    }

    #[test]
    fn utf8_is_kept_as_it_is_even_when_decomposed() {
        let nfd = "Vie\u{0302}\u{0323}t Nam";
        let d = decode_unicode(nfd.as_bytes()).unwrap().unwrap();
        assert_eq!(d.text, nfd);
    }

    #[test]
    fn utf16_with_bom() {
        for (bom, le) in [([0xFF, 0xFE], true), ([0xFE, 0xFF], false)] {
            let mut b = bom.to_vec();
            for u in "Sở".encode_utf16() {
                b.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            assert_eq!(decode_unicode(&b).unwrap().unwrap().text, "Sở");
        }
        assert_eq!(decode_unicode(b"\xFF\xFEa"), Err(DecodeError::InvalidUtf16));
    }

    #[test]
    fn binary_is_refused_with_position_and_legacy_is_passed_on() {
        assert_eq!(
            decode_unicode(b"ab\0cd"),
            Err(DecodeError::Binary { byte: 0, offset: 2 })
        );
        assert_eq!(
            decode_unicode(b"\xEF\xBB\xBFa\x01"),
            Err(DecodeError::Binary { byte: 1, offset: 4 })
        );
        assert_eq!(decode_unicode(b"caf\xE9"), Ok(None));
    }
}

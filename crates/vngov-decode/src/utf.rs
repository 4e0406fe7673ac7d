//! Unicode encodings: UTF-8 with or without a byte-order mark, UTF-16 with one.

use crate::{DecodeError, Decoded, Warning};

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
        if std::str::from_utf8(rest).is_err() {
            if let Some(mut d) = decode_damaged_utf8(rest) {
                d.encoding = "utf-8-bom".into();
                return Ok(Some(d));
            }
        }
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

/// A control byte other than tab, line feed, form feed and carriage return.
fn is_stray_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)
}

/// Stray control bytes a text may hold and still be text: Word leaves 0x03 and
/// 0x04 (its footnote separators) in the text it exports.
const STRAY_CONTROLS: usize = 16;

/// Refuses binary data: bytes holding a NUL, or more control characters (other
/// than tab, line feed, form feed and carriage return) than a few strays, at
/// most one in 256 bytes past the first [`STRAY_CONTROLS`].
pub fn refuse_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    let refuse = |offset: usize| {
        Err(DecodeError::Binary {
            byte: bytes[offset],
            offset,
        })
    };
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return refuse(offset);
    }
    let controls = bytes.iter().filter(|&&b| is_stray_control(b)).count();
    if controls > STRAY_CONTROLS.max(bytes.len() / 256) {
        let first = bytes.iter().position(|&b| is_stray_control(b)).unwrap_or(0);
        return refuse(first);
    }
    Ok(())
}

/// A warning naming the stray control bytes of a text that was read anyway, and
/// their byte offsets; `None` when there are none.
pub fn control_warning(bytes: &[u8]) -> Option<Warning> {
    control_warning_except(bytes, |_| false)
}

/// [`control_warning`], for an encoding whose `letter` bytes are letters on
/// control codes (VISCII's six capitals).
pub fn control_warning_except(bytes: &[u8], letter: fn(u8) -> bool) -> Option<Warning> {
    let found: Vec<(usize, u8)> = bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| is_stray_control(b) && !letter(b))
        .map(|(i, &b)| (i, b))
        .collect();
    if found.is_empty() {
        return None;
    }
    let listed: Vec<String> = found
        .iter()
        .map(|(i, b)| format!("0x{b:02X} at byte {i}"))
        .collect();
    Some(Warning::new(
        "control_character",
        format!(
            "{} control character(s) in the text, kept as they are: {}",
            found.len(),
            list(&listed)
        ),
    ))
}

/// At most this many offsets are named in a warning.
const LISTED: usize = 20;

fn list(items: &[String]) -> String {
    let mut s = items[..items.len().min(LISTED)].join(", ");
    if items.len() > LISTED {
        s += &format!(" and {} more", items.len() - LISTED);
    }
    s
}

/// Reads bytes that are UTF-8 but for a few invalid bytes (a damaged download, a
/// few bytes inserted by a tool) as UTF-8, each invalid sequence replaced by
/// U+FFFD, with a warning naming their byte offsets. `None` when the bytes do
/// not look like UTF-8: fewer than four valid multi-byte characters for each
/// invalid sequence. Text in a legacy encoding (Windows-1258, TCVN3, VNI,
/// VISCII) has its letters as single high bytes, which almost never form valid
/// UTF-8 sequences, so it is left to the legacy detector.
pub fn decode_damaged_utf8(bytes: &[u8]) -> Option<Decoded> {
    let mut multibyte = 0usize;
    let mut invalid: Vec<(usize, usize)> = Vec::new();
    let mut at = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        at += chunk.valid().len();
        let n = chunk.invalid().len();
        if n > 0 {
            // Adjacent bad bytes are one damaged place.
            match invalid.last_mut() {
                Some((start, len)) if *start + *len == at => *len += n,
                _ => invalid.push((at, n)),
            }
            at += n;
        }
    }
    if invalid.is_empty() || multibyte < 4 * invalid.len() {
        return None;
    }
    let listed: Vec<String> = invalid
        .iter()
        .map(|&(i, n)| match n {
            1 => format!("{i}"),
            _ => format!("{i}-{}", i + n - 1),
        })
        .collect();
    let bad: usize = invalid.iter().map(|(_, n)| n).sum();
    Some(Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        encoding: "utf-8".into(),
        warnings: vec![Warning::new(
            "invalid_utf8",
            format!(
                "{bad} byte(s) not valid UTF-8, each sequence replaced by U+FFFD, at byte {}",
                list(&listed)
            ),
        )],
    })
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
            decode_unicode(b"\xEF\xBB\xBFa\x00"),
            Err(DecodeError::Binary { byte: 0, offset: 4 })
        );
        assert_eq!(decode_unicode(b"caf\xE9"), Ok(None));
        let many = [b"ab\x01".as_slice(); 20].concat();
        assert_eq!(
            refuse_binary(&many),
            Err(DecodeError::Binary { byte: 1, offset: 2 })
        );
    }

    #[test]
    fn a_few_stray_control_bytes_are_text_with_a_warning() {
        let bytes = "Báo cáo\x03 số 12\x04.".as_bytes();
        assert_eq!(refuse_binary(bytes), Ok(()));
        let d = decode_unicode(bytes).unwrap().unwrap();
        assert_eq!(d.encoding, "utf-8");
        let w = control_warning(bytes).unwrap();
        assert_eq!(w.code, "control_character");
        assert!(
            w.message.contains("0x03 at byte 9") && w.message.contains("0x04 at byte 18"),
            "{}",
            w.message
        );
        assert_eq!(control_warning(b"plain\ttext\n"), None);
    }

    #[test]
    fn utf8_with_a_few_bad_bytes_is_utf8_with_replacements() {
        let mut bytes = "Ủy ban nhân dân tỉnh Lào Cai họp ngày 3/5"
            .as_bytes()
            .to_vec();
        bytes.splice(10..10, [0xFF, 0xFE]);
        assert_eq!(decode_unicode(&bytes), Ok(None));
        let d = decode_damaged_utf8(&bytes).unwrap();
        assert_eq!(d.encoding, "utf-8");
        assert!(
            d.text.starts_with("Ủy ban n\u{FFFD}\u{FFFD}hân dân"),
            "{}",
            d.text
        );
        assert_eq!(d.warnings[0].code, "invalid_utf8");
        assert!(
            d.warnings[0].message.ends_with("at byte 10-11"),
            "{}",
            d.warnings[0].message
        );
        // Windows-1258 letters are single high bytes: not UTF-8 at all.
        assert_eq!(decode_damaged_utf8(b"Vi\xEA\xD2t Nam c\xF4ng h\xF2a"), None);
    }
}

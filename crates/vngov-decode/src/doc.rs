//! Word 97–2003 `.doc` files: the main text, read from the piece table of the
//! `WordDocument` stream (the compound file is opened with the cfb crate). Pieces
//! stored as 8-bit text are Windows-1252 bytes; pieces stored as UTF-16 hold the
//! same bytes as the Windows-1252 characters the font drew, or real Unicode.
//!
//! Character formatting (which font each run uses) is not read, so the encoding of
//! the font bytes is found by statistics, per line and per word: upper-case headings
//! typed in `.VnTimeH` are read by their words' case, like TCVN3 plain text.

use std::io::{Cursor, Read};

use unicode_normalization::UnicodeNormalization;

use crate::{detect, Charset, DecodeError, Decoded, Warning};

/// Whether the bytes are an OLE compound file (the container of `.doc`, `.xls`, …).
pub fn is_compound_file(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

fn bad(why: impl Into<String>) -> DecodeError {
    DecodeError::Doc(why.into())
}

fn u16_at(b: &[u8], at: usize) -> Result<u16, DecodeError> {
    b.get(at..at + 2)
        .map(|s| u16::from_le_bytes([s[0], s[1]]))
        .ok_or_else(|| bad("truncated header"))
}

fn u32_at(b: &[u8], at: usize) -> Result<u32, DecodeError> {
    b.get(at..at + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
        .ok_or_else(|| bad("truncated header"))
}

fn stream(file: &mut cfb::CompoundFile<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, DecodeError> {
    let mut s = file
        .open_stream(name)
        .map_err(|_| bad(format!("no {name} stream: not a Word document")))?;
    let mut out = Vec::new();
    s.read_to_end(&mut out)
        .map_err(|e| bad(format!("{name}: {e}")))?;
    Ok(out)
}

/// One character of the main text: a byte the font encodes, or a Unicode character.
enum Unit {
    Byte(u8),
    Char(char),
}

/// Reads the main text of a Word 97–2003 document.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| bad(format!("not a compound file: {e}")))?;
    let word = stream(&mut file, "WordDocument")?;
    if u16_at(&word, 0)? != 0xA5EC {
        return Err(bad("WordDocument stream without a Word 97 header"));
    }
    let flags = u16_at(&word, 0x0A)?;
    if flags & 0x0100 != 0 {
        return Err(bad("the document is encrypted"));
    }
    let table_name = if flags & 0x0200 != 0 {
        "1Table"
    } else {
        "0Table"
    };
    let table = stream(&mut file, table_name)?;
    let ccp_text = u32_at(&word, 0x4C)? as usize;
    let fc_clx = u32_at(&word, 0x01A2)? as usize;
    let lcb_clx = u32_at(&word, 0x01A6)? as usize;
    let clx = table
        .get(fc_clx..fc_clx + lcb_clx)
        .ok_or_else(|| bad("piece table outside the table stream"))?;
    let units = main_text(&word, clx, ccp_text)?;
    Ok(to_text(&units))
}

/// The characters of the main document (CPs `0..ccp_text`), by the piece table.
fn main_text(word: &[u8], clx: &[u8], ccp_text: usize) -> Result<Vec<Unit>, DecodeError> {
    // Skip the Prc entries (0x01) to the Pcdt (0x02).
    let mut at = 0;
    while clx.get(at) == Some(&0x01) {
        at += 3 + u16_at(clx, at + 1)? as usize;
    }
    if clx.get(at) != Some(&0x02) {
        return Err(bad("no piece table"));
    }
    let lcb = u32_at(clx, at + 1)? as usize;
    let plc = clx
        .get(at + 5..at + 5 + lcb)
        .ok_or_else(|| bad("truncated piece table"))?;
    let n = lcb.saturating_sub(4) / 12;
    let mut units = Vec::new();
    for i in 0..n {
        let cp_start = u32_at(plc, 4 * i)? as usize;
        let cp_end = u32_at(plc, 4 * (i + 1))? as usize;
        if cp_start >= ccp_text {
            break;
        }
        let len = cp_end.min(ccp_text).saturating_sub(cp_start);
        let pcd = 4 * (n + 1) + 8 * i;
        let fc = u32_at(plc, pcd + 2)?;
        let compressed = fc & 0x4000_0000 != 0;
        let fc = (fc & 0x3FFF_FFFF) as usize;
        if compressed {
            let start = fc / 2;
            let text = word
                .get(start..start + len)
                .ok_or_else(|| bad("a piece lies outside the document"))?;
            units.extend(text.iter().map(|&b| Unit::Byte(b)));
        } else {
            let text = word
                .get(fc..fc + 2 * len)
                .ok_or_else(|| bad("a piece lies outside the document"))?;
            let code_units: Vec<u16> = text
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            for c in char::decode_utf16(code_units) {
                let c = c.unwrap_or('\u{FFFD}');
                units.push(match windows_1252_byte(c) {
                    Some(b) => Unit::Byte(b),
                    None => Unit::Char(c),
                });
            }
        }
    }
    Ok(units)
}

/// The Windows-1252 byte of a character, if it has one: what a legacy font drew.
fn windows_1252_byte(c: char) -> Option<u8> {
    if (c as u32) < 0x80 {
        return Some(c as u8);
    }
    let s = c.to_string();
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&s);
    (!unmappable && bytes.len() == 1).then(|| bytes[0])
}

/// Reads text drawn with a legacy font and read back as Unicode, as PDF and DOCX
/// text layers give it: each TCVN3 or VNI byte comes out as the Windows-1252
/// character of that code ("QuyÕt ®Þnh"). Characters with a Windows-1252 byte are
/// taken as font bytes and decoded by statistics, per line and word; others (real
/// Unicode letters) are kept. PDF fonts whose glyph names are Symbol's give the
/// minus sign U+2212 for byte 0xAD (TCVN3 "ư") and the bullet operator U+2219 for
/// 0xB7 ("ã"): those are read as their bytes too.
pub fn decode_font_chars(text: &str) -> Decoded {
    let units: Vec<Unit> = text
        .chars()
        .map(|c| match c {
            '\n' => Unit::Byte(b'\r'),
            '\u{2212}' => Unit::Byte(0xAD),
            '\u{2219}' => Unit::Byte(0xB7),
            c => match windows_1252_byte(c) {
                Some(b) => Unit::Byte(b),
                None => Unit::Char(c),
            },
        })
        .collect();
    to_text(&units)
}

/// Word's control characters become line breaks and tabs; field codes, object
/// anchors and optional hyphens go; the font bytes are decoded by statistics.
fn to_text(units: &[Unit]) -> Decoded {
    let mut bytes: Vec<u8> = Vec::with_capacity(units.len());
    // Unicode characters are kept aside with their byte position and put back
    // between the decoded spans.
    let mut unicode: Vec<(usize, char)> = Vec::new();
    let mut field_depth: Vec<bool> = Vec::new(); // per open field: in its result yet?
    for u in units {
        let in_code = field_depth.last().is_some_and(|&result| !result);
        match *u {
            Unit::Byte(0x13) => field_depth.push(false),
            Unit::Byte(0x14) => {
                if let Some(r) = field_depth.last_mut() {
                    *r = true;
                }
            }
            Unit::Byte(0x15) => {
                field_depth.pop();
            }
            _ if in_code => {}
            // Table cells too end a line: each may be in its own font.
            Unit::Byte(b'\r' | 0x0B | 0x0C | 0x0E | 0x07) => bytes.push(b'\n'),
            Unit::Byte(0x1E) => bytes.push(b'-'),
            Unit::Byte(0xA0) => bytes.push(b' '),
            Unit::Byte(b) if b < 0x20 && b != b'\t' => {}
            Unit::Byte(b) => bytes.push(b),
            Unit::Char(c) => {
                unicode.push((bytes.len(), c));
            }
        }
    }
    let mut warnings = Vec::new();
    let (pieces, encoding): (Vec<(std::ops::Range<usize>, Charset)>, String) =
        match detect::detect(&bytes, &[], false) {
            Some(d) => {
                if d.used.len() > 1 {
                    warnings.push(Warning::new(
                        "mixed_encoding",
                        format!("the document mixes encodings, mostly {}", d.primary.name()),
                    ));
                }
                (d.spans, Charset::mixed_name(&d.used))
            }
            None => (
                vec![(0..bytes.len(), Charset::WINDOWS_1252)],
                "windows-1252".into(),
            ),
        };
    let mut text = String::with_capacity(bytes.len());
    let mut next_unicode = unicode.iter().peekable();
    for (range, cs) in pieces {
        // Split spans where Unicode characters were taken out.
        let mut at = range.start;
        while let Some(&&(pos, c)) = next_unicode.peek() {
            if pos > range.end || (pos == range.end && range.end != bytes.len()) {
                break;
            }
            text.push_str(&cs.decode(&bytes[at..pos]));
            text.push(c);
            at = pos;
            next_unicode.next();
        }
        text.push_str(&cs.decode(&bytes[at..range.end]));
    }
    for &(_, c) in next_unicode {
        text.push(c);
    }
    let encoding = if unicode.is_empty() || encoding != "windows-1252" {
        encoding
    } else {
        "utf-16le".into()
    };
    Decoded {
        text: text.nfc().collect(),
        encoding,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A minimal Word 97 file: a FIB, one piece of 8-bit text and, when `unicode` is
    /// given, a second piece stored as UTF-16.
    fn word_file(text: &[u8], unicode: &str) -> Vec<u8> {
        let wide: Vec<u8> = unicode.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let n_wide = unicode.encode_utf16().count();
        let mut word = vec![0u8; 0x400];
        word[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
        word[0x0A..0x0C].copy_from_slice(&0x0200u16.to_le_bytes()); // 1Table
        let ccp = (text.len() + n_wide) as u32;
        word[0x4C..0x50].copy_from_slice(&ccp.to_le_bytes());
        let text_at = word.len();
        word.extend_from_slice(text);
        let wide_at = word.len();
        word.extend_from_slice(&wide);
        // Clx: one Pcdt with two pieces.
        let mut plc = Vec::new();
        for cp in [0, text.len() as u32, ccp] {
            plc.extend_from_slice(&cp.to_le_bytes());
        }
        for (fc, compressed) in [(text_at * 2, true), (wide_at, false)] {
            let fc = fc as u32 | if compressed { 0x4000_0000 } else { 0 };
            plc.extend_from_slice(&[0, 0]);
            plc.extend_from_slice(&fc.to_le_bytes());
            plc.extend_from_slice(&[0, 0]);
        }
        let mut table = vec![0x02];
        table.extend_from_slice(&(plc.len() as u32).to_le_bytes());
        table.extend_from_slice(&plc);
        word[0x01A2..0x01A6].copy_from_slice(&0u32.to_le_bytes());
        word[0x01A6..0x01AA].copy_from_slice(&(table.len() as u32).to_le_bytes());
        let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        file.create_stream("WordDocument")
            .unwrap()
            .write_all(&word)
            .unwrap();
        file.create_stream("1Table")
            .unwrap()
            .write_all(&table)
            .unwrap();
        file.flush().unwrap();
        file.into_inner().into_inner()
    }

    #[test]
    fn the_main_text_is_read_and_its_font_encoding_detected() {
        let mut text =
            crate::vni::encode("Độc lập - Tự do - Hạnh phúc\rNgày 25 tháng 12 năm 2008").unwrap();
        // A field: its code is dropped, its result kept; a cell mark ends a line.
        text.extend_from_slice(b" \x13 PAGE \x147\x15\x07");
        let d = decode(&word_file(&text, "Sở ")).unwrap();
        assert_eq!(
            d.text,
            "Độc lập - Tự do - Hạnh phúc\nNgày 25 tháng 12 năm 2008 7\nSở "
        );
        assert_eq!(d.encoding, "vni");
    }

    #[test]
    fn font_characters_read_back_as_unicode_are_decoded() {
        // "Quyết định của Thủ tướng" in TCVN3 as a PDF text layer gives it.
        let d = decode_font_chars("QuyÕt \u{AE}Þnh cña Thñ t\u{2212}íng\nl\u{2219}nh \u{111}ạo");
        assert_eq!(d.text, "Quyết định của Thủ tướng\nlãnh đạo");
        assert_eq!(d.encoding, "tcvn3");
    }

    #[test]
    fn other_files_are_refused() {
        assert!(matches!(
            decode(b"not a compound file"),
            Err(DecodeError::Doc(_))
        ));
        assert!(is_compound_file(&word_file(b"x", "")));
    }
}

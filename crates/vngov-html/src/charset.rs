//! Bytes to text: which encoding a page is in, and decoding it.
//!
//! The order is the browsers' (WHATWG): a byte-order mark wins; then the charset of
//! the HTTP `Content-Type` header when one was given; then a `<meta charset>` or
//! `<meta http-equiv="Content-Type">` near the top of the page; then a guess from the
//! bytes ([`detect`]). A declared UTF-8 that the bytes are not is not trusted: the
//! page is guessed instead, and a warning says so. Decoding is encoding_rs's.

use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;

/// How far into the page a `<meta>` charset declaration is looked for. Browsers look
/// at 1024 bytes; portals often put a long `<head>` first, so we look further.
const PRESCAN_BYTES: usize = 16 * 1024;

/// Where the encoding of a page was learnt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A byte-order mark.
    Bom,
    /// The HTTP `Content-Type` header.
    Header,
    /// A `<meta>` declaration in the page.
    Meta,
    /// Guessed from the bytes.
    Detected,
}

impl Origin {
    /// A short name for messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Bom => "byte-order mark",
            Origin::Header => "HTTP header",
            Origin::Meta => "meta declaration",
            Origin::Detected => "detection",
        }
    }
}

/// A decoded page.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, BOM removed.
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// Where it was learnt.
    pub origin: Origin,
    /// Whether some bytes were malformed for that encoding (and became U+FFFD).
    pub had_errors: bool,
    /// What a reader should know about the choice (a declaration that was wrong…).
    pub notes: Vec<String>,
}

/// `<meta charset="x">` or the `charset=x` of a `<meta http-equiv … content="…">`.
static META: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)"#).unwrap()
});

/// The `charset` parameter of a Content-Type value.
static PARAM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i-u)\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)"#).unwrap());

/// Decodes a page, choosing its encoding as the module doc says.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> Decoded {
    let mut notes = Vec::new();
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return finish(&bytes[bom_len..], enc, Origin::Bom, notes);
    }
    let declared = content_type
        .and_then(|ct| label(ct.as_bytes()))
        .map(|e| (e, Origin::Header))
        .or_else(|| meta_charset(bytes).map(|e| (e, Origin::Meta)));
    if let Some((enc, origin)) = declared {
        if enc != UTF_8 || std::str::from_utf8(bytes).is_ok() {
            return finish(bytes, enc, origin, notes);
        }
        notes.push(format!(
            "the {} declares UTF-8 but the bytes are not UTF-8; the encoding was guessed",
            origin.as_str()
        ));
    }
    finish(bytes, detect(bytes), Origin::Detected, notes)
}

fn finish(
    bytes: &[u8],
    encoding: &'static Encoding,
    origin: Origin,
    notes: Vec<String>,
) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding,
        origin,
        had_errors,
        notes,
    }
}

/// The encoding named by a `charset=` parameter, as browsers map labels (an HTML page
/// that says UTF-16 without a BOM is read as UTF-8).
fn label(content_type: &[u8]) -> Option<&'static Encoding> {
    let caps = PARAM.captures(content_type)?;
    Encoding::for_label(&caps[1]).map(Encoding::output_encoding)
}

/// The encoding declared by the first `<meta>` that declares one.
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    META.captures_iter(head)
        .find_map(|c| Encoding::for_label(&c[1]))
        .map(Encoding::output_encoding)
}

/// The fallback guess for a page that declares nothing usable: UTF-8 when the bytes
/// are UTF-8, otherwise chardetng's guess with the Vietnamese top-level domain as a
/// hint. Legacy Vietnamese 8-bit fonts (TCVN3, VNI) are recognised here once a
/// decoder for them exists; this is the one place to add them.
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(Some(b"vn"), chardetng::Utf8Detection::Allow)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{UTF_16LE, WINDOWS_1252, WINDOWS_1258};

    #[test]
    fn bom_wins_over_everything() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(b"<meta charset=windows-1252>");
        b.extend_from_slice("Sở".as_bytes());
        let d = decode(&b, Some("text/html; charset=iso-8859-1"));
        assert_eq!((d.encoding, d.origin), (UTF_8, Origin::Bom));
        assert!(d.text.starts_with("<meta"));
    }

    #[test]
    fn header_beats_meta() {
        let d = decode(
            b"<meta charset=utf-8><p>caf\xE9</p>",
            Some("text/html; charset=\"windows-1252\""),
        );
        assert_eq!((d.encoding, d.origin), (WINDOWS_1252, Origin::Header));
        assert!(d.text.contains("café"));
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        let (b, _, _) = WINDOWS_1258.encode("<p>Hà Nội</p>");
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"></head>".to_vec();
        page.extend_from_slice(&b);
        let d = decode(&page, None);
        assert_eq!((d.encoding, d.origin), (WINDOWS_1258, Origin::Meta));
        assert!(!d.had_errors);
        let d = decode(b"<meta charset='UTF-8'><p>x</p>", None);
        assert_eq!((d.encoding, d.origin), (UTF_8, Origin::Meta));
    }

    #[test]
    fn a_wrong_utf8_declaration_is_not_trusted() {
        let (b, _, _) = WINDOWS_1258.encode("<p>Ủy ban nhân dân tỉnh Bắc Ninh họp về kế hoạch phát triển kinh tế xã hội năm nay của tỉnh</p>");
        let mut page = b"<meta charset=utf-8>".to_vec();
        page.extend_from_slice(&b);
        let d = decode(&page, None);
        assert_eq!(d.origin, Origin::Detected);
        assert_ne!(d.encoding, UTF_8);
        assert_eq!(d.notes.len(), 1);
    }

    #[test]
    fn no_charset_utf8_is_detected() {
        let d = decode("<p>Tòa án nhân dân tối cao</p>".as_bytes(), None);
        assert_eq!((d.encoding, d.origin), (UTF_8, Origin::Detected));
    }

    #[test]
    fn utf16_label_reads_as_utf8() {
        assert_eq!(label(b"text/html; charset=utf-16"), Some(UTF_8));
        assert_ne!(label(b"charset=utf-16le"), Some(UTF_16LE));
        assert_eq!(label(b"text/html"), None);
    }
}

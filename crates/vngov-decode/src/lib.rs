//! Bytes to Unicode NFC for every way Vietnamese text was stored: UTF-8 and UTF-16
//! (with or without a byte-order mark), Windows-1258, VISCII, and the font encodings
//! of old archives, TCVN3 (ABC, fonts `.VnTime` / `.VnTimeH`) and VNI (`VNI-Times`),
//! in plain text, HTML or RTF.
//!
//! Decoding starts from the raw bytes, before any HTML or whitespace clean-up:
//! TCVN3 puts "ư" at 0xAD, the Windows-1252 soft hyphen, which clean-up would delete.
//!
//! ```
//! use vngov_decode::{decode, Hint};
//! // "Căn cứ Luật" in TCVN3, as a browser shows it: "C¨n cø LuËt".
//! let d = decode(b"C\xa8n c\xf8 Lu\xcbt T\xe6 ch\xf8c Ch\xddnh ph\xf1", &Hint::default()).unwrap();
//! assert_eq!(d.text, "Căn cứ Luật Tổ chức Chính phủ");
//! assert_eq!(d.encoding, "tcvn3");
//! ```

mod charset;
pub mod detect;
pub mod doc;
mod error;
pub mod rtf;
mod syllable;
pub mod tcvn3;
pub mod utf;
pub mod viscii;
pub mod vni;
pub mod windows1258;

pub use charset::Charset;
pub use error::DecodeError;
pub use syllable::is_vietnamese_syllable;

/// What the input is, as far as decoding cares.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    #[default]
    Text,
    /// An HTML page: font names in `font-family:` / `face=` are looked for.
    Html,
    /// Rich Text Format: the text is taken out of the markup.
    Rtf,
    /// Word 97–2003 `.doc`: the main text is taken out of the file.
    Doc,
}

impl Format {
    /// The format a file name suggests (`.rtf`, `.htm`/`.html`, anything else text).
    /// `.doc` is read only when asked for with [`Format::Doc`].
    pub fn from_path(path: &std::path::Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("rtf") => Format::Rtf,
            Some("htm" | "html" | "xhtml") => Format::Html,
            _ => Format::Text,
        }
    }
}

/// What is known about the bytes before looking at them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hint {
    /// A declared charset label (HTTP `Content-Type`, `<meta charset>`), if any.
    pub charset: Option<String>,
    /// The format of the input.
    pub format: Format,
    /// Font names seen by the caller (for instance in a style sheet it parsed).
    pub fonts: Vec<String>,
}

/// Something worth knowing about a decoding that still succeeded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Stable machine-readable code.
    pub code: &'static str,
    /// Human-readable explanation.
    pub message: String,
}

impl Warning {
    fn new(code: &'static str, message: impl Into<String>) -> Warning {
        Warning {
            code,
            message: message.into(),
        }
    }
}

/// Decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, in Unicode NFC. For RTF, the text taken out of the markup; for HTML,
    /// still the markup (in Unicode).
    pub text: String,
    /// A stable name of what the bytes were read as: `utf-8`, `utf-8-bom`, `utf-16le`,
    /// `utf-16be`, `windows-1258`, `tcvn3`, `vni`, `viscii`, `mixed(tcvn3+vni)`, or the
    /// lower-case WHATWG name of another charset (`windows-1252`, …).
    pub encoding: String,
    /// Doubts about the decoding.
    pub warnings: Vec<Warning>,
}

/// Decodes `bytes` into NFC text, detecting the encoding.
///
/// UTF-8 input is returned as it is (never converted, not even to NFC); UTF-8 with
/// a few invalid bytes is read as UTF-8, with a warning naming them. Other bytes
/// are read as a declared charset, as the encoding of declared fonts, or by byte
/// statistics, per span where one document mixes encodings. Binary data (a NUL
/// byte, control bytes beyond a few strays) is refused; stray control bytes are
/// kept, with a warning.
pub fn decode(bytes: &[u8], hint: &Hint) -> Result<Decoded, DecodeError> {
    if hint.format == Format::Doc {
        return doc::decode(bytes);
    }
    if hint.format == Format::Rtf || rtf::looks_like_rtf(bytes) {
        return rtf::decode(bytes, hint);
    }
    let mut d = match utf::decode_unicode(bytes)? {
        Some(d) => d,
        None => {
            utf::refuse_binary(bytes)?;
            let legacy_hinted = !hint.fonts.is_empty()
                || hint.charset.as_deref().is_some_and(|c| {
                    !matches!(c.trim().to_ascii_lowercase().as_str(), "utf-8" | "utf8")
                });
            match utf::decode_damaged_utf8(bytes).filter(|_| !legacy_hinted) {
                Some(d) => d,
                None => detect::decode_legacy(bytes, hint),
            }
        }
    };
    // UTF-16 holds NUL bytes by nature; its text was checked as it was decoded.
    if d.encoding == "viscii" {
        // Six VISCII capitals sit on control codes: they are letters here.
        d.warnings.extend(utf::control_warning_except(
            bytes,
            viscii::is_letter_control,
        ));
    } else if !d.encoding.starts_with("utf-16") {
        d.warnings.extend(utf::control_warning(bytes));
    }
    Ok(d)
}

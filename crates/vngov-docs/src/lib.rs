//! Documents as public bodies publish them, read into text: PDF (its text layer,
//! legacy TCVN3/VNI fonts decoded, scanned pages read by Tesseract OCR), DOCX, ODT
//! and Word 97–2003 `.doc`.
//!
//! [`read`] takes the bytes of one file and gives its [`Extracted`] text: page by
//! page for PDF, line by line for every format, with warnings for what a reader
//! should know (OCR, a damaged text layer, a legacy font). A file that cannot be
//! read gives a [`DocError`] saying why: damaged, encrypted, OCR needed but not
//! installed, or expanding past the size limit (a zip bomb).

pub mod ocr;
pub mod office;
pub mod pdf;
pub mod quality;

use thiserror::Error;

pub use ocr::Ocr;

/// The document formats this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Portable Document Format.
    Pdf,
    /// Office Open XML word-processing document (`.docx`).
    Docx,
    /// OpenDocument text (`.odt`).
    Odt,
    /// Word 97–2003 (`.doc`).
    Doc,
}

impl Kind {
    /// The name written in a record's `source.format`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Pdf => "pdf",
            Kind::Docx => "docx",
            Kind::Odt => "odt",
            Kind::Doc => "doc",
        }
    }

    /// The kind a file name's extension says (`.pdf`, `.docx`, `.odt`, `.doc`).
    pub fn from_name(name: &str) -> Option<Kind> {
        let name = name.to_ascii_lowercase();
        let ext = name.rsplit_once('.').map(|(_, e)| e)?;
        match ext {
            "pdf" => Some(Kind::Pdf),
            "docx" => Some(Kind::Docx),
            "odt" => Some(Kind::Odt),
            "doc" => Some(Kind::Doc),
            _ => None,
        }
    }

    /// The kind a media type says (`application/pdf`, `application/msword`, …).
    pub fn from_media_type(media: &str) -> Option<Kind> {
        match media {
            "application/pdf" | "application/x-pdf" => Some(Kind::Pdf),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
                Some(Kind::Docx)
            }
            "application/vnd.oasis.opendocument.text" => Some(Kind::Odt),
            "application/msword" => Some(Kind::Doc),
            _ => None,
        }
    }

    /// The kind the bytes themselves show, if any: `%PDF-`, a ZIP package holding
    /// `word/document.xml` or an OpenDocument text's `content.xml`, an OLE compound
    /// file.
    pub fn sniff(bytes: &[u8]) -> Option<Kind> {
        let head = &bytes[..bytes.len().min(1024)];
        if head.windows(5).any(|w| w == b"%PDF-") {
            return Some(Kind::Pdf);
        }
        if vngov_decode::doc::is_compound_file(bytes) {
            return Some(Kind::Doc);
        }
        if bytes.starts_with(b"PK\x03\x04") {
            return office::package_kind(bytes);
        }
        None
    }
}

/// How a page's text was had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// The file's own text (a PDF text layer, a Word document's text).
    Text,
    /// A text layer drawn with a legacy font (TCVN3, VNI), decoded.
    LegacyFont,
    /// Optical character recognition of the page image.
    Ocr,
}

impl Method {
    /// The name written in a record's `source.pages[].method`.
    pub fn name(self) -> &'static str {
        match self {
            Method::Text => "text",
            Method::LegacyFont => "legacy_font",
            Method::Ocr => "ocr",
        }
    }
}

/// One page of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The page's text, one line of the page a line.
    pub text: String,
    /// How it was had.
    pub method: Method,
}

/// Something a reader of the text should know (`ocr`, `pdf_legacy_font`, …): the
/// decoder's warning type, whose codes this crate adds to.
pub use vngov_decode::Warning;

fn warning(code: &'static str, message: impl Into<String>) -> Warning {
    Warning {
        code,
        message: message.into(),
    }
}

/// The text of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// What the file was read as.
    pub kind: Kind,
    /// The pages, in order: a PDF's pages; one page holding the whole text for
    /// formats without fixed pages.
    pub pages: Vec<Page>,
    /// Whether `pages` are the document's own pages (PDF), not one text.
    pub paged: bool,
    /// The legacy encoding the text was decoded from (`tcvn3`, `vni`), if any.
    pub encoding: Option<String>,
    /// What a reader should know.
    pub warnings: Vec<Warning>,
}

impl Extracted {
    fn single(kind: Kind, text: String, method: Method) -> Extracted {
        Extracted {
            kind,
            pages: vec![Page { text, method }],
            paged: false,
            encoding: None,
            warnings: Vec::new(),
        }
    }
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DocError {
    /// The file is not a well-formed document of its kind.
    #[error("damaged {kind}: {reason}")]
    Damaged {
        /// The format (`pdf`, `docx`, …).
        kind: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// The file is encrypted with a password.
    #[error("encrypted {0}: it needs a password to be read")]
    Encrypted(&'static str),
    /// The document is page images (a scan, or a text layer that cannot be read)
    /// and OCR is not installed.
    #[error("{reason}; OCR is needed but not available ({missing}): install the Debian packages tesseract-ocr, tesseract-ocr-vie and poppler-utils")]
    OcrUnavailable {
        /// Why OCR is needed.
        reason: String,
        /// What is missing.
        missing: String,
    },
    /// The document expands past the size limit (a zip bomb, a huge page count).
    #[error("{0}")]
    TooLarge(String),
}

/// How documents are read.
#[derive(Debug, Clone)]
pub struct Options {
    /// OCR of scanned pages; `None` never runs OCR.
    pub ocr: Option<Ocr>,
    /// Bytes a document may expand to once decompressed (the XML of a DOCX), and
    /// characters of text it may give (0: no limit).
    pub max_bytes: u64,
    /// Pages of a PDF read at most; a longer one is refused.
    pub max_pages: usize,
    /// Pages of one PDF read by OCR at most (some seconds each); the others keep
    /// their text layer, with a warning.
    pub max_ocr_pages: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            ocr: Some(Ocr::default()),
            max_bytes: 64 * 1024 * 1024,
            max_pages: 5000,
            max_ocr_pages: 200,
        }
    }
}

/// Joins the lines of a paragraph that a page layout broke: a line that does not
/// end a sentence, followed by one that starts with a lower-case letter, a digit or
/// an opening bracket, continues it ("báo cáo trước ngày" / "30/4/2024."). Headings,
/// letterhead lines, list items and lines that end in punctuation stay apart, so
/// that a fact's sentence is whole and the document's own lines are kept.
pub fn unwrap_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim_end();
        let prev = out.trim_end_matches('\n');
        let continues = out.ends_with('\n')
            && !out.ends_with("\n\n")
            && !prev.ends_with(['.', ':', ';', '!', '?'])
            && line
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == '(');
        if continues {
            out.pop();
            out.push(' ');
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Reads one document of `kind` from its bytes.
pub fn read(bytes: &[u8], kind: Kind, options: &Options) -> Result<Extracted, DocError> {
    match kind {
        Kind::Pdf => pdf::read(bytes, options),
        Kind::Docx => office::read_docx(bytes, options),
        Kind::Odt => office::read_odt(bytes, options),
        Kind::Doc => {
            let d = vngov_decode::doc::decode(bytes).map_err(|e| DocError::Damaged {
                kind: "doc",
                reason: e.to_string(),
            })?;
            let mut out = Extracted::single(Kind::Doc, d.text, Method::Text);
            if d.encoding != "windows-1252" && d.encoding != "utf-16le" {
                out.encoding = Some(d.encoding);
                out.pages[0].method = Method::LegacyFont;
            }
            out.warnings = d.warnings;
            Ok(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_a_paragraph_are_joined_and_others_kept() {
        let page = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 15/TB-UBND\n\nBan hành các giải pháp cho \ncác cơ sở, báo cáo trước ngày\n30/4/2024.\n- Như trên;\n(đã ký)\n";
        assert_eq!(
            unwrap_lines(page),
            "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 15/TB-UBND\n\nBan hành các giải pháp cho các cơ sở, báo cáo trước ngày 30/4/2024.\n- Như trên;\n(đã ký)\n"
        );
    }

    #[test]
    fn kinds_by_name_media_type_and_bytes() {
        assert_eq!(Kind::from_name("a/QD-15.PDF"), Some(Kind::Pdf));
        assert_eq!(Kind::from_name("x.docx"), Some(Kind::Docx));
        assert_eq!(Kind::from_name("x.txt"), None);
        assert_eq!(Kind::from_media_type("application/msword"), Some(Kind::Doc));
        assert_eq!(Kind::sniff(b"%PDF-1.7\n"), Some(Kind::Pdf));
        assert_eq!(Kind::sniff(b"plain text"), None);
    }
}

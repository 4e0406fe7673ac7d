//! Word-processing documents in ZIP packages: DOCX (`word/document.xml`) and ODT
//! (`content.xml`). Paragraphs, headings, table cells and line breaks become lines;
//! field codes and deleted revisions are left out. The XML is read under a size
//! limit, so that a package that expands without bound (a zip bomb) is refused.
//! Old documents typed in `.VnTime` or `VNI-Times` keep the font bytes as
//! Windows-1252 characters: those are decoded as in a PDF text layer.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::quality::Score;
use crate::{DocError, Extracted, Kind, Method, Options};

fn damaged(kind: Kind, reason: impl Into<String>) -> DocError {
    DocError::Damaged {
        kind: kind.name(),
        reason: reason.into(),
    }
}

/// The bytes of one member of a ZIP package, refused past `max` bytes once
/// decompressed (whatever the size the package declares).
pub fn zip_member(bytes: &[u8], name: &str, kind: Kind, max: u64) -> Result<Vec<u8>, DocError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| damaged(kind, format!("not a ZIP package: {e}")))?;
    let mut member = zip
        .by_name(name)
        .map_err(|_| damaged(kind, format!("no {name} in the package")))?;
    if member.encrypted() {
        return Err(DocError::Encrypted(kind.name()));
    }
    let limit = if max > 0 { max } else { u64::MAX - 1 };
    let mut out = Vec::new();
    (&mut member)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| damaged(kind, format!("{name}: {e}")))?;
    if out.len() as u64 > limit {
        return Err(DocError::TooLarge(format!(
            "{name} expands past the limit of {limit} bytes (from {} compressed): a zip bomb?",
            member.compressed_size()
        )));
    }
    Ok(out)
}

/// Whether the bytes are a ZIP package of a DOCX or an ODT document.
pub fn package_kind(bytes: &[u8]) -> Option<Kind> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    if zip.by_name("word/document.xml").is_ok() {
        return Some(Kind::Docx);
    }
    let mut mimetype = String::new();
    zip.by_name("mimetype")
        .ok()?
        .take(100)
        .read_to_string(&mut mimetype)
        .ok()?;
    (mimetype.trim() == "application/vnd.oasis.opendocument.text").then_some(Kind::Odt)
}

/// Reads a DOCX document's main text.
pub fn read_docx(bytes: &[u8], options: &Options) -> Result<Extracted, DocError> {
    let xml = zip_member(bytes, "word/document.xml", Kind::Docx, options.max_bytes)?;
    let text = text_of(&xml, Kind::Docx)?;
    Ok(with_legacy_fonts(Kind::Docx, text))
}

/// Reads an ODT document's text.
pub fn read_odt(bytes: &[u8], options: &Options) -> Result<Extracted, DocError> {
    let xml = zip_member(bytes, "content.xml", Kind::Odt, options.max_bytes)?;
    let text = text_of(&xml, Kind::Odt)?;
    Ok(with_legacy_fonts(Kind::Odt, text))
}

/// Decodes legacy font bytes where that reads much better than the text as stored.
fn with_legacy_fonts(kind: Kind, text: String) -> Extracted {
    let score = Score::of(&text);
    if !score.readable() {
        let legacy = vngov_decode::doc::decode_font_chars(&text);
        if legacy.encoding != "windows-1252"
            && Score::of(&legacy.text).weight() > score.weight() * 2
        {
            let mut out = Extracted::single(kind, legacy.text, Method::LegacyFont);
            out.warnings.push(crate::warning(
                "legacy_font",
                format!(
                    "the text is in legacy font bytes ({}), decoded",
                    legacy.encoding
                ),
            ));
            out.encoding = Some(legacy.encoding);
            return out;
        }
    }
    Extracted::single(kind, text, Method::Text)
}

/// What an element does to the text.
enum Role {
    /// Its text is kept.
    Text,
    /// It ends a line (a paragraph, a heading, a cell, a break).
    Line,
    /// A tab.
    Tab,
    /// Its content is left out (field codes, deleted text).
    Skip,
    /// Nothing.
    None,
}

fn role(kind: Kind, name: &str) -> Role {
    match (kind, name) {
        (Kind::Docx, "w:t") => Role::Text,
        (Kind::Docx, "w:p" | "w:br" | "w:cr" | "w:tc") => Role::Line,
        (Kind::Docx, "w:tab") => Role::Tab,
        (Kind::Docx, "w:instrText" | "w:delText") => Role::Skip,
        (Kind::Odt, "text:p" | "text:h" | "text:line-break" | "table:table-cell") => Role::Line,
        (Kind::Odt, "text:tab") => Role::Tab,
        (Kind::Odt, "text:note-citation" | "office:annotation") => Role::Skip,
        _ => Role::None,
    }
}

/// The text of a document's XML, one paragraph a line.
fn text_of(xml: &[u8], kind: Kind) -> Result<String, DocError> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = String::new();
    let mut skip = 0usize;
    // DOCX keeps text only inside <w:t>; ODT keeps all text of the body.
    let mut in_text = 0usize;
    let end_line = |out: &mut String| {
        let trimmed = out.trim_end_matches([' ', '\t']).len();
        out.truncate(trimmed);
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    };
    loop {
        let ev = reader
            .read_event_into(&mut buf)
            .map_err(|e| damaged(kind, format!("XML: {e}")))?;
        match ev {
            Event::Start(e) => match role(kind, e.name().as_ref()) {
                Role::Skip => skip += 1,
                Role::Text => in_text += 1,
                _ => {}
            },
            Event::Empty(e) => match role(kind, e.name().as_ref()) {
                Role::Line if skip == 0 => end_line(&mut out),
                Role::Tab if skip == 0 => out.push('\t'),
                _ if kind == Kind::Odt && e.name().as_ref() == "text:s" && skip == 0 => {
                    let n = e
                        .try_get_attribute("text:c")
                        .ok()
                        .flatten()
                        .and_then(|a| a.value.parse::<usize>().ok())
                        .unwrap_or(1);
                    out.extend(std::iter::repeat_n(' ', n.min(100)));
                }
                _ => {}
            },
            Event::End(e) => match role(kind, e.name().as_ref()) {
                Role::Skip => skip = skip.saturating_sub(1),
                Role::Text => in_text = in_text.saturating_sub(1),
                Role::Line if skip == 0 => end_line(&mut out),
                _ => {}
            },
            Event::Text(t) if skip == 0 && (in_text > 0 || kind == Kind::Odt) => {
                out.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if skip == 0 && (in_text > 0 || kind == Kind::Odt) => {
                match r.resolve_char_ref() {
                    Ok(Some(c)) => out.push(c),
                    _ => out.push_str(match r.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    }),
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

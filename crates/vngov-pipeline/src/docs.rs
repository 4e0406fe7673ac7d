//! Documents as published — PDF, DOCX, ODT, Word 97 — to records, through
//! `vngov-docs`: the pages' text joined line by line, normalized like any text, and
//! each page's place in the normalized text written in `source.pages`.

use vngov_docs::{DocError, Kind};
use vngov_extract::Known;
use vngov_record::{ErrorKind, Output, Source, SourcePage, Span, Warning};
use vngov_text::normalize_owned;

use crate::document::{error, guarded, iso_day, published_from_meta, record_from_normalized};
use crate::sources::{Format, Meta};
use crate::Settings;

/// The document kind of an input: what its container says, or for bytes read as
/// text, what their first bytes show (a PDF or a Word file under another name).
pub fn kind_of(format: Format, bytes: &[u8]) -> Option<Kind> {
    match format {
        Format::Document(kind) => Some(kind),
        Format::Text
            if bytes.starts_with(b"%PDF-")
                || bytes.starts_with(b"PK\x03\x04")
                || vngov_decode::doc::is_compound_file(bytes) =>
        {
            Kind::sniff(bytes)
        }
        _ => None,
    }
}

/// How documents are read, with OCR or without.
pub fn options(no_ocr: bool) -> vngov_docs::Options {
    vngov_docs::Options {
        ocr: (!no_ocr).then(vngov_docs::Ocr::default),
        ..vngov_docs::Options::default()
    }
}

fn error_kind(e: &DocError) -> ErrorKind {
    match e {
        DocError::Damaged { .. } | DocError::Encrypted(_) => ErrorKind::Decode,
        DocError::TooLarge(_) => ErrorKind::TooLarge,
        DocError::OcrUnavailable { .. } => ErrorKind::OcrUnavailable,
    }
}

/// Reads and extracts one document file.
pub(crate) fn process(
    id: String,
    mut source: Source,
    bytes: &[u8],
    kind: Kind,
    meta: &Meta,
    settings: &Settings,
    at: &dyn Fn(String) -> String,
) -> Output {
    source.format = Some(kind.name().into());
    let mut options = settings.docs.clone();
    if settings.max_bytes > 0 {
        options.max_bytes = settings.max_bytes;
    }
    guarded(id.clone(), source.clone(), at, || {
        match vngov_docs::read(bytes, kind, &options) {
            Ok(doc) => Output::Record(Box::new(record(id, source, doc, meta, settings))),
            Err(e) => error(id, source, error_kind(&e), at(e.to_string())),
        }
    })
}

fn record(
    id: String,
    mut source: Source,
    doc: vngov_docs::Extracted,
    meta: &Meta,
    settings: &Settings,
) -> vngov_record::Record {
    source.encoding = doc.encoding.clone();
    // Pages follow each other line by line: a sentence may run on to the next page.
    let mut text = String::new();
    let mut starts = Vec::with_capacity(doc.pages.len());
    let mut chars = 0;
    for p in &doc.pages {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
            chars += 1;
        }
        starts.push(chars);
        text.push_str(&p.text);
        chars += p.text.chars().count();
    }
    let normalized = normalize_owned(text, &settings.normalize);
    let len = normalized.text.chars().count();
    let map = &normalized.map;
    // The first normalized offset at or after each page's start in the input.
    let begin: Vec<usize> = starts
        .iter()
        .map(|&s| {
            let (mut lo, mut hi) = (0, len);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if map.to_input(mid) < s {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            lo
        })
        .collect();
    if doc.paged {
        source.pages = doc
            .pages
            .iter()
            .enumerate()
            .map(|(i, p)| SourcePage {
                page: i + 1,
                span: Span(begin[i], begin.get(i + 1).copied().unwrap_or(len)),
                method: p.method.name().into(),
            })
            .collect();
    }
    source.linked_from = meta.linked_from.clone();
    let known_day = meta.published.as_deref().and_then(iso_day);
    let known = Known {
        published: known_day.as_deref(),
    };
    let mut rec = record_from_normalized(id, source, normalized, known);
    rec.warnings.extend(
        doc.warnings
            .into_iter()
            .map(|w| Warning::new(w.code, w.message)),
    );
    published_from_meta(&mut rec, meta);
    rec
}

//! One document: bytes to a record, or to an error record.

use sha2::{Digest, Sha256};
use vngov_record::{
    ErrorInfo, ErrorKind, ErrorRecord, Output, Record, Source, Warning, SCHEMA_VERSION,
};
use vngov_text::{normalize, normalize_owned, Normalized};

use crate::decode::{decode, Hint};
use crate::sources::{Document, Format, Item, SourceError};
use vngov_extract::Known;

/// Settings that shape every record of a run.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Normalization settings.
    pub normalize: vngov_text::Options,
    /// Inputs larger than this many bytes become `too_large` error records (0: no limit).
    pub max_bytes: u64,
    /// How PDF and Word documents are read (OCR of scans).
    pub docs: vngov_docs::Options,
}

/// A stable identifier for a source: the first 16 hex digits of the SHA-256 of its
/// path or URL.
pub fn source_id(locator: &str) -> String {
    hex(&Sha256::digest(locator.as_bytes()))[..16].to_string()
}

/// Lower-case hexadecimal of `bytes` (digests in records and listings).
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads and extracts one item: a file is read now, a container's failure becomes
/// its error record. Never panics on bad input.
pub fn process_item(item: Item, settings: &Settings) -> Output {
    match item.load() {
        Ok(doc) => process(doc, settings),
        Err(e) => source_error(*e),
    }
}

/// The error record of a document that could not be read out of its container.
pub fn source_error(e: SourceError) -> Output {
    let source = Source {
        path: Some(e.path.clone()),
        url: e.meta.url.clone(),
        line: e.meta.line,
        input_id: e.meta.id.clone(),
        ..Source::default()
    };
    let error = ErrorInfo {
        kind: e.kind,
        message: e.describe(),
        status: e.status,
    };
    error_record(source_id(&e.locator()), source, error)
}

/// Extracts one document from its bytes and what its container says about it.
/// Never panics on bad input: failures become error records.
pub fn process(doc: Document, settings: &Settings) -> Output {
    let id = source_id(&doc.locator());
    let Document {
        path,
        position,
        bytes,
        format,
        meta,
    } = doc;
    let at = |msg: String| match &position {
        Some(p) => format!("{p}: {msg}"),
        None => msg,
    };
    let mut source = Source {
        path: Some(path),
        url: meta.url.clone(),
        format: Some("text".into()),
        bytes: Some(bytes.len() as u64),
        sha256: Some(hex(&Sha256::digest(&bytes))),
        line: meta.line,
        input_id: meta.id.clone(),
        ..Source::default()
    };
    if settings.max_bytes > 0 && bytes.len() as u64 > settings.max_bytes {
        let msg = format!(
            "{} bytes, over the limit of {}",
            bytes.len(),
            settings.max_bytes
        );
        return error(id, source, ErrorKind::TooLarge, at(msg));
    }
    if let Some(kind) = crate::docs::kind_of(format, &bytes) {
        return crate::docs::process(id, source, &bytes, kind, &meta, settings, &at);
    }
    let stdin = source.path.as_deref() == Some("-");
    let html = format == Format::Html || (stdin && crate::html::is_html("-", &bytes));
    if html {
        source.format = Some("html".into());
        let content_type = meta
            .charset
            .as_ref()
            .map(|c| format!("text/html; charset={c}"));
        let url = meta.url.clone();
        let known_day = meta.published.as_deref().and_then(iso_day);
        return guarded(id.clone(), source.clone(), &at, || {
            let known = Known {
                published: known_day.as_deref(),
            };
            let out = crate::html::process(
                id,
                source,
                &bytes,
                url.as_deref(),
                content_type.as_deref(),
                known,
                settings,
            );
            match out {
                Output::Record(mut rec) => {
                    published_from_meta(&mut rec, &meta);
                    Output::Record(rec)
                }
                err => err,
            }
        });
    }
    let hint = Hint {
        charset: meta.charset.clone(),
        format: match format {
            Format::Rtf => vngov_decode::Format::Rtf,
            _ => vngov_decode::Format::Text,
        },
        ..Hint::default()
    };
    if format == Format::Rtf || vngov_decode::rtf::looks_like_rtf(&bytes) {
        source.format = Some("rtf".into());
    }
    let decoded = match decode(&bytes, &hint) {
        Ok(d) => d,
        Err(e) => {
            let msg = match &meta.charset {
                Some(cs) => format!("{e} (declared charset {cs})"),
                None => e.to_string(),
            };
            return error(id, source, ErrorKind::Decode, at(msg));
        }
    };
    // The bytes are not needed any more: a large document should not be held twice.
    drop(bytes);
    source.encoding = Some(decoded.encoding.clone());
    guarded(id.clone(), source.clone(), &at, || {
        let normalized = normalize_owned(decoded.text, &settings.normalize);
        let known_day = meta.published.as_deref().and_then(iso_day);
        let known = Known {
            published: known_day.as_deref(),
        };
        let mut rec = record_from_normalized(id, source, normalized, known);
        let decoding = decoded
            .warnings
            .iter()
            .map(|w| Warning::new(w.code, &w.message));
        rec.warnings.extend(decoding);
        published_from_meta(&mut rec, &meta);
        Output::Record(Box::new(rec))
    })
}

/// Runs `build`; a panic in it (a defect in a rule) becomes an error record, so that
/// it costs one document, not the run.
pub(crate) fn guarded(
    id: String,
    source: Source,
    at: &dyn Fn(String) -> String,
    build: impl FnOnce() -> Output,
) -> Output {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(build)) {
        Ok(out) => out,
        Err(panic) => {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".into());
            error(
                id,
                source,
                ErrorKind::Internal,
                at(format!("extraction failed: {why}")),
            )
        }
    }
}

/// A publication date given by the container (a JSON Lines field) is used when the
/// text gives none, with a warning saying where it came from; one that is not a
/// date is ignored, with a warning. The container's other warnings join the
/// record's here too.
pub(crate) fn published_from_meta(rec: &mut Record, meta: &crate::sources::Meta) {
    rec.warnings.extend(meta.warnings.iter().cloned());
    if let Some(given) = meta.published.as_deref().filter(|p| iso_day(p).is_none()) {
        rec.warnings.push(Warning::new(
            "published_ignored",
            format!("the input's publication date {given:?} is not a YYYY-MM-DD date: ignored"),
        ));
    }
    if let Some(day) = meta.published.as_deref().and_then(iso_day) {
        if rec.published.is_none() {
            rec.published = Some(day);
            rec.warnings.push(Warning::new(
                "published_from_metadata",
                "the text gives no publication date; it comes from the input's metadata",
            ));
        }
    }
}

/// `YYYY-MM-DD` from a date or date-time given as metadata ("2024-05-08T09:30:00+07:00").
pub(crate) fn iso_day(s: &str) -> Option<String> {
    let d = s.trim().get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    let month: u32 = d[5..7].parse().ok()?;
    let day: u32 = d[8..10].parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| d.to_string())
}

/// Builds the record of a decoded text: normalization, extraction, and every fact's
/// `source_span` mapped back into the input text.
pub fn record_from_text(
    id: String,
    source: Source,
    input: &str,
    known: Known,
    settings: &Settings,
) -> Record {
    record_from_normalized(id, source, normalize(input, &settings.normalize), known)
}

/// Builds the record of a normalized text; spans map back through its offset map.
pub(crate) fn record_from_normalized(
    id: String,
    source: Source,
    normalized: Normalized,
    known: Known,
) -> Record {
    let Normalized { text, map, repairs } = normalized;
    let ex = vngov_extract::extract_with(&text, known);
    let mut warnings = ex.warnings;
    if let Some(w) = repairs_warning(&repairs) {
        warnings.push(w);
    }
    if text.trim().is_empty() {
        warnings.push(Warning::new("empty_text", "the document has no text"));
    }
    if text.contains('\u{FFFD}') {
        warnings.push(Warning::new(
            "replacement_character",
            "the text holds U+FFFD replacement characters: it was damaged before it was read",
        ));
    }
    let mut source = source;
    source.content_sha256 = Some(hex(&Sha256::digest(text.as_bytes())));
    let mut rec = Record {
        schema_version: SCHEMA_VERSION.to_string(),
        id,
        source,
        title: ex.title,
        page_kind: None,
        byline: None,
        source_credit: None,
        captions: Vec::new(),
        links: Vec::new(),
        published: ex.published.as_ref().map(|(d, _)| d.clone()),
        published_evidence: ex.published.map(|(_, e)| e),
        province: ex.province.as_ref().map(|(p, _)| p.clone()),
        province_evidence: ex.province.map(|(_, e)| e),
        text: String::new(),
        dates: ex.dates,
        documents: ex.documents,
        percentages: ex.percentages,
        meetings: ex.meetings,
        people: ex.people,
        tasks: ex.tasks,
        organizations: ex.organizations,
        warnings,
    };
    rec.map_source_spans(|s| vngov_record::Span(map.to_input(s.0), map.to_input_end(s.1)));
    rec.text = text;
    rec
}

/// One warning summing up the repairs normalization made, so that a reader comparing
/// `text` with the source knows why they differ beyond whitespace and Unicode form.
fn repairs_warning(repairs: &[vngov_text::Repair]) -> Option<Warning> {
    if repairs.is_empty() {
        return None;
    }
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for r in repairs {
        let kind = r.kind.as_str();
        match counts.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((kind, 1)),
        }
    }
    let parts: Vec<String> = counts.iter().map(|(k, n)| format!("{k} ×{n}")).collect();
    Some(Warning::new(
        "text_repaired",
        format!("normalization repaired the text: {}", parts.join(", ")),
    ))
}

pub(crate) fn error(id: String, source: Source, kind: ErrorKind, message: String) -> Output {
    error_record(id, source, ErrorInfo::new(kind, message))
}

fn error_record(id: String, source: Source, error: ErrorInfo) -> Output {
    Output::Error(Box::new(ErrorRecord {
        schema_version: SCHEMA_VERSION.to_string(),
        id,
        source,
        error,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_are_reported_and_spans_map_back_to_the_input() {
        let input = "Đồng chí nhấn mạnh:ứng dụng CNTT. T\n\nrước mắt đạt 95,6%.";
        let rec = record_from_text(
            "x".into(),
            Source::default(),
            input,
            Default::default(),
            &Settings::default(),
        );
        let w = rec
            .warnings
            .iter()
            .find(|w| w.code == "text_repaired")
            .expect("a repair warning");
        assert!(w.message.contains("joined_broken_word ×1"), "{}", w.message);
        assert!(w.message.contains("inserted_space ×1"), "{}", w.message);
        let p = &rec.percentages[0];
        let chars: Vec<char> = input.chars().collect();
        let orig: String = chars[p.evidence.source_span.0..p.evidence.source_span.1]
            .iter()
            .collect();
        assert_eq!(orig, "95,6%");
        assert_ne!(p.evidence.span, p.evidence.source_span);
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(source_id("corpus/a.txt"), source_id("corpus/a.txt"));
        assert_ne!(source_id("corpus/a.txt"), source_id("corpus/b.txt"));
        assert_eq!(source_id("x").len(), 16);
    }

    fn file(path: std::path::PathBuf, max_bytes: u64) -> Item {
        Item::File {
            path,
            format: Format::Text,
            size: 0,
            max_bytes,
        }
    }

    #[test]
    fn unreadable_and_binary_inputs_become_error_records() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("junk.txt");
        std::fs::write(&bin, b"\x00\x01\x02PK").unwrap();
        for (input, kind) in [
            (file(dir.path().join("missing.txt"), 0), ErrorKind::Io),
            (file(bin, 0), ErrorKind::Decode),
        ] {
            match process_item(input, &Settings::default()) {
                Output::Error(e) => {
                    assert_eq!(e.error.kind, kind);
                    assert!(e.source.path.is_some());
                }
                Output::Record(_) => panic!("expected an error record"),
            }
        }
    }

    fn record_of(name: &str, bytes: &[u8]) -> Record {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join(name);
        std::fs::write(&f, bytes).unwrap();
        match process_item(file(f, 0), &Settings::default()) {
            Output::Record(r) => *r,
            Output::Error(e) => panic!("{name}: {}", e.error.message),
        }
    }

    #[test]
    fn legacy_encodings_become_records_with_facts_from_the_converted_text() {
        // "Căn cứ Quyết định số 1234/QĐ-UBND ngày 05 tháng 3 năm 2008 của UBND tỉnh
        // Đồng Nai;" in TCVN3, then in VNI, then in Windows-1258.
        let tcvn3 = b"C\xa8n c\xf8 Quy\xd5t \xae\xdenh s\xe8 1234/Q\xa7-UBND ng\xb5y 05 th\xb8ng 3 n\xa8m 2008 c\xf1a UBND t\xd8nh \xa7\xe5ng Nai;";
        let vni = b"Ca\xean c\xf6\xf9 Quye\xe1t \xf1\xf2nh so\xe1 1234/Q\xd1-UBND nga\xf8y 05 tha\xf9ng 3 na\xeam 2008 cu\xfba UBND t\xe6nh \xd1o\xe0ng Nai;";
        let cp1258 = b"C\xe3n c\xfd\xec Quy\xea\xect \xf0i\xf2nh s\xf4\xec 1234/Q\xd0-UBND nga\xccy 05 tha\xecng 3 n\xe3m 2008 cu\xd2a UBND ti\xd2nh \xd0\xf4\xccng Nai;";
        for (name, bytes, encoding) in [
            ("a.txt", &tcvn3[..], "tcvn3"),
            ("b.txt", &vni[..], "vni"),
            ("c.txt", &cp1258[..], "windows-1258"),
        ] {
            let rec = record_of(name, bytes);
            assert_eq!(rec.source.encoding.as_deref(), Some(encoding), "{name}");
            assert_eq!(rec.source.format.as_deref(), Some("text"));
            assert!(
                rec.text.starts_with("Căn cứ Quyết định số 1234/QĐ-UBND"),
                "{}",
                rec.text
            );
            assert_eq!(rec.documents[0].number, "1234/QĐ-UBND", "{name}");
            assert_eq!(rec.documents[0].type_code.as_deref(), Some("QĐ"), "{name}");
        }
    }

    #[test]
    fn rtf_files_are_read_as_rtf() {
        let rtf = br"{\rtf1\ansi{\fonttbl{\f0 .VnTime;}}\f0 Th\'abng b\'b8o s\'e8 295/TB-UBND\par}";
        let rec = record_of("notice.rtf", rtf);
        assert_eq!(rec.source.format.as_deref(), Some("rtf"));
        assert_eq!(rec.source.encoding.as_deref(), Some("tcvn3"));
        assert_eq!(rec.text.trim_end(), "Thông báo số 295/TB-UBND");
    }

    #[test]
    fn oversized_inputs_are_refused() {
        let s = Settings {
            max_bytes: 10,
            ..Settings::default()
        };
        let doc = Document::text("big.txt", "a".repeat(100).into_bytes());
        assert!(
            matches!(process(doc, &s), Output::Error(e) if e.error.kind == ErrorKind::TooLarge)
        );
    }

    #[test]
    fn container_metadata_reaches_the_record() {
        let mut doc = Document::text("a.jsonl", "Tin ngắn không có ngày.".as_bytes().to_vec());
        doc.position = Some("line 4".into());
        doc.meta.url = Some("https://sonoivu.gov.vn/tin/1".into());
        doc.meta.published = Some("2024-05-08T09:30:00+07:00".into());
        let Output::Record(r) = process(doc, &Settings::default()) else {
            panic!()
        };
        assert_eq!(r.id, source_id("https://sonoivu.gov.vn/tin/1"));
        assert_eq!(
            r.source.url.as_deref(),
            Some("https://sonoivu.gov.vn/tin/1")
        );
        assert_eq!(r.published.as_deref(), Some("2024-05-08"));
        assert!(r
            .warnings
            .iter()
            .any(|w| w.code == "published_from_metadata"));
        assert_eq!(iso_day("2024-13-01"), None);
        assert_eq!(iso_day("hôm qua"), None);
    }

    #[test]
    fn decode_errors_name_the_position_and_declared_charset() {
        // Binary junk, whatever charset the container declares for it.
        let mut doc = Document::text("a.warc.gz", b"\x00\x01\x02PK\x03\x04".to_vec());
        doc.position = Some("record 2 at byte 900".into());
        doc.meta.charset = Some("windows-1258".into());
        let Output::Error(e) = process(doc, &Settings::default()) else {
            panic!()
        };
        assert!(
            e.error.message.starts_with("record 2 at byte 900: "),
            "{}",
            e.error.message
        );
        assert!(
            e.error.message.contains("windows-1258"),
            "{}",
            e.error.message
        );
    }
}

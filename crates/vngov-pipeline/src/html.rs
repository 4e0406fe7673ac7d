//! Web pages: HTML bytes to a record through `vngov-html`.
//!
//! The page's headline, date line and body paragraphs become the text that goes
//! through the same normalization and rules as a text article, so every fact's span
//! points into the record's `text`. The page's own reading then fills what HTML
//! knows better: the headline as written, the publication date (its evidence is the
//! date as the text rules read it in that text), the byline, the credit, captions,
//! and for a listing its links.

use vngov_record::{ErrorKind, Output, PageKind, Record, Source, Warning};

use vngov_extract::Known;

use crate::document::{error, record_from_text, Settings};

/// File extensions read as HTML.
pub const HTML_EXTENSIONS: &[&str] = &["html", "htm"];

/// Whether an input is a web page: by its extension, or, for standard input, by its
/// first tag.
pub fn is_html(path: &str, bytes: &[u8]) -> bool {
    let ext = path.rsplit_once('.').map(|(_, e)| e);
    if let Some(e) = ext.filter(|_| path != "-") {
        return HTML_EXTENSIONS.iter().any(|h| h.eq_ignore_ascii_case(e));
    }
    let head = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let head = &head[start..head.len().min(start + 16)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html")
}

/// Reads one page into a record or an error record. `url` is the page's address
/// and `content_type` its HTTP `Content-Type` when it was fetched; `known` is what
/// the input's metadata says of the page (the page's own date comes first).
pub fn process(
    id: String,
    mut source: Source,
    bytes: &[u8],
    url: Option<&str>,
    content_type: Option<&str>,
    known: Known,
    settings: &Settings,
) -> Output {
    let page = match vngov_html::parse(bytes, content_type, url) {
        Ok(p) => p,
        Err(e) => return error(id, source, ErrorKind::Decode, e.to_string()),
    };
    source.encoding = Some(page.encoding.clone());
    Output::Record(Box::new(record_from_page(
        id, source, page, known, settings,
    )))
}

/// Builds the record of a read page. The page's date, when it gives one, is the
/// known publication date the text rules start from (so that years the text leaves
/// unwritten are inferred from it).
pub fn record_from_page(
    id: String,
    source: Source,
    page: vngov_html::Page,
    known: Known,
    settings: &Settings,
) -> Record {
    let mut parts: Vec<&str> = Vec::new();
    if let Some(t) = &page.title {
        parts.push(t);
    }
    // The date line goes at the top unless the body already holds it.
    if let Some(p) = &page.published {
        if !page
            .paragraphs
            .iter()
            .any(|para| para.contains(p.text.as_str()))
        {
            parts.push(&p.text);
        }
    }
    parts.extend(page.paragraphs.iter().map(String::as_str));
    let text = parts.join("\n\n");
    let known = match (&page.published, page.kind) {
        (_, PageKind::Listing) => Known::default(),
        (Some(p), _) => Known {
            published: Some(p.date.as_str()),
        },
        (None, _) => known,
    };
    let mut rec = record_from_text(id, source, &text, known, settings);
    let mut warnings = page.warnings;
    warnings.append(&mut rec.warnings);
    rec.warnings = warnings;
    rec.page_kind = Some(page.kind);
    if page.kind == PageKind::Listing {
        // A listing's dates belong to the articles it lists.
        rec.title = None;
        rec.published = None;
        rec.published_evidence = None;
        rec.links = page.links;
        return rec;
    }
    rec.title = page.title.or(rec.title);
    rec.byline = page.byline;
    rec.source_credit = page.source_credit;
    rec.captions = page.captions;
    if let Some(p) = page.published {
        let agrees = rec.published.as_deref() == Some(p.date.as_str());
        if !agrees {
            // The date as the text rules read it in the date line: its evidence
            // points into `text`.
            match rec.dates.iter().find(|d| d.value == p.date) {
                Some(d) => {
                    rec.published = Some(p.date);
                    rec.published_evidence = Some(d.evidence.clone());
                }
                None => rec.warnings.push(Warning::new(
                    "published_not_in_text",
                    format!(
                        "the page gives {} as its publication date ({}), but the date cannot be pointed at in the text",
                        p.date, p.text
                    ),
                )),
            }
        }
    }
    rec
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(page: &str) -> Record {
        match process(
            "x".into(),
            Source::default(),
            page.as_bytes(),
            None,
            None,
            Known::default(),
            &Settings::default(),
        ) {
            Output::Record(r) => *r,
            Output::Error(e) => panic!("error record: {}", e.error.message),
        }
    }

    #[test]
    fn detection_by_extension_or_first_tag() {
        assert!(is_html("a/b.HTML", b""));
        assert!(is_html("a/b.htm", b""));
        assert!(!is_html("a/b.txt", b"<html>"));
        assert!(is_html("-", b"\n  <!DOCTYPE html><html>"));
        assert!(!is_html("-", b"Ngay 12/3"));
    }

    #[test]
    fn article_page_record() {
        let r = record(
            r#"<html><head><title>Họp bàn - Cổng TTĐT tỉnh</title>
            <meta property="article:published_time" content="2024-05-03T15:28:00+07:00"></head>
            <body><div class="menu"><a href="/">Trang chủ</a> <a href="/tt">Tin tức</a></div>
            <div class="detail"><h1>UBND tỉnh họp bàn chuyển đổi số</h1>
            <div class="date">Thứ 6, ngày 03/05/2024 | 03:28 PM</div>
            <p>Chiều ngày 02/5, UBND tỉnh Quảng Trị họp bàn về chuyển đổi số, tỷ lệ hồ sơ trực tuyến đạt 95,6%.</p>
            <p>Lệ Hằng</p></div><div class="footer">Bản quyền thuộc UBND tỉnh</div></body></html>"#,
        );
        assert_eq!(r.title.as_deref(), Some("UBND tỉnh họp bàn chuyển đổi số"));
        assert_eq!(r.published.as_deref(), Some("2024-05-03"));
        let ev = r.published_evidence.as_ref().unwrap();
        let spanned: String = r
            .text
            .chars()
            .skip(ev.span.0)
            .take(ev.span.1 - ev.span.0)
            .collect();
        assert_eq!(spanned, ev.text);
        assert_eq!(r.byline.as_deref(), Some("Lệ Hằng"));
        assert_eq!(r.page_kind, Some(PageKind::Article));
        assert!(!r.text.contains("Trang chủ") && !r.text.contains("Bản quyền"));
        assert_eq!(r.percentages.len(), 1);
        let meeting = r.meetings.first().expect("the meeting");
        assert_eq!(meeting.date.as_deref(), Some("2024-05-02"));
    }

    #[test]
    fn the_page_date_gives_the_years_the_text_leaves_out() {
        // Only the markup dates the page; the text's one written year is older.
        let r = record(
            r#"<html><head><meta property="article:published_time" content="2024-05-03T15:28:00+07:00"></head>
            <body><div class="detail"><h1>UBND tỉnh họp bàn chuyển đổi số</h1>
            <p>Chiều ngày 02/5, đồng chí Nguyễn Văn A, Chủ tịch UBND tỉnh chủ trì cuộc họp triển khai Kế hoạch số 12/KH-UBND ngày 10/01/2019 của UBND tỉnh.</p>
            <p>Lệ Hằng</p></div></body></html>"#,
        );
        let meeting = r.meetings.first().expect("the meeting");
        assert_eq!(meeting.date.as_deref(), Some("2024-05-02"));
        assert!(meeting.date_year_inferred);
    }

    #[test]
    fn binary_data_is_an_error_record() {
        let out = process(
            "x".into(),
            Source::default(),
            b"\x89PNG\r\n\x1a\n\0\0",
            None,
            None,
            Known::default(),
            &Settings::default(),
        );
        assert!(matches!(out, Output::Error(e) if e.error.kind == ErrorKind::Decode));
    }
}

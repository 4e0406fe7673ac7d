//! Snapshot tests over `fixtures/*.txt` and unit tests for the tricky cases.

use vngov_record::{DateFact, DatePrecision, DocumentFamily, Evidence, Span};

use super::extract;
use crate::Doc;

/// One line per number: `number | family | type_code | type | issuer | year | issued | mentions | subject`.
fn render(text: &str, dates: &[DateFact]) -> String {
    let doc = Doc::new(text);
    extract(&doc, dates)
        .iter()
        .map(|d| {
            format!(
                "{} | {:?} | {} | {} | {} | {} | {} | x{} | {} | @{}..{}",
                d.number,
                d.family,
                d.type_code.as_deref().unwrap_or("-"),
                d.doc_type.as_deref().unwrap_or("-"),
                d.issuer_code.as_deref().unwrap_or("-"),
                d.year.map_or("-".to_string(), |y| y.to_string()),
                d.issued.as_deref().unwrap_or("-"),
                d.mentions,
                d.subject.as_deref().unwrap_or("-"),
                d.evidence.span.0,
                d.evidence.span.1,
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

crate::fixture_snapshots!(|text: &str| render(text, &[]));

/// A day-precision date at the char span of `needle` in `text`.
fn date_at(text: &str, needle: &str, value: &str) -> DateFact {
    let b = text.find(needle).expect("needle");
    let start = text[..b].chars().count();
    let span = Span(start, start + needle.chars().count());
    DateFact {
        value: value.to_string(),
        precision: DatePrecision::Day,
        year_inferred: false,
        start: None,
        end: None,
        evidence: Evidence {
            text: needle.to_string(),
            span,
            source_span: span,
            evidence: String::new(),
        },
    }
}

#[test]
fn issued_is_the_date_right_after_the_number() {
    let t = "Thực hiện Quyết định số 1072/QĐ-TTg ngày 28/8/2018 của Thủ tướng Chính phủ về việc phê duyệt Đề án, ngày 05/01/2019 UBND tỉnh họp.";
    let dates = [
        date_at(t, "28/8/2018", "2018-08-28"),
        date_at(t, "05/01/2019", "2019-01-05"),
    ];
    let d = extract(&Doc::new(t), &dates);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].issued.as_deref(), Some("2018-08-28"));
    assert_eq!(d[0].subject.as_deref(), Some("phê duyệt Đề án"));
}

#[test]
fn issued_after_a_comma_and_when_the_date_span_holds_ngay() {
    let t = "(Theo Công văn số 6202/UBND-KT, ngày 23/11/2023)";
    let dates = [date_at(t, "ngày 23/11/2023", "2023-11-23")];
    let d = extract(&Doc::new(t), &dates);
    assert_eq!(d[0].issued.as_deref(), Some("2023-11-23"));
    assert_eq!(d[0].family, DocumentFamily::OfficialLetter);
    assert_eq!(d[0].doc_type.as_deref(), Some("Công văn"));
}

#[test]
fn a_later_date_is_not_the_issue_date() {
    let t = "Kế hoạch 186/KH-UBND triển khai đến ngày 31/12/2026.";
    let dates = [date_at(t, "31/12/2026", "2026-12-31")];
    let d = extract(&Doc::new(t), &dates);
    assert_eq!(d[0].issued, None);
}

#[test]
fn header_number_takes_the_place_and_date_line() {
    let t = "Số: 25/KH-UBND |\nLong An, ngày 10 tháng 3 năm 2024 |\nKẾ HOẠCH";
    let dates = [date_at(t, "10 tháng 3 năm 2024", "2024-03-10")];
    let d = extract(&Doc::new(t), &dates);
    assert_eq!(d[0].issued.as_deref(), Some("2024-03-10"));
}

#[test]
fn upper_cased_repeat_is_the_same_document_with_body_casing() {
    let t = "KẾ HOẠCH THỰC HIỆN QUYẾT ĐỊNH SỐ 12/2015/QĐ-TTG NGÀY 2/2/2015\nCăn cứ Quyết định số 12/2015/QĐ-TTg của Thủ tướng.";
    let d = extract(&Doc::new(t), &[]);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].number, "12/2015/QĐ-TTg");
    assert_eq!(d[0].issuer_code.as_deref(), Some("TTg"));
    assert_eq!(d[0].mentions, 2);
    assert_eq!(d[0].evidence.text, "12/2015/QĐ-TTG");
}

#[test]
fn truncated_repeat_at_the_end_of_the_text() {
    let t = "Căn cứ Quyết định số 77/QĐ-TTg ngày 1/2/2020; thực hiện Quyết định số 77/QĐ-T";
    let d = extract(&Doc::new(t), &[]);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].mentions, 2);
}

#[test]
fn look_alike_eth_becomes_d_with_stroke() {
    let t = "Quyết định số 15/Q\u{00D0}-UBND và Nghị định 12/2019/N\u{00D0}-CP";
    let d = extract(&Doc::new(t), &[]);
    let n: Vec<&str> = d.iter().map(|d| d.number.as_str()).collect();
    assert_eq!(n, ["15/QĐ-UBND", "12/2019/NĐ-CP"]);
    assert_eq!(d[0].type_code.as_deref(), Some("QĐ"));
}

#[test]
fn short_party_number_needs_a_type_name() {
    let t = "ban hành Nghị quyết 09/TU ngày 2/3; đạt 9/TU khác";
    let d = extract(&Doc::new(t), &[]);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].number, "09/TU");
    assert_eq!(d[0].family, DocumentFamily::Party);
    assert_eq!(d[0].doc_type.as_deref(), Some("Nghị quyết"));
}

#[test]
fn issuer_sharing_a_type_code_called_cong_van() {
    let t = "Công văn số 4521/CT-TTHT của Cục Thuế";
    let d = extract(&Doc::new(t), &[]);
    assert_eq!(d[0].family, DocumentFamily::OfficialLetter);
    assert_eq!(d[0].issuer_code.as_deref(), Some("CT"));
    assert_eq!(d[0].type_code, None);
}

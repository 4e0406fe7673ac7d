//! Snapshot tests over `fixtures/*.txt` and unit tests for the tricky cases.

use super::extract;
use crate::Doc;

/// One line per percentage: `value | qualifier | measure | evidence text`.
fn render(text: &str) -> String {
    extract(&Doc::new(text))
        .iter()
        .map(|p| {
            format!(
                "{} | {} | {} | {:?}",
                p.value,
                p.qualifier.as_deref().unwrap_or("-"),
                p.measure.as_deref().unwrap_or("-"),
                p.evidence.text,
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn values(text: &str) -> Vec<f64> {
    extract(&Doc::new(text)).iter().map(|p| p.value).collect()
}

crate::fixture_snapshots!(render);

#[test]
fn decimal_comma_and_spaced_sign() {
    assert_eq!(values("đạt 0,5%; còn 53,2 % và 99,98%"), [0.5, 53.2, 99.98]);
}

#[test]
fn ratios_dates_and_codes_are_not_percentages() {
    assert!(values("27/27 xã, 6/9 huyện, ngày 24/02, số 95,6 điểm").is_empty());
}

#[test]
fn range_reports_both_ends() {
    assert_eq!(
        values("đạt 80-90% và từ 60 đến 70 phần trăm"),
        [80.0, 90.0, 60.0, 70.0]
    );
    assert_eq!(values("giai đoạn 2019-20% vốn"), [20.0]);
    assert_eq!(values("từ 10%-15%"), [10.0, 15.0]);
}

#[test]
fn qualifier_and_measure() {
    let d = Doc::new("Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 95%; 100% xã có điểm phục vụ.");
    let p = extract(&d);
    assert_eq!(p[0].qualifier.as_deref(), Some("trên"));
    assert_eq!(
        p[0].measure.as_deref(),
        Some("Tỷ lệ hồ sơ giải quyết đúng hạn")
    );
    assert_eq!(p[1].qualifier, None);
    assert_eq!(p[1].measure.as_deref(), Some("xã"));
}

#[test]
fn percentage_points_with_the_sign() {
    assert_eq!(values("thấp hơn 2,1 điểm % so với cùng kỳ"), [2.1]);
}

#[test]
fn a_numbered_label_before_a_dash_is_not_a_range() {
    assert_eq!(
        values("lớp 12 - 99,2% học sinh; Quận 1 - 45%"),
        [99.2, 45.0]
    );
    assert_eq!(values("tăng bình quân 5 - 7%/năm"), [5.0, 7.0]);
    assert_eq!(values("bằng 50 - 70% chi phí"), [50.0, 70.0]);
}
